"""Word, Excel and PDF files for three plans of the real corpus added by the third corpus pass.

Run from the repository root: .venv/bin/python -m sendplan.interchange.tests.corpus.build_real_c

Each file holds the words of its plan's excerpt (source.txt beside it) and nothing else, laid out
the way the plan was laid out before it was turned into text, so the plan entered by hand from
the excerpt (expected.plan.json) applies to the files as well. The layouts differ from the
first two builders' on purpose:

- Stockton's review of its safeguarding children board (2017, blind half): a two-row heading.
  The rating column's top cell holds its heading and the key ("Assessment of progress
  Categories 1 - 4" / "Key: 1 Fully Achieved, 2 On"), with the period ("Dec 2017") in the row
  below; the progress column is split the same way. Ratings are filled in colour.
- Stratford-on-Avon's corporate strategic action plan (2017, blind half): the key objective is a
  row of two cells, its number ("Key Objective 1") then its title merged across the rest; each
  priority is one cell merged down over its tasks, as in the original; statuses are filled.
- Worcestershire's Virtual School improvement plan (2016, dev half): a two-row heading with
  "Lead" over its two tick columns ("VSH", "BP") and "RAG" over the terms ("Summer", "Autumn",
  "Spring"); the priority is a row of two cells; each key objective sits in the first column of
  its row. The tick and rating cells are empty, as the excerpt gives no text for them.

The Word files are landscape with one real table whose heading rows repeat on every page; the
Excel files have a title row, the heading rows and the same merges; the PDFs are printed from
the Word files by LibreOffice (`soffice --headless --convert-to pdf`), which is only needed to
build the files, never by the tests. Office files get fixed times inside so that building twice
gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import openpyxl
import openpyxl.utils
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Font, PatternFill

from sendplan.interchange.tests.corpus import print_to_pdf

REAL = Path(__file__).resolve().parent / "real"
STAMP = dt.datetime(2026, 12, 4, 9, 0, 0)

HEAD_FILL = "D9E2F3"
THEME_FILL = "FCE4D6"
# Colours a council would give the ratings (the texts are the ratings; colour is extra).
FILLS = {
    "1": "00B0F0",
    "2": "92D050",
    "Achieved": "92D050",
    "Not Achieved": "FF0000",
    "n/a": "D9D9D9",
}


# A table as laid out: each row is a list of cells; a cell is text (one paragraph per line) or
# None where a merge from the left or from above covers it.
Cell = str | None


@dataclass(frozen=True)
class Merge:
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True)
class Layout:
    slug: str
    title: str
    lines: Sequence[str]  # paragraphs under the title
    widths: Sequence[float]  # column widths, cm
    heading_rows: int
    rows: Sequence[Sequence[Cell]]
    merges: Sequence[Merge]
    theme_rows: frozenset[int] = frozenset()  # rows shaded as section rows
    font_size: float = 8


def _stable(data: bytes) -> bytes:
    """The Office file with fixed times inside and fixed entry dates."""
    out = io.BytesIO()
    stamp = STAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                pattern = rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*"
                body = re.sub(pattern, rb"\g<1>" + stamp, body)
            info = zipfile.ZipInfo(item.filename, date_time=STAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, body)
    return out.getvalue()


# Word


def _shade(cell: Any, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_heading(row: Any) -> None:
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _put(cell: Any, text: str, size: float, bold: bool = False) -> None:
    lines = text.split("\n")
    cell.text = ""
    first = True
    for line in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = paragraph.add_run(line)
        run.bold = bold
        run.font.size = Pt(size)


def build_docx(layout: Layout) -> bytes:
    document = docx.Document()
    document.core_properties.created = STAMP
    document.core_properties.modified = STAMP
    document.core_properties.author = "sendplan corpus builder"
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(1.2))
    document.styles["Normal"].font.name = "Arial"
    document.add_heading(layout.title, level=1)
    for line in layout.lines:
        document.add_paragraph(line)

    columns = len(layout.widths)
    table = document.add_table(rows=len(layout.rows), cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(fixed)
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    for column, width in zip(table.columns, layout.widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, layout.widths, strict=True):
            cell.width = Cm(width)
    for number, values in enumerate(layout.rows):
        heading = number < layout.heading_rows
        for col, value in enumerate(values):
            if value is None:
                continue
            cell = table.cell(number, col)
            _put(cell, value, layout.font_size, bold=heading or number in layout.theme_rows)
            if heading:
                _shade(cell, HEAD_FILL)
            elif number in layout.theme_rows:
                _shade(cell, THEME_FILL)
            elif value in FILLS:
                _shade(cell, FILLS[value])
        if heading:
            _repeat_heading(table.rows[number])
    for merge in layout.merges:
        top = table.cell(merge.row, merge.col)
        text = layout.rows[merge.row][merge.col] or ""
        merged = top.merge(table.cell(merge.row + merge.rows - 1, merge.col + merge.cols - 1))
        heading = merge.row < layout.heading_rows
        _put(merged, text, layout.font_size, bold=heading or merge.row in layout.theme_rows)
    out = io.BytesIO()
    document.save(out)
    return _stable(out.getvalue())


# Excel


def build_xlsx(layout: Layout) -> bytes:
    book = openpyxl.Workbook()
    book.properties.created = STAMP
    book.properties.modified = STAMP
    book.properties.creator = "sendplan corpus builder"
    sheet = book.active
    sheet.title = "Action plan"
    columns = len(layout.widths)
    sheet.cell(row=1, column=1, value=layout.title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    for offset, line in enumerate(layout.lines, start=2):
        sheet.cell(row=offset, column=1, value=line)
    first = 2 + len(layout.lines) + 1  # a blank row between the title block and the table
    for number, values in enumerate(layout.rows):
        heading = number < layout.heading_rows
        for col, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=first + number, column=col, value=value or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if heading or number in layout.theme_rows:
                cell.font = Font(bold=True)
                colour = HEAD_FILL if heading else THEME_FILL
                cell.fill = PatternFill("solid", fgColor=colour)
            elif value in FILLS:
                cell.fill = PatternFill("solid", fgColor=FILLS[value])
    for merge in layout.merges:
        sheet.merge_cells(
            start_row=first + merge.row,
            start_column=merge.col + 1,
            end_row=first + merge.row + merge.rows - 1,
            end_column=merge.col + merge.cols,
        )
    for col, width in enumerate(layout.widths, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(col)].width = max(8, width * 5)
    sheet.freeze_panes = sheet.cell(row=first + layout.heading_rows, column=1)
    out = io.BytesIO()
    book.save(out)
    return _stable(out.getvalue())


# The plans


def stockton_lscb() -> Layout:
    leads = "Chair / DCS"
    rows: list[list[Cell]] = [
        ["No.", "Recommendation", "Responsibility", "Date", "Progress presented to Committee",
         "Assessment of progress Categories 1 - 4\nKey: 1 Fully Achieved, 2 On"],
        [None, None, None, None, "Dec 2017", "Dec 2017"],
        ["1.", "Participate and initiate discussion where necessary with other Tees Boards about "
         "the response to the Wood review and the opportunities to collaborate further and "
         "ensure a streamlined and efficient approach with partners.", leads,
         "To be confirmed in Children and Social Work Act",
         "Stockton and Hartlepool Boards have agreed to develop a joint approach.\n"
         "LSCB Chair written to the Chief Executives of the safeguarding partners outlining "
         "plans to move forward with a North of Tees approach.\n"
         "Seeking to be an early adopter of new arrangements by September 2018", "2"],
        ["2.", "Continue to develop a self-assessment and review format of Board and sub group "
         "meetings to focus discussion on key issues and strengthen the co-ordination, "
         "challenge and change functions including the potential role of an Executive.", leads,
         "April 2017",
         "Executive has been established and now driving the agenda for the Board and its sub "
         "groups.\nJoint targeted Area Inspection process will make some observations about "
         "the LSCB", "2"],
        ["3.", "Continue to identify ways to encourage all partner agencies to play a more active "
         "role in discussions, including varying the format of meetings.", leads, "March 2017",
         "Chair undertaking annual appraisals of Board members contributions", "2"],
        ["4.", "Provide training for SLSCB members to ensure that they have the skills to fulfil "
         "their roles, especially around assurance roles.", leads, "April 2017",
         "Board members have been provided with guidance on assurance role.", "1"],
        ["5.", "Assure itself that it has responded to the Ofsted recommendations.", leads,
         "April 2017", "Actions completed and built into Business Plan.\nAny further "
         "recommendations arising form the JTAI will be addressed in a follow up action plan "
         "in April.", "1"],
    ]  # fmt: skip
    merges = [Merge(0, col, rows=2) for col in range(4)]
    return Layout(
        slug="stockton-lscb-review-2017",
        title="Initial Progress Update – Review of Stockton Local Safeguarding Children Board",
        lines=["Appendix 1"],
        widths=[1.2, 8.0, 2.4, 3.0, 8.4, 3.3],
        heading_rows=2,
        rows=rows,
        merges=merges,
    )


LEP = (
    "To positively embrace the Local Enterprise Partnership to influence its plans, priorities "
    "and impact upon our District maximise the use of National funding opportunities such as "
    "the City Deal and Regional Growth Fund to boost business opportunities in our area"
)
INFRA = (
    "Work with our partners to ensure that new development provides the necessary schools and "
    "transport infrastructure for local residents, especially the working population"
)
SMALL = (
    "To encourage new small businesses throughout the District through focussed initiatives "
    "such as the provision of business incubation units"
)
TOURISM = (
    "Maximise the benefit of the local tourist industry including support for the local "
    "Destination Management Organisation, Shakespeare’s England"
)


def stratford_2017() -> Layout:
    rows: list[list[Cell]] = [
        ["Objective & Priority", "Year 3 (2017/18) Task", "Quarter2 Performance Target",
         "Status", "Quarter 1 Update"],
        ["Key Objective 1", "A flourishing local economy", None, None, None],
        [LEP, "To ensure that the Council is represented on the LEP following the revision to "
         "the Governance Arrangements following the LEP Board meeting on 20 March 2017",
         "April 2017", "Achieved", ""],
        [None, "To ensure that the Council achieves funding for Growth Initiatives within the "
         "District", "March 2018", "n/a", "Action due at a later date."],
        [INFRA, "Implementation of the new Community Infrastructure Levy (CIL) Arrangements",
         "July 2017", "Not Achieved", "Awaiting receipt of the CIL Examiners Final Report."],
        [None, "Completion of the Infrastructure Delivery Plan", "March 2018", "n/a",
         "Awaiting receipt of the CIL Examiners Final Report."],
        [SMALL, "Undertake a review of the implementation of Venture House", "June 2017",
         "Achieved", "Report completed and presented to Leaders Briefing Meeting."],
        [None, "Undertake a review of evidence to inform potential new locations for future "
         "years", "September 2017", "Achieved", "New locations are currently being considered."],
        [TOURISM, "Commission the Economic Impact Assessment for SDC area", "September 2017",
         "Not Achieved", "Due to problems with data sets from Visit England this has been "
         "delayed."],
    ]  # fmt: skip
    merges = [Merge(1, 1, cols=4), Merge(2, 0, rows=2), Merge(4, 0, rows=2), Merge(6, 0, rows=2)]
    return Layout(
        slug="stratford-on-avon-corporate-plan-2017",
        title="Corporate Strategic Action Plan",
        lines=["Quarter 2 (April-September 2017)"],
        widths=[7.5, 7.5, 3.0, 2.5, 6.8],
        heading_rows=1,
        rows=rows,
        merges=merges,
        theme_rows=frozenset({1}),
    )


def worcestershire_2016() -> Layout:
    empty = ["", "", "", "", ""]  # VSH, BP (before the impact) and the three terms (after)

    def row(objective: str, action: str, impact: str) -> list[Cell]:
        return [objective, action, empty[0], empty[1], impact, "", *empty[2:]]

    rows: list[list[Cell]] = [
        ["Key Objectives", "Key Actions: How will this be achieved? (include "
         "Schools/Carers/Social Workers responsibility)", "Lead", None,
         "Impact/Outcomes/ Progress/Date (hyperlink evidence)", "Governors Monitoring", "RAG",
         None, None],
        [None, None, "VSH", "BP", None, None, "Summer", "Autumn", "Spring"],
        ["Priority 1:", "Effectiveness of Leadership & Management", None, None, None, None, None,
         None, None],
        row("Provide strategic leadership and co-ordinate all stakeholder involvement for Looked "
            "After Children", "Ensure Babcock Contract is being delivered effectively to improve "
            "pupil outcomes and establish accountability protocols with Babcock and Education "
            "Providers to account for the outcomes of Children in Care", "Roles & "
            "Responsibilities are clear within VS & Babcock and there is a clear structure for "
            "accountability for all those involved which lead to improve outcomes"),
        row("To monitor and improve educational provision for Children in Care to ensure that "
            "every Child in Care has the best opportunity to be the ‘best they can be’",
            "Babcock to oversee the educational attainment, record and monitor the educational "
            "progress of all Looked After Children (please see attached 2016 Data)",
            "A narrowing of the achievement gap between Worcestershire Looked After Children and "
            "their peers at all Key Stages is in line with national or statistical neighbours' "
            "performance Predicted Targets: GCSE: Eng Lang: 14% Eng Lit: 12% Maths: 8% KS2: R: "
            "35% W: 26% M: 26%"),
        row("Continue to improve the effectiveness of the newly constituted VS Governing Body",
            "Develop Governor Roles Knowledge of VS Governing Body & Accountability Monitor "
            "SIP/SEF/Outcomes", "Levels of professional challenge VSH & Babcock are explicit and "
            "governor monitoring of VSIP contributes to the new accountability structures"),
    ]  # fmt: skip
    merges = [
        Merge(0, 0, rows=2), Merge(0, 1, rows=2), Merge(0, 2, cols=2), Merge(0, 4, rows=2),
        Merge(0, 5, rows=2), Merge(0, 6, cols=3), Merge(2, 1, cols=8),
    ]  # fmt: skip
    return Layout(
        slug="worcestershire-virtual-school-plan-2016",
        title="Virtual School Improvement Plan",
        lines=[],
        widths=[4.6, 5.8, 1.1, 1.1, 5.8, 2.3, 1.7, 1.7, 1.7],
        heading_rows=2,
        rows=rows,
        merges=merges,
        theme_rows=frozenset({2}),
        font_size=7.5,
    )


BUILT: tuple[Callable[[], Layout], ...] = (stockton_lscb, stratford_2017, worcestershire_2016)


def main() -> None:
    for make in BUILT:
        layout = make()
        for row in layout.rows:
            assert len(row) == len(layout.widths), (layout.slug, row)
        folder = REAL / layout.slug
        docx_path = folder / "plan.docx"
        docx_path.write_bytes(build_docx(layout))
        (folder / "plan.xlsx").write_bytes(build_xlsx(layout))
        (folder / "plan.pdf").write_bytes(print_to_pdf(docx_path))
        print(f"built {layout.slug}: plan.docx, plan.xlsx, plan.pdf")


if __name__ == "__main__":
    main()
