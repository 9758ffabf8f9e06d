"""Round status20: the status cells of sixteen plans written before the importer read them.

The dev half is held at what the round reached, the blind half at what it reads without being
studied, and each rule the round added has a test of what a user would notice. The plans are in
status20.py; bench/parse_status20.py prints the table; corpus/real/STATUS20.md the figures."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import (
    action,
    assert_valid_plan,
    parsed_file,
    report_codes,
    saved,
    word_table,
)
from sendplan.interchange.tests.status20 import BLIND, CORPUS, DEV, Status20, figures, parsed

# Totals of each half: neither may fall below what this round left it at.
DEV_FLOORS = {
    "actions found": 44,
    "refs": 44,
    "titles": 44,
    "leads": 44,
    "due dates": 44,
    "status cells": 68,
}
BLIND_FLOORS = {
    "actions found": 16,
    "refs": 16,
    "titles": 16,
    "leads": 16,
    "due dates": 16,
    "status cells": 17,
}


@pytest.mark.parametrize(("plans", "floors"), [(DEV, DEV_FLOORS), (BLIND, BLIND_FLOORS)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_keeps_its_totals(plans: tuple[Status20, ...], floors: dict[str, int]) -> None:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in figures(plan):
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in floors.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"fell below the floors: {fallen}"


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_plan_gives_a_valid_document(plan: Status20) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_spreads_over_every_format_and_halves_by_hash() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert sorted(set(kinds)) == ["docx", "pdf", "txt", "xlsx"]
    assert all(kinds.count(kind) == 4 for kind in set(kinds))
    assert {plan.name for plan in BLIND} == {
        "Cranleigh PAP", "Holmbury WSoA", "Oakhanger WSoA", "Pendle Moor PAP"
    }  # fmt: skip


def _ratings(document: dict, ref: str) -> dict[str, str]:
    return {u["period"]: u.get("status", "") for u in action(document, ref).get("updates", [])}


# period-band


def test_a_band_over_quarters_in_pasted_text_dates_each_quarter() -> None:
    text = (
        "Key: B = complete, G = on track, A = some slippage, R = off track\r\n"
        "\t\t\t\tRAG 2025/26\t\t\t\r\n"
        "Ref\tAction\tLead\tDue\tQ1\tQ2\tQ3\tQ4\r\n"
        "1.1\tSet up an improvement board.\tHead of SEND\tJune 2025\tG\tB\tn/a\tn/a\r\n"
        "1.2\tClear overdue annual reviews.\tHead of SEND\tJan 2026\tA\tG\t\t\r\n"
    )
    result = parsed_file(text.encode(), "app.txt")
    periods = {p["label"]: p.get("ends_on") for p in result.document["plan"]["periods"]}
    assert periods["Q1 2025/26"] == "2025-06-30" and periods["Q2 2025/26"] == "2025-09-30"
    assert _ratings(result.document, "1.2") == {"Q1 2025/26": "A", "Q2 2025/26": "G"}
    assert rules.PERIOD_BAND.code in report_codes(result)


def test_a_band_over_quarters_in_a_sheet_dates_each_quarter() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tracker"])
    sheet.append(["", "", "", "", "RAG 2025/26"])
    sheet.merge_cells(start_row=2, start_column=5, end_row=2, end_column=8)
    sheet.append(["Ref", "Action", "Owner", "Due", "Q1", "Q2", "Q3", "Q4"])
    sheet.append(["1.1", "Publish the SEND support guidance.", "Head of Inclusion", "Sept 2025",
                  "G", "B"])  # fmt: skip
    result = parsed_file(saved(book), "tracker.xlsx")
    assert _ratings(result.document, "1.1") == {"Q1 2025/26": "G", "Q2 2025/26": "B"}


def test_a_word_band_merged_over_month_columns_leaves_every_month_a_period() -> None:
    document = docx.Document()
    table = word_table(document, [
        ["Ref", "Action", "Lead", "By when", "Progress 2025/26", "", ""],
        ["Ref", "Action", "Lead", "By when", "Jun-25", "Sep-25", "Dec-25"],
        ["1.1", "Write a co-production charter.", "Forum Chair", "Sept 2025", "On track",
         "Complete", ""],
    ])  # fmt: skip
    table.cell(0, 4).merge(table.cell(0, 6)).text = "Progress 2025/26"
    for c in range(4):
        table.cell(0, c).merge(table.cell(1, c)).text = ["Ref", "Action", "Lead", "By when"][c]
    result = parsed_file(saved(document), "wsoa.docx")
    labels = [p["label"] for p in result.document["plan"]["periods"]]
    assert labels == ["Jun-25", "Sep-25", "Dec-25"]
    assert _ratings(result.document, "1.1") == {"Jun-25": "On track", "Sep-25": "Complete"}


# heading-legend (broadened): the key in brackets after the heading


def test_a_key_in_brackets_in_the_rating_heading_is_the_scale_and_the_page_dates_it() -> None:
    document = docx.Document()
    document.add_paragraph("Position at 30 September 2025")
    word_table(document, [
        ["Ref", "Action", "Lead", "Due", "RAG (G = on track, A = some slippage, R = off track)"],
        ["1.1", "Give every school an inclusion adviser.", "Head of Inclusion", "Dec 2025", "A"],
    ])  # fmt: skip
    result = parsed_file(saved(document), "pap.docx")
    plan = result.document["plan"]
    assert [(s["code"], s["label"]) for s in plan["status_scale"]] == [
        ("G", "on track"), ("A", "some slippage"), ("R", "off track")
    ]  # fmt: skip
    assert plan["periods"] == [
        {"label": "Position at 30 September 2025", "ends_on": "2025-09-30"}
    ]  # fmt: skip
    assert _ratings(result.document, "1.1") == {"Position at 30 September 2025": "A"}
    assert rules.HEADING_LEGEND.code in report_codes(result)


# rating-label-closes-progress, and a colour's meaning in brackets (rating-label-in-progress)


def _quoted(note: str) -> str:
    return f'"{note}"' if "\n" in note else note


def _progress_table(notes: list[str]) -> bytes:
    rows = "".join(
        f"1.{n}\tAction number {n} for the plan.\tHead of SEND\tDec 2025\t{_quoted(note)}\n"
        for n, note in enumerate(notes, start=1)
    )
    return ("Ref\tAction\tLead\tBy when\tProgress (October 2025)\n" + rows).encode()


def test_a_rating_labelled_on_the_last_line_of_a_note_is_its_rating() -> None:
    result = parsed_file(
        _progress_table([
            "Twelve internships agreed.\nRAG rating: Green",
            "Clinic room agreed; staffing not yet.\nRAG rating: Amber",
        ]),
        "plan.txt",
    )  # fmt: skip
    first = action(result.document, "1.1")["updates"][0]
    assert first["status"] in ("G", "Green")
    assert first["narrative"] == "Twelve internships agreed."
    assert rules.RATING_LABEL_CLOSES_PROGRESS.code in report_codes(result)
    # A note that only mentions a rating earlier on is left whole.
    kept = parsed_file(_progress_table(["RAG rating is reviewed monthly.\nNo change."]),
                       "plan.txt")  # fmt: skip
    assert "status" not in action(kept.document, "1.1")["updates"][0]


def test_a_labelled_colour_with_its_meaning_in_brackets_is_the_rating() -> None:
    result = parsed_file(
        _progress_table(["RAG: Blue (complete). All 22 coordinators trained."]), "plan.txt"
    )
    update = action(result.document, "1.1")["updates"][0]
    assert update["status"] in ("B", "Blue")
    assert update["narrative"] == "All 22 coordinators trained."


# key-words-kept


def test_a_key_sheet_of_the_plans_own_words_keeps_the_words_as_ratings() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead", "Deadline", "Jun-25", "Sep-25"])
    sheet.append(["P1.1", "Offer every student a careers interview.", "PfA Lead", "July 2025",
                  "On track", "Achieved"])  # fmt: skip
    sheet.append(["P1.2", "Map travel training.", "PfA Lead", "Dec 2025", "On track", "Delayed"])
    key = book.create_sheet("Key")
    key.append(["Status", "Meaning"])
    for word, meaning in [("Achieved", "Delivered and signed off"),
                          ("On track", "Will be met on time"), ("Delayed", "Will be late"),
                          ("Not yet due", "Work not due to start")]:  # fmt: skip
        key.append([word, meaning])
    result = parsed_file(saved(book), "tracker.xlsx")
    codes = {s["code"]: s.get("colour") for s in result.document["plan"]["status_scale"]}
    assert codes["Achieved"] == "blue" and codes["Delayed"] == "amber"
    assert _ratings(result.document, "P1.2") == {"Jun-25": "On track", "Sep-25": "Delayed"}
    assert rules.KEY_WORDS_KEPT.code in report_codes(result)


# current-beside-previous, and a key named "RAG:" before its codes


def test_current_rag_beside_previous_rag_keeps_its_name_and_takes_the_report_date() -> None:
    text = (
        "Report to the improvement board, November 2025.\n"
        "RAG: R = off track; A = at risk; G = on track; C = complete\n"
        "Ref\tAction\tLead\tDue\tPrevious RAG\tCurrent RAG\tDirection of travel\n"
        "1.1\tAppoint a permanent Head of SEND.\tDirector\tOct 2025\tA\tC\t↑\n"
        "1.2\tAgree the sufficiency plan.\tHead of SEND\tMar 2026\tG\tG\t→\n"
    )
    result = parsed_file(text.encode(), "app.txt")
    periods = {p["label"]: p.get("ends_on") for p in result.document["plan"]["periods"]}
    assert periods == {"Previous RAG": None, "Current RAG": "2025-11-30"}
    assert _ratings(result.document, "1.1") == {"Previous RAG": "A", "Current RAG": "C"}
    codes = [s["code"] for s in result.document["plan"]["status_scale"]]
    assert codes == ["R", "A", "G", "C"]
    assert rules.CURRENT_BESIDE_PREVIOUS.code in report_codes(result)
