"""Finding the sheets of sendplan's own tracker that only repeat rows of its first sheet.

The tracker (sendplan.reports.tracker) lists every action on a sheet of all the actions and
again on its theme's sheet. Reading a copy gives the same actions, which the plan builder then
drops as saying nothing new, but parsing it costs as much as the first sheet. Here the sheets'
XML is compared row by row, before openpyxl parses anything: a sheet is a copy when its first
row is the first sheet's heading row and every row after it, as written in the file, is the
next of a run of rows under that heading on the first sheet. Row numbers are all that may
differ. A row edited on a theme sheet, a cell added, a formula, a merged cell or a row in
another order makes the sheet no copy, and it is read as any other sheet.

A copy passed over gives the same document; what goes is only its share of the report (the
first sheet's notes again, under the copy's name) and its tables on the check page.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from defusedxml.ElementTree import fromstring

# The name the tracker gives its first sheet, the one of all the actions.
ALL_ACTIONS = "All actions"

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ROW = re.compile(rb"<row\b[^>]*?(?:/>|>.*?</row>)", re.DOTALL)
# A row's or cell's number where its tag opens with it ('<row r="12"', '<c r="AB12"'): text
# never holds a "<", so these are tags. A number anywhere else stays, and the rows differ.
_ROW_NUMBER = re.compile(rb'(<(?:row|c) r="[A-Z]{0,3})\d+(?=")')
_ROW_AT = re.compile(rb'<row r="(\d+)"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})\d+"')
# A formula in a row, whose text names its row; a merged heading, which is spread over the
# columns it covers; with either, a sheet is read as it is. So too with CDATA, whose text may
# hold a "<".
_FORMULA = re.compile(rb"<f[\s>/]|<!\[CDATA\[")
_MERGED = b"<mergeCell"
_EMPTY_SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str, bool]]:
    """Each sheet's name, the part that holds it and whether it is shown, in the workbook's
    order."""
    book = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets: dict[str, str] = {}
    for rel in rels.iter(f"{_RELS}Relationship"):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        targets[rel.get("Id", "")] = posixpath.normpath(part)
    found = []
    for sheet in book.iter(f"{_MAIN}sheet"):
        part = targets.get(sheet.get(_REL_ID, ""))
        if part is None:
            return []
        shown = sheet.get("state", "visible") == "visible"
        found.append((sheet.get("name", ""), part, shown))
    return found


@dataclass
class _Sheet:
    rows: list[bytes]  # without their row numbers
    width: bytes  # the letters of the last column with a cell, as openpyxl counts them
    gap: int  # the most rows in a run without a value


def _sheet(xml: bytes) -> _Sheet | None:
    """The sheet's rows, to compare; None when they cannot be compared."""
    if xml.count(b"<sheetData") != 1 or _MERGED in xml:
        return None
    if b"<sheetData/>" in xml:
        return _Sheet([], b"", 0)
    start, end = xml.find(b"<sheetData>"), xml.find(b"</sheetData>")
    if start < 0 or end < start:
        return None
    data = xml[start + len(b"<sheetData>") : end]
    if _FORMULA.search(data):
        return None
    columns = _CELL_COLUMN.findall(data)
    numbers = _ROW_AT.findall(data)
    # Split at the numbers and joined again without them: quicker than a substitution.
    inner = b"".join(_ROW_NUMBER.split(data))
    rows: list[bytes] = _ROW.findall(inner)
    if b"".join(rows) != inner.strip():
        return None  # something between the rows that the pattern does not know
    if len(numbers) != len(rows) or len(columns) != data.count(b"<c ") + data.count(b"<c>"):
        return None  # a row or cell placed by its order alone
    gap, last = 0, 0
    for number, row in zip(numbers, rows, strict=True):
        if b"<v>" in row or b"<is>" in row:
            gap, last = max(gap, int(number) - last - 1), int(number)
    width = max(columns, key=lambda letters: (len(letters), letters), default=b"")
    return _Sheet(rows, width, gap)


def _is_copy(sheet: _Sheet, of: _Sheet) -> bool:
    # As wide as the first sheet: openpyxl gives each row of a sheet its width.
    rows, first = sheet.rows, of.rows
    if len(rows) < 2 or sheet.width != of.width:
        return False
    for start, row in enumerate(first):
        if row == rows[0]:
            # The heading row, then the sheet's rows as a run further down the first sheet.
            body = rows[1:]
            last = len(first) - len(body)
            return any(
                first[at : at + len(body)] == body
                for at in range(start + 1, last + 1)
                if first[at] == body[0]
            )
    return False


def copied_sheets(data: bytes, max_empty_run: int) -> set[str]:
    """The parts of the sheets that only repeat the first sheet's rows, when the workbook is
    laid out as sendplan's tracker (a first sheet called "All actions", shown); else none.
    A first sheet with a run of more than `max_empty_run` empty rows, where the reader stops
    reading it, has none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = _sheet_parts(archive)
            if len(sheets) < 2 or sheets[0][0] != ALL_ACTIONS or not sheets[0][2]:
                return set()
            first = _sheet(archive.read(sheets[0][1]))
            if first is None or not first.rows or first.gap > max_empty_run:
                return set()
            copies = set()
            for _, part, _ in sheets[1:]:
                sheet = _sheet(archive.read(part))
                if sheet is not None and _is_copy(sheet, first):
                    copies.add(part)
            return copies
    except (KeyError, zipfile.BadZipFile, ValueError, SyntaxError):
        return set()


def without_sheets(data: bytes, parts: set[str]) -> bytes:
    """The workbook with these sheets emptied of their rows, their names and order kept."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as archive,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy,
    ):
        for item in archive.infolist():
            copy.writestr(
                item.filename, _EMPTY_SHEET if item.filename in parts else archive.read(item)
            )
    return out.getvalue()
