"""An adviser's table of areas in a real browser: usable on a small phone, sorted and filtered
from its own controls, with nothing axe-core finds wrong."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from sendplan.accounts.models import Membership, Role
from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.plans import services
from sendplan.scale import grow_plan
from sendplan.test import PlanWorld

pytestmark = pytest.mark.browser


def more_areas(world: PlanWorld) -> None:
    """Two more areas for the world's adviser, with plans under way, in two regions."""
    services.area_update(
        actor=None, area=world.area, region="south_west", inspection_outcome="wsoa"
    )
    for name, region, actions in [("Northby", "north_east", 12), ("Westcombe", "south_west", 6)]:
        area = services.area_get_or_create(actor=None, name=name)
        services.area_update(actor=None, area=area, region=region, inspection_outcome="systemic")
        Membership.objects.create(user=world.users[Role.ADVISER], area=area, role=Role.ADVISER)
        plan = services.plan_create(actor=None, area=area, title=f"{name} priority action plan")
        services.status_level_create(actor=None, plan=plan, code="G", label="On track")
        lead = services.person_create(actor=None, plan=plan, key="JL", name="Jo Lead")
        grow_plan(plan, actions=actions, periods=3, lead=lead)


def test_an_adviser_sorts_and_filters_their_areas_on_a_small_phone(
    page: Page, world: PlanWorld
) -> None:
    more_areas(world)
    sign_in(page, "adviser")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("home"))
    expect(page.get_by_role("heading", name="Your local areas")).to_be_visible()
    # Nothing runs off the side of the screen: each row is stacked, each cell labelled.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    expect(page.locator(".sendplan-table--stack td[data-label]").first).to_be_visible()
    assert_accessible(page)

    # The headings' links are hidden when the table stacks, so the form sorts it too.
    page.get_by_label("Region").select_option(label="South West")
    page.get_by_label("Sort by").select_option(label="Overdue")
    page.get_by_label("Order").select_option(label="Largest or Z first")
    with page.expect_navigation():
        page.get_by_role("button", name="Show areas").click()
    assert "region=south_west" in page.url and "sort=overdue" in page.url
    expect(page.get_by_role("status")).to_have_text("2 plans in 2 areas in South West.")
    expect(page.get_by_text("Northby")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)

    # Each row opens its area's plan.
    page.get_by_role("link", name="Westcombe priority action plan").click()
    expect(page.get_by_role("heading", name="Westcombe priority action plan")).to_be_visible()


def test_the_table_of_areas_is_accessible_on_a_wide_screen_with_an_error(
    page: Page, world: PlanWorld
) -> None:
    more_areas(world)
    sign_in(page, "adviser")
    page.goto(reverse("oversight") + "?region=atlantis&sort=missing&order=desc")
    expect(page.get_by_role("alert")).to_contain_text("Select a region from the list")
    assert_accessible(page)


def test_an_area_administrator_sets_the_region_accessibly(page: Page, world: PlanWorld) -> None:
    sign_in(page, "area_admin")
    page.goto(reverse("area_edit", args=[world.area.pk]))
    assert_accessible(page)
    page.get_by_label("Region").select_option(label="London")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("London")).to_be_visible()
    assert_accessible(page)
