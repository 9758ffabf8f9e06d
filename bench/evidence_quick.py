"""Time the evidence pack's pages on a generated plan of 300 actions and 24 periods
(sendplan.scale.grow_plan) laid out as the national plan is: its themes spread over five areas
of weakness, every period but the newest signed off. Prints each page's median and p95 time,
its size and its query count, as read again and as made afresh (the cache emptied first).

Run from the repository root: .venv/bin/python bench/evidence_quick.py [--per-page N]
With --per-page, the pages of an area of weakness show N actions each instead of
sendplan.reports.evidence.ACTIONS_PER_PAGE.
It uses a throwaway SQLite database, or PostgreSQL when DATABASE_URL names one (which is
dropped and made again, as bench/pages_quick.py does).
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
WORK = tempfile.mkdtemp(prefix="sendplan-evidence-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ["SENDPLAN_DATA_DIR"] = WORK
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

ACTIONS, PERIODS, RUNS, WEAKNESSES = 300, 24, 15, 5

if os.environ["DATABASE_URL"].startswith("postgres"):
    from pages_quick import fresh_postgres  # type: ignore[import-not-found]

    fresh_postgres(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from sendplan.accounts.models import Role  # noqa: E402
from sendplan.plans import services  # noqa: E402
from sendplan.plans.models import Section  # noqa: E402
from sendplan.scale import grow_plan  # noqa: E402
from sendplan.test import build_world  # noqa: E402


def floors(plan_id: int, weakness_id: int) -> None:
    """The national benchmark's SQL floors of the contents and of a weakness's first page
    (sendplan.demo.national_pages), timed on this plan."""
    from types import SimpleNamespace
    from typing import Any

    from sendplan.demo.national_pages import evidence_contents_floor, evidence_weakness_floor, timed

    ctx: Any = SimpleNamespace(plan_id=plan_id, weakness_id=weakness_id)
    for name, floor in [
        ("contents", evidence_contents_floor),
        ("weakness", evidence_weakness_floor),
    ]:

        def run(floor: Any = floor) -> object:
            with connection.cursor() as cursor:
                return floor(cursor, ctx)

        found = timed(run, runs=RUNS, budget=30, slow=5)
        print(f"  SQL floor of the {name} page: median {found.median_ms:.1f} ms")


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    world = build_world()
    plan = world.plan
    grow_plan(plan, lead=world.lead, actions=ACTIONS, periods=PERIODS)
    weaknesses = [plan.weaknesses.get()] + [
        services.weakness_create(
            actor=None,
            plan=plan,
            ref=str(n + 2),
            text=f"Weakness {n + 2}",
            findings=[(f"Finding {n + 2}.1", "P2 MF1")],
        )
        for n in range(WEAKNESSES - 1)
    ]
    grown = Section.objects.filter(plan=plan, ref__startswith="T").order_by("position")
    for n, theme in enumerate(grown):
        theme.weaknesses.add(weaknesses[n % WEAKNESSES])
    newest = plan.periods.order_by("-position").first()
    assert newest is not None
    plan.periods.exclude(pk=newest.pk).update(signed_off_at=timezone.now())
    pages = [("evidence pack", reverse("evidence_pack", args=[plan.pk]))]
    try:
        url = reverse("evidence_weakness", args=[plan.pk, weaknesses[0].pk])
    except NoReverseMatch:  # before the pack's page was split
        url = ""
    if url:
        from sendplan.reports import evidence

        if "--per-page" in sys.argv:
            evidence.ACTIONS_PER_PAGE = int(sys.argv[sys.argv.index("--per-page") + 1])
        answering = evidence.outline(plan).part(weaknesses[0])[2]
        last = -(-len(answering) // evidence.ACTIONS_PER_PAGE)
        print(f"area of weakness 1: {len(answering)} actions, {last} pages")
        pages += [("weakness 1", url), ("weakness 1, last", f"{url}?page={last}")]
        floors(plan.pk, weaknesses[0].pk)
    client = world.client_for(Role.BOARD_MEMBER)
    print(f"{connection.vendor}: {ACTIONS} actions, {PERIODS} periods; {RUNS} runs")
    for name, url in pages:
        client.get(url)
        # As read again (a report's page is kept for the plan as it stands, where it is), then
        # as made afresh, the first look after the plan changed.
        for made, afresh in [("kept", False), ("afresh", True)]:
            times = []
            for _ in range(RUNS):
                if afresh:
                    cache.clear()
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
                times.append(time.perf_counter() - start)
                assert response.status_code == 200, (url, response.status_code)
            p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
            print(
                f"  {name + ', ' + made:<24} median {statistics.median(times) * 1000:6.0f} ms"
                f"  p95 {p95 * 1000:6.0f} ms  {len(response.content):>9,} bytes"
                f"  {len(queries.captured_queries):3d} queries"
            )


if __name__ == "__main__":
    main()
