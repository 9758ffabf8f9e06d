"""Cells of the exported spreadsheets, written so that no text in them runs as a formula.

Whatever a person typed (an action's title, a lead's narrative, a cell of an imported file) can
start with a character that Excel, LibreOffice or Google Sheets takes as the start of a formula,
which would run in the reader's spreadsheet: OWASP's "CSV injection". Such text is written as
text: after a single quote in a CSV file, and in a workbook as a string cell marked to stay text
even when someone edits it.
"""

from __future__ import annotations

import re

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
        cell.style = style
    if starts_like_formula(value):
        # openpyxl makes a formula of any text that starts with "="; a string cell is shown
        # as it is, and the quote prefix keeps it text when someone edits it in Excel.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
