"""What programme managers and leads see and do on the plan pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sendplan.audit.models import AuditEvent
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import StatusUpdate
from sendplan.monitoring.services import status_update_record, update_review
from sendplan.plans import services
from sendplan.plans.models import Action, Section
from sendplan.plans.services import PlanRuleError
from sendplan.test import PlanWorld, open_period


def page(world: PlanWorld, who: str, name: str, *args: int) -> str:
    response = world.client_for(who).get(reverse(name, args=[world.plan.pk, *args]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_counts_actions_by_latest_status_in_words(world: PlanWorld) -> None:
    status_update_record(actor=None, action=world.other_action, period=world.periods[1], status="A")
    html = page(world, "board_member", "plan")
    assert "1 × " in html
    assert "G – On track, no concerns" in html
    assert "A – On track, some concerns" in html


def test_it_lists_overdue_and_soon_due_actions(world: PlanWorld) -> None:
    soon = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    services.action_create(
        actor=None, section=world.priority, ref="1.1.9", title="Hold the launch event", due=soon
    )
    html = page(world, "adviser", "plan")
    overdue = html.split("Overdue actions")[1].split("Due in the next 30 days")[0]
    due_soon = html.split("Due in the next 30 days")[1]
    # 1.1.1 was due in May 2018 and is not done; "Termly" has no date to miss.
    assert "1.1.1" in overdue and "1.1.2" not in overdue
    assert "1.1.9" in due_soon and "1.1.1" not in due_soon


def test_it_does_not_call_a_completed_action_overdue(world: PlanWorld) -> None:
    status_update_record(actor=None, action=world.action, period=world.periods[1], status="B")
    html = page(world, "adviser", "plan")
    assert "No actions are overdue." in html


def test_it_shows_status_history_with_a_column_per_period(world: PlanWorld) -> None:
    html = page(world, "parent_carer_forum", "section", world.priority.pk)
    assert ">Mar 18</th>" in html and ">Jun 18</th>" in html
    row = html.split("1.1.1 Confirm the Terms of Reference")[1].split("</tr>")[0]
    assert "G – On track, no concerns" in row
    assert "Not reported" in row


def test_it_keeps_every_update_and_shows_narratives_newest_first(world: PlanWorld) -> None:
    period = open_period(world)
    client = world.client_for("lead_officer")
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    for status, words in [("A", "Chair resigned."), ("G", "New chair appointed.")]:
        response = client.post(
            url, {"period": period.pk, "status": status, "narrative": words, "intent": "submit"}
        )
        assert response.status_code == 302
        if status == "A":
            update_review(
                actor=world.users["programme_manager"],
                update=StatusUpdate.objects.get(narrative=words),
                decision="returned",
                comment="Say who the new chair is",
            )
    assert StatusUpdate.objects.filter(action=world.action).count() == 3
    html = page(world, "lead_officer", "action", world.action.pk)
    narratives = html.split("Progress updates, newest first")[1]
    assert narratives.index("New chair appointed.") < narratives.index("Chair resigned.")
    assert narratives.index("Chair resigned.") < narratives.index("ToR drafted.")
    assert "Recorded by Lead officer" in narratives
    assert "Returned to the lead by Programme manager" in narratives
    assert "Say who the new chair is" in narratives
    # The table shows the latest word for each period.
    table = html.split("Latest status reported for each period")[1].split("</table>")[0]
    assert "G – On track, no concerns" in table and "A – On track" not in table


def test_it_refuses_a_status_that_is_not_on_the_scale(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    response = client.post(url, {"period": world.periods[1].pk, "status": "Z"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(PlanRuleError, match="not on this plan's status scale"):
        status_update_record(actor=None, action=world.action, period=world.periods[1], status="G/X")
    combined = status_update_record(
        actor=None, action=world.action, period=world.periods[1], status="G/A"
    )
    assert combined.status == "G/A"


def action_form(world: PlanWorld, **changes: str) -> dict[str, object]:
    data: dict[str, object] = {
        "section": world.priority.pk,
        "ref": "1.1.1",
        "title": "Confirm the Terms of Reference",
        "leads": [world.lead.pk],
        "lead_text": "Head of ELS (HH)",
        "due": "2018-05",
        "due_text": "May 2018",
        "measures": "Terms of Reference approved | May 2018",
    }
    data.update(changes)
    return data


def test_it_keeps_the_old_values_in_the_actions_history(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    response = client.post(
        url,
        action_form(
            world, due="2018-07", due_text="July 2018", due_change_reason="Board moved to July"
        ),
    )
    assert response.status_code == 302
    html = page(world, "board_member", "action", world.action.pk)
    history = html.split("Change history")[1]
    assert "July 2018" in history and "May 2018" in history
    assert "Programme manager (programme_manager)" in history
    event = AuditEvent.objects.filter(scope=f"action:{world.action.pk}", verb="update").get()
    assert event.changes["due_text"] == ["May 2018", "July 2018"]


def test_an_action_moved_meanwhile_is_told_by_its_sections_name(world: PlanWorld) -> None:
    """Its section is kept by id as well as by name; the form says where it went in words."""
    other = services.section_create(
        actor=None, plan=world.plan, parent=world.theme, ref="1.9", title="Joint funding"
    )
    client = world.client_for("programme_manager")
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    seen = client.get(url).content.decode().split('name="seen" value="')[1].split('"')[0]
    services.action_update(actor=None, action=world.action, section=other)
    html = client.post(url, action_form(world, seen=seen, title="My stale edit")).content.decode()
    assert "Someone else changed this while you were editing it" in html
    assert "is now “1.9 Joint funding”" in html
    assert "Section id" not in html and "section_id" not in html


def test_it_refuses_to_save_over_someone_elses_newer_edit(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    form_page = client.get(url).content.decode()
    seen = form_page.split('name="seen" value="')[1].split('"')[0]
    services.action_update(actor=None, action=world.action, title="Changed by a colleague")
    response = client.post(url, action_form(world, seen=seen, title="My stale edit"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else changed this while you were editing it" in html
    # They are told what changed, and what they typed is still in the form.
    assert "Action is now “Changed by a colleague” (was “Confirm the Terms of Reference”)" in html
    assert "My stale edit</textarea>" in html
    assert Action.objects.get(pk=world.action.pk).title == "Changed by a colleague"
    # Saving again, now knowing, goes through.
    seen = html.split('name="seen" value="')[1].split('"')[0]
    response = client.post(url, action_form(world, seen=seen, title="My stale edit"))
    assert response.status_code == 302
    assert Action.objects.get(pk=world.action.pk).title == "My stale edit"


def test_it_explains_a_date_it_cannot_read_and_saves_nothing(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    response = client.post(url, action_form(world, due="31/02/2018", title="Half an edit"))
    assert response.status_code == 200
    assert "The due date must be a real date, for example 6 2026 or June 2026" in (
        response.content.decode()
    )
    assert Action.objects.get(pk=world.action.pk).title == "Confirm the Terms of Reference"


@pytest.mark.parametrize(
    ("boxes", "saved"),
    [
        ({"due_day": "", "due_month": "6", "due_year": "2019"}, "2019-06"),
        ({"due_day": "", "due_month": "June", "due_year": "2019"}, "2019-06"),
        ({"due_day": "30", "due_month": "jun", "due_year": "2019"}, "2019-06-30"),
        ({"due_day": "", "due_month": "June 2019", "due_year": ""}, "2019-06"),
        ({"due_day": "", "due_month": "30/06/2019", "due_year": ""}, "2019-06-30"),
        ({"due_day": "", "due_month": "", "due_year": ""}, ""),
    ],
)
def test_it_takes_a_due_date_as_a_month_and_year_in_numbers_or_words(
    world: PlanWorld, boxes: dict[str, str], saved: str
) -> None:
    client = world.client_for("programme_manager")
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    form = {k: v for k, v in action_form(world).items() if k != "due"}
    response = client.post(url, form | boxes | {"due_change_reason": "Agreed at the board"})
    assert response.status_code == 302
    assert Action.objects.get(pk=world.action.pk).due == saved


def test_it_saves_several_measures_each_with_its_own_date(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    measures = "ToR approved | 2018-05\nBoard meets monthly | Termly\nAttendance above 80%"
    client.post(url, action_form(world, measures=measures))
    saved = [(m.text, m.due, m.due_text) for m in world.action.measures.all()]
    assert saved == [
        ("ToR approved", "2018-05", ""),
        ("Board meets monthly", "", "Termly"),
        ("Attendance above 80%", "", ""),
    ]


def test_it_will_not_delete_a_section_whose_actions_have_history(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("section_delete", args=[world.plan.pk, world.theme.pk])
    confirm = client.get(url).content.decode()
    assert "Are you sure you want to delete" in confirm
    assert "1 section and 2 actions" in confirm
    response = client.post(url)
    assert response.status_code == 200
    assert "Move those actions to another section first" in response.content.decode()
    assert Section.objects.filter(pk=world.theme.pk).exists()


def test_it_deletes_an_empty_section_and_records_what_it_was(world: PlanWorld) -> None:
    spare = services.section_create(actor=None, plan=world.plan, title="Spare", ref="9")
    client = world.client_for("programme_manager")
    response = client.post(reverse("section_delete", args=[world.plan.pk, spare.pk]))
    assert response.status_code == 302
    assert not Section.objects.filter(pk=spare.pk).exists()
    event = AuditEvent.objects.get(object_type="section", object_id=str(spare.pk), verb="delete")
    assert event.changes["title"] == ["Spare", None]


def test_it_moves_a_section_but_never_inside_itself(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("section_move", args=[world.plan.pk, world.theme.pk])
    response = client.post(url, {"parent": world.priority.pk})
    assert "A section cannot move inside itself" in response.content.decode()
    second = services.section_create(actor=None, plan=world.plan, title="Second", ref="2")
    url = reverse("section_move", args=[world.plan.pk, second.pk])
    assert client.post(url, {"parent": "", "position": "1"}).status_code == 302
    tops = list(world.plan.sections.filter(parent=None).values_list("ref", flat=True))
    assert tops == ["2", "1"]


def test_it_never_rewrites_status_updates_or_the_audit_trail(world: PlanWorld) -> None:
    update = StatusUpdate.objects.get(action=world.action)
    update.status = "R"
    with pytest.raises(ValueError, match="never changed"):
        update.save()
    with pytest.raises(ValueError, match="never deleted"):
        update.delete()
    event = AuditEvent.objects.first()
    assert event is not None
    event.actor_name = "someone else"
    with pytest.raises(ValueError, match="cannot be changed"):
        event.save()
    with pytest.raises(ValueError, match="cannot be deleted"):
        event.delete()


def test_it_lists_lead_officers_with_what_they_lead(world: PlanWorld) -> None:
    html = page(world, "adviser", "people")
    row = html.split("Head of Education")[1].split("</tr>")[0]
    assert "Helen Hill" in row and "1.1.1" in row and "Theme 1" in row


def test_it_traces_each_weakness_to_the_sections_and_actions_that_answer_it(
    world: PlanWorld,
) -> None:
    html = page(world, "adviser", "weaknesses")
    assert "Slow implementation of the reforms" in html
    assert "(P2 MF1)" in html
    assert "Theme 1: Implementation of the SEND Strategy" in html
    # Actions in sections nested below the linked theme count too.
    assert "1.1.1 Confirm the Terms of Reference" in html


def test_it_shows_my_actions_on_my_home_page(world: PlanWorld) -> None:
    response = world.client_for("lead_officer").get(reverse("home"))
    html = response.content.decode()
    mine = html.split("Actions you lead</h2>")[1]
    assert "1.1.1 Confirm the Terms of Reference" in mine
    assert "1.1.2" not in mine


def test_the_overviews_lists_filter_by_lead_and_sort_by_ref_in_the_address(
    world: PlanWorld,
) -> None:
    services.action_update(
        actor=None, action=world.other_action, due="2018-04", lead_text="Jo Bloggs",
        due_change_reason="Earlier",
    )  # fmt: skip
    client = world.client_for("board_member")
    url = reverse("plan", args=[world.plan.pk])

    def overdue_list(**query: str) -> str:
        page = client.get(url, query).content.decode()
        return page[page.index('id="lists"') : page.index("Due in the next 30 days")]

    # Due date first: 1.1.2 (April) before 1.1.1 (May); by ref the other way round.
    whole = overdue_list()
    assert whole.index(f">{world.other_action.ref} ") < whole.index(f">{world.action.ref} ")
    by_ref = overdue_list(sort="ref")
    assert by_ref.index(f">{world.action.ref} ") < by_ref.index(f">{world.other_action.ref} ")
    jo = overdue_list(lead="Jo Bloggs")
    assert f">{world.other_action.ref} " in jo and f">{world.action.ref} " not in jo
    assert "Showing 1 of 2 overdue" in " ".join(jo.split())
    # A lead who leads nothing listed is let go, not an error.
    assert client.get(url, {"lead": "Nobody", "sort": "sideways"}).status_code == 200


def test_the_action_page_links_web_addresses_and_files_for_those_who_may_see_them(
    world: PlanWorld,
) -> None:
    lead = world.users["lead_officer"]
    draft = monitoring.draft_save(
        actor=lead, action=world.action, period=open_period(world), version=None, status="G",
        evidence=[
            "https://example.org/minutes?meeting=3&year=2018",
            "javascript:alert(1)",
            "Local offer page, see http://localoffer.example/send.",
        ],
    )  # fmt: skip
    item = monitoring.evidence_file_add(
        actor=lead, draft=draft, name="Consultation plan.pdf", content=b"%PDF-1.7 plan"
    )
    download = reverse("evidence_download", args=[world.plan.pk, item.pk])
    # Until it is submitted, the draft and its file are the lead's alone.
    assert download not in page(world, "board_member", "action", world.action.pk)

    monitoring.draft_submit(actor=lead, draft=draft)
    html = page(world, "board_member", "action", world.action.pk)
    assert (
        '<a class="govuk-link" href="https://example.org/minutes?meeting=3&amp;year=2018" '
        'rel="noopener noreferrer">'
    ) in html
    # Only http and https become links; the full stop after an address is not part of it.
    assert 'href="javascript' not in html and "javascript:alert(1)" in html
    assert 'href="http://localoffer.example/send" rel="noopener noreferrer">' in html
    assert f'<a class="govuk-link" href="{download}">Consultation plan.pdf</a>' in html
    assert world.client_for("board_member").get(download).status_code == 200
    assert world.client_for("outsider").get(download).status_code == 404


def test_the_people_page_shows_a_new_person_and_a_new_lead_at_once(world: PlanWorld) -> None:
    """Its table is kept for the plan as it stands (the template's cache tag), and says
    so only to those who may change it."""
    manager = world.client_for("programme_manager")
    board = world.client_for("board_member")
    url = reverse("people", args=[world.plan.pk])
    assert "Change<span" in manager.get(url).content.decode()
    assert "Change<span" not in board.get(url).content.decode()
    services.person_create(actor=None, plan=world.plan, key="QZ", name="Quentin Zeal")
    assert "Quentin Zeal" in manager.get(url).content.decode()
    assert "Quentin Zeal" in board.get(url).content.decode()
