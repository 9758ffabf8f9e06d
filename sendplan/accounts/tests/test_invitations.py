"""Invitations: an emailed, single-use, expiring link to set a password and take up a role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from sendplan.accounts import selectors, services
from sendplan.accounts.access import get_invitation_by_token
from sendplan.accounts.models import Invitation, Membership, Role
from sendplan.accounts.tests import OnCommit, emailed_token, invite
from sendplan.audit.models import AuditEvent
from sendplan.plans import services as plans
from sendplan.plans.models import Person
from sendplan.plans.services import PlanRuleError
from sendplan.test import PASSWORD, PlanWorld

NEW_PASSWORD = "a quiet meadow in April"


@pytest.fixture
def unlinked(world: PlanWorld) -> Person:
    """A lead officer named in the plan with an email address and no account yet."""
    return plans.person_create(
        actor=None, plan=world.plan, key="SC", name="Sam Cole", email="sam.cole@testshire.gov.uk"
    )


def test_it_emails_a_link_and_keeps_only_a_hash_of_it(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, token = invite(
        world, django_capture_on_commit_callbacks, "Sam.Cole@Testshire.gov.uk"
    )
    message = mail.outbox[-1]
    assert message.to == ["sam.cole@testshire.gov.uk"]
    assert "Your role: Lead officer in Testshire" in message.body
    assert message.body.count("http://127.0.0.1:8000/invitations/") == 1
    assert token not in invitation.token_hash
    assert not Invitation.objects.filter(token_hash=token).exists()
    assert get_invitation_by_token(token) == invitation
    event = AuditEvent.objects.get(object_type="invitation")
    assert event.actor == world.users["area_admin"]
    assert "token_hash" not in event.changes


def test_it_sends_nothing_if_the_invitation_is_not_saved(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.invitation_create(
            actor=None, area=world.area, email="sam@x.org", role=Role.LEAD_OFFICER
        )
        raise RuntimeError("something later in the same transaction failed")
    assert mail.outbox == []
    assert not Invitation.objects.exists()


@override_settings(INVITATION_DAYS=3)
def test_it_expires_after_the_configured_number_of_days(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, _ = invite(world, django_capture_on_commit_callbacks, "sam@testshire.gov.uk")
    left = invitation.expires_at - timezone.now()
    assert dt.timedelta(days=2, hours=23) < left <= dt.timedelta(days=3)
    assert invitation.state == Invitation.State.PENDING
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.EXPIRED
    with pytest.raises(PlanRuleError, match="expired"):
        services.invitation_accept(invitation=invitation, password=NEW_PASSWORD)
    assert not User.objects.filter(username="sam@testshire.gov.uk").exists()


def test_it_creates_an_account_with_the_role_and_links_the_person(
    world: PlanWorld, unlinked: Person, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, _ = invite(
        world, django_capture_on_commit_callbacks, unlinked.email, person=unlinked
    )
    user = services.invitation_accept(invitation=invitation, password=NEW_PASSWORD)

    assert user.username == "sam.cole@testshire.gov.uk" and user.email == user.username
    assert user.check_password(NEW_PASSWORD)
    assert Membership.objects.filter(user=user, area=world.area, role=Role.LEAD_OFFICER).exists()
    unlinked.refresh_from_db()
    assert unlinked.user == user
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED and invitation.accepted_by == user
    # Everything the acceptance wrote is on the trail under the new account's name.
    kinds = set(AuditEvent.objects.filter(actor=user).values_list("object_type", flat=True))
    assert kinds == {"user", "membership", "person", "invitation"}


def test_it_links_only_the_person_the_invitation_names(
    world: PlanWorld, unlinked: Person, django_capture_on_commit_callbacks: OnCommit
) -> None:
    # The address is the one the plan gives Sam, but nobody said this invitation is Sam's.
    invitation, _ = invite(world, django_capture_on_commit_callbacks, unlinked.email)
    services.invitation_accept(invitation=invitation, password=NEW_PASSWORD)
    unlinked.refresh_from_db()
    assert unlinked.user is None


def test_it_leaves_a_person_linked_meanwhile_to_someone_else(
    world: PlanWorld, unlinked: Person, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, _ = invite(
        world, django_capture_on_commit_callbacks, "sam@home.example", person=unlinked
    )
    services.person_link(actor=None, person=unlinked, user=world.users["board_member"])
    user = services.invitation_accept(invitation=invitation, password=NEW_PASSWORD)
    unlinked.refresh_from_db()
    assert unlinked.user == world.users["board_member"]
    assert Membership.objects.filter(user=user, role=Role.LEAD_OFFICER).exists()


def test_it_checks_the_password_with_djangos_validators(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, _ = invite(world, django_capture_on_commit_callbacks, "sam@testshire.gov.uk")
    for weak in ["", "short", "password123", "sam@testshire.gov.uk"]:
        with pytest.raises(ValidationError):
            services.invitation_accept(invitation=invitation, password=weak)
    assert not User.objects.filter(username="sam@testshire.gov.uk").exists()
    assert Invitation.objects.get(pk=invitation.pk).state == Invitation.State.PENDING


def test_it_gives_the_role_to_an_existing_account_with_that_address(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    adviser = world.outsider
    adviser.email = "Outsider@Elsewhere.gov.uk"
    adviser.save()
    invitation, _ = invite(
        world, django_capture_on_commit_callbacks, "outsider@elsewhere.gov.uk", role="adviser"
    )
    assert selectors.invitation_account(invitation) == adviser
    assert services.invitation_accept(invitation=invitation) == adviser
    assert Membership.objects.filter(user=adviser, area=world.area, role=Role.ADVISER).exists()
    # Their password is the one they had.
    adviser.refresh_from_db()
    assert adviser.check_password(PASSWORD)
    assert User.objects.count() == len(world.users) + 1


def test_it_can_be_used_once(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, _ = invite(world, django_capture_on_commit_callbacks, "sam@testshire.gov.uk")
    services.invitation_accept(invitation=invitation, password=NEW_PASSWORD)
    with pytest.raises(PlanRuleError, match="accepted"):
        services.invitation_accept(invitation=invitation, password="another long passphrase")
    assert User.objects.get(username="sam@testshire.gov.uk").check_password(NEW_PASSWORD)
    with pytest.raises(PlanRuleError, match="already been accepted"):
        services.invitation_resend(actor=None, invitation=invitation)
    with pytest.raises(PlanRuleError, match="already been accepted"):
        services.invitation_withdraw(actor=None, invitation=invitation)


def test_it_resends_a_new_link_and_the_old_one_stops_working(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, old_token = invite(world, django_capture_on_commit_callbacks, "sam@x.org")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_resend(actor=world.users["area_admin"], invitation=invitation)
    new_token = emailed_token("sam@x.org")
    assert len(mail.outbox) == 2 and new_token != old_token
    assert get_invitation_by_token(old_token) is None
    resent = get_invitation_by_token(new_token)
    assert resent is not None and resent.state == Invitation.State.PENDING
    assert AuditEvent.objects.filter(object_type="invitation", note="Resent").exists()


def test_it_withdraws_an_invitation(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, token = invite(world, django_capture_on_commit_callbacks, "sam@x.org")
    services.invitation_withdraw(actor=world.users["area_admin"], invitation=invitation)
    withdrawn = get_invitation_by_token(token)
    assert withdrawn is not None and withdrawn.state == Invitation.State.WITHDRAWN
    with pytest.raises(PlanRuleError, match="withdrawn"):
        services.invitation_accept(invitation=invitation, password=NEW_PASSWORD)
    with pytest.raises(PlanRuleError, match="withdrawn"):
        services.invitation_resend(actor=None, invitation=invitation)
    # Once withdrawn, the address can be invited afresh.
    invite(world, django_capture_on_commit_callbacks, "sam@x.org")


def test_it_refuses_a_second_open_invitation_to_the_same_role(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invite(world, django_capture_on_commit_callbacks, "sam@x.org")
    with pytest.raises(PlanRuleError, match="resend or withdraw it"):
        invite(world, django_capture_on_commit_callbacks, "SAM@x.org")
    invite(world, django_capture_on_commit_callbacks, "sam@x.org", role="board_member")


def test_it_refuses_to_invite_someone_to_a_role_they_have(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    world.users["adviser"].email = "adviser@dfe.gov.uk"
    world.users["adviser"].save()
    with pytest.raises(PlanRuleError, match="already has the role Adviser"):
        invite(world, django_capture_on_commit_callbacks, "adviser@dfe.gov.uk", role="adviser")


def test_it_refuses_a_person_from_another_areas_plan_or_one_already_linked(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    elsewhere = plans.person_create(actor=None, plan=world.other_plan, key="EL", name="El")
    with pytest.raises(PlanRuleError, match="not in one of Testshire's plans"):
        invite(world, django_capture_on_commit_callbacks, "el@x.org", person=elsewhere)
    with pytest.raises(PlanRuleError, match="already linked"):
        invite(world, django_capture_on_commit_callbacks, "hh@x.org", person=world.lead)
    assert not Invitation.objects.exists()


def test_it_links_a_person_only_to_an_account_with_a_role_in_the_area(world: PlanWorld) -> None:
    person = world.plan.people.get(key="PW")
    with pytest.raises(PlanRuleError, match="no role in this area"):
        services.person_link(actor=None, person=person, user=world.outsider)
    services.person_link(actor=None, person=person, user=world.users["board_member"])
    person.refresh_from_db()
    assert person.user == world.users["board_member"]
    services.person_link(actor=None, person=person, user=None)
    person.refresh_from_db()
    assert person.user is None
