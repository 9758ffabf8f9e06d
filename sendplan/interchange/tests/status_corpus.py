"""Invented plans whose progress statuses are written as councils write them, to score how
the importer reads statuses in layouts and words it was not built around.

Each plan is small (a few actions) and is made here, as text, Word, Excel or PDF, from the
same rows as the plan a careful person would enter from it by hand (`reference`). What
differs from plan to plan is how the status is written: a "Delivery status", "Current
position" or "Update (Jan 2025)" column; words such as Achieved, Slipped, Not yet due,
Embedded or Superseded; prose that opens with its status ("Complete – signed off in May");
letters, colour words, shading, symbols or numbers with a key given in a paragraph, a row or
not at all; one or two periods headed by a quarter or a month; a status as a labelled line
("RAG rating – Amber"). Officers and areas are invented; no plan names a child.

The first ten plans were written before any change to the importer for them (round
"statuses", corpus/real/STATUSES.md); the last three (the "blind half") after the rules
were written, and scored before any change for them. bench/parse_statuses.py prints the
figures; test_parse_statuses_breadth.py holds their floors.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import docx
import openpyxl
import openpyxl.styles
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from sendplan.interchange.tests.accuracy import Figure, agreement

Doc = dict[str, Any]


@dataclass(frozen=True)
class Row:
    ref: str
    title: str
    lead: str
    due_text: str
    due: str | None
    # What the plan writes in each period's status cell, and the code a person enters for it.
    cells: tuple[str, ...]
    codes: tuple[str | None, ...]


@dataclass(frozen=True)
class StatusPlan:
    name: str
    filename: str
    # How the statuses are written, in a few words, for the bench table.
    layout: str
    title: str
    periods: tuple[tuple[str, str | None], ...]
    scale: tuple[tuple[str, str, str | None], ...]
    rows: tuple[Row, ...]
    build: Callable[[StatusPlan], bytes] = field(compare=False)
    blind: bool = False

    def data(self) -> bytes:
        return self.build(self)

    def reference(self) -> Doc:
        people: dict[str, Doc] = {}
        actions = []
        for row in self.rows:
            key = "".join(word[0] for word in row.lead.split()).upper()
            people.setdefault(key, {"key": key, "name": row.lead})
            action: Doc = {"ref": row.ref, "title": row.title, "leads": [key]}
            action["lead_text"] = row.lead
            action["due_text"] = row.due_text
            if row.due:
                action["due"] = row.due
            updates = [
                {"period": label, "status": code}
                for (label, _), code in zip(self.periods, row.codes, strict=True)
                if code
            ]
            if updates:
                action["updates"] = updates
            actions.append(action)
        return {
            "title": self.title,
            "levels": ["Section"],
            "people": list(people.values()),
            "status_scale": [
                {"code": code, "label": label, **({"colour": colour} if colour else {})}
                for code, label, colour in self.scale
            ],
            "periods": [
                {"label": label, **({"ends_on": ends} if ends else {})}
                for label, ends in self.periods
            ],
            "sections": [{"level": "Section", "title": "Actions", "actions": actions}],
        }


# Making the files


def _docx(paragraphs_before: list[str], heads: list[str], body: list[list[str]]) -> Any:
    document = docx.Document()
    for text in paragraphs_before:
        if text.startswith("# "):
            document.add_heading(text[2:], level=1)
        else:
            document.add_paragraph(text)
    table = document.add_table(rows=1 + len(body), cols=len(heads))
    table.style = "Table Grid"
    for r, values in enumerate([heads, *body]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    return document, table


def _docx_bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _shade(cell: Any, hex_colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_colour)
    properties.append(shading)


def _xlsx(lines_before: list[str], heads: list[str], body: list[list[str]]) -> Any:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    for text in lines_before:
        sheet.append([text])
    sheet.append(heads)
    for values in body:
        sheet.append(values)
    return book, sheet, len(lines_before) + 1


def _xlsx_bytes(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _pdf(paragraphs_before: list[str], heads: list[str], body: list[list[str]]) -> bytes:
    from sendplan.demo.pdf_files import escaped, html_pdf, table_html

    parts = []
    for text in paragraphs_before:
        if text.startswith("# "):
            parts.append(f"<h1>{escaped(text[2:])}</h1>")
        else:
            parts.append(f"<p>{escaped(text)}</p>")
    parts.append(table_html([[(head, 1) for head in heads]], list(body)))
    return html_pdf("".join(parts), css="td, th { font-family: 'DejaVu Sans'; }")


def _row_cells(row: Row) -> list[str]:
    return [row.ref, row.title, row.lead, row.due_text]


# 1. Ashgrove: an APP's actions as labelled lines, statuses in words of achievement


def _ashgrove(plan: StatusPlan) -> bytes:
    lines = [
        plan.title,
        "Position at 31 March 2025",
        "",
        "Priority 1: Identifying needs early",
        "",
    ]
    for row in plan.rows:
        lines += [
            f"Action {row.ref}: {row.title}",
            f"Lead officer: {row.lead}",
            f"Timescale: {row.due_text}",
            f"Status: {row.cells[0]}",
            "",
        ]
    return "\n".join(lines).encode()


ASHGROVE = StatusPlan(
    "Ashgrove APP",
    "ashgrove-app-2025.txt",
    "labelled lines, 'Status: Achieved'",
    "Ashgrove Accelerated Progress Plan",
    (("March 2025", "2025-03-31"),),
    (
        ("Achieved", "Achieved", "blue"),
        ("Partially achieved", "Partially achieved", "amber"),
        ("Not achieved", "Not achieved", "red"),
        ("Not yet due", "Not yet due", "white"),
    ),
    (
        Row("1.1", "Publish a revised graduated approach guide for schools", "Helen Marsh",
            "December 2024", "2024-12", ("Achieved",), ("Achieved",)),
        Row("1.2", "Train SENCOs in every primary school on the new guide", "Helen Marsh",
            "March 2025", "2025-03", ("Partially achieved",), ("Partially achieved",)),
        Row("1.3", "Open a single front door for health referrals", "Daniel Okafor",
            "February 2025", "2025-02", ("Not achieved",), ("Not achieved",)),
        Row("1.4", "Review the early years inclusion funding panel", "Grace Whitley",
            "September 2025", "2025-09", ("Not yet due",), ("Not yet due",)),
    ),
    _ashgrove,
)  # fmt: skip


# 2. Bellmoor: an Excel tracker with a "Delivery status" column of single words


def _bellmoor(plan: StatusPlan) -> bytes:
    book, _, _ = _xlsx(
        [plan.title, "Quarter 3 2024/25"],
        ["Ref", "Action", "Lead", "Deadline", "Delivery status", "Commentary"],
        [
            [*_row_cells(row), row.cells[0], note]
            for row, note in zip(
                plan.rows,
                (
                    "Panel now meets fortnightly.",
                    "Recruitment paused until April.",
                    "Signed off by the board.",
                    "Depends on the new system.",
                    "Two schools still to sign up.",
                ),
                strict=True,
            )
        ],
    )
    return _xlsx_bytes(book)


BELLMOOR = StatusPlan(
    "Bellmoor tracker",
    "bellmoor-tracker-2024.xlsx",
    "Excel, 'Delivery status' words",
    "Bellmoor SEND improvement tracker",
    (("Quarter 3 2024/25", "2024-12-31"),),
    (
        ("Complete", "Complete", "blue"),
        ("On track", "On track", "green"),
        ("At risk", "At risk", "amber"),
        ("Slipped", "Slipped", "red"),
        ("Not started", "Not started", "white"),
    ),
    (
        Row("A1", "Speed up decisions on requests for assessment", "Ruth Penrose",
            "Mar-25", "2025-03", ("On track",), ("On track",)),
        Row("A2", "Recruit two more educational psychologists", "Ruth Penrose",
            "Jan-25", "2025-01", ("Slipped",), ("Slipped",)),
        Row("A3", "Agree a joint commissioning strategy", "Sam Iqbal",
            "Dec-24", "2024-12", ("Complete",), ("Complete",)),
        Row("A4", "Move annual review paperwork online", "Sam Iqbal",
            "Jun-25", "2025-06", ("Not started",), ("Not started",)),
        Row("A5", "Extend the inclusion charter to secondary schools", "Lena Ford",
            "Apr-25", "2025-04", ("At risk",), ("At risk",)),
    ),
    _bellmoor,
)  # fmt: skip


# 3. Castleford: a Word WSoA, letters in two month columns, the key as a paragraph


def _castleford(plan: StatusPlan) -> bytes:
    document, _ = _docx(
        [
            f"# {plan.title}",
            "Key: G = on track, A = some slippage, R = significant concerns, B = complete",
        ],
        ["Ref", "Action", "Lead", "Completion date", "Sep-24", "Dec-24"],
        [[*_row_cells(row), *row.cells] for row in plan.rows],
    )
    return _docx_bytes(document)


CASTLEFORD = StatusPlan(
    "Castleford WSoA",
    "castleford-wsoa-2024.docx",
    "Word, letters by month, key a paragraph",
    "Castleford Written Statement of Action",
    (("Sep-24", "2024-09-30"), ("Dec-24", "2024-12-31")),
    (
        ("G", "on track", "green"),
        ("A", "some slippage", "amber"),
        ("R", "significant concerns", "red"),
        ("B", "complete", "blue"),
    ),
    (
        Row("W1.1", "Write a local offer page for each district", "Megan Price",
            "October 2024", "2024-10", ("G", "B"), ("G", "B")),
        Row("W1.2", "Audit the quality of new EHC plans each month", "Owen Hale",
            "Ongoing", None, ("A", "G"), ("A", "G")),
        Row("W2.1", "Agree a transition protocol for 14 to 25", "Owen Hale",
            "March 2025", "2025-03", ("R", "A"), ("R", "A")),
        Row("W2.2", "Start a health dashboard for the partnership board", "Nadia Chowdhury",
            "January 2025", "2025-01", ("G", "G"), ("G", "G")),
    ),
    _castleford,
)  # fmt: skip


# 4. Dunmere: a PDF priority action plan, prose that opens with the status


def _dunmere(plan: StatusPlan) -> bytes:
    return _pdf(
        [f"# {plan.title}"],
        ["No.", "Action", "Owner", "Timescale", "Update (Jan 2025)"],
        [[*_row_cells(row), row.cells[0]] for row in plan.rows],
    )


DUNMERE = StatusPlan(
    "Dunmere PAP",
    "dunmere-pap-2025.pdf",
    "PDF, 'Update (Jan 2025)' prose",
    "Dunmere Priority Action Plan",
    (("January 2025", "2025-01-31"),),
    (
        ("Complete", "Complete", "blue"),
        ("On track", "On track", "green"),
        ("Delayed", "Delayed", "amber"),
        ("Not started", "Not started", "white"),
    ),
    (
        Row("1", "Sign a multi-agency protocol for children missing education", "Carl Benn",
            "May 2025", "2025-05",
            ("Complete – the protocol was signed off by all partners in December 2024.",),
            ("Complete",)),
        Row("2", "Set up a SEND sufficiency panel", "Carl Benn", "March 2025", "2025-03",
            ("On track. The panel met twice in the autumn term and agreed its terms of "
             "reference.",),
            ("On track",)),
        Row("3", "Publish a co-produced preparing for adulthood guide", "Alice Dunn",
            "April 2025", "2025-04",
            ("Delayed: the forum asked for a further round of comments, now due in "
             "February.",),
            ("Delayed",)),
        Row("4", "Commission an independent review of alternative provision", "Alice Dunn",
            "September 2025", "2025-09",
            ("Not started - the review will be tendered in the summer.",),
            ("Not started",)),
    ),
    _dunmere,
)  # fmt: skip


# 5. Eskdale: a Word strategy plan rated by cell shading only, its key a paragraph

_SHADES = {"B": "0070C0", "G": "00B050", "A": "FFC000", "R": "FF0000"}


def _eskdale(plan: StatusPlan) -> bytes:
    document, table = _docx(
        [
            f"# {plan.title}",
            "Progress at December 2024",
            "Blue: completed; Green: on track; Amber: some concerns; Red: off track",
        ],
        ["Ref", "What we will do", "Lead", "By when", "RAG"],
        [[*_row_cells(row), ""] for row in plan.rows],
    )
    for index, row in enumerate(plan.rows, start=1):
        _shade(table.cell(index, 4), _SHADES[row.cells[0]])
    return _docx_bytes(document)


ESKDALE = StatusPlan(
    "Eskdale strategy",
    "eskdale-strategy-2024.docx",
    "Word, shading only, key a paragraph",
    "Eskdale SEND Strategy Action Plan",
    (("December 2024", "2024-12-31"),),
    (
        ("B", "completed", "blue"),
        ("G", "on track", "green"),
        ("A", "some concerns", "amber"),
        ("R", "off track", "red"),
    ),
    (
        Row("E1", "Hold termly listening events with families", "Kate Morrow", "Termly", None,
            ("G",), ("G",)),
        Row("E2", "Publish the refreshed local offer", "Kate Morrow", "November 2024",
            "2024-11", ("B",), ("B",)),
        Row("E3", "Cut waits for neurodevelopmental assessment", "Imran Shah", "March 2026",
            "2026-03", ("R",), ("R",)),
        Row("E4", "Review specialist place planning", "Imran Shah", "June 2025", "2025-06",
            ("A",), ("A",)),
    ),
    _eskdale,
)  # fmt: skip


# 6. Fernhill: an Excel tracker scored 1 to 4 in quarter columns, its legend a row


def _fernhill(plan: StatusPlan) -> bytes:
    book, _, _ = _xlsx(
        [plan.title, "Scores: 1 = not started, 2 = in progress, 3 = nearly complete, 4 = complete"],
        ["Ref", "Action", "Responsible officer", "Target date", "Q1 2025/26", "Q2 2025/26"],
        [[*_row_cells(row), *row.cells] for row in plan.rows],
    )
    return _xlsx_bytes(book)


FERNHILL = StatusPlan(
    "Fernhill tracker",
    "fernhill-tracker-2025.xlsx",
    "Excel, scores 1-4 by quarter, legend row",
    "Fernhill Local Area SEND Improvement Plan",
    (("Q1 2025/26", "2025-06-30"), ("Q2 2025/26", "2025-09-30")),
    (
        ("1", "not started", None),
        ("2", "in progress", None),
        ("3", "nearly complete", None),
        ("4", "complete", None),
    ),
    (
        Row("F1", "Refresh the SEND joint strategic needs assessment", "Tariq Hussain",
            "Sep 2025", "2025-09", ("2", "4"), ("2", "4")),
        Row("F2", "Bring in a new EHC plan template", "Tariq Hussain", "Dec 2025",
            "2025-12", ("1", "2"), ("1", "2")),
        Row("F3", "Train health visitors on early identification", "Joanne Clay",
            "Mar 2026", "2026-03", ("2", "3"), ("2", "3")),
        Row("F4", "Set up a parent carer reference group", "Joanne Clay", "Jul 2025",
            "2025-07", ("3", "4"), ("3", "4")),
    ),
    _fernhill,
)  # fmt: skip


# 7. Gorsedale: a Word table pasted as text, a "Current position" column


def _gorsedale(plan: StatusPlan) -> bytes:
    lines = [
        plan.title,
        "Update for the SEND Partnership Board, November 2024",
        "",
        "\t".join(["Ref", "Action", "Lead", "Due", "Current position"]),
    ]
    for row in plan.rows:
        lines.append("\t".join([*_row_cells(row), row.cells[0]]))
    return "\n".join(lines).encode()


GORSEDALE = StatusPlan(
    "Gorsedale plan",
    "gorsedale-plan-2024.txt",
    "text, tabs, 'Current position' words",
    "Gorsedale SEND Improvement Plan",
    (("November 2024", "2024-11-30"),),
    (
        ("Embedded", "Embedded", "blue"),
        ("Closed", "Closed", "blue"),
        ("Ongoing", "Ongoing", "green"),
        ("Open", "Open", None),
        ("Superseded", "Superseded", None),
    ),
    (
        Row("G1", "Hold a monthly multi-agency panel for placements", "Peter Vance",
            "From April 2024", None, ("Embedded",), ("Embedded",)),
        Row("G2", "Write a new home to school transport policy", "Peter Vance",
            "September 2024", "2024-09", ("Closed",), ("Closed",)),
        Row("G3", "Develop an outreach offer from special schools", "Sara Lind",
            "July 2025", "2025-07", ("Ongoing",), ("Ongoing",)),
        Row("G4", "Review the SEND capital programme", "Sara Lind", "March 2025",
            "2025-03", ("Open",), ("Open",)),
        Row("G5", "Pilot a SEND hub in the north locality", "Peter Vance", "June 2024",
            "2024-06", ("Superseded",), ("Superseded",)),
    ),
    _gorsedale,
)  # fmt: skip


# 8. Hollins: a PDF APP rated with symbols, a key in a paragraph


def _hollins(plan: StatusPlan) -> bytes:
    return _pdf(
        [
            f"# {plan.title}",
            "Progress at the 6-month stocktake, June 2025",
            "Key: ✓ complete, ● on track, ▲ at risk, ✗ not started",
        ],
        ["Ref", "Action", "Lead", "Due date", "Progress"],
        [[*_row_cells(row), row.cells[0]] for row in plan.rows],
    )


HOLLINS = StatusPlan(
    "Hollins APP",
    "hollins-app-2025.pdf",
    "PDF, symbols with a key paragraph",
    "Hollins Accelerated Progress Plan",
    (("June 2025", "2025-06-30"),),
    (
        ("✓", "complete", "blue"),
        ("●", "on track", "green"),
        ("▲", "at risk", "amber"),
        ("✗", "not started", "white"),
    ),
    (
        Row("H1", "Publish an annual SEND self-evaluation", "Rhys Cole", "March 2025",
            "2025-03", ("✓",), ("✓",)),
        Row("H2", "Reduce the backlog of annual reviews", "Rhys Cole", "December 2025",
            "2025-12", ("▲",), ("▲",)),
        Row("H3", "Agree a dynamic support register with health", "Yvonne Platt",
            "September 2025", "2025-09", ("●",), ("●",)),
        Row("H4", "Launch a post-16 pathway guide", "Yvonne Platt", "January 2026",
            "2026-01", ("✗",), ("✗",)),
    ),
    _hollins,
)  # fmt: skip


# 9. Ivybridge: an Excel tracker, "Position at Q3" and "Position at Q4", Met / Not met


def _ivybridge(plan: StatusPlan) -> bytes:
    book, _, _ = _xlsx(
        [plan.title],
        ["Ref", "Milestone", "Lead", "Target", "Position at Q3", "Position at Q4"],
        [[*_row_cells(row), *row.cells] for row in plan.rows],
    )
    return _xlsx_bytes(book)


IVYBRIDGE = StatusPlan(
    "Ivybridge tracker",
    "ivybridge-tracker-2024.xlsx",
    "Excel, 'Position at Q3/Q4', Met/Not met",
    "Ivybridge Area SEND Plan 2024/25",
    (("Position at Q3", None), ("Position at Q4", None)),
    (
        ("Met", "Met", "blue"),
        ("Partially met", "Partially met", "amber"),
        ("Not met", "Not met", "red"),
    ),
    (
        Row("1.1", "Issue 60% of new EHC plans within 20 weeks", "Fiona Grant", "Mar 2025",
            "2025-03", ("Not met", "Partially met"), ("Not met", "Partially met")),
        Row("1.2", "Hold annual reviews on time for 80% of plans", "Fiona Grant", "Mar 2025",
            "2025-03", ("Partially met", "Met"), ("Partially met", "Met")),
        Row("2.1", "Agree joint funding for complex placements", "Victor Adeyemi",
            "Dec 2024", "2024-12", ("Met", "Met"), ("Met", "Met")),
        Row("2.2", "Commission a speech and language service for secondary schools",
            "Victor Adeyemi", "Feb 2025", "2025-02", ("Not met", "Not met"),
            ("Not met", "Not met")),
    ),
    _ivybridge,
)  # fmt: skip


# 10. Juniper: a Word WSoA, each action a paragraph block with a "RAG rating – Amber" line


def _juniper(plan: StatusPlan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=1)
    document.add_paragraph("Monitoring update: October 2024")
    for row in plan.rows:
        document.add_heading(f"{row.ref} {row.title}", level=2)
        document.add_paragraph(f"Responsible: {row.lead}")
        document.add_paragraph(f"Deadline: {row.due_text}")
        document.add_paragraph(f"RAG rating – {row.cells[0]}")
    return _docx_bytes(document)


JUNIPER = StatusPlan(
    "Juniper WSoA",
    "juniper-wsoa-2024.docx",
    "Word, an action a heading, 'RAG rating – Amber'",
    "Juniper Written Statement of Action",
    (("October 2024", "2024-10-31"),),
    (
        ("Green", "Green", "green"),
        ("Amber", "Amber", "amber"),
        ("Red", "Red", "red"),
        ("Blue", "Blue", "blue"),
    ),
    (
        Row("1.1", "Set up a joint quality assurance group for EHC plans", "Anna Blake",
            "September 2024", "2024-09", ("Blue",), ("Blue",)),
        Row("1.2", "Bring health advice for EHC needs assessments within six weeks",
            "Tom Reid", "December 2024", "2024-12", ("Amber",), ("Amber",)),
        Row("2.1", "Co-produce a communication plan with the parent carer forum",
            "Anna Blake", "November 2024", "2024-11", ("Green",), ("Green",)),
        Row("2.2", "Recommission the short breaks offer", "Tom Reid", "March 2025",
            "2025-03", ("Red",), ("Red",)),
    ),
    _juniper,
)  # fmt: skip


# The blind half: written after the rules above, and scored before any change for them.


# 11. Kelso: a PDF strategy plan, "Status: Amber" opening a dated progress cell


def _kelso(plan: StatusPlan) -> bytes:
    notes = (
        "Training dates are booked for the spring term.",
        "Recruitment is under way; two posts are still vacant.",
        "Published on the local offer in July.",
        "The business case was not agreed and will go back to the board.",
    )
    return _pdf(
        [
            f"# {plan.title}",
            "RAG key – Green: on track; Amber: some slippage; Red: off track; Blue: complete",
        ],
        ["Action ref", "Action", "Lead officer", "Completion", "Progress update – September 2024"],
        [
            [*_row_cells(row), f"Status: {row.cells[0]}\n{note}"]
            for row, note in zip(plan.rows, notes, strict=True)
        ],
    )


KELSO = StatusPlan(
    "Kelso strategy",
    "kelso-strategy-2024.pdf",
    "PDF, 'Status: Amber' opening a progress cell",
    "Kelso SEND and Inclusion Strategy Delivery Plan",
    (("September 2024", "2024-09-30"),),
    (
        ("G", "on track", "green"),
        ("A", "some slippage", "amber"),
        ("R", "off track", "red"),
        ("B", "complete", "blue"),
    ),
    (
        Row("K1", "Train all SENCOs in the new banding model", "Olivia Hart", "March 2025",
            "2025-03", ("Green",), ("G",)),
        Row("K2", "Grow the specialist teacher team", "Olivia Hart", "December 2024",
            "2024-12", ("Amber",), ("A",)),
        Row("K3", "Publish a directory of short breaks", "Ben Walsh", "July 2024", "2024-07",
            ("Blue",), ("B",)),
        Row("K4", "Open a second resource base in the east", "Ben Walsh", "September 2025",
            "2025-09", ("Red",), ("R",)),
    ),
    _kelso,
    blind=True,
)  # fmt: skip


# 12. Larkhill: an Excel tracker rated by shading only in two update columns, with no key

_FILLS = {"G": "FF00B050", "A": "FFFFC000", "R": "FFFF0000", "B": "FF0070C0"}


def _larkhill(plan: StatusPlan) -> bytes:
    book, sheet, header = _xlsx(
        [plan.title],
        ["Ref", "Action", "Owner", "Due by", "Jun 2025 update", "Sep 2025 update"],
        [[*_row_cells(row), "", ""] for row in plan.rows],
    )
    for index, row in enumerate(plan.rows, start=header + 1):
        for offset, code in enumerate(row.cells):
            sheet.cell(row=index, column=5 + offset).fill = openpyxl.styles.PatternFill(
                fill_type="solid", fgColor=_FILLS[code]
            )
    return _xlsx_bytes(book)


LARKHILL = StatusPlan(
    "Larkhill tracker",
    "larkhill-tracker-2025.xlsx",
    "Excel, shading only by month, no key",
    "Larkhill Local Area Improvement Tracker",
    (("Jun 2025", "2025-06-30"), ("Sep 2025", "2025-09-30")),
    (
        ("B", "Completed", "blue"),
        ("G", "On track", "green"),
        ("A", "Some concerns", "amber"),
        ("R", "Off track", "red"),
    ),
    (
        Row("L1", "Agree a shared outcomes framework", "Mira Patel", "Jul 2025", "2025-07",
            ("G", "B"), ("G", "B")),
        Row("L2", "Cut the wait for occupational therapy", "Mira Patel", "Mar 2026", "2026-03",
            ("R", "A"), ("R", "A")),
        Row("L3", "Review post-16 transport", "Colin Shaw", "Dec 2025", "2025-12",
            ("A", "A"), ("A", "A")),
        Row("L4", "Launch a parent carer newsletter", "Colin Shaw", "Jun 2025", "2025-06",
            ("B", "B"), ("B", "B")),
    ),
    _larkhill,
    blind=True,
)  # fmt: skip


# 13. Moorfield: an APP pasted as text, numbered actions with "Progress – Behind schedule"


def _moorfield(plan: StatusPlan) -> bytes:
    lines = [plan.title, "Quarterly update – Q2 2025/26", ""]
    for row in plan.rows:
        lines += [
            f"{row.ref}. {row.title}",
            f"Owner – {row.lead}",
            f"Deadline – {row.due_text}",
            f"Progress – {row.cells[0]}",
            "",
        ]
    return "\n".join(lines).encode()


MOORFIELD = StatusPlan(
    "Moorfield APP",
    "moorfield-app-2025.txt",
    "text, numbered, 'Progress – Behind schedule'",
    "Moorfield Accelerated Progress Plan",
    (("Q2 2025/26", "2025-09-30"),),
    (
        ("Completed", "Completed", "blue"),
        ("Ahead of schedule", "Ahead of schedule", "green"),
        ("Behind schedule", "Behind schedule", "amber"),
        ("Not yet due", "Not yet due", "white"),
    ),
    (
        Row("1", "Issue a SEND inclusion charter to every school", "Jade Morgan",
            "September 2025", "2025-09", ("Completed",), ("Completed",)),
        Row("2", "Cut the backlog of EHC needs assessments", "Jade Morgan", "March 2026",
            "2026-03", ("Behind schedule",), ("Behind schedule",)),
        Row("3", "Set up a preparing for adulthood board", "Noel Briggs", "December 2025",
            "2025-12", ("Ahead of schedule",), ("Ahead of schedule",)),
        Row("4", "Evaluate the new banding model", "Noel Briggs", "July 2026", "2026-07",
            ("Not yet due",), ("Not yet due",)),
    ),
    _moorfield,
    blind=True,
)  # fmt: skip


PLANS: tuple[StatusPlan, ...] = (
    ASHGROVE,
    BELLMOOR,
    CASTLEFORD,
    DUNMERE,
    ESKDALE,
    FERNHILL,
    GORSEDALE,
    HOLLINS,
    IVYBRIDGE,
    JUNIPER,
    KELSO,
    LARKHILL,
    MOORFIELD,
)


@cache
def parsed(plan: StatusPlan) -> Doc:
    from sendplan.interchange.parsers import parse_file_inprocess

    document: Doc = parse_file_inprocess(plan.data(), plan.filename).document
    return document


def figures(plan: StatusPlan) -> list[Figure]:
    return agreement(parsed(plan)["plan"], plan.reference())
