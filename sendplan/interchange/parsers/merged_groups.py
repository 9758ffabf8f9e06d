"""Tables whose first columns group the rows, as a workbook does with cells merged down: a
group (a board, a workstream, a priority) and perhaps what it is for, each written once over
its rows, beside one piece of work a row ("Group | Remit | Area of work").

The headings may be words no plan of actions uses, so the table is told by its shape: under a
row of headings, the last column is filled, and differs, on every
row; each column before it holds its words once over a run of rows (merged down, written on
the run's first row, or repeated), the first changing at least once and the others only where
the first does. The first column is then each row's section, the last its action; the columns
between, what the group is for, are left as the plan wrote them. A table whose headings the
importer already reads is left alone, as is one whose last column holds dates, numbers or
people rather than work.
"""

from __future__ import annotations

import itertools

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import people, profile, rules
from sendplan.interchange.parsers.actions import only_a_date
from sendplan.interchange.parsers.blocks import Block, Row, Table, flat

_MIN_ROWS = 4
_MAX_GROUP_COLUMNS = 2
_MAX_HEADING_WORDS = 6
# The headings are looked for among the first rows only, under a title block.
_HEADER_SEARCH = 12


def tables(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        out.extend(_grouped(block) if isinstance(block, Table) and not block.origin else [block])
    return out


def _grouped(table: Table) -> list[Block]:
    # A table wider than a group, its remit and the work is no such table: said first, as
    # most tables are, before any row is looked at.
    if not any(2 <= len(row.cells) <= _MAX_GROUP_COLUMNS + 1 for row in table.rows[:1]):
        return [table]
    rows = [row for row in table.rows if not row.is_blank()]
    at = next((i for i, row in enumerate(rows[:_HEADER_SEARCH]) if _heading_row(row)), None)
    if at is None:
        return [table]
    header, data = rows[at], rows[at + 1 :]
    width = len(header.cells)
    if len(data) < _MIN_ROWS or any(len(row.cells) != width for row in data):
        return [table]
    grid = [[flat(cell) for cell in row.cells] for row in data]
    if not 2 <= width <= _MAX_GROUP_COLUMNS + 1 or not all(grid[0]):
        return [table]
    if cols.read_header(header.cells, following=data) is not None:
        return [table]
    work = [cells[-1] for cells in grid]
    if not all(work) or len(set(work)) != len(work) or not _is_work(work):
        return [table]
    # A group merged down (or written once over its rows) holds for each row it covers.
    for above, below in itertools.pairwise(grid):
        for column in range(width - 1):
            below[column] = below[column] or above[column]
    first = _changes([cells[0] for cells in grid])
    if not first or len(first) + 1 >= len(grid):
        return [table]
    for column in range(1, width - 1):
        if not _changes([cells[column] for cells in grid]) <= first:
            return [table]
    # The section last: a row opening "Work Stream 1 | …" would be read as naming a section.
    headings = ["Action", *(flat(cell) for cell in header.cells[1:-1]), "Theme"]
    made = Table(
        rows=[Row(cells=headings, where=header.where)],
        where=header.where,
        headed=True,
        origin=rules.MERGED_GROUPS.code,
    )
    made.rows.extend(
        Row(cells=[row.cells[-1], *row.cells[1:-1], row.cells[0]], where=row.where) for row in data
    )
    before = rows[:at]
    return [Table(rows=before, where=table.where), made] if before else [made]


def _heading_row(row: Row) -> bool:
    cells = [flat(cell) for cell in row.cells]
    return (
        len(cells) >= 2
        and all(cells)
        and all(len(cell.split()) <= _MAX_HEADING_WORDS for cell in cells)
    )


def _changes(values: list[str]) -> set[int]:
    """The rows where a column's words differ from the row above."""
    return {
        index
        for index, (above, below) in enumerate(itertools.pairwise(values), 1)
        if above != below
    }


def _is_work(cells: list[str]) -> bool:
    """Cells that name pieces of work: none a date or a number, and most not a person (a
    piece of work in capitals, "Personal Budgets", can read as a name)."""
    if any(only_a_date(text) or not any(ch.isalpha() for ch in text) for text in cells):
        return False
    named = sum(profile.is_named_person(text) or people.is_initials(text) for text in cells)
    return named * 2 < len(cells)
