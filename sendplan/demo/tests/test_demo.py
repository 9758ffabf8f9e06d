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


def test_it_imports_both_sample_plans_and_prints_every_demo_users_sign_in() -> None:
    printed = run_demo()
    south_glos = Plan.objects.get(area__name="South Gloucestershire")
    assert south_glos.weaknesses.count() == 8
    assert Action.objects.filter(section__plan=south_glos, ref="1.1.1").exists()
    telford = Plan.objects.get(area__name="Telford and Wrekin")
    assert Action.objects.filter(section__plan=telford).count() > 0
    assert printed.count("Imported: ") == 2
    for username, *_ in DEMO_USERS:
        assert f"{username}" in printed
    assert f"password {DEMO_PASSWORD}" in printed


def test_it_labels_every_invented_update_as_demo_data() -> None:
    run_demo()
    # South Gloucestershire's monitoring columns are empty, so all its updates are invented.
    invented = StatusUpdate.objects.filter(
        action__section__plan__area__name="South Gloucestershire"
    )
    assert invented.count() > 0
    assert invented.values("period").distinct().count() >= 3
    assert all(u.narrative.startswith(DEMO_LABEL) for u in invented)
    assert all(u.author_name == DEMO_AUTHOR for u in invented)
    # Telford's position statements come from the plan itself and are not labelled as invented.
    real = StatusUpdate.objects.filter(action__section__plan__area__name="Telford and Wrekin")
    assert real.count() > 0
    assert not any(u.narrative.startswith(DEMO_LABEL) for u in real)


def test_it_can_run_twice_without_loading_the_plan_again() -> None:
    run_demo()
    printed = run_demo()
    assert Plan.objects.count() == 2
    assert printed.count("Already loaded") == 2


@pytest.mark.parametrize("username", [u[0] for u in DEMO_USERS])
def test_it_lets_each_demo_user_sign_in_and_see_the_plan(username: str) -> None:
    run_demo()
    client = Client()
    client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
    can_edit = username in {"demo-admin", "demo-manager"}
    for plan in Plan.objects.all():
        assert client.get(reverse("plan", args=[plan.pk])).status_code == 200
        assert client.get(reverse("plan_edit", args=[plan.pk])).status_code == (
            200 if can_edit else 403
        )


def test_it_gives_the_demo_lead_officer_actions_to_report_on() -> None:
    run_demo()
    client = Client()
    client.post(reverse("login"), {"username": "demo-lead", "password": DEMO_PASSWORD})
    home = client.get(reverse("home")).content.decode()
    assert "You are not named as the lead of any action" not in home


def test_the_demo_adviser_sees_the_demo_areas_in_their_table_of_areas() -> None:
    run_demo()
    client = Client()
    client.post(reverse("login"), {"username": "demo-adviser", "password": DEMO_PASSWORD})
    html = client.get(reverse("home")).content.decode()
    assert "Your local areas" in html
    assert "2 plans in 2 areas." in html
    assert "South West" in html and "Written statement of action required" in html
    for plan in Plan.objects.all():
        assert f'href="{plan.get_absolute_url()}"' in html
