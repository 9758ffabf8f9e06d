"""`sendplan import FILE`: create a plan from a file, or explain why it cannot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.interchange.jsonformat import import_plan
from sendplan.interchange.reading import ParseError, read_plan_file
from sendplan.interchange.schema import PlanDocumentError
from sendplan.monitoring.models import StatusUpdate
from sendplan.plans.models import Action, Plan


class Command(BaseCommand):
    help = (
        "Import a plan from a Word, Excel, PDF, CSV, text or sendplan JSON file. "
        "Nothing is saved if it has problems."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The plan file: .docx, .xlsx, .pdf, .csv, .txt or .json")
        parser.add_argument("--area", help="The local area, instead of the one the file names.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            result = read_plan_file(path.read_bytes(), path.name)
            for item in result.report:
                self.stderr.write(f"Not placed: {item.where}: {item.message}")
            plan = import_plan(result.document, actor=None, area_name=options["area"])
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        except ParseError as error:
            raise CommandError(f"{path.name} cannot be imported: {error}") from error
        except PlanDocumentError as error:
            count = len(error.problems)
            listing = "\n".join(f"  - {problem}" for problem in error.problems)
            raise CommandError(
                f"{path.name} cannot be imported, so nothing has been saved. "
                f"Put right {'this problem' if count == 1 else f'these {count} problems'} "
                f"and try again:\n{listing}"
            ) from error
        self.stdout.write(f"Imported plan {plan.pk}: {plan.title}")
        self.stdout.write(f"Area: {plan.area.name}")
        self.stdout.write(_counts(plan))


def _counts(plan: Plan) -> str:
    counts = {
        "people": plan.people.count(),
        "sections": plan.sections.count(),
        "actions": Action.objects.filter(section__plan=plan).count(),
        "status updates": StatusUpdate.objects.filter(action__section__plan=plan).count(),
        "indicators": plan.indicators.count(),
    }
    return ", ".join(f"{what}: {count}" for what, count in counts.items())
