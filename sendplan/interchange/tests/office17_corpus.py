"""Invented plans in the office layouts round 16 left unread, with what each holds.

The families are those of the real files that still read badly (corpus/real/ROUND16-office.md):
slide decks printed to PDF (a slide per priority or workstream, its title over bullets, or
over a small table), posters of cards, decision sheets and decision logs, workbooks whose
grouping columns are merged down, and ratings given as shaded cells with no word in them and
the key somewhere else. The areas, officers and words are invented (no plan names a child);
the sizes and details differ from the real files on purpose, so that a rule written for one
real file's words does not read these.

Each plan comes with the plan a careful person would enter from it by hand (`reference`).
bench/parse_office17.py prints the scores; test_parse_office17.py holds their floors;
corpus/real/ROUND17-office.md tells the story.

The blind half was fixed before any rule was written, by a rule on the plan's name alone: a
plan is blind when the first hex digit of the SHA-256 of its name is 0 to 5 (`_is_blind`).
It was scored before any change to the importer, and no rule was written from it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html import escape
from typing import Any

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Alignment, Font, PatternFill

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved

Doc = dict[str, Any]


@dataclass(frozen=True)
class Item:
    """One action as a person would enter it; `status` is the code for the one period."""

    title: str
    ref: str | None = None
    lead: str | None = None
    due_text: str | None = None
    due: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Part:
    """A priority, workstream or group and its actions; `about` is its aim or remit."""

    title: str
    items: tuple[Item, ...]
    ref: str | None = None
    about: str | None = None


# The usual three-colour scale, for the plans rated by shading.
RAG = (("G", "On track", "green"), ("A", "Some delay", "amber"), ("R", "At risk", "red"))
_FILLS = {"G": "00B050", "A": "FFC000", "R": "FF0000"}


@dataclass(frozen=True, eq=False)
class Office17Plan:
    name: str
    filename: str
    title: str
    parts: tuple[Part, ...]
    build: Callable[[Office17Plan], bytes] = field(compare=False)
    # The one period rated, (label, ends on), for plans rated by shading.
    period: tuple[str, str] | None = None

    def data(self) -> bytes:
        return self.build(self)

    def reference(self) -> Doc:
        people: dict[str, Doc] = {}
        sections = []
        for part in self.parts:
            actions = []
            for item in part.items:
                action: Doc = {"title": item.title, "leads": []}
                if item.ref:
                    action["ref"] = item.ref
                if item.lead:
                    key = _key(item.lead)
                    people.setdefault(key, {"key": key, "name": item.lead})
                    action["leads"] = [key]
                    action["lead_text"] = item.lead
                if item.due_text:
                    action["due_text"] = item.due_text
                if item.due:
                    action["due"] = item.due
                if item.status and self.period:
                    action["updates"] = [{"period": self.period[0], "status": item.status}]
                actions.append(action)
            section: Doc = {"title": part.title, "actions": actions}
            if part.ref:
                section["ref"] = part.ref
            if part.about:
                section["outcomes"] = part.about
            sections.append(section)
        out: Doc = {"title": self.title, "sections": sections, "people": list(people.values())}
        if self.period:
            out["periods"] = [{"label": self.period[0], "ends_on": self.period[1]}]
            out["status_scale"] = [
                {"code": code, "label": label, "colour": colour} for code, label, colour in RAG
            ]
        return out


def _key(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isalpha()).upper()


def _is_blind(name: str) -> bool:
    """The fixed rule that chose the blind half before any rule was written."""
    return hashlib.sha256(name.encode()).hexdigest()[0] in "012345"


def printed(body: str, css: str = "") -> bytes:
    import weasyprint

    page = (
        "<html><head><meta charset='utf-8'><style>"
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }" + css + "</style>"
        f"</head><body>{body}</body></html>"
    )
    return bytes(weasyprint.HTML(string=page).write_pdf())


SLIDES_CSS = (
    "@page { size: 25.4cm 14.29cm; margin: 1cm 1.4cm; }"
    "section { page-break-after: always; } h1 { font-size: 30pt; color: #203864; }"
    "h2 { font-size: 22pt; color: #203864; margin-top: 0; } li { font-size: 14pt; }"
    "table { border-collapse: collapse; width: 100%; font-size: 12pt; }"
    "th { background: #203864; color: white; text-align: left; padding: 4pt; }"
    "td { border-bottom: 0.5pt solid #999; padding: 4pt; vertical-align: top; }"
)


# 1. Ambleford: a board's slide deck printed to PDF, a cover slide, then a slide per priority:
# "Priority 2 – Preparing for adulthood" over its bullets, a footer on every slide.


def _ambleford(plan: Office17Plan) -> bytes:
    slides = [
        f"<section><h1>{escape(plan.title)}</h1><p>SEND Partnership Board, autumn 2025</p>"
        "</section>",
        "<section><h2>Why we have a plan</h2><p>The local area inspection asked us to act "
        "faster on three priorities. Each of the next slides is one of them.</p></section>",
    ]
    for part in plan.parts:
        bullets = "".join(f"<li>{escape(i.title)}</li>" for i in part.items)
        slides.append(
            f"<section><h2>Priority {part.ref} – {escape(part.title)}</h2><ul>{bullets}</ul>"
            "<p style='font-size:8pt;color:#777'>Ambleford SEND Partnership</p></section>"
        )
    slides.append("<section><h2>Questions?</h2><p>send.board@example.org</p></section>")
    return printed("".join(slides), SLIDES_CSS)


AMBLEFORD = Office17Plan(
    "Ambleford priority slides (pdf)",
    "ambleford-slides.pdf",
    "Ambleford Priority Action Plan",
    (
        Part("Early identification", (
            Item("Screen every two-year-old at the integrated review for speech delay"),
            Item("Give nursery staff a route to ask the early years SEND team for advice"),
            Item("Publish the early years graduated approach toolkit"),
        ), ref="1"),
        Part("Preparing for adulthood", (
            Item("Start preparing for adulthood reviews from Year 9 in every EHC plan"),
            Item("Open two supported internship routes with the hospital trust"),
        ), ref="2"),
        Part("Timely assessment", (
            Item("Clear the backlog of overdue needs assessments"),
            Item("Report the 20-week timeliness figure to the board each month"),
            Item("Recruit three more assistant educational psychologists"),
            Item("Quality assure one in ten new EHC plans"),
        ), ref="3"),
    ),
    _ambleford,
)  # fmt: skip


# 2. Brackwater: a workstream deck, each slide the workstream's name over a small table of
# actions with who leads them and by when.


def _brackwater(plan: Office17Plan) -> bytes:
    slides = [f"<section><h1>{escape(plan.title)}</h1><p>Programme update</p></section>"]
    for part in plan.parts:
        rows = "".join(
            f"<tr><td>{escape(i.title)}</td><td>{escape(i.lead or '')}</td>"
            f"<td>{escape(i.due_text or '')}</td></tr>"
            for i in part.items
        )
        slides.append(
            f"<section><h2>Workstream {part.ref}: {escape(part.title)}</h2>"
            "<table><tr><th>What we will do</th><th>Lead</th><th>By when</th></tr>"
            f"{rows}</table></section>"
        )
    return printed("".join(slides), SLIDES_CSS)


BRACKWATER = Office17Plan(
    "Brackwater workstream slides with tables (pdf)",
    "brackwater-workstreams.pdf",
    "Brackwater SEND Improvement Programme",
    (
        Part("Inclusion in mainstream", (
            Item("Fund an inclusion lead in each secondary school", lead="Head of Inclusion",
                 due_text="April 2026", due="2026-04"),
            Item("Agree a shared exclusions protocol with academy trusts",
                 lead="Assistant Director Education", due_text="July 2026", due="2026-07"),
        ), ref="1"),
        Part("Health pathways", (
            Item("Cut the wait for a neurodevelopmental assessment to 40 weeks",
                 lead="Designated Clinical Officer", due_text="March 2027", due="2027-03"),
            Item("Publish the therapies offer on the local offer website",
                 lead="Commissioning Manager", due_text="December 2025", due="2025-12"),
            Item("Train GP practices on the new referral form",
                 lead="Designated Clinical Officer", due_text="June 2026", due="2026-06"),
        ), ref="2"),
    ),
    _brackwater,
)  # fmt: skip


# 3. Cindermoor: a poster of cards, four to a row; each card a theme, its commitment and a
# "Target:" line.


def _cindermoor(plan: Office17Plan) -> bytes:
    cards = "".join(
        f"<div class='card'><h3>{escape(part.title)}</h3>"
        + "".join(
            f"<p>{escape(i.title)}</p><p class='when'>Target: {escape(i.due_text or '')}</p>"
            for i in part.items
        )
        + "</div>"
        for part in plan.parts
    )
    css = (
        "@page { size: A3 landscape; margin: 1cm; } .grid { display: flex; flex-wrap: wrap; }"
        ".card { width: 8.6cm; margin: 0 0.5cm 0.5cm 0; padding: 0.3cm; background: #E2EFDA;"
        " border-radius: 8pt; } .card h3 { color: #375623; margin-top: 0; }"
        ".when { font-style: italic; }"
    )
    intro = "<p>Our promises to families, agreed with the parent carer forum.</p>"
    return printed(f"<h1>{escape(plan.title)}</h1>{intro}<div class='grid'>{cards}</div>", css)


CINDERMOOR = Office17Plan(
    "Cindermoor promise poster (pdf)",
    "cindermoor-poster.pdf",
    "Cindermoor SEND Promise 2025",
    (
        Part("Listening", (Item("Answer every email to the SEND team within five working days",
                                due_text="September 2025", due="2025-09"),)),
        Part("Information", (Item("Rewrite the local offer pages with parents",
                                  due_text="January 2026", due="2026-01"),)),
        Part("Annual reviews", (Item("Hold every annual review meeting on time",
                                     due_text="July 2026", due="2026-07"),)),
        Part("Transport", (Item("Confirm travel arrangements before the summer holiday",
                                due_text="August 2026", due="2026-08"),)),
        Part("Short breaks", (Item("Double the number of short break places for teenagers",
                                   due_text="March 2027", due="2027-03"),)),
        Part("Training", (Item("Offer autism awareness training to every school",
                               due_text="December 2025", due="2025-12"),)),
    ),
    _cindermoor,
)  # fmt: skip


# 4. Dunholme: an executive decision sheet, each decision a heading "Decision 7" over
# labelled lines set as a definition list (the decision, the lead officer, the deadline).


def _dunholme(plan: Office17Plan) -> bytes:
    parts = "".join(
        f"<h3>Decision {escape(i.ref or '')}</h3><dl><dt>Decision</dt><dd>{escape(i.title)}</dd>"
        f"<dt>Lead officer</dt><dd>{escape(i.lead or '')}</dd>"
        f"<dt>Deadline</dt><dd>{escape(i.due_text or '')}</dd></dl>"
        for i in plan.parts[0].items
    )
    css = "dt { font-weight: bold; float: left; width: 3.5cm; } dd { margin-left: 3.8cm; }"
    head = (
        f"<h1>Record of Executive Decisions</h1><p>{escape(plan.title)}</p>"
        "<p>Date of meeting: 14 October 2025</p>"
    )
    return printed(head + parts, css)


DUNHOLME = Office17Plan(
    "Dunholme decision sheet (pdf)",
    "dunholme-decisions.pdf",
    "Dunholme SEND Sufficiency Decisions",
    (
        Part("Decisions", (
            Item("Approve the expansion of the resourced provision at Westgate Primary", ref="7",
                 lead="Director of Children's Services", due_text="September 2026",
                 due="2026-09"),
            Item("Consult on a new special free school for pupils with social, emotional and "
                 "mental health needs", ref="8", lead="Head of School Organisation",
                 due_text="January 2026", due="2026-01"),
            Item("Delegate the award of the post-16 transport contract", ref="9",
                 lead="Head of Transport", due_text="May 2026", due="2026-05"),
        )),
    ),
    _dunholme,
)  # fmt: skip


# 5. Eastwick: a decision log workbook under a title block, the responsible officer merged
# down beside the decisions, a deadline each.


def _eastwick(plan: Office17Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Log"
    sheet["A1"] = "Eastwick Council – Schools Forum"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = plan.title
    sheet["A3"], sheet["B3"] = "Meeting date:", "3 June 2025"
    sheet.append([])
    sheet.append(["No.", "Decision", "Deadline", "Responsible officer"])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    items = plan.parts[0].items
    for item in items:
        sheet.append([item.ref, item.title, item.due_text, None])
    sheet["D6"] = items[0].lead
    sheet.merge_cells(start_row=6, end_row=5 + len(items), start_column=4, end_column=4)
    sheet["D6"].alignment = Alignment(vertical="center", wrap_text=True)
    return saved(book)


EASTWICK = Office17Plan(
    "Eastwick decision log (xlsx)",
    "eastwick-decision-log.xlsx",
    "Eastwick High Needs Block Decisions 2025",
    (
        Part("Decisions", (
            Item("Move 0.5% of the schools block to the high needs block", ref="D1",
                 lead="Head of Finance (Schools)", due_text="April 2026", due="2026-04"),
            Item("Set banded top-up funding for resourced provisions", ref="D2",
                 lead="Head of Finance (Schools)", due_text="September 2025", due="2025-09"),
            Item("Review the independent special school placements costing over £80,000",
                 ref="D3", lead="Head of Finance (Schools)", due_text="December 2025",
                 due="2025-12"),
            Item("Report the high needs deficit recovery plan to the forum each term", ref="D4",
                 lead="Head of Finance (Schools)", due_text="July 2026", due="2026-07"),
        )),
    ),
    _eastwick,
)  # fmt: skip


# 6. Farrowby: a workbook whose priority and its aim are merged down columns A and B beside
# the actions, each with its lead and target date.


def _merged_down(sheet: Any, first: int, last: int, column: int, value: str | None) -> None:
    sheet.cell(row=first, column=column, value=value)
    if last > first:
        sheet.merge_cells(start_row=first, end_row=last, start_column=column, end_column=column)
    sheet.cell(row=first, column=column).alignment = Alignment(vertical="top", wrap_text=True)


def _farrowby(plan: Office17Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Delivery plan"
    sheet["A1"] = plan.title
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(["Priority", "What we want to achieve", "Action", "Lead", "Target date"])
    row = 4
    for part in plan.parts:
        first = row
        for item in part.items:
            sheet.cell(row=row, column=3, value=item.title)
            sheet.cell(row=row, column=4, value=item.lead)
            sheet.cell(row=row, column=5, value=item.due_text)
            row += 1
        _merged_down(sheet, first, row - 1, 1, f"{part.ref}. {part.title}")
        _merged_down(sheet, first, row - 1, 2, part.about)
    return saved(book)


FARROWBY = Office17Plan(
    "Farrowby merged priorities (xlsx)",
    "farrowby-delivery.xlsx",
    "Farrowby SEND and Inclusion Delivery Plan",
    (
        Part("Communication with families", (
            Item("Launch a termly newsletter for parents of children with SEND",
                 lead="Parent Partnership Manager", due_text="October 2025", due="2025-10"),
            Item("Name a case officer in every EHC plan letter",
                 lead="SEND Service Manager", due_text="November 2025", due="2025-11"),
            Item("Survey parents on the assessment process each year",
                 lead="Parent Partnership Manager", due_text="June 2026", due="2026-06"),
        ), ref="1", about="Families know what is happening and who to ask"),
        Part("Specialist places", (
            Item("Open a 24-place autism base at Hillcrest Academy",
                 lead="Head of School Place Planning", due_text="September 2026",
                 due="2026-09"),
            Item("Commission twelve post-16 places in further education",
                 lead="Head of Commissioning", due_text="September 2026", due="2026-09"),
        ), ref="2", about="Children are taught close to home"),
    ),
    _farrowby,
)  # fmt: skip


# 7. Gorsey: a tracker workbook, the workstream merged down column A, each task with its owner,
# deadline and a status cell only shaded; the key on a sheet of its own after the tracker.


def _gorsey(plan: Office17Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tracker"
    sheet["A1"] = plan.title
    sheet["A1"].font = Font(bold=True, size=13)
    assert plan.period
    sheet.append(["Workstream", "Task", "Owner", "Deadline", f"RAG {plan.period[0]}"])
    row = 3
    for part in plan.parts:
        first = row
        for item in part.items:
            sheet.cell(row=row, column=2, value=item.title)
            sheet.cell(row=row, column=3, value=item.lead)
            sheet.cell(row=row, column=4, value=item.due_text)
            if item.status:
                colour = _FILLS[item.status]
                sheet.cell(row=row, column=5).fill = PatternFill("solid", fgColor=colour)
            row += 1
        _merged_down(sheet, first, row - 1, 1, part.title)
    key = book.create_sheet("Key")
    key["A1"] = "RAG key"
    for offset, (code, label, colour) in enumerate(RAG):
        key.cell(row=2 + offset, column=1).fill = PatternFill("solid", fgColor=_FILLS[code])
        key.cell(row=2 + offset, column=2, value=f"{colour.title()} – {label}")
    return saved(book)


GORSEY = Office17Plan(
    "Gorsey tracker, merged workstreams and shaded ratings (xlsx)",
    "gorsey-tracker.xlsx",
    "Gorsey Accelerated Progress Plan tracker",
    (
        Part("Joint commissioning", (
            Item("Agree a joint commissioning strategy with the integrated care board",
                 lead="Joint Commissioning Lead", due_text="March 2026", due="2026-03",
                 status="A"),
            Item("Pool the budget for speech and language therapy",
                 lead="Joint Commissioning Lead", due_text="April 2026", due="2026-04",
                 status="R"),
        )),
        Part("Quality of EHC plans", (
            Item("Audit twenty EHC plans each month with health and care colleagues",
                 lead="Principal Educational Psychologist", due_text="Ongoing", status="G"),
            Item("Rewrite the EHC plan template with young people",
                 lead="SEND Participation Officer", due_text="January 2026", due="2026-01",
                 status="G"),
            Item("Train case officers on writing outcomes", lead="SEND Service Manager",
                 due_text="February 2026", due="2026-02", status="A"),
        )),
    ),
    _gorsey,
    period=("January 2026", "2026-01-31"),
)  # fmt: skip


# 8. Holmbury: a Word table of actions whose rating column is shaded with no word in it; the
# key is a line of text under the table.


def _shade(cell: Any, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    properties.append(fill)


def _holmbury(plan: Office17Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=1)
    assert plan.period
    for part in plan.parts:
        document.add_heading(f"Area for improvement {part.ref}: {part.title}", level=2)
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        heads = ["Ref", "Action", "Responsible", "Timescale", f"Progress {plan.period[0]}"]
        for cell, text in zip(table.rows[0].cells, heads, strict=True):
            cell.text = text
        for item in part.items:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = item.ref or "", item.title
            cells[2].text, cells[3].text = item.lead or "", item.due_text or ""
            if item.status:
                _shade(cells[4], _FILLS[item.status])
    document.add_paragraph(
        "Progress is shown by colour: green – on track; amber – some delay; red – at risk."
    )
    return saved(document)


HOLMBURY = Office17Plan(
    "Holmbury shaded ratings, key under the table (docx)",
    "holmbury-wsoa.docx",
    "Holmbury Written Statement of Action progress",
    (
        Part("Graduated response", (
            Item("Publish SEN support guidance for every phase", ref="1.1",
                 lead="Inclusion Manager", due_text="Autumn 2025", due="2025-12", status="G"),
            Item("Visit every school with low SEN support numbers", ref="1.2",
                 lead="Inclusion Manager", due_text="Spring 2026", due="2026-04", status="A"),
        ), ref="1"),
        Part("Co-production", (
            Item("Set up a young people's SEND advisory group", ref="2.1",
                 lead="Participation Lead", due_text="Autumn 2025", due="2025-12", status="R"),
            Item("Pay parent carer forum members for their time on boards", ref="2.2",
                 lead="Head of SEND", due_text="Spring 2026", due="2026-04", status="G"),
        ), ref="2"),
    ),
    _holmbury,
    period=("December 2025", "2025-12-31"),
)  # fmt: skip


# 9. Ivelton: a slide deck whose slides each hold a priority's title, then one action a line
# as "Action – Lead – Date", no bullets.


def _ivelton(plan: Office17Plan) -> bytes:
    slides = [f"<section><h1>{escape(plan.title)}</h1></section>"]
    for part in plan.parts:
        lines = "".join(
            f"<p>{escape(i.title)} – {escape(i.lead or '')} – {escape(i.due_text or '')}</p>"
            for i in part.items
        )
        slides.append(f"<section><h2>{escape(part.title)}</h2>{lines}</section>")
    return printed("".join(slides), SLIDES_CSS)


IVELTON = Office17Plan(
    "Ivelton slides, an action a line with lead and date (pdf)",
    "ivelton-slides.pdf",
    "Ivelton Inclusion Plan on a page",
    (
        Part("Belonging in school", (
            Item("Cut part-time timetables for pupils with SEND by half",
                 lead="Virtual School Head", due_text="July 2026", due="2026-07"),
            Item("Open nurture groups in six primary schools", lead="Inclusion Lead",
                 due_text="January 2026", due="2026-01"),
        )),
        Part("Health and wellbeing", (
            Item("Place a mental health practitioner in every secondary school",
                 lead="CAMHS Service Manager", due_text="September 2026", due="2026-09"),
            Item("Publish the sensory processing pathway", lead="Designated Clinical Officer",
                 due_text="March 2026", due="2026-03"),
        )),
    ),
    _ivelton,
)  # fmt: skip


PLANS = (AMBLEFORD, BRACKWATER, CINDERMOOR, DUNHOLME, EASTWICK, FARROWBY, GORSEY, HOLMBURY,
         IVELTON)  # fmt: skip
BLIND = tuple(plan for plan in PLANS if _is_blind(plan.name))
SEEN = tuple(plan for plan in PLANS if plan not in BLIND)


@cache
def parsed(plan: Office17Plan) -> Doc:
    document: Doc = parse_file_inprocess(plan.data(), plan.filename).document
    return document["plan"]


SCORED = ("actions found", "refs", "titles", "leads", "due dates", "status cells",
          "section titles")  # fmt: skip


def figures(plan: Office17Plan) -> list[accuracy.Figure]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [figure for figure in found if figure[0] in SCORED]
