"""Area administrators give people roles; nobody else can."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from sendplan.accounts.models import Membership, Role
from sendplan.audit.models import AuditEvent
from sendplan.test import PlanWorld

OTHERS = ["programme_manager", "lead_officer", "board_member", "parent_carer_forum", "adviser"]


def test_it_lets_an_area_admin_create_an_account_with_a_role(world: PlanWorld) -> None:
    client = world.client_for("area_admin")
    response = client.post(
        reverse("area_members", args=[world.area.pk]),
        {
            "username": "new.officer",
            "role": Role.LEAD_OFFICER,
            "first_name": "New",
            "last_name": "Officer",
            "password": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="new.officer")
    assert Membership.objects.filter(user=user, area=world.area, role=Role.LEAD_OFFICER).exists()
    assert AuditEvent.objects.filter(object_type="membership", actor=world.users["area_admin"])


def test_it_asks_for_a_password_when_the_account_is_new(world: PlanWorld) -> None:
    client = world.client_for("area_admin")
    response = client.post(
        reverse("area_members", args=[world.area.pk]),
        {"username": "someone.new", "role": Role.ADVISER},
    )
    assert response.status_code == 200
    assert "Enter a password for the new account" in response.content.decode()
    assert not User.objects.filter(username="someone.new").exists()


def test_it_keeps_at_least_one_administrator(world: PlanWorld) -> None:
    client = world.client_for("area_admin")
    admin = Membership.objects.get(area=world.area, role=Role.AREA_ADMIN)
    response = client.post(reverse("member_remove", args=[world.area.pk, admin.pk]), follow=True)
    assert "An area needs at least one administrator" in response.content.decode()
    assert Membership.objects.filter(pk=admin.pk).exists()


@pytest.mark.parametrize("who", OTHERS)
def test_it_refuses_people_management_to_other_roles(world: PlanWorld, who: str) -> None:
    client = world.client_for(who)
    assert client.get(reverse("area_members", args=[world.area.pk])).status_code == 403
    membership = Membership.objects.get(area=world.area, role=Role.ADVISER)
    url = reverse("member_remove", args=[world.area.pk, membership.pk])
    assert client.post(url).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_it_hides_other_areas_from_an_admin(world: PlanWorld) -> None:
    client = world.client_for("area_admin")
    other_area = world.other_plan.area
    assert client.get(reverse("area_members", args=[other_area.pk])).status_code == 404


def test_it_grants_a_role_from_the_command_line(world: PlanWorld) -> None:
    out = StringIO()
    call_command("grant", "outsider", area="Newtown", role="area_admin", stdout=out)
    assert "outsider is now Area administrator in Newtown" in out.getvalue()
    assert Membership.objects.filter(
        user=world.outsider, area__name="Newtown", role=Role.AREA_ADMIN
    ).exists()
