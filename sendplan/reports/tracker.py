"""The tracker spreadsheet: one row per action with every field, one status column per period.

It is laid out as the trackers areas already keep, so that the importer reads it back: a title
row, one heading row, refs in the first column, a column per period headed by its label, the
status key on a sheet of its own and the lead officers on another. Importing the file into the
plan it came from changes nothing; a column for a new period, filled in, brings in its statuses.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sendplan.monitoring.models import Period
from sendplan.reports.builders import indicator_figures
from sendplan.reports.cells import put
from sendplan.reports.colours import fill_hex, text_hex
from sendplan.reports.data import ActionData, PlanData

Field = tuple[str, int, Callable[[ActionData], str]]


def _measures(item: ActionData) -> str:
    return "\n".join(
        f"{m.text} (by {m.due_display})" if m.due_display else m.text for m in item.measures
    )


def _cost(item: ActionData) -> str:
    action = item.action
    if action.cost_text:
        return action.cost_text
    return f"£{action.cost:,.2f}".replace(".00", "") if action.cost is not None else ""


def _people(item: ActionData) -> str:
    return " / ".join(person.display_name for person in item.leads)


# The columns of an actions sheet: heading, width and value. The importer reads each by its
# heading. It reads only the first of two columns of the same kind, and passes over one heading
# it does not know, which is how the linked lead officers and the measures with their own dates
# are shown without being read back: the importer would give every measure the action's date.
FIELDS: list[Field] = [
    ("Ref", 8, lambda a: a.action.ref),
    ("Action", 50, lambda a: a.action.title),
    ("Lead", 28, lambda a: a.action.lead_text),
    ("Lead officers", 28, _people),
    ("Start date", 12, lambda a: a.action.starts_display),
    ("Due date", 12, lambda a: a.action.due_display),
    ("Measures of success and dates", 40, _measures),
    ("Task and finish group", 24, lambda a: a.action.group),
    ("Members", 24, lambda a: a.action.members),
    ("Evidence of impact", 30, lambda a: a.action.evidence_of_impact),
    ("Monitoring and evaluation", 30, lambda a: a.action.monitoring),
    ("Cross ref", 10, lambda a: ", ".join(a.action.see_also)),
]
HEADER_ROW = 3
HEADING_FONT = Font(bold=True)
HEADING_FILL = PatternFill("solid", fgColor="DDDDDD")
WRAP = Alignment(wrap_text=True, vertical="top")
# Named styles are registered once per workbook; styling each cell afresh costs more than the
# rest of the tracker put together.
WRAPPED = "sendplan wrapped"
HEADING = "sendplan heading"


def _styles(book: Workbook, data: PlanData) -> dict[str, str]:
    """Register the workbook's styles; returns the style name for each status colour."""
    book.add_named_style(NamedStyle(WRAPPED, alignment=WRAP))
    book.add_named_style(NamedStyle(HEADING, font=HEADING_FONT, fill=HEADING_FILL, alignment=WRAP))
    names: dict[str, str] = {}
    for level in data.levels:
        colour = level.colour.strip().lower()
        if colour in names:
            continue
        style = NamedStyle(f"sendplan status {colour or 'plain'}")
        style.alignment = Alignment(horizontal="center", vertical="top")
        fill = fill_hex(colour)
        if fill:
            style.fill = PatternFill("solid", fgColor=fill)
            style.font = Font(bold=True, color=text_hex(colour))
        book.add_named_style(style)
        names[colour] = style.name
    return names


def tracker_xlsx(data: PlanData) -> bytes:
    book = Workbook()
    styles = _styles(book, data)
    # The importer knows a tracker by its first sheet's name, and passes over the theme sheets
    # while their rows still repeat that sheet's (interchange.parsers.readers.xlsx_copies).
    sheets: list[tuple[str, list[ActionData]]] = [("All actions", data.actions)]
    for root in data.roots:
        sheets.append((_sheet_name(root.section.ref, root.section.title), root.all_actions()))
    first = True
    for name, actions in sheets:
        sheet = book.active if first else book.create_sheet()
        assert isinstance(sheet, Worksheet)
        sheet.title = _unique(book, name)
        # Only the first sheet has a title row: the importer takes it as the plan's title, and
        # would report the others as words it cannot place. Tab names say what the others are.
        title = f"{data.plan.title}: tracker" if first else ""
        _actions_sheet(sheet, data, actions, styles, title=title)
        first = False
    _key_sheet(book.create_sheet("Key"), data)
    _costs_sheet(book.create_sheet("Financial implications"), data)
    _people_sheet(book.create_sheet("Lead officers"), data)
    if data.indicators:
        _indicators_sheet(book.create_sheet("Indicators"), data)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(ref: str, title: str) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet name.
    text = f"{ref} {title}".strip() if ref else title
    for bad in "[]:*?/\\":
        text = text.replace(bad, " ")
    return " ".join(text.split())[:31].rstrip() or "Section"


def _unique(book: Workbook, name: str) -> str:
    taken = {sheet.title for sheet in book.worksheets}
    candidate, number = name, 2
    while candidate in taken:
        suffix = f" ({number})"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    return candidate


def _latest_reported(data: PlanData) -> Period | None:
    reported = {u.period_id for a in data.actions for u in a.updates if u.narrative}
    return next((p for p in reversed(data.periods) if p.pk in reported), None)


def _actions_sheet(
    sheet: Worksheet,
    data: PlanData,
    actions: list[ActionData],
    styles: dict[str, str],
    *,
    title: str,
) -> None:
    if title:
        put(sheet, 1, 1, title).font = Font(bold=True, size=14)
    narrative_period = _latest_reported(data)
    headings = [(name, width) for name, width, _ in FIELDS]
    headings += [(period.label, 9) for period in data.periods]
    if narrative_period is not None:
        headings.append((f"Progress update {narrative_period.label}", 50))
    for column, (name, width) in enumerate(headings, start=1):
        put(sheet, HEADER_ROW, column, name, style=HEADING)
        sheet.column_dimensions[get_column_letter(column)].width = width
    first_period = len(FIELDS) + 1
    widths = [width for _, width in headings]
    for row, item in enumerate(actions, start=HEADER_ROW + 1):
        lines = 1
        for column, (_, width, value) in enumerate(FIELDS, start=1):
            # Pasted text can carry control characters that a workbook cannot hold.
            text = ILLEGAL_CHARACTERS_RE.sub("", value(item))
            if text:
                put(sheet, row, column, text, style=WRAPPED)
                lines = max(lines, _lines(text, width))
        for offset, (period, status) in enumerate(zip(data.periods, item.cells, strict=True)):
            update = item.period_update(period)
            if status is None or update is None or not update.status:
                continue
            style = styles.get(status.colour.strip().lower(), WRAPPED)
            put(sheet, row, first_period + offset, update.status, style=style)
        if narrative_period is not None:
            update = item.period_update(narrative_period)
            if update is not None and update.narrative:
                column = first_period + len(data.periods)
                narrative = ILLEGAL_CHARACTERS_RE.sub("", update.narrative)
                put(sheet, row, column, narrative, style=WRAPPED)
                lines = max(lines, _lines(narrative, widths[column - 1]))
        # Neither Excel nor LibreOffice sizes rows to wrapped text when opening a file.
        sheet.row_dimensions[row].height = min(15 * lines, 409)
    last = get_column_letter(len(headings))
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(actions), 1)}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _lines(text: str, width: int) -> int:
    """About how many lines text wraps to in a column this many characters wide."""
    return sum(max(1, -(-len(line) // max(width - 2, 1))) for line in text.split("\n"))


def _key_sheet(sheet: Worksheet, data: PlanData) -> None:
    """The status key, a colour to a line as plans print it ("Green: On track"), which is how
    the importer learns what each code means."""
    sheet.column_dimensions["A"].width = 60
    put(sheet, 1, 1, "Key", style=HEADING)
    for row, level in enumerate(data.levels, start=2):
        colour = level.colour.capitalize() if level.colour else level.code
        cell = put(sheet, row, 1, f"{colour}: {level.label}")
        fill = fill_hex(level.colour)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
            cell.font = Font(color=text_hex(level.colour))


def _costs_sheet(sheet: Worksheet, data: PlanData) -> None:
    """Resources and costs, as a plan's financial table gives them. Beside the actions, the
    importer would read a cost column, and the words in a lead's cell, as resources."""
    # "Item" is read as a second ref column, so the importer passes over it, and over the
    # resources: it takes a cost line's words from the cost column alone.
    headings = [("Ref", 10), ("Item", 50), ("Resources", 40), ("Cost", 30)]
    for column, (name, width) in enumerate(headings, start=1):
        put(sheet, 1, column, name, style=HEADING)
        sheet.column_dimensions[get_column_letter(column)].width = width
    row = 2
    for item in data.actions:
        action = item.action
        if action.cost is None and not action.cost_text and not action.resources:
            continue
        values = [action.ref, action.title, action.resources, _cost(item)]
        for column, value in enumerate(values, start=1):
            if value:
                put(sheet, row, column, value, style=WRAPPED)
        row += 1
    sheet.freeze_panes = "A2"


def _people_sheet(sheet: Worksheet, data: PlanData) -> None:
    headings = ["Name", "Role", "Initials", "Organisation", "Email"]
    for column, name in enumerate(headings, start=1):
        put(sheet, 1, column, name, style=HEADING)
        sheet.column_dimensions[get_column_letter(column)].width = 30
    for row, person in enumerate(data.people, start=2):
        values = [person.name, person.role, person.key, person.organisation, person.email]
        for column, value in enumerate(values, start=1):
            if value:
                put(sheet, row, column, value)
    sheet.freeze_panes = "A2"


def _indicators_sheet(sheet: Worksheet, data: PlanData) -> None:
    """Each indicator with its baseline, then a target and an actual column for each period:
    the performance framework's table as plans print it. The importer reads such a table as
    the plan's indicators, each figure dated by its column's heading; it takes a heading it
    does not know (such as who supplies the figure) as a sign that this is not a table."""
    headings = [("Ref", 8), ("Indicator", 40), ("Unit", 10), ("Baseline", 10)]
    headings += [("Baseline date", 12)]
    for period in data.periods:
        headings += [(f"Target {period.label}", 12), (f"Actual {period.label}", 12)]
    for column, (name, width) in enumerate(headings, start=1):
        put(sheet, 1, column, name, style=HEADING)
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row, item in enumerate(indicator_figures(data), start=2):
        indicator = item.indicator
        values: list[object] = [
            indicator.ref, indicator.name, indicator.unit,
            item.baseline.value if item.baseline else None,
            item.baseline.on if item.baseline else None,
        ]  # fmt: skip
        for cell in item.periods:
            values += [cell.target, cell.actual.value if cell.actual else None]
        for column, value in enumerate(values, start=1):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if value not in (None, ""):
                put(sheet, row, column, value, style=WRAPPED if isinstance(value, str) else "")
    sheet.freeze_panes = "C2"
