"""Several actions written in one cell (`actions-in-one-cell`).

A plan may list two or more actions in the one cell of a row that gives them a single lead, due
date and rating: numbered lines that each carry their own ref ("3.1 Publish …", "3.2 Train …"),
or lettered items ("a) Rewrite …", "b) Train …") in a row with a ref of its own. Each line is
an action of its own, sharing the row's other cells. A lettered item's ref is the row's ref
and its letter ("2a"); a numbered line keeps its own. Lettered lines in a row with no ref
carry on the action above (its points), and stay there. Only a cell every line of which opens
so is split: a sentence over a bulleted list, or numbered lines under words that introduce
them, stay one action.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import rules, values
from sendplan.interchange.parsers.blocks import Block, Row, Table, squash
from sendplan.interchange.parsers.roles import Col

# "a) Rewrite the template", "(b) Train …", "c. Audit …": a lettered item.
_LETTERED = re.compile(r"^\(?([a-z])[).]\s+(\S.*)$")
# The fewest words an item has to be an action rather than a label.
_MIN_WORDS = 3


def _items(cell: str) -> list[tuple[str, str, bool]] | None:
    """(ref or letter, words, lettered) for each line of a cell whose every line opens with its
    own dotted ref, or with the next letter in turn; None for any other cell."""
    lines = [squash(line) for line in cell.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    numbered = [values.leading_ref(line) for line in lines]
    if all(found and "." in found[0] for found in numbered):
        refs = [found[0] for found in numbered if found]
        if len(set(refs)) == len(refs):
            return [(ref, words, False) for ref, words in (f for f in numbered if f)]
    lettered = [_LETTERED.match(line) for line in lines]
    if all(lettered) and [m.group(1) for m in lettered if m] == [
        chr(ord("a") + n) for n in range(len(lines))
    ]:
        return [(m.group(1), m.group(2), True) for m in lettered if m]
    return None


def _heading(table: Table) -> tuple[int, int, int | None] | None:
    """(heading row, action column, ref column) of a table of actions, or None."""
    for head, row in enumerate(table.rows[:4]):
        roles = [cols.heading_roles(squash(cell)) if cell.strip() else [] for cell in row.cells]
        titles = [i for i, found in enumerate(roles) if Col.TITLE in found]
        if len(titles) != 1:
            continue
        others = [i for i, found in enumerate(roles) if found and i != titles[0]]
        if not others:
            continue
        refs = [i for i, found in enumerate(roles) if Col.REF in found and i != titles[0]]
        return head, titles[0], refs[0] if refs else None
    return None


def _split(row: Row, title: int, ref: int | None) -> list[Row] | None:
    if title >= len(row.cells):
        return None
    items = _items(row.cells[title])
    if items is None or any(len(words.split()) < _MIN_WORDS for _, words, _ in items):
        return None
    own = squash(row.cells[ref]) if ref is not None and ref < len(row.cells) else ""
    if items[0][2] and not own:
        # Lettered lines in a row with no ref of its own: the points of the action above,
        # which the row carries on.
        return None
    out = []
    for mark, words, lettered in items:
        cells = list(row.cells)
        if ref is None:
            cells[title] = f"{mark} {words}"
        elif lettered:
            cells[ref] = f"{own}{mark}"
            cells[title] = words
        else:
            cells[ref] = mark
            cells[title] = words
        out.append(Row(cells=cells, where=row.where, fills=list(row.fills)))
    return out


def _table(table: Table) -> Table | None:
    found = _heading(table)
    if found is None:
        return None
    head, title, ref = found
    rows = list(table.rows[: head + 1])
    split = False
    for row in table.rows[head + 1 :]:
        made = _split(row, title, ref)
        split = split or made is not None
        rows.extend(made or [row])
    if not split:
        return None
    return replace(table, rows=rows, read_by=(*table.read_by, rules.ACTIONS_IN_ONE_CELL.code))


def tables(blocks: list[Block]) -> list[Block]:
    """The blocks, each table whose action cells list several actions given a row apiece."""
    return [(_table(block) or block) if isinstance(block, Table) else block for block in blocks]
