"""An indicator's chart: actual figures against the target trajectory and comparators, as an
SVG line chart in the house style of sendplan.reports.charts. Each series differs in line and
marker shape as well as colour and is named at its end, and the page gives the same figures in
a table beside the chart, so nothing is told by colour alone."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sendplan.indicators.selectors import Figure, Series
from sendplan.lib.numbers import number

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 30, 36
INK = "#0b0c0c"


@dataclass
class Line:
    name: str
    figures: list[Figure]
    stroke: str
    dash: str
    marker: str  # circle, square or triangle
    filled: bool
    width: float = 2


def _marker(kind: str, x: float, y: float, colour: str, filled: bool) -> str:
    fill = colour if filled else "#ffffff"
    style = f'fill="{fill}" stroke="{colour}" stroke-width="1.5"'
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" {style}/>'
    if kind == "diamond":
        path = (
            f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} L{x - 5:.1f} {y:.1f} Z"
        )
        return f'<path d="{path}" {style}/>'
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" {style}/>'
    path = f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z"
    return f'<path d="{path}" {style}/>'


def _nice_step(raw: float) -> float:
    """A round step for the value axis: 1, 2, 2.5 or 5 times a power of ten."""
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def indicator_line_chart(series: Series, *, table_id: str) -> SafeString:
    name = series.indicator.name
    target_line = [series.baseline] if series.baseline and series.targets else []
    lines = [
        Line("Target", [*target_line, *series.targets], INK, "6 4", "square", False),
        Line("Actual", series.actuals, "#1d70b8", "", "circle", True, 3),
    ]
    if series.baseline and not series.targets:
        lines.append(Line("Baseline", [series.baseline], INK, "", "square", False))
    styles = [("2 3", "triangle"), ("8 3 2 3", "diamond")]
    for index, (comparator, figures) in enumerate(series.comparators.items()):
        dash, marker = styles[index % len(styles)]
        lines.append(Line(comparator, figures, "#505a5f", dash, marker, True, 1.5))
    dated = [f for line in lines for f in line.figures if f.date is not None]
    title = f"{name}: actual figures against the target trajectory and comparators"
    description = (
        "Solid line with filled circles: actual figures. Dashed line with outlined squares: the "
        "target trajectory. Dotted or dot-dash lines with triangles or diamonds: comparators, "
        "each named at its end. "
        f"The table with id {table_id} gives the same figures."
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sendplan-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'font-family="Liberation Sans, Arial, sans-serif" font-size="12" '
        f'aria-describedby="{escape(table_id)}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
    )
    if not dated:
        return mark_safe(
            head + f'<text x="10" y="{HEIGHT / 2}" fill="{INK}">No dated figures yet.</text></svg>'
        )
    first = min(f.date for f in dated if f.date)
    last = max(f.date for f in dated if f.date)
    if first == last:
        first, last = first - dt.timedelta(days=45), last + dt.timedelta(days=45)
    values = [f.value for f in dated]
    low = min(0.0, min(values))
    step = _nice_step((max(values) - low) / 4 or 1.0)
    low = math.floor(low / step) * step
    high = max(low + step, math.ceil(max(values) / step) * step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return LEFT + (day - first).days / (last - first).days * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - (value - low) / (high - low) * plot_h

    parts = [head, f'<text x="0" y="14" fill="{INK}">{escape(name)}</text>']
    ticks = round((high - low) / step)
    for tick in range(ticks + 1):
        value = low + step * tick
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="#b1b4b6" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="{INK}">'
            f"{escape(number(round(value, 2)))}</text>"
        )
    # Dates under the plot where there is room for them, the first and last always.
    days = sorted({f.date for f in dated if f.date})
    shown: list[float] = []
    for day in days:
        at = min(max(x(day), LEFT + 24), LEFT + plot_w)
        if shown and at - shown[-1] < 64:
            if day != days[-1]:
                continue
            shown.pop()
            parts.pop()
        shown.append(at)
        parts.append(
            f'<text x="{at:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
            f'fill="{INK}">{day:%b %Y}</text>'
        )
    labels: list[tuple[float, str]] = []
    for line in lines:
        points = [(x(f.date), y(f.value)) for f in line.figures if f.date is not None]
        if not points:
            continue
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{line.stroke}" '
                f'stroke-width="{line.width}"{dash}/>'
            )
        parts.extend(_marker(line.marker, px, py, line.stroke, line.filled) for px, py in points)
        labels.append((points[-1][1], line.name))
    # Names at the right of the plot, nudged apart so none overlaps another.
    placed: list[float] = []
    for label_y, label in sorted(labels):
        at = max([label_y + 4, *(p + 14 for p in placed)])
        placed.append(at)
        parts.append(
            f'<text x="{LEFT + plot_w + 8}" y="{at:.1f}" fill="{INK}">{escape(label[:22])}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
