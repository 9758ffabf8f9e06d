"""Each role's work in the cycle as a person does it in a browser, with the clicks counted.

A click is anything a person presses: a link, a button, a radio. Typing is not a click, and
signing in is not counted. The budgets are the issue's: a lead's update at most 5 clicks from
signing in, a returned update sent again with one change at most 3, opening a period at most
4, and reviewing 10 updates at most 12. Review and sign-off are also done with the keyboard
alone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from sendplan.accounts.models import Role
from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import StatusUpdate, UpdateReview
from sendplan.monitoring.services import update_state
from sendplan.plans import services as plans
from sendplan.test import PlanWorld, open_period

pytestmark = pytest.mark.browser


class Clicks:
    """Presses things on the page as a person would, and counts each press."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = 0

    def press(self, target: Locator, *, goes: bool = True) -> None:
        """Press the target; `goes` when that takes the person to another page."""
        if goes:
            with self.page.expect_navigation():
                target.click()
        else:
            target.click()
        self.count += 1

    def link(self, name: str) -> None:
        self.press(self.page.get_by_role("link", name=name).first)

    def button(self, name: str) -> None:
        """A button, or a link made to look like one (the GOV.UK start button)."""
        self.press(self.page.get_by_role("button", name=name).first)

    def choose(self, label: str) -> None:
        self.press(self.page.get_by_label(label, exact=True), goes=False)


def test_a_lead_gives_an_update_within_five_clicks_of_signing_in(
    page: Page, world: PlanWorld
) -> None:
    open_period(world)
    sign_in(page, "lead_officer")
    clicks = Clicks(page)
    clicks.link("Your actions")
    clicks.button("Give your update on action 1.1.1")
    clicks.choose("G – On track, no concerns")
    page.get_by_label("What has been done, and what difference has it made?").fill(
        "The board met and agreed its terms of reference."
    )
    clicks.button("Submit for review")
    expect(page.get_by_role("heading", name="Your actions", level=1)).to_be_visible()
    update = StatusUpdate.objects.get(action=world.action, period__label="Sep 18")
    assert (update.status, update_state(update)) == ("G", "submitted")
    assert clicks.count <= 5, clicks.count
    assert_accessible(page)


def test_a_returned_update_goes_back_with_one_change_in_three_clicks(
    page: Page, world: PlanWorld
) -> None:
    period = open_period(world)
    lead = world.users[Role.LEAD_OFFICER]
    draft = monitoring.draft_save(
        actor=lead, action=world.action, period=period, version=None, status="A",
        narrative="Recruiting a chair.", evidence=["Board minutes, August 2018"],
    )  # fmt: skip
    submitted = monitoring.draft_submit(actor=lead, draft=draft)
    monitoring.update_review(
        actor=world.users[Role.PROGRAMME_MANAGER],
        update=submitted,
        decision=UpdateReview.Decision.RETURNED,
        comment="Say when the new chair starts",
    )
    sign_in(page, "lead_officer")
    clicks = Clicks(page)
    clicks.link("Your actions")
    clicks.button("Change your returned update on action 1.1.1")
    narrative = page.get_by_label("What has been done, and what difference has it made?")
    # What was sent is there to change: only the words change.
    expect(narrative).to_have_value("Recruiting a chair.")
    narrative.fill("Recruiting a chair, who starts in November.")
    clicks.button("Submit for review")
    newest = StatusUpdate.objects.filter(action=world.action, period=period).latest("sequence")
    assert (newest.status, newest.narrative) == ("A", "Recruiting a chair, who starts in November.")
    assert update_state(newest) == "submitted"
    assert clicks.count <= 3, clicks.count


def test_a_manager_opens_a_period_within_four_clicks_of_signing_in(
    page: Page, world: PlanWorld
) -> None:
    sign_in(page, "programme_manager")
    clicks = Clicks(page)
    clicks.link(world.plan.title)
    clicks.link("Periods")
    clicks.link("Open a monitoring period")
    # What the form cannot suggest is typed in: the period's name and its dates.
    label = page.get_by_label("Name of the period")
    if not label.input_value():
        label.fill("Sep 18")
    for name, (day, month, year) in {
        "starts_on": ("1", "7", "2018"),
        "ends_on": ("30", "9", "2018"),
        "deadline": ("7", "10", "2026"),
    }.items():
        if not page.locator(f"[name='{name}_month']").input_value():
            page.locator(f"[name='{name}_day']").fill(day)
            page.locator(f"[name='{name}_month']").fill(month)
            page.locator(f"[name='{name}_year']").fill(year)
    clicks.button("Open the period")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Monitoring period")
    assert world.plan.periods.filter(opened_at__isnull=False).exists()
    assert clicks.count <= 4, clicks.count


def _ten_waiting(world: PlanWorld) -> list[StatusUpdate]:
    """Ten actions led by the world's lead, each with an update waiting for review."""
    lead = world.users[Role.LEAD_OFFICER]
    actions = [world.action, world.other_action]
    plans.action_update(actor=None, action=world.other_action, leads=[world.lead])
    for number in range(3, 11):
        actions.append(
            plans.action_create(
                actor=None,
                section=world.priority,
                ref=f"1.1.{number}",
                title=f"Deliver step {number} of the board's plan",
                leads=[world.lead],
            )
        )
    period = monitoring.period_open(
        actor=world.users[Role.PROGRAMME_MANAGER],
        plan=world.plan,
        label="Sep 18",
        starts_on=dt.date(2018, 7, 1),
        ends_on=dt.date(2018, 9, 30),
        deadline=dt.date(2099, 10, 7),
        actions=actions,
    )
    waiting = []
    for action in actions:
        draft = monitoring.draft_save(
            actor=lead, action=action, period=period, version=None, status="G",
            narrative=f"Step {action.ref} done on time.",
        )  # fmt: skip
        waiting.append(monitoring.draft_submit(actor=lead, draft=draft))
    return waiting


def test_a_manager_reviews_ten_updates_within_twelve_clicks(page: Page, world: PlanWorld) -> None:
    waiting = _ten_waiting(world)
    sign_in(page, "programme_manager")
    page.goto(reverse("period", args=[world.plan.pk, waiting[0].period_id]))
    clicks = Clicks(page)
    clicks.link("Review the 10 updates waiting for you")
    assert_accessible(page)
    for _ in range(9):
        clicks.button("Approve and review the next")
    clicks.button("Approve the update")
    assert [update_state(u) for u in waiting] == ["approved"] * 10
    assert clicks.count <= 12, clicks.count


def _enter(page: Page) -> None:
    """Press Enter on what has the focus, and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _tab_to(page: Page, name: str, *, limit: int = 80) -> None:
    """Move the keyboard's focus forward until it is on the link or button called `name`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => (document.activeElement.innerText || document.activeElement.value || '')"
        )
        if " ".join(str(focused).split()) == name:
            return
    raise AssertionError(f"Tabbing never reached {name!r}")


def test_review_and_sign_off_with_the_keyboard_alone(page: Page, world: PlanWorld) -> None:
    waiting = _ten_waiting(world)[:1]
    period = waiting[0].period
    # Nine of the ten are approved already; the keyboard does the last and signs off.
    for update in StatusUpdate.objects.filter(period=period).exclude(pk=waiting[0].pk):
        monitoring.update_review(
            actor=world.users[Role.PROGRAMME_MANAGER],
            update=update,
            decision=UpdateReview.Decision.APPROVED,
            comment="",
        )
    sign_in(page, "programme_manager")
    page.goto(reverse("period", args=[world.plan.pk, period.pk]))
    _tab_to(page, "Review the 1 update waiting for you")
    _enter(page)
    _tab_to(page, "Approve the update")
    _enter(page)
    assert update_state(waiting[0]) == "approved"
    _tab_to(page, "Sign off this period")
    _enter(page)
    _tab_to(page, f"Sign off and lock {period.label}")
    _enter(page)
    period.refresh_from_db()
    assert period.is_locked
    assert_accessible(page)
