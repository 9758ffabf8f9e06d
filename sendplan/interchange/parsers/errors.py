"""What a parse gives back: the plan document, and a report of what could not be placed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sendplan.interchange.parsers.blocks import Source
    from sendplan.interchange.parsers.layout import TableReading


@dataclass(frozen=True)
class Placement:
    """An action or section the importer placed: where it was read, by which rule, and how
    sure the importer is of it (0 to 1)."""

    kind: str
    where: str
    ref: str | None
    title: str
    rule: str
    confidence: float


@dataclass
class ReportItem:
    where: str
    message: str
    # The code of the rule that wrote it (see `rules`).
    code: str = ""


@dataclass
class ParseResult:
    document: dict[str, Any]
    report: list[ReportItem] = field(default_factory=list)
    # The blocks the plan was read from, to read again after a person's corrections.
    source: Source | None = None
    # How each table was read, and what was placed, by which rule and how surely.
    tables: list[TableReading] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)


class ParseError(Exception):
    """The file cannot be read at all; str(error) tells the person why, in plain English."""
