"""Load test of the monitoring cycle: 50 leads submitting and reviewers deciding, at once.

Run from the repository root, with PostgreSQL on 127.0.0.1:5432:
    .venv/bin/python bench/load_cycle.py [--seconds 60] [--leads 50] [--reviewers 3]

It makes a throwaway database (sendplan_load), fills it with a plan whose actions are led by
50 lead officers, opens a period, and serves the application with gunicorn (2 workers) on
loopback. Each simulated lead signs in, then over and over saves a draft and submits it for one
of their actions; each reviewer approves or returns what is waiting. Afterwards it counts the
rows: every submission the server accepted must be there exactly once, and every decision too.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "sendplan_load"
ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
PASSWORD = "load-test-password-1"


THINK = [2.0]


def think(chooser: random.Random) -> None:
    """A person reads the page before clicking again: between half and one and a half times
    the average."""
    if THINK[0]:
        time.sleep(chooser.uniform(0.5, 1.5) * THINK[0])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        conn.execute(f"CREATE DATABASE {DATABASE}")


def environment() -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "SENDPLAN_SECRET_KEY": secrets.token_urlsafe(40),
        "SENDPLAN_SECURE_COOKIES": "0",
        "SENDPLAN_LOGIN_FAILURE_LIMIT": "1000",
        "SENDPLAN_DATA_DIR": str(ROOT / "var" / "load"),
        "DJANGO_SETTINGS_MODULE": "sendplan.settings",
    }


def seed(leads: int, reviewers: int) -> dict[str, list[int]]:
    """A plan with four actions per lead and an open period; returns each lead's action ids."""
    import datetime as dt

    import django

    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User

    from sendplan.accounts.models import Membership, Role
    from sendplan.monitoring.services import period_open
    from sendplan.plans import services

    area = services.area_get_or_create(actor=None, name="Loadshire")
    plan = services.plan_create(actor=None, area=area, title="Loadshire improvement plan")
    for code, label, extra in [
        ("B", "Completed", {"done": True}),
        ("G", "On track", {}),
        ("A", "Some concerns", {}),
        ("R", "Major concerns", {}),
    ]:
        services.status_level_create(actor=None, plan=plan, code=code, label=label, **extra)
    hashed = make_password(PASSWORD)
    owned: dict[str, list[int]] = {}
    for number in range(1, leads + 1):
        theme = services.section_create(
            actor=None, plan=plan, ref=str(number), title=f"Theme {number}"
        )
        user = User.objects.create(username=f"lead{number}", password=hashed)
        Membership.objects.create(user=user, area=area, role=Role.LEAD_OFFICER)
        person = services.person_create(
            actor=None, plan=plan, key=f"L{number}", name=f"Lead {number}", user=user
        )
        owned[user.username] = [
            services.action_create(
                actor=None,
                section=theme,
                ref=f"{number}.{item}",
                title=f"Action {number}.{item}",
                leads=[person],
                due="2030-03",
            ).pk
            for item in range(1, 5)
        ]
    for number in range(1, reviewers + 1):
        user = User.objects.create(username=f"reviewer{number}", password=hashed)
        Membership.objects.create(user=user, area=area, role=Role.PROGRAMME_MANAGER)
    period_open(
        actor=None,
        plan=plan,
        label="Q1 2030/31",
        starts_on=dt.date(2030, 4, 1),
        ends_on=dt.date(2030, 6, 30),
        deadline=dt.date(2030, 7, 7),
    )
    owned["plan"] = [plan.pk]
    owned["period"] = [plan.periods.get().pk]
    return owned


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """One person's session: cookies, the CSRF token, and timings of every request."""

    def __init__(self, base: str, timings: dict[str, list[float]], errors: list[str]) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.timings = timings
        self.errors = errors

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def request(self, kind: str, path: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        body = None
        headers = {"Referer": self.base + path}
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        started = time.perf_counter()
        try:
            with self.opener.open(urllib.request.Request(self.base + path, body, headers)) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        self.timings[kind].append(time.perf_counter() - started)
        if status >= 500:
            self.errors.append(f"{status} on {kind} {path}")
        return status, text

    def sign_in(self, username: str) -> None:
        self.request("sign-in page", "/sign-in/")
        status, _ = self.request(
            "sign in", "/sign-in/", {"username": username, "password": PASSWORD}
        )
        if status != 302:
            raise RuntimeError(f"{username} could not sign in ({status})")


def lead_loop(
    browser: Browser,
    username: str,
    plan: int,
    period: int,
    actions: list[int],
    start: threading.Barrier,
    clock: list[float],
    accepted: list[int],
    lock: threading.Lock,
) -> None:
    browser.sign_in(username)
    start.wait()
    chooser = random.Random(username)
    while time.monotonic() < clock[0]:
        action = chooser.choice(actions)
        path = f"/plans/{plan}/actions/{action}/updates/add/?period={period}"
        _, page = browser.request("update form", path)
        think(chooser)
        match = re.search(r'name="version" value="(\d*)"', page)
        version = match.group(1) if match else ""
        fields = {
            "period": str(period),
            "status": chooser.choice("BGAR"),
            "narrative": f"Progress reported by {username} at {time.time():.3f}",
            "version": version,
        }
        status, _ = browser.request("save draft", path, {**fields, "intent": "save"})
        if status != 302:
            continue
        _, page = browser.request("update form", path)
        think(chooser)
        match = re.search(r'name="version" value="(\d*)"', page)
        fields["version"] = match.group(1) if match else ""
        status, _ = browser.request("submit", path, {**fields, "intent": "submit"})
        if status == 302:
            with lock:
                accepted.append(action)
        think(chooser)


def reviewer_loop(
    browser: Browser,
    username: str,
    plan: int,
    period: int,
    start: threading.Barrier,
    clock: list[float],
    decisions: list[str],
    lock: threading.Lock,
) -> None:
    browser.sign_in(username)
    start.wait()
    chooser = random.Random(username)
    while time.monotonic() < clock[0]:
        _, page = browser.request("period page", f"/plans/{plan}/periods/{period}/")
        waiting = re.findall(rf"/plans/{plan}/updates/(\d+)/review/", page)
        if not waiting:
            time.sleep(0.2)
            continue
        update = chooser.choice(waiting)
        path = f"/plans/{plan}/updates/{update}/review/"
        browser.request("review form", path)
        think(chooser)
        returned = chooser.random() < 0.2
        data = (
            {"decision": "returned", "comment": "Say what changed"}
            if returned
            else {"decision": "approved"}
        )
        status, _ = browser.request("review", path, data)
        if status == 302:
            with lock:
                decisions.append(update)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--leads", type=int, default=50)
    parser.add_argument("--reviewers", type=int, default=3)
    parser.add_argument(
        "--think",
        type=float,
        default=2.0,
        help="average seconds a person spends on a page before the next click (0 for none)",
    )
    args = parser.parse_args()
    THINK[0] = args.think

    fresh_database()
    env = environment()
    subprocess.run([str(ROOT / ".venv/bin/sendplan"), "migrate", "-v0"], env=env, check=True)
    owned = seed(args.leads, args.reviewers)
    plan, period = owned.pop("plan")[0], owned.pop("period")[0]
    port = free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "sendplan.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/sign-in/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        timings: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        accepted: list[int] = []
        decisions: list[str] = []
        lock = threading.Lock()
        # Everyone signs in first (Argon2 is slow on purpose); the clock starts after.
        clock = [0.0]

        def start_clock() -> None:
            clock[0] = time.monotonic() + args.seconds

        start = threading.Barrier(args.leads + args.reviewers + 1, action=start_clock)
        threads = [
            threading.Thread(
                target=lead_loop,
                args=(
                    Browser(base, timings, errors),
                    name,
                    plan,
                    period,
                    actions,
                    start,
                    clock,
                    accepted,
                    lock,
                ),
            )
            for name, actions in owned.items()
        ] + [
            threading.Thread(
                target=reviewer_loop,
                args=(
                    Browser(base, timings, errors),
                    f"reviewer{n}",
                    plan,
                    period,
                    start,
                    clock,
                    decisions,
                    lock,
                ),
            )
            for n in range(1, args.reviewers + 1)
        ]
        for thread in threads:
            thread.start()
        start.wait()
        started = time.monotonic()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait()

    from sendplan.monitoring.models import StatusUpdate, UpdateReview

    stored = list(StatusUpdate.objects.filter(period_id=period).values_list("action_id", flat=True))
    reviews = UpdateReview.objects.filter(update__period_id=period).count()
    duplicates = len(stored) - len(
        set(StatusUpdate.objects.filter(period_id=period).values_list("action_id", "sequence"))
    )
    signing_in = {"sign in", "sign-in page"}
    requests_made = sum(len(v) for k, v in timings.items() if k not in signing_in)
    print(
        f"{args.leads} leads and {args.reviewers} reviewers for {elapsed:.0f} s, "
        f"{args.think:g} s on average between clicks, gunicorn with 2 workers, PostgreSQL"
    )
    print(f"requests: {requests_made} ({requests_made / elapsed:.1f} a second)")
    print(f"server errors (5xx): {len(errors)}")
    for error in errors[:10]:
        print(f"  {error}")
    print(
        f"submissions accepted by the server: {len(accepted)}; status updates stored: "
        f"{len(stored)}; same per action: {sorted(accepted) == sorted(stored)}"
    )
    print(f"decisions accepted: {len(decisions)}; reviews stored: {reviews}")
    print(f"updates sharing an action and sequence number: {duplicates}")
    every = [t for kind, values in timings.items() if kind not in signing_in for t in values]
    median, p95 = 1000 * statistics.median(every), 1000 * percentile(every, 0.95)
    print(f"response time after signing in: median {median:.0f} ms, 95th percentile {p95:.0f} ms")
    for kind in sorted(timings):
        values = timings[kind]
        print(
            f"  {kind:<14} {len(values):>6}  median {1000 * statistics.median(values):6.0f} ms"
            f"  95th {1000 * percentile(values, 0.95):6.0f} ms"
        )
    ok = not errors and sorted(accepted) == sorted(stored) and reviews == len(decisions)
    ok = ok and duplicates == 0
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
