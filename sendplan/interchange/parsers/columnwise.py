"""A table read column by column, as some PDFs give their text: the refs first, then the actions.

A two-column table (a number, then the action) sometimes comes out of a PDF a column at a
time: the numbers 1 to N on lines of their own, then the N actions, each perhaps wrapped over
several lines. When exactly N items follow N numbers counted one after another, the numbers
and the items are paired again, in order, as the rows of a table.
"""

from __future__ import annotations

import re

from sendplan.interchange.parsers import profile, rules
from sendplan.interchange.parsers.blocks import Block, Paragraph, Row, Table, squash

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
