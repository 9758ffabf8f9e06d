from django import template

from sendplan.lib.dates import format_partial_date

register = template.Library()


@register.filter
def partial_date(value: str | None) -> str:
    """2018-05 as "May 2018", 2018-05-31 as "31 May 2018"."""
    return format_partial_date(value)


@register.filter
def get_item(mapping: dict[object, object], key: object) -> object:
    """mapping[key] in a template, or None."""
    return mapping.get(key)
