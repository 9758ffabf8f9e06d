"""Helpers for the accounts tests: inviting someone and reading the link from their email."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from django.core import mail

from sendplan.accounts import services
from sendplan.accounts.models import Invitation
from sendplan.test import PlanWorld

# pytest-django's django_capture_on_commit_callbacks: emails are sent once the write commits.
OnCommit = Callable[..., AbstractContextManager[Any]]


def emailed_token(address: str) -> str:
    """The token in the newest invitation emailed to an address."""
    sent = [m for m in mail.outbox if m.to == [address.lower()]]
    assert sent, f"nothing was emailed to {address}"
    match = re.search(r"/invitations/([\w-]+)/", str(sent[-1].body))
    assert match, sent[-1].body
    return match.group(1)


def invite(
    world: PlanWorld, on_commit: OnCommit, email: str, role: str = "lead_officer", **kwargs: Any
) -> tuple[Invitation, str]:
    """An invitation from the area's administrator, and the token emailed with it."""
    with on_commit(execute=True):
        invitation = services.invitation_create(
            actor=world.users["area_admin"], area=world.area, email=email, role=role, **kwargs
        )
    return invitation, emailed_token(email)
