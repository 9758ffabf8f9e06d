"""Reading the open data CSV files that the DfE publishes on explore-education-statistics.

They are "tidy": one row per time period, place and combination of filters, with columns
time_period, time_identifier, geographic_level, country_name, region_code, region_name,
new_la_code, la_name, then filters and indicator columns. The local area's own row becomes
actual figures; England, the area's region and its statistical neighbours become comparators.

Suppressed or missing figures (DfE writes c, z, x, low, u and others) are kept as gaps, never
as zero. Any problem names its row and column, and a file with a problem saves nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from sendplan.audit.services import Actor
from sendplan.indicators.models import Comparator, Indicator, IndicatorPoint
from sendplan.indicators.services import indicator_change_figures

REQUIRED = ("time_period", "time_identifier", "geographic_level")
# The DfE's symbols for figures that are not published: confidential, not applicable, not
# available, rounds to zero, low reliability, and the like.
SUPPRESSED = {"c", "z", "x", "low", "u", "k", ":", "~", "-", ".", ""}
# The month each kind of period ends in, so that a year's figure sits at its end on a chart.
PERIOD_ENDS = {
    "academic year": ("08", 1),
    "financial year": ("03", 1),
    "tax year": ("04", 1),
    "calendar year": ("12", 0),
    "reporting year": ("12", 0),
}


class DfeFileError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Figure:
    row: int
    on: str  # YYYY-MM, the end of the period
    period: str  # as DfE names it: 2023/24
    value: float | None  # None: suppressed, kept as a gap


@dataclass
class Loaded:
    area: str
    actuals: list[Figure] = field(default_factory=list)
    comparators: dict[str, list[Figure]] = field(default_factory=dict)

    @property
    def gaps(self) -> list[Figure]:
        return [f for f in self.actuals if f.value is None]


def _period(row: dict[str, str], number: int) -> tuple[str, str]:
    raw, kind = row["time_period"].strip(), row["time_identifier"].strip()
    ends = PERIOD_ENDS.get(kind.casefold())
    if ends is None or not raw.isdigit() or len(raw) not in (4, 6):
        raise ValueError(
            f"Row {number}, columns time_period and time_identifier: “{raw}” “{kind}” is not a "
            "period sendplan reads (academic, financial, tax or calendar years such as 202324 "
            "or 2023)"
        )
    month, years_on = ends
    start = int(raw[:4])
    if len(raw) == 6:
        return f"{start + years_on}-{month}", f"{start}/{raw[4:]}"
    return f"{start}-{month}", raw


def _value(row: dict[str, str], column: str, number: int) -> float | None:
    text = (row.get(column) or "").strip()
    if text.casefold() in SUPPRESSED:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise ValueError(
            f"Row {number}, column {column}: “{text[:40]}” is not a number or one of the "
            "DfE's symbols for a suppressed figure (c, z, x, low)"
        ) from None


def read_dfe_csv(
    data: bytes,
    *,
    column: str,
    area: str,
    filters: dict[str, str] | None = None,
    neighbours: list[str] | None = None,
) -> Loaded:
    """Read one indicator column for an area (its la_name or new_la_code)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DfeFileError(["The file is not text in UTF-8: save it as CSV UTF-8"]) from None
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    missing = [c for c in (*REQUIRED, column, *(filters or {})) if c not in columns]
    if missing:
        raise DfeFileError(
            [
                f"Row 1: the file has no column {name}. A DfE open data file has columns such "
                "as time_period, time_identifier, geographic_level, new_la_code and la_name"
                for name in missing
            ]
        )
    wanted = {area.casefold()}
    neighbours_wanted = {n.strip().casefold() for n in neighbours or [] if n.strip()}
    loaded = Loaded(area=area)
    problems: list[str] = []
    region = ""
    rows = list(reader)
    own_rows = []
    for number, row in enumerate(rows, start=2):
        if any((row.get(k) or "").strip() != v for k, v in (filters or {}).items()):
            continue
        level = (row.get("geographic_level") or "").strip().casefold()
        names = {(row.get("la_name") or "").strip().casefold()}
        names.add((row.get("new_la_code") or "").strip().casefold())
        names.add((row.get("old_la_code") or "").strip().casefold())
        try:
            if level == "local authority" and names & wanted:
                on, period = _period(row, number)
                loaded.actuals.append(Figure(number, on, period, _value(row, column, number)))
                region = region or (row.get("region_name") or "").strip()
                own_rows.append(number)
            elif level == "local authority" and names & neighbours_wanted:
                on, period = _period(row, number)
                name = (row.get("la_name") or "").strip()
                figure = Figure(number, on, period, _value(row, column, number))
                loaded.comparators.setdefault(name, []).append(figure)
            elif level == "national":
                on, period = _period(row, number)
                name = (row.get("country_name") or "").strip() or "England"
                figure = Figure(number, on, period, _value(row, column, number))
                loaded.comparators.setdefault(name, []).append(figure)
        except ValueError as error:
            problems.append(str(error))
    if region:
        for number, row in enumerate(rows, start=2):
            level = (row.get("geographic_level") or "").strip().casefold()
            if level != "regional" or (row.get("region_name") or "").strip() != region:
                continue
            if any((row.get(k) or "").strip() != v for k, v in (filters or {}).items()):
                continue
            try:
                on, period = _period(row, number)
                figure = Figure(number, on, period, _value(row, column, number))
                loaded.comparators.setdefault(region, []).append(figure)
            except ValueError as error:
                problems.append(str(error))
    if not own_rows and not problems:
        shown = ", ".join(f"{k}={v}" for k, v in (filters or {}).items())
        problems.append(
            f"No row of the file is for {area} (matched against la_name and new_la_code)"
            + (f" with {shown}" if shown else "")
        )
    periods = [f.on for f in loaded.actuals]
    repeated = sorted({p for p in periods if periods.count(p) > 1})
    if repeated and not problems:
        rows_of = [str(f.row) for f in loaded.actuals if f.on in repeated]
        problems.append(
            f"Rows {', '.join(rows_of)}: more than one row for {area} in the same period; "
            "choose one with --filter, such as --filter age_group=Total"
        )
    if problems:
        raise DfeFileError(problems)
    return loaded


@transaction.atomic
def indicator_load_dfe(*, actor: Actor, indicator: Indicator, loaded: Loaded, source: str) -> int:
    """Save what was read: the area's figures as actuals (a figure that differs from the one
    held for its period is kept beside it as a correction), and the comparators, replacing
    any of the same name and period. Returns how many figures were new or changed."""
    held = {}
    for point in indicator.points.filter(kind=IndicatorPoint.Kind.ACTUAL):
        held[point.on] = point.value
    actuals = [
        {"on": f.on, "value": f.value, "text": f"DfE figure for {f.period}", "source": source}
        for f in loaded.actuals
        if f.value is not None and held.get(f.on) != f.value
    ]
    comparators = [
        {"name": name, "on": f.on, "value": f.value}
        for name, figures in loaded.comparators.items()
        for f in figures
        if f.value is not None
    ]
    replaced = {(c["name"], c["on"]) for c in comparators}
    stale = [c.pk for c in indicator.comparators.all() if (c.name, c.on) in replaced]
    indicator_change_figures(
        actor=actor,
        indicator=indicator,
        actuals=actuals,
        comparators=comparators,
        remove_comparators=Comparator.objects.filter(pk__in=stale),
    )
    return len(actuals)
