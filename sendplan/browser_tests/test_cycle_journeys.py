"""The monitoring cycle in a real browser: what managers and leads click through."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.monitoring import services as monitoring
from sendplan.scale import grow_plan
from sendplan.test import PlanWorld, start_cycle

pytestmark = pytest.mark.browser


def test_a_manager_chooses_the_actions_of_a_period_section_by_section(
    page: Page, world: PlanWorld
) -> None:
    sign_in(page, "programme_manager")
    page.goto(reverse("period_open", args=[world.plan.pk]))
    first = page.get_by_label("1.1.1 Confirm the Terms of Reference")
    second = page.get_by_label("1.1.2 Publish the board's minutes")

    page.get_by_role("button", name="Select none in 1.1 Combine the boards").click()
    expect(first).not_to_be_checked()
    expect(second).not_to_be_checked()

    page.get_by_role("button", name="Select all in 1.1 Combine the boards").click()
    expect(first).to_be_checked()
    expect(second).to_be_checked()
    assert_accessible(page)


@pytest.mark.parametrize(
    ("who", "name"),
    [
        ("lead_officer", "my_actions"),
        ("programme_manager", "period"),
        ("board_member", "plan"),
        ("board_member", "section"),
    ],
)
def test_the_cycles_tables_fit_a_small_phone_screen(
    page: Page, world: PlanWorld, who: str, name: str
) -> None:
    cycle = start_cycle(world)
    sign_in(page, who)
    page.set_viewport_size({"width": 320, "height": 800})
    args = {
        "my_actions": [],
        "period": [world.plan.pk, cycle.period.pk],
        "plan": [world.plan.pk],
        "section": [world.plan.pk, world.priority.pk],
    }[name]
    page.goto(reverse(name, args=args))
    # Nothing runs off the side of the screen: each row is stacked, each cell labelled.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    first = page.locator(".sendplan-table--stack td[data-label]").first
    expect(first).to_be_visible()
    assert_accessible(page)


def test_a_long_evidence_link_on_the_review_page_fits_a_small_phone_screen(
    page: Page, world: PlanWorld
) -> None:
    period = start_cycle(world).period
    lead = world.users["lead_officer"]
    draft = monitoring.draft_save(
        actor=lead,
        action=world.other_action,
        period=period,
        version=None,
        status="G",
        narrative="Published on the Local Offer.",
        evidence=[
            "https://www.example.org/send/local-offer/education-health-care-plans-guide-2026"
        ],
    )
    update = monitoring.draft_submit(actor=lead, draft=draft)
    sign_in(page, "programme_manager")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("update_review", args=[world.plan.pk, update.pk]))
    expect(
        page.get_by_role("link", name="https://www.example.org/send/local-offer")
    ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_a_periods_long_table_goes_page_by_page_on_a_small_phone_screen(
    page: Page, world: PlanWorld
) -> None:
    grow_plan(world.plan, lead=world.lead, actions=70, periods=2)
    period = world.plan.periods.order_by("position").last()
    assert period is not None
    sign_in(page, "programme_manager")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("period", args=[world.plan.pk, period.pk]))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    page.get_by_role("link", name="Next actions").click()
    expect(page.get_by_text("This page shows 51 to 70.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
