"""Signing in the two stronger ways: through the organisation's own sign-in (single sign-on,
against the stand-in OpenID Connect provider), and with a password and an authenticator app."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from sendplan.accounts import services
from sendplan.accounts.models import Membership, Role
from sendplan.accounts.tests.oidc_provider import StandInProvider
from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.test import PlanWorld

pytestmark = pytest.mark.browser

BUTTON = "Sign in with your council's Microsoft account"


def test_someone_invited_signs_in_through_their_organisation(
    page: Page, world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    services.invitation_create(
        actor=world.users[Role.AREA_ADMIN],
        area=world.area,
        email="pat.watts@nhs.net",
        role=Role.LEAD_OFFICER,
        person=world.plan.people.get(key="PW"),
    )
    # Signed in at Microsoft (here, the stand-in) as the address the invitation went to.
    oidc_provider.sign_in_as("Pat.Watts@nhs.net", name="Pat Watts")

    page.goto(reverse("login"))
    assert_accessible(page)
    page.get_by_role("button", name=BUTTON).click()

    expect(page).to_have_url(re.compile(reverse("home") + "$"))
    expect(page.locator("header")).to_contain_text("pat.watts@nhs.net")
    expect(page.locator("main")).to_contain_text(world.plan.title)
    expect(page.get_by_role("link", name="Change password")).to_have_count(0)
    assert_accessible(page)
    assert Membership.objects.filter(
        user__username="pat.watts@nhs.net", area=world.area, role=Role.LEAD_OFFICER
    ).exists()


def test_someone_nobody_invited_is_told_whom_to_ask(
    page: Page, world: PlanWorld, oidc_provider: StandInProvider
) -> None:
    oidc_provider.sign_in_as("stranger@testshire.gov.uk")

    page.goto(reverse("login"))
    page.get_by_role("button", name=BUTTON).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("You have not been signed in")
    expect(page.locator("main")).to_contain_text(
        "Your account is not set up in sendplan. Ask your area administrator to invite you."
    )
    assert_accessible(page)


def code_from_app(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app given this typed secret shows."""
    totp = TOTP(base64.b32decode(secret.replace(" ", "")))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def enter_code(page: Page, code: str, label: str = "Code from your authenticator app") -> None:
    page.get_by_label(label).fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


@override_settings(REQUIRE_2FA_ROLES=frozenset({"area_admin", "programme_manager"}))
def test_a_manager_signs_in_with_a_password_and_an_authenticator_app(
    page: Page, world: PlanWorld
) -> None:
    plan_url = reverse("plan", args=[world.plan.pk])
    sign_in(page, Role.PROGRAMME_MANAGER, next_url=plan_url)

    # First time: set up the app, from the QR code or the key as text.
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    expect(page.get_by_role("img", name="QR code to set up your authenticator app")).to_be_visible()
    assert_accessible(page)
    secret = page.locator("#setup-key").inner_text()
    enter_code(page, code_from_app(secret))

    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    codes = page.locator(".sendplan-recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page)
    page.get_by_role("button", name="I have saved my recovery codes").click()
    expect(page).to_have_url(re.compile(plan_url + "$"))

    # Every sign-in with the password after that asks for a code.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, Role.PROGRAMME_MANAGER)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Enter the code from your authenticator app"
    )
    expect(page.get_by_role("link", name="Your plans")).to_have_count(0)
    enter_code(page, "")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the code from your authenticator app"
    )
    assert_accessible(page)
    # The code given at set-up cannot be given again: the app has moved on to its next one.
    enter_code(page, code_from_app(secret, steps_ahead=1))
    expect(page).to_have_url(re.compile(reverse("home") + "$"))

    page.get_by_role("link", name="Two-factor authentication").click()
    expect(page.locator("main")).to_contain_text("10 left")
    assert_accessible(page)

    # Without the phone: a recovery code, once.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, Role.PROGRAMME_MANAGER)
    page.get_by_role("link", name="use a recovery code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Use a recovery code")
    assert_accessible(page)
    enter_code(page, codes[0], label="Recovery code")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You have 9 recovery codes left"
    )
    assert_accessible(page)
