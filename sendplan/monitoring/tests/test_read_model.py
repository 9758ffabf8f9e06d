"""The status read model gives the same standing whichever way a page reads it: every plan at
once (the home page), a plan's ratings (the overview), its full updates (the board report),
or the newest rating per action picked by the database (your actions)."""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.urls import reverse

from sendplan.monitoring import selectors
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import StatusUpdate
from sendplan.monitoring.progress import (
    ActionSignals,
    PlanHeadline,
    action_progress,
    latest_of,
    plan_signals,
    plans_signals,
    status_scale,
)
from sendplan.plans import services
from sendplan.plans.models import Action
from sendplan.scale import grow_plan
from sendplan.test import PlanWorld, start_cycle

TODAY = dt.date(2018, 11, 15)


def standing(a: ActionSignals) -> tuple[object, ...]:
    return (
        a.action.ref, a.status.code, a.previous.code if a.previous else None, a.change,
        a.update.pk if a.update else None, a.state, a.requested, a.missing, a.returned,
        a.overdue, a.newly_overdue, a.newly_done, a.stale, a.rebaselined, a.contradictions,
    )  # fmt: skip


def test_it_gives_each_plan_on_the_home_page_the_figures_of_its_own_overview(
    world: PlanWorld,
) -> None:
    grow_plan(world.plan, lead=world.lead, actions=40, periods=6)
    other = services.plan_create(actor=None, area=world.area, title="Another plan")
    for code, extra in [("B", {"done": True}), ("G", {}), ("A", {}), ("R", {}), ("W", {})]:
        services.status_level_create(actor=None, plan=other, code=code, label=code, **extra)
    services.person_create(actor=None, plan=other, key="HH")
    grow_plan(other, actions=25, periods=5)
    empty = services.plan_create(actor=None, area=world.area, title="A plan with no periods")

    together = plans_signals([world.plan, other, empty], today=TODAY)

    for plan in (world.plan, other):
        alone = plan_signals(plan, today=TODAY)
        assert together[plan.pk].period == alone.period
        assert [standing(a) for a in together[plan.pk].actions] == [
            standing(a) for a in alone.actions
        ]
    assert together[empty.pk].period is None
    # The plan has something of every kind to flag, so the comparison means something.
    flagged = together[world.plan.pk]
    assert flagged.missing and flagged.overdue and flagged.stale and flagged.contradictory
    assert flagged.returned and flagged.rebaselined


def test_it_reads_the_same_standing_from_ratings_as_from_full_updates(world: PlanWorld) -> None:
    grow_plan(world.plan, lead=world.lead, actions=30, periods=5)
    updates = list(
        StatusUpdate.objects.filter(action__section__plan=world.plan)
        .select_related("period")
        .prefetch_related("reviews")
    )
    for period in world.plan.periods.all():
        read = plan_signals(world.plan, period, today=TODAY)
        loaded = plan_signals(world.plan, period, today=TODAY, updates=updates)
        assert [standing(a) for a in read.actions] == [standing(a) for a in loaded.actions]


def test_it_picks_the_same_latest_rating_in_the_database_as_from_the_history(
    world: PlanWorld,
) -> None:
    grow_plan(world.plan, lead=world.lead, actions=30, periods=5)
    actions = list(Action.objects.filter(section__plan=world.plan).select_related("section"))
    scale = status_scale(world.plan)
    picked = action_progress(actions, scale, TODAY)
    history = latest_of(
        selectors.ratings(actions=actions), selectors.last_reported(plans=[world.plan])
    )
    kept = action_progress(actions, scale, TODAY, latest=history)
    assert [(p.status.code, p.latest, p.last_updated) for p in picked] == [
        (p.status.code, p.latest, p.last_updated) for p in kept
    ]
    assert sum(p.latest is not None for p in picked) == 30
    assert len({p.last_updated for p in picked}) > 1


def test_the_overview_and_home_page_show_a_recorded_update_at_once(world: PlanWorld) -> None:
    """Both keep each plan's standing for the plan as it stands (plans.selectors
    .kept_until_changed), and the overview keeps the page below its navigation, so the first
    request after an update must work them out again."""
    grow_plan(world.plan, lead=world.lead, actions=6, periods=3)
    manager = world.client_for("programme_manager")
    overview = reverse("plan", args=[world.plan.pk])

    def main() -> str:
        # The page below its header (which holds a sign-out form with a token of its own).
        return manager.get(overview).content.decode().split('id="main-content"')[1]

    def home() -> PlanHeadline:
        return next(s for plan, s, _ in manager.get(reverse("home")).context["plans"]
                    if plan.pk == world.plan.pk)  # fmt: skip

    before = main()
    assert main() == before
    headline = home()
    action_id = next(pk for pk, (status, _) in headline.standing().items() if status.code != "R")
    action = Action.objects.get(pk=action_id)
    assert headline.period is not None
    monitoring.status_update_record(
        actor=None, action=action, period=headline.period, status="R", narrative="Stopped."
    )
    after = main()
    assert after != before
    cache.clear()
    assert main() == after  # what was kept is what the page says made afresh
    assert home().standing()[action.pk][0].code == "R"


def test_a_sections_table_of_status_shows_a_recorded_update_at_once(world: PlanWorld) -> None:
    """The table is kept for the plan as it stands (the template's cache tag)."""
    grow_plan(world.plan, lead=world.lead, actions=6, periods=3)
    action = Action.objects.filter(section__plan=world.plan).order_by("pk").last()
    assert action is not None
    period = world.plan.periods.order_by("position").last()
    assert period is not None
    manager = world.client_for("programme_manager")
    url = reverse("section", args=[world.plan.pk, action.section_id])

    def table() -> str:
        page = manager.get(url).content.decode()
        return page.split('class="govuk-table sendplan-status-history"')[1].split("</table>")[0]

    before = table()
    assert table() == before
    given = StatusUpdate.objects.filter(action=action, period=period).order_by("-sequence").first()
    code = "B" if given is not None and given.status == "R" else "R"  # a change of status
    monitoring.status_update_record(actor=None, action=action, period=period, status=code)
    after = table()
    assert after != before
    cache.clear()
    assert table() == after


def test_an_action_page_shows_a_review_and_a_new_update_at_once(world: PlanWorld) -> None:
    """The action page keeps its updates, their markup and its change history for the plan as
    it stands; what it shows after each change is what it shows made afresh."""
    cycle = start_cycle(world)  # 1.1.1's update waits for review
    manager = world.client_for("programme_manager")
    url = reverse("action", args=[world.plan.pk, world.action.pk])

    def main() -> str:
        return manager.get(url).content.decode().split('id="main-content"')[1]

    before = main()
    assert main() == before
    assert "Review<span" in before
    monitoring.update_review(
        actor=None, update=cycle.submitted, decision="returned", comment="Add the dates"
    )
    reviewed = main()
    assert "Add the dates" in reviewed and "Review<span" not in reviewed
    cache.clear()
    assert main() == reviewed
    monitoring.status_update_record(
        actor=None, action=world.action, period=cycle.period, status="R", narrative="Paused."
    )
    recorded = main()
    assert "Paused." in recorded and "Paused." not in reviewed
    cache.clear()
    assert main() == recorded


def test_the_last_change_of_one_plan_is_that_of_many_and_leaves_drafts_out(
    world: PlanWorld,
) -> None:
    from sendplan.audit.models import AuditEvent, draft_scope
    from sendplan.plans.selectors import change_mark, last_changes

    newest = AuditEvent.objects.filter(plan_id=world.plan.pk).order_by("-pk").first()
    assert newest is not None
    assert last_changes([world.plan.pk])[world.plan.pk] == newest.pk
    assert change_mark(world.plan) == f"c{newest.pk}"
    AuditEvent.objects.create(
        plan_id=world.plan.pk, scope=draft_scope(world.action.pk), verb="update",
        object_type="update_draft", object_repr="A draft",
    )  # fmt: skip
    assert last_changes([world.plan.pk])[world.plan.pk] == newest.pk
    assert change_mark(world.plan) == f"c{newest.pk}"
    services.action_update(actor=None, action=world.action, title="Audit every plan again")
    assert last_changes([world.plan.pk])[world.plan.pk] > newest.pk
    assert change_mark(world.plan) == f"c{last_changes([world.plan.pk])[world.plan.pk]}"
