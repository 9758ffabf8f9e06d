"""The demo a newcomer sees after the first README command."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from sendplan.demo.load import DEMO_AUTHOR, DEMO_LABEL, DEMO_PASSWORD, DEMO_USERS
from sendplan.monitoring.models import StatusUpdate
from sendplan.plans.models import Action, Plan

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_it_loads_the_real_plan_and_prints_every_demo_users_sign_in() -> None:
    printed = run_demo()
    plan = Plan.objects.get()
    assert plan.area.name == "South Gloucestershire"
    assert plan.weaknesses.count() == 8
    assert Action.objects.filter(section__plan=plan, ref="1.1.1").exists()
    for username, *_ in DEMO_USERS:
        assert f"{username}" in printed
    assert f"password {DEMO_PASSWORD}" in printed


def test_it_labels_every_invented_update_as_demo_data() -> None:
    run_demo()
    updates = StatusUpdate.objects.all()
    assert updates.count() > 0
    assert updates.values("period").distinct().count() >= 3
    assert all(u.narrative.startswith(DEMO_LABEL) for u in updates)
    assert all(u.author_name == DEMO_AUTHOR for u in updates)


def test_it_can_run_twice_without_loading_the_plan_again() -> None:
    run_demo()
    printed = run_demo()
    assert Plan.objects.count() == 1
    assert "Already loaded" in printed


@pytest.mark.parametrize("username", [u[0] for u in DEMO_USERS])
def test_it_lets_each_demo_user_sign_in_and_see_the_plan(username: str) -> None:
    run_demo()
    client = Client()
    client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
    plan = Plan.objects.get()
    assert client.get(reverse("plan", args=[plan.pk])).status_code == 200
    can_edit = username in {"demo-admin", "demo-manager"}
    assert client.get(reverse("plan_edit", args=[plan.pk])).status_code == (
        200 if can_edit else 403
    )


def test_it_gives_the_demo_lead_officer_actions_to_report_on() -> None:
    run_demo()
    client = Client()
    client.post(reverse("login"), {"username": "demo-lead", "password": DEMO_PASSWORD})
    home = client.get(reverse("home")).content.decode()
    assert "You are not named as the lead of any action" not in home
