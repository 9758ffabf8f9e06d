"""Forms for indicators. They validate and convert; sendplan.indicators.services writes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError

from sendplan.indicators.models import FigureReview, Indicator
from sendplan.lib.date_fields import GovukMonthOrDateField
from sendplan.lib.dates import is_partial_date
from sendplan.monitoring.models import Period
from sendplan.plans.models import Action, Person, Plan, Weakness

NO_CHILDREN = "Figures for the whole area only: never about a named child or family."
NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")


def parse_figure(text: str) -> float | None:
    """A figure as people type it: 46.4, 46.4%, 1,044 or -3. None if it is not a number."""
    cleaned = text.strip().rstrip("%").replace(",", "").strip()
    if not NUMBER_RE.match(cleaned):
        return None
    return float(cleaned)


class FigureField(forms.CharField):
    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        kwargs.setdefault("help_text", "A number, such as 46.4 or 1,044")
        super().__init__(max_length=40, **kwargs)

    def clean(self, value: Any) -> float | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        figure = parse_figure(text)
        if figure is None:
            raise ValidationError(f"Enter {self.what} as a number, such as 46.4")
        return figure


class ActionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.ref} {obj.title[:100]}".strip()


class IndicatorForm(forms.Form):
    name = forms.CharField(
        max_length=500, error_messages={"required": "Enter the indicator's name"}
    )
    ref = forms.CharField(max_length=40, required=False, help_text="Such as 5.1")
    definition = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="What is counted and how, so that every period is measured the same way",
    )
    unit = forms.CharField(max_length=60, required=False, help_text="Such as %, days or count")
    better = forms.ChoiceField(
        label="Which way is better",
        choices=Indicator.Better.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether a higher or a lower figure is better"},
    )
    tolerance = FigureField(
        what="the tolerance",
        required=False,
        help_text=(
            "How far behind the target, in the indicator's unit, still counts as behind rather "
            "than off track. Leave empty for 5% of the target"
        ),
    )
    section_ref = forms.ChoiceField(label="Section it evidences", required=False)
    weaknesses = forms.ModelMultipleChoiceField(
        label="Areas of weakness it evidences",
        queryset=Weakness.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actions = ActionsField(
        label="Actions that should move it",
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    source = forms.CharField(
        label="Where the figure comes from",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="Such as the SEN2 return, or the DfE's Education, health and care plans data",
    )
    supplier = forms.ModelChoiceField(
        label="Who supplies the figure",
        queryset=Person.objects.none(),
        required=False,
        help_text="They can record each period's figure if they have an account",
    )
    frequency = forms.CharField(
        label="How often", max_length=100, required=False, help_text="Such as Quarterly"
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sections = plan.sections.exclude(ref="").order_by("position", "pk")
        section_field = cast(forms.ChoiceField, self.fields["section_ref"])
        section_field.choices = [("", "None")] + [(s.ref, s.heading[:100]) for s in sections]
        self.fields["weaknesses"].queryset = plan.weaknesses.all()  # type: ignore[attr-defined]
        actions = cast(forms.ModelMultipleChoiceField, self.fields["actions"])
        actions.queryset = Action.objects.filter(section__plan=plan).order_by(
            "section__position", "position", "pk"
        )
        self.fields["supplier"].queryset = plan.people.all()  # type: ignore[attr-defined]


def indicator_initial(indicator: Indicator) -> dict[str, Any]:
    return {
        "name": indicator.name,
        "ref": indicator.ref,
        "definition": indicator.definition,
        "unit": indicator.unit,
        "better": indicator.better,
        "tolerance": "" if indicator.tolerance is None else f"{indicator.tolerance:g}",
        "section_ref": indicator.section_ref,
        "weaknesses": list(indicator.weaknesses.all()),
        "actions": list(indicator.actions.all()),
        "source": indicator.source,
        "supplier": indicator.supplier,
        "frequency": indicator.frequency,
    }


TARGET_LINE_RE = re.compile(
    r"^(?P<on>\d{4}-\d{2}(?:-\d{2})?)\s+(?P<value>\S+)(?:\s+(?P<text>.*))?$"
)


class TrajectoryForm(forms.Form):
    baseline_on = GovukMonthOrDateField(label="Baseline date")
    baseline_value = FigureField(what="the baseline", label="Baseline figure", required=False)
    targets = forms.CharField(
        label="Targets",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=(
            "One a line: the month as YYYY-MM, the figure, then any words. For example "
            "2025-03 50 Interim target. The trajectory runs in a straight line from the "
            "baseline through each target, so a start and an end are enough; give a target "
            "for each period to set every step."
        ),
    )

    def clean_targets(self) -> list[dict[str, Any]]:
        found = []
        for number, line in enumerate(self.cleaned_data["targets"].splitlines(), start=1):
            if not line.strip():
                continue
            match = TARGET_LINE_RE.match(line.strip())
            value = parse_figure(match.group("value")) if match else None
            if match is None or value is None or not is_partial_date(match.group("on")):
                raise ValidationError(
                    f"Line {number} of the targets: write the month as YYYY-MM, then the "
                    f"figure, such as 2025-03 50 (it says “{line.strip()[:60]}”)"
                )
            found.append(
                {"on": match.group("on"), "value": value, "text": match.group("text") or ""}
            )
        return sorted(found, key=lambda t: t["on"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        on, value = cleaned.get("baseline_on"), cleaned.get("baseline_value")
        if value is not None and not on:
            self.add_error("baseline_on", "Enter the date of the baseline")
        if on and value is None and "baseline_value" not in self.errors:
            self.add_error("baseline_value", "Enter the baseline figure")
        return cleaned

    def baseline(self) -> dict[str, Any] | None:
        value = self.cleaned_data.get("baseline_value")
        if value is None:
            return None
        return {"on": self.cleaned_data["baseline_on"], "value": value}


class ActualForm(forms.Form):
    period = forms.ChoiceField(
        label="Monitoring period it answers",
        required=False,
        widget=forms.RadioSelect,
        help_text="A figure for a period waits for the programme manager's review",
    )
    on = GovukMonthOrDateField(
        label="Date the figure is for",
        required=False,
        help_text=(
            "The month the figure measures, or its last day. For example, 3 2025. Leave empty "
            "for the last day of the period it answers"
        ),
    )
    value = FigureField(
        what="the figure", label="Figure", error_messages={"required": "Enter the figure"}
    )
    text = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=f"What explains the figure, or what changed. {NO_CHILDREN}",
    )
    source = forms.CharField(
        label="Source",
        max_length=1000,
        required=False,
        help_text="Where the figure was taken from, such as the SEN2 return, March 2025",
    )

    def __init__(self, *args: Any, periods: Sequence[Period] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.periods = {str(p.pk): p for p in periods}
        field = cast(forms.ChoiceField, self.fields["period"])
        if periods:
            field.choices = [(str(p.pk), p.label) for p in periods] + [
                ("", "None: a figure for another date")
            ]
        else:
            del self.fields["period"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["period"] = self.periods.get(cleaned.get("period") or "")
        if cleaned["period"] is None and not cleaned.get("on") and "on" not in self.errors:
            self.add_error("on", "Enter the date the figure is for")
        return cleaned


class FigureCorrectionForm(forms.Form):
    value = FigureField(
        what="the figure", label="Corrected figure", error_messages={"required": "Enter the figure"}
    )
    text = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=NO_CHILDREN,
    )
    source = forms.CharField(label="Source", max_length=1000, required=False)
    reason = forms.CharField(
        label="Why is this being corrected?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason for the correction"},
        help_text="The original figure stays, shown beside the correction",
    )


class FigureReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            (FigureReview.Decision.APPROVED, "Approve the figure"),
            (FigureReview.Decision.RETURNED, "Return it to the supplier to change"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to approve the figure or return it"},
    )
    comment = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Needed when you return a figure: say what the supplier should check or change",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("decision") == FigureReview.Decision.RETURNED
            and not cleaned.get("comment", "").strip()
        ):
            self.add_error("comment", "Enter the reason for returning the figure")
        return cleaned


class DfeLoadForm(forms.Form):
    file = forms.FileField(
        label="DfE open data file (CSV)",
        error_messages={"required": "Select a CSV file"},
        help_text="As downloaded from explore-education-statistics.service.gov.uk",
    )
    column = forms.CharField(
        label="Column holding the figure",
        max_length=200,
        error_messages={"required": "Enter the name of the column holding the figure"},
        help_text="Such as pc_plans_issued_20_weeks_ex",
    )
    filters = forms.CharField(
        label="Only rows with",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="One a line, column=value, such as age_group=Total",
    )
    area = forms.CharField(
        label="The area's name or code in the file",
        max_length=200,
        required=False,
        help_text="Its la_name or new_la_code. Leave empty for the plan's area name",
    )
    neighbours = forms.CharField(
        label="Statistical neighbours",
        max_length=2000,
        required=False,
        help_text="Their la_name or new_la_code, separated by commas",
    )

    def clean_filters(self) -> dict[str, str]:
        found = {}
        for number, line in enumerate(self.cleaned_data["filters"].splitlines(), start=1):
            if not line.strip():
                continue
            column, sep, value = line.partition("=")
            if not sep or not column.strip():
                raise ValidationError(
                    f"Line {number} of the filters: write column=value, such as age_group=Total"
                )
            found[column.strip()] = value.strip()
        return found
