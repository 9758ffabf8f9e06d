"""The table of areas: an adviser's home. Each row is an area's plan with its figures in its
current period; the table sorts by any column and filters by region, in the address."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from sendplan.accounts.models import Membership, Role
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.progress import plan_signals
from sendplan.monitoring.services import update_review
from sendplan.oversight.selectors import area_rows
from sendplan.plans import services
from sendplan.plans.models import Area, Plan
from sendplan.scale import grow_plan
from sendplan.test import PlanWorld, make_user, open_period, start_cycle

Region = Area.Region


def area_with_plan(name: str, region: str, *, actions: int = 12, periods: int = 3) -> Plan:
    """Another area, in a region, with a plan of that many actions rated over that many
    periods (the newest open, with some updates missing)."""
    area = services.area_get_or_create(actor=None, name=name)
    services.area_update(actor=None, area=area, region=region, inspection_outcome="wsoa")
    plan = services.plan_create(actor=None, area=area, title=f"{name} priority action plan")
    for code, label, extra in [("B", "Done", {"done": True}), ("G", "On track", {}),
                               ("A", "Some concerns", {}), ("R", "Off track", {})]:  # fmt: skip
        services.status_level_create(actor=None, plan=plan, code=code, label=label, **extra)
    lead = services.person_create(actor=None, plan=plan, key="JL", name="Jo Lead")
    grow_plan(plan, actions=actions, periods=periods, lead=lead)
    return plan


def adviser_of(*plans: Plan, username: str = "regional-adviser") -> tuple[User, Client]:
    user = make_user(username)
    for plan in plans:
        Membership.objects.create(user=user, area=plan.area, role=Role.ADVISER)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return user, client


def row_order(html: str) -> list[str]:
    """The areas in the table, in the order it lists them."""
    return re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)<br>', html)


@pytest.fixture
def three(world: PlanWorld) -> list[Plan]:
    return [
        area_with_plan("Northby", Region.NORTH_EAST, actions=20),
        area_with_plan("Southam", Region.SOUTH_WEST, actions=8),
        area_with_plan("Westcombe", Region.SOUTH_WEST, actions=14),
    ]


def test_it_is_an_advisers_home_and_shows_only_their_areas(three: list[Plan]) -> None:
    hidden = area_with_plan("Eastwick", Region.NORTH_EAST)
    _, client = adviser_of(*three)
    html = client.get(reverse("home")).content.decode()
    assert "Your local areas" in html
    assert row_order(html) == ["Northby", "Southam", "Westcombe"]
    assert "Eastwick" not in html and hidden.title not in html
    for plan in three:
        assert f'href="{plan.get_absolute_url()}"' in html
    # Nor can a region, a sort or the page of its own bring the fourth area in.
    for query in ["?region=north_east", "?sort=overdue&order=desc"]:
        html = client.get(reverse("oversight") + query).content.decode()
        assert "Eastwick" not in html


def test_it_sorts_by_any_column_either_way(three: list[Plan]) -> None:
    _, client = adviser_of(*three)
    by_actions = {"Northby": 20, "Southam": 8, "Westcombe": 14}
    html = client.get(reverse("oversight") + "?sort=overdue&order=desc").content.decode()
    user = User.objects.get(username="regional-adviser")
    overdue = {row.area.name: row.summary.overdue for row in area_rows(user) if row.summary}
    assert sorted(overdue.values()) != [overdue["Northby"]] * 3, "the areas should differ"
    assert row_order(html) == sorted(by_actions, key=lambda name: (-overdue[name], name))
    html = client.get(reverse("oversight") + "?sort=area&order=desc").content.decode()
    assert row_order(html) == ["Westcombe", "Southam", "Northby"]
    # The sorted column says so to screen readers; its link turns the order round.
    assert 'aria-sort="descending"><a class="govuk-link sendplan-sort" href="/areas/"' in html
    # A heading first sorts what needs attention to the top: most overdue, least on track.
    html = client.get(reverse("oversight")).content.decode()
    assert 'href="/areas/?sort=overdue&amp;order=desc">Overdue<' in html
    assert 'href="/areas/?sort=on_track">On track<' in html


def test_it_filters_by_region_and_keeps_the_filter_in_the_sort_links(three: list[Plan]) -> None:
    _, client = adviser_of(*three)
    url = reverse("oversight") + "?region=south_west&sort=missing&order=desc"
    html = client.get(url).content.decode()
    assert set(row_order(html)) == {"Southam", "Westcombe"}
    assert "2 plans in 2 areas in South West." in html
    assert "/areas/?region=south_west&amp;sort=overdue&amp;order=desc" in html
    assert '<option value="south_west" selected>South West</option>' in html


def test_a_region_not_on_the_list_is_explained_and_every_area_shown(three: list[Plan]) -> None:
    _, client = adviser_of(*three)
    response = client.get(reverse("oversight") + "?region=atlantis")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a region from the list. Areas in every region are shown." in html
    assert row_order(html) == ["Northby", "Southam", "Westcombe"]


def test_its_counts_are_the_overviews(world: PlanWorld, three: list[Plan]) -> None:
    """Overdue and missing updates, as each plan's overview counts them, in an open period, after
    reviews, and in a plan whose newest period has ended."""
    start_cycle(world)
    assert world.cycle is not None
    update_review(actor=None, update=world.cycle.submitted, decision="approved")
    # A rating in a later period, not yet opened: the open period still counts as current,
    # and the action stands where it stood then.
    later = monitoring.period_create(actor=None, plan=world.plan, label="Dec 18", ends_on="2018-12")
    for action in (world.action, world.other_action):
        monitoring.status_update_record(actor=None, action=action, period=later, status="B")
    user, client = adviser_of(world.plan, *three)
    html = client.get(reverse("home")).content.decode()
    rows = {row.plan.pk: row for row in area_rows(user) if row.plan}
    for plan in [world.plan, *three]:
        signals = plan_signals(plan)
        summary = rows[plan.pk].summary
        assert summary is not None and summary.period is not None and signals.period is not None
        assert summary.period.pk == signals.period.pk
        assert (summary.overdue, summary.missing) == (len(signals.overdue), len(signals.missing))
        overview = client.get(plan.get_absolute_url()).content.decode()
        assert (
            f'Overdue and not done on {signals.as_of:%-d %B %Y}</dt><dd class="govuk-summary-list'
            f'__value">{summary.overdue}</dd>'
        ) in overview
    assert any(rows[p.pk].summary.overdue for p in three)  # type: ignore[union-attr]
    assert any(rows[p.pk].summary.missing for p in three)  # type: ignore[union-attr]
    northby = rows[three[0].pk]
    assert f"{northby.summary.missing}<br>" in html  # type: ignore[union-attr]


def test_it_shows_an_area_with_no_plan_and_a_plan_with_no_periods(world: PlanWorld) -> None:
    empty = services.area_get_or_create(actor=None, name="Newshire")
    bare = services.plan_create(
        actor=None,
        area=services.area_get_or_create(actor=None, name="Oldshire"),
        title="Oldshire plan",
    )
    _, client = adviser_of(world.plan, bare)
    Membership.objects.create(
        user=User.objects.get(username="regional-adviser"), area=empty, role=Role.ADVISER
    )
    html = client.get(reverse("home")).content.decode()
    assert row_order(html) == ["Newshire", "Oldshire", "Testshire"]
    assert "No plan yet" in html and "No periods yet" in html


def test_people_with_a_few_roles_keep_their_list_of_plans(world: PlanWorld) -> None:
    html = world.client_for(Role.LEAD_OFFICER).get(reverse("home")).content.decode()
    assert "Your plans" in html and "Your local areas" not in html
    html = world.client_for(Role.ADVISER).get(reverse("home")).content.decode()
    assert "Your local areas" in html


def test_a_role_in_more_than_five_areas_makes_the_table_home(world: PlanWorld) -> None:
    user = world.users[Role.BOARD_MEMBER]
    client = world.client_for(Role.BOARD_MEMBER)
    for n in range(4):
        area = services.area_get_or_create(actor=None, name=f"Board area {n}")
        Membership.objects.create(user=user, area=area, role=Role.BOARD_MEMBER)
    assert "Your plans" in client.get(reverse("home")).content.decode()
    area = services.area_get_or_create(actor=None, name="Board area 4")
    Membership.objects.create(user=user, area=area, role=Role.BOARD_MEMBER)
    assert "Your local areas" in client.get(reverse("home")).content.decode()


def test_an_area_administrator_sets_the_region_and_inspection_outcome(world: PlanWorld) -> None:
    url = reverse("area_edit", args=[world.area.pk])
    client = world.client_for(Role.AREA_ADMIN)
    response = client.post(url, {"region": "london", "inspection_outcome": "systemic"})
    assert response.status_code == 302
    world.area.refresh_from_db()
    assert (world.area.region, world.area.inspection_outcome) == ("london", "systemic")
    page = client.get(reverse("area_members", args=[world.area.pk])).content.decode()
    assert "London" in page and "Widespread and/or systemic failings" in page
    html = world.client_for(Role.ADVISER).get(reverse("home")).content.decode()
    assert "London" in html and "Widespread and/or systemic failings" in html
    # A value not on the list is refused with a message, and nothing changes.
    response = client.post(url, {"region": "atlantis", "inspection_outcome": ""})
    assert "Select a valid choice" not in response.content.decode()
    assert "Select a region from the list" in response.content.decode()
    world.area.refresh_from_db()
    assert world.area.region == "london"
    # Only the area's administrators may change them.
    assert world.client_for(Role.PROGRAMME_MANAGER).get(url).status_code == 403
    assert world.client_for("outsider").get(url).status_code == 404


def test_a_lead_with_roles_in_many_areas_still_sees_the_updates_they_owe(
    world: PlanWorld,
) -> None:
    open_period(world)  # an update is asked of the lead, who has not given it yet
    user = world.users[Role.LEAD_OFFICER]
    for n in range(5):
        area = services.area_get_or_create(actor=None, name=f"Lead area {n}")
        Membership.objects.create(user=user, area=area, role=Role.LEAD_OFFICER)
    html = world.client_for(Role.LEAD_OFFICER).get(reverse("home")).content.decode()
    assert "Your local areas" in html
    assert "Updates due from you:" in html and reverse("my_actions") in html


def test_its_figures_are_kept_until_the_plan_changes_and_never_go_stale(
    world: PlanWorld, three: list[Plan], django_assert_max_num_queries: Any
) -> None:
    """The table reads each plan's figures once per change: a second look at an unchanged table
    works nothing out again, and the first look after a change shows the change."""
    start_cycle(world)
    user, _ = adviser_of(world.plan, *three)

    def missing() -> int:
        [row] = [row for row in area_rows(user) if row.plan == world.plan]
        assert row.summary is not None
        return row.summary.missing

    before = missing()
    assert before > 0
    with django_assert_max_num_queries(3):
        # The areas, their plans and each plan's last change; the figures come from the cache.
        assert missing() == before
    assert world.cycle is not None
    # A draft is its writer's alone: the table does not change for it.
    monitoring.draft_save(
        actor=world.users[Role.LEAD_OFFICER],
        action=world.other_action,
        period=world.cycle.period,
        version=None,
        status="G",
        narrative="Half written.",
    )
    assert missing() == before
    monitoring.status_update_record(
        actor=None, action=world.other_action, period=world.cycle.period, status="G"
    )
    assert missing() == before - 1
