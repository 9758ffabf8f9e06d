"""Time the home page, the overview and the board report on a generated plan of 300 actions
and 24 periods (sendplan.scale.grow_plan), with the query count of each.

Run from the repository root: .venv/bin/python bench/pages_quick.py [--all]
With --all it times the action, people, timeline, evidence pack and plan document pages too;
with --plans N the area has N such plans (the home page shows each plan's figures).
It uses a throwaway SQLite database, or PostgreSQL when DATABASE_URL names one, e.g.
postgres://postgres@127.0.0.1:5432/sendplan_perf. On PostgreSQL the named database is
dropped and made again, so give it a name of its own.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="sendplan-pages-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ["SENDPLAN_DATA_DIR"] = WORK
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

ACTIONS, PERIODS, RUNS = 300, 24, 7


def fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


if os.environ["DATABASE_URL"].startswith("postgres"):
    fresh_postgres(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from sendplan.accounts.models import Role  # noqa: E402
from sendplan.plans import services  # noqa: E402
from sendplan.scale import grow_plan  # noqa: E402
from sendplan.test import build_world  # noqa: E402


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    world = build_world()
    grow_plan(world.plan, lead=world.lead, actions=ACTIONS, periods=PERIODS)
    # More plans in the same area, each with the same status scale, their actions led by
    # someone without an account: the home page lists their figures, not their actions.
    plans = int(sys.argv[sys.argv.index("--plans") + 1]) if "--plans" in sys.argv else 1
    for number in range(1, plans):
        plan = services.plan_create(actor=None, area=world.area, title=f"Plan {number + 1}")
        for level in world.plan.status_levels.all():
            services.status_level_create(
                actor=None, plan=plan, code=level.code, label=level.label, colour=level.colour,
                done=level.done, not_started=level.not_started,
            )  # fmt: skip
        lead = services.person_create(actor=None, plan=plan, key="HH")
        grow_plan(plan, lead=lead, actions=ACTIONS, periods=PERIODS)
    pages = [
        ("home", Role.LEAD_OFFICER, reverse("home")),
        ("overview", Role.PROGRAMME_MANAGER, reverse("plan", args=[world.plan.pk])),
        ("board report", Role.BOARD_MEMBER, reverse("board_report", args=[world.plan.pk])),
    ]
    if "--all" in sys.argv:
        plan = world.plan.pk
        pages += [
            ("action", Role.PROGRAMME_MANAGER, world.action.get_absolute_url()),
            ("people", Role.PROGRAMME_MANAGER, reverse("people", args=[plan])),
            ("timeline", Role.BOARD_MEMBER, reverse("timeline", args=[plan])),
            ("evidence pack", Role.BOARD_MEMBER, reverse("evidence_pack", args=[plan])),
            ("plan document", Role.BOARD_MEMBER, reverse("plan_document", args=[plan])),
        ]
    vendor = connection.vendor
    print(f"{vendor}: {plans} plan(s), {ACTIONS} actions, {PERIODS} periods; median of {RUNS}")
    for name, role, url in pages:
        client = world.client_for(role)
        client.get(url)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200
        print(
            f"  {name:<14} {statistics.median(times) * 1000:7.0f} ms"
            f"  {len(queries.captured_queries):4d} queries"
        )


if __name__ == "__main__":
    main()
