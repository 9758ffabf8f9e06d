"""Word plans built in the test: split tables, repeated headings, merged cells, ratings."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.table import Table

from sendplan.interchange.parsers import ParseResult, parse_file_inprocess, rules
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    report_codes,
    report_messages,
)

HEADINGS = ["Ref", "Milestone Action", "Accountable Officer", "Evidence of Impact"]
HEADINGS += ["Milestone End Date", "Monitoring dates", ""]
PERIODS = ["", "", "", "", "", "Dec-19", "Apr-21"]


def add_action_table(
    document: Any, rows: list[list[str]], *, repeat_at: int | None = None
) -> Table:
    """An action table whose "Monitoring dates" heading is merged over two period columns."""
    body = [HEADINGS, PERIODS, *rows]
    if repeat_at is not None:
        body[2 + repeat_at : 2 + repeat_at] = [HEADINGS, PERIODS]
    table = document.add_table(rows=len(body), cols=len(HEADINGS))
    for r, values in enumerate(body):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for r, values in enumerate(body):
        if values is HEADINGS:
            merged = table.cell(r, 5).merge(table.cell(r, 6))
            merged.text = "Monitoring dates"
    return table


def to_bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pillar_plan() -> bytes:
    document = docx.Document()
    document.add_heading("Northshire Accelerated Progress Plan", level=0)
    document.add_paragraph("March 2024")
    document.add_paragraph("The areas of weakness are:")
    document.add_paragraph("Waiting times for autism assessment", style="List Number")
    document.add_paragraph("“Some families wait more than a year for a diagnosis” (P3 MF2)")
    document.add_paragraph("Exclusions of pupils with SEND", style="List Number")
    document.add_paragraph(
        "Progress (BRAG) Complete and Embedded / Completed / Progressing to Timescale / "
        "Little or no progress"
    )
    document.add_heading("Improvement Pillar 2 – Inclusion", level=1)
    add_action_table(
        document,
        [
            ["2A", "Agree the inclusion charter", "Head of Inclusion (JG-S)",
             "Charter signed by all schools", "Sep-22", "G", "G/A"],
            ["", "", "", "Charter published on the Local Offer", "Dec 2022", "", ""],
            ["2B", "Train every SENCo", "JB/ PW", "All SENCos trained", "TBC", "A", "B"],
        ],
    )  # fmt: skip
    document.add_paragraph("")
    table = add_action_table(
        document,
        [
            ["2C", "Review exclusions with the academy trusts", "Head of Inclusion (JG-S)",
             "Fewer exclusions", "By 31 March 2023.", "R", ""],
            ["2D", "Publish the inclusion handbook", "", "", "Summer-ish", "", ""],
        ],
        repeat_at=1,
    )  # fmt: skip
    handbook = table.rows[-1]
    merged = handbook.cells[1].merge(handbook.cells[3])
    merged.text = "Publish the inclusion handbook"
    document.add_heading("Lead officers", level=1)
    officers = document.add_table(rows=4, cols=3)
    for r, values in enumerate(
        [
            ["Role", "Name", "Initials"],
            ["Head of Inclusion", "Jo Green-Smith", "JG-S"],
            ["SENCo Lead", "Jamal Bakr", "JB"],
            ["Principal Educational Psychologist", "Priya Walsh", "PW"],
        ]
    ):
        for c, value in enumerate(values):
            officers.cell(r, c).text = value
    return to_bytes(document)


def parse_pillar_plan() -> ParseResult:
    return parse_file_inprocess(pillar_plan(), "northshire.docx")


def test_it_reads_a_word_plan_into_a_valid_document() -> None:
    result = parse_pillar_plan()
    assert_valid_plan(result.document)
    plan = result.document["plan"]
    assert plan["title"] == "Northshire Accelerated Progress Plan"
    assert plan["kind"] == "accelerated_progress_plan"
    assert plan["issued_on"] == "2024-03"


def test_it_reads_numbered_weaknesses_and_the_findings_quoted_under_them() -> None:
    weaknesses = parse_pillar_plan().document["plan"]["weaknesses"]
    assert [w["ref"] for w in weaknesses] == ["1", "2"]
    assert weaknesses[0]["text"] == "Waiting times for autism assessment"
    assert weaknesses[0]["findings"] == [
        {"text": "“Some families wait more than a year for a diagnosis”", "source": "P3 MF2"}
    ]
    assert weaknesses[1]["text"] == "Exclusions of pupils with SEND"


def test_it_opens_a_section_for_an_improvement_pillar_heading() -> None:
    plan = parse_pillar_plan().document["plan"]
    pillar = plan["sections"][0]
    assert (pillar["level"], pillar["ref"], pillar["title"]) == (
        "Improvement Pillar",
        "2",
        "Inclusion",
    )
    assert plan["levels"] == ["Improvement Pillar"]


def test_it_continues_a_table_split_across_pages_with_repeated_headings() -> None:
    document = parse_pillar_plan().document
    assert [a["ref"] for a in all_actions(document)] == ["2A", "2B", "2C", "2D"]


def test_it_reads_period_columns_and_combined_ratings() -> None:
    document = parse_pillar_plan().document
    plan = document["plan"]
    assert plan["periods"] == [
        {"label": "Dec-19", "ends_on": "2019-12-31"},
        {"label": "Apr-21", "ends_on": "2021-04-30"},
    ]
    assert action(document, "2A")["updates"] == [
        {"period": "Dec-19", "status": "G"},
        {"period": "Apr-21", "status": "G/A"},
    ]
    assert [u["status"] for u in action(document, "2B")["updates"]] == ["A", "B"]


def test_it_reads_a_status_key_written_without_colours() -> None:
    scale = parse_pillar_plan().document["plan"]["status_scale"]
    assert [(s["code"], s["label"]) for s in scale] == [
        ("B", "Complete and Embedded"),
        ("G", "Completed"),
        ("A", "Progressing to Timescale"),
        ("R", "Little or no progress"),
    ]
    assert scale[0]["done"] and scale[1]["done"]


def test_it_adds_a_continuation_row_as_another_measure() -> None:
    charter = action(parse_pillar_plan().document, "2A")
    assert charter["measures"] == [
        {"text": "Charter signed by all schools", "due": "2022-09", "due_text": "Sep-22"},
        {"text": "Charter published on the Local Offer", "due": "2022-12", "due_text": "Dec 2022"},
    ]


def test_it_does_not_repeat_the_text_of_merged_cells() -> None:
    handbook = action(parse_pillar_plan().document, "2D")
    assert handbook["title"] == "Publish the inclusion handbook"
    assert "measures" not in handbook


def test_it_matches_initials_to_the_lead_officers_table() -> None:
    document = parse_pillar_plan().document
    people = {p["key"]: p for p in document["plan"]["people"]}
    assert action(document, "2A")["leads"] == ["JG-S"]
    assert people["JG-S"]["name"] == "Jo Green-Smith"
    assert action(document, "2B")["leads"] == ["JB", "PW"]
    assert action(document, "2B")["lead_text"] == "JB/ PW"


def test_it_reports_dates_it_cannot_read() -> None:
    result = parse_pillar_plan()
    handbook = action(result.document, "2D")
    assert handbook["due_text"] == "Summer-ish"
    assert "due" not in handbook
    # Each report names the words it could not read, for a person to find them.
    unread = report_messages(result, rules.DATE_UNREADABLE)
    assert any("'Summer-ish'" in message for message in unread)
    assert any("'TBC'" in message for message in unread)


def progress_plan() -> bytes:
    document = docx.Document()
    document.add_paragraph("Eastborough SEND Strategy Action Plan", style="Title")
    document.add_heading("Area for Improvement 3", level=2)
    rows = [
        ["Ref", "Actions (Implementation)", "Lead officer", "Success Criteria", "Due date",
         "RAG", "Progress"],
        ["3.1", "Publish the graduated approach (cross ref: 3A)", "Sam Ives", "Guide published",
         "31/03/2021", "Green",
         "Feb 2021: Draft agreed with schools. May 2021: Published on the Local Offer."],
        ["3.2", "Audit annual reviews (see 3.1)", "Vicki Pike / Sam Ives", "Audit complete",
         "Termly", "Amber", "Audit started."],
    ]  # fmt: skip
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    return to_bytes(document)


def test_it_turns_dated_progress_entries_into_updates_for_those_months() -> None:
    result = parse_file_inprocess(progress_plan(), "eastborough.docx")
    assert_valid_plan(result.document)
    guide = action(result.document, "3.1")
    narratives = {u["period"]: u.get("narrative") for u in guide["updates"]}
    assert narratives["Feb 2021"] == "Draft agreed with schools."
    assert narratives["May 2021"] == "Published on the Local Offer."
    periods = {p["label"]: p.get("ends_on") for p in result.document["plan"]["periods"]}
    assert periods["Feb 2021"] == "2021-02-28"


def test_it_uses_the_usual_brag_scale_when_the_plan_gives_no_key() -> None:
    result = parse_file_inprocess(progress_plan(), "eastborough.docx")
    codes = [s["code"] for s in result.document["plan"]["status_scale"]]
    assert codes == ["B", "G", "A", "R", "W"]
    statuses = [u.get("status") for u in action(result.document, "3.1")["updates"]]
    assert "G" in statuses
    assert rules.DEFAULT_SCALE.code in report_codes(result)


def test_it_reads_cross_references_and_an_area_for_improvement_heading() -> None:
    document = parse_file_inprocess(progress_plan(), "eastborough.docx").document
    section = document["plan"]["sections"][0]
    assert (section["level"], section["ref"]) == ("Area for Improvement", "3")
    assert action(document, "3.1")["see_also"] == ["3A"]
    assert action(document, "3.2")["see_also"] == ["3.1"]
    assert action(document, "3.2")["leads"] == ["vicki-pike", "sam-ives"]


def one_table_plan() -> bytes:
    """One long table, with each theme as a row merged across its full width."""
    document = docx.Document()
    document.add_heading("Southvale SEND Priority Action Plan", level=0)
    rows = [
        ["Ref", "Action", "Lead", "Due date"],
        ["Theme 1: Identifying needs early", "", "", ""],
        ["1.1", "Train health visitors", "Head of Health Visiting", "Jan 2025"],
        ["Theme 2: Preparing for adulthood", "", "", ""],
        ["2.1", "Map post-16 routes", "Transitions Lead", "Mar 2025"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
        if values[1:] == ["", "", ""]:
            merged = table.cell(r, 0).merge(table.cell(r, 3))
            merged.text = values[0]
    return to_bytes(document)


def test_it_reads_theme_rows_inside_one_long_table() -> None:
    result = parse_file_inprocess(one_table_plan(), "southvale.docx")
    assert_valid_plan(result.document)
    sections = result.document["plan"]["sections"]
    assert [(s["ref"], s["title"]) for s in sections] == [
        ("1", "Identifying needs early"),
        ("2", "Preparing for adulthood"),
    ]
    assert [[a["ref"] for a in s["actions"]] for s in sections] == [["1.1"], ["2.1"]]
    assert result.document["plan"]["kind"] == "priority_action_plan"
    assert result.report == []


def test_it_reads_cells_merged_down_over_two_rows_once() -> None:
    document = docx.Document()
    document.add_heading("Theme 1: Communication", level=1)
    rows = [
        ["Ref", "Action", "Lead", "Measure of success", "Due date"],
        ["1.1", "Publish a newsletter", "Comms Lead (CH)", "Newsletter sent to schools", "May 24"],
        ["", "", "", "Families say it helps", ""],
    ]  # fmt: skip
    table = document.add_table(rows=3, cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for column in (0, 1, 2, 4):
        merged = table.cell(1, column).merge(table.cell(2, column))
        merged.text = rows[1][column]
    result = parse_file_inprocess(to_bytes(document), "merged.docx")
    newsletter = action(result.document, "1.1")
    assert newsletter["title"] == "Publish a newsletter"
    assert newsletter["lead_text"] == "Comms Lead (CH)"
    assert newsletter["due_text"] == "May 24"
    assert [m["text"] for m in newsletter["measures"]] == [
        "Newsletter sent to schools",
        "Families say it helps",
    ]
