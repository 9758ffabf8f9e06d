"""One way in for every plan file: JSON in our own format, or Word, Excel, CSV, PDF and text."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

from sendplan.interchange.jsonformat import read_document
from sendplan.interchange.parsers import (
    Layout,
    ParseError,
    ParseResult,
    ReportItem,
    Source,
    TableReading,
    parse_file,
    parse_pasted,
    reread,
)
from sendplan.interchange.parsers.errors import Placement
from sendplan.interchange.schema import PlanDocumentError

__all__ = [
    "Layout",
    "ParseError",
    "PlanDocumentError",
    "ReadResult",
    "read_again",
    "read_plan_file",
    "read_plan_text",
]


@dataclass
class ReadResult:
    document: dict
    report: list[ReportItem] = field(default_factory=list)
    # For files the importer read (not our own JSON): the blocks read, to read them again
    # after a person's corrections, how each table was read, and what was placed.
    source: Source | None = None
    tables: list[TableReading] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)

    @classmethod
    def of(cls, result: ParseResult) -> ReadResult:
        return cls(
            document=result.document,
            report=result.report,
            source=result.source,
            tables=result.tables,
            placements=result.placements,
        )


def read_plan_file(data: bytes, filename: str, *, choices: Layout | None = None) -> ReadResult:
    """The plan a file holds and what could not be placed; ParseError when it cannot be read.
    `choices` are the local area's saved choices for tables laid out like this file's."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if len(data) > limit:
        raise ParseError(
            f"{filename} is {len(data) / 1024 / 1024:.1f} MB; files up to "
            f"{settings.MAX_UPLOAD_MB} MB can be imported."
        )
    if filename.lower().endswith(".json"):
        document = read_document(data)
        if not isinstance(document, dict):
            raise PlanDocumentError(["The file is JSON, but not a sendplan plan document."])
        return ReadResult(document=document)
    result = parse_file(
        data,
        filename,
        max_bytes=limit,
        timeout=settings.PARSE_TIMEOUT_SECONDS,
        choices=choices,
    )
    return ReadResult.of(result)


def read_plan_text(text: str, *, choices: Layout | None = None) -> ReadResult:
    """The plan in text pasted from Word or a PDF, read in a child process like a file."""
    result = parse_pasted(
        text,
        max_chars=settings.MAX_UPLOAD_MB * 1024 * 1024,
        timeout=settings.PARSE_TIMEOUT_SECONDS,
        choices=choices,
    )
    return ReadResult.of(result)


def read_again(source: Source, choices: Layout) -> ReadResult:
    """The same blocks read again with a person's choices for their tables."""
    return ReadResult.of(reread(source, choices, timeout=settings.PARSE_TIMEOUT_SECONDS))
