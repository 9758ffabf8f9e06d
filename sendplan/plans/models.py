"""Local areas and their plans: the structure of a SEND improvement plan."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

from sendplan.lib.dates import format_partial_date, parse_partial_date

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

partial_date_validator = RegexValidator(
    r"^\d{4}-\d{2}(-\d{2})?$", "Enter a date as YYYY-MM or YYYY-MM-DD, for example 2018-05"
)


def PartialDateField(verbose_name: str, **kwargs: Any) -> models.CharField:
    """A date that may name only a month, stored as written in ISO form."""
    return models.CharField(
        verbose_name, max_length=10, blank=True, validators=[partial_date_validator], **kwargs
    )


class Area(models.Model):
    class Region(models.TextChoices):
        """England's nine regions, as the DfE and NHS England group local areas."""

        NORTH_EAST = "north_east", "North East"
        NORTH_WEST = "north_west", "North West"
        YORKSHIRE = "yorkshire_humber", "Yorkshire and The Humber"
        EAST_MIDLANDS = "east_midlands", "East Midlands"
        WEST_MIDLANDS = "west_midlands", "West Midlands"
        EAST = "east_of_england", "East of England"
        LONDON = "london", "London"
        SOUTH_EAST = "south_east", "South East"
        SOUTH_WEST = "south_west", "South West"

    class InspectionOutcome(models.TextChoices):
        """The latest local area SEND inspection's outcome: the three of the 2023 framework,
        and the two that lead to a plan under the one before it."""

        POSITIVE = "positive", "Typically positive experiences and outcomes"
        INCONSISTENT = "inconsistent", "Inconsistent experiences and outcomes"
        SYSTEMIC = "systemic", "Widespread and/or systemic failings"
        WSOA = "wsoa", "Written statement of action required"
        REVISIT_INSUFFICIENT = "revisit_insufficient", "Revisit found insufficient progress"

    name = models.CharField(max_length=200, unique=True)
    region = models.CharField(max_length=20, choices=Region.choices, blank=True)
    inspection_outcome = models.CharField(
        "latest inspection outcome", max_length=30, choices=InspectionOutcome.choices, blank=True
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PlanQuerySet(models.QuerySet["Plan"]):
    def visible_to(self, user: User | AnonymousUser) -> PlanQuerySet:
        """Plans of the areas where the user holds any role."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(area__memberships__user_id=user.pk).distinct()


class Plan(models.Model):
    class Kind(models.TextChoices):
        WSOA = "wsoa", "Written Statement of Action"
        APP = "accelerated_progress_plan", "Accelerated Progress Plan"
        PRIORITY = "priority_action_plan", "Priority action plan"
        IMPROVEMENT = "improvement_plan", "Improvement plan"
        STRATEGY = "strategy_action_plan", "SEND strategy action plan"
        OTHER = "other", "Other plan"

    class Framework(models.TextChoices):
        AREA_SEND_2023 = "2023", "Area SEND inspection framework (2023)"
        LOCAL_AREA_2016 = "2016", "Local area SEND inspection framework (2016)"

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="plans")
    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=40, choices=Kind.choices, blank=True)
    issued_on = PartialDateField("issue date")
    vision = models.TextField(blank=True)
    principles = models.JSONField(default=list, blank=True)
    governance = models.TextField(blank=True)
    levels = models.JSONField("names of section levels", default=list, blank=True)
    # The inspection the plan answers: under which framework, and what it found.
    inspection_framework = models.CharField(
        "inspection framework", max_length=10, choices=Framework.choices, blank=True
    )
    inspection_outcome = models.CharField(
        "inspection outcome", max_length=30, choices=Area.InspectionOutcome.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["area__name", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plan", args=[self.pk])

    def level_name(self, depth: int) -> str:
        """The plan's own name for sections at this depth (0 = top)."""
        levels = self.levels or []
        if depth < len(levels):
            return str(levels[depth])
        return "Section"


class StatusLevel(models.Model):
    """One point of a plan's own status scale (BRAG, or whatever the plan uses)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="status_levels")
    code = models.CharField(max_length=20)
    label = models.CharField(max_length=200)
    colour = models.CharField(max_length=40, blank=True)
    meaning = models.TextField(blank=True)
    done = models.BooleanField("means done", default=False)
    not_started = models.BooleanField("means not started", default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="unique_status_code_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.label}"


class Person(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="people")
    key = models.CharField(
        max_length=60, help_text="Initials as the plan uses them, or a short name"
    )
    name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=300, blank=True)
    organisation = models.CharField(max_length=300, blank=True)
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_people",
        verbose_name="user account",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="unique_person_key_per_plan")
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or self.role or self.key


class Weakness(models.Model):
    """An area of weakness named by the inspection."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="weaknesses")
    ref = models.CharField(max_length=40, blank=True)
    text = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "weaknesses"

    def __str__(self) -> str:
        return f"{self.ref}. {self.text}" if self.ref else self.text


class Finding(models.Model):
    weakness = models.ForeignKey(Weakness, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField()
    source = models.CharField(max_length=100, blank=True, help_text="For example P4 MF7")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Section(models.Model):
    """A node of the plan's tree: theme, pillar, priority, workstream, ..."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    ref = models.CharField(max_length=40, blank=True)
    level = models.CharField(max_length=100, blank=True)
    title = models.TextField()
    outcomes = models.TextField(blank=True)
    owners = models.ManyToManyField(Person, blank=True, related_name="owned_sections")
    weaknesses = models.ManyToManyField(Weakness, blank=True, related_name="sections")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("section", args=[self.plan_id, self.pk])

    @property
    def heading(self) -> str:
        label = self.level or "Section"
        return f"{label} {self.ref}: {self.title}" if self.ref else f"{label}: {self.title}"

    def ancestors(self) -> list[Section]:
        chain: list[Section] = []
        node = self.parent
        while node is not None:
            chain.insert(0, node)
            node = node.parent
        return chain


class Milestone(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="milestones")
    text = models.TextField()
    due = PartialDateField("due")
    due_text = models.CharField("due (as written)", max_length=200, blank=True)
    for_families = models.BooleanField("of interest to families", default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def due_display(self) -> str:
        return self.due_text or format_partial_date(self.due)


class ActionQuerySet(models.QuerySet["Action"]):
    def led_by(self, user: User | AnonymousUser) -> ActionQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(leads__user_id=user.pk).distinct()


class Action(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="actions")
    ref = models.CharField(max_length=40, blank=True)
    title = models.TextField()
    leads: models.ManyToManyField[Person, ActionLead] = models.ManyToManyField(
        Person, through="ActionLead", related_name="led_actions"
    )
    lead_text = models.TextField("leads (as written)", blank=True)
    resources = models.TextField(blank=True)
    cost = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    cost_text = models.CharField("cost (as written)", max_length=300, blank=True)
    starts = PartialDateField("start date")
    starts_text = models.CharField("start (as written)", max_length=200, blank=True)
    due = PartialDateField("due date")
    due_text = models.CharField("due (as written)", max_length=200, blank=True)
    group = models.TextField("task and finish group", blank=True)
    members = models.TextField(blank=True)
    evidence_of_impact = models.TextField(blank=True)
    monitoring = models.TextField("monitoring and evaluation", blank=True)
    see_also = models.JSONField("cross references", default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("action", args=[self.section.plan_id, self.pk])

    @property
    def plan(self) -> Plan:
        return self.section.plan

    @property
    def due_date(self) -> dt.date | None:
        return parse_partial_date(self.due)

    @property
    def due_display(self) -> str:
        """The due date as the plan wrote it, else in words."""
        return self.due_text or format_partial_date(self.due)

    @property
    def starts_display(self) -> str:
        return self.starts_text or format_partial_date(self.starts)

    def ordered_leads(self) -> list[Person]:
        return [link.person for link in self.lead_links.select_related("person")]

    def approved_due_changes(self) -> list[DueDateChange]:
        return [c for c in self.due_changes.all() if c.state == DueDateChange.State.APPROVED]

    @property
    def original_due_display(self) -> str:
        """The due date as first planned, before any approved change."""
        return self.first_planned(self.approved_due_changes())

    def first_planned(self, approved: list[DueDateChange]) -> str:
        """The due date as first planned, given its approved changes oldest first (as a page
        that has loaded them already has them)."""
        if not approved:
            return self.due_display
        first = approved[0]
        return first.previous_due_text or format_partial_date(first.previous_due)


class ActionLead(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="lead_links")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="lead_links")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "person"], name="unique_lead_per_action")
        ]

    def __str__(self) -> str:
        return f"{self.person} leads {self.action}"


class DueDateChange(models.Model):
    """A proposed or approved move of an action's due date. Dates never move quietly:
    a lead proposes with a reason, a programme manager approves, and the row stays."""

    class State(models.TextChoices):
        PROPOSED = "proposed", "Waiting for approval"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Not approved"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="due_changes")
    previous_due = PartialDateField("due date before")
    previous_due_text = models.CharField("due before (as written)", max_length=200, blank=True)
    due = PartialDateField("new due date")
    due_text = models.CharField("new due (as written)", max_length=200, blank=True)
    reason = models.TextField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_by_name = models.CharField(max_length=200, blank=True)
    proposed_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by_name = models.CharField(max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["proposed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action.ref or 'Action'}: {self.previous_display} to {self.new_display}"

    @property
    def previous_display(self) -> str:
        return self.previous_due_text or format_partial_date(self.previous_due) or "no date"

    @property
    def new_display(self) -> str:
        return self.due_text or format_partial_date(self.due) or "no date"


class Measure(models.Model):
    """A measure of success of an action, with its own date."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="measures")
    text = models.TextField()
    due = PartialDateField("due")
    due_text = models.CharField("due (as written)", max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def due_display(self) -> str:
        return self.due_text or format_partial_date(self.due)


class GlossaryTerm(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="glossary")
    term = models.CharField(max_length=200)
    meaning = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.term


class KeyDate(models.Model):
    """A date on the plan's inspection timeline: the inspection, its report, when the plan is
    due, when DfE and NHS England review it, when the monitoring inspection is expected."""

    class Kind(models.TextChoices):
        INSPECTION = "inspection", "Inspection"
        REPORT_PUBLISHED = "report_published", "Inspection report published"
        PLAN_DUE = "plan_due", "Plan due"
        DFE_REVIEW = "dfe_review", "DfE review"
        NHSE_REVIEW = "nhse_review", "NHS England review"
        JOINT_REVIEW = "joint_review", "DfE and NHS England review"
        MONITORING = "monitoring_inspection", "Monitoring inspection expected"
        REVISIT = "revisit", "Revisit expected"
        OTHER = "other", "Other date"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="key_dates")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    on = PartialDateField("date")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on}"

    @property
    def label(self) -> str:
        return self.note or self.get_kind_display()

    @property
    def is_review(self) -> bool:
        """A date on which others judge the plan's progress: a review by DfE or NHS England, a
        monitoring inspection or a revisit, which an evidence pack is prepared for."""
        return self.kind in REVIEW_KINDS


REVIEW_KINDS = frozenset(
    {
        KeyDate.Kind.DFE_REVIEW,
        KeyDate.Kind.NHSE_REVIEW,
        KeyDate.Kind.JOINT_REVIEW,
        KeyDate.Kind.MONITORING,
        KeyDate.Kind.REVISIT,
    }
)


class Meeting(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="meetings")
    on = PartialDateField("date")
    title = models.TextField()
    attendees = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Feedback(models.Model):
    """ "You said, we did": what families asked for and what the area did."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="feedback")
    you_said = models.TextField(blank=True)
    we_did = models.TextField(blank=True)
    on = PartialDateField("date")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return self.you_said[:60]
