from typing import Any

from django.core.management.base import BaseCommand

from sendplan.demo.load import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo area, its plan and one demo user per role, and print how to sign in."

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_demo()
        for plan, created, not_placed in zip(
            result.plans, result.created, result.not_placed, strict=True
        ):
            state = "Imported" if created else "Already loaded"
            self.stdout.write(f"{state}: {plan.title} ({plan.area}), plan id {plan.pk}")
            if created and not_placed:
                self.stdout.write(
                    f"  The importer reported {not_placed} things it could not place."
                )
        self.stdout.write("")
        self.stdout.write("Demo users (the status updates in the demo plan are invented):")
        width = max(len(u.username) for u in result.users)
        for user in result.users:
            self.stdout.write(f"  {user.username:<{width}}  password {DEMO_PASSWORD}  {user.role}")
        if result.lead_person is not None:
            self.stdout.write(f"  demo-lead is {result.lead_person.display_name} in the plan.")
