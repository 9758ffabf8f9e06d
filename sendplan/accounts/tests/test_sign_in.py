"""Signing in: passwords hashed with Argon2, and a limit on failed attempts."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client, override_settings
from django.urls import reverse

import sendplan.settings as production_settings
from sendplan.test import PASSWORD, PlanWorld, make_user


def test_it_hashes_passwords_with_argon2_in_production_settings() -> None:
    assert production_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=production_settings.PASSWORD_HASHERS)
def test_it_stores_an_argon2_hash_not_the_password() -> None:
    user = make_user("hashed")
    assert PASSWORD not in user.password
    assert identify_hasher(user.password).algorithm == "argon2"


def test_it_signs_in_with_username_and_password(world: PlanWorld) -> None:
    client = Client()
    response = client.post(
        reverse("login"), {"username": "programme_manager", "password": PASSWORD}
    )
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert world.plan.title in page


def test_it_refuses_a_wrong_password_with_a_clear_message(world: PlanWorld) -> None:
    response = Client().post(reverse("login"), {"username": "adviser", "password": "nope"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_it_locks_out_after_too_many_failed_attempts(world: PlanWorld) -> None:
    client = Client()
    for _ in range(3):
        client.post(reverse("login"), {"username": "adviser", "password": "wrong"})
    # Even the right password is refused while locked out.
    response = client.post(reverse("login"), {"username": "adviser", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_signs_out_with_a_post(world: PlanWorld) -> None:
    client = world.client_for("adviser")
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.parametrize(
    "typed", ["Programme_Manager", "  programme_manager ", "PM@Testshire.gov.uk"]
)
def test_it_signs_in_by_username_or_email_address_in_any_case(world: PlanWorld, typed: str) -> None:
    manager = world.users["programme_manager"]
    manager.email = "pm@testshire.gov.uk"
    manager.save()
    client = Client()
    response = client.post(reverse("login"), {"username": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(manager.pk)


def test_an_invited_account_signs_in_with_its_address_as_written(world: PlanWorld) -> None:
    user = make_user("sam.cole@testshire.gov.uk")
    client = Client()
    response = client.post(
        reverse("login"), {"username": "Sam.Cole@Testshire.gov.uk", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_it_prefers_the_username_exactly_as_typed(world: PlanWorld) -> None:
    make_user("Alex")
    alex = make_user("alex")
    client = Client()
    client.post(reverse("login"), {"username": "alex", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(alex.pk)


def test_it_refuses_an_address_two_accounts_share(world: PlanWorld) -> None:
    for name in ("helen", "helen.hill"):
        user = make_user(name)
        user.email = "h@x.org"
        user.save()
    response = Client().post(reverse("login"), {"username": "h@x.org", "password": PASSWORD})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_lockout_counts_the_account_however_its_name_is_typed(world: PlanWorld) -> None:
    client = Client()
    for typed in ("Adviser", "ADVISER", "adviser"):
        client.post(reverse("login"), {"username": typed, "password": "wrong"})
    response = client.post(reverse("login"), {"username": "adviser", "password": PASSWORD})
    assert response.status_code == 429
