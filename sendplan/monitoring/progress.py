"""Where a plan stands: each action's latest status, and what is overdue or due soon."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from sendplan.monitoring.models import Period, StatusUpdate
from sendplan.plans.models import Action, Plan, Section, StatusLevel

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
