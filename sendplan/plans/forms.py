"""Forms for writing a plan. They validate and convert; the services do the writing."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import QueryDict

from sendplan.lib.date_fields import GovukMonthOrDateField
from sendplan.lib.dates import is_partial_date
from sendplan.plans.models import Area, KeyDate, Person, Plan, Section, Weakness
from sendplan.plans.services import ChangedMeanwhile, MeasureData, plain_state

CHILD_DATA_HINT = "Name officers and services, never children or families."


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _shown(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value if value is not None else "").split())
    return f"“{text[:80]}{'…' if len(text) > 80 else ''}”" if text else "empty"


class AreaForm(forms.Form):
    """An area's region and latest inspection outcome, which advisers sort and filter by."""

    region = forms.ChoiceField(
        choices=[("", "Not set"), *Area.Region.choices],
        required=False,
        help_text="The region DfE and NHS England advisers group the area in",
        error_messages={"invalid_choice": "Select a region from the list"},
    )
    inspection_outcome = forms.ChoiceField(
        label="Latest inspection outcome",
        choices=[("", "Not recorded"), *Area.InspectionOutcome.choices],
        required=False,
        error_messages={"invalid_choice": "Select an inspection outcome from the list"},
    )


class StaleCheckForm(forms.Form):
    """Carries a signed copy of what the form showed (current_state), so that the service
    saving it can refuse to save over changes someone else made after it was opened, and say
    what they changed. The service compares, with the row locked (see check_unchanged); the
    form turns its refusal into a message. What this person typed stays in the form."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, current_state: dict[str, Any] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.current = plain_state(current_state) if current_state is not None else None
        if not self.is_bound and self.current is not None:
            self.initial["seen"] = self._sign(self.current)

    @staticmethod
    def _sign(state: dict[str, Any]) -> str:
        return signing.dumps(state, salt="sendplan.stale-check", compress=True)

    def _seen_state(self, token: str) -> dict[str, Any] | None:
        try:
            seen = signing.loads(token, salt="sendplan.stale-check")
        except signing.BadSignature:
            return None
        return seen if isinstance(seen, dict) else None

    def seen_state(self) -> dict[str, Any] | None:
        """What the form showed when it was opened, for the service to check; None when the
        form carried no copy (a new object, or a caller that does not check)."""
        token = self.cleaned_data.get("seen")
        return self._seen_state(token) if token else None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        token = cleaned.get("seen")
        if token and self.current is not None and self._seen_state(token) is None:
            self._resign(self.current)
            raise ValidationError(self._message(["(details unavailable)"]))
        return cleaned

    def refuse(self, error: ChangedMeanwhile) -> None:
        """Say what changed since the form was opened. The next save is a deliberate one,
        made knowing what changed, so the form now carries the state it would save over."""
        notes = []
        changed = {key for key, _, _ in error.changes}
        for key, before, now in error.changes:
            if key.endswith("_id"):
                # A section by id, kept to tell apart two of the same name: its name says it,
                # unless the name is the same.
                if key.removesuffix("_id") not in changed:
                    name = key.removesuffix("_id").capitalize()
                    notes.append(f"{name} is now another of the same name")
                continue
            field = self.fields.get(key)
            label = str(field.label) if field and field.label else key.replace("_", " ")
            notes.append(f"{label.capitalize()} is now {_shown(now)} (was {_shown(before)})")
        self._resign(error.current)
        self.add_error(None, self._message(notes))

    def _resign(self, state: dict[str, Any]) -> None:
        fresh = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        fresh[self.add_prefix("seen")] = self._sign(state)
        self.data = fresh

    @staticmethod
    def _message(changes: list[str]) -> str:
        return (
            "Someone else changed this while you were editing it: "
            + "; ".join(changes)
            + ". Your changes have not been saved yet. What you typed is kept below: "
            "check it against their changes, then save again."
        )


class PlanForm(StaleCheckForm):
    title = forms.CharField(max_length=500, error_messages={"required": "Enter the plan's title"})
    kind = forms.ChoiceField(
        label="Kind of plan", choices=[("", "Choose a kind"), *Plan.Kind.choices], required=False
    )
    issued_on = GovukMonthOrDateField(label="Issue date")
    vision = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    principles = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="One principle per line",
    )
    governance = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Which board reviews the plan, how often, and to whom it reports",
    )
    levels = forms.CharField(
        label="Names of section levels",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="One per line, from the top: for example Theme, then Strategic priority",
    )
    inspection_framework = forms.ChoiceField(
        label="Inspection framework",
        choices=[("", "Not recorded"), *Plan.Framework.choices],
        required=False,
        help_text="The framework of the inspection this plan answers",
    )
    inspection_outcome = forms.ChoiceField(
        label="Inspection outcome",
        choices=[("", "Not recorded"), *Area.InspectionOutcome.choices],
        required=False,
    )

    @staticmethod
    def initial_for(plan: Plan) -> dict[str, Any]:
        return {
            "inspection_framework": plan.inspection_framework,
            "inspection_outcome": plan.inspection_outcome,
            "title": plan.title,
            "kind": plan.kind,
            "issued_on": plan.issued_on,
            "vision": plan.vision,
            "principles": "\n".join(plan.principles or []),
            "governance": plan.governance,
            "levels": "\n".join(plan.levels or []),
        }

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("seen", None)
        data["principles"] = lines(data["principles"])
        data["levels"] = lines(data["levels"])
        return data


class NewPlanForm(PlanForm):
    area = forms.ModelChoiceField(
        label="Local area",
        queryset=Area.objects.none(),
        empty_label=None,
        error_messages={"required": "Select the local area"},
    )

    def __init__(self, *args: Any, areas: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas  # type: ignore[attr-defined]
        self.order_fields(["area"])


class StatusLevelForm(forms.Form):
    code = forms.CharField(max_length=20, error_messages={"required": "Enter a code, such as G"})
    label = forms.CharField(
        max_length=200, error_messages={"required": "Enter what the status means, such as On track"}
    )
    colour = forms.ChoiceField(
        choices=[
            (c, c.capitalize())
            for c in ("blue", "green", "amber", "red", "white", "grey", "purple", "pink", "orange")
        ],
        help_text="Shown beside the words, never instead of them",
    )
    meaning = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    done = forms.BooleanField(label="This status means the action is done", required=False)
    not_started = forms.BooleanField(label="This status means not yet started", required=False)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if "/" in code:
            raise ValidationError("A code cannot contain /, which joins combined ratings like G/A")
        return code


class PeriodForm(forms.Form):
    label = forms.CharField(
        max_length=100,
        error_messages={"required": "Enter the period's name, such as Mar 18 or Q3 2023/24"},
    )
    ends_on = GovukMonthOrDateField(label="Period ends on")


class PersonForm(StaleCheckForm):
    key = forms.CharField(
        max_length=60,
        help_text="Initials as the plan uses them, such as HH",
        error_messages={"required": "Enter the person's initials or a short key"},
    )
    name = forms.CharField(max_length=200, required=False)
    role = forms.CharField(max_length=300, required=False)
    organisation = forms.CharField(max_length=300, required=False)
    email = forms.EmailField(
        required=False, error_messages={"invalid": "Enter an email address like name@example.org"}
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not (cleaned.get("name") or cleaned.get("role")):
            self.add_error("name", "Enter a name or a role")
        return cleaned


class SectionForm(StaleCheckForm):
    ref = forms.CharField(
        max_length=40, required=False, help_text="As the plan writes it, such as 1.2"
    )
    level = forms.CharField(max_length=100, required=False)
    title = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), error_messages={"required": "Enter a title"}
    )
    outcomes = forms.CharField(
        label="Outcomes: what we want to achieve",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=CHILD_DATA_HINT,
    )
    owners = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    weaknesses = forms.ModelMultipleChoiceField(
        label="Areas of weakness this answers",
        queryset=Weakness.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = plan.people.all()  # type: ignore[attr-defined]
        self.fields["weaknesses"].queryset = plan.weaknesses.all()  # type: ignore[attr-defined]
        if plan.levels:
            self.fields["level"].help_text = "This plan's levels: " + ", ".join(plan.levels)


class SectionMoveForm(forms.Form):
    parent = forms.ModelChoiceField(
        label="Put it under",
        queryset=Section.objects.none(),
        required=False,
        empty_label="The top of the plan",
    )
    position = forms.IntegerField(
        label="Place among its new siblings",
        min_value=1,
        required=False,
        help_text="1 is first. Leave empty to put it last.",
        error_messages={"invalid": "Enter a whole number, such as 1"},
    )

    def __init__(self, *args: Any, section: Section, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = section.plan.sections.exclude(pk=section.pk)  # type: ignore[attr-defined]


def parse_measures(text: str) -> list[MeasureData]:
    """One measure per line; an optional date after a |, as written or as YYYY-MM."""
    measures = []
    for line in lines(text):
        words, _, when = (part.strip() for part in line.partition("|"))
        if is_partial_date(when):
            measures.append(MeasureData(text=words, due=when))
        else:
            measures.append(MeasureData(text=words, due_text=when))
    return measures


def measures_text(measures: list[MeasureData]) -> str:
    rows = []
    for m in measures:
        when = m.due_text or m.due
        rows.append(f"{m.text} | {when}" if when else m.text)
    return "\n".join(rows)


class ActionForm(StaleCheckForm):
    ref = forms.CharField(
        max_length=40, required=False, help_text="As the plan writes it, such as 1.1.1 or 4A"
    )
    title = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the action is"},
        help_text=CHILD_DATA_HINT,
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.none(), error_messages={"required": "Select a section"}
    )
    leads = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    lead_text = forms.CharField(
        label="Leads as written in the plan", max_length=1000, required=False
    )
    resources = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    cost = forms.CharField(
        label="Cost in pounds",
        required=False,
        help_text="A number, such as 13000",
    )
    cost_text = forms.CharField(label="Cost as written", max_length=300, required=False)
    starts = GovukMonthOrDateField(label="Start date")
    starts_text = forms.CharField(
        label="Start as written",
        max_length=200,
        required=False,
        help_text="For example From Sept 2018",
    )
    due = GovukMonthOrDateField(label="Due date")
    due_text = forms.CharField(
        label="Due as written",
        max_length=200,
        required=False,
        help_text="For example May 2018, Termly or TBC",
    )
    due_change_reason = forms.CharField(
        label="Reason for changing the due date",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=(
            "Needed when you move a due date that was set. The change is recorded and the "
            "original date stays visible."
        ),
    )
    measures = forms.CharField(
        label="Measures of success",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=(
            "One per line. Put a date after a |, for example: "
            "Terms of Reference approved | May 2018"
        ),
    )
    evidence_of_impact = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    monitoring = forms.CharField(
        label="Monitoring and evaluation", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    group = forms.CharField(label="Task and finish group", required=False)
    members = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    see_also = forms.CharField(
        label="Cross references",
        required=False,
        help_text="Refs of related actions, separated by commas",
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = plan.sections.all()  # type: ignore[attr-defined]
        self.fields["leads"].queryset = plan.people.all()  # type: ignore[attr-defined]
        if not (self.initial.get("due") or self.initial.get("due_text")):
            # Setting a first due date is writing the plan, not moving a date.
            del self.fields["due_change_reason"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        before = (self.initial.get("due") or "", self.initial.get("due_text") or "")
        after = (cleaned.get("due", ""), cleaned.get("due_text", ""))
        if (
            "due_change_reason" in self.fields
            and "due" in cleaned
            and after != before
            and not cleaned.get("due_change_reason", "").strip()
        ):
            self.add_error("due_change_reason", "Enter why the due date is changing")
        return cleaned

    def clean_cost(self) -> Decimal | None:
        raw = self.cleaned_data["cost"].replace(",", "").replace("£", "").strip()
        if not raw:
            return None
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ValidationError("Enter the cost as a number of pounds, such as 13000") from None
        if value < 0 or not value.is_finite() or value >= Decimal("1e12"):
            raise ValidationError("Enter a cost between £0 and £999,999,999,999")
        return value

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("seen", None)
        data["measures"] = parse_measures(data["measures"])
        data["see_also"] = [ref.strip() for ref in data["see_also"].split(",") if ref.strip()]
        data["leads"] = list(data["leads"])
        return data


class KeyDateForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is the date for?",
        choices=[("", "Choose one"), *KeyDate.Kind.choices],
        error_messages={"required": "Select what the date is for"},
    )
    on = GovukMonthOrDateField(label="Date", required=True)
    note = forms.CharField(
        label="Name to show instead (optional)",
        max_length=300,
        required=False,
        help_text="For example, Six-month review with DfE and NHS England",
    )
