"""Every page asks the database the same number of questions, whatever the size of the plan:
each is loaded once on a plan of 30 actions and 4 periods, and again once the plan has grown to
120 actions and 8 periods, and the two counts must be equal. A page that asks once per action,
per update or per period fails here before anyone notices it slowing down."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sendplan.accounts.models import Membership, Role
from sendplan.plans import services
from sendplan.plans.models import Action
from sendplan.reports.evidence import ACTIONS_PER_PAGE
from sendplan.scale import grow_plan
from sendplan.test import PlanWorld

SMALL = {"actions": 30, "periods": 4}
LARGE = {"actions": 120, "periods": 8}


def newest_period(world: PlanWorld) -> int:
    return world.plan.periods.order_by("-position").values_list("pk", flat=True)[0]


PAGES: dict[str, tuple[str, Callable[[PlanWorld], str]]] = {
    "home": (Role.LEAD_OFFICER, lambda w: reverse("home")),
    "adviser's home": (Role.ADVISER, lambda w: reverse("home")),
    "areas, sorted": (Role.ADVISER, lambda w: reverse("oversight") + "?sort=overdue&order=desc"),
    "your actions": (Role.LEAD_OFFICER, lambda w: reverse("my_actions")),
    "overview": (Role.PROGRAMME_MANAGER, lambda w: reverse("plan", args=[w.plan.pk])),
    "section": (Role.PROGRAMME_MANAGER, lambda w: w.priority.get_absolute_url()),
    "action": (Role.PROGRAMME_MANAGER, lambda w: w.action.get_absolute_url()),
    "people": (Role.PROGRAMME_MANAGER, lambda w: reverse("people", args=[w.plan.pk])),
    "weaknesses": (Role.PROGRAMME_MANAGER, lambda w: reverse("weaknesses", args=[w.plan.pk])),
    "period": (
        Role.PROGRAMME_MANAGER,
        lambda w: reverse("period", args=[w.plan.pk, newest_period(w)]),
    ),
    "history": (Role.PROGRAMME_MANAGER, lambda w: reverse("plan_history", args=[w.plan.pk])),
    "reports": (Role.PROGRAMME_MANAGER, lambda w: reverse("reports", args=[w.plan.pk])),
    "board report": (Role.BOARD_MEMBER, lambda w: reverse("board_report", args=[w.plan.pk])),
    "evidence pack": (Role.BOARD_MEMBER, lambda w: reverse("evidence_pack", args=[w.plan.pk])),
    "evidence pack, actions not linked": (
        Role.BOARD_MEMBER,
        lambda w: reverse("evidence_unlinked", args=[w.plan.pk]) + "?page=2",
    ),
    "plan document": (Role.BOARD_MEMBER, lambda w: reverse("plan_document", args=[w.plan.pk])),
    "timeline": (Role.BOARD_MEMBER, lambda w: reverse("timeline", args=[w.plan.pk])),
    "tracker": (Role.PROGRAMME_MANAGER, lambda w: reverse("tracker_xlsx", args=[w.plan.pk])),
    "actions csv": (Role.PROGRAMME_MANAGER, lambda w: reverse("actions_csv", args=[w.plan.pk])),
    "updates csv": (Role.PROGRAMME_MANAGER, lambda w: reverse("updates_csv", args=[w.plan.pk])),
    "plan json": (Role.PROGRAMME_MANAGER, lambda w: reverse("plan_export_json", args=[w.plan.pk])),
}


def count_queries(client: Client, url: str) -> int:
    # Made afresh: a report's page and downloads are kept for the plan as it stands, and what is
    # counted here is the work of making them.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


@pytest.mark.parametrize("page", list(PAGES))
def test_it_asks_as_many_questions_of_a_large_plan_as_of_a_small_one(
    world: PlanWorld, page: str
) -> None:
    role, url = PAGES[page]
    client = world.client_for(role)
    grow_plan(world.plan, lead=world.lead, **SMALL)
    client.get(url(world))  # the session and anything else cached once per process
    small = count_queries(client, url(world))
    grow_plan(world.plan, lead=world.lead, **LARGE)
    large = count_queries(client, url(world))
    assert large == small, f"{page}: {small} queries for the small plan, {large} for the large"


def test_an_area_of_weakness_takes_as_many_questions_however_many_actions_answer_it(
    world: PlanWorld,
) -> None:
    """Each page of an area of weakness in the evidence pack reads its own few actions and their
    updates: not the plan's, nor the weakness's every action."""
    client = world.client_for(Role.BOARD_MEMBER)
    weakness = world.plan.weaknesses.get()
    url = reverse("evidence_weakness", args=[world.plan.pk, weakness.pk])

    def grow(size: dict[str, int]) -> tuple[int, int]:
        grow_plan(world.plan, lead=world.lead, **size)
        for theme in world.plan.sections.filter(parent=None):
            theme.weaknesses.add(weakness)  # every action answers it
        last = -(-Action.objects.filter(section__plan=world.plan).count() // ACTIONS_PER_PAGE)
        assert last > 2
        return count_queries(client, url), count_queries(client, f"{url}?page={last}")

    client.get(url)
    small = grow(SMALL)
    large = grow(LARGE)
    assert large == small, (
        f"first and last pages: {small} for the small plan, {large} for the large"
    )


def test_it_grows_the_plan_it_is_asked_to(world: PlanWorld) -> None:
    grow_plan(world.plan, lead=world.lead, **SMALL)
    assert world.plan.periods.count() == 4
    assert Action.objects.filter(section__plan=world.plan).count() == 30
    grow_plan(world.plan, lead=world.lead, **LARGE)
    assert world.plan.periods.count() == 8
    assert Action.objects.filter(section__plan=world.plan).count() == 120
    assert world.lead.led_actions.count() == 119  # all but the world's own 1.1.2


def test_it_reads_the_home_page_of_many_plans_in_as_many_questions_as_of_one(
    world: PlanWorld,
) -> None:
    client = world.client_for(Role.LEAD_OFFICER)
    grow_plan(world.plan, lead=world.lead, **SMALL)
    client.get(reverse("home"))
    one = count_queries(client, reverse("home"))
    for number in range(3):
        plan = services.plan_create(
            actor=None, area=world.area, title=f"Another plan {number}", kind="wsoa"
        )
        lead = services.person_create(
            actor=None, plan=plan, key="HH", name="Helen Hill", user=world.lead.user
        )
        grow_plan(plan, lead=lead, **SMALL)
    assert count_queries(client, reverse("home")) == one


def test_it_reads_an_advisers_table_of_many_areas_in_as_many_questions_as_of_one(
    world: PlanWorld,
) -> None:
    client = world.client_for(Role.ADVISER)
    adviser = world.users[Role.ADVISER]
    grow_plan(world.plan, lead=world.lead, **SMALL)
    client.get(reverse("home"))
    one = count_queries(client, reverse("home"))
    page_of_its_own = count_queries(client, reverse("oversight"))
    for number in range(3):
        area = services.area_get_or_create(actor=None, name=f"Another area {number}")
        services.area_update(actor=None, area=area, region="london", inspection_outcome="")
        Membership.objects.create(user=adviser, area=area, role=Role.ADVISER)
        plan = services.plan_create(actor=None, area=area, title=f"Plan {number}", kind="wsoa")
        lead = services.person_create(actor=None, plan=plan, key="HH", name="Helen Hill")
        grow_plan(plan, lead=lead, **SMALL)
    assert "Another area 2" in client.get(reverse("home")).content.decode()
    assert count_queries(client, reverse("home")) == one
    assert count_queries(client, reverse("oversight") + "?region=london") == page_of_its_own
