from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.accounts.models import Role
from sendplan.accounts.services import membership_add
from sendplan.plans.services import PlanRuleError, area_get_or_create


class Command(BaseCommand):
    help = "Give an existing user a role in a local area, creating the area if it is new."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--area", required=True, help="The local area's name")
        parser.add_argument(
            "--role", required=True, choices=[r.value for r in Role], help="The role to give"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(
                f"There is no user {options['username']}; create one with createsuperuser, "
                "or invite them from the area's people page instead."
            )
        area = area_get_or_create(actor=None, name=options["area"])
        try:
            membership_add(actor=None, area=area, user=user, role=options["role"])
        except PlanRuleError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{user.username} is now {Role(options['role']).label} in {area.name}")
