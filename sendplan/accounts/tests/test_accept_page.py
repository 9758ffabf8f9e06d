"""Accepting an invitation from the emailed link: set a password, then sign in."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sendplan.accounts import services
from sendplan.accounts.models import Invitation, Membership
from sendplan.accounts.tests import OnCommit, invite
from sendplan.plans import services as plans
from sendplan.test import PASSWORD, PlanWorld, start_cycle

NEW_PASSWORD = "a quiet meadow in April"


def accept(token: str, password: str = NEW_PASSWORD, client: Client | None = None) -> str:
    client = client or Client()
    response = client.post(
        reverse("invitation_accept", args=[token]),
        {"new_password1": password, "new_password2": password},
        follow=True,
    )
    return response.content.decode()


def test_it_sets_a_password_then_signs_in_and_shows_the_leads_actions(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    start_cycle(world)
    sam = plans.person_create(actor=None, plan=world.plan, key="SC", name="Sam Cole")
    plans.action_update(actor=None, action=world.other_action, leads=[sam])
    _, token = invite(world, django_capture_on_commit_callbacks, "sam@x.org", person=sam)

    client = Client()
    html = client.get(reverse("invitation_accept", args=[token])).content.decode()
    assert "Set your password" in html
    assert "Lead officer in Testshire" in html
    assert "Sam Cole (SC), Testshire Written Statement of Action" in html
    assert "sam@x.org" in html

    html = accept(token, client=client)
    assert '<h1 class="govuk-heading-l">Sign in</h1>' in html
    assert "Sign in with your username, sam@x.org, and your password" in html

    response = client.post(reverse("login"), {"username": "sam@x.org", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert "1.1.2 Publish the board" in client.get(reverse("my_actions")).content.decode()


def test_it_asks_for_a_good_password_twice(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    _, token = invite(world, django_capture_on_commit_callbacks, "sam@x.org")
    url = reverse("invitation_accept", args=[token])
    client = Client()
    html = client.post(url, {}).content.decode()
    assert "<title>Error: Set your password" in html
    assert "Enter a password" in html and "Confirm your password" in html
    html = client.post(
        url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "!"}
    ).content.decode()
    assert "The passwords do not match" in html
    html = client.post(
        url, {"new_password1": "sam@x.org", "new_password2": "sam@x.org"}
    ).content.decode()
    assert "too similar to the" in html
    assert not User.objects.filter(username="sam@x.org").exists()


def test_it_accepts_for_an_existing_account_without_asking_for_a_password(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    world.outsider.email = "outsider@elsewhere.gov.uk"
    world.outsider.save()
    _, token = invite(world, django_capture_on_commit_callbacks, world.outsider.email)
    client = Client()
    html = client.get(reverse("invitation_accept", args=[token])).content.decode()
    assert "You already have an account" in html and 'type="password"' not in html
    assert "Your username</dt>" in html and ">outsider</dd>" in html
    html = client.post(reverse("invitation_accept", args=[token]), follow=True).content.decode()
    assert "Sign in with your username, outsider" in html
    assert Membership.objects.filter(user=world.outsider, area=world.area).exists()


def test_it_adds_the_role_to_whoever_is_signed_in_only_if_it_is_their_invitation(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    _, token = invite(world, django_capture_on_commit_callbacks, "sam@x.org")
    # An administrator trying the link in their own browser is signed out, not given the role.
    client = world.client_for("area_admin")
    html = accept(token, client=client)
    assert "Sign in with your username, sam@x.org" in html
    assert "_auth_user_id" not in client.session
    sam = User.objects.get(username="sam@x.org")
    assert set(
        Membership.objects.filter(area=world.area, user=sam).values_list("role", flat=True)
    ) == {"lead_officer"}

    world.users["adviser"].email = "adviser@dfe.gov.uk"
    world.users["adviser"].save()
    _, token = invite(
        world, django_capture_on_commit_callbacks, "adviser@dfe.gov.uk", role="board_member"
    )
    client = world.client_for("adviser")
    response = client.post(reverse("invitation_accept", args=[token]), follow=True)
    assert "You now have the role Board member in Testshire" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("home")


def test_it_says_plainly_that_a_used_link_cannot_be_used_again(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    _, token = invite(world, django_capture_on_commit_callbacks, "sam@x.org")
    accept(token)
    response = Client().get(reverse("invitation_accept", args=[token]))
    assert response.status_code == 410
    html = response.content.decode()
    assert "This invitation has already been used" in html
    assert "<form" not in html.split('id="main-content"')[1]
    html = accept(token, password="someone else's new passphrase")
    assert "This invitation has already been used" in html
    assert User.objects.get(username="sam@x.org").check_password(NEW_PASSWORD)


def test_it_says_plainly_that_a_withdrawn_or_expired_link_cannot_be_used(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    withdrawn, withdrawn_token = invite(world, django_capture_on_commit_callbacks, "a@x.org")
    services.invitation_withdraw(actor=None, invitation=withdrawn)
    expired, expired_token = invite(world, django_capture_on_commit_callbacks, "b@x.org")
    Invitation.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    for token, words in [
        (withdrawn_token, "This invitation has been withdrawn"),
        (expired_token, "This invitation has expired"),
    ]:
        response = Client().get(reverse("invitation_accept", args=[token]))
        assert response.status_code == 410
        html = response.content.decode()
        assert words in html
        assert "<form" not in html.split('id="main-content"')[1]
        assert words in accept(token)
    assert not User.objects.filter(email__in=["a@x.org", "b@x.org"]).exists()


def test_it_says_plainly_that_a_made_up_link_does_not_work(world: PlanWorld) -> None:
    response = Client().get(reverse("invitation_accept", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert "This link does not work" in accept("not-a-real-token")


def test_it_does_not_cache_the_page_with_the_link(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    _, token = invite(world, django_capture_on_commit_callbacks, "sam@x.org")
    response = Client().get(reverse("invitation_accept", args=[token]))
    assert "no-store" in response["Cache-Control"]
    assert PASSWORD not in response.content.decode()
