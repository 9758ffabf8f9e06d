"""Round status29: the status cells of sixteen more plans written before the importer read them.

The dev half is held at what the round reached, the blind half at what it reads without being
studied (and at no more invented ratings than it gave before), and each change the round made
has a test of what a user would notice. The plans are in status29.py; bench/parse_status29.py
prints the table; corpus/real/STATUS29.md the figures."""

from __future__ import annotations

import pytest

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    parsed_file,
    report_codes,
)
from sendplan.interchange.tests.status29 import (
    BLIND,
    CORPUS,
    DEV,
    Status29,
    figures,
    invented,
    parsed,
)

# Totals of each half: neither may fall below what this round left it at.
DEV_FLOORS = {
    "actions found": 21,
    "refs": 21,
    "titles": 21,
    "leads": 21,
    "due dates": 21,
    "status cells": 31,
}
BLIND_FLOORS = {
    "actions found": 34,
    "refs": 34,
    "titles": 32,
    "leads": 34,
    "due dates": 34,
    "status cells": 44,
}
# Ratings given where a plan has none: no more than this round left.
DEV_INVENTED = 0
BLIND_INVENTED = 8


@pytest.mark.parametrize(("plans", "floors"), [(DEV, DEV_FLOORS), (BLIND, BLIND_FLOORS)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_keeps_its_totals(plans: tuple[Status29, ...], floors: dict[str, int]) -> None:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in figures(plan):
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in floors.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"fell below the floors: {fallen}"


@pytest.mark.parametrize(("plans", "most"), [(DEV, DEV_INVENTED), (BLIND, BLIND_INVENTED)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_invents_no_more_ratings(plans: tuple[Status29, ...], most: int) -> None:
    assert sum(invented(plan)[1] for plan in plans) <= most


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_plan_gives_a_valid_document(plan: Status29) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_spreads_over_every_format_and_halves_by_hash() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert sorted(set(kinds)) == ["docx", "pdf", "txt", "xlsx"]
    assert all(kinds.count(kind) == 4 for kind in set(kinds))
    assert {plan.name for plan in DEV} == {
        "Birchfield tracker", "Calderbrook APP", "Hartside strategy plan",
        "Ivel Valley tracker", "Netherby APP", "Pelham tracker",
    }  # fmt: skip


def test_a_dev_plan_with_no_ratings_is_given_none() -> None:
    (plan,) = [p for p in DEV if p.name == "Hartside strategy plan"]
    document = parsed(plan)
    assert not [u for a in all_actions({"plan": document}) for u in a.get("updates", [])
                if u.get("status")]  # fmt: skip


# rating-in-brackets


_COLOURS = "RAG: Green - on track; Amber - some slippage; Red - off track.\n"


def _progress_table(notes: list[str], key: str = _COLOURS) -> bytes:
    rows = "".join(
        f"1.{n}\tAction number {n} for the plan.\tHead of SEND\tDec 2025\t{note}\n"
        for n, note in enumerate(notes, start=1)
    )
    return (key + "Ref\tAction\tLead\tBy when\tUpdate December 2025\n" + rows).encode()


def test_a_rating_in_brackets_closing_a_sentence_is_its_periods_rating() -> None:
    result = parsed_file(
        _progress_table([
            "Twelve schools trained (Green). The rest are booked for spring.",
            "One team in place (Amber). The second awaits funding.",
            "Backlog still 85 cases (Red)",
        ]),
        "plan.txt",
    )  # fmt: skip
    first = action(result.document, "1.1")["updates"][0]
    assert first["status"] in ("G", "Green")
    assert first["narrative"] == "Twelve schools trained. The rest are booked for spring."
    assert action(result.document, "1.2")["updates"][0]["status"] in ("A", "Amber")
    last = action(result.document, "1.3")["updates"][0]
    assert last["status"] in ("R", "Red")
    assert last["narrative"] == "Backlog still 85 cases"
    assert rules.RATING_IN_BRACKETS.code in report_codes(result)


def test_the_plans_own_words_in_brackets_are_ratings() -> None:
    result = parsed_file(
        _progress_table([
            "Named contacts sent to 70% of families (Partially achieved)",
            "Three events held, 140 parents came (Achieved)",
        ], key=""),
        "plan.txt",
    )  # fmt: skip
    assert action(result.document, "1.1")["updates"][0]["status"] == "Partially achieved"
    assert action(result.document, "1.2")["updates"][0]["status"] == "Achieved"


def test_asides_in_brackets_are_no_ratings() -> None:
    # One note with a rating word in brackets is an aside, not a column of ratings; nor is a
    # bracket that says something else, nor one of several brackets.
    for notes in (
        ["Twelve schools trained (complete).", "Panel met in May."],
        ["Tender returned (see 2.1).", "Staff trained (twelve of them)."],
        ["Clinic (Green) and ward (Red) both open.", "Rooms found (Amber), staff (Red)."],
    ):
        result = parsed_file(_progress_table(notes), "plan.txt")
        updates = [u for a in all_actions(result.document) for u in a.get("updates", [])]
        assert not [u for u in updates if u.get("status")], notes
        assert rules.RATING_IN_BRACKETS.code not in report_codes(result)


# section-row: "2. Information for families" in the ref column


def test_a_numbered_priority_in_the_ref_column_heads_its_actions() -> None:
    text = (
        "Ref\tAction\tOwner\tDeadline\tOct-25\n"
        "1. Inclusion in mainstream schools\t\t\t\t\n"
        "1.1\tOpen four resourced provisions.\tHead of Inclusion\tSept 2026\tOn track\n"
        "1.2\tPublish an inclusion charter.\tHead of Inclusion\tDec 2025\tAt risk\n"
        "2. Information for families\t\t\t\t\n"
        "2.1\tRewrite the local offer pages.\tSENDIASS Manager\tFeb 2026\tOff track\n"
    )
    result = parsed_file(text.encode(), "plan.txt")
    sections = result.document["plan"]["sections"]
    assert [(s.get("ref"), s["title"]) for s in sections] == [
        ("1", "Inclusion in mainstream schools"),
        ("2", "Information for families"),
    ]
    assert action(result.document, "1.2")["title"] == "Publish an inclusion charter."
    assert rules.ROW_UNPLACED.code not in report_codes(result)


# Columns lined up by spaces, a cell filled to the next column's edge


def test_a_cell_that_fills_its_column_leaves_the_next_columns_words_their_own() -> None:
    text = (
        "Ref    Action                                                  Lead"
        "                             Due          Status\n"
        "1.1    Start transition planning at Year 9 annual reviews.     Head of SEND"
        "                     April 2026   3\n"
        "1.2    Agree joint transition protocol with adult social care. Preparing for "
        "Adulthood Lead     Dec 2025     4\n"
    )
    result = parsed_file(text.encode(), "plan.txt")
    second = action(result.document, "1.2")
    assert second["title"] == "Agree joint transition protocol with adult social care."
    people = {p["key"]: p.get("role") for p in result.document["plan"]["people"]}
    assert [people[key] for key in second["leads"]] == ["Preparing for Adulthood Lead"]
    assert second["due"] == "2025-12"


# A key's closing full stop


def test_a_keys_closing_full_stop_is_not_part_of_its_last_rating() -> None:
    result = parsed_file(_progress_table(["Twelve trained (Green).", "None yet (Red)."]),
                         "plan.txt")  # fmt: skip
    labels = [s["label"] for s in result.document["plan"]["status_scale"]]
    assert labels == ["on track", "some slippage", "off track"]
