"""Writes for performance indicators."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from sendplan.audit.services import Actor, snapshot
from sendplan.indicators.models import Comparator, Indicator, IndicatorPoint
from sendplan.plans.models import Plan
from sendplan.plans.services import _next_position, audit_plan_item

Point = dict[str, Any]


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
    **fields: Any,
) -> Indicator:
    allowed = {"ref", "definition", "section_ref", "unit", "better"}
    if set(fields) - allowed:
        raise TypeError(f"Cannot set {sorted(set(fields) - allowed)} on Indicator")
    indicator = Indicator.objects.create(
        plan=plan, name=name, position=_next_position(Indicator, plan=plan), **fields
    )
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
    audit_plan_item(
        actor=actor,
        obj=indicator,
        before=None,
        after=snapshot(
            indicator,
            extra={
                "points": [
                    f"{p.get_kind_display()} {p.on}: {p.value}" for p in indicator.points.all()
                ]
            },
        ),
    )
    return indicator
