"""Layouts of Word and Excel plans the samples do not have, one rule at a time: keys laid
out as tables, ratings spelt out in words or given by shading cells, a "Total" row under the
actions, a section title merged across the row under the headings, refs lettered by their
priority, "Name, Role" leads and leads with their email, a sheet named after its priority,
and a cover laid out in a table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import PatternFill
from openpyxl.styles.colors import Color

from sendplan.interchange.parsers import (
    columns,
    people,
    read_source,
    rules,
    statuses,
    values,
)
from sendplan.interchange.parsers.blocks import Paragraph, Table, fill_colour
from sendplan.interchange.tests import (
    action,
    all_actions,
    parsed_file,
    report_codes,
    report_messages,
    saved,
    word_table,
)

# A key as a table, with the ratings written out in the status cells


def word_key_workbook() -> bytes:
    book = openpyxl.Workbook()
    legend = book.active
    legend.title = "Legend"
    legend.append(["Progress rating", "Colour", "What it means"])
    legend.append(["Complete and Embedded", "Blue", "Finished, and part of everyday practice"])
    legend.append(["Progressing to Timescale", "Green", "Happening as planned"])
    legend.append(["Some Delay", "Amber", "Behind, expected to recover"])
    legend.append(["Little or no progress", "Red", "Stalled"])
    sheet = book.create_sheet("Priority 1")
    sheet.append(["Priority 1: Leaders share an understanding of need"])
    sheet.append([])
    sheet.append(["Ref", "Milestone Action", "Lead officer", "Q1 2024/25", "Q2 2024/25"])
    sheet.append(["1.1", "Publish a needs assessment", "Daniel Okafor", "Complete and Embedded",
                  "Little or no progress"])  # fmt: skip
    return saved(book)


def test_a_key_table_with_a_colour_column_gives_the_scale_in_the_plans_words() -> None:
    result = parsed_file(word_key_workbook(), "tracker.xlsx")
    scale = result.document["plan"]["status_scale"]
    assert [(s["code"], s["label"]) for s in scale] == [
        ("B", "Complete and Embedded"),
        ("G", "Progressing to Timescale"),
        ("A", "Some Delay"),
        ("R", "Little or no progress"),
    ]
    updates = action(result.document, "1.1")["updates"]
    assert [(u["period"], u["status"]) for u in updates] == [
        ("Q1 2024/25", "B"),
        ("Q2 2024/25", "R"),
    ]
    assert rules.ROW_UNPLACED.code not in report_codes(result)


def test_a_sheet_named_after_its_priority_takes_the_title_its_first_row_gives() -> None:
    result = parsed_file(word_key_workbook(), "tracker.xlsx")
    [section] = result.document["plan"]["sections"]
    assert (section["ref"], section["title"]) == ("1", "Leaders share an understanding of need")


def test_a_key_table_headed_brag_and_meaning_is_read_as_the_key() -> None:
    document = docx.Document()
    document.add_heading("Northbridge Accelerated Progress Plan", level=0)
    word_table(document, [["BRAG", "Meaning"], ["Blue", "Done"], ["Green", "On track"],
                      ["Amber", "Slipping"], ["Red", "Off track"]])  # fmt: skip
    document.add_heading("Area for Improvement 1: Identification of need", level=1)
    word_table(
        document, [["Ref", "Action", "Lead", "RAG Jan 2024"], ["1a", "Run a toolkit", "", "Amber"]]
    )
    result = parsed_file(saved(document), "app.docx")
    assert [s["label"] for s in result.document["plan"]["status_scale"]] == [
        "Done", "On track", "Slipping", "Off track",
    ]  # fmt: skip
    assert action(result.document, "1a")["updates"][0]["status"] == "A"
    assert rules.ROW_UNPLACED.code not in report_codes(result)


def test_a_key_table_without_colours_ranks_the_ratings_best_first() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    word_table(document, [["Status", "Description"], ["Completed", "All done"],
                      ["On track", "As planned"], ["Delayed", "Behind plan"]])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    scale = result.document["plan"]["status_scale"]
    # The words are the codes the cells hold; the key's second column is what each means
    # (round status32: the meanings had been dropped).
    assert [(s["colour"], s["code"], s["label"]) for s in scale] == [
        ("green", "Completed", "All done"), ("amber", "On track", "As planned"),
        ("red", "Delayed", "Behind plan"),
    ]  # fmt: skip


def test_a_rating_spelt_out_with_and_is_one_rating_when_the_key_has_it() -> None:
    reader = statuses.StatusReader(statuses.ranked_scale(["Complete and embedded", "On track",
                                                          "Delayed"]) or [])  # fmt: skip
    assert reader.read("Complete and Embedded") == "G"
    assert reader.read("On track / Delayed") == "A/R"


# Rows of an action table that are not actions


def test_a_total_row_under_the_actions_is_not_added_to_the_last_action() -> None:
    document = docx.Document()
    document.add_heading("Harrowdale SEND Improvement Plan", level=0)
    document.add_heading("Workstream 1: Communication with families", level=1)
    word_table(document, [
        ["No.", "What we will do", "Who", "By when", "Cost"],
        ["1.1", "Rewrite the Local Offer website", "Oliver Dunmore", "July 2025", "£12,000"],
        ["", "", "", "", ""],
        ["1.2", "Hold termly events", "Bethan Kaur", "Termly", "£1,500"],
        ["Total", "", "", "", "£15,000"],
    ])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    assert action(result.document, "1.2")["title"] == "Hold termly events"
    assert action(result.document, "1.2")["cost"] == 1500
    assert len(all_actions(result.document)) == 2
    # The report gives both sums, for a person to see which is wrong.
    totals = report_messages(result, rules.COST_TOTAL)
    assert any("£15,000" in m and "£13,500" in m for m in totals)


def test_a_total_row_that_matches_its_actions_says_nothing() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    word_table(document, [
        ["Ref", "Action", "Lead", "Cost"], ["1", "Train staff", "Fiona Grant", "£500"],
        ["Sub-total", "", "", "£500"],
    ])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    assert action(result.document, "1")["title"] == "Train staff"
    assert not {rules.COST_TOTAL.code, rules.ROW_UNPLACED.code} & report_codes(result)


def test_a_section_title_merged_across_the_row_under_the_headings_opens_the_section() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Westfold Written Statement of Action tracker"])
    sheet.append(["Ref", "Action", "Lead", "Target date"])
    sheet.append(["Focus Area 3 – Joint commissioning"])
    sheet.merge_cells("A3:D3")
    sheet.append(["3A", "Agree a joint commissioning strategy", "RM", "March 2020"])
    result = parsed_file(saved(book), "wsoa.xlsx")
    [section] = result.document["plan"]["sections"]
    assert (section["level"], section["ref"], section["title"]) == (
        "Focus Area", "3", "Joint commissioning",
    )  # fmt: skip
    assert [a["ref"] for a in section["actions"]] == ["3A"]


# Leads and officers


def test_a_lead_written_name_then_role_is_one_person_with_both() -> None:
    cell = people.read_leads(
        "Eleanor Whitcombe, Inclusion Lead\nGareth Simms - Head of Virtual School"
    )
    assert [(m.name, m.role) for m in cell.mentions] == [
        ("Eleanor Whitcombe", "Inclusion Lead"), ("Gareth Simms", "Head of Virtual School"),
    ]  # fmt: skip
    # A role with a comma in it names nobody.
    [mention] = people.read_leads("Assistant Director, Education").mentions
    assert (mention.name, mention.role) == ("", "Assistant Director, Education")


def test_an_officers_table_with_an_area_column_is_read() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    word_table(document, [["Role", "Name", "Area"], ["Head of SEND", "Priya Chandran", "1, 2"]])
    result = parsed_file(saved(document), "plan.docx")
    assert result.document["plan"]["people"][0]["name"] == "Priya Chandran"
    assert rules.ROW_UNPLACED.code not in report_codes(result)


# The title


def test_a_cover_laid_out_in_a_table_gives_its_first_line_as_the_title() -> None:
    document = docx.Document()
    cover = document.add_table(rows=1, cols=1)
    cell = cover.cell(0, 0)
    cell.text = "Harrowdale SEND Improvement Plan"
    _table_in = cell.add_table(rows=1, cols=2)
    _table_in.cell(0, 0).text, _table_in.cell(0, 1).text = "Version", "2.1"
    result = parsed_file(saved(document), "plan.docx")
    assert result.document["plan"]["title"] == "Harrowdale SEND Improvement Plan"


# Ratings given by colouring cells


def _shade(cell: Any, hex_colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), hex_colour)
    properties.append(shading)


def test_fill_colours_are_read_as_the_rating_colours_they_show() -> None:
    assert [fill_colour(h) for h in ("00B050", "FFC000", "FFFF00", "FF0000", "0070C0")] == [
        "green", "amber", "amber", "red", "blue",
    ]  # fmt: skip
    # Excel's light "Good" and "Bad" styles, written with an alpha byte.
    assert (fill_colour("FFC6EFCE"), fill_colour("FFFFC7CE")) == ("green", "red")
    for nothing in ("FFFFFF", "D9D9D9", "000000", "auto", "", None, "zz"):
        assert fill_colour(nothing) == ""


def test_a_shaded_rating_cell_in_word_is_read_as_its_colour() -> None:
    document = docx.Document()
    document.add_heading("Lowbeck Accelerated Progress Plan", level=0)
    document.add_paragraph("Blue: Complete Green: On track Amber: At risk Red: Not on track")
    table = word_table(document, [
        ["Ref", "Action", "Lead", "RAG (Mar 2025)"],
        ["A1", "Agree a charter", "KM", ""],
        ["A2", "Train officers", "KM", ""],
        ["A3", "Publish a page", "KM", "Red"],
    ])  # fmt: skip
    _shade(table.cell(0, 3), "1F4E79")  # shading behind words rates nothing
    _shade(table.cell(1, 3), "00B050")
    _shade(table.cell(2, 3), "FFFF00")  # yellow, in a key that says amber
    _shade(table.cell(3, 3), "00B050")  # the words win over the shading
    result = parsed_file(saved(document), "app.docx")
    ratings = [a["updates"][0]["status"] for a in all_actions(result.document)]
    assert ratings == ["G", "A", "R"]
    assert result.document["plan"]["periods"] == [{"label": "Mar 2025", "ends_on": "2025-03-31"}]


def test_a_filled_rating_cell_in_excel_and_a_key_of_shaded_cells_are_read() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Southvale tracker"])
    sheet.append(["Ref", "Action", "Lead", "Jun 2024", "Sep 2024"])
    sheet.append(["P1.1", "Roll out a progress check", "Kwame Owusu", None, None])
    for column, colour in (("D", "00B050"), ("E", "0070C0")):
        sheet[f"{column}3"].fill = PatternFill(fill_type="solid", start_color=colour)
    key = book.create_sheet("Key")
    for row, (colour, label) in enumerate(
        (("00B050", "On track"), ("FFC000", "At risk"), ("FF0000", "Off track"),
         ("0070C0", "Complete")), start=1,
    ):  # fmt: skip
        key.cell(row=row, column=1).fill = PatternFill(fill_type="solid", start_color=colour)
        key.cell(row=row, column=2, value=label)
    result = parsed_file(saved(book), "tracker.xlsx")
    plan = result.document["plan"]
    assert [(s["code"], s["label"]) for s in plan["status_scale"]] == [
        ("G", "On track"), ("A", "At risk"), ("R", "Off track"), ("B", "Complete"),
    ]  # fmt: skip
    updates = action(result.document, "P1.1")["updates"]
    assert [(u["period"], u["status"]) for u in updates] == [("Jun 2024", "G"), ("Sep 2024", "B")]


def test_amber_and_yellow_are_the_same_rating_in_a_key_with_one_of_them() -> None:
    yellow = statuses.scale_from_lines([("Green", "Good"), ("Yellow", "Fair"), ("Red", "Poor")])
    assert statuses.StatusReader(yellow or []).read("Amber") == "Y"
    amber = statuses.scale_from_lines([("Green", "Good"), ("Amber", "Fair"), ("Red", "Poor")])
    assert statuses.StatusReader(amber or []).read("yellow") == "A"


# Refs lettered by their priority or workstream


def test_refs_that_open_with_letters_are_kept_as_written() -> None:
    for written in ("P1.1", "A1", "EH2.3a", "A.1"):
        ref = values.read_ref(written)
        assert ref is not None and (ref.value, ref.written) == (written, None)
    assert [values.parent_ref(r) for r in ("P1.1", "A1", "EH2.3a", "4A", "F.")] == [
        "P1", "A", "EH2", "4", None,
    ]  # fmt: skip
    assert values.read_ref("SEND") is None


def test_lettered_refs_nest_under_their_priority_and_share_its_merged_cell() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Southvale tracker"])
    sheet.append(["Priority", "Ref", "Action", "Lead", "Due date"])
    sheet.append(["Priority 1 - Early help", "P1.1", "Roll out a check", "KO", "Q3 2024/25"])
    sheet.append([None, "P1.2", "Give settings a SENCO", "KO", "Q4 2024/25"])
    sheet.append(["Priority 2 - Health", "P2.1", "Reduce waits", "LB", "Jan 2025"])
    sheet.merge_cells("A3:A4")
    result = parsed_file(saved(book), "tracker.xlsx")
    sections = result.document["plan"]["sections"]
    assert [(s["ref"], s["title"], [a["ref"] for a in s["actions"]]) for s in sections] == [
        ("1", "Early help", ["P1.1", "P1.2"]), ("2", "Health", ["P2.1"]),
    ]  # fmt: skip
    assert action(result.document, "P1.1")["due"] == "2024-12"


def test_a_table_whose_first_row_is_its_priority_title_opens_that_priority() -> None:
    document = docx.Document()
    document.add_heading("Lowbeck APP", level=0)
    table = word_table(document, [
        ["", "", "", ""],
        ["Ref", "Action", "Lead", "Deadline"],
        ["A1", "Agree a charter", "KM", "June 2025"],
    ])  # fmt: skip
    table.cell(0, 0).merge(table.cell(0, 3)).text = "Priority A: Co-production with families"
    result = parsed_file(saved(document), "app.docx")
    [section] = result.document["plan"]["sections"]
    assert (section["ref"], section["title"]) == ("A", "Co-production with families")
    assert [a["ref"] for a in section["actions"]] == ["A1"]


# Leads and headings


def test_an_email_address_beside_a_lead_is_their_email_not_their_role() -> None:
    [mention] = people.read_leads("Amira Haddad (amira.haddad@southvale.example)").mentions
    assert (mention.name, mention.role, mention.email) == (
        "Amira Haddad", "", "amira.haddad@southvale.example",
    )  # fmt: skip
    [mention] = people.read_leads("Head of SEND (KM) <kmoss@lowbeck.example>").mentions
    assert (mention.role, mention.initials, mention.email) == (
        "Head of SEND", "KM", "kmoss@lowbeck.example",
    )  # fmt: skip


def test_measure_of_impact_and_what_success_looks_like_head_the_measures() -> None:
    for heading in ("Measure of impact", "Impact measures", "What success looks like"):
        assert columns.heading_roles(heading)[0] is columns.Col.MEASURES


def test_leads_listed_with_commas_are_several_people_when_each_is_a_name_or_initials() -> None:
    def read(text: str) -> list[tuple[str, str, str]]:
        return [(m.name, m.role, m.initials) for m in people.read_leads(text).mentions]

    assert read("Karen Moss, Simon Pryce") == [("Karen Moss", "", ""), ("Simon Pryce", "", "")]
    assert read("KM, SP & JN") == [("", "", "KM"), ("", "", "SP"), ("", "", "JN")]
    # A role with a comma in it, or a name then a role, is one lead.
    assert read("Head of SEND, DCO") == [("", "Head of SEND, DCO", "")]
    assert read("Dr Simon Pryce, DCO") == [("Dr Simon Pryce", "DCO", "")]


def test_a_name_with_its_role_or_initials_in_brackets_is_that_person() -> None:
    [mention] = people.read_leads("Karen Moss (Head of SEND)").mentions
    assert (mention.name, mention.role) == ("Karen Moss", "Head of SEND")
    [mention] = people.read_leads("Karen Moss (KM)").mentions
    assert (mention.name, mention.role, mention.initials) == ("Karen Moss", "", "KM")
    [mention] = people.read_leads("Transitions Lead (Kevin Lacey)").mentions
    assert (mention.name, mention.role) == ("Kevin Lacey", "Transitions Lead")


# Word's list numbers, weakness headings and keys of letter codes


def test_refs_typed_as_a_numbered_list_in_word_are_read_as_shown() -> None:
    document = docx.Document()
    document.add_heading("Ashby Local Area Written Statement of Action", level=0)
    document.add_heading("Area of weakness 1: The quality of EHC plans", level=1)
    table = word_table(document, [
        ["Ref", "Action", "Lead", "Timescale"],
        ["", "Agree a quality standard", "CW", "Sep 2018"],
        ["", "1. Audit ten plans a month", "JG", "Oct 2018"],
    ])  # fmt: skip
    for row in (1, 2):
        table.cell(row, 0).paragraphs[0].style = document.styles["List Number"]
    # Numbers before words number the lines of a cell; they were never part of the text.
    table.cell(2, 1).paragraphs[0].style = document.styles["List Number"]
    table.cell(2, 1).paragraphs[0].text = "Audit ten plans a month"
    result = parsed_file(saved(document), "wsoa.docx")
    [section] = result.document["plan"]["sections"]
    assert (section["level"], section["ref"]) == ("Area of weakness", "1")
    assert [(a["ref"], a["title"]) for a in section["actions"]] == [
        ("1", "Agree a quality standard"), ("2", "Audit ten plans a month"),
    ]  # fmt: skip
    assert rules.REF_TIDIED.code not in report_codes(result)


def test_weakness_and_area_headings_open_sections() -> None:
    for heading, level in (
        ("Weakness 2 - Joint commissioning", "Weakness"),
        ("Area of significant weakness 3: Transition", "Area of significant weakness"),
        ("Area of concern 1: Waits", "Area of concern"),
        ("Key area 4: Inclusion", "Key area"),
    ):
        found = values.section_heading(heading)
        assert found is not None and found.level == level


def test_a_key_table_that_gives_codes_colours_and_meanings_uses_the_meanings() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    word_table(document, [["Rating", "Colour", "Meaning"], ["B", "Blue", "Complete"],
                      ["G", "Green", "On track"], ["R", "Red", "Not on track"]])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    scale = result.document["plan"]["status_scale"]
    assert [(s["code"], s["label"]) for s in scale] == [
        ("B", "Complete"), ("G", "On track"), ("R", "Not on track"),
    ]  # fmt: skip


# Excel: old palette colours, ratings with their reasons, repeated heading rows


def test_old_palette_fills_reasons_in_brackets_and_repeated_headings() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Greyhurst tracker"])
    sheet.append(["RAG: Green - On track, Amber - Minor slippage, Red - Major slippage"])
    heads = ["Workstream", "Action No.", "Action", "Action Owner", "RAG Status (Current)"]
    sheet.append(heads)
    sheet.append(["Workstream 1: Communication", "1.1", "Refresh the Local Offer", "PS",
                  "Amber (some slippage)"])  # fmt: skip
    sheet.append(heads)
    sheet.append(["Workstream 2: Assessment", "2.1", "Recruit two psychologists", "IA", None])
    sheet["E6"].fill = PatternFill(fill_type="solid", fgColor=Color(indexed=10))
    result = parsed_file(saved(book), "tracker.xlsx")
    sections = result.document["plan"]["sections"]
    assert [s["title"] for s in sections] == ["Communication", "Assessment"]
    first = action(result.document, "1.1")["updates"][0]
    assert (first["status"], first["narrative"]) == ("A", "some slippage")
    assert action(result.document, "2.1")["updates"][0]["status"] == "R"


# Priorities that name their owner, refs inside the action's words, hidden sheets


def test_a_row_whose_ref_the_rows_below_extend_is_a_priority_with_its_owner() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Fenmoor SEND Strategy Action Tracker"])
    sheet.append(["Pillar 1: Early intervention"])
    sheet.append(["Ref", "Objective / Action", "Lead / Owner", "End", "BRAG (Mar 25)"])
    sheet.append(["1.1", "Every child has a good early years offer", "Lisa Marsh", None, "G"])
    sheet.append(["1.1.1", "Fund inclusion support", "Lisa Marsh", "31/03/2025", "A"])
    sheet.append(["1.1.2", "Train childminders", "Owen Kirby", "July 2025", "R"])
    result = parsed_file(saved(book), "tracker.xlsx")
    [pillar] = result.document["plan"]["sections"]
    [priority] = pillar["sections"]
    assert (priority["ref"], priority["title"]) == (
        "1.1",
        "Every child has a good early years offer",
    )
    assert [a["ref"] for a in priority["actions"]] == ["1.1.1", "1.1.2"]
    people_by_key = {p["key"]: p for p in result.document["plan"]["people"]}
    assert [people_by_key[k]["name"] for k in priority["owners"]] == ["Lisa Marsh"]
    assert any("'G'" in m for m in report_messages(result, rules.SECTION_ROW_EXTRA))
    assert action(result.document, "1.1.1")["due"] == "2025-03-31"


def test_a_theme_numbered_1_keeps_its_first_action_numbered_1() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    document.add_heading("Priority 1: Voice", level=1)
    word_table(document, [
        ["Ref", "Action", "Lead"], ["1", "Set up a forum", "KM"], ["1.1", "Run surveys", "KM"],
    ])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    assert [a["ref"] for a in all_actions(result.document)] == ["1", "1.1"]


def test_without_a_ref_column_a_ref_opening_the_actions_words_is_its_ref() -> None:
    document = docx.Document()
    document.add_heading("Orrinsford SEND Improvement Plan", level=0)
    word_table(document, [
        ["Action", "Who", "When"],
        ["1.1 Launch the graduated approach", "Karen Moss", "Sept 2024 – March 2025"],
        ["P2.3: Publish the provision guide", "Karen Moss", "Jan 2025"],
        ["20 schools will join the pilot", "Karen Moss", "Jan 2025"],
    ])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    found = [(a.get("ref"), a["title"]) for a in all_actions(result.document)]
    assert found == [
        ("1.1", "Launch the graduated approach"),
        ("P2.3", "Publish the provision guide"),
        (None, "20 schools will join the pilot"),
    ]
    first = all_actions(result.document)[0]
    assert (first["starts"], first["due"]) == ("2024-09", "2025-03")


def test_hidden_sheets_are_left_out_and_the_report_says_so() -> None:
    book = openpyxl.Workbook()
    book.active.append(["A plan"])
    lists = book.create_sheet("Lists")
    lists.append(["Ref", "Lead"])
    lists.append(["1.1", "Someone Hidden"])
    lists.sheet_state = "hidden"
    result = parsed_file(saved(book), "plan.xlsx")
    assert all_actions(result.document) == []
    # The check of the file reports more than hidden sheets: the words say which, and its name.
    assert "Left out the hidden sheet 'Lists'." in report_messages(result, rules.FILE_CHECK)


def test_a_key_table_of_brag_letters_and_definitions_gives_their_colours() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    word_table(document, [["BRAG", "Definition"], ["B", "Complete"], ["G", "On track"],
                      ["R", "Off track"]])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    scale = result.document["plan"]["status_scale"]
    assert [(s["code"], s["colour"], s["label"]) for s in scale] == [
        ("B", "blue", "Complete"), ("G", "green", "On track"), ("R", "red", "Off track"),
    ]  # fmt: skip


def test_headings_with_a_date_or_two_words_for_one_column_are_read() -> None:
    def first(heading: str) -> columns.Col | None:
        roles = columns.heading_roles(heading)
        return roles[0] if roles else None

    assert first("Progress (Mar 25)") is columns.Col.PROGRESS
    assert first("Objective / Action") is columns.Col.TITLE
    assert first("Lead / Owner") is columns.Col.LEAD
    assert first("End") is columns.Col.DUE
    assert first("Review and update") is None


def test_an_outcome_beside_each_action_is_its_measure() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    word_table(document, [["Action", "Who", "What difference will it make"],
                      ["Launch the approach", "Karen Moss", "Fewer families wait"]])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    [found] = all_actions(result.document)
    assert found["measures"] == [{"text": "Fewer families wait"}]


def test_a_column_without_a_date_is_reported_once_for_the_plan() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    for ref in ("1", "2"):
        document.add_heading(f"Priority {ref}: Voice", level=1)
        word_table(document, [["Ref", "Action", "Lead", "Progress RAG"],
                          [f"{ref}.1", "Set up a forum", "KM", "G"]])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    assert len(report_messages(result, rules.UNDATED_COLUMN)) == 1


# Group headings over the heading row, quarters without their year, outcome rows


def _pennock_like(group_year: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Pennock tracker"])
    sheet.append(["Action details", None, None, f"Quarterly RAG {group_year}".strip()])
    sheet.merge_cells("A2:C2")
    sheet.merge_cells("D2:E2")
    sheet.append(["Ref", "Action", "Responsible Officer(s)", "Q1", "Q2"])
    sheet.append(["Outcome 1: Needs are identified early"])
    sheet.append(["O1.1", "Introduce a request form", "Head of SEND (Karen Lowe)", "G", "B"])
    return saved(book)


def test_quarters_take_their_year_from_the_group_heading_above_them() -> None:
    result = parsed_file(_pennock_like("2024/25"), "tracker.xlsx")
    plan = result.document["plan"]
    assert plan["periods"] == [
        {"label": "Q1 2024/25", "ends_on": "2024-06-30"},
        {"label": "Q2 2024/25", "ends_on": "2024-09-30"},
    ]
    [section] = plan["sections"]
    assert (section["level"], section["ref"]) == ("Outcome", "1")
    found = action(result.document, "O1.1")
    assert found["lead_text"] == "Head of SEND (Karen Lowe)"
    assert [u["status"] for u in found["updates"]] == ["G", "B"]
    assert rules.ROW_UNPLACED.code not in report_codes(result)


def test_quarters_without_any_year_are_periods_the_report_asks_to_date() -> None:
    result = parsed_file(_pennock_like(""), "tracker.xlsx")
    assert [p["label"] for p in result.document["plan"]["periods"]] == ["Q1", "Q2"]
    assert any("'Q1'" in m for m in report_messages(result, rules.PERIOD_WITHOUT_YEAR))
    assert columns.heading_roles("Decision") == []


def test_leads_given_as_name_role_joined_by_and_are_two_people() -> None:
    cell = people.read_leads("Sam Okoro, Head of Inclusion & Sarah Bell, DCO")
    assert [(m.name, m.role) for m in cell.mentions] == [
        ("Sam Okoro", "Head of Inclusion"), ("Sarah Bell", "DCO"),
    ]  # fmt: skip
    [mention] = people.read_leads("Head of Education and Skills").mentions
    assert mention.role == "Head of Education and Skills"


def test_evidence_and_progress_without_dates_go_with_the_rating_beside_them() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    word_table(document, [
        ["Ref", "Action", "Lead", "Progress update", "RAG", "Evidence"],
        ["1.1", "Relaunch the Local Offer", "KM", "Launched in May", "G", "Launch report"],
    ])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    assert action(result.document, "1.1")["updates"] == [
        {"period": "RAG", "status": "G", "narrative": "Launched in May",
         "evidence": ["Launch report"]},
    ]  # fmt: skip


def test_a_theme_owner_row_right_above_the_headings_is_still_the_owner() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    document.add_heading("Theme 1: Voice of families", level=1)
    word_table(document, [
        ["Theme Owner:", "Head of SEND (Jane Smith)", "", ""],
        ["Ref", "Action", "Lead", "Due date"],
        ["1.1", "Run forums", "Jane Smith", "May 2025"],
    ])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    [theme] = result.document["plan"]["sections"]
    people_by_key = {p["key"]: p for p in result.document["plan"]["people"]}
    assert [people_by_key[k]["name"] for k in theme["owners"]] == ["Jane Smith"]
    assert [a["ref"] for a in theme["actions"]] == ["1.1"]


# Action cards, drop-down ratings and coloured circles


def _drop_down(cell: Any, choice: str) -> None:
    tc = cell._tc
    for paragraph in tc.findall(qn("w:p")):
        tc.remove(paragraph)
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    paragraph, run, text = OxmlElement("w:p"), OxmlElement("w:r"), OxmlElement("w:t")
    text.text = choice
    run.append(text)
    paragraph.append(run)
    content.append(paragraph)
    sdt.append(content)
    tc.append(sdt)


def test_actions_laid_out_as_cards_are_read_as_rows_of_one_table() -> None:
    document = docx.Document()
    document.add_heading("Marlow Vale Accelerated Progress Plan", level=0)
    document.add_paragraph("Blue: Delivered Green: On track Amber: At risk Red: Off track")
    document.add_heading("Priority Area 1 – Waiting times", level=1)
    for ref, title, rating in (("1.1", "Add two therapists", ""), ("1.2", "Open a line", "🟢")):
        table = word_table(document, [
            ["Ref", ref], ["Action", title], ["Lead officer", "Huw Thomas"],
            ["Deadline", "July 2025"], ["RAG rating (Jun 2025)", rating],
        ])  # fmt: skip
        if not rating:
            _drop_down(table.cell(4, 1), "Amber")
    result = parsed_file(saved(document), "app.docx")
    [area] = result.document["plan"]["sections"]
    assert (area["level"], area["ref"]) == ("Priority Area", "1")
    found = [(a["ref"], a["title"], a["due"], a["updates"]) for a in area["actions"]]
    assert found == [
        ("1.1", "Add two therapists", "2025-07", [{"period": "Jun 2025", "status": "A"}]),
        ("1.2", "Open a line", "2025-07", [{"period": "Jun 2025", "status": "G"}]),
    ]


def test_a_card_whose_action_label_carries_the_ref_gives_the_ref() -> None:
    document = docx.Document()
    document.add_heading("Southvale Priority Action Plan", level=0)
    document.add_heading("Priority Action 1: Annual reviews on time", level=1)
    for ref, title, deadline in (
        ("1.1", "Map the annual review process and remove delays", "September 2026"),
        ("1.2", "Introduce an online annual review form for schools", "December 2026"),
    ):
        word_table(document, [
            [f"Action {ref}", title], ["Action owner", "Gemma Hart, SEND Team Manager"],
            ["Deadline", deadline],
        ])  # fmt: skip
        document.add_paragraph("")
    result = parsed_file(saved(document), "pap.docx")
    found = [(a["ref"], a["title"], a["due"]) for a in all_actions(result.document)]
    assert found == [
        ("1.1", "Map the annual review process and remove delays", "2026-09"),
        ("1.2", "Introduce an online annual review form for schools", "2026-12"),
    ]


def test_a_two_column_table_of_labels_that_name_no_action_is_no_card() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    document.add_heading("Theme 1: Voice", level=1)
    word_table(document, [["General Outcomes:", "Families are heard"],
                      ["Theme Owner:", "Head of SEND (Jane Smith)"],
                      ["Key milestones", "June 25: forum set up"]])  # fmt: skip
    result = parsed_file(saved(document), "plan.docx")
    [theme] = result.document["plan"]["sections"]
    assert theme["outcomes"] == "Families are heard"
    assert all_actions(result.document) == []


def test_coloured_circles_are_ratings() -> None:
    reader = statuses.StatusReader(statuses.default_scale())
    assert [reader.read(text) for text in ("🟢", "🟢/🟠", "🔴", "🟡", "⚪️")] == [
        "G", "G/A", "R", "A", "W",
    ]  # fmt: skip


def test_a_priority_column_numbered_1_dot_gives_the_number_as_its_ref() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tarnbridge tracker"])
    sheet.append(["Priority", "No.", "Key Action", "Owner", "Completion Date"])
    sheet.append(["1. Early Help", "EH01", "Place a worker in every hub", "J. Patel", "Jan 2025"])
    sheet.append([None, "EH02", "Screen every two-year-old", "Dr A. Okafor", "June 2025"])
    sheet.merge_cells("A3:A4")
    result = parsed_file(saved(book), "tracker.xlsx")
    [section] = result.document["plan"]["sections"]
    assert (section["ref"], section["title"]) == ("1", "Early Help")
    assert [a["ref"] for a in section["actions"]] == ["EH01", "EH02"]
    names = [p.get("name") for p in result.document["plan"]["people"]]
    assert names == ["J. Patel", "Dr A. Okafor"]


def test_the_line_under_a_partnerships_title_says_what_kind_of_plan_it_is() -> None:
    document = docx.Document()
    document.add_heading("Wexcombe Local Area Partnership", level=0)
    document.add_paragraph("SEND and Alternative Provision Priority Action Plan")
    word_table(document, [
        ["Ref", "What we will do", "Lead(s)", "How we will measure impact"],
        ["1.1", "Set up a board", "Ellen Bright", "Board meets monthly"],
    ])  # fmt: skip
    plan = parsed_file(saved(document), "plan.docx").document["plan"]
    assert (plan["title"], plan["kind"], plan["area"]) == (
        "Wexcombe Local Area Partnership", "priority_action_plan", "Wexcombe",
    )  # fmt: skip
    assert all_actions({"plan": plan})[0]["measures"] == [{"text": "Board meets monthly"}]


# Round nine (see unseen_office.py): layouts the first sixteen plans did not have


def test_a_weakness_column_beside_actions_and_leads_groups_the_actions() -> None:
    document = docx.Document()
    document.add_heading("Thornley Written Statement of Action", level=0)
    table = word_table(document, [
        ["Area of weakness", "Action", "Lead", "By when", "RAG"],
        ["1. Timeliness of assessments", "1.1 Recruit two coordinators", "Head of SEN",
         "31/03/26", "G"],
        ["", "1.2 Agree a health deadline", "Designated Clinical Officer", "Q2 2025/26", "A"],
        ["2. Joint working", "2.1 Set up a joint panel", "Head of SEN", "Summer term 2026",
         "R"],
    ])  # fmt: skip
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1. Timeliness of assessments"
    result = parsed_file(saved(document), "wsoa.docx")
    found = [
        (s["ref"], s["title"], [a["ref"] for a in s["actions"]])
        for s in result.document["plan"]["sections"]
    ]
    assert found == [
        ("1", "Timeliness of assessments", ["1.1", "1.2"]),
        ("2", "Joint working", ["2.1"]),
    ]
    assert action(result.document, "1.2")["title"] == "Agree a health deadline"


def test_a_table_of_areas_of_weakness_and_findings_is_still_a_list_of_weaknesses() -> None:
    document = docx.Document()
    document.add_heading("A WSoA", level=0)
    word_table(document, [["Area of weakness", "Findings"],
                      ["Timeliness of EHC plans", "Too few plans are issued on time"]])  # fmt: skip
    result = parsed_file(saved(document), "wsoa.docx")
    assert [w["text"] for w in result.document["plan"]["weaknesses"]] == ["Timeliness of EHC plans"]
    assert all_actions(result.document) == []


def test_two_posts_joined_by_and_are_two_leads_when_each_leads_on_its_own() -> None:
    document = docx.Document()
    document.add_heading("A plan", level=0)
    word_table(document, [
        ["Ref", "Action", "Lead", "By when"],
        ["1.1", "Recruit coordinators", "Head of SEN Assessment", "Mar 2026"],
        ["1.2", "Agree a deadline", "Designated Clinical Officer", "Sept 2025"],
        ["1.3", "Set up a panel", "Head of SEN Assessment and Designated Clinical Officer",
         "July 2026"],
        ["1.4", "Train advisers", "Head of Education and Skills", "May 2026"],
    ])  # fmt: skip
    plan = parsed_file(saved(document), "plan.docx").document["plan"]
    roles = {p["key"]: p["role"] for p in plan["people"]}
    leads = {a["ref"]: [roles[k] for k in a["leads"]] for a in all_actions({"plan": plan})}
    assert leads["1.3"] == ["Head of SEN Assessment", "Designated Clinical Officer"]
    # A post with "and" in its name that no lead names apart stays one post.
    assert leads["1.4"] == ["Head of Education and Skills"]
    assert sorted(roles.values()) == [
        "Designated Clinical Officer", "Head of Education and Skills", "Head of SEN Assessment",
    ]  # fmt: skip


def test_a_rating_and_a_commentary_column_under_each_period_under_a_progress_band() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead officer", "Progress", None, None, None])
    sheet.append([None, None, None, "Q1 2025/26", None, "Q2 2025/26", None])
    sheet.append([None, None, None, "RAG", "Commentary", "RAG", "Commentary"])
    sheet.append(["1.1", "Roll out the toolkit", "Dev Malhotra", "G", "Launched.", "B", "Done."])
    sheet.append(["1.2", "Screen two-year-olds", "Fiona Gallagher", "A", "Vacancies.", None,
                  None])  # fmt: skip
    for column in "ABC":
        sheet.merge_cells(f"{column}1:{column}3")
    sheet.merge_cells("D1:G1")
    sheet.merge_cells("D2:E2")
    sheet.merge_cells("F2:G2")
    result = parsed_file(saved(book), "tracker.xlsx")
    assert [p["label"] for p in result.document["plan"]["periods"]] == [
        "Q1 2025/26", "Q2 2025/26",
    ]  # fmt: skip
    updates = action(result.document, "1.1")["updates"]
    assert [(u["period"], u["status"], u["narrative"]) for u in updates] == [
        ("Q1 2025/26", "G", "Launched."),
        ("Q2 2025/26", "B", "Done."),
    ]
    assert [u["status"] for u in action(result.document, "1.2")["updates"]] == ["A"]


def test_a_key_of_marks_makes_each_mark_a_rating_the_status_cells_use() -> None:
    book = openpyxl.Workbook()
    key = book.active
    key.title = "Key"
    for row in (["Symbol", "Meaning"], ["✔", "Complete"], ["●", "On track"], ["▲", "At risk"],
                ["✖", "Not started"]):  # fmt: skip
        key.append(row)
    sheet = book.create_sheet("P1")
    sheet.append(["No.", "What we will do", "Who", "Status (Oct 2025)", "Progress notes"])
    sheet.append(["1.1", "Publish a sufficiency plan", "Gemma Holt", "●", "Drafted."])
    sheet.append(["1.2", "Train front-door staff", "Mei Wong", "✔", "Done."])
    result = parsed_file(saved(book), "plan.xlsx")
    scale = result.document["plan"]["status_scale"]
    assert [(s["code"], s["label"]) for s in scale] == [
        ("✔", "Complete"), ("●", "On track"), ("▲", "At risk"), ("✖", "Not started"),
    ]  # fmt: skip
    first = action(result.document, "1.1")["updates"][0]
    assert (first["status"], first["narrative"]) == ("●", "Drafted.")
    assert action(result.document, "1.2")["updates"][0]["status"] == "✔"


_GLYPH_BOXED_PDF = Path(__file__).parent / "fixtures" / "unseen-office" / "kestrel-vale-app.pdf"


def test_a_pdf_whose_letters_stand_at_their_own_heights_reads_in_whole_words() -> None:
    # Printed by LibreOffice in DejaVu Serif: PDFium gives each letter its glyph's own box, so
    # the "h" of "This" stands 2.5 points higher than the "s".
    blocks = read_source(_GLYPH_BOXED_PDF.read_bytes(), "app.pdf").blocks
    texts = [block.text for block in blocks if isinstance(block, Paragraph)]
    assert texts[0].startswith("This plan sets out what partners in Kestrel Vale will do")
    assert "BRAG key: B – Complete; G – On track; A – Some delay; R – Off track" in texts


def test_a_pdf_cell_wrapped_after_a_written_space_keeps_its_words_apart() -> None:
    # "Summer" nearly fills its narrow column, as a word cut in two would; the space printed
    # after it says the line broke between words.
    blocks = read_source(_GLYPH_BOXED_PDF.read_bytes(), "app.pdf").blocks
    [table] = [block for block in blocks if isinstance(block, Table)]
    deadlines = [row.cells[4] for row in table.rows]
    assert "Summer term 2026" in deadlines and "Autumn term 2025" in deadlines


def test_a_section_cell_that_opens_with_its_code_gives_the_code_as_its_ref() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Priority", "Ref", "Action description", "Responsible officer", "Due date"])
    sheet.append(["P1 - Joint commissioning", "P1.1", "Agree a plan", "Tariq Wahid", "Dec-25"])
    sheet.append(["P1 - Joint commissioning", "P1.2", "Commission a pathway", "Jenna Royle",
                  "Mar-26"])  # fmt: skip
    sheet.append(["P2 - Children looked after", "P2.1", "Review every plan", "Paul Mensah",
                  "Ongoing"])  # fmt: skip
    result = parsed_file(saved(book), "tracker.xlsx")
    found = [
        (s["ref"], s["title"], [a["ref"] for a in s["actions"]])
        for s in result.document["plan"]["sections"]
    ]
    assert found == [
        ("P1", "Joint commissioning", ["P1.1", "P1.2"]),
        ("P2", "Children looked after", ["P2.1"]),
    ]
    assert values.coded_section("KS4 outcomes") is None
