"""The whole way in for a new area's people: invited by email, a password set, signed in,
and, for a lead officer, the actions they lead waiting under Your actions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from sendplan.accounts.models import Membership, Role
from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.monitoring import services as monitoring
from sendplan.plans import services as plans
from sendplan.plans.models import Area
from sendplan.test import make_user

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a quiet meadow in April"


@dataclass
class Lead:
    name: str
    key: str
    # The address the plan gives, or "" when the administrator has to type one in.
    plan_email: str
    email: str
    action: str


LEADS = [
    Lead(
        "Ann Avery",
        "AA",
        "ann.avery@newshire.gov.uk",
        "ann.avery@newshire.gov.uk",
        "Map the local offer",
    ),
    Lead(
        "Bo Baker", "BB", "bo.baker@newshire.gov.uk", "bo.baker@newshire.gov.uk", "Train the SENCOs"
    ),
    Lead("Cy Cole", "CC", "", "cy.cole@icb.nhs.uk", "Cut the wait for speech therapy"),
]


@pytest.fixture
def newshire(db: None) -> Iterator[Area]:
    """An area whose only person with a role is its administrator, with a plan imported and a
    monitoring period open: three named leads, one action each, nobody else signed up."""
    admin = make_user("admin", first_name="Alex", last_name="Admin")
    area = plans.area_get_or_create(actor=None, name="Newshire")
    Membership.objects.create(user=admin, area=area, role=Role.AREA_ADMIN)
    plan = plans.plan_create(actor=admin, area=area, title="Newshire SEND plan")
    plans.status_level_create(actor=admin, plan=plan, code="G", label="On track", colour="green")
    theme = plans.section_create(actor=admin, plan=plan, ref="1", title="Getting help early")
    actions = []
    for number, lead in enumerate(LEADS, start=1):
        person = plans.person_create(
            actor=admin, plan=plan, key=lead.key, name=lead.name, email=lead.plan_email
        )
        actions.append(
            plans.action_create(
                actor=admin, section=theme, ref=f"1.{number}", title=lead.action, leads=[person]
            )
        )
    monitoring.period_open(
        actor=admin,
        plan=plan,
        label="Q1",
        starts_on=dt.date.today() - dt.timedelta(days=30),
        ends_on=dt.date.today() + dt.timedelta(days=30),
        deadline=dt.date.today() + dt.timedelta(days=40),
        actions=actions,
    )
    yield area


def send_invitation(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Send invitation").click()


def invitation_path(email: str) -> str:
    sent = [m for m in mail.outbox if m.to == [email]]
    assert len(sent) == 1, f"{len(sent)} emails to {email}"
    match = re.search(r"https?://[^/\s]+(/invitations/\S+/)", str(sent[0].body))
    assert match, sent[0].body
    return match.group(1)


def accept(page: Page, email: str, check: bool = False) -> None:
    """Follow the emailed link, set a password and sign in, in the invitee's own browser."""
    page.goto(invitation_path(email))
    expect(page.get_by_role("heading", level=1)).to_have_text("Set your password")
    if check:
        assert_accessible(page)
        with page.expect_navigation():
            page.get_by_role("button", name="Create your account").click()
        expect(page).to_have_title(re.compile("^Error: Set your password"))
        assert_accessible(page)
    page.get_by_label("Create a password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm your password", exact=True).fill(NEW_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create your account").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Sign in with your username, {email}, and your password"
    )
    if check:
        assert_accessible(page)
    sign_in(page, email, NEW_PASSWORD)


def test_an_administrator_invites_a_manager_and_three_leads_who_find_their_actions(
    page: Page, browser: Browser, live_server: LiveServer, newshire: Area
) -> None:
    sign_in(page, "admin")
    page.get_by_role("link", name="manage people in Newshire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People in this area")
    expect(page.get_by_role("row", name=re.compile("Cy Cole"))).to_contain_text("No email address")
    assert_accessible(page)

    # The programme manager, named in no plan.
    page.get_by_role("link", name="Invite someone").click()
    assert_accessible(page)
    send_invitation(page)
    expect(page).to_have_title(re.compile("^Error: Invite someone"))
    assert_accessible(page)
    page.get_by_label("Email address").fill("pm@newshire.gov.uk")
    page.get_by_label("Programme manager").check()
    send_invitation(page)
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Invitation sent to pm@newshire.gov.uk"
    )

    # The three leads, each from their row in the plan's list of lead officers.
    for lead in LEADS:
        page.get_by_role("link", name=f"Invite {lead.name}").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Invite {lead.name}")
        expect(page.get_by_label("Lead officer")).to_be_checked()
        if not lead.plan_email:
            page.get_by_label("Email address").fill(lead.email)
        send_invitation(page)
        expect(page.get_by_role("row", name=re.compile(lead.name)).first).to_contain_text("Invited")
    assert_accessible(page)

    # Each of them, in their own browser, from the link in their email.
    for number, email in enumerate(["pm@newshire.gov.uk", *(lead.email for lead in LEADS)]):
        context = browser.new_context(base_url=live_server.url)
        invitee = context.new_page()
        accept(invitee, email, check=number == 0)
        if email == "pm@newshire.gov.uk":
            expect(invitee.locator("main")).to_contain_text("Newshire SEND plan")
        else:
            lead = next(lead for lead in LEADS if lead.email == email)
            invitee.get_by_role("link", name="Your actions").click()
            main = invitee.locator("main")
            expect(main).to_contain_text(lead.action)
            for other in LEADS:
                if other is not lead:
                    expect(main).not_to_contain_text(other.action)
            if number == 1:
                assert_accessible(invitee)
        context.close()

    page.reload()
    for lead in LEADS:
        expect(page.get_by_role("row", name=re.compile(lead.name)).first).to_contain_text(
            f"Linked to {lead.email}"
        )
    expect(page.locator("main")).to_contain_text("There are no invitations waiting")
    assert User.objects.filter(memberships__area=newshire).count() == 5


def test_a_used_or_withdrawn_link_says_so_and_offers_nothing_else(
    page: Page, browser: Browser, live_server: LiveServer, newshire: Area
) -> None:
    sign_in(page, "admin")
    page.goto(reverse("invitation_new", args=[newshire.pk]))
    page.get_by_label("Email address").fill("board@newshire.gov.uk")
    page.get_by_label("Board member").check()
    send_invitation(page)
    path = invitation_path("board@newshire.gov.uk")
    row = page.get_by_role("row", name=re.compile("board@newshire.gov.uk"))
    with page.expect_navigation():
        row.get_by_role("button", name=re.compile("^Withdraw")).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("withdrawn")

    context = browser.new_context(base_url=live_server.url)
    invitee = context.new_page()
    response = invitee.goto(path)
    assert response is not None and response.status == 410
    expect(invitee.get_by_role("heading", level=1)).to_have_text(
        "This invitation has been withdrawn"
    )
    expect(invitee.locator("main form")).to_have_count(0)
    expect(invitee.locator("main a")).to_have_count(0)
    assert_accessible(invitee)
    context.close()


def test_someone_who_forgot_their_password_resets_it_by_email(page: Page, newshire: Area) -> None:
    admin = User.objects.get(username="admin")
    admin.email = "alex.admin@newshire.gov.uk"
    admin.save()
    page.goto(reverse("login"))
    page.get_by_role("link", name="Forgotten your password?").click()
    assert_accessible(page)
    page.get_by_label("Email address").fill("Alex.Admin@newshire.gov.uk")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    (message,) = mail.outbox
    match = re.search(r"https?://[^/\s]+(/password/reset/\S+/)", str(message.body))
    assert match, message.body
    page.goto(match.group(1))
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password", exact=True).fill("something else entirely")
    with page.expect_navigation():
        page.get_by_role("button", name="Save your new password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The passwords do not match")
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password", exact=True).fill(NEW_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Save your new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password has been changed")
    page.get_by_role("link", name="Sign in with your new password").click()
    sign_in(page, "admin", NEW_PASSWORD)

    # And changes it again from the account menu.
    page.get_by_role("link", name="Change password").click()
    page.get_by_label("Current password").fill(NEW_PASSWORD)
    page.get_by_label("New password", exact=True).fill("another long passphrase")
    page.get_by_label("Confirm new password", exact=True).fill("another long passphrase")
    page.get_by_role("button", name="Show password").first.click()
    expect(page.get_by_label("Current password")).to_have_attribute("type", "text")
    with page.expect_navigation():
        page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password has been changed")
    admin.refresh_from_db()
    assert admin.check_password("another long passphrase")
