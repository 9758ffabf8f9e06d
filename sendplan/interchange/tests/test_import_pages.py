"""Bringing a plan in through the web: upload or paste, check, then save."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from sendplan.audit.models import AuditEvent
from sendplan.demo.pdf_files import html_pdf, table_html
from sendplan.interchange.jsonformat import export_plan
from sendplan.interchange.models import PendingImport
from sendplan.interchange.parsers import parse_text
from sendplan.interchange.reading import ReadResult
from sendplan.interchange.services import pending_import_create
from sendplan.interchange.tests import sample_text
from sendplan.plans import services
from sendplan.plans.models import Action, Plan
from sendplan.test import PlanWorld

FIXTURE = Path(__file__).parent / "fixtures" / "every-field.plan.json"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def start(world: PlanWorld, **data: object) -> Any:
    client = world.client_for("programme_manager")
    return client.post(reverse("import_new"), {"area": world.area.pk, **data})


def test_it_shows_what_was_understood_and_saves_nothing_until_confirmed(
    world: PlanWorld,
) -> None:
    plans_before = Plan.objects.count()
    response = start(world, file=upload("plan.json", FIXTURE.read_bytes()))
    assert response.status_code == 302
    client = world.client_for("programme_manager")
    check = client.get(response["Location"]).content.decode()
    title = json.loads(FIXTURE.read_text())["plan"]["title"]
    assert "Check what was understood" in check
    assert title in check
    assert Plan.objects.count() == plans_before

    saved = client.post(response["Location"])
    assert saved.status_code == 302
    plan = Plan.objects.get(title=title)
    assert plan.area == world.area
    assert AuditEvent.objects.filter(
        plan_id=plan.pk, object_type="action", actor=world.users["programme_manager"]
    ).exists()
    assert not PendingImport.objects.exists()


def test_it_reads_text_pasted_from_a_pdf(world: PlanWorld) -> None:
    text = sample_text("telford-wrekin-send-action-plan-2022.txt")
    response = start(world, text=text)
    assert response.status_code == 302
    check = world.client_for("programme_manager").get(response["Location"]).content.decode()
    assert "Sections and actions" in check
    assert "What could not be placed" in check


def test_it_imports_a_plan_uploaded_as_a_pdf(world: PlanWorld) -> None:
    heads = [[("Ref", 1), ("Action", 1), ("Lead", 1), ("Due date", 1)]]
    rows = [["1.1", "Publish the local offer in plain English", "Head of SEND", "June 2024"]]
    pdf = html_pdf(
        "<h1>Eastmere SEND Improvement Plan</h1><h2>Priority 1: Information for families</h2>"
        + table_html(heads, rows)
    )
    response = start(world, file=upload("eastmere.pdf", pdf))
    assert response.status_code == 302
    client = world.client_for("programme_manager")
    check = client.get(response["Location"]).content.decode()
    assert "Publish the local offer in plain English" in check
    assert client.post(response["Location"]).status_code == 302
    plan = Plan.objects.get(title="Eastmere SEND Improvement Plan")
    assert [a.ref for a in Action.objects.filter(section__plan=plan)] == ["1.1"]


def test_it_asks_for_a_file_or_text(world: PlanWorld) -> None:
    response = start(world)
    assert "Select a file to upload, or paste the plan&#x27;s text" in response.content.decode()


@override_settings(MAX_UPLOAD_MB=1)
def test_it_refuses_a_file_over_the_size_limit(world: PlanWorld) -> None:
    response = start(world, file=upload("huge.csv", b"a,b\n" * 400_000))
    assert response.status_code == 200
    assert "The file must be smaller than 1 MB" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_it_explains_a_corrupt_file_in_plain_english(world: PlanWorld) -> None:
    response = start(world, file=upload("plan.docx", b"PK\x03\x04 this is not really a zip"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Traceback" not in page
    assert not PendingImport.objects.exists()


def test_it_lists_every_problem_in_an_invalid_plan_file(world: PlanWorld) -> None:
    document = json.loads(FIXTURE.read_text())
    document["plan"]["sections"][0]["actions"][0]["due"] = "31/05/2018"
    response = start(world, file=upload("plan.json", json.dumps(document).encode()))
    assert response.status_code == 302
    check = world.client_for("programme_manager").get(response["Location"]).content.decode()
    assert "This cannot be saved yet" in check
    assert "31/05/2018" in check
    assert "Save the plan" not in check


def test_it_throws_away_a_cancelled_import(world: PlanWorld) -> None:
    response = start(world, file=upload("plan.json", FIXTURE.read_bytes()))
    pending = PendingImport.objects.get()
    client = world.client_for("programme_manager")
    client.post(reverse("import_cancel", args=[pending.pk]))
    assert not PendingImport.objects.exists()
    assert client.post(response["Location"]).status_code == 404


@pytest.mark.parametrize("who", ["area_admin", "lead_officer", "outsider"])
def test_it_keeps_each_persons_import_to_themselves(world: PlanWorld, who: str) -> None:
    start(world, file=upload("plan.json", FIXTURE.read_bytes()))
    pending = PendingImport.objects.get()
    client = world.client_for(who)
    assert client.get(reverse("import_check", args=[pending.pk])).status_code == 404
    assert client.post(reverse("import_check", args=[pending.pk])).status_code == 404


def tracker(world: PlanWorld) -> bytes:
    """The plan as leads send it back: a new period, with a status for 1.1.1."""
    document = export_plan(world.plan)
    document["plan"]["periods"].append({"label": "Sep 18", "ends_on": "2018-09-30"})
    action = document["plan"]["sections"][0]["sections"][0]["actions"][0]
    assert action["ref"] == "1.1.1"
    action["updates"].append({"period": "Sep 18", "status": "B", "narrative": "ToR signed off"})
    return json.dumps(document).encode()


def test_it_saves_only_what_changed_when_updating_a_plan_from_a_file(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("import_into_plan", args=[world.plan.pk])
    response = client.post(url, {"file": upload("tracker.json", tracker(world))})
    assert response.status_code == 302
    check = client.get(response["Location"]).content.decode()
    assert "Sep 18" in check
    seen = check.split('name="seen" value="')[1].split('"')[0]
    actions_before = Action.objects.count()

    assert client.post(response["Location"], {"seen": seen}).status_code == 302
    assert world.plan.periods.filter(label="Sep 18").exists()
    latest = world.action.updates.order_by("-sequence").first()
    assert latest is not None and latest.status == "B"
    assert Action.objects.count() == actions_before


def _new_updates_table(page: str) -> str:
    """The text of the table of new status updates, as a person reads it."""
    table = page.split("New status updates</caption>")[1].split("</table>")[0]
    return " ".join(re.sub(r"<[^>]+>", " ", table).split())


def test_it_shows_each_new_status_in_the_words_of_the_plans_scale(world: PlanWorld) -> None:
    document = json.loads(tracker(world))
    document["plan"]["status_scale"].append({"code": "AG", "label": "Nearly on track"})
    action = document["plan"]["sections"][0]["sections"][0]["actions"][0]
    # March's G becomes A, and September is rated with a code only the file's scale has.
    action["updates"][0]["status"] = "A"
    action["updates"][-1]["status"] = "AG"
    client = world.client_for("programme_manager")
    url = reverse("import_into_plan", args=[world.plan.pk])
    response = client.post(url, {"file": upload("tracker.json", json.dumps(document).encode())})

    updates = _new_updates_table(client.get(response["Location"]).content.decode())
    assert "Mar 18 G – On track, no concerns → becomes A – On track, some concerns" in updates
    assert "Sep 18 AG – Nearly on track" in updates


def test_it_refuses_changes_checked_against_an_older_plan(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    url = reverse("import_into_plan", args=[world.plan.pk])
    response = client.post(url, {"file": upload("tracker.json", tracker(world))})
    check = client.get(response["Location"]).content.decode()
    seen = check.split('name="seen" value="')[1].split('"')[0]
    services.action_update(actor=None, action=world.action, title="Edited meanwhile")

    result = client.post(response["Location"], {"seen": seen}, follow=True)
    assert "The plan has changed since you uploaded the file" in result.content.decode()
    assert not world.plan.periods.filter(label="Sep 18").exists()


def test_it_refuses_a_json_plan_holding_a_nul_in_words(world: PlanWorld) -> None:
    text = FIXTURE.read_text().replace('"title": "', '"title": "\\u0000', 1)
    response = start(world, file=upload("plan.json", text.encode()))
    page = response.content.decode()
    assert response.status_code == 200
    assert "hidden control character (U+0000)" in page
    assert not PendingImport.objects.exists()


def test_it_leaves_out_the_nul_characters_a_damaged_file_holds(world: PlanWorld) -> None:
    # Extraction from a damaged PDF can leave NUL in the text, which PostgreSQL cannot store.
    text = "Priority 1: Timeliness\n1.1 Audit\x00 overdue assessments. Lead: Jo Smith. By 2025."
    parsed = parse_text(text)
    result = ReadResult(
        parsed.document, parsed.report, parsed.source, parsed.tables, parsed.placements
    )
    pending = pending_import_create(
        user=world.users["programme_manager"],
        area=world.area,
        plan=None,
        source_name="plan.pdf",
        result=result,
    )
    client = world.client_for("programme_manager")
    url = reverse("import_check", args=[pending.pk])
    assert "Audit overdue assessments" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert Action.objects.filter(title__startswith="Audit overdue assessments").exists()
