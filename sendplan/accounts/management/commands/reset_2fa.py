from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.accounts.services import two_factor_reset


class Command(BaseCommand):
    help = (
        "Forget a user's authenticator app and recovery codes, for a lost phone: they set up "
        "a new app the next time they sign in with their password."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"There is no user {options['username']}")
        two_factor_reset(actor=None, user=user)
        self.stdout.write(
            f"{user.username} sets up a new authenticator app the next time they sign in"
        )
