"""Sixteen more plans rating progress as councils do, written before the importer's status
rules were read (round status30).

Round status29 named kinds of rating its dev half lacked, so no rule was tried on them: a
period named only by the document's title, a date line or the sheet's name; symbols a legend
paragraph explains (with arrows for a direction of travel beside them); a band such as
"Status 2025" over month names; ratings as numbers a key explains; "Achieved / Partially
achieved / Not achieved / Not yet due"; two rating columns, "Previous RAG | Current RAG";
ratings given only by the shading of a cell in Word, Excel or PDF; a "% complete" column that
is no rating; and plans with no ratings at all whose sentences say "on track". These plans were
written by hand, each with the plan a careful person would enter from it (`Plan.reference`),
before the importer was run on any of them. Four are pasted text, four Word, four Excel and
four PDF (HTML printed by WeasyPrint, as unseen19 prints its PDFs).

Conventions of the hand-entered plans (status29's, kept): a period named by a date, a month or
a quarter of a financial year ends on that period's last day; a column with no date of its own
keeps its heading as its name and takes the date the document puts on its report (its title, a
date line, or the name of its sheet); a "Previous" column beside a current one has no date of
its own and takes none; a blank, "n/a" or "-" cell has no rating; a percentage complete and a
direction of travel (words or arrows) are not ratings; a rating inside a commentary is that
period's rating; a plan's scale keeps the codes its key gives, with a colour only where the
plan names one or uses the usual RAG letters or colour words; a number or a symbol a key
explains is rated by its key's code; a cell that is only shaded is rated by the code its
colour has in the key. A plan with no rating column, no key and no rating label has no
ratings, whatever its sentences say. Officers are named by role; no child is named; the
councils are invented.

`blind` splits the plans by a hash of each plan's name (the first byte of
sha256("status30:" + name) odd), fixed and committed with the first figures before any rule
was written: rules come from the dev half only; the blind half is only counted.
bench/parse_status30.py prints the figures; test_parse_status30.py holds the floors; notes in
corpus/real/STATUS30.md.
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
    return hashlib.sha256(f"status30:{name}".encode()).digest()[0] % 2 == 1


_GAR = _scale("Green|On track|green", "Amber|Some slippage|amber", "Red|Off track|red")
_BGAR = _scale("B|Complete|blue", "G|On track|green", "A|At risk|amber", "R|Off track|red")


def _fill(sheet: Any, row: int, column: int, hex_colour: str) -> None:
    if hex_colour:
        sheet.cell(row, column).fill = PatternFill("solid", fgColor=hex_colour)


# =============================================================================================
# Pasted text


def abbeystead() -> Plan:
    """A web page: one "RAG" column of colour words; only the title names the month."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "DCO=Designated Clinical Officer")
    return Plan(
        "Abbeystead Written Statement of Action – March 2026 update",
        "Area of weakness",
        people,
        _GAR,
        [("RAG", "2026-03-31")],
        [
            Section("1", "Waiting times for therapies", [
                Act("1.1", "Cut waits for speech and language therapy to eighteen weeks.",
                    "Designated Clinical Officer", ["DCO"], "Sept 2026", "2026-09", ["Amber"]),
                Act("1.2", "Offer schools a therapy advice line every weekday.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01", ["Green"]),
            ]),
            Section("2", "Inclusion in schools", [
                Act("2.1", "Halve the number of pupils with SEND out of school.",
                    "Head of Inclusion", ["HI"], "July 2026", "2026-07", ["Red"]),
            ]),
        ],
    )  # fmt: skip


def abbeystead_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Home > Education > SEND > Written statement of action", "",
             "Ratings: Green means on track, Amber some slippage and Red off track.",
             ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref} – {s.title}", ""]
        lines.append("Ref\tAction\tLead\tCompletion date\tRAG")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
        lines.append("")
    return "\n".join(lines).encode()


def brackley() -> Plan:
    """Excel pasted: "Previous RAG | Current RAG" side by side; a report date line dates the
    current one."""
    people = _roles("HS=Head of SEND", "SM=SENDIASS Manager", "PEP=Principal Educational "
                    "Psychologist")  # fmt: skip
    return Plan(
        "Brackley SEND Improvement Tracker",
        "Workstream",
        people,
        _BGAR,
        [("Previous RAG", ""), ("Current RAG", "2026-01-31")],
        [
            Section("1", "Assessment", [
                Act("1.1", "Issue every new EHC plan within twenty weeks.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["R", "A"]),
                Act("1.2", "Add two educational psychologists to the team.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["G", "B"]),
            ]),
            Section("2", "Families", [
                Act("2.1", "Answer every call to the SEND helpline within two days.",
                    "SENDIASS Manager", ["SM"], "Nov 2025", "2025-11", ["A", "A"]),
            ]),
        ],
    )  # fmt: skip


def brackley_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Report date: January 2026",
             "B = complete, G = on track, A = at risk, R = off track"]  # fmt: skip
    lines.append("\t".join(["Ref", "Action", "Owner", "Deadline", "Previous RAG", "Current RAG"]))
    for s in plan.sections:
        lines.append(f"Workstream {s.ref}: {s.title}" + "\t" * 5)
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                                    a.cell(1)]))  # fmt: skip
    return "\r\n".join(lines).encode()


_ONE_TO_FIVE = _scale("5|Complete", "4|On track", "3|Minor delay", "2|Significant delay",
                      "1|Not started")  # fmt: skip


def coldwell() -> Plan:
    """A PDF copied as text: a "Score" 1-5 keyed in a paragraph; the month in a date line."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "PFA=Preparing for "
                    "Adulthood Lead")  # fmt: skip
    return Plan(
        "Coldwell Accelerated Progress Plan",
        "Priority",
        people,
        _ONE_TO_FIVE,
        [("Score", "2025-11-30")],
        [
            Section("1", "Early years", [
                Act("1.1", "Screen every two-year-old check for communication needs.",
                    "Head of Early Years", ["HEY"], "April 2026", "2026-04", ["4"]),
                Act("1.2", "Fund inclusion support in every private nursery.",
                    "Head of Early Years", ["HEY"], "Sept 2025", "2025-09", ["5"]),
            ]),
            Section("2", "Adulthood", [
                Act("2.1", "Open a supported internship at the county hall.",
                    "Preparing for Adulthood Lead", ["PFA"], "Jan 2026", "2026-01", ["2"]),
                Act("2.2", "Write a transition guide with young people.", "Head of SEND",
                    ["HS"], "June 2026", "2026-06", ["1"]),
            ]),
        ],
    )  # fmt: skip


def coldwell_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Position at the end of November 2025", "",
             "Scores: 5 = Complete, 4 = On track, 3 = Minor delay, 2 = Significant delay, "
             "1 = Not started", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Priority {s.ref}   {s.title}", ""]
        lines.append(f"{'Ref':<7}{'Action':<60}{'Lead':<32}{'Due':<13}Score")
        for a in s.actions:
            lines.append(f"{a.ref:<7}{a.title:<60}{a.lead_text:<32}{a.due_text:<13}{a.cell(0)}")
        lines.append("")
    return "\n".join(lines).encode()


def dalby() -> Plan:
    """A web page: no ratings; its "Progress" notes say "on track" and "complete"."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SM=SENDIASS Manager")
    return Plan(
        "Dalby SEND Improvement Plan 2025-26",
        "Priority",
        people,
        [],
        [],
        [
            Section("1", "Communication with families", [
                Act("1.1", "Send families a termly SEND newsletter.", "SENDIASS Manager",
                    ["SM"], "Termly", None, [],
                    extra={"note": "Two newsletters sent; the work is on track."}),
                Act("1.2", "Answer complaints within twenty working days.", "Head of SEND",
                    ["HS"], "Dec 2025", "2025-12", [],
                    extra={"note": "Behind plan: half answered late in the autumn."}),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Publish an inclusion toolkit for primary schools.",
                    "Head of Inclusion", ["HI"], "Oct 2025", "2025-10", [],
                    extra={"note": "Toolkit complete and published in October."}),
            ]),
        ],
    )  # fmt: skip


def dalby_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Agreed by the SEND Partnership Board in September 2025.", ""]
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        lines.append("Ref\tWhat we will do\tLead\tBy when\tProgress")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text,
                                    a.extra["note"]]))  # fmt: skip
        lines.append("")
    return "\n".join(lines).encode()


# =============================================================================================
# Word


_ACHIEVED = _scale("Achieved|Achieved", "Partially achieved|Partially achieved",
                   "Not achieved|Not achieved", "Not yet due|Not yet due")  # fmt: skip


def eskdale() -> Plan:
    """Word: an "Outcome at March 2026" column of Achieved / Partially achieved / Not achieved
    / Not yet due, beside a commentary; the key a sentence."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SW=Head of Disabled "
                    "Children's Social Work")  # fmt: skip
    return Plan(
        "Eskdale SEND Priority Action Plan",
        "Priority",
        people,
        _ACHIEVED,
        [("Outcome at March 2026", "2026-03-31")],
        [
            Section("1", "Short breaks", [
                Act("1.1", "Publish a new short breaks statement with families.",
                    "Head of Disabled Children's Social Work", ["SW"], "Jan 2026", "2026-01",
                    ["Achieved"], extra={"note": "Published on 20 January."}),
                Act("1.2", "Open a second short breaks centre in the south.",
                    "Head of Disabled Children's Social Work", ["SW"], "Feb 2026", "2026-02",
                    ["Partially achieved"], extra={"note": "Building ready; staff still "
                                                           "being recruited."}),
            ]),
            Section("2", "Early years", [
                Act("2.1", "Visit every nursery with a child on SEN support.",
                    "Head of Early Years", ["HEY"], "March 2026", "2026-03", ["Not achieved"],
                    extra={"note": "Forty of ninety nurseries visited."}),
                Act("2.2", "Review the early years inclusion fund.", "Head of SEND", ["HS"],
                    "Sept 2026", "2026-09", ["Not yet due"],
                    extra={"note": "Review starts in the summer term."}),
            ]),
        ],
    )  # fmt: skip


def eskdale_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph(
        "Each action is marked Achieved, Partially achieved, Not achieved or Not yet due."
    )
    rows = [["Ref", "Action", "Lead officer", "Target", "Outcome at March 2026", "Commentary"]]
    for s in plan.sections:
        rows.append([f"Priority {s.ref}: {s.title}"] + [""] * 5)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0),
                         a.extra["note"]])  # fmt: skip
    table = _table(document, rows)
    r = 1
    for s in plan.sections:
        table.cell(r, 0).merge(table.cell(r, 5)).text = f"Priority {s.ref}: {s.title}"
        r += 1 + len(s.actions)
    return saved(document)


_TICKS = _scale("✓|Complete", "●|On track", "▲|Some slippage", "✗|Off track")


def fernhill() -> Plan:
    """Word: "Sept 2025 | Dec 2025" columns of symbols a legend paragraph explains."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "CAMHS=CAMHS Service Manager")  # fmt: skip
    return Plan(
        "Fernhill Written Statement of Action",
        "Area of weakness",
        people,
        _TICKS,
        [("Sept 2025", "2025-09-30"), ("Dec 2025", "2025-12-31")],
        [
            Section("1", "Joint working", [
                Act("1.1", "Agree a shared SEND dashboard with the ICB.",
                    "Director of Children's Services", ["DCS"], "Nov 2025", "2025-11",
                    ["●", "✓"]),
                Act("1.2", "Hold a joint panel for complex placements.", "Head of SEND",
                    ["HS"], "Feb 2026", "2026-02", ["▲", "●"]),
            ]),
            Section("2", "Emotional wellbeing", [
                Act("2.1", "Cut CAMHS waits for children with EHC plans.",
                    "CAMHS Service Manager", ["CAMHS"], "June 2026", "2026-06", ["✗", "▲"]),
            ]),
        ],
    )  # fmt: skip


def fernhill_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress report to the SEND Improvement Board")
    document.add_paragraph(
        "How to read the progress columns: ✓ the action is complete, ● it is on track, ▲ there "
        "is some slippage and ✗ it is off track."
    )
    rows = [["Ref", "Action", "Lead", "Due", "Sept 2025", "Dec 2025"]]
    for s in plan.sections:
        rows.append([f"Area of weakness {s.ref}: {s.title}"] + [""] * 5)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1)])
    table = _table(document, rows)
    r = 1
    for s in plan.sections:
        table.cell(r, 0).merge(table.cell(r, 5)).text = f"Area of weakness {s.ref}: {s.title}"
        r += 1 + len(s.actions)
    return saved(document)


def glaisdale() -> Plan:
    """Word: a "RAG" column shaded only, no words; the month in the title; the key a line."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "PCF=Parent Carer Forum Chair")  # fmt: skip
    return Plan(
        "Glaisdale Accelerated Progress Plan: October 2025 update",
        "Priority",
        people,
        _GAR,
        [("RAG", "2025-10-31")],
        [
            Section("1", "Quality of plans", [
                Act("1.1", "Audit twenty EHC plans a month with parents.", "Head of SEND",
                    ["HS"], "Ongoing", None, ["Green"], [""]),
                Act("1.2", "Rewrite the advice template for psychologists.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["Amber"], [""]),
            ]),
            Section("2", "Co-production", [
                Act("2.1", "Pay parent carers for their time on working groups.",
                    "Parent Carer Forum Chair", ["PCF"], "Sept 2025", "2025-09", ["Red"],
                    [""]),
                Act("2.2", "Hold a young people's SEND forum each term.",
                    "Parent Carer Forum Chair", ["PCF"], "Termly", None, ["Green"], [""]),
            ]),
        ],
    )  # fmt: skip


def glaisdale_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("RAG: green – on track; amber – some slippage; red – off track.")
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "Due", "RAG"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)])
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, 4), _hex(plan, a.ratings[0]))
    return saved(document)


def hawkshead() -> Plan:
    """Word: no ratings; a "% complete" column and notes that say "on track" and "delayed"."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead",
                    "ICB=ICB SEND Lead")  # fmt: skip
    return Plan(
        "Hawkshead SEND and AP Strategy Action Plan",
        "Priority",
        people,
        [],
        [],
        [
            Section("1", "Preparing for adulthood", [
                Act("1.1", "Give every Year 9 pupil with a plan a transition review.",
                    "Preparing for Adulthood Lead", ["PFA"], "July 2026", "2026-07", [],
                    extra={"pct": "45%", "note": "On track; reviews booked to July."}),
                Act("1.2", "Map supported internships across the county.",
                    "Preparing for Adulthood Lead", ["PFA"], "Dec 2025", "2025-12", [],
                    extra={"pct": "100%", "note": "Map complete and on the local offer."}),
            ]),
            Section("2", "Health", [
                Act("2.1", "Agree a neurodevelopmental pathway with the ICB.", "ICB SEND Lead",
                    ["ICB"], "March 2026", "2026-03", [],
                    extra={"pct": "20%", "note": "Delayed by the ICB's restructure."}),
            ]),
        ],
    )  # fmt: skip


def hawkshead_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress at 31 December 2025.")
    rows = [["Ref", "Action", "Lead", "By", "% complete", "Notes"]]
    for s in plan.sections:
        rows.append([f"Priority {s.ref}: {s.title}"] + [""] * 5)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.extra["pct"],
                         a.extra["note"]])  # fmt: skip
    table = _table(document, rows)
    r = 1
    for s in plan.sections:
        table.cell(r, 0).merge(table.cell(r, 5)).text = f"Priority {s.ref}: {s.title}"
        r += 1 + len(s.actions)
    return saved(document)


# =============================================================================================
# Excel


def ingleby() -> Plan:
    """Excel: one "RAG" column of colour words; only the sheet's name gives the month."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SM=SENDIASS Manager")
    return Plan(
        "Ingleby SEND Improvement Tracker",
        "Workstream",
        people,
        _GAR,
        [("RAG", "2026-01-31")],
        [
            Section("1", "Annual reviews", [
                Act("1.1", "Hold annual reviews on time for every child.", "Head of SEND",
                    ["HS"], "April 2026", "2026-04", ["Amber"],
                    extra={"note": "82% on time in January."}),
                Act("1.2", "Send review paperwork to schools a month ahead.", "Head of SEND",
                    ["HS"], "Dec 2025", "2025-12", ["Green"], extra={"note": "Done."}),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Cut part-time timetables for pupils with SEND.",
                    "Head of Inclusion", ["HI"], "July 2026", "2026-07", ["Red"],
                    extra={"note": "Numbers up since September."}),
                Act("2.2", "Promote SENDIASS in every secondary school.", "SENDIASS Manager",
                    ["SM"], "March 2026", "2026-03", ["Green"],
                    extra={"note": "Posters and assemblies in all but two."}),
            ]),
        ],
    )  # fmt: skip


def ingleby_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Jan 2026"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["RAG key: Green = on track, Amber = some slippage, Red = off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "RAG", "Comment"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0), a.extra["note"]])
    _wrap(sheet)
    return saved(book)


def jervaulx() -> Plan:
    """Excel: a band "Status 2025" merged over "Sep | Oct | Nov", BRAG letters; the key in a
    line above."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "DCO=Designated Clinical "
                    "Officer")  # fmt: skip
    months = [("Sep 2025", "2025-09-30"), ("Oct 2025", "2025-10-31"), ("Nov 2025", "2025-11-30")]
    return Plan(
        "Jervaulx Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR,
        months,
        [
            Section("1", "Health advice", [
                Act("1.1", "Return health advice for assessments within six weeks.",
                    "Designated Clinical Officer", ["DCO"], "Dec 2025", "2025-12",
                    ["R", "A", "G"]),
                Act("1.2", "Train health visitors in the graduated approach.",
                    "Head of Early Years", ["HEY"], "Oct 2025", "2025-10", ["G", "B", "B"]),
            ]),
            Section("2", "Tribunals", [
                Act("2.1", "Review every appeal the council lost in 2024.", "Head of SEND",
                    ["HS"], "Jan 2026", "2026-01", ["A", "A", ""]),
            ]),
        ],
    )  # fmt: skip


def jervaulx_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "APP"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["BRAG: B complete, G on track, A at risk, R off track"])
    sheet.append(["", "", "", "", "Status 2025"])
    sheet.merge_cells(start_row=3, start_column=5, end_row=3, end_column=7)
    sheet.append(["Ref", "Action", "Lead", "Due", "Sep", "Oct", "Nov"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref} – {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings])
            for n, code in enumerate(a.ratings):
                _fill(sheet, sheet.max_row, 5 + n, _hex(plan, code))
    _wrap(sheet)
    return saved(book)


_ONE_TO_FOUR = _scale("4|Complete", "3|On track", "2|Some concerns", "1|Serious concerns")


def keld() -> Plan:
    """Excel: ratings 1-4 under "Q2 2025/26 | Q3 2025/26", keyed in a table on the sheet."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "PCF=Parent Carer Forum Chair")  # fmt: skip
    quarters = [("Q2 2025/26", "2025-09-30"), ("Q3 2025/26", "2025-12-31")]
    return Plan(
        "Keld Written Statement of Action",
        "Area of weakness",
        people,
        _ONE_TO_FOUR,
        quarters,
        [
            Section("1", "Co-production", [
                Act("1.1", "Write a co-production charter with the parent carer forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Nov 2025", "2025-11", ["3", "4"]),
                Act("1.2", "Report to families after every board meeting.",
                    "Director of Children's Services", ["DCS"], "Quarterly", None,
                    ["2", "3"]),
            ]),
            Section("2", "Assessment", [
                Act("2.1", "Clear the backlog of needs assessments.", "Head of SEND", ["HS"],
                    "March 2026", "2026-03", ["1", "2"]),
            ]),
        ],
    )  # fmt: skip


def keld_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "WSoA tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["Rating", "Meaning"])
    for entry in plan.scale:
        sheet.append([int(entry["code"]), entry["label"]])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", *(label for label, _ in plan.periods)])
    for s in plan.sections:
        sheet.append([f"Area of weakness {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *(int(c) for c in a.ratings)])
    _wrap(sheet)
    return saved(book)


def linton() -> Plan:
    """Excel: a "Status" column of filled cells only; an "As at" line dates it; the key a row
    of filled cells."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PEP=Principal Educational "
                    "Psychologist")  # fmt: skip
    return Plan(
        "Linton SEND Improvement Plan",
        "Workstream",
        people,
        _BGAR,
        [("Status", "2026-04-30")],
        [
            Section("1", "Educational psychology", [
                Act("1.1", "Recruit two senior educational psychologists.",
                    "Principal Educational Psychologist", ["PEP"], "Feb 2026", "2026-02", ["B"],
                    [""], extra={"note": "Both in post."}),
                Act("1.2", "Offer schools consultation time each term.",
                    "Principal Educational Psychologist", ["PEP"], "July 2026", "2026-07",
                    ["G"], [""], extra={"note": "Booked for the summer."}),
            ]),
            Section("2", "Alternative provision", [
                Act("2.1", "Commission more alternative provision places.", "Head of Inclusion",
                    ["HI"], "Sept 2026", "2026-09", ["A"], [""],
                    extra={"note": "One provider withdrew."}),
                Act("2.2", "Check every pupil in unregistered provision each term.",
                    "Head of SEND", ["HS"], "Termly", None, ["R"], [""],
                    extra={"note": "Checks behind in the north."}),
            ]),
        ],
    )  # fmt: skip


def linton_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["As at 30 April 2026"])
    sheet.append(["Key:", "Complete", "On track", "At risk", "Off track"])
    for n, code in enumerate(["B", "G", "A", "R"]):
        _fill(sheet, 3, 2 + n, _hex(plan, code))
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Status", "Update"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, None, a.extra["note"]])
            _fill(sheet, sheet.max_row, 5, _hex(plan, a.ratings[0]))
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# PDF


_SHAPES = _scale("●|On track", "▲|Some slippage", "◆|Off track", "✓|Complete")


def masham() -> Plan:
    """PDF: one "Status" column of symbols and a "Trend" column of arrows, both explained in a
    legend paragraph; an "Updated" line dates it."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SM=SENDIASS Manager")
    return Plan(
        "Masham Accelerated Progress Plan",
        "Priority",
        people,
        _SHAPES,
        [("Status", "2026-02-28")],
        [
            Section("1", "Early identification", [
                Act("1.1", "Place a SEND worker in every family hub.", "Head of Early Years",
                    ["HEY"], "March 2026", "2026-03", ["●"], extra={"trend": "↑"}),
                Act("1.2", "Share health visitors' concerns with nurseries.",
                    "Head of Early Years", ["HEY"], "Jan 2026", "2026-01", ["✓"],
                    extra={"trend": "→"}),
            ]),
            Section("2", "Families", [
                Act("2.1", "Give every family a key worker during assessment.",
                    "SENDIASS Manager", ["SM"], "June 2026", "2026-06", ["◆"],
                    extra={"trend": "↓"}),
                Act("2.2", "Publish how long each stage of assessment takes.", "Head of SEND",
                    ["HS"], "April 2026", "2026-04", ["▲"], extra={"trend": "→"}),
            ]),
        ],
    )  # fmt: skip


def masham_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Updated 15 February 2026</p>"
    body += ("<p>Status: ● on track, ▲ some slippage, ◆ off track, ✓ complete. Trend: ↑ "
             "better than last month, → no change, ↓ worse.</p>")  # fmt: skip
    body += "<table><thead>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "Status", "Trend"]) + "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='6'>Priority {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0), a.extra["trend"]]
            body += "<tr>" + _cells(texts) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body)


def nunnington() -> Plan:
    """PDF: "Previous RAG | Current RAG" colour words in shaded cells; only the title names
    the month of the current one; the key a table."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "ICB=ICB Head of Children's Commissioning")  # fmt: skip
    return Plan(
        "Nunnington Written Statement of Action – December 2025 update",
        "Area of weakness",
        people,
        _GAR,
        [("Previous RAG", ""), ("Current RAG", "2025-12-31")],
        [
            Section("1", "Joint commissioning", [
                Act("1.1", "Jointly commission speech and language therapy.",
                    "ICB Head of Children's Commissioning", ["ICB"], "March 2026", "2026-03",
                    ["Red", "Amber"]),
                Act("1.2", "Publish a joint commissioning plan for SEND.",
                    "Director of Children's Services", ["DCS"], "Nov 2025", "2025-11",
                    ["Amber", "Green"]),
            ]),
            Section("2", "Outcomes", [
                Act("2.1", "Report the outcomes of EHC plans to the board.", "Head of SEND",
                    ["HS"], "Quarterly", None, ["Green", "Green"]),
            ]),
        ],
    )  # fmt: skip


def nunnington_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><h2>RAG key</h2><table><thead>"
    body += _th_row(["Rating", "Meaning"]) + "</thead><tbody>"
    for entry in plan.scale:
        body += "<tr>" + _cells([entry["code"], entry["label"]], [_hex(plan, entry["code"]), ""])
        body += "</tr>"
    body += "</tbody></table><table><thead>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "Previous RAG", "Current RAG"])
    body += "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='6'>{s.ref}. {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1)]
            fills = ["", "", "", "", _hex(plan, a.ratings[0]), _hex(plan, a.ratings[1])]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


_DUE = _scale("Complete|Complete", "On track|On track", "Delayed|Delayed",
              "Not yet due|Not yet due")  # fmt: skip


def osmotherley() -> Plan:
    """PDF: a band "Progress 2026" over "Jan | Feb", the plan's words with "Not yet due", a
    "% complete" column beside them."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead", "HI=Head of "
                    "Inclusion")  # fmt: skip
    return Plan(
        "Osmotherley SEND Improvement Tracker",
        "Workstream",
        people,
        _DUE,
        [("Jan 2026", "2026-01-31"), ("Feb 2026", "2026-02-28")],
        [
            Section("1", "Adulthood", [
                Act("1.1", "Offer every college leaver a supported employment place.",
                    "Preparing for Adulthood Lead", ["PFA"], "July 2026", "2026-07",
                    ["Not yet due", "On track"], extra={"pct": "30%"}),
                Act("1.2", "Publish a local offer page for post-16 options.",
                    "Preparing for Adulthood Lead", ["PFA"], "Jan 2026", "2026-01",
                    ["On track", "Complete"], extra={"pct": "100%"}),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Cut exclusions of pupils with EHC plans by a quarter.",
                    "Head of Inclusion", ["HI"], "Aug 2026", "2026-08",
                    ["Delayed", "Delayed"], extra={"pct": "15%"}),
            ]),
        ],
    )  # fmt: skip


def osmotherley_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>Status key: Complete, On track, Delayed, Not yet due.</p><table><thead>"
    body += "<tr><th></th><th></th><th></th><th></th><th></th>"
    body += "<th colspan='2'>Progress 2026</th></tr>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "% complete", "Jan", "Feb"])
    body += "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='7'>Workstream {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.extra["pct"], *a.ratings]
            body += "<tr>" + _cells(texts) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


def pickering() -> Plan:
    """PDF: "Oct 2025 | Nov 2025" cells shaded only, no words; the key a line of colour
    words."""
    people = _roles("HS=Head of SEND", "DCO=Designated Clinical Officer", "SW=Head of Disabled "
                    "Children's Social Work")  # fmt: skip
    return Plan(
        "Pickering SEND Delivery Plan",
        "Outcome",
        people,
        _GAR,
        [("Oct 2025", "2025-10-31"), ("Nov 2025", "2025-11-30")],
        [
            Section("1", "Health needs are met", [
                Act("1.1", "Agree a single point of access for therapies.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01",
                    ["Amber", "Green"], ["", ""]),
                Act("1.2", "Train GPs in the local SEND pathway.",
                    "Designated Clinical Officer", ["DCO"], "March 2026", "2026-03",
                    ["Red", "Amber"], ["", ""]),
            ]),
            Section("2", "Families get short breaks", [
                Act("2.1", "Widen direct payments for short breaks.",
                    "Head of Disabled Children's Social Work", ["SW"], "Dec 2025", "2025-12",
                    ["Green", "Green"], ["", ""]),
            ]),
        ],
    )  # fmt: skip


def pickering_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>Green – on track. Amber – some slippage. Red – off track.</p><table><thead>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "Oct 2025", "Nov 2025"])
    body += "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='6'>Outcome {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, "", ""]
            fills = ["", "", "", "", _hex(plan, a.ratings[0]), _hex(plan, a.ratings[1])]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Status30:
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
    Status30("Abbeystead WSoA", "abbeystead-wsoa.txt", abbeystead, abbeystead_txt,
             "web page, one RAG column, month in title"),
    Status30("Brackley tracker", "brackley-tracker.txt", brackley, brackley_txt,
             "Excel pasted, Previous and Current RAG"),
    Status30("Coldwell APP", "coldwell-app.txt", coldwell, coldwell_txt,
             "PDF copied, scores 1-5 keyed"),
    Status30("Dalby plan", "dalby-plan.txt", dalby, dalby_txt,
             "web page, no ratings at all"),
    Status30("Eskdale PAP", "eskdale-pap.docx", eskdale, eskdale_docx,
             "Word, Achieved / Partially / Not / Not yet due"),
    Status30("Fernhill WSoA", "fernhill-wsoa.docx", fernhill, fernhill_docx,
             "Word, symbols keyed in a paragraph"),
    Status30("Glaisdale APP", "glaisdale-app.docx", glaisdale, glaisdale_docx,
             "Word, shading only, month in title"),
    Status30("Hawkshead strategy plan", "hawkshead-plan.docx", hawkshead, hawkshead_docx,
             "Word, no ratings, % complete"),
    Status30("Ingleby tracker", "ingleby-tracker.xlsx", ingleby, ingleby_xlsx,
             "Excel, one RAG column, month in sheet name"),
    Status30("Jervaulx APP", "jervaulx-app.xlsx", jervaulx, jervaulx_xlsx,
             "Excel, band 'Status 2025' over Sep-Nov"),
    Status30("Keld WSoA", "keld-wsoa.xlsx", keld, keld_xlsx,
             "Excel, numbers 1-4, key table"),
    Status30("Linton plan", "linton-plan.xlsx", linton, linton_xlsx,
             "Excel, fills only, 'As at' line"),
    Status30("Masham APP", "masham-app.pdf", masham, masham_pdf,
             "PDF, symbols and arrows keyed"),
    Status30("Nunnington WSoA", "nunnington-wsoa.pdf", nunnington, nunnington_pdf,
             "PDF, Previous and Current RAG shaded"),
    Status30("Osmotherley tracker", "osmotherley-tracker.pdf", osmotherley, osmotherley_pdf,
             "PDF, band over Jan-Feb, % complete"),
    Status30("Pickering plan", "pickering-plan.pdf", pickering, pickering_pdf,
             "PDF, shading only"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Status30) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Status30) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]


def invented(plan: Status30) -> accuracy.Figure:
    """Status cells the importer gave that the plan does not: a rating for an action in a
    period where the hand-entered plan has none (all of them, in a plan with no ratings), out
    of all the status cells it gave the plan's actions. Lower is better."""
    return invented_in(parsed(plan), plan.reference())


def invented_in(mine: Doc, reference: Doc) -> accuracy.Figure:
    """`invented`, for any plan the importer read and its hand-entered plan."""
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


def period_dates(plan: Status30) -> accuracy.Figure:
    """The periods the plan dates whose date the importer gives them: a report filters and
    sorts ratings by when they were given, so a period with no date, or the wrong one, is a
    rating a user cannot find by date."""
    return period_dates_in(parsed(plan), plan.reference())


def period_dates_in(mine: Doc, reference: Doc) -> accuracy.Figure:
    """`period_dates`, for any plan the importer read and its hand-entered plan."""
    names = accuracy.period_map(mine, reference)
    dated = {names[p["label"]]: p.get("ends_on") for p in mine.get("periods", [])}
    theirs = [p for p in reference.get("periods", []) if p.get("ends_on")]
    same = sum(1 for p in theirs if dated.get(p["label"]) == p["ends_on"])
    return "period dates", same, len(theirs)


def _meaning(text: object) -> str:
    return " ".join(accuracy.words(text).strip(" .;:").split())


def key_meanings(plan: Status30) -> accuracy.Figure:
    """The ratings of the plan's key whose meaning the importer reads as the key gives it:
    each code (or a code of the same colour) with the key's words for it. A meaning the plan
    does not give ("Some concerns" for the plan's "some slippage"), or none ("▲"), is what a
    user sees beside every rating in the plan."""
    return key_meanings_in(parsed(plan), plan.reference())


def key_meanings_in(mine: Doc, reference: Doc) -> accuracy.Figure:
    """`key_meanings`, for any plan the importer read and its hand-entered plan."""
    colours, their_colours = accuracy._colours(mine), accuracy._colours(reference)
    same = 0
    for entry in reference.get("status_scale", []):
        same += any(
            accuracy.same_rating(ours["code"], colours, entry["code"], their_colours)
            and _meaning(ours.get("label")) == _meaning(entry["label"])
            for ours in mine.get("status_scale", [])
        )
    return "key meanings", same, len(reference.get("status_scale", []))
