"""The people page: inviting people, the invitations waiting, and which account is whose."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from sendplan.accounts.models import Invitation, Membership, Role
from sendplan.accounts.tests import OnCommit, invite
from sendplan.plans import services as plans
from sendplan.plans.models import Person
from sendplan.test import PlanWorld

OTHERS = ["programme_manager", "lead_officer", "board_member", "parent_carer_forum", "adviser"]


def people_page(world: PlanWorld) -> str:
    response = world.client_for("area_admin").get(reverse("area_members", args=[world.area.pk]))
    assert response.status_code == 200
    return response.content.decode()


def row_of(html: str, text: str) -> str:
    """The table row holding some text."""
    start = html.rindex("<tr", 0, html.index(text))
    return html[start : html.index("</tr>", start)]


@pytest.fixture
def sam(world: PlanWorld) -> Person:
    return plans.person_create(
        actor=None, plan=world.plan, key="SC", name="Sam Cole", email="sam@testshire.gov.uk"
    )


def test_it_shows_whose_account_each_person_in_a_plan_is(
    world: PlanWorld, sam: Person, django_capture_on_commit_callbacks: OnCommit
) -> None:
    jo = plans.person_create(actor=None, plan=world.plan, key="JO", name="Jo", email="jo@x.org")
    invite(world, django_capture_on_commit_callbacks, "jo@x.org", person=jo)
    html = people_page(world)
    assert "Lead officers in Testshire Written Statement of Action" in html
    assert "Linked</strong> to lead_officer" in row_of(html, "Helen Hill")
    assert "No email address" in row_of(html, "Designated Clinical Officer")
    assert "Not invited" in row_of(html, "Sam Cole")
    assert f"?person={sam.pk}" in row_of(html, "Sam Cole")
    assert "Invited</strong>" in row_of(html, "Jo <span")
    # And among the invitations waiting, with what can be done with it.
    invitation = row_of(html, "jo@x.org</td>")
    assert "Resend" in invitation and "Withdraw" in invitation and "Jo" in invitation


def test_it_says_when_a_linked_account_has_lost_its_role(world: PlanWorld) -> None:
    world.users["lead_officer"].memberships.all().delete()
    assert "This account has no role in Testshire" in row_of(people_page(world), "Helen Hill")


def test_it_invites_someone_from_the_people_page(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    client = world.client_for("area_admin")
    url = reverse("invitation_new", args=[world.area.pk])
    assert "Invite someone" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"email": "pm@testshire.gov.uk", "role": Role.PROGRAMME_MANAGER}, follow=True
        )
    assert "Invitation sent to pm@testshire.gov.uk" in response.content.decode()
    assert mail.outbox[-1].to == ["pm@testshire.gov.uk"]
    assert Invitation.objects.get().role == Role.PROGRAMME_MANAGER


def test_it_starts_an_invitation_from_what_the_plan_says_of_the_person(
    world: PlanWorld, sam: Person, django_capture_on_commit_callbacks: OnCommit
) -> None:
    client = world.client_for("area_admin")
    url = reverse("invitation_new", args=[world.area.pk]) + f"?person={sam.pk}"
    html = client.get(url).content.decode()
    assert "Invite Sam Cole" in html
    assert 'value="sam@testshire.gov.uk"' in html
    assert f'<option value="{sam.pk}" selected>Sam Cole (SC) in' in html
    assert 'value="lead_officer" checked' in html
    # Someone already linked to an account is not offered.
    assert f'<option value="{world.lead.pk}"' not in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": sam.email, "role": Role.LEAD_OFFICER, "person": sam.pk})
    assert Invitation.objects.get().person == sam


def test_it_says_what_is_missing_from_an_invitation(world: PlanWorld) -> None:
    client = world.client_for("area_admin")
    url = reverse("invitation_new", args=[world.area.pk])
    html = client.post(url, {"email": "not an address"}).content.decode()
    assert "<title>Error: Invite someone" in html
    assert "Enter an email address in the correct format, like name@example.org" in html
    assert "Select a role" in html
    assert not Invitation.objects.exists()


def test_it_refuses_to_link_a_person_from_another_area(world: PlanWorld) -> None:
    elsewhere = plans.person_create(actor=None, plan=world.other_plan, key="EL", name="El")
    client = world.client_for("area_admin")
    url = reverse("invitation_new", args=[world.area.pk])
    response = client.post(url, {"email": "el@x.org", "role": "adviser", "person": elsewhere.pk})
    assert "Select a person who is not yet linked to an account" in response.content.decode()
    assert not Invitation.objects.exists()


def test_it_says_when_the_same_invitation_is_sent_twice(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    # For example a form submitted twice, or from a page opened before someone else sent it.
    invite(world, django_capture_on_commit_callbacks, "pm@x.org", role="programme_manager")
    client = world.client_for("area_admin")
    url = reverse("invitation_new", args=[world.area.pk])
    response = client.post(url, {"email": "pm@x.org", "role": "programme_manager"})
    assert "pm@x.org already has an invitation to the role Programme manager" in (
        response.content.decode()
    )
    assert Invitation.objects.count() == 1


def test_it_resends_and_withdraws_an_invitation(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, old = invite(world, django_capture_on_commit_callbacks, "pm@x.org")
    client = world.client_for("area_admin")
    resend = reverse("invitation_resend", args=[world.area.pk, invitation.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend, follow=True)
    assert "Invitation sent again to pm@x.org" in response.content.decode()
    assert len(mail.outbox) == 2
    assert client.get(reverse("invitation_accept", args=[old])).status_code == 404

    withdraw = reverse("invitation_withdraw", args=[world.area.pk, invitation.pk])
    response = client.post(withdraw, follow=True)
    assert "Invitation to pm@x.org withdrawn" in response.content.decode()
    assert "pm@x.org</td>" not in response.content.decode()
    # The same buttons on a page opened before it was withdrawn.
    response = client.post(withdraw, follow=True)
    assert "The invitation to pm@x.org has been withdrawn" in response.content.decode()
    response = client.post(resend, follow=True)
    assert "The invitation to pm@x.org has been withdrawn" in response.content.decode()
    assert len(mail.outbox) == 2


def test_it_changes_invitations_only_by_post(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, _ = invite(world, django_capture_on_commit_callbacks, "pm@x.org")
    client = world.client_for("area_admin")
    for name in ["invitation_resend", "invitation_withdraw"]:
        url = reverse(name, args=[world.area.pk, invitation.pk])
        assert client.get(url).status_code == 405
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING and len(mail.outbox) == 1


def test_it_links_a_person_to_an_account_with_a_role(world: PlanWorld, sam: Person) -> None:
    client = world.client_for("area_admin")
    url = reverse("person_account", args=[world.area.pk, sam.pk])
    html = client.get(url).content.decode()
    assert "Which account is Sam Cole's?" in html
    assert "outsider" not in html  # no role in this area
    board = world.users["board_member"]
    response = client.post(url, {"account": board.pk}, follow=True)
    assert "Sam Cole is linked to board_member" in response.content.decode()
    sam.refresh_from_db()
    assert sam.user == board
    seen = client.get(url).content.decode()
    response = client.post(url, {"account": "none"}, follow=True)
    assert "Sam Cole is not linked to any account" in response.content.decode()
    sam.refresh_from_db()
    assert sam.user is None
    assert "board_member" in seen


def test_it_refuses_an_account_without_a_role_in_the_area(world: PlanWorld, sam: Person) -> None:
    client = world.client_for("area_admin")
    url = reverse("person_account", args=[world.area.pk, sam.pk])
    response = client.post(url, {"account": world.outsider.pk})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    sam.refresh_from_db()
    assert sam.user is None


def test_it_says_when_someone_else_linked_the_person_meanwhile(
    world: PlanWorld, sam: Person
) -> None:
    client = world.client_for("area_admin")
    url = reverse("person_account", args=[world.area.pk, sam.pk])
    html = client.get(url).content.decode()
    seen = html.split('name="seen" value="')[1].split('"')[0]
    plans.person_update(actor=None, person=sam, user=world.users["adviser"])

    response = client.post(url, {"account": world.users["board_member"].pk, "seen": seen})
    html = response.content.decode()
    assert "Someone else changed this while you were editing it" in html
    assert "“adviser”" in html
    sam.refresh_from_db()
    assert sam.user == world.users["adviser"]


@pytest.mark.parametrize("who", OTHERS)
def test_it_refuses_invitations_and_links_to_other_roles(
    world: PlanWorld, who: str, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, _ = invite(world, django_capture_on_commit_callbacks, "pm@x.org")
    client = world.client_for(who)
    area = world.area.pk
    assert client.get(reverse("invitation_new", args=[area])).status_code == 403
    new = reverse("invitation_new", args=[area])
    assert client.post(new, {"email": "x@y.org", "role": "area_admin"}).status_code == 403
    for name in ["invitation_resend", "invitation_withdraw"]:
        assert client.post(reverse(name, args=[area, invitation.pk])).status_code == 403
    link = reverse("person_account", args=[area, world.lead.pk])
    assert client.get(link).status_code == 403
    assert client.post(link, {"account": "none"}).status_code == 403
    invitation.refresh_from_db()
    world.lead.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING and world.lead.user is not None
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1


def test_it_hides_another_areas_invitations_and_people(
    world: PlanWorld, django_capture_on_commit_callbacks: OnCommit
) -> None:
    invitation, _ = invite(world, django_capture_on_commit_callbacks, "pm@x.org")
    # The outsider administers their own area, and asks for Testshire's through its address.
    Membership.objects.create(user=world.outsider, area=world.other_plan.area, role="area_admin")
    client = world.client_for("outsider")
    own = world.other_plan.area.pk
    for name in ["invitation_resend", "invitation_withdraw"]:
        assert client.post(reverse(name, args=[own, invitation.pk])).status_code == 404
        assert client.post(reverse(name, args=[world.area.pk, invitation.pk])).status_code == 404
    assert client.get(reverse("person_account", args=[own, world.lead.pk])).status_code == 404
    assert client.get(reverse("invitation_new", args=[world.area.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING
