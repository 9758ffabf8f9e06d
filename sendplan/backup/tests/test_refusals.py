"""What backup and restore refuse, in plain words, and that a refused restore changes
nothing: not the database, not the evidence folder."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sendplan.backup.archive import BackupError
from sendplan.backup.services import backup_restore, backup_write
from sendplan.backup.tests import busy_site, empty_the_site, rewrite_backup
from sendplan.monitoring.models import EvidenceFile
from sendplan.plans.models import Plan
from sendplan.test import PlanWorld

EVIDENCE = "data/monitoring.evidencefile.jsonl"


@pytest.fixture
def backup(world: PlanWorld, tmp_path: Path) -> Path:
    busy_site(world)
    path = tmp_path / "site.zip"
    backup_write(out=path)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(BackupError) as refused:
        backup_restore(source=path)
    return str(refused.value)


def evidence_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_it_refuses_a_database_that_is_not_empty(backup: Path) -> None:
    plans = Plan.objects.count()
    said = refusal(backup)
    assert said.startswith("The database is not empty (it already has ")
    assert "Restore into a new, empty database" in said
    assert Plan.objects.count() == plans


def test_the_command_says_why_it_refuses(backup: Path) -> None:
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(backup))


def test_it_refuses_a_backup_from_a_newer_sendplan(backup: Path) -> None:
    rewrite_backup(backup, manifest=lambda m: m["migrations"]["plans"].append("0099_later"))
    assert f"{backup} was made by a newer version of sendplan: it records migrations this " \
        "version does not have (plans 0099_later)" in refusal(backup)  # fmt: skip


def test_it_refuses_a_file_whose_data_has_been_changed(backup: Path) -> None:
    with zipfile.ZipFile(backup) as archive:
        rows = archive.read(EVIDENCE).replace(b"Minutes.pdf", b"Forged.pdf")
    rewrite_backup(backup, members={EVIDENCE: rows}, checksums=False)
    assert refusal(backup) == (
        f"{backup} is damaged or has been altered ({EVIDENCE} does not match the checksum "
        "the backup recorded for it). Nothing was restored."
    )


def test_it_refuses_a_damaged_file(backup: Path) -> None:
    content = bytearray(backup.read_bytes())
    middle = len(content) // 3
    content[middle : middle + 64] = bytes(64)
    backup.write_bytes(bytes(content))
    assert re.search(r"is (damaged or has been altered|not a sendplan backup)", refusal(backup))


def test_it_refuses_a_file_cut_short(backup: Path) -> None:
    backup.write_bytes(backup.read_bytes()[:2000])
    assert refusal(backup) == (
        f"{backup} is not a sendplan backup, or it is damaged: it is not a zip file."
    )


def test_it_refuses_what_is_not_a_backup(db: None, tmp_path: Path) -> None:
    plan = tmp_path / "plan.zip"
    with zipfile.ZipFile(plan, "w") as archive:
        archive.writestr("plan.json", "{}")
    assert refusal(plan) == f"{plan} is not a sendplan backup: it has no manifest."
    assert refusal(tmp_path / "nothing.zip") == f"There is no file {tmp_path / 'nothing.zip'}."


def test_it_refuses_files_the_manifest_does_not_list(backup: Path) -> None:
    with zipfile.ZipFile(backup, "a") as archive:
        archive.writestr("files/extra.txt", "slipped in")
    assert "holds files its manifest does not list (files/extra.txt)" in refusal(backup)


def test_it_refuses_a_file_meant_for_outside_the_evidence_folder(backup: Path) -> None:
    def outside(manifest: dict[str, Any]) -> None:
        manifest["files"][0]["name"] = "../../outside.txt"

    rewrite_backup(backup, manifest=outside)
    assert "names a file outside its folder (../../outside.txt)" in refusal(backup)


def test_it_refuses_a_backup_of_a_database_that_is_not_migrated(
    transactional_db: None, tmp_path: Path
) -> None:
    call_command("migrate", "interchange", "0001", verbosity=0)
    try:
        with pytest.raises(BackupError, match="Run sendplan migrate first"):
            backup_write(out=tmp_path / "site.zip")
    finally:
        call_command("migrate", "interchange", verbosity=0)
    assert list(tmp_path.iterdir()) == []


def test_it_backs_up_the_rest_when_an_evidence_file_is_missing(
    world: PlanWorld, tmp_path: Path
) -> None:
    busy_site(world)
    lost = EvidenceFile.objects.get(name="Minutes.pdf")
    Path(lost.file.path).unlink()
    errors = io.StringIO()
    call_command("backup", "--out", str(tmp_path / "site.zip"), stdout=io.StringIO(),
                 stderr=errors)  # fmt: skip
    assert f"Warning: evidence file {lost.file.name} (monitoring.evidencefile.file) is " \
        "missing, so it is not backed up." in errors.getvalue()  # fmt: skip
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert [entry["name"] for entry in manifest["files"]] == [
        EvidenceFile.objects.get(name="Published minutes.txt").file.name
    ]


@pytest.mark.django_db(transaction=True)
def test_it_leaves_an_empty_database_and_folder_empty_when_a_restore_fails(
    world: PlanWorld, tmp_path: Path, evidence_folder: Path
) -> None:
    busy_site(world)
    backup = tmp_path / "site.zip"
    backup_write(out=backup)
    with zipfile.ZipFile(backup) as archive:
        rows = [json.loads(line) for line in archive.read(EVIDENCE).splitlines()]
    rows[-1]["fields"]["plan"] = 999_999
    broken = "".join(json.dumps(row) + "\n" for row in rows).encode()
    rewrite_backup(backup, members={EVIDENCE: broken})
    empty_the_site(evidence_folder)

    said = refusal(backup)

    assert said.startswith("The backup could not be restored, and nothing was changed: ")
    assert Plan.objects.count() == 0
    assert evidence_files(evidence_folder) == []


@pytest.mark.django_db(transaction=True)
def test_it_will_not_write_over_a_different_evidence_file(
    world: PlanWorld, tmp_path: Path, evidence_folder: Path
) -> None:
    busy_site(world)
    backup = tmp_path / "site.zip"
    backup_write(out=backup)
    kept = Path(EvidenceFile.objects.get(name="Minutes.pdf").file.path)
    empty_the_site(evidence_folder)
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"Something else")

    assert refusal(backup) == (
        f"{kept} already exists and is not the file in the backup. Restore into an empty "
        "folder (SENDPLAN_EVIDENCE_DIR), or move the files there aside."
    )
    assert Plan.objects.count() == 0
    assert evidence_files(evidence_folder) == [kept]
