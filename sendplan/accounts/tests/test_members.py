"""Area administrators manage who has a role in their area; nobody else can."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sendplan.accounts import services
from sendplan.accounts.access import roles_in
from sendplan.accounts.models import Membership, Role
from sendplan.accounts.selectors import roles_by_area
from sendplan.audit.models import AuditEvent
from sendplan.monitoring.models import StatusUpdate
from sendplan.test import PlanWorld, start_cycle

OTHERS = ["programme_manager", "lead_officer", "board_member", "parent_carer_forum", "adviser"]


def remove(world: PlanWorld, role: str) -> None:
    membership = Membership.objects.get(area=world.area, role=role)
    client = world.client_for("area_admin")
    response = client.post(reverse("member_remove", args=[world.area.pk, membership.pk]))
    assert response.status_code == 302


def test_it_lists_the_people_with_a_role(world: PlanWorld) -> None:
    page = world.client_for("area_admin").get(reverse("area_members", args=[world.area.pk]))
    html = page.content.decode()
    assert "People with a role" in html
    assert 'Remove<span class="govuk-visually-hidden"> lead_officer as lead officer' in html


def test_it_keeps_at_least_one_administrator(world: PlanWorld) -> None:
    client = world.client_for("area_admin")
    admin = Membership.objects.get(area=world.area, role=Role.AREA_ADMIN)
    response = client.post(reverse("member_remove", args=[world.area.pk, admin.pk]), follow=True)
    assert "An area needs at least one administrator" in response.content.decode()
    assert Membership.objects.filter(pk=admin.pk).exists()


def test_it_takes_a_removed_role_away_on_the_next_request(world: PlanWorld) -> None:
    start_cycle(world)
    lead = world.client_for("lead_officer")
    action_url = reverse("action", args=[world.plan.pk, world.action.pk])
    assert lead.get(action_url).status_code == 200
    assert world.action.title in lead.get(reverse("my_actions")).content.decode()

    remove(world, Role.LEAD_OFFICER)

    # The same session, signed in before: its roles are read afresh on every request.
    assert lead.get(action_url).status_code == 404
    assert world.action.title not in lead.get(reverse("my_actions")).content.decode()
    update_url = reverse("update_add", args=[world.plan.pk, world.other_action.pk])
    assert lead.post(update_url, {"status": "G", "narrative": "Done"}).status_code == 404


def test_it_keeps_the_history_of_someone_whose_role_is_removed(world: PlanWorld) -> None:
    cycle = start_cycle(world)
    lead = world.users["lead_officer"]
    remove(world, Role.LEAD_OFFICER)

    assert StatusUpdate.objects.get(pk=cycle.submitted.pk).author == lead
    assert AuditEvent.objects.filter(actor=lead).exists()
    page = world.client_for("programme_manager").get(
        reverse("action", args=[world.plan.pk, world.action.pk])
    )
    assert "The chair resigned" in page.content.decode()
    assert "Recorded by Lead officer on" in page.content.decode()
    # The action's change history still names them.
    assert 'class="govuk-table__cell">Lead officer (lead_officer)</td>' in page.content.decode()
    assert AuditEvent.objects.filter(
        object_type="membership", verb="delete", actor=world.users["area_admin"]
    ).exists()


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


def test_roles_read_once_for_a_request_are_read_again_after_a_membership_changes(
    world: PlanWorld,
) -> None:
    """The two-factor check reads all of a person's roles once and the page's access check uses
    them (access.roles_by_area); a change to a membership must not leave the old ones in use."""
    board = world.users[Role.BOARD_MEMBER]
    area = world.plan.area
    assert Role.BOARD_MEMBER in roles_by_area(board)[area.pk]
    added = services.membership_add(actor=board, area=area, user=board, role=Role.LEAD_OFFICER)
    assert roles_in(board, area.pk) == {Role.BOARD_MEMBER, Role.LEAD_OFFICER}
    services.membership_remove(actor=board, membership=added)
    assert roles_in(board, area.pk) == {Role.BOARD_MEMBER}


def test_a_page_reads_the_askers_roles_once(world: PlanWorld) -> None:
    """A board member owes no second factor: the check for one and the plan page's access check
    share one read of their memberships."""
    client = world.client_for(Role.BOARD_MEMBER)
    url = reverse("plan", args=[world.plan.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    read = [q["sql"] for q in queries.captured_queries if '"accounts_membership"' in q["sql"]]
    assert len(read) == 1, read
