"""Monitoring periods and the status history of actions."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sendplan.plans.models import Action, PartialDateField, Plan


class Period(models.Model):
    """A monitoring period: a column of the plan's status table ("Mar 18", "Q3 2023/24")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(max_length=100)
    ends_on = PartialDateField("ends on")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "label"], name="unique_period_label_per_plan")
        ]

    def __str__(self) -> str:
        return self.label


class StatusUpdate(models.Model):
    """One status report on an action for a period.

    Updates are only ever added: a correction is a newer update for the same period,
    so the history of what was reported, by whom and when is never lost.
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

    class Meta:
        ordering = ["sequence", "pk"]

    def __str__(self) -> str:
        return f"{self.action} – {self.period}: {self.status}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Status updates are never changed; record a new update instead.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("Status updates are never deleted.")
