"""A small plan with a user for every role, for tests to share."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.test import Client

from sendplan.accounts.models import Membership, Role
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import Period
from sendplan.plans import services
from sendplan.plans.models import Action, Area, Person, Plan, Section
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

    def client_for(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            user = self.outsider if who == "outsider" else self.users[who]
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client


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
