"""Sixteen plans in the kinds three earlier rounds' blind halves still miss, written before the
importer was run on them (round unseen36).

The notes of three rounds name kinds whose blind plans gave no actions (their texts were not
opened here; only their notes' one-line descriptions were read):

- task-tool exports (EXPORTS35.md): Microsoft Planner's "Export plan to Excel" with its title
  block, a Jira CSV ("Summary", "Issue key", "Parent summary", dates "30/Jan/26"), monday.com
  boards whose groups each sit over their own heading row, Smartsheet sheets whose parent rows
  are indented over their children with a "Health" column, and Planner's CSV cut to a few
  columns with ISO dates;
- Excel and PDF plans (unseen34x.md): two plans side by side with different headings, a RAG
  column a month headed "Sep-25", month headings that are real dates, two-row merged group
  headings, a performance system's export, and a PDF progress report of one small table a
  record;
- pasted text and Excel (UNSEEN32.md, second set): labels in square brackets under each
  numbered action, "Ref: … | Action: … | …" lines, and a sheet with an action a column.

These are written by another hand, in their own words and with their own variations (other
column orders, wordings and date forms). Each plan is held once as data (`Plan`, as unseen19
holds its plans), with the plan a careful person would enter from it (`reference`), and laid
out once as a file: CSV, Excel (openpyxl), text, or PDF (HTML printed by WeasyPrint, as
unseen34x prints its PDFs). Councils, ICBs, officers and posts are invented; no child is named.

Conventions of the hand-entered plans, chosen before the importer was run (unseen19's,
unseen34x's and exports35's stand):

- a task tool's group of tasks (a Planner bucket, a Jira epic named in "Parent summary", a
  monday.com group, a Smartsheet parent row) is the section; a Jira epic's own row is that
  section, not an action;
- the person a task is assigned to is its lead; two people assigned are both leads; who
  reported, created or completed a task is not;
- the tool's status (Planner's "Progress", Jira's "Status", monday's "Status", Smartsheet's
  "Health") is the one rating, in a period named by its heading; a per cent complete and a
  priority are no ratings;
- opaque ids (Planner's task ids, monday's item ids) are no refs; a Jira issue key and a
  performance system's code are;
- a date with a time ("30/Jan/26 12:00 AM") is the day; a Planner title block (plan name,
  plan id, date of export) is no action;
- two plans side by side are one plan with a section each; a RAG column a month is a period a
  month, labelled as the heading shows it and ending on the month's last day; a blank month is
  no rating;
- a grouped heading names groups, not columns: the columns are the second row's;
- a performance system's parent rows are sections, its child rows actions; "Owner" is the lead
  ("Manager" is not);
- in text, the labels in brackets or between bars under or beside an action are its lead, due
  date and rating; a sheet with an action a column is read across, its labels down column A.

`blind` splits the plans by a hash fixed before any rule was written: rules come from the dev
half only; the blind half is only counted. bench/parse_unseen36.py prints the figures; the
figures before and after are in corpus/real/unseen36.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import Act, Plan, Section, _person
from sendplan.interchange.tests.unseen34x import _pdf, _td

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(("unseen36:" + name).encode()).digest()[0] % 2 == 1


_PLANNER = [
    {"code": "Completed", "label": "Completed", "colour": "blue"},
    {"code": "In progress", "label": "In progress", "colour": "green"},
    {"code": "Not started", "label": "Not started", "colour": "white"},
]
_JIRA = [
    {"code": "Done", "label": "Done", "colour": "blue"},
    {"code": "In Progress", "label": "In Progress", "colour": "green"},
    {"code": "To Do", "label": "To Do", "colour": "white"},
]
_JIRA_RAG = [
    {"code": "Complete", "label": "Complete", "colour": "blue"},
    {"code": "On Track", "label": "On Track", "colour": "green"},
    {"code": "At Risk", "label": "At Risk", "colour": "amber"},
    {"code": "Off Track", "label": "Off Track", "colour": "red"},
]
_MONDAY = [
    {"code": "Done", "label": "Done", "colour": "blue"},
    {"code": "Working on it", "label": "Working on it", "colour": "green"},
    {"code": "Stuck", "label": "Stuck", "colour": "red"},
    {"code": "Not started", "label": "Not started", "colour": "white"},
]
_HEALTH = [
    {"code": "Blue", "label": "Complete", "colour": "blue"},
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Yellow", "label": "At risk", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_BRAG = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some risk", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]
_RAG_WORDS = [
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "Some slippage", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_WORDED = [
    {"code": "Complete", "label": "Complete", "colour": "blue"},
    {"code": "On track", "label": "On track", "colour": "green"},
    {"code": "Slipping", "label": "Slipping", "colour": "amber"},
    {"code": "Not on track", "label": "Not on track", "colour": "red"},
]
_SYSTEM = [
    {"code": "Complete", "label": "Complete", "colour": "blue"},
    {"code": "On Target", "label": "On Target", "colour": "green"},
    {"code": "At Risk", "label": "At Risk", "colour": "amber"},
    {"code": "Off Target", "label": "Off Target", "colour": "red"},
]
_FILL = {
    "B": "0070C0", "G": "00B050", "A": "FFC000", "R": "FF0000",
    "Blue": "0070C0", "Green": "00B050", "Amber": "FFC000", "Red": "FF0000", "Yellow": "FFFF00",
    "Complete": "0070C0", "On track": "00B050", "Slipping": "FFC000", "Not on track": "FF0000",
}  # fmt: skip


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def _day(iso: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(iso) if iso else None


def _wrap(sheet: Any) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.alignment is None or not cell.alignment.indent:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


# =============================================================================================
# Kind 1: Microsoft Planner's "Export plan to Excel", a title block over the table


def birchley() -> Plan:
    """Planner's Excel export: plan name, id and export date over the tasks; buckets, real
    dates, two people on one task."""
    people = [
        _person("amira-khan", "Amira Khan", None),
        _person("tom-reeve", "Tom Reeve", None),
        _person("gwen-lloyd", "Gwen Lloyd", None),
    ]
    return Plan(
        "Birchley SEND Improvement Plan",
        "Bucket",
        people,
        _PLANNER,
        ["Progress"],
        [
            Section("1", "Assessment and plans", [
                Act(None, "Issue draft EHC plans within 16 weeks for every new request",
                    "Amira Khan", ["amira-khan"], "27/02/2026", "2026-02-27", ["In progress"]),
                Act(None, "Set up a multi-agency panel to agree assessments weekly",
                    "Amira Khan;Tom Reeve", ["amira-khan", "tom-reeve"], "31/10/2025",
                    "2025-10-31", ["Completed"]),
                Act(None, "Quality assure a sample of annual reviews each month", "Tom Reeve",
                    ["tom-reeve"], "30/04/2026", "2026-04-30", ["Not started"]),
            ]),
            Section("2", "Working with families", [
                Act(None, "Hold termly drop-ins for parents in each locality", "Gwen Lloyd",
                    ["gwen-lloyd"], "19/12/2025", "2025-12-19", ["In progress"]),
                Act(None, "Publish a 'you said, we did' page on the Local Offer", "Gwen Lloyd",
                    ["gwen-lloyd"], "30/01/2026", "2026-01-30", ["Not started"]),
            ]),
        ],
    )  # fmt: skip


def birchley_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Birchley SEND Improvement Pl"
    sheet.append(["Plan name", plan.title])
    sheet.append(["Plan ID", "vR8c2LmQk0uT5yN1aZpwG3UAFh7d"])
    sheet.append(["Date of export", dt.datetime(2025, 11, 14)])
    sheet["B3"].number_format = "dd/mm/yyyy"
    sheet.append([])
    heads = ["Task ID", "Task Name", "Bucket Name", "Progress", "Priority", "Assigned To",
             "Created By", "Created Date", "Start Date", "Due Date", "Late", "Completed Date",
             "Labels"]  # fmt: skip
    sheet.append(heads)
    ids = ["Pq1", "Wd7", "Hn4", "Zc9", "Lr2"]
    n = 0
    for s in plan.sections:
        for a in s.actions:
            done = a.ratings[0] == "Completed"
            sheet.append([
                f"{ids[n]}xT0bVkR3mWsGUA{n}e", a.title, s.title, a.ratings[0], "Medium",
                a.lead_text, "Gwen Lloyd", dt.datetime(2025, 9, 3), None, _day(a.due),
                "false", _day(a.due) if done else None, "Statutory" if n % 2 else "",
            ])  # fmt: skip
            n += 1
    for row in sheet.iter_rows(min_row=6):
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd/mm/yyyy"
    return saved(book)


# =============================================================================================
# Kind 2: Jira CSV, "Summary", "Issue key", "Parent summary", dates "30/Jan/26"


def corringham() -> Plan:
    """Jira's CSV with every column it writes, the epics among the issues as rows of their own,
    dates with times."""
    people = [
        _person("priya-nair", "Priya Nair", None),
        _person("owen-blake", "Owen Blake", None),
        _person("sara-fenn", "Sara Fenn", None),
    ]
    return Plan(
        "Corringham SEND Improvement",
        "Epic",
        people,
        _JIRA,
        ["Status"],
        [
            Section("SENDIP-1", "Timely and good quality EHC plans", [
                Act("SENDIP-4", "Recruit two more educational psychologists", "Priya Nair",
                    ["priya-nair"], "30/Jan/26", "2026-01-30", ["In Progress"]),
                Act("SENDIP-5", "Move EHC needs assessment requests to an online form",
                    "Owen Blake", ["owen-blake"], "15/Dec/25", "2025-12-15", ["Done"]),
                Act("SENDIP-6", "Report weekly on assessments at risk of going over 20 weeks",
                    "Priya Nair", ["priya-nair"], "27/Feb/26", "2026-02-27", ["To Do"]),
            ]),
            Section("SENDIP-2", "Preparing for adulthood", [
                Act("SENDIP-7", "Map supported internship places across the county",
                    "Sara Fenn", ["sara-fenn"], "31/Mar/26", "2026-03-31", ["In Progress"]),
                Act("SENDIP-8", "Start transition reviews from Year 9 in every special school",
                    "Sara Fenn", ["sara-fenn"], "17/Jul/26", "2026-07-17", ["To Do"]),
            ]),
        ],
    )  # fmt: skip


def corringham_csv(plan: Plan) -> bytes:
    heads = ["Issue Type", "Issue key", "Issue id", "Summary", "Assignee", "Reporter",
             "Priority", "Status", "Resolution", "Created", "Updated", "Due date", "Parent",
             "Parent summary", "Labels"]  # fmt: skip
    rows = [heads]
    ident = 20410
    for s in plan.sections:
        epic_id = str(ident)
        ident += 1
        rows.append(["Epic", s.ref, epic_id, s.title, "", "Owen Blake", "Medium", "In Progress",
                     "", "01/Sep/25 9:12 AM", "03/Nov/25 4:40 PM", "", "", "", "SEND"])  # fmt: skip
        for a in s.actions:
            rows.append([
                "Task", a.ref or "", str(ident), a.title, a.lead_text, "Owen Blake", "Medium",
                a.ratings[0], "Done" if a.ratings[0] == "Done" else "", "04/Sep/25 10:02 AM",
                "03/Nov/25 4:40 PM", f"{a.due_text} 12:00 AM", epic_id, s.title, "SEND",
            ])  # fmt: skip
            ident += 1
    return _csv(rows)


def gatcombe() -> Plan:
    """Jira again, cut to a few columns in another order, a workflow of RAG words, dates
    "5/Mar/26", no epic rows."""
    people = [
        _person("dan-cole", "Dan Cole", None),
        _person("leah-moss", "Leah Moss", None),
        _person("ifeoma-eze", "Ifeoma Eze", None),
    ]
    return Plan(
        "Gatcombe Area SEND Plan",
        "Epic",
        people,
        _JIRA_RAG,
        ["Status"],
        [
            Section("GAT-1", "Inclusion in mainstream schools", [
                Act("GAT-11", "Fund an inclusion mentor in every secondary school", "Dan Cole",
                    ["dan-cole"], "5/Mar/26", "2026-03-05", ["On Track"]),
                Act("GAT-12", "Agree a reduced timetable protocol with headteachers",
                    "Leah Moss", ["leah-moss"], "28/Nov/25", "2025-11-28", ["Complete"]),
                Act("GAT-13", "Cut suspensions of pupils with EHC plans by a fifth",
                    "Dan Cole", ["dan-cole"], "31/Jul/26", "2026-07-31", ["At Risk"]),
            ]),
            Section("GAT-2", "Health services", [
                Act("GAT-14", "Clear the waiting list for autism assessment over 52 weeks",
                    "Ifeoma Eze", ["ifeoma-eze"], "30/Sep/26", "2026-09-30", ["Off Track"]),
                Act("GAT-15", "Put a named health contact in each EHC coordinator team",
                    "Ifeoma Eze", ["ifeoma-eze"], "9/Jan/26", "2026-01-09", ["On Track"]),
            ]),
        ],
    )  # fmt: skip


def gatcombe_csv(plan: Plan) -> bytes:
    rows = [["Summary", "Issue key", "Status", "Assignee", "Due Date", "Parent summary",
             "Sprint", "Updated"]]  # fmt: skip
    for s in plan.sections:
        for a in s.actions:
            rows.append([a.title, a.ref or "", a.ratings[0], a.lead_text, a.due_text, s.title,
                         "SEND Q3", "12/Nov/25 2:15 PM"])  # fmt: skip
    return _csv(rows)


# =============================================================================================
# Kind 3: monday.com, each group's name over its own heading row


def dellow() -> Plan:
    """monday.com's Excel export: the board's name, then each group's name over a heading row
    of its own, items under it, a blank row between groups."""
    people = [
        _person("ruth-aske", "Ruth Aske", None),
        _person("mo-farah-jones", "Mo Farah-Jones", None),
        _person("kate-lund", "Kate Lund", None),
    ]
    return Plan(
        "Dellow SEND Partnership Board",
        "Group",
        people,
        _MONDAY,
        ["Status"],
        [
            Section("1", "Early identification", [
                Act(None, "Give every early years setting access to a SENCO network",
                    "Ruth Aske", ["ruth-aske"], "2026-01-16", "2026-01-16", ["Working on it"]),
                Act(None, "Screen two-year-olds' speech at the integrated review",
                    "Kate Lund", ["kate-lund"], "2026-04-30", "2026-04-30", ["Not started"]),
            ]),
            Section("2", "Alternative provision", [
                Act(None, "Commission a register of approved alternative providers",
                    "Mo Farah-Jones", ["mo-farah-jones"], "2025-10-31", "2025-10-31", ["Done"]),
                Act(None, "Visit each unregistered provider at least once a term",
                    "Mo Farah-Jones", ["mo-farah-jones"], "2026-03-27", "2026-03-27",
                    ["Stuck"]),
                Act(None, "Track the attendance of pupils placed in alternative provision",
                    "Ruth Aske", ["ruth-aske"], "2026-02-13", "2026-02-13", ["Working on it"]),
            ]),
        ],
    )  # fmt: skip


def dellow_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Dellow SEND Partnership Board"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    heads = ["Name", "Subitems", "Owner", "Status", "Due date", "Priority", "Item ID"]
    item = 1834200117
    for s in plan.sections:
        sheet.append([s.title])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True, color="579BFC")
        sheet.append(heads)
        for a in s.actions:
            sheet.append([a.title, "", a.lead_text, a.ratings[0], _day(a.due), "Medium",
                          str(item)])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "yyyy-mm-dd"
            item += 37
        sheet.append([])
    return saved(book)


# =============================================================================================
# Kind 4: Smartsheet, parent rows indented over their children, a "Health" column


def eastwick() -> Plan:
    """Smartsheet's Excel export: parent rows (a workstream) over indented child rows, a
    "Health" column of Blue/Green/Yellow/Red, the parents' dates rolled up."""
    people = [
        _person("nadia-rahman", "Nadia Rahman", None),
        _person("chris-hale", "Chris Hale", None),
        _person("elin-pryce", "Elin Pryce", None),
    ]
    return Plan(
        "Eastwick SEND Improvement Programme",
        "Workstream",
        people,
        _HEALTH,
        ["Health"],
        [
            Section("1", "Workstream 1: Joint commissioning", [
                Act(None, "Agree a joint commissioning strategy with the ICB", "Nadia Rahman",
                    ["nadia-rahman"], "31/03/26", "2026-03-31", ["Green"]),
                Act(None, "Pool budgets for jointly funded placements", "Chris Hale",
                    ["chris-hale"], "30/06/26", "2026-06-30", ["Yellow"]),
            ]),
            Section("2", "Workstream 2: Sufficiency of places", [
                Act(None, "Open two resourced provisions for autistic pupils", "Elin Pryce",
                    ["elin-pryce"], "01/09/26", "2026-09-01", ["Red"]),
                Act(None, "Publish a ten-year place planning forecast", "Elin Pryce",
                    ["elin-pryce"], "28/11/25", "2025-11-28", ["Blue"]),
                Act(None, "Review the banding of independent special school places",
                    "Chris Hale", ["chris-hale"], "27/02/26", "2026-02-27", ["Green"]),
            ]),
        ],
    )  # fmt: skip


def eastwick_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "SEND Programme"
    heads = ["Task Name", "Health", "Assigned To", "Start Date", "End Date", "% Complete",
             "Comments"]  # fmt: skip
    sheet.append(heads)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    pct = {"Blue": 1.0, "Green": 0.5, "Yellow": 0.3, "Red": 0.1}
    for s in plan.sections:
        ends = [_day(a.due) for a in s.actions]
        sheet.append([s.title, None, None, dt.datetime(2025, 9, 1),
                      max(d for d in ends if d), None, None])  # fmt: skip
        parent = sheet.max_row
        sheet.cell(parent, 1).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.title, a.ratings[0], a.lead_text, dt.datetime(2025, 9, 1),
                          _day(a.due), pct[a.ratings[0]], "See board paper"])  # fmt: skip
            row = sheet.max_row
            sheet.cell(row, 1).alignment = Alignment(indent=1, wrap_text=True)
            sheet.row_dimensions[row].outline_level = 1
            sheet.cell(row, 6).number_format = "0%"
        for row in sheet.iter_rows(min_row=parent):
            for cell in row[3:5]:
                cell.number_format = "dd/mm/yy"
    return saved(book)


# =============================================================================================
# Kind 5: Planner's CSV cut to a few columns, ISO dates


def fenwick() -> Plan:
    """Planner's CSV cut down to five columns, in another order, ISO dates."""
    people = [
        _person("jo-marsh", "Jo Marsh", None),
        _person("ben-okafor", "Ben Okafor", None),
    ]
    return Plan(
        "Fenwick SEND Action Plan",
        "Bucket",
        people,
        _PLANNER,
        ["Progress"],
        [
            Section("1", "Local Offer", [
                Act(None, "Rewrite the Local Offer's short breaks pages with parents",
                    "Jo Marsh", ["jo-marsh"], "2026-01-30", "2026-01-30", ["In progress"]),
                Act(None, "Add a search by age to the Local Offer directory", "Jo Marsh",
                    ["jo-marsh"], "2025-12-12", "2025-12-12", ["Completed"]),
            ]),
            Section("2", "Workforce", [
                Act(None, "Train all EHC coordinators in person-centred reviews",
                    "Ben Okafor", ["ben-okafor"], "2026-03-20", "2026-03-20", ["Not started"]),
                Act(None, "Induct new SENCOs through a half-day course each term",
                    "Ben Okafor", ["ben-okafor"], "2026-05-22", "2026-05-22", ["In progress"]),
                Act(None, "Survey school staff confidence in meeting needs", "Jo Marsh",
                    ["jo-marsh"], "2026-02-06", "2026-02-06", ["Not started"]),
            ]),
        ],
    )  # fmt: skip


def fenwick_csv(plan: Plan) -> bytes:
    rows = [["Bucket Name", "Task Name", "Progress", "Due Date", "Assigned To"]]
    for s in plan.sections:
        for a in s.actions:
            rows.append([s.title, a.title, a.ratings[0], a.due_text, a.lead_text])
    return _csv(rows)


# =============================================================================================
# Kind 6: two plans side by side, each with its own headings


def hartfield() -> Plan:
    """The council's plan and the health partners' side by side on one sheet, different
    headings and lengths, a title over each block, a blank column between."""
    people = [
        _person("HoI", None, "Head of Inclusion"),
        _person("PEP", None, "Principal Educational Psychologist"),
        _person("DMO", None, "Designated Medical Officer"),
        _person("CTL", None, "CAMHS Team Leader"),
    ]
    return Plan(
        "Hartfield SEND Written Statement of Action",
        "Partner",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("C", "Hartfield County Council", [
                Act("1", "Bring the share of EHC plans issued in 20 weeks above 60%",
                    "Head of Inclusion", ["HoI"], "Mar 2026", "2026-03", ["A"]),
                Act("2", "Set up a graduated response toolkit for schools",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["B"]),
                Act("3", "Recommission the SEND information and advice service",
                    "Head of Inclusion", ["HoI"], "Jun 2026", "2026-06", ["G"]),
            ]),
            Section("H", "Health partners", [
                Act("H1", "Audit health advice in EHC plans every quarter",
                    "Designated Medical Officer", ["DMO"], "Jan 2026", "2026-01", ["G"]),
                Act("H2", "Offer a first CAMHS appointment within eight weeks",
                    "CAMHS Team Leader", ["CTL"], "Sep 2026", "2026-09", ["R"]),
                Act("H3", "Train GPs on their part in EHC needs assessment",
                    "Designated Medical Officer", ["DMO"], "Apr 2026", "2026-04", ["A"]),
                Act("H4", "Publish the neurodevelopmental pathway on the Local Offer",
                    "CAMHS Team Leader", ["CTL"], "Feb 2026", "2026-02", ["G"]),
            ]),
        ],
    )  # fmt: skip


def hartfield_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "WSoA"
    sheet["A1"] = plan.title
    sheet["A1"].font = Font(bold=True, size=14)
    left, right = plan.sections
    sheet.cell(3, 1, "Hartfield County Council actions").font = Font(bold=True)
    sheet.cell(3, 7, "Health partners' actions").font = Font(bold=True)
    lh = ["No.", "Action", "Owner", "Target", "RAG"]
    rh = ["Ref", "What we will do", "Lead officer", "Deadline", "RAG", "Update"]
    for n, head in enumerate(lh):
        sheet.cell(4, 1 + n, head).font = Font(bold=True)
    for n, head in enumerate(rh):
        sheet.cell(4, 7 + n, head).font = Font(bold=True)
    for row, a in enumerate(left.actions, start=5):
        for n, value in enumerate([a.ref, a.title, a.lead_text, a.due_text, a.ratings[0]]):
            sheet.cell(row, 1 + n, value)
        sheet.cell(row, 5).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
    for row, a in enumerate(right.actions, start=5):
        values = [a.ref, a.title, a.lead_text, a.due_text, a.ratings[0],
                  "Discussed at the health sub-group in October."]  # fmt: skip
        for n, value in enumerate(values):
            sheet.cell(row, 7 + n, value)
        sheet.cell(row, 11).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
    sheet.column_dimensions["F"].width = 2
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# Kind 7: a RAG column a month, headed "Sep-25"


def islebrook() -> Plan:
    """A tracker with a BRAG column a month headed "Sep-25" to "Jan-26" as text, letters
    filled, theme rows across the sheet, the last months blank."""
    people = [
        _person("MW", "Mel Ward", None),
        _person("AS", "Arjun Shah", None),
        _person("FC", "Fay Corbett", None),
    ]
    periods = ["Sep-25", "Oct-25", "Nov-25", "Dec-25", "Jan-26"]
    return Plan(
        "Islebrook SEND Improvement Tracker 2025/26",
        "Theme",
        people,
        _BRAG,
        periods,
        [
            Section("A", "Theme A: Identification of need", [
                Act("A1", "Roll out the Islebrook ordinarily available provision guide",
                    "Mel Ward", ["MW"], "Dec-25", "2025-12", ["G", "G", "B", "", ""]),
                Act("A2", "Add SEND support data to every school's annual conversation",
                    "Arjun Shah", ["AS"], "Mar-26", "2026-03", ["A", "A", "G", "", ""]),
                Act("A3", "Offer a SENCO induction to every new SENCO", "Mel Ward", ["MW"],
                    "Jan-26", "2026-01", ["R", "A", "A", "", ""]),
            ]),
            Section("B", "Theme B: Co-production", [
                Act("B1", "Refresh the co-production charter with the parent carer forum",
                    "Fay Corbett", ["FC"], "Nov-25", "2025-11", ["G", "B", "B", "", ""]),
                Act("B2", "Pay young people for their time on interview panels",
                    "Fay Corbett", ["FC"], "Feb-26", "2026-02", ["A", "G", "G", "", ""]),
            ]),
        ],
    )  # fmt: skip


def islebrook_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Key: B = complete, G = on track, A = some risk, R = off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Deadline", *plan.periods])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for s in plan.sections:
        sheet.append([s.title])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=4 + len(plan.periods))  # fmt: skip
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings])
            for n, code in enumerate(a.ratings):
                if code:
                    sheet.cell(sheet.max_row, 5 + n).fill = PatternFill(
                        "solid", fgColor=_FILL[code]
                    )
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# Kind 8: month headings that are real dates


def keldholme() -> Plan:
    """Month headings that are real dates shown "mmm yyyy", worded cells filled, the priority
    repeated in a column of its own on every row, the last month blank."""
    people = [
        _person("SEM", None, "SEND Service Manager"),
        _person("HSI", None, "Head of School Improvement"),
        _person("DCO", None, "Designated Clinical Officer"),
    ]
    periods = ["Oct 2025", "Nov 2025", "Dec 2025"]
    return Plan(
        "Keldholme Priority Action Plan – monthly tracker",
        "Priority",
        people,
        _WORDED,
        periods,
        [
            Section("1", "Priority 1 – Timeliness of EHC plans", [
                Act("1.1", "Add two assessment coordinators to the EHC team",
                    "SEND Service Manager", ["SEM"], "30 Nov 2025", "2025-11-30",
                    ["On track", "Complete", ""]),
                Act("1.2", "Chase overdue professional advice each week",
                    "SEND Service Manager", ["SEM"], "31 Jan 2026", "2026-01-31",
                    ["Slipping", "On track", ""]),
                Act("1.3", "Get health advice returned within six weeks",
                    "Designated Clinical Officer", ["DCO"], "31 Mar 2026", "2026-03-31",
                    ["Not on track", "Slipping", ""]),
            ]),
            Section("2", "Priority 2 – Outcomes at SEN support", [
                Act("2.1", "Moderate SEN support plans in twenty schools",
                    "Head of School Improvement", ["HSI"], "30 Apr 2026", "2026-04-30",
                    ["On track", "On track", ""]),
                Act("2.2", "Share a SEN support outcomes dashboard with governors",
                    "Head of School Improvement", ["HSI"], "30 Jun 2026", "2026-06-30",
                    ["Slipping", "Slipping", ""]),
            ]),
        ],
    )  # fmt: skip


def keldholme_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Monthly"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Priority", "Ref", "Action", "Responsible", "Target date",
                  dt.datetime(2025, 10, 1), dt.datetime(2025, 11, 1),
                  dt.datetime(2025, 12, 1)])  # fmt: skip
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        if isinstance(cell.value, dt.datetime):
            cell.number_format = "mmm yyyy"
    for s in plan.sections:
        for a in s.actions:
            sheet.append([s.title, a.ref, a.title, a.lead_text, _day(a.due), *a.ratings])
            sheet.cell(sheet.max_row, 5).number_format = "d mmm yyyy"
            for n, word in enumerate(a.ratings):
                if word:
                    sheet.cell(sheet.max_row, 6 + n).fill = PatternFill(
                        "solid", fgColor=_FILL[word]
                    )
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# Kind 9: two-row merged group headings


def lenwade() -> Plan:
    """A two-row heading: "The action", "Ownership", "Timescale", "Progress" merged over their
    columns, a title block above."""
    people = [
        _person("AHE", None, "Assistant Head of Education"),
        _person("PCF", None, "Parent Carer Forum Chair"),
        _person("HCS", None, "Head of Children's Social Care"),
    ]
    return Plan(
        "Lenwade Local Area SEND Improvement Plan",
        "Area",
        people,
        _RAG_WORDS,
        ["RAG"],
        [
            Section("1", "Area 1: Communication with families", [
                Act("1a", "Answer parents' emails to the SEND team within five working days",
                    "Assistant Head of Education", ["AHE"], "December 2025", "2025-12",
                    ["Amber"]),
                Act("1b", "Send a termly newsletter on the plan's progress",
                    "Parent Carer Forum Chair", ["PCF"], "January 2026", "2026-01",
                    ["Green"]),
                Act("1c", "Name a caseworker in every EHC plan's covering letter",
                    "Assistant Head of Education", ["AHE"], "February 2026", "2026-02",
                    ["Green"]),
            ]),
            Section("2", "Area 2: Social care input", [
                Act("2a", "Add social care advice to every EHC needs assessment",
                    "Head of Children's Social Care", ["HCS"], "March 2026", "2026-03",
                    ["Red"]),
                Act("2b", "Review short breaks eligibility with families",
                    "Head of Children's Social Care", ["HCS"], "May 2026", "2026-05",
                    ["Amber"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def lenwade_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet["A1"] = plan.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Progress at 30 November 2025"
    groups = [("The action", 1, 2), ("Ownership", 3, 4), ("Timescale", 5, 6),
              ("Progress", 7, 8)]  # fmt: skip
    for text, first, last in groups:
        sheet.cell(4, first, text).font = Font(bold=True)
        sheet.merge_cells(start_row=4, start_column=first, end_row=4, end_column=last)
        sheet.cell(4, first).alignment = Alignment(horizontal="center")
    heads = ["Ref", "Action", "Lead", "Supported by", "Start", "Complete by", "RAG",
             "Commentary"]  # fmt: skip
    for n, head in enumerate(heads):
        sheet.cell(5, 1 + n, head).font = Font(bold=True)
    row = 6
    for s in plan.sections:
        sheet.cell(row, 1, s.title).font = Font(bold=True)
        row += 1
        for a in s.actions:
            values = [a.ref, a.title, a.lead_text, "SEND Partnership", "September 2025",
                      a.due_text, a.ratings[0], "Update to the December board."]  # fmt: skip
            for n, value in enumerate(values):
                sheet.cell(row, 1 + n, value)
            sheet.cell(row, 7).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
            row += 1
    return saved(book)


def rowington() -> Plan:
    """Grouped headings again: "Ref" and "Action" merged down both heading rows, "Who" over
    lead and team, "When" over start and due, "Monitoring" over RAG and evidence."""
    people = [
        _person("lucy-penn", "Lucy Penn", "Head of SEND"),
        _person("omar-said", "Omar Said", "Inclusion Manager"),
        _person("beth-hurst", "Beth Hurst", "Commissioning Lead"),
    ]
    return Plan(
        "Rowington SEND and AP Improvement Plan",
        "Outcome",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("O1", "Outcome 1: Children's needs are met in local schools", [
                Act("O1.1", "Create forty more specialist places within the county",
                    "Beth Hurst", ["beth-hurst"], "Sept 2026", "2026-09", ["A"]),
                Act("O1.2", "Support schools to write inclusive behaviour policies",
                    "Omar Said", ["omar-said"], "Apr 2026", "2026-04", ["G"]),
                Act("O1.3", "Set up an outreach service from the special schools",
                    "Omar Said", ["omar-said"], "Jan 2026", "2026-01", ["G"]),
            ]),
            Section("O2", "Outcome 2: Plans are reviewed on time", [
                Act("O2.1", "Hold every annual review within twelve months", "Lucy Penn",
                    ["lucy-penn"], "Jul 2026", "2026-07", ["R"]),
                Act("O2.2", "Amend plans within four weeks of the review", "Lucy Penn",
                    ["lucy-penn"], "Mar 2026", "2026-03", ["A"]),
            ]),
        ],
    )  # fmt: skip


def rowington_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Improvement plan"
    sheet["A1"] = plan.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.cell(3, 1, "Ref")
    sheet.cell(3, 2, "Action")
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:B4")
    for text, first in (("Who", 3), ("When", 5), ("Monitoring", 7)):
        sheet.cell(3, first, text)
        sheet.merge_cells(start_row=3, start_column=first, end_row=3, end_column=first + 1)
    for n, head in enumerate(["Lead", "Team", "Start", "Due", "RAG", "Evidence"]):
        sheet.cell(4, 3 + n, head)
    for row in sheet.iter_rows(min_row=3, max_row=4):
        for cell in row:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="D9E1F2")
    row = 5
    for s in plan.sections:
        sheet.cell(row, 1, s.ref)
        sheet.cell(row, 2, s.title).font = Font(bold=True)
        row += 1
        for a in s.actions:
            values = [a.ref, a.title, a.lead_text, "SEND Team", "Sept 2025", a.due_text,
                      a.ratings[0], "Board minutes"]  # fmt: skip
            for n, value in enumerate(values):
                sheet.cell(row, 1 + n, value)
            sheet.cell(row, 7).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
            row += 1
    people = book.create_sheet("People")
    people.append(["Name", "Role"])
    for p in plan.people:
        people.append([p["name"], p["role"]])
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# Kind 10: a performance system's export (Excel) and its progress report (PDF)


def marwood() -> Plan:
    """A performance system's Excel export: "Type" says Priority or Action, codes "SIP-01" and
    "SIP-01-02", owner and manager, status words, a per cent, a last comment."""
    people = [
        _person("HB", "Hannah Booth", None),
        _person("VK", "Vikram Kaur", None),
        _person("ED", "Eleanor Dunn", None),
    ]
    return Plan(
        "Marwood SEND Improvement Plan",
        "Priority",
        people,
        _SYSTEM,
        ["Status"],
        [
            Section("SIP-01", "Strengthen leadership and governance of SEND", [
                Act("SIP-01-01", "Set up a SEND Partnership Board with an independent chair",
                    "Hannah Booth", ["HB"], "31/10/2025", "2025-10-31", ["Complete"]),
                Act("SIP-01-02", "Publish a joint SEND strategy for 2026-2029",
                    "Hannah Booth", ["HB"], "31/05/2026", "2026-05-31", ["On Target"]),
            ]),
            Section("SIP-02", "Improve the quality of EHC plans", [
                Act("SIP-02-01", "Introduce a multi-agency quality assurance panel",
                    "Vikram Kaur", ["VK"], "31/12/2025", "2025-12-31", ["At Risk"]),
                Act("SIP-02-02", "Rewrite outcomes in plans so they can be measured",
                    "Eleanor Dunn", ["ED"], "30/04/2026", "2026-04-30", ["Off Target"]),
                Act("SIP-02-03", "Train caseworkers to write with families, not about them",
                    "Vikram Kaur", ["VK"], "28/02/2026", "2026-02-28", ["On Target"]),
            ]),
        ],
    )  # fmt: skip


def marwood_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Export"
    heads = ["Type", "Code", "Name", "Owner", "Manager", "Due Date", "Status", "% Complete",
             "Last Comment", "Last Updated"]  # fmt: skip
    sheet.append(heads)
    pct = {"Complete": 100, "On Target": 60, "At Risk": 40, "Off Target": 10}
    for s in plan.sections:
        sheet.append(["Priority", s.ref, s.title, "Hannah Booth", "Director of Education",
                      None, None, None, None, dt.datetime(2025, 11, 20)])  # fmt: skip
        for a in s.actions:
            sheet.append(["Action", a.ref, a.title, a.lead_text, "Hannah Booth", _day(a.due),
                          a.ratings[0], pct[a.ratings[0]], "Reported to the November board.",
                          dt.datetime(2025, 11, 20)])  # fmt: skip
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd/mm/yyyy"
    return saved(book)


def norbury() -> Plan:
    """A performance system's progress report as PDF: a heading a priority, then a small
    two-column table a record, its labels down the left."""
    people = [
        _person("SG", "Simon Grant", None),
        _person("TA", "Tessa Arden", None),
        _person("YB", "Yusuf Bello", None),
    ]
    return Plan(
        "Norbury SEND Improvement Plan – Progress Report",
        "Priority",
        people,
        _SYSTEM,
        ["Status"],
        [
            Section("N1", "Priority N1: Earlier help", [
                Act("N1.1", "Place a SEND practitioner in each family hub", "Tessa Arden",
                    ["TA"], "31 January 2026", "2026-01-31", ["On Target"]),
                Act("N1.2", "Publish a guide for nurseries on requesting support",
                    "Tessa Arden", ["TA"], "31 October 2025", "2025-10-31", ["Complete"]),
                Act("N1.3", "Cut the wait for portage to six weeks", "Yusuf Bello", ["YB"],
                    "30 June 2026", "2026-06-30", ["At Risk"]),
            ]),
            Section("N2", "Priority N2: Post-16 pathways", [
                Act("N2.1", "Grow supported internships to thirty places a year",
                    "Simon Grant", ["SG"], "31 August 2026", "2026-08-31", ["Off Target"]),
                Act("N2.2", "Hold a careers fair for young people with EHC plans",
                    "Simon Grant", ["SG"], "31 March 2026", "2026-03-31", ["On Target"]),
            ]),
        ],
    )  # fmt: skip


def norbury_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Report run: 02 December 2025 by Simon Grant</p>"
    for s in plan.sections:
        body += f"<h2>{escape(s.title)}</h2>"
        for a in s.actions:
            rows = [("Action code", a.ref or ""), ("Action", a.title),
                    ("Responsible officer", a.lead_text), ("Target date", a.due_text),
                    ("Status", a.ratings[0]),
                    ("Progress note", "Update given to the SEND board in November.")]  # fmt: skip
            body += "<table style='margin-bottom:8pt'>"
            for label, value in rows:
                body += "<tr>" + _td(label, bold=True) + _td(value) + "</tr>"
            body += "</table>"
    return _pdf(body, footer="Norbury Council performance system")


# =============================================================================================
# Kind 11: text with labels in brackets, or between bars


def oakhurst() -> Plan:
    """Pasted text: a numbered priority, numbered actions, each followed by its labels in
    square brackets on a line of their own."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("EYL", None, "Early Years Lead"),
        _person("POL", None, "Post-16 Lead"),
    ]
    return Plan(
        "Oakhurst SEND Improvement Plan",
        "Priority",
        people,
        _RAG_WORDS,
        ["RAG"],
        [
            Section("1", "Early years", [
                Act("1.1", "Extend the inclusion grant to all nursery classes",
                    "Early Years Lead", ["EYL"], "April 2026", "2026-04", ["Green"]),
                Act("1.2", "Give every pre-school a named area SENCO",
                    "Early Years Lead", ["EYL"], "January 2026", "2026-01", ["Amber"]),
                Act("1.3", "Agree one transfer record from nursery to reception",
                    "Head of SEND", ["HSEND"], "July 2026", "2026-07", ["Green"]),
            ]),
            Section("2", "Moving into adulthood", [
                Act("2.1", "Start a travel training scheme for sixteen-year-olds",
                    "Post-16 Lead", ["POL"], "September 2026", "2026-09", ["Red"]),
                Act("2.2", "Write a post-16 section in every Year 11 review",
                    "Post-16 Lead", ["POL"], "March 2026", "2026-03", ["Amber"]),
            ]),
        ],
    )  # fmt: skip


def oakhurst_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "RAG: Green on track, Amber some slippage, Red off track", ""]
    for s in plan.sections:
        lines += [f"{s.ref}. {s.title}", ""]
        for a in s.actions:
            lines.append(f"{a.ref} {a.title}")
            lines.append(f"    [Lead officer: {a.lead_text}; Target: {a.due_text}; "
                         f"RAG: {a.ratings[0]}]")  # fmt: skip
            lines.append("")
    return "\n".join(lines).encode()


def pitsford() -> Plan:
    """Pasted text: an action a line, each part a label and its words between bars, a
    "Priority 1:" line over each group."""
    people = [
        _person("gina-rowe", "Gina Rowe", None),
        _person("phil-amos", "Phil Amos", None),
        _person("zara-quinn", "Zara Quinn", None),
    ]
    return Plan(
        "Pitsford Local Area SEND Action Plan",
        "Priority",
        people,
        _BRAG,
        ["Status"],
        [
            Section("1", "Priority 1: Waiting times for therapies", [
                Act("1.1", "Triage every speech and language referral within two weeks",
                    "Gina Rowe", ["gina-rowe"], "Jan 2026", "2026-01", ["G"]),
                Act("1.2", "Run therapy clinics in school holidays", "Gina Rowe",
                    ["gina-rowe"], "Aug 2026", "2026-08", ["A"]),
                Act("1.3", "Publish waiting times for each therapy on the Local Offer",
                    "Phil Amos", ["phil-amos"], "Nov 2025", "2025-11", ["B"]),
            ]),
            Section("2", "Priority 2: Exclusions", [
                Act("2.1", "Review every permanent exclusion of a pupil with SEND",
                    "Zara Quinn", ["zara-quinn"], "Feb 2026", "2026-02", ["R"]),
                Act("2.2", "Offer schools a SEND-aware exclusion prevention panel",
                    "Zara Quinn", ["zara-quinn"], "Apr 2026", "2026-04", ["A"]),
            ]),
        ],
    )  # fmt: skip


def pitsford_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Status: B complete, G on track, A at some risk, R off track", ""]
    for s in plan.sections:
        lines += [s.title, ""]
        for a in s.actions:
            lines.append(f"Ref: {a.ref} | What: {a.title} | Who: {a.lead_text} | "
                         f"When: {a.due_text} | Status: {a.ratings[0]}")  # fmt: skip
        lines.append("")
    return "\n".join(lines).encode()


# =============================================================================================
# Kind 12: a sheet with an action a column


def quarrington() -> Plan:
    """An action a column: the labels down column A ("Priority", "Ref", "Action", "Lead",
    "Due date", "RAG (Nov 25)"), each action a column to the right."""
    people = [
        _person("HLS", None, "Head of Learning Support"),
        _person("SPM", None, "SEND Programme Manager"),
    ]
    return Plan(
        "Quarrington SEND Plan on a Page",
        "Priority",
        people,
        _RAG_WORDS,
        ["RAG (Nov 25)"],
        [
            Section("1", "Inclusion", [
                Act("Q1", "Set inclusion targets in every school improvement plan",
                    "Head of Learning Support", ["HLS"], "Mar 2026", "2026-03", ["Green"]),
                Act("Q2", "Fund specialist teachers for sensory impairment outreach",
                    "Head of Learning Support", ["HLS"], "Jun 2026", "2026-06", ["Amber"]),
            ]),
            Section("2", "Assurance", [
                Act("Q3", "Report EHC timeliness monthly to the partnership board",
                    "SEND Programme Manager", ["SPM"], "Dec 2025", "2025-12", ["Green"]),
                Act("Q4", "Commission an independent review of the plan in year two",
                    "SEND Programme Manager", ["SPM"], "Sep 2026", "2026-09", ["Red"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def quarrington_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan on a page"
    sheet["A1"] = plan.title
    sheet["A1"].font = Font(bold=True, size=14)
    labels = ["Priority", "Ref", "Action", "Lead", "Due date", "RAG (Nov 25)"]
    for n, label in enumerate(labels, start=3):
        sheet.cell(n, 1, label).font = Font(bold=True)
    column = 2
    for s in plan.sections:
        for a in s.actions:
            values = [s.title, a.ref, a.title, a.lead_text, a.due_text, a.ratings[0]]
            for n, value in enumerate(values, start=3):
                sheet.cell(n, column, value)
            sheet.cell(8, column).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
            column += 1
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Unseen36:
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
    "Jan-26": "2026-01-31",
    "Oct 2025": "2025-10-31",
    "Nov 2025": "2025-11-30",
    "Dec 2025": "2025-12-31",
    "RAG (Nov 25)": "2025-11-30",
}


CORPUS = (
    Unseen36("Birchley Planner workbook", "birchley-plan.xlsx", birchley, birchley_xlsx,
             "xlsx, Planner export with title block"),
    Unseen36("Corringham Jira export", "corringham-jira.csv", corringham, corringham_csv,
             "csv, Jira, epic rows, dates with times"),
    Unseen36("Gatcombe Jira issues", "gatcombe-issues.csv", gatcombe, gatcombe_csv,
             "csv, Jira cut down, RAG workflow"),
    Unseen36("Dellow monday board", "dellow-board.xlsx", dellow, dellow_xlsx,
             "xlsx, monday.com groups over headings"),
    Unseen36("Eastwick Smartsheet", "eastwick-programme.xlsx", eastwick, eastwick_xlsx,
             "xlsx, Smartsheet parents, Health"),
    Unseen36("Fenwick Planner tasks", "fenwick-tasks.csv", fenwick, fenwick_csv,
             "csv, Planner cut to five columns"),
    Unseen36("Hartfield joint WSoA", "hartfield-wsoa.xlsx", hartfield, hartfield_xlsx,
             "xlsx, side by side, own headings"),
    Unseen36("Islebrook monthly tracker", "islebrook-tracker.xlsx", islebrook,
             islebrook_xlsx, "xlsx, BRAG a month 'Sep-25'"),
    Unseen36("Keldholme monthly APP", "keldholme-app.xlsx", keldholme, keldholme_xlsx,
             "xlsx, month dates 'mmm yyyy', words"),
    Unseen36("Lenwade grouped plan", "lenwade-plan.xlsx", lenwade, lenwade_xlsx,
             "xlsx, two-row grouped heading"),
    Unseen36("Rowington grouped plan", "rowington-plan.xlsx", rowington, rowington_xlsx,
             "xlsx, grouped, first columns merged down"),
    Unseen36("Marwood system export", "marwood-export.xlsx", marwood, marwood_xlsx,
             "xlsx, performance system, Type column"),
    Unseen36("Norbury progress report", "norbury-report.pdf", norbury, norbury_pdf,
             "pdf, a label table a record"),
    Unseen36("Oakhurst bracketed plan", "oakhurst-plan.txt", oakhurst, oakhurst_txt,
             "txt, [labels] under each action"),
    Unseen36("Pitsford barred lines", "pitsford-plan.txt", pitsford, pitsford_txt,
             "txt, 'Ref: … | What: …' lines"),
    Unseen36("Quarrington plan on a page", "quarrington-plan.xlsx", quarrington,
             quarrington_xlsx, "xlsx, an action a column"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Unseen36) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Unseen36) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
