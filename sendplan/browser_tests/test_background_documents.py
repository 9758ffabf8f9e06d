"""A large document, as a person meets it in the browser: asked for, followed while the worker
makes it, then downloaded; and a failure, with a way to try again. axe checks each state."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import Page, expect

from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.reports.documents import DOCUMENTS
from sendplan.test import PlanWorld

pytestmark = pytest.mark.browser


@pytest.fixture
def queued() -> Iterator[None]:
    """Tasks wait in the database until a worker takes them, as in production."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_the_page_follows_the_file_until_it_can_be_downloaded(
    page: Page, world: PlanWorld, queued: None, tmp_path: Path
) -> None:
    sign_in(page, "adviser")
    page.goto(reverse("reports", args=[world.plan.pk]))
    page.get_by_role("link", name="Download the evidence pack as PDF").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The evidence pack as a PDF")
    expect(page.get_by_text("Waiting to start.")).to_be_visible()
    assert_accessible(page)

    # The worker makes it while the page is open; the page's script notices, with no reload.
    page.evaluate("window.notReloaded = true")
    run_worker()
    expect(page.get_by_text("Your file is ready.")).to_be_visible(timeout=10_000)
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download testshire-evidence-pack.pdf").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "testshire-evidence-pack.pdf"
    assert saved.read_bytes().startswith(b"%PDF")


def test_a_failure_is_explained_with_a_way_to_try_again(
    page: Page, world: PlanWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = DOCUMENTS["plan-docx"]

    def broken(report: object) -> bytes:
        raise OSError("disk full")

    monkeypatch.setitem(DOCUMENTS, document.key, dataclasses.replace(document, render=broken))
    sign_in(page, "board_member")
    page.goto(reverse("reports", args=[world.plan.pk]))
    page.get_by_role("link", name="Download the plan document as Word").click()
    expect(page.get_by_text("The file could not be made")).to_be_visible()
    assert_accessible(page)

    monkeypatch.setitem(DOCUMENTS, document.key, document)
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_text("Your file is ready.")).to_be_visible()
    assert_accessible(page)
