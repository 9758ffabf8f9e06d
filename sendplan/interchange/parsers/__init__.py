"""Importing existing plans from Word, Excel, CSV and pasted text.

`parse_file` and `parse_text` return a `sendplan.plan/1` document and a report of what
could not be placed, for a person to check before anything is saved. Every format is read
into the same stream of headings, paragraphs and tables (see `blocks`), and one interpreter
(`interpret`) reads the plan out of that stream.
"""

from __future__ import annotations

from pathlib import PurePath

from sendplan.interchange.parsers import (
    csv_reader,
    docx_reader,
    safety,
    sandbox,
    text_reader,
    xlsx_reader,
)
from sendplan.interchange.parsers.blocks import Block
from sendplan.interchange.parsers.builder import PlanBuilder
from sendplan.interchange.parsers.errors import ParseError, ParseResult, ReportItem
from sendplan.interchange.parsers.interpret import Interpreter

__all__ = ["ParseError", "ParseResult", "ReportItem", "parse_file", "parse_text"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0


def _interpret(
    blocks: list[Block], *, title: str | None, notes: tuple[str, ...] = ()
) -> ParseResult:
    plan = PlanBuilder()
    plan.title = title
    for note in notes:
        plan.note("file", note)
    Interpreter(plan).run(blocks)
    return ParseResult(document=plan.finish(), report=plan.report)


def parse_text(text: str, *, title: str | None = None) -> ParseResult:
    """Read a plan from pasted text; `title` overrides the first line as the plan's title."""
    return _interpret(text_reader.read_text(text), title=title)


def parse_file_inprocess(
    data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> ParseResult:
    """`parse_file` without the child process or time limit: for tests and trusted callers."""
    checked = safety.check(data, filename, max_bytes=max_bytes)
    blocks = _read(checked)
    if not blocks:
        raise ParseError("The file has no text in it that we could read.")
    result = _interpret(blocks, title=None, notes=tuple(checked.notes))
    if result.document["plan"]["title"] == "Imported plan":
        result.document["plan"]["title"] = PurePath(filename).stem or "Imported plan"
    return result


def _read(checked: safety.Checked) -> list[Block]:
    try:
        if checked.kind is safety.FileKind.DOCX:
            return docx_reader.read_docx(checked.data)
        if checked.kind is safety.FileKind.XLSX:
            return xlsx_reader.read_xlsx(checked.data, checked.notes)
    except ParseError:
        raise
    except Exception as error:
        raise ParseError(
            "The file could not be read; it may be damaged. Open it and save it again, then "
            "try once more."
        ) from error
    text = safety.decode_text(checked.data)
    if checked.kind is safety.FileKind.CSV:
        return csv_reader.read_csv(text)
    return text_reader.read_text(text)


def parse_file(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> ParseResult:
    """Read a plan from an uploaded file, in a child process stopped after `timeout` seconds.

    Raises ParseError, with a message for the person who uploaded it, when the file is empty,
    too big, damaged, protected with a password, unsafe, of a type we do not read, or too slow.
    """
    safety.check_size(data, max_bytes=max_bytes)
    return sandbox.run(data, filename, max_bytes=max_bytes, timeout=timeout)
