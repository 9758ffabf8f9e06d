"""A Word, PDF or Excel file's words read as text, when its tables give few or no actions.

The table reading of a file is the surest: its cells say which words are an action, a lead
or a date. But some files keep their plan in tables the table reading has no column for: a
table of one column whose every cell holds a numbered action with its "Lead:" and "By:"
lines, a table of "Priority | What we will do" with the actions as bullets inside the cells.
The same words pasted as text are read by the text rules (numbered and labelled lines,
bullets under a priority), which know them.

So when a file's tables give no actions, or far fewer than its words would, its words are
also read as text: each heading and paragraph a line, and each table cell, in reading order
(row by row, left to right), its own lines, with a blank line between blocks and cells. The
reading that finds more actions is kept; what the text reading placed carries the rule
`words-over-tables` and a lower confidence, so the check page lists it first, and each
action's "where" is the heading, paragraph or cell it came from in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sendplan.interchange.parsers import columns, profile
from sendplan.interchange.parsers.blocks import Block, Paragraph, Row, Table, flat, squash
from sendplan.interchange.parsers.roles import Col

# The text reading is kept only when it finds at least this many actions,
_MIN_ACTIONS = 2
# and this many times as many as the table reading (a table reading of none is always beaten).
_RATIO = 1.5
# How sure the importer is of what the text reading placed.
CONFIDENCE = 0.6
# File kinds whose blocks come from a layout the text rules may read better.
READERS = frozenset({"docx", "pdf", "xlsx"})

# A table laid out sideways: at least three headings down its first column, two actions.
_MIN_TURNED_ROWS = 3
_MIN_TURNED_WIDTH = 3

# A table run into one paragraph: its headings among the paragraph's first words.
_MIN_RUN_ON_WORDS = 40
_HEADING_WINDOW = 60
_MAX_HEADING_WORDS = 4
_MIN_RUN_ON_HEADINGS = 3

_LINE = re.compile(r"\bline (\d+)\b")
# How a cell's place is added to its row's where ("table 1 row 3, cell 2").
_CELL = ", cell "
# A line that opens with a ref ("1.2", "A3", "2)", "Action 4"), or a bullet.
_COULD_OPEN = re.compile(
    r"^\s*(?:(?:action|ref|priority|objective|outcome|task|no)\.?\s+)?"
    r"(?:[A-Z]{0,3}\d{1,3}(?:\.\d{1,3})*[.):]?\s|[•·▪◦‣●○■□*\-–]\s)",
    re.I,
)


@dataclass(frozen=True)
class Words:
    """A file's blocks as text, and where in the file each of its lines came from."""

    text: str
    # wheres[n - 1] is where line n was in the file ("" for the blank lines between).
    wheres: tuple[str, ...]

    def where(self, text_where: str) -> str:
        """A text reading's "line 12" as where that line stands in the file."""

        def place(match: re.Match[str]) -> str:
            number = int(match.group(1))
            if 1 <= number <= len(self.wheres) and self.wheres[number - 1]:
                return self.wheres[number - 1]
            return match.group(0)

        return _LINE.sub(place, text_where)


def words_of(blocks: list[Block], rows_as_lines: bool = False) -> Words:
    """The blocks as text: each cell its own lines, or with `rows_as_lines` each table row
    one line, its cells apart by a space (as a web page's table is often copied)."""
    lines: list[str] = []
    wheres: list[str] = []

    def add(text: str, where: str) -> None:
        parts = [line for line in text.replace("\t", " ").split("\n") if line.strip()]
        if not parts:
            return
        for part in parts:
            lines.append(part)
            wheres.append(where)
        lines.append("")
        wheres.append("")

    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                if rows_as_lines:
                    add(" ".join(squash(cell) for cell in _distinct(row.cells)), row.where)
                    continue
                cells = _distinct(row.cells)
                for index, cell in enumerate(cells):
                    add(cell, f"{row.where}{_CELL}{index + 1}" if len(cells) > 1 else row.where)
        else:
            add(block.text, block.where)
    return Words(text="\n".join(lines), wheres=tuple(wheres))


def _distinct(cells: list[str]) -> list[str]:
    return [cell for index, cell in enumerate(cells) if not index or cell != cells[index - 1]]


def could_do_better(blocks: list[Block], found: int) -> bool:
    """Whether the file's words could hold clearly more actions than the `found` its tables
    gave, judged cheaply so that a file whose tables were read well is not read again: none
    were found, or there are that many list lines (a ref or a bullet opening them) inside
    cells of several lines and in paragraphs, which a table's rows cannot give one each."""
    if found == 0:
        return True
    listed = 0
    for block in blocks:
        if isinstance(block, Table):
            texts = [cell for row in block.rows for cell in row.cells if "\n" in cell]
        else:
            texts = [block.text]
        for text in texts:
            listed += sum(1 for line in text.split("\n") if _COULD_OPEN.match(line))
    return better(found, listed)


def worth_reading(words: Words, found: int) -> bool:
    """Whether the words could hold enough actions to beat `found`: lines that open with a
    ref, a bullet or a verb, counted cheaply, so that a file whose tables were read well is
    not read twice."""
    could = sum(
        1
        for line in words.text.split("\n")
        if _COULD_OPEN.match(line) or (line[:1].isupper() and profile.opens_with_verb(line))
    )
    return better(found, could)


def turned(blocks: list[Block]) -> list[Block] | None:
    """The blocks with each table laid out sideways (its first column the headings "Ref",
    "Action", "Lead" ..., each action a column) turned to have an action a row; None when
    no table is laid out so. Rows above the headings with one cell filled (a title) are
    kept as paragraphs."""
    out: list[Block] = []
    changed = False
    for block in blocks:
        if not isinstance(block, Table):
            out.append(block)
            continue
        top = 0
        while top < len(block.rows) and len(block.rows[top].filled()) <= 1:
            top += 1
        body = block.rows[top:]
        width = max((len(row.cells) for row in body), default=0)
        if len(body) < _MIN_TURNED_ROWS or width < _MIN_TURNED_WIDTH:
            out.append(block)
            continue
        firsts = [flat(row.cells[0]) if row.cells else "" for row in body]
        sideways = columns.read_header(firsts)
        upright = columns.read_header(body[0].cells)
        if (
            sideways is None
            or sideways.kind is not columns.Kind.ACTIONS
            or not sideways.has(Col.TITLE)
            or (upright is not None and upright.kind is columns.Kind.ACTIONS)
        ):
            out.append(block)
            continue
        changed = True
        out.extend(
            Paragraph(text=flat(row.cells[0]) if row.cells else "", where=row.where)
            for row in block.rows[:top]
            if row.filled()
        )
        padded = [[*row.cells, *[""] * (width - len(row.cells))] for row in body]
        rows = [
            Row(
                cells=[cells[index] for cells in padded],
                where=f"{block.where}, column {index + 1}",
                fills=[row.fill(index) for row in body],
            )
            for index in range(width)
        ]
        out.append(Table(rows=rows, where=block.where, headed=True))
    return out if changed else None


def splits_rows(table_wheres: list[str], text_wheres: list[str]) -> bool:
    """Whether the text reading made actions of two cells or more of a row the table
    reading read as one action: it then took the row's progress notes or measures for
    actions (a table read well, with words in other columns), and the table reading is the
    better. Several actions from one cell (its bullets) are no such sign."""
    read = set(table_wheres)
    cells: dict[str, set[str]] = {}
    for where in text_wheres:
        row, _, cell = where.partition(_CELL)
        if row in read:
            cells.setdefault(row, set()).add(cell)
    return any(len(found) > 1 for found in cells.values())


def tables_in_paragraphs(blocks: list[Block]) -> list[tuple[Paragraph, list[str]]]:
    """Long paragraphs that open with a table's headings run together ("Key Objectives Key
    Actions … Lead Impact/Outcomes … RAG"), and those headings: a table whose cells a web
    page or a copy from a PDF ran into one paragraph. Headings count when they are written
    with a capital, play different parts and one of them names the actions."""
    found: list[tuple[Paragraph, list[str]]] = []
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        words = block.text.split()
        if len(words) < _MIN_RUN_ON_WORDS:
            continue
        head = words[:_HEADING_WINDOW]
        roles: set[Col] = set()
        pieces: list[str] = []
        start = 0
        while start < len(head):
            for size in range(1, _MAX_HEADING_WORDS + 1):
                piece = " ".join(head[start : start + size]).strip(":/()")
                if not piece[:1].isupper():
                    continue
                known = columns.heading_roles(piece, fuzzy=False)
                if known:
                    roles.add(known[0])
                    pieces.append(piece)
                    start += size - 1
                    break
            start += 1
        if len(roles) >= _MIN_RUN_ON_HEADINGS and Col.TITLE in roles:
            found.append((block, pieces))
    return found


def better(table_actions: int, text_actions: int) -> bool:
    """Whether the text reading, finding `text_actions`, is to be kept over the table
    reading's `table_actions`."""
    return text_actions >= _MIN_ACTIONS and text_actions >= max(1, table_actions) * _RATIO
