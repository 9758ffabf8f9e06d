"""Reads for indicators: an indicator's figures as series, its rating against the
trajectory, and the figures each monitoring period asks for."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from django.db.models import Prefetch

from sendplan.indicators.models import FigureReview, Indicator, IndicatorPoint
from sendplan.lib.dates import format_partial_date, parse_partial_date
from sendplan.lib.numbers import number
from sendplan.monitoring.models import Period
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
    # The newest figures for their dates that a board may not rely on yet, when the series was
    # read without them: waiting for review, or returned to the supplier.
    left_out: list[Figure] = field(default_factory=list)

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


def indicator_series(
    indicator: Indicator, *, comparators: bool = True, settled: bool = False
) -> Series:
    """The indicator's figures, with the newest recorded actual for each date counting. Its
    rating needs no comparators, so a page that only rates can leave them unread. With
    `settled`, only the figures a board may rely on count (see `is_settled`): what the reports
    show, read from the points and their reviews as prefetched."""
    compared: dict[str, list[Figure]] = {}
    for comparator in indicator.comparators.all() if comparators else []:
        compared.setdefault(comparator.name, []).append(
            Figure(on=comparator.on, date=period_date(comparator.on), value=comparator.value)
        )
    points = list(indicator.points.all())
    if not settled:
        return series_of(indicator, points, compared)
    actuals = [p for p in points if p.kind == IndicatorPoint.Kind.ACTUAL]
    newest = {p.on: p for p in sorted(actuals, key=lambda p: (p.position, p.pk))}
    series = series_of(indicator, [p for p in points if is_settled(p)], compared)
    series.left_out = [_figure(p) for p in newest.values() if not is_settled(p)]
    return series


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


# The monitoring cycle: the figures a period asks for and where each stands.


class FigureState(StrEnum):
    """Where a period's figure stands. The values are those of a status update's states, so
    the pages show both with the same tags."""

    MISSING = "missing"
    RECORDED = "recorded"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return {
            "missing": "Missing",
            "recorded": "Recorded",
            "submitted": "Waiting for review",
            "approved": "Approved",
            "returned": "Returned to the supplier",
        }[self.value]


def figure_state(
    point: IndicatorPoint, reviews: Sequence[FigureReview] | None = None
) -> FigureState:
    """Its latest review decision, else waiting for review or simply recorded. Pass its
    reviews when they are already loaded, oldest first."""
    reviews = list(point.reviews.all()) if reviews is None else reviews
    if reviews:
        return FigureState(reviews[-1].decision)
    return FigureState.SUBMITTED if point.needs_review else FigureState.RECORDED


# A figure a board may rely on: approved by a programme manager, or recorded without review (by
# a programme manager, or from the plan document or a DfE file). One waiting for review or
# returned to its supplier is not yet the area's figure.
SETTLED = frozenset({FigureState.RECORDED, FigureState.APPROVED})


def is_settled(point: IndicatorPoint) -> bool:
    """Whether a board may rely on the point: every baseline and target, and an actual whose
    state is settled."""
    return point.kind != IndicatorPoint.Kind.ACTUAL or figure_state(point) in SETTLED


@dataclass
class PeriodFigure:
    """An indicator's figure for one period: the newest recorded for it, or none yet."""

    indicator: Indicator
    period: Period
    point: IndicatorPoint | None
    state: FigureState
    # The reviewer's comment, when the figure was returned.
    comment: str = ""
    # Earlier figures for the period, which the newest replaced or corrected.
    earlier: list[IndicatorPoint] = field(default_factory=list)

    @property
    def owed(self) -> bool:
        """Still owed by its supplier: none recorded yet, or the one recorded was returned."""
        return self.state in {FigureState.MISSING, FigureState.RETURNED}

    @property
    def reviews(self) -> list[FigureReview]:
        return self.point.review_list if self.point is not None else []  # type: ignore[attr-defined]


def _with_reviews() -> Prefetch:
    return Prefetch("reviews", FigureReview.objects.all(), to_attr="review_list")


def _period_figure(
    indicator: Indicator, period: Period, points: list[IndicatorPoint]
) -> PeriodFigure:
    """The figure of the indicator for the period, from its points for it, oldest first."""
    if not points:
        return PeriodFigure(indicator, period, None, FigureState.MISSING)
    newest = points[-1]
    reviews = newest.review_list  # type: ignore[attr-defined]
    state = figure_state(newest, reviews)
    comment = reviews[-1].comment if state == FigureState.RETURNED else ""
    return PeriodFigure(indicator, period, newest, state, comment, points[:-1])


def period_figures(period: Period) -> list[PeriodFigure]:
    """The figures a period asks for: once it has been opened, one from every indicator with a
    supplier; and the figure of any other indicator recorded for it. In the plan's order."""
    indicators = list(
        Indicator.objects.filter(plan_id=period.plan_id).select_related("supplier__user")
    )
    points: dict[int, list[IndicatorPoint]] = {}
    recorded = (
        IndicatorPoint.objects.filter(period=period, kind=IndicatorPoint.Kind.ACTUAL)
        .prefetch_related(_with_reviews())
        .order_by("position", "pk")
    )
    for point in recorded:
        point.period = period
        points.setdefault(point.indicator_id, []).append(point)
    return [
        _period_figure(indicator, period, points.get(indicator.pk, []))
        for indicator in indicators
        if indicator.pk in points or (period.was_opened and indicator.supplier_id is not None)
    ]


@dataclass
class FigureCounts:
    """How many figures a period asks for, and where they stand, for its page."""

    asked: int
    received: int
    missing: int
    waiting: int
    returned: int

    @classmethod
    def of(cls, figures: Sequence[PeriodFigure]) -> FigureCounts:
        states = Counter(f.state for f in figures)
        return cls(
            asked=len(figures),
            received=len(figures) - states[FigureState.MISSING],
            missing=states[FigureState.MISSING],
            waiting=states[FigureState.SUBMITTED],
            returned=states[FigureState.RETURNED],
        )


@dataclass
class OwedFigure:
    """A figure a supplier owes, or has given, in an open period, for "Your actions"."""

    figure: PeriodFigure
    state: str  # due, overdue, returned, submitted, approved

    @property
    def indicator(self) -> Indicator:
        return self.figure.indicator

    @property
    def period(self) -> Period:
        return self.figure.period

    @property
    def state_label(self) -> str:
        return {
            "due": "Due",
            "overdue": "Overdue",
            "returned": "Returned to you",
            "submitted": "Waiting for review",
            "approved": "Approved",
        }[self.state]


def figures_owed_by(user: Any, today: dt.date) -> list[OwedFigure]:
    """The figures of the indicators the user supplies, in every open period of their plans
    (in areas they still have a role in), soonest deadline first."""
    periods = (
        Period.objects.filter(
            plan__indicators__supplier__user_id=user.pk,
            plan__area__memberships__user_id=user.pk,
            opened_at__isnull=False,
            signed_off_at__isnull=True,
        )
        .select_related("plan")
        .distinct()
    )
    owed = []
    for period in periods:
        for figure in period_figures(period):
            supplier = figure.indicator.supplier
            if supplier is None or supplier.user_id != user.pk:
                continue
            if figure.state == FigureState.MISSING:
                late = period.deadline is not None and period.deadline < today
                state = "overdue" if late else "due"
            elif figure.state == FigureState.RECORDED:
                state = "approved"  # recorded without review: nothing more is asked
            else:
                state = figure.state.value
            owed.append(OwedFigure(figure, state))
    far = dt.date.max
    return sorted(owed, key=lambda o: (o.period.deadline or far, o.indicator.position))


@dataclass
class RecordedFigure:
    """One recorded figure, for the indicator's history: where it stands, and whether it is the
    newest for its period (the one a reviewer decides on, or a correction stands beside)."""

    point: IndicatorPoint
    state: FigureState
    newest: bool

    @property
    def reviewable(self) -> bool:
        period = self.point.period
        return (
            self.newest and self.state == FigureState.SUBMITTED and bool(period and period.is_open)
        )

    @property
    def correctable(self) -> bool:
        period = self.point.period
        return self.newest and period is not None and period.is_locked


def recorded_figures(indicator: Indicator) -> list[RecordedFigure]:
    """Every actual recorded for the indicator, corrections and returned figures included, by
    date and then in the order recorded."""
    points = list(
        indicator.points.filter(kind=IndicatorPoint.Kind.ACTUAL)
        .select_related("period", "corrects")
        .prefetch_related(_with_reviews())
        .order_by("position", "pk")
    )
    newest = {p.period_id: p.pk for p in points if p.period_id is not None}
    found = [
        RecordedFigure(
            point=p,
            state=figure_state(p, p.review_list),  # type: ignore[attr-defined]
            newest=p.period_id is None or newest[p.period_id] == p.pk,
        )
        for p in points
    ]
    return sorted(found, key=lambda f: f.point.on)
