"""Reads of a plan that are more than a filter. The section tree is walked here and only here."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Expression,
    QuerySet,
    Value,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone

from sendplan.audit.models import DRAFT_SCOPE, AuditEvent
from sendplan.audit.services import WRITING_LOCK
from sendplan.lib.dates import parse_partial_date
from sendplan.plans.models import KeyDate, Plan, Section


@dataclass(eq=False)
class SectionNode:
    """A section in its place in the plan's tree."""

    section: Section
    depth: int
    parent: SectionNode | None = None
    children: list[SectionNode] = field(default_factory=list)

    @property
    def top(self) -> Section:
        """The top-level section it sits in (itself, at the top)."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node.section

    def walk(self) -> list[SectionNode]:
        """This node and every node below it, in tree order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    def subtree(self) -> list[Section]:
        return [node.section for node in self.walk()]


def section_tree(sections: Iterable[Section]) -> list[SectionNode]:
    """Every section in tree order: each after its parent, siblings in the order given (the
    sections' own order by position). A section whose parent is not among those given is
    taken as a top-level one, so a subtree can be walked on its own."""
    sections = list(sections)
    nodes = {s.pk: SectionNode(section=s, depth=0) for s in sections}
    roots: list[SectionNode] = []
    for section in sections:
        node = nodes[section.pk]
        parent = nodes.get(section.parent_id) if section.parent_id else None
        if parent is None:
            roots.append(node)
        else:
            node.parent = parent
            parent.children.append(node)

    ordered: list[SectionNode] = []

    def settle(node: SectionNode, depth: int) -> None:
        node.depth = depth
        ordered.append(node)
        for child in node.children:
            settle(child, depth + 1)

    for root in roots:
        settle(root, 0)
    return ordered


def descendants(sections: Iterable[Section], root_ids: Iterable[int]) -> set[int]:
    """The ids of the given sections and of every section below them."""
    tree = {node.section.pk: node for node in section_tree(sections)}
    return {s.pk for pk in root_ids if pk in tree for s in tree[pk].subtree()}


@dataclass(frozen=True)
class Upcoming:
    """The next date on a plan's inspection timeline, and how far off it is."""

    key_date: KeyDate
    day: dt.date
    days: int

    @property
    def label(self) -> str:
        return self.key_date.label


def next_key_date(key_dates: Iterable[KeyDate], today: dt.date) -> Upcoming | None:
    """The earliest of these dates from today on (a month's date counts until the month ends)."""
    found: Upcoming | None = None
    for key_date in key_dates:
        day = parse_partial_date(key_date.on)
        if day is not None and day >= today and (found is None or day < found.day):
            found = Upcoming(key_date, day, (day - today).days)
    return found


def upcoming_dates(plans: Iterable[Plan], today: dt.date) -> dict[int, Upcoming]:
    """Each plan's next key date, in one query however many plans there are."""
    by_plan: dict[int, list[KeyDate]] = {}
    for key_date in KeyDate.objects.filter(plan_id__in=[plan.pk for plan in plans]):
        by_plan.setdefault(key_date.plan_id, []).append(key_date)
    return {
        plan_id: upcoming
        for plan_id, found in by_plan.items()
        if (upcoming := next_key_date(found, today)) is not None
    }


def last_changes(plans: Iterable[int] | QuerySet[Plan]) -> dict[int, int]:
    """The id of each plan's newest recorded change (0 when it has none), in one query, for
    plans given by id or as a query set (asked in the same query).

    Every write to a plan records an audit event in the same transaction, and ids only grow,
    so the id marks the plan as it stands: anything worked out from a plan and kept under this
    id is current until the plan changes. A draft's events are left out: nothing but its
    writers sees a draft, so nothing made from a plan changes with one. An index on (plan, id)
    finds each plan's newest without reading its history."""
    return {pk: last for pk, (last, _) in _changes(plans).items()}


def _changes(plans: Iterable[int] | QuerySet[Plan]) -> dict[int, tuple[int, bool]]:
    """Each plan's last change, and whether a transaction was writing to it as it was read
    (being_written)."""
    chosen = plans.values("pk") if isinstance(plans, QuerySet) else list(plans)
    found = Plan.objects.filter(pk__in=chosen).annotate(last=newest_change(), busy=being_written())
    return {pk: (last or 0, busy) for pk, last, busy in found.values_list("pk", "last", "busy")}


def newest_change() -> Expression:
    """The id of a plan's newest recorded change (None when it has none), to annotate a query
    of plans with: last_changes, and a page's plan read with it (as_it_stands). Written out,
    as the ORM took longer to build the same subquery than the database to run it."""
    events, plans = AuditEvent._meta.db_table, Plan._meta.db_table
    return RawSQL(
        f'(SELECT e.id FROM "{events}" e WHERE e.plan_id = "{plans}"."id" '
        "AND NOT (e.scope = %s OR substr(e.scope, 1, %s) = %s) ORDER BY e.id DESC LIMIT 1)",
        [DRAFT_SCOPE, len(DRAFT_SCOPE) + 1, f"{DRAFT_SCOPE}:"],
        output_field=BigIntegerField(),
    )


def being_written() -> Expression:
    """Whether a transaction is writing to a plan (audit.services.writing_to), to annotate a
    query of plans with. On PostgreSQL a write that took an older id may still commit after the
    newest change was read, so nothing is kept under that change while one is at work; SQLite
    lets one writer at a time, so its answer is always no."""
    if connection.vendor != "postgresql":
        return Value(False)
    plans = Plan._meta.db_table
    # Not correlated with the plan, so that the locks are read once for many plans. Another
    # transaction's: this one's own writes are in what it reads.
    return RawSQL(
        f'"{plans}"."id" IN (SELECT objid::bigint FROM pg_locks WHERE locktype = %s '
        "AND classid = %s::oid AND objsubid = 2 AND pid <> pg_backend_pid())",
        ["advisory", WRITING_LOCK],
        output_field=BooleanField(),
    )


def as_it_stands(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """Plans read with their last change (`change_seen`, and whether one was being written),
    which plan_version then gives without asking again: for a page that keeps what it shows
    under the plan's version, one query fewer. Only for reading: a plan read so and then
    changed in the same request would give the change from before."""
    return plans.annotate(change_seen=newest_change(), written_seen=being_written())


# In a version, in place of the last change, while a transaction is writing to the plan: what
# is worked out then is shown but not kept (kept), nor found again under the same version.
_BEING_WRITTEN = "written-"


def _change(last: int, busy: bool) -> str:
    return f"{_BEING_WRITTEN}{uuid.uuid4().hex}" if busy else f"c{last}"


def _version(last: int, busy: bool, day: dt.date) -> str:
    return f"{_change(last, busy)}-{day.isoformat()}"


def plans_version(plans: QuerySet[Plan], today: dt.date | None = None) -> str:
    """What plan_version is for one plan, for several at once: a digest of each plan's last
    change, and the day. What is worked out from all of them (a lead's owed updates across
    their areas, say) is current under it until one of them changes, one is added or taken
    away, or the day moves on."""
    changes = sorted(_changes(plans).items())
    day = today or timezone.localdate()
    if any(busy for _, (_, busy) in changes):
        return _version(0, True, day)
    digest = hashlib.sha256(repr([(pk, last) for pk, (last, _) in changes]).encode())
    return f"p{digest.hexdigest()[:32]}-{day.isoformat()}"


def _seen(plan: Plan) -> tuple[int, bool] | None:
    """The plan's last change, and whether it was being written, as read with the plan
    (as_it_stands); None for a plan read otherwise."""
    if not hasattr(plan, "written_seen"):
        return None
    return int(plan.change_seen or 0), bool(plan.written_seen)  # type: ignore[attr-defined]


def plan_version(plan: Plan, today: dt.date | None = None) -> str:
    """The plan's last change and today's date, e.g. "c1234-2026-12-05": what anything kept for
    the plan as it stands is kept under (a page's work, a report, a document).

    Every write to a plan records an audit event in the same transaction, so the newest event
    marks the plan's last change; drafts are left out, since nothing made from a plan shows
    them. The date is part of it because a document says the day it was made and judges what
    is overdue on that day, so a file made yesterday is not today's, even of an unchanged plan.
    While a transaction is writing to the plan, the version is one of its own, never given
    again, so that nothing worked out then is found later (being_written)."""
    last, busy = _seen(plan) or _changes([plan.pk]).get(plan.pk, (0, False))
    return _version(last, busy, today or timezone.localdate())


def change_mark(plan: Plan) -> str:
    """The plan as it stands, in a few words that any later change moves on, e.g. "c1234": what
    plan_version is without the day, always asked now (never as read with the plan). While a
    transaction is writing to the plan, a mark of its own, never given again, so that nothing
    checked against it later finds the plan unchanged (being_written)."""
    return _change(*_changes([plan.pk]).get(plan.pk, (0, False)))


def kept_version(version: str) -> bool:
    """Whether what is worked out under this version may be kept: not while the plan was being
    written to (being_written)."""
    return _BEING_WRITTEN not in version


T = TypeVar("T")
# What is kept under a plan's last change and the day is never stale; how long it is kept only
# bounds the cache's memory.
_KEPT_FOR = 24 * 60 * 60


def kept(key: str, make: Callable[[], T]) -> T:
    """What `make` works out, kept in the cache under `key`, which must name everything it
    depends on (a plan's version, say): worked out only when not kept. Under the version of a
    plan being written to, worked out every time and not kept (plan_version)."""
    if not kept_version(key):
        return make()
    found: T | None = cache.get(key)
    if found is None:
        found = make()
        cache.set(key, found, _KEPT_FOR)
    return found


def kept_until_changed(
    kind: str, plans: list[Plan], today: dt.date, make: Callable[[list[Plan]], dict[int, T]]
) -> dict[int, T]:
    """What `make` works out for each plan, kept in the cache under the plan's last change and
    the day: read from the cache while neither has moved on, and worked out again, for the
    plans that changed (or are new today) together, when one has."""
    # As each plan was read (as_it_stands), or else asked now.
    changes = {plan.pk: seen for plan in plans if (seen := _seen(plan)) is not None}
    if len(changes) < len(plans):
        changes.update(_changes(plan.pk for plan in plans if plan.pk not in changes))
    keys = {
        plan.pk: f"sendplan:{kind}:{plan.pk}:{_version(*changes.get(plan.pk, (0, False)), today)}"
        for plan in plans
    }
    kept: dict[str, T] = cache.get_many(list(keys.values()))
    changed = [plan for plan in plans if keys[plan.pk] not in kept]
    if changed:
        made = {keys[pk]: value for pk, value in make(changed).items()}
        cache.set_many({key: value for key, value in made.items() if kept_version(key)}, _KEPT_FOR)
        kept.update(made)
    return {plan.pk: kept[keys[plan.pk]] for plan in plans}
