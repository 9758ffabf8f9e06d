"""Success measures read from a cell: one per line, and apart again where their lines ran
together in pasted text."""

from __future__ import annotations

from sendplan.interchange.parsers import parse_text
from sendplan.interchange.tests import action, assert_valid_plan

HEADINGS = "Ref\tAction\tMeasure of success\tLead\tDate for delivery"


def measures(cell: str, action_text: str = "Set up a partnership board for SEND.") -> list[dict]:
    row = f"1.1\t{action_text}\t{cell}\tHead of SEND\tMay 2024"
    text = f"Eastbrook SEND plan\n\n{HEADINGS}\n{row}\n"
    document = parse_text(text).document
    assert_valid_plan(document)
    return action(document, "1.1")["measures"]


def test_it_splits_run_together_measures_at_a_word_the_plan_writes_in_lower_case() -> None:
    # "board" is in the action's text, so "Board" mid-sentence starts the next measure.
    found = measures("Terms of reference approved Board meets every month from May")
    assert [m["text"] for m in found] == [
        "Terms of reference approved",
        "Board meets every month from May",
    ]
    # The row's date is each one's.
    assert [m.get("due_text") for m in found] == ["May 2024", "May 2024"]


def test_it_does_not_split_a_measure_at_a_name_or_after_a_small_word() -> None:
    found = measures(
        "Schools report improved Ofsted outcomes and feedback from the Board shows progress"
    )
    assert [m["text"] for m in found] == [
        "Schools report improved Ofsted outcomes and feedback from the Board shows progress"
    ]


def test_it_leaves_at_least_three_words_on_each_side_of_a_split() -> None:
    found = measures("Board approved Board meets monthly")
    assert len(found) == 1
