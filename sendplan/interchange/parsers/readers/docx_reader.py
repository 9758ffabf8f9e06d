"""Word documents: paragraphs with their heading styles, and tables, in document order."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.blocks import (
    Block,
    Heading,
    Paragraph,
    Row,
    Table,
    clean_cell,
    squash,
)
from sendplan.interchange.parsers.readers import docx_marks, docx_strict
from sendplan.interchange.parsers.readers.docx_frames import framed_cells
from sendplan.interchange.parsers.readers.docx_text import deleted_row, shown_runs, shown_text

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_MAX_BOLD_HEADING_WORDS = 15


def _roman(number: int) -> str:
    numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _format_number(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    return str(number)


@dataclass
class _Numbering:
    """Word keeps list numbers out of the text; plans rely on them ("1. Slow implementation")."""

    levels: dict[tuple[str, int], tuple[str, str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    # The numbering each paragraph style gives, by style id: looking a style up in python-docx
    # goes through every style of the document.
    styled: dict[str | None, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None or ref.get(qn("w:val")) not in abstract:
                continue
            # "Restart at 4" set on the list itself: its levels' own starts give way.
            restarts = {
                int(override.get(qn("w:ilvl"), "0")): int(start.get(qn("w:val"), "1"))
                for override in num.findall(qn("w:lvlOverride"))
                if (start := override.find(qn("w:startOverride"))) is not None
            }
            for lvl in abstract[ref.get(qn("w:val"))].findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                level = int(lvl.get(qn("w:ilvl"), "0"))
                numbering.levels[(num.get(qn("w:numId")), level)] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                    restarts.get(level, int(start.get(qn("w:val"))) if start is not None else 1),
                )
        return numbering

    def prefix(self, paragraph: DocxParagraph) -> str:
        num_pr = paragraph._p.find(_NUM_PR)
        if num_pr is None:
            style_id = paragraph._p.style
            if style_id not in self.styled:
                self.styled[style_id] = _numbering_properties(paragraph)
            num_pr = self.styled[style_id]
        if num_pr is None:
            return ""
        num_id_el, ilvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
        if num_id_el is None:
            return ""
        num_id = num_id_el.get(qn("w:val"))
        level = int(ilvl_el.get(qn("w:val"))) if ilvl_el is not None else 0
        fmt, template, start = self.levels.get((num_id, level), ("decimal", "%1.", 1))
        if fmt in ("bullet", "none"):
            return "• " if fmt == "bullet" else ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        text = template
        for number in range(level + 1):
            level_fmt = self.levels.get((num_id, number), ("decimal", "", 1))[0]
            value = counters.get(number, 1)
            text = text.replace(f"%{number + 1}", _format_number(value, level_fmt))
        return f"{text} "


def _numbering_properties(paragraph: DocxParagraph) -> Any:
    """The paragraph's list numbering, set on it directly or by its style ("List Number")."""
    found = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    style = paragraph.style
    while found is None and style is not None:
        found = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        style = style.base_style
    return found


def _heading_level(paragraph: DocxParagraph) -> int | None:
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.lower() == "title":
        return 0
    match = _HEADING_STYLE.match(style or "")
    if match:
        return int(match.group(1))
    outline = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if outline is not None and outline.get(qn("w:val")) not in (None, "9"):
        return int(outline.get(qn("w:val"))) + 1
    return _style_level(paragraph.style)


def _style_level(style: Any) -> int | None:
    """The heading level a paragraph style gives, from its name or, for a council's own
    house style ("Plan Heading 1", "Priority title"), from the style it is based on: Word
    takes the outline level down the chain of base styles, and so does this."""
    seen = 0
    while style is not None and seen < 10:
        name = style.name or ""
        if name.lower() == "title":
            return 0
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        outline = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if outline is not None and outline.get(qn("w:val")) not in (None, "9"):
            return int(outline.get(qn("w:val"))) + 1
        style, seen = style.base_style, seen + 1
    return None


def _all_bold(paragraph: DocxParagraph) -> bool:
    runs = [run for r in shown_runs(paragraph._p) if (run := Run(r, paragraph)).text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _text_of(p: Any) -> str:
    """A cell paragraph's text, read straight off its runs (python-docx's own reading runs
    an XPath query per paragraph, which is most of the time a long plan takes): the words
    the page shows, with the text boxes drawn in it (docx_text)."""
    return shown_text(p, boxes=True)


_NUM_PR = f"{qn('w:pPr')}/{qn('w:numPr')}"
_CUSTOM_XML = qn("w:customXml")
_P_STYLE = f"{qn('w:pPr')}/{qn('w:pStyle')}"


def _cell_number(p: Any, text: str, table: DocxTable, numbering: _Numbering | None) -> str:
    """The list number Word shows in a cell with no words of its own: refs are often typed
    as a numbered list down the ref column, so "1.1" is shown but is not in the text.

    Numbers before words ("1. Agree the terms") are left out, as they always were: there
    they number the lines of a cell, not the action. Every numbered paragraph still counts,
    so the numbers shown come out right.
    """
    if numbering is None or not numbering.levels:
        return ""
    if p.find(_NUM_PR) is None and p.find(_P_STYLE) is None:
        return ""
    prefix = numbering.prefix(DocxParagraph(p, table)).strip()
    if text.strip() or prefix == "•":
        return ""
    # "%1.%2." shows "1.2."; the closing stop is the list's punctuation, not the ref's.
    return prefix[:-1] if prefix.endswith(".") and len(prefix) > 1 else prefix


_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
_TC_PR, _GRID_SPAN, _V_MERGE, _VAL = qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge"), qn("w:val")
_GRID_BEFORE = f"{qn('w:trPr')}/{qn('w:gridBefore')}"


def _span_and_merge(tc: Any) -> tuple[int, str | None]:
    """How many grid columns a cell spans, and its vertical merge ("restart", "continue" or
    None), read straight off its properties as python-docx reads them (its own accessors look
    each up by name, which was a fifth of the time reading a long plan's tables took)."""
    props = tc.find(_TC_PR)
    if props is None:
        return 1, None
    span_el, merge_el = props.find(_GRID_SPAN), props.find(_V_MERGE)
    span = 1
    if span_el is not None and (value := span_el.get(_VAL)) is not None:
        try:
            span = int(value)
        except ValueError:
            span = 1
    merge = None if merge_el is None else (merge_el.get(_VAL) or "continue")
    return span, merge


def _cell_text(tc: Any, table: DocxTable, numbering: _Numbering | None = None) -> str:
    """A cell's paragraphs as lines; a table nested in the cell as tab-separated lines."""
    lines = []
    for child in _unwrapped(tc, (_P, _TBL)):
        if child.tag == _P:
            text = _text_of(child)
            lines.append(_cell_number(child, text, table, numbering) + text)
        elif child.tag == _TBL:
            nested = DocxTable(child, table)
            for row in _grid(nested, numbering)[0]:
                lines.append("\t".join(cell for cell in row if cell.strip()))
    return clean_cell("\n".join(lines))


def _grid(
    table: DocxTable, numbering: _Numbering | None = None, marks: docx_marks.Marks | None = None
) -> tuple[list[list[str]], list[list[str]]]:
    """Rows laid out on the table grid, and the colour each cell is shaded.

    A cell spanning several columns gives its text once, so merged cells are not read twice
    across a row. A cell merged down from the row above repeats that cell's text: the lead
    or priority it holds applies to both rows. Rows Word still shows as deleted are left
    out. Grid columns no cell stands in alone are closed up (`_realigned`).
    """
    rows: list[list[str]] = []
    fills: list[list[str]] = []
    placed: list[list[tuple[int, int]]] = []
    previous: list[str] = []
    for tr in _unwrapped(table._tbl, (_TR,)):
        if deleted_row(tr):
            continue
        row: list[str] = []
        shades: list[str] = []
        before = tr.find(_GRID_BEFORE)
        if before is not None:
            row.extend([""] * int(before.get(_VAL, "0")))
            shades.extend([""] * len(row))
        starts: list[tuple[int, int]] = []
        for tc in _unwrapped(tr, (_TC,)):
            span, merge = _span_and_merge(tc)
            column = len(row)
            starts.append((column, span))
            if merge == "continue":
                text = previous[column] if column < len(previous) else ""
            else:
                text = _cell_text(tc, table, numbering)
            # Only the shading of cells without words is kept: those are the ratings. A cell
            # of a coloured symbol or highlighted blanks alone shows its colour.
            shade = docx_marks.shading(tc, marks) if not text else ""
            if not shade and merge != "continue":
                shade = docx_marks.marked(tc, text, marks)
                text = "" if shade else text
            row.append(text)
            row.extend([""] * (span - 1))
            shades.extend([shade] * span)
        rows.append(row)
        fills.append(shades)
        placed.append(starts)
        previous = _carry_forward(row, previous)
    return _realigned(rows, fills, placed)


def _realigned(
    rows: list[list[str]], fills: list[list[str]], placed: list[list[tuple[int, int]]]
) -> tuple[list[list[str]], list[list[str]]]:
    """Rows whose cells start on different grid columns, put back in line.

    When rows of a Word table were dragged to different edges, Word adds narrow grid
    columns: some rows skip them (`w:gridBefore`, `w:gridAfter`) while others' end cells
    span them. A spanning cell's text was put on its first grid column, one column to the
    left of the cells under it, so headings and values no longer met. A grid column is a
    real one when some cell stands in it alone (spans one column); a spanning cell that
    starts on a column that is not gives its text to the first real column it covers, and
    the columns that are not real and so left empty are closed up. Tables whose spans all
    start on real columns are read as before.
    """
    real = {start for row in placed for start, span in row if span == 1}
    moved = False
    for i, row in enumerate(placed):
        for start, span in row:
            if span == 1 or start in real or not rows[i][start]:
                continue
            home = next((c for c in range(start, start + span) if c in real), None)
            if home is None:
                continue
            rows[i][home], rows[i][start] = rows[i][start], ""
            fills[i][home] = fills[i][start]
            moved = True
    if not moved:
        return rows, fills
    width = max(len(row) for row in rows)
    kept = [
        c
        for c in range(width)
        if c in real
        or any(c < len(row) and (row[c] or fill[c]) for row, fill in zip(rows, fills, strict=True))
    ]
    return (
        [[row[c] for c in kept if c < len(row)] for row in rows],
        [[fill[c] for c in kept if c < len(fill)] for fill in fills],
    )


def _carry_forward(row: list[str], previous: list[str]) -> list[str]:
    """The text each grid column shows, for cells merged down into the next row."""
    return [
        cell if cell else (previous[i] if i < len(previous) else "") for i, cell in enumerate(row)
    ]


def _table_block(
    table: DocxTable, number: int, numbering: _Numbering, marks: docx_marks.Marks | None = None
) -> Table:
    grid, fills = _grid(table, numbering, marks)
    rows = [
        Row(cells=cells, where=f"table {number} row {i + 1}", fills=shades)
        for i, (cells, shades) in enumerate(zip(grid, fills, strict=True))
    ]
    return Table(rows=rows, where=f"table {number}")


def _paragraph_block(paragraph: DocxParagraph, prefix: str, number: int) -> Block | None:
    text = clean_cell(prefix + shown_text(paragraph._p, boxes=False))
    if not text:
        return None
    where = f"paragraph {number}"
    level = _heading_level(paragraph)
    if level is not None:
        return Heading(text=squash(text), where=where, level=level)
    short = len(text.split()) <= _MAX_BOLD_HEADING_WORDS and not text.endswith(".")
    if not prefix and short and _all_bold(paragraph):
        return Heading(text=squash(text), where=where, level=3)
    return Paragraph(text=text, where=where)


def _unwrapped(element: Any, tags: tuple[str, ...]) -> list[Any]:
    """The element's children with these tags, looking inside content controls and custom
    XML: forms made in Word wrap rows, cells and the paragraphs of drop-down ratings in
    them, and files saved from templates mapped to a document library wrap rows and cells in
    `w:customXml`."""
    found = []
    for child in element.iterchildren():
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                found.extend(_unwrapped(content, tags))
        elif child.tag == _CUSTOM_XML:
            found.extend(_unwrapped(child, tags))
        elif child.tag in tags:
            found.append(child)
    return found


def _body_children(element: Any) -> list[Any]:
    """Paragraphs and tables in order, looking inside content controls and custom XML."""
    children = []
    for child in element.iterchildren():
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                children.extend(_body_children(content))
        elif child.tag == _CUSTOM_XML:
            children.extend(_body_children(child))
        elif child.tag in (qn("w:p"), qn("w:tbl")):
            children.append(child)
    return children


_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p: Any) -> list[Any]:
    """The paragraphs and tables of the text boxes anchored in a paragraph, in order, each
    box once: Word writes a box as a drawing and again, for older readers, as a VML shape in
    the same run (`mc:Fallback`), and only the first is read. A box's words are not the
    paragraph's own, which python-docx leaves out of its text, and so were never read."""
    found = []
    for box in p.iter(_TEXT_BOX):
        if any(ancestor.tag in (_FALLBACK, _TEXT_BOX) for ancestor in box.iterancestors()):
            continue
        found.extend(_body_children(box))
    return found


def read_docx(data: bytes, notes: list[str] | None = None) -> list[Block]:
    data, strict = docx_strict.transitional(data)
    if strict and notes is not None:
        notes.append(
            f"[{rules.DOCX_STRICT}] The document is saved as Strict Open XML; read it as the "
            "ordinary .docx it matches."
        )
    document = docx.Document(io.BytesIO(data))
    numbering = _Numbering.of(document)
    marks = docx_marks.Marks.of(document)
    blocks: list[Block] = []
    counts = {"paragraphs": 0, "tables": 0, "boxes": 0, "frames": 0}

    def read(children: list[Any]) -> None:
        for child in children:
            if child.tag == qn("w:tbl"):
                frame = framed_cells(child)
                if frame is not None:
                    counts["frames"] += 1
                    for tc in frame:
                        read(_body_children(tc))
                    continue
                counts["tables"] += 1
                table = DocxTable(child, document)
                blocks.append(_table_block(table, counts["tables"], numbering, marks))
                continue
            counts["paragraphs"] += 1
            paragraph = DocxParagraph(child, document)
            block = _paragraph_block(paragraph, numbering.prefix(paragraph), counts["paragraphs"])
            if block is not None:
                blocks.append(block)
            boxed = _text_boxes(child)
            if boxed:
                counts["boxes"] += 1
                read(boxed)

    read(_body_children(document.element.body))
    if notes is not None:
        notes.extend(marks.notes())
    if counts["boxes"] and notes is not None:
        notes.append(f"Read the words of {counts['boxes']} text box(es) where they stand.")
    if counts["frames"] and notes is not None:
        notes.append(
            f"Read the tables inside {counts['frames']} one-column layout table(s) "
            "where they stand."
        )
    return blocks
