from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from sendplan.lib.dates import format_partial_date
from sendplan.lib.links import web_addresses
from sendplan.lib.numbers import number

register = template.Library()


@register.filter
def partial_date(value: str | None) -> str:
    """2018-05 as "May 2018", 2018-05-31 as "31 May 2018"."""
    return format_partial_date(value)


@register.filter
def figure(value: float | None) -> str:
    """A figure as people read it: 1,250, 47.5; nothing for none."""
    return "" if value is None else number(value)


@register.filter
def get_item(mapping: dict[object, object], key: object) -> object:
    """mapping[key] in a template, or None."""
    return mapping.get(key)


@register.filter
def evidence(text: str) -> SafeString:
    """Evidence as its writer gave it, with each web address (http or https) made a link.
    Everything else, a "javascript:" address among it, stays text."""
    return mark_safe(
        "".join(
            format_html(
                '<a class="govuk-link" href="{}" rel="noopener noreferrer">{}</a>', piece, piece
            )
            if link
            else escape(piece)
            for piece, link in web_addresses(text)
        )
    )
