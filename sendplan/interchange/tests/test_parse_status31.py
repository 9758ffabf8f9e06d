"""Round status31: ratings in the kinds status29's and status30's blind halves alone held, on
twenty-four more plans written before the importer read them.

The dev half is held at what the round reached, the blind half at what it reads without being
studied (and at no more invented ratings than it gave before), and each change the round made
has a test of what a user would notice, which fails without it. The plans are in status31.py;
bench/parse_status31.py prints the table; corpus/real/STATUS31.md the figures."""

from __future__ import annotations

import openpyxl
import pytest

from sendplan.interchange.parsers import dates, rules
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    parsed_file,
    report_codes,
    saved,
)
from sendplan.interchange.tests.status31 import (
    BLIND,
    CORPUS,
    DEV,
    KINDS,
    Status31,
    figures,
    invented,
    key_meanings,
    parsed,
    period_dates,
)

# Totals of each half: neither may fall below what this round left it at.
DEV_FLOORS = {
    "actions found": 55,
    "refs": 55,
    "titles": 55,
    "leads": 55,
    "due dates": 55,
    "status cells": 67,
    "period dates": 18,
    "key meanings": 49,
}
BLIND_FLOORS = {
    "actions found": 35,
    "refs": 35,
    "titles": 35,
    "leads": 35,
    "due dates": 35,
    "status cells": 38,
    "period dates": 10,
    "key meanings": 16,
}
# Ratings given where a plan has none: no more than this round left.
DEV_INVENTED = 0
BLIND_INVENTED = 0


@pytest.mark.parametrize(("plans", "floors"), [(DEV, DEV_FLOORS), (BLIND, BLIND_FLOORS)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_keeps_its_totals(plans: tuple[Status31, ...], floors: dict[str, int]) -> None:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in [*figures(plan), period_dates(plan), key_meanings(plan)]:
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in floors.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"fell below the floors: {fallen}"


@pytest.mark.parametrize(("plans", "most"), [(DEV, DEV_INVENTED), (BLIND, BLIND_INVENTED)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_invents_no_more_ratings(plans: tuple[Status31, ...], most: int) -> None:
    assert sum(invented(plan)[1] for plan in plans) <= most


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_plan_gives_a_valid_document(plan: Status31) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_hand_entered_plan_is_valid(plan: Status31) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": plan.reference()})


def test_every_kind_is_on_both_sides_and_the_hash_made_the_halves() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert sorted(set(kinds)) == ["docx", "pdf", "txt", "xlsx"]
    for kind in KINDS:
        assert any(kind in plan.kinds for plan in DEV), kind
        assert any(kind in plan.kinds for plan in BLIND), kind
    assert {plan.name for plan in BLIND} == {
        "Cononley APP", "Elslack tracker", "Gargrave WSoA", "Hellifield plan", "Rylstone PAP",
        "Settle tracker", "Austwick plan", "Dent PAP", "Feizor WSoA",
    }  # fmt: skip


def test_plans_with_no_ratings_are_given_none() -> None:
    for plan in CORPUS:
        if "none" in plan.kinds:
            rated = [u for a in all_actions({"plan": parsed(plan)}) for u in a.get("updates", [])
                     if u.get("status")]  # fmt: skip
            assert not rated, plan.name


def _scale(result: object) -> list[tuple[str, str, str | None]]:
    document = result.document  # type: ignore[attr-defined]
    return [(s["code"], s["label"], s.get("colour")) for s in document["plan"]["status_scale"]]


def _updates(result: object) -> list[dict[str, str]]:
    document = result.document  # type: ignore[attr-defined]
    return [u for a in all_actions(document) for u in a.get("updates", [])]


def _text_plan(lines: list[str], heads: list[str], rows: list[list[str]]) -> bytes:
    body = ["\t".join(heads)] + ["\t".join(row) for row in rows]
    return "\n".join([*lines, "", *body]).encode()


_ACTIONS = [
    ["1.1", "Train every SENCo in the graduated response.", "Head of Inclusion", "Feb 2026"],
    ["1.2", "Screen children for language needs at two.", "Designated Clinical Officer",
     "June 2026"],
    ["1.3", "Cut the wait for a first CAMHS appointment.", "Head of SEND", "Sept 2026"],
]  # fmt: skip


# ratings-under-current


def test_a_current_column_of_ratings_beside_actions_is_rated() -> None:
    rows = [[*a, code] for a, code in zip(_ACTIONS, ["G", "A", "R"], strict=True)]
    result = parsed_file(
        _text_plan(["SEND plan: progress update - March 2026"],
                   ["Ref", "Action", "Lead", "Due", "Current"], rows),
        "plan.txt",
    )  # fmt: skip
    assert [u.get("status") for u in _updates(result)] == ["G", "A", "R"]
    assert [p.get("ends_on") for p in result.document["plan"]["periods"]] == ["2026-03-31"]


def test_a_current_column_of_figures_is_not_rated() -> None:
    rows = [[*a, figure] for a, figure in zip(_ACTIONS, ["64%", "12", "30 weeks"], strict=True)]
    result = parsed_file(
        _text_plan(["SEND plan"], ["Ref", "Action", "Lead", "Due", "Current"], rows), "plan.txt"
    )
    assert not any(u.get("status") for u in _updates(result))


# impact-beside-progress


def test_an_impact_rating_beside_progress_is_kept_in_words_not_as_a_period() -> None:
    rows = [
        [*a, progress, impact]
        for a, progress, impact in zip(
            _ACTIONS, ["Green", "Amber", "Red"], ["Amber", "Red", "Red"], strict=True
        )
    ]
    result = parsed_file(
        _text_plan(["SEND plan", "Report date: 31 October 2025",
                    "RAG: Green = on track, Amber = at risk, Red = off track"],
                   ["Ref", "Action", "Lead", "Due", "Progress RAG", "Impact RAG"], rows),
        "plan.txt",
    )  # fmt: skip
    periods = result.document["plan"]["periods"]
    assert [p.get("ends_on") for p in periods] == ["2025-10-31"]
    first = action(result.document, "1.1")["updates"]
    assert first == [
        {"period": periods[0]["label"], "status": "G", "narrative": "Impact RAG: Amber"}
    ]
    assert rules.IMPACT_BESIDE_PROGRESS.code in report_codes(result)


def test_two_ratings_for_two_periods_are_both_periods() -> None:
    rows = [[*a, "Green", "Amber"] for a in _ACTIONS]
    result = parsed_file(
        _text_plan(["SEND plan"], ["Ref", "Action", "Lead", "Due", "RAG Sep 2025",
                                   "RAG Dec 2025"], rows),
        "plan.txt",
    )  # fmt: skip
    assert len(result.document["plan"]["periods"]) == 2
    assert rules.IMPACT_BESIDE_PROGRESS.code not in report_codes(result)


# current-beside-previous, dated by a report date line


def test_current_beside_previous_takes_the_report_dates_month() -> None:
    rows = [[*a, "A", "G"] for a in _ACTIONS]
    result = parsed_file(
        _text_plan(["SEND tracker", "Report date: 31 March 2026"],
                   ["Ref", "Action", "Lead", "Due", "Previous RAG", "Current RAG"], rows),
        "plan.txt",
    )  # fmt: skip
    periods = {p["label"]: p.get("ends_on") for p in result.document["plan"]["periods"]}
    assert periods == {"Previous RAG": None, "Current RAG": "2026-03-31"}
    assert rules.CURRENT_BESIDE_PREVIOUS.code in report_codes(result)


# A quarter named with two-digit years: a sheet's name dates its lone rating column.


def _book(title: str, top: list[list[str]], cells: list[str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in top:
        sheet.append(row)
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Status"])
    for a, cell in zip(_ACTIONS, cells, strict=True):
        sheet.append([*a, cell])
    return saved(book)


def test_a_sheet_named_by_a_quarter_dates_its_status_column() -> None:
    result = parsed_file(
        _book("Q2 25-26", [["SEND tracker"]], ["Green", "Amber", "Red"]), "plan.xlsx"
    )
    assert [p.get("ends_on") for p in result.document["plan"]["periods"]] == ["2025-09-30"]
    assert rules.PERIOD_NAMED_ON_PAGE.code in report_codes(result)


def test_a_quarter_with_two_years_apart_names_no_period() -> None:
    assert dates.names_period("Q2 25-26")
    assert dates.names_period("Quarter 3 25/26")
    assert not dates.names_period("Q2 25-27")
    assert not dates.names_period("25-26")


# key-entries-across-row


def test_a_key_across_a_row_a_cell_an_entry_gives_the_meanings() -> None:
    result = parsed_file(
        _book("Plan", [["SEND tracker"], ["B = complete", "G = on track", "A = at risk",
                                          "R = off track"]], ["G", "A", "B"]),
        "plan.xlsx",
    )  # fmt: skip
    assert _scale(result) == [
        ("B", "complete", "blue"),
        ("G", "on track", "green"),
        ("A", "at risk", "amber"),
        ("R", "off track", "red"),
    ]
    assert rules.KEY_ENTRIES_ACROSS_ROW.code in report_codes(result)


def test_a_row_of_words_is_no_key_across_a_row() -> None:
    result = parsed_file(
        _book("Plan", [["SEND tracker"], ["Agreed by", "the board", "in July", "2025"]],
              ["G", "A", "B"]),
        "plan.xlsx",
    )  # fmt: skip
    assert rules.KEY_ENTRIES_ACROSS_ROW.code not in report_codes(result)


# Keys: the last meaning ends with its sentence; BRAG letters with no "=" between


def test_a_keys_last_meaning_ends_with_its_sentence() -> None:
    rows = [[*a, code] for a, code in zip(_ACTIONS, ["Green", "Amber", "Red"], strict=True)]
    result = parsed_file(
        _text_plan(["SEND plan", "RAG ratings: Green – on track; Amber – some slippage; Red – "
                    "off track. Progress is how far the action has gone."],
                   ["Ref", "Action", "Lead", "Due", "RAG"], rows),
        "plan.txt",
    )  # fmt: skip
    assert _scale(result)[-1] == ("R", "off track", "red")


def test_brag_letters_keyed_without_equals_signs() -> None:
    rows = [[*a, code] for a, code in zip(_ACTIONS, ["G", "A", "R"], strict=True)]
    result = parsed_file(
        _text_plan(["SEND plan", "RAG: G on track, A some slippage, R off track"],
                   ["Ref", "Action", "Lead", "Due", "RAG"], rows),
        "plan.txt",
    )  # fmt: skip
    assert _scale(result) == [
        ("G", "on track", "green"),
        ("A", "some slippage", "amber"),
        ("R", "off track", "red"),
    ]


def test_a_sentence_with_capital_letters_is_no_key() -> None:
    rows = [[*a, code] for a, code in zip(_ACTIONS, ["G", "A", "R"], strict=True)]
    result = parsed_file(
        _text_plan(["SEND plan", "Note: A review of B schools, G groups and R reports."],
                   ["Ref", "Action", "Lead", "Due", "RAG"], rows),
        "plan.txt",
    )  # fmt: skip
    assert ("A", "review of", "amber") not in _scale(result)
