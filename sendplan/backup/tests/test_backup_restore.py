"""A backup restored into an empty database gives back the same site: the same pages for
every role, the same exports, the evidence files, the people's sign-ins and permissions."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from sendplan.backup.services import backup_restore, backup_write
from sendplan.backup.tests import (
    busy_site,
    empty_the_site,
    every_row,
    rewrite_backup,
    site_as_seen,
)
from sendplan.plans import services
from sendplan.test import PASSWORD, PlanWorld

pytestmark = pytest.mark.django_db(transaction=True)
LAYOUTS = "interchange.importlayout"


def test_it_gives_back_the_same_pages_and_exports(
    world: PlanWorld, tmp_path: Path, evidence_folder: Path
) -> None:
    busy_site(world)
    before, rows = site_as_seen(world), every_row()
    backup = tmp_path / "site.zip"
    backup_write(out=backup)
    empty_the_site(evidence_folder)
    assert User.objects.count() == 0

    backup_restore(source=backup)

    assert every_row() == rows
    after = site_as_seen(world)
    assert after.keys() == before.keys()
    for key in before:
        assert after[key] == before[key], key
    assert "The chair left in July." in after["updates_csv"].decode("utf-8-sig")
    assert after["file Minutes.pdf"].startswith(b"%PDF")
    assert after["file Published minutes.txt"] == b"Minutes, Oct 2018\n"


def test_people_sign_in_with_their_passwords_and_permissions_and_carry_on_working(
    world: PlanWorld, tmp_path: Path, evidence_folder: Path
) -> None:
    busy_site(world)
    backup = tmp_path / "site.zip"
    backup_write(out=backup)
    empty_the_site(evidence_folder)

    backup_restore(source=backup)

    client = Client()
    signed_in = client.post(
        reverse("login"), {"username": "programme_manager", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    manager = User.objects.get(username="programme_manager")
    assert manager.has_perm("plans.change_plan") and manager.has_perm("audit.view_auditevent")
    assert not manager.has_perm("plans.delete_plan")
    entry = LogEntry.objects.get()
    assert entry.get_edited_object() == world.plan
    # New rows are numbered after the restored ones.
    added = services.action_create(
        actor=manager, section=world.priority, ref="1.1.3", title="Recruit a new chair"
    )
    assert client.get(reverse("action", args=[world.plan.pk, added.pk])).status_code == 200
    history = client.get(reverse("plan_history", args=[world.plan.pk])).content.decode()
    assert "Recruit a new chair" in history


def test_it_restores_into_a_database_that_was_never_migrated(
    world: PlanWorld, tmp_path: Path, evidence_folder: Path
) -> None:
    busy_site(world)
    before = site_as_seen(world)
    backup = tmp_path / "site.zip"
    backup_write(out=backup)
    empty_the_site(evidence_folder)
    call_command("migrate", "accounts", "zero", verbosity=0)
    call_command("migrate", "audit", "zero", verbosity=0)

    backup_restore(source=backup)

    assert site_as_seen(world) == before


def test_it_restores_a_backup_made_before_a_migration_and_then_migrates_it(
    world: PlanWorld, tmp_path: Path, evidence_folder: Path
) -> None:
    busy_site(world)
    before = site_as_seen(world)
    backup = tmp_path / "site.zip"
    backup_write(out=backup)

    # As an older sendplan would have written it: before the check page's migration, which
    # added import layouts (the site has none) and fields of pending imports (it has none).
    def older(manifest: dict[str, Any]) -> None:
        manifest["migrations"]["interchange"].remove("0002_check_page_corrections")
        manifest["data"] = [e for e in manifest["data"] if e["model"] != LAYOUTS]

    rewrite_backup(backup, manifest=older, members={f"data/{LAYOUTS}.jsonl": None})
    empty_the_site(evidence_folder)

    summary = backup_restore(source=backup)

    assert "applied interchange 0002_check_page_corrections" in summary.migrated
    assert site_as_seen(world) == before


def test_the_commands_say_what_they_did(
    world: PlanWorld, tmp_path: Path, evidence_folder: Path
) -> None:
    busy_site(world)
    backup = tmp_path / "site.zip"
    said = io.StringIO()
    call_command("backup", "--out", str(backup), stdout=said)
    assert said.getvalue().startswith("Backed up ")
    assert " kinds and 2 files to " in said.getvalue()
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "sendplan.backup/1"
    assert "sessions" in manifest["not_carried"] and "axes" in manifest["not_carried"]
    assert [e["model"] for e in manifest["data"]][:2] == [
        "contenttypes.contenttype",
        "auth.permission",
    ]
    empty_the_site(evidence_folder)

    said = io.StringIO()
    call_command("restore", str(backup), stdout=said)

    assert said.getvalue().startswith("Restored ")
    assert "Not carried in a backup: sign-ins in progress" in said.getvalue()
