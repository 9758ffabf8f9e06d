"""Who may see and change what. Every view asks here; nothing else decides access.

A user with no role in a plan's area gets a 404, as if the plan did not exist.
A user who may read but not change gets a 403 on writes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as AuthUser
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendplan.accounts.models import EDITING_ROLES, Invitation, Membership, Role
from sendplan.accounts.selectors import ROLES_HELD, roles_by_area
from sendplan.accounts.sso import SSO_SESSION_KEY
from sendplan.audit.models import DRAFT_SCOPE, DRAFTS, AuditEvent, draft_scope
from sendplan.plans.models import Action, Area, Person, Plan
from sendplan.plans.selectors import as_it_stands, descendants

if TYPE_CHECKING:
    from sendplan.indicators.models import Indicator
    from sendplan.monitoring.models import UpdateDraft

User = AuthUser | AnonymousUser


def signed_in(request: HttpRequest) -> AuthUser:
    """The signed-in user; sign-in is required everywhere but the sign-in page."""
    if not isinstance(request.user, AuthUser):
        raise PermissionDenied("Sign in first")
    return request.user


def roles_in(user: User, area_id: int) -> set[str]:
    if not isinstance(user, AuthUser):
        return set()
    held: dict[int, set[str]] | None = getattr(user, ROLES_HELD, None)
    if held is not None:
        return set(held.get(area_id, ()))
    return set(Membership.objects.filter(user=user, area_id=area_id).values_list("role", flat=True))


def can_edit_area(user: User, area_id: int) -> bool:
    return bool(roles_in(user, area_id) & EDITING_ROLES)


def can_record_update(
    user: User, action: Action, roles: set[str], *, leads: Iterable[Person] | None = None
) -> bool:
    """Editors may report on any action; a lead officer on the actions they lead (its `leads`,
    when the caller has them)."""
    if roles & EDITING_ROLES:
        return True
    if Role.LEAD_OFFICER not in roles or not isinstance(user, AuthUser):
        return False
    if leads is not None:
        return any(lead.user_id == user.pk for lead in leads)
    return action.leads.filter(user=user).exists()


def can_review(user: User, action: Action, roles: set[str], author_id: int | None = None) -> bool:
    """Editors review any update; a theme owner reviews the updates of actions in their theme,
    though not an update they wrote themselves."""
    if roles & EDITING_ROLES:
        return True
    if not isinstance(user, AuthUser) or (author_id is not None and author_id == user.pk):
        return False
    sections = (action.section, *action.section.ancestors())
    owners = {pk for s in sections for pk in s.owners.values_list("user_id", flat=True)}
    return user.pk in owners


def can_record_figure(user: User, indicator: Indicator, roles: set[str]) -> bool:
    """Editors may record any indicator's figures; its supplier, the figures they supply."""
    if roles & EDITING_ROLES:
        return True
    supplier = indicator.supplier
    return isinstance(user, AuthUser) and supplier is not None and supplier.user_id == user.pk


def can_review_figure(roles: set[str]) -> bool:
    """Programme managers (and area admins) decide on the figures suppliers record."""
    return bool(roles & EDITING_ROLES)


def reviewable_sections(user: User, plan: Plan, roles: set[str]) -> set[int] | None:
    """The sections of the plan whose actions' updates the user may review, found at once for
    a page listing many: None for an editor (every section), else the themes they own and
    every section under them. Their own updates are still not theirs to review."""
    if roles & EDITING_ROLES:
        return None
    if not isinstance(user, AuthUser):
        return set()
    owned = plan.sections.filter(owners__user=user).values_list("pk", flat=True)
    return descendants(plan.sections.all(), owned)


def can_see_draft(user: User, draft: UpdateDraft, roles: set[str]) -> bool:
    """A draft is its writers' until it is submitted: whoever has saved it, and the action's
    leads. Nobody else sees its words, its links or its files, programme managers included."""
    if not isinstance(user, AuthUser):
        return False
    if draft.writers.filter(pk=user.pk).exists():
        return True
    leads = draft.action.leads.filter(user=user).exists()
    return leads and can_record_update(user, draft.action, roles)


def visible_history(
    user: User,
    plan: Plan,
    roles: set[str],
    events: QuerySet[AuditEvent],
    *,
    led: Collection[int] | None = None,
) -> QuerySet[AuditEvent]:
    """The events of a plan's history the user may read: all of them but the trails of drafts,
    which are for their writers (the events they made, and those of the actions they lead:
    `led`, of those the events concern, when the caller knows them)."""
    if not isinstance(user, AuthUser):
        return events.exclude(DRAFTS)
    writers = Q(actor=user)
    if roles & EDITING_ROLES or Role.LEAD_OFFICER in roles:
        if led is None:
            # The drafts' scopes of the actions they lead, asked inside the events' own query.
            scopes = (
                Action.objects.filter(section__plan=plan, leads__user=user)
                .annotate(scope=Concat(Value(f"{DRAFT_SCOPE}:"), Cast("pk", CharField())))
                .values("scope")
            )
            writers |= Q(scope__in=scopes)
        else:
            writers |= Q(scope__in=[draft_scope(pk) for pk in led])
    return events.exclude(DRAFTS & ~writers)


def is_forum(roles: set[str]) -> bool:
    return Role.PARENT_CARER_FORUM in roles


def get_plan_for_user(
    user: User, plan_id: int, *, edit: bool = False, reading: bool = False
) -> tuple[Plan, set[str]]:
    """The plan and the user's roles in its area; 404 without a role, 403 if edit is refused.
    A page that only reads, and keeps what it shows under the plan's version, asks `reading`:
    the plan is read with its last change (plans.selectors.as_it_stands)."""
    found = Plan.objects.select_related("area")
    plan = get_object_or_404(as_it_stands(found) if reading else found, pk=plan_id)
    roles = roles_in(user, plan.area_id)
    if not roles:
        raise Http404("No such plan")
    if edit and not roles & EDITING_ROLES:
        raise PermissionDenied("Only the area's programme managers can change this plan")
    return plan, roles


def get_area_for_admin(user: User, area_id: int) -> Area:
    area = get_object_or_404(Area, pk=area_id)
    roles = roles_in(user, area.pk)
    if not roles:
        raise Http404("No such area")
    if Role.AREA_ADMIN not in roles:
        raise PermissionDenied("Only the area's administrators can manage its users")
    return area


def get_invitation_for_admin(user: User, area_id: int, invitation_id: int) -> Invitation:
    """An invitation to the area, for its administrators; 404 for another area's."""
    area = get_area_for_admin(user, area_id)
    return get_object_or_404(Invitation.objects.select_related("area"), area=area, pk=invitation_id)


def get_person_for_admin(user: User, area_id: int, person_id: int) -> Person:
    """A person in one of the area's plans, for its administrators; 404 for another area's."""
    area = get_area_for_admin(user, area_id)
    people = Person.objects.select_related("plan", "user")
    return get_object_or_404(people, plan__area=area, pk=person_id)


def get_invitation_by_token(token: str) -> Invitation | None:
    """The invitation an emailed link is for, whatever its state. The token is the only key:
    whoever holds the link may accept it, signed in or not."""
    invitations = Invitation.objects.select_related("area", "person__plan", "invited_by")
    return invitations.filter(token_hash=Invitation.hash_token(token)).first()


# Two-factor authentication: what a signed-in person must still do before any other page.


class TwoFactorStep(StrEnum):
    NOT_NEEDED = "not_needed"
    SET_UP = "set_up"
    VERIFY = "verify"
    DONE = "done"


def two_factor_step(request: HttpRequest) -> TwoFactorStep:
    """A code is asked of those who signed in with a password and hold a role named in
    REQUIRE_2FA_ROLES in any area; single sign-on's provider makes its own checks. Roles are
    read on every request, so someone given such a role is asked on their next page."""
    user = request.user
    if not isinstance(user, AuthUser):
        return TwoFactorStep.NOT_NEEDED
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return TwoFactorStep.DONE
    roles = settings.REQUIRE_2FA_ROLES
    if not roles or request.session.get(SSO_SESSION_KEY):
        return TwoFactorStep.NOT_NEEDED
    # Read as all the user's roles: the page's own access check then asks no more of the database.
    if not any(held & roles for held in roles_by_area(user).values()):
        return TwoFactorStep.NOT_NEEDED
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return TwoFactorStep.VERIFY
    return TwoFactorStep.SET_UP
