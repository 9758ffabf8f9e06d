"""Colours and computed values in Office files: how a rating, a date or a title is *stored*.

Councils' trackers carry ratings as cell colours and values as formulas, and Office stores
each of these in more than one way: a fill by RGB, by a theme colour lightened or darkened
(a tint), by the legacy palette or as a pattern; a rating as a conditional format keyed on
a formula or a range of values, or as an icon set over numbers; dates, ratings and titles as
formulas with or without the value Excel caches beside them, shared formulas, a Strict Open
XML workbook, a workbook linked to another, a macro-enabled workbook. In Word: a cell shaded
by a theme colour with its tint or shade, or by a pattern; a rating shown only as highlighted
or coloured text, or as a coloured symbol. Layout changes (columns moved, title rows...) are
left to shuffled.py, excel_saved.py and word_saved.py.

Each transformation is a small named function from a file's bytes to the same plan stored
the other way. It finds the ratings (a cell holding only a rating word or letter, as
shuffled._WORDS knows them), the dates (excel_saved._date_cells) and the titles by the file's
shape, never by a plan's words. The base plans are shuffled.py's Excel and Word bases (real
dev and opened plans, blind real plans skipped by slug before any file of theirs is opened;
the invented plans; the samples). A cell (plan x transformation) holds when no key figure
falls against the untransformed file and no action is added.

The blind half: a whole transformation is dev or blind, chosen by a hash of its name with
this round's salt (`blind`). The split and the score before any importer change were
committed on their own, before any rule; rules are written only from dev transformations.
bench/parse_colour20.py prints the matrix; test_parse_colour20.py holds floors.
"""

from __future__ import annotations

import colorsys
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree
from openpyxl.formatting.rule import CellIsRule, FormulaRule, IconSetRule
from openpyxl.styles import Color, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

from sendplan.interchange.tests import accuracy, shuffled
from sendplan.interchange.tests.accuracy import Score, score
from sendplan.interchange.tests.excel_saved import (
    _body,
    _date_cells,
    _parts,
    _rating_cells,
    _zipped,
)
from sendplan.interchange.tests.shuffled import _COLOURS, _WORDS, Table, _book, _saved_book, _tables

SALT = "colour20:"


def blind(name: str) -> bool:
    """Half of the transformations (a whole transformation dev or blind), fixed by a hash of
    its name before any rule. Plans are not split again: blind real plans never get here."""
    return hashlib.sha256(f"{SALT}{name}".encode()).digest()[0] % 2 == 1


_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_N = f"{{{_NS}}}"
_KEY = {"B": "Complete", "G": "On track", "A": "At risk", "R": "Off track"}


def _key_sheet(book: Any, fill: Callable[[str], PatternFill]) -> None:
    """A sheet saying what each fill means, as trackers rated by colour keep."""
    key = book.create_sheet("Colour key")
    for row, (code, label) in enumerate(_KEY.items(), start=1):
        key.cell(row, 1).fill = fill(code)
        key.cell(row, 2).value = label


def _fills_only(data: bytes, fill: Callable[[str], PatternFill]) -> bytes:
    """Each rating cell emptied and filled by `fill(code)`, with a key sheet."""
    book = _book(data)
    changed = False
    for sheet, table in list(_tables(book)):
        for cell, code in list(_rating_cells(sheet, table)):
            cell.value = None
            cell.fill = fill(code)
            changed = True
    if changed:
        _key_sheet(book, fill)
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Excel fills

# openpyxl writes the Office 2007 theme: accent1 blue, accent2 red, accent3 green, accent6
# orange, at these places in the theme's list of colours; each lightened or darkened as
# Excel's "Theme Colours" grid offers (tint from -1 darker to 1 lighter).
_THEME_TINTS = {"R": (5, -0.249977111117893), "A": (9, 0.3999755851924192),
                "G": (6, -0.249977111117893), "B": (4, 0.5999938962981048)}  # fmt: skip


def c20_xl_theme_tints(data: bytes) -> bytes:
    """Ratings as the cell's fill alone, a theme colour lightened or darkened (tint), no RGB
    in the style: Excel's "Theme Colours" grid below its top row."""

    def fill(code: str) -> PatternFill:
        theme, tint = _THEME_TINTS[code]
        return PatternFill("solid", fgColor=Color(theme=theme, tint=tint))

    return _fills_only(data, fill)


# Excel's legacy palette: 10 red, 51 gold, 17 green, 12 blue.
_INDEXED = {"R": 10, "A": 51, "G": 17, "B": 12}


def c20_xl_indexed_fills(data: bytes) -> bytes:
    """Ratings as fills from Excel's legacy palette of 56 colours (indexed), as workbooks
    first made in Excel 97-2003 keep them."""
    return _fills_only(
        data, lambda code: PatternFill("solid", fgColor=Color(indexed=_INDEXED[code]))
    )


def c20_xl_pattern_fills(data: bytes) -> bytes:
    """Ratings as pattern fills (Format Cells > Fill > Pattern style): the rating colour as
    the pattern's colour over a white background, 75% and 50% grey patterns."""

    def fill(code: str) -> PatternFill:
        kind = "darkGray" if code in "RG" else "mediumGray"
        return PatternFill(kind, fgColor="FF" + _COLOURS[code], bgColor="FFFFFFFF")

    return _fills_only(data, fill)


def c20_xl_fill_background_only(data: bytes) -> bytes:
    """Ratings as a solid fill whose colour some exporters write as the background colour
    (bgColor) with the foreground left automatic."""

    def fill(code: str) -> PatternFill:
        return PatternFill("solid", fgColor=Color(auto=True), bgColor="FF" + _COLOURS[code])

    return _fills_only(data, fill)


# ---------------------------------------------------------------------------------------------
# Excel conditional formats and icon sets

_NUMBERS = {"R": 1, "A": 2, "G": 3, "B": 4}
_PROGRESS = {"R": 10, "A": 45, "G": 80, "B": 100}


def _dxf(code: str) -> DifferentialStyle:
    colour = "FF" + _COLOURS[code]
    return DifferentialStyle(fill=PatternFill("solid", bgColor=colour, fgColor=colour))


def _area(column: int, table: Table) -> str:
    letter = get_column_letter(column)
    return f"{letter}{table.header + 1}:{letter}{table.bottom}"


def _coded(
    data: bytes, values: dict[str, Any], rules: Callable[[Worksheet, int, Table], None]
) -> bytes:
    """Each rating replaced by values[code] (a code left as its word when not in `values`),
    its column given conditional formats by `rules(sheet, column, table)`."""
    book = _book(data)
    for sheet, table in list(_tables(book)):
        columns = set()
        for cell, code in list(_rating_cells(sheet, table)):
            if code in values:
                cell.value = values[code]
                columns.add(cell.column)
        for column in sorted(columns):
            rules(sheet, column, table)
    return _saved_book(book)


def c20_xl_cf_formula_codes(data: bytes) -> bytes:
    """Ratings typed as 1 to 4, coloured by formula rules ("use a formula to determine which
    cells to format": =$E5=1 red ...), not by "cell value equal to"."""

    def rules(sheet: Worksheet, column: int, table: Table) -> None:
        top = f"${get_column_letter(column)}{table.header + 1}"
        for code, number in _NUMBERS.items():
            rule = FormulaRule(formula=[f"{top}={number}"], stopIfTrue=True)
            rule.dxf = _dxf(code)
            sheet.conditional_formatting.add(_area(column, table), rule)

    return _coded(data, _NUMBERS, rules)


def c20_xl_cf_progress_bands(data: bytes) -> bytes:
    """Ratings as a per cent complete (10, 45, 80, 100), coloured by bands: less than 25
    red, between 25 and 59 amber, between 60 and 99 green, equal to 100 blue."""

    def rules(sheet: Worksheet, column: int, table: Table) -> None:
        area = _area(column, table)
        bands = (
            ("R", "lessThan", ["25"]),
            ("A", "between", ["25", "59"]),
            ("G", "between", ["60", "99"]),
            ("B", "equal", ["100"]),
        )
        for code, operator, formula in bands:
            rule = CellIsRule(operator=operator, formula=formula)
            rule.dxf = _dxf(code)
            sheet.conditional_formatting.add(area, rule)

    return _coded(data, _PROGRESS, rules)


def c20_xl_cf_text_letters(data: bytes) -> bytes:
    """Ratings as their letter (R, A, G, C for complete) in a font the colour of the fill a
    "cell contains" rule gives it, so the sheet shows a coloured block."""
    letters = {"R": "R", "A": "A", "G": "G", "B": "C"}

    def rules(sheet: Worksheet, column: int, table: Table) -> None:
        area = _area(column, table)
        top = f"{get_column_letter(column)}{table.header + 1}"
        for code, letter in letters.items():
            colour = "FF" + _COLOURS[code]
            rule = FormulaRule(formula=[f'NOT(ISERROR(SEARCH("{letter}",{top})))'])
            rule.type = "containsText"
            rule.operator = "containsText"
            rule.text = letter
            rule.dxf = DifferentialStyle(
                font=Font(color=colour), fill=PatternFill("solid", bgColor=colour, fgColor=colour)
            )
            sheet.conditional_formatting.add(area, rule)

    return _coded(data, letters, rules)


def c20_xl_icons_symbols(data: bytes) -> bytes:
    """Ratings as 1 to 3 under a three-symbols icon set (a red cross, an amber !, a green
    tick), the number shown beside its icon; completed actions keep their word."""

    def rules(sheet: Worksheet, column: int, table: Table) -> None:
        rule = IconSetRule("3Symbols", "num", [1, 2, 3])
        sheet.conditional_formatting.add(_area(column, table), rule)

    return _coded(data, {"R": 1, "A": 2, "G": 3}, rules)


def c20_xl_icons_progress(data: bytes) -> bytes:
    """Ratings as a per cent complete under traffic lights (red below 40, amber below 70,
    green from 70) with the number hidden; completed actions keep their word."""

    def rules(sheet: Worksheet, column: int, table: Table) -> None:
        rule = IconSetRule("3TrafficLights2", "num", [0, 40, 70], showValue=False)
        sheet.conditional_formatting.add(_area(column, table), rule)

    return _coded(data, {"R": 10, "A": 45, "G": 80}, rules)


def c20_xl_font_dots(data: bytes) -> bytes:
    """Ratings as a large dot (the character ●) in the rating's font colour."""
    book = _book(data)
    for sheet, table in list(_tables(book)):
        for cell, code in list(_rating_cells(sheet, table)):
            cell.value = "\u25cf"
            cell.font = Font(color="FF" + _COLOURS[code], size=14)
    return _saved_book(book)


# ---------------------------------------------------------------------------------------------
# Excel formulas: with or without the values Excel caches


def _helper_columns(sheet: Worksheet, table: Table, count: int) -> list[int]:
    """`count` hidden helper columns from two to the right of the table, as lookups keep
    their codes out of sight."""
    columns = [table.last + 2 + n for n in range(count)]
    for column in columns:
        sheet.column_dimensions[get_column_letter(column)].hidden = True
    return columns


def _helpers_by_column(
    sheet: Worksheet, table: Table, cells: list[Any], each: int
) -> dict[int, list[int]]:
    """`each` hidden helper columns for every column the cells stand in."""
    used = sorted({cell.column for cell in cells})
    helpers = _helper_columns(sheet, table, each * len(used))
    return {column: helpers[n * each : (n + 1) * each] for n, column in enumerate(used)}


def _cached(data: bytes, values: dict[tuple[str, str], Any]) -> bytes:
    """The saved workbook with each formula cell's value cached beside it, by (sheet, cell)."""
    parts = _parts(data)
    workbook = etree.fromstring(parts["xl/workbook.xml"])
    titles = [s.get("name") for s in workbook.iter(f"{_N}sheet")]
    for n, title in enumerate(titles, start=1):
        name = f"xl/worksheets/sheet{n}.xml"
        if name not in parts:
            continue
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
                v.text = str(value)
                c.set("t", "str")
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zipped(parts)


_DEFAULT_WORDS = {"R": "Red", "A": "Amber", "G": "Green", "B": "Complete"}


def _if_ratings(book: Any) -> dict[tuple[str, str], Any]:
    """Ratings as =IF() over a code in a hidden helper column; the value each gives."""
    values: dict[tuple[str, str], Any] = {}
    for sheet, table in list(_tables(book)):
        found = list(_rating_cells(sheet, table))
        if not found:
            continue
        helpers = _helpers_by_column(sheet, table, [cell for cell, _ in found], 1)
        for cell, code in found:
            helper = helpers[cell.column][0]
            letter = get_column_letter(helper)
            word = cell.value.strip()
            sheet.cell(cell.row, helper).value = _NUMBERS[code]
            at = f"{letter}{cell.row}"
            shown = {c: word if c == code else w for c, w in _DEFAULT_WORDS.items()}
            cell.value = (
                f'=IF({at}=1,"{shown["R"]}",IF({at}=2,"{shown["A"]}",'
                f'IF({at}=3,"{shown["G"]}","{shown["B"]}")))'
            )
            values[(sheet.title, cell.coordinate)] = word
    return values


def c20_xl_if_ratings_cached(data: bytes) -> bytes:
    """Ratings computed by =IF() from a code in a hidden column, with Excel's cached values."""
    book = _book(data)
    values = _if_ratings(book)
    return _cached(_saved_book(book), values)


def c20_xl_if_ratings_uncached(data: bytes) -> bytes:
    """The same =IF() ratings saved by a tool that does not calculate: no cached values."""
    book = _book(data)
    _if_ratings(book)
    return _saved_book(book)


_DOTTED_REF = re.compile(r"^\s*\d+(\.\d+)+\s*$")


def _dates(sheet: Worksheet, table: Table) -> list[tuple[Any, dt.datetime]]:
    """The body's full dates (excel_saved._date_cells), less dotted refs such as "4.1.2",
    which read as a date but are an action's number."""
    return [
        (cell, when)
        for cell, when in _date_cells(sheet, table)
        if not (isinstance(cell.value, str) and _DOTTED_REF.match(cell.value))
    ]


def _date_sums(book: Any) -> dict[tuple[str, str], Any]:
    """Due dates as a start date and a number of days (=DATE(y,m,1)+d-1)."""
    values: dict[tuple[str, str], Any] = {}
    for sheet, table in list(_tables(book)):
        for cell, when in _dates(sheet, table):
            cell.value = f"=DATE({when.year},{when.month},1)+{when.day - 1}"
            cell.number_format = "dd/mm/yyyy"
            values[(sheet.title, cell.coordinate)] = when
    return values


def c20_xl_date_sums_uncached(data: bytes) -> bytes:
    """Due dates as a month's first day plus days (=DATE(2025,3,1)+30), not calculated."""
    book = _book(data)
    _date_sums(book)
    return _saved_book(book)


def c20_xl_date_sums_cached(data: bytes) -> bytes:
    """The same date formulas with Excel's cached values."""
    book = _book(data)
    values = _date_sums(book)
    return _cached(_saved_book(book), values)


def _title_column(sheet: Worksheet, table: Table) -> int | None:
    """The column of the body's longest texts on average: where an action's words are."""
    lengths: dict[int, list[int]] = {}
    for row in _body(table):
        for column in range(table.first, table.last + 1):
            value = sheet.cell(row, column).value
            if isinstance(value, str) and value.strip():
                lengths.setdefault(column, []).append(len(value))
    if not lengths:
        return None
    return max(lengths, key=lambda c: (len(lengths[c]), sum(lengths[c]) / len(lengths[c])))


def _joined_titles(book: Any) -> dict[tuple[str, str], Any]:
    """Each action's words as =X5&" "&Y5 over two hidden helper cells (its first word and
    the rest), as sheets build a title from a code list and free text."""
    values: dict[tuple[str, str], Any] = {}
    for sheet, table in list(_tables(book)):
        column = _title_column(sheet, table)
        if column is None:
            continue
        first, second = _helper_columns(sheet, table, 2)
        for row in _body(table):
            cell = sheet.cell(row, column)
            if not isinstance(cell.value, str) or " " not in cell.value.strip():
                continue
            text = cell.value
            head, _, tail = text.partition(" ")
            if "\n" in head or '"' in text:
                continue
            sheet.cell(row, first).value = head
            sheet.cell(row, second).value = tail
            a, b = get_column_letter(first), get_column_letter(second)
            cell.value = f'={a}{row}&" "&{b}{row}'
            values[(sheet.title, cell.coordinate)] = text
    return values


def c20_xl_joined_titles_cached(data: bytes) -> bytes:
    """Titles joined by a formula from two hidden cells, with Excel's cached values."""
    book = _book(data)
    values = _joined_titles(book)
    return _cached(_saved_book(book), values)


def c20_xl_joined_titles_uncached(data: bytes) -> bytes:
    """Titles joined by a formula from two hidden cells, not calculated."""
    book = _book(data)
    _joined_titles(book)
    return _saved_book(book)


def c20_xl_shared_formulas(data: bytes) -> bytes:
    """Due dates as one formula filled down (a shared formula: the first cell holds the
    formula, the others point to it) over hidden start dates and days, values cached."""
    book = _book(data)
    values: dict[tuple[str, str], Any] = {}
    shared: dict[str, list[str]] = {}
    for sheet, table in list(_tables(book)):
        found = _dates(sheet, table)
        if not found:
            continue
        helpers = _helpers_by_column(sheet, table, [cell for cell, _ in found], 2)
        for cell, when in found:
            helper, days = helpers[cell.column]
            sheet.cell(cell.row, helper).value = dt.datetime(when.year, when.month, 1)
            sheet.cell(cell.row, helper).number_format = "dd/mm/yyyy"
            sheet.cell(cell.row, days).value = when.day - 1
            a, b = get_column_letter(helper), get_column_letter(days)
            cell.value = f"={a}{cell.row}+{b}{cell.row}"
            cell.number_format = "dd/mm/yyyy"
            values[(sheet.title, cell.coordinate)] = when
            shared.setdefault(sheet.title, []).append(cell.coordinate)
    saved = _cached(_saved_book(book), values)
    return _shared(saved, shared)


def _shared(data: bytes, cells: dict[str, list[str]]) -> bytes:
    """Runs of the same formula down a column written as Excel writes a filled-down formula."""
    parts = _parts(data)
    workbook = etree.fromstring(parts["xl/workbook.xml"])
    titles = [s.get("name") for s in workbook.iter(f"{_N}sheet")]
    index = 0
    for n, title in enumerate(titles, start=1):
        name = f"xl/worksheets/sheet{n}.xml"
        wanted = set(cells.get(title, []))
        if name not in parts or not wanted:
            continue
        root = etree.fromstring(parts[name])
        by_column: dict[str, list[Any]] = {}
        for c in root.iter(f"{_N}c"):
            if c.get("r") in wanted:
                by_column.setdefault(re.sub(r"\d", "", c.get("r")), []).append(c)
        for found in by_column.values():
            if len(found) < 2:
                continue
            first, last = found[0], found[-1]
            f = first.find(f"{_N}f")
            f.set("t", "shared")
            f.set("ref", f"{first.get('r')}:{last.get('r')}")
            f.set("si", str(index))
            for c in found[1:]:
                other = c.find(f"{_N}f")
                other.text = None
                other.attrib.clear()
                other.set("t", "shared")
                other.set("si", str(index))
            index += 1
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zipped(parts)


# ---------------------------------------------------------------------------------------------
# Excel: the file itself

_STRICT_NAMES = [
    ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
     "http://purl.oclc.org/ooxml/spreadsheetml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main",
     "http://purl.oclc.org/ooxml/drawingml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
]  # fmt: skip


def c20_xl_strict(data: bytes) -> bytes:
    """The workbook saved as Strict Open XML (Excel's "Strict Open XML Spreadsheet"): the
    ISO namespaces in every part and relationship, conformance="strict" on the workbook."""
    parts = _parts(data)
    out: dict[str, bytes] = {}
    for name, content in parts.items():
        if name.endswith((".xml", ".rels")):
            text = content.decode("utf-8")
            for old, new in _STRICT_NAMES:
                text = text.replace(old, new)
            if name == "xl/workbook.xml":
                text = re.sub(
                    r"<(\w+:)?workbook ", r'<\1workbook conformance="strict" ', text, count=1
                )
            content = text.encode("utf-8")
        out[name] = content
    return _zipped(out)


_EXTERNAL = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<externalBook r:id="rId1"><sheetNames><sheetName val="Lookups"/></sheetNames>
<sheetDataSet><sheetData sheetId="0"/></sheetDataSet></externalBook></externalLink>"""
_EXTERNAL_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath"
 Target="file:///S:/SEND/Lookups.xlsx" TargetMode="External"/></Relationships>"""


def c20_xl_external_link(data: bytes) -> bytes:
    """Ratings looked up from another workbook (='[1]Lookups'!$A$n) with the values Excel
    cached when the link was last updated, the link kept as an external-link part."""
    book = _book(data)
    values: dict[tuple[str, str], Any] = {}
    codes: dict[str, int] = {}
    for sheet, table in list(_tables(book)):
        for cell, _code in list(_rating_cells(sheet, table)):
            word = cell.value.strip()
            codes.setdefault(word, len(codes) + 1)
            cell.value = f"='[1]Lookups'!$A${codes[word]}"
            values[(sheet.title, cell.coordinate)] = word
    if not values:
        return data
    parts = _parts(_cached(_saved_book(book), values))
    parts["xl/externalLinks/externalLink1.xml"] = _EXTERNAL.encode()
    parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = _EXTERNAL_RELS.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>'
        "</Relationships>",
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    workbook = parts["xl/workbook.xml"].decode()
    link = '<externalReferences><externalReference r:id="rIdExt1"/></externalReferences>'
    if "xmlns:r=" not in workbook.split(">", 2)[1]:
        workbook = workbook.replace(
            "<workbook ",
            f'<workbook xmlns:r="{_RELATIONSHIPS}" ',
            1,
        )
    workbook = re.sub(r"(</sheets>)", r"\1" + link, workbook, count=1)
    parts["xl/workbook.xml"] = workbook.encode()
    return _zipped(parts)


_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def c20_xl_macro_enabled(data: bytes) -> bytes:
    """The workbook saved as .xlsm (macro-enabled) with a VBA project part, as trackers with
    a "refresh" button are; read under the .xlsm name."""
    parts = _parts(data)
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", _MACRO_TYPE
    )
    types = types.replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    # Not a real VBA project: an OLE header and nothing the reader should need to run.
    parts["xl/vbaProject.bin"] = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/'
        'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    return _zipped(parts)


# ---------------------------------------------------------------------------------------------
# Word


def _w_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _rating_paragraphs(document: Any) -> Iterator[tuple[Any, Any, str]]:
    """(cell, paragraph, code) for each table cell below a table's first row whose only text
    is a rating word or letter."""
    for tbl in document.element.body.iter(qn("w:tbl")):
        for tr in list(tbl.iterchildren(qn("w:tr")))[1:]:
            for tc in tr.iterchildren(qn("w:tc")):
                paragraphs = [p for p in tc.iterchildren(qn("w:p")) if _w_text(p).strip()]
                if len(paragraphs) != 1:
                    continue
                code = _WORDS.get(_w_text(paragraphs[0]).strip().lower())
                if code:
                    yield tc, paragraphs[0], code


def _runs_replaced(p: Any, *runs: Any) -> None:
    for r in list(p.iterchildren(qn("w:r"))) + list(p.iterchildren(qn("w:hyperlink"))):
        p.remove(r)
    for r in runs:
        p.append(r)


def _w(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _run(text: str | None, *props: Any, sym: Any | None = None) -> Any:
    r = OxmlElement("w:r")
    if props:
        rpr = OxmlElement("w:rPr")
        for prop in props:
            rpr.append(prop)
        r.append(rpr)
    if sym is not None:
        r.append(sym)
    if text is not None:
        t = OxmlElement("w:t")
        t.text = text
        t.set(qn("xml:space"), "preserve")
        r.append(t)
    return r


def _shade(tc: Any, shd: Any) -> None:
    tcpr = tc.find(qn("w:tcPr"))
    if tcpr is None:
        tcpr = OxmlElement("w:tcPr")
        tc.insert(0, tcpr)
    old = tcpr.find(qn("w:shd"))
    if old is not None:
        tcpr.remove(old)
    # w:shd comes after borders and before margins, vertical alignment and the rest.
    after = [
        qn(f"w:{t}")
        for t in ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
    ]
    for child in tcpr:
        if child.tag in after:
            child.addprevious(shd)
            return
    tcpr.append(shd)


def _word(change: Callable[[Any], None]) -> Callable[[bytes], bytes]:
    def transform(data: bytes) -> bytes:
        document = shuffled._document(data)
        change(document)
        return shuffled._saved_document(document)

    transform.__name__ = change.__name__
    transform.__doc__ = change.__doc__
    return transform


# A theme colour picked from Word's colour grid for each rating: a shade (darker) or a tint
# (lighter) of the document's own accent colour of that hue; a rating no accent has (Word's
# themes have no red since 2013) takes a standard colour, an RGB.
_W_GRID = {"R": ("BF", None), "A": (None, "99"), "G": ("BF", None), "B": (None, "66")}
_W_STANDARD = {"R": "C00000", "A": "FFC000", "G": "00B050", "B": "0070C0"}
_A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _hue_code(hex_rgb: str) -> str | None:
    """R, A, G or B for a clearly coloured RGB, by its hue (the corpus's own reckoning)."""
    red, green, blue = (int(hex_rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    if sat < 0.35 or not 0.2 < light < 0.85:
        return None
    degrees = hue * 360
    for limit, code in ((15, "R"), (65, "A"), (165, "G"), (255, "B"), (340, None), (361, "R")):
        if degrees < limit:
            return code
    return None


def _accents(document: Any) -> dict[str, str]:
    """The accent names of the document's theme by the rating their hue gives."""
    found: dict[str, str] = {}
    for rel in document.part.rels.values():
        if not rel.reltype.endswith("/theme"):
            continue
        scheme = etree.fromstring(rel.target_part.blob).find(f".//{_A_NS}clrScheme")
        for n in range(1, 7):
            colour = scheme.find(f"{_A_NS}accent{n}/{_A_NS}srgbClr") if scheme is not None else None
            code = _hue_code(colour.get("val")) if colour is not None else None
            if code:
                found.setdefault(code, f"accent{n}")
        break
    return found


def _theme_rgb(document: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme"):
            scheme = etree.fromstring(rel.target_part.blob).find(f".//{_A_NS}clrScheme")
            for child in scheme if scheme is not None else []:
                colour = child.find(f"{_A_NS}srgbClr")
                if colour is not None:
                    found[etree.QName(child).localname] = colour.get("val")
    return found


def _tinted(hex_rgb: str, shade: str | None, tint: str | None) -> str:
    """The colour Word writes for a theme colour with a shade or tint (hex 00-FF)."""
    red, green, blue = (int(hex_rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    if shade is not None:
        light *= int(shade, 16) / 255
    if tint is not None:
        light = light * int(tint, 16) / 255 + (1 - int(tint, 16) / 255)
    out = colorsys.hls_to_rgb(hue, light, sat)
    return "".join(f"{round(v * 255):02X}" for v in out)


def _theme_colour(
    document: Any, code: str, prefix: str, element: Any, value: str, *, with_rgb: bool
) -> None:
    """Set the element's colour for the rating from the theme grid (themeFill/themeColor
    with its shade or tint, the RGB beside it or "auto"), or a standard RGB."""
    accent = _accents(document).get(code)
    if accent is None:
        element.set(qn(f"w:{value}"), _W_STANDARD[code])
        return
    shade, tint = _W_GRID[code]
    rgb = _tinted(_theme_rgb(document)[accent], shade, tint)
    if _hue_code(rgb) != code:
        shade = tint = None
        rgb = _theme_rgb(document)[accent]
    element.set(qn(f"w:{value}"), rgb if with_rgb else "auto")
    element.set(qn(f"w:{prefix}"), accent)
    if shade:
        element.set(qn(f"w:{prefix}Shade"), shade)
    if tint:
        element.set(qn(f"w:{prefix}Tint"), tint)


def _theme_shd(document: Any, code: str, *, with_rgb: bool) -> Any:
    shd = _w("w:shd", val="clear", color="auto")
    _theme_colour(document, code, "themeFill", shd, "fill", with_rgb=with_rgb)
    return shd


@_word
def c20_wd_theme_shading(document: Any) -> None:
    """Ratings as the cell's shading alone, picked from Word's theme colour grid (w:themeFill
    with a tint or shade, and the RGB Word computes for it), the word deleted."""
    for tc, p, code in list(_rating_paragraphs(document)):
        _runs_replaced(p)
        _shade(tc, _theme_shd(document, code, with_rgb=True))


@_word
def c20_wd_theme_shading_bare(document: Any) -> None:
    """Ratings as theme-colour shading written without its RGB (w:fill="auto", the theme
    colour only), as some tools that write Word files do."""
    for tc, p, code in list(_rating_paragraphs(document)):
        _runs_replaced(p)
        _shade(tc, _theme_shd(document, code, with_rgb=False))


@_word
def c20_wd_pattern_shading(document: Any) -> None:
    """Ratings as a patterned shading (Borders and Shading > Pattern: 50% or 75%) whose
    colour is the pattern's over a white fill, the word deleted."""
    for tc, p, code in list(_rating_paragraphs(document)):
        _runs_replaced(p)
        style = "pct50" if code in "AB" else "pct75"
        _shade(tc, _w("w:shd", val=style, color=_COLOURS[code], fill="FFFFFF"))


_HIGHLIGHT = {"R": "red", "A": "yellow", "G": "green", "B": "blue"}


@_word
def c20_wd_highlight_only(document: Any) -> None:
    """Ratings shown only as highlighted blank text (the highlighter over a few spaces)."""
    for _tc, p, code in list(_rating_paragraphs(document)):
        _runs_replaced(p, _run("\u00a0" * 6, _w("w:highlight", val=_HIGHLIGHT[code])))


@_word
def c20_wd_highlight_word(document: Any) -> None:
    """Ratings as their word highlighted in its colour (the highlighter over "Amber")."""
    for _tc, p, code in list(_rating_paragraphs(document)):
        word = _w_text(p).strip()
        _runs_replaced(p, _run(word, _w("w:b"), _w("w:highlight", val=_HIGHLIGHT[code])))


@_word
def c20_wd_coloured_dots(document: Any) -> None:
    """Ratings as a coloured dot typed as text (●, Segoe UI Symbol) in the rating's colour."""
    for _tc, p, code in list(_rating_paragraphs(document)):
        fonts = _w("w:rFonts", ascii="Segoe UI Symbol", hAnsi="Segoe UI Symbol")
        _runs_replaced(p, _run("\u25cf", fonts, _w("w:color", val=_COLOURS[code])))


@_word
def c20_wd_wingdings_circles(document: Any) -> None:
    """Ratings as a Wingdings filled circle inserted as a symbol (w:sym, Insert > Symbol) in
    the rating's colour."""
    for _tc, p, code in list(_rating_paragraphs(document)):
        sym = _w("w:sym", font="Wingdings", char="F06C")
        _runs_replaced(p, _run(None, _w("w:color", val=_COLOURS[code]), sym=sym))


@_word
def c20_wd_coloured_words(document: Any) -> None:
    """Ratings as their word in the rating's font colour, bold (a coloured "Amber")."""
    for _tc, p, code in list(_rating_paragraphs(document)):
        word = _w_text(p).strip()
        _runs_replaced(p, _run(word, _w("w:b"), _w("w:color", val=_COLOURS[code])))


@_word
def c20_wd_theme_text_colour(document: Any) -> None:
    """Ratings as a dot in a theme font colour (w:themeColor with a shade), the RGB beside."""
    for _tc, p, code in list(_rating_paragraphs(document)):
        colour = _w("w:color")
        _theme_colour(document, code, "themeColor", colour, "val", with_rgb=True)
        _runs_replaced(p, _run("\u25cf", colour))


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    """One way a file stores a colour or a computed value, as a transformation of its bytes."""

    name: str
    change: Callable[[bytes], bytes]
    form: str
    filename: str

    @property
    def blind(self) -> bool:
        return blind(self.name)


_XL = (
    c20_xl_theme_tints,
    c20_xl_indexed_fills,
    c20_xl_pattern_fills,
    c20_xl_fill_background_only,
    c20_xl_cf_formula_codes,
    c20_xl_cf_progress_bands,
    c20_xl_cf_text_letters,
    c20_xl_icons_symbols,
    c20_xl_icons_progress,
    c20_xl_font_dots,
    c20_xl_if_ratings_cached,
    c20_xl_if_ratings_uncached,
    c20_xl_date_sums_uncached,
    c20_xl_date_sums_cached,
    c20_xl_joined_titles_cached,
    c20_xl_joined_titles_uncached,
    c20_xl_shared_formulas,
    c20_xl_strict,
    c20_xl_external_link,
)
_WD = (
    c20_wd_theme_shading,
    c20_wd_theme_shading_bare,
    c20_wd_pattern_shading,
    c20_wd_highlight_only,
    c20_wd_highlight_word,
    c20_wd_coloured_dots,
    c20_wd_wingdings_circles,
    c20_wd_coloured_words,
    c20_wd_theme_text_colour,
)
SAVES = (
    *(Saved(f.__name__, f, "xlsx", "plan.xlsx") for f in _XL),
    Saved(c20_xl_macro_enabled.__name__, c20_xl_macro_enabled, "xlsx", "plan.xlsm"),
    *(Saved(f.__name__, f, "docx", "plan.docx") for f in _WD),
)


@dataclass(frozen=True)
class Plan:
    """One of shuffled.py's Excel or Word bases (all on the dev side of this round: the
    split is by transformation)."""

    base: shuffled.Base

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def blind(self) -> bool:
        return False


@cache
def plans() -> tuple[Plan, ...]:
    return tuple(Plan(base) for base in shuffled.bases() if base.form in ("xlsx", "docx"))


@cache
def saved_score(plan: Plan, saved: Saved) -> Score:
    data = saved.change(plan.base.build())
    return score(shuffled.read(data, saved.filename), plan.base.reference())


def fallen(plan: Plan, saved: Saved) -> list[str]:
    """The key figures the transformation lowered, and 'extra' when it added actions."""
    if plan.base.form != saved.form:
        return []
    return accuracy.fallen_between(shuffled.base_score(plan.base), saved_score(plan, saved))


def kept(plan: Plan, saved: Saved) -> tuple[int, int]:
    return accuracy.kept_between(shuffled.base_score(plan.base), saved_score(plan, saved))


def cells(
    chosen: tuple[Plan, ...] | None = None, saves: tuple[Saved, ...] | None = None
) -> Iterator[tuple[Plan, Saved]]:
    """Each plan with each transformation of its own kind of file."""
    for plan in chosen if chosen is not None else plans():
        for saved in saves if saves is not None else SAVES:
            if saved.form == plan.base.form:
                yield plan, saved
