"""Eighteen plans in harder layouts, written before the importer was run on them (round unseen28).

The hand-written rounds before this one (`unseen19`, `status20`) read whole on their dev halves,
so they no longer estimate how the importer does on a plan it has not met. These plans were
written by hand from how councils lay out Written Statements of Action, Accelerated Progress
Plans, priority action plans and strategy action plans, in layouts the earlier corpora do not
hold, before the importer's rules were read:

- several actions in one cell: lettered items each with its own "(Lead: …, by …)", lettered
  items sharing the row's lead and date, numbered lines carrying their own refs;
- Gantt-style plans: month or quarter columns marked "X", "✓" or shaded, beside a RAG column;
- an area of weakness merged down over its action rows (Word, Excel, PDF);
- a PDF whose long table breaks across landscape pages, its headings repeated and wrapped,
  with "OFFICIAL", "Page n of m" and the plan's title on every page; the same copied as text;
- status first and ref last; leads as initials with a key of initials elsewhere;
- each action its own small form table ("Action: | …", "Lead: | …");
- a web page whose actions are accordion sections (a heading, then "Lead:", "Timescale:");
- dates such as "By end of Q2 2026", "Sep-26", "w/c 2 March 2026", "Termly", "2025-26
  academic year"; statuses as numbers 1-4 with a key, percentages beside a RAG, "Blue –
  complete".

Each plan is held once as data (`Plan`, as `unseen19` holds its plans) with the plan a careful
person would enter from it (`reference`), and laid out once as a file: five as text, five in
Word, four in Excel and four as PDF (HTML printed by WeasyPrint). Councils, officers and posts
are invented; no child is named.

Conventions of the hand-entered plans, chosen before the importer was run (unseen19's stand:
both leads of an APP, a term's due date the month it ends, a quarter of a financial year ends
in its last month, a single rating column named by its heading and dated by the document):

- a cell holding several actions holds that many actions. A lettered item's ref is its row's
  (or section's) ref followed by its letter ("2a"); a numbered line keeps the ref it is written
  with. Items share the row's lead, date and rating unless they give their own;
- a Gantt's marked months or quarters say when work happens, not how it is going: they are no
  ratings. Where no due date column is given, an action is due at the end of its last marked
  month or quarter (its due text is that column's heading); where one is, it is the due date;
- initials in a lead cell are the person the document's key of initials names;
- a status number is the code its key gives it, coloured only where the key names a colour;
  "Blue – complete" is the rating Blue; a percentage complete is not a rating;
- a real date a sheet shows as "mmm-yy" is the month it shows (as the corpora enter such
  dates since round SHUFFLED; corrected after the first run, see UNSEEN28.md);
- "By end of Q2 2026" (a quarter with one calendar year) ends in June 2026; "Sep-26" is
  September 2026; "w/c 2 March 2026" is that Monday; "Termly" and "2025-26 academic year"
  have no due date (an academic year as the earlier corpora enter it, `unseen_corpus`'s
  Riverside plan; corrected after the first run, see UNSEEN28.md).

`blind` splits the plans by a hash fixed before any rule was written: rules come from the dev
half only; the blind half is only counted. bench/parse_unseen28.py prints the figures;
test_parse_unseen28.py holds floors on the dev half. See corpus/real/UNSEEN28.md.
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
    _CSS,
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
    _wrapped,
)

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"unseen28:{name}".encode()).digest()[0] % 2 == 1


_RAG_WORDS = [
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "Some delay", "colour": "amber"},
    {"code": "Red", "label": "Significant delay", "colour": "red"},
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
    {"code": "A", "label": "Partly on track", "colour": "amber"},
    {"code": "R", "label": "Not on track", "colour": "red"},
]
# Numbers with colours named in the key.
_NUMBERS_COLOURED = [
    {"code": "1", "label": "Complete", "colour": "blue"},
    {"code": "2", "label": "On track", "colour": "green"},
    {"code": "3", "label": "Some slippage", "colour": "amber"},
    {"code": "4", "label": "Off track", "colour": "red"},
]
# Numbers whose key names no colour: the codes are the numbers.
_NUMBERS_PLAIN = [
    {"code": "1", "label": "Not started"},
    {"code": "2", "label": "Started"},
    {"code": "3", "label": "Well progressed"},
    {"code": "4", "label": "Complete"},
]
_GANTT_FILL = "8EAADB"
_WORD_FILL = {"Blue": "0070C0", "Green": "00B050", "Amber": "FFC000", "Red": "FF0000"}


# =============================================================================================
# The plans. Each is written as its area would write it.


def quenmoor() -> Plan:
    """A WSoA on a web page: each action an accordion section, then Lead, Timescale, Progress."""
    people = [
        _person("EYL", None, "Early Years SEND Lead"),
        _person("HSEND", None, "Head of SEND"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("PCF", None, "Parent Carer Forum Chair"),
    ]
    return Plan(
        "Quenmoor Written Statement of Action",
        "Area of weakness",
        people,
        _RAG_WORDS,
        ["Progress"],
        [
            Section("1", "Identifying needs in the early years", [
                Act("1.1", "Train every childminder and nursery in spotting early signs of "
                    "speech and language delay.", "Early Years SEND Lead", ["EYL"],
                    "By end of Q2 2026", "2026-06", ["Green"]),
                Act("1.2", "Add a two-year-old development check to every family hub's "
                    "offer.", "Early Years SEND Lead and Designated Clinical Officer",
                    ["EYL", "DCO"], "Sep-26", "2026-09", ["Amber"]),
                Act("1.3", "Share health visitors' findings with settings, with parents' "
                    "consent.", "Designated Clinical Officer", ["DCO"], "Termly", None,
                    ["Green"]),
            ]),
            Section("2", "Families' experience of the EHC process", [
                Act("2.1", "Give every family a named caseworker from the first request.",
                    "Head of SEND", ["HSEND"], "w/c 2 March 2026", "2026-03-02", ["Red"]),
                Act("2.2", "Co-produce letters and leaflets with the parent carer forum.",
                    "Parent Carer Forum Chair", ["PCF"], "2025-26 academic year", None,
                    ["Green"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def ravensholt() -> Plan:
    """A priority action plan as a PDF, its text copied with the layout kept over two pages."""
    people = [
        _person("HI", None, "Head of Inclusion"),
        _person("SENM", None, "SEN Service Manager"),
        _person("VSH", None, "Virtual School Head"),
        _person("CDM", None, "Children's Disability Manager"),
    ]
    return Plan(
        "Ravensholt SEND Priority Action Plan",
        "Priority",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "Timely, good quality EHC plans", [
                Act("1.1", "Recruit four permanent EHC coordinators and end the use of agency "
                    "staff in the assessment team.", "SEN Service Manager", ["SENM"],
                    "Jan 2026", "2026-01", ["G"]),
                Act("1.2", "Hold a weekly decision panel with education, health and care "
                    "present, and publish its decisions to families within five working "
                    "days of the panel.", "SEN Service Manager", ["SENM"], "Dec 2025",
                    "2025-12", ["A"]),
                Act("1.3", "Audit ten new EHC plans each month against the local quality "
                    "standard.", "Head of Inclusion", ["HI"], "Mar 2026", "2026-03", ["G"]),
            ]),
            Section("2", "Children in care and children with disabilities", [
                Act("2.1", "Check that each child in care with an EHC plan has an up-to-date "
                    "personal education plan that reflects it.", "Virtual School Head",
                    ["VSH"], "Apr 2026", "2026-04", ["R"]),
                Act("2.2", "Offer short breaks assessments within eight weeks of a request.",
                    "Children's Disability Manager", ["CDM"], "Jun 2026", "2026-06", ["A"]),
                Act("2.3", "Publish the short breaks statement with families.",
                    "Children's Disability Manager", ["CDM"], "Oct 2025", "2025-10", ["B"]),
            ]),
        ],
    )  # fmt: skip


def saltmarsh() -> Plan:
    """A strategy action plan on a web page: lettered actions, each with its own lead and date."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("PCF", None, "Parent Carer Forum"),
        _person("HPA", None, "Head of Preparing for Adulthood"),
        _person("CM", None, "Commissioning Manager"),
    ]
    return Plan(
        "Saltmarsh Vale SEND Strategy Action Plan 2025-2028",
        "Priority",
        people,
        [],
        [],
        [
            Section("1", "Working together with families", [
                Act("1a", "Agree a co-production charter with the parent carer forum",
                    "Head of SEND", ["HSEND"], "December 2025", "2025-12"),
                Act("1b", "Run a termly 'you said, we did' meeting with families",
                    "Parent Carer Forum", ["PCF"], "Termly", None),
                Act("1c", "Pay parents for their time when they help design services",
                    "Head of SEND", ["HSEND"], "April 2026", "2026-04"),
            ]),
            Section("2", "Preparing for adult life", [
                Act("2a", "Start preparing for adulthood conversations in Year 9 annual "
                    "reviews", "Head of Preparing for Adulthood", ["HPA"], "September 2026",
                    "2026-09"),
                Act("2b", "Commission twenty supported internships with local employers",
                    "Commissioning Manager", ["CM"], "July 2026", "2026-07"),
            ]),
        ],
    )  # fmt: skip


def thrushcombe() -> Plan:
    """A tracker pasted from Excel: status first, ref last, statuses as numbers with a key."""
    people = [
        _person("RO", "Rhian Owens", None),
        _person("DF", "Dan Fry", None),
        _person("PS", "Priya Shah", None),
    ]
    return Plan(
        "Thrushcombe SEND Improvement Tracker",
        "Workstream",
        people,
        _NUMBERS_COLOURED,
        ["Status"],
        [
            Section("1", "Annual reviews", [
                Act("1.1", "Send the decision after every annual review within four weeks.",
                    "Rhian Owens", ["RO"], "Sep-26", "2026-09", ["3"]),
                Act("1.2", "Move annual review paperwork onto the online portal.",
                    "Dan Fry", ["DF"], "w/c 2 March 2026", "2026-03-02", ["2"]),
                Act("1.3", "Train SENCOs to chair annual reviews with young people.",
                    "Rhian Owens", ["RO"], "Termly", None, ["2"]),
            ]),
            Section("2", "Specialist places", [
                Act("2.1", "Open a resourced provision for autistic pupils in each secondary "
                    "locality.", "Priya Shah", ["PS"], "31/01/2026", "2026-01-31", ["4"]),
                Act("2.2", "Publish a sufficiency plan for specialist places to 2030.",
                    "Priya Shah", ["PS"], "Oct-25", "2025-10", ["1"]),
            ]),
        ],
    )  # fmt: skip


def upperfold() -> Plan:
    """A Gantt pasted from Excel: quarters marked X, a RAG column, no due date column."""
    people = [
        _person("MC", "Maya Cole", "Head of SEND"),
        _person("TB", "Tom Birch", "Head of Therapies"),
        _person("AS", "Aisha Siddiqui", "Inclusion Manager"),
    ]
    return Plan(
        "Upperfold SEND Improvement Plan 2025/26",
        "Theme",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "Assessment", [
                Act("1.1", "Recover 20-week timeliness for new EHC plans.", "Maya Cole",
                    ["MC"], "Q4 25/26", "2026-03", ["A"], starts="2025-04",
                    extra={"marks": "XXXX"}),
                Act("1.2", "Agree a protocol for health advice within six weeks.",
                    "Tom Birch", ["TB"], "Q2 25/26", "2025-09", ["B"], starts="2025-04",
                    extra={"marks": "XX  "}),
                Act("1.3", "Launch an online request for assessment form.", "Maya Cole",
                    ["MC"], "Q3 25/26", "2025-12", ["G"], starts="2025-07",
                    extra={"marks": " XX "}),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Publish ordinarily available provision guidance for schools.",
                    "Aisha Siddiqui", ["AS"], "Q2 25/26", "2025-09", ["G"], starts="2025-07",
                    extra={"marks": " X  "}),
                Act("2.2", "Set up inclusion partnerships in each locality.",
                    "Aisha Siddiqui", ["AS"], "Q4 25/26", "2026-03", ["R"], starts="2025-10",
                    extra={"marks": "  XX"}),
            ]),
        ],
        dated="2025-10-31",
    )  # fmt: skip


def vellacott() -> Plan:
    """A WSoA in Word: each area of weakness merged down its rows, leads as initials."""
    people = [
        _person("JB", "Jo Bell", "Head of SEND"),
        _person("KP", "Kamal Patel", "Designated Clinical Officer"),
        _person("LM", "Lucy Marsh", "Principal Educational Psychologist"),
        _person("RT", "Rob Tan", "Head of Social Care"),
    ]
    return Plan(
        "Vellacott Local Area Written Statement of Action",
        "Area of weakness",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "The quality of EHC plans", [
                Act("1.1", "Rewrite the EHC plan template with families and schools.", "JB",
                    ["JB"], "Nov 2025", "2025-11", ["B"]),
                Act("1.2", "Set a standard for health advice and audit it monthly.",
                    "KP / JB", ["KP", "JB"], "Feb 2026", "2026-02", ["G"]),
                Act("1.3", "Train all caseworkers to write outcomes with young people.",
                    "LM", ["LM"], "Mar 2026", "2026-03", ["A"]),
            ]),
            Section("2", "Social care contributions to assessments", [
                Act("2.1", "Request social care advice for every child known to social "
                    "care.", "RT", ["RT"], "Dec 2025", "2025-12", ["R"]),
                Act("2.2", "Add a social worker to the weekly EHC panel.", "RT / JB",
                    ["RT", "JB"], "Jan 2026", "2026-01", ["G"]),
            ]),
        ],
    )  # fmt: skip


def wexcombe() -> Plan:
    """An APP in Word: each action a small two-column form table."""
    people = [
        _person("DE", None, "Director of Education"),
        _person("HSEND", None, "Head of SEND"),
        _person("ICB", None, "ICB Head of Children's Commissioning"),
        _person("HEH", None, "Head of Early Help"),
    ]
    return Plan(
        "Wexcombe Accelerated Progress Plan",
        "Priority",
        people,
        _RAG_WORDS,
        ["RAG"],
        [
            Section("1", "Waiting times for neurodevelopmental assessment", [
                Act("1.1", "Commission extra autism assessments to clear the waiting list.",
                    "ICB Head of Children's Commissioning", ["ICB"], "Mar 2026", "2026-03",
                    ["Amber"]),
                Act("1.2", "Offer families support while they wait, without a diagnosis.",
                    "Head of Early Help", ["HEH"], "Nov 2025", "2025-11", ["Green"]),
            ]),
            Section("2", "Leadership and oversight", [
                Act("2.1", "Report progress on this plan to the improvement board each month.",
                    "Director of Education", ["DE"], "Monthly", None, ["Green"]),
                Act("2.2", "Publish a performance dashboard for families each quarter.",
                    "Head of SEND", ["HSEND"], "Jan 2026", "2026-01", ["Red"]),
            ]),
        ],
    )  # fmt: skip


def yarrowdene() -> Plan:
    """A WSoA in Word: numbered actions a line each in one cell, one lead and date for them."""
    people = [
        _person("HC", None, "Head of Commissioning"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("HSEND", None, "Head of SEND"),
    ]
    return Plan(
        "Yarrowdene Written Statement of Action",
        "Area of weakness",
        people,
        _BRAG_WORDS,
        ["Status"],
        [
            Section("1", "Joint commissioning", [
                Act("1.1", "Agree a joint commissioning strategy with the ICB.",
                    "Head of Commissioning / Designated Clinical Officer", ["HC", "DCO"],
                    "Mar 2026", "2026-03", ["Green"]),
                Act("1.2", "Pool the budget for speech and language therapy.",
                    "Head of Commissioning / Designated Clinical Officer", ["HC", "DCO"],
                    "Mar 2026", "2026-03", ["Green"]),
                Act("1.3", "Set up a joint commissioning group reporting to the board.",
                    "Head of Commissioning / Designated Clinical Officer", ["HC", "DCO"],
                    "Mar 2026", "2026-03", ["Green"]),
            ]),
            Section("2", "Annual reviews", [
                Act("2.1", "Clear the backlog of overdue annual reviews.", "Head of SEND",
                    ["HSEND"], "Dec 2025", "2025-12", ["Blue"]),
                Act("2.2", "Track every review weekly at the SEN management meeting.",
                    "Head of SEND", ["HSEND"], "Dec 2025", "2025-12", ["Blue"]),
                Act("2.3", "Amend plans within four weeks of each review.", "Head of SEND",
                    ["HSEND"], "Jun 2026", "2026-06", ["Amber"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def zennorby() -> Plan:
    """A strategy action plan in Word: month columns shaded as a Gantt, a target date, RAG."""
    people = [
        _person("GH", "Gail Hume", "Head of Inclusion"),
        _person("NW", "Nick Wade", "Post-16 Manager"),
        _person("SO", "Sara Osei", "SENDIASS Manager"),
    ]
    return Plan(
        "Zennorby SEND Strategy Action Plan",
        "Strategic priority",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "Inclusive mainstream schools", [
                Act("1.1", "Fund outreach from special schools to mainstream schools.",
                    "Gail Hume", ["GH"], "31/03/2026", "2026-03-31", ["G"],
                    extra={"months": "0123456"}),
                Act("1.2", "Visit every school with high suspension rates of pupils with "
                    "SEND.", "Gail Hume", ["GH"], "31/12/2025", "2025-12-31", ["A"],
                    extra={"months": "123"}),
                Act("1.3", "Publish a graduated approach toolkit.", "Gail Hume", ["GH"],
                    "30/11/2025", "2025-11-30", ["B"], extra={"months": "012"}),
            ]),
            Section("2", "Post-16 and independent advice", [
                Act("2.1", "Map post-16 places against need for five years.", "Nick Wade",
                    ["NW"], "28/02/2026", "2026-02-28", ["R"], extra={"months": "345"}),
                Act("2.2", "Offer SENDIASS advice sessions in every family hub.",
                    "Sara Osei", ["SO"], "31/01/2026", "2026-01-31", ["G"],
                    extra={"months": "1234"}),
            ]),
        ],
    )  # fmt: skip


def ashlinford() -> Plan:
    """A priority action plan in Word: wrapped headings, % complete beside RAG, two leads."""
    people = [
        _person("BO", "Bella Okafor", "Head of SEND"),
        _person("CG", "Colin Grant", "Head of Education Psychology"),
        _person("HD", "Hana Doyle", "Children's Therapies Lead"),
        _person("IV", "Ivan Volkov", "Virtual School Head"),
    ]
    return Plan(
        "Ashlinford Priority Action Plan",
        "Priority",
        people,
        _RAG_WORDS,
        ["RAG"],
        [
            Section("1", "Identifying and meeting needs early", [
                Act("1.1", "Give every primary school a link educational psychologist.",
                    "Colin Grant (Head of Education Psychology)", ["CG"], "By end of Q2 2026",
                    "2026-06", ["Green"], extra={"pct": "60%"}),
                Act("1.2", "Offer speech and language screening in reception classes.",
                    "Hana Doyle (Children's Therapies Lead)\nBella Okafor (Head of SEND)",
                    ["HD", "BO"], "2025-26 academic year", None, ["Amber"],
                    extra={"pct": "35%"}),
                Act("1.3", "Hold termly clinics for SENCOs with therapists.",
                    "Hana Doyle (Children's Therapies Lead)", ["HD"], "Termly", None,
                    ["Green"], extra={"pct": "n/a"}),
            ]),
            Section("2", "Children in care with SEND", [
                Act("2.1", "Review the education plans of children in care placed out of "
                    "area.", "Ivan Volkov (Virtual School Head)", ["IV"], "Sep-26",
                    "2026-09", ["Red"], extra={"pct": "10%"}),
                Act("2.2", "Include the virtual school at every EHC panel.",
                    "Ivan Volkov (Virtual School Head)\nBella Okafor (Head of SEND)",
                    ["IV", "BO"], "Dec 2025", "2025-12", ["Green"], extra={"pct": "100%"}),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def brackenfold() -> Plan:
    """A tracker workbook: area merged down its rows, dates as dates, statuses 1-4 keyed.

    Its dates are real dates shown "mmm-yy": a careful person enters the month the sheet
    shows, as the corpora have entered such dates since round SHUFFLED (corrected after the
    first run, see UNSEEN28.md)."""
    people = [
        _person("OA", "Olu Adeyemi", None),
        _person("FL", "Fran Lowe", None),
        _person("GE", "Gwen Ellis", None),
    ]
    return Plan(
        "Brackenfold SEND Improvement Tracker",
        "Area of weakness",
        people,
        _NUMBERS_PLAIN,
        ["Status"],
        [
            Section("1", "Timeliness of EHC needs assessments", [
                Act("1.1", "Bring all overdue assessments to a decision.", "Olu Adeyemi",
                    ["OA"], "Jan-26", "2026-01", ["3"], extra={"date": "2026-01-31"}),
                Act("1.2", "Track every assessment weekly on one dashboard.", "Olu Adeyemi",
                    ["OA"], "Oct-25", "2025-10", ["4"], extra={"date": "2025-10-31"}),
                Act("1.3", "Get educational psychology advice within six weeks.",
                    "Fran Lowe", ["FL"], "Mar-26", "2026-03", ["2"],
                    extra={"date": "2026-03-31"}),
            ]),
            Section("2", "Transition to adult services", [
                Act("2.1", "Agree a transitions protocol with adult social care.",
                    "Gwen Ellis", ["GE"], "Apr-26", "2026-04", ["2"],
                    extra={"date": "2026-04-30"}),
                Act("2.2", "Start planning adult care from age 14 for young people known to "
                    "social care.", "Gwen Ellis", ["GE"], "Sep-26", "2026-09", ["1"],
                    extra={"date": "2026-09-30"}),
            ]),
        ],
    )  # fmt: skip


def coldharbour() -> Plan:
    """A Gantt workbook: months marked X, no due date column, a RAG letter filled."""
    people = [
        _person("HR", "Helen Ross", "Head of SEND"),
        _person("KA", "Kwame Asante", "Designated Medical Officer"),
        _person("LF", "Lisa Ford", "Local Offer Officer"),
    ]
    return Plan(
        "Coldharbour Vale SEND Action Plan 2025/26",
        "Workstream",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "Local Offer", [
                Act("1.1", "Rebuild the Local Offer website with families.", "Lisa Ford",
                    ["LF"], "Dec-25", "2025-12", ["A"], starts="2025-06",
                    extra={"months": "2345678"}),
                Act("1.2", "Publish a directory of after-school activities.", "Lisa Ford",
                    ["LF"], "Jul-25", "2025-07", ["B"], starts="2025-04",
                    extra={"months": "0123"}),
            ]),
            Section("2", "Health", [
                Act("2.1", "Cut waits for community paediatrics to 18 weeks.",
                    "Kwame Asante", ["KA"], "Mar-26", "2026-03", ["R"], starts="2025-04",
                    extra={"months": "0123456789AB"}),
                Act("2.2", "Agree a health advice template for EHC assessments.",
                    "Kwame Asante / Helen Ross", ["KA", "HR"], "Sep-25", "2025-09", ["G"],
                    starts="2025-07", extra={"months": "345"}),
            ]),
        ],
    )  # fmt: skip


def dunsfield() -> Plan:
    """A workbook with status first and ref last; leads as initials, keyed on another sheet."""
    people = [
        _person("AH", "Anita Hale", "Assistant Director, Education"),
        _person("BW", "Ben Walsh", "SEN Team Manager"),
        _person("CN", "Chloe Ng", "Head of Early Years"),
    ]
    return Plan(
        "Dunsfield SEND Improvement Plan",
        "Priority",
        people,
        _BRAG_WORDS,
        ["RAG"],
        [
            Section("1", "Early years", [
                Act("1.1", "Run an early years inclusion panel each month.", "CN", ["CN"],
                    "Oct 2025", "2025-10", ["Blue"], extra={"update": "Panel running."}),
                Act("1.2", "Fund inclusion support in every maintained nursery.", "CN / AH",
                    ["CN", "AH"], "Apr 2026", "2026-04", ["Amber"],
                    extra={"update": "Budget agreed; allocations pending."}),
            ]),
            Section("2", "Communication with families", [
                Act("2.1", "Answer every contact to the SEN team within five working days.",
                    "BW", ["BW"], "Nov 2025", "2025-11", ["Green"],
                    extra={"update": "87% in October."}),
                Act("2.2", "Send families an update each month while they wait.", "BW",
                    ["BW"], "Jan 2026", "2026-01", ["Red"],
                    extra={"update": "Not begun: system change needed."}),
                Act("2.3", "Publish service standards with the parent carer forum.", "AH",
                    ["AH"], "Feb 2026", "2026-02", ["Green"],
                    extra={"update": "Draft with the forum."}),
            ]),
        ],
    )  # fmt: skip


def eastwickham() -> Plan:
    """A workbook: lettered actions in one cell sharing the row's lead, date and RAG."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("PEP", None, "Principal Educational Psychologist"),
        _person("SLT", None, "Speech and Language Therapy Lead"),
    ]
    return Plan(
        "Eastwickham SEND Priority Action Plan",
        "Area for improvement",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "Quality of EHC plans", [
                Act("1a", "Rewrite the EHC plan template", "Head of SEND", ["HSEND"],
                    "Dec 2025", "2025-12", ["G"]),
                Act("1b", "Train caseworkers in writing outcomes", "Head of SEND", ["HSEND"],
                    "Dec 2025", "2025-12", ["G"]),
                Act("1c", "Audit twenty plans a month", "Head of SEND", ["HSEND"],
                    "Dec 2025", "2025-12", ["G"]),
            ]),
            Section("2", "Speech, language and communication", [
                Act("2a", "Screen every reception class", "Speech and Language Therapy Lead",
                    ["SLT"], "Jul 2026", "2026-07", ["A"]),
                Act("2b", "Train a language champion in each school",
                    "Speech and Language Therapy Lead", ["SLT"], "Jul 2026", "2026-07",
                    ["A"]),
            ]),
            Section("3", "Educational psychology", [
                Act("3a", "Recruit two senior educational psychologists",
                    "Principal Educational Psychologist", ["PEP"], "Mar 2026", "2026-03",
                    ["R"]),
                Act("3b", "Offer a consultation line for SENCOs",
                    "Principal Educational Psychologist", ["PEP"], "Mar 2026", "2026-03",
                    ["R"]),
            ]),
        ],
    )  # fmt: skip


def fallowmere() -> Plan:
    """A WSoA as a landscape PDF: one long table over pages, headings repeated, page furniture."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("CAMHS", None, "CAMHS Service Manager"),
        _person("HEH", None, "Head of Early Help"),
    ]
    long = (
        " It will be checked by the SEND improvement board, which will ask for evidence "
        "from the audit, the parent carer forum's survey and the quarterly data pack, "
        "and it will be reported to the DfE and NHS England advisers at each review."
    )
    return Plan(
        "Fallowmere Written Statement of Action",
        "Area of weakness",
        people,
        _RAG_WORDS,
        ["Progress RAG"],
        [
            Section("1", "Waiting times for CAMHS", [
                Act("1.1", "Place a mental health practitioner in every secondary school "
                    "cluster." + long, "CAMHS Service Manager", ["CAMHS"], "Apr 2026",
                    "2026-04", ["Amber"]),
                Act("1.2", "Offer a first appointment within four weeks of referral." + long,
                    "CAMHS Service Manager", ["CAMHS"], "Sep 2026", "2026-09", ["Red"]),
                Act("1.3", "Run parent workshops on anxiety while families wait." + long,
                    "Head of Early Help", ["HEH"], "Jan 2026", "2026-01", ["Green"]),
            ]),
            Section("2", "Health contributions to EHC plans", [
                Act("2.1", "Agree a standard for health advice and train every health "
                    "professional who writes it." + long, "Designated Clinical Officer",
                    ["DCO"], "Dec 2025", "2025-12", ["Green"]),
                Act("2.2", "Audit health sections of plans each quarter with the forum."
                    + long, "Designated Clinical Officer", ["DCO"], "Mar 2026", "2026-03",
                    ["Amber"]),
                Act("2.3", "Report health advice timeliness to the board each month." + long,
                    "Head of SEND", ["HSEND"], "Nov 2025", "2025-11", ["Green"]),
            ]),
        ],
    )  # fmt: skip


def glenmorrow() -> Plan:
    """An APP as a PDF: the area spans its action rows, quarters rated, leads as initials."""
    people = [
        _person("AB", "Amal Bhatt", "Director of Children's Services"),
        _person("CD", "Cara Dunn", "Head of SEND"),
        _person("EF", "Eli Fox", "ICB Designated Clinical Officer"),
    ]
    periods = ["Q1 25/26", "Q2 25/26", "Q3 25/26", "Q4 25/26"]
    return Plan(
        "Glenmorrow Accelerated Progress Plan",
        "Area of weakness",
        people,
        _BRAG,
        periods,
        [
            Section("1", "Timeliness of EHC plans", [
                Act("1.1", "Clear the backlog of assessments older than 20 weeks.",
                    "AB / CD", ["AB", "CD"], "Dec 2025", "2025-12", ["R", "A", "G", ""]),
                Act("1.2", "Issue health advice within six weeks of request.", "EF",
                    ["EF"], "Mar 2026", "2026-03", ["A", "A", "G", ""]),
                Act("1.3", "Report weekly on every open assessment.", "CD", ["CD"],
                    "Jun 2025", "2025-06", ["G", "B", "", ""]),
            ]),
            Section("2", "Co-production with families", [
                Act("2.1", "Set up a co-production group for each workstream.", "CD",
                    ["CD"], "Sep 2025", "2025-09", ["A", "G", "B", ""]),
                Act("2.2", "Publish progress on this plan for families each quarter.",
                    "AB", ["AB"], "Ongoing", None, ["G", "G", "A", ""]),
            ]),
        ],
    )  # fmt: skip


def hartwellow() -> Plan:
    """A priority action plan as a PDF: each action a small form table of labelled rows."""
    people = [
        _person("PM", "Pat Moran", "Head of Inclusion"),
        _person("RS", "Rosa Silva", "Head of SEN Assessment"),
        _person("TJ", "Tariq Jamal", "Alternative Provision Manager"),
    ]
    return Plan(
        "Hartwellow SEND Priority Action Plan",
        "Priority",
        people,
        _BRAG_WORDS,
        ["RAG"],
        [
            Section("1", "Alternative provision", [
                Act("1.1", "Commission a quality assured list of alternative providers.",
                    "Tariq Jamal (Alternative Provision Manager)", ["TJ"], "Feb 2026",
                    "2026-02", ["Green"]),
                Act("1.2", "Review every pupil in alternative provision each half term.",
                    "Tariq Jamal (Alternative Provision Manager)", ["TJ"], "Half termly",
                    None, ["Amber"]),
            ]),
            Section("2", "Assessment and planning", [
                Act("2.1", "Make every assessment decision within six weeks.",
                    "Rosa Silva (Head of SEN Assessment)", ["RS"], "Nov 2025", "2025-11",
                    ["Blue"]),
                Act("2.2", "Agree a banding of top-up funding with schools.",
                    "Pat Moran (Head of Inclusion)", ["PM"], "Apr 2026", "2026-04",
                    ["Red"]),
            ]),
        ],
    )  # fmt: skip


def inglebeck() -> Plan:
    """A Gantt as a PDF: quarters ticked, a due column in free forms, statuses 1-4 keyed."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("HPA", None, "Head of Preparing for Adulthood"),
        _person("EYM", None, "Early Years Manager"),
    ]
    return Plan(
        "Inglebeck SEND Strategy Delivery Plan",
        "Priority",
        people,
        _NUMBERS_PLAIN,
        ["Status"],
        [
            Section("1", "Early years", [
                Act("1.1", "Offer inclusion funding to childminders.", "Early Years Manager",
                    ["EYM"], "By end of Q2 2026", "2026-06", ["2"], extra={"ticks": "XX  "}),
                Act("1.2", "Train every setting in the early years SEND toolkit.",
                    "Early Years Manager", ["EYM"], "2025-26 academic year", None,
                    ["3"], extra={"ticks": "XXX "}),
            ]),
            Section("2", "Adulthood", [
                Act("2.1", "Double supported internships.", "Head of Preparing for "
                    "Adulthood", ["HPA"], "Sep-26", "2026-09", ["1"],
                    extra={"ticks": "  XX"}),
                Act("2.2", "Publish a post-16 offer for young people with EHC plans.",
                    "Head of Preparing for Adulthood", ["HPA"], "w/c 2 March 2026",
                    "2026-03-02", ["4"], extra={"ticks": "X   "}),
                Act("2.3", "Review transport for post-16 learners.", "Head of SEND",
                    ["HSEND"], "Termly", None, ["2"], extra={"ticks": "XXXX"}),
            ]),
        ],
    )  # fmt: skip


# =============================================================================================
# Text layouts


def quenmoor_txt(plan: Plan) -> bytes:
    """A council web page copied: each action an accordion section."""
    lines = [
        plan.title,
        "Skip to main content",
        "Home > Education and learning > SEND > Our Written Statement of Action",
        "Last updated: 30 November 2025",
        "",
        "Ofsted and the CQC asked us to show how we will improve two areas of weakness. Each "
        "action below shows who leads it, when it will be done and how it is going.",
        "",
        "Progress is rated Green (on track), Amber (some delay) or Red (significant delay).",
        "",
    ]
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref}: {s.title}", "", "Show all sections", ""]
        for a in s.actions:
            lines += [
                f"Action {a.ref}: {a.title}",
                f"Lead: {a.lead_text}",
                f"Timescale: {a.due_text}",
                f"Progress: {a.ratings[0]}",
                "",
            ]
    lines += ["Contact the SEND team", "Was this page useful?"]
    return "\n".join(lines).encode()


def _fixed(cells: list[str], widths: list[int]) -> list[str]:
    """A row as pdftotext -layout prints it: each cell wrapped within its column's width."""
    wrapped = [_wrapped(text, width - 2) or [""] for text, width in zip(cells, widths, strict=True)]
    out = []
    for n in range(max(len(w) for w in wrapped)):
        parts = [
            (w[n] if n < len(w) else "").ljust(width)
            for w, width in zip(wrapped, widths, strict=True)
        ]
        out.append("".join(parts).rstrip())
    return out


def ravensholt_txt(plan: Plan) -> bytes:
    """Copied from a PDF with its layout kept: fixed columns, page furniture, headings repeated
    on the second page, one row broken over the page."""
    widths = [6, 46, 30, 11, 4]
    heads = _fixed(["Ref", "Action", "Lead", "Deadline", "RAG"], widths)
    footer = "Ravensholt SEND Priority Action Plan v2.1                      Page {} of 2"
    rows: list[str] = []
    for s in plan.sections:
        rows += ["", f"Priority {s.ref}: {s.title}", ""]
        for a in s.actions:
            rows += _fixed([a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]], widths)
    # Break the page inside the second priority's first row (after its first line).
    cut = rows.index(next(r for r in rows if r.startswith("2.1"))) + 1
    lines = ["OFFICIAL", "", plan.title, "", "Key: B Complete  G On track  A Partly on track  "
             "R Not on track", "", *heads, *rows[:cut], "", footer.format(1), "\f"]  # fmt: skip
    lines += ["OFFICIAL", "", *heads, *rows[cut:], "", footer.format(2)]
    return "\n".join(lines).encode()


def saltmarsh_txt(plan: Plan) -> bytes:
    """A web page: each priority, then lettered actions each with its lead and date."""
    lines = [plan.title, "", "Our strategy has three parts. This page sets out what we will do "
             "in the first year.", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", "", "What we will do:"]
        for a in s.actions:
            letter = (a.ref or "")[-1]
            lines.append(f"{letter}) {a.title} (Lead: {a.lead_text}, by {a.due_text})")
        lines += ["", "How we will know it has made a difference: families tell us so.", ""]
    return "\n".join(lines).encode()


def thrushcombe_txt(plan: Plan) -> bytes:
    """Excel cells pasted: status first, ref last, the key above."""
    key = "; ".join(f"{s['code']} = {s['label']} ({s['colour']})" for s in plan.scale)
    lines = [plan.title, f"Status key: {key}", "", "Status\tDue\tLead\tAction\tRef"]
    for s in plan.sections:
        lines.append(f"Workstream {s.ref}: {s.title}\t\t\t\t")
        for a in s.actions:
            lines.append("\t".join([a.ratings[0], a.due_text, a.lead_text, a.title, a.ref or ""]))
    return "\r\n".join(lines).encode()


_QUARTERS = ["Q1 25/26", "Q2 25/26", "Q3 25/26", "Q4 25/26"]


def upperfold_txt(plan: Plan) -> bytes:
    """A Gantt pasted from Excel: quarters marked X, a RAG column, no due date column."""
    lines = [
        plan.title,
        "Position at 31 October 2025",
        "B = Complete, G = On track, A = Partly on track, R = Not on track",
        "",
        "\t".join(["Ref", "Action", "Lead", *_QUARTERS, "RAG"]),
    ]
    for s in plan.sections:
        lines.append(f"Theme {s.ref}: {s.title}")
        for a in s.actions:
            marks = ["X" if m == "X" else "" for m in a.extra["marks"]]
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, *marks, a.ratings[0]]))
    return "\n".join(lines).encode()


# =============================================================================================
# Word layouts


def _lead_key_table(document: Any, plan: Plan) -> None:
    document.add_heading("Lead officers", level=2)
    rows = [["Initials", "Name", "Role"]]
    rows += [[p["key"], p.get("name", ""), p.get("role", "")] for p in plan.people]
    _table(document, rows)


def vellacott_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Agreed by the SEND Partnership Board, October 2025.")
    document.add_paragraph(
        "RAG: B = Complete; G = On track; A = Partly on track; R = Not on track."
    )
    rows = [["Area of weakness", "Ref", "Action", "Lead", "By when", "RAG"]]
    spans: list[tuple[int, int, str]] = []
    for s in plan.sections:
        first = len(rows)
        for a in s.actions:
            rows.append(["", a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]])
        spans.append((first, len(rows) - 1, f"{s.ref}. {s.title}"))
    table = _table(document, rows)
    for first, last, text in spans:
        table.cell(first, 0).merge(table.cell(last, 0)).text = text
    for r in range(1, len(rows)):
        _shade(table.cell(r, 5), _FILLS[rows[r][5]])
    document.add_paragraph("")
    _lead_key_table(document, plan)
    return saved(document)


def wexcombe_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Agreed with the DfE and NHS England, September 2025.")
    document.add_paragraph("RAG: Green = on track; Amber = some delay; Red = significant delay.")
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=1)
        for a in s.actions:
            table = _table(document, [
                ["Ref:", a.ref or ""],
                ["Action:", a.title],
                ["Lead:", a.lead_text],
                ["By when:", a.due_text],
                ["RAG:", a.ratings[0]],
            ])  # fmt: skip
            _shade(table.cell(4, 1), _WORD_FILL[a.ratings[0]])
            document.add_paragraph("")
    return saved(document)


def yarrowdene_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress at 31 December 2025")
    document.add_paragraph(
        "Status: Blue – complete; Green – on track; Amber – at risk; Red – off track."
    )
    rows = [["Area of weakness", "Actions", "Lead", "Timescale", "Status"]]
    for s in plan.sections:
        # Actions that share a lead, a date and a status share a row.
        groups: dict[tuple[str, str, str], list[Act]] = {}
        for a in s.actions:
            groups.setdefault((a.lead_text, a.due_text, a.ratings[0]), []).append(a)
        for (lead, due, rating), acts in groups.items():
            label = next(x["label"] for x in plan.scale if x["code"] == rating).lower()
            rows.append([
                f"{s.ref}. {s.title}",
                "\n".join(f"{a.ref} {a.title}" for a in acts),
                lead,
                due,
                f"{rating} – {label}",
            ])  # fmt: skip
    table = _table(document, rows)
    for r in range(1, len(rows)):
        _shade(table.cell(r, 4), _WORD_FILL[rows[r][4].split(" ")[0]])
    return saved(document)


_ZENNORBY_MONTHS = ["Sep-25", "Oct-25", "Nov-25", "Dec-25", "Jan-26", "Feb-26", "Mar-26"]


def zennorby_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Shaded months show when each action is being worked on.")
    document.add_paragraph("RAG: B complete, G on track, A partly on track, R not on track")
    heads = ["Ref", "Action", "Lead", "Target date", *_ZENNORBY_MONTHS, "RAG"]
    rows = [heads]
    marks: list[tuple[int, str]] = []
    for s in plan.sections:
        rows.append([f"Strategic priority {s.ref}: {s.title}"] + [""] * (len(heads) - 1))
        for a in s.actions:
            marks.append((len(rows), a.extra["months"]))
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text]
                        + [""] * len(_ZENNORBY_MONTHS) + [a.ratings[0]])  # fmt: skip
    table = _table(document, rows)
    for r, row in enumerate(rows):
        if row[0].startswith("Strategic priority"):
            table.cell(r, 0).merge(table.cell(r, len(heads) - 1)).text = row[0]
    for r, months in marks:
        for m in months:
            _shade(table.cell(r, 4 + int(m)), _GANTT_FILL)
        _shade(table.cell(r, len(heads) - 1), _FILLS[rows[r][-1]])
    return saved(document)


def ashlinford_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Position at 30 November 2025")
    document.add_paragraph("RAG: Green = on track; Amber = some delay; Red = significant delay.")
    heads = ["Ref", "Action", "Lead\nofficer(s)", "Target\ncompletion\ndate", "%\ncomplete",
             "RAG"]  # fmt: skip
    rows = [heads]
    for s in plan.sections:
        rows.append([f"Priority {s.ref} – {s.title}"] + [""] * (len(heads) - 1))
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.extra["pct"],
                         a.ratings[0]])  # fmt: skip
    table = _table(document, rows)
    for r, row in enumerate(rows):
        if row[0].startswith("Priority"):
            table.cell(r, 0).merge(table.cell(r, len(heads) - 1)).text = row[0]
        elif r:
            _shade(table.cell(r, 5), _WORD_FILL[row[5]])
    return saved(document)


# =============================================================================================
# Excel layouts


_XL_FILLS = {**_FILLS, "1": "0070C0", "2": "00B050", "3": "FFC000", "4": "FF0000"}


def brackenfold_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["Area of weakness", "Ref", "Action", "Lead", "Due", "Status"])
    for s in plan.sections:
        first = sheet.max_row + 1
        for a in s.actions:
            sheet.append([
                f"{s.ref}. {s.title}" if sheet.max_row + 1 == first else None,
                a.ref,
                a.title,
                a.lead_text,
                dt.datetime.fromisoformat(a.extra["date"]),
                int(a.ratings[0]),
            ])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "mmm-yy"
        sheet.merge_cells(start_row=first, start_column=1, end_row=sheet.max_row, end_column=1)
    _wrap(sheet)
    key = book.create_sheet("Key")
    key.append(["Status", "Meaning"])
    for status in plan.scale:
        key.append([int(status["code"]), status["label"]])
    return saved(book)


_COLDHARBOUR_MONTHS = ["Apr-25", "May-25", "Jun-25", "Jul-25", "Aug-25", "Sep-25", "Oct-25",
                       "Nov-25", "Dec-25", "Jan-26", "Feb-26", "Mar-26"]  # fmt: skip


def coldharbour_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.append([plan.title])
    sheet.append(["RAG key: B = Complete, G = On track, A = Partly on track, R = Not on track"])
    sheet.append([])
    heads = ["Ref", "Action", "Lead", *_COLDHARBOUR_MONTHS, "RAG"]
    sheet.append(heads)
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for a in s.actions:
            marked = {int(m, 16) for m in a.extra["months"]}
            marks = ["X" if n in marked else None for n in range(12)]
            sheet.append([a.ref, a.title, a.lead_text, *marks, a.ratings[0]])
            for n in marked:
                sheet.cell(sheet.max_row, 4 + n).fill = PatternFill("solid", fgColor=_GANTT_FILL)
            sheet.cell(sheet.max_row, len(heads)).fill = PatternFill(
                "solid", fgColor=_FILLS[a.ratings[0]]
            )
    _wrap(sheet)
    return saved(book)


def dunsfield_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append([plan.title])
    sheet.append(["RAG: Blue – complete; Green – on track; Amber – at risk; Red – off track"])
    sheet.append([])
    sheet.append(["RAG", "Progress update", "Timescale", "Lead", "Action", "Ref"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        sheet.cell(row, 1).font = Font(bold=True)
        for a in s.actions:
            label = next(x["label"] for x in plan.scale if x["code"] == a.ratings[0]).lower()
            sheet.append([f"{a.ratings[0]} – {label}", a.extra["update"], a.due_text,
                          a.lead_text, a.title, a.ref])  # fmt: skip
            sheet.cell(sheet.max_row, 1).fill = PatternFill(
                "solid", fgColor=_WORD_FILL[a.ratings[0]]
            )
    _wrap(sheet)
    leads = book.create_sheet("Lead officers")
    leads.append(["Initials", "Name", "Role"])
    for p in plan.people:
        leads.append([p["key"], p.get("name"), p.get("role")])
    return saved(book)


def eastwickham_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PAP"
    sheet.append([plan.title])
    sheet.append(["RAG: B = Complete, G = On track, A = Partly on track, R = Not on track"])
    sheet.append(["Ref", "Area for improvement", "Actions", "Lead", "Timescale", "RAG"])
    for s in plan.sections:
        first = s.actions[0]
        items = "\n".join(f"{(a.ref or '')[-1]}) {a.title}" for a in s.actions)
        sheet.append([s.ref, s.title, items, first.lead_text, first.due_text,
                      first.ratings[0]])  # fmt: skip
        sheet.cell(sheet.max_row, 6).fill = PatternFill("solid", fgColor=_FILLS[first.ratings[0]])
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# PDF layouts (HTML printed by WeasyPrint, as unseen19 prints its PDFs)


def _pdf28(body: str, *, wide: bool = False, furniture: tuple[str, str] = ("", "")) -> bytes:
    """HTML printed to PDF; `furniture` is a running header and a footer's title, printed on
    every page with "Page n of m"."""
    import weasyprint

    header, title = furniture
    css = _CSS
    if wide:
        css += "@page { size: A4 landscape; margin: 1.5cm; }"
    if header or title:
        css += (
            "@page { @top-center { content: '" + header + "'; font-size: 8pt; }"
            " @bottom-left { content: '" + title + "'; font-size: 8pt; }"
            " @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages);"
            " font-size: 8pt; } }"
        )
    css += "tr { break-inside: auto; } thead { display: table-header-group; }"
    html = f"<html><head><meta charset='utf-8'><style>{css}</style></head>"
    html += f"<body>{body}</body></html>"
    return bytes(weasyprint.HTML(string=html).write_pdf())


def _cell(text: str, fill: str = "", rowspan: int = 1, colspan: int = 1) -> str:
    attrs = f" style='background:#{fill}'" if fill else ""
    attrs += f" rowspan='{rowspan}'" if rowspan > 1 else ""
    attrs += f" colspan='{colspan}'" if colspan > 1 else ""
    return f"<td{attrs}>{escape(text)}</td>"


def fallowmere_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Version 2, agreed November 2025.</p>"
    body += "<p>Progress RAG: Green = on track; Amber = some delay; Red = significant delay.</p>"
    heads = ["Ref", "What we will do", "Lead officer", "Completion date", "Progress RAG"]
    body += "<table><thead><tr>" + "".join(
        f"<th style='width:{w}'>{escape(h)}</th>"
        for h, w in zip(heads, ["6%", "58%", "18%", "9%", "9%"], strict=True)
    ) + "</tr></thead><tbody>"  # fmt: skip
    for s in plan.sections:
        body += "<tr>" + _cell(f"Area of weakness {s.ref}: {s.title}", "D9E2F3", colspan=5)
        body += "</tr>"
        for a in s.actions:
            body += "<tr>" + "".join(_cell(t) for t in [a.ref or "", a.title, a.lead_text,
                                                        a.due_text])  # fmt: skip
            body += _cell(a.ratings[0], _WORD_FILL[a.ratings[0]]) + "</tr>"
    body += "</tbody></table>"
    # A narrow page makes the long table run over several pages.
    body = body.replace("<table>", "<table style='font-size:17pt'>")
    return _pdf28(body, wide=True, furniture=("OFFICIAL", plan.title))


def glenmorrow_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Six-monthly stocktake, March 2026.</p>"
    body += "<p>Key: B = Complete, G = On track, A = Partly on track, R = Not on track.</p>"
    heads = ["Area of weakness", "Ref", "Action", "Lead", "End date", *plan.periods]
    body += "<table><thead>" + _th_row(heads) + "</thead><tbody>"
    for s in plan.sections:
        for n, a in enumerate(s.actions):
            body += "<tr>"
            if n == 0:
                body += _cell(f"{s.ref}. {s.title}", rowspan=len(s.actions))
            body += "".join(_cell(t) for t in [a.ref or "", a.title, a.lead_text, a.due_text])
            body += "".join(_cell(c, _FILLS[c] if c else "") for c in a.ratings) + "</tr>"
    body += "</tbody></table>"
    body += "<h2>Key to leads</h2><ul>" + "".join(
        f"<li>{escape(p['key'])} – {escape(p['name'])}, {escape(p['role'])}</li>"
        for p in plan.people
    ) + "</ul>"  # fmt: skip
    return _pdf28(body, wide=True)


def hartwellow_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Update for the SEND board, December 2025.</p>"
    body += "<p>RAG: Blue – complete; Green – on track; Amber – at risk; Red – off track.</p>"
    for s in plan.sections:
        body += f"<h2>Priority {s.ref}: {escape(s.title)}</h2>"
        for a in s.actions:
            body += "<table style='width:70%'>"
            for label, value, fill in [
                ("Action ref:", a.ref or "", ""),
                ("Action:", a.title, ""),
                ("Lead:", a.lead_text, ""),
                ("By when:", a.due_text, ""),
                ("RAG:", a.ratings[0], _WORD_FILL[a.ratings[0]]),
            ]:
                body += f"<tr><th style='width:25%'>{escape(label)}</th>{_cell(value, fill)}</tr>"
            body += "</table>"
    return _pdf28(body)


def inglebeck_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Review, January 2026.</p>"
    body += "<p>Status: " + ", ".join(f"{s['code']} = {s['label']}" for s in plan.scale)
    body += "</p>"
    quarters = ["Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"]
    heads = ["Ref", "Action", "Lead", "Due", *quarters, "Status"]
    body += "<table><thead>" + _th_row(heads) + "</thead><tbody>"
    for s in plan.sections:
        body += "<tr>" + _cell(f"Priority {s.ref}: {s.title}", "D9D9D9", colspan=len(heads))
        body += "</tr>"
        for a in s.actions:
            ticks = ["✓" if m == "X" else "" for m in a.extra["ticks"]]
            body += "<tr>" + "".join(
                _cell(t)
                for t in [a.ref or "", a.title, a.lead_text, a.due_text, *ticks, a.ratings[0]]
            )
            body += "</tr>"  # fmt: skip
    body += "</tbody></table>"
    return _pdf28(body, wide=True)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Unseen28:
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
    Unseen28("Quenmoor WSoA", "quenmoor-wsoa.txt", quenmoor, quenmoor_txt,
             "web page, accordion actions"),
    Unseen28("Ravensholt PAP", "ravensholt-pap.txt", ravensholt, ravensholt_txt,
             "PDF copied with layout, two pages"),
    Unseen28("Saltmarsh Vale strategy plan", "saltmarsh-plan.txt", saltmarsh, saltmarsh_txt,
             "web page, a) items with own leads"),
    Unseen28("Thrushcombe tracker", "thrushcombe-tracker.txt", thrushcombe, thrushcombe_txt,
             "Excel pasted, status first, 1-4"),
    Unseen28("Upperfold Gantt", "upperfold-plan.txt", upperfold, upperfold_txt,
             "Excel pasted, quarters marked X"),
    Unseen28("Vellacott WSoA", "vellacott-wsoa.docx", vellacott, vellacott_docx,
             "Word, area merged down, initials"),
    Unseen28("Wexcombe APP", "wexcombe-app.docx", wexcombe, wexcombe_docx,
             "Word, a form table per action"),
    Unseen28("Yarrowdene WSoA", "yarrowdene-wsoa.docx", yarrowdene, yarrowdene_docx,
             "Word, numbered actions in one cell"),
    Unseen28("Zennorby strategy plan", "zennorby-plan.docx", zennorby, zennorby_docx,
             "Word Gantt, shaded months"),
    Unseen28("Ashlinford PAP", "ashlinford-pap.docx", ashlinford, ashlinford_docx,
             "Word, wrapped headings, % and RAG"),
    Unseen28("Brackenfold tracker", "brackenfold-tracker.xlsx", brackenfold,
             brackenfold_xlsx, "Excel, area merged down, 1-4"),
    Unseen28("Coldharbour Vale Gantt", "coldharbour-plan.xlsx", coldharbour,
             coldharbour_xlsx, "Excel Gantt, months marked X"),
    Unseen28("Dunsfield plan", "dunsfield-plan.xlsx", dunsfield, dunsfield_xlsx,
             "Excel, status first, initials keyed"),
    Unseen28("Eastwickham PAP", "eastwickham-pap.xlsx", eastwickham, eastwickham_xlsx,
             "Excel, a) b) items in one cell"),
    Unseen28("Fallowmere WSoA", "fallowmere-wsoa.pdf", fallowmere, fallowmere_pdf,
             "PDF, long table over pages"),
    Unseen28("Glenmorrow APP", "glenmorrow-app.pdf", glenmorrow, glenmorrow_pdf,
             "PDF APP, area spans rows, initials"),
    Unseen28("Hartwellow PAP", "hartwellow-pap.pdf", hartwellow, hartwellow_pdf,
             "PDF, a form table per action"),
    Unseen28("Inglebeck delivery plan", "inglebeck-plan.pdf", inglebeck, inglebeck_pdf,
             "PDF Gantt, ticks, 1-4"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Unseen28) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Unseen28) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
