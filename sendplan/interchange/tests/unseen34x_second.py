"""A second set of six plans for round unseen34x, in the two kinds the first set's hash put
wholly blind: a RAG column a month, and a two-row grouped heading.

Written after the round's first six rules (so a weaker test of "never seen" than the first set,
said plainly in the notes), before the importer was run on any of them, and split by a hash of
its own ("unseen34x-b:"), fixed before any rule for them. Conventions as the first set's (see
`unseen34x.py`): a month's column is a period ending on the month's last day, labelled as its
heading shows it; a blank month is no rating; a grouped heading names groups, not columns.
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
from sendplan.interchange.tests.unseen19 import Act, Plan, Section, _person
from sendplan.interchange.tests.unseen34x import _FILL, _RAG, _pdf, _td

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule for them."""
    return hashlib.sha256(("unseen34x-b:" + name).encode()).digest()[0] % 2 == 1


_ENDS = {
    "Sep-25": "2025-09-30",
    "Oct-25": "2025-10-31",
    "Nov-25": "2025-11-30",
    "Dec-25": "2025-12-31",
    "Jan-26": "2026-01-31",
    "RAG Sep 25": "2025-09-30",
    "RAG Oct 25": "2025-10-31",
    "RAG Nov 25": "2025-11-30",
    "Q3 RAG": "2025-12-31",
    "Progress Dec 2025": "2025-12-31",
}
_RAG_LETTERS = [
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some slippage", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]


def _wrap(sheet: Any) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _fill(cell: Any, code: str) -> None:
    cell.fill = PatternFill("solid", fgColor=_FILL[code])


# =============================================================================================
# A RAG column a month


def oxwich() -> Plan:
    """Months "Oct-25", "Nov-25", "Dec-25", letters filled, priorities as rows across."""
    people = [
        _person("JM", "Jodie Marsh", None),
        _person("KP", "Kieran Price", None),
        _person("LN", "Lucy Nwosu", None),
    ]
    return Plan(
        "Oxwich SEND Improvement Plan – Monthly RAG Tracker",
        "Priority",
        people,
        _RAG_LETTERS,
        ["Oct-25", "Nov-25", "Dec-25"],
        [
            Section("1", "Earlier help in the early years", [
                Act("1.1", "Fund speech and language support in every nursery.", "Jodie Marsh",
                    ["JM"], "Mar-26", "2026-03", ["A", "A", "G"]),
                Act("1.2", "Train early years staff in the graduated approach.", "Jodie Marsh",
                    ["JM"], "Jan-26", "2026-01", ["G", "G", "G"]),
            ]),
            Section("2", "Better EHC plans", [
                Act("2.1", "Audit twenty plans a month with a parent reviewer.", "Kieran Price",
                    ["KP"], "Jun-26", "2026-06", ["R", "A", "A"]),
                Act("2.2", "Set up an annual review team.", "Lucy Nwosu", ["LN"], "Feb-26",
                    "2026-02", ["", "R", "A"]),
            ]),
        ],
    )  # fmt: skip


def oxwich_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker 25-26"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["RAG key: G = on track, A = some slippage, R = off track"])
    sheet.append(["Ref", "Action", "Lead", "Target", *plan.periods, "Comments"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=8)  # fmt: skip
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings,
                          "Update at the next board."])  # fmt: skip
            for n, code in enumerate(a.ratings):
                if code:
                    _fill(sheet.cell(sheet.max_row, 5 + n), code)
    _wrap(sheet)
    return saved(book)


def pembury() -> Plan:
    """Month columns headed "RAG Sep 25", worded, unfilled, a latest update at the end."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("EYL", None, "Early Years Lead"),
        _person("DCO", None, "Designated Clinical Officer"),
    ]
    return Plan(
        "Pembury Written Statement of Action tracker",
        "Area of weakness",
        people,
        _RAG,
        ["RAG Sep 25", "RAG Oct 25", "RAG Nov 25"],
        [
            Section("1", "Waiting times for assessment", [
                Act("W1", "Publish waiting times for every therapy each month.",
                    "Designated Clinical Officer", ["DCO"], "31/12/2025", "2025-12-31",
                    ["Red", "Amber", "Amber"]),
                Act("W2", "Offer families support while they wait.", "Head of SEND", ["HSEND"],
                    "31/03/2026", "2026-03-31", ["Amber", "Amber", "Green"]),
                Act("W3", "Open a neurodevelopmental hub for under-fives.", "Early Years Lead",
                    ["EYL"], "30/09/2026", "2026-09-30", ["Green", "Green", "Green"]),
            ]),
        ],
    )  # fmt: skip


def pembury_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "WSoA"
    sheet.append([plan.title])
    sheet.append([])
    sheet.append(["Area of weakness", "Action no.", "Action", "Lead", "Due by", *plan.periods,
                  "Latest update"])  # fmt: skip
    for s in plan.sections:
        for a in s.actions:
            sheet.append([s.title, a.ref, a.title, a.lead_text,
                          dt.datetime.fromisoformat(a.due or ""), *a.ratings,
                          "Reported to the November board."])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "dd/mm/yyyy"
    _wrap(sheet)
    return saved(book)


def stowford() -> Plan:
    """Month columns whose cells are only filled (no words), a key on its own sheet."""
    people = [
        _person("AT", "Asha Tiwari", "SEND Strategy Manager"),
        _person("BW", "Ben Walsh", "Head of Education Psychology"),
    ]
    return Plan(
        "Stowford SEND Strategy monthly tracker",
        "Theme",
        people,
        _RAG,
        ["Nov-25", "Dec-25", "Jan-26"],
        [
            Section("A", "Inclusion in mainstream", [
                Act("A1", "Agree an inclusion charter with all headteachers.", "Asha Tiwari",
                    ["AT"], "Apr 2026", "2026-04", ["Amber", "Amber", "Green"]),
                Act("A2", "Give every school a link educational psychologist.", "Ben Walsh",
                    ["BW"], "Sep 2026", "2026-09", ["Green", "Green", "Green"]),
                Act("A3", "Pilot nurture groups in ten primary schools.", "Asha Tiwari",
                    ["AT"], "Jul 2026", "2026-07", ["Red", "Amber", ""]),
            ]),
        ],
    )  # fmt: skip


def stowford_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet.append(["Ref", "Theme", "Action", "Owner", "Deadline", *plan.periods])
    for s in plan.sections:
        for a in s.actions:
            sheet.append([a.ref, s.title, a.title, a.lead_text, a.due_text])
            for n, code in enumerate(a.ratings):
                if code:
                    _fill(sheet.cell(sheet.max_row, 6 + n), code)
    _wrap(sheet)
    key = book.create_sheet("Key")
    key.append(["Colour", "Meaning"])
    for status in plan.scale:
        key.append([status["code"], status["label"]])
        _fill(key.cell(key.max_row, 1), status["code"])
    return saved(book)


def tenbury() -> Plan:
    """A monthly tracker printed to PDF: month columns, letters in filled cells."""
    people = [
        _person("PSEND", None, "Principal SEND Officer"),
        _person("VSH", None, "Virtual School Head"),
    ]
    return Plan(
        "Tenbury Accelerated Progress Plan – Monthly Monitoring",
        "Area for improvement",
        people,
        _RAG_LETTERS,
        ["Sep-25", "Oct-25", "Nov-25"],
        [
            Section("1", "Children in care with SEND", [
                Act("1.1", "Review each child in care's EHC plan at their care review.",
                    "Virtual School Head", ["VSH"], "Dec 2025", "2025-12", ["A", "G", "G"]),
                Act("1.2", "Track the attendance of children in care with SEND weekly.",
                    "Virtual School Head", ["VSH"], "Feb 2026", "2026-02", ["R", "R", "A"]),
            ]),
            Section("2", "Communication with families", [
                Act("2.1", "Answer every parent's email within five working days.",
                    "Principal SEND Officer", ["PSEND"], "Jan 2026", "2026-01",
                    ["A", "A", "G"]),
            ]),
        ],
    )  # fmt: skip


def tenbury_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>G = on track, A = some slippage, R = off track</p>"
    heads = ["Ref", "Action", "Lead", "Deadline", *plan.periods]
    body += "<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads)
    body += "</tr></thead><tbody>"
    for s in plan.sections:
        body += "<tr>" + _td(f"{s.ref}. {s.title}", "D9E2F3", len(heads), True) + "</tr>"
        for a in s.actions:
            body += "<tr>" + "".join(_td(t) for t in [a.ref or "", a.title, a.lead_text,
                                                      a.due_text])  # fmt: skip
            body += "".join(_td(c, _FILL[c] if c else "") for c in a.ratings) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


# =============================================================================================
# A two-row grouped heading


def quedgeley() -> Plan:
    """Groups "ACTION | OWNERSHIP | TIMESCALE | PROGRESS" merged over two columns each."""
    people = [
        _person("RH", "Rosa Hale", "Head of Commissioning"),
        _person("SD", "Sam Dyer", "Head of SEND"),
    ]
    return Plan(
        "Quedgeley SEND Sufficiency Delivery Plan",
        "Workstream",
        people,
        _RAG_LETTERS,
        ["Q3 RAG"],
        [
            Section("WS1", "Specialist places", [
                Act("WS1.1", "Open a 60-place special school annexe.", "Rosa Hale", ["RH"],
                    "Sep 2026", "2026-09", ["A"], starts_text="Apr 2025", starts="2025-04"),
                Act("WS1.2", "Add resourced provision in two secondary schools.", "Rosa Hale",
                    ["RH"], "Jan 2027", "2027-01", ["G"], starts_text="Sep 2025",
                    starts="2025-09"),
            ]),
            Section("WS2", "Post-16", [
                Act("WS2.1", "Commission a supported internship programme.", "Sam Dyer",
                    ["SD"], "Jul 2026", "2026-07", ["R"], starts_text="Jan 2026",
                    starts="2026-01"),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


def quedgeley_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    groups = [("ACTION", 1, 2), ("OWNERSHIP", 3, 4), ("TIMESCALE", 5, 6), ("PROGRESS", 7, 8)]
    for name, first, last in groups:
        cell = sheet.cell(1, first, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="BDD7EE")
        sheet.merge_cells(start_row=1, start_column=first, end_row=1, end_column=last)
    heads = ["Ref", "Action", "Lead officer", "Partners", "Start", "End", "Q3 RAG", "Update"]
    for n, head in enumerate(heads, start=1):
        sheet.cell(2, n, head).font = Font(bold=True)
    for s in plan.sections:
        sheet.append([s.ref, s.title])
        sheet.cell(sheet.max_row, 2).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, "Schools; ICB", a.starts_text,
                          a.due_text, a.ratings[0], "See Q3 report."])  # fmt: skip
            _fill(sheet.cell(sheet.max_row, 7), a.ratings[0])
    _wrap(sheet)
    return saved(book)


def radstock() -> Plan:
    """A two-row heading whose first columns are merged down both rows, groups over the rest."""
    people = [
        _person("CF", "Cara Flynn", "Assistant Director, Inclusion"),
        _person("DM", "Dan Mercer", "Head of Children's Health Commissioning"),
        _person("EO", "Esi Owusu", "SENDIASS Manager"),
    ]
    return Plan(
        "Radstock Accelerated Progress Plan",
        "Area for improvement",
        people,
        _RAG,
        ["Progress Dec 2025"],
        [
            Section("AFI1", "Joint commissioning", [
                Act("AFI1.1", "Agree a joint commissioning plan for therapies.", "Dan Mercer",
                    ["DM"], "31/03/2026", "2026-03-31", ["Amber"]),
                Act("AFI1.2", "Share one dashboard of health and education data.",
                    "Cara Flynn", ["CF"], "30/06/2026", "2026-06-30", ["Green"]),
            ]),
            Section("AFI2", "Families' voice", [
                Act("AFI2.1", "Run termly listening events with SENDIASS.", "Esi Owusu", ["EO"],
                    "31/07/2026", "2026-07-31", ["Green"]),
                Act("AFI2.2", "Publish what changed after each listening event.", "Cara Flynn",
                    ["CF"], "31/08/2026", "2026-08-31", ["Red"]),
            ]),
        ],
    )  # fmt: skip


def radstock_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "APP"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.cell(3, 1, "Ref")
    sheet.cell(3, 2, "Action")
    sheet.merge_cells(start_row=3, start_column=1, end_row=4, end_column=1)
    sheet.merge_cells(start_row=3, start_column=2, end_row=4, end_column=2)
    for name, first, last in [("Delivery", 3, 4), ("Progress Dec 2025", 5, 6)]:
        sheet.cell(3, first, name)
        sheet.merge_cells(start_row=3, start_column=first, end_row=3, end_column=last)
    for n, head in [(3, "Lead"), (4, "Due date"), (5, "RAG"), (6, "Commentary")]:
        sheet.cell(4, n, head)
    for row in (3, 4):
        for col in range(1, 7):
            sheet.cell(row, col).font = Font(bold=True)
    for s in plan.sections:
        sheet.append([f"{s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, dt.datetime.fromisoformat(a.due or ""),
                          a.ratings[0], "On the board's agenda in January."])  # fmt: skip
            sheet.cell(sheet.max_row, 4).number_format = "dd/mm/yyyy"
            _fill(sheet.cell(sheet.max_row, 5), a.ratings[0])
    _wrap(sheet)
    return saved(book)


def ulcombe() -> Plan:
    """A grouped heading in a PDF table: "What | Who and when | How is it going" over columns."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("PCF", None, "Parent Carer Forum"),
    ]
    return Plan(
        "Ulcombe Local Area SEND Action Plan",
        "Priority",
        people,
        _RAG,
        ["RAG"],
        [
            Section("1", "Co-production", [
                Act("1.1", "Write the SEND strategy with families.", "Parent Carer Forum",
                    ["PCF"], "Mar 2026", "2026-03", ["Green"]),
                Act("1.2", "Train all caseworkers in co-production.", "Head of SEND",
                    ["HSEND"], "Jun 2026", "2026-06", ["Amber"]),
                Act("1.3", "Pay parents for their time on boards.", "Head of SEND", ["HSEND"],
                    "Dec 2025", "2025-12", ["Red"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def ulcombe_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Position at 30 November 2025</p>"
    body += "<table><thead><tr><th colspan='2'>What</th><th colspan='2'>Who and when</th>"
    body += "<th colspan='2'>How is it going</th></tr><tr>"
    body += "".join(f"<th>{h}</th>" for h in ["Ref", "Action", "Lead", "By", "RAG", "Notes"])
    body += "</tr></thead><tbody>"
    for s in plan.sections:
        body += "<tr>" + _td(f"Priority {s.ref}: {s.title}", "E2EFDA", 6, True) + "</tr>"
        for a in s.actions:
            body += "<tr>" + "".join(_td(t) for t in [a.ref or "", a.title, a.lead_text,
                                                      a.due_text])  # fmt: skip
            body += _td(a.ratings[0], _FILL[a.ratings[0]]) + _td("Discussed in November.")
            body += "</tr>"
    body += "</tbody></table>"
    return _pdf(body)


# =============================================================================================
# The set


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
        out = self.plan().reference()
        for period in out["periods"]:
            if period["label"] in _ENDS:
                period.setdefault("ends_on", _ENDS[period["label"]])
        return out


CORPUS = (
    Second("Oxwich monthly tracker", "oxwich-tracker.xlsx", oxwich, oxwich_xlsx,
           "xlsx, a RAG column a month, filled letters"),
    Second("Pembury WSoA tracker", "pembury-tracker.xlsx", pembury, pembury_xlsx,
           "xlsx, 'RAG Sep 25' columns, words"),
    Second("Stowford tracker", "stowford-tracker.xlsx", stowford, stowford_xlsx,
           "xlsx, month columns filled only"),
    Second("Tenbury monthly monitoring", "tenbury-monitoring.pdf", tenbury, tenbury_pdf,
           "pdf, a RAG column a month"),
    Second("Quedgeley delivery plan", "quedgeley-plan.xlsx", quedgeley, quedgeley_xlsx,
           "xlsx, four groups over two columns each"),
    Second("Radstock APP", "radstock-app.xlsx", radstock, radstock_xlsx,
           "xlsx, grouped heading, first columns merged down"),
    Second("Ulcombe action plan", "ulcombe-plan.pdf", ulcombe, ulcombe_pdf,
           "pdf, grouped heading"),
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
