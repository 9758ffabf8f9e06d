"""Invented plans whose tables lost their grid on the way: text copied from a PDF or a web
page with each cell on a line of its own, or each row on one line with its cells run
together by single spaces.

Each plan is a text file in fixtures/cell_lines/ and, here, the plan a careful person would
enter by hand from it: its sections, and each action's ref, words, leads, due date and
rating. The officers, areas and actions are invented. The quirks are those such text has: an
action wrapped over two lines, a cell left empty and so missing altogether, priority lines
between groups of rows, page footers and the headings repeated on each page, refs on lines of
their own or opening the action's line, the lead's column before the action's.

The first six ("dev") were written before the rules that read them (parsers/cell_lines.py);
the last three ("blind") were written after those rules, and scored before any change for
them. bench/parse_cell_lines.py prints the figures; test_parse_cell_lines.py holds floors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.parsers.people import slug
from sendplan.interchange.tests.accuracy import Figure, agreement

CORPUS = Path(__file__).resolve().parent / "fixtures" / "cell_lines"

Doc = dict[str, Any]

# The figures a reader of the import would check first.
NAMED = ("actions found", "refs", "titles", "leads", "due dates", "status cells", "section titles")


@dataclass(frozen=True)
class Act:
    """An action as entered by hand: its ref ("" for none), words, leads as written (a post,
    or a person's name, which `Flat.names` lists), due date and rating."""

    ref: str
    title: str
    leads: tuple[str, ...] = ()
    due: str | None = None
    due_text: str = ""
    rating: str = ""


@dataclass(frozen=True)
class Part:
    ref: str
    title: str
    actions: tuple[Act, ...]


@dataclass(frozen=True)
class Flat:
    name: str
    file: str
    layout: str
    parts: tuple[Part, ...]
    # The heading of the ratings' column (the period they were given in), if there is one.
    period: str = ""
    # The last day of that period, when the plan dates it ("Progress as at October 2024").
    period_ends: str = ""
    # The plan's ratings, each with the colour the plan gives it.
    scale: tuple[tuple[str, str], ...] = ()
    # Leads that are people's names rather than posts.
    names: frozenset[str] = frozenset()
    # Written after the rules and scored before any change for it.
    blind: bool = False

    def text(self) -> bytes:
        return (CORPUS / self.file).read_bytes()

    def reference(self) -> Doc:
        """The plan as entered by hand, in the plan format."""
        people: dict[str, Doc] = {}
        sections = []
        for part in self.parts:
            actions = []
            for act in part.actions:
                keys = []
                for lead in act.leads:
                    person = {"name": lead} if lead in self.names else {"role": lead}
                    people.setdefault(slug(lead), {"key": slug(lead), **person})
                    keys.append(slug(lead))
                item: Doc = {"title": act.title, "leads": keys}
                if act.ref:
                    item["ref"] = act.ref
                if act.due:
                    item["due"] = act.due
                if act.due_text:
                    item["due_text"] = act.due_text
                if act.rating:
                    item["updates"] = [{"period": self.period, "status": act.rating}]
                actions.append(item)
            section: Doc = {"title": part.title, "actions": actions}
            if part.ref:
                section["ref"] = part.ref
            sections.append(section)
        plan: Doc = {"people": list(people.values()), "sections": sections}
        if self.period:
            period: Doc = {"label": self.period}
            if self.period_ends:
                period["ends_on"] = self.period_ends
            plan["periods"] = [period]
            plan["status_scale"] = [{"code": code, "colour": colour} for code, colour in self.scale]
        return plan


BRAG = (("Blue", "blue"), ("Green", "green"), ("Amber", "amber"), ("Red", "red"))
# With no sections named, the importer puts the actions in one called "Actions".
NONE = "Actions"

PLANS = (
    Flat(
        "Ashcombe roadmap",
        "ashcombe-roadmap-2025.txt",
        "a cell a line, no refs, posts",
        (
            Part(
                "",
                NONE,
                (
                    Act(
                        "",
                        "Improve the timeliness of EHC needs assessments",
                        ("Head of SEND",),
                        "2026-03",
                        "March 2026",
                    ),
                    Act(
                        "",
                        "Recruit two additional educational psychologists",
                        ("Principal Educational Psychologist",),
                        "2025-12",
                        "December 2025",
                    ),
                    Act(
                        "",
                        "Publish a refreshed local offer with families",
                        ("Local Offer Manager",),
                        "2026-01",
                        "January 2026",
                    ),
                    Act(
                        "",
                        "Set up a joint panel for children with complex health needs",
                        ("Designated Clinical Officer",),
                        "2025-09",
                        "September 2025",
                    ),
                ),
            ),
        ),
    ),
    Flat(
        "Brindle APP",
        "brindle-app-2024.txt",
        "a cell a line, refs alone, wraps",
        (
            Part(
                "1",
                "Communication with families",
                (
                    Act(
                        "1.1",
                        "Write to every family waiting for an assessment with an "
                        "expected date for its completion",
                        ("Head of SEND Casework",),
                        "2024-11",
                        "November 2024",
                        "Green",
                    ),
                    Act(
                        "1.2",
                        "Hold termly open forums with the parent carer forum",
                        ("Participation Lead",),
                        "2024-12",
                        "December 2024",
                        "Amber",
                    ),
                ),
            ),
            Part(
                "2",
                "Quality of EHC plans",
                (
                    Act(
                        "2.1",
                        "Audit twenty EHC plans each month against the quality standard",
                        ("Quality Assurance Officer",),
                        None,
                        "Monthly",
                        "Green",
                    ),
                    Act(
                        "2.2",
                        "Train all casework officers in writing outcomes that are "
                        "specific and measurable",
                        ("SEND Training Coordinator",),
                        "2025-02",
                        "February 2025",
                        "Red",
                    ),
                    Act(
                        "2.3",
                        "Share audit findings with health and social care partners",
                        ("Designated Medical Officer",),
                        "2025-03",
                        "March 2025",
                        "Amber",
                    ),
                ),
            ),
        ),
        period="October 2024",
        period_ends="2024-10-31",
        scale=BRAG,
    ),
    Flat(
        "Calder WSoA",
        "calder-plan-2025.txt",
        "a cell a line, cells missing, pages",
        (
            Part(
                "",
                NONE,
                (
                    Act(
                        "",
                        "Agree a single front door for SEND enquiries",
                        ("Marion Hughes",),
                        "2025-06-30",
                        "30/06/2025",
                        "On track",
                    ),
                    Act(
                        "",
                        "Introduce a dashboard of waiting times for therapies",
                        ("Gareth Lloyd",),
                        "2025-08-31",
                        "31/08/2025",
                        "Delayed",
                    ),
                    Act(
                        "",
                        "Review the banding of top-up funding with schools",
                        (),
                        None,
                        "",
                        "On track",
                    ),
                    Act(
                        "",
                        "Extend the portage service to every family hub",
                        ("Aisha Karim",),
                        "2025-12-31",
                        "31/12/2025",
                        "Not started",
                    ),
                    Act(
                        "",
                        "Publish annual review timeliness each quarter",
                        ("Gareth Lloyd",),
                        None,
                        "",
                        "Complete",
                    ),
                ),
            ),
        ),
        period="Status",
        scale=(
            ("On track", "green"),
            ("Delayed", "red"),
            ("Not started", "white"),
            ("Complete", "blue"),
        ),
        names=frozenset({"Marion Hughes", "Gareth Lloyd", "Aisha Karim"}),
    ),
    Flat(
        "Dunmore WSoA",
        "dunmore-wsoa-2023.txt",
        "a cell a line, lead first, refs open",
        (
            Part(
                "1",
                "Identification of needs in the early years",
                (
                    Act(
                        "1.1",
                        "Roll out a health and development check at two and a half in "
                        "every nursery",
                        ("Early Years SEND Manager",),
                        "2024-04",
                        "April 2024",
                    ),
                    Act(
                        "1.2",
                        "Share the results of the two-year check with the family's setting",
                        ("Health Visiting Lead",),
                        "2024-06",
                        "June 2024",
                    ),
                    Act(
                        "1.3",
                        "Train nursery practitioners in early identification of speech delay",
                        ("Early Years SEND Manager",),
                        "2024-09",
                        "September 2024",
                    ),
                ),
            ),
            Part(
                "2",
                "Joint commissioning",
                (
                    Act(
                        "2.1",
                        "Agree a joint commissioning strategy with the integrated care board",
                        ("Head of Joint Commissioning",),
                        "2024-03",
                        "March 2024",
                    ),
                    Act(
                        "2.2",
                        "Pool budgets for equipment across education, health and care",
                        ("Head of Joint Commissioning", "Designated Clinical Officer"),
                        "2024-10",
                        "October 2024",
                    ),
                ),
            ),
        ),
    ),
    Flat(
        "Eskdale strategy",
        "eskdale-strategy-2025.txt",
        "a row a line, cells run together",
        (
            Part(
                "",
                NONE,
                (
                    Act(
                        "",
                        "Improve the timeliness of EHC needs assessments",
                        ("Head of SEND",),
                        "2026-03",
                        "March 2026",
                    ),
                    Act(
                        "",
                        "Publish a new local offer website",
                        ("Local Offer Manager",),
                        "2025-12",
                        "December 2025",
                    ),
                    Act(
                        "",
                        "Develop a graduated approach toolkit for mainstream schools",
                        ("Inclusion Manager",),
                        "2026-07",
                        "July 2026",
                    ),
                    Act(
                        "",
                        "Commission additional specialist places for autistic pupils",
                        ("Head of Commissioning",),
                        "2026-09",
                        "September 2026",
                    ),
                    Act(
                        "",
                        "Agree a transitions protocol with the adult social care team",
                        ("Preparing for Adulthood Lead",),
                        "2026-01",
                        "January 2026",
                    ),
                    Act(
                        "",
                        "Launch a SENCO network across the three localities",
                        ("Rosa Delgado",),
                        "2026-04",
                        "April 2026",
                    ),
                ),
            ),
        ),
        names=frozenset({"Rosa Delgado"}),
    ),
    Flat(
        "Foxley tracker",
        "foxley-tracker-2024.txt",
        "a cell a line, headings each group",
        (
            Part(
                "1",
                "Early intervention",
                (
                    Act(
                        "",
                        "Open an early help hub in each of the four localities",
                        ("Family Hubs Manager",),
                        "2024-07",
                        "July 2024",
                        "Green",
                    ),
                    Act(
                        "",
                        "Recruit a speech and language therapist for every hub",
                        ("Therapies Service Manager",),
                        "2024-10",
                        "October 2024",
                        "Amber",
                    ),
                ),
            ),
            Part(
                "2",
                "Preparing for adulthood",
                (
                    Act(
                        "",
                        "Offer a supported internship to every young person with an EHC "
                        "plan at the end of year 13",
                        ("Post-16 SEND Lead",),
                        "2025-09",
                        "September 2025",
                        "Red",
                    ),
                    Act(
                        "",
                        "Map the housing options for young adults with learning disabilities",
                        ("Adult Social Care Commissioner",),
                        "2025-03",
                        "March 2025",
                        "Green",
                    ),
                    Act(
                        "",
                        "Hold a preparing for adulthood fair each spring",
                        ("Careers Adviser",),
                        None,
                        "Annually",
                        "Blue",
                    ),
                ),
            ),
        ),
        period="RAG rating",
        scale=BRAG,
    ),
    # Written after the rules, and scored before any change for them.
    Flat(
        "Garrow PAP",
        "garrow-plan-2025.txt",
        "a cell a line, an update column",
        (
            Part(
                "",
                NONE,
                (
                    Act(
                        "",
                        "Reduce the backlog of annual reviews older than twelve months",
                        ("Annual Review Team Manager",),
                        "2025-07-31",
                        "31 July 2025",
                    ),
                    Act(
                        "",
                        "Publish a new EHC plan template agreed with parents",
                        ("Head of SEND Assessment",),
                        "2025-04-30",
                        "30 April 2025",
                    ),
                    Act(
                        "",
                        "Bring the neurodevelopmental pathway under a single provider",
                        ("ICB Head of Children's Commissioning",),
                        "2026-03-31",
                        "31 March 2026",
                    ),
                    Act(
                        "",
                        "Introduce SEND training for new headteachers",
                        ("Inclusion Adviser",),
                        "2025-09-30",
                        "30 September 2025",
                    ),
                ),
            ),
        ),
        blind=True,
    ),
    Flat(
        "Hexley WSoA",
        "hexley-wsoa-2022.txt",
        "a cell a line, pages, two leads",
        (
            Part(
                "",
                NONE,
                (
                    Act(
                        "1.1",
                        "Set up a multi-agency panel to agree placements for children in crisis",
                        ("Jane Cole", "Amir Patel"),
                        "2022-11",
                        "November 2022",
                        "Blue",
                    ),
                    Act(
                        "1.2",
                        "Publish the panel's decisions to families within ten working days",
                        ("Jane Cole",),
                        "2023-01",
                        "January 2023",
                        "Green",
                    ),
                    Act(
                        "1.3",
                        "Review the panel's terms of reference after six months",
                        ("Amir Patel",),
                        "2023-06",
                        "June 2023",
                        "Amber",
                    ),
                    Act(
                        "2.1",
                        "Commission an independent review of home to school transport for "
                        "young people with SEND",
                        ("Transport Manager",),
                        "2023-03",
                        "March 2023",
                        "Red",
                    ),
                    Act(
                        "2.2",
                        "Co-produce a transport policy with the parent carer forum",
                        ("Transport Manager", "Participation Officer"),
                        "2023-09",
                        "September 2023",
                        "Amber",
                    ),
                ),
            ),
        ),
        period="BRAG",
        scale=BRAG,
        names=frozenset({"Jane Cole", "Amir Patel"}),
        blind=True,
    ),
    Flat(
        "Isling strategy",
        "isling-strategy-2024.txt",
        "a row a line, refs and ratings",
        (
            Part(
                "",
                NONE,
                (
                    Act(
                        "1.1",
                        "Publish the Local Offer annual report with the parent carer forum",
                        ("Participation Manager",),
                        "2025-07",
                        "July 2025",
                        "Green",
                    ),
                    Act(
                        "1.2",
                        "Set up a SEND information line for families",
                        ("Family Information Service Manager",),
                        "2024-10",
                        "October 2024",
                        "Amber",
                    ),
                    Act(
                        "1.3",
                        "Agree a joint protocol for health advice to EHC needs assessments",
                        ("Designated Clinical Officer",),
                        "2024-12",
                        "December 2024",
                        "Green",
                    ),
                    Act(
                        "2.1",
                        "Expand the specialist teaching service to every school cluster",
                        ("Head of SEND and Inclusion",),
                        "2025-04",
                        "April 2025",
                        "Red",
                    ),
                    Act(
                        "2.2",
                        "Recommission speech and language therapy for schools",
                        ("SEND Commissioning Manager",),
                        "2025-03",
                        "March 2025",
                        "Amber",
                    ),
                ),
            ),
        ),
        period="RAG",
        scale=BRAG,
        blind=True,
    ),
)

DEV = tuple(plan for plan in PLANS if not plan.blind)
BLIND = tuple(plan for plan in PLANS if plan.blind)


@cache
def parsed(plan: Flat) -> Doc:
    document: Doc = parse_file_inprocess(plan.text(), plan.file).document
    return document


def figures(plan: Flat) -> list[Figure]:
    return agreement(parsed(plan)["plan"], plan.reference())
