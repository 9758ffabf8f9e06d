"""Pasted text (from Word, Excel or a PDF): table rows arrive as tab-separated lines.

Each way of copying breaks rows in its own way, and each is put back together here, so the
interpreter sees every row whole:

- Word turns a paragraph break inside a cell into a line break, so one row (its heading row
  too) can arrive over several lines: the first stops short of the table's width, and the
  lines after it carry the rest of the split cell and then the remaining cells.
- Excel puts a cell with line breaks in double quotes, its own quotes doubled.
- A PDF puts a cell's wrapped words on a line of their own after its row, prints page
  numbers, running titles and protective markings between rows, and, copied with its
  layout kept, lines its columns up with spaces instead of tabs.
"""

from __future__ import annotations

import re
from collections import Counter

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import (
    dates,
    profile,
    rules,
    segment,
    statuses,
    values,
    wrapped_lines,
)
from sendplan.interchange.parsers.actions import ends_mid_sentence
from sendplan.interchange.parsers.blocks import (
    SUB_ITEM,
    Block,
    Heading,
    Paragraph,
    Row,
    Table,
    clean_cell,
    comparable,
    flat,
)
from sendplan.interchange.parsers.roles import Col

_RULE = re.compile(r"^[\s\-=_|+:]*$")
_BULLETED = re.compile(r"^([ \t\u00a0]*)([•·▪◦‣●○■□*o\-–])\s")
_MAX_HEADING_WORDS = 12
# A page's running footer or header: "Page 3 of 12", "3 | Page", "- 4 -".
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\d{1,3}\s*(?:of|/)\s*\d{1,3}|\d{1,3}\s*\|\s*page"
    r"|-\s*\d{1,3}\s*-)$",
    re.I,
)
_MAX_FURNITURE_WORDS = 14
# Words a cell needs before a line after its row can be read as the cell running on.
_MIN_WORDS_TO_CARRY_ON = 3
# How far a split row is looked for: a row wider, or spread over more lines, is no table a
# person pasted, and looking further would only slow a damaged file down.
_MAX_WIDTH = 80
_MAX_SPLIT_LINES = 20


def _looks_like_heading(line: str, before_blank: bool, after_blank: bool) -> bool:
    """Pasted text loses heading styles; a short line standing on its own is the best sign."""
    words = line.split()
    return (
        before_blank
        and after_blank
        and 0 < len(words) <= _MAX_HEADING_WORDS
        and len(line) <= 100
        and not line.rstrip().endswith((".", ",", ";", ":"))
    )


_MARKING = re.compile(
    r"^(?:official(?:\s*[-–:]\s*sensitive)?|not protectively marked|unclassified)$", re.I
)


def _page_furniture(raw: str, title: str = "") -> bool:
    """What a PDF prints on every page: a page number or a protective marking ("OFFICIAL"),
    alone or beside the document's running title."""
    parts = [part.strip() for part in re.split(r"\t| {2,}", raw) if part.strip()]
    if not parts or len(raw.split()) > _MAX_FURNITURE_WORDS:
        return False
    if any(_PAGE_NUMBER.match(part) for part in parts):
        return True
    if all(_MARKING.match(part) for part in parts):
        return True
    # The running title, then a marking or a bare page number.
    rest = parts[1:]
    return (
        bool(title and rest)
        and comparable(parts[0]) == comparable(title)
        and all(_MARKING.match(part) or part.isdigit() for part in rest)
    )


def _starts_row(raw: str) -> bool:
    """A line that opens with a ref and a tab begins a row of its own."""
    first = raw.split("\t", 1)[0]
    return "\t" in raw and values.read_ref(first) is not None


_MAX_QUOTED_LINES = 50


def _opens_quote(line: str) -> bool:
    """Whether the line's last cell opens a double quote it does not close: Excel puts a cell
    with line breaks on the clipboard in quotes, its own quotes doubled."""
    last = line.rsplit("\t", 1)[-1]
    return last.startswith('"') and last.count('"') % 2 == 1


def _logical_lines(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines, with a quoted cell that runs over several lines (Excel's way of copying a
    cell with line breaks) made one line again; and the line number each starts on."""
    out: list[str] = []
    numbers: list[int] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        numbers.append(index + 1)
        index += 1
        joined = 0
        while _opens_quote(line) and joined < _MAX_QUOTED_LINES:
            # The cell closes on a later line, whose own last cell may open the next one.
            quoted = line.rsplit("\t", 1)[-1]
            closes = None
            for end in range(index, min(len(lines), index + _MAX_QUOTED_LINES - joined)):
                quoted += "\n" + lines[end].split("\t", 1)[0]
                if quoted.count('"') % 2 == 0:
                    closes = end
                    break
            if closes is None or "\t" not in "\n".join([line, *lines[index : closes + 1]]):
                break
            line = "\n".join([line, *lines[index : closes + 1]])
            joined += closes + 1 - index
            index = closes + 1
        out.append(line)
    return out, numbers


def _cells(raw: str) -> list[str]:
    """A line's cells. A cell Excel quoted is unquoted when the quotes are Excel's (it held
    line breaks, or doubled quotes); a cell that is a quotation stays as written."""
    if '"' not in raw:
        return raw.split("\t")
    cells: list[str] = []
    start = 0
    while True:
        if raw.startswith('"', start):
            end, text = _quoted(raw, start)
            if end is not None:
                field = raw[start : end + 1]
                cells.append(text if "\n" in text or '""' in field else field)
                if end + 1 >= len(raw):
                    return cells
                start = end + 2
                continue
        tab = raw.find("\t", start)
        if tab < 0:
            cells.append(raw[start:])
            return cells
        cells.append(raw[start:tab])
        start = tab + 1


def _quoted(raw: str, start: int) -> tuple[int | None, str]:
    """Where the quoted cell at `start` closes (before a tab or the end), and its text."""
    text: list[str] = []
    index = start + 1
    while index < len(raw):
        if raw[index] == '"':
            if raw.startswith('""', index):
                text.append('"')
                index += 2
                continue
            if index + 1 == len(raw) or raw[index + 1] == "\t":
                return index, "".join(text)
            return None, ""
        text.append(raw[index])
        index += 1
    return None, ""


_MAX_BREAK_LINES = 8


def _after_page_break(lines: list[str], index: int, headings: list[str]) -> int | None:
    """Where the rows go on after a page break that starts at `index`: past the page's footer
    and the next page's header (a page number among them, the running lines beside it short
    and without tabs, the table's heading row repeated). None if no page break is there."""
    numbered = False
    for at in range(index, min(len(lines), index + _MAX_BREAK_LINES)):
        line = lines[at]
        if _page_furniture(line):
            numbered = True
            continue
        if not line.strip():
            continue
        if "\t" not in line and len(line.split()) <= _MAX_FURNITURE_WORDS:
            continue
        cells = [clean_cell(cell) for cell in _cells(line)]
        if cells == headings or cols.read_header(cells) is not None:
            continue
        return at if numbered and not _starts_row(line) else None
    return None


def _rejoin(
    lines: list[str], start: int, width: int, headings: list[str] | None = None
) -> tuple[list[str], int] | None:
    """The cells of a row whose cells held line breaks, and the index of the line after it;
    None unless the lines from `start` make up exactly `width` cells. A row broken across a
    page ("SEND Performance", then the page's footer and the next page's headings, then
    "Officer | June 2024 | Red") goes on after the break."""
    cells = _cells(lines[start])
    index = start + 1
    if width > _MAX_WIDTH:
        return None
    while len(cells) < width and index < len(lines) and index - start <= _MAX_SPLIT_LINES:
        line = lines[index]
        # A cell's line breaks are kept (they may part two leads); the page's edge is no
        # break the writer made, only where the line was when the page ran out.
        joint = "\n"
        if _page_furniture(line) or (line.strip() and "\t" not in line):
            after = _after_page_break(lines, index, headings or [])
            if after is not None:
                index, joint = after, " "
                line = lines[index]
        if not line.strip() or _starts_row(line) or _page_furniture(line):
            return None
        more = _cells(line)
        joined = _unbroken(cells[-1], more[0]) if joint == "\n" else f"{cells[-1]} {more[0]}"
        cells = [*cells[:-1], joined, *more[1:]]
        index += 1
    return (cells, index) if len(cells) == width else None


_MAX_HEADER_LINES = 4


def _heading(piece: str) -> bool:
    return not piece.strip() or bool(cols.heading_roles(clean_cell(piece)))


def _split_header(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """A heading row whose headings held line breaks ("Lead" / "officer", "Date for" /
    "delivery"), and the index of the line after it: the longest run of lines from `start`
    that reads as one heading row, every piece of the lines after the first a heading too."""
    cells = _cells(lines[start])
    if len(cells) > _MAX_WIDTH or not all(_heading(cell) for cell in cells[:-1]):
        return None
    if len(cells) > 1 and not cells[-1].strip():
        # A line ending in an empty cell breaks in no heading: it is a row of its own (a band
        # over some of the columns, "RAG 2025/26" over "Q1 | Q2 | Q3 | Q4").
        return None
    best: tuple[list[str], int] | None = None
    index = start + 1
    while index < len(lines) and index - start < _MAX_HEADER_LINES:
        line = lines[index]
        more = _cells(line)
        if (
            not more[0].strip()
            or _starts_row(line)
            or _page_furniture(line)
            or values.section_heading(clean_cell(line)) is not None
        ):
            # A line opening with a tab is a row of its own (periods under a heading); a
            # theme's heading ("Area of weakness 1: …") under the headings opens the rows.
            break
        cells = [*cells[:-1], f"{cells[-1]}\n{more[0]}", *more[1:]]
        index += 1
        # The line's last piece may be cut short ("Date for"), to be finished on the next.
        pieces = [cells[len(cells) - len(more)], *more[1:]]
        if not all(_heading(piece) for piece in pieces[:-1]):
            break
        whole = _heading(pieces[-1])
        if whole and cols.read_header([clean_cell(cell) for cell in cells]) is not None:
            best = (cells, index)
    return best


_BROKEN_WORD = re.compile(r"[a-z]{2}-$")


def _unbroken(cell: str, line: str) -> str:
    """A cell with its wrapped words after it: a word a PDF hyphenated at the end of the line
    ("statu-" then "tory assessment team") is made whole again."""
    if _BROKEN_WORD.search(cell) and line[:2].isalpha() and line[:2].islower():
        return cell[:-1] + line
    return f"{cell}\n{line}"


def _carried_cell(row: Row, line: str) -> int | None:
    """Which cell of the row above a line without tabs runs on from: a PDF prints a cell's
    wrapped words after its row. The cell that stops mid-sentence, else, when the line starts
    in lower case, the longest cell."""
    long_cells = [
        (index, cell)
        for index, cell in enumerate(row.cells)
        if len(cell.split()) >= _MIN_WORDS_TO_CARRY_ON
    ]
    for index, cell in long_cells:
        last = cell.split()[-1]
        if ends_mid_sentence(cell) and (not last[-1].isalpha() or last.islower()):
            return index
    if line[:1].islower() and long_cells:
        return max(long_cells, key=lambda pair: len(pair[1]))[0]
    return None


_GAP = re.compile(r"\S+(?: \S+)*")


def _chunks(raw: str) -> list[tuple[int, str]]:
    """Text set apart by two or more spaces, with where it starts on the line."""
    return [(match.start(), match.group(0)) for match in _GAP.finditer(raw)]


def _aligned_header(raw: str) -> list[int] | None:
    """Where each column starts, when a line without tabs is a table's headings lined up by
    spaces (text copied from a PDF with its layout kept)."""
    if "\t" in raw:
        return None
    chunks = _chunks(raw)
    if len(chunks) < 3 or cols.read_header([text for _, text in chunks]) is None:
        return None
    return [start for start, _ in chunks]


def _aligned_cells(raw: str, starts: list[int]) -> list[str]:
    """A line's text put in the column it starts under.

    A cell filled to its column's edge leaves one space before the next column's words ("…
    with adult social care. Preparing for Adulthood Lead"): where a word starts exactly at a
    later column's start, one space after the words before it, and nothing else on the line
    starts in that column, the words from there on are that column's."""
    chunks = _chunks(raw)
    pieces: list[tuple[int, str]] = []
    for start, text in chunks:
        end = start + len(text)
        cuts = [
            at
            for at in starts
            if start + 1 < at < end
            and raw[at - 1] == " "
            and raw[at] != " "
            and raw[at - 2] != " "
            and not any(at - 1 <= other < at + 2 for other, _ in chunks if other != start)
        ]
        for at in [*cuts, end]:
            pieces.append((start, raw[start:at].strip()))
            start = at
    cells = [""] * len(starts)
    for start, text in pieces:
        column = max((i for i, at in enumerate(starts) if at <= start + 1), default=0)
        cells[column] = f"{cells[column]} {text}".strip()
    return cells


# Starts of text this close on different lines are one column's.
_NEAR = 2
# A word set this close before a column's start, one space after the words before it, has
# run into them: it is that column's first word ("… in place PU" over "partnerships").
_TOUCHING = 3
_MAX_STACKED_HEADING_WORDS = 3
_MIN_SPACED_COLUMNS = 4
# Rows looked at to tell whether the headings read as a table's.
_HEADER_LOOKAHEAD = 8


def _spaced_starts(head: str, extra: list[str], data: list[str]) -> list[int]:
    """Where the columns of a table lined up by spaces start: where the rows' text starts
    after a gap on at least two lines (or at the margin); and where a heading starts over a
    column the rows leave empty."""
    counts = Counter(start for line in data for start, _ in _chunks(line))
    chosen: dict[int, int] = {}
    for start, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
        near = next((at for at in chosen if abs(at - start) <= _NEAR), None)
        if near is not None:
            chosen[near] += count
        elif count >= 2 or start == 0:
            chosen[start] = count
    covered = {
        position
        for line in data
        for start, text in _chunks(line)
        for position in range(start, start + len(text))
    }
    for line in [head, *extra]:
        for start, _ in _chunks(line):
            if start not in covered and all(abs(at - start) > _NEAR for at in chosen):
                chosen[start] = 0
    return sorted(chosen)


def _spaced_cells(line: str, starts: list[int]) -> list[str]:
    """A line's words put in their columns: each run of text under the column it starts
    nearest to, a word that starts right at a later column's start moved to that column."""
    cells = [""] * len(starts)
    chunks = _chunks(line)
    for chunk_start, text in chunks:
        column = min(range(len(starts)), key=lambda i: abs(starts[i] - chunk_start))
        position = chunk_start
        for word in text.split(" "):
            # A line of one run of text from the margin (a theme's row) is one cell.
            if len(chunks) > 1:
                later = [
                    i
                    for i in range(column + 1, len(starts))
                    if starts[i] - _TOUCHING <= position <= starts[i] + 1
                ]
                column = later[-1] if later else column
            cells[column] = f"{cells[column]} {word}".strip()
            position += len(word) + 1
    return cells


def _spaced_table(lines: list[str], numbers: list[int], start: int) -> tuple[Table, int] | None:
    """A table copied from a PDF with its layout kept, whose headings do not line up with
    its columns: centred over them, or stacked two lines to a column ("Current" over
    "Status" beside "Current Commentary", one space apart), and whose cells may touch the
    next with a single space. The columns are found from where the rows' text starts, and
    the headings are cut and put together by them. A line with nothing at the margin carries
    on the row above."""
    head = lines[start]
    if "\t" in head or len(_chunks(head)) < 3 or not head[:1].isspace():
        return None
    end = start + 1
    while end < len(lines) and lines[end].strip() and "\t" not in lines[end]:
        end += 1
    body = lines[start + 1 : end]
    stacked = 0
    while (
        stacked < len(body)
        and body[stacked][:1].isspace()
        and all(
            len(text.split()) <= _MAX_STACKED_HEADING_WORDS for _, text in _chunks(body[stacked])
        )
    ):
        stacked += 1
    extra, data = body[:stacked], body[stacked:]
    if len(data) < 2 or data[0][:1].isspace():
        return None
    if not extra and _aligned_header(head) is not None:
        # Headings on one line over their columns: read as they line up (`_aligned_header`).
        return None
    starts = _spaced_starts(head, extra, data)
    if len(starts) < _MIN_SPACED_COLUMNS:
        return None
    headings = _spaced_cells(head, starts)
    for line in extra:
        headings = [
            _joined(old, new)
            for old, new in zip(headings, _spaced_cells(line, starts), strict=True)
        ]
    rows: list[Row] = []
    for offset, line in enumerate(data):
        cells = [clean_cell(cell) for cell in _spaced_cells(line, starts)]
        where = f"line {numbers[start + 1 + stacked + offset]}"
        if cells[0] or not rows:
            rows.append(Row(cells=cells, where=where))
        else:
            rows[-1].cells = [
                _joined(old, new) for old, new in zip(rows[-1].cells, cells, strict=True)
            ]
    heading_row = Row(cells=[clean_cell(cell) for cell in headings], where=f"line {numbers[start]}")
    following = rows[:_HEADER_LOOKAHEAD]
    if cols.read_header(heading_row.cells, None, following, trusted=True) is None:
        return None
    return Table(rows=[heading_row, *rows], where=heading_row.where, headed=True), end


def _joined(existing: str, addition: str) -> str:
    """A cell and the words under it on the next line, when there are any."""
    return _run_on(existing, addition) if addition else existing


def _run_on(existing: str, addition: str) -> str:
    if not existing:
        return addition
    joiner = "\n" if existing.rstrip().endswith((".", ":", ";")) else " "
    return f"{existing}{joiner}{addition}"


_DELIMITER = re.compile(r"\s+[/|]\s+")
_PIPE = re.compile(r"\s*\|\s*")
_MIN_DELIMITED = 3


def _piped(line: str) -> bool:
    """A Markdown-style row: its cells closed off by pipes at the end (or the start)."""
    text = line.strip()
    return text.count("|") >= 2 and (text.endswith("|") or text.startswith("|"))


def _pipe_cells(line: str) -> list[str]:
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") else text
    return [cell.strip() for cell in _PIPE.split(text)]


def _delimited_tables(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """Tables pasted with their cells set apart by " / " or " | " instead of tabs, from the
    heading row down to the first line that is not a row: as tab-separated rows, each padded
    to the heading row's width (an empty cell between two separators is often lost).

    A Markdown-style table (each row's cells closed off by pipes, "---|---|" under the
    headings) may carry a row over several lines, as text taken from a web page does: a line
    that ends with a pipe ends a cell, one that does not runs on into the next line's first
    cell, and a row is whole when it has the headings' width or the next line opens with a
    ref. A blank line ends the table."""
    out: list[str] = []
    kept: list[int] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        piped = "\t" not in line and _piped(line)
        if piped:
            parts = _pipe_cells(line)
            header = cols.read_header(parts) if len(parts) >= _MIN_DELIMITED else None
            after = index + 1
        else:
            parts, header, after = _delimited_header(lines, index)
        if header is None:
            out.append(line)
            kept.append(numbers[index])
            index += 1
            continue
        width = len(parts)
        out.append("\t".join(parts))
        kept.append(numbers[index])
        index = after
        if piped:
            index = _piped_rows(lines, numbers, index, width, out, kept)
            continue
        if header.roles.get(0) is Col.REF:
            index = _slashed_rows(lines, numbers, index, header, width, out, kept)
            continue
        # A first column that groups the rows ("Priorities") is often merged down over them:
        # a row short of cells under it is one that does not repeat it.
        merged_first = header.roles.get(0) is Col.SECTION
        while index < len(lines) and "\t" not in lines[index]:
            cells = _DELIMITER.split(lines[index].strip())
            if len(cells) < 2 and _section_between_rows(lines, index):
                # "Key Objective 1: …" between the rows: a row of its own, the columns go on.
                cells = [lines[index].strip()]
            elif len(cells) < 2 or len(cells) > width:
                break
            elif merged_first and len(cells) < width:
                cells = ["", *cells]
            out.append("\t".join(cells + [""] * (width - len(cells))))
            kept.append(numbers[index])
            index += 1
    return out, kept


def _delimited_header(lines: list[str], index: int) -> tuple[list[str], cols.Columns | None, int]:
    """The headings of a table whose cells are set apart by " / " or " | " from the line at
    `index`, what they mean, and where its rows start. A heading row may break over two lines
    inside a heading ("Priorities / Task / Quarter 2 Performance" then "Target / Status"), and
    a heading's last words may sit on a short line of their own ("1 - 4") over the rows."""
    line = lines[index]
    if "\t" in line:
        return [], None, index + 1
    parts = _DELIMITER.split(line.strip())
    if len(parts) < 2:
        return parts, None, index + 1
    header = cols.read_header(parts) if len(parts) >= _MIN_DELIMITED else None
    if index + 1 >= len(lines) or "\t" in lines[index + 1]:
        return parts, header, index + 1
    more = _DELIMITER.split(lines[index + 1].strip())
    if len(more) < 2 or _opens_row(more) or (header is None and cols.read_header(more)):
        return parts, header, index + 1
    joined = [*parts[:-1], f"{parts[-1]} {more[0]}", *more[1:]]
    whole = cols.read_header(joined)
    if whole is None or (header is not None and _named(whole) <= _named(header)):
        # A line of periods under the headings is a row of its own, read with them.
        return parts, header, index + 1
    after = index + 2
    if after + 1 < len(lines) and _heading_end(lines[after], lines[after + 1]):
        joined[-1] = f"{joined[-1]} {lines[after].strip()}"
        after += 1
    return joined, whole, after


def _named(header: cols.Columns) -> int:
    """How many columns the headings give a part other than a period's."""
    return sum(role is not Col.PERIOD for role in header.roles.values())


_MAX_HEADING_END_WORDS = 4


def _heading_end(line: str, after: str) -> bool:
    """A short line without separators between a heading row and a row opening with a ref:
    the last heading's words run on."""
    text = line.strip()
    return (
        bool(text)
        and "\t" not in line
        and len(_DELIMITER.split(text)) == 1
        and len(text.split()) <= _MAX_HEADING_END_WORDS
        and _opens_row(_DELIMITER.split(after.strip()))
    )


def _opens_row(cells: list[str]) -> bool:
    return len(cells) >= 2 and values.read_ref(cells[0]) is not None


# A cell of a few words (a lead's role, initials): two such side by side may be one cell
# that the separator was also written in ("Chair / DCS").
_MAX_SHORT_CELL_WORDS = 3


def _short_cell(cell: str) -> bool:
    return 0 < len(cell.split()) <= _MAX_SHORT_CELL_WORDS and not dates.find_dates(cell)


def _fitted(row: list[str], width: int, lead: int | None) -> list[str]:
    """A row of a table set apart by slashes made the headings' width: a lead cell that
    itself holds a slash between two names is one cell again; any cells still over are
    kept in the last one, and a short row is padded."""
    cells = _leads_joined(row, width, lead)
    if len(cells) > width:
        cells[width - 1 :] = [" / ".join(cells[width - 1 :])]
    return cells + [""] * (width - len(cells))


def _leads_joined(row: list[str], width: int, lead: int | None) -> list[str]:
    cells = list(row)
    if lead is not None:
        while (
            len(cells) > width
            and lead + 1 < len(cells)
            and _short_cell(cells[lead])
            and _short_cell(cells[lead + 1])
        ):
            cells[lead : lead + 2] = [f"{cells[lead]} / {cells[lead + 1]}"]
    return cells


_MAX_CARRIED_LINES = 6


_MIN_ACTION_WORDS = 4


def _unglued(before: list[str], after: list[str]) -> list[list[str]]:
    """Two rows run together with nothing between the first's last cell and the second's
    ref ("… / 1" and "5. / …" read "… / 15. / …"): the first row one cell short, the ref
    one past the first row's that ends the glued cell. The two rows, parted again."""
    glued = after[0].strip()
    number = re.fullmatch(r"\d+", (values.read_ref(before[0]) or values.Ref("")).value)
    if number is None:
        return [before, after]
    following = str(int(number.group(0)) + 1)
    stem = glued.rstrip(".")
    if len(stem) > len(following) and stem.endswith(following):
        cut = len(stem) - len(following)
        return [[*before, stem[:cut]], [glued[cut:], *after[1:]]]
    return [before, after]


def _worded(cell: str) -> bool:
    return len(cell.split()) >= _MIN_ACTION_WORDS


def _ref_cell(cell: str) -> bool:
    """A cell that is a ref and nothing more ("5.", "2.1")."""
    found = values.read_ref(cell)
    return found is not None and len(cell.split()) == 1


def _slash_ahead(lines: list[str], index: int) -> bool:
    """Whether a line with a slash between cells follows the line at `index` closely, with
    no blank line between: the lines up to it are still the table's."""
    for line in lines[index + 1 : index + 1 + _MAX_CARRIED_LINES]:
        text = line.strip()
        if not text or "\t" in line:
            return False
        cells = _DELIMITER.split(text)
        if len(cells) > 1 and cols.read_header(cells) is not None:
            # The next table's headings: the lines before are not this table's.
            return False
        if text.startswith("/") or text.endswith("/") or len(cells) > 1:
            return True
    return False


def _slashed_rows(
    lines: list[str],
    numbers: list[int],
    index: int,
    header: cols.Columns,
    width: int,
    out: list[str],
    kept: list[int],
) -> int:
    """The rows of a table set apart by " / " whose rows open with a ref, each as one
    tab-separated line; where the table ends. A row may run over several lines: a line that
    does not open with a ref carries on the row, its first words the last cell's unless a
    slash ends the line before or opens this one; a line without a slash carries on the last
    cell when a line with one follows closely, and otherwise ends the table."""
    lead = header.first(Col.LEAD)
    row: list[str] = []
    first = 0
    # The line before ended with a slash: the next line's words open a new cell.
    cell_closed = False

    def close() -> None:
        cells = _leads_joined(row, width, lead)
        # Two rows run together (the line break between them lost): more cells than the
        # headings, and among them a ref cell with an action's words after it.
        split = next(
            (
                at
                for at in range(2, len(cells) - 1)
                if len(cells) > width and _ref_cell(cells[at]) and _worded(cells[at + 1])
            ),
            None,
        )
        parts = [cells] if split is None else [cells[:split], cells[split:]]
        if split is not None and len(parts[0]) == width - 1:
            parts = _unglued(parts[0], parts[1])
        for part in parts:
            out.append("\t".join(_fitted(part, width, lead)))
            kept.append(first)
        row.clear()

    while index < len(lines):
        raw = lines[index]
        text = raw.strip()
        if not text or "\t" in raw:
            break
        opens_cell = text.startswith("/")
        closes_cell = text.endswith("/")
        body = text.strip("/").strip()
        cells = _DELIMITER.split(body) if body else []
        if len(cells) >= _MIN_DELIMITED and cols.read_header(cells) is not None:
            # Another table's headings.
            break
        if len(cells) < 2 and _section_between_rows(lines, index):
            # "Theme 2: …" between the rows: a row of its own, the columns go on.
            close()
            out.append("\t".join([text, *[""] * (width - 1)]))
            kept.append(numbers[index])
            index += 1
            continue
        have = len(_leads_joined(row, width, lead))
        # A row ending with a slash has closed its last cell; if it is whole but for that
        # (empty) cell, a line opening with a ref still begins the next row.
        closed_whole = cell_closed and have >= width - 1
        if (
            not opens_cell
            and (not cell_closed or closed_whole)
            and (_opens_row(cells) or (have >= width and len(cells) >= width - 1))
        ):
            # A row opens with its ref; or, after a whole row, a line of nearly as many cells
            # is a row whose ref cell was empty (and lost, as empty cells between slashes are).
            close()
            if not _opens_row(cells) and len(cells) == width - 1:
                cells = ["", *cells]
            row.extend(cells)
            first = numbers[index]
            cell_closed = closes_cell
            index += 1
            continue
        if not row:
            if not _opens_row(cells):
                break
            first = numbers[index]
        elif len(cells) < 2 and not (opens_cell or cell_closed) and not _slash_ahead(lines, index):
            # Lines without a slash with none after them: past the table (its key, say).
            break
        if row and not (opens_cell or cell_closed) and cells:
            row[-1] = f"{row[-1]}\n{cells[0]}"
            cells = cells[1:]
        row.extend(cells)
        cell_closed = closes_cell
        index += 1
    close()
    return index


def _section_between_rows(lines: list[str], index: int) -> bool:
    """A line naming a theme or priority ("Key Objective 1: …") with a row right after it."""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        values.section_heading(" ".join(lines[index].split())) is not None
        and len(_DELIMITER.split(after.strip())) >= 2
    )


def _piped_rows(
    lines: list[str], numbers: list[int], index: int, width: int, out: list[str], kept: list[int]
) -> int:
    """The rows of a Markdown-style table from `index`, each as one tab-separated line; where
    the table ends."""
    row: list[str] = []
    first = 0
    # The last line did not close its cell with a pipe: the next line carries it on.
    open_cell = False

    def close() -> None:
        nonlocal row
        if row:
            out.append("\t".join(row[:width] + [""] * (width - len(row))))
            kept.append(first)
        row = []

    while index < len(lines):
        text = lines[index].strip()
        if not text or "\t" in lines[index]:
            break
        if _RULE.match(text):
            index += 1
            continue
        cells = _pipe_cells(text) if "|" in text else [text]
        opens_row = values.read_ref(cells[0]) is not None and len(row) > 1 and not open_cell
        if row and (len(row) >= width or opens_row):
            close()
        if not row:
            first = numbers[index]
        if open_cell and row:
            row[-1] = f"{row[-1]}\n{cells[0]}".strip()
            cells = cells[1:]
        row.extend(cells)
        open_cell = not text.endswith("|")
        index += 1
    close()
    return index


# A bullet in the middle of a line: " ● We will improve ...".
_INLINE_BULLET = re.compile(r"\s+(?=[•●▪■◦]\s+\S)")
_MIN_INLINE_BULLETS = 2


def _inline_bullets(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """A list whose items ran together on one line, as copying from a PDF leaves it ("... our
    families ● We will improve ... ● We will ..."): each bullet starts a line of its own, the
    words before the first staying where they were. Only a list of actions is split: the
    words before it introduce it (they end with a colon) or most items open with a verb ("We
    will improve", "Publish"). A line with one bullet in its middle is left as it is: that
    may be a symbol in a sentence; and so is a measure with its parts ("Children seen within
    18 weeks • Speech therapy • Physiotherapy"), which is read as its breakdown."""
    out: list[str] = []
    kept: list[int] = []
    for line, number in zip(lines, numbers, strict=True):
        body = line.lstrip()
        inner = _INLINE_BULLET.split(body[1:]) if "\t" not in line and body else [body]
        items = [part.lstrip("•●▪■◦ ") for part in inner[1:]]
        introduced = (body[:1] + inner[0]).rstrip().endswith(":")
        labelled = segment.introduced_item(body[:1] + inner[0]) if items else None
        if labelled is not None:
            # "Our commitments:We will … ● We will …": the first item follows the label.
            items, introduced = [labelled[1], *items], True
        acting = sum(profile.opens_with_verb(item) for item in items)
        if len(items) < _MIN_INLINE_BULLETS or not (introduced or 2 * acting > len(items)):
            out.append(line)
            kept.append(number)
            continue
        inner[0] = body[:1] + inner[0]
        out.extend(part.strip() for part in inner)
        kept.extend([number] * len(inner))
    return out, kept


# A table whose cells a PDF-to-text tool gave one a line, in reading order: its headings
# ("Ref", "Action", "Lead", "Target date", "RAG") each a line, then each row's cells.
_MIN_STACKED = 3
_MAX_STACKED = 12
_MAX_STACKED_HEADING_WORDS = 4


def _stacked_heading(line: str) -> bool:
    text = clean_cell(line)
    return (
        "\t" not in line
        and 0 < len(text.split()) <= _MAX_STACKED_HEADING_WORDS
        and bool(cols.heading_roles(text))
    )


def _stacked_header(lines: list[str], index: int) -> tuple[list[str], cols.Columns] | None:
    """The headings of a table given one cell a line, from `index`: the longest run of lines
    that are each a heading and together a table of actions with a ref column first."""
    run: list[str] = []
    while (
        index + len(run) < len(lines)
        and len(run) < _MAX_STACKED
        and _stacked_heading(lines[index + len(run)])
    ):
        run.append(clean_cell(lines[index + len(run)]))
    while len(run) >= _MIN_STACKED:
        header = cols.read_header(run)
        if (
            header is not None
            and header.kind is cols.Kind.ACTIONS
            and header.roles.get(0) is Col.REF
            and header.first(Col.TITLE) is not None
        ):
            return run, header
        run.pop()
    return None


def _lone_ref(line: str) -> bool:
    return "\t" not in line and values.read_ref(line.strip()) is not None


def _stacked_row(cells: list[str], width: int, title: int) -> list[str]:
    """A row's lines as its cells: lines beyond the row's width are the action's wrapped words
    (the longest cell), so the cells before it are taken from the start and those after it
    from the end; a row short of lines lacks its last cells."""
    if len(cells) <= width:
        return cells + [""] * (width - len(cells))
    after = width - title - 1
    middle = cells[title : len(cells) - after]
    return [*cells[:title], " ".join(part.strip() for part in middle), *cells[len(cells) - after :]]


def _stacked_tables(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """Tables whose cells came one a line (text taken from a PDF's table in reading order) as
    tab-separated rows. Each row opens with its ref on a line of its own and runs to the next
    such line once it has as many lines as the table has columns, or to a blank line."""
    out: list[str] = []
    kept: list[int] = []
    index = 0
    while index < len(lines):
        found = _stacked_header(lines, index) if _stacked_heading(lines[index]) else None
        if found is None or index + len(found[0]) >= len(lines):
            out.append(lines[index])
            kept.append(numbers[index])
            index += 1
            continue
        headings, header = found
        width, title = len(headings), header.first(Col.TITLE) or 1
        start = index + width
        if not _lone_ref(lines[start]):
            out.append(lines[index])
            kept.append(numbers[index])
            index += 1
            continue
        out.append("\t".join(headings))
        kept.append(numbers[index])
        index = start
        while index < len(lines) and _lone_ref(lines[index]):
            end = index + 1
            while (
                end < len(lines)
                and lines[end].strip()
                and "\t" not in lines[end]
                and not (end - index >= width and _lone_ref(lines[end]))
                and not (end - index >= width and _stacked_heading(lines[end]))
                and end - index < _MAX_SPLIT_LINES
            ):
                end += 1
            # A page's number printed between a row's cells is none of them.
            cells = [clean_cell(line) for line in lines[index:end] if not _page_furniture(line)]
            out.append("\t".join(_stacked_row(cells, width, title)))
            kept.append(numbers[index])
            index = end
    return out, kept


# How many rows such a table is looked through for: more is no plan a person pasted.
_MAX_DOUBLE_SPACED_ROWS = 500


def _double_spaced(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """A table whose cells were run together with two spaces between them, not lined up
    under their headings ("What we will do  How we will know  Who  When", then each row the
    same way): as tab-separated rows, from the heading row down to a blank line, when every
    row has as many cells as the headings and at least one is not lined up under them (a
    table lined up by spaces is read by where its columns start)."""
    out: list[str] = []
    kept: list[int] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        chunks = _chunks(line) if "\t" not in line else []
        header = cols.read_header([text for _, text in chunks]) if len(chunks) >= 3 else None
        end = index + 1
        while (
            header is not None
            and end < len(lines)
            and lines[end].strip()
            and "\t" not in lines[end]
            and end - index <= _MAX_DOUBLE_SPACED_ROWS
        ):
            end += 1
        rows = [_chunks(row) for row in lines[index + 1 : end]]
        starts = [start for start, _ in chunks]
        if (
            header is None
            or header.kind is not cols.Kind.ACTIONS
            or not rows
            or any(len(row) != len(chunks) for row in rows)
            or all([start for start, _ in row] == starts for row in rows)
        ):
            out.append(line)
            kept.append(numbers[index])
            index += 1
            continue
        for number, row in zip(numbers[index:end], [chunks, *rows], strict=True):
            out.append("\t".join(text for _, text in row))
            kept.append(number)
        index = end
    return out, kept


# "1.2 Parent workshops – Amber – delayed because …": an action's ref and name, its rating
# and why, set apart by dashes, as a status update sent round by email lists them.
_STATUS_LINE = re.compile(
    r"^(?P<ref>\S{1,12})\s+(?P<title>\S.*?)\s+[–—-]\s+(?P<rating>[^–—:]{1,24}?)"
    r"(?:\s*(?:[–—:]|\s-)\s*(?P<note>\S.*))?$"
)
_MIN_STATUS_LINES = 2
_STATUS_HEADINGS = "Ref\tAction\tRAG\tUpdate"


def _status_line(line: str) -> list[str] | None:
    match = _STATUS_LINE.match(" ".join(line.split())) if "\t" not in line else None
    if match is None or values.read_ref(match.group("ref")) is None:
        return None
    rating = match.group("rating")
    brag = re.fullmatch(r"[BRAG](?:/[BRAG])?", rating)
    if not (statuses.colour_word(rating) or statuses.rating_words(rating) or brag):
        return None
    note = (match.group("note") or "").strip()
    return [match.group("ref"), match.group("title"), rating, note[:1].upper() + note[1:]]


def _status_lines(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """A run of two or more lines each giving an action's ref, name and rating set apart by
    dashes, as a table with those headings."""
    out: list[str] = []
    kept: list[int] = []
    index = 0
    while index < len(lines):
        end = index
        rows: list[list[str]] = []
        while end < len(lines) and (row := _status_line(lines[end])) is not None:
            rows.append(row)
            end += 1
        if len(rows) < _MIN_STATUS_LINES:
            out.append(lines[index])
            kept.append(numbers[index])
            index += 1
            continue
        out.append(_STATUS_HEADINGS)
        kept.append(numbers[index])
        out.extend("\t".join(row) for row in rows)
        kept.extend(numbers[index:end])
        index = end
    return out, kept


def _under_theme(blocks: list[Block]) -> bool:
    """Whether the last block is a theme's heading ("Priority 2: …") right after a table."""
    return (
        len(blocks) >= 2
        and isinstance(blocks[-2], Table)
        and not isinstance(blocks[-1], Table)
        and values.section_heading(flat(blocks[-1].text)) is not None
    )


# Markdown as a notes tool or a wiki exports it: "### 1.1 Title", "- **Lead:** Jo Bell".
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?=\S)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MIN_MD_MARKS = 2


def _markdown(lines: list[str], notes: list[str] | None) -> list[str]:
    """The lines without Markdown's marks (rule `markdown-marks`): a heading's hashes and the
    asterisks around strong words, where the text uses them more than once; a heading's words
    are left on a line of their own, as a heading typed without them would be."""
    marks = sum(bool(_MD_HEADING.match(line) or _MD_STRONG.search(line)) for line in lines)
    if marks < _MIN_MD_MARKS:
        return lines
    out = [_MD_STRONG.sub(r"\2", _MD_HEADING.sub("", line)) for line in lines]
    if notes is not None:
        notes.append(
            f"[{rules.MARKDOWN_MARKS.code}] Markdown's heading hashes and strong marks set "
            "aside on "
            f"{sum(old != new for old, new in zip(lines, out, strict=True))} line(s)."
        )
    return out


def read_text(text: str, notes: list[str] | None = None) -> list[Block]:
    """The blocks of pasted text; what was put back together is noted in `notes`."""
    lines, numbers = _logical_lines(
        _markdown(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), notes)
    )
    lines, numbers = wrapped_lines.unwrapped(lines, numbers, notes)
    lines, numbers = _delimited_tables(*_inline_bullets(lines, numbers))
    lines, numbers = _double_spaced(*_stacked_tables(*_status_lines(lines, numbers)))
    blocks: list[Block] = []
    table: Table | None = None
    width = 0
    # Column starts of a table lined up by spaces, while one is being read.
    aligned: list[int] | None = None
    title = next((line.strip() for line in lines if line.strip()), "")
    # How far in the bullets of the list being read are set, to tell its items' own items.
    list_indent: int | None = None
    index = 0
    while index < len(lines):
        raw = lines[index]
        position = index
        where = f"line {numbers[position]}"
        index += 1
        if raw.strip() and _page_furniture(raw, title):
            continue
        if aligned is not None and table is not None and raw.strip() and "\t" not in raw:
            cells = [clean_cell(cell) for cell in _aligned_cells(raw, aligned)]
            if not cells[0] and table.rows:
                # A line with nothing in the first column: the cells above (the headings
                # too, "Date for" / "delivery") wrapped onto it.
                row = table.rows[-1]
                width_now = max(len(row.cells), len(cells))
                padded = [*row.cells, *[""] * (width_now - len(row.cells))]
                cells += [""] * (width_now - len(cells))
                row.cells = [_run_on(old, new) for old, new in zip(padded, cells, strict=True)]
            else:
                table.rows.append(Row(cells=cells, where=where))
            continue
        aligned = None
        spaced = _spaced_table(lines, numbers, position)
        if spaced is not None:
            blocks.append(spaced[0])
            table, index = None, spaced[1]
            continue
        starts = _aligned_header(raw)
        if starts is not None:
            aligned = starts
            table = Table(rows=[], where=where)
            blocks.append(table)
            table.rows.append(
                Row(cells=[clean_cell(c) for c in _aligned_cells(raw, starts)], where=where)
            )
            continue
        if "\t" in raw:
            raw_cells = _cells(raw)
            split_header = _split_header(lines, position) if table is None else None
            if split_header is not None:
                raw_cells, index = split_header
            elif table is not None and len(raw_cells) < width:
                joined = _rejoin(lines, position, width, table.rows[0].cells)
                if joined is not None:
                    raw_cells, index = joined
            elif table is None and _under_theme(blocks) and len(raw_cells) < width:
                # The first row under a theme's heading between a table's rows: as wide as
                # the rows above it, though it is a table of its own here.
                joined = _rejoin(lines, position, width)
                if joined is not None:
                    raw_cells, index = joined
            cells = [clean_cell(cell) for cell in raw_cells]
            if all(_RULE.match(cell) for cell in cells):
                continue
            if table is None:
                table = Table(rows=[], where=where)
                blocks.append(table)
                width = 0
            table.rows.append(Row(cells=cells, where=where))
            width = max(width, len(cells))
            continue
        line = clean_cell(raw)
        bullet = _BULLETED.match(raw)
        if bullet is None:
            list_indent = None if line else list_indent
        elif list_indent is None or len(bullet.group(1)) <= list_indent:
            list_indent = len(bullet.group(1))
        else:
            # A bullet set further in than the list's first: an item of the item above.
            line = SUB_ITEM + line[len(bullet.group(2)) :].lstrip()
        if table is not None and line and table.rows:
            carried = _carried_cell(table.rows[-1], line)
            if carried is not None:
                row = table.rows[-1]
                row.cells[carried] = _unbroken(row.cells[carried], line)
                continue
        table = None
        if not line or _RULE.match(line):
            continue
        before = lines[position - 1] if position else ""
        before_blank = position == 0 or not before.strip() or "\t" in before
        after_blank = position + 1 >= len(lines) or not lines[position + 1].strip()
        if bullet is None and _looks_like_heading(line, before_blank, after_blank):
            blocks.append(Heading(text=line, where=where))
        else:
            blocks.append(Paragraph(text=line, where=where))
    return blocks
