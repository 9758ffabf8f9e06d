"""Applying a plan document to a plan that already exists, such as a tracker leads filled in.

plan_changes works out what the file would change, for a person to check; apply_changes saves
exactly that through the plan and monitoring services, so the audit trail records every write.
Nothing is ever deleted: what the plan has and the file lacks is only listed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import capfirst

from sendplan.audit.services import Actor
from sendplan.interchange.jsonformat import (
    ACTION_KEYS,
    MEASURE_KEYS,
    MILESTONE_KEYS,
    PERSON_KEYS,
    STATUS_KEYS,
)
from sendplan.interchange.parsers.values import parent_ref
from sendplan.interchange.schema import Document, parse_recorded_at, validate_document
from sendplan.lib.dates import format_partial_date
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import Period, StatusUpdate
from sendplan.monitoring.progress import StatusView
from sendplan.plans import services as plans
from sendplan.plans.models import Action, Milestone, Person, Plan, Section, StatusLevel, Weakness
from sendplan.plans.selectors import change_mark
from sendplan.plans.services import MeasureData, PlanRuleError

T = TypeVar("T")

# The action fields a file can change, by the document's names; the ref is what matches it.
ACTION_FIELDS = ("title", *(key for key in ACTION_KEYS if key != "ref"), "leads", "measures")
SECTION_FIELDS = ("title", "outcomes")
# The parts of the plan a ChangeSet is worked out from; a change to any of them makes it stale.
# Collections that other parts of a document refer to, and the field that names each item.
REFERENCED = {"periods": "label", "people": "key", "status_scale": "code", "weaknesses": "ref"}


class PlanChangedError(PlanRuleError):
    """The plan moved on after the changes were worked out, so they were not saved."""


# What a ChangeSet holds


@dataclass(frozen=True)
class Remark:
    """Something a person checking the file should know: where, and what happened."""

    where: str
    message: str


@dataclass(frozen=True)
class FieldChange:
    field: str  # the document's name for it, such as "due"
    label: str  # "Due date"
    before: str  # as a person reads it; "" when blank
    after: str
    value: Any  # what is saved


@dataclass(frozen=True)
class NewStatusLevel:
    code: str
    label: str
    colour: str = ""
    meaning: str = ""
    done: bool = False
    not_started: bool = False


@dataclass(frozen=True)
class NewPeriod:
    label: str
    ends_on: str = ""


@dataclass(frozen=True)
class NewPerson:
    key: str
    name: str = ""
    role: str = ""
    organisation: str = ""
    email: str = ""


@dataclass(frozen=True)
class Parent:
    """Where something new goes: under a section of the plan, or under a new one."""

    heading: str  # "Strategic priority 1.1: Combine the boards"
    section_id: int | None = None
    new_section: int | None = None  # index into ChangeSet.new_sections


@dataclass(frozen=True)
class NewSection:
    ref: str
    level: str
    title: str
    parent: Parent | None  # None at the top of the plan
    outcomes: str = ""
    owners: tuple[str, ...] = ()
    weakness_ids: tuple[int, ...] = ()
    milestones: tuple[Document, ...] = ()

    @property
    def heading(self) -> str:
        return Section(ref=self.ref, level=self.level, title=self.title).heading


@dataclass(frozen=True)
class SectionChange:
    section_id: int
    heading: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class NewAction:
    ref: str
    title: str
    parent: Parent
    leads: tuple[str, ...] = ()
    measures: tuple[MeasureData, ...] = ()
    values: Document = field(default_factory=dict)  # the other fields the file gives


@dataclass(frozen=True)
class ActionChange:
    action_id: int
    ref: str
    title: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class NewUpdate:
    action_ref: str
    period: str  # the label it is recorded under
    status: str
    previous: str | None  # the period's status until now; None if nothing was recorded
    narrative: str = ""
    evidence: tuple[str, ...] = ()
    recorded_by: str = ""
    recorded_at: dt.datetime | None = None
    action_id: int | None = None
    new_action: int | None = None  # index into ChangeSet.new_actions
    # The status and the previous one in the words of the plan's scale (with the file's new
    # levels), for the check page: a code alone ("AG") means little to the person checking.
    shown: StatusView | None = field(default=None, compare=False)
    previous_shown: StatusView | None = field(default=None, compare=False)

    def __str__(self) -> str:
        status = self.status or "no status"
        if self.previous is None:
            return f"{self.period}: {status}"
        return f"{self.period}: {self.previous or 'no status'} → {status}"


@dataclass(frozen=True)
class MissingAction:
    action_id: int
    ref: str
    title: str
    section: str  # the heading of the section it is in


# What each count is called, for ChangeSet and ApplyResult alike.
COUNTED = (
    ("new_periods", "new period", "new periods"),
    ("new_status_levels", "new status on the scale", "new statuses on the scale"),
    ("new_people", "new person", "new people"),
    ("new_updates", "new status update", "new status updates"),
    ("changed_sections", "changed section", "changed sections"),
    ("changed_actions", "changed action", "changed actions"),
    ("new_sections", "new section", "new sections"),
    ("new_actions", "new action", "new actions"),
)


def _in_words(result: ChangeSet | ApplyResult) -> str:
    counts = [(len(getattr(result, name)), one, many) for name, one, many in COUNTED]
    words = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    return ", ".join(words) if words else "No changes"


@dataclass
class ChangeSet:
    """What applying a file would do to a plan, for a person to check before it is saved."""

    fingerprint: str  # of the plan as it was when this was worked out
    new_status_levels: list[NewStatusLevel] = field(default_factory=list)
    new_periods: list[NewPeriod] = field(default_factory=list)
    new_people: list[NewPerson] = field(default_factory=list)
    new_sections: list[NewSection] = field(default_factory=list)
    changed_sections: list[SectionChange] = field(default_factory=list)
    new_actions: list[NewAction] = field(default_factory=list)
    changed_actions: list[ActionChange] = field(default_factory=list)
    new_updates: list[NewUpdate] = field(default_factory=list)
    not_in_file: list[MissingAction] = field(default_factory=list)
    problems: list[Remark] = field(default_factory=list)  # left out of the changes
    notes: list[Remark] = field(default_factory=list)  # loose matches, actions not moved

    @property
    def is_empty(self) -> bool:
        return all(not getattr(self, name) for name, _, _ in COUNTED)

    def summary(self) -> str:
        """The changes counted in words: "1 new period, 41 new status updates"."""
        return _in_words(self)


@dataclass
class ApplyResult:
    """What apply_changes saved."""

    new_status_levels: list[StatusLevel] = field(default_factory=list)
    new_periods: list[Period] = field(default_factory=list)
    new_people: list[Person] = field(default_factory=list)
    new_sections: list[Section] = field(default_factory=list)
    changed_sections: list[Section] = field(default_factory=list)
    new_actions: list[Action] = field(default_factory=list)
    changed_actions: list[Action] = field(default_factory=list)
    new_updates: list[StatusUpdate] = field(default_factory=list)

    def summary(self) -> str:
        return _in_words(self)


# Working out the changes


def plan_changes(plan: Plan, document: object) -> ChangeSet:
    """What the document would change in the plan. Writes nothing.

    Raises PlanDocumentError when the document is not a sound plan document in itself.
    """
    return _Planner(plan, _checked(document)).run()


def _checked(document: object) -> Document:
    """The plan in a document that validate_document accepts once its references are settled.

    A file applied to a plan may name periods, people, statuses and weaknesses that only the
    plan defines, or that nobody does. Those stand in as placeholders here, so that the check
    reports only what is wrong with the file itself; plan_changes reports each one it cannot
    resolve as a problem, and leaves that part out.
    """
    if not isinstance(document, dict) or not isinstance(document.get("plan"), dict):
        body: Document = validate_document(document)["plan"]
        return body
    # Only the lists the placeholders join are copied: the check reads the rest as it is.
    body = dict(document["plan"])
    for collection, values in _references(body).items():
        items = body.setdefault(collection, [])
        if isinstance(items, list):
            name = REFERENCED[collection]
            named = {item.get(name) for item in items if isinstance(item, dict)}
            body[collection] = items + [
                _placeholder(collection, v) for v in dict.fromkeys(values) if v not in named
            ]
    validate_document({**document, "plan": body})
    checked: Document = document["plan"]
    return checked


def _placeholder(collection: str, value: str) -> Document:
    return {
        "periods": {"label": value},
        "people": {"key": value},
        "status_scale": {"code": value, "label": value},
        "weaknesses": {"ref": value, "text": value},
    }[collection]


def _references(body: Document) -> dict[str, list[str]]:
    """Every period, person, status code and weakness the document's sections refer to."""
    found: dict[str, list[str]] = {collection: [] for collection in REFERENCED}
    for section in _sections_in(body):
        found["people"] += _strings(section, "owners")
        found["weaknesses"] += _strings(section, "weaknesses")
        for action in _dicts(section, "actions"):
            found["people"] += _strings(action, "leads")
            for update in _dicts(action, "updates"):
                period, status = update.get("period"), update.get("status")
                if isinstance(period, str):
                    found["periods"].append(period)
                if isinstance(status, str):
                    found["status_scale"] += [part for part in status.split("/") if part]
    return found


def _sections_in(node: Document) -> Iterator[Document]:
    for section in _dicts(node, "sections"):
        yield section
        yield from _sections_in(section)


# The document has not been checked yet when these read it, so they take only what fits.


def _dicts(node: Document, key: str) -> list[Document]:
    value = node.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _strings(node: Document, key: str) -> list[str]:
    value = node.get(key)
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _fingerprint(plan: Plan) -> str:
    """The plan as it stands, so that any change to it shows: the id of its newest recorded
    change. Every write to a plan records its audit event in the same transaction, and ids only
    grow (plans.selectors.last_changes), so the id moves on with every change a ChangeSet
    depends on, and with some it does not (an indicator's figure), after which the person is
    asked to upload the file again. A change still being written when the file was read may
    commit later with an older id, so the mark is then one of its own and the saving asks for
    the file again (plans.selectors.change_mark). It had been a digest of the whole plan's
    export, a third of a second on a 300-action plan the first time after each change."""
    return f"plan {plan.pk} at {change_mark(plan)}"


class _LeftOut(Exception):
    """A part of the file that cannot be applied; the remark says why."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.remark = Remark(where, message)


def _loose(ref: str) -> str:
    """A ref as people retype it: spaces and capitals do not matter ("1.2 a" is "1.2A")."""
    return "".join(ref.split()).casefold()


class _Index(Generic[T]):
    """Things of the plan by ref (or label), found as written or else loosely."""

    def __init__(self, pairs: Iterable[tuple[str, T]]) -> None:
        self.exact: defaultdict[str, list[tuple[str, T]]] = defaultdict(list)
        self.loose: defaultdict[str, list[tuple[str, T]]] = defaultdict(list)
        for ref, item in pairs:
            self.exact[ref].append((ref, item))
            self.loose[_loose(ref)].append((ref, item))

    def find(self, ref: str) -> list[tuple[str, T]]:
        return self.exact.get(ref) or self.loose.get(_loose(ref), [])


@dataclass
class _FileSection:
    """A section of the file, and the plan's section it stands for (if any)."""

    item: Document
    parent: _FileSection | None
    section: Section | None = None
    ambiguous: bool = False
    new_section: int | None = None

    @property
    def heading(self) -> str:
        if self.section is not None:
            return self.section.heading
        item = self.item
        return Section(
            ref=item.get("ref", ""), level=item.get("level", ""), title=item["title"]
        ).heading


def _said(update: Document) -> tuple[str, str]:
    return update.get("status", ""), update.get("narrative", "")


def _repeats(update: Document, recorded: tuple[str, str] | None) -> bool:
    """Whether the file's update says only what was recorded.

    What it leaves out is not news: a tracker with no commentary column gives statuses alone.
    """
    if recorded is None:
        return False
    status, narrative = recorded
    return (update.get("status", status), update.get("narrative", narrative)) == recorded


def _beyond_history(recorded: list[tuple[str, str]], updates: list[Document]) -> list[Document]:
    """The file's updates for a period, less those that repeat its recorded history.

    An export, and a tracker made from one, carries the history back with it: the updates it
    begins with, in the order they were recorded, are not news.
    """
    known = 0
    while known < min(len(recorded), len(updates)) and _repeats(updates[known], recorded[known]):
        known += 1
    return updates[known:]


class _Planner:
    """Walks the file against the plan, building up the ChangeSet."""

    def __init__(self, plan: Plan, body: Document) -> None:
        self.body = body
        self.changes = ChangeSet(fingerprint=_fingerprint(plan))
        actions = list(
            Action.objects.filter(section__plan=plan)
            .select_related("section")
            .prefetch_related("lead_links__person", "measures")
        )
        self.histories = _histories(plan)
        self.actions = _Index((a.ref, a) for a in actions if a.ref)
        self.sections = _Index((s.ref, s) for s in plan.sections.all() if s.ref)
        self.periods = _Index((p.label, p.label) for p in plan.periods.all())
        self.locked = {p.label for p in plan.periods.all() if p.is_locked}
        self.weaknesses = _Index((w.ref, w.pk) for w in plan.weaknesses.all() if w.ref)
        # The plan's scale, and each level the file adds to it, unsaved, for its words.
        self.scale = {level.code: level for level in plan.status_levels.all()}
        self.people = set(plan.people.values_list("key", flat=True))
        self.file_scale = {item["code"]: item for item in body.get("status_scale", [])}
        self.file_people = {item["key"]: item for item in body.get("people", [])}
        self.file_periods: dict[str, str] = {}  # a label in the file → the plan's label for it
        self.not_seen = {action.pk: action for action in actions}
        self.refs_seen: set[str] = set()

    def run(self) -> ChangeSet:
        for item in self.body.get("periods", []):
            self._attempt(self._period, item)
        for item in self.body["sections"]:
            self._section(item, None)
        self.changes.not_in_file = [
            MissingAction(action.pk, action.ref, action.title, action.section.heading)
            for action in self.not_seen.values()
        ]
        return self.changes

    def _attempt(self, step: Callable[..., None], *args: Any) -> None:
        try:
            step(*args)
        except _LeftOut as left_out:
            self._problem(left_out.remark)

    def _problem(self, remark: Remark) -> None:
        # Several rows can run into the same problem; a person needs to read it once.
        if remark not in self.changes.problems:
            self.changes.problems.append(remark)

    def _match(self, index: _Index[T], ref: str, noun: str) -> T | None:
        """The one thing of the plan a ref in the file names, or None when there is none."""
        found = index.find(ref)
        where = f"{capfirst(noun)} {ref}"
        if len(found) > 1:
            raise _LeftOut(where, f"More than one {noun} in the plan could be {ref}")
        if not found:
            return None
        plan_ref, item = found[0]
        note = Remark(where, f"Taken to be the plan's {noun} {plan_ref}, ignoring spaces and case")
        if plan_ref != ref and note not in self.changes.notes:
            self.changes.notes.append(note)
        return item

    # Periods, statuses and people

    def _period(self, item: Document) -> None:
        label = item["label"]
        found = self._match(self.periods, label, "period")
        if found is None:
            self.changes.new_periods.append(NewPeriod(label, item.get("ends_on", "")))
        self.file_periods[label] = found or label

    def _period_for(self, label: str, where: str) -> str:
        found = self.file_periods.get(label) or self._match(self.periods, label, "period")
        if found is None:
            raise _LeftOut(where, f"Neither the plan nor the file has a period called {label}")
        return found

    def _check_status(self, status: str, where: str) -> None:
        """Each part of a rating ("G/A") is on the plan's scale, or the file's scale adds it."""
        missing = [part for part in status.split("/") if status and part not in self.scale]
        undefined = [part for part in missing if part not in self.file_scale]
        if undefined:
            codes = ", ".join(sorted(self.scale))
            raise _LeftOut(
                where,
                f"{status} is not on the plan's status scale ({codes}) and the file does not "
                f"define {', '.join(undefined)}",
            )
        for code in missing:
            level = {
                key: self.file_scale[code][key]
                for key in STATUS_KEYS
                if key in self.file_scale[code]
            }
            self.changes.new_status_levels.append(NewStatusLevel(**level))
            self.scale[code] = StatusLevel(**level)

    def _unknown(self, keys: list[str], where: str, noun: str, outcome: str) -> list[str]:
        """The keys of people neither the plan nor the file lists, each reported."""
        unknown = [key for key in keys if key not in self.people and key not in self.file_people]
        for key in unknown:
            self._problem(
                Remark(
                    where, f"The {noun} {key} is not anyone in the plan or the file, so {outcome}"
                )
            )
        return unknown

    def _add_people(self, keys: Iterable[str]) -> None:
        """Propose the people of the file that the plan does not have yet."""
        for key in keys:
            if key not in self.people:
                self.people.add(key)
                listed = self.file_people[key]
                self.changes.new_people.append(
                    NewPerson(**{name: listed[name] for name in PERSON_KEYS if name in listed})
                )

    def _known_people(self, keys: list[str], where: str, noun: str) -> tuple[str, ...]:
        """For something new: the people it names that can be found, adding any from the file."""
        unknown = self._unknown(keys, where, noun, "they were left out")
        known = tuple(key for key in keys if key not in unknown)
        self._add_people(known)
        return known

    # Sections

    def _section(self, item: Document, parent: _FileSection | None) -> None:
        node = _FileSection(item, parent)
        if item.get("ref"):
            try:
                node.section = self._match(self.sections, item["ref"], "section")
            except _LeftOut as left_out:
                self._problem(left_out.remark)
                node.ambiguous = True
        if node.section is not None:
            self._section_changes(node.section, item)
        for child in item.get("sections", []):
            self._section(child, node)
        for action in item.get("actions", []):
            self._attempt(self._action, action, node)

    def _section_changes(self, section: Section, item: Document) -> None:
        fields = [
            _change(Section, name, getattr(section, name), item[name])
            for name in SECTION_FIELDS
            if name in item and _given(name, item[name])
        ]
        changed = tuple(change for change in fields if change is not None)
        if changed:
            self.changes.changed_sections.append(
                SectionChange(section.pk, section.heading, changed)
            )

    def _place(self, node: _FileSection, where: str) -> Parent:
        """The plan's section for the file's, proposing a new one (and its parents) if need be."""
        if node.section is not None:
            return Parent(node.section.heading, section_id=node.section.pk)
        if node.ambiguous:
            ref = node.item["ref"]
            raise _LeftOut(where, f"More than one section in the plan could be its section {ref}")
        if not node.item["title"].strip():
            raise _LeftOut(where, "Its section in the file has no title, so it cannot be added")
        if node.new_section is None:
            parent = self._place(node.parent, where) if node.parent else None
            new = self._new_section(node.item, parent)
            node.new_section = len(self.changes.new_sections)
            self.changes.new_sections.append(new)
        return Parent(node.heading, new_section=node.new_section)

    def _new_section(self, item: Document, parent: Parent | None) -> NewSection:
        where = f"Section {item.get('ref') or item['title'][:40]}"
        weakness_ids: list[int] = []
        for ref in item.get("weaknesses", []):
            found = self._match(self.weaknesses, ref, "weakness")
            if found is None:
                self._problem(
                    Remark(where, f"The plan has no area of weakness {ref}, so it was not linked")
                )
            else:
                weakness_ids.append(found)
        return NewSection(
            ref=item.get("ref", ""),
            level=item.get("level", ""),
            title=item["title"],
            parent=parent,
            outcomes=item.get("outcomes", ""),
            owners=self._known_people(item.get("owners", []), where, "owner"),
            weakness_ids=tuple(weakness_ids),
            milestones=tuple(
                {key: m[key] for key in MILESTONE_KEYS if key in m}
                for m in item.get("milestones", [])
            ),
        )

    # Actions

    def _action(self, item: Document, node: _FileSection) -> None:
        ref = item.get("ref", "")
        where = f"Action {ref}" if ref else f"The action “{item['title'][:40]}”"
        if not ref:
            raise _LeftOut(where, "It has no ref, so it cannot be matched to the plan")
        if _loose(ref) in self.refs_seen:
            raise _LeftOut(where, "It is in the file more than once; only the first was used")
        self.refs_seen.add(_loose(ref))
        action = self._match(self.actions, ref, "action")
        if action is None:
            self._new_action(item, node, where)
        else:
            self._matched_action(action, item, node, where)

    def _new_action(self, item: Document, node: _FileSection, where: str) -> None:
        if not item["title"].strip():
            raise _LeftOut(where, "It has no title, so it was left out")
        parent = self._section_above(item["ref"]) if not node.item.get("ref") else None
        self.changes.new_actions.append(
            NewAction(
                ref=item["ref"],
                title=item["title"],
                parent=parent or self._place(node, where),
                leads=self._known_people(item.get("leads", []), where, "lead"),
                measures=tuple(_measures(item.get("measures", []))),
                values={key: item[key] for key in ACTION_KEYS if key in item and key != "ref"},
            )
        )
        index = len(self.changes.new_actions) - 1
        self._updates(item, where, {}, new_action=index)

    def _section_above(self, ref: str) -> Parent | None:
        """The plan's section whose ref the action's extends: 1.1 for 1.1.3.

        For a file that does not say, such as a flat tracker whose rows the parser put in a
        section without a ref.
        """
        above = parent_ref(ref)
        while above:
            found = self.sections.find(above)
            if len(found) == 1:
                section = found[0][1]
                return Parent(section.heading, section_id=section.pk)
            above = parent_ref(above)
        return None

    def _matched_action(
        self, action: Action, item: Document, node: _FileSection, where: str
    ) -> None:
        self.not_seen.pop(action.pk, None)
        # A file section without a ref (a flat tracker's) says nothing about where actions are.
        moved = node.section is None or node.section.pk != action.section_id
        if node.item.get("ref") and moved:
            self.changes.notes.append(
                Remark(
                    where,
                    f"The file has it under {node.heading}; it stays under "
                    f"{action.section.heading}",
                )
            )
        changed = tuple(self._action_changes(action, item, where))
        if changed:
            self.changes.changed_actions.append(
                ActionChange(action.pk, action.ref, action.title, changed)
            )
        self._updates(item, where, self.histories.get(action.pk, {}), action_id=action.pk)

    def _action_changes(self, action: Action, item: Document, where: str) -> Iterator[FieldChange]:
        for name in ACTION_FIELDS:
            if name not in item or not _given(name, item[name]):
                continue
            # Leads with someone missing would drop a lead the plan has: keep them as they are.
            if name == "leads" and self._unknown(
                item[name], where, "lead", "the leads were not changed"
            ):
                continue
            after = _value(name, item[name])
            if _as_written_of(action, name, after):
                continue
            change = _change(Action, name, _current(action, name), after)
            if change is not None:
                if name == "leads":
                    self._add_people(item[name])
                yield change

    # Status updates

    def _updates(
        self,
        item: Document,
        where: str,
        history: dict[str, list[tuple[str, str]]],
        *,
        action_id: int | None = None,
        new_action: int | None = None,
    ) -> None:
        by_period: defaultdict[str, list[Document]] = defaultdict(list)
        for update in item.get("updates", []):
            try:
                by_period[self._period_for(update["period"], where)].append(update)
            except _LeftOut as left_out:
                self._problem(left_out.remark)
        for period, updates in by_period.items():
            recorded = history.get(period, [])
            latest = recorded[-1] if recorded else None
            for update in _beyond_history(recorded, updates):
                said = _said(update)
                # An empty cell says nothing, and recording it would hide the last real status.
                empty = said == ("", "") and not update.get("evidence")
                if empty or _repeats(update, latest):
                    continue
                if period in self.locked:
                    self._problem(
                        Remark(
                            f"{where}, {period}",
                            f"{period} has been signed off, so its updates are locked; "
                            "the file's status for it is left out",
                        )
                    )
                    continue
                try:
                    self._check_status(said[0], f"{where}, {period}")
                except _LeftOut as left_out:
                    self._problem(left_out.remark)
                    continue
                self.changes.new_updates.append(
                    NewUpdate(
                        action_ref=item["ref"],
                        period=period,
                        status=said[0],
                        previous=latest[0] if latest else None,
                        narrative=said[1],
                        evidence=tuple(update.get("evidence", [])),
                        recorded_by=update.get("recorded_by", ""),
                        recorded_at=parse_recorded_at(update.get("recorded_at")),
                        action_id=action_id,
                        new_action=new_action,
                        shown=StatusView.of(said[0], self.scale),
                        previous_shown=StatusView.of(latest[0], self.scale) if latest else None,
                    )
                )
                latest = said


def _given(name: str, value: Any) -> bool:
    # Everything in a plan has a title: a blank one in the file cannot clear it.
    return name != "title" or bool(value.strip())


def _histories(plan: Plan) -> dict[int, dict[str, list[tuple[str, str]]]]:
    """What was recorded for each action of the plan in each period, oldest first. One query
    for the whole plan, of the two values compared: a tracker brings back thousands."""
    histories: defaultdict[int, dict[str, list[tuple[str, str]]]] = defaultdict(dict)
    rows = StatusUpdate.objects.filter(action__section__plan=plan).values_list(
        "action_id", "period__label", "status", "narrative"
    )
    for action_id, label, status, narrative in rows:
        histories[action_id].setdefault(label, []).append((status, narrative))
    return histories


def _measures(items: list[Document]) -> list[MeasureData]:
    return [MeasureData(**{key: m[key] for key in MEASURE_KEYS if key in m}) for m in items]


def _current(action: Action, name: str) -> Any:
    if name == "leads":
        return [link.person.key for link in action.lead_links.all()]
    if name == "measures":
        return [MeasureData(m.text, m.due, m.due_text) for m in action.measures.all()]
    return getattr(action, name)


# Words a plan may leave blank, shown from the value beside them.
_WRITTEN_FROM = {"due_text": "due", "starts_text": "starts", "cost_text": "cost"}


def _written(name: str, value: Any) -> str:
    """A value as sendplan writes it in a tracker, where the plan gave no words for it."""
    if name in ("due", "starts"):
        return format_partial_date(value) if value else ""
    if name == "cost":
        return f"£{value:,.2f}".replace(".00", "") if value is not None else ""
    return ""


def _as_written_of(action: Action, name: str, after: Any) -> bool:
    """Whether the file's words for a field the plan left blank are only sendplan's own way
    of writing its value ("January 2018" for a due date of 2018-01): no change.
    Measures likewise, when the only difference is such a date."""
    if name in _WRITTEN_FROM:
        before = getattr(action, name)
        value = _written(_WRITTEN_FROM[name], getattr(action, _WRITTEN_FROM[name]))
        return not before and bool(value) and _same(value, after)
    if name == "measures":
        current = _current(action, name)
        if len(current) == len(after) and all(
            _same_measure(was, now) for was, now in zip(current, after, strict=True)
        ):
            return True
        # A measure whose sentences ran together ("approved Board operational") may be read
        # back as two: the same words with the same dates are the same measures.
        return _measure_words(current) == _measure_words(after) and _measure_dates(
            current
        ) == _measure_dates(after)
    return False


def _measure_words(measures: list[MeasureData]) -> list[str]:
    return re.findall(r"\w+", " ".join(m.text for m in measures).lower())


def _measure_dates(measures: list[MeasureData]) -> set[tuple[str, str]]:
    return {(m.due, m.due_text) for m in measures if m.due or m.due_text}


def _same_measure(was: MeasureData, now: MeasureData) -> bool:
    """A measure read back from the tracker, which writes its date after it ("(by 3 times a
    year)", "(by January 2018)"), is the measure the plan has."""
    shown = was.due_text or format_partial_date(was.due)
    written_after = not now.due and not now.due_text
    if (was.due_text or was.due) and written_after and _same(f"{was.text} (by {shown})", now.text):
        return True
    return (
        _same(was.text, now.text)
        and was.due == now.due
        and (_same(was.due_text, now.due_text) or (not was.due_text and _same(shown, now.due_text)))
    )


def _value(name: str, value: Any) -> Any:
    """A value from the file in the form the plan keeps it."""
    if name == "measures":
        return _measures(value)
    if name == "cost":
        return Decimal(str(value))
    return value


def _same(before: Any, after: Any) -> bool:
    # Text is kept as written with only whitespace normalised, so a line break that a
    # spreadsheet cell or a pasted table turned into a space is no change.
    if isinstance(before, str) and isinstance(after, str):
        return before.split() == after.split()
    return bool(before == after)


def _change(
    model: type[Section | Action], name: str, before: Any, after: Any
) -> FieldChange | None:
    if _same(before, after):
        return None
    return FieldChange(name, _label(model, name), _shown(name, before), _shown(name, after), after)


def _label(model: type[Section | Action], name: str) -> str:
    """The field's name as the plan's own forms show it."""
    if name == "measures":
        return "Measures of success"
    verbose_name = getattr(model._meta.get_field(name), "verbose_name", name)
    return capfirst(str(verbose_name))


def _shown(name: str, value: Any) -> str:
    """A value as a person reads it on the check page."""
    if name in ("due", "starts"):
        return format_partial_date(value)
    if name == "cost":
        return "" if value is None else f"£{value:,.2f}"
    if name == "measures":
        return "; ".join(
            f"{m.text} (by {m.due_text or format_partial_date(m.due)})"
            if m.due or m.due_text
            else m.text
            for m in value
        )
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


# Saving the changes


@transaction.atomic
def apply_changes(*, plan: Plan, changes: ChangeSet, actor: Actor) -> ApplyResult:
    """Save a ChangeSet through the services, all of it or, if the plan has moved on, nothing."""
    # Taking the plan's row makes a second import of the same plan wait, then see it is stale.
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    if _fingerprint(plan) != changes.fingerprint:
        raise PlanChangedError("The plan has changed since you uploaded the file; upload it again")
    return _Applier(plan, actor).apply(changes)


class _Applier:
    def __init__(self, plan: Plan, actor: Actor) -> None:
        self.plan = plan
        self.actor = actor
        self.result = ApplyResult()
        self.people = {person.key: person for person in plan.people.all()}
        self.periods = {period.label: period for period in plan.periods.all()}
        self.sections = {section.pk: section for section in plan.sections.all()}
        self.actions = {
            action.pk: action
            for action in Action.objects.filter(section__plan=plan).select_related("section__plan")
        }

    def _save(self, where: str, service: Callable[..., T], **values: Any) -> T:
        # plan_changes leaves nothing for a service to refuse; if one does, say where.
        try:
            return service(actor=self.actor, **values)
        except ValidationError as error:
            raise PlanRuleError(f"{where}: {' '.join(error.messages)}") from error

    def apply(self, changes: ChangeSet) -> ApplyResult:
        for level in changes.new_status_levels:
            self.result.new_status_levels.append(
                self._save(
                    f"Status {level.code}",
                    plans.status_level_create,
                    plan=self.plan,
                    **asdict(level),
                )
            )
        for period in changes.new_periods:
            saved = self._save(
                f"Period {period.label}", monitoring.period_create, plan=self.plan, **asdict(period)
            )
            self.periods[saved.label] = saved
            self.result.new_periods.append(saved)
        for person in changes.new_people:
            saved_person = self._save(
                f"Person {person.key}", plans.person_create, plan=self.plan, **asdict(person)
            )
            self.people[saved_person.key] = saved_person
            self.result.new_people.append(saved_person)
        for new_section in changes.new_sections:
            self._new_section(new_section)
        for section_change in changes.changed_sections:
            self._changed_section(section_change)
        for action_change in changes.changed_actions:
            self._changed_action(action_change)
        for new_action in changes.new_actions:
            self._new_action(new_action)
        self._updates(changes.new_updates)
        return self.result

    def _parent(self, parent: Parent) -> Section:
        if parent.section_id is not None:
            return self.sections[parent.section_id]
        assert parent.new_section is not None
        return self.result.new_sections[parent.new_section]

    def _new_section(self, new: NewSection) -> None:
        section = self._save(
            new.heading,
            plans.section_create,
            plan=self.plan,
            parent=self._parent(new.parent) if new.parent else None,
            ref=new.ref,
            level=new.level,
            title=new.title,
            outcomes=new.outcomes,
            owners=[self.people[key] for key in new.owners],
            weaknesses=list(Weakness.objects.filter(plan=self.plan, pk__in=new.weakness_ids)),
            milestones=[Milestone(**milestone) for milestone in new.milestones],
        )
        self.result.new_sections.append(section)

    def _changed_section(self, change: SectionChange) -> None:
        section = self._save(
            change.heading,
            plans.section_update,
            section=self.sections[change.section_id],
            **{c.field: c.value for c in change.fields},
        )
        self.result.changed_sections.append(section)

    def _changed_action(self, change: ActionChange) -> None:
        values = {c.field: c.value for c in change.fields}
        leads = values.pop("leads", None)
        action = self._save(
            f"Action {change.ref}",
            plans.action_update,
            action=self.actions[change.action_id],
            leads=None if leads is None else [self.people[key] for key in leads],
            due_change_reason="Changed by importing an updated file",
            **values,
        )
        self.result.changed_actions.append(action)

    def _new_action(self, new: NewAction) -> None:
        action = self._save(
            f"Action {new.ref}",
            plans.action_create,
            section=self._parent(new.parent),
            ref=new.ref,
            title=new.title,
            leads=[self.people[key] for key in new.leads],
            measures=new.measures,
            **new.values,
        )
        self.result.new_actions.append(action)

    def _updates(self, updates: list[NewUpdate]) -> None:
        # In bulk: a tracker brings an update for most of a plan's actions at once.
        rows = []
        for update in updates:
            if update.action_id is not None:
                action = self.actions[update.action_id]
            else:
                assert update.new_action is not None
                action = self.result.new_actions[update.new_action]
            rows.append(
                monitoring.UpdateRow(
                    action=action,
                    period=self.periods[update.period],
                    status=update.status,
                    narrative=update.narrative,
                    evidence=update.evidence,
                    # Whoever imports the file did not write these updates; the file says who did.
                    author_name=update.recorded_by,
                    recorded_at=update.recorded_at,
                )
            )
        self.result.new_updates.extend(
            monitoring.status_update_record_bulk(actor=self.actor, rows=rows)
        )
