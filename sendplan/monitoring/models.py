"""Monitoring periods, the status history of actions, and the cycle that produces it:
which actions are asked for an update, drafts, reviews, evidence, forum commentary and
reminders."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone

from sendplan.plans.models import Action, PartialDateField, Plan


class EvidenceStorage(FileSystemStorage):
    """Evidence files live in the data folder, outside anything the web server serves; the
    application hands them out only to people who may see the plan. The folder is read from
    the settings each time, so that tests can point it elsewhere."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.EVIDENCE_ROOT)

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def evidence_storage() -> FileSystemStorage:
    return EvidenceStorage()


class Period(models.Model):
    """A monitoring period: a column of the plan's status table ("Mar 18", "Q3 2023/24").

    Periods read from a plan document carry only a label and an end date. A period opened
    through the monitoring cycle also has its start, a deadline for updates, and once the
    board has met, its sign-off, after which its updates are locked.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(max_length=100)
    ends_on = PartialDateField("ends on")
    starts_on = models.DateField("starts on", null=True, blank=True)
    deadline = models.DateField("updates due by", null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    opened_by_name = models.CharField(max_length=200, blank=True)
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by_name = models.CharField(max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "label"], name="unique_period_label_per_plan")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def was_opened(self) -> bool:
        """Opened for updates at some time, signed off since or not."""
        return self.opened_at is not None

    @property
    def is_open(self) -> bool:
        """Opened for updates and not yet signed off."""
        return self.opened_at is not None and self.signed_off_at is None

    @property
    def is_locked(self) -> bool:
        return self.signed_off_at is not None


class UpdateRequest(models.Model):
    """An action that is due an update in a period."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="requests")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="update_requests")

    class Meta:
        ordering = ["period__position", "action__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["period", "action"], name="unique_request_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.action} due an update for {self.period}"


class StatusUpdate(models.Model):
    """One status report on an action for a period.

    Updates are only ever added: a resubmission or a correction is a newer update for the
    same period, so the history of what was reported, by whom and when is never lost.
    """

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="updates")
    status = models.CharField(max_length=40, blank=True)
    narrative = models.TextField(blank=True)
    evidence = models.JSONField(default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_updates",
    )
    author_name = models.CharField("recorded by", max_length=200, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0, help_text="Order of recording")
    needs_review = models.BooleanField(
        default=False, help_text="Submitted in an open period, so a reviewer decides on it"
    )
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    reason = models.TextField("reason for the correction", blank=True)

    class Meta:
        ordering = ["sequence", "pk"]

    def __str__(self) -> str:
        return f"{self.action} – {self.period}: {self.status}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Status updates are never changed; record a new update instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Status updates are never deleted.")


class LatestRating(models.Model):
    """Each action's newest status update (by period, then in the order recorded), kept by
    status_update_record in the same transaction as the update, so that a table of many plans
    reads one row per action instead of every update (the national benchmark measured 2.1 s
    for picking them from 900,000 updates, 0.1 s for reading these)."""

    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="latest_rating")
    update = models.ForeignKey(StatusUpdate, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=40, blank=True)

    def __str__(self) -> str:
        return f"{self.action_id}: {self.status} in period {self.period_id}"


class Review(models.Model):
    """A reviewer's decision on something reported in the cycle (a status update, an indicator's
    figure): approved, or returned with a comment. Only ever added, never changed or deleted."""

    comment = models.TextField(blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewer_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Review decisions are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Review decisions are never deleted.")


class UpdateReview(Review):
    """A reviewer's decision on a submitted update."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned to the lead"

    update = models.ForeignKey(StatusUpdate, on_delete=models.PROTECT, related_name="reviews")
    decision = models.CharField(max_length=10, choices=Decision.choices)

    class Meta(Review.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.update}"


class UpdateDraft(models.Model):
    """An update a lead has started and not yet submitted: one per action and period, shared
    by the action's leads. The version number stops one person saving over another.

    Until it is submitted, a draft is seen only by its writers: the action's leads and
    whoever has saved it (accounts.access.can_see_draft)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="drafts")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="drafts")
    status = models.CharField(max_length=40, blank=True)
    narrative = models.TextField(blank=True)
    evidence = models.JSONField("evidence links", default=list, blank=True)
    version = models.PositiveIntegerField(default=1)
    saved_by_name = models.CharField(max_length=200, blank=True)
    saved_at = models.DateTimeField(default=timezone.now)
    writers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", help_text="Everyone who saved it"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["action", "period"], name="unique_draft_per_period")
        ]

    def __str__(self) -> str:
        return f"Draft update for {self.action} – {self.period}"


def _evidence_path(instance: EvidenceFile, filename: str) -> str:
    # The stored name is random; the name people see is kept in the row.
    return f"plan-{instance.plan_id}/{timezone.now():%Y%m}/{filename}"


class EvidenceFile(models.Model):
    """A file attached to an update as evidence, first to the draft, then to the update."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="evidence_files")
    draft = models.ForeignKey(
        UpdateDraft, on_delete=models.SET_NULL, null=True, blank=True, related_name="files"
    )
    update = models.ForeignKey(
        StatusUpdate, on_delete=models.PROTECT, null=True, blank=True, related_name="files"
    )
    file = models.FileField(storage=evidence_storage, upload_to=_evidence_path, max_length=300)
    name = models.CharField("file name", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by_name = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name


class ForumComment(models.Model):
    """The parent carer forum's own commentary on an action or a period, kept apart from
    the officers' narrative. Only ever added."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="forum_comments")
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="forum_comments"
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, null=True, blank=True, related_name="forum_comments"
    )
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Forum commentary is never changed; add a new comment instead.")
        super().save(*args, **kwargs)


class Reminder(models.Model):
    """An email sent by `sendplan remind`; the row is what stops it being sent twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Updates due soon"
        OVERDUE = "overdue", "Updates overdue"
        DIGEST_DUE_SOON = "digest_due_soon", "Digest of missing updates before the deadline"
        DIGEST_OVERDUE = "digest_overdue", "Digest of missing updates after the deadline"

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipient = models.EmailField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "kind", "recipient"], name="unique_reminder_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient} for {self.period}"


class SentEmail(models.Model):
    """An email the cycle sent about one update or date: a return, an approval, a new date
    asked for or decided. Kept so that a programme manager can see what went to whom."""

    class Kind(models.TextChoices):
        RETURNED = "returned", "Update returned"
        APPROVED = "approved", "Update approved"
        DATE_ASKED = "date_asked", "New due date asked for"
        DATE_DECIDED = "date_decided", "New due date decided"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sent_emails")
    period = models.ForeignKey(
        Period, on_delete=models.SET_NULL, null=True, blank=True, related_name="sent_emails"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipient = models.EmailField()
    subject = models.CharField(max_length=300)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient}"
