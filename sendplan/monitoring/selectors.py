"""Reads of the monitoring cycle, for the status read model in monitoring.progress.

An action's standing in a period is worked out from its ratings: every status update reduced
to a few plain values, read in one query for a whole plan (or for every plan a person sees)
rather than as thousands of model objects. Full updates are read only where a page shows them:
the newest of each action in one period, picked by the database with a window function, which
SQLite and PostgreSQL both run.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Length, RowNumber

from sendplan.monitoring.models import (
    LatestRating,
    Period,
    StatusUpdate,
    UpdateRequest,
    UpdateReview,
)
from sendplan.plans.models import Action, DueDateChange, Plan, StatusLevel

# Actions as objects, as their ids, or as a query for them (which the database then runs as a
# subquery, however many actions it finds).
ActionsOf = Sequence[Action] | Iterable[int] | QuerySet[Action]


class Rating(NamedTuple):
    """A status update reduced to what an action's standing is worked out from. A plain
    tuple: a page may read tens of thousands of them."""

    pk: int
    action_id: int
    period_id: int
    position: int  # the period's place in the plan
    sequence: int
    status: str
    noted: bool  # its narrative says something


# Each action's ratings, oldest first: by period, then in the order they were recorded.
History = dict[int, list[Rating]]


# A narrative this long says something; only shorter ones are read, to see whether they are
# just spaces and line breaks.
LONG_NOTE = 20


def _noted() -> Case:
    """An update's narrative if it is short, else a stand-in for it: enough to tell whether it
    says anything without reading every narrative. Needs note_length annotated first."""
    return Case(
        When(note_length__lte=LONG_NOTE, then=F("narrative")),
        default=Value("(long)"),
        output_field=CharField(),
    )


def _action_ids(actions: ActionsOf) -> QuerySet[Any, Any] | list[int]:
    if isinstance(actions, QuerySet):
        return actions.values("pk")
    return [a.pk if isinstance(a, Action) else a for a in actions]


def _of(actions: ActionsOf | None, plans: Iterable[Plan] | None) -> QuerySet[StatusUpdate]:
    updates = StatusUpdate.objects.all()
    if actions is not None:
        updates = updates.filter(action_id__in=_action_ids(actions))
    if plans is not None:
        updates = updates.filter(period__plan__in=list(plans))
    return updates


def _rating(row: tuple[Any, ...]) -> Rating:
    pk, action_id, period_id, position, sequence, status, note = row[:7]
    return Rating(pk, action_id, period_id, position, sequence, status, bool(note.strip()))


def ratings(*, actions: ActionsOf | None = None, plans: Iterable[Plan] | None = None) -> History:
    """Every rating of the actions, or of every action in the plans, in one query."""
    rows = (
        _of(actions, plans)
        .annotate(note_length=Length("narrative"))
        .annotate(noted=_noted())
        .order_by("period__position", "sequence", "pk")
        .values_list(
            "pk", "action_id", "period_id", "period__position", "sequence", "status", "noted",
        )
    )  # fmt: skip
    history: History = {}
    for row in rows:
        rating = _rating(row)
        history.setdefault(rating.action_id, []).append(rating)
    return history


def ratings_of(updates: Iterable[StatusUpdate]) -> History:
    """The ratings of updates already loaded with their periods (as the reports load them)."""
    # Each period's place read once, not through the relation for every update (thousands).
    places: dict[int, int] = {}

    def place(u: StatusUpdate) -> int:
        if u.period_id not in places:
            places[u.period_id] = u.period.position
        return places[u.period_id]

    found = sorted(updates, key=lambda u: (place(u), u.sequence, u.pk))
    history: History = {}
    for u in found:
        history.setdefault(u.action_id, []).append(
            Rating(
                u.pk, u.action_id, u.period_id, places[u.period_id], u.sequence, u.status,
                bool(u.narrative.strip()),
            )
        )  # fmt: skip
    return history


def _with_reviews() -> Prefetch:
    # Into a plain list: a prefetch otherwise builds a queryset for every update.
    return Prefetch("reviews", UpdateReview.objects.all(), to_attr="review_list")


def newest_updates(
    periods: Iterable[Period],
    actions: ActionsOf | None = None,
    *,
    fields: Sequence[str] = (),
) -> dict[tuple[int, int], StatusUpdate]:
    """The newest update of each action (of all, unless given) in each of the periods, by
    (action, period), with its reviews in `review_list`: one row for each, chosen by the
    database.

    A table that reads only some of each update's fields names them in `fields`, and is given
    the latest review decision of each as `last_decision` ("" when none) instead of its
    reviews."""
    found = _of(actions, None).filter(period__in=list(periods))
    if fields:
        decided = UpdateReview.objects.filter(update_id=OuterRef("pk")).order_by("-at", "-pk")
        found = found.only(*fields).annotate(last_decision=Subquery(decided.values("decision")[:1]))
    else:
        found = found.prefetch_related(_with_reviews())
    newest = found.annotate(
        place=Window(
            RowNumber(),
            partition_by=[F("action_id"), F("period_id")],
            order_by=[F("sequence").desc(), F("pk").desc()],
        )
    ).filter(place=1)
    return {(u.action_id, u.period_id): u for u in newest}


class PeriodRow(NamedTuple):
    """A period reduced to what a table of many plans shows of it: a plain tuple, as such a
    table reads thousands of them."""

    pk: int
    plan_id: int
    position: int
    label: str
    ends_on: str
    was_opened: bool
    is_locked: bool


def period_rows(plans: Iterable[Plan]) -> dict[int, list[PeriodRow]]:
    """Each plan's periods in order, as plain tuples (with whether they were opened and signed
    off, not when, as thousands of times would take long to read)."""
    found: dict[int, list[PeriodRow]] = {plan.pk: [] for plan in plans}
    rows = (
        Period.objects.filter(plan_id__in=list(found))
        .annotate(
            opened=ExpressionWrapper(Q(opened_at__isnull=False), output_field=BooleanField()),
            locked=ExpressionWrapper(Q(signed_off_at__isnull=False), output_field=BooleanField()),
        )
        .values_list("pk", "plan_id", "position", "label", "ends_on", "opened", "locked")
    )
    for row in rows:
        found[row[1]].append(PeriodRow(*row))
    return found


class StatusCount(NamedTuple):
    """How many of a plan's actions, due on the same date, stand at the same status in the
    plan's period (their newest rating in the period or before it; "" with none)."""

    plan_id: int
    due: str
    status: str
    actions: int


@dataclass
class StandingCounts:
    statuses: list[StatusCount]
    asked: Counter[int]  # by plan: updates asked for in the period
    given: Counter[int]  # by plan: of those, how many have an update in the period


def newest_ratings(
    *, actions: ActionsOf, periods: Iterable[int] | None = None
) -> list[tuple[int, int, int, str]]:
    """(update, action, period, status) of each action's newest update, by period and then
    as recorded, in the periods given (else in any): one row per action, picked by the
    database."""
    updates = _of(actions, None)
    if periods is not None:
        updates = updates.filter(period_id__in=list(periods))
    newest = (
        updates.annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("action_id")],
                order_by=[F("period__position").desc(), F("sequence").desc(), F("pk").desc()],
            )
        )
        .filter(place=1)
        .values_list("pk", "action_id", "period_id", "status")
    )
    return list(newest)


def standing_counts(periods: Sequence[PeriodRow], every: Iterable[PeriodRow]) -> StandingCounts:
    """The actions of the periods' plans (one period per plan, `every` all their periods)
    counted by due date and the status they stand at in their plan's period, and the updates
    asked for and given in it, in two grouped queries however many plans there are. They are
    read from each action's latest rating (monitoring.models.LatestRating). An action whose
    latest rating is in a later period than its plan's (as in a plan whose newest columns were
    filled before being opened) is looked up among its updates instead, in two queries more."""
    chosen = {p.plan_id: p for p in periods}
    ids = [p.pk for p in chosen.values()]
    every = [p for p in every if p.plan_id in chosen]
    later = [p.pk for p in every if p.position > chosen[p.plan_id].position]
    actions = Action.objects.filter(section__plan_id__in=list(chosen))
    counted = (
        actions.exclude(latest_rating__period_id__in=later)
        .values_list("section__plan_id", "due", "latest_rating__status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    statuses = [StatusCount(plan_id, due, status or "", n) for plan_id, due, status, n in counted]
    plan_of = {p.pk: p.plan_id for p in chosen.values()}
    requests = UpdateRequest.objects.filter(period_id__in=ids)
    if later:
        requests = requests.exclude(action__latest_rating__period_id__in=later)
    asked, given = Counter[int](), Counter[int]()
    for period_id, n in requests.values_list("period_id").annotate(n=Count("pk")).order_by():
        asked[plan_of[period_id]] = n
    # Given: the action's latest rating is in the period it was asked in. Read from the
    # periods' requests (one each for an action), joined to each one's latest rating: put the
    # other way round, as a test for a request beside each rating, PostgreSQL read every
    # request of every period (224 ms for 153 areas, against 28).
    answered = UpdateRequest.objects.filter(period_id__in=ids).filter(
        Exists(
            LatestRating.objects.filter(
                action_id=OuterRef("action_id"), period_id=OuterRef("period_id")
            )
        )
    )
    for period_id, n in answered.values_list("period_id").annotate(n=Count("pk")).order_by():
        given[plan_of[period_id]] = n
    ahead = LatestRating.objects.filter(period_id__in=later).values_list("action_id", flat=True)
    ahead_ids = list(ahead) if later else []
    if ahead_ids:
        window = [p.pk for p in every if p.position <= chosen[p.plan_id].position]
        before = {a: (s, pe) for _, a, pe, s in newest_ratings(actions=ahead_ids, periods=window)}
        requested = requested_actions(ids)
        for pk, plan_id, due in actions.filter(pk__in=ahead_ids).values_list(
            "pk", "section__plan_id", "due"
        ):
            status, period_id = before.get(pk, ("", 0))
            statuses.append(StatusCount(plan_id, due, status, 1))
            if (chosen[plan_id].pk, pk) in requested:
                asked[plan_id] += 1
                given[plan_id] += period_id == chosen[plan_id].pk
    return StandingCounts(statuses=statuses, asked=asked, given=given)


def rated_at(period: Period) -> QuerySet[StatusUpdate]:
    """Each action's newest update with a status, in the period or before it: where it stood
    at the period's end. One row per action, chosen by the database."""
    return (
        StatusUpdate.objects.filter(period__plan_id=period.plan_id)
        .filter(period__position__lte=period.position)
        .exclude(status="")
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("action_id")],
                order_by=[F("period__position").desc(), F("sequence").desc(), F("pk").desc()],
            )
        )
        .filter(place=1)
    )


def newest_rated(period: Period) -> dict[int, StatusUpdate]:
    """rated_at, by action, each update carrying its period."""
    periods = {p.pk: p for p in Period.objects.filter(plan_id=period.plan_id)}
    newest = rated_at(period)
    found: dict[int, StatusUpdate] = {}
    for update in newest:
        update.period = periods[update.period_id]
        found[update.action_id] = update
    return found


def latest_ratings(actions: ActionsOf) -> tuple[dict[int, Rating], dict[int, dt.datetime]]:
    """Each action's newest rating in the latest period it was rated for, and when it last
    reported, both worked out by the database: one row per action."""
    rows = (
        _of(actions, None)
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("action_id")],
                order_by=[F("period__position").desc(), F("sequence").desc(), F("pk").desc()],
            ),
            last_reported=Window(Max("recorded_at"), partition_by=[F("action_id")]),
            note_length=Length("narrative"),
        )
        .annotate(noted=_noted())
        .filter(place=1)
        .values_list(
            "pk", "action_id", "period_id", "period__position", "sequence", "status", "noted",
            "last_reported",
        )
    )  # fmt: skip
    latest: dict[int, Rating] = {}
    reported: dict[int, dt.datetime] = {}
    for row in rows:
        rating, last_reported = _rating(row), row[-1]
        latest[rating.action_id] = rating
        if last_reported is not None:
            reported[rating.action_id] = last_reported
    return latest, reported


def last_reported(*, plans: Iterable[Plan]) -> dict[int, dt.datetime]:
    """When each action of the plans last reported, by the database: one row per action."""
    rows = (
        _of(None, plans)
        .exclude(recorded_at=None)
        .values("action_id")
        .annotate(last=Max("recorded_at"))
        .order_by()
        .values_list("action_id", "last")
    )
    return dict(rows)


def requested_actions(periods: Iterable[Period] | Iterable[int]) -> set[tuple[int, int]]:
    """(period, action) for every update asked for in the periods."""
    return set(
        UpdateRequest.objects.filter(period__in=list(periods)).values_list("period_id", "action_id")
    )


def rebaselines(
    *, actions: ActionsOf | None = None, plans: Iterable[Plan] | None = None
) -> Counter[int]:
    """How many times each action's due date has been moved with approval."""
    changes = DueDateChange.objects.filter(state=DueDateChange.State.APPROVED)
    if actions is not None:
        changes = changes.filter(action_id__in=_action_ids(actions))
    if plans is not None:
        changes = changes.filter(action__section__plan__in=list(plans))
    return Counter(changes.values_list("action_id", flat=True))


def scales(plans: Iterable[Plan]) -> dict[int, dict[str, StatusLevel]]:
    """Each plan's status scale by code, in the scale's order."""
    found: dict[int, dict[str, StatusLevel]] = {plan.pk: {} for plan in plans}
    for level in StatusLevel.objects.filter(plan_id__in=list(found)):
        found[level.plan_id][level.code] = level
    return found


def periods_of(plans: Iterable[Plan]) -> dict[int, list[Period]]:
    """Each plan's periods in order."""
    found: dict[int, list[Period]] = {plan.pk: [] for plan in plans}
    for period in Period.objects.filter(plan_id__in=list(found)):
        found[period.plan_id].append(period)
    return found


def actions_of(plans: Iterable[Plan]) -> dict[int, list[Action]]:
    """Each plan's actions, with their sections, in the order the signals list them."""
    found: dict[int, list[Action]] = {plan.pk: [] for plan in plans}
    actions = (
        Action.objects.filter(section__plan_id__in=list(found))
        .select_related("section")
        .order_by("section__position", "position", "pk")
    )
    for action in actions:
        found[action.section.plan_id].append(action)
    return found
