"""A small plan with a user for every role, for tests to share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.test import Client

from sendplan.accounts.models import Membership, Role
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import Period, StatusUpdate
from sendplan.plans import services
from sendplan.plans.models import Action, Area, DueDateChange, Person, Plan, Section
from sendplan.plans.services import MeasureData

PASSWORD = "correct horse battery staple"


@dataclass
class PlanWorld:
    area: Area
    plan: Plan
    theme: Section
    priority: Section
    action: Action
    other_action: Action
    lead: Person
    periods: list[Period]
    users: dict[str, User]
    outsider: User
    other_plan: Plan
    cycle: Cycle | None = None

    def client_for(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            user = self.outsider if who == "outsider" else self.users[who]
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client


@dataclass
class Cycle:
    """A monitoring period under way: the lead has submitted, asked to move a date, and the
    forum has commented."""

    period: Period
    submitted: StatusUpdate
    due_change: DueDateChange


def start_cycle(world: PlanWorld) -> Cycle:
    period = open_period(world)
    lead = world.users[Role.LEAD_OFFICER]
    draft = monitoring.draft_save(
        actor=lead,
        action=world.action,
        period=period,
        version=None,
        status="A",
        narrative="The chair resigned; a new chair is being recruited.",
        evidence=["Board minutes, August 2018"],
    )
    submitted = monitoring.draft_submit(actor=lead, draft=draft)
    change = monitoring.due_change_propose(
        actor=lead,
        action=world.action,
        due="2018-12",
        due_text="December 2018",
        reason="The new chair starts in November",
    )
    monitoring.forum_comment_add(
        actor=world.users[Role.PARENT_CARER_FORUM],
        plan=world.plan,
        action=world.action,
        period=period,
        text="Parents have not yet seen the new terms of reference.",
    )
    world.cycle = Cycle(period=period, submitted=submitted, due_change=change)
    return world.cycle


def sign_off_cycle(world: PlanWorld) -> Cycle:
    """The cycle above, with the update approved and the period signed off."""
    cycle = world.cycle or start_cycle(world)
    manager = world.users[Role.PROGRAMME_MANAGER]
    monitoring.update_review(actor=manager, update=cycle.submitted, decision="approved")
    monitoring.period_sign_off(
        actor=manager, period=cycle.period, reason="The board accepted the missing update"
    )
    cycle.period.refresh_from_db()
    return cycle


def open_period(world: PlanWorld, label: str = "Sep 18") -> Period:
    """Open the quarter after the world's last period, asking for updates on both actions."""
    return monitoring.period_open(
        actor=world.users[Role.PROGRAMME_MANAGER],
        plan=world.plan,
        label=label,
        starts_on=dt.date(2018, 7, 1),
        ends_on=dt.date(2018, 9, 30),
        deadline=dt.date(2018, 10, 7),
        actions=[world.action, world.other_action],
    )


def date_fields(name: str, day: dt.date) -> dict[str, str]:
    """A date as the GOV.UK date input posts it: day, month and year boxes."""
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def make_user(username: str, first_name: str = "", last_name: str = "") -> User:
    return User.objects.create_user(
        username=username, password=PASSWORD, first_name=first_name, last_name=last_name
    )


def build_world() -> PlanWorld:
    area = services.area_get_or_create(actor=None, name="Testshire")
    plan = services.plan_create(
        actor=None,
        area=area,
        title="Testshire Written Statement of Action",
        kind="wsoa",
        issued_on="2018-04",
        levels=["Theme", "Strategic priority"],
    )
    for code, label, colour, extra in [
        ("B", "Completed", "blue", {"done": True}),
        ("G", "On track, no concerns", "green", {}),
        ("A", "On track, some concerns", "amber", {}),
        ("R", "No progress or major concerns", "red", {}),
        ("W", "Not yet started", "white", {"not_started": True}),
    ]:
        services.status_level_create(
            actor=None, plan=plan, code=code, label=label, colour=colour, **extra
        )
    periods = [
        monitoring.period_create(actor=None, plan=plan, label=label, ends_on=ends)
        for label, ends in [("Mar 18", "2018-03-31"), ("Jun 18", "2018-06-30")]
    ]
    lead = services.person_create(
        actor=None, plan=plan, key="HH", name="Helen Hill", role="Head of Education"
    )
    services.person_create(actor=None, plan=plan, key="PW", role="Designated Clinical Officer")
    weakness = services.weakness_create(
        actor=None,
        plan=plan,
        ref="1",
        text="Slow implementation of the reforms",
        findings=[("Leaders have only just started to work together", "P2 MF1")],
    )
    theme = services.section_create(
        actor=None,
        plan=plan,
        ref="1",
        level="Theme",
        title="Implementation of the SEND Strategy",
        owners=[lead],
        weaknesses=[weakness],
    )
    priority = services.section_create(
        actor=None,
        plan=plan,
        parent=theme,
        ref="1.1",
        level="Strategic priority",
        title="Combine the boards",
    )
    action = services.action_create(
        actor=None,
        section=priority,
        ref="1.1.1",
        title="Confirm the Terms of Reference",
        leads=[lead],
        lead_text="Head of ELS (HH)",
        due="2018-05",
        due_text="May 2018",
        measures=[
            MeasureData(text="Terms of Reference approved", due="2018-05", due_text="May 2018")
        ],
    )
    other_action = services.action_create(
        actor=None,
        section=priority,
        ref="1.1.2",
        title="Publish the board's minutes",
        due_text="Termly",
    )
    monitoring.status_update_record(
        actor=None, action=action, period=periods[0], status="G", narrative="ToR drafted."
    )

    users: dict[str, User] = {}
    for role in Role:
        user = make_user(role.value, first_name=role.label)
        Membership.objects.create(user=user, area=area, role=role)
        users[role.value] = user
    services.person_update(actor=None, person=lead, user=users[Role.LEAD_OFFICER])

    other_area = services.area_get_or_create(actor=None, name="Elsewhere")
    other_plan = services.plan_create(actor=None, area=other_area, title="Elsewhere plan")
    outsider = make_user("outsider")
    Membership.objects.create(user=outsider, area=other_area, role=Role.PROGRAMME_MANAGER)
    return PlanWorld(
        area=area,
        plan=plan,
        theme=theme,
        priority=priority,
        action=action,
        other_action=other_action,
        lead=lead,
        periods=periods,
        users=users,
        outsider=outsider,
        other_plan=other_plan,
    )
