"""Plans exported from task and project tools (round exports35): both halves held at the floors
the round left them at, and a test per rule on a small export made up for it. The plans are in
exports35.py; bench/parse_exports35.py prints the table; corpus/real/EXPORTS35.md the figures."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl
import pytest

from sendplan.interchange import checking
from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import (
    all_actions,
    assert_valid_plan,
    exports35,
    parsed_file,
    placed_by,
    walk_sections,
)


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def _totals(plans: tuple[Any, ...]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in exports35.figures(plan):
            totals[what] = totals.get(what, 0) + same
    return totals


@pytest.mark.parametrize("plan", exports35.DEV, ids=[p.name for p in exports35.DEV])
def test_each_dev_export_reads_as_entered_by_hand(plan: Any) -> None:
    short = [f"{what}: {same}/{total}" for what, same, total in exports35.figures(plan)
             if same < total]  # fmt: skip
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


# The blind half is counted, never studied: its totals may not fall below what the round left.
BLIND_FLOORS = {"actions found": 12, "refs": 12, "titles": 12, "leads": 12, "due dates": 8,
                "status cells": 8}  # fmt: skip


def test_the_blind_half_keeps_its_totals() -> None:
    totals = _totals(exports35.BLIND)
    fallen = {what: totals.get(what, 0) for what, floor in BLIND_FLOORS.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"the blind half fell: {fallen}"


@pytest.mark.parametrize("plan", exports35.CORPUS, ids=[p.name for p in exports35.CORPUS])
def test_each_export_gives_a_valid_document(plan: Any) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": exports35.parsed(plan)})


def test_the_round_halves_by_hash() -> None:
    assert {plan.name for plan in exports35.DEV} == {
        "Aldwick Planner export", "Cransley Asana export", "Felsham Project plan",
    }  # fmt: skip
    assert len(exports35.BLIND) == 5


# record-keeping


def test_a_task_list_keeps_its_headings_beside_who_made_each_task() -> None:
    # Before: "Created By", a second column of names, kept the headings from being read; the
    # table was read by its cells, with the date each task was completed as its due date.
    data = _csv([
        ["Task Name", "Bucket Name", "Assigned To", "Created By", "Created Date", "Due date",
         "Completed Date", "Labels"],
        ["Publish the sufficiency plan", "Places", "Nia Cole", "Ann Webb", "01/09/2025",
         "31/01/2026", "", "Board"],
        ["Open a resourced provision", "Places", "Leo Hart", "Ann Webb", "01/09/2025",
         "31/08/2026", "", ""],
        ["Agree a transport policy", "Travel", "Nia Cole", "Ann Webb", "02/09/2025",
         "30/11/2025", "28/11/2025", "Board"],
    ])  # fmt: skip
    result = parsed_file(data, "tasks.csv")
    found = {a["title"]: a for a in all_actions(result.document)}
    assert {title: (a["lead_text"], a["due"]) for title, a in found.items()} == {
        "Publish the sufficiency plan": ("Nia Cole", "2026-01-31"),
        "Open a resourced provision": ("Leo Hart", "2026-08-31"),
        "Agree a transport policy": ("Nia Cole", "2025-11-30"),
    }
    sections = [s["title"] for s in walk_sections(result.document["plan"]["sections"])]
    assert sections == ["Places", "Travel"]
    [table] = result.tables
    left = {c.heading: c.rule for c in table.columns if not c.role}
    assert left == dict.fromkeys(
        ["Created By", "Created Date", "Completed Date", "Labels"], rules.RECORD_KEEPING.code
    )


def test_the_check_page_says_why_a_column_was_left_out() -> None:
    column = {"role": "", "rule": rules.RECORD_KEEPING.code, "confidence": 0.0}
    words = checking.column_words(column, saved=False)
    assert words.startswith("Not used, by the rule:")
    assert "task tool" in words
    assert checking.column_words({"role": "", "rule": ""}, saved=False) == "Not used"


# task-tool-columns


def test_name_over_the_tasks_is_their_title_beside_an_assignee() -> None:
    # Before: "Name" was read as the lead (as it is beside a table of actions), the one
    # project every task belongs to as the title, and no action had its words.
    data = _csv([
        ["Name", "Section/Column", "Assignee", "Due Date", "Projects", "RAG"],
        ["Train every SENCO in the graduated approach", "Inclusion", "Tariq Shah",
         "2026-03-31", "SEND Strategy", "Amber"],
        ["Publish school-level inclusion data", "Inclusion", "Erin Moss", "2026-01-30",
         "SEND Strategy", "Green"],
        ["Extend the outreach offer to secondary schools", "Outreach", "Tariq Shah",
         "2026-07-17", "SEND Strategy", "Red"],
    ])  # fmt: skip
    result = parsed_file(data, "asana.csv")
    found = {a["title"]: (a["lead_text"], a["due"], a["updates"][0]["status"])
             for a in all_actions(result.document)}  # fmt: skip
    assert found == {
        "Train every SENCO in the graduated approach": ("Tariq Shah", "2026-03-31", "A"),
        "Publish school-level inclusion data": ("Erin Moss", "2026-01-30", "G"),
        "Extend the outreach offer to secondary schools": ("Tariq Shah", "2026-07-17", "R"),
    }
    [table] = result.tables
    roles = {c.heading: (c.role, c.rule) for c in table.columns}
    assert roles["Name"] == ("title", rules.TASK_TOOL_COLUMNS.code)
    assert roles["Projects"] == ("", rules.TASK_TOOL_COLUMNS.code)


def test_priority_levels_and_who_completed_a_task_are_no_sections_or_dates() -> None:
    data = _csv([
        ["Task Name", "Bucket Name", "Priority", "Assigned To", "Due Date", "Completed By"],
        ["Recruit two caseworkers", "Assessment", "Urgent", "Joe Bell", "30/11/2025",
         "Joe Bell"],
        ["Audit ten plans a month", "Assessment", "Medium", "Ava Lin", "31/03/2026", ""],
        ["Publish the annual review guide", "Reviews", "Low", "Ava Lin", "31/01/2026",
         "Ava Lin"],
    ])  # fmt: skip
    result = parsed_file(data, "planner.csv")
    sections = [s["title"] for s in walk_sections(result.document["plan"]["sections"])]
    assert sections == ["Assessment", "Reviews"]
    dues = {a["title"]: a["due"] for a in all_actions(result.document)}
    assert dues == {
        "Recruit two caseworkers": "2025-11-30",
        "Audit ten plans a month": "2026-03-31",
        "Publish the annual review guide": "2026-01-31",
    }
    [table] = result.tables
    left = {c.heading: c.rule for c in table.columns if not c.role}
    assert left == dict.fromkeys(["Priority", "Completed By"], rules.TASK_TOOL_COLUMNS.code)


# outline-levels


def test_summary_tasks_of_a_project_plan_are_sections_over_their_tasks() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Task Name", "Start", "Finish", "Resource Names", "Outline Level"])
    sheet.append([1, "Short breaks", "Mon 01/09/25", "Fri 27/03/26", "", 1])
    sheet.append([2, "Consult families on the short breaks offer", "Mon 01/09/25",
                  "Fri 28/11/25", "Kay Dunn", 2])  # fmt: skip
    sheet.append([3, "Recommission overnight short breaks", "Mon 01/12/25", "Fri 27/03/26",
                  "Kay Dunn", 2])  # fmt: skip
    sheet.append([4, "Transport", "Mon 01/09/25", "Fri 30/01/26", "", 1])
    sheet.append([5, "Publish a new home to school transport policy", "Mon 01/09/25",
                  "Fri 30/01/26", "Raj Nair", 2])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    result = parsed_file(out.getvalue(), "programme.xlsx")
    plan = result.document["plan"]
    shape = [(s["ref"], s["title"], [a["ref"] for a in s["actions"]]) for s in plan["sections"]]
    assert shape == [
        ("1", "Short breaks", ["2", "3"]),
        ("4", "Transport", ["5"]),
    ]
    assert rules.OUTLINE_LEVELS.code in {p.rule for p in result.placements}
    assert placed_by(result) == {rules.ACTION_ROW.code}
