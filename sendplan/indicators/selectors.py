"""Reads for indicators: an indicator's figures as series, and its rating against the
trajectory."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from sendplan.indicators.models import Indicator, IndicatorPoint
from sendplan.lib.dates import format_partial_date, parse_partial_date
from sendplan.plans.models import Plan

# "2023/24" (an academic or financial year) or "2023" (a calendar year), as comparators and
# national statistics name their periods.
YEAR_SPAN_RE = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
YEAR_RE = re.compile(r"^\d{4}$")

# Behind by no more than this share of the target counts as "behind" rather than "off track",
# when the indicator sets no tolerance of its own.
DEFAULT_TOLERANCE = 0.05


@functools.lru_cache(maxsize=4096)
def period_date(on: str) -> dt.date | None:
    """The date a figure stands for: the end of its month, academic year or calendar year."""
    on = on.strip()
    parsed = parse_partial_date(on)
    if parsed is not None:
        return parsed
    if match := YEAR_SPAN_RE.match(on):
        return dt.date(int(match.group(1)) + 1, 8, 31)
    if YEAR_RE.match(on):
        return dt.date(int(on), 12, 31)
    return None


def period_words(on: str) -> str:
    return format_partial_date(on) if parse_partial_date(on) else on


@dataclass
class Figure:
    on: str
    date: dt.date | None
    value: float
    point: IndicatorPoint | None = None
    # Earlier figures recorded for the same date, which this one replaced.
    replaced: list[IndicatorPoint] = field(default_factory=list)

    @property
    def words(self) -> str:
        return period_words(self.on) or "No date"


class Rating(StrEnum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OFF_TRACK = "off_track"
    NOT_RATED = "not_rated"

    @property
    def label(self) -> str:
        return {
            "on_track": "On track or ahead",
            "behind": "Behind, within tolerance",
            "off_track": "Off track",
            "not_rated": "Not rated",
        }[self.value]

    @property
    def tag(self) -> str:
        """The GOV.UK tag colour that goes with the words."""
        return {
            "on_track": "green",
            "behind": "yellow",
            "off_track": "red",
            "not_rated": "grey",
        }[self.value]


@dataclass
class Series:
    indicator: Indicator
    baseline: Figure | None
    targets: list[Figure]
    actuals: list[Figure]
    comparators: dict[str, list[Figure]]
    rating: Rating = Rating.NOT_RATED
    rating_reason: str = ""
    target_now: float | None = None

    @property
    def latest(self) -> Figure | None:
        dated = [a for a in self.actuals if a.date is not None]
        return dated[-1] if dated else (self.actuals[-1] if self.actuals else None)

    def target_at(self, day: dt.date) -> float | None:
        """The trajectory's value on a day: a straight line between the baseline and each
        target in turn; before the first point nothing, after the last the last target."""
        line = [t for t in self.targets if t.date is not None]
        if not line:
            return None
        if self.baseline is not None and self.baseline.date is not None:
            line = [self.baseline, *line]
        first = line[0].date
        if first is None or day < first:
            return None
        for start, end in itertools.pairwise(line):
            assert start.date is not None and end.date is not None
            if start.date <= day <= end.date:
                span = (end.date - start.date).days
                if span == 0:
                    return end.value
                share = (day - start.date).days / span
                return start.value + (end.value - start.value) * share
        return line[-1].value

    def rows(self) -> list[tuple[str, float | None, float | None, list[float | None]]]:
        """The chart's table: each date, its target (on the line), actual and comparators."""
        dates: dict[dt.date, str] = {}
        for figure in [*self.targets, *self.actuals]:
            if figure.date is not None:
                dates.setdefault(figure.date, figure.words)
        names = list(self.comparators)
        by_date = {
            name: {f.date: f.value for f in figures if f.date}
            for name, figures in self.comparators.items()
        }
        for figures in self.comparators.values():
            for figure in figures:
                if figure.date is not None:
                    dates.setdefault(figure.date, figure.words)
        actual = {a.date: a.value for a in self.actuals if a.date}
        target = {t.date: t.value for t in self.targets if t.date}
        return [
            (
                words,
                target.get(day),
                actual.get(day),
                [by_date[name].get(day) for name in names],
            )
            for day, words in sorted(dates.items())
        ]


class PointRow(NamedTuple):
    """A figure reduced to what rating it needs, for pages that rate many indicators."""

    pk: int
    kind: str
    on: str
    value: float
    position: int


def _figure(point: IndicatorPoint | PointRow) -> Figure:
    kept = point if isinstance(point, IndicatorPoint) else None
    return Figure(on=point.on, date=period_date(point.on), value=point.value, point=kept)


def indicator_series(indicator: Indicator, *, comparators: bool = True) -> Series:
    """The indicator's figures, with the newest recorded actual for each date counting. Its
    rating needs no comparators, so a page that only rates can leave them unread."""
    compared: dict[str, list[Figure]] = {}
    for comparator in indicator.comparators.all() if comparators else []:
        compared.setdefault(comparator.name, []).append(
            Figure(on=comparator.on, date=period_date(comparator.on), value=comparator.value)
        )
    return series_of(indicator, list(indicator.points.all()), compared)


def series_of(
    indicator: Indicator,
    found: Sequence[IndicatorPoint | PointRow],
    compared: dict[str, list[Figure]] | None = None,
) -> Series:
    """The series and rating of the indicator's figures, given as objects or as rows."""
    points: list[IndicatorPoint | PointRow] = sorted(found, key=lambda p: (p.position, p.pk))
    baseline = next((_figure(p) for p in points if p.kind == IndicatorPoint.Kind.BASELINE), None)
    targets = [_figure(p) for p in points if p.kind == IndicatorPoint.Kind.TARGET]
    actuals: dict[str, Figure] = {}
    for point in points:
        if point.kind != IndicatorPoint.Kind.ACTUAL:
            continue
        earlier = actuals.get(point.on)
        figure = _figure(point)
        if earlier is not None and earlier.point is not None:
            figure.replaced = [*earlier.replaced, earlier.point]
        actuals[point.on] = figure
    by_date = lambda f: (f.date is None, f.date or dt.date.min)  # noqa: E731
    series = Series(
        indicator=indicator,
        baseline=baseline,
        targets=sorted(targets, key=by_date),
        actuals=sorted(actuals.values(), key=by_date),
        comparators={k: sorted(v, key=by_date) for k, v in (compared or {}).items()},
    )
    rate(series)
    return series


def ratings_by_plan(plans: Iterable[Plan]) -> dict[int, Counter[Rating]]:
    """How many of each plan's indicators are rated on track, behind, off track or not rated,
    in two queries however many plans there are, read as rows rather than objects."""
    found: dict[int, Counter[Rating]] = {plan.pk: Counter() for plan in plans}
    indicators = Indicator.objects.filter(plan_id__in=list(found)).values_list(
        "pk", "plan_id", "better", "tolerance"
    )
    points: dict[int, list[PointRow]] = {}
    rows = IndicatorPoint.objects.filter(indicator__plan_id__in=list(found)).values_list(
        "indicator_id", "pk", "kind", "on", "value", "position"
    )
    for indicator_id, *point in rows:
        points.setdefault(indicator_id, []).append(PointRow(*point))
    for pk, plan_id, better, tolerance in indicators:
        indicator = Indicator(pk=pk, plan_id=plan_id, better=better, tolerance=tolerance)
        found[plan_id][series_of(indicator, points.get(pk, [])).rating] += 1
    return found


def rate(series: Series) -> None:
    """Rate the latest actual against the trajectory on its date."""
    indicator = series.indicator
    latest = series.latest
    if not indicator.better:
        series.rating_reason = "Say whether a higher or a lower figure is better to rate it."
        return
    if not series.targets:
        series.rating_reason = "Set a target trajectory to rate it."
        return
    if latest is None or latest.date is None:
        series.rating_reason = "No figure has been recorded yet."
        return
    target = series.target_at(latest.date)
    if target is None:
        series.rating_reason = "The latest figure is from before the trajectory starts."
        return
    series.target_now = target
    shortfall = target - latest.value
    if indicator.better == Indicator.Better.LOWER:
        shortfall = -shortfall
    tolerance = (
        indicator.tolerance if indicator.tolerance is not None else abs(target) * DEFAULT_TOLERANCE
    )
    if shortfall <= 0:
        series.rating = Rating.ON_TRACK
    elif shortfall <= tolerance:
        series.rating = Rating.BEHIND
    else:
        series.rating = Rating.OFF_TRACK
    series.rating_reason = (
        f"{latest.words}: {number(latest.value)} against a target of {number(target)} "
        f"on the trajectory ({indicator.get_better_display().lower()})."
    )


def number(value: float) -> str:
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
