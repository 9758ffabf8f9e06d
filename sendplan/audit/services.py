"""Recording audit events. Call from inside the service's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import connection, models, transaction
from django.db.models.fields.files import FieldFile

from sendplan.audit.models import AuditEvent

Snapshot = dict[str, Any]
Actor = User | AnonymousUser | None


def acting_user(actor: Actor) -> User | None:
    """The signed-in user behind a write, or None for the command line and the system."""
    return actor if isinstance(actor, User) else None


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value == value.to_integral() else str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name
    return value


def snapshot(obj: models.Model, *, extra: Snapshot | None = None) -> Snapshot:
    """The object's own field values (and any related values given in extra) as JSON."""
    data: Snapshot = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in {"position", "sequence"}:
            continue
        if isinstance(field, models.ForeignKey):
            related = getattr(obj, field.name)
            data[field.name] = str(related) if related is not None else None
        else:
            data[field.name] = _plain(getattr(obj, field.attname))
    if extra:
        data.update({k: _plain(v) for k, v in extra.items()})
    return data


def actor_label(actor: Actor) -> str:
    user = acting_user(actor)
    if user is None:
        return "System (command line)"
    full = user.get_full_name()
    return f"{full} ({user.get_username()})" if full else user.get_username()


def audit_event(
    *,
    actor: Actor,
    obj: models.Model,
    before: Snapshot | None,
    after: Snapshot | None,
    plan_id: int | None,
    scope: str = "",
    note: str = "",
) -> AuditEvent | None:
    """The event audit_record writes, not yet saved: what changed on obj, or its whole state
    when created or deleted. None when an update changed nothing."""
    if before is None:
        verb = AuditEvent.Verb.CREATE
        changes = {k: [None, v] for k, v in (after or {}).items() if v not in (None, "", [], {})}
    elif after is None:
        verb = AuditEvent.Verb.DELETE
        changes = {k: [v, None] for k, v in before.items() if v not in (None, "", [], {})}
    else:
        verb = AuditEvent.Verb.UPDATE
        keys = list(dict.fromkeys([*before, *after]))
        changes = {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}
        if not changes:
            return None
    return AuditEvent(
        actor=acting_user(actor),
        actor_name=actor_label(actor),
        verb=verb,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        plan_id=plan_id,
        scope=scope,
        changes=changes,
        note=note,
    )


@transaction.atomic
def audit_record(
    *,
    actor: Actor,
    obj: models.Model,
    before: Snapshot | None,
    after: Snapshot | None,
    plan_id: int | None,
    scope: str = "",
    note: str = "",
) -> AuditEvent | None:
    """Write one audit event: what changed on obj, or its whole state when created or deleted.

    Returns None when an update changed nothing, so saving an unchanged form leaves no noise.
    """
    event = audit_event(
        actor=actor, obj=obj, before=before, after=after, plan_id=plan_id, scope=scope, note=note
    )
    if event is not None:
        writing_to([plan_id])
        event.save()
    return event


def audit_record_bulk(*, events: Iterable[AuditEvent | None]) -> list[AuditEvent]:
    """Write the events of a service that writes many rows at once (see audit_event), in the
    order given and in one query (SQLite takes them in batches of its 999 parameters)."""
    written = [event for event in events if event is not None]
    writing_to({event.plan_id for event in written})
    return AuditEvent.objects.bulk_create(written)


# The first key of the advisory locks that say a transaction is writing to a plan (the second
# is the plan's id): "SPLN".
WRITING_LOCK = 0x53504C4E


def writing_to(plan_ids: Iterable[int | None]) -> None:
    """Say, until this transaction ends, that it is writing to these plans: on PostgreSQL, a
    shared advisory lock on each, taken before its audit event is given an id.

    Why: what a page keeps for a plan is kept under the id of the plan's newest change
    (plans.selectors.plan_version). PostgreSQL gives an event its id when it is written, not
    when its transaction commits, so a write that took id 10 can commit after one that took
    id 11. A page read between the two would be kept under 11 without the first write, and
    stay so until the next change. A page that finds a writer of the plan still at work when it
    reads the version keeps nothing (plans.selectors). Shared locks never wait for each other,
    so writers are not made to queue; SQLite lets one writer at a time, so ids there are in
    the order of commits already."""
    if connection.vendor != "postgresql":
        return
    plans = sorted({pk for pk in plan_ids if pk is not None})
    if not plans:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock_shared(%s::int, plan) FROM unnest(%s::int[]) AS plan",
            [WRITING_LOCK, plans],
        )
