"""`sendplan import FILE`: create a plan from a file, or explain why it cannot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.interchange.jsonformat import import_plan, read_document
from sendplan.interchange.schema import PlanDocumentError
from sendplan.monitoring.models import StatusUpdate
from sendplan.plans.models import Action, Plan


class Command(BaseCommand):
    help = "Import a plan from a sendplan.plan/1 JSON file. Nothing is saved if it has problems."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The plan file (.json).")
        parser.add_argument("--area", help="The local area, instead of the one the file names.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            plan = import_plan(_read(path), actor=None, area_name=options["area"])
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


def _read(path: Path) -> object:
    """The plan document in a file. Parsers for other formats will plug in here."""
    if path.suffix.lower() != ".json":
        raise CommandError(f"{path.name}: only JSON plan files (.json) can be imported for now.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from error
    return read_document(data)


def _counts(plan: Plan) -> str:
    counts = {
        "people": plan.people.count(),
        "sections": plan.sections.count(),
        "actions": Action.objects.filter(section__plan=plan).count(),
        "status updates": StatusUpdate.objects.filter(action__section__plan=plan).count(),
        "indicators": plan.indicators.count(),
    }
    return ", ".join(f"{what}: {count}" for what, count in counts.items())
