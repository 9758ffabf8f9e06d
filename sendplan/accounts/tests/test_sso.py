"""Single sign-on through an OpenID Connect provider: the stand-in one in oidc_provider.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import requests
from django.contrib.auth.models import User
from django.core.checks import run_checks
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from sendplan.accounts import services
from sendplan.accounts.models import Invitation, Membership, Role
from sendplan.accounts.sso import SSO_SESSION_KEY, UNVERIFIED
from sendplan.accounts.tests import OnCommit
from sendplan.accounts.tests import invite as emailed_invitation
from sendplan.accounts.tests.oidc_provider import StandInProvider
from sendplan.audit.models import AuditEvent
from sendplan.test import PASSWORD, PlanWorld

NOT_SET_UP = "Your account is not set up in sendplan. Ask your area administrator to invite you."
ADDRESS = "helen.hill@testshire.gov.uk"


def through_provider(client: Client, next_url: str = "") -> Any:
    """Press the button, let the provider send the browser back, and arrive at the callback."""
    start = client.get(reverse("sso_start") + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302, start
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    return client.get(at_provider.headers["Location"])


def signed_in_user(client: Client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def lead_with_email(world: PlanWorld, email: str = ADDRESS) -> User:
    lead = world.users[Role.LEAD_OFFICER]
    lead.email = email
    lead.save()
    return lead


def invite(
    world: PlanWorld, email: str, role: str = Role.LEAD_OFFICER, **kwargs: Any
) -> Invitation:
    return services.invitation_create(
        actor=world.users[Role.AREA_ADMIN], area=world.area, email=email, role=role, **kwargs
    )


def test_it_offers_the_button_on_the_sign_in_page_only_when_set_up(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    page = Client().get(reverse("login")).content.decode()
    assert "Sign in with your council&#x27;s Microsoft account" in page
    assert f'href="{reverse("sso_start")}"' in page
    with override_settings(OIDC_RP_CLIENT_ID=""):
        page = Client().get(reverse("login")).content.decode()
        assert "Microsoft" not in page
        assert Client().get(reverse("sso_start")).status_code == 404
        assert Client().get(reverse("sso_callback")).status_code == 404


def test_it_signs_in_the_account_whose_verified_address_it_is_in_any_case(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    lead = lead_with_email(world)
    oidc_provider.sign_in_as("Helen.Hill@Testshire.gov.uk")
    client = Client()

    response = through_provider(client, next_url=reverse("my_actions"))

    assert response.status_code == 302
    assert response["Location"] == reverse("my_actions")
    assert signed_in_user(client) == lead
    assert client.session[SSO_SESSION_KEY] is True
    event = AuditEvent.objects.get(object_type="user", object_id=str(lead.pk))
    assert event.note == f"Signed in through single sign-on from {oidc_provider.issuer}"
    assert event.actor == lead
    assert world.plan.title in client.get(reverse("home")).content.decode()


def test_it_signs_in_an_account_whose_username_is_the_address(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    user = User.objects.create_user(username=ADDRESS, password=PASSWORD)
    oidc_provider.sign_in_as(ADDRESS.upper())
    client = Client()
    through_provider(client)
    assert signed_in_user(client) == user


def test_it_accepts_an_invitation_making_an_account_with_no_password(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    person = world.plan.people.get(key="PW")
    invitation = invite(world, "pat.watts@nhs.net", person=person)
    oidc_provider.sign_in_as("Pat.Watts@nhs.net")
    client = Client()

    response = through_provider(client)

    assert response.status_code == 302
    user = signed_in_user(client)
    assert user is not None and user.username == "pat.watts@nhs.net"
    assert not user.has_usable_password()
    assert Membership.objects.filter(user=user, area=world.area, role=Role.LEAD_OFFICER).exists()
    person.refresh_from_db()
    assert person.user == user
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    accepted = AuditEvent.objects.get(object_type="invitation", note__startswith="Accepted")
    assert accepted.note == "Accepted through single sign-on"
    # With no password, the header offers none to change.
    assert "Change password" not in client.get(reverse("home")).content.decode()


def test_it_accepts_the_open_invitations_of_an_existing_account(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    lead = lead_with_email(world)
    invite(world, ADDRESS, role=Role.BOARD_MEMBER)
    oidc_provider.sign_in_as(ADDRESS)
    client = Client()
    through_provider(client)
    assert signed_in_user(client) == lead
    assert Membership.objects.filter(user=lead, role=Role.BOARD_MEMBER).exists()
    assert lead.has_usable_password()


def test_it_refuses_someone_nobody_invited(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    oidc_provider.sign_in_as("stranger@example.org")
    client = Client()

    response = through_provider(client)

    assert response.status_code == 403
    page = response.content.decode()
    assert "You have not been signed in" in page
    assert NOT_SET_UP.replace("'", "&#x27;") in page
    assert signed_in_user(client) is None
    assert not User.objects.filter(email__iexact="stranger@example.org").exists()
    assert not User.objects.filter(username__iexact="stranger@example.org").exists()


@pytest.mark.parametrize("state", ["expired", "withdrawn"])
def test_it_refuses_an_invitation_that_cannot_be_used(
    world: PlanWorld, oidc_provider: StandInProvider, state: str
) -> None:
    invitation = invite(world, "pat.watts@nhs.net")
    if state == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - dt.timedelta(minutes=1)
        )
    else:
        services.invitation_withdraw(actor=None, invitation=invitation)
    oidc_provider.sign_in_as("pat.watts@nhs.net")

    response = through_provider(Client())

    assert response.status_code == 403
    assert not User.objects.filter(username="pat.watts@nhs.net").exists()


@pytest.mark.parametrize("verified", [False, None])
def test_it_refuses_an_address_the_provider_has_not_verified(
    world: PlanWorld, oidc_provider: StandInProvider, verified: bool | None
) -> None:
    lead_with_email(world)
    oidc_provider.sign_in_as(ADDRESS, verified=bool(verified))
    if verified is None:
        oidc_provider.id_token_changes = {"email_verified": None}
    client = Client()

    response = through_provider(client)

    assert response.status_code == 403
    assert UNVERIFIED.replace("'", "&#x27;") in response.content.decode()
    assert signed_in_user(client) is None


def test_it_trusts_the_claim_it_is_told_to_as_entra_id_sends_it(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    lead = lead_with_email(world)
    # Entra ID: "email" may be anything a tenant's administrator typed; the user principal
    # name in preferred_username is on a domain the tenant has proved it owns.
    oidc_provider.sign_in_as("someone@else.example", verified=False, preferred_username=ADDRESS)
    client = Client()
    with override_settings(OIDC_EMAIL_CLAIM="preferred_username"):
        through_provider(client)
    assert signed_in_user(client) == lead


def test_it_reads_the_address_from_userinfo_when_the_id_token_lacks_it(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    lead = lead_with_email(world)
    oidc_provider.sign_in_as(ADDRESS)
    oidc_provider.userinfo_only = {"email", "email_verified"}
    client = Client()
    through_provider(client)
    assert signed_in_user(client) == lead


@pytest.mark.parametrize(
    "change",
    [
        {"nonce": "not-the-one-sent"},
        {"aud": "another-client"},
        {"iss": "https://issuer.example"},
        {"exp": None},
        {"exp": 1},
    ],
    ids=["nonce", "audience", "issuer", "no expiry", "expired"],
)
def test_it_refuses_an_id_token_that_is_not_for_this_sign_in(
    world: PlanWorld, oidc_provider: StandInProvider, change: dict[str, object]
) -> None:
    lead_with_email(world)
    oidc_provider.sign_in_as(ADDRESS)
    oidc_provider.id_token_changes = change
    client = Client()

    response = through_provider(client)

    assert response.status_code == 403
    assert "Signing in through your organisation did not work" in response.content.decode()
    assert signed_in_user(client) is None


def test_it_refuses_a_callback_whose_state_it_did_not_send(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    lead_with_email(world)
    oidc_provider.sign_in_as(ADDRESS)
    client = Client()
    client.get(reverse("sso_start"))
    forged = oidc_provider.authorize(
        {
            "redirect_uri": "http://testserver" + reverse("sso_callback"),
            "client_id": oidc_provider.client_id,
            "response_type": "code",
            "state": "made-up",
        }
    )
    response = client.get(forged)
    assert response.status_code == 400
    assert signed_in_user(client) is None


def test_a_callback_cannot_be_replayed(world: PlanWorld, oidc_provider: StandInProvider) -> None:
    lead_with_email(world)
    oidc_provider.sign_in_as(ADDRESS)
    client = Client()
    start = client.get(reverse("sso_start"))
    back = requests.get(start["Location"], allow_redirects=False, timeout=10).headers["Location"]
    assert client.get(back).status_code == 302
    client.post(reverse("logout"))
    assert client.get(back).status_code in (400, 403)
    assert signed_in_user(client) is None


def test_it_refuses_an_account_that_has_been_switched_off(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    lead = lead_with_email(world)
    lead.is_active = False
    lead.save()
    oidc_provider.sign_in_as(ADDRESS)
    response = through_provider(Client())
    assert response.status_code == 403


def test_it_refuses_an_address_two_accounts_share(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    lead_with_email(world)
    User.objects.create_user(username="helen2", email=ADDRESS.upper(), password=PASSWORD)
    oidc_provider.sign_in_as(ADDRESS)
    response = through_provider(Client())
    assert response.status_code == 403
    assert "More than one account uses your email address" in response.content.decode()


def test_it_says_when_the_provider_turns_the_person_away(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    oidc_provider.person = None
    response = through_provider(Client())
    assert response.status_code == 403
    assert "Signing in through your organisation did not work" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=2)
def test_refusals_are_not_counted_as_failed_passwords(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    """Everyone at a council may share one address: people turned away for want of an
    invitation must not lock their colleagues out."""
    client = Client()
    oidc_provider.sign_in_as("stranger@testshire.gov.uk")
    for _ in range(3):
        assert through_provider(client).status_code == 403
    lead = lead_with_email(world)
    oidc_provider.sign_in_as(ADDRESS)
    assert through_provider(client).status_code == 302
    assert signed_in_user(client) == lead


@override_settings(OIDC_ISSUER="http://127.0.0.1:9/nothing-here")
def test_it_says_when_the_provider_cannot_be_reached(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    response = Client().get(reverse("sso_start"))
    assert response.status_code == 503
    assert "not working at the moment" in response.content.decode()


def test_a_password_sign_in_is_not_taken_for_single_sign_on(
    world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    lead = lead_with_email(world)
    oidc_provider.sign_in_as(ADDRESS)
    client = Client()
    through_provider(client)
    assert client.session[SSO_SESSION_KEY] is True
    client.post(reverse("login"), {"username": lead.username, "password": PASSWORD})
    assert SSO_SESSION_KEY not in client.session


def test_the_invitation_page_offers_single_sign_on(
    world: PlanWorld, oidc_provider: StandInProvider, django_capture_on_commit_callbacks: OnCommit
) -> None:
    _, token = emailed_invitation(world, django_capture_on_commit_callbacks, "pat.watts@nhs.net")
    page = Client().get(reverse("invitation_accept", args=[token])).content.decode()
    assert "Sign in with your council&#x27;s Microsoft account" in page
    assert "pat.watts@nhs.net" in page


def test_it_checks_the_settings_at_start_up() -> None:
    with override_settings(OIDC_RP_CLIENT_ID="x", OIDC_RP_CLIENT_SECRET="", OIDC_ISSUER=""):
        ids = {error.id for error in run_checks()}
    assert {"sendplan.E002", "sendplan.E003"} <= ids
