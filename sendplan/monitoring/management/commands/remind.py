"""sendplan remind: email leads before and after the deadline, and managers a digest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.monitoring.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email leads whose updates are due soon or overdue, and programme managers a digest "
        "of what is missing. Meant for cron: running it twice sends nothing twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="Act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                given = options["today"]
                raise CommandError(
                    f"--today must be a date as YYYY-MM-DD, such as 2026-03-31, not {given}"
                ) from None
        result = send_reminders(today=today)
        for reminder in result.sent:
            kind = reminder.get_kind_display()
            self.stdout.write(f"{kind}: {reminder.recipient} ({reminder.period})")
        count = len(result.sent)
        self.stdout.write(f"{count} reminder{'s' if count != 1 else ''} sent")
        if result.failed:
            # A non-zero exit makes cron tell someone; the next run tries these again.
            raise CommandError("Not sent, to be tried again next run: " + "; ".join(result.failed))
