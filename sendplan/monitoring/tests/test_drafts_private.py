"""An update that has not been submitted is its writers' alone: its words, links and files
appear nowhere anyone else can look, the change history included."""

from __future__ import annotations

import io
from typing import Any

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendplan.accounts.models import Membership, Role
from sendplan.monitoring.models import EvidenceFile, Period, UpdateDraft
from sendplan.plans import services
from sendplan.test import PlanWorld, make_user, open_period

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FIRST_WORDS = "First thoughts: the chair may resign"
WORDS = "Second thoughts: the chair resigned over the budget"
LINK = "https://intranet.example/private-board-notes"
FILE = "Private board notes.pdf"
REMOVED = "Withdrawn letter.pdf"
SECRETS = (FIRST_WORDS, WORDS, LINK, FILE, REMOVED)


def save_draft(world: PlanWorld, who: str, period: Period, action_id: int, **data: object) -> None:
    url = reverse("update_add", args=[world.plan.pk, action_id])
    draft = UpdateDraft.objects.filter(action_id=action_id, period=period).first()
    form = {"period": period.pk, "intent": "save", "status": "A", **data}
    if draft is not None:
        form["version"] = draft.version
    response = world.client_for(who).post(url, form)
    assert response.status_code == 302


def lead_writes_a_draft(world: PlanWorld) -> Period:
    """The lead saves a draft twice, attaching a file, and attaches and removes another."""
    period = open_period(world)
    save_draft(world, "lead_officer", period, world.action.pk, narrative=FIRST_WORDS)
    save_draft(
        world,
        "lead_officer",
        period,
        world.action.pk,
        narrative=WORDS,
        evidence=LINK,
        file=SimpleUploadedFile(REMOVED, PDF),
    )
    removed = EvidenceFile.objects.get(name=REMOVED)
    world.client_for("lead_officer").post(
        reverse("evidence_remove", args=[world.plan.pk, removed.pk])
    )
    save_draft(
        world,
        "lead_officer",
        period,
        world.action.pk,
        narrative=WORDS,
        evidence=LINK,
        file=SimpleUploadedFile(FILE, PDF),
    )
    return period


def another_lead(world: PlanWorld) -> str:
    """A lead officer of the same area who leads a different action."""
    user = make_user("another_lead", first_name="Another lead")
    Membership.objects.create(user=user, area=world.area, role=Role.LEAD_OFFICER)
    person = world.plan.people.get(key="PW")
    services.person_update(actor=None, person=person, user=user)
    services.action_update(actor=None, action=world.other_action, leads=[person])
    world.users["another_lead"] = user
    return "another_lead"


def what_they_see(response: Any) -> str:
    """The words in a page or a download, as its reader would find them."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("latin-1")
    content_type = response.get("Content-Type", "")
    if "spreadsheetml" in content_type:
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        cells = [c for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r]
        return "\n".join(str(c) for c in cells if c is not None)
    if "wordprocessingml" in content_type:
        document = docx.Document(io.BytesIO(response.content))
        paragraphs = [p.text for p in document.paragraphs]
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join(paragraphs + cells)
    return response.content.decode()


def addresses(world: PlanWorld, period: Period) -> list[str]:
    plan = world.plan.pk
    file = EvidenceFile.objects.get(name=FILE)
    return [
        reverse("home"),
        reverse("my_actions"),
        *(
            reverse(name, args=[plan])
            for name in [
                "plan",
                "plan_history",
                "plan_export_json",
                "people",
                "reports",
                "evidence_pack",
                "plan_document",
                "plan_document_docx",
                "timeline",
                "tracker_xlsx",
                "actions_csv",
                "updates_csv",
            ]
        ),
        reverse("evidence_weakness", args=[plan, world.plan.weaknesses.get().pk]),
        reverse("board_report", args=[plan]) + f"?period={period.label}",
        reverse("board_report_docx", args=[plan]) + f"?period={period.label}",
        reverse("action", args=[plan, world.action.pk]),
        reverse("section", args=[plan, world.priority.pk]),
        reverse("period", args=[plan, period.pk]),
        reverse("update_add", args=[plan, world.action.pk]),
        reverse("evidence_download", args=[plan, file.pk]),
    ]


OTHERS = [
    "board_member",
    "parent_carer_forum",
    "adviser",
    "another lead",
    "programme_manager",
    "area_admin",
]


@pytest.mark.parametrize("who", OTHERS)
def test_no_one_but_its_writers_sees_a_draft_anywhere(world: PlanWorld, who: str) -> None:
    period = lead_writes_a_draft(world)
    if who == "another lead":
        who = another_lead(world)
    client = world.client_for(who)
    for address in addresses(world, period):
        response = client.get(address)
        assert response.status_code in (200, 403), address
        seen = what_they_see(response)
        assert [s for s in SECRETS if s in seen] == [], address
    # A programme manager is told that a draft is being written, not what it says.
    if who == "programme_manager":
        form = client.get(reverse("update_add", args=[world.plan.pk, world.action.pk]))
        assert "Lead officer (lead_officer) has started this update" in form.content.decode()


def test_its_writer_still_sees_it_everywhere_they_look(world: PlanWorld) -> None:
    period = lead_writes_a_draft(world)
    client = world.client_for("lead_officer")
    plan = world.plan.pk
    form = client.get(reverse("update_add", args=[plan, world.action.pk])).content.decode()
    assert WORDS in form and LINK in form and FILE in form
    history = client.get(reverse("plan_history", args=[plan])).content.decode()
    assert FIRST_WORDS in history and WORDS in history and REMOVED in history
    action = client.get(reverse("action", args=[plan, world.action.pk])).content.decode()
    assert FILE in action.split("Change history")[1]
    file = EvidenceFile.objects.get(name=FILE)
    assert client.get(reverse("evidence_download", args=[plan, file.pk])).status_code == 200
    assert period.drafts.get().writers.get() == world.users["lead_officer"]


def test_a_draft_a_programme_manager_writes_is_theirs_and_not_the_other_leads(
    world: PlanWorld,
) -> None:
    period = open_period(world)
    save_draft(world, "programme_manager", period, world.other_action.pk, narrative=WORDS)
    url = reverse("update_add", args=[world.plan.pk, world.other_action.pk])
    manager = world.client_for("programme_manager")
    assert WORDS in manager.get(url).content.decode()
    history = reverse("plan_history", args=[world.plan.pk])
    assert WORDS in manager.get(history).content.decode()
    for who in ["area_admin", "lead_officer", "board_member"]:
        assert WORDS not in world.client_for(who).get(history).content.decode(), who
        assert WORDS not in world.client_for(who).get(url).content.decode(), who


def test_the_lead_of_an_action_sees_a_draft_others_write_for_it(world: PlanWorld) -> None:
    """A draft is also its action's leads': one a programme manager starts on an action the
    lead officer leads is in the lead's history of the plan, and not another lead's."""
    period = open_period(world)
    save_draft(world, "programme_manager", period, world.action.pk, narrative=WORDS)
    history = reverse("plan_history", args=[world.plan.pk])
    assert WORDS in world.client_for("lead_officer").get(history).content.decode()
    assert WORDS not in world.client_for(another_lead(world)).get(history).content.decode()


def test_a_programme_manager_cannot_save_over_a_draft_they_cannot_see(world: PlanWorld) -> None:
    period = lead_writes_a_draft(world)
    draft = UpdateDraft.objects.get()
    response = world.client_for("programme_manager").post(
        reverse("update_add", args=[world.plan.pk, world.action.pk]),
        {"period": period.pk, "intent": "save", "narrative": "Mine", "version": draft.version},
    )
    assert response.status_code == 200
    assert "has started this update and not yet submitted it" in response.content.decode()
    assert UpdateDraft.objects.get().narrative == WORDS
