"""How each table of a file was read, and a person's corrections to it, kept as a layout.

The interpreter records a `TableReading` for every table it meets: the part it gave each
column, by which rule and how surely, and a few rows to show. The check page shows them, and
a person may change any column's part or say which row holds the headings. Those choices
are a `Layout`: plain JSON, kept per local area and matched to the tables of the next file by
their headings (`signature`), so next quarter's tracker is read the same way without asking.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.blocks import Row, flat
from sendplan.interchange.parsers.columns import Col, Columns, Kind, normalise, period_column

# The parts a person can give a column on the check page, in the order they are offered.
CHOICES: tuple[tuple[str, str], ...] = (
    ("ref", "Ref"),
    ("title", "Action"),
    ("section", "Theme or priority"),
    ("lead", "Lead"),
    ("due", "Due date"),
    ("starts", "Start date"),
    ("status", "Status for a period"),
    ("progress", "Progress narrative"),
    ("measures", "Measure of success"),
    ("evidence", "Evidence"),
    ("ignore", "Leave out"),
)
IGNORE = "ignore"
_CHOSEN = {value for value, _ in CHOICES} - {IGNORE}
_PREVIEW_ROWS = 4
_PREVIEW_CHARS = 80
_SAMPLES = 3


def signature(cells: list[str]) -> str:
    """What tells a table's heading row from another's, however its cells are spaced."""
    return "|".join(normalise(flat(cell)) for cell in cells).strip("|")


def headless_signature(width: int) -> str:
    return f"no headings, {width} columns"


@dataclass
class TableChoice:
    """A person's choices for one table: a part for some columns (by position), and which
    row holds the headings (None: the table has no heading row)."""

    roles: dict[int, str] = field(default_factory=dict)
    header_row: int | None = 0


@dataclass
class Layout:
    tables: dict[str, TableChoice] = field(default_factory=dict)
    # Read every item of a list as an action, where no action was found or the file has no
    # tables (parsers/listed.py).
    list_items: bool = False

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "tables": {
                key: {"roles": {str(i): r for i, r in c.roles.items()}, "header_row": c.header_row}
                for key, c in self.tables.items()
            }
        }
        if self.list_items:
            data["list_items"] = True
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> Layout:
        tables: dict[str, TableChoice] = {}
        for key, item in ((data or {}).get("tables") or {}).items():
            roles = {
                int(index): role
                for index, role in (item.get("roles") or {}).items()
                if str(index).isdigit() and (role in _CHOSEN or role == IGNORE)
            }
            header_row = item.get("header_row", 0)
            tables[str(key)] = TableChoice(
                roles=roles, header_row=header_row if isinstance(header_row, int) else None
            )
        return cls(tables=tables, list_items=(data or {}).get("list_items") is True)

    def merged(self, other: Layout) -> Layout:
        """This layout with another's choices on top."""
        return Layout(
            tables={**self.tables, **other.tables}, list_items=self.list_items or other.list_items
        )


def apply(choice: TableChoice, columns: Columns) -> Columns:
    """The columns as read, with a person's choices on top of them."""
    for index, role in choice.roles.items():
        columns.periods.pop(index, None)
        if role == IGNORE:
            columns.roles.pop(index, None)
            columns.basis[index] = (rules.LAYOUT_CHOICE.code, 1.0)
            continue
        col = Col(role)
        columns.roles[index] = col
        columns.basis[index] = (rules.LAYOUT_CHOICE.code, 1.0)
        heading = columns.headings[index] if index < len(columns.headings) else ""
        period = period_column(heading, col) if heading else None
        if period is not None:
            columns.periods[index] = period
    if Col.TITLE in columns.roles.values():
        columns.kind = Kind.ACTIONS
    return columns


def chosen_columns(choice: TableChoice, cells: list[str], width: int) -> Columns:
    """Columns made wholly from a person's choices, for a table that was not read at all."""
    headings = [" ".join(cell.split()) for cell in cells] if choice.header_row is not None else []
    columns = Columns(
        kind=Kind.ACTIONS,
        roles={},
        headings=headings + [""] * (width - len(headings)),
        rows_used=0 if choice.header_row is None else 1,
    )
    return apply(choice, columns)


@dataclass
class ColumnReading:
    index: int
    heading: str
    # The part given (a `Col` value), or "" for none.
    role: str
    rule: str
    confidence: float
    samples: list[str]


@dataclass
class TableReading:
    """One table of the file as the interpreter read it, for the check page."""

    key: str
    where: str
    signature: str
    # The kind of table read (a `Kind` value), or "" when it was not read.
    kind: str
    # Which of the table's rows held the headings; None when it has no heading row.
    header_row: int | None
    columns: list[ColumnReading]
    preview: list[list[str]]
    rows: int
    from_layout: bool = False

    def as_data(self) -> dict[str, Any]:
        return asdict(self)


def reading(
    *,
    key: str,
    rows: list[Row],
    header_row: int | None,
    columns: Columns | None,
    from_layout: bool,
) -> TableReading:
    width = max((len(row.cells) for row in rows), default=0)
    data = rows[header_row + 1 :] if header_row is not None else rows
    headings = rows[header_row].cells if header_row is not None and rows else []
    found: list[ColumnReading] = []
    for index in range(width):
        heading = flat(headings[index]) if index < len(headings) else ""
        role = columns.roles.get(index) if columns is not None else None
        rule, confidence = (columns.basis.get(index) if columns is not None else None) or (
            "",
            0.0,
        )
        samples = [
            flat(row.cells[index])[:_PREVIEW_CHARS]
            for row in data
            if index < len(row.cells) and row.cells[index].strip()
        ][:_SAMPLES]
        found.append(
            ColumnReading(
                index=index,
                heading=heading,
                role=role.value if role is not None else "",
                # A column left out keeps the rule that left it out, when one did.
                rule=rule,
                confidence=confidence if role is not None else 0.0,
                samples=samples,
            )
        )
    preview = [[flat(cell)[:_PREVIEW_CHARS] for cell in row.cells] for row in rows[:_PREVIEW_ROWS]]
    return TableReading(
        key=key,
        where=rows[0].where if rows else "",
        signature=(signature(headings) if header_row is not None else headless_signature(width)),
        kind=columns.kind.value if columns is not None else "",
        header_row=header_row,
        columns=found,
        preview=preview,
        rows=len(rows),
        from_layout=from_layout,
    )
