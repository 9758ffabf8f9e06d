"""Round 15: layouts of Word, Excel and PDF plans met when six real plans were laid out as
councils lay theirs out (corpus/real/ROUND15-office.md). Each test is an invented plan in
other words, written before the rule that reads it."""

from __future__ import annotations

from typing import Any

import docx
import openpyxl

from sendplan.interchange.parsers import ParseResult, columns, segment
from sendplan.interchange.parsers.blocks import Block, Heading, Row, Table
from sendplan.interchange.parsers.readers import pdf_reader
from sendplan.interchange.parsers.roles import Col
from sendplan.interchange.tests import all_actions, parsed_file, saved


def _sections(result: ParseResult) -> list[tuple[str, list[str]]]:
    return [
        (section["title"], [a["title"] for a in section.get("actions", [])])
        for section in result.document["plan"]["sections"]
    ]


# Headings of a strategy's commitments


def test_key_objectives_we_want_and_what_this_will_look_like_head_a_plans_words() -> None:
    assert columns.heading_roles("Key objectives") == [Col.TITLE]
    assert columns.heading_roles("We want") == [Col.TITLE]
    assert columns.heading_roles("What good looks like") == [Col.OUTCOMES]
    assert columns.heading_roles("What this will look like") == [Col.OUTCOMES]
    # Beside a column of actions it is still what they aim at.
    assert columns.heading_roles("What we want to achieve") == [Col.OUTCOMES]


def test_what_good_looks_like_alone_in_a_sheet_is_the_list_of_commitments() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Belonging"
    sheet["A1"] = "Kettleby Partnership"
    sheet["A2"] = "Children belong in their local school"
    sheet.append([])
    sheet.append(["What good looks like", "Owner", "Evidence"])
    sheet.append(["Every school has a named inclusion champion.", None, None])
    sheet.append(["Families know where to ask for help before a crisis.", None, None])
    sheet.append(["Part-time timetables are rare and always reviewed.", None, None])
    titles = [a["title"] for a in all_actions(parsed_file(saved(book), "plan.xlsx").document)]
    assert titles == [
        "Every school has a named inclusion champion.",
        "Families know where to ask for help before a crisis.",
        "Part-time timetables are rare and always reviewed.",
    ]


def test_a_table_per_priority_headed_we_want_reads_every_row_as_an_action() -> None:
    document = docx.Document()
    for name, wants in (
        (
            "Priority 1: Being heard",
            ["to hear from every family each term", "to reply in ten days"],
        ),
        ("Priority 2: Getting ready for work", ["more supported internships", "a travel scheme"]),
    ):
        table = document.add_table(rows=2, cols=2)
        title = table.rows[0].cells[0].merge(table.rows[0].cells[1])
        title.text = name
        table.rows[1].cells[0].text = "We want"
        table.rows[1].cells[1].text = "How we will know"
        for want in wants:
            table.add_row().cells[0].text = want
        document.add_paragraph("")
    read = _sections(parsed_file(saved(document), "plan.docx"))
    assert [actions for _, actions in read] == [
        ["to hear from every family each term", "to reply in ten days"],
        ["more supported internships", "a travel scheme"],
    ]


# A numbered table whose lead column nobody has filled yet


def _objectives_table(leads: list[str]) -> Any:
    document = docx.Document()
    document.add_heading("Ashbourne Vale inclusion objectives", level=1)
    table = document.add_table(rows=1, cols=3)
    for cell, head in zip(
        table.rows[0].cells, ["No.", "Key objectives", "Lead officer"], strict=True
    ):
        cell.text = head
    objectives = [
        "To agree with schools a shared meaning of inclusion.",
        "To publish a clear guide for parents to every service.",
        "To cut the wait for an assessment to under twenty weeks.",
    ]
    for number, (objective, lead) in enumerate(zip(objectives, leads, strict=True), start=1):
        cells = table.add_row().cells
        cells[0].text = str(number)
        cells[1].text = objective
        cells[2].text = lead
    return document


def test_numbered_rows_with_an_empty_lead_column_are_actions_not_priorities() -> None:
    result = parsed_file(saved(_objectives_table(["", "", ""])), "plan.docx")
    read = [(a.get("ref"), a["title"]) for a in all_actions(result.document)]
    assert read == [
        ("1", "To agree with schools a shared meaning of inclusion."),
        ("2", "To publish a clear guide for parents to every service."),
        ("3", "To cut the wait for an assessment to under twenty weeks."),
    ]


def test_a_numbered_row_with_no_lead_among_rows_with_leads_still_heads_a_priority() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for cell, head in zip(table.rows[0].cells, ["Ref", "Action", "Lead officer"], strict=True):
        cell.text = head
    for ref, words, lead in (
        ("1", "Early help", ""),
        ("1.1", "Train every health visitor in early signs of need", "Head of Early Help"),
        ("2", "Preparing for adulthood", ""),
        ("2.1", "Open a supported internship with the hospital trust", "Post-16 Lead"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = ref, words, lead
    read = _sections(parsed_file(saved(document), "plan.docx"))
    assert [title for title, _ in read] == ["Early help", "Preparing for adulthood"]


# Numbered Word headings, each over "What this will look like:" and bullets


def test_numbered_word_headings_over_a_lead_in_and_bullets_are_priorities_and_actions() -> None:
    document = docx.Document()
    document.add_heading("Our inclusion promise", level=1)
    document.add_paragraph("Every child in Kettleby learns with friends near home.")
    for heading, bullets in (
        ("1. Schools that welcome everyone", ["Every school has a named champion.",
                                             "Exclusions fall year on year."]),
        ("2. Early support for families", ["Families get advice before they need to ask.",
                                      "Health visitors spot needs by age two."]),
    ):  # fmt: skip
        document.add_heading(heading, level=2)
        document.add_paragraph("What this will look like:")
        for bullet in bullets:
            document.add_paragraph(f"• {bullet}")
    read = _sections(parsed_file(saved(document), "plan.docx"))
    assert read == [
        ("Schools that welcome everyone",
         ["Every school has a named champion.", "Exclusions fall year on year."]),
        ("Early support for families",
         ["Families get advice before they need to ask.",
          "Health visitors spot needs by age two."]),
    ]  # fmt: skip


def test_an_action_written_as_a_numbered_heading_stays_an_action() -> None:
    document = docx.Document()
    document.add_heading("Next steps", level=1)
    for heading in ("1. Publish the revised guidance.", "2. Recruit two more advisers."):
        document.add_heading(heading, level=2)
        document.add_paragraph("Lead: Head of SEND")
    titles = [a["title"] for a in all_actions(parsed_file(saved(document), "plan.docx").document)]
    assert titles == ["Publish the revised guidance.", "Recruit two more advisers."]


# An action as a numbered heading, its fields in a small table under it


def test_a_small_table_of_fields_under_a_numbered_heading_gives_that_action_its_fields() -> None:
    document = docx.Document()
    document.add_heading("Adult autism: what we will do next", level=1)
    for heading, lead, when in (
        ("1. Refresh the diagnostic pathway for adults.", "Mental Health Trust", "March 2026"),
        ("2. Publish an easy read guide to social care assessments.", "Adult Social Care",
         "By end of June 2026"),
    ):  # fmt: skip
        document.add_heading(heading, level=2)
        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Owner", "Timescale"
        table.rows[1].cells[0].text, table.rows[1].cells[1].text = lead, when
    read = [
        (a.get("ref"), a["title"], a.get("lead_text"), a.get("due"))
        for a in all_actions(parsed_file(saved(document), "plan.docx").document)
    ]
    assert read == [
        ("1", "Refresh the diagnostic pathway for adults.", "Mental Health Trust", "2026-03"),
        ("2", "Publish an easy read guide to social care assessments.", "Adult Social Care",
         "2026-06"),
    ]  # fmt: skip


def test_a_table_of_fields_under_a_heading_that_is_no_action_stays_a_table() -> None:
    blocks: list[Block] = [
        Heading(text="Contacts", where="p1", level=2, is_sheet=False),
        Table(rows=[Row(["Lead", "Timescale"], "t1"), Row(["Head of SEND", "2026"], "t1")],
              where="t1"),
    ]  # fmt: skip
    assert segment.fields_tables_as_lines(blocks) == blocks


# "Action 3" on a line of its own over "Action: …", "Lead: …", "Date: …"


def test_a_numbered_action_line_over_labelled_lines_gives_the_action_its_ref() -> None:
    document = docx.Document()
    document.add_heading("Workforce actions", level=1)
    for number, words, lead in (
        (4, "Offer autism training to every receptionist.", "Practice managers"),
        (5, "Add autism to the induction of new care staff.", "HR Business Partner"),
    ):
        document.add_heading(f"Action {number}", level=2)
        document.add_paragraph(f"• Action: {words}")
        document.add_paragraph(f"• Lead: {lead}")
        document.add_paragraph("• Date: April 2026")
    result = parsed_file(saved(document), "plan.docx")
    read = [(a.get("ref"), a["title"], a.get("lead_text")) for a in all_actions(result.document)]
    assert read == [
        ("4", "Offer autism training to every receptionist.", "Practice managers"),
        ("5", "Add autism to the induction of new care staff.", "HR Business Partner"),
    ]
    # The "Action 4" lines name no section.
    assert [title for title, _ in _sections(result)] == ["Actions"]


# A PDF row split by a page break, its rules drawn as for two whole rows


def test_the_first_row_of_a_page_that_only_finishes_the_row_above_is_read_as_its_rest() -> None:
    above = Row(["Publish the annual", "JB", "By end of May", "Compliance with"], "p1")
    rest = Row(["report on pay", "", "each year", "the 2011 Act"], "p2")
    assert pdf_reader.reads_as_cut(above, rest)
    # A whole row of its own: it writes where the row above wrote nothing, or fills every
    # cell the row above filled, or starts with a capital, or the row above ended its sentence.
    unmeasured = Row(["Publish the annual", "JB", "By end of May", ""], "p1")
    assert not pdf_reader.reads_as_cut(unmeasured, rest)
    assert not pdf_reader.reads_as_cut(above, Row(["report on pay", "KL", "each year", "x"], "p2"))
    assert not pdf_reader.reads_as_cut(above, Row(["Report on pay", "", "each year", ""], "p2"))
    ended = Row(["Publish the annual report.", "JB", "By end of May", "Compliance."], "p1")
    assert not pdf_reader.reads_as_cut(ended, rest)
