"""Imports waiting for a person to check them before anything is saved."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from sendplan.plans.models import Area, Plan

# How long an unconfirmed import waits before it must be uploaded again.
PENDING_IMPORT_LIFETIME = dt.timedelta(days=1)


class PendingImport(models.Model):
    """A parsed file, held until the person who uploaded it confirms or cancels it.

    It is a working copy, not part of any plan: confirming applies it through the plan
    services (so the audit trail records every change) and then removes it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_imports"
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="pending_imports")
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pending_imports",
        help_text="The plan to update; empty for a new plan",
    )
    source_name = models.CharField(max_length=255)
    document = models.JSONField()
    report = models.JSONField(default=list, help_text="[where, message] pairs")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import of {self.source_name}"

    @property
    def expired(self) -> bool:
        return timezone.now() - self.created_at > PENDING_IMPORT_LIFETIME
