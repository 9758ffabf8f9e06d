"""sendplan check-plan: print a plan's health findings; exit 1 when any is a problem."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.plans.health import Severity, plan_health
from sendplan.plans.models import Plan


class Command(BaseCommand):
    help = (
        "List the gaps in a plan: actions with no lead, date or measure, areas of weakness "
        "nothing answers, repeated refs, leads with too much, people with no email. "
        "Exits with status 1 if any problem (not just a warning) is found."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--plan", type=int, required=True, help="The plan's number")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = Plan.objects.filter(pk=options["plan"]).first()
        if plan is None:
            raise CommandError(f"There is no plan number {options['plan']}")
        health = plan_health(plan)
        self.stdout.write(f"{plan.title} ({health.actions} actions)")
        for heading, found in health.groups:
            self.stdout.write(f"\n{heading}: {len(found) or 'nothing found'}")
            for finding in found:
                label = "PROBLEM" if finding.severity == Severity.ERROR else "warning"
                self.stdout.write(f"  {label}: {finding.message}  [{finding.fix}: {finding.url}]")
        errors, warnings = len(health.errors), len(health.warnings)
        self.stdout.write(
            f"\n{errors} problem{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}"
        )
        if errors:
            raise CommandError(f"{plan.title} has {errors} problem{'s' if errors != 1 else ''}")
