"""A first column of running row numbers ("No.", "#", "Row": 1, 2, 3 …) in front of a table
of actions that has refs of its own.

Many councils number the rows of a Word or Excel table as they type it. When the table also
has a column of refs ("1.1", "A2"), both are read as refs and the running numbers, being
first, would win: the actions would lose their refs and their sections. A column whose filled
cells are whole numbers counting up by one, row after row, is a count of the rows, not the
plan's refs, whenever another column holds refs; it is then left out. With no other ref
column the numbers stay the actions' refs (they are the only ones the plan gives), unless the
actions' own cells open with refs ("2.1 Agree …"): those are read from there, as they would be
without the count in front."""

from __future__ import annotations

import re
from itertools import pairwise

from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.blocks import Row
from sendplan.interchange.parsers.roles import Col

_WHOLE = re.compile(r"\d{1,4}(?:\.0)?")
# A ref opening an action's cell: "2.1 Agree …", "A1.2 Publish …" (dotted, so that "3 sessions"
# is not one).
_REF_OPENING = re.compile(r"(?:[A-Z]{1,3}\s?)?\d+(?:\.\d+)+[.):]?\s+\S")
_MOSTLY = 0.8
# Fewer rows than this cannot show a count.
_FEWEST = 3


def counts_rows(values: list[str]) -> bool:
    """Whole numbers counting up by one (1, 2, 3 … or 5, 6, 7 …), blanks allowed between."""
    filled = [v.strip() for v in values if v.strip()]
    # Up to the first cell that is not a number: a section's row across the table, or
    # another table under this one.
    ends = next((i for i, v in enumerate(filled) if not _WHOLE.fullmatch(v)), len(filled))
    filled = filled[:ends]
    if len(filled) < _FEWEST:
        return False
    numbers = [int(float(v)) for v in filled]
    return all(b == a + 1 for a, b in pairwise(numbers))


def leave_out_row_numbers(
    roles: dict[int, Col], basis: dict[int, tuple[str, float]], rows: list[Row]
) -> None:
    """Drop a ref column that only counts the rows when another column holds refs."""
    refs = [index for index, role in roles.items() if role is Col.REF]
    counting = [index for index in refs if counts_rows(_cells(rows, index))]
    if not counting:
        return
    if len(counting) == len(refs) and not _titles_open_with_refs(roles, rows):
        return
    for index in counting:
        del roles[index]
        basis[index] = (rules.ROW_NUMBERS.code, 1.0)


def _cells(rows: list[Row], index: int) -> list[str]:
    return [row.cells[index] if index < len(row.cells) else "" for row in rows]


def _titles_open_with_refs(roles: dict[int, Col], rows: list[Row]) -> bool:
    titles = [index for index, role in roles.items() if role is Col.TITLE]
    if len(titles) != 1:
        return False
    filled = [cell.strip() for cell in _cells(rows, titles[0]) if cell.strip()]
    opening = sum(1 for cell in filled if _REF_OPENING.match(cell))
    return len(filled) >= _FEWEST and opening >= _MOSTLY * len(filled)
