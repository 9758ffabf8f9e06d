"""Checks shared by the parser tests: every imported plan must be a valid document."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

from sendplan.demo.sample_files import DATA_DIR as SAMPLES

if TYPE_CHECKING:
    from sendplan.interchange.parsers.errors import ParseResult
    from sendplan.interchange.parsers.rules import Rule

# The schema file itself, not sendplan.interchange.schema: that module imports Django models,
# and this package is also imported by scripts run without Django set up (bench/, the corpus
# builders run with python -m).
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "plan.schema.json"


def sample_text(name: str) -> str:
    path = SAMPLES / name
    assert path.is_file(), f"The sample plan {path} is missing; the tests need it."
    return path.read_text(encoding="utf-8")


def walk_sections(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for section in sections:
        yield section
        yield from walk_sections(section.get("sections", []))


def all_actions(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        action
        for section in walk_sections(document["plan"]["sections"])
        for action in section.get("actions", [])
    ]


def action(document: dict[str, Any], ref: str) -> dict[str, Any]:
    found = [a for a in all_actions(document) if a.get("ref") == ref]
    assert len(found) == 1, f"expected one action {ref}, found {len(found)}"
    return found[0]


def assert_valid_plan(document: dict[str, Any]) -> None:
    """Valid against the schema, and every key, period and rating refers to something real."""
    # Imported here, not at the top: the schema module loads Django models, and the modules of
    # this package that only read files (benchmarks, corpus builders) must import without Django.
    assert SCHEMA_PATH.is_file(), f"The plan schema {SCHEMA_PATH} is missing."
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    plan = document["plan"]
    keys = [person["key"] for person in plan.get("people", [])]
    assert len(keys) == len(set(keys)), "people keys must be unique"
    periods = {period["label"] for period in plan.get("periods", [])}
    codes = {status["code"] for status in plan.get("status_scale", [])}
    levels = set(plan.get("levels", []))
    for section in walk_sections(plan["sections"]):
        assert section.get("level") in levels
        for owner in section.get("owners", []):
            assert owner in keys, f"owner {owner} is not in people"
        for item in section.get("actions", []):
            for lead in item.get("leads", []):
                assert lead in keys, f"lead {lead} of {item.get('ref')} is not in people"
            for update in item.get("updates", []):
                assert update["period"] in periods, f"unknown period {update['period']}"
                if "status" in update:
                    parts = update["status"].split("/")
                    assert all(part in codes for part in parts), update["status"]


def titles(document: dict[str, Any]) -> list[str]:
    """The titles of every action in the plan, in order."""
    return [found["title"] for found in all_actions(document)]


def placed_by(result: ParseResult) -> set[str]:
    """The codes of the rules that placed the parse's actions."""
    return {p.rule for p in result.placements if p.kind == "action"}


def report_codes(result: ParseResult) -> set[str]:
    """The codes of the rules that wrote a parse's report: what a test asks for, not the words."""
    return {item.code for item in result.report}


def report_messages(result: ParseResult, rule: Rule) -> list[str]:
    """The messages one rule wrote, in order: for a test about what a message names."""
    return [item.message for item in result.report if item.code == rule.code]


def parsed_file(data: bytes, name: str) -> ParseResult:
    """A file read as the web app reads it, in this process, whose plan must be valid."""
    from sendplan.interchange.parsers import parse_file_inprocess

    result = parse_file_inprocess(data, name)
    assert_valid_plan(result.document)
    return result


def word_table(document: Any, rows: list[list[str]]) -> Any:
    """A table of these rows added to a python-docx document, each cell holding its text."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    return table


def saved(office_file: Any) -> bytes:
    """A python-docx document or an openpyxl workbook as the bytes of its file."""
    out = io.BytesIO()
    office_file.save(out)
    return out.getvalue()
