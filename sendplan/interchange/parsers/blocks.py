"""The common shape every reader produces: a stream of headings, paragraphs and tables.

Readers only turn bytes into this stream; the one interpreter in `interpret.py` reads
meaning into it, so a Word table and the same table pasted as text behave the same.
"""

from __future__ import annotations

import colorsys
import html
import re
from dataclasses import dataclass, field
from typing import Any

from sendplan.interchange.parsers.dates import rejoin_months


@dataclass
class Heading:
    text: str
    where: str
    level: int = 1
    # Sheet names are headings but never the plan's title ("Sheet1").
    is_sheet: bool = False
    # It heads a card of a poster or a slide of a deck: what follows, up to the next such
    # heading, is the card's own (set by the PDF reader; see parsers/cards.py).
    card: bool = False
    # The codes of the rules a reader found the heading by (see Table.read_by).
    read_by: tuple[str, ...] = ()


@dataclass
class Paragraph:
    text: str
    where: str
    # The codes of the rules that changed how it reads (not kept with the file's blocks: the
    # rules run again whenever the blocks are read).
    read_by: tuple[str, ...] = ()


@dataclass
class Row:
    cells: list[str]
    where: str
    # The colour each cell is shaded, by name ("green"; "" for none): trackers often rate an
    # action by colouring its cell, with no word in it. Only Word and Excel files have them.
    fills: list[str] = field(default_factory=list)
    # The colour each cell holding words is shaded ("" for none), where the reader keeps them
    # (Excel): a key laid across a row shades each rating's words its colour.
    word_fills: list[str] = field(default_factory=list)

    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)

    def fill(self, index: int) -> str:
        return self.fills[index] if index < len(self.fills) else ""

    def filled(self) -> list[str]:
        return [cell for cell in self.cells if cell.strip()]


@dataclass
class Table:
    rows: list[Row]
    where: str
    # The first row is known to be the table's headings (labels the plan wrote beside each
    # value), even where some of them are not known wordings.
    headed: bool = False
    # The code of the rule that made the table from text that was not laid out as one.
    origin: str = ""
    # The codes of the rules a reader found the table by, where its plain reading would not
    # have (a PDF's table drawn without rules, say): shown with the table by --explain.
    read_by: tuple[str, ...] = ()


Block = Heading | Paragraph | Table

# How a reader marks an item of a bulleted item (a line set further in than the list's own
# bullets), whatever bullet it had: it belongs to the item above it.
SUB_ITEM = "◦ "


@dataclass
class Source:
    """What a reader made of a file or pasted text: its blocks, what checking the file found
    (macros removed, hidden sheets left out), a title given by the person importing it, and
    the title to fall back on (the file's name) when the plan names none."""

    blocks: list[Block]
    notes: tuple[str, ...] = ()
    title: str | None = None
    fallback_title: str | None = None
    # The kind of file the blocks were read from ("docx", "pdf" ...); "" for pasted text.
    reader: str = ""

    def to_data(self) -> dict[str, Any]:
        """As plain JSON data, to be kept while a person checks the import."""
        return {
            "blocks": [_block_data(block) for block in self.blocks],
            "notes": list(self.notes),
            "title": self.title,
            "fallback_title": self.fallback_title,
            "reader": self.reader,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Source:
        return cls(
            blocks=[_block_from(item) for item in data.get("blocks", [])],
            notes=tuple(data.get("notes", ())),
            title=data.get("title"),
            fallback_title=data.get("fallback_title"),
            reader=data.get("reader", ""),
        )


def _block_data(block: Block) -> dict[str, Any]:
    if isinstance(block, Table):
        rows = []
        for row in block.rows:
            item: dict[str, Any] = {"cells": row.cells, "where": row.where}
            if any(row.fills):
                item["fills"] = row.fills
            rows.append(item)
        data: dict[str, Any] = {"table": rows, "where": block.where}
        if block.headed:
            data["headed"] = True
        if block.origin:
            data["origin"] = block.origin
        if block.read_by:
            data["read_by"] = list(block.read_by)
        return data
    if isinstance(block, Heading):
        heading: dict[str, Any] = {
            "heading": block.text,
            "where": block.where,
            "level": block.level,
            "is_sheet": block.is_sheet,
        }
        if block.read_by:
            heading["read_by"] = list(block.read_by)
        return heading
    return {"paragraph": block.text, "where": block.where}


def _block_from(item: dict[str, Any]) -> Block:
    if "table" in item:
        rows = [
            Row(cells=list(row["cells"]), where=row["where"], fills=list(row.get("fills", [])))
            for row in item["table"]
        ]
        return Table(
            rows=rows,
            where=item["where"],
            headed=item.get("headed", False),
            origin=item.get("origin", ""),
            read_by=tuple(item.get("read_by", ())),
        )
    if "heading" in item:
        return Heading(
            text=item["heading"],
            where=item["where"],
            level=item.get("level", 1),
            is_sheet=item.get("is_sheet", False),
            read_by=tuple(item.get("read_by", ())),
        )
    return Paragraph(text=item["paragraph"], where=item["where"])


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_BLOCK_END_TAGS = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/li|/tr|/h\d|/div)\s*>")
_CELL_END_TAGS = re.compile(r"(?i)<\s*/t[dh]\s*>")
_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_BOLD_MARKS = re.compile(r"\*\*(?=\S)|(?<=\S)\*\*")
_QUOTE_STARS = re.compile(r"\*(?=['\"\u2018\u201c])|(?<=['\"\u2019\u201d.])\*")
# A superscript ordinal that text extraction set apart: "15 th" was "15th".
_SPLIT_ORDINAL = re.compile(r"\b(\d{1,4}) (st|nd|rd|th)\b")


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _join_ordinal(match: re.Match[str]) -> str:
    number, suffix = match.group(1), match.group(2)
    if _ordinal_suffix(int(number)) != suffix:
        return match.group(0)
    return number + suffix


def squash(text: str) -> str:
    """All whitespace, line breaks included, as single spaces."""
    return " ".join(text.split())


def clean_cell(raw: str) -> str:
    """Text as a person wrote it, without the markup that copying from the web or a PDF adds.

    Pasted plans carry fragments of HTML (<p>, <ul>, even whole <table>s inside a cell) and
    markdown emphasis. Paragraph breaks become line breaks; cells of an embedded table are
    kept apart by a tab so a later step can still tell "March 18" from its milestone.
    """
    text = raw
    if "<" in text and ">" in text:
        text = _BLOCK_END_TAGS.sub("\n", text)
        text = _CELL_END_TAGS.sub("\t", text)
        text = _ANY_TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if "*" in text:
        text = _QUOTE_STARS.sub("", _BOLD_MARKS.sub("", text))
    if " " in text:
        text = rejoin_months(_SPLIT_ORDINAL.sub(_join_ordinal, text))
    lines = []
    for line in text.splitlines():
        parts = [_SPACES.sub(" ", part).strip() for part in line.split("\t")]
        joined = "\t".join(part for part in parts if part)
        if joined:
            lines.append(joined)
    return "\n".join(lines)


def flat(text: str) -> str:
    """A cleaned cell as one line: for titles, names and other single-line fields."""
    return squash(text.replace("\t", " "))


def comparable(text: str) -> str:
    """Lower-case words only: for noticing that one piece of text repeats another."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


# Hue bands (degrees) of the colours plans rate with; yellow and orange shades are amber.
_HUES = ((20, "red"), (70, "amber"), (170, "green"), (260, "blue"), (320, "purple"), (361, "red"))


def fill_colour(hex_rgb: str | None) -> str:
    """The rating colour a cell shading shows ("00B050" -> "green"); "" for white, greys,
    black and anything unreadable, which rate nothing."""
    text = (hex_rgb or "").strip().lstrip("#")
    if len(text) == 8:
        text = text[2:]  # Excel writes ARGB
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", text):
        return ""
    red, green, blue = (int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, _, saturation = colorsys.rgb_to_hls(red, green, blue)
    value = max(red, green, blue)
    if value < 0.25 or max(red, green, blue) - min(red, green, blue) < 0.12 or saturation < 0.15:
        return ""
    degrees = hue * 360
    return next(name for limit, name in _HUES if degrees < limit)
