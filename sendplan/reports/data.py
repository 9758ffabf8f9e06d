"""Everything a report needs from one plan, read in a fixed number of queries.

Reports walk the whole plan several times (by section, by weakness, by quarter), so they share
one loaded copy instead of asking the database action by action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Prefetch, QuerySet

from sendplan.indicators.models import Indicator
from sendplan.monitoring import selectors
from sendplan.monitoring.models import (
    EvidenceFile,
    ForumComment,
    Period,
    StatusUpdate,
    UpdateReview,
)
from sendplan.monitoring.progress import StatusView, status_scale
from sendplan.monitoring.selectors import History, ratings_of
from sendplan.monitoring.services import update_state
from sendplan.plans.models import (
    Action,
    ActionLead,
    DueDateChange,
    Measure,
    Person,
    Plan,
    Section,
    StatusLevel,
)
from sendplan.plans.selectors import section_tree


@dataclass
class ActionData:
    action: Action
    section: Section
    top: Section
    leads: list[Person]
    measures: list[Measure]
    # Every update, oldest first; empty when the plan was loaded without them.
    updates: list[StatusUpdate]
    # The status each period ends with: its newest update, or None where nothing was said.
    cells: list[StatusView | None]
    latest: StatusUpdate | None  # None too when loaded without updates
    rebaselines: list[DueDateChange]  # approved changes of the due date, oldest first
    forum: list[ForumComment]

    @property
    def ref(self) -> str:
        return self.action.ref

    @property
    def lead_names(self) -> str:
        """Leads as the plan wrote them, else the names of the people linked."""
        if self.action.lead_text:
            return self.action.lead_text
        return " / ".join(person.display_name for person in self.leads)

    @property
    def due_date(self) -> dt.date | None:
        return self.action.due_date

    @property
    def original_due_display(self) -> str:
        """The due date as first planned, from the changes loaded with the plan."""
        return self.action.first_planned(self.rebaselines)

    def period_update(self, period: Period) -> StatusUpdate | None:
        """The period's newest update."""
        return self._newest_by_period.get(period.pk)

    @cached_property
    def _newest_by_period(self) -> dict[int, StatusUpdate]:
        # Made once: the tracker asks for every period of every action.
        return {update.period_id: update for update in self.updates}


@dataclass
class SectionData:
    section: Section
    depth: int
    owners: list[Person]
    actions: list[ActionData] = field(default_factory=list)  # its own, not its children's
    children: list[SectionData] = field(default_factory=list)
    top: Section | None = None  # the top-level section it sits in

    def all_actions(self) -> list[ActionData]:
        found = list(self.actions)
        for child in self.children:
            found.extend(child.all_actions())
        return found

    def walk(self) -> list[SectionData]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass
class PlanData:
    plan: Plan
    levels: list[StatusLevel]
    scale: dict[str, StatusLevel]
    periods: list[Period]
    roots: list[SectionData]
    actions: list[ActionData]  # in the plan's order
    people: list[Person]
    indicators: list[Indicator]
    history: History  # every action's ratings, the status read model's input

    def sections(self) -> list[SectionData]:
        return [node for root in self.roots for node in root.walk()]

    def status(self, code: str) -> StatusView:
        return StatusView.of(code, self.scale)

    @property
    def total_cost(self) -> Decimal:
        return sum((a.action.cost for a in self.actions if a.action.cost is not None), Decimal(0))


def load_plan(
    plan: Plan,
    *,
    updates: bool = True,
    only: Collection[int] | None = None,
    indicators: bool = True,
) -> PlanData:
    """The plan for a report. Without `updates`, each action's updates are not read one by one:
    a report that shows only where actions stand (the board report) works from the ratings,
    which are all that the status cells and the signals need.

    With `only`, a page of a report: of the actions, just those with these ids, and their
    updates (every section is still read, so the tree is whole). Without `indicators`, none
    are read, for a page that reads the few it shows itself (plan_indicators)."""
    levels = list(plan.status_levels.all())
    scale = status_scale(plan)
    periods = list(plan.periods.all())
    people = list(plan.people.all())
    sections = list(plan.sections.prefetch_related("owners", "weaknesses", "milestones"))
    # Prefetched into plain lists (to_attr): Django builds a queryset for every object a
    # prefetch fills otherwise, which for thousands of updates costs more than the report.
    chosen = Action.objects.filter(section__plan=plan)
    if only is not None:
        chosen = chosen.filter(pk__in=list(only))
    actions = list(
        chosen.select_related("section").prefetch_related(
            Prefetch(
                "lead_links",
                queryset=ActionLead.objects.select_related("person"),
                to_attr="lead_list",
            ),
            Prefetch("measures", queryset=Measure.objects.all(), to_attr="measure_list"),
            Prefetch(
                "due_changes",
                queryset=DueDateChange.objects.filter(state=DueDateChange.State.APPROVED),
                to_attr="approved_changes",
            ),
            Prefetch(
                "forum_comments",
                queryset=ForumComment.objects.select_related("period"),
                to_attr="forum_list",
            ),
        )
    )
    periods_by_id = {period.pk: period for period in periods}
    nodes: dict[int, SectionData] = {}
    roots: list[SectionData] = []
    for place in section_tree(sections):
        section = place.section
        node = SectionData(section, place.depth, list(section.owners.all()), top=place.top)
        nodes[section.pk] = node
        if place.parent is None:
            roots.append(node)
        else:
            nodes[place.parent.section.pk].children.append(node)

    loaded = _updates(plan, periods_by_id, only) if updates else {}
    ratings = (
        ratings_of(u for found in loaded.values() for u in found)
        if updates
        else selectors.ratings(plans=[plan], actions=only)
    )
    for action in actions:
        node = nodes[action.section_id]
        history = loaded.get(action.pk, [])
        by_period = {r.period_id: r for r in ratings.get(action.pk, [])}
        latest = (
            max(history, key=lambda u: (periods_by_id[u.period_id].position, u.sequence))
            if history
            else None
        )
        node.actions.append(
            ActionData(
                action=action,
                section=node.section,
                top=node.top or node.section,
                leads=[link.person for link in action.lead_list],  # type: ignore[attr-defined]
                measures=action.measure_list,  # type: ignore[attr-defined]
                updates=history,
                cells=[
                    StatusView.of(by_period[p.pk].status, scale) if p.pk in by_period else None
                    for p in periods
                ],
                latest=latest,
                rebaselines=list(action.approved_changes),  # type: ignore[attr-defined]
                forum=action.forum_list,  # type: ignore[attr-defined]
            )
        )
    ordered = [a for root in roots for node in root.walk() for a in node.actions]
    return PlanData(
        plan=plan,
        levels=levels,
        scale=scale,
        periods=periods,
        roots=roots,
        actions=ordered,
        people=people,
        indicators=list(plan_indicators(plan)) if indicators else [],
        history=ratings,
    )


def plan_indicators(plan: Plan) -> QuerySet[Indicator]:
    """The plan's indicators with what their views read: figures, reviews and comparators."""
    return plan.indicators.select_related("supplier").prefetch_related(
        "points__reviews", "points__period", "comparators"
    )


def _updates(
    plan: Plan, periods: dict[int, Period], only: Collection[int] | None = None
) -> dict[int, list[StatusUpdate]]:
    """Every update of the plan by action (or of the actions `only` names), oldest first, with
    its reviews and files as plain lists. Each is read by joining to the plan rather than by a
    list of thousands of ids, which costs more to build and send than the rows themselves."""
    review_rows = UpdateReview.objects.filter(update__period__plan=plan)
    file_rows = EvidenceFile.objects.filter(plan=plan, update__isnull=False)
    update_rows = StatusUpdate.objects.filter(period__plan=plan)
    if only is not None:
        ids = list(only)  # a page's few actions
        review_rows = review_rows.filter(update__action_id__in=ids)
        file_rows = file_rows.filter(update__action_id__in=ids)
        update_rows = update_rows.filter(action_id__in=ids)
    reviews: dict[int, list[UpdateReview]] = {}
    for review in review_rows:
        reviews.setdefault(review.update_id, []).append(review)
    files: dict[int, list[EvidenceFile]] = {}
    for item in file_rows:
        files.setdefault(item.update_id or 0, []).append(item)
    found: dict[int, list[StatusUpdate]] = {}
    period_field = StatusUpdate._meta.get_field("period")
    for update in update_rows.order_by("sequence", "pk"):
        # The plan's dozen periods, rather than a copy of one for every update; cached on
        # the update directly, without the checks of assigning a relation (thousands of them).
        period_field.set_cached_value(update, periods[update.period_id])
        update.review_list = reviews.get(update.pk, [])  # type: ignore[attr-defined]
        update.file_list = files.get(update.pk, [])  # type: ignore[attr-defined]
        found.setdefault(update.action_id, []).append(update)
    return found


def review_state(update: StatusUpdate) -> str:
    """monitoring.services.update_state, read from the reviews load_plan fetched."""
    return update_state(update, update.review_list)  # type: ignore[attr-defined]


def update_files(update: StatusUpdate) -> list[EvidenceFile]:
    """The files attached to an update, as load_plan read them."""
    files: list[EvidenceFile] = update.file_list  # type: ignore[attr-defined]
    return files
