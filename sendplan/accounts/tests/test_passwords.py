"""Resetting a forgotten password by email, and changing one's own password."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from sendplan.audit.models import AuditEvent
from sendplan.test import PASSWORD, PlanWorld

NEW_PASSWORD = "a quiet meadow in April"


def ask_for_reset(client: Client, email: str) -> str:
    response = client.post(reverse("password_reset"), {"email": email}, follow=True)
    return response.content.decode()


def with_email(world: PlanWorld, who: str, email: str) -> User:
    user = world.users[who]
    user.email = email
    user.save()
    return user


def test_it_links_to_a_reset_from_the_sign_in_page(world: PlanWorld) -> None:
    html = Client().get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}">Forgotten your password?' in html


def test_it_answers_the_same_whether_or_not_an_account_uses_the_address(
    world: PlanWorld,
) -> None:
    with_email(world, "lead_officer", "helen.hill@testshire.gov.uk")
    known = ask_for_reset(Client(), "Helen.Hill@testshire.gov.uk")
    unknown = ask_for_reset(Client(), "nobody@testshire.gov.uk")
    assert "Check your email" in known
    assert known == unknown
    assert [m.to for m in mail.outbox] == [["helen.hill@testshire.gov.uk"]]


@override_settings(SITE_URL="https://sendplan.example.gov.uk/")
def test_it_resets_a_password_from_the_emailed_link(world: PlanWorld) -> None:
    user = with_email(world, "lead_officer", "helen.hill@testshire.gov.uk")
    elsewhere = world.client_for("lead_officer")
    client = Client()
    ask_for_reset(client, "helen.hill@testshire.gov.uk")
    message = mail.outbox[0]
    assert message.subject == "Reset your sendplan password"
    assert "your sendplan account, lead_officer" in message.body
    match = re.search(
        r"https://sendplan\.example\.gov\.uk(/password/reset/\S+/)", str(message.body)
    )
    assert match, message.body

    response = client.get(match.group(1), follow=True)
    assert "Choose a new password" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "Your password has been changed" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(object_type="user", actor=user)
    assert event.note == "Reset by email" and NEW_PASSWORD not in str(event.changes)
    # Wherever the old password was used to sign in, that session has ended.
    assert elsewhere.get(reverse("home")).status_code == 302

    # The link works once.
    html = client.get(match.group(1), follow=True).content.decode()
    assert "This link does not work" in html


def test_it_checks_a_new_password_from_a_reset(world: PlanWorld) -> None:
    with_email(world, "lead_officer", "helen.hill@testshire.gov.uk")
    client = Client()
    ask_for_reset(client, "helen.hill@testshire.gov.uk")
    path = re.search(r"http://127\.0\.0\.1:8000(/\S+)", str(mail.outbox[0].body))
    assert path
    form_url = client.get(path.group(1))["Location"]
    html = client.post(form_url, {"new_password1": "short", "new_password2": "shirt"})
    text = html.content.decode()
    assert "<title>Error: Choose a new password" in text
    assert "The passwords do not match" in text
    html = client.post(form_url, {"new_password1": "password", "new_password2": "password"})
    assert "This password is too common" in html.content.decode()


def test_it_asks_for_an_email_address_to_reset(world: PlanWorld) -> None:
    html = Client().post(reverse("password_reset"), {"email": "not an address"})
    assert "Enter an email address in the correct format" in html.content.decode()
    assert mail.outbox == []


def test_it_changes_a_password_when_the_current_one_is_right(world: PlanWorld) -> None:
    client = world.client_for("board_member")
    assert reverse("password_change") in client.get(reverse("home")).content.decode()
    url = reverse("password_change")
    response = client.post(
        url,
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "Your current password is incorrect" in response.content.decode()

    response = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Your password has been changed" in response.content.decode()
    user = world.users["board_member"]
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # Still signed in here.
    assert client.get(reverse("home")).status_code == 200
    assert AuditEvent.objects.get(object_type="user", actor=user).note == "Changed by its owner"


def test_it_asks_who_you_are_before_changing_a_password(world: PlanWorld) -> None:
    response = Client().get(reverse("password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
