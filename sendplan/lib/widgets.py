"""Form widgets that the GOV.UK field partial (templates/govuk/field.html) knows how to draw."""

from __future__ import annotations

from typing import Any

from django import forms


class HintedRadioSelect(forms.RadioSelect):
    """Radios with a line of hint under each option: a status with what it means."""

    def __init__(self, *args: Any, hints: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hints = hints or {}

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        option["hint"] = self.hints.get(str(option["value"]), "")
        return option
