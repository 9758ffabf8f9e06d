"""A table read column by column, as some PDFs give their text: the refs first, then the actions.

A two-column table (a number, then the action) sometimes comes out of a PDF a column at a
time: the numbers 1 to N on lines of their own, then the N actions, each perhaps wrapped over
several lines. When exactly N items follow N numbers counted one after another, the numbers
and the items are paired again, in order, as the rows of a table.

A table saved as a web page and copied with each cell on lines of its own comes out a row at a
time but each row a column at a time: its headings one per line ("Actions Required", "Lead
Officer(s)", "Progress ..."), then for each row the numbered actions 1 to N, then the N
leads, then the N dates, then the rest of its cells. When the headings name the actions and
their leads, and N lines that read as people (then N that read as dates) follow N numbered
actions, they are paired again, in order (`listed_cells`). A numbered line right above an
action numbered 1 heads the actions under it, as a recommendation heads what is done about it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import dates, people, profile, rules
from sendplan.interchange.parsers.blocks import Block, Paragraph, Row, Table, squash
from sendplan.interchange.parsers.roles import Col

_NUMBER = re.compile(r"\d{1,2}")
_MIN_ROWS = 3
_MAX_ROWS = 40
# A wrapped item's lines: most items span a few lines, none dozens.
_MAX_LINES_PER_ITEM = 8
_MIN_ITEM_WORDS = 4
_ENDS_SENTENCE = (".", ";", ":", "!", "?")


def _numbers_at(blocks: list[Block], index: int) -> int:
    """How many paragraphs from blocks[index] are the numbers 1, 2, 3 ... alone."""
    count = 0
    while index + count < len(blocks):
        block = blocks[index + count]
        text = squash(block.text) if isinstance(block, Paragraph) else ""
        if not _NUMBER.fullmatch(text) or int(text) != count + 1:
            break
        count += 1
    return count


def _items(blocks: list[Block], start: int, wanted: int) -> tuple[list[str], int] | None:
    """The `wanted` items written from blocks[start], and the index after the last line; None
    unless exactly that many items are there before the text turns to something else."""
    items: list[str] = []
    index = start
    limit = start + wanted * _MAX_LINES_PER_ITEM
    while index < len(blocks) and index < limit:
        block = blocks[index]
        if not isinstance(block, Paragraph) or "\n" in block.text.strip():
            break
        text = squash(block.text)
        if not text or _NUMBER.fullmatch(text):
            break
        opens = text[:1].isupper() and (not items or items[-1].endswith(_ENDS_SENTENCE))
        if opens:
            if len(items) == wanted:
                break
            items.append(text)
        elif items:
            items[-1] = f"{items[-1]} {text}"
        else:
            return None
        index += 1
    if len(items) != wanted or not items[-1].endswith(_ENDS_SENTENCE):
        return None
    if any(len(item.split()) < _MIN_ITEM_WORDS for item in items):
        return None
    if sum(profile.opens_with_verb(item) for item in items) * 2 < len(items):
        return None
    return items, index


def tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with each column of numbers and the column of actions after it made into
    one table of refs and actions."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        count = _numbers_at(blocks, index)
        found = _items(blocks, index + count, count) if _MIN_ROWS <= count <= _MAX_ROWS else None
        if found is None:
            out.append(blocks[index])
            index += 1
            continue
        items, after = found
        first = blocks[index].where
        table = Table(
            rows=[Row(cells=["Ref", "Action"], where=first)],
            where=first,
            headed=True,
            origin=rules.NUMBERS_THEN_ITEMS.code,
        )
        for number, item in enumerate(items, start=1):
            where = blocks[index + number - 1].where
            table.rows.append(Row(cells=[str(number), item], where=where))
        out.append(table)
        index = after
    return out


_NUMBERED_LINE = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
_MIN_HEADINGS = 3
_MAX_LISTED_HEADING_WORDS = 6
_MAX_PERSON_LINE_WORDS = 8
_MAX_DATE_LINE_WORDS = 5
# The column the numbered line above the actions is read into: a part of the plan.
_GROUP_HEADING = "Section"


def _line(block: Block) -> str | None:
    """The block's text, when it is one line of a paragraph or heading."""
    if isinstance(block, Table) or getattr(block, "is_sheet", False):
        return None
    text = block.text.strip()
    return squash(text) if text and "\n" not in text else None


def _listed_headings(blocks: list[Block], index: int) -> int:
    """How many blocks from `index` are a table's headings one per line, naming at least the
    actions and their leads; 0 when they are not."""
    count = 0
    named: set[Col] = set()
    while index + count < len(blocks):
        text = _line(blocks[index + count])
        if text is None or len(text.split()) > _MAX_LISTED_HEADING_WORDS:
            break
        if _NUMBERED_LINE.match(text):
            break
        roles = cols.heading_roles(text, fuzzy=False) or list(cols.word_roles(text))
        if not roles:
            break
        named.add(roles[0])
        count += 1
    return count if count >= _MIN_HEADINGS and {Col.TITLE, Col.LEAD} <= named else 0


def _numbered(block: Block) -> tuple[str, str] | None:
    text = _line(block)
    match = _NUMBERED_LINE.match(text) if text else None
    return (match.group(1), match.group(2)) if match else None


def _person_line(text: str) -> bool:
    """ "Liz Price, Planning Manager": a person's name, perhaps with their post after it."""
    name = re.split(r"\s*,\s*|\s+[-–]\s+", text, maxsplit=1)[0]
    return len(text.split()) <= _MAX_PERSON_LINE_WORDS and people.is_name(name)


def _date_line(text: str) -> bool:
    return len(text.split()) <= _MAX_DATE_LINE_WORDS and dates.read_when(text).readable


def _lines_that(
    blocks: list[Block], index: int, wanted: int, reads: Callable[[str], bool]
) -> list[str]:
    """The `wanted` lines from blocks[index] when every one of them reads as `reads` says."""
    found: list[str] = []
    for block in blocks[index : index + wanted]:
        text = _line(block)
        if text is None or not reads(text):
            return []
        found.append(text)
    return found if len(found) == wanted else []


def _listed_group(blocks: list[Block], index: int) -> tuple[Table, int] | None:
    """The row at blocks[index] of a table copied a cell per line: a numbered line heading
    numbered actions (or the actions alone), their leads and their dates, as a table; and the
    index after the dates. None when the lines do not pair."""
    head = _numbered(blocks[index])
    if head is None:
        return None
    start = index
    below = _numbered(blocks[index + 1]) if index + 1 < len(blocks) else None
    group = ""
    if below is not None and below[0] == "1":
        group = f"{head[0]}. {head[1]}"
        index += 1
    actions: list[tuple[str, str]] = []
    while index < len(blocks):
        item = _numbered(blocks[index])
        if item is None or int(item[0]) != len(actions) + 1:
            break
        actions.append(item)
        index += 1
    wanted = len(actions)
    if wanted == 0 or sum(profile.opens_with_verb(title) for _, title in actions) * 2 < wanted:
        return None
    leads = _lines_that(blocks, index, wanted, _person_line)
    if not leads:
        return None
    index += wanted
    when = _lines_that(blocks, index, wanted, _date_line)
    index += len(when)
    headings = [*([_GROUP_HEADING] if group else []), "Ref", "Action", "Lead"]
    headings += ["Date"] if when else []
    first = blocks[start].where
    table = Table(
        rows=[Row(cells=headings, where=first)],
        where=first,
        headed=True,
        origin=rules.CELLS_LISTED.code,
    )
    for number, (ref, title) in enumerate(actions):
        cells = [*([group] if group else []), ref, title, leads[number]]
        cells += [when[number]] if when else []
        table.rows.append(Row(cells=cells, where=first))
    return table, index


def listed_cells(blocks: list[Block]) -> list[Block]:
    """The blocks, with each row of a table copied a cell per line (see the module's
    docstring) made a table again; the row's other cells (progress and the like) stay as the
    paragraphs they are."""
    out: list[Block] = []
    index = 0
    listing = False
    while index < len(blocks):
        headings = _listed_headings(blocks, index) if not listing else 0
        if headings:
            out.extend(blocks[index : index + headings])
            index += headings
            listing = True
            continue
        found = _listed_group(blocks, index) if listing else None
        if found is None:
            out.append(blocks[index])
            # A table or a new sheet ends the rows copied a cell per line.
            listing = listing and _line(blocks[index]) is not None
            index += 1
            continue
        table, index = found
        out.append(table)
    return out
