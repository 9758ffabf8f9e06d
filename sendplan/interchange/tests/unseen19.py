"""Sixteen plans the importer had never seen, written before it was run on them (round unseen19).

The other invented corpora (`unseen_corpus`, `unseen_office`) all read whole now, because rules
were written from them; they no longer say how the importer does on a plan it has not met.
These plans were written by hand from how real Written Statements of Action, Accelerated
Progress Plans and priority action plans are set out (the shared docs and the two sample
plans), before the importer's rules were read: a table per area of weakness with "What we will
do | Who | By when | How we will know | Progress RAG"; APPs with an accountable lead, a
responsible officer, start and end, milestones and a rating per quarter; trackers with a target
and a revised date, a BRAG letter and an update; "Priority 1 - ..." with sub-refs 1a, 1b;
outcome-led plans ("Outcome 1: ..." then "Key actions"); long cells holding bullet lists;
statuses as words; leads as roles and as "Name (Role)"; dates such as "Sept 2025",
"Q3 2025/26", "Spring term 2026", "Ongoing" and "31/03/26".

Each plan is held once, as data (`Plan`), with the plan a careful person would enter from it
(`reference`), and laid out once as a file: four as text (pasted from a web page, a PDF or
Excel), four in Word, four in Excel and four as PDF (HTML printed by WeasyPrint). Officers,
areas and actions are invented; no child is named.

`blind` splits the plans by a hash fixed before any rule was written: rules come from the dev
half only; the blind half is only counted. bench/parse_unseen19.py prints the figures;
test_parse_unseen19.py holds floors on the dev half. See corpus/real/UNSEEN19.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html import escape
from typing import Any

import docx
import openpyxl
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests import accuracy, saved

Doc = dict[str, Any]


def blind(name: str) -> bool:
    """Half of the plans, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"unseen19:{name}".encode()).digest()[0] % 2 == 1


@dataclass
class Act:
    """One action as the plan writes it, with what a careful person would enter from it."""

    ref: str | None
    title: str
    lead_text: str
    leads: list[str]
    due_text: str
    due: str | None
    # A rating per period, in the order of the plan's periods ("" where none is given).
    ratings: list[str] = field(default_factory=list)
    starts_text: str = ""
    starts: str | None = None
    # What the layout shows besides: "How we will know", milestones, an update, a second
    # date column; not scored.
    extra: dict[str, str] = field(default_factory=dict)

    def doc(self, periods: list[str]) -> Doc:
        out: Doc = {"title": self.title, "leads": self.leads, "lead_text": self.lead_text}
        if self.ref:
            out["ref"] = self.ref
        if self.due_text:
            out["due_text"] = self.due_text
        if self.due:
            out["due"] = self.due
        if self.starts_text:
            out["starts_text"] = self.starts_text
        if self.starts:
            out["starts"] = self.starts
        updates = [
            {"period": period, "status": code}
            for period, code in zip(periods, self.ratings, strict=True)
            if code
        ]
        if updates:
            out["updates"] = updates
        return out


@dataclass
class Section:
    ref: str
    title: str
    actions: list[Act]
    intro: str = ""


@dataclass
class Plan:
    title: str
    level: str
    people: list[Doc]
    scale: list[Doc]
    periods: list[str]
    sections: list[Section]
    # Where the document dates its ratings ("Progress to 31 October 2025"), when its single
    # period ends: the period is that date's, whatever its column is headed.
    dated: str = ""

    def reference(self) -> Doc:
        return {
            "title": self.title,
            "people": self.people,
            "status_scale": self.scale,
            "periods": [
                {"label": label, **({"ends_on": self.dated} if self.dated else {})}
                for label in self.periods
            ],
            "sections": [
                {
                    "ref": s.ref,
                    "level": self.level,
                    "title": s.title,
                    "actions": [a.doc(self.periods) for a in s.actions],
                }
                for s in self.sections
            ],
        }


def _person(key: str, name: str | None, role: str | None) -> Doc:
    out: Doc = {"key": key}
    if name:
        out["name"] = name
    if role:
        out["role"] = role
    return out


# Rating words carry the colours plans give them, so a reading that keeps the words and one
# that gives them letters ("B", "Complete") agree where they mean the same.
_WORDS_SCALE = [
    {"code": "Complete", "label": "Complete", "colour": "blue"},
    {"code": "On track", "label": "On track", "colour": "green"},
    {"code": "At risk", "label": "At risk", "colour": "amber"},
    {"code": "Off track", "label": "Off track", "colour": "red"},
    {"code": "Not started", "label": "Not started", "colour": "white"},
]
_BRAG_SCALE = [
    {"code": "B", "label": "Complete", "colour": "blue"},
    {"code": "G", "label": "On track", "colour": "green"},
    {"code": "A", "label": "At risk", "colour": "amber"},
    {"code": "R", "label": "Off track", "colour": "red"},
]
_RAG_WORDS_SCALE = [
    {"code": "Green", "label": "On track", "colour": "green"},
    {"code": "Amber", "label": "Some concerns", "colour": "amber"},
    {"code": "Red", "label": "Significant concerns", "colour": "red"},
]
_FILLS = {
    "B": "0070C0", "G": "00B050", "A": "FFC000", "R": "FF0000",
    "Blue": "0070C0", "Green": "00B050", "Amber": "FFC000", "Red": "FF0000",
    "Complete": "0070C0", "On track": "00B050", "At risk": "FFC000", "Off track": "FF0000",
    "Not started": "D9D9D9",
}  # fmt: skip


# =============================================================================================
# The plans. Each is written as its area would write it.


def ashcombe() -> Plan:
    """A WSoA published as a web page: an area of weakness a heading, then its table."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("PEP", None, "Principal Educational Psychologist"),
        _person("PCF", None, "Parent Carer Forum Chair"),
        _person("HEY", None, "Head of Early Years"),
    ]
    return Plan(
        "Ashcombe Local Area Written Statement of Action",
        "Area of weakness",
        people,
        _RAG_WORDS_SCALE,
        ["Progress RAG"],
        [
            Section("1", "The timeliness and quality of EHC plans", [
                Act("1.1", "Recruit three additional EHC coordinators and a team manager to "
                    "bring caseloads below 120.", "Head of SEND", ["HSEND"], "Sept 2025",
                    "2025-09", ["Green"],
                    extra={"know": "Caseloads below 120 by October 2025; 60% of plans issued "
                           "in 20 weeks by March 2026."}),
                Act("1.2", "Introduce a monthly multi-agency quality assurance audit of new "
                    "EHC plans.", "Principal Educational Psychologist / Designated Clinical "
                    "Officer", ["PEP", "DCO"], "From Oct 2025, then monthly", None,
                    ["Amber"], starts="2025-10",
                    extra={"know": "80% of audited plans judged good or better."}),
                Act("1.3", "Write outcomes in EHC plans with children and young people, "
                    "using the new outcomes guidance.", "Principal Educational Psychologist",
                    ["PEP"], "Spring term 2026", "2026-04", ["Amber"],
                    extra={"know": "Families say in the annual survey that outcomes reflect "
                           "what matters to them."}),
            ]),
            Section("2", "Parents' and carers' understanding of the local offer", [
                Act("2.1", "Rebuild the Local Offer website with the parent carer forum.",
                    "Parent Carer Forum Chair and Head of SEND", ["PCF", "HSEND"], "31/03/26",
                    "2026-03-31", ["Green"],
                    extra={"know": "Visits to the Local Offer double; forum members test "
                           "each page before it goes live."}),
                Act("2.2", "Hold termly 'SEND surgeries' in family hubs.", "Head of Early "
                    "Years", ["HEY"], "Termly", None, ["Green"],
                    extra={"know": "Attendance and feedback recorded at each surgery."}),
                Act("2.3", "Publish a 'you said, we did' page each quarter.", "Head of SEND",
                    ["HSEND"], "Q3 2025/26", "2025-12", ["Red"],
                    extra={"know": "Page published and updated each quarter."}),
            ]),
        ],
    )  # fmt: skip


def brindle() -> Plan:
    """A priority action plan printed to PDF and copied out: labelled lines per action."""
    people = [
        _person("HI", None, "Head of Inclusion"),
        _person("HEY", None, "Head of Early Years"),
        _person("CT", None, "Children's Therapies Manager"),
        _person("SM", None, "SENDIASS Manager"),
    ]
    return Plan(
        "Brindle SEND Priority Action Plan 2025-2027",
        "Priority",
        people,
        _WORDS_SCALE,
        ["Status"],
        [
            Section("1", "Identifying needs early", [
                Act("1a", "Train every early years setting in the graduated approach, using "
                    "the new early years SEND toolkit.", "Head of Early Years", ["HEY"],
                    "Sept 2025", "2025-09", ["Complete"]),
                Act("1b", "Set up a monthly early years inclusion panel with health visitors.",
                    "Head of Early Years", ["HEY"], "Nov 2025", "2025-11", ["On track"]),
                Act("1c", "Offer speech and language screening in every nursery class.",
                    "Children's Therapies Manager", ["CT"], "Summer term 2026", "2026-07",
                    ["At risk"]),
            ]),
            Section("2", "Inclusion in mainstream schools", [
                Act("2a", "Agree an ordinarily available provision statement with all "
                    "headteachers.", "Head of Inclusion", ["HI"], "Q3 2025/26", "2025-12",
                    ["On track"]),
                Act("2b", "Fund outreach from special schools to mainstream schools.",
                    "Head of Inclusion", ["HI"], "Ongoing", None, ["On track"]),
                Act("2c", "Give families independent advice before any exclusion meeting.",
                    "SENDIASS Manager", ["SM"], "Jan 2026", "2026-01", ["Not started"]),
            ]),
        ],
    )  # fmt: skip


def cotswick() -> Plan:
    """An outcome-led plan on a web page: outcome, then its key actions as a table."""
    people = [
        _person("RA", "Ruth Adebayo", "Assistant Director, Education"),
        _person("JK", "James Kerr", "Designated Clinical Officer"),
        _person("SP", "Sana Patel", "Head of Preparing for Adulthood"),
        _person("MW", "Mel Woods", "Forum Co-chair"),
    ]
    return Plan(
        "Cotswick SEND and Alternative Provision Improvement Plan",
        "Outcome",
        people,
        _WORDS_SCALE,
        ["Status"],
        [
            Section("1", "Children and young people get the right help at the right time", [
                Act("1.1", "Agree one front door for requests for help across education, "
                    "health and care.", "Ruth Adebayo (Assistant Director, Education)", ["RA"],
                    "Oct 2025", "2025-10", ["Complete"]),
                # The whole cell is the action: a sentence and the list under it.
                Act("1.2", "Cut the wait for an autism assessment to 18 weeks. This "
                    "includes:\n• extra assessors funded by the ICB\n• a waiting list "
                    "support offer for families\n• monthly reporting to the board",
                    "James Kerr (Designated Clinical Officer)", ["JK"], "March 2027",
                    "2027-03", ["Off track"]),
                Act("1.3", "Publish a joint offer of therapies for mainstream schools.",
                    "James Kerr (Designated Clinical Officer)", ["JK"], "Spring term 2026",
                    "2026-04", ["On track"]),
            ]),
            Section("2", "Young people are ready for adult life", [
                Act("2.1", "Start preparing for adulthood reviews from Year 9 for every young "
                    "person with an EHC plan.", "Sana Patel (Head of Preparing for Adulthood)",
                    ["SP"], "Sept 2026", "2026-09", ["Not started"]),
                Act("2.2", "Double the number of supported internships.",
                    "Sana Patel (Head of Preparing for Adulthood)", ["SP"], "Summer 2026",
                    "2026-07", ["On track"]),
                Act("2.3", "Co-produce a transition guide with young people and the forum.",
                    "Mel Woods (Forum Co-chair)", ["MW"], "Dec 2025", "2025-12",
                    ["At risk"]),
            ]),
        ],
    )  # fmt: skip


def dunmere() -> Plan:
    """An Excel tracker copied and pasted as text: quoted cells with line breaks."""
    people = [
        _person("LH", "Lena Hart", None),
        _person("OB", "Omar Bashir", None),
        _person("CF", "Cath Finch", None),
        _person("TN", "Tariq Nadeem", None),
    ]
    return Plan(
        "Dunmere SEND Improvement Tracker",
        "Workstream",
        people,
        _BRAG_SCALE,
        ["BRAG"],
        [
            Section("1", "Assessment and EHC plans", [
                Act("1.01", "Clear the backlog of overdue annual reviews.", "Lena Hart",
                    ["LH"], "31/01/2026", "2026-01-31", ["A"],
                    extra={"target": "30/09/2025",
                           "update": "412 reviews overdue in June, 187 now.\n- two agency "
                           "officers started in August\n- weekly tracking at SEND panel"}),
                Act("1.02", "Launch an online portal for EHC needs assessment requests.",
                    "Omar Bashir", ["OB"], "30/11/2025", "2025-11-30", ["B"],
                    extra={"target": "30/11/2025", "update": "Live since 3 November."}),
                Act("1.03", "Review the banding of top-up funding with schools.", "Lena Hart "
                    "/ Cath Finch", ["LH", "CF"], "31/03/2026", "2026-03-31", ["G"],
                    extra={"target": "31/03/2026",
                           "update": "Consultation with schools closed; proposals to "
                           "Schools Forum in January."}),
            ]),
            Section("2", "Health", [
                Act("2.01", "Bring waits for community paediatrics under 18 weeks.",
                    "Tariq Nadeem", ["TN"], "30/06/2026", "2026-06-30", ["R"],
                    extra={"target": "31/12/2025",
                           "update": "Waits at 34 weeks.\n- locum post not filled\n- "
                           "recovery plan to ICB in December"}),
                Act("2.02", "Give every school a named contact in the therapies team.",
                    "Tariq Nadeem", ["TN"], "31/10/2025", "2025-10-31", ["G"],
                    extra={"target": "31/10/2025", "update": "Contacts sent to schools."}),
            ]),
        ],
    )  # fmt: skip


def elstow() -> Plan:
    """A WSoA in Word: a table per area of weakness, bullet lists in the cells."""
    people = [
        _person("HSEND", None, "Head of SEND Services"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("ADE", None, "Assistant Director Education"),
        _person("CAMHS", None, "CAMHS Service Manager"),
    ]
    return Plan(
        "Elstow Written Statement of Action",
        "Area of weakness",
        people,
        _RAG_WORDS_SCALE,
        ["Progress RAG"],
        [
            Section("1", "Strategic leadership and joint commissioning", [
                Act("1.1", "Set up a SEND Partnership Board with an independent chair and "
                    "agreed terms of reference.", "Assistant Director Education", ["ADE"],
                    "July 2025", "2025-07", ["Green"],
                    extra={"know": "• Board meets monthly\n• Minutes published\n• Forum "
                           "attends every meeting"}),
                Act("1.2", "Agree a joint commissioning strategy for SEND with the ICB.",
                    "Assistant Director Education / Designated Clinical Officer",
                    ["ADE", "DCO"], "Q4 2025/26", "2026-03", ["Amber"],
                    extra={"know": "• Strategy signed off by both boards\n• Pooled budget "
                           "for therapies agreed"}),
                Act("1.3", "Build a shared SEND data dashboard for the board.",
                    "Head of SEND Services", ["HSEND"], "Dec 2025", "2025-12", ["Green"],
                    extra={"know": "• Dashboard reported at each board meeting"}),
            ]),
            Section("2", "Waiting times for mental health support", [
                Act("2.1", "Add a CAMHS practitioner to each school cluster.", "CAMHS Service "
                    "Manager", ["CAMHS"], "Spring term 2026", "2026-04", ["Red"],
                    extra={"know": "• Practitioners in post in all five clusters\n• Waits "
                           "for first contact under 4 weeks"}),
                Act("2.2", "Offer help to families while they wait for assessment.",
                    "CAMHS Service Manager", ["CAMHS"], "Ongoing", None, ["Amber"],
                    extra={"know": "• Every family on the waiting list contacted each "
                           "month"}),
            ]),
        ],
    )  # fmt: skip


def fordham() -> Plan:
    """An APP in Word: one landscape table, accountable and responsible leads, four quarters."""
    people = [
        _person("DCS", None, "Director of Children's Services"),
        _person("HSEND", None, "Head of SEND"),
        _person("ICB", None, "ICB Director of Nursing"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("HPA", None, "Head of Preparing for Adulthood"),
    ]
    periods = ["Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"]
    return Plan(
        "Fordham Accelerated Progress Plan 2025/26",
        "Priority area",
        people,
        _BRAG_SCALE,
        periods,
        [
            Section("1", "EHC needs assessments are timely", [
                Act("1.1", "Recover 20-week timeliness for new EHC plans.", "Director of "
                    "Children's Services / Head of SEND", ["DCS", "HSEND"], "Mar 2026",
                    "2026-03", ["R", "A", "A", ""], starts_text="Apr 2025", starts="2025-04",
                    extra={"milestones": "Jun 25: recovery plan agreed\nDec 25: 45% in 20 "
                           "weeks", "impact": "60% of new plans issued within 20 weeks"}),
                Act("1.2", "Make sure health advice for assessments arrives within six weeks.",
                    "ICB Director of Nursing / Designated Clinical Officer", ["ICB", "DCO"],
                    "Dec 2025", "2025-12", ["A", "G", "B", ""], starts_text="May 2025",
                    starts="2025-05",
                    extra={"milestones": "Sep 25: tracker shared weekly",
                           "impact": "95% of health advice on time"}),
                Act("1.3", "Quality assure every draft plan before it is issued.",
                    "Head of SEND / Head of SEND", ["HSEND"], "Ongoing", None,
                    ["G", "G", "G", ""], starts_text="Apr 2025", starts="2025-04",
                    extra={"milestones": "Monthly audit", "impact": "Audits rate 80% good"}),
            ]),
            Section("2", "Preparation for adulthood", [
                Act("2.1", "Agree a post-16 pathway with colleges for young people with EHC "
                    "plans.", "Director of Children's Services / Head of Preparing for "
                    "Adulthood", ["DCS", "HPA"], "Sep 2025", "2025-09", ["G", "B", "", ""],
                    starts_text="Apr 2025", starts="2025-04",
                    extra={"milestones": "Jul 25: pathway published",
                           "impact": "NEET with SEND falls to 6%"}),
                Act("2.2", "Hand over to adult services at 17 and a half for every young "
                    "person known to social care.", "Director of Children's Services / Head "
                    "of Preparing for Adulthood", ["DCS", "HPA"], "Q4 2025/26", "2026-03",
                    ["", "A", "R", ""], starts_text="Q2 2025/26", starts="2025-09",
                    extra={"milestones": "Nov 25: protocol signed",
                           "impact": "All transitions planned six months ahead"}),
            ]),
        ],
    )  # fmt: skip


def greywell() -> Plan:
    """A priority action plan in Word: "Priority 1 - ..." headings, sub-refs 1a, 1b."""
    people = [
        _person("AG", "Anna Grey", "Head of Inclusion"),
        _person("PD", "Peter Doyle", "SEN Team Manager"),
        _person("FK", "Fatima Khan", "Head of Children's Therapies"),
        _person("LS", "Liam Stone", "Virtual School Head"),
    ]
    return Plan(
        "Greywell Priority Action Plan",
        "Priority",
        people,
        _WORDS_SCALE,
        ["Status"],
        [
            Section("1", "Communication with families", [
                Act("1a", "Answer every call and email to the SEN team within five working "
                    "days.", "Peter Doyle (SEN Team Manager)", ["PD"], "Sept 2025", "2025-09",
                    ["Complete"]),
                Act("1b", "Give each family a named caseworker during assessment.",
                    "Peter Doyle (SEN Team Manager)", ["PD"], "Dec 2025", "2025-12",
                    ["On track"]),
                Act("1c", "Send families a monthly update on where their request stands.",
                    "Anna Grey (Head of Inclusion)", ["AG"], "Q4 2025/26", "2026-03",
                    ["At risk"]),
            ]),
            Section("2", "Support for children in care with SEND", [
                Act("2a", "Review the personal education plan of every child in care with an "
                    "EHC plan.", "Liam Stone (Virtual School Head)", ["LS"], "Spring term "
                    "2026", "2026-04", ["On track"]),
                Act("2b", "Offer therapy assessments to children in care placed out of area.",
                    "Fatima Khan (Head of Children's Therapies)", ["FK"], "31/03/26",
                    "2026-03-31", ["Off track"]),
            ]),
        ],
        dated="2025-10-31",
    )  # fmt: skip


def hexley() -> Plan:
    """An outcome-led plan in Word: outcome headings, "Key actions", ratings shaded."""
    people = [
        _person("NB", "Nadia Begum", None),
        _person("CR", "Chris Rowe", None),
        _person("EO", "Efe Okoro", None),
    ]
    scale = [
        {"code": "G", "label": "On track", "colour": "green"},
        {"code": "A", "label": "Some risk to delivery", "colour": "amber"},
        {"code": "R", "label": "Will not be delivered on time", "colour": "red"},
    ]
    return Plan(
        "Hexley SEND Strategy Delivery Plan 2025-2028",
        "Outcome",
        people,
        scale,
        ["RAG"],
        [
            Section("1", "Families trust the support their children receive", [
                Act(None, "Launch a family charter written with the parent carer forum.",
                    "Nadia Begum", ["NB"], "Nov 2025", "2025-11", ["G"]),
                Act(None, "Train all SEN caseworkers in person-centred practice.",
                    "Nadia Begum", ["NB"], "Spring 2026", "2026-04", ["A"]),
                Act(None, "Publish how long each step of an assessment takes.", "Chris Rowe",
                    ["CR"], "Ongoing", None, ["G"]),
            ]),
            Section("2", "More children are supported in their local school", [
                Act(None, "Open four new resourced provisions in mainstream schools.",
                    "Chris Rowe", ["CR"], "Sept 2026", "2026-09", ["R"]),
                Act(None, "Place an inclusion adviser in every secondary school cluster.",
                    "Efe Okoro", ["EO"], "Jan 2026", "2026-01", ["G"]),
                Act(None, "Report suspensions of pupils with SEND to headteachers each term.",
                    "Efe Okoro", ["EO"], "Termly", None, ["A"]),
            ]),
        ],
    )  # fmt: skip


def ivybridge() -> Plan:
    """A tracker in Excel: target and revised dates, a BRAG letter, a long update."""
    people = [
        _person("KD", "Kerry Dunn", None),
        _person("MA", "Mo Ali", None),
        _person("JP", "Jo Pike", None),
        _person("SR", "Sam Reid", None),
    ]
    return Plan(
        "Ivybridge SEND Improvement Plan Tracker",
        "Workstream",
        people,
        _BRAG_SCALE,
        ["BRAG"],
        [
            Section("1", "Inclusion and outcomes", [
                Act("1.1", "Roll out the inclusion quality mark to all primary schools.",
                    "Kerry Dunn", ["KD"], "2026-07-31", "2026-07-31", ["G"],
                    extra={"target": "2026-07-31", "update": "24 of 61 schools accredited."}),
                Act("1.2", "Reduce suspensions of pupils with EHC plans by a quarter.",
                    "Kerry Dunn", ["KD"], "2026-08-31", "2026-08-31", ["A"],
                    extra={"target": "2026-03-31",
                           "update": "Autumn term figures up 4%.\n• behaviour support offer "
                           "relaunched\n• panel reviews every suspension"}),
                Act("1.3", "Agree a graduated approach handbook with SENCOs.", "Jo Pike",
                    ["JP"], "2025-10-31", "2025-10-31", ["B"],
                    extra={"target": "2025-10-31", "update": "Handbook launched at the SENCO "
                           "conference."}),
            ]),
            Section("2", "Sufficiency of specialist places", [
                Act("2.1", "Open a 40-place special free school.", "Mo Ali", ["MA"],
                    "2027-09-01", "2027-09-01", ["R"],
                    extra={"target": "2026-09-01", "update": "Build delayed by planning "
                           "appeal; DfE informed."}),
                Act("2.2", "Commission 30 more places in resourced provisions.", "Mo Ali / "
                    "Sam Reid", ["MA", "SR"], "2026-04-30", "2026-04-30", ["G"],
                    extra={"target": "2026-04-30", "update": "Bids from eleven schools."}),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def jarrow() -> Plan:
    """An APP workbook: a sheet per priority, accountable and responsible leads, quarters."""
    people = [
        _person("AL", "Amy Lowe", "Director of Education"),
        _person("BT", "Ben Tate", "Head of SEN Assessment"),
        _person("CH", "Claire Hume", "Head of Commissioning"),
        _person("DN", "Dev Nair", "Designated Clinical Officer"),
    ]
    periods = ["Q1", "Q2", "Q3", "Q4"]
    return Plan(
        "Jarrow Accelerated Progress Plan",
        "Priority",
        people,
        _BRAG_SCALE,
        periods,
        [
            Section("1", "Quality of EHC plans", [
                Act("P1.1", "Rewrite the EHC plan template with families and schools.",
                    "Amy Lowe / Ben Tate", ["AL", "BT"], "Sept 2025", "2025-09",
                    ["G", "B", "", ""], starts_text="April 2025", starts="2025-04",
                    extra={"milestones": "Draft to forum in June",
                           "impact": "Forum sign-off of the template"}),
                Act("P1.2", "Train all caseworkers to write SMART outcomes.", "Amy Lowe / Ben "
                    "Tate", ["AL", "BT"], "Dec 2025", "2025-12", ["A", "G", "G", ""],
                    starts_text="June 2025", starts="2025-06",
                    extra={"milestones": "Three training cohorts",
                           "impact": "Audit shows 75% of outcomes SMART"}),
                Act("P1.3", "Audit 20 plans a month with health and care colleagues.",
                    "Amy Lowe / Dev Nair", ["AL", "DN"], "Ongoing", None,
                    ["G", "G", "A", ""], starts_text="April 2025", starts="2025-04",
                    extra={"milestones": "Monthly", "impact": "Audit report to board"}),
            ]),
            Section("2", "Joint commissioning", [
                Act("P2.1", "Jointly commission speech and language therapy for schools.",
                    "Claire Hume / Dev Nair", ["CH", "DN"], "March 2026", "2026-03",
                    ["R", "A", "A", ""], starts_text="May 2025", starts="2025-05",
                    extra={"milestones": "Oct 25: tender issued",
                           "impact": "New service live"}),
                Act("P2.2", "Publish a joint sufficiency plan for specialist provision.",
                    "Claire Hume", ["CH"], "Q3 2025/26", "2025-12", ["G", "G", "", ""],
                    starts_text="Q1 2025/26", starts="2025-06",
                    extra={"milestones": "Data pack in July",
                           "impact": "Plan approved by Cabinet"}),
            ]),
        ],
    )  # fmt: skip


def kirkby() -> Plan:
    """A priority action plan in Excel: "Priority 1 - ..." rows, sub-refs, status drop-down."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("SENCO", None, "SENCO Network Lead"),
        _person("EP", None, "Principal Educational Psychologist"),
        _person("PCF", None, "Parent Carer Forum"),
    ]
    return Plan(
        "Kirkby Local Area Priority Action Plan",
        "Priority",
        people,
        _WORDS_SCALE,
        ["Status"],
        [
            Section("1", "Accuracy of identification of need", [
                Act("1a", "Introduce a needs matrix that schools and health use alike.",
                    "Principal Educational Psychologist", ["EP"], "31/03/26", "2026-03-31",
                    ["On track"]),
                Act("1b", "Run joint moderation of assessment requests each half term.",
                    "SENCO Network Lead", ["SENCO"], "Half termly", None, ["On track"]),
                Act("1c", "Check a sample of SEN support plans in every school.",
                    "SENCO Network Lead", ["SENCO"], "Summer term 2026", "2026-07",
                    ["Not started"]),
            ]),
            Section("2", "Co-production with families", [
                Act("2a", "Agree a co-production charter with the parent carer forum.",
                    "Parent Carer Forum / Head of SEND", ["PCF", "HSEND"], "30/09/25",
                    "2025-09-30", ["Complete"]),
                Act("2b", "Include a parent representative on every SEND panel.",
                    "Head of SEND", ["HSEND"], "Nov 2025", "2025-11", ["At risk"]),
                Act("2c", "Pay forum members for their time in co-production work.",
                    "Head of SEND", ["HSEND"], "Ongoing", None, ["Off track"]),
            ]),
        ],
        dated="2025-11-30",
    )  # fmt: skip


def lydford() -> Plan:
    """An outcome-led workbook: an outcome merged down its actions, refs inside the action."""
    people = [
        _person("GW", "Gemma Ward", "Head of SEND"),
        _person("HO", "Harun Osman", "Head of Early Help"),
        _person("IL", "Isla Lang", "Children's Community Health Manager"),
    ]
    return Plan(
        "Lydford SEND Outcomes Plan",
        "Outcome",
        people,
        _RAG_WORDS_SCALE,
        ["RAG"],
        [
            Section("1", "Families get early help without waiting for a diagnosis", [
                Act("1.1", "Offer an early help assessment to every family referred for a "
                    "neurodevelopmental assessment.", "Harun Osman (Head of Early Help)",
                    ["HO"], "Jan 2026", "2026-01", ["Green"],
                    extra={"progress": "- offer agreed\n- leaflet with forum"}),
                Act("1.2", "Run parenting workshops on sleep, anxiety and behaviour.",
                    "Harun Osman (Head of Early Help)", ["HO"], "Ongoing", None, ["Green"],
                    extra={"progress": "- six workshops held\n- 140 parents attended"}),
                Act("1.3", "Set up a single point of access for community health services.",
                    "Isla Lang (Children's Community Health Manager)", ["IL"], "Q2 2026/27",
                    "2026-09", ["Amber"], extra={"progress": "- business case drafted"}),
            ]),
            Section("2", "EHC plans are written well and on time", [
                Act("2.1", "Hold weekly EHC planning meetings with health and care.",
                    "Gemma Ward (Head of SEND)", ["GW"], "Oct 2025", "2025-10", ["Green"],
                    extra={"progress": "- meetings running since October"}),
                Act("2.2", "Bring new plans issued in 20 weeks up to 65%.", "Gemma Ward (Head "
                    "of SEND)", ["GW"], "Summer term 2026", "2026-07", ["Red"],
                    extra={"progress": "- 38% in the last quarter\n- agency staff funded"}),
            ]),
        ],
    )  # fmt: skip


def marston() -> Plan:
    """A WSoA as a PDF: a table per area of weakness, ratings in coloured cells."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("DCO", None, "Designated Clinical Officer"),
        _person("HSC", None, "Head of Children with Disabilities Service"),
        _person("QA", None, "SEND Quality Assurance Lead"),
    ]
    return Plan(
        "Marston Written Statement of Action",
        "Area of weakness",
        people,
        _RAG_WORDS_SCALE,
        ["Progress RAG"],
        [
            Section("1", "Health and social care contributions to EHC plans", [
                Act("1.1", "Agree a standard for health advice in EHC needs assessments.",
                    "Designated Clinical Officer", ["DCO"], "Sept 2025", "2025-09", ["Green"],
                    extra={"know": "Standard agreed by all providers; audit shows 90% "
                           "meet it."}),
                Act("1.2", "Make sure social care advice is requested for every assessment "
                    "of a child known to social care.", "Head of Children with Disabilities "
                    "Service", ["HSC"], "Dec 2025", "2025-12", ["Amber"],
                    extra={"know": "Social care advice in 95% of relevant plans."}),
                Act("1.3", "Include health and care in the monthly plan audit.", "SEND Quality "
                    "Assurance Lead", ["QA"], "Monthly from Oct 2025", None, ["Green"],
                    starts="2025-10",
                    extra={"know": "Audit findings reported to the board."}),
            ]),
            Section("2", "Annual reviews", [
                Act("2.1", "Hold every annual review on time and send the decision within "
                    "four weeks.", "Head of SEND", ["HSEND"], "Q4 2025/26", "2026-03",
                    ["Red"], extra={"know": "90% of reviews on time."}),
                Act("2.2", "Move annual review paperwork online for schools.", "Head of SEND",
                    ["HSEND"], "Spring term 2026", "2026-04", ["Amber"],
                    extra={"know": "All schools using the portal."}),
            ]),
        ],
    )  # fmt: skip


def newby() -> Plan:
    """An APP as a PDF: one wide table, accountable and responsible leads, four quarters."""
    people = [
        _person("EW", "Emma West", "Director of Children's Services"),
        _person("FB", "Faisal Butt", "Head of SEND"),
        _person("GL", "Grace Lin", "Head of Therapies"),
        _person("HM", "Harry Moss", "Head of Inclusion"),
    ]
    periods = ["Q1 25/26", "Q2 25/26", "Q3 25/26", "Q4 25/26"]
    return Plan(
        "Newby Accelerated Progress Plan",
        "Priority",
        people,
        _BRAG_SCALE,
        periods,
        [
            Section("1", "Timely assessment", [
                Act("1.1", "Bring all overdue EHC needs assessments to a decision.",
                    "Emma West / Faisal Butt", ["EW", "FB"], "Dec 2025", "2025-12",
                    ["R", "A", "G", ""], starts_text="Apr 2025", starts="2025-04",
                    extra={"milestones": "Sept 25: backlog halved",
                           "impact": "No assessment older than 20 weeks"}),
                Act("1.2", "Cut the wait for occupational therapy to 18 weeks.",
                    "Emma West / Grace Lin", ["EW", "GL"], "Jun 2026", "2026-06",
                    ["A", "A", "R", ""], starts_text="Jul 2025", starts="2025-07",
                    extra={"milestones": "Jan 26: two therapists recruited",
                           "impact": "92% seen within 18 weeks"}),
            ]),
            Section("2", "Inclusion", [
                Act("2.1", "Set up an inclusion partnership in each school locality.",
                    "Emma West / Harry Moss", ["EW", "HM"], "Mar 2026", "2026-03",
                    ["G", "G", "G", ""], starts_text="Apr 2025", starts="2025-04",
                    extra={"milestones": "Four partnerships meeting by Dec 25",
                           "impact": "Fewer suspensions of pupils with SEND"}),
                Act("2.2", "Publish the ordinarily available provision guide.",
                    "Harry Moss / Harry Moss", ["HM"], "Sept 2025", "2025-09",
                    ["G", "B", "", ""], starts_text="Apr 2025", starts="2025-04",
                    extra={"milestones": "Jul 25: guide approved",
                           "impact": "Guide used in every school"}),
                Act("2.3", "Give schools outreach from the specialist teaching service.",
                    "Emma West / Harry Moss", ["EW", "HM"], "Ongoing", None,
                    ["", "G", "A", ""], starts_text="Q2 2025/26", starts="2025-09",
                    extra={"milestones": "Termly review",
                           "impact": "Schools rate outreach good"}),
            ]),
        ],
    )  # fmt: skip


def oulton() -> Plan:
    """A priority action plan as a PDF: "Priority 1 - ..." headings, sub-refs 1a, 1b."""
    people = [
        _person("HSEND", None, "Head of SEND"),
        _person("HPA", None, "Head of Post-16"),
        _person("DCO", None, "DCO"),
        _person("VSH", None, "Virtual School Head"),
    ]
    return Plan(
        "Oulton SEND Priority Action Plan",
        "Priority",
        people,
        _WORDS_SCALE,
        ["Status"],
        [
            Section("1", "Leadership and oversight", [
                Act("1a", "Report the plan's progress to the SEND Partnership Board each "
                    "month.", "Head of SEND", ["HSEND"], "Monthly", None, ["On track"]),
                Act("1b", "Agree shared performance measures with health partners.", "DCO",
                    ["DCO"], "Oct 2025", "2025-10", ["Complete"]),
            ]),
            Section("2", "Post-16 and preparing for adulthood", [
                Act("2a", "Map post-16 places against need for the next five years.",
                    "Head of Post-16", ["HPA"], "Q3 2025/26", "2025-12", ["On track"]),
                Act("2b", "Start a supported employment forum with local employers.",
                    "Head of Post-16", ["HPA"], "Spring term 2026", "2026-04", ["Not started"]),
                Act("2c", "Track the destinations of care leavers with SEND.",
                    "Virtual School Head", ["VSH"], "31/07/26", "2026-07-31", ["At risk"]),
            ]),
        ],
        dated="2025-10-31",
    )  # fmt: skip


def pelham() -> Plan:
    """A tracker as a PDF: target and revised dates, a BRAG letter, long updates."""
    people = [
        _person("AW", "Alex Webb", None),
        _person("BK", "Bea King", None),
        _person("CM", "Callum Moore", None),
    ]
    return Plan(
        "Pelham SEND Improvement Tracker",
        "Workstream",
        people,
        _BRAG_SCALE,
        ["BRAG"],
        [
            Section("1", "Local offer and communication", [
                Act("1.1", "Refresh the Local Offer with families.", "Alex Webb", ["AW"],
                    "28/02/2026", "2026-02-28", ["A"],
                    extra={"target": "31/10/2025", "update": "Supplier changed in September."
                           "\n• new site in test\n• forum reviewing content"}),
                Act("1.2", "Send a SEND newsletter to families each term.", "Bea King",
                    ["BK"], "Termly", None, ["G"],
                    extra={"target": "Termly", "update": "Autumn edition sent."}),
                Act("1.3", "Train the contact centre to answer SEND questions.", "Bea King",
                    ["BK"], "30/11/2025", "2025-11-30", ["B"],
                    extra={"target": "30/11/2025", "update": "All staff trained."}),
            ]),
            Section("2", "Alternative provision", [
                Act("2.1", "Commission a quality assured list of alternative providers.",
                    "Callum Moore", ["CM"], "31/03/2026", "2026-03-31", ["G"],
                    extra={"target": "31/03/2026", "update": "Framework out to tender."}),
                Act("2.2", "Check every pupil in alternative provision has a plan to return "
                    "or move on.", "Callum Moore / Alex Webb", ["CM", "AW"], "31/05/2026",
                    "2026-05-31", ["R"],
                    extra={"target": "31/01/2026", "update": "Reviews behind.\n• 54 pupils "
                           "without a review\n• extra officer from February"}),
            ]),
        ],
        dated="2025-12-31",
    )  # fmt: skip


# =============================================================================================
# Text layouts


def _rag_key_line(scale: list[Doc]) -> str:
    return "; ".join(f"{s['code']} = {s['label']}" for s in scale)


def ashcombe_txt(plan: Plan) -> bytes:
    """Copied from a council web page: headings, a finding, then a table as tab lines."""
    lines = [
        plan.title,
        "Published 14 July 2025",
        "",
        "Home > Children and families > SEND > Our Written Statement of Action",
        "",
        "Ofsted and the CQC inspected our local area in March 2025. They asked us to write "
        "a Written Statement of Action explaining how we will improve two areas of "
        "significant weakness.",
        "",
        "How we show progress: " + _rag_key_line(plan.scale) + ".",
        "",
    ]
    for s in plan.sections:
        lines += [f"Area of weakness {s.ref}: {s.title}", ""]
        lines += ["What the inspectors said: leaders have not made enough progress.", ""]
        lines.append("Ref\tWhat we will do\tWho\tBy when\tHow we will know\tProgress RAG")
        for a in s.actions:
            lines.append(
                "\t".join(
                    [a.ref or "", a.title, a.lead_text, a.due_text, a.extra["know"], a.ratings[0]]
                )
            )
        lines.append("")
    lines += ["Was this page helpful? Yes / No", "Report a problem with this page"]
    return "\n".join(lines).encode()


def _wrapped(text: str, width: int) -> list[str]:
    out: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        out.append(line)
    return out


def brindle_txt(plan: Plan) -> bytes:
    """Copied out of a PDF: wrapped lines, a page footer, each action a block of labels."""
    lines = [plan.title, "", "Status key: Complete, On track, At risk, Off track, Not started", ""]
    page = 1
    for s in plan.sections:
        lines += [f"Priority {s.ref} - {s.title}", ""]
        for a in s.actions:
            wrapped = _wrapped(a.title, 70)
            lines.append(f"{a.ref}  {wrapped[0]}")
            lines += [f"    {rest}" for rest in wrapped[1:]]
            lines += [f"Lead: {a.lead_text}", f"By: {a.due_text}", f"Status: {a.ratings[0]}", ""]
        lines += [f"Brindle SEND Priority Action Plan  Page {page} of 2", "\f"]
        page += 1
    return "\n".join(lines).encode()


def cotswick_txt(plan: Plan) -> bytes:
    """A web page copied: outcome, "Key actions", a table whose list cell runs over lines."""
    lines = [plan.title, "", "Our plan is built around the outcomes families told us matter.", ""]
    for s in plan.sections:
        lines += [f"Outcome {s.ref}: {s.title}", "", "Key actions", ""]
        lines.append("Ref\tKey action\tLead\tTimescale\tStatus")
        for a in s.actions:
            if "\n" in a.title:
                # A browser copies a list inside a cell as lines of their own.
                first, *rest = a.title.split("\n")
                lines.append(f"{a.ref}\t{first}")
                lines += rest
                lines.append(f"\t{a.lead_text}\t{a.due_text}\t{a.ratings[0]}")
            else:
                lines.append(
                    "\t".join([a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]])
                )
        lines.append("")
    return "\n".join(lines).encode()


def _quoted(text: str) -> str:
    if "\n" in text or '"' in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def dunmere_txt(plan: Plan) -> bytes:
    """Excel cells copied as text: tabs, cells with line breaks quoted, workstream rows."""
    lines = [plan.title, "Key: " + ", ".join(f"{s['code']} - {s['label']}" for s in plan.scale)]
    lines.append("Ref\tAction\tOwner\tTarget date\tRevised date\tBRAG\tUpdate")
    for s in plan.sections:
        lines.append(f"Workstream {s.ref}: {s.title}\t\t\t\t\t\t")
        for a in s.actions:
            revised = a.due_text if a.due_text != a.extra["target"] else ""
            lines.append(
                "\t".join(
                    [
                        a.ref or "",
                        a.title,
                        a.lead_text,
                        a.extra["target"],
                        revised,
                        a.ratings[0],
                        _quoted(a.extra["update"]),
                    ]
                )
            )
    return "\r\n".join(lines).encode("utf-8")


# =============================================================================================
# Word layouts


def _shade(cell: Any, hex_colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), hex_colour)
    props.append(shading)


def _cell_lines(cell: Any, text: str) -> None:
    """A cell's text a paragraph a line, as Word keeps a list typed in a cell."""
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _table(document: Any, rows: list[list[str]]) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            _cell_lines(table.cell(r, c), value)
    return table


def _landscape(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)


def elstow_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("Version 1.2, agreed by the SEND Partnership Board, June 2025")
    document.add_paragraph(
        "This statement sets out what the local area will do about the two areas of "
        "significant weakness found at the inspection in February 2025."
    )
    document.add_paragraph(
        "RAG: Green = on track; Amber = some concerns; Red = significant concerns."
    )
    for s in plan.sections:
        document.add_heading(f"Area of Weakness {s.ref} – {s.title}", level=1)
        document.add_paragraph("What the inspectors found:").runs[0].bold = True
        document.add_paragraph("Leaders' oversight of this area has been weak.")
        rows = [["No.", "What we will do", "Who", "By when", "How we will know", "Progress RAG"]]
        for a in s.actions:
            rows.append(
                [a.ref or "", a.title, a.lead_text, a.due_text, a.extra["know"], a.ratings[0]]
            )
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, 5), _FILLS[a.ratings[0]])
    return saved(document)


def fordham_docx(plan: Plan) -> bytes:
    document = docx.Document()
    _landscape(document)
    document.add_heading(plan.title, level=0)
    document.add_paragraph(
        "Submitted to the DfE and NHS England, May 2025. Reviewed at each six-monthly stocktake."
    )
    key = _table(
        document, [["B", "Complete"], ["G", "On track"], ["A", "At risk"], ["R", "Off track"]]
    )
    for r, code in enumerate("BGAR"):
        _shade(key.cell(r, 0), _FILLS[code])
    document.add_paragraph("")
    heads = [
        "Ref",
        "Action",
        "Accountable lead",
        "Responsible officer",
        "Start",
        "End",
        "Milestones",
        "Evidence of impact",
    ]
    band = [*[""] * len(heads), "RAG 2025/26", "", "", ""]
    second = [*heads, "Q1", "Q2", "Q3", "Q4"]
    rows = [band, second]
    merged: list[tuple[int, str]] = []
    for s in plan.sections:
        merged.append((len(rows), f"Priority area {s.ref}: {s.title}"))
        rows.append([""] * len(second))
        for a in s.actions:
            accountable, _, responsible = a.lead_text.partition(" / ")
            rows.append(
                [
                    a.ref or "",
                    a.title,
                    accountable,
                    responsible,
                    a.starts_text,
                    a.due_text,
                    a.extra["milestones"],
                    a.extra["impact"],
                    *a.ratings,
                ]
            )
    table = _table(document, rows)
    first = table.cell(0, len(heads))
    first.merge(table.cell(0, len(second) - 1)).text = "RAG 2025/26"
    for c in range(len(heads)):
        table.cell(0, c).merge(table.cell(1, c)).text = heads[c]
    for r, text in merged:
        table.cell(r, 0).merge(table.cell(r, len(second) - 1)).text = text
    return saved(document)


def greywell_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph("October 2025 update")
    document.add_heading("Status key", level=2)
    _table(
        document,
        [
            ["Status", "What it means"],
            ["Complete", "Done and embedded"],
            ["On track", "Will be delivered on time"],
            ["At risk", "May slip; action in hand"],
            ["Off track", "Will not be delivered on time"],
            ["Not started", "Not due to start yet"],
        ],
    )
    for s in plan.sections:
        document.add_heading(f"Priority {s.ref} - {s.title}", level=1)
        document.add_paragraph(
            "Why this matters: families told us this is what most needs to change."
        )
        rows = [["Ref", "Action", "Lead", "Timescale", "Status"]]
        for a in s.actions:
            rows.append([a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]])
        _table(document, rows)
    return saved(document)


def hexley_docx(plan: Plan) -> bytes:
    document = docx.Document()
    document.add_heading(plan.title, level=0)
    document.add_paragraph(
        "Progress is rated Green (on track), Amber (some risk to delivery) or Red (will not "
        "be delivered on time)."
    )
    for s in plan.sections:
        document.add_heading(f"Outcome {s.ref}: {s.title}", level=1)
        document.add_paragraph("What we want to achieve: " + s.title.lower() + ".")
        document.add_paragraph("Key actions").runs[0].bold = True
        rows = [["Key action", "Lead", "When", "RAG"]]
        for a in s.actions:
            rows.append([a.title, a.lead_text, a.due_text, ""])
        table = _table(document, rows)
        for r, a in enumerate(s.actions, start=1):
            _shade(table.cell(r, 3), _FILLS[a.ratings[0]])
    return saved(document)


# =============================================================================================
# Excel layouts


def _fill(cell: Any, code: str) -> None:
    cell.fill = PatternFill("solid", fgColor=_FILLS[code])


def _wrap(sheet: Any) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _date(text: str) -> object:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return text


def ivybridge_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Last updated: 28 November 2025"])
    sheet.append([])
    heads = ["Ref", "Action", "Owner", "Target date", "Revised date", "BRAG", "Update"]
    sheet.append(heads)
    for s in plan.sections:
        sheet.append([f"Workstream {s.ref}: {s.title}"])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(heads))
        sheet.cell(row, 1).font = Font(bold=True)
        for a in s.actions:
            revised = _date(a.due_text) if a.due_text != a.extra["target"] else None
            sheet.append(
                [
                    a.ref,
                    a.title,
                    a.lead_text,
                    _date(a.extra["target"]),
                    revised,
                    a.ratings[0],
                    a.extra["update"],
                ]
            )
            _fill(sheet.cell(sheet.max_row, 6), a.ratings[0])
            for c in (4, 5):
                sheet.cell(sheet.max_row, c).number_format = "dd/mm/yyyy"
    _wrap(sheet)
    key = book.create_sheet("Key")
    for status in plan.scale:
        key.append([status["code"], status["label"]])
    return saved(book)


def jarrow_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    intro = book.active
    intro.title = "Overview"
    intro.append([plan.title])
    intro.append(["Agreed with the DfE SEND adviser and NHS England, March 2025."])
    intro.append([])
    intro.append(["BRAG", "Meaning"])
    for status in plan.scale:
        intro.append([status["code"], status["label"]])
    heads = [
        "Ref",
        "Action",
        "Accountable lead",
        "Responsible officer",
        "Start",
        "End",
        "Milestones",
        "Evidence of impact",
        "Q1 RAG",
        "Q2 RAG",
        "Q3 RAG",
        "Q4 RAG",
    ]
    for s in plan.sections:
        sheet = book.create_sheet(f"Priority {s.ref}")
        sheet.append([f"Priority {s.ref}: {s.title}"])
        sheet.append([])
        sheet.append(heads)
        for a in s.actions:
            accountable, _, responsible = a.lead_text.partition(" / ")
            sheet.append(
                [
                    a.ref,
                    a.title,
                    accountable,
                    responsible or accountable,
                    a.starts_text,
                    a.due_text,
                    a.extra["milestones"],
                    a.extra["impact"],
                    *a.ratings,
                ]
            )
            for n, code in enumerate(a.ratings):
                if code:
                    _fill(sheet.cell(sheet.max_row, 9 + n), code)
        _wrap(sheet)
    return saved(book)


def kirkby_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PAP"
    sheet.append([plan.title])
    sheet.append(["Status as at end of November 2025"])
    heads = ["Ref", "Action", "Lead", "Deadline", "Status", "Comments"]
    sheet.append(heads)
    choice = DataValidation(
        type="list", formula1='"' + ",".join(s["code"] for s in plan.scale) + '"'
    )
    sheet.add_data_validation(choice)
    for s in plan.sections:
        sheet.append([f"Priority {s.ref} - {s.title}"])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(heads))
        sheet.cell(row, 1).fill = PatternFill("solid", fgColor="1F3864")
        sheet.cell(row, 1).font = Font(bold=True, color="FFFFFF")
        for a in s.actions:
            sheet.append([a.ref, a.title, a.lead_text, a.due_text, a.ratings[0], ""])
            choice.add(sheet.cell(sheet.max_row, 5))
            _fill(sheet.cell(sheet.max_row, 5), a.ratings[0])
    _wrap(sheet)
    return saved(book)


def lydford_xlsx(plan: Plan) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Outcomes plan"
    sheet.append([plan.title])
    sheet.append([])
    heads = ["Outcome", "Key actions", "Lead", "Timescale", "Progress", "RAG"]
    sheet.append(heads)
    for s in plan.sections:
        first = sheet.max_row + 1
        for a in s.actions:
            sheet.append(
                [
                    f"Outcome {s.ref}: {s.title}" if sheet.max_row + 1 == first else None,
                    f"{a.ref} {a.title}",
                    a.lead_text,
                    a.due_text,
                    a.extra["progress"],
                    a.ratings[0],
                ]
            )
            _fill(sheet.cell(sheet.max_row, 6), a.ratings[0])
        sheet.merge_cells(start_row=first, start_column=1, end_row=sheet.max_row, end_column=1)
    _wrap(sheet)
    return saved(book)


# =============================================================================================
# PDF layouts (HTML printed by WeasyPrint)


_CSS = (
    "@page { size: A4; margin: 1.8cm; }"
    "@page wide { size: A4 landscape; margin: 1.5cm; }"
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }"
    "h1 { font-size: 16pt; } h2 { font-size: 12pt; }"
    "table { border-collapse: collapse; width: 100%; margin: 6pt 0; }"
    "td, th { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; "
    "text-align: left; }"
    "th { background: #1F3864; color: #fff; }"
    "td p { margin: 0; } ul { margin: 0; padding-left: 10pt; }"
)


def _td(text: str, fill: str = "", span: int = 1) -> str:
    style = f" style='background:#{fill}'" if fill else ""
    colspan = f" colspan='{span}'" if span > 1 else ""
    lines = text.split("\n")
    bullets = [line[2:] for line in lines if line.startswith(("• ", "- "))]
    plain = [line for line in lines if not line.startswith(("• ", "- "))]
    body = "".join(f"<p>{escape(line)}</p>" for line in plain)
    if bullets:
        body += "<ul>" + "".join(f"<li>{escape(b)}</li>" for b in bullets) + "</ul>"
    return f"<td{style}{colspan}>{body}</td>"


def _th_row(heads: list[str]) -> str:
    return "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>"


def _pdf(body: str, *, wide: bool = False) -> bytes:
    import weasyprint

    page = "body { page: wide; }" if wide else ""
    html = f"<html><head><meta charset='utf-8'><style>{_CSS}{page}</style></head>"
    html += f"<body>{body}</body></html>"
    return bytes(weasyprint.HTML(string=html).write_pdf())


def marston_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Agreed by Ofsted and the CQC, September 2025.</p>"
    body += "<p>RAG ratings: " + escape(_rag_key_line(plan.scale)) + ".</p>"
    for s in plan.sections:
        body += f"<h2>Area of weakness {s.ref}: {escape(s.title)}</h2>"
        body += "<p>The inspection found that this was not yet good enough.</p><table><thead>"
        body += _th_row(
            ["Ref", "What we will do", "Who", "By when", "How we will know", "Progress RAG"]
        )
        body += "</thead><tbody>"
        for a in s.actions:
            body += "<tr>" + "".join(
                _td(t) for t in [a.ref or "", a.title, a.lead_text, a.due_text, a.extra["know"]]
            )
            body += _td(a.ratings[0], _FILLS[a.ratings[0]]) + "</tr>"
        body += "</tbody></table>"
    return _pdf(body)


def newby_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Version 3, December 2025.</p>"
    body += "<p>Key: B = Complete, G = On track, A = At risk, R = Off track.</p><table><thead>"
    heads = [
        "Ref",
        "Action",
        "Accountable lead",
        "Responsible officer",
        "Start",
        "End",
        "Milestones",
        "Evidence of impact",
        *plan.periods,
    ]
    body += _th_row(heads) + "</thead><tbody>"
    for s in plan.sections:
        body += "<tr>" + _td(f"Priority {s.ref}: {s.title}", "D9E2F3", len(heads)) + "</tr>"
        for a in s.actions:
            accountable, _, responsible = a.lead_text.partition(" / ")
            cells = [
                a.ref or "",
                a.title,
                accountable,
                responsible or accountable,
                a.starts_text,
                a.due_text,
                a.extra["milestones"],
                a.extra["impact"],
            ]
            body += "<tr>" + "".join(_td(t) for t in cells)
            body += "".join(_td(c, _FILLS[c] if c else "") for c in a.ratings) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


def oulton_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Progress to 31 October 2025</p>"
    for s in plan.sections:
        body += f"<h2>Priority {s.ref} - {escape(s.title)}</h2><table><thead>"
        body += _th_row(["Ref", "Action", "Lead", "By when", "Status"]) + "</thead><tbody>"
        for a in s.actions:
            body += (
                "<tr>"
                + "".join(
                    _td(t) for t in [a.ref or "", a.title, a.lead_text, a.due_text, a.ratings[0]]
                )
                + "</tr>"
            )
        body += "</tbody></table>"
    return _pdf(body)


def pelham_pdf(plan: Plan) -> bytes:
    body = f"<h1>{escape(plan.title)}</h1><p>Position at 1 December 2025</p>"
    body += "<p>BRAG: B Complete / G On track / A At risk / R Off track</p><table><thead>"
    heads = ["Ref", "Action", "Owner", "Target date", "Revised date", "BRAG", "Update"]
    body += _th_row(heads) + "</thead><tbody>"
    for s in plan.sections:
        body += "<tr>" + _td(f"Workstream {s.ref}: {s.title}", "D9D9D9", len(heads)) + "</tr>"
        for a in s.actions:
            revised = a.due_text if a.due_text != a.extra["target"] else ""
            cells = [a.ref or "", a.title, a.lead_text, a.extra["target"], revised]
            body += "<tr>" + "".join(_td(t) for t in cells)
            body += _td(a.ratings[0], _FILLS[a.ratings[0]]) + _td(a.extra["update"]) + "</tr>"
    body += "</tbody></table>"
    return _pdf(body, wide=True)


# =============================================================================================
# The corpus


@dataclass(frozen=True)
class Unseen19:
    name: str
    filename: str
    plan: Callable[[], Plan]
    lay_out: Callable[[Plan], bytes]
    # How the file arrives, in a few words.
    layout: str

    @property
    def blind(self) -> bool:
        return blind(self.name)

    def build(self) -> bytes:
        return self.lay_out(self.plan())

    def reference(self) -> Doc:
        return self.plan().reference()


CORPUS = (
    Unseen19("Ashcombe WSoA", "ashcombe-wsoa.txt", ashcombe, ashcombe_txt,
             "web page copied, a table per area"),
    Unseen19("Brindle PAP", "brindle-pap.txt", brindle, brindle_txt,
             "PDF copied, labelled lines, 1a"),
    Unseen19("Cotswick outcomes plan", "cotswick-plan.txt", cotswick, cotswick_txt,
             "web page, outcomes, list in a cell"),
    Unseen19("Dunmere tracker", "dunmere-tracker.txt", dunmere, dunmere_txt,
             "Excel cells pasted, revised dates"),
    Unseen19("Elstow WSoA", "elstow-wsoa.docx", elstow, elstow_docx,
             "Word, a table per area, bullets"),
    Unseen19("Fordham APP", "fordham-app.docx", fordham, fordham_docx,
             "Word APP, two leads, Q1-Q4 band"),
    Unseen19("Greywell PAP", "greywell-pap.docx", greywell, greywell_docx,
             "Word, 'Priority 1 - ', 1a, Name (Role)"),
    Unseen19("Hexley outcomes plan", "hexley-plan.docx", hexley, hexley_docx,
             "Word, outcomes, no refs, shaded RAG"),
    Unseen19("Ivybridge tracker", "ivybridge-tracker.xlsx", ivybridge, ivybridge_xlsx,
             "Excel, target and revised dates"),
    Unseen19("Jarrow APP", "jarrow-app.xlsx", jarrow, jarrow_xlsx,
             "Excel APP, a sheet per priority"),
    Unseen19("Kirkby PAP", "kirkby-pap.xlsx", kirkby, kirkby_xlsx,
             "Excel, 'Priority 1 - ' rows, drop-down"),
    Unseen19("Lydford outcomes plan", "lydford-plan.xlsx", lydford, lydford_xlsx,
             "Excel, outcome merged down, refs inside"),
    Unseen19("Marston WSoA", "marston-wsoa.pdf", marston, marston_pdf,
             "PDF, a table per area, RAG words"),
    Unseen19("Newby APP", "newby-app.pdf", newby, newby_pdf,
             "PDF landscape APP, two leads"),
    Unseen19("Oulton PAP", "oulton-pap.pdf", oulton, oulton_pdf,
             "PDF, 'Priority 1 - ' headings, 1a"),
    Unseen19("Pelham tracker", "pelham-tracker.pdf", pelham, pelham_pdf,
             "PDF landscape tracker, bullets"),
)  # fmt: skip

DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Unseen19) -> Doc:
    document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    return document["plan"]


def figures(plan: Unseen19) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]
