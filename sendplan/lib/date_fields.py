"""Dates in forms, always as the GOV.UK date input: day, month and year in three boxes.

A full date (a period's end, a deadline) needs all three. A plan's dates are often a month
("due June 2019"), so those fields leave the day optional and give "YYYY-MM" or "YYYY-MM-DD",
the plan format's partial dates. The month box takes a number or a month's name, and a date
written whole in one box ("June 2019", "30 June 2019", "2019-06") is read too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

PARTS = ("day", "month", "year")
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_WHOLE = re.compile(
    r"^(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s/.-]+)?(?P<month>[a-z]+|\d{1,2})[\s/.-]+(?P<year>\d{4})$"
)
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?$")


def month_number(text: str) -> int | None:
    """1 to 12 from "6", "06", "June", "Jun" or "Sept"; None for anything else."""
    text = text.strip().lower().rstrip(".")
    if text.isascii() and text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(text)


def split_whole(text: str) -> list[str] | None:
    """Day, month and year from a date written in one box, or None if it is not one."""
    text = " ".join(text.strip().lower().replace(",", " ").split())
    found = _ISO.match(text) or _WHOLE.match(text)
    if found is None:
        return None
    return [found["day"] or "", found["month"], found["year"]]


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes."""

    template_name = "django/forms/widgets/multiwidget.html"

    def __init__(self) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "month": forms.TextInput(attrs={"maxlength": 9}),
            "year": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        }
        super().__init__(widgets)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value:
            # A plan's partial date: "2019-06" or "2019-06-30".
            parts = value.split("-")
            if len(parts) in (2, 3) and all(part.isdigit() for part in parts):
                day = int(parts[2]) if len(parts) == 3 else None
                return [day, int(parts[1]), int(parts[0])]
        return [None, None, None]

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> list[Any]:
        parts: list[Any] = super().value_from_datadict(data, files, name)
        if not any(parts) and data.get(name):
            # The date sent whole under the field's own name, as the plan format writes it
            # or as a person would: "2019-06", "June 2019".
            whole = str(data.get(name))
            return split_whole(whole) or ["", whole, ""]
        if parts[1] and not parts[0] and not parts[2]:
            # All of it typed into the month box.
            return split_whole(str(parts[1])) or parts
        return parts

    def id_for_label(self, id_: str) -> str:
        # The error summary links to the first box.
        return f"{id_}_0" if id_ else ""


class _GovukDateFieldBase(forms.MultiValueField):
    widget = GovukDateWidget
    day_optional = False

    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        fields = (forms.CharField(required=False),) * 3
        super().__init__(
            fields,
            require_all_fields=False,
            error_messages={"required": f"Enter {what}", "incomplete": f"Enter {what}"},
            **kwargs,
        )

    def _date(self, data_list: list[str]) -> tuple[dt.date, bool] | None:
        """The date entered and whether its day was given; None when nothing was entered."""
        parts = [str(part or "").strip() for part in data_list] if data_list else []
        if not any(parts):
            return None
        missing = [
            name
            for name, part in zip(PARTS, parts, strict=True)
            if not part and not (name == "day" and self.day_optional)
        ]
        example = "6 2026 or June 2026" if self.day_optional else "30 6 2026"
        if missing:
            raise ValidationError(
                f"{self.what.capitalize()} must include a {' and '.join(missing)}"
            )
        day_text, month_text, year_text = parts
        month = month_number(month_text)
        try:
            if month is None or not (year_text.isascii() and year_text.isdigit()):
                raise ValueError
            year = int(year_text)
            if not 1000 <= year <= 9999:
                raise ValueError
            day = int(day_text) if day_text else 1
            return dt.date(year, month, day), bool(day_text)
        except ValueError:
            raise ValidationError(
                f"{self.what.capitalize()} must be a real date, for example {example}"
            ) from None


class GovukDateField(_GovukDateFieldBase):
    """A whole date: day, month and year."""

    def compress(self, data_list: list[str]) -> dt.date | None:
        found = self._date(data_list)
        return found[0] if found else None


class GovukMonthOrDateField(_GovukDateFieldBase):
    """A plan's date: a month and year, or a day too; given as "YYYY-MM" or "YYYY-MM-DD"
    (empty when nothing was entered)."""

    day_optional = True

    def __init__(self, *, label: str, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", "A month and year, or a whole date. For example, 6 2026 or 30 6 2026"
        )
        super().__init__(what=f"the {label.lower()}", label=label, **kwargs)

    def compress(self, data_list: list[str]) -> str:
        found = self._date(data_list)
        if found is None:
            return ""
        day, with_day = found
        return day.isoformat() if with_day else day.isoformat()[:7]
