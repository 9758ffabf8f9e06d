"""Writes for performance indicators.

An indicator's history is kept like a status's: a figure recorded for a date that already has
one is added beside it as a correction, and the newest recorded figure for a date counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from sendplan.audit.services import Actor, Snapshot, acting_user, snapshot
from sendplan.indicators.models import Comparator, Indicator, IndicatorPoint
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
    IndicatorPoint.objects.bulk_create(
        IndicatorPoint(
            indicator=indicator,
            kind=kind,
            on=p.get("on", ""),
            value=p["value"],
            text=p.get("text", ""),
            source=p.get("source", ""),
            recorded_by_name=p.get("recorded_by", ""),
            recorded_at=parse_datetime(p["recorded_at"]) if p.get("recorded_at") else None,
            position=i,
        )
        for i, (kind, p) in enumerate(points)
    )
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


@transaction.atomic
def indicator_actual_record(
    *, actor: Actor, indicator: Indicator, on: str, value: float, text: str = "", source: str = ""
) -> IndicatorPoint:
    """Record the figure for a date. An earlier figure for the same date stays, replaced."""
    indicator.refresh_from_db(from_queryset=Indicator.objects.select_for_update())
    before = indicator_snapshot(indicator)
    user = acting_user(actor)
    point = IndicatorPoint(
        indicator=indicator,
        kind=IndicatorPoint.Kind.ACTUAL,
        on=on,
        value=value,
        text=text,
        source=source,
        recorded_by=user,
        recorded_by_name=(user.get_full_name() or user.get_username()) if user else "",
        recorded_at=timezone.now(),
        position=_next_point_position(indicator),
    )
    point.full_clean()
    point.save()
    audit_plan_item(actor=actor, obj=indicator, before=before, after=indicator_snapshot(indicator))
    return point


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
