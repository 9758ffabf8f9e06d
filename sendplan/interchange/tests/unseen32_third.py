"""A third set of five plans for round unseen32, written after its first five rules.

The second set (`unseen32_second.py`) read whole on its dev half after three more rules. These
five were written then, in layouts none of the sets nor the earlier rounds' notes hold: the
weakest test of the three, as each was written knowing more of the importer. They keep the
first set's conventions (see `unseen32.py`) and are split by a hash of their own
("unseen32c:"), fixed before they were scored:

- a plan exported from a notes tool as Markdown and pasted as text: "### 1.1 Title", then
  "- **Lead:** …" lines;
- a task list exported from Microsoft Planner as CSV ("Task Name, Bucket Name, Progress,
  Assigned To, Due date"), the bucket the priority, dates as dd/mm/yyyy;
- a report's actions as paragraphs, "Action 2.3 – Title. Responsible: …. Timescale: ….
  RAG: Amber.";
- an Excel tracker rated only by the colour of its RAG cells, with no word in them, the
  colours keyed on a sheet of their own;
- a PDF whose lead cells hold a name on one line and the post on the next.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import openpyxl
from openpyxl.styles import PatternFill

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import Act, Plan, Section, _person, _th_row, _wrap
from sendplan.interchange.tests.unseen28 import _cell, _pdf28
from sendplan.interchange.tests.unseen32 import _FILL, _PROGRESS_WORDS, _RAG, _RAG_WORDS

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before they were scored."""
    return hashlib.sha256(f"unseen32c:{name}".encode()).digest()[0] % 2 == 1


def gorsley() -> Plan:
    people = [
        _person("EM", "Ellie Marsh", "Head of SEND"),
        _person("DP", "Dylan Price", "Designated Clinical Officer"),
    ]
    return Plan(
        "Gorsley SEND Improvement Plan",
        "Priority",
        people,
        _RAG_WORDS,
        ["RAG"],
        [
            Section("1", "Timely assessment", [
                Act("1.1", "Recruit three EHC coordinators", "Ellie Marsh", ["EM"],
                    "Jan 2026", "2026-01", ["Green"]),
                Act("1.2", "Set a six-week standard for health advice", "Dylan Price",
                    ["DP"], "Mar 2026", "2026-03", ["Amber"]),
            ]),
            Section("2", "Families", [
                Act("2.1", "Give every family a named contact", "Ellie Marsh", ["EM"],
                    "Dec 2025", "2025-12", ["Red"]),
            ]),
        ],
    )  # fmt: skip


def gorsley_md(plan: Plan) -> bytes:
    lines = [f"# {plan.title}", "", "RAG: Green - on track, Amber - some risk, Red - off track",
             ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"## Priority {s.ref}: {s.title}", ""]
        for a in s.actions:
            lines += [f"### {a.ref} {a.title}", "", f"- **Lead:** {a.lead_text}",
                      f"- **Due:** {a.due_text}", f"- **RAG:** {a.ratings[0]}", ""]  # fmt: skip
    return "\n".join(lines).encode()


def harnham() -> Plan:
    people = [
        _person("RM", "Rachel Moss", None),
        _person("IS", "Ian Shaw", None),
    ]
    return Plan(
        "Harnham SEND Improvement Tasks",
        "Bucket",
        people,
        [
            {"code": "Completed", "label": "Completed", "colour": "blue"},
            {"code": "In progress", "label": "In progress", "colour": "green"},
            {"code": "Not started", "label": "Not started", "colour": "white"},
        ],
        ["Progress"],
        [
            Section("1", "Priority 1 - Assessment", [
                Act(None, "Publish the request for assessment form online", "Rachel Moss",
                    ["RM"], "31/01/2026", "2026-01-31", ["In progress"]),
                Act(None, "Agree the panel's terms of reference", "Rachel Moss", ["RM"],
                    "15/12/2025", "2025-12-15", ["Completed"]),
            ]),
            Section("2", "Priority 2 - Inclusion", [
                Act(None, "Run graduated approach training for SENCOs", "Ian Shaw", ["IS"],
                    "27/03/2026", "2026-03-27", ["Not started"]),
                Act(None, "Visit every school with high exclusions", "Ian Shaw", ["IS"],
                    "30/04/2026", "2026-04-30", ["In progress"]),
            ]),
        ],
    )  # fmt: skip


def harnham_csv(plan: Plan) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Task ID", "Task Name", "Bucket Name", "Progress", "Priority",
                     "Assigned To", "Created By", "Created Date", "Start date", "Due date",
                     "Labels"])  # fmt: skip
    number = 0
    for s in plan.sections:
        for a in s.actions:
            number += 1
            made = ["Rachel Moss", "01/09/2025", ""]
            writer.writerow([f"t{number:04d}", a.title, s.title, a.ratings[0], "Medium",
                             a.lead_text, *made, a.due_text, ""])  # fmt: skip
    return out.getvalue().encode()


def ickleton() -> Plan:
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("PEP", None, "Principal Educational Psychologist"),
    ]
    return Plan(
        "Ickleton Accelerated Progress Plan: report to the Improvement Board",
        "Priority",
        people,
        _RAG_WORDS,
        ["RAG"],
        [
            Section("2", "Educational psychology", [
                Act("2.1", "Recruit two senior educational psychologists",
                    "Principal Educational Psychologist", ["PEP"], "March 2026", "2026-03",
                    ["Amber"]),
                Act("2.2", "Offer a consultation line for SENCOs",
                    "Principal Educational Psychologist", ["PEP"], "December 2025",
                    "2025-12", ["Green"]),
                Act("2.3", "Report psychology advice times to the board each month",
                    "Head of SEND", ["HSEND"], "January 2026", "2026-01", ["Red"]),
            ]),
        ],
    )  # fmt: skip


def ickleton_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Progress is rated Green (on track), Amber (some risk) or Red "
             "(off track).", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        for a in s.actions:
            lines += [f"Action {a.ref} – {a.title}. Responsible: {a.lead_text}. Timescale: "
                      f"{a.due_text}. RAG: {a.ratings[0]}.", ""]  # fmt: skip
    return "\n".join(lines).encode()


def jevington() -> Plan:
    people = [
        _person("CF", "Cath Fell", "Head of SEND"),
        _person("NA", "Nabil Aziz", "Commissioning Lead"),
    ]
    return Plan(
        "Jevington SEND Action Tracker",
        "Priority",
        people,
        _RAG,
        ["RAG"],
        [
            Section("1", "Commissioning", [
                Act("1.1", "Commission a second autism assessment provider", "Nabil Aziz",
                    ["NA"], "Feb 2026", "2026-02", ["A"]),
                Act("1.2", "Review short breaks contracts", "Nabil Aziz", ["NA"], "Jun 2026",
                    "2026-06", ["G"]),
            ]),
            Section("2", "Quality", [
                Act("2.1", "Audit ten EHC plans each month", "Cath Fell", ["CF"], "Nov 2025",
                    "2025-11", ["G"]),
                Act("2.2", "Publish the quality standard for EHC plans", "Cath Fell", ["CF"],
                    "Jan 2026", "2026-01", ["R"]),
            ]),
        ],
    )  # fmt: skip


def jevington_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "RAG"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, None])
            sheet.cell(sheet.max_row, 5).fill = PatternFill("solid", fgColor=_FILL[a.ratings[0]])
    _wrap(sheet)
    key = book.create_sheet("Key")
    key.append(["Colour", "Meaning"])
    for status, colour in (("On track", "G"), ("Some slippage", "A"), ("Off track", "R")):
        key.append([None, status])
        key.cell(key.max_row, 1).fill = PatternFill("solid", fgColor=_FILL[colour])
    return saved(book)


def kirtling() -> Plan:
    people = [
        _person("OH", "Olivia Hunt", "Head of Inclusion"),
        _person("SK", "Sunil Kapoor", "Designated Clinical Officer"),
    ]
    return Plan(
        "Kirtling Written Statement of Action",
        "Area of weakness",
        people,
        _PROGRESS_WORDS,
        ["Status"],
        [
            Section("1", "Health and education working together", [
                Act("1.1", "Agree joint training for health and school staff",
                    "Olivia Hunt\nHead of Inclusion", ["OH"], "Q4 25/26", "2026-03",
                    ["On track"]),
                Act("1.2", "Put a health adviser on every decision panel",
                    "Sunil Kapoor\nDesignated Clinical Officer", ["SK"], "Dec 2025",
                    "2025-12", ["Complete"]),
                Act("1.3", "Share health visitors' findings with nurseries",
                    "Sunil Kapoor\nDesignated Clinical Officer", ["SK"], "Apr 2026",
                    "2026-04", ["Delayed"]),
            ]),
        ],
    )  # fmt: skip


def kirtling_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>Status: Complete, On track, Delayed, Off track, Not started</p>"
    heads = ["Ref", "Action", "Lead", "Timescale", "Status"]
    body += "<table><thead>" + _th_row(heads) + "</thead><tbody>"
    for s in plan.sections:
        body += "<tr>" + _cell(f"{s.ref}. {s.title}", "D9D9D9", colspan=5) + "</tr>"
        for a in s.actions:
            name, role = a.lead_text.split("\n")
            lead = f"<td><p>{escape(name)}</p><p>{escape(role)}</p></td>"
            body += "<tr>" + _cell(a.ref or "") + _cell(a.title) + lead
            body += _cell(a.due_text) + _cell(a.ratings[0]) + "</tr>"
    body += "</tbody></table>"
    return _pdf28(body)


@dataclass(frozen=True)
class Third32:
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
    Third32("Gorsley markdown export", "gorsley-plan.txt", gorsley, gorsley_md,
            "Markdown, ### refs, **Lead:** bullets"),
    Third32("Harnham Planner export", "harnham-tasks.csv", harnham, harnham_csv,
            "Planner CSV, buckets, progress"),
    Third32("Ickleton action paragraphs", "ickleton-app.txt", ickleton, ickleton_txt,
            "text, 'Action 2.3 – …. Responsible: …'"),
    Third32("Jevington fill-only RAG", "jevington-tracker.xlsx", jevington, jevington_xlsx,
            "Excel, RAG by fill only, keyed"),
    Third32("Kirtling name over role", "kirtling-wsoa.pdf", kirtling, kirtling_pdf,
            "PDF, lead cells name over post"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Third32) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Third32) -> list[accuracy.Figure]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
