"""Reads for imports: a local area's saved choices for its tables, and the plan an import
looks like an update to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sendplan.interchange.corrections import actions_of
from sendplan.interchange.models import ImportLayout, PendingImport
from sendplan.interchange.parsers.blocks import Source, Table, flat
from sendplan.interchange.parsers.layout import (
    CHOICES,
    Layout,
    TableChoice,
    TableReading,
    headless_signature,
    signature,
)
from sendplan.plans.models import Action, Area, Plan

_CHOSEN = {value for value, _ in CHOICES}
# An import looks like an update to a plan when more than this share of its refs are the
# plan's, and it has at least this many.
_SHARED_REFS = 0.5
_MIN_REFS = 2


def saved_layouts(area: Area) -> dict[str, ImportLayout]:
    """The area's saved choices, by the signature of the table they are for."""
    rows = ImportLayout.objects.filter(area=area).select_related("saved_by")
    return {row.signature: row for row in rows}


def area_layout(area: Area, *, without: Sequence[str] = ()) -> Layout:
    """The area's saved choices as a layout to read its files with, less any set aside."""
    return layout_of(saved_layouts(area), without=without)


def layout_of(saved: dict[str, ImportLayout], *, without: Sequence[str] = ()) -> Layout:
    return Layout.from_data(
        {"tables": {key: row.choice for key, row in saved.items() if key not in without}}
    )


def heading_cells(source: Source | None, shown: list[str]) -> list[str]:
    """The whole cells of a row the check page showed cut short, found in the blocks read;
    the row as shown when it is not a row of a table (a table made from lines of text)."""
    if source is not None:
        for block in source.blocks:
            if not isinstance(block, Table):
                continue
            for row in block.rows:
                cells = [flat(cell) for cell in row.cells]
                if len(cells) == len(shown) and all(map(_same_cell, cells, shown)):
                    return list(row.cells)
    return shown


# How many characters of a cell the importer shows (parsers.layout cuts them there).
_SHOWN_CHARS = 80


def _same_cell(cell: str, shown: str) -> bool:
    return cell == shown or (len(shown) >= _SHOWN_CHARS and cell.startswith(shown))


def _title_key(title: str) -> str:
    return " ".join(title.lower().split())


def plan_like(*, area: Area, document: dict[str, Any]) -> Plan | None:
    """A plan of the area that this import looks like an update to: one with the same title
    (case and spacing aside), or one that has most of its refs."""
    title = _title_key(str(document.get("plan", {}).get("title", "")))
    plans = list(Plan.objects.filter(area=area))
    same_title = [plan for plan in plans if _title_key(plan.title) == title]
    if title and same_title:
        return same_title[0]
    refs = {str(a.get("ref")) for _, a in actions_of(document) if a.get("ref")}
    if len(refs) < _MIN_REFS:
        return None
    shared: Counter[int] = Counter(
        plan_id
        for plan_id, ref in Action.objects.filter(section__plan__area=area, ref__in=refs)
        .values_list("section__plan_id", "ref")
        .distinct()
    )
    best = shared.most_common(1)
    if best and best[0][1] > _SHARED_REFS * len(refs):
        return next(plan for plan in plans if plan.pk == best[0][0])
    return None


# Period columns come and go from quarter to quarter; a choice for one that has gone is
# not missed.
_PERIOD_PARTS = {"status", "progress"}


# Saved choices fitted to tables: by each table's signature, the choice and the saved row.
Fitted = dict[str, tuple[TableChoice, ImportLayout]]


def fitted_choices(saved: dict[str, ImportLayout], tables: list[TableReading]) -> Fitted:
    """The area's saved choices fitted to tables read without them because their headings
    changed a little since (next quarter's tracker has a column for the new quarter): by the
    signature of each such table, the choice, found again by heading, and where it came from.

    A saved choice fits when every column it chose is there under the same heading (but for
    ratings and progress of periods no longer in the file), and most of the table's headings
    are the saved table's.
    """
    fitted: Fitted = {}
    for table in tables:
        if table.from_layout or table.header_row is None or table.signature in saved:
            continue
        headings = [signature([cell]) for cell in (table.preview or [[]])[0]]
        for row in saved.values():
            roles = _roles_by_heading(row, headings)
            if roles:
                fitted[table.signature] = (TableChoice(roles=roles, header_row=0), row)
                break
    return fitted


def _roles_by_heading(row: ImportLayout, headings: list[str]) -> dict[int, str]:
    choice = Layout.from_data({"tables": {row.signature: row.choice}}).tables[row.signature]
    before = [signature([cell]) for cell in row.headings]
    if choice.header_row is None or not before:
        return {}
    if 2 * len(set(before) & set(headings)) <= len(set(headings)):
        return {}
    roles: dict[int, str] = {}
    for index, role in choice.roles.items():
        heading = before[index] if index < len(before) else ""
        if heading and headings.count(heading) == 1 and before.count(heading) == 1:
            roles[headings.index(heading)] = role
        elif role not in _PERIOD_PARTS:
            return {}
    return roles


def table_choice(
    *,
    pending: PendingImport,
    reading: dict,
    header_row: int | None,
    roles: dict[int, str],
    changed: dict[int, str],
) -> tuple[str, TableChoice]:
    """A person's choice for a table as the layout keeps it, keyed by the table's headings.

    The parts they changed are kept, over any they chose for it before; the importer goes on
    reading the others itself. A table with no heading row keeps every part shown, as the
    importer reads nothing of it itself once a person has chosen.
    """
    width = len(reading.get("columns") or [])
    if header_row is None:
        kept = {index: role for index, role in roles.items() if role in _CHOSEN}
        return headless_signature(width), TableChoice(roles=kept, header_row=None)
    key = str(reading.get("signature", ""))
    if header_row != reading.get("header_row"):
        # The headings are in another row: the table is known by that row from now on.
        shown = (reading.get("preview") or [[]])[header_row]
        source = Source.from_data(pending.source) if pending.source else None
        key = signature(heading_cells(source, shown))
        return key, TableChoice(roles=changed, header_row=0)
    earlier = import_layout(pending).tables.get(key)
    return key, TableChoice(roles={**(earlier.roles if earlier else {}), **changed}, header_row=0)


def import_layout(pending: PendingImport) -> Layout:
    """The choices to read this import with: the area's saved ones (less those set aside on
    the check page), with those made on the check page on top."""
    saved = area_layout(pending.area, without=pending.replaced)
    return saved.merged(Layout.from_data(pending.choices))
