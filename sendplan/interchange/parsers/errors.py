"""What a parse gives back: the plan document, and a report of what could not be placed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ReportItem:
    where: str
    message: str


@dataclass
class ParseResult:
    document: dict[str, Any]
    report: list[ReportItem] = field(default_factory=list)


class ParseError(Exception):
    """The file cannot be read at all; str(error) tells the person why, in plain English."""
