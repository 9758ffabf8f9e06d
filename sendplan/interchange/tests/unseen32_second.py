"""A second set of six plans for round unseen32, written after its first two rules.

The first set (`unseen32.py`) read whole on its dev half after two rules, so it could teach no
more. These six were written then, in layouts neither set nor the earlier rounds' notes hold,
after the importer's segment rules had been read: a weaker test of plans never seen, said here
plainly. They keep the first set's conventions (see `unseen32.py`) and are split by a hash of
their own ("unseen32b:"), fixed before they were scored:

- numbered actions, each followed by one line of its fields in square brackets
  ("[Lead: Jo Bell; Due: Mar 2026; RAG: Amber]");
- a web page whose labels are questions ("Who is leading this?", "When will it be done?",
  "How is it going?");
- a Word table "Ref | Action | Details", the lead, date and rating as labelled lines in one
  cell;
- a text plan each of whose actions is one line of labelled fields set apart by bars ("Ref: 1.1
  | Action: … | Lead: … | Due: … | RAG: G");
- a Word table whose "Lead and date" cell holds the lead on one line and the date on the next;
- an Excel sheet laid out sideways: an action a column, its ref, action, lead, due date and
  RAG a row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import docx
import openpyxl

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.unseen19 import Act, Plan, Section, _person, _table, _wrap
from sendplan.interchange.tests.unseen32 import _BRAG, _RAG, _RAG_WORDS

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before they were scored."""
    return hashlib.sha256(f"unseen32b:{name}".encode()).digest()[0] % 2 == 1


def ashwell() -> Plan:
    people = [
        _person("JB", "Jo Bell", "Head of SEND"),
        _person("KM", "Kwame Mensah", "Designated Clinical Officer"),
    ]
    return Plan(
        "Ashwell SEND Improvement Plan",
        "Priority",
        people,
        _RAG_WORDS,
        ["RAG"],
        [
            Section("1", "Assessment", [
                Act("1.1", "Publish a guide to requesting an EHC needs assessment", "Jo Bell",
                    ["JB"], "Mar 2026", "2026-03", ["Amber"]),
                Act("1.2", "Agree a six-week standard for health advice", "Kwame Mensah",
                    ["KM"], "Jan 2026", "2026-01", ["Green"]),
            ]),
            Section("2", "Reviews", [
                Act("2.1", "Clear annual reviews overdue by a year", "Jo Bell", ["JB"],
                    "Q4 25/26", "2026-03", ["Red"]),
                Act("2.2", "Train SENCOs to run person-centred reviews", "Jo Bell", ["JB"],
                    "Jul 2026", "2026-07", ["Green"]),
            ]),
        ],
    )  # fmt: skip


def ashwell_txt(plan: Plan) -> bytes:
    lines = [plan.title, "RAG: Green - on track, Amber - some risk, Red - off track", ""]
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        for a in s.actions:
            fields = f"[Lead: {a.lead_text}; Due: {a.due_text}; RAG: {a.ratings[0]}]"
            lines += [f"{a.ref} {a.title}", fields, ""]
    return "\n".join(lines).encode()


def bramcote() -> Plan:
    people = [
        _person("SH", "Sophie Hart", "Head of Inclusion"),
        _person("DW", "Dan Walsh", "Short Breaks Manager"),
    ]
    return Plan(
        "Bramcote SEND Local Area Plan: what we are doing",
        "Theme",
        people,
        _RAG_WORDS,
        ["How is it going?"],
        [
            Section("1", "Inclusion", [
                Act(None, "Set up an inclusion hub in each locality", "Sophie Hart", ["SH"],
                    "September 2026", "2026-09", ["Green"]),
                Act(None, "Publish what every school should offer pupils with SEND",
                    "Sophie Hart", ["SH"], "January 2026", "2026-01", ["Amber"]),
            ]),
            Section("2", "Short breaks", [
                Act(None, "Double the number of holiday clubs for disabled children",
                    "Dan Walsh", ["DW"], "July 2026", "2026-07", ["Red"]),
                Act(None, "Let families book short breaks online", "Dan Walsh", ["DW"],
                    "April 2026", "2026-04", ["Green"]),
            ]),
        ],
    )  # fmt: skip


def bramcote_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Progress is Green (on track), Amber (some risk) or Red (off "
             "track).", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Theme {s.ref}: {s.title}", ""]
        for a in s.actions:
            lines += [
                f"What are we doing? {a.title}",
                f"Who is leading this? {a.lead_text}",
                f"When will it be done? {a.due_text}",
                f"How is it going? {a.ratings[0]}",
                "",
            ]
    return "\n".join(lines).encode()


def cradley() -> Plan:
    people = [
        _person("AP", "Alice Pryce", "SEND Service Manager"),
        _person("MO", "Musa Osei", "Head of Early Years"),
    ]
    return Plan(
        "Cradley Priority Action Plan",
        "Priority",
        people,
        _BRAG,
        ["RAG"],
        [
            Section("1", "Early years", [
                Act("1.1", "Give every nursery a named SEND adviser", "Musa Osei", ["MO"],
                    "Dec 2025", "2025-12", ["G"]),
                Act("1.2", "Add speech and language screening to the two-year check",
                    "Musa Osei", ["MO"], "Apr 2026", "2026-04", ["A"]),
            ]),
            Section("2", "EHC plans", [
                Act("2.1", "Issue draft plans within 14 weeks", "Alice Pryce", ["AP"],
                    "Mar 2026", "2026-03", ["R"]),
                Act("2.2", "Audit ten plans a month", "Alice Pryce", ["AP"], "Nov 2025",
                    "2025-11", ["B"]),
            ]),
        ],
    )  # fmt: skip


def cradley_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("RAG: B = complete, G = on track, A = at risk, R = off track.")
    rows = [["Ref", "Action", "Details"]]
    for s in plan.sections:
        rows.append([f"Priority {s.ref}: {s.title}", "", ""])
        for a in s.actions:
            details = f"Lead: {a.lead_text}\nBy: {a.due_text}\nRAG: {a.ratings[0]}"
            rows.append([a.ref or "", a.title, details])
    table = _table(document, rows)
    for r, row in enumerate(rows):
        if row[0].startswith("Priority"):
            table.cell(r, 0).merge(table.cell(r, 2)).text = row[0]
    return saved(document)


def dallington() -> Plan:
    people = [
        _person("RL", "Rosa Lind", "Head of SEND"),
        _person("TC", "Tariq Chaudhry", "Head of Commissioning"),
    ]
    return Plan(
        "Dallington SEND Action Log",
        "Area",
        people,
        _RAG,
        ["RAG"],
        [
            Section("1", "Commissioning", [
                Act("1.1", "Commission an autism outreach service", "Tariq Chaudhry",
                    ["TC"], "Feb 2026", "2026-02", ["G"]),
                Act("1.2", "Review the therapy contract with families", "Tariq Chaudhry",
                    ["TC"], "Jun 2026", "2026-06", ["A"]),
            ]),
            Section("2", "Assessment", [
                Act("2.1", "Report timeliness to the board monthly", "Rosa Lind", ["RL"],
                    "Dec 2025", "2025-12", ["G"]),
                Act("2.2", "Recruit two senior caseworkers", "Rosa Lind", ["RL"], "Mar 2026",
                    "2026-03", ["R"]),
            ]),
        ],
    )  # fmt: skip


def dallington_txt(plan: Plan) -> bytes:
    lines = [plan.title, "RAG: G = on track, A = some slippage, R = off track", ""]
    for s in plan.sections:
        lines += [f"Area {s.ref}: {s.title}"]
        for a in s.actions:
            lines.append(f"Ref: {a.ref} | Action: {a.title} | Lead: {a.lead_text} | Due: "
                         f"{a.due_text} | RAG: {a.ratings[0]}")  # fmt: skip
        lines.append("")
    return "\n".join(lines).encode()


def eskdale() -> Plan:
    people = [
        _person("HC", "Holly Cross", "Head of SEND"),
        _person("GN", "Gary Noble", "Post-16 Manager"),
    ]
    return Plan(
        "Eskdale Written Statement of Action",
        "Area of weakness",
        people,
        _RAG,
        ["RAG"],
        [
            Section("1", "Preparing for adulthood", [
                Act("1.1", "Start preparing for adulthood reviews from Year 9", "Gary Noble",
                    ["GN"], "Sep 2026", "2026-09", ["A"]),
                Act("1.2", "Publish the post-16 offer on the local offer", "Gary Noble",
                    ["GN"], "Jan 2026", "2026-01", ["G"]),
            ]),
            Section("2", "Communication", [
                Act("2.1", "Reply to every parent's email within five days", "Holly Cross",
                    ["HC"], "Dec 2025", "2025-12", ["R"]),
                Act("2.2", "Send a termly newsletter to families", "Holly Cross", ["HC"],
                    "Apr 2026", "2026-04", ["G"]),
            ]),
        ],
    )  # fmt: skip


def eskdale_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("RAG: G = on track; A = some slippage; R = off track.")
    for s in plan.sections:
        document.add_heading(f"Area of weakness {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead and date", "RAG"]]
        rows += [[a.ref or "", a.title, f"{a.lead_text}\n{a.due_text}", a.ratings[0]]
                 for a in s.actions]  # fmt: skip
        _table(document, rows)
    return saved(document)


def fairburn() -> Plan:
    people = [
        _person("LP", "Lucy Pike", "Head of SEND"),
        _person("BA", "Bilal Anwar", "Inclusion Lead"),
    ]
    return Plan(
        "Fairburn SEND Improvement Plan",
        "Priority",
        people,
        _RAG,
        ["RAG"],
        [
            Section("1", "Improvement", [
                Act("1", "Agree an inclusion charter with all schools", "Bilal Anwar",
                    ["BA"], "Mar 2026", "2026-03", ["G"]),
                Act("2", "Reduce part-time timetables", "Bilal Anwar", ["BA"], "Jul 2026",
                    "2026-07", ["A"]),
                Act("3", "Recruit permanent caseworkers", "Lucy Pike", ["LP"], "Dec 2025",
                    "2025-12", ["R"]),
                Act("4", "Publish monthly timeliness figures", "Lucy Pike", ["LP"],
                    "Nov 2025", "2025-11", ["G"]),
            ]),
        ],
    )  # fmt: skip


def fairburn_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append([plan.title])
    sheet.append(["RAG: G = on track, A = some slippage, R = off track"])
    sheet.append([])
    acts = plan.sections[0].actions
    sheet.append(["Ref", *[a.ref for a in acts]])
    sheet.append(["Action", *[a.title for a in acts]])
    sheet.append(["Lead", *[a.lead_text for a in acts]])
    sheet.append(["Due", *[a.due_text for a in acts]])
    sheet.append(["RAG", *[a.ratings[0] for a in acts]])
    _wrap(sheet)
    return saved(book)


@dataclass(frozen=True)
class Second32:
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
    Second32("Ashwell bracket lines", "ashwell-plan.txt", ashwell, ashwell_txt,
             "text, [Lead: …; Due: …] lines"),
    Second32("Bramcote question labels", "bramcote-plan.txt", bramcote, bramcote_txt,
             "web page, labels as questions"),
    Second32("Cradley detail cells", "cradley-pap.docx", cradley, cradley_docx,
             "Word, Lead/By/RAG lines in one cell"),
    Second32("Dallington labelled bars", "dallington-log.txt", dallington, dallington_txt,
             "text, Ref: … | Action: … a line"),
    Second32("Eskdale stacked cell", "eskdale-wsoa.docx", eskdale, eskdale_docx,
             "Word, lead over date in one cell"),
    Second32("Fairburn transposed sheet", "fairburn-plan.xlsx", fairburn, fairburn_xlsx,
             "Excel, an action a column"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Second32) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Second32) -> list[accuracy.Figure]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
