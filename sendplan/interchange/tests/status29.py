"""Sixteen more plans that rate progress the way councils do, written before the importer's
status rules were read (round status29).

The importer reads the status cells of the plans its rules were written from, but far fewer of
those it has not seen (issue 10, "reading any plan"). These plans were written by hand, each
with the plan a careful person would enter from it (`Plan.reference`), before the importer was
run on any of them, in ways the earlier corpora hold few of: one "RAG" column whose period only
the title or a date line names, or the name of its sheet; a column a month or a quarter, with
or without a band over them; ratings as words ("Complete", "At risk", "Partially achieved",
"Ongoing", "Not yet due"), letters, BRAG, shaded cells, symbols and numbers a key explains; a
rating opening, closing or in brackets inside a commentary; earlier and later ratings side by
side; a direction of travel beside the rating; a "% complete" column that is no rating; keys as
a paragraph, a table or inside a heading cell; and a plan with no ratings at all, whose
commentary says "on track" and "delayed" in its sentences. Four are pasted text, four Word,
four Excel and four PDF (HTML printed by WeasyPrint, as unseen19 prints its PDFs).

Conventions of the hand-entered plans (status20's, kept): a period named by a date, a month or
a quarter of a financial year ends on that period's last day; a column with no date of its own
keeps its heading as its name and takes the date the document puts on its report (in its
title, a date line, or the name of its sheet); a blank, "n/a" or "-" cell has no rating; a
percentage complete and a direction of travel are not ratings; a rating inside a commentary is
that period's rating; a plan's scale keeps the codes its key gives, with a colour only where
the plan names one or uses the usual RAG letters or colour words; a number or a symbol a key
explains is rated by its key's word. A plan with no rating column, no key and no rating label
has no ratings, whatever its sentences say. Officers are named by role; no child is named.

`blind` splits the plans by a hash of each plan's name (the first byte of
sha256("status29:" + name) odd), fixed and committed with the first figures before any rule
was written: rules come from the dev half only; the blind half is only counted.
bench/parse_status29.py prints the figures; test_parse_status29.py holds the floors; notes in
corpus/real/STATUS29.md.
"""

from __future__ import annotations

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
from sendplan.interchange.tests.status20 import (
    Act,
    Plan,
    Section,
    _cells,
    _hex,
    _roles,
    _scale,
)
from sendplan.interchange.tests.unseen19 import _landscape, _pdf, _shade, _table, _th_row, _wrap

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"status29:{name}".encode()).digest()[0] % 2 == 1


_GAR = _scale("Green|On track|green", "Amber|Some slippage|amber", "Red|Off track|red")
_BGAR = _scale("B|Complete|blue", "G|On track|green", "A|At risk|amber", "R|Off track|red")
_FIVE = _scale("Complete|Complete", "On track|On track", "At risk|At risk",
               "Off track|Off track", "Not started|Not started")  # fmt: skip


def _fill(sheet: Any, row: int, column: int, hex_colour: str) -> None:
    if hex_colour:
        sheet.cell(row, column).fill = PatternFill("solid", fgColor=hex_colour)


# =============================================================================================
# Pasted text


def ashworth() -> Plan:
    """A web page: one "RAG" column of colour words; only the title names the period."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "DCO=Designated Clinical Officer")
    return Plan(
        "Ashworth Written Statement of Action: update to December 2025",
        "Area of weakness",
        people,
        _GAR,
        [("RAG", "2025-12-31")],
        [
            Section("1", "Identifying needs early", [
                Act("1.1", "Give every early years setting a named SEND adviser.",
                    "Head of Early Years", ["HEY"], "Sept 2025", "2025-09", ["Green"]),
                Act("1.2", "Check two-year-old reviews for signs of speech delay.",
                    "Designated Clinical Officer", ["DCO"], "March 2026", "2026-03",
                    ["Amber"]),
            ]),
            Section("2", "Plans that describe children well", [
                Act("2.1", "Quality assure every new EHC plan before it is issued.",
                    "Head of SEND", ["HS"], "Jan 2026", "2026-01", ["Red"]),
            ]),
        ],
    )  # fmt: skip


def ashworth_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Skip to main content", "",
             "We rate each action Green (on track), Amber (some slippage) or Red (off "
             "track).", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref}: {s.title}", ""]
        lines.append("Ref\tWhat we will do\tWho leads\tBy when\tRAG")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
        lines.append("")
    return "\n".join(lines).encode()


def birchfield() -> Plan:
    """Excel pasted: a column a month with no band, the plan's five status words."""
    people = _roles("AD=Assistant Director Education", "HI=Head of Inclusion",
                    "SM=SENDIASS Manager")  # fmt: skip
    months = [("Oct-25", "2025-10-31"), ("Nov-25", "2025-11-30"), ("Dec-25", "2025-12-31")]
    return Plan(
        "Birchfield SEND Improvement Tracker",
        "Workstream",
        people,
        _FIVE,
        months,
        [
            Section("1", "Inclusion in mainstream schools", [
                Act("1.1", "Open four resourced provisions in secondary schools.",
                    "Assistant Director Education", ["AD"], "Sept 2026", "2026-09",
                    ["Not started", "On track", "On track"]),
                Act("1.2", "Publish an inclusion charter signed by every head.",
                    "Head of Inclusion", ["HI"], "Dec 2025", "2025-12",
                    ["On track", "At risk", "Complete"]),
            ]),
            Section("2", "Information for families", [
                Act("2.1", "Rewrite the local offer pages with parents.", "SENDIASS Manager",
                    ["SM"], "Feb 2026", "2026-02", ["At risk", "Off track", "At risk"]),
            ]),
        ],
    )  # fmt: skip


def birchfield_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Status key: Complete, On track, At risk, Off track, Not started"]
    months = [label for label, _ in plan.periods]
    lines.append("\t".join(["Ref", "Action", "Owner", "Deadline", *months]))
    for s in plan.sections:
        lines.append(f"{s.ref}. {s.title}" + "\t" * (3 + len(months)))
        for a in s.actions:
            cells = [a.cell(n) for n in range(len(months))]
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, *cells]))
    return "\r\n".join(lines).encode()


_NUMBERS = _scale("1|Not started", "2|In progress - off track", "3|In progress - on track",
                  "4|Complete")  # fmt: skip


def calderbrook() -> Plan:
    """A PDF copied as text: statuses as numbers 1-4 keyed in words, a "Position as at" line."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead",
                    "ICB=ICB SEND Lead")  # fmt: skip
    return Plan(
        "Calderbrook Accelerated Progress Plan",
        "Priority",
        people,
        _NUMBERS,
        [("Status", "2026-01-31")],
        [
            Section("1", "Preparing for adulthood", [
                Act("1.1", "Start transition planning at Year 9 annual reviews.",
                    "Preparing for Adulthood Lead", ["PFA"], "April 2026", "2026-04", ["3"]),
                Act("1.2", "Agree joint transition protocol with adult social care.",
                    "Preparing for Adulthood Lead", ["PFA"], "Dec 2025", "2025-12", ["4"]),
            ]),
            Section("2", "Health input to plans", [
                Act("2.1", "Return health advice within six weeks.", "ICB SEND Lead", ["ICB"],
                    "March 2026", "2026-03", ["2"]),
                Act("2.2", "Train health staff in writing outcomes.", "Head of SEND", ["HS"],
                    "June 2026", "2026-06", ["1"]),
            ]),
        ],
    )  # fmt: skip


def calderbrook_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Position as at 31 January 2026", "",
             "Status: 1 = Not started   2 = In progress - off track   "
             "3 = In progress - on track   4 = Complete", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Priority {s.ref}   {s.title}", ""]
        lines.append("Ref    Action                                                  Lead"
                     "                             Due          Status")  # fmt: skip
        for a in s.actions:
            lines.append(f"{a.ref:<7}{a.title:<56}{a.lead_text:<33}{a.due_text:<13}{a.cell(0)}")
        lines.append("")
    lines.append("OFFICIAL")
    return "\n".join(lines).encode()


_ACHIEVED = _scale("Achieved|Achieved", "Partially achieved|Partially achieved",
                   "Not achieved|Not achieved", "Not yet due|Not yet due")  # fmt: skip


def dunmere() -> Plan:
    """A web page: the rating in brackets closing each progress note."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "PCF=Parent Carer Forum Chair")  # fmt: skip
    return Plan(
        "Dunmere SEND Priority Action Plan",
        "Priority",
        people,
        _ACHIEVED,
        [("Progress update – March 2026", "2026-03-31")],
        [
            Section("1", "Working with families", [
                Act("1.1", "Hold a termly listening event with the parent carer forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Termly", None, ["Achieved"],
                    ["Three events held, 140 parents came (Achieved)"]),
                Act("1.2", "Send every family a named contact within five days of a request.",
                    "Head of SEND", ["HS"], "Jan 2026", "2026-01", ["Partially achieved"],
                    ["Named contacts sent to 70% of families (Partially achieved)"]),
            ]),
            Section("2", "Advice for assessments", [
                Act("2.1", "Clear the backlog of educational psychology advice.",
                    "Principal Educational Psychologist", ["PEP"], "Feb 2026", "2026-02",
                    ["Not achieved"], ["Backlog still 85 cases; locums start in April "
                                       "(Not achieved)"]),
                Act("2.2", "Review the quality of psychology advice with schools.",
                    "Principal Educational Psychologist", ["PEP"], "Sept 2026", "2026-09",
                    ["Not yet due"], ["Review planned for the summer term (Not yet due)"]),
            ]),
        ],
    )  # fmt: skip


def dunmere_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Home > Children and families > SEND > Our priority action plan", "",
             "Each update ends with where the action stands: Achieved, Partially achieved, "
             "Not achieved or Not yet due.", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        lines.append("No.\tAction\tLead\tTarget date\tProgress update – March 2026")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
        lines.append("")
    return "\n".join(lines).encode()


# =============================================================================================
# Word


_BRAG = _scale("B|Complete|blue", "G|On track|green", "A|Some slippage|amber",
               "R|Off track|red")  # fmt: skip


def elmhurst() -> Plan:
    """Word: "RAG Sept 2025 | RAG Dec 2025" BRAG letters in shaded cells, a direction of
    travel in words, the key a table."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "CAMHS=CAMHS Service Manager")  # fmt: skip
    return Plan(
        "Elmhurst Written Statement of Action",
        "Area of weakness",
        people,
        _BRAG,
        [("RAG Sept 2025", "2025-09-30"), ("RAG Dec 2025", "2025-12-31")],
        [
            Section("1", "Leadership of the local area", [
                Act("1.1", "Set up a joint commissioning group for SEND.",
                    "Director of Children's Services", ["DCS"], "Oct 2025", "2025-10",
                    ["G", "B"], extra={"dot": "Improving"}),
                Act("1.2", "Agree shared outcomes with the ICB and schools.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["A", "A"], extra={"dot": "No change"}),
            ]),
            Section("2", "Emotional health", [
                Act("2.1", "Cut waits for CAMHS assessment to twelve weeks.",
                    "CAMHS Service Manager", ["CAMHS"], "June 2026", "2026-06", ["A", "R"],
                    extra={"dot": "Worse"}),
            ]),
        ],
    )  # fmt: skip


def elmhurst_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Report to the SEND Improvement Board")
    document.add_paragraph("Key")
    key = [["Rating", "What it means"], ["B", "Complete"], ["G", "On track"],
           ["A", "Some slippage"], ["R", "Off track"]]  # fmt: skip
    key_table = _table(document, key)
    for r, (code, _) in enumerate(key[1:], start=1):
        _shade(key_table.cell(r, 0), _hex(plan, code))
    heads = ["Ref", "Action", "Lead", "Due", "RAG Sept 2025", "RAG Dec 2025",
             "Direction of travel"]  # fmt: skip
    rows = [heads]
    for s in plan.sections:
        rows.append([f"{s.ref}. {s.title}"] + [""] * 6)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1),
                         a.extra["dot"]])  # fmt: skip
    document.add_paragraph("")
    table = _table(document, rows)
    r = 1
    for s in plan.sections:
        table.cell(r, 0).merge(table.cell(r, 6)).text = f"{s.ref}. {s.title}"
        r += 1
        for a in s.actions:
            for n, code in enumerate(a.ratings):
                _shade(table.cell(r, 4 + n), _hex(plan, code))
            r += 1
    return saved(document)


_SYMBOLS = _scale("✔|Complete", "▲|On track", "◆|At risk", "✖|Off track")


def foxley() -> Plan:
    """Word: a band "Quarterly progress 2025/26" over Q1..Q4, ratings as symbols a legend
    paragraph explains."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "EP=Principal Educational "
                    "Psychologist")  # fmt: skip
    quarters = [("Q1 2025/26", "2025-06-30"), ("Q2 2025/26", "2025-09-30"),
                ("Q3 2025/26", "2025-12-31"), ("Q4 2025/26", "2026-03-31")]  # fmt: skip
    return Plan(
        "Foxley Accelerated Progress Plan",
        "Priority",
        people,
        _SYMBOLS,
        quarters,
        [
            Section("1", "Timely assessment", [
                Act("1.1", "Issue new EHC plans within twenty weeks.", "Head of SEND", ["HS"],
                    "March 2026", "2026-03", ["◆", "◆", "▲", ""]),
                Act("1.2", "Recruit three more educational psychologists.",
                    "Principal Educational Psychologist", ["EP"], "Dec 2025", "2025-12",
                    ["▲", "✔", "", ""]),
            ]),
            Section("2", "Support in school", [
                Act("2.1", "Launch an outreach team from the special schools.",
                    "Head of Inclusion", ["HI"], "Jan 2026", "2026-01", ["✖", "◆", "▲", ""]),
            ]),
        ],
    )  # fmt: skip


def foxley_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph(
        "Legend: ✔ complete; ▲ on track; ◆ at risk; ✖ off track. A blank cell is a quarter "
        "not yet reported."
    )
    heads = ["Ref", "Action", "Lead", "Due"]
    rows = [[*heads, "Quarterly progress 2025/26", "", "", ""], [*heads, "Q1", "Q2", "Q3", "Q4"]]
    for s in plan.sections:
        rows.append([f"Priority {s.ref}: {s.title}"] + [""] * 7)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text,
                         *(a.cell(n) for n in range(4))])  # fmt: skip
    table = _table(document, rows)
    table.cell(0, 4).merge(table.cell(0, 7)).text = "Quarterly progress 2025/26"
    for c, head in enumerate(heads):
        table.cell(0, c).merge(table.cell(1, c)).text = head
    r = 2
    for s in plan.sections:
        table.cell(r, 0).merge(table.cell(r, 7)).text = f"Priority {s.ref}: {s.title}"
        r += 1 + len(s.actions)
    return saved(document)


_ONGOING = _scale("Achieved|Achieved", "Ongoing|Ongoing", "Delayed|Delayed",
                  "Not yet due|Not yet due")  # fmt: skip


def greystone() -> Plan:
    """Word: the rating opens each progress cell ("Ongoing – ..."), dated in its heading."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SW=Head of Disabled "
                    "Children's Social Work")  # fmt: skip
    return Plan(
        "Greystone SEND Priority Action Plan",
        "Priority",
        people,
        _ONGOING,
        [("Progress at 31 October 2025", "2025-10-31")],
        [
            Section("1", "Early years", [
                Act("1.1", "Run an early years inclusion panel every month.",
                    "Head of Early Years", ["HEY"], "Ongoing", None, ["Ongoing"],
                    ["Ongoing – the panel has met every month since April."]),
                Act("1.2", "Publish guidance on early years funding for SEND.",
                    "Head of Early Years", ["HEY"], "Sept 2025", "2025-09", ["Achieved"],
                    ["Achieved – guidance published on 12 September."]),
            ]),
            Section("2", "Short breaks", [
                Act("2.1", "Recommission the short breaks offer with families.",
                    "Head of Disabled Children's Social Work", ["SW"], "Dec 2025", "2025-12",
                    ["Delayed"], ["Delayed – the tender closes in November, not August."]),
                Act("2.2", "Review the short breaks statement each year.", "Head of SEND",
                    ["HS"], "April 2026", "2026-04", ["Not yet due"],
                    ["Not yet due – the review starts in February."]),
            ]),
        ],
    )  # fmt: skip


def greystone_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph(
        "Each progress note starts with the action's status: Achieved, Ongoing, Delayed or "
        "Not yet due."
    )
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead officer", "Timescale", "Progress at 31 October 2025"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)])
        _table(document, rows)
    return saved(document)


def hartside() -> Plan:
    """Word: no ratings at all; the commentary's sentences say "on track" and "delayed"."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead",
                    "DCO=Designated Clinical Officer")  # fmt: skip
    return Plan(
        "Hartside SEND Strategy Action Plan 2025-2027",
        "Priority",
        people,
        [],
        [],
        [
            Section("1", "Moving into adult life", [
                Act("1.1", "Map the college courses open to young people with EHC plans.",
                    "Preparing for Adulthood Lead", ["PFA"], "July 2026", "2026-07", [],
                    extra={"note": "The first two colleges are mapped and the work is on "
                                   "track."}),
                Act("1.2", "Offer travel training to every Year 11 pupil who needs it.",
                    "Preparing for Adulthood Lead", ["PFA"], "Sept 2026", "2026-09", [],
                    extra={"note": "Recruitment of trainers has been delayed by the summer "
                                   "holidays."}),
            ]),
            Section("2", "Health", [
                Act("2.1", "Agree a dynamic support register with the ICB.",
                    "Designated Clinical Officer", ["DCO"], "March 2027", "2027-03", [],
                    extra={"note": "A draft register was shared in October and is complete "
                                   "for the north of the county."}),
            ]),
        ],
    )  # fmt: skip


def hartside_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Agreed by the SEND Partnership Board, November 2025.")
    rows = [["Ref", "What we will do", "Lead", "When", "Where we are"]]
    for s in plan.sections:
        rows.append([f"Priority {s.ref}: {s.title}", "", "", "", ""])
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.extra["note"]])
    table = _table(document, rows)
    r = 1
    for s in plan.sections:
        table.cell(r, 0).merge(table.cell(r, 4)).text = f"Priority {s.ref}: {s.title}"
        r += 1 + len(s.actions)
    return saved(document)


# =============================================================================================
# Excel


def ivel() -> Plan:
    """Excel: RAG as filled cells only under three dated columns; the key a table of filled
    cells with colour words on the sheet."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SM=SENDIASS Manager")
    months = [("RAG Jul 2025", "2025-07-31"), ("RAG Aug 2025", "2025-08-31"),
              ("RAG Sep 2025", "2025-09-30")]  # fmt: skip
    return Plan(
        "Ivel Valley SEND Improvement Tracker",
        "Workstream",
        people,
        _BGAR,
        months,
        [
            Section("1", "Annual reviews", [
                Act("1.1", "Hold every annual review within twelve months.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["R", "R", "A"]),
                Act("1.2", "Amend plans within four weeks of a review.", "Head of SEND",
                    ["HS"], "Dec 2025", "2025-12", ["A", "G", "G"]),
            ]),
            Section("2", "Families' voice", [
                Act("2.1", "Open a SENDIASS drop-in in each district.", "SENDIASS Manager",
                    ["SM"], "Aug 2025", "2025-08", ["G", "B", "B"]),
                Act("2.2", "Run a survey of families each term.", "Head of Inclusion", ["HI"],
                    "Termly", None, ["G", "G", ""]),
            ]),
        ],
    )  # fmt: skip


def ivel_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["Key", "Meaning"])
    for colour, code, meaning in [
        ("Blue", "B", "Complete"),
        ("Green", "G", "On track"),
        ("Amber", "A", "At risk"),
        ("Red", "R", "Off track"),
    ]:
        sheet.append([colour, meaning])
        _fill(sheet, sheet.max_row, 1, _hex(plan, code))  # fmt: skip
    sheet.append([])
    months = [label for label, _ in plan.periods]
    sheet.append(["Ref", "Action", "Owner", "Due", *months])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text])
            for n, code in enumerate(a.ratings):
                _fill(sheet, sheet.max_row, 5 + n, _hex(plan, code))
    _wrap(sheet)
    return saved(book)


_DELAYED = _scale("Complete|Complete", "On track|On track", "Delayed|Delayed",
                  "Not started|Not started")  # fmt: skip


def kingsmead() -> Plan:
    """Excel: one "Status" column of words; only the title and the sheet's name give the
    quarter."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "ICB=ICB Head of Children's Commissioning")  # fmt: skip
    return Plan(
        "Kingsmead APP – Q3 2025/26 update",
        "Priority",
        people,
        _DELAYED,
        [("Status", "2025-12-31")],
        [
            Section("1", "Strategic leadership", [
                Act("1.1", "Publish a joint SEND and alternative provision strategy.",
                    "Director of Children's Services", ["DCS"], "Nov 2025", "2025-11",
                    ["Complete"], extra={"note": "Published 20 November."}),
                Act("1.2", "Report SEND performance to the health and wellbeing board.",
                    "Head of SEND", ["HS"], "Quarterly", None, ["On track"],
                    extra={"note": "Second report in January."}),
            ]),
            Section("2", "Commissioning", [
                Act("2.1", "Commission speech and language therapy for special schools.",
                    "ICB Head of Children's Commissioning", ["ICB"], "Feb 2026", "2026-02",
                    ["Delayed"], extra={"note": "Procurement paused by the ICB."}),
                Act("2.2", "Jointly fund an autism outreach service.",
                    "ICB Head of Children's Commissioning", ["ICB"], "Sept 2026", "2026-09",
                    ["Not started"], extra={"note": "Business case in draft."}),
            ]),
        ],
    )  # fmt: skip


def kingsmead_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Q3 2025-26"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Status: Complete / On track / Delayed / Not started"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Status", "Comments"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref} – {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0), a.extra["note"]])
    _wrap(sheet)
    return saved(book)


def lowther() -> Plan:
    """Excel: no ratings; a commentary column whose sentences say "on track" and "delayed"."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SM=SENDIASS Manager")
    return Plan(
        "Lowther SEND Improvement Plan",
        "Workstream",
        people,
        [],
        [],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Train teaching assistants in every primary school.",
                    "Head of Inclusion", ["HI"], "31/03/2026", "2026-03-31", [],
                    extra={"note": "Sixty schools trained; the programme is on track to "
                                   "finish in March."}),
                Act("1.2", "Set up a graduated response toolkit online.", "Head of Inclusion",
                    ["HI"], "30/11/2025", "2025-11-30", [],
                    extra={"note": "Launch delayed while the website moves; now due in "
                                   "January."}),
            ]),
            Section("2", "Families", [
                Act("2.1", "Publish a guide to mediation and tribunals.", "SENDIASS Manager",
                    ["SM"], "31/12/2025", "2025-12-31", [],
                    extra={"note": "Guide complete and with the parent carer forum for a "
                                   "last read."}),
            ]),
        ],
    )  # fmt: skip


def lowther_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Deadline", "Update"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.extra["note"]])
    _wrap(sheet)
    return saved(book)


_MONTH_WORDS = _scale("Achieved|Achieved", "On track|On track", "Delayed|Delayed",
                      "Not yet due|Not yet due")  # fmt: skip


def marlow() -> Plan:
    """Excel: a band "Status 2026" merged over "Jan | Feb | Mar", the plan's words, the key
    in the band's cell note below the table."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "PEP=Principal Educational "
                    "Psychologist")  # fmt: skip
    months = [("Jan 2026", "2026-01-31"), ("Feb 2026", "2026-02-28"), ("Mar 2026", "2026-03-31")]
    return Plan(
        "Marlow Written Statement of Action",
        "Area of weakness",
        people,
        _MONTH_WORDS,
        months,
        [
            Section("1", "Assessment", [
                Act("1.1", "Bring educational psychology advice within six weeks.",
                    "Principal Educational Psychologist", ["PEP"], "March 2026", "2026-03",
                    ["Delayed", "Delayed", "On track"]),
                Act("1.2", "Check every draft plan against the quality standard.",
                    "Head of SEND", ["HS"], "Feb 2026", "2026-02",
                    ["On track", "Achieved", "Achieved"]),
            ]),
            Section("2", "Early years", [
                Act("2.1", "Add SEND to the early years funding formula.", "Head of Early Years",
                    ["HEY"], "April 2026", "2026-04", ["Not yet due", "On track", "On track"]),
            ]),
        ],
    )  # fmt: skip


def marlow_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "WSoA"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["", "", "", "", "Status 2026"])
    sheet.merge_cells(start_row=3, start_column=5, end_row=3, end_column=7)
    sheet.append(["Ref", "Action", "Lead", "Due", "Jan", "Feb", "Mar"])
    for s in plan.sections:
        sheet.append([f"Area of weakness {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings])
    sheet.append([])
    sheet.append(["Status key: Achieved, On track, Delayed, Not yet due"])
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# PDF


def netherby() -> Plan:
    """PDF: the colour word in brackets after the first sentence of each update."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "CAMHS=CAMHS Service Manager")
    return Plan(
        "Netherby Accelerated Progress Plan",
        "Priority",
        people,
        _GAR,
        [("Update December 2025", "2025-12-31")],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Train a SEND champion in every school.", "Head of Inclusion",
                    ["HI"], "July 2026", "2026-07", ["Green"],
                    ["Twelve schools trained this term (Green). The rest are booked for "
                     "spring."]),
                Act("1.2", "Cut suspensions of pupils with SEN support.", "Head of Inclusion",
                    ["HI"], "July 2026", "2026-07", ["Red"],
                    ["Suspensions rose in the autumn (Red). A review is under way."]),
            ]),
            Section("2", "Mental health", [
                Act("2.1", "Place mental health support teams in two more districts.",
                    "CAMHS Service Manager", ["CAMHS"], "Jan 2026", "2026-01", ["Amber"],
                    ["One team in place (Amber). The second awaits funding."]),
            ]),
        ],
    )  # fmt: skip


def netherby_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>RAG ratings: Green – on track; Amber – some slippage; Red – off track.</p>"
    for s in plan.sections:
        body += f"<h2>Priority {s.ref}: {escape(s.title)}</h2><table><thead>"
        body += _th_row(["Ref", "Action", "Lead", "Due", "Update December 2025"])
        body += "</thead><tbody>"
        for a in s.actions:
            body += "<tr>" + _cells([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)])
            body += "</tr>"
        body += "</tbody></table>"
    return _pdf(body)


def ormside() -> Plan:
    """PDF: "RAG at 30 June 2025 | RAG at 30 September 2025" colour words in shaded cells, a
    "Direction" column in words; the key a table."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "DCO=Designated Clinical Officer")  # fmt: skip
    return Plan(
        "Ormside Written Statement of Action",
        "Area of weakness",
        people,
        _GAR,
        [("RAG at 30 June 2025", "2025-06-30"), ("RAG at 30 September 2025", "2025-09-30")],
        [
            Section("1", "Joint commissioning", [
                Act("1.1", "Agree a joint commissioning strategy with the ICB.",
                    "Director of Children's Services", ["DCS"], "Sept 2025", "2025-09",
                    ["Amber", "Green"], extra={"dot": "Improving"}),
                Act("1.2", "Commission an occupational therapy service for schools.",
                    "Designated Clinical Officer", ["DCO"], "March 2026", "2026-03",
                    ["Red", "Red"], extra={"dot": "No change"}),
            ]),
            Section("2", "Transitions", [
                Act("2.1", "Track every young person's move from school to college.",
                    "Head of SEND", ["HS"], "Oct 2025", "2025-10", ["Green", "Amber"],
                    extra={"dot": "Declining"}),
            ]),
        ],
    )  # fmt: skip


def ormside_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><h2>Key</h2><table><thead>"
    body += _th_row(["RAG", "Meaning"]) + "</thead><tbody>"
    for entry in plan.scale:
        body += "<tr>" + _cells([entry["code"], entry["label"]], [_hex(plan, entry["code"]), ""])
        body += "</tr>"
    body += "</tbody></table><table><thead>"
    heads = ["Ref", "Action", "Lead", "Due", "RAG at 30 June 2025", "RAG at 30 September 2025",
             "Direction"]  # fmt: skip
    body += _th_row(heads) + "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='7'>{s.ref}. {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1),
                     a.extra["dot"]]  # fmt: skip
            fills = ["", "", "", "", _hex(plan, a.ratings[0]), _hex(plan, a.ratings[1]), ""]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


def pelham() -> Plan:
    """PDF: a "% complete" column beside a BRAG letter column, shaded; a "Position as at" line
    dates it; the key a legend paragraph."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SM=SENDIASS Manager")
    return Plan(
        "Pelham SEND Improvement Tracker",
        "Workstream",
        people,
        _BGAR,
        [("BRAG", "2026-02-28")],
        [
            Section("1", "Early help", [
                Act("1.1", "Give every family at SEN support a one-page profile.",
                    "Head of Early Years", ["HEY"], "Jan 2026", "2026-01", ["A"],
                    extra={"pct": "60%"}),
                Act("1.2", "Open two more family hubs with SEND workers.", "Head of Early Years",
                    ["HEY"], "Nov 2025", "2025-11", ["B"], extra={"pct": "100%"}),
            ]),
            Section("2", "Disagreements", [
                Act("2.1", "Offer mediation to every family before a tribunal.",
                    "SENDIASS Manager", ["SM"], "April 2026", "2026-04", ["G"],
                    extra={"pct": "40%"}),
                Act("2.2", "Cut tribunal appeals lost by the council by a third.",
                    "Head of SEND", ["HS"], "March 2026", "2026-03", ["R"],
                    extra={"pct": "10%"}),
            ]),
        ],
    )  # fmt: skip


def pelham_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Position as at 28 February 2026</p>"
    body += "<p>B – complete, G – on track, A – at risk, R – off track.</p><table><thead>"
    body += _th_row(["Ref", "Action", "Owner", "Deadline", "% complete", "BRAG"])
    body += "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='6'>Workstream {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.extra["pct"], a.cell(0)]
            fills = ["", "", "", "", "", _hex(plan, a.ratings[0])]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body)


def quenby() -> Plan:
    """PDF: Q1..Q4 columns with no band, the year only in a line above; the plan's five
    status words; later quarters blank."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead", "ICB=ICB SEND Lead")
    quarters = [("Q1 2025/26", "2025-06-30"), ("Q2 2025/26", "2025-09-30"),
                ("Q3 2025/26", "2025-12-31"), ("Q4 2025/26", "2026-03-31")]  # fmt: skip
    return Plan(
        "Quenby SEND Delivery Plan",
        "Outcome",
        people,
        _FIVE,
        quarters,
        [
            Section("1", "Young people are ready for adult life", [
                Act("1.1", "Set up a supported employment forum with employers.",
                    "Preparing for Adulthood Lead", ["PFA"], "Dec 2025", "2025-12",
                    ["Not started", "On track", "", ""]),
                Act("1.2", "Give every Year 9 pupil with a plan a careers interview.",
                    "Preparing for Adulthood Lead", ["PFA"], "March 2026", "2026-03",
                    ["On track", "At risk", "", ""]),
            ]),
            Section("2", "Health needs are met", [
                Act("2.1", "Publish the health offer for children with SEND.", "ICB SEND Lead",
                    ["ICB"], "Sept 2025", "2025-09", ["At risk", "Complete", "", ""]),
                Act("2.2", "Bring neurodevelopmental waits under a year.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["Off track", "Off track", "", ""]),
            ]),
        ],
    )  # fmt: skip


def quenby_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Quarterly status, financial year 2025/26</p>"
    body += "<p>Status key: Complete | On track | At risk | Off track | Not started</p>"
    body += "<table><thead>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "Q1", "Q2", "Q3", "Q4"])
    body += "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='8'>Outcome {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, *a.ratings]
            body += "<tr>" + _cells(texts) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Status29:
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
    Status29("Ashworth WSoA", "ashworth-wsoa.txt", ashworth, ashworth_txt,
             "web page, one RAG column, period in title"),
    Status29("Birchfield tracker", "birchfield-tracker.txt", birchfield, birchfield_txt,
             "Excel pasted, month columns, five words"),
    Status29("Calderbrook APP", "calderbrook-app.txt", calderbrook, calderbrook_txt,
             "PDF copied, numbers 1-4 keyed"),
    Status29("Dunmere PAP", "dunmere-pap.txt", dunmere, dunmere_txt,
             "web page, '(Achieved)' closes the update"),
    Status29("Elmhurst WSoA", "elmhurst-wsoa.docx", elmhurst, elmhurst_docx,
             "Word, two dated BRAG columns, key table"),
    Status29("Foxley APP", "foxley-app.docx", foxley, foxley_docx,
             "Word, band over Q1-Q4, symbols keyed"),
    Status29("Greystone PAP", "greystone-pap.docx", greystone, greystone_docx,
             "Word, 'Ongoing –' opens the update"),
    Status29("Hartside strategy plan", "hartside-plan.docx", hartside, hartside_docx,
             "Word, no ratings at all"),
    Status29("Ivel Valley tracker", "ivel-tracker.xlsx", ivel, ivel_xlsx,
             "Excel, fills only, key of filled cells"),
    Status29("Kingsmead APP", "kingsmead-app.xlsx", kingsmead, kingsmead_xlsx,
             "Excel, one Status column, quarter in title"),
    Status29("Lowther plan", "lowther-plan.xlsx", lowther, lowther_xlsx,
             "Excel, no ratings at all"),
    Status29("Marlow WSoA", "marlow-wsoa.xlsx", marlow, marlow_xlsx,
             "Excel, band 'Status 2026' over Jan-Mar"),
    Status29("Netherby APP", "netherby-app.pdf", netherby, netherby_pdf,
             "PDF, '(Green)' inside the update"),
    Status29("Ormside WSoA", "ormside-wsoa.pdf", ormside, ormside_pdf,
             "PDF, two dated RAG columns, Direction"),
    Status29("Pelham tracker", "pelham-tracker.pdf", pelham, pelham_pdf,
             "PDF, % complete beside BRAG"),
    Status29("Quenby delivery plan", "quenby-plan.pdf", quenby, quenby_pdf,
             "PDF, Q1-Q4 with no band, five words"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Status29) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Status29) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]


def invented(plan: Status29) -> accuracy.Figure:
    """Status cells the importer gave that the plan does not: a rating for an action in a
    period where the hand-entered plan has none (all of them, in a plan with no ratings), out
    of all the status cells it gave the plan's actions. Lower is better."""
    mine, reference = parsed(plan), plan.reference()
    theirs = list(accuracy.actions(reference["sections"]))
    pairs = accuracy._match_actions(list(accuracy.actions(mine["sections"])), theirs)
    names = accuracy.period_map(mine, reference)
    extra = given = 0
    for ref_action, my_action in pairs:
        rated = {u["period"] for u in ref_action.get("updates", []) if u.get("status")}
        for update in my_action.get("updates", []):
            if update.get("status"):
                given += 1
                extra += names.get(update["period"], update["period"]) not in rated
    return "invented cells", extra, given
