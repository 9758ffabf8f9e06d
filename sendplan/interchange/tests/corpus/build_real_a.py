"""Word, Excel and PDF files for three plans of the real corpus (councils A-L), laid out as a
council would publish or circulate them.

Run from the repository root: .venv/bin/python -m sendplan.interchange.tests.corpus.build_real_a

The cells hold the words of each plan's excerpt (source.txt beside the files), so the plan
entered by hand from the excerpt (expected.plan.json) applies to the files too. The Word file
is a landscape document with the title as a heading and one real table whose heading row
repeats on every page; section rows are merged across the table. The Excel file has a title
row, a heading row and one row per action, with section rows merged across and ratings filled
in colour. The PDF is made from the Word file the way councils make theirs, with LibreOffice
(`soffice --headless --convert-to pdf`); LibreOffice is only needed to make the files, never
by the tests, and the files are committed.

The plans: Lancashire's joint SEND commissioning action plan (2024) and Lancashire's annual
delivery plan (2008/09), and the Isle of Wight's Joint Area Review action plan (2006).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import openpyxl
import openpyxl.styles
import openpyxl.utils
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from sendplan.interchange.tests.corpus import print_to_pdf

REAL = Path(__file__).resolve().parent / "real"

# The files' times, fixed so that building twice gives the same Word and Excel files.
STAMP = dt.datetime(2026, 12, 4, 9, 0, 0)

FILLS = {"G": "92D050", "A": "FFC000", "R": "FF0000", "Work in progress": "FFE699"}


def _stable(data: bytes) -> bytes:
    """The Office file with fixed times inside, so that building twice gives the same bytes."""
    out = io.BytesIO()
    stamp = STAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), body
                )
            info = zipfile.ZipInfo(item.filename, date_time=STAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, body)
    return out.getvalue()


# Word


def _landscape(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def _new_document(title: str, lines: Sequence[str] = ()) -> Any:
    document = docx.Document()
    document.core_properties.created = STAMP
    document.core_properties.modified = STAMP
    document.core_properties.author = "sendplan corpus builder"
    _landscape(document)
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    document.add_heading(title, level=1)
    for line in lines:
        document.add_paragraph(line)
    return document


def _repeat_heading(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell: Any, hex_colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_colour)
    properties.append(shading)


def _write(cell: Any, text: str | Sequence[str], bold: bool = False) -> None:
    """The cell's text, one paragraph per item when given several."""
    paragraphs = [text] if isinstance(text, str) else list(text)
    cell.text = paragraphs[0] if paragraphs else ""
    for extra in paragraphs[1:]:
        cell.add_paragraph(extra)
    if bold:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


def _table(document: Any, heads: Sequence[str], widths: Sequence[float]) -> Any:
    table = document.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        _write(cell, head, bold=True)
        _shade(cell, "D9E2F3")
    _repeat_heading(table.rows[0])
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    return table


def _fit(table: Any, widths: Sequence[float]) -> None:
    """Every cell as wide as its column (Word reads the cells, LibreOffice the grid)."""
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _section_row(table: Any, text: str) -> None:
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    _write(merged, text, bold=True)
    _shade(merged, "1F4E79")
    for run in merged.paragraphs[0].runs:
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _row(
    table: Any, values: Sequence[str | Sequence[str]], rating_column: int | None = None
) -> Any:
    row = table.add_row()
    for cell, value in zip(row.cells, values, strict=True):
        _write(cell, value)
    if rating_column is not None:
        value = values[rating_column]
        if isinstance(value, str) and value in FILLS:
            _shade(row.cells[rating_column], FILLS[value])
    return row


def _docx_bytes(document: Any) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        document.save(path)
        return _stable(path.read_bytes())


# Excel


def _new_book(title: str) -> tuple[Any, Any]:
    book = openpyxl.Workbook()
    book.properties.created = STAMP
    book.properties.modified = STAMP
    book.properties.creator = "sendplan corpus builder"
    sheet = book.active
    sheet.title = "Action plan"
    sheet.cell(row=1, column=1, value=title).font = openpyxl.styles.Font(bold=True, size=14)
    return book, sheet


def _heading_row(sheet: Any, row: int, heads: Sequence[str], widths: Sequence[float]) -> None:
    fill = openpyxl.styles.PatternFill("solid", start_color="D9E2F3")
    for column, (head, width) in enumerate(zip(heads, widths, strict=True), start=1):
        cell = sheet.cell(row=row, column=column, value=head)
        cell.font = openpyxl.styles.Font(bold=True)
        cell.fill = fill
        cell.alignment = openpyxl.styles.Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)


def _merged_row(sheet: Any, row: int, columns: int, text: str) -> None:
    cell = sheet.cell(row=row, column=1, value=text)
    cell.font = openpyxl.styles.Font(bold=True, color="FFFFFF")
    cell.fill = openpyxl.styles.PatternFill("solid", start_color="1F4E79")
    sheet.merge_cells(start_row=row, end_row=row, start_column=1, end_column=columns)


def _values_row(
    sheet: Any, row: int, values: Sequence[str], rating_column: int | None = None
) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value or None)
        cell.alignment = openpyxl.styles.Alignment(wrap_text=True, vertical="top")
    if rating_column is not None and values[rating_column] in FILLS:
        colour = FILLS[values[rating_column]]
        sheet.cell(row=row, column=rating_column + 1).fill = openpyxl.styles.PatternFill(
            "solid", start_color=colour
        )


def _xlsx_bytes(book: Any) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        book.save(path)
        return _stable(path.read_bytes())


# Lancashire: Joint SEND Commissioning Appendix 1 (2024)

LANCS24_TITLE = "Joint SEND Commissioning Appendix 1: Lancashire Action Plan"
LANCS24_HEADS = ["Action", "Target Date", "Lead", "What does success look like?", "Status"]
LANCS24_WIDTHS = [8.0, 3.0, 3.5, 9.0, 3.0]
LANCS24_ROWS = [
    ["Refresh the SEND JSNA", "31 July 2024", "LA and ICB",
     "Refreshed joint evidence base to inform future joint commissioning.", "Work in progress"],
    ["Further strengthen our partnership approach to participation and co-production with "
     "children, young people and their families", "31 March 2025", "LA and ICB",
     "We co-produce with children, young people and their families as our default starting "
     "point. We listen, hear and understand each other, as well as giving and receiving "
     "meaningful updates.", "Work in progress"],
    ["Strengthen the multi-agency use of data through the continued development of shared data "
     "dashboard", "31 October 2024", "LA and ICB",
     "Partners have a shared understanding of performance.", "Work in progress"],
    ["Continue to strengthen the SEND Local Offer", "31 March 2025", "LA",
     "Recommissioned ICT solution promotes further join up of information across all partners.",
     "Work in progress"],
    ["Continued development of Family Hubs Networks in Lancashire", "Ongoing",
     "LA with support from health",
     "Support is available for all stages of family life, from pregnancy through to 19 years old "
     "or 25 for those with special educational needs and disabilities (SEND).", "Work in progress"],
    ["Continued strengthening of the Break Time offer and provision of inclusive leisure "
     "activities", "Ongoing", "LA with support from all partners",
     "More parent / carers able to access a break from caring.", "Work in progress"],
    ["Ensure sufficient school places to meet the needs to children and young people with "
     "additional needs", "Ongoing", "LA with support from all partners",
     "Children and young people have access to education", "Work in progress"],
    ["Implement the graduated response to speech and language", "Ongoing",
     "ICB with support from all partners",
     "Improved communication outcomes by supporting parents, adapting environments, developing "
     "the workforce, identifying needs, and providing appropriate interventions.",
     "Work in progress"],
]  # fmt: skip


def lancs24_docx() -> bytes:
    document = _new_document(LANCS24_TITLE)
    table = _table(document, LANCS24_HEADS, LANCS24_WIDTHS)
    for values in LANCS24_ROWS:
        _row(table, values, rating_column=4)
    _fit(table, LANCS24_WIDTHS)
    return _docx_bytes(document)


def lancs24_xlsx() -> bytes:
    book, sheet = _new_book(LANCS24_TITLE)
    _heading_row(sheet, 3, LANCS24_HEADS, [50, 16, 24, 60, 18])
    for row, values in enumerate(LANCS24_ROWS, start=4):
        _values_row(sheet, row, values, rating_column=4)
    return _xlsx_bytes(book)


# Lancashire: Annual Delivery Plan 2008/09, corporate commitments

LANCS08_TITLE = "Annual Delivery Plan 2008/09"
LANCS08_HEADS = ["Ref", "Milestone", "Directorate", "Owner", "Current Status",
                 "Current Commentary", "What are the prospects for the future?"]  # fmt: skip
LANCS08_WIDTHS = [1.8, 8.0, 3.2, 2.6, 2.0, 5.0, 4.0]
LANCS08_DIRECTORATE = "PU partnerships & localities"
LANCS08_ROWS: list[tuple[str, list[str]]] = [
    ("section", ["CC1 Accessible, high quality, value-for-money services which meet your needs"]),
    ("row", ["CC1.1", "Transforming local government in Lancashire", "OCE", "Mike", "", "", ""]),
    ("row", ["C1.1.1", "Making sure governance structures for Team Lancashire are in place and "
             "operating effectively by June 2008", LANCS08_DIRECTORATE, "Jerry Smith", "G",
             "Governance structures agreed and in place.", ""]),
    ("row", ["C1.1.2", "Agreeing themes for service improvement and efficiencies (shared services) "
             "for Team Lancashire by July 2008", LANCS08_DIRECTORATE, "Jerry Smith", "G",
             "SRIES adopted providing Team Lancashire's shared services agenda 2008-11.", ""]),
    ("row", ["C1.1.3", "Calculating potential efficiency savings arising from shared services for "
             "the county council by August 2008", LANCS08_DIRECTORATE, "Jerry Smith", "A", "", ""]),
]  # fmt: skip


def lancs08_docx() -> bytes:
    document = _new_document(LANCS08_TITLE, ["Corporate Commitments"])
    table = _table(document, LANCS08_HEADS, LANCS08_WIDTHS)
    for kind, values in LANCS08_ROWS:
        if kind == "section":
            _section_row(table, values[0])
        else:
            _row(table, values, rating_column=4)
    _fit(table, LANCS08_WIDTHS)
    return _docx_bytes(document)


def lancs08_xlsx() -> bytes:
    book, sheet = _new_book(f"{LANCS08_TITLE} - Corporate Commitments")
    _heading_row(sheet, 3, LANCS08_HEADS, [10, 60, 22, 16, 10, 40, 30])
    for row, (kind, values) in enumerate(LANCS08_ROWS, start=4):
        if kind == "section":
            _merged_row(sheet, row, len(LANCS08_HEADS), values[0])
        else:
            _values_row(sheet, row, values, rating_column=4)
    return _xlsx_bytes(book)


# Isle of Wight: Joint Area Review action plan (2006)

IOW_TITLE = "THE ISLE OF WIGHT JOINT AREA REVIEW ACTION PLAN"
IOW_LINES = ["Last updated 16:00 25th September 2006: Version 0.10",
             "Final copy to be completed by 20th November 2006"]  # fmt: skip
IOW_ISSUE = "Issue 1: Agree and implement a school improvement strategy with schools"
IOW_OUTCOMES = "Outcomes: significantly improved performance of all the Island’s schools"
IOW_MEASURES = [
    "Measures of Success",
    "meet LAA targets for achievement :",
    "July 2007 : KS2 - 78% Eng; 74% Maths; KS3 - 69% Eng; 74% Maths; KS4 - 49% 5A*-C",
    "July 2008 : KS2 – 80% Eng; 78% Maths; KS3 – 72% Eng; 76% Maths; KS4 – 53% 5A*-C",
    "July 2009 : KS2 – 82% Eng; 80% Maths; KS3 – 74% Eng; 78% Maths; KS4 – 57% 5A*-C",
    "Reduce number of schools identified as Cause for Concern – from 19 (27%) at February 2006 "
    "to target of 10 (14%) at October 2006; 6 (8%) at July 2007; 3 (4%) at October 2007; and 0 "
    "at July 2008",
]
IOW_HEADS = ["Actions", "Date", "Who", "Outputs", "Resources"]
IOW_WIDTHS = [6.5, 2.0, 5.0, 7.0, 6.0]
IOW_WHO = ["Council", "Rose Ward, pending arrival of new Head of School Improvement and Learning "
           "Effectiveness"]  # fmt: skip
IOW_RESOURCES = [
    "Link Inspector team", "Primary Strategy Team", "Secondary Strategy Team",
    "Council and Children’s Trust management teams", "Special Educational Needs teams",
    "Through the Roof project:", "Partner schools", "Partner authorities",
    "National strategy teams", "NCSL", "Specialist Schools Trust",
]  # fmt: skip
IOW_ACTIONS = [
    ("1. strengthen and improve leadership and management",
     "secure leadership teams in every school with the competence and capability to drive up "
     "standards"),
    ("2. strengthen and improve self-evaluation",
     "accurate, evidence-based self-evaluations in every school which provide secure analysis of "
     "development needs"),
    ("3. strengthen and improve teaching and learning",
     "at least good teaching in every class and subject"),
]  # fmt: skip


def iow_docx() -> bytes:
    document = _new_document(IOW_TITLE, IOW_LINES)
    table = _table(document, IOW_HEADS, IOW_WIDTHS)
    _section_row(table, IOW_ISSUE)
    for text in (IOW_OUTCOMES, IOW_MEASURES):
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        _write(merged, text)
    first = len(table.rows)
    for action, output in IOW_ACTIONS:
        _row(table, [action, "", "", output, ""])
    last = len(table.rows) - 1
    # The Who and Resources cells merged down over the issue's actions, as in the original.
    for column, text in ((2, IOW_WHO), (4, IOW_RESOURCES)):
        merged = table.cell(first, column).merge(table.cell(last, column))
        _write(merged, text)
    return _docx_bytes(document)


def iow_xlsx() -> bytes:
    book, sheet = _new_book(IOW_TITLE)
    sheet.cell(row=2, column=1, value=IOW_LINES[0])
    heads = ["Issue", "Outcomes", *IOW_HEADS]
    _heading_row(sheet, 4, heads, [40, 30, 45, 10, 40, 50, 45])
    first = 5
    for row, (action, output) in enumerate(IOW_ACTIONS, start=first):
        _values_row(sheet, row, ["", "", action, "", "", output, ""])
    last = first + len(IOW_ACTIONS) - 1
    sheet.cell(row=first, column=1, value=IOW_ISSUE)
    sheet.cell(row=first, column=2, value=IOW_OUTCOMES.removeprefix("Outcomes: "))
    sheet.cell(row=first, column=5, value="\n".join(IOW_WHO))
    sheet.cell(row=first, column=7, value="\n".join(IOW_RESOURCES))
    for column in (1, 2, 5, 7):
        sheet.merge_cells(start_row=first, end_row=last, start_column=column, end_column=column)
        sheet.cell(row=first, column=column).alignment = openpyxl.styles.Alignment(
            wrap_text=True, vertical="top"
        )
    return _xlsx_bytes(book)


# Building


@dataclass(frozen=True)
class Built:
    slug: str
    docx: Callable[[], bytes]
    xlsx: Callable[[], bytes]


BUILT = (
    Built("lancashire-commissioning-plan-2024", lancs24_docx, lancs24_xlsx),
    Built("lancashire-delivery-plan-2008", lancs08_docx, lancs08_xlsx),
    Built("isle-of-wight-jar-2006", iow_docx, iow_xlsx),
)


def main() -> None:
    for plan in BUILT:
        folder = REAL / plan.slug
        docx_path = folder / "plan.docx"
        docx_path.write_bytes(plan.docx())
        (folder / "plan.xlsx").write_bytes(plan.xlsx())
        (folder / "plan.pdf").write_bytes(print_to_pdf(docx_path))
        print(f"built {plan.slug}: plan.docx, plan.xlsx, plan.pdf")


if __name__ == "__main__":
    main()
