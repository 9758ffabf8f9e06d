"""What an Excel sheet shows, beyond its cells' values: read before its rows are read.

Trackers kept for years in Excel, or exported from SharePoint lists, hold in the file what a
person reading the sheet sees differently from the cells' bare values:

- rows hidden by hand: old or superseded actions kept out of sight. Users expect what they
  see, so these rows are left out. Rows hidden because their outline group is collapsed
  (rows grouped per priority and folded away), or by an active filter, are still the plan:
  they are read.
- conditional formatting that colours a rating typed as a code: a cell holding 1, 2 or 3
  that a rule "cell value equal to 1" fills red shows a red cell, not the number. The cell
  is read as its colour, as a cell shaded by hand is.
- an Excel Table's totals row ("Total" and a count under the last action), which is no
  action.
- the columns SharePoint adds to every list it exports to Excel ("Item Type", "Path"),
  which say nothing of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import range_boundaries

from sendplan.interchange.parsers.blocks import fill_colour

# The columns a SharePoint list's export adds to the list's own, at the end of its Table.
_SHAREPOINT_COLUMNS = ("item type", "path")
# How far down a heading row is looked for.
_HEADING_ROWS = 40
# Codes read as colours: a small whole number, as rating scales number their levels.
_MAX_CODE = 9


@dataclass
class Shown:
    """What the reader should leave out or colour, by place in the sheet (from 1)."""

    hidden_rows: set[int] = field(default_factory=set)
    totals_rows: set[int] = field(default_factory=set)
    system_columns: set[int] = field(default_factory=set)
    # (row, column) -> the rating colour conditional formatting shows for a coded cell
    coloured: dict[tuple[int, int], str] = field(default_factory=dict)


def _filtered(sheet: Any) -> bool:
    """Whether the sheet's autofilter filters on some column (its hidden rows are then what
    the filter hides, not rows hidden by hand)."""
    auto = getattr(sheet, "auto_filter", None)
    return bool(auto is not None and auto.ref and getattr(auto, "filterColumn", None))


def hidden_rows(sheet: Any) -> set[int]:
    """Rows hidden by hand: hidden, outside any outline group, with no filter on the sheet."""
    if _filtered(sheet):
        return set()
    hidden = {
        row
        for row, dimension in sheet.row_dimensions.items()
        if getattr(dimension, "hidden", False) and not (dimension.outlineLevel or 0)
    }
    if not hidden:
        return hidden
    # Only rows holding something: an empty row hidden to space the sheet leaves nothing out.
    return {row for (row, _), cell in sheet._cells.items() if row in hidden and _filled(cell)}


def _filled(cell: Any) -> bool:
    return cell.value is not None and str(cell.value).strip() != ""


def _totals_rows(sheet: Any) -> set[int]:
    """The totals rows of the sheet's Excel Tables."""
    totals: set[int] = set()
    for table in getattr(sheet, "tables", {}).values():
        try:
            _, top, _, bottom = range_boundaries(table.ref)
        except (TypeError, ValueError):
            continue
        count = table.totalsRowCount or 0
        if count and bottom - count > top:
            totals.update(range(bottom - count + 1, bottom + 1))
    return totals


def _sharepoint_columns(sheet: Any) -> set[int]:
    """The columns headed "Item Type" and "Path" side by side, as a SharePoint list's export
    ends its heading row (in an Excel Table, or in a sheet copied out of one)."""
    headings = {
        (row, column): cell.value.strip().lower()
        for (row, column), cell in sheet._cells.items()
        if row <= _HEADING_ROWS and isinstance(cell.value, str)
    }
    for (row, column), text in headings.items():
        if (
            text == _SHAREPOINT_COLUMNS[0]
            and headings.get((row, column + 1)) == _SHAREPOINT_COLUMNS[1]
        ):
            return {column, column + 1}
    return set()


def _dxf_colour(rule: Any) -> str:
    fill = getattr(getattr(rule, "dxf", None), "fill", None)
    if fill is None:
        return ""
    # A format's fill names its colour as the background (Excel), or the foreground.
    for colour in (fill.bgColor, fill.fgColor):
        if colour is not None and colour.type == "rgb" and isinstance(colour.rgb, str):
            found = fill_colour(colour.rgb)
            if found:
                return found
    return ""


def _code(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not float(value).is_integer() or not 0 <= value <= _MAX_CODE:
        return None
    return str(int(value))


def coloured_codes(sheet: Any) -> dict[tuple[int, int], str]:
    """Cells holding a small number that a "cell value equal to" rule fills with a rating
    colour, with that colour."""
    found: dict[tuple[int, int], str] = {}
    areas: list[tuple[list[Any], dict[str, str]]] = []
    for formatting in sheet.conditional_formatting:
        rules = [
            rule
            for rule in formatting.rules
            if rule.type == "cellIs" and rule.operator == "equal" and len(rule.formula) == 1
        ]
        colours: dict[str, str] = {}
        for rule in rules:
            colour = _dxf_colour(rule)
            code = rule.formula[0].strip().strip('"')
            if colour and code.isdigit():
                colours.setdefault(str(int(code)), colour)
        if colours:
            areas.append((list(formatting.sqref.ranges), colours))
    if not areas:
        return found
    # The sheet's cells, not the ranges' places: a rule is often given a whole column.
    for (row, column), cell in sheet._cells.items():
        code = _code(cell.value)
        if code is None:
            continue
        for ranges, colours in areas:
            if code in colours and any(
                area.min_row <= row <= area.max_row and area.min_col <= column <= area.max_col
                for area in ranges
            ):
                found[(row, column)] = colours[code]
                break
    return found


def shown(sheet: Any) -> Shown:
    """What of the sheet a reader does not see, or sees as a colour."""
    return Shown(
        hidden_rows(sheet), _totals_rows(sheet), _sharepoint_columns(sheet), coloured_codes(sheet)
    )


def notes(found: Shown, title: str) -> list[str]:
    """What the report tells of what was left out or read as a colour."""
    out = []
    if found.hidden_rows:
        out.append(
            f"Left out {len(found.hidden_rows)} row(s) hidden on the sheet '{title}' "
            "(rows of collapsed groups are read)."
        )
    if found.totals_rows:
        out.append(f"Left out the totals row of the Excel table on the sheet '{title}'.")
    if found.system_columns:
        out.append(f"Left out the columns SharePoint adds to its exports on the sheet '{title}'.")
    if found.coloured:
        out.append(
            f"Read {len(found.coloured)} number(s) on the sheet '{title}' as the rating colour "
            "conditional formatting shows them in."
        )
    return out
