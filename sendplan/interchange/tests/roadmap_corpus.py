"""Invented plans laid out as roadmaps, timelines and milestone tables, with what each holds.

SEND strategies and improvement programmes often publish "what will happen when" rather than
an action table: a table whose columns are time periods ("Spring 2025 | Summer 2025 | …")
with what will be done in each cell and a row per workstream; "Milestone | By when | Lead"
tables; a timeline as lines ("By March 2025: …", "Summer term 2025 – …"); "Year 1 / Year 2"
headings; a Gantt-like sheet with a row per action and marks under month columns.

Each plan here is invented (invented areas and officers, no children) and comes with the plan
a careful person would enter from it by hand: each milestone an action, due when the column or
heading it sits under ends (a term or season in the month it ends, "2025/26" at the end of
the financial year, a year at its end; "2026 and beyond" names no date and is kept as
written), its priority or workstream its section. bench/parse_roadmaps.py prints the scores
and test_parse_roadmaps.py holds their floors; corpus/real/ROADMAPS.md tells the story.

The first five were written before the importer was taught to read roadmaps. The last three
(`BLIND`) were written after its rules, and scored once before any change made for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import docx
import openpyxl

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved

Doc = dict[str, Any]


@dataclass(frozen=True)
class Item:
    """One milestone as a person would enter it."""

    title: str
    due_text: str | None = None
    due: str | None = None
    starts: str | None = None
    lead: str | None = None
    lead_text: str | None = None


@dataclass(frozen=True)
class Part:
    """A priority or workstream and its milestones."""

    title: str
    items: tuple[Item, ...]
    ref: str | None = None


@dataclass(frozen=True, eq=False)
class RoadmapPlan:
    name: str
    filename: str
    title: str
    parts: tuple[Part, ...]
    build: Callable[[RoadmapPlan], bytes]
    people: tuple[Doc, ...] = field(default=())

    def data(self) -> bytes:
        return self.build(self)

    def reference(self) -> Doc:
        sections = []
        for part in self.parts:
            section: Doc = {"title": part.title, "actions": [_action(i) for i in part.items]}
            if part.ref:
                section["ref"] = part.ref
            sections.append(section)
        return {"title": self.title, "sections": sections, "people": list(self.people)}


def _action(item: Item) -> Doc:
    out: Doc = {"title": item.title, "leads": [item.lead] if item.lead else []}
    for key in ("due_text", "due", "starts", "lead_text"):
        value = getattr(item, key)
        if value:
            out[key] = value
    return out


def _by_period(parts: tuple[Part, ...], periods: list[str]) -> list[list[list[str]]]:
    """For each part, the titles of its items under each period, in order."""
    return [
        [[item.title for item in part.items if item.due_text == period] for period in periods]
        for part in parts
    ]


# 1. Ashcombe: a strategy's web page of priorities, each over lines that open with when
# ("By March 2025:", "Summer term 2025 –", "2025/26:"), pasted as text


def _ashcombe_text(plan: RoadmapPlan) -> bytes:
    lines = [
        plan.title,
        "",
        "This page sets out what the SEND partnership will do, and when. We review it every "
        "term with the parent carer forum and publish what has changed.",
        "",
    ]
    for part in plan.parts:
        lines += [f"Priority {part.ref}: {part.title}", ""]
        for item in part.items:
            assert item.due_text
            joiner = " – " if "term" in item.due_text else ": "
            lines.append(f"{item.due_text}{joiner}{item.title}")
        lines.append("")
    lines.append("If you have a question about the roadmap, email the SEND team.")
    return "\n".join(lines).encode()


ASHCOMBE = RoadmapPlan(
    "Ashcombe timeline (text)",
    "ashcombe-roadmap.txt",
    "Ashcombe SEND Strategy 2024 to 2027: our roadmap",
    (
        Part(
            "Identifying needs early",
            (
                Item(
                    "Train every early years setting to use the new checklist for spotting "
                    "speech and language needs",
                    "By December 2024",
                    "2024-12",
                ),
                Item(
                    "Open two more assessment nurseries in the north of the borough",
                    "By March 2025",
                    "2025-03",
                ),
                Item(
                    "Start a health visitor review at two and a half for every child",
                    "Summer term 2025",
                    "2025-07",
                ),
            ),
            ref="1",
        ),
        Part(
            "Getting EHC plans right",
            (
                Item(
                    "Issue more than 60% of new EHC plans within 20 weeks",
                    "By January 2025",
                    "2025-01",
                ),
                Item(
                    "Launch an online portal where families can follow their assessment",
                    "Spring term 2025",
                    "2025-04",
                ),
                Item(
                    "Audit 50 plans each term together with the parent carer forum",
                    "2025/26",
                    "2026-03",
                ),
            ),
            ref="2",
        ),
        Part(
            "Preparing for adulthood",
            (
                Item(
                    "Publish the supported internship offer with three new employers",
                    "Autumn term 2025",
                    "2025-12",
                ),
                Item(
                    "Hold a preparing for adulthood review for every young person in Year 9 "
                    "with an EHC plan",
                    "By July 2026",
                    "2026-07",
                ),
            ),
            ref="3",
        ),
    ),
    _ashcombe_text,
)


# 2. Brindle: a Word roadmap, one table whose columns are seasons and a row per workstream,
# several paragraphs in a cell, some cells empty


_BRINDLE_PERIODS = ["Spring 2025", "Summer 2025", "Autumn 2025", "2026 and beyond"]


def _brindle_docx(plan: RoadmapPlan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, 1)
    document.add_paragraph(
        "The roadmap shows the milestones of each workstream of the improvement programme. "
        "The programme board reviews it every month."
    )
    table = document.add_table(rows=1 + len(plan.parts), cols=1 + len(_BRINDLE_PERIODS))
    table.style = "Table Grid"
    for c, heading in enumerate(["Workstream", *_BRINDLE_PERIODS]):
        table.cell(0, c).text = heading
    for r, (part, cells) in enumerate(
        zip(plan.parts, _by_period(plan.parts, _BRINDLE_PERIODS), strict=True), start=1
    ):
        table.cell(r, 0).text = part.title
        for c, titles in enumerate(cells, start=1):
            cell = table.cell(r, c)
            if not titles:
                continue
            cell.paragraphs[0].text = titles[0]
            for title in titles[1:]:
                cell.add_paragraph(title)
    return saved(document)


BRINDLE = RoadmapPlan(
    "Brindle roadmap (docx)",
    "brindle-roadmap.docx",
    "Brindle SEND Improvement Programme roadmap 2025",
    (
        Part(
            "Inclusion in mainstream schools",
            (
                Item("Agree the inclusion charter with headteachers", "Spring 2025", "2025-04"),
                Item("Appoint two inclusion advisers", "Spring 2025", "2025-04"),
                Item("Pilot the inclusion quality mark in ten schools", "Summer 2025", "2025-07"),
                Item("Extend the quality mark to every primary school", "Autumn 2025", "2025-12"),
                Item("Review the charter with children and young people", "2026 and beyond"),
            ),
        ),
        Part(
            "Specialist places",
            (
                Item("Open the resource base at Millbrook Primary", "Spring 2025", "2025-04"),
                Item("Consult on a new special free school", "Autumn 2025", "2025-12"),
                Item("Publish the sufficiency plan for 2026 to 2030", "Autumn 2025", "2025-12"),
                Item("Open the special free school", "2026 and beyond"),
            ),
        ),
        Part(
            "Communication with families",
            (
                Item("Relaunch the Local Offer website", "Spring 2025", "2025-04"),
                Item("Hold the first termly you said, we did event", "Summer 2025", "2025-07"),
                Item("Publish a yearly survey of families", "2026 and beyond"),
            ),
        ),
    ),
    _brindle_docx,
)


# 3. Corran: an Excel delivery timeline, a row per action with its lead and an X in each
# month it runs, priorities as rows of their own


_CORRAN_MONTHS = [
    "Apr-25", "May-25", "Jun-25", "Jul-25", "Aug-25", "Sep-25",
    "Oct-25", "Nov-25", "Dec-25", "Jan-26", "Feb-26", "Mar-26",
]  # fmt: skip
_CORRAN_ISO = [f"2025-{m:02d}" for m in range(4, 13)] + [f"2026-{m:02d}" for m in range(1, 4)]


def _corran_xlsx(plan: RoadmapPlan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Timeline"
    sheet.append([plan.title])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", *_CORRAN_MONTHS])
    number = 0
    for part in plan.parts:
        sheet.append([f"Priority {part.ref}: {part.title}"])
        for n, item in enumerate(part.items, start=1):
            number += 1
            assert item.starts and item.due
            first, last = _CORRAN_ISO.index(item.starts), _CORRAN_ISO.index(item.due)
            marks = ["X" if first <= m <= last else None for m in range(len(_CORRAN_ISO))]
            sheet.append([f"{part.ref}.{n}", item.title, item.lead_text, *marks])
    return saved(book)


_CORRAN_PEOPLE = (
    {"key": "HS", "role": "Head of SEND"},
    {"key": "DCO", "role": "Designated Clinical Officer"},
    {"key": "PCF", "role": "Parent Carer Forum Chair"},
    {"key": "EP", "role": "Principal Educational Psychologist"},
)


def _corran_item(title: str, starts: str, due: str, lead: str) -> Item:
    role = next(p["role"] for p in _CORRAN_PEOPLE if p["key"] == lead)
    # Due in the last month marked, as its column names it.
    month = _CORRAN_MONTHS[_CORRAN_ISO.index(due)]
    return Item(title, month, due, starts=starts, lead=lead, lead_text=role)


CORRAN = RoadmapPlan(
    "Corran Gantt sheet (xlsx)",
    "corran-timeline.xlsx",
    "Corran Priority Action Plan delivery timeline 2025/26",
    (
        Part(
            "Timely assessment",
            (
                _corran_item(
                    "Recruit four more educational psychologists", "2025-04", "2025-09", "EP"
                ),
                _corran_item(
                    "Clear the backlog of overdue annual reviews", "2025-05", "2025-12", "HS"
                ),
                _corran_item(
                    "Agree health advice timescales with every provider",
                    "2025-04",
                    "2025-06",
                    "DCO",
                ),
            ),
            ref="1",
        ),
        Part(
            "Co-production",
            (
                _corran_item(
                    "Co-produce the new EHC plan template with families",
                    "2025-06",
                    "2025-10",
                    "PCF",
                ),
                _corran_item(
                    "Run quarterly listening events in each locality",
                    "2025-07",
                    "2026-03",
                    "PCF",
                ),
                _corran_item("Publish the co-production charter", "2025-09", "2025-11", "HS"),
            ),
            ref="2",
        ),
    ),
    _corran_xlsx,
    _CORRAN_PEOPLE,
)


# 4. Dunmore: a PDF of milestone tables, "Milestone | By when | Lead", under a heading for
# each priority


def _dunmore_pdf(plan: RoadmapPlan) -> bytes:
    from sendplan.demo.pdf_files import html_pdf, table_html

    body = [f"<h1>{plan.title}</h1>", "<p>Key milestones agreed by the SEND Partnership Board.</p>"]
    for part in plan.parts:
        body.append(f"<h2>Priority {part.ref}: {part.title}</h2>")
        rows = [[item.title, item.due_text or "", item.lead_text or ""] for item in part.items]
        body.append(table_html([[("Milestone", 1), ("By when", 1), ("Lead", 1)]], rows))
    return html_pdf("".join(body))


_DUNMORE_PEOPLE = (
    {"key": "AD", "role": "Assistant Director, Education"},
    {"key": "DCO", "role": "Designated Clinical Officer"},
    {"key": "HEH", "role": "Head of Early Help"},
)


def _dunmore_item(title: str, when: str, due: str | None, lead: str) -> Item:
    role = next(p["role"] for p in _DUNMORE_PEOPLE if p["key"] == lead)
    return Item(title, when, due, lead=lead, lead_text=role)


DUNMORE = RoadmapPlan(
    "Dunmore milestones (pdf)",
    "dunmore-milestones.pdf",
    "Dunmore Local Area SEND Improvement Plan: key milestones",
    (
        Part(
            "Early help and identification",
            (
                _dunmore_item(
                    "Launch the early help offer for families waiting for an assessment",
                    "End of March 2025",
                    "2025-03",
                    "HEH",
                ),
                _dunmore_item(
                    "Publish the neurodevelopmental pathway", "Summer term 2025", "2025-07", "DCO"
                ),
                _dunmore_item(
                    "Train family hub staff in the graduated approach",
                    "Q2 2025/26",
                    "2025-09",
                    "HEH",
                ),
            ),
            ref="A",
        ),
        Part(
            "Education, health and care plans",
            (
                _dunmore_item(
                    "Bring 20-week timeliness in line with the national average",
                    "December 2025",
                    "2025-12",
                    "AD",
                ),
                _dunmore_item(
                    "Agree a quality assurance framework for EHC plans",
                    "By June 2025",
                    "2025-06",
                    "AD",
                ),
                _dunmore_item(
                    "Embed health advice returned within six weeks", "Ongoing", None, "DCO"
                ),
            ),
            ref="B",
        ),
    ),
    _dunmore_pdf,
    _DUNMORE_PEOPLE,
)


# 5. Elmstead: a three-year plan pasted from a PDF, a numbered workstream each over "Year 1
# (2024/25)" lines that head bulleted milestones


def _elmstead_text(plan: RoadmapPlan) -> bytes:
    lines = [plan.title, "Delivery timeline", ""]
    for part in plan.parts:
        lines += [f"{part.ref}. {part.title}", ""]
        for period in dict.fromkeys(item.due_text for item in part.items):
            lines.append(str(period))
            lines += [f"• {item.title}" for item in part.items if item.due_text == period]
            lines.append("")
    return "\n".join(lines).encode()


ELMSTEAD = RoadmapPlan(
    "Elmstead three years (text)",
    "elmstead-three-years.txt",
    "Elmstead Local Area SEND Improvement Plan 2024 to 2027",
    (
        Part(
            "Joint commissioning",
            (
                Item(
                    "Agree a joint commissioning framework between the council and the ICB",
                    "Year 1 (2024/25)",
                    "2025-03",
                ),
                Item(
                    "Commission a speech and language therapy service for schools",
                    "Year 1 (2024/25)",
                    "2025-03",
                ),
                Item(
                    "Pool budgets for equipment and short breaks",
                    "Year 2 (2025/26)",
                    "2026-03",
                ),
                Item(
                    "Review every jointly commissioned service with families",
                    "Year 3 (2026/27)",
                    "2027-03",
                ),
            ),
            ref="1",
        ),
        Part(
            "Workforce",
            (
                Item(
                    "Deliver autism awareness training to all school staff",
                    "Year 1 (2024/25)",
                    "2025-03",
                ),
                Item(
                    "Set up a SENCo network in each locality",
                    "Year 2 (2025/26)",
                    "2026-03",
                ),
                Item(
                    "Offer a SEND induction to every newly qualified teacher",
                    "Year 2 (2025/26)",
                    "2026-03",
                ),
            ),
            ref="2",
        ),
    ),
    _elmstead_text,
)


# Written after the rules above were in place, and scored once before any change for them.

# 6. Foxley: a "Now / Next / Later" board in Word, each column naming its months in brackets,
# a row per priority, each cell a bulleted list


_FOXLEY_PERIODS = [
    "Now (to March 2026)",
    "Next (April to August 2026)",
    "Later (from September 2026)",
]


def _foxley_docx(plan: RoadmapPlan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, 1)
    document.add_paragraph(
        "Now, next and later: what the partnership is working on, and what comes after. "
        "Updated by the SEND Partnership Board each term."
    )
    table = document.add_table(rows=1 + len(plan.parts), cols=1 + len(_FOXLEY_PERIODS))
    table.style = "Table Grid"
    for c, heading in enumerate(["Our priority", *_FOXLEY_PERIODS]):
        table.cell(0, c).text = heading
    for r, (part, cells) in enumerate(
        zip(plan.parts, _by_period(plan.parts, _FOXLEY_PERIODS), strict=True), start=1
    ):
        table.cell(r, 0).text = part.title
        for c, titles in enumerate(cells, start=1):
            table.cell(r, c).text = "\n".join(f"• {title}" for title in titles)
    return saved(document)


def _later(title: str) -> Item:
    return Item(title, _FOXLEY_PERIODS[2], None, starts="2026-09")


FOXLEY = RoadmapPlan(
    "Foxley now, next, later (docx)",
    "foxley-now-next-later.docx",
    "Foxley SEND and Inclusion Strategy: now, next and later",
    (
        Part(
            "Early years",
            (
                Item(
                    "Fund speech and language support in every nursery",
                    _FOXLEY_PERIODS[0],
                    "2026-03",
                ),
                Item(
                    "Train childminders in the early years checklist", _FOXLEY_PERIODS[1], "2026-08"
                ),
                _later("Open an early years assessment centre"),
            ),
        ),
        Part(
            "Mental health and wellbeing",
            (
                Item(
                    "Place a mental health support team in every secondary school",
                    _FOXLEY_PERIODS[0],
                    "2026-03",
                ),
                Item(
                    "Cut the wait for a first CAMHS appointment to 12 weeks",
                    _FOXLEY_PERIODS[1],
                    "2026-08",
                ),
                Item(
                    "Agree a pathway for emotionally based school avoidance",
                    _FOXLEY_PERIODS[1],
                    "2026-08",
                ),
            ),
        ),
        Part(
            "Voice of young people",
            (
                Item(
                    "Set up a SEND youth forum with two seats on the board",
                    _FOXLEY_PERIODS[0],
                    "2026-03",
                ),
                _later("Have young people review the Local Offer each year"),
            ),
        ),
    ),
    _foxley_docx,
)


# 7. Glenholme: an Excel roadmap under a title row, a numbered priority a row with its
# milestones for each school term in cells of dashed lines, one cell wrapping onto a second line


_GLENHOLME_TERMS = ["Autumn term 2025", "Spring term 2026", "Summer term 2026"]


def _glenholme_xlsx(plan: RoadmapPlan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Roadmap 2025-26"
    sheet.append([plan.title])
    sheet.append([])
    sheet.append(["Priority", *_GLENHOLME_TERMS])
    for part, cells in zip(plan.parts, _by_period(plan.parts, _GLENHOLME_TERMS), strict=True):
        values = []
        for titles in cells:
            lines = []
            for title in titles:
                if len(title) > 60:
                    cut = title.rfind(" ", 0, 50)
                    lines += [f"- {title[:cut]}", title[cut + 1 :]]
                else:
                    lines.append(f"- {title}")
            values.append("\n".join(lines) or None)
        sheet.append([f"{part.ref}. {part.title}", *values])
    return saved(book)


GLENHOLME = RoadmapPlan(
    "Glenholme roadmap sheet (xlsx)",
    "glenholme-roadmap.xlsx",
    "Glenholme Local Area SEND Roadmap 2025 to 2026",
    (
        Part(
            "Inclusive schools",
            (
                Item(
                    "Publish the Glenholme ordinarily available provision guide",
                    "Autumn term 2025",
                    "2025-12",
                ),
                Item(
                    "Start inclusion reviews in the ten schools with the most suspensions of "
                    "pupils with SEND",
                    "Spring term 2026",
                    "2026-04",
                ),
                Item(
                    "Share what the inclusion reviews found with every school",
                    "Summer term 2026",
                    "2026-07",
                ),
            ),
            ref="1",
        ),
        Part(
            "Timely assessment",
            (
                Item(
                    "Move EHC needs assessment requests to the online form",
                    "Autumn term 2025",
                    "2025-12",
                ),
                Item(
                    "Add two educational psychologists to the assessment team",
                    "Autumn term 2025",
                    "2025-12",
                ),
                Item(
                    "Issue at least 65% of new EHC plans within 20 weeks",
                    "Summer term 2026",
                    "2026-07",
                ),
            ),
            ref="2",
        ),
    ),
    _glenholme_xlsx,
)


# 8. Hurst: a PDF timeline, a heading for each workstream over phases that head bulleted
# lists, and lines opening "By Easter 2026:"


def _hurst_pdf(plan: RoadmapPlan) -> bytes:
    from html import escape

    from sendplan.demo.pdf_files import html_pdf

    body = [f"<h1>{escape(plan.title)}</h1>", "<p>How and when the plan will be delivered.</p>"]
    for part in plan.parts:
        body.append(f"<h2>Workstream {part.ref}: {escape(part.title)}</h2>")
        phases = dict.fromkeys(item.due_text for item in part.items if item.due_text)
        for phase in phases:
            items = [item for item in part.items if item.due_text == phase]
            if str(phase).startswith("By "):
                body += [f"<p>{escape(str(phase))}: {escape(i.title)}</p>" for i in items]
                continue
            body.append(f"<p><b>{escape(str(phase))}</b></p><ul>")
            body += [f"<li>{escape(i.title)}</li>" for i in items]
            body.append("</ul>")
    return html_pdf("".join(body))


HURST = RoadmapPlan(
    "Hurst phased timeline (pdf)",
    "hurst-timeline.pdf",
    "Hurst SEND Improvement Plan timeline",
    (
        Part(
            "Assessment and planning",
            (
                Item(
                    "Recruit a team to clear overdue annual reviews",
                    "Phase 1 (September to December 2025)",
                    "2025-12",
                ),
                Item(
                    "Agree a standard for the quality of EHC plans",
                    "Phase 1 (September to December 2025)",
                    "2025-12",
                ),
                Item(
                    "Audit every new EHC plan against the standard",
                    "Phase 2 (January to July 2026)",
                    "2026-07",
                ),
                Item("Report audit findings to the partnership board", "By Easter 2026", "2026-04"),
            ),
            ref="A",
        ),
        Part(
            "Working with families",
            (
                Item(
                    "Open a family advice line staffed by SEND officers",
                    "Phase 1 (September to December 2025)",
                    "2025-12",
                ),
                Item(
                    "Hold a listening event in each of the four localities",
                    "Phase 2 (January to July 2026)",
                    "2026-07",
                ),
                Item("Publish a family guide to the annual review", "By Easter 2026", "2026-04"),
            ),
            ref="B",
        ),
    ),
    _hurst_pdf,
)


# Written before the rules.
SEEN = (ASHCOMBE, BRINDLE, CORRAN, DUNMORE, ELMSTEAD)
# Written after the rules, scored once before any change for them.
BLIND = (FOXLEY, GLENHOLME, HURST)
PLANS = SEEN + BLIND


@cache
def parsed(plan: RoadmapPlan) -> Doc:
    document: Doc = parse_file_inprocess(plan.data(), plan.filename).document
    return document["plan"]


# What the roadmaps hold and are scored on: milestones, their sections, dates and leads.
SCORED = ("actions found", "titles", "due dates", "due dates as written", "start dates",
          "leads", "section titles")  # fmt: skip


def figures(plan: RoadmapPlan) -> list[accuracy.Figure]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [figure for figure in found if figure[0] in SCORED]
