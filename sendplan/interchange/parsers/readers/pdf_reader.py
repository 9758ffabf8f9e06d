"""PDF plans: ruled tables, with their merged and shaded cells, and the text around them in
reading order.

A PDF holds no paragraphs or tables, only characters and lines drawn at places on pages, so
each is worked out from where things sit:

- PDFium (through pypdfium2) reads each page's characters, with their boxes and fonts, and
  the lines and filled boxes drawn on it. pdfminer.six, which pdfplumber reads pages with,
  took 3.8 s to do that for the 24 pages of the 300-action benchmark plan; PDFium takes
  0.3 s.
- pdfplumber's table finder turns the ruling lines into cells, and its word extraction
  turns the characters into words, with a gap between words relative to the font size so
  that "Responsible Officer" neither runs together nor splits.
- A cell merged across columns gives its text once and a cell merged down rows repeats its
  text in each row, as the Word reader does; a filled box under a cell without words gives
  its colour, since trackers often rate an action by colour alone.
- A table carried on to the next page, its heading rows repeated there, is one table, as it
  is in Word, and a row the page break cut in two is one row again; each page's rows keep
  their page in `where`. Rules a page break leaves out (a cut row or merged cell has no
  rule at the foot of the page) are put back, so those cells are found.
- A spreadsheet wider than the page, printed as left, gives the same rows' next columns on
  a later page: such pages are set side by side again where their rows stand at the same
  heights and together make a table across both (`pdf_beside`, PAGES_BESIDE), and text
  that ran on past a page's edge carries on after its line.
- Text outside tables is read in lines, top to bottom and column by column, and made into
  paragraphs where the gap between lines widens or a line stops short of the margin. Lines
  in a clearly larger or bold font are headings. Running headers and footers repeated on
  most pages, and page numbers, are dropped.

A page with an absurd number of characters or drawings is left out or read without its
tables, with a note. A PDF with no text at all is a scan, and refused in words.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium
from pdfplumber import table as plumber_tables
from pdfplumber.utils import extract_words

from sendplan.interchange.parsers.blocks import (
    Block,
    Heading,
    Paragraph,
    Row,
    Table,
    clean_cell,
    comparable,
    fill_colour,
)
from sendplan.interchange.parsers.errors import ParseError
from sendplan.interchange.parsers.readers import pdf_aligned, pdf_beside, pdf_cards
from sendplan.interchange.parsers.rules import (
    BODY_UNDER_HEADINGS,
    HEADING_WRAPPED_WIDE,
    HOLES_FILLED,
    HYPHENATED_WORDS,
    LONE_BULLET_MARK,
    PAGES_BESIDE,
    PDF_MARKS,
    SHADED_BAND,
    SHADED_COLUMN,
    SHADED_NOT_RULED,
    TWO_COLUMNS_UNDER_HEADINGS,
    UNRULED_WORD_BREAKS,
)

# Work a page may ask of us before it is left out (characters) or read without looking for
# tables (drawings): a dense page of a plan holds some 5,000 characters, 1,000 drawings,
# a few dozen rules once joined, crossing a few hundred times (a 30-column tracker page,
# 1,300). Beyond these a page is not a plan's, and would only slow reading down; the time
# limit of the child process stops anything slower still.
MAX_PAGE_CHARS = 60_000
MAX_PAGE_SHAPES = 30_000
MAX_PAGE_EDGES = 2_000
MAX_PAGE_CROSSINGS = 2_500
MAX_TOTAL_CHARS = 3_000_000
_MAX_FORM_DEPTH = 6

SCANNED = (
    "This PDF has no text in it, only pictures of pages (it was probably scanned), so we "
    "cannot read it. Upload the Word or Excel version of the plan, or a PDF saved from Word."
)

# A word ends where the gap to the next character is wider than this share of the character's
# height: letters of a word sit together, and a space is about a quarter of the font size.
_WORD_GAP = 0.12
# Characters whose tops are this close (points) are on one line. Where a font gives PDFium no
# ascent, each character's box is its glyph's own, and an "h" stands 2.5 points higher than
# the "s" beside it at 11 points; lines of text are further apart than twice this.
_LINE_TOLERANCE = 3
# Words on one line further apart than this many times the font size are in different
# columns, or set apart by a tab.
_COLUMN_GAP = 2.2
# Lines set out in at least this many columns, all alike, are the rows of a table without
# rules.
_MIN_UNRULED_COLUMNS = 3
# Lines thinner than this (points) are rules; filled boxes at least this big may shade cells.
_THIN = 2.5
_MIN_CELL = 4.0
# Running headers and footers sit in this share of the page at its top and bottom.
_MARGIN_ZONE = 0.14
_HEADING_GROWTH = 1.15
_PLAIN_HEADING_GROWTH = 1.3
_MAX_HEADING_WORDS = 20
# A cell's text starts within this many points of its left rule (its padding).
_TEXT_INSET = 10.0
# A page at least this much wider than tall, with no more than so many lines and tables, is a
# slide (16:9 and 4:3 slides are; a portrait page is not).
_SLIDE_SHAPE = 1.3
# Lines under a table are read as its rows only while it has no more rows than this drawn (its
# headings, and rows read from lines under them).
_MAX_UNDER_HEADINGS_ROWS = 12
_SLIDE_ITEMS = 30

_BULLETS = {
    "\u2022", "\u25cf", "\u25aa", "\u25a0", "\u25e6", "\u2023", "\u2043", "\u27a2", "\u25ba",
    "\u2219", "\uf0b7", "\uf0a7", "\uf076", "\uf0d8", "\uf0a8", "\uf06e",
}  # fmt: skip
_ITEM_START = re.compile(r"^(?:•|[-–*]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|\(?[ivx]{1,4}[.)]\s)")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*\|\s*page|page\s*\|\s*\d{1,4}|-\s*\d{1,4}\s*-)$",
    re.I,
)
# A protective marking printed at the top or foot of each page.
_MARKING = re.compile(
    r"^(?:official(?:\s*[-–:]\s*sensitive)?|not protectively marked|unclassified)$", re.I
)
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|extrabold", re.I)


# What a page holds


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    # A space is written in the PDF after the word: a line that ends with it wrapped between
    # words, whatever room was left.
    spaced: bool = False


@dataclass
class _Line:
    """Words on one line, side by side with no wide gap between them."""

    words: list[_Word]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    # Lines split at a wide gap share a row number, and the top of that row: they were one
    # line of the page.
    row: int = 0
    row_top: float = 0.0

    def __post_init__(self) -> None:
        words = self.words
        self.text = " ".join(word.text for word in words)
        self.x0 = min(word.x0 for word in words)
        self.x1 = max(word.x1 for word in words)
        self.top = min(word.top for word in words)
        self.bottom = max(word.bottom for word in words)
        sizes = {word.size for word in words}
        if len(sizes) == 1:
            self.size = sizes.pop()
        else:
            weights: Counter[float] = Counter()
            for word in words:
                weights[word.size] += len(word.text)
            self.size = weights.most_common(1)[0][0]
        self.bold = all(word.bold for word in words if word.text not in _BULLETS)


@dataclass
class _Cell:
    x0: float
    top: float
    x1: float
    bottom: float
    fill: str = ""
    words: list[_Word] = field(default_factory=list)
    # Its first and last lines, and how far right its text may reach: for joining its text
    # to the rest of the cell when the page cuts it.
    first: _Line | None = None
    last: _Line | None = None
    right: float = 0.0
    # Its right edge is a wall a word may be broken at: so in a ruled table, not in one
    # found by how its words line up.
    walled: bool = True
    # Its text was read by a rule of its own (a rule's code), where the plain reading differs.
    read_by: str = ""


@dataclass
class _PageTable:
    x0: float
    top: float
    x1: float
    bottom: float
    # The grid: the left edge of each column and the top of each row.
    xs: list[float]
    ys: list[float]
    cells: list[_Cell]
    rows: list[list[str]] = field(default_factory=list)
    fills: list[list[str]] = field(default_factory=list)
    # The cell whose text each place on the grid shows.
    shown: list[list[_Cell | None]] = field(default_factory=list)
    # The cell covering each place on the grid (row * columns + column).
    owner: dict[int, _Cell] = field(default_factory=dict)
    # Its last row is cut by the end of the page, and carries on at the top of the next.
    cut: bool = False
    # Found by how its words line up, with no ruling lines (pdf_aligned).
    aligned: bool = False
    # The codes of the rules that shaped it where the plain reading would not have.
    read_by: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        width = len(self.xs)
        for cell in self.cells:
            first_column, end_column = _span(self.xs, cell.x0, cell.x1)
            first_row, end_row = _span(self.ys, cell.top, cell.bottom)
            for row in range(first_row, end_row):
                for column in range(first_column, min(end_column, width)):
                    self.owner[row * width + column] = cell

    def cell_at(self, x: float, y: float) -> _Cell | None:
        if not (self.x0 <= x <= self.x1 and self.top <= y <= self.bottom):
            return None
        column = max(0, bisect.bisect_right(self.xs, x) - 1)
        row = max(0, bisect.bisect_right(self.ys, y) - 1)
        return self.owner.get(row * len(self.xs) + column)


@dataclass
class _Page:
    number: int
    width: float = 0.0
    height: float = 0.0
    lines: list[_Line] = field(default_factory=list)
    tables: list[_PageTable] = field(default_factory=list)
    chars: int = 0
    pictures: int = 0
    marks: int = 0  # characters of a watermark or stamp, left out


@dataclass
class _Shapes:
    edges: list[dict[str, Any]] = field(default_factory=list)
    # Filled boxes big enough to shade a cell: x0, top, x1, bottom and colour name, in the
    # order they were painted.
    fills: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    pictures: int = 0
    count: int = 0


# Coordinates


@dataclass
class _Geometry:
    """Turns PDF points (origin bottom left, y upwards) into the page as shown: origin top
    left, y downwards, after the page's rotation."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int

    @property
    def width(self) -> float:
        return self.right - self.left if self.rotation in (0, 180) else self.top - self.bottom

    @property
    def height(self) -> float:
        return self.top - self.bottom if self.rotation in (0, 180) else self.right - self.left

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """x0, top, x1, bottom of a box given by two corners."""
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _geometry(page: Any) -> _Geometry:
    left, bottom, right, top = page.get_cropbox()
    rotation = page.get_rotation() % 360
    return _Geometry(left, bottom, right, top, rotation if rotation in (90, 180, 270) else 0)


# Characters


def _text_of(code: int) -> str:
    """A character as text: bullets of every font as "•", nothing for spaces and for
    characters that name no letter (controls, symbol fonts' private ones)."""
    if code == 2:
        return "-"  # how PDFium gives a hyphen that ends a line
    if code <= 32 or code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
        return ""
    text = chr(code)
    if text in _BULLETS:
        return "•"
    if text.isspace() or 0xE000 <= code <= 0xF8FF:
        return ""
    return text


def _chars(textpage: Any, count: int, geometry: _Geometry) -> list[dict[str, Any]]:
    """The page's characters as pdfplumber's word extraction takes them. The spaces written
    in the PDF are kept, as word breaks; those PDFium guessed are not, as we judge gaps
    ourselves."""
    handle = textpage.raw
    unicode_of, box_of = pdfium.FPDFText_GetUnicode, pdfium.FPDFText_GetLooseCharBox
    angle_of, font_of = pdfium.FPDFText_GetCharAngle, pdfium.FPDFText_GetFontInfo
    generated, colour_of = pdfium.FPDFText_IsGenerated, pdfium.FPDFText_GetFillColor
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    box = pdfium.FS_RECTF()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.byref(ctypes.c_int())
    texts: dict[int, str] = {}
    bold_fonts: dict[bytes, bool] = {}
    turn = geometry.rotation // 90
    left, top_edge = geometry.left, geometry.top
    width, height = geometry.width + 5, geometry.height + 5
    quarter = math.pi / 2
    chars: list[dict[str, Any]] = []
    heights: dict[tuple[bytes, float], list[float]] = {}
    fonts: list[tuple[bytes, float]] = []
    for index in range(count):
        code = unicode_of(handle, index)
        text = texts.get(code)
        if text is None:
            text = texts[code] = _text_of(code)
        if not text:
            if code != 32 or generated(handle, index):
                continue
            text = " "
            if chars:
                chars[-1]["spaced"] = True
        if not box_of(handle, index, box):
            continue
        if turn:
            x0, top, x1, bottom = geometry.box(box.left, box.bottom, box.right, box.top)
        else:
            x0, x1 = box.left - left, box.right - left
            top, bottom = top_edge - box.top, top_edge - box.bottom
        if not (-5 < x0 <= x1 < width and -5 < top <= bottom < height):
            continue  # off the page, where no one sees it, or nowhere (damaged)
        angle = angle_of(handle, index)
        upright = (round(max(angle, 0.0) / quarter) + turn) % 4 == 0 if angle < 7 else True
        # How far the character is turned from the nearest right angle: text runs across,
        # up or down a page; a watermark or a stamp runs across it at a slant.
        slant = abs(angle - quarter * round(angle / quarter)) if 0.0 <= angle < 7 else 0.0
        faint = False
        if colour_of(handle, index, red, green, blue, alpha):
            shades = (red.value, green.value, blue.value)
            faint = alpha.value < _FAINT_ALPHA or _PALE <= min(shades) <= max(shades) < 250
        font_of(handle, index, name, 256, flags)
        font = name.value
        bold = bold_fonts.get(font)
        if bold is None:
            bold = bool(_BOLD_NAME.search(font.decode("latin-1").split("+")[-1]))
            bold = bold or pdfium.FPDFText_GetFontWeight(handle, index) >= 600
            bold_fonts[font] = bold
        tall = (bottom - top) if upright else (x1 - x0)
        font_size = float(pdfium.FPDFText_GetFontSize(handle, index) or tall)
        heights.setdefault((font, font_size), []).append(tall)
        fonts.append((font, font_size))
        chars.append(
            {
                "text": text,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "upright": upright,
                "size": 0.0,
                "bold": bold,
                "slanted": slant > _SLANT,
                "faint": faint,
            }
        )
    # Each character's size is its font's, as high as the font's usual box: the loose box of
    # a "g" or a "p" reaches lower in some PDFs (LibreOffice's), and words must not break
    # at them.
    usual = {key: min(found) for key, found in heights.items()}
    for char, key in zip(chars, fonts, strict=True):
        char["size"] = round(usual[key] * 2) / 2
    return chars


# A watermark or a stamp ("DRAFT", "OFFICIAL", "NOT FOR CIRCULATION") is drawn at a slant (more
# than _SLANT radians, about 10 degrees, from across, up or down the page), or in letters
# _MARK_SIZE times the size of the page's usual text, or faint: pale grey (each of red, green
# and blue at least _PALE of 255, short of white, which is for words on a dark band) or half
# transparent (_without_marks).
_SLANT = 0.18
_MARK_SIZE = 2.5
_PALE = 150
_FAINT_ALPHA = 128


def _without_marks(chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The page's characters without those of a watermark or a stamp, and how many those were.

    A mark is set apart from the words of the plan by how it is drawn, never by what it says:
    faint and turned (at a slant, or up or down the page, as a stamp in the margin runs), or
    large and either faint or at a slant. Small dark words at a slant or turned (the headings
    of narrow columns, turned 45 or 90 degrees) are kept, as are large dark titles and white
    words on a dark band.
    """
    sizes = Counter(char["size"] for char in chars if not char["text"].isspace())
    if not sizes:
        return chars, 0
    usual = sizes.most_common(1)[0][0]
    kept, marks = [], 0
    for char in chars:
        large = char["size"] >= _MARK_SIZE * usual
        turned = char["slanted"] or not char["upright"]
        if (turned and char["faint"]) or (large and (char["faint"] or char["slanted"])):
            marks += not char["text"].isspace()
            continue
        kept.append(char)
    return kept, marks


# Drawings


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    """A ruling line, as pdfplumber's table finder takes it."""
    horizontal = (x1 - x0) >= (bottom - top)
    if horizontal:
        middle = (top + bottom) / 2
        top = bottom = middle
    else:
        middle = (x0 + x1) / 2
        x0 = x1 = middle
    return {
        "object_type": "line",
        "orientation": "h" if horizontal else "v",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _box_edges(x0: float, top: float, x1: float, bottom: float) -> list[dict[str, Any]]:
    return [
        _edge(x0, top, x1, top),
        _edge(x0, bottom, x1, bottom),
        _edge(x0, top, x0, bottom),
        _edge(x1, top, x1, bottom),
    ]


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying `inner` and then `outer`."""
    a, b, c, d, e, f = inner
    ox, oy = _apply(outer, e, f)
    ax, ay = _apply(outer, a, b)
    cx, cy = _apply(outer, c, d)
    return (ax - outer[4], ay - outer[5], cx - outer[4], cy - outer[5], ox, oy)


class _Drawings:
    """Reads what is drawn on a page: the rules and boxes tables are made of, the filled boxes
    that shade cells, and pictures. Forms (drawings kept to be reused) are opened."""

    def __init__(self, geometry: _Geometry) -> None:
        self.geometry = geometry
        self.shapes = _Shapes()
        self.area = geometry.width * geometry.height
        # PDFium answers through these; made once, as each page has thousands of drawings.
        self.mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.corners = [ctypes.c_float() for _ in range(4)]
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.matrix = pdfium.FS_MATRIX()

    def read(self, page: Any) -> _Shapes:
        handle = page.raw
        count = pdfium.FPDFPage_CountObjects(handle)
        self._walk((pdfium.FPDFPage_GetObject(handle, i) for i in range(count)), None, 0)
        return self.shapes

    def _walk(self, handles: Iterable[Any], outer: Matrix | None, depth: int) -> None:
        shapes = self.shapes
        for handle in handles:
            shapes.count += 1
            if shapes.count > MAX_PAGE_SHAPES:
                return
            kind = pdfium.FPDFPageObj_GetType(handle)
            if kind == pdfium.FPDF_PAGEOBJ_PATH:
                self._path(handle, outer)
            elif kind == pdfium.FPDF_PAGEOBJ_IMAGE:
                shapes.pictures += 1
            elif kind == pdfium.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                inner = _then(self._object_matrix(handle), outer or _IDENTITY)
                count = pdfium.FPDFFormObj_CountObjects(handle)
                self._walk(
                    (pdfium.FPDFFormObj_GetObject(handle, i) for i in range(count)),
                    inner,
                    depth + 1,
                )

    def _object_matrix(self, handle: Any) -> Matrix:
        matrix = self.matrix
        if not pdfium.FPDFPageObj_GetMatrix(handle, matrix):
            return _IDENTITY
        return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)

    def _fill(self, handle: Any) -> tuple[int, int, int] | None:
        """The colour a drawing is filled with; None when it is invisible."""
        red, green, blue, alpha = self.rgba
        if not pdfium.FPDFPageObj_GetFillColor(handle, red, green, blue, alpha):
            return None
        return (red.value, green.value, blue.value) if alpha.value else None

    def _bounds(self, handle: Any, outer: Matrix | None) -> tuple[float, float, float, float]:
        """x0, top, x1, bottom of a drawing on the page; `outer` places one inside a form."""
        left, bottom, right, top = self.corners
        if not pdfium.FPDFPageObj_GetBounds(handle, left, bottom, right, top):
            return (0.0, 0.0, 0.0, 0.0)
        if outer is None:
            return self.geometry.box(left.value, bottom.value, right.value, top.value)
        corners = [
            _apply(outer, x, y)
            for x in (left.value, right.value)
            for y in (bottom.value, top.value)
        ]
        xs, ys = [x for x, _ in corners], [y for _, y in corners]
        return self.geometry.box(min(xs), min(ys), max(xs), max(ys))

    def _path(self, handle: Any, outer: Matrix | None) -> None:
        if not pdfium.FPDFPath_GetDrawMode(handle, self.mode, self.stroke):
            return
        filled, stroked = self.mode.value != 0, bool(self.stroke.value)
        if not filled and not stroked:
            return
        if pdfium.FPDFPath_CountSegments(handle) <= 5:
            # A line or a box, as nearly every rule and shaded cell is: its bounds say it all.
            self._box(*self._bounds(handle, outer), handle, filled)
            return
        matrix = _then(self._object_matrix(handle), outer or _IDENTITY)
        for points in self._subpaths(handle, matrix):
            pieces = [
                self.geometry.box(ax, ay, bx, by)
                for (ax, ay, _), (bx, by, straight) in itertools.pairwise(points)
                if straight
                and (abs(ax - bx) < 0.5 or abs(ay - by) < 0.5)
                and all(-1e5 < value < 1e5 for value in (ax, ay, bx, by))
            ]
            if filled and len(pieces) >= 3 and len(points) <= 6:
                x0 = min(piece[0] for piece in pieces)
                top = min(piece[1] for piece in pieces)
                x1 = max(piece[2] for piece in pieces)
                bottom = max(piece[3] for piece in pieces)
                self._box(x0, top, x1, bottom, handle, filled)
            elif stroked:
                self.shapes.edges.extend(_edge(*piece) for piece in pieces)

    def _subpaths(self, handle: Any, matrix: Matrix) -> list[list[tuple[float, float, bool]]]:
        """The path's parts, each a list of points (x, y, reached by a straight line)."""
        x, y = self.x, self.y
        subpaths: list[list[tuple[float, float, bool]]] = []
        for index in range(pdfium.FPDFPath_CountSegments(handle)):
            segment = pdfium.FPDFPath_GetPathSegment(handle, index)
            if not segment or not pdfium.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            kind = pdfium.FPDFPathSegment_GetType(segment)
            px, py = _apply(matrix, x.value, y.value)
            if kind == pdfium.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([(px, py, False)])
            else:
                subpaths[-1].append((px, py, kind == pdfium.FPDF_SEGMENT_LINETO))
            if pdfium.FPDFPathSegment_GetClose(segment):
                first = subpaths[-1][0]
                subpaths[-1].append((first[0], first[1], True))
        return subpaths

    def _box(
        self, x0: float, top: float, x1: float, bottom: float, handle: Any, filled: bool
    ) -> None:
        """A line drawn as a thin box, or a box: its sides may rule a table, and its colour
        shade a cell."""
        width, height = x1 - x0, bottom - top
        if not (0 <= width < 1e5 and 0 <= height < 1e5):
            return  # nowhere on the page: the file is damaged
        rgb = self._fill(handle) if filled else None
        light = rgb is None or min(rgb) > 235
        if width <= _THIN or height <= _THIN:
            # A rule, drawn as a line or as a thin box; a white one is a gap, not a rule.
            if max(width, height) > _THIN and (not filled or not light):
                self.shapes.edges.append(_edge(x0, top, x1, bottom))
            return
        if filled:
            if light or width * height > self.area / 2:
                return  # backgrounds and white boxes rule nothing
            colour = fill_colour("{:02X}{:02X}{:02X}".format(*rgb)) if rgb else ""
            if colour and width >= _MIN_CELL and height >= _MIN_CELL:
                self.shapes.fills.append((x0, top, x1, bottom, colour))
            # A shaded box's sides rule a table too, but are not drawn rules.
            self.shapes.edges.extend(
                {**edge, "shading": True} for edge in _box_edges(x0, top, x1, bottom)
            )
            return
        self.shapes.edges.extend(_box_edges(x0, top, x1, bottom))


# Tables


def _clustered(values: Iterable[float], tolerance: float = 1.0) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def _find_tables(shapes: _Shapes) -> list[_PageTable]:
    """Tables drawn with ruling lines, found by pdfplumber's table finder."""
    edges = plumber_tables.merge_edges(
        _joined_pieces(shapes.edges),
        snap_x_tolerance=3,
        snap_y_tolerance=3,
        join_x_tolerance=3,
        join_y_tolerance=3,
    )
    edges = [edge for edge in edges if max(edge["width"], edge["height"]) >= 3]
    if len(edges) > MAX_PAGE_EDGES:
        raise _TooMuchDrawing()
    drawn = [edge for edge in shapes.edges if edge["orientation"] == "h" and "shading" not in edge]
    closing = _closing_rules(edges, drawn)
    edges += closing
    intersections = plumber_tables.edges_to_intersections(edges, 3, 3)
    if len(intersections) > MAX_PAGE_CROSSINGS:
        raise _TooMuchDrawing()  # finding cells takes time growing with its square
    found = []
    for group in plumber_tables.cells_to_tables(_cells_at(intersections)):
        cells = [
            _Cell(*bbox)
            for bbox in group
            if bbox[2] - bbox[0] >= _MIN_CELL and bbox[3] - bbox[1] >= _MIN_CELL
        ]
        if len(cells) < 2:
            continue
        xs = _clustered(cell.x0 for cell in cells)
        ys = _clustered(cell.top for cell in cells)
        right = max(cell.x1 for cell in cells)
        bottom = max(cell.bottom for cell in cells)
        found.append(
            _PageTable(
                x0=min(cell.x0 for cell in cells),
                top=min(cell.top for cell in cells),
                x1=right,
                bottom=bottom,
                xs=xs,
                ys=ys,
                cells=cells,
            )
        )
    for table in found:
        _shade(table, shapes.fills)
        # A rule drawn right across its foot: every column ran on past the end of the page.
        table.cut = any(
            rule["closes"] == "bottom"
            and rule["whole"]
            and abs(rule["top"] - table.bottom) <= 3
            and rule["x0"] <= table.x0 + 3
            and rule["x1"] >= table.x1 - 3
            for rule in closing
        )
    return found


class _TooMuchDrawing(Exception):
    pass


_Point = tuple[float, float]
_Box = tuple[float, float, float, float]


def _cells_at(intersections: dict[_Point, dict[str, list[dict[str, Any]]]]) -> list[_Box]:
    """The smallest ruled cell whose top left corner is each crossing of rules: the cells
    pdfplumber's `intersections_to_cells` finds, in its order. It looks for the corners
    below and to the right of a crossing among every crossing after it, and makes sets of
    the rules through two crossings each time it asks whether one rule joins them; on a long
    plan's pages that was two thirds of the time finding its ruled tables took (0.27 s of
    CPU against 0.06 s here, on the 300-action benchmark's 24 pages). Here each crossing's
    rules are made into sets once, and the crossings below and to the right are those of its
    own column and row."""
    through = {
        point: tuple(
            {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges[side]} for side in ("v", "h")
        )
        for point, edges in intersections.items()
    }
    points = sorted(through)
    columns: dict[float, list[_Point]] = {}
    rows: dict[float, list[_Point]] = {}
    for point in points:
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    down = {point: column[i + 1 :] for column in columns.values() for i, point in enumerate(column)}
    across = {point: row[i + 1 :] for row in rows.values() for i, point in enumerate(row)}

    def joined(one: _Point, other: _Point, side: int) -> bool:
        return not through[one][side].isdisjoint(through[other][side])

    cells: list[_Box] = []
    for point in points:
        cell = next(
            (
                (point[0], point[1], right[0], below[1])
                for below in down[point]
                if joined(point, below, 0)
                for right in across[point]
                if joined(point, right, 1)
                and (right[0], below[1]) in through
                and joined((right[0], below[1]), right, 0)
                and joined((right[0], below[1]), below, 1)
            ),
            None,
        )
        if cell is not None:
            cells.append(cell)
    return cells


def _joined_pieces(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rules drawn in pieces along one line (a border drawn cell by cell) as one rule each.
    pdfplumber's merging does this too, and more, but one piece at a time: doing the plain
    cases first in bulk spares it most of the work."""
    joined: list[dict[str, Any]] = []
    for orientation, across, start, end, length in (
        ("h", "top", "x0", "x1", "width"),
        ("v", "x0", "top", "bottom", "height"),
    ):
        pieces = sorted(
            (edge for edge in edges if edge["orientation"] == orientation),
            key=lambda edge: (round(edge[across] * 2), edge[start]),
        )
        current: dict[str, Any] | None = None
        for edge in pieces:
            if (
                current is not None
                and round(current[across] * 2) == round(edge[across] * 2)
                and edge[start] <= current[end] + 1
            ):
                current[end] = max(current[end], edge[end])
                current[length] = current[end] - current[start]
                continue
            current = dict(edge)
            joined.append(current)
    return joined


def _closing_rules(
    edges: list[dict[str, Any]], drawn: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The rules a table broken by the end of a page leaves out: a row, or a cell merged down
    several rows, carried over to the next page is drawn without its bottom rule (or its top
    one, on the next page), so its column rules end with no rule across them. One is drawn
    where they end."""
    across = [edge for edge in edges if edge["orientation"] == "h"]
    down = [edge for edge in edges if edge["orientation"] == "v"]
    if not across or len(down) < 2:
        return []

    def met(x: float, y: float, rules: list[dict[str, Any]] = across) -> bool:
        return any(
            abs(rule["top"] - y) <= 3 and rule["x0"] - 3 <= x <= rule["x1"] + 3 for rule in rules
        )

    added = []
    for end in ("bottom", "top"):
        ends = sorted((edge[end], edge["x0"]) for edge in down)
        while ends:
            # The column rules ending at one height: if any ends in the air, rule across them.
            y = ends[0][0]
            group = [x for at, x in ends if at - y <= 3]
            ends = ends[len(group) :]
            if len(group) >= 2 and not all(met(x, y) for x in group):
                # "whole" when no column has a rule drawn there (a shaded cell's side is not
                # one): a row cut by the page break, not a cell merged down a column.
                rule = _edge(min(group), y, max(group), y)
                whole = not any(met(x, y, drawn) for x in group)
                added.append({**rule, "closes": end, "whole": whole})
    return added


def _shade(table: _PageTable, fills: list[tuple[float, float, float, float, str]]) -> None:
    """Each cell takes the colour of the last filled box painted over most of it."""
    width = len(table.xs)
    for x0, top, x1, bottom, colour in fills:
        if x1 <= table.x0 or x0 >= table.x1 or bottom <= table.top or top >= table.bottom:
            continue
        first_column, end_column = _span(table.xs, x0, x1)
        first_row, end_row = _span(table.ys, top, bottom)
        under = {
            id(cell): cell
            for row in range(first_row, end_row)
            for column in range(first_column, min(end_column, width))
            if (cell := table.owner.get(row * width + column)) is not None
        }
        for cell in under.values():
            overlap = (min(x1, cell.x1) - max(x0, cell.x0)) * (
                min(bottom, cell.bottom) - max(top, cell.top)
            )
            if overlap >= 0.5 * (cell.x1 - cell.x0) * (cell.bottom - cell.top):
                cell.fill = colour


def _span(values: list[float], low: float, high: float) -> tuple[int, int]:
    """The first grid index a cell starts in and the index after its last."""
    first = max(0, bisect.bisect_right(values, low + 1.0) - 1)
    last = max(first + 1, bisect.bisect_left(values, high - 1.0))
    return first, last


def _grid(table: _PageTable) -> None:
    """The table's rows on its grid. A cell merged across columns gives its text once; a cell
    merged down repeats its text in each row it covers, as the Word reader does, since the
    lead or priority it holds applies to every row. Shading is kept only for cells without
    words: those are the ratings."""
    width, height = len(table.xs), len(table.ys)
    texts: list[list[str]] = [[""] * width for _ in range(height)]
    fills: list[list[str]] = [[""] * width for _ in range(height)]
    shown: list[list[_Cell | None]] = [[None] * width for _ in range(height)]
    for cell in table.cells:
        first_column, end_column = _span(table.xs, cell.x0, cell.x1)
        first_row, end_row = _span(table.ys, cell.top, cell.bottom)
        text = _cell_text(cell)
        if cell.read_by and cell.read_by not in table.read_by:
            table.read_by.append(cell.read_by)
        for row in range(first_row, min(end_row, height)):
            if first_column < width:
                texts[row][first_column] = text
                shown[row][first_column] = cell
            for column in range(first_column, min(end_column, width)):
                fills[row][column] = "" if text else cell.fill
    table.rows, table.fills, table.shown = texts, fills, shown


# Words and lines


def _word_from(chars: list[dict[str, Any]]) -> _Word:
    return _Word(
        text="".join(char["text"] for char in chars),
        x0=min(char["x0"] for char in chars),
        x1=max(char["x1"] for char in chars),
        top=min(char["top"] for char in chars),
        bottom=max(char["bottom"] for char in chars),
        size=chars[0]["size"],
        bold=chars[0]["bold"],
        spaced=bool(chars[-1].get("spaced")),
    )


def _shaded_column(
    table: _PageTable, fills: list[tuple[float, float, float, float, str]], width: float
) -> bool:
    """Whether a ruled table is only a narrow column of shaded boxes: its sides are the
    boxes' sides, and a box fills one of its cells at least (a cell left white, "Not
    started", takes its top and bottom from the boxes above and below it)."""
    if len(table.xs) != 1 or (table.x1 - table.x0) > 0.4 * width:
        return False
    sides = [
        (top, bottom)
        for x0, top, x1, bottom, _ in fills
        if abs(x0 - table.x0) <= 1.5 and abs(x1 - table.x1) <= 1.5
    ]
    return any(
        abs(top - cell.top) <= 1.5 and abs(bottom - cell.bottom) <= 1.5
        for cell in table.cells
        for top, bottom in sides
    )


def _shaded_band(
    table: _PageTable,
    fills: list[tuple[float, float, float, float, str]],
    chars: list[dict[str, Any]],
) -> bool:
    """Whether a ruled table is only shaded boxes side by side, with no words in it: at least
    half its cells are each a filled box (the others white between them, taking their sides
    from the boxes around), and no character is drawn inside it."""
    if len(table.cells) < 2:
        return False
    # Words in it settle it first: a ruled table of a plan has them, and finding one is
    # cheaper than matching every cell against every box.
    if any(
        table.x0 + 1 < (char["x0"] + char["x1"]) / 2 < table.x1 - 1
        and table.top + 1 < (char["top"] + char["bottom"]) / 2 < table.bottom - 1
        for char in chars
        if not char["text"].isspace()
    ):
        return False
    boxes = [(x0, top, x1, bottom) for x0, top, x1, bottom, _ in fills]
    filled = sum(
        any(
            abs(x0 - cell.x0) <= 1.5
            and abs(x1 - cell.x1) <= 1.5
            and abs(top - cell.top) <= 1.5
            and abs(bottom - cell.bottom) <= 1.5
            for x0, top, x1, bottom in boxes
        )
        for cell in table.cells
    )
    return 2 * filled >= len(table.cells)


def _overlaps(one: _PageTable, other: _PageTable) -> bool:
    return (
        one.x0 < other.x1
        and other.x0 < one.x1
        and one.top < other.bottom
        and other.top < one.bottom
    )


def _words_in_holes(tables: list[_PageTable], words: list[_Word]) -> list[_Word]:
    """Words inside a ruled table's frame but in no cell drawn (rules between columns left
    out under a shaded heading row, only the rating column shaded) given to the place on the
    table's grid they sit in, as a cell of their own; the words still outside tables."""
    outside: list[_Word] = []
    for word in words:
        x, y = word.x0 + min(1.0, (word.x1 - word.x0) / 2), (word.top + word.bottom) / 2
        table = next((t for t in tables if t.x0 <= x <= t.x1 and t.top <= y <= t.bottom), None)
        if table is None:
            outside.append(word)
            continue
        column = max(0, bisect.bisect_right(table.xs, x) - 1)
        row = max(0, bisect.bisect_right(table.ys, y) - 1)
        place = row * len(table.xs) + column
        cell = table.owner.get(place)
        if cell is None:
            rights = [*table.xs[1:], table.x1]
            bottoms = [*table.ys[1:], table.bottom]
            cell = _Cell(table.xs[column], table.ys[row], rights[column], bottoms[row])
            table.cells.append(cell)
            table.owner[place] = cell
            if HOLES_FILLED.code not in table.read_by:
                table.read_by.append(HOLES_FILLED.code)
        cell.words.append(word)
    return outside


def _cell_of(tables: list[_PageTable], x: float, y: float) -> _Cell | None:
    for table in tables:
        cell = table.cell_at(x, y)
        if cell is not None:
            return cell
    return None


def _put(
    word: _Word, chars: list[dict[str, Any]], tables: list[_PageTable], outside: list[_Word]
) -> None:
    """Give a word to the cell it is in, or to the text outside tables. A word that runs over
    a cell's border (cells set tight together) is cut there."""
    if not tables:
        outside.append(word)
        return
    middle = (word.top + word.bottom) / 2
    inset = min(1.0, (word.x1 - word.x0) / 2)
    starts = _cell_of(tables, word.x0 + inset, middle)
    if starts is _cell_of(tables, word.x1 - inset, middle):
        # Both ends in one cell (or both outside tables): the whole word is.
        (outside if starts is None else starts.words).append(word)
        return
    pieces: list[tuple[_Cell | None, list[dict[str, Any]]]] = []
    for char in sorted(chars, key=lambda c: c["x0"]):
        owner = _cell_of(tables, (char["x0"] + char["x1"]) / 2, middle)
        if pieces and pieces[-1][0] is owner:
            pieces[-1][1].append(char)
        else:
            pieces.append((owner, [char]))
    for owner, part in pieces:
        (outside if owner is None else owner.words).append(_word_from(part))


def _place_words(chars: list[dict[str, Any]], tables: list[_PageTable]) -> list[_Word]:
    """Read the page's characters into words, give each table cell its words, and return
    the words outside tables."""
    outside: list[_Word] = []
    found = extract_words(
        [char for char in chars if char["upright"]],
        x_tolerance_ratio=_WORD_GAP,
        y_tolerance=_LINE_TOLERANCE,
        keep_blank_chars=False,
        extra_attrs=["size", "bold"],
        return_chars=True,
    )
    for word in found:
        _put(_word_of(word), word["chars"], tables, outside)
    for turned in _turned_runs([char for char in chars if not char["upright"]]):
        _put(_word_from(turned), turned, tables, outside)
    return outside


def _word_of(found: dict[str, Any]) -> _Word:
    return _Word(
        text=found["text"],
        x0=found["x0"],
        x1=found["x1"],
        top=found["top"],
        bottom=found["bottom"],
        size=found["size"],
        bold=found["bold"],
        spaced=bool(found["chars"][-1].get("spaced")),
    )


def _turned_runs(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Text turned on its side (the headings of narrow columns): its characters in the order
    they were written, a word ending at a space."""
    runs: list[list[dict[str, Any]]] = [[]]
    for char in chars:
        if char["text"].isspace():
            runs.append([])
        else:
            runs[-1].append(char)
    return [run for run in runs if run]


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words on the same line of the page, top to bottom, each line left to right."""
    rows: list[list[_Word]] = []
    top = bottom = 0.0
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows:
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(bottom - top, word.bottom - word.top):
                rows[-1].append(word)
                bottom = max(bottom, word.bottom)
                continue
        rows.append([word])
        top, bottom = word.top, word.bottom
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


def _lines(words: list[_Word]) -> list[_Line]:
    """Lines of text, each line of the page split where a wide gap sets columns apart."""
    lines = []
    for number, row in enumerate(_rows(words)):
        top = min(word.top for word in row)
        start = 0
        for index in range(1, len(row) + 1):
            if index < len(row):
                gap = row[index].x0 - row[index - 1].x1
                if gap <= _COLUMN_GAP * max(row[index].size, row[index - 1].size):
                    continue
            lines.append(_Line(words=row[start:index], row=number, row_top=top))
            start = index
    return lines


def _wrapped(previous: _Line, line: _Line, right: float) -> bool:
    """Whether `line` carries on `previous`, wrapped where its first word would not fit."""
    if _ITEM_START.match(line.text):
        return False
    first = line.words[0]
    space = 0.3 * previous.size
    if previous.x1 + space + (first.x1 - first.x0) > right - 1:
        return True
    return line.text[:1].islower() and not _ends_sentence(previous.text)


def _joined(lines: list[_Line], right: float, *, in_cell: bool = False, walled: bool = True) -> str:
    """Lines as text: a line that wrapped joined to the one before by a space, other line
    breaks kept. In a cell, a sentence ending at the end of a line and the next starting a
    line are taken to be lines of their own, as the items of a cell usually are."""
    text = lines[0].text
    pieces = Counter(line.row for line in lines)
    for previous, line in itertools.pairwise(lines):
        if line.row == previous.row:
            text += "\t" + line.text
        elif pieces[previous.row] > 1 and pieces[line.row] > 1:
            # Rows of a table drawn without rules: a row of columns apart from the next.
            text += "\n" + line.text
        elif _hyphenated(previous, line):
            text = text[:-1] + line.text  # "Oc‐" and "tober": a word hyphenated at a line's end
        elif not _wrapped(previous, line, right) or (
            in_cell and _ends_sentence(previous.text) and not line.text[:1].islower()
        ):
            text += "\n" + line.text
        elif text.endswith(("-", "/", _HYPHEN)) and text[-2:-1].isalnum():
            text += line.text  # "well-" and "being", "Goodfellow/" and "SC SDM"
        elif in_cell and walled and _broken_word(previous, line, right):
            text += line.text  # "Comp" and "leted": a word too long for a narrow column
        else:
            text += " " + line.text
    return text


# The hyphen a typesetter puts where it breaks a word at the end of a line (Unicode's own
# hyphen, or a soft hyphen shown): unlike a hyphen typed in a word ("well-being"), it is not
# part of the word, and is left out when the word is joined again.
_HYPHEN = "\u2010"
_HYPHENATED = re.compile("[^\\W\\d_][\u2010\u00ad]$")


def _hyphenated(line: _Line, after: _Line) -> bool:
    """Whether a typesetter broke a word across the two lines: the first ends in a letter and
    its hyphen, and the next goes on in lower case."""
    return bool(_HYPHENATED.search(line.text)) and after.text[:1].islower()


def _broken_word(previous: _Line, line: _Line, right: float) -> bool:
    """Whether a word too long for its column was broken across two lines ("Progr" /
    "essin" / "g but"): the line before is one word, cut after a letter so close to the
    column's edge that not even the next line's first letter would have fitted, and the line
    after goes on in lower case. (A line that wrapped between words ends anywhere short of
    the edge by up to a space and the next word.)"""
    last, first = previous.words[-1], line.words[0]
    letter = (first.x1 - first.x0) / max(len(first.text), 1)
    return (
        len(previous.words) == 1
        and not last.spaced
        and last.text[-1:].isalpha()
        and line.text[:1].islower()
        and right - previous.x1 < letter + 0.5
    )


def _ends_sentence(text: str) -> bool:
    return text.endswith((".", ":", ";", "?", "!"))


def _cell_text(cell: _Cell) -> str:
    if not cell.words:
        return ""
    lines = [_Line(words=row, row=number) for number, row in enumerate(_rows(cell.words))]
    padding = min(max(0.0, min(line.x0 for line in lines) - cell.x0), 10.0)
    cell.first, cell.last, cell.right = lines[0], lines[-1], cell.x1 - padding
    text = clean_cell(_joined(lines, cell.right, in_cell=True, walled=cell.walled))
    if not cell.walled and text != clean_cell(_joined(lines, cell.right, in_cell=True)):
        cell.read_by = UNRULED_WORD_BREAKS.code
    elif any(_hyphenated(line, after) for line, after in itertools.pairwise(lines)):
        cell.read_by = HYPHENATED_WORDS.code
    return text


# Pages


@dataclass
class _Drawn:
    """A page as drawn, before it is read: its characters and shapes. `left_out` when the
    page could not be read at all (damaged, or far too much text): it reads as empty."""

    page: _Page
    chars: list[dict[str, Any]] = field(default_factory=list)
    shapes: _Shapes = field(default_factory=_Shapes)
    left_out: bool = False
    _outline: pdf_beside.Outline | None = None

    @property
    def outline(self) -> pdf_beside.Outline:
        if self._outline is None:
            self._outline = pdf_beside.outline(self.chars, self.page.width)
        return self._outline


def _draw_page(document: Any, index: int, notes: list[str]) -> _Drawn:
    number = index + 1
    try:
        page = document[index]
    except pypdfium2.PdfiumError:
        notes.append(f"Left out page {number}: it is damaged and could not be read.")
        return _Drawn(_Page(number=number), left_out=True)
    try:
        geometry = _geometry(page)
        result = _Page(number=number, width=geometry.width, height=geometry.height)
        try:
            textpage = page.get_textpage()
        except pypdfium2.PdfiumError:
            notes.append(f"Left out page {number}: its text is damaged and could not be read.")
            return _Drawn(result, left_out=True)
        try:
            count = pdfium.FPDFText_CountChars(textpage.raw)
            if count > MAX_PAGE_CHARS:
                notes.append(
                    f"Left out page {number}: it holds far more text than a page of a plan "
                    f"would ({count:,} characters)."
                )
                return _Drawn(result, left_out=True)
            chars, result.marks = _without_marks(_chars(textpage, count, geometry))
        finally:
            textpage.close()
        shapes = _Drawings(geometry).read(page)
    finally:
        page.close()
    result.chars = sum(1 for char in chars if not char["text"].isspace())
    result.pictures = shapes.pictures
    return _Drawn(result, chars, shapes)


def _read_page(drawn: _Drawn, notes: list[str]) -> _Page:
    """The page's tables and its lines outside them."""
    result, chars, shapes = drawn.page, drawn.chars, drawn.shapes
    if drawn.left_out:
        return result
    number = result.number
    result.tables, result.lines = [], []
    tables: list[_PageTable] = []
    if shapes.count > MAX_PAGE_SHAPES:
        notes.append(_UNRULED.format(number=number))
    else:
        try:
            tables = _find_tables(shapes)
        except _TooMuchDrawing:
            notes.append(_UNRULED.format(number=number))
    # A narrow column of shaded boxes alone (the ratings of a table drawn without rules,
    # each cell filled in its colour) is no table of its own: its words are the table's.
    column = [table for table in tables if _shaded_column(table, shapes.fills, result.width)]
    # So is a block of shaded boxes with no words in it, as a spreadsheet printed without
    # gridlines draws its coloured cells (a rating per quarter): they shade the cells of the
    # table drawn without rules that they lie in, where there is one.
    band = [
        table
        for table in tables
        if table not in column and _shaded_band(table, shapes.fills, chars)
    ]
    tables = [table for table in tables if table not in column and table not in band]
    aligned, outside, tables = _tables_and_words(chars, tables, shapes)
    if column:
        for table in aligned:
            _shade(table, shapes.fills)
            table.read_by.append(SHADED_COLUMN.code)
    for shaded in band:
        under = [table for table in aligned if _overlaps(table, shaded)]
        if not under:
            tables.append(shaded)
        for table in under:
            _shade(table, shapes.fills)
            if SHADED_BAND.code not in table.read_by:
                table.read_by.append(SHADED_BAND.code)
    tables += aligned
    for table in tables:
        _grid(table)
    result.tables = [
        table
        for table in tables
        if any(any(row) for row in table.rows) or any(any(row) for row in table.fills)
    ]
    result.lines = _lines(outside)
    return result


def _tables_and_words(
    chars: list[dict[str, Any]], tables: list[_PageTable], shapes: _Shapes
) -> tuple[list[_PageTable], list[_Word], list[_PageTable]]:
    """The tables without rules among the words outside the ruled tables, the words outside
    all tables, and the ruled tables kept. A table the page draws only as shaded boxes (no
    line drawn in it: a heading row and rating cells filled in colour) whose words line up
    in more columns than its boxes part is read as a table without rules that the boxes
    shade (SHADED_NOT_RULED); else its words go to the places on its grid they lie in."""
    loose = [table for table in tables if not _drawn_lines(table, shapes.edges)]
    if loose:
        ruled = [table for table in tables if table not in loose]
        words = _words_in_holes(ruled, _place_words(chars, ruled))
        # The words' own columns, before the boxes' sides part any more of them.
        aligned, _ = _aligned_tables(words, shapes)
        if all(
            any(_overlaps(table, box) and len(table.xs) > len(box.xs) for table in aligned)
            for box in loose
        ):
            sides = sorted({x for box in loose for x in box.xs[1:]})
            aligned, outside = _aligned_tables(words, shapes, sides)
            for table in aligned:
                if any(_overlaps(table, box) for box in loose):
                    _shade(table, shapes.fills)
                    table.read_by.append(SHADED_NOT_RULED.code)
            return aligned, outside, ruled
        for table in ruled:
            for cell in table.cells:
                cell.words.clear()
    outside = _words_in_holes(tables, _place_words(chars, tables))
    aligned, outside = _aligned_tables(outside, shapes)
    return aligned, outside, tables


def _drawn_lines(table: _PageTable, edges: list[dict[str, Any]]) -> bool:
    """Whether a line is drawn on a table's frame or inside it, not only shaded boxes."""
    return any(
        "shading" not in edge
        and edge["x0"] <= table.x1 + 1
        and edge["x1"] >= table.x0 - 1
        and edge["top"] <= table.bottom + 1
        and edge["bottom"] >= table.top - 1
        for edge in edges
    )


def _aligned_tables(
    words: list[_Word], shapes: _Shapes, splits: Sequence[float] = ()
) -> tuple[list[_PageTable], list[_Word]]:
    """Tables set out without ruling lines among the words outside ruled tables, with their
    words given to their cells, and the words left outside them; a column starts at each of
    splits inside a table that no word runs across (pdf_aligned.split)."""
    lines = _lines(words)
    pieces = [
        pdf_aligned.Piece(word.x0, word.x1, word.top, word.bottom, word.size, line.row)
        for line in lines
        for word in line.words
    ]
    # A rule drawn cell by cell, in pieces, is one rule across the table.
    rules = [
        (edge["top"], edge["x0"], edge["x1"])
        for edge in _joined_pieces(
            [e for e in shapes.edges if e["orientation"] == "h" and "shading" not in e]
        )
    ]
    grids = pdf_aligned.find(pieces, rules)
    if not grids:
        return [], words
    if splits:
        grids = [pdf_aligned.split(grid, splits, pieces) for grid in grids]
    tables = []
    for grid in grids:
        bottoms = [*grid.ys[1:], grid.bottom]
        # A cell ends where the text of its column ends, not where the next starts: a line
        # that stops short of that wrapped no word.
        cells = [
            _Cell(x0, top, x1 + 0.5, bottom)
            for top, bottom in zip(grid.ys, bottoms, strict=True)
            for x0, x1 in zip(grid.xs, grid.rights, strict=True)
        ]
        tables.append(
            _PageTable(
                x0=grid.x0, top=grid.top, x1=grid.x1, bottom=grid.bottom,
                xs=list(grid.xs), ys=list(grid.ys), cells=cells, aligned=True,
                read_by=list(grid.read_by),
            )
        )  # fmt: skip
    # A right-aligned column's words end where the next column's may follow closer than a
    # gutter (UNRULED_RIGHT_ALIGNED): runs of words part there.
    edges = [edge for grid in grids for edge in grid.edges]
    # So do words where a column starts that a cell before it runs closer to than a gutter
    # (UNRULED_CLOSE_COLUMN).
    close = [x for grid in grids for x in grid.close]
    outside: list[_Word] = []
    for line in lines:
        # Words closer together than a gutter go together to the cell the first of them is
        # in: a heading merged across columns is the first column's.
        runs: list[list[_Word]] = []
        for word in line.words:
            if (
                runs
                and word.x0 - runs[-1][-1].x1 < pdf_aligned.GUTTER * word.size
                and not any(abs(runs[-1][-1].x1 - edge) <= _EDGE for edge in edges)
                and not any(
                    runs[-1][-1].x1 - pdf_aligned.CLOSE_ALIGN
                    <= x
                    <= word.x0 + pdf_aligned.CLOSE_ALIGN
                    for x in close
                )
            ):
                runs[-1].append(word)
            else:
                runs.append([word])
        for run in runs:
            first = run[0]
            cell = _cell_of(tables, first.x0 + 0.5, (first.top + first.bottom) / 2)
            (outside if cell is None else cell.words).extend(run)
    for table in tables:
        # Where a column of a table without rules ends is only where its longest line ends,
        # which says nothing of that line's last word having been cut ("Portfolio" over
        # "holder" is two words): its lines are joined between words.
        for cell in table.cells:
            cell.walled = False
    return tables, outside


_UNRULED = (
    "Read page {number} without looking for tables: it has more drawn on it than a page of a "
    "plan would."
)


def _run_on(left: _Drawn, right: _Drawn, notes: list[str]) -> tuple[_Drawn, _Page] | None:
    """A page holding nothing but the ends of the page before's long lines, cut at its edge
    (a sheet's notes in long lines, printed as left), read as part of that page, each end
    after the start of its line. None for any other page."""
    if left.left_out or right.left_out:
        return None
    if not pdf_beside.run_on_only(right.chars, right.page.width):
        return None
    over = pdf_beside.carried_over(left.chars, left.page.width, right.chars)
    if not over:
        return None
    chars = left.chars + [
        {**char, "x0": char["x0"] + moved, "x1": char["x1"] + moved}
        for char in right.chars
        for moved in [over.get(id(char))]
        if moved is not None
    ]
    page = _Page(
        number=left.page.number,
        width=max(left.page.width, max(char["x1"] for char in chars)),
        height=left.page.height,
        chars=left.page.chars + right.page.chars,
        pictures=left.page.pictures + right.page.pictures,
        marks=left.page.marks + right.page.marks,
    )
    joined = _Drawn(page, chars, left.shapes)
    return joined, _read_page(joined, notes)


def _side_by_side(
    left: _Drawn, read: _Page, right: _Drawn, notes: list[str]
) -> tuple[_Drawn, _Page] | None:
    """The page after a page of a sheet's first columns, set beside it where it holds the
    next columns of the same rows (`pdf_beside`): kept only where the two side by side make a
    table across both that neither made alone. None where they stand apart."""
    if left.left_out or right.left_out or abs(left.page.height - right.page.height) > 1:
        return None
    # Only sheets printed without rules: a ruled table carried on down the next page (a Word
    # table) has its rows at the same heights too.
    if any(not table.aligned for table in read.tables):
        return None
    if not (read.lines or read.tables) or not pdf_beside.beside(left.outline, right.outline):
        return None
    by = pdf_beside.seam(left.chars, left.page.width, right.chars, right.page.width)
    over = pdf_beside.carried_over(left.chars, left.page.width, right.chars)
    chars = left.chars + [
        {**char, "x0": char["x0"] + moved, "x1": char["x1"] + moved}
        for char in right.chars
        for moved in [over.get(id(char), by)]
        if moved is not None
    ]
    shapes = _Shapes(
        edges=left.shapes.edges + [pdf_beside.moved(edge, by) for edge in right.shapes.edges],
        fills=left.shapes.fills
        + [
            (x0 + by, top, x1 + by, bottom, colour)
            for x0, top, x1, bottom, colour in right.shapes.fills
        ],
        pictures=left.shapes.pictures + right.shapes.pictures,
        count=left.shapes.count + right.shapes.count,
    )
    page = _Page(
        number=left.page.number,
        width=by + right.page.width,
        height=left.page.height,
        chars=left.page.chars + right.page.chars,
        pictures=left.page.pictures + right.page.pictures,
        marks=left.page.marks + right.page.marks,
    )
    joined = _Drawn(page, chars, shapes)
    trial: list[str] = []
    both = _read_page(joined, trial)
    seam = pdf_beside.start(right.chars, right.page.width) + by
    across = [table for table in both.tables if table.aligned and _across(table, seam)]
    if not across or any(not table.aligned for table in both.tables):
        return None
    if any(_refs_together(table) for table in across):
        # Rows whose cells stand at different heights (some at the top of the row, some at
        # its foot) ran together: the pages alone read better.
        return None
    for table in across:
        table.read_by.append(PAGES_BESIDE.code)
    notes.extend(trial)
    return joined, both


def _refs_together(table: _PageTable) -> bool:
    """Whether a cell of a table's first column is two or more short words apart, each a
    line of its own: the refs of two rows run together, or the headings of its first two
    columns ("Ref", "Action")."""
    for row in table.shown:
        cell = row[0] if row else None
        if cell is None or not cell.words:
            continue
        lines = _lines(cell.words)
        if len(lines) >= 2 and all(
            len(line.words) == 1 and len(line.text) <= _REF_CHARS for line in lines
        ):
            return True
    return False


# A word ends at a right-aligned column's edge within this many points.
_EDGE = 0.75
# A row's ref ("1.2", "P3a") is one word of at most this many characters.
_REF_CHARS = 6


def _across(table: _PageTable, seam: float) -> bool:
    """Whether a table has columns both sides of the seam, at least three in all, and rows
    with words on both sides."""
    if len(table.xs) < 3 or not any(x < seam - 1 for x in table.xs):
        return False
    if not any(x >= seam - 1 for x in table.xs):
        return False
    both = 0
    for row in table.shown:
        words = [cell for cell in row if cell is not None and cell.words]
        if any(cell.x0 < seam - 1 for cell in words) and any(cell.x0 >= seam - 1 for cell in words):
            both += 1
    return both >= 2


# The document


def _furniture(pages: list[_Page]) -> set[int]:
    """The lines that are page furniture (by id): page numbers and protective markings
    ("OFFICIAL") at the top or foot of a page, and lines there repeated, numbers aside, on
    at least half the pages. Only lines no larger
    than the body text are furniture, so a theme's heading at the top of each page stays, and
    so does the title on the cover when it is repeated smaller as a running header."""
    found: set[int] = set()
    weights: Counter[float] = Counter()
    groups: dict[tuple[bool, str], list[tuple[int, _Line]]] = {}
    for page in pages:
        for line in page.lines:
            weights[line.size] += len(line.text)
            at_top = line.top < _MARGIN_ZONE * page.height
            if not at_top and line.bottom < (1 - _MARGIN_ZONE) * page.height:
                continue
            if _PAGE_NUMBER.match(line.text.strip()) or _MARKING.match(line.text.strip()):
                found.add(id(line))
                continue
            key = re.sub(r"\d+", "#", comparable(line.text))
            if key:
                groups.setdefault((at_top, key), []).append((page.number, line))
    if not groups:
        return found
    typical = _weighted_median(weights)
    enough = max(2, math.ceil(sum(1 for page in pages if page.chars) / 2))
    for occurrences in groups.values():
        if len({number for number, _ in occurrences}) < enough:
            continue
        usual = statistics.median(line.size for _, line in occurrences)
        for _, line in occurrences:
            if line.size <= usual + 0.5 and line.size < typical * _HEADING_GROWTH:
                found.add(id(line))
    return found


def _weighted_median(weights: Counter[float]) -> float:
    half = sum(weights.values()) / 2
    running = 0
    for value in sorted(weights):
        running += weights[value]
        if running >= half:
            return value
    return 0.0


@dataclass
class _Item:
    """A line or a table, placed on its page for putting in reading order."""

    top: float
    x0: float
    x1: float
    line: _Line | None = None
    table: _PageTable | None = None


def _gutter(lines: list[_Line], width: float) -> tuple[float, float] | None:
    """The gap between two columns of text, when the page is set in two: a band down the
    middle that no line crosses, with several lines on each side, the left ones mostly
    running right up to it."""
    if len(lines) < 12:
        return None
    low, high = 0.3 * width, 0.7 * width
    spans = sorted(
        (max(line.x0, low), min(line.x1, high))
        for line in lines
        if line.x1 - line.x0 < 0.48 * width and line.x1 > low and line.x0 < high
    )
    best: tuple[float, float] | None = None
    reach = low
    for start, end in [*spans, (high, high)]:
        if start - reach >= 6 and (best is None or start - reach > best[1] - best[0]):
            best = (reach, start)
        reach = max(reach, end)
    if best is None:
        return None
    left = [line for line in lines if line.x1 <= best[0]]
    right = [line for line in lines if line.x0 >= best[1]]
    if len(left) < 6 or len(right) < 6:
        return None
    side_by_side = min(line.top for line in right) < max(line.bottom for line in left)
    if not side_by_side or not (_prose_column(left) and _prose_column(right)):
        return None
    return best


def _prose_column(lines: list[_Line]) -> bool:
    """Whether lines look like a column of running text: most start at one margin and a good
    share run on to the other, unlike the columns of a table drawn without rules."""
    margin = Counter(round(line.x0 / 3) for line in lines).most_common(1)[0][1]
    edge = max(line.x1 for line in lines)
    start = min(line.x0 for line in lines)
    full = sum(1 for line in lines if line.x1 >= edge - 0.15 * (edge - start))
    return margin * 5 >= len(lines) * 3 and full * 3 >= len(lines)


def _reading_order(items: list[_Item], gutter: tuple[float, float] | None) -> list[_Item]:
    """Top to bottom; on a page in two columns, the left column and then the right between
    each thing that spans both."""
    if gutter is None:
        return sorted(items, key=lambda item: (item.top, item.x0))
    middle = sum(gutter) / 2
    spanning = sorted(
        (item for item in items if item.x0 < gutter[0] and item.x1 > gutter[1]),
        key=lambda item: item.top,
    )
    others = [item for item in items if not (item.x0 < gutter[0] and item.x1 > gutter[1])]
    ordered: list[_Item] = []
    above = -math.inf
    for across in [*spanning, None]:
        below = across.top if across is not None else math.inf
        band = [item for item in others if above <= item.top < below]
        ordered.extend(sorted((i for i in band if i.x0 < middle), key=lambda i: (i.top, i.x0)))
        ordered.extend(sorted((i for i in band if i.x0 >= middle), key=lambda i: (i.top, i.x0)))
        if across is not None:
            ordered.append(across)
            above = across.top
    return ordered


@dataclass
class _Pending:
    """A table read off a page, kept while the next page is read: it may carry on there."""

    block: Table
    xs: list[float]
    right: float
    page: int
    cut: bool = False
    bottom: float = 0.0
    # The cells shown in its last row.
    last: list[_Cell | None] = field(default_factory=list)


class _Layout:
    """The blocks of the whole document, read page by page with what holds across pages: the
    furniture repeated on them, the size of the body text, and tables carried over."""

    def __init__(self, pages: list[_Page]) -> None:
        self.pages = pages
        self.furniture = _furniture(pages)
        lines = [line for page in pages for line in page.lines if id(line) not in self.furniture]
        self.body = self._body_size(pages, lines)
        plain = [line for line in lines if line.size <= self.body + 0.5]
        self.bold_body = bool(plain) and sum(line.bold for line in plain) * 2 > len(plain)
        larger = {
            round(line.size)
            for line in lines
            if self.body and self._larger(line) and len(line.text.split()) <= _MAX_HEADING_WORDS
        }
        self.heading_sizes = sorted(larger, reverse=True)
        self.leading = self._usual_gap(pages)
        self.blocks: list[Block] = []
        self.pending: _Pending | None = None
        # The lines that head a card of a poster or a slide (Heading.card).
        self.card_heads: set[int] = set()
        # The first lines of headings read by _wide_heading.
        self.wide_heads: set[int] = set()
        # The table last put among the blocks, with its columns.
        self.flushed: _Pending | None = None

    @staticmethod
    def _body_size(pages: list[_Page], lines: list[_Line]) -> float:
        """The size most of the running text is set in. In a plan that is mostly tables,
        their text; otherwise the long lines not in bold (headings are short, or bold, or
        both), then any long lines, then every line."""
        in_tables: Counter[float] = Counter()
        for page in pages:
            for table in page.tables:
                for cell in table.cells:
                    for word in cell.words:
                        in_tables[word.size] += len(word.text)
        outside = sum(len(line.text) for line in lines)
        if in_tables and outside < 0.3 * sum(in_tables.values()):
            return in_tables.most_common(1)[0][0]
        for chosen in (
            [line for line in lines if len(line.words) >= 6 and not line.bold],
            [line for line in lines if len(line.words) >= 6],
            lines,
        ):
            weights: Counter[float] = Counter()
            for line in chosen:
                weights[line.size] += len(line.text)
            if weights:
                return weights.most_common(1)[0][0]
        return in_tables.most_common(1)[0][0] if in_tables else 0.0

    def _usual_gap(self, pages: list[_Page]) -> float:
        """The gap, as a share of the font size, between the lines of a paragraph of body
        text: the narrower gaps between one line and the next (wider ones part paragraphs)."""
        gaps = []
        for page in pages:
            body = [
                line
                for line in page.lines
                if id(line) not in self.furniture and abs(line.size - self.body) <= 0.5
            ]
            body.sort(key=lambda line: (line.x0 // 50, line.top))
            for above, below in itertools.pairwise(body):
                gap = (below.top - above.bottom) / below.size
                if 0 <= gap < 2 and abs(above.x0 - below.x0) < 50:
                    gaps.append(gap)
        if len(gaps) < 4:
            return 0.0
        return statistics.quantiles(gaps, n=4)[0]

    def _larger(self, line: _Line) -> bool:
        """Set clearly larger than the body text: a heading. Bold makes a smaller step clear."""
        growth = _HEADING_GROWTH if line.bold else _PLAIN_HEADING_GROWTH
        return line.size >= self.body * growth and line.size - self.body >= 1

    def heading_level(self, line: _Line, *, wrapped: bool = False) -> int | None:
        """The heading level of a line, or None for a line of body text. `wrapped`: the line
        goes on to the next, so it may hold more words than a heading's line would."""
        text = line.text
        words = text.split()
        too_long = len(words) > _MAX_HEADING_WORDS * (2 if wrapped else 1)
        if not words or too_long or text.startswith("•"):
            return None
        if self.body and self._larger(line):
            size = round(line.size)
            return self.heading_sizes.index(size) + 1 if size in self.heading_sizes else 1
        if line.bold and not self.bold_body and not text.endswith(".") and len(words) <= 15:
            return len(self.heading_sizes) + 1
        return None

    def read(self) -> list[Block]:
        for page in self.pages:
            self._page(page)
        self._flush_pending()
        return self.blocks

    def _flush_pending(self) -> None:
        if self.pending is not None:
            self.blocks.append(self.pending.block)
            self.flushed = self.pending
            self.pending = None

    def _page(self, page: _Page) -> None:
        lines = [line for line in page.lines if id(line) not in self.furniture]
        gutter = _gutter(lines, page.width)
        # A line's pieces are placed by the top of the whole line, so they stay in order.
        items = [_Item(top=line.row_top, x0=line.x0, x1=line.x1, line=line) for line in lines]
        items += [_Item(top=t.top, x0=t.x0, x1=t.x1, table=t) for t in page.tables]
        ordered = self._card_order(page, items) if gutter is None else None
        if ordered is None:
            ordered = _reading_order(items, gutter)
            self._slide_heading(page, ordered)
        else:
            lines = [item.line for item in ordered if item.line is not None]
        rights = self._right_edges(lines, gutter)
        paragraph: list[_Line] = []
        level: int | None = None
        tables = 0
        for index, item in enumerate(ordered):
            if item.table is not None:
                self._paragraph(paragraph, level, page, rights, gutter)
                paragraph = []
                tables += 1
                self._table(item.table, page, tables, first=index == 0)
                continue
            line = item.line
            assert line is not None
            line_level = self.heading_level(line)
            if line_level is None:
                after = ordered[index + 1].line if index + 1 < len(ordered) else None
                line_level = self._wide_heading(line, after)
            if paragraph and self._continues(
                paragraph[-1], line, level, line_level, rights, gutter
            ):
                paragraph.append(line)
                continue
            self._paragraph(paragraph, level, page, rights, gutter)
            paragraph, level = [line], line_level
        self._paragraph(paragraph, level, page, rights, gutter)

    def _wide_heading(self, line: _Line, after: _Line | None) -> int | None:
        """The level of a heading whose first line, on a wide page, holds more words than a
        heading's line usually does: its next line carries it on, in the same font, and is
        a heading's line itself (as the heading's lines all are on a narrower page)."""
        if after is None or len(line.text.split()) <= _MAX_HEADING_WORDS:
            return None
        level = self.heading_level(line, wrapped=True)
        if level is None or self.heading_level(after) != level:
            return None
        gap = (after.top - line.bottom) / max(after.size, 1.0)
        if after.row == line.row or after.bold != line.bold or abs(after.size - line.size) > 0.6:
            return None
        if not 0 <= gap <= max(0.5, self.leading + 0.35):
            return None
        self.wide_heads.add(id(line))
        return level

    def _card_order(self, page: _Page, items: list[_Item]) -> list[_Item] | None:
        """A page of cards (headings side by side, each over its own column of text) read
        card by card. A table found only by how the cards' lines line up is their text."""

        def heading(item: _Item) -> int | None:
            return self.heading_level(item.line) if item.line is not None else None

        def row(item: _Item) -> int | None:
            return item.line.row if item.line is not None else None

        if not pdf_cards.side_by_side(items, heading, row):
            return None
        kept = [item for item in items if item.table is None or not item.table.aligned]
        words = [
            word
            for item in items
            if item.table is not None and item.table.aligned
            for cell in item.table.cells
            for word in cell.words
        ]
        first = max((line.row for line in page.lines), default=0) + 1
        for line in _lines(words):
            line.row += first
            line.row_top = line.top
            kept.append(_Item(top=line.top, x0=line.x0, x1=line.x1, line=line))
        ordered = pdf_cards.card_order(kept, heading, row)
        if ordered is None:
            return None
        page.tables = [table for table in page.tables if not table.aligned]
        self.card_heads.update(
            id(item.line) for item in pdf_cards.card_heads(kept, heading, row) if item.line
        )
        return ordered

    def _slide_heading(self, page: _Page, ordered: list[_Item]) -> None:
        """On a page shaped as a slide (wide and sparse), a heading first on the page heads the
        slide: what follows on the page is the slide's own."""
        if (
            not page.height
            or page.width < _SLIDE_SHAPE * page.height
            or len(ordered) > _SLIDE_ITEMS
        ):
            return
        first = ordered[0].line if ordered else None
        if first is not None and self.heading_level(first) is not None:
            self.card_heads.add(id(first))

    @staticmethod
    def _right_edges(lines: list[_Line], gutter: tuple[float, float] | None) -> tuple[float, float]:
        """How far right the text of the page (or of each of its columns) reaches."""
        if gutter is None:
            edge = max((line.x1 for line in lines), default=0.0)
            return edge, edge
        left = [line.x1 for line in lines if line.x1 <= gutter[0]]
        right = [line.x1 for line in lines if line.x0 >= gutter[1]]
        widest = max((line.x1 for line in lines), default=0.0)
        return max(left, default=widest), max(right, default=widest)

    @staticmethod
    def _right(
        line: _Line, rights: tuple[float, float], gutter: tuple[float, float] | None
    ) -> float:
        if gutter is not None and line.x1 <= gutter[0]:
            return rights[0]
        return rights[1]

    def _continues(
        self,
        previous: _Line,
        line: _Line,
        level: int | None,
        line_level: int | None,
        rights: tuple[float, float],
        gutter: tuple[float, float] | None,
    ) -> bool:
        """Whether `line` belongs to the paragraph (or heading) that `previous` ends."""
        if line.row == previous.row and gutter is None:
            return level is None and line_level is None
        if level != line_level or line.bold != previous.bold:
            return False
        if abs(line.size - previous.size) > 0.6:
            return False
        gap = (line.top - previous.bottom) / line.size
        if gap < -0.5 or gap > max(0.5, self.leading + 0.35):
            return False
        if level is not None:
            return True
        return _wrapped(previous, line, self._right(previous, rights, gutter))

    def _paragraph(
        self,
        lines: list[_Line],
        level: int | None,
        page: _Page,
        rights: tuple[float, float],
        gutter: tuple[float, float] | None,
    ) -> None:
        if not lines:
            return
        text = clean_cell(_joined(lines, self._right(lines[0], rights, gutter)))
        if not text:
            return
        where = f"page {page.number}"
        # Whatever follows a table on its page ends it there.
        self._flush_pending()
        if level is None and (
            self._unruled_rows(lines, text, where) or self._rows_under_headings(lines, page)
        ):
            return
        if level is not None:
            card = id(lines[0]) in self.card_heads
            wide = (HEADING_WRAPPED_WIDE.code,) if id(lines[0]) in self.wide_heads else ()
            heading = Heading(
                text=" ".join(text.split()), where=where, level=level, card=card, read_by=wide
            )
            self.blocks.append(heading)
        else:
            self.blocks.append(Paragraph(text=text, where=where))

    def _unruled_rows(self, found: list[_Line], text: str, where: str) -> bool:
        """Lines each set out in the same three or more columns (a table drawn without rules)
        as the rows of a table: the rows of the ruled heading row above them, when it has as
        many columns. Only when no cell wraps onto a line of its own, where it could not be
        told which column the wrapped words belong to."""
        if len(set(Counter(line.row for line in found).values())) != 1:
            return False
        lines = text.split("\n")
        widths = {line.count("\t") + 1 for line in lines}
        if len(widths) != 1 or widths.pop() < _MIN_UNRULED_COLUMNS:
            return False
        rows = [
            Row(cells=line.split("\t"), where=f"{where} line {number}")
            for number, line in enumerate(lines, start=1)
        ]
        above = self.blocks[-1] if self.blocks else None
        if isinstance(above, Table) and max(len(row.cells) for row in above.rows) == len(
            rows[0].cells
        ):
            above.rows.extend(rows)
        else:
            self.blocks.append(Table(rows=rows, where=where))
        return True

    def _rows_under_headings(self, found: list[_Line], page: _Page) -> bool:
        """Lines set under a table whose only drawn row is its headings (a shaded band over
        rows ruled only underneath, or not at all), each line's words falling in two or more
        of its columns with the first filled: more rows of that table, cut at its columns. A
        line filling only the first column carries on the row above (its cell wrapped)."""
        last = self.flushed
        if (
            last is None
            or not self.blocks
            or self.blocks[-1] is not last.block
            or last.page != page.number
            or len(last.xs) < 2
            or len(last.block.rows) > _MAX_UNDER_HEADINGS_ROWS
            or not all(cell.strip() for cell in last.block.rows[0].cells)
        ):
            return False
        xs, right = last.xs, last.right
        if any(line.x0 < xs[0] - 2 or line.x1 > right + 2 for line in found):
            return False
        rows: list[list[str]] = []
        # The pieces a wide gap split a line of the page into, together again.
        by_row: dict[int, list[_Word]] = {}
        for line in found:
            by_row.setdefault(line.row, []).extend(line.words)
        for words in by_row.values():
            cells = [""] * len(xs)
            for word in sorted(words, key=lambda word: word.x0):
                column = max(0, bisect.bisect_right(xs, word.x0 + 1) - 1)
                if column + 1 < len(xs) and word.x1 > xs[column + 1] - 1:
                    # A word across a column's edge: a line of prose, not a row.
                    return False
                cells[column] = f"{cells[column]} {word.text}".strip()
            filled = [i for i, cell in enumerate(cells) if cell]
            if filled == [0] and rows:
                rows[-1][0] = f"{rows[-1][0]} {cells[0]}"
                continue
            if len(filled) < 2 or filled[0] != 0:
                return False
            rows.append(cells)
        two = len(xs) < _MIN_UNRULED_COLUMNS
        if two and (not rows or any(not all(cells) for cells in rows)):
            # Under two headings, only lines that fill both columns are rows.
            return False
        if two:
            last.block.read_by = (*last.block.read_by, TWO_COLUMNS_UNDER_HEADINGS.code)
        where = f"page {page.number}"
        last.block.rows.extend(
            Row(cells=cells, where=f"{where} line {number}")
            for number, cells in enumerate(rows, start=1)
        )
        return True

    def _table(self, table: _PageTable, page: _Page, number: int, *, first: bool) -> None:
        where = f"page {page.number}, table {number}"
        kept = [
            index
            for index, (cells, fills) in enumerate(zip(table.rows, table.fills, strict=True))
            if any(cells) or any(fills)
        ]
        rows = [
            Row(cells=table.rows[i], where=f"{where} row {i + 1}", fills=table.fills[i])
            for i in kept
        ]
        shown = [table.shown[i] for i in kept]
        pending = self.pending
        if first and pending is not None and self._carries_on(pending, table, page):
            more = _without_repeated_heading(pending.block.rows, rows)
            cut = pending.cut or (
                bool(more and pending.block.rows) and reads_as_cut(pending.block.rows[-1], more[0])
            )
            if cut and more and pending.block.rows:
                # The row cut by the page break, made whole again as Word has it.
                after = shown[len(rows) - len(more)]
                _carry_on(pending.block.rows[-1], more.pop(0), pending.last, after)
            pending.block.rows.extend(more)
            pending.block.read_by = tuple(dict.fromkeys([*pending.block.read_by, *table.read_by]))
            pending.page, pending.cut = page.number, table.cut
            pending.last = shown[-1] if more and shown else pending.last
            return
        if pending is not None and table.aligned and self._body_under(pending, table, page, rows):
            return
        self._flush_pending()
        self.pending = _Pending(
            block=Table(rows=rows, where=where, read_by=tuple(table.read_by)),
            xs=table.xs,
            right=table.x1,
            page=page.number,
            cut=table.cut,
            last=shown[-1] if shown else [],
            bottom=table.bottom,
        )

    def _body_under(
        self, pending: _Pending, table: _PageTable, page: _Page, rows: list[Row]
    ) -> bool:
        """A table drawn without rules right under a ruled one (its heading rows, shaded)
        whose columns start where the ruled one's text does is the body under those headings:
        its rows are the ruled table's, each cell in the column it stands under."""
        if pending.page != page.number or not rows:
            return False
        if not -2 <= table.top - pending.bottom <= 2 * max(self.body, 8.0):
            return False
        if table.x1 > pending.right + 4:
            return False
        columns = []
        for x in table.xs:
            index = bisect.bisect_right(pending.xs, x + 1) - 1
            if index < 0 or x - pending.xs[index] > _TEXT_INSET:
                return False
            columns.append(index)
        if len(set(columns)) != len(columns):
            return False
        width = len(pending.xs)
        for row in rows:
            cells, fills = [""] * width, [""] * width
            for column, index in enumerate(columns):
                if column < len(row.cells):
                    cells[index] = row.cells[column]
                if column < len(row.fills):
                    fills[index] = row.fills[column]
            pending.block.rows.append(Row(cells=cells, where=row.where, fills=fills))
        pending.block.read_by = tuple(
            dict.fromkeys([*pending.block.read_by, *table.read_by, BODY_UNDER_HEADINGS.code])
        )
        pending.bottom, pending.last = table.bottom, []
        return True

    @staticmethod
    def _carries_on(pending: _Pending, table: _PageTable, page: _Page) -> bool:
        """A table at the top of a page carries on the table that ended the page before when
        it has the same columns."""
        return (
            pending.page == page.number - 1
            and len(pending.xs) == len(table.xs)
            and abs(pending.right - table.x1) <= 4
            and all(abs(a - b) <= 4 for a, b in zip(pending.xs, table.xs, strict=True))
        )


def reads_as_cut(row: Row, first: Row) -> bool:
    """Whether the first row of a table's next page is the rest of the row that ended the page
    before, where the page break drew its rules as for a whole row (as Word and LibreOffice
    do): it writes only in cells the row above wrote in, each of which stops mid-sentence; it
    leaves out a cell the row above filled (a lead, a date); and it opens in lower case
    ("policy" under "Publish annual pay")."""
    filled = [index for index, cell in enumerate(first.cells) if cell.strip()]
    if not filled or len(first.cells) != len(row.cells):
        return False
    above = row.cells
    if any(not above[i].strip() or _ends_sentence(above[i].strip()) for i in filled):
        return False
    missing = any(cell.strip() and not first.cells[i].strip() for i, cell in enumerate(above))
    return missing and first.cells[filled[0]].strip()[:1].islower()


def _carry_on(row: Row, rest: Row, before: list[_Cell | None], after: list[_Cell | None]) -> None:
    """Add the part of a row carried over to the next page to the part before the break.
    Each cell's text is joined as a line that wrapped, or kept on a line of its own, judged
    from the last line before the break and the first after it, as within a page."""
    for index, addition in enumerate(rest.cells):
        if index >= len(row.cells):
            row.cells.append(addition)
            continue
        text = row.cells[index]
        if not addition:
            continue
        if not text:
            row.cells[index] = addition
            continue
        above = before[index] if index < len(before) else None
        below = after[index] if index < len(after) else None
        if above is None or below is None or above.last is None or below.first is None:
            wrapped = not _ends_sentence(text) and addition[:1].islower()
        else:
            wrapped = _wrapped(above.last, below.first, above.right) and not (
                _ends_sentence(text) and not addition[:1].islower()
            )
        row.cells[index] = f"{text} {addition}" if wrapped else f"{text}\n{addition}"
    for index, fill in enumerate(rest.fills):
        if index < len(row.fills) and not row.fills[index] and not row.cells[index]:
            row.fills[index] = fill


def _without_repeated_heading(rows: list[Row], more: list[Row]) -> list[Row]:
    """The rows of a table's next page without the heading rows repeated at its top."""
    repeated = 0
    while repeated < min(3, len(rows), len(more)) and more[repeated].cells == rows[repeated].cells:
        repeated += 1
    return more[repeated:]


def read_pdf(data: bytes, notes: list[str] | None = None) -> list[Block]:
    """The PDF's blocks; `notes` is told of pages left out or read in part."""
    notes = notes if notes is not None else []
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise ParseError(DAMAGED) from error
    try:
        pages = _read_pages(document, notes)
    finally:
        document.close()
    blocks = _Layout(pages).read() if any(page.chars for page in pages) else []
    _lone_bullets_as_marks(blocks, notes)
    if not blocks and any(page.pictures for page in pages):
        # Nothing but pictures, and perhaps the page numbers printed over them.
        raise ParseError(SCANNED)
    marked = [str(page.number) for page in pages if page.marks]
    if marked:
        notes.append(
            f"[{PDF_MARKS.code}] Left out the words of a watermark or stamp drawn across "
            f"page(s) {_page_list(marked)}: they are not part of the plan."
        )
    pictured = [str(page.number) for page in pages if page.pictures and not page.chars]
    if pictured:
        notes.append(
            f"Left out page(s) {', '.join(pictured)}: they hold only a picture of the page, no "
            "text (they were probably scanned)."
        )
    return blocks


def _read_pages(document: Any, notes: list[str]) -> list[_Page]:
    """Each page read; a page holding the next columns of an earlier page's rows is read
    beside it, as one page (`_side_by_side`), in that page's place."""
    pages: list[_Page] = []
    total = 0
    # The pages a later one may still stand beside: (as drawn, where its reading is in
    # `pages`, the outline of the page last set beside it, and of the page itself).
    open_: list[_Open] = []
    placed: int | None = None
    for index in range(len(document)):
        drawn = _draw_page(document, index, notes)
        total += drawn.page.chars
        if total > MAX_TOTAL_CHARS:
            raise ParseError(
                "This PDF holds far more text than a plan would (over "
                f"{MAX_TOTAL_CHARS:,} characters), so we stopped reading it."
            )
        if open_:
            last, at, rightmost, itself = open_[-1]
            both = _run_on(last, drawn, notes)
            if both is not None:
                open_[-1] = (both[0], at, rightmost, itself)
                pages[at] = both[1]
                placed = None
                continue
        # The page before was set beside an open page: this one holds the next rows of the
        # same columns, beside the open page after that one, if its rows stand there.
        placed = _beside_one(open_, pages, drawn, notes, placed)
        if placed is not None:
            continue
        page = _read_page(drawn, notes)
        pages.append(page)
        if any(not table.aligned for table in page.tables):
            # A page with ruled tables stands beside none, nor any later page beside it or
            # the pages before (`_side_by_side`).
            open_ = []
            continue
        if page.tables:
            # A page set beside none that makes a table of its own starts new rows: of a
            # sheet's first columns (the pages before with those columns stay open, their
            # next columns may follow) or of another sheet (the pages before are closed).
            open_ = [entry for entry in open_ if pdf_beside.same_columns(entry[3], drawn.outline)]
        open_ = open_[-_OPEN_PAGES + 1 :]
        open_.append((drawn, len(pages) - 1, drawn.outline, drawn.outline))
    return pages


# A sheet printed as left gives all the rows of its first columns, over as many pages as they
# take, before the next columns: a page may stand beside one this many pages back.
_OPEN_PAGES = 8
# Of the pages a page's rows stand beside, it is tried beside at most this many (the best).
_TRIED = 2


_Open = tuple[_Drawn, int, pdf_beside.Outline, pdf_beside.Outline]


def _beside_one(
    open_: list[_Open],
    pages: list[_Page],
    drawn: _Drawn,
    notes: list[str],
    before: int | None,
) -> int | None:
    """Set the page beside an open page whose rows its rows stand beside, where the two make
    a table across both; where it was set, or None. Where the page before was set beside one
    (`before`), this one stands beside that one (its next columns) or a later one (the next
    rows' columns, first), never an earlier one; else beside any, best first (the earliest
    where as well)."""
    # Only pages read without ruled tables may have a page beside them (`_side_by_side`):
    # where none is open, the page's outline is not worked out at all.
    places = [
        place
        for place, (_, at, _, _) in enumerate(open_)
        if (before is None or place >= before) and all(table.aligned for table in pages[at].tables)
    ]
    if not places or drawn.left_out or not drawn.outline.tops:
        return None
    after = None if before is None else before + 1
    scored = []
    for place in places:
        left, _, rightmost, _ = open_[place]
        # A page with the columns of the page last set beside this one holds later rows of
        # those columns, not the columns after them.
        if pdf_beside.same_columns(rightmost, drawn.outline):
            continue
        share = pdf_beside.beside(left.outline, drawn.outline)
        if share:
            scored.append((place != after, -share, place))
    for _, _, place in sorted(scored)[:_TRIED]:
        left, at, _, itself = open_[place]
        both = _side_by_side(left, pages[at], drawn, notes)
        if both is not None:
            open_[place] = (both[0], at, drawn.outline, itself)
            pages[at] = both[1]
            return place
    return None


def _lone_bullets_as_marks(blocks: list[Block], notes: list[str]) -> None:
    """A table cell holding one bullet and nothing else is a rating mark, the filled circle a
    plan rates with ("●" beside "◑" and "○"): every font's bullet is read as "•" so that lists
    are found, but a bullet alone in a cell starts no list."""
    changed = 0
    for block in blocks:
        if not isinstance(block, Table):
            continue
        for row in block.rows:
            for index, cell in enumerate(row.cells):
                if cell.strip() == "•":
                    row.cells[index] = "●"
                    changed += 1
    if changed:
        notes.append(
            f"[{LONE_BULLET_MARK.code}] Read {changed} table cell(s) holding only a round "
            "bullet as the filled circle '●', a rating mark."
        )


def _page_list(numbers: list[str]) -> str:
    """ "1, 2, 3" for a few pages; "1 to 40" for a run of many."""
    if len(numbers) > 5 and [int(n) for n in numbers] == list(
        range(int(numbers[0]), int(numbers[-1]) + 1)
    ):
        return f"{numbers[0]} to {numbers[-1]}"
    return ", ".join(numbers)


DAMAGED = (
    "This PDF could not be opened; it may be damaged. Open it and save it as PDF again, then "
    "try once more."
)
