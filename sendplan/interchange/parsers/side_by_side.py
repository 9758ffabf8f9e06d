"""Two tables of actions side by side on one sheet, a blank column between them.

A joint plan is often kept as the council's table and the ICB's beside it on one sheet: each
has its own heading row (the same headings, or each its own), and a column left empty in every
row divides them. Read as one table, the second table's columns are taken for more of the
first's (its actions for continuations, its leads for second leads). Such a table is read as
two, one after the other (`tables-side-by-side`):

- a column blank in every row parts the table where, in a row among its first, each side holds
  a heading row of its own: an action column and another known heading;
- a row above the heading row that has words on both sides (each table's title, "Council" over
  one, "ICB" over the other) gives each side a heading of its own, before its table; rows above
  with words on one side only (the plan's title, a date) stay with that side's table;
- rows blank on one side are left out of that side's table.
"""

from __future__ import annotations

from dataclasses import replace

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.blocks import Block, Heading, Row, Table, squash
from sendplan.interchange.parsers.roles import Col

# The heading row is among a table's first rows (a title block may stand above it).
_MAX_HEAD_ROW = 8
# Each side has at least this many rows below its headings.
_MIN_ROWS = 1


def tables(blocks: list[Block]) -> tuple[list[Block], list[tuple[str, str]]]:
    """The blocks with each table holding two side by side read as two; and (where, message)
    for each table parted, for the report."""
    out: list[Block] = []
    notes: list[tuple[str, str]] = []
    for block in blocks:
        if not isinstance(block, Table):
            out.append(block)
            continue
        parted = _parted(block)
        if len(parted) > 1:
            notes.append(
                (
                    block.where,
                    "Read this sheet as two tables side by side, parted by the empty column "
                    "between them, each with its own headings.",
                )
            )
        out.extend(parted)
    return out, notes


def _roles(row: Row, start: int, end: int) -> list[list[Col]]:
    return [
        cols.heading_roles(squash(cell), fuzzy=False) if cell.strip() else []
        for cell in row.cells[start:end]
    ]


def _heads_a_table(row: Row, start: int, end: int) -> bool:
    """Whether these cells of a row head a table of actions: an action column and another
    known heading."""
    found = _roles(row, start, end)
    return any(Col.TITLE in roles for roles in found) and sum(bool(roles) for roles in found) >= 2


def _blank_columns(table: Table, width: int) -> list[int]:
    return [
        column
        for column in range(width)
        if not any(column < len(row.cells) and row.cells[column].strip() for row in table.rows)
    ]


def _divide(table: Table) -> tuple[int, int, int] | None:
    """(heading row, end of the left side, start of the right side) where a run of blank
    columns parts two tables each with a heading row of its own in the same row."""
    width = max((len(row.cells) for row in table.rows), default=0)
    blank = set(_blank_columns(table, width))
    if not blank:
        return None
    for head, row in enumerate(table.rows[:_MAX_HEAD_ROW]):
        for column in sorted(blank):
            if column - 1 in blank:
                continue  # the run's first column stands for the run
            end = column
            while end in blank:
                end += 1
            if (
                column > 0
                and end < width
                and _heads_a_table(row, 0, column)
                and _heads_a_table(row, end, width)
            ):
                return head, column, end
    return None


def _side(row: Row, start: int, end: int | None) -> Row:
    return replace(
        row,
        cells=row.cells[start:end],
        fills=row.fills[start:end],
        word_fills=row.word_fills[start:end],
    )


def _parted(table: Table) -> list[Block]:
    divided = _divide(table)
    if divided is None:
        return [table]
    head, left_end, right_start = divided
    # For each side: its rows above its title, its title, and its rows from there on.
    sides: list[tuple[list[Row], list[Heading], list[Row]]] = [([], [], []), ([], [], [])]
    below = [0, 0]
    for number, row in enumerate(table.rows):
        parts = [_side(row, 0, left_end), _side(row, right_start, None)]
        both = all(not part.is_blank() for part in parts)
        for side, ((above, titles, rows), part) in enumerate(zip(sides, parts, strict=True)):
            if part.is_blank():
                continue
            if number < head and both and len(part.filled()) == 1:
                titles.append(Heading(squash(part.filled()[0]), row.where, level=2))
            elif number < head and not titles:
                above.append(part)
            else:
                rows.append(part)
                below[side] += number > head
    if min(below) < _MIN_ROWS:
        return [table]
    out: list[Block] = []
    for name, (above, titles, rows) in zip(("left", "right"), sides, strict=True):
        read_by = (*table.read_by, rules.TABLES_SIDE_BY_SIDE.code)
        if above and titles:
            # The sheet's own title and date over the first table stay above its title.
            out.append(replace(table, rows=above, where=table.where, read_by=read_by))
        else:
            rows = above + rows
        out.extend(titles)
        out.append(
            replace(table, rows=rows, where=f"{table.where} ({name} table)", read_by=read_by)
        )
    return out
