"""Writes for people's roles in local areas, their invitations, passwords, single sign-on and
second factors."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import time
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendplan.accounts.models import Invitation, Membership, Role
from sendplan.accounts.selectors import (
    accounts_for_email,
    forget_roles,
    invitation_account,
    needs_password,
    open_invitations_to,
)
from sendplan.audit.services import Actor, Snapshot, acting_user, audit_record, snapshot
from sendplan.lib.links import site_link
from sendplan.plans.models import Area, Person
from sendplan.plans.services import PlanRuleError, check_unchanged, person_update

logger = logging.getLogger(__name__)


@transaction.atomic
def membership_add(*, actor: Actor, area: Area, user: User, role: str) -> Membership:
    if Membership.objects.filter(area=area, user=user, role=role).exists():
        raise PlanRuleError(f"{user.get_username()} is already a {Role(role).label.lower()} here")
    membership = Membership.objects.create(area=area, user=user, role=role)
    forget_roles(user, actor)
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
    """Roles are read from the database on every request, so this takes effect at once. The
    account stays, so the person's updates and audit events keep their name."""
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
    # The member's own object holds their roles only if it was loaded with the membership.
    forget_roles(actor, *([membership.user] if Membership.user.is_cached(membership) else []))


# Invitations


def _invitation_snapshot(invitation: Invitation) -> Snapshot:
    data = snapshot(invitation)
    del data["token_hash"]
    return data


def _audit_invitation(
    *, actor: Actor, invitation: Invitation, before: Snapshot | None, note: str = ""
) -> None:
    audit_record(
        actor=actor,
        obj=invitation,
        before=before,
        after=_invitation_snapshot(invitation),
        plan_id=None,
        scope=f"area:{invitation.area_id}",
        note=note,
    )


def _new_token(invitation: Invitation) -> str:
    """Give the invitation a fresh link that works for INVITATION_DAYS; returns the token."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation.token_hash = Invitation.hash_token(token)
    invitation.sent_at = now
    invitation.expires_at = now + dt.timedelta(days=settings.INVITATION_DAYS)
    return token


def _invitation_email(invitation: Invitation, token: str) -> EmailMessage:
    inviter = invitation.invited_by
    who = (inviter.get_full_name() or inviter.get_username()) if inviter else "An administrator"
    lines = [
        f"{who} has invited you to {settings.SITE_NAME}, where {invitation.area}'s SEND "
        "improvement plans are written and monitored.",
        f"Your role: {invitation.get_role_display()} in {invitation.area}.",
    ]
    person = invitation.person
    if person is not None:
        lines.append(f"You are named in {person.plan.title} as {person.display_name}.")
    link = site_link(reverse("invitation_accept", args=[token]))
    expires = timezone.localtime(invitation.expires_at)
    lines += [
        f"Set your password to start: {link}",
        f"The link works once, until {expires.day} {expires:%B %Y} at {expires:%H:%M}.",
        "If you were not expecting this email, you can ignore it.",
    ]
    return EmailMessage(
        subject=f"You are invited to {settings.SITE_NAME}",
        body="\n\n".join(lines) + "\n",
        to=[invitation.email],
    )


def _send(message: EmailMessage) -> None:
    try:
        message.send()
    except Exception:
        # The invitation is saved; the administrator can resend it once email works again.
        logger.exception("Could not send an invitation email")


def _send_on_commit(invitation: Invitation, token: str) -> None:
    transaction.on_commit(partial(_send, _invitation_email(invitation, token)))


@transaction.atomic
def invitation_create(
    *, actor: Actor, area: Area, email: str, role: str, person: Person | None = None
) -> Invitation:
    """Invite an address to a role in the area; a person from one of the area's plans is
    linked to the account when the invitation is accepted."""
    email = email.strip().lower()
    label = Role(role).label
    if person is not None:
        if person.plan.area_id != area.pk:
            raise PlanRuleError(f"{person.display_name} is not in one of {area}'s plans")
        if person.user_id is not None:
            raise PlanRuleError(f"{person.display_name} is already linked to an account")
    invited = Invitation.objects.filter(area=area, email=email, role=role)
    if invited.filter(accepted_at__isnull=True, withdrawn_at__isnull=True).exists():
        raise PlanRuleError(
            f"{email} already has an invitation to the role {label}: resend or withdraw it"
        )
    accounts = accounts_for_email(email)
    if len(accounts) > 1:
        raise PlanRuleError(
            f"More than one account uses {email}, so an invitation cannot say whose it is"
        )
    if accounts and Membership.objects.filter(user=accounts[0], area=area, role=role).exists():
        hint = f": link their account to {person.display_name} instead" if person else ""
        raise PlanRuleError(f"{email} already has the role {label} here{hint}")
    invitation = Invitation(
        area=area, email=email, role=role, person=person, invited_by=acting_user(actor)
    )
    token = _new_token(invitation)
    invitation.save()
    _audit_invitation(actor=actor, invitation=invitation, before=None)
    _send_on_commit(invitation, token)
    return invitation


def _check_open(invitation: Invitation) -> None:
    if invitation.accepted_at is not None:
        raise PlanRuleError(f"The invitation to {invitation.email} has already been accepted")
    if invitation.withdrawn_at is not None:
        raise PlanRuleError(f"The invitation to {invitation.email} has been withdrawn")


@transaction.atomic
def invitation_resend(*, actor: Actor, invitation: Invitation) -> Invitation:
    """Email a new link; the one sent before stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _check_open(invitation)
    before = _invitation_snapshot(invitation)
    token = _new_token(invitation)
    invitation.save()
    _audit_invitation(actor=actor, invitation=invitation, before=before, note="Resent")
    _send_on_commit(invitation, token)
    return invitation


@transaction.atomic
def invitation_withdraw(*, actor: Actor, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _check_open(invitation)
    before = _invitation_snapshot(invitation)
    invitation.withdrawn_at = timezone.now()
    invitation.save()
    _audit_invitation(actor=actor, invitation=invitation, before=before, note="Withdrawn")
    return invitation


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, password: str = "", through_sso: bool = False
) -> User:
    """Give the invitation's role to the account of its address, creating the account (whose
    username is the address) if there is none, and link the invitation's person to it.

    The person accepting acts for themselves: the audit events name their account. A password
    is needed for an account that has none; one given for an existing account replaces its
    password, as a password reset would. Through single sign-on, where the provider vouched
    for the address, none is needed: an account made then has no password.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.PENDING:
        state = Invitation.State(invitation.state).label.lower()
        raise PlanRuleError(f"This invitation cannot be used: {state}")
    account = invitation_account(invitation)
    if needs_password(account) and not password and not through_sso:
        raise ValidationError("Enter a password", code="required")
    if account is None:
        account = User(username=invitation.email, email=invitation.email)
        if through_sso:
            account.set_unusable_password()
        else:
            validate_password(password, account)
            account.set_password(password)
        account.save()
        after = {"username": account.username, "email": account.email}
        audit_record(actor=account, obj=account, before=None, after=after, plan_id=None)
    else:
        if password:
            user_password_set(
                actor=account, user=account, password=password, note="Set by an invitation"
            )
        if not account.email:
            account.email = invitation.email
            account.save(update_fields=["email"])
            changes: Snapshot = {"email": invitation.email}
            audit_record(actor=account, obj=account, before={}, after=changes, plan_id=None)
    area = invitation.area
    if not Membership.objects.filter(user=account, area=area, role=invitation.role).exists():
        membership_add(actor=account, area=area, user=account, role=invitation.role)
    person = invitation.person
    # A person linked to another account since the invitation was sent keeps that link: the
    # administrator's later choice wins.
    if person is not None and person.user_id is None:
        person_update(actor=account, person=person, user=account)
    before = _invitation_snapshot(invitation)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = account
    invitation.save()
    note = "Accepted through single sign-on" if through_sso else "Accepted"
    _audit_invitation(actor=account, invitation=invitation, before=before, note=note)
    return account


# Single sign-on

NOT_SET_UP = "Your account is not set up in sendplan. Ask your area administrator to invite you."


@transaction.atomic
def sso_sign_in(*, email: str, issuer: str) -> User:
    """The account that an address, verified by the single sign-on provider, signs in to.

    It is the one active account with that address (as its email or its username), or the one
    that an open invitation to the address creates. Every open invitation to the address is
    accepted, as following its link would. Nobody gets an account, or a role, that nobody
    invited them to.
    """
    email = email.strip().lower()
    accounts = accounts_for_email(email)
    if len(accounts) > 1:
        raise PlanRuleError(
            "More than one account uses your email address, so sendplan cannot tell which is "
            "yours. Ask your area administrator."
        )
    account = accounts[0] if accounts else None
    if account is not None and not account.is_active:
        raise PlanRuleError(NOT_SET_UP)
    invitations = open_invitations_to(email)
    if account is None and not invitations:
        raise PlanRuleError(NOT_SET_UP)
    for invitation in invitations:
        account = invitation_accept(invitation=invitation, through_sso=True)
    assert account is not None
    last = account.last_login.isoformat() if account.last_login else None
    audit_record(
        actor=account,
        obj=account,
        before={"last_login": last},
        after={"last_login": timezone.now().isoformat()},
        plan_id=None,
        note=f"Signed in through single sign-on from {issuer}"[:300],
    )
    return account


# People in plans and their accounts


def person_link_state(person: Person) -> Snapshot:
    """What the form for linking a person to an account shows: the account linked now."""
    return {"account": person.user.get_username() if person.user else None}


@transaction.atomic
def person_link(
    *, actor: Actor, person: Person, user: User | None, seen: Snapshot | None = None
) -> Person:
    """Say which account is this person's (None: no account), so that the actions they lead
    are theirs under Your actions. Only an account with a role in the plan's area will do.
    seen is what the form showed, checked against the person with its row locked."""
    person.refresh_from_db(from_queryset=Person.objects.select_for_update())
    check_unchanged(seen, person_link_state(person))
    area_id = person.plan.area_id
    if user is not None and not Membership.objects.filter(user=user, area_id=area_id).exists():
        raise PlanRuleError(f"{user.get_username()} has no role in this area")
    return person_update(actor=actor, person=person, user=user)


# Passwords


@transaction.atomic
def user_password_set(*, actor: Actor, user: User, password: str, note: str) -> User:
    """Set a user's password after Django's validators. The audit event says that it changed,
    never what to."""
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        actor=actor,
        obj=user,
        before={"password": "old"},
        after={"password": "new"},
        plan_id=None,
        note=note,
    )
    return user


# Two-factor authentication: an authenticator app (TOTP) and single-use recovery codes.

RECOVERY_CODES = 10
WRONG_CODE = "The code is not right. Enter the code your app shows now"


def _two_factor_snapshot(user: User) -> Snapshot:
    """What the audit trail says of someone's second factors: never the secret or the codes."""
    app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    codes = StaticDevice.objects.filter(user=user).first()
    return {
        "authenticator_app": f"set up {app.created_at.isoformat()}" if app else None,
        "recovery_codes": (
            f"{codes.token_set.count()} left of those made {codes.created_at.isoformat()}"
            if codes
            else None
        ),
    }


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes")
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_enable(*, actor: Actor, user: User, key: str, code: str) -> tuple[Device, list[str]]:
    """Keep the authenticator app whose secret is key (hex), once it has shown a right code,
    in place of any app before it; returns it and a fresh set of recovery codes."""
    totp = TOTP(bytes.fromhex(key))
    totp.time = time.time()
    if not (code.isascii() and code.isdigit() and totp.verify(int(code), tolerance=1)):
        raise ValidationError(WRONG_CODE, code="invalid")
    before = _two_factor_snapshot(user)
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(
        user=user,
        name="Authenticator app",
        key=key,
        confirmed=True,
        # The code just given cannot be given again.
        last_t=totp.t(),
        drift=totp.drift,
    )
    codes = _new_recovery_codes(user)
    audit_record(
        actor=actor,
        obj=user,
        before=before,
        after=_two_factor_snapshot(user),
        plan_id=None,
        note="Two-factor authentication set up",
    )
    return device, codes


@transaction.atomic
def two_factor_verify(*, user: User, code: str, recovery: bool = False) -> Device | None:
    """The device that accepts the code: the authenticator app, or with recovery a recovery
    code, which then stops working. Each wrong code makes django-otp wait longer before the
    next try, so this returns None rather than raising, to keep that count."""
    model = StaticDevice if recovery else TOTPDevice
    device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
    if device is None:
        return None
    before = _two_factor_snapshot(user) if recovery else None
    if not device.verify_token(code):
        return None
    if before is not None:
        audit_record(
            actor=user,
            obj=user,
            before=before,
            after=_two_factor_snapshot(user),
            plan_id=None,
            note="Signed in with a recovery code",
        )
    return device


@transaction.atomic
def recovery_codes_renew(*, actor: Actor, user: User) -> list[str]:
    """New recovery codes; the ones before stop working."""
    before = _two_factor_snapshot(user)
    codes = _new_recovery_codes(user)
    audit_record(
        actor=actor,
        obj=user,
        before=before,
        after=_two_factor_snapshot(user),
        plan_id=None,
        note="New recovery codes",
    )
    return codes


@transaction.atomic
def two_factor_reset(*, actor: Actor, user: User) -> None:
    """Forget someone's authenticator app and recovery codes (a lost phone): they set up a new
    app the next time they sign in with their password."""
    before = _two_factor_snapshot(user)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_record(
        actor=actor,
        obj=user,
        before=before,
        after=_two_factor_snapshot(user),
        plan_id=None,
        note="Two-factor authentication reset",
    )
