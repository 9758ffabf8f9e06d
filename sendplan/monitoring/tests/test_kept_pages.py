"""The pages that keep work for the plan as it stands (the period's, the action's, a
section's) show what a user changes at once: every change they show moves the plan's last
change, and nothing kept under a last change was read before it."""

from __future__ import annotations

from typing import Any
from unittest import mock

from django.core.cache import cache
from django.urls import reverse

from sendplan.audit.models import AuditEvent
from sendplan.monitoring import services as monitoring
from sendplan.plans import selectors as plan_selectors
from sendplan.plans import services
from sendplan.plans.models import Section
from sendplan.test import PlanWorld, start_cycle

MANAGER = "programme_manager"
MOVED = "Map the therapy waiting lists"


def two_of_the_same_name(world: PlanWorld) -> tuple[Section, Section, Section]:
    """A second theme, and a 'Short-term actions' section under each theme."""
    second = services.section_create(
        actor=None, plan=world.plan, ref="2", level="Theme", title="Joint commissioning"
    )
    first_short = services.section_create(
        actor=None, plan=world.plan, parent=world.theme, title="Short-term actions"
    )
    second_short = services.section_create(
        actor=None, plan=world.plan, parent=second, title="Short-term actions"
    )
    return second, first_short, second_short


def test_an_action_moved_to_a_section_of_the_same_name_shows_there_at_once(
    world: PlanWorld,
) -> None:
    _, first_short, second_short = two_of_the_same_name(world)
    moved = services.action_create(actor=None, section=first_short, ref="9", title=MOVED)
    client = world.client_for(MANAGER)
    there = reverse("section", args=[world.plan.pk, second_short.pk])
    assert MOVED not in client.get(there).content.decode()

    before = AuditEvent.objects.count()
    services.action_update(actor=None, action=moved, section=second_short)
    assert AuditEvent.objects.count() == before + 1  # the move is in the history
    assert MOVED in client.get(there).content.decode()
    history = client.get(reverse("action", args=[world.plan.pk, moved.pk])).content.decode()
    assert "section_id" not in history.lower() and "Section id" not in history


def test_the_period_filter_follows_an_action_moved_under_another_theme(world: PlanWorld) -> None:
    cycle = start_cycle(world)
    second, first_short, second_short = two_of_the_same_name(world)
    moved = services.action_create(actor=None, section=first_short, ref="9", title=MOVED)
    monitoring.status_update_record(
        actor=None, action=moved, period=cycle.period, status="G", narrative="Begun."
    )
    client = world.client_for(MANAGER)
    url = reverse("period", args=[world.plan.pk, cycle.period.pk]) + f"?section={second.pk}"
    assert MOVED not in client.get(url).content.decode()

    services.action_update(actor=None, action=moved, section=second_short)
    assert MOVED in client.get(url).content.decode()


def test_a_section_moved_under_a_parent_of_the_same_name_is_a_change(world: PlanWorld) -> None:
    _, first_short, second_short = two_of_the_same_name(world)
    child = services.section_create(
        actor=None, plan=world.plan, parent=first_short, title="Waiting lists"
    )
    before = AuditEvent.objects.count()
    services.section_move(actor=None, section=child, parent=second_short)
    assert AuditEvent.objects.count() == before + 1


def test_a_period_renamed_while_the_action_page_is_made_shows_at_once(world: PlanWorld) -> None:
    """Another request renames a period just as the page reads the plan's last change: what
    the page reads after it must not be older than it."""
    client = world.client_for(MANAGER)
    url = reverse("action", args=[world.plan.pk, world.action.pk])
    real = plan_selectors.last_change
    renamed: list[Any] = []

    def last_change_as_a_period_is_renamed(plan: Any) -> int:
        if not renamed:
            renamed.append(
                monitoring.period_update(actor=None, period=world.periods[0], label="Spring 2018")
            )
        return real(plan)

    with mock.patch.object(plan_selectors, "last_change", last_change_as_a_period_is_renamed):
        client.get(url)

    def status_table() -> str:
        page = client.get(url).content.decode()
        return page.split("Status by monitoring period", 1)[1].split("Progress updates")[0]

    kept = status_table()
    cache.clear()
    assert "Spring 2018" in status_table()
    assert "Spring 2018" in kept


def test_a_status_relabelled_while_the_period_page_is_made_shows_at_once(
    world: PlanWorld,
) -> None:
    cycle = start_cycle(world)
    client = world.client_for(MANAGER)
    url = reverse("period", args=[world.plan.pk, cycle.period.pk])
    real = plan_selectors.last_change
    done: list[Any] = []
    amber = world.plan.status_levels.get(code="A")

    def last_change_as_a_status_is_relabelled(plan: Any) -> int:
        if not done:
            done.append(
                services.status_level_update(actor=None, level=amber, label="Some concerns")
            )
        return real(plan)

    with mock.patch.object(plan_selectors, "last_change", last_change_as_a_status_is_relabelled):
        client.get(url)
    page = client.get(url).content.decode().split('id="updates"')[1]
    assert "Some concerns" in page
