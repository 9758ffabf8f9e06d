"""Records each under a numbered heading of one word, with labelled lines under it: a decision
sheet ("Decision 4" over "Decision" / "Officer" / "Deadline", each label over its value, as
a definition list prints), a log of recommendations or actions written the same way.

The heading's word names what each record is ("Decision 4", "Recommendation 2"); the label
that repeats that word (or names an action's words) holds the record's words, the number is
its ref, and the other labels (an officer, a deadline) keep their own names, so that the
interpreter reads them as it reads any table's headings. Two or more records with the same
word in a row are needed; a numbered heading over prose is left as it is. The same records
laid out as a table of two columns, the first headed by a level and holding its numbers, the
second sentences, are read the same way (`level_rows`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import rules, values
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, Row, Table, flat
from sendplan.interchange.parsers.roles import Col

_NUMBERED = re.compile(
    r"^(?P<word>[A-Z][A-Za-z]+)\s+(?:no\.?\s*|number\s+)?(?P<ref>[A-Z]?\d{1,3}(?:\.\d{1,3})?[a-z]?)$"
)
_INLINE = re.compile(r"^(?P<label>[A-Z][A-Za-z ]{1,30}?)\s*:\s*(?P<value>\S.*)$", re.S)
_MAX_LABEL_WORDS = 4
_MIN_RECORDS = 2


@dataclass
class _Record:
    ref: str
    where: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    end: int = 0


def tables(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        run = _run(blocks, index)
        if run is None:
            out.append(blocks[index])
            index += 1
            continue
        word, records = run
        out.append(_table(word, records))
        index = records[-1].end
    return out


def _run(blocks: list[Block], start: int) -> tuple[str, list[_Record]] | None:
    records: list[_Record] = []
    word = None
    at = start
    while at < len(blocks):
        found = _record(blocks, at)
        if found is None or (word is not None and found[0] != word):
            break
        word = found[0]
        records.append(found[1])
        at = found[1].end
    if word is None or len(records) < _MIN_RECORDS:
        return None
    if not all(_title_label(word, record) is not None for record in records):
        return None
    return word, records


def _record(blocks: list[Block], start: int) -> tuple[str, _Record] | None:
    heading = blocks[start]
    if not isinstance(heading, Heading) or heading.is_sheet:
        return None
    numbered = _NUMBERED.match(flat(heading.text))
    if numbered is None:
        return None
    record = _Record(ref=numbered.group("ref"), where=heading.where)
    at = start + 1
    while at < len(blocks):
        block = blocks[at]
        after = blocks[at + 1] if at + 1 < len(blocks) else None
        if isinstance(block, Paragraph) and (inline := _INLINE.match(block.text.strip())):
            record.fields.append((flat(inline.group("label")), flat(inline.group("value"))))
            at += 1
            continue
        label = flat(block.text) if isinstance(block, Heading | Paragraph) else ""
        is_label = (
            (isinstance(block, Heading) and block.level > heading.level and not block.is_sheet)
            or (isinstance(block, Paragraph) and label.endswith(":"))
        ) and 0 < len(label.rstrip(":").split()) <= _MAX_LABEL_WORDS
        if not is_label or not isinstance(after, Paragraph):
            break
        record.fields.append((label.rstrip(": "), flat(after.text)))
        at += 2
    if not record.fields:
        return None
    record.end = at
    return numbered.group("word").lower(), record


def _title_label(word: str, record: _Record) -> str | None:
    for label, _ in record.fields:
        if label.lower() == word or Col.TITLE in cols.heading_roles(label):
            return label
    return None


def _table(word: str, records: list[_Record]) -> Table:
    others: list[str] = []
    for record in records:
        title = _title_label(word, record)
        for label, _ in record.fields:
            if label != title and label not in others:
                others.append(label)
    where = records[0].where
    table = Table(
        rows=[Row(cells=["Ref", "Action", *others], where=where)],
        where=where,
        headed=True,
        origin=rules.NUMBERED_RECORDS.code,
    )
    for record in records:
        title = _title_label(word, record)
        values = dict(record.fields)
        table.rows.append(
            Row(
                cells=[record.ref, values[title or ""], *(values.get(o, "") for o in others)],
                where=record.where,
            )
        )
    return table


# A table of two columns, the first headed by a level of the plan and holding only its
# numbers, the second what each is about in sentences ("Workstream | What it is about" over
# "1 | Workstream 1 is all about …"): the same records, laid out as rows.
_MIN_ROW_WORDS = 8
# A sheet's rows are as wide as its widest: a number and a sentence, perhaps a blank or two.
_MAX_LEVEL_ROW_CELLS = 4
_HEADER_SEARCH = 12
_ROW_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})?$")


def level_rows(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        made = _level_rows(block) if isinstance(block, Table) and not block.origin else None
        out.extend(made or [block])
    return out


def _level_rows(table: Table) -> list[Block] | None:
    if not table.rows or len(table.rows[0].cells) > _MAX_LEVEL_ROW_CELLS:
        return None
    rows = [row for row in table.rows if not row.is_blank()]
    at = next(
        (
            i
            for i, row in enumerate(rows[:_HEADER_SEARCH])
            if len(row.filled()) == 2 and _level_heading(row)
        ),
        None,
    )
    if at is None:
        return None
    header, data = rows[at], rows[at + 1 :]
    first, second = (i for i, cell in enumerate(header.cells) if cell.strip())
    if len(data) < _MIN_RECORDS or cols.heading_roles(flat(header.cells[second])):
        return None
    for row in data:
        if len(row.filled()) != 2 or not _ROW_NUMBER.match(flat(row.cells[first])):
            return None
        if len(flat(row.cells[second]).split()) < _MIN_ROW_WORDS:
            return None
    made = Table(
        rows=[Row(cells=["Ref", "Action"], where=header.where)],
        where=header.where,
        headed=True,
        origin=rules.NUMBERED_RECORDS.code,
    )
    made.rows.extend(
        Row(cells=[flat(row.cells[first]), row.cells[second]], where=row.where) for row in data
    )
    before = rows[:at]
    return [Table(rows=before, where=table.where), made] if before else [made]


def _level_heading(row: Row) -> bool:
    level = values.bare_level(flat(row.filled()[0]))
    return level is not None and level[1] is None
