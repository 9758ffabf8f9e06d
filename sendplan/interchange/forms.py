from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

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
