"""One builder per report: each reads the plan and returns a plain object that the HTML, PDF
and DOCX renderers lay out without asking anything more of the database."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils import timezone

from sendplan.indicators.models import Indicator, IndicatorPoint
from sendplan.indicators.selectors import Figure, Rating, Series, indicator_series, period_date
from sendplan.lib.dates import parse_partial_date
from sendplan.monitoring import selectors
from sendplan.monitoring.models import EvidenceFile, ForumComment, Period, StatusUpdate
from sendplan.monitoring.progress import (
    ActionSignals,
    Change,
    StatusView,
    current_period,
    is_overdue,
    judged_on,
    plan_signals,
    standing,
)
from sendplan.monitoring.services import UpdateState
from sendplan.plans.models import (
    DueDateChange,
    Finding,
    GlossaryTerm,
    KeyDate,
    Meeting,
    Milestone,
    Person,
    Plan,
    Section,
    StatusLevel,
    Weakness,
)
from sendplan.plans.selectors import Upcoming, next_key_date
from sendplan.reports.data import (
    ActionData,
    PlanData,
    SectionData,
    load_plan,
    review_state,
    update_files,
)

NO_STATUS = StatusView(code="–", label="No status", colour="")


# Pieces several reports share


@dataclass
class StatusCount:
    status: StatusView
    count: int


@dataclass
class IndicatorRow:
    """A line of an indicator's table: a date, its target, the actual figure, and each
    comparator's figure for the date."""

    on: str  # as a person reads it: "March 2018"
    target: float | None
    target_text: str
    actual: float | None
    comparators: list[float | None]


@dataclass
class IndicatorView:
    """An indicator as the reports show it: the series its own page reads, of only the figures
    a board may rely on, with its rating; and the id of the table its chart says holds the
    same figures."""

    series: Series
    table_id: str

    @property
    def indicator(self) -> Indicator:
        return self.series.indicator

    @property
    def unit(self) -> str:
        return self.indicator.unit

    @property
    def rating(self) -> Rating:
        return self.series.rating

    @property
    def baseline(self) -> Figure | None:
        return self.series.baseline

    @property
    def comparator_names(self) -> list[str]:
        return list(self.series.comparators)

    @property
    def rows(self) -> list[IndicatorRow]:
        """The indicator page's table, with the words a target was set with."""
        texts = {t.words: t.point.text for t in self.series.targets if t.point and t.point.text}
        return [
            IndicatorRow(on, target, texts.get(on, ""), actual, compared)
            for on, target, actual, compared in self.series.rows()
        ]

    @property
    def undated_comparators(self) -> list[tuple[str, Figure]]:
        """Comparators for a period the chart cannot place, given in words instead."""
        return [
            (name, figure)
            for name, figures in self.series.comparators.items()
            for figure in figures
            if figure.date is None
        ]

    @property
    def has_figures(self) -> bool:
        return bool(self.series.rows() or self.baseline)


@dataclass
class HistoryCell:
    period: Period
    status: StatusView | None


@dataclass
class UpdateView:
    """A status update as a reader of a report sees it."""

    update: StatusUpdate
    status: StatusView
    state: str  # recorded, submitted, approved, returned, in words

    @property
    def files(self) -> list[EvidenceFile]:
        return update_files(self.update)


def status_counts(statuses: list[StatusView], levels: list[StatusLevel]) -> list[StatusCount]:
    """How many of each status, in the order of the plan's scale, then anything else."""
    counter = Counter(s.code for s in statuses)
    views = {s.code: s for s in statuses}
    order = [level.code for level in levels if level.code in counter]
    order += sorted(code for code in counter if code not in order)
    return [StatusCount(views[code], counter[code]) for code in order]


def indicator_views(indicators: list[Indicator], *, prefix: str = "") -> list[IndicatorView]:
    """Each indicator as its page reads it, from the figures a board may rely on (approved, or
    recorded without review); a figure waiting for review or returned is left out. `prefix`
    keeps the tables' ids apart where one indicator is shown more than once on a page."""
    return [
        IndicatorView(indicator_series(indicator, settled=True), f"{prefix}figures-{indicator.pk}")
        for indicator in indicators
    ]


@dataclass
class FigureCell:
    """An indicator's target and actual for one monitoring period, for the spreadsheets."""

    period: Period
    target: float | None  # on the trajectory, on the period's last day
    actual: IndicatorPoint | None  # the figure that counts for the period


@dataclass
class IndicatorFigures:
    indicator: Indicator
    baseline: IndicatorPoint | None
    periods: list[FigureCell]


def indicator_figures(data: PlanData) -> list[IndicatorFigures]:
    """Each indicator's baseline, and its target and actual in every period of the plan. The
    actual is the newest figure recorded for the period; for a figure that answers no period
    (one loaded from a DfE file, or from the plan document), the one dated the period's end."""
    found = []
    for indicator in data.indicators:
        series = indicator_series(indicator, comparators=False)
        points = list(indicator.points.all())
        cells = []
        for period in data.periods:
            end = period_date(period.ends_on)
            answered = [p for p in points if p.period_id == period.pk]
            dated = [a.point for a in series.actuals if end and a.date == end and a.point]
            target = series.target_at(end) if end else None
            counted = answered or dated
            cells.append(
                FigureCell(
                    period=period,
                    target=round(target, 2) if target is not None else None,
                    actual=counted[-1] if counted else None,
                )
            )
        baseline = series.baseline.point if series.baseline else None
        found.append(IndicatorFigures(indicator=indicator, baseline=baseline, periods=cells))
    return found


def update_view(update: StatusUpdate, data: PlanData) -> UpdateView:
    return UpdateView(
        update=update,
        status=data.status(update.status) if update.status else NO_STATUS,
        state=UpdateState.LABELS[review_state(update)],
    )


def history(item: ActionData, periods: list[Period]) -> list[HistoryCell]:
    return [HistoryCell(period, cell) for period, cell in zip(periods, item.cells, strict=True)]


def _today() -> dt.date:
    return timezone.localdate()


# The board highlight report: a first page that says what to worry about, the actions that
# need the board's attention, and every action's status in an appendix.

# The trend shows the report's period and the periods before it, up to this many in all.
TREND_PERIODS = 4


@dataclass
class BoardAction:
    """An action as the board sees it in a period. Its status is the latest rating given up to
    the period: an action completed earlier is not asked for an update again, and is still
    complete. `signals` says what happened in the period itself."""

    item: ActionData
    signals: ActionSignals
    latest: StatusUpdate | None  # the newest rating up to the period, in it or before
    status: StatusView
    missing: bool = False  # asked for an update, gave none by the deadline, and not done
    reasons: list[str] = field(default_factory=list)  # why the board should look at it

    @property
    def update(self) -> StatusUpdate | None:
        return self.signals.update

    @property
    def carried(self) -> bool:
        """Rated in an earlier period, with no update in this one."""
        return self.latest is not None and self.signals.update is None

    @property
    def overdue(self) -> bool:
        """As the read model judges it, so that the report and the pages agree."""
        return self.signals.overdue

    @property
    def worse(self) -> bool:
        return self.update is not None and self.signals.change == Change.WORSE

    @property
    def needs_attention(self) -> bool:
        """An exception: it got worse, is overdue, or its update was returned."""
        return self.worse or self.overdue or self.signals.returned

    @property
    def narrative(self) -> str:
        return self.latest.narrative if self.latest else ""


@dataclass
class SectionCounts:
    section: Section
    counts: list[StatusCount]
    total: int


@dataclass
class Rebaseline:
    item: ActionData
    change: DueDateChange


@dataclass
class BoardSection:
    section: Section
    depth: int
    actions: list[BoardAction]


@dataclass
class TrendRow:
    """Where the plan stood at the end of one period."""

    period: Period
    counts: list[int]  # in the order of BoardReport.trend_statuses
    overdue: int


@dataclass
class MissingByLead:
    lead: str
    actions: list[BoardAction]

    @property
    def refs(self) -> list[str]:
        return [row.item.ref or row.item.action.title for row in self.actions]


# A list of actions named in a sentence stops after this many refs.
REFS_SHOWN = 12


def named(rows: list[BoardAction] | list[Rebaseline]) -> str:
    """ "1.1.1, 2.3.4 and 5 more": actions in a sentence, by ref."""
    names = [row.item.ref or row.item.action.title[:40] for row in rows]
    if len(names) > REFS_SHOWN:
        return f"{', '.join(names[:REFS_SHOWN])} and {len(names) - REFS_SHOWN} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return "".join(names)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass
class Headline:
    """A line of the first page: a figure, in bold, and what it is about."""

    figure: str
    detail: str = ""


@dataclass
class BoardReport:
    plan: Plan
    period: Period
    previous: Period | None
    made_on: dt.date
    levels: list[StatusLevel]
    overall: list[StatusCount]
    by_section: list[SectionCounts]
    trend_statuses: list[StatusView]
    trend: list[TrendRow]
    improved: list[BoardAction]
    worse: list[BoardAction]
    newly_done: list[BoardAction]
    overdue: list[BoardAction]
    newly_overdue: list[BoardAction]
    returned: list[BoardAction]
    missing: list[BoardAction]
    asked: int  # updates asked for in the period
    rebaselined: list[Rebaseline]
    exceptions: list[BoardAction]  # got worse, overdue or returned
    sections: list[BoardSection]
    indicators: list[IndicatorView]
    forum: list[ForumComment]
    total: int

    # The first page is the report: no title page before it.
    brief = True

    @property
    def title(self) -> str:
        return f"Board highlight report: {self.period.label}"

    @property
    def since(self) -> str:
        return self.previous.label if self.previous else "the start"

    @property
    def headlines(self) -> list[Headline]:
        """What needs the board's attention, in a few lines, the same in every format."""
        lines = [
            Headline(
                f"{len(self.overdue)} overdue",
                f", of which {len(self.newly_overdue)} newly overdue: {named(self.newly_overdue)}"
                if self.newly_overdue
                else "",
            ),
            Headline(
                f"{len(self.worse)} got worse",
                f" since {self.since}" + (f": {named(self.worse)}" if self.worse else ""),
            ),
            Headline(
                f"{_plural(len(self.returned), 'update')} returned",
                " to the lead" + (f": {named(self.returned)}" if self.returned else ""),
            ),
            Headline(
                f"{_plural(len(self.missing), 'update')} not given", f" of {self.asked} asked for"
            )
            if self.asked
            else Headline("", "No updates were asked for through the cycle"),
            Headline(
                f"{_plural(len(self.rebaselined), 'due date')} moved",
                " (re-baselined)" + (f": {named(self.rebaselined)}" if self.rebaselined else ""),
            ),
            Headline("", f"{len(self.improved)} improved and {len(self.newly_done)} newly done"),
            Headline("", f"{_plural(len(self.forum), 'comment')} from the parent carer forum"),
        ]
        return lines

    @property
    def missing_by_lead(self) -> list[MissingByLead]:
        """The actions whose update is missing and that are not among the exceptions, by lead:
        whom to chase, in a few lines however many there are."""
        found: dict[str, list[BoardAction]] = {}
        for row in self.missing:
            if not row.needs_attention:
                found.setdefault(row.item.lead_names or "Lead not given", []).append(row)
        return [MissingByLead(lead, rows) for lead, rows in found.items()]


def _late(period: Period, today: dt.date) -> bool:
    """Whether the period's updates are late by now: after its deadline, else after its end."""
    deadline = period.deadline or parse_partial_date(period.ends_on)
    return deadline is None or today > deadline


def _board_action(
    item: ActionData,
    signals: ActionSignals,
    rated: dict[int, StatusUpdate],
    late: bool,
    data: PlanData,
) -> BoardAction:
    latest = rated.get(item.action.pk)
    status = data.status(latest.status) if latest else NO_STATUS
    row = BoardAction(item, signals, latest, status)
    # A missing update matters once it is late, and not for an action already done.
    row.missing = signals.missing and late and not status.done
    if row.worse:
        row.reasons.append("Got worse")
    if row.overdue:
        row.reasons.append("Newly overdue" if signals.newly_overdue else "Overdue")
    if signals.returned:
        row.reasons.append("Update returned to the lead")
    if row.missing:
        row.reasons.append("No update given")
    return row


def _in_period(when: dt.datetime | None, start: dt.date | None, end: dt.date | None) -> bool:
    if when is None:
        return False
    day = timezone.localtime(when).date()
    return (start is None or day > start) and (end is None or day <= end)


def _forum_in_period(
    comment: ForumComment, period: Period, start: dt.date | None, end: dt.date | None
) -> bool:
    """A comment given for the period, or one given for no period while it was the newest."""
    if comment.period_id is not None:
        return comment.period_id == period.pk
    return _in_period(comment.at, start, end)


def _trend(
    data: PlanData, period: Period, today: dt.date
) -> tuple[list[StatusView], list[TrendRow]]:
    """How many actions stood at each status, and how many were overdue, at the end of each
    of the last few periods, by the same rules as the report's own period."""
    index = data.periods.index(period)
    window = data.periods[max(0, index - TREND_PERIODS + 1) : index + 1]
    counted: list[tuple[Period, Counter[str], int]] = []
    for shown in window:
        on = judged_on(shown, today)
        codes: Counter[str] = Counter()
        overdue = 0
        for item in data.actions:
            status = data.status(standing(data.history.get(item.action.pk, []), shown))
            codes[status.code] += 1
            overdue += is_overdue(item.due_date, status, on)
        counted.append((shown, codes, overdue))
    every = [data.status(code) for _, codes, _ in counted for code in codes]
    statuses = [c.status for c in status_counts(every, data.levels)]
    rows = [
        TrendRow(shown, [codes.get(s.code, 0) for s in statuses], overdue)
        for shown, codes, overdue in counted
    ]
    return statuses, rows


def default_board_period(plan: Plan) -> Period | None:
    """The newest period anything has been reported for, else the current one: a period just
    opened has nothing in it yet to take to the board."""
    reported = plan.periods.filter(updates__isnull=False).order_by("-position").first()
    return reported or current_period(plan)


def build_board_report(
    plan: Plan, period: Period, *, today: dt.date | None = None, data: PlanData | None = None
) -> BoardReport:
    today = today or _today()
    # Where each action stands, from the ratings and the few updates the report quotes.
    data = data or load_plan(plan, updates=False)
    actions = [item.action for item in data.actions]
    signals = plan_signals(plan, period, actions=actions, today=today, history=data.history)
    rated = selectors.newest_rated(period)
    late = _late(period, today)
    rows = [
        _board_action(item, signal, rated, late, data)
        for item, signal in zip(data.actions, signals.actions, strict=True)
    ]
    by_id = {row.item.action.pk: row for row in rows}

    previous = signals.previous_period
    start = parse_partial_date(previous.ends_on) if previous else None
    # Dates are moved, and the forum comments, between board meetings: what is decided or
    # said after the last period ended belongs to the newest period, however late.
    end = None if period == data.periods[-1] else parse_partial_date(period.ends_on)
    rebaselined = [
        Rebaseline(item, change)
        for item in data.actions
        for change in item.rebaselines
        if _in_period(change.decided_at, start, end)
    ]

    def counted(items: list[ActionData]) -> list[StatusCount]:
        return status_counts([by_id[i.action.pk].status for i in items], data.levels)

    sections = [
        BoardSection(node.section, node.depth, [by_id[i.action.pk] for i in node.actions])
        for node in data.sections()
    ]
    trend_statuses, trend = _trend(data, period, today)
    return BoardReport(
        plan=plan,
        period=period,
        previous=previous,
        made_on=today,
        levels=data.levels,
        overall=counted(data.actions),
        by_section=[
            SectionCounts(root.section, counted(root.all_actions()), len(root.all_actions()))
            for root in data.roots
        ],
        trend_statuses=trend_statuses,
        trend=trend,
        improved=[r for r in rows if r.update and r.signals.change == Change.IMPROVED],
        worse=[r for r in rows if r.worse],
        newly_done=[r for r in rows if r.update and r.signals.newly_done],
        overdue=[r for r in rows if r.overdue],
        newly_overdue=[r for r in rows if r.signals.newly_overdue and r.overdue],
        returned=[r for r in rows if r.signals.returned],
        missing=[r for r in rows if r.missing],
        asked=signals.count_requested,
        rebaselined=rebaselined,
        exceptions=[r for r in rows if r.needs_attention],
        sections=[s for s in sections if s.actions],
        indicators=[v for v in indicator_views(data.indicators) if v.has_figures],
        forum=[
            c
            for c in plan.forum_comments.select_related("action")
            if _forum_in_period(c, period, start, end)
        ],
        total=len(rows),
    )


# The evidence pack


@dataclass
class EvidenceAction:
    item: ActionData
    history: list[HistoryCell]
    updates: list[UpdateView]


@dataclass
class EvidenceWeakness:
    weakness: Weakness
    findings: list[Finding]
    sections: list[Section]
    actions: list[EvidenceAction]
    indicators: list[IndicatorView]


@dataclass
class TimelineDate:
    """A date on the plan's inspection timeline, as the day the pack was made sees it."""

    key_date: KeyDate
    day: dt.date | None
    days: int | None  # how far off from the day the pack was made; negative once passed

    @property
    def when(self) -> str:
        if self.days is None:
            return "–"
        if self.days < 0:
            return "Passed"
        if self.days == 0:
            return "Today"
        return f"In {self.days} day{'' if self.days == 1 else 's'}"


@dataclass
class EvidencePack:
    plan: Plan
    made_on: dt.date
    periods: list[Period]
    key_dates: list[TimelineDate]  # the inspection timeline, earliest first
    prepared_for: Upcoming | None  # the next review or inspection from the day it was made
    weaknesses: list[EvidenceWeakness]
    unlinked: list[EvidenceAction]  # actions that answer no area of weakness
    # Where this is one part of the pack, printed on its own (reports.evidence), its name: "Area
    # of weakness 2". Blank for the whole pack.
    part: str = ""

    @property
    def title(self) -> str:
        return f"Evidence pack: {self.part}" if self.part else "Evidence pack"

    @property
    def printed_periods(self) -> list[Period]:
        """The periods whose progress reports the pack prints. A part prints every period's;
        the whole pack the latest few, as the plan document does: a plan monitored monthly for
        two years has thousands of reports, more than a PDF can be made of in good time (or a
        reader take in). Each action's status in every period is still printed, and a part,
        the page of its area of weakness and the Word document give every report."""
        return self.periods if self.part else self.periods[-PRINTED_PERIODS:]

    def printed_updates(self, action: EvidenceAction) -> PrintedUpdates:
        """The action's progress reports in the printed periods, oldest first, and how many
        earlier ones are left out."""
        if len(self.printed_periods) == len(self.periods):
            return PrintedUpdates(action.updates, 0)
        printed = {period.pk for period in self.printed_periods}
        shown = [view for view in action.updates if view.update.period_id in printed]
        return PrintedUpdates(shown, len(action.updates) - len(shown))


@dataclass
class PrintedUpdates:
    """What the printed pack gives of an action's progress reports."""

    shown: list[UpdateView]
    earlier: int  # reports of earlier periods, left out


def inspection_timeline(key_dates: list[KeyDate], today: dt.date) -> list[TimelineDate]:
    """The plan's key dates, earliest first; a date that cannot be read goes last."""
    found = []
    for key_date in key_dates:
        day = parse_partial_date(key_date.on)
        found.append(TimelineDate(key_date, day, (day - today).days if day else None))
    return sorted(found, key=lambda d: (d.day is None, d.day or dt.date.min))


def answering_sections(
    weakness: Weakness, nodes: list[SectionData]
) -> tuple[list[SectionData], list[SectionData]]:
    """The sections linked to the weakness, and those with every section below them: the
    parts of the plan whose actions answer it, in the plan's order. `nodes` is the plan's
    sections in tree order, each read with its weaknesses."""
    answering = [n for n in nodes if weakness in n.section.weaknesses.all()]
    covered: list[SectionData] = []
    for node in answering:
        covered += [n for n in node.walk() if n not in covered]
    return answering, covered


def section_refs(nodes: list[SectionData]) -> set[str]:
    return {n.section.ref for n in nodes if n.section.ref}


def weakness_indicators(
    views: list[IndicatorView], refs: set[str], number: int
) -> list[IndicatorView]:
    """The indicators of the sections that answer a weakness. An indicator can answer more
    than one weakness: its table's id names which."""
    return [
        replace(view, table_id=f"weakness-{number}-{view.table_id}")
        for view in views
        if view.indicator.section_ref in refs
    ]


def evidence_action(item: ActionData, data: PlanData) -> EvidenceAction:
    return EvidenceAction(
        item=item,
        history=history(item, data.periods),
        updates=[update_view(u, data) for u in item.updates],
    )


def build_evidence_pack(
    plan: Plan, *, today: dt.date | None = None, data: PlanData | None = None
) -> EvidencePack:
    data = data or load_plan(plan)
    today = today or _today()
    nodes = data.sections()
    views = indicator_views(data.indicators)
    key_dates = list(plan.key_dates.all())

    linked: set[int] = set()
    weaknesses = []
    for number, weakness in enumerate(plan.weaknesses.prefetch_related("findings"), start=1):
        answering, covered = answering_sections(weakness, nodes)
        items = [item for node in covered for item in node.actions]
        linked.update(item.action.pk for item in items)
        refs = section_refs(covered)
        weaknesses.append(
            EvidenceWeakness(
                weakness=weakness,
                findings=list(weakness.findings.all()),
                sections=[n.section for n in answering],
                actions=[evidence_action(item, data) for item in items],
                indicators=weakness_indicators(views, refs, number),
            )
        )
    return EvidencePack(
        plan=plan,
        made_on=today,
        periods=data.periods,
        key_dates=inspection_timeline(key_dates, today),
        prepared_for=next_key_date([d for d in key_dates if d.is_review], today),
        weaknesses=weaknesses,
        unlinked=[evidence_action(i, data) for i in data.actions if i.action.pk not in linked],
    )


# The timeline of actions by quarter


@dataclass
class Quarter:
    label: str  # "January to March 2018"
    short: str  # "Jan–Mar 18", for a chart's axis
    actions: list[ActionData]


@dataclass
class Timeline:
    quarters: list[Quarter]
    undated: list[ActionData]  # due "Termly", "TBC", or not at all

    title = "Timeline of actions by quarter"

    @property
    def most(self) -> int:
        return max((len(q.actions) for q in self.quarters), default=0)


_QUARTER_MONTHS = {1: ("January", "March"), 2: ("April", "June"), 3: ("July", "September")}
_QUARTER_MONTHS[4] = ("October", "December")


def build_timeline(data: PlanData) -> Timeline:
    """Actions by the calendar quarter they are due in, every quarter from first to last."""
    by_quarter: dict[tuple[int, int], list[ActionData]] = {}
    undated = []
    for item in data.actions:
        due = item.due_date
        if due is None:
            undated.append(item)
            continue
        by_quarter.setdefault((due.year, (due.month - 1) // 3 + 1), []).append(item)
    quarters = []
    if by_quarter:
        year, number = min(by_quarter)
        while (year, number) <= max(by_quarter):
            first, last = _QUARTER_MONTHS[number]
            quarters.append(
                Quarter(
                    label=f"{first} to {last} {year}",
                    short=f"{first[:3]}–{last[:3]} {year % 100:02d}",
                    actions=by_quarter.get((year, number), []),
                )
            )
            year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    return Timeline(quarters=quarters, undated=undated)


# The plan document


@dataclass
class DocWeakness:
    weakness: Weakness
    findings: list[Finding]
    sections: list[Section]  # the sections that answer it, with their intended outcomes


@dataclass
class DocSection:
    node: SectionData
    milestones: list[Milestone]
    rows: list[tuple[ActionData, list[HistoryCell]]]

    @property
    def section(self) -> Section:
        return self.node.section


@dataclass
class Officer:
    person: Person
    leads: list[ActionData]
    owns: list[Section]


@dataclass
class PlanDocument:
    plan: Plan
    made_on: dt.date
    levels: list[StatusLevel]
    periods: list[Period]
    weaknesses: list[DocWeakness]
    sections: list[DocSection]
    indicators: list[IndicatorView]
    timeline: Timeline
    officers: list[Officer]
    costs: list[ActionData]
    total_cost: Decimal
    glossary: list[GlossaryTerm]
    meetings: list[Meeting]

    @property
    def title(self) -> str:
        return self.plan.title

    @property
    def printed_periods(self) -> list[Period]:
        """The periods whose statuses the printed plan gives, a column each: the latest few.
        More columns than these do not fit across a page and still say anything; the tracker
        and the evidence pack give every period."""
        return self.periods[-PRINTED_PERIODS:]

    @property
    def printed_slice(self) -> str:
        """Each row's cells for the printed periods, as the template's slice filter takes it."""
        return f"{-len(self.printed_periods)}:" if self.printed_periods else ":0"


# The monitoring periods whose statuses the printed plan document shows (PlanDocument), and
# whose progress reports the printed whole evidence pack gives (EvidencePack).
PRINTED_PERIODS = 8


def build_plan_document(
    plan: Plan, *, today: dt.date | None = None, data: PlanData | None = None
) -> PlanDocument:
    data = data or load_plan(plan)
    nodes = data.sections()
    weaknesses = [
        DocWeakness(
            weakness=w,
            findings=list(w.findings.all()),
            sections=[n.section for n in nodes if w in n.section.weaknesses.all()],
        )
        for w in plan.weaknesses.prefetch_related("findings")
    ]
    officers = []
    for person in data.people:
        leads = [item for item in data.actions if person in item.leads]
        owns = [n.section for n in nodes if person in n.owners]
        if leads or owns:
            officers.append(Officer(person, leads, owns))
    return PlanDocument(
        plan=plan,
        made_on=today or _today(),
        levels=data.levels,
        periods=data.periods,
        weaknesses=weaknesses,
        sections=[
            DocSection(
                node=node,
                milestones=list(node.section.milestones.all()),
                rows=[(item, history(item, data.periods)) for item in node.actions],
            )
            for node in nodes
        ],
        indicators=indicator_views(data.indicators),
        timeline=build_timeline(data),
        officers=officers,
        costs=[i for i in data.actions if i.action.cost is not None or i.action.cost_text],
        total_cost=data.total_cost,
        glossary=list(plan.glossary.all()),
        meetings=list(plan.meetings.all()),
    )
