"""Writes for users' roles in local areas."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from sendplan.accounts.models import Membership, Role
from sendplan.audit.services import Actor, audit_record, snapshot
from sendplan.plans.models import Area
from sendplan.plans.services import PlanRuleError


@transaction.atomic
def membership_add(*, actor: Actor, area: Area, user: User, role: str) -> Membership:
    if Membership.objects.filter(area=area, user=user, role=role).exists():
        raise PlanRuleError(f"{user.get_username()} is already a {Role(role).label.lower()} here")
    membership = Membership.objects.create(area=area, user=user, role=role)
    audit_record(
        actor=actor,
        obj=membership,
        before=None,
        after=snapshot(membership),
        plan_id=None,
        scope=f"area:{area.pk}",
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Actor, membership: Membership) -> None:
    area = membership.area
    if (
        membership.role == Role.AREA_ADMIN
        and not Membership.objects.filter(area=area, role=Role.AREA_ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise PlanRuleError("An area needs at least one administrator")
    audit_record(
        actor=actor,
        obj=membership,
        before=snapshot(membership),
        after=None,
        plan_id=None,
        scope=f"area:{area.pk}",
    )
    membership.delete()


@transaction.atomic
def user_create(
    *,
    actor: Actor,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    if User.objects.filter(username__iexact=username).exists():
        raise PlanRuleError(f"The username {username} is taken")
    user = User.objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    after = {"username": username, "name": user.get_full_name(), "email": email}
    audit_record(actor=actor, obj=user, before=None, after=after, plan_id=None)
    return user
