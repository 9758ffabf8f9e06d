"""A workbook kept as a sheet for each month or quarter (rule `sheets-as-periods`).

Many areas keep their tracker by copying last month's sheet, naming the copy for the new month
("Oct 2025", "Nov 2025", "Q3 25-26") and writing that month's ratings and updates over the
old ones. Each sheet then holds the same table of actions; what differs is the ratings and
the progress. A person entering the plan by hand enters each action once, and each sheet's
ratings and updates as that period's. Read sheet by sheet, the plan would hold every action
once a sheet, each rated in a period named for the rating column ("RAG"), with no date.

Here such sheets are made into the one table they stand for: the action's own columns (ref,
action, lead, due date ...) as the latest sheet gives them, then each sheet's rating and
progress columns headed with its period ("RAG (Oct 2025)"), oldest first, so that the
interpreter reads the periods as it reads any tracker's. Only sheets named by a period whose
heading rows are the same, with columns of ratings or progress and no period named in their
headings, and that share most of their actions, are joined; any other sheet is read as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import dates, rules
from sendplan.interchange.parsers.blocks import Block, Heading, Row, Table, comparable, squash
from sendplan.interchange.parsers.roles import Col, Kind

# A sheet's name that is a period and little else ("Oct 2025", "Sept 2025 update").
_MAX_NAME_WORDS = 4
# How far down a sheet its heading row is looked for, and how many rows under it are read.
_HEADER_WITHIN = 15
_LOOK_BELOW = 30
# The columns each copy of the sheet rewrites: its period's ratings and what was done.
_PERIODIC = (Col.STATUS, Col.PROGRESS, Col.EVIDENCE)
# How many of the actions of the sheet with fewer two sheets must share.
_SHARED = 0.5


@dataclass
class _Sheet:
    at: int  # where its name's heading stands among the blocks
    name: str
    table: Table
    label: str
    ends_on: str
    header: int
    columns: cols.Columns

    @property
    def periodic(self) -> list[int]:
        return sorted(i for i, role in self.columns.roles.items() if role in _PERIODIC)

    @property
    def key_column(self) -> int:
        ref = self.columns.first(Col.REF)
        return ref if ref is not None else self.columns.first(Col.TITLE) or 0

    def keyed(self) -> dict[str, Row]:
        """The sheet's rows of actions by their ref (or their title, where it has no refs)."""
        found: dict[str, Row] = {}
        key = self.key_column
        for row in self.table.rows[self.header + 1 :]:
            cell = row.cells[key] if key < len(row.cells) else ""
            if comparable(cell) and len(row.filled()) >= 2:
                found.setdefault(comparable(cell), row)
        return found


def _named_period(name: str) -> tuple[str, str] | None:
    """("Oct 2025", "2025-10-31") for a sheet named "Oct 2025" or "Sept 2025 update"; None for
    a name that is not a period."""
    if len(name.split()) > _MAX_NAME_WORDS:
        return None
    found = dates.find_dates(name)
    if len(found) != 1:
        return None
    label = squash(name[found[0].start : found[0].end])
    ends_on = dates.named_period_end(label)
    return (label, ends_on) if ends_on else None


def _sheet(blocks: list[Block], at: int) -> _Sheet | None:
    heading = blocks[at]
    if not (isinstance(heading, Heading) and heading.is_sheet and at + 1 < len(blocks)):
        return None
    table = blocks[at + 1]
    named = _named_period(heading.text)
    if not isinstance(table, Table) or named is None:
        return None
    rows = table.rows
    for index, row in enumerate(rows[:_HEADER_WITHIN]):
        below = rows[index + 1].cells if index + 1 < len(rows) else None
        found = cols.read_header(row.cells, below, rows[index + 1 : index + 1 + _LOOK_BELOW])
        if found is None:
            continue
        if (
            found.kind is not Kind.ACTIONS
            or found.rows_used != 1
            or not found.has(Col.TITLE)
            or found.periods
            or not any(role in _PERIODIC for role in found.roles.values())
        ):
            return None
        return _Sheet(at, squash(heading.text), table, named[0], named[1], index, found)
    return None


def _alike(sheets: list[_Sheet]) -> bool:
    """Copies of one sheet: the same heading row, different periods, most actions shared."""
    first = sheets[0]
    headings = [comparable(cell) for cell in first.table.rows[first.header].cells]
    if len({sheet.ends_on for sheet in sheets}) != len(sheets):
        return False
    keys = [set(sheet.keyed()) for sheet in sheets]
    for sheet, found in zip(sheets, keys, strict=True):
        cells = [comparable(cell) for cell in sheet.table.rows[sheet.header].cells]
        if cells != headings or not found:
            return False
    return all(len(a & b) >= _SHARED * min(len(a), len(b)) for a, b in pairwise(keys))


def _cell(row: Row | None, index: int) -> tuple[str, str, str]:
    """(the words, the cell's shading, the shading of its words) of one cell of a row."""
    if row is None:
        return "", "", ""
    words = row.cells[index] if index < len(row.cells) else ""
    fill = row.fills[index] if index < len(row.fills) else ""
    inked = row.word_fills[index] if index < len(row.word_fills) else ""
    return words, fill, inked


def _row(cells: list[tuple[str, str, str]], where: str, keep_fills: bool, keep_inked: bool) -> Row:
    return Row(
        cells=[words for words, _, _ in cells],
        where=where,
        fills=[fill for _, fill, _ in cells] if keep_fills else [],
        word_fills=[inked for _, _, inked in cells] if keep_inked else [],
    )


def _joined(sheets: list[_Sheet]) -> Table:
    """The one table the copies stand for: the latest sheet's rows, each action's own columns
    as it gives them, then each sheet's ratings and progress, oldest first; an action the
    latest sheet no longer has is kept, after the others."""
    ordered = sorted(sheets, key=lambda sheet: sheet.ends_on)
    latest = ordered[-1]
    periodic = latest.periodic
    width = max(len(row.cells) for row in latest.table.rows)
    own = [i for i in range(width) if i not in periodic]
    keyed = [sheet.keyed() for sheet in ordered]
    keep_fills = any(row.fills for sheet in ordered for row in sheet.table.rows)
    keep_inked = any(row.word_fills for sheet in ordered for row in sheet.table.rows)
    heading_row = latest.table.rows[latest.header]
    head = [_cell(heading_row, i) for i in own]
    for sheet in ordered:
        head += [(f"{_cell(heading_row, i)[0]} ({sheet.label})", "", "") for i in periodic]
    rows = [
        _row([_cell(row, i) for i in own] + [("", "", "")] * len(periodic) * len(ordered),
             row.where, keep_fills, keep_inked)
        for row in latest.table.rows[: latest.header]
    ]  # fmt: skip
    rows.append(_row(head, heading_row.where, keep_fills, keep_inked))
    key = latest.key_column
    seen: set[str] = set()
    body = list(latest.table.rows[latest.header + 1 :])
    closed: set[str] = set()
    for found in keyed[:-1]:
        for name, row in found.items():
            if name not in keyed[-1] and name not in closed:
                closed.add(name)  # its row as the first sheet that has it gives it
                body.append(row)
    for row in body:
        name = comparable(row.cells[key] if key < len(row.cells) else "")
        action = bool(name) and name not in seen and len(row.filled()) >= 2
        seen.add(name)
        cells = [_cell(row, i) for i in own]
        for found in keyed:
            copy = found.get(name) if action else (row if found is keyed[-1] else None)
            cells += [_cell(copy, i) for i in periodic]
        rows.append(_row(cells, row.where, keep_fills, keep_inked))
    read_by = (*latest.table.read_by, rules.SHEETS_AS_PERIODS.code)
    return replace(latest.table, rows=rows, read_by=read_by)


def tables(blocks: list[Block]) -> tuple[list[Block], list[tuple[str, str]]]:
    """The blocks, with the sheets kept as a copy a period made into one table; and a note
    (where, what was done) for each such set of sheets."""
    found = [sheet for at in range(len(blocks)) if (sheet := _sheet(blocks, at)) is not None]
    if len(found) < 2 or not _alike(found):
        return blocks, []
    latest = max(found, key=lambda sheet: sheet.ends_on)
    joined = {sheet.at for sheet in found}
    out: list[Block] = []
    for at, block in enumerate(blocks):
        if at in joined and at != latest.at:
            continue
        if at - 1 in joined:
            if at - 1 == latest.at:
                out.append(_joined(found))
            continue
        out.append(block)
    ordered = sorted(found, key=lambda sheet: sheet.ends_on)
    names = ", ".join(f"'{sheet.name}'" for sheet in ordered)
    note = (
        f"The sheets {names} are copies of one tracker, a sheet for each period: read each "
        f"action once, as the latest sheet gives it, and each sheet's ratings and progress as "
        f"its period's ({', '.join(sheet.label for sheet in ordered)})."
    )
    return out, [(latest.table.where, note)]
