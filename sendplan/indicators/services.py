"""Writes for performance indicators.

An indicator's history is kept like a status's: a figure recorded for a date that already has
one is added beside it as a correction, and the newest recorded figure for a date counts. In
the monitoring cycle a supplier's figure for a period waits for review, and once the period is
signed off its figures take only corrections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from sendplan.audit.services import (
    Actor,
    Snapshot,
    acting_user,
    actor_label,
    audit_record,
    snapshot,
)
from sendplan.indicators.models import Comparator, FigureReview, Indicator, IndicatorPoint
from sendplan.indicators.selectors import FigureState, figure_state, period_words
from sendplan.monitoring.models import Period
from sendplan.plans.models import Action, Plan, Weakness
from sendplan.plans.services import PlanRuleError, _next_position, audit_plan_item

Point = dict[str, Any]

INDICATOR_FIELDS = (
    "ref",
    "name",
    "definition",
    "section_ref",
    "unit",
    "better",
    "source",
    "supplier",
    "frequency",
    "tolerance",
)


def indicator_snapshot(indicator: Indicator) -> Snapshot:
    """The indicator with its links and figures, as its audit events record it."""
    return snapshot(
        indicator,
        extra={
            "weaknesses": [w.ref or str(w) for w in indicator.weaknesses.all()],
            "actions": [a.ref or a.title for a in indicator.actions.all()],
            "points": [
                f"{p.get_kind_display()} {p.on}: {p.value:g}" for p in indicator.points.all()
            ],
            "comparators": [f"{c.name} {c.on}: {c.value:g}" for c in indicator.comparators.all()],
        },
    )


def _check_links(
    plan: Plan, weaknesses: Sequence[Weakness] | None, actions: Sequence[Action] | None
) -> None:
    if any(w.plan_id != plan.pk for w in weaknesses or ()):
        raise PlanRuleError("Areas of weakness must belong to the same plan")
    if any(a.section.plan_id != plan.pk for a in actions or ()):
        raise PlanRuleError("Actions must belong to the same plan")


@transaction.atomic
def indicator_create(
    *,
    actor: Actor,
    plan: Plan,
    name: str,
    baseline: Point | None = None,
    targets: Sequence[Point] = (),
    actuals: Sequence[Point] = (),
    comparators: Sequence[Point] = (),
    weaknesses: Sequence[Weakness] = (),
    actions: Sequence[Action] = (),
    **fields: Any,
) -> Indicator:
    if set(fields) - set(INDICATOR_FIELDS):
        raise TypeError(f"Cannot set {sorted(set(fields) - set(INDICATOR_FIELDS))} on Indicator")
    supplier = fields.get("supplier")
    if supplier is not None and supplier.plan_id != plan.pk:
        raise PlanRuleError("The supplier must be one of the plan's people")
    _check_links(plan, weaknesses, actions)
    indicator = Indicator(plan=plan, name=name, position=_next_position(Indicator, plan=plan))
    for key, value in fields.items():
        setattr(indicator, key, value)
    indicator.full_clean()
    indicator.save()
    indicator.weaknesses.set(weaknesses)
    indicator.actions.set(actions)
    points = [(IndicatorPoint.Kind.BASELINE, baseline)] if baseline else []
    points += [(IndicatorPoint.Kind.TARGET, p) for p in targets]
    points += [(IndicatorPoint.Kind.ACTUAL, p) for p in actuals]
    made: list[IndicatorPoint] = []
    for i, (kind, p) in enumerate(points):
        period = p.get("period")
        if period is not None and period.plan_id != plan.pk:
            raise PlanRuleError("A figure's period must belong to the indicator's plan")
        # A correction names the actual it corrects by its place among the actuals.
        corrects = p.get("corrects")
        point = IndicatorPoint(
            indicator=indicator,
            kind=kind,
            on=p.get("on", ""),
            value=p["value"],
            text=p.get("text", ""),
            source=p.get("source", ""),
            recorded_by_name=p.get("recorded_by", ""),
            recorded_at=parse_datetime(p["recorded_at"]) if p.get("recorded_at") else None,
            position=i,
            period=period,
            needs_review=p.get("needs_review", False),
            corrects=made[corrects] if corrects is not None else None,
            reason=p.get("reason", ""),
        )
        point.save()
        if kind == IndicatorPoint.Kind.ACTUAL:
            made.append(point)
    Comparator.objects.bulk_create(
        Comparator(
            indicator=indicator, name=c["name"], value=c["value"], on=c.get("on", ""), position=i
        )
        for i, c in enumerate(comparators)
    )
    audit_plan_item(actor=actor, obj=indicator, before=None, after=indicator_snapshot(indicator))
    return indicator


@transaction.atomic
def indicator_update(
    *,
    actor: Actor,
    indicator: Indicator,
    weaknesses: Sequence[Weakness] | None = None,
    actions: Sequence[Action] | None = None,
    **fields: Any,
) -> Indicator:
    """Change what an indicator is: its name, definition, links, supplier. Not its figures."""
    if set(fields) - set(INDICATOR_FIELDS):
        raise TypeError(f"Cannot set {sorted(set(fields) - set(INDICATOR_FIELDS))} on Indicator")
    indicator.refresh_from_db(from_queryset=Indicator.objects.select_for_update())
    plan = indicator.plan
    supplier = fields.get("supplier")
    if supplier is not None and supplier.plan_id != plan.pk:
        raise PlanRuleError("The supplier must be one of the plan's people")
    _check_links(plan, weaknesses, actions)
    before = indicator_snapshot(indicator)
    for key, value in fields.items():
        setattr(indicator, key, value)
    indicator.full_clean()
    indicator.save()
    if weaknesses is not None:
        indicator.weaknesses.set(weaknesses)
    if actions is not None:
        indicator.actions.set(actions)
    audit_plan_item(actor=actor, obj=indicator, before=before, after=indicator_snapshot(indicator))
    return indicator


@transaction.atomic
def indicator_trajectory_set(
    *, actor: Actor, indicator: Indicator, baseline: Point | None, targets: Sequence[Point]
) -> Indicator:
    """Replace the baseline and the targets. Between two targets the trajectory is a straight
    line, so a start and an end are enough; a target for each period pins every step."""
    indicator.refresh_from_db(from_queryset=Indicator.objects.select_for_update())
    before = indicator_snapshot(indicator)
    indicator.points.filter(
        kind__in=[IndicatorPoint.Kind.BASELINE, IndicatorPoint.Kind.TARGET]
    ).delete()
    start = _next_point_position(indicator)
    rows = [(IndicatorPoint.Kind.BASELINE, baseline)] if baseline else []
    rows += [(IndicatorPoint.Kind.TARGET, p) for p in targets]
    IndicatorPoint.objects.bulk_create(
        IndicatorPoint(
            indicator=indicator,
            kind=kind,
            on=p.get("on", ""),
            value=p["value"],
            text=p.get("text", ""),
            position=start + i,
        )
        for i, (kind, p) in enumerate(rows)
    )
    audit_plan_item(actor=actor, obj=indicator, before=before, after=indicator_snapshot(indicator))
    return indicator


def _next_point_position(indicator: Indicator) -> int:
    last = indicator.points.order_by("-position").values_list("position", flat=True).first()
    return 0 if last is None else last + 1


def _recorder(actor: Actor) -> tuple[User | None, str]:
    user = acting_user(actor)
    return user, (user.get_full_name() or user.get_username()) if user else ""


def _check_unlocked(indicator: Indicator, ons: set[str]) -> None:
    """Refuse a new figure for a date that a signed-off period's figure holds: it would
    replace a locked figure, which only a correction may stand beside."""
    held = (
        indicator.points.filter(kind=IndicatorPoint.Kind.ACTUAL, on__in=ons)
        .filter(period__signed_off_at__isnull=False)
        .select_related("period")
        .first()
    )
    if held is not None and held.period is not None:
        raise PlanRuleError(
            f"The figure for {period_words(held.on)} belongs to {held.period.label}, which has "
            "been signed off, so it is locked. Record a correction, with its reason, instead."
        )


@transaction.atomic
def indicator_actual_record(
    *,
    actor: Actor,
    indicator: Indicator,
    value: float,
    on: str = "",
    text: str = "",
    source: str = "",
    period: Period | None = None,
    needs_review: bool = False,
    corrects: IndicatorPoint | None = None,
    reason: str = "",
) -> IndicatorPoint:
    """Record the figure for a date, or the figure a monitoring period asks for (dated the
    period's last day unless a date is given). An earlier figure for the same date stays,
    replaced. Once a period is signed off its figures are locked: the only figure it then
    takes is a correction of one of its own, with its reason."""
    indicator.refresh_from_db(from_queryset=Indicator.objects.select_for_update())
    if period is not None:
        # Locked until this write commits, so that a sign-off at the same moment either sees
        # this figure or refuses it, never misses it.
        period = Period.objects.select_for_update().get(pk=period.pk)
        if period.plan_id != indicator.plan_id:
            raise PlanRuleError("The period must belong to the indicator's plan")
        on = on or period.ends_on
    if not on:
        raise PlanRuleError("Enter the date the figure is for")
    if corrects is not None:
        if corrects.indicator_id != indicator.pk or corrects.period_id != getattr(
            period, "pk", None
        ):
            raise PlanRuleError("A correction must be for the same indicator and period")
        if not reason.strip():
            raise PlanRuleError("Enter the reason for the correction")
        on = corrects.on
    elif period is not None and period.is_locked:
        raise PlanRuleError(
            f"The period {period.label} has been signed off, so its figures are locked. "
            "Record a correction, with its reason, instead."
        )
    else:
        _check_unlocked(indicator, {on})
    before = indicator_snapshot(indicator)
    user, name = _recorder(actor)
    point = IndicatorPoint(
        indicator=indicator,
        kind=IndicatorPoint.Kind.ACTUAL,
        on=on,
        value=value,
        text=text,
        source=source,
        recorded_by=user,
        recorded_by_name=name,
        recorded_at=timezone.now(),
        position=_next_point_position(indicator),
        period=period,
        needs_review=needs_review,
        corrects=corrects,
        reason=reason.strip(),
    )
    point.full_clean()
    point.save()
    audit_plan_item(actor=actor, obj=indicator, before=before, after=indicator_snapshot(indicator))
    return point


@transaction.atomic
def figure_submit(
    *,
    actor: Actor,
    indicator: Indicator,
    period: Period,
    value: float,
    on: str = "",
    text: str = "",
    source: str = "",
    reviewed: bool,
) -> IndicatorPoint:
    """A figure for an open period, from its supplier or a programme manager. Unless the one
    recording it is trusted to (`reviewed`: a programme manager), it waits for review, as a
    status update does; a returned figure is answered by recording it again."""
    period.refresh_from_db(fields=["opened_at", "signed_off_at"])
    if not period.is_open:
        state = "signed off" if period.is_locked else "not open"
        raise PlanRuleError(f"The period {period.label} is {state}, so it takes no figures")
    return indicator_actual_record(
        actor=actor,
        indicator=indicator,
        value=value,
        on=on,
        text=text,
        source=source,
        period=period,
        needs_review=not reviewed,
    )


@transaction.atomic
def figure_review(
    *, actor: Actor, point: IndicatorPoint, decision: str, comment: str = ""
) -> FigureReview:
    """Approve a figure waiting for review, or return it to its supplier with a reason."""
    # Locked alone: PostgreSQL cannot lock the nullable side of a join to the period.
    point = IndicatorPoint.objects.select_for_update().get(pk=point.pk)
    period = point.period
    if period is None:
        raise PlanRuleError("This figure answers no monitoring period, so it is not reviewed")
    period.refresh_from_db(fields=["opened_at", "signed_off_at"])
    if period.is_locked:
        raise PlanRuleError(f"The period {period.label} has been signed off, so it is locked")
    if decision not in FigureReview.Decision.values:
        raise PlanRuleError("Choose whether to approve the figure or return it")
    newest = (
        IndicatorPoint.objects.filter(indicator_id=point.indicator_id, period=period)
        .order_by("-position", "-pk")
        .first()
    )
    if newest is not None and newest.pk != point.pk:
        raise PlanRuleError("A newer figure has been recorded for this period; review that one")
    state = figure_state(point)
    if state != FigureState.SUBMITTED:
        raise PlanRuleError(f"This figure has already been {state.label.lower()}")
    if decision == FigureReview.Decision.RETURNED and not comment.strip():
        raise PlanRuleError("Enter the reason for returning the figure")
    review = FigureReview(
        point=point,
        decision=decision,
        comment=comment.strip(),
        reviewer=acting_user(actor),
        reviewer_name=actor_label(actor),
    )
    review.save()
    _audit_review(actor, review)
    return review


def _audit_review(actor: Actor, review: FigureReview) -> None:
    plan_id = review.point.indicator.plan_id
    audit_record(
        actor=actor,
        obj=review,
        before=None,
        after=snapshot(review),
        plan_id=plan_id,
        scope=f"plan:{plan_id}",
    )


@transaction.atomic
def figure_correct(
    *,
    actor: Actor,
    point: IndicatorPoint,
    reason: str,
    value: float,
    text: str = "",
    source: str = "",
) -> IndicatorPoint:
    """A correction to a figure of a signed-off period: a new figure beside the original,
    with its reason. The newest counts; the original stays, shown beside it."""
    period = point.period
    if period is not None:
        period.refresh_from_db(fields=["signed_off_at"])
    if period is None or not period.is_locked:
        raise PlanRuleError(
            "Only figures of a signed-off period are corrected; otherwise record the figure "
            "again, and the newest counts"
        )
    return indicator_actual_record(
        actor=actor,
        indicator=point.indicator,
        value=value,
        text=text,
        source=source,
        period=period,
        corrects=point,
        reason=reason,
    )


@transaction.atomic
def indicator_change_figures(
    *,
    actor: Actor,
    indicator: Indicator,
    actuals: Sequence[Point],
    comparators: Sequence[Point],
    remove_comparators: QuerySet[Comparator] | None = None,
) -> Indicator:
    """Add many figures at once, as a loaded file brings them: the actuals beside any held for
    the same dates, and the comparators in place of those removed. One audit event."""
    indicator.refresh_from_db(from_queryset=Indicator.objects.select_for_update())
    _check_unlocked(indicator, {p["on"] for p in actuals})
    before = indicator_snapshot(indicator)
    user = acting_user(actor)
    now = timezone.now()
    start = _next_point_position(indicator)
    points = [
        IndicatorPoint(
            indicator=indicator,
            kind=IndicatorPoint.Kind.ACTUAL,
            on=p["on"],
            value=p["value"],
            text=p.get("text", ""),
            source=p.get("source", ""),
            recorded_by=user,
            recorded_by_name=(user.get_full_name() or user.get_username()) if user else "",
            recorded_at=now,
            position=start + i,
        )
        for i, p in enumerate(actuals)
    ]
    for point in points:
        point.full_clean(exclude=["indicator", "recorded_by"])
    IndicatorPoint.objects.bulk_create(points)
    if remove_comparators is not None:
        remove_comparators.filter(indicator=indicator).delete()
    last = indicator.comparators.order_by("-position").values_list("position", flat=True).first()
    first = 0 if last is None else last + 1
    Comparator.objects.bulk_create(
        Comparator(
            indicator=indicator, name=c["name"], value=c["value"], on=c.get("on", ""), position=i
        )
        for i, c in enumerate(comparators, start=first)
    )
    audit_plan_item(actor=actor, obj=indicator, before=before, after=indicator_snapshot(indicator))
    return indicator


@transaction.atomic
def figure_review_restore(
    *,
    actor: Actor,
    point: IndicatorPoint,
    decision: str,
    comment: str = "",
    reviewer_name: str = "",
    at: dt.datetime | None = None,
) -> FigureReview:
    """A review decision as a plan document gives it, with its reviewer's name and time."""
    if decision not in FigureReview.Decision.values:
        raise PlanRuleError(f"{decision} is not a review decision")
    review = FigureReview(
        point=point,
        decision=decision,
        comment=comment,
        reviewer_name=reviewer_name,
        at=at or timezone.now(),
    )
    review.save()
    _audit_review(actor, review)
    return review
