"""Reads for the people page (who has a role, who is invited, which account is whose), and
for signing in."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendplan.accounts.models import Invitation, Membership, Role
from sendplan.plans.models import Area, Person, Plan
from sendplan.plans.services import PlanRuleError


@dataclass
class PersonRow:
    """A person named in a plan, with their account or how far they are from having one."""

    person: Person
    # The open invitation (pending or expired) that names them, if any.
    invitation: Invitation | None
    # Whether their linked account still has a role in the area.
    has_role: bool

    @property
    def state(self) -> str:
        if self.person.user_id is not None:
            return "linked"
        if self.invitation is not None:
            return str(self.invitation.state)
        return "not_invited" if self.person.email else "no_email"


@dataclass
class PlanPeople:
    plan: Plan
    rows: list[PersonRow]


@dataclass
class AreaPeople:
    members: list[Membership]
    invitations: list[Invitation]
    plans: list[PlanPeople]


def open_invitations(area: Area) -> list[Invitation]:
    return list(
        Invitation.objects.filter(area=area, accepted_at__isnull=True, withdrawn_at__isnull=True)
        .select_related("person__plan", "invited_by")
        .order_by("email", "role")
    )


def area_people(area: Area) -> AreaPeople:
    members = list(
        Membership.objects.filter(area=area)
        .select_related("user")
        .order_by("user__username", "role")
    )
    with_role = {m.user_id for m in members}
    invitations = open_invitations(area)
    by_person = {i.person_id: i for i in invitations if i.person_id is not None}
    people = list(Person.objects.filter(plan__area=area).select_related("user"))
    plans = []
    for plan in Plan.objects.filter(area=area).order_by("title"):
        rows = [
            PersonRow(
                person=person,
                invitation=by_person.get(person.pk),
                has_role=person.user_id in with_role,
            )
            for person in people
            if person.plan_id == plan.pk
        ]
        plans.append(PlanPeople(plan=plan, rows=rows))
    return AreaPeople(members=members, invitations=invitations, plans=plans)


def area_accounts(area: Area) -> dict[User, list[str]]:
    """Every account with a role in the area, with the names of its roles."""
    accounts: dict[User, list[str]] = {}
    memberships = Membership.objects.filter(area=area).select_related("user")
    for membership in memberships.order_by("user__first_name", "user__username", "role"):
        accounts.setdefault(membership.user, []).append(Role(membership.role).label)
    return accounts


def accounts_for_email(email: str) -> list[User]:
    """The accounts an address belongs to: by their email, or a username that is the address."""
    return list(User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)))


def invitation_account(invitation: Invitation) -> User | None:
    """The existing account an invitation will give its role to, or None for a new one."""
    accounts = accounts_for_email(invitation.email)
    if len(accounts) > 1:
        raise PlanRuleError(
            "More than one account uses this email address. Ask the person who invited you "
            "to give you the role another way."
        )
    return accounts[0] if accounts else None


def needs_password(account: User | None) -> bool:
    return account is None or not account.has_usable_password()


def open_invitations_to(email: str) -> list[Invitation]:
    """The invitations to an address that can still be accepted: neither used, withdrawn nor
    expired."""
    invitations = Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, withdrawn_at__isnull=True
    ).order_by("pk")
    return [i for i in invitations if i.state == Invitation.State.PENDING]


def sign_in_username(name: str) -> str:
    """The username that what someone typed at sign-in stands for: the account whose username
    it is, whatever its case, or whose email address it is. Left as typed when it names no
    single account, so that the sign-in fails as any wrong username does."""
    name = name.strip()
    if User.objects.filter(username=name).exists():
        return name
    for match in (Q(username__iexact=name), Q(email__iexact=name)):
        usernames = list(User.objects.filter(match).values_list("username", flat=True)[:2])
        if len(usernames) == 1:
            return usernames[0]
        if usernames:
            break
    return name


@dataclass
class TwoFactor:
    """Someone's second factors, as their page shows them."""

    app: TOTPDevice | None
    recovery_codes_left: int


def two_factor_for(user: User) -> TwoFactor:
    return TwoFactor(
        app=TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        recovery_codes_left=StaticToken.objects.filter(device__user=user).count(),
    )


def two_factor_wait(user: User, *, recovery: bool = False) -> int:
    """Seconds before django-otp will check another code, after wrong ones; 0 if none."""
    model = StaticDevice if recovery else TOTPDevice
    device = model.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return 0
    allowed, details = device.verify_is_allowed()
    if allowed:
        return 0
    until = (details or {}).get("locked_until")
    if until is None:
        return 1
    return max(1, math.ceil((until - timezone.now()).total_seconds()))


# Where a request's user carries every role they hold, once two_factor_step has read them.
ROLES_HELD = "_sendplan_roles_by_area"


def roles_by_area(user: User) -> dict[int, set[str]]:
    """Every role the user holds, by area, read once and kept on this user object: the object
    Django makes afresh for each request, so the two-factor check and the page's access check
    share one read. Changing a membership forgets what the changed user's object holds."""
    held: dict[int, set[str]] | None = getattr(user, ROLES_HELD, None)
    if held is None:
        held = {}
        for area_id, role in Membership.objects.filter(user=user).values_list("area_id", "role"):
            held.setdefault(area_id, set()).add(role)
        setattr(user, ROLES_HELD, held)
    return held


def forget_roles(*users: object) -> None:
    """Let these user objects read their roles again (after a membership changed)."""
    for user in users:
        if hasattr(user, ROLES_HELD):
            delattr(user, ROLES_HELD)
