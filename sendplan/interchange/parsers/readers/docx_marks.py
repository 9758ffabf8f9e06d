"""The colour a Word table cell shows when its rating is a colour, however Word stores it.

A rating shaded by hand is `w:shd w:fill="00B050"`, which blocks.fill_colour names. Word
stores the same colour other ways, read here:

- a shading picked from the theme's colours: `w:themeFill="accent6"` with a tint or a shade,
  its RGB in w:fill or, as some tools write it, not at all (fill="auto"): the theme part's
  colour with the tint applied (office-theme-fills);
- a patterned shading (Borders and Shading > Pattern): a solid or dense pattern shows the
  pattern's colour (w:color), a light one the fill under it (office-theme-fills);
- a cell holding no words, only blank text under the highlighter, or a coloured symbol (a
  dot typed as text, a Wingdings circle inserted as w:sym): the highlight's or the font's
  colour, when every mark in the cell shows the same one (docx-marked-ratings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.blocks import fill_colour
from sendplan.interchange.parsers.readers import office_colours
from sendplan.interchange.parsers.readers.docx_text import shown_runs

# Word's highlighter colours.
_HIGHLIGHTS = {
    "yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF",
    "blue": "0000FF", "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080",
    "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000",
    "darkYellow": "808000", "darkGray": "808080", "lightGray": "C0C0C0", "black": "000000",
}  # fmt: skip
# Patterns that show their own colour more than the fill under them.
_DENSE = re.compile(r"^(solid|pct(5\d|[6-9]\d)|dk\w+)$")


@dataclass
class Marks:
    """The document's theme colours, and how many cells were read by each rule here."""

    theme: dict[str, str] = field(default_factory=dict)
    themed: int = 0
    marked: int = 0

    @classmethod
    def of(cls, document: Any) -> Marks:
        blob = None
        try:
            for rel in document.part.rels.values():
                if rel.reltype == RT.THEME and not rel.is_external:
                    blob = rel.target_part.blob
                    break
        except (AttributeError, KeyError, ValueError):
            blob = None
        return cls(theme=office_colours.theme_colours(blob))

    def notes(self) -> list[str]:
        out = []
        if self.themed:
            out.append(
                f"[{rules.OFFICE_THEME_FILLS}] Read {self.themed} table cell(s) shaded from the "
                "theme's colours or with a pattern as the colour they show."
            )
        if self.marked:
            out.append(
                f"[{rules.DOCX_MARKED_RATINGS}] Read {self.marked} table cell(s) holding only "
                "highlighted blank text or a coloured symbol as the colour they show."
            )
        return out


def _rgb(element: Any, value: str, theme_name: str, tint: str, shade: str, marks: Marks) -> str:
    """The RGB an element's colour attribute names, worked out from the theme when it names
    a theme colour and keeps no RGB (or "auto")."""
    rgb = element.get(qn(f"w:{value}")) or ""
    if rgb and rgb.lower() != "auto":
        return rgb
    return office_colours.word_theme(
        marks.theme,
        element.get(qn(f"w:{theme_name}")),
        element.get(qn(f"w:{tint}")),
        element.get(qn(f"w:{shade}")),
    )


def shading(tc: Any, marks: Marks | None) -> str:
    """The rating colour a cell is shaded with, "" for none."""
    shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    if shd is None:
        return ""
    plain = fill_colour(shd.get(qn("w:fill")))
    if marks is None:
        return plain
    pattern = shd.get(qn("w:val")) or "clear"
    fill = _rgb(shd, "fill", "themeFill", "themeFillTint", "themeFillShade", marks)
    colour = _rgb(shd, "color", "themeColor", "themeTint", "themeShade", marks)
    shown = fill_colour(fill)
    if _DENSE.match(pattern):
        shown = fill_colour(colour) or shown
    if shown and shown != plain:
        marks.themed += 1
    return shown


def _run_colour(r: Any, marks: Marks, *, blank: bool) -> str | None:
    """The rating colour a run shows: its highlight (or character shading), else, when it
    shows a mark, its font colour; None when it shows nothing."""
    rpr = r.find(qn("w:rPr"))
    if rpr is not None:
        highlight = rpr.find(qn("w:highlight"))
        if highlight is not None and highlight.get(qn("w:val"), "none") != "none":
            return fill_colour(_HIGHLIGHTS.get(highlight.get(qn("w:val"), ""), ""))
        shd = rpr.find(qn("w:shd"))
        if shd is not None:
            rgb = _rgb(shd, "fill", "themeFill", "themeFillTint", "themeFillShade", marks)
            shaded = fill_colour(rgb)
            if shaded:
                return shaded
    if blank:
        return None
    colour = rpr.find(qn("w:color")) if rpr is not None else None
    if colour is None:
        return ""
    return fill_colour(_rgb(colour, "val", "themeColor", "themeTint", "themeShade", marks))


def marked(tc: Any, text: str, marks: Marks | None) -> str:
    """The rating colour of a cell whose text has no letters or digits (none, blanks, or
    symbols) when each of its marks shows one and the same rating colour; else ""."""
    if marks is None or any(ch.isalnum() for ch in text):
        return ""
    colours: set[str] = set()
    for p in tc.iter(qn("w:p")):
        for r in shown_runs(p):
            words = "".join(t.text or "" for t in r.iter(qn("w:t")))
            symbol = r.find(qn("w:sym")) is not None
            if not words and not symbol:
                continue
            colour = _run_colour(r, marks, blank=not words.strip() and not symbol)
            if colour is not None:
                colours.add(colour)
    if len(colours) != 1 or "" in colours:
        return ""
    marks.marked += 1
    return colours.pop()
