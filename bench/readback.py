"""Time reading a plan's own tracker spreadsheet back into it, stage by stage: making the
workbook (reports.tracker), reading it (parse_file_inprocess) and comparing it with the plan
(merge.plan_changes). A person uploads the workbook, so what they wait for is reading and
comparing; the target for the two together is under 1 s, and the answer must be "No changes".
"compared" starts from an empty cache, as after a change to the plan; "again" compares once
more with the plan unchanged, as confirming the changes does.

By default it grows a 300-action, 24-period plan (sendplan.scale.grow_plan) in a throwaway
SQLite database. Given DATABASE_URL naming the national benchmark's database (see
bench/national.py, built first with --areas 153), it reads that database's first plan and
writes nothing.

Run from the repository root:

    .venv/bin/python bench/readback.py [--runs 5] [--profile made|read|compared]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sendplan_national \\
        .venv/bin/python bench/readback.py

--profile prints where the time of one stage goes (cProfile, by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="sendplan-readback-"))
NATIONAL = "sendplan_national" in os.environ.get("DATABASE_URL", "")
if not NATIONAL:
    os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")
os.environ.setdefault("SENDPLAN_DATA_DIR", str(WORK))

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from sendplan.demo.national_pages import QueryCount  # noqa: E402
from sendplan.interchange.merge import plan_changes  # noqa: E402
from sendplan.interchange.parsers import parse_file_inprocess  # noqa: E402
from sendplan.plans.models import Action, Plan  # noqa: E402
from sendplan.reports.data import load_plan  # noqa: E402
from sendplan.reports.tracker import tracker_xlsx  # noqa: E402

TARGET_SECONDS = 1.0


def the_plan() -> Plan:
    if NATIONAL:
        from sendplan.demo.national import find

        return find().plan
    from sendplan.monitoring.services import period_update
    from sendplan.scale import grow_plan
    from sendplan.test import build_world

    call_command("migrate", verbosity=0)
    world = build_world()
    grow_plan(world.plan, lead=world.lead, actions=300, periods=24)
    # Headed as trackers head them ("Aug 18"), which the importer reads as periods; it would
    # take grow_plan's "Period 3" for a column of words.
    for period in world.plan.periods.filter(label__startswith="Period "):
        label = dt.date.fromisoformat(str(period.ends_on)).strftime("%b %y")
        period_update(actor=None, period=period, label=label)
    return world.plan


def timed(runs: int, work: Callable[[], object]) -> tuple[list[float], list[float], object]:
    """Wall-clock and CPU seconds of each run: on a shared machine the CPU time of this
    process (which leaves out the database server's) moves less with the load."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = work()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return times, cpu, result


def profile(work: Callable[[], object]) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(work)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each stage")
    parser.add_argument("--profile", choices=["made", "read", "compared", "again"], default="")
    args = parser.parse_args()
    plan = the_plan()
    actions = Action.objects.filter(section__plan=plan).count()
    where = "PostgreSQL, national" if NATIONAL else "SQLite"
    print(f"{where}: {plan.title}, {actions} actions, {plan.periods.count()} periods")

    def make() -> bytes:
        return tracker_xlsx(load_plan(plan))

    workbook = make()

    def read() -> object:
        return parse_file_inprocess(workbook, "tracker.xlsx").document

    document = read()
    counter = QueryCount()

    def compare() -> object:
        # As a person first meets it: nothing kept from an earlier comparison of the plan.
        cache.clear()
        return compare_again()

    def compare_again() -> object:
        counter.count = 0
        with connection.execute_wrapper(counter):
            return plan_changes(plan, document)

    stages = {"made": make, "read": read, "compared": compare, "again": compare_again}
    if args.profile:
        profile(stages[args.profile])
        return
    medians = {}
    for name, work in stages.items():
        times, cpu, result = timed(args.runs, work)
        medians[name] = statistics.median(times)
        print(
            f"{name:<9} median {medians[name] * 1000:6.0f} ms, best {min(times) * 1000:6.0f} ms "
            f"over {len(times)} runs (CPU median {statistics.median(cpu) * 1000:.0f} ms)"
        )
    summary = result.summary()  # type: ignore[attr-defined]
    waited = medians["read"] + medians["compared"]
    verdict = "under" if waited < TARGET_SECONDS else "OVER"
    print(
        f"read back (read + compared) {waited * 1000:.0f} ms, {verdict} the "
        f"{TARGET_SECONDS:g} s target; {counter.count} queries to compare: {summary!r} "
        f"({len(workbook) / 1024:.0f} KiB workbook)"
    )


if __name__ == "__main__":
    main()
