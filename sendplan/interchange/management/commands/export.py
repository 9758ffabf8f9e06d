"""`sendplan export`: write a plan as a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.interchange.jsonformat import dumps, export_plan
from sendplan.plans.models import Plan


class Command(BaseCommand):
    help = "Write a whole plan as a sendplan.plan/1 JSON document."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--plan", type=int, required=True, help="The plan's id, as `sendplan plans` lists it."
        )
        parser.add_argument("--format", choices=["json"], default="json", help="The file format.")
        parser.add_argument(
            "--out", default="-", help="The file to write; - or nothing for standard output."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        plan = Plan.objects.select_related("area").filter(pk=options["plan"]).first()
        if plan is None:
            raise CommandError(
                f"There is no plan with id {options['plan']}. `sendplan plans` lists the plans."
            )
        text = dumps(export_plan(plan))
        if options["out"] == "-":
            self.stdout.write(text, ending="")
            return
        try:
            Path(options["out"]).write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {options['out']}: {error.strerror}") from error
        self.stdout.write(f"Exported plan {plan.pk} ({plan.title}) to {options['out']}")
