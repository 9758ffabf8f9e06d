"""Tables framed in a layout table: a one-column table whose cells hold the plan's own tables.

Word users often lay a page out with a table of one column, a box around the content, and
put the action table inside its cell (or one table in each of its rows, with a heading
paragraph above each). Read as a table, the frame is one cell holding the whole plan as
tab-separated lines, and its actions are lost. A frame is read as what it holds: each cell's
paragraphs and tables where they stand.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

_TBL, _TR, _TC, _P = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:p")
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
_CUSTOM_XML = qn("w:customXml")


def _children(element: Any, tags: tuple[str, ...]) -> list[Any]:
    found = []
    for child in element.iterchildren():
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                found.extend(_children(content, tags))
        elif child.tag == _CUSTOM_XML:
            found.extend(_children(child, tags))
        elif child.tag in tags:
            found.append(child)
    return found


def framed_cells(tbl: Any) -> list[Any] | None:
    """The cells of a one-column table when at least one of them holds a table of its own
    with two or more rows, else None: the table is a frame, not a table of the plan."""
    cells = []
    for tr in _children(tbl, (_TR,)):
        row = _children(tr, (_TC,))
        if len(row) != 1:
            return None
        cells.append(row[0])
    holds_table = any(
        len(_children(inner, (_TR,))) >= 2 for tc in cells for inner in _children(tc, (_TBL,))
    )
    return cells if holds_table else None
