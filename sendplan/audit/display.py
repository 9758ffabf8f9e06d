"""The audit trail in words a reader understands: each field by its label, each value as the
pages show it ("Yes", "May 2018", a file's name), never a storage path or a Python list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath
from urllib.parse import urlencode

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst

from sendplan.audit.models import AuditEvent
from sendplan.lib.dates import format_partial_date, is_partial_date

EMPTY = "(empty)"
# Kept in the trail for the record, but meaningless to a reader. A section's id tells apart
# two sections of the same name (an action moved between two "Short-term actions"), which
# their names, shown, cannot.
UNSHOWN = {"token_hash", "version", "content_type", "size", "sha256", "section_id", "parent_id"}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    who: str
    verb: str  # create, update or delete
    what: str
    changes: list[Change]


@cache
def _models_by_name() -> dict[str, type[models.Model]]:
    found: dict[str, type[models.Model]] = {}
    for model in apps.get_models():
        if model._meta.model_name and model.__module__.startswith("sendplan."):
            found.setdefault(model._meta.model_name, model)
    return found


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:  # type: ignore[type-arg]
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _label(field: models.Field | None, name: str) -> str:  # type: ignore[type-arg]
    words = str(field.verbose_name) if field is not None else name.replace("_", " ")
    return capfirst(words.strip()) or name


def shown(value: object, field: models.Field | None = None) -> str:  # type: ignore[type-arg]
    """A value as the pages show it."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(shown(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {shown(item)}" for key, item in value.items())
    text = str(value)
    if isinstance(field, models.FileField):
        return PurePath(text).name
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, text))  # type: ignore[arg-type]
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(text)
        if moment is not None:
            return timezone.localtime(moment).strftime("%-d %B %Y %H:%M")
    if isinstance(field, models.DateField):
        day = parse_date(text)
        if day is not None:
            return f"{day.day} {day.strftime('%B %Y')}"
    if isinstance(field, models.CharField) and is_partial_date(text):
        return format_partial_date(text)
    return text


def present(events: Iterable[AuditEvent]) -> list[EventView]:
    views = []
    for event in events:
        model = _models_by_name().get(event.object_type)
        kind = str(model._meta.verbose_name) if model else event.object_type.replace("_", " ")
        what = f"{event.get_verb_display()} {kind}"
        if event.note:
            what += f" ({event.note[:1].lower()}{event.note[1:]})"
        what += f": {event.object_repr}"
        changes = []
        for name, pair in (event.changes or {}).items():
            if name in UNSHOWN:
                continue
            before, after = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            field = _field(model, name)
            changes.append(Change(_label(field, name), shown(before, field), shown(after, field)))
        views.append(EventView(event.at, event.actor_name, event.verb, what, changes))
    return views


@dataclass(frozen=True)
class HistoryFilters:
    """The history's filters, as chosen in the address (so a filtered view can be shared and
    paged through), with the choices each offers: the kinds of thing changed and the people
    who changed them, as the history holds them."""

    kind: str
    who: str
    kinds: list[tuple[str, str]]
    people: list[str]

    @property
    def active(self) -> bool:
        return bool(self.kind or self.who)

    def apply(self, events: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        if self.kind:
            events = events.filter(object_type=self.kind)
        if self.who:
            events = events.filter(actor_name=self.who)
        return events

    def query(self) -> str:
        """The filters as the start of a query string, for links to other pages."""
        chosen = {name: value for name, value in (("kind", self.kind), ("who", self.who)) if value}
        return f"{urlencode(chosen)}&" if chosen else ""


def history_filters(
    events: QuerySet[AuditEvent], query: QueryDict, pairs: set[tuple[str, str]] | None = None
) -> HistoryFilters:
    """The filters chosen in `query`, with the choices the events offer: the distinct (kind of
    thing, who) `pairs` among them, asked here unless the caller has them."""
    if pairs is None:
        # Both lists from one query: the distinct pairs are few (kinds of thing times people).
        pairs = set(events.order_by().values_list("object_type", "actor_name").distinct())
    types = {kind for kind, _ in pairs}
    names = {name for _, name in pairs}
    kinds = []
    for name in types:
        model = _models_by_name().get(name)
        label = str(model._meta.verbose_name_plural) if model else name.replace("_", " ")
        kinds.append((name, capfirst(label)))
    kind, who = query.get("kind", ""), query.get("who", "")
    return HistoryFilters(
        kind=kind if kind in types else "",
        who=who if who in names else "",
        kinds=sorted(kinds, key=lambda choice: choice[1]),
        people=sorted(name for name in names if name),
    )
