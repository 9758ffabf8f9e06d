"""Signing in and out through the pages a person sees."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import Page, expect

from sendplan.browser_tests import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_it_shows_who_is_signed_in_and_signs_them_out(page: Page, user: User) -> None:
    # Back to the sign-in page, which needs nothing but the layout, to see the signed-in header.
    sign_in(page, "alex", next_url=reverse("login"))
    header = page.locator("header")
    expect(header).to_contain_text("Alex Officer")
    assert_accessible(page)

    header.get_by_role("button", name="Sign out").click()

    expect(page).to_have_url(re.compile(reverse("login") + "$"))
    expect(page.locator("header")).not_to_contain_text("Alex Officer")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)


def test_it_says_when_the_username_or_password_is_wrong(page: Page, user: User) -> None:
    page.goto(reverse("login"))
    page.get_by_label("Username").fill("alex")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_title(re.compile("^Error: Sign in"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct username and password")
    expect(page.get_by_label("Username")).to_have_value("alex")
    assert_accessible(page)

    summary.get_by_role("link").click()
    expect(page.get_by_label("Username")).to_be_focused()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_it_pauses_sign_in_after_too_many_failures(page: Page, user: User) -> None:
    for _ in range(3):
        page.goto(reverse("login"))
        page.get_by_label("Username").fill("alex")
        page.get_by_label("Password").fill("not the password")
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="Sign in").click()

    response = navigation.value
    assert response is not None and response.status == 429
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many failed sign-in attempts")
    expect(page.locator("main")).to_contain_text("Wait 15 minutes")
    assert_accessible(page)


def test_gov_uk_frontends_scripts_run_under_the_content_security_policy(
    page: Page, user: User
) -> None:
    # The error summary takes the focus when GOV.UK Frontend's script has started it, so that a
    # screen reader announces the problem first; with the script refused, focus stays put.
    page.goto(reverse("login"))
    expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
