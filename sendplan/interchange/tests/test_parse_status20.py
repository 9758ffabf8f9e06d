"""Round status20: the status cells of sixteen plans written before the importer read them.

The dev half is held at what the round reached, the blind half at what it reads without being
studied, and each rule the round added has a test of what a user would notice. The plans are in
status20.py; bench/parse_status20.py prints the table; corpus/real/STATUS20.md the figures."""

from __future__ import annotations

import pytest

from sendplan.interchange.tests import assert_valid_plan
from sendplan.interchange.tests.status20 import BLIND, CORPUS, DEV, Status20, figures, parsed

# Totals of each half: neither may fall below what this round left it at.
DEV_FLOORS = {
    "actions found": 40,
    "refs": 40,
    "titles": 40,
    "leads": 40,
    "due dates": 40,
    "status cells": 30,
}
BLIND_FLOORS = {
    "actions found": 16,
    "refs": 16,
    "titles": 16,
    "leads": 16,
    "due dates": 16,
    "status cells": 17,
}


@pytest.mark.parametrize(("plans", "floors"), [(DEV, DEV_FLOORS), (BLIND, BLIND_FLOORS)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_keeps_its_totals(plans: tuple[Status20, ...], floors: dict[str, int]) -> None:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in figures(plan):
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in floors.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"fell below the floors: {fallen}"


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_plan_gives_a_valid_document(plan: Status20) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_spreads_over_every_format_and_halves_by_hash() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert sorted(set(kinds)) == ["docx", "pdf", "txt", "xlsx"]
    assert all(kinds.count(kind) == 4 for kind in set(kinds))
    assert {plan.name for plan in BLIND} == {
        "Cranleigh PAP", "Holmbury WSoA", "Oakhanger WSoA", "Pendle Moor PAP"
    }  # fmt: skip
