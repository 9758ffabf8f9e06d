"""Reads of a plan that are more than a filter. The section tree is walked here and only here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.cache import cache
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from sendplan.audit.models import DRAFT_SCOPE, AuditEvent
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


# A draft's events: its writers' alone, and no change to the plan.
_DRAFTS = Q(scope=DRAFT_SCOPE) | Q(scope__startswith=f"{DRAFT_SCOPE}:")


def last_changes(plan_ids: Iterable[int]) -> dict[int, int]:
    """The id of each plan's newest recorded change (0 when it has none), in one query.

    Every write to a plan records an audit event in the same transaction, and ids only grow,
    so the id marks the plan as it stands: anything worked out from a plan and kept under this
    id is current until the plan changes. A draft's events are left out: nothing but its
    writers sees a draft, so nothing made from a plan changes with one. An index on (plan, id)
    finds each plan's newest without reading its history."""
    newest = (
        AuditEvent.objects.exclude(_DRAFTS)
        .filter(plan_id=OuterRef("pk"))
        .order_by("-pk")
        .values("pk")[:1]
    )
    found = Plan.objects.filter(pk__in=list(plan_ids)).annotate(last=Subquery(newest))
    return {pk: last or 0 for pk, last in found.values_list("pk", "last")}


def last_change(plan: Plan) -> int:
    """The id of the plan's newest recorded change (last_changes, for one plan). Most pages
    ask it, so it is the plainest query: half the time of last_changes' subquery."""
    newest = (
        AuditEvent.objects.filter(plan_id=plan.pk)
        .exclude(_DRAFTS)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return newest or 0


def plan_version(plan: Plan, today: dt.date | None = None) -> str:
    """The plan's last change and today's date, e.g. "c1234-2026-12-05": what anything kept for
    the plan as it stands is kept under (a page's work, a report, a document).

    Every write to a plan records an audit event in the same transaction, so the newest event
    marks the plan's last change; drafts are left out, since nothing made from a plan shows
    them. The date is part of it because a document says the day it was made and judges what
    is overdue on that day, so a file made yesterday is not today's, even of an unchanged plan.
    """
    last = last_change(plan)
    day = today or timezone.localdate()
    return f"c{last}-{day.isoformat()}"


T = TypeVar("T")
# What is kept under a plan's last change and the day is never stale; how long it is kept only
# bounds the cache's memory.
_KEPT_FOR = 24 * 60 * 60


def kept(key: str, make: Callable[[], T]) -> T:
    """What `make` works out, kept in the cache under `key`, which must name everything it
    depends on (a plan's last change and the day, say): worked out only when not kept."""
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
    versions = last_changes(plan.pk for plan in plans)
    keys = {
        plan.pk: f"sendplan:{kind}:{plan.pk}:{versions.get(plan.pk, 0)}:{today.isoformat()}"
        for plan in plans
    }
    kept: dict[str, T] = cache.get_many(list(keys.values()))
    changed = [plan for plan in plans if keys[plan.pk] not in kept]
    if changed:
        made = {keys[pk]: value for pk, value in make(changed).items()}
        cache.set_many(made, _KEPT_FOR)
        kept.update(made)
    return {plan.pk: kept[keys[plan.pk]] for plan in plans}
