"""The importer reads the South Gloucestershire WSoA about as a person would.

The reference is a hand conversion of the published plan (fixtures/south-gloucestershire-by-
hand.plan.json). bench/parse_accuracy.py prints the full comparison.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sendplan.interchange.parsers import parse_file_inprocess

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "demo" / "data" / "south-gloucestershire-wsoa-2018.txt"
REFERENCE = HERE / "fixtures" / "south-gloucestershire-by-hand.plan.json"

Doc = dict


def actions(sections: list[Doc]) -> Iterator[Doc]:
    for section in sections:
        yield from section.get("actions", [])
        yield from actions(section.get("sections", []))


def sections(items: list[Doc]) -> Iterator[Doc]:
    for section in items:
        yield section
        yield from sections(section.get("sections", []))


def words(text: object) -> str:
    return " ".join(str(text or "").split()).rstrip(".").lower()


def agreement(parsed: Doc, reference: Doc) -> list[tuple[str, int, int]]:
    """(what, matching, out of) for each thing a programme manager would check."""
    ours = {a["ref"]: a for a in actions(parsed["sections"]) if "ref" in a}
    theirs = [a for a in actions(reference["sections"]) if "ref" in a]
    found = [(a, ours[a["ref"]]) for a in theirs if a["ref"] in ours]

    def share(what: str, same: Callable[[Doc, Doc], bool]) -> tuple[str, int, int]:
        return what, sum(same(mine, ref) for ref, mine in found), len(theirs)

    our_sections = {s.get("ref"): s for s in sections(parsed["sections"])}
    their_sections = [s for s in sections(reference["sections"]) if "ref" in s]
    return [
        ("action refs found", len(found), len(theirs)),
        share("action titles", lambda m, r: words(m.get("title")) == words(r.get("title"))),
        share("lead keys", lambda m, r: m.get("leads", []) == r.get("leads", [])),
        share(
            "leads as written", lambda m, r: words(m.get("lead_text")) == words(r.get("lead_text"))
        ),
        share("due dates", lambda m, r: m.get("due") == r.get("due")),
        share(
            "due dates as written",
            lambda m, r: words(m.get("due_text")) == words(r.get("due_text")),
        ),
        share("start dates", lambda m, r: m.get("starts") == r.get("starts")),
        share("costs", lambda m, r: m.get("cost") == r.get("cost")),
        share(
            "number of measures",
            lambda m, r: len(m.get("measures", [])) == len(r.get("measures", [])),
        ),
        (
            "section titles",
            sum(
                words(our_sections[s["ref"]].get("title")) == words(s.get("title"))
                for s in their_sections
                if s["ref"] in our_sections
            ),
            len(their_sections),
        ),
        (
            "people",
            len(
                {p["key"] for p in parsed.get("people", [])}
                & {p["key"] for p in reference.get("people", [])}
            ),
            len(reference.get("people", [])),
        ),
        (
            "weaknesses",
            sum(
                words(a.get("text")) == words(b.get("text"))
                for a, b in zip(
                    parsed.get("weaknesses", []), reference.get("weaknesses", []), strict=False
                )
            ),
            len(reference.get("weaknesses", [])),
        ),
        (
            "glossary terms",
            len(
                {g["term"] for g in parsed.get("glossary", [])}
                & {g["term"] for g in reference.get("glossary", [])}
            ),
            len(reference.get("glossary", [])),
        ),
        (
            "indicators",
            len(
                {words(i["name"]) for i in parsed.get("indicators", [])}
                & {words(i["name"]) for i in reference.get("indicators", [])}
            ),
            len(reference.get("indicators", [])),
        ),
    ]


# The least share of the reference each check must match; raise these as the importer improves.
FLOORS = {
    "action refs found": 1.0,
    "action titles": 0.95,
    "due dates": 0.95,
    "due dates as written": 0.9,
    "start dates": 0.95,
    "costs": 0.95,
    "lead keys": 0.75,
    "leads as written": 0.85,
    "number of measures": 0.65,
    "section titles": 0.75,
    "people": 0.65,
    "weaknesses": 1.0,
    "glossary terms": 1.0,
    "indicators": 0.85,
}


def compare() -> list[tuple[str, int, int]]:
    parsed = parse_file_inprocess(SAMPLE.read_bytes(), SAMPLE.name).document["plan"]
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))["plan"]
    return agreement(parsed, reference)


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[int, int]]:
    return {what: (same, total) for what, same, total in compare()}


@pytest.mark.parametrize("what", FLOORS)
def test_it_reads_the_sample_as_a_person_did(
    what: str, results: dict[str, tuple[int, int]]
) -> None:
    same, total = results[what]
    assert total > 0
    assert same / total >= FLOORS[what], f"{what}: {same} of {total}"
