"""Nineteen plans in layouts no earlier round held, written before the importer was run on them
(round unseen32).

The rounds before this one (`unseen19`, `unseen28`) read whole on their dev halves, so they no
longer estimate how the importer does on a plan it has not met. These plans were written by
hand from how councils, ICBs and parent carer forums publish Written Statements of Action,
Accelerated Progress Plans, priority action plans, strategy action plans, monthly trackers and
board highlight reports, in layouts the earlier rounds' notes do not list:

- an email pasted: bullets "WSoA-01 … — Lead: Name (Role) — Due: Sep-25 — Green";
- a co-produced plan in plain English: "We will …" sentences, "Name, Role, will lead this.",
  "We will do this by …", "Where we are now: …";
- a board highlight report copied from a PDF: milestones as "3.1 Title" over a line
  "Owner: … | Due: … | Status: …", with a table of risks that are no actions;
- a tracker whose every row repeats its area of weakness; refs like "AoW1-4", "WSoA-03",
  "P2.A.1"; dates like "Sep-25", "Q4 25/26", "end of summer term 2026", "31.03.2026";
- a table "What | Who | When | How we'll know | Where are we now" (pasted as a wiki's pipe table,
  in Word, in a PDF), where "Where we are now" opens with a rating word;
- a Word plan whose actions are Word's own numbered list under each area's heading, with
  "Lead:" and "By:" lines under each;
- lead and due date in cells merged down over several actions (Word and Excel);
- an Excel tracker with a title block and filters over a header row at row 6, one sheet per
  priority named by it; two plans (the council's and the ICB's) side by side on one sheet; a
  monthly tracker rated in a column per month; a two-row heading with grouped columns;
- a board slide deck printed to PDF: one priority a page, actions as bullets with the owner
  and date in brackets and a status after them;
- highlight reports with an overall status, milestones and risks.

Each plan is held once as data (`Plan`, as `unseen19` holds its plans) with the plan a careful
person would enter from it (`reference`), and laid out once as a file: five as text, five in
Word, five in Excel and four as PDF (HTML printed by WeasyPrint). Councils, officers and posts
are invented; no child is named.

Conventions of the hand-entered plans, chosen before the importer was run (unseen19's and
unseen28's stand: a term's due date is the month it ends, summer July; a quarter of a financial
year ends in its last month; "Sep-25" is September 2025; a single rating column is named by its
heading and dated by the document; rating words carry their usual colours):

- a "We will …" sentence is the action's title as written; "Name, Role, will lead this." is its
  lead; "We will do this by …" its due date;
- where a cell opens with a rating word and goes on with notes ("Amber – recruitment under
  way"), the rating is the word; the notes are no part of it;
- Word's automatic numbering is the ref the reader sees ("1.", "2.", … running on through the
  document, as one list does in Word);
- a lead or date merged down over several actions is each of those actions' lead or date;
- a highlight report's risks and an overall status are no actions and no action's rating;
- a plan's period is named by its rating column's heading, ending on the date the document
  reports to: "Reporting period: October 2025", "November update" end on the month's last day;
- an area repeated in every row is one section holding its rows.

`blind` splits the plans by a hash fixed before any rule was written: rules come from the dev
half only; the blind half is only counted. bench/parse_unseen32.py prints the figures;
test_parse_unseen32.py holds floors on both halves. See corpus/real/UNSEEN32.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import docx
import openpyxl
from openpyxl.styles import Font, PatternFill

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import (
    _FILLS,
    Act,
    Plan,
    Section,
    _landscape,
    _person,
    _shade,
    _table,
    _th_row,
    _wrap,
)
from sendplan.interchange.tests.unseen28 import _WORD_FILL, _cell, _pdf28

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"unseen32:{name}".encode()).digest()[0] % 2 == 1


_RAG_WORDS = [
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "Some risk", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_BRAG_WORDS = [
    {"code": "Blue", "label": "Complete", "colour": "blue"},
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "At risk", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_BRAG = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "At risk", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]
_RAG = [
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some slippage", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]
_PROGRESS_WORDS = [
    {"code": "Complete", "label": "Complete", "colour": "blue"},
    {"code": "On track", "label": "On track", "colour": "green"},
    {"code": "Delayed", "label": "Delayed", "colour": "amber"},
    {"code": "Off track", "label": "Off track", "colour": "red"},
    {"code": "Not started", "label": "Not started", "colour": "white"},
]
_FILL = {**_FILLS, **_WORD_FILL, "Delayed": "FFC000", "In progress": "00B050"}


# =============================================================================================
# The plans. Each is written as its area would write it.


def amberley() -> Plan:
    """A WSoA's progress sent round by email: a bullet an action, its parts set off by dashes."""
    people = [
        _person("HF", "Helen Ford", "Commissioning Manager"),
        _person("OB", "Owen Blake", "Head of SEND"),
        _person("NR", "Nadia Rahman", "Designated Clinical Officer"),
        _person("CW", "Chris Wade", "Participation Lead"),
    ]
    return Plan(
        "Amberley Cross Written Statement of Action",
        "Area of weakness",
        people,
        _RAG_WORDS,
        ["RAG"],
        [
            Section("1", "Waiting times for neurodevelopmental assessment", [
                Act("WSoA-01", "Commission an extra autism assessment provider to clear the "
                    "waiting list", "Helen Ford (Commissioning Manager)", ["HF"], "Sep-25",
                    "2025-09", ["Green"]),
                Act("WSoA-02", "Offer every family on the waiting list a named contact and "
                    "a support session", "Nadia Rahman (Designated Clinical Officer)", ["NR"],
                    "Q4 25/26", "2026-03", ["Amber"]),
                Act("WSoA-03", "Publish waiting times on the local offer each month",
                    "Nadia Rahman (Designated Clinical Officer)", ["NR"], "Dec-25", "2025-12",
                    ["Red"]),
            ]),
            Section("2", "Co-production with children, young people and families", [
                Act("WSoA-04", "Set up a young people's SEND forum that meets each half term",
                    "Chris Wade (Participation Lead)", ["CW"], "end of summer term 2026",
                    "2026-07", ["Green"]),
                Act("WSoA-05", "Review the EHC needs assessment letters with parents",
                    "Owen Blake (Head of SEND)", ["OB"], "Mar-26", "2026-03", ["Amber"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def birchmoor() -> Plan:
    """A co-produced plan in plain English: "We will …" sentences with named leads."""
    people = [
        _person("AK", "Amira Khan", "Early Years Lead"),
        _person("JP", "James Price", "Head of SEND"),
        _person("LT", "Lorna Todd", "Parent Carer Forum Co-chair"),
        _person("DM", "Dev Mistry", "Head of Transport"),
    ]
    return Plan(
        "Birchmoor SEND Partnership: Our plan for 2025 to 2027",
        "Goal",
        people,
        _PROGRESS_WORDS,
        ["Where we are now"],
        [
            Section("1", "Getting help early", [
                Act(None, "We will train every nursery worker to spot signs that a child "
                    "may need extra help.", "Amira Khan, Early Years Lead", ["AK"],
                    "end of summer term 2026", "2026-07", ["On track"]),
                Act(None, "We will make sure every family can talk to someone about their "
                    "child's needs within two weeks of asking.", "James Price, Head of SEND",
                    ["JP"], "December 2025", "2025-12", ["Delayed"]),
            ]),
            Section("2", "Being listened to", [
                Act(None, "We will ask families what they think of every new leaflet before "
                    "we print it.", "Lorna Todd, Parent Carer Forum Co-chair", ["LT"],
                    "March 2026", "2026-03", ["Complete"]),
                Act(None, "We will tell families each term what we changed because of what "
                    "they said.", "James Price, Head of SEND", ["JP"], "July 2026", "2026-07",
                    ["Not started"]),
            ]),
            Section("3", "Getting to school", [
                Act(None, "We will answer every school transport request within 20 working "
                    "days.", "Dev Mistry, Head of Transport", ["DM"], "September 2026",
                    "2026-09", ["On track"]),
            ]),
        ],
    )  # fmt: skip


def castlebrook() -> Plan:
    """A board highlight report copied from a PDF: milestones with an owner line under each."""
    people = [
        _person("KD", "Kerry Dunn", "Preparing for Adulthood Lead"),
        _person("GL", "Gareth Lowe", "Director of Education"),
        _person("SM", "Sian Morgan", "Head of Adult Social Care"),
        _person("PA", "Paul Ashby", "SEND Service Manager"),
    ]
    return Plan(
        "Castlebrook SEND Improvement Board Highlight Report",
        "Priority",
        people,
        _PROGRESS_WORDS,
        ["Status"],
        [
            Section("3", "Preparing for adulthood", [
                Act("3.1", "Publish a preparing for adulthood pathway for young people aged "
                    "14 to 25", "Kerry Dunn, Preparing for Adulthood Lead", ["KD"],
                    "Q4 25/26", "2026-03", ["On track"]),
                Act("3.2", "Agree a transitions protocol with adult social care",
                    "Sian Morgan, Head of Adult Social Care", ["SM"], "Dec 2025", "2025-12",
                    ["Delayed"]),
                Act("3.3", "Add preparing for adulthood outcomes to every Year 9 annual review",
                    "Kerry Dunn, Preparing for Adulthood Lead", ["KD"], "Sep-26", "2026-09",
                    ["Not started"]),
            ]),
            Section("4", "Quality of EHC plans", [
                Act("4.1", "Audit twenty EHC plans a month with health and social care",
                    "Paul Ashby, SEND Service Manager", ["PA"], "Jan 2026", "2026-01",
                    ["Complete"]),
                Act("4.2", "Run outcomes writing training for every EHC coordinator",
                    "Paul Ashby, SEND Service Manager", ["PA"], "31.03.2026", "2026-03-31",
                    ["On track"]),
            ]),
        ],
        dated="2025-10-31",
    )  # fmt: skip


def dennington() -> Plan:
    """A tracker pasted from Excel whose every row repeats its area of weakness."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("PEP", None, "Principal Educational Psychologist"),
        _person("JCM", None, "Joint Commissioning Manager"),
    ]
    return Plan(
        "Dennington Area SEND Improvement Tracker",
        "Area of weakness",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("AoW1", "Joint commissioning", [
                Act("AoW1-1", "Agree a joint commissioning strategy for SEND with the ICB",
                    "Joint Commissioning Manager", ["JCM"], "Sep-25", "2025-09", ["B"]),
                Act("AoW1-2", "Pool budgets for speech and language therapy",
                    "Joint Commissioning Manager", ["JCM"], "Q4 25/26", "2026-03", ["A"]),
                Act("AoW1-3", "Map the therapy offer against the needs of each locality",
                    "Designated Clinical Officer", ["DCO"], "31.03.2026", "2026-03-31",
                    ["G"]),
            ]),
            Section("AoW2", "Timeliness of EHC needs assessments", [
                Act("AoW2-1", "Clear the backlog of educational psychology advice",
                    "Principal Educational Psychologist", ["PEP"], "Dec-25", "2025-12", ["R"]),
                Act("AoW2-2", "Report 20-week timeliness to the board every month",
                    "Head of SEND", ["HSEND"], "Oct-25", "2025-10", ["G"]),
                Act("AoW2-3", "Bring health advice returns within six weeks to 90%",
                    "Designated Clinical Officer", ["DCO"], "Q2 26/27", "2026-09", ["A"]),
            ]),
        ],
    )  # fmt: skip


def elmscott() -> Plan:
    """An APP on an intranet page: a pipe table a priority, "What | Who | When | …"."""
    people = [
        _person("RH", "Ruth Hale", "Inclusion Manager"),
        _person("TO", "Tunde Okafor", "SEND Data Lead"),
        _person("BC", "Beth Carr", "Head of Virtual School"),
    ]
    return Plan(
        "Elmscott Accelerated Progress Plan",
        "Priority",
        people,
        _BRAG_WORDS,
        ["Where are we now"],
        [
            Section("A", "Inclusion in mainstream schools", [
                Act(None, "Publish ordinarily available provision guidance for every school",
                    "Ruth Hale, Inclusion Manager", ["RH"], "Nov 2025", "2025-11", ["Blue"]),
                Act(None, "Run inclusion network meetings for SENCOs each half term",
                    "Ruth Hale, Inclusion Manager", ["RH"], "Jul 2026", "2026-07", ["Green"]),
                Act(None, "Cut suspensions of pupils with EHC plans by a quarter",
                    "Beth Carr, Head of Virtual School", ["BC"], "Q4 25/26", "2026-03",
                    ["Red"]),
            ]),
            Section("B", "Knowing how we are doing", [
                Act(None, "Build a SEND dashboard shared by education, health and care",
                    "Tunde Okafor, SEND Data Lead", ["TO"], "Jan 2026", "2026-01", ["Amber"]),
                Act(None, "Publish the dashboard's headline figures to families each term",
                    "Tunde Okafor, SEND Data Lead", ["TO"], "Apr 2026", "2026-04", ["Green"]),
            ]),
        ],
    )  # fmt: skip


def fenwick() -> Plan:
    """A WSoA in Word: a heading an area, Word's numbered list of actions, "Lead:" and "By:"."""
    people = [
        _person("CE", "Clare Evans", "Head of SEND"),
        _person("MS", "Mo Saleh", "Designated Clinical Officer"),
        _person("FG", "Fiona Grant", "Service Manager, Children with Disabilities"),
    ]
    return Plan(
        "Fenwick Written Statement of Action",
        "Area of weakness",
        people,
        _RAG_WORDS,
        ["Progress"],
        [
            Section("1", "The quality and timeliness of EHC plans", [
                Act("1", "Recruit three EHC coordinators to permanent posts.",
                    "Clare Evans, Head of SEND", ["CE"], "December 2025", "2025-12",
                    ["Green"]),
                Act("2", "Agree a quality standard for EHC plans with schools and health.",
                    "Clare Evans, Head of SEND", ["CE"], "March 2026", "2026-03", ["Amber"]),
                Act("3", "Audit every new EHC plan's health advice for three months.",
                    "Mo Saleh, Designated Clinical Officer", ["MS"], "February 2026",
                    "2026-02", ["Green"]),
            ]),
            Section("2", "Short breaks for disabled children", [
                Act("4", "Publish a short breaks statement written with families.",
                    "Fiona Grant, Service Manager, Children with Disabilities", ["FG"],
                    "January 2026", "2026-01", ["Red"]),
                Act("5", "Offer an assessment for short breaks within eight weeks.",
                    "Fiona Grant, Service Manager, Children with Disabilities", ["FG"],
                    "June 2026", "2026-06", ["Amber"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def greyhurst() -> Plan:
    """An APP in Word: a "What | Who | When | How we'll know | Where are we now" table."""
    people = [
        _person("AW", "Anna Webb", "Head of SEND"),
        _person("IH", "Imran Hussain", "ICB SEND Lead"),
        _person("ZL", "Zoe Lane", "Principal Educational Psychologist"),
    ]
    return Plan(
        "Greyhurst Accelerated Progress Plan",
        "Priority",
        people,
        _BRAG_WORDS,
        ["Where are we now"],
        [
            Section("P1", "Timely assessment", [
                Act("P1.A.1", "Recruit two educational psychologists", "Zoe Lane", ["ZL"],
                    "Jan 2026", "2026-01", ["Amber"]),
                Act("P1.A.2", "Buy in locum psychology advice to clear the backlog",
                    "Zoe Lane", ["ZL"], "Nov 2025", "2025-11", ["Blue"]),
                Act("P1.B.1", "Set a six-week standard for health advice", "Imran Hussain",
                    ["IH"], "Q4 25/26", "2026-03", ["Green"]),
            ]),
            Section("P2", "Communication with families", [
                Act("P2.A.1", "Give every family a named EHC coordinator", "Anna Webb",
                    ["AW"], "Dec 2025", "2025-12", ["Green"]),
                Act("P2.A.2", "Answer every complaint within 15 working days", "Anna Webb",
                    ["AW"], "end of summer term 2026", "2026-07", ["Red"]),
            ]),
        ],
    )  # fmt: skip


def hollinwood() -> Plan:
    """A priority plan in Word whose lead and due date are merged down over several actions."""
    people = [
        _person("HI", None, "Head of Inclusion"),
        _person("SENM", None, "SEN Service Manager"),
        _person("DCO", None, "Designated Clinical Officer"),
    ]
    return Plan(
        "Hollinwood SEND Priority Action Plan",
        "Priority",
        people,
        _RAG,
        ["RAG"],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Publish a graduated approach toolkit for schools",
                    "Head of Inclusion", ["HI"], "Mar 2026", "2026-03", ["G"]),
                Act("1.2", "Train SENCOs in the graduated approach", "Head of Inclusion",
                    ["HI"], "Mar 2026", "2026-03", ["A"]),
                Act("1.3", "Visit every school with high suspensions of pupils with SEND",
                    "Head of Inclusion", ["HI"], "Mar 2026", "2026-03", ["G"]),
            ]),
            Section("2", "Assessment and planning", [
                Act("2.1", "Move EHC needs assessment requests online", "SEN Service Manager",
                    ["SENM"], "Dec 2025", "2025-12", ["R"]),
                Act("2.2", "Hold a weekly multi-agency panel", "SEN Service Manager",
                    ["SENM"], "Dec 2025", "2025-12", ["G"]),
                Act("2.3", "Audit health advice monthly", "Designated Clinical Officer",
                    ["DCO"], "Jun 2026", "2026-06", ["A"]),
            ]),
        ],
    )  # fmt: skip


def ivelton() -> Plan:
    """A board highlight report in Word: milestones a workstream, and a table of risks."""
    people = [
        _person("LB", "Laura Bishop", "Assistant Director, Education"),
        _person("TK", "Tom Kerr", "Head of SEND Transport"),
        _person("HA", "Hana Ali", "Head of Family Hubs"),
    ]
    return Plan(
        "Ivelton SEND Improvement Programme Highlight Report",
        "Workstream",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "Sufficiency of specialist places", [
                Act("M1", "Open the new resourced provision at the secondary academy",
                    "Laura Bishop", ["LB"], "Sep-26", "2026-09", ["G"]),
                Act("M2", "Agree the capital plan for special school places to 2030",
                    "Laura Bishop", ["LB"], "Jan-26", "2026-01", ["A"]),
            ]),
            Section("2", "Travel assistance", [
                Act("M3", "Publish a new travel assistance policy after consultation",
                    "Tom Kerr", ["TK"], "Nov-25", "2025-11", ["B"]),
                Act("M4", "Offer independent travel training in every secondary school",
                    "Tom Kerr", ["TK"], "Q4 25/26", "2026-03", ["R"]),
            ]),
            Section("3", "Family hubs", [
                Act("M5", "Put a SEND practitioner in each family hub", "Hana Ali", ["HA"],
                    "Mar-26", "2026-03", ["G"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def kelsall() -> Plan:
    """An ICB's SEND action plan in Word whose every row repeats its area of weakness."""
    people = [
        _person("RS", "Dr Rachel Stone", "Designated Clinical Officer"),
        _person("NB", "Neil Burns", "Head of Children's Commissioning"),
        _person("YO", "Yetunde Obi", "Therapies Service Lead"),
    ]
    return Plan(
        "Kelsall ICB SEND Action Plan 2025-26",
        "Area of weakness",
        people,
        [
            {"code": "Complete", "label": "Complete", "colour": "blue"},
            {"code": "In progress", "label": "In progress", "colour": "green"},
            {"code": "Delayed", "label": "Delayed", "colour": "amber"},
            {"code": "Not started", "label": "Not started", "colour": "white"},
        ],
        ["Status"],
        [
            Section("1", "Waiting times for therapies", [
                Act(None, "Recruit four speech and language therapists",
                    "Yetunde Obi, Therapies Service Lead", ["YO"], "Q4 25/26", "2026-03",
                    ["In progress"]),
                Act(None, "Offer families a drop-in advice line while they wait",
                    "Yetunde Obi, Therapies Service Lead", ["YO"], "Sep-25", "2025-09",
                    ["Complete"]),
                Act(None, "Report waiting times by locality to the SEND board",
                    "Neil Burns, Head of Children's Commissioning", ["NB"], "Dec-25",
                    "2025-12", ["Delayed"]),
            ]),
            Section("2", "Health contributions to EHC plans", [
                Act(None, "Train health staff in writing outcomes for EHC plans",
                    "Dr Rachel Stone, Designated Clinical Officer", ["RS"],
                    "end of summer term 2026", "2026-07", ["Not started"]),
                Act(None, "Track health advice returned within six weeks",
                    "Dr Rachel Stone, Designated Clinical Officer", ["RS"], "Jan-26",
                    "2026-01", ["In progress"]),
            ]),
        ],
    )  # fmt: skip


def langdon() -> Plan:
    """An Excel tracker: a title block and filters over a header row at row 6, a sheet a
    priority named by it."""
    people = [
        _person("EF", "Emma Fox", "Head of SEND Assessment"),
        _person("RP", "Raj Patel", "Inclusion Lead"),
        _person("SJ", "Sarah Jones", "Head of Early Years"),
    ]
    return Plan(
        "Langdon SEND Improvement Tracker",
        "Priority",
        people,
        _BRAG,
        ["BRAG"],
        [
            Section("1", "Identification and assessment", [
                Act("1.1", "Introduce a single request form for EHC needs assessment",
                    "Emma Fox", ["EF"], "2025-10-31", "2025-10-31", ["B"]),
                Act("1.2", "Screen every two-year-old check for speech and language needs",
                    "Sarah Jones", ["SJ"], "2026-03-31", "2026-03-31", ["G"]),
                Act("1.3", "Hold decision panels weekly instead of fortnightly", "Emma Fox",
                    ["EF"], "2025-12-01", "2025-12-01", ["A"]),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Agree a local inclusion charter with headteachers", "Raj Patel",
                    ["RP"], "2026-02-27", "2026-02-27", ["G"]),
                Act("2.2", "Fund outreach from special schools to mainstream", "Raj Patel",
                    ["RP"], "2026-07-17", "2026-07-17", ["R"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def marlow_heath() -> Plan:
    """A priority action plan in Excel with lead and timescale merged over several actions."""
    people = [
        _person("DL", "Diane Lowe", "Head of SEND"),
        _person("AN", "Ade Nwosu", "Head of Commissioning"),
        _person("KC", "Kate Cole", "Designated Clinical Officer"),
    ]
    return Plan(
        "Marlow Heath SEND Priority Action Plan",
        "Priority",
        people,
        _RAG,
        ["RAG"],
        [
            Section("1", "Specialist provision", [
                Act("1.1", "Review the places commissioned at each special school",
                    "Diane Lowe", ["DL"], "Dec 2025", "2025-12", ["G"]),
                Act("1.2", "Agree banding for top-up funding with schools", "Diane Lowe",
                    ["DL"], "Dec 2025", "2025-12", ["A"]),
                Act("1.3", "Open two new resourced provisions", "Ade Nwosu", ["AN"],
                    "Sep 2026", "2026-09", ["G"]),
            ]),
            Section("2", "Health", [
                Act("2.1", "Publish the neurodevelopmental pathway", "Kate Cole", ["KC"],
                    "Mar 2026", "2026-03", ["R"]),
                Act("2.2", "Train GPs in the new pathway", "Kate Cole", ["KC"], "Mar 2026",
                    "2026-03", ["A"]),
                Act("2.3", "Report waiting times to the board monthly", "Kate Cole", ["KC"],
                    "Mar 2026", "2026-03", ["G"]),
            ]),
        ],
    )  # fmt: skip


def northam() -> Plan:
    """The council's plan and the ICB's side by side on one sheet."""
    people = [
        _person("GB", "Grace Bell", "Head of SEND"),
        _person("WT", "Will Turner", "Inclusion Manager"),
        _person("PN", "Priya Nair", "Designated Clinical Officer"),
        _person("OM", "Olu Martins", "Head of Children's Commissioning, ICB"),
    ]
    return Plan(
        "Northam Local Area SEND Improvement Plan",
        "Partner",
        people,
        _RAG,
        ["RAG"],
        [
            Section("C", "Council actions", [
                Act("C1", "Recruit permanent EHC coordinators", "Grace Bell", ["GB"],
                    "Jan-26", "2026-01", ["G"]),
                Act("C2", "Publish the local offer's new pages", "Grace Bell", ["GB"],
                    "Nov-25", "2025-11", ["A"]),
                Act("C3", "Agree an inclusion strategy with schools", "Will Turner", ["WT"],
                    "Mar-26", "2026-03", ["G"]),
            ]),
            Section("H", "ICB actions", [
                Act("H1", "Commission a second autism assessment provider", "Olu Martins",
                    ["OM"], "Feb-26", "2026-02", ["R"]),
                Act("H2", "Audit health advice in EHC plans", "Priya Nair", ["PN"],
                    "Dec-25", "2025-12", ["G"]),
                Act("H3", "Publish therapy waiting times by locality", "Priya Nair", ["PN"],
                    "Apr-26", "2026-04", ["A"]),
            ]),
        ],
    )  # fmt: skip


_OAKHANGER_MONTHS = ["Sep-25", "Oct-25", "Nov-25"]


def oakhanger() -> Plan:
    """A monthly tracker in Excel: a RAG column for each month."""
    people = [
        _person("MH", "Mark Hill", "SEND Service Manager"),
        _person("JA", "Jenny Ash", "Head of Therapies"),
        _person("CB", "Carl Brown", "Post-16 Lead"),
    ]
    return Plan(
        "Oakhanger SEND Monthly Tracker",
        "Theme",
        people,
        _RAG,
        _OAKHANGER_MONTHS,
        [
            Section("1", "Annual reviews", [
                Act("1.1", "Clear annual reviews overdue by more than a year", "Mark Hill",
                    ["MH"], "2025-12-19", "2025-12-19", ["R", "A", "A"]),
                Act("1.2", "Amend EHC plans within four weeks of the review", "Mark Hill",
                    ["MH"], "2026-03-31", "2026-03-31", ["A", "A", "G"]),
            ]),
            Section("2", "Therapies", [
                Act("2.1", "Agree a therapy offer for special schools", "Jenny Ash", ["JA"],
                    "2026-01-30", "2026-01-30", ["G", "G", "G"]),
                Act("2.2", "Start a speech and language drop-in in family hubs", "Jenny Ash",
                    ["JA"], "2025-11-28", "2025-11-28", ["A", "G", "G"]),
            ]),
            Section("3", "Post-16", [
                Act("3.1", "Commission supported internships for 20 young people",
                    "Carl Brown", ["CB"], "2026-07-31", "2026-07-31", ["G", "G", "A"]),
            ]),
        ],
    )  # fmt: skip


def penhallow() -> Plan:
    """A strategy action plan in Excel with a two-row heading over grouped columns."""
    people = [
        _person("EB", "Ellen Brooks", "Head of SEND"),
        _person("SD", "Sam Dixon", "Head of Early Help"),
        _person("FK", "Farah Karim", "Local Offer Manager"),
    ]
    return Plan(
        "Penhallow SEND and Alternative Provision Strategy: Action Plan",
        "Priority",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "Early help", [
                Act("1.1", "Offer SEND support through every early help team", "Sam Dixon",
                    ["SD"], "Q3 25/26", "2025-12", ["G"]),
                Act("1.2", "Train early help workers in the graduated approach", "Sam Dixon",
                    ["SD"], "Q4 25/26", "2026-03", ["A"]),
            ]),
            Section("2", "Information for families", [
                Act("2.1", "Rebuild the local offer website with families", "Farah Karim",
                    ["FK"], "Q1 26/27", "2026-06", ["G"]),
                Act("2.2", "Publish a guide to EHC needs assessment in plain English",
                    "Farah Karim", ["FK"], "Q3 25/26", "2025-12", ["B"]),
                Act("2.3", "Answer local offer enquiries within five working days",
                    "Ellen Brooks", ["EB"], "Q2 26/27", "2026-09", ["R"]),
            ]),
        ],
    )  # fmt: skip


def quarrington() -> Plan:
    """A board slide deck printed to PDF: a priority a slide, actions as bullets."""
    people = [
        _person("SR", "Sam Reid", "Head of SEND"),
        _person("LK", "Leah King", "Designated Clinical Officer"),
        _person("BO", "Ben Osei", "Head of Inclusion"),
    ]
    return Plan(
        "Quarrington SEND Improvement Board: Priority Action Plan",
        "Priority",
        people,
        _PROGRESS_WORDS,
        ["Status"],
        [
            Section("1", "Timely EHC plans", [
                Act(None, "Recruit two EHC coordinators", "Sam Reid", ["SR"], "Dec 2025",
                    "2025-12", ["Complete"]),
                Act(None, "Hold decision panels every week", "Sam Reid", ["SR"], "Jan 2026",
                    "2026-01", ["On track"]),
                Act(None, "Set a six-week standard for health advice", "Leah King", ["LK"],
                    "Mar 2026", "2026-03", ["Delayed"]),
            ]),
            Section("2", "Inclusion in schools", [
                Act(None, "Publish ordinarily available provision guidance", "Ben Osei",
                    ["BO"], "Feb 2026", "2026-02", ["On track"]),
                Act(None, "Cut part-time timetables for pupils with SEND", "Ben Osei",
                    ["BO"], "Jul 2026", "2026-07", ["Off track"]),
            ]),
        ],
        dated="2026-01-31",
    )  # fmt: skip


def redcastle() -> Plan:
    """A WSoA as a PDF: "Ref | What | Who | When | How we'll know | Where are we now"."""
    people = [
        _person("VP", "Vicky Page", "Head of SEND"),
        _person("AR", "Asif Raza", "Designated Medical Officer"),
        _person("ML", "Megan Lloyd", "Head of Social Care"),
    ]
    return Plan(
        "Redcastle Written Statement of Action",
        "Area of weakness",
        people,
        _RAG_WORDS,
        ["Where are we now"],
        [
            Section("1", "Health's part in EHC plans", [
                Act("WSoA-01", "Put a health advice quality checklist in place",
                    "Asif Raza", ["AR"], "Oct-25", "2025-10", ["Green"]),
                Act("WSoA-02", "Train community paediatricians in writing advice",
                    "Asif Raza", ["AR"], "Jan-26", "2026-01", ["Amber"]),
            ]),
            Section("2", "Social care's part in EHC plans", [
                Act("WSoA-03", "Give every EHC plan a social care section written with the "
                    "family", "Megan Lloyd", ["ML"], "Q4 25/26", "2026-03", ["Red"]),
                Act("WSoA-04", "Check social care advice at every decision panel",
                    "Vicky Page", ["VP"], "Dec-25", "2025-12", ["Green"]),
            ]),
        ],
    )  # fmt: skip


def stanbury() -> Plan:
    """An APP as a PDF: priority and objective rows over actions "P2.A.1"."""
    people = [
        _person("HS", None, "Head of SEND"),
        _person("PCF", None, "Parent Carer Forum Chair"),
        _person("EYM", None, "Early Years Manager"),
    ]
    return Plan(
        "Stanbury Accelerated Progress Plan",
        "Priority",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("P1", "Early identification", [
                Act("P1.A.1", "Screen every two-year-old check for SEND", "Early Years Manager",
                    ["EYM"], "end of summer term 2026", "2026-07", ["G"]),
                Act("P1.A.2", "Give nurseries an inclusion fund", "Early Years Manager",
                    ["EYM"], "Q4 25/26", "2026-03", ["A"]),
            ]),
            Section("P2", "Co-production", [
                Act("P2.A.1", "Agree a co-production charter", "Parent Carer Forum Chair",
                    ["PCF"], "Nov 2025", "2025-11", ["B"]),
                Act("P2.B.1", "Add a family's voice to every decision panel", "Head of SEND",
                    ["HS"], "Q3 25/26", "2025-12", ["G"]),
                Act("P2.B.2", "Survey families after every EHC plan is issued",
                    "Head of SEND", ["HS"], "Mar 2026", "2026-03", ["R"]),
            ]),
        ],
    )  # fmt: skip


def thornleigh() -> Plan:
    """A highlight report as a PDF: an overall status, key actions, risks with owners."""
    people = [
        _person("NG", "Nina Gray", "Head of SEND"),
        _person("RB", "Rob Baxter", "ICB Associate Director"),
        _person("PW", "Pam Wood", "Parent Carer Forum Chair"),
    ]
    return Plan(
        "Thornleigh SEND Partnership Highlight Report",
        "Priority",
        people,
        _PROGRESS_WORDS,
        ["Status"],
        [
            Section("2", "Neurodevelopmental pathway", [
                Act("1", "Agree the new neurodevelopmental pathway with schools",
                    "Rob Baxter", ["RB"], "Jan 2026", "2026-01", ["On track"]),
                Act("2", "Offer pre-assessment support to families on the waiting list",
                    "Rob Baxter", ["RB"], "Mar 2026", "2026-03", ["Delayed"]),
                Act("3", "Co-produce the pathway's leaflet with the parent carer forum",
                    "Pam Wood", ["PW"], "Dec 2025", "2025-12", ["Complete"]),
                Act("4", "Report waiting times to the partnership board quarterly",
                    "Nina Gray", ["NG"], "Q4 25/26", "2026-03", ["Not started"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


# =============================================================================================
# Text layouts


def amberley_txt(plan: Plan) -> bytes:
    """An email: a bullet an action, its parts set off by dashes."""
    lines = [
        "From: SEND Improvement Team",
        "Sent: 14 November 2025 09:12",
        "To: SEND Partnership Board members",
        "Subject: WSoA progress - November update",
        "",
        "Dear all,",
        "",
        "Please find below the latest position on the actions in our Written Statement of "
        "Action, ahead of Thursday's board.",
        "",
        "RAG key: Green - on track, Amber - some risk, Red - off track",
        "",
    ]
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref} - {s.title}", ""]
        for a in s.actions:
            lines.append(f"• {a.ref} {a.title} — Lead: {a.lead_text} — Due: {a.due_text} — "
                         f"{a.ratings[0]}")  # fmt: skip
        lines.append("")
    lines += ["Any questions, please let me know.", "", "Kind regards,", "", "Jo",
              "SEND Improvement Programme Officer"]  # fmt: skip
    return "\n".join(lines).encode()


def birchmoor_txt(plan: Plan) -> bytes:
    """A co-produced plan on a web page, in plain English."""
    lines = [
        plan.title,
        "Written together with Birchmoor Parent Carer Forum",
        "",
        "Families told us that help came too late, that they were not listened to, and that "
        "getting to school was hard. This plan says what we will do about it.",
        "",
    ]
    for s in plan.sections:
        lines += [f"Goal {s.ref}: {s.title}", ""]
        for a in s.actions:
            name, role = a.lead_text.split(", ", 1)
            lines += [
                f"{a.title} {name}, {role}, will lead this. We will do this by {a.due_text}.",
                f"Where we are now: {a.ratings[0]}",
                "",
            ]
    lines += ["If you would like this plan in another format, please contact us."]
    return "\n".join(lines).encode()


def castlebrook_txt(plan: Plan) -> bytes:
    """A highlight report copied from a PDF, one priority a page."""
    lines: list[str] = []
    owners = {"3": "Gareth Lowe, Director of Education", "4": "Gareth Lowe, Director of Education"}
    for n, s in enumerate(plan.sections, 1):
        lines += [
            "Castlebrook SEND Improvement Board",
            f"Highlight Report – Priority {s.ref}: {s.title}",
            "Reporting period: October 2025",
            f"Senior responsible officer: {owners[s.ref]}",
            "Overall status: AMBER",
            "",
            "Summary",
            "Work has moved forward this month, though one milestone has slipped. The board is "
            "asked to note the position.",
            "",
            "Milestones",
        ]
        for a in s.actions:
            lines += [
                f"{a.ref} {a.title}",
                f"Owner: {a.lead_text} | Due: {a.due_text} | Status: {a.ratings[0]}",
            ]
        lines += [
            "",
            "Risks and issues",
            f"R{n} Staff turnover may slow delivery. Owner: {owners[s.ref]}. Mitigation: "
            "recruitment under way.",
            "",
            f"Page {n} of {len(plan.sections)}",
            "\f",
        ]
    return "\n".join(lines).encode()


def dennington_txt(plan: Plan) -> bytes:
    """Excel cells pasted: the area of weakness in every row."""
    key = ", ".join(f"{s['code']} = {s['label']}" for s in plan.scale)
    lines = [plan.title, f"RAG key: {key}", "",
             "Area of weakness\tRef\tAction\tOwner\tDeadline\tRAG\tComments"]  # fmt: skip
    notes = ["Agreed at board", "Awaiting ICB sign-off", "", "Locum cover agreed", "", ""]
    n = 0
    for s in plan.sections:
        for a in s.actions:
            lines.append("\t".join([f"{s.ref} {s.title}", a.ref or "", a.title, a.lead_text,
                                    a.due_text, a.ratings[0], notes[n]]))  # fmt: skip
            n += 1
    return "\r\n".join(lines).encode()


def elmscott_txt(plan: Plan) -> bytes:
    """An intranet page with a pipe table a priority."""
    notes = {
        "Blue": "done and shared with schools",
        "Green": "meetings booked to July",
        "Amber": "supplier chosen, data sharing agreement awaited",
        "Red": "figures have risen this term",
    }
    lines = [plan.title, "", "Owner: SEND Improvement Board | Page last edited 3 Dec 2025", ""]
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", "",
                  "| What | Who | When | How we'll know | Where are we now |",
                  "|---|---|---|---|---|"]  # fmt: skip
        for a in s.actions:
            lines.append(f"| {a.title} | {a.lead_text} | {a.due_text} | Schools and families "
                         f"tell us | {a.ratings[0]} – {notes[a.ratings[0]]} |")  # fmt: skip
        lines.append("")
    return "\n".join(lines).encode()


# =============================================================================================
# Word layouts


def fenwick_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress at 31 December 2025. Progress is rated Green (on track), "
                           "Amber (some risk) or Red (off track).")  # fmt: skip
    for s in plan.sections:
        document.add_heading(f"Area of weakness {s.ref}: {s.title}", level=1)
        for a in s.actions:
            document.add_paragraph(a.title, style="List Number")
            document.add_paragraph(f"Lead: {a.lead_text}")
            document.add_paragraph(f"By: {a.due_text}")
            document.add_paragraph(f"Progress: {a.ratings[0]}")
    return saved(document)


def greyhurst_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Where are we now: Blue – complete; Green – on track; Amber – at "
                           "risk; Red – off track.")  # fmt: skip
    notes = {"Blue": "done", "Green": "on course", "Amber": "recruitment under way",
             "Red": "below target this term"}  # fmt: skip
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref[1:]}: {s.title}", level=1)
        rows = [["Ref", "What", "Who", "When", "How we'll know", "Where are we now"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text,
                         "Monthly figures to the board", f"{a.ratings[0]} – "
                         f"{notes[a.ratings[0]]}"])  # fmt: skip
        table = _table(document, rows)
        for r in range(1, len(rows)):
            _shade(table.cell(r, 5), _FILL[rows[r][5].split(" ")[0]])
    document.add_heading("Who's who", level=2)
    for p in plan.people:
        document.add_paragraph(f"{p['name']} – {p['role']}")
    return saved(document)


def hollinwood_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("RAG: G = on track; A = some slippage; R = off track.")
    rows = [["Ref", "Action", "Lead", "Due", "RAG"]]
    headings: list[int] = []
    runs: list[tuple[int, int]] = []
    for s in plan.sections:
        headings.append(len(rows))
        rows.append([f"Priority {s.ref}: {s.title}", "", "", "", ""])
        for a in s.actions:
            row = [a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]]
            if runs and runs[-1][1] == len(rows) - 1 and rows[-1][2:4] == row[2:4]:
                runs[-1] = (runs[-1][0], len(rows))
            else:
                runs.append((len(rows), len(rows)))
            rows.append(row)
    table = _table(document, rows)
    for r in headings:
        table.cell(r, 0).merge(table.cell(r, 4)).text = rows[r][0]
    for r, row in enumerate(rows[1:], 1):
        if r not in headings:
            _shade(table.cell(r, 4), _FILLS[row[4]])
    # A lead and a date shared by a run of actions are one cell merged down the run.
    for first, last in runs:
        for c in (2, 3):
            for r in range(first + 1, last + 1):
                table.cell(r, c).text = ""
            if last > first:
                table.cell(first, c).merge(table.cell(last, c)).text = rows[first][c]
    return saved(document)


def ivelton_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Reporting period: December 2025")
    document.add_paragraph("Overall programme RAG: Amber")
    document.add_paragraph("Senior responsible owner: Laura Bishop, Assistant Director, "
                           "Education")  # fmt: skip
    document.add_paragraph("BRAG: B = complete, G = on track, A = at risk, R = off track.")
    document.add_heading("Achievements this period", level=1)
    document.add_paragraph("The travel assistance policy was agreed by Cabinet.",
                           style="List Bullet")  # fmt: skip
    document.add_paragraph("Recruitment to family hub posts began.", style="List Bullet")
    for s in plan.sections:
        document.add_heading(f"Workstream {s.ref}: {s.title}", level=1)
        rows = [["No.", "Milestone", "Owner", "Due", "RAG"]]
        rows += [[a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]]
                 for a in s.actions]  # fmt: skip
        table = _table(document, rows)
        for r in range(1, len(rows)):
            _shade(table.cell(r, 4), _FILLS[rows[r][4]])
    document.add_heading("Key risks", level=1)
    _table(document, [
        ["Risk", "Owner", "Mitigation", "Rating"],
        ["Building costs rise beyond the capital budget", "Laura Bishop",
         "Value engineering with the academy trust", "High"],
        ["Too few travel trainers to start in January", "Tom Kerr",
         "Agency cover agreed for the spring term", "Medium"],
    ])  # fmt: skip
    document.add_heading("Decisions needed from the board", level=1)
    document.add_paragraph("None this period.")
    return saved(document)


def kelsall_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("NHS Kelsall Integrated Care Board")
    document.add_paragraph("Status: Complete; In progress; Delayed; Not started.")
    rows = [["Area of weakness", "Action", "Responsible officer", "Target date", "Status"]]
    for s in plan.sections:
        for a in s.actions:
            rows.append([f"{s.ref}. {s.title}", a.title, a.lead_text, a.due_text,
                         a.ratings[0]])  # fmt: skip
    table = _table(document, rows)
    for r in range(1, len(rows)):
        _shade(table.cell(r, 4), _FILL.get(rows[r][4], "D9D9D9"))
    return saved(document)


# =============================================================================================
# Excel layouts


def _fill(cell: Any, code: str) -> None:
    cell.fill = PatternFill("solid", fgColor=_FILL[code])


def langdon_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    key = ", ".join(f"{s['code']} = {s['label']}" for s in plan.scale)
    for s in plan.sections:
        sheet = book.create_sheet(f"P{s.ref} {s.title.split(' ')[0]}")
        sheet.append([plan.title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([f"Priority {s.ref}: {s.title}"])
        sheet.append(["Last updated: 30/11/2025"])
        sheet.append([f"BRAG: {key}"])
        sheet.append(["Use the filter arrows to show one lead's actions."])
        sheet.append(["Ref", "Action", "Lead officer", "Due date", "BRAG", "Update"])
        for cell in sheet[6]:
            cell.font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, dt.datetime.fromisoformat(a.due_text),
                          a.ratings[0], "See highlight report"])  # fmt: skip
            sheet.cell(sheet.max_row, 4).number_format = "dd/mm/yyyy"
            _fill(sheet.cell(sheet.max_row, 5), a.ratings[0])
        sheet.auto_filter.ref = f"A6:F{sheet.max_row}"
        sheet.freeze_panes = "A7"
        _wrap(sheet)
    return saved(book)


def marlow_heath_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["RAG: G = on track, A = some slippage, R = off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Timescale", "RAG"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=5)  # fmt: skip
        first = sheet.max_row + 1
        for a in s.actions:
            row = sheet.max_row + 1
            previous = s.actions[row - first - 1] if row > first else None
            same = previous is not None and (previous.lead_text, previous.due_text) == (
                a.lead_text,
                a.due_text,
            )
            sheet.append([a.ref, a.title, None if same else a.lead_text,
                          None if same else a.due_text, a.ratings[0]])  # fmt: skip
            _fill(sheet.cell(row, 5), a.ratings[0])
        # Merge each run of the same lead and timescale.
        start = first
        for n in range(1, len(s.actions) + 1):
            here = s.actions[n - 1]
            nxt = s.actions[n] if n < len(s.actions) else None
            if nxt is None or (nxt.lead_text, nxt.due_text) != (here.lead_text, here.due_text):
                end = first + n - 1
                if end > start:
                    for c in (3, 4):
                        sheet.merge_cells(start_row=start, start_column=c, end_row=end,
                                          end_column=c)  # fmt: skip
                start = end + 1
    _wrap(sheet)
    return saved(book)


def northam_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Joint plan"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["RAG: G = on track, A = some slippage, R = off track"])
    sheet.append([])
    council, icb = plan.sections
    sheet.append(["Northam Council", None, None, None, None, None, "NHS Northam ICB"])
    sheet.append(["Ref", "Action", "Lead", "Due", "RAG", None,
                  "Ref", "Action", "Lead", "Due", "RAG"])  # fmt: skip
    for left, right in zip(council.actions, icb.actions, strict=True):
        sheet.append([left.ref, left.title, left.lead_text, left.due_text, left.ratings[0], None,
                      right.ref, right.title, right.lead_text, right.due_text,
                      right.ratings[0]])  # fmt: skip
        _fill(sheet.cell(sheet.max_row, 5), left.ratings[0])
        _fill(sheet.cell(sheet.max_row, 11), right.ratings[0])
    _wrap(sheet)
    return saved(book)


def oakhanger_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["RAG each month: G = on track, A = some slippage, R = off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Deadline", *_OAKHANGER_MONTHS, "Latest update"])
    for s in plan.sections:
        sheet.append([f"Theme {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, dt.datetime.fromisoformat(a.due_text),
                          *a.ratings, "Reported to the board"])  # fmt: skip
            sheet.cell(sheet.max_row, 4).number_format = "dd/mm/yyyy"
            for n, code in enumerate(a.ratings):
                _fill(sheet.cell(sheet.max_row, 5 + n), code)
    _wrap(sheet)
    return saved(book)


def penhallow_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["BRAG: B = complete, G = on track, A = at risk, R = off track"])
    sheet.append([])
    sheet.append(["Action", None, None, "Delivery", None, "Progress", None])
    for start, end in ((1, 3), (4, 5), (6, 7)):
        sheet.merge_cells(start_row=4, start_column=start, end_row=4, end_column=end)
    sheet.append(["Ref", "Action", "Outcome", "Lead", "Due", "RAG", "Update"])
    for row in (4, 5):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, "Families say it helps", a.lead_text, a.due_text,
                          a.ratings[0], "On course"])  # fmt: skip
            _fill(sheet.cell(sheet.max_row, 6), a.ratings[0])
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# PDF layouts


def quarrington_pdf(plan: Plan) -> bytes:
    """Slides printed to PDF: a title slide, then a priority a slide."""
    slide = (
        "<div style='page-break-after: always; font-size: 20pt; min-height: 15cm'>"
        "{}<p style='font-size:9pt'>Quarrington SEND Improvement Board | {}</p></div>"
    )
    body = slide.format(
        f"<h1>{escape(plan.title)}</h1><p>January 2026 update</p>"
        "<p>Status: Complete, On track, Delayed, Off track, Not started</p>",
        1,
    )
    for n, s in enumerate(plan.sections, 2):
        items = "".join(
            f"<li>{escape(a.title)} ({escape(a.lead_text)}, {escape(a.due_text)}) – "
            f"{escape(a.ratings[0])}</li>"
            for a in s.actions
        )
        body += slide.format(f"<h2>Priority {s.ref}: {escape(s.title)}</h2><ul>{items}</ul>", n)
    return _pdf28(body, wide=True)


def redcastle_pdf(plan: Plan) -> bytes:
    notes = {"Green": "in place", "Amber": "half of staff trained", "Red": "not yet begun"}
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>Where are we now: Green – on track; Amber – some risk; Red – off track.</p>"
    heads = ["Ref", "What", "Who", "When", "How we'll know", "Where are we now"]
    for s in plan.sections:
        body += f"<h2>Area of weakness {s.ref}: {escape(s.title)}</h2>"
        body += "<table><thead>" + _th_row(heads) + "</thead><tbody>"
        for a in s.actions:
            body += "<tr>" + "".join(_cell(t) for t in [a.ref or "", a.title, a.lead_text,
                                                        a.due_text, "Audit results"])  # fmt: skip
            body += _cell(f"{a.ratings[0]} – {notes[a.ratings[0]]}", _FILL[a.ratings[0]])
            body += "</tr>"
        body += "</tbody></table>"
    return _pdf28(body, wide=True)


def stanbury_pdf(plan: Plan) -> bytes:
    objectives = {"P1": {"A": "Find needs sooner"},
                  "P2": {"A": "Work with families", "B": "Hear families in decisions"}}  # fmt: skip
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>RAG: B = complete, G = on track, A = at risk, R = off track</p>"
    heads = ["No.", "Action", "Responsible", "Timescale", "RAG"]
    body += "<table><thead>" + _th_row(heads) + "</thead><tbody>"
    for s in plan.sections:
        body += "<tr>" + _cell(f"Priority {s.ref[1:]}: {s.title}", "B4C6E7", colspan=5)
        body += "</tr>"
        seen = ""
        for a in s.actions:
            objective = (a.ref or "").split(".")[1]
            if objective != seen:
                body += "<tr>" + _cell(
                    f"Objective {objective}: {objectives[s.ref][objective]}", "DEEAF6", colspan=5
                )
                body += "</tr>"
                seen = objective
            body += "<tr>" + "".join(_cell(t) for t in [a.ref or "", a.title, a.lead_text,
                                                        a.due_text])  # fmt: skip
            body += _cell(a.ratings[0], _FILL[a.ratings[0]]) + "</tr>"
    body += "</tbody></table>"
    return _pdf28(body)


def thornleigh_pdf(plan: Plan) -> bytes:
    s = plan.sections[0]
    body = f"<h1>{escape(plan.title)}</h1>"
    body += f"<h2>Priority {s.ref}: {escape(s.title)}</h2>"
    body += "<table style='width:60%'>"
    for label, value in [("Reporting period", "November 2025"), ("Overall status", "Delayed"),
                         ("Priority lead", "Rob Baxter, ICB Associate Director")]:  # fmt: skip
        body += f"<tr><th>{escape(label)}</th>{_cell(value)}</tr>"
    body += "</table>"
    body += "<h3>Key actions</h3><table><thead>"
    body += _th_row(["#", "Action", "Lead", "Due", "Status"]) + "</thead><tbody>"
    for a in s.actions:
        cells = [a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]]
        body += "<tr>" + "".join(_cell(t) for t in cells) + "</tr>"
    body += "</tbody></table>"
    body += "<h3>Risks and issues</h3><table><thead>"
    body += _th_row(["Risk", "Owner", "Mitigation"]) + "</thead><tbody>"
    body += "<tr>" + "".join(_cell(t) for t in [
        "Schools may not release staff for training", "Nina Gray",
        "Training offered after school"]) + "</tr>"  # fmt: skip
    body += "</tbody></table>"
    body += "<p>People: " + "; ".join(f"{p['name']}, {p['role']}" for p in plan.people)
    body += "</p>"
    return _pdf28(body)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Unseen32:
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
    Unseen32("Amberley Cross WSoA", "amberley-wsoa.txt", amberley, amberley_txt,
             "email, bullets with dashes"),
    Unseen32("Birchmoor co-produced plan", "birchmoor-plan.txt", birchmoor, birchmoor_txt,
             "web page, 'We will' sentences"),
    Unseen32("Castlebrook highlight report", "castlebrook-highlight.txt", castlebrook,
             castlebrook_txt, "PDF copied, milestone + owner line"),
    Unseen32("Dennington tracker", "dennington-tracker.txt", dennington, dennington_txt,
             "Excel pasted, area in every row"),
    Unseen32("Elmscott APP", "elmscott-app.txt", elmscott, elmscott_txt,
             "wiki page, pipe table What/Who/When"),
    Unseen32("Fenwick WSoA", "fenwick-wsoa.docx", fenwick, fenwick_docx,
             "Word, auto-numbered list, Lead:/By:"),
    Unseen32("Greyhurst APP", "greyhurst-app.docx", greyhurst, greyhurst_docx,
             "Word, What/Who/When, P1.A.1 refs"),
    Unseen32("Hollinwood priority plan", "hollinwood-plan.docx", hollinwood, hollinwood_docx,
             "Word, lead and due merged down"),
    Unseen32("Ivelton highlight report", "ivelton-highlight.docx", ivelton, ivelton_docx,
             "Word highlight report, risks table"),
    Unseen32("Kelsall ICB plan", "kelsall-icb.docx", kelsall, kelsall_docx,
             "Word, area in every row, no refs"),
    Unseen32("Langdon tracker", "langdon-tracker.xlsx", langdon, langdon_xlsx,
             "Excel, header row 6, sheet a priority"),
    Unseen32("Marlow Heath PAP", "marlow-heath-pap.xlsx", marlow_heath, marlow_heath_xlsx,
             "Excel, lead and due merged down"),
    Unseen32("Northam joint plan", "northam-plan.xlsx", northam, northam_xlsx,
             "Excel, council and ICB side by side"),
    Unseen32("Oakhanger monthly tracker", "oakhanger-tracker.xlsx", oakhanger, oakhanger_xlsx,
             "Excel, a RAG column a month"),
    Unseen32("Penhallow strategy plan", "penhallow-plan.xlsx", penhallow, penhallow_xlsx,
             "Excel, two-row grouped heading"),
    Unseen32("Quarrington board slides", "quarrington-slides.pdf", quarrington,
             quarrington_pdf, "PDF slides, bullets (owner, date)"),
    Unseen32("Redcastle WSoA", "redcastle-wsoa.pdf", redcastle, redcastle_pdf,
             "PDF, What/Who/When, WSoA-01 refs"),
    Unseen32("Stanbury APP", "stanbury-app.pdf", stanbury, stanbury_pdf,
             "PDF, priority and objective rows"),
    Unseen32("Thornleigh highlight report", "thornleigh-highlight.pdf", thornleigh,
             thornleigh_pdf, "PDF highlight report, risks"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Unseen32) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Unseen32) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
