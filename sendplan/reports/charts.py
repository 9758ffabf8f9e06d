"""Charts as SVG drawn on the server: horizontal bars, each with its label and its figure in
text, so that nothing is told by colour or length alone. Every chart has a table beside it
with the same figures; the SVG names itself and says where that table is."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sendplan.lib.dates import format_partial_date
from sendplan.reports.builders import IndicatorView, Timeline

BAR_HEIGHT = 18
GAP = 8
LABEL_WIDTH = 150
BAR_WIDTH = 330
WIDTH = LABEL_WIDTH + BAR_WIDTH + 90
# Two series told apart by fill as well as by their labels: solid for what happened, an
# outline for the target.
SOLID = 'fill="#1d70b8"'
OUTLINE = 'fill="#ffffff" stroke="#0b0c0c" stroke-width="1.5"'


@dataclass
class Bar:
    label: str
    value: float
    text: str  # the figure as written beside the bar
    style: str = SOLID


def bar_chart(bars: list[Bar], *, title: str, description: str, key: str = "") -> SafeString:
    top = 24 if key else 4
    height = top + len(bars) * (BAR_HEIGHT + GAP) + 4
    largest = max((bar.value for bar in bars), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sendplan-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="Liberation Sans, Arial, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
    ]
    if key:
        parts.append(f'<text x="0" y="14" fill="#0b0c0c">{escape(key)}</text>')
    for index, bar in enumerate(bars):
        y = top + index * (BAR_HEIGHT + GAP)
        length = max(bar.value, 0) / largest * BAR_WIDTH
        middle = y + BAR_HEIGHT / 2 + 4
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{middle}" text-anchor="end" fill="#0b0c0c">'
            f"{escape(bar.label)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
            f"{bar.style}/>"
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{middle}" fill="#0b0c0c">'
            f"{escape(bar.text)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def timeline_chart(timeline: Timeline) -> SafeString:
    bars = [
        Bar(quarter.short, len(quarter.actions), f"{len(quarter.actions)}")
        for quarter in timeline.quarters
    ]
    return bar_chart(
        bars,
        title="Actions due in each quarter",
        description="A bar for each quarter, labelled with the number of actions due in it. "
        "The table after the chart lists them.",
    )


def indicator_chart(view: IndicatorView) -> SafeString:
    unit = f" {view.unit}" if view.unit and view.unit not in ("count", "number") else ""
    bars = []
    if view.baseline is not None:
        on = format_partial_date(view.baseline.on)
        bars.append(Bar(f"Baseline {on}".strip(), view.baseline.value, number(view.baseline.value)))
    for row in view.rows:
        if row.target is not None:
            bars.append(Bar(f"{row.on} target", row.target, number(row.target) + unit, OUTLINE))
        if row.actual is not None:
            bars.append(Bar(f"{row.on} actual", row.actual, number(row.actual) + unit))
    name = view.indicator.name
    return bar_chart(
        bars,
        title=f"{name}: targets and actual figures",
        description="Targets are outlined bars and actual figures solid bars, each labelled "
        "with its date and figure. The table after the chart gives the same figures.",
        key="Outline: target. Solid: actual.",
    )
