"""Writes for imports: hold a parsed file for checking, correct how it was read, then apply it
or throw it away; and keep each local area's choices for reading its files."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from sendplan.audit.services import Actor, acting_user, audit_record, snapshot
from sendplan.interchange import corrections, selectors
from sendplan.interchange.jsonformat import import_plan
from sendplan.interchange.merge import apply_changes, plan_changes
from sendplan.interchange.models import ImportLayout, PendingImport, signature_digest
from sendplan.interchange.parsers.blocks import Source
from sendplan.interchange.parsers.layout import Layout, TableChoice
from sendplan.interchange.reading import PlanDocumentError, ReadResult, read_again
from sendplan.lib.text import without_hidden_characters
from sendplan.plans.models import Area, Plan
from sendplan.plans.services import PlanRuleError

NO_ACTIONS = "We found no actions, so there is nothing to save yet. Tell us what the columns hold."
_GONE = "This import has already been saved or cancelled."


def _reading_data(result: ReadResult) -> dict[str, object]:
    """What a read gives, as the JSON the pending import keeps: without the control characters
    a damaged file can hold, which PostgreSQL cannot store."""
    data: dict[str, object] = without_hidden_characters(
        {
            "document": result.document,
            "report": [[item.where, item.message, item.code] for item in result.report],
            "tables": [table.as_data() for table in result.tables],
            "placements": [asdict(placement) for placement in result.placements],
        }
    )
    return data


@transaction.atomic
def pending_import_create(
    *,
    user: User,
    area: Area,
    plan: Plan | None,
    source_name: str,
    result: ReadResult,
    fitted: selectors.Fitted | None = None,
) -> PendingImport:
    """Hold a read for checking. `fitted` are the area's saved choices the file was read with
    after fitting them to tables whose headings changed a little: they become this import's
    own choices, so they are saved for those headings too."""
    # A person works on one import at a time; older unconfirmed ones are dropped.
    PendingImport.objects.filter(user=user).delete()
    fitted = fitted or {}
    return PendingImport.objects.create(
        user=user,
        area=area,
        plan=plan,
        source_name=source_name[:255],
        source=(
            without_hidden_characters(result.source.to_data())
            if result.source is not None
            else None
        ),
        choices=Layout(tables={key: choice for key, (choice, _) in fitted.items()}).to_data(),
        fitted={key: row.signature for key, (_, row) in fitted.items()},
        **_reading_data(result),
    )


def _locked(pending: PendingImport) -> PendingImport:
    locked = PendingImport.objects.select_for_update().filter(pk=pending.pk).first()
    if locked is None:
        raise PlanRuleError(_GONE)
    if locked.expired:
        locked.delete()
        raise PlanRuleError("This import waited too long to be confirmed. Upload the file again.")
    return locked


@dataclass
class ReadAgain:
    """What reading the plan again changed, for the person to be told."""

    actions: int
    was: int
    dropped: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        found = f"{self.actions} action{'s' if self.actions != 1 else ''}"
        return f"Read again: {found} (was {self.was})."


def pending_import_choose(
    *, pending: PendingImport, reading: dict, key: str | None, choice: TableChoice | None
) -> ReadAgain:
    """Read the plan again with a person's choice for one table (or, with none, with their
    earlier choice for it forgotten), keeping their corrections to its actions.

    Reading runs in a child process for up to the parse time limit, so it happens before the
    transaction that stores what it read, not inside it.
    """
    choices = Layout.from_data(pending.choices)
    replaced = set(pending.replaced)
    old = str(reading.get("signature", ""))
    if key != old:
        # The table's heading row moved, or its choice was forgotten: the choice it was read
        # with, saved or made here, no longer applies to it.
        choices.tables.pop(old, None)
        if old in selectors.saved_layouts(pending.area):
            replaced.add(old)
    if key is not None and choice is not None:
        choices.tables[key] = choice
        replaced.discard(key)
    pending.choices = choices.to_data()
    pending.replaced = sorted(replaced)
    # A table the person chose for, or forgot the choice of, is no longer read with a saved
    # choice fitted to it.
    pending.fitted = {k: v for k, v in pending.fitted.items() if k not in (old, key)}
    if not pending.source:
        raise PlanRuleError("This import was not read from a file, so there is nothing to map.")
    result = read_again(Source.from_data(pending.source), selectors.import_layout(pending))
    return _store_reading(pending=pending, result=result)


def pending_import_list_items(*, pending: PendingImport, chosen: bool) -> ReadAgain:
    """Read the plan again with every item of its lists taken as an action (parsers/listed.py),
    or, with `chosen` false, as the importer reads it by itself. It changes only a read that
    found no actions, or one of a file with no tables."""
    if not pending.source:
        raise PlanRuleError("This import was not read from a file, so there is nothing to map.")
    choices = Layout.from_data(pending.choices)
    choices.list_items = chosen
    pending.choices = choices.to_data()
    result = read_again(Source.from_data(pending.source), selectors.import_layout(pending))
    return _store_reading(pending=pending, result=result)


@transaction.atomic
def _store_reading(*, pending: PendingImport, result: ReadResult) -> ReadAgain:
    locked = _locked(pending)
    was = len(corrections.actions_of(locked.document))
    data = _reading_data(result)
    document = data["document"]
    assert isinstance(document, dict)
    placements = data["placements"]
    assert isinstance(placements, list)
    kept, dropped = corrections.apply_all(document, placements, locked.corrections)
    for name, value in data.items():
        setattr(locked, name, value)
    locked.choices = pending.choices
    locked.replaced = pending.replaced
    locked.fitted = pending.fitted
    locked.corrections = kept
    # The blocks read are unchanged: not written again.
    locked.save(update_fields=[*data, "choices", "replaced", "fitted", "corrections"])
    return ReadAgain(actions=len(corrections.actions_of(document)), was=was, dropped=dropped)


@transaction.atomic
def pending_import_correct(*, pending: PendingImport, key: str, values: dict) -> dict:
    """Correct one action in place: only what the person changed is kept as their correction.
    Returns the change."""
    locked = _locked(pending)
    document = locked.document
    keys = corrections.action_keys(document, locked.placements)
    found = dict(zip(keys, corrections.actions_of(document), strict=True)).get(key)
    if found is None:
        raise PlanRuleError(
            "That action is not in the plan as it is now read. Choose it again from the list."
        )
    change = corrections.changed(corrections.current(document, found[1]), values)
    if change:
        corrections.correct(document, found[1], change)
        locked.corrections = {
            **locked.corrections,
            key: corrections.merge(locked.corrections.get(key, {}), change),
        }
        locked.save(update_fields=["document", "corrections"])
    return change


@transaction.atomic
def pending_import_target(*, pending: PendingImport, plan: Plan | None) -> None:
    """Make the import an update to an existing plan of its area, or a new plan again."""
    locked = _locked(pending)
    if plan is not None and plan.area_id != locked.area_id:
        raise PlanRuleError("That plan belongs to another local area.")
    locked.plan = plan
    locked.save(update_fields=["plan"])


@dataclass
class Confirmed:
    plan: Plan
    # How many of the area's saved choices for tables this import added or changed.
    layouts_saved: int = 0


@transaction.atomic
def pending_import_confirm(*, actor: Actor, pending: PendingImport, seen: str = "") -> Confirmed:
    """Save what was checked: a new plan, or only the changes to an existing one; and keep the
    choices made for its tables as the area's, for the next file laid out the same way.

    seen is the fingerprint of the changes the person was shown; if the plan has moved on
    since, nothing is saved.
    """
    locked = _locked(pending)
    if not corrections.actions_of(locked.document):
        raise PlanDocumentError([NO_ACTIONS])
    if locked.plan is None:
        plan = import_plan(locked.document, actor=actor, area_name=locked.area.name)
    else:
        plan = locked.plan
        changes = plan_changes(plan, locked.document)
        if seen and seen != changes.fingerprint:
            raise PlanRuleError(
                "The plan has changed since you uploaded the file, so nothing was saved. "
                "Upload it again to see the changes as they now stand."
            )
        apply_changes(plan=plan, changes=changes, actor=actor)
    saved = _save_layouts(actor=actor, pending=locked)
    locked.delete()
    return Confirmed(plan=plan, layouts_saved=saved)


def _save_layouts(*, actor: Actor, pending: PendingImport) -> int:
    for key in pending.replaced:
        import_layout_delete(actor=actor, area=pending.area, signature=key)
    read = {str(t.get("signature")): t for t in pending.tables}
    saved = 0
    for key, choice in Layout.from_data(pending.choices).tables.items():
        reading = read.get(key)
        if reading is None:
            continue
        headings = (reading.get("preview") or [[]])[0] if choice.header_row is not None else []
        import_layout_save(
            actor=actor,
            area=pending.area,
            signature=key,
            choice=choice,
            headings=list(headings),
            source_name=pending.source_name,
        )
        saved += 1
    return saved


@transaction.atomic
def import_layout_save(
    *,
    actor: Actor,
    area: Area,
    signature: str,
    choice: TableChoice,
    headings: list[str],
    source_name: str,
) -> ImportLayout:
    """Keep a person's choice for a table as the area's, replacing one for the same headings."""
    layout = ImportLayout.objects.filter(area=area, digest=signature_digest(signature)).first()
    before = snapshot(layout) if layout is not None else None
    if layout is None:
        layout = ImportLayout(area=area, signature=signature, digest=signature_digest(signature))
    layout.choice = Layout(tables={signature: choice}).to_data()["tables"][signature]
    layout.headings = headings
    layout.source_name = source_name[:255]
    layout.saved_by = acting_user(actor)
    layout.saved_at = timezone.now()
    layout.save()
    audit_record(
        actor=actor,
        obj=layout,
        before=before,
        after=snapshot(layout),
        plan_id=None,
        scope="import layouts",
    )
    return layout


@transaction.atomic
def import_layout_delete(*, actor: Actor, area: Area, signature: str) -> None:
    layout = ImportLayout.objects.filter(area=area, digest=signature_digest(signature)).first()
    if layout is None:
        return
    before = snapshot(layout)
    audit_record(
        actor=actor, obj=layout, before=before, after=None, plan_id=None, scope="import layouts"
    )
    layout.delete()


@transaction.atomic
def pending_import_cancel(*, pending: PendingImport) -> None:
    PendingImport.objects.filter(pk=pending.pk).delete()
