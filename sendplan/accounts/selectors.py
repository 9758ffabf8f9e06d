"""Reads for the people page: who has a role, who is invited, and which account is whose."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Q

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
