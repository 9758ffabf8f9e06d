"""The importer reads Word and Excel plans laid out unlike the samples about as a careful
person would. The plans and their hand-entered versions are in unseen_office.py;
bench/parse_unseen_office.py prints the full table."""

from __future__ import annotations

import pytest

from sendplan.interchange.tests import assert_valid_plan
from sendplan.interchange.tests.unseen_office import CORPUS, CorpusPlan, figures, parsed

# The target for the share of actions found and, of those, their refs, titles, leads,
# due dates and status cells; every other figure is held at what the importer reaches.
TARGET = 0.98
NAMED = ("actions found", "refs", "titles", "leads", "due dates", "status cells")
FLOORS: dict[tuple[str, str], float] = {}
OTHERS = 1.0


def floor(plan: CorpusPlan, what: str) -> float:
    default = TARGET if what in NAMED else OTHERS
    return FLOORS.get((plan.name, what), FLOORS.get(("*", what), default))


@pytest.mark.parametrize("plan", CORPUS, ids=[plan.name for plan in CORPUS])
def test_each_unseen_plan_is_read_about_as_a_person_would(plan: CorpusPlan) -> None:
    short = []
    for what, same, total in figures(plan):
        if total and same / total < floor(plan, what):
            short.append(f"{what}: {same}/{total}")
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


@pytest.mark.parametrize("plan", CORPUS, ids=[plan.name for plan in CORPUS])
def test_each_unseen_plan_gives_a_valid_document(plan: CorpusPlan) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_lays_plans_out_in_each_office_format() -> None:
    kinds = {plan.filename.rsplit(".", 1)[1] for plan in CORPUS}
    assert kinds == {"docx", "xlsx", "pdf"} and len(CORPUS) >= 5
