"""Word, Excel and PDF versions of three plans of the real corpus (M–Z), laid out as councils do.

The text in each folder (source.txt) is the real excerpt; these files carry the same content as
an area would circulate it: a landscape Word document with the plan's title as a heading, one
table whose heading row repeats on every page and whose section rows are merged across the
table; an Excel workbook with a title row, a heading row and one row per action, sections as
merged rows, and rating cells filled in colour; and a PDF printed from the Word file with
LibreOffice (``soffice --headless --convert-to pdf``), as councils make theirs.

The same expected.plan.json applies to every format: the files hold the words of the excerpt
and nothing else (cells the excerpt cut off stay empty).

Run: .venv/bin/python -m sendplan.interchange.tests.corpus.build_real_b
LibreOffice is needed only to make the PDFs; without it the Word and Excel files are still
written and the PDFs are left as they are.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Font, PatternFill

from sendplan.interchange.tests.corpus import print_to_pdf

HERE = Path(__file__).resolve().parent / "real"
Doc = dict[str, Any]

# What a cell of one column holds for an action.
Cell = Callable[[Doc], str]


@dataclass(frozen=True)
class Layout:
    slug: str
    subtitle: str  # the line under the title, as the plan has it
    columns: list[tuple[str, Cell]]  # heading, cell
    widths: list[float]  # Word column widths in cm


def _update(action: Doc, period: str) -> Doc:
    return next((u for u in action.get("updates", []) if u["period"] == period), {})


def _status(period: str) -> Cell:
    return lambda action: _update(action, period).get("status", "")


def _measures(action: Doc) -> str:
    return " ".join(m["text"] for m in action.get("measures", []))


# Words that the York excerpt gives in its "Outcomes" column, which the format has no field
# for; the files print them where the plan does. Keyed by the action's text.
YORK_OUTCOMES = {
    "WSoA is produced": (
        "Leaders in the Clinical Commissioning Group (CCG) and City of York Council (CYC) will"
        " have greater assurance and oversight on performance, practice, standards and delivery"
        " of the strategic priorities of Special Educational Needs and Disabilities (SEND) in"
        " York."
    ),
    "Co-produce and implement": (
        "An outcomes based framework is used by the CCG and CYC to increase joint"
        " accountability, demonstrate impact of all commissioned services and drive forward"
        " continual improvement in York."
    ),
    "(A) External": (
        "There is an agreed model for co-production in York across in the Clinical"
        " Commissioning Group (CCG), City of York Council (CYC) and children, young people and"
        " parent carer groups."
    ),
    "(B) Establishment": (
        "There is an agreed model for co-production in York across in the CCG, CYC and"
        " children, young people and parent carer groups."
    ),
    "Co-produce a quality": (
        "All Education, Health and Care Plans (EHCP) for children and young people in York are"
        " compliant and of a consistently high standard and quality."
    ),
}


def _york_outcome(action: Doc) -> str:
    return next((v for k, v in YORK_OUTCOMES.items() if action["title"].startswith(k)), "")


YORK_PERIODS = [
    "RAG May 20", "RAG August 20", "RAG November 20", "RAG February 21", "RAG May 21",
    "RAG July 21", "RAG September 21", "RAG December 21", "RAG August 22",
]  # fmt: skip

LAYOUTS = [
    Layout(
        "york-wsoa-2020",
        "City of York Council and NHS Vale of York Clinical Commissioning Group",
        [
            ("Number", lambda a: a.get("ref", "")),
            ("Outcomes", _york_outcome),
            ("Action", lambda a: a["title"]),
            ("Start date", lambda a: a.get("starts_text", "")),
            ("End date", lambda a: a.get("due_text", "")),
            ("Lead", lambda a: a.get("lead_text", "")),
            ("Measures of success", _measures),
            ("Evidence and impact", lambda a: a.get("evidence_of_impact", "")),
        ]
        + [(p, _status(p)) for p in YORK_PERIODS],
        [1.3, 2.2, 3.4, 1.3, 1.3, 1.5, 3.3, 2.5] + [1.15] * 9,
    ),
    Layout(
        "stockport-improvement-2021",
        "Stockport SEND improvement journey",
        [
            ("No.", lambda a: a.get("ref", "")),
            ("Action", lambda a: a["title"]),
            ("March 2021", lambda a: _update(a, "March 2021").get("narrative", "")),
        ],
        [1.2, 7.0, 19.0],
    ),
    Layout(
        "wirral-pap-2025",
        "Wirral Local Area SEND Partnership",
        [("What we are going to do", lambda a: a["title"])],
        [27.2],
    ),
]

# Fills for the York rating words (the plan prints them in colour; no key is published).
RATING_FILLS = {
    "Started but delayed": "FFC000",
    "Progressing but delayed": "FFC000",
    "Progressing and on track": "92D050",
    "Completed": "00B050",
    "Embedded": "00B0F0",
}


def _rows(plan: Doc) -> list[tuple[str, Any]]:
    """("section", section) and ("action", action) rows in reading order."""
    out: list[tuple[str, Any]] = []

    def add(section: Doc) -> None:
        out.append(("section", section))
        for action in section.get("actions", []):
            out.append(("action", action))
        for child in section.get("sections", []):
            add(child)

    for section in plan["sections"]:
        add(section)
    return out


def section_label(section: Doc) -> str:
    level, ref = section.get("level"), section.get("ref")
    head = " ".join(part for part in (level, ref) if part)
    return f"{head}: {section['title']}" if head else section["title"]


# Word


def _repeat_heading(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _shade(cell: Any, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _write(cell: Any, text: str, *, bold: bool = False, size: float = 7) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def build_docx(plan: Doc, layout: Layout) -> bytes:
    document = docx.Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(1.2))
    document.add_heading(plan["title"], level=1)
    document.add_paragraph(layout.subtitle)
    if plan.get("status_scale") and not layout.slug.startswith("york"):
        key = ", ".join(f"{s['code']} – {s['label']}" for s in plan["status_scale"])
        document.add_paragraph(f"Key: {key}")

    table = document.add_table(rows=1, cols=len(layout.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(fixed)
    for column, width in zip(table.columns, layout.widths, strict=True):
        column.width = Cm(width)
    heading = table.rows[0]
    _repeat_heading(heading)
    for cell, (name, _), width in zip(heading.cells, layout.columns, layout.widths, strict=True):
        _write(cell, name, bold=True)
        _shade(cell, "D9D9D9")
        cell.width = Cm(width)
    for kind, item in _rows(plan):
        row = table.add_row()
        if kind == "section":
            merged = row.cells[0].merge(row.cells[-1])
            _write(merged, section_label(item), bold=True, size=8)
            _shade(merged, "DEEAF6")
            continue
        for cell, (_, value), width in zip(row.cells, layout.columns, layout.widths, strict=True):
            text = value(item)
            _write(cell, text)
            cell.width = Cm(width)
            if text in RATING_FILLS:
                _shade(cell, RATING_FILLS[text])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# Excel


def build_xlsx(plan: Doc, layout: Layout) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    width = len(layout.columns)
    sheet.cell(row=1, column=1, value=plan["title"]).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(row=2, column=1, value=layout.subtitle)
    for col, (name, _) in enumerate(layout.columns, start=1):
        cell = sheet.cell(row=4, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    row = 5
    for kind, item in _rows(plan):
        if kind == "section":
            cell = sheet.cell(row=row, column=1, value=section_label(item))
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DEEAF6")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        else:
            for col, (_, value) in enumerate(layout.columns, start=1):
                text = value(item)
                cell = sheet.cell(row=row, column=col, value=text or None)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if text in RATING_FILLS:
                    cell.fill = PatternFill("solid", fgColor=RATING_FILLS[text])
        row += 1
    for col, cm in enumerate(layout.widths, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(col)].width = max(8, cm * 5)
    sheet.freeze_panes = "A5"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# PDF


def main() -> None:
    for layout in LAYOUTS:
        folder = HERE / layout.slug
        plan = json.loads((folder / "expected.plan.json").read_text(encoding="utf-8"))["plan"]
        (folder / "plan.docx").write_bytes(build_docx(plan, layout))
        (folder / "plan.xlsx").write_bytes(build_xlsx(plan, layout))
        (folder / "plan.pdf").write_bytes(print_to_pdf(folder / "plan.docx"))
        print(f"{layout.slug}: plan.docx, plan.xlsx, plan.pdf")


if __name__ == "__main__":
    main()
