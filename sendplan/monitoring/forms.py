"""Forms for the monitoring cycle. They validate and convert; the services do the writing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings

from sendplan.lib.date_fields import GovukDateField, GovukMonthOrDateField
from sendplan.lib.refs import natural_key
from sendplan.lib.widgets import HintedRadioSelect
from sendplan.monitoring.evidence import ACCEPTED
from sendplan.monitoring.models import UpdateReview
from sendplan.plans.forms import CHILD_DATA_HINT
from sendplan.plans.models import Action, Plan, Section, StatusLevel


def status_choices(plan: Plan) -> tuple[list[tuple[str, str]], dict[str, str]]:
    levels: list[StatusLevel] = list(plan.status_levels.all())
    choices = [(lv.code, f"{lv.code} – {lv.label}") for lv in levels]
    hints = {lv.code: lv.meaning for lv in levels if lv.meaning and lv.meaning != lv.label}
    return choices, hints


@dataclass
class ActionChoice:
    action: Action
    box: Any  # the action's checkbox (a BoundWidget)
    leads: str


@dataclass
class ActionGroup:
    section: Section
    choices: list[ActionChoice]


class PeriodOpenForm(forms.Form):
    label = forms.CharField(
        label="Name of the period",
        max_length=100,
        help_text="As the plan's status table heads its column, such as Jun 18 or Q3 2023/24",
        error_messages={"required": "Enter the period's name, such as Jun 18 or Q3 2023/24"},
    )
    starts_on = GovukDateField(
        what="the date the period starts",
        label="Period starts on",
        help_text="For example, 1 4 2026",
    )
    ends_on = GovukDateField(
        what="the date the period ends", label="Period ends on", help_text="For example, 30 6 2026"
    )
    deadline = GovukDateField(
        what="the deadline for updates",
        label="Updates due by",
        help_text="Leads are reminded before this date and chased after it",
    )
    actions = forms.ModelMultipleChoiceField(
        label="Actions due an update",
        queryset=Action.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the actions that are due an update"},
        help_text="Every action that is not done is chosen to start with",
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["actions"]
        field.queryset = Action.objects.filter(section__plan=plan)  # type: ignore[attr-defined]
        field.label_from_instance = lambda a: f"{a.ref} {a.title}".strip()  # type: ignore[attr-defined]
        self.plan = plan

    def action_groups(self) -> list[ActionGroup]:
        """The actions to choose from, by section, refs in counting order (1.2 before 1.10),
        each with its checkbox, full title and leads."""
        boxes = {int(str(box.data["value"])): box for box in self["actions"]}
        actions = (
            Action.objects.filter(section__plan=self.plan)
            .select_related("section")
            .prefetch_related("lead_links__person")
        )
        by_section: dict[int, ActionGroup] = {}
        for action in actions:
            group = by_section.setdefault(
                action.section_id, ActionGroup(section=action.section, choices=[])
            )
            group.choices.append(
                ActionChoice(
                    action=action,
                    box=boxes[action.pk],
                    leads=", ".join(link.person.display_name for link in action.lead_links.all()),
                )
            )
        for group in by_section.values():
            group.choices.sort(key=lambda c: (natural_key(c.action.ref), c.action.position))
        return sorted(
            by_section.values(), key=lambda g: (natural_key(g.section.ref), g.section.position)
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        deadline = cleaned.get("deadline")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The period must end after it starts")
        if starts and deadline and deadline < starts:
            self.add_error("deadline", "The deadline for updates must be after the period starts")
        return cleaned


class UpdateForm(forms.Form):
    """A lead's update for a period, saved as a draft or submitted for review."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(
        widget=HintedRadioSelect,
        error_messages={
            "required": "Select a status to submit your update, or save it as a draft to finish "
            "later"
        },
        help_text="Needed to submit. A draft can be saved without it.",
    )
    narrative = forms.CharField(
        label="What has been done, and what difference has it made?",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=CHILD_DATA_HINT + " Describe the impact on services and families as a whole.",
    )
    evidence = forms.CharField(
        label="Evidence: documents and links",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="One per line, such as a report's name or a web address",
    )
    file = forms.FileField(
        label="Attach a file as evidence",
        required=False,
        error_messages={"empty": "The selected file is empty"},
        help_text=f"A {ACCEPTED} file, up to {settings.MAX_EVIDENCE_MB} MB",
    )

    def __init__(self, *args: Any, plan: Plan, submitting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.submitting = submitting
        choices, hints = status_choices(plan)
        field = self.fields["status"]
        field.choices = choices  # type: ignore[attr-defined]
        field.widget = HintedRadioSelect(hints=hints, choices=choices)

    def full_clean(self) -> None:
        # The status is needed to submit, and always shown as needed; a draft can be saved
        # without one. Submitting without one saves nothing and says so.
        field = self.fields["status"]
        field.required = self.submitting
        try:
            super().full_clean()
        finally:
            field.required = True


class RecordForm(forms.Form):
    """A programme manager's update for a period that was not opened through the cycle."""

    status = forms.ChoiceField(
        widget=HintedRadioSelect, error_messages={"required": "Select a status"}
    )
    narrative = UpdateForm.base_fields["narrative"]
    evidence = UpdateForm.base_fields["evidence"]

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices, hints = status_choices(plan)
        self.fields["status"].choices = choices  # type: ignore[attr-defined]
        self.fields["status"].widget = HintedRadioSelect(hints=hints, choices=choices)


class CorrectionForm(RecordForm):
    reason = forms.CharField(
        label="Why is this being corrected?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason for the correction"},
        help_text="The original update stays, shown beside the correction",
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            (UpdateReview.Decision.APPROVED, "Approve the update"),
            (UpdateReview.Decision.RETURNED, "Return it to the lead to change"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to approve the update or return it"},
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Needed when you return an update: say what the lead should change",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("decision") == UpdateReview.Decision.RETURNED
            and not cleaned.get("comment", "").strip()
        ):
            self.add_error("comment", "Enter a comment telling the lead what to change")
        return cleaned


class DueChangeForm(forms.Form):
    due = GovukMonthOrDateField(label="New due date", required=True)
    due_text = forms.CharField(
        label="The new date as the plan should say it",
        max_length=200,
        required=False,
        help_text="If the plan words it differently, for example End of spring term 2027",
    )
    reason = forms.CharField(
        label="Why does the date need to move?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reason for the new due date"},
        help_text="A programme manager decides. Until then the current date stands.",
    )


class DueDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve the new date"), ("reject", "Keep the current date")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to approve the new date"},
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Needed when you keep the current date: say why",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "reject" and not cleaned.get("note", "").strip():
            self.add_error("note", "Enter why the current date is kept")
        return cleaned


class ForumCommentForm(forms.Form):
    text = forms.CharField(
        label="The forum's comment",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the forum's comment"},
        help_text="Shown beside the officers' narrative, labelled as the forum's. "
        + CHILD_DATA_HINT,
    )
