"""Plans kept in a task or project tool and exported from it (round exports35).

Not every area keeps its plan in Word or Excel: some run it as a board in Microsoft Planner,
Asana, Jira, monday.com, Smartsheet or Microsoft Project, and bring it to sendplan as the file
the tool exports. Those files are tables, but their headings are the tool's own ("Task Name",
"Bucket Name", "Assigned To", "Section/Column", "Issue key", "Resource Names") and they carry
the tool's record-keeping beside the plan: who made each task and when, when it was last
changed, flags, checklist counts, labels, opaque ids. These eight were written by hand from how
each tool lays out its export, before the importer was run on any of them; councils, officers
and posts are invented and no child is named.

Conventions of the hand-entered plans (unseen19's stand where they apply):

- the tool's group of tasks (Planner's bucket, Asana's section, Jira's parent epic, a monday
  group, Project's or Smartsheet's summary row) is the section;
- the person a task is assigned to is its lead; two people assigned are both leads;
- the due date is the due date, or Project's "Finish"; a start date is not scored;
- the tool's status (Planner's "Progress", Jira's "Status", monday's "Status", a custom "RAG
  Status" field, Smartsheet's "Health") is the one rating, in a period named by its heading;
  a per cent complete is no rating;
- opaque ids (Planner's and Asana's task ids) are no refs; a Jira issue key and Project's ID,
  which people quote, are;
- who created or completed a task, when, labels, tags, priorities, checklists and
  descriptions are no part of the plan's actions as scored.

`blind` splits the plans by a hash fixed before any rule was written (see EXPORTS35.md).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy
from sendplan.interchange.tests.unseen19 import Act, Plan, Section, _person

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before they were scored."""
    return hashlib.sha256(f"exports35:{name}".encode()).digest()[0] % 2 == 1


_PLANNER_SCALE = [
    {"code": "Completed", "label": "Completed", "colour": "blue"},
    {"code": "In progress", "label": "In progress", "colour": "green"},
    {"code": "Not started", "label": "Not started", "colour": "white"},
]
_RAG_SCALE = [
    {"code": "Green", "label": "Green", "colour": "green"},
    {"code": "Amber", "label": "Amber", "colour": "amber"},
    {"code": "Red", "label": "Red", "colour": "red"},
]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def _actions(plan: Plan) -> list[tuple[Section, Act]]:
    return [(s, a) for s in plan.sections for a in s.actions]


def _iso(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


# =============================================================================================
# Microsoft Planner


_PLANNER_HEADS = [
    "Task ID", "Task Name", "Bucket Name", "Progress", "Priority", "Assigned To", "Created By",
    "Created Date", "Start Date", "Due Date", "Is Recurring", "Late", "Completed Date",
    "Completed By", "Completed Checklist Items", "Checklist Items", "Labels", "Description",
]  # fmt: skip

_OPAQUE = [
    "pZ3k8VbQw0yT1aR4mN6cLGUAHx2f", "Q7tY2mLk90aP3sVb8NcWeGUAJd4r", "h5RkT0vq2WnE8aZy1LcPGUAAe7m3",
    "Xb9wL3eR7tQk2mNa5YzdGUACv0s1", "3dFq8LmZr6VwT1kP0BnsGUAFy9e2", "Kc2nV7xH4pQr9tLm3WadGUAEb5u6",
    "uT8eM1zQ6sKd4vRn2YpfGUADc3w9", "N4aP9rWc1kLx7eTm0ZqbGUABs8v5",
]  # fmt: skip


def aldwick() -> Plan:
    people = [
        _person("SO", "Sophie Okafor", None),
        _person("RD", "Rob Denton", None),
        _person("AK", "Amira Khan", None),
    ]
    return Plan(
        "Aldwick SEND Improvement Plan (Planner)",
        "Bucket",
        people,
        _PLANNER_SCALE,
        ["Progress"],
        [
            Section("1", "WSoA 1: EHC needs assessment timeliness", [
                Act(None, "Clear the backlog of needs assessments waiting over 20 weeks",
                    "Sophie Okafor", ["SO"], "31/01/2026", "2026-01-31", ["In progress"]),
                Act(None, "Recruit two educational psychologists on fixed-term contracts",
                    "Sophie Okafor;Rob Denton", ["SO", "RD"], "28/11/2025", "2025-11-28",
                    ["Completed"]),
                Act(None, "Report weekly timeliness figures to the SEND Partnership Board",
                    "Rob Denton", ["RD"], "19/12/2025", "2025-12-19", ["Completed"]),
            ]),
            Section("2", "WSoA 2: Quality of EHC plans", [
                Act(None, "Audit twenty plans a month with the parent carer forum",
                    "Amira Khan", ["AK"], "27/02/2026", "2026-02-27", ["In progress"]),
                Act(None, "Train all SEND caseworkers in outcome-focused writing",
                    "Amira Khan", ["AK"], "31/03/2026", "2026-03-31", ["Not started"]),
            ]),
        ],
    )  # fmt: skip


def aldwick_csv(plan: Plan) -> bytes:
    rows = [_PLANNER_HEADS]
    for number, (s, a) in enumerate(_actions(plan)):
        done = a.ratings[0] == "Completed"
        rows.append([
            _OPAQUE[number], a.title, s.title, a.ratings[0],
            ["Important", "Medium", "Urgent", "Medium", "Low"][number % 5],
            a.lead_text, "Karen Whitfield", "08/09/2025",
            "15/09/2025" if number % 2 else "", a.due_text, "false",
            "true" if number == 3 else "false", a.due_text if done else "",
            a.lead_text.split(";")[0] if done else "", "1/2" if number % 2 else "0/0",
            "Draft;Agree" if number % 2 else "", "WSoA" if number < 3 else "Quality",
            "Reported to the board monthly." if number == 0 else "",
        ])  # fmt: skip
    return _csv(rows)


def brereton() -> Plan:
    people = [
        _person("JL", "Jasmine Lowe", None),
        _person("TB", "Tom Bright", None),
    ]
    return Plan(
        "Brereton APP tasks",
        "Bucket",
        people,
        _PLANNER_SCALE,
        ["Progress"],
        [
            Section("1", "Priority 1 - Joint commissioning", [
                Act(None, "Agree a joint commissioning strategy with the ICB", "Jasmine Lowe",
                    ["JL"], "30/04/2026", "2026-04-30", ["In progress"]),
                Act(None, "Map therapy provision across both localities", "Tom Bright", ["TB"],
                    "16/01/2026", "2026-01-16", ["Completed"]),
            ]),
            Section("2", "Priority 2 - Preparation for adulthood", [
                Act(None, "Publish a preparing for adulthood pathway", "Tom Bright", ["TB"],
                    "29/05/2026", "2026-05-29", ["Not started"]),
                Act(None, "Hold transition reviews from Year 9 for every young person",
                    "Jasmine Lowe", ["JL"], "31/07/2026", "2026-07-31", ["In progress"]),
            ]),
        ],
    )  # fmt: skip


def brereton_xlsx(plan: Plan) -> bytes:
    """Planner's "Export plan to Excel": the plan's name, id and date of export over the
    table, dates as real dates."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tasks"
    sheet.append(["Plan name", plan.title])
    sheet.append(["Plan ID", "rB2xY8kLq0mT6vWn4cPzGUAHf1e"])
    sheet.append(["Date of export", dt.date(2025, 12, 2)])
    sheet.append([])
    sheet.append(_PLANNER_HEADS)
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    for number, (s, a) in enumerate(_actions(plan)):
        due = _iso(a.due)
        done = a.ratings[0] == "Completed"
        sheet.append([
            _OPAQUE[7 - number], a.title, s.title, a.ratings[0], "Medium", a.lead_text,
            "Priya Raman", dt.date(2025, 9, 1), None, due, False, False,
            due if done else None, a.lead_text if done else None, "0/0", None, None, None,
        ])  # fmt: skip
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def hawkridge() -> Plan:
    people = [
        _person("LM", "Lucy Marsh", None),
        _person("OA", "Olu Adebayo", None),
        _person("CF", "Chris Fenn", None),
    ]
    return Plan(
        "Hawkridge SEND tasks",
        "Bucket",
        people,
        _PLANNER_SCALE,
        ["Progress"],
        [
            Section("1", "Local Offer", [
                Act(None, "Rewrite the Local Offer pages on short breaks with families",
                    "Lucy Marsh", ["LM"], "2026-02-13", "2026-02-13", ["In progress"]),
                Act(None, "Add a feedback button to every Local Offer page", "Olu Adebayo",
                    ["OA"], "2025-12-12", "2025-12-12", ["Completed"]),
            ]),
            Section("2", "Alternative provision", [
                Act(None, "Commission twelve more alternative provision places", "Chris Fenn",
                    ["CF"], "2026-06-30", "2026-06-30", ["Not started"]),
                Act(None, "Check every unregistered provider used against the new standard",
                    "Chris Fenn", ["CF"], "2026-03-31", "2026-03-31", ["In progress"]),
            ]),
        ],
    )  # fmt: skip


def hawkridge_csv(plan: Plan) -> bytes:
    rows = [["Task Name", "Bucket Name", "Assigned To", "Due date", "Progress", "Priority"]]
    for number, (s, a) in enumerate(_actions(plan)):
        rows.append([a.title, s.title, a.lead_text, a.due_text, a.ratings[0],
                     ["Urgent", "Important", "Medium", "Low"][number % 4]])  # fmt: skip
    return _csv(rows)


# =============================================================================================
# Asana


def cransley() -> Plan:
    people = [
        _person("HW", "Hannah Wells", None),
        _person("DM", "Dev Mistry", None),
        _person("GO", "Grace Obi", None),
    ]
    return Plan(
        "Cransley SEND Strategy Action Plan",
        "Section",
        people,
        _RAG_SCALE,
        ["RAG Status"],
        [
            Section("1", "Inclusion in mainstream schools", [
                Act(None, "Launch an inclusion quality mark for primary schools",
                    "Hannah Wells", ["HW"], "2026-03-31", "2026-03-31", ["Amber"]),
                Act(None, "Fund outreach from the special schools to mainstream",
                    "Dev Mistry", ["DM"], "2026-01-30", "2026-01-30", ["Green"]),
            ]),
            Section("2", "Emotional wellbeing", [
                Act(None, "Place mental health support teams in six more schools",
                    "Grace Obi", ["GO"], "2026-09-01", "2026-09-01", ["Red"]),
                Act(None, "Agree a pathway for emotionally based school avoidance",
                    "Hannah Wells", ["HW"], "2025-12-19", "2025-12-19", ["Green"]),
                Act(None, "Train designated mental health leads in every secondary",
                    "Grace Obi", ["GO"], "2026-07-17", "2026-07-17", ["Amber"]),
            ]),
        ],
    )  # fmt: skip


def cransley_csv(plan: Plan) -> bytes:
    """Asana's CSV export: its own columns, then the project's custom field."""
    heads = ["Task ID", "Created At", "Completed At", "Last Modified", "Name", "Section/Column",
             "Assignee", "Assignee Email", "Start Date", "Due Date", "Tags", "Notes",
             "Projects", "Parent task", "RAG Status"]  # fmt: skip
    rows = [heads]
    for number, (s, a) in enumerate(_actions(plan)):
        email = a.lead_text.lower().replace(" ", ".") + "@cransley.gov.uk"
        rows.append([
            str(1209934471203311 + number * 7919), "2025-09-03", "", "2025-11-2" + str(number),
            a.title, s.title, a.lead_text, email, "", a.due_text,
            "SEND strategy" if number % 2 else "", "Update at each steering group." if number
            == 1 else "", "SEND Strategy 2025-28", "", a.ratings[0],
        ])  # fmt: skip
    return _csv(rows)


# =============================================================================================
# Jira


def dunford() -> Plan:
    people = [
        _person("MP", "Maya Patel", None),
        _person("IC", "Ian Crowther", None),
    ]
    scale = [
        {"code": "Done", "label": "Done", "colour": "blue"},
        {"code": "In Progress", "label": "In Progress", "colour": "green"},
        {"code": "To Do", "label": "To Do", "colour": "white"},
    ]
    return Plan(
        "Dunford SEND improvement programme",
        "Epic",
        people,
        scale,
        ["Status"],
        [
            Section("1", "Annual reviews on time", [
                Act("SEND-14", "Set up an annual review tracker shared with schools",
                    "Maya Patel", ["MP"], "30/Jan/26", "2026-01-30", ["In Progress"]),
                Act("SEND-15", "Hold annual reviews for every Year 6 pupil by February",
                    "Ian Crowther", ["IC"], "27/Feb/26", "2026-02-27", ["To Do"]),
            ]),
            Section("2", "Co-production with families", [
                Act("SEND-21", "Co-produce the SEND newsletter with the parent carer forum",
                    "Maya Patel", ["MP"], "12/Dec/25", "2025-12-12", ["Done"]),
                Act("SEND-22", "Run four family listening events across the county",
                    "Ian Crowther", ["IC"], "31/Mar/26", "2026-03-31", ["In Progress"]),
            ]),
        ],
    )  # fmt: skip


def dunford_csv(plan: Plan) -> bytes:
    heads = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority",
             "Assignee", "Reporter", "Creator", "Created", "Updated", "Due date", "Labels",
             "Parent summary"]  # fmt: skip
    rows = [heads]
    for number, (s, a) in enumerate(_actions(plan)):
        rows.append([
            a.title, a.ref or "", str(10214 + number), "Task", a.ratings[0],
            ["High", "Medium"][number % 2], a.lead_text, "Nina Shah", "Nina Shah",
            "02/Sep/25 9:14 AM", f"0{number + 1}/Dec/25 4:0{number} PM", a.due_text,
            "WSoA", s.title,
        ])  # fmt: skip
    return _csv(rows)


# =============================================================================================
# monday.com


def emberton() -> Plan:
    people = [
        _person("BF", "Bea Fraser", None),
        _person("KN", "Kwame Nyarko", None),
        _person("SL", "Sian Lloyd", None),
    ]
    scale = [
        {"code": "Done", "label": "Done", "colour": "green"},
        {"code": "Working on it", "label": "Working on it", "colour": "amber"},
        {"code": "Stuck", "label": "Stuck", "colour": "red"},
    ]
    return Plan(
        "Emberton Written Statement of Action",
        "Group",
        people,
        scale,
        ["Status"],
        [
            Section("1", "Area 1 - Identifying needs early", [
                Act(None, "Roll out the early years SEND toolkit to all nurseries",
                    "Bea Fraser", ["BF"], "2026-01-23", "2026-01-23", ["Working on it"]),
                Act(None, "Give health visitors a referral route to the SEND team",
                    "Kwame Nyarko", ["KN"], "2025-11-28", "2025-11-28", ["Done"]),
            ]),
            Section("2", "Area 2 - Communication with families", [
                Act(None, "Answer every family's email within five working days",
                    "Sian Lloyd", ["SL"], "2025-12-31", "2025-12-31", ["Stuck"]),
                Act(None, "Send families a named caseworker letter at the start of assessment",
                    "Sian Lloyd", ["SL"], "2026-02-27", "2026-02-27", ["Working on it"]),
            ]),
        ],
    )  # fmt: skip


def emberton_xlsx(plan: Plan) -> bytes:
    """monday.com's board export: the board's name, then each group's name over its own
    heading row and items."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "WSoA board"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    for s in plan.sections:
        sheet.append([s.title])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append(["Name", "Person", "Status", "Date", "Notes", "Item ID"])
        for number, a in enumerate(s.actions):
            sheet.append([a.title, a.lead_text, a.ratings[0], _iso(a.due),
                          "Chased in November" if number else "",
                          str(1834012345 + number)])  # fmt: skip
            sheet.cell(sheet.max_row, 4).number_format = "yyyy-mm-dd"
        sheet.append([])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# =============================================================================================
# Microsoft Project and Smartsheet: summary rows over their tasks


def felsham() -> Plan:
    people = [
        _person("PG", "Paula Grant", None),
        _person("EH", "Ewan Hughes", None),
    ]
    return Plan(
        "Felsham SEND sufficiency programme",
        "Summary task",
        people,
        [],
        [],
        [
            Section("1", "Special school places", [
                Act("2", "Agree the design of the new special free school", "Paula Grant",
                    ["PG"], "Fri 27/02/26", "2026-02-27"),
                Act("3", "Open two resourced provisions in secondary schools", "Ewan Hughes",
                    ["EH"], "Mon 31/08/26", "2026-08-31"),
                Act("4", "Expand the autism base at Hillside Primary", "Ewan Hughes", ["EH"],
                    "Fri 17/07/26", "2026-07-17"),
            ]),
            Section("5", "Post-16 pathways", [
                Act("6", "Commission supported internships with two employers", "Paula Grant",
                    ["PG"], "Fri 29/05/26", "2026-05-29"),
                Act("7", "Publish the post-16 SEND offer with the college", "Paula Grant",
                    ["PG"], "Wed 30/09/26", "2026-09-30"),
            ]),
        ],
    )  # fmt: skip


def felsham_xlsx(plan: Plan) -> bytes:
    """Microsoft Project's "Export to Excel": a row a task, summary tasks among them with an
    outline level of 1, dates as Project writes them ("Fri 27/02/26")."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Task_Table1"
    sheet.append(["ID", "Task Name", "Duration", "Start", "Finish", "Resource Names",
                  "% Complete", "Outline Level", "Predecessors"])  # fmt: skip
    for s in plan.sections:
        last = s.actions[-1].due_text
        sheet.append([int(s.ref), s.title, "180 days", "Mon 01/09/25", last, "", "35%", 1, ""])
        for number, a in enumerate(s.actions):
            sheet.append([int(a.ref or 0), a.title, f"{40 + number * 20} days", "Mon 01/09/25",
                          a.due_text, a.lead_text, f"{number * 25}%", 2,
                          str(int(a.ref or 0) - 1) if number else ""])  # fmt: skip
            sheet.cell(sheet.max_row, 2).alignment = Alignment(indent=1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def greatham() -> Plan:
    people = [
        _person("RA", "Rachel Ames", None),
        _person("FK", "Femi Kolade", None),
    ]
    scale = [
        {"code": "Green", "label": "Green", "colour": "green"},
        {"code": "Yellow", "label": "Yellow", "colour": "amber"},
        {"code": "Red", "label": "Red", "colour": "red"},
    ]
    return Plan(
        "Greatham Accelerated Progress Plan",
        "Parent row",
        people,
        scale,
        ["Health"],
        [
            Section("1", "Priority 1: Waiting times for neurodevelopmental assessment", [
                Act(None, "Commission an independent provider to assess 400 children",
                    "Femi Kolade", ["FK"], "31/03/26", "2026-03-31", ["Yellow"]),
                Act(None, "Offer families support while they wait through the Hub",
                    "Rachel Ames", ["RA"], "30/01/26", "2026-01-30", ["Green"]),
            ]),
            Section("2", "Priority 2: Use of the local area's data", [
                Act(None, "Build a shared SEND dashboard for education, health and care",
                    "Rachel Ames", ["RA"], "30/04/26", "2026-04-30", ["Red"]),
                Act(None, "Review the dashboard at each Improvement Board",
                    "Femi Kolade", ["FK"], "30/06/26", "2026-06-30", ["Green"]),
            ]),
        ],
    )  # fmt: skip


def greatham_xlsx(plan: Plan) -> bytes:
    """Smartsheet's export: parent rows (the priorities) over their child rows, indented; the
    "Health" column holds its symbols' names."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "APP"
    sheet.append(["Task Name", "Assigned To", "Start Date", "End Date", "% Complete",
                  "Health", "Comments", "Modified By", "Modified"])  # fmt: skip
    for s in plan.sections:
        sheet.append([s.title, "", "01/09/25", s.actions[-1].due_text, "", "", "",
                      "rachel.ames@greatham.gov.uk", "01/12/25 10:02"])  # fmt: skip
        for number, a in enumerate(s.actions):
            sheet.append([a.title, a.lead_text, "01/10/25", a.due_text, f"{50 + number * 20}%",
                          a.ratings[0], "" if number else "See board paper",
                          "femi.kolade@greatham.gov.uk", "28/11/25 16:40"])  # fmt: skip
            sheet.cell(sheet.max_row, 1).alignment = Alignment(indent=1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# =============================================================================================


@dataclass(frozen=True)
class Export35:
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
    Export35("Aldwick Planner export", "aldwick-tasks.csv", aldwick, aldwick_csv,
             "Planner CSV, every column"),
    Export35("Brereton Planner workbook", "Brereton APP tasks.xlsx", brereton, brereton_xlsx,
             "Planner to Excel, plan details over the table"),
    Export35("Cransley Asana export", "cransley-strategy.csv", cransley, cransley_csv,
             "Asana CSV, sections, RAG custom field"),
    Export35("Dunford Jira export", "dunford-jira.csv", dunford, dunford_csv,
             "Jira CSV, issue keys, parent epics"),
    Export35("Emberton Monday board", "emberton-wsoa.xlsx", emberton, emberton_xlsx,
             "monday.com, a group a heading row"),
    Export35("Felsham Project plan", "felsham-programme.xlsx", felsham, felsham_xlsx,
             "Project to Excel, summary tasks, Finish"),
    Export35("Greatham Smartsheet", "greatham-app.xlsx", greatham, greatham_xlsx,
             "Smartsheet, parent rows, Health"),
    Export35("Hawkridge Planner list", "hawkridge-tasks.csv", hawkridge, hawkridge_csv,
             "Planner CSV, a few columns, ISO dates"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Export35) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Export35) -> list[accuracy.Figure]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
