"""Invented highlight reports and progress reports on a plan, with what each holds.

SEND improvement boards receive, each month or quarter, a report on each workstream or
priority of the plan: its RAG status, what was achieved this period, the next steps or what is
planned for the next period, its risks and issues, perhaps its milestones with dates and
owners. Councils publish them as committee papers in Word and PDF, as a sheet with a row per
workstream, or as a web page.

Each report here is invented (invented areas and officers, no children) and comes with the
plan a careful person would enter from it by hand: each workstream a section; each next step,
planned action, milestone or thing not yet achieved an action, with its owner and date where
the report gives them (the workstream's lead where the step names none); the workstream's RAG
and what it achieved as each of its actions' update for the report's period, named as the
report names it ("Quarter 2 2025/26", "September 2025"). Risks are not actions.
bench/parse_highlights.py prints the scores and test_parse_highlights.py holds their floors;
corpus/real/HIGHLIGHTS.md tells the story.

The first five were written before the importer was taught to read highlight reports. The
last three (`BLIND`) were written after its rules, and scored once before any change made for
them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import docx
import openpyxl

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved

Doc = dict[str, Any]

# The scale a person enters a RAG report's colours on.
SCALE = (
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some concerns", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
)
_COLOUR = {"G": "Green", "A": "Amber", "R": "Red"}


@dataclass(frozen=True)
class Step:
    """One next step, planned action or milestone, as a person would enter it."""

    title: str
    # How the report writes its date and owner, where it gives them.
    due_text: str | None = None
    due: str | None = None
    lead_text: str | None = None


@dataclass(frozen=True)
class Workstream:
    title: str
    rag: str
    achieved: tuple[str, ...]
    steps: tuple[Step, ...]
    risks: tuple[str, ...] = ()
    lead_text: str | None = None
    direction: str = ""


@dataclass(frozen=True, eq=False)
class HighlightPlan:
    name: str
    filename: str
    title: str
    period: str
    ends_on: str
    workstreams: tuple[Workstream, ...]
    build: Callable[[HighlightPlan], bytes]

    def data(self) -> bytes:
        return self.build(self)

    def reference(self) -> Doc:
        people: dict[str, Doc] = {}
        sections = []
        for stream in self.workstreams:
            actions = []
            for step in stream.steps:
                lead = step.lead_text or stream.lead_text
                action: Doc = {"title": step.title, "leads": []}
                if lead:
                    key = _key(lead)
                    people.setdefault(key, _person(key, lead))
                    action["leads"] = [key]
                    action["lead_text"] = lead
                if step.due:
                    action["due"] = step.due
                if step.due_text:
                    action["due_text"] = step.due_text
                update: Doc = {"period": self.period, "status": stream.rag}
                if stream.achieved:
                    update["narrative"] = " ".join(stream.achieved)
                action["updates"] = [update]
                actions.append(action)
            sections.append({"title": stream.title, "actions": actions})
        return {
            "title": self.title,
            "status_scale": list(SCALE),
            "periods": [{"label": self.period, "ends_on": self.ends_on}],
            "people": list(people.values()),
            "sections": sections,
        }


def _key(lead: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", lead.lower()).strip("-")


def _person(key: str, lead: str) -> Doc:
    # A lead written as a person's name ("Asha Patel") or as a post ("Head of SEND").
    if re.match(r"^[A-Z][a-z]+ [A-Z][a-z'-]+$", lead) and " of " not in lead:
        return {"key": key, "name": lead}
    return {"key": key, "role": lead}


def _step_line(step: Step, owner: bool = True) -> str:
    """A next step as a report writes it: its owner and date in brackets after it."""
    extra = [x for x in (step.lead_text if owner else None, step.due_text) if x]
    return f"{step.title} ({', '.join(extra)})" if extra else step.title


# 1. Abbotsford: a Word highlight report, a two-column table per workstream


def _abbotsford_docx(plan: HighlightPlan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, 1)
    document.add_paragraph(f"Reporting period: {plan.period}")
    document.add_paragraph(
        "This report gives the SEND Improvement Board the position of each workstream of the "
        "improvement plan, by exception."
    )
    for stream in plan.workstreams:
        document.add_paragraph("")
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        rows = [
            ("Workstream", stream.title),
            ("Senior responsible officer", stream.lead_text or ""),
            ("RAG status", _COLOUR[stream.rag]),
            ("Key achievements this period", "\n".join(stream.achieved)),
            ("Next steps", "\n".join(_step_line(step) for step in stream.steps)),
            ("Risks and issues", "\n".join(stream.risks)),
        ]
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = value
    return saved(document)


ABBOTSFORD = HighlightPlan(
    "Abbotsford workstream tables (docx)",
    "abbotsford-highlight.docx",
    "Abbotsford SEND Improvement Board: highlight report",
    "Quarter 2 2025/26",
    "2025-09-30",
    (
        Workstream(
            "Identification and assessment of need",
            "A",
            (
                "Fifty-eight per cent of new EHC plans were issued within 20 weeks.",
                "Two educational psychologists joined the service in August.",
            ),
            (
                Step("Clear the backlog of overdue needs assessments", "December 2025", "2025-12"),
                Step(
                    "Agree a joint quality standard for advice from health",
                    "November 2025",
                    "2025-11",
                    "Designated Clinical Officer",
                ),
                Step("Recruit a third educational psychologist", "January 2026", "2026-01"),
            ),
            ("Locum psychologists may leave before the backlog is cleared.",),
            lead_text="Head of SEND Assessment",
        ),
        Workstream(
            "Inclusion in mainstream schools",
            "G",
            ("All secondary schools have named an inclusion lead.",),
            (
                Step(
                    "Publish the ordinarily available provision guide for schools",
                    "October 2025",
                    "2025-10",
                ),
                Step("Run inclusion training for every primary school", "March 2026", "2026-03"),
            ),
            ("Take-up of training by academies is uneven.",),
            lead_text="Inclusion Partnership Lead",
        ),
        Workstream(
            "Preparing for adulthood",
            "R",
            ("The supported internship review has started.",),
            (
                Step(
                    "Find four new employers for supported internships",
                    "February 2026",
                    "2026-02",
                ),
                Step("Write a transition protocol with adult social care", "April 2026", "2026-04"),
            ),
            ("Adult social care capacity to take part is limited.",),
            lead_text="Head of 14 to 25 Services",
        ),
    ),
    _abbotsford_docx,
)


# 2. Bramley: one sheet, a row per workstream: Workstream | Lead | RAG | Progress | Next steps
# | Risks, the next steps a line each with their date after a dash


def _bramley_xlsx(plan: HighlightPlan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Highlight report"
    sheet.append([plan.title])
    sheet.append([f"Month: {plan.period}"])
    sheet.append([])
    sheet.append(["Workstream", "Lead", "RAG", "Progress this period", "Next steps", "Risks"])
    for stream in plan.workstreams:
        steps = "\n".join(
            f"{step.title} – {step.due_text}" if step.due_text else step.title
            for step in stream.steps
        )
        sheet.append(
            [
                stream.title,
                stream.lead_text,
                _COLOUR[stream.rag],
                "\n".join(stream.achieved),
                steps,
                "\n".join(stream.risks),
            ]
        )
    return saved(book)


BRAMLEY = HighlightPlan(
    "Bramley row per workstream (xlsx)",
    "bramley-highlight.xlsx",
    "Bramley SEND Partnership: monthly highlight report",
    "September 2025",
    "2025-09-30",
    (
        Workstream(
            "Early help and family hubs",
            "G",
            ("Family hub in Westgate opened on 1 September.",),
            (
                Step("Open the family hub in Eastfields", "by December 2025", "2025-12"),
                Step("Train hub staff to give SEND advice", "by January 2026", "2026-01"),
            ),
            ("Delay to building works at Eastfields.",),
            lead_text="Maya Oduya",
        ),
        Workstream(
            "Timeliness of EHC plans",
            "A",
            ("Timeliness rose to 46% from 38% last month.",),
            (
                Step(
                    "Bring in a case-work team to finish draft plans", "by October 2025", "2025-10"
                ),
                Step("Report weekly timeliness to the SEND board", "by November 2025", "2025-11"),
                Step("Review the panel process with schools", "by January 2026", "2026-01"),
            ),
            ("Rising requests for assessment.",),
            lead_text="Daniel Price",
        ),
        Workstream(
            "Co-production with families",
            "G",
            ("The parent carer forum co-chaired the board in September.",),
            (
                Step(
                    "Hold a you said, we did event in each locality", "by November 2025", "2025-11"
                ),
                Step("Publish the co-production charter", "by December 2025", "2025-12"),
            ),
            (),
            lead_text="Grace Whitfield",
        ),
    ),
    _bramley_xlsx,
)


# 3. Carrow: a committee paper saved as PDF, a heading per workstream, its RAG on a line,
# "Progress this period", "Planned for next period" and "Risks and issues" headed lists


def _carrow_pdf(plan: HighlightPlan) -> bytes:
    from sendplan.demo.pdf_files import html_pdf

    body = [
        f"<h1>{escape(plan.title)}</h1>",
        f"<p>Report to the Children's Scrutiny Committee, {plan.period}</p>",
        "<h2>1. Purpose of the report</h2>",
        "<p>To update the committee on the progress made against the SEND improvement plan "
        "since the last meeting.</p>",
        "<h2>2. Recommendation</h2>",
        "<p>That the committee notes the progress made and the risks set out below.</p>",
        "<h2>3. Progress by workstream</h2>",
    ]
    for stream in plan.workstreams:
        body.append(f"<h2>{escape(stream.title)}</h2>")
        body.append(f"<p>RAG rating: {_COLOUR[stream.rag]}</p>")
        body.append(f"<p>Lead officer: {escape(stream.lead_text or '')}</p>")
        body.append("<h3>Progress this period</h3><ul>")
        body += [f"<li>{escape(text)}</li>" for text in stream.achieved]
        body.append("</ul><h3>Planned for next period</h3><ul>")
        body += [f"<li>{escape(_step_line(step))}</li>" for step in stream.steps]
        body.append("</ul><h3>Risks and issues</h3><ul>")
        body += [f"<li>{escape(text)}</li>" for text in stream.risks]
        body.append("</ul>")
    body.append("<h2>4. Financial implications</h2><p>There are none arising from this report.</p>")
    return html_pdf("".join(body))


CARROW = HighlightPlan(
    "Carrow committee paper (pdf)",
    "carrow-progress.pdf",
    "Carrow Written Statement of Action: progress report",
    "Quarter 1 2025/26",
    "2025-06-30",
    (
        Workstream(
            "Joint commissioning",
            "A",
            (
                "A joint commissioning manager for SEND was appointed.",
                "The speech and language therapy waiting list fell by 15%.",
            ),
            (
                Step("Agree a joint funding panel with the health board", "July 2025", "2025-07"),
                Step(
                    "Commission an extra speech and language therapy team",
                    "September 2025",
                    "2025-09",
                ),
            ),
            ("Health funding for next year is not yet agreed.",),
            lead_text="Director of Commissioning",
        ),
        Workstream(
            "The local offer",
            "G",
            ("The new local offer website went live in May.",),
            (
                Step("Test the website with twenty families", "August 2025", "2025-08"),
                Step("Add a search for short breaks", "October 2025", "2025-10"),
            ),
            ("Providers are slow to update their entries.",),
            lead_text="Local Offer Manager",
        ),
    ),
    _carrow_pdf,
)


# 4. Dunford: a web page pasted as text, each priority over "Status:", "What we have done"
# and "What we will do next", the steps bulleted with their owner after a dash


def _dunford_text(plan: HighlightPlan) -> bytes:
    words = {"G": "On track", "A": "Some delays", "R": "Off track"}
    lines = [
        plan.title,
        f"Progress update: {plan.period}",
        "",
        "Here is how we are doing against each priority of our SEND improvement plan. "
        "We update this page every three months.",
        "",
    ]
    for number, stream in enumerate(plan.workstreams, start=1):
        lines += [f"Priority {number}: {stream.title}", f"Status: {words[stream.rag]}", ""]
        lines.append("What we have done")
        lines += [f"• {text}" for text in stream.achieved]
        lines += ["", "What we will do next"]
        for step in stream.steps:
            extra = " – ".join(x for x in (step.lead_text, step.due_text) if x)
            lines.append(f"• {step.title}" + (f" – {extra}" if extra else ""))
        lines.append("")
    lines.append("Contact the SEND team if you have a question about this page.")
    return "\n".join(lines).encode()


DUNFORD = HighlightPlan(
    "Dunford web page (text)",
    "dunford-progress.txt",
    "Dunford SEND improvement: how we are doing",
    "Quarter 3 2025/26",
    "2025-12-31",
    (
        Workstream(
            "Listening to children and families",
            "G",
            ("We held six drop-in sessions for parents.", "We ran a survey of young people."),
            (
                Step(
                    "Publish what the survey told us",
                    "January 2026",
                    "2026-01",
                    "Participation Officer",
                ),
                Step(
                    "Set up a young people's advisory group",
                    "March 2026",
                    "2026-03",
                    "Participation Officer",
                ),
            ),
        ),
        Workstream(
            "Support in school",
            "A",
            ("Twelve schools joined the autism-friendly schools programme.",),
            (
                Step(
                    "Extend the programme to all special schools",
                    "April 2026",
                    "2026-04",
                    "Head of Inclusion",
                ),
                Step(
                    "Recruit two more specialist teachers",
                    "February 2026",
                    "2026-02",
                    "Head of Inclusion",
                ),
            ),
        ),
        Workstream(
            "Health services",
            "R",
            ("Waiting times for autism assessment have not yet fallen.",),
            (
                Step(
                    "Open a second assessment clinic",
                    "March 2026",
                    "2026-03",
                    "Designated Medical Officer",
                ),
            ),
        ),
    ),
    _dunford_text,
)


# 5. Fernlow: a dashboard sheet, "Overall RAG" and "Direction of travel" arrows, an owner per
# workstream, "Actions for the next quarter" with their month in brackets


def _fernlow_xlsx(plan: HighlightPlan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Dashboard"
    sheet.append([f"{plan.title} – {plan.period}"])
    sheet.append(["Key: ↑ improving, → no change, ↓ getting worse"])
    sheet.append([])
    sheet.append(
        [
            "Workstream",
            "Owner",
            "Overall RAG",
            "Direction of travel",
            "Key achievements",
            "Actions for the next quarter",
            "Risks and issues",
        ]
    )
    for stream in plan.workstreams:
        sheet.append(
            [
                stream.title,
                stream.lead_text,
                _COLOUR[stream.rag].upper(),
                stream.direction,
                "\n".join(f"• {text}" for text in stream.achieved),
                "\n".join(f"• {_step_line(step)}" for step in stream.steps),
                "\n".join(f"• {text}" for text in stream.risks),
            ]
        )
    return saved(book)


FERNLOW = HighlightPlan(
    "Fernlow dashboard (xlsx)",
    "fernlow-dashboard.xlsx",
    "Fernlow SEND Improvement Programme dashboard",
    "Quarter 3 2025/26",
    "2025-12-31",
    (
        Workstream(
            "Annual reviews",
            "R",
            ("An annual review team of four officers is in post.",),
            (
                Step(
                    "Hold every overdue annual review for Year 11 pupils", "January 2026", "2026-01"
                ),
                Step("Bring in electronic annual review forms", "March 2026", "2026-03"),
            ),
            ("Schools cannot hold reviews in the exam season.",),
            lead_text="Head of SEN Casework",
            direction="↓",
        ),
        Workstream(
            "Alternative provision",
            "A",
            ("A directory of registered providers was agreed.",),
            (
                Step(
                    "Agree a quality assurance framework for providers", "February 2026", "2026-02"
                ),
                Step("Visit every unregistered provider in use", "March 2026", "2026-03"),
            ),
            ("Unregistered provision is still in use.",),
            lead_text="Virtual School Head",
            direction="→",
        ),
        Workstream(
            "Workforce development",
            "G",
            ("Three hundred staff took the SEND awareness course.",),
            (
                Step("Launch a SEND induction for new social workers", "January 2026", "2026-01"),
                Step(
                    "Start a network for special educational needs coordinators",
                    "February 2026",
                    "2026-02",
                ),
            ),
            (),
            lead_text="Principal Educational Psychologist",
            direction="↑",
        ),
    ),
    _fernlow_xlsx,
)


# Written after the rules (the blind half)


# 6. Garth: a Word report, a heading per priority, its status on a line, then "Achieved",
# "Not yet achieved" and "Next steps" over bulleted lists; dated by the months it covers


def _garth_docx(plan: HighlightPlan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, 1)
    document.add_paragraph("Report date: 20 January 2026")
    document.add_paragraph(f"Period covered: {plan.period}")
    for stream in plan.workstreams:
        document.add_heading(stream.title, 2)
        document.add_paragraph(f"Overall status: {_COLOUR[stream.rag]}")
        document.add_paragraph(f"Priority lead: {stream.lead_text}")
        document.add_paragraph("Achieved")
        for text in stream.achieved:
            document.add_paragraph(text, style="List Bullet")
        document.add_paragraph("Not yet achieved")
        for step in stream.steps:
            document.add_paragraph(_step_line(step), style="List Bullet")
        document.add_paragraph("Risks")
        for text in stream.risks:
            document.add_paragraph(text, style="List Bullet")
    return saved(document)


GARTH = HighlightPlan(
    "Garth achieved and not yet achieved (docx)",
    "garth-highlight.docx",
    "Garth Priority Action Plan: highlight report",
    "October to December 2025",
    "2025-12-31",
    (
        Workstream(
            "Leadership and governance",
            "G",
            ("The SEND partnership board has an independent chair.",),
            (
                Step(
                    "Agree the partnership's shared outcomes framework", "February 2026", "2026-02"
                ),
                Step("Publish the board's minutes on the local offer", "March 2026", "2026-03"),
            ),
            ("Attendance by schools at the board is low.",),
            lead_text="Director of Children's Services",
        ),
        Workstream(
            "Quality of EHC plans",
            "A",
            (
                "A multi-agency audit of 40 plans was completed.",
                "Plan writers had training on writing outcomes.",
            ),
            (
                Step("Rewrite the template for EHC plans with families", "January 2026", "2026-01"),
                Step("Audit a further 40 plans", "March 2026", "2026-03", "Quality Assurance Lead"),
            ),
            ("Advice from health is often late.",),
            lead_text="Head of SEND",
        ),
    ),
    _garth_docx,
)


# 7. Holm: a PDF of a table with a row per priority, its status as a letter, planned actions
# for the next quarter with "by" and a date, one with none


def _holm_pdf(plan: HighlightPlan) -> bytes:
    from sendplan.demo.pdf_files import html_pdf, table_html

    heads = [
        [
            ("Priority", 1),
            ("Lead", 1),
            ("Status", 1),
            ("Achievements this quarter", 1),
            ("Planned actions next quarter", 1),
            ("Risks and issues", 1),
        ]
    ]
    rows = [
        [
            stream.title,
            stream.lead_text or "",
            stream.rag,
            "<br>".join(escape(text) for text in stream.achieved),
            "<br>".join(
                escape(f"{s.title} by {s.due_text}" if s.due_text else s.title)
                for s in stream.steps
            ),
            "<br>".join(escape(text) for text in stream.risks),
        ]
        for stream in plan.workstreams
    ]
    body = [
        f"<h1>{escape(plan.title)} – {plan.period}</h1>",
        "<p>Status: G on track, A at risk, R off track.</p>",
        table_html(heads, rows),
    ]
    return html_pdf("".join(body))


HOLM = HighlightPlan(
    "Holm table of priorities (pdf)",
    "holm-highlight.pdf",
    "Holm SEND Improvement Board highlight report",
    "Q4 2025/26",
    "2026-03-31",
    (
        Workstream(
            "Sufficiency of specialist places",
            "A",
            ("Planning consent was granted for the new special school.",),
            (
                Step("Open two resource bases in primary schools", "31 May 2026", "2026-05-31"),
                Step("Consult on the place planning strategy"),
            ),
            ("Building costs are rising.",),
            lead_text="Head of School Organisation",
        ),
        Workstream(
            "Emotional wellbeing and mental health",
            "R",
            ("The mental health support teams now cover 60% of schools.",),
            (
                Step(
                    "Extend mental health support teams to every secondary school",
                    "30 June 2026",
                    "2026-06-30",
                ),
                Step(
                    "Publish a single point of access for families", "30 April 2026", "2026-04-30"
                ),
            ),
            ("Recruitment of therapists is hard.",),
            lead_text="Mental Health Commissioner",
        ),
        Workstream(
            "Transport",
            "G",
            ("Every route was retendered on time.",),
            (
                Step(
                    "Offer independent travel training to Year 10 pupils",
                    "31 July 2026",
                    "2026-07-31",
                ),
            ),
            (),
            lead_text="Transport Manager",
        ),
    ),
    _holm_pdf,
)


# 8. Ivel: a progress report pasted as text from an email, a line per workstream with its
# number, "RAG: Green (previously Amber)", a paragraph of progress and milestones a line each
# with their date and owner


def _ivel_text(plan: HighlightPlan) -> bytes:
    lines = [
        f"Subject: {plan.title}",
        "",
        "Dear board members,",
        f"Please find below the progress report for the {plan.period} board.",
        "",
    ]
    for number, stream in enumerate(plan.workstreams, start=1):
        previously = {"G": "Amber", "A": "Red", "R": "Amber"}[stream.rag]
        lines += [
            f"Workstream {number} – {stream.title}",
            f"RAG: {_COLOUR[stream.rag]} (previously {previously})",
            "Progress:",
            " ".join(stream.achieved),
            "Milestones:",
        ]
        lines += [f"- {step.title} – {step.due_text} – {step.lead_text}" for step in stream.steps]
        lines.append("")
    lines.append("Kind regards,")
    lines.append("SEND Programme Office")
    return "\n".join(lines).encode()


IVEL = HighlightPlan(
    "Ivel emailed progress report (text)",
    "ivel-progress.txt",
    "Ivel SEND Improvement Programme progress report",
    "November 2025",
    "2025-11-30",
    (
        Workstream(
            "Preparation for adulthood",
            "G",
            ("Twenty young people started supported internships in September.",),
            (
                Step(
                    "Agree the post-16 transition pathway with colleges",
                    "January 2026",
                    "2026-01",
                    "Post-16 Manager",
                ),
                Step(
                    "Hold a careers fair for young people with EHC plans",
                    "March 2026",
                    "2026-03",
                    "Careers Lead",
                ),
            ),
        ),
        Workstream(
            "Short breaks",
            "A",
            ("A new short breaks statement was drafted with parents.",),
            (
                Step(
                    "Consult families on the short breaks statement",
                    "December 2025",
                    "2025-12",
                    "Short Breaks Manager",
                ),
                Step(
                    "Commission holiday clubs for disabled children",
                    "April 2026",
                    "2026-04",
                    "Commissioning Manager",
                ),
            ),
        ),
    ),
    _ivel_text,
)


# Written before the rules.
SEEN: tuple[HighlightPlan, ...] = (ABBOTSFORD, BRAMLEY, CARROW, DUNFORD, FERNLOW)
# Written after the rules, scored once before any change for them.
BLIND: tuple[HighlightPlan, ...] = (GARTH, HOLM, IVEL)
PLANS = SEEN + BLIND


@cache
def parsed(plan: HighlightPlan) -> Doc:
    document: Doc = parse_file_inprocess(plan.data(), plan.filename).document
    return document["plan"]


# What a highlight report holds and is scored on: its next steps, their owners and dates, the
# workstreams and their status for the report's period.
SCORED = ("actions found", "titles", "leads", "due dates", "status cells", "section titles")


def figures(plan: HighlightPlan) -> list[accuracy.Figure]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [figure for figure in found if figure[0] in SCORED]
