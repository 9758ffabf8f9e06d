"""A whole monitoring period in the demo, driven through the pages by its demo users: the
programme manager opens it, the lead submits, one update is returned and resubmitted, a new
due date is approved, the period is signed off, and after that nothing can change it."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from sendplan.demo.load import DEMO_PASSWORD
from sendplan.monitoring.models import Period, StatusUpdate
from sendplan.monitoring.services import update_state
from sendplan.plans.models import Action, Plan

pytestmark = pytest.mark.django_db


def signed_in(username: str) -> Client:
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    return client


def test_it_runs_a_whole_period_in_the_demo() -> None:
    call_command("demo", stdout=StringIO())
    plan = Plan.objects.get(area__name="South Gloucestershire")
    manager, lead = signed_in("demo-manager"), signed_in("demo-lead")

    # The plan's own empty Dec 18 column is the one to open.
    form = manager.get(reverse("period_open", args=[plan.pk])).content.decode()
    assert 'value="Dec 18"' in form
    response = manager.post(
        reverse("period_open", args=[plan.pk]),
        {
            "label": "Dec 18",
            "starts_on_day": "1", "starts_on_month": "10", "starts_on_year": "2018",
            "ends_on_day": "31", "ends_on_month": "12", "ends_on_year": "2018",
            "deadline_day": "11", "deadline_month": "1", "deadline_year": "2019",
            "actions": re.findall(r'name="actions" type="checkbox" value="(\d+)" checked', form),
        },
    )  # fmt: skip
    assert response.status_code == 302
    period = Period.objects.get(plan=plan, label="Dec 18")
    assert period.is_open and period.requests.exists()

    # The lead is chased by email, and finds what is due from them.
    call_command("remind", today="2019-01-12", stdout=StringIO())
    assert any(m.to == ["demo-lead@example.org"] for m in mail.outbox)
    mine = [
        Action.objects.get(pk=pk)
        for pk in period.requests.filter(action__leads__user__username="demo-lead").values_list(
            "action", flat=True
        )
    ]
    assert mine
    my_page = lead.get(reverse("my_actions")).content.decode()
    assert all(a.title[:40] in my_page for a in mine[:3])

    def submit(action: Action, status: str, words: str) -> None:
        url = reverse("update_add", args=[plan.pk, action.pk])
        response = lead.post(
            url, {"period": period.pk, "status": status, "narrative": words, "intent": "submit"}
        )
        assert response.status_code == 302, response.content.decode()[:2000]

    for action in mine:
        submit(action, "G", f"Demo walk-through: work on {action.ref} is on track.")
    first = mine[0]
    update = StatusUpdate.objects.get(period=period, action=first)

    # One update is returned and resubmitted.
    review = reverse("update_review", args=[plan.pk, update.pk])
    manager.post(review, {"decision": "returned", "comment": "Say what the board decided"})
    assert "Say what the board decided" in lead.get(reverse("my_actions")).content.decode()
    submit(first, "A", "The board deferred its decision to January.")
    resubmitted = StatusUpdate.objects.filter(period=period, action=first).latest("sequence")
    assert update_state(update) == "returned" and update_state(resubmitted) == "submitted"

    # A new due date is asked for and approved.
    old_due = first.due_display
    lead.post(
        reverse("due_change", args=[plan.pk, first.pk]),
        {"due": "2019-03", "due_text": "March 2019", "reason": "The board deferred its decision"},
    )
    change = first.due_changes.get()
    manager.post(reverse("due_change_decide", args=[plan.pk, change.pk]), {"decision": "approve"})
    first.refresh_from_db()
    assert first.due_text == "March 2019" and first.original_due_display == old_due

    # Everything waiting is approved, then the period is signed off.
    for waiting in StatusUpdate.objects.filter(period=period, needs_review=True):
        if update_state(waiting) == "submitted":
            manager.post(
                reverse("update_review", args=[plan.pk, waiting.pk]), {"decision": "approved"}
            )
    # Most actions asked for have no update yet: the board is told why it is signed off anyway.
    sign_off = reverse("period_sign_off", args=[plan.pk, period.pk])
    assert "Why sign off Dec 18 anyway?" in manager.get(sign_off).content.decode()
    response = manager.post(sign_off, {"reason": "The board accepted verbal updates"})
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.is_locked

    # Afterwards no page can alter what was signed off.
    before = list(
        StatusUpdate.objects.filter(period=period).values_list("pk", "status", "narrative")
    )
    submit_url = reverse("update_add", args=[plan.pk, first.pk])
    lead.post(
        submit_url, {"period": period.pk, "status": "R", "narrative": "x", "intent": "submit"}
    )
    manager.post(
        submit_url, {"period": period.pk, "status": "R", "narrative": "x", "intent": "submit"}
    )
    manager.post(review, {"decision": "approved"})
    manager.post(reverse("period_edit", args=[plan.pk, period.pk]), {"label": "Renamed"})
    manager.post(reverse("period_delete", args=[plan.pk, period.pk]))
    after = list(
        StatusUpdate.objects.filter(period=period).values_list("pk", "status", "narrative")
    )
    assert after == before
    period.refresh_from_db()
    assert period.label == "Dec 18" and period.is_locked
    overview = signed_in("demo-board").get(reverse("plan", args=[plan.pk])).content.decode()
    assert "Dec 18 has been signed off" in overview and "Re-baselined" in overview
