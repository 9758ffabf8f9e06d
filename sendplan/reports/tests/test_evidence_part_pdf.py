"""Each part of the evidence pack as a PDF of its own: an area of weakness, or the actions that
answer none, made by the background worker and kept while the plan is unchanged, beside the whole
pack's file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from sendplan.monitoring import services as monitoring
from sendplan.reports.models import ReportFile
from sendplan.reports.tests import ReportWorld, pdf_text

pytestmark = pytest.mark.usefixtures("reports_folder")


def words(content: bytes) -> str:
    return " ".join(pdf_text(content).split())


def body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def first_weakness_pdf(reports: ReportWorld) -> str:
    first = reports.plan.weaknesses.first()
    assert first is not None
    return reverse("evidence_weakness_pdf", args=[reports.plan.pk, first.pk])


def test_the_contents_and_each_part_offer_the_part_as_a_pdf(reports: ReportWorld) -> None:
    client = reports.world.client_for("adviser")
    contents = client.get(reverse("evidence_pack", args=[reports.plan.pk])).content.decode()
    unlinked = reverse("evidence_unlinked_pdf", args=[reports.plan.pk])
    assert (
        f'<a class="govuk-link" href="{first_weakness_pdf(reports)}">Download as a PDF' in contents
    )
    assert f'<a class="govuk-link" href="{unlinked}">Download as a PDF' in contents
    # The whole pack is still offered too.
    assert reverse("evidence_pack_pdf", args=[reports.plan.pk]) in contents
    first = reports.plan.weaknesses.first()
    assert first is not None
    part_page = client.get(reverse("evidence_weakness", args=[reports.plan.pk, first.pk]))
    assert (
        f'<a class="govuk-link" href="{first_weakness_pdf(reports)}">'
        "Download this area of weakness as a PDF</a>"
    ) in part_page.content.decode()


def test_an_area_of_weakness_prints_on_its_own_with_its_actions_only(
    reports: ReportWorld,
) -> None:
    client = reports.world.client_for("adviser")
    response = client.get(first_weakness_pdf(reports))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="testshire-evidence-pack-area-of-weakness-1.pdf"'
    )
    text = words(body(response))
    assert "Evidence pack: Area of weakness 1" in text
    assert "Slow implementation of the reforms" in text
    # Its actions with their history, and not the actions that answer no area of weakness.
    assert reports.late.title in text
    assert "Consultation has not started." in text
    assert reports.missing.title not in text
    # Nor the inspection's timeline, which opens the whole pack.
    assert "Key dates, earliest first" not in text
    made = ReportFile.objects.get()
    first = reports.plan.weaknesses.first()
    assert first is not None
    assert made.part == f"weakness-{first.pk}"
    assert made.document == "evidence-pdf"


def test_the_actions_linked_to_no_weakness_print_on_their_own(reports: ReportWorld) -> None:
    response = reports.world.client_for("board_member").get(
        reverse("evidence_unlinked_pdf", args=[reports.plan.pk])
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="testshire-evidence-pack-actions-not-linked-to-an-area-of-'
        'weakness.pdf"'
    )
    text = words(body(response))
    assert "Actions not linked to an area of weakness" in text
    assert reports.missing.title in text
    assert reports.late.title not in text
    # It says what it holds: no findings or indicators, since it answers no area of weakness.
    assert "the actions that answer no area of weakness" in text
    assert "what the inspectors found" not in text


def test_each_part_is_kept_apart_from_the_whole_pack_and_remade_after_a_change(
    reports: ReportWorld, reports_folder: Path
) -> None:
    client = reports.world.client_for("adviser")
    part = body(client.get(first_weakness_pdf(reports)))
    whole = body(client.get(reverse("evidence_pack_pdf", args=[reports.plan.pk])))
    assert len(whole) > len(part)
    assert ReportFile.objects.count() == 2
    # Asked for again while the plan is unchanged: the same file, not another.
    again = client.get(first_weakness_pdf(reports))
    assert body(again) == part
    assert ReportFile.objects.count() == 2
    # Once the plan changes, a new file, and the old one is forgotten.
    monitoring.status_update_record(
        actor=None,
        action=reports.late,
        period=reports.periods[2],
        status="A",
        narrative="The consultation opened on Monday.",
    )
    changed = words(body(client.get(first_weakness_pdf(reports))))
    assert "The consultation opened on Monday." in changed
    parts = ReportFile.objects.exclude(part="")
    assert parts.count() == 1
    assert len(list((reports_folder).rglob("*weakness-*.pdf"))) == 1


def test_parts_the_plan_does_not_have_are_not_found(
    reports: ReportWorld, other_plan_weakness_id: int
) -> None:
    client = reports.world.client_for("adviser")
    assert (
        client.get(
            reverse("evidence_weakness_pdf", args=[reports.plan.pk, other_plan_weakness_id])
        ).status_code
        == 404
    )
    assert client.get(reverse("evidence_weakness_pdf", args=[reports.plan.pk, 0])).status_code == (
        404
    )
    # Someone with no role in the area does not learn the plan is there.
    outsider = reports.world.client_for("outsider")
    assert outsider.get(first_weakness_pdf(reports)).status_code == 404
    assert not ReportFile.objects.exists()


@pytest.fixture
def other_plan_weakness_id(reports: ReportWorld) -> int:
    from sendplan.plans import services
    from sendplan.plans.models import Plan

    other = Plan.objects.create(area=reports.plan.area, title="Another plan")
    weakness = services.weakness_create(actor=None, plan=other, ref="1", text="Another weakness")
    return weakness.pk


def test_the_page_that_follows_a_part_being_made_names_the_part(reports: ReportWorld) -> None:
    queued = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = reports.world.client_for("adviser")
    with override_settings(TASKS=queued):
        response = client.get(first_weakness_pdf(reports))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "The evidence pack: Area of weakness 1, as a PDF</h1>" in page
    assert "Waiting to start." in page
