"""The change history's "Before and after" cell, made in Python: a page of fifty changes holds
hundreds of changed fields, and the template's loop over them was most of the page's time."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from sendplan.audit.display import EventView
from sendplan.lib.fast_filters import truncatechars

register = template.Library()

# Longer values are cut, with an ellipsis; the whole value is in the audit record.
SHOWN = 300


def _value(text: str) -> str:
    return str(conditional_escape(truncatechars(text, SHOWN)))


@register.filter
def event_changes(event: EventView) -> SafeString:
    """Each changed field of the event as a term and its value: before and after for an
    update (each named for a screen reader), the value given for a creation, the value taken
    away for a deletion."""
    parts = ['<dl class="sendplan-changes">']
    for change in event.changes:
        if event.verb == "update":
            value = (
                '<span class="sendplan-before"><span class="govuk-visually-hidden">Before: </span>'
                f"{_value(change.before)}</span> "
                '<span aria-hidden="true">→</span> '
                '<span class="sendplan-after"><span class="govuk-visually-hidden">After: </span>'
                f"{_value(change.after)}</span>"
            )
        elif event.verb == "create":
            value = _value(change.after)
        else:
            value = _value(change.before)
        parts.append(f"<dt>{conditional_escape(change.label)}</dt><dd>{value}</dd>")
    parts.append("</dl>")
    return mark_safe("".join(parts))
