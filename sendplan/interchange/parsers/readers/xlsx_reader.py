"""Excel workbooks: every sheet as a heading (its name) and one table of its rows."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import openpyxl
from openpyxl.styles.colors import COLOR_INDEX

from sendplan.interchange.parsers import columns, rules
from sendplan.interchange.parsers.blocks import Block, Heading, Row, Table, clean_cell, fill_colour
from sendplan.interchange.parsers.readers import (
    office_colours,
    xlsx_copies,
    xlsx_formulas,
    xlsx_inline,
    xlsx_shown,
    xlsx_strict,
)
from sendplan.interchange.parsers.roles import Col

_MAX_COLUMNS = 200
# Formatting applied to a whole sheet can make Excel report a million used rows.
_MAX_EMPTY_RUN = 500
_HEADER_SEARCH_ROWS = 40


def _date_text(value: dt.date, number_format: str) -> str:
    """A date as the sheet shows it, so "Sep-22" stays "Sep-22" in the *_text fields."""
    fmt = number_format.lower()
    if "mmmm" in fmt and "d" not in fmt:
        return value.strftime("%B %Y")
    if "mmm" in fmt and "d" not in fmt:
        return value.strftime("%b %Y" if "yyyy" in fmt else "%b-%y")
    if "mmmm" in fmt:
        return f"{value.day} {value.strftime('%B %Y')}"
    if "mmm" in fmt:
        return f"{value.day} {value.strftime('%b %Y')}"
    return value.strftime("%d/%m/%Y")


def _cell_text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return _date_text(value, cell.number_format or "")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float) and (cell.number_format or "").endswith("%"):
        # A fraction shown as a per cent ("0%" over 0.5) is read as the sheet shows it,
        # "50%", not as a number a ref might be (rule `percent-shown`).
        return f"{value * 100:.10g}%"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_cell(str(value))


# Patterns that cover half the cell or more show their pattern colour; lighter ones show
# the fill's background under a few coloured dots or lines.
_DENSE_PATTERNS = frozenset({
    "darkGray", "mediumGray", "darkHorizontal", "darkVertical", "darkDown", "darkUp",
    "darkGrid", "darkTrellis",
})  # fmt: skip


def _colour_rgb(colour: Any, theme: dict[str, str]) -> str:
    """The RGB an openpyxl colour names: by RGB, the legacy palette or the theme with its
    tint; "" for automatic colours and anything unreadable."""
    if colour is None:
        return ""
    if colour.type == "indexed":
        # Workbooks first made in old versions of Excel use its palette of 64 colours.
        index = colour.indexed
        return COLOR_INDEX[index] if 0 <= index < len(COLOR_INDEX) else ""
    if colour.type == "theme":
        return office_colours.excel_theme(theme, colour.theme, colour.tint)
    if colour.type == "rgb" and isinstance(colour.rgb, str):
        return colour.rgb
    return ""


def _cell_fill(cell: Any, theme: dict[str, str] | None = None) -> str:
    """The rating colour a cell is filled with; "" for none. A fill from the theme's colours
    is worked out with its tint; a pattern shows its colour when it is dense, its fill's
    background when it is light (office-theme-fills)."""
    try:
        fill = cell.fill
        kind = None if fill is None else fill.fill_type
        if not kind or kind == "none":
            return ""
        if kind == "solid" or kind in _DENSE_PATTERNS:
            return fill_colour(_colour_rgb(fill.fgColor, theme or {}))
        return fill_colour(_colour_rgb(fill.bgColor, theme or {}))
    except (AttributeError, TypeError, ValueError):
        return ""


def _unusual_fill(cell: Any) -> bool:
    """Whether the cell's fill is one office-theme-fills reads (a theme colour or a pattern)."""
    fill = cell.fill
    kind = None if fill is None else fill.fill_type
    if not kind or kind == "none":
        return False
    return kind != "solid" or getattr(fill.fgColor, "type", None) == "theme"


def _grid(
    sheet: Any, shown: xlsx_shown.Shown | None = None, theme: dict[str, str] | None = None
) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """The sheet's text and rating fills, a row for each sheet row to the last that holds
    anything; rows `shown` says a reader does not see are empty, cells it says are coloured
    by a rule are read as that colour, and the columns after the last holding anything are
    cut (LibreOffice writes empty styled cells far along each row). Third, the fills of the
    cells with words, apart: a key laid across a row shades its words (key-across-row)."""
    shown = shown or xlsx_shown.Shown()
    left_out = shown.hidden_rows | shown.totals_rows
    rows: list[list[str]] = []
    fills: list[list[str]] = []
    inked: list[list[str]] = []
    empty_run = 0
    width = min(sheet.max_column or 1, _MAX_COLUMNS)
    for cells in sheet.iter_rows(max_col=width):
        number = cells[0].row if cells else 0
        texts = [_cell_text(cell) for cell in cells] if number not in left_out else []
        if any(texts):
            rows.extend([[]] * empty_run)
            fills.extend([[]] * empty_run)
            inked.extend([[]] * empty_run)
            # Only the fills of cells without words are kept: those are the ratings.
            shades = [
                _cell_fill(cell, theme) if not text else ""
                for cell, text in zip(cells, texts, strict=True)
            ]
            for index, cell in enumerate(cells):
                colour = shown.coloured.get((number, cell.column))
                if colour:
                    texts[index], shades[index] = "", colour
            rows.append(texts)
            fills.append(shades)
            inked.append(
                [
                    _cell_fill(cell, theme) if text else ""
                    for cell, text in zip(cells, texts, strict=True)
                ]
            )
            empty_run = 0
        else:
            empty_run += 1
            if empty_run > _MAX_EMPTY_RUN:
                break
    used = max(
        (
            index + 1
            for texts, shades in zip(rows, fills, strict=True)
            for index in range(len(texts))
            if texts[index] or shades[index]
        ),
        default=0,
    )
    return (
        [texts[:used] for texts in rows],
        [shades[:used] for shades in fills],
        [shades[:used] for shades in inked],
    )


def _header_rows(grid: list[list[str]]) -> set[int]:
    """The first heading row, with the row under it when that row holds the periods of a
    heading merged over them ("Monitoring dates" above "Mar 18 | Jun 18")."""
    for index, cells in enumerate(grid[:_HEADER_SEARCH_ROWS]):
        below = grid[index + 1] if index + 1 < len(grid) else None
        # The rows under it, as the interpreter looks at them: headings not all known
        # ("Decision no. | Decision | Responsible officer") are told by what the cells hold.
        following = [Row(cells=row, where="") for row in grid[index + 1 : index + 6] if any(row)]
        found = columns.read_header(cells, below, following) if cells else None
        if found is not None:
            return {index, index + 1} if found.rows_used == 2 else {index}
    return set()


def _spread_merged_headings(sheet: Any, grid: list[list[str]]) -> None:
    """A heading merged across columns ("Monitoring dates" over four quarters) names each of
    them. Only heading rows are spread: merged data cells, and a section's title merged across
    the row under the headings ("Focus Area 3 – Joint commissioning"), are left once."""
    heading_rows = _header_rows(grid)
    if not heading_rows:
        return
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row - 1, merged.max_row):
            if row not in heading_rows or row >= len(grid):
                continue
            top = grid[merged.min_row - 1]
            value = top[merged.min_col - 1] if len(top) >= merged.min_col else ""
            for column in range(merged.min_col - 1, min(merged.max_col, len(grid[row]))):
                if not grid[row][column]:
                    grid[row][column] = value


def _spread_merged_down(sheet: Any, grid: list[list[str]]) -> None:
    """A data cell merged down one column over several rows (a lead, a priority or a group
    over its rows) holds for each of them, as a Word cell merged down does; the heading rows
    and cells merged across columns are left as they are."""
    heading_rows = _header_rows(grid)
    if not heading_rows:
        return
    last_heading = max(heading_rows)
    for merged in sheet.merged_cells.ranges:
        if merged.min_col != merged.max_col or merged.max_row == merged.min_row:
            continue
        first = merged.min_row - 1
        if first <= last_heading or first >= len(grid):
            continue
        column = merged.min_col - 1
        value = grid[first][column] if column < len(grid[first]) else ""
        if not value:
            continue
        for row in range(first + 1, min(merged.max_row, len(grid))):
            if column < len(grid[row]) and not grid[row][column]:
                grid[row][column] = value


def _outline_column(
    sheet: Any, grid: list[list[str]], fills: list[list[str]], inked: list[list[str]]
) -> bool:
    """Rows grouped under the row above them (Excel's outline, as Smartsheet and Project
    export their parent and child rows) and indented, on a sheet with no outline column: an
    "Outline Level" column is added after the last, each row's level counted from 1, so
    that a parent row is read as a section over its children (rule `row-outline-levels`,
    then `outline-levels`). Whether it was added."""
    levels = {
        number: dims.outline_level
        for number, dims in sheet.row_dimensions.items()
        if getattr(dims, "outline_level", 0)
    }
    if not levels:
        return False
    width = max(len(cells) for cells in grid)
    grouped = [n for n in levels if n - 1 < len(grid) and any(grid[n - 1])]
    if not grouped or not all(_indented(sheet, n, width) for n in grouped):
        # Rows folded away in a group without being indented are detail hidden by hand,
        # not a tool's children under a parent row.
        return False
    heading_rows = _header_rows(grid)
    if len(heading_rows) != 1:
        return False
    top = min(heading_rows)
    if any(columns.heading_roles(cell) == [Col.OUTLINE] for cell in grid[top] if cell):
        return False
    for index, cells in enumerate(grid):
        if index < top or not any(cells):
            continue
        cells.extend([""] * (width - len(cells)))
        cells.append("Outline Level" if index == top else str(levels.get(index + 1, 0) + 1))
        for shades in (fills[index], inked[index]):
            shades.extend([""] * (width + 1 - len(shades)))
    return True


def _indented(sheet: Any, number: int, width: int) -> bool:
    """Whether a row shows a cell indented, as a task tool shows a child row under its
    parent (looked up without making the cells that are not there)."""
    for column in range(1, width + 1):
        cell = sheet._cells.get((number, column))
        if cell is not None and cell.value is not None and (cell.alignment.indent or 0) > 0:
            return True
    return False


def _hidden_columns(sheet: Any, width: int) -> set[int]:
    """The places (from 0) of the sheet's hidden columns that hold anything, unless every
    column is hidden."""
    hidden: set[int] = set()
    for dimension in sheet.column_dimensions.values():
        if not getattr(dimension, "hidden", False):
            continue
        low, high = dimension.min or 0, dimension.max or 0
        hidden.update(range(max(low, 1) - 1, min(high, width)))
    return hidden if len(hidden) < width else set()


def _without(cells: list[str], hidden: set[int]) -> list[str]:
    return [cell for index, cell in enumerate(cells) if index not in hidden]


def _uncached(data: bytes) -> bool:
    """Whether any worksheet part holds a formula saved without its value."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for item in archive.infolist():
            name = item.filename
            part = name.startswith("xl/worksheets/") and name.endswith(".xml")
            if part and xlsx_formulas.has_uncached(archive.read(item)):
                return True
    return False


def _compute_uncached(data: bytes, workbook: Any, notes: list[str] | None) -> None:
    """Formulas saved without their values computed where they are simple
    (xlsx-formulas-computed); the report says how many were, and how many could not be."""
    if not _uncached(data):
        return
    formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False, keep_vba=False)
    try:
        computed, unread, looked_up = xlsx_formulas.fill_uncached(workbook, formulas)
    finally:
        formulas.close()
    if notes is None:
        return
    if computed:
        notes.append(
            f"[{rules.XLSX_FORMULAS_COMPUTED}] Worked out {computed} formula(s) the file holds "
            "without their values (it was saved by a tool that does not calculate)."
        )
    if looked_up:
        notes.append(
            f"[{rules.XLSX_LOOKUPS_COMPUTED}] Looked up {looked_up} value(s) by exact match on "
            "the workbook's own sheets (VLOOKUP, INDEX and MATCH, XLOOKUP), as Excel would."
        )
    if unread:
        notes.append(
            f"[{rules.XLSX_FORMULAS_COMPUTED}] {unread} formula(s) were saved without their "
            "values and could not be worked out here: their cells read empty. Open the file "
            "in Excel and save it to keep their values."
        )


def read_xlsx(data: bytes, notes: list[str] | None = None) -> list[Block]:
    """The workbook's visible sheets; `notes` is told of the hidden ones left out.

    The sheets of sendplan's own tracker that only repeat rows of its first sheet are passed
    over unparsed (see xlsx_copies): they would give the same actions again."""
    data, strict = xlsx_strict.transitional(data)
    if strict and notes is not None:
        notes.append(
            f"[{rules.XLSX_STRICT}] The workbook is saved as Strict Open XML; read it as the "
            "ordinary .xlsx it matches."
        )
    copies = xlsx_copies.copied_sheets(data, _MAX_EMPTY_RUN)
    if copies:
        data = xlsx_copies.without_sheets(data, copies)
    data = xlsx_inline.plain_inline_strings(data)
    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_vba=False)
    blocks: list[Block] = []
    try:
        _compute_uncached(data, workbook, notes)
        theme = office_colours.theme_colours(getattr(workbook, "loaded_theme", None))
        for sheet in workbook.worksheets:
            if sheet.sheet_state != "visible":
                # Hidden sheets hold the lists behind drop-downs, old versions and workings.
                if notes is not None:
                    notes.append(f"Left out the hidden sheet '{sheet.title}'.")
                continue
            shown = xlsx_shown.shown(sheet)
            grid, fills, inked = _grid(sheet, shown, theme)
            if not grid:
                continue
            unusual = sum(
                1
                for cell in sheet._cells.values()
                if cell.value is None and _unusual_fill(cell) and _cell_fill(cell, theme)
            )
            if unusual and notes is not None:
                notes.append(
                    f"[{rules.OFFICE_THEME_FILLS}] Read {unusual} cell fill(s) on the sheet "
                    f"'{sheet.title}' picked from the workbook's theme colours or patterned, "
                    "as the colour they show."
                )
            _spread_merged_headings(sheet, grid)
            _spread_merged_down(sheet, grid)
            outlined = _outline_column(sheet, grid, fills, inked)
            title = sheet.title
            if outlined and notes is not None:
                notes.append(
                    f"[{rules.XLSX_ROW_OUTLINE}] Read the rows the sheet '{title}' groups under "
                    "others as an outline: each group's first row heads the rows under it."
                )
            if notes is not None:
                notes.extend(xlsx_shown.notes(shown, title))
            width = max(len(cells) for cells in grid)
            hidden = _hidden_columns(sheet, width)
            hidden |= {column - 1 for column in shown.system_columns if column <= width}
            if hidden:
                # Helper columns (a lookup key, a count of days) a person reading the sheet
                # does not see: read like the rest, they could be taken for leads or dates.
                grid = [_without(cells, hidden) for cells in grid]
                fills = [_without(shades, hidden) for shades in fills]
                inked = [_without(shades, hidden) for shades in inked]
                if notes is not None:
                    notes.append(f"Left out {len(hidden)} hidden column(s) of the sheet '{title}'.")
            rows = [
                Row(
                    cells=cells,
                    where=f"sheet '{title}' row {number}",
                    fills=shades,
                    word_fills=words,
                )
                for number, (cells, shades, words) in enumerate(
                    zip(grid, fills, inked, strict=True), start=1
                )
                if any(cells)
            ]
            blocks.append(Heading(text=title, where=f"sheet '{title}'", is_sheet=True))
            blocks.append(Table(rows=rows, where=f"sheet '{title}'"))
    finally:
        workbook.close()
    return blocks
