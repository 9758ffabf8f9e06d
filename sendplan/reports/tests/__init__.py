"""The shared test plan, grown to what reports need: several periods with ratings that move,
a re-baselined due date, a returned update, an indicator with targets, forum commentary,
costs, a glossary and a meeting."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import docx
import openpyxl
from pypdf import PdfReader

from sendplan.indicators import services as indicator_services
from sendplan.indicators.services import indicator_create
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import EvidenceFile, Period, StatusUpdate
from sendplan.plans import services
from sendplan.plans.models import Action, Plan
from sendplan.test import PlanWorld


@dataclass
class ReportWorld:
    world: PlanWorld
    periods: list[Period]  # Mar 18, Jun 18, Sep 18
    late: Action  # 1.1.1: rated G, then R and returned; due moved from May to Dec 2018
    done: Action  # 1.1.2: rated A, then B
    missing: Action  # 2.1.1: asked for an update in Sep 18 and given none

    @property
    def plan(self) -> Plan:
        return self.world.plan


def build_report_world(world: PlanWorld) -> ReportWorld:
    plan, manager = world.plan, world.users["programme_manager"]
    mar, jun = world.periods
    sep = monitoring.period_create(actor=None, plan=plan, label="Sep 18", ends_on="2018-09-30")
    theme = services.section_create(
        actor=None, plan=plan, ref="2", level="Theme", title="Joint commissioning"
    )
    priority = services.section_create(
        actor=None,
        plan=plan,
        parent=theme,
        ref="2.1",
        level="Strategic priority",
        title="Agree a joint commissioning strategy",
        outcomes="Services are planned together.",
    )
    missing = services.action_create(
        actor=None,
        section=priority,
        ref="2.1.1",
        title="Draft the joint commissioning strategy",
        lead_text="Designated Clinical Officer (PW)",
        leads=[plan.people.get(key="PW")],
        due="2019-03",
        due_text="March 2019",
        resources="Commissioning team time",
        cost=12000,
        cost_text="£12,000",
    )
    services.action_update(
        actor=None, action=world.other_action, cost=4000, cost_text="£4,000 (conference)"
    )
    late, done = world.action, world.other_action
    monitoring.status_update_record(
        actor=None, action=done, period=mar, status="A", narrative="Minutes not yet agreed."
    )
    monitoring.status_update_record(
        actor=None, action=late, period=jun, status="G/A", narrative="ToR out for comment."
    )
    monitoring.status_update_record(
        actor=None, action=done, period=jun, status="A", narrative="Still waiting for minutes."
    )
    monitoring.status_update_record(
        actor=None, action=missing, period=jun, status="W", narrative="Starts in the autumn."
    )
    change = monitoring.due_change_propose(
        actor=manager,
        action=late,
        reason="The board asked for a wider consultation",
        due="2018-12",
        due_text="December 2018",
    )
    monitoring.due_change_decide(actor=manager, change=change, approve=True)
    monitoring.period_open(
        actor=manager,
        plan=plan,
        label="Sep 18",
        starts_on=dt.date(2018, 7, 1),
        ends_on=dt.date(2018, 9, 30),
        deadline=dt.date(2018, 9, 20),
        actions=[late, done, missing],
    )
    red = monitoring.status_update_record(
        actor=None,
        action=late,
        period=sep,
        status="R",
        narrative="Consultation has not started.",
        evidence=["Draft ToR v3"],
        needs_review=True,
    )
    monitoring.update_review(actor=manager, update=red, decision="returned", comment="Say why")
    monitoring.status_update_record(
        actor=None,
        action=done,
        period=sep,
        status="B",
        narrative="Minutes published on the Local Offer.",
        evidence=["Minutes, July 2018"],
    )
    monitoring.forum_comment_add(
        actor=world.users["parent_carer_forum"],
        plan=plan,
        action=late,
        period=sep,
        text="Families have not yet been asked about the terms of reference.",
    )
    indicator_create(
        actor=None,
        plan=plan,
        ref="1.1",
        name="EHC plans issued within 20 weeks",
        section_ref="1",
        unit="%",
        better="higher",
        baseline={"value": 31, "on": "2017-09"},
        targets=[
            {"value": 45, "on": "2018-03", "text": "first step"},
            {"value": 60, "on": "2018-09"},
        ],
        actuals=[{"value": 38, "on": "2018-03"}],
        comparators=[{"name": "England", "value": 50.3, "on": "2023"}],
    )
    services.glossary_term_create(
        actor=None, plan=plan, term="DCO", meaning="Designated Clinical Officer"
    )
    services.meeting_create(
        actor=None, plan=plan, on="2018-01-16", title="Workshop 1", attendees=["Head of Education"]
    )
    world.action.refresh_from_db()
    return ReportWorld(world=world, periods=[mar, jun, sep], late=late, done=done, missing=missing)


def add_linked_evidence(reports: ReportWorld) -> EvidenceFile:
    """The lead's update for Dec 18 on 1.1.2 gives three pieces of evidence and a file."""
    world = reports.world
    lead, manager = world.users["lead_officer"], world.users["programme_manager"]
    dec = monitoring.period_open(
        actor=manager, plan=reports.plan, label="Dec 18", starts_on=dt.date(2018, 10, 1),
        ends_on=dt.date(2018, 12, 31), deadline=dt.date(2019, 1, 7), actions=[reports.late],
    )  # fmt: skip
    draft = monitoring.draft_save(
        actor=lead, action=reports.late, period=dec, version=None, status="A",
        narrative="Consultation under way.",
        evidence=[
            "https://example.org/minutes?meeting=3&year=2018",
            "javascript:alert(1)",
            "Local offer page, see http://localoffer.example/send.",
        ],
    )  # fmt: skip
    item = monitoring.evidence_file_add(
        actor=lead, draft=draft, name="Consultation plan.pdf", content=b"%PDF-1.7 plan"
    )
    monitoring.draft_submit(actor=lead, draft=draft)
    item.refresh_from_db()
    return item


def add_key_dates(reports: ReportWorld) -> None:
    """A 2016-framework inspection's timeline, entered out of order, one date named by a note."""
    plan = reports.plan
    services.plan_update(
        actor=None, plan=plan, inspection_framework="2016", inspection_outcome="wsoa"
    )
    for kind, on, note in [
        ("monitoring_inspection", "2019-06", ""),
        ("inspection", "2017-11-20", ""),
        ("joint_review", "2018-12-04", "DfE and NHS England quarterly review"),
        ("plan_due", "2018-04-06", ""),
        ("report_published", "2018-01-22", ""),
    ]:
        services.key_date_create(actor=None, plan=plan, kind=kind, on=on, note=note)


def return_figure(reports: ReportWorld, value: float) -> None:
    """The supplier's figure for Sep 18, returned to them by the programme manager."""
    indicator = reports.plan.indicators.get(ref="1.1")
    indicator_services.indicator_update(
        actor=None, indicator=indicator, supplier=reports.world.lead
    )
    sep = reports.plan.periods.get(label="Sep 18")
    point = indicator_services.figure_submit(
        actor=reports.world.users["lead_officer"],
        indicator=indicator,
        period=sep,
        value=value,
        reviewed=False,
    )
    indicator_services.figure_review(
        actor=reports.world.users["programme_manager"],
        point=point,
        decision="returned",
        comment="Is this the right year?",
    )


# Reading files back, as a person opening them would


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def docx_text(content: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """The document's paragraphs, and each table as rows of cell texts."""
    document = docx.Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables


def docx_headings(content: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(content))
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]


def workbook(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))


def updates_of(action: Action) -> list[StatusUpdate]:
    return list(action.updates.order_by("sequence"))
