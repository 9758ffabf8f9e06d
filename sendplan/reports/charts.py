"""Charts as SVG drawn on the server: horizontal bars, each with its label and its figure in
text, so that nothing is told by colour or length alone. Every chart has a table beside it
with the same figures; the SVG names itself and says where that table is."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sendplan.reports.builders import SectionCounts, Timeline
from sendplan.reports.colours import fill_hex, text_hex

BAR_HEIGHT = 18
GAP = 8
LABEL_WIDTH = 150
BAR_WIDTH = 330
WIDTH = LABEL_WIDTH + BAR_WIDTH + 90


@dataclass
class Bar:
    label: str
    value: float
    text: str  # the figure as written beside the bar


def bar_chart(bars: list[Bar], *, title: str, description: str) -> SafeString:
    top = 4
    height = top + len(bars) * (BAR_HEIGHT + GAP) + 4
    largest = max((bar.value for bar in bars), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sendplan-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="Liberation Sans, Arial, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
    ]
    for index, bar in enumerate(bars):
        y = top + index * (BAR_HEIGHT + GAP)
        length = max(bar.value, 0) / largest * BAR_WIDTH
        middle = y + BAR_HEIGHT / 2 + 4
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{middle}" text-anchor="end" fill="#0b0c0c">'
            f"{escape(bar.label)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
            'fill="#1d70b8"/>'
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{middle}" fill="#0b0c0c">'
            f"{escape(bar.text)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


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


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def status_chart(rows: list[SectionCounts], *, section_name: str) -> SafeString:
    """A bar for each section, split into its statuses in the scale's order. Each part is
    outlined and, where it is wide enough, carries its count; under each bar the same counts
    are written out by status code, so neither colour nor length has to be read."""
    line = BAR_HEIGHT + 14 + GAP // 2
    top = 4
    height = top + len(rows) * line + 4
    largest = max((row.total for row in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sendplan-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="Liberation Sans, Arial, sans-serif" font-size="12">',
        f"<title>{escape(f'Actions by status in each {section_name.lower()}')}</title>"
        f"<desc>{escape(_status_description(rows, section_name))}</desc>",
    ]
    for index, row in enumerate(rows):
        y = top + index * line
        middle = y + BAR_HEIGHT / 2 + 4
        section = row.section
        label = f"{section.level} {section.ref}".strip() if section.ref else section.title
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{middle}" text-anchor="end" fill="#0b0c0c">'
            f"{escape(_short(label, 22))}</text>"
        )
        x = float(LABEL_WIDTH)
        for count in row.counts:
            length = count.count / largest * BAR_WIDTH
            fill = fill_hex(count.status.colour) or "f3f2f1"
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
                f'fill="#{fill}" stroke="#0b0c0c" stroke-width="1"/>'
            )
            if length >= 10 * len(str(count.count)) + 4:
                parts.append(
                    f'<text x="{x + length / 2:.1f}" y="{middle}" text-anchor="middle" '
                    f'fill="#{text_hex(count.status.colour)}">{count.count}</text>'
                )
            x += length
        parts.append(
            f'<text x="{x + 6:.1f}" y="{middle}" fill="#0b0c0c">{row.total}</text>'
            f'<text x="{LABEL_WIDTH}" y="{y + BAR_HEIGHT + 12}" fill="#0b0c0c">'
            f"{escape(_breakdown(row))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _breakdown(row: SectionCounts) -> str:
    return ", ".join(f"{_code(c.status.code)} {c.count}" for c in row.counts) or "No actions"


def _code(code: str) -> str:
    return "No status" if code in ("", "–") else code


def _status_description(rows: list[SectionCounts], section_name: str) -> str:
    said = "; ".join(f"{row.section.heading}: {_breakdown(row)}" for row in rows)
    return (
        f"A bar for each {section_name.lower()}, split by status in the order of the scale, "
        f"with the counts written under it. {said}. The table after the chart gives the same "
        "figures with each status in words."
    )
