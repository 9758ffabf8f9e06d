"""Once the board has met and the period is signed off, nothing can alter what it recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from sendplan.interchange.jsonformat import export_plan
from sendplan.interchange.merge import apply_changes, plan_changes
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import StatusUpdate, UpdateRequest
from sendplan.monitoring.services import update_state
from sendplan.plans.services import PlanRuleError
from sendplan.test import PlanWorld, sign_off_cycle, start_cycle

MANAGER = "programme_manager"


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def test_it_will_not_sign_off_while_updates_wait_for_review(world: PlanWorld) -> None:
    cycle = start_cycle(world)
    url = reverse("period_sign_off", args=[world.plan.pk, cycle.period.pk])
    response = world.client_for(MANAGER).post(url)
    assert response.status_code == 200
    assert "1 update is waiting for review. Approve or return them before signing off." in html(
        response
    )
    cycle.period.refresh_from_db()
    assert not cycle.period.is_locked


def test_it_signs_off_a_period_and_says_its_updates_are_locked(world: PlanWorld) -> None:
    cycle = start_cycle(world)
    client = world.client_for(MANAGER)
    monitoring.update_review(actor=None, update=cycle.submitted, decision="approved")
    # Every action asked for has its update: no reason is asked for.
    UpdateRequest.objects.filter(period=cycle.period, action=world.other_action).delete()
    url = reverse("period_sign_off", args=[world.plan.pk, cycle.period.pk])
    assert "Every action asked for an update in Sep 18 has one" in html(client.get(url))
    response = client.post(url)
    assert response.status_code == 302
    page = html(client.get(response["Location"]))
    assert "Signed off" in page and "Its updates are locked" in page


def test_it_shows_what_is_missing_and_asks_why_before_signing_off_anyway(
    world: PlanWorld,
) -> None:
    cycle = start_cycle(world)
    client = world.client_for(MANAGER)
    monitoring.update_review(actor=None, update=cycle.submitted, decision="approved")
    url = reverse("period_sign_off", args=[world.plan.pk, cycle.period.pk])
    page = html(client.get(url))
    # The other action was asked for an update and has none.
    assert "No update: 1" in page and "1.1.2 Publish the board&#x27;s minutes" in page
    assert "Why sign off Sep 18 anyway?" in page

    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 200
    assert "1 with no update. Say why Sep 18 is being signed off anyway." in html(refused)
    cycle.period.refresh_from_db()
    assert not cycle.period.is_locked

    response = client.post(url, {"reason": "The board took a verbal update on 1.1.2"})
    assert response.status_code == 302
    cycle.period.refresh_from_db()
    assert cycle.period.is_locked
    history = html(client.get(reverse("plan_history", args=[world.plan.pk])))
    assert "signed off with 1 with no update: The board took a verbal update on 1.1.2" in history


def test_a_returned_update_not_sent_again_counts_as_a_gap(world: PlanWorld) -> None:
    cycle = start_cycle(world)
    monitoring.update_review(
        actor=None, update=cycle.submitted, decision="returned", comment="Add the dates"
    )
    url = reverse("period_sign_off", args=[world.plan.pk, cycle.period.pk])
    page = html(world.client_for(MANAGER).get(url))
    assert "Returned to the lead and not sent again: 1" in page


@pytest.mark.parametrize("who", ["lead_officer", MANAGER])
def test_it_refuses_new_updates_for_a_signed_off_period_through_the_pages(
    world: PlanWorld, who: str
) -> None:
    cycle = sign_off_cycle(world)
    client = world.client_for(who)
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    before = StatusUpdate.objects.count()
    data = {"period": cycle.period.pk, "intent": "submit", "status": "R", "narrative": "Rewritten"}
    response = client.post(url, data, follow=True)
    assert "has been signed off, so its updates are locked" in html(response)
    assert StatusUpdate.objects.count() == before


def test_it_refuses_every_other_way_of_altering_a_signed_off_period(world: PlanWorld) -> None:
    cycle = sign_off_cycle(world)
    client = world.client_for(MANAGER)
    period = cycle.period
    before = list(StatusUpdate.objects.values_list("pk", "status", "narrative"))
    # Renaming or removing the period.
    response = client.post(
        reverse("period_edit", args=[world.plan.pk, period.pk]),
        {"label": "Renamed", "ends_on": "2018-09"},
    )
    assert "has been signed off, so it cannot change" in html(response)
    client.post(reverse("period_delete", args=[world.plan.pk, period.pk]))
    # Reviewing again, or deleting the action that holds the history.
    response = client.post(
        reverse("update_review", args=[world.plan.pk, cycle.submitted.pk]),
        {"decision": "returned", "comment": "Try again"},
    )
    assert "has been signed off" in html(response)
    client.post(reverse("action_delete", args=[world.plan.pk, world.action.pk]))
    # And the services themselves, which every command and importer goes through.
    for attempt in (
        lambda: monitoring.status_update_record(
            actor=None, action=world.action, period=period, status="R"
        ),
        lambda: monitoring.draft_save(
            actor=None, action=world.action, period=period, version=None, status="R"
        ),
        lambda: monitoring.period_open(
            actor=None,
            plan=world.plan,
            label=period.label,
            starts_on=dt.date(2018, 7, 1),
            ends_on=dt.date(2018, 9, 30),
            deadline=dt.date(2018, 10, 7),
        ),
    ):
        with pytest.raises(PlanRuleError):
            attempt()
    with pytest.raises(ValueError, match="never changed"):
        cycle.submitted.save()
    with pytest.raises(ValueError, match="never deleted"):
        cycle.submitted.delete()
    period.refresh_from_db()
    assert period.label == "Sep 18" and period.is_locked
    assert list(StatusUpdate.objects.values_list("pk", "status", "narrative")) == before
    assert update_state(cycle.submitted) == "approved"


def test_it_records_a_correction_beside_the_locked_original(world: PlanWorld) -> None:
    cycle = sign_off_cycle(world)
    client = world.client_for(MANAGER)
    url = reverse("update_correct", args=[world.plan.pk, cycle.submitted.pk])
    response = client.post(url, {"status": "R", "narrative": "Chair not yet found", "reason": ""})
    assert "Enter the reason for the correction" in html(response)
    response = client.post(
        url,
        {
            "status": "R",
            "narrative": "Chair not yet found",
            "reason": "The lead reported the wrong status",
        },
    )
    assert response.status_code == 302
    original = StatusUpdate.objects.get(pk=cycle.submitted.pk)
    assert (original.status, original.narrative) == (
        "A",
        "The chair resigned; a new chair is being recruited.",
    )
    correction = original.corrections.get()
    assert (correction.status, correction.reason) == ("R", "The lead reported the wrong status")
    page = html(client.get(reverse("action", args=[world.plan.pk, world.action.pk])))
    updates = page.split("Progress updates, newest first")[1]
    assert "Correction for Sep 18" in updates
    assert "Why it was corrected:</strong> The lead reported the wrong status" in updates
    assert "The chair resigned; a new chair is being recruited." in updates
    # The status table now reads the correction.
    table = page.split("Latest status reported for each period")[1].split("</table>")[0]
    assert "R – No progress or major concerns" in table


def test_it_corrects_only_signed_off_updates_and_only_for_programme_managers(
    world: PlanWorld,
) -> None:
    cycle = start_cycle(world)
    url = reverse("update_correct", args=[world.plan.pk, cycle.submitted.pk])
    response = world.client_for(MANAGER).post(
        url, {"status": "R", "narrative": "x", "reason": "Wrong"}
    )
    assert "Only updates in a signed-off period are corrected" in html(response)
    sign_off_cycle(world)
    response = world.client_for("lead_officer").post(
        url, {"status": "R", "narrative": "x", "reason": "Wrong"}
    )
    assert response.status_code == 403
    assert not cycle.submitted.corrections.exists()


def test_it_leaves_a_signed_off_period_alone_when_an_updated_tracker_is_imported(
    world: PlanWorld,
) -> None:
    cycle = sign_off_cycle(world)
    document = export_plan(world.plan)
    for section in document["plan"]["sections"][0]["sections"]:
        for action in section["actions"]:
            action["updates"] = [{"period": "Sep 18", "status": "R", "narrative": "Rewritten"}]
    changes = plan_changes(world.plan, document)
    assert changes.new_updates == []
    assert [p.message for p in changes.problems] == [
        "Sep 18 has been signed off, so its updates are locked; the file's status for it is "
        "left out"
    ] * 2
    apply_changes(plan=world.plan, changes=changes, actor=world.users[MANAGER])
    assert list(cycle.period.updates.values_list("status", flat=True)) == ["A"]
