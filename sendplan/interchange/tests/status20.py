"""Sixteen plans that rate progress the way councils do, written before the importer read them
(round status20).

The importer finds the actions of a plan it has not seen, but reads its status cells poorly:
the rating of each action in each period, as a RAG letter or word, a shaded cell or the plan's
own words, mapped by the plan's own key. These plans were written by hand, each with the plan
a careful person would enter from it (`Plan.reference`), before the importer was run on any of
them. They vary what real progress reports do: a band heading ("RAG 2025/26") over quarter
columns ("Q1", "Jun-25", "Position at 30 Sept"); a rating column beside a commentary column;
ratings written inside the commentary ("RAG: Amber. Audit begun..."); BRAG with blue for
complete; a key above the table or inside a heading cell; the plan's own words ("Achieved",
"Embedded", "Progressing", "Delayed", "Not yet due"); single letters; shaded Word cells with or
without a word; filled Excel cells left empty; a "% complete" column; "Previous RAG | Current
RAG"; a direction-of-travel column that is not a status; "n/a" and blanks for periods not yet
reached. Four are pasted text, four Word, four Excel and four PDF (HTML printed by WeasyPrint,
as unseen19 prints its PDFs: this machine has no LibreOffice).

Conventions of the hand-entered plans, chosen before the importer was run: a period named by
a date, a month or a quarter of a financial year ends on that period's last day; a column
with no date of its own ("RAG", "Progress update") takes the date the document puts on its
report; "Previous RAG | Current RAG" with no dates keep their headings as names; a blank,
"n/a" or "-" cell has no rating; a percentage complete and a direction of travel are not
ratings; a rating inside a commentary is that period's rating; a plan's scale keeps the codes
its key gives, with a colour only where the plan names one or uses the usual RAG letters or
colour words. Officers are named by role; no child is named.

`blind` splits the plans by a hash of each plan's name (the first byte of
sha256("status20:" + name) odd), fixed and committed with the first figures before any rule
was written: rules come from the dev half only; the blind half is only counted.
bench/parse_status20.py prints the figures; test_parse_status20.py holds the floors; notes in
corpus/real/STATUS20.md.
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
from openpyxl.styles import Font, PatternFill

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import _landscape, _pdf, _shade, _table, _th_row, _wrap

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"status20:{name}".encode()).digest()[0] % 2 == 1


@dataclass
class Act:
    """One action as written, with its rating per period ("" where the plan gives none) and
    what each status cell shows, where that differs from the rating (a commentary, a blank
    shaded cell, "n/a")."""

    ref: str | None
    title: str
    lead_text: str
    leads: list[str]
    due_text: str
    due: str | None
    ratings: list[str]
    shown: list[str] | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def cell(self, n: int) -> str:
        return self.shown[n] if self.shown is not None else self.ratings[n]


@dataclass
class Section:
    ref: str
    title: str
    actions: list[Act]


@dataclass
class Plan:
    title: str
    level: str
    people: list[Doc]
    scale: list[Doc]
    # (label, ends_on or "") per period, in the order of the ratings.
    periods: list[tuple[str, str]]
    sections: list[Section]

    def reference(self) -> Doc:
        labels = [label for label, _ in self.periods]

        def action(a: Act) -> Doc:
            out: Doc = {"title": a.title, "leads": a.leads, "lead_text": a.lead_text}
            if a.ref:
                out["ref"] = a.ref
            if a.due_text:
                out["due_text"] = a.due_text
            if a.due:
                out["due"] = a.due
            updates = [
                {"period": label, "status": code}
                for label, code in zip(labels, a.ratings, strict=True)
                if code
            ]
            if updates:
                out["updates"] = updates
            return out

        return {
            "title": self.title,
            "levels": [self.level],
            "people": self.people,
            "status_scale": self.scale,
            "periods": [
                {"label": label, **({"ends_on": ends} if ends else {})}
                for label, ends in self.periods
            ],
            "sections": [
                {
                    "ref": s.ref,
                    "level": self.level,
                    "title": s.title,
                    "actions": [action(a) for a in s.actions],
                }
                for s in self.sections
            ],
        }

    def acts(self) -> list[Act]:
        return [a for s in self.sections for a in s.actions]


def _roles(*pairs: str) -> list[Doc]:
    """People named by role: KEY=Role."""
    return [{"key": k, "role": r} for k, _, r in (p.partition("=") for p in pairs)]


def _scale(*entries: str) -> list[Doc]:
    """code|label|colour (colour may be left off)."""
    out = []
    for entry in entries:
        code, label, *colour = entry.split("|")
        out.append({"code": code, "label": label, **({"colour": colour[0]} if colour else {})})
    return out


_BGAR = _scale("B|Complete|blue", "G|On track|green", "A|Some slippage|amber", "R|Off track|red")
_GAR_WORDS = _scale("Green|On track|green", "Amber|Some slippage|amber", "Red|Off track|red")
_HEX = {
    "blue": "0070C0", "green": "00B050", "amber": "FFC000", "red": "FF0000", "grey": "D9D9D9",
}  # fmt: skip


def _hex(plan: Plan, code: str) -> str:
    colours = {s["code"]: s.get("colour", "") for s in plan.scale}
    return _HEX.get(colours.get(code, ""), "")


# =============================================================================================
# The plans


def abbotsley() -> Plan:
    """Pasted from a web page; the rating opens each progress note ("RAG: Amber. ...")."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "DCO=Designated Clinical Officer")  # fmt: skip
    return Plan(
        "Abbotsley Written Statement of Action: progress report",
        "Area of weakness",
        people,
        _BGAR,
        [("Progress update (September 2025)", "2025-09-30")],
        [
            Section("1", "The quality of EHC plans", [
                Act("1.1", "Audit forty new EHC plans each term with health and care.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["A"], ["RAG: Amber. Audit begun in August; health advice not yet in "
                            "every plan sampled."]),
                Act("1.2", "Train all EHC coordinators in writing outcomes.", "Head of SEND",
                    ["HS"], "July 2025", "2025-07", ["B"],
                    ["RAG: Blue (complete). All 22 coordinators trained by 18 July."]),
            ]),
            Section("2", "Waiting times for neurodevelopmental assessment", [
                Act("2.1", "Commission a second autism assessment provider.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01", ["R"],
                    ["RAG rating: Red. Tender returned no bids; going out again in October."]),
                Act("2.2", "Offer every family on the waiting list a support session.",
                    "Designated Clinical Officer", ["DCO"], "Nov 2025", "2025-11", ["G"],
                    ["RAG: Green - 310 families offered a session so far."]),
            ]),
        ],
    )  # fmt: skip


def abbotsley_txt(plan: Plan) -> bytes:
    key = "RAG key: B = complete, G = on track, A = some slippage, R = off track"
    lines = [plan.title, "Published 6 October 2025", "", key, ""]
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref}: {s.title}", ""]
        lines.append("Ref\tWhat we will do\tLead\tBy when\tProgress update (September 2025)")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
        lines.append("")
    return "\n".join(lines).encode()


def barrowden() -> Plan:
    """An Excel tracker pasted as text: "Previous RAG | Current RAG", and an arrow column."""
    people = _roles("AD=Assistant Director SEND", "HI=Head of Inclusion", "SM=SENDIASS Manager")
    scale = _scale("C|Complete|blue", "G|On track|green", "A|At risk|amber", "R|Off track|red")
    return Plan(
        "Barrowden SEND Improvement Tracker",
        "Workstream",
        people,
        scale,
        [("Previous RAG", ""), ("Current RAG", "")],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Publish an ordinarily available provision guide for schools.",
                    "Head of Inclusion", ["HI"], "31/10/2025", "2025-10-31", ["G", "C"],
                    extra={"dot": "↑", "note": "Published 14 October."}),
                Act("1.2", "Cut permanent exclusions of pupils with EHC plans by half.",
                    "Head of Inclusion", ["HI"], "31/07/2026", "2026-07-31", ["A", "R"],
                    extra={"dot": "↓", "note": "Two more exclusions this term."}),
            ]),
            Section("2", "Advice for families", [
                Act("2.1", "Extend SENDIASS opening hours to two evenings a week.",
                    "SENDIASS Manager", ["SM"], "30/11/2025", "2025-11-30", ["A", "A"],
                    extra={"dot": "→", "note": "Recruiting two advisers."}),
                Act("2.2", "Run a termly SEND conference for parents with the forum.",
                    "Assistant Director SEND", ["AD"], "31/03/2026", "2026-03-31",
                    ["G", "G"], extra={"dot": "→", "note": "Autumn conference booked."}),
            ]),
        ],
    )  # fmt: skip


def barrowden_txt(plan: Plan) -> bytes:
    lines = [plan.title, "RAG: R = off track; A = at risk; G = on track; C = complete"]
    lines.append("Ref\tAction\tOwner\tDeadline\tPrevious RAG\tCurrent RAG\tDirection of travel"
                 "\tCommentary")  # fmt: skip
    for s in plan.sections:
        lines.append(f"Workstream {s.ref}: {s.title}\t\t\t\t\t\t\t")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                                    a.cell(1), a.extra["dot"], a.extra["note"]]))  # fmt: skip
    return "\r\n".join(lines).encode()


_OWN_WORDS = _scale("Achieved|Delivered", "Embedded|Delivered and now everyday practice",
                    "Progressing|Under way and on time", "Delayed|Behind the planned date",
                    "Not yet due|Not due to start yet")  # fmt: skip


def cranleigh() -> Plan:
    """A web page copied: the plan's own words, explained in a sentence above the tables."""
    people = _roles(
        "HS=Head of SEND", "HEY=Head of Early Years", "PFA=Preparing for Adulthood Lead"
    )
    return Plan(
        "Cranleigh Priority Action Plan",
        "Priority",
        people,
        _OWN_WORDS,
        [("Position at 30 Sept 2025", "2025-09-30")],
        [
            Section("1", "Early identification", [
                Act("1a", "Roll out the early years SEND toolkit to every setting.",
                    "Head of Early Years", ["HEY"], "Sept 2025", "2025-09", ["Achieved"]),
                Act("1b", "Hold a monthly inclusion panel for early years.",
                    "Head of Early Years", ["HEY"], "Ongoing", None, ["Embedded"]),
            ]),
            Section("2", "Preparing for adulthood", [
                Act("2a", "Start transition reviews from Year 9 for every young person with a "
                    "plan.", "Preparing for Adulthood Lead", ["PFA"], "March 2026", "2026-03",
                    ["Progressing"]),
                Act("2b", "Set up a supported internship with the hospital trust.",
                    "Preparing for Adulthood Lead", ["PFA"], "Dec 2025", "2025-12",
                    ["Delayed"]),
                Act("2c", "Publish a transition guide written with young people.",
                    "Head of SEND", ["HS"], "June 2026", "2026-06", ["Not yet due"]),
            ]),
        ],
    )  # fmt: skip


def cranleigh_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Home > Education > SEND > Our plan", "",
             "How we report progress: Achieved (delivered); Embedded (delivered and now part "
             "of everyday practice); Progressing (under way and on time); Delayed (behind the "
             "planned date); Not yet due.", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Priority {s.ref} - {s.title}", ""]
        lines.append("Ref\tAction\tLead\tBy\tPosition at 30 Sept 2025")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
        lines.append("")
    return "\n".join(lines).encode()


_QUARTERS = [("Q1 2025/26", "2025-06-30"), ("Q2 2025/26", "2025-09-30"),
             ("Q3 2025/26", "2025-12-31"), ("Q4 2025/26", "2026-03-31")]  # fmt: skip


def dorrington() -> Plan:
    """An APP pasted from Excel: a band "RAG 2025/26" over Q1..Q4, later quarters n/a."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "ICB=ICB SEND Lead")  # fmt: skip
    return Plan(
        "Dorrington Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR,
        _QUARTERS,
        [
            Section("1", "Leadership and governance", [
                Act("1.1", "Set up an improvement board with an independent chair.",
                    "Director of Children's Services", ["DCS"], "June 2025", "2025-06",
                    ["G", "B", "", ""], ["G", "B", "n/a", "n/a"]),
                Act("1.2", "Agree a joint SEND dashboard with the ICB.", "ICB SEND Lead",
                    ["ICB"], "Dec 2025", "2025-12", ["A", "A", "", ""],
                    ["A", "A", "n/a", "n/a"]),
            ]),
            Section("2", "Timeliness of assessments", [
                Act("2.1", "Issue 60% of new EHC plans within 20 weeks.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["R", "A", "", ""],
                    ["R", "A", "", ""]),
                Act("2.2", "Clear overdue annual reviews.", "Head of SEND", ["HS"],
                    "Jan 2026", "2026-01", ["A", "G", "", ""], ["A", "G", "", ""]),
            ]),
        ],
    )  # fmt: skip


def dorrington_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Key: B = complete, G = on track, A = some slippage, R = off track", ""]
    lines.append("\t\t\t\tRAG 2025/26\t\t\t")
    lines.append("Ref\tAction\tLead\tDue\tQ1\tQ2\tQ3\tQ4")
    for s in plan.sections:
        lines.append(f"Priority {s.ref}: {s.title}\t\t\t\t\t\t\t")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text,
                                    *(a.cell(n) for n in range(4))]))  # fmt: skip
    return "\r\n".join(lines).encode()


_WORDS = _scale("Complete|Complete|blue", "On track|On track|green", "At risk|At risk|amber",
                "Off track|Off track|red", "Not started|Not started|white")  # fmt: skip


def fenwick() -> Plan:
    """Word: a band "Progress 2025/26" over month columns, words in shaded cells."""
    people = _roles(
        "HS=Head of SEND", "CAMHS=CAMHS Service Manager", "PCF=Parent Carer Forum Chair"
    )
    months = [("Jun-25", "2025-06-30"), ("Sep-25", "2025-09-30"), ("Dec-25", "2025-12-31"),
              ("Mar-26", "2026-03-31")]  # fmt: skip
    return Plan(
        "Fenwick Vale Written Statement of Action",
        "Area of weakness",
        people,
        _WORDS,
        months,
        [
            Section("1", "Co-production with families", [
                Act("1.1", "Write a co-production charter with the parent carer forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Sept 2025", "2025-09",
                    ["On track", "Complete", "", ""]),
                Act("1.2", "Publish a 'you said, we did' report each term.", "Head of SEND",
                    ["HS"], "Termly", None, ["Not started", "At risk", "", ""]),
            ]),
            Section("2", "Emotional wellbeing and mental health", [
                Act("2.1", "Place a mental health practitioner in each school cluster.",
                    "CAMHS Service Manager", ["CAMHS"], "April 2026", "2026-04",
                    ["Off track", "Off track", "", ""]),
                Act("2.2", "Run a single point of access for CAMHS referrals.",
                    "CAMHS Service Manager", ["CAMHS"], "Oct 2025", "2025-10",
                    ["On track", "On track", "", ""]),
            ]),
        ],
    )  # fmt: skip


def fenwick_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress report to the SEND Partnership Board")
    heads = ["Ref", "Action", "Lead", "By when"]
    months = [label for label, _ in plan.periods]
    rows = [[*heads, "Progress 2025/26", "", "", ""], [*heads, *months]]
    merged = []
    for s in plan.sections:
        merged.append(len(rows))
        rows.append([f"Area of weakness {s.ref}: {s.title}"] + [""] * 7)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text,
                         *(a.cell(n) for n in range(4))])  # fmt: skip
    table = _table(document, rows)
    table.cell(0, 4).merge(table.cell(0, 7)).text = "Progress 2025/26"
    for c, head in enumerate(heads):
        table.cell(0, c).merge(table.cell(1, c)).text = head
    for r in merged:
        table.cell(r, 0).merge(table.cell(r, 7)).text = rows[r][0]
    r = 2
    for s in plan.sections:
        r += 1
        for a in s.actions:
            for n, code in enumerate(a.ratings):
                if code:
                    _shade(table.cell(r, 4 + n), _hex(plan, code) or _HEX["grey"])
            r += 1
    return saved(document)


def galloway() -> Plan:
    """Word: a RAG column shaded only, its key in its heading cell, and a commentary."""
    people = _roles(
        "HI=Head of Inclusion", "HS=Head of SEND", "EP=Principal Educational Psychologist"
    )
    scale = _scale("G|On track|green", "A|Some slippage|amber", "R|Off track|red")
    return Plan(
        "Galloway Cross SEND Priority Action Plan",
        "Priority",
        people,
        scale,
        [("30 September 2025", "2025-09-30")],
        [
            Section("1", "Inclusive mainstream schools", [
                Act("1.1", "Give every school an inclusion adviser.", "Head of Inclusion",
                    ["HI"], "Dec 2025", "2025-12", ["G"], [""],
                    extra={"note": "Advisers allocated to 61 of 64 schools."}),
                Act("1.2", "Fund a graduated response toolkit for secondary schools.",
                    "Head of Inclusion", ["HI"], "Feb 2026", "2026-02", ["A"], [""],
                    extra={"note": "Procurement slipped by a month."}),
            ]),
            Section("2", "Assessment", [
                Act("2.1", "Bring educational psychology advice within six weeks.",
                    "Principal Educational Psychologist", ["EP"], "Jan 2026", "2026-01",
                    ["R"], [""], extra={"note": "Average 11 weeks; two vacancies."}),
                Act("2.2", "Move EHC requests to an online form.", "Head of SEND", ["HS"],
                    "Nov 2025", "2025-11", ["G"], [""],
                    extra={"note": "Form tested with families in September."}),
            ]),
        ],
    )  # fmt: skip


def galloway_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Position at 30 September 2025")
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "Due",
                 "RAG (G = on track, A = some slippage, R = off track)",
                 "Progress commentary"]]  # fmt: skip
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                         a.extra["note"]])  # fmt: skip
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, 4), _hex(plan, a.ratings[0]))
    return saved(document)


_BRAG_WORDS = _scale("Blue|Complete|blue", "Green|On track|green", "Amber|Some slippage|amber",
                     "Red|Off track|red")  # fmt: skip


def holmbury() -> Plan:
    """Word: BRAG in words, blue for complete, two dated status columns, a key table."""
    people = _roles("AD=Assistant Director Education", "DCO=Designated Clinical Officer",
                    "HS=Head of SEND")  # fmt: skip
    return Plan(
        "Holmbury Written Statement of Action",
        "Area of weakness",
        people,
        _BRAG_WORDS,
        [("Status at 31 March 2025", "2025-03-31"), ("Status at 30 September 2025", "2025-09-30")],
        [
            Section("1", "Joint commissioning", [
                Act("1.1", "Agree a joint commissioning strategy with the ICB.",
                    "Assistant Director Education", ["AD"], "March 2025", "2025-03",
                    ["Green", "Blue"]),
                Act("1.2", "Pool budgets for speech and language therapy.",
                    "Designated Clinical Officer", ["DCO"], "Sept 2025", "2025-09",
                    ["Amber", "Red"]),
            ]),
            Section("2", "EHC plans", [
                Act("2.1", "Quality assure every draft EHC plan before it is issued.",
                    "Head of SEND", ["HS"], "Ongoing", None, ["Amber", "Green"]),
                Act("2.2", "Cut the number of plans issued late by half.", "Head of SEND",
                    ["HS"], "Dec 2025", "2025-12", ["Red", "Amber"]),
            ]),
        ],
    )  # fmt: skip


def holmbury_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Key").runs[0].bold = True
    key = _table(document, [[entry["code"], entry["label"]] for entry in plan.scale])
    for r, entry in enumerate(plan.scale):
        _shade(key.cell(r, 0), _hex(plan, entry["code"]))
    for s in plan.sections:
        document.add_heading(f"Area of weakness {s.ref}: {s.title}", level=1)
        rows = [["No.", "Action", "Lead", "Timescale", *(label for label, _ in plan.periods)]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1)])
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            for n, code in enumerate(a.ratings):
                _shade(table.cell(r, 4 + n), _hex(plan, code))
    return saved(document)


def inchmore() -> Plan:
    """Word APP: "Status - Green." inside the update, and a direction-of-travel column."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "TM=Therapies Manager")
    return Plan(
        "Inchmore Accelerated Progress Plan",
        "Priority",
        people,
        _GAR_WORDS,
        [("Progress update - December 2025", "2025-12-31")],
        [
            Section("1", "Early help", [
                Act("1.1", "Screen every two-year-old for speech and language needs.",
                    "Therapies Manager", ["TM"], "Sept 2026", "2026-09", ["Green"],
                    ["Status – Green. Screening in 40 of 52 settings."],
                    extra={"dot": "↑ Improving"}),
                Act("1.2", "Open an early years SEND hub in each locality.",
                    "Head of Early Years", ["HEY"], "April 2026", "2026-04", ["Amber"],
                    ["Status – Amber. Second hub delayed by building works."],
                    extra={"dot": "↔ No change"}),
            ]),
            Section("2", "Annual reviews", [
                Act("2.1", "Hold every annual review within twelve months.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["Red"],
                    ["Status – Red. 38% on time; recovery plan agreed."],
                    extra={"dot": "↓ Worsening"}),
            ]),
        ],
    )  # fmt: skip


def inchmore_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Status: Green – on track; Amber – at risk; Red – off track.")
    rows = [["Ref", "Action", "Lead officer", "Target date", "Direction of travel",
             "Progress update – December 2025"]]  # fmt: skip
    merged = []
    for s in plan.sections:
        merged.append(len(rows))
        rows.append([f"Priority {s.ref}: {s.title}"] + [""] * 5)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.extra["dot"],
                         a.cell(0)])  # fmt: skip
    table = _table(document, rows)
    for r in merged:
        table.cell(r, 0).merge(table.cell(r, 5)).text = rows[r][0]
    return saved(document)


def kestrel() -> Plan:
    """Excel: a band "RAG 2025/26" over Q1..Q4, cells filled with colour and left empty."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "DCO=Designated Clinical Officer")
    return Plan(
        "Kestrel Bay SEND Improvement Tracker",
        "Workstream",
        people,
        _BGAR,
        _QUARTERS,
        [
            Section("1", "Identification and assessment", [
                Act("1.1", "Bring EHC needs assessments within 20 weeks.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["R", "A", "", ""]),
                Act("1.2", "Publish the SEND support guidance for schools.", "Head of Inclusion",
                    ["HI"], "Sept 2025", "2025-09", ["G", "B", "", ""]),
                Act("1.3", "Agree a health advice turnaround of six weeks.",
                    "Designated Clinical Officer", ["DCO"], "Dec 2025", "2025-12",
                    ["A", "G", "", ""]),
            ]),
        ],
    )  # fmt: skip


def kestrel_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Key: green = on track, amber = some slippage, red = off track, "
                  "blue = complete"])  # fmt: skip
    sheet.append([])
    sheet.append(["", "", "", "", "RAG 2025/26"])
    sheet.merge_cells(start_row=4, start_column=5, end_row=4, end_column=8)
    sheet.append(["Ref", "Action", "Owner", "Due", "Q1", "Q2", "Q3", "Q4"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text])
            row = sheet.max_row
            for n, code in enumerate(a.ratings):
                if code:
                    sheet.cell(row, 5 + n).fill = PatternFill("solid", fgColor=_hex(plan, code))
    _wrap(sheet)
    return saved(book)


def langdale() -> Plan:
    """Excel: a "% complete" column beside the RAG letter, and "n/a" for a closed action."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SM=SENDIASS Manager")
    return Plan(
        "Langdale SEND Priority Action Plan",
        "Priority",
        people,
        _BGAR,
        [("RAG", "2025-10-31")],
        [
            Section("1", "Early years", [
                Act("1.1", "Train every nursery in the graduated approach.",
                    "Head of Early Years", ["HEY"], "July 2025", "2025-07", ["B"],
                    extra={"pct": "100%", "note": "All settings trained."}),
                Act("1.2", "Set up a portage waiting list review.", "Head of Early Years",
                    ["HEY"], "Nov 2025", "2025-11", ["G"],
                    extra={"pct": "75%", "note": "Review under way."}),
            ]),
            Section("2", "Information for families", [
                Act("2.1", "Relaunch the Local Offer website.", "Head of SEND", ["HS"],
                    "Jan 2026", "2026-01", ["A"],
                    extra={"pct": "40%", "note": "Supplier change delayed the build."}),
                Act("2.2", "Offer advice clinics in every family hub.", "SENDIASS Manager",
                    ["SM"], "March 2026", "2026-03", ["R"],
                    extra={"pct": "10%", "note": "No rooms agreed yet."}),
            ]),
        ],
    )  # fmt: skip


def langdale_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PAP"
    sheet.append([plan.title])
    sheet.append(["Last updated 31 October 2025"])
    sheet.append(["Key: B = complete, G = on track, A = some slippage, R = off track"])
    sheet.append(["Ref", "Action", "Lead", "Due", "% complete", "RAG", "Comments"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref} - {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.extra["pct"], a.cell(0),
                          a.extra["note"]])  # fmt: skip
    _wrap(sheet)
    return saved(book)


_MILL_WORDS = _scale("Achieved|Delivered and signed off", "On track|Will be met on time",
                     "Delayed|Will be late", "Not yet due|Work not due to start")  # fmt: skip


def millbrook() -> Plan:
    """Excel: month columns with the plan's own words, the key on a sheet of its own."""
    people = _roles("AD=Assistant Director SEND", "PFA=Preparing for Adulthood Lead",
                    "HS=Head of SEND")  # fmt: skip
    months = [("Jun-25", "2025-06-30"), ("Sep-25", "2025-09-30"), ("Dec-25", "2025-12-31")]
    return Plan(
        "Millbrook SEND Strategy Delivery Tracker",
        "Priority",
        people,
        _MILL_WORDS,
        months,
        [
            Section("1", "Preparing for adulthood", [
                Act("P1.1", "Offer every Year 11 student with a plan a careers interview.",
                    "Preparing for Adulthood Lead", ["PFA"], "July 2025", "2025-07",
                    ["On track", "Achieved", ""]),
                Act("P1.2", "Open a post-16 specialist provision.", "Assistant Director SEND",
                    ["AD"], "Sept 2026", "2026-09", ["Not yet due", "Not yet due", ""]),
                Act("P1.3", "Map independent travel training across the area.",
                    "Preparing for Adulthood Lead", ["PFA"], "Dec 2025", "2025-12",
                    ["On track", "Delayed", ""]),
                Act("P1.4", "Write health actions into every post-16 plan.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["Delayed", "On track", ""]),
            ]),
        ],
    )  # fmt: skip


def millbrook_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Deadline", *(label for label, _ in plan.periods)])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text,
                          *(a.cell(n) for n in range(len(plan.periods)))])  # fmt: skip
    _wrap(sheet)
    key = book.create_sheet("Key")
    key.append(["Status", "Meaning"])
    for status in plan.scale:
        key.append([status["code"], status["label"]])
    return saved(book)


def northwold() -> Plan:
    """Excel APP: "RAG Sept 2025 | RAG Dec 2025", letters on filled cells, the key in a cell
    over the table; December not yet rated for some."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "DCO=Designated Clinical Officer")  # fmt: skip
    return Plan(
        "Northwold Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR,
        [("RAG Sept 2025", "2025-09-30"), ("RAG Dec 2025", "2025-12-31")],
        [
            Section("1", "Strategic leadership", [
                Act("1.1", "Refresh the SEND strategy with the parent carer forum.",
                    "Director of Children's Services", ["DCS"], "Nov 2025", "2025-11",
                    ["G", "B"], extra={"note": "Strategy signed off 20 November."}),
                Act("1.2", "Report SEND performance to the board each month.",
                    "Head of SEND", ["HS"], "Ongoing", None, ["A", "G"],
                    extra={"note": "Dashboard now monthly."}),
            ]),
            Section("2", "Health", [
                Act("2.1", "Reduce waits for speech and language therapy to 18 weeks.",
                    "Designated Clinical Officer", ["DCO"], "June 2026", "2026-06",
                    ["R", ""], ["R", "n/a"], extra={"note": "Not yet reviewed this quarter."}),
                Act("2.2", "Give every special school a named school nurse.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01",
                    ["A", ""], ["A", "-"], extra={"note": "Awaiting ICB decision."}),
            ]),
        ],
    )  # fmt: skip


def northwold_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "APP"
    sheet.append([plan.title])
    sheet.append(["BRAG key: B – complete, G – on track, A – some slippage, R – off track"])
    sheet.append(["Ref", "Action", "Accountable lead", "Due", "RAG Sept 2025", "RAG Dec 2025",
                  "Commentary"])  # fmt: skip
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1),
                          a.extra["note"]])  # fmt: skip
            for n, code in enumerate(a.ratings):
                if code:
                    sheet.cell(sheet.max_row, 5 + n).fill = PatternFill(
                        "solid", fgColor=_hex(plan, code)
                    )
    _wrap(sheet)
    return saved(book)


_CELL = "<td{}>{}</td>"


def _cells(texts: list[str], fills: list[str] | None = None) -> str:
    fills = fills or [""] * len(texts)
    return "".join(
        _CELL.format(f" style='background:#{f}'" if f else "", escape(t).replace("\n", "<br>"))
        for t, f in zip(texts, fills, strict=True)
    )


def oakhanger() -> Plan:
    """PDF: a band "RAG 2025/26" over "Position at 30 June | 30 Sept | 31 Dec", colour words."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PCF=Parent Carer Forum Chair")
    return Plan(
        "Oakhanger Written Statement of Action",
        "Area of weakness",
        people,
        _GAR_WORDS,
        [("Position at 30 June", "2025-06-30"), ("Position at 30 Sept", "2025-09-30"),
         ("Position at 31 Dec", "2025-12-31")],
        [
            Section("1", "Communication with families", [
                Act("1.1", "Answer every family's email within five working days.",
                    "Head of SEND", ["HS"], "Sept 2025", "2025-09", ["Red", "Amber", ""]),
                Act("1.2", "Co-produce the Local Offer pages with the forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Dec 2025", "2025-12",
                    ["Green", "Green", ""]),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Cut part-time timetables for pupils with SEND.",
                    "Head of Inclusion", ["HI"], "July 2026", "2026-07",
                    ["Amber", "Amber", ""]),
            ]),
        ],
    )  # fmt: skip


def oakhanger_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Green = on track; Amber = some slippage; "
    body += "Red = off track.</p>"
    labels = [label for label, _ in plan.periods]
    for s in plan.sections:
        body += f"<h2>Area of weakness {s.ref}: {escape(s.title)}</h2><table><thead>"
        body += "<tr><th rowspan='2'>Ref</th><th rowspan='2'>Action</th>"
        body += "<th rowspan='2'>Lead</th><th rowspan='2'>By when</th>"
        body += "<th colspan='3'>RAG 2025/26</th></tr>"
        body += "<tr>" + "".join(f"<th>{escape(label)}</th>" for label in labels) + "</tr>"
        body += "</thead><tbody>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1),
                     a.cell(2)]  # fmt: skip
            fills = ["", "", "", "", *(_hex(plan, c) for c in a.ratings)]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
        body += "</tbody></table>"
    return _pdf(body, wide=True)


_PENDLE_WORDS = _scale("Completed|Completed", "In progress - on schedule|In progress, on schedule",
                       "In progress - behind schedule|In progress, behind schedule",
                       "Not started|Not started")  # fmt: skip


def pendle() -> Plan:
    """PDF: a percentage column beside a status in the plan's own words."""
    people = _roles("HS=Head of SEND", "EP=Principal Educational Psychologist",
                    "HEY=Head of Early Years")  # fmt: skip
    return Plan(
        "Pendle Moor SEND Priority Action Plan",
        "Priority",
        people,
        _PENDLE_WORDS,
        [("31 December 2025", "2025-12-31")],
        [
            Section("1", "Assessment and planning", [
                Act("1.1", "Write every new EHC plan with the child's own views.",
                    "Principal Educational Psychologist", ["EP"], "Dec 2025", "2025-12",
                    ["Completed"], extra={"pct": "100%"}),
                Act("1.2", "Review the quality assurance framework with health.",
                    "Head of SEND", ["HS"], "Feb 2026", "2026-02",
                    ["In progress - on schedule"], extra={"pct": "60%"}),
                Act("1.3", "Cut the EHC backlog to under fifty cases.", "Head of SEND", ["HS"],
                    "Jan 2026", "2026-01", ["In progress - behind schedule"],
                    extra={"pct": "35%"}),
                Act("1.4", "Launch a two-year-old check with health visitors.",
                    "Head of Early Years", ["HEY"], "Sept 2026", "2026-09", ["Not started"],
                    extra={"pct": "0%"}),
            ]),
        ],
    )  # fmt: skip


def pendle_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Position at 31 December 2025</p>"
    body += "<p>Status: Completed; In progress - on schedule; In progress - behind schedule; "
    body += "Not started.</p>"
    for s in plan.sections:
        body += f"<h2>Priority {s.ref}: {escape(s.title)}</h2><table><thead>"
        body += _th_row(["Ref", "Action", "Lead", "Deadline", "% complete", "Status"])
        body += "</thead><tbody>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.extra["pct"], a.cell(0)]
            body += "<tr>" + _cells(texts) + "</tr>"
        body += "</tbody></table>"
    return _pdf(body)


def quarrendon() -> Plan:
    """PDF APP: "Previous RAG | Current RAG" letters in shaded cells, a "DoT" arrow column."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "ICB=ICB Director of Nursing")  # fmt: skip
    return Plan(
        "Quarrendon Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR,
        [("Previous RAG", ""), ("Current RAG", "")],
        [
            Section("1", "Leadership", [
                Act("1.1", "Appoint a permanent Head of SEND.", "Director of Children's "
                    "Services", ["DCS"], "Oct 2025", "2025-10", ["A", "B"],
                    extra={"dot": "↑"}),
                Act("1.2", "Agree the SEND sufficiency plan.", "Head of SEND", ["HS"],
                    "March 2026", "2026-03", ["G", "G"], extra={"dot": "↔"}),
            ]),
            Section("2", "Health", [
                Act("2.1", "Bring community paediatric waits within 18 weeks.",
                    "ICB Director of Nursing", ["ICB"], "June 2026", "2026-06", ["A", "R"],
                    extra={"dot": "↓"}),
            ]),
        ],
    )  # fmt: skip


def quarrendon_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Report to the improvement board, November 2025.</p>"
    body += "<p>Key: B = complete, G = on track, A = some slippage, R = off track. DoT = "
    body += "direction of travel since the last board.</p><table><thead>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "Previous RAG", "Current RAG", "DoT"])
    body += "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='7'>Priority {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1),
                     a.extra["dot"]]  # fmt: skip
            fills = ["", "", "", "", _hex(plan, a.ratings[0]), _hex(plan, a.ratings[1]), ""]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


def rushmere() -> Plan:
    """PDF outcomes plan: the rating a closing line of the progress cell ("RAG rating: Green")."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead",
                    "CAMHS=CAMHS Service Manager")  # fmt: skip
    return Plan(
        "Rushmere SEND Outcomes Plan",
        "Outcome",
        people,
        _GAR_WORDS,
        [("Progress (October 2025)", "2025-10-31")],
        [
            Section("1", "Young people are well prepared for adult life", [
                Act("1.1", "Offer a supported internship to every young person who wants one.",
                    "Preparing for Adulthood Lead", ["PFA"], "Sept 2026", "2026-09",
                    ["Green"], ["Twelve internships agreed with employers.\nRAG rating: Green"]),
                Act("1.2", "Start a transition clinic with adult health services.",
                    "CAMHS Service Manager", ["CAMHS"], "April 2026", "2026-04", ["Amber"],
                    ["Clinic room agreed; staffing not yet.\nRAG rating: Amber"]),
            ]),
            Section("2", "Families trust the SEND service", [
                Act("2.1", "Answer every complaint within twenty working days.",
                    "Head of SEND", ["HS"], "Dec 2025", "2025-12", ["Red"],
                    ["Half of complaints answered late.\nRAG rating: Red"]),
            ]),
        ],
    )  # fmt: skip


def rushmere_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>RAG: Green = on track, Amber = some slippage, "
    body += "Red = off track.</p>"
    for s in plan.sections:
        body += f"<h2>Outcome {s.ref}: {escape(s.title)}</h2><table><thead>"
        body += _th_row(["Ref", "Key action", "Lead", "Timescale", "Progress (October 2025)"])
        body += "</thead><tbody>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]
            body += "<tr>" + _cells(texts) + "</tr>"
        body += "</tbody></table>"
    return _pdf(body)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Status20:
    name: str
    filename: str
    plan: Callable[[], Plan]
    lay_out: Callable[[Plan], bytes]
    layout: str

    @property
    def blind(self) -> bool:
        return blind(self.name)

    def build(self) -> bytes:
        return self.lay_out(self.plan())

    def reference(self) -> Doc:
        return self.plan().reference()


CORPUS = (
    Status20("Abbotsley WSoA", "abbotsley-wsoa.txt", abbotsley, abbotsley_txt,
             "web page, 'RAG: Amber.' opens the update"),
    Status20("Barrowden tracker", "barrowden-tracker.txt", barrowden, barrowden_txt,
             "Excel pasted, previous/current RAG, arrows"),
    Status20("Cranleigh PAP", "cranleigh-pap.txt", cranleigh, cranleigh_txt,
             "web page, the plan's own words"),
    Status20("Dorrington APP", "dorrington-app.txt", dorrington, dorrington_txt,
             "Excel pasted, RAG 2025/26 band, Q1-Q4"),
    Status20("Fenwick Vale WSoA", "fenwick-wsoa.docx", fenwick, fenwick_docx,
             "Word, band over Jun-25.., shaded words"),
    Status20("Galloway Cross PAP", "galloway-pap.docx", galloway, galloway_docx,
             "Word, shaded only, key in heading cell"),
    Status20("Holmbury WSoA", "holmbury-wsoa.docx", holmbury, holmbury_docx,
             "Word, BRAG words, two dated columns"),
    Status20("Inchmore APP", "inchmore-app.docx", inchmore, inchmore_docx,
             "Word, 'Status – Green.' in update, DoT"),
    Status20("Kestrel Bay tracker", "kestrel-tracker.xlsx", kestrel, kestrel_xlsx,
             "Excel, band over Q1-Q4, fills only"),
    Status20("Langdale PAP", "langdale-pap.xlsx", langdale, langdale_xlsx,
             "Excel, % complete beside RAG"),
    Status20("Millbrook tracker", "millbrook-tracker.xlsx", millbrook, millbrook_xlsx,
             "Excel, month columns, own words, key sheet"),
    Status20("Northwold APP", "northwold-app.xlsx", northwold, northwold_xlsx,
             "Excel, RAG Sept/Dec, n/a, fills"),
    Status20("Oakhanger WSoA", "oakhanger-wsoa.pdf", oakhanger, oakhanger_pdf,
             "PDF, band over 'Position at 30 June'"),
    Status20("Pendle Moor PAP", "pendle-pap.pdf", pendle, pendle_pdf,
             "PDF, % complete, own words"),
    Status20("Quarrendon APP", "quarrendon-app.pdf", quarrendon, quarrendon_pdf,
             "PDF, previous/current RAG shaded, DoT"),
    Status20("Rushmere outcomes plan", "rushmere-plan.pdf", rushmere, rushmere_pdf,
             "PDF, 'RAG rating: Green' closes the cell"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Status20) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Status20) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
