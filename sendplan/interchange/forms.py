from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from sendplan.interchange.checking import part_name
from sendplan.interchange.parsers.layout import CHOICES
from sendplan.plans.models import Area

ACCEPTED = ".docx,.xlsx,.pdf,.csv,.txt,.json"


class ImportForm(forms.Form):
    """A file to upload, or text pasted from Word or a PDF: one or the other."""

    area = forms.ModelChoiceField(
        label="Local area",
        queryset=Area.objects.none(),
        empty_label=None,
        error_messages={"required": "Select the local area"},
    )
    file = forms.FileField(
        label="Upload a file",
        required=False,
        help_text="A Word (.docx), Excel (.xlsx), PDF, CSV, text or sendplan JSON file, "
        f"up to {settings.MAX_UPLOAD_MB} MB",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}),
    )
    text = forms.CharField(
        label="Or paste the plan's text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Copy the plan from Word or a PDF and paste it here. Tables can be pasted as "
        "they are.",
    )

    def __init__(self, *args: Any, areas: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if areas is None:
            del self.fields["area"]
        else:
            self.fields["area"].queryset = areas  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise ValidationError(
                f"The file must be smaller than {settings.MAX_UPLOAD_MB} MB; "
                f"this one is {upload.size / 1024 / 1024:.1f} MB"
            )
        if upload is not None and upload.size == 0:
            raise ValidationError("The selected file is empty")
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        has_file = bool(cleaned.get("file"))
        has_text = bool(cleaned.get("text", "").strip())
        if not self.errors.get("file") and has_file == has_text:
            message = (
                "Upload a file or paste text, not both"
                if has_file
                else "Select a file to upload, or paste the plan's text"
            )
            self.add_error("file", message)
        return cleaned


# Wider tables are shown as read, without a form: a choice per column would not fit a page.
MAX_MAPPED_COLUMNS = 40
_STALE_TABLE = (
    "This table was read again since you opened the page. Check its columns and choose again."
)
# Parts a table holds once at most: two columns of action titles is a slip.
_ONCE = ("ref", "title", "due", "starts", "section")


def _row_label(number: int, cells: list[str]) -> str:
    words = " | ".join(cell for cell in cells if cell.strip())
    if len(words) > 100:
        words = words[:99] + "…"
    return f"Row {number}: {words}" if words else f"Row {number} (empty)"


class TableChoiceForm(forms.Form):
    """What each column of a table holds, and which row holds its headings, as a person says."""

    signature = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": _STALE_TABLE},
    )
    # Radios, not a drop-down: a row's words run to a hundred characters, which a closed
    # drop-down cuts short on a narrow screen, and a radio's label wraps.
    header = forms.ChoiceField(
        label="Which row holds the headings?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the row that holds the headings",
            "invalid_choice": "Select the row that holds the headings from the list",
        },
    )

    def __init__(self, *args: Any, reading: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reading = reading
        self.fields["signature"].initial = reading.get("signature", "")
        preview = reading.get("preview") or []
        header = self.fields["header"]
        header.choices = [  # type: ignore[attr-defined]
            *((str(n), _row_label(n + 1, row)) for n, row in enumerate(preview)),
            ("none", "No heading row: every row is data"),
        ]
        header.initial = "none" if reading.get("header_row") is None else "0"
        self.columns: list[dict[str, Any]] = list(reading.get("columns") or [])
        for column in self.columns:
            index = int(column.get("index", 0))
            role = str(column.get("role") or "")
            label = str(column.get("heading") or "") or f"Column {index + 1}"
            choices = list(CHOICES)
            if role and role not in dict(CHOICES):
                choices.insert(0, (role, part_name(role)))
            self.fields[f"col_{index}"] = forms.ChoiceField(
                label=label,
                choices=choices,
                initial=role or "ignore",
                error_messages={
                    "required": f"Select what {label} holds",
                    "invalid_choice": f"Select what {label} holds from the list",
                },
            )

    def clean_signature(self) -> str:
        signature: str = self.cleaned_data["signature"]
        if signature != self.reading.get("signature"):
            raise ValidationError(_STALE_TABLE)
        return signature

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for part in _ONCE:
            chosen = [c for c in self.columns if cleaned.get(f"col_{c['index']}") == part]
            if len(chosen) > 1:
                for column in chosen[1:]:
                    self.add_error(
                        f"col_{column['index']}",
                        f"Choose {part_name(part)} for one column only",
                    )
        return cleaned

    def column_fields(self) -> list[tuple[dict[str, Any], forms.BoundField]]:
        return [(column, self[f"col_{column['index']}"]) for column in self.columns]

    def header_row(self) -> int | None:
        """The preview row holding the headings, or None for none."""
        value = self.cleaned_data["header"]
        return None if value == "none" else int(value)

    def changed_roles(self) -> dict[int, str]:
        """The parts the person changed from those read."""
        return {
            int(column["index"]): value
            for column in self.columns
            if (value := self.cleaned_data[f"col_{column['index']}"])
            != (column.get("role") or "ignore")
        }

    def roles(self) -> dict[int, str]:
        """Every part shown, as the person left them."""
        return {
            int(column["index"]): self.cleaned_data[f"col_{column['index']}"]
            for column in self.columns
        }


class ActionCorrectionForm(forms.Form):
    """An action's title, lead, due date and ratings, corrected before the plan is saved."""

    key = forms.CharField(widget=forms.HiddenInput, max_length=1000)
    title = forms.CharField(
        label="Action",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter what the action is",
            "max_length": "The action must be 5,000 characters or fewer",
        },
        help_text="Name officers and services, never children or families.",
    )
    lead_text = forms.CharField(
        label="Leads as written",
        max_length=1000,
        required=False,
        help_text="For example Head of SEND (HH) / Designated Clinical Officer",
        error_messages={"max_length": "The leads must be 1,000 characters or fewer"},
    )
    due_text = forms.CharField(
        label="Due as written",
        max_length=200,
        required=False,
        help_text="For example May 2027, 31 March 2027, Termly or TBC. Words that are not a "
        "date are kept as words.",
        error_messages={"max_length": "The due date must be 200 characters or fewer"},
    )

    def __init__(
        self,
        *args: Any,
        periods: list[str],
        scale: list[dict[str, Any]],
        ratings: dict[str, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.periods = periods
        options = [("", "No rating")] + [
            (str(s["code"]), f"{s['code']} – {s.get('label') or s['code']}")
            for s in scale
            if s.get("code")
        ]
        for number, period in enumerate(periods):
            choices = list(options)
            rated = ratings.get(period, "")
            if rated and rated not in dict(choices):
                # A rating off the plan's key ("G/A") is kept as read unless changed.
                choices.append((rated, f"{rated} (as written; not on the plan's key)"))
            self.fields[f"rating_{number}"] = forms.ChoiceField(
                label=f"Rating for {period}",
                choices=choices,
                required=False,
                error_messages={"invalid_choice": f"Select a rating for {period} from the list"},
            )

    def clean_title(self) -> str:
        return " ".join(str(self.cleaned_data["title"]).split())

    def values(self) -> dict[str, Any]:
        return {
            "title": self.cleaned_data["title"],
            "lead_text": " ".join(self.cleaned_data["lead_text"].split()),
            "due_text": " ".join(self.cleaned_data["due_text"].split()),
            "ratings": {
                period: self.cleaned_data.get(f"rating_{number}") or ""
                for number, period in enumerate(self.periods)
            },
        }

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[f"rating_{n}"] for n in range(len(self.periods))]
