"""Plans in layouts no earlier round held (round unseen32): both halves held at the floors the
round left them at, and one test per rule the round added, each on a small invented plan. The
plans are in unseen32.py; bench/parse_unseen32.py prints the table; corpus/real/UNSEEN32.md the
figures."""

from __future__ import annotations

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import action, all_actions, parsed_file, placed_by

# fields-on-one-line


def test_owner_due_and_status_on_one_line_set_apart_by_bars_are_three_fields() -> None:
    text = (
        "SEND Board Highlight Report\n"
        "Reporting period: March 2026\n"
        "\n"
        "Milestones\n"
        "2.1 Publish the short breaks statement with families\n"
        "Owner: Rhys Cole, Head of Disabled Children's Service | Due: Jun 2026 | Status: "
        "On track\n"
        "2.2 Agree a transitions protocol with adult social care\n"
        "Owner: Mina Shah, Head of Adult Social Care | Due: Q4 25/26 | Status: Delayed\n"
    )
    result = parsed_file(text.encode(), "highlight.txt")
    first, second = action(result.document, "2.1"), action(result.document, "2.2")
    assert first["lead_text"] == "Rhys Cole, Head of Disabled Children's Service"
    assert (first["due"], second["due"]) == ("2026-06", "2026-03")
    assert [a["updates"][0]["status"] for a in (first, second)] == ["On track", "Delayed"]
    assert len(all_actions(result.document)) == 2
    assert rules.FIELDS_ON_ONE_LINE.code in placed_by(result)


# owner-date-then-rating


def test_a_bullet_ending_with_owner_and_date_in_brackets_then_a_rating() -> None:
    text = (
        "Improvement Board, March 2026\n"
        "\n"
        "Priority 1: Assessment\n"
        "\n"
        "• Move requests for assessment online (Lena Park, Apr 2026) – On track\n"
        "• Hold a weekly multi-agency panel (Head of SEND, Jun 2026) – Delayed\n"
        "\n"
        "Priority 2: Transport\n"
        "\n"
        "• Publish the travel assistance policy (Ola Ade, Sep 2026) – Complete\n"
    )
    result = parsed_file(text.encode(), "board.txt")
    found = {a["title"]: a for a in all_actions(result.document)}
    assert set(found) == {
        "Move requests for assessment online",
        "Hold a weekly multi-agency panel",
        "Publish the travel assistance policy",
    }
    panel = found["Hold a weekly multi-agency panel"]
    assert (panel["lead_text"], panel["due"]) == ("Head of SEND", "2026-06")
    assert panel["updates"][0]["status"] == "Delayed"
    assert found["Publish the travel assistance policy"]["due"] == "2026-09"
    assert rules.OWNER_DATE_THEN_RATING.code in placed_by(result)
