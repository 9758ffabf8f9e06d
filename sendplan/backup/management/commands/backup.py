"""`sendplan backup`: write the whole site to one file."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.backup.archive import BackupError
from sendplan.backup.services import backup_write


class Command(BaseCommand):
    help = (
        "Back up everything: areas, users with their password hashes, roles, plans, the "
        "monitoring cycle, evidence files and the audit trail, into one file that "
        "`sendplan restore` brings back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, help="The backup file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        started = time.monotonic()
        try:
            summary = backup_write(out=out)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in summary.missing_files:
            self.stderr.write(f"Warning: evidence file {name} is missing, so it is not backed up.")
        self.stdout.write(
            f"Backed up {summary.rows} rows of {summary.kinds} kinds and {summary.files} "
            f"files to {out} ({summary.size / 1_000_000:.1f} MB) in "
            f"{time.monotonic() - started:.1f} s."
        )
