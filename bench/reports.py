"""Time the reports on a generated plan: 300 actions, 12 monitoring periods, indicators.

Run from the repository root: .venv/bin/python bench/reports.py
It builds the plan in a throwaway SQLite database, so it touches no real data.
Targets: board report PDF under 3 s, tracker XLSX under 1 s, plan document DOCX under 2 s.
The board report is a highlight: its first page has the summary and the chart by theme, and
its exceptions take at most 2 pages; the script reads the PDF back to count them.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="sendplan-bench-")
# A throwaway database: SQLite in a temporary folder, unless another benchmark that reuses
# this plan names a throwaway database of its own (bench/search.py, on PostgreSQL).
os.environ["DATABASE_URL"] = os.environ.get(
    "SENDPLAN_BENCH_DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3"
)
os.environ["SENDPLAN_DATA_DIR"] = WORK
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from sendplan.indicators.services import indicator_create  # noqa: E402
from sendplan.monitoring import services as monitoring  # noqa: E402
from sendplan.monitoring.models import StatusUpdate  # noqa: E402
from sendplan.plans import services  # noqa: E402
from sendplan.plans.models import DueDateChange, Plan  # noqa: E402
from sendplan.plans.services import MeasureData  # noqa: E402
from sendplan.reports import renderers, word  # noqa: E402
from sendplan.reports.builders import (  # noqa: E402
    BoardReport,
    build_board_report,
    build_evidence_pack,
    build_plan_document,
)
from sendplan.reports.data import load_plan  # noqa: E402
from sendplan.reports.tracker import tracker_xlsx  # noqa: E402

ACTIONS, PERIODS, THEMES, PRIORITIES = 300, 12, 6, 5
RUNS = 3
SCALE = [
    ("B", "Completed", "blue", {"done": True}),
    ("G", "On track, no concerns", "green", {}),
    ("A", "On track, some concerns", "amber", {}),
    ("R", "No progress or major concerns", "red", {}),
    ("W", "Not yet started", "white", {"not_started": True}),
]
# How a rating moves from one period to the next, as in the demo: mostly it stays put.
NEXT = {
    "W": ["W", "W", "G", "G", "A"],
    "G": ["G", "G", "G", "G", "G", "B", "A", "G/A"],
    "G/A": ["G/A", "G", "A"],
    "A": ["A", "A", "G", "R"],
    "R": ["R", "A", "A", "G"],
    "B": ["B"],
}


def generated_plan() -> Plan:
    area = services.area_get_or_create(actor=None, name="Benchshire")
    plan = services.plan_create(
        actor=None,
        area=area,
        title="Benchshire Accelerated Progress Plan",
        kind="accelerated_progress_plan",
        issued_on="2023-04",
        vision="Every child with SEND in Benchshire achieves their potential.",
        levels=["Theme", "Priority"],
    )
    for code, label, colour, extra in SCALE:
        services.status_level_create(
            actor=None, plan=plan, code=code, label=label, colour=colour, **extra
        )
    periods = []
    for index in range(PERIODS):
        year, month = divmod(3 + 3 * index - 1, 12)
        label = dt.date(2023 + year, month + 1, 1).strftime("%b %y")
        ends = f"{2023 + year}-{month + 1:02d}"
        periods.append(monitoring.period_create(actor=None, plan=plan, label=label, ends_on=ends))
    people = [
        services.person_create(
            actor=None, plan=plan, key=f"P{n}", name=f"Officer {n}", role=f"Lead {n}"
        )
        for n in range(20)
    ]
    weakness = services.weakness_create(
        actor=None, plan=plan, ref="1", text="Too many families wait too long for plans"
    )
    updates = []
    number = 0
    rng = random.Random(5)
    for theme_no in range(1, THEMES + 1):
        theme = services.section_create(
            actor=None,
            plan=plan,
            ref=str(theme_no),
            level="Theme",
            title=f"Theme {theme_no} of the plan",
            owners=[people[theme_no]],
            weaknesses=[weakness],
            outcomes="Families tell us the service is timely and joined up.",
        )
        for priority_no in range(1, PRIORITIES + 1):
            priority = services.section_create(
                actor=None,
                plan=plan,
                parent=theme,
                ref=f"{theme_no}.{priority_no}",
                level="Priority",
                title=f"Priority {theme_no}.{priority_no}",
            )
            for action_no in range(1, ACTIONS // (THEMES * PRIORITIES) + 1):
                # Most actions are due after the last period; a few are overdue by then.
                due_year, due_month = divmod(33 + number % 18, 12)
                action = services.action_create(
                    actor=None,
                    section=priority,
                    ref=f"{theme_no}.{priority_no}.{action_no}",
                    title=f"Deliver improvement {number + 1} with schools, health and families",
                    leads=[people[number % 20]],
                    lead_text=f"Lead {number % 20} (P{number % 20})",
                    due=f"{2023 + due_year}-{due_month + 1:02d}",
                    cost=1000 + number if number % 5 == 0 else None,
                    measures=[MeasureData(text=f"Measure {number + 1} met", due="2024-03")],
                )
                status = "W"
                for index, period in enumerate(periods):
                    status = rng.choice(NEXT[status])
                    updates.append(
                        StatusUpdate(
                            action=action,
                            period=period,
                            status=status,
                            narrative=f"{period.label}: work on improvement {number + 1} is "
                            "progressing and the board has seen the evidence.",
                            evidence=["Board minutes"],
                            author_name="Bench",
                            recorded_at=timezone.now(),
                            sequence=index,
                        )
                    )
                if number % 25 == 0:
                    DueDateChange.objects.create(
                        action=action,
                        previous_due="2023-06",
                        due=action.due,
                        reason="Agreed with DfE",
                        state=DueDateChange.State.APPROVED,
                        proposed_at=timezone.now(),
                        decided_at=timezone.now(),
                    )
                number += 1
    # Thousands of updates through the service would only slow the set-up down.
    StatusUpdate.objects.bulk_create(updates)
    for n in range(6):
        indicator_create(
            actor=None,
            plan=plan,
            name=f"Indicator {n + 1}",
            section_ref=str(n + 1),
            unit="%",
            baseline={"value": 40 + n, "on": "2023-03"},
            targets=[{"value": 50 + n + q, "on": f"2023-{3 * q + 3:02d}"} for q in range(4)],
            actuals=[{"value": 42 + n + q, "on": f"2023-{3 * q + 3:02d}"} for q in range(3)],
        )
    return plan


def timed(label: str, work: Callable[[], bytes], target: float | None = None) -> None:
    """Wall-clock and CPU seconds, median of RUNS. The machine's two cores are shared, so the
    wall clock varies with what else runs; the CPU time is this process's own work."""
    walls, cpus = [], []
    size = 0
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        size = len(work())
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    wall_median, cpu_median = statistics.median(walls), statistics.median(cpus)
    verdict = ""
    if target is not None:
        verdict = f"  target < {target:.0f} s: {'met' if wall_median < target else 'MISSED'}"
    print(
        f"{label:<20} {wall_median:6.2f} s wall (best {min(walls):5.2f}) {cpu_median:6.2f} s CPU "
        f"{size / 1024:6.0f} KiB{verdict}",
        flush=True,
    )


def board_pages(report: BoardReport, pdf: bytes) -> None:
    """How long the board report is, and where its summary and exceptions fall."""
    from pypdf import PdfReader  # the tests' PDF reader, a development dependency

    reader = PdfReader(io.BytesIO(pdf))
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    first = pages[0]
    summary = "At a glance" in first and "What needs the board's attention" in first
    chart = "Actions by status in each theme" in first
    start = next(n for n, text in enumerate(pages) if "Exceptions: what got worse" in text)
    end = start
    if report.exceptions:
        # The last exception's line reads "<title>. <reasons>" only among the exceptions.
        last = report.exceptions[-1]
        row = f"{last.item.action.title.rstrip().rstrip('.')}. {'; '.join(last.reasons)}"
        end = next(n for n in range(start, len(pages)) if row in pages[n])
    spans = end - start + 1
    print(
        f"Board report PDF: {len(pages)} pages; first page has the summary: {summary}, "
        f"the chart by theme: {chart}; {len(report.exceptions)} exceptions on {spans} page(s) "
        f"(pages {start + 1} to {end + 1})  target <= 2: {'met' if spans <= 2 else 'MISSED'}\n",
        flush=True,
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    plan = generated_plan()
    print(
        f"Generated {ACTIONS} actions, {PERIODS} periods, {ACTIONS * PERIODS} status updates "
        f"in {time.perf_counter() - started:.1f} s. Median of {RUNS} runs each, reading the "
        f"plan from the database included. Load average before: {os.getloadavg()[0]:.1f}\n",
        flush=True,
    )
    period = plan.periods.last()
    assert period is not None
    board = build_board_report(plan, period)
    print(
        f"Board report for {period.label}: {len(board.exceptions)} exceptions, "
        f"{len(board.improved)} improved, {len(board.worse)} worse, "
        f"{len(board.newly_done)} newly done, {len(board.overdue)} overdue "
        f"({len(board.newly_overdue)} newly), "
        f"{len(board.rebaselined)} due dates moved\n",
        flush=True,
    )
    board_pages(board, renderers.report_pdf(board))
    timed("Board report PDF", lambda: renderers.report_pdf(build_board_report(plan, period)), 3)
    timed("Tracker XLSX", lambda: tracker_xlsx(load_plan(plan)), 1)
    timed("Plan document DOCX", lambda: word.plan_docx(build_plan_document(plan)), 2)
    timed("Board report DOCX", lambda: word.board_docx(build_board_report(plan, period)))
    timed(
        "Board report HTML",
        lambda: renderers.report_html(build_board_report(plan, period)).encode(),
    )
    timed("Evidence pack DOCX", lambda: word.evidence_docx(build_evidence_pack(plan)))
    timed("Evidence pack PDF", lambda: renderers.report_pdf(build_evidence_pack(plan)))
    timed("Plan document PDF", lambda: renderers.report_pdf(build_plan_document(plan)))
    timed("Actions CSV", lambda: renderers.actions_csv(load_plan(plan)))
    timed("Updates CSV", lambda: renderers.updates_csv(load_plan(plan)))


if __name__ == "__main__":
    main()
