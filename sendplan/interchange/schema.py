"""Checking a plan document against the sendplan.plan/1 contract, in words a reader understands.

Two passes, reported together: the JSON schema (shapes, required fields, dates), then what a
schema cannot say: that leads, owners, periods, statuses and weaknesses refer to something the
plan defines, that keys are unique, and that every value fits where the plan stores it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import validate_email
from django.db import models
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError as SchemaError

from sendplan.indicators.models import Comparator, FigureReview, Indicator, IndicatorPoint
from sendplan.lib.dates import is_partial_date
from sendplan.lib.text import first_hidden_character
from sendplan.monitoring.models import ForumComment, Period, StatusUpdate, UpdateReview
from sendplan.plans.models import (
    Action,
    Area,
    DueDateChange,
    Feedback,
    Finding,
    GlossaryTerm,
    Measure,
    Meeting,
    Milestone,
    Person,
    Plan,
    Section,
    StatusLevel,
    Weakness,
)

FORMAT = "sendplan.plan/1"
SCHEMA_PATH = Path(__file__).with_name("plan.schema.json")

Document = dict[str, Any]
Place = tuple[str | int, ...]
Problem = tuple[Place, str]
Known = dict[str, list[str]]  # collection → the keys, labels, codes or refs it defines


class PlanDocumentError(Exception):
    """A document that cannot become a plan. Each problem names its place and what is wrong."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@cache
def plan_schema() -> Document:
    schema: Document = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def _date_pattern() -> str:
    pattern: str = plan_schema()["$defs"]["date"]["pattern"]
    return pattern


def _pattern(
    validator: Any, pattern: str, instance: object, schema: Document
) -> Iterator[SchemaError]:
    """The date pattern lets "2018-13" and "2018-02-30" through; plan dates must be real."""
    if pattern == _date_pattern() and isinstance(instance, str):
        if not is_partial_date(instance):
            yield SchemaError(f"{instance!r} is not a date")
        return
    yield from Draft202012Validator.VALIDATORS["pattern"](validator, pattern, instance, schema)


@cache
def _validator() -> Any:
    checker = validators.extend(Draft202012Validator, {"pattern": _pattern})
    return checker(_inlined(plan_schema()))


def _inlined(node: Any, within: tuple[str, ...] = ()) -> Any:
    """The schema with each reference to one of its definitions replaced by the definition,
    except a definition's reference to itself (a section's sections), which stays a reference.
    It checks the same, but jsonschema looks a reference up afresh each time it meets it: a
    third of the time spent checking a tracker's thousands of updates."""
    if isinstance(node, list):
        return [_inlined(item, within) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith(_DEFS) and len(node) == 1:
        name = reference.removeprefix(_DEFS)
        if name not in within:
            return _inlined(plan_schema()["$defs"][name], (*within, name))
        return node
    # The definitions themselves stay as written, for the references left.
    return {key: item if key == "$defs" else _inlined(item, within) for key, item in node.items()}


_DEFS = "#/$defs/"


def validate_document(document: object) -> Document:
    """Return the document when it can be imported; otherwise raise with every problem found."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PlanDocumentError([_not_a_plan(document)])
    # A schema error comes once for each missing field, each naming them all: keep one.
    found = set(_schema_problems(document)) | set(_plan_problems(document.get("plan")))
    if _holds_hidden_characters(document):
        found |= set(_hidden_characters(document, ()))
    if found:
        problems = sorted(found, key=lambda problem: (_sort_key(problem[0]), problem[1]))
        raise PlanDocumentError(
            [f"{describe_place(document, place)}: {text}" for place, text in problems]
        )
    return document


def refuse_hidden_characters(document: object) -> None:
    """Raise, naming each place, when any text in the document holds a hidden control
    character: checked as the file is read, before anything is kept of it."""
    if not _holds_hidden_characters(document):
        return
    found = sorted(set(_hidden_characters(document, ())), key=lambda p: _sort_key(p[0]))
    if found:
        doc = document if isinstance(document, dict) else {}
        raise PlanDocumentError([f"{describe_place(doc, place)}: {text}" for place, text in found])


def _holds_hidden_characters(document: object) -> bool:
    """Whether any text in the document (or any key) holds a hidden control character: all of
    its texts gathered without a generator for each, and searched at once. Most documents hold
    none, and only those that do are walked again to name each place."""
    texts: list[str] = []
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            texts.extend(key for key in value if isinstance(key, str))
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return first_hidden_character("".join(texts)) is not None


def _hidden_characters(value: object, place: Place) -> Iterator[Problem]:
    """Every text in the document (and every key) that holds a hidden control character."""
    if isinstance(value, str):
        hidden = first_hidden_character(value)
        if hidden is not None:
            yield (
                place,
                f"holds a hidden control character (U+{ord(hidden):04X}), which cannot be "
                "stored; remove it and try again",
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _hidden_characters(key, place)
            yield from _hidden_characters(item, (*place, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _hidden_characters(item, (*place, index))


def _not_a_plan(document: object) -> str:
    expected = f'a plan document says "format": "{FORMAT}"'
    if not isinstance(document, dict):
        return f"This is not a sendplan plan document: {expected} inside {{ }}."
    if "format" not in document:
        return f'This is not a sendplan plan document: it has no "format", and {expected}.'
    return (
        f"This is not a sendplan plan document: its format is {_show(document['format'])}, "
        f"and {expected}."
    )


def _sort_key(place: Place) -> tuple[tuple[int, int, str], ...]:
    # Numbers sort as numbers, so sections[10] comes after sections[9].
    return tuple((0, step, "") if isinstance(step, int) else (1, 0, step) for step in place)


def parse_recorded_at(value: object) -> dt.datetime | None:
    """The moment an update was recorded, from ISO text that names its time zone."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


# Places


# Collections whose items a reader knows by a ref, key, code or label.
NAMED = {
    "sections": ("section", "ref"),
    "actions": ("action", "ref"),
    "weaknesses": ("weakness", "ref"),
    "indicators": ("indicator", "ref"),
    "people": ("person", "key"),
    "status_scale": ("status", "code"),
    "periods": ("period", "label"),
}


def describe_place(document: Document, place: Place) -> str:
    """A place as a reader finds it: the refs on the way, then the exact path in the document."""
    path = _path_text(place)
    names = _names_along(document, place)
    return f"{' › '.join(names)} ({path})" if names else path


def _path_text(place: Place) -> str:
    if not place:
        return "the document"
    text = ""
    for step in place:
        text += f"[{step}]" if isinstance(step, int) else f" → {step}"
    return text.removeprefix(" → ")


def _names_along(document: Document, place: Place) -> list[str]:
    names: list[str] = []
    node: object = document
    previous: str | int | None = None
    for step in place:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            node = node[step]
            named = NAMED.get(previous) if isinstance(previous, str) else None
            if named and isinstance(node, dict) and isinstance(node.get(named[1]), str):
                name = node[named[1]]
                names.append(f"{named[0]} {name if len(name) <= 30 else name[:29] + '…'}")
        elif isinstance(step, str) and isinstance(node, dict):
            node = node.get(step)
        else:
            node = None
        previous = step
    return names


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else f"{text[:77]}…"


# The schema pass

JSON_TYPES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a group of fields in { }",
    "null": "null",
}


def _schema_problems(document: Document) -> Iterator[Problem]:
    try:
        _quick_check()(document)
    except fastjsonschema.JsonSchemaException:
        pass  # something is wrong: jsonschema finds every problem and where it is
    else:
        return
    for error in _validator().iter_errors(document):
        yield tuple(error.absolute_path), _explain(error)


@cache
def _quick_check() -> Callable[[object], object]:
    """The same schema compiled to Python by fastjsonschema, which says only whether a
    document is valid, five times faster than jsonschema (a tracker of 6,000 updates: 26 ms
    against 145), so that a valid document, the usual case, is not walked by jsonschema at
    all. It knows JSON Schema only up to draft 7, which checks what the plan schema uses
    (types, properties, required, items, enum, const, minLength, references) in the same way;
    the plan dates' pattern becomes a format that also wants a real month and day, as
    `_pattern` does. tests/test_json_validation.py holds that it never lets through a
    document jsonschema would refuse."""
    schema = {key: value for key, value in plan_schema().items() if key not in ("$id", "$schema")}
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$defs"] = {**schema["$defs"], "date": {"type": "string", "format": "plan-date"}}
    return fastjsonschema.compile(  # type: ignore[no-any-return]
        schema, formats={"plan-date": is_partial_date}, use_default=False
    )


def _explain(error: SchemaError) -> str:
    value, rule = error.instance, error.validator_value
    if error.validator == "required":
        missing = [f'"{name}"' for name in rule if name not in value]
        noun = _noun(tuple(error.absolute_path))
        if len(missing) == 1:
            return f"{missing[0]} is missing; every {noun} needs one"
        return f"{', '.join(missing[:-1])} and {missing[-1]} are missing; every {noun} needs them"
    if error.validator == "type":
        return f"should be {JSON_TYPES.get(rule, rule)}, not {_found(value)}"
    if error.validator == "pattern" and rule == _date_pattern():
        return f"{_show(value)} is not a date; write it as YYYY-MM or YYYY-MM-DD"
    if error.validator == "pattern":
        return f"{_show(value)} is not in the expected form"
    if error.validator == "enum":
        return f"{_show(value)} is not allowed here; use one of {', '.join(map(_show, rule))}"
    if error.validator == "const":
        return f"should be {_show(rule)}, not {_show(value)}"
    if error.validator == "minLength":
        return "must not be empty" if rule == 1 else f"must be at least {rule} characters long"
    return str(error.message)


def _found(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, int | float):
        return f"the number {value}"
    return "a list" if isinstance(value, list) else "a group of fields"


# What each kind of object is called, the objects inside it, and where the plan stores it.
CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "plan": (
        ("status_scale", "status"),
        ("periods", "period"),
        ("people", "person"),
        ("weaknesses", "weakness"),
        ("sections", "section"),
        ("indicators", "indicator"),
        ("glossary", "glossary entry"),
        ("meetings", "meeting"),
        ("feedback", "feedback entry"),
        ("forum_comments", "forum comment"),
    ),
    "weakness": (("findings", "finding"),),
    "section": (("milestones", "milestone"), ("sections", "section"), ("actions", "action")),
    "action": (
        ("measures", "measure"),
        ("updates", "update"),
        ("due_changes", "due date change"),
        ("forum_comments", "forum comment"),
    ),
    "update": (("reviews", "review"),),
    "indicator": (
        ("baseline", "baseline"),
        ("targets", "target"),
        ("actuals", "actual"),
        ("comparators", "comparator"),
    ),
    "actual": (("reviews", "figure review"),),
}
MODELS: dict[str, type[models.Model]] = {
    "plan": Plan,
    "status": StatusLevel,
    "period": Period,
    "person": Person,
    "weakness": Weakness,
    "finding": Finding,
    "section": Section,
    "milestone": Milestone,
    "action": Action,
    "measure": Measure,
    "update": StatusUpdate,
    "indicator": Indicator,
    "baseline": IndicatorPoint,
    "target": IndicatorPoint,
    "actual": IndicatorPoint,
    "comparator": Comparator,
    "glossary entry": GlossaryTerm,
    "meeting": Meeting,
    "feedback entry": Feedback,
    "review": UpdateReview,
    "figure review": FigureReview,
    "due date change": DueDateChange,
    "forum comment": ForumComment,
}
# Document fields stored under another name, or on another model.
STORED_AS: dict[tuple[str, str], tuple[type[models.Model], str]] = {
    ("plan", "area"): (Area, "name"),
    ("indicator", "section"): (Indicator, "section_ref"),
    ("update", "recorded_by"): (StatusUpdate, "author_name"),
    ("period", "opened_by"): (Period, "opened_by_name"),
    ("period", "signed_off_by"): (Period, "signed_off_by_name"),
    ("review", "by"): (UpdateReview, "reviewer_name"),
    ("figure review", "by"): (FigureReview, "reviewer_name"),
    ("due date change", "from_text"): (DueDateChange, "previous_due_text"),
    ("due date change", "to_text"): (DueDateChange, "due_text"),
    ("due date change", "proposed_by"): (DueDateChange, "proposed_by_name"),
    ("due date change", "decided_by"): (DueDateChange, "decided_by_name"),
    ("forum comment", "by"): (ForumComment, "author_name"),
}


def _noun(place: Place) -> str:
    """What the object at this place is: "action", "period", ..."""
    if not place:
        return "plan document"
    kind = "plan"
    for step in place[1:]:
        if isinstance(step, str):
            kind = dict(CHILDREN.get(kind, ())).get(step, kind)
    return kind


# The second pass: references, uniqueness and sizes


def _plan_problems(plan: object) -> Iterator[Problem]:
    if not isinstance(plan, dict):
        return
    known = {collection: _values(plan, collection) for collection in REFERRED_TO}
    # Actions sit in the section tree, so their refs are gathered by walking it.
    known["actions"] = [
        item["ref"]
        for kind, _, item in _walk("plan", ("plan",), plan)
        if kind == "action" and isinstance(item.get("ref"), str)
    ]
    for collection in REFERRED_TO:
        yield from _duplicates(plan, collection)
    for kind, place, item in _walk("plan", ("plan",), plan):
        yield from _too_long(kind, place, item)
        check = CHECKS.get(kind)
        if check is not None:
            yield from check(place, item, known)


def _items(obj: Document, key: str) -> list[tuple[int, Document]]:
    """The objects in a list field; anything else there is the schema pass's to report."""
    value = obj.get(key)
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _texts(obj: Document, key: str) -> list[tuple[int, str]]:
    value = obj.get(key)
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, str)]


# The collections whose keys, labels, codes and refs other parts of the plan use.
REFERRED_TO = ("people", "periods", "status_scale", "weaknesses")


def _values(plan: Document, collection: str) -> list[str]:
    """The keys (labels, codes, refs) of a collection, each once, in the plan's order."""
    key = NAMED[collection][1]
    values = [item.get(key) for _, item in _items(plan, collection)]
    return list(dict.fromkeys(value for value in values if isinstance(value, str) and value))


def _duplicates(plan: Document, collection: str) -> Iterator[Problem]:
    noun, key = NAMED[collection]
    first: dict[str, int] = {}
    for index, item in _items(plan, collection):
        value = item.get(key)
        # An unnumbered weakness is fine; it just cannot be referred to.
        if not isinstance(value, str) or value == "":
            continue
        if value in first:
            yield (
                ("plan", collection, index, key),
                f"{_show(value)} is also the {key} of plan → {collection}[{first[value]}]; "
                f"each {noun} needs its own {key}",
            )
        first.setdefault(value, index)


def _walk(kind: str, place: Place, obj: Document) -> Iterator[tuple[str, Place, Document]]:
    yield kind, place, obj
    for key, child_kind in CHILDREN.get(kind, ()):
        child = obj.get(key)
        if isinstance(child, dict):
            yield from _walk(child_kind, (*place, key), child)
        for index, item in _items(obj, key):
            yield from _walk(child_kind, (*place, key, index), item)


def _too_long(kind: str, place: Place, obj: Document) -> Iterator[Problem]:
    for key, value in obj.items():
        if not isinstance(value, str):
            continue
        limit = _limit(kind, key)
        if limit is not None and len(value) > limit:
            yield (*place, key), f"is {len(value)} characters long, and at most {limit} fit here"


@cache
def _limit(kind: str, key: str) -> int | None:
    """How long a text in this field of this kind of object may be, if it is limited: looked up
    once for each field, not for each of a plan's thousands of objects."""
    model, name = STORED_AS.get((kind, key), (MODELS[kind], key))
    return _max_length(model, name)


def _max_length(model: type[models.Model], name: str) -> int | None:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field.max_length if isinstance(field, models.CharField) else None


def _references(
    place: Place, obj: Document, key: str, targets: Collection[str], missing: str
) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, value in _texts(obj, key):
        if value not in targets:
            yield (*place, key, index), f"{_show(value)} is not {missing}"
        elif value in seen:
            yield (*place, key, index), f"{_show(value)} is listed twice"
        seen.add(value)


def _check_section(place: Place, section: Document, known: Known) -> Iterator[Problem]:
    people, weaknesses = known["people"], known["weaknesses"]
    yield from _references(place, section, "owners", people, "the key of anyone in plan → people")
    yield from _references(
        place, section, "weaknesses", weaknesses, "the ref of any weakness in plan → weaknesses"
    )


def _check_action(place: Place, action: Document, known: Known) -> Iterator[Problem]:
    yield from _references(
        place, action, "leads", known["people"], "the key of anyone in plan → people"
    )
    cost = action.get("cost")
    if isinstance(cost, int | float) and not isinstance(cost, bool) and not _is_money(cost):
        yield (
            (*place, "cost"),
            f"{cost} is not an amount in pounds and pence; write it like 1500 or 1499.99",
        )


def _is_money(amount: float) -> bool:
    # The plan keeps costs to the penny, below a trillion pounds.
    value = Decimal(str(amount))
    return abs(value) < 10**12 and value == value.quantize(Decimal("0.01"))


def _check_update(place: Place, update: Document, known: Known) -> Iterator[Problem]:
    period = update.get("period")
    if isinstance(period, str) and period not in known["periods"]:
        yield (
            (*place, "period"),
            f"{_show(period)} is not the label of any period in plan → periods",
        )
    status = update.get("status")
    codes = known["status_scale"]
    if isinstance(status, str) and status and not set(status.split("/")) <= set(codes):
        yield (*place, "status"), _off_the_scale(status, codes)
    recorded_at = update.get("recorded_at")
    if recorded_at is not None and parse_recorded_at(recorded_at) is None:
        yield (
            (*place, "recorded_at"),
            f"{_show(recorded_at)} is not a date and time with its time zone; "
            "write it like 2018-03-31T16:30:00+00:00",
        )
    recorded_by = update.get("recorded_by")
    if recorded_by is not None and not isinstance(recorded_by, str):
        yield (*place, "recorded_by"), f"should be text, not {_found(recorded_by)}"
    yield from _check_reviewed(place, update)


def _check_reviewed(place: Place, obj: Document) -> Iterator[Problem]:
    """The review fields of an update or an indicator figure."""
    yield from _check_fields(place, obj, {"needs_review": bool, "reason": str})
    for index, review in _items(obj, "reviews"):
        yield from _check_fields(
            (*place, "reviews", index), review, {"comment": str, "by": str, "at": "moment"}
        )
        if review.get("decision") not in REVIEW_DECISIONS:
            yield (
                (*place, "reviews", index, "decision"),
                f"should be one of {', '.join(REVIEW_DECISIONS)}",
            )


REVIEW_DECISIONS = ("approved", "returned")
DUE_CHANGE_STATES = ("proposed", "approved", "rejected")


def _check_fields(place: Place, obj: Document, kinds: dict[str, object]) -> Iterator[Problem]:
    """The fields beyond the contract that the monitoring cycle adds, each of its own kind."""
    for key, kind in kinds.items():
        if key not in obj:
            continue
        value = obj[key]
        if kind == "moment":
            if parse_recorded_at(value) is None:
                yield (
                    (*place, key),
                    f"{_show(value)} is not a date and time with its time zone; "
                    "write it like 2018-03-31T16:30:00+00:00",
                )
        elif kind == "day":
            if not (isinstance(value, str) and len(value) == 10 and is_partial_date(value)):
                yield (*place, key), f"{_show(value)} is not a day; write it like 2018-03-31"
        elif kind == "partial date":
            if not (isinstance(value, str) and (value == "" or is_partial_date(value))):
                yield (*place, key), f"{_show(value)} is not a date like 2018-05 or 2018-05-31"
        elif kind is bool:
            if not isinstance(value, bool):
                yield (*place, key), f"should be true or false, not {_found(value)}"
        elif not isinstance(value, str):
            yield (*place, key), f"should be text, not {_found(value)}"


def _check_period(place: Place, period: Document, known: Known) -> Iterator[Problem]:
    yield from _check_fields(
        place,
        period,
        {
            "starts_on": "day",
            "deadline": "day",
            "opened_at": "moment",
            "opened_by": str,
            "signed_off_at": "moment",
            "signed_off_by": str,
        },
    )
    if "signed_off_at" in period and "opened_at" not in period:
        yield (*place, "signed_off_at"), "a period must have been opened to be signed off"


def _check_cycle_of_action(place: Place, action: Document, known: Known) -> Iterator[Problem]:
    yield from _references(
        place, action, "requested_in", known["periods"], "the label of any period in plan → periods"
    )
    updates = _items(action, "updates")
    for index, update in updates:
        corrects = update.get("corrects")
        if corrects is None:
            continue
        if not isinstance(corrects, int) or isinstance(corrects, bool) or not 0 <= corrects < index:
            yield (
                (*place, "updates", index, "corrects"),
                "should be the place in this list of an earlier update, counting from 0",
            )
        elif dict(updates).get(corrects, {}).get("period") != update.get("period"):
            yield (
                (*place, "updates", index, "corrects"),
                "a correction must be for the same period as the update it corrects",
            )
    for index, change in _items(action, "due_changes"):
        spot = (*place, "due_changes", index)
        yield from _check_fields(
            spot,
            change,
            {
                "from": "partial date",
                "from_text": str,
                "to": "partial date",
                "to_text": str,
                "proposed_by": str,
                "proposed_at": "moment",
                "decided_by": str,
                "decided_at": "moment",
                "note": str,
            },
        )
        if not isinstance(change.get("reason"), str) or not change["reason"].strip():
            yield (*spot, "reason"), "every change of due date needs its reason"
        if change.get("state") not in DUE_CHANGE_STATES:
            yield (*spot, "state"), f"should be one of {', '.join(DUE_CHANGE_STATES)}"


def _check_forum_comment(place: Place, comment: Document, known: Known) -> Iterator[Problem]:
    yield from _check_fields(place, comment, {"by": str, "at": "moment"})
    if not isinstance(comment.get("text"), str) or not comment["text"].strip():
        yield (*place, "text"), "a forum comment needs its text"
    period = comment.get("period")
    if period is not None and period not in known["periods"]:
        yield (
            (*place, "period"),
            f"{_show(period)} is not the label of any period in plan → periods",
        )


def _off_the_scale(status: str, codes: list[str]) -> str:
    if not codes:
        return f"{_show(status)} cannot be used, because the plan has no status_scale"
    combined = f', or codes joined by "/" such as "{codes[0]}/{codes[1]}"' if len(codes) > 1 else ""
    return (
        f"{_show(status)} is not on the plan's status scale; "
        f"use one of {', '.join(codes)}{combined}"
    )


def _check_person(place: Place, person: Document, known: Known) -> Iterator[Problem]:
    email = person.get("email")
    if isinstance(email, str) and email:
        try:
            validate_email(email)
        except ValidationError:
            yield (*place, "email"), f"{_show(email)} is not an email address"


def _check_indicator(place: Place, indicator: Document, known: Known) -> Iterator[Problem]:
    supplier = indicator.get("supplier")
    if isinstance(supplier, str) and supplier and supplier not in known["people"]:
        yield (*place, "supplier"), f"{_show(supplier)} is not the key of anyone in plan → people"
    yield from _references(
        place,
        indicator,
        "weaknesses",
        known["weaknesses"],
        "the ref of any weakness in plan → weaknesses",
    )
    yield from _references(
        place, indicator, "actions", known["actions"], "the ref of any action in the plan"
    )
    yield from _check_figures(place, indicator, known)


def _check_figures(place: Place, indicator: Document, known: Known) -> Iterator[Problem]:
    """An indicator's actuals in the monitoring cycle: the period each answers, its review,
    and for a correction, the earlier figure of the same period it corrects."""
    actuals = _items(indicator, "actuals")
    for index, figure in actuals:
        spot = (*place, "actuals", index)
        period = figure.get("period")
        if period is not None and period not in known["periods"]:
            yield (
                (*spot, "period"),
                f"{_show(period)} is not the label of any period in plan → periods",
            )
        yield from _check_reviewed(spot, figure)
        corrects = figure.get("corrects")
        if corrects is None:
            continue
        if not isinstance(corrects, int) or isinstance(corrects, bool) or not 0 <= corrects < index:
            yield (
                (*spot, "corrects"),
                "should be the place in this list of an earlier figure, counting from 0",
            )
        elif dict(actuals).get(corrects, {}).get("period") != period:
            yield (
                (*spot, "corrects"),
                "a correction must be for the same period as the figure it corrects",
            )


def _check_action_and_cycle(place: Place, action: Document, known: Known) -> Iterator[Problem]:
    yield from _check_action(place, action, known)
    yield from _check_cycle_of_action(place, action, known)


CHECKS: dict[str, Callable[[Place, Document, Known], Iterator[Problem]]] = {
    "period": _check_period,
    "forum comment": _check_forum_comment,
    "section": _check_section,
    "action": _check_action_and_cycle,
    "update": _check_update,
    "person": _check_person,
    "indicator": _check_indicator,
}
