"""docs/plan-format.md describes the plan format that plan.schema.json checks: every field the
schema names is in the document, and its example is a valid plan."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA = json.loads((Path(__file__).parents[1] / "plan.schema.json").read_text(encoding="utf-8"))
DOC = (Path(__file__).resolve().parents[3] / "docs" / "plan-format.md").read_text(encoding="utf-8")


def _field_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for name, value in node.items():
            if name == "properties":
                yield from value
            yield from _field_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _field_names(item)


def test_it_names_every_field_of_the_schema() -> None:
    named = set(re.findall(r'"([a-z_]+)"\s*:', DOC)) | set(re.findall(r"`([a-z_]+)", DOC))
    missing = sorted(set(_field_names(SCHEMA)) - named)
    assert missing == []


def test_its_example_is_a_valid_plan() -> None:
    example = re.search(r"```json\n(.*?)```", DOC, re.DOTALL)
    assert example is not None
    Draft202012Validator(SCHEMA).validate(json.loads(example.group(1)))
