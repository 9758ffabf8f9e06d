"""The same plan, laid out a little differently, should read the same: a metamorphic bench.

Real councils' Word and Excel files differ in many small ways that should not change what a
plan says: the column order, an empty row under the heading, a title block and a logo row
above it, a notes sheet in front, a frozen pane, hidden helper columns, dates typed as text or
held as real dates, headings in capitals, wrapped over two lines or ending with a colon, a
table of indicators under the actions, in Word a table split over a page break with its
heading row repeated, or nested in a one-cell layout table, and so on.

Each transformation here is a small named function that takes a file's bytes and gives back
the same plan laid out differently. None knows any plan's words: each finds the action table
by its shape (the sheet or table with the most filled cells; its heading the first row of
words filled at least 40% as fully as the fullest, with any rows of short headings under it)
and rearranges it.

The base plans are files the importer already reads: the dev and opened real plans that have a
Word or Excel file (blind plans are skipped by their slug before any file of theirs is
touched), the invented plans of `unseen_office` and the two shared samples. Each (plan,
transformation) is scored with `accuracy.agreement` against the plan's own reference and
compared with the untransformed file's score: a cell holds when no key figure falls and no
action is added.

A fixed hash rule (`blind`) keeps half of the transformations and half of the base plans
blind: rules are written from cells whose plan and transformation are both on the dev side;
every other cell is reported apart. bench/parse_shuffled.py prints the matrix;
test_parse_shuffled.py holds floors on a subset.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

import docx
import openpyxl
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sendplan.demo import sample_files
from sendplan.interchange.parsers import ParseError, parse_file_inprocess
from sendplan.interchange.tests import accuracy, real_corpus, unseen_office
from sendplan.interchange.tests.accuracy import Score, score

Doc = dict[str, Any]

# The figures a transformation must not change.


def blind(name: str) -> bool:
    """Half of the plans and half of the transformations, fixed by a hash before any rule."""
    return hashlib.sha256(f"shuffle17:{name}".encode()).digest()[0] % 2 == 1


# ---------------------------------------------------------------------------------------------
# Excel: finding the table


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def _row_counts(sheet: Worksheet) -> dict[int, int]:
    counts: dict[int, int] = {}
    for (row, _column), cell in sheet._cells.items():
        if _filled(cell.value):
            counts[row] = counts.get(row, 0) + 1
    return counts


@dataclass(frozen=True)
class Table:
    header: int  # the heading row
    first: int  # first and last column of the table
    last: int
    bottom: int  # last row holding anything


def _table(sheet: Worksheet) -> Table | None:
    """The sheet's action table by its shape, or None when it holds no table of 3+ columns."""
    counts = _row_counts(sheet)
    if not counts:
        return None
    widest = max(counts.values())
    if widest < 3:
        return None
    need = max(3, -(-widest * 4 // 10))
    header = min(
        (row for row, count in counts.items() if count >= need and _all_words(sheet, row)),
        default=min(row for row, count in counts.items() if count >= need),
    )
    # Heading rows under it: two or more short cells of words ("Q1 2025/26", "RAG | Notes").
    while counts.get(header + 1, 0) >= 2 and _all_words(sheet, header + 1, short=True):
        header += 1
    if sum(1 for row in counts if row > header) < 2:
        return None
    columns = [c for (r, c), cell in sheet._cells.items() if r >= header and _filled(cell.value)]
    return Table(header, min(columns), max(columns), max(counts))


def _all_words(sheet: Worksheet, row: int, *, short: bool = False) -> bool:
    """Whether every filled cell of the row holds words (a heading row holds no numbers),
    with `short` four words at most."""
    return all(
        isinstance(cell.value, str) and (not short or len(cell.value.split()) <= 4)
        for (r, _c), cell in sheet._cells.items()
        if r == row and _filled(cell.value)
    )


def _tables(book: Any) -> Iterator[tuple[Worksheet, Table]]:
    for sheet in book.worksheets:
        table = _table(sheet)
        if table is not None:
            yield sheet, table


def _main_sheet(book: Any) -> Worksheet:
    return max(book.worksheets, key=lambda s: sum(_row_counts(s).values()))


def _relayout(
    sheet: Worksheet, row_of: Callable[[int], int], column_of: Callable[[int], int]
) -> None:
    """Move every cell (value and style) and merged range to its new place."""
    cells = [
        (row, column, cell.value, copy.copy(cell._style), cell.hyperlink, cell.comment)
        for (row, column), cell in sheet._cells.items()
    ]
    merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges]
    # Hidden columns and rows, and widths and heights, move with their cells.
    widths = {}
    for letter, dim in list(sheet.column_dimensions.items()):
        for column in range(dim.min or column_index_from_string(letter), (dim.max or 0) + 1):
            widths[column] = (dim.hidden, dim.width)
    heights = {row: (dim.hidden, dim.height) for row, dim in sheet.row_dimensions.items()}
    sheet.column_dimensions.clear()
    sheet.row_dimensions.clear()
    for column, (hidden, width) in widths.items():
        moved = sheet.column_dimensions[get_column_letter(column_of(column))]
        moved.hidden, moved.width = hidden, width
    for row, (hidden, height) in heights.items():
        moved_row = sheet.row_dimensions[row_of(row)]
        moved_row.hidden, moved_row.height = hidden, height
    for each in list(sheet.merged_cells.ranges):
        sheet.merged_cells.remove(each)
    sheet._cells.clear()
    for row, column, value, style, link, comment in cells:
        cell = sheet.cell(row_of(row), column_of(column))
        cell.value = value
        cell._style = style
        if link is not None:
            cell.hyperlink = link
        if comment is not None:
            cell.comment = comment
    for top, left, bottom, right in merged:
        columns = [column_of(c) for c in range(left, right + 1)]
        sheet.merge_cells(
            start_row=row_of(top),
            start_column=min(columns),
            end_row=row_of(bottom),
            end_column=max(columns),
        )


def _same(n: int) -> int:
    return n


def _four_lower(r: int) -> int:
    return r + 4


def _saved_book(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _text_cells(sheet: Worksheet, table: Table, row: int) -> Iterator[Any]:
    for column in range(table.first, table.last + 1):
        cell = sheet.cell(row, column)
        if isinstance(cell.value, str) and cell.value.strip():
            yield cell


# Excel transformations


def xl_columns_reordered(data: bytes) -> bytes:
    """The table's columns after the first in reverse order (merged rows spanning it kept)."""
    book = _book(data)
    for sheet, table in _tables(book):
        first, last = table.first + 1, table.last

        def reversed_after_first(c: int, a: int = first, b: int = last) -> int:
            return a + b - c if a <= c <= b else c

        _relayout(sheet, _same, reversed_after_first)
    return _saved_book(book)


def xl_empty_column(data: bytes) -> bytes:
    """An empty narrow column between the table's first and second columns."""
    book = _book(data)
    for sheet, table in _tables(book):

        def one_further(c: int, k: int = table.first) -> int:
            return c + 1 if c > k else c

        _relayout(sheet, _same, one_further)
    return _saved_book(book)


def xl_empty_row(data: bytes) -> bytes:
    """An empty row between the heading row and the body."""
    book = _book(data)
    for sheet, table in _tables(book):

        def one_lower(r: int, h: int = table.header) -> int:
            return r + 1 if r > h else r

        _relayout(sheet, one_lower, _same)
    return _saved_book(book)


def xl_title_block(data: bytes) -> bytes:
    """A title, a 'last updated' line and an empty logo row above everything on the sheet."""
    book = _book(data)
    sheet = _main_sheet(book)
    _relayout(sheet, _four_lower, _same)
    sheet.row_dimensions[1].height = 48  # where the logo sits
    sheet.cell(2, 1).value = "Local area partnership: improvement plan tracker"
    sheet.cell(2, 1).font = openpyxl.styles.Font(bold=True, size=16)
    sheet.cell(3, 1).value = "Last updated: 14 October 2024. Version 4.2 (draft)"
    return _saved_book(book)


def xl_notes_sheet(data: bytes) -> bytes:
    """A sheet of instructions in front of the others."""
    book = _book(data)
    notes = book.create_sheet("Read me", 0)
    lines = [
        "How to use this tracker",
        "Each lead officer updates their own rows before the monthly partnership board.",
        "Please do not change the column headings or delete rows.",
        "Contact the programme office with any questions about this workbook.",
    ]
    for row, line in enumerate(lines, start=1):
        notes.cell(row, 1).value = line
    book.active = 1
    return _saved_book(book)


def xl_sheet_renamed(data: bytes) -> bytes:
    """The data sheet named the way a file gets saved over time."""
    book = _book(data)
    _main_sheet(book).title = "Sheet1 (2)"
    return _saved_book(book)


def xl_frozen_filtered(data: bytes) -> bytes:
    """A frozen pane under the heading row and an autofilter on the table."""
    book = _book(data)
    for sheet, table in _tables(book):
        sheet.freeze_panes = f"{get_column_letter(table.first + 1)}{table.header + 1}"
        sheet.auto_filter.ref = (
            f"{get_column_letter(table.first)}{table.header}:"
            f"{get_column_letter(table.last)}{table.bottom}"
        )
    return _saved_book(book)


def xl_hidden_helpers(data: bytes) -> bytes:
    """Two hidden helper columns after the table: a formula and a running number."""
    book = _book(data)
    for sheet, table in _tables(book):
        count, row_number = table.last + 1, table.last + 2
        first = get_column_letter(table.first)
        for row in range(table.header + 1, table.bottom + 1):
            sheet.cell(row, count).value = f'=IF(LEN({first}{row})>0,1,"")'
            sheet.cell(row, row_number).value = row - table.header
        for column in (count, row_number):
            sheet.column_dimensions[get_column_letter(column)].hidden = True
    return _saved_book(book)


_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\s*$")
_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$")
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        dt.date(2000, number, 1).strftime("%B").lower(),
        dt.date(2000, number, 1).strftime("%b").lower(),
    )
}
_DATE_FORMATS = ("dd/mm/yyyy", "d mmmm yyyy", "dd-mmm-yy")


def _full_date(text: str) -> dt.datetime | None:
    """A date written in full (day, month and year), else None."""
    match = _DAY_FIRST.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.datetime(year + 2000 if year < 100 else year, month, day)
        match = _DAY_MONTH_YEAR.match(text)
        if match and match.group(2).lower() in _MONTHS:
            month = _MONTHS[match.group(2).lower()]
            return dt.datetime(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None
    return None


def xl_real_dates(data: bytes) -> bytes:
    """Dates typed in full as text held as real Excel dates, in three number formats."""
    book = _book(data)
    for sheet, table in _tables(book):
        done = 0
        for row in range(table.header + 1, table.bottom + 1):
            for cell in _text_cells(sheet, table, row):
                when = _full_date(cell.value)
                if when is not None:
                    cell.value = when
                    cell.number_format = _DATE_FORMATS[done % len(_DATE_FORMATS)]
                    done += 1
    return _saved_book(book)


def xl_dates_as_text(data: bytes) -> bytes:
    """Real Excel dates typed as text instead: day first, or the month where only the month
    is shown."""
    book = _book(data)
    for sheet, table in _tables(book):
        for row in range(table.header + 1, table.bottom + 1):
            for column in range(table.first, table.last + 1):
                cell = sheet.cell(row, column)
                if isinstance(cell.value, dt.datetime):
                    # A date shown as a month ("Mar-24") is typed as the month.
                    shows_day = "d" in cell.number_format.lower()
                    cell.value = cell.value.strftime("%d/%m/%Y" if shows_day else "%B %Y")
                    cell.number_format = "@"
    return _saved_book(book)


_COLOURS = {"R": "FF0000", "A": "FFC000", "G": "00B050", "B": "0070C0"}
_WORDS = {
    "r": "R", "red": "R", "a": "A", "amber": "A", "g": "G", "green": "G",
    "b": "B", "blue": "B", "complete": "B", "completed": "B",
}  # fmt: skip


def xl_status_fill_only(data: bytes) -> bytes:
    """Ratings written as a letter or colour word shown as the cell's fill alone, with a key
    on a sheet of its own saying what each fill means."""
    book = _book(data)
    changed = False
    for sheet, table in _tables(book):
        for row in range(table.header + 1, table.bottom + 1):
            for cell in _text_cells(sheet, table, row):
                code = _WORDS.get(cell.value.strip().lower())
                if code:
                    cell.value = None
                    cell.fill = PatternFill("solid", fgColor=_COLOURS[code])
                    changed = True
    if changed:
        key = book.create_sheet("Colour key")
        labels = {"B": "Complete", "G": "On track", "A": "At risk", "R": "Off track"}
        for row, (code, label) in enumerate(labels.items(), start=1):
            key.cell(row, 1).fill = PatternFill("solid", fgColor=_COLOURS[code])
            key.cell(row, 2).value = label
    return _saved_book(book)


def xl_headings_wrapped(data: bytes) -> bytes:
    """Each heading of two or more words wrapped over two lines at its first space."""
    book = _book(data)
    for sheet, table in _tables(book):
        for cell in _text_cells(sheet, table, table.header):
            cell.value = cell.value.strip().replace(" ", "\n", 1)
    return _saved_book(book)


def xl_headings_shouted(data: bytes) -> bytes:
    """Headings in capitals, with a trailing colon or asterisk."""
    book = _book(data)
    for sheet, table in _tables(book):
        for n, cell in enumerate(_text_cells(sheet, table, table.header)):
            cell.value = cell.value.strip().upper() + (":" if n % 2 else " *")
    return _saved_book(book)


def xl_section_rows_merged(data: bytes) -> bytes:
    """Rows of the body holding a single filled cell merged across the table's width."""
    book = _book(data)
    for sheet, table in _tables(book):
        merged = {(r.min_row, r.min_col) for r in sheet.merged_cells.ranges}
        merged_rows = {r for r, _ in merged}
        for row in range(table.header + 1, table.bottom + 1):
            filled = [
                column
                for column in range(table.first, table.last + 1)
                if _filled(sheet.cell(row, column).value)
            ]
            if len(filled) == 1 and filled[0] == table.first and row not in merged_rows:
                sheet.merge_cells(
                    start_row=row, start_column=table.first, end_row=row, end_column=table.last
                )
    return _saved_book(book)


_INDICATORS: list[list[object]] = [
    ["Key performance indicators", None, None, None],
    ["Indicator", "Baseline", "Target", "Latest"],
    ["EHC plans issued within 20 weeks (%)", 48, 70, 61],
    ["Annual reviews completed on time (%)", 55, 85, 72],
    ["Families who agree they were listened to (%)", 40, 60, 52],
]


def xl_indicators_below(data: bytes) -> bytes:
    """A small table of indicators two rows under the action table, on the same sheet."""
    book = _book(data)
    sheet = _main_sheet(book)
    table = _table(sheet)
    start = (table.bottom if table else sheet.max_row) + 3
    left = table.first if table else 1
    for r, values in enumerate(_INDICATORS):
        for c, value in enumerate(values):
            if value is not None:
                sheet.cell(start + r, left + c).value = value
    return _saved_book(book)


# A second batch, written after the first batch's rules (its own hash split, scored first).


def xl_header_band(data: bytes) -> bytes:
    """A band of group headings over the heading row: one over the first two columns, one
    over the rest, each merged across its columns."""
    book = _book(data)
    for sheet, table in _tables(book):
        if table.last - table.first < 3:
            continue
        # Only where the row above the heading row is free.
        if table.header > 1 and any(
            _filled(sheet.cell(table.header - 1, c).value)
            for c in range(table.first, table.last + 1)
        ):
            continue
        h = table.header

        def one_lower(r: int, h: int = h) -> int:
            return r + 1 if r >= h else r

        _relayout(sheet, one_lower, _same)
        sheet.cell(h, table.first).value = "The action"
        sheet.cell(h, table.first + 2).value = "Delivery and monitoring"
        sheet.merge_cells(
            start_row=h, start_column=table.first, end_row=h, end_column=table.first + 1
        )
        sheet.merge_cells(
            start_row=h, start_column=table.first + 2, end_row=h, end_column=table.last
        )
    return _saved_book(book)


_NUMBER_LIKE = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")


def xl_refs_as_numbers(data: bytes) -> bytes:
    """Refs typed into a spreadsheet become numbers ("2" is 2, "1.2" is 1.2) wherever the
    number shows the same digits."""
    book = _book(data)
    for sheet, table in _tables(book):
        for row in range(table.header + 1, table.bottom + 1):
            cell = sheet.cell(row, table.first)
            text = cell.value.strip() if isinstance(cell.value, str) else ""
            if not _NUMBER_LIKE.match(text) or (text.endswith("0") and "." in text):
                continue
            cell.value = float(text) if "." in text else int(text)
    return _saved_book(book)


def xl_spaced_rows(data: bytes) -> bytes:
    """An empty row after every row of the body, as plans spaced out for printing have."""
    book = _book(data)
    for sheet, table in _tables(book):

        def spaced(r: int, h: int = table.header) -> int:
            return r + (r - h - 1) if r > h + 1 else r

        _relayout(sheet, spaced, _same)
    return _saved_book(book)


def xl_padded_cells(data: bytes) -> bytes:
    """Text cells with the stray spaces copying leaves: a leading space, a trailing
    non-breaking space."""
    book = _book(data)
    for sheet, table in _tables(book):
        for row in range(table.header, table.bottom + 1):
            for cell in _text_cells(sheet, table, row):
                cell.value = f" {cell.value}\u00a0"
    return _saved_book(book)


# A third batch, written after the second (its own hash split, scored first).


def xl_status_case(data: bytes) -> bytes:
    """Ratings in colour words or letters typed in capitals ("GREEN") or in lower case."""
    book = _book(data)
    for sheet, table in _tables(book):
        for row in range(table.header + 1, table.bottom + 1):
            for cell in _text_cells(sheet, table, row):
                text = cell.value.strip()
                if text.lower() in _WORDS:
                    cell.value = text.upper() if len(text) > 1 else text.lower()
    return _saved_book(book)


def xl_columns_rotated(data: bytes) -> bytes:
    """The table's last column moved to be its first."""
    book = _book(data)
    for sheet, table in _tables(book):

        def rotated(c: int, a: int = table.first, b: int = table.last) -> int:
            if c == b:
                return a
            return c + 1 if a <= c < b else c

        _relayout(sheet, _same, rotated)
    return _saved_book(book)


def _clear_rows(sheet: Worksheet, top: int, bottom: int) -> None:
    for each in list(sheet.merged_cells.ranges):
        if each.min_row <= bottom and each.max_row >= top:
            sheet.merged_cells.remove(each)
    for key in [key for key in sheet._cells if top <= key[0] <= bottom]:
        del sheet._cells[key]


def xl_split_across_sheets(data: bytes) -> bytes:
    """The action table split over two sheets at a row near its middle, the rows above the
    body (title and headings) repeated on the second sheet."""
    book = _book(data)
    sheet = _main_sheet(book)
    table = _table(sheet)
    if table is None or table.bottom - table.header < 4:
        return data
    crossing = [(r.min_row, r.max_row) for r in sheet.merged_cells.ranges]
    split = table.header + 1 + (table.bottom - table.header) // 2
    while split <= table.bottom and any(lo < split <= hi for lo, hi in crossing):
        split += 1
    if split > table.bottom:
        return data
    second = book.copy_worksheet(sheet)
    second.title = f"{sheet.title[:26]} (2)"
    _clear_rows(sheet, split, table.bottom)
    _clear_rows(second, table.header + 1, split - 1)
    header = table.header
    gap = split - header - 1

    def raised(r: int, h: int = header) -> int:
        return r - gap if r > h else r

    _relayout(second, raised, _same)
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Word


def _document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _saved_document(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _main_table(document: Any) -> Any | None:
    tables = document.tables
    if not tables:
        return None
    return max(tables, key=lambda t: len(t._tbl.tr_lst))


def _paragraph(text: str) -> Any:
    p = OxmlElement("w:p")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    p.append(r)
    return p


def wd_table_split(data: bytes) -> bytes:
    """The largest table split in two at its middle row by a page break, the heading row
    repeated at the top of the second part."""
    document = _document(data)
    table = _main_table(document)
    if table is None or len(table._tbl.tr_lst) < 4:
        return data
    rows = table._tbl.tr_lst
    middle = len(rows) // 2
    second = copy.deepcopy(table._tbl)
    for tr in rows[middle:]:
        table._tbl.remove(tr)
    for tr in second.tr_lst[1:middle]:
        second.remove(tr)
    brk = document.add_paragraph().add_run()
    brk.add_break(WD_BREAK.PAGE)
    page = brk._r.getparent()
    page.getparent().remove(page)
    table._tbl.addnext(page)
    page.addnext(second)
    return _saved_document(document)


def wd_nested_table(data: bytes) -> bytes:
    """The largest table placed inside the single cell of a layout table."""
    document = _document(data)
    table = _main_table(document)
    if table is None:
        return data
    outer = document.add_table(rows=1, cols=1)
    outer_tbl = outer._tbl
    outer_tbl.getparent().remove(outer_tbl)
    inner = table._tbl
    inner.addprevious(outer_tbl)
    cell = outer.cell(0, 0)._tc
    inner.getparent().remove(inner)
    cell.insert(len(cell) - 1 if len(cell) else 0, inner)
    # A cell must end with a paragraph.
    cell.append(_paragraph(""))
    return _saved_document(document)


def wd_header_footer(data: bytes) -> bytes:
    """Running text in the page header and footer."""
    document = _document(data)
    for section in document.sections:
        section.header.paragraphs[0].text = "OFFICIAL: local area partnership improvement plan"
        section.footer.paragraphs[0].text = "Version 3.1, October 2024. Page 1 of 12"
    return _saved_document(document)


def wd_paragraphs_between(data: bytes) -> bytes:
    """The plan's own short paragraphs before each table and after the last."""
    document = _document(data)
    tables = list(document.tables)
    for n, table in enumerate(tables):
        table._tbl.addprevious(
            _paragraph("The table below sets out progress reported to the partnership board.")
        )
        if n == len(tables) - 1:
            table._tbl.addnext(
                _paragraph(
                    "Progress against this plan is reviewed every quarter and reported to "
                    "the board."
                )
            )
    return _saved_document(document)


def _prepend_cell(tr: Any, text: str) -> None:
    tc = OxmlElement("w:tc")
    pr = OxmlElement("w:tcPr")
    width = OxmlElement("w:tcW")
    width.set(qn("w:w"), "500")
    width.set(qn("w:type"), "dxa")
    pr.append(width)
    tc.append(pr)
    tc.append(_paragraph(text))
    first = tr.find(qn("w:tc"))
    if first is not None:
        first.addprevious(tc)
    else:
        tr.append(tc)


def wd_row_numbers(data: bytes) -> bytes:
    """A first column numbering the rows of the largest table, headed 'No.'."""
    document = _document(data)
    table = _main_table(document)
    if table is None:
        return data
    grid = table._tbl.tblGrid
    col = OxmlElement("w:gridCol")
    col.set(qn("w:w"), "500")
    grid.insert(0, col)
    for n, tr in enumerate(table._tbl.tr_lst):
        _prepend_cell(tr, "No." if n == 0 else str(n))
    return _saved_document(document)


def _heading_cells(table: Any) -> list[Any]:
    tr = table._tbl.tr_lst[0]
    return list(tr.iter(qn("w:tc")))


def _cell_texts(tc: Any) -> list[Any]:
    return list(tc.iter(qn("w:t")))


def wd_headings_shouted(data: bytes) -> bytes:
    """Each table's heading row in capitals ending with a colon."""
    document = _document(data)
    for table in document.tables:
        if len(table._tbl.tr_lst) < 2:
            continue
        for tc in _heading_cells(table):
            texts = _cell_texts(tc)
            for t in texts:
                t.text = (t.text or "").upper()
            if texts and (texts[-1].text or "").strip():
                texts[-1].text = texts[-1].text.rstrip() + ":"
    return _saved_document(document)


def wd_headings_wrapped(data: bytes) -> bytes:
    """Each heading of two or more words broken over two lines at its first space."""
    document = _document(data)
    for table in document.tables:
        if len(table._tbl.tr_lst) < 2:
            continue
        for tc in _heading_cells(table):
            for t in _cell_texts(tc):
                text = t.text or ""
                if " " not in text.strip():
                    continue
                head, tail = text.split(" ", 1)
                t.text = head
                br = OxmlElement("w:br")
                rest = OxmlElement("w:t")
                rest.text = tail
                rest.set(qn("xml:space"), "preserve")
                t.addnext(br)
                br.addnext(rest)
                break
    return _saved_document(document)


def wd_indicators_below(data: bytes) -> bytes:
    """A small table of indicators after the last table."""
    document = _document(data)
    document.add_paragraph(str(_INDICATORS[0][0]))
    table = document.add_table(rows=0, cols=4)
    for values in _INDICATORS[1:]:
        cells = table.add_row().cells
        for c, value in enumerate(values):
            cells[c].text = str(value)
    return _saved_document(document)


def wd_padded_cells(data: bytes) -> bytes:
    """Each table cell's text with a trailing non-breaking space and a leading space."""
    document = _document(data)
    for tbl in document.element.body.iter(qn("w:tbl")):
        for tc in tbl.iter(qn("w:tc")):
            texts = _cell_texts(tc)
            if texts and (texts[0].text or "").strip():
                texts[0].text = " " + (texts[0].text or "")
                texts[0].set(qn("xml:space"), "preserve")
                texts[-1].text = (texts[-1].text or "") + "\u00a0"
    return _saved_document(document)


def wd_empty_row_under_heading(data: bytes) -> bytes:
    """An empty row between the largest table's heading rows and its body."""
    document = _document(data)
    table = _main_table(document)
    if table is None or len(table._tbl.tr_lst) < 2:
        return data
    rows = table._tbl.tr_lst
    # Under the whole heading: the rows after the first whose first cell is the heading's,
    # merged down or typed again, are heading too.
    first = "".join(t.text or "" for t in _cell_texts(_heading_cells(table)[0]))
    last = 0
    while last + 1 < len(rows) - 1:
        cells = list(rows[last + 1].iter(qn("w:tc")))
        if not cells:
            break
        merged = cells[0].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") is not None
        if not merged and "".join(t.text or "" for t in _cell_texts(cells[0])) != first:
            break
        last += 1
    heading = rows[last]
    empty = copy.deepcopy(heading)
    for tc in empty.iter(qn("w:tc")):
        for p in list(tc.iter(qn("w:p"))):
            for child in list(p):
                if child.tag != qn("w:pPr"):
                    p.remove(child)
    # Its own cells, not the heading's merged down, and not repeated on each page.
    for pr in list(empty.iter(qn("w:tblHeader"), qn("w:vMerge"))):
        pr.getparent().remove(pr)
    heading.addnext(empty)
    return _saved_document(document)


def wd_columns_reordered(data: bytes) -> bytes:
    """The largest table's columns after the first in reverse order."""
    document = _document(data)
    table = _main_table(document)
    if table is None:
        return data
    grid = table._tbl.tblGrid
    cols = grid.findall(qn("w:gridCol"))
    for col in cols[1:]:
        grid.remove(col)
    for col in reversed(cols[1:]):
        grid.append(col)
    for tr in table._tbl.tr_lst:
        cells = tr.findall(qn("w:tc"))
        for tc in cells[1:]:
            tr.remove(tc)
        for tc in reversed(cells[1:]):
            tr.append(tc)
    return _saved_document(document)


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shuffle:
    name: str
    form: str  # 'xlsx' or 'docx'
    change: Callable[[bytes], bytes]

    @property
    def blind(self) -> bool:
        return blind(self.name)


SHUFFLES = tuple(
    Shuffle(change.__name__, "xlsx" if change.__name__.startswith("xl_") else "docx", change)
    for change in (
        xl_columns_reordered,
        xl_empty_column,
        xl_empty_row,
        xl_title_block,
        xl_notes_sheet,
        xl_sheet_renamed,
        xl_frozen_filtered,
        xl_hidden_helpers,
        xl_real_dates,
        xl_dates_as_text,
        xl_status_fill_only,
        xl_headings_wrapped,
        xl_headings_shouted,
        xl_section_rows_merged,
        xl_indicators_below,
        wd_table_split,
        wd_nested_table,
        wd_header_footer,
        wd_paragraphs_between,
        wd_row_numbers,
        wd_headings_shouted,
        wd_headings_wrapped,
        wd_indicators_below,
        # The second batch.
        xl_header_band,
        xl_refs_as_numbers,
        xl_spaced_rows,
        xl_padded_cells,
        wd_padded_cells,
        wd_empty_row_under_heading,
        # The third batch.
        xl_status_case,
        xl_columns_rotated,
        xl_split_across_sheets,
        wd_columns_reordered,
    )
)


@dataclass(frozen=True)
class Base:
    """A Word or Excel file the importer already reads, with the plan it holds."""

    name: str
    form: str
    build: Callable[[], bytes]
    reference: Callable[[], Doc]

    @property
    def blind(self) -> bool:
        return blind(self.name)


def _real_bases() -> list[Base]:
    # The blind half of the real corpus is never opened (real_corpus.laid_out_files).
    return [
        Base(f"real/{plan.slug}.{form}", form, path.read_bytes, partial(plan.expected, form))
        for form in ("docx", "xlsx")
        for plan, path in real_corpus.laid_out_files(form)
    ]


def _invented_bases() -> list[Base]:
    return [
        Base(f"unseen/{plan.filename}", plan.filename.rsplit(".", 1)[1], plan.build, plan.reference)
        for plan in unseen_office.CORPUS
        if plan.filename.endswith((".docx", ".xlsx"))
    ]


def _sample_bases() -> list[Base]:
    return [
        Base(
            f"sample/{sample.file_name(form)}",
            form,
            partial(sample.build, form),
            sample.rated,
        )
        for sample in sample_files.SAMPLES
        for form in ("docx", "xlsx")
    ]


@cache
def bases() -> tuple[Base, ...]:
    return tuple(_real_bases() + _invented_bases() + _sample_bases())


def read(data: bytes, filename: str) -> Doc:
    try:
        document: Doc = parse_file_inprocess(data, filename).document
    except ParseError:
        return {"title": "", "sections": []}
    return document["plan"]


@cache
def base_score(base: Base) -> Score:
    return score(read(base.build(), f"plan.{base.form}"), base.reference())


@cache
def shuffled_score(base: Base, shuffle: Shuffle) -> Score:
    data = shuffle.change(base.build())
    return score(read(data, f"plan.{base.form}"), base.reference())


def fallen(base: Base, shuffle: Shuffle) -> list[str]:
    """The key figures the transformation lowered, and 'extra' when it added actions."""
    return accuracy.fallen_between(base_score(base), shuffled_score(base, shuffle))


def cells(
    plans: tuple[Base, ...] | None = None, shuffles: tuple[Shuffle, ...] | None = None
) -> Iterator[tuple[Base, Shuffle]]:
    for base in plans if plans is not None else bases():
        for shuffle in shuffles if shuffles is not None else SHUFFLES:
            if shuffle.form == base.form:
                yield base, shuffle


def kept(base: Base, shuffle: Shuffle) -> tuple[int, int]:
    """(key figures matching after, matching before) summed over the key figures."""
    return accuracy.kept_between(base_score(base), shuffled_score(base, shuffle))


# What the benches print (bench/parse_shuffled.py, bench/parse_pdf_shuffled.py), for a corpus
# module with this one's cells(), fallen() and kept().

Failing = list[tuple[Any, Any, list[str]]]


def print_matrix(corpus: Any, plans: Iterable[Any], shuffles: Sequence[Any], width: int) -> Failing:
    """The transformations by number, then a row per plan: '.' a cell that holds, 'x' one that
    does not, '(b)' the blind half. Returns the failing cells with what fell in each."""
    failing: Failing = []
    for n, shuffle in enumerate(shuffles, start=1):
        print(f"  {n:>2} {shuffle.name}{' (b)' if shuffle.blind else ''}")
    print(f"  {'':<{width}} " + "".join(f"{n % 100:>3}" for n in range(1, len(shuffles) + 1)))
    for base in plans:
        row = ""
        for shuffle in shuffles:
            fell = corpus.fallen(base, shuffle)
            row += f"{'x' if fell else '.':>3}"
            if fell:
                failing.append((base, shuffle, fell))
        name = f"{base.name}{' (b)' if base.blind else ''}"
        print(f"  {name[:width]:<{width}} {row}")
    return failing


def print_totals(corpus: Any, failing: Failing, *, quiet: bool) -> None:
    """What fell in each failing cell (unless quiet), then cells holding and key figures kept
    for the dev cells (plan and transformation both dev), the blind cells and all."""
    if not quiet:
        print("Failing cells")
        for base, shuffle, fell in failing:
            side = "blind" if base.blind or shuffle.blind else "dev"
            print(f"  [{side}] {base.name} x {shuffle.name}: {', '.join(fell)}")
    groups: dict[str, Callable[[Any, Any], bool]] = {
        "dev (plan and transformation dev)": lambda b, s: not b.blind and not s.blind,
        "blind (plan or transformation blind)": lambda b, s: b.blind or s.blind,
        "all": lambda b, s: True,
    }
    print("Totals: cells holding; key figures kept of those read before")
    for label, wanted in groups.items():
        print_total(corpus, label, [(b, s) for b, s in corpus.cells() if wanted(b, s)], 40)


def print_total(corpus: Any, label: str, chosen: list[tuple[Any, Any]], width: int) -> None:
    """One line of totals: how many of the chosen cells hold, and the key figures they keep."""
    holding = sum(not corpus.fallen(b, s) for b, s in chosen)
    kept_ = [corpus.kept(b, s) for b, s in chosen]
    after, before = sum(k[0] for k in kept_), sum(k[1] for k in kept_)
    print(
        f"  {label:<{width}} cells {holding:>4}/{len(chosen):<4} "
        f"{100 * holding / max(1, len(chosen)):5.1f}%   "
        f"figures {after:>6}/{before:<6} {100 * after / max(1, before):5.1f}%"
    )
