"""Two-factor authentication for the roles that need it: an authenticator app and recovery codes."""

from __future__ import annotations

import re
import time
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendplan.accounts import services
from sendplan.accounts.models import Membership, Role
from sendplan.accounts.sso import SSO_SESSION_KEY
from sendplan.accounts.tests.oidc_provider import StandInProvider
from sendplan.accounts.views import SETUP_KEY_SESSION
from sendplan.audit.models import AuditEvent
from sendplan.test import PASSWORD, PlanWorld

MANAGER = Role.PROGRAMME_MANAGER.value

pytestmark = pytest.mark.usefixtures("two_factor_on")


@pytest.fixture
def two_factor_on() -> object:
    with override_settings(REQUIRE_2FA_ROLES=frozenset({"area_admin", "programme_manager"})):
        yield


def code_for(key: str, steps_ahead: int = 0) -> str:
    """The code an authenticator app with this secret (hex) shows now, or a step later."""
    totp = TOTP(bytes.fromhex(key))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def sign_in(username: str) -> Client:
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password was refused"
    return client


def set_up_app(client: Client) -> tuple[str, list[str]]:
    """Set up an authenticator app as a person would; returns its secret and recovery codes."""
    client.get(reverse("two_factor_set_up"))
    key = client.session[SETUP_KEY_SESSION]
    response = client.post(reverse("two_factor_set_up"), {"code": code_for(key), "next": "/"})
    assert response.status_code == 302, response.content.decode()
    page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", page)
    return key, codes


def with_app(user: User) -> TOTPDevice:
    device, _ = services.two_factor_enable(
        actor=user, user=user, key="ab" * 20, code=code_for("ab" * 20)
    )
    # As if that code was a while ago, so the one now can be given.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    return device


def test_it_asks_a_manager_to_set_up_an_app_after_their_password(world: PlanWorld) -> None:
    client = sign_in(MANAGER)

    response = client.get(reverse("plan", args=[world.plan.pk]))

    url = reverse("plan", args=[world.plan.pk])
    assert response["Location"] == f"{reverse('two_factor_set_up')}?next={url.replace('/', '%2F')}"
    page = client.get(response["Location"]).content.decode()
    assert "Set up two-factor authentication" in page
    assert '<svg class="sendplan-qr" role="img" aria-label="QR code' in page
    assert "style=" not in page.split('<svg class="sendplan-qr"')[1].split("</svg>")[0]
    key = client.session[SETUP_KEY_SESSION]
    # The same secret as text, for those who cannot scan it: base 32, in groups of four.
    assert re.search(r'id="setup-key">([A-Z2-7]{4} ){7}[A-Z2-7]{4}</p>', page)
    field = re.search(r'<input class="govuk-input[^>]*name="code"[^>]*>', page)
    assert field is not None
    assert 'autocomplete="one-time-code"' in field.group()
    assert 'inputmode="numeric"' in field.group()
    # Nothing else is offered until it is done.
    assert "Your plans" not in page and "Change password" not in page
    assert "Sign out" in page
    assert not TOTPDevice.objects.filter(user=world.users[MANAGER]).exists()
    assert client.session[SETUP_KEY_SESSION] == key


def test_it_keeps_the_app_once_it_gives_a_right_code_and_shows_the_recovery_codes_once(
    world: PlanWorld,
) -> None:
    client = sign_in(MANAGER)
    client.get(reverse("two_factor_set_up"))
    key = client.session[SETUP_KEY_SESSION]
    url = reverse("plan", args=[world.plan.pk])

    response = client.post(reverse("two_factor_set_up"), {"code": code_for(key), "next": url})

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Save your recovery codes" in page
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", page)
    assert len(codes) == 10
    assert f'href="{url}"' in page
    # Shown once only.
    assert codes[0] not in client.get(reverse("two_factor_codes"), follow=True).content.decode()
    assert client.get(url).status_code == 200
    manager = world.users[MANAGER]
    assert TOTPDevice.objects.get(user=manager).confirmed
    event = AuditEvent.objects.get(object_type="user", note="Two-factor authentication set up")
    assert key not in str(event.changes) and codes[0] not in str(event.changes)


def test_it_refuses_a_wrong_code_while_setting_up(world: PlanWorld) -> None:
    client = sign_in(MANAGER)
    client.get(reverse("two_factor_set_up"))
    key = client.session[SETUP_KEY_SESSION]
    wrong = f"{(int(code_for(key)) + 1) % 1_000_000:06d}"

    for code, message in [
        ("", "Enter the code from your authenticator app"),
        ("12ab56", "Enter the code as 6 numbers"),
        (wrong, "The code is not right. Enter the code your app shows now"),
    ]:
        page = client.post(reverse("two_factor_set_up"), {"code": code}).content.decode()
        assert "There is a problem" in page
        assert message in page
    assert not TOTPDevice.objects.exists()
    # The secret the app was given still stands.
    assert client.session[SETUP_KEY_SESSION] == key


def test_it_asks_for_a_code_on_each_sign_in_with_a_password(world: PlanWorld) -> None:
    manager = world.users[MANAGER]
    with_app(manager)
    client = sign_in(MANAGER)

    response = client.get(reverse("home"))

    assert response["Location"] == f"{reverse('two_factor_verify')}?next=%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Enter the code from your authenticator app" in page
    # Setting up a new app first is not a way round it.
    response = client.get(reverse("two_factor_set_up"))
    assert response["Location"].startswith(reverse("two_factor_verify"))

    response = client.post(reverse("two_factor_verify"), {"code": code_for("ab" * 20), "next": "/"})

    assert response["Location"] == "/"
    assert client.get(reverse("home")).status_code == 200
    assert "Two-factor authentication" in client.get(reverse("home")).content.decode()


def test_a_code_works_once(world: PlanWorld) -> None:
    with_app(world.users[MANAGER])
    code = code_for("ab" * 20)
    first = sign_in(MANAGER)
    first.post(reverse("two_factor_verify"), {"code": code})
    second = sign_in(MANAGER)
    page = second.post(reverse("two_factor_verify"), {"code": code}).content.decode()
    assert "The code is not right" in page
    assert second.get(reverse("home")).status_code == 302


@override_settings(OTP_TOTP_THROTTLE_FACTOR=60)
def test_wrong_codes_make_it_wait(world: PlanWorld) -> None:
    with_app(world.users[MANAGER])
    client = sign_in(MANAGER)
    wrong = f"{(int(code_for('ab' * 20)) + 1) % 1_000_000:06d}"
    client.post(reverse("two_factor_verify"), {"code": wrong})
    page = client.post(reverse("two_factor_verify"), {"code": code_for("ab" * 20)})
    assert re.search(r"Too many wrong codes. Wait (59|60) seconds", page.content.decode())
    assert client.get(reverse("home")).status_code == 302


def test_a_recovery_code_works_once_instead_of_the_app(world: PlanWorld) -> None:
    manager = world.users[MANAGER]
    client = sign_in(MANAGER)
    _, codes = set_up_app(client)
    client.post(reverse("logout"))

    client = sign_in(MANAGER)
    page = client.get(reverse("two_factor_verify")).content.decode()
    assert "use a recovery code" in page
    response = client.post(
        reverse("two_factor_recovery"), {"code": codes[0].upper(), "next": "/"}, follow=True
    )
    assert "You have 9 recovery codes left" in response.content.decode()
    assert StaticToken.objects.filter(device__user=manager).count() == 9
    assert AuditEvent.objects.filter(note="Signed in with a recovery code").count() == 1

    client.post(reverse("logout"))
    client = sign_in(MANAGER)
    page = client.post(reverse("two_factor_recovery"), {"code": codes[0]}).content.decode()
    assert "That recovery code is not right, or has been used" in page


def test_new_recovery_codes_replace_the_old_ones(world: PlanWorld) -> None:
    client = sign_in(MANAGER)
    _, old = set_up_app(client)
    page = client.get(reverse("two_factor_manage")).content.decode()
    assert "10 left" in page

    response = client.post(reverse("two_factor_codes_new"))

    new = re.findall(r"<li>([a-z2-7]{8})</li>", client.get(response["Location"]).content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    tokens = StaticToken.objects.filter(device__user=world.users[MANAGER])
    assert sorted(tokens.values_list("token", flat=True)) == sorted(new)
    assert AuditEvent.objects.filter(note="New recovery codes").exists()


def test_someone_with_the_app_can_move_to_a_new_one(world: PlanWorld) -> None:
    client = sign_in(MANAGER)
    old_key, _ = set_up_app(client)
    page = client.get(reverse("two_factor_set_up")).content.decode()
    assert "Move to a new authenticator app" in page
    new_key = client.session[SETUP_KEY_SESSION]
    assert new_key != old_key
    client.post(reverse("two_factor_set_up"), {"code": code_for(new_key)})
    assert TOTPDevice.objects.get(user=world.users[MANAGER]).key == new_key


def test_it_does_not_ask_roles_that_do_not_need_it(world: PlanWorld) -> None:
    client = sign_in(Role.LEAD_OFFICER)
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("two_factor_set_up"))["Location"] == "/"


@override_settings(REQUIRE_2FA_ROLES=frozenset())
def test_it_asks_nobody_when_set_to_none(world: PlanWorld) -> None:
    assert sign_in(MANAGER).get(reverse("home")).status_code == 200


def test_someone_given_such_a_role_is_asked_on_their_next_page(world: PlanWorld) -> None:
    client = sign_in(Role.LEAD_OFFICER)
    assert client.get(reverse("home")).status_code == 200
    Membership.objects.create(
        user=world.users[Role.LEAD_OFFICER], area=world.area, role=Role.AREA_ADMIN
    )
    assert client.get(reverse("home"))["Location"].startswith(reverse("two_factor_set_up"))


def test_the_admin_is_no_way_round_it(world: PlanWorld) -> None:
    manager = world.users[MANAGER]
    manager.is_staff = manager.is_superuser = True
    manager.save()
    client = sign_in(MANAGER)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_set_up"))


def test_single_sign_on_needs_no_second_factor(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    from sendplan.accounts.tests.test_sso import through_provider

    manager = world.users[MANAGER]
    manager.email = "manager@testshire.gov.uk"
    manager.save()
    with_app(manager)
    oidc_provider.sign_in_as("manager@testshire.gov.uk")
    client = Client()
    through_provider(client)
    assert client.session[SSO_SESSION_KEY] is True
    assert client.get(reverse("home")).status_code == 200


def test_signing_out_is_open_before_the_code(world: PlanWorld) -> None:
    client = sign_in(MANAGER)
    assert client.post(reverse("logout"))["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_the_command_line_resets_a_lost_phone(world: PlanWorld) -> None:
    manager = world.users[MANAGER]
    with_app(manager)
    out = StringIO()
    call_command("reset_2fa", MANAGER, stdout=out)
    assert "sets up a new authenticator app" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=manager).exists()
    assert not StaticToken.objects.filter(device__user=manager).exists()
    assert AuditEvent.objects.filter(note="Two-factor authentication reset").exists()
    assert (
        sign_in(MANAGER).get(reverse("home"))["Location"].startswith(reverse("two_factor_set_up"))
    )


def test_it_will_not_start_with_a_role_it_does_not_know() -> None:
    with override_settings(REQUIRE_2FA_ROLES=frozenset({"programme_manger"})):
        errors = [e for e in run_checks() if e.id == "sendplan.E001"]
    assert errors and "programme_manger" in errors[0].msg
