"""`sendplan parse FILE`: show what a plan file holds, without touching the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.interchange.jsonformat import dumps
from sendplan.interchange.parsers.blocks import Heading, Table
from sendplan.interchange.parsers.rules import BY_CODE
from sendplan.interchange.reading import (
    ParseError,
    PlanDocumentError,
    ReadResult,
    read_plan_file,
)


class Command(BaseCommand):
    help = (
        "Read a Word, Excel, PDF, CSV, text or JSON plan file into the sendplan.plan/1 format and "
        "report what could not be placed. Saves nothing."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The plan file: .docx, .xlsx, .pdf, .csv, .txt or .json")
        parser.add_argument("--out", help="Write the plan document here instead of printing it")
        parser.add_argument("--report", help="Write the report here instead of printing it")
        parser.add_argument(
            "--explain",
            action="store_true",
            help="Also say how each table's columns were read, and which rule placed each "
            "section and action and how sure it is",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            result = read_plan_file(path.read_bytes(), path.name)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        except ParseError as error:
            raise CommandError(f"{path.name}: {error}") from error
        except PlanDocumentError as error:
            raise CommandError(f"{path.name}:\n" + "\n".join(error.problems)) from error
        document = dumps(result.document)
        lines = [f"{item.where}: {item.message} [{item.code}]" for item in result.report]
        report = "\n".join(lines) + "\n" if lines else "Everything in the file was placed.\n"
        if options["explain"]:
            report += explain(result)
        if options["out"]:
            Path(options["out"]).write_text(document, encoding="utf-8")
        else:
            self.stdout.write(document)
        if options["report"]:
            Path(options["report"]).write_text(report, encoding="utf-8")
        else:
            self.stderr.write(report, ending="")


def _rule(code: str) -> str:
    rule = BY_CODE.get(code)
    return f"{code}: {rule.does}" if rule else code


def explain(result: ReadResult) -> str:
    """How the tables were read and what was placed, by which rule, and how surely."""
    lines = ["", "Tables:"]
    for table in result.tables:
        kind = table.kind or "not read"
        lines.append(f"  {table.where} ({kind}, {table.rows} rows)")
        for column in table.columns:
            heading = column.heading or f"column {column.index + 1}"
            if column.role:
                lines.append(
                    f"    {heading!r} -> {column.role} ({_rule(column.rule)}; "
                    f"confidence {column.confidence:.2f})"
                )
            elif column.rule:
                lines.append(f"    {heading!r} -> left out ({_rule(column.rule)})")
            else:
                lines.append(f"    {heading!r} -> left out")
    if not result.tables:
        lines.append("  none")
    found = [
        (block, code)
        for block in (result.source.blocks if result.source is not None else [])
        if isinstance(block, Table | Heading)
        for code in block.read_by
    ]
    if found:
        lines.append("Found by the reader:")
    for block, code in found:
        what = "" if isinstance(block, Table) else f", heading '{block.text[:50]}'"
        lines.append(f"  {block.where}{what}: {_rule(code)}")
    lines.append("Placed:")
    for placed in result.placements:
        name = (
            f"{placed.kind} {placed.ref}" if placed.ref else f"{placed.kind} '{placed.title[:50]}'"
        )
        where = f" ({placed.where})" if placed.where else ""
        lines.append(f"  {name}{where}: {_rule(placed.rule)}; confidence {placed.confidence:.2f}")
    return "\n".join(lines) + "\n"
