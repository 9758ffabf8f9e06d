"""Filters for the report templates: charts, and figures as people read them."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from sendplan.indicators.chart import indicator_line_chart
from sendplan.lib.govuk_tags import status_tag, tag_classes
from sendplan.lib.links import site_link
from sendplan.monitoring.progress import StatusView
from sendplan.reports import charts
from sendplan.reports.builders import (
    BoardReport,
    EvidenceAction,
    EvidencePack,
    HistoryCell,
    IndicatorView,
    PrintedUpdates,
    Timeline,
)

register = template.Library()


@register.filter
def timeline_chart(timeline: Timeline) -> SafeString:
    return charts.timeline_chart(timeline)


@register.filter
def indicator_chart(view: IndicatorView) -> SafeString:
    """The indicator page's own chart, so that a report and the page never draw it apart."""
    return indicator_line_chart(view.series, table_id=view.table_id)


@register.filter
def status_chart(report: BoardReport) -> SafeString:
    levels = report.plan.levels
    return charts.status_chart(report.by_section, section_name=levels[0] if levels else "Section")


@register.filter
def whole_link(path: str) -> str:
    """A path on this site as a whole address, for a document read away from the site."""
    return site_link(path)


@register.filter
def printed_updates(action: EvidenceAction, report: EvidencePack) -> PrintedUpdates:
    """The action's progress reports that the printed pack gives (EvidencePack.printed_updates)."""
    return report.printed_updates(action)


@register.filter
def sentence(text: str) -> str:
    """Text that a full stop follows, without one of its own: "Strategy." makes "Strategy",
    so that "Strategy.." is never printed."""
    return text.rstrip().rstrip(".")


@register.filter
def pounds(value: object) -> str:
    if value is None or value == "":
        return ""
    amount = float(str(value))
    return f"£{amount:,.0f}" if amount == int(amount) else f"£{amount:,.2f}"


# The pages' status tag (sendplan/lib/govuk_tags.py), for the reports' templates too.
register.filter("status_tag", status_tag)


@register.filter
def status_words(status: StatusView | None) -> str:
    """A status in words alone, for a line of many statuses on paper."""
    if status is None:
        return "no status"
    named = status.code in ("", "–", status.label)
    return status.label if named else f"{status.code} – {status.label}"


@register.filter
def history_words(history: list[HistoryCell]) -> str:
    """An action's status in each period in words, as one line ("Jan 25: G – On track; ..."),
    for the printed evidence pack: joined here, not by a loop of the template over every
    period of hundreds of actions."""
    return "; ".join(f"{cell.period.label}: {status_words(cell.status)}" for cell in history)


@register.filter
def status_text(status: StatusView | None) -> str:
    """A status as plain text by its code, as status_tag's short form says it without the tag,
    for a line of many statuses on paper: a status without a code of its own in words."""
    if status is None:
        return "No status"
    return status.label if status.code in ("", "–", status.label) else status.code


# The colour words of a scale that have a bar of their own in print.css; others are grey.
BAR_COLOURS = {"amber": "yellow", "turquoise": "teal", "magenta": "pink"}
BARS = {"blue", "green", "yellow", "red", "purple", "pink", "orange", "teal"}


@register.filter
def status_bar(status: StatusView | None) -> str:
    """The class that draws a status's colour as a bar beside a printed paragraph whose words
    say the status (print.css)."""
    colour = status.colour.lower() if status is not None else ""
    colour = BAR_COLOURS.get(colour, colour)
    return f"sendplan-bar--{colour if colour in BARS else 'grey'}"


# Codes longer than this are words already, and are shown whole.
SHORT_CODE = 5


# A period without a status, as the pages' dash with the words for a screen reader, without the
# span around both (govuk_tags.NO_STATUS), which print.css does not style: one box fewer in
# each of the hundreds of empty cells of the plan document's tables.
PRINTED_NO_STATUS = mark_safe(
    '<td class="govuk-table__cell">–<span class="govuk-visually-hidden"> no status</span></td>'
)


@register.filter
def status_code_cell(status: StatusView | None) -> SafeString:
    """A table cell holding a status by its code alone ("G/A"), coloured as its tag, for the
    narrow period columns of a printed table whose status key gives the words. The scale's
    words, wrapped a word a line in a column a few millimetres wide, and a tag inside every
    cell, were most of the time and memory of laying out the plan document. A status with no
    short code is given in words."""
    if status is None:
        return PRINTED_NO_STATUS
    if status.code in ("", "–", status.label) or len(status.code) > SHORT_CODE:
        return format_html('<td class="govuk-table__cell">{}</td>', status_tag(status))
    return format_html(
        '<td class="govuk-table__cell sendplan-status-cell {}">{}</td>',
        tag_classes(status.colour),
        status.code,
    )
