"""Who may do what in which local area, and the invitations that give people their roles."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from sendplan.plans.models import Area, Person


class Role(models.TextChoices):
    AREA_ADMIN = "area_admin", "Area administrator"
    PROGRAMME_MANAGER = "programme_manager", "Programme manager"
    LEAD_OFFICER = "lead_officer", "Lead officer"
    BOARD_MEMBER = "board_member", "Board member"
    PARENT_CARER_FORUM = "parent_carer_forum", "Parent carer forum"
    ADVISER = "adviser", "Adviser"


# What each role may do, in the words the people page shows beside it.
ROLE_HINTS = {
    Role.AREA_ADMIN: "Everything a programme manager can do, and manage the area's people",
    Role.PROGRAMME_MANAGER: "Write, import and edit the area's plans, and run the monitoring cycle",
    Role.LEAD_OFFICER: "Read the plans, and give updates on the actions they lead",
    Role.BOARD_MEMBER: "Read the plans and their reports",
    Role.PARENT_CARER_FORUM: "Read the plans, and add the forum's own commentary",
    Role.ADVISER: "Read the plans and their reports, for the DfE or NHS England",
}

# Roles that may write and edit an area's plans.
EDITING_ROLES = frozenset({Role.AREA_ADMIN, Role.PROGRAMME_MANAGER})


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        ordering = ["area__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "area", "role"], name="unique_role_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} in {self.area}"


class Invitation(models.Model):
    """An emailed offer of a role in an area, accepted by setting a password.

    Only a hash of the link's token is kept, so the database alone cannot be used to accept
    an invitation. Resending replaces the token, so an older email's link stops working.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Invited"
        EXPIRED = "expired", "Invitation expired"
        ACCEPTED = "accepted", "Accepted"
        WITHDRAWN = "withdrawn", "Withdrawn"

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=30, choices=Role.choices)
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        help_text="The person in a plan whom the account is linked to on acceptance",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField()
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            # One open invitation per address and role in an area: a second is a resend.
            models.UniqueConstraint(
                fields=["area", "email", "role"],
                condition=models.Q(accepted_at__isnull=True, withdrawn_at__isnull=True),
                name="one_open_invitation_per_role",
            )
        ]

    def __str__(self) -> str:
        return f"Invitation to {self.email} as {self.get_role_display().lower()} in {self.area}"

    @staticmethod
    def hash_token(token: str) -> str:
        # The token is 256 random bits, so a fast hash is enough: there is nothing to guess.
        return hashlib.sha256(token.encode()).hexdigest()

    @property
    def state(self) -> str:
        if self.accepted_at is not None:
            return self.State.ACCEPTED
        if self.withdrawn_at is not None:
            return self.State.WITHDRAWN
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING

    @property
    def is_open(self) -> bool:
        """Not yet accepted or withdrawn: it can be resent or withdrawn, even once expired."""
        return self.accepted_at is None and self.withdrawn_at is None
