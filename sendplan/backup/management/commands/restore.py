"""`sendplan restore`: bring back a backup into an empty database."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendplan.backup.archive import BackupError
from sendplan.backup.services import NOT_CARRIED, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a file written by `sendplan backup` into an empty database (migrated or "
        "not), with its evidence files. All of it is restored, or nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The backup file.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            summary = backup_restore(source=Path(options["file"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        if summary.migrated:
            self.stdout.write(
                "The backup was made before some migrations of this version; they were run "
                "after the restore."
            )
        if summary.missing_files:
            self.stderr.write(
                f"Warning: {len(summary.missing_files)} evidence files were already missing "
                "when the backup was made, so they are not restored."
            )
        self.stdout.write(
            f"Restored {summary.rows} rows of {summary.kinds} kinds and {summary.files} files "
            f"from {options['file']} (made {_when(summary.made_at)} by {summary.made_by}) in "
            f"{time.monotonic() - started:.1f} s. Not carried in a backup: "
            f"{'; '.join(NOT_CARRIED.values())}."
        )


def _when(made_at: str) -> str:
    """When the backup was made, in local time, as people write it."""
    try:
        moment = timezone.localtime(dt.datetime.fromisoformat(made_at))
    except (ValueError, TypeError):
        return "at an unknown time"
    return f"{moment:%-d %B %Y at %H:%M}"
