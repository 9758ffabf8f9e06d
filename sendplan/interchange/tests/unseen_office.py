"""Word and Excel plans laid out the way other councils lay theirs out, with what each holds.

`office_files` builds every sample the same way; real plans differ in everything: heading
words, column order, ref styles, where the sections are and how statuses are written. Each
plan here is invented (invented officers, no children) and laid out as a different council
might, from APPs and WSoAs in Word to priority action plan and strategy trackers in Excel:
keys as tables, as lines or as shaded cells; ratings in words, letters, colours, shading,
drop-downs and coloured circles; refs lettered, numbered by Word or written inside the
action; sections as headings, sheets, merged rows, priority rows and cards. Each comes with
the plan a careful person would enter from it by hand, so `accuracy.agreement` can score
the importer on it; bench/parse_unseen_office.py prints the scores and
test_parse_unseen_office.py holds their floors.

The plans were written before the importer was taught to read them, a few at a time; the
rules they led to are general (none names a plan's own words), and each has its own test in
test_parse_office_layouts.py.

Round nine added six (Calderbrook to Kestrel Vale), one of them a PDF printed from Word by
LibreOffice and kept in fixtures/unseen-office/ (remade with
`.venv/bin/python -m sendplan.interchange.tests.unseen_office`, which needs LibreOffice;
the tests never do). Their scores before and after, and what each layout was misread as,
are in corpus/real/ROUND9-office.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import docx
import openpyxl
import openpyxl.styles
import openpyxl.styles.colors
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved

Doc = dict[str, Any]


@dataclass(frozen=True)
class CorpusPlan:
    name: str
    filename: str
    build: Callable[[], bytes]
    reference: Callable[[], Doc]


def _action(
    ref: str | None,
    title: str,
    leads: list[str],
    lead_text: str,
    due_text: str,
    due: str | None,
    *,
    measures: list[Doc] | None = None,
    updates: list[Doc] | None = None,
    starts_text: str | None = None,
    starts: str | None = None,
    cost: int | None = None,
) -> Doc:
    out: Doc = {"title": title, "leads": leads, "lead_text": lead_text}
    if ref:
        out["ref"] = ref
    if due_text:
        out["due_text"] = due_text
    if due:
        out["due"] = due
    if starts_text:
        out["starts_text"] = starts_text
    if starts:
        out["starts"] = starts
    if measures:
        out["measures"] = measures
    if updates:
        out["updates"] = updates
    if cost is not None:
        out["cost"] = cost
    return out


def _statuses(periods: list[str], codes: list[str]) -> list[Doc]:
    return [
        {"period": period, "status": code}
        for period, code in zip(periods, codes, strict=True)
        if code
    ]


def _fill_table(table: Any, rows: list[list[str]]) -> None:
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


# 1. Northbridge: an Accelerated Progress Plan in Word

_NB_PEOPLE = [
    {"key": "PC", "name": "Priya Chandran", "role": "Head of SEND and Inclusion"},
    {"key": "MO", "name": "Marcus Osei", "role": "Designated Clinical Officer"},
    {"key": "LF", "name": "Lucy Fairbrother", "role": "Principal Educational Psychologist"},
    {"key": "TA", "name": "Tom Aldridge", "role": "Head of Commissioning, Children"},
    {"key": "HR", "name": "Hannah Rees", "role": "Parent Carer Forum Chair"},
]
_NB_SCALE = [
    {"code": "B", "label": "Completed and impact evidenced", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some slippage, recoverable", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]
_NB_PERIODS = ["Oct 2023", "Jan 2024"]


def _nb_areas() -> list[tuple[str, str, list[tuple[Doc, str]]]]:
    """(ref, title, [(action, evidence of impact)]) per area for improvement."""
    p = _NB_PERIODS
    return [
        (
            "1",
            "Identification and assessment of need",
            [
                (
                    _action(
                        "1a",
                        "Introduce a single graduated response toolkit for all early years "
                        "settings and schools.",
                        ["LF"],
                        "Lucy Fairbrother",
                        "31 March 2024",
                        "2024-03-31",
                        updates=_statuses(p, ["G", "B"]),
                    ),
                    "Toolkit used by 90% of schools; fewer requests for assessment without "
                    "evidence of SEN support.",
                ),
                (
                    _action(
                        "1b",
                        "Agree with health partners a shared referral form for speech and "
                        "language therapy.",
                        ["MO"],
                        "Marcus Osei",
                        "Dec 2023",
                        "2023-12",
                        updates=_statuses(p, ["A", "G"]),
                    ),
                    "Referral form in use across the area.",
                ),
                (
                    _action(
                        "1c",
                        "Audit a sample of EHC needs assessments each month against the "
                        "quality standards and share findings with the SEND panel.",
                        ["PC", "LF"],
                        "Priya Chandran / Lucy Fairbrother",
                        "Monthly from Nov 2023",
                        None,
                        starts="2023-11",
                        updates=_statuses(p, ["G", "G/A"]),
                    ),
                    "Audit results show at least 80% of plans good or better.",
                ),
            ],
        ),
        (
            "2",
            "Timeliness and quality of EHC plans",
            [
                (
                    _action(
                        "2a",
                        "Recruit four additional SEND case officers and clear the backlog "
                        "of overdue assessments.",
                        ["PC"],
                        "Priya Chandran",
                        "April 2024",
                        "2024-04",
                        updates=_statuses(p, ["R", "A"]),
                    ),
                    "EHC plans issued within 20 weeks rise to 60%.",
                ),
                (
                    _action(
                        "2b",
                        "Commission an independent review of annual review processes.",
                        ["TA"],
                        "Tom Aldridge",
                        "TBC",
                        None,
                        updates=_statuses(p, ["A", "A/R"]),
                    ),
                    "Review report presented to the SEND Improvement Board.",
                ),
                (
                    _action(
                        "2c",
                        "Co-produce with the parent carer forum a plain English guide to "
                        "the EHC needs assessment process.",
                        ["HR", "PC"],
                        "Hannah Rees and Priya Chandran",
                        "30/11/2023",
                        "2023-11-30",
                        updates=_statuses(p, ["G", "B"]),
                    ),
                    "Guide published on the Local Offer; parents report they understand "
                    "the process.",
                ),
            ],
        ),
    ]


def _nb_reference() -> Doc:
    sections = []
    for ref, title, rows in _nb_areas():
        sections.append(
            {
                "ref": ref,
                "level": "Area for Improvement",
                "title": title,
                "actions": [{**action, "measures": [{"text": impact}]} for action, impact in rows],
            }
        )
    return {
        "title": "Northbridge Local Area Accelerated Progress Plan",
        "people": _NB_PEOPLE,
        "status_scale": _NB_SCALE,
        "periods": [{"label": label} for label in _NB_PERIODS],
        "sections": sections,
    }


def _nb_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Northbridge Local Area Accelerated Progress Plan", level=0)
    document.add_paragraph("September 2023")
    document.add_paragraph(
        "This Accelerated Progress Plan sets out how partners in Northbridge will make rapid "
        "progress against the two areas the revisit found had not improved enough."
    )
    document.add_paragraph(
        "The plan is overseen by the SEND Improvement Board, which meets monthly and reports "
        "to the Department for Education and NHS England every six months."
    )
    document.add_heading("How we rate progress", level=2)
    key = document.add_table(rows=len(_NB_SCALE) + 1, cols=2)
    _fill_table(
        key,
        [["BRAG", "Meaning"]]
        + [[status["colour"].title(), status["label"]] for status in _NB_SCALE],
    )
    for ref, title, rows in _nb_areas():
        document.add_heading(f"Area for Improvement {ref}: {title}", level=1)
        document.add_paragraph(
            "What the revisit found: leaders have not yet made sure that needs are identified "
            "early and accurately across education, health and care."
        )
        heads = [
            "Ref",
            "Action",
            "Accountable Officer",
            "Milestone End Date",
            "Evidence of Impact",
            *[f"BRAG {period}" for period in _NB_PERIODS],
        ]
        table = document.add_table(rows=len(rows) + 1, cols=len(heads))
        table.style = "Table Grid"
        body = []
        for action, impact in rows:
            codes = {u["period"]: u["status"] for u in action.get("updates", [])}
            body.append(
                [
                    action["ref"],
                    action["title"],
                    action["lead_text"],
                    action["due_text"],
                    impact,
                    *[codes.get(period, "") for period in _NB_PERIODS],
                ]
            )
        _fill_table(table, [heads, *body])
    document.add_heading("Lead officers", level=1)
    officers = document.add_table(rows=len(_NB_PEOPLE) + 1, cols=3)
    areas = ["1, 2", "1", "1", "2", "2"]
    _fill_table(
        officers,
        [["Role", "Name", "Area"]]
        + [[p["role"], p["name"], area] for p, area in zip(_NB_PEOPLE, areas, strict=True)],
    )
    return saved(document)


# 2. Eastmoor: a priority action plan tracker in Excel, a sheet per priority

_EM_PERIODS = ["Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25"]
_EM_SCALE = [
    {"code": "B", "label": "Complete and Embedded", "colour": "blue"},
    {"code": "G", "label": "Progressing to Timescale", "colour": "green"},
    {"code": "A", "label": "Some Delay", "colour": "amber"},
    {"code": "R", "label": "Little or no progress", "colour": "red"},
]
_EM_WORDS = {status["code"]: status["label"] for status in _EM_SCALE}
_EM_PEOPLE = [
    {"key": "DO", "name": "Daniel Okafor", "role": "Assistant Director, Education"},
    {"key": "SB", "name": "Sarah Brennan", "role": "Head of Inclusion"},
    {"key": "JW", "name": "Jasmine Wu", "role": "Associate Director of Nursing, ICB"},
    {"key": "RK", "name": "Rob Kettering", "role": "Post-16 Participation Manager"},
]


def _em_priorities() -> list[tuple[str, str, str, list[Doc]]]:
    """(sheet name, ref, title, actions) per priority."""
    p = _EM_PERIODS

    def when(day: dt.date) -> tuple[str, str]:
        return day.strftime("%d/%m/%Y"), day.isoformat()

    def act(ref: str, title: str, lead: str, key: str, start: dt.date, due: dt.date,
            codes: list[str]) -> Doc:  # fmt: skip
        starts_text, starts = when(start)
        due_text, due_iso = when(due)
        return _action(
            ref, title, [key], lead, due_text, due_iso,
            starts_text=starts_text, starts=starts, updates=_statuses(p, codes),
        )  # fmt: skip

    return [
        (
            "Priority 1",
            "1",
            "Leaders across the partnership have a shared understanding of need",
            [
                act("1.1", "Publish a joint strategic needs assessment chapter on SEND.",
                    "Daniel Okafor", "DO", dt.date(2024, 4, 1), dt.date(2024, 9, 30),
                    ["G", "G", "B", "B"]),
                act("1.2", "Set up a monthly data dashboard shared by education, health and "
                    "care.", "Jasmine Wu", "JW", dt.date(2024, 5, 1), dt.date(2024, 12, 31),
                    ["A", "G", "G", ""]),
                act("1.3", "Train all SENCOs in using the dashboard to plan support.",
                    "Sarah Brennan", "SB", dt.date(2024, 9, 1), dt.date(2025, 3, 31),
                    ["", "R", "A", "G"]),
            ],
        ),
        (
            "Priority 2",
            "2",
            "Young people are well prepared for adulthood",
            [
                act("2.1", "Extend supported internships to every further education college.",
                    "Rob Kettering", "RK", dt.date(2024, 4, 1), dt.date(2025, 1, 31),
                    ["G", "A", "A", "G"]),
                act("2.2", "Start preparing for adulthood reviews from Year 9 in all special "
                    "schools.", "Sarah Brennan", "SB", dt.date(2024, 6, 1),
                    dt.date(2024, 11, 30), ["R", "R", "A", "G"]),
                act("2.3", "Agree a transition pathway into adult health services.",
                    "Jasmine Wu", "JW", dt.date(2024, 7, 1), dt.date(2025, 3, 31),
                    ["", "A", "G", "B"]),
            ],
        ),
    ]  # fmt: skip


def _em_reference() -> Doc:
    return {
        "title": "Eastmoor Local Area Partnership Priority Action Plan",
        "people": _EM_PEOPLE,
        "status_scale": _EM_SCALE,
        "periods": [{"label": label} for label in _EM_PERIODS],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title, "actions": actions}
            for _, ref, title, actions in _em_priorities()
        ],
    }


def _em_xlsx() -> bytes:
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover["B2"] = "Eastmoor Local Area Partnership Priority Action Plan"
    cover["B4"] = "Version 3 - June 2024"
    cover["B6"] = (
        "This tracker is updated quarterly by lead officers and reviewed by the Eastmoor SEND "
        "Partnership Board."
    )
    legend = book.create_sheet("Legend")
    legend.append(["Progress rating", "Colour", "What it means"])
    meanings = {
        "B": "The action is finished and the change is part of everyday practice",
        "G": "Work is happening as planned",
        "A": "Behind plan but expected to recover",
        "R": "Stalled; needs the board's help",
    }
    for status in _EM_SCALE:
        legend.append([status["label"], status["colour"].title(), meanings[status["code"]]])
    people = {person["key"]: person for person in _EM_PEOPLE}
    for sheet_name, ref, title, actions in _em_priorities():
        sheet = book.create_sheet(sheet_name)
        sheet["A1"] = f"Priority {ref}: {title}"
        sheet["A2"] = "Eastmoor SEND Priority Action Plan 2024/25"
        heads = ["Ref", "Milestone Action", "Lead officer", "Start date", "Due date", *_EM_PERIODS]
        for c, head in enumerate(heads, start=1):
            sheet.cell(row=4, column=c, value=head)
        for r, action in enumerate(actions, start=5):
            codes = {u["period"]: u["status"] for u in action.get("updates", [])}
            lead = people[action["leads"][0]]["name"]
            values: list[object] = [
                action["ref"],
                action["title"],
                lead,
                dt.date.fromisoformat(action["starts"]),
                dt.date.fromisoformat(action["due"]),
                *[_EM_WORDS[codes[p]] if p in codes else None for p in _EM_PERIODS],
            ]
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, dt.date):
                    cell.number_format = "dd/mm/yyyy"
    officers = book.create_sheet("Contacts")
    officers.append(["Name", "Job title", "Organisation"])
    for person in _EM_PEOPLE:
        organisation = "Eastmoor ICB" if "ICB" in person["role"] else "Eastmoor Council"
        officers.append([person["name"], person["role"], organisation])
    return saved(book)


# 3. Kingsford: a SEND strategy action plan in Word, pillars and their priorities

_KF_PEOPLE = [
    {"key": "EW", "name": "Eleanor Whitcombe", "role": "Inclusion Lead"},
    {"key": "GS", "name": "Gareth Simms", "role": "Head of Virtual School"},
    {"key": "NP", "name": "Nadia Patel", "role": "SEND Outreach Manager"},
]


def _kf_pillars() -> list[tuple[str, str, list[tuple[str, str, list[Doc]]]]]:
    """(ref, title, [(priority ref, priority title, actions)])."""
    return [
        (
            "2",
            "Inclusion",
            [
                (
                    "2.1",
                    "More children with SEND are supported well in mainstream schools",
                    [
                        _action(
                            "2.1.1",
                            "Launch an inclusion charter that schools sign up to.",
                            ["EW"],
                            "Eleanor Whitcombe, Inclusion Lead",
                            "Sept 2024",
                            "2024-09",
                            measures=[
                                {"text": "Charter launched", "due_text": "Sept 2024",
                                 "due": "2024-09"},
                                {"text": "75% of schools signed up", "due_text": "July 2025",
                                 "due": "2025-07"},
                            ],
                            updates=[{"period": "Feb 2024",
                                      "narrative": "Charter drafted with head teachers."}],
                        ),
                        _action(
                            "2.1.2",
                            "Offer outreach from special schools to mainstream classrooms.",
                            ["NP"],
                            "Nadia Patel, SEND Outreach Manager",
                            "From Jan 2025",
                            None,
                            starts="2025-01",
                            measures=[{"text": "Outreach offer in place in every locality",
                                       "due_text": "From Jan 2025"}],
                        ),
                    ],
                ),
                (
                    "2.2",
                    "Fewer children with SEND are suspended or excluded",
                    [
                        _action(
                            "2.2.1",
                            "Review the use of part-time timetables with every secondary "
                            "school.",
                            ["GS"],
                            "Gareth Simms, Head of Virtual School",
                            "Termly",
                            None,
                            measures=[
                                {"text": "Every part-time timetable reviewed within six weeks",
                                 "due_text": "Termly"},
                                {"text": "Suspensions of pupils with EHC plans fall by 20%",
                                 "due_text": "July 2025", "due": "2025-07"},
                            ],
                        ),
                        _action(
                            "2.2.2",
                            "Set up a fair access protocol for pupils with SEND.",
                            ["GS"],
                            "Gareth Simms, Head of Virtual School",
                            "Dec 2024",
                            "2024-12",
                            measures=[{"text": "Protocol agreed by the schools forum",
                                       "due_text": "Dec 2024", "due": "2024-12"}],
                            updates=[{"period": "Feb 2024",
                                      "narrative": "First draft shared with heads."}],
                        ),
                    ],
                ),
            ],
        ),
        (
            "3",
            "Preparing for adulthood",
            [
                (
                    "3.1",
                    "Young people have choices about work and training",
                    [
                        _action(
                            "3.1.1",
                            "Map the post-16 offer for young people with SEND and publish "
                            "it on the Local Offer.",
                            ["NP", "EW"],
                            "Nadia Patel, SEND Outreach Manager\nEleanor Whitcombe, "
                            "Inclusion Lead",
                            "March 2025",
                            "2025-03",
                            measures=[{"text": "Post-16 offer published", "due_text":
                                       "March 2025", "due": "2025-03"}],
                        ),
                    ],
                ),
            ],
        ),
    ]  # fmt: skip


def _kf_reference() -> Doc:
    sections = []
    for ref, title, priorities in _kf_pillars():
        sections.append(
            {
                "ref": ref,
                "level": "Improvement Pillar",
                "title": title,
                "sections": [
                    {"ref": pref, "level": "Strategic priority", "title": ptitle,
                     "actions": actions}
                    for pref, ptitle, actions in priorities
                ],
            }
        )  # fmt: skip
    return {
        "title": "Kingsford SEND Strategy Action Plan 2024-2027",
        "people": _KF_PEOPLE,
        "periods": [{"label": "Feb 2024"}],
        "sections": sections,
    }


def _kf_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Kingsford SEND Strategy Action Plan 2024-2027", level=0)
    document.add_paragraph(
        "Our strategy was written with families, schools and health partners. This action "
        "plan shows what we will do under each of its improvement pillars."
    )
    heads = ["Ref", "Actions (Implementation)", "Lead and resource", "Success Criteria",
             "Timeframe", "Progress/Impact"]  # fmt: skip
    for ref, title, priorities in _kf_pillars():
        document.add_heading(f"Improvement Pillar {ref} – {title}", level=2)
        rows: list[list[str]] = [heads]
        lead_spans: list[tuple[int, int]] = []
        for pref, ptitle, actions in priorities:
            rows.append([pref, ptitle, "", "", "", ""])
            for action in actions:
                measures = action.get("measures", [])
                progress = "".join(
                    f"{u['period']}: {u['narrative']}" for u in action.get("updates", [])
                )
                first = len(rows)
                rows.append([action["ref"], action["title"], action["lead_text"],
                             measures[0]["text"], action["due_text"], progress])  # fmt: skip
                for measure in measures[1:]:
                    rows.append(["", "", "", measure["text"], measure.get("due_text", ""), ""])
                if len(rows) - first > 1:
                    lead_spans.append((first, len(rows) - 1))
        table = document.add_table(rows=len(rows), cols=len(heads))
        table.style = "Table Grid"
        _fill_table(table, rows)
        for first, last in lead_spans:
            # The lead cell merged down over the action's rows, as authors do.
            text = rows[first][2]
            merged = table.cell(first, 2).merge(table.cell(last, 2))
            merged.text = text
        # Priority rows have their words merged across the rest of the row.
        for r, values in enumerate(rows):
            if r and values[0].count(".") == 1 and not values[2]:
                merged = table.cell(r, 1).merge(table.cell(r, 5))
                merged.text = values[1]
        document.add_paragraph("")
    return saved(document)


# 4. Westfold: a WSoA tracker in Excel, focus areas as rows of one table

_WF_PERIODS = ["Dec-19", "Jan-20", "Apr-21", "Dec-21"]
_WF_PERIOD_DATES = [dt.date(2019, 12, 1), dt.date(2020, 1, 1), dt.date(2021, 4, 1),
                    dt.date(2021, 12, 1)]  # fmt: skip
_WF_PEOPLE = [
    {"key": "JT", "name": "Joanna Tillotson", "role": "Director of Children's Services"},
    {"key": "RM", "name": "Ravi Mehta", "role": "Head of Joint Commissioning"},
    {"key": "CL", "name": "Claire Lomax", "role": "SEND Service Manager"},
    {"key": "AH", "name": "Andrew Hume", "role": "Designated Medical Officer"},
]
_WF_SCALE = [
    {"code": "G", "label": "on track", "colour": "green"},
    {"code": "A", "label": "some slippage", "colour": "amber"},
    {"code": "R", "label": "significant concern", "colour": "red"},
]


def _wf_areas() -> list[tuple[str, str, list[tuple[Doc, str, list[str]]]]]:
    """(ref, title, [(action, success measure, cells as written)])."""
    p = _WF_PERIODS

    def act(
        ref: str,
        title: str,
        leads: list[str],
        due_text: str,
        due: str | None,
        written: list[str],
        codes: list[str],
        measure: str,
    ) -> tuple[Doc, str, list[str]]:
        action = _action(
            ref,
            title,
            leads,
            " / ".join(leads),
            due_text,
            due,
            updates=_statuses(p, codes),
            measures=[{"text": measure}],
        )
        return action, measure, written  # fmt: skip

    return [
        (
            "3",
            "Joint commissioning",
            [
                act("3A", "Agree a joint commissioning strategy for SEND across the council "
                    "and the CCG.", ["RM", "JT"], "March 2020", "2020-03",
                    ["G", "G", "G/A", "Green"], ["G", "G", "G/A", "G"],
                    "Strategy signed off by the Health and Wellbeing Board"),
                act("3B", "Pool budgets for equipment and short breaks.", ["RM"], "Sep-20",
                    "2020-09", ["A", "amber", "", "G"], ["A", "A", "", "G"],
                    "Pooled budget agreement in place"),
                act("3C", "Commission a neurodevelopmental pathway with a single point of "
                    "access.", ["AH", "RM"], "Dec-20", "2020-12",
                    ["Red", "R", "A", "A"], ["R", "R", "A", "A"],
                    "Waiting times for autism assessment below 26 weeks"),
            ],
        ),
        (
            "4",
            "Outcomes for children and young people",
            [
                act("4A", "Quality assure every new EHC plan before it is issued.", ["CL"],
                    "Ongoing", None, ["G", "G", "G", "G"], ["G", "G", "G", "G"],
                    "80% of audited plans rated good"),
                act("4B", "Report outcomes data to the SEND board each term.", ["CL", "JT"],
                    "Termly", None, ["", "", "amber", "a"], ["", "", "A", "A"],
                    "Outcomes report received each term"),
            ],
        ),
    ]  # fmt: skip


def _wf_reference() -> Doc:
    return {
        "title": "Westfold Written Statement of Action tracker",
        "people": _WF_PEOPLE,
        "status_scale": _WF_SCALE,
        "periods": [{"label": label} for label in _WF_PERIODS],
        "sections": [
            {"ref": ref, "level": "Focus Area", "title": title,
             "actions": [action for action, _, _ in rows]}
            for ref, title, rows in _wf_areas()
        ],
    }  # fmt: skip


def _wf_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "WSoA tracker"
    sheet["A1"] = "Westfold Written Statement of Action tracker"
    sheet["A2"] = "Key: Green - on track; Amber - some slippage; Red - significant concern"
    heads: list[object] = ["Ref", "Action", "Lead", "Success measure", "Target date",
                           *_WF_PERIOD_DATES]  # fmt: skip
    for c, head in enumerate(heads, start=1):
        cell = sheet.cell(row=4, column=c, value=head)
        if isinstance(head, dt.date):
            cell.number_format = "mmm-yy"
    row = 5
    for ref, title, rows in _wf_areas():
        sheet.cell(row=row, column=1, value=f"Focus Area {ref} – {title}")
        sheet.merge_cells(start_row=row, end_row=row, start_column=1, end_column=len(heads))
        row += 1
        for action, measure, written in rows:
            due_text = action["due_text"]
            due_value: object = due_text
            if due_text.endswith(("-20", "-21")):
                due_value = dt.datetime.strptime(due_text, "%b-%y")
            values: list[object] = [action["ref"], action["title"], action["lead_text"],
                                    measure, due_value, *[w or None for w in written]]  # fmt: skip
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=c, value=value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "mmm-yy"
            row += 1
        row += 1
    officers = book.create_sheet("Lead officers")
    officers.append(["Initials", "Name", "Role"])
    for person in _WF_PEOPLE:
        officers.append([person["key"], person["name"], person["role"]])
    return saved(book)


# 5. Harrowdale: a Word plan typed without heading rows, with workstreams

_HD_PEOPLE = [
    {"key": "BK", "name": "Bethan Kaur", "role": "Participation Officer"},
    {"key": "OD", "name": "Oliver Dunmore", "role": "Local Offer Manager"},
    {"key": "FG", "name": "Fiona Grant", "role": "Head of Early Help"},
]
_HD_SCALE = [
    {"code": "B", "label": "complete", "colour": "blue"},
    {"code": "G", "label": "on track", "colour": "green"},
    {"code": "A", "label": "at risk", "colour": "amber"},
    {"code": "R", "label": "delayed", "colour": "red"},
]


def _hd_workstreams() -> list[tuple[str, str, list[tuple[Doc, str, str]]]]:
    """(ref, title, [(action, cost as written, status as written)])."""
    return [
        (
            "1",
            "Communication with families",
            [
                (_action("1.1", "Rewrite the Local Offer website with parents as editors.",
                         ["OD"], "Oliver Dunmore", "July 2025", "2025-07", cost=12000,
                         updates=[{"period": "Status", "status": "G"}]), "£12,000", "Green"),
                (_action("1.2", "Hold termly 'you said, we did' events in each locality.",
                         ["BK"], "Bethan Kaur", "Termly", None, cost=1500,
                         updates=[{"period": "Status", "status": "B"}]), "£1,500", "BLUE"),
                (_action("1.3", "Publish a quarterly newsletter on the plan's progress.",
                         ["BK", "OD"], "Bethan Kaur / Oliver Dunmore", "Oct 2024",
                         "2024-10", updates=[{"period": "Status", "status": "A"}]), "",
                 "Amber"),
            ],
        ),
        (
            "2",
            "Early help for families",
            [
                (_action("2.1", "Train early help workers in recognising early signs of "
                         "SEND.", ["FG"], "Fiona Grant", "By 31 January 2025", "2025-01-31",
                         cost=8000, updates=[{"period": "Status", "status": "R"}]), "£8,000",
                 "red"),
                (_action("2.2", "Give families waiting for an assessment a named key worker.",
                         ["FG"], "Fiona Grant", "April 2025", "2025-04", cost=25000,
                         updates=[{"period": "Status", "status": "G"}]), "£25,000", "Green"),
            ],
        ),
    ]  # fmt: skip


def _hd_reference() -> Doc:
    return {
        "title": "Harrowdale SEND Improvement Plan",
        "people": _HD_PEOPLE,
        "status_scale": _HD_SCALE,
        "periods": [{"label": "Status"}],
        "sections": [
            {"ref": ref, "level": "Workstream", "title": title,
             "actions": [action for action, _, _ in rows]}
            for ref, title, rows in _hd_workstreams()
        ],
    }  # fmt: skip


def _hd_docx() -> bytes:
    document = docx.Document()
    # A cover laid out with a table, a smaller table nested inside it.
    cover = document.add_table(rows=1, cols=1)
    cell = cover.cell(0, 0)
    cell.text = "Harrowdale SEND Improvement Plan"
    cell.paragraphs[0].runs[0].bold = True
    inner = cell.add_table(rows=2, cols=2)
    _fill_table(inner, [["Version", "2.1"], ["Approved by", "Harrowdale SEND Board"]])
    document.add_paragraph("")
    document.add_paragraph(
        "RAG key: Blue - complete; Green - on track; Amber - at risk; Red - delayed"
    )
    people = {person["key"]: person for person in _HD_PEOPLE}
    for ref, title, rows in _hd_workstreams():
        document.add_paragraph(f"Workstream {ref}: {title}").runs[0].bold = True
        body: list[list[str]] = [["No.", "What we will do", "Who", "By when", "Cost", "Status"]]
        total = 0
        for action, cost_text, status in rows:
            body.append([action["ref"], action["title"], action["lead_text"],
                         action["due_text"], cost_text, status])  # fmt: skip
            body.append([""] * 6)
            total += action.get("cost", 0)
        body.append(["Total", "", "", "", f"£{total:,}", ""])
        table = document.add_table(rows=len(body), cols=6)
        table.style = "Table Grid"
        _fill_table(table, body)
        document.add_paragraph("")
    document.add_paragraph("Who to contact").runs[0].bold = True
    contacts = document.add_table(rows=len(_HD_PEOPLE) + 1, cols=2)
    _fill_table(
        contacts,
        [["Name", "Job title"]] + [[people[k]["name"], people[k]["role"]] for k in people],
    )
    return saved(document)


# 6. Southvale: an Excel tracker rated by colouring cells, refs lettered by priority

_SV_PERIODS = ["Jun 2024", "Sep 2024"]
_SV_PEOPLE = [
    {"key": "AH", "name": "Amira Haddad", "role": "Head of SEND Assessment"},
    {"key": "KO", "name": "Kwame Owusu", "role": "Early Years Inclusion Manager"},
    {"key": "LB", "name": "Laura Binns", "role": "Commissioning Manager, ICB"},
]
_SV_SCALE = [
    {"code": "G", "label": "On track – no issues", "colour": "green"},
    {"code": "A", "label": "Some risk to delivery", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
    {"code": "B", "label": "Complete", "colour": "blue"},
]
_SV_FILLS = {"G": "00B050", "A": "FFC000", "R": "FF0000", "B": "0070C0", "Y": "FFFF00"}


def _sv_priorities() -> list[tuple[str, str, list[tuple[Doc, list[str]]]]]:
    """(priority ref, title, [(action, fills per period as drawn)])."""
    p = _SV_PERIODS
    return [
        (
            "1",
            "Early help and identification",
            [
                (_action("P1.1", "Roll out a two-year-old progress check shared by health "
                         "visitors and settings.", ["KO"], "Kwame Owusu", "Q3 2024/25",
                         "2024-12", updates=_statuses(p, ["G", "B"])), ["G", "B"]),
                (_action("P1.2", "Give every early years setting access to an area SENCO.",
                         ["KO"], "Kwame Owusu", "End of March 2025", "2025-03",
                         updates=_statuses(p, ["A", "A"])), ["A", "Y"]),
                (_action("P1.3", "Publish clear criteria for requesting an EHC needs "
                         "assessment.", ["AH"],
                         "Amira Haddad (amira.haddad@southvale.example)", "Autumn 2024",
                         "2024-12", updates=_statuses(p, ["R", "G"])), ["R", "G"]),
            ],
        ),
        (
            "2",
            "Health services that meet need",
            [
                (_action("P2.1", "Reduce waits for the neurodevelopmental pathway.", ["LB"],
                         "Laura Binns", "31/01/2025", "2025-01-31",
                         updates=_statuses(p, ["R", "R"])), ["R", "R"]),
                (_action("P2.2", "Agree a joint funding panel for complex packages.",
                         ["LB", "AH"], "Laura Binns / Amira Haddad", "Q4 2024/25", "2025-03",
                         updates=_statuses(p, ["G", ""])), ["G", ""]),
            ],
        ),
    ]  # fmt: skip


def _sv_reference() -> Doc:
    return {
        "title": "Southvale SEND and AP Improvement Plan – Tracker",
        "people": _SV_PEOPLE,
        "status_scale": _SV_SCALE,
        "periods": [{"label": label} for label in _SV_PERIODS],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _sv_priorities()
        ],
    }  # fmt: skip


def _solid(sheet: Any, row: int, column: int, code: str) -> None:
    colour = _SV_FILLS[code]
    sheet.cell(row=row, column=column).fill = openpyxl.styles.PatternFill(
        fill_type="solid", start_color=colour, end_color=colour
    )


def _sv_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action Plan 2024-25"
    sheet["B1"] = "Southvale SEND and AP Improvement Plan – Tracker"
    sheet["B2"] = "Owner: SEND Programme Office"
    sheet["B3"] = "Updated by lead officers each quarter; colours show the rating."
    heads = ["Priority", "Ref", "Action", "Lead\nOfficer", "Target\nCompletion Date",
             *_SV_PERIODS]  # fmt: skip
    for c, head in enumerate(heads, start=2):
        sheet.cell(row=6, column=c, value=head)
    # The header row is shaded too, as most trackers are; shading with words rates nothing.
    for c in range(2, len(heads) + 2):
        _solid(sheet, 6, c, "B")
    row = 7
    for ref, title, rows in _sv_priorities():
        first = row
        sheet.cell(row=row, column=2, value=f"Priority {ref} - {title}")
        for action, fills in rows:
            due: object = action["due_text"]
            if "/" in action["due_text"] and action["due_text"][0].isdigit():
                due = dt.datetime.strptime(action["due_text"], "%d/%m/%Y")
            values = [action["ref"], action["title"], action["lead_text"], due]
            for c, value in enumerate(values, start=3):
                cell = sheet.cell(row=row, column=c, value=value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "dd/mm/yyyy"
            for offset, code in enumerate(fills):
                if code:
                    _solid(sheet, row, 7 + offset, code)
            row += 1
        sheet.merge_cells(start_row=first, end_row=row - 1, start_column=2, end_column=2)
    key = book.create_sheet("RAG Key")
    for r, status in enumerate(_SV_SCALE, start=1):
        _solid(key, r, 1, status["code"])
        key.cell(row=r, column=2, value=status["label"])
    return saved(book)


# 7. Lowbeck: an APP in Word, a table per priority with its title in the first row

_LB_PEOPLE = [
    {"key": "KM", "name": "Karen Moss", "role": "Head of SEND"},
    {"key": "SP", "name": "Simon Pryce", "role": "Designated Clinical Officer"},
    {"key": "JN", "name": "Jade Nwosu", "role": "Parent Carer Forum Coordinator"},
]
_LB_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "At risk", "colour": "amber"},
    {"code": "R", "label": "Not on track", "colour": "red"},
]
_LB_PERIOD = "Mar 2025"


def _lb_priorities() -> list[tuple[str, str, list[tuple[Doc, str]]]]:
    """(ref, title, [(action, measure of impact, rating as drawn)]); a rating as drawn is
    "fill:<code>" for a shaded cell, else the words in the cell."""

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        code: str,
    ) -> Doc:
        return _action(
            ref,
            title,
            leads,
            lead_text,
            due_text,
            due,
            updates=[{"period": _LB_PERIOD, "status": code}],
            measures=[{"text": _LB_MEASURES[ref]}],
        )

    return [
        (
            "A",
            "Co-production with families",
            [
                (act("A1", "Agree a co-production charter with the parent carer forum.",
                     ["JN", "KM"], "Forum Coordinator (JN) / Head of SEND (KM)",
                     "w/c 3 March 2025", "2025-03-03", "G"), "fill:G"),
                (act("A2", "Train all SEND case officers in person-centred planning.",
                     ["KM"], "Head of SEND (KM)", "End of Spring term 2025", "2025-04",
                     "A"), "Amber"),
                (act("A3", "Publish a 'you said, we did' page each quarter.", ["JN"],
                     "Forum Coordinator (JN)", "June 2025", "2025-06", "A"), "fill:Y"),
            ],
        ),
        (
            "B",
            "Health contribution to EHC plans",
            [
                (act("B1", "Set a standard for health advice returned within six weeks.",
                     ["SP"], "DCO (SP)", "Jan 2025", "2025-01", "B"), "fill:B"),
                (act("B2", "Audit health sections of new EHC plans every quarter.",
                     ["SP", "KM"], "SP / KM", "Quarterly", None, "R"), "fill:R"),
            ],
        ),
    ]  # fmt: skip


_LB_MEASURES = {
    "A1": "Charter signed by all partners",
    "A2": "90% of case officers trained",
    "A3": "Page published every quarter",
    "B1": "95% of health advice returned within six weeks",
    "B2": "Audit results reported to the board",
}


def _lb_reference() -> Doc:
    return {
        "title": "Lowbeck Accelerated Progress Plan (APP)",
        "people": _LB_PEOPLE,
        "status_scale": _LB_SCALE,
        "periods": [{"label": _LB_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _lb_priorities()
        ],
    }  # fmt: skip


def _shade(cell: Any, hex_colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_colour)
    properties.append(shading)


def _lb_docx() -> bytes:
    document = docx.Document()
    cover = document.add_paragraph()
    cover.add_run("Lowbeck Accelerated Progress Plan (APP)").bold = True
    document.add_paragraph(
        "Partners in Lowbeck agreed this plan with the Department for Education and NHS "
        "England after the revisit in 2024."
    )
    # The key worst first, a line per colour.
    for line in ("Red – Not on track", "Amber – At risk", "Green – On track",
                 "Blue – Complete"):  # fmt: skip
        document.add_paragraph(line)
    heads = ["Ref", "Action", "Lead", "Deadline", "Measure of impact", f"RAG ({_LB_PERIOD})"]
    for ref, title, rows in _lb_priorities():
        table = document.add_table(rows=len(rows) + 2, cols=len(heads))
        table.style = "Table Grid"
        merged = table.cell(0, 0).merge(table.cell(0, len(heads) - 1))
        merged.text = f"Priority {ref}: {title}"
        _shade(merged, "1F4E79")
        for c, head in enumerate(heads):
            table.cell(1, c).text = head
            _shade(table.cell(1, c), "D9D9D9")
        for r, (action, drawn) in enumerate(rows, start=2):
            values = [action["ref"], action["title"], action["lead_text"], action["due_text"],
                      action["measures"][0]["text"]]  # fmt: skip
            for c, value in enumerate(values):
                table.cell(r, c).text = value
            rating = table.cell(r, len(heads) - 1)
            if drawn.startswith("fill:"):
                _shade(rating, _SV_FILLS[drawn[5:]])
            else:
                rating.text = drawn
        document.add_paragraph("")
    document.add_heading("Officers", level=2)
    officers = document.add_table(rows=len(_LB_PEOPLE) + 1, cols=3)
    _fill_table(
        officers,
        [["Initials", "Officer", "Post"]] + [[p["key"], p["name"], p["role"]] for p in _LB_PEOPLE],
    )
    return saved(document)


# 8. Ashby: a WSoA in Word, refs typed as a numbered list, a two-row heading over the
# monitoring periods and a key of letter codes

_AS_PERIODS = ["Jul-18", "Oct-18", "Jan-19"]
_AS_PEOPLE = [
    {"key": "CW", "name": "Catherine Wells", "role": "Head of SEN and Disability"},
    {"key": "DR", "name": "David Royle", "role": "Designated Clinical Officer"},
    {"key": "JG", "name": "Jo Green-Smith", "role": "Principal Educational Psychologist"},
    {"key": "MP", "name": "Mark Pell", "role": "Head of Children's Commissioning"},
]
_AS_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some concerns", "colour": "amber"},
    {"code": "R", "label": "Not on track", "colour": "red"},
    {"code": "W", "label": "Not yet started", "colour": "white"},
]


def _as_weaknesses() -> list[tuple[str, str, list[tuple[Doc, list[str]]]]]:
    """(ref, title, [(action, ratings as written)]); refs run on from table to table, as a
    numbered list does."""
    p = _AS_PERIODS

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        written: list[str],
        codes: list[str],
        measure: str,
    ) -> tuple[Doc, list[str]]:
        action = _action(
            ref,
            title,
            leads,
            lead_text,
            due_text,
            due,
            updates=_statuses(p, codes),
            measures=[{"text": measure}],
        )
        if due_text.startswith("Monthly from"):
            action["starts"] = "2018-10"
        return action, written

    return [
        (
            "1",
            "The quality of EHC plans is too variable",
            [
                act("1", "Agree a quality standard for EHC plans with families and schools.",
                    ["CW", "JG"], "Catherine Wells, Jo Green-Smith", "September 2018",
                    "2018-09", ["G", "G", "Complete"], ["G", "G", "B"],
                    "Standard published on the Local Offer"),
                act("2", "Audit ten plans a month against the standard.",
                    ["JG"], "Jo Green-Smith (Principal Educational Psychologist)",
                    "Monthly from Oct 2018", None, ["Not yet started", "A/G", "G"],
                    ["W", "A/G", "G"], "Audit findings reported to the SEND board"),
                act("3", "Make sure health advice is included in every new plan.",
                    ["DR"], "David Royle (DR)", "Dec 2018", "2018-12",
                    ["R", "Amber", "A"], ["R", "A", "A"],
                    "Health advice present in 95% of new plans"),
            ],
        ),
        (
            "2",
            "Joint commissioning is underdeveloped",
            [
                act("4", "Write a joint commissioning plan for speech and language therapy.",
                    ["MP", "DR"], "Mark Pell, David Royle", "March 2019", "2019-03",
                    ["W", "G", "G/A"], ["W", "G", "G/A"],
                    "Plan agreed by the council and the CCG"),
                act("5", "Pool the budget for specialist equipment.", ["MP"],
                    "Mark Pell (Head of Children's Commissioning)", "By 31 March 2019.",
                    "2019-03-31", ["", "R", "A"], ["", "R", "A"],
                    "Pooled budget agreement signed"),
            ],
        ),
    ]  # fmt: skip


def _as_reference() -> Doc:
    return {
        "title": "Ashby Local Area Written Statement of Action",
        "people": _AS_PEOPLE,
        "status_scale": _AS_SCALE,
        "periods": [{"label": label} for label in _AS_PERIODS],
        "sections": [
            {"ref": ref, "level": "Area of weakness", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _as_weaknesses()
        ],
    }  # fmt: skip


def _as_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Ashby Local Area Written Statement of Action", level=0)
    document.add_paragraph("12 March 2018")
    document.add_paragraph(
        "This statement sets out how the local area will address the areas of weakness "
        "identified in the joint inspection by Ofsted and the CQC."
    )
    document.add_heading("Key to ratings", level=2)
    key = document.add_table(rows=len(_AS_SCALE) + 1, cols=3)
    _fill_table(
        key,
        [["Rating", "Colour", "Meaning"]]
        + [[st["code"], st["colour"].title(), st["label"]] for st in _AS_SCALE],
    )
    heads = ["Ref", "Action", "Lead officer(s)", "Timescale", "Success criteria", "RAG rating"]
    columns = len(heads) + len(_AS_PERIODS) - 1
    for ref, title, rows in _as_weaknesses():
        document.add_heading(f"Area of weakness {ref}: {title}", level=1)
        table = document.add_table(rows=len(rows) + 2, cols=columns)
        table.style = "Table Grid"
        for c, head in enumerate(heads):
            table.cell(0, c).text = head
        merged = table.cell(0, len(heads) - 1).merge(table.cell(0, columns - 1))
        merged.text = "RAG rating"
        for c, period in enumerate(_AS_PERIODS, start=len(heads) - 1):
            table.cell(1, c).text = period
        for r, (action, written) in enumerate(rows, start=2):
            ref_cell = table.cell(r, 0).paragraphs[0]
            ref_cell.style = document.styles["List Number"]
            values = [action["title"], action["lead_text"], action["due_text"],
                      action["measures"][0]["text"], *written]  # fmt: skip
            for c, value in enumerate(values, start=1):
                table.cell(r, c).text = value
    return saved(document)


# 9. Greyhurst: a one-sheet Excel tracker, its heading row repeated for each workstream,
# ratings in words with their reasons or in old palette colours

_GH_PERIOD = "RAG Status (Current)"
_GH_PEOPLE = [
    {"key": "PS", "name": "Paula Stevens", "role": "SEND Transformation Lead"},
    {"key": "IA", "name": "Imran Akhtar", "role": "Head of Education Psychology"},
    {"key": "RT", "name": "Rachel Thorne", "role": "Service Manager, Short Breaks"},
]
_GH_SCALE = [
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Minor slippage", "colour": "amber"},
    {"code": "R", "label": "Major slippage", "colour": "red"},
]
_GH_INDEXED = {"G": 11, "A": 13, "R": 10}


def _gh_workstreams() -> list[tuple[str, str, list[tuple[Doc, object, str]]]]:
    """(ref, title, [(action, target date as entered, rating as entered)]); a rating as
    entered is "fill:<code>" for a coloured cell, else its words."""

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        code: str,
    ) -> Doc:
        return _action(
            ref,
            title,
            leads,
            lead_text,
            due_text,
            due,
            updates=[{"period": _GH_PERIOD, "status": code}],
        )

    return [
        (
            "1",
            "Communication and co-production",
            [
                (act("1.1", "Refresh the Local Offer with young people's help.", ["PS"],
                     "Paula Stevens", "Nov-24", "2024-11", "G"),
                 dt.datetime(2024, 11, 1), "Green - on track"),
                (act("1.2", "Agree a communication plan with the parent carer forum.",
                     ["PS", "RT"], "Paula Stevens, Rachel Thorne", "Sept 24", "2024-09", "A"),
                 "Sept 24", "Amber (some slippage)"),
            ],
        ),
        (
            "2",
            "Assessment and planning",
            [
                (act("2.1", "Recruit two more educational psychologists.", ["IA"],
                     "Imran Akhtar", "Jan-25", "2025-01", "R"),
                 dt.datetime(2025, 1, 1), "fill:R"),
                (act("2.2", "Hold annual reviews for every child in Year 5 by the end of "
                     "the spring term.", ["IA"], "Imran Akhtar", "Ongoing", None, "G"),
                 "Ongoing", "fill:G"),
                (act("2.3", "Offer short breaks to families waiting for an assessment.",
                     ["RT"], "Rachel Thorne", "Mar-25", "2025-03", "A"),
                 dt.datetime(2025, 3, 1), "fill:A"),
            ],
        ),
    ]  # fmt: skip


def _gh_reference() -> Doc:
    return {
        "title": "Greyhurst SEND Improvement Tracker 2024-25",
        "people": _GH_PEOPLE,
        "status_scale": _GH_SCALE,
        "periods": [{"label": _GH_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Workstream", "title": title,
             "actions": [action for action, _, _ in rows]}
            for ref, title, rows in _gh_workstreams()
        ],
    }  # fmt: skip


def _gh_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet["A1"] = "Greyhurst SEND Improvement Tracker 2024-25"
    sheet["A2"] = "RAG: Green - On track, Amber - Minor slippage, Red - Major slippage"
    heads = ["Workstream", "Action No.", "Action", "Action Owner", "Target Date", _GH_PERIOD,
             "Comments"]  # fmt: skip
    row = 4
    for ref, title, rows in _gh_workstreams():
        for c, head in enumerate(heads, start=1):
            sheet.cell(row=row, column=c, value=head)
        row += 1
        for action, target, rating in rows:
            values: list[object] = [f"Workstream {ref}: {title}", action["ref"],
                                    action["title"], action["lead_text"], target]  # fmt: skip
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=c, value=value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "mmm-yy"
            status = sheet.cell(row=row, column=6)
            if rating.startswith("fill:"):
                status.fill = openpyxl.styles.PatternFill(
                    fill_type="solid",
                    fgColor=openpyxl.styles.colors.Color(indexed=_GH_INDEXED[rating[5:]]),
                )
            else:
                status.value = rating
            sheet.cell(row=row, column=7, value="Discussed at the September board.")
            row += 1
        row += 2
    return saved(book)


# 10. Fenmoor: a SEND strategy tracker in Excel, its priorities as rows naming their owner,
# a key of BRAG letters and a hidden sheet of drop-down lists

_FM_PERIOD = "Mar 25"
_FM_PEOPLE = [
    {"key": "LM", "name": "Lisa Marsh", "role": "Head of Early Years"},
    {"key": "OK", "name": "Owen Kirby", "role": "Head of SEND"},
    {"key": "SA", "name": "Sana Ahmed", "role": "Participation Lead"},
]
_FM_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some slippage", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]


def _fm_priorities() -> list[tuple[str, str, str, list[Doc]]]:
    """(ref, title, owner as written, actions)."""

    def act(
        ref: str,
        title: str,
        key: str,
        lead: str,
        start: dt.date,
        end: dt.date,
        code: str,
        progress: str,
    ) -> Doc:
        return _action(
            ref,
            title,
            [key],
            lead,
            end.strftime("%d/%m/%Y"),
            end.isoformat(),
            starts_text=start.strftime("%d/%m/%Y"),
            starts=start.isoformat(),
            updates=[{"period": _FM_PERIOD, "status": code, "narrative": progress}],
        )

    return [
        ("1.1", "Every child has a good early years offer", "Lisa Marsh (Head of Early Years)", [
            act("1.1.1", "Fund inclusion support in every private nursery.", "LM",
                "Lisa Marsh", dt.date(2024, 4, 1), dt.date(2025, 3, 31), "G",
                "Funding agreed for 42 settings."),
            act("1.1.2", "Offer SENCO training to childminders.", "LM", "Lisa Marsh",
                dt.date(2024, 9, 1), dt.date(2025, 7, 31), "A",
                "Two of four sessions held."),
        ]),
        ("1.2", "Children's voices shape their plans", "Sana Ahmed", [
            act("1.2.1", "Add a one-page profile written with the child to every EHC plan.",
                "SA", "Sana Ahmed", dt.date(2024, 6, 1), dt.date(2025, 6, 30), "R",
                "Template agreed; not yet in use."),
            act("1.2.2", "Survey young people on their annual reviews each year.", "OK",
                "Owen Kirby", dt.date(2025, 1, 1), dt.date(2025, 12, 31), "B",
                "Survey closed with 310 replies."),
        ]),
    ]  # fmt: skip


def _fm_reference() -> Doc:
    return {
        "title": "Fenmoor SEND Strategy 2024-2027: Action Tracker",
        "people": _FM_PEOPLE,
        "status_scale": _FM_SCALE,
        "periods": [{"label": _FM_PERIOD}],
        "sections": [
            {"ref": "1", "level": "Pillar", "title": "Early intervention",
             "sections": [
                 {"ref": ref, "level": "Strategic priority", "title": title,
                  "owners": ["LM" if "Marsh" in owner else "SA"], "actions": actions}
                 for ref, title, owner, actions in _fm_priorities()
             ]},
        ],
    }  # fmt: skip


def _fm_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Strategy Action Plan"
    sheet["A1"] = "Fenmoor SEND Strategy 2024-2027: Action Tracker"
    sheet["A3"] = "Pillar 1: Early intervention"
    heads = ["Ref", "Objective / Action", "Lead / Owner", "Start", "End",
             f"Progress ({_FM_PERIOD})", f"BRAG ({_FM_PERIOD})"]  # fmt: skip
    for c, head in enumerate(heads, start=1):
        sheet.cell(row=4, column=c, value=head)
    row = 5
    for ref, title, owner, actions in _fm_priorities():
        for c, words in enumerate([ref, title, owner], start=1):
            sheet.cell(row=row, column=c, value=words)
        row += 1
        for action in actions:
            update = action["updates"][0]
            values: list[object] = [
                action["ref"], action["title"], action["lead_text"],
                dt.date.fromisoformat(action["starts"]), dt.date.fromisoformat(action["due"]),
                update["narrative"], update["status"],
            ]  # fmt: skip
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=c, value=value)
                if isinstance(value, dt.date):
                    cell.number_format = "dd/mm/yyyy"
            row += 1
    key = book.create_sheet("Key")
    key.append(["BRAG", "Definition"])
    for status in _FM_SCALE:
        key.append([status["code"], status["label"]])
    lists = book.create_sheet("Lists")
    for value in ("B", "R", "A", "G", "Lisa Marsh", "Owen Kirby", "Sana Ahmed", "Ref", "Lead"):
        lists.append([value])
    lists.sheet_state = "hidden"
    return saved(book)


# 11. Orrinsford: an improvement plan in Word with no ref column, refs opening the actions'
# words, leads listed with commas and delivery written as a span of months

_OR_PERIOD = "Progress RAG"
_OR_PEOPLE = [
    {"key": "KM", "name": "Karen Moss", "role": ""},
    {"key": "SP", "name": "Simon Pryce", "role": ""},
    {"key": "FG", "name": "", "role": "Head of Early Help"},
    {"key": "SN", "name": "", "role": "SENCO Network"},
]
_OR_SCALE = [
    {"code": "G", "label": "on track", "colour": "green"},
    {"code": "A", "label": "some risk", "colour": "amber"},
    {"code": "R", "label": "off track", "colour": "red"},
    {"code": "B", "label": "complete", "colour": "blue"},
]


def _or_priorities() -> list[tuple[str, str, list[tuple[Doc, str, str]]]]:
    """(ref, title, [(action, what difference it will make, rating as written)])."""

    def act(
        ref: str | None,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        code: str,
        starts: str | None = None,
    ) -> Doc:
        return _action(
            ref,
            title,
            leads,
            lead_text,
            due_text,
            due,
            starts=starts,
            updates=[{"period": _OR_PERIOD, "status": code}],
            measures=[{"text": "Fewer families wait without support"}],
        )

    return [
        ("1", "Early identification", [
            (act("1.1", "Launch the graduated approach in every school.", ["KM", "SP"],
                 "Karen Moss, Simon Pryce", "Sept 2024 – March 2025", "2025-03", "G",
                 starts="2024-09"), "Fewer families wait without support", "Green"),
            (act("1.2", "Set up a termly SENCO forum in each locality.", ["SN"],
                 "SENCO Network", "Termly", None, "B"),
             "Fewer families wait without support", "complete"),
            (act(None, "Review the early help assessment with families.", ["FG"],
                 "Head of Early Help (FG)", "Dec 2024", "2024-12", "A"),
             "Fewer families wait without support", "A"),
        ]),
        ("2", "Support in school", [
            (act("2.1", "Publish the ordinarily available provision guide.", ["KM"],
                 "Karen Moss", "Jan 2025", "2025-01", "R"),
             "Fewer families wait without support", "RED"),
        ]),
    ]  # fmt: skip


def _or_reference() -> Doc:
    return {
        "title": "Orrinsford SEND Improvement Plan",
        "people": _OR_PEOPLE,
        "status_scale": _OR_SCALE,
        "periods": [{"label": _OR_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Strategic Priority", "title": title,
             "actions": [action for action, _, _ in rows]}
            for ref, title, rows in _or_priorities()
        ],
    }  # fmt: skip


def _or_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Orrinsford SEND Improvement Plan", level=1)
    document.add_paragraph(
        "Progress RAG: Green – on track, Amber – some risk, Red – off track, Blue – complete"
    )
    heads = ["Action", "Who", "When", "What difference will it make", _OR_PERIOD]
    for ref, title, rows in _or_priorities():
        document.add_heading(f"Strategic Priority {ref}: {title}", level=2)
        body = [heads]
        for action, difference, rating in rows:
            words = f"{action['ref']} {action['title']}" if action.get("ref") else action["title"]
            body.append([words, action["lead_text"], action["due_text"], difference, rating])
        _fill_table(document.add_table(rows=len(body), cols=len(heads)), body)
    return saved(document)


# 12. Pennock: an Excel tracker with a row of group headings above its heading row,
# quarters without their year, and outcomes as rows of the table

_PN_PERIODS = ["Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25"]
# As the heading row writes them, the year in the group heading above.
_PN_HEADED = ["Q1", "Q2", "Q3", "Q4"]
_PN_PEOPLE = [
    {"key": "KL", "name": "Karen Lowe", "role": "Head of SEND"},
    {"key": "SCM", "name": "", "role": "SEND Commissioning Manager"},
    {"key": "TB", "name": "Tariq Bashir", "role": "Virtual School Head"},
]
_PN_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some concerns", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
    {"code": "Gr", "label": "Not started", "colour": "grey"},
]


def _pn_outcomes() -> list[tuple[str, str, list[tuple[Doc, str, str]]]]:
    """(ref, title, [(action, start as written, target as written)])."""
    p = _PN_PERIODS

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        start: str,
        starts: str | None,
        target: str,
        due: str | None,
        codes: list[str],
    ) -> tuple[Doc, str, str]:
        action = _action(
            ref,
            title,
            leads,
            lead_text,
            target,
            due,
            starts_text=start,
            starts=starts,
            updates=_statuses(p, codes),
        )
        return action, start, target

    return [
        ("1", "Children's needs are identified early", [
            act("O1.1", "Introduce a shared request for support form.", ["KL"],
                "Head of SEND (Karen Lowe)", "Apr-24", "2024-04", "Sep-24", "2024-09",
                ["G", "B", "B", "B"]),
            act("O1.2", "Commission an early language programme for nurseries.", ["SCM"],
                "SEND Commissioning Manager", "Jun-24", "2024-06", "Mar-25", "2025-03",
                ["Gr", "A", "A", "G"]),
        ]),
        ("2", "Fewer children with SEND miss school", [
            act("O2.1", "Track the attendance of every pupil with an EHC plan weekly.",
                ["TB"], "Virtual School Head (Tariq Bashir)", "Sep-24", "2024-09", "Ongoing",
                None, ["", "G", "G", "A"]),
            act("O2.2", "Agree a protocol for part-time timetables.", ["TB", "KL"],
                "Virtual School Head (Tariq Bashir) / Head of SEND (Karen Lowe)", "Sep-24",
                "2024-09", "Dec-24", "2024-12", ["", "R", "A", "B"]),
        ]),
    ]  # fmt: skip


def _pn_reference() -> Doc:
    return {
        "title": "Pennock Local Area SEND Improvement Plan 2024/25 – Delivery Tracker",
        "people": _PN_PEOPLE,
        "status_scale": _PN_SCALE,
        "periods": [{"label": label} for label in _PN_PERIODS],
        "sections": [
            {"ref": ref, "level": "Outcome", "title": title,
             "actions": [action for action, _, _ in rows]}
            for ref, title, rows in _pn_outcomes()
        ],
    }  # fmt: skip


def _pn_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker 24-25"
    sheet["A1"] = "Pennock Local Area SEND Improvement Plan 2024/25 – Delivery Tracker"
    for cell, words, last in (("A3", "Action details", "C3"), ("D3", "Timescales", "E3"),
                              ("F3", "Quarterly RAG 2024/25", "I3")):  # fmt: skip
        sheet[cell] = words
        sheet.merge_cells(f"{cell}:{last}")
    sheet["J3"] = "Notes"
    heads = ["Ref", "Action", "Responsible Officer(s)", "Start", "Target\ndate", *_PN_HEADED,
             "Notes"]  # fmt: skip
    for c, head in enumerate(heads, start=1):
        sheet.cell(row=4, column=c, value=head)
    row = 5
    for ref, title, rows in _pn_outcomes():
        sheet.cell(row=row, column=1, value=f"Outcome {ref}: {title}")
        row += 1
        for action, start, target in rows:
            codes = {u["period"]: u["status"] for u in action.get("updates", [])}
            values: list[object] = [action["ref"], action["title"], action["lead_text"]]
            for written in (start, target):
                try:
                    values.append(dt.datetime.strptime(written, "%b-%y"))
                except ValueError:
                    values.append(written)
            values += [codes.get(period) for period in _PN_PERIODS]
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=c, value=value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "mmm-yy"
            row += 1
    key = book.create_sheet("Key")
    key.append(["RAG", "Description"])
    for status in _PN_SCALE:
        key.append([status["colour"].title(), status["label"]])
    return saved(book)


# 13. Quayside: a WSoA progress report in Word, the ref column second, outcomes as rows
# merged across the table, leads written "Name, Role & Name, Role"

_QS_PERIOD = "Status"
_QS_PEOPLE = [
    {"key": "SO", "name": "Sam Okoro", "role": "Head of Inclusion"},
    {"key": "SB", "name": "Sarah Bell", "role": "DCO"},
    {"key": "HW", "name": "Helen Ward", "role": "Parent Carer Forum Chair"},
]
_QS_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On Track", "colour": "green"},
    {"code": "A", "label": "Delayed", "colour": "amber"},
    {"code": "R", "label": "Not started", "colour": "red"},
]


def _qs_outcomes() -> list[tuple[str, str, list[tuple[Doc, str]]]]:
    """(ref, title, [(action, status as written)])."""

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        code: str,
        evidence: str,
    ) -> Doc:
        return _action(
            ref,
            title,
            leads,
            lead_text,
            due_text,
            due,
            updates=[{"period": _QS_PERIOD, "status": code, "evidence": [evidence]}],
        )

    return [
        ("1", "Families know what support is available", [
            (act("1a", "Relaunch the Local Offer with the parent carer forum.", ["SO", "HW"],
                 "Sam Okoro, Head of Inclusion & Helen Ward, Parent Carer Forum Chair",
                 "31.03.21", "2021-03-31", "B", "Local Offer launch report"), "Complete"),
            (act("1b", "Run drop-in sessions for families in each town.", ["HW"],
                 "Helen Ward, Parent Carer Forum Chair", "Summer 2021", "2021-07", "G",
                 "Session attendance log"), "On Track"),
        ]),
        ("2", "Health advice arrives on time", [
            (act("2a", "Agree a six-week standard for health advice.", ["SB"],
                 "Sarah Bell, DCO", "June 2021", "2021-06", "A", "Draft standard"),
             "delayed"),
            (act("2b", "Report health advice timeliness to the board monthly.", ["SB", "SO"],
                 "Sarah Bell, DCO & Sam Okoro, Head of Inclusion", "Monthly", None, "R",
                 "Board minutes"), "Not Started"),
        ]),
    ]  # fmt: skip


def _qs_reference() -> Doc:
    return {
        "title": "Quayside SEND Written Statement of Action – Progress Report",
        "people": _QS_PEOPLE,
        "status_scale": _QS_SCALE,
        "periods": [{"label": _QS_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Outcome", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _qs_outcomes()
        ],
    }  # fmt: skip


def _qs_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Quayside SEND Written Statement of Action – Progress Report", level=0)
    document.add_paragraph("Version 4 | Date: 01/06/2021")
    for line in ("Blue – Complete", "Green – On Track", "Amber – Delayed", "Red – Not started"):
        document.add_paragraph(line)
    heads = ["Action", "Ref", "Lead", "Target date", "Date completed", "Status", "Evidence"]
    rows: list[list[str]] = [heads]
    merged_rows = []
    for ref, title, actions in _qs_outcomes():
        merged_rows.append(len(rows))
        rows.append([f"Outcome {ref}: {title}"] + [""] * (len(heads) - 1))
        for action, status in actions:
            update = action["updates"][0]
            done = action["due_text"] if update["status"] == "B" else ""
            rows.append([action["title"], action["ref"], action["lead_text"],
                         action["due_text"], done, status, update["evidence"][0]])  # fmt: skip
    table = document.add_table(rows=len(rows), cols=len(heads))
    table.style = "Table Grid"
    _fill_table(table, rows)
    for r in merged_rows:
        text = rows[r][0]
        table.cell(r, 0).merge(table.cell(r, len(heads) - 1)).text = text
    return saved(document)


# 14. Marlow Vale: an APP in Word with each action on a card of its own, ratings picked
# from drop-down content controls or given as coloured circles

_MV_PERIOD = "Jun 2025"
_MV_PEOPLE = [
    {"key": "GE", "name": "Grace Eze", "role": "Assistant Director, Inclusion"},
    {"key": "HT", "name": "Huw Thomas", "role": "Head of Children's Therapies"},
]
_MV_SCALE = [
    {"code": "B", "label": "Delivered", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "At risk", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]


def _mv_areas() -> list[tuple[str, str, list[tuple[Doc, str]]]]:
    """(ref, title, [(action, rating as written)]); "control:" ratings are picked from a
    drop-down list."""

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        code: str,
        measure: str,
    ) -> Doc:
        return _action(
            ref,
            title,
            leads,
            lead_text,
            due_text,
            due,
            measures=[{"text": measure}],
            updates=[{"period": _MV_PERIOD, "status": code}],
        )

    return [
        ("1", "Waiting times for therapies", [
            (act("1.1", "Add two speech and language therapists to the schools team.",
                 ["HT"], "Huw Thomas", "30 September 2025", "2025-09-30", "A",
                 "Waits for a first appointment under 18 weeks"), "control:Amber"),
            (act("1.2", "Offer parents a therapy advice line while they wait.", ["HT"],
                 "Huw Thomas", "July 2025", "2025-07", "G", "Advice line open"), "🟢"),
        ]),
        ("2", "Inclusion in mainstream schools", [
            (act("2.1", "Fund a team of inclusion advisers for secondary schools.", ["GE"],
                 "Grace Eze", "Sept 2025", "2025-09", "R",
                 "Suspensions of pupils with SEND fall"), "🔴 recruitment paused"),
            (act("2.2", "Publish what every school offers as ordinarily available "
                 "provision.", ["GE"], "Grace Eze", "May 2025", "2025-05", "B",
                 "Guide published"), "control:Blue"),
        ]),
    ]  # fmt: skip


def _mv_reference() -> Doc:
    return {
        "title": "Marlow Vale Accelerated Progress Plan",
        "people": _MV_PEOPLE,
        "status_scale": _MV_SCALE,
        "periods": [{"label": _MV_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority Area", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _mv_areas()
        ],
    }  # fmt: skip


def _drop_down(cell: Any, choice: str) -> None:
    """Replace the cell's paragraph with a drop-down content control showing `choice`."""
    tc = cell._tc
    for paragraph in tc.findall(qn("w:p")):
        tc.remove(paragraph)
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    properties.append(OxmlElement("w:dropDownList"))
    sdt.append(properties)
    content = OxmlElement("w:sdtContent")
    paragraph, run, text = OxmlElement("w:p"), OxmlElement("w:r"), OxmlElement("w:t")
    text.text = choice
    run.append(text)
    paragraph.append(run)
    content.append(paragraph)
    sdt.append(content)
    tc.append(sdt)


def _mv_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Marlow Vale Accelerated Progress Plan", level=0)
    key = document.add_table(rows=len(_MV_SCALE), cols=2)
    _fill_table(key, [[st["colour"].title(), st["label"]] for st in _MV_SCALE])
    for ref, title, rows in _mv_areas():
        document.add_heading(f"Priority Area {ref} – {title}", level=1)
        for action, rating in rows:
            card = [
                ["Ref", action["ref"]],
                ["Action", action["title"]],
                ["Lead officer", action["lead_text"]],
                ["Deadline", action["due_text"]],
                ["Success measure", action["measures"][0]["text"]],
                [f"RAG rating ({_MV_PERIOD})", "" if rating.startswith("control:") else rating],
            ]
            table = document.add_table(rows=len(card), cols=2)
            table.style = "Table Grid"
            _fill_table(table, card)
            if rating.startswith("control:"):
                _drop_down(table.cell(len(card) - 1, 1), rating.split(":", 1)[1])
            document.add_paragraph("")
    return saved(document)


# 15. Tarnbridge: an Excel tracker with a summary sheet, codes for refs, the priority in a
# numbered column merged down, owners as an initial and a surname, and a status dated to a
# day

_TB_PERIOD = "31/03/25"
_TB_PEOPLE = [
    {"key": "JP", "name": "J. Patel", "role": ""},
    {"key": "AO", "name": "Dr A. Okafor", "role": ""},
    {"key": "MB", "name": "M. Burns", "role": ""},
]
_TB_SCALE = [
    {"code": "B", "label": "Completed", "colour": "blue"},
    {"code": "G", "label": "On target", "colour": "green"},
    {"code": "A", "label": "Behind target", "colour": "amber"},
    {"code": "W", "label": "Not yet due", "colour": "white"},
]
_TB_WORDS = {status["code"]: status["label"] for status in _TB_SCALE}


def _tb_priorities() -> list[tuple[str, str, list[Doc]]]:
    def act(ref: str, title: str, key: str, lead: str, due: dt.date, code: str) -> Doc:
        return _action(
            ref,
            title,
            [key],
            lead,
            due.strftime("%d/%m/%Y"),
            due.isoformat(),
            updates=[{"period": _TB_PERIOD, "status": code}],
        )

    return [
        ("1", "Early Help", [
            act("EH01", "Place an early help worker in every family hub.", "JP", "J. Patel",
                dt.date(2025, 1, 31), "B"),
            act("EH02", "Screen every two-year-old for speech and language needs.", "AO",
                "Dr A. Okafor", dt.date(2025, 6, 30), "A"),
        ]),
        ("2", "Preparing for Adulthood", [
            act("PA01", "Start transition planning at the Year 9 annual review.", "MB",
                "M. Burns", dt.date(2025, 3, 31), "G"),
            act("PA02", "Agree supported employment places with local employers.", "MB",
                "M. Burns", dt.date(2025, 9, 30), "W"),
        ]),
    ]  # fmt: skip


def _tb_reference() -> Doc:
    return {
        "title": "Tarnbridge SEND Action Plan Tracker",
        "people": _TB_PEOPLE,
        "status_scale": _TB_SCALE,
        "periods": [{"label": _TB_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title, "actions": actions}
            for ref, title, actions in _tb_priorities()
        ],
    }  # fmt: skip


def _tb_xlsx() -> bytes:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    summary["A1"] = "Tarnbridge SEND Action Plan Tracker"
    summary.append([])
    summary.append(["Status", "Count"])
    for code in ("B", "G", "A", "W"):
        summary.append([_TB_WORDS[code], 1])
    sheet = book.create_sheet("Action Plan")
    heads = ["Priority", "No.", "Key Action", "Owner", "Completion Date",
             f"Status at {_TB_PERIOD}", "Update"]  # fmt: skip
    for c, head in enumerate(heads, start=1):
        sheet.cell(row=2, column=c, value=head)
    row = 3
    for ref, title, actions in _tb_priorities():
        first = row
        sheet.cell(row=row, column=1, value=f"{ref}. {title}")
        for action in actions:
            status = action["updates"][0]["status"]
            values: list[object] = [action["ref"], action["title"], action["lead_text"],
                                    dt.date.fromisoformat(action["due"]), _TB_WORDS[status],
                                    "See board report."]  # fmt: skip
            for c, value in enumerate(values, start=2):
                cell = sheet.cell(row=row, column=c, value=value)
                if isinstance(value, dt.date):
                    cell.number_format = "dd/mm/yyyy"
            row += 1
        sheet.merge_cells(start_row=first, end_row=row - 1, start_column=1, end_column=1)
    key = book.create_sheet("Status key")
    key.append(["Status", "Colour"])
    for status in _TB_SCALE:
        key.append([status["label"], status["colour"].title()])
    return saved(book)


# 16. Wexcombe: a priority action plan in Word written without looking at the importer
# first: a cover, contents, a summary table of the priorities, then a table per priority,
# and the key and a glossary in appendices at the end

_WX_PERIOD = "Jan 2025"
_WX_PEOPLE = [
    {"key": "EB", "name": "Ellen Bright", "role": "Director of Education"},
    {"key": "RN", "name": "Rhys Norton", "role": "Chief Nurse, ICB"},
    {"key": "TF", "name": "Tamsin Ford", "role": "Head of Alternative Provision"},
]
_WX_SCALE = [
    {"code": "B", "label": "Done and making a difference", "colour": "blue"},
    {"code": "G", "label": "On schedule", "colour": "green"},
    {"code": "A", "label": "Slipping but recoverable", "colour": "amber"},
    {"code": "R", "label": "Stuck", "colour": "red"},
]


def _wx_priorities() -> list[tuple[str, str, list[tuple[Doc, str, str]]]]:
    """(ref, title, [(action, measure, progress)])."""

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        code: str,
        progress: str,
        measure: str,
    ) -> tuple[Doc, str, str]:
        action = _action(
            ref,
            title,
            leads,
            lead_text,
            due_text,
            due,
            measures=[{"text": measure}],
            updates=[{"period": _WX_PERIOD, "status": code, "narrative": progress}],
        )
        return action, measure, progress

    return [
        ("1", "Leaders work together to plan for children's needs", [
            act("1.1", "Set up a joint SEND and AP partnership board with an independent "
                "chair.", ["EB"], "Ellen Bright", "March 2025", "2025-03", "G",
                "Chair appointed; first meeting in February.",
                "Board meets monthly with full attendance"),
            act("1.2", "Agree shared data on need across education, health and care.",
                ["EB", "RN"], "Ellen Bright\nRhys Norton", "June 2025", "2025-06", "A",
                "Data sharing agreement still with lawyers.",
                "One needs dashboard used by all partners"),
        ]),
        ("2", "Children in alternative provision get the education they need", [
            act("2.1", "Quality assure every alternative provision placement each term.",
                ["TF"], "Tamsin Ford", "Each term from April 2025", None, "R",
                "Framework not yet agreed.", "All placements visited each term"),
        ]),
    ]  # fmt: skip


def _wx_reference() -> Doc:
    return {
        "title": "Wexcombe Local Area Partnership",
        "people": _WX_PEOPLE,
        "status_scale": _WX_SCALE,
        "periods": [{"label": _WX_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title,
             "actions": [action for action, _, _ in rows]}
            for ref, title, rows in _wx_priorities()
        ],
    }  # fmt: skip


def _wx_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Wexcombe Local Area Partnership", level=0)
    document.add_paragraph("SEND and Alternative Provision Priority Action Plan")
    document.add_paragraph("Published January 2025")
    document.add_heading("Contents", level=1)
    for line in ("1. Introduction", "2. Our priorities", "3. Action plan", "Appendices"):
        document.add_paragraph(line)
    document.add_heading("Section 1: Introduction", level=1)
    document.add_paragraph(
        "In October 2024 Ofsted and the CQC found widespread and systemic failings in how "
        "the local area partnership supports children and young people with SEND."
    )
    document.add_heading("Our priorities", level=1)
    summary = [["Priority", "What the inspection found", "What we will achieve"]]
    for ref, title, _ in _wx_priorities():
        summary.append([ref, "Leaders have not planned together.", title])
    _fill_table(document.add_table(rows=len(summary), cols=3), summary)
    document.add_heading("Action plan", level=1)
    heads = ["Action ref", "What we will do", "Lead(s)", "By when",
             "How we will measure impact", f"Progress update ({_WX_PERIOD})",
             f"RAG ({_WX_PERIOD})"]  # fmt: skip
    for ref, title, rows in _wx_priorities():
        document.add_heading(f"Priority {ref}: {title}", level=2)
        body = [heads]
        for action, measure, progress in rows:
            body.append([action["ref"], action["title"], action["lead_text"],
                         action["due_text"], measure, progress,
                         action["updates"][0]["status"]])  # fmt: skip
        table = document.add_table(rows=len(body), cols=len(heads))
        table.style = "Table Grid"
        _fill_table(table, body)
    document.add_heading("Appendix A: RAG key", level=1)
    key = [["Colour", "Meaning"]] + [[st["colour"].title(), st["label"]] for st in _WX_SCALE]
    _fill_table(document.add_table(rows=len(key), cols=2), key)
    document.add_heading("Appendix B: Glossary", level=1)
    terms = [["Term", "Meaning"], ["AP", "Alternative provision"], ["ICB", "Integrated care board"]]
    _fill_table(document.add_table(rows=len(terms), cols=2), terms)
    return saved(document)


# Round nine: six more plans, written before the importer was run on them (scores in the
# docstring above). They lay out what the earlier sixteen did not: a table whose heading row
# sits under a merged title row, both repeated on every page; a tracker with heading rows
# three deep and hidden helper columns; cards headed by a merged "Action n" row; the
# weakness merged down its first column with refs inside the action's words; a workbook with
# a contents sheet and ratings as symbols; and a PDF printed from Word with wrapping cells
# and a table carried over pages.


def _repeat_heading(row: Any) -> None:
    """Mark a Word table row as a heading row that repeats at the top of each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _merge_across(table: Any, r: int, text: str) -> Any:
    cells = table.rows[r].cells
    merged = cells[0].merge(cells[-1])
    merged.text = text
    return merged


def _landscape(document: Any) -> None:
    from docx.enum.section import WD_ORIENT

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


# 17. Calderbrook: a WSoA in Word as one table, a merged title row over the heading row and
# both repeated on each page, areas of weakness as rows merged across, statuses in words with
# no key, due dates as quarters, terms and "Ongoing"

_CB_PERIOD = "Sept 2025"
_CB_PEOPLE = [
    {"key": "NF", "name": "Naomi Fletcher", "role": ""},
    {"key": "OA", "name": "Olu Adeyemi", "role": ""},
    {"key": "CL", "name": "Carys Lloyd", "role": ""},
]
_CB_SCALE = [
    {"code": word, "label": word} for word in ("Complete", "On track", "At risk", "Not started")
]


def _cb_areas() -> list[tuple[str, str, list[tuple[Doc, str]]]]:
    """(ref, title, [(action, success criteria)])."""

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        status: str,
        measure: str,
        starts: str | None = None,
    ) -> Doc:
        return _action(ref, title, leads, lead_text, due_text, due, starts=starts,
                       measures=[{"text": measure}],
                       updates=[{"period": _CB_PERIOD, "status": status}])  # fmt: skip

    return [
        ("1", "Joint commissioning of services for children and young people with SEND", [
            (act("1.1", "Agree a joint commissioning strategy for SEND with the integrated "
                 "care board.", ["NF", "CL"], "Naomi Fletcher / Carys Lloyd", "Q3 2025/26",
                 "2025-12", "On track", "Strategy signed by both boards"), ""),
            (act("1.2", "Map the therapy services commissioned for children in special "
                 "schools and close the gaps found.", ["CL"], "Carys Lloyd", "31/03/26",
                 "2026-03-31", "At risk", "Every special school has a named therapist"), ""),
            (act("1.3", "Report on jointly commissioned services to the SEND Partnership "
                 "Board each quarter.", ["CL"], "Carys Lloyd", "Ongoing", None, "On track",
                 "Quarterly reports received by the board"), ""),
        ]),
        ("2", "The quality of education, health and care plans", [
            (act("2.1", "Train all EHC plan writers to write outcomes with families.", ["NF"],
                 "Naomi Fletcher", "Autumn term 2025", "2025-12", "Complete",
                 "Audits find outcomes written with families in 8 of 10 plans"), ""),
            (act("2.2", "Make sure health advice for EHC needs assessments arrives within "
                 "six weeks.", ["OA"], "Olu Adeyemi", "Q4 2025/26", "2026-03", "Not started",
                 "Health advice on time in 90% of assessments"), ""),
            (act("2.3", "Audit twenty EHC plans each term with parents and share what is "
                 "learned.", ["NF", "OA"], "Naomi Fletcher and Olu Adeyemi",
                 "Termly from Sept 2025", None, "On track", "Audit findings shared each term",
                 starts="2025-09"), ""),
        ]),
    ]  # fmt: skip


def _cb_reference() -> Doc:
    return {
        "title": "Calderbrook Local Area SEND Written Statement of Action",
        "people": _CB_PEOPLE,
        "status_scale": _CB_SCALE,
        "periods": [{"label": _CB_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Area of weakness", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _cb_areas()
        ],
    }  # fmt: skip


def _cb_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Calderbrook Local Area SEND Written Statement of Action", level=0)
    document.add_paragraph(
        "Following the joint inspection in March 2025, Ofsted and the CQC asked the local "
        "area to set out how it will tackle two areas of significant weakness."
    )
    heads = ["Ref", "Action", "Lead", "Timescale", "Success criteria",
             f"Status ({_CB_PERIOD})"]  # fmt: skip
    rows: list[list[str]] = [[""] * len(heads), heads]
    merged = []
    for ref, title, actions in _cb_areas():
        merged.append((len(rows), f"Area of weakness {ref}: {title}"))
        rows.append([""] * len(heads))
        for action, _ in actions:
            rows.append([action["ref"], action["title"], action["lead_text"],
                         action["due_text"], action["measures"][0]["text"],
                         action["updates"][0]["status"]])  # fmt: skip
    table = document.add_table(rows=len(rows), cols=len(heads))
    table.style = "Table Grid"
    _fill_table(table, rows)
    _merge_across(table, 0, "Calderbrook Written Statement of Action – progress at September 2025")
    for r, text in merged:
        _merge_across(table, r, text)
    _repeat_heading(table.rows[0])
    _repeat_heading(table.rows[1])
    return saved(document)


# 18. Hollinsway: an Excel tracker with heading rows three deep under frozen panes: a merged
# "Progress" band over the quarters, each quarter over a RAG and a commentary column; hidden
# helper columns; priorities as shaded rows merged across

_HW_PERIODS = ["Q1 2025/26", "Q2 2025/26", "Q3 2025/26"]
_HW_PEOPLE = [
    {"key": "DM", "name": "Dev Malhotra", "role": ""},
    {"key": "FG", "name": "Fiona Gallagher", "role": ""},
    {"key": "KA", "name": "Kwame Asante", "role": ""},
]
_HW_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "At risk", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]


def _hw_priorities() -> list[tuple[str, str, list[tuple[Doc, object]]]]:
    """(ref, title, [(action, target date as entered)])."""

    def act(
        ref: str,
        title: str,
        leads: list[str],
        lead_text: str,
        due_text: str,
        due: str | None,
        codes: list[str],
        notes: list[str],
    ) -> Doc:
        updates = [
            {"period": period, "status": code, "narrative": note}
            for period, code, note in zip(_HW_PERIODS, codes, notes, strict=True)
            if code
        ]
        return _action(ref, title, leads, lead_text, due_text, due, updates=updates)

    return [
        ("1", "Children's needs are identified early", [
            (act("1.1", "Roll out the early years SEND toolkit to every nursery.", ["DM"],
                 "Dev Malhotra", "Q2 2025/26", "2025-09", ["G", "B", "B"],
                 ["Toolkit launched.", "All nurseries trained.", "Embedded."]), "Q2 2025/26"),
            (act("1.2", "Screen children at the two-year check for speech and language "
                 "needs.", ["FG"], "Fiona Gallagher", "31/03/26", "2026-03-31",
                 ["A", "A", "G"], ["Health visitor vacancies.", "Two posts filled.",
                                   "Back on track."]), "31/03/26"),
        ]),
        ("2", "Children get the right help from educational psychologists", [
            (act("2.1", "Recruit three educational psychologists.", ["KA"], "Kwame Asante",
                 "30/11/2025", "2025-11-30", ["R", "A", ""],
                 ["No applicants.", "One appointed.", ""]), dt.datetime(2025, 11, 30)),
            (act("2.2", "Offer schools a consultation line with an educational psychologist.",
                 ["KA", "DM"], "Kwame Asante / Dev Malhotra", "Ongoing", None,
                 ["G", "G", "G"], ["Line open.", "Well used.", "Well used."]), "Ongoing"),
        ]),
    ]  # fmt: skip


def _hw_reference() -> Doc:
    return {
        "title": "Hollinsway SEND Priority Action Plan – progress tracker",
        "people": _HW_PEOPLE,
        "status_scale": _HW_SCALE,
        "periods": [{"label": label} for label in _HW_PERIODS],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _hw_priorities()
        ],
    }  # fmt: skip


def _hw_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet["A1"] = "Hollinsway SEND Priority Action Plan – progress tracker"
    sheet["A2"] = "BRAG: Blue = Complete, Green = On track, Amber = At risk, Red = Off track"
    # Columns: A ref, B action, C lead, D hidden lookup, E target, F hidden days, G.. quarters
    for col, head in {1: "Ref", 2: "Action", 3: "Lead officer", 4: "Lookup",
                      5: "Target date", 6: "Days to target"}.items():  # fmt: skip
        sheet.cell(row=4, column=col, value=head)
        sheet.merge_cells(start_row=4, end_row=6, start_column=col, end_column=col)
    last = 6 + 2 * len(_HW_PERIODS)
    sheet.cell(row=4, column=7, value="Progress")
    sheet.merge_cells(start_row=4, end_row=4, start_column=7, end_column=last)
    for i, period in enumerate(_HW_PERIODS):
        col = 7 + 2 * i
        sheet.cell(row=5, column=col, value=period)
        sheet.merge_cells(start_row=5, end_row=5, start_column=col, end_column=col + 1)
        sheet.cell(row=6, column=col, value="RAG")
        sheet.cell(row=6, column=col + 1, value="Commentary")
    for letter in ("D", "F"):
        sheet.column_dimensions[letter].hidden = True
    sheet.freeze_panes = "C7"
    grey = openpyxl.styles.PatternFill(fill_type="solid", fgColor="D9D9D9")
    row = 7
    for ref, title, rows in _hw_priorities():
        sheet.cell(row=row, column=1, value=f"Priority {ref}: {title}").fill = grey
        sheet.merge_cells(start_row=row, end_row=row, start_column=1, end_column=last)
        row += 1
        for n, (action, target) in enumerate(rows):
            updates = {u["period"]: u for u in action.get("updates", [])}
            values: list[object] = [action["ref"], action["title"], action["lead_text"],
                                    f"P{ref}-{action['ref']}-{action['leads'][0]}", target,
                                    40 + 30 * n]  # fmt: skip
            for period in _HW_PERIODS:
                update = updates.get(period, {})
                values += [update.get("status"), update.get("narrative")]
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=c, value=value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "dd/mm/yyyy"
            row += 1
    return saved(book)


# 19. Ravensmoor: an APP in Word as cards, each a two-column table headed by a merged
# "Action n.n" row, then label and value rows; leads written "Name, Role"; BRAG in words

_RM_PERIOD = "July 2025"
_RM_PEOPLE = [
    {"key": "SG", "name": "Sophie Grant", "role": "Head of SEND"},
    {"key": "AB", "name": "Arjun Bhatt", "role": "Designated Social Care Officer"},
    {"key": "EM", "name": "Elin Morgan", "role": "Head of Therapies"},
]
_RM_SCALE = [
    {"code": "B", "label": "complete", "colour": "blue"},
    {"code": "G", "label": "on track", "colour": "green"},
    {"code": "A", "label": "at risk", "colour": "amber"},
    {"code": "R", "label": "off track", "colour": "red"},
]


def _rm_priorities() -> list[tuple[str, str, list[tuple[Doc, str]]]]:
    """(ref, title, [(action, rating as written)])."""

    def act(
        ref: str, title: str, key: str, due_text: str, due: str | None, code: str, measure: str
    ) -> Doc:
        person = next(p for p in _RM_PEOPLE if p["key"] == key)
        return _action(ref, title, [key], f"{person['name']}, {person['role']}", due_text,
                       due, measures=[{"text": measure}],
                       updates=[{"period": _RM_PERIOD, "status": code}])  # fmt: skip

    return [
        ("1", "Families can get help from social care without a long wait", [
            (act("1.1", "Set up a single front door for families of disabled children.", "AB",
                 "Autumn term 2025", "2025-12", "G", "Nine in ten contacts answered the "
                 "same day"), "Green"),
            (act("1.2", "Review every short breaks package that has not been looked at for a "
                 "year.", "AB", "Ongoing", None, "A", "No package older than twelve months"),
             "Amber"),
        ]),
        ("2", "Children get therapy when they need it", [
            (act("2.1", "Publish waiting times for each therapy on the Local Offer.", "EM",
                 "31/10/25", "2025-10-31", "B", "Waiting times published monthly"), "Blue"),
            (act("2.2", "Agree with schools how therapists' advice is written into EHC "
                 "plans.", "SG", "Spring term 2026", "2026-04", "R",
                 "Therapy advice in every new plan"), "Red"),
        ]),
    ]  # fmt: skip


def _rm_reference() -> Doc:
    return {
        "title": "Ravensmoor Accelerated Progress Plan",
        "people": _RM_PEOPLE,
        "status_scale": _RM_SCALE,
        "periods": [{"label": _RM_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _rm_priorities()
        ],
    }  # fmt: skip


def _rm_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Ravensmoor Accelerated Progress Plan", level=0)
    document.add_paragraph("Progress reported to the SEND Improvement Board, July 2025.")
    document.add_paragraph(
        "BRAG key: Blue – complete; Green – on track; Amber – at risk; Red – off track"
    )
    for ref, title, rows in _rm_priorities():
        document.add_heading(f"Priority {ref}: {title}", level=1)
        for action, rating in rows:
            card = [
                ["", ""],
                ["Action", action["title"]],
                ["Lead officer", action["lead_text"]],
                ["Timescale", action["due_text"]],
                ["Measure of success", action["measures"][0]["text"]],
                [f"RAG ({_RM_PERIOD})", rating],
            ]
            table = document.add_table(rows=len(card), cols=2)
            table.style = "Table Grid"
            _fill_table(table, card)
            _merge_across(table, 0, f"Action {action['ref']}")
            document.add_paragraph("")
    return saved(document)


# 20. Thornley: a WSoA in Word, each weakness in the first column merged down over its
# actions, refs opening the action's words, leads given by role only, a "% complete" column
# beside the rating and a key written as a line of letters

_TH_PERIOD = "June 2025"
_TH_PEOPLE = [
    {"key": "HSA", "role": "Head of SEN Assessment"},
    {"key": "DCO", "role": "Designated Clinical Officer"},
    {"key": "PEP", "role": "Principal Educational Psychologist"},
]
_TH_SCALE = [
    {"code": "G", "label": "on track", "colour": "green"},
    {"code": "A", "label": "some slippage", "colour": "amber"},
    {"code": "R", "label": "not on track", "colour": "red"},
    {"code": "B", "label": "complete", "colour": "blue"},
]


def _th_weaknesses() -> list[tuple[str, str, list[tuple[Doc, str]]]]:
    """(ref, title, [(action, per cent complete as written)])."""

    def act(
        ref: str, title: str, keys: list[str], due_text: str, due: str | None, code: str
    ) -> Doc:
        roles = [next(p["role"] for p in _TH_PEOPLE if p["key"] == k) for k in keys]
        return _action(ref, title, keys, " and ".join(roles), due_text, due,
                       updates=[{"period": _TH_PERIOD, "status": code}])  # fmt: skip

    return [
        ("1", "The timeliness of EHC needs assessments", [
            (act("1.1", "Recruit two permanent SEN assessment coordinators.", ["HSA"],
                 "31/03/26", "2026-03-31", "G"), "60%"),
            (act("1.2", "Agree with health a six-week deadline for health advice.", ["DCO"],
                 "Q2 2025/26", "2025-09", "A"), "25%"),
            (act("1.3", "Report the share of plans issued within 20 weeks to every board "
                 "meeting.", ["HSA"], "Ongoing", None, "B"), "100%"),
        ]),
        ("2", "Joint working between education and health", [
            (act("2.1", "Set up a joint panel of education, health and care to agree "
                 "assessments.", ["HSA", "DCO"], "Summer term 2026", "2026-07", "R"), "0%"),
            (act("2.2", "Give every school a named educational psychologist.", ["PEP"],
                 "30/09/25", "2025-09-30", "G"), "80%"),
        ]),
    ]  # fmt: skip


def _th_reference() -> Doc:
    return {
        "title": "Thornley Written Statement of Action",
        "people": _TH_PEOPLE,
        "status_scale": _TH_SCALE,
        "periods": [{"label": _TH_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Area of weakness", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _th_weaknesses()
        ],
    }  # fmt: skip


def _th_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Thornley Written Statement of Action", level=0)
    document.add_paragraph(
        "RAG key: G = on track; A = some slippage; R = not on track; B = complete"
    )
    heads = ["Area of weakness", "Action", "Lead", "By when", "% complete",
             f"RAG {_TH_PERIOD}"]  # fmt: skip
    rows: list[list[str]] = [heads]
    spans = []
    for ref, title, actions in _th_weaknesses():
        first = len(rows)
        for n, (action, done) in enumerate(actions):
            rows.append([f"{ref}. {title}" if n == 0 else "",
                         f"{action['ref']} {action['title']}", action["lead_text"],
                         action["due_text"], done, action["updates"][0]["status"]])  # fmt: skip
        spans.append((first, len(rows) - 1, f"{ref}. {title}"))
    table = document.add_table(rows=len(rows), cols=len(heads))
    table.style = "Table Grid"
    _fill_table(table, rows)
    for first, last, text in spans:
        table.cell(first, 0).merge(table.cell(last, 0)).text = text
    return saved(document)


# 21. Brackenfield: an Excel workbook with a cover and contents sheet, a key sheet of
# symbols, and a sheet per priority; ratings given as symbols

_BF_PERIOD = "Oct 2025"
_BF_PEOPLE = [
    {"key": "GH", "name": "Gemma Holt", "role": ""},
    {"key": "LP", "name": "Luca Pereira", "role": ""},
    {"key": "MW", "name": "Mei Wong", "role": ""},
]
_BF_SCALE = [
    {"code": "✔", "label": "Complete"},
    {"code": "●", "label": "On track"},
    {"code": "▲", "label": "At risk"},
    {"code": "✖", "label": "Not started"},
]


def _bf_priorities() -> list[tuple[str, str, str, list[tuple[Doc, object]]]]:
    """(sheet, ref, title, [(action, when as entered)])."""

    def act(ref: str, title: str, key: str, due_text: str, due: str | None, code: str) -> Doc:
        name = next(p["name"] for p in _BF_PEOPLE if p["key"] == key)
        return _action(ref, title, [key], name, due_text, due,
                       updates=[{"period": _BF_PERIOD, "status": code}])  # fmt: skip

    return [
        ("P1", "1", "Leaders share an accurate picture of need", [
            (act("1.1", "Publish a SEND sufficiency plan for the next five years.", "GH",
                 "31/03/26", "2026-03-31", "●"), "31/03/26"),
            (act("1.2", "Bring together education, health and care data in one dashboard.",
                 "LP", "Autumn term 2025", "2025-12", "▲"), "Autumn term 2025"),
        ]),
        ("P2", "2", "Families are listened to", [
            (act("2.1", "Run a survey of parent carers every six months.", "MW", "Ongoing",
                 None, "●"), "Ongoing"),
            (act("2.2", "Open a SEND information hub in each of the three towns.", "MW",
                 "28/02/2026", "2026-02-28", "✖"), dt.datetime(2026, 2, 28)),
            (act("2.3", "Train front-door staff to answer questions about EHC plans.", "GH",
                 "Q1 2025/26", "2025-06", "✔"), "Q1 2025/26"),
        ]),
    ]  # fmt: skip


def _bf_reference() -> Doc:
    return {
        "title": "Brackenfield SEND Improvement Plan",
        "people": _BF_PEOPLE,
        "status_scale": _BF_SCALE,
        "periods": [{"label": _BF_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title,
             "actions": [action for action, _ in rows]}
            for _, ref, title, rows in _bf_priorities()
        ],
    }  # fmt: skip


def _bf_xlsx() -> bytes:
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover["A1"] = "Brackenfield SEND Improvement Plan"
    cover["A2"] = "Updated October 2025"
    cover["A4"] = "Contents"
    cover.append(["Sheet", "Priority", "Lead"])
    for sheet_name, ref, title, _ in _bf_priorities():
        cover.append([sheet_name, f"Priority {ref}: {title}", "Gemma Holt"])
    cover.append(["Key", "What the symbols mean", ""])
    key = book.create_sheet("Key")
    key.append(["Symbol", "Meaning"])
    for status in _BF_SCALE:
        key.append([status["code"], status["label"]])
    for sheet_name, ref, title, rows in _bf_priorities():
        sheet = book.create_sheet(sheet_name)
        sheet["A1"] = f"Priority {ref}: {title}"
        sheet["A2"] = "Back to contents"
        heads = ["No.", "What we will do", "Who", "When", f"Status ({_BF_PERIOD})",
                 "Progress notes"]  # fmt: skip
        for c, head in enumerate(heads, start=1):
            sheet.cell(row=4, column=c, value=head)
        for r, (action, when) in enumerate(rows, start=5):
            values: list[object] = [action["ref"], action["title"], action["lead_text"], when,
                                    action["updates"][0]["status"],
                                    "Reported to the board."]  # fmt: skip
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "dd/mm/yyyy"
    return saved(book)


# 22. Kestrel Vale: an APP printed to PDF from a landscape Word table, its heading row
# repeated on each page, long cells wrapping over several lines and priorities as shaded rows
# merged across; ratings as BRAG letters against a key line

_KV_PERIOD = "Dec 2025"
_KV_PEOPLE = [
    {"key": "RO", "name": "Rosa Oduya", "role": ""},
    {"key": "BT", "name": "Ben Tallis", "role": ""},
    {"key": "AN", "name": "Aisha Noor", "role": ""},
    {"key": "GP", "name": "Gareth Price", "role": ""},
]
_KV_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some delay", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]
_KV_FILE = Path(__file__).parent / "fixtures" / "unseen-office" / "kestrel-vale-app.pdf"


def _kv_priorities() -> list[tuple[str, str, list[tuple[Doc, str]]]]:
    """(ref, title, [(action, success measure)])."""

    def act(
        ref: str,
        title: str,
        keys: list[str],
        lead_text: str,
        starts_text: str,
        starts: str | None,
        due_text: str,
        due: str | None,
        code: str,
        measure: str,
    ) -> tuple[Doc, str]:
        action = _action(ref, title, keys, lead_text, due_text, due,
                         starts_text=starts_text, starts=starts,
                         measures=[{"text": measure}],
                         updates=[{"period": _KV_PERIOD, "status": code}])  # fmt: skip
        return action, measure

    return [
        ("1", "Leaders across education, health and care plan and work together so that "
         "children's needs are met early", [
            act("1.1", "Establish a SEND Partnership Board with an independent chair, clear "
                "terms of reference and members from every partner, including the parent "
                "carer forum and young people's representatives.", ["RO"], "Rosa Oduya",
                "Apr 2025", "2025-04", "Sept 2025", "2025-09", "B",
                "Board meets every six weeks; attendance of all partners above 90%; minutes "
                "published on the Local Offer"),
            act("1.2", "Develop a shared dataset on the needs of children and young people "
                "with SEND, drawing on school census, health and social care records, and "
                "use it to plan services for the next three years.", ["BT", "AN"],
                "Ben Tallis / Aisha Noor", "Jun 2025", "2025-06", "Q3 2025/26", "2025-12",
                "G", "Dataset used in the sufficiency plan and in commissioning decisions"),
            act("1.3", "Hold a joint commissioning review of speech and language therapy, "
                "occupational therapy and physiotherapy for school-age children, and agree "
                "a new model of delivery with schools.", ["AN"], "Aisha Noor", "Sept 2025",
                "2025-09", "31/03/26", "2026-03-31", "A",
                "New model agreed by the integrated care board and the council"),
            act("1.4", "Report progress against this plan to the Health and Wellbeing Board "
                "and to the Department for Education at each stocktake meeting.", ["RO"],
                "Rosa Oduya", "Apr 2025", "2025-04", "Ongoing", None, "G",
                "Reports received and challenge recorded in minutes"),
        ]),
        ("2", "Children and young people with SEND receive timely, high-quality education, "
         "health and care plans", [
            act("2.1", "Recruit and train additional EHC coordinators so that each "
                "coordinator holds no more than 150 plans, and introduce a caseload "
                "dashboard reviewed monthly by managers.", ["GP"], "Gareth Price",
                "May 2025", "2025-05", "Autumn term 2025", "2025-12", "R",
                "Caseloads at or below 150 for every coordinator"),
            act("2.2", "Introduce a multi-agency quality assurance framework for new and "
                "reviewed EHC plans, with parents and young people on each audit panel.",
                ["GP", "AN"], "Gareth Price and Aisha Noor", "Jul 2025", "2025-07",
                "Q4 2025/26", "2026-03", "A",
                "Eight in ten audited plans judged good or better"),
            act("2.3", "Clear the backlog of overdue annual reviews, starting with children "
                "moving between phases of education in September 2026.", ["GP"],
                "Gareth Price", "Sept 2025", "2025-09", "31/07/26", "2026-07-31", "G",
                "No annual review more than twelve weeks overdue"),
        ]),
        ("3", "Young people are well prepared for adult life", [
            act("3.1", "Create a preparing for adulthood pathway from Year 9 that covers "
                "employment, independent living, community inclusion and health, written "
                "with young people.", ["BT"], "Ben Tallis", "Oct 2025", "2025-10",
                "Spring term 2026", "2026-04", "G",
                "Pathway published; every Year 9 review uses it"),
            act("3.2", "Increase supported internships so that every young person with an "
                "EHC plan who wants one can take one up.", ["BT", "RO"],
                "Ben Tallis / Rosa Oduya", "Sept 2025", "2025-09", "Summer term 2026",
                "2026-07", "A", "Forty supported internships taken up each year"),
        ]),
    ]  # fmt: skip


def _kv_reference() -> Doc:
    return {
        "title": "Kestrel Vale Accelerated Progress Plan",
        "people": _KV_PEOPLE,
        "status_scale": _KV_SCALE,
        "periods": [{"label": _KV_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title,
             "actions": [action for action, _ in rows]}
            for ref, title, rows in _kv_priorities()
        ],
    }  # fmt: skip


def _kv_docx() -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading("Kestrel Vale Accelerated Progress Plan", level=0)
    document.add_paragraph(
        "This plan sets out what partners in Kestrel Vale will do, by when, to improve "
        "the areas the Department for Education asked us to prioritise."
    )
    document.add_paragraph("BRAG key: B – Complete; G – On track; A – Some delay; R – Off track")
    heads = ["Ref", "Action", "Lead officer(s)", "Start", "Deadline", "Success measure",
             f"BRAG {_KV_PERIOD}"]  # fmt: skip
    rows: list[list[str]] = [heads]
    merged = []
    for ref, title, actions in _kv_priorities():
        merged.append((len(rows), f"Priority {ref} – {title}"))
        rows.append([""] * len(heads))
        for action, measure in actions:
            rows.append([action["ref"], action["title"], action["lead_text"],
                         action["starts_text"], action["due_text"], measure,
                         action["updates"][0]["status"]])  # fmt: skip
    table = document.add_table(rows=len(rows), cols=len(heads))
    table.style = "Table Grid"
    _fill_table(table, rows)
    widths = [0.5, 3.0, 1.2, 0.7, 0.9, 2.0, 0.7]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = docx.shared.Inches(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = docx.shared.Inches(width)
    for r, text in merged:
        _shade(_merge_across(table, r, text), "D9E2F3")
    _repeat_heading(table.rows[0])
    document.add_paragraph("")
    document.add_paragraph(
        "Progress against this plan is reviewed by the SEND Partnership Board every six weeks."
    )
    return saved(document)


def _kv_pdf() -> bytes:
    return _KV_FILE.read_bytes()


def build_pdfs() -> None:
    """Print the Word plans kept as PDFs to PDF by LibreOffice (only needed to remake them):
    .venv/bin/python -m sendplan.interchange.tests.unseen_office"""
    import tempfile

    from sendplan.interchange.tests.corpus import print_to_pdf

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{_KV_FILE.stem}.docx"
        source.write_bytes(_kv_docx())
        _KV_FILE.parent.mkdir(parents=True, exist_ok=True)
        _KV_FILE.write_bytes(print_to_pdf(source))


# 23. Lindenfield: an Excel tracker filtered and frozen under one heading row, the priority
# repeated in a column on every row, due dates as dates shown "mmm-yy", a percentage
# complete beside an overall BRAG, and leads written "Name (Role)"

_LF_PERIOD = "Overall RAG"
_LF_PEOPLE = [
    {"key": "TW", "name": "Tariq Wahid", "role": "Head of SEND Commissioning"},
    {"key": "JR", "name": "Jenna Royle", "role": "Designated Clinical Officer"},
    {"key": "PM", "name": "Paul Mensah", "role": "Virtual School Head"},
]
_LF_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "At risk", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]


def _lf_priorities() -> list[tuple[str, str, list[tuple[Doc, object, float]]]]:
    """(ref, title, [(action, due as entered, share complete)])."""

    def act(ref: str, title: str, key: str, due_text: str, due: str | None, code: str) -> Doc:
        person = next(p for p in _LF_PEOPLE if p["key"] == key)
        return _action(ref, title, [key], f"{person['name']} ({person['role']})", due_text,
                       due, updates=[{"period": _LF_PERIOD, "status": code}])  # fmt: skip

    return [
        ("P1", "Joint commissioning", [
            (act("P1.1", "Agree a joint commissioning plan for therapies.", "TW", "Dec-25",
                 "2025-12", "G"), dt.datetime(2025, 12, 1), 0.5),
            (act("P1.2", "Commission an autism assessment pathway with no waiting list over "
                 "a year.", "JR", "Q4 2025/26", "2026-03", "A"), "Q4 2025/26", 0.25),
        ]),
        ("P2", "Children looked after with SEND", [
            (act("P2.1", "Give every child looked after with an EHC plan a termly review of "
                 "their personal education plan.", "PM", "Ongoing", None, "B"), "Ongoing", 1.0),
            (act("P2.2", "Train designated teachers in writing SEN support plans.", "PM",
                 "Mar-26", "2026-03", "R"), dt.datetime(2026, 3, 1), 0.0),
        ]),
    ]  # fmt: skip


def _lf_reference() -> Doc:
    return {
        # The workbook names no title; a person would name it after the file.
        "title": "lindenfield-tracker",
        "people": _LF_PEOPLE,
        "status_scale": _LF_SCALE,
        "periods": [{"label": _LF_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title,
             "actions": [action for action, _, _ in rows]}
            for ref, title, rows in _lf_priorities()
        ],
    }  # fmt: skip


def _lf_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    heads = ["Priority", "Ref", "Action description", "Responsible officer", "Due date",
             "% complete", _LF_PERIOD, "Latest update"]  # fmt: skip
    sheet.append(heads)
    for ref, title, rows in _lf_priorities():
        for action, due, done in rows:
            sheet.append([f"{ref} - {title}", action["ref"], action["title"],
                          action["lead_text"], due, done, action["updates"][0]["status"],
                          "Reviewed at the October board."])  # fmt: skip
            row = sheet.max_row
            if isinstance(due, dt.datetime):
                sheet.cell(row=row, column=5).number_format = "mmm-yy"
            sheet.cell(row=row, column=6).number_format = "0%"
        sheet.append([])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:H{sheet.max_row}"
    key = book.create_sheet("RAG key")
    key.append(["RAG", "Definition"])
    for status in _LF_SCALE:
        key.append([status["colour"].title(), status["label"]])
    return saved(book)


# 24. Oakhampton: a Word plan whose table was pasted together from pages: the heading row
# comes again part-way down as an ordinary row, a priority is carried on under
# "(continued)", leads are "Name – Role", and a rating is given in words and by shading

_OK_PERIOD = "Nov 2025"
_OK_PEOPLE = [
    {"key": "CB", "name": "Chloe Barnard", "role": "Head of Inclusion"},
    {"key": "IM", "name": "Ifeanyi Mba", "role": "Head of Children's Therapies"},
]
_OK_SCALE = [
    {"code": "Complete", "label": "Complete"},
    {"code": "On track", "label": "On track"},
    {"code": "At risk", "label": "At risk"},
    {"code": "Not started", "label": "Not started"},
]
_OK_SHADES = {"Complete": "00B0F0", "On track": "92D050", "At risk": "FFC000",
              "Not started": "D9D9D9"}  # fmt: skip


def _ok_priorities() -> list[tuple[str, str, list[Doc]]]:
    def act(ref: str, title: str, key: str, due_text: str, due: str | None, status: str) -> Doc:
        person = next(p for p in _OK_PEOPLE if p["key"] == key)
        return _action(ref, title, [key], f"{person['name']} – {person['role']}", due_text,
                       due, updates=[{"period": _OK_PERIOD, "status": status}])  # fmt: skip

    return [
        ("1", "Inclusion in mainstream schools", [
            act("1.1", "Publish the ordinarily available provision guide for schools.", "CB",
                "31/03/26", "2026-03-31", "On track"),
            act("1.2", "Set up an inclusion fund that schools can bid to.", "CB",
                "End of Q4 2025/26", "2026-03", "At risk"),
            act("1.3", "Visit every secondary school with high suspension rates.", "CB",
                "By Autumn term 2025", "2025-12", "Complete"),
            act("1.4", "Report suspensions of children with SEND to the board each term.",
                "CB", "Termly", None, "On track"),
        ]),
        ("2", "Therapies", [
            act("2.1", "Recruit a team of therapy assistants for special schools.", "IM",
                "Sept 2026", "2026-09", "Not started"),
            act("2.2", "Offer a drop-in advice session for parents each month.", "IM",
                "Ongoing", None, "On track"),
        ]),
    ]  # fmt: skip


def _ok_reference() -> Doc:
    return {
        "title": "Oakhampton SEND Priority Action Plan",
        "people": _OK_PEOPLE,
        "status_scale": _OK_SCALE,
        "periods": [{"label": _OK_PERIOD}],
        "sections": [
            {"ref": ref, "level": "Priority", "title": title, "actions": actions}
            for ref, title, actions in _ok_priorities()
        ],
    }  # fmt: skip


def _ok_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Oakhampton SEND Priority Action Plan", level=0)
    document.add_paragraph("Updated for the SEND Partnership Board, November 2025.")
    heads = ["Ref", "Action", "Lead", "When", f"Status {_OK_PERIOD}"]
    rows: list[list[str]] = [heads]
    merged: list[tuple[int, str]] = []
    shaded: list[tuple[int, str]] = []
    for ref, title, actions in _ok_priorities():
        merged.append((len(rows), f"Priority {ref}: {title}"))
        rows.append([""] * len(heads))
        for n, action in enumerate(actions):
            if ref == "1" and n == 2:
                # The next page's copy of the table, pasted on: its heading row, then the
                # priority carried on.
                rows.append(list(heads))
                merged.append((len(rows), f"Priority {ref}: {title} (continued)"))
                rows.append([""] * len(heads))
            status = action["updates"][0]["status"]
            shaded.append((len(rows), status))
            rows.append([action["ref"], action["title"], action["lead_text"],
                         action["due_text"], status])  # fmt: skip
    table = document.add_table(rows=len(rows), cols=len(heads))
    table.style = "Table Grid"
    _fill_table(table, rows)
    for r, text in merged:
        _merge_across(table, r, text)
    for r, status in shaded:
        _shade(table.cell(r, len(heads) - 1), _OK_SHADES[status])
    _repeat_heading(table.rows[0])
    return saved(document)


CORPUS = (
    CorpusPlan("Northbridge APP (docx)", "northbridge-app.docx", _nb_docx, _nb_reference),
    CorpusPlan("Eastmoor PAP tracker (xlsx)", "eastmoor-pap.xlsx", _em_xlsx, _em_reference),
    CorpusPlan("Kingsford strategy (docx)", "kingsford-strategy.docx", _kf_docx, _kf_reference),
    CorpusPlan("Westfold WSoA tracker (xlsx)", "westfold-wsoa.xlsx", _wf_xlsx, _wf_reference),
    CorpusPlan("Harrowdale plan (docx)", "harrowdale-plan.docx", _hd_docx, _hd_reference),
    CorpusPlan("Southvale tracker (xlsx)", "southvale-tracker.xlsx", _sv_xlsx, _sv_reference),
    CorpusPlan("Lowbeck APP (docx)", "lowbeck-app.docx", _lb_docx, _lb_reference),
    CorpusPlan("Ashby WSoA (docx)", "ashby-wsoa.docx", _as_docx, _as_reference),
    CorpusPlan("Greyhurst tracker (xlsx)", "greyhurst-tracker.xlsx", _gh_xlsx, _gh_reference),
    CorpusPlan("Fenmoor strategy tracker (xlsx)", "fenmoor-tracker.xlsx", _fm_xlsx, _fm_reference),
    CorpusPlan("Orrinsford plan (docx)", "orrinsford-plan.docx", _or_docx, _or_reference),
    CorpusPlan("Pennock tracker (xlsx)", "pennock-tracker.xlsx", _pn_xlsx, _pn_reference),
    CorpusPlan("Quayside WSoA report (docx)", "quayside-wsoa.docx", _qs_docx, _qs_reference),
    CorpusPlan("Marlow Vale APP cards (docx)", "marlow-vale-app.docx", _mv_docx, _mv_reference),
    CorpusPlan("Tarnbridge tracker (xlsx)", "tarnbridge-tracker.xlsx", _tb_xlsx, _tb_reference),
    CorpusPlan("Wexcombe PAP (docx)", "wexcombe-pap.docx", _wx_docx, _wx_reference),
    CorpusPlan("Calderbrook WSoA (docx)", "calderbrook-wsoa.docx", _cb_docx, _cb_reference),
    CorpusPlan("Hollinsway tracker (xlsx)", "hollinsway-tracker.xlsx", _hw_xlsx, _hw_reference),
    CorpusPlan("Ravensmoor APP cards (docx)", "ravensmoor-app.docx", _rm_docx, _rm_reference),
    CorpusPlan("Thornley WSoA (docx)", "thornley-wsoa.docx", _th_docx, _th_reference),
    CorpusPlan("Brackenfield workbook (xlsx)", "brackenfield-plan.xlsx", _bf_xlsx, _bf_reference),
    CorpusPlan("Kestrel Vale APP (pdf)", "kestrel-vale-app.pdf", _kv_pdf, _kv_reference),
    CorpusPlan("Lindenfield tracker (xlsx)", "lindenfield-tracker.xlsx", _lf_xlsx, _lf_reference),
    CorpusPlan("Oakhampton PAP (docx)", "oakhampton-pap.docx", _ok_docx, _ok_reference),
)


@cache
def parsed(plan: CorpusPlan) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


# What the built files hold: action tables, keys and officers; no weaknesses, glossaries,
# indicators.
NOT_BUILT = {"weaknesses", "indicators", "glossary"}


def figures(plan: CorpusPlan) -> list[tuple[str, int, int]]:
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [figure for figure in found if figure[0] not in NOT_BUILT]


if __name__ == "__main__":
    build_pdfs()
