"""Tables whose cells were flattened into lines of text, a cell a line, made tables again.

Text copied out of a PDF or a web page often loses a table's grid but keeps its cells in
reading order, each on a line of its own: the headings ("Action", "Lead", "By when", "RAG")
one a line, then each row's cells one a line in the same order. Such lines are read back into
rows by what each line holds, against the part each column plays:

- a line that is a date, a person or post, a rating or a lone ref goes to the next column, in
  the row's order, that takes such a thing; the columns it passes over are cells left empty,
  which such text drops altogether (`cell-lines`);
- any other line is words: the action's, or another column of words; a line that goes on from
  the words above it (starting in lower case, or not opening with a verb where no column of
  words follows) is the same cell wrapped over two lines;
- a line that fits no column left in the row opens the next row;
- a heading the importer does not know ("Accountable lead", "Completion"), between known
  ones, or one whose cells may be dates or words ("Target"), takes the part under which its
  lines fill the most cells (`cell-lines-content-role`);
- a line naming a part of the plan ("Priority 2: Preparing for adulthood") closes the rows
  above it and is kept as the heading it is, and the headings repeated at the top of a page
  are passed over; rows that follow a part's line under no headings of their own are read
  under those of the table above it (`cell-lines-resumed`).

The rows are kept only when they read as a table: at least two of them, most with a cell the
columns could tell by its content, and the words at the end with none are given back as the
paragraphs they were.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from enum import Enum

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import dates, profile, rules, values
from sendplan.interchange.parsers.blocks import Block, Row, Table, squash
from sendplan.interchange.parsers.roles import Col, Kind

_MIN_HEADINGS = 3
_MAX_HEADINGS = 10
_MAX_HEADING_WORDS = 5
_MIN_ROWS = 2
# A cell of such a table is a few lines of a few dozen words, not a page of prose.
_MAX_LINE_WORDS = 60
_MAX_CELL_LINES = 6
_MAX_PERSON_WORDS = 10
_MAX_DATE_WORDS = 6
_MAX_RATING_WORDS = 3
# Rows read under the headings of a table above: each with two cells told by their content.
_MIN_TOLD_RESUMED = 2
# Headings the importer does not know, among those it does: at most this many, this short.
_MAX_UNKNOWN = 2
_MAX_UNKNOWN_WORDS = 3


class Holds(Enum):
    """What a line holds, as a column's cells would."""

    REF = "ref"
    PERSON = "person"
    DATE = "date"
    RATING = "rating"
    WORDS = "words"


# Roles whose cells may be dates or words: the lines say which.
_OPEN_ROLES = (Col.TARGET,)
# What a column of each role holds; columns of any other role hold words.
_ROLE_HOLDS = {
    Col.REF: Holds.REF,
    Col.LEAD: Holds.PERSON,
    Col.DUE: Holds.DATE,
    Col.REVISED_DUE: Holds.DATE,
    Col.STARTS: Holds.DATE,
    Col.DATE: Holds.DATE,
    Col.STATUS: Holds.RATING,
}


@dataclass(frozen=True)
class _Line:
    text: str
    block: Block
    # What the line could be, surest first; empty for words.
    holds: tuple[Holds, ...]

    @property
    def words(self) -> bool:
        return not self.holds


@dataclass
class _Header:
    texts: list[str]
    holds: list[Holds]
    # Columns whose part their lines choose: headings not known, or "Target".
    open: list[int] = field(default_factory=list)

    @property
    def words(self) -> int:
        """The first column of words: the action's."""
        return self.holds.index(Holds.WORDS)


@dataclass
class _Rows:
    header: _Header
    rows: list[tuple[list[str], str]] = field(default_factory=list)
    # How many of each row's cells were told by what they hold (a date, a person ...).
    told: list[int] = field(default_factory=list)


def _text(block: Block) -> str | None:
    """The block's words, when it is one line of a paragraph or heading."""
    if isinstance(block, Table) or getattr(block, "is_sheet", False):
        return None
    text = block.text.strip()
    if not text or "\n" in text or "\t" in text:
        return None
    return squash(text)


def _holds(text: str) -> tuple[Holds, ...]:
    """What a line could be as a cell, surest first."""
    words = len(text.split())
    if words == 1 and values.read_ref(text) is not None and any(c.isdigit() for c in text):
        return (Holds.REF,)
    found = profile.features([Row(cells=[text], where="")], 0)
    readable = words <= _MAX_DATE_WORDS and dates.read_when(text).readable
    rating = words <= _MAX_RATING_WORDS and found.ratings > 0
    dated = words <= _MAX_DATE_WORDS and found.dates > 0
    if readable:
        return (Holds.DATE,)
    if rating:
        return (Holds.RATING, Holds.DATE) if dated else (Holds.RATING,)
    if dated:
        return (Holds.DATE,)
    if words <= _MAX_PERSON_WORDS and found.people > 0 and not found.verbs and _titled(text):
        return (Holds.PERSON,)
    return ()


# The small words a post or a name may have in lower case: "Head of SEND and Inclusion".
_SMALL_WORDS = {"of", "and", "for", "the", "to", "in", "with", "&", "/", "-", "–", "de", "van"}


def _titled(text: str) -> bool:
    """Whether a line is written as a post or a name is, each word capitalised but the small
    ones: "Board meets monthly" is a sentence, not a lead."""
    return all(
        word[:1].isupper() or word[:1].isdigit() or word.lower() in _SMALL_WORDS
        for word in text.replace("/", " / ").split()
    )


def _part_line(text: str) -> bool:
    """ "Priority 2: Preparing for adulthood": a line naming a part of the plan."""
    return values.section_heading(text) is not None or values.labelled_section(text) is not None


def _header_at(blocks: list[Block], index: int) -> tuple[_Header, int] | None:
    """The headings of a table given a cell a line, from blocks[index], and how many lines
    they take: the longest run of short lines, each a known heading or (at most two, each
    between known ones) a short heading the importer does not know, that together head a
    table of actions (a column of its words, and one of its leads, dates or ratings)."""
    run: list[str] = []
    known: list[bool] = []
    while index + len(run) < len(blocks) and len(run) < _MAX_HEADINGS:
        text = _text(blocks[index + len(run)])
        if text is None or len(text.split()) > _MAX_HEADING_WORDS:
            break
        if run and not _next_to(blocks[index + len(run) - 1], blocks[index + len(run)]):
            # Headings a blank line apart are paragraphs, or the cells of a table read out
            # as text, each set apart; a table flattened into lines has them one under another.
            break
        if _part_line(text):
            break
        is_known = bool(cols.heading_roles(text, fuzzy=False))
        if not is_known and (
            not run or known.count(False) >= _MAX_UNKNOWN or not _heading_like(text)
        ):
            break
        run.append(text)
        known.append(is_known)
    while run and not known[-1]:
        run.pop()
        known.pop()
    while len(run) >= _MIN_HEADINGS:
        header = _read_header(run, known)
        if header is not None:
            return header, len(run)
        run.pop()
        known.pop()
        while run and not known[-1]:
            run.pop()
            known.pop()
    return None


def _heading_like(text: str) -> bool:
    """A short line that could be a heading the importer does not know ("Sponsor")."""
    words = text.split()
    return (
        len(words) <= _MAX_UNKNOWN_WORDS
        and text[:1].isupper()
        and not any(char.isdigit() for char in text)
        and not text.endswith((".", ",", ";", ":"))
        and not dates.read_when(text).readable
    )


_NUMBERED_WHERE = re.compile(r"^(?:line|paragraph) (\d+)$")


def _next_to(above: Block, below: Block) -> bool:
    """Whether two blocks are lines one under the other, with no blank line between them
    (True where the file does not number its lines)."""
    first, second = _NUMBERED_WHERE.match(above.where), _NUMBERED_WHERE.match(below.where)
    if first is None or second is None:
        return True
    return int(second.group(1)) == int(first.group(1)) + 1


def _read_header(texts: list[str], known: list[bool] | None = None) -> _Header | None:
    """The columns of headings, when they head a table of actions. A heading the importer
    does not know, or one whose cells may be dates or words (a "Target"), is open: what its
    lines hold chooses its part (`_choose`)."""
    known = known if known is not None else [True] * len(texts)
    named = [text for text, is_known in zip(texts, known, strict=True) if is_known]
    read = cols.read_header(named)
    if read is None or read.kind not in (Kind.ACTIONS, Kind.MILESTONES):
        return None
    roles: list[Col | None] = []
    at = 0
    for is_known in known:
        roles.append(read.roles.get(at) if is_known else None)
        at += is_known
    holds = [_ROLE_HOLDS.get(role, Holds.WORDS) if role else Holds.WORDS for role in roles]
    open_ = [index for index, role in enumerate(roles) if role is None or role in _OPEN_ROLES]
    header = _Header(texts=list(texts), holds=holds, open=open_[:_MAX_UNKNOWN])
    return header if _fits(header) else None


def _fits(header: _Header) -> bool:
    """A column of words for the action, one told by its content at least, and no two
    columns that hold the same kind of thing (which the lines could not tell apart)."""
    holds = header.holds
    if Holds.WORDS not in holds:
        return False
    told = [held for held in holds if held in (Holds.PERSON, Holds.DATE, Holds.RATING)]
    return bool(told) and len(set(holds) - {Holds.WORDS}) == len(
        [held for held in holds if held is not Holds.WORDS]
    )


def _lines(blocks: list[Block], start: int) -> list[_Line]:
    """The one-line blocks from `start`, up to the first that is not one."""
    found: list[_Line] = []
    for block in blocks[start:]:
        text = _text(block)
        if text is None or len(text.split()) > _MAX_LINE_WORDS:
            break
        found.append(_Line(text=text, block=block, holds=_holds(text)))
    return found


def _repeated_header(lines: list[_Line], at: int, header: _Header) -> bool:
    """The table's headings again from lines[at], as each page of the table repeats them."""
    size = len(header.texts)
    seen = [line.text.lower() for line in lines[at : at + size]]
    return seen == [text.lower() for text in header.texts]


def _goes_on(line: _Line, cell: str, header: _Header, column: int) -> bool:
    """Whether a line of words carries on the cell of words above it (a wrapped cell)."""
    if not line.words or values.leading_ref(line.text) is not None:
        return False
    if cell.count("\n") + 1 >= _MAX_CELL_LINES:
        return False
    if line.text[:1].islower():
        return True
    following = column + 1 < len(header.holds) and header.holds[column + 1] is Holds.WORDS
    return not following and not profile.opens_with_verb(line.text)


def _carries_on(line: _Line, cell: str, header: _Header, column: int, after: Holds | None) -> bool:
    """Whether the line is more of the cell above it: the action's words wrapped onto it, or
    a second lead a line of its own ("Jane Cole", then "Amir Patel")."""
    if header.holds[column] is Holds.WORDS:
        return _goes_on(line, cell, header, column)
    if header.holds[column] is Holds.PERSON and line.holds[:1] == (Holds.PERSON,):
        return _place(line, header, column + 1, after) is None
    return False


def _place(line: _Line, header: _Header, start: int, after: Holds | None) -> int | None:
    """The first column from `start` that takes the line: one that holds what it holds,
    trying what it surely holds first. `after` is what the line after it holds: a line that
    is a date or a rating ("Ongoing") is the date when a rating follows it."""
    holds = line.holds or (Holds.WORDS,)
    if len(holds) > 1 and after is Holds.RATING:
        holds = tuple(reversed(holds))
    for held in holds:
        for column in range(start, len(header.holds)):
            if header.holds[column] is held:
                return column
    return None


def _read_rows(lines: list[_Line], header: _Header) -> tuple[_Rows, int]:
    """The rows the lines give under the header, and how many lines they took; stops at a
    line naming a part of the plan."""
    found = _Rows(header=header)
    cells: list[str] = []
    told = 0
    last: int | None = None
    where = ""
    end = 0
    ends: list[int] = []
    at = 0

    def close() -> None:
        if cells and any(cells):
            found.rows.append(([squash(cell) for cell in cells], where))
            found.told.append(told)
            ends.append(end)

    while at < len(lines):
        line = lines[at]
        if _part_line(line.text):
            break
        if _repeated_header(lines, at, header):
            at += len(header.texts)
            continue
        after = lines[at + 1].holds[0] if at + 1 < len(lines) and lines[at + 1].holds else None
        if last is not None and _carries_on(line, cells[last], header, last, after):
            cells[last] = f"{cells[last]}\n{line.text}"
            at += 1
            end = at
            continue
        column = _place(line, header, last + 1, after) if last is not None else None
        if column is None:
            close()
            cells, told, last, where = [""] * len(header.texts), 0, None, line.block.where
            column = _place(line, header, 0, after)
            if column is None or column > header.words:
                # A row opens at its first cell or at the action's words, not at its rating.
                break
        cells[column] = line.text
        told += header.holds[column] is not Holds.WORDS
        last = column
        at += 1
        end = at
    close()
    # Words at the end that no date, person or rating came with are not the table's.
    while found.rows and not found.told[-1]:
        found.rows.pop()
        found.told.pop()
        ends.pop()
    return found, ends[-1] if ends else 0


# What an open column may hold, tried in turn.
_CHOICES = (Holds.WORDS, Holds.PERSON, Holds.DATE, Holds.RATING)


def _choose(lines: list[_Line], header: _Header) -> tuple[_Rows, int]:
    """The rows the lines give, each open column taking the part under which the lines fill
    the most cells in the fewest rows (rule cell-lines-content-role)."""
    best: tuple[tuple[int, int], _Rows, int] | None = None
    for holds in itertools.product(_CHOICES, repeat=len(header.open)):
        tried = _Header(texts=header.texts, holds=list(header.holds), open=header.open)
        for column, held in zip(header.open, holds, strict=True):
            tried.holds[column] = held
        if not _fits(tried):
            continue
        found, taken = _read_rows(lines, tried)
        filled = sum(sum(bool(cell) for cell in cells) for cells, _ in found.rows)
        score = (filled, -len(found.rows))
        if best is None or score > best[0]:
            best = (score, found, taken)
    if best is None:
        return _Rows(header=header), 0
    return best[1], best[2]


def _readable(found: _Rows, *, resumed: bool = False) -> bool:
    """Rows that read as a table: two at least, most with a cell told by its content; rows
    under the headings of a table above, each with two such cells."""
    rows = len(found.rows)
    if rows < _MIN_ROWS:
        return False
    if resumed:
        return all(told >= _MIN_TOLD_RESUMED for told in found.told)
    return sum(1 for told in found.told if told) * 2 > rows


def _table(found: _Rows, rule: rules.Rule, first: str) -> Table:
    """The rows as a table, its headings where `first` is (the first heading line)."""
    table = Table(
        rows=[Row(cells=list(found.header.texts), where=first)],
        where=first,
        headed=True,
        origin=rule.code,
    )
    for cells, where in found.rows:
        table.rows.append(Row(cells=[cell.replace("\n", " ") for cell in cells], where=where))
    return table


def _header_of(table: Table) -> _Header | None:
    """The headings of a table above, to read rows under when they repeat none of their own."""
    if not table.rows:
        return None
    texts = [squash(cell) for cell in table.rows[0].cells]
    if not all(texts) or len(texts) > _MAX_HEADINGS:
        return None
    return _read_header(texts)


def tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with each table flattened a cell a line made a table again (see the
    module's docstring)."""
    out: list[Block] = []
    index = 0
    header: _Header | None = None
    # Just past a line naming a part of the plan, under a table's headings.
    after_part = False
    while index < len(blocks):
        block = blocks[index]
        text = _text(block)
        if text is None:
            header = _header_of(block) if isinstance(block, Table) else None
            after_part = False
            out.append(block)
            index += 1
            continue
        found_header = _header_at(blocks, index)
        skip = 0
        rule = rules.CELL_LINES
        if found_header is not None:
            header, skip = found_header
        elif after_part and header is not None:
            rule = rules.CELL_LINES_RESUMED
        else:
            after_part = _part_line(text)
            out.append(block)
            index += 1
            continue
        found, taken = _choose(_lines(blocks, index + skip), header)
        if not _readable(found, resumed=rule is rules.CELL_LINES_RESUMED):
            after_part = False
            out.append(block)
            index += 1
            continue
        if any(found.header.holds[column] is not Holds.WORDS for column in found.header.open):
            rule = rules.CELL_LINES_CONTENT_ROLE
        out.append(_table(found, rule, blocks[index].where))
        index += skip + taken
        after_part = False
    return out
