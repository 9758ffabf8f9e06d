"""The slow documents, made by the background worker: asking returns at once with a page that
follows the file, the file is kept while the plan is unchanged, and only the plan's readers may
have it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import Period
from sendplan.plans import services
from sendplan.plans.models import Plan
from sendplan.reports.documents import DOCUMENTS
from sendplan.reports.models import ReportFile, report_storage
from sendplan.reports.tests import pdf_text
from sendplan.test import PlanWorld, open_period

NO_WORKER = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued() -> Iterator[None]:
    """Tasks wait in the database until a worker takes them, as in production."""
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


# The worker closes the database connection between tasks, as it should, so a test that runs it
# cannot sit inside a transaction that is rolled back at its end.
runs_the_worker = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    """What `sendplan db_worker` does, once: take every waiting task and run it."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def evidence_pdf(world: PlanWorld) -> str:
    return reverse("evidence_pack_pdf", args=[world.plan.pk])


def body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_it_answers_at_once_with_a_page_that_follows_the_file(
    world: PlanWorld, queued: None
) -> None:
    client = world.client_for("adviser")
    response = client.get(evidence_pdf(world))
    made = ReportFile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("report_file", args=[world.plan.pk, made.pk])
    page = client.get(response["Location"]).content.decode()
    assert "The evidence pack as a PDF" in page
    assert "Waiting to start." in page
    assert "Waiting for the background worker" in page
    assert "In progress" in page
    assert f'href="{response["Location"]}">Check again</a>' in page
    assert "js/report-progress" in page
    assert "Download" not in page


@runs_the_worker
def test_it_offers_the_file_once_the_worker_has_made_it(world: PlanWorld, queued: None) -> None:
    client = world.client_for("board_member")
    status_page = client.get(evidence_pdf(world))["Location"]
    run_worker()
    page = client.get(status_page).content.decode()
    assert "Your file is ready." in page
    made = ReportFile.objects.get()
    download = reverse("report_file_download", args=[world.plan.pk, made.pk])
    assert f'href="{download}"' in page
    assert "Download testshire-evidence-pack.pdf" in page
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="testshire-evidence-pack.pdf"'
    assert world.action.title in " ".join(pdf_text(body(response)).split())
    # Asked for again, it comes at once, without another trip through the worker.
    again = client.get(evidence_pdf(world))
    assert again.status_code == 200
    assert again["Content-Disposition"] == 'attachment; filename="testshire-evidence-pack.pdf"'


def test_it_keeps_the_file_while_the_plan_is_unchanged_and_remakes_it_after_a_change(
    world: PlanWorld, monkeypatch: pytest.MonkeyPatch, reports_folder: Path
) -> None:
    made: list[str] = []
    document = DOCUMENTS["evidence-docx"]

    def counted(report: object) -> bytes:
        made.append(document.key)
        return document.render(report)  # type: ignore[arg-type]

    monkeypatch.setitem(DOCUMENTS, document.key, dataclasses.replace(document, render=counted))
    period = open_period(world)
    url = reverse("evidence_pack_docx", args=[world.plan.pk])
    first = body(world.client_for("adviser").get(url))
    second = body(world.client_for("board_member").get(url))
    assert second == first
    assert len(made) == 1
    # A draft is no change to the plan: no document shows it.
    lead = world.users["lead_officer"]
    monitoring.draft_save(
        actor=lead, action=world.action, period=period, version=None, narrative="Hm"
    )
    body(world.client_for("adviser").get(url))
    assert len(made) == 1

    services.action_update(actor=None, action=world.action, title="Publish the renewed offer")
    third = body(world.client_for("adviser").get(url))
    assert len(made) == 2
    assert third != first
    # Only the newest file is kept.
    assert [p.name for p in reports_folder.rglob("*.docx")] == [
        Path(ReportFile.objects.get().stored_as).name
    ]


def test_it_makes_a_file_again_on_a_new_day(
    world: PlanWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = reverse("plan_document_docx", args=[world.plan.pk])
    world.client_for("adviser").get(url)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda: tomorrow)
    world.client_for("adviser").get(url)
    assert ReportFile.objects.count() == 1
    assert ReportFile.objects.get().version.endswith(tomorrow.isoformat())


def test_it_keeps_each_periods_board_report_apart(world: PlanWorld) -> None:
    client = world.client_for("board_member")
    url = reverse("board_report_pdf", args=[world.plan.pk])
    for period in world.periods:
        response = client.get(url, {"period": period.label})
        slug = period.label.lower().replace(" ", "-")
        assert response["Content-Disposition"] == (
            f'attachment; filename="testshire-board-report-{slug}.pdf"'
        )
        assert f"Board highlight report: {period.label}" in " ".join(
            pdf_text(body(response)).split()
        )
    assert ReportFile.objects.filter(document="board-pdf").count() == 2


@runs_the_worker
def test_no_one_outside_the_area_reaches_a_file(world: PlanWorld, queued: None) -> None:
    status_page = world.client_for("adviser").get(evidence_pdf(world))["Location"]
    run_worker()
    made = ReportFile.objects.get()
    outsider = world.client_for("outsider")
    own_plan = world.other_plan.pk
    for address in [
        evidence_pdf(world),
        status_page,
        reverse("report_file_download", args=[world.plan.pk, made.pk]),
        # The file's id under a plan the outsider may see is no way in either.
        reverse("report_file", args=[own_plan, made.pk]),
        reverse("report_file_download", args=[own_plan, made.pk]),
    ]:
        assert outsider.get(address).status_code == 404, address
    assert outsider.post(reverse("report_file_retry", args=[own_plan, made.pk])).status_code == 404
    assert Client().get(status_page).status_code == 302  # to sign in


def test_it_says_plainly_when_a_file_could_not_be_made_and_tries_again(
    world: PlanWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = DOCUMENTS["evidence-pdf"]

    def broken(report: object) -> bytes:
        raise MemoryError("out of memory laying out page 412")

    monkeypatch.setitem(DOCUMENTS, document.key, dataclasses.replace(document, render=broken))
    client = world.client_for("programme_manager")
    response = client.get(evidence_pdf(world), follow=True)
    page = response.content.decode()
    assert "The file could not be made" in page
    assert (
        "Something went wrong while making the evidence pack. Nothing in the plan has changed."
        in page
    )
    assert "Stopped" in page
    assert "page 412" not in page
    failed = ReportFile.objects.get()
    assert failed.state == ReportFile.State.FAILED and "MemoryError" in failed.error

    monkeypatch.setitem(DOCUMENTS, document.key, document)
    retry = reverse("report_file_retry", args=[world.plan.pk, failed.pk])
    assert f'action="{retry}"' in page
    response = client.post(retry, follow=True)
    assert "Your file is ready." in response.content.decode()
    assert ReportFile.objects.get().state == ReportFile.State.READY


def test_it_warns_when_no_worker_has_started_the_file(world: PlanWorld) -> None:
    with override_settings(TASKS=NO_WORKER):
        status_page = world.client_for("adviser").get(evidence_pdf(world))["Location"]
    client = world.client_for("adviser")
    assert "background worker may not be running" not in client.get(status_page).content.decode()
    ReportFile.objects.update(requested_at=timezone.now() - dt.timedelta(minutes=3))
    page = client.get(status_page).content.decode()
    assert "The file has waited more than two minutes to be started." in page
    assert "background worker may not be running" in page


def test_it_offers_to_try_again_when_a_worker_stopped_halfway(
    world: PlanWorld, queued: None
) -> None:
    client = world.client_for("adviser")
    status_page = client.get(evidence_pdf(world))["Location"]
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    ReportFile.objects.update(
        state=ReportFile.State.MAKING, stage="laying_out", started_at=an_hour_ago
    )
    page = client.get(status_page).content.decode()
    assert "stopped before it finished" in page
    assert "Try again" in page
    # Asking for the document again starts a new file rather than waiting on the lost one.
    again = client.get(evidence_pdf(world))["Location"]
    assert again != status_page
    assert ReportFile.objects.filter(state=ReportFile.State.WAITING).count() == 1


def kept_file(plan: Plan, name: str, period: Period | None = None) -> ReportFile:
    """A file made for the plan and kept, written straight to the reports storage."""
    stored = report_storage().save(f"plan-{plan.pk}/{name}", ContentFile(b"%PDF-1.7 kept"))
    return ReportFile.objects.create(
        plan=plan,
        document="board-pdf" if period else "plan-pdf",
        period=period,
        version="c1-2018-10-15",
        state=ReportFile.State.READY,
        stored_as=stored,
        size=13,
    )


def test_a_plans_kept_files_go_from_the_disk_with_the_plan(
    world: PlanWorld, reports_folder: Path, django_capture_on_commit_callbacks: Any
) -> None:
    # There is no page that deletes a plan, and a plan with status updates cannot be deleted
    # at all (an update is never deleted); a plan not yet monitored can be, from the shell.
    plan = services.plan_create(actor=None, area=world.area, title="Imported by mistake")
    period = monitoring.period_create(actor=None, plan=plan, label="Mar 19", ends_on="2019-03")
    # One made as people ask for it, and one of a period's board report.
    body(world.client_for("adviser").get(reverse("plan_document_docx", args=[plan.pk])))
    kept_file(plan, "board-report-mar-19.pdf", period=period)
    theirs = kept_file(world.plan, "plan-document.pdf")
    plan_id = plan.pk
    ours = [reports_folder / f.stored_as for f in ReportFile.objects.filter(plan_id=plan_id)]
    assert len(ours) == 2 and all(path.is_file() for path in ours)

    with django_capture_on_commit_callbacks(execute=True):
        plan.delete()

    assert not any(path.exists() for path in ours)
    assert not (reports_folder / f"plan-{plan_id}").exists()
    # Another plan's file, and its row, are untouched.
    assert (reports_folder / theirs.stored_as).read_bytes() == b"%PDF-1.7 kept"
    assert list(ReportFile.objects.all()) == [theirs]


def test_a_deletion_rolled_back_leaves_the_kept_file(
    world: PlanWorld, reports_folder: Path, django_capture_on_commit_callbacks: Any
) -> None:
    plan = world.plan
    period = monitoring.period_create(actor=None, plan=plan, label="Dec 18", ends_on="2018-12")
    kept = kept_file(world.plan, "board-report-dec-18.pdf", period=period)

    class Undone(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True), suppress(Undone), transaction.atomic():
        monitoring.period_delete(actor=None, period=period)
        raise Undone
    assert (reports_folder / kept.stored_as).is_file()
    assert ReportFile.objects.get() == kept


def test_a_periods_board_report_goes_from_the_disk_with_the_period(
    world: PlanWorld, reports_folder: Path, django_capture_on_commit_callbacks: Any
) -> None:
    period = monitoring.period_create(
        actor=None, plan=world.plan, label="Dec 18", ends_on="2018-12"
    )
    of_period = kept_file(world.plan, "board-report-dec-18.pdf", period=period)
    of_plan = kept_file(world.plan, "plan-document.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        monitoring.period_delete(actor=None, period=period)
    assert not (reports_folder / of_period.stored_as).exists()
    assert (reports_folder / of_plan.stored_as).is_file()
    assert list(ReportFile.objects.all()) == [of_plan]


def test_the_worker_loads_weasyprint_when_it_starts() -> None:
    """Only the worker warms up (renderers.warm_up): a web process does not pay for WeasyPrint
    until it makes a PDF itself."""
    from sendplan.reports.apps import is_worker

    assert is_worker(["/srv/sendplan/bin/sendplan", "db_worker", "--no-reload"])
    assert not is_worker(["/srv/sendplan/bin/sendplan", "runserver"])
    assert not is_worker(["gunicorn", "sendplan.wsgi"])


def test_warming_up_makes_a_tagged_pdf() -> None:
    from sendplan.reports import renderers

    renderers.warm_up()
    pdf = renderers.pdf_from_html(renderers.WARM_UP_HTML)
    assert pdf.startswith(b"%PDF")
    assert "Ready." in pdf_text(pdf)
