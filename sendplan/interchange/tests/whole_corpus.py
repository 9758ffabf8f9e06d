"""Invented plans at full length, front and back matter and all, with what each holds.

The real corpus holds excerpts of a few actions each; an area imports its whole plan. A
Written Statement of Action or Accelerated Progress Plan runs to 20–60 pages and 40–150
actions: a cover, a contents page, a foreword, the context, the inspection's findings quoted
as numbered areas of weakness, governance (boards and a diagram's text), then an action table
per area of weakness or priority running over many pages (leads, dates, success measures,
quarterly RAG columns and a key), then appendices (a glossary, a table of measures with
baselines and targets, a co-production statement). Trackers in Excel hold a cover, a key, the
actions, the measures and a change log on sheets of their own.

Each plan here is invented (invented areas and officers, no children): its content is drawn
from word pools by a seeded generator, and the plan a careful person would enter from it is
written down beside it (the same actions, sections, leads, dates and ratings the file was built
from; the findings, glossary and measures as weaknesses, glossary and indicators, never as
actions). bench/parse_whole.py prints the scores, with the actions read that are not in the
plan at all (front matter, glossary rows, measure rows and contents lines read as actions);
test_parse_whole.py holds their floors; corpus/real/WHOLE17.md tells the story.

The blind half was fixed by a hash before any rule was written for these plans: a plan is
blind when the SHA-256 of its name, read as a number, is odd (`is_blind`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from html import escape
from typing import Any

import docx
import openpyxl
from docx.oxml import OxmlElement

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved

Doc = dict[str, Any]


def is_blind(name: str) -> bool:
    """The fixed rule that puts a plan in the blind half, decided before any rule was written."""
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % 2 == 1


# The pools the content is drawn from


_STEMS = (
    "Publish a graduated response toolkit for early years settings",
    "Train special educational needs coordinators to use the new assessment checklist",
    "Agree a shared referral pathway for speech and language therapy",
    "Audit a sample of new EHC plans each month against the quality standard",
    "Recruit additional case officers to clear overdue annual reviews",
    "Introduce a tracker for every needs assessment that passes twenty weeks",
    "Co-produce a plain English guide to the annual review with parent carers",
    "Commission an independent review of the autism assessment pathway",
    "Set up a neurodevelopmental triage hub staffed by health and education",
    "Extend the inclusion outreach service to every secondary school",
    "Refresh the Local Offer website so families can find services by need",
    "Hold termly listening events with families in each locality",
    "Report exclusion figures for pupils with SEND to the partnership board",
    "Embed the preparation for adulthood outcomes framework in annual reviews",
    "Map supported internship places against the demand from young people",
    "Launch a transition protocol between children's and adult health services",
    "Review the joint commissioning strategy for therapies",
    "Develop a dashboard of waiting times across health services",
    "Agree a quality assurance framework for EHC plans with health and social care",
    "Publish the outcomes of each quality audit on the Local Offer",
    "Pilot a key worker role for families waiting for an autism assessment",
    "Deliver training on writing outcomes to social care practitioners",
    "Introduce a multi-agency panel for decisions about specialist places",
    "Create additional resourced provision places in mainstream schools",
    "Set out the responsibilities of the designated clinical officer in a protocol",
    "Strengthen the advice health practitioners give to needs assessments",
    "Track the attendance of pupils with EHC plans every half term",
    "Reduce the use of part-time timetables for pupils with SEND",
    "Agree with schools a fair access protocol that covers pupils with SEND",
    "Run a workforce development programme on ordinarily available provision",
    "Collect feedback from young people after each annual review",
    "Establish a young people's advisory group for the partnership",
    "Produce a termly newsletter on the progress of the plan",
    "Commission an external review of governance arrangements",
    "Revise the terms of reference of the SEND partnership board",
    "Align the performance reports of education, health and care partners",
    "Introduce a single point of access for emotional health support",
    "Expand the mental health support teams to cover all secondary schools",
    "Offer every family a named contact while their assessment is under way",
    "Check that every EHC plan has a health section written by a practitioner",
    "Reduce the backlog of occupational therapy assessments",
    "Set up a panel to review placements in independent special schools",
    "Agree a short breaks offer with the parent carer forum",
    "Publish the sufficiency plan for specialist places",
    "Build preparation for adulthood into every annual review from year nine",
    "Develop a post-16 pathway for young people with complex needs",
    "Work with colleges to increase the number of supported internships",
    "Introduce a dispute resolution service before tribunal",
    "Share mediation outcomes with the partnership board each quarter",
    "Carry out a deep dive into the experience of children looked after with SEND",
    "Review how the virtual school supports pupils with EHC plans",
    "Agree a protocol for the transfer of EHC plans between areas",
    "Provide early help practitioners with training on identifying need",
    "Make sure health visitors complete the two year review with settings",
    "Introduce a portage service for children with complex needs under five",
    "Strengthen the early years inclusion fund application process",
    "Publish a charter for how partners will communicate with families",
    "Train front-line staff in co-production with families",
    "Monitor complaints about SEND services and act on the themes",
    "Evaluate the impact of the inclusion outreach service",
)

_QUALIFIERS = (
    "",
    " across the whole area",
    " with the parent carer forum",
    " and report progress to the improvement board",
    " in every locality",
    " so that families know what to expect",
    " working with the integrated care board",
    " and review it after six months",
    " for children and young people aged 0 to 25",
    " alongside school leaders",
    " and publish the findings",
    " using the learning from case audits",
)

_AREAS = (
    "Leadership and governance of the SEND reforms",
    "Identification of need in the early years",
    "Timeliness and quality of EHC plans",
    "Waiting times for health assessments",
    "Co-production with children, young people and families",
    "Preparation for adulthood",
    "Inclusion and the use of exclusion",
    "Joint commissioning across education, health and care",
    "Communication with families and the Local Offer",
    "Quality assurance and the use of data",
    "Support for emotional wellbeing and mental health",
    "Sufficiency of specialist provision",
)

_FINDINGS = (
    "Leaders across education, health and care do not have an accurate understanding of how "
    "well the area meets the needs of children and young people with SEND.",
    "The identification of needs in the early years is inconsistent and too often late.",
    "Too many EHC plans are issued late, and the quality of plans is too variable.",
    "Children and young people wait too long for assessments by health services.",
    "Families do not feel listened to, and co-production is not yet part of how the area works.",
    "Young people are not well prepared for adulthood, and too few move into employment.",
    "Pupils with SEND are excluded, or placed on part-time timetables, more than others.",
    "Joint commissioning is underdeveloped, so gaps in provision are not addressed.",
    "The Local Offer is not well known and families find it hard to use.",
    "The area's leaders do not use data well to check the difference their work makes.",
    "Support for the emotional wellbeing of children with SEND is hard to reach.",
    "There are not enough specialist places close to home.",
)

_MEASURES = (
    "Toolkit in use in 90% of settings",
    "Audits rate at least 80% of plans good or better",
    "Fewer complaints about communication",
    "Waiting list reduced by a half",
    "Families report that they feel listened to",
    "Twenty more supported internships each year",
    "Attendance of pupils with EHC plans rises",
    "Exclusions of pupils with SEND fall to the national average",
    "Board receives the report each quarter",
    "Every school has a named link worker",
    "Feedback collected from at least half of young people",
    "Protocol signed by all partners",
    "Timeliness of plans reaches 60% within 20 weeks",
    "Local Offer visits double",
    "Staff report greater confidence in surveys",
)

_KPIS = (
    ("New EHC plans issued within 20 weeks (%)", "34%", "60%"),
    ("Annual reviews completed on time (%)", "41%", "80%"),
    ("Children waiting more than 18 weeks for an autism assessment", "612", "300"),
    ("Suspensions of pupils with EHC plans (rate per 100 pupils)", "14.2", "10.0"),
    ("Young people with EHC plans in employment, education or training at 18 (%)", "71%", "85%"),
    ("Plans rated good or better at audit (%)", "52%", "80%"),
    ("Families who say they were involved in their plan (%)", "48%", "75%"),
    ("Pupils with SEND on part-time timetables", "133", "60"),
    ("Tribunal appeals registered per 1,000 plans", "21", "12"),
    ("Occupational therapy waiting time (weeks)", "39", "18"),
)

_GLOSSARY = (
    ("APP", "Accelerated Progress Plan"),
    ("CAMHS", "Child and Adolescent Mental Health Services"),
    ("DCO", "Designated Clinical Officer"),
    ("EHCP", "Education, Health and Care Plan"),
    ("EP", "Educational Psychologist"),
    ("ICB", "Integrated Care Board"),
    ("KPI", "Key Performance Indicator"),
    ("NEET", "Not in Education, Employment or Training"),
    ("PCF", "Parent Carer Forum"),
    ("PfA", "Preparing for Adulthood"),
    ("SALT", "Speech and Language Therapy"),
    ("SENCO", "Special Educational Needs Coordinator"),
    ("SEND", "Special Educational Needs and Disabilities"),
    ("WSoA", "Written Statement of Action"),
)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


# What each plan holds


@dataclass(frozen=True)
class Act:
    ref: str
    title: str
    leads: tuple[str, ...]
    lead_text: str
    due_text: str
    due: str | None
    measures: tuple[str, ...]
    statuses: tuple[str, ...]


@dataclass(frozen=True)
class Area:
    ref: str
    title: str
    finding: str
    acts: tuple[Act, ...]


@dataclass(frozen=True)
class Style:
    """How a plan writes what varies between councils."""

    ref: Callable[[int, int], str]
    dates: tuple[str, ...]
    periods: tuple[str, ...]
    scale: tuple[tuple[str, str, str], ...]  # (code as written, meaning, colour)
    people: tuple[tuple[str, str], ...]  # (key, lead as written)
    blanks: bool = True  # the last period is not yet rated for some actions


@dataclass(frozen=True, eq=False)
class WholePlan:
    name: str
    filename: str
    title: str
    seed: int
    counts: tuple[int, ...]  # actions in each area
    style: Style
    build: Callable[[WholePlan], bytes]
    section_ref: Callable[[int], str] = str
    measures_kept: bool = True
    # Whether the file quotes the inspection's findings and has a glossary (the trackers in
    # Excel hold neither).
    quotes: bool = True
    extra: Doc = field(default_factory=dict)

    @property
    def blind(self) -> bool:
        return is_blind(self.name)

    def data(self) -> bytes:
        return self.build(self)

    def areas(self) -> tuple[Area, ...]:
        return _areas(self)

    def kpis(self) -> tuple[tuple[str, str, str], ...]:
        rng = random.Random(self.seed + 1)
        return tuple(rng.sample(_KPIS, 6))

    def glossary(self) -> tuple[tuple[str, str], ...]:
        rng = random.Random(self.seed + 2)
        return tuple(sorted(rng.sample(_GLOSSARY, 10)))

    def reference(self) -> Doc:
        sections = []
        for area in self.areas():
            section: Doc = {"ref": area.ref, "title": area.title}
            if self.extra.get("subs"):
                section["actions"] = []
                section["sections"] = [
                    {"ref": ref, "title": title, "actions": [_action(self, a) for a in acts]}
                    for ref, title, acts in _subs(area)
                ]
            else:
                section["actions"] = [_action(self, act) for act in area.acts]
            sections.append(section)
        people = {}
        for key, text in self.style.people:
            people[key] = {"key": key, "name": text}
        return {
            "title": self.title,
            "people": list(people.values()),
            "status_scale": [
                {"code": code, "label": meaning, "colour": colour}
                for code, meaning, colour in self.style.scale
            ],
            "periods": [{"label": label} for label in self.style.periods],
            "sections": sections,
            "weaknesses": [{"ref": a.ref, "text": a.finding} for a in self.areas()]
            if self.quotes
            else [],
            "glossary": [{"term": t, "meaning": m} for t, m in self.glossary()]
            if self.quotes
            else [],
            "indicators": [{"name": name} for name, _, _ in self.kpis()],
        }


def _action(plan: WholePlan, act: Act) -> Doc:
    out: Doc = {"ref": act.ref, "title": act.title, "leads": list(act.leads)}
    out["lead_text"] = act.lead_text
    out["due_text"] = act.due_text
    if act.due:
        out["due"] = act.due
    if plan.measures_kept:
        out["measures"] = [{"text": m} for m in act.measures]
    out["updates"] = [
        {"period": period, "status": code}
        for period, code in zip(plan.style.periods, act.statuses, strict=True)
        if code
    ]
    return out


def _when(rng: random.Random, formats: tuple[str, ...]) -> tuple[str, str | None]:
    """A due date as the plan writes it and as a person enters it."""
    day = dt.date(2025, 1, 31) + dt.timedelta(days=rng.randrange(0, 540))
    month = _MONTHS[day.month - 1]
    form = rng.choice(formats)
    if form == "ongoing":
        return rng.choice(("Ongoing", "Termly", "Monthly")), None
    if form == "month":
        return f"{month} {day.year}", f"{day:%Y-%m}"
    if form == "short":
        return f"{month[:3]} {day.year}", f"{day:%Y-%m}"
    if form == "mon-yy":
        return f"{month[:3]}-{day:%y}", f"{day:%Y-%m}"
    end = dt.date(day.year, day.month, 28)
    while (end + dt.timedelta(days=1)).month == day.month:
        end += dt.timedelta(days=1)
    if form == "slashes":
        return f"{end:%d/%m/%Y}", end.isoformat()
    return f"{end.day} {month} {end.year}", end.isoformat()  # "day"


def _areas(plan: WholePlan) -> tuple[Area, ...]:
    rng = random.Random(plan.seed)
    style = plan.style
    picks = rng.sample(range(len(_AREAS)), len(plan.counts))
    stems = list(_STEMS)
    rng.shuffle(stems)
    used: set[str] = set()
    areas = []
    for a, (pick, count) in enumerate(zip(picks, plan.counts, strict=True), start=1):
        acts = []
        for n in range(1, count + 1):
            title = ""
            while not title or title in used:
                stem = stems.pop() if stems else rng.choice(_STEMS)
                title = stem + rng.choice(_QUALIFIERS)
            used.add(title)
            chosen = rng.sample(style.people, 2 if rng.random() < 0.2 else 1)
            lead_text = " / ".join(text for _, text in chosen)
            due_text, due = _when(rng, style.dates)
            measures = tuple(rng.sample(_MEASURES, rng.choice((1, 1, 2))))
            rated = len(style.periods)
            if style.blanks and rng.random() < 0.3:
                rated -= 1
            codes = [code for code, _, _ in style.scale]
            statuses = tuple(
                rng.choice(codes) if p < rated else "" for p in range(len(style.periods))
            )
            acts.append(
                Act(
                    style.ref(a, n),
                    title,
                    tuple(key for key, _ in chosen),
                    lead_text,
                    due_text,
                    due,
                    measures,
                    statuses,
                )
            )
        areas.append(Area(plan.section_ref(a), _AREAS[pick], _FINDINGS[pick], tuple(acts)))
    return tuple(areas)


_SUB_TITLES = (
    "Assessment and planning",
    "Working with schools and settings",
    "Advice from health services",
    "Training the workforce",
    "Listening to families",
    "Checking quality",
    "Moving on to adult services",
    "Places close to home",
    "Early help",
    "Data and reporting",
    "Keeping families informed",
    "Commissioning together",
)


def _subs(area: Area) -> tuple[tuple[str, str, tuple[Act, ...]], ...]:
    """An area's actions under two priorities of its own ("1.1", "1.2"), numbered afresh."""
    half = (len(area.acts) + 1) // 2
    out = []
    for k, acts in enumerate((area.acts[:half], area.acts[half:]), start=1):
        ref = f"{area.ref}.{k}"
        title = _SUB_TITLES[(int(area.ref) * 2 + k) % len(_SUB_TITLES)]
        numbered = tuple(replace(act, ref=f"{ref}.{n}") for n, act in enumerate(acts, start=1))
        out.append((ref, title, numbered))
    return tuple(out)


# Front and back matter, as the plans write it


def _foreword(plan: WholePlan) -> list[str]:
    return [
        "We are sorry that children and young people with special educational needs and "
        "disabilities, and their families, have not always had the support they should. This "
        "plan sets out what we will do about it, and how we will know that it has made a "
        "difference.",
        "The plan was written with the parent carer forum, our schools and colleges, and "
        "partners across health and social care. We will publish an update every term.",
        "Signed on behalf of the partnership by the Director of Children's Services and the "
        "Chief Nursing Officer of the Integrated Care Board.",
    ]


def _context() -> list[str]:
    return [
        "Around 2,400 children and young people in the area have an Education, Health and "
        "Care Plan, and a further 7,000 receive SEN support in schools and settings.",
        "The number of requests for an assessment has risen by a third in three years, and the "
        "high needs block of the dedicated schools grant is overspent.",
        "Inspectors visited the area over three weeks and met leaders, practitioners, "
        "families and young people. They found the areas of weakness set out below.",
    ]


def _governance() -> list[str]:
    return [
        "The SEND Improvement Board, chaired by the Chief Executive, oversees this plan. It "
        "meets every month and reports to the Department for Education and NHS England.",
        "Each area of weakness has a senior responsible officer and a task and finish group, "
        "which reports its progress to the board every month using the rating key below.",
    ]


_DIAGRAM = (
    "Health and Wellbeing Board",
    "Children's Partnership",
    "SEND Improvement Board",
    "Task and finish groups",
    "Parent Carer Forum",
)


def _coproduction() -> list[str]:
    return [
        "This plan was co-produced. Parent carers sat on every task and finish group and "
        "wrote the success measures with officers. Young people from the youth council "
        "chose the words we use to describe each priority.",
        "We will go on testing the plan with families at every termly event and change it "
        "where they tell us it is not working.",
    ]


def _contents(plan: WholePlan, word: str) -> list[tuple[str, int]]:
    lines = [("Foreword", 3), ("Context", 4), ("What the inspection found", 5),
             ("Governance", 6), ("How we rate progress", 7)]  # fmt: skip
    page = 8
    for area in plan.areas():
        lines.append((f"{word} {area.ref}: {area.title}", page))
        page += 2 + len(area.acts) // 5
    lines += [("Appendix A: Glossary", page), ("Appendix B: Measures of success", page + 1),
              ("Appendix C: Co-production statement", page + 2)]  # fmt: skip
    return lines


def _leader(text: str, page: int, width: int = 90) -> str:
    dots = "." * max(4, width - len(text) - len(str(page)))
    return f"{text} {dots} {page}"


# Word


def _repeat_heading(row: Any) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _landscape(document: Any) -> None:
    from docx.enum.section import WD_ORIENT

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def _table(document: Any, rows: list[list[str]], *, heading: bool = True) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    if heading:
        _repeat_heading(table.rows[0])
    return table


def _header_footer(document: Any, title: str) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = f"OFFICIAL\t\t{title}"
    section.footer.paragraphs[0].text = "Page 1 of 40"


def _front_word(document: Any, plan: WholePlan, word: str, *, numbered: bool) -> None:
    document.add_heading(plan.title, level=0)
    document.add_paragraph(plan.extra.get("subtitle", "Local area partnership"))
    document.add_paragraph("Published May 2025. Version 1.3")
    document.add_paragraph("OFFICIAL")
    document.add_page_break()
    document.add_heading("Contents", level=1)
    for text, page in _contents(plan, word):
        # Word's own table of contents gives each line's words, a tab and the page.
        tabs = plan.extra.get("contents") == "tabs"
        document.add_paragraph(f"{text}\t{page}" if tabs else _leader(text, page))
    document.add_page_break()
    document.add_heading("Foreword", level=1)
    for text in _foreword(plan):
        document.add_paragraph(text)
    document.add_heading("Context", level=1)
    for text in _context():
        document.add_paragraph(text)
    document.add_heading("What the inspection found", level=1)
    document.add_paragraph(f"The report named these {word.lower()}s:")
    for area in plan.areas():
        if numbered:
            document.add_paragraph(area.finding, style="List Number")
        else:
            document.add_paragraph(f"{word} {area.ref}: {area.finding}")
    document.add_heading("Governance", level=1)
    for text in _governance():
        document.add_paragraph(text)
    for box in _DIAGRAM:
        document.add_paragraph(box)


def _back_word(document: Any, plan: WholePlan) -> None:
    document.add_heading("Appendix A: Glossary", level=1)
    _table(document, [["Acronym", "Meaning"], *[[t, m] for t, m in plan.glossary()]])
    document.add_heading("Appendix B: Measures of success", level=1)
    rows = [["Measure", "Baseline (2024)", "Target (March 2026)", "Source"]]
    rows += [[name, base, target, "Local data"] for name, base, target in plan.kpis()]
    _table(document, rows)
    document.add_heading("Appendix C: Co-production statement", level=1)
    for text in _coproduction():
        document.add_paragraph(text)


def _key_rows(plan: WholePlan, heads: tuple[str, str] = ("RAG", "Meaning")) -> list[list[str]]:
    return [list(heads), *[[code, meaning] for code, meaning, _ in plan.style.scale]]


def _wsoa_docx(plan: WholePlan) -> bytes:
    """Amberley: a WSoA in Word, landscape, a table per area of weakness."""
    document = docx.Document()
    _landscape(document)
    _header_footer(document, plan.title)
    _front_word(document, plan, "Area of weakness", numbered=True)
    document.add_heading("How we rate progress", level=1)
    _table(document, _key_rows(plan))
    periods = plan.style.periods
    heads = ["Ref", "Action", "Lead officer", "Timescale", "Success measures",
             *[f"RAG {p}" for p in periods]]  # fmt: skip
    for area in plan.areas():
        document.add_page_break()
        document.add_heading(f"Area of weakness {area.ref}: {area.title}", level=1)
        document.add_paragraph(f"What the inspection found: {area.finding}")
        document.add_paragraph("Senior responsible officer: Director of Children's Services")
        rows = [heads]
        for act in area.acts:
            rows.append([act.ref, act.title, act.lead_text, act.due_text,
                         "\n".join(act.measures), *act.statuses])  # fmt: skip
        _table(document, rows)
    _back_word(document, plan)
    return saved(document)


def _app_docx(plan: WholePlan) -> bytes:
    """Coldharbour: an APP in Word, ratings in words, measures of impact as bullets."""
    document = docx.Document()
    _header_footer(document, plan.title)
    _front_word(document, plan, "Area for improvement", numbered=False)
    document.add_heading("How we rate progress", level=1)
    _table(document, _key_rows(plan, ("Progress", "What it means")))
    heads = ["No.", "What we will do", "Who is responsible", "By when",
             "How we will know it has worked",
             *[f"Progress {p}" for p in plan.style.periods]]  # fmt: skip
    for area in plan.areas():
        document.add_heading(f"Area for improvement {area.ref}: {area.title}", level=1)
        document.add_paragraph("Why this matters: " + area.finding)
        rows = [heads]
        for act in area.acts:
            impact = "\n".join(f"• {m}" for m in act.measures)
            rows.append([act.ref, act.title, act.lead_text, act.due_text, impact,
                         *act.statuses])  # fmt: skip
        _table(document, rows)
    _back_word(document, plan)
    return saved(document)


def _pap_docx(plan: WholePlan) -> bytes:
    """Dunstow: a priority action plan, a table of measures after each priority's actions."""
    document = docx.Document()
    _front_word(document, plan, "Priority", numbered=True)
    document.add_heading("How we rate progress", level=1)
    _table(document, _key_rows(plan, ("Rating", "Description")))
    kpis = plan.kpis()
    period = plan.style.periods[0]
    for a, area in enumerate(plan.areas()):
        document.add_heading(f"Priority {area.ref} – {area.title}", level=1)
        document.add_paragraph("What we want to achieve: " + area.finding)
        rows = [["Action ref", "Action", "Lead", "Deadline", f"RAG ({period})"]]
        for act in area.acts:
            rows.append([act.ref, act.title, act.lead_text, act.due_text, act.statuses[0]])
        _table(document, rows)
        document.add_paragraph("How we will measure success")
        mine = [k for k in kpis if kpis.index(k) % len(plan.counts) == a] or [kpis[0]]
        rows = [["Key performance indicator", "Baseline", "Target", "Latest"]]
        rows += [[name, base, target, base] for name, base, target in mine]
        _table(document, rows)
    _back_word(document, plan)
    return saved(document)


# PDF


_PDF_CSS = """
@page { @top-left { content: "OFFICIAL"; font: 8pt "Liberation Sans"; }
        @bottom-right { content: "%s"; font: 7pt "Liberation Sans"; } }
.cover { page-break-after: always; }
.contents p { font-family: "Liberation Mono"; font-size: 8pt; margin: 0 0 2pt; }
.contents { page-break-after: always; }
h2 { page-break-before: always; }
"""


def _pdf_front(plan: WholePlan, word: str) -> list[str]:
    body = [
        "<div class='cover'>",
        f"<h1>{escape(plan.title)}</h1>",
        f"<p>{escape(plan.extra.get('subtitle', 'Local area partnership'))}</p>",
        "<p>Published May 2025. Version 2.0</p>",
        "</div><div class='contents'><h3>Contents</h3>",
    ]
    body += [f"<p>{escape(_leader(t, p, 110))}</p>" for t, p in _contents(plan, word)]
    body.append("</div>")
    body.append("<h3>Foreword</h3>")
    body += [f"<p>{escape(t)}</p>" for t in _foreword(plan)]
    body.append("<h3>Context</h3>")
    body += [f"<p>{escape(t)}</p>" for t in _context()]
    body.append("<h3>What the inspection found</h3><ol>")
    body += [f"<li>{escape(a.finding)}</li>" for a in plan.areas()]
    body.append("</ol><h3>Governance</h3>")
    body += [f"<p>{escape(t)}</p>" for t in _governance()]
    body += [f"<p style='text-align:center'>{escape(t)}</p>" for t in _DIAGRAM]
    body.append("<h3>How we rate progress</h3>")
    body.append(_html_table(_key_rows(plan)))
    return body


def _pdf_back(plan: WholePlan) -> list[str]:
    body = ["<h2>Appendix A: Glossary</h2>"]
    body.append(_html_table([["Acronym", "Meaning"], *[[t, m] for t, m in plan.glossary()]]))
    body.append("<h3>Appendix B: Measures of success</h3>")
    rows = [["Measure", "Baseline (2024)", "Target (March 2026)", "Source"]]
    rows += [[name, base, target, "Local data"] for name, base, target in plan.kpis()]
    body.append(_html_table(rows))
    body.append("<h3>Appendix C: Co-production statement</h3>")
    body += [f"<p>{escape(t)}</p>" for t in _coproduction()]
    return body


def _html_table(rows: list[list[str]]) -> str:
    def cell(tag: str, text: str) -> str:
        return f"<{tag}>{'<br>'.join(escape(line) for line in text.split(chr(10)))}</{tag}>"

    head = "".join(cell("th", t) for t in rows[0])
    body = "".join("<tr>" + "".join(cell("td", t) for t in row) + "</tr>" for row in rows[1:])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _pdf(body: list[str], plan: WholePlan, css: str = "") -> bytes:
    from sendplan.demo.pdf_files import html_pdf

    style = _PDF_CSS % plan.title.replace('"', "'") + css
    return html_pdf("".join(body), running=plan.title, css=style)


def _wsoa_pdf(plan: WholePlan) -> bytes:
    """Amberley printed: the WSoA as Word prints it, landscape, rows broken over pages."""
    body = _pdf_front(plan, "Area of weakness")
    periods = plan.style.periods
    heads = ["Ref", "Action", "Lead officer", "Timescale", "Success measures",
             *[f"RAG {p}" for p in periods]]  # fmt: skip
    for area in plan.areas():
        body.append(f"<h2>Area of weakness {area.ref}: {escape(area.title)}</h2>")
        body.append(f"<p>What the inspection found: {escape(area.finding)}</p>")
        rows = [heads]
        for act in area.acts:
            measures = "\n".join(act.measures)
            rows.append([act.ref, act.title, act.lead_text, act.due_text,
                         measures, *act.statuses])  # fmt: skip
        body.append(_html_table(rows))
    return _pdf(body + _pdf_back(plan), plan)


def _app_pdf(plan: WholePlan) -> bytes:
    """Eskdale printed: an APP, portrait, the areas for improvement as headings over tables."""
    body = _pdf_front(plan, "Area for improvement")
    heads = ["Ref", "Action", "Owner", "Completion date", "Impact measures",
             *plan.style.periods]  # fmt: skip
    for area in plan.areas():
        body.append(f"<h2>Area for improvement {area.ref}</h2><h3>{escape(area.title)}</h3>")
        body.append(f"<p>{escape(area.finding)}</p>")
        rows = [heads]
        for act in area.acts:
            rows.append([act.ref, act.title, act.lead_text, act.due_text,
                         "\n".join(act.measures), *act.statuses])  # fmt: skip
        body.append(_html_table(rows))
    return _pdf(body + _pdf_back(plan), plan, "@page { size: A4 portrait; }")


_NARRATIVE = (
    "The task and finish group met twice this quarter and agreed the next steps.",
    "Parent carers reviewed the draft and asked for clearer words about timescales, which "
    "have been added.",
    "Recruitment has been slower than planned because of a shortage of applicants, and the "
    "posts have been advertised again with a revised grade.",
    "A first audit found that most plans met the standard but that health advice was often "
    "missing or late.",
    "Training sessions were attended by practitioners from schools, early years settings and "
    "health services, and the feedback was positive.",
    "The board asked for a fuller report on the difference the work has made for families.",
    "Data for the quarter shows a small improvement, but it is too early to say whether it "
    "will last.",
    "The work has been joined with a wider review led by the integrated care board so that "
    "it is not duplicated.",
)


def _long_pdf(plan: WholePlan) -> bytes:
    """Hallbrook at length: a WSoA printed landscape with a progress narrative for every
    action, long enough that rows break over pages; some sixty pages in all."""
    body = _pdf_front(plan, "Area of weakness")
    rng = random.Random(plan.seed + 3)
    heads = ["Ref", "Action", "Lead", "Due", "Success measures", "Progress update",
             *[f"RAG {p}" for p in plan.style.periods]]  # fmt: skip
    for area in plan.areas():
        body.append(f"<h2>Area of weakness {area.ref}: {escape(area.title)}</h2>")
        body.append(f"<p>{escape(area.finding)}</p>")
        rows = [heads]
        for act in area.acts:
            update = "\n".join(rng.sample(_NARRATIVE, 7))
            rows.append([act.ref, act.title, act.lead_text, act.due_text,
                         "\n".join(act.measures), update, *act.statuses])  # fmt: skip
        body.append(_html_table(rows))
    return _pdf(body + _pdf_back(plan), plan)


# Excel


def _tracker_xlsx(plan: WholePlan) -> bytes:
    """Brackenford: a tracker on five sheets: cover, key, actions, measures, change log."""
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    for row in (
        [plan.title],
        ["Version 4, updated monthly by the SEND improvement team"],
        [],
        ["How to use this tracker"],
        ["1. Update the RAG rating for your actions by the last Friday of each quarter."],
        ["2. Add a short commentary where an action is amber or red."],
        ["3. Do not change the action wording without the board's agreement."],
    ):
        cover.append(row)
    key = book.create_sheet("Key")
    for row in _key_rows(plan, ("Rating", "Definition")):
        key.append(row)
    sheet = book.create_sheet("Action plan")
    periods = plan.style.periods
    sheet.append([plan.title])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Target date", "Success measure",
                  *[f"{p} RAG" for p in periods], "Comments"])  # fmt: skip
    for area in plan.areas():
        sheet.append([f"Priority {area.ref}: {area.title}"])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6 + len(periods))
        for act in area.acts:
            sheet.append([act.ref, act.title, act.lead_text, act.due_text,
                          "; ".join(act.measures), *act.statuses, ""])  # fmt: skip
    kpi = book.create_sheet("KPIs")
    kpi.append(["KPI", "Baseline", "Target", "Q1", "Q2", "Frequency"])
    for name, base, target in plan.kpis():
        kpi.append([name, base, target, base, "", "Quarterly"])
    log = book.create_sheet("Change log")
    log.append(["Date", "Change", "Agreed by"])
    log.append([dt.date(2025, 6, 3), "Two actions merged under priority 2", "Improvement Board"])
    log.append([dt.date(2025, 9, 9), "Due date of a training action moved", "Improvement Board"])
    return saved(book)


def _priority_xlsx(plan: WholePlan) -> bytes:
    """Greywell: a sheet per priority, with a read-me, a key, measures and a change log."""
    book = openpyxl.Workbook()
    intro = book.active
    intro.title = "Read me"
    intro.append([plan.title])
    intro.append(["This workbook holds one sheet for each priority of the plan."])
    intro.append(["Owners update their ratings before each board meeting."])
    key = book.create_sheet("Key")
    for row in _key_rows(plan, ("Status", "Meaning")):
        key.append(row)
    periods = plan.style.periods
    for area in plan.areas():
        sheet = book.create_sheet(f"Priority {area.ref}")
        sheet.append([f"Priority {area.ref}: {area.title}"])
        sheet.append([area.finding])
        sheet.append(["Ref", "Action", "Responsible officer", "Due", "Outcome measure",
                      *periods])  # fmt: skip
        for act in area.acts:
            sheet.append([act.ref, act.title, act.lead_text, act.due_text,
                          "\n".join(act.measures), *act.statuses])  # fmt: skip
    kpi = book.create_sheet("Measures")
    kpi.append(["Measure", "Baseline", "Target", "Latest", "RAG"])
    for name, base, target in plan.kpis():
        kpi.append([name, base, target, base, "A"])
    log = book.create_sheet("Change log")
    log.append(["Date", "What changed", "Who"])
    log.append(["12/05/2025", "Action wording agreed with the forum", "Programme manager"])
    return saved(book)


# Text


def _strategy_text(plan: WholePlan) -> bytes:
    """Fennmoor: a whole strategy action plan copied from Word and pasted as text."""
    lines = [plan.title, "", "Contents"]
    lines += [_leader(t, p, 70) for t, p in _contents(plan, "Priority")]
    lines += ["", "Foreword", *_foreword(plan), "", "Context", *_context(), ""]
    lines.append("What the inspection found")
    lines += [f"{n}. {a.finding}" for n, a in enumerate(plan.areas(), start=1)]
    lines += ["", "Governance", *_governance(), *_DIAGRAM, "", "How we rate progress"]
    lines += ["\t".join(row) for row in _key_rows(plan)]
    periods = plan.style.periods
    for area in plan.areas():
        lines += ["", f"Priority {area.ref}: {area.title}", area.finding, ""]
        lines.append("\t".join(["Ref", "Action", "Lead", "By when", "Measure of success",
                                *[f"RAG {p}" for p in periods]]))  # fmt: skip
        for act in area.acts:
            lines.append("\t".join([act.ref, act.title, act.lead_text, act.due_text,
                                    "; ".join(act.measures), *act.statuses]))  # fmt: skip
    lines += ["", "Appendix A: Glossary"]
    lines += [f"{t}\t{m}" for t, m in plan.glossary()]
    lines += ["", "Appendix B: Measures of success", "Measure\tBaseline\tTarget"]
    lines += [f"{n}\t{b}\t{t}" for n, b, t in plan.kpis()]
    lines += ["", "Appendix C: Co-production statement", *_coproduction()]
    return "\n".join(lines).encode()


# Round two: what else whole plans hold that looks like actions


_MILESTONES = (
    ("Area SEND inspection", "March 2024"),
    ("Inspection report published", "May 2024"),
    ("Written Statement of Action submitted", "August 2024"),
    ("First review with the DfE and NHS England", "February 2025"),
    ("Monitoring inspection", "By March 2026"),
)
_RISKS = (
    ("Recruitment of case officers is slower than planned", "Agency staff in the meantime",
     "Head of SEND", "A"),
    ("Demand for assessments keeps rising", "Monthly forecasting with schools",
     "Assistant Director, Education", "R"),
    ("Health waiting lists grow over winter", "Extra clinics funded by the ICB",
     "Designated Clinical Officer", "A"),
    ("Families lose trust if progress is not shared", "Termly newsletter and events",
     "Parent Carer Forum Chair", "G"),
)  # fmt: skip
_YOU_SAID = (
    ("You told us you did not know who to contact", "Every family now has a named officer"),
    ("You said annual reviews were late", "We recruited a team to clear them"),
    ("You asked for information in plain English", "We rewrote the Local Offer pages with you"),
)
_CHANGES = (
    ("1.0", "August 2024", "Submitted to the DfE", "SEND improvement team"),
    ("1.1", "January 2025", "Dates of two actions moved after the board", "Programme manager"),
    ("1.2", "June 2025", "Ratings for quarter one added", "Programme manager"),
)
_PROMISES = (
    "make sure needs are spotted earlier, in the early years and in school",
    "cut the time families wait for an EHC plan",
    "listen to families and act on what they tell us",
    "help young people get ready for adult life",
)


def _isleham_docx(plan: WholePlan) -> bytes:
    """Isleham: a WSoA in Word whose front and back matter hold tables shaped like actions:
    key milestones with dates, risks with owners and ratings, "you said, we did", a change
    log."""
    document = docx.Document()
    _landscape(document)
    _header_footer(document, plan.title)
    _front_word(document, plan, "Area of weakness", numbered=True)
    document.add_heading("Key milestones", level=1)
    _table(document, [["Milestone", "Date"], *[list(m) for m in _MILESTONES]])
    document.add_heading("How we rate progress", level=1)
    _table(document, _key_rows(plan))
    periods = plan.style.periods
    heads = ["Ref", "Action", "Lead", "Timescale", "Success measures", *periods]
    for area in plan.areas():
        document.add_heading(f"Area of weakness {area.ref}: {area.title}", level=1)
        rows = [heads]
        for act in area.acts:
            rows.append([act.ref, act.title, act.lead_text, act.due_text,
                         "\n".join(act.measures), *act.statuses])  # fmt: skip
        _table(document, rows)
    document.add_heading("Risks to delivery", level=1)
    _table(document, [["Risk", "Mitigation", "Owner", "RAG"], *[list(r) for r in _RISKS]])
    document.add_heading("You said, we did", level=1)
    _table(document, [["You said", "We did"], *[list(y) for y in _YOU_SAID]])
    document.add_heading("Version control", level=1)
    _table(document, [["Version", "Date", "Change", "Author"], *[list(c) for c in _CHANGES]])
    _back_word(document, plan)
    return saved(document)


def _jarrow_xlsx(plan: WholePlan) -> bytes:
    """Jarrow Vale: a tracker with each action's priority in a column, and measures and
    risks on sheets of their own, each with a lead and quarterly ratings like the actions."""
    book = openpyxl.Workbook()
    intro = book.active
    intro.title = "Instructions"
    intro.append([plan.title])
    intro.append(["Leads update the quarterly rating and comments for each of their actions."])
    key = book.create_sheet("Key")
    for row in _key_rows(plan, ("RAG", "Definition")):
        key.append(row)
    periods = plan.style.periods
    sheet = book.create_sheet("Actions")
    sheet.append(["Ref", "Priority", "Action", "Lead", "Due", *periods, "Comments"])
    for area in plan.areas():
        for act in area.acts:
            sheet.append([act.ref, f"Priority {area.ref}: {area.title}", act.title,
                          act.lead_text, act.due_text, *act.statuses, ""])  # fmt: skip
    rng = random.Random(plan.seed + 4)
    codes = [code for code, _, _ in plan.style.scale]
    measures = book.create_sheet("Measures")
    measures.append(["Ref", "Measure", "Lead", "Baseline", "Target", *periods])
    for n, (name, base, target) in enumerate(plan.kpis(), start=1):
        lead = rng.choice(plan.style.people)[1]
        rated = [rng.choice(codes) for _ in periods]
        measures.append([f"M{n}", name, lead, base, target, *rated])
    risks = book.create_sheet("Risks")
    risks.append(["Ref", "Risk", "Mitigation", "Owner", *periods])
    for n, (risk, mitigation, owner, code) in enumerate(_RISKS, start=1):
        risks.append([f"R{n}", risk, mitigation, owner, *([code] * len(periods))])
    log = book.create_sheet("Change log")
    log.append(["Version", "Date", "Change", "Author"])
    for change in _CHANGES:
        log.append(list(change))
    return saved(book)


def _kilnsey_pdf(plan: WholePlan) -> bytes:
    """Kilnsey: an APP printed as one long table, each area for improvement and each of its
    priorities a row across the table, key dates before it and rated measures after it."""
    body = _pdf_front(plan, "Area for improvement")
    body.append("<h3>Key dates</h3>")
    body.append(_html_table([["Milestone", "Date"], *[list(m) for m in _MILESTONES]]))
    periods = plan.style.periods
    heads = ["Ref", "Action", "Lead", "By when", "Measure of impact", *periods]
    span = len(heads)
    rows = []
    for area in plan.areas():
        words = escape(f"Area for improvement {area.ref}: {area.title}")
        rows.append(f"<tr><td colspan='{span}'><b>{words}</b></td></tr>")
        for ref, title, acts in _subs(area):
            rows.append(f"<tr><td colspan='{span}'>{escape(ref)} {escape(title)}</td></tr>")
            for act in acts:
                cells = [act.ref, act.title, act.lead_text, act.due_text,
                         "\n".join(act.measures), *act.statuses]  # fmt: skip
                rows.append(
                    "<tr>"
                    + "".join(
                        f"<td>{'<br>'.join(map(escape, c.split(chr(10))))}</td>" for c in cells
                    )
                    + "</tr>"
                )
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    body.append("<h2>Our plan</h2>")
    body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    body.append("<h3>Measures we report to the board</h3>")
    rng = random.Random(plan.seed + 4)
    codes = [code for code, _, _ in plan.style.scale]
    kpi = [["Measure", "Lead", "Baseline", "Target", *periods]]
    for name, base, target in plan.kpis():
        kpi.append([name, rng.choice(plan.style.people)[1], base, target,
                    *[rng.choice(codes) for _ in periods]])  # fmt: skip
    body.append(_html_table(kpi))
    body += _pdf_back(plan)
    return _pdf(body, plan)


def _lathom_text(plan: WholePlan) -> bytes:
    """Lathom: a strategy's action plan pasted as text, whose foreword lists what "we will"
    do, with key dates as lines, a glossary as "term – meaning" lines and a table of measures
    with leads and ratings."""
    lines = [plan.title, "", "Foreword", _foreword(plan)[0]]
    lines.append("Over the next two years we will:")
    lines += [f"• {promise}" for promise in _PROMISES]
    lines += ["", "Key dates"]
    lines += [f"{when} – {what}" for what, when in _MILESTONES]
    lines += ["", "What the inspection found", "The inspectors found that:"]
    lines += [f"{n}. {a.finding}" for n, a in enumerate(plan.areas(), start=1)]
    lines += ["", "How we rate progress"]
    lines += [f"{code} – {meaning}" for code, meaning, _ in plan.style.scale]
    periods = plan.style.periods
    for area in plan.areas():
        lines += ["", f"Priority {area.ref}: {area.title}", ""]
        lines.append("\t".join(["Ref", "Action", "Lead", "Due", "Success measure", *periods]))
        for act in area.acts:
            lines.append("\t".join([act.ref, act.title, act.lead_text, act.due_text,
                                    "; ".join(act.measures), *act.statuses]))  # fmt: skip
    lines += ["", "Measures of success", "\t".join(["Measure", "Lead", "Baseline", "Target",
                                                    *periods])]  # fmt: skip
    rng = random.Random(plan.seed + 4)
    codes = [code for code, _, _ in plan.style.scale]
    for name, base, target in plan.kpis():
        lead = rng.choice(plan.style.people)[1]
        lines.append("\t".join([name, lead, base, target, *[rng.choice(codes) for _ in periods]]))
    lines += ["", "Glossary"]
    lines += [f"{term} – {meaning}" for term, meaning in plan.glossary()]
    lines += ["", "You said, we did"]
    lines += [f"You said: {said}. We did: {did}." for said, did in _YOU_SAID]
    return "\n".join(lines).encode()


# The plans


_ROLES = (
    ("HoS", "Head of SEND"),
    ("DCO", "Designated Clinical Officer"),
    ("PEP", "Principal Educational Psychologist"),
    ("AD", "Assistant Director, Education"),
    ("HC", "Head of Children's Commissioning"),
    ("PCF", "Parent Carer Forum Chair"),
    ("PfA", "Preparation for Adulthood Lead"),
)
_NAMES = (
    ("RA", "Ruth Ashdown"),
    ("KM", "Kofi Mensah"),
    ("LP", "Leanne Pryce"),
    ("DH", "Dev Halai"),
    ("SJ", "Sian Jarvis"),
    ("TO", "Tomasz Ostrowski"),
)
_RAG = (
    ("B", "Complete", "blue"),
    ("G", "On track", "green"),
    ("A", "At risk of delay", "amber"),
    ("R", "Off track", "red"),
)
_WORDS = (
    ("Complete", "The action is done and its impact is evidenced", "blue"),
    ("On track", "Progressing to plan", "green"),
    ("Some delay", "Behind plan but recoverable", "amber"),
    ("Off track", "Significantly behind plan", "red"),
)


def _dotted(a: int, n: int) -> str:
    return f"{a}.{n}"


_AMBERLEY_STYLE = Style(_dotted, ("month", "day", "slashes", "ongoing"),
                        ("Jun 25", "Sep 25", "Dec 25"), _RAG, _ROLES)  # fmt: skip

AMBERLEY = WholePlan(
    "Amberley WSoA (docx)",
    "amberley-wsoa.docx",
    "Amberley Local Area Written Statement of Action",
    17,
    (14, 12, 16, 10, 13, 11),
    _AMBERLEY_STYLE,
    _wsoa_docx,
)
AMBERLEY_PDF = WholePlan(
    "Amberley WSoA printed (pdf)",
    "amberley-wsoa.pdf",
    "Amberley Local Area Written Statement of Action",
    171,
    (18, 15, 20, 16, 17, 14, 12),
    _AMBERLEY_STYLE,
    _wsoa_pdf,
)
BRACKENFORD = WholePlan(
    "Brackenford tracker (xlsx)",
    "brackenford-tracker.xlsx",
    "Brackenford SEND Improvement Plan tracker",
    29,
    (12, 10, 15, 9, 11),
    Style(
        lambda a, n: f"P{a}.{n}",
        ("short", "mon-yy", "month"),
        ("Q1", "Q2", "Q3", "Q4"),
        _RAG,
        _NAMES,
    ),
    _tracker_xlsx,
    quotes=False,
)
COLDHARBOUR = WholePlan(
    "Coldharbour APP (docx)",
    "coldharbour-app.docx",
    "Coldharbour Accelerated Progress Plan",
    41,
    (11, 9, 12, 10),
    Style(
        lambda a, n: f"{a}{'abcdefghijklmnop'[n - 1]}",
        ("month", "day", "ongoing"),
        ("Oct 2025", "Jan 2026"),
        _WORDS,
        _NAMES + _ROLES[:2],
    ),
    _app_docx,
    extra={"contents": "tabs"},
)
DUNSTOW = WholePlan(
    "Dunstow priority action plan (docx)",
    "dunstow-priority-plan.docx",
    "Dunstow SEND Priority Action Plan 2025 to 2026",
    53,
    (9, 11, 8, 10, 9),
    Style(
        lambda a, n: f"{a}.{n}",
        ("month", "short", "ongoing"),
        ("Sept 2025",),
        _RAG,
        _ROLES,
        blanks=False,
    ),
    _pap_docx,
    measures_kept=False,
)
ESKDALE = WholePlan(
    "Eskdale APP printed (pdf)",
    "eskdale-app.pdf",
    "Eskdale Accelerated Progress Plan",
    67,
    (12, 14, 11, 13),
    Style(
        lambda a, n: f"AFI{a}.{n}",
        ("day", "month", "slashes"),
        ("Q2", "Q3"),
        _RAG,
        _ROLES[:4] + _NAMES[:3],
    ),
    _app_pdf,
)
FENNMOOR = WholePlan(
    "Fennmoor strategy action plan (text)",
    "fennmoor-strategy.txt",
    "Fennmoor SEND and Inclusion Strategy Action Plan",
    79,
    (10, 9, 11, 8, 10),
    Style(_dotted, ("month", "short", "ongoing"), ("Summer", "Autumn"), _RAG, _ROLES),
    _strategy_text,
)
GREYWELL = WholePlan(
    "Greywell priority tracker (xlsx)",
    "greywell-tracker.xlsx",
    "Greywell SEND Priority Action Plan tracker",
    83,
    (10, 12, 9, 11, 8, 10),
    Style(
        lambda a, n: f"{a}.{n}",
        ("slashes", "month", "ongoing"),
        ("Apr-Jun", "Jul-Sep", "Oct-Dec"),
        _RAG,
        _NAMES,
    ),
    _priority_xlsx,
    quotes=False,
)
HALLBROOK = WholePlan(
    "Hallbrook WSoA at length (pdf)",
    "hallbrook-wsoa.pdf",
    "Hallbrook Written Statement of Action: progress report",
    97,
    (17, 15, 18, 16, 17, 14, 16),
    Style(
        lambda a, n: f"{a}.{n}",
        ("month", "day", "ongoing"),
        ("Q1", "Q2"),
        _RAG,
        _ROLES + _NAMES[:2],
    ),
    _long_pdf,
)

# Round two, written after the first round's rules: front and back matter shaped like actions
# (milestones with dates, risks and measures with owners and ratings, a foreword's promises),
# an action's priority in a column, and priorities within areas in one long table.
ISLEHAM = WholePlan(
    "Isleham WSoA with milestones and risks (docx)",
    "isleham-wsoa.docx",
    "Isleham Local Area Written Statement of Action",
    101,
    (11, 9, 12, 10, 8),
    Style(_dotted, ("month", "day", "ongoing"), ("Mar 25", "Jun 25"), _RAG, _ROLES),
    _isleham_docx,
)
JARROW = WholePlan(
    "Jarrow Vale tracker with rated measures (xlsx)",
    "jarrow-vale-tracker.xlsx",
    "Jarrow Vale SEND Improvement Plan tracker",
    103,
    (10, 11, 9, 12),
    Style(_dotted, ("short", "slashes", "ongoing"), ("Q1", "Q2", "Q3"), _RAG, _NAMES + _ROLES[:2]),
    _jarrow_xlsx,
    measures_kept=False,
    quotes=False,
)
KILNSEY = WholePlan(
    "Kilnsey APP with sub-priorities (pdf)",
    "kilnsey-app.pdf",
    "Kilnsey Accelerated Progress Plan",
    107,
    (12, 10, 13, 11),
    Style(_dotted, ("month", "day", "slashes"), ("Oct 25", "Jan 26"), _RAG, _ROLES[:5]),
    _kilnsey_pdf,
    extra={"subs": True},
)
LATHOM = WholePlan(
    "Lathom strategy plan with a foreword of promises (text)",
    "lathom-strategy.txt",
    "Lathom SEND Strategy Action Plan 2025 to 2027",
    109,
    (9, 10, 11, 10),
    Style(_dotted, ("month", "short", "ongoing"), ("Spring", "Summer"), _RAG, _ROLES),
    _lathom_text,
)
ROUND_TWO = (ISLEHAM, JARROW, KILNSEY, LATHOM)

PLANS = (AMBERLEY, AMBERLEY_PDF, BRACKENFORD, COLDHARBOUR, DUNSTOW, ESKDALE, FENNMOOR, GREYWELL,
         HALLBROOK, *ROUND_TWO)  # fmt: skip
BLIND = tuple(plan for plan in PLANS if plan.blind)
SEEN = tuple(plan for plan in PLANS if not plan.blind)


@cache
def parsed(plan: WholePlan) -> Doc:
    document: Doc = parse_file_inprocess(plan.data(), plan.filename).document
    return document["plan"]


# What a whole plan is scored on: the figures, the false actions, the sections, and
# (printed, not totalled) the measures, findings, glossary and indicators it holds.
SCORED = ("actions found", "extra actions", "refs", "titles", "leads", "due dates",
          "status cells", "section titles")  # fmt: skip
SHOWN = (*SCORED, "number of measures", "weaknesses", "glossary", "indicators")


def figures(plan: WholePlan) -> list[accuracy.Figure]:
    reference = plan.reference()
    found = accuracy.agreement(parsed(plan), reference)
    shown = [figure for figure in found if figure[0] in SHOWN]
    if not plan.measures_kept:
        shown = [figure for figure in shown if figure[0] != "number of measures"]
    return [*shown, accuracy.extra_actions(parsed(plan), reference)]
