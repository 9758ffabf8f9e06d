"""A second set of six plans for round unseen36, written after its first rules (so a weaker
test of "never seen" than the first set, said plainly): more variants of the task-tool and
performance-system kinds the first set's rules touch, each as another tool or another version
of it lays out its export.

- a performance system's Excel export headed "Code | Title | Assigned To | Managed By | Due
  Date | Status | Progress | Latest Note", its priorities as parent rows with no due date;
- its progress report as a PDF, a small table a record: a heading row "Code | Title | Assigned
  To | Due Date | Status", a value row, then a "Latest Note" row across;
- a Smartsheet sheet whose child rows are only indented (no outline kept);
- a Jira Cloud list export headed "Key" (not "Issue key") beside "Summary", the epic named in
  "Epic Link Summary";
- a monday.com board whose "Timeline" column holds a start and an end ("2025-09-01 -
  2026-01-16"), its people under "Person";
- Microsoft Project for the web's Excel export: "Task number | Name | Bucket | Assigned to |
  Start | Finish | % complete", no rating.

Conventions are the first set's (unseen36.py); besides: a timeline's end is the due date; a
plan with no rating column has no status cells. Split by sha256("unseen36-b:" + name), its
first byte odd blind; the set, its bench lines and its figures were committed before any rule
for it.
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
from openpyxl.styles import Alignment, Font

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import Act, Plan, Section, _person
from sendplan.interchange.tests.unseen34x import _pdf, _td

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule for them."""
    return hashlib.sha256(("unseen36-b:" + name).encode()).digest()[0] % 2 == 1


_SYSTEM = [
    {"code": "Complete", "label": "Complete", "colour": "blue"},
    {"code": "On Track", "label": "On Track", "colour": "green"},
    {"code": "Some Concerns", "label": "Some Concerns", "colour": "amber"},
    {"code": "Off Track", "label": "Off Track", "colour": "red"},
]
_RYG = [
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Yellow", "label": "At risk", "colour": "amber"},
    {"code": "Red", "label": "Off track", "colour": "red"},
]
_JIRA = [
    {"code": "Done", "label": "Done", "colour": "blue"},
    {"code": "In Progress", "label": "In Progress", "colour": "green"},
    {"code": "Blocked", "label": "Blocked", "colour": "red"},
    {"code": "To Do", "label": "To Do", "colour": "white"},
]
_MONDAY = [
    {"code": "Done", "label": "Done", "colour": "blue"},
    {"code": "Working on it", "label": "Working on it", "colour": "green"},
    {"code": "Stuck", "label": "Stuck", "colour": "red"},
]


def _day(iso: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(iso) if iso else None


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def ketton() -> Plan:
    people = [
        _person("RP", "Rhian Parry", None),
        _person("MO", "Matt Osei", None),
        _person("CL", "Cara Lowe", None),
    ]
    return Plan(
        "Ketton SEND Improvement Plan",
        "Priority",
        people,
        _SYSTEM,
        ["Status"],
        [
            Section("KSIP 01", "Joined-up assessment", [
                Act("KSIP 01.01", "Hold one multi-agency planning meeting for each new request",
                    "Rhian Parry", ["RP"], "31/01/2026", "2026-01-31", ["On Track"]),
                Act("KSIP 01.02", "Share draft plans with families before panel", "Matt Osei",
                    ["MO"], "30/11/2025", "2025-11-30", ["Complete"]),
            ]),
            Section("KSIP 02", "Sufficiency", [
                Act("KSIP 02.01", "Expand the specialist nursery by twelve places", "Cara Lowe",
                    ["CL"], "31/08/2026", "2026-08-31", ["Some Concerns"]),
                Act("KSIP 02.02", "Agree a capital bid for a new special free school",
                    "Cara Lowe", ["CL"], "31/03/2026", "2026-03-31", ["Off Track"]),
            ]),
        ],
    )  # fmt: skip


def ketton_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan export"
    sheet.append(["Code", "Title", "Assigned To", "Managed By", "Due Date", "Status", "Progress",
                  "Latest Note"])  # fmt: skip
    for s in plan.sections:
        sheet.append([s.ref, s.title, "Rhian Parry", "Director of Education"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, "Rhian Parry", _day(a.due), a.ratings[0],
                          "40%", "Reported to the programme board."])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "dd/mm/yyyy"
    return saved(book)


def linford() -> Plan:
    people = [
        _person("HW", "Helen Ward", None),
        _person("DA", "Dev Anand", None),
    ]
    return Plan(
        "Linford SEND Programme – Progress Report",
        "Priority",
        people,
        _SYSTEM,
        ["Status"],
        [
            Section("LP1", "LP1 Communication", [
                Act("LP1.1", "Send every family a named contact within five days", "Helen Ward",
                    ["HW"], "31-Jan-2026", "2026-01-31", ["On Track"]),
                Act("LP1.2", "Publish the monthly SEND newsletter", "Helen Ward", ["HW"],
                    "30-Nov-2025", "2025-11-30", ["Complete"]),
            ]),
            Section("LP2", "LP2 Health", [
                Act("LP2.1", "Agree a joint autism pathway with the trust", "Dev Anand", ["DA"],
                    "30-Jun-2026", "2026-06-30", ["Some Concerns"]),
                Act("LP2.2", "Bring occupational therapy waits under 18 weeks", "Dev Anand",
                    ["DA"], "31-Mar-2026", "2026-03-31", ["Off Track"]),
            ]),
        ],
    )  # fmt: skip


def linford_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Produced 05-Dec-2025</p>"
    heads = ["Code", "Title", "Assigned To", "Due Date", "Status"]
    for s in plan.sections:
        body += f"<h2>{escape(s.title)}</h2>"
        for a in s.actions:
            body += "<table style='margin-bottom:8pt'><tr>"
            body += "".join(f"<th>{h}</th>" for h in heads) + "</tr><tr>"
            body += "".join(_td(t) for t in [a.ref or "", a.title, a.lead_text, a.due_text,
                                             a.ratings[0]])  # fmt: skip
            body += "</tr><tr>" + _td("Latest Note", bold=True)
            body += _td("Update taken to the November board.", colspan=4) + "</tr></table>"
    return _pdf(body, footer="Linford Council performance report")


def moreton() -> Plan:
    people = [
        _person("sian-ellis", "Sian Ellis", None),
        _person("paul-rudd", "Paul Rudd", None),
    ]
    return Plan(
        "Moreton SEND Plan",
        "Workstream",
        people,
        _RYG,
        ["Status"],
        [
            Section("1", "Preparing for adulthood", [
                Act(None, "Start a supported employment forum with local firms", "Sian Ellis",
                    ["sian-ellis"], "27/03/26", "2026-03-27", ["Green"]),
                Act(None, "Add independent living goals to Year 10 reviews", "Sian Ellis",
                    ["sian-ellis"], "29/05/26", "2026-05-29", ["Yellow"]),
            ]),
            Section("2", "Alternative provision", [
                Act(None, "Set quality standards for every alternative provider", "Paul Rudd",
                    ["paul-rudd"], "30/01/26", "2026-01-30", ["Red"]),
                Act(None, "Review each pupil's placement every six weeks", "Paul Rudd",
                    ["paul-rudd"], "24/04/26", "2026-04-24", ["Green"]),
            ]),
        ],
    )  # fmt: skip


def moreton_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Moreton SEND Plan"
    sheet.append(["Task Name", "Status", "Assigned To", "Start", "Finish", "Notes"])
    for s in plan.sections:
        sheet.append([s.title, None, None, dt.datetime(2025, 9, 1),
                      max(_day(a.due) or dt.datetime.min for a in s.actions), None])  # fmt: skip
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.title, a.ratings[0], a.lead_text, dt.datetime(2025, 9, 1),
                          _day(a.due), ""])  # fmt: skip
            sheet.cell(sheet.max_row, 1).alignment = Alignment(indent=2)
    for row in sheet.iter_rows(min_row=2):
        for cell in row[3:5]:
            cell.number_format = "dd/mm/yy"
    return saved(book)


def netherby() -> Plan:
    people = [
        _person("amy-frost", "Amy Frost", None),
        _person("kwame-asante", "Kwame Asante", None),
    ]
    return Plan(
        "Netherby SEND issues",
        "Epic",
        people,
        _JIRA,
        ["Status"],
        [
            Section("NSP-1", "Annual reviews", [
                Act("NSP-21", "Clear the backlog of annual reviews over twelve months",
                    "Amy Frost", ["amy-frost"], "13/Mar/26", "2026-03-13", ["In Progress"]),
                Act("NSP-22", "Send review paperwork to schools six weeks ahead", "Amy Frost",
                    ["amy-frost"], "21/Nov/25", "2025-11-21", ["Done"]),
            ]),
            Section("NSP-2", "Tribunals", [
                Act("NSP-23", "Offer mediation before every tribunal appeal", "Kwame Asante",
                    ["kwame-asante"], "30/Jan/26", "2026-01-30", ["Blocked"]),
                Act("NSP-24", "Learn from each tribunal decision at a monthly panel",
                    "Kwame Asante", ["kwame-asante"], "29/May/26", "2026-05-29", ["To Do"]),
            ]),
        ],
    )  # fmt: skip


def netherby_csv(plan: Plan) -> bytes:
    rows = [["Issue Type", "Key", "Summary", "Assignee", "Reporter", "Priority", "Status",
             "Resolution", "Created", "Updated", "Due date", "Epic Link Summary"]]  # fmt: skip
    for s in plan.sections:
        for a in s.actions:
            rows.append(["Story", a.ref or "", a.title, a.lead_text, "Amy Frost", "Medium",
                         a.ratings[0], "Done" if a.ratings[0] == "Done" else "Unresolved",
                         "02/Sep/25 9:30 AM", "28/Nov/25 3:05 PM", a.due_text,
                         s.title])  # fmt: skip
    return _csv(rows)


def oxenhope() -> Plan:
    people = [
        _person("lara-finch", "Lara Finch", None),
        _person("ed-morgan", "Ed Morgan", None),
    ]
    return Plan(
        "Oxenhope Inclusion Board",
        "Group",
        people,
        _MONDAY,
        ["Status"],
        [
            Section("1", "Schools", [
                Act(None, "Visit every school with rising suspensions this term", "Lara Finch",
                    ["lara-finch"], "2025-09-01 - 2025-12-19", "2025-12-19", ["Done"]),
                Act(None, "Pilot a nurture group in three primary schools", "Lara Finch",
                    ["lara-finch"], "2025-11-03 - 2026-03-27", "2026-03-27", ["Working on it"]),
                Act(None, "Publish an inclusion charter signed by heads", "Ed Morgan",
                    ["ed-morgan"], "2026-01-05 - 2026-05-22", "2026-05-22", ["Stuck"]),
            ]),
            Section("2", "Families", [
                Act(None, "Run a parents' inclusion forum each half term", "Ed Morgan",
                    ["ed-morgan"], "2025-10-01 - 2026-07-17", "2026-07-17", ["Working on it"]),
            ]),
        ],
    )  # fmt: skip


def oxenhope_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Oxenhope Inclusion Board"
    sheet.append([plan.title])
    for s in plan.sections:
        sheet.append([])
        sheet.append([s.title])
        sheet.append(["Name", "Person", "Status", "Timeline", "Last updated"])
        for a in s.actions:
            sheet.append([a.title, a.lead_text, a.ratings[0], a.due_text,
                          "Lara Finch 20 Nov, 2025"])  # fmt: skip
    return saved(book)


def pelsall() -> Plan:
    people = [
        _person("gail-tate", "Gail Tate", None),
        _person("rob-ng", "Rob Ng", None),
    ]
    return Plan(
        "Pelsall SEND Improvement",
        "Bucket",
        people,
        [],
        [],
        [
            Section("1", "Workforce", [
                Act("1", "Appoint an autism advisory teacher", "Gail Tate", ["gail-tate"],
                    "16/01/2026", "2026-01-16"),
                Act("2", "Train every SENCO in writing outcomes", "Rob Ng", ["rob-ng"],
                    "27/03/2026", "2026-03-27"),
            ]),
            Section("2", "Data", [
                Act("3", "Build a dashboard of EHC timeliness for the board", "Rob Ng",
                    ["rob-ng"], "28/11/2025", "2025-11-28"),
                Act("4", "Match school census and EHC data each term", "Gail Tate",
                    ["gail-tate"], "24/04/2026", "2026-04-24"),
            ]),
        ],
    )  # fmt: skip


def pelsall_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tasks"
    sheet.append(["Project name", plan.title])
    sheet.append(["Exported", dt.datetime(2025, 11, 20)])
    sheet.append([])
    sheet.append(["Task number", "Name", "Bucket", "Assigned to", "Start", "Finish",
                  "% complete", "Priority"])  # fmt: skip
    for s in plan.sections:
        for a in s.actions:
            sheet.append([int(a.ref or 0), a.title, s.title, a.lead_text,
                          dt.datetime(2025, 9, 1), _day(a.due), 0.25, "Medium"])  # fmt: skip
            sheet.cell(sheet.max_row, 7).number_format = "0%"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd/mm/yyyy"
    return saved(book)


@dataclass(frozen=True)
class Second:
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
    Second("Ketton system export", "ketton-export.xlsx", ketton, ketton_xlsx,
           "xlsx, Code/Title/Assigned To, parents"),
    Second("Linford progress report", "linford-report.pdf", linford, linford_pdf,
           "pdf, a headed table a record, Latest Note"),
    Second("Moreton Smartsheet", "moreton-plan.xlsx", moreton, moreton_xlsx,
           "xlsx, Smartsheet, children indented only"),
    Second("Netherby Jira list", "netherby-issues.csv", netherby, netherby_csv,
           "csv, Jira Cloud 'Key', epic summary"),
    Second("Oxenhope monday board", "oxenhope-board.xlsx", oxenhope, oxenhope_xlsx,
           "xlsx, monday, Person, Timeline range"),
    Second("Pelsall Project export", "pelsall-tasks.xlsx", pelsall, pelsall_xlsx,
           "xlsx, Project for the web, no rating"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Second) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Second) -> list[accuracy.Figure]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
