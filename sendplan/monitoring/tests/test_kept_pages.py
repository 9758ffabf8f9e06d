"""The pages that keep work for the plan as it stands (the period's, the action's, a
section's) show what a user changes at once: every change they show moves the plan's last
change, and nothing kept under a last change was read before it."""

from __future__ import annotations

import datetime as dt
import re
import threading
from typing import Any
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from sendplan.accounts.models import Role
from sendplan.audit.models import AuditEvent
from sendplan.monitoring import services as monitoring
from sendplan.plans import selectors as plan_selectors
from sendplan.plans import services
from sendplan.plans.models import Action, Section
from sendplan.plans.services import MeasureData
from sendplan.test import PlanWorld, build_world, open_period, start_cycle

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
    """Another request renames a period just after the page has read the plan's version: what
    the page reads after it must not be older than it."""
    client = world.client_for(MANAGER)
    url = reverse("action", args=[world.plan.pk, world.action.pk])
    real = plan_selectors._seen
    renamed: list[Any] = []

    def version_as_a_period_is_renamed(plan: Any) -> Any:
        if not renamed:
            renamed.append(
                monitoring.period_update(actor=None, period=world.periods[0], label="Spring 2018")
            )
        return real(plan)

    with mock.patch.object(plan_selectors, "_seen", version_as_a_period_is_renamed):
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
    real = plan_selectors._seen
    done: list[Any] = []
    amber = world.plan.status_levels.get(code="A")

    def version_as_a_status_is_relabelled(plan: Any) -> Any:
        if not done:
            done.append(
                services.status_level_update(actor=None, level=amber, label="Some concerns")
            )
        return real(plan)

    with mock.patch.object(plan_selectors, "_seen", version_as_a_status_is_relabelled):
        client.get(url)
    page = client.get(url).content.decode().split('id="updates"')[1]
    assert "Some concerns" in page


def test_the_action_page_follows_each_change_it_shows_at_once(world: PlanWorld) -> None:
    """All the action page shows but what depends on its reader is kept for the plan as it
    stands: the forum's comments, a date asked for, its measures and leads, and whether the
    reader leads it, each shown the moment it changes, and the same as made afresh."""
    period = open_period(world)
    url = reverse("action", args=[world.plan.pk, world.action.pk])
    manager, lead = world.client_for(MANAGER), world.client_for(Role.LEAD_OFFICER)
    give = f"Give your update for {period.label}"

    def page(client: Any) -> str:
        # Less what differs on every request: the form's token and the scripts' nonce.
        return re.sub(r'(value|nonce)="[^"]{24,}"', "", client.get(url).content.decode())

    def shown(client: Any) -> str:
        kept = page(client)
        cache.clear()
        assert page(client) == kept  # kept, it is as made afresh
        return kept

    assert give in shown(lead) and "Short breaks take-up" not in shown(manager)
    changes = [
        (
            lambda: monitoring.forum_comment_add(
                actor=None, plan=world.plan, action=world.action, text="Families waited long."
            ),
            "Families waited long.",
        ),
        (
            lambda: monitoring.due_change_propose(
                actor=None, action=world.action, reason="Staffing", due_text="Summer 2019"
            ),
            "A new due date of Summer 2019 is waiting for approval.",
        ),
        (
            lambda: services.action_update(
                actor=None,
                action=world.action,
                measures=[MeasureData(text="Short breaks take-up")],
            ),
            "Short breaks take-up",
        ),
    ]
    for change, words in changes:
        assert words not in manager.get(url).content.decode()
        change()
        assert words in shown(manager)

    # The lead's account unlinked from the plan's person: the page no longer offers them an
    # update; linked again, it does.
    services.person_update(actor=None, person=world.lead, user=None)
    assert give not in shown(lead)
    services.person_update(actor=None, person=world.lead, user=world.users[Role.LEAD_OFFICER])
    assert give in shown(lead)


def test_your_actions_follows_each_change_at_once(world: PlanWorld) -> None:
    """What a lead owes is kept under the last changes of the plans of their areas: each step of
    the cycle shows there at once, as made afresh, and a draft (not a change to the plan) too."""
    today = timezone.localdate()
    period = monitoring.period_open(
        actor=world.users[MANAGER],
        plan=world.plan,
        label="This quarter",
        starts_on=today - dt.timedelta(days=60),
        ends_on=today + dt.timedelta(days=30),
        deadline=today + dt.timedelta(days=40),
        actions=[world.action],
    )
    lead_user = world.users[Role.LEAD_OFFICER]
    lead = world.client_for(Role.LEAD_OFFICER)
    url = reverse("my_actions")

    def state() -> str:
        kept = lead.get(url).content.decode()
        cache.clear()
        afresh = lead.get(url).content.decode()
        assert re.sub(r'(value|nonce)="[^"]{24,}"', "", kept) == re.sub(
            r'(value|nonce)="[^"]{24,}"', "", afresh
        )
        return kept

    assert world.action.title in state()
    draft = monitoring.draft_save(
        actor=lead_user, action=world.action, period=period, version=None, status="A"
    )
    assert "Draft saved" in state()
    update = monitoring.draft_submit(actor=lead_user, draft=draft)
    assert "Waiting for review" in state()
    monitoring.update_review(
        actor=world.users[MANAGER], update=update, decision="returned", comment="Say more."
    )
    assert "Returned to you" in state() and "Say more." in state()
    # No longer the action's lead: it is no longer theirs to update.
    services.action_update(actor=None, action=world.action, leads=[])
    assert world.action.title not in state()


RETITLED = "Audit every overdue assessment, retitled"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one writer at a time, so its changes' ids are in the order they commit",
)
@pytest.mark.django_db(transaction=True)
def test_a_page_read_while_an_earlier_write_is_under_way_shows_it_once_committed() -> None:
    """On PostgreSQL a change's id is taken when it is written, not when it commits: a write
    can take an older id than one that commits before it. A page read between the two commits
    shows the newer change only, and must not be kept so: once the older write commits, the
    page shows it, though the plan's newest change is the same."""
    world = build_world()
    client = world.client_for(MANAGER)
    url = reverse("action", args=[world.plan.pk, world.action.pk])
    client.get(url)
    written, commit = threading.Event(), threading.Event()

    def retitle() -> None:
        try:
            with transaction.atomic():
                action = Action.objects.get(pk=world.action.pk)
                services.action_update(actor=None, action=action, title=RETITLED)
                written.set()
                commit.wait(30)
        finally:
            connection.close()

    writer = threading.Thread(target=retitle)
    writer.start()
    try:
        assert written.wait(30)
        # A later write, to another row, commits first: the plan's newest change is its.
        monitoring.period_update(actor=None, period=world.periods[0], label="Spring 2018")
        meanwhile = client.get(url).content.decode()
        assert "Spring 2018" in meanwhile and RETITLED not in meanwhile
    finally:
        commit.set()
        writer.join(30)
    assert last_change_is_the_periods(world)
    assert RETITLED in client.get(url).content.decode()


def last_change_is_the_periods(world: PlanWorld) -> bool:
    """The retitling took an older id than the period's renaming, though it committed later."""
    newest = AuditEvent.objects.filter(plan_id=world.plan.pk).order_by("-pk").first()
    return newest is not None and newest.object_type.lower() == "period"
