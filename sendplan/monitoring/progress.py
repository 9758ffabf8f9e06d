"""Where a plan stands: each action's latest status, and what is overdue or due soon."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from sendplan.lib.dates import parse_partial_date
from sendplan.monitoring.models import Period, StatusUpdate, UpdateRequest, UpdateReview
from sendplan.monitoring.services import update_state
from sendplan.plans.models import Action, DueDateChange, Plan, Section, StatusLevel

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
    latest: StatusUpdate | None
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


def status_scale(plan: Plan) -> dict[str, StatusLevel]:
    return {level.code: level for level in plan.status_levels.all()}


def latest_updates(actions: list[Action]) -> tuple[dict[int, StatusUpdate], dict[int, dt.datetime]]:
    """Each action's newest update in its latest reported period, and when it last reported."""
    latest: dict[int, StatusUpdate] = {}
    reported: dict[int, dt.datetime] = {}
    updates = StatusUpdate.objects.filter(action__in=actions).select_related("period")
    for update in updates.order_by("period__position", "sequence", "pk"):
        latest[update.action_id] = update
        when = update.recorded_at
        if when is not None and (
            update.action_id not in reported or when > reported[update.action_id]
        ):
            reported[update.action_id] = when
    return latest, reported


def action_progress(
    actions: list[Action], scale: dict[str, StatusLevel], today: dt.date | None = None
) -> list[ActionProgress]:
    today = today or timezone.localdate()
    latest, reported = latest_updates(actions)
    result = []
    for action in actions:
        update = latest.get(action.pk)
        status = StatusView.of(update.status if update else "", scale)
        due = action.due_date
        result.append(
            ActionProgress(
                action=action,
                latest=update,
                status=status,
                last_updated=reported.get(action.pk),
                due_date=due,
                overdue=bool(due and due < today and not status.done),
                due_soon=bool(
                    due
                    and today <= due <= today + dt.timedelta(days=DUE_SOON_DAYS)
                    and not status.done
                ),
            )
        )
    return result


def plan_progress(
    plan: Plan, today: dt.date | None = None
) -> tuple[list[SectionProgress], list[ActionProgress]]:
    """Every section in tree order with the progress of the actions on and below it."""
    sections = list(plan.sections.all())
    actions = list(
        Action.objects.filter(section__plan=plan)
        .select_related("section")
        .prefetch_related("leads")
    )
    progress = action_progress(actions, status_scale(plan), today)
    by_section: dict[int | None, list[ActionProgress]] = {}
    for item in progress:
        by_section.setdefault(item.action.section_id, []).append(item)
    children: dict[int | None, list[Section]] = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)

    rows: list[SectionProgress] = []

    def walk(parent_id: int | None, depth: int) -> list[ActionProgress]:
        collected: list[ActionProgress] = []
        for section in children.get(parent_id, []):
            row = SectionProgress(section=section, depth=depth)
            rows.append(row)
            row.actions = list(by_section.get(section.pk, [])) + walk(section.pk, depth + 1)
            collected.extend(row.actions)
        return collected

    walk(None, 0)
    return rows, progress


def history_table(
    actions: list[Action], periods: list[Period], scale: dict[str, StatusLevel]
) -> list[tuple[Action, list[StatusView | None]]]:
    """One row per action, one cell per period: the latest status reported for that period."""
    cells: dict[tuple[int, int], StatusUpdate] = {}
    updates = StatusUpdate.objects.filter(action__in=actions).order_by("sequence", "pk")
    for update in updates:
        cells[(update.action_id, update.period_id)] = update
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
    update: StatusUpdate | None
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


def current_period(plan: Plan) -> Period | None:
    """The period the cycle is in: the newest opened one, else the newest period."""
    periods = list(plan.periods.all())
    opened = [p for p in periods if p.opened_at is not None]
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
) -> PlanSignals:
    """Every action as seen from a period (the current one unless given).

    Overdue is judged at the period's end once the period is over, and today while it runs,
    so a board report for a past period says what was overdue then.
    """
    stale_after = stale_after or settings.STALE_AFTER_PERIODS
    today = today or timezone.localdate()
    periods = list(plan.periods.all())
    period = period or current_period(plan)
    scale = status_scale(plan)
    if actions is None:
        actions = list(
            Action.objects.filter(section__plan=plan)
            .select_related("section")
            .order_by("section__position", "position", "pk")
        )
    if period is None:
        return PlanSignals(period=None, previous_period=None, actions=[])
    index = periods.index(period)
    previous_period = periods[index - 1] if index > 0 else None
    window = periods[max(0, index - stale_after + 1) : index + 1]
    period_end = parse_partial_date(period.ends_on)
    previous_end = parse_partial_date(previous_period.ends_on) if previous_period else None
    as_of = min(today, period_end) if period_end else today

    by_action: dict[int, list[StatusUpdate]] = {}
    updates = (
        StatusUpdate.objects.filter(action__in=actions, period__position__lte=period.position)
        .select_related("period")
        # Into a plain list: a prefetch otherwise builds a queryset for every update.
        .prefetch_related(Prefetch("reviews", UpdateReview.objects.all(), to_attr="review_list"))
        .order_by("period__position", "sequence", "pk")
    )
    for item in updates:
        by_action.setdefault(item.action_id, []).append(item)
    requested = set(
        UpdateRequest.objects.filter(period=period, action__in=actions).values_list(
            "action_id", flat=True
        )
    )
    changes: dict[int, int] = Counter(
        DueDateChange.objects.filter(
            action__in=actions, state=DueDateChange.State.APPROVED
        ).values_list("action_id", flat=True)
    )
    on_track = on_track_codes(scale)

    result = []
    for action in actions:
        history = by_action.get(action.pk, [])
        in_period = [u for u in history if u.period_id == period.pk]
        update = in_period[-1] if in_period else None
        # Compared with the last rating before this period, however long ago it was given.
        before = [u for u in history if u.period.position < period.position]
        previous = before[-1] if before else None
        previous_view = StatusView.of(previous.status, scale) if previous else None
        # With no update this period, the action stands where it last stood: an action
        # completed earlier is still complete, not overdue.
        status = StatusView.of(update.status, scale) if update else previous_view
        status = status or StatusView.of("", scale)
        due = action.due_date
        overdue = bool(due and due < as_of and not status.done)
        returned = bool(
            update and update_state(update, update.review_list) == "returned"  # type: ignore[attr-defined]
        )
        signals = ActionSignals(
            action=action,
            status=status,
            previous=previous_view,
            change=compare_status(previous.status if previous else "", update.status, scale)
            if update
            else Change.FIRST,
            update=update,
            requested=action.pk in requested,
            missing=action.pk in requested and update is None,
            returned=returned,
            overdue=overdue,
            newly_overdue=overdue and bool(previous_end is None or (due and due > previous_end)),
            newly_done=status.done and not (previous_view and previous_view.done),
            stale=not status.done
            and len(window) >= stale_after
            and not any(u.period_id in {p.pk for p in window} for u in history),
            rebaselined=changes.get(action.pk, 0),
        )
        if update and update.status in on_track and overdue:
            signals.contradictions.append(
                f"Rated {status.label.lower()} but the due date ({action.due_display}) has passed"
            )
        reopened = _reopened_without_note(history, scale)
        if reopened:
            signals.contradictions.append(reopened)
        result.append(signals)
    return PlanSignals(period=period, previous_period=previous_period, actions=result, as_of=as_of)


def _reopened_without_note(history: list[StatusUpdate], scale: dict[str, StatusLevel]) -> str:
    """A done rating followed by a rating that is not done, with nothing said about why."""
    was_done: StatusUpdate | None = None
    for update in history:
        view = StatusView.of(update.status, scale)
        if view.done:
            was_done = update
        elif was_done is not None and update.status:
            if not update.narrative.strip():
                return (
                    f"Rated done in {was_done.period.label}, then {view.label.lower()} in "
                    f"{update.period.label} with no note saying why"
                )
            was_done = None
    return ""
