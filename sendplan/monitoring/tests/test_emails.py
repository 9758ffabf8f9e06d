"""Emails as people act (a return, an approval, a date asked for or decided), reminders sent
from the period page, and the log of what went to whom."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from sendplan.monitoring.models import SentEmail
from sendplan.test import Cycle, PlanWorld, start_cycle

MANAGER, LEAD = "programme_manager", "lead_officer"
SITE = "https://sendplan.testshire.gov.uk"
Commits = Callable[..., Any]


@pytest.fixture
def cycle(world: PlanWorld) -> Cycle:
    """A cycle under way, with the lead's and the manager's addresses on their accounts."""
    for who, address in [(LEAD, "helen.hill@testshire.gov.uk"), (MANAGER, "pm@testshire.gov.uk")]:
        user = world.users[who]
        user.email = address
        user.save()
    return start_cycle(world)


def page(world: PlanWorld, who: str, url: str) -> str:
    return world.client_for(who).get(url).content.decode()


@override_settings(SITE_URL=SITE)
def test_a_returned_update_is_emailed_to_the_lead_with_a_link_to_change_it(
    world: PlanWorld, cycle: Cycle, django_capture_on_commit_callbacks: Commits
) -> None:
    url = reverse("update_review", args=[world.plan.pk, cycle.submitted.pk])
    with django_capture_on_commit_callbacks(execute=True):
        world.client_for(MANAGER).post(url, {"decision": "returned", "comment": "Add the dates"})
    [email] = mail.outbox
    assert email.to == ["helen.hill@testshire.gov.uk"]
    assert email.subject == "Your update on action 1.1.1 for Sep 18 was returned"
    assert "What to change: Add the dates" in email.body
    update_page = reverse("update_add", args=[world.plan.pk, world.action.pk])
    assert f"{SITE}{update_page}?period={cycle.period.pk}" in email.body
    # The programme manager sees what was sent, to whom, on the period's page.
    period_page = page(world, MANAGER, reverse("period", args=[world.plan.pk, cycle.period.pk]))
    assert "Your update on action 1.1.1 for Sep 18 was returned" in period_page
    assert "helen.hill@testshire.gov.uk" in period_page


def test_an_approval_is_emailed_too(
    world: PlanWorld, cycle: Cycle, django_capture_on_commit_callbacks: Commits
) -> None:
    url = reverse("update_review", args=[world.plan.pk, cycle.submitted.pk])
    with django_capture_on_commit_callbacks(execute=True):
        world.client_for(MANAGER).post(url, {"decision": "approved"})
    assert [e.subject for e in mail.outbox] == [
        "Your update on action 1.1.1 for Sep 18 was approved"
    ]
    assert SentEmail.objects.get().kind == SentEmail.Kind.APPROVED


def test_nothing_is_emailed_for_a_decision_that_was_refused(
    world: PlanWorld, cycle: Cycle, django_capture_on_commit_callbacks: Commits
) -> None:
    url = reverse("update_review", args=[world.plan.pk, cycle.submitted.pk])
    with django_capture_on_commit_callbacks(execute=True):
        # A return needs a comment: refused, so nothing is sent.
        world.client_for(MANAGER).post(url, {"decision": "returned", "comment": ""})
    assert mail.outbox == [] and not SentEmail.objects.exists()


def test_a_new_date_asked_for_goes_to_the_managers_and_the_decision_to_the_lead(
    world: PlanWorld, cycle: Cycle, django_capture_on_commit_callbacks: Commits
) -> None:
    # The cycle's lead asked to move 1.1.1's date; a manager decides.
    decide = reverse("due_change_decide", args=[world.plan.pk, cycle.due_change.pk])
    with django_capture_on_commit_callbacks(execute=True):
        world.client_for(MANAGER).post(decide, {"decision": "approve"})
    [decided] = mail.outbox
    assert decided.to == ["helen.hill@testshire.gov.uk"]
    assert decided.subject == "New due date for action 1.1.1 approved"

    # The other action, now led by Helen too: she asks, and the managers hear.
    world.other_action.leads.add(world.lead)
    ask = reverse("due_change", args=[world.plan.pk, world.other_action.pk])
    data = {"due_month": "March", "due_year": "2019", "reason": "Waiting for the new chair"}
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client_for(LEAD).post(ask, data)
    assert response.status_code == 302
    asked = mail.outbox[-1]
    assert asked.to == ["pm@testshire.gov.uk"]
    assert asked.subject == "New due date asked for on action 1.1.2"
    assert "to March 2019" in asked.body and "Why: Waiting for the new chair" in asked.body


def test_reminders_are_sent_from_the_period_page_and_logged(world: PlanWorld, cycle: Cycle) -> None:
    # 1.1.2 is owed by Priya, who has no email address; 1.1.1's update is in.
    world.other_action.leads.add(world.plan.people.get(key="PW"))
    client = world.client_for(MANAGER)
    remind = reverse("period_remind", args=[world.plan.pk, cycle.period.pk])
    response = client.post(remind, follow=True)
    shown = response.content.decode()
    # The digest goes to the manager; Priya cannot be reminded, and the page says so.
    assert [e.to for e in mail.outbox] == [["pm@testshire.gov.uk"]]
    assert "1 reminder sent." in shown
    assert "Not reminded, with no email address: Designated Clinical Officer" in shown
    # The deadline (7 October 2018) has passed: the overdue digest, in the period's log.
    assert "Digest of missing updates after the deadline" in shown
    # Pressed again, nothing goes twice.
    again = client.post(remind, follow=True).content.decode()
    assert len(mail.outbox) == 1
    assert (
        "0 reminders sent. Everyone who owes an update or a figure has already been reminded."
        in again
    )


def test_only_managers_send_reminders(world: PlanWorld, cycle: Cycle) -> None:
    remind = reverse("period_remind", args=[world.plan.pk, cycle.period.pk])
    assert world.client_for(LEAD).post(remind).status_code == 403
    assert mail.outbox == []


def test_opening_a_period_warns_of_leads_with_no_email_address(world: PlanWorld) -> None:
    opening = page(world, MANAGER, reverse("period_open", args=[world.plan.pk]))
    assert "1 lead has no email address, so will not be told or reminded: Helen Hill" in opening
