"""What a council's security review checks from outside: HTTPS only, a strict
Content-Security-Policy, sessions that end, and a lockout that cannot be turned on others."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from sendplan.accounts.client_address import client_address
from sendplan.test import PASSWORD, PlanWorld, start_cycle

PROJECT = Path(__file__).resolve().parents[3]


def production_environment() -> dict[str, str]:
    """The environment of a real deployment, as the README describes it."""
    keep = {name: value for name, value in os.environ.items() if not name.startswith("SENDPLAN_")}
    # The browser tests' setting for Playwright's event loop, and the suite's own settings.
    keep.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    keep.pop("DJANGO_SETTINGS_MODULE", None)
    return keep | {
        "SENDPLAN_SECRET_KEY": secrets.token_urlsafe(50),
        "SENDPLAN_ALLOWED_HOSTS": "sendplan.testshire.gov.uk",
        "DJANGO_SETTINGS_MODULE": "sendplan.settings",
    }


def test_the_deployment_check_finds_nothing_to_warn_about_with_production_settings(
    tmp_path: Path,
) -> None:
    environment = production_environment() | {"SENDPLAN_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


def production_settings(*names: str, **environment: str) -> list[str]:
    """Settings as a deployment with this environment reads them, each printed as Python."""
    code = "import django; django.setup(); from django.conf import settings as s; "
    code += f"print(*(repr(getattr(s, name, None)) for name in {names!r}), sep='\\n')"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=production_environment() | environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout.splitlines()


def test_production_settings_send_http_to_https_and_keep_sessions_to_eight_hours() -> None:
    names = ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE")
    assert production_settings(*names, "SESSION_COOKIE_AGE") == [
        "True",
        str(365 * 24 * 3600),
        "True",
        str(8 * 3600),
    ]
    assert production_settings("SESSION_COOKIE_AGE", SENDPLAN_SESSION_HOURS="1.5") == ["5400"]


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000)
def test_it_sends_plain_http_to_https_and_tells_browsers_to_stay(db: None) -> None:
    client = Client()
    response = client.get(reverse("login"))
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/sign-in/"
    secure = client.get(reverse("login"), secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


def test_behind_a_proxy_it_trusts_the_scheme_the_proxy_reports(db: None) -> None:
    header = ("HTTP_X_FORWARDED_PROTO", "https")
    assert production_settings("SECURE_PROXY_SSL_HEADER") == ["None"]
    assert production_settings("SECURE_PROXY_SSL_HEADER", SENDPLAN_TRUSTED_PROXIES="1") == [
        repr(header)
    ]
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=header):
        response = Client().get(reverse("login"), headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200


@override_settings(SECURE_SSL_REDIRECT=True)
def test_without_a_proxy_it_ignores_a_scheme_the_client_claims(db: None) -> None:
    response = Client().get(reverse("login"), headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 301


# The pages that carry the most: forms, tables, charts, the QR code of two-factor set-up.
def responses(world: PlanWorld) -> Iterator[tuple[str, Any]]:
    start_cycle(world)
    client = world.client_for("programme_manager")
    plan = world.plan.pk
    for url in [
        reverse("home"),
        reverse("plan", args=[plan]),
        reverse("action", args=[plan, world.action.pk]),
        reverse("update_add", args=[plan, world.action.pk]),
        reverse("period", args=[plan, world.periods[0].pk]),
        reverse("board_report", args=[plan]),
        reverse("timeline", args=[plan]),
        reverse("import_new"),
    ]:
        yield url, client.get(url)
    yield reverse("login"), Client().get(reverse("login"))
    with override_settings(REQUIRE_2FA_ROLES=frozenset({"programme_manager"})):
        url = reverse("two_factor_set_up")
        yield url, world.client_for("programme_manager").get(url)


def test_every_page_has_a_strict_content_security_policy(world: PlanWorld) -> None:
    for url, response in responses(world):
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'", url
        assert directives["style-src"] == "'self'", url
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe" not in policy


def test_no_page_holds_a_script_or_style_the_policy_would_block(world: PlanWorld) -> None:
    # The policy refuses script and style written inside a page; a page that had any would
    # lose it in the browser (the browser tests also fail on any refusal the browser reports).
    for url, response in responses(world):
        page = response.content.decode()
        for script in re.findall(r"<script\b[^>]*>", page):
            assert "src=" in script, f"{url}: {script}"
        assert not re.search(r"<script\b[^>]*>\s*[^<\s]", page), url
        assert not re.search(r"<style\b", page), url
        assert not re.search(r"\sstyle=", page), url
        assert not re.search(r"\son[a-z]+=", page), url


def test_a_session_ends_after_the_configured_hours(world: PlanWorld) -> None:
    client = Client()
    client.post(reverse("login"), {"username": "adviser", "password": PASSWORD})
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 8 * 3600
    with override_settings(SESSION_COOKIE_AGE=3600):
        other = Client()
        other.post(reverse("login"), {"username": "adviser", "password": PASSWORD})
        assert other.session.get_expiry_age() == 3600


# Failed sign-ins behind a proxy: every request reaches the application from the proxy's address.
PROXY = "10.0.0.2"


def sign_in(password: str, forwarded_for: str, username: str = "adviser") -> int:
    response = Client(REMOTE_ADDR=PROXY).post(
        reverse("login"),
        {"username": username, "password": password},
        headers={"X-Forwarded-For": forwarded_for},
    )
    return response.status_code


@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXIES=1)
def test_behind_a_proxy_a_lockout_falls_only_on_the_address_that_failed(world: PlanWorld) -> None:
    attacker = "203.0.113.9"
    for _ in range(3):
        sign_in("wrong", attacker)
    assert sign_in(PASSWORD, attacker) == 429
    # The adviser, from their own office, is not locked out by someone else's failures.
    assert sign_in(PASSWORD, "198.51.100.7") == 302


@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXIES=1)
def test_an_address_made_up_by_the_client_does_not_escape_a_lockout(world: PlanWorld) -> None:
    # The client writes its own X-Forwarded-For; the proxy appends the address it saw.
    for made_up in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        sign_in("wrong", f"{made_up}, 203.0.113.9")
    assert sign_in(PASSWORD, "192.0.2.4, 203.0.113.9") == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_with_no_proxy_set_a_forwarded_address_is_ignored(world: PlanWorld) -> None:
    for made_up in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        sign_in("wrong", made_up)
    assert sign_in(PASSWORD, "192.0.2.4") == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.7", "10.0.0.2"),
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "made-up, 198.51.100.7", "198.51.100.7"),
        (2, "198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (2, "10.0.0.1", "10.0.0.2"),  # one proxy short: not the way the setting says
        (1, "not an address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_it_takes_the_client_address_the_outermost_trusted_proxy_saw(
    proxies: int, forwarded: str, expected: str
) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXIES=proxies):
        assert client_address(request) == expected
