"""Sixteen invented plans showing the importer's known leftovers, written before any rule for
them (round leftovers28).

Earlier rounds' notes list four things the importer still gets wrong on dev material:

1. a lone caption line just above the next table's heading row ("Area of weakness 2: Joint
   commissioning", "Table 3: Short breaks") in an ordinary table, added to the last action's
   title instead of naming what follows (ROUND20.md, "After: leftovers");
2. a rating column mixing the plan's own words with colours ("Green", "On track", "Amber –
   some delay", "Complete", a shaded cell with no word) (colour20.md, "What still falls");
3. Excel conditional formatting showing a rating by a colour scale (a data bar beside it on a
   per cent complete), and lookups (VLOOKUP, INDEX/MATCH, XLOOKUP on a key sheet) that the
   formula evaluator counts but does not work out (colour20.md, "Not built");
4. Word documents saved as Strict Open XML (colour20.md, "Not built").

Each plan is held once as data with the plan a careful person would enter from it
(`Plan.reference`, the shapes of status20.py), and laid out once as a file: text, Word, Excel
or PDF (HTML printed by WeasyPrint, as unseen19.py prints its PDFs). Four plans per leftover.

Conventions of the hand-entered plans, chosen before the importer was run: a caption line
names the part of the plan under it (its number the part's ref); a rating column's single
period is named by its heading and, where the page dates the report, ends on that date; a
rating written in the plan's own words is the colour its key gives those words, a shaded
cell with no word the colour it shows; a per cent complete (bar or not) is no rating; a
number under a colour scale whose key names each number keeps the number as its code, and a
hidden number shows only its colour; a looked-up cell is what Excel shows once it has worked
the lookup out. Officers are named by role; no child is named.

`blind` splits the plans by a hash of each plan's name (the first byte of
sha256("leftovers28:" + name) odd), fixed and committed with the first figures before any
rule was written: rules come from the dev half only; the blind half is only counted.
bench/parse_leftovers28.py prints the figures; test_parse_leftovers28.py holds the floors;
notes in corpus/real/LEFTOVERS28.md.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import docx
import openpyxl
from openpyxl.formatting.rule import ColorScaleRule, DataBarRule
from openpyxl.styles import Font, PatternFill

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.parsers.errors import ParseError
from sendplan.interchange.tests import accuracy, saved
from sendplan.interchange.tests.status20 import _HEX, Act, Plan, Section, _cells, _roles, _scale
from sendplan.interchange.tests.unseen19 import _landscape, _pdf, _shade, _table, _th_row, _wrap

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"leftovers28:{name}".encode()).digest()[0] % 2 == 1


def _hex(plan: Plan, code: str) -> str:
    colours = {s["code"]: s.get("colour", "") for s in plan.scale}
    return _HEX.get(colours.get(code, ""), "")


_GAR = _scale("G|On track|green", "A|Some slippage|amber", "R|Off track|red")
_BGAR = _scale("B|Complete|blue", "G|On track|green", "A|Some slippage|amber", "R|Off track|red")
_KEY_LINE = "RAG key: B = complete, G = on track, A = some slippage, R = off track"


# =============================================================================================
# 1. A caption line just above the next table's heading row


def ashdown() -> Plan:
    """Pasted from a Word WSoA: a caption line typed straight above each table's headings."""
    people = _roles("HS=Head of SEND", "DCO=Designated Clinical Officer",
                    "HC=Head of Commissioning")  # fmt: skip
    return Plan(
        "Ashdown Written Statement of Action",
        "Area of weakness",
        people,
        _BGAR,
        [("RAG", "")],
        [
            Section("1", "Timeliness of EHC plans", [
                Act("1.1", "Recruit four more EHC coordinators.", "Head of SEND", ["HS"],
                    "Oct 2025", "2025-10", ["G"]),
                Act("1.2", "Send every new plan's draft to the family within 14 weeks.",
                    "Head of SEND", ["HS"], "Jan 2026", "2026-01", ["A"]),
            ]),
            Section("2", "Joint commissioning", [
                Act("2.1", "Agree a joint commissioning strategy with the ICB.",
                    "Head of Commissioning", ["HC"], "Dec 2025", "2025-12", ["A"]),
                Act("2.2", "Pool the budget for therapies in special schools.",
                    "Designated Clinical Officer", ["DCO"], "April 2026", "2026-04", ["R"]),
            ]),
            Section("3", "Short breaks", [
                Act("3.1", "Publish the short breaks statement with the forum.",
                    "Head of Commissioning", ["HC"], "Sept 2025", "2025-09", ["B"]),
            ]),
        ],
    )  # fmt: skip


def ashdown_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", _KEY_LINE, ""]
    for s in plan.sections:
        lines.append(f"Area of weakness {s.ref}: {s.title}")
        lines.append("Ref\tAction\tLead\tBy when\tRAG")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
    return "\n".join(lines).encode()


def brackley() -> Plan:
    """Excel: the tables stacked on one sheet, each named by a caption row in column A."""
    people = _roles("HI=Head of Inclusion", "SBM=Short Breaks Manager",
                    "PFA=Preparing for Adulthood Lead")  # fmt: skip
    return Plan(
        "Brackley SEND Improvement Tracker",
        "Table",
        people,
        _GAR,
        [("RAG", "")],
        [
            Section("1", "Inclusion in mainstream schools", [
                Act("1.1", "Train a SENCo network lead in every cluster.", "Head of Inclusion",
                    ["HI"], "Nov 2025", "2025-11", ["G"]),
                Act("1.2", "Halve part-time timetables for pupils with EHC plans.",
                    "Head of Inclusion", ["HI"], "July 2026", "2026-07", ["A"]),
            ]),
            Section("2", "Preparing for adulthood", [
                Act("2.1", "Offer a supported internship to every Year 13 leaver with a plan.",
                    "Preparing for Adulthood Lead", ["PFA"], "Sept 2026", "2026-09", ["A"]),
            ]),
            Section("3", "Short breaks", [
                Act("3.1", "Open a second overnight short breaks unit.", "Short Breaks Manager",
                    ["SBM"], "March 2026", "2026-03", ["R"]),
                Act("3.2", "Let families book short breaks online.", "Short Breaks Manager",
                    ["SBM"], "Jan 2026", "2026-01", ["G"]),
            ]),
        ],
    )  # fmt: skip


def brackley_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Key: G = on track, A = some slippage, R = off track"])
    sheet.append([])
    for s in plan.sections:
        sheet.append([f"Table {s.ref}: {s.title}"])
        sheet.append(["Ref", "Action", "Owner", "Target date", "RAG"])
        for c in range(1, 6):
            sheet.cell(sheet.max_row, c).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0)])
    _wrap(sheet)
    return saved(book)


def colwall() -> Plan:
    """Word: one table, a caption in the first cell of a row, the headings repeated under it."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "CAMHS=CAMHS Service Manager")  # fmt: skip
    return Plan(
        "Colwall Accelerated Progress Plan",
        "Area of weakness",
        people,
        _BGAR,
        [("RAG", "")],
        [
            Section("1", "Quality of EHC plans", [
                Act("1.1", "Audit a tenth of new plans each month with health and care.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["G"]),
                Act("1.2", "Rewrite the EHC plan template with families.", "Head of SEND",
                    ["HS"], "Oct 2025", "2025-10", ["B"]),
            ]),
            Section("2", "Emotional wellbeing", [
                Act("2.1", "Cut the wait for a first CAMHS appointment to eight weeks.",
                    "CAMHS Service Manager", ["CAMHS"], "June 2026", "2026-06", ["R"]),
                Act("2.2", "Place a mental health support team in every secondary school.",
                    "CAMHS Service Manager", ["CAMHS"], "Sept 2026", "2026-09", ["A"]),
            ]),
        ],
    )  # fmt: skip


def colwall_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph(_KEY_LINE)
    heads = ["Ref", "Action", "Lead", "Due", "RAG"]
    rows: list[list[str]] = []
    for s in plan.sections:
        rows.append([f"Area of weakness {s.ref}: {s.title}", "", "", "", ""])
        rows.append(heads)
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)])
    _table(document, rows)
    return saved(document)


def dunholme() -> Plan:
    """PDF: one table, a caption in the first cell of a row, the headings repeated under it."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SM=SENDIASS Manager")
    return Plan(
        "Dunholme SEND Priority Action Plan",
        "Priority",
        people,
        _GAR,
        [("RAG", "")],
        [
            Section("1", "Early years", [
                Act("1.1", "Give every nursery an early years SEND adviser.",
                    "Head of Early Years", ["HEY"], "Jan 2026", "2026-01", ["G"]),
                Act("1.2", "Run a two-year-old check with health visitors in each hub.",
                    "Head of Early Years", ["HEY"], "March 2026", "2026-03", ["A"]),
            ]),
            Section("2", "Information for families", [
                Act("2.1", "Rewrite the Local Offer's front page with the forum.",
                    "SENDIASS Manager", ["SM"], "Nov 2025", "2025-11", ["G"]),
            ]),
            Section("3", "Annual reviews", [
                Act("3.1", "Clear the backlog of overdue annual reviews.", "Head of SEND",
                    ["HS"], "Feb 2026", "2026-02", ["R"]),
            ]),
        ],
    )  # fmt: skip


def dunholme_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>G = on track; A = some slippage; R = off track.</p>"
    body += "<table><tbody>"
    for s in plan.sections:
        body += "<tr>" + _cells([f"Priority {s.ref}: {s.title}", "", "", "", ""]) + "</tr>"
        body += _th_row(["Ref", "Action", "Lead", "By when", "RAG"])
        for a in s.actions:
            body += "<tr>" + _cells([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)])
            body += "</tr>"
    body += "</tbody></table>"
    return _pdf(body)


def eskdale() -> Plan:
    """Word: a table per part, each under a plain paragraph "Table 2: Short breaks"."""
    people = _roles("HC=Head of Commissioning", "SBM=Short Breaks Manager",
                    "HS=Head of SEND")  # fmt: skip
    return Plan(
        "Eskdale SEND Strategy Action Plan",
        "Table",
        people,
        _GAR,
        [("RAG", "")],
        [
            Section("1", "Joint commissioning", [
                Act("1.1", "Set up a joint commissioning board with the ICB.",
                    "Head of Commissioning", ["HC"], "Oct 2025", "2025-10", ["G"]),
                Act("1.2", "Commission a sensory processing service.", "Head of Commissioning",
                    ["HC"], "May 2026", "2026-05", ["A"]),
            ]),
            Section("2", "Short breaks", [
                Act("2.1", "Review every short breaks package against the new criteria.",
                    "Short Breaks Manager", ["SBM"], "Dec 2025", "2025-12", ["R"]),
            ]),
            Section("3", "Workforce", [
                Act("3.1", "Train every caseworker in person-centred reviews.", "Head of SEND",
                    ["HS"], "Feb 2026", "2026-02", ["G"]),
            ]),
        ],
    )  # fmt: skip


def eskdale_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Key: G = on track, A = some slippage, R = off track")
    for s in plan.sections:
        document.add_paragraph(f"Table {s.ref}: {s.title}")
        rows = [["Ref", "Action", "Lead", "Target date", "RAG"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)])
        _table(document, rows)
    return saved(document)


def fulbeck() -> Plan:
    """Excel cells pasted as text: a caption line with empty cells after it, over headings."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "HT=Head of Travel Assistance")
    return Plan(
        "Fulbeck SEND Improvement Tracker",
        "Area of weakness",
        people,
        _BGAR,
        [("RAG", "")],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Publish an ordinarily available provision guide.",
                    "Head of Inclusion", ["HI"], "31/10/2025", "2025-10-31", ["B"]),
                Act("1.2", "Set up an inclusion panel for exclusions.", "Head of Inclusion",
                    ["HI"], "31/01/2026", "2026-01-31", ["G"]),
            ]),
            Section("2", "Travel assistance", [
                Act("2.1", "Offer independent travel training to every Year 11 with a plan.",
                    "Head of Travel Assistance", ["HT"], "31/07/2026", "2026-07-31", ["A"]),
                Act("2.2", "Answer every transport appeal within 20 working days.",
                    "Head of Travel Assistance", ["HT"], "30/11/2025", "2025-11-30", ["R"]),
            ]),
        ],
    )  # fmt: skip


def fulbeck_txt(plan: Plan) -> bytes:
    lines = [plan.title + "\t\t\t\t", _KEY_LINE + "\t\t\t\t", "\t\t\t\t"]
    for s in plan.sections:
        lines.append(f"Area of weakness {s.ref}: {s.title}\t\t\t\t")
        lines.append("Ref\tAction\tOwner\tDeadline\tRAG")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
    return "\r\n".join(lines).encode()


# =============================================================================================
# 2. A rating column mixing the plan's own words with colours


_MIXED = _scale("Blue|Complete|blue", "Green|On track|green", "Amber|Some delay|amber",
                "Red|Off track|red")  # fmt: skip
_MIXED_KEY = "RAG: Blue = complete; Green = on track; Amber = some delay; Red = off track"


def grantley() -> Plan:
    """Word: a RAG column of colour words, key words, a word with its meaning, blank shades."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "DCO=Designated Clinical Officer")
    return Plan(
        "Grantley Written Statement of Action: progress",
        "Area of weakness",
        people,
        _MIXED,
        [("Position at 30 September 2025", "2025-09-30")],
        [
            Section("1", "Identification of need", [
                Act("1.1", "Introduce a graduated response toolkit in every school.",
                    "Head of Inclusion", ["HI"], "Dec 2025", "2025-12", ["Green"], ["Green"]),
                Act("1.2", "Screen every child in reception for speech and language needs.",
                    "Designated Clinical Officer", ["DCO"], "March 2026", "2026-03",
                    ["Green"], ["On track"]),
                Act("1.3", "Publish the SEN support guidance.", "Head of Inclusion", ["HI"],
                    "July 2025", "2025-07", ["Blue"], ["Complete"]),
            ]),
            Section("2", "Timeliness of assessments", [
                Act("2.1", "Bring health advice for EHC assessments within six weeks.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01", ["Amber"],
                    ["Amber – some delay"]),
                Act("2.2", "Clear the backlog of EHC needs assessments.", "Head of SEND",
                    ["HS"], "Feb 2026", "2026-02", ["Red"], [""]),
                Act("2.3", "Track every assessment on one shared dashboard.", "Head of SEND",
                    ["HS"], "Nov 2025", "2025-11", ["Amber"], [""]),
            ]),
        ],
    )  # fmt: skip


def grantley_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Position at 30 September 2025")
    document.add_paragraph(_MIXED_KEY)
    for s in plan.sections:
        document.add_heading(f"Area of weakness {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "Due", "RAG"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)])
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, 4), _hex(plan, a.ratings[0]))
    return saved(document)


def hartside() -> Plan:
    """Excel: a status column of words on coloured fills, some fills with no word."""
    people = _roles("HS=Head of SEND", "PCF=Parent Carer Forum Chair", "SM=SENDIASS Manager")
    return Plan(
        "Hartside SEND Action Tracker",
        "Workstream",
        people,
        _MIXED,
        [("Status October 2025", "2025-10-31")],
        [
            Section("1", "Co-production", [
                Act("1.1", "Write a co-production charter with the forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Sept 2025", "2025-09", ["Blue"],
                    ["Complete"]),
                Act("1.2", "Hold a termly 'you said, we did' event.", "Parent Carer Forum Chair",
                    ["PCF"], "Termly", None, ["Green"], ["On track"]),
                Act("1.3", "Survey families on the Local Offer each year.", "SENDIASS Manager",
                    ["SM"], "Dec 2025", "2025-12", ["Amber"], [""]),
            ]),
            Section("2", "Communication", [
                Act("2.1", "Answer every family's email within five working days.",
                    "Head of SEND", ["HS"], "Nov 2025", "2025-11", ["Red"], ["Red"]),
                Act("2.2", "Name a caseworker on every EHC plan.", "Head of SEND", ["HS"],
                    "Jan 2026", "2026-01", ["Amber"], ["Amber – some delay"]),
            ]),
        ],
    )  # fmt: skip


def hartside_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_MIXED_KEY])
    sheet.append([])
    sheet.append(["Ref", "Action", "Owner", "Deadline", "Status October 2025"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0) or None])
            colour = _hex(plan, a.ratings[0])
            sheet.cell(sheet.max_row, 5).fill = PatternFill("solid", fgColor=colour)
    _wrap(sheet)
    return saved(book)


def ingleby() -> Plan:
    """Pasted text: colour words and the key's words in one column, one with its meaning."""
    people = _roles(
        "HS=Head of SEND", "HEY=Head of Early Years", "PFA=Preparing for Adulthood Lead"
    )
    return Plan(
        "Ingleby SEND Priority Action Plan",
        "Priority",
        people,
        _MIXED,
        [("Progress December 2025", "2025-12-31")],
        [
            Section("1", "Early years", [
                Act("1a", "Fund inclusion support in every private nursery.",
                    "Head of Early Years", ["HEY"], "March 2026", "2026-03", ["Green"],
                    ["On track"]),
                Act("1b", "Hold an early years SEND panel each month.", "Head of Early Years",
                    ["HEY"], "Oct 2025", "2025-10", ["Blue"], ["Complete"]),
            ]),
            Section("2", "Preparing for adulthood", [
                Act("2a", "Start transition planning in Year 9 for every young person.",
                    "Preparing for Adulthood Lead", ["PFA"], "Sept 2026", "2026-09",
                    ["Amber"], ["Amber – some delay"]),
                Act("2b", "Agree an adult social care pathway at 17.",
                    "Preparing for Adulthood Lead", ["PFA"], "June 2026", "2026-06", ["Red"],
                    ["Red"]),
                Act("2c", "Publish a guide to post-16 options with young people.",
                    "Head of SEND", ["HS"], "Feb 2026", "2026-02", ["Green"], ["Green"]),
            ]),
        ],
    )  # fmt: skip


def ingleby_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", _MIXED_KEY, ""]
    for s in plan.sections:
        lines += [f"Priority {s.ref} - {s.title}", ""]
        lines.append("Ref\tAction\tLead\tBy\tProgress December 2025")
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]))
        lines.append("")
    return "\n".join(lines).encode()


def kelsall() -> Plan:
    """PDF: shaded rating cells, some with a colour word, some with the key's word, some bare."""
    people = _roles("HS=Head of SEND", "HC=Head of Commissioning", "PEP=Principal Educational "
                    "Psychologist")  # fmt: skip
    return Plan(
        "Kelsall Accelerated Progress Plan",
        "Area of weakness",
        people,
        _MIXED,
        [("RAG Nov 2025", "2025-11-30")],
        [
            Section("1", "Joint commissioning", [
                Act("1.1", "Agree a joint commissioning strategy for therapies.",
                    "Head of Commissioning", ["HC"], "Jan 2026", "2026-01", ["Amber"],
                    ["Amber – some delay"]),
                Act("1.2", "Share one dataset of need with the ICB.", "Head of Commissioning",
                    ["HC"], "Oct 2025", "2025-10", ["Blue"], ["Complete"]),
            ]),
            Section("2", "Quality of plans", [
                Act("2.1", "Quality assure every new EHC plan before it is issued.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["Green"], [""]),
                Act("2.2", "Train caseworkers in writing outcomes.", "Head of SEND", ["HS"],
                    "March 2026", "2026-03", ["Red"], ["Off track"]),
            ]),
        ],
    )  # fmt: skip


def kelsall_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>{escape(_MIXED_KEY)}</p>"
    for s in plan.sections:
        body += f"<h2>Area of weakness {s.ref}: {escape(s.title)}</h2><table><thead>"
        body += _th_row(["Ref", "Action", "Lead", "By when", "RAG Nov 2025"])
        body += "</thead><tbody>"
        for a in s.actions:
            texts = [a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)]
            fills = ["", "", "", "", _hex(plan, a.ratings[0])]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
        body += "</tbody></table>"
    return _pdf(body)


# =============================================================================================
# 3. Excel: colour scales, data bars and lookups


_NUMBERS = _scale("1|Off track|red", "2|Some slippage|amber", "3|On track|green")


def _scaled(sheet: Any, column: str, first: int, last: int) -> None:
    """A three-colour scale, 1 red, 2 amber, 3 green, as Excel's "Red - Yellow - Green"."""
    sheet.conditional_formatting.add(
        f"{column}{first}:{column}{last}",
        ColorScaleRule(start_type="num", start_value=1, start_color="F8696B",
                       mid_type="num", mid_value=2, mid_color="FFEB84",
                       end_type="num", end_value=3, end_color="63BE7B"),
    )  # fmt: skip


def _barred(sheet: Any, column: str, first: int, last: int) -> None:
    sheet.conditional_formatting.add(
        f"{column}{first}:{column}{last}",
        DataBarRule(start_type="num", start_value=0, end_type="num", end_value=1,
                    color="638EC6"),
    )  # fmt: skip


def lydford() -> Plan:
    """Excel: "% complete" drawn as a data bar, and a RAG score 1-3 under a colour scale."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SBM=Short Breaks Manager")
    return Plan(
        "Lydford SEND Improvement Tracker",
        "Workstream",
        people,
        _NUMBERS,
        [("RAG score", "")],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Open four resourced provisions in mainstream schools.",
                    "Head of Inclusion", ["HI"], "Sept 2026", "2026-09", ["2"],
                    extra={"done": "0.4"}),
                Act("1.2", "Give every school a named inclusion adviser.", "Head of Inclusion",
                    ["HI"], "Dec 2025", "2025-12", ["3"], extra={"done": "0.9"}),
            ]),
            Section("2", "Short breaks", [
                Act("2.1", "Add holiday play schemes for disabled children.",
                    "Short Breaks Manager", ["SBM"], "July 2026", "2026-07", ["1"],
                    extra={"done": "0.1"}),
                Act("2.2", "Publish the short breaks offer in plain English.", "Head of SEND",
                    ["HS"], "Nov 2025", "2025-11", ["3"], extra={"done": "1"}),
            ]),
        ],
    )  # fmt: skip


def lydford_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet.append(["RAG score: 1 = off track, 2 = some slippage, 3 = on track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "% complete", "RAG score"])
    first = sheet.max_row + 1
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, float(a.extra["done"]),
                          int(a.ratings[0])])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "0%"
    last = sheet.max_row
    _barred(sheet, "E", first, last)
    _scaled(sheet, "F", first, last)
    _wrap(sheet)
    return saved(book)


def marden() -> Plan:
    """Excel: a RAG column whose number is hidden by its format, shown only by a colour scale."""
    people = _roles("HS=Head of SEND", "DCO=Designated Clinical Officer",
                    "HEY=Head of Early Years")  # fmt: skip
    return Plan(
        "Marden Accelerated Progress Plan",
        "Area of weakness",
        people,
        _GAR,
        [("RAG", "")],
        [
            Section("1", "Health advice", [
                Act("1.1", "Return health advice for assessments within six weeks.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01", ["A"],
                    extra={"score": "2", "done": "0.5"}),
                Act("1.2", "Name a health lead on every EHC plan.", "Designated Clinical Officer",
                    ["DCO"], "Oct 2025", "2025-10", ["G"], extra={"score": "3", "done": "1"}),
            ]),
            Section("2", "Early years", [
                Act("2.1", "Double the places at the early years assessment nursery.",
                    "Head of Early Years", ["HEY"], "Sept 2026", "2026-09", ["R"],
                    extra={"score": "1", "done": "0"}),
                Act("2.2", "Agree an early years SEND funding formula.", "Head of SEND", ["HS"],
                    "April 2026", "2026-04", ["G"], extra={"score": "3", "done": "0.6"}),
            ]),
        ],
    )  # fmt: skip


def marden_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "APP"
    sheet.append([plan.title])
    sheet.append(["Green = on track, amber = some slippage, red = off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead officer", "Due date", "Progress", "RAG"])
    first = sheet.max_row + 1
    for s in plan.sections:
        sheet.append([f"Area of weakness {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, float(a.extra["done"]),
                          int(a.extra["score"])])  # fmt: skip
            sheet.cell(sheet.max_row, 5).number_format = "0%"
            sheet.cell(sheet.max_row, 6).number_format = ";;;"
    last = sheet.max_row
    _barred(sheet, "E", first, last)
    _scaled(sheet, "F", first, last)
    _wrap(sheet)
    return saved(book)


_WORD_KEY = _scale("Complete|Complete|blue", "On track|On track|green", "At risk|At risk|amber",
                   "Off track|Off track|red")  # fmt: skip
_CODES = {"C": "Complete", "G": "On track", "A": "At risk", "R": "Off track"}


def _key_sheet(book: Any, title: str, rows: list[tuple[str, str]]) -> None:
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(list(row))


def netherby() -> Plan:
    """Excel: the status looked up from a code by VLOOKUP on a key sheet, the lead by
    INDEX/MATCH on an officers sheet; saved without the values Excel would cache."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PCF=Parent Carer Forum Chair")
    return Plan(
        "Netherby SEND Improvement Tracker",
        "Workstream",
        people,
        _WORD_KEY,
        [("Status", "")],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Publish an inclusion charter signed by every school.",
                    "Head of Inclusion", ["HI"], "Dec 2025", "2025-12", ["On track"],
                    extra={"code": "G", "who": "HI"}),
                Act("1.2", "Cut suspensions of pupils with EHC plans by a quarter.",
                    "Head of Inclusion", ["HI"], "July 2026", "2026-07", ["At risk"],
                    extra={"code": "A", "who": "HI"}),
            ]),
            Section("2", "Co-production", [
                Act("2.1", "Train officers in co-production with the forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Oct 2025", "2025-10", ["Complete"],
                    extra={"code": "C", "who": "PCF"}),
                Act("2.2", "Give the forum a seat on every commissioning panel.",
                    "Head of SEND", ["HS"], "March 2026", "2026-03", ["Off track"],
                    extra={"code": "R", "who": "HS"}),
            ]),
        ],
    )  # fmt: skip


def netherby_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet.append([])
    sheet.append(["Ref", "Action", "Owner code", "Owner", "Due", "Code", "Status"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            r = sheet.max_row + 1
            sheet.append([a.ref, a.title, a.extra["who"],
                          f"=INDEX(Officers!$B$2:$B$4,MATCH(C{r},Officers!$A$2:$A$4,0))",
                          a.due_text, a.extra["code"],
                          f"=VLOOKUP(F{r},Key!$A$2:$B$5,2,FALSE)"])  # fmt: skip
    sheet.column_dimensions["C"].hidden = True
    sheet.column_dimensions["F"].hidden = True
    _wrap(sheet)
    roles = {p["key"]: p["role"] for p in plan.people}
    _key_sheet(book, "Officers", [("Code", "Officer"), *roles.items()])
    _key_sheet(book, "Key", [("Code", "Status"), *_CODES.items()])
    return saved(book)


def otterburn() -> Plan:
    """Excel: status by XLOOKUP and due dates by VLOOKUP on a milestones sheet, uncached."""
    people = _roles("HS=Head of SEND", "HT=Head of Travel Assistance", "SM=SENDIASS Manager")
    return Plan(
        "Otterburn SEND Priority Action Plan",
        "Priority",
        people,
        _WORD_KEY,
        [("Current status", "")],
        [
            Section("1", "Travel assistance", [
                Act("1.1", "Offer a personal travel budget to every eligible family.",
                    "Head of Travel Assistance", ["HT"], "Jan 2026", "2026-01", ["On track"],
                    extra={"code": "G", "milestone": "M2"}),
                Act("1.2", "Answer transport applications within ten working days.",
                    "Head of Travel Assistance", ["HT"], "Oct 2025", "2025-10", ["Complete"],
                    extra={"code": "C", "milestone": "M1"}),
            ]),
            Section("2", "Information and advice", [
                Act("2.1", "Add evening hours to the SENDIASS helpline.", "SENDIASS Manager",
                    ["SM"], "March 2026", "2026-03", ["At risk"],
                    extra={"code": "A", "milestone": "M3"}),
                Act("2.2", "Publish every SEND policy in an easy read version.", "Head of SEND",
                    ["HS"], "Jan 2026", "2026-01", ["Off track"],
                    extra={"code": "R", "milestone": "M2"}),
            ]),
        ],
    )  # fmt: skip


_MILESTONES = [("Milestone", "Date"), ("M1", "Oct 2025"), ("M2", "Jan 2026"), ("M3", "March 2026")]


def otterburn_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append([plan.title])
    sheet.append(["Status key: C = complete, G = on track, A = at risk, R = off track"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Milestone", "Due", "RAG code", "Current status"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            r = sheet.max_row + 1
            sheet.append([a.ref, a.title, a.lead_text, a.extra["milestone"],
                          f"=VLOOKUP(D{r},Milestones!$A$2:$B$4,2,FALSE)", a.extra["code"],
                          f'=XLOOKUP(F{r},Key!$A$2:$A$5,Key!$B$2:$B$5,"")'])  # fmt: skip
    sheet.column_dimensions["D"].hidden = True
    sheet.column_dimensions["F"].hidden = True
    _wrap(sheet)
    _key_sheet(book, "Milestones", _MILESTONES)
    _key_sheet(book, "Key", [("Code", "Status"), *_CODES.items()])
    return saved(book)


# =============================================================================================
# 4. Word saved as Strict Open XML


# Each Transitional namespace (and relationship-type prefix) and its Strict twin, as ISO/IEC
# 29500 lists them; the package's own namespaces (content types, relationships, core
# properties) are the same in both.
_TO_STRICT = (
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
     "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
     "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/math",
     "http://purl.oclc.org/ooxml/officeDocument/math"),
    ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
     "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
    ("http://schemas.openxmlformats.org/drawingml/2006/picture",
     "http://purl.oclc.org/ooxml/drawingml/picture"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main",
     "http://purl.oclc.org/ooxml/drawingml/main"),
)  # fmt: skip


def strict_word(data: bytes) -> bytes:
    """A Word file as Word saves it as "Strict Open XML Document": the ISO namespaces in every
    part and relationship type, conformance="strict" on the document."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            content = source.read(item)
            if item.filename.endswith((".xml", ".rels")):
                text = content.decode("utf-8")
                for old, new in _TO_STRICT:
                    text = text.replace(old, new)
                if item.filename == "word/document.xml":
                    text = re.sub(r"<w:document ", '<w:document w:conformance="strict" ', text,
                                  count=1)  # fmt: skip
                content = text.encode("utf-8")
            copy.writestr(item, content)
    return out.getvalue()


def pevensey() -> Plan:
    """Word saved as Strict: headings per area of weakness over a table with rating words."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SM=SENDIASS Manager")
    return Plan(
        "Pevensey Written Statement of Action",
        "Area of weakness",
        people,
        _WORD_KEY,
        [("Status", "")],
        [
            Section("1", "Communication with families", [
                Act("1.1", "Name a caseworker for every family waiting for an assessment.",
                    "Head of SEND", ["HS"], "Nov 2025", "2025-11", ["On track"]),
                Act("1.2", "Publish waiting times on the Local Offer each month.",
                    "SENDIASS Manager", ["SM"], "Oct 2025", "2025-10", ["Complete"]),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Set up an inclusion outreach team for primary schools.",
                    "Head of Inclusion", ["HI"], "April 2026", "2026-04", ["At risk"]),
                Act("2.2", "Cut managed moves of pupils with SEND.", "Head of Inclusion",
                    ["HI"], "July 2026", "2026-07", ["Off track"]),
            ]),
        ],
    )  # fmt: skip


def pevensey_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Status: Complete, On track, At risk or Off track.")
    for s in plan.sections:
        document.add_heading(f"Area of weakness {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "By when", "Status"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.cell(0)])
        _table(document, rows)
    return strict_word(saved(document))


def quenington() -> Plan:
    """Word saved as Strict, landscape: an APP with shaded rating cells and two quarters."""
    people = _roles("HS=Head of SEND", "DCO=Designated Clinical Officer",
                    "HC=Head of Commissioning")  # fmt: skip
    return Plan(
        "Quenington Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR,
        [("Q1 2025/26", "2025-06-30"), ("Q2 2025/26", "2025-09-30")],
        [
            Section("1", "Joint commissioning", [
                Act("1.1", "Commission speech and language therapy jointly with the ICB.",
                    "Head of Commissioning", ["HC"], "Dec 2025", "2025-12", ["A", "G"],
                    ["", ""]),
                Act("1.2", "Agree who pays for equipment in schools.", "Designated Clinical "
                    "Officer", ["DCO"], "Sept 2025", "2025-09", ["G", "B"], ["", ""]),
            ]),
            Section("2", "EHC plans", [
                Act("2.1", "Issue nine in ten new EHC plans within 20 weeks.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["R", "R"], ["", ""]),
            ]),
        ],
    )  # fmt: skip


def quenington_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph(_KEY_LINE.replace("RAG key", "Key (cell colours)"))
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "Due", "Q1 2025/26", "Q2 2025/26"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, "", ""])
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            for n, code in enumerate(a.ratings):
                _shade(table.cell(r, 4 + n), _hex(plan, code))
    return strict_word(saved(document))


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Leftover28:
    name: str
    filename: str
    plan: Callable[[], Plan]
    lay_out: Callable[[Plan], bytes]
    leftover: int
    layout: str

    @property
    def blind(self) -> bool:
        return blind(self.name)

    def build(self) -> bytes:
        return self.lay_out(self.plan())

    def reference(self) -> Doc:
        return self.plan().reference()


CORPUS = (
    Leftover28("Ashdown WSoA", "ashdown-wsoa.txt", ashdown, ashdown_txt, 1,
               "text, caption line over each heading row"),
    Leftover28("Brackley tracker", "brackley-tracker.xlsx", brackley, brackley_xlsx, 1,
               "Excel, tables stacked, caption rows"),
    Leftover28("Colwall APP", "colwall-app.docx", colwall, colwall_docx, 1,
               "Word, caption in first cell, headings again"),
    Leftover28("Dunholme PAP", "dunholme-pap.pdf", dunholme, dunholme_pdf, 1,
               "PDF, caption in first cell, headings again"),
    Leftover28("Eskdale plan", "eskdale-plan.docx", eskdale, eskdale_docx, 1,
               "Word, plain caption paragraph over each table"),
    Leftover28("Fulbeck tracker", "fulbeck-tracker.txt", fulbeck, fulbeck_txt, 1,
               "Excel pasted, caption line with empty cells"),
    Leftover28("Grantley WSoA", "grantley-wsoa.docx", grantley, grantley_docx, 2,
               "Word, words and colours in one column"),
    Leftover28("Hartside tracker", "hartside-tracker.xlsx", hartside, hartside_xlsx, 2,
               "Excel, words on fills, bare fills"),
    Leftover28("Ingleby PAP", "ingleby-pap.txt", ingleby, ingleby_txt, 2,
               "text, colour words and key words"),
    Leftover28("Kelsall APP", "kelsall-app.pdf", kelsall, kelsall_pdf, 2,
               "PDF, shaded words and bare shades"),
    Leftover28("Lydford tracker", "lydford-tracker.xlsx", lydford, lydford_xlsx, 3,
               "Excel, data bar and colour scale on 1-3"),
    Leftover28("Marden APP", "marden-app.xlsx", marden, marden_xlsx, 3,
               "Excel, colour scale, number hidden"),
    Leftover28("Netherby tracker", "netherby-tracker.xlsx", netherby, netherby_xlsx, 3,
               "Excel, VLOOKUP status, INDEX/MATCH lead"),
    Leftover28("Otterburn PAP", "otterburn-pap.xlsx", otterburn, otterburn_xlsx, 3,
               "Excel, XLOOKUP status, VLOOKUP due"),
    Leftover28("Pevensey WSoA", "pevensey-wsoa.docx", pevensey, pevensey_docx, 4,
               "Word Strict, rating words"),
    Leftover28("Quenington APP", "quenington-app.docx", quenington, quenington_docx, 4,
               "Word Strict, shaded quarters"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Leftover28) -> Doc:
    """What the importer read; a file it refuses reads as a plan with nothing in it, as the
    person importing it gets nothing but the refusal."""
    try:
        document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    except ParseError:
        return {"title": "", "sections": []}
    return document["plan"]


def figures(plan: Leftover28) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
