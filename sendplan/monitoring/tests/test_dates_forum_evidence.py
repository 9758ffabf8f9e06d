"""Due dates move only with approval; the forum has its own voice; evidence files are kept
safe and shown only to people who may see the plan."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from sendplan.monitoring.models import EvidenceFile, ForumComment, StatusUpdate, UpdateDraft
from sendplan.plans.models import Action, DueDateChange
from sendplan.test import PlanWorld, open_period, start_cycle

MANAGER = "programme_manager"
LEAD = "lead_officer"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def action_page(world: PlanWorld, who: str = "board_member") -> str:
    return html(world.client_for(who).get(reverse("action", args=[world.plan.pk, world.action.pk])))


# Due dates


def test_it_keeps_the_date_until_a_programme_manager_approves_the_new_one(
    world: PlanWorld,
) -> None:
    lead = world.client_for(LEAD)
    url = reverse("due_change", args=[world.plan.pk, world.action.pk])
    response = lead.post(url, {"due": "2018-12", "due_text": "December 2018", "reason": ""})
    assert "Enter the reason for the new due date" in html(response)
    lead.post(url, {"due": "2018-12", "due_text": "December 2018", "reason": "New chair in Nov"})
    action = Action.objects.get(pk=world.action.pk)
    assert (action.due, action.due_text) == ("2018-05", "May 2018")
    assert "A new due date of December 2018 is waiting for approval" in action_page(world)
    change = DueDateChange.objects.get()
    decide = reverse("due_change_decide", args=[world.plan.pk, change.pk])
    assert lead.post(decide, {"decision": "approve"}).status_code == 403
    world.client_for(MANAGER).post(decide, {"decision": "approve"})
    action = Action.objects.get(pk=world.action.pk)
    assert (action.due, action.due_text) == ("2018-12", "December 2018")
    page = action_page(world)
    assert "Re-baselined 1 time" in page and "first planned for May 2018" in page
    assert "New chair in Nov" in page
    overview = html(world.client_for("board_member").get(reverse("plan", args=[world.plan.pk])))
    assert "1 action (1 change of due date)" in overview


def test_it_asks_why_when_a_date_is_kept(world: PlanWorld) -> None:
    cycle = start_cycle(world)
    decide = reverse("due_change_decide", args=[world.plan.pk, cycle.due_change.pk])
    client = world.client_for(MANAGER)
    response = client.post(decide, {"decision": "reject", "note": ""})
    assert "Enter why the current date is kept" in html(response)
    client.post(decide, {"decision": "reject", "note": "DfE has not agreed a new date"})
    change = DueDateChange.objects.get()
    assert change.state == "rejected"
    assert Action.objects.get(pk=world.action.pk).due_text == "May 2018"
    assert "Re-baselined" not in action_page(world)


def test_it_records_a_date_a_programme_manager_moves_on_the_action_as_re_baselining(
    world: PlanWorld,
) -> None:
    url = reverse("action_edit", args=[world.plan.pk, world.action.pk])
    data = {
        "section": world.priority.pk,
        "ref": "1.1.1",
        "title": "Confirm the Terms of Reference",
        "leads": [world.lead.pk],
        "due": "2018-09",
        "due_text": "September 2018",
    }
    client = world.client_for(MANAGER)
    response = client.post(url, data)
    assert "Enter why the due date is changing" in html(response)
    assert Action.objects.get(pk=world.action.pk).due == "2018-05"
    client.post(url, {**data, "due_change_reason": "Board agreed on 12 June"})
    change = DueDateChange.objects.get()
    assert (change.previous_due_text, change.due_text, change.state) == (
        "May 2018",
        "September 2018",
        "approved",
    )
    assert "Re-baselined 1 time" in action_page(world)


# The parent carer forum


def test_it_shows_the_forums_commentary_beside_the_officers_narrative(world: PlanWorld) -> None:
    forum = world.client_for("parent_carer_forum")
    response = forum.post(
        reverse("forum_comment_add", args=[world.plan.pk]),
        {"action": world.action.pk, "text": "Families were not consulted on the terms."},
    )
    assert response.status_code == 302
    page = action_page(world)
    commentary = page.split("The parent carer forum's commentary")[1]
    assert "Parent carer forum" in commentary
    assert "Families were not consulted on the terms." in commentary
    narratives = page.split("Progress updates, newest first")[1].split("commentary")[0]
    assert "Families were not consulted" not in narratives


@pytest.mark.parametrize("who", [MANAGER, LEAD, "board_member", "adviser"])
def test_it_lets_only_the_forum_speak_for_the_forum(world: PlanWorld, who: str) -> None:
    response = world.client_for(who).post(
        reverse("forum_comment_add", args=[world.plan.pk]),
        {"action": world.action.pk, "text": "Not ours to say"},
    )
    assert response.status_code == 403
    assert not ForumComment.objects.exists()


def test_it_takes_the_forums_view_of_a_whole_period(world: PlanWorld) -> None:
    period = open_period(world)
    world.client_for("parent_carer_forum").post(
        reverse("forum_comment_add", args=[world.plan.pk]),
        {"period": period.pk, "text": "Progress this quarter was slower than promised."},
    )
    page = html(
        world.client_for("board_member").get(reverse("period", args=[world.plan.pk, period.pk]))
    )
    assert "Progress this quarter was slower than promised." in page


# Evidence files


def upload(world: PlanWorld, name: str, content: bytes, **extra: str) -> object:
    period = world.plan.periods.get(label="Sep 18")
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    data = {
        "period": period.pk,
        "intent": "save",
        "status": "G",
        "narrative": "With a file",
        "file": SimpleUploadedFile(name, content),
        **extra,
    }
    draft = UpdateDraft.objects.filter(action=world.action, period=period).first()
    if draft:
        data["version"] = str(draft.version)
    return world.client_for(LEAD).post(url, data, follow=True)


def test_it_attaches_a_file_and_serves_it_only_to_people_who_may_see_the_plan(
    world: PlanWorld, evidence_folder: Path
) -> None:
    open_period(world)
    upload(world, "Board minutes.pdf", PDF)
    item = EvidenceFile.objects.get()
    stored = Path(item.file.path)
    assert stored.read_bytes() == PDF and evidence_folder in stored.parents
    assert "Board minutes" not in stored.name  # stored under a random name
    url = reverse("evidence_download", args=[world.plan.pk, item.pk])
    # Before submission, only the writers see it.
    assert world.client_for("board_member").get(url).status_code == 403
    assert world.client_for(LEAD).get(url).status_code == 200
    draft = UpdateDraft.objects.get()
    world.client_for(LEAD).post(
        reverse("update_add", args=[world.plan.pk, world.action.pk]),
        {
            "period": draft.period_id,
            "intent": "submit",
            "status": "G",
            "narrative": "With a file",
            "version": draft.version,
        },
    )
    response = world.client_for("board_member").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert 'attachment; filename="Board minutes.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert world.client_for("outsider").get(url).status_code == 404
    assert "Board minutes.pdf" in action_page(world)


def docm_like() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/vbaProject.bin", b"macro")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("tool.exe", b"MZ\x90\x00", "the file must be a PDF, Word, Excel"),
        (
            "report.pdf",
            b"<html>not a pdf</html>",
            "report.pdf is not a PDF, though its name says so",
        ),
        ("minutes.docx", docm_like(), "minutes.docx contains macros"),
    ],
)
def test_it_refuses_unsafe_files_saves_nothing_and_keeps_the_words(
    world: PlanWorld, name: str, content: bytes, message: str
) -> None:
    open_period(world)
    page = html(upload(world, name, content))
    assert message in page and "Your update has not been saved yet." in page
    assert "With a file</textarea>" in page
    assert not EvidenceFile.objects.exists()
    assert not UpdateDraft.objects.exists()


def test_it_leaves_the_draft_as_it_was_when_a_file_is_refused_and_submits_next_time(
    world: PlanWorld,
) -> None:
    period = open_period(world)
    lead = world.client_for(LEAD)
    url = reverse("update_add", args=[world.plan.pk, world.action.pk])
    form = {"period": period.pk, "status": "A", "narrative": "First words"}
    lead.post(url, {**form, "intent": "save"})
    saved = UpdateDraft.objects.get()
    page = html(
        lead.post(
            url,
            {
                **form,
                "intent": "submit",
                "narrative": "Second words",
                "version": saved.version,
                "file": SimpleUploadedFile("tool.exe", b"MZ\x90\x00"),
            },
        )
    )
    assert "tool.exe cannot be attached: the file must be a PDF, Word, Excel" in page
    assert "Second words</textarea>" in page
    draft = UpdateDraft.objects.get()
    assert (draft.narrative, draft.version) == ("First words", saved.version)
    assert not StatusUpdate.objects.filter(period=period).exists()
    # Sending the form again as the page now shows it submits what they typed.
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version is not None
    response = lead.post(
        url, {**form, "intent": "submit", "narrative": "Second words", "version": version[1]}
    )
    assert response.status_code == 302
    assert StatusUpdate.objects.get(period=period).narrative == "Second words"
    assert not UpdateDraft.objects.exists()


def test_it_refuses_an_empty_file_and_keeps_what_was_typed(world: PlanWorld) -> None:
    open_period(world)
    page = html(upload(world, "empty.txt", b""))
    assert "The selected file is empty" in page and "With a file" in page
    assert not EvidenceFile.objects.exists()


@override_settings(MAX_EVIDENCE_MB=1)
def test_it_refuses_a_file_over_the_size_limit(world: PlanWorld) -> None:
    open_period(world)
    response = upload(world, "big.pdf", PDF + b"0" * (1024 * 1024))
    assert "big.pdf is larger than 1 MB" in html(response)
    assert not EvidenceFile.objects.exists()
