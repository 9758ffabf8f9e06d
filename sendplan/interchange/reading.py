"""One way in for every plan file: JSON in our own format, or Word, Excel, PDF, CSV and text."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

from sendplan.interchange.jsonformat import read_document
from sendplan.interchange.parsers import ParseError, ReportItem, parse_file, parse_pasted
from sendplan.interchange.schema import PlanDocumentError

__all__ = ["ParseError", "PlanDocumentError", "ReadResult", "read_plan_file", "read_plan_text"]


@dataclass
class ReadResult:
    document: dict
    report: list[ReportItem] = field(default_factory=list)


def read_plan_file(data: bytes, filename: str) -> ReadResult:
    """The plan a file holds and what could not be placed; ParseError when it cannot be read."""
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
    result = parse_file(data, filename, max_bytes=limit, timeout=settings.PARSE_TIMEOUT_SECONDS)
    return ReadResult(document=result.document, report=result.report)


def read_plan_text(text: str) -> ReadResult:
    """The plan in text pasted from Word or a PDF, read in a child process like a file."""
    result = parse_pasted(
        text,
        max_chars=settings.MAX_UPLOAD_MB * 1024 * 1024,
        timeout=settings.PARSE_TIMEOUT_SECONDS,
    )
    return ReadResult(document=result.document, report=result.report)
