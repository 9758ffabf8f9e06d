"""Pasted text (from Word or a PDF): table rows arrive as tab-separated lines."""

from __future__ import annotations

import re

from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, Row, Table, clean_cell

_RULE = re.compile(r"^[\s\-=_|+:]*$")
_MAX_HEADING_WORDS = 12


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


def read_text(text: str) -> list[Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    table: Table | None = None
    for index, raw in enumerate(lines):
        number = index + 1
        if "\t" in raw:
            cells = [clean_cell(cell) for cell in raw.split("\t")]
            if all(_RULE.match(cell) for cell in cells):
                continue
            if table is None:
                table = Table(rows=[], where=f"line {number}")
                blocks.append(table)
            table.rows.append(Row(cells=cells, where=f"line {number}"))
            continue
        table = None
        line = clean_cell(raw)
        if not line or _RULE.match(line):
            continue
        before_blank = index == 0 or not lines[index - 1].strip() or "\t" in lines[index - 1]
        after_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
        if _looks_like_heading(line, before_blank, after_blank):
            blocks.append(Heading(text=line, where=f"line {number}"))
        else:
            blocks.append(Paragraph(text=line, where=f"line {number}"))
    return blocks
