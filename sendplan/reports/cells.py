"""Cells of the exported spreadsheets, written so that no text in them runs as a formula.

Whatever a person typed (an action's title, a lead's narrative, a cell of an imported file) can
start with a character that Excel, LibreOffice or Google Sheets takes as the start of a formula,
which would run in the reader's spreadsheet: OWASP's "CSV injection". Such text is written as
text: after a single quote in a CSV file, and in a workbook as a string cell marked to stay text
even when someone edits it.
"""

from __future__ import annotations

import re
from copy import copy

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number is read as a number, never as a formula: "-250.00" stays a figure for Power BI.
PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def starts_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_value(value: object) -> object:
    """The value as a CSV cell that a spreadsheet shows as the text it is."""
    if starts_like_formula(value) and not PLAIN_NUMBER.fullmatch(str(value)):
        return f"'{value}"
    return value


def put(sheet: Worksheet, row: int, column: int, value: object, *, style: str = "") -> Cell:
    """Write a value to a cell, as text if it would otherwise be a formula."""
    cell = sheet.cell(row=row, column=column, value=value)
    if style:
        _styled(sheet, cell, style)
    if starts_like_formula(value):
        # openpyxl makes a formula of any text that starts with "="; a string cell is shown
        # as it is, and the quote prefix keeps it text when someone edits it in Excel.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _styled(sheet: Worksheet, cell: Cell, style: str) -> None:
    """Give the cell a named style. openpyxl looks the name up among the workbook's styles
    and works out the cell's formatting afresh each time (a third of a 300-action tracker's
    time); the formatting it gives is the same for every cell of a style, so after the first
    it is copied from the one worked out, kept on the workbook per style."""
    workbook = sheet.parent
    kept: dict[str, object] = workbook.__dict__.setdefault("_sendplan_styles", {})
    if style not in kept:
        cell.style = style
        kept[style] = copy(cell._style)
    else:
        cell._style = copy(kept[style])
