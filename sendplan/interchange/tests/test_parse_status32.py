"""Round status32: ratings in the forms status31's blind half alone held, on twenty-five more
plans written before the importer read them.

The dev half is held at what the round reached, the blind half at what it reads without being
studied (and at no more invented ratings than it gives now), and each change the round made
has a test of what a user would notice, which fails without it. The plans are in status32.py;
bench/parse_status32.py prints the table; corpus/real/STATUS32.md the figures."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from sendplan.interchange.parsers import dates, rules, statuses
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    parsed_file,
    report_codes,
    saved,
)
from sendplan.interchange.tests.status32 import (
    BLIND,
    CORPUS,
    DEV,
    KINDS,
    Status32,
    figures,
    invented,
    key_meanings,
    parsed,
    period_dates,
)
from sendplan.interchange.tests.test_parse_status31 import _ACTIONS, _scale, _text_plan, _updates
from sendplan.interchange.tests.unseen19 import _pdf

# Totals of each half: neither may fall below what this round left it at.
DEV_FLOORS = {
    "actions found": 30,
    "refs": 30,
    "titles": 30,
    "leads": 30,
    "due dates": 30,
    "status cells": 51,
    "period dates": 13,
    "key meanings": 27,
}
BLIND_FLOORS = {
    "actions found": 62,
    "refs": 62,
    "titles": 62,
    "leads": 62,
    "due dates": 62,
    "status cells": 92,
    "period dates": 19,
    "key meanings": 44,
}
# Ratings given where a plan has none: no more than this round left.
DEV_INVENTED = 0
BLIND_INVENTED = 4


@pytest.mark.parametrize(("plans", "floors"), [(DEV, DEV_FLOORS), (BLIND, BLIND_FLOORS)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_keeps_its_totals(plans: tuple[Status32, ...], floors: dict[str, int]) -> None:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in [*figures(plan), period_dates(plan), key_meanings(plan)]:
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in floors.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"fell below the floors: {fallen}"


@pytest.mark.parametrize(("plans", "most"), [(DEV, DEV_INVENTED), (BLIND, BLIND_INVENTED)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_invents_no_more_ratings(plans: tuple[Status32, ...], most: int) -> None:
    assert sum(invented(plan)[1] for plan in plans) <= most


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_plan_gives_a_valid_document(plan: Status32) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_hand_entered_plan_is_valid(plan: Status32) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": plan.reference()})


def test_every_kind_is_on_both_sides_and_the_hash_made_the_halves() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert sorted(set(kinds)) == ["docx", "pdf", "txt", "xlsx"]
    for kind in KINDS:
        assert any(kind in plan.kinds for plan in DEV), kind
        assert any(kind in plan.kinds for plan in BLIND), kind
    assert {plan.name for plan in DEV} == {
        "Kielder APP", "Matfen WSoA", "Newbrough plan", "Seahouses PAP", "Wark tracker",
        "Whittingham WSoA", "Wooler APP", "Chillingham WSoA",
    }  # fmt: skip


# ratings-under-current, beside a "Target" of dates


def test_latest_beside_previous_and_a_target_of_dates_is_rated_and_due() -> None:
    rows = [[*a, previous, latest] for a, previous, latest in
            zip(_ACTIONS, ["G", "A", "G"], ["B", "G", "A"], strict=True)]  # fmt: skip
    result = parsed_file(
        _text_plan(["SEND plan", "As at 28 February 2026",
                    "Key: B = complete, G = on track, A = at risk, R = off track"],
                   ["No.", "Action", "Owner", "Target", "Previous", "Latest"], rows),
        "plan.txt",
    )  # fmt: skip
    first = action(result.document, "1.1")
    assert first["due"] == "2026-02"
    periods = {p["label"]: p.get("ends_on") for p in result.document["plan"]["periods"]}
    assert periods == {"Previous": None, "Latest": "2026-02-28"}
    assert {u["period"] for u in first["updates"]} == {"Previous", "Latest"}


def test_a_target_of_figures_beside_latest_stays_an_indicators() -> None:
    rows = [[a[0], a[1], a[2], "95%", "80%", "84%"] for a in _ACTIONS]
    result = parsed_file(
        _text_plan(["SEND plan"], ["No.", "Measure", "Owner", "Target", "Previous", "Latest"],
                   rows),
        "plan.txt",
    )  # fmt: skip
    assert not any(u.get("status") for a in all_actions(result.document)
                   for u in a.get("updates", []))  # fmt: skip


# period-band, a month or a term under a financial or academic year


def test_months_under_a_band_of_a_financial_year_take_the_year_they_fall_in() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SEND plan"])
    sheet.append(["Green – on track; Amber – some slippage; Red – off track."])
    sheet.append(["", "", "", "", "2025/26"])
    sheet.merge_cells(start_row=3, start_column=5, end_row=3, end_column=7)
    sheet.append(["Ref", "Action", "Lead", "Due", "Sep", "Dec", "Mar"])
    for a in _ACTIONS:
        sheet.append([*a, "Amber", "Green", "Green"])
    result = parsed_file(saved(book), "plan.xlsx")
    periods = {p["label"]: p.get("ends_on") for p in result.document["plan"]["periods"]}
    assert periods == {"Sep 2025": "2025-09-30", "Dec 2025": "2025-12-31",
                       "Mar 2026": "2026-03-31"}  # fmt: skip
    assert rules.PERIOD_BAND.code in report_codes(result)


def test_a_month_or_term_in_a_year_span() -> None:
    assert dates.in_year_span("Sep", "2025/26") == ("Sep 2025", "2025-09-30")
    assert dates.in_year_span("Jun", "2025/26") == ("Jun 2025", "2025-06-30")
    assert dates.in_year_span("Jun", "Academic year 2025/26") == ("Jun 2026", "2026-06-30")
    assert dates.in_year_span("Spring term", "2025-26") == ("Spring term 2026", "2026-04-30")
    assert dates.in_year_span("Q1", "2025/26") is None
    assert dates.in_year_span("Sep", "2025/27") is None
    assert dates.in_year_span("Total", "2025/26") is None


# arrow-legend-apart


def test_a_legend_of_arrows_after_a_key_is_no_part_of_its_last_meaning() -> None:
    rows = [[*a, code] for a, code in zip(_ACTIONS, ["G ↑", "A ↓", "R →"], strict=True)]
    result = parsed_file(
        _text_plan(["SEND plan", "RAG key: G = on track, A = at risk, R = off track. ↑ improved, "
                    "↓ declined, → no change"], ["Ref", "Action", "Lead", "Due", "RAG"], rows),
        "plan.txt",
    )  # fmt: skip
    assert _scale(result) == [
        ("G", "on track", "green"),
        ("A", "at risk", "amber"),
        ("R", "off track", "red"),
    ]
    assert rules.ARROW_LEGEND_APART.code in report_codes(result)


def test_colours_keyed_then_arrows_after_a_semicolon() -> None:
    rows = [[*a, code] for a, code in zip(_ACTIONS, ["Green", "Amber", "Red"], strict=True)]
    result = parsed_file(
        _text_plan(["SEND plan", "Green – on track; Amber – some slippage; Red – off track. ↑ "
                    "improving; → no change; ↓ declining."],
                   ["Ref", "Action", "Lead", "Due", "RAG"], rows),
        "plan.txt",
    )  # fmt: skip
    assert _scale(result)[-1] == ("R", "off track", "red")


def test_a_key_of_arrows_alone_is_left_as_it_was() -> None:
    assert statuses.without_arrow_legend("Trend: ↑ improved, ↓ declined") == (
        "Trend: ↑ improved, ↓ declined"
    )


# key-words-kept, with the meanings the key's second column gives


_MEANINGS = [
    ("Complete", "The action is finished"),
    ("On track", "Going to plan"),
    ("Delayed", "Behind plan with a new date agreed"),
    ("Not started", "Not yet due to start"),
]


def _word_key_book(heads: list[str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SEND plan"])
    sheet.append([])
    sheet.append(heads)
    for word, meaning in _MEANINGS:
        sheet.append([word, meaning])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Status at March 2026"])
    for a, word in zip(_ACTIONS, ["Complete", "Delayed", "Not started"], strict=True):
        sheet.append([*a, word])
    return saved(book)


def test_a_key_table_of_words_and_meanings_keeps_both() -> None:
    result = parsed_file(_word_key_book(["Status", "What it means"]), "plan.xlsx")
    scale = result.document["plan"]["status_scale"]
    assert [(s["code"], s["label"]) for s in scale] == _MEANINGS
    # The word the cells hold still says the action is done.
    assert scale[0].get("done") is True
    assert rules.KEY_WORDS_KEPT.code in report_codes(result)


# numbered-key-rows


def _numbered_book(top: list[list[object]], fills: list[str] | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SEND tracker"])
    for n, row in enumerate(top):
        sheet.append(row)
        if fills and fills[n]:
            sheet.cell(sheet.max_row, 1).fill = PatternFill("solid", fgColor=fills[n])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Sep 2025"])
    for a, score in zip(_ACTIONS, [3, 1, 2], strict=True):
        sheet.append([*a, score])
    return saved(book)


_NUMBERED = [[1, "Not started"], [2, "Behind"], [3, "On track"], [4, "Complete"]]


def test_a_numbered_key_a_row_a_rating_under_key_gives_the_meanings() -> None:
    result = parsed_file(_numbered_book([["Key"], *_NUMBERED]), "plan.xlsx")
    assert [(code, label) for code, label, _ in _scale(result)] == [
        ("1", "Not started"), ("2", "Behind"), ("3", "On track"), ("4", "Complete"),
    ]  # fmt: skip
    assert [u["status"] for u in _updates(result)] == ["3", "1", "2"]
    assert rules.NUMBERED_KEY_ROWS.code in report_codes(result)


def test_a_numbered_key_with_shaded_numbers_takes_their_colours() -> None:
    fills = ["FF0000", "FFC000", "00B050", "0070C0"]
    result = parsed_file(_numbered_book(_NUMBERED, fills), "plan.xlsx")
    assert [colour for _, _, colour in _scale(result)] == ["red", "amber", "green", "blue"]


def test_numbered_rows_with_no_key_above_them_are_no_key() -> None:
    rows = [[1, "Introduction"], [2, "Our priorities"], [3, "How we will know"]]
    result = parsed_file(_numbered_book(rows), "plan.xlsx")
    assert rules.NUMBERED_KEY_ROWS.code not in report_codes(result)


# lone-bullet-mark


def _marks_pdf(key: str, cells: list[str]) -> bytes:
    body = f"<h1>SEND plan</h1>{key}<table>"
    body += "<tr><th>Ref</th><th>Action</th><th>Lead</th><th>Due</th><th>Sep 2025</th></tr>"
    for a, cell in zip(_ACTIONS, cells, strict=True):
        body += "<tr>" + "".join(f"<td>{text}</td>" for text in [*a, cell]) + "</tr>"
    return _pdf(body + "</table>", wide=True)


def test_a_filled_circle_alone_in_a_pdf_cell_is_the_plans_mark_and_its_keys() -> None:
    result = parsed_file(
        _marks_pdf("<p>Key: ● complete, ◑ in progress, ○ not started</p>", ["●", "◑", "○"]),
        "plan.pdf",
    )
    assert [u["status"] for u in _updates(result)] == ["●", "◑", "○"]
    assert ("●", "complete", "blue") in _scale(result)
    assert rules.LONE_BULLET_MARK.code in report_codes(result)


# mark-key-rows


def _marks_book(top: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SEND plan"])
    for row in top:
        sheet.append(row)
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Sep 2025"])
    for a, cell in zip(_ACTIONS, ["●", "◑", "○"], strict=True):
        sheet.append([*a, cell])
    return saved(book)


_MARK_ROWS = [["●", "Complete"], ["◑", "In progress"], ["○", "Not started"]]


def test_a_key_of_marks_a_row_a_rating_under_its_name_gives_the_meanings() -> None:
    result = parsed_file(_marks_book([["Key to progress"], *_MARK_ROWS]), "plan.xlsx")
    assert [(code, label) for code, label, _ in _scale(result)] == [
        ("●", "Complete"), ("◑", "In progress"), ("○", "Not started"),
    ]  # fmt: skip
    assert rules.MARK_KEY_ROWS.code in report_codes(result)


def test_marked_rows_with_no_key_name_above_them_are_no_key() -> None:
    result = parsed_file(_marks_book([["Our partners"], *_MARK_ROWS]), "plan.xlsx")
    assert rules.MARK_KEY_ROWS.code not in report_codes(result)


# impact-beside-progress, for an impact column dated as the ratings beside it


def test_a_dated_impact_rating_beside_that_periods_rating_is_kept_in_words() -> None:
    rows = [
        [*a, rag, impact]
        for a, rag, impact in zip(
            _ACTIONS, ["Green ↑", "Amber →", "Red ↓"], ["Amber", "Red", "Red"], strict=True
        )
    ]
    result = parsed_file(
        _text_plan(["SEND plan", "Green – on track; Amber – some slippage; Red – off track."],
                   ["Ref", "Action", "Lead", "Due", "RAG Jan 2026", "Impact Jan 2026"], rows),
        "plan.txt",
    )  # fmt: skip
    first = action(result.document, "1.1")
    assert "measures" not in first
    # The arrow beside the rating is kept too (arrow-beside-rating).
    assert first["updates"] == [
        {
            "period": "Jan 2026",
            "status": "G",
            "narrative": "Impact Jan 2026: Amber\nDirection of travel: ↑",
        }
    ]
    assert len(result.document["plan"]["periods"]) == 1
    assert rules.IMPACT_BESIDE_PROGRESS.code in report_codes(result)


def test_a_dated_impact_column_of_words_is_not_a_rating() -> None:
    rows = [[*a, "Green", "Families say the new panel is quicker and clearer."] for a in _ACTIONS]
    result = parsed_file(
        _text_plan(["SEND plan"], ["Ref", "Action", "Lead", "Due", "RAG Jan 2026",
                                   "Impact (Jan 2026)"], rows),
        "plan.txt",
    )  # fmt: skip
    assert rules.IMPACT_BESIDE_PROGRESS.code not in report_codes(result)
