"""Performance indicators: baseline, target trajectory, actuals and comparators."""

from __future__ import annotations

from django.db import models

from sendplan.plans.models import PartialDateField, Plan


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
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


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
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value}"


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
