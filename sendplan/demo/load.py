"""The demo: real published plans read by the importer, invented status updates marked as
such, and a user per role."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count

from sendplan.accounts.models import Membership, Role
from sendplan.interchange.jsonformat import import_plan
from sendplan.interchange.parsers import parse_file
from sendplan.lib.dates import parse_partial_date
from sendplan.monitoring.services import status_update_record
from sendplan.plans.models import Action, Area, Person, Plan
from sendplan.plans.services import area_update, person_update

DATA_DIR = Path(__file__).resolve().parent / "data"
# Text extracted from the plans as published, and the local area each belongs to.
DEMO_PLANS = [
    ("south-gloucestershire-wsoa-2018.txt", "South Gloucestershire"),
    ("telford-wrekin-send-action-plan-2022.txt", "Telford and Wrekin"),
]
# Each demo area's region and the inspection outcome that led to its plan, where the plan says.
DEMO_AREAS = {
    "South Gloucestershire": (Area.Region.SOUTH_WEST, Area.InspectionOutcome.WSOA),
    "Telford and Wrekin": (Area.Region.WEST_MIDLANDS, ""),
}
DEMO_PASSWORD = "demo-sendplan"
DEMO_LABEL = "Demo data, invented for the demonstration: not a real update."
DEMO_AUTHOR = "Demo data"

DEMO_USERS = [
    ("demo-admin", "Area", "Administrator", Role.AREA_ADMIN),
    ("demo-manager", "Programme", "Manager", Role.PROGRAMME_MANAGER),
    ("demo-lead", "Lead", "Officer", Role.LEAD_OFFICER),
    ("demo-board", "Board", "Member", Role.BOARD_MEMBER),
    ("demo-forum", "Parent Carer", "Forum", Role.PARENT_CARER_FORUM),
    ("demo-adviser", "DfE", "Adviser", Role.ADVISER),
]

# How an action's rating moves from one period to the next, weighted towards progress.
NEXT_STATUS = {
    "W": ["W", "G", "G", "A"],
    "G": ["G", "G", "G", "B", "A"],
    "A": ["A", "G", "G", "R"],
    "R": ["R", "A", "A", "G"],
    "B": ["B"],
}
NARRATIVES = {
    "W": "Not started yet; planned for a later quarter.",
    "G": "On track. Work is progressing as planned and evidence is being collected.",
    "A": "Some concerns: the timetable has slipped and a recovery plan is agreed.",
    "R": "Major concerns raised with the board; the lead is escalating.",
    "B": "Completed. Evidence of impact has been sent to the board.",
}


@dataclass
class DemoUser:
    username: str
    role: str


@dataclass
class DemoResult:
    plans: list[Plan]
    users: list[DemoUser]
    created: list[bool]
    not_placed: list[int]
    lead_person: Person | None


def _demo_updates(plan: Plan) -> None:
    """Several periods of invented ratings, every one labelled as demo data."""
    periods = list(plan.periods.all())
    scale = set(plan.status_levels.values_list("code", flat=True))
    if not periods or not {"B", "G", "A", "R", "W"} <= scale:
        return
    actions = Action.objects.filter(section__plan=plan).order_by("section__position", "position")
    for action in actions:
        chooser = random.Random(f"{plan.title}/{action.ref}/{action.pk}")
        status = chooser.choice(["W", "G", "G", "A"])
        for period in periods[: len(periods) - 1]:
            ends = parse_partial_date(period.ends_on)
            recorded = (
                dt.datetime.combine(ends, dt.time(10), tzinfo=dt.UTC) if ends is not None else None
            )
            status_update_record(
                actor=None,
                action=action,
                period=period,
                status=status,
                narrative=f"{DEMO_LABEL} {NARRATIVES[status]}",
                author_name=DEMO_AUTHOR,
                recorded_at=recorded,
            )
            status = chooser.choice(NEXT_STATUS[status])


def _demo_users(plans: list[Plan]) -> tuple[list[DemoUser], Person | None]:
    users = []
    areas = {plan.area for plan in plans}
    for username, first, last, role in DEMO_USERS:
        user, _ = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        # example.org never receives mail; the demo prints emails to the console anyway.
        user.email = f"{username}@example.org"
        user.set_password(DEMO_PASSWORD)
        user.save()
        for area in areas:
            Membership.objects.get_or_create(user=user, area=area, role=role)
        users.append(DemoUser(username=username, role=role.label))
    lead_user = User.objects.get(username="demo-lead")
    lead = (
        Person.objects.filter(plan__in=plans)
        .annotate(n=Count("lead_links"))
        .order_by("-n", "key")
        .first()
    )
    if lead is not None and lead.user_id != lead_user.pk:
        person_update(actor=None, person=lead, user=lead_user)
    return users, lead


@transaction.atomic
def load_demo() -> DemoResult:
    """Load the demo plans once; later runs keep them and reset the demo users' passwords."""
    plans, created, not_placed = [], [], []
    for name, area in DEMO_PLANS:
        result = parse_file((DATA_DIR / name).read_bytes(), name)
        title = result.document["plan"]["title"]
        plan = Plan.objects.filter(title=title, area__name=area).first()
        created.append(plan is None)
        if plan is None:
            plan = import_plan(result.document, actor=None, area_name=area)
            _demo_updates(plan)
        plans.append(plan)
        not_placed.append(len(result.report))
    for demo_area in {plan.area for plan in plans}:
        region, outcome = DEMO_AREAS[demo_area.name]
        if not demo_area.region:
            area_update(actor=None, area=demo_area, region=region, inspection_outcome=outcome)
    users, lead = _demo_users(plans)
    return DemoResult(
        plans=plans, users=users, created=created, not_placed=not_placed, lead_person=lead
    )
