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

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from openpyxl.utils.cell import column_index_from_string, range_boundaries

from sendplan.interchange.parsers import rules
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


_REF_EQUALS = re.compile(r'^\$?([A-Za-z]{1,3})\$?(\d+)\s*=\s*"?(\d+)"?$')
# The longest text a "cell contains" rule is read as colouring: a code (R, A, G, C, NS...),
# not words, whose colour a rule on a notes column only marks. The cell must hold the rule's
# text alone: "G/A" under rules for "G" and for "A" says more than the one colour shown.
_MAX_CODE_TEXT = 3
# Icon sets whose icons are red, amber and green from the lowest values up, and four traffic
# lights (black first, which rates nothing).
_ICON_COLOURS = {
    "3TrafficLights1": ("red", "amber", "green"), "3TrafficLights2": ("red", "amber", "green"),
    "3Signs": ("red", "amber", "green"), "3Symbols": ("red", "amber", "green"),
    "3Symbols2": ("red", "amber", "green"), "3Arrows": ("red", "amber", "green"),
    "3Flags": ("red", "amber", "green"), "4TrafficLights": ("", "red", "amber", "green"),
}  # fmt: skip


def _equal_code(rule: Any, ranges: list[Any]) -> str | None:
    """The code a rule colours: "cell value equal to 1", or a formula comparing the range's
    own first cell with it (=$E5=1, as "use a formula" rules are written)."""
    if rule.type == "cellIs" and rule.operator == "equal" and len(rule.formula) == 1:
        code = rule.formula[0].strip().strip('"')
        return str(int(code)) if code.isdigit() else None
    if rule.type != "expression" or len(rule.formula) != 1 or len(ranges) != 1:
        return None
    found = _REF_EQUALS.match(rule.formula[0].strip().lstrip("="))
    if found is None:
        return None
    letters, row, code = found.groups()
    area = ranges[0]
    if column_index_from_string(letters.upper()) != area.min_col or int(row) != area.min_row:
        return None
    return str(int(code))


def _text_rule(rule: Any) -> tuple[str, str] | None:
    """(text, colour) of a "cell contains" rule with a rating fill."""
    if rule.type != "containsText" or not rule.text:
        return None
    colour = _dxf_colour(rule)
    return (str(rule.text).strip().lower(), colour) if colour else None


def _icon_colour(rule: Any, value: float, numbers: list[float]) -> str:
    """The colour of the icon a traffic-light style icon set shows for `value`."""
    icons = getattr(rule, "iconSet", None)
    colours = _ICON_COLOURS.get(getattr(icons, "iconSet", None) or "3TrafficLights1")
    if icons is None or colours is None or len(icons.cfvo) != len(colours):
        return ""
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 0.0)
    chosen = 0
    for n, cfvo in enumerate(icons.cfvo):
        try:
            threshold = float(cfvo.val) if cfvo.val is not None else 0.0
        except (TypeError, ValueError):
            return ""
        if cfvo.type == "percent":
            threshold = low + (high - low) * threshold / 100
        elif cfvo.type not in ("num", "min"):
            return ""  # percentiles and formulas are not worked out here
        if n == 0 or value > threshold or (value == threshold and cfvo.gte is not False):
            chosen = n
    if icons.reverse:
        chosen = len(colours) - 1 - chosen
    return colours[chosen]


def _scale_colour(rule: Any, value: float, numbers: list[float]) -> str:
    """The rating colour a colour scale gives `value`: the colour between its points
    (lowest, highest, a number or a per cent of the range; percentiles and formulas are not
    worked out), mixed as Excel mixes it, read as a rating colour ("" for none)."""
    scale = getattr(rule, "colorScale", None)
    if scale is None or len(scale.cfvo) != len(scale.color) or len(scale.cfvo) not in (2, 3):
        return ""
    low, high = (min(numbers), max(numbers)) if numbers else (value, value)
    points: list[float] = []
    for cfvo in scale.cfvo:
        if cfvo.type == "min":
            points.append(low)
        elif cfvo.type == "max":
            points.append(high)
        elif cfvo.type in ("num", "percent"):
            try:
                at = float(cfvo.val)
            except (TypeError, ValueError):
                return ""
            points.append(low + (high - low) * at / 100 if cfvo.type == "percent" else at)
        else:
            return ""
    colours: list[tuple[float, ...]] = []
    for colour in scale.color:
        rgb = colour.rgb if colour is not None and colour.type == "rgb" else None
        text = rgb[-6:] if isinstance(rgb, str) else ""
        if not re.fullmatch(r"[0-9A-Fa-f]{6}", text):
            return ""  # a theme colour: not worked out here
        colours.append(tuple(int(text[i : i + 2], 16) for i in (0, 2, 4)))
    if any(b < a for a, b in pairwise(points)):
        return ""
    if value <= points[0]:
        mixed = colours[0]
    elif value >= points[-1]:
        mixed = colours[-1]
    else:
        n = next(i for i in range(len(points) - 1) if value <= points[i + 1])
        span = points[n + 1] - points[n]
        share = (value - points[n]) / span if span else 0.0
        mixed = tuple(a + (b - a) * share for a, b in zip(colours[n], colours[n + 1], strict=True))
    return fill_colour("".join(f"{round(c):02X}" for c in mixed))


def _inside(ranges: list[Any], row: int, column: int) -> bool:
    return any(
        area.min_row <= row <= area.max_row and area.min_col <= column <= area.max_col
        for area in ranges
    )


def coloured_codes(sheet: Any) -> dict[tuple[int, int], str]:
    """Cells a conditional format shows as a rating colour rather than as their value: a
    small number that a rule "cell value equal to", or a formula comparing the cell with
    it, fills with a rating colour; a short code that a "cell contains" rule for that code
    fills; a number under a traffic-light icon set, read as its icon's colour; a small whole
    number under a colour scale, read as the colour the scale gives it."""
    found: dict[tuple[int, int], str] = {}
    areas: list[tuple[list[Any], dict[str, str]]] = []
    texts: list[tuple[list[Any], list[tuple[str, str]]]] = []
    icons: list[tuple[list[Any], Any]] = []
    for formatting in sheet.conditional_formatting:
        ranges = list(formatting.sqref.ranges)
        colours: dict[str, str] = {}
        contains: list[tuple[str, str]] = []
        for rule in sorted(formatting.rules, key=lambda r: r.priority or 0):
            code = _equal_code(rule, ranges)
            colour = _dxf_colour(rule) if code is not None else ""
            if code is not None and colour:
                colours.setdefault(code, colour)
            text = _text_rule(rule)
            if text:
                contains.append(text)
            if rule.type in ("iconSet", "colorScale"):
                icons.append((ranges, rule))
        if colours:
            areas.append((ranges, colours))
        if contains:
            texts.append((ranges, contains))
    if not areas and not texts and not icons:
        return found
    numbers = {
        id(rule): [
            float(cell.value)
            for (row, column), cell in sheet._cells.items()
            if _number(cell.value) and _inside(ranges, row, column)
        ]
        for ranges, rule in icons
    }
    # The sheet's cells, not the ranges' places: a rule is often given a whole column.
    for (row, column), cell in sheet._cells.items():
        colour = _shown_colour(cell.value, row, column, areas, texts, icons, numbers)
        if colour:
            found[(row, column)] = colour
    return found


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _shown_colour(
    value: object,
    row: int,
    column: int,
    areas: list[tuple[list[Any], dict[str, str]]],
    texts: list[tuple[list[Any], list[tuple[str, str]]]],
    icons: list[tuple[list[Any], Any]],
    numbers: dict[int, list[float]],
) -> str:
    code = _code(value)
    if code is not None:
        for ranges, colours in areas:
            if code in colours and _inside(ranges, row, column):
                return colours[code]
    if isinstance(value, str) and 0 < len(value.strip()) <= _MAX_CODE_TEXT:
        lowered = value.strip().lower()
        for ranges, contains in texts:
            if _inside(ranges, row, column):
                for text, colour in contains:
                    if text == lowered:
                        return colour
    if _number(value):
        for ranges, rule in icons:
            if not _inside(ranges, row, column):
                continue
            if rule.type == "colorScale":
                # A colour scale over a rating's small whole numbers (xlsx-rule-colours); over
                # other numbers (a per cent complete) it is a heat map, not a rating.
                if code is None:
                    continue
                colour = _scale_colour(rule, float(value), numbers[id(rule)])  # type: ignore[arg-type]
            else:
                colour = _icon_colour(rule, float(value), numbers[id(rule)])  # type: ignore[arg-type]
            if colour:
                return colour
    return ""


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
            f"[{rules.XLSX_RULE_COLOURS}] Read {len(found.coloured)} cell(s) on the sheet "
            f"'{title}' as the rating colour conditional formatting shows them in (a fill or "
            "a traffic-light icon or a colour scale)."
        )
    return out
