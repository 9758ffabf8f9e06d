"""A second set of six plans for round unseen34t, written after the round's rules, in the same
kinds with other variations (a ref run into the words, leads and dates as other sentences,
other summary-list labels, a What/Who/When table merged down), to see whether the rules hold
beyond the plans they were written from. A weaker test than the first set: written by the same
hand that wrote the rules, after reading the code. Split by a hash of its own
("unseen34t-second:"), scored and committed before any rule for it; the conventions are the
first set's (unseen34t.py)."""

from __future__ import annotations

import hashlib
from functools import cache

import docx

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import Act, Plan, Section, _shade, _table
from sendplan.interchange.tests.unseen34t import (
    _BGAR,
    _GAR,
    _HEX,
    _LETTERS,
    _WORDS,
    Doc,
    Unseen34t,
    _p,
)


def blind(name: str) -> bool:
    return hashlib.sha256(("unseen34t-second:" + name).encode()).digest()[0] % 2 == 1


def quarley() -> Plan:
    """An email: the ref run into the words, then dashes."""
    return Plan(
        "Quarley Written Statement of Action", "Area of weakness",
        [_p("EM", "Elena Marsh", "Head of SEN"),
         _p("GP", "Gavin Price", "Designated Clinical Officer")],
        _GAR, ["Status"],
        [
            Section("1", "Timeliness", [
                Act("WSoA-01", "Cut the time to issue a final EHC plan to twenty weeks",
                    "Elena Marsh (Head of SEN)", ["EM"], "Sep-26", "2026-09", ["Amber"]),
                Act("WSoA-02", "Add two EHC coordinators to the assessment team",
                    "Elena Marsh (Head of SEN)", ["EM"], "Mar-26", "2026-03", ["Green"]),
            ]),
            Section("2", "Health advice", [
                Act("WSoA-03", "Return health advice within six weeks of a request",
                    "Gavin Price (Designated Clinical Officer)", ["GP"], "Jun-26", "2026-06",
                    ["Red"]),
                Act("WSoA-04", "Train therapists to write outcomes families understand",
                    "Gavin Price (Designated Clinical Officer)", ["GP"], "Dec-26", "2026-12",
                    ["Green"]),
            ]),
        ],
        dated="2026-01-31",
    )  # fmt: skip


def quarley_txt(plan: Plan) -> bytes:
    lines = ["Subject: WSoA - January position", "", "Morning all,", "",
             "Where each action stands at the end of January 2026:", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref} – {s.title}", ""]
        for a in s.actions:
            lines.append(f"• {a.ref} {a.title} – Lead: {a.lead_text} – Due: {a.due_text} – "
                         f"{a.ratings[0]}")  # fmt: skip
        lines.append("")
    lines += ["Thanks", "Programme team"]
    return "\n".join(lines).encode()


def ramsden() -> Plan:
    """Co-produced: other sentences for who leads and by when."""
    return Plan(
        "Ramsden SEND plan, made with families", "Priority",
        [_p("NK", "Nadia Khan", "Head of Inclusion"), _p("TO", "Tom Osei", "Early Help Manager")],
        _GAR, ["Where we are now"],
        [
            Section("1", "Help early", [
                Act(None, "We will put an inclusion adviser in every cluster of schools.",
                    "Nadia Khan, Head of Inclusion", ["NK"], "June 2026", "2026-06", ["Green"]),
                Act(None, "We will open a SEND drop-in at each family hub.",
                    "Tom Osei, Early Help Manager", ["TO"], "April 2026", "2026-04", ["Amber"]),
                Act(None, "We will write a guide for parents on support without an EHC plan.",
                    "Nadia Khan, Head of Inclusion", ["NK"], "March 2026", "2026-03", ["Red"]),
            ]),
        ],
        dated="2026-01-31",
    )  # fmt: skip


def ramsden_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "January 2026", ""]
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        for a in s.actions:
            name, role = a.lead_text.split(", ", 1)
            lines += [f"{a.title} This will be led by {name}, {role}. We expect to finish it by "
                      f"{a.due_text}.", f"Where we are now: {a.ratings[0]}.", ""]  # fmt: skip
    return "\n".join(lines).encode()


def sandhurst() -> Plan:
    """Excel pasted with tabs: the priority in every row, refs "PA2.3-b", quarters."""
    return Plan(
        "Sandhurst PAP tracker", "Priority",
        [_p("LM", "Lena Moss", None), _p("RB", "Rob Bell", None)],
        _LETTERS, ["RAG"],
        [
            Section("2", "Preparing for adulthood", [
                Act("PA2.3-a", "Map supported internships across the area", "Lena Moss",
                    ["LM"], "Q3 26/27", "2026-12", ["G"]),
                Act("PA2.3-b", "Agree a protocol for moving to adult health services",
                    "Rob Bell", ["RB"], "31.07.2026", "2026-07-31", ["A"]),
                Act("PA2.4-a", "Offer travel training to every Year 11 with an EHC plan",
                    "Rob Bell", ["RB"], "Q2 26/27", "2026-09", ["R"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def sandhurst_txt(plan: Plan) -> bytes:
    lines = ["Sandhurst PAP tracker at 31.12.2025", "",
             "Priority\tRef\tAction\tOwner\tDeadline\tRAG"]  # fmt: skip
    for s in plan.sections:
        for a in s.actions:
            lines.append("\t".join([f"P{s.ref} {s.title}", a.ref or "", a.title, a.lead_text,
                                    a.due_text, a.ratings[0]]))  # fmt: skip
    return "\n".join(lines).encode()


def torbay_vale() -> Plan:
    """Word: "Ref | What | Who | When | How we'll know | Where are we now", one table."""
    return Plan(
        "Torbay Vale Accelerated Progress Plan", "Priority",
        [_p("HS", None, "Head of SEND"), _p("AL", "Amy Lund", "Speech and Language Lead")],
        _BGAR, ["Where are we now"],
        [
            Section("2", "Communication", [
                Act("P2.B.1", "Train nursery staff in early language support",
                    "Amy Lund (Speech and Language Lead)", ["AL"], "Jul 2026", "2026-07",
                    ["Green"]),
                Act("P2.B.2", "Screen every two-year-old's language at the health check",
                    "Head of SEND", ["HS"], "Jan 2027", "2027-01", ["Amber"]),
                Act("P2.B.3", "Publish the waiting time for speech therapy each month",
                    "Head of SEND", ["HS"], "Mar 2026", "2026-03", ["Blue"]),
            ]),
        ],
        dated="2026-02-28",
    )  # fmt: skip


def torbay_vale_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Position at 28 February 2026")
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref} – {s.title}", level=1)
        rows = [["Ref", "What", "Who", "When", "How we'll know", "Where are we now"]]
        rows += [[a.ref or "", a.title, a.lead_text, a.due_text, "Audit", f"{a.ratings[0]} – on "
                  "plan"] for a in s.actions]  # fmt: skip
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, 5), _HEX[a.ratings[0]])
    return saved(document)


def upwell() -> Plan:
    """A summary list copied, with other labels: Owner, Deadline, RAG status."""
    return Plan(
        "Upwell SEND Improvement Plan", "Priority",
        [_p("CD", "Chris Dale", "Head of Transport"), _p("SF", "Sue Fox", "Local Offer Lead")],
        _WORDS, ["RAG status"],
        [
            Section("1", "Getting to school", [
                Act("1.1", "Review every travel route with families", "Chris Dale, Head of "
                    "Transport", ["CD"], "May 2026", "2026-05", ["On track"]),
                Act("1.2", "Publish a clear travel appeals process", "Chris Dale, Head of "
                    "Transport", ["CD"], "February 2026", "2026-02", ["Complete"]),
            ]),
            Section("2", "The local offer", [
                Act("2.1", "Add a search by age and need to the local offer", "Sue Fox, Local "
                    "Offer Lead", ["SF"], "October 2026", "2026-10", ["At risk"]),
            ]),
        ],
        dated="2026-01-15",
    )  # fmt: skip


def upwell_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Updated 15 January 2026", ""]
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        for a in s.actions:
            lines += [f"{a.ref} {a.title}", "Owner", a.lead_text, "Deadline", a.due_text,
                      "RAG status", a.ratings[0], ""]  # fmt: skip
    return "\n".join(lines).encode()


def wendover() -> Plan:
    """Word: What/Who/When, lead and date merged down."""
    return Plan(
        "Wendover priority plan", "Priority",
        [_p("PJ", "Pat Jones", "Head of SEN Casework")],
        _GAR, ["RAG"],
        [
            Section("1", "Annual reviews", [
                Act(None, "Clear the backlog of annual reviews", "Pat Jones, Head of SEN "
                    "Casework", ["PJ"], "August 2026", "2026-08", ["Amber"]),
                Act(None, "Send paperwork to schools six weeks before each review",
                    "Pat Jones, Head of SEN Casework", ["PJ"], "August 2026", "2026-08",
                    ["Green"]),
                Act(None, "Amend plans within four weeks of the review", "Pat Jones, Head of "
                    "SEN Casework", ["PJ"], "August 2026", "2026-08", ["Red"]),
            ]),
        ],
        dated="2026-03-31",
    )  # fmt: skip


def wendover_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Update, March 2026. RAG: Green on track, Amber at risk, Red off track.")
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=1)
        rows = [["What", "Who", "When", "RAG"]]
        rows += [[a.title, a.lead_text, a.due_text, a.ratings[0]] for a in s.actions]
        table = _table(document, rows)
        for c in (1, 2):
            text = rows[1][c]
            table.cell(1, c).merge(table.cell(len(rows) - 1, c)).text = text
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, 3), _HEX[a.ratings[0]])
    return saved(document)


class Second(Unseen34t):
    @property
    def blind(self) -> bool:
        return blind(self.name)


CORPUS = (
    Second("Quarley WSoA", "quarley-wsoa.txt", quarley, quarley_txt, "email, ref run into words"),
    Second("Ramsden plan", "ramsden-plan.txt", ramsden, ramsden_txt, "We will, other sentences"),
    Second("Sandhurst tracker", "sandhurst-tracker.txt", sandhurst, sandhurst_txt,
           "Excel pasted, refs PA2.3-b"),
    Second("Torbay Vale APP", "torbay-vale-app.docx", torbay_vale, torbay_vale_docx,
           "Word Ref/What/Who/When, P2.B.1"),
    Second("Upwell plan", "upwell-plan.txt", upwell, upwell_txt, "summary list, other labels"),
    Second("Wendover plan", "wendover-plan.docx", wendover, wendover_docx,
           "Word What/Who/When merged down"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Unseen34t) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Unseen34t) -> list[accuracy.Figure]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
