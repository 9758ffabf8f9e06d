"""Seventeen plans in text and Word kinds the importer still misses, written before it was run on
them (round unseen34t).

Round unseen32 found that its blind half, written by another hand, reads only 30 of 61 actions.
Its notes (UNSEEN32.md) describe the blind plans' kinds, not their texts. These plans are new
ones of those kinds, written in other words, refs, labels, separators and dates, as other
councils would write them, so that rules written from this round's dev half can be tried on
the other hand's blind plans as well as on this round's own blind half:

- an email pasted: a bullet an action, ref, title, lead, due date and rating on one line
  between dashes or en-dashes; with semicolons and labels; with the rating word first and the
  lead and date in brackets (one pasted as text, one pasted into Word, one more as text);
- a co-produced plan in plain English: "We will …" sentences, who leads and by when as
  sentences, "Where we are now: …" opening with a rating word (text; Word);
- a tracker pasted from Excel as text, the area of weakness repeated in every row, refs like
  "AoW1-1", dates like "Q4 25/26" and "31.03.2026" (tab-separated; columns of spaces);
- a wiki page: a Markdown pipe table a priority, "What | Who | When | How we'll know | Where
  are we now", no refs (with outer bars; without them, under bold priority lines);
- a Word table "Ref | What | Who | When | How we'll know | Where are we now", refs "P1.A.1",
  "Amber – notes" in shaded cells (a table a priority; one table with area rows across);
- a Word table whose lead and due date are merged down (vMerge) over several actions (two);
- three kinds no round's notes list: a GOV.UK "summary list" copied from a web page (each
  label on a line of its own, its value on the next; two), a Word table left with tracked
  changes in it (deleted text beside inserted), and a Word plan laid out with tabs in
  paragraphs instead of a table.

Each plan is held once as data (`Plan`, as `unseen19` holds its plans) with the plan a careful
person would enter from it (`reference`). Councils, officers and posts are invented; no child
is named.

Conventions of the hand-entered plans, chosen before the importer was run (unseen19's,
unseen28's and unseen32's stand):

- a "We will …" sentence is the action's title as written, its full stop aside;
- a rating word opening a cell or a line that goes on with notes ("Amber – notes", "Where we
  are now: Green. …") is the rating; an upper-case "AMBER" is the scale's "Amber";
- a plan with one rating column or label has one period, named by that column or label and
  ending on the date the document gives itself ("as at 28 November 2025", "Last updated …");
- a month is the month ("Jan-26" is January 2026); "Q4 25/26" ends in March 2026, "Q2 26/27"
  in September 2026; "31.03.2026" is that day; "the end of the summer term 2026" is July 2026,
  "Autumn term 2026" December 2026 (a term ends in the month it ends);
- "Name (Role)" and "Name, Role" name one person; a role alone is a person by role;
- a lead or date merged down over several actions is each action's;
- tracked changes are read as the document would read with them accepted: deleted words are
  gone, inserted ones stand;
- an area of weakness repeated in every row is one section holding those rows.

`blind` splits the plans by a hash fixed before any rule was written: rules come from the dev
half only; the blind half is only counted. bench/parse_unseen34t.py prints the figures;
test_parse_unseen34t.py holds floors. See corpus/real/unseen34t.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import Act, Plan, Section, _landscape, _shade, _table

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(("unseen34t:" + name).encode()).digest()[0] % 2 == 1


def _p(key: str, name: str | None, role: str | None) -> Doc:
    out: Doc = {"key": key}
    if name:
        out["name"] = name
    if role:
        out["role"] = role
    return out


_BGAR = [
    {"code": "Blue", "label": "Complete", "colour": "blue"},
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "Some slippage", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_GAR = [
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "At risk", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_LETTERS = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some delay", "colour": "amber"},
    {"code": "R", "label": "Significant delay", "colour": "red"},
]
_WORDS = [
    {"code": "Complete", "label": "Complete", "colour": "blue"},
    {"code": "On track", "label": "On track", "colour": "green"},
    {"code": "At risk", "label": "At risk", "colour": "amber"},
    {"code": "Off track", "label": "Off track", "colour": "red"},
]
_HEX = {
    "Blue": "0070C0", "Green": "00B050", "Amber": "FFC000", "Red": "FF0000",
    "B": "0070C0", "G": "00B050", "A": "FFC000", "R": "FF0000",
    "Complete": "0070C0", "On track": "00B050", "At risk": "FFC000", "Off track": "FF0000",
}  # fmt: skip


# =============================================================================================
# The plans. Each is written as its area would write it; `extra` holds what a layout shows
# besides (notes after the rating word, "How we'll know"), never scored.


def ashby_fold() -> Plan:
    """An email: a bullet an action, dashes between ref, title, lead, due date and rating."""
    red, ope, leah, tom = "RD", "OP", "LG", "TA"
    return Plan(
        "Ashby Fold Written Statement of Action",
        "Area of weakness",
        [
            _p(red, "Rachel Dunn", "Head of SEN Assessment"),
            _p(ope, "Owen Price", "Principal Educational Psychologist"),
            _p(leah, "Leah Grant", "Designated Clinical Officer"),
            _p(tom, "Tom Ashe", "Service Manager, Children with Disabilities"),
        ],
        _BGAR,
        ["Status"],
        [
            Section("1", "Timeliness of EHC needs assessments", [
                Act("AF-1.1", "Clear the backlog of overdue needs assessments",
                    "Rachel Dunn (Head of SEN Assessment)", [red], "Jan-26", "2026-01",
                    ["Amber"]),
                Act("AF-1.2", "Set up a weekly multi-agency decision panel",
                    "Rachel Dunn (Head of SEN Assessment)", [red], "Oct-25", "2025-10",
                    ["Blue"]),
                Act("AF-1.3", "Quality-assure one in ten new plans every month",
                    "Owen Price (Principal Educational Psychologist)", [ope], "Mar-26",
                    "2026-03", ["Green"]),
            ]),
            Section("2", "Health and care advice in EHC plans", [
                Act("AF-2.1", "Write a joint health and care advice template with the ICB",
                    "Leah Grant (Designated Clinical Officer)", [leah], "Dec-25", "2025-12",
                    ["Red"]),
                Act("AF-2.2", "Train social workers to write advice for EHC plans",
                    "Tom Ashe (Service Manager, Children with Disabilities)", [tom],
                    "Feb-26", "2026-02", ["Green"]),
            ]),
        ],
        dated="2025-11-28",
    )  # fmt: skip


def ashby_fold_txt(plan: Plan) -> bytes:
    lines = [
        "Subject: WSoA actions - where we are",
        "",
        "Hi all,",
        "",
        "Ahead of Thursday's board, here is where each action in the Written Statement of "
        "Action stands as at 28 November 2025. Blue means done, Green on track, Amber some "
        "slippage and Red off track.",
        "",
    ]
    dashes = ["—", "–", "—", "–", "—"]
    n = 0
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref}: {s.title}", ""]
        for a in s.actions:
            d = dashes[n % len(dashes)]
            n += 1
            lines.append(
                f"• {a.ref} {d} {a.title} {d} Lead: {a.lead_text} {d} Due: {a.due_text} "
                f"{d} {a.ratings[0]}"
            )
        lines.append("")
    lines += ["Any questions, give me a shout.", "", "Thanks,", "Jess", "SEND Programme Officer"]
    return "\n".join(lines).encode()


def brantwick() -> Plan:
    """An email pasted into Word: the rating word first, the lead and date in brackets."""
    hc, dw, ak, pm = "HC", "DW", "AK", "PM"
    return Plan(
        "Brantwick Accelerated Progress Plan",
        "Priority",
        [
            _p(hc, "Hannah Cole", "Local Offer Manager"),
            _p(dw, "Dev Warsi", "Head of Inclusion"),
            _p(ak, "Alison Kerr", "SEND Commissioning Manager"),
            _p(pm, "Paul Moss", "Post-16 Lead"),
        ],
        _GAR,
        ["RAG"],
        [
            Section("1", "Information for families", [
                Act("1.1", "Publish a plain guide to asking for an EHC needs assessment",
                    "Hannah Cole, Local Offer Manager", [hc], "31 Jan 2026", "2026-01-31",
                    ["Amber"]),
                Act("1.2", "Hold drop-in sessions for parents in every family hub",
                    "Hannah Cole, Local Offer Manager", [hc], "end of March 2026", "2026-03",
                    ["Green"]),
            ]),
            Section("2", "Support in mainstream schools", [
                Act("2.1", "Launch an inclusion fund schools can bid to without an EHC plan",
                    "Dev Warsi, Head of Inclusion", [dw], "30/04/2026", "2026-04-30",
                    ["Red"]),
                Act("2.2", "Commission outreach from special schools to mainstream staff",
                    "Alison Kerr, SEND Commissioning Manager", [ak], "Sept 2026", "2026-09",
                    ["Green"]),
                Act("2.3", "Agree a supported internship offer with two colleges",
                    "Paul Moss, Post-16 Lead", [pm], "31 Jul 2026", "2026-07-31",
                    ["Amber"]),
            ]),
        ],
        dated="2025-12-12",
    )  # fmt: skip


def brantwick_docx(plan: Plan) -> bytes:
    document = docx.Document()
    for line in [
        "From: SEND Improvement Team",
        "Sent: 12 December 2025 16:04",
        "To: SEND Partnership Board members",
        "Subject: APP progress - position at 12 December 2025",
        "",
        "Dear colleagues,",
        "Please find below our RAG position on each APP action. RAG: GREEN on track, AMBER at "
        "risk, RED off track.",
    ]:
        document.add_paragraph(line)
    for s in plan.sections:
        document.add_paragraph(f"Priority {s.ref} – {s.title}").runs[0].bold = True
        for a in s.actions:
            lead = a.lead_text
            document.add_paragraph(
                f"{a.ratings[0].upper()} – {a.ref} {a.title} (Lead: {lead}; due {a.due_text})",
                style="List Bullet",
            )
    document.add_paragraph("Kind regards,")
    document.add_paragraph("SEND Improvement Team")
    return saved(document)


def crowfield() -> Plan:
    """An email pasted as text: semicolons between labelled parts."""
    mo, jf, sb, rk = "MO", "JF", "SB", "RK"
    return Plan(
        "Crowfield SEND Priority Action Plan",
        "Priority",
        [
            _p(mo, "Mina Osei", "Head of Preparing for Adulthood"),
            _p(jf, "Jack Fenn", "Transitions Social Worker"),
            _p(sb, None, "Head of School Improvement"),
            _p(rk, "Ruth Kaur", "Inclusion Adviser"),
        ],
        _WORDS,
        ["Status"],
        [
            Section("3", "Preparing for adulthood", [
                Act("3.1", "Start preparing for adulthood reviews from Year 9",
                    "Mina Osei (Head of Preparing for Adulthood)", [mo], "Q3 2025/26",
                    "2025-12", ["On track"]),
                Act("3.2", "Agree a transitions protocol with adult social care",
                    "Jack Fenn (Transitions Social Worker)", [jf], "Q4 2025/26", "2026-03",
                    ["At risk"]),
            ]),
            Section("4", "Inclusion in mainstream schools", [
                Act("4.1", "Publish the ordinarily available provision guide for schools",
                    "Head of School Improvement", [sb], "Q2 2025/26", "2025-09",
                    ["Complete"]),
                Act("4.2", "Visit every secondary school with high suspension rates",
                    "Ruth Kaur (Inclusion Adviser)", [rk], "Q1 2026/27", "2026-06",
                    ["Off track"]),
            ]),
        ],
        dated="2026-01-09",
    )  # fmt: skip


def crowfield_txt(plan: Plan) -> bytes:
    lines = [
        "From: Programme Office",
        "Date: 9 January 2026",
        "Subject: PAP - latest position",
        "",
        "All,",
        "",
        "Below is the position on priorities 3 and 4 as at 9 January 2026 (Complete, On "
        "track, At risk, Off track).",
        "",
    ]
    for s in plan.sections:
        lines += [f"PRIORITY {s.ref} - {s.title.upper()}", ""]
        for a in s.actions:
            lines.append(
                f"- Ref {a.ref}; {a.title}; Lead: {a.lead_text}; Due: {a.due_text}; "
                f"Status: {a.ratings[0]}"
            )
        lines.append("")
    lines += ["Regards", "Programme Office"]
    return "\n".join(lines).encode()


def dunholme() -> Plan:
    """A co-produced plan in plain English: "We will" sentences, the lead and date as sentences."""
    pn, gl, hs, co = "PN", "GL", "HS", "CO"
    return Plan(
        "Dunholme SEND Plan - written with families",
        "Priority",
        [
            _p(pn, "Priya Nair", "Local Offer Manager"),
            _p(gl, "Gemma Lowe", "Head of SEN Casework"),
            _p(hs, "Harry Stone", "Parent Carer Forum Chair"),
            _p(co, "Chloe Obi", "Designated Social Care Officer"),
        ],
        _GAR,
        ["Where we are now"],
        [
            Section("1", "Families find it easy to get help", [
                Act(None, "We will answer every call to the SEND information line within "
                    "two working days.", "Priya Nair, Local Offer Manager", [pn],
                    "January 2026", "2026-01", ["Green"]),
                Act(None, "We will give every family a named caseworker they can reach by "
                    "phone or email.", "Gemma Lowe, Head of SEN Casework", [gl],
                    "the end of March 2026", "2026-03", ["Amber"]),
            ]),
            Section("2", "Families are partners in decisions", [
                Act(None, "We will have a parent carer on every panel that decides on "
                    "assessments.", "Harry Stone, Parent Carer Forum Chair", [hs],
                    "September 2026", "2026-09", ["Red"]),
                Act(None, "We will write to families in plain English and check our letters "
                    "with them first.", "Gemma Lowe, Head of SEN Casework", [gl],
                    "July 2026", "2026-07", ["Green"]),
                Act(None, "We will make sure short breaks assessments are offered within "
                    "six weeks.", "Chloe Obi, Designated Social Care Officer", [co],
                    "the end of June 2026", "2026-06", ["Amber"]),
            ]),
        ],
        dated="2026-01-15",
    )  # fmt: skip


_NOW_NOTES = [
    "calls are answered within a day on average.",
    "caseworkers are named for most families; recruitment to two posts is under way.",
    "the panel terms of reference still need changing.",
    "the first letters have been rewritten with the forum.",
    "the assessment form is being shortened with families.",
]


def dunholme_txt(plan: Plan) -> bytes:
    lines = [
        plan.title,
        "",
        "Updated 15 January 2026",
        "",
        "This plan was written with the Dunholme Parent Carer Forum. It says what we will do, "
        "who will make sure it happens and when. Green means it is going well, Amber that it "
        "needs a push, Red that it is stuck.",
        "",
    ]
    n = 0
    for s in plan.sections:
        lines += [f"{s.ref}. {s.title}", ""]
        for a in s.actions:
            name, role = a.lead_text.split(", ", 1)
            lines += [
                f"{a.title} {name}, {role}, will lead this. We will do this by {a.due_text}.",
                f"Where we are now: {a.ratings[0]}. {_NOW_NOTES[n][0].upper()}{_NOW_NOTES[n][1:]}",
                "",
            ]
            n += 1
    lines += ["If you have a question about this plan, email the SEND team."]
    return "\n".join(lines).encode()


def eversley() -> Plan:
    """A co-produced plan in Word: a paragraph a sentence, the lead named in several ways."""
    so, ash, lt, ef = "SO", "AS", "LT", "EF"
    return Plan(
        "Eversley Local Area SEND Improvement Plan",
        "Promise",
        [
            _p(so, "Sarah Okafor", "Head of SEND Casework"),
            _p(ash, "Amir Shah", "Designated Clinical Officer"),
            _p(lt, "Lisa Tran", "Participation Officer"),
            _p(ef, "Ed Fisher", "Virtual School Head"),
        ],
        _BGAR,
        ["Where we are now"],
        [
            Section("1", "Children and young people are listened to", [
                Act(None, "We will ask every child for their views before their annual "
                    "review, in a way that suits them.", "Sarah Okafor, Head of SEND "
                    "Casework", [so], "the end of the summer term 2026", "2026-07",
                    ["Amber"]),
                Act(None, "We will set up a young people's SEND council that meets every "
                    "half term.", "Lisa Tran, Participation Officer", [lt], "February 2026",
                    "2026-02", ["Blue"]),
            ]),
            Section("2", "Health needs are met on time", [
                Act(None, "We will cut the wait for a speech and language assessment to 18 "
                    "weeks.", "Amir Shah, Designated Clinical Officer", [ash], "March 2027",
                    "2027-03", ["Red"]),
                Act(None, "We will check that every child in care with an EHC plan has a "
                    "health assessment on file.", "Ed Fisher, Virtual School Head", [ef],
                    "December 2026", "2026-12", ["Green"]),
            ]),
        ],
        dated="2026-03-31",
    )  # fmt: skip


def eversley_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Written with young people, parents and carers. Update: 31 March 2026.")
    document.add_paragraph(
        "We say where we are now with a colour: Blue is done, Green is going well, Amber "
        "needs a push and Red is stuck."
    )
    notes = [
        "we have a draft one-page profile that six schools are trying.",
        "the council met for the first time in January.",
        "waits are still over 30 weeks; two therapists start in April.",
        "all but three children have one; the last three are booked.",
    ]
    n = 0
    for s in plan.sections:
        document.add_heading(f"Our promise {s.ref}: {s.title}", level=1)
        for a in s.actions:
            name, role = a.lead_text.split(", ", 1)
            document.add_paragraph(a.title)
            if n % 2:
                document.add_paragraph(f"Our {role}, {name}, will lead this.")
            else:
                document.add_paragraph(f"{name}, {role}, will lead this.")
            document.add_paragraph(f"We will do this by {a.due_text}.")
            document.add_paragraph(f"Where we are now: {a.ratings[0]} – {notes[n]}")
            n += 1
    return saved(document)


def farleigh() -> Plan:
    """A tracker pasted from Excel: tabs, the area of weakness in every row, "AoW1-1"."""
    dh, nb, mc, kp = "DH", "NB", "MC", "KP"
    return Plan(
        "Farleigh WSoA tracker",
        "Area of weakness",
        [
            _p(dh, "Dan Hughes", None),
            _p(nb, "Nadia Bello", None),
            _p(mc, None, "Joint Commissioning Manager"),
            _p(kp, "Kim Pearce", None),
        ],
        _LETTERS,
        ["RAG"],
        [
            Section("1", "Joint commissioning", [
                Act("AoW1-1", "Agree a joint commissioning strategy for SEND with the ICB",
                    "Joint Commissioning Manager", [mc], "31.03.2026", "2026-03-31", ["A"]),
                Act("AoW1-2", "Map therapy provision against need in each locality",
                    "Dan Hughes", [dh], "Q4 25/26", "2026-03", ["G"]),
                Act("AoW1-3", "Pool budgets for children with complex needs",
                    "Joint Commissioning Manager", [mc], "30.09.2026", "2026-09-30", ["R"]),
            ]),
            Section("2", "Waiting times for neurodevelopmental assessment", [
                Act("AoW2-1", "Add a triage step so families get advice while they wait",
                    "Nadia Bello", [nb], "Q3 25/26", "2025-12", ["B"]),
                Act("AoW2-2", "Buy extra assessment capacity from a second provider",
                    "Nadia Bello", [nb], "31.01.2026", "2026-01-31", ["G"]),
                Act("AoW2-3", "Publish waiting times on the local offer every month",
                    "Kim Pearce", [kp], "Q1 26/27", "2026-06", ["A"]),
            ]),
        ],
        dated="2025-10-31",
    )  # fmt: skip


def farleigh_txt(plan: Plan) -> bytes:
    comments = [
        "Draft with ICB for comment",
        "Data from two localities still to come",
        "Legal advice awaited on pooling",
        "Triage in place since September",
        "Contract signed",
        "Page designed, data feed not yet built",
    ]
    lines = [
        "Farleigh WSoA tracker - updated 31.10.2025",
        "RAG key: B = complete, G = on track, A = some delay, R = significant delay",
        "",
        "\t".join(["Area of weakness", "Ref", "Action", "Lead", "Target date", "RAG",
                   "Comments"]),
    ]  # fmt: skip
    n = 0
    for s in plan.sections:
        for a in s.actions:
            lines.append("\t".join([f"AoW{s.ref}: {s.title}", a.ref or "", a.title, a.lead_text,
                                    a.due_text, a.ratings[0], comments[n]]))  # fmt: skip
            n += 1
    return "\n".join(lines).encode()


def gosforth_lea() -> Plan:
    """A tracker pasted as text with columns of spaces; the weakness repeated in every row."""
    ew, fa, hb = "EW", "FA", "HB"
    return Plan(
        "Gosforth Lea improvement tracker",
        "Weakness",
        [
            _p(ew, "Emma Wood", "SENDIASS Manager"),
            _p(fa, "Faisal Ali", "Head of Education Quality"),
            _p(hb, "Helen Barr", "EHC Team Manager"),
        ],
        _WORDS,
        ["Status"],
        [
            Section("W1", "Co-production with families", [
                Act("W1-01", "Run co-production training for all SEND staff", "Emma Wood",
                    [ew], "30.06.2026", "2026-06-30", ["On track"]),
                Act("W1-02", "Set up a families' reference group for the local offer",
                    "Emma Wood", [ew], "Q2 26/27", "2026-09", ["Complete"]),
            ]),
            Section("W2", "Quality of EHC plans", [
                Act("W2-01", "Audit twenty plans a term with health and care", "Faisal Ali",
                    [fa], "Q1 26/27", "2026-06", ["At risk"]),
                Act("W2-02", "Rewrite outcomes in plans so they can be measured", "Helen Barr",
                    [hb], "31.12.2026", "2026-12-31", ["Off track"]),
                Act("W2-03", "Check every plan is amended within four weeks of a review",
                    "Helen Barr", [hb], "Q4 26/27", "2027-03", ["On track"]),
            ]),
        ],
        dated="2026-02-28",
    )  # fmt: skip


def gosforth_lea_txt(plan: Plan) -> bytes:
    heads = ["Weakness", "Action ref", "Action", "Responsible", "Deadline", "Status"]
    rows = [heads]
    for s in plan.sections:
        for a in s.actions:
            rows.append([f"{s.ref} {s.title}", a.ref or "", a.title, a.lead_text, a.due_text,
                         a.ratings[0]])  # fmt: skip
    widths = [max(len(r[c]) for r in rows) + 3 for c in range(len(heads))]
    lines = [
        "Gosforth Lea improvement tracker (as at 28.02.2026)",
        "Responsible officers: Emma Wood (SENDIASS Manager), Faisal Ali (Head of Education "
        "Quality), Helen Barr (EHC Team Manager)",
        "",
    ]
    lines += ["".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines).encode()


def hawkridge() -> Plan:
    """A wiki page: a Markdown pipe table a priority, no refs."""
    jm, rs, bo = "JM", "RS", "BO"
    return Plan(
        "Hawkridge Accelerated Progress Plan",
        "Priority",
        [
            _p(jm, "Jo Marsh", "SENCo Network Lead"),
            _p(rs, "Raj Sethi", "Head of Early Help"),
            _p(bo, None, "Designated Medical Officer"),
        ],
        _GAR,
        ["Where are we now"],
        [
            Section("1", "Early identification in schools", [
                Act(None, "Train every SENCo in the new needs toolkit",
                    "Jo Marsh (SENCo Network Lead)", [jm], "Mar 2026", "2026-03", ["Green"]),
                Act(None, "Offer a termly surgery for schools with an educational "
                    "psychologist", "Jo Marsh (SENCo Network Lead)", [jm], "Apr 2026",
                    "2026-04", ["Amber"]),
            ]),
            Section("2", "Help while families wait", [
                Act(None, "Start a parent workshop series on sleep and behaviour",
                    "Raj Sethi (Head of Early Help)", [rs], "Jan 2026", "2026-01",
                    ["Green"]),
                Act(None, "Write to every family on the waiting list with what is on offer",
                    "Designated Medical Officer", [bo], "Feb 2026", "2026-02", ["Red"]),
                Act(None, "Add early help workers to the neurodevelopmental pathway",
                    "Raj Sethi (Head of Early Help)", [rs], "Jun 2026", "2026-06",
                    ["Amber"]),
            ]),
        ],
        dated="2026-02-03",
    )  # fmt: skip


def hawkridge_txt(plan: Plan) -> bytes:
    know = ["90% of SENCos trained", "Every school has used it once", "Families say it helped",
            "Letters sent to all", "Fewer families in crisis while waiting"]  # fmt: skip
    notes = ["Green – on track, 14 of 20 schools trained", "Amber – two surgeries so far",
             "Green – three sessions held", "Red – letter drafted but not sent",
             "Amber – two posts recruited of four"]  # fmt: skip
    lines = [
        f"# {plan.title}",
        "",
        "Last edited 3 February 2026 by the SEND Programme Team",
        "",
        "RAG ratings: Green (on track), Amber (at risk), Red (off track).",
        "",
    ]
    n = 0
    for s in plan.sections:
        lines += [f"## Priority {s.ref}: {s.title}", ""]
        lines += [
            "| What | Who | When | How we'll know | Where are we now |",
            "|------|-----|------|----------------|-------------------|",
        ]
        for a in s.actions:
            lines.append(f"| {a.title} | {a.lead_text} | {a.due_text} | {know[n]} | {notes[n]} |")
            n += 1
        lines.append("")
    return "\n".join(lines).encode()


def ilsington() -> Plan:
    """A wiki export: pipe tables without outer bars, under bold priority lines."""
    cw, ym, lb = "CW", "YM", "LB"
    return Plan(
        "Ilsington SEND Improvement Plan",
        "Priority",
        [
            _p(cw, "Carl Webb", "Head of SEN Transport"),
            _p(ym, "Yasmin Malik", "Educational Psychology Service Manager"),
            _p(lb, "Laura Bishop", "Alternative Provision Lead"),
        ],
        _GAR,
        ["Where we are now"],
        [
            Section("1", "Getting to school", [
                Act(None, "Review every travel assistance route with families",
                    "Carl Webb, Head of SEN Transport", [cw], "end Dec 2025", "2025-12",
                    ["Amber"]),
                Act(None, "Offer independent travel training to every Year 10 with an EHC "
                    "plan", "Carl Webb, Head of SEN Transport", [cw], "31/03/2026",
                    "2026-03-31", ["Green"]),
            ]),
            Section("2", "Children out of school", [
                Act(None, "Track every child on a reduced timetable each week",
                    "Laura Bishop, Alternative Provision Lead", [lb], "Nov 2025", "2025-11",
                    ["Green"]),
                Act(None, "Add two educational psychologists to the out-of-school team",
                    "Yasmin Malik, Educational Psychology Service Manager", [ym],
                    "July 2026", "2026-07", ["Red"]),
            ]),
        ],
        dated="2025-12-05",
    )  # fmt: skip


def ilsington_txt(plan: Plan) -> bytes:
    know = ["All routes reviewed", "Trainees travel alone", "Weekly list to heads",
            "Two posts filled"]  # fmt: skip
    notes = ["Amber - 60 of 140 routes reviewed", "Green: 22 young people trained",
             "Green - list runs every Monday", "Red: recruitment paused until April"]  # fmt: skip
    lines = [
        plan.title,
        "Page last updated: 05/12/2025",
        "",
        "Where we are now is rated Green (on track), Amber (at risk) or Red (off track).",
        "",
    ]
    n = 0
    for s in plan.sections:
        word = {"1": "one", "2": "two"}[s.ref]
        lines += [f"**Priority {word} – {s.title}**", ""]
        lines += [
            "What we'll do | Who's leading | By when | How we'll know it's worked | Where we "
            "are now",
            ":--- | :--- | :---: | :--- | :---",
        ]
        for a in s.actions:
            lines.append(f"{a.title} | {a.lead_text} | {a.due_text} | {know[n]} | {notes[n]}")
            n += 1
        lines.append("")
    return "\n".join(lines).encode()


def kemble() -> Plan:
    """Word: a table a priority, "Ref | What | Who | When | How we'll know | Where are we now"."""
    ht, vr, gj = "HT", "VR", "GJ"
    return Plan(
        "Kemble Accelerated Progress Plan",
        "Priority",
        [
            _p(ht, None, "Head of SEND"),
            _p(vr, "Vicky Rowe", "Speech and Language Therapy Lead"),
            _p(gj, "Gareth Jones", "EHC Quality Officer"),
        ],
        _BGAR,
        ["Where are we now"],
        [
            Section("1", "Timely and good quality EHC plans", [
                Act("P1.A.1", "Recruit three permanent EHC coordinators", "Head of SEND",
                    [ht], "Mar 2026", "2026-03", ["Amber"]),
                Act("P1.A.2", "Agree a 20-week tracker with health and care teams",
                    "Head of SEND", [ht], "Q4 2025-26", "2026-03", ["Green"]),
                Act("P1.B.1", "Audit plans against the quality standard each month",
                    "Gareth Jones (EHC Quality Officer)", [gj], "Jun 2026", "2026-06",
                    ["Blue"]),
            ]),
            Section("2", "Speech, language and communication", [
                Act("P2.A.1", "Train early years staff in the communication pathway",
                    "Vicky Rowe (Speech and Language Therapy Lead)", [vr], "Sep 2026",
                    "2026-09", ["Red"]),
                Act("P2.A.2", "Put a therapist in each family hub one day a week",
                    "Vicky Rowe (Speech and Language Therapy Lead)", [vr], "Jan 2027",
                    "2027-01", ["Amber"]),
            ]),
        ],
        dated="2026-01-31",
    )  # fmt: skip


_KNOW = ["Fewer plans late", "Tracker used weekly", "80% of plans good or better",
         "Staff feel confident", "Shorter waits", "Families say it is clearer"]  # fmt: skip
_NOTES = ["two of three posts filled", "tracker live since December", "audits done monthly",
          "training postponed twice", "three hubs of seven covered", "on schedule"]  # fmt: skip


def kemble_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Position at 31 January 2026")
    document.add_paragraph(
        "Where are we now: Blue – complete; Green – on track; Amber – some slippage; Red – off "
        "track."
    )
    n = 0
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=1)
        rows = [["Ref", "What", "Who", "When", "How we'll know", "Where are we now"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, _KNOW[n],
                         f"{a.ratings[0]} – {_NOTES[n]}"])  # fmt: skip
            n += 1
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, 5), _HEX[a.ratings[0]])
    return saved(document)


def lanercost() -> Plan:
    """Word: one table, area rows merged across, "Where are we now (Jan 2026)" shaded."""
    ip, sr, mw, tn = "IP", "SR", "MW", "TN"
    return Plan(
        "Lanercost Written Statement of Action",
        "Area for improvement",
        [
            _p(ip, "Imogen Pratt", "Assistant Director, Education"),
            _p(sr, "Simon Reed", "Head of Children's Therapies"),
            _p(mw, "Marie Walsh", "SEND Data Analyst"),
            _p(tn, "Tariq Noor", "Parent Carer Forum Coordinator"),
        ],
        _GAR,
        ["Where are we now (Jan 2026)"],
        [
            Section("1", "Leaders' shared understanding of need", [
                Act("A1.A.1", "Build one dashboard of SEND data shared by all partners",
                    "Marie Walsh, SEND Data Analyst", [mw], "April 2026", "2026-04",
                    ["Green"]),
                Act("A1.A.2", "Hold a joint needs review with the ICB each year",
                    "Imogen Pratt, Assistant Director, Education", [ip], "October 2026",
                    "2026-10", ["Amber"]),
                Act("A1.B.1", "Report the dashboard to the partnership board each quarter",
                    "Marie Walsh, SEND Data Analyst", [mw], "June 2026", "2026-06",
                    ["Green"]),
            ]),
            Section("2", "Families' confidence in the local area", [
                Act("A2.A.1", "Run a termly survey of families with the forum",
                    "Tariq Noor, Parent Carer Forum Coordinator", [tn], "December 2025",
                    "2025-12", ["Green"]),
                Act("A2.A.2", "Cut the wait for occupational therapy to 12 weeks",
                    "Simon Reed, Head of Children's Therapies", [sr], "March 2027",
                    "2027-03", ["Red"]),
            ]),
        ],
        dated="2026-01-31",
    )  # fmt: skip


def lanercost_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress report to the SEND Improvement Board, January 2026.")
    document.add_paragraph("Key: Green – on track. Amber – at risk. Red – off track.")
    heads = ["Ref.", "What we will do", "Who", "When by", "How we will know",
             "Where are we now (Jan 2026)"]  # fmt: skip
    rows = [heads]
    across: list[int] = []
    n = 0
    for s in plan.sections:
        across.append(len(rows))
        rows.append([f"Area for improvement {s.ref} – {s.title}"] + [""] * 5)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, _KNOW[n],
                         f"{a.ratings[0]} – {_NOTES[n]}"])  # fmt: skip
            n += 1
    table = _table(document, rows)
    for r in across:
        text = rows[r][0]
        table.cell(r, 0).merge(table.cell(r, 5)).text = text
        _shade(table.cell(r, 0), "D9E2F3")
    r = 0
    for s in plan.sections:
        r += 1
        for a in s.actions:
            r += 1
            _shade(table.cell(r, 5), _HEX[a.ratings[0]])
    return saved(document)


def marden() -> Plan:
    """Word: the lead and due date merged down over several actions."""
    kb, lf, ja = "KB", "LF", "JA"
    return Plan(
        "Marden SEND Priority Plan 2025-2027",
        "Priority",
        [
            _p(kb, "Kate Byrne", "Head of Inclusion"),
            _p(lf, "Liam Ford", "Early Years SEND Manager"),
            _p(ja, "Jenny Adams", "Head of Commissioning"),
        ],
        _LETTERS,
        ["RAG"],
        [
            Section("1", "Inclusion in mainstream", [
                Act("1.1", "Launch an inclusion charter signed by every school",
                    "Kate Byrne, Head of Inclusion", [kb], "July 2026", "2026-07", ["G"]),
                Act("1.2", "Fund a SEND champion in each school cluster",
                    "Kate Byrne, Head of Inclusion", [kb], "July 2026", "2026-07", ["A"]),
                Act("1.3", "Publish exclusion figures for children with SEND each term",
                    "Kate Byrne, Head of Inclusion", [kb], "July 2026", "2026-07", ["G"]),
            ]),
            Section("2", "The early years", [
                Act("2.1", "Give every nursery access to an area SENCo",
                    "Liam Ford, Early Years SEND Manager", [lf], "March 2026", "2026-03",
                    ["B"]),
                Act("2.2", "Agree an early years funding route without an EHC plan",
                    "Liam Ford, Early Years SEND Manager", [lf], "March 2026", "2026-03",
                    ["R"]),
                Act("2.3", "Open forty more specialist nursery places",
                    "Jenny Adams, Head of Commissioning", [ja], "September 2026", "2026-09",
                    ["A"]),
                Act("2.4", "Commission a portage service across the whole area",
                    "Jenny Adams, Head of Commissioning", [ja], "September 2026", "2026-09",
                    ["G"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def _merged_down(
    document: Any,
    plan: Plan,
    heads: list[str],
    lead_col: int,
    due_col: int,
    row: Callable[[Act], list[str]],
    shade_col: int,
) -> None:
    """A table a section whose lead and due cells are merged down over each run of actions
    sharing them."""
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=2)
        rows = [heads] + [row(a) for a in s.actions]
        table = _table(document, rows)
        start = 1
        for r in range(2, len(rows) + 1):
            a_prev = s.actions[r - 2]
            ends = r == len(rows) or (
                (s.actions[r - 1].lead_text, s.actions[r - 1].due_text)
                != (a_prev.lead_text, a_prev.due_text)
            )
            if ends:
                if r - 1 > start:
                    for c in (lead_col, due_col):
                        text = rows[start][c]
                        table.cell(start, c).merge(table.cell(r - 1, c)).text = text
                start = r
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, shade_col), _HEX[a.ratings[0]])


def marden_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Update for the SEND Partnership Board – December 2025")
    document.add_paragraph("RAG: B complete, G on track, A some delay, R significant delay")
    _merged_down(
        document, plan, ["Ref", "Action", "Lead", "Due date", "RAG"], 2, 3,
        lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]], 4,
    )  # fmt: skip
    return saved(document)


def netherby() -> Plan:
    """Word: the responsible officer and timescale merged down; rating words."""
    ob, sh, ac = "OB", "SH", "AC"
    return Plan(
        "Netherby Written Statement of Action",
        "Priority",
        [
            _p(ob, "Olivia Brand", "Head of SEN Statutory Services"),
            _p(sh, None, "Designated Clinical Officer"),
            _p(ac, "Andrew Cole", "Head of Social Care Quality"),
        ],
        _WORDS,
        ["Progress rating"],
        [
            Section("1", "Annual reviews", [
                Act("1.1", "Bring every overdue annual review up to date",
                    "Olivia Brand (Head of SEN Statutory Services)", [ob], "Autumn term 2026",
                    "2026-12", ["At risk"]),
                Act("1.2", "Send review paperwork to schools six weeks ahead",
                    "Olivia Brand (Head of SEN Statutory Services)", [ob], "Autumn term 2026",
                    "2026-12", ["On track"]),
            ]),
            Section("2", "Joined-up health and care", [
                Act("2.1", "Add a health section to the annual review form",
                    "Designated Clinical Officer", [sh], "Q2 2026/27", "2026-09",
                    ["Complete"]),
                Act("2.2", "Invite health professionals to reviews at key stages",
                    "Designated Clinical Officer", [sh], "Q2 2026/27", "2026-09",
                    ["On track"]),
                Act("2.3", "Audit social care advice in twenty plans",
                    "Andrew Cole (Head of Social Care Quality)", [ac], "Q2 2026/27",
                    "2026-09", ["Off track"]),
            ]),
        ],
        dated="2026-04-30",
    )  # fmt: skip


def netherby_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress to 30 April 2026")
    document.add_paragraph("Progress ratings: Complete, On track, At risk, Off track.")
    _merged_down(
        document, plan, ["No.", "Action", "Responsible officer", "Timescale", "Progress rating"],
        2, 3, lambda a: [a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]], 4,
    )  # fmt: skip
    return saved(document)


def oxenhope() -> Plan:
    """A GOV.UK summary list copied: each label on a line of its own, its value on the next."""
    me, ns, ck = "ME", "NS", "CK"
    return Plan(
        "Oxenhope SEND Improvement Plan",
        "Priority",
        [
            _p(me, "Mark Eden", "Principal Educational Psychologist"),
            _p(ns, "Nicola Shaw", "Head of SEN Assessment"),
            _p(ck, "Claire King", "Local Offer Officer"),
        ],
        _WORDS,
        ["Status"],
        [
            Section("1", "Assessment on time", [
                Act("1.1", "Recruit two more educational psychologists",
                    "Mark Eden, Principal Educational Psychologist", [me], "April 2026",
                    "2026-04", ["On track"]),
                Act("1.2", "Send draft plans to families within 14 weeks",
                    "Nicola Shaw, Head of SEN Assessment", [ns], "June 2026", "2026-06",
                    ["At risk"]),
                Act("1.3", "Tell families the reason for every refusal to assess",
                    "Nicola Shaw, Head of SEN Assessment", [ns], "January 2026", "2026-01",
                    ["Complete"]),
            ]),
            Section("2", "The local offer", [
                Act("2.1", "Rebuild the local offer website with parents",
                    "Claire King, Local Offer Officer", [ck], "September 2026", "2026-09",
                    ["Off track"]),
                Act("2.2", "Publish a directory of activities for disabled children",
                    "Claire King, Local Offer Officer", [ck], "May 2026", "2026-05",
                    ["On track"]),
            ]),
        ],
        dated="2025-12-10",
    )  # fmt: skip


def oxenhope_txt(plan: Plan) -> bytes:
    lines = [
        "Skip to main content",
        "Oxenhope Council",
        "Home  Children and families  SEND",
        plan.title,
        "Last updated 10 December 2025",
        "",
        "Contents",
        "Priority 1: Assessment on time",
        "Priority 2: The local offer",
        "",
        "Each action has a status: Complete, On track, At risk or Off track.",
        "",
    ]
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        for a in s.actions:
            lines += [f"{a.ref} {a.title}", "Lead", a.lead_text, "Due", a.due_text, "Status",
                      a.ratings[0], ""]  # fmt: skip
    lines += ["Is this page useful?", "Yes  No"]
    return "\n".join(lines).encode()


def pentridge() -> Plan:
    """A summary list copied: "Action 2.3" on a line, the title under it, labels as questions."""
    gh, wb, fn = "GH", "WB", "FN"
    return Plan(
        "Pentridge Priority Action Plan",
        "Priority",
        [
            _p(gh, "Grace Hill", "SEND Sufficiency Lead"),
            _p(wb, "Will Baker", "Head of Post-16"),
            _p(fn, "Fiona Nash", "Health Transitions Lead"),
        ],
        _GAR,
        ["Progress (RAG)"],
        [
            Section("1", "Enough specialist places", [
                Act("1.1", "Open a resource base for autistic pupils in two secondaries",
                    "Grace Hill (SEND Sufficiency Lead)", [gh], "September 2026", "2026-09",
                    ["Amber"]),
                Act("1.2", "Expand the special school by thirty places",
                    "Grace Hill (SEND Sufficiency Lead)", [gh], "September 2027", "2027-09",
                    ["Green"]),
            ]),
            Section("2", "Moving on to adult life", [
                Act("2.1", "Offer every Year 11 with an EHC plan a careers adviser meeting",
                    "Will Baker (Head of Post-16)", [wb], "March 2026", "2026-03", ["Green"]),
                Act("2.2", "Hand over health care to adult services by age 18",
                    "Fiona Nash (Health Transitions Lead)", [fn], "December 2026", "2026-12",
                    ["Red"]),
            ]),
        ],
        dated="2026-02-20",
    )  # fmt: skip


def pentridge_txt(plan: Plan) -> bytes:
    lines = [
        plan.title,
        "Published 20 February 2026",
        "",
        "Progress is rated Green, Amber or Red.",
        "",
    ]
    for s in plan.sections:
        lines += [f"Priority {s.ref} - {s.title}", ""]
        for a in s.actions:
            lines += [f"Action {a.ref}", a.title, "", "Who is responsible", a.lead_text,
                      "", "Target date", a.due_text, "", "Progress (RAG)", a.ratings[0],
                      "", ""]  # fmt: skip
    return "\n".join(lines).encode()


def rowde() -> Plan:
    """Word: a table left with tracked changes (deleted words beside inserted ones)."""
    rp, bk, zh = "RP", "BK", "ZH"
    return Plan(
        "Rowde Written Statement of Action",
        "Area of weakness",
        [
            _p(rp, "Ruth Payne", "Head of SEND"),
            _p(bk, "Ben Kidd", "Inclusion Manager"),
            _p(zh, "Zara Hussain", "CAMHS Service Manager"),
        ],
        _GAR,
        ["RAG"],
        [
            Section("1", "Waiting times for mental health support", [
                Act("1.1", "Put a mental health worker in every secondary school",
                    "Zara Hussain (CAMHS Service Manager)", [zh], "June 2026", "2026-06",
                    ["Green"]),
                Act("1.2", "Cut the wait for a CAMHS first appointment to eight weeks",
                    "Zara Hussain (CAMHS Service Manager)", [zh], "March 2027", "2027-03",
                    ["Red"]),
            ]),
            Section("2", "Children missing education", [
                Act("2.1", "Check weekly on every child with SEND not in school full time",
                    "Ruth Payne (Head of SEND)", [rp], "December 2025", "2025-12", ["Green"]),
                Act("2.2", "Set up a return-to-school panel with schools and health",
                    "Ben Kidd (Inclusion Manager)", [bk], "February 2026", "2026-02",
                    ["Amber"]),
                Act("2.3", "Report children missing education to the board each term",
                    "Ruth Payne (Head of SEND)", [rp], "April 2026", "2026-04", ["Green"]),
            ]),
        ],
        dated="2026-01-20",
    )  # fmt: skip


# What the table said before the changes now tracked in it: (ref, column) -> old text.
_ROWDE_WAS = {
    ("1.1", 3): "March 2026",
    ("1.2", 4): "Amber",
    ("2.1", 2): "Head of SEND",
    ("2.2", 3): "January 2026",
    ("2.3", 4): "Amber",
}
_TRACK_ID = [100]


def _tracked(cell: Any, old: str, new: str) -> None:
    """A cell whose text was changed with Track Changes on: the old words deleted, the new
    inserted, in one paragraph."""
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    for kind, text in (("w:del", old), ("w:ins", new)):
        _TRACK_ID[0] += 1
        change = OxmlElement(kind)
        change.set(qn("w:id"), str(_TRACK_ID[0]))
        change.set(qn("w:author"), "Programme Office")
        change.set(qn("w:date"), "2026-01-19T10:00:00Z")
        run = OxmlElement("w:r")
        text_el = OxmlElement("w:delText" if kind == "w:del" else "w:t")
        text_el.set(qn("xml:space"), "preserve")
        text_el.text = text
        run.append(text_el)
        change.append(run)
        paragraph._p.append(change)


def rowde_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Draft update for the board, 20 January 2026 (tracked changes)")
    document.add_paragraph("RAG: Green on track, Amber at risk, Red off track")
    for s in plan.sections:
        document.add_heading(f"Area of weakness {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "Due", "RAG"]]
        rows += [[a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]]
                 for a in s.actions]  # fmt: skip
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            for (ref, col), old in _ROWDE_WAS.items():
                if ref == a.ref:
                    _tracked(table.cell(r, col), old, rows[r][col])
            _shade(table.cell(r, 4), _HEX[a.ratings[0]])
    return saved(document)


def tadley() -> Plan:
    """Word: no table; each action a paragraph with its ref, title, lead, date and RAG apart
    by tabs."""
    lb, ow, ms = "LB", "OW", "MS"
    return Plan(
        "Tadley SEND Action Plan",
        "Priority",
        [
            _p(lb, "Lucy Bell", None),
            _p(ow, "Oscar Wren", None),
            _p(ms, "Maya Stone", None),
        ],
        _LETTERS,
        ["RAG"],
        [
            Section("1", "The graduated approach", [
                Act("1.1", "Train all SENCos in the graduated approach", "Lucy Bell", [lb],
                    "Mar 2026", "2026-03", ["G"]),
                Act("1.2", "Publish a graduated approach handbook for teachers", "Lucy Bell",
                    [lb], "Apr 2026", "2026-04", ["A"]),
                Act("1.3", "Moderate SEN support plans in twelve schools", "Oscar Wren",
                    [ow], "Jul 2026", "2026-07", ["G"]),
            ]),
            Section("2", "Transport", [
                Act("2.1", "Re-tender transport contracts with families' views built in",
                    "Maya Stone", [ms], "Aug 2026", "2026-08", ["R"]),
                Act("2.2", "Publish a clear transport appeals process", "Maya Stone", [ms],
                    "Jan 2026", "2026-01", ["B"]),
            ]),
        ],
        dated="2025-12-19",
    )  # fmt: skip


def tadley_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("As at 19 December 2025. RAG: B complete, G on track, A some delay, "
                           "R significant delay.")  # fmt: skip

    def tabbed(text: str, bold: bool = False) -> None:
        paragraph = document.add_paragraph()
        stops = paragraph.paragraph_format.tab_stops
        for at in (15, 150, 200, 230):
            stops.add_tab_stop(Mm(at), WD_TAB_ALIGNMENT.LEFT)
        run = paragraph.add_run(text)
        run.bold = bold

    for s in plan.sections:
        document.add_heading(f"Priority {s.ref} – {s.title}", level=1)
        tabbed("Ref\tAction\tLead\tBy\tRAG", bold=True)
        for a in s.actions:
            tabbed(f"{a.ref}\t{a.title}\t{a.lead_text}\t{a.due_text}\t{a.ratings[0]}")
    return saved(document)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Unseen34t:
    name: str
    filename: str
    plan: Callable[[], Plan]
    lay_out: Callable[[Plan], bytes]
    # How the file arrives, in a few words.
    layout: str

    @property
    def blind(self) -> bool:
        return blind(self.name)

    def build(self) -> bytes:
        return self.lay_out(self.plan())

    def reference(self) -> Doc:
        return self.plan().reference()


CORPUS = (
    Unseen34t("Ashby Fold WSoA", "ashby-fold-wsoa.txt", ashby_fold, ashby_fold_txt,
              "email, dashes between the parts"),
    Unseen34t("Brantwick APP", "brantwick-app.docx", brantwick, brantwick_docx,
              "email in Word, rating first, brackets"),
    Unseen34t("Crowfield PAP", "crowfield-pap.txt", crowfield, crowfield_txt,
              "email, semicolons and labels"),
    Unseen34t("Dunholme co-produced plan", "dunholme-plan.txt", dunholme, dunholme_txt,
              "We will sentences, text"),
    Unseen34t("Eversley co-produced plan", "eversley-plan.docx", eversley, eversley_docx,
              "We will sentences, Word"),
    Unseen34t("Farleigh tracker", "farleigh-tracker.txt", farleigh, farleigh_txt,
              "Excel pasted, tabs, AoW1-1"),
    Unseen34t("Gosforth Lea tracker", "gosforth-lea-tracker.txt", gosforth_lea,
              gosforth_lea_txt, "Excel pasted, columns of spaces"),
    Unseen34t("Hawkridge APP", "hawkridge-app.txt", hawkridge, hawkridge_txt,
              "wiki pipe table a priority"),
    Unseen34t("Ilsington plan", "ilsington-plan.txt", ilsington, ilsington_txt,
              "wiki pipe table, no outer bars"),
    Unseen34t("Kemble APP", "kemble-app.docx", kemble, kemble_docx,
              "Word What/Who/When table a priority"),
    Unseen34t("Lanercost WSoA", "lanercost-wsoa.docx", lanercost, lanercost_docx,
              "Word What/Who/When, one table"),
    Unseen34t("Marden priority plan", "marden-plan.docx", marden, marden_docx,
              "Word, lead and due merged down"),
    Unseen34t("Netherby WSoA", "netherby-wsoa.docx", netherby, netherby_docx,
              "Word, officer and timescale merged"),
    Unseen34t("Oxenhope plan", "oxenhope-plan.txt", oxenhope, oxenhope_txt,
              "GOV.UK summary list copied"),
    Unseen34t("Pentridge PAP", "pentridge-pap.txt", pentridge, pentridge_txt,
              "summary list, Action n.n over title"),
    Unseen34t("Rowde WSoA", "rowde-wsoa.docx", rowde, rowde_docx,
              "Word table with tracked changes"),
    Unseen34t("Tadley action plan", "tadley-plan.docx", tadley, tadley_docx,
              "Word paragraphs apart by tabs"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Unseen34t) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Unseen34t) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
