"""Round status30: ratings in the kinds status29's dev half lacked, on sixteen more plans
written before the importer read them.

The dev half is held at what the round reached, the blind half at what it reads without being
studied (and at no more invented ratings than it gave before), and each change the round made
has a test of what a user would notice. The plans are in status30.py; bench/parse_status30.py
prints the table; corpus/real/STATUS30.md the figures."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    parsed_file,
    report_codes,
    saved,
)
from sendplan.interchange.tests.status30 import (
    BLIND,
    CORPUS,
    DEV,
    Status30,
    figures,
    invented,
    key_meanings,
    parsed,
    period_dates,
)

# Totals of each half: neither may fall below what this round left it at.
DEV_FLOORS = {
    "actions found": 21,
    "refs": 21,
    "titles": 21,
    "leads": 21,
    "due dates": 21,
    "status cells": 27,
    "period dates": 8,
    "key meanings": 22,
}
BLIND_FLOORS = {
    "actions found": 33,
    "refs": 33,
    "titles": 32,
    "leads": 33,
    "due dates": 33,
    "status cells": 44,
    # Raised by round status31's changes, none aimed at these plans (only totals were read).
    "period dates": 9,
    "key meanings": 17,
}
# Ratings given where a plan has none: no more than this round left.
DEV_INVENTED = 0
BLIND_INVENTED = 0


@pytest.mark.parametrize(("plans", "floors"), [(DEV, DEV_FLOORS), (BLIND, BLIND_FLOORS)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_keeps_its_totals(plans: tuple[Status30, ...], floors: dict[str, int]) -> None:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in [*figures(plan), period_dates(plan), key_meanings(plan)]:
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in floors.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"fell below the floors: {fallen}"


@pytest.mark.parametrize(("plans", "most"), [(DEV, DEV_INVENTED), (BLIND, BLIND_INVENTED)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_invents_no_more_ratings(plans: tuple[Status30, ...], most: int) -> None:
    assert sum(invented(plan)[1] for plan in plans) <= most


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_plan_gives_a_valid_document(plan: Status30) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_spreads_over_every_format_and_halves_by_hash() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert sorted(set(kinds)) == ["docx", "pdf", "txt", "xlsx"]
    assert all(kinds.count(kind) == 4 for kind in set(kinds))
    assert {plan.name for plan in DEV} == {
        "Abbeystead WSoA", "Eskdale PAP", "Fernhill WSoA", "Glaisdale APP", "Linton plan",
        "Osmotherley tracker",
    }  # fmt: skip


def _scale(result: object) -> list[tuple[str, str, str | None]]:
    document = result.document  # type: ignore[attr-defined]
    return [(s["code"], s["label"], s.get("colour")) for s in document["plan"]["status_scale"]]


def _statuses(result: object) -> list[str]:
    document = result.document  # type: ignore[attr-defined]
    return [u.get("status", "") for a in all_actions(document) for u in a.get("updates", [])]


# sentence-key


def _rag_table(key: str, cells: list[str]) -> bytes:
    rows = "".join(
        f"1.{n}\tAction number {n} for the plan.\tHead of SEND\tDec 2025\t{cell}\n"
        for n, cell in enumerate(cells, start=1)
    )
    return (f"{key}\n\nRef\tAction\tLead\tBy when\tRAG December 2025\n" + rows).encode()


def test_a_key_written_as_a_sentence_gives_the_plans_meanings() -> None:
    result = parsed_file(
        _rag_table("Ratings: Green means on track, Amber some slippage and Red off track.",
                   ["Green", "Amber", "Red"]),
        "plan.txt",
    )  # fmt: skip
    assert _scale(result) == [
        ("G", "on track", "green"),
        ("A", "some slippage", "amber"),
        ("R", "off track", "red"),
    ]
    assert _statuses(result) == ["G", "A", "R"]
    assert rules.SENTENCE_KEY.code in report_codes(result)


def test_marks_a_sentence_explains_are_rated_by_their_meanings() -> None:
    result = parsed_file(
        _rag_table("How to read the ratings: ✓ the action is complete, ● it is on track, ▲ "
                   "there is some slippage and ✗ it is off track.", ["✓", "●", "▲", "✗"]),
        "plan.txt",
    )  # fmt: skip
    assert _scale(result) == [
        ("✓", "complete", "blue"),
        ("●", "on track", "green"),
        ("▲", "some slippage", "amber"),
        ("✗", "off track", "red"),
    ]
    assert _statuses(result) == ["✓", "●", "▲", "✗"]


def test_a_sentence_about_the_colours_is_no_key() -> None:
    for sentence in (
        "Green actions rose this year, amber fell and red stayed the same.",
        "Red, amber and green are the colours the board uses.",
    ):
        result = parsed_file(_rag_table(sentence, ["Green", "Red"]), "plan.txt")
        assert rules.SENTENCE_KEY.code not in report_codes(result), sentence


# key-across-row and report-date-period on a sheet


_FILLS = {"blue": "0070C0", "green": "00B050", "amber": "FFC000", "red": "FF0000"}


def _sheet(top: list[list[str]], key_fills: list[str] | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in top:
        sheet.append(row)
    key_row = sheet.max_row
    for column, colour in enumerate(key_fills or [], start=2):
        sheet.cell(key_row, column).fill = PatternFill("solid", fgColor=_FILLS[colour])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Status"])
    for n, colour in enumerate(["green", "red"], start=1):
        sheet.append([f"1.{n}", f"Action number {n} for the plan.", "Head of SEND", "Dec 2025"])
        sheet.cell(sheet.max_row, 5).fill = PatternFill("solid", fgColor=_FILLS[colour])
    return saved(book)


def test_a_key_across_a_row_of_shaded_words_gives_each_colour_its_words() -> None:
    result = parsed_file(
        _sheet([["SEND tracker"], ["Key:", "Complete", "On track", "At risk", "Off track"]],
               ["blue", "green", "amber", "red"]),
        "plan.xlsx",
    )  # fmt: skip
    assert [(colour, label) for _, label, colour in _scale(result)] == [
        ("blue", "Complete"),
        ("green", "On track"),
        ("amber", "At risk"),
        ("red", "Off track"),
    ]
    assert _statuses(result) == ["G", "R"]
    assert rules.KEY_ACROSS_ROW.code in report_codes(result)


def test_a_row_of_words_not_shaded_is_no_key() -> None:
    result = parsed_file(
        _sheet([["SEND tracker"], ["Key:", "Complete", "On track", "At risk", "Off track"]]),
        "plan.xlsx",
    )
    assert rules.KEY_ACROSS_ROW.code not in report_codes(result)


def test_a_sheets_as_at_line_dates_its_lone_rating_column() -> None:
    result = parsed_file(_sheet([["SEND tracker"], ["As at 30 April 2026"]]), "plan.xlsx")
    periods = result.document["plan"]["periods"]
    assert [p.get("ends_on") for p in periods] == ["2026-04-30"]
    assert action(result.document, "1.2")["updates"][0]["period"] == periods[0]["label"]
    assert rules.REPORT_DATE_PERIOD.code in report_codes(result)
