"""Reads of the audit trail that other parts of sendplan build on."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery

from sendplan.audit.models import DRAFT_SCOPE, AuditEvent
from sendplan.plans.models import Plan


def _shown_changes() -> QuerySet[AuditEvent]:
    """Every change but a draft's: nothing but its writers sees a draft, so nothing made from a
    plan changes with one."""
    return AuditEvent.objects.exclude(Q(scope=DRAFT_SCOPE) | Q(scope__startswith=f"{DRAFT_SCOPE}:"))


def last_changes(plan_ids: Iterable[int]) -> dict[int, int]:
    """The id of each plan's newest recorded change (0 when it has none), in one query.

    Every write to a plan records an audit event in the same transaction, and ids only grow,
    so the id marks the plan as it stands: anything worked out from a plan and kept under
    this id is current until it changes. An index on (plan, id) finds each plan's newest
    without reading its history."""
    newest = _shown_changes().filter(plan_id=OuterRef("pk")).order_by("-pk").values("pk")[:1]
    found = Plan.objects.filter(pk__in=list(plan_ids)).annotate(last=Subquery(newest))
    return {pk: last or 0 for pk, last in found.values_list("pk", "last")}
