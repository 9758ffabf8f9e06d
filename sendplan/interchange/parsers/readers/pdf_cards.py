"""The reading order of a PDF page laid out as cards: a poster, a "plan on a page" or a slide
of boxes, where two or more headings stand side by side on one line, each over its own
column of text, and a row of cards may follow under them.

Read line by line across the page, the cards' words interleave ("Listening  Information" then
the first line of each card's text, then the second); read card by card, each heading is
followed by its own text, as a person reads a poster. Only the layout is looked at: headings
(as the page's reader tells them) on one line of the page, far enough apart that each starts
a column, with text under each of them that stays inside its column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

# How far a line may start to the left of its card's heading and still be that card's (a
# bullet hung in the margin, a rounding of the layout), in points.
_TOLERANCE = 3.0
_MIN_CARDS = 2


class Placed(Protocol):
    """A line or a table on its page."""

    @property
    def top(self) -> float: ...

    @property
    def x0(self) -> float: ...

    @property
    def x1(self) -> float: ...


T = TypeVar("T", bound=Placed)


@dataclass
class _CardRow:
    top: float
    # The left edge of each card, left to right.
    starts: list[float]
    # The level of the cards' headings.
    level: int = 0


def card_order(
    items: Sequence[T], heading: Callable[[T], int | None], row: Callable[[T], int | None]
) -> list[T] | None:
    """The items in reading order card by card, or None when the page is not laid out as
    cards. `heading` gives the level of a heading's line (None for any other); `row` the line
    of the page an item is on (None for a table)."""
    card_rows = _card_rows(items, heading, row)
    if not card_rows:
        return None
    ordered: list[T] = []
    rest = sorted(items, key=lambda item: (item.top, item.x0))
    for number, cards in enumerate(card_rows):
        below = card_rows[number + 1].top if number + 1 < len(card_rows) else float("inf")
        ordered.extend(item for item in rest if item.top < cards.top - _TOLERANCE)
        band = [item for item in rest if cards.top - _TOLERANCE <= item.top < below]
        rest = [item for item in rest if item.top >= below]
        # Something set across the cards (a footer, a note) ends them, as does a heading like
        # theirs at the left edge of one of them lower down (a last row of a single card): it
        # and what follows it are read as they stand.
        level = cards.level
        ends = [
            item.top
            for item in band
            if _column(item, cards.starts) is None
            or (heading(item) == level and _below_a_card(item, band, cards, heading))
        ]
        if ends:
            rest = [item for item in band if item.top >= min(ends)] + rest
            band = [item for item in band if item.top < min(ends)]
        for column in range(len(cards.starts)):
            ordered.extend(item for item in band if _column(item, cards.starts) == column)
    ordered.extend(rest)
    return ordered


def side_by_side(
    items: Sequence[T], heading: Callable[[T], int | None], row: Callable[[T], int | None]
) -> bool:
    """Whether two or more headings, and nothing else, share a line of the page."""
    by_row: dict[int, list[T]] = {}
    for item in items:
        line_row = row(item)
        if line_row is not None:
            by_row.setdefault(line_row, []).append(item)
    return any(
        len(pieces) >= _MIN_CARDS and all(heading(piece) for piece in pieces)
        for pieces in by_row.values()
    )


def card_heads(
    items: Sequence[T], heading: Callable[[T], int | None], row: Callable[[T], int | None]
) -> list[T]:
    """The headings of the cards: those standing side by side in a row of cards, and a lone
    heading under them at the left edge of one of their cards (the last row's only card)."""
    rows = _card_rows(items, heading, row)
    if not rows:
        return []
    tops = {cards.top for cards in rows}
    starts = [start for cards in rows for start in cards.starts]
    return [
        item
        for item in items
        if heading(item) == rows[0].level
        and (
            _row_top(item, items, row) in tops
            or (
                item.top > rows[0].top
                and any(abs(item.x0 - start) <= _TOLERANCE for start in starts)
            )
        )
    ]


def _row_top(item: T, items: Sequence[T], row: Callable[[T], int | None]) -> float | None:
    line_row = row(item)
    if line_row is None:
        return None
    return min(other.top for other in items if row(other) == line_row)


def _card_rows(
    items: Sequence[T], heading: Callable[[T], int | None], row: Callable[[T], int | None]
) -> list[_CardRow]:
    by_row: dict[int, list[T]] = {}
    for item in items:
        line_row = row(item)
        if line_row is not None:
            by_row.setdefault(line_row, []).append(item)
    found = []
    for pieces in by_row.values():
        if len(pieces) < _MIN_CARDS or not all(heading(piece) for piece in pieces):
            continue
        pieces = sorted(pieces, key=lambda piece: piece.x0)
        levels = {heading(piece) for piece in pieces}
        if len(levels) != 1:
            continue
        cards = _CardRow(
            top=min(p.top for p in pieces), starts=[p.x0 for p in pieces], level=levels.pop() or 0
        )
        # Each heading stays in its own column, and each column has text of its own under the
        # heading, starting at the heading's left edge.
        if any(p.x1 > cards.starts[i + 1] - _TOLERANCE for i, p in enumerate(pieces[:-1])):
            continue
        under = [
            item
            for item in items
            if item.top > cards.top + _TOLERANCE and not heading(item) and item not in pieces
        ]
        columns = {
            _column(item, cards.starts)
            for item in under
            if abs(item.x0 - cards.starts[_column(item, cards.starts) or 0]) <= _TOLERANCE
        }
        if all(column in columns for column in range(len(pieces))):
            found.append(cards)
    # Only the most prominent headings side by side head cards: the dates set in bold along
    # the foot of a row of cards are the cards' own lines.
    top_level = min((cards.level for cards in found), default=0)
    return sorted((c for c in found if c.level == top_level), key=lambda cards: cards.top)


def _below_a_card(
    item: T, band: list[T], cards: _CardRow, heading: Callable[[T], int | None]
) -> bool:
    """A heading at the left edge of a card, under that card's own text (not its heading's
    second line): the heading of a card in a row below."""
    column = _column(item, cards.starts)
    if column is None or abs(item.x0 - cards.starts[column]) > _TOLERANCE:
        return False
    return any(
        heading(other) is None
        and cards.top + _TOLERANCE < other.top < item.top
        and _column(other, cards.starts) == column
        for other in band
    )


def _column(item: Placed, starts: list[float]) -> int | None:
    """The card an item is in, or None when it starts left of the first or reaches into the
    next."""
    column = None
    for index, start in enumerate(starts):
        if item.x0 >= start - _TOLERANCE:
            column = index
    if column is None:
        return None
    if column + 1 < len(starts) and item.x1 > starts[column + 1] - _TOLERANCE:
        return None
    return column
