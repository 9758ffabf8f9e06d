"""Round 16: Word, Excel and PDF layouts met when real plans were laid out in ways no earlier
round used (corpus/real/ROUND16-office.md). Each test is an invented plan in other words."""

from __future__ import annotations

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from sendplan.interchange.tests import (
    all_actions,
    parsed_file,
    placed_by,
    report_codes,
    saved,
    titles,
    word_table,
)
from sendplan.interchange.tests.corpus.build_real_e import (
    W_NS,
    numbered_list,
    printed_html,
    text_box,
)

# Refs in brackets


def test_refs_written_in_brackets_are_read_without_them() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Overview and scrutiny: review of short breaks"
    sheet["A2"] = "Status:"
    sheet["B2"] = "Agreed"
    sheet.append([])
    sheet.append(["Ref", "Recommendation", "Response"])
    sheet.append(["(a)", "That the short breaks offer be published in one place", None])
    sheet.append(["(b)", "That families be asked each year what breaks they need", None])
    sheet.append(["(iv)", "That the waiting list be reported to the board each quarter", None])
    result = parsed_file(saved(book), "plan.xlsx")
    assert [(a.get("ref"), a["title"]) for a in all_actions(result.document)] == [
        ("a", "That the short breaks offer be published in one place"),
        ("b", "That families be asked each year what breaks they need"),
        ("iv", "That the waiting list be reported to the board each quarter"),
    ]
    assert "ref-bracketed" in report_codes(result)


# Word text boxes


def test_the_words_of_word_text_boxes_are_read_once_where_they_stand() -> None:
    document = docx.Document()
    document.add_heading("Inclusion programme", level=1)
    document.add_heading("Our workstreams", level=2)
    for number, words in (
        (1, "Workstream 1 brings outreach teachers into every mainstream school cluster "
            "so that staff have advice the same week they ask for it."),
        (2, "Workstream 2 opens four new resourced bases attached to secondary schools "
            "so that pupils can stay in their own community."),
    ):  # fmt: skip
        text_box(document, [(f"Workstream {number}", True), (words, False)], number)
    result = parsed_file(saved(document), "plan.docx")
    assert [(a.get("ref"), a["title"][:36]) for a in all_actions(result.document)] == [
        ("1", "Workstream 1 brings outreach teacher"),
        ("2", "Workstream 2 opens four new resource"),
    ]
    assert "numbered-headings-over-words" in placed_by(result)


def test_a_heading_naming_only_a_level_and_number_over_two_paragraphs_stays_a_section() -> None:
    document = docx.Document()
    for number in (1, 2):
        document.add_heading(f"Priority {number}", level=2)
        document.add_paragraph(
            "This priority is about how families are told what is happening at each step "
            "of an assessment, and what they can do if it is late."
        )
        document.add_paragraph(
            "Last year fewer than half of the families we asked said they knew who to "
            "contact, and many heard nothing for weeks."
        )
    result = parsed_file(saved(document), "plan.docx")
    assert "numbered-headings-over-words" not in placed_by(result)


# Bulleted actions with their lead and date in brackets


def test_bullets_under_headings_ending_with_lead_and_date_in_brackets_are_actions() -> None:
    document = docx.Document()
    document.add_heading("Short breaks action plan", level=1)
    document.add_heading("Finding out what families need", level=2)
    document.add_paragraph(
        "Ask every family on the register what breaks would help them. "
        "(Short Breaks Manager, March 2026)",
        style="List Bullet",
    )
    document.add_paragraph(
        "Publish what we heard and what we will change. (June 2026)", style="List Bullet"
    )
    document.add_heading("More places closer to home", level=2)
    document.add_paragraph(
        "Open a second holiday club for disabled teenagers. (Head of Commissioning – July 2026)",
        style="List Bullet",
    )
    result = parsed_file(saved(document), "plan.docx")
    read = [
        (a["title"], a.get("lead_text"), a.get("due_text")) for a in all_actions(result.document)
    ]
    assert read == [
        (
            "Ask every family on the register what breaks would help them.",
            "Short Breaks Manager",
            "March 2026",
        ),
        ("Publish what we heard and what we will change.", None, "June 2026"),
        (
            "Open a second holiday club for disabled teenagers.",
            "Head of Commissioning",
            "July 2026",
        ),
    ]
    assert "bracketed-lead-and-date" in placed_by(result)


def test_words_in_brackets_that_are_no_date_stay_part_of_the_action() -> None:
    document = docx.Document()
    document.add_heading("Training", level=2)
    document.add_paragraph(
        "Train every SENCo in the new assessment tool (the one schools chose).", style="List Bullet"
    )
    document.add_paragraph("Offer the training again to new staff each term.", style="List Bullet")
    document.add_heading("Advice", level=2)
    document.add_paragraph("Answer each call to the advice line in a day.", style="List Bullet")
    result = parsed_file(saved(document), "plan.docx")
    assert "Train every SENCo in the new assessment tool (the one schools chose)." in [
        a["title"] for a in all_actions(result.document)
    ]


# Sections named in the plan's own words across a table


def test_rows_across_a_table_naming_a_level_in_the_plans_own_word_are_nested_sections() -> None:
    document = docx.Document()
    word_table(
        document,
        [
            ["Ref", "Action", "Lead officer", "Timescale"],
            ["Standard 3: Assessment", "", "", ""],
            ["Recommendation 1: To complete assessments on time", "", "", ""],
            ["1", "Report assessment timeliness to managers weekly.", "Team Manager", "May 24"],
            ["Recommendation 2: To record the child's views", "", "", ""],
            ["1", "Add a views section to the assessment form.", "Practice Lead", "June 24"],
        ],
    )
    result = parsed_file(saved(document), "plan.docx")
    [standard] = result.document["plan"]["sections"]
    assert (standard["level"], standard["ref"], standard["title"]) == (
        "Standard",
        "3",
        "Assessment",
    )
    read = [
        (s["level"], s["title"], titles({"plan": {"sections": [s]}})) for s in standard["sections"]
    ]
    assert read == [
        (
            "Recommendation",
            "To complete assessments on time",
            ["Report assessment timeliness to managers weekly."],
        ),
        (
            "Recommendation",
            "To record the child's views",
            ["Add a views section to the assessment form."],
        ),
    ]


def test_a_row_numbering_an_action_is_not_read_as_a_section() -> None:
    document = docx.Document()
    word_table(
        document,
        [
            ["Ref", "Action", "Lead"],
            ["Action 1: Publish the local offer review", "", ""],
            ["1", "Agree the review's terms with the forum.", "Head of SEND"],
        ],
    )
    result = parsed_file(saved(document), "plan.docx")
    assert "worded-section-row" not in report_codes(result)


# A labelled line between a heading and its list


def test_a_labelled_line_saying_what_a_group_is_for_leads_into_its_list() -> None:
    document = docx.Document()
    document.add_heading("How the partnership works", level=1)
    groups = [
        ("Workstream 1", "Responsible for the help families get early", ["Early help hubs"]),
        ("Workstream 2", "Responsible for getting ready for adult life", ["Travel training"]),
    ]
    groups[0][2].append("Portage")
    groups[1][2].extend(["Supported internships", "Housing"])
    for name, purpose, items in groups:
        document.add_heading(name, level=2)
        paragraph = document.add_paragraph()
        paragraph.add_run("Purpose: ").bold = True
        paragraph.add_run(purpose)
        for item in items:
            document.add_paragraph(item, style="List Bullet")
    result = parsed_file(saved(document), "plan.docx")
    assert titles(result.document) == [
        "Early help hubs",
        "Portage",
        "Travel training",
        "Supported internships",
        "Housing",
    ]


# A programme's projects


def test_a_column_headed_project_holds_the_actions_words() -> None:
    document = docx.Document()
    word_table(
        document,
        [
            ["No.", "Project", "Lead", "Key performance indicators"],
            ["1", "Regional sufficiency map", "Ann Lee", "A map of places agreed by March."],
            ["2", "Shared parent training", "Raj Patel", "Four sessions held in each area."],
        ],
    )
    result = parsed_file(saved(document), "plan.docx")
    assert titles(result.document) == ["Regional sufficiency map", "Shared parent training"]


def test_rows_under_a_project_in_a_project_kpi_column_are_its_measures() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Project / KPI", "Lead", "By"])
    sheet.append(["1", "Regional sufficiency map", "Ann Lee", None])
    sheet.append([None, "We will agree a map of specialist places.", None, "Mar 26"])
    sheet.append([None, "We will publish the map to families.", None, "Jun 26"])
    sheet.append(["2", "Shared parent training", "Raj Patel", None])
    sheet.append([None, "We will hold four sessions in each area.", None, "Dec 25"])
    result = parsed_file(saved(book), "plan.xlsx")
    read = [
        (a["title"], [(m["text"], m.get("due_text")) for m in a.get("measures", [])])
        for a in all_actions(result.document)
    ]
    assert read == [
        (
            "Regional sufficiency map",
            [
                ("We will agree a map of specialist places.", "Mar 26"),
                ("We will publish the map to families.", "Jun 26"),
            ],
        ),
        ("Shared parent training", [("We will hold four sessions in each area.", "Dec 25")]),
    ]
    assert "title-over-measures" in placed_by(result)


# An action's cell holding its number, words and labelled lines; a table nested beside it


def test_an_action_cell_of_several_paragraphs_gives_its_ref_lead_and_date() -> None:
    document = docx.Document()
    table = word_table(document, [["Priority", "Action", "Success measures"]])
    for priority, number, words, lead, due, measures in (
        ("Early help", "1", "Open family hubs in each locality", "Ann Lee", "March 2026",
         [("Four hubs open.", "Mar 26"), ("Families rate them good.", "Sep 26")]),
        ("Adulthood", "2", "Offer supported internships", "Raj Patel", "July 2026",
         [("Twenty interns placed.", "Jul 26")]),
    ):  # fmt: skip
        cells = table.add_row().cells
        cells[0].text = priority
        cells[1].text = f"{number}. {words}"
        cells[1].add_paragraph(f"Lead: {lead}")
        cells[1].add_paragraph(f"By: {due}")
        nested = cells[2].add_table(rows=1, cols=2)
        nested.rows[0].cells[0].text, nested.rows[0].cells[1].text = "Measure", "By"
        for text, when in measures:
            inner = nested.add_row().cells
            inner[0].text, inner[1].text = text, when
    result = parsed_file(saved(document), "plan.docx")
    read = [
        (
            a.get("ref"),
            a["title"],
            a.get("lead_text"),
            a.get("due_text"),
            [(m["text"], m.get("due_text")) for m in a.get("measures", [])],
        )
        for a in all_actions(result.document)
    ]
    assert read == [
        ("1", "Open family hubs in each locality", "Ann Lee", "March 2026",
         [("Four hubs open.", "Mar 26"), ("Families rate them good.", "Sep 26")]),
        ("2", "Offer supported internships", "Raj Patel", "July 2026",
         [("Twenty interns placed.", "Jul 26")]),
    ]  # fmt: skip
    assert {"fields-in-action-cell", "measures-table-in-cell"} <= report_codes(result)


# A PDF table with no ruling lines, its sections set across it


def test_a_pdf_table_without_rules_keeps_its_columns_under_sections_set_across_it() -> None:
    heads = ["Ref", "Action", "Lead officer", "Timescale", "Progress"]
    rows = [
        ("band", "Area 1: Early identification"),
        ("row", ["1", "Train health visitors in the new checklist.", "Lead Nurse", "May 25",
                 "Two sessions held so far."]),
        ("band", "Area 2: Getting ready for adult life, with every young person's plan "
                 "looking ahead to work, housing and health from year nine onwards"),
        ("row", ["1", "Start transition reviews at year nine.", "Head of SEN", "Sept 25",
                 "Agreed with schools."]),
        ("row", ["2", "Publish a guide to adult services.", "Transitions Manager", "Dec 25",
                 "Draft with the forum."]),
    ]  # fmt: skip
    body = "".join(
        f"<tr><td colspan='5' class='band'>{value}</td></tr>"
        if kind == "band"
        else "<tr>" + "".join(f"<td>{cell}</td>" for cell in value) + "</tr>"
        for kind, value in rows
    )
    pdf = printed_html(
        "<h3>Improvement plan</h3><table><tr>"
        + "".join(f"<th>{head}</th>" for head in heads)
        + f"</tr>{body}</table>",
        "@page { size: A4 landscape; margin: 1.5cm; } table { border-collapse: collapse; }"
        "th, td { text-align: left; padding: 3pt 10pt 6pt 0; vertical-align: top; }"
        ".band { font-weight: bold; padding-top: 8pt; } th:nth-child(2) { width: 7cm; }",
    )
    result = parsed_file(pdf, "plan.pdf")
    read = [
        (s["title"], [(a.get("ref"), a["title"], a.get("lead_text")) for a in s["actions"]])
        for s in result.document["plan"]["sections"]
    ]
    assert read == [
        (
            "Early identification",
            [("1", "Train health visitors in the new checklist.", "Lead Nurse")],
        ),
        (
            "Getting ready for adult life, with every young person's plan looking ahead to "
            "work, housing and health from year nine onwards",
            [
                ("1", "Start transition reviews at year nine.", "Head of SEN"),
                ("2", "Publish a guide to adult services.", "Transitions Manager"),
            ],
        ),
    ]


# Merged and numbered cells


def test_an_officer_merged_down_a_sheet_leads_each_row_it_covers() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Responsible officer"])
    sheet.append(["1", "Publish the short breaks statement", "Head of Commissioning"])
    sheet.append(["2", "Review the eligibility criteria with families", None])
    sheet.append(["3", "Report take-up to the board each quarter", "Performance Lead"])
    sheet.merge_cells("C2:C3")
    result = parsed_file(saved(book), "plan.xlsx")
    leads = [a.get("lead_text") for a in all_actions(result.document)]
    assert leads == ["Head of Commissioning", "Head of Commissioning", "Performance Lead"]


def test_word_list_numbers_restarted_at_a_later_number_and_an_officer_column() -> None:
    document = docx.Document()
    num_id = numbered_list(document, [("decimal", "%1.")])
    for num in document.part.numbering_part.element.findall(qn("w:num")):
        if num.get(qn("w:numId")) == num_id:
            num.append(
                parse_xml(
                    f'<w:lvlOverride xmlns:w="{W_NS}" w:ilvl="0">'
                    '<w:startOverride w:val="7"/></w:lvlOverride>'
                )
            )
    table = word_table(document, [["No.", "Decision", "Officer"], ["", "", ""], ["", "", ""]])
    for row, (words, officer) in zip(
        table.rows[1:],
        [("To consult on the new travel policy", "Director of Education"),
         ("To report the consultation's findings in March", "Head of Transport")],
        strict=True,
    ):  # fmt: skip
        row.cells[0].paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/>'
                "</w:numPr>"
            )
        )
        row.cells[1].text, row.cells[2].text = words, officer
    result = parsed_file(saved(document), "plan.docx")
    assert [(a.get("ref"), a.get("lead_text")) for a in all_actions(result.document)] == [
        ("7", "Director of Education"),
        ("8", "Head of Transport"),
    ]


# A period named over its rating and commentary


def test_a_quarter_named_in_words_over_status_and_commentary_is_that_periods() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    top, under = table.rows[0].cells, table.rows[1].cells
    top[0].merge(under[0]).text = "Ref"
    top[1].merge(under[1]).text = "Action"
    top[2].merge(top[3]).text = "Quarter 2 2024 to 2025"
    under[2].text, under[3].text = "Status", "Commentary"
    row = table.rows[2].cells
    row[0].text, row[1].text = "3.1", "Recruit two more educational psychologists"
    row[2].text, row[3].text = "Amber", "One post filled; the second advertised again."
    result = parsed_file(saved(document), "plan.docx")
    assert result.document["plan"]["periods"] == [
        {"label": "Quarter 2 2024 to 2025", "ends_on": "2024-09-30"}
    ]
    [update] = all_actions(result.document)[0]["updates"]
    assert (update["period"], update["status"]) == ("Quarter 2 2024 to 2025", "A")
    assert update["narrative"] == "One post filled; the second advertised again."
