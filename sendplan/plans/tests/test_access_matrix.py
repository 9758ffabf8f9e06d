"""Every page and every write, tried as every role: who may see and do what."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from sendplan.audit.models import AuditEvent
from sendplan.plans.models import Action, Person, Section
from sendplan.test import PlanWorld, open_period

EDITORS = {"area_admin", "programme_manager"}
ROLES = [
    "area_admin",
    "programme_manager",
    "lead_officer",
    "board_member",
    "parent_carer_forum",
    "adviser",
]
WHO = [*ROLES, "outsider"]

Url = Callable[[PlanWorld], str]


def plan_url(name: str, **extra: Callable[[PlanWorld], int]) -> Url:
    def build(w: PlanWorld) -> str:
        return reverse(name, kwargs={"plan_id": w.plan.pk, **{k: f(w) for k, f in extra.items()}})

    return build


READ_PAGES: dict[str, Url] = {
    "plan overview": plan_url("plan"),
    "section": plan_url("section", section_id=lambda w: w.priority.pk),
    "action": plan_url("action", action_id=lambda w: w.action.pk),
    "lead officers": plan_url("people"),
    "glossary": plan_url("glossary"),
    "weaknesses": plan_url("weaknesses"),
    "change history": plan_url("plan_history"),
    "JSON download": plan_url("plan_export_json"),
    "reports": plan_url("reports"),
    "board report": plan_url("board_report"),
    "board report PDF": plan_url("board_report_pdf"),
    "board report Word": plan_url("board_report_docx"),
    "evidence pack": plan_url("evidence_pack"),
    "evidence pack, an area of weakness": plan_url(
        "evidence_weakness", weakness_id=lambda w: w.plan.weaknesses.get().pk
    ),
    "evidence pack PDF": plan_url("evidence_pack_pdf"),
    "evidence pack Word": plan_url("evidence_pack_docx"),
    "plan document": plan_url("plan_document"),
    "plan document PDF": plan_url("plan_document_pdf"),
    "plan document Word": plan_url("plan_document_docx"),
    "timeline": plan_url("timeline"),
    "tracker spreadsheet": plan_url("tracker_xlsx"),
    "actions CSV": plan_url("actions_csv"),
    "status updates CSV": plan_url("updates_csv"),
}

EDIT_PAGES: dict[str, Url] = {
    "edit plan": plan_url("plan_edit"),
    "status scale": plan_url("status_scale"),
    "edit status": plan_url(
        "status_level_edit", level_id=lambda w: w.plan.status_levels.get(code="B").pk
    ),
    "periods": plan_url("periods"),
    "edit period": plan_url("period_edit", period_id=lambda w: w.periods[0].pk),
    "add person": plan_url("person_add"),
    "edit person": plan_url("person_edit", person_id=lambda w: w.lead.pk),
    "add section": plan_url("section_add"),
    "edit section": plan_url("section_edit", section_id=lambda w: w.theme.pk),
    "move section": plan_url("section_move", section_id=lambda w: w.priority.pk),
    "delete section": plan_url("section_delete", section_id=lambda w: w.theme.pk),
    "add action": plan_url("action_add"),
    "edit action": plan_url("action_edit", action_id=lambda w: w.action.pk),
    "delete action": plan_url("action_delete", action_id=lambda w: w.other_action.pk),
    "update from a file": plan_url("import_into_plan"),
}


def expected_read(who: str) -> int:
    return 404 if who == "outsider" else 200


def expected_edit(who: str) -> int:
    if who == "outsider":
        return 404
    return 200 if who in EDITORS else 403


@pytest.mark.parametrize("who", WHO)
def test_it_shows_home_with_only_the_plans_of_my_areas(world: PlanWorld, who: str) -> None:
    response = world.client_for(who).get(reverse("home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert (world.plan.title in page) is (who != "outsider")
    assert (world.other_plan.title in page) is (who == "outsider")


@pytest.mark.parametrize("page", READ_PAGES)
@pytest.mark.parametrize("who", WHO)
def test_it_lets_every_role_read_and_hides_plans_from_outsiders(
    world: PlanWorld, who: str, page: str
) -> None:
    response = world.client_for(who).get(READ_PAGES[page](world))
    assert response.status_code == expected_read(who)


@pytest.mark.parametrize("page", EDIT_PAGES)
@pytest.mark.parametrize("who", WHO)
def test_it_opens_editing_pages_only_to_programme_managers_and_admins(
    world: PlanWorld, who: str, page: str
) -> None:
    response = world.client_for(who).get(EDIT_PAGES[page](world))
    assert response.status_code == expected_edit(who)


@pytest.mark.parametrize("page", [*READ_PAGES, *EDIT_PAGES])
def test_it_sends_anonymous_visitors_to_sign_in(world: PlanWorld, page: str) -> None:
    url = {**READ_PAGES, **EDIT_PAGES}[page](world)
    response = world.client_for("anonymous").get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# Writes: each POST with valid data, and how to tell it happened.

Write = tuple[Url, Callable[[PlanWorld], dict[str, Any]], Callable[[PlanWorld], bool]]

WRITES: dict[str, Write] = {
    "edit plan": (
        plan_url("plan_edit"),
        lambda w: {"title": "Renamed plan", "kind": "wsoa"},
        lambda w: w.plan.__class__.objects.get(pk=w.plan.pk).title == "Renamed plan",
    ),
    "add status": (
        plan_url("status_scale"),
        lambda w: {"code": "P", "label": "Paused", "colour": "purple"},
        lambda w: w.plan.status_levels.filter(code="P").exists(),
    ),
    "edit status": (
        plan_url("status_level_edit", level_id=lambda w: w.plan.status_levels.get(code="A").pk),
        lambda w: {"code": "A", "label": "Some concerns", "colour": "amber"},
        lambda w: w.plan.status_levels.get(code="A").label == "Some concerns",
    ),
    "remove status": (
        plan_url("status_level_delete", level_id=lambda w: w.plan.status_levels.get(code="R").pk),
        lambda w: {},
        lambda w: not w.plan.status_levels.filter(code="R").exists(),
    ),
    "add period": (
        plan_url("periods"),
        lambda w: {"label": "Sep 18", "ends_on": "2018-09-30"},
        lambda w: w.plan.periods.filter(label="Sep 18").exists(),
    ),
    "edit period": (
        plan_url("period_edit", period_id=lambda w: w.periods[1].pk),
        lambda w: {"label": "June 2018", "ends_on": "2018-06-30"},
        lambda w: w.plan.periods.filter(label="June 2018").exists(),
    ),
    "remove period": (
        plan_url("period_delete", period_id=lambda w: w.periods[1].pk),
        lambda w: {},
        lambda w: not w.plan.periods.filter(label="Jun 18").exists(),
    ),
    "add person": (
        plan_url("person_add"),
        lambda w: {"key": "JB", "name": "Jo Bloggs", "role": "Head of SEND"},
        lambda w: w.plan.people.filter(key="JB").exists(),
    ),
    "edit person": (
        plan_url("person_edit", person_id=lambda w: w.lead.pk),
        lambda w: {"key": "HH", "name": "Helen Hill-Jones", "role": "Head of Education"},
        lambda w: Person.objects.get(pk=w.lead.pk).name == "Helen Hill-Jones",
    ),
    "add section": (
        plan_url("section_add"),
        lambda w: {"ref": "2", "level": "Theme", "title": "Joint commissioning"},
        lambda w: w.plan.sections.filter(ref="2").exists(),
    ),
    "edit section": (
        plan_url("section_edit", section_id=lambda w: w.theme.pk),
        lambda w: {"ref": "1", "level": "Theme", "title": "Strategy and Local Offer"},
        lambda w: Section.objects.get(pk=w.theme.pk).title == "Strategy and Local Offer",
    ),
    "move section": (
        plan_url("section_move", section_id=lambda w: w.priority.pk),
        lambda w: {"parent": ""},
        lambda w: Section.objects.get(pk=w.priority.pk).parent_id is None,
    ),
    "delete section": (
        plan_url("section_delete", section_id=lambda w: w.plan.sections.create(title="Spare").pk),
        lambda w: {},
        lambda w: not w.plan.sections.filter(title="Spare").exists(),
    ),
    "add action": (
        plan_url("action_add"),
        lambda w: {"section": w.priority.pk, "ref": "1.1.3", "title": "Recruit a chair"},
        lambda w: Action.objects.filter(ref="1.1.3").exists(),
    ),
    "edit action": (
        plan_url("action_edit", action_id=lambda w: w.action.pk),
        lambda w: {
            "section": w.priority.pk,
            "ref": "1.1.1",
            "title": "Agree the ToR",
            "due": "2018-05",
            "due_text": "May 2018",
        },
        lambda w: Action.objects.get(pk=w.action.pk).title == "Agree the ToR",
    ),
    "delete action": (
        plan_url("action_delete", action_id=lambda w: w.other_action.pk),
        lambda w: {},
        lambda w: not Action.objects.filter(pk=w.other_action.pk).exists(),
    ),
}


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("who", WHO)
def test_it_lets_only_editors_write_and_audits_each_write(
    world: PlanWorld, who: str, write: str
) -> None:
    url, data, happened = WRITES[write]
    target = url(world)
    events_before = AuditEvent.objects.count()
    response = world.client_for(who).post(target, data(world))
    if who in EDITORS:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert happened(world)
        event = AuditEvent.objects.order_by("-pk").first()
        assert AuditEvent.objects.count() > events_before
        assert event is not None and event.actor == world.users[who]
    else:
        assert response.status_code == (404 if who == "outsider" else 403)
        assert not happened(world)
        assert AuditEvent.objects.count() == events_before


@pytest.mark.parametrize("who", WHO)
def test_it_lets_leads_and_editors_submit_an_update_in_an_open_period(
    world: PlanWorld, who: str
) -> None:
    period = open_period(world)
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    client = world.client_for(who)
    before = world.action.updates.count()
    data = {"period": period.pk, "status": "A", "narrative": "Late", "intent": "submit"}
    response = client.post(url, data)
    allowed = who in EDITORS or who == "lead_officer"
    expected = 302 if allowed else 404 if who == "outsider" else 403
    assert response.status_code == expected
    assert world.action.updates.count() == before + (1 if allowed else 0)


@pytest.mark.parametrize("who", WHO)
def test_it_lets_only_editors_fill_in_a_period_that_was_never_opened(
    world: PlanWorld, who: str
) -> None:
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    client = world.client_for(who)
    before = world.action.updates.count()
    response = client.post(url, {"period": world.periods[1].pk, "status": "A", "narrative": "Late"})
    allowed = who in EDITORS
    expected = 302 if allowed else 404 if who == "outsider" else 403
    assert response.status_code == expected
    assert world.action.updates.count() == before + (1 if allowed else 0)


@pytest.mark.parametrize("who", ROLES)
def test_it_refuses_status_on_an_action_the_lead_officer_does_not_lead(
    world: PlanWorld, who: str
) -> None:
    url = reverse("update_add", args=[world.plan.pk, world.other_action.pk])
    response = world.client_for(who).get(url)
    assert response.status_code == (200 if who in EDITORS else 403)


@pytest.mark.parametrize("who", ROLES)
def test_it_hides_other_areas_plans_even_by_guessing_their_urls(world: PlanWorld, who: str) -> None:
    client = world.client_for(who)
    assert client.get(reverse("plan", args=[world.other_plan.pk])).status_code == 404
    assert client.get(reverse("plan_edit", args=[world.other_plan.pk])).status_code == 404
    # An action of this plan under another plan's id is not found either.
    url = reverse("action", args=[world.other_plan.pk, world.action.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", WHO)
def test_it_lets_editors_of_any_area_start_an_import(world: PlanWorld, who: str) -> None:
    response = world.client_for(who).get(reverse("import_new"))
    # The outsider manages plans in another area, so may import into that one.
    assert response.status_code == (200 if who in EDITORS or who == "outsider" else 403)
