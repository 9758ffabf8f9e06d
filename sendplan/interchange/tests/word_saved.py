"""Word files as councils save them: the XML Word really writes, read the same as plain runs.

Plans are not made by python-docx. They are edited for years in Word, with tracked changes
left unaccepted, comments, content controls (drop-down ratings, date pickers), fields, smart
tags, hyperlinks on names, symbols typed from Wingdings, non-breaking hyphens, hidden text,
rows that start or stop short of the grid, merged cells, text boxes, page breaks, landscape
sections, a table of contents and house heading styles. Each of these changes the XML but
not what the page shows, so it should not change what the importer reads.

Each transformation here is a small named function that takes the bytes of a Word file the
importer already reads (`shuffled.bases()`'s Word plans: blind real plans are skipped there
before any file of theirs is opened) and rewrites its XML the way Word does, knowing no plan's
words: it works on every paragraph, or on the largest table found by its shape (most rows),
its first row taken as the heading. Each (plan, transformation) cell is scored as
`shuffled.py` scores its cells: it holds when no key figure (actions found, refs, titles,
leads, due dates, status cells) falls against the unchanged file and no action is added.

A hash with this round's own salt (`blind`) keeps half of the plans and half of the
transformations blind: rules are written only from cells whose plan and transformation are
both on the dev side; the others are only counted. bench/parse_word_saved.py prints the
matrix; test_parse_word_saved.py holds floors on what was fixed.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph as DocxParagraph

from sendplan.interchange.tests import accuracy, shuffled
from sendplan.interchange.tests.accuracy import Score, score

_SALT = "wordsaved19:"


def blind(name: str) -> bool:
    """Half of the plans and half of the transformations, fixed by a hash before any rule."""
    return hashlib.sha256(f"{_SALT}{name}".encode()).digest()[0] % 2 == 1


# ---------------------------------------------------------------------------------------------
# Finding things in the XML

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"
_DATE = re.compile(
    r"^\s*(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$"
)

_ids = iter(range(9000, 10**9))


def _next_id() -> str:
    return str(next(_ids))


def _revision(tag: str) -> Any:
    """A tracked change's wrapper as Word writes it: an id, an author and a time."""
    element = OxmlElement(tag)
    element.set(qn("w:id"), _next_id())
    element.set(qn("w:author"), "Commissioning Officer")
    element.set(qn("w:date"), "2024-10-14T09:30:00Z")
    return element


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _all_paragraphs(document: Any) -> list[Any]:
    """Every paragraph of the body and its tables (not headers, footers or text boxes)."""
    return [
        p
        for p in document.element.body.iter(qn("w:p"))
        if not any(a.tag == qn("w:txbxContent") for a in p.iterancestors())
    ]


def _body_paragraphs(document: Any) -> list[Any]:
    """The paragraphs standing in the body, outside tables."""
    return [
        p
        for p in _all_paragraphs(document)
        if not any(a.tag == qn("w:tbl") for a in p.iterancestors())
    ]


def _main(document: Any) -> Any | None:
    table = shuffled._main_table(document)
    return None if table is None else table._tbl


def _rows(tbl: Any) -> list[Any]:
    return list(tbl.iterchildren(qn("w:tr")))


def _cells(tr: Any) -> list[Any]:
    return list(tr.iterchildren(qn("w:tc")))


def _body_cells(document: Any) -> Iterator[tuple[int, int, Any]]:
    """(row, column, cell) of the main table's rows under its first."""
    tbl = _main(document)
    if tbl is None:
        return
    for r, tr in enumerate(_rows(tbl)[1:], start=1):
        for c, tc in enumerate(_cells(tr)):
            yield r, c, tc


def _cell_paragraphs(tc: Any) -> list[Any]:
    return [p for p in tc.iterchildren(qn("w:p")) if _text(p).strip()]


def _runs(p: Any) -> list[Any]:
    return list(p.iterchildren(qn("w:r")))


def _wrap_runs(p: Any, wrapper: Any) -> Any | None:
    """Move the paragraph's own runs (direct children) into `wrapper`, standing where the
    first of them stood. Returns the wrapper, or None when the paragraph has no runs."""
    runs = _runs(p)
    if not runs:
        return None
    runs[0].addprevious(wrapper)
    for r in runs:
        wrapper.append(r)
    return wrapper


def _run(text: str, *, props: Any | None = None, tag: str = "w:t") -> Any:
    r = OxmlElement("w:r")
    if props is not None:
        r.append(props)
    t = OxmlElement(tag)
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    return r


def _element(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _rpr(*children: Any) -> Any:
    rpr = OxmlElement("w:rPr")
    for child in children:
        rpr.append(child)
    return rpr


def _changed(change: Callable[[Any], None]) -> Callable[[bytes], bytes]:
    """A transformation from a function that edits the opened document in place."""

    def transform(data: bytes) -> bytes:
        document = shuffled._document(data)
        change(document)
        return shuffled._saved_document(document)

    transform.__name__ = change.__name__
    transform.__doc__ = change.__doc__
    return transform


# ---------------------------------------------------------------------------------------------
# Tracked changes


@_changed
def wd_tracked_insertions(document: Any) -> None:
    """Every paragraph's words a tracked insertion not yet accepted (a redrafted plan sent
    round with its changes showing), and the table's body rows marked as inserted rows."""
    for p in _all_paragraphs(document):
        _wrap_runs(p, _revision("w:ins"))
    tbl = _main(document)
    for tr in _rows(tbl)[1:] if tbl is not None else []:
        pr = tr.find(qn("w:trPr"))
        if pr is None:
            pr = OxmlElement("w:trPr")
            tr.insert(0 if tr.find(qn("w:tblPrEx")) is None else 1, pr)
        pr.append(_revision("w:ins"))


def _deleted_copy(r: Any) -> Any:
    """A run as Word keeps it once deleted with tracking on: its words as w:delText."""
    gone = copy.deepcopy(r)
    for t in gone.iter(qn("w:t")):
        t.tag = qn("w:delText")
    return gone


@_changed
def wd_tracked_deletions(document: Any) -> None:
    """Deleted words left showing as tracked deletions in every paragraph with words, and a
    tracked-deleted copy of one body row (an action taken out of the plan)."""
    for p in _all_paragraphs(document):
        runs = _runs(p)
        if not runs or not _text(p).strip():
            continue
        before = _revision("w:del")
        before.append(_run("Previously agreed wording ", tag="w:delText"))
        runs[0].addprevious(before)
        after = _revision("w:del")
        after.append(_deleted_copy(runs[-1]))
        runs[-1].addnext(after)
    tbl = _main(document)
    rows = _rows(tbl) if tbl is not None else []
    if len(rows) >= 3:
        gone = copy.deepcopy(rows[1])
        for p in gone.iter(qn("w:p")):
            for r in _runs(p):
                wrapper = _revision("w:del")
                r.addprevious(wrapper)
                wrapper.append(_deleted_copy(r))
                p.remove(r)
        pr = gone.find(qn("w:trPr"))
        if pr is None:
            pr = OxmlElement("w:trPr")
            gone.insert(0, pr)
        pr.append(_revision("w:del"))
        rows[-1].addnext(gone)


@_changed
def wd_tracked_move(document: Any) -> None:
    """The last body row moved down from above the row before it with tracking on: Word keeps
    the row where it was (its runs in w:moveFrom, the row marked deleted) and where it went
    (w:moveTo, the row marked inserted). The order the page shows once accepted is the
    file's own."""
    tbl = _main(document)
    rows = _rows(tbl) if tbl is not None else []
    if len(rows) < 4:
        return
    last = rows[-1]
    old = copy.deepcopy(last)
    for row, kind in ((old, "moveFrom"), (last, "moveTo")):
        for p in row.iter(qn("w:p")):
            name = f"move{_next_id()}"
            start = _revision(f"w:{kind}RangeStart")
            start.set(qn("w:name"), name)
            end = _element(f"w:{kind}RangeEnd", id=start.get(qn("w:id")))
            wrapper = _wrap_runs(p, _revision(f"w:{kind}"))
            if wrapper is None:
                continue
            wrapper.addprevious(start)
            wrapper.addnext(end)
        pr = row.find(qn("w:trPr"))
        if pr is None:
            pr = OxmlElement("w:trPr")
            row.insert(0, pr)
        pr.append(_revision("w:del" if kind == "moveFrom" else "w:ins"))
    rows[-2].addprevious(old)


@_changed
def wd_tracked_formatting(document: Any) -> None:
    """Formatting changed with tracking on: each run's old properties kept in w:rPrChange,
    here the old ones hidden and struck (text unhidden since), and old cell properties."""
    for p in _all_paragraphs(document):
        for r in _runs(p):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                r.insert(0, rpr)
            change = _revision("w:rPrChange")
            change.append(_rpr(OxmlElement("w:vanish"), OxmlElement("w:strike")))
            rpr.append(change)


# ---------------------------------------------------------------------------------------------
# Comments, content controls, fields, smart tags, custom XML, hyperlinks


@_changed
def wd_cell_comments(document: Any) -> None:
    """A reviewer's comment anchored on the words of the first and last cells of each body
    row."""
    for r, _c, tc in _body_cells(document):
        cells = _cells(tc.getparent())
        if tc is not cells[0] and tc is not cells[-1]:
            continue
        for p in _cell_paragraphs(tc)[:1]:
            runs = DocxParagraph(p, document._body).runs
            if runs:
                document.add_comment(
                    runs, text=f"Please confirm this with the board (row {r}).",
                    author="Reviewer", initials="RV",
                )  # fmt: skip


def _sdt(kind: str, text: str) -> Any:
    """An inline content control's properties: a drop-down list of ratings, a date picker or
    plain rich text."""
    pr = OxmlElement("w:sdtPr")
    alias = _element("w:alias", val="Field")
    pr.append(alias)
    pr.append(_element("w:id", val=_next_id()))
    if kind == "list":
        listing = OxmlElement("w:dropDownList")
        for item in ("Choose an item.", text):
            listing.append(_element("w:listItem", displayText=item, value=item))
        pr.append(listing)
    elif kind == "date":
        date = _element("w:date", fullDate="2025-03-31T00:00:00Z")
        date.append(_element("w:dateFormat", val="dd/MM/yyyy"))
        date.append(_element("w:lid", val="en-GB"))
        pr.append(date)
    sdt = OxmlElement("w:sdt")
    sdt.append(pr)
    return sdt


@_changed
def wd_inline_controls(document: Any) -> None:
    """Every paragraph's words in an inline content control, as forms made in Word are: a
    drop-down list for short entries (ratings, leads), a date picker for dates, rich text
    for the rest."""
    for p in _all_paragraphs(document):
        text = _text(p).strip()
        if not text or not _runs(p):
            continue
        kind = "date" if _DATE.match(text) else "list" if len(text.split()) <= 3 else "text"
        sdt = _sdt(kind, text)
        content = OxmlElement("w:sdtContent")
        _wrap_runs(p, content)
        content.addprevious(sdt)
        sdt.append(content)


def _field_instruction(text: str, column: int) -> str:
    if _DATE.match(text):
        return ' DATE \\@ "dd/MM/yyyy" '
    if column == 0:
        return " SEQ Action \\* ARABIC "
    return f" DOCPROPERTY Field{column} \\* MERGEFORMAT "


@_changed
def wd_simple_fields(document: Any) -> None:
    """The words of the first body paragraph (a title from the document's properties) and
    of the table's first column and date cells shown by simple fields (w:fldSimple)."""
    body = [p for p in _body_paragraphs(document) if _text(p).strip()]
    targets = [(p, 1) for p in body[:1]]
    for _r, c, tc in _body_cells(document):
        for p in _cell_paragraphs(tc):
            if c == 0 or _DATE.match(_text(p)):
                targets.append((p, c))
    for p, c in targets:
        field = _element("w:fldSimple", instr=_field_instruction(_text(p), c))
        _wrap_runs(p, field)


def _field_char(kind: str) -> Any:
    r = OxmlElement("w:r")
    r.append(_element("w:fldChar", fldCharType=kind))
    return r


@_changed
def wd_complex_fields(document: Any) -> None:
    """The same words shown by complex fields (w:fldChar begin, the instruction, separate,
    the result, end): only the result shown is text, never the instruction."""
    body = [p for p in _body_paragraphs(document) if _text(p).strip()]
    targets = [(p, 1) for p in body[:1]]
    for _r, c, tc in _body_cells(document):
        for p in _cell_paragraphs(tc):
            if c == 0 or _DATE.match(_text(p)) or len(_text(p).split()) <= 4:
                targets.append((p, c))
    for p, c in targets:
        runs = _runs(p)
        if not runs:
            continue
        runs[0].addprevious(_field_char("begin"))
        runs[0].addprevious(_run(_field_instruction(_text(p), c), tag="w:instrText"))
        runs[0].addprevious(_field_char("separate"))
        runs[-1].addnext(_field_char("end"))


@_changed
def wd_smart_tags(document: Any) -> None:
    """Every paragraph's runs inside a smart tag (names, places and dates Word once tagged)."""
    for p in _all_paragraphs(document):
        tag = _element("w:smartTag", uri="urn:schemas-microsoft-com:office:smarttags")
        tag.set(qn("w:element"), "date" if _DATE.match(_text(p)) else "PersonName")
        _wrap_runs(p, tag)


@_changed
def wd_custom_xml_runs(document: Any) -> None:
    """Every paragraph's runs inside an inline custom XML element (a document library's
    mapped fields)."""
    for p in _all_paragraphs(document):
        element = _element("w:customXml", element="field")
        element.set(qn("w:uri"), "http://example.org/plan")
        _wrap_runs(p, element)


@_changed
def wd_custom_xml_rows(document: Any) -> None:
    """The table's body rows, and the cells in them, each wrapped in a block-level custom
    XML element (w:customXml around w:tr and w:tc), as files saved from mapped templates
    are."""
    tbl = _main(document)
    for tr in _rows(tbl)[1:] if tbl is not None else []:
        for tc in _cells(tr):
            cell_wrapper = _element("w:customXml", element="cell")
            tc.addprevious(cell_wrapper)
            cell_wrapper.append(tc)
        row_wrapper = _element("w:customXml", element="action")
        tr.addprevious(row_wrapper)
        row_wrapper.append(tr)


@_changed
def wd_hyperlinked_names(document: Any) -> None:
    """Short entries of words with no figures (leads' names and roles) linked to an email
    address, and the first column linked to a bookmark."""
    part = document.part
    for _r, c, tc in _body_cells(document):
        for p in _cell_paragraphs(tc):
            text = _text(p)
            link = OxmlElement("w:hyperlink")
            if c == 0:
                link.set(qn("w:anchor"), "_Toc1")
            elif 1 <= len(text.split()) <= 5 and not re.search(r"\d", text):
                rid = part.relate_to("mailto:lead@example.org", RT.HYPERLINK, is_external=True)
                link.set(qn("r:id"), rid)
            else:
                continue
            link.set(qn("w:history"), "1")
            _wrap_runs(p, link)


# ---------------------------------------------------------------------------------------------
# Characters: symbols, hyphens, hidden text, fragmented runs


def _symbol(char: str) -> Any:
    r = OxmlElement("w:r")
    r.append(_element("w:sym", font="Wingdings", char=char))
    return r


@_changed
def wd_symbol_marks(document: Any) -> None:
    """A Wingdings tick inserted before the words of each body cell of the last column (a
    status marked as checked), and a cross after each ref."""
    for _r, c, tc in _body_cells(document):
        cells = _cells(tc.getparent())
        for p in _cell_paragraphs(tc)[:1]:
            runs = _runs(p)
            if not runs:
                continue
            if tc is cells[-1]:
                runs[0].addprevious(_symbol("F0FC"))
                runs[0].addprevious(_run(" "))
            elif c == 0:
                runs[-1].addnext(_symbol("F0FB"))
                runs[-1].addnext(_run(" "))


def _split_text(r: Any, pieces: Callable[[str], list[tuple[str, str]]]) -> None:
    """Replace each w:t of the run by pieces, ('t', text) or (tag, '') for an empty element."""
    for t in list(r.iterchildren(qn("w:t"))):
        parts = pieces(t.text or "")
        if len(parts) <= 1 and (not parts or parts[0][0] == "t"):
            continue
        for kind, text in parts:
            if kind == "t":
                new = OxmlElement("w:t")
                new.text = text
                new.set(qn("xml:space"), "preserve")
            else:
                new = OxmlElement(kind)
            t.addprevious(new)
        r.remove(t)


def _hyphenated(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for n, chunk in enumerate(text.split("-")):
        if n:
            out.append(("w:noBreakHyphen", ""))
        for m, word in enumerate(re.split(r"(\s+)", chunk)):
            if m % 2 == 0 and len(word) >= 10 and word.isalpha():
                half = len(word) // 2
                out += [("t", word[:half]), ("w:softHyphen", ""), ("t", word[half:])]
            elif word:
                out.append(("t", word))
    return out


@_changed
def wd_hyphens(document: Any) -> None:
    """Every hyphen typed as a non-breaking hyphen (Ctrl+Shift+-, as in dates and refs kept
    on one line), and an optional hyphen in the middle of every long word."""
    for p in _all_paragraphs(document):
        for r in p.iter(qn("w:r")):
            _split_text(r, _hyphenated)


def _hidden(text: str) -> Any:
    return _run(text, props=_rpr(OxmlElement("w:vanish")))


@_changed
def wd_hidden_text(document: Any) -> None:
    """Hidden text (w:vanish) Word does not show or print: an author's note after the words
    of each body cell, guidance paragraphs, and an old action's row, all hidden."""
    for _r, _c, tc in _body_cells(document):
        for p in _cell_paragraphs(tc)[-1:]:
            runs = _runs(p)
            if runs:
                runs[-1].addnext(_hidden(" [note: check with lead 2023-11-02]"))
    body = _body_paragraphs(document)
    if body:
        guidance = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ppr.append(_rpr(OxmlElement("w:vanish")))
        guidance.append(ppr)
        guidance.append(_hidden("Guidance: complete every column; delete this before 1 May 2024."))
        body[0].addprevious(guidance)
    tbl = _main(document)
    rows = _rows(tbl) if tbl is not None else []
    if len(rows) >= 3:
        old = copy.deepcopy(rows[-1])
        for r in old.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                r.insert(0, rpr)
            rpr.append(OxmlElement("w:vanish"))
        for p in old.iter(qn("w:p")):
            ppr = p.find(qn("w:pPr"))
            if ppr is None:
                ppr = OxmlElement("w:pPr")
                p.insert(0, ppr)
            ppr.append(_rpr(OxmlElement("w:vanish")))
        rows[-1].addnext(old)


def _fragments(text: str) -> list[tuple[str, str]]:
    return [("t", text[i : i + 3]) for i in range(0, len(text), 3)]


@_changed
def wd_runs_fragmented(document: Any) -> None:
    """Every paragraph's words split over runs of three letters with the marks Word leaves
    between them: bookmarks, proofing marks, rendered page breaks and revision ids."""
    for p in _all_paragraphs(document):
        for r in list(_runs(p)):
            text = "".join(t.text or "" for t in r.iterchildren(qn("w:t")))
            if len(text) < 4 or r.find(qn("w:t")) is None or len(r) > 2:
                continue
            props = r.find(qn("w:rPr"))
            previous = r
            for n, (_kind, piece) in enumerate(_fragments(text)):
                new = _run(piece, props=copy.deepcopy(props) if props is not None else None)
                new.set(qn("w:rsidR"), f"00{n:06X}")
                if n % 4 == 1:
                    mark = _element("w:bookmarkStart", id=_next_id(), name=f"_Hlk{n}")
                    previous.addnext(mark)
                    previous = mark
                    end = _element("w:bookmarkEnd", id=mark.get(qn("w:id")))
                    previous.addnext(end)
                    previous = end
                elif n % 4 == 2:
                    mark = _element("w:proofErr", type="spellStart")
                    previous.addnext(mark)
                    previous = mark
                elif n % 4 == 3:
                    new.insert(
                        1 if props is not None else 0, OxmlElement("w:lastRenderedPageBreak")
                    )
                previous.addnext(new)
                previous = new
            p.remove(r)


# ---------------------------------------------------------------------------------------------
# Table structure


@_changed
def wd_grid_before_after(document: Any) -> None:
    """A narrow grid column either side of the table, as Word writes when rows were dragged
    to different edges: the heading rows' end cells span them, the body rows skip them with
    w:gridBefore and w:gridAfter."""
    tbl = _main(document)
    if tbl is None:
        return
    grid = tbl.find(qn("w:tblGrid"))
    if grid is None:
        return
    for at in (0, len(grid)):
        col = _element("w:gridCol", w="200")
        grid.insert(at, col)
    rows = _rows(tbl)
    # The heading is the first row with the rows merged down from it.
    top = 1
    while top < len(rows) and any(tc.vMerge == "continue" for tc in _cells(rows[top])):
        top += 1
    for tr in rows[:top]:
        heading = _cells(tr)
        for tc in {id(heading[0]): heading[0], id(heading[-1]): heading[-1]}.values():
            grow = 2 if len(heading) == 1 else 1
            tc.grid_span = (tc.grid_span or 1) + grow
    for tr in rows[top:]:
        pr = tr.find(qn("w:trPr"))
        if pr is None:
            pr = OxmlElement("w:trPr")
            tr.insert(0 if tr.find(qn("w:tblPrEx")) is None else 1, pr)
        pr.insert(0, _element("w:gridBefore", val="1"))
        pr.insert(1, _element("w:gridAfter", val="1"))
        # A row that already skipped grid columns skips one more.
        befores = pr.findall(qn("w:gridBefore"))
        if len(befores) > 1:
            total = sum(int(b.get(qn("w:val"), "0")) for b in befores)
            for extra in befores[1:]:
                pr.remove(extra)
            befores[0].set(qn("w:val"), str(total))
        afters = pr.findall(qn("w:gridAfter"))
        if len(afters) > 1:
            total = sum(int(b.get(qn("w:val"), "0")) for b in afters)
            for extra in afters[1:]:
                pr.remove(extra)
            afters[0].set(qn("w:val"), str(total))


@_changed
def wd_vertical_merges(document: Any) -> None:
    """Cells of a column holding the same words in consecutive body rows merged down (a
    lead, date or priority typed once for several actions), each run of them restarting."""
    tbl = _main(document)
    if tbl is None:
        return
    rows = _rows(tbl)[1:]
    grids = []
    for tr in rows:
        placed: dict[int, Any] = {}
        column = 0
        for tc in _cells(tr):
            placed[column] = tc
            column += tc.grid_span or 1
        grids.append(placed)
    for column in sorted({c for g in grids for c in g}):
        n = 0
        while n < len(grids):
            top = grids[n].get(column)
            text = _text(top).strip() if top is not None else ""
            m = n + 1
            while (
                text
                and top is not None
                and top.vMerge is None
                and m < len(grids)
                and (below := grids[m].get(column)) is not None
                and below.vMerge is None
                and (below.grid_span or 1) == (top.grid_span or 1)
                and _text(below).strip() == text
            ):
                m += 1
            if m - n >= 2 and top is not None:
                top.vMerge = "restart"
                for k in range(n + 1, m):
                    below = grids[k][column]
                    for child in list(below.iterchildren(qn("w:p"), qn("w:tbl"))):
                        below.remove(child)
                    below.append(OxmlElement("w:p"))
                    below.vMerge = "continue"
            n = m


_BOX = (
    '<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="1800000" cy="400000"/>'
    '<wp:docPr id="{id}" name="Text Box {id}"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr/>'
    "</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback>"
    '<w:pict><v:shape id="Text Box {id}" type="#_x0000_t202" style="width:142pt;height:31pt">'
    "<v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r>"
)


@_changed
def wd_text_box_in_cell(document: Any) -> None:
    """The words of each body cell of the last column moved into a text box drawn in the
    cell: Word writes the box twice, as a drawing and, for older readers, as a VML shape in
    mc:Fallback, so its words must be read once."""
    namespaces = (
        f'xmlns:w="{_W}" xmlns:mc="{_MC}" xmlns:wps="{_WPS}" xmlns:wp="{_WP}" '
        f'xmlns:a="{_A}" xmlns:v="{_V}"'
    )
    for _r, _c, tc in _body_cells(document):
        cells = _cells(tc.getparent())
        if tc is not cells[-1] or len(cells) < 3:
            continue
        paragraphs = [p for p in tc.iterchildren(qn("w:p"))]
        if not any(_text(p).strip() for p in paragraphs):
            continue
        run = parse_xml(_BOX.format(ns=namespaces, id=_next_id()))
        for box in run.iter(qn("w:txbxContent")):
            for p in paragraphs:
                box.append(copy.deepcopy(p))
        for p in paragraphs:
            tc.remove(p)
        holder = OxmlElement("w:p")
        holder.append(run)
        tc.append(holder)


def _break(kind: str) -> Any:
    r = OxmlElement("w:r")
    r.append(_element("w:br", type=kind))
    return r


@_changed
def wd_breaks_in_cells(document: Any) -> None:
    """Page and column breaks typed inside cells (forcing a row onto the next page), before
    the words of every other body row's first cell and after the last cell's words."""
    for r, _c, tc in _body_cells(document):
        cells = _cells(tc.getparent())
        paragraphs = _cell_paragraphs(tc)
        if not paragraphs:
            continue
        if tc is cells[0] and r % 2 == 0:
            runs = _runs(paragraphs[0])
            if runs:
                runs[0].addprevious(_break("page"))
        elif tc is cells[-1]:
            runs = _runs(paragraphs[-1])
            if runs:
                runs[-1].addnext(_break("column"))


# ---------------------------------------------------------------------------------------------
# The document around the table


def _section_break(landscape: bool) -> Any:
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    sect = OxmlElement("w:sectPr")
    size = _element(
        "w:pgSz", w="16838" if landscape else "11906", h="11906" if landscape else "16838"
    )
    if landscape:
        size.set(qn("w:orient"), "landscape")
    sect.append(size)
    sect.append(_element("w:pgMar", top="1134", right="1134", bottom="1134", left="1134"))
    sect.append(_element("w:type", val="nextPage"))
    ppr.append(sect)
    p.append(ppr)
    return p


@_changed
def wd_landscape_sections(document: Any) -> None:
    """Each table in a landscape section of its own: a section break before it (ending the
    portrait section) and after it (ending the landscape one)."""
    for tbl in list(document.element.body.iterchildren(qn("w:tbl"))):
        tbl.addprevious(_section_break(landscape=False))
        tbl.addnext(_section_break(landscape=True))


def _styled(text: str, style: str) -> Any:
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(_element("w:pStyle", val=style))
    p.append(ppr)
    if text:
        p.append(_run(text))
    return p


@_changed
def wd_contents_field(document: Any) -> None:
    """A table of contents at the start, as Word inserts it: a content control holding a
    "Contents" heading and a TOC field whose shown result lists the headings with their
    page numbers, each linked to its heading."""
    headings = []
    for p in _body_paragraphs(document):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = style.get(qn("w:val")) if style is not None else ""
        match = re.match(r"^Heading(\d)$", name or "")
        if match and _text(p).strip():
            headings.append((int(match.group(1)), _text(p).strip()))
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    pr.append(_element("w:id", val=_next_id()))
    part = OxmlElement("w:docPartObj")
    part.append(_element("w:docPartGallery", val="Table of Contents"))
    part.append(_element("w:docPartUnique"))
    pr.append(part)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    content.append(_styled("Contents", "TOCHeading"))
    entries = headings or [(1, "")]
    for n, (level, text) in enumerate(entries):
        p = _styled("", f"TOC{min(level, 3)}")
        if n == 0:
            p.append(_field_char("begin"))
            p.append(_run(' TOC \\o "1-3" \\h \\z \\u ', tag="w:instrText"))
            p.append(_field_char("separate"))
        if text:
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), f"_Toc{n}")
            link.append(_run(text))
            tab = OxmlElement("w:r")
            tab.append(OxmlElement("w:tab"))
            link.append(tab)
            link.append(_run(str(n + 2)))
            p.append(link)
        else:
            p.append(_run("No table of contents entries found."))
        if n == len(entries) - 1:
            p.append(_field_char("end"))
        content.append(p)
    sdt.append(content)
    document.element.body.insert(0, sdt)


@_changed
def wd_heading_styles_own(document: Any) -> None:
    """The headings given a house style of the council's own ("Plan Heading 1"), based on
    Word's heading style of that level, so the outline level comes from the base style."""
    styles = document.styles.element
    made: dict[str, str] = {}
    for p in _body_paragraphs(document):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = style.get(qn("w:val")) if style is not None else ""
        match = re.match(r"^(Heading\d|Title)$", name or "")
        if style is None or not match:
            continue
        if name not in made:
            own = f"Plan{name}"
            element = parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" '
                f'w:styleId="{own}"><w:name w:val="Plan {name.replace("Heading", "Heading ")}"/>'
                f'<w:basedOn w:val="{name}"/><w:qFormat/></w:style>'
            )
            styles.append(element)
            made[name] = own
        style.set(qn("w:val"), made[name])


@_changed
def wd_heading_ids_localised(document: Any) -> None:
    """Heading styles with the ids a Word in another language gives them ("berschrift1",
    "Titre1") while their names stay Word's own, as documents from localised templates
    have."""
    renamed = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        sid = style.get(qn("w:styleId")) or ""
        match = re.match(r"^Heading(\d)$", sid)
        if match:
            renamed[sid] = f"berschrift{match.group(1)}"
            style.set(qn("w:styleId"), renamed[sid])
    for style in document.styles.element.iter(qn("w:basedOn"), qn("w:next"), qn("w:link")):
        if style.get(qn("w:val")) in renamed:
            style.set(qn("w:val"), renamed[style.get(qn("w:val"))])
    for style in document.element.body.iter(qn("w:pStyle")):
        if style.get(qn("w:val")) in renamed:
            style.set(qn("w:val"), renamed[style.get(qn("w:val"))])


@_changed
def wd_rows_repeating_section(document: Any) -> None:
    """The body rows in a repeating-section content control, one item per row, as forms
    that let a user add an action with a "+" are saved."""
    tbl = _main(document)
    rows = _rows(tbl)[1:] if tbl is not None else []
    if not rows:
        return
    outer = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    pr.append(_element("w:id", val=_next_id()))
    pr.append(_element("w:tag", val="actions"))
    outer.append(pr)
    content = OxmlElement("w:sdtContent")
    rows[0].addprevious(outer)
    outer.append(content)
    for tr in rows:
        item = OxmlElement("w:sdt")
        item_pr = OxmlElement("w:sdtPr")
        item_pr.append(_element("w:id", val=_next_id()))
        item.append(item_pr)
        item_content = OxmlElement("w:sdtContent")
        item.append(item_content)
        content.append(item)
        item_content.append(tr)


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Saving:
    """One way Word saves a file, as a transformation of its bytes."""

    name: str
    change: Callable[[bytes], bytes]

    @property
    def blind(self) -> bool:
        return blind(self.name)

    @property
    def form(self) -> str:
        return "docx"


SAVINGS = tuple(
    Saving(change.__name__, change)
    for change in (
        wd_tracked_insertions,
        wd_tracked_deletions,
        wd_tracked_move,
        wd_tracked_formatting,
        wd_cell_comments,
        wd_inline_controls,
        wd_simple_fields,
        wd_complex_fields,
        wd_smart_tags,
        wd_custom_xml_runs,
        wd_custom_xml_rows,
        wd_hyperlinked_names,
        wd_symbol_marks,
        wd_hyphens,
        wd_hidden_text,
        wd_runs_fragmented,
        wd_grid_before_after,
        wd_vertical_merges,
        wd_text_box_in_cell,
        wd_breaks_in_cells,
        wd_landscape_sections,
        wd_contents_field,
        wd_heading_styles_own,
        wd_heading_ids_localised,
        wd_rows_repeating_section,
    )
)


@dataclass(frozen=True)
class Plan:
    """A Word base plan of shuffled.py, with this round's own blind half."""

    base: shuffled.Base

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def blind(self) -> bool:
        return blind(self.name)


@cache
def plans() -> tuple[Plan, ...]:
    return tuple(Plan(base) for base in shuffled.bases() if base.form == "docx")


@cache
def saved_score(plan: Plan, saving: Saving) -> Score:
    data = saving.change(plan.base.build())
    return score(shuffled.read(data, "plan.docx"), plan.base.reference())


def fallen(plan: Plan, saving: Saving) -> list[str]:
    """The key figures the transformation lowered, and 'extra' when it added actions."""
    return accuracy.fallen_between(shuffled.base_score(plan.base), saved_score(plan, saving))


def kept(plan: Plan, saving: Saving) -> tuple[int, int]:
    return accuracy.kept_between(shuffled.base_score(plan.base), saved_score(plan, saving))


def cells(
    chosen: tuple[Plan, ...] | None = None, savings: tuple[Saving, ...] | None = None
) -> Iterator[tuple[Plan, Saving]]:
    for plan in chosen if chosen is not None else plans():
        for saving in savings if savings is not None else SAVINGS:
            yield plan, saving
