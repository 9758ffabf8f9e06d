"""Pages that stand side by side: a sheet wider than the page, printed as left.

An office suite prints a spreadsheet whose columns do not fit the page a few columns at a
time: the first page holds all the rows of its first columns, the next page the same rows of
the next columns, and so on, so that no page holds a whole row. Such pages are set side by
side again when the second page's rows stand at the heights of the first's; the reader then
keeps the pair only where the page set side by side makes a table across the two that neither
made alone (`pdf_reader`), so running text with a regular line pitch, whose lines stand at
the same heights page after page, is not joined.

This module works on the characters as the reader takes them (dicts with x0, x1, top, size,
text) and on the shapes' edges and filled boxes; it knows nothing of tables.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

Char = dict[str, Any]

# Rows of the two pages stand at the same height within this many points.
_SAME_ROW = 1.0
# The page with fewer rows has at least this many, and this share of them stand at heights of
# the other's rows.
_FEWEST_ROWS = 3
_SHARE = 0.5
# Text run on from the page before starts within this many points of the page's left edge,
# and was cut within as many of the first page's right edge.
_EDGE = 6.0
# The next page's columns stand this many times the font size right of the first's text: a
# gap wider than any between words on a line (the reader parts a line at 2.2).
_SEAM_GAP = 3.0
# Columns start at the same place within this many points.
_SAME_START = 2.0
# The next columns' text ends no lower than this many lines below the first page's.
_LOWER = 2
# A gap between two characters of a row wider than this many times the font size parts the
# cells of a table; running text has none.
_CELL_GAP = 1.5


def _visible(chars: list[Char], width: float) -> list[Char]:
    """The page's own text: on the page, and not text run on from the page before (a run of
    words starting at the very edge of the page)."""
    shown = [
        char
        for char in chars
        if not char["text"].isspace() and char["x0"] >= 0 and char["x1"] <= width
    ]
    edge = [run for row in _rows(shown) for run in _runs(row)[:1] if run[0]["x0"] < _EDGE]
    if not edge:
        return shown
    left_out = {id(char) for run in edge for char in run}
    return [char for char in shown if id(char) not in left_out]


def _size(chars: list[Char]) -> float:
    sizes = Counter(char["size"] for char in chars if char["size"])
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _row_tops(chars: list[Char]) -> list[float]:
    tops: list[float] = []
    for top in sorted(char["top"] for char in chars):
        if not tops or top - tops[-1] > _SAME_ROW:
            tops.append(top)
    return tops


def _rows(chars: list[Char]) -> list[list[Char]]:
    """The characters row by row, each row left to right."""
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda char: char["top"]):
        if rows and char["top"] - rows[-1][0]["top"] <= _SAME_ROW:
            rows[-1].append(char)
        else:
            rows.append([char])
    return [sorted(row, key=lambda char: char["x0"]) for row in rows]


def _runs(row: list[Char]) -> list[list[Char]]:
    """A row's characters in runs parted by a gap as wide as a cell's."""
    runs: list[list[Char]] = []
    for char in row:
        if runs and char["x0"] - runs[-1][-1]["x1"] < _CELL_GAP * max(char["size"], 1.0):
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def prose(chars: list[Char], width: float) -> bool:
    """Whether a page reads as running text: most of its rows one run of words from one
    margin, a good share of them reaching the other."""
    rows = _rows(_visible(chars, width))
    if not rows:
        return False
    margin = Counter(round(row[0]["x0"] / 3) for row in rows).most_common(1)[0][0]
    edge = max(row[-1]["x1"] for row in rows)
    start = margin * 3
    plain = [row for row in rows if len(_runs(row)) == 1 and abs(row[0]["x0"] - start) <= 3]
    full = sum(1 for row in plain if row[-1]["x1"] >= edge - 0.15 * (edge - start))
    # Text wrapped in a table's wide column has a margin too, but other columns' words start
    # left of it in many rows; running text has only a heading or two there.
    before = sum(1 for row in rows if row[0]["x0"] < start - 3)
    return len(plain) * 5 >= len(rows) * 3 and full * 3 >= len(rows) and before * 10 <= len(rows)


@dataclass(frozen=True)
class Outline:
    """What a page's text shows of its rows and columns, worked out once per page."""

    tops: list[float]
    starts: list[float]
    prose: bool
    size: float
    # The tops of the rows holding two runs of words or more (a row of cells).
    wide: list[float]


def outline(chars: list[Char], width: float) -> Outline:
    shown = _visible(chars, width)
    wide = [row[0]["top"] for row in _rows(shown) if len(_runs(row)) >= 2]
    return Outline(_row_tops(shown), _starts(shown), prose(chars, width), _size(shown), wide)


def beside(left: Outline, right: Outline) -> float:
    """How well the second page's rows stand at the heights of the first's (a sheet's next
    columns): the share of the rows of the page with fewer that stand at rows of the other;
    0 where they do not (too few, the second reaching lower or higher, the same columns, the
    first running text or one column)."""
    ours, theirs = left.tops, right.tops
    if not theirs or not ours or theirs[0] < ours[0] - _SAME_ROW:
        return 0.0
    # The first page holds a sheet's first columns, its refs and titles, filled on every row:
    # the next columns end no lower (a page reaching lower is the next sheet's).
    if theirs[-1] > ours[-1] + _LOWER * right.size:
        return 0.0
    # The page with fewer rows has them all at rows of the other: a cell wrapped onto more
    # lines on one page stands beside one line on the other.
    fewer, more = sorted((theirs, ours), key=len)
    if len(fewer) < _FEWEST_ROWS:
        return 0.0
    matched = 0
    at = 0
    for top in fewer:
        while at < len(more) and more[at] < top - _SAME_ROW:
            at += 1
        if at < len(more) and abs(more[at] - top) <= _SAME_ROW:
            matched += 1
    share = matched / len(fewer)
    if share < _SHARE and _headed_alike(left, right):
        # Rows of cells set some at the top of the row, some at its foot stand at different
        # heights; the headings' row, one line in each cell, does not.
        share = _SHARE
    # The first page must hold columns, not running text; the next may be one column of
    # wrapped text (a sheet's long "Action" column, alone on its page).
    if share < _SHARE or same_columns(left, right) or left.prose or len(left.starts) < 2:
        return 0.0
    return share


def _headed_alike(left: Outline, right: Outline) -> bool:
    """Whether the second page's first row is a row of cells at the height of one of the
    first page's: the headings of the sheet's next columns beside those of its first."""
    if right.prose or not right.wide or right.wide[0] > right.tops[0] + _SAME_ROW:
        return False
    return any(abs(top - right.tops[0]) <= _SAME_ROW for top in left.wide)


def _starts(shown: list[Char]) -> list[float]:
    """Where the runs of words of at least three rows start: a page's columns."""
    counts: Counter[int] = Counter()
    for row in _rows(shown):
        for at in {round(run[0]["x0"] / _SAME_START) for run in _runs(row)}:
            counts[at] += 1
    return [at * _SAME_START for at, count in counts.items() if count >= _FEWEST_ROWS]


def same_columns(left: Outline, right: Outline) -> bool:
    """Whether the second page's columns start where the first's do, beyond the left margin
    both share: the same table carried on down the page, not its next columns."""
    ours, theirs = left.starts, right.starts
    if not ours or not theirs:
        return False
    margin = min(theirs)
    if len(theirs) == 1 and len(ours) == 1:
        # One column each, at the same place: one column's later rows.
        return abs(ours[0] - margin) <= _SAME_START
    return any(abs(x - y) <= _SAME_START for x in theirs if x > margin + _SAME_START for y in ours)


def carried_over(left: list[Char], left_width: float, right: list[Char]) -> dict[int, float | None]:
    """The characters (by id) of text run on from the page before, and how far right each
    moves to follow on from it (None: drawn on both pages, left out here). A cell's text
    that ran past the first page's printed area into empty cells is drawn to that page's
    edge, and again from the very edge of the next, on a row where the first page's text
    reached its edge: the two overlap by the pages' margins."""
    ends = {row[0]["top"]: row for row in _rows([c for c in left if not c["text"].isspace()])}
    found: dict[int, float | None] = {}
    if not ends:
        return found
    for row in _rows(right):
        first = _runs([char for char in row if not char["text"].isspace()])[0]
        if first[0]["x0"] >= _EDGE:
            continue
        before = next(
            (r for top, r in ends.items() if abs(top - first[0]["top"]) <= _SAME_ROW), None
        )
        if before is None:
            continue
        shared = _overlap([char["text"] for char in before], [char["text"] for char in first])
        # The character cut by the page's edge is not drawn at all: a row cut there ends a
        # character or so short of it.
        cut_off = before[-1]["x1"] >= left_width - _EDGE - before[-1]["size"]
        if not shared and not cut_off:
            continue
        if shared:
            by = before[-shared]["x0"] - first[0]["x0"]
            cut = first[shared - 1]["x1"]
        else:
            by, cut = before[-1]["x1"] - first[0]["x0"], first[0]["x0"] - 1
        last = first[-1]["x1"]
        for char in row:
            if char["x0"] > last:
                break
            found[id(char)] = None if char["x1"] <= cut + 0.1 else by
    return found


def _overlap(ours: list[str], theirs: list[str]) -> int:
    """How many characters the end of one line and the start of the next share (the longest
    such run)."""
    for shared in range(min(len(ours), len(theirs)), 0, -1):
        if ours[-shared:] == theirs[:shared]:
            return shared
    return 0


def seam(left: list[Char], left_width: float, right: list[Char], right_width: float) -> float:
    """How far right the second page's characters move to stand beside the first's: past the
    first page's text (text run on past its edge aside), a cell's gap on."""
    ends = [
        run[-1]["x1"]
        for row in _rows([char for char in left if not char["text"].isspace()])
        for run in _runs(row)
        if run[-1]["x1"] <= left_width
    ]
    gap = _SEAM_GAP * _size(right)
    end = max(ends, default=left_width)
    return end + gap - start(right, right_width)


def run_on_only(chars: list[Char], width: float) -> bool:
    """Whether a page holds nothing but text run on from the page before (a cover sheet's
    notes, written in long lines, printed over two pages)."""
    if not any(char["x0"] < _EDGE and not char["text"].isspace() for char in chars):
        return False
    return not _visible(chars, width)


def start(chars: list[Char], width: float) -> float:
    """Where a page's text starts, left to right (text carried over from the page before
    aside)."""
    return min((char["x0"] for char in _visible(chars, width)), default=0.0)


def moved(edge: dict[str, Any], by: float) -> dict[str, Any]:
    return {**edge, "x0": edge["x0"] + by, "x1": edge["x1"] + by}
