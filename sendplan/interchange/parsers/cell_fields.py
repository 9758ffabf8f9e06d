"""Several of a row's fields written in one cell, given a column apiece.

A table of actions may keep its lead, date and rating together in one cell of each row:

- as labelled lines under a heading that names none of them ("Details": "Lead: Alice Pryce",
  "By: Mar 2026", "RAG: G"). Each label that heads an action column becomes a column of its
  own, holding each row's value (`fields-in-one-cell`);
- under a heading that joins two known ones ("Lead and date", "Owner / deadline"), the first's
  value on one line and the second's on the next. The column is read as the two it joins
  (`joined-heading-lines`).

Only a column most of whose filled cells are written so is split, and only in a table whose
headings the importer knows otherwise (an action column among them): a cell of prose that
happens to hold a colon stays as it is. A row spanning the table (a priority's title in every
cell, or in one) keeps its text in each new column, as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.blocks import Block, Row, Table, squash
from sendplan.interchange.parsers.roles import Col

_LABELLED = re.compile(r"^(?P<label>[A-Za-z][A-Za-z /&'’\-]{0,30}?)\s*:\s*(?P<value>\S.*)$")
# "Lead and date", "Owner / deadline", "Lead & timescale": two headings joined.
_JOIN = re.compile(r"\s+and\s+|\s*/\s*|\s*&\s*", re.I)
# The share of a column's filled cells that must be written so for it to be split.
_MIN_SHARE = 0.8
_MIN_CELLS = 2
_MAX_HEAD_ROW = 4


def _heading_row(table: Table) -> int | None:
    """The row of a table's headings: the first of its first rows naming an action column and
    one more known column."""
    for head, row in enumerate(table.rows[:_MAX_HEAD_ROW]):
        roles = [cols.heading_roles(squash(cell)) if cell.strip() else [] for cell in row.cells]
        if any(Col.TITLE in found for found in roles) and sum(bool(found) for found in roles) >= 2:
            return head
    return None


def _spanning(row: Row) -> bool:
    """A row whose filled cells all say the same (a merged title row), or only one is filled.
    Asked of every row for every column, so it stops at the first cell that differs."""
    first = None
    for cell in row.cells:
        if cell.strip():
            said = squash(cell)
            if first is None:
                first = said
            elif said != first:
                return False
    return True


def _labelled_lines(cell: str) -> list[tuple[str, str]] | None:
    """(label, value) for each line of a cell every line of which is a known label and its
    value; None otherwise."""
    lines = [squash(line) for line in cell.split("\n") if line.strip()]
    if len(lines) < _MIN_CELLS:
        return None
    found = []
    for line in lines:
        match = _LABELLED.match(line)
        if match is None or not cols.heading_roles(match.group("label").strip(), fuzzy=False):
            return None
        found.append((match.group("label").strip(), match.group("value").strip()))
    return found


def _joined(heading: str) -> list[str] | None:
    """The two headings a heading joins, each a known one of a different role, where the whole
    is no known heading."""
    text = squash(heading)
    if not text or cols.heading_roles(text, fuzzy=False):
        return None
    parts = [part.strip() for part in _JOIN.split(text) if part.strip()]
    if len(parts) != 2:
        return None
    first, second = (cols.heading_roles(part, fuzzy=False) for part in parts)
    if not first or not second or first[0] == second[0] or Col.TITLE in first + second:
        return None
    return parts


def _split_column(
    table: Table, head: int, column: int, labels: list[str], values: list[list[str] | None]
) -> list[Row]:
    """The table's rows with `column` replaced by one column a label, the values given per
    body row (None keeps the row's cell in each new column)."""
    rows = []
    for number, row in enumerate(table.rows):
        cells = list(row.cells)
        if column >= len(cells):
            rows.append(row)
            continue
        if number == head:
            new = labels
        elif number < head or values[number - head - 1] is None:
            new = [cells[column]] * len(labels)
        else:
            new = values[number - head - 1] or []
        fills = list(row.fills)
        if column < len(fills):
            fills[column : column + 1] = [fills[column]] * len(labels)
        word_fills = list(row.word_fills)
        if column < len(word_fills):
            word_fills[column : column + 1] = [word_fills[column]] * len(labels)
        cells[column : column + 1] = new
        rows.append(Row(cells=cells, where=row.where, fills=fills, word_fills=word_fills))
    return rows


def _enough(shown: list[bool]) -> bool:
    return len(shown) >= _MIN_CELLS and sum(shown) >= _MIN_SHARE * len(shown)


def _fields_split(table: Table, head: int, column: int) -> list[Row] | None:
    body = table.rows[head + 1 :]
    asked = [
        column < len(row.cells) and bool(row.cells[column].strip()) and not _spanning(row)
        for row in body
    ]
    read = [
        _labelled_lines(row.cells[column]) if ask else None
        for row, ask in zip(body, asked, strict=True)
    ]
    shown = [found is not None for found, ask in zip(read, asked, strict=True) if ask]
    if not _enough(shown):
        return None
    labels: list[str] = []
    for found in read:
        for label, _ in found or []:
            if label not in labels:
                labels.append(label)
    values: list[list[str] | None] = []
    for row, found in zip(body, read, strict=True):
        if found is not None:
            given = dict(found)
            values.append([given.get(label, "") for label in labels])
        elif _spanning(row):
            values.append(None)
        else:
            values.append([""] * len(labels))
    return _split_column(table, head, column, labels, values)


def _joined_split(table: Table, head: int, column: int) -> list[Row] | None:
    parts = _joined(table.rows[head].cells[column])
    if parts is None:
        return None
    body = table.rows[head + 1 :]
    lines = [
        [squash(line) for line in row.cells[column].split("\n") if line.strip()]
        if column < len(row.cells)
        else []
        for row in body
    ]
    shown = [
        len(found) == len(parts)
        for row, found in zip(body, lines, strict=True)
        if found and not _spanning(row)
    ]
    if not _enough(shown):
        return None
    values: list[list[str] | None] = []
    for row, found in zip(body, lines, strict=True):
        if _spanning(row):
            values.append(None)
        elif len(found) == len(parts):
            values.append(found)
        else:
            values.append([" ".join(found)] + [""] * (len(parts) - 1))
    return _split_column(table, head, column, parts, values)


def _table(table: Table) -> Table | None:
    head = _heading_row(table)
    if head is None:
        return None
    read_by = list(table.read_by)
    rows = table.rows
    for column in reversed(range(len(table.rows[head].cells))):
        current = Table(rows=rows, where=table.where)
        heading = squash(rows[head].cells[column])
        split = None
        if Col.TITLE not in cols.heading_roles(heading):
            split = _fields_split(current, head, column)
            if split is not None:
                read_by.append(rules.FIELDS_IN_ONE_CELL.code)
        if split is None:
            split = _joined_split(current, head, column)
            if split is not None:
                read_by.append(rules.JOINED_HEADING_LINES.code)
        rows = split or rows
    if rows is table.rows:
        return None
    return replace(table, rows=rows, read_by=tuple(dict.fromkeys(read_by)))


def tables(blocks: list[Block]) -> list[Block]:
    """The blocks, each table whose cells hold several fields of a row given a column apiece."""
    return [(_table(block) or block) if isinstance(block, Table) else block for block in blocks]
