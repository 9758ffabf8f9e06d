"""GOV.UK tags for statuses and update states, as template filters loaded everywhere.

A status is always shown in words (its code and label); the tag's colour only repeats them.
These were includes (govuk/tag.html, monitoring/_state_tag.html); a page of fifty rows made
a hundred includes, which cost more than the rest of its table. Loaded as a template builtin
(settings.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


class Status(Protocol):
    """A status level or a status as a page shows it: anything with a code, label and colour."""

    code: str
    label: str
    colour: str


NO_STATUS = mark_safe(
    '<span class="sendplan-none">–<span class="govuk-visually-hidden"> no status</span></span>'
)
# The class each colour word of a plan's status scale gives its tag; blue is the plain tag, and
# a word not here is grey.
TAG_CLASSES = {
    "blue": "",
    "green": "govuk-tag--green",
    "amber": "govuk-tag--yellow",
    "yellow": "govuk-tag--yellow",
    "red": "govuk-tag--red",
    "white": "govuk-tag--grey sendplan-tag--white",
    "purple": "govuk-tag--purple",
    "pink": "govuk-tag--pink",
    "orange": "govuk-tag--orange",
    "teal": "govuk-tag--teal",
    "turquoise": "govuk-tag--teal",
    "magenta": "govuk-tag--magenta",
}
# Where an update stands, and the colour its tag takes.
STATE_CLASSES = {
    "overdue": "govuk-tag--red",
    "missing": "govuk-tag--red",
    "returned": "govuk-tag--red",
    "due": "govuk-tag--yellow",
    "draft": "govuk-tag--yellow",
    "submitted": "govuk-tag--blue",
    "approved": "govuk-tag--green",
}


def tag_classes(colour: str | None) -> str:
    extra = TAG_CLASSES.get((colour or "").lower(), "govuk-tag--grey")
    return f"govuk-tag {extra}" if extra else "govuk-tag"


def _part(status: Status | Mapping[str, str], name: str) -> str:
    # A status read from an imported file comes as a dict, as the template's dots allowed.
    value = status.get(name) if isinstance(status, Mapping) else getattr(status, name, "")
    return str(value or "")


def status_words(status: Status | Mapping[str, str], short: bool = False) -> str:
    """A status in words: "R – Off track", or its label alone when its code says no more. With
    `short`, its code alone, where a key beside gives the words for each code."""
    code, label = _part(status, "code"), _part(status, "label")
    if not code or code in ("–", label):
        return label or code
    if short or not label:
        return code
    return f"{code} – {label}"


@register.filter
def status_tag(status: Status | Mapping[str, str] | None, short: str = "") -> SafeString:
    """A status as a tag: `{{ level|status_tag }}`; `{{ status|status_tag:"short" }}` for its
    code alone."""
    if status is None:
        return NO_STATUS
    return format_html(
        '<strong class="{}">{}</strong>',
        tag_classes(_part(status, "colour")),
        status_words(status, bool(short)),
    )


NOT_REPORTED = mark_safe('<span class="sendplan-secondary">Not reported</span>')


@register.filter
def reported_tag(status: Status | Mapping[str, str] | None) -> SafeString:
    """A cell of a table of statuses by period: the status as a tag, or "Not reported"."""
    return status_tag(status) if status else NOT_REPORTED


@register.filter
def state_tag(state: object, label: str) -> SafeString:
    """Where an update or a figure stands, as a tag in words:
    `{{ row.state|state_tag:row.state_label }}`."""
    extra = STATE_CLASSES.get(str(state), "govuk-tag--grey")
    return format_html('<strong class="govuk-tag {}">{}</strong>', extra, label)
