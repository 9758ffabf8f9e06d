"""Imports waiting for a person to check them before anything is saved, and each local area's
choices for reading its files."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from sendplan.plans.models import Area, Plan

# How long an unconfirmed import waits before it must be uploaded again.
PENDING_IMPORT_LIFETIME = dt.timedelta(days=1)


class PendingImport(models.Model):
    """A parsed file, held until the person who uploaded it confirms or cancels it.

    It is a working copy, not part of any plan: confirming applies it through the plan
    services (so the audit trail records every change) and then removes it. The blocks read
    from the file are kept, so the plan can be read again with the person's choices for its
    tables without the file; `document` is always that reading with their corrections on top.
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
    report = models.JSONField(default=list, help_text="[where, message, rule code] triples")
    source = models.JSONField(
        null=True, blank=True, help_text="The blocks read from the file; empty for our own JSON"
    )
    tables = models.JSONField(default=list, help_text="How each table was read")
    placements = models.JSONField(
        default=list, help_text="Each action and section placed: rule and confidence"
    )
    choices = models.JSONField(
        default=dict, help_text="The layout chosen on the check page, for these tables"
    )
    replaced = models.JSONField(
        default=list, help_text="Signatures of the area's saved choices this import set aside"
    )
    fitted = models.JSONField(
        default=dict,
        help_text="Saved choices fitted to tables whose headings changed a little: by the "
        "signature of the table, the signature of the saved choice",
    )
    corrections = models.JSONField(
        default=dict, help_text="Corrections to actions, by where each action was read"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import of {self.source_name}"

    def get_absolute_url(self) -> str:
        return reverse("import_check", args=[self.pk])

    @property
    def expired(self) -> bool:
        return timezone.now() - self.created_at > PENDING_IMPORT_LIFETIME


def signature_digest(signature: str) -> str:
    """A fixed-length key for a table's headings, which may be long."""
    return hashlib.sha256(signature.encode()).hexdigest()


class ImportLayout(models.Model):
    """How a local area wants one table of its files read: the parts a person gave its columns
    and which row holds its headings, found again by the table's headings (its signature).
    Saved when an import is confirmed, and used for the next file laid out the same way."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="import_layouts")
    signature = models.TextField(help_text="The table's headings, as the importer matches them")
    # The unique key, as signatures can be longer than a database index allows.
    digest = models.CharField(max_length=64, editable=False)
    choice = models.JSONField(help_text="Parts by column position, and the heading row")
    headings = models.JSONField(default=list, blank=True)
    source_name = models.CharField(max_length=255, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_layouts",
    )
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["area", "-saved_at"]
        constraints = [
            models.UniqueConstraint(fields=["area", "digest"], name="one_layout_per_area_table")
        ]

    def __str__(self) -> str:
        return f"Columns of {self.source_name or 'a table'} in {self.area}"
