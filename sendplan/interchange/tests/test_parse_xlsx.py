"""Excel plans built in the test: title rows above the headings, merged headings and themes,
real date cells, ratings written as colours, and a key and officers on other sheets."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from sendplan.interchange.parsers import ParseResult, parse_file_inprocess, rules
from sendplan.interchange.tests import action, all_actions, assert_valid_plan, report_messages


def workbook_bytes() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet["A1"] = "Westshire SEND Improvement Plan"
    headings = ["Theme", "Ref", "Action", "Lead", "Due date", "Status", None, "Progress"]
    for column, value in enumerate(headings, start=1):
        sheet.cell(row=3, column=column, value=value)
    sheet.merge_cells("F3:G3")
    sheet["F4"], sheet["G4"] = "Q1 2023/24", "Q2 2023/24"
    rows: list[list[object]] = [
        ["Theme 1: Voice of families", "1.1", "Run termly forums", "Natalie Bevan",
         dt.date(2023, 9, 1), "Green", "G/A", "Jul 2023: First forum held."],
        [None, "1.2", "Publish you said, we did", "Natalie Bevan / Claire Mcguiggan",
         dt.date(2023, 12, 1), "Amber", "Amber/Red", None],
        ["Theme 2: Timely assessments", "2.1", "Clear the assessment backlog", "Laura Goodfellow",
         "TBC", "Red", "Purple", None],
    ]  # fmt: skip
    for offset, values in enumerate(rows):
        for column, item in enumerate(values, start=1):
            cell = sheet.cell(row=5 + offset, column=column, value=item)
            if isinstance(item, dt.date):
                cell.number_format = "mmm-yy"
    sheet.merge_cells("A5:A6")
    key = book.create_sheet("Key")
    for row in (
        ["Blue", "Completed"],
        ["Green", "On track"],
        ["Amber", "At risk"],
        ["Red", "Off track"],
    ):
        key.append(row)
    people = book.create_sheet("Lead officers")
    people.append(["Name", "Role", "Email"])
    people.append(["Natalie Bevan", "SEND Service Lead", "natalie.bevan@example.org"])
    people.append(["Laura Goodfellow", "EHC Pathway Lead", "laura.goodfellow@example.org"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def parse_workbook() -> ParseResult:
    return parse_file_inprocess(workbook_bytes(), "westshire.xlsx")


def test_it_reads_a_workbook_into_a_valid_document() -> None:
    result = parse_workbook()
    assert_valid_plan(result.document)
    assert result.document["plan"]["title"] == "Westshire SEND Improvement Plan"
    assert result.document["plan"]["kind"] == "improvement_plan"


def test_it_finds_the_heading_row_below_the_title() -> None:
    refs = [a["ref"] for a in all_actions(parse_workbook().document)]
    assert refs == ["1.1", "1.2", "2.1"]


def test_it_applies_a_merged_theme_cell_to_every_row_it_covers() -> None:
    sections = parse_workbook().document["plan"]["sections"]
    assert [(s["level"], s["ref"], s["title"]) for s in sections] == [
        ("Theme", "1", "Voice of families"),
        ("Theme", "2", "Timely assessments"),
    ]
    assert [a["ref"] for a in sections[0]["actions"]] == ["1.1", "1.2"]


def test_it_reads_quarters_under_a_merged_status_heading() -> None:
    plan = parse_workbook().document["plan"]
    assert plan["periods"][:2] == [
        {"label": "Q1 2023/24", "ends_on": "2023-06-30"},
        {"label": "Q2 2023/24", "ends_on": "2023-09-30"},
    ]


def test_it_maps_colour_words_to_the_codes_of_the_key_on_another_sheet() -> None:
    document = parse_workbook().document
    assert [s["code"] for s in document["plan"]["status_scale"]] == ["B", "G", "A", "R"]
    forums = {u["period"]: u for u in action(document, "1.1")["updates"]}
    assert forums["Q1 2023/24"]["status"] == "G"
    assert forums["Q2 2023/24"]["status"] == "G/A"
    assert forums["Jul 2023"]["narrative"] == "First forum held."
    assert [u["status"] for u in action(document, "1.2")["updates"]] == ["A", "A/R"]


def test_it_reports_ratings_that_are_not_in_the_key() -> None:
    result = parse_workbook()
    assert any("'Purple'" in m for m in report_messages(result, rules.RATING_UNREADABLE))
    statuses = [u.get("status") for u in action(result.document, "2.1")["updates"]]
    assert statuses == ["R"]


def test_it_keeps_dates_as_the_sheet_shows_them() -> None:
    forums = action(parse_workbook().document, "1.1")
    assert (forums["due"], forums["due_text"]) == ("2023-09", "Sep-23")


def test_it_matches_names_to_the_lead_officers_sheet() -> None:
    document = parse_workbook().document
    people = {p["key"]: p for p in document["plan"]["people"]}
    assert people["natalie-bevan"]["email"] == "natalie.bevan@example.org"
    assert people["natalie-bevan"]["role"] == "SEND Service Lead"
    assert action(document, "1.2")["leads"] == ["natalie-bevan", "claire-mcguiggan"]
    unmatched = report_messages(parse_workbook(), rules.LEAD_UNMATCHED)
    assert any("'Claire Mcguiggan'" in message for message in unmatched)
