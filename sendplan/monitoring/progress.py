"""Where a plan stands: each action's latest status, what is overdue or due soon, and its
standing in a period (the signals). This is the status read model: each page reads the ratings
once through monitoring.selectors (for one plan, or for every plan on the home page) and works
every figure out from them here, so that the home page, overview, action page and board report
agree because they compute the same thing from the same rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from django.conf import settings
from django.utils import timezone

from sendplan.lib.dates import parse_partial_date
from sendplan.monitoring import selectors
from sendplan.monitoring.models import Period, StatusUpdate
from sendplan.monitoring.selectors import History, PeriodRow, Rating
from sendplan.monitoring.services import UpdateState, update_state
from sendplan.plans.models import Action, Plan, Section, StatusLevel
from sendplan.plans.selectors import section_tree

DUE_SOON_DAYS = 30


@dataclass
class StatusView:
    """A status as people read it: the code as written and the scale's words for it."""

    code: str
    label: str
    colour: str
    done: bool = False

    @classmethod
    def of(cls, code: str, scale: dict[str, StatusLevel]) -> StatusView:
        parts = [scale.get(part) for part in code.split("/")] if code else []
        known = [p for p in parts if p is not None]
        if not known:
            return cls(
                code=code or "–", label="No status" if not code else "Not on the scale", colour=""
            )
        return cls(
            code=code,
            label=" / ".join(p.label for p in known),
            colour=known[0].colour,
            done=len(known) == len(parts) and all(p.done for p in known),
        )


@dataclass
class ActionProgress:
    action: Action
    latest: Rating | None
    status: StatusView
    last_updated: dt.datetime | None
    due_date: dt.date | None
    overdue: bool
    due_soon: bool


@dataclass
class SectionProgress:
    section: Section
    depth: int
    actions: list[ActionProgress] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[StatusView, int]]:
        counter = Counter(a.status.code for a in self.actions)
        views = {a.status.code: a.status for a in self.actions}
        return [(views[code], n) for code, n in counter.most_common()]

    @property
    def overdue(self) -> int:
        return sum(a.overdue for a in self.actions)

    @property
    def due_soon(self) -> int:
        return sum(a.due_soon for a in self.actions)

    @property
    def last_updated(self) -> dt.datetime | None:
        times = [a.last_updated for a in self.actions if a.last_updated]
        return max(times) if times else None


def is_overdue(due: dt.date | None, status: StatusView, on: dt.date) -> bool:
    """The one meaning of overdue, on every page and in every report: the due date had passed
    on the day judged, and the action's status does not count as done."""
    return bool(due and due < on and not status.done)


def is_due_soon(due: dt.date | None, status: StatusView, today: dt.date) -> bool:
    return bool(
        due and today <= due <= today + dt.timedelta(days=DUE_SOON_DAYS) and not status.done
    )


class _Ending(Protocol):
    @property
    def ends_on(self) -> str: ...


def judged_on(period: _Ending, today: dt.date) -> dt.date:
    """The day a period's overdue actions are judged on: its end once it is over, today while
    it runs. A board report for a past period says what was overdue then, and no action is
    called overdue for a date that came after the last rating it could have been given."""
    end = parse_partial_date(period.ends_on)
    return min(today, end) if end else today


def standing(history: list[Rating], period: Period) -> str:
    """The status an action stands at in a period: its newest rating with a status, in the
    period or before it. With no update in the period (or one that gives no status) an action
    completed earlier is still complete, not overdue."""
    for rating in reversed(history):
        if rating.status and rating.position <= period.position:
            return rating.status
    return ""


def status_scale(plan: Plan) -> dict[str, StatusLevel]:
    return {level.code: level for level in plan.status_levels.all()}


Latest = tuple[dict[int, Rating], dict[int, dt.datetime]]


def latest_of(history: History, reported: dict[int, dt.datetime]) -> Latest:
    """Each action's newest rating, from ratings already loaded, and when it last reported."""
    return {pk: rated[-1] for pk, rated in history.items() if rated}, reported


def action_progress(
    actions: list[Action],
    scale: dict[str, StatusLevel],
    today: dt.date | None = None,
    *,
    latest: Latest | None = None,
) -> list[ActionProgress]:
    """Each action's latest status. The ratings come from `latest` when the page has them,
    else from the database, one row per action."""
    today = today or timezone.localdate()
    newest, reported = selectors.latest_ratings(actions) if latest is None else latest
    result = []
    for action in actions:
        rating = newest.get(action.pk)
        status = StatusView.of(rating.status if rating else "", scale)
        due = action.due_date
        result.append(
            ActionProgress(
                action=action,
                latest=rating,
                status=status,
                last_updated=reported.get(action.pk),
                due_date=due,
                overdue=is_overdue(due, status, today),
                due_soon=is_due_soon(due, status, today),
            )
        )
    return result


# Every section with its actions' progress, every action's progress, and the plan's signals.
PlanProgress = tuple[list[SectionProgress], list[ActionProgress], "PlanSignals"]


def take_standing(
    progress: list[ActionProgress],
    signals: PlanSignals | PlanHeadline,
    today: dt.date | None = None,
) -> None:
    """Give each action the status and overdue of its standing in the signals' period, so
    that a page's headline, its tables and its signals count the same actions."""
    if signals.period is None:
        return
    today = today or timezone.localdate()
    standing = signals.standing()
    for item in progress:
        seen = standing.get(item.action.pk)
        if seen is not None:
            item.status, item.overdue = seen
            item.due_soon = is_due_soon(item.due_date, item.status, today)


def plan_progress(
    plan: Plan, today: dt.date | None = None, *, history: History | None = None
) -> PlanProgress:
    """Every section in tree order with the progress of the actions on and below it, and the
    plan's signals in its current period, which the progress takes its overdue from."""
    sections = list(plan.sections.all())
    # The leads are not read: the overview's lists show each action's leads as written.
    actions = list(Action.objects.filter(section__plan=plan).select_related("section"))
    latest = (
        latest_of(history, selectors.last_reported(plans=[plan])) if history is not None else None
    )
    progress = action_progress(actions, status_scale(plan), today, latest=latest)
    signals = plan_signals(plan, actions=actions, today=today, history=history)
    take_standing(progress, signals, today)
    by_section: dict[int | None, list[ActionProgress]] = {}
    for item in progress:
        by_section.setdefault(item.action.section_id, []).append(item)
    rows: list[SectionProgress] = []
    for node in section_tree(sections):
        row = SectionProgress(section=node.section, depth=node.depth)
        row.actions = [a for s in node.subtree() for a in by_section.get(s.pk, [])]
        rows.append(row)
    return rows, progress, signals


def history_table(
    actions: list[Action],
    periods: list[Period],
    scale: dict[str, StatusLevel],
    *,
    history: History | None = None,
) -> list[tuple[Action, list[StatusView | None]]]:
    """One row per action, one cell per period: the latest status reported for that period."""
    history = selectors.ratings(actions=actions) if history is None else history
    cells: dict[tuple[int, int], Rating] = {}
    for rated in history.values():
        for rating in rated:
            cells[(rating.action_id, rating.period_id)] = rating
    table = []
    for action in actions:
        row: list[StatusView | None] = []
        for period in periods:
            cell = cells.get((action.pk, period.pk))
            row.append(StatusView.of(cell.status, scale) if cell else None)
        table.append((action, row))
    return table


# Signals: what a programme manager and the board should look at first.


class Change:
    """How an action's status moved since the period before."""

    IMPROVED = "improved"
    WORSE = "worse"
    UNCHANGED = "unchanged"
    FIRST = "first"  # no status in the period before to compare with
    NOT_COMPARABLE = "not comparable"  # not started, or off the scale

    LABELS = {
        IMPROVED: "Improved",
        WORSE: "Worse",
        UNCHANGED: "Unchanged",
        FIRST: "First rating",
        NOT_COMPARABLE: "Changed",
    }


def status_rank(code: str, scale: dict[str, StatusLevel]) -> int | None:
    """Lower is better: done first, then the scale's own order. The worst part of a combined
    rating counts, since "G/A" still carries the amber concern. Not-started and unknown codes
    have no rank, as they are neither better nor worse than a rating."""
    levels = [scale.get(part) for part in code.split("/")] if code else []
    if not levels or any(level is None or level.not_started for level in levels):
        return None
    order = [lv for lv in scale.values() if not lv.not_started]
    done_first = sorted(order, key=lambda lv: (not lv.done, lv.position, lv.pk))
    ranks = {lv.code: place for place, lv in enumerate(done_first)}
    return max(ranks[lv.code] for lv in levels if lv is not None)


def compare_status(previous: str, current: str, scale: dict[str, StatusLevel]) -> str:
    if not previous:
        return Change.FIRST
    if previous == current:
        return Change.UNCHANGED
    before, now = status_rank(previous, scale), status_rank(current, scale)
    if before is None or now is None:
        return Change.NOT_COMPARABLE
    if now < before:
        return Change.IMPROVED
    return Change.WORSE if now > before else Change.UNCHANGED


def on_track_codes(scale: dict[str, StatusLevel]) -> set[str]:
    """The best rating short of done ("On track", "Progressing to timescale")."""
    ranked = [lv for lv in scale.values() if not lv.done and not lv.not_started]
    return {ranked[0].code} if ranked else set()


@dataclass
class ActionSignals:
    """One action seen from one period: its status then, and what needs attention."""

    action: Action
    status: StatusView
    previous: StatusView | None
    change: str
    update: StatusUpdate | None  # the newest in the period
    state: str  # the review state of that update (an UpdateState), or "" with none
    requested: bool
    missing: bool
    returned: bool
    overdue: bool
    newly_overdue: bool
    newly_done: bool
    stale: bool
    rebaselined: int
    contradictions: list[str] = field(default_factory=list)

    @property
    def change_label(self) -> str:
        return Change.LABELS[self.change]


@dataclass
class PlanSignals:
    period: Period | None
    previous_period: Period | None
    actions: list[ActionSignals]
    as_of: dt.date | None = None  # the day overdue is judged on

    def count(self, name: str) -> int:
        return sum(1 for a in self.actions if getattr(a, name))

    @property
    def count_requested(self) -> int:
        return self.count("requested")

    @property
    def missing(self) -> list[ActionSignals]:
        return [a for a in self.actions if a.missing]

    @property
    def overdue(self) -> list[ActionSignals]:
        return [a for a in self.actions if a.overdue]

    @property
    def stale(self) -> list[ActionSignals]:
        return [a for a in self.actions if a.stale]

    @property
    def contradictory(self) -> list[ActionSignals]:
        return [a for a in self.actions if a.contradictions]

    @property
    def returned(self) -> list[ActionSignals]:
        return [a for a in self.actions if a.returned]

    @property
    def rebaselined(self) -> list[ActionSignals]:
        return [a for a in self.actions if a.rebaselined]

    def changes(self) -> dict[str, int]:
        counter = Counter(a.change for a in self.actions if a.update is not None)
        return {
            key: counter.get(key, 0) for key in (Change.IMPROVED, Change.WORSE, Change.UNCHANGED)
        }

    def standing(self) -> dict[int, tuple[StatusView, bool]]:
        """Each action's status in the period and whether it is overdue, by its id."""
        return {a.action.pk: (a.status, a.overdue) for a in self.actions}


@dataclass(frozen=True)
class PlanHeadline:
    """What the home page shows of a plan's signals: its period, its counts, and each action's
    status and overdue there (the page shows them for the actions the reader leads). Kept for
    every plan the reader sees, so it holds plain values: the whole signals, hundreds of actions
    and updates as model objects, took longer to read back from the cache than the rest of the
    page took to make."""

    period: Period | None
    missing: int
    overdue: int
    stale: int
    contradictory: int
    standings: dict[int, tuple[StatusView, bool]]

    @classmethod
    def of(cls, signals: PlanSignals) -> PlanHeadline:
        return cls(
            period=signals.period,
            missing=len(signals.missing),
            overdue=len(signals.overdue),
            stale=len(signals.stale),
            contradictory=len(signals.contradictory),
            standings=signals.standing(),
        )

    def standing(self) -> dict[int, tuple[StatusView, bool]]:
        return self.standings


class _Opened(Protocol):
    @property
    def was_opened(self) -> bool: ...


P = TypeVar("P", bound=_Opened)


def current_period(plan_or_periods: Plan | list[Period]) -> Period | None:
    """The period the cycle is in: the newest opened one, else the newest period. Give the
    plan's periods, in order, when they are loaded already."""
    periods = (
        list(plan_or_periods.periods.all())
        if isinstance(plan_or_periods, Plan)
        else plan_or_periods
    )
    return current_of(periods)


def current_of(periods: Sequence[P]) -> P | None:
    """current_period of a plan's periods in order, as objects or as rows."""
    opened = [p for p in periods if p.was_opened]
    if opened:
        return opened[-1]
    return periods[-1] if periods else None


def plan_signals(
    plan: Plan,
    period: Period | None = None,
    *,
    actions: list[Action] | None = None,
    today: dt.date | None = None,
    stale_after: int | None = None,
    history: History | None = None,
    updates: list[StatusUpdate] | None = None,
    periods: list[Period] | None = None,
    scale: dict[str, StatusLevel] | None = None,
    rebaselined: Counter[int] | None = None,
) -> PlanSignals:
    """Every action as seen from a period (the current one unless given).

    Overdue is judged at the period's end once the period is over, and today while it runs,
    so a board report for a past period says what was overdue then.

    A page that has loaded the plan's ratings passes them as `history`; one that has loaded
    its full updates, with their periods and reviews, passes them as `updates`, and nothing
    is read again. So too the plan's `periods` and status `scale`, and how many times each
    action was `rebaselined`, when the page has them.
    """
    periods = list(plan.periods.all()) if periods is None else periods
    period = period or current_period(periods)
    if actions is None:
        actions = list(
            Action.objects.filter(section__plan=plan)
            .select_related("section")
            .order_by("section__position", "position", "pk")
        )
    if period is None:
        return PlanSignals(period=None, previous_period=None, actions=[])
    if updates is not None:
        history = selectors.ratings_of(updates)
        newest: dict[tuple[int, int], StatusUpdate] = {}
        for update in sorted(updates, key=lambda u: (u.sequence, u.pk)):
            newest[(update.action_id, update.period_id)] = update
    else:
        if history is None:
            history = selectors.ratings(actions=actions)
        # The period holds only this plan's updates, so it alone picks them: the database
        # finds a period's rows faster than a list of every action's id.
        wanted = {action.pk for action in actions}
        newest = {
            key: update
            for key, update in selectors.newest_updates([period]).items()
            if key[0] in wanted
        }
    return _signals(
        Standings(
            periods=periods,
            scale=status_scale(plan) if scale is None else scale,
            history=history,
            newest=newest,
            requested=selectors.requested_actions([period]),
            rebaselined=(
                selectors.rebaselines(actions=actions) if rebaselined is None else rebaselined
            ),
        ),
        period,
        actions,
        today=today,
        stale_after=stale_after,
    )


def plans_signals(
    plans: list[Plan], *, today: dt.date | None = None, stale_after: int | None = None
) -> dict[int, PlanSignals]:
    """Each plan's signals in its current period, read for all the plans at once: a fixed
    number of queries however many plans there are."""
    periods = selectors.periods_of(plans)
    current = {pk: current_period(found) for pk, found in periods.items()}
    chosen = [p for p in current.values() if p is not None]
    actions = selectors.actions_of(plans)
    scales = selectors.scales(plans)
    history = selectors.ratings(plans=plans)
    newest = selectors.newest_updates(chosen)
    requested = selectors.requested_actions(chosen)
    rebaselined = selectors.rebaselines(plans=plans)
    found = {}
    for plan in plans:
        period = current[plan.pk]
        if period is None:
            found[plan.pk] = PlanSignals(period=None, previous_period=None, actions=[])
            continue
        standings = Standings(
            periods=periods[plan.pk],
            scale=scales[plan.pk],
            history=history,
            newest=newest,
            requested=requested,
            rebaselined=rebaselined,
        )
        found[plan.pk] = _signals(
            standings, period, actions[plan.pk], today=today, stale_after=stale_after
        )
    return found


@dataclass
class PlanSummary:
    """A plan's figures in its current period, for a table of many plans."""

    period: PeriodRow | None  # the current period, as the signals choose it
    signed_off: PeriodRow | None  # the newest period signed off
    next_review: PeriodRow | None  # the first period from the current one not yet signed off
    actions: int = 0
    on_track: int = 0  # rated done, or at the scale's best rating short of done
    overdue: int = 0
    missing: int = 0
    asked: int = 0

    @property
    def on_track_percent(self) -> int | None:
        return round(100 * self.on_track / self.actions) if self.actions else None


def plans_summaries(plans: list[Plan], *, today: dt.date | None = None) -> dict[int, PlanSummary]:
    """Each plan's summary in its current period, from a fixed number of queries however many
    plans there are. Overdue and missing are counted as the signals count them, on the status
    each action stands at in the period (its newest rating in the period or before it)."""
    today = today or timezone.localdate()
    periods = selectors.period_rows(plans)
    scales = selectors.scales(plans)
    found: dict[int, PlanSummary] = {}
    for plan in plans:
        ordered = periods[plan.pk]
        period = current_of(ordered)
        signed = [p for p in ordered if p.is_locked]
        ahead = ordered[ordered.index(period) :] if period is not None else []
        found[plan.pk] = PlanSummary(
            period=period,
            signed_off=signed[-1] if signed else None,
            next_review=next((p for p in ahead if not p.is_locked), None),
        )
    chosen = [s.period for s in found.values() if s.period is not None]
    every = [p for ordered in periods.values() for p in ordered]
    counts = selectors.standing_counts(chosen, every)
    on_track = {pk: on_track_codes(scale) for pk, scale in scales.items()}
    as_of = {p.plan_id: judged_on(p, today) for p in chosen}
    dues: dict[str, dt.date | None] = {}
    views: dict[tuple[int, str], StatusView] = {}
    for row in counts.statuses:
        summary = found[row.plan_id]
        key = (row.plan_id, row.status)
        if key not in views:
            views[key] = StatusView.of(row.status, scales[row.plan_id])
        status = views[key]
        if row.due not in dues:
            dues[row.due] = parse_partial_date(row.due)
        summary.actions += row.actions
        if status.done or row.status in on_track[row.plan_id]:
            summary.on_track += row.actions
        if is_overdue(dues[row.due], status, as_of[row.plan_id]):
            summary.overdue += row.actions
    for plan_id, asked in counts.asked.items():
        found[plan_id].asked = asked
        found[plan_id].missing = asked - counts.given[plan_id]
    return found


@dataclass
class Standings:
    """What the signals of a plan are worked out from, read once."""

    periods: list[Period]
    scale: dict[str, StatusLevel]
    history: History  # every rating, by action
    newest: dict[tuple[int, int], StatusUpdate]  # the newest update by (action, period)
    requested: set[tuple[int, int]]  # (period, action)
    rebaselined: Counter[int]  # approved changes of due date, by action


def _signals(
    read: Standings,
    period: Period,
    actions: list[Action],
    *,
    today: dt.date | None,
    stale_after: int | None,
) -> PlanSignals:
    stale_after = stale_after or settings.STALE_AFTER_PERIODS
    today = today or timezone.localdate()
    periods, scale = read.periods, read.scale
    index = periods.index(period)
    previous_period = periods[index - 1] if index > 0 else None
    window = {p.pk for p in periods[max(0, index - stale_after + 1) : index + 1]}
    window_full = min(index + 1, stale_after) >= stale_after
    previous_end = parse_partial_date(previous_period.ends_on) if previous_period else None
    as_of = judged_on(period, today)
    labels = {p.pk: p.label for p in periods}
    on_track = on_track_codes(scale)
    views: dict[str, StatusView] = {}

    def view(code: str) -> StatusView:
        # The same few codes over and over: each read on the scale once.
        if code not in views:
            views[code] = StatusView.of(code, scale)
        return views[code]

    result = []
    for action in actions:
        history = [r for r in read.history.get(action.pk, []) if r.position <= period.position]
        update = read.newest.get((action.pk, period.pk))
        # Compared with the last rating before this period, however long ago it was given.
        before = [r for r in history if r.position < period.position]
        previous = before[-1] if before else None
        previous_view = view(previous.status) if previous else None
        status = view(standing(history, period))
        due = action.due_date
        overdue = is_overdue(due, status, as_of)
        state = update_state(update, getattr(update, "review_list", None)) if update else ""
        requested = (period.pk, action.pk) in read.requested
        signals = ActionSignals(
            action=action,
            status=status,
            previous=previous_view,
            change=compare_status(previous.status if previous else "", update.status, scale)
            if update
            else Change.FIRST,
            update=update,
            state=state,
            requested=requested,
            missing=requested and update is None,
            returned=state == UpdateState.RETURNED,
            overdue=overdue,
            newly_overdue=overdue and bool(previous_end is None or (due and due > previous_end)),
            newly_done=status.done and not (previous_view and previous_view.done),
            stale=not status.done
            and window_full
            and not any(r.period_id in window for r in history),
            rebaselined=read.rebaselined.get(action.pk, 0),
        )
        if update and update.status in on_track and overdue:
            signals.contradictions.append(
                f"Rated {status.label.lower()} but the due date ({action.due_display}) has passed"
            )
        reopened = _reopened_without_note(history, view, labels)
        if reopened:
            signals.contradictions.append(reopened)
        result.append(signals)
    return PlanSignals(period=period, previous_period=previous_period, actions=result, as_of=as_of)


def _reopened_without_note(
    history: list[Rating], view: Callable[[str], StatusView], labels: dict[int, str]
) -> str:
    """A done rating followed by a rating that is not done, with nothing said about why."""
    was_done: Rating | None = None
    for rating in history:
        seen = view(rating.status)
        if seen.done:
            was_done = rating
        elif was_done is not None and rating.status:
            if not rating.noted:
                return (
                    f"Rated done in {labels[was_done.period_id]}, then {seen.label.lower()} in "
                    f"{labels[rating.period_id]} with no note saying why"
                )
            was_done = None
    return ""
