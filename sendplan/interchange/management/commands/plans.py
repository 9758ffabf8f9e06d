"""`sendplan plans`: the plans there are, with the ids other commands take."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sendplan.plans.models import Plan


class Command(BaseCommand):
    help = "List the plans, with the ids that `sendplan export --plan` takes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--json", action="store_true", help="Print a JSON list of {id, title, area}."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        plans = list(Plan.objects.select_related("area"))
        if options["json"]:
            listing = [{"id": p.pk, "title": p.title, "area": p.area.name} for p in plans]
            self.stdout.write(json.dumps(listing, ensure_ascii=False, indent=2))
        elif not plans:
            self.stdout.write("There are no plans yet. Import one with: sendplan import FILE.json")
        else:
            for plan in plans:
                self.stdout.write(f"{plan.pk:>5}  {plan.area.name}: {plan.title}")
