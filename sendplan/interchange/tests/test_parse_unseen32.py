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
