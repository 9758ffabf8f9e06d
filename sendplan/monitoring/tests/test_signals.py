"""What the overview and home page flag: missing, stale, changes, contradictions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from sendplan.monitoring import services as monitoring
from sendplan.monitoring.progress import Change, compare_status, plan_signals, status_scale
from sendplan.plans import services as plans
from sendplan.test import PlanWorld, open_period

TODAY = dt.date(2018, 8, 15)


@pytest.mark.parametrize(
    "before, after, change",
    [
        ("A", "G", Change.IMPROVED),
        ("G", "B", Change.IMPROVED),
        ("G", "R", Change.WORSE),
        ("G", "G/A", Change.WORSE),  # a combined rating carries its worse part
        ("A", "A", Change.UNCHANGED),
        ("W", "G", Change.NOT_COMPARABLE),  # not started is neither better nor worse
        ("", "G", Change.FIRST),
    ],
)
def test_it_compares_ratings_on_the_plans_own_scale(
    world: PlanWorld, before: str, after: str, change: str
) -> None:
    assert compare_status(before, after, status_scale(world.plan)) == change


def test_it_flags_missing_updates_and_status_changes(world: PlanWorld) -> None:
    period = open_period(world)
    signals = plan_signals(world.plan, today=TODAY)
    assert signals.period == period
    assert [s.action.ref for s in signals.missing] == ["1.1.1", "1.1.2"]
    monitoring.status_update_record(
        actor=None, action=world.action, period=period, status="A", narrative="Chair resigned"
    )
    signals = plan_signals(world.plan, today=TODAY)
    first = signals.actions[0]
    assert [s.action.ref for s in signals.missing] == ["1.1.2"]
    # 1.1.1 was G in Mar 18 (nothing in Jun 18) and is A now.
    assert first.previous is not None and first.previous.code == "G"
    assert first.change == Change.WORSE
    assert signals.changes() == {"improved": 0, "worse": 1, "unchanged": 0}


def test_it_flags_actions_with_no_update_for_several_periods_as_stale(world: PlanWorld) -> None:
    open_period(world)
    signals = plan_signals(world.plan, today=TODAY, stale_after=2)
    # Nothing in Jun 18 or Sep 18 for either action.
    assert [s.action.ref for s in signals.stale] == ["1.1.1", "1.1.2"]
    signals = plan_signals(world.plan, today=TODAY, stale_after=3)
    # Over three periods, 1.1.1 had its Mar 18 update.
    assert [s.action.ref for s in signals.stale] == ["1.1.2"]


def test_it_flags_on_track_past_due_and_reopened_without_a_note(world: PlanWorld) -> None:
    period = open_period(world)
    monitoring.status_update_record(actor=None, action=world.action, period=period, status="G")
    plans.action_update(actor=None, action=world.other_action, due="2018-06")
    jun = world.periods[1]
    monitoring.status_update_record(actor=None, action=world.other_action, period=jun, status="B")
    monitoring.status_update_record(
        actor=None, action=world.other_action, period=period, status="A"
    )
    signals = plan_signals(world.plan, today=TODAY)
    by_ref = {s.action.ref: s for s in signals.actions}
    assert by_ref["1.1.1"].contradictions == [
        "Rated on track, no concerns but the due date (May 2018) has passed"
    ]
    assert by_ref["1.1.2"].contradictions == [
        "Rated done in Jun 18, then on track, some concerns in Sep 18 with no note saying why"
    ]
    page = world.client_for("board_member").get(reverse("plan", args=[world.plan.pk]))
    html = page.content.decode()
    assert "Contradictions" in html and "with no note saying why" in html


def test_it_judges_overdue_at_the_end_of_a_past_period(world: PlanWorld) -> None:
    # Seen from Mar 18, 1.1.1 (due May 2018) was not yet overdue.
    signals = plan_signals(world.plan, world.periods[0], today=TODAY)
    assert not signals.actions[0].overdue
    signals = plan_signals(world.plan, world.periods[1], today=TODAY)
    assert signals.actions[0].overdue and signals.actions[0].newly_overdue


def test_it_shows_the_signals_on_the_home_page(world: PlanWorld) -> None:
    open_period(world)
    html = world.client_for("board_member").get(reverse("home")).content.decode()
    assert "Sep 18 (open)" in html and "2 updates missing" in html


def test_it_keeps_an_action_done_in_an_earlier_period_done(world: PlanWorld) -> None:
    monitoring.status_update_record(
        actor=None, action=world.action, period=world.periods[1], status="B"
    )
    # The new period has no update for it: it stands where it last stood.
    open_period(world)
    first = plan_signals(world.plan, today=TODAY, stale_after=1).actions[0]
    assert first.update is None and first.status.code == "B" and first.status.done
    assert not first.overdue and not first.newly_overdue
    assert not first.stale and not first.newly_done
