"""Twenty-five more plans rating progress as councils do, written before the importer was run
on any of them (round status32).

Round status31 named the forms of rating its blind half held that no dev plan had, so no rule
could be tried on them: "Last quarter | This quarter", "Previous | Latest" or "Q1 | Q2" with no
year, dated by the plan; a numbered key laid out as table rows; a key whose rows carry a colour
swatch (a blank, shaded cell) beside the meaning; a key of words alone with their meanings; filled
circles or other symbols with a second legend of arrows; a band over the rating columns that is
only a year or an academic year, with months or terms under it; a dated "Impact" column beside a
dated progress column; a key of meanings with their colours in brackets; and an arrow beside the
rating in the same cell ("Amber ↑"). Each plan was given its kinds and its name before the hash
placed it; where a kind fell on one side only, another plan of that kind was written and placed
by the hash too, before anything was scored. Everyday shapes (a WSoA in Word, an APP in Excel, a
PDF print, text pasted from a web page) are mixed in.

Conventions of the hand-entered plans (status29's, status30's and status31's, kept): a period
named by a date, a month or a quarter ends on that period's last day; a column with no date of
its own takes the date the document puts on its report (its title, a date line); a "Previous",
"Last quarter" or "Last" column beside a current one has no date of its own and takes none;
"Q1", "Q2"... with no year are the quarters of the financial year the plan names ("2025/26":
Q1 ends 30 June 2025); a month under a band naming a financial or academic year is that month
of that year (in a financial year Apr to Dec fall in its first calendar year and Jan to Mar in
its second; in an academic year Sep to Dec and Jan to Aug; the plans here use only Sep to Mar,
where the two agree); a term under
such a band ends on the last day of December (autumn), April (spring) or July (summer), as the
importer's term dates do; a blank cell has no rating; a direction of travel, in a column of its
own or as an arrow beside the rating in its cell, is not the rating ("Amber ↑" is rated Amber);
a scale of words keeps each word as its code and label, with a colour where the key gives one
(in brackets, or a swatch beside it); a number or symbol a key explains is rated by its key's
code; a cell that is only shaded is rated by the code its colour has in the key, and a key that
names its colours by a swatch alone takes the usual BRAG letters as codes. The impact rating of
an action rated for progress and impact is kept in words in the narrative, not as a period (as
in status31).

`blind` splits the plans by a hash of each plan's name (the first byte of
sha256("status32:" + name) odd), fixed and committed with the first figures before any rule
was written: rules come from the dev half only; the blind half is only counted.
bench/parse_status32.py prints the figures; test_parse_status32.py holds the floors; notes in
corpus/real/STATUS32.md. Officers are named by role; no child is named; the councils are
invented.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import docx
from openpyxl.styles import PatternFill

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved, status30
from sendplan.interchange.tests.status20 import Act, Plan, Section, _cells, _hex, _roles, _scale
from sendplan.interchange.tests.status30 import _fill
from sendplan.interchange.tests.status31 import _merged_rows, _pdf_table, _rows, _sheet
from sendplan.interchange.tests.unseen19 import _landscape, _pdf, _shade, _table, _th_row, _wrap

Doc = dict[str, Any]
Cells = Callable[[Act], list[str]]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"status32:{name}".encode()).digest()[0] % 2 == 1


def _four(a: Act) -> list[str]:
    return [a.ref or "", a.title, a.lead_text, a.due_text]


def _txt(plan: Plan, top: list[str], heads: list[str], cells: Cells,
         heading: Callable[[Section], str], *, per_section: bool = False,
         crlf: bool = False) -> bytes:  # fmt: skip
    """Text pasted from a web page (a table a section) or from Excel (one table)."""
    lines = [plan.title, *top, ""]
    if not per_section:
        lines.append("\t".join(heads))
    for s in plan.sections:
        if per_section:
            lines += [heading(s), "", "\t".join(heads)]
        else:
            lines.append(heading(s) + "\t" * (len(heads) - 1))
        lines += ["\t".join(cells(a)) for a in s.actions]
        if per_section:
            lines.append("")
    return ("\r\n" if crlf else "\n").join(lines).encode()


def _docx_table(document: Any, plan: Plan, heads: list[str], cells: Cells,
                heading: Callable[[Section], str],
                shades: Callable[[Act], list[str]] | None = None) -> Any:  # fmt: skip
    """One Word table of the whole plan, a merged row a section, cells shaded as given."""
    width = len(heads)
    table = _table(document, [heads, *_rows(plan, heading, cells, width)])
    _merged_rows(table, plan, heading, width)
    if shades:
        r = 1
        for s in plan.sections:
            for n, a in enumerate(s.actions, start=r + 1):
                for c, colour in enumerate(shades(a)):
                    if colour:
                        _shade(table.cell(n, c), colour)
            r += 1 + len(s.actions)
    return table


def _swatch_fill(sheet: Any, row: int, column: int, colour: str) -> None:
    sheet.cell(row, column).fill = PatternFill("solid", fgColor=_HEX[colour])


_HEX = {"blue": "0070C0", "green": "00B050", "amber": "FFC000", "red": "FF0000"}


# =============================================================================================
# Dev-side and blind-side plans alike, in the order they were named.


_GAR_RISK = _scale("Green|On track|green", "Amber|Some risk|amber", "Red|Off track|red")


def alnmouth() -> Plan:
    """Excel pasted: "Last quarter | This quarter" colour words, arrows beside this quarter's
    rating in the same cell; the title names the quarter."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "DCO=Designated Clinical "
                    "Officer")  # fmt: skip
    return Plan(
        "Alnmouth Accelerated Progress Plan – Quarter 2 2025/26 update",
        "Objective",
        people,
        _GAR_RISK,
        [("Last quarter", ""), ("This quarter", "2025-09-30")],
        [
            Section("1", "Early identification", [
                Act("1.1", "Screen every two-year-old's language at the health visitor check.",
                    "Designated Clinical Officer", ["DCO"], "Dec 2025", "2025-12",
                    ["Red", "Amber"], ["Red", "Amber ↑"]),
                Act("1.2", "Give nurseries a named area SENCo.", "Head of Early Years",
                    ["HEY"], "Sept 2025", "2025-09", ["Green", "Green"],
                    ["Green", "Green →"]),
            ]),
            Section("2", "Timeliness", [
                Act("2.1", "Issue nine in ten plans within twenty weeks.", "Head of SEND",
                    ["HS"], "March 2026", "2026-03", ["Amber", "Red"], ["Amber", "Red ↓"]),
                Act("2.2", "Chase overdue health advice every week.",
                    "Designated Clinical Officer", ["DCO"], "Ongoing", None,
                    ["Amber", "Amber"], ["Amber", "Amber →"]),
            ]),
        ],
    )  # fmt: skip


def alnmouth_txt(plan: Plan) -> bytes:
    return _txt(plan, ["RAG: Green = on track; Amber = some risk; Red = off track. Arrows show "
                       "the direction of travel since last quarter."],
                ["Ref", "Action", "Lead", "Deadline", "Last quarter", "This quarter"],
                lambda a: [*_four(a), a.cell(0), a.cell(1)],
                lambda s: f"Objective {s.ref} – {s.title}", crlf=True)  # fmt: skip


_BRACKET_WORDS = _scale("Complete|Complete|blue", "On track|On track|green",
                        "At risk|At risk|amber", "Off track|Off track|red")  # fmt: skip


def bamburgh() -> Plan:
    """Word: "Previous | Latest" of the words Complete / On track / At risk / Off track in
    shaded cells; the key names each word's colour in brackets; a report date line."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "PEP=Principal Educational Psychologist")  # fmt: skip
    return Plan(
        "Bamburgh Written Statement of Action",
        "Area of weakness",
        people,
        _BRACKET_WORDS,
        [("Previous", ""), ("Latest", "2026-01-31")],
        [
            Section("1", "Assessment and planning", [
                Act("1.1", "Hold a weekly multi-agency panel for requests for assessment.",
                    "Head of SEND", ["HS"], "Oct 2025", "2025-10", ["On track", "Complete"]),
                Act("1.2", "Return educational psychology advice within six weeks.",
                    "Principal Educational Psychologist", ["PEP"], "March 2026", "2026-03",
                    ["Off track", "At risk"]),
            ]),
            Section("2", "Leadership", [
                Act("2.1", "Report progress to the improvement board every month.",
                    "Director of Children's Services", ["DCS"], "Monthly", None,
                    ["On track", "On track"]),
            ]),
        ],
    )  # fmt: skip


def bamburgh_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Report date: 31 January 2026")
    document.add_paragraph("Key: Complete (blue), On track (green), At risk (amber), Off track "
                           "(red)")  # fmt: skip
    _docx_table(document, plan, ["Ref", "Action", "Lead officer", "Timescale", "Previous",
                                 "Latest"],
                lambda a: [*_four(a), a.cell(0), a.cell(1)],
                lambda s: f"Area of weakness {s.ref}: {s.title}",
                lambda a: ["", "", "", "", *(_hex(plan, c) for c in a.ratings)])  # fmt: skip
    return saved(document)


_BEHIND = _scale("1|Not started", "2|Behind", "3|On track", "4|Complete")


def craster() -> Plan:
    """Excel: scores 1-4 under "Q1 | Q2" with no year; the title names the year; the key rows
    of a number and its meaning under a "Key" cell."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "SM=SENDIASS Manager")
    return Plan(
        "Craster SEND Improvement Tracker 2025/26",
        "Workstream",
        people,
        _BEHIND,
        [("Q1", "2025-06-30"), ("Q2", "2025-09-30")],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Set up a fair access panel for pupils with SEND.",
                    "Head of Inclusion", ["HI"], "Sept 2025", "2025-09", ["3", "4"]),
                Act("1.2", "Offer every school an inclusion audit.", "Head of Inclusion",
                    ["HI"], "March 2026", "2026-03", ["1", "2"]),
            ]),
            Section("2", "Information and advice", [
                Act("2.1", "Answer every call to SENDIASS within two working days.",
                    "SENDIASS Manager", ["SM"], "Ongoing", None, ["2", "3"]),
                Act("2.2", "Publish the local offer in five community languages.",
                    "Head of SEND", ["HS"], "Dec 2025", "2025-12", ["1", "3"]),
            ]),
        ],
    )  # fmt: skip


def craster_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Tracker", plan.title)
    sheet.append([])
    sheet.append(["Key"])
    for entry in plan.scale:
        sheet.append([int(entry["code"]), entry["label"]])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Q1", "Q2"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *(int(c) for c in a.ratings)])
    _wrap(sheet)
    return saved(book)


_SWATCH_BGAR = _scale("B|Complete|blue", "G|On track|green", "A|Some slippage|amber",
                      "R|Off track|red")  # fmt: skip


def _swatch_key_docx(document: Any, plan: Plan, words: bool) -> None:
    """A key table: a shaded, empty cell for each colour, then (its colour word and) meaning."""
    rows = [["", *([e["code"]] if words else []), e["label"]] for e in plan.scale]
    table = _table(document, rows)
    for n, entry in enumerate(plan.scale):
        _shade(table.cell(n, 0), _HEX[entry["colour"]])


def doddington() -> Plan:
    """Word: the everyday WSoA table, a "RAG at 31 December 2025" column shaded only, with a
    progress note; the key a table of a swatch and a meaning a row."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "ICB=ICB SEND Lead")
    return Plan(
        "Doddington Priority Action Plan",
        "Priority",
        people,
        _SWATCH_BGAR,
        [("RAG at 31 December 2025", "2025-12-31")],
        [
            Section("1", "Health", [
                Act("1.1", "Agree a single pathway for autism assessment.", "ICB SEND Lead",
                    ["ICB"], "Nov 2025", "2025-11", ["B"], [""],
                    extra={"note": "Pathway agreed at the November board."}),
                Act("1.2", "Cut the wait for speech therapy to eighteen weeks.",
                    "ICB SEND Lead", ["ICB"], "June 2026", "2026-06", ["R"], [""],
                    extra={"note": "Waits are twenty-six weeks."}),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Give each secondary school an inclusion lead.", "Head of Inclusion",
                    ["HI"], "April 2026", "2026-04", ["G"], [""],
                    extra={"note": "Eleven of fourteen schools have one."}),
                Act("2.2", "Cut part-time timetables for pupils with SEND.", "Head of SEND",
                    ["HS"], "July 2026", "2026-07", ["A"], [""],
                    extra={"note": "Numbers down but not yet halved."}),
            ]),
        ],
    )  # fmt: skip


def doddington_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Key")
    _swatch_key_docx(document, plan, words=False)
    document.add_paragraph("")
    _docx_table(document, plan, ["Ref", "Action", "Lead", "Due", "RAG at 31 December 2025",
                                 "Progress update"],
                lambda a: [*_four(a), "", a.extra["note"]],
                lambda s: f"Priority {s.ref}: {s.title}",
                lambda a: ["", "", "", "", _hex(plan, a.ratings[0]), ""])  # fmt: skip
    return saved(document)


_GAR_SLIP = _scale("Green|On track|green", "Amber|Some slippage|amber", "Red|Off track|red")


def embleton() -> Plan:
    """Excel: a band "2025/26" merged over "Sep | Dec | Mar", colour words; the key rows of a
    filled, empty cell, the colour's name and its meaning."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead",
                    "SW=Head of Disabled Children's Social Work")  # fmt: skip
    months = [("Sep 2025", "2025-09-30"), ("Dec 2025", "2025-12-31"), ("Mar 2026", "2026-03-31")]
    return Plan(
        "Embleton SEND Improvement Plan",
        "Priority",
        people,
        _GAR_SLIP,
        months,
        [
            Section("1", "Preparing for adulthood", [
                Act("1.1", "Start a supported internship with the council.",
                    "Preparing for Adulthood Lead", ["PFA"], "Sept 2025", "2025-09",
                    ["Green", "Green", "Green"]),
                Act("1.2", "Plan the move to adult care from age sixteen.",
                    "Head of Disabled Children's Social Work", ["SW"], "March 2026", "2026-03",
                    ["Red", "Amber", ""]),
            ]),
            Section("2", "Annual reviews", [
                Act("2.1", "Hold every annual review on time.", "Head of SEND", ["HS"],
                    "Ongoing", None, ["Amber", "Amber", "Green"]),
            ]),
        ],
    )  # fmt: skip


def embleton_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Plan", plan.title)
    sheet.append(["Key"])
    for entry in plan.scale:
        sheet.append([None, entry["code"], entry["label"]])
        _swatch_fill(sheet, sheet.max_row, 1, entry["colour"])
    sheet.append([])
    sheet.append(["", "", "", "", "2025/26"])
    sheet.merge_cells(start_row=sheet.max_row, start_column=5, end_row=sheet.max_row,
                      end_column=7)  # fmt: skip
    sheet.append(["Ref", "Action", "Lead", "Due", "Sep", "Dec", "Mar"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *(c or None for c in
                                                                      a.ratings)])  # fmt: skip
    _wrap(sheet)
    return saved(book)


_DELAYED = _scale("Complete|The action is done and signed off",
                  "On track|It will be done by its deadline",
                  "Delayed|It will be late but the delay is in hand",
                  "Not started|Work has not begun")  # fmt: skip


def felton() -> Plan:
    """A web page: a "Progress" column of the words Complete / On track / Delayed / Not
    started, whose meanings a paragraph gives; an "Updated" line dates it."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "PCF=Parent Carer Forum Chair")
    return Plan(
        "Felton Written Statement of Action",
        "Area of weakness",
        people,
        _DELAYED,
        [("Progress", "2025-11-30")],
        [
            Section("1", "Co-production", [
                Act("1.1", "Write the SEND strategy with the parent carer forum.",
                    "Parent Carer Forum Chair", ["PCF"], "Oct 2025", "2025-10", ["Complete"]),
                Act("1.2", "Hold a families' reference group every term.",
                    "Parent Carer Forum Chair", ["PCF"], "Termly", None, ["On track"]),
            ]),
            Section("2", "Early years", [
                Act("2.1", "Fund portage for every child under three who needs it.",
                    "Head of Early Years", ["HEY"], "April 2026", "2026-04", ["Delayed"]),
                Act("2.2", "Publish the early years SEND pathway.", "Head of SEND", ["HS"],
                    "June 2026", "2026-06", ["Not started"]),
            ]),
        ],
    )  # fmt: skip


def felton_txt(plan: Plan) -> bytes:
    key = "What the progress words mean: " + " ".join(
        f"{e['code']} – {e['label'][0].lower()}{e['label'][1:]}." for e in plan.scale
    )
    return _txt(plan, ["Updated: November 2025", "", key],
                ["Ref", "Action", "Lead officer", "By when", "Progress"],
                lambda a: [*_four(a), a.cell(0)],
                lambda s: f"Area of weakness {s.ref}: {s.title}", per_section=True)  # fmt: skip


_FILLED = _scale("●|Complete", "◕|Nearly there", "◑|Under way", "○|Not started")


def glanton() -> Plan:
    """PDF: a "Progress" column of filled circles and a "Direction" column of arrows, each with
    a legend line of its own; a "Position at" line dates it."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "HI=Head of Inclusion")  # fmt: skip
    return Plan(
        "Glanton Accelerated Progress Plan",
        "Priority",
        people,
        _FILLED,
        [("Progress", "2025-12-31")],
        [
            Section("1", "Educational psychology", [
                Act("1.1", "Recruit three educational psychologists.",
                    "Principal Educational Psychologist", ["PEP"], "Jan 2026", "2026-01", ["◕"],
                    extra={"dot": "↗"}),
                Act("1.2", "Offer schools a consultation line.",
                    "Principal Educational Psychologist", ["PEP"], "Oct 2025", "2025-10", ["●"],
                    extra={"dot": "→"}),
            ]),
            Section("2", "Exclusions", [
                Act("2.1", "Review every suspension of a pupil with an EHC plan.",
                    "Head of Inclusion", ["HI"], "Ongoing", None, ["◑"], extra={"dot": "↘"}),
                Act("2.2", "Open a second inclusion base.", "Head of SEND", ["HS"],
                    "Sept 2026", "2026-09", ["○"], extra={"dot": "→"}),
            ]),
        ],
    )  # fmt: skip


def glanton_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Position at 31 December 2025</p>"
    body += "<p>Progress: ● complete ◕ nearly there ◑ under way ○ not started</p>"
    body += "<p>Direction of travel: ↗ improving → no change ↘ worsening</p>"
    body += _pdf_table(plan, ["Ref", "Action", "Lead", "Due", "Progress", "Direction"],
                       lambda s: f"Priority {s.ref}: {s.title}",
                       lambda a: [*_four(a), a.cell(0), a.extra["dot"]])  # fmt: skip
    return _pdf(body, wide=True)


def harbottle() -> Plan:
    """Excel: a band "Academic year 2025-26" over "Autumn | Spring", colour words in filled
    cells; the key's meanings with their colours in brackets."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "HEY=Head of Early Years")
    return Plan(
        "Harbottle SEND Improvement Tracker",
        "Workstream",
        people,
        _GAR_SLIP,
        [("Autumn 2025", "2025-12-31"), ("Spring 2026", "2026-04-30")],
        [
            Section("1", "Schools", [
                Act("1.1", "Train every SENCo in the new banding tool.", "Head of Inclusion",
                    ["HI"], "Dec 2025", "2025-12", ["Amber", "Green"]),
                Act("1.2", "Moderate top-up funding requests each half term.",
                    "Head of SEND", ["HS"], "Ongoing", None, ["Green", "Green"]),
            ]),
            Section("2", "Early years", [
                Act("2.1", "Offer every pre-school an inclusion visit.", "Head of Early Years",
                    ["HEY"], "July 2026", "2026-07", ["Red", "Amber"]),
            ]),
        ],
    )  # fmt: skip


def harbottle_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Tracker", plan.title)
    sheet.append(["RAG: On track (green), Some slippage (amber), Off track (red)"])
    sheet.append(["", "", "", "", "Academic year 2025-26"])
    sheet.merge_cells(start_row=3, start_column=5, end_row=3, end_column=6)
    sheet.append(["Ref", "Action", "Lead", "Due", "Autumn", "Spring"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings])
            for n, code in enumerate(a.ratings):
                _fill(sheet, sheet.max_row, 5 + n, _hex(plan, code))
    _wrap(sheet)
    return saved(book)


def ilderton() -> Plan:
    """Word: the everyday PAP, a table a priority under its heading; "Delivery RAG (Sept 2025)
    | Impact (Sept 2025)" colour words and a commentary."""
    people = _roles("HS=Head of SEND", "DCO=Designated Clinical Officer", "SM=SENDIASS Manager")
    return Plan(
        "Ilderton SEND Priority Action Plan",
        "Priority",
        people,
        _GAR_SLIP,
        [("Delivery RAG (Sept 2025)", "2025-09-30")],
        [
            Section("1", "Health advice", [
                Act("1.1", "Send health advice within six weeks of a request.",
                    "Designated Clinical Officer", ["DCO"], "Dec 2025", "2025-12", ["Amber"],
                    extra={"impact": "Red", "note": "Seven in ten on time."}),
                Act("1.2", "Train health visitors in the graduated response.",
                    "Designated Clinical Officer", ["DCO"], "Oct 2025", "2025-10", ["Green"],
                    extra={"impact": "Amber", "note": "Two sessions held."}),
            ]),
            Section("2", "Families", [
                Act("2.1", "Publish a guide to mediation and tribunals.", "SENDIASS Manager",
                    ["SM"], "Nov 2025", "2025-11", ["Green"],
                    extra={"impact": "Green", "note": "Published in September."}),
                Act("2.2", "Answer complaints within twenty working days.", "Head of SEND",
                    ["HS"], "Ongoing", None, ["Red"],
                    extra={"impact": "Red", "note": "Half answered on time."}),
            ]),
        ],
    )  # fmt: skip


def ilderton_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("RAG: Green – on track; Amber – some slippage; Red – off track.")
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "Due", "Delivery RAG (Sept 2025)",
                 "Impact (Sept 2025)", "Commentary"]]  # fmt: skip
        rows += [[*_four(a), a.cell(0), a.extra["impact"], a.extra["note"]] for a in s.actions]
        _table(document, rows)
    return saved(document)


_GAR_LETTERS = _scale("G|On track|green", "A|At risk|amber", "R|Off track|red")


def kielder() -> Plan:
    """Excel: "RAG Oct 2025 | RAG Jan 2026" letters, the later with an arrow beside the letter
    in the same cell; the key a line naming the letters and the arrows."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PEP=Principal Educational "
                    "Psychologist")  # fmt: skip
    return Plan(
        "Kielder Accelerated Progress Plan",
        "Priority",
        people,
        _GAR_LETTERS,
        [("RAG Oct 2025", "2025-10-31"), ("RAG Jan 2026", "2026-01-31")],
        [
            Section("1", "Assessment", [
                Act("1.1", "Clear the backlog of requests for assessment.", "Head of SEND",
                    ["HS"], "Jan 2026", "2026-01", ["R", "A"], ["R", "A ↑"]),
                Act("1.2", "Agree a timetable for EP advice with each school.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["A", "G"], ["A", "G ↑"]),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Start outreach from two special schools.", "Head of Inclusion",
                    ["HI"], "April 2026", "2026-04", ["G", "A"], ["G", "A ↓"]),
                Act("2.2", "Publish a guide to reasonable adjustments.", "Head of Inclusion",
                    ["HI"], "Nov 2025", "2025-11", ["G", "G"], ["G", "G ↔"]),
            ]),
        ],
    )  # fmt: skip


def kielder_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("APP", plan.title)
    sheet.append(["RAG key: G = on track, A = at risk, R = off track. ↑ improved, ↓ declined, "
                  "↔ no change"])  # fmt: skip
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "RAG Oct 2025", "RAG Jan 2026"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0), a.cell(1)])
    _wrap(sheet)
    return saved(book)


def longhorsley() -> Plan:
    """PDF: the everyday tracker printed; a "Score" column of 1-4; the key a table of a number
    and its meaning a row, under a "Key" line; a "Position at" line dates it."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead",
                    "ICB=ICB SEND Lead")  # fmt: skip
    return Plan(
        "Longhorsley SEND Improvement Tracker",
        "Workstream",
        people,
        _BEHIND,
        [("Score", "2025-11-30")],
        [
            Section("1", "Post-16", [
                Act("1.1", "Map post-16 places against need.", "Preparing for Adulthood Lead",
                    ["PFA"], "Oct 2025", "2025-10", ["4"]),
                Act("1.2", "Open a supported living pilot.", "Preparing for Adulthood Lead",
                    ["PFA"], "June 2026", "2026-06", ["1"]),
            ]),
            Section("2", "Health", [
                Act("2.1", "Name a nurse for every special school.", "ICB SEND Lead", ["ICB"],
                    "Jan 2026", "2026-01", ["3"]),
                Act("2.2", "Publish waiting times for therapies each month.", "ICB SEND Lead",
                    ["ICB"], "Monthly", None, ["2"]),
                Act("2.3", "Agree who funds continence supplies.", "Head of SEND", ["HS"],
                    "Dec 2025", "2025-12", ["2"]),
            ]),
        ],
    )  # fmt: skip


def longhorsley_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Position at 30 November 2025</p><p>Key</p><table>"
    body += "".join(f"<tr>{_cells([e['code'], e['label']])}</tr>" for e in plan.scale)
    body += "</table>"
    body += _pdf_table(plan, ["Ref", "Action", "Lead", "Due", "Score"],
                       lambda s: f"Workstream {s.ref}: {s.title}",
                       lambda a: [*_four(a), a.cell(0)])  # fmt: skip
    return _pdf(body, wide=True)


_STALLED = _scale("Complete|The action is finished", "On track|Going to plan",
                  "Delayed|Behind plan with a new date agreed",
                  "Not started|Not yet due to start")  # fmt: skip


def matfen() -> Plan:
    """Word: a "Status at March 2026" column of the words Complete / On track / Delayed / Not
    started; the key a table of the words and what each means, no colours."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "SW=Head of Disabled Children's Social Work")  # fmt: skip
    return Plan(
        "Matfen Written Statement of Action",
        "Area of weakness",
        people,
        _STALLED,
        [("Status at March 2026", "2026-03-31")],
        [
            Section("1", "Social care", [
                Act("1.1", "Include social care advice in every EHC needs assessment.",
                    "Head of Disabled Children's Social Work", ["SW"], "Feb 2026", "2026-02",
                    ["Delayed"]),
                Act("1.2", "Train social workers in writing outcomes.",
                    "Head of Disabled Children's Social Work", ["SW"], "Dec 2025", "2025-12",
                    ["Complete"]),
            ]),
            Section("2", "Oversight", [
                Act("2.1", "Set up a SEND scrutiny panel of elected members.",
                    "Director of Children's Services", ["DCS"], "Sept 2026", "2026-09",
                    ["Not started"]),
                Act("2.2", "Share a monthly performance report with partners.", "Head of SEND",
                    ["HS"], "Monthly", None, ["On track"]),
            ]),
        ],
    )  # fmt: skip


def matfen_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("How progress is described")
    _table(document, [["Status", "What it means"], *([e["code"], e["label"]] for e in plan.scale)])
    document.add_paragraph("")
    _docx_table(document, plan, ["Ref", "Action", "Lead", "Due", "Status at March 2026"],
                lambda a: [*_four(a), a.cell(0)],
                lambda s: f"Area of weakness {s.ref}: {s.title}")  # fmt: skip
    return saved(document)


_DELAY_BRACKETS = _scale("Complete|Complete|blue", "On track|On track|green",
                         "Delayed|Delayed|amber", "Not started|Not started|red")  # fmt: skip


def newbrough() -> Plan:
    """Excel pasted: "Previous | Latest" of the words Complete / On track / Delayed / Not
    started; the key gives each word's colour in brackets; an "As at" line dates it."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "SM=SENDIASS Manager")
    return Plan(
        "Newbrough SEND Improvement Plan: progress report",
        "Priority",
        people,
        _DELAY_BRACKETS,
        [("Previous", ""), ("Latest", "2026-02-28")],
        [
            Section("1", "Early years", [
                Act("1.1", "Train childminders to spot early signs of need.",
                    "Head of Early Years", ["HEY"], "Jan 2026", "2026-01",
                    ["On track", "Complete"]),
                Act("1.2", "Open two early years resource bases.", "Head of Early Years",
                    ["HEY"], "Sept 2026", "2026-09", ["Not started", "Delayed"]),
            ]),
            Section("2", "Families' voice", [
                Act("2.1", "Survey families each year about the local offer.",
                    "SENDIASS Manager", ["SM"], "March 2026", "2026-03",
                    ["On track", "On track"]),
                Act("2.2", "Answer every question sent to the local offer within a week.",
                    "Head of SEND", ["HS"], "Ongoing", None, ["Delayed", "On track"]),
            ]),
        ],
    )  # fmt: skip


def newbrough_txt(plan: Plan) -> bytes:
    return _txt(plan, ["As at 28 February 2026",
                       "Key: Complete (blue), On track (green), Delayed (amber), Not started "
                       "(red)"],
                ["No.", "Action", "Owner", "Target", "Previous", "Latest"],
                lambda a: [*_four(a), a.cell(0), a.cell(1)],
                lambda s: f"Priority {s.ref}: {s.title}", crlf=True)  # fmt: skip


def ponteland() -> Plan:
    """PDF: a band "2025/26" over "Nov | Jan | Mar", letters in shaded cells with an arrow
    beside each letter after the first; the key a line of letters and arrows."""
    people = _roles("HS=Head of SEND", "DCO=Designated Clinical Officer", "HI=Head of Inclusion")
    months = [("Nov 2025", "2025-11-30"), ("Jan 2026", "2026-01-31"), ("Mar 2026", "2026-03-31")]
    return Plan(
        "Ponteland Accelerated Progress Plan",
        "Priority",
        people,
        _GAR_LETTERS,
        months,
        [
            Section("1", "Neurodevelopmental assessment", [
                Act("1.1", "Triage every referral within four weeks.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01",
                    ["R", "A", "G"], ["R", "A ↑", "G ↑"]),
                Act("1.2", "Offer families a named contact while they wait.",
                    "Designated Clinical Officer", ["DCO"], "March 2026", "2026-03",
                    ["A", "A", "R"], ["A", "A ↔", "R ↓"]),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Agree an inclusion charter with head teachers.",
                    "Head of Inclusion", ["HI"], "Dec 2025", "2025-12", ["G", "G", "G"],
                    ["G", "G ↔", "G ↔"]),
            ]),
        ],
    )  # fmt: skip


def ponteland_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "<p>G – on track. A – at risk. R – off track. ↑ better, ↓ worse, ↔ the same.</p>"
    body += "<table><thead>"
    body += "<tr><th></th><th></th><th></th><th></th><th colspan='3'>2025/26</th></tr>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "Nov", "Jan", "Mar"]) + "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='7'>Priority {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [*_four(a), *(a.cell(n) for n in range(3))]
            fills = ["", "", "", "", *(_hex(plan, c) for c in a.ratings)]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


_STARS = _scale("★|Complete", "●|On track", "◐|Some delay", "○|Not started")


def rothbury() -> Plan:
    """Excel: a "Status Dec 2025" column of ★ ● ◐ ○ and a "Trend" column of arrows, each keyed
    in a line of its own above the table."""
    people = _roles("HS=Head of SEND", "PFA=Preparing for Adulthood Lead",
                    "HEY=Head of Early Years")  # fmt: skip
    return Plan(
        "Rothbury SEND Improvement Tracker",
        "Workstream",
        people,
        _STARS,
        [("Status Dec 2025", "2025-12-31")],
        [
            Section("1", "Transitions", [
                Act("1.1", "Write a transition plan at every Year 9 review.",
                    "Preparing for Adulthood Lead", ["PFA"], "July 2026", "2026-07", ["◐"],
                    extra={"dot": "⬆"}),
                Act("1.2", "Run taster days at the further education college.",
                    "Preparing for Adulthood Lead", ["PFA"], "Nov 2025", "2025-11", ["★"],
                    extra={"dot": "➡"}),
            ]),
            Section("2", "Early years", [
                Act("2.1", "Give every family hub a SEND drop-in.", "Head of Early Years",
                    ["HEY"], "March 2026", "2026-03", ["●"], extra={"dot": "⬆"}),
                Act("2.2", "Offer nursery staff makaton training.", "Head of Early Years",
                    ["HEY"], "June 2026", "2026-06", ["○"], extra={"dot": "⬇"}),
            ]),
        ],
    )  # fmt: skip


def rothbury_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Tracker", plan.title)
    sheet.append(["Status: ★ complete  ● on track  ◐ some delay  ○ not started"])
    sheet.append(["Trend: ⬆ better  ➡ the same  ⬇ worse"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Status Dec 2025", "Trend"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.cell(0), a.extra["dot"]])
    _wrap(sheet)
    return saved(book)


def seahouses() -> Plan:
    """Word: "Progress at 31 March 2026 | Impact (March 2026)" colour words; the key a table
    of a swatch and a meaning a row, no colour words."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "ICB=ICB SEND Lead")
    return Plan(
        "Seahouses SEND Priority Action Plan",
        "Priority",
        people,
        _GAR_SLIP,
        [("Progress at 31 March 2026", "2026-03-31")],
        [
            Section("1", "Speech, language and communication", [
                Act("1.1", "Put a speech and language therapist in each family hub.",
                    "ICB SEND Lead", ["ICB"], "Feb 2026", "2026-02", ["Green"],
                    extra={"impact": "Amber"}),
                Act("1.2", "Train teaching assistants in language groups.", "Head of Inclusion",
                    ["HI"], "May 2026", "2026-05", ["Amber"], extra={"impact": "Amber"}),
            ]),
            Section("2", "Specialist places", [
                Act("2.1", "Open forty more specialist places.", "Head of SEND", ["HS"],
                    "Sept 2026", "2026-09", ["Red"], extra={"impact": "Red"}),
                Act("2.2", "Place no child out of county without a panel.", "Head of SEND",
                    ["HS"], "Ongoing", None, ["Green"], extra={"impact": "Green"}),
            ]),
        ],
    )  # fmt: skip


def seahouses_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Key to ratings")
    _swatch_key_docx(document, plan, words=False)
    document.add_paragraph("")
    _docx_table(document, plan, ["Ref", "Action", "Lead", "Due", "Progress at 31 March 2026",
                                 "Impact (March 2026)"],
                lambda a: [*_four(a), a.cell(0), a.extra["impact"]],
                lambda s: f"Priority {s.ref}: {s.title}")  # fmt: skip
    return saved(document)


_GAR_AT_RISK = _scale("G|On track|green", "A|At risk|amber", "R|Off track|red")


def thropton() -> Plan:
    """A PDF copied as text: the everyday APP table, "Q1 | Q2 | Q3" with no year; the title
    names the year; the key a line of letters."""
    people = _roles("HS=Head of SEND", "PEP=Principal Educational Psychologist",
                    "SM=SENDIASS Manager")  # fmt: skip
    quarters = [("Q1", "2025-06-30"), ("Q2", "2025-09-30"), ("Q3", "2025-12-31")]
    return Plan(
        "Thropton Accelerated Progress Plan 2025-26",
        "Priority",
        people,
        _GAR_AT_RISK,
        quarters,
        [
            Section("1", "Assessment", [
                Act("1.1", "Bring EP advice back within six weeks.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["R", "A", "G"]),
                Act("1.2", "Tell families at week six whether an assessment will go ahead.",
                    "Head of SEND", ["HS"], "Sept 2025", "2025-09", ["A", "G", "G"]),
            ]),
            Section("2", "Families", [
                Act("2.1", "Train SENDIASS volunteers to support annual reviews.",
                    "SENDIASS Manager", ["SM"], "March 2026", "2026-03", ["G", "A", "A"]),
            ]),
        ],
    )  # fmt: skip


def thropton_txt(plan: Plan) -> bytes:
    return _txt(plan, ["RAG: R = off track, A = at risk, G = on track"],
                ["Ref", "Action", "Lead", "Due", "Q1", "Q2", "Q3"],
                lambda a: [*_four(a), *a.ratings],
                lambda s: f"Priority {s.ref} {s.title}")  # fmt: skip


_LATE = _scale("Complete|The action has been delivered", "On track|Will be delivered on time",
               "Delayed|Running late", "Not started|Not yet begun")  # fmt: skip


def ulgham() -> Plan:
    """PDF: a "Status (Jan 2026)" column of words; the key a paragraph a word, the word in bold
    and its meaning after a colon."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PCF=Parent Carer Forum Chair")
    return Plan(
        "Ulgham SEND Improvement Plan",
        "Priority",
        people,
        _LATE,
        [("Status (Jan 2026)", "2026-01-31")],
        [
            Section("1", "Communication", [
                Act("1.1", "Send every family a termly SEND newsletter.",
                    "Parent Carer Forum Chair", ["PCF"], "Termly", None, ["On track"]),
                Act("1.2", "Rewrite letters about assessment in plain English.",
                    "Head of SEND", ["HS"], "Nov 2025", "2025-11", ["Complete"]),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Fund nurture groups in ten primary schools.", "Head of Inclusion",
                    ["HI"], "July 2026", "2026-07", ["Delayed"]),
                Act("2.2", "Start an inclusion award for schools.", "Head of Inclusion",
                    ["HI"], "Sept 2026", "2026-09", ["Not started"]),
            ]),
        ],
    )  # fmt: skip


def ulgham_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1>"
    body += "".join(f"<p><b>{e['code']}</b>: {e['label'].lower()}</p>" for e in plan.scale)
    body += _pdf_table(plan, ["Ref", "Action", "Lead", "Due", "Status (Jan 2026)"],
                       lambda s: f"Priority {s.ref}: {s.title}",
                       lambda a: [*_four(a), a.cell(0)])  # fmt: skip
    return _pdf(body, wide=True)


_COLOURED_NUMBERS = _scale("1|Not started|red", "2|Behind|amber", "3|On track|green",
                           "4|Complete|blue")  # fmt: skip


def wark() -> Plan:
    """Excel: scores 1-4 in filled cells under "Sep 2025 | Dec 2025"; the key rows of a number
    in a filled cell and its meaning."""
    people = _roles("HS=Head of SEND", "SW=Head of Disabled Children's Social Work",
                    "DCO=Designated Clinical Officer")  # fmt: skip
    return Plan(
        "Wark SEND Improvement Tracker",
        "Workstream",
        people,
        _COLOURED_NUMBERS,
        [("Sep 2025", "2025-09-30"), ("Dec 2025", "2025-12-31")],
        [
            Section("1", "Short breaks", [
                Act("1.1", "Publish the short breaks statement.",
                    "Head of Disabled Children's Social Work", ["SW"], "Oct 2025", "2025-10",
                    ["3", "4"]),
                Act("1.2", "Recruit more short breaks carers.",
                    "Head of Disabled Children's Social Work", ["SW"], "June 2026", "2026-06",
                    ["1", "2"]),
            ]),
            Section("2", "Health", [
                Act("2.1", "Agree a protocol for medical needs in school.",
                    "Designated Clinical Officer", ["DCO"], "Jan 2026", "2026-01",
                    ["2", "3"]),
                Act("2.2", "Audit the health sections of twenty plans a term.",
                    "Designated Clinical Officer", ["DCO"], "Termly", None, ["3", "3"]),
            ]),
        ],
    )  # fmt: skip


def wark_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("Tracker", plan.title)
    sheet.append([])
    sheet.append(["Key"])
    for entry in plan.scale:
        sheet.append([int(entry["code"]), entry["label"]])
        _swatch_fill(sheet, sheet.max_row, 1, entry["colour"])
    sheet.append([])
    sheet.append(["Ref", "Action", "Lead", "Due", "Sep 2025", "Dec 2025"])
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *(int(c) for c in a.ratings)])
            for n, code in enumerate(a.ratings):
                _fill(sheet, sheet.max_row, 5 + n, _hex(plan, code))
    _wrap(sheet)
    return saved(book)


def whittingham() -> Plan:
    """Word: "RAG Jan 2026 | Impact Jan 2026", an arrow beside each RAG in its cell; the key
    names the colours and the arrows."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "PEP=Principal Educational Psychologist")  # fmt: skip
    return Plan(
        "Whittingham Written Statement of Action",
        "Area of weakness",
        people,
        _GAR_SLIP,
        [("RAG Jan 2026", "2026-01-31")],
        [
            Section("1", "EHC plans", [
                Act("1.1", "Quality assure every draft plan before it is issued.",
                    "Principal Educational Psychologist", ["PEP"], "Dec 2025", "2025-12",
                    ["Green"], ["Green ↑"], extra={"impact": "Amber"}),
                Act("1.2", "Amend plans within four weeks of an annual review.",
                    "Head of SEND", ["HS"], "March 2026", "2026-03", ["Amber"], ["Amber →"],
                    extra={"impact": "Red"}),
            ]),
            Section("2", "Governance", [
                Act("2.1", "Bring health and care leaders to every improvement board.",
                    "Director of Children's Services", ["DCS"], "Ongoing", None, ["Red"],
                    ["Red ↓"], extra={"impact": "Red"}),
            ]),
        ],
    )  # fmt: skip


def whittingham_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Green – on track; Amber – some slippage; Red – off track. ↑ "
                           "improving; → no change; ↓ declining.")  # fmt: skip
    _docx_table(document, plan, ["Ref", "Action", "Lead", "Due", "RAG Jan 2026",
                                 "Impact Jan 2026"],
                lambda a: [*_four(a), a.cell(0), a.extra["impact"]],
                lambda s: f"Area of weakness {s.ref}: {s.title}")  # fmt: skip
    return saved(document)


_HALF_CIRCLES = _scale("●|Complete", "◑|In progress", "○|Not started")


def wooler() -> Plan:
    """PDF: "Sep 2025 | Dec 2025" columns of ● ◑ ○ and a "Direction" column of arrows; two key
    tables, one for the circles and one for the arrows."""
    people = _roles("HS=Head of SEND", "SM=SENDIASS Manager", "HI=Head of Inclusion")
    return Plan(
        "Wooler Accelerated Progress Plan",
        "Priority",
        people,
        _HALF_CIRCLES,
        [("Sep 2025", "2025-09-30"), ("Dec 2025", "2025-12-31")],
        [
            Section("1", "Information for families", [
                Act("1.1", "Relaunch the local offer website.", "SENDIASS Manager", ["SM"],
                    "Nov 2025", "2025-11", ["◑", "●"], extra={"dot": "↑"}),
                Act("1.2", "Hold a SEND roadshow in each district.", "SENDIASS Manager",
                    ["SM"], "May 2026", "2026-05", ["○", "◑"], extra={"dot": "↑"}),
            ]),
            Section("2", "Attendance", [
                Act("2.1", "Support schools with pupils refusing school.", "Head of Inclusion",
                    ["HI"], "March 2026", "2026-03", ["◑", "◑"], extra={"dot": "→"}),
                Act("2.2", "Name an attendance lead for pupils with plans.", "Head of SEND",
                    ["HS"], "Oct 2025", "2025-10", ["●", "●"], extra={"dot": "→"}),
            ]),
        ],
    )  # fmt: skip


def wooler_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Key to progress</p><table>"
    body += "".join(f"<tr>{_cells([e['code'], e['label']])}</tr>" for e in plan.scale)
    body += "</table><p>Key to direction</p><table>"
    body += "".join(f"<tr>{_cells(pair)}</tr>" for pair in
                    (["↑", "Improving"], ["→", "No change"], ["↓", "Getting worse"]))  # fmt: skip
    body += "</table>"
    body += _pdf_table(plan, ["Ref", "Action", "Lead", "Due", "Sep 2025", "Dec 2025",
                              "Direction"],
                       lambda s: f"Priority {s.ref}: {s.title}",
                       lambda a: [*_four(a), a.cell(0), a.cell(1), a.extra["dot"]])  # fmt: skip
    return _pdf(body, wide=True)


def belford() -> Plan:
    """Excel pasted: a band line "Academic year 2025/26" over "Autumn term | Spring term",
    colour words; the key a line."""
    people = _roles("HS=Head of SEND", "HEY=Head of Early Years", "PEP=Principal Educational "
                    "Psychologist")  # fmt: skip
    return Plan(
        "Belford SEND Improvement Plan",
        "Priority",
        people,
        _GAR_SLIP,
        [("Autumn term 2025", "2025-12-31"), ("Spring term 2026", "2026-04-30")],
        [
            Section("1", "Early years", [
                Act("1.1", "Hold a termly early years SEND panel.", "Head of Early Years",
                    ["HEY"], "Termly", None, ["Green", "Green"]),
                Act("1.2", "Offer EP consultation to every nursery.",
                    "Principal Educational Psychologist", ["PEP"], "April 2026", "2026-04",
                    ["Red", "Amber"]),
            ]),
            Section("2", "Assessment", [
                Act("2.1", "Use one request form for every assessment.", "Head of SEND",
                    ["HS"], "Jan 2026", "2026-01", ["Amber", "Green"]),
            ]),
        ],
    )  # fmt: skip


def belford_txt(plan: Plan) -> bytes:
    lines = [plan.title, "Green – on track, Amber – some slippage, Red – off track", "",
             "\t\t\t\tAcademic year 2025/26\t",
             "Ref\tAction\tLead\tDue\tAutumn term\tSpring term"]  # fmt: skip
    for s in plan.sections:
        lines.append(f"Priority {s.ref}: {s.title}\t\t\t\t\t")
        lines += ["\t".join([*_four(a), *a.ratings]) for a in s.actions]
    return "\r\n".join(lines).encode()


# Added, each for a kind the first twenty-two left on one side only, before any scoring.


def acklington() -> Plan:
    """Word: the everyday WSoA table under two heading rows, a band "2025/26" merged over
    "Sept | Dec"; colour words; the key a line."""
    people = _roles("DCS=Director of Children's Services", "HS=Head of SEND",
                    "ICB=ICB SEND Lead")  # fmt: skip
    return Plan(
        "Acklington Written Statement of Action",
        "Area of weakness",
        people,
        _GAR_SLIP,
        [("Sept 2025", "2025-09-30"), ("Dec 2025", "2025-12-31")],
        [
            Section("1", "Joint commissioning", [
                Act("1.1", "Agree a joint commissioning strategy for SEND.",
                    "Director of Children's Services", ["DCS"], "Dec 2025", "2025-12",
                    ["Amber", "Green"]),
                Act("1.2", "Pool budgets for children with complex needs.", "ICB SEND Lead",
                    ["ICB"], "March 2026", "2026-03", ["Red", "Amber"]),
            ]),
            Section("2", "Quality of plans", [
                Act("2.1", "Audit twenty plans a month with health and care.", "Head of SEND",
                    ["HS"], "Monthly", None, ["Green", "Green"]),
            ]),
        ],
    )  # fmt: skip


def acklington_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph("RAG: Green – on track. Amber – some slippage. Red – off track.")
    heads = ["Ref", "Action", "Lead", "Timescale", "Sept", "Dec"]
    band = ["", "", "", "", "2025/26", ""]
    rows = [band, heads, *_rows(plan, lambda s: f"Area of weakness {s.ref}: {s.title}",
                                lambda a: [*_four(a), *a.ratings], 6)]  # fmt: skip
    table = _table(document, rows)
    table.cell(0, 4).merge(table.cell(0, 5)).text = "2025/26"
    r = 2
    for s in plan.sections:
        table.cell(r, 0).merge(table.cell(r, 5)).text = f"Area of weakness {s.ref}: {s.title}"
        r += 1 + len(s.actions)
    return saved(document)


_BGAR_LETTERS = _scale("B|Complete|blue", "G|On track|green", "A|At risk|amber",
                       "R|Off track|red")  # fmt: skip


def beadnell() -> Plan:
    """Excel: the everyday APP sheet; a band "Academic year 2025/26" merged over "Autumn |
    Spring", BRAG letters in filled cells; the key a line."""
    people = _roles("HS=Head of SEND", "HI=Head of Inclusion", "PFA=Preparing for Adulthood "
                    "Lead")  # fmt: skip
    return Plan(
        "Beadnell Accelerated Progress Plan",
        "Priority",
        people,
        _BGAR_LETTERS,
        [("Autumn 2025", "2025-12-31"), ("Spring 2026", "2026-04-30")],
        [
            Section("1", "Inclusion", [
                Act("1.1", "Offer every school a termly inclusion review.", "Head of Inclusion",
                    ["HI"], "Termly", None, ["G", "G"]),
                Act("1.2", "Halve exclusions of pupils with EHC plans.", "Head of Inclusion",
                    ["HI"], "July 2026", "2026-07", ["R", "A"]),
            ]),
            Section("2", "Adulthood", [
                Act("2.1", "Start a supported employment forum.", "Preparing for Adulthood Lead",
                    ["PFA"], "Dec 2025", "2025-12", ["A", "B"]),
                Act("2.2", "Map housing options for young adults with SEND.", "Head of SEND",
                    ["HS"], "June 2026", "2026-06", ["G", "A"]),
            ]),
        ],
    )  # fmt: skip


def beadnell_xlsx(plan: Plan) -> bytes:
    book, sheet = _sheet("APP", plan.title)
    sheet.append(["BRAG: B – complete, G – on track, A – at risk, R – off track"])
    sheet.append(["", "", "", "", "Academic year 2025/26"])
    sheet.merge_cells(start_row=3, start_column=5, end_row=3, end_column=6)
    sheet.append(["Ref", "Action", "Lead", "Due", "Autumn", "Spring"])
    for s in plan.sections:
        sheet.append([f"Priority {s.ref}: {s.title}"])
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, *a.ratings])
            for n, code in enumerate(a.ratings):
                _fill(sheet, sheet.max_row, 5 + n, _hex(plan, code))
    _wrap(sheet)
    return saved(book)


def chillingham() -> Plan:
    """PDF: the everyday WSoA report printed; a band "2025/26" over "Sep | Dec | Mar", colour
    words in shaded cells, a later month blank; the key a line."""
    people = _roles("HS=Head of SEND", "SW=Head of Disabled Children's Social Work",
                    "PCF=Parent Carer Forum Chair")  # fmt: skip
    months = [("Sep 2025", "2025-09-30"), ("Dec 2025", "2025-12-31"), ("Mar 2026", "2026-03-31")]
    return Plan(
        "Chillingham Written Statement of Action",
        "Area of weakness",
        people,
        _GAR_SLIP,
        months,
        [
            Section("1", "Co-production", [
                Act("1.1", "Pay parent carers for their time on working groups.",
                    "Parent Carer Forum Chair", ["PCF"], "Oct 2025", "2025-10",
                    ["Amber", "Green", "Green"]),
                Act("1.2", "Review the SEND strategy with young people.", "Head of SEND",
                    ["HS"], "June 2026", "2026-06", ["Red", "Amber", ""]),
            ]),
            Section("2", "Short breaks", [
                Act("2.1", "Open a second short breaks centre.",
                    "Head of Disabled Children's Social Work", ["SW"], "Sept 2026", "2026-09",
                    ["Red", "Red", "Amber"]),
            ]),
        ],
    )  # fmt: skip


def chillingham_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Report to the SEND Improvement Board</p>"
    body += "<p>Green – on track; Amber – some slippage; Red – off track.</p><table><thead>"
    body += "<tr><th></th><th></th><th></th><th></th><th colspan='3'>2025/26</th></tr>"
    body += _th_row(["Ref", "Action", "Lead", "Due", "Sep", "Dec", "Mar"]) + "</thead><tbody>"
    for s in plan.sections:
        body += f"<tr><td colspan='7'>Area of weakness {s.ref}: {escape(s.title)}</td></tr>"
        for a in s.actions:
            texts = [*_four(a), *a.ratings]
            fills = ["", "", "", "", *(_hex(plan, c) for c in a.ratings)]
            body += "<tr>" + _cells(texts, fills) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Status32:
    name: str
    filename: str
    plan: Callable[[], Plan]
    lay_out: Callable[[Plan], bytes]
    layout: str
    # The kinds of rating the brief named that this plan holds (see KINDS).
    kinds: tuple[str, ...]

    @property
    def blind(self) -> bool:
        return blind(self.name)

    def build(self) -> bytes:
        return self.lay_out(self.plan())

    def reference(self) -> Doc:
        return self.plan().reference()


KINDS = {
    "relative": "Last quarter | This quarter, Previous | Latest, or Q1 | Q2 with no year",
    "numbered": "a numbered key laid out as table rows",
    "swatch": "a key whose rows carry a colour swatch cell beside the meaning",
    "wordkey": "a key of words alone, with meanings, no colours",
    "arrows": "filled circles or other symbols, with a second legend of arrows",
    "yearband": "a band over the rating columns that is only a year or an academic year",
    "impact": "a dated impact column beside a dated progress column",
    "brackets": "a key of meanings with their colours in brackets",
    "ragarrow": "an arrow beside the rating in the same cell",
    "everyday": "an everyday WSoA / APP shape",
}

CORPUS = (
    Status32("Alnmouth APP", "alnmouth-app.txt", alnmouth, alnmouth_txt,
             "Excel pasted, Last and This quarter, arrows", ("relative", "ragarrow")),
    Status32("Bamburgh WSoA", "bamburgh-wsoa.docx", bamburgh, bamburgh_docx,
             "Word, Previous and Latest, key in brackets", ("relative", "brackets")),
    Status32("Craster tracker", "craster-tracker.xlsx", craster, craster_xlsx,
             "Excel, Q1 Q2 no year, numbered key rows", ("numbered", "relative")),
    Status32("Doddington PAP", "doddington-pap.docx", doddington, doddington_docx,
             "Word, shaded only, swatch key table", ("swatch", "everyday")),
    Status32("Embleton plan", "embleton-plan.xlsx", embleton, embleton_xlsx,
             "Excel, band 2025/26 over months, swatch key", ("swatch", "yearband")),
    Status32("Felton WSoA", "felton-wsoa.txt", felton, felton_txt,
             "web page, words keyed with meanings", ("wordkey", "everyday")),
    Status32("Glanton APP", "glanton-app.pdf", glanton, glanton_pdf,
             "PDF, filled circles and arrows, two legends", ("arrows",)),
    Status32("Harbottle tracker", "harbottle-tracker.xlsx", harbottle, harbottle_xlsx,
             "Excel, academic year over terms, brackets", ("yearband", "brackets")),
    Status32("Ilderton PAP", "ilderton-pap.docx", ilderton, ilderton_docx,
             "Word, dated delivery and impact", ("impact", "everyday")),
    Status32("Kielder APP", "kielder-app.xlsx", kielder, kielder_xlsx,
             "Excel, letters with arrows in cells", ("ragarrow",)),
    Status32("Longhorsley tracker", "longhorsley-tracker.pdf", longhorsley, longhorsley_pdf,
             "PDF, scores 1-4, numbered key table", ("numbered", "everyday")),
    Status32("Matfen WSoA", "matfen-wsoa.docx", matfen, matfen_docx,
             "Word, words keyed in a table", ("wordkey",)),
    Status32("Newbrough plan", "newbrough-plan.txt", newbrough, newbrough_txt,
             "Excel pasted, Previous and Latest, brackets", ("relative", "brackets")),
    Status32("Ponteland APP", "ponteland-app.pdf", ponteland, ponteland_pdf,
             "PDF, band 2025/26 over months, letters and arrows", ("yearband", "ragarrow")),
    Status32("Rothbury tracker", "rothbury-tracker.xlsx", rothbury, rothbury_xlsx,
             "Excel, stars and circles, trend arrows", ("arrows",)),
    Status32("Seahouses PAP", "seahouses-pap.docx", seahouses, seahouses_docx,
             "Word, dated progress and impact, swatch key", ("impact", "swatch")),
    Status32("Thropton APP", "thropton-app.txt", thropton, thropton_txt,
             "PDF copied, Q1-Q3 no year", ("relative", "everyday")),
    Status32("Ulgham plan", "ulgham-plan.pdf", ulgham, ulgham_pdf,
             "PDF, words keyed a paragraph each", ("wordkey",)),
    Status32("Wark tracker", "wark-tracker.xlsx", wark, wark_xlsx,
             "Excel, numbers filled, numbered swatch key", ("numbered", "swatch")),
    Status32("Whittingham WSoA", "whittingham-wsoa.docx", whittingham, whittingham_docx,
             "Word, RAG with arrows, impact", ("impact", "ragarrow")),
    Status32("Wooler APP", "wooler-app.pdf", wooler, wooler_pdf,
             "PDF, circles and arrows, two key tables", ("arrows",)),
    Status32("Belford plan", "belford-plan.txt", belford, belford_txt,
             "Excel pasted, academic year over terms", ("yearband",)),
    # Added, each for a kind the first twenty-two left on one side only, before any scoring.
    Status32("Acklington plan", "acklington-plan.docx", acklington, acklington_docx,
             "Word, band 2025/26 over months", ("yearband", "everyday")),
    Status32("Beadnell APP", "beadnell-app.xlsx", beadnell, beadnell_xlsx,
             "Excel, academic year over terms, BRAG", ("yearband", "everyday")),
    Status32("Chillingham WSoA", "chillingham-wsoa.pdf", chillingham, chillingham_pdf,
             "PDF, band 2025/26 over months, shaded", ("yearband", "everyday")),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Status32) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Status32) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]


def invented(plan: Status32) -> accuracy.Figure:
    """Status cells the importer gave where the hand-entered plan has none, of all it gave."""
    return status30.invented_in(parsed(plan), plan.reference())


def period_dates(plan: Status32) -> accuracy.Figure:
    """The periods the plan dates that the importer gives the same end date."""
    return status30.period_dates_in(parsed(plan), plan.reference())


def key_meanings(plan: Status32) -> accuracy.Figure:
    """The ratings of the plan's key the importer reads with the key's meaning."""
    return status30.key_meanings_in(parsed(plan), plan.reference())
