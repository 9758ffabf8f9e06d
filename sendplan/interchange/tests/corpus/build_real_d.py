"""Round 15: six real plans that had only their text, laid out as Word, Excel and PDF files in
the ways councils commonly circulate such plans, each layout unlike the others and unlike the
earlier rounds' (see corpus/real/ROUND15-office.md).

Each file is made from the plan entered by hand from the published text (expected.plan.json),
so that it carries the same words; which layout is the project's own, not the council's.
The PDFs are printed by LibreOffice from a Word file, as councils print theirs.

Run from the repository root: .venv/bin/python -m sendplan.interchange.tests.corpus.build_real_d
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from sendplan.interchange.tests.corpus import print_to_pdf

REAL = Path(__file__).resolve().parent / "real"

Doc = dict[str, Any]


# Reading the reference


def reference(slug: str) -> Doc:
    plan: Doc = json.loads((REAL / slug / "expected.plan.json").read_text(encoding="utf-8"))["plan"]
    return plan


def sections(plan: Doc) -> Iterator[Doc]:
    def walk(items: list[Doc]) -> Iterator[Doc]:
        for item in items:
            yield item
            yield from walk(item.get("sections", []))

    yield from walk(plan["sections"])


def completed(action: Doc) -> str:
    updates = action.get("updates") or []
    return str(updates[0].get("narrative", "")) if updates else ""


def measure(action: Doc) -> str:
    return "; ".join(m["text"] for m in action.get("measures", []))


# Word helpers


def shade(cell: Any, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    properties.append(fill)


def repeat_as_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def bold_cell(cell: Any, text: str, colour: str | None = None) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = True
    if colour:
        shade(cell, colour)


def landscape(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.8)


def saved_docx(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def printed(docx_bytes: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        path.write_bytes(docx_bytes)
        return print_to_pdf(path)


def saved_xlsx(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def heading_row(sheet: Any, row: int, heads: list[str], colour: str = "1F4E79") -> None:
    for column, head in enumerate(heads, start=1):
        cell = sheet.cell(row=row, column=column, value=head)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.border = BOX
        cell.alignment = WRAP


def body_row(sheet: Any, row: int, values: list[Any]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value or None)
        cell.border = BOX
        cell.alignment = WRAP


# Tamworth: a landscape Word table, shaded title row over "What we will do / Who / By when /
# How we will know / Completed", both repeated on every page; the PDF printed from it. The
# workbook has a "Last updated" line between the title and the headings.


def tamworth_docx(plan: Doc) -> bytes:
    document = Document()
    landscape(document)
    document.add_paragraph("Tamworth Borough Council").runs[0].bold = True
    document.add_paragraph(plan["title"])
    actions = [a for s in sections(plan) for a in s.get("actions", [])]
    heads = ["What we will do", "Who", "By when", "How we will know", "Completed"]
    table = document.add_table(rows=2, cols=len(heads))
    table.style = "Table Grid"
    title = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
    bold_cell(title, "Diversity and Equality Scheme – actions", "D9E2F3")
    for cell, head in zip(table.rows[1].cells, heads, strict=True):
        bold_cell(cell, head, "D9D9D9")
    repeat_as_header(table.rows[0])
    repeat_as_header(table.rows[1])
    for action in actions:
        cells = table.add_row().cells
        cells[0].text = action["title"]
        cells[1].text = action.get("lead_text", "")
        cells[2].text = action.get("due_text", "")
        cells[3].text = measure(action)
        cells[4].text = completed(action)
    return saved_docx(document)


def tamworth_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Last updated: 20 January 2016"
    sheet["A2"].font = Font(italic=True)
    heads = ["Action", "Responsible officer", "By when", "Outcome", "Completed"]
    heading_row(sheet, 4, heads)
    row = 5
    for section in sections(plan):
        for action in section.get("actions", []):
            body_row(
                sheet,
                row,
                [action["title"], action.get("lead_text"), action.get("due_text"),
                 measure(action), completed(action)],
            )  # fmt: skip
            row += 1
    for column, width in zip("ABCDE", (60, 18, 26, 40, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A5"
    return saved_xlsx(book)


# DH, Think autism: in Word, each action a numbered heading with a two-column "Lead |
# Timescale" table beneath it; in Excel, a title under a logo row, the headings on row 4; the
# PDF printed from a Word file of headings and bulleted "Action: / Lead: / Date:" lines.


def dh_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    document.add_paragraph("Actions and who will deliver them")
    for action in plan["sections"][0]["actions"]:
        document.add_heading(f"{action['ref']}. {action['title']}", level=2)
        table = document.add_table(rows=2, cols=2)
        table.style = "Table Grid"
        bold_cell(table.rows[0].cells[0], "Lead", "E7E6E6")
        bold_cell(table.rows[0].cells[1], "Timescale", "E7E6E6")
        table.rows[1].cells[0].text = action.get("lead_text", "")
        table.rows[1].cells[1].text = action.get("due_text", "")
        document.add_paragraph("")
    return saved_docx(document)


def dh_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.row_dimensions[1].height = 48  # where the department's logo sits
    sheet["A1"] = "Department of Health"
    sheet["A1"].font = Font(bold=True, size=16, color="00703C")
    sheet["A2"] = plan["title"]
    sheet["A2"].font = Font(bold=True, size=13)
    heading_row(sheet, 4, ["No.", "Action", "Lead", "Timescale"], "00703C")
    for offset, action in enumerate(plan["sections"][0]["actions"]):
        body_row(
            sheet,
            5 + offset,
            [int(action["ref"]), action["title"], action.get("lead_text"),
             action.get("due_text")],
        )  # fmt: skip
    for column, width in zip("ABCD", (6, 70, 40, 22), strict=True):
        sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


def dh_pdf(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    for action in plan["sections"][0]["actions"]:
        document.add_heading(f"Action {action['ref']}", level=2)
        for label, value in (
            ("Action", action["title"]),
            ("Lead", action.get("lead_text", "")),
            ("Date", action.get("due_text", "")),
        ):
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
    return printed(saved_docx(document))


# Cumberland: a Word table for each priority, its shaded title row merged across over one
# column "We want"; in Excel a sheet per priority under a logo row and the priority's title,
# headings on row 4, lead and timescale columns left blank for the board to fill; the PDF
# printed from the Word file.


def cumberland_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    document.add_paragraph(plan.get("governance", ""))
    for section in plan["sections"]:
        table = document.add_table(rows=2, cols=2)
        table.style = "Table Grid"
        title = table.rows[0].cells[0].merge(table.rows[0].cells[1])
        bold_cell(title, f"Priority {section['ref']}: {section['title']}", "C5E0B3")
        bold_cell(table.rows[1].cells[0], "We want")
        bold_cell(table.rows[1].cells[1], "How we will know")
        for action in section["actions"]:
            cells = table.add_row().cells
            cells[0].text = action["title"]
        document.add_paragraph("")
    return saved_docx(document)


def cumberland_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for section in plan["sections"]:
        sheet = book.create_sheet(f"Priority {section['ref']}")
        sheet.row_dimensions[1].height = 40
        sheet["A1"] = "Cumberland Council"
        sheet["A1"].font = Font(bold=True, size=16)
        sheet["A2"] = f"Priority {section['ref']}: {section['title']}"
        sheet["A2"].font = Font(bold=True, size=13)
        heading_row(sheet, 4, ["We want", "Lead", "Timescale", "Progress"], "375623")
        for offset, action in enumerate(section["actions"]):
            body_row(sheet, 5 + offset, [action["title"], None, None, None])
        for column, width in zip("ABCD", (70, 20, 16, 40), strict=True):
            sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


# Salford: a plain numbered list of key objectives in a two-column Word table, its heading row
# shaded; in Excel a tracker whose first column is the heading merged down its rows; the PDF
# printed from a landscape Word table.


def salford_docx(plan: Doc, *, wide: bool = False) -> bytes:
    document = Document()
    if wide:
        landscape(document)
    document.add_paragraph("Salford City Council – Education and Leisure").runs[0].bold = True
    document.add_heading(plan["title"], level=1)
    section = plan["sections"][0]
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, head in zip(
        table.rows[0].cells, ["No.", section["title"], "Lead officer"], strict=True
    ):
        bold_cell(cell, head, "BDD7EE")
    for action in section["actions"]:
        cells = table.add_row().cells
        cells[0].text = action["ref"]
        cells[1].text = action["title"]
    return saved_docx(document)


def salford_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Objectives"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    heading_row(sheet, 3, ["Area", "Ref", "Objective", "Lead", "Target date"], "2F5496")
    section = plan["sections"][0]
    first = 4
    for offset, action in enumerate(section["actions"]):
        body_row(sheet, first + offset, [None, action["ref"], action["title"], None, None])
    last = first + len(section["actions"]) - 1
    sheet.cell(row=first, column=1, value=section["title"]).alignment = Alignment(
        vertical="center", text_rotation=90
    )
    sheet.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
    for column, width in zip("ABCDE", (8, 6, 80, 20, 14), strict=True):
        sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


# Camden: a Word table "What we will do / By when" under the year's heading; an Excel tracker
# with a "Last updated" row above the headings and the theme merged down the first column;
# the PDF printed from a Word file of the heading (which carries the date) and a bulleted list.


def camden_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    section = plan["sections"][0]
    document.add_heading(section["title"], level=2)
    table = document.add_table(rows=1, cols=2)
    table.style = "Light Grid Accent 1"
    for cell, head in zip(table.rows[0].cells, ["What we will do", "By when"], strict=True):
        bold_cell(cell, head)
    for action in section["actions"]:
        cells = table.add_row().cells
        cells[0].text = action["title"]
        cells[1].text = action.get("due_text", "")
    return saved_docx(document)


def camden_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Year 3"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Last updated"
    sheet["B2"] = "March 2025"
    heading_row(sheet, 4, ["Theme", "What we will do", "By when", "Update"], "7030A0")
    section = plan["sections"][0]
    for offset, action in enumerate(section["actions"]):
        body_row(sheet, 5 + offset, [None, action["title"], action.get("due_text"), None])
    sheet.cell(row=5, column=1, value=section["title"]).alignment = WRAP
    sheet.merge_cells(start_row=5, start_column=1, end_row=4 + len(section["actions"]),
                      end_column=1)  # fmt: skip
    for column, width in zip("ABCD", (22, 80, 18, 30), strict=True):
        sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


def camden_pdf(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    section = plan["sections"][0]
    document.add_heading(section["title"], level=2)
    for action in section["actions"]:
        document.add_paragraph(style="List Bullet").add_run(action["title"])
    return printed(saved_docx(document))


# Derby: in Word, numbered headings for the four areas, each followed by its statements as
# bullets; in Excel, a sheet per area under a logo row and title, headings on row 4; the PDF
# printed from a landscape Word table with each area a shaded row merged across.


def derby_docx(plan: Doc) -> bytes:
    document = Document()
    document.add_heading(plan["title"], level=1)
    document.add_paragraph(plan.get("vision", ""))
    for number, section in enumerate(plan["sections"], start=1):
        document.add_heading(f"{number}. {section['title']}", level=2)
        document.add_paragraph("What this will look like:")
        for action in section["actions"]:
            document.add_paragraph(action["title"], style="List Bullet")
    return saved_docx(document)


def derby_xlsx(plan: Doc) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for number, section in enumerate(plan["sections"], start=1):
        sheet = book.create_sheet(f"Area {number}")
        sheet.row_dimensions[1].height = 44
        sheet["A1"] = "Derby City Council"
        sheet["A1"].font = Font(bold=True, size=16)
        sheet["A2"] = section["title"]
        sheet["A2"].font = Font(bold=True, size=13)
        heading_row(sheet, 4, ["What this will look like", "Lead", "Evidence"], "203864")
        for offset, action in enumerate(section["actions"]):
            body_row(sheet, 5 + offset, [action["title"], None, None])
        for column, width in zip("ABC", (80, 20, 40), strict=True):
            sheet.column_dimensions[column].width = width
    return saved_xlsx(book)


def derby_pdf(plan: Doc) -> bytes:
    document = Document()
    landscape(document)
    document.add_heading(plan["title"], level=1)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    bold_cell(table.rows[0].cells[0], "What this will look like", "D9D9D9")
    bold_cell(table.rows[0].cells[1], "Lead", "D9D9D9")
    repeat_as_header(table.rows[0])
    for section in plan["sections"]:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[1])
        bold_cell(merged, section["title"], "FBE4D5")
        for action in section["actions"]:
            table.add_row().cells[0].text = action["title"]
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(11)
    return printed(saved_docx(document))


Builder = Callable[[Doc], bytes]

LAYOUTS: dict[str, dict[str, Builder]] = {
    "tamworth-equality-plan-2015": {
        "docx": tamworth_docx,
        "xlsx": tamworth_xlsx,
        "pdf": lambda plan: printed(tamworth_docx(plan)),
    },
    "dh-think-autism-actions-2014": {"docx": dh_docx, "xlsx": dh_xlsx, "pdf": dh_pdf},
    "cumberland-strategy-2025": {
        "docx": cumberland_docx,
        "xlsx": cumberland_xlsx,
        "pdf": lambda plan: printed(cumberland_docx(plan)),
    },
    "salford-sen-inclusion-strategy-2002": {
        "docx": salford_docx,
        "xlsx": salford_xlsx,
        "pdf": lambda plan: printed(salford_docx(plan, wide=True)),
    },
    "camden-implementation-2025": {"docx": camden_docx, "xlsx": camden_xlsx, "pdf": camden_pdf},
    "derby-strategy-undated": {"docx": derby_docx, "xlsx": derby_xlsx, "pdf": derby_pdf},
}


def main() -> None:
    for slug, builders in LAYOUTS.items():
        plan = reference(slug)
        for form, build in builders.items():
            (REAL / slug / f"plan.{form}").write_bytes(build(plan))
            print(f"{slug}/plan.{form}")


if __name__ == "__main__":
    main()
