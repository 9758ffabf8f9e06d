"""Twenty-four more plans rating progress as councils do, written before the importer was run
on any of them (round status31).

Rounds status29 and status30 left several kinds of rating only in their blind halves, so no
rule was tried on them: plans with no ratings at all; "Previous RAG | Current RAG" and "Last
quarter | This quarter"; numbered scales (1-4, 1-5) with a key's meanings; scales written as
words only ("Not started / On track / At risk / Off track / Complete"); BRAG with blue for
complete; the sheet's name or the document's title as the only date of a "Current" or "Status"
column; symbols a legend paragraph explains (ticks, crosses, filled circles, arrows); a band
over month names above the rating columns; and separate "Progress" and "Impact" ratings for an
action, with a direction of travel beside a RAG. Each kind was given to two plans before the
hash placed them; where a kind fell on one side only, another plan of that kind was written and
placed by the hash too, before anything was scored. Five are pasted text, six Word, eight
Excel and five PDF (HTML printed by WeasyPrint, as unseen19 prints its PDFs).

Conventions of the hand-entered plans (status29's and status30's, kept): a period named by a
date, a month or a quarter of a financial year ends on that period's last day; a column with
no date of its own keeps its heading as its name and takes the date the document puts on its
report (its title, a date line, or the name of its sheet: "Q2 25-26" is the second quarter of
the financial year 2025/26 and ends on 30 September 2025); a "Previous" or "Last quarter"
column beside a current one has no date of its own and takes none; a blank, "n/a" or "-" cell
has no rating; a percentage complete and a direction of travel (words or arrows) are not
ratings; a plan's scale keeps the codes its key gives, with a colour only where the plan names
one or uses the usual RAG letters or colour words; a scale written as words only keeps each
word as its code and its label; a number or a symbol a key explains is rated by its key's
code; a cell that is only shaded is rated by the code its colour has in the key. A plan with
no rating column, no key and no rating label has no ratings, whatever its sentences say.

Two ratings for one action in one period (this round's addition). The plan format gives an
action one update a period, and an update one status (docs/plan-format.md; plan.schema.json's
`update`). Where a plan rates an action's progress (delivery) and its impact separately, the
progress rating is the period's status: it says whether the action is being done as agreed,
which is what the monitoring cycle tracks and what a "status" is everywhere else in the format.
The impact rating says what the action has changed; it is not a second period and not a second
status, and a careful person keeps it, in words, with the update's narrative ("Impact: Amber").
So the hand-entered plans below have one period, the progress column's, and an importer that
reads the impact column as a period of its own invents a rating for every action.

`blind` splits the plans by a hash of each plan's name (the first byte of
sha256("status31:" + name) odd), fixed and committed with the first figures before any rule
was written: rules come from the dev half only; the blind half is only counted.
bench/parse_status31.py prints the figures; test_parse_status31.py holds the floors; notes in
corpus/real/STATUS31.md. Officers are named by role; no child is named; the councils are
invented.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import docx
import openpyxl
from openpyxl.styles import Font

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved, status30
from sendplan.interchange.tests.status20 import Act, Plan, Section, _cells, _hex, _roles, _scale
from sendplan.interchange.tests.status30 import _fill
from sendplan.interchange.tests.unseen19 import _landscape, _pdf, _shade, _table, _th_row, _wrap

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"status31:{name}".encode()).digest()[0] % 2 == 1


def _merged_rows(table: Any, plan: Plan, heading: Callable[[Section], str], width: int) -> None:
    """Merge each section's heading row across the table, as a council's Word table does."""
    r = 1
    for s in plan.sections:
        table.cell(r, 0).merge(table.cell(r, width - 1)).text = heading(s)
        r += 1 + len(s.actions)


def _rows(plan: Plan, heading: Callable[[Section], str], cells: Callable[[Act], list[str]],
          width: int) -> list[list[str]]:  # fmt: skip
    rows: list[list[str]] = []
    for s in plan.sections:
        rows.append([heading(s)] + [""] * (width - 1))
        rows += [cells(a) for a in s.actions]
    return rows


_GAR = _scale("Green|On track|green", "Amber|Some slippage|amber", "Red|Off track|red")
_WORDS_ONLY = _scale("Not started|Not started", "On track|On track", "At risk|At risk",
                     "Off track|Off track", "Complete|Complete")  # fmt: skip


# =============================================================================================
# Pasted text


def addingham() -> Plan:
    """A web page: no ratings at all; its "Update" notes say "on track" and "complete" in
    sentences."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SM=SENDIASS Manager")
    return Plan(
        "Addingham SEND Improvement Plan 2025 to 2027",
        "Priority",
        people,
        [],
        [],
        [
            Section("1", "Early help for young children", [
                Act("1.1", "Give every childminder access to the early years SEND toolkit.",
                    "Head of Early Years", ["HEY"], "Dec 2025", "2025-12", [],
                    extra={"note": "The toolkit went out in November and this is complete."}),
                Act("1.2", "Run a termly drop-in for parents of children under five.",
                    "Head of Early Years", ["HEY"], "Termly", None, [],
                    extra={"note": "Two drop-ins held; the work is on track."}),
            ]),
            Section("2", "Information for families", [
                Act("2.1", "Rewrite the local offer pages on assessment in plain English.",
                    "SENDIASS Manager", ["SM"], "March 2026", "2026-03", [],
                    extra={"note": "Half the pages rewritten; behind where we hoped."}),
                Act("2.2", "Publish monthly figures on EHC plan timeliness.", "Head of SEND",
                    ["HS"], "Monthly", None, [],
                    extra={"note": "Published each month since September."}),
            ]),
        ],
    )  # fmt: skip


def addingham_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Home > Children and families > SEND > Our improvement plan", "",
             "This plan was agreed by the SEND Partnership Board in July 2025. We will update "
             "this page every term.", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        lines.append("Ref\tWhat we will do\tWho leads\tWhen\tUpdate")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text,
                                    a.extra["note"]]))  # fmt: skip
        lines.append("")
    return "\n".join(lines).encode()


_COLOUR_RISK = _scale("Green|On track|green", "Amber|Some risk to delivery|amber",
                      "Red|Off track|red")  # fmt: skip


def cononley() -> Plan:
    """Excel pasted: "Last quarter | This quarter" colour words; the title names the quarter."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "DCO=Designated Clinical Officer")  # fmt: skip
    return Plan(
        "Cononley Accelerated Progress Plan – Quarter 3 2025/26 update",
        "Priority",
        people,
        _COLOUR_RISK,
        [("Last quarter", ""), ("This quarter", "2025-12-31")],
        [
            Section("1", "Timeliness of assessments", [
                Act("1.1", "Recruit locum educational psychologists to clear the backlog.",
                    "Principal Educational Psychologist", ["PEP"], "Jan 2026", "2026-01",
                    ["Red", "Amber"]),
                Act("1.2", "Send every request for health advice within five days.",
                    "Designated Clinical Officer", ["DCO"], "Nov 2025", "2025-11",
                    ["Amber", "Green"]),
            ]),
            Section("2", "Quality of EHC plans", [
                Act("2.1", "Quality assure one in ten draft plans before issue.",
                    "Head of SEND", ["HS"], "Ongoing", None, ["Green", "Green"]),
                Act("2.2", "Train coordinators to write outcomes with families.",
                    "Head of SEND", ["HS"], "Feb 2026", "2026-02", ["Amber", "Red"]),
            ]),
        ],
    )  # fmt: skip


def cononley_txt(plan: Plan) -> bytes:
    lines = [
        plan.title,
        "RAG: Green = on track; Amber = some risk to delivery; Red = off track",
        "",
    ]
    lines.append("\t".join(["Ref", "Action", "Lead", "Target date", "Last quarter",
                            "This quarter"]))  # fmt: skip
    for s in plan.sections:
        lines.append(f"Priority {s.ref} – {s.title}" + "\t" * 5)
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                                    a.cell(1)]))  # fmt: skip
    return "\r\n".join(lines).encode()


def gargrave() -> Plan:
    """A web page: a "Status" column of the words Not started / On track / At risk / Off track
    / Complete, a key of those words only; only the title names the month."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PFA=Preparing for "
                    "Adulthood Lead")  # fmt: skip
    return Plan(
        "Gargrave Written Statement of Action – Progress update - March 2026",
        "Area of weakness",
        people,
        _WORDS_ONLY,
        [("Status", "2026-03-31")],
        [
            Section("1", "Inclusion in mainstream schools", [
                Act("1.1", "Set up an inclusion panel for pupils at risk of exclusion.",
                    "Head of Inclusion", ["HI"], "Jan 2026", "2026-01", ["Complete"]),
                Act("1.2", "Offer outreach from special schools to every secondary.",
                    "Head of Inclusion", ["HI"], "July 2026", "2026-07", ["At risk"]),
            ]),
            Section("2", "Preparing for adulthood", [
                Act("2.1", "Start transition planning at every Year 9 annual review.",
                    "Preparing for Adulthood Lead", ["PFA"], "Sept 2026", "2026-09",
                    ["On track"]),
                Act("2.2", "Agree a protocol with adult social care for moves at eighteen.",
                    "Head of SEND", ["HS"], "June 2026", "2026-06", ["Not started"]),
                Act("2.3", "Publish a guide to post-16 travel support.",
                    "Preparing for Adulthood Lead", ["PFA"], "Dec 2025", "2025-12",
                    ["Off track"]),
            ]),
        ],
    )  # fmt: skip


def gargrave_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Status key: Not started / On track / At risk / Off track / "
             "Complete", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref}: {s.title}", ""]
        lines.append("Ref\tAction\tLead officer\tDeadline\tStatus")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
        lines.append("")
    return "\n".join(lines).encode()


_RAG_ARROWS = _scale("Green|On track|green", "Amber|At risk|amber", "Red|Off track|red")


def yockenthwaite() -> Plan:
    """Excel pasted: "Delivery RAG | Direction of travel | Impact RAG" per action; a report date
    line; the progress (delivery) rating is the period's status."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PCF=Parent Carer Forum Chair")
    return Plan(
        "Yockenthwaite SEND Improvement Tracker",
        "Workstream",
        people,
        _RAG_ARROWS,
        [("Delivery RAG", "2025-10-31")],
        [
            Section("1", "Co-production", [
                Act("1.1", "Co-chair the SEND board with the parent carer forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Sept 2025", "2025-09", ["Green"],
                    extra={"dot": "↑", "impact": "Green"}),
                Act("1.2", "Survey families after every annual review.", "Head of SEND",
                    ["HS"], "Dec 2025", "2025-12", ["Amber"],
                    extra={"dot": "↔", "impact": "Red"}),
            ]),
            Section("2", "Attendance", [
                Act("2.1", "Track the attendance of every pupil with an EHC plan weekly.",
                    "Head of Inclusion", ["HI"], "Nov 2025", "2025-11", ["Red"],
                    extra={"dot": "↓", "impact": "Red"}),
                Act("2.2", "Offer schools advice on reduced timetables.", "Head of Inclusion",
                    ["HI"], "Jan 2026", "2026-01", ["Green"],
                    extra={"dot": "↔", "impact": "Amber"}),
            ]),
        ],
    )  # fmt: skip


def yockenthwaite_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Report date: 31 October 2025",
             "RAG: Red – off track, Amber – at risk, Green – on track. Direction: ↑ improving, "
             "↔ no change, ↓ worse."]  # fmt: skip
    lines.append("\t".join(["Ref", "Action", "Owner", "Deadline", "Delivery RAG",
                            "Direction of travel", "Impact RAG"]))  # fmt: skip
    for s in plan.sections:
        lines.append(f"Workstream {s.ref}: {s.title}" + "\t" * 6)
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                                    a.extra["dot"], a.extra["impact"]]))  # fmt: skip
    return "\r\n".join(lines).encode()


_BRAG_WORDS = _scale("Blue|Complete|blue", "Green|On track|green", "Amber|At risk|amber",
                     "Red|Off track|red")  # fmt: skip


def feizor() -> Plan:
    """A web page: a "Current RAG" column of Blue / Green / Amber / Red; only the title dates
    it; the key a sentence."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "ICB=ICB SEND Lead")  # fmt: skip
    return Plan(
        "Feizor Written Statement of Action: Progress update - January 2026",
        "Area of weakness",
        people,
        _BRAG_WORDS,
        [("Current RAG", "2026-01-31")],
        [
            Section("1", "Leadership", [
                Act("1.1", "Appoint an independent chair to the SEND improvement board.",
                    "Director of Children's Services", ["DCS"], "Oct 2025", "2025-10",
                    ["Blue"]),
                Act("1.2", "Publish a SEND self-evaluation every six months.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["Green"]),
            ]),
            Section("2", "Health", [
                Act("2.1", "Cut waits for autism assessment to twenty-six weeks.",
                    "ICB SEND Lead", ["ICB"], "Sept 2026", "2026-09", ["Red"]),
                Act("2.2", "Name a health lead for every special school.", "ICB SEND Lead",
                    ["ICB"], "Feb 2026", "2026-02", ["Amber"]),
            ]),
        ],
    )  # fmt: skip


def feizor_txt(plan: Plan) -> bytes:
    lines = [plan.title, "",
             "We rate each action Blue (complete), Green (on track), Amber (at risk) or Red "
             "(off track).", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref}: {s.title}", ""]
        lines.append("Ref\tAction\tLead\tTimescale\tCurrent RAG")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
        lines.append("")
    return "\n".join(lines).encode()


# =============================================================================================
# Word


_BGAR = _scale("B|Complete|blue", "G|On track|green", "A|At risk|amber", "R|Off track|red")


def draughton() -> Plan:
    """Word: "Previous RAG | Current RAG" BRAG letters in shaded cells; a report date line."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "SW=Head of Disabled Children's Social Work")  # fmt: skip
    return Plan(
        "Draughton Written Statement of Action",
        "Area of weakness",
        people,
        _BGAR,
        [("Previous RAG", ""), ("Current RAG", "2026-03-31")],
        [
            Section("1", "Social care advice", [
                Act("1.1", "Return social care advice for every assessment within six weeks.",
                    "Head of Disabled Children's Social Work", ["SW"], "Feb 2026", "2026-02",
                    ["A", "G"]),
                Act("1.2", "Put a social worker on the SEND panel.",
                    "Head of Disabled Children's Social Work", ["SW"], "Dec 2025", "2025-12",
                    ["G", "B"]),
            ]),
            Section("2", "Governance", [
                Act("2.1", "Report the plan's progress to Ofsted and the CQC each quarter.",
                    "Director of Children's Services", ["DCS"], "Quarterly", None,
                    ["G", "G"]),
                Act("2.2", "Share one SEND dashboard across education, health and care.",
                    "Head of SEND", ["HS"], "April 2026", "2026-04", ["R", "A"]),
            ]),
        ],
    )  # fmt: skip


def draughton_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Report date: 31 March 2026")
    document.add_paragraph("Key: B – complete; G – on track; A – at risk; R – off track")
    width = 6
    rows = [["Ref", "Action", "Lead", "Completion date", "Previous RAG", "Current RAG"]]
    rows += _rows(plan, lambda s: f"Area of weakness {s.ref}: {s.title}",
                  lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                             a.cell(1)], width)  # fmt: skip
    table = _table(document, rows)
    _merged_rows(table, plan, lambda s: f"Area of weakness {s.ref}: {s.title}", width)
    r = 1
    for s in plan.sections:
        for n, a in enumerate(s.actions, start=r + 1):
            _shade(table.cell(n, 4), _hex(plan, a.ratings[0]))
            _shade(table.cell(n, 5), _hex(plan, a.ratings[1]))
        r += 1 + len(s.actions)
    return saved(document)


def hellifield() -> Plan:
    """Word: "October 2025 | January 2026" columns of the words Complete / On track / At risk /
    Off track / Not started, named in a sentence with no meanings."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "PEP=Principal Educational "
                    "Psychologist")  # fmt: skip
    return Plan(
        "Hellifield SEND Priority Action Plan",
        "Priority",
        people,
        _WORDS_ONLY,
        [("October 2025", "2025-10-31"), ("January 2026", "2026-01-31")],
        [
            Section("1", "Early years", [
                Act("1.1", "Fund a SEND coordinator for every group of small nurseries.",
                    "Head of Early Years", ["HEY"], "April 2026", "2026-04",
                    ["Not started", "On track"]),
                Act("1.2", "Visit every reception class with a child awaiting assessment.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["On track", "Complete"]),
            ]),
            Section("2", "Assessment", [
                Act("2.1", "Issue nine in ten new plans within twenty weeks.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["Off track", "At risk"]),
            ]),
        ],
    )  # fmt: skip


def hellifield_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph(
        "Each action is rated Complete, On track, At risk, Off track or Not started."
    )
    width = 6
    rows = [["No.", "Action", "Responsible officer", "Target date", "October 2025",
             "January 2026"]]  # fmt: skip
    rows += _rows(plan, lambda s: f"Priority {s.ref}: {s.title}",
                  lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                             a.cell(1)], width)  # fmt: skip
    table = _table(document, rows)
    _merged_rows(table, plan, lambda s: f"Priority {s.ref}: {s.title}", width)
    return saved(document)


_GAR_LETTERS = _scale("G|On track|green", "A|Some slippage|amber", "R|Off track|red")


def nappa() -> Plan:
    """Word: a "Current" column of G / A / R; only the title names the month."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "DCO=Designated Clinical "
                    "Officer")  # fmt: skip
    return Plan(
        "Nappa Written Statement of Action: Progress update - March 2026",
        "Area of weakness",
        people,
        _GAR_LETTERS,
        [("Current", "2026-03-31")],
        [
            Section("1", "Identification of need", [
                Act("1.1", "Train every SENCo in the new graduated response toolkit.",
                    "Head of Inclusion", ["HI"], "Feb 2026", "2026-02", ["G"],
                    extra={"note": "All but four SENCos trained."}),
                Act("1.2", "Screen children for language needs at the 27-month check.",
                    "Designated Clinical Officer", ["DCO"], "June 2026", "2026-06", ["A"],
                    extra={"note": "Screening tool chosen; health visitors not yet trained."}),
            ]),
            Section("2", "Waiting times", [
                Act("2.1", "Cut the wait for a first CAMHS appointment to twelve weeks.",
                    "Designated Clinical Officer", ["DCO"], "Sept 2026", "2026-09", ["R"],
                    extra={"note": "Waits have risen to twenty weeks."}),
            ]),
        ],
    )  # fmt: skip


def nappa_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("RAG: G on track, A some slippage, R off track")
    for s in plan.sections:
        document.add_heading(f"Area of weakness {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "Due", "Current", "Commentary"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                         a.extra["note"]])  # fmt: skip
        _table(document, rows)
    return saved(document)


_TICK_CIRCLES = _scale("✔|Complete", "●|On track", "◑|Some delay", "✘|Not on track")


def otterburn() -> Plan:
    """Word: "Jun 2025 | Sep 2025" columns of ✔ ● ◑ ✘, explained in a legend paragraph with
    the marks apart by spaces."""
    people = _roles("HS=Head of SEND", "SM=SENDIASS Manager", "PFA=Preparing for Adulthood "
                    "Lead")  # fmt: skip
    return Plan(
        "Otterburn Accelerated Progress Plan",
        "Priority",
        people,
        _TICK_CIRCLES,
        [("Jun 2025", "2025-06-30"), ("Sep 2025", "2025-09-30")],
        [
            Section("1", "Voice of young people", [
                Act("1.1", "Set up a young people's SEND council.",
                    "Preparing for Adulthood Lead", ["PFA"], "Sept 2025", "2025-09",
                    ["●", "✔"]),
                Act("1.2", "Record each young person's views in their annual review.",
                    "Head of SEND", ["HS"], "Dec 2025", "2025-12", ["◑", "●"]),
            ]),
            Section("2", "Advice for families", [
                Act("2.1", "Open the SENDIASS helpline on Saturday mornings.",
                    "SENDIASS Manager", ["SM"], "Aug 2025", "2025-08", ["✘", "◑"]),
            ]),
        ],
    )  # fmt: skip


def otterburn_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress against each action at the end of each quarter.")
    document.add_paragraph("Key:   ✔ complete    ● on track    ◑ some delay    ✘ not on track")
    width = 6
    rows = [["Ref", "Action", "Lead", "By", "Jun 2025", "Sep 2025"]]
    rows += _rows(plan, lambda s: f"Priority {s.ref}: {s.title}",
                  lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                             a.cell(1)], width)  # fmt: skip
    table = _table(document, rows)
    _merged_rows(table, plan, lambda s: f"Priority {s.ref}: {s.title}", width)
    return saved(document)


def winskill() -> Plan:
    """Word: "Progress RAG | Impact RAG" for each action; a "Position at" line; the progress
    rating is the period's status, the impact rating is kept in words."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "ICB=ICB SEND Lead")
    return Plan(
        "Winskill SEND Priority Action Plan",
        "Priority",
        people,
        _GAR,
        [("Progress RAG", "2026-02-28")],
        [
            Section("1", "Speech and language", [
                Act("1.1", "Train nursery staff in early language support.",
                    "Head of Early Years", ["HEY"], "Jan 2026", "2026-01", ["Green"],
                    extra={"impact": "Amber"}),
                Act("1.2", "Commission more speech therapy for primary schools.",
                    "ICB SEND Lead", ["ICB"], "April 2026", "2026-04", ["Amber"],
                    extra={"impact": "Red"}),
            ]),
            Section("2", "Assessment", [
                Act("2.1", "Hold a weekly panel to decide on requests for assessment.",
                    "Head of SEND", ["HS"], "Nov 2025", "2025-11", ["Green"],
                    extra={"impact": "Green"}),
                Act("2.2", "Cut the time to issue a final plan after a draft to fifteen days.",
                    "Head of SEND", ["HS"], "March 2026", "2026-03", ["Red"],
                    extra={"impact": "Red"}),
            ]),
        ],
    )  # fmt: skip


def winskill_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Position at 28 February 2026")
    document.add_paragraph("RAG ratings: Green – on track; Amber – some slippage; Red – off "
                           "track. Progress is how far the action has been done; impact is "
                           "what it has changed for children and families.")  # fmt: skip
    width = 6
    rows = [["Ref", "Action", "Lead", "Due", "Progress RAG", "Impact RAG"]]
    rows += _rows(plan, lambda s: f"Priority {s.ref}: {s.title}",
                  lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                             a.extra["impact"]], width)  # fmt: skip
    table = _table(document, rows)
    _merged_rows(table, plan, lambda s: f"Priority {s.ref}: {s.title}", width)
    return saved(document)


def dent() -> Plan:
    """Word: "Progress (Dec 2025) | Impact (Dec 2025)" BRAG words for each action; the progress
    rating is the period's status, the impact rating is kept in words."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SW=Head of Disabled Children's "
                    "Social Work")  # fmt: skip
    return Plan(
        "Dent Priority Action Plan for SEND",
        "Priority",
        people,
        _BRAG_WORDS,
        [("Progress (Dec 2025)", "2025-12-31")],
        [
            Section("1", "Short breaks", [
                Act("1.1", "Publish a short breaks offer agreed with families.",
                    "Head of Disabled Children's Social Work", ["SW"], "Oct 2025", "2025-10",
                    ["Blue"], extra={"impact": "Amber"}),
                Act("1.2", "Recruit ten more short breaks carers.",
                    "Head of Disabled Children's Social Work", ["SW"], "March 2026", "2026-03",
                    ["Amber"], extra={"impact": "Red"}),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Give every secondary school an inclusion adviser.",
                    "Head of Inclusion", ["HI"], "Jan 2026", "2026-01", ["Green"],
                    extra={"impact": "Amber"}),
                Act("2.2", "Report exclusions of pupils with SEND to the board each term.",
                    "Head of SEND", ["HS"], "Termly", None, ["Green"],
                    extra={"impact": "Green"}),
            ]),
        ],
    )  # fmt: skip


def dent_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Blue – complete; Green – on track; Amber – at risk; Red – off track.")
    width = 6
    rows = [["Ref", "Action", "Lead", "Due", "Progress (Dec 2025)", "Impact (Dec 2025)"]]
    rows += _rows(plan, lambda s: f"Priority {s.ref}: {s.title}",
                  lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                             a.extra["impact"]], width)  # fmt: skip
    table = _table(document, rows)
    _merged_rows(table, plan, lambda s: f"Priority {s.ref}: {s.title}", width)
    return saved(document)


# =============================================================================================
# Excel


def _sheet(title: str, plan_title: str) -> tuple[Any, Any]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append([plan_title])
    sheet["A1"].font = Font(bold=True, size=14)
    return book, sheet


def burnsall() -> Plan:
    """Excel: no ratings at all; a success measure and "Progress to date" notes that say
    "delayed" and "complete"."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PCF=Parent Carer Forum Chair")
    return Plan(
        "Burnsall SEND and Inclusion Strategy: Action Plan",
        "Priority",
        people,
        [],
        [],
        [
            Section("1", "Co-production with families", [
                Act("1.1", "Agree a co-production charter with the parent carer forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Nov 2025", "2025-11", [],
                    extra={"measure": "Charter signed by all partners",
                           "note": "Charter complete; signed at the November board."}),
                Act("1.2", "Pay parent carers for time spent on working groups.",
                    "Head of SEND", ["HS"], "Jan 2026", "2026-01", [],
                    extra={"measure": "Payment policy in place",
                           "note": "Policy delayed until the new budget is set."}),
            ]),
            Section("2", "Inclusive schools", [
                Act("2.1", "Publish an ordinarily available provision guide.",
                    "Head of Inclusion", ["HI"], "Feb 2026", "2026-02", [],
                    extra={"measure": "Guide used by 90% of schools",
                           "note": "Draft with schools for comment; on track for February."}),
            ]),
        ],
    )  # fmt: skip


def burnsall_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Action plan", plan.title)
    sheet.append(["Last updated by the SEND Partnership Board, December 2025"])
    sheet.append([])
    sheet.append(["No.", "Action", "Responsible officer", "Target date", "Success measure",
                  "Progress to date"])  # fmt: skip
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.extra["measure"],
                          a.extra["note"]])  # fmt: skip
    _wrap(sheet)
    return saved(book)


_ONE_TO_FIVE = _scale("1|Not started", "2|Significant delay", "3|Some delay", "4|On track",
                      "5|Complete")  # fmt: skip


def elslack() -> Plan:
    """Excel: scores 1-5 under "Sep-25 | Dec-25", keyed in rows of a "Score | Description"
    table above the plan."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "HEY=Head of Early Years")  # fmt: skip
    return Plan(
        "Elslack SEND Improvement Tracker",
        "Workstream",
        people,
        _ONE_TO_FIVE,
        [("Sep-25", "2025-09-30"), ("Dec-25", "2025-12-31")],
        [
            Section("1", "Educational psychology", [
                Act("1.1", "Offer every school a termly planning meeting with its EP.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["3", "5"]),
                Act("1.2", "Write statutory advice within the six-week limit.",
                    "Principal Educational Psychologist", ["PEP"], "March 2026", "2026-03",
                    ["2", "3"]),
            ]),
            Section("2", "Early years", [
                Act("2.1", "Open two specialist nursery places in each district.",
                    "Head of Early Years", ["HEY"], "Sept 2026", "2026-09", ["1", "2"]),
                Act("2.2", "Agree an early years transition record with schools.",
                    "Head of SEND", ["HS"], "Jan 2026", "2026-01", ["4", "4"]),
            ]),
        ],
    )  # fmt: skip


def elslack_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Tracker", plan.title)
    sheet.append([])
    sheet.append(["Score", "Description"])
    for entry in plan.scale:
        sheet.append([int(entry["code"]), entry["label"]])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Sep-25", "Dec-25"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref} – {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *(int(c) for c in a.ratings)])
    _wrap(sheet)
    return saved(book)


def kildwick() -> Plan:
    """Excel: "BRAG at 30 Sept 2025 | BRAG at 31 Dec 2025", letters in filled cells; the key a
    line naming the colours."""
    people = _roles("HS=Head of SEND", "DCO=Designated Clinical Officer", "SM=SENDIASS Manager")
    return Plan(
        "Kildwick Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR,
        [("BRAG at 30 Sept 2025", "2025-09-30"), ("BRAG at 31 Dec 2025", "2025-12-31")],
        [
            Section("1", "Health advice", [
                Act("1.1", "Agree a health advice template with the ICB.",
                    "Designated Clinical Officer", ["DCO"], "Oct 2025", "2025-10", ["G", "B"]),
                Act("1.2", "Audit health advice in twenty plans a quarter.",
                    "Designated Clinical Officer", ["DCO"], "Quarterly", None, ["A", "G"]),
            ]),
            Section("2", "Families' experience", [
                Act("2.1", "Reply to every family's email within five working days.",
                    "SENDIASS Manager", ["SM"], "Dec 2025", "2025-12", ["R", "A"]),
                Act("2.2", "Hold a SEND information day in each district.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["G", "G"]),
            ]),
        ],
    )  # fmt: skip


def kildwick_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("APP", plan.title)
    sheet.append(["BRAG: Blue – complete, Green – on track, Amber – at risk, Red – off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", *(label for label, _ in plan.periods)])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings])
            for n, code in enumerate(a.ratings):
                _fill(sheet, sheet.max_row, 5 + n, _hex(plan, code))
    _wrap(sheet)
    return saved(book)


def malham() -> Plan:
    """Excel: one "Status" column of colour words; only the sheet's name ("Q2 25-26") dates
    it."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PFA=Preparing for Adulthood "
                    "Lead")  # fmt: skip
    return Plan(
        "Malham SEND Improvement Tracker",
        "Workstream",
        people,
        _GAR,
        [("Status", "2025-09-30")],
        [
            Section("1", "Post-16", [
                Act("1.1", "Offer a college place to every young person with a plan.",
                    "Preparing for Adulthood Lead", ["PFA"], "Sept 2025", "2025-09", ["Green"],
                    extra={"note": "All offered by the end of August."}),
                Act("1.2", "Add supported internships at two more employers.",
                    "Preparing for Adulthood Lead", ["PFA"], "Jan 2026", "2026-01", ["Amber"],
                    extra={"note": "One employer signed; one in talks."}),
            ]),
            Section("2", "Exclusions", [
                Act("2.1", "Review every permanent exclusion of a pupil with SEND.",
                    "Head of Inclusion", ["HI"], "Ongoing", None, ["Green"],
                    extra={"note": "Reviewed within a week each time."}),
                Act("2.2", "Halve fixed-term suspensions of pupils with EHC plans.",
                    "Head of SEND", ["HS"], "July 2026", "2026-07", ["Red"],
                    extra={"note": "Suspensions rose this quarter."}),
            ]),
        ],
    )  # fmt: skip


def malham_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Q2 25-26", plan.title)
    sheet.append(["Green = on track, Amber = some slippage, Red = off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Status", "Commentary"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0), a.extra["note"]])
    _wrap(sheet)
    return saved(book)


def settle() -> Plan:
    """Excel: a band "2026" merged over "Jan | Feb | Mar", colour words; a later month blank."""
    people = _roles("HS=Head of SEND", "SW=Head of Disabled Children's Social Work",
                    "DCO=Designated Clinical Officer")  # fmt: skip
    months = [("Jan 2026", "2026-01-31"), ("Feb 2026", "2026-02-28"), ("Mar 2026", "2026-03-31")]
    return Plan(
        "Settle SEND Improvement Tracker",
        "Priority",
        people,
        _GAR,
        months,
        [
            Section("1", "Health and care plans", [
                Act("1.1", "Include social care outcomes in every new EHC plan.",
                    "Head of Disabled Children's Social Work", ["SW"], "March 2026", "2026-03",
                    ["Red", "Amber", "Green"]),
                Act("1.2", "Check health outcomes are measurable in each draft plan.",
                    "Designated Clinical Officer", ["DCO"], "Feb 2026", "2026-02",
                    ["Amber", "Green", "Green"]),
            ]),
            Section("2", "Annual reviews", [
                Act("2.1", "Amend plans within four weeks of an annual review.",
                    "Head of SEND", ["HS"], "June 2026", "2026-06", ["Red", "Red", ""]),
            ]),
        ],
    )  # fmt: skip


def settle_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Tracker", plan.title)
    sheet.append(["Green – on track; Amber – some slippage; Red – off track"])
    sheet.append(["", "", "", "", "2026"])
    sheet.merge_cells(start_row=3, start_column=5, end_row=3, end_column=7)
    sheet.append(["Ref", "Action", "Lead", "Due", "Jan", "Feb", "Mar"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *(c or None for c in
                                                                      a.ratings)])  # fmt: skip
    _wrap(sheet)
    return saved(book)


def bentham() -> Plan:
    """Excel: "Jun 2025 | Sep 2025" columns of the words Not started / On track / At risk /
    Off track / Complete, listed in a row above with no meanings and no fills."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SM=SENDIASS Manager")
    return Plan(
        "Bentham SEND Improvement Plan",
        "Priority",
        people,
        _WORDS_ONLY,
        [("Jun 2025", "2025-06-30"), ("Sep 2025", "2025-09-30")],
        [
            Section("1", "Mediation and tribunals", [
                Act("1.1", "Offer mediation to every family refused an assessment.",
                    "SENDIASS Manager", ["SM"], "Aug 2025", "2025-08",
                    ["On track", "Complete"]),
                Act("1.2", "Learn from every tribunal the council loses.", "Head of SEND",
                    ["HS"], "Dec 2025", "2025-12", ["Not started", "At risk"]),
            ]),
            Section("2", "Alternative provision", [
                Act("2.1", "Register and visit every alternative provider used.",
                    "Head of Inclusion", ["HI"], "Oct 2025", "2025-10",
                    ["At risk", "Off track"]),
            ]),
        ],
    )  # fmt: skip


def bentham_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Plan", plan.title)
    sheet.append(["Status:", "Not started", "On track", "At risk", "Off track", "Complete"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Jun 2025", "Sep 2025"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings])
    _wrap(sheet)
    return saved(book)


def clapham() -> Plan:
    """Excel: a "Current" column of BRAG letters in filled cells; only the sheet's name
    ("Q4 2025-26") dates it; the key a row of letters with their meanings."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "PEP=Principal Educational Psychologist")  # fmt: skip
    return Plan(
        "Clapham Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR,
        [("Current", "2026-03-31")],
        [
            Section("1", "Leadership and oversight", [
                Act("1.1", "Hold a monthly performance meeting on EHC timeliness.",
                    "Director of Children's Services", ["DCS"], "Monthly", None, ["G"]),
                Act("1.2", "Publish the plan's progress on the local offer each quarter.",
                    "Head of SEND", ["HS"], "Quarterly", None, ["B"]),
            ]),
            Section("2", "Advice and assessment", [
                Act("2.1", "Bring EP advice back within six weeks.",
                    "Principal Educational Psychologist", ["PEP"], "Feb 2026", "2026-02",
                    ["A"]),
                Act("2.2", "Use one request form for all assessments.", "Head of SEND", ["HS"],
                    "Nov 2025", "2025-11", ["R"]),
            ]),
        ],
    )  # fmt: skip


def clapham_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Q4 2025-26", plan.title)
    sheet.append(["B = complete", "G = on track", "A = at risk", "R = off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Current"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0)])
            _fill(sheet, sheet.max_row, 5, _hex(plan, a.ratings[0]))
    _wrap(sheet)
    return saved(book)


def embsay() -> Plan:
    """Excel: a "Status" column of Blue / Green / Amber / Red; only the sheet's name
    ("Q3 25-26") dates it; the key a line."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SW=Head of Disabled "
                    "Children's Social Work")  # fmt: skip
    return Plan(
        "Embsay SEND Priority Action Plan",
        "Priority",
        people,
        _BRAG_WORDS,
        [("Status", "2025-12-31")],
        [
            Section("1", "Early years inclusion", [
                Act("1.1", "Pay inclusion funding to nurseries within four weeks.",
                    "Head of Early Years", ["HEY"], "Oct 2025", "2025-10", ["Blue"],
                    extra={"note": "Paid within three weeks since October."}),
                Act("1.2", "Place a SEND adviser in each family hub.", "Head of Early Years",
                    ["HEY"], "April 2026", "2026-04", ["Amber"],
                    extra={"note": "Two of five posts filled."}),
            ]),
            Section("2", "Short breaks", [
                Act("2.1", "Review eligibility for short breaks with families.",
                    "Head of Disabled Children's Social Work", ["SW"], "Jan 2026", "2026-01",
                    ["Green"], extra={"note": "Workshops held in November."}),
                Act("2.2", "Cut the wait for a short breaks assessment to eight weeks.",
                    "Head of Disabled Children's Social Work", ["SW"], "March 2026", "2026-03",
                    ["Red"], extra={"note": "Waits are fourteen weeks."}),
            ]),
        ],
    )  # fmt: skip


def embsay_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Q3 25-26", plan.title)
    sheet.append(["Key: Blue – complete; Green – on track; Amber – at risk; Red – off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Status", "Update"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0), a.extra["note"]])
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# PDF


def _pdf_table(plan: Plan, heads: list[str], heading: Callable[[Section], str],
               cells: Callable[[Act], list[str]],
               fills: Callable[[Act], list[str]] | None = None) -> str:  # fmt: skip
    body = "<table><thead>" + _th_row(heads) + "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='{len(heads)}'>{escape(heading(s))}</td></tr>"
        for a in s.actions:
            body += "<tr>" + _cells(cells(a), fills(a) if fills else None) + "</tr>"
    return body + "</tbody></table>"


_ONE_TO_FOUR = _scale("1|Not started", "2|Behind schedule", "3|On schedule", "4|Complete")


def farnhill() -> Plan:
    """PDF: a "Rating" column of 1-4 keyed in a paragraph; a "Position at" line dates it."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PCF=Parent Carer Forum Chair")
    return Plan(
        "Farnhill Priority Action Plan",
        "Priority",
        people,
        _ONE_TO_FOUR,
        [("Rating", "2026-01-31")],
        [
            Section("1", "Communication", [
                Act("1.1", "Send every family a named contact when assessment starts.",
                    "Head of SEND", ["HS"], "Nov 2025", "2025-11", ["4"]),
                Act("1.2", "Publish a quarterly newsletter with the parent carer forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Quarterly", None, ["3"]),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Set up an outreach team from the special schools.",
                    "Head of Inclusion", ["HI"], "April 2026", "2026-04", ["2"]),
                Act("2.2", "Agree a county inclusion charter with head teachers.",
                    "Head of Inclusion", ["HI"], "June 2026", "2026-06", ["1"]),
            ]),
        ],
    )  # fmt: skip


def farnhill_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Position at 31 January 2026</p>"
    body += ("<p>Ratings: 1 – Not started; 2 – Behind schedule; 3 – On schedule; 4 – "
             "Complete</p>")  # fmt: skip
    body += _pdf_table(
        plan,
        ["Ref", "Action", "Lead", "Due", "Rating"],
        lambda s: f"Priority {s.ref}: {s.title}",
        lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)],
    )
    return _pdf(body)


def lothersdale() -> Plan:
    """PDF: a "Status at January 2026" column of Blue / Green / Amber / Red in shaded cells;
    the key a line of sentences."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "ICB=ICB SEND Lead")  # fmt: skip
    return Plan(
        "Lothersdale SEND Improvement Tracker",
        "Workstream",
        people,
        _BRAG_WORDS,
        [("Status at January 2026", "2026-01-31")],
        [
            Section("1", "Health", [
                Act("1.1", "Give every special school a named school nurse.", "ICB SEND Lead",
                    ["ICB"], "Dec 2025", "2025-12", ["Blue"]),
                Act("1.2", "Agree a pathway for children with complex medical needs.",
                    "ICB SEND Lead", ["ICB"], "May 2026", "2026-05", ["Amber"]),
            ]),
            Section("2", "Assessment", [
                Act("2.1", "Hold a multi-agency planning meeting at week six.",
                    "Principal Educational Psychologist", ["PEP"], "Feb 2026", "2026-02",
                    ["Green"]),
                Act("2.2", "Clear requests waiting over twenty weeks.", "Head of SEND", ["HS"],
                    "Jan 2026", "2026-01", ["Red"]),
            ]),
        ],
    )  # fmt: skip


def lothersdale_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>Blue: complete. Green: on track. Amber: at risk. Red: off track.</p>"
    body += _pdf_table(
        plan,
        ["Ref", "Action", "Lead", "Due", "Status at January 2026"],
        lambda s: f"Workstream {s.ref}: {s.title}",
        lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)],
        lambda a: ["", "", "", "", _hex(plan, a.ratings[0])],
    )
    return _pdf(body, wide=True)


_CIRCLES = _scale("●|Complete", "◑|In progress", "○|Not started")


def rylstone() -> Plan:
    """PDF: a "Progress" column of ● ◑ ○ and a "Direction" column of arrows, both explained
    in a legend paragraph; an "Updated" line dates it."""
    people = _roles("HS=Head of SEND", "SM=SENDIASS Manager", "PFA=Preparing for Adulthood "
                    "Lead")  # fmt: skip
    return Plan(
        "Rylstone SEND Priority Action Plan",
        "Priority",
        people,
        _CIRCLES,
        [("Progress", "2025-11-30")],
        [
            Section("1", "Independence", [
                Act("1.1", "Offer independent travel training to every Year 11 with a plan.",
                    "Preparing for Adulthood Lead", ["PFA"], "July 2026", "2026-07", ["◑"],
                    extra={"dot": "↑"}),
                Act("1.2", "List local clubs open to young people with SEND.",
                    "SENDIASS Manager", ["SM"], "Oct 2025", "2025-10", ["●"],
                    extra={"dot": "→"}),
            ]),
            Section("2", "Annual reviews", [
                Act("2.1", "Hold every annual review within twelve months.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["◑"], extra={"dot": "↓"}),
                Act("2.2", "Invite a health professional to every Year 13 review.",
                    "Head of SEND", ["HS"], "June 2026", "2026-06", ["○"],
                    extra={"dot": "→"}),
            ]),
        ],
    )  # fmt: skip


def rylstone_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Updated 30 November 2025</p>"
    body += ("<p>Progress: ● complete, ◑ in progress, ○ not started. Direction: ↑ improving, "
             "→ no change, ↓ getting worse.</p>")  # fmt: skip
    body += _pdf_table(plan, ["Ref", "Action", "Lead", "Due", "Progress", "Direction"],
                       lambda s: f"Priority {s.ref}: {s.title}",
                       lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                                  a.extra["dot"]])  # fmt: skip
    return _pdf(body, wide=True)


def thornton() -> Plan:
    """PDF: a band "RAG rating 2025" over "Oct | Nov | Dec", BRAG letters in shaded cells."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "DCO=Designated Clinical "
                    "Officer")  # fmt: skip
    months = [("Oct 2025", "2025-10-31"), ("Nov 2025", "2025-11-30"), ("Dec 2025", "2025-12-31")]
    return Plan(
        "Thornton Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR,
        months,
        [
            Section("1", "Neurodevelopmental pathway", [
                Act("1.1", "Start a single neurodevelopmental referral route.",
                    "Designated Clinical Officer", ["DCO"], "Nov 2025", "2025-11",
                    ["A", "G", "B"]),
                Act("1.2", "Offer families support while they wait for assessment.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01",
                    ["R", "A", "A"]),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Fund inclusion bases in four secondary schools.",
                    "Head of Inclusion", ["HI"], "Sept 2026", "2026-09", ["G", "G", ""]),
            ]),
        ],
    )  # fmt: skip


def thornton_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>B – complete. G – on track. A – at risk. R – off track.</p><table><thead>"
    body += "<tr><th></th><th></th><th></th><th></th><th colspan='3'>RAG rating 2025</th></tr>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "Oct", "Nov", "Dec"]) + "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='7'>Priority {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, *a.ratings]
            fills = ["", "", "", "", *(_hex(plan, c) for c in a.ratings)]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


def austwick() -> Plan:
    """PDF: no ratings at all; a "% complete" column and notes that say "on track"."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PFA=Preparing for Adulthood "
                    "Lead")  # fmt: skip
    return Plan(
        "Austwick SEND Strategy Delivery Plan",
        "Priority",
        people,
        [],
        [],
        [
            Section("1", "Preparing for adulthood", [
                Act("1.1", "Run a jobs fair for young people with SEND each spring.",
                    "Preparing for Adulthood Lead", ["PFA"], "April 2026", "2026-04", [],
                    extra={"pct": "40%", "note": "Venue booked; on track for April."}),
                Act("1.2", "Agree a transitions protocol with adult services.",
                    "Preparing for Adulthood Lead", ["PFA"], "Dec 2025", "2025-12", [],
                    extra={"pct": "100%", "note": "Protocol complete and signed."}),
            ]),
            Section("2", "Mainstream inclusion", [
                Act("2.1", "Train teaching assistants in every primary in autism support.",
                    "Head of Inclusion", ["HI"], "July 2026", "2026-07", [],
                    extra={"pct": "25%", "note": "Delayed by trainer sickness in the autumn."}),
                Act("2.2", "Publish guidance on part-time timetables.", "Head of SEND", ["HS"],
                    "Jan 2026", "2026-01", [],
                    extra={"pct": "80%", "note": "Final draft with head teachers."}),
            ]),
        ],
    )  # fmt: skip


def austwick_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Progress to 31 December 2025</p>"
    body += _pdf_table(plan, ["Ref", "Action", "Lead", "By", "% complete", "Notes"],
                       lambda s: f"Priority {s.ref}: {s.title}",
                       lambda a: [a.ref or "", a.title, a.lead_text, a.due_text,
                                  a.extra["pct"], a.extra["note"]])  # fmt: skip
    return _pdf(body, wide=True)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Status31:
    name: str
    filename: str
    plan: Callable[[], Plan]
    lay_out: Callable[[Plan], bytes]
    layout: str
    # The kinds of rating the brief named that this plan holds (see KINDS).
    kinds: tuple[str, ...]

    @property
    def blind(self) -> bool:
        return blind(self.name)

    def build(self) -> bytes:
        return self.lay_out(self.plan())

    def reference(self) -> Doc:
        return self.plan().reference()


KINDS = {
    "none": "no ratings at all",
    "two": "Previous | Current, or Last quarter | This quarter",
    "numbers": "a numbered scale with the key's meanings",
    "words": "a scale written as words only",
    "brag": "BRAG with blue for complete",
    "named": "the sheet's name or the document's title as the only date",
    "symbols": "symbols a legend paragraph explains",
    "band": "a band over month names above the rating columns",
    "impact": "progress and impact ratings, or a direction of travel beside the rating",
}

CORPUS = (
    Status31("Addingham plan", "addingham-plan.txt", addingham, addingham_txt,
             "web page, no ratings", ("none",)),
    Status31("Burnsall strategy plan", "burnsall-plan.xlsx", burnsall, burnsall_xlsx,
             "Excel, no ratings, progress notes", ("none",)),
    Status31("Cononley APP", "cononley-app.txt", cononley, cononley_txt,
             "Excel pasted, Last and This quarter", ("two", "named")),
    Status31("Draughton WSoA", "draughton-wsoa.docx", draughton, draughton_docx,
             "Word, Previous and Current BRAG shaded", ("two", "brag")),
    Status31("Elslack tracker", "elslack-tracker.xlsx", elslack, elslack_xlsx,
             "Excel, scores 1-5, key rows", ("numbers",)),
    Status31("Farnhill PAP", "farnhill-pap.pdf", farnhill, farnhill_pdf,
             "PDF, ratings 1-4 keyed in a line", ("numbers",)),
    Status31("Gargrave WSoA", "gargrave-wsoa.txt", gargrave, gargrave_txt,
             "web page, words only, month in title", ("words", "named")),
    Status31("Hellifield plan", "hellifield-plan.docx", hellifield, hellifield_docx,
             "Word, words only, two months", ("words",)),
    Status31("Kildwick APP", "kildwick-app.xlsx", kildwick, kildwick_xlsx,
             "Excel, BRAG letters filled, dated headings", ("brag",)),
    Status31("Lothersdale tracker", "lothersdale-tracker.pdf", lothersdale, lothersdale_pdf,
             "PDF, BRAG colour words shaded", ("brag",)),
    Status31("Malham tracker", "malham-tracker.xlsx", malham, malham_xlsx,
             "Excel, Status dated by sheet name", ("named",)),
    Status31("Nappa WSoA", "nappa-wsoa.docx", nappa, nappa_docx,
             "Word, Current dated by title", ("named",)),
    Status31("Otterburn APP", "otterburn-app.docx", otterburn, otterburn_docx,
             "Word, ticks and circles keyed in a paragraph", ("symbols",)),
    Status31("Rylstone PAP", "rylstone-pap.pdf", rylstone, rylstone_pdf,
             "PDF, filled circles and arrows keyed", ("symbols", "impact")),
    Status31("Settle tracker", "settle-tracker.xlsx", settle, settle_xlsx,
             "Excel, band '2026' over Jan-Mar", ("band",)),
    Status31("Thornton APP", "thornton-app.pdf", thornton, thornton_pdf,
             "PDF, band over Oct-Dec, BRAG shaded", ("band", "brag")),
    Status31("Winskill PAP", "winskill-pap.docx", winskill, winskill_docx,
             "Word, Progress and Impact RAG", ("impact",)),
    Status31("Yockenthwaite tracker", "yockenthwaite-tracker.txt", yockenthwaite,
             yockenthwaite_txt, "Excel pasted, RAG, direction, impact", ("impact",)),
    # Added, each for a kind the first eighteen left on one side only, before any scoring.
    Status31("Austwick plan", "austwick-plan.pdf", austwick, austwick_pdf,
             "PDF, no ratings, % complete", ("none",)),
    Status31("Bentham plan", "bentham-plan.xlsx", bentham, bentham_xlsx,
             "Excel, words only, key row unfilled", ("words",)),
    Status31("Clapham APP", "clapham-app.xlsx", clapham, clapham_xlsx,
             "Excel, Current BRAG filled, sheet name", ("brag", "named")),
    Status31("Dent PAP", "dent-pap.docx", dent, dent_docx,
             "Word, Progress and Impact BRAG words", ("impact", "brag")),
    Status31("Embsay tracker", "embsay-tracker.xlsx", embsay, embsay_xlsx,
             "Excel, BRAG words, sheet name", ("brag", "named")),
    Status31("Feizor WSoA", "feizor-wsoa.txt", feizor, feizor_txt,
             "web page, BRAG words, month in title", ("brag", "named")),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Status31) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Status31) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]


def invented(plan: Status31) -> accuracy.Figure:
    """Status cells the importer gave where the hand-entered plan has none (a second rating
    read as a period of its own, a rating in a plan with none), of all it gave. Lower is
    better."""
    return status30.invented_in(parsed(plan), plan.reference())


def period_dates(plan: Status31) -> accuracy.Figure:
    """The periods the plan dates that the importer gives the same end date."""
    return status30.period_dates_in(parsed(plan), plan.reference())


def key_meanings(plan: Status31) -> accuracy.Figure:
    """The ratings of the plan's key the importer reads with the key's meaning."""
    return status30.key_meanings_in(parsed(plan), plan.reference())
