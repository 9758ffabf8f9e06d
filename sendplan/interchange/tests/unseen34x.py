"""Sixteen Excel and PDF plans in the kinds the importer still misses, written before it was run
on them (round unseen34x).

Round unseen32's blind half read half its actions, six of its twelve plans with none; the kinds
it missed (its notes' table, not its plans) were Excel and PDF: two plans side by side on one
sheet, a RAG column a month, a two-row grouped heading, PDF tables "Ref | What | Who | When |
How we'll know | Where are we now", PDF priority and objective rows over "P2.A.1" actions, and
highlight reports. These plans were written by another hand in those kinds, in their own
words and variations, and in three kinds no round's notes list: a workbook whose first sheet
is a dashboard of counts before the action sheet, and a performance system's export (Excel and
PDF), a parent row a priority and a band a record.

Each plan is held once as data (`Plan`, as `unseen19` holds its plans) with the plan a careful
person would enter from it (`reference`), and laid out once as a file: ten in Excel (openpyxl)
and six... as PDF (HTML printed by WeasyPrint, as unseen28 prints its PDFs). Councils, ICBs,
officers and posts are invented; no child is named.

Conventions of the hand-entered plans, chosen before the importer was run (unseen19's,
unseen28's and unseen32's stand):

- two plans side by side on one sheet are one plan with a section each (the council's, the
  ICB's); the blank column between them divides them;
- a RAG column a month is a period a month, labelled as the heading shows it ("Sep-25") and
  ending on the month's last day; a blank month is no rating; a month heading that is a real
  date shown "mmm-yy" is labelled as shown; a rating heading naming a month ("RAG Oct 2025")
  ends on that month's last day;
- a grouped heading ("Action", "Delivery", "Progress" merged over their columns) names groups,
  not columns: the columns are the second row's;
- a cell opening with a rating word and going on with notes ("Amber – …", "RAG: Green. …") is
  rated by the word; a single rating column is one period named by its heading and dated by
  the document;
- "end of summer term 2026" is July 2026, "end of autumn term 2025" December 2025, "end of
  spring term 2026" March 2026;
- a highlight report's overall status and its risks are no actions and no ratings; its key
  actions are the actions; people listed (SRO, author, owners) are the plan's people;
- a performance system's parent rows (a priority's code, title and lead, no due date) are
  sections, its child rows actions; "Assigned To" is the lead ("Managed By" is not); its
  status words are the ratings, with no colours;
- a dashboard sheet of counts holds no actions.

`blind` splits the plans by a hash fixed before any rule was written: rules come from the dev
half only; the blind half is only counted. bench/parse_unseen34x.py prints the figures;
test_parse_unseen34x.py holds the floors. See corpus/real/unseen34x.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import _CSS, Act, Plan, Section, _person

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(("unseen34x:" + name).encode()).digest()[0] % 2 == 1


_RAG = [
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "Some slippage", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_BRAG_WORDS = [
    {"code": "Blue", "label": "Complete", "colour": "blue"},
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "At risk", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_BRAG = [
    {"code": "B", "label": "Completed", "colour": "blue"},
    {"code": "G", "label": "On target", "colour": "green"},
    {"code": "A", "label": "Some risk to delivery", "colour": "amber"},
    {"code": "R", "label": "Not on target", "colour": "red"},
]
_WORDED = [
    {"code": "Complete", "label": "Complete", "colour": "blue"},
    {"code": "On track", "label": "On track", "colour": "green"},
    {"code": "Delayed", "label": "Delayed", "colour": "amber"},
    {"code": "Off track", "label": "Off track", "colour": "red"},
]
_SYSTEM = [
    {"code": "Completed", "label": "Completed"},
    {"code": "In Progress", "label": "In Progress"},
    {"code": "Overdue", "label": "Overdue"},
    {"code": "Not Started", "label": "Not Started"},
]
_FILL = {
    "B": "0070C0", "G": "00B050", "A": "FFC000", "R": "FF0000",
    "Blue": "0070C0", "Green": "00B050", "Amber": "FFC000", "Red": "FF0000",
    "Complete": "0070C0", "On track": "00B050", "Delayed": "FFC000", "Off track": "FF0000",
}  # fmt: skip


# =============================================================================================
# Kind 1: two plans side by side on one sheet


def lowerby() -> Plan:
    """The council's plan and the ICB's on one sheet, the same headings, a blank column between."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("AD", None, "Assistant Director Education"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("CN", None, "Children's Commissioning Manager"),
        _person("SLT", None, "Head of Children's Therapies"),
    ]
    return Plan(
        "Lowerby Local Area SEND Improvement Plan 2025-27",
        "Partner",
        people,
        _RAG,
        ["RAG"],
        [
            Section("LA", "Lowerby Council", [
                Act("LA-01", "Clear the backlog of EHC needs assessments past 20 weeks.",
                    "Head of SEND", ["HSEND"], "31/01/2026", "2026-01-31", ["Amber"]),
                Act("LA-02", "Publish a refreshed Local Offer with parents' reviews.",
                    "Head of SEND", ["HSEND"], "30/11/2025", "2025-11-30", ["Green"]),
                Act("LA-03", "Agree a banded funding model for mainstream schools.",
                    "Assistant Director Education", ["AD"], "31/03/2026", "2026-03-31",
                    ["Red"]),
                Act("LA-04", "Run SENCO network meetings every half term.",
                    "Assistant Director Education", ["AD"], "31/07/2026", "2026-07-31",
                    ["Green"]),
            ]),
            Section("ICB", "Lowerby and Fenside ICB", [
                Act("ICB-01", "Cut the wait for a first speech and language appointment to 18 "
                    "weeks.", "Head of Children's Therapies", ["SLT"], "31/03/2026",
                    "2026-03-31", ["Red"]),
                Act("ICB-02", "Give every EHC needs assessment health advice within six weeks.",
                    "Designated Clinical Officer", ["DCO"], "31/12/2025", "2025-12-31",
                    ["Amber"]),
                Act("ICB-03", "Jointly commission a neurodevelopmental pathway with the "
                    "council.", "Children's Commissioning Manager", ["CN"], "30/06/2026",
                    "2026-06-30", ["Green"]),
            ]),
        ],
        dated="2025-10-31",
    )  # fmt: skip


def lowerby_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Joint plan"
    sheet["A1"] = plan.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Position at 31 October 2025"
    heads = ["Ref", "Action", "Lead", "Due date", "RAG"]
    left, right = plan.sections
    sheet.cell(4, 1, "Lowerby Council").font = Font(bold=True)
    sheet.cell(4, 7, "Lowerby and Fenside ICB").font = Font(bold=True)
    for n, head in enumerate(heads):
        sheet.cell(5, 1 + n, head).font = Font(bold=True)
        sheet.cell(5, 7 + n, head).font = Font(bold=True)
    for first, section in ((1, left), (7, right)):
        for row, a in enumerate(section.actions, start=6):
            date = dt.datetime.fromisoformat(a.due or "")
            for n, value in enumerate([a.ref, a.title, a.lead_text, date, a.ratings[0]]):
                sheet.cell(row, first + n, value)
            sheet.cell(row, first + 3).number_format = "dd/mm/yyyy"
            sheet.cell(row, first + 4).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
    sheet.column_dimensions["F"].width = 3
    _wrap(sheet)
    return saved(book)


def harrowgate() -> Plan:
    """Side by side again, each plan with its own headings and length, titles above each."""
    people = [
        _person("KO", "Kemi Obi", "Service Manager, SEND Assessment"),
        _person("JP", "Jon Pryce", "Inclusion Lead"),
        _person("LW", "Laura Wynn", "Designated Clinical Officer"),
        _person("RM", "Raj Mistry", "Associate Director of Children's Commissioning"),
    ]
    return Plan(
        "Harrowgate SEND Partnership Action Plan",
        "Partner",
        people,
        _BRAG,
        ["Status"],
        [
            Section("C", "Harrowgate Council", [
                Act("1", "Recruit four more EHC coordinators.", "Kemi Obi", ["KO"],
                    "Dec 2025", "2025-12", ["B"]),
                Act("2", "Audit fifty EHC plans a term against the quality standard.",
                    "Kemi Obi", ["KO"], "Termly", None, ["G"]),
                Act("3", "Set up an inclusion panel for pupils at risk of exclusion.",
                    "Jon Pryce", ["JP"], "Feb 2026", "2026-02", ["A"]),
                Act("4", "Train school governors on their SEND duties.", "Jon Pryce", ["JP"],
                    "Apr 2026", "2026-04", ["G"]),
                Act("5", "Offer parents a named contact while an assessment is under way.",
                    "Kemi Obi", ["KO"], "Jan 2026", "2026-01", ["R"]),
            ]),
            Section("H", "Harrowgate Health Partners (ICB)", [
                Act("H1", "Track health advice returned late, practice by practice.",
                    "Laura Wynn", ["LW"], "Nov 2025", "2025-11", ["G"]),
                Act("H2", "Commission an autism assessment service for 16-25 year olds.",
                    "Raj Mistry", ["RM"], "Sep 2026", "2026-09", ["A"]),
                Act("H3", "Add a health section to the Local Offer's pages on transition.",
                    "Laura Wynn", ["LW"], "Mar 2026", "2026-03", ["G"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def harrowgate_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nov 25"
    sheet["A1"] = plan.title + " - November 2025 update"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (
        "Status key: B = Completed, G = On target, A = Some risk to delivery, R = Not on target"
    )
    council, health = plan.sections
    sheet.cell(4, 1, "HARROWGATE COUNCIL").font = Font(bold=True)
    sheet.cell(4, 8, "HARROWGATE HEALTH PARTNERS (ICB)").font = Font(bold=True)
    blocks = [
        (1, ["No.", "Action", "Owner", "Target date", "Status", "Comments"], council),
        (8, ["Ref", "What we will do", "Responsible", "By when", "Status"], health),
    ]
    for first, heads, section in blocks:
        for n, head in enumerate(heads):
            cell = sheet.cell(5, first + n, head)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="1F4E78")
        for row, a in enumerate(section.actions, start=6):
            values: list[object] = [a.ref if first == 8 else int(a.ref or 0), a.title,
                                    a.lead_text, a.due_text, a.ratings[0]]  # fmt: skip
            if first == 1:
                values.append("See monthly highlight report" if a.ratings[0] == "R" else "")
            for n, value in enumerate(values):
                sheet.cell(row, first + n, value)
            sheet.cell(row, first + 4).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
    sheet.column_dimensions["G"].width = 2
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# Kind 2: a RAG column a month


def wrexford() -> Plan:
    """A monthly tracker: a column a month, letters in cells filled with their colour."""
    people = [
        _person("SR", "Sian Roberts", None),
        _person("TA", "Tom Ashdown", None),
        _person("MK", "Mei Kwan", None),
    ]
    months = ["Sep-25", "Oct-25", "Nov-25"]
    return Plan(
        "Wrexford Accelerated Progress Plan - monthly tracker",
        "Area for improvement",
        people,
        _BRAG,
        months,
        [
            Section("1", "Timeliness and quality of EHC plans", [
                Act("1.1", "Bring in a weekly panel to decide requests for assessment.",
                    "Sian Roberts", ["SR"], "Oct 2025", "2025-10", ["A", "G", "B"]),
                Act("1.2", "Quality assure every new EHC plan before it is issued.",
                    "Sian Roberts", ["SR"], "Dec 2025", "2025-12", ["R", "A", "A"]),
                Act("1.3", "Send families a text at each step of the assessment.",
                    "Tom Ashdown", ["TA"], "Jan 2026", "2026-01", ["", "A", "G"]),
            ]),
            Section("2", "Preparation for adulthood", [
                Act("2.1", "Start transition reviews from Year 9 in every school.",
                    "Mei Kwan", ["MK"], "Jul 2026", "2026-07", ["G", "G", "G"]),
                Act("2.2", "Map supported internships with local employers.", "Mei Kwan",
                    ["MK"], "Mar 2026", "2026-03", ["A", "R", "A"]),
            ]),
        ],
    )  # fmt: skip


def wrexford_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["B = Completed | G = On target | A = Some risk to delivery | R = Not on target"])
    sheet.append([])
    heads = ["Ref", "Action", "Lead", "Deadline", *plan.periods]
    sheet.append(heads)
    for s in plan.sections:
        sheet.append([s.ref, s.title])
        sheet.cell(sheet.max_row, 2).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings])
            for n, code in enumerate(a.ratings):
                if code:
                    sheet.cell(sheet.max_row, 5 + n).fill = PatternFill(
                        "solid", fgColor=_FILL[code]
                    )
    _wrap(sheet)
    return saved(book)


def elmbridge() -> Plan:
    """Months as real dates shown "mmm-yy", cells worded and filled, later months left blank."""
    people = [
        _person("PSEND", None, "Principal SEND Officer"),
        _person("EPS", None, "Principal Educational Psychologist"),
        _person("PCF", None, "Elmbridge Parent Carer Forum"),
        _person("SCH", None, "School Improvement Lead"),
    ]
    return Plan(
        "Elmbridge Vale SEND Strategy - Delivery Tracker",
        "Priority",
        people,
        _WORDED,
        ["Sep-25", "Oct-25", "Nov-25", "Dec-25"],
        [
            Section("1", "Early identification", [
                Act("EI1", "Roll out the graduated approach toolkit to all early years "
                    "settings", "School Improvement Lead", ["SCH"], "31/12/2025", "2025-12-31",
                    ["On track", "On track", "Complete", ""]),
                Act("EI2", "Open a consultation line for SENCOs run by educational "
                    "psychologists", "Principal Educational Psychologist", ["EPS"],
                    "28/02/2026", "2026-02-28", ["Delayed", "Delayed", "On track", ""]),
            ]),
            Section("2", "Working with families", [
                Act("WF1", "Co-produce the annual review paperwork with parents",
                    "Elmbridge Parent Carer Forum", ["PCF"], "31/01/2026", "2026-01-31",
                    ["On track", "On track", "On track", ""]),
                Act("WF2", "Hold a drop-in at each family hub each month",
                    "Principal SEND Officer", ["PSEND"], "30/04/2026", "2026-04-30",
                    ["Off track", "Delayed", "Delayed", ""]),
                Act("WF3", "Answer every complaint about SEND within 20 working days",
                    "Principal SEND Officer", ["PSEND"], "31/03/2026", "2026-03-31",
                    ["", "Off track", "Delayed", ""]),
            ]),
        ],
    )  # fmt: skip


def elmbridge_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Delivery"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Owner: SEND Partnership Board. Updated monthly by leads."])
    sheet.append(["Theme", "Ref", "Action", "Responsible", "Target date",
                  *[dt.datetime(2025, m, 1) for m in (9, 10, 11, 12)]])  # fmt: skip
    for c in range(6, 10):
        sheet.cell(3, c).number_format = "mmm-yy"
    for s in plan.sections:
        for a in s.actions:
            sheet.append([s.title, a.ref, a.title, a.lead_text,
                          dt.datetime.fromisoformat(a.due or ""), *a.ratings])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "dd/mm/yyyy"
            for n, code in enumerate(a.ratings):
                if code:
                    sheet.cell(sheet.max_row, 6 + n).fill = PatternFill(
                        "solid", fgColor=_FILL[code]
                    )
    sheet.auto_filter.ref = f"A3:I{sheet.max_row}"
    sheet.freeze_panes = "D4"
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# Kind 3: a two-row heading, groups merged over their columns


def kingsmere() -> Plan:
    """A strategy plan whose heading has two rows: "Action | Delivery | Progress" over columns."""
    people = [
        _person("DE", "Dawn Ellery", "Head of Inclusion"),
        _person("FB", "Femi Bello", "SEND Transport Manager"),
        _person("GH", "Grace Hollis", "Strategic Lead for Preparing for Adulthood"),
    ]
    return Plan(
        "Kingsmere SEND and Inclusion Strategy Action Plan 2025-2028",
        "Strategic priority",
        people,
        _BRAG_WORDS,
        ["RAG"],
        [
            Section("SP1", "Inclusive mainstream education", [
                Act("SP1.1", "Fund a resourced provision in each secondary school area.",
                    "Dawn Ellery", ["DE"], "Sept 2026", "2026-09", ["Amber"]),
                Act("SP1.2", "Create an outreach team from our special schools.",
                    "Dawn Ellery", ["DE"], "April 2026", "2026-04", ["Green"]),
                Act("SP1.3", "Publish each school's inclusion data to governors.",
                    "Dawn Ellery", ["DE"], "January 2026", "2026-01", ["Blue"]),
            ]),
            Section("SP2", "Independence and adulthood", [
                Act("SP2.1", "Offer independent travel training to every Year 11 with an "
                    "EHC plan.", "Femi Bello", ["FB"], "July 2026", "2026-07", ["Green"]),
                Act("SP2.2", "Agree a joint housing pathway for young adults with SEND.",
                    "Grace Hollis", ["GH"], "December 2026", "2026-12", ["Red"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def kingsmere_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Quarter 3 return (to 31 December 2025)"])
    sheet.append([])
    groups = [("Action", 1, 3), ("Delivery", 4, 6), ("Progress", 7, 8)]
    for name, first, last in groups:
        sheet.cell(4, first, name).font = Font(bold=True)
        sheet.cell(4, first).alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=4, start_column=first, end_row=4, end_column=last)
    heads = ["Priority", "Ref", "Action", "Lead", "Partners", "Target", "RAG", "Commentary"]
    for n, head in enumerate(heads, start=1):
        sheet.cell(5, n, head).font = Font(bold=True)
    partners = ["Schools", "Special schools", "Governors", "Colleges", "Housing, ICB"]
    n = 0
    for s in plan.sections:
        for a in s.actions:
            sheet.append([f"{s.ref} {s.title}", a.ref, a.title, a.lead_text, partners[n],
                          a.due_text, a.ratings[0], f"Q3 update from {a.lead_text}."])  # fmt: skip
            sheet.cell(sheet.max_row, 7).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
            n += 1
    _wrap(sheet)
    return saved(book)


def ashby() -> Plan:
    """A two-row heading under a title block, the groups named "What", "Who and when",
    "Where we are"; the rating column dated by its own heading."""
    people = [
        _person("HEHC", None, "Head of EHC Service"),
        _person("DCO", None, "DCO"),
        _person("VSH", None, "Virtual School Headteacher"),
        _person("PEP", None, "Principal EP"),
    ]
    return Plan(
        "Ashby Moor Accelerated Progress Plan",
        "Area for improvement",
        people,
        _RAG,
        ["RAG Oct 2025"],
        [
            Section("AFI 1", "Quality of EHC plans", [
                Act("1a", "Rewrite the EHC plan template with families and schools.",
                    "Head of EHC Service", ["HEHC"], "30 November 2025", "2025-11-30",
                    ["Green"]),
                Act("1b", "Make health advice part of every draft plan's checks.", "DCO",
                    ["DCO"], "31 January 2026", "2026-01-31", ["Amber"]),
                Act("1c", "Give educational psychologists protected time for statutory "
                    "advice.", "Principal EP", ["PEP"], "31 March 2026", "2026-03-31",
                    ["Red"]),
            ]),
            Section("AFI 2", "Children looked after with SEND", [
                Act("2a", "Attend every personal education plan review for a child with "
                    "an EHC plan.", "Virtual School Headteacher", ["VSH"], "30 April 2026",
                    "2026-04-30", ["Green"]),
                Act("2b", "Share a single chronology between social care and the SEND "
                    "team.", "Head of EHC Service; Virtual School Headteacher",
                    ["HEHC", "VSH"], "30 June 2026", "2026-06-30", ["Amber"]),
            ]),
        ],
    )  # fmt: skip


def ashby_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "APP"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Version 1.4", None, "Owner: SEND Improvement Board"])
    sheet.append([])
    groups = [("What", 1, 3), ("Who and when", 4, 5), ("Where we are", 6, 7)]
    for name, first, last in groups:
        cell = sheet.cell(4, first, name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="305496")
        sheet.merge_cells(start_row=4, start_column=first, end_row=4, end_column=last)
    heads = ["Area for improvement", "No.", "Actions", "Accountable officer", "Deadline",
             "RAG Oct 2025", "Progress this month"]  # fmt: skip
    for n, head in enumerate(heads, start=1):
        cell = sheet.cell(5, n, head)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    for s in plan.sections:
        first = sheet.max_row + 1
        for a in s.actions:
            sheet.append([f"{s.ref}: {s.title}", a.ref, a.title, a.lead_text,
                          dt.datetime.fromisoformat(a.due or ""), a.ratings[0],
                          "Work under way; see board paper."])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "d mmmm yyyy"
            sheet.cell(sheet.max_row, 6).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
        for row in range(first + 1, sheet.max_row + 1):
            sheet.cell(row, 1).value = None
        sheet.merge_cells(start_row=first, start_column=1, end_row=sheet.max_row, end_column=1)
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# Extra kind: a dashboard sheet of counts before the action sheet


def pendle() -> Plan:
    """A workbook opening on a dashboard (counts by priority and RAG), the actions on sheet 2."""
    people = [
        _person("AH", "Amira Haddad", "SEND Improvement Manager"),
        _person("BC", "Ben Carver", "Head of SEN Support Services"),
        _person("CE", "Chloe Evans", "Designated Clinical Officer"),
    ]
    return Plan(
        "Pendle Cross SEND Improvement Programme",
        "Priority",
        people,
        _BRAG_WORDS,
        ["Current RAG"],
        [
            Section("1", "Assessment and planning", [
                Act("1.01", "Triage requests for assessment within five working days.",
                    "Amira Haddad", ["AH"], "31/12/2025", "2025-12-31", ["Blue"]),
                Act("1.02", "Hold multi-agency planning meetings for every draft plan.",
                    "Amira Haddad", ["AH"], "31/03/2026", "2026-03-31", ["Green"]),
                Act("1.03", "Check ten per cent of annual reviews each term.", "Ben Carver",
                    ["BC"], "31/07/2026", "2026-07-31", ["Amber"]),
            ]),
            Section("2", "Health contribution", [
                Act("2.01", "Name a health lead in each EHC assessment.", "Chloe Evans",
                    ["CE"], "31/01/2026", "2026-01-31", ["Green"]),
                Act("2.02", "Report health advice timeliness to the board monthly.",
                    "Chloe Evans", ["CE"], "30/11/2025", "2025-11-30", ["Red"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def pendle_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    dash = book.active
    dash.title = "Dashboard"
    dash.append([plan.title + " - Dashboard"])
    dash["A1"].font = Font(bold=True, size=14)
    dash.append(["Data as at 30 November 2025"])
    dash.append([])
    dash.append(["Priority", "Blue", "Green", "Amber", "Red", "Total"])
    for s in plan.sections:
        counts = [
            sum(a.ratings[0] == c for a in s.actions) for c in ("Blue", "Green", "Amber", "Red")
        ]
        dash.append([f"{s.ref}. {s.title}", *counts, len(s.actions)])
    dash.append(["Total", *[sum(a.ratings[0] == c for s in plan.sections for a in s.actions)
                            for c in ("Blue", "Green", "Amber", "Red")],
                 sum(len(s.actions) for s in plan.sections)])  # fmt: skip
    sheet = book.create_sheet("Action plan")
    sheet.append(["Ref", "Priority", "Action", "Action owner", "Due", "Current RAG", "Update"])
    for s in plan.sections:
        for a in s.actions:
            sheet.append([a.ref, s.title, a.title, a.lead_text,
                          dt.datetime.fromisoformat(a.due or ""), a.ratings[0],
                          "Updated for November board."])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "dd/mm/yyyy"
            sheet.cell(sheet.max_row, 6).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
    _wrap(sheet)
    return saved(book)


def sedgefold() -> Plan:
    """A summary sheet (a row a priority: lead, actions, % complete, overall RAG) first, then a
    sheet of actions, then a key."""
    people = [
        _person("DSEND", None, "Director of SEND"),
        _person("HIAS", None, "Head of Inclusion and Attendance"),
        _person("CCM", None, "Children's Continuing Care Manager"),
    ]
    return Plan(
        "Sedgefold Written Statement of Action - progress workbook",
        "Area of weakness",
        people,
        _RAG,
        ["Status"],
        [
            Section("1", "Inconsistent support in mainstream schools", [
                Act("AOW1.1", "Set out what every school should ordinarily provide.",
                    "Head of Inclusion and Attendance", ["HIAS"], "Oct 2025", "2025-10",
                    ["Green"]),
                Act("AOW1.2", "Visit every school with high exclusions of pupils with SEND.",
                    "Head of Inclusion and Attendance", ["HIAS"], "Mar 2026", "2026-03",
                    ["Amber"]),
            ]),
            Section("2", "Joint commissioning", [
                Act("AOW2.1", "Write a joint commissioning strategy with health partners.",
                    "Director of SEND", ["DSEND"], "Jan 2026", "2026-01", ["Red"]),
                Act("AOW2.2", "Pool budgets for children with complex health needs.",
                    "Children's Continuing Care Manager", ["CCM"], "Jun 2026", "2026-06",
                    ["Amber"]),
                Act("AOW2.3", "Review every out-of-area placement jointly.", "Director of SEND",
                    ["DSEND"], "Dec 2025", "2025-12", ["Green"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def sedgefold_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    summary.append(["WSoA summary - December 2025"])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append(["Area of weakness", "Senior lead", "No. of actions", "% complete",
                    "Overall RAG"])  # fmt: skip
    summary.append(["1. " + plan.sections[0].title, "Head of Inclusion and Attendance", 2,
                    0.5, "Amber"])  # fmt: skip
    summary.append(["2. " + plan.sections[1].title, "Director of SEND", 3, 0.33, "Red"])
    for row in (3, 4):
        summary.cell(row, 4).number_format = "0%"
        summary.cell(row, 5).fill = PatternFill("solid", fgColor=_FILL[summary.cell(row, 5).value])
    sheet = book.create_sheet("Actions")
    sheet.append([plan.title])
    sheet.append(["Action ref", "Action", "Responsible lead", "Completion date", "Status",
                  "Evidence"])  # fmt: skip
    for s in plan.sections:
        sheet.append([f"Area of weakness {s.ref}: {s.title}"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=6)  # fmt: skip
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.ratings[0],
                          "Board minutes"])  # fmt: skip
            sheet.cell(sheet.max_row, 5).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
    _wrap(sheet)
    key = book.create_sheet("Key")
    key.append(["RAG", "Meaning"])
    for status in plan.scale:
        key.append([status["code"], status["label"]])
    return saved(book)


# =============================================================================================
# Extra kind: a performance system's export (Excel; PDF below)


def ulverdale() -> Plan:
    """An export from a performance system: parent rows a priority, child rows its actions,
    "Assigned To" and "Managed By", status words, a progress percentage and the latest note."""
    people = [
        _person("HN", "Helen Nash", None),
        _person("OS", "Owen Stroud", None),
        _person("PD", "Priya Dutta", None),
        _person("QL", "Quentin Lowe", None),
    ]
    return Plan(
        "Ulverdale SEND Priority Action Plan",
        "Priority",
        people,
        _SYSTEM,
        ["Status"],
        [
            Section("SEND P1", "Timely, good quality EHC plans", [
                Act("SEND P1.01", "Agree service level standards with every adviser.",
                    "Owen Stroud", ["OS"], "31-Dec-2025", "2025-12-31", ["Completed"]),
                Act("SEND P1.02", "Build a dashboard of the 20-week timeline.", "Owen Stroud",
                    ["OS"], "31-Jan-2026", "2026-01-31", ["In Progress"]),
                Act("SEND P1.03", "Train caseworkers in writing outcomes with families.",
                    "Priya Dutta", ["PD"], "30-Sep-2025", "2025-09-30", ["Overdue"]),
            ]),
            Section("SEND P2", "Sufficient specialist places", [
                Act("SEND P2.01", "Open a 40-place special free school.", "Quentin Lowe",
                    ["QL"], "01-Sep-2027", "2027-09-01", ["Not Started"]),
                Act("SEND P2.02", "Add two resourced bases in primary schools.",
                    "Quentin Lowe", ["QL"], "31-Aug-2026", "2026-08-31", ["In Progress"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def ulverdale_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Export"
    sheet.append(["Code", "Title", "Assigned To", "Managed By", "Due Date", "Status",
                  "Progress", "Latest Note", "Latest Note Date"])  # fmt: skip
    for s in plan.sections:
        sheet.append([s.ref, s.title, "Helen Nash", "Helen Nash", None, None, None, None, None])
        for a in s.actions:
            pct = {"Completed": 1, "In Progress": 0.5, "Overdue": 0.25, "Not Started": 0}
            sheet.append([a.ref, a.title, a.lead_text, "Helen Nash",
                          dt.datetime.fromisoformat(a.due or ""), a.ratings[0],
                          pct[a.ratings[0]], "Reviewed at the programme board.",
                          dt.datetime(2025, 11, 24)])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "dd-mmm-yyyy"
            sheet.cell(sheet.max_row, 7).number_format = "0%"
            sheet.cell(sheet.max_row, 9).number_format = "dd-mmm-yyyy"
    sheet.auto_filter.ref = f"A1:I{sheet.max_row}"
    return saved(book)


# =============================================================================================
# PDF layouts (HTML printed by WeasyPrint, as unseen28 prints its PDFs)


def _pdf(body: str, *, wide: bool = False, footer: str = "") -> bytes:
    import weasyprint

    css = _CSS
    if wide:
        css += "@page { size: A4 landscape; margin: 1.5cm; }"
    if footer:
        css += (
            "@page { @bottom-left { content: '" + footer + "'; font-size: 8pt; }"
            " @bottom-right { content: counter(page); font-size: 8pt; } }"
        )
    css += "tr { break-inside: avoid; } thead { display: table-header-group; }"
    html = f"<html><head><meta charset='utf-8'><style>{css}</style></head>"
    html += f"<body>{body}</body></html>"
    return bytes(weasyprint.HTML(string=html).write_pdf())


def _td(text: str, fill: str = "", colspan: int = 1, bold: bool = False) -> str:
    style = f"background:#{fill};" if fill else ""
    style += "font-weight:bold;" if bold else ""
    attrs = f" style='{style}'" if style else ""
    attrs += f" colspan='{colspan}'" if colspan > 1 else ""
    body = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n"))
    return f"<td{attrs}>{body}</td>"


def _heads(heads: list[str]) -> str:
    return "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr></thead>"


# Kind 4: "Ref | What | Who | When | How we'll know | Where are we now"


def cresswell() -> Plan:
    """A WSoA as a PDF: "Ref | What | Who | When | How we'll know | Where are we now", refs
    "WSoA-01", the last cell a rating word then notes."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("PCF", None, "Cresswell Parent Carer Forum"),
        _person("HEY", None, "Head of Early Years"),
    ]
    return Plan(
        "Cresswell Written Statement of Action",
        "Area of weakness",
        people,
        _RAG,
        ["Where are we now"],
        [
            Section("1", "Parents' confidence in the EHC process", [
                Act("WSoA-01", "Send every family a named contact's details within five days "
                    "of a request.", "Head of SEND", ["HSEND"], "January 2026", "2026-01",
                    ["Green"]),
                Act("WSoA-02", "Write the Local Offer's pages again with the parent carer "
                    "forum.", "Cresswell Parent Carer Forum", ["PCF"], "March 2026",
                    "2026-03", ["Amber"]),
                Act("WSoA-03", "Survey families after each plan is issued and publish the "
                    "results.", "Head of SEND", ["HSEND"], "December 2025", "2025-12",
                    ["Green"]),
            ]),
            Section("2", "Health's part in assessment", [
                Act("WSoA-04", "Agree with each health provider a six-week deadline for "
                    "advice.", "Designated Clinical Officer", ["DCO"], "February 2026",
                    "2026-02", ["Red"]),
                Act("WSoA-05", "Check that early years settings ask health visitors for "
                    "advice.", "Head of Early Years", ["HEY"], "April 2026", "2026-04",
                    ["Amber"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def cresswell_pdf(plan: Plan) -> bytes:
    notes = {
        "Green": "on track; first figures in the board pack.",
        "Amber": "started later than planned, recovery agreed.",
        "Red": "two providers have not signed up yet.",
    }
    body = (
        f"<h1>{escape(plan.title)}</h1><p>Update for the SEND Partnership Board, November 2025</p>"
    )
    heads = ["Ref", "What", "Who", "When", "How we'll know", "Where are we now"]
    body += "<table>" + _heads(heads) + "<tbody>"
    for s in plan.sections:
        body += "<tr>" + _td(f"Area of weakness {s.ref}: {s.title}", "DEEAF6", 6, True) + "</tr>"
        for a in s.actions:
            rag = a.ratings[0]
            body += "<tr>" + "".join(_td(t) for t in [a.ref or "", a.title, a.lead_text,
                                                      a.due_text])  # fmt: skip
            body += _td("Families tell us in the termly survey.")
            body += _td(f"{rag} – {notes[rag]}", _FILL[rag]) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True, footer="Cresswell WSoA")


def tollbridge() -> Plan:
    """The same kind from another council: longer headings, "Where we are now" opening "RAG:"."""
    people = [
        _person("NF", "Nadia Farouk", "Assistant Director, Learning and Inclusion"),
        _person("PB", "Paul Brennan", "SEND Commissioning Lead"),
        _person("ZT", "Zoe Tait", "Head of 0-25 SEND Service"),
    ]
    return Plan(
        "Tollbridge Written Statement of Action 2025-26",
        "Area of weakness",
        people,
        _RAG,
        ["Where we are now"],
        [
            Section("1", "Identification of needs", [
                Act("WSoA-1.1", "Give schools one referral form for every specialist service.",
                    "Zoe Tait", ["ZT"], "30.11.2025", "2025-11-30", ["Green"]),
                Act("WSoA-1.2", "Set up a panel that meets weekly for requests for assessment.",
                    "Zoe Tait", ["ZT"], "31.01.2026", "2026-01-31", ["Amber"]),
            ]),
            Section("2", "Commissioning", [
                Act("WSoA-2.1", "Commission post-16 places against a needs forecast.",
                    "Paul Brennan", ["PB"], "31.05.2026", "2026-05-31", ["Red"]),
                Act("WSoA-2.2", "Publish the sufficiency plan with its yearly review.",
                    "Nadia Farouk", ["NF"], "31.03.2026", "2026-03-31", ["Green"]),
                Act("WSoA-2.3", "Set quality checks in every independent school contract.",
                    "Paul Brennan", ["PB"], "30.04.2026", "2026-04-30", ["Amber"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def tollbridge_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += (
        "<p>Progress as at 31 December 2025. RAG: Green – on track; Amber – some slippage; "
        "Red – off track.</p>"
    )
    heads = ["Ref", "What we will do", "Who is responsible", "When by",
             "How we will know it has worked", "Where we are now"]  # fmt: skip
    for s in plan.sections:
        body += f"<h2>Area of weakness {s.ref} – {escape(s.title)}</h2>"
        body += "<table>" + _heads(heads) + "<tbody>"
        for a in s.actions:
            body += "<tr>" + "".join(_td(t) for t in [a.ref or "", a.title, a.lead_text,
                                                      a.due_text])  # fmt: skip
            body += _td("Fewer complaints; audit shows a change.")
            body += _td(f"RAG: {a.ratings[0]}. Update given to the December board.") + "</tr>"
        body += "</tbody></table>"
    return _pdf(body, wide=True)


# Kind 5: priority and objective rows over "P2.A.1" actions


def denholm() -> Plan:
    """An APP as a PDF: a priority row, objective rows, actions "P1.A.1", term dates."""
    people = [
        _person("SW", "Sarah Whitlock", "Head of SEND"),
        _person("MO", "Marcus Osei", "Principal Educational Psychologist"),
        _person("IK", "Imogen Kerr", "Designated Clinical Officer"),
    ]
    return Plan(
        "Denholm Accelerated Progress Plan",
        "Objective",
        people,
        _RAG,
        ["RAG"],
        [
            Section("P1.A", "Requests for assessment are decided quickly and fairly", [
                Act("P1.A.1", "Publish the criteria the panel uses to decide requests.",
                    "Sarah Whitlock", ["SW"], "end of autumn term 2025", "2025-12",
                    ["Green"]),
                Act("P1.A.2", "Invite a SENCO to sit on every decision panel.",
                    "Sarah Whitlock", ["SW"], "end of spring term 2026", "2026-03",
                    ["Amber"]),
            ]),
            Section("P1.B", "Advice for assessments arrives on time", [
                Act("P1.B.1", "Give EPs a booking system for statutory advice.",
                    "Marcus Osei", ["MO"], "end of summer term 2026", "2026-07", ["Amber"]),
                Act("P1.B.2", "Report late health advice to the ICB's quality meeting.",
                    "Imogen Kerr", ["IK"], "end of autumn term 2025", "2025-12", ["Red"]),
            ]),
            Section("P2.A", "Schools are confident meeting needs", [
                Act("P2.A.1", "Train a lead for autism in every school.", "Marcus Osei",
                    ["MO"], "end of summer term 2026", "2026-07", ["Green"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def denholm_pdf(plan: Plan) -> bytes:
    priorities = {"P1": "Priority 1: Timely assessment", "P2": "Priority 2: Inclusive schools"}
    body = f"<h1>{escape(plan.title)}</h1><p>Monitoring return – November 2025</p>"
    heads = ["Ref", "Action", "Lead", "Timescale", "RAG"]
    body += "<table>" + _heads(heads) + "<tbody>"
    seen = set()
    for s in plan.sections:
        key = s.ref.split(".")[0]
        if key not in seen:
            seen.add(key)
            body += "<tr>" + _td(priorities[key], "1F3864", 5, True).replace(
                "<p>", "<p style='color:#fff'>"
            ) + "</tr>"  # fmt: skip
        body += "<tr>" + _td(f"Objective {s.ref}: {s.title}", "D9E2F3", 5, True) + "</tr>"
        for a in s.actions:
            body += "<tr>" + "".join(_td(t) for t in [a.ref or "", a.title, a.lead_text,
                                                      a.due_text])  # fmt: skip
            body += _td(a.ratings[0], _FILL[a.ratings[0]]) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body)


def farrowby() -> Plan:
    """Priorities as headings, objectives as shaded rows, actions "P2.B.3" with milestones and a
    progress cell; dates by term, some plain months."""
    people = [
        _person("HIP", None, "Head of Inclusion and Participation"),
        _person("PFA", None, "Preparing for Adulthood Lead"),
        _person("CWD", None, "Service Manager, Children with Disabilities"),
    ]
    return Plan(
        "Farrowby Local Area Accelerated Progress Plan (APP)",
        "Objective",
        people,
        _BRAG_WORDS,
        ["Progress"],
        [
            Section("P2.A", "Young people plan their next steps early", [
                Act("P2.A.1", "Add preparing for adulthood outcomes to Year 9 reviews.",
                    "Preparing for Adulthood Lead", ["PFA"], "end of summer term 2026",
                    "2026-07", ["Green"]),
                Act("P2.A.2", "Hold a post-16 options fair with colleges each spring.",
                    "Preparing for Adulthood Lead", ["PFA"], "end of spring term 2026",
                    "2026-03", ["Blue"]),
            ]),
            Section("P2.B", "Short breaks meet families' needs", [
                Act("P2.B.1", "Refresh the short breaks statement with families.",
                    "Service Manager, Children with Disabilities", ["CWD"], "October 2025",
                    "2025-10", ["Blue"]),
                Act("P2.B.2", "Commission holiday clubs for children with complex needs.",
                    "Service Manager, Children with Disabilities", ["CWD"],
                    "end of summer term 2026", "2026-07", ["Amber"]),
                Act("P2.B.3", "Publish waiting times for short breaks every quarter.",
                    "Head of Inclusion and Participation", ["HIP"], "end of autumn term 2025",
                    "2025-12", ["Red"]),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def farrowby_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Priority 2: Preparing for adulthood and "
    body += "short breaks. Progress to end of December 2025.</p>"
    body += "<p>Key: Blue – complete, Green – on track, Amber – at risk, Red – off track</p>"
    body += (
        "<h2>Priority 2 – Young people and families get the right support at the right time</h2>"
    )
    heads = ["Action ref", "Action", "Milestones", "Responsible", "Completion", "Progress"]
    body += "<table>" + _heads(heads) + "<tbody>"
    for s in plan.sections:
        body += "<tr>" + _td(f"{s.ref} Objective: {s.title}", "E2EFDA", 6, True) + "</tr>"
        for a in s.actions:
            body += "<tr>" + "".join(
                _td(t) for t in [a.ref or "", a.title, "Plan agreed\nFirst review held",
                                 a.lead_text, a.due_text]
            )  # fmt: skip
            body += _td(a.ratings[0], _FILL[a.ratings[0]]) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True, footer="Farrowby APP")


# Kind 6: highlight reports


def greystone() -> Plan:
    """A highlight report: an overall status box, key actions with owners, dates and status,
    risks with owners, people listed. No refs."""
    people = [
        _person("LH", "Lena Hart", "Director of Children's Services"),
        _person("MB", "Mark Bose", "SEND Programme Manager"),
        _person("RK", "Rachel Kemp", "Head of SEND Casework"),
        _person("DA", "Dev Anand", "Designated Clinical Officer"),
    ]
    return Plan(
        "Greystone SEND Improvement Programme – Highlight Report",
        "Workstream",
        people,
        _RAG,
        ["Status"],
        [
            Section("1", "Key actions this period", [
                Act(None, "Clear the backlog of annual reviews older than 12 months",
                    "Rachel Kemp", ["RK"], "31/12/2025", "2025-12-31", ["Amber"]),
                Act(None, "Launch the new EHC hub for parents", "Mark Bose", ["MB"],
                    "15/11/2025", "2025-11-15", ["Green"]),
                Act(None, "Agree the health advice escalation route with providers",
                    "Dev Anand", ["DA"], "30/01/2026", "2026-01-30", ["Red"]),
                Act(None, "Recruit a second team of EHC writers", "Rachel Kemp", ["RK"],
                    "28/02/2026", "2026-02-28", ["Green"]),
            ]),
        ],
        dated="2025-10-31",
    )  # fmt: skip


def greystone_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>Reporting period: October 2025</p>"
    body += "<table style='width:40%'><tr>" + _td("Overall status", bold=True)
    body += _td("AMBER", _FILL["Amber"], bold=True) + "</tr></table>"
    body += "<p><b>SRO:</b> Lena Hart, Director of Children's Services<br>"
    body += "<b>Programme manager:</b> Mark Bose</p>"
    body += "<h2>Summary</h2><p>Timeliness rose to 52% in the month. Recruitment is going well; "
    body += "health advice remains late from one provider.</p>"
    body += "<h2>Key actions</h2><table>" + _heads(["Action", "Owner", "Due", "Status"])
    body += "<tbody>"
    for a in plan.sections[0].actions:
        body += "<tr>" + "".join(_td(t) for t in [a.title, a.lead_text, a.due_text])
        body += _td(a.ratings[0], _FILL[a.ratings[0]]) + "</tr>"
    body += "</tbody></table>"
    body += "<h2>Risks and issues</h2><table>"
    body += _heads(["Risk", "Owner", "Mitigation", "Rating"]) + "<tbody>"
    for risk, owner, mitigation, rating in [
        ("Demand for assessments keeps rising", "Rachel Kemp", "Extra panel dates", "Red"),
        ("Agency staff leave before cases close", "Mark Bose", "Retention payments", "Amber"),
    ]:
        body += "<tr>" + "".join(_td(t) for t in [risk, owner, mitigation])
        body += _td(rating, _FILL[rating]) + "</tr>"
    body += "</tbody></table>"
    body += "<h2>People</h2><ul>" + "".join(
        f"<li>{escape(p['name'])} – {escape(p['role'])}</li>" for p in plan.people
    ) + "</ul>"  # fmt: skip
    return _pdf(body)


def morwick() -> Plan:
    """A board highlight report in another hand: status box as a heading line, key milestones
    with refs, owners and RAG, risks beside, the team listed with emails."""
    people = [
        _person("CW", "Claire Webb", "Assistant Director, SEND and Inclusion"),
        _person("TO", "Tunde Okoro", "Head of SEND Sufficiency"),
        _person("JL", "Jess Lowry", "Local Offer Manager"),
        _person("HR", "Hugo Reyes", "Parent Carer Forum Co-Chair"),
    ]
    return Plan(
        "Morwick SEND Strategic Board: Highlight Report",
        "Workstream",
        people,
        _BRAG_WORDS,
        ["RAG"],
        [
            Section("1", "Milestones", [
                Act("M1", "Consult on two new specialist resource bases", "Tunde Okoro",
                    ["TO"], "Dec 2025", "2025-12", ["Green"]),
                Act("M2", "Co-produce the Local Offer's new front page", "Jess Lowry and "
                    "Hugo Reyes", ["JL", "HR"], "Nov 2025", "2025-11", ["Blue"]),
                Act("M3", "Publish the SEND sufficiency plan", "Tunde Okoro", ["TO"],
                    "Mar 2026", "2026-03", ["Amber"]),
                Act("M4", "Sign off the inclusion charter with headteachers", "Claire Webb",
                    ["CW"], "Feb 2026", "2026-02", ["Red"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def morwick_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<table><tr>" + _td("Period: 1–30 November 2025")
    body += _td("Overall RAG: Green", _FILL["Green"], bold=True)
    body += _td("Previous RAG: Amber", _FILL["Amber"]) + "</tr></table>"
    body += "<h2>Progress this period</h2><ul><li>Consultation opened on 3 November.</li>"
    body += "<li>Local Offer front page launched.</li></ul>"
    body += "<h2>Key milestones</h2><table>"
    body += _heads(["Ref", "Milestone", "Owner", "Target date", "RAG"]) + "<tbody>"
    for a in plan.sections[0].actions:
        body += "<tr>" + "".join(_td(t) for t in [a.ref or "", a.title, a.lead_text, a.due_text])
        body += _td(a.ratings[0], _FILL[a.ratings[0]]) + "</tr>"
    body += "</tbody></table>"
    body += "<h2>Top risks</h2><table>" + _heads(["Risk", "Impact", "Risk owner"]) + "<tbody>"
    body += "<tr>" + "".join(_td(t) for t in ["Capital build costs rise", "High", "Tunde Okoro"])
    body += "</tr><tr>" + "".join(_td(t) for t in ["Schools do not sign the charter", "Medium",
                                                   "Claire Webb"]) + "</tr>"  # fmt: skip
    body += "</tbody></table><h2>Programme team</h2>"
    body += "".join(
        f"<p>{escape(p['name'])}, {escape(p['role'])} "
        f"({p['name'].split()[0].lower()}.{p['name'].split()[1].lower()}@morwick.gov.uk)</p>"
        for p in plan.people
    )  # fmt: skip
    return _pdf(body)


# Extra kind: a performance system's export printed to PDF


def carnbrook() -> Plan:
    """A performance system's report printed to PDF: a heading a priority, then a band per
    action (a header row, a value row, a "Latest Note" row)."""
    people = [
        _person("AB", "Alys Bevan", None),
        _person("GD", "Gareth Dee", None),
        _person("NS", "Nia Stephens", None),
    ]
    return Plan(
        "Carnbrook SEND Improvement Plan – Action Progress Report",
        "Priority",
        people,
        _SYSTEM,
        ["Status"],
        [
            Section("CB-SEND-01", "Early help for children with emerging needs", [
                Act("CB-SEND-01.1", "Expand the early years inclusion fund to childminders",
                    "Alys Bevan", ["AB"], "31-Mar-2026", "2026-03-31", ["In Progress"]),
                Act("CB-SEND-01.2", "Train family hub staff to spot speech delay",
                    "Nia Stephens", ["NS"], "31-Oct-2025", "2025-10-31", ["Completed"]),
            ]),
            Section("CB-SEND-02", "Transitions between phases", [
                Act("CB-SEND-02.1", "Share one-page profiles at every change of school",
                    "Gareth Dee", ["GD"], "30-Sep-2025", "2025-09-30", ["Overdue"]),
                Act("CB-SEND-02.2", "Run summer transition groups for Year 6 pupils",
                    "Gareth Dee", ["GD"], "31-Jul-2026", "2026-07-31", ["Not Started"]),
                Act("CB-SEND-02.3", "Give colleges the EHC plan before enrolment",
                    "Alys Bevan", ["AB"], "30-Jun-2026", "2026-06-30", ["In Progress"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def carnbrook_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Generated: 01-Dec-2025 09:14 by Nia Stephens</p>"
    heads = ["Code", "Title", "Assigned To", "Due Date", "Status", "Progress"]
    pct = {"Completed": "100%", "In Progress": "50%", "Overdue": "20%", "Not Started": "0%"}
    for s in plan.sections:
        body += f"<h2>{escape(s.ref)} {escape(s.title)}</h2>"
        for a in s.actions:
            body += "<table><tr>" + "".join(f"<th>{h}</th>" for h in heads) + "</tr><tr>"
            body += "".join(_td(t) for t in [a.ref or "", a.title, a.lead_text, a.due_text,
                                             a.ratings[0], pct[a.ratings[0]]])  # fmt: skip
            body += "</tr><tr>" + _td("Latest Note", bold=True)
            body += _td("Discussed at the November programme board; no change to dates.", colspan=5)
            body += "</tr></table>"
    return _pdf(body, footer="Carnbrook Council – Performance Report")


# =============================================================================================
# The corpus


def _wrap(sheet: Any) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Unseen34x:
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
        out = self.plan().reference()
        for period in out["periods"]:
            if period["label"] in _MONTH_ENDS:
                period.setdefault("ends_on", _MONTH_ENDS[period["label"]])
        return out


# Periods whose heading names a month end on its last day.
_MONTH_ENDS = {
    "Sep-25": "2025-09-30",
    "Oct-25": "2025-10-31",
    "Nov-25": "2025-11-30",
    "Dec-25": "2025-12-31",
    "RAG Oct 2025": "2025-10-31",
}


CORPUS = (
    Unseen34x("Lowerby joint plan", "lowerby-joint-plan.xlsx", lowerby, lowerby_xlsx,
              "xlsx, council and ICB side by side"),
    Unseen34x("Harrowgate partnership plan", "harrowgate-plan.xlsx", harrowgate,
              harrowgate_xlsx, "xlsx, side by side, own headings"),
    Unseen34x("Wrexford monthly tracker", "wrexford-tracker.xlsx", wrexford, wrexford_xlsx,
              "xlsx, a BRAG column a month, filled"),
    Unseen34x("Elmbridge Vale tracker", "elmbridge-tracker.xlsx", elmbridge, elmbridge_xlsx,
              "xlsx, month dates, worded cells"),
    Unseen34x("Kingsmere strategy plan", "kingsmere-plan.xlsx", kingsmere, kingsmere_xlsx,
              "xlsx, two-row grouped heading"),
    Unseen34x("Ashby Moor APP", "ashby-moor-app.xlsx", ashby, ashby_xlsx,
              "xlsx, grouped heading, area merged"),
    Unseen34x("Pendle Cross programme", "pendle-cross.xlsx", pendle, pendle_xlsx,
              "xlsx, dashboard sheet first"),
    Unseen34x("Sedgefold WSoA workbook", "sedgefold-wsoa.xlsx", sedgefold, sedgefold_xlsx,
              "xlsx, summary sheet first"),
    Unseen34x("Ulverdale export", "ulverdale-export.xlsx", ulverdale, ulverdale_xlsx,
              "xlsx, performance system export"),
    Unseen34x("Cresswell WSoA", "cresswell-wsoa.pdf", cresswell, cresswell_pdf,
              "pdf, What/Who/When/Where are we now"),
    Unseen34x("Tollbridge WSoA", "tollbridge-wsoa.pdf", tollbridge, tollbridge_pdf,
              "pdf, same kind, RAG: in last cell"),
    Unseen34x("Denholm APP", "denholm-app.pdf", denholm, denholm_pdf,
              "pdf, priority and objective rows"),
    Unseen34x("Farrowby APP", "farrowby-app.pdf", farrowby, farrowby_pdf,
              "pdf, objectives shaded, term dates"),
    Unseen34x("Greystone highlight report", "greystone-highlight.pdf", greystone,
              greystone_pdf, "pdf, status box, risks, people"),
    Unseen34x("Morwick highlight report", "morwick-highlight.pdf", morwick, morwick_pdf,
              "pdf, milestones, risks, team"),
    Unseen34x("Carnbrook progress report", "carnbrook-report.pdf", carnbrook, carnbrook_pdf,
              "pdf, performance system bands"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Unseen34x) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Unseen34x) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
