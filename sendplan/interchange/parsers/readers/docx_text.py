"""The words a Word paragraph shows, read off its XML as Word saves it.

Plans are edited for years in Word, and the XML of a paragraph is rarely a row of plain runs:
words sit inside tracked insertions (`w:ins`, `w:moveTo`), inline content controls, simple
fields, smart tags, custom XML and hyperlinks; deleted and moved-away words stay in the file
(`w:del`, `w:moveFrom`); a field's instruction sits beside its shown result; a text box is
written twice, once for older readers (`mc:Fallback`); hidden text (`w:vanish`) is kept but
not shown. python-docx's `Paragraph.text` reads only runs and hyperlinks that are direct
children, so a paragraph typed with tracking on read as nothing; reading every `w:t` below it
read deleted-then-moved words twice and text boxes twice. This reads what the page shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn

_R, _T, _TAB, _PTAB, _BR, _CR = (qn(f"w:{t}") for t in ("r", "t", "tab", "ptab", "br", "cr"))
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_RPR, _VANISH = qn("w:rPr"), qn("w:vanish")
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_TEXT_BOX = qn("w:txbxContent")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE, _CHOICE = f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Choice"

# Inside a paragraph: what is not shown at all (deleted or moved-away words, properties of
# the paragraph, of a control, a smart tag or custom XML, which carry no words of the page).
_NOT_SHOWN = frozenset(
    qn(f"w:{tag}")
    for tag in (
        "del",
        "moveFrom",
        "pPr",
        "sdtPr",
        "sdtEndPr",
        "smartTagPr",
        "customXmlPr",
    )
)
# Elements whose words are the run's own: a run's children other than these (drawings,
# objects, symbols from a font's private area) give no text.
_RUN_TEXT = {_T: None, _TAB: "\t", _PTAB: "\t", _BR: "\n", _CR: "\n", _NO_BREAK_HYPHEN: "-"}


def hidden(r: Any) -> bool:
    """Whether the run is hidden text: set on the run itself (a tracked change's record of
    older properties, `w:rPrChange`, is not the run's formatting now)."""
    mark = r.find(f"{_RPR}/{_VANISH}")
    return mark is not None and mark.get(qn("w:val"), "true") not in ("0", "false", "off")


def shown_runs(element: Any) -> Iterator[Any]:
    """The runs of a paragraph (or any part of one) that the page shows, in order, however
    deep Word has wrapped them."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _R:
            if not hidden(child):
                yield child
        elif tag not in _NOT_SHOWN and isinstance(tag, str):
            yield from shown_runs(child)


def _boxes(r: Any) -> Iterator[Any]:
    """The text boxes drawn in a run, each once: of an `mc:AlternateContent`, only the
    first choice is read (its `mc:Fallback` is the same box again for older readers)."""
    for child in r.iterchildren():
        if child.tag == _ALTERNATE:
            choice = next(iter(child.iterchildren(_CHOICE)), None)
            if choice is not None:
                yield from _boxes_below(choice)
        elif isinstance(child.tag, str) and child.tag not in _RUN_TEXT:
            yield from _boxes_below(child)


def _boxes_below(element: Any) -> Iterator[Any]:
    """The outermost text boxes under the element (a box inside a box is read with it)."""
    for box in element.iter(_TEXT_BOX):
        if next(box.iterancestors(_TEXT_BOX), None) is None:
            yield box


def _box_lines(box: Any) -> list[str]:
    """A text box's paragraphs as lines, the paragraphs of boxes inside it read with the
    paragraph that holds them."""
    return [
        shown_text(p, boxes=True)
        for p in box.iter(_P)
        if next(p.iterancestors(_TEXT_BOX), None) is box
    ]


def shown_text(p: Any, *, boxes: bool) -> str:
    """The words the paragraph shows; with `boxes`, a text box drawn in it adds its lines
    where it stands (cells read them so; the body reads them apart, after the paragraph)."""
    parts: list[str] = []
    for r in shown_runs(p):
        for child in r.iterchildren():
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in _RUN_TEXT:
                parts.append(_RUN_TEXT[tag] or "")
        if boxes:
            for box in _boxes(r):
                parts.append("\n" + "\n".join(_box_lines(box)) + "\n")
    return "".join(parts)


def deleted_row(tr: Any) -> bool:
    """Whether a table row is a tracked deletion (or the old place of a moved row) not yet
    accepted: Word still shows it struck through, but it is no longer part of the plan."""
    pr = tr.find(qn("w:trPr"))
    return pr is not None and pr.find(qn("w:del")) is not None
