"""The audit trail: who changed what, when, and the values before and after."""

from __future__ import annotations

from django.conf import settings
from django.db import models

# The scope of the events of an unsubmitted update ("draft:<action id>"). A draft is its
# writers' until it is submitted, so its trail is shown only to them (accounts.access).
DRAFT_SCOPE = "draft"


def draft_scope(action_id: int) -> str:
    return f"{DRAFT_SCOPE}:{action_id}"


# The events of drafts: their writers' alone, and no change to a plan.
DRAFTS = models.Q(scope=DRAFT_SCOPE) | models.Q(scope__startswith=f"{DRAFT_SCOPE}:")


class AuditEvent(models.Model):
    """One write. Rows are only ever added, in the same transaction as the write itself."""

    class Verb(models.TextChoices):
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        DELETE = "delete", "Deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    actor_name = models.CharField(max_length=200)
    verb = models.CharField(max_length=10, choices=Verb.choices)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    object_repr = models.CharField(max_length=300)
    # Plain ids, not foreign keys, so the trail outlives what it describes.
    plan_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    scope = models.CharField(
        max_length=80, blank=True, db_index=True, help_text="The page this change belongs to"
    )
    changes = models.JSONField(default=dict, help_text="field: [before, after]")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            # A plan's newest change, found without reading its history (plans.selectors).
            models.Index(fields=["plan_id", "id"], name="audit_plan_newest"),
            # A page of a plan's history, newest first, without sorting all of it (5 ms for a
            # plan of 7,000 changes).
            models.Index(fields=["plan_id", "-at", "-id"], name="audit_plan_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.get_verb_display().lower()} {self.object_repr}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Audit events cannot be changed.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit events cannot be deleted.")
