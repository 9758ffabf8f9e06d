"""The JSON plan document (sendplan.plan/1): export a whole plan, read a file, import it back.

The export is canonical, so that export → import → export gives the same document: empty
values are left out and flags appear only when true. Updates carry two fields beyond the
contract, "recorded_at" and "recorded_by", so an exported history keeps who recorded what, when.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from sendplan.audit.services import Actor
from sendplan.indicators.models import Comparator, FigureReview, Indicator, IndicatorPoint
from sendplan.indicators.services import figure_review_restore, indicator_create
from sendplan.interchange.schema import (
    FORMAT,
    Document,
    Place,
    PlanDocumentError,
    describe_place,
    parse_recorded_at,
    refuse_hidden_characters,
    validate_document,
)
from sendplan.monitoring.models import (
    ForumComment,
    Period,
    StatusUpdate,
    UpdateRequest,
    UpdateReview,
)
from sendplan.monitoring.services import (
    DueChangeRow,
    ForumCommentRow,
    ReviewRow,
    UpdateRow,
    due_change_restore_bulk,
    forum_comment_add_bulk,
    period_create,
    period_restore,
    review_restore_bulk,
    status_update_record_bulk,
)
from sendplan.plans.models import (
    Action,
    ActionLead,
    DueDateChange,
    Feedback,
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
from sendplan.plans.selectors import SectionNode, section_tree
from sendplan.plans.services import (
    ACTION_FIELDS,
    PERSON_FIELDS,
    PLAN_FIELDS,
    STATUS_FIELDS,
    ActionRow,
    MeasureData,
    PlanRuleError,
    RowRefused,
    SectionRow,
    action_create_bulk,
    area_get_or_create,
    feedback_create,
    glossary_term_create,
    key_date_create,
    meeting_create,
    person_create,
    plan_create,
    section_create_bulk,
    status_level_create,
    weakness_create,
)

UNNAMED_AREA = "Unnamed area"

# Fields that the document and the services name alike (the title is passed on its own).
PLAN_KEYS = tuple(f for f in PLAN_FIELDS if f != "title")
STATUS_KEYS = STATUS_FIELDS
PERSON_KEYS = tuple(f for f in PERSON_FIELDS if f != "user")
SECTION_KEYS = ("ref", "level", "outcomes")
MILESTONE_KEYS = ("text", "due", "due_text", "for_families")
ACTION_KEYS = tuple(f for f in ACTION_FIELDS if f != "title")
MEASURE_KEYS = ("text", "due", "due_text")
UPDATE_KEYS = ("status", "narrative", "evidence")
INDICATOR_KEYS = ("ref", "definition", "unit", "better", "source", "frequency", "tolerance")
# A period's place in the monitoring cycle, beyond the contract's label and end date.
PERIOD_CYCLE_KEYS = {
    "starts_on",
    "deadline",
    "opened_at",
    "opened_by",
    "signed_off_at",
    "signed_off_by",
}

T = TypeVar("T")


# Reading and writing JSON text


def read_document(data: bytes | str) -> object:
    """The JSON value in a file's contents; text that is not JSON is reported by line and column."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise PlanDocumentError(
                [f"The file is not UTF-8 text: byte {error.start + 1} cannot be read"]
            ) from error
    try:
        document: object = json.loads(data, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise PlanDocumentError(
            [f"The file is not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}"]
        ) from error
    refuse_hidden_characters(document)
    return document


def _refuse_constant(name: str) -> object:
    # Python reads NaN and Infinity, but JSON has no such numbers and a plan cannot store them.
    raise PlanDocumentError([f"The file is not valid JSON: {name} is not a number JSON allows"])


def dumps(document: Document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# Export


def export_plan(plan: Plan) -> Document:
    """The whole plan as a sendplan.plan/1 document."""
    tree = section_tree(plan.sections.prefetch_related("owners", "weaknesses", "milestones"))
    periods = list(plan.periods.all())
    actions: defaultdict[int, list[Action]] = defaultdict(list)
    # Into plain lists (to_attr): a prefetch into a related manager makes a queryset for each
    # of hundreds of actions every time it is read.
    for action in Action.objects.filter(section__plan=plan).prefetch_related(
        Prefetch("measures", queryset=Measure.objects.all(), to_attr="measure_list"),
        Prefetch("due_changes", queryset=DueDateChange.objects.all(), to_attr="due_change_list"),
        Prefetch(
            "forum_comments",
            queryset=ForumComment.objects.select_related("period"),
            to_attr="forum_list",
        ),
    ):
        actions[action.section_id].append(action)
    rows = _ActionRows.of(plan, periods)

    def document(node: SectionNode) -> Document:
        section = node.section
        children = [document(child) for child in node.children]
        return _section(section, children, actions[section.pk], rows)

    body = {
        "title": plan.title,
        "area": plan.area.name,
        "kind": plan.kind,
        "issued_on": plan.issued_on,
        "vision": plan.vision,
        "principles": plan.principles,
        "governance": plan.governance,
        "levels": plan.levels,
        "inspection_framework": plan.inspection_framework,
        "inspection_outcome": plan.inspection_outcome,
        "key_dates": [_key_date(key_date) for key_date in plan.key_dates.all()],
        "status_scale": [_status(level) for level in plan.status_levels.all()],
        "periods": [_period(period) for period in periods],
        "people": [_person(person) for person in plan.people.all()],
        "weaknesses": [_weakness(w) for w in plan.weaknesses.prefetch_related("findings")],
        "sections": [document(node) for node in tree if node.parent is None],
        "indicators": [
            _indicator(i)
            for i in plan.indicators.prefetch_related(
                "points__period", "points__reviews", "comparators"
            )
        ],
        "glossary": [_glossary_term(term) for term in plan.glossary.all()],
        "meetings": [_meeting(meeting) for meeting in plan.meetings.all()],
        "feedback": [_feedback(item) for item in plan.feedback.all()],
        "forum_comments": [
            _forum_comment(c)
            for c in plan.forum_comments.filter(action__isnull=True).select_related("period")
        ],
    }
    return {"format": FORMAT, "plan": _canonical(body, keep=("title", "sections"))}


@dataclass(frozen=True)
class _ReviewRow:
    """A review of an update as the export gives it, read as plain values."""

    decision: str
    comment: str
    reviewer_name: str
    at: dt.datetime | None


@dataclass(frozen=True)
class _UpdateRow:
    """A status update as the export gives it, read as plain values: a plan has thousands,
    and making a model instance of each was most of the time of reading them."""

    pk: int
    period: Period
    status: str
    narrative: str
    evidence: list[str]
    author_name: str
    recorded_at: dt.datetime | None
    needs_review: bool
    corrects_id: int | None
    reason: str
    review_list: list[_ReviewRow]


# The fields of an update the export gives, beside its id and period.
_UPDATE_VALUES = (
    "status", "narrative", "evidence", "author_name", "recorded_at", "needs_review",
    "corrects_id", "reason",
)  # fmt: skip


@dataclass
class _ActionRows:
    """The rows a plan has thousands of, by action: read in a query each and grouped here,
    since a prefetch builds a queryset for each of them and costs more than the export."""

    updates: defaultdict[int, list[_UpdateRow]]  # in the order recorded, reviews attached
    requested_in: defaultdict[int, list[str]]  # the labels of the periods an update was asked in
    leads: defaultdict[int, list[str]]  # the keys of each action's leads, in order

    @classmethod
    def of(cls, plan: Plan, periods: list[Period]) -> _ActionRows:
        by_id = {period.pk: period for period in periods}
        reviews: defaultdict[int, list[_ReviewRow]] = defaultdict(list)
        given = UpdateReview.objects.filter(update__action__section__plan=plan).values_list(
            "update_id", "decision", "comment", "reviewer_name", "at"
        )
        for update_id, decision, comment, reviewer_name, at in given:
            reviews[update_id].append(_ReviewRow(decision, comment, reviewer_name, at))
        updates: defaultdict[int, list[_UpdateRow]] = defaultdict(list)
        recorded = StatusUpdate.objects.filter(action__section__plan=plan).values(
            "pk", "action_id", "period_id", *_UPDATE_VALUES
        )
        for row in recorded:
            values = {name: row[name] for name in _UPDATE_VALUES}
            updates[row["action_id"]].append(
                _UpdateRow(
                    pk=row["pk"],
                    period=by_id[row["period_id"]],
                    review_list=reviews[row["pk"]],
                    **values,
                )
            )
        asked: defaultdict[int, list[Period]] = defaultdict(list)
        requests = UpdateRequest.objects.filter(action__section__plan=plan)
        for action_id, period_id in requests.values_list("action_id", "period_id"):
            asked[action_id].append(by_id[period_id])
        requested_in: defaultdict[int, list[str]] = defaultdict(list)
        for action_id, found in asked.items():
            requested_in[action_id] = [p.label for p in sorted(found, key=lambda p: p.position)]
        leads: defaultdict[int, list[str]] = defaultdict(list)
        links = ActionLead.objects.filter(action__section__plan=plan).order_by("position", "pk")
        for action_id, key in links.values_list("action_id", "person__key"):
            leads[action_id].append(key)
        return cls(updates, requested_in, leads)


def _canonical(item: Document, *, keep: tuple[str, ...] = ()) -> Document:
    """Leave out empty values and false flags, but never a field the schema requires."""
    return {key: value for key, value in item.items() if key in keep or not _is_empty(value)}


def _is_empty(value: object) -> bool:
    # Spelled out, because 0 == False: a cost of £0 is a value, not an absence.
    return value is None or value is False or value == "" or value == []


def _number(value: Decimal | float) -> int | float:
    return int(value) if value == int(value) else float(value)


def _status(level: StatusLevel) -> Document:
    return _canonical(
        {
            "code": level.code,
            "label": level.label,
            "colour": level.colour,
            "meaning": level.meaning,
            "done": level.done,
            "not_started": level.not_started,
        },
        keep=("code", "label"),
    )


def _moment(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _period(period: Period) -> Document:
    return _canonical(
        {
            "label": period.label,
            "ends_on": period.ends_on,
            "starts_on": period.starts_on.isoformat() if period.starts_on else None,
            "deadline": period.deadline.isoformat() if period.deadline else None,
            "opened_at": _moment(period.opened_at),
            "opened_by": period.opened_by_name,
            "signed_off_at": _moment(period.signed_off_at),
            "signed_off_by": period.signed_off_by_name,
        },
        keep=("label",),
    )


def _person(person: Person) -> Document:
    return _canonical(
        {
            "key": person.key,
            "name": person.name,
            "role": person.role,
            "organisation": person.organisation,
            "email": person.email,
        },
        keep=("key",),
    )


def _weakness(weakness: Weakness) -> Document:
    findings = [
        _canonical({"text": f.text, "source": f.source}, keep=("text",))
        for f in weakness.findings.all()
    ]
    return _canonical(
        {"ref": weakness.ref, "text": weakness.text, "findings": findings}, keep=("text",)
    )


def _section(
    section: Section, children: list[Document], actions: list[Action], rows: _ActionRows
) -> Document:
    return _canonical(
        {
            "ref": section.ref,
            "level": section.level,
            "title": section.title,
            "owners": [person.key for person in section.owners.all()],
            "outcomes": section.outcomes,
            # A weakness without a ref cannot be named in the document.
            "weaknesses": [w.ref for w in section.weaknesses.all() if w.ref],
            "milestones": [
                _canonical(
                    {
                        "due": m.due,
                        "due_text": m.due_text,
                        "text": m.text,
                        "for_families": m.for_families,
                    },
                    keep=("text",),
                )
                for m in section.milestones.all()
            ],
            "sections": children,
            "actions": [_action(action, rows) for action in actions],
        },
        keep=("title",),
    )


def _action(action: Action, rows: _ActionRows) -> Document:
    updates = rows.updates[action.pk]
    ids = [update.pk for update in updates]
    return _canonical(
        {
            "ref": action.ref,
            "title": action.title,
            "leads": rows.leads[action.pk],
            "lead_text": action.lead_text,
            "resources": action.resources,
            "cost": None if action.cost is None else _number(action.cost),
            "cost_text": action.cost_text,
            "starts": action.starts,
            "starts_text": action.starts_text,
            "due": action.due,
            "due_text": action.due_text,
            "group": action.group,
            "members": action.members,
            "measures": [
                _canonical({"text": m.text, "due": m.due, "due_text": m.due_text}, keep=("text",))
                for m in action.measure_list  # type: ignore[attr-defined]
            ],
            "evidence_of_impact": action.evidence_of_impact,
            "monitoring": action.monitoring,
            "see_also": action.see_also,
            "updates": [_update(update, ids) for update in updates],
            "requested_in": rows.requested_in[action.pk],
            "due_changes": [
                _due_change(change)
                for change in action.due_change_list  # type: ignore[attr-defined]
            ],
            "forum_comments": [
                _forum_comment(c)
                for c in action.forum_list  # type: ignore[attr-defined]
            ],
        },
        keep=("title",),
    )


def _update(update: _UpdateRow, ids: list[int]) -> Document:
    return _canonical(
        {
            "period": update.period.label,
            "status": update.status,
            "narrative": update.narrative,
            "evidence": update.evidence,
            "recorded_at": _moment(update.recorded_at),
            "recorded_by": update.author_name,
            "needs_review": update.needs_review,
            "reviews": [_review(r) for r in update.review_list],
            # A correction names the update it corrects by its place in this list.
            "corrects": ids.index(update.corrects_id) if update.corrects_id else None,
            "reason": update.reason,
        },
        keep=("period",),
    )


def _due_change(change: DueDateChange) -> Document:
    return _canonical(
        {
            "from": change.previous_due,
            "from_text": change.previous_due_text,
            "to": change.due,
            "to_text": change.due_text,
            "reason": change.reason,
            "state": change.state,
            "proposed_by": change.proposed_by_name,
            "proposed_at": _moment(change.proposed_at),
            "decided_by": change.decided_by_name,
            "decided_at": _moment(change.decided_at),
            "note": change.decision_note,
        },
        keep=("reason", "state"),
    )


def _forum_comment(comment: ForumComment) -> Document:
    return _canonical(
        {
            "text": comment.text,
            "period": comment.period.label if comment.period else None,
            "by": comment.author_name,
            "at": _moment(comment.at),
        },
        keep=("text",),
    )


def _indicator(indicator: Indicator) -> Document:
    points: defaultdict[str, list[Document]] = defaultdict(list)
    actuals = [p.pk for p in indicator.points.all() if p.kind == IndicatorPoint.Kind.ACTUAL]
    for point in indicator.points.all():
        points[point.kind].append(_point(point, actuals))
    baselines = points[IndicatorPoint.Kind.BASELINE]
    return _canonical(
        {
            "ref": indicator.ref,
            "name": indicator.name,
            "definition": indicator.definition,
            "section": indicator.section_ref,
            "unit": indicator.unit,
            "better": indicator.better,
            "source": indicator.source,
            "supplier": indicator.supplier.key if indicator.supplier else None,
            "frequency": indicator.frequency,
            "tolerance": _number(indicator.tolerance) if indicator.tolerance is not None else None,
            "weaknesses": [w.ref for w in indicator.weaknesses.all() if w.ref],
            "actions": [a.ref for a in indicator.actions.all() if a.ref],
            "baseline": baselines[0] if baselines else None,
            "targets": points[IndicatorPoint.Kind.TARGET],
            "actuals": points[IndicatorPoint.Kind.ACTUAL],
            "comparators": [_comparator(c) for c in indicator.comparators.all()],
        },
        keep=("name",),
    )


def _point(point: IndicatorPoint, actuals: list[int]) -> Document:
    return _canonical(
        {
            "on": point.on,
            "value": _number(point.value),
            "text": point.text,
            "source": point.source,
            "recorded_at": _moment(point.recorded_at),
            "recorded_by": point.recorded_by_name,
            "period": point.period.label if point.period else None,
            "needs_review": point.needs_review,
            "reviews": [_review(r) for r in point.reviews.all()],
            # A correction names the figure it corrects by its place among the actuals.
            "corrects": actuals.index(point.corrects_id) if point.corrects_id else None,
            "reason": point.reason,
        },
        keep=("value",),
    )


def _review(review: _ReviewRow | FigureReview) -> Document:
    return _canonical(
        {
            "decision": review.decision,
            "comment": review.comment,
            "by": review.reviewer_name,
            "at": _moment(review.at),
        },
        keep=("decision",),
    )


def _comparator(comparator: Comparator) -> Document:
    return _canonical(
        {"name": comparator.name, "value": _number(comparator.value), "on": comparator.on},
        keep=("name", "value"),
    )


def _key_date(key_date: KeyDate) -> Document:
    return _canonical({"kind": key_date.kind, "on": key_date.on, "note": key_date.note})


def _glossary_term(term: GlossaryTerm) -> Document:
    return {"term": term.term, "meaning": term.meaning}


def _meeting(meeting: Meeting) -> Document:
    return _canonical(
        {"on": meeting.on, "title": meeting.title, "attendees": meeting.attendees},
        keep=("title",),
    )


def _feedback(item: Feedback) -> Document:
    return _canonical({"you_said": item.you_said, "we_did": item.we_did, "on": item.on})


# Import


def import_plan(document: object, *, actor: Actor, area_name: str | None = None) -> Plan:
    """Create the plan a document describes, all of it or (on any problem) nothing.

    Every object is made by its service function, so the audit trail records each one: the
    section tree, its actions and their history by the services that write many rows at once,
    in a fixed number of queries however large the plan.
    """
    checked = validate_document(document)
    with transaction.atomic():
        return _Importer(checked, actor).plan(area_name)


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _pick(item: Document, keys: tuple[str, ...]) -> Document:
    """The fields a service takes; the contract allows others, which the plan does not store."""
    return {key: item[key] for key in keys if key in item}


class _Importer:
    """Creates a plan from a checked document, keeping what later parts refer to by key."""

    def __init__(self, document: Document, actor: Actor) -> None:
        self.document = document
        self.actor = actor
        self.people: dict[str, Person] = {}
        self.periods: dict[str, Period] = {}
        self.weaknesses: dict[str, Weakness] = {}
        # Actions by ref, for the indicators that name them; the first of a repeated ref.
        self.actions: dict[str, Action] = {}
        self.requested: dict[str, list[Action]] = {}

    def _create(self, place: Place, service: Callable[..., T], **values: Any) -> T:
        # The checks should leave nothing for a service to refuse; if one does, say where.
        try:
            return service(actor=self.actor, **values)
        except (PlanRuleError, ValidationError) as error:
            raise PlanDocumentError(
                [f"{describe_place(self.document, place)}: {_reason(error)}"]
            ) from error

    def plan(self, area_name: str | None) -> Plan:
        data: Document = self.document["plan"]
        name = area_name or data.get("area") or UNNAMED_AREA
        area = self._create(("plan", "area"), area_get_or_create, name=name)
        plan = self._create(
            ("plan",), plan_create, area=area, title=data["title"], **_pick(data, PLAN_KEYS)
        )
        for index, item in enumerate(data.get("key_dates", [])):
            self._create(
                ("plan", "key_dates", index),
                key_date_create,
                plan=plan,
                kind=item["kind"],
                on=item["on"],
                note=item.get("note", ""),
            )
        for index, item in enumerate(data.get("status_scale", [])):
            place = ("plan", "status_scale", index)
            self._create(place, status_level_create, plan=plan, **_pick(item, STATUS_KEYS))
        for index, item in enumerate(data.get("periods", [])):
            period = self._create(
                ("plan", "periods", index),
                period_create,
                plan=plan,
                **_pick(item, ("label", "ends_on")),
            )
            self.periods[period.label] = period
        for index, item in enumerate(data.get("people", [])):
            person = self._create(
                ("plan", "people", index), person_create, plan=plan, **_pick(item, PERSON_KEYS)
            )
            self.people[person.key] = person
        for index, item in enumerate(data.get("weaknesses", [])):
            self._weakness(plan, ("plan", "weaknesses", index), item)
        self._sections(plan, data["sections"])
        for index, item in enumerate(data.get("indicators", [])):
            self._indicator(plan, ("plan", "indicators", index), item)
        self._appendices(plan, data)
        self._forum_comments(
            plan,
            [
                (None, ("plan", "forum_comments", index), item)
                for index, item in enumerate(data.get("forum_comments", []))
            ],
        )
        # Last, because a signed-off period takes no more updates.
        for index, item in enumerate(data.get("periods", [])):
            requested = self.requested.get(item["label"], [])
            if not requested and not set(item) & PERIOD_CYCLE_KEYS:
                continue
            self._create(
                ("plan", "periods", index),
                period_restore,
                period=self.periods[item["label"]],
                requested=requested,
                starts_on=_day(item.get("starts_on")),
                deadline=_day(item.get("deadline")),
                opened_at=parse_recorded_at(item.get("opened_at")),
                opened_by_name=item.get("opened_by", ""),
                signed_off_at=parse_recorded_at(item.get("signed_off_at")),
                signed_off_by_name=item.get("signed_off_by", ""),
            )
        return plan

    def _weakness(self, plan: Plan, place: Place, item: Document) -> None:
        findings = [(f["text"], f.get("source", "")) for f in item.get("findings", [])]
        weakness = self._create(
            place,
            weakness_create,
            plan=plan,
            text=item["text"],
            ref=item.get("ref", ""),
            findings=findings,
        )
        if weakness.ref:
            self.weaknesses[weakness.ref] = weakness

    def _bulk(self, places: Sequence[Place], service: Callable[..., T], **values: Any) -> T:
        # As _create, for a service that writes many rows: a row it refuses is named by place.
        try:
            return service(actor=self.actor, **values)
        except RowRefused as refused:
            where = describe_place(self.document, places[refused.index])
            raise PlanDocumentError([f"{where}: {_reason(refused.error)}"]) from refused

    def _sections(self, plan: Plan, items: list[Document]) -> None:
        """The section tree, its actions and their history, each kind written in bulk."""
        rows: list[SectionRow] = []
        places: list[Place] = []
        actions: list[tuple[int, Place, Document]] = []  # (its section's row, place, action)

        def gather(items: list[Document], parent: int | None, place: Place) -> None:
            for index, item in enumerate(items):
                here = (*place, "sections", index)
                row = len(rows)
                rows.append(
                    SectionRow(
                        title=item["title"],
                        parent=parent,
                        owners=[self.people[key] for key in item.get("owners", [])],
                        weaknesses=[self.weaknesses[ref] for ref in item.get("weaknesses", [])],
                        milestones=[
                            Milestone(**_pick(m, MILESTONE_KEYS))
                            for m in item.get("milestones", [])
                        ],
                        fields=_pick(item, SECTION_KEYS),
                    )
                )
                places.append(here)
                gather(item.get("sections", []), row, here)
                for number, action in enumerate(item.get("actions", [])):
                    actions.append((row, (*here, "actions", number), action))

        gather(items, None, ("plan",))
        sections = self._bulk(places, section_create_bulk, plan=plan, rows=rows)
        saved = self._bulk(
            [place for _, place, _ in actions],
            action_create_bulk,
            rows=[
                ActionRow(
                    section=sections[row],
                    title=item["title"],
                    leads=[self.people[key] for key in item.get("leads", [])],
                    measures=[
                        MeasureData(**_pick(m, MEASURE_KEYS)) for m in item.get("measures", [])
                    ],
                    fields=_pick(item, ACTION_KEYS),
                )
                for row, _, item in actions
            ],
        )
        for action in saved:
            if action.ref:
                self.actions.setdefault(action.ref, action)
        self._history(
            plan,
            [
                (action, place, item)
                for action, (_, place, item) in zip(saved, actions, strict=True)
            ],
        )

    def _history(self, plan: Plan, actions: list[tuple[Action, Place, Document]]) -> None:
        """The actions' updates with their reviews, changes of date and forum comments."""
        updates: list[UpdateRow] = []
        update_places: list[Place] = []
        reviews: list[tuple[int, Place, Document]] = []  # (its update's row, place, review)
        due_changes: list[DueChangeRow] = []
        due_change_places: list[Place] = []
        comments: list[tuple[Action | None, Place, Document]] = []
        for action, place, item in actions:
            first = len(updates)
            for index, update in enumerate(item.get("updates", [])):
                corrects = update.get("corrects")
                updates.append(
                    UpdateRow(
                        action=action,
                        period=self.periods[update["period"]],
                        author_name=update.get("recorded_by", ""),
                        recorded_at=parse_recorded_at(update.get("recorded_at")),
                        needs_review=bool(update.get("needs_review")),
                        corrects=None if corrects is None else first + corrects,
                        reason=update.get("reason", ""),
                        **_pick(update, UPDATE_KEYS),
                    )
                )
                update_places.append((*place, "updates", index))
                for number, review in enumerate(update.get("reviews", [])):
                    reviews.append(
                        (len(updates) - 1, (*place, "updates", index, "reviews", number), review)
                    )
            for label in item.get("requested_in", []):
                self.requested.setdefault(label, []).append(action)
            for index, change in enumerate(item.get("due_changes", [])):
                due_changes.append(DueChangeRow(action=action, fields=_due_change_fields(change)))
                due_change_places.append((*place, "due_changes", index))
            for index, comment in enumerate(item.get("forum_comments", [])):
                comments.append((action, (*place, "forum_comments", index), comment))
        saved = self._bulk(update_places, status_update_record_bulk, rows=updates)
        self._bulk(
            [place for _, place, _ in reviews],
            review_restore_bulk,
            rows=[
                ReviewRow(
                    update=saved[row],
                    decision=review["decision"],
                    comment=review.get("comment", ""),
                    reviewer_name=review.get("by", ""),
                    at=parse_recorded_at(review.get("at")),
                )
                for row, _, review in reviews
            ],
        )
        self._bulk(due_change_places, due_change_restore_bulk, rows=due_changes)
        self._forum_comments(plan, comments)

    def _forum_comments(
        self, plan: Plan, comments: list[tuple[Action | None, Place, Document]]
    ) -> None:
        self._bulk(
            [place for _, place, _ in comments],
            forum_comment_add_bulk,
            plan=plan,
            rows=[
                ForumCommentRow(
                    action=action,
                    period=self.periods[item["period"]] if item.get("period") else None,
                    text=item["text"],
                    author_name=item.get("by", ""),
                    at=parse_recorded_at(item.get("at")),
                )
                for action, _, item in comments
            ],
        )

    def _indicator(self, plan: Plan, place: Place, item: Document) -> None:
        actuals = [
            {**point, "period": self.periods[point["period"]] if point.get("period") else None}
            for point in item.get("actuals", [])
        ]
        indicator = self._create(
            place,
            indicator_create,
            plan=plan,
            name=item["name"],
            section_ref=item.get("section", ""),
            baseline=item.get("baseline"),
            targets=item.get("targets", []),
            actuals=actuals,
            comparators=item.get("comparators", []),
            supplier=self.people[item["supplier"]] if item.get("supplier") else None,
            weaknesses=[self.weaknesses[ref] for ref in item.get("weaknesses", [])],
            actions=[self.actions[ref] for ref in item.get("actions", [])],
            **_pick(item, INDICATOR_KEYS),
        )
        figures = indicator.points.filter(kind=IndicatorPoint.Kind.ACTUAL).order_by("position")
        for index, (figure, point) in enumerate(zip(figures, actuals, strict=True)):
            for number, review in enumerate(point.get("reviews", [])):
                self._create(
                    (*place, "actuals", index, "reviews", number),
                    figure_review_restore,
                    point=figure,
                    decision=review["decision"],
                    comment=review.get("comment", ""),
                    reviewer_name=review.get("by", ""),
                    at=parse_recorded_at(review.get("at")),
                )

    def _appendices(self, plan: Plan, data: Document) -> None:
        for index, item in enumerate(data.get("glossary", [])):
            self._create(
                ("plan", "glossary", index),
                glossary_term_create,
                plan=plan,
                term=item["term"],
                meaning=item["meaning"],
            )
        for index, item in enumerate(data.get("meetings", [])):
            self._create(
                ("plan", "meetings", index),
                meeting_create,
                plan=plan,
                **_pick(item, ("title", "on", "attendees")),
            )
        for index, item in enumerate(data.get("feedback", [])):
            self._create(
                ("plan", "feedback", index),
                feedback_create,
                plan=plan,
                **_pick(item, ("you_said", "we_did", "on")),
            )


def _due_change_fields(change: Document) -> Document:
    return {
        "previous_due": change.get("from", ""),
        "previous_due_text": change.get("from_text", ""),
        "due": change.get("to", ""),
        "due_text": change.get("to_text", ""),
        "reason": change["reason"],
        "state": change["state"],
        "proposed_by_name": change.get("proposed_by", ""),
        "proposed_at": parse_recorded_at(change.get("proposed_at")) or timezone.now(),
        "decided_by_name": change.get("decided_by", ""),
        "decided_at": parse_recorded_at(change.get("decided_at")),
        "decision_note": change.get("note", ""),
    }


def _reason(error: PlanRuleError | ValidationError) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)
