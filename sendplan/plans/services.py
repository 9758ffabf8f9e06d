"""Every write to a plan's structure. Views, importers and commands all come through here.

Each function runs in one transaction and records its audit event inside it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Model
from django.utils import timezone

from sendplan.audit.services import (
    Actor,
    Snapshot,
    acting_user,
    actor_label,
    audit_event,
    audit_record,
    audit_record_bulk,
    snapshot,
)
from sendplan.lib.bulk import clean_in_memory, in_rounds
from sendplan.plans.models import (
    Action,
    ActionLead,
    Area,
    DueDateChange,
    Feedback,
    Finding,
    GlossaryTerm,
    KeyDate,
    Measure,
    Meeting,
    Milestone,
    Person,
    Plan,
    Section,
    StatusLevel,
    Weakness,
)
from sendplan.plans.selectors import descendants


class PlanRuleError(Exception):
    """A write that the plan's rules do not allow; the message is for the user."""


class RowRefused(PlanRuleError):
    """A row that a bulk service refused: its index among the rows given, and the error the
    service for one row would have raised for it."""

    def __init__(self, index: int, error: PlanRuleError | ValidationError) -> None:
        super().__init__(str(error))
        self.index = index
        self.error = error


class ChangedMeanwhile(PlanRuleError):
    """Someone saved the thing being edited after its form was opened. changes lists each
    field that differs as (field, as the form showed it, as it is now); current is the state
    now, for the form to save over once the person has seen what changed."""

    def __init__(self, changes: list[tuple[str, Any, Any]], current: Snapshot) -> None:
        super().__init__("Someone else changed this while you were editing it")
        self.changes = changes
        self.current = current


def plain_state(state: Snapshot) -> Snapshot:
    """A state as it comes back from the signed copy a form carries: plain JSON."""
    plain: Snapshot = json.loads(json.dumps(state, sort_keys=True, default=str))
    return plain


def check_unchanged(seen: Snapshot | None, current: Snapshot) -> None:
    """Refuse to save over a state other than the one the form showed (seen). Call it with
    the row locked, in the write's own transaction, so that of two saves made at the same
    moment the second waits for the first and is told what it changed."""
    if seen is None:
        return
    now = plain_state(current)
    keys = dict.fromkeys([*seen, *now])
    changes = [(key, seen.get(key), now.get(key)) for key in keys if seen.get(key) != now.get(key)]
    if changes:
        raise ChangedMeanwhile(changes, now)


@dataclass(frozen=True)
class MeasureData:
    text: str
    due: str = ""
    due_text: str = ""


PLAN_FIELDS = (
    "title",
    "kind",
    "issued_on",
    "vision",
    "principles",
    "governance",
    "levels",
    "inspection_framework",
    "inspection_outcome",
)
STATUS_FIELDS = ("code", "label", "colour", "meaning", "done", "not_started")
PERSON_FIELDS = ("key", "name", "role", "organisation", "email", "user")
SECTION_FIELDS = ("ref", "level", "title", "outcomes")
ACTION_FIELDS = (
    "ref",
    "title",
    "lead_text",
    "resources",
    "cost",
    "cost_text",
    "starts",
    "starts_text",
    "due",
    "due_text",
    "group",
    "members",
    "evidence_of_impact",
    "monitoring",
    "see_also",
)


def _next_position(model: type[Model], **filters: Any) -> int:
    current = model._default_manager.filter(**filters).aggregate(m=Max("position"))["m"]
    return 0 if current is None else current + 1


def _assign(obj: Model, allowed: Sequence[str], values: dict[str, Any]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Cannot set {sorted(unknown)} on {type(obj).__name__}")
    for name, value in values.items():
        setattr(obj, name, value)


def audit_plan_item(
    *, actor: Actor, obj: Model, before: Snapshot | None, after: Snapshot | None
) -> None:
    """Audit a change to something that belongs to the plan as a whole (shown on its history)."""
    plan_id = obj.pk if isinstance(obj, Plan) else obj.plan_id  # type: ignore[attr-defined]
    audit_record(
        actor=actor, obj=obj, before=before, after=after, plan_id=plan_id, scope=f"plan:{plan_id}"
    )


# Areas and plans


@transaction.atomic
def area_get_or_create(*, actor: Actor, name: str) -> Area:
    area = Area.objects.filter(name=name).first()
    if area is None:
        area = Area.objects.create(name=name)
        audit_record(actor=actor, obj=area, before=None, after=snapshot(area), plan_id=None)
    return area


@transaction.atomic
def area_update(*, actor: Actor, area: Area, region: str, inspection_outcome: str) -> Area:
    """Change an area's region and latest inspection outcome."""
    area.refresh_from_db(from_queryset=Area.objects.select_for_update())
    before = snapshot(area)
    area.region = region
    area.inspection_outcome = inspection_outcome
    area.full_clean()
    area.save()
    audit_record(actor=actor, obj=area, before=before, after=snapshot(area), plan_id=None)
    return area


@transaction.atomic
def plan_create(*, actor: Actor, area: Area, title: str, **fields: Any) -> Plan:
    plan = Plan(area=area, title=title)
    _assign(plan, PLAN_FIELDS, fields)
    plan.full_clean()
    plan.save()
    audit_plan_item(actor=actor, obj=plan, before=None, after=snapshot(plan))
    return plan


@transaction.atomic
def plan_update(*, actor: Actor, plan: Plan, seen: Snapshot | None = None, **fields: Any) -> Plan:
    """Change a plan's details. seen is the state its form showed (see check_unchanged)."""
    plan.refresh_from_db(from_queryset=Plan.objects.select_for_update())
    before = snapshot(plan)
    check_unchanged(seen, before)
    _assign(plan, PLAN_FIELDS, fields)
    plan.full_clean()
    plan.save()
    audit_plan_item(actor=actor, obj=plan, before=before, after=snapshot(plan))
    return plan


# Status scale


@transaction.atomic
def status_level_create(
    *, actor: Actor, plan: Plan, code: str, label: str, **fields: Any
) -> StatusLevel:
    if plan.status_levels.filter(code=code).exists():
        raise PlanRuleError(f"The status scale already has the code {code}")
    level = StatusLevel(
        plan=plan, code=code, label=label, position=_next_position(StatusLevel, plan=plan)
    )
    _assign(level, STATUS_FIELDS, fields)
    level.save()
    audit_plan_item(actor=actor, obj=level, before=None, after=snapshot(level))
    return level


@transaction.atomic
def status_level_update(*, actor: Actor, level: StatusLevel, **fields: Any) -> StatusLevel:
    from sendplan.monitoring.models import StatusUpdate

    before = snapshot(level)
    old_code = level.code
    _assign(level, STATUS_FIELDS, fields)
    if level.code != old_code:
        if level.plan.status_levels.filter(code=level.code).exclude(pk=level.pk).exists():
            raise PlanRuleError(f"The status scale already has the code {level.code}")
        if StatusUpdate.objects.filter(
            action__section__plan=level.plan_id, status=old_code
        ).exists():
            raise PlanRuleError(
                f"Updates already use the code {old_code}, so it cannot be renamed; "
                "change its label instead"
            )
    level.save()
    audit_plan_item(actor=actor, obj=level, before=before, after=snapshot(level))
    return level


@transaction.atomic
def status_level_delete(*, actor: Actor, level: StatusLevel) -> None:
    from sendplan.monitoring.models import StatusUpdate

    in_use = StatusUpdate.objects.filter(action__section__plan=level.plan_id)
    if any(level.code in u.split("/") for u in in_use.values_list("status", flat=True)):
        raise PlanRuleError(f"Updates already use the status {level.code}, so it cannot be removed")
    before = snapshot(level)
    audit_plan_item(actor=actor, obj=level, before=before, after=None)
    level.delete()


# People


@transaction.atomic
def person_create(*, actor: Actor, plan: Plan, key: str, **fields: Any) -> Person:
    if plan.people.filter(key=key).exists():
        raise PlanRuleError(f"Someone in this plan already has the key {key}")
    person = Person(plan=plan, key=key, position=_next_position(Person, plan=plan))
    _assign(person, PERSON_FIELDS, fields)
    person.full_clean()
    person.save()
    audit_plan_item(actor=actor, obj=person, before=None, after=snapshot(person))
    return person


@transaction.atomic
def person_update(
    *, actor: Actor, person: Person, seen: Snapshot | None = None, **fields: Any
) -> Person:
    person.refresh_from_db(from_queryset=Person.objects.select_for_update())
    before = snapshot(person)
    check_unchanged(seen, before)
    _assign(person, PERSON_FIELDS, fields)
    if person.plan.people.filter(key=person.key).exclude(pk=person.pk).exists():
        raise PlanRuleError(f"Someone in this plan already has the key {person.key}")
    person.full_clean()
    person.save()
    audit_plan_item(actor=actor, obj=person, before=before, after=snapshot(person))
    return person


# Weaknesses


@transaction.atomic
def weakness_create(
    *, actor: Actor, plan: Plan, text: str, ref: str = "", findings: Iterable[tuple[str, str]] = ()
) -> Weakness:
    weakness = Weakness(plan=plan, ref=ref, text=text, position=_next_position(Weakness, plan=plan))
    weakness.full_clean()
    weakness.save()
    for position, (finding_text, source) in enumerate(findings):
        Finding.objects.create(
            weakness=weakness, text=finding_text, source=source, position=position
        )
    after = snapshot(weakness, extra={"findings": _findings_list(weakness)})
    audit_plan_item(actor=actor, obj=weakness, before=None, after=after)
    return weakness


def _findings_list(weakness: Weakness) -> list[str]:
    return [f"{f.text} ({f.source})" if f.source else f.text for f in weakness.findings.all()]


# Sections


def section_snapshot(section: Section) -> Snapshot:
    """The section as its audit events and its edit form's stale check record it."""
    return _section_state(
        section, section.owners.all(), section.weaknesses.all(), section.milestones.all()
    )


def _section_state(
    section: Section,
    owners: Iterable[Person],
    weaknesses: Iterable[Weakness],
    milestones: Iterable[Milestone],
) -> Snapshot:
    return snapshot(
        section,
        extra={
            "owners": [p.key for p in owners],
            "weaknesses": [w.ref or str(w) for w in weaknesses],
            "milestones": [
                f"{m.due_text or m.due}: {m.text}" if (m.due_text or m.due) else m.text
                for m in milestones
            ],
        },
    )


def _as_stored(items: Iterable[Person] | Iterable[Weakness]) -> list[Any]:
    """People or weaknesses each once, in the order the plan keeps them (their Meta ordering),
    as a section's owners or weaknesses read back from the database."""
    unique = {item.pk: item for item in items}.values()
    return sorted(unique, key=lambda item: (item.position, item.pk))


def _check_same_plan(plan: Plan, objects: Iterable[Model], what: str) -> None:
    for obj in objects:
        if getattr(obj, "plan_id", None) != plan.pk:
            raise PlanRuleError(f"{what} must belong to the same plan")


@transaction.atomic
def section_create(
    *,
    actor: Actor,
    plan: Plan,
    title: str,
    parent: Section | None = None,
    owners: Sequence[Person] = (),
    weaknesses: Sequence[Weakness] = (),
    milestones: Sequence[Milestone] = (),
    **fields: Any,
) -> Section:
    if parent is not None and parent.plan_id != plan.pk:
        raise PlanRuleError("The parent section must belong to the same plan")
    _check_same_plan(plan, owners, "Owners")
    _check_same_plan(plan, weaknesses, "Weaknesses")
    section = Section(
        plan=plan,
        parent=parent,
        title=title,
        position=_next_position(Section, plan=plan, parent=parent),
    )
    _assign(section, SECTION_FIELDS, fields)
    section.full_clean()
    section.save()
    section.owners.set(owners)
    section.weaknesses.set(weaknesses)
    for position, milestone in enumerate(milestones):
        milestone.section = section
        milestone.position = position
        milestone.save()
    audit_record(
        actor=actor,
        obj=section,
        before=None,
        after=section_snapshot(section),
        plan_id=plan.pk,
        scope=f"section:{section.pk}",
    )
    return section


@dataclass(frozen=True)
class SectionRow:
    """A section for section_create_bulk: what section_create takes, with the parent given as
    the index of an earlier row (None for the top of the plan)."""

    title: str
    parent: int | None = None
    owners: Sequence[Person] = ()
    weaknesses: Sequence[Weakness] = ()
    milestones: Sequence[Milestone] = ()
    fields: dict[str, Any] = field(default_factory=dict)


@transaction.atomic
def section_create_bulk(*, actor: Actor, plan: Plan, rows: Sequence[SectionRow]) -> list[Section]:
    """Create sections as section_create would, one after another, in a fixed number of
    queries: the sections one level of the tree at a time, then their owners, weaknesses,
    milestones and audit events a query each. A row section_create would refuse raises
    RowRefused, and nothing is saved."""
    sections: list[Section] = []
    for index, row in enumerate(rows):
        section = Section(plan=plan, title=row.title)
        try:
            _check_same_plan(plan, row.owners, "Owners")
            _check_same_plan(plan, row.weaknesses, "Weaknesses")
            _assign(section, SECTION_FIELDS, row.fields)
            clean_in_memory(section)
        except (PlanRuleError, ValidationError) as error:
            raise RowRefused(index, error) from error
        sections.append(section)
    levels = in_rounds([row.parent for row in rows])
    placed: defaultdict[int | None, int] = defaultdict(int)
    placed[None] = _next_position(Section, plan=plan, parent=None)
    for section, row in zip(sections, rows, strict=True):
        section.parent = None if row.parent is None else sections[row.parent]
        section.position = placed[row.parent]
        placed[row.parent] += 1
    for level in levels:
        Section.objects.bulk_create([sections[index] for index in level])
    owners = [(s, _as_stored(row.owners)) for s, row in zip(sections, rows, strict=True)]
    weaknesses = [(s, _as_stored(row.weaknesses)) for s, row in zip(sections, rows, strict=True)]
    Section.owners.through.objects.bulk_create(
        Section.owners.through(section=s, person=person)
        for s, people in owners
        for person in people
    )
    Section.weaknesses.through.objects.bulk_create(
        Section.weaknesses.through(section=s, weakness=weakness)
        for s, items in weaknesses
        for weakness in items
    )
    for section, row in zip(sections, rows, strict=True):
        for position, milestone in enumerate(row.milestones):
            milestone.section = section
            milestone.position = position
    Milestone.objects.bulk_create(m for row in rows for m in row.milestones)
    audit_record_bulk(
        events=(
            audit_event(
                actor=actor,
                obj=section,
                before=None,
                after=_section_state(section, people, items, row.milestones),
                plan_id=plan.pk,
                scope=f"section:{section.pk}",
            )
            for (section, people), (_, items), row in zip(owners, weaknesses, rows, strict=True)
        )
    )
    return sections


@transaction.atomic
def section_update(
    *,
    actor: Actor,
    section: Section,
    owners: Sequence[Person] | None = None,
    weaknesses: Sequence[Weakness] | None = None,
    seen: Snapshot | None = None,
    **fields: Any,
) -> Section:
    section.refresh_from_db(from_queryset=Section.objects.select_for_update())
    before = section_snapshot(section)
    check_unchanged(seen, before)
    _assign(section, SECTION_FIELDS, fields)
    section.full_clean()
    section.save()
    if owners is not None:
        _check_same_plan(section.plan, owners, "Owners")
        section.owners.set(owners)
    if weaknesses is not None:
        _check_same_plan(section.plan, weaknesses, "Weaknesses")
        section.weaknesses.set(weaknesses)
    audit_record(
        actor=actor,
        obj=section,
        before=before,
        after=section_snapshot(section),
        plan_id=section.plan_id,
        scope=f"section:{section.pk}",
    )
    return section


def _descendant_ids(section: Section) -> set[int]:
    return descendants(Section.objects.filter(plan_id=section.plan_id), [section.pk])


@transaction.atomic
def section_move(
    *, actor: Actor, section: Section, parent: Section | None, position: int | None = None
) -> Section:
    """Put a section under another parent (or at the top) and at a place among its siblings."""
    if parent is not None:
        if parent.plan_id != section.plan_id:
            raise PlanRuleError("A section can only move within its own plan")
        if parent.pk in _descendant_ids(section):
            raise PlanRuleError("A section cannot move inside itself")
    # The parent by id as well as by name: a move between two of the same name is a change.
    before: dict[str, Any] = {
        "parent": str(section.parent) if section.parent else None,
        "parent_id": section.parent_id,
    }
    siblings = list(
        Section.objects.filter(plan=section.plan_id, parent=parent).exclude(pk=section.pk)
    )
    before["position"] = _place_of(section)
    index = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(index, section)
    section.parent = parent
    for place, sibling in enumerate(siblings):
        sibling.position = place
    Section.objects.bulk_update(siblings, ["position"])
    section.save(update_fields=["parent", "position"])
    audit_record(
        actor=actor,
        obj=section,
        before=before,
        after={
            "parent": str(parent) if parent else None,
            "parent_id": parent.pk if parent else None,
            "position": index + 1,
        },
        plan_id=section.plan_id,
        scope=f"section:{section.pk}",
        note="Moved",
    )
    return section


def _place_of(section: Section) -> int:
    siblings = list(
        Section.objects.filter(plan=section.plan_id, parent=section.parent_id).values_list(
            "pk", flat=True
        )
    )
    return siblings.index(section.pk) + 1


@transaction.atomic
def section_delete(*, actor: Actor, section: Section) -> None:
    """Delete a section with what hangs on it, unless that would lose status history."""
    from sendplan.monitoring.models import StatusUpdate

    ids = _descendant_ids(section)
    if StatusUpdate.objects.filter(action__section_id__in=ids).exists():
        raise PlanRuleError(
            "This section has actions with status updates. Move those actions to another "
            "section first, so that their history is kept."
        )
    for action in Action.objects.filter(section_id__in=ids):
        audit_record(
            actor=actor,
            obj=action,
            before=action_snapshot(action),
            after=None,
            plan_id=section.plan_id,
            scope=f"action:{action.pk}",
        )
    for node in Section.objects.filter(pk__in=ids):
        audit_record(
            actor=actor,
            obj=node,
            before=section_snapshot(node),
            after=None,
            plan_id=section.plan_id,
            scope=f"section:{node.pk}",
        )
    section.delete()


# Actions


def action_snapshot(action: Action) -> Snapshot:
    """The action as its audit events and its edit form's stale check record it."""
    return _action_state(action, action.ordered_leads(), action.measures.all())


def _action_state(
    action: Action, leads: Iterable[Person], measures: Iterable[Measure | MeasureData]
) -> Snapshot:
    return snapshot(
        action,
        extra={
            # Its section by id as well as by name: a move between two sections of the same
            # name is a change (not shown in the history; the name is).
            "section_id": action.section_id,
            "leads": [p.key for p in leads],
            "measures": [
                f"{m.text} (by {m.due_text or m.due})" if (m.due_text or m.due) else m.text
                for m in measures
            ],
        },
    )


def _lead_links(action: Action, leads: Sequence[Person]) -> list[ActionLead]:
    """The action's links to its leads: each person once, at the place first given."""
    links: dict[int, ActionLead] = {}
    for position, person in enumerate(leads):
        links.setdefault(person.pk, ActionLead(action=action, person=person, position=position))
    return list(links.values())


def _set_leads(action: Action, leads: Sequence[Person]) -> None:
    _check_same_plan(action.section.plan, leads, "Leads")
    action.lead_links.all().delete()
    for link in _lead_links(action, leads):
        link.save()


def _set_measures(action: Action, measures: Sequence[MeasureData]) -> None:
    action.measures.all().delete()
    Measure.objects.bulk_create(
        Measure(action=action, text=m.text, due=m.due, due_text=m.due_text, position=i)
        for i, m in enumerate(measures)
    )


def _clean_cost(fields: dict[str, Any]) -> None:
    if fields.get("cost") is not None:
        fields["cost"] = Decimal(str(fields["cost"]))


@transaction.atomic
def action_create(
    *,
    actor: Actor,
    section: Section,
    title: str,
    leads: Sequence[Person] = (),
    measures: Sequence[MeasureData] = (),
    **fields: Any,
) -> Action:
    _clean_cost(fields)
    action = Action(section=section, title=title, position=_next_position(Action, section=section))
    _assign(action, ACTION_FIELDS, fields)
    action.full_clean()
    action.save()
    _set_leads(action, leads)
    _set_measures(action, measures)
    audit_record(
        actor=actor,
        obj=action,
        before=None,
        after=action_snapshot(action),
        plan_id=section.plan_id,
        scope=f"action:{action.pk}",
    )
    return action


@dataclass(frozen=True)
class ActionRow:
    """An action for action_create_bulk: what action_create takes."""

    section: Section
    title: str
    leads: Sequence[Person] = ()
    measures: Sequence[MeasureData] = ()
    fields: dict[str, Any] = field(default_factory=dict)


@transaction.atomic
def action_create_bulk(*, actor: Actor, rows: Sequence[ActionRow]) -> list[Action]:
    """Create actions as action_create would, one after another, in a fixed number of queries
    (the actions, their leads, their measures and the audit events a query each). A row
    action_create would refuse raises RowRefused, and nothing is saved."""
    actions: list[Action] = []
    for index, row in enumerate(rows):
        fields = dict(row.fields)
        _clean_cost(fields)
        action = Action(section=row.section, title=row.title)
        try:
            _assign(action, ACTION_FIELDS, fields)
            clean_in_memory(action)
            if any(person.plan_id != row.section.plan_id for person in row.leads):
                raise PlanRuleError("Leads must belong to the same plan")
        except (PlanRuleError, ValidationError) as error:
            raise RowRefused(index, error) from error
        actions.append(action)
    sections = {row.section.pk for row in rows}
    placed = dict(
        Action.objects.filter(section__in=sections)
        .values("section")
        .annotate(last=Max("position"))
        .values_list("section", "last")
    )
    for action in actions:
        last = placed.get(action.section_id)
        action.position = 0 if last is None else last + 1
        placed[action.section_id] = action.position
    Action.objects.bulk_create(actions)
    links = [_lead_links(action, row.leads) for action, row in zip(actions, rows, strict=True)]
    ActionLead.objects.bulk_create(link for some in links for link in some)
    Measure.objects.bulk_create(
        Measure(action=action, text=m.text, due=m.due, due_text=m.due_text, position=i)
        for action, row in zip(actions, rows, strict=True)
        for i, m in enumerate(row.measures)
    )
    audit_record_bulk(
        events=(
            audit_event(
                actor=actor,
                obj=action,
                before=None,
                after=_action_state(action, [link.person for link in some], row.measures),
                plan_id=row.section.plan_id,
                scope=f"action:{action.pk}",
            )
            for action, some, row in zip(actions, links, rows, strict=True)
        )
    )
    return actions


@transaction.atomic
def action_update(
    *,
    actor: Actor,
    action: Action,
    leads: Sequence[Person] | None = None,
    measures: Sequence[MeasureData] | None = None,
    section: Section | None = None,
    due_change_reason: str = "",
    seen: Snapshot | None = None,
    **fields: Any,
) -> Action:
    """Change an action. Moving a due date that was set is recorded as an approved change
    of date (re-baselining) by the acting user, so it shows wherever the action does.

    The action is read again with its row locked, so that its audit event's "before" is what
    this write replaced, and seen (the state its form showed) is checked against it."""
    action.refresh_from_db(from_queryset=Action.objects.select_for_update())
    before = action_snapshot(action)
    check_unchanged(seen, before)
    previous_due = (action.due, action.due_text)
    _clean_cost(fields)
    _assign(action, ACTION_FIELDS, fields)
    if section is not None and section.pk != action.section_id:
        if section.plan_id != action.section.plan_id:
            raise PlanRuleError("An action can only move within its own plan")
        action.section = section
        action.position = _next_position(Action, section=section)
    action.full_clean()
    action.save()
    if leads is not None:
        _set_leads(action, leads)
    if measures is not None:
        _set_measures(action, measures)
    if any(previous_due) and previous_due != (action.due, action.due_text):
        _record_due_change(actor, action, previous_due, due_change_reason)
    audit_record(
        actor=actor,
        obj=action,
        before=before,
        after=action_snapshot(action),
        plan_id=action.section.plan_id,
        scope=f"action:{action.pk}",
    )
    return action


def _record_due_change(
    actor: Actor, action: Action, previous: tuple[str, str], reason: str
) -> None:
    now = timezone.now()
    user, name = acting_user(actor), actor_label(actor)
    DueDateChange.objects.create(
        action=action,
        previous_due=previous[0],
        previous_due_text=previous[1],
        due=action.due,
        due_text=action.due_text,
        reason=reason.strip() or "No reason was given.",
        state=DueDateChange.State.APPROVED,
        proposed_by=user,
        proposed_by_name=name,
        proposed_at=now,
        decided_by=user,
        decided_by_name=name,
        decided_at=now,
        decision_note="Changed directly on the action",
    )


@transaction.atomic
def action_delete(*, actor: Actor, action: Action) -> None:
    if action.updates.exists():
        raise PlanRuleError(
            "This action has status updates, so it cannot be deleted; its history must be kept."
        )
    audit_record(
        actor=actor,
        obj=action,
        before=action_snapshot(action),
        after=None,
        plan_id=action.section.plan_id,
        scope=f"action:{action.pk}",
    )
    action.delete()


# Appendices


@transaction.atomic
def key_date_create(*, actor: Actor, plan: Plan, kind: str, on: str, note: str = "") -> KeyDate:
    """Put a date on the plan's inspection timeline."""
    key_date = KeyDate(plan=plan, kind=kind, on=on, note=note)
    key_date.full_clean()
    key_date.save()
    audit_plan_item(actor=actor, obj=key_date, before=None, after=snapshot(key_date))
    return key_date


def key_date_delete(*, actor: Actor, key_date: KeyDate) -> None:
    before = snapshot(key_date)
    audit_plan_item(actor=actor, obj=key_date, before=before, after=None)
    key_date.delete()


def glossary_term_create(*, actor: Actor, plan: Plan, term: str, meaning: str) -> GlossaryTerm:
    item = GlossaryTerm.objects.create(
        plan=plan, term=term, meaning=meaning, position=_next_position(GlossaryTerm, plan=plan)
    )
    audit_plan_item(actor=actor, obj=item, before=None, after=snapshot(item))
    return item


@transaction.atomic
def meeting_create(
    *, actor: Actor, plan: Plan, title: str, on: str = "", attendees: Sequence[str] = ()
) -> Meeting:
    item = Meeting.objects.create(
        plan=plan,
        title=title,
        on=on,
        attendees=list(attendees),
        position=_next_position(Meeting, plan=plan),
    )
    audit_plan_item(actor=actor, obj=item, before=None, after=snapshot(item))
    return item


@transaction.atomic
def feedback_create(
    *, actor: Actor, plan: Plan, you_said: str = "", we_did: str = "", on: str = ""
) -> Feedback:
    item = Feedback.objects.create(
        plan=plan,
        you_said=you_said,
        we_did=we_did,
        on=on,
        position=_next_position(Feedback, plan=plan),
    )
    audit_plan_item(actor=actor, obj=item, before=None, after=snapshot(item))
    return item
