"""A table of updates printed apart from its actions, with no refs and not a row for each."""

from __future__ import annotations

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import action, assert_valid_plan, report_codes, report_messages

ACTIONS = """Ref\tAction\tLead\tPosition Statement January 2022
1.1\tRun parent workshops\tNatalie Bevan\tTwo workshops held for parents in the north.
1.2\tPublish the Local Offer video\tNatalie Bevan\tScript agreed with the parent carer forum; filming booked for the spring.
1.3\tTrain SENCos in the graduated response\tNatalie Bevan\tTraining dates set.
"""  # noqa: E501


def june(document: dict, ref: str) -> str | None:
    updates = {u["period"]: u.get("narrative") for u in action(document, ref).get("updates", [])}
    return updates.get("June 2022")


def test_it_anchors_a_row_that_carries_an_earlier_statement_forward_and_pairs_the_rest() -> None:
    # Two rows for three actions: the second repeats most of 1.2's January statement.
    rows = (
        "\tFour workshops held.\n"
        "\tScript agreed with the parent carer forum; filming finished in the spring.\n"
    )
    result = parse_text(f"{ACTIONS}\n\tPosition Statement June 2022\n{rows}")
    assert_valid_plan(result.document)
    assert june(result.document, "1.1") == "Four workshops held."
    assert june(result.document, "1.2") == (
        "Script agreed with the parent carer forum; filming finished in the spring."
    )
    assert june(result.document, "1.3") is None
    assert rules.UPDATES_ANCHORED.code in report_codes(result)


def test_it_reports_rows_it_cannot_anchor_or_pair_and_places_none_of_them() -> None:
    rows = "\tFour workshops held.\n\tNew venue found in the town centre.\n"
    result = parse_text(f"{ACTIONS}\n\tPosition Statement June 2022\n{rows}")
    assert all(june(result.document, ref) is None for ref in ("1.1", "1.2", "1.3"))
    unplaced = report_messages(result, rules.UPDATE_UNPLACED)
    assert len(unplaced) == 2
    # Each names the words it could not place, for a person to place them.
    assert "'New venue found in the town centre.'" in unplaced[1]
