"""Round 31 of the real-plan corpus: the kinds of plan the new dev plans showed the importer
misreading, each written afresh as an invented plan in other words (corpus/real/ROUND31.md).
Areas, officers and words are invented; no child is named.
"""

from __future__ import annotations

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import (
    all_actions,
    assert_valid_plan,
    placed_by,
    report_codes,
    titles,
    walk_sections,
)

# A web page's project timeline: numbered stages a few words each, most followed by a line
# that is only a rating and a month, then a sentence on what the stage involves.
TIMELINE = """Respite review

Where we are now

The stages below show where the review has got to and what comes next.

  1. Gather views

    The survey is open to families until the end of term.

  2. Share what we heard

    Complete May 2024

    We have written up the findings and sent them to the forum.

  3. Draft new eligibility criteria

    On track July 2024

    A working group of parents and officers is drafting them.

  4. Launch the new offer

    Delayed October 2024

    The launch moved to allow time for training providers.
"""


def test_a_timeline_of_stages_with_a_rating_and_a_month_gives_an_action_a_stage() -> None:
    result = parse_text(TIMELINE)
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    assert [a.get("ref") for a in found] == ["1", "2", "3", "4"]
    assert titles(result.document) == [
        "Gather views",
        "Share what we heard",
        "Draft new eligibility criteria",
        "Launch the new offer",
    ]
    # The month after the rating is when the stage is due; the first stage names none.
    assert [a.get("due") for a in found] == [None, "2024-05", "2024-07", "2024-10"]
    rated = [[u.get("status") for u in a.get("updates", [])] for a in found]
    assert [bool(statuses) for statuses in rated] == [False, True, True, True]
    assert rules.STAGES_WITH_STATUS.code in placed_by(result)


# Numbered steps of a few words with no rating line under them are left to the other rules.
STEPS = """How to apply

1. Read the guidance

The guidance explains who can apply.

2. Fill in the form

Ask the team if you need help.

3. Send it to us
"""


def test_numbered_steps_without_ratings_are_not_read_as_a_timeline() -> None:
    result = parse_text(STEPS)
    assert rules.STAGES_WITH_STATUS.code not in placed_by(result)


# A two-column table copied out of a PDF, its rows run together on one line: a theme's number
# and name, then its recommendations, each after a Symbol font's bullet.
FLATTENED = (
    "Summary of recommendations\n"
    "\n"
    "Theme Recommendations 1 Build a shared picture of need \uf0b7 Publish a termly dashboard "
    "of needs by school \uf0b7 Agree one request form across the three services 2 Smooth the "
    "move between schools \uf0b7 Offer a named key worker at each change of school \uf0b7 Hold "
    "a transition fair for families every spring\n"
)


def test_symbol_bullets_inside_a_line_part_a_flattened_tables_rows_and_items() -> None:
    result = parse_text(FLATTENED)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Publish a termly dashboard of needs by school",
        "Agree one request form across the three services",
        "Offer a named key worker at each change of school",
        "Hold a transition fair for families every spring",
    ]
    # The numbers that carry the rows' count on open each theme.
    themed = [
        (section.get("ref"), len(section.get("actions", [])))
        for section in walk_sections(result.document["plan"]["sections"])
    ]
    assert themed == [("1", 2), ("2", 2)]
    assert rules.INLINE_SYMBOL_BULLETS.code in report_codes(result)


def test_a_line_with_one_symbol_bullet_inside_it_is_left_as_it_is() -> None:
    result = parse_text("Our aims\n\nWe want every child \uf0b7 to be heard in their plan.\n")
    assert rules.INLINE_SYMBOL_BULLETS.code not in report_codes(result)
