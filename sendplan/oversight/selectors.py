"""The table of areas that DfE and NHS England advisers, and regional leads, see as their home:
each area's plans with their standing in their current period, read for every area at once."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from sendplan.accounts.models import Membership, Role
from sendplan.indicators.selectors import Rating, ratings_by_plan
from sendplan.lib.dates import parse_partial_date
from sendplan.monitoring.progress import PlanSummary, plans_summaries
from sendplan.plans.models import Area, Plan
from sendplan.plans.selectors import kept_until_changed

# Someone with a role in more areas than this sees the table of areas as their home, as does
# anyone with an adviser's role: a list of plans one after another no longer serves them.
MANY_AREAS = 5


def sees_oversight(memberships: list[Membership]) -> bool:
    """Whether a person's home is the table of areas, from their roles."""
    areas = {m.area_id for m in memberships}
    return len(areas) > MANY_AREAS or any(m.role == Role.ADVISER for m in memberships)


@dataclass
class AreaRow:
    """One row of the table: an area and one of its plans (or none yet)."""

    area: Area
    plan: Plan | None
    summary: PlanSummary | None
    indicators: Counter[Rating] = field(default_factory=Counter)
    today: dt.date = field(default_factory=timezone.localdate)

    @property
    def indicator_count(self) -> int:
        return sum(self.indicators.values())

    @property
    def off_trajectory(self) -> int:
        return self.indicators[Rating.OFF_TRACK]

    @cached_property
    def review_on(self) -> dt.date | None:
        period = self.summary.next_review if self.summary else None
        return parse_partial_date(period.ends_on) if period else None

    @cached_property
    def days_to_review(self) -> int | None:
        """Days from today to the end of the next period to be signed off; below zero once
        that period has ended without being signed off."""
        day = self.review_on
        return (day - self.today).days if day else None

    @property
    def days_late(self) -> int:
        return -(self.days_to_review or 0)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    value: Callable[[AreaRow], Any]  # what it sorts by; None sorts last either way
    numeric: bool = False
    # The order its heading sorts in first: what needs attention at the top.
    descending_first: bool = False


def _summary(name: str) -> Callable[[AreaRow], Any]:
    return lambda row: getattr(row.summary, name) if row.summary and row.summary.period else None


def _signed_off(row: AreaRow) -> Any:
    period = row.summary.signed_off if row.summary else None
    return parse_partial_date(period.ends_on) if period else None


COLUMNS = [
    Column("area", "Local area", lambda row: row.area.name.lower()),
    Column("plan", "Plan", lambda row: row.plan.title.lower() if row.plan else None),
    Column(
        "outcome",
        "Inspection outcome",
        lambda row: row.area.get_inspection_outcome_display() or None,
    ),
    Column("signed_off", "Last period signed off", _signed_off),
    Column("on_track", "On track", _summary("on_track_percent"), numeric=True),
    Column("overdue", "Overdue", _summary("overdue"), numeric=True, descending_first=True),
    Column("missing", "Missing updates", _summary("missing"), numeric=True, descending_first=True),
    Column(
        "indicators",
        "Indicators off trajectory",
        lambda row: row.off_trajectory if row.indicator_count else None,
        numeric=True,
        descending_first=True,
    ),
    Column("review", "Next review", lambda row: row.days_to_review, numeric=True),
]
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}


def sort_rows(rows: list[AreaRow], key: str, descending: bool) -> list[AreaRow]:
    """Rows in the column's order, then by area and plan; a row with nothing in the column
    goes last whichever way the column is sorted."""
    column = COLUMNS_BY_KEY[key]
    by_name = sorted(
        rows, key=lambda row: (row.area.name.lower(), row.plan.title.lower() if row.plan else "")
    )
    known = [row for row in by_name if column.value(row) is not None]
    unknown = [row for row in by_name if column.value(row) is None]
    return sorted(known, key=column.value, reverse=descending) + unknown


@dataclass(frozen=True)
class Standing:
    """A plan's figures in its current period and its indicators' ratings: one row's worth."""

    summary: PlanSummary
    indicators: Counter[Rating]


def plan_standings(plans: list[Plan], *, today: dt.date) -> dict[int, Standing]:
    """Each plan's standing, worked out once for each change to the plan and each day and then
    read from the cache: an adviser's table of 153 areas reads 153 small entries instead of
    every action's ratings. Plans changed since (or new today) are worked out together, in a
    fixed number of queries."""

    def make(changed: list[Plan]) -> dict[int, Standing]:
        summaries = plans_summaries(changed, today=today)
        indicators = ratings_by_plan(changed)
        return {plan.pk: Standing(summaries[plan.pk], indicators[plan.pk]) for plan in changed}

    return kept_until_changed("standing", plans, today, make)


def area_rows(user: User, *, region: str = "", today: dt.date | None = None) -> list[AreaRow]:
    """A row for each plan of each area where the user holds a role (in the region, if one is
    given), and one for each such area with no plan yet, in a fixed number of queries."""
    today = today or timezone.localdate()
    visible = Area.objects.filter(memberships__user_id=user.pk).distinct()
    if region:
        visible = visible.filter(region=region)
    areas = list(visible)
    plans = list(Plan.objects.filter(area__in=areas).select_related("area"))
    standings = plan_standings(plans, today=today)
    rows = [
        AreaRow(
            area=plan.area,
            plan=plan,
            summary=standings[plan.pk].summary,
            indicators=standings[plan.pk].indicators,
            today=today,
        )
        for plan in plans
    ]
    with_plans = {plan.area_id for plan in plans}
    rows += [
        AreaRow(area=area, plan=None, summary=None, today=today)
        for area in areas
        if area.pk not in with_plans
    ]
    return rows
