"""`sendplan parse FILE`: show what a plan file holds, without touching the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.interchange.jsonformat import dumps
from sendplan.interchange.reading import ParseError, PlanDocumentError, read_plan_file


class Command(BaseCommand):
    help = (
        "Read a Word, Excel, PDF, CSV, text or JSON plan file into the sendplan.plan/1 format and "
        "report what could not be placed. Saves nothing."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The plan file: .docx, .xlsx, .pdf, .csv, .txt or .json")
        parser.add_argument("--out", help="Write the plan document here instead of printing it")
        parser.add_argument("--report", help="Write the report here instead of printing it")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            result = read_plan_file(path.read_bytes(), path.name)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        except ParseError as error:
            raise CommandError(f"{path.name}: {error}") from error
        except PlanDocumentError as error:
            raise CommandError(f"{path.name}:\n" + "\n".join(error.problems)) from error
        document = dumps(result.document)
        lines = [f"{item.where}: {item.message}" for item in result.report]
        report = "\n".join(lines) + "\n" if lines else "Everything in the file was placed.\n"
        if options["out"]:
            Path(options["out"]).write_text(document, encoding="utf-8")
        else:
            self.stdout.write(document)
        if options["report"]:
            Path(options["report"]).write_text(report, encoding="utf-8")
        else:
            self.stderr.write(report, ending="")
