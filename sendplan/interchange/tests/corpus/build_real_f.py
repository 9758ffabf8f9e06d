"""Lays out three of round 20's real plans as Word, Excel and PDF files (corpus/real/ROUND20.md).

Run from the repository root: .venv/bin/python -m sendplan.interchange.tests.corpus.build_real_f

Each file holds the same content as the plan's excerpt, set out the way a council publishes such
a document: a strategy's executive summary (Wiltshire), a committee's minutes with its
resolutions (Sefton), and a consultation register entry (Lancashire's SEND transport policy).
The words come from the hand-entered plan (expected.plan.json) and from the excerpt's other
lines, typed here as the page has them; nothing is taken from the importer. The PDF is HTML
printed by WeasyPrint, as the other PDF corpora under tests/ print theirs (LibreOffice is not
installed here). The three plans were chosen before any of round 20's plans was scored, and none
is in the corpus's blind part: `build` refuses a blind slug before opening its folder.

The files are committed; run this again only to rebuild them. Word and Excel files are written
with fixed core properties so that a rebuild gives the same bytes where the libraries allow.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import docx
import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

from sendplan.interchange.tests.real_corpus import CORPUS, half

Doc = dict[str, Any]

FIXED = dt.datetime(2026, 12, 7, 9, 0, 0)

_CSS = (
    "@page { size: A4; margin: 1.8cm; }"
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }"
    "h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-bottom: 3pt; }"
    "table { border-collapse: collapse; width: 100%; margin: 6pt 0; }"
    "td, th { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }"
    "th { background: #E7E6E6; }"
    "ul { margin: 2pt 0 6pt 0; } p { margin: 3pt 0; }"
)


def _plan(slug: str) -> Doc:
    plan: Doc = json.loads((CORPUS / slug / "expected.plan.json").read_text("utf-8"))["plan"]
    return plan


def _docx_bytes(document: Any) -> bytes:
    props = document.core_properties
    props.created = props.modified = FIXED
    props.author = props.last_modified_by = "Council"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx_bytes(book: Any) -> bytes:
    book.properties.created = book.properties.modified = FIXED
    book.properties.creator = "Council"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _pdf(body: str) -> bytes:
    import weasyprint

    html = f"<html><head><meta charset='utf-8'><style>{_CSS}</style></head><body>{body}</body>"
    return bytes(weasyprint.HTML(string=html + "</html>").write_pdf())


def _heading_row(sheet: Any, row: int, labels: list[str]) -> None:
    fill = PatternFill("solid", fgColor="D9E1F2")
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=row, column=column, value=label)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")


# ---------------------------------------------------------------------------------- Wiltshire

_WILTS_INTRO = (
    "This joint, all-age autism strategy is guided by a vision of an inclusive, vibrant, "
    "well-connected Wiltshire, in which children and young people with autism, and autistic "
    "adults, fulfil their potential, are actively involved and included in their communities, "
    "make informed decisions, have control over their lives, and can be valued and included "
    "within society.",
    "Through consultation and co-production, we have identified six priorities and three "
    "enablers, and have set-out our success criteria. Underneath each of these priorities are "
    "actions which will move us closer to realising this vision.",
)


def wiltshire_docx(plan: Doc) -> bytes:
    """A strategy's summary in Word: headings for the priorities, 'Actions:' over Word bullets."""
    document = docx.Document()
    document.add_heading(plan["title"], level=1)
    document.add_heading("Executive summary", level=2)
    for text in _WILTS_INTRO:
        document.add_paragraph(text)
    document.add_heading("Our six priorities", level=2)
    for section in plan["sections"]:
        document.add_heading(f"{section['ref']}. {section['title']}", level=3)
        document.add_paragraph("Actions:")
        for action in section["actions"]:
            document.add_paragraph(action["title"], style="List Bullet")
    return _docx_bytes(document)


def wiltshire_xlsx(plan: Doc) -> bytes:
    """The priorities and their actions as a sheet: the priority named on its first row only."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Priorities and actions"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Executive summary: our six priorities and the actions under each"
    _heading_row(sheet, 4, ["Priority", "Actions"])
    row = 5
    for section in plan["sections"]:
        for index, action in enumerate(section["actions"]):
            if index == 0:
                sheet.cell(row=row, column=1, value=f"{section['ref']}. {section['title']}")
            sheet.cell(row=row, column=2, value=action["title"])
            row += 1
    sheet.column_dimensions["A"].width = 45
    sheet.column_dimensions["B"].width = 90
    return _xlsx_bytes(book)


def wiltshire_pdf(plan: Doc) -> bytes:
    body = f"<h1>{escape(plan['title'])}</h1><h2>Executive summary</h2>"
    body += "".join(f"<p>{escape(text)}</p>" for text in _WILTS_INTRO)
    body += "<h2>Our six priorities</h2>"
    for section in plan["sections"]:
        body += f"<h2>{escape(section['ref'])}. {escape(section['title'])}</h2><p>Actions:</p><ul>"
        body += "".join(f"<li>{escape(a['title'])}</li>" for a in section["actions"])
        body += "</ul>"
    return _pdf(body)


# ---------------------------------------------------------------------------------- Sefton

_SEFTON_ISSUES = (
    "The lack of data available against Action 1 – “To improve the poor progress made from "
    "starting points by pupils with a statement of special educational needs”.",
    "Any qualitative data available to indicate progress against SEN school performance.",
    "The outcome of the follow-up survey for parents/carers of children and young people with "
    "SEND.",
    "Progress made against “All other reviews” and had Covid-19 had an impact? Any update on "
    "figures could be provided to Members.",
    "How could responses to surveys be improved?",
    "The therapy waiting times outlined at paragraph 2.19 and how many patients were affected. "
    "Figures could be obtained from Alder Hey Children’s NHS Foundation Trust.",
)
_SEFTON_MINUTE = (
    "Further to Minute No. 5 of 22 September 2020, the Committee considered the report of the "
    "Executive Director of Children’s Social Care and Education on the progress made against the "
    "Special Educational Needs and Disability (SEND) Continuous Improvement Plan."
)


def _resolutions(plan: Doc) -> list[Doc]:
    actions: list[Doc] = plan["sections"][0]["actions"]
    return actions


def _resolution_text(action: Doc, last: bool, before_last: bool) -> str:
    """A resolution as the minutes print it: ';' after each, '; and' before the last."""
    end = "." if last else ("; and" if before_last else ";")
    return f"({action['ref']}) {action['title']}{end}"


def sefton_docx(plan: Doc) -> bytes:
    """Committee minutes in Word: the item, the issues raised as bullets, then the resolutions
    as typed paragraphs '(1) …;'."""
    document = docx.Document()
    document.add_heading(f"25 {plan['title']}", level=2)
    document.add_paragraph(
        "Report of the Executive Director of Children’s Social Care and Education"
    )
    document.add_paragraph("Minutes:")
    document.add_paragraph(_SEFTON_MINUTE)
    document.add_paragraph(
        "Members of the Committee asked questions/raised issues on the following:"
    )
    for issue in _SEFTON_ISSUES:
        document.add_paragraph(issue, style="List Bullet")
    document.add_paragraph("RESOLVED: That")
    resolutions = _resolutions(plan)
    for index, action in enumerate(resolutions):
        last = index == len(resolutions) - 1
        document.add_paragraph(_resolution_text(action, last, index == len(resolutions) - 2))
    return _docx_bytes(document)


def sefton_xlsx(plan: Doc) -> bytes:
    """A committee's action log: one resolution a row, with the officer asked to act."""
    roles = {p["key"]: p["role"] for p in plan.get("people", [])}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action log"
    sheet["A1"] = "Committee action log"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"Minute 25: {plan['title']}"
    _heading_row(sheet, 4, ["Resolution", "Decision", "Action by"])
    for row, action in enumerate(_resolutions(plan), start=5):
        sheet.cell(row=row, column=1, value=f"({action['ref']})")
        sheet.cell(row=row, column=2, value=action["title"])
        leads = ", ".join(roles[key] for key in action.get("leads", []))
        sheet.cell(row=row, column=3, value=leads or None)
    sheet.column_dimensions["B"].width = 100
    sheet.column_dimensions["C"].width = 40
    return _xlsx_bytes(book)


def sefton_pdf(plan: Doc) -> bytes:
    body = f"<h2>25 {escape(plan['title'])}</h2>"
    body += "<p>Report of the Executive Director of Children’s Social Care and Education</p>"
    body += f"<p>Minutes:</p><p>{escape(_SEFTON_MINUTE)}</p>"
    body += "<p>Members of the Committee asked questions/raised issues on the following:</p><ul>"
    body += "".join(f"<li>{escape(issue)}</li>" for issue in _SEFTON_ISSUES) + "</ul>"
    body += "<p><b>RESOLVED:</b> That</p>"
    resolutions = _resolutions(plan)
    for index, action in enumerate(resolutions):
        last = index == len(resolutions) - 1
        text = _resolution_text(action, last, index == len(resolutions) - 2)
        body += f"<p>{escape(text)}</p>"
    return _pdf(body)


# ---------------------------------------------------------------------------------- Lancashire

_LT_INTRO = (
    "We are consulting on changes we are looking to make to the SEND Transport Policy. The main "
    "changes are we looking to make include:"
)
_LT_WHY = (
    "We are required to review and update our policies on a regular basis",
    "To provide a more flexible travel provision and progression to independent travel",
    "To make best use of public finances",
)
_LT_NOT = ("There is no change to the eligibility criteria for transport to be provided",)
_LT_DETAILS = (
    ("Subject", "School services eg meals, crossing, EPS"),
    ("Commissioned by", "Inclusion Service"),
    ("Geographic area", "All of Lancashire"),
    ("Method", "Questionnaire - online"),
    ("Consultation with", "Schools/parents/governors"),
    ("Date", "21/06/2021 - 18/07/2021"),
    ("Undertaken by", "Business Intelligence"),
)


def _changes(plan: Doc) -> list[str]:
    return [action["title"] for action in plan["sections"][0]["actions"]]


def lancashire_transport_docx(plan: Doc) -> bytes:
    """A consultation's summary in Word: headed bullets, then a table of its details."""
    document = docx.Document()
    document.add_heading(plan["title"], level=1)
    document.add_heading("Purpose", level=2)
    document.add_heading("What are we doing?", level=3)
    document.add_paragraph(_LT_INTRO)
    for change in _changes(plan):
        document.add_paragraph(change, style="List Bullet")
    document.add_heading("Why are we doing this?", level=3)
    for reason in _LT_WHY:
        document.add_paragraph(reason, style="List Bullet")
    document.add_heading("What will not change as a result of these proposals?", level=3)
    for line in _LT_NOT:
        document.add_paragraph(line, style="List Bullet")
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in _LT_DETAILS:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    document.add_heading("Contact information", level=2)
    document.add_paragraph("For more information about this research contact:")
    document.add_paragraph("Inclusion Service 01772 531597")
    return _docx_bytes(document)


def lancashire_transport_xlsx(plan: Doc) -> bytes:
    """A consultation register's sheet: the details as label and value, then the proposed
    changes, one a row under a heading cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Consultation"
    sheet["A1"] = plan["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    row = 3
    for label, value in _LT_DETAILS:
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        sheet.cell(row=row, column=2, value=value)
        row += 1
    row += 1
    _heading_row(sheet, row, ["The main changes we are looking to make"])
    for change in _changes(plan):
        row += 1
        sheet.cell(row=row, column=1, value=change)
    row += 2
    _heading_row(sheet, row, ["Why are we doing this?"])
    for reason in _LT_WHY:
        row += 1
        sheet.cell(row=row, column=1, value=reason)
    sheet.column_dimensions["A"].width = 100
    sheet.column_dimensions["B"].width = 40
    return _xlsx_bytes(book)


def lancashire_transport_pdf(plan: Doc) -> bytes:
    body = f"<h1>{escape(plan['title'])}</h1><h2>Purpose</h2><h2>What are we doing?</h2>"
    body += f"<p>{escape(_LT_INTRO)}</p><ul>"
    body += "".join(f"<li>{escape(change)}</li>" for change in _changes(plan)) + "</ul>"
    body += "<h2>Why are we doing this?</h2><ul>"
    body += "".join(f"<li>{escape(reason)}</li>" for reason in _LT_WHY) + "</ul>"
    body += "<h2>What will not change as a result of these proposals?</h2><ul>"
    body += "".join(f"<li>{escape(line)}</li>" for line in _LT_NOT) + "</ul><table>"
    body += "".join(
        f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>" for label, value in _LT_DETAILS
    )
    body += "</table><h2>Contact information</h2>"
    body += "<p>For more information about this research contact:</p>"
    body += "<p>Inclusion Service 01772 531597</p>"
    return _pdf(body)


Builder = Callable[[Doc], bytes]

LAYOUTS: dict[str, dict[str, Builder]] = {
    "wiltshire-autism-strategy-2022": {
        "docx": wiltshire_docx,
        "xlsx": wiltshire_xlsx,
        "pdf": wiltshire_pdf,
    },
    "sefton-improvement-plan-update-undated": {
        "docx": sefton_docx,
        "xlsx": sefton_xlsx,
        "pdf": sefton_pdf,
    },
    "lancashire-send-transport-consultation-2021": {
        "docx": lancashire_transport_docx,
        "xlsx": lancashire_transport_xlsx,
        "pdf": lancashire_transport_pdf,
    },
}


def build(slug: str) -> list[Path]:
    """Writes plan.docx, plan.xlsx and plan.pdf into the plan's folder."""
    if half(slug) == "blind":
        raise ValueError(f"{slug} is in the blind part: its files are not laid out")
    plan = _plan(slug)
    written = []
    for form, builder in LAYOUTS[slug].items():
        path = CORPUS / slug / f"plan.{form}"
        path.write_bytes(builder(plan))
        written.append(path)
    return written


def main() -> None:
    for slug in LAYOUTS:
        for path in build(slug):
            print(path.relative_to(CORPUS))


if __name__ == "__main__":
    main()
