"""A plan of any size, written in bulk: for tests that compare a page on a small plan and a
large one, and for timing pages. Every kind of row a page shows is there (leads, measures,
ratings in every period, corrections, reviews, re-baselined dates, forum comments, requests
in an open period), so a page that asks the database once per row shows it."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from sendplan.monitoring.models import (
    ForumComment,
    Period,
    StatusUpdate,
    UpdateRequest,
    UpdateReview,
)
from sendplan.monitoring.services import latest_ratings_rebuild
from sendplan.plans.models import (
    Action,
    ActionLead,
    DueDateChange,
    Measure,
    Person,
    Plan,
    Section,
)

# How a rating moves from one period to the next: mostly it stays put.
RATINGS = ["W", "G", "G", "A", "G", "R", "A", "B"]
ACTIONS_PER_SECTION = 10


def grow_plan(plan: Plan, *, actions: int, periods: int, lead: Person | None = None) -> None:
    """Add sections, actions and periods to the plan until it has `actions` actions and
    `periods` periods; rate every new action in every period and every old action in the new
    periods. The newest period is left open, with an update asked of every action."""
    now = timezone.now()
    have = list(plan.periods.order_by("position", "pk"))
    start = max((p.position for p in have), default=-1) + 1
    first = dt.date(2018, 1, 31) + dt.timedelta(days=91 * len(have))
    new_periods = Period.objects.bulk_create(
        Period(
            plan=plan,
            label=f"Period {start + n + 1}",
            ends_on=(first + dt.timedelta(days=91 * n)).isoformat(),
            position=start + n,
        )
        for n in range(max(0, periods - len(have)))
    )
    all_periods = list(plan.periods.order_by("position", "pk"))
    newest = all_periods[-1]
    Period.objects.filter(pk=newest.pk).update(opened_at=now, deadline=dt.date(2030, 1, 1))

    old_actions = list(Action.objects.filter(section__plan=plan))
    count = max(0, actions - len(old_actions))
    people = list(plan.people.all())
    if lead is None and people:
        lead = people[0]
    sections_before = plan.sections.count()
    themes = Section.objects.bulk_create(
        Section(
            plan=plan,
            ref=f"T{sections_before + n}",
            level="Theme",
            title=f"Theme {sections_before + n}",
            position=sections_before + n,
        )
        for n in range((count + ACTIONS_PER_SECTION - 1) // ACTIONS_PER_SECTION)
    )
    themes = list(plan.sections.filter(pk__in=[t.pk for t in themes]).order_by("position"))
    new_actions = Action.objects.bulk_create(
        Action(
            section=themes[n // ACTIONS_PER_SECTION],
            ref=f"{themes[n // ACTIONS_PER_SECTION].ref}.{n % ACTIONS_PER_SECTION + 1}",
            title=f"Deliver improvement {n}",
            due=f"2018-{n % 12 + 1:02d}",
            cost=100 if n % 5 == 0 else None,
            position=n % ACTIONS_PER_SECTION,
        )
        for n in range(count)
    )
    new_actions = list(
        Action.objects.filter(pk__in=[a.pk for a in new_actions]).select_related("section")
    )
    if lead is not None:
        ActionLead.objects.bulk_create(ActionLead(action=a, person=lead) for a in new_actions)
        Section.owners.through.objects.bulk_create(
            Section.owners.through(section_id=t.pk, person_id=lead.pk) for t in themes
        )
    Measure.objects.bulk_create(
        Measure(action=a, text=f"Measure of {a.ref}", due=a.due) for a in new_actions
    )
    DueDateChange.objects.bulk_create(
        DueDateChange(
            action=a,
            previous_due="2017-12",
            due=a.due,
            reason="Moved by the board",
            state=DueDateChange.State.APPROVED,
            proposed_at=now,
            decided_at=now,
        )
        for a in new_actions[::4]
    )

    # Ratings: every new action in every period, every old action in the new periods, except
    # that every ninth action has said nothing for the last three periods (it is stale).
    wanted = [(a, p) for a in new_actions for p in all_periods]
    wanted += [(a, p) for a in old_actions for p in new_periods]
    quiet = {p.pk for p in all_periods[-3:]}
    wanted = [(a, p) for a, p in wanted if not (a.pk % 9 == 0 and p.pk in quiet)]
    sequence = itertools.count(1000)
    updates = StatusUpdate.objects.bulk_create(
        StatusUpdate(
            action=a,
            period=p,
            status=RATINGS[(a.pk + p.position) % len(RATINGS)],
            # Some say nothing, some only spaces and a line break.
            narrative=["", " \n"][a.pk % 2]
            if (a.pk + p.position) % 3 == 0
            else f"Progress on {a.ref}",
            evidence=["Minutes"],
            author_name="Helen Hill",
            recorded_at=now - dt.timedelta(days=a.pk % 5 + 7 * (len(all_periods) - p.position)),
            sequence=next(sequence),
            needs_review=p.pk == newest.pk,
        )
        for a, p in wanted
    )
    # A correction of every tenth new update, and a review of every third in the open period.
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            action_id=u.action_id,
            period_id=u.period_id,
            status="A",
            narrative="Corrected",
            author_name="Pat Manager",
            recorded_at=now,
            sequence=next(sequence),
            corrects=u,
            reason="The first rating was for another action",
        )
        for u in updates[::10]
        if u.period_id != newest.pk
    )
    UpdateReview.objects.bulk_create(
        UpdateReview(
            update=u,
            decision=UpdateReview.Decision.RETURNED if n % 2 else UpdateReview.Decision.APPROVED,
            comment="Say more",
            reviewer_name="Pat Manager",
        )
        for n, u in enumerate(u for u in updates if u.period_id == newest.pk)
        if n % 3 == 0
    )
    asked = set(newest.requests.values_list("action_id", flat=True))
    UpdateRequest.objects.bulk_create(
        UpdateRequest(period=newest, action=a)
        for a in [*old_actions, *new_actions]
        if a.pk not in asked
    )
    ForumComment.objects.bulk_create(
        ForumComment(plan=plan, action=a, period=newest, text=f"Forum view on {a.ref}")
        for a in new_actions[::5]
    )
    latest_ratings_rebuild(plans=[plan])
