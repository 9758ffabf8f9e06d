"""Tables set out in a PDF without ruling lines: columns that line up, rows apart.

Many plans are published from layouts whose tables have no rules between columns, only the
text of each column starting at the same place on every line, and perhaps a rule under
each row. Read line by line, the cells of such a table run together: the first line of
every cell of a row, then the second line of those that wrapped. Here the table is found
from the page's geometry alone, so that the PDF reader can give each cell its words as it
does in a ruled table:

- Columns are where pieces of text start (the PDF reader splits each line of the page at
  wide gaps), when at least three such starts recur on several lines, and no line of the
  table runs from one column into the next (its heading rows aside, whose headings may be
  merged across columns). In small type a long cell may run closer to the next column than
  a gutter: that column still starts where its words start on most lines
  (`unruled-close-column`).
- Rows are parted by the rules drawn across the table, where there are any; else by the
  wider gap left between rows than between the lines of a cell; else each line that fills
  at least half the columns starts a row. Where a tall row's long words stand at its top and
  its ref at its foot (as a spreadsheet sets them), the lines above the ref's line go with
  its row, not the row before (`_hung_above`).

Only geometry is used: what the words say is the interpreter's business.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sendplan.interchange.parsers.rules import (
    UNRULED_BAND_HEADING,
    UNRULED_BAND_WITH_REF,
    UNRULED_CLOSE_COLUMN,
    UNRULED_RIGHT_ALIGNED,
    UNRULED_ROWS_RULED,
    UNRULED_ROWS_TIGHT,
    UNRULED_SECTION_ROW,
    UNRULED_TOP_AND_FOOT,
    UNRULED_UNDER_LINE,
)

# A strip between words at least this wide (a share of the font size) on every line of a
# table parts two columns; the space between words is about a quarter of it.
GUTTER = 0.45
# A strip narrower than a gutter but at least this wide (a share of the font size, wider than
# the gap between the letters of a word) parts two columns where the words right of it start
# within CLOSE_ALIGN points of one place on at least _CLOSE_LINES lines of the table
# (UNRULED_CLOSE_COLUMN): a sheet printed small sets a cell's long text almost up to the next.
_CLOSE = 0.2
CLOSE_ALIGN = 0.3
_CLOSE_LINES = 3
# A table has at least this many columns and lines set out in them.
_MIN_COLUMNS = 3
_MIN_WIDE_LINES = 2
# Rows of a table further apart than this many times the font size are not one table.
_MAX_GAP = 3.0
# The table's first lines may hold headings merged across columns, their words starting
# within this many points of where the columns start.
_HEADING_LINES = 3
_ALIGN = 2.0
# A gap this much wider than the narrowest (as a share of the font size) parts two rows.
_ROW_GAP = 0.25
# Rows at least this many times further apart than the lines of a cell are apart, however
# small the type (a sheet printed small parts its rows by 4 points, its lines by 2),
# where the lines of a cell are this far apart at least (a share of the font size).
_ROW_SHARE = 1.6
_TIGHT = 0.1
# A heading starts a column where body words end at most this many times the font size left
# of it (a right-aligned column's right edge, a cell's padding away).
_EDGE_SHARE = 1.0
# A rule across at least this share of the table's width parts its rows.
_RULE_SHARE = 0.6
# Rules that part a table into at least this many rows part its rows, however many full
# lines each holds.
_RULED_ROWS = 3


@dataclass(frozen=True)
class Piece:
    """A word of the page, and the line of the page it is on."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    line: int


@dataclass(frozen=True)
class Grid:
    """Where an unruled table's columns start (xs), where the text of each ends (rights),
    and where its rows start (ys)."""

    x0: float
    top: float
    x1: float
    bottom: float
    xs: list[float]
    ys: list[float]
    rights: list[float]
    # The codes of the rules (sendplan.interchange.parsers.rules) that found it where the
    # plain reading would not have.
    read_by: tuple[str, ...] = ()
    # Where the words of a right-aligned column end, the next column's words following
    # them closer than a gutter (UNRULED_RIGHT_ALIGNED): a run of words parts there.
    edges: tuple[float, ...] = ()
    # The starts of the columns a cell before them runs closer to than a gutter
    # (UNRULED_CLOSE_COLUMN): a run of words parts there too.
    close: tuple[float, ...] = ()


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    by_line: dict[int, list[Piece]] = {}
    for piece in pieces:
        by_line.setdefault(piece.line, []).append(piece)
    lines = [sorted(found, key=lambda p: p.x0) for found in by_line.values()]
    lines.sort(key=lambda found: min(p.top for p in found))
    return lines


def _top(line: list[Piece]) -> float:
    return min(p.top for p in line)


def _bottom(line: list[Piece]) -> float:
    return max(p.bottom for p in line)


def _size(line: list[Piece]) -> float:
    return max(p.size for p in line) or 10.0


def _covered(spans: list[tuple[float, float]], line: list[Piece]) -> list[tuple[float, float]]:
    """The strips of the page covered by words, sorted and merged, with a line's added."""
    merged: list[tuple[float, float]] = []
    for x0, x1 in sorted([*spans, *((p.x0, p.x1) for p in line)]):
        if merged and x0 <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def _gutters(
    spans: list[tuple[float, float]],
    size: float,
    region: Sequence[list[Piece]] = (),
    seen: Counter[int] | None = None,
) -> list[tuple[float, float]]:
    """The strips between covered ones at least a little wider than the space between two
    words; or narrower, down to a little wider than the gap between a word's letters, where
    the words right of the strip start at one place on at least three lines of the region,
    with a gutter before them on most (UNRULED_CLOSE_COLUMN). `seen` counts where the
    region's words start with a gutter before them (_starts_seen), to pass over at once the
    strips after which none could."""
    return [
        (left[1], right[0])
        for left, right in itertools.pairwise(spans)
        if right[0] - left[1] >= GUTTER * size
        or (
            right[0] - left[1] >= _CLOSE * size
            and (seen is None or _seen_near(seen, right[0]))
            and _column_starts(right[0], region, size)
        )
    ]


def _starts_seen(seen: Counter[int], line: list[Piece], size: float) -> None:
    """Count where a line's words start with a gutter before them, in steps of CLOSE_ALIGN."""
    for index, piece in enumerate(line):
        if index == 0 or piece.x0 - line[index - 1].x1 >= GUTTER * size:
            seen[int(piece.x0 // CLOSE_ALIGN)] += 1


def _seen_near(seen: Counter[int], x: float) -> bool:
    """Whether words may start within CLOSE_ALIGN of x on _CLOSE_LINES lines."""
    step = int(x // CLOSE_ALIGN)
    return seen[step - 1] + seen[step] + seen[step + 1] >= _CLOSE_LINES


def _column_starts(x: float, region: Sequence[list[Piece]], size: float) -> bool:
    """Whether words start at x on at least _CLOSE_LINES lines of the region with a gutter's
    width before them, and on more lines so than closer, and no line's words run on past x
    closer than a gutter without starting there: a column's start that a few long cells run
    almost up to, not a word after a name repeated line after line, nor a line of prose
    ("Priority 2: Health") set across the columns."""
    wide = close = 0
    for line in region:
        for index, piece in enumerate(line):
            if piece.x0 < x - CLOSE_ALIGN:
                continue
            gutter = index == 0 or piece.x0 - line[index - 1].x1 >= GUTTER * size
            if abs(piece.x0 - x) <= CLOSE_ALIGN:
                wide, close = wide + gutter, close + (not gutter)
            elif not gutter:
                return False
            break
    return wide >= _CLOSE_LINES and wide > close


def _columns_of(line: list[Piece], gutters: list[tuple[float, float]]) -> set[int]:
    return {sum(1 for _, right in gutters if right <= p.x0 + 0.01) for p in line}


def _data_region(lines: list[list[Piece]], first: int) -> tuple[int, list[tuple[float, float]]]:
    """How far a table's body starting at lines[first] runs, and the gutters of its
    columns: lines are added while at least two gutters stay open among them."""
    size = _size(lines[first])
    spans = _covered([], lines[first])
    gutters = _gutters(spans, size)
    # Where the region's words start with a gutter before them (those of a band's lines
    # too: it only passes over strips at once).
    seen: Counter[int] = Counter()
    _starts_seen(seen, lines[first], size)
    stop = first + 1
    while stop < len(lines):
        gap = _top(lines[stop]) - _bottom(lines[stop - 1])
        if gap > _MAX_GAP * _size(lines[stop]) or abs(_size(lines[stop]) - size) > 1:
            break
        wider = _covered(spans, lines[stop])
        region = lines[first : stop + 1]
        _starts_seen(seen, lines[stop], size)
        found = _gutters(wider, size, region, seen)
        if len(found) < len(gutters):
            band = _band(lines, stop, spans, size, lines[first:stop])
            if band:
                for line in lines[stop + 1 : stop + band]:
                    _starts_seen(seen, line, size)
                stop += band
                continue
        if len(found) < _MIN_COLUMNS - 1:
            break
        spans = wider
        gutters = found
        stop += 1
    return stop, gutters


def _band(
    lines: list[list[Piece]],
    at: int,
    spans: list[tuple[float, float]],
    size: float,
    region: list[list[Piece]],
) -> int:
    """How many lines from lines[at] are a band across the table ("Standard 1: Referrals",
    perhaps wrapped onto a second line): each one run of words from the table's first
    column, crossing its gutters, with the table's columns going on under them. A section's
    name set across a table does not end it; 0 when they are not a band."""
    gutters = _gutters(spans, size, region)
    open_gutters = len(gutters)
    first_gutter = gutters[0] if gutters else None
    for count in (1, 2):
        band = lines[at : at + count]
        if at + count >= len(lines) or len(band) < count:
            return 0
        if any(not _band_line(line, spans[0][0], first_gutter, size) for line in band):
            return 0
        after = lines[at + count]
        if _top(after) - _bottom(band[-1]) > _MAX_GAP * _size(after):
            return 0
        if len(_gutters(_covered(spans, after), size, [*region, after])) >= open_gutters:
            return count
    return 0


def _band_line(
    line: list[Piece], left: float, first_gutter: tuple[float, float] | None, size: float
) -> bool:
    """Whether a line is one run of words from the table's first column across its gutters,
    or its ref in the first column and then such a run ("2.1   Fewer children are excluded",
    UNRULED_BAND_WITH_REF)."""
    if abs(line[0].x0 - left) > _ALIGN:
        return False
    breaks = [
        i for i, (a, b) in enumerate(itertools.pairwise(line), 1) if b.x0 - a.x1 >= GUTTER * size
    ]
    if not breaks:
        return True
    if len(breaks) > 1 or first_gutter is None:
        return False
    ref, rest = line[: breaks[0]], line[breaks[0] :]
    # The ref stays in the first column; the rest starts at the next and crosses a gutter.
    return (
        max(p.x1 for p in ref) <= first_gutter[0] + 0.5
        and abs(rest[0].x0 - first_gutter[1]) <= _ALIGN
        and len(rest) > 1
    )


def _region(
    lines: list[list[Piece]], first: int
) -> tuple[int, int, list[float], list[float], tuple[float, ...] | None] | None:
    """(start, end, column starts, column text ends, and where UNRULED_RIGHT_ALIGNED moved
    them the right edges of the right-aligned columns, else None) of an unruled table whose
    body starts at lines[first], its start taking in up to three heading lines above it."""
    stop, gutters = _data_region(lines, first)
    body = lines[first:stop]
    spread = [line for line in body if len(_columns_of(line, gutters)) >= _MIN_COLUMNS]
    if len(body) < _MIN_COLUMNS or len(spread) < _MIN_WIDE_LINES or len(gutters) < 2:
        return None
    starts = [min(p.x0 for line in body for p in line)] + [right for _, right in gutters]
    start = first
    above = first
    while above > 0 and first - above < _HEADING_LINES:
        line = lines[above - 1]
        gap = _top(lines[above]) - _bottom(line)
        if gap > _MAX_GAP * _size(line) or abs(_size(line) - _size(lines[first])) > 1:
            break
        above -= 1
        aligned = {i for p in line for i, x in enumerate(starts) if abs(p.x0 - x) <= _ALIGN}
        if len(aligned) >= 2 and len(aligned) * 5 >= 2 * len(starts):
            # A heading row, its words starting where the columns start; lines between it
            # and the body are more of its headings.
            start = above
        elif start == above + 1 and _over_later_columns(line, starts):
            # A heading over some of the later columns only ("RAG 2025/26" over the
            # quarters), right above the headings: one more heading row.
            start = above
    rights = [left for left, _ in gutters] + [max(p.x1 for line in body for p in line)]
    # The headings right above the body, whether or not their words start where its
    # columns start (a right-aligned column's heading does not).
    near = first
    while (
        near > 0
        and first - near < _HEADING_LINES
        and _top(lines[near]) - _bottom(lines[near - 1]) <= _MAX_GAP * _size(lines[near - 1])
    ):
        near -= 1
    # The body's first line may be the headings' last (one merged over it went above).
    headed, edges = _headed_columns(lines[min(near, start) : first + 1], body, starts)
    if headed != starts:
        return start, stop, headed, _rights(body, headed), edges
    return start, stop, starts, rights, None


def _headed_columns(
    headings: list[list[Piece]], body: list[list[Piece]], starts: list[float]
) -> tuple[list[float], tuple[float, ...]]:
    """The columns' starts, where right-aligned words say otherwise (UNRULED_RIGHT_ALIGNED).
    A spreadsheet sets dates and numbers at the right of their cells: such a column's words
    end at one place, line after line, and start wherever their width puts them, so the
    column seems to start where its widest word does, and the next column's words may follow
    close after. Where the headings show it, the column starts at its heading instead (the
    last heading starting left of its words), and the next column at the heading that
    starts just right of where its words end (and the right edges where it does)."""
    if not headings:
        return starts, ()
    pieces = [p for line in body for p in line]
    heads = sorted(run[0].x0 for line in headings for run in _runs(line))
    found = list(starts)
    edges: list[float] = []
    for left, right, size in _right_aligned(body):
        before = [h for h in heads if h <= left + 0.5]
        after = [h for h in heads if right < h <= right + _EDGE_SHARE * size]
        # The heading starts in the column before the words' own start, not further left.
        column = [x for x in starts if x < left - _ALIGN]
        if not before or not column or before[-1] < column[-1] - _ALIGN:
            continue
        head = before[-1]
        if not after:
            continue  # no heading right after its words: not the right-aligned signature
        crossed = [
            h for h in (head, *after[:1]) if any(p.x0 < h - 0.5 and p.x1 > h + 0.5 for p in pieces)
        ]
        if crossed:
            continue  # body words run across the heading: no column's edge
        found = [x for x in found if not head + _ALIGN < x <= right]
        for h in (head, *after[:1]):
            if not any(abs(h - x) <= _ALIGN for x in found):
                found.append(h)
        edges.append(right)
        found.sort()
    return found, tuple(edges)


def _right_aligned(body: list[list[Piece]]) -> list[tuple[float, float, float]]:
    """(left, right, font size) of each group of words set at the right of their column:
    words starting a run of words on at least three lines, ending at one place and starting
    at different ones."""
    ends: dict[int, list[Piece]] = {}
    for line in body:
        for run in _runs(line):
            # The first word of each run: the next column's words may follow it closer
            # than a gutter.
            ends.setdefault(round(run[0].x1), []).append(run[0])
    groups = []
    for key in sorted(ends):
        firsts = ends[key] + ends.get(key + 1, [])
        if key - 1 in ends:
            continue
        if len(firsts) < _MIN_COLUMNS:
            continue
        lefts = [p.x0 for p in firsts]
        if max(lefts) - min(lefts) < 0.5:
            continue
        right = key + (1 if key + 1 in ends else 0)
        groups.append((min(lefts), float(right), firsts[0].size or 10.0))
    return groups


def _rights(body: list[list[Piece]], starts: list[float]) -> list[float]:
    """Where the text of each column ends, its words placed by where they start."""
    rights = [x for x in starts]
    for p in (p for line in body for p in line):
        column = max(0, bisect.bisect_right(starts, p.x0 + 0.5) - 1)
        rights[column] = max(rights[column], p.x1)
    return rights


def _runs(line: list[Piece]) -> list[list[Piece]]:
    """A line's runs of words, parted where a gutter's width lies between two words."""
    runs: list[list[Piece]] = []
    for piece in line:
        if runs and piece.x0 - runs[-1][-1].x1 < GUTTER * piece.size:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _over_later_columns(line: list[Piece], starts: list[float]) -> bool:
    """Whether each run of words of a line starts where one of the table's columns after the
    first starts: a heading over those columns, not a title or a key over the table."""
    return all(any(abs(run[0].x0 - x) <= _ALIGN for x in starts[1:]) for run in _runs(line))


def _one_run(line: list[Piece]) -> bool:
    """Whether a line is one run of words, with no gutter in it: a line of prose, not a
    row of cells."""
    size = _size(line)
    return all(b.x0 - a.x1 < GUTTER * size for a, b in itertools.pairwise(line))


def _filled(line: list[Piece], starts: list[float]) -> int:
    """How many columns a line of the table has words in."""
    return len(_in_columns(line, starts))


def _row_gap(gap: float, narrow: float, *, tight: bool = True) -> bool:
    """Whether a gap between lines (a share of the font size) parts two rows, the narrowest
    gap of the table being that between the lines of a cell: wider by a quarter of the font
    size, or (UNRULED_ROWS_TIGHT) at least 1.6 times as wide where the lines of a cell are
    set apart at all."""
    if gap - narrow > _ROW_GAP:
        return True
    return tight and narrow >= _TIGHT and gap >= _ROW_SHARE * narrow


def _tight_rows(lines: list[list[Piece]]) -> bool:
    """Whether a table's rows were parted by UNRULED_ROWS_TIGHT where the plain gap would not
    have parted them."""
    gaps = [
        (_top(below) - _bottom(above)) / _size(below) for above, below in itertools.pairwise(lines)
    ]
    narrow = min(gaps, default=0.0)
    return any(_row_gap(g, narrow) and not _row_gap(g, narrow, tight=False) for g in gaps)


def _across(lines: list[list[Piece]], starts: list[float]) -> set[int]:
    """The lines inside a table that are one run of words from its first column across the
    next (a section's name set across the table, "Workstream 1: Identification")."""
    if len(starts) < 2:
        return set()
    return {
        i
        for i, line in enumerate(lines)
        if 0 < i < len(lines) - 1
        and _one_run(line)
        and abs(line[0].x0 - starts[0]) <= _ALIGN
        and line[-1].x1 > starts[1]
    }


def _row_starts(
    lines: list[list[Piece]], starts: list[float], rules: list[tuple[float, float, float]]
) -> tuple[list[int], bool]:
    """The indexes of the lines that start each row of the table, and whether rules under
    rows of several full lines each parted them (UNRULED_ROWS_RULED)."""
    left, right = min(starts), max(p.x1 for line in lines for p in line)
    # A rule broken where a cell merged down crosses it is still one rule: its pieces at one
    # height are measured together.
    covered: dict[float, float] = {}
    for y, x0, x1 in rules:
        if _top(lines[0]) < y < _bottom(lines[-1]):
            at = round(y * 2) / 2
            covered[at] = covered.get(at, 0.0) + max(0.0, min(x1, right) - max(x0, left))
    across = sorted(y for y, length in covered.items() if length >= _RULE_SHARE * (right - left))
    ruled = [0] + [
        index
        for index in range(1, len(lines))
        if any(_bottom(lines[index - 1]) - 1 <= y <= _top(lines[index]) + 1 for y in across)
    ]
    # Lines with words in at least half the columns: each is usually the first of a row.
    full = {i for i, line in enumerate(lines) if _filled(line, starts) * 2 >= len(starts)}
    ends = [*ruled[1:], len(lines)]
    lines_full = [len(full & set(range(a, b))) for a, b in zip(ruled, ends, strict=True)]
    if len(ruled) > 1 and all(count <= 1 for count in lines_full[1:]):
        # A rule under each row (not only under the headings, as some tables have); the
        # headings above the first rule may run over several lines each filled across.
        return ruled, lines_full[0] > 1
    if len(ruled) >= _RULED_ROWS and all(start in full for start in ruled):
        # Rules part the table into three rows or more, each starting with a line filled
        # across the columns, though the cells of a row run over several lines that each
        # are too (narrow columns of long text).
        return ruled, True
    gaps = [
        (_top(below) - _bottom(above)) / _size(below) for above, below in itertools.pairwise(lines)
    ]
    narrow = min(gaps, default=0.0)
    wide = [i + 1 for i, gap in enumerate(gaps) if _row_gap(gap, narrow)]
    # The first column holds a row's ref or number, short enough to fit on one line.
    first = {i for i, line in enumerate(lines) if min(p.x0 for p in line) < starts[0] + _ALIGN}
    if len(wide) * 3 >= len(full):
        # Rows set further apart than the lines of a cell (a wider gap under the headings
        # alone is not enough).
        found = [0, *wide]
    elif 1 < len(first) < 0.7 * len(lines) and first <= full:
        found = [0, *sorted(first - {0})]
    else:
        found = [0, *sorted(full - {0})]
    # A line of one run from the first column across the next (a section's name set across
    # the table, "Workstream 1: Identification") is a row of its own, and so is what follows.
    sections = _across(lines, starts)
    after: set[int] = set()
    for i in sections:
        if i - 1 in sections:
            continue  # more of the name above
        # The name may wrap onto a short line of its own; the row after it starts below.
        j = i + 1
        while j < len(lines) and (
            j in sections
            or (
                j == i + 1
                and _one_run(lines[j])
                and abs(lines[j][0].x0 - starts[0]) <= _ALIGN
                and j not in full
            )
        ):
            j += 1
        after.add(j)
    heads = {i for i in sections if i - 1 not in sections}
    found = sorted({*found, *heads, *(j for j in after if j < len(lines))})
    if len(ruled) > 1 and any(0 < index < ruled[1] for index in found):
        # The lines above the first rule are the headings: one row, however many lines
        # they run over.
        return sorted({*(i for i in found if not 0 < i < ruled[1]), *ruled}), True
    return sorted({*found, *ruled}), False


# The space between two words, as a share of the font size.
_SPACE = 0.25


def _column(piece: Piece, starts: list[float]) -> int:
    return bisect.bisect_right(starts, piece.x0 + 0.5) - 1


def _in_columns(line: list[Piece], starts: list[float]) -> set[int]:
    return {_column(p, starts) for p in line}


def _would_fit(
    above: list[Piece], word: Piece, column: int, starts: list[float], rights: list[float]
) -> bool:
    """Whether `word` would have fitted on the line `above` in this column: then a cell's
    text did not wrap there, and the word's line is no more of that cell. The column is as
    wide as its longest line at least (where its cells end is not drawn)."""
    there = [p for p in above if _column(p, starts) == column]
    if not there or column >= len(rights):
        return False
    size = max(p.size for p in there) or 10.0
    return max(p.x1 for p in there) + _SPACE * size + (word.x1 - word.x0) <= rights[column]


def _hung_above(
    lines: list[list[Piece]], rows: list[int], starts: list[float], rights: list[float]
) -> tuple[list[int], bool]:
    """Rows whose first lines stand above the line found to start them (UNRULED_TOP_AND_FOOT).

    A spreadsheet sets a cell's words at its foot unless told otherwise, and a plan's keeper
    often sets the long ones at the top: in a tall row the action's words stand at the top and
    its ref, lead and date at the foot, on the line found to start the row. The lines above
    that line then belong to its row, not the row before, where: the row before already has
    words in each of their columns on its own first line, the first of them would have
    fitted after those words (so they did not wrap on from them), and the row below has no
    words of its own in those columns."""
    moved = False
    found = list(rows)
    for at in range(1, len(found)):
        previous, start = found[at - 1], found[at]
        own = _in_columns(lines[start], starts)
        for first in range(previous + 1, start):
            columns = set().union(*(_in_columns(lines[i], starts) for i in range(first, start)))
            before = range(previous, first)
            if 0 in columns or columns & own:
                continue
            if not columns <= set().union(*(_in_columns(lines[i], starts) for i in before)):
                continue
            if all(
                _fits_after(lines, before, word, starts, rights)
                for word in _first_words(lines[first], starts)
            ):
                found[at] = first
                moved = True
                break
    # A row found of its own (set apart by a wider gap) that holds only the words hung above
    # the next row's first column: one row with it.
    at = 1
    while at + 1 < len(found):
        start, foot = found[at], found[at + 1]
        stop = found[at + 2] if at + 2 < len(found) else len(lines)
        columns = set().union(*(_in_columns(lines[i], starts) for i in range(start, foot)))
        below = set().union(*(_in_columns(lines[i], starts) for i in range(foot, stop)))
        before = range(found[at - 1], start)
        kept = set().union(*(_in_columns(lines[i], starts) for i in before))
        if (
            0 not in columns
            and 0 in below
            and not columns & below
            and columns <= kept
            and all(
                _fits_after(lines, before, word, starts, rights)
                for word in _first_words(lines[start], starts)
            )
        ):
            del found[at + 1]
            moved = True
        at += 1
    return found, moved


def _first_words(line: list[Piece], starts: list[float]) -> list[Piece]:
    """The first word of a line in each column it has words in."""
    firsts: dict[int, Piece] = {}
    for piece in line:
        column = _column(piece, starts)
        if column not in firsts or piece.x0 < firsts[column].x0:
            firsts[column] = piece
    return list(firsts.values())


def _fits_after(
    lines: list[list[Piece]], before: range, word: Piece, starts: list[float], rights: list[float]
) -> bool:
    """Whether the word would have fitted after the last line above it with words in its
    column: then that cell's text did not wrap onto the word's line."""
    column = _column(word, starts)
    above = next(
        (lines[i] for i in reversed(before) if column in _in_columns(lines[i], starts)), None
    )
    return above is not None and _would_fit(above, word, column, starts, rights)


def find(pieces: list[Piece], rules: list[tuple[float, float, float]]) -> list[Grid]:
    """The unruled tables among a page's words, given the horizontal rules drawn on the page
    as (y, x0, x1)."""
    lines = _lines(pieces)
    grids: list[Grid] = []
    index = 0
    while index < len(lines):
        found = _region(lines, index)
        if found is None:
            index += 1
            continue
        # Heading rows merged across columns hide the gutters under them: the body may
        # start a line or two lower, with more columns, and take the headings in above it.
        # A line of words run across the columns above the headings (a key, a title) hides
        # them too: the table starts under it, and the line stays outside.
        read_by: tuple[str, ...] = ()
        for later in range(index + 1, index + 1 + _HEADING_LINES):
            other = _region(lines, later) if later < len(lines) else None
            if other is None or len(other[2]) <= len(found[2]):
                continue
            if other[0] <= index:
                found, read_by = other, ()
            elif all(_one_run(line) for line in lines[index : other[0]]):
                found, read_by = other, (UNRULED_UNDER_LINE.code,)
        start, stop, starts, rights, edges = found
        table = lines[start:stop]
        if (
            len(table) > 1
            and _over_later_columns(table[0], starts)
            and not _over_later_columns(table[1], starts)
        ):
            read_by = (*read_by, UNRULED_BAND_HEADING.code)
        rows, by_rules = _row_starts(table, starts, rules)
        if not by_rules:
            rows, hung = _hung_above(table, rows, starts, rights)
            if hung:
                read_by = (*read_by, UNRULED_TOP_AND_FOOT.code)
        if not by_rules and _tight_rows(table):
            read_by = (*read_by, UNRULED_ROWS_TIGHT.code)
        if not by_rules and _across(table, starts):
            read_by = (*read_by, UNRULED_SECTION_ROW.code)
        if by_rules:
            read_by = (*read_by, UNRULED_ROWS_RULED.code)
        if edges is not None:
            read_by = (*read_by, UNRULED_RIGHT_ALIGNED.code)
        if len(starts) > 1 and any(
            not _one_run(line) and _band_line(line, starts[0], (rights[0], starts[1]), _size(line))
            for line in table
        ):
            read_by = (*read_by, UNRULED_BAND_WITH_REF.code)
        size = max(_size(line) for line in table)
        close = tuple(
            x
            for x, right in zip(starts[1:], rights, strict=False)
            if edges is None and _CLOSE * size <= x - right < GUTTER * size
        )
        if close:
            read_by = (*read_by, UNRULED_CLOSE_COLUMN.code)
        if len(rows) < 2:
            index = stop
            continue
        tops = [_top(table[i]) - 0.5 for i in rows]
        grids.append(
            Grid(
                x0=min(starts) - 0.5,
                top=tops[0],
                x1=max(p.x1 for line in table for p in line) + 0.5,
                bottom=_bottom(table[-1]) + 0.5,
                xs=[starts[0] - 0.5, *starts[1:]],
                ys=tops,
                rights=rights,
                read_by=read_by,
                edges=edges or (),
                close=close,
            )
        )
        index = stop
    return grids


def split(grid: Grid, xs: Sequence[float], pieces: list[Piece]) -> Grid:
    """The grid with a column starting at each of xs that lies inside one of its columns and
    that no word of the table runs across (SHADED_NOT_RULED: the sides of the shaded boxes a
    sheet printed without gridlines fills its rating cells with, where a date set at the
    right of the cell before ends too close to them to leave a gutter)."""
    inside = [
        p
        for p in pieces
        if grid.top <= p.top and p.bottom <= grid.bottom and grid.x0 <= p.x0 <= grid.x1
    ]
    starts, rights, added = list(grid.xs), list(grid.rights), []
    for x in sorted(xs):
        if not grid.x0 + _ALIGN < x < grid.x1 - _ALIGN or any(abs(x - s) <= _ALIGN for s in starts):
            continue
        if any(p.x0 < x - 0.5 and p.x1 > x + 0.5 for p in inside):
            continue
        column = bisect.bisect_right(starts, x) - 1
        ends = [p.x1 for p in inside if starts[column] - 0.5 <= p.x0 < x]
        rights[column : column + 1] = [max(ends, default=starts[column]), rights[column]]
        starts.insert(column + 1, x)
        added.append(x)
    if not added:
        return grid
    return replace(grid, xs=starts, rights=rights, close=(*grid.close, *added))
