"""Filters for the report templates: charts, and figures as people read them."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from sendplan.reports import charts
from sendplan.reports.builders import IndicatorView, Timeline

register = template.Library()


@register.filter
def timeline_chart(timeline: Timeline) -> SafeString:
    return charts.timeline_chart(timeline)


@register.filter
def indicator_chart(view: IndicatorView) -> SafeString:
    return charts.indicator_chart(view)


@register.filter
def figure(value: float | None) -> str:
    return "" if value is None else charts.number(value)


@register.filter
def pounds(value: object) -> str:
    if value is None or value == "":
        return ""
    amount = float(str(value))
    return f"£{amount:,.0f}" if amount == int(amount) else f"£{amount:,.2f}"
