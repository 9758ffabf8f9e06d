"""The scorer itself: what counts as the same action and the same status cell."""

from __future__ import annotations

from typing import Any

from sendplan.interchange.tests.accuracy import agreement, period_map, period_name

Doc = dict[str, Any]


def figure(plan: Doc, reference: Doc, what: str) -> tuple[int, int]:
    found = {name: (same, total) for name, same, total in agreement(plan, reference)}
    return found[what]


def plan_of(periods: list[Doc], *sections: list[Doc]) -> Doc:
    return {
        "periods": periods,
        "sections": [{"title": f"S{n}", "actions": actions} for n, actions in enumerate(sections)],
    }


def rated(label: str, status: str) -> Doc:
    return {"ref": "1", "title": "Audit", "updates": [{"period": label, "status": status}]}


def test_a_period_named_without_the_headings_rating_word_is_the_same_period() -> None:
    assert period_name("RAG May 20") == period_name("May 20") == "may 20"
    assert period_name("Status") == "status"  # a heading of rating words alone keeps them
    reference = plan_of([{"label": "RAG May 20"}], [rated("RAG May 20", "G")])
    plan = plan_of([{"label": "May 20"}], [rated("May 20", "G")])
    assert period_map(plan, reference) == {"May 20": "RAG May 20"}
    assert figure(plan, reference, "status cells") == (1, 1)
    wrong = plan_of([{"label": "May 20"}], [rated("May 20", "R")])
    assert figure(wrong, reference, "status cells") == (0, 1)


def test_a_different_period_is_not_matched_by_name() -> None:
    reference = plan_of([{"label": "RAG May 20"}], [rated("RAG May 20", "G")])
    plan = plan_of([{"label": "June 20"}], [rated("June 20", "G")])
    assert figure(plan, reference, "status cells") == (0, 1)


def test_periods_with_the_same_end_date_are_the_same_period() -> None:
    reference = plan_of([{"label": "Q1", "ends_on": "2024-06-30"}])
    plan = plan_of([{"label": "Jun 24", "ends_on": "2024-06-30"}])
    assert period_map(plan, reference) == {"Jun 24": "Q1"}


def test_a_ref_two_actions_share_does_not_pair_the_wrong_action() -> None:
    reference = plan_of(
        [], [{"ref": "1", "title": "Give clear information"}], [{"ref": "1", "title": "Teach"}]
    )
    plan = plan_of(
        [],
        [{"ref": "1", "title": "Give clear information"}],
        [{"ref": "1", "title": "Teach. That might be at school."}],
    )
    assert figure(plan, reference, "actions found") == (1, 2)
    assert figure(plan, reference, "titles") == (1, 1)


def test_a_ref_only_one_action_has_pairs_whatever_its_title() -> None:
    reference = plan_of([], [{"ref": "2.1", "title": "Audit the plans"}])
    plan = plan_of([], [{"ref": "2.1", "title": "Audit the plans Lead: JS"}])
    assert figure(plan, reference, "actions found") == (1, 1)
    assert figure(plan, reference, "titles") == (0, 1)


def test_a_rating_with_the_same_colour_on_each_scale_is_the_same_rating() -> None:
    reference = plan_of([{"label": "Q3"}], [rated("Q3", "Green")])
    reference["status_scale"] = [{"code": "Green", "label": "On plan", "colour": "green"}]
    plan = plan_of([{"label": "Q3"}], [rated("Q3", "G")])
    plan["status_scale"] = [
        {"code": "G", "label": "On track", "colour": "green"},
        {"code": "A", "label": "Some concerns", "colour": "amber"},
    ]
    assert figure(plan, reference, "status cells") == (1, 1)
    amber = plan_of([{"label": "Q3"}], [rated("Q3", "A")])
    amber["status_scale"] = plan["status_scale"]
    assert figure(amber, reference, "status cells") == (0, 1)


def test_a_rating_the_reference_gives_no_colour_is_compared_by_its_words() -> None:
    reference = plan_of([{"label": "Status"}], [rated("Status", "Work in progress")])
    reference["status_scale"] = [{"code": "Work in progress", "label": "Work in progress"}]
    plan = plan_of([{"label": "Status"}], [rated("Status", "A")])
    plan["status_scale"] = [{"code": "A", "label": "Work in progress", "colour": "amber"}]
    assert figure(plan, reference, "status cells") == (0, 1)
