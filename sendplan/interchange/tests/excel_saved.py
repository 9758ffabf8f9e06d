"""Excel files as councils save them: a metamorphic bench of what the file itself holds.

Real trackers are not written by openpyxl: they are kept for years in Excel, or exported from
SharePoint lists and other tools, and their XML holds what the importer's corpora do not:
ratings shown only by conditional formatting or an icon set, formulas with or without the
values Excel caches for them, strings inline or in rich-text runs, the 1904 date system,
dates left as serial numbers, hidden rows of old actions, rows grouped and collapsed, Excel
Tables with a totals row, a priority merged down its actions, a sheet per priority, Strict
Open XML, and so on. The layout changes of tests/shuffled.py (columns moved, title rows,
hidden helper columns...) are not repeated.

Each transformation is a small named function from a workbook's bytes to the same plan saved
another way. Like shuffled.py's, each finds the action table by its shape (shuffled._table)
and knows no plan's words. The base plans are shuffled.py's Excel bases (real dev and opened
plans, blind real plans skipped before any file of theirs is opened; the invented plans; the
samples). A cell (plan x transformation) holds when no key figure falls against the
untransformed file and no action is added.

Hidden rows: rows a user has hidden on their own are old or retired actions and are not read
(users expect what they see); rows hidden because their outline group is collapsed are part
of the plan, folded away to navigate, and are read. `xs_old_rows_hidden` and
`xs_groups_collapsed` hold the importer to both.

`blind` keeps half of the plans and half of the transformations blind with this round's own
salt; rules are written only from cells whose plan and transformation are both dev.
bench/parse_excel_saved.py prints the matrix; test_parse_excel_saved.py holds floors.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import openpyxl
from lxml import etree
from openpyxl.cell.cell import MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, FormulaRule, IconSetRule
from openpyxl.styles import Alignment, Color, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as ListObject
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from sendplan.interchange.tests import accuracy, shuffled
from sendplan.interchange.tests.accuracy import Score, score
from sendplan.interchange.tests.shuffled import (
    _COLOURS,
    _WORDS,
    Table,
    _book,
    _filled,
    _full_date,
    _main_sheet,
    _relayout,
    _same,
    _saved_book,
    _table,
    _tables,
    _text_cells,
)

SALT = "xlsxsaved19:"


def blind(name: str) -> bool:
    """Half of the plans and half of the transformations, fixed by a hash before any rule."""
    return hashlib.sha256(f"{SALT}{name}".encode()).digest()[0] % 2 == 1


# ---------------------------------------------------------------------------------------------
# Helpers: the cells of a table, and the workbook's XML parts


def _body(table: Table) -> range:
    return range(table.header + 1, table.bottom + 1)


def _rating_cells(sheet: Worksheet, table: Table) -> Iterator[tuple[Any, str]]:
    """The body's cells holding a rating word or letter, with its code (R, A, G, B)."""
    for row in _body(table):
        for cell in _text_cells(sheet, table, row):
            code = _WORDS.get(cell.value.strip().lower())
            if code:
                yield cell, code


def _rating_column(sheet: Worksheet, table: Table) -> int | None:
    """The column holding the most ratings, or None."""
    counts: dict[int, int] = {}
    for cell, _ in _rating_cells(sheet, table):
        counts[cell.column] = counts.get(cell.column, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _date_cells(sheet: Worksheet, table: Table) -> Iterator[tuple[Any, dt.datetime]]:
    """The body's cells holding a full date, as a real date or typed in full."""
    for row in _body(table):
        for column in range(table.first, table.last + 1):
            cell = sheet.cell(row, column)
            if isinstance(cell.value, dt.datetime):
                if "d" in (cell.number_format or "").lower():
                    yield cell, cell.value
            elif isinstance(cell.value, str):
                when = _full_date(cell.value)
                if when is not None:
                    yield cell, when


def _section_rows(sheet: Worksheet, table: Table) -> list[int]:
    """Body rows holding one filled cell, in the table's first column: a priority's title."""
    found = []
    for row in _body(table):
        filled = [
            c for c in range(table.first, table.last + 1) if _filled(sheet.cell(row, c).value)
        ]
        if filled == [table.first] and isinstance(sheet.cell(row, table.first).value, str):
            found.append(row)
    return found


def _action_rows(sheet: Worksheet, table: Table) -> list[int]:
    """Body rows with three or more filled cells."""
    return [
        row
        for row in _body(table)
        if sum(_filled(sheet.cell(row, c).value) for c in range(table.first, table.last + 1)) >= 3
    ]


def _writable(sheet: Worksheet, row: int, column: int) -> bool:
    """Whether the cell is not covered by a merged range (whose value only its first holds)."""
    return not isinstance(sheet.cell(row, column), MergedCell)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {item.filename: archive.read(item) for item in archive.infolist()}


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


_SHEET_PART = re.compile(r"xl/worksheets/sheet\d+\.xml")
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_N = f"{{{_NS}}}"


def _sheet_parts(parts: dict[str, bytes]) -> list[str]:
    return sorted(name for name in parts if _SHEET_PART.fullmatch(name))


def _shared_strings(parts: dict[str, bytes]) -> list[Any]:
    xml = parts.get("xl/sharedStrings.xml")
    if xml is None:
        return []
    return list(etree.fromstring(xml).iter(f"{_N}si"))


def _edit_sheets(data: bytes, edit: Callable[[Any, list[Any]], None]) -> bytes:
    """Every sheet's XML parsed, changed by `edit(root, shared strings)` and written again."""
    parts = _parts(data)
    strings = _shared_strings(parts)
    for name in _sheet_parts(parts):
        root = etree.fromstring(parts[name])
        edit(root, strings)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zipped(parts)


# ---------------------------------------------------------------------------------------------
# Ratings shown by conditional formatting


_DXF_FILLS = {
    code: DifferentialStyle(fill=PatternFill(bgColor=colour, fgColor=colour, fill_type="solid"))
    for code, colour in _COLOURS.items()
}
_NUMBERS = {"R": 1, "A": 2, "G": 3, "B": 4}


def _range(sheet: Worksheet, column: int, table: Table) -> str:
    letter = get_column_letter(column)
    return f"{letter}{table.header + 1}:{letter}{table.bottom}"


def xs_status_cf_numbers(data: bytes) -> bytes:
    """Ratings typed as 1 (red) to 4 (blue), coloured by conditional formatting rules (cell
    value equal to each number fills it with its colour)."""
    book = _book(data)
    for sheet, table in _tables(book):
        columns = set()
        for cell, code in list(_rating_cells(sheet, table)):
            cell.value = _NUMBERS[code]
            columns.add(cell.column)
        for column in columns:
            for code, number in _NUMBERS.items():
                rule = CellIsRule(operator="equal", formula=[str(number)])
                rule.dxf = _DXF_FILLS[code]
                sheet.conditional_formatting.add(_range(sheet, column, table), rule)
    return _saved_book(book)


def xs_status_cf_words(data: bytes) -> bytes:
    """Ratings kept as words, coloured by conditional formatting (text contains each word)."""
    book = _book(data)
    for sheet, table in _tables(book):
        column = _rating_column(sheet, table)
        if column is None:
            continue
        area = _range(sheet, column, table)
        top = f"{get_column_letter(column)}{table.header + 1}"
        for code, word in (("R", "red"), ("A", "amber"), ("G", "green"), ("B", "complete")):
            rule = FormulaRule(formula=[f'NOT(ISERROR(SEARCH("{word}",{top})))'])
            rule.dxf = _DXF_FILLS[code]
            sheet.conditional_formatting.add(area, rule)
    return _saved_book(book)


def xs_status_icon_set(data: bytes) -> bytes:
    """Ratings as 1 to 3 shown only as traffic-light icons (the number hidden): 3 green, 2
    amber, 1 red; a completed action 3 as well."""
    book = _book(data)
    for sheet, table in _tables(book):
        columns = set()
        for cell, code in list(_rating_cells(sheet, table)):
            cell.value = {"R": 1, "A": 2, "G": 3, "B": 3}[code]
            columns.add(cell.column)
        for column in columns:
            rule = IconSetRule("3TrafficLights1", "num", [1, 2, 3], showValue=False)
            sheet.conditional_formatting.add(_range(sheet, column, table), rule)
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Formulas


def _formula_date(when: dt.datetime) -> str:
    return f"=DATE({when.year},{when.month},{when.day})"


def _formulas(data: bytes) -> tuple[Any, dict[tuple[str, str], Any]]:
    """The workbook with its full dates as =DATE() formulas and its ratings looked up from a
    list sheet, and the value each formula gives, by (sheet, cell)."""
    book = _book(data)
    values: dict[tuple[str, str], Any] = {}
    lists = book.create_sheet("Lists")
    lists.sheet_state = "hidden"
    words: dict[str, int] = {}
    for sheet, table in list(_tables(book)):
        if sheet is lists:
            continue
        for cell, when in list(_date_cells(sheet, table)):
            cell.value = _formula_date(when)
            cell.number_format = "dd/mm/yyyy"
            values[(sheet.title, cell.coordinate)] = when
        for cell, _ in list(_rating_cells(sheet, table)):
            word = cell.value.strip()
            if word not in words:
                words[word] = len(words) + 1
                lists.cell(words[word], 1).value = word
            cell.value = f"=Lists!$A${words[word]}"
            values[(sheet.title, cell.coordinate)] = word
    return book, values


def xs_formulas_uncached(data: bytes) -> bytes:
    """Due dates as =DATE(y,m,d) and ratings as references to a hidden list sheet, saved by
    a tool that does not calculate: no cached values."""
    book, _ = _formulas(data)
    return _saved_book(book)


def xs_formulas_cached(data: bytes) -> bytes:
    """The same formulas with the values Excel caches beside them when it saves."""
    book, values = _formulas(data)
    titles = [sheet.title for sheet in book.worksheets]
    saved = _saved_book(book)
    parts = _parts(saved)
    for n, name in enumerate(_sheet_parts_in_order(parts, len(titles))):
        title = titles[n]
        root = etree.fromstring(parts[name])
        for c in root.iter(f"{_N}c"):
            value = values.get((title, c.get("r")))
            f = c.find(f"{_N}f")
            if value is None or f is None:
                continue
            v = c.find(f"{_N}v")
            if v is None:
                v = etree.SubElement(c, f"{_N}v")
            if isinstance(value, dt.datetime):
                v.text = str(int(to_excel(value)))
                c.attrib.pop("t", None)
            else:
                v.text = value
                c.set("t", "str")
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zipped(parts)


def _sheet_parts_in_order(parts: dict[str, bytes], count: int) -> list[str]:
    """openpyxl writes sheet n as xl/worksheets/sheet{n}.xml."""
    return [f"xl/worksheets/sheet{n}.xml" for n in range(1, count + 1)]


# ---------------------------------------------------------------------------------------------
# Strings


def _inline(root: Any, strings: list[Any]) -> None:
    for c in root.iter(f"{_N}c"):
        if c.get("t") != "s":
            continue
        v = c.find(f"{_N}v")
        if v is None or v.text is None:
            continue
        si = strings[int(v.text)]
        c.remove(v)
        c.set("t", "inlineStr")
        inline = etree.SubElement(c, f"{_N}is")
        for child in si:
            inline.append(copy.deepcopy(child))


def xs_inline_strings(data: bytes) -> bytes:
    """Every string written inline in its cell (t="inlineStr"), as tools that stream
    workbooks write them, not in the shared string table."""
    return _edit_sheets(data, _inline)


def _rich(book: Any) -> None:
    for sheet, table in _tables(book):
        for row in range(table.header, table.bottom + 1):
            for cell in _text_cells(sheet, table, row):
                text = cell.value
                head, _, tail = text.partition(" ")
                if not tail:
                    continue
                cell.value = CellRichText(
                    TextBlock(InlineFont(b=True), head + " "),
                    TextBlock(InlineFont(color="FF1F4E79", i=True), tail),
                )


def xs_rich_text(data: bytes) -> bytes:
    """Text cells typed with formatting inside them: the first word bold, the rest in
    another colour (rich-text runs in the shared strings)."""
    book = openpyxl.load_workbook(io.BytesIO(data), rich_text=True)
    _rich(book)
    return _saved_book(book)


def xs_rich_inline(data: bytes) -> bytes:
    """Rich-text runs written inline in each cell."""
    return xs_inline_strings(xs_rich_text(data))


def _no_refs(root: Any, strings: list[Any]) -> None:
    """Cells and rows placed by their order: a gap is an empty cell or row."""
    data = root.find(f"{_N}sheetData")
    if data is None:
        return
    last_row = 0
    for row in list(data):
        number = int(row.get("r", last_row + 1))
        index = list(data).index(row)
        for _ in range(number - last_row - 1):
            data.insert(index, etree.Element(f"{_N}row"))
            index += 1
        last_row = number
        row.attrib.pop("r", None)
        row.attrib.pop("spans", None)
        last_column = 0
        for c in list(row):
            ref = c.get("r", "")
            letters = "".join(ch for ch in ref if ch.isalpha())
            column = openpyxl.utils.column_index_from_string(letters) if letters else last_column
            at = list(row).index(c)
            for _ in range(column - last_column - 1):
                row.insert(at, etree.Element(f"{_N}c"))
                at += 1
            last_column = column
            c.attrib.pop("r", None)


def xs_no_cell_refs(data: bytes) -> bytes:
    """Rows and cells without their "r" addresses, placed by their order as some exporting
    tools write them; gaps as empty elements."""
    return _edit_sheets(data, _no_refs)


def _libreoffice(root: Any, strings: list[Any]) -> None:
    """Empty styled cells across each row and a column range to the last column."""
    data = root.find(f"{_N}sheetData")
    if data is None:
        return
    for row in data:
        cells = list(row)
        width = len(cells)
        for n in range(width + 1, 41):
            c = etree.SubElement(row, f"{_N}c")
            c.set("s", "0")
            if row.get("r") is not None:
                c.set("r", f"{get_column_letter(40 + n)}{row.get('r')}")
        row.set("customFormat", "false")
        row.set("ht", "12.8")
        row.set("hidden", "false")
        row.set("customHeight", "false")
        row.set("outlineLevel", "0")
        row.set("collapsed", "false")
    cols = root.find(f"{_N}cols")
    if cols is None:
        cols = etree.Element(f"{_N}cols")
        data.addprevious(cols)
    col = etree.SubElement(cols, f"{_N}col")
    for key, value in (
        ("collapsed", "false"), ("customWidth", "false"), ("hidden", "false"),
        ("outlineLevel", "0"), ("max", "1024"), ("min", "81"), ("style", "0"),
        ("width", "11.52"),
    ):  # fmt: skip
        col.set(key, value)


def xs_libreoffice(data: bytes) -> bytes:
    """What LibreOffice writes: every attribute spelt out ("false" and "0"), empty styled
    cells further along each row, a column range to column 1024."""
    parts = _parts(_edit_sheets(data, _libreoffice))
    app = b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>LibreOffice/7.6.4.1$Linux_X86_64</Application></Properties>'
    parts["docProps/app.xml"] = app
    return _zipped(parts)


# ---------------------------------------------------------------------------------------------
# Dates


def xs_date_1904(data: bytes) -> bytes:
    """The workbook in the 1904 date system (made on a Mac long ago): full dates typed as
    text held as real dates, their serial numbers counted from 1904."""
    book = _book(data)
    book.epoch = CALENDAR_MAC_1904
    for sheet, table in _tables(book):
        for cell, when in list(_date_cells(sheet, table)):
            cell.value = when
            cell.number_format = "dd/mm/yyyy"
    return _saved_book(book)


def xs_date_serials(data: bytes) -> bytes:
    """Full dates left as their serial numbers in cells formatted as text or General (a
    column reformatted after the dates were typed): the sheet shows 45747."""
    book = _book(data)
    for sheet, table in _tables(book):
        for n, (cell, when) in enumerate(list(_date_cells(sheet, table))):
            cell.value = int(to_excel(when))
            cell.number_format = "@" if n % 2 else "General"
    return _saved_book(book)


_LOCALE_FORMATS = ("[$-en-GB]d mmmm yyyy;@", "dd/mm/yy;@", "[$-F800]dddd, mmmm dd, yyyy")


def xs_locale_date_formats(data: bytes) -> bytes:
    """Full dates as real dates in Excel's locale and system formats ("[$-en-GB]d mmmm
    yyyy;@", "[$-F800]" the long system date)."""
    book = _book(data)
    for sheet, table in _tables(book):
        for n, (cell, when) in enumerate(list(_date_cells(sheet, table))):
            cell.value = when
            cell.number_format = _LOCALE_FORMATS[n % len(_LOCALE_FORMATS)]
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Hidden and grouped rows


def xs_old_rows_hidden(data: bytes) -> bytes:
    """Two old actions kept under the table in hidden rows (superseded, not deleted)."""
    book = _book(data)
    sheet = _main_sheet(book)
    table = _table(sheet)
    if table is None:
        return data
    rows = _action_rows(sheet, table)[:2]
    for n, row in enumerate(rows):
        target = table.bottom + 1 + n
        for column in range(table.first, table.last + 1):
            source = sheet.cell(row, column)
            cell = sheet.cell(target, column)
            value = source.value
            if isinstance(value, str) and column == table.first:
                value = f"{value}x"
            elif isinstance(value, str) and len(value) > 20:
                value = f"Superseded: {value}"
            cell.value = value
            cell._style = copy.copy(source._style)
        sheet.row_dimensions[target].hidden = True
    return _saved_book(book)


def xs_groups_collapsed(data: bytes) -> bytes:
    """The actions under each priority grouped (outlined) and the groups collapsed: their
    rows hidden, the priority's row the group's summary above it."""
    book = _book(data)
    for sheet, table in _tables(book):
        sections = _section_rows(sheet, table)
        if not sections:
            sections = [table.header]
        bounds = [*sections, table.bottom + 1]
        for top, next_top in itertools.pairwise(bounds):
            for row in range(top + 1, next_top):
                dim = sheet.row_dimensions[row]
                dim.outlineLevel = 1
                dim.hidden = True
            sheet.row_dimensions[top].collapsed = True
        sheet.sheet_properties.outlinePr.summaryBelow = False
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Sheets of lists, data validation, Tables


def xs_lists_sheets(data: bytes) -> bytes:
    """A hidden sheet of drop-down lists, a very hidden sheet of settings, and a drop-down
    (data validation list) on the ratings column."""
    book = _book(data)
    lists = book.create_sheet("Lists")
    for n, word in enumerate(("Red", "Amber", "Green", "Blue", "Complete"), start=1):
        lists.cell(n, 1).value = word
        lists.cell(n, 2).value = f"Lead officer {n}"
    lists.sheet_state = "hidden"
    settings = book.create_sheet("Settings")
    settings["A1"], settings["B1"] = "Reporting period", "Quarter 2"
    settings["A2"], settings["B2"] = "Version", 7
    settings.sheet_state = "veryHidden"
    for sheet, table in _tables(book):
        column = _rating_column(sheet, table)
        if column is None:
            continue
        check = DataValidation(type="list", formula1="=Lists!$A$1:$A$5", allow_blank=True)
        sheet.add_data_validation(check)
        check.add(_range(sheet, column, table))
    return _saved_book(book)


def _list_object(sheet: Worksheet, table: Table, name: str, *, totals: bool) -> bool:
    """An Excel Table over the action table; False where one cannot be made (merged cells,
    more than one heading row)."""
    top, bottom = table.header, table.bottom
    for each in sheet.merged_cells.ranges:
        if each.max_row >= top and each.min_row <= bottom + 1:
            return False
    seen: set[str] = set()
    for n, column in enumerate(range(table.first, table.last + 1), start=1):
        cell = sheet.cell(top, column)
        text = str(cell.value).strip() if _filled(cell.value) else f"Column{n}"
        while text in seen:
            text += " 2"
        seen.add(text)
        cell.value = text
    if totals:
        bottom += 1
        sheet.cell(bottom, table.first).value = "Total"
        sheet.cell(bottom, table.last).value = len(_action_rows(sheet, table))
    ref = f"{get_column_letter(table.first)}{top}:{get_column_letter(table.last)}{bottom}"
    listed = ListObject(displayName=name, ref=ref)
    listed.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    if totals:
        listed.totalsRowCount = 1
    listed._initialise_columns()
    if totals:
        listed.tableColumns[0].totalsRowLabel = "Total"
        listed.tableColumns[-1].totalsRowFunction = "count"
    sheet.add_table(listed)
    return True


def xs_table_totals(data: bytes) -> bytes:
    """The action table made an Excel Table (ListObject) with a totals row ("Total" and a
    count of actions) under it."""
    book = _book(data)
    sheet = _main_sheet(book)
    table = _table(sheet)
    if table is None or not _list_object(sheet, table, "Actions", totals=True):
        return data
    return _saved_book(book)


def xs_sharepoint_export(data: bytes) -> bytes:
    """What a SharePoint list's export to Excel holds: the list as an Excel Table, dates with
    their time, and the list's own "Item Type" and "Path" columns at the end."""
    book = _book(data)
    sheet = _main_sheet(book)
    table = _table(sheet)
    if table is None:
        return data
    for cell, when in list(_date_cells(sheet, table)):
        cell.value = when.replace(hour=0, minute=0)
        cell.number_format = "dd/mm/yyyy hh:mm"
    rows = _action_rows(sheet, table)
    item, path = table.last + 1, table.last + 2
    sheet.cell(table.header, item).value = "Item Type"
    sheet.cell(table.header, path).value = "Path"
    for row in rows:
        sheet.cell(row, item).value = "Item"
        sheet.cell(row, path).value = "sites/Partnership/Lists/Improvement plan"
    wider = Table(table.header, table.first, path, table.bottom)
    _list_object(sheet, wider, "Table1", totals=False)
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Priorities


def xs_priority_merged_down(data: bytes) -> bytes:
    """Each priority's title moved out of its own row into a new first column headed
    "Priority", merged down over its actions."""
    book = _book(data)
    sheet = _main_sheet(book)
    table = _table(sheet)
    if table is None:
        return data
    sections = _section_rows(sheet, table)
    if not sections or any(
        each.min_col <= table.first <= each.max_col and each.max_row > table.header
        for each in sheet.merged_cells.ranges
        if each.min_row not in sections
    ):
        return data
    titles = {row: sheet.cell(row, table.first).value for row in sections}
    for each in list(sheet.merged_cells.ranges):
        if each.min_row in titles:
            sheet.unmerge_cells(each.coord)
    kept = [row for row in range(1, sheet.max_row + 1) if row not in titles]
    new_row = {row: n for n, row in enumerate(kept, start=1)}
    for row in titles:
        for column in range(table.first, table.last + 1):
            sheet.cell(row, column).value = None

    def row_of(r: int) -> int:
        return new_row.get(r, sheet.max_row + 50)

    first = table.first

    def column_of(c: int, k: int = first) -> int:
        return c + 1 if c >= k else c

    _relayout(sheet, row_of, column_of)
    if not _writable(sheet, row_of(table.header), table.first):
        return data
    sheet.cell(row_of(table.header), table.first).value = "Priority"
    bounds = [*sections, table.bottom + 1]
    for top, next_top in itertools.pairwise(bounds):
        body = [row_of(r) for r in range(top + 1, next_top) if r in new_row]
        if not body:
            continue
        if not all(_writable(sheet, r, table.first) for r in body):
            return data
        sheet.cell(body[0], table.first).value = titles[top]
        sheet.cell(body[0], table.first).alignment = Alignment(vertical="top", wrap_text=True)
        if len(body) > 1:
            sheet.merge_cells(
                start_row=body[0], start_column=table.first, end_row=body[-1],
                end_column=table.first,
            )  # fmt: skip
    return _saved_book(book)


def _sheet_name(text: str, n: int, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", text).strip()[:28] or f"Priority {n}"
    while name in taken:
        name = f"{name[:25]} {n}"
    taken.add(name)
    return name


def xs_sheet_per_priority(data: bytes) -> bytes:
    """A sheet for each priority, named after it, with the same heading rows; without
    priority rows, a sheet for each run of five actions."""
    book = _book(data)
    sheet = _main_sheet(book)
    table = _table(sheet)
    if table is None or table.bottom - table.header < 2:
        return data
    sections = _section_rows(sheet, table)
    if sections and sections[0] == table.header + 1:
        starts = sections
    else:
        starts = list(range(table.header + 1, table.bottom + 1, 5))
    crossing = [(r.min_row, r.max_row) for r in sheet.merged_cells.ranges]
    starts = [s for s in starts if not any(lo < s <= hi for lo, hi in crossing)]
    if len(starts) < 2:
        return data
    bounds = [*starts, table.bottom + 1]
    taken = {s.title for s in book.worksheets}
    index = book.worksheets.index(sheet)
    for n, (top, next_top) in enumerate(itertools.pairwise(bounds), start=1):
        part = book.copy_worksheet(sheet)
        title = sheet.cell(top, table.first).value if top in sections else ""
        part.title = _sheet_name(str(title or ""), n, taken)
        shuffled._clear_rows(part, table.header + 1, top - 1)
        shuffled._clear_rows(part, next_top, table.bottom)
        gap, header = top - table.header - 1, table.header

        def raised(r: int, h: int = header, g: int = gap) -> int:
            return r - g if r > h else r

        _relayout(part, raised, _same)
        book.move_sheet(part, index + n - book.worksheets.index(part))
    book.remove(sheet)
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Notes, links, months, bullets


def xs_notes_latest(data: bytes) -> bytes:
    """The latest update as a note (comment) on each rating cell, by its author."""
    book = _book(data)
    for sheet, table in _tables(book):
        for cell, _ in list(_rating_cells(sheet, table)):
            cell.comment = Comment(
                "Update 3 Oct: partnership board agreed the rating; evidence in the shared folder.",
                "Programme Office",
            )
    return _saved_book(book)


def xs_evidence_links(data: bytes) -> bytes:
    """An "Evidence" column at the end of the table, each action's cell a hyperlink to a
    document, and the refs linked to their rows on a dashboard."""
    book = _book(data)
    for sheet, table in _tables(book):
        column = table.last + 1
        sheet.cell(table.header, column).value = "Evidence"
        for n, row in enumerate(_action_rows(sheet, table), start=1):
            cell = sheet.cell(row, column)
            cell.value = "Evidence folder"
            cell.hyperlink = f"https://example.sharepoint.com/sites/send/Evidence/{n}"
            cell.style = "Hyperlink"
    return _saved_book(book)


_MONTHS = [dt.datetime(2024, 4, 1) + dt.timedelta(days=31 * n) for n in range(12)]


def xs_monthly_periods(data: bytes) -> bytes:
    """The ratings column replaced by a column per month (Apr-24 to Mar-25) at the end of
    the table, the rating in each month to December and the later months still empty
    (plans rating each period in its own column already are left alone)."""
    book = _book(data)
    for sheet, table in _tables(book):
        column = _rating_column(sheet, table)
        # A plan already rating each period in a column of its own is left as it is.
        if column is None or len({cell.column for cell, _ in _rating_cells(sheet, table)}) > 1:
            continue
        # Every rating of the column moves, worded ones ("Behind target") too.
        ratings = {
            row: sheet.cell(row, column).value
            for row in _body(table)
            if _filled(sheet.cell(row, column).value) and _writable(sheet, row, column)
        }
        for row in range(table.header, table.bottom + 1):
            if _writable(sheet, row, column):
                sheet.cell(row, column).value = None
        for n, month in enumerate(_MONTHS):
            target = table.last + 1 + n
            if not _writable(sheet, table.header, target):
                continue
            heading = sheet.cell(table.header, target)
            heading.value = month.replace(day=1)
            heading.number_format = "mmm-yy"
            if n > 8:
                continue
            for row, value in ratings.items():
                sheet.cell(row, target).value = value
    return _saved_book(book)


_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")


def xs_bullet_lines(data: bytes) -> bytes:
    """Cells of two or more sentences typed as a list, one sentence a line, each after a
    bullet ("• " or "- ")."""
    book = _book(data)
    for sheet, table in _tables(book):
        for n, row in enumerate(_body(table)):
            bullet = "• " if n % 2 else "- "
            for cell in _text_cells(sheet, table, row):
                parts = _SENTENCE.split(cell.value.strip())
                if len(parts) > 1:
                    cell.value = "\n".join(bullet + part for part in parts)
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Strict Open XML

_STRICT = [
    (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
     b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/main",
     b"http://purl.oclc.org/ooxml/drawingml/main"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
]  # fmt: skip


def xs_strict_ooxml(data: bytes) -> bytes:
    """Saved as "Strict Open XML Spreadsheet": the same parts under the ISO strict
    namespaces, and the workbook marked conformance="strict"."""
    parts = _parts(data)
    for name, content in parts.items():
        if not name.endswith((".xml", ".rels")):
            continue
        for old, new in _STRICT:
            content = content.replace(old, new)
        if name == "xl/workbook.xml":
            content = content.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
        parts[name] = content
    return _zipped(parts)


# ---------------------------------------------------------------------------------------------
# A second batch, written after the first batch's rules (scored before any rule for it).


def _google(root: Any, strings: list[Any]) -> None:
    """Every row to 1000 and every column to Z written as an empty styled cell."""
    dimension = root.find(f"{_N}dimension")
    if dimension is not None:
        root.remove(dimension)
    data = root.find(f"{_N}sheetData")
    if data is None:
        return
    rows = {int(row.get("r", "0")): row for row in data}
    for number in range(1, 1001):
        row = rows.get(number)
        if row is None:
            row = etree.SubElement(data, f"{_N}row")
            row.set("r", str(number))
        have = {
            openpyxl.utils.column_index_from_string(
                "".join(ch for ch in c.get("r", "") if ch.isalpha())
            )
            for c in row
            if c.get("r")
        }
        for column in range(1, 27):
            if column in have:
                continue
            c = etree.Element(f"{_N}c")
            c.set("r", f"{get_column_letter(column)}{number}")
            c.set("s", "0")
            at = sum(1 for each in have if each < column)
            row.insert(at, c)
            have.add(column)
    data[:] = sorted(data, key=lambda row: int(row.get("r", "0")))


def xs_google_sheets(data: bytes) -> bytes:
    """What a Google Sheets download holds: the whole grid of 1000 rows by 26 columns
    written out as empty styled cells, and no dimension."""
    return _edit_sheets(data, _google)


def xs_filter_applied(data: bytes) -> bytes:
    """An autofilter on the table filtering its ratings column to hide one rating (the
    completed actions, or the green ones): their rows hidden by the filter, not deleted."""
    book = _book(data)
    for sheet, table in _tables(book):
        column = _rating_column(sheet, table)
        if column is None:
            continue
        found = list(_rating_cells(sheet, table))
        codes = {code for _, code in found}
        hide = "B" if "B" in codes else "G"
        shown = sorted({cell.value for cell, code in found if code != hide})
        if not shown:
            continue
        sheet.auto_filter.ref = (
            f"{get_column_letter(table.first)}{table.header}:"
            f"{get_column_letter(table.last)}{table.bottom}"
        )
        sheet.auto_filter.add_filter_column(column - table.first, shown)
        for cell, code in found:
            if code == hide and cell.column == column:
                sheet.row_dimensions[cell.row].hidden = True
    return _saved_book(book)


# The colours of the theme openpyxl writes (Office 2007): accent2 red, accent3 green,
# accent6 orange, accent1 blue, by their places in the theme's list of colours.
_THEME = {"R": 5, "A": 9, "G": 6, "B": 4}


def xs_status_theme_fills(data: bytes) -> bytes:
    """Ratings as the cell's fill alone, the colours picked from the workbook's theme
    (Excel's "Theme Colours" row: a theme index, no RGB in the cell's style), with a key."""
    book = _book(data)
    changed = False
    for sheet, table in _tables(book):
        for cell, code in list(_rating_cells(sheet, table)):
            cell.value = None
            cell.fill = PatternFill("solid", fgColor=Color(theme=_THEME[code]))
            changed = True
    if changed:
        key = book.create_sheet("Colour key")
        labels = {"B": "Complete", "G": "On track", "A": "At risk", "R": "Off track"}
        for row, (code, label) in enumerate(labels.items(), start=1):
            key.cell(row, 1).fill = PatternFill("solid", fgColor=Color(theme=_THEME[code]))
            key.cell(row, 2).value = label
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    name: str
    change: Callable[[bytes], bytes]
    form: str = "xlsx"

    @property
    def blind(self) -> bool:
        return blind(self.name)


SAVES = tuple(
    Saved(change.__name__, change)
    for change in (
        xs_status_cf_numbers,
        xs_status_cf_words,
        xs_status_icon_set,
        xs_formulas_uncached,
        xs_formulas_cached,
        xs_inline_strings,
        xs_rich_text,
        xs_rich_inline,
        xs_no_cell_refs,
        xs_libreoffice,
        xs_date_1904,
        xs_date_serials,
        xs_locale_date_formats,
        xs_old_rows_hidden,
        xs_groups_collapsed,
        xs_lists_sheets,
        xs_table_totals,
        xs_sharepoint_export,
        xs_priority_merged_down,
        xs_sheet_per_priority,
        xs_notes_latest,
        xs_evidence_links,
        xs_monthly_periods,
        xs_bullet_lines,
        xs_strict_ooxml,
        # The second batch.
        xs_google_sheets,
        xs_filter_applied,
        xs_status_theme_fills,
    )
)


@dataclass(frozen=True)
class Plan:
    """One of shuffled.py's Excel bases, split by this round's own hash."""

    base: shuffled.Base

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def blind(self) -> bool:
        return blind(self.base.name)


@cache
def plans() -> tuple[Plan, ...]:
    return tuple(Plan(base) for base in shuffled.bases() if base.form == "xlsx")


@cache
def saved_score(plan: Plan, saved: Saved) -> Score:
    data = saved.change(plan.base.build())
    return score(shuffled.read(data, "plan.xlsx"), plan.base.reference())


def fallen(plan: Plan, saved: Saved) -> list[str]:
    """The key figures the transformation lowered, and 'extra' when it added actions."""
    return accuracy.fallen_between(shuffled.base_score(plan.base), saved_score(plan, saved))


def kept(plan: Plan, saved: Saved) -> tuple[int, int]:
    return accuracy.kept_between(shuffled.base_score(plan.base), saved_score(plan, saved))


def cells(
    chosen: tuple[Plan, ...] | None = None, saves: tuple[Saved, ...] | None = None
) -> Iterator[tuple[Plan, Saved]]:
    for plan in chosen if chosen is not None else plans():
        for saved in saves if saves is not None else SAVES:
            yield plan, saved
