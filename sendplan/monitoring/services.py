"""Writes for monitoring periods and status updates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max

from sendplan.audit.services import Actor, acting_user, audit_record, snapshot
from sendplan.monitoring.models import Period, StatusUpdate
from sendplan.plans.models import Action, Plan
from sendplan.plans.services import PlanRuleError, _assign, _next_position, audit_plan_item

PERIOD_FIELDS = ("label", "ends_on")


@transaction.atomic
def period_create(*, actor: Actor, plan: Plan, label: str, ends_on: str = "") -> Period:
    if plan.periods.filter(label=label).exists():
        raise PlanRuleError(f"The plan already has a period called {label}")
    period = Period(
        plan=plan, label=label, ends_on=ends_on, position=_next_position(Period, plan=plan)
    )
    period.full_clean()
    period.save()
    audit_plan_item(actor=actor, obj=period, before=None, after=snapshot(period))
    return period


@transaction.atomic
def period_update(*, actor: Actor, period: Period, **fields: Any) -> Period:
    before = snapshot(period)
    _assign(period, PERIOD_FIELDS, fields)
    if period.plan.periods.filter(label=period.label).exclude(pk=period.pk).exists():
        raise PlanRuleError(f"The plan already has a period called {period.label}")
    period.full_clean()
    period.save()
    audit_plan_item(actor=actor, obj=period, before=before, after=snapshot(period))
    return period


@transaction.atomic
def period_delete(*, actor: Actor, period: Period) -> None:
    if period.updates.exists():
        raise PlanRuleError(
            f"Status updates have been recorded for {period.label}, so it cannot be removed"
        )
    audit_plan_item(actor=actor, obj=period, before=snapshot(period), after=None)
    period.delete()


def check_status_code(plan: Plan, status: str) -> None:
    """A status is a code of the plan's scale, or a combination such as G/A."""
    if not status:
        return
    codes = set(plan.status_levels.values_list("code", flat=True))
    unknown = [part for part in status.split("/") if part not in codes]
    if unknown:
        raise PlanRuleError(
            f"{status} is not on this plan's status scale (codes: {', '.join(sorted(codes))})"
        )


@transaction.atomic
def status_update_record(
    *,
    actor: Actor,
    action: Action,
    period: Period,
    status: str = "",
    narrative: str = "",
    evidence: Sequence[str] = (),
    author_name: str | None = None,
    recorded_at: dt.datetime | None = None,
) -> StatusUpdate:
    """Add a status update. Earlier updates for the same period stay in the history.

    The author is the acting user unless author_name is given; importers pass the name the
    source gives (or "") so that historic updates are not credited to whoever imported them.
    """
    plan = action.section.plan
    if period.plan_id != plan.pk:
        raise PlanRuleError("The period must belong to the action's plan")
    check_status_code(plan, status)
    user = acting_user(actor)
    author = user if author_name is None else None
    if author_name is None:
        author_name = (user.get_full_name() or user.get_username()) if user is not None else ""
    last = StatusUpdate.objects.filter(action=action).aggregate(m=Max("sequence"))["m"]
    update = StatusUpdate(
        action=action,
        period=period,
        status=status,
        narrative=narrative,
        evidence=list(evidence),
        author=author,
        author_name=author_name,
        recorded_at=recorded_at,
        sequence=0 if last is None else last + 1,
    )
    update.save()
    audit_record(
        actor=actor,
        obj=update,
        before=None,
        after=snapshot(update),
        plan_id=plan.pk,
        scope=f"action:{action.pk}",
    )
    return update
