"""Performance indicators: baseline, target trajectory, actuals and comparators.

Each monitoring period, an indicator with a supplier owes its actual figure for the period,
through the same cycle as status updates: owed, reminded, reviewed, locked at sign-off, and
corrected beside the original once locked.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from sendplan.monitoring.models import Review
from sendplan.plans.models import Action, PartialDateField, Person, Plan, Weakness


class Indicator(models.Model):
    class Better(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    ref = models.CharField(max_length=40, blank=True)
    name = models.TextField()
    definition = models.TextField(blank=True)
    section_ref = models.CharField("section", max_length=40, blank=True)
    unit = models.CharField(max_length=60, blank=True)
    better = models.CharField(max_length=10, choices=Better.choices, blank=True)
    source = models.TextField("where the figure comes from", blank=True)
    supplier = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supplied_indicators",
        verbose_name="who supplies the figure",
    )
    frequency = models.CharField("how often", max_length=100, blank=True)
    tolerance = models.FloatField(
        "tolerance",
        null=True,
        blank=True,
        help_text="How far behind the target still counts as 'behind', not 'off track'",
    )
    weaknesses = models.ManyToManyField(Weakness, blank=True, related_name="indicators")
    actions = models.ManyToManyField(Action, blank=True, related_name="indicators")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("indicator", args=[self.plan_id, self.pk])


class IndicatorPoint(models.Model):
    class Kind(models.TextChoices):
        BASELINE = "baseline", "Baseline"
        TARGET = "target", "Target"
        ACTUAL = "actual", "Actual"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="points")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    on = PartialDateField("date")
    value = models.FloatField()
    text = models.TextField(blank=True)
    source = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by_name = models.CharField("recorded by", max_length=200, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    # The monitoring cycle, for actuals: the period a figure answers, whether it waits for a
    # programme manager's review, and for a figure in a signed-off period, the one it corrects.
    period = models.ForeignKey(
        "monitoring.Period",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="figures",
        help_text="The monitoring period the figure answers",
    )
    needs_review = models.BooleanField(
        default=False, help_text="Recorded by its supplier in an open period, so it is reviewed"
    )
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    reason = models.TextField("reason for the correction", blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Targets and baselines are replaced as a set; a recorded figure is only ever added to.
        if self.pk is not None and self.kind == self.Kind.ACTUAL:
            raise ValueError("Recorded figures are never changed; record a new figure instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.period is not None and self.period.is_locked:
            raise ValueError("Figures in a signed-off period are never deleted.")
        return super().delete(*args, **kwargs)


class FigureReview(Review):
    """A programme manager's decision on a figure its supplier recorded."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned to the supplier"

    point = models.ForeignKey(IndicatorPoint, on_delete=models.PROTECT, related_name="reviews")
    decision = models.CharField(max_length=10, choices=Decision.choices)

    class Meta(Review.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.point}"


class Comparator(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="comparators")
    name = models.CharField(max_length=200)
    value = models.FloatField()
    on = models.CharField("period", max_length=40, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"
