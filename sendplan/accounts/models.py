"""Who may do what in which local area."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sendplan.plans.models import Area


class Role(models.TextChoices):
    AREA_ADMIN = "area_admin", "Area administrator"
    PROGRAMME_MANAGER = "programme_manager", "Programme manager"
    LEAD_OFFICER = "lead_officer", "Lead officer"
    BOARD_MEMBER = "board_member", "Board member"
    PARENT_CARER_FORUM = "parent_carer_forum", "Parent carer forum"
    ADVISER = "adviser", "Adviser"


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
