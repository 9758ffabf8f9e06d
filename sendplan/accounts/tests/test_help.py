"""Help: a short guide for each role, linked from every page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sendplan.accounts.models import Role
from sendplan.test import PlanWorld, open_period


def test_every_page_links_to_help(world: PlanWorld) -> None:
    for client, url in [
        (Client(), reverse("login")),
        (world.client_for("lead_officer"), reverse("my_actions")),
        (world.client_for("board_member"), reverse("plan", args=[world.plan.pk])),
    ]:
        assert f'href="{reverse("help")}"' in client.get(url).content.decode()


@pytest.mark.parametrize("role", list(Role))
def test_there_is_a_guide_for_every_role(db: None, role: Role) -> None:
    response = Client().get(reverse("help_role", args=[role.value]))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<h1 class="govuk-heading-l">{role.label}</h1>' in page
    assert reverse("help_role", args=[role.value]) in Client().get(reverse("help")).content.decode()


def test_help_points_people_to_the_guides_for_their_own_roles(world: PlanWorld) -> None:
    page = world.client_for("lead_officer").get(reverse("help")).content.decode()
    assert "Your role: <a" in page and "Lead officer</a>." in page


def test_a_role_with_no_guide_is_not_found(db: None) -> None:
    assert Client().get(reverse("help_role", args=["wizard"])).status_code == 404


def test_the_leads_guide_names_the_buttons_the_pages_show(world: PlanWorld) -> None:
    # If the pages change their words, the guide must change with them.
    guide = Client().get(reverse("help_role", args=["lead_officer"])).content.decode()
    open_period(world)
    client = world.client_for("lead_officer")
    form = client.get(reverse("update_add", args=[world.plan.pk, world.action.pk]))
    action = client.get(reverse("action", args=[world.plan.pk, world.action.pk]))
    for words, page in [
        ("Submit for review", form),
        ("Save as a draft", form),
        ("ask for a new due date", action),
    ]:
        assert words.lower() in guide.lower()
        assert words.lower() in page.content.decode().lower()
