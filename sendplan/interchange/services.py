"""Writes for imports: hold a parsed file for checking, then apply it or throw it away."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from sendplan.audit.services import Actor
from sendplan.interchange.jsonformat import import_plan
from sendplan.interchange.merge import apply_changes, plan_changes
from sendplan.interchange.models import PendingImport
from sendplan.interchange.parsers import ReportItem
from sendplan.plans.models import Area, Plan
from sendplan.plans.services import PlanRuleError


@transaction.atomic
def pending_import_create(
    *,
    user: User,
    area: Area,
    plan: Plan | None,
    source_name: str,
    document: dict,
    report: list[ReportItem],
) -> PendingImport:
    # A person works on one import at a time; older unconfirmed ones are dropped.
    PendingImport.objects.filter(user=user).delete()
    return PendingImport.objects.create(
        user=user,
        area=area,
        plan=plan,
        source_name=source_name[:255],
        document=document,
        report=[[item.where, item.message] for item in report],
    )


@transaction.atomic
def pending_import_confirm(*, actor: Actor, pending: PendingImport, seen: str = "") -> Plan:
    """Save what was checked: a new plan, or only the changes to an existing one.

    seen is the fingerprint of the changes the person was shown; if the plan has moved on
    since, nothing is saved.
    """
    locked = PendingImport.objects.select_for_update().filter(pk=pending.pk).first()
    if locked is None:
        raise PlanRuleError("This import has already been saved or cancelled.")
    if locked.expired:
        locked.delete()
        raise PlanRuleError("This import waited too long to be confirmed. Upload the file again.")
    if locked.plan is None:
        plan = import_plan(locked.document, actor=actor, area_name=locked.area.name)
    else:
        plan = locked.plan
        changes = plan_changes(plan, locked.document)
        if seen and seen != changes.fingerprint:
            raise PlanRuleError(
                "The plan has changed since you uploaded the file, so nothing was saved. "
                "Upload it again to see the changes as they now stand."
            )
        apply_changes(plan=plan, changes=changes, actor=actor)
    locked.delete()
    return plan


@transaction.atomic
def pending_import_cancel(*, pending: PendingImport) -> None:
    PendingImport.objects.filter(pk=pending.pk).delete()
