"""The kinds of table a plan holds, each read by its own reader behind one small protocol.

`columns.read_header` decides a table's kind from its headings (and its cells); `KINDS` is the
one place that says which reader reads the rows of each kind. Adding a kind of table is a
`Kind`, its headings in `columns`, a reader here and a line in `KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sendplan.interchange.parsers import rules, tables
from sendplan.interchange.parsers.actions import ActionTable, UpdatesWithoutRefs
from sendplan.interchange.parsers.blocks import Row
from sendplan.interchange.parsers.builder import PlanBuilder, Section
from sendplan.interchange.parsers.columns import Columns
from sendplan.interchange.parsers.roles import Kind


class TableReader(Protocol):
    # Rows go to this table before anything else is tried (a timeline's rows hold dates and
    # words that would otherwise be read as something else).
    claims_every_row: bool

    def feed(self, row: Row) -> bool:
        """Place one row of the table; False when it could not be placed."""

    def finish(self) -> None:
        """The table has ended."""


@dataclass
class Opening:
    """What a reader is given when its table begins."""

    plan: PlanBuilder
    header: Columns
    where: str
    # The section open as each row is read.
    section: Callable[[], Section | None]
    # The level a theme's list of priorities named ("Strategic priority"), if any.
    sublevel: str | None
    # The table of actions read before this one: a table of updates alone belongs to it.
    previous: ActionTable | None
    # Takes one line of a status key laid out as a table: (colour, rating, mark), and where.
    legend: Callable[[tuple[str, str, str, str], str], None]
    rows: list[Row]


class _Rows:
    """A table whose rows are each read on their own by a function."""

    claims_every_row = False

    def __init__(self, opening: Opening, read: Callable[[Opening, Row], bool]) -> None:
        self.opening = opening
        self.read = read

    def feed(self, row: Row) -> bool:
        return self.read(self.opening, row)

    def finish(self) -> None:
        return None


class _Timeline:
    """A timeline of actions by quarter repeats the dates already given with each action: its
    rows are counted and left out, and the report says so."""

    claims_every_row = True

    def __init__(self, opening: Opening) -> None:
        self.opening = opening
        self.rows = 0

    def feed(self, row: Row) -> bool:
        self.rows += 1
        return True

    def finish(self) -> None:
        if self.rows:
            self.opening.plan.note(
                self.opening.where,
                f"Skipped the timeline table ({self.rows} rows): it repeats the dates already "
                "given with each action.",
                rule=rules.TIMELINE_SKIPPED,
            )


class _Concerns:
    claims_every_row = False

    def __init__(self, opening: Opening) -> None:
        self.opening = opening
        self.table = tables.ConcernTable(opening.plan, opening.header)

    def feed(self, row: Row) -> bool:
        return self.table.feed(row, self.opening.section())

    def finish(self) -> None:
        return None


class _UpdatesAlone:
    claims_every_row = False

    def __init__(self, opening: Opening) -> None:
        for period in opening.header.periods.values():
            opening.plan.add_period(period.label, period.ends_on)
        self.updates = UpdatesWithoutRefs(opening.plan, opening.header, opening.previous)

    def feed(self, row: Row) -> bool:
        self.updates.feed(row)
        return True

    def finish(self) -> None:
        self.updates.finish()


def _actions(opening: Opening) -> TableReader:
    table = ActionTable(opening.plan, opening.header, opening.section, opening.sublevel)
    table.start_block(opening.rows)
    return table


def _key_row(opening: Opening, row: Row) -> bool:
    line = tables.key_row(opening.header, row)
    if line is not None:
        opening.legend(line, row.where)
    return line is not None


KINDS: dict[Kind, Callable[[Opening], TableReader]] = {
    Kind.ACTIONS: _actions,
    Kind.OFFICERS: lambda o: _Rows(o, lambda o, row: tables.officer_row(o.plan, o.header, row)),
    Kind.GLOSSARY: lambda o: _Rows(o, lambda o, row: tables.glossary_row(o.plan, o.header, row)),
    Kind.MEETINGS: lambda o: tables.MeetingTable(o.plan, o.header),
    Kind.FINANCE: lambda o: _Rows(o, lambda o, row: tables.finance_row(o.plan, o.header, row)),
    Kind.CONCERNS: _Concerns,
    Kind.INDICATORS: lambda o: _Rows(
        o, lambda o, row: tables.indicator_row(o.plan, o.header, row, o.section())
    ),
    Kind.MILESTONES: lambda o: _Rows(
        o, lambda o, row: tables.milestone_row(o.plan, o.header, row, o.section())
    ),
    Kind.KEY: lambda o: _Rows(o, _key_row),
    Kind.TIMELINE: _Timeline,
    Kind.PROGRESS_ONLY: _UpdatesAlone,
}
