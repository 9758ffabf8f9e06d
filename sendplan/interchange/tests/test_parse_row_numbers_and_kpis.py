"""Two layouts real plans often have: a first column of running row numbers ("No.", "#", "Row")
in front of a table of actions, and a small table of indicators (KPIs, measures) under the
actions on the same sheet or after the last Word table.

The plans are invented here, in code, with words of their own. Half of them are blind, fixed
by a hash of the name before any rule was written (`_is_blind`); the rules were written from
the other half only. `figures` scores a plan the way the user would see it: the actions found,
and of those, refs, titles, leads, due dates and status cells read right."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import docx
import openpyxl
import pytest

from sendplan.interchange.tests import all_actions, parsed_file, saved, word_table


@dataclass(frozen=True)
class Row:
    ref: str | None
    title: str
    lead: str
    due: str  # as the plan reads it: "2025-03"
    status: str  # "R", "A", "G", "B" (done) …


@dataclass(frozen=True)
class KpiPlan:
    name: str
    build: Callable[[KpiPlan], bytes]
    filename: str
    rows: tuple[Row, ...]
    numbers: str = ""  # the heading of a running number column, "" when there is none
    with_ref: bool = True
    kpi_title: str = ""
    kpi_gap: int = 2
    kpi_heading: tuple[str, ...] = ()
    kpi_rows: tuple[tuple[object, ...], ...] = field(default_factory=tuple)


def _is_blind(name: str) -> bool:
    """Fixed before any rule: the first byte of sha256("kpi17:" + name) is odd."""
    return hashlib.sha256(f"kpi17:{name}".encode()).digest()[0] % 2 == 1


_MONTHS = {
    "01": "January",
    "02": "February",
    "03": "March",
    "04": "April",
    "05": "May",
    "06": "June",
    "07": "July",
    "08": "August",
    "09": "September",
    "10": "October",
    "11": "November",
    "12": "December",
}
_WORDS = {"R": "Red", "A": "Amber", "G": "Green", "B": "Complete"}


def _due_text(due: str) -> str:
    year, month = due.split("-")
    return f"{_MONTHS[month]} {year}"


def _table_rows(plan: KpiPlan, heading: list[str]) -> list[list[str]]:
    rows = [([plan.numbers] if plan.numbers else []) + (["Ref"] if plan.with_ref else []) + heading]
    for n, row in enumerate(plan.rows, start=1):
        cells = [str(n)] if plan.numbers else []
        if plan.with_ref:
            cells.append(row.ref or "")
        cells += [row.title, row.lead, _due_text(row.due), _WORDS[row.status]]
        rows.append(cells)
    return rows


_HEADING = ["What we will do", "Lead officer", "Completion date", "RAG rating"]


def _word(plan: KpiPlan) -> bytes:
    document = docx.Document()
    document.add_paragraph(f"{plan.name}: action plan")
    word_table(document, _table_rows(plan, _HEADING))
    if plan.kpi_heading:
        if plan.kpi_title:
            document.add_paragraph(plan.kpi_title)
        kpi = [list(plan.kpi_heading)] + [[str(v) for v in r] for r in plan.kpi_rows]
        word_table(document, kpi)
    return saved(document)


def _excel(plan: KpiPlan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    rows = _table_rows(plan, _HEADING)
    for r, cells in enumerate(rows, start=1):
        for c, value in enumerate(cells, start=1):
            sheet.cell(r, c).value = int(value) if plan.numbers and c == 1 and r > 1 else value
    top = len(rows) + 1 + plan.kpi_gap
    lines: list[tuple[object, ...]] = []
    if plan.kpi_title:
        lines.append((plan.kpi_title,))
    if plan.kpi_heading:
        lines += [plan.kpi_heading, *plan.kpi_rows]
    for r, values in enumerate(lines):
        for c, item in enumerate(values, start=1):
            sheet.cell(top + r, c).value = item
    return saved(book)


_ROWS_A = (
    Row(
        "1.1",
        "Map the speech and language therapy offer across early years settings",
        "Therapies manager",
        "2025-04",
        "G",
    ),
    Row(
        "1.2",
        "Train nursery staff to spot communication needs before age three",
        "Early years lead",
        "2025-09",
        "A",
    ),
    Row(
        "2.1",
        "Publish a single point of contact for families awaiting assessment",
        "SEND service manager",
        "2025-01",
        "B",
    ),
    Row(
        "2.2",
        "Send families a monthly letter on where their request has reached",
        "Assessment team leader",
        "2025-06",
        "R",
    ),
    Row(
        "3.1",
        "Agree a protocol for moving plans between neighbouring areas",
        "Head of inclusion",
        "2026-03",
        "A",
    ),
)
_ROWS_B = (
    Row(
        None,
        "Open two more resourced provisions for autistic secondary pupils",
        "Place planning officer",
        "2026-09",
        "A",
    ),
    Row(
        None,
        "Review transport eligibility letters with the parent carer forum",
        "Travel assistance lead",
        "2025-05",
        "G",
    ),
    Row(
        None,
        "Set up a panel to hear requests for specialist equipment",
        "Occupational therapy lead",
        "2025-07",
        "G",
    ),
    Row(
        None,
        "Count how many children wait over a year for a diagnosis",
        "Designated clinical officer",
        "2025-02",
        "B",
    ),
    Row(
        None,
        "Write guidance for schools on part-time timetables",
        "Education welfare manager",
        "2025-11",
        "R",
    ),
    Row(
        None,
        "Check every annual review form records the young person's view",
        "Quality assurance officer",
        "2025-08",
        "A",
    ),
)
_ROWS_C = (
    Row(
        "A1",
        "Bring the preparation for adulthood pathway into year nine reviews",
        "Transitions coordinator",
        "2025-10",
        "A",
    ),
    Row(
        "A2",
        "Match every college leaver with a named adult social care worker",
        "Adult services manager",
        "2026-01",
        "R",
    ),
    Row(
        "B1",
        "Audit the quality of advice from educational psychologists",
        "Principal educational psychologist",
        "2025-03",
        "G",
    ),
    Row(
        "B2",
        "Cut the backlog of plans waiting to be amended after review",
        "Casework manager",
        "2025-12",
        "A",
    ),
)
_KPI_1 = (
    ("Share of new plans finished inside 20 weeks", "38%", "75%", "52%"),
    ("Share of reviews held on time", "61%", "90%", "70%"),
    ("Complaints upheld about plans", 24, 10, 17),
)
_KPI_2 = (
    ("Children waiting for assessment over 26 weeks", 140, 40, 95),
    ("Parents rating communication good or better", "35%", "65%", "44%"),
)

PLANS: tuple[KpiPlan, ...] = (
    KpiPlan("Ashcombe numbered rows (docx)", _word, "ashcombe.docx", _ROWS_A, numbers="No."),
    KpiPlan(
        "Birchley hash column (docx)", _word, "birchley.docx", _ROWS_B, numbers="#", with_ref=False
    ),
    KpiPlan(
        "Cobbleton row numbers and indicators (xlsx)",
        _excel,
        "cobbleton.xlsx",
        _ROWS_C,
        numbers="Row",
        kpi_title="Key performance indicators",
        kpi_gap=2,
        kpi_heading=("Indicator", "Baseline", "Target", "Latest"),
        kpi_rows=_KPI_1,
    ),
    KpiPlan(
        "Dellow measures under the actions (xlsx)",
        _excel,
        "dellow.xlsx",
        _ROWS_A,
        kpi_gap=1,
        kpi_heading=("Measure", "Baseline", "Target", "Current"),
        kpi_rows=_KPI_2,
    ),
    KpiPlan(
        "Elmstead numbered without refs and KPIs (xlsx)",
        _excel,
        "elmstead.xlsx",
        _ROWS_B,
        numbers="No.",
        with_ref=False,
        kpi_title="Key performance indicators",
        kpi_gap=3,
        kpi_heading=("KPI", "Starting point", "Aim", "Position now"),
        kpi_rows=_KPI_1,
    ),
    KpiPlan(
        "Fenwick measures table after the actions (docx)",
        _word,
        "fenwick.docx",
        _ROWS_C,
        kpi_title="How we will know it is working",
        kpi_heading=("Measure", "Baseline", "Target", "Latest"),
        kpi_rows=_KPI_2,
    ),
    KpiPlan(
        "Gatley numbered with indicators (docx)",
        _word,
        "gatley.docx",
        _ROWS_A,
        numbers="No.",
        kpi_heading=("Indicator", "Baseline", "Target", "Latest"),
        kpi_rows=_KPI_1,
    ),
    KpiPlan(
        "Hopton row numbers and an untitled KPI table (xlsx)",
        _excel,
        "hopton.xlsx",
        _ROWS_B,
        numbers="#",
        with_ref=False,
        kpi_gap=2,
        kpi_heading=("Performance indicator", "2023 baseline", "2026 target", "Latest position"),
        kpi_rows=_KPI_2,
    ),
)

BLIND = frozenset(plan.name for plan in PLANS if _is_blind(plan.name))
DEV = tuple(plan for plan in PLANS if plan.name not in BLIND)


def _read(plan: KpiPlan) -> list[dict[str, Any]]:
    return all_actions(parsed_file(plan.build(plan), plan.filename).document)


def _status(action: dict[str, Any]) -> str | None:
    statuses = [u.get("status") for u in action.get("updates", []) if u.get("status")]
    return statuses[-1] if statuses else None


def figures(plan: KpiPlan) -> dict[str, tuple[int, int]]:
    """(right, of) for actions found, refs, titles, leads, due dates and status cells; an
    action read that the plan does not have counts against actions found."""
    read = _read(plan)
    by_title = {a.get("title", ""): a for a in read}
    found = [(row, by_title.get(row.title)) for row in plan.rows]
    matched = [(row, a) for row, a in found if a is not None]
    extra = len(read) - len(matched)
    n = len(plan.rows)
    refs = [row for row in plan.rows if row.ref]
    return {
        "actions found": (max(0, len(matched) - extra), n),
        "refs": (sum(1 for row, a in matched if row.ref and a.get("ref") == row.ref), len(refs)),
        # With no ref column a running number may stand as the ref, but nothing else may.
        "no stray refs": (
            sum(
                1
                for row, a in matched
                if row.ref or a.get("ref") in (None, "", *map(str, range(1, n + 1)))
            ),
            len(matched),
        ),
        "titles": (len(matched), n),
        "leads": (sum(1 for row, a in matched if a.get("lead_text") == row.lead), n),
        "due dates": (sum(1 for row, a in matched if a.get("due") == row.due), n),
        "status cells": (sum(1 for row, a in matched if _status(a) == row.status), n),
    }


def total(plans: tuple[KpiPlan, ...] | list[KpiPlan]) -> tuple[int, int]:
    right = of = 0
    for plan in plans:
        for r, o in figures(plan).values():
            right, of = right + r, of + o
    return right, of


def test_the_blind_half_is_fixed_by_the_names_alone() -> None:
    assert 2 <= len(BLIND) <= len(PLANS) - 2


@pytest.mark.parametrize("plan", DEV, ids=[plan.name for plan in DEV])
def test_each_dev_plan_is_read_whole(plan: KpiPlan) -> None:
    short = {what: f"{r}/{o}" for what, (r, o) in figures(plan).items() if r < o}
    assert not short, f"{plan.name}: {short}"


# The blind half, as read after the rules (158/169 before them); kept, not studied.
BLIND_FLOOR = 163


def test_the_blind_half_reads_no_worse_than_when_it_was_scored() -> None:
    right, _ = total([plan for plan in PLANS if plan.name in BLIND])
    assert right >= BLIND_FLOOR


# Each rule on its own, in words of its own.


def _word_plan(rows: list[list[str]], after: list[list[str]] | None = None) -> list[dict[str, Any]]:
    document = docx.Document()
    word_table(document, rows)
    if after:
        word_table(document, after)
    return all_actions(parsed_file(saved(document), "plan.docx").document)


def test_running_numbers_in_front_of_refs_leave_the_refs_to_the_ref_column() -> None:
    read = _word_plan(
        [
            ["Row", "Action no.", "Action", "Owner", "By when"],
            [
                "1",
                "3.1",
                "Run a drop-in for families each half term",
                "Parent partnership lead",
                "July 2025",
            ],
            [
                "2",
                "3.2",
                "Ask young people to check the local offer pages",
                "Participation officer",
                "May 2025",
            ],
            [
                "3",
                "4.1",
                "Publish waiting times for therapies each quarter",
                "Commissioning manager",
                "June 2025",
            ],
        ]
    )
    assert [a.get("ref") for a in read] == ["3.1", "3.2", "4.1"]
    assert read[0]["lead_text"] == "Parent partnership lead"


def test_a_ref_column_that_is_not_a_running_count_is_kept() -> None:
    read = _word_plan(
        [
            ["No.", "Ref", "Action", "Owner", "By when"],
            ["1", "7", "Set up a panel for equipment requests", "Therapies lead", "July 2025"],
            ["2", "9", "Write a leaflet on personal budgets", "Finance officer", "May 2025"],
            ["4", "12", "Hold a forum for post-16 providers", "Post-16 lead", "June 2025"],
        ]
    )
    # Neither column counts up by one row after row, so the first stays the refs.
    assert [a.get("ref") for a in read] == ["1", "2", "4"]


def test_indicators_headed_with_their_years_under_the_actions_are_not_actions() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    rows: list[list[object]] = [
        ["Ref", "Action", "Lead", "Due", "Status"],
        ["P1", "Hold a termly surgery for school SENCos", "Inclusion manager", "Dec 2025", "Green"],
        [
            "P2",
            "Share plan drafts with families before panel",
            "Casework lead",
            "Oct 2025",
            "Amber",
        ],
        [
            "P3",
            "Check transport routes for pupils in special schools",
            "Travel lead",
            "Sep 2025",
            "Red",
        ],
        [],
        [],
        ["KPI", "2024/25 baseline", "2026/27 target", "Latest position"],
        ["Plans issued in 20 weeks", "41%", "80%", "58%"],
        ["Tribunal appeals lodged", 64, 30, 49],
    ]
    for values in rows:
        sheet.append(values)
    read = all_actions(parsed_file(saved(book), "plan.xlsx").document)
    assert [a["title"] for a in read] == [
        "Hold a termly surgery for school SENCos",
        "Share plan drafts with families before panel",
        "Check transport routes for pupils in special schools",
    ]
    assert read[2]["lead_text"] == "Travel lead"


def test_latest_position_beside_actions_is_still_their_progress() -> None:
    read = _word_plan(
        [
            ["Ref", "Action", "Lead", "Latest position"],
            [
                "1.1",
                "Agree a charter with the parent carer forum",
                "Head of SEND",
                "Charter drafted, to be signed in May",
            ],
        ]
    )
    assert "Charter drafted" in str(read[0].get("updates"))


def test_running_numbers_give_way_to_refs_that_open_the_actions() -> None:
    read = _word_plan(
        [
            ["#", "Action", "Lead", "Due"],
            ["1", "2.1 Agree a shared outcomes framework with health", "Head of SEND", "May 2025"],
            ["2", "2.2 Train staff in the graduated approach", "Inclusion lead", "May 2025"],
            ["3", "3.1 Publish the review of the local offer", "Local offer officer", "June 2025"],
        ]
    )
    assert [a.get("ref") for a in read] == ["2.1", "2.2", "3.1"]
    assert read[0]["title"] == "Agree a shared outcomes framework with health"
