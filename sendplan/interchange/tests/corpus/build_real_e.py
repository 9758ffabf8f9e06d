"""Round 16: real plans that had only their text, laid out as Word, Excel and PDF files in
layouts no earlier round used (see corpus/real/ROUND16-office.md).

Each file is made from the plan entered by hand from the published text (expected.plan.json),
so that it carries the same words; the layout is the project's own, not the council's. There
is no LibreOffice here, so the PDFs are printed from HTML by WeasyPrint (already a dependency,
for the reports), as a web page, a slide deck or a Word file saved "as PDF" would look.

Run from the repository root: .venv/bin/python -m sendplan.interchange.tests.corpus.build_real_e
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from sendplan.interchange.tests.corpus.build_real_d import (
    BOX,
    REAL,
    WRAP,
    Doc,
    body_row,
    bold_cell,
    heading_row,
    landscape,
    reference,
    repeat_as_header,
    saved_docx,
    saved_xlsx,
    shade,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def printed_html(body: str, css: str = "") -> bytes:
    import weasyprint

    page = (
        "<html><head><meta charset='utf-8'><style>"
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }" + css + "</style>"
        f"</head><body>{body}</body></html>"
    )
    return bytes(weasyprint.HTML(string=page).write_pdf())


def e(text: Any) -> str:
    return html.escape(str(text or ""))


# Word: automatic list numbering of two levels, the numbers not in the text.


def numbered_list(document: Any, formats: list[tuple[str, str]]) -> str:
    """A list definition of one level per (format, text) pair; its numId."""
    root = document.part.numbering_part.element
    abstract_id = str(50 + len(root.findall(qn("w:abstractNum"))))
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for level, (fmt, text) in enumerate(formats)
    )
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )
    nums = root.findall(qn("w:num"))
    num_id = str(100 + len(nums))
    num = parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
        f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    first_num = root.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(num)
    return num_id


def list_item(document: Any, text: str, num_id: str, level: int) -> Any:
    paragraph = document.add_paragraph(text, style="List Paragraph")
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


# Word: a text box, as Word writes it: a drawing with a VML copy for older readers.


def text_box(document: Any, paragraphs: list[tuple[str, bool]], number: int) -> None:
    inner = "".join(
        f"<w:p><w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}"
        f"<w:t xml:space='preserve'>{html.escape(text)}</w:t></w:r></w:p>"
        for text, bold in paragraphs
    )
    anchor = document.add_paragraph()
    run = parse_xml(
        f'<w:r xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5700000" cy="1300000"/>'
        f'<wp:docPr id="{number}" name="Text Box {number}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{inner}'
        "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape id="Text Box {number}" style="width:450pt;height:100pt" type="#_x0000_t202">'
        f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    anchor._p.append(run)


# Cheshire East: Cabinet's resolutions as Word's own numbered list of two levels ("1.", then
# "(a)" under it), the numbers shown but not typed; the workbook a notes sheet first, then a
# title block over rows 1-6; the PDF the minutes page set in two columns.


def cheshire_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading("Cabinet – decision", level=1)
    document.add_paragraph(plan["title"])
    document.add_paragraph("RESOLVED").runs[0].bold = True
    document.add_paragraph("That")
    num_id = numbered_list(document, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    for resolution in (
        "Cabinet receives the final report of the Task and Finish Group;",
        "Cabinet notes the following recommendations in the report:",
    ):
        list_item(document, resolution, num_id, 0)
    for action in plan["sections"][0]["actions"]:
        list_item(document, action["title"], num_id, 1)
    return saved_docx(document)


def cheshire_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    notes = book.active
    notes.title = "Notes"
    notes["A1"] = "About this workbook"
    notes["A1"].font = Font(bold=True, size=13)
    notes["A3"] = "The recommendations as Cabinet received them. Responses will be added as"
    notes["A4"] = "services report back to the Children and Families Scrutiny Committee."
    notes.column_dimensions["A"].width = 100
    sheet = book.create_sheet("Recommendations")
    sheet.merge_cells("A1:D1")
    sheet["A1"] = "Cheshire East Council"
    sheet["A1"].font = Font(bold=True, size=16)
    sheet.merge_cells("A2:D2")
    sheet["A2"] = plan["title"]
    sheet["A2"].font = Font(bold=True, size=13)
    sheet["A3"], sheet["B3"] = "Committee:", "Cabinet"
    sheet["A4"], sheet["B4"] = "Status:", "Received"
    sheet["A5"], sheet["B5"] = "Owner:", "Scrutiny officer"
    heading_row(sheet, 7, ["Ref", "Recommendation", "Response", "Lead officer"], "5B2C6F")
    for offset, action in enumerate(plan["sections"][0]["actions"]):
        body_row(sheet, 8 + offset, [f"({action['ref']})", action["title"], None, None])
    for column, width in zip("ABCD", (8, 80, 40, 20), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A8"
    return saved_xlsx(book)


def cheshire_pdf(plan: Doc) -> bytes:
    items = "".join(
        f"<li><span class='n'>({e(a['ref'])})</span> {e(a['title'])}</li>"
        for a in plan["sections"][0]["actions"]
    )
    body = (
        f"<h1>{e(plan['title'])}</h1><div class='cols'>"
        "<p>Cabinet considered the final report of the SEND Reforms Task and Finish Group, "
        "which had examined how the 2014 reforms were working locally.</p>"
        "<p><b>RESOLVED</b></p><p>That</p>"
        "<p>1. Cabinet receives the final report of the Task and Finish Group;</p>"
        "<p>2. Cabinet notes the following recommendations in the report:</p>"
        f"<ul>{items}</ul></div>"
    )
    css = (
        ".cols { column-count: 2; column-gap: 1.2cm; } h1 { font-size: 14pt; }"
        "ul { list-style: none; padding-left: 0; } li { margin-bottom: 4pt; }"
    )
    return printed_html(body, css)


# Swindon: the work streams each in a Word content control holding a heading, the remit and a
# bulleted list; in Excel the work stream merged down column A, its remit merged down B, one
# work area a row with wrapped text; the PDF a slide deck, a work stream a slide.


def swindon_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    body = document.element.body
    for number, section in enumerate(plan["sections"]):
        start = len(body)
        document.add_heading(section["title"], level=2)
        paragraph = document.add_paragraph()
        paragraph.add_run("Remit: ").bold = True
        paragraph.add_run(section.get("outcomes", ""))
        for action in section["actions"]:
            document.add_paragraph(action["title"], style="List Bullet")
        made = list(body)[start - 1 : len(body) - 1]  # before the sectPr at the end
        sdt = parse_xml(
            f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr><w:alias w:val="Work stream"/>'
            f'<w:id w:val="{4100 + number}"/></w:sdtPr><w:sdtContent/></w:sdt>'
        )
        made[0].addprevious(sdt)
        content = sdt.find(qn("w:sdtContent"))
        for element in made:
            content.append(element)
    return saved_docx(document)


def swindon_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Governance"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    heading_row(sheet, 3, ["Group", "Remit", "Area of work"], "2F5496")
    row = 4
    for section in plan["sections"]:
        first = row
        for action in section["actions"]:
            body_row(sheet, row, [None, None, action["title"]])
            row += 1
        sheet.cell(row=first, column=1, value=section["title"])
        sheet.cell(row=first, column=2, value=section.get("outcomes"))
        if row - 1 > first:
            sheet.merge_cells(start_row=first, end_row=row - 1, start_column=1, end_column=1)
            sheet.merge_cells(start_row=first, end_row=row - 1, start_column=2, end_column=2)
        for column in (1, 2):
            sheet.cell(row=first, column=column).alignment = Alignment(
                wrap_text=True, vertical="center"
            )
    for letter, width in zip("ABC", (22, 40, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    return saved_xlsx(book)


def swindon_pdf(plan: Doc) -> bytes:
    slides = [
        f"<section><h1>{e(plan['title'])}</h1><p class='sub'>SEND Strategic Board and its "
        "work streams</p></section>"
    ]
    for section in plan["sections"]:
        bullets = "".join(f"<li>{e(a['title'])}</li>" for a in section["actions"])
        slides.append(
            f"<section><h2>{e(section['title'])}</h2>"
            f"<p class='remit'>{e(section.get('outcomes'))}</p><ul>{bullets}</ul></section>"
        )
    css = (
        "@page { size: 25.4cm 14.29cm; margin: 1.2cm; }"
        "section { page-break-after: always; } h1 { font-size: 28pt; color: #1F3864; }"
        "h2 { font-size: 22pt; color: #1F3864; } .remit { font-style: italic; font-size: 13pt; }"
        "li { font-size: 13pt; margin-bottom: 3pt; }"
    )
    return printed_html("".join(slides), css)


# Bath and North East Somerset: a Word table whose headings are two rows deep, "Progress"
# merged over its two columns, standards and recommendations as rows merged across; the
# workbook its due dates as real dates shown "mmm-yy"; the PDF a table with no ruling lines.

BANES_HEADS = ["Ref", "Action", "Lead officer", "Timescale", "Progress", ""]
BANES_SUB = ["", "", "", "", "October 2003", "Action from October 2003"]


def banes_rows(plan: Doc) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for standard in plan["sections"]:
        rows.append(("standard", f"Standard {standard['ref']}: {standard['title']}"))
        for recommendation in standard["sections"]:
            rows.append(
                ("recommendation", f"Recommendation {recommendation['ref']}: "
                 f"{recommendation['title']}")
            )  # fmt: skip
            for action in recommendation["actions"]:
                rows.append(("action", action))
    return rows


def narratives(action: Doc) -> list[str]:
    updates = {u["period"]: u.get("narrative", "") for u in action.get("updates", [])}
    return [updates.get("Progress October 2003", ""), updates.get("Action from October 2003", "")]


def banes_docx(plan: Doc) -> bytes:
    document = Document()
    landscape(document)
    document.add_paragraph(plan["title"]).runs[0].bold = True
    table = document.add_table(rows=2, cols=6)
    table.style = "Table Grid"
    top, under = table.rows[0].cells, table.rows[1].cells
    for column in range(4):
        merged = top[column].merge(under[column])
        bold_cell(merged, BANES_HEADS[column], "BDD7EE")
    progress = top[4].merge(top[5])
    bold_cell(progress, "Progress", "BDD7EE")
    bold_cell(under[4], BANES_SUB[4], "DEEAF6")
    bold_cell(under[5], BANES_SUB[5], "DEEAF6")
    repeat_as_header(table.rows[0])
    repeat_as_header(table.rows[1])
    for kind, value in banes_rows(plan):
        cells = table.add_row().cells
        if kind != "action":
            merged = cells[0].merge(cells[-1])
            bold_cell(merged, value, "F2F2F2" if kind == "standard" else None)
            continue
        cells[0].text = value["ref"]
        cells[1].text = value["title"]
        cells[2].text = value.get("lead_text", "")
        cells[3].text = value.get("due_text", "")
        cells[4].text, cells[5].text = narratives(value)
    return saved_docx(document)


def banes_due(action: Doc) -> Any:
    text = action.get("due_text", "")
    if text.startswith("From"):
        return text
    year, month = (int(part) for part in action["due"].split("-"))
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def banes_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Improvement plan"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=13)
    heads = ["Ref", "Action", "Lead officer", "Target date",
             "Progress October 2003", "Action from October 2003"]  # fmt: skip
    heading_row(sheet, 3, heads, "1F4E79")
    row = 4
    for kind, value in banes_rows(plan):
        if kind != "action":
            sheet.cell(row=row, column=1, value=value).font = Font(bold=True)
            sheet.merge_cells(start_row=row, end_row=row, start_column=1, end_column=6)
            row += 1
            continue
        due = banes_due(value)
        body_row(sheet, row, [value["ref"], value["title"], value.get("lead_text"), due,
                              *narratives(value)])  # fmt: skip
        if isinstance(due, datetime.date):
            sheet.cell(row=row, column=4).number_format = "mmm-yy"
        row += 1
    for column, width in zip("ABCDEF", (6, 50, 28, 12, 50, 40), strict=True):
        sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


def banes_pdf(plan: Doc) -> bytes:
    heads = ["Ref", "Action", "Lead officer", "Timescale", "Progress October 2003",
             "Action from October 2003"]  # fmt: skip
    lines = ["<tr>" + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr>"]
    for kind, value in banes_rows(plan):
        if kind != "action":
            lines.append(f"<tr><td colspan='6' class='band'>{e(value)}</td></tr>")
            continue
        cells = [value["ref"], value["title"], value.get("lead_text"), value.get("due_text"),
                 *narratives(value)]  # fmt: skip
        lines.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    css = (
        "@page { size: A4 landscape; margin: 1.5cm; } table { border-collapse: collapse; }"
        "th { text-align: left; font-weight: bold; padding: 3pt 8pt 6pt 0;"
        " vertical-align: bottom; } td { padding: 3pt 8pt 6pt 0; vertical-align: top; }"
        ".band { font-weight: bold; padding-top: 8pt; }"
        "th:nth-child(1) { width: 1cm; } th:nth-child(2) { width: 6.5cm; }"
        "th:nth-child(3) { width: 3.5cm; } th:nth-child(4) { width: 2.2cm; }"
    )
    return printed_html(f"<h3>{e(plan['title'])}</h3><table>{''.join(lines)}</table>", css)


# SESLIP: in Word, a table whose project cell holds several paragraphs (the ref and name,
# then "Lead: …") beside a nested table of its indicators; in Excel, each project a row with
# its indicators as indented rows under it; the PDF a table ruled only across.


def seslip_docx(plan: Doc) -> bytes:
    document = Document()
    landscape(document)
    document.add_heading(plan["title"], level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, ["Workstream", "Project", "Key performance "
                                                "indicators"], strict=True):  # fmt: skip
        bold_cell(cell, head, "FFE699")
    for section in plan["sections"]:
        for action in section["actions"]:
            cells = table.add_row().cells
            cells[0].text = section["title"]
            cells[1].text = f"{action['ref']}. {action['title']}"
            cells[1].add_paragraph(f"Lead: {action.get('lead_text', '')}")
            nested = cells[2].add_table(rows=1, cols=2)
            nested.style = "Table Grid"
            bold_cell(nested.rows[0].cells[0], "Indicator")
            bold_cell(nested.rows[0].cells[1], "By")
            for measure in action.get("measures", []):
                inner = nested.add_row().cells
                inner[0].text = measure["text"]
                inner[1].text = measure.get("due_text", "")
    return saved_docx(document)


def seslip_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Projects"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=13)
    heading_row(sheet, 3, ["Workstream", "Ref", "Project / KPI", "Lead", "By"], "806000")
    row = 4
    for section in plan["sections"]:
        for action in section["actions"]:
            body_row(sheet, row, [section["title"], action["ref"], action["title"],
                                  action.get("lead_text"), None])  # fmt: skip
            sheet.cell(row=row, column=3).font = Font(bold=True)
            row += 1
            for measure in action.get("measures", []):
                body_row(sheet, row, [None, None, measure["text"], None,
                                      measure.get("due_text")])  # fmt: skip
                sheet.cell(row=row, column=3).alignment = Alignment(
                    wrap_text=True, vertical="top", indent=2
                )
                row += 1
    for column, width in zip("ABCDE", (26, 6, 80, 16, 16), strict=True):
        sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


def seslip_pdf(plan: Doc) -> bytes:
    heads = ["Workstream", "No.", "Project", "Lead", "Key performance indicators"]
    lines = ["<tr>" + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr>"]
    for section in plan["sections"]:
        for action in section["actions"]:
            kpis = "".join(f"<p>{e(m['text'])}</p>" for m in action.get("measures", []))
            cells = [e(section["title"]), e(action["ref"]), e(action["title"]),
                     e(action.get("lead_text")), kpis]  # fmt: skip
            lines.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    css = (
        "@page { size: A4 landscape; margin: 1.5cm; }"
        "table { border-collapse: collapse; width: 100%; }"
        "th, td { border-top: 0.8pt solid #444; border-bottom: 0.8pt solid #444; padding: 4pt;"
        " text-align: left; vertical-align: top; } td p { margin: 0 0 3pt 0; }"
    )
    return printed_html(f"<h2>{e(plan['title'])}</h2><table>{''.join(lines)}</table>", css)


# Tameside: a portrait Word document, each key area a heading over a bulleted commitment with
# its date in brackets at the end; the workbook a notes sheet first, the dates real dates
# shown "mmmm yyyy"; the PDF a poster of cards, three to a row.


def tameside_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    document.add_paragraph("What we will do together, and when.")
    for section in plan["sections"]:
        document.add_heading(section["title"], level=2)
        for action in section["actions"]:
            document.add_paragraph(f"{action['title']} ({action['due_text']})", style="List Bullet")
    return saved_docx(document)


def tameside_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    notes = book.active
    notes.title = "Read me"
    notes["A1"] = "How to use this tracker"
    notes["A1"].font = Font(bold=True)
    notes["A2"] = "One row per key area. Dates are the month the change should be in place."
    sheet = book.create_sheet("Charter")
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    heading_row(sheet, 3, ["Key area", "What we will do", "When"], "7030A0")
    for offset, section in enumerate(plan["sections"]):
        action = section["actions"][0]
        due: Any = action["due_text"]
        if action.get("due"):
            year, month = (int(part) for part in action["due"].split("-"))
            due = datetime.datetime(year, month, 1)
        body_row(sheet, 4 + offset, [section["title"], action["title"], due])
        if isinstance(due, datetime.datetime):
            sheet.cell(row=4 + offset, column=3).number_format = "mmmm yyyy"
    for column, width in zip("ABC", (28, 80, 16), strict=True):
        sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


def tameside_pdf(plan: Doc) -> bytes:
    cards = "".join(
        f"<div class='card'><h3>{e(s['title'])}</h3><p>{e(s['actions'][0]['title'])}</p>"
        f"<p class='when'>{e(s['actions'][0]['due_text'])}</p></div>"
        for s in plan["sections"]
    )
    css = (
        "@page { size: A4 landscape; margin: 1.2cm; } .grid { display: flex; flex-wrap: wrap; }"
        ".card { width: 7.6cm; margin: 0 0.5cm 0.6cm 0; padding: 0.3cm; border: 1pt solid #7030A0;"
        " border-radius: 6pt; } .card h3 { color: #7030A0; margin-top: 0; }"
        ".when { font-weight: bold; }"
    )
    return printed_html(f"<h1>{e(plan['title'])}</h1><div class='grid'>{cards}</div>", css)


# Norfolk: the workstreams each in a Word text box under the programme's aim; in Excel each
# workstream's words broken over lines inside its cell (Alt+Enter); the PDF a web page of
# headings and paragraphs, saved as PDF with the browser's running header and footer.


def sentences(text: str) -> list[str]:
    parts, current = [], ""
    for word in text.split(" "):
        current = f"{current} {word}".strip()
        if word.endswith("."):
            parts.append(current)
            current = ""
    return parts + ([current] if current else [])


def norfolk_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    document.add_paragraph(plan.get("vision", ""))
    document.add_heading("Workstreams", level=2)
    for action in plan["sections"][0]["actions"]:
        text_box(document, [(f"Workstream {action['ref']}", True), (action["title"], False)],
                 int(action["ref"]))  # fmt: skip
    return saved_docx(document)


def norfolk_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Programme"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=13)
    heading_row(sheet, 3, ["Workstream", "What it is about"], "00558C")
    for offset, action in enumerate(plan["sections"][0]["actions"]):
        row = 4 + offset
        sheet.cell(row=row, column=1, value=int(action["ref"])).border = BOX
        cell = sheet.cell(row=row, column=2, value="\n".join(sentences(action["title"])))
        cell.alignment, cell.border = WRAP, BOX
        sheet.row_dimensions[row].height = 80
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 90
    return saved_xlsx(book)


def norfolk_pdf(plan: Doc) -> bytes:
    parts = "".join(
        f"<h3>Workstream {e(a['ref'])}</h3><p>{e(a['title'])}</p>"
        for a in plan["sections"][0]["actions"]
    )
    css = (
        "@page { size: A4; margin: 1.6cm 1.4cm;"
        " @top-left { content: '06/12/2026, 10:14'; font-size: 8pt; }"
        " @top-center { content: 'Local First Inclusion - Norfolk County Council';"
        " font-size: 8pt; }"
        " @bottom-left { content: 'https://www.norfolk.gov.uk/local-first-inclusion';"
        " font-size: 8pt; }"
        " @bottom-right { content: counter(page) '/' counter(pages); font-size: 8pt; } }"
    )
    body = f"<h1>{e(plan['title'])}</h1><p>{e(plan.get('vision'))}</p><h2>Workstreams</h2>{parts}"
    return printed_html(body, css)


# The blind half of this round: laid out after the rules above, and scored before any
# change made for them.

# Tower Hamlets: in Word, the decisions a table whose numbers are Word's own list numbering
# starting at 4 (not typed), the officer merged down the last column; in Excel, a decision
# log under a title block with the officer merged down; the PDF a decision sheet, each
# decision a heading "Decision 4" over labelled lines set as a definition list.


def tower_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading("Cabinet Decision", level=1)
    document.add_paragraph(plan["title"])
    document.add_paragraph("The Mayor in Cabinet is recommended:")
    num_id = numbered_list(document, [("decimal", "%1.")])
    root = document.part.numbering_part.element
    for num in root.findall(qn("w:num")):
        if num.get(qn("w:numId")) == num_id:
            num.append(
                parse_xml(
                    f'<w:lvlOverride xmlns:w="{W_NS}" w:ilvl="0">'
                    '<w:startOverride w:val="4"/></w:lvlOverride>'
                )
            )
    actions = plan["sections"][0]["actions"]
    table = document.add_table(rows=1 + len(actions), cols=3)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, ["No.", "Decision", "Officer"], strict=True):
        bold_cell(cell, head, "D9D9D9")
    for offset, action in enumerate(actions, start=1):
        cells = table.rows[offset].cells
        p_pr = cells[0].paragraphs[0]._p.get_or_add_pPr()
        p_pr.append(
            parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/>'
                "</w:numPr>"
            )
        )
        cells[1].text = action["title"]
    officer = table.rows[1].cells[2].merge(table.rows[-1].cells[2])
    officer.text = actions[0]["lead_text"]
    return saved_docx(document)


def tower_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Decision log"
    sheet.merge_cells("A1:C1")
    sheet["A1"] = "London Borough of Tower Hamlets – Cabinet"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A2:C2")
    sheet["A2"] = plan["title"]
    sheet["A3"], sheet["B3"] = "Meeting:", "Cabinet"
    sheet["A4"], sheet["B4"] = "Decision type:", "Key decision"
    heading_row(sheet, 6, ["Decision no.", "Decision", "Responsible officer"], "7F6000")
    actions = plan["sections"][0]["actions"]
    for offset, action in enumerate(actions):
        body_row(sheet, 7 + offset, [int(action["ref"]), action["title"], None])
    sheet["C7"] = actions[0]["lead_text"]
    sheet.merge_cells(start_row=7, end_row=6 + len(actions), start_column=3, end_column=3)
    for column, width in zip("ABC", (12, 80, 40), strict=True):
        sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


def tower_pdf(plan: Doc) -> bytes:
    parts = "".join(
        f"<h3>Decision {e(a['ref'])}</h3><dl><dt>Decision</dt><dd>{e(a['title'])}</dd>"
        f"<dt>Officer</dt><dd>{e(a['lead_text'])}</dd></dl>"
        for a in plan["sections"][0]["actions"]
    )
    css = "dt { font-weight: bold; float: left; width: 3cm; } dd { margin-left: 3.2cm; }"
    return printed_html(f"<h1>Cabinet Decision</h1><p>{e(plan['title'])}</p>{parts}", css)


# Bracknell Forest: in Word, a landscape table headed two rows deep ("Quarter 3 2023 to 2024"
# over "Status | Commentary"), the status a shaded cell with no word; in Excel, a notes
# sheet first, the due dates real dates shown "d mmmm yyyy", the commentary broken over
# lines in its cell; the PDF a table ruled only across.


def _bracknell_rows(plan: Doc) -> list[tuple[Doc, Doc]]:
    return [(a, a["updates"][0]) for a in plan["sections"][0]["actions"]]


_STATUS_FILL = {"Green": "00B050", "Amber": "FFC000", "Red": "FF0000"}


def bracknell_docx(plan: Doc) -> bytes:
    document = Document()
    landscape(document)
    document.add_heading("Council plan – performance", level=1)
    document.add_paragraph(f"Theme: {plan['sections'][0]['title']}")
    document.add_paragraph("Key: Green – progress is being made as per our planned schedule")
    table = document.add_table(rows=2, cols=6)
    table.style = "Table Grid"
    top, under = table.rows[0].cells, table.rows[1].cells
    for column, head in enumerate(["Ref", "Action", "Lead", "Due date"]):
        bold_cell(top[column].merge(under[column]), head, "DDEBF7")
    bold_cell(top[4].merge(top[5]), "Quarter 3 2023 to 2024", "DDEBF7")
    bold_cell(under[4], "Status", "DDEBF7")
    bold_cell(under[5], "Commentary", "DDEBF7")
    for action, update in _bracknell_rows(plan):
        cells = table.add_row().cells
        cells[0].text = action["ref"]
        cells[1].text = action["title"]
        cells[2].text = action["lead_text"]
        cells[3].text = action["due_text"]
        shade(cells[4], _STATUS_FILL[update["status"]])
        cells[5].text = update["narrative"]
    return saved_docx(document)


def bracknell_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    notes = book.active
    notes.title = "Notes"
    notes["A1"] = "Council plan monitoring – notes"
    notes["A2"] = "Green: progress is being made as per our planned schedule"
    sheet = book.create_sheet("Q3 2023-24")
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = "Quarter 3 2023 to 2024"
    heads = ["Ref", "Action", "Lead", "Due date", "Status", "Commentary"]
    heading_row(sheet, 4, heads, "375623")
    for offset, (action, update) in enumerate(_bracknell_rows(plan)):
        row = 5 + offset
        commentary = "\n".join(sentences(update["narrative"]))
        due = datetime.datetime(2024, 3, 31)
        values = [action["ref"], action["title"], action["lead_text"], due, update["status"]]
        body_row(sheet, row, [*values, commentary])
        sheet.cell(row=row, column=4).number_format = "d mmmm yyyy"
    for column, width in zip("ABCDEF", (10, 50, 30, 16, 10, 80), strict=True):
        sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


def bracknell_pdf(plan: Doc) -> bytes:
    heads = ["Ref", "Action", "Lead", "Due date", "Q3 status", "Q3 commentary"]
    lines = ["<tr>" + "".join(f"<th>{h}</th>" for h in heads) + "</tr>"]
    for action, update in _bracknell_rows(plan):
        cells = [action["ref"], action["title"], action["lead_text"], action["due_text"],
                 update["status"], update["narrative"]]  # fmt: skip
        lines.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    css = (
        "@page { size: A4 landscape; margin: 1.5cm; }"
        "table { border-collapse: collapse; width: 100%; }"
        "th, td { border-bottom: 0.8pt solid #375623; padding: 4pt; text-align: left;"
        " vertical-align: top; }"
    )
    return printed_html(f"<h2>{e(plan['title'])}</h2><table>{''.join(lines)}</table>", css)


Builder = Callable[[Doc], bytes]

LAYOUTS: dict[str, dict[str, Builder]] = {
    "cheshire-east-task-and-finish-report-undated": {
        "docx": cheshire_docx, "xlsx": cheshire_xlsx, "pdf": cheshire_pdf,
    },
    "swindon-workstreams-undated": {"docx": swindon_docx, "xlsx": swindon_xlsx, "pdf": swindon_pdf},
    "bath-and-north-east-somerset-improvement-plan-2003": {
        "docx": banes_docx, "xlsx": banes_xlsx, "pdf": banes_pdf,
    },
    "seslip-send-programme-2025": {"docx": seslip_docx, "xlsx": seslip_xlsx, "pdf": seslip_pdf},
    "tameside-coproduction-charter-2025": {
        "docx": tameside_docx, "xlsx": tameside_xlsx, "pdf": tameside_pdf,
    },
    "norfolk-local-first-inclusion-2023": {
        "docx": norfolk_docx, "xlsx": norfolk_xlsx, "pdf": norfolk_pdf,
    },
}  # fmt: skip

# Laid out after the round's rules, scored before any change made for them.
BLIND_HALF: dict[str, dict[str, Builder]] = {
    "tower-hamlets-send-strategy-decision-2018": {
        "docx": tower_docx, "xlsx": tower_xlsx, "pdf": tower_pdf,
    },
    "bracknell-forest-council-plan-2023": {
        "docx": bracknell_docx, "xlsx": bracknell_xlsx, "pdf": bracknell_pdf,
    },
}  # fmt: skip


def main() -> None:
    for slug, builders in {**LAYOUTS, **BLIND_HALF}.items():
        plan = reference(slug)
        for form, build in builders.items():
            (REAL / slug / f"plan.{form}").write_bytes(build(plan))
            print(f"{slug}/plan.{form}")


if __name__ == "__main__":
    main()
