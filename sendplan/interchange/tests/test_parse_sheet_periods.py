"""A tracker kept as a sheet for each month or quarter, each a copy of the last with that
period's ratings and updates written over it (rule `sheets-as-periods`)."""

from __future__ import annotations

from typing import Any

import openpyxl
from openpyxl.styles import PatternFill

from sendplan.interchange.parsers import ParseResult, rules
from sendplan.interchange.tests import all_actions, parsed_file, report_codes, saved

HEADINGS = ["Ref", "Action", "Lead officer", "Target date", "RAG", "Progress update"]
ACTIONS = {
    "1.1": ("Publish the revised Local Offer pages", "Head of SEND", "March 2026"),
    "1.2": ("Train SENCOs on the new EHC plan template", "SEND Manager", "June 2026"),
    "2.1": ("Agree the joint commissioning strategy", "ICB Director of Commissioning", "July 2026"),
    "2.2": ("Set up the short breaks review group", "Short Breaks Lead", "April 2026"),
}


def _sheet(book: Any, name: str, ratings: dict[str, str], *, first: bool = False) -> Any:
    sheet = book.active if first else book.create_sheet()
    sheet.title = name
    sheet.append(["Eastwold Written Statement of Action: monitoring tracker"])
    sheet.append([])
    sheet.append(HEADINGS)
    themes = {"1": "Priority 1: Information for families", "2": "Priority 2: Joint commissioning"}
    shown = set()
    for ref, rating in ratings.items():
        if ref[0] not in shown:
            shown.add(ref[0])
            sheet.append([themes[ref[0]]])
        title, lead, due = ACTIONS[ref]
        sheet.append([ref, title, lead, due, rating, f"{ref} progress as at {name}"])
    return sheet


def _periods(result: ParseResult) -> list[str]:
    return [period["label"] for period in result.document["plan"]["periods"]]


def _ratings(result: ParseResult) -> dict[str, dict[str, str]]:
    labels = {s["code"]: s["label"].lower() for s in result.document["plan"]["status_scale"]}
    return {
        action["ref"]: {
            update["period"]: labels.get(update.get("status", ""), "")
            for update in action.get("updates", [])
        }
        for action in all_actions(result.document)
    }


def test_a_sheet_a_month_gives_each_action_once_and_each_sheet_as_its_month() -> None:
    book = openpyxl.Workbook()
    _sheet(book, "Oct 2025", {"1.1": "Amber", "1.2": "Red", "2.1": "Green"}, first=True)
    _sheet(book, "Nov 2025", {"1.1": "Green", "1.2": "Amber", "2.1": "Green"})
    _sheet(book, "Dec 2025", {"1.1": "Blue", "1.2": "Amber", "2.1": "Green"})
    result = parsed_file(saved(book), "tracker.xlsx")

    actions = all_actions(result.document)
    assert [a["ref"] for a in actions] == ["1.1", "1.2", "2.1"]
    assert _periods(result) == ["Oct 2025", "Nov 2025", "Dec 2025"]
    ends = [period.get("ends_on") for period in result.document["plan"]["periods"]]
    assert ends == ["2025-10-31", "2025-11-30", "2025-12-31"]
    assert _ratings(result)["1.1"] == {
        "Oct 2025": "some concerns",
        "Nov 2025": "on track",
        "Dec 2025": "completed",
    }
    narratives = [u.get("narrative", "") for u in actions[1]["updates"]]
    assert narratives == [f"1.2 progress as at {month} 2025" for month in ("Oct", "Nov", "Dec")]
    assert [s["title"] for s in result.document["plan"]["sections"]] == [
        "Information for families",
        "Joint commissioning",
    ]
    assert rules.SHEETS_AS_PERIODS.code in report_codes(result)
    assert rules.REF_REPEATED.code not in report_codes(result)


def test_sheets_newest_first_beside_a_key_keep_added_and_closed_actions_and_shaded_ratings() -> (
    None
):
    book = openpyxl.Workbook()
    # The newest sheet first, as some areas keep them; 2.2 was added in Q3, 1.2 closed in Q2.
    newest = _sheet(book, "Q3 25-26", {"1.1": "", "2.1": "Amber", "2.2": "Green"}, first=True)
    newest["E5"].fill = PatternFill("solid", fgColor="FF0070C0")  # 1.1 rated by its shading
    _sheet(book, "Q2 25-26", {"1.1": "Green", "1.2": "Blue", "2.1": "Red"})
    key = book.create_sheet("Key")
    for row in (["Rating", "Meaning"], ["Blue", "Complete"], ["Green", "On track"],
                ["Amber", "Some slippage"], ["Red", "Off track"]):  # fmt: skip
        key.append(row)
    result = parsed_file(saved(book), "tracker.xlsx")

    assert sorted(a["ref"] for a in all_actions(result.document)) == ["1.1", "1.2", "2.1", "2.2"]
    assert _periods(result) == ["Q2 25-26", "Q3 25-26"]
    ratings = _ratings(result)
    assert ratings["1.1"] == {"Q2 25-26": "on track", "Q3 25-26": "complete"}
    assert ratings["1.2"] == {"Q2 25-26": "complete"}
    assert ratings["2.2"] == {"Q3 25-26": "on track"}
    assert rules.SHEETS_AS_PERIODS.code in report_codes(result)


def test_an_action_closed_before_the_latest_month_is_read_once_with_each_months_rating() -> None:
    book = openpyxl.Workbook()
    _sheet(book, "Oct 2025", {"1.1": "Amber", "1.2": "Amber", "2.1": "Green"}, first=True)
    _sheet(book, "Nov 2025", {"1.1": "Green", "1.2": "Blue", "2.1": "Green"})
    _sheet(book, "Dec 2025", {"1.1": "Green", "2.1": "Amber"})  # 1.2, done, left off
    result = parsed_file(saved(book), "tracker.xlsx")

    assert sorted(a["ref"] for a in all_actions(result.document)) == ["1.1", "1.2", "2.1"]
    assert _ratings(result)["1.2"] == {"Oct 2025": "some concerns", "Nov 2025": "completed"}
    assert rules.REF_REPEATED.code not in report_codes(result)


def test_sheets_of_different_actions_are_each_read_as_they_are() -> None:
    # Two years' plans, each on a sheet named by its year: not copies of one tracker.
    book = openpyxl.Workbook()
    _sheet(book, "2024-25", {"1.1": "Green", "1.2": "Amber"}, first=True)
    _sheet(book, "2025-26", {"2.1": "Green", "2.2": "Amber"})
    result = parsed_file(saved(book), "plans.xlsx")

    assert [a["ref"] for a in all_actions(result.document)] == ["1.1", "1.2", "2.1", "2.2"]
    assert rules.SHEETS_AS_PERIODS.code not in report_codes(result)


def test_month_sheets_laid_out_differently_are_not_joined() -> None:
    book = openpyxl.Workbook()
    _sheet(book, "Oct 2025", {"1.1": "Amber", "1.2": "Red"}, first=True)
    changed = _sheet(book, "Nov 2025", {"1.1": "Green", "1.2": "Amber"})
    changed["F3"] = "Evidence of impact"  # the copy's last column asks for something else
    result = parsed_file(saved(book), "tracker.xlsx")

    assert rules.SHEETS_AS_PERIODS.code not in report_codes(result)
    assert len(all_actions(result.document)) == 4
