"""Marks a printer or an author leaves on a PDF's pages, drawn again in new ways, should not
change what the plan says: watermarks ("OFFICIAL", "DRAFT", "NOT FOR CIRCULATION", at any angle
and in any shade, behind or across the table) and words broken at the end of a line by
hyphenation.

`pdf_shuffled` found these the two transformations that fail most (`pdf_draft_watermark`,
`pdf_hyphenated`: 19 and 20 of its 26 plans), but both are on its blind side, so they were
only ever counted. This round draws the same kinds of mark in new ways of its own, on the dev
side, writes rules from those alone, and keeps `pdf_shuffled`'s two transformations blind: they
are the measure of whether the rules are general (bench/parse_pdf_shuffled.py, before and
after).

The base plans and their split are `pdf_shuffled`'s (`pdf_shuffled.bases()`, its `blind`):
rules come from cells of a dev plan only; the cells of blind plans are counted. Every
transformation here is on the dev side. bench/parse_pdf_marks.py prints the matrix;
test_parse_pdf_marks.py holds floors.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sendplan.interchange.tests import pdf_shuffled
from sendplan.interchange.tests.pdf_shuffled import Base, Grid, Page, Shuffle, Text, _copied

# A mark drawn behind everything on every page (position: fixed repeats it on each page).
_BEHIND = "position: fixed; z-index: -1; white-space: nowrap; font-family: 'DejaVu Sans';"


def _marked(page: Page, css: str, html: str) -> Page:
    out = _copied(page, css)
    out.before.append(html)
    return out


def marks_official_diagonal(page: Page) -> Page:
    """A grey "OFFICIAL" rising across the page at 30 degrees, as a council's template stamps."""
    return _marked(
        page,
        f".mark {{ {_BEHIND} top: 12cm; left: 3cm; font-size: 90pt; color: #d3d3d3;"
        " transform: rotate(-30deg); }",
        "<div class='mark'>OFFICIAL</div>",
    )


def marks_upright_banner(page: Page) -> Page:
    """A pale upright line of large words in the middle of every page, behind the table."""
    return _marked(
        page,
        f".mark {{ {_BEHIND} top: 13cm; left: 1.5cm; font-size: 34pt; color: #ececec;"
        " font-weight: bold; }",
        "<div class='mark'>NOT FOR CIRCULATION</div>",
    )


def marks_margin_stamp(page: Page) -> Page:
    """ "DRAFT v3 - for consultation" turned to run up the left margin of every page."""
    return _marked(
        page,
        f".mark {{ {_BEHIND} top: 20cm; left: -3.5cm; font-size: 16pt; color: #b0b0b0;"
        " transform: rotate(-90deg); }",
        "<div class='mark'>DRAFT v3 - for consultation</div>",
    )


def marks_stamp_over_table(page: Page) -> Page:
    """A red "DRAFT" drawn over the table, not behind it, as a stamp added to a finished PDF."""
    return _marked(
        page,
        f".mark {{ {_BEHIND} z-index: 5; top: 8cm; left: 6cm; font-size: 70pt;"
        " color: rgba(200, 0, 0, 0.25); transform: rotate(-45deg); }",
        "<div class='mark'>DRAFT</div>",
    )


def marks_hyphenated_narrow(page: Page) -> Page:
    """Hyphenation on in a narrow portrait page, where many words break at a line's end."""
    return _copied(page, "@page { size: 17cm 29.7cm; } td, th, p { hyphens: auto; }")


def marks_hyphenated_justified(page: Page) -> Page:
    """Justified text with hyphenation on, as a designed report sets it."""
    return _copied(page, "td, th, p { hyphens: auto; text-align: justify; }")


_LONG_WORD = re.compile(r"\b([A-Za-z]{5})([a-z]{4,})\b")


def _soft(text: str) -> str:
    # A soft hyphen after the fifth letter of each long word: where Word's manual hyphenation
    # puts one, and where a narrow cell then breaks the word with a hyphen.
    return _LONG_WORD.sub("\\1\u00ad\\2", text)


def marks_soft_hyphens(page: Page) -> Page:
    """Soft hyphens inside long words, so that words too long for a cell's line break at them.
    (At a narrower page than A4, wide tables ran off the page and were cut: no reader can
    read what is not printed.)"""
    out = copy.deepcopy(page)
    for block in out.blocks:
        if isinstance(block, Grid):
            for row in block.rows:
                for cell in row:
                    cell.lines = [_soft(line) for line in cell.lines]
        elif isinstance(block, Text) and not block.raw:
            block.text = _soft(block.text)
    return out


@dataclass(frozen=True)
class Mark(Shuffle):
    """A transformation of this round: all of them on the dev side."""

    @property
    def blind(self) -> bool:
        return False


MARKS = tuple(
    Mark(change.__name__, change)
    for change in (
        marks_official_diagonal,
        marks_upright_banner,
        marks_margin_stamp,
        marks_stamp_over_table,
        marks_hyphenated_narrow,
        marks_hyphenated_justified,
        marks_soft_hyphens,
    )
)


def cells(plans: tuple[Base, ...] | None = None) -> Iterator[tuple[Base, Shuffle]]:
    return pdf_shuffled.cells(plans, MARKS)


# A cell is scored as pdf_shuffled scores its own.
fallen = pdf_shuffled.fallen
kept = pdf_shuffled.kept
