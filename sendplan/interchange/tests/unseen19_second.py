"""A second set of six plans for round unseen19, written after the first set's two rules.

Unlike the first sixteen, these were written after the importer's column synonyms and its
reading of lead and date columns had been read, so they are a weaker test of plans never seen;
they were still written, and scored, before any change made for them, and split by the same
hash (`unseen19.blind`). They try what the first set did not: ratings in words per period
("Completed / In progress / Delayed / Not yet started"), leads as "Head of SEND (JB)", dates
such as "w/c 6 Oct 2025", "End Sept 25", "Easter 2026" and "Apr-Jun 2026", two roles in one
lead cell a line each, and terms as periods ("Autumn 2025 | Spring 2026").
"""

from __future__ import annotations

import docx
import openpyxl

from sendplan.interchange.tests import saved
from sendplan.interchange.tests.unseen19 import (
    _FILLS,
    Act,
    Plan,
    Section,
    Unseen19,
    _fill,
    _pdf,
    _person,
    _shade,
    _table,
    _td,
    _th_row,
    _wrap,
    blind,
)

_PROGRESS_SCALE = [
    {"code": "Completed", "label": "Completed", "colour": "blue"},
    {"code": "In progress", "label": "In progress", "colour": "green"},
    {"code": "Delayed", "label": "Delayed", "colour": "red"},
    {"code": "Not yet started", "label": "Not yet started", "colour": "white"},
]
_RAG = [
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "Some slippage", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]


def quenby() -> Plan:
    """An APP in Word: a rating in words for each review, leads as "Role (initials)"."""
    people = [
        _person("JB", None, "Head of SEND"),
        _person("KL", None, "Designated Clinical Officer"),
        _person("MT", None, "Head of Inclusion"),
    ]
    periods = ["Sept 25", "Dec 25", "Mar 26"]
    return Plan(
        "Quenby Accelerated Progress Plan",
        "Area for improvement",
        people,
        _PROGRESS_SCALE,
        periods,
        [
            Section("1", "Quality of EHC plans", [
                Act("1.1", "Check every new EHC plan against the quality standard before it "
                    "is issued.", "Head of SEND (JB)", ["JB"], "Dec 2025", "2025-12",
                    ["In progress", "Completed", ""]),
                Act("1.2", "Agree with health providers how their advice is written.",
                    "Designated Clinical Officer (KL)", ["KL"], "Mar 2026", "2026-03",
                    ["Not yet started", "In progress", "Delayed"]),
                Act("1.3", "Train SENCOs to contribute to EHC needs assessments.",
                    "Head of Inclusion (MT) / Head of SEND (JB)", ["MT", "JB"], "Jan 2026",
                    "2026-01", ["In progress", "In progress", "Completed"]),
            ]),
            Section("2", "Timeliness", [
                Act("2.1", "Recruit a second team of assessment coordinators.",
                    "Head of SEND (JB)", ["JB"], "Nov 2025", "2025-11",
                    ["In progress", "Delayed", "Delayed"]),
                Act("2.2", "Report 20-week timeliness to the board each month.",
                    "Head of SEND (JB)", ["JB"], "Monthly", None,
                    ["Completed", "Completed", "Completed"]),
            ]),
        ],
    )  # fmt: skip


def rushden() -> Plan:
    """A tracker in Excel: dates written loosely, refs "R1", a RAG letter."""
    people = [
        _person("PW", "Paula Wren", None),
        _person("DS", "Dan Shaw", None),
        _person("YO", "Yemi Ojo", None),
    ]
    return Plan(
        "Rushden SEND Recovery Tracker",
        "Theme",
        people,
        _RAG,
        ["RAG"],
        [
            Section("1", "Assessment", [
                Act("R1", "Set up a weekly multi-agency assessment panel.", "Paula Wren",
                    ["PW"], "w/c 6 Oct 2025", "2025-10-06", ["G"]),
                Act("R2", "Clear assessments older than 20 weeks.", "Paula Wren", ["PW"],
                    "End Sept 25", "2025-09", ["R"]),
                Act("R3", "Publish a new assessment request form.", "Dan Shaw", ["DS"],
                    "Easter 2026", "2026-04", ["A"]),
            ]),
            Section("2", "Therapies", [
                Act("R4", "Pilot a speech and language drop-in for families.", "Yemi Ojo",
                    ["YO"], "Apr-Jun 2026", "2026-06", ["G"]),
                Act("R5", "Agree a therapy offer for special schools.", "Yemi Ojo / Dan Shaw",
                    ["YO", "DS"], "Jan-Mar 2026", "2026-03", ["A"]),
            ]),
        ],
    )  # fmt: skip


def selby() -> Plan:
    """A priority plan copied from a web page as text: terms as periods, a rating each."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("HEY", None, "Early Years Lead"),
        _person("PFA", None, "Preparing for Adulthood Lead"),
    ]
    periods = ["Autumn 2025", "Spring 2026"]
    return Plan(
        "Selby SEND Priority Action Plan",
        "Priority",
        people,
        _RAG,
        periods,
        [
            Section("1", "Early years", [
                Act("1.1", "Give every childminder access to the early years SEND toolkit.",
                    "Early Years Lead", ["HEY"], "Spring term 2026", "2026-04", ["G", "G"]),
                Act("1.2", "Check two-year-old development reviews reach the SEND team.",
                    "Early Years Lead", ["HEY"], "Autumn term 2025", "2025-12", ["A", "G"]),
            ]),
            Section("2", "Preparing for adulthood", [
                Act("2.1", "Begin transition planning at Year 9 for all young people with an "
                    "EHC plan.", "Preparing for Adulthood Lead", ["PFA"], "Sept 2026",
                    "2026-09", ["R", "A"]),
                Act("2.2", "Agree a supported internship offer with two colleges.",
                    "Preparing for Adulthood Lead / Head of SEND", ["PFA", "HSEND"],
                    "Summer term 2026", "2026-07", ["G", "A"]),
            ]),
        ],
    )  # fmt: skip


def tenby() -> Plan:
    """A priority plan as a PDF: two roles in a lead cell, a line each; terms as periods."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("VSH", None, "Virtual School Head"),
        _person("HSC", None, "Head of Social Care"),
    ]
    periods = ["Autumn 2025", "Spring 2026"]
    return Plan(
        "Tenby Local Area Priority Action Plan",
        "Priority",
        people,
        _RAG,
        periods,
        [
            Section("1", "Joint working", [
                Act("1.1", "Hold a joint education, health and care panel every fortnight.",
                    "Head of SEND\nDesignated Clinical Officer", ["HSEND", "DCO"],
                    "Oct 2025", "2025-10", ["G", "G"]),
                Act("1.2", "Share one record of each child's needs across services.",
                    "Head of Social Care\nHead of SEND", ["HSC", "HSEND"], "Jul 2026",
                    "2026-07", ["A", "R"]),
            ]),
            Section("2", "Children in care", [
                Act("2.1", "Review the EHC plan of every child in care at their care review.",
                    "Virtual School Head", ["VSH"], "Ongoing", None, ["G", "A"]),
                Act("2.2", "Give designated teachers SEND training each year.",
                    "Virtual School Head", ["VSH"], "Annually", None, ["G", "G"]),
            ]),
        ],
    )  # fmt: skip


def upton() -> Plan:
    """An outcome-led plan pasted from Word: the actions a numbered list of labelled lines."""
    people = [
        _person("SA", "Sophie Ash", "SEND Service Manager"),
        _person("RG", "Raj Gill", "Head of CAMHS"),
    ]
    return Plan(
        "Upton SEND Outcomes Framework: Action Plan",
        "Outcome",
        people,
        _PROGRESS_SCALE,
        ["Progress"],
        [
            Section("1", "Children's mental health needs are met sooner", [
                Act("1.1", "Offer a mental health support team in every secondary school.",
                    "Raj Gill, Head of CAMHS", ["RG"], "Sept 2026", "2026-09",
                    ["In progress"]),
                Act("1.2", "Publish waiting times for CAMHS each quarter.",
                    "Raj Gill, Head of CAMHS", ["RG"], "Quarterly", None, ["Completed"]),
            ]),
            Section("2", "Families know what support is available", [
                Act("2.1", "Write the Local Offer pages with families.",
                    "Sophie Ash, SEND Service Manager", ["SA"], "Jan 2026", "2026-01",
                    ["Delayed"]),
                Act("2.2", "Hold a SEND information fair each year.",
                    "Sophie Ash, SEND Service Manager", ["SA"], "Summer 2026", "2026-07",
                    ["Not yet started"]),
            ]),
        ],
    )  # fmt: skip


def vale() -> Plan:
    """A WSoA in Word: the rating a shaded cell per review, no words, a key as a table."""
    people = [
        _person("AD", "Asha Dev", None),
        _person("BE", "Bryn Evans", None),
    ]
    periods = ["Jul-25", "Oct-25", "Jan-26"]
    return Plan(
        "Vale of Wendle Written Statement of Action",
        "Area of weakness",
        people,
        _RAG,
        periods,
        [
            Section("1", "Identification of need in the early years", [
                Act("1.1", "Train health visitors to spot speech and language needs.",
                    "Asha Dev", ["AD"], "Oct 2025", "2025-10", ["A", "G", "G"]),
                Act("1.2", "Add SEND questions to the two-year-old check.", "Asha Dev",
                    ["AD"], "Jan 2026", "2026-01", ["R", "A", "G"]),
            ]),
            Section("2", "Exclusions of pupils with SEND", [
                Act("2.1", "Review every permanent exclusion of a pupil with SEND at panel.",
                    "Bryn Evans", ["BE"], "From Sept 2025", None, ["", "G", "G"],
                    starts="2025-09"),
                Act("2.2", "Fund an outreach behaviour team for primary schools.",
                    "Bryn Evans", ["BE"], "Jan 2026", "2026-01", ["R", "R", "A"]),
            ]),
        ],
    )  # fmt: skip


def quenby_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Progress key: Completed / In progress / Delayed / Not yet started")
    for s in plan.sections:
        document.add_heading(f"Area for improvement {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "By", *plan.periods]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, *a.ratings])
        _table(document, rows)
    document.add_heading("Lead officers", level=1)
    _table(
        document,
        [["Initials", "Role"]] + [[p["key"], p["role"]] for p in plan.people],
    )
    return saved(document)


def rushden_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet.append(["RAG: G on track, A some slippage, R off track"])
    heads = ["Theme", "Ref", "Action", "Owner", "Due", "RAG", "Comments"]
    sheet.append(heads)
    for s in plan.sections:
        for a in s.actions:
            sheet.append([s.title, a.ref, a.title, a.lead_text, a.due_text, a.ratings[0], ""])
            _fill(sheet.cell(sheet.max_row, 6), a.ratings[0])
    _wrap(sheet)
    return saved(book)


def selby_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "RAG key: G = On track, A = Some slippage, R = Off track", ""]
    for s in plan.sections:
        lines += [f"Priority {s.ref}: {s.title}", ""]
        lines.append("\t".join(["Ref", "Action", "Lead", "Timescale", *plan.periods]))
        for a in s.actions:
            lines.append("\t".join([a.ref or "", a.title, a.lead_text, a.due_text, *a.ratings]))
        lines.append("")
    return "\n".join(lines).encode()


def tenby_pdf(plan: Plan) -> bytes:
    body = f"<h1>{plan.title}</h1><p>RAG: G On track / A Some slippage / R Off track</p>"
    heads = ["Ref", "Action", "Lead officer(s)", "Timescale", *plan.periods]
    for s in plan.sections:
        body += f"<h2>Priority {s.ref} – {s.title}</h2><table><thead>"
        body += _th_row(heads) + "</thead><tbody>"
        for a in s.actions:
            cells = [a.ref or "", a.title, a.lead_text, a.due_text]
            body += "<tr>" + "".join(_td(t) for t in cells)
            body += "".join(_td(c, _FILLS[c] if c else "") for c in a.ratings) + "</tr>"
        body += "</tbody></table>"
    return _pdf(body)


def upton_txt(plan: Plan) -> bytes:
    lines = [plan.title, "", "Progress is shown as Completed, In progress, Delayed or Not yet "
             "started.", ""]  # fmt: skip
    for s in plan.sections:
        lines += [f"Outcome {s.ref}: {s.title}", "", "What we will do", ""]
        for a in s.actions:
            lines += [f"{a.ref} {a.title}", f"Lead: {a.lead_text}", f"By: {a.due_text}",
                      f"Progress: {a.ratings[0]}", ""]  # fmt: skip
    return "\n".join(lines).encode()


def vale_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    key = _table(document, [["Colour", "Meaning"], ["", "On track"], ["", "Some slippage"],
                            ["", "Off track"]])  # fmt: skip
    for r, code in enumerate("GAR", start=1):
        _shade(key.cell(r, 0), _FILLS[code])
    for s in plan.sections:
        document.add_heading(f"Area of weakness {s.ref}: {s.title}", level=1)
        rows = [["Ref", "Action", "Lead", "Timescale", *plan.periods]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, *[""] * len(a.ratings)])
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            for n, code in enumerate(a.ratings):
                if code:
                    _shade(table.cell(r, 4 + n), _FILLS[code])
    return saved(document)


SECOND = (
    Unseen19("Quenby APP", "quenby-app.docx", quenby, quenby_docx,
             "Word, a rating word per review"),
    Unseen19("Rushden tracker", "rushden-tracker.xlsx", rushden, rushden_xlsx,
             "Excel, loose dates, theme column"),
    Unseen19("Selby PAP", "selby-pap.txt", selby, selby_txt,
             "web text, terms as periods"),
    Unseen19("Tenby PAP", "tenby-pap.pdf", tenby, tenby_pdf,
             "PDF, two roles a line each"),
    Unseen19("Upton outcomes plan", "upton-plan.txt", upton, upton_txt,
             "Word text, labelled lines"),
    Unseen19("Vale of Wendle WSoA", "vale-wsoa.docx", vale, vale_docx,
             "Word, shaded cells per review"),
)  # fmt: skip

SECOND_DEV = tuple(plan for plan in SECOND if not blind(plan.name))
SECOND_BLIND = tuple(plan for plan in SECOND if blind(plan.name))
