"""Round 37 of the real-plan corpus: the kind of plan a new dev plan showed the importer
misreading, written afresh as an invented plan in other words (corpus/real/ROUND37.md).
Areas, officers and words are invented; no child is named.
"""

from __future__ import annotations

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import assert_valid_plan, report_codes, titles

# A committee's minutes noting a review's recommendations: bullets set in from the margin, a
# blank line or two between them, the longer ones wrapped onto a line set in as far as the
# item's words (a hanging indent), going on mid-sentence.
MINUTES = """Agenda item

Independent review of short breaks

The panel received the reviewer's report and thanked the families who took part.


The recommendations were accepted:


  • Set up a single front door for short breaks requests so that families
    apply once and hear the outcome within six weeks.


  • Publish the eligibility criteria in plain language on the Local Offer.

  • Commission more weekend provision for young people aged 14 to 18, working
    with the parent carer forum on where it is needed
    most.


  • Review the direct payment rates every year.
"""


def test_a_bullet_wrapped_onto_lines_set_in_under_its_words_is_one_action() -> None:
    result = parse_text(MINUTES)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Set up a single front door for short breaks requests so that families apply once "
        "and hear the outcome within six weeks.",
        "Publish the eligibility criteria in plain language on the Local Offer.",
        "Commission more weekend provision for young people aged 14 to 18, working with the "
        "parent carer forum on where it is needed most.",
        "Review the direct payment rates every year.",
    ]
    assert rules.BULLET_HANGING_INDENT.code in report_codes(result)


# Dashes at the margin, their wrapped words set in two spaces, no blank lines.
DASHES = """Next steps

The board agreed to:

- Recruit two more educational psychologists before the spring term so that
  advice is back within six weeks
- Write to every family waiting longer than twenty weeks
- Bring a costed plan for the new resource bases to the
  March meeting
"""


def test_dashed_items_wrapped_under_their_words_are_joined_back() -> None:
    result = parse_text(DASHES)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Recruit two more educational psychologists before the spring term so that advice is "
        "back within six weeks",
        "Write to every family waiting longer than twenty weeks",
        "Bring a costed plan for the new resource bases to the March meeting",
    ]


# A line set in under a bullet that ended its sentence is a note of its own, not the item
# going on; nor is a line that sits back at the bullet's margin.
NOTES = """Our priorities

  • Open the new hub in Eastbridge.
    Families can already book a visit.
  • Train every SENCo in the new assessment tool
  Places are limited to two per school.
"""


def test_lines_after_a_finished_item_or_back_at_the_margin_are_not_joined() -> None:
    result = parse_text(NOTES)
    assert rules.BULLET_HANGING_INDENT.code not in report_codes(result)


# A review's recommendations, introduced as such, worded as the reviewers wrote them: not all
# open with a verb the importer knows, and one is a noun phrase.
REVIEW = """Peer challenge: what the team told us

The team met forty people over three days.

Key recommendations:

  • Embrace the schools' own networks and bring their leaders into the board
  • Be clearer with families about what the graduated approach offers
  • A single dashboard for the board, refreshed every month
"""


def test_items_introduced_as_recommendations_are_actions_however_worded() -> None:
    result = parse_text(REVIEW)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Embrace the schools' own networks and bring their leaders into the board",
        "Be clearer with families about what the graduated approach offers",
        "A single dashboard for the board, refreshed every month",
    ]
    assert rules.DEEDS_IN_PROSE.code in report_codes(result)


# Recommendations introduced as done already stay what was done.
DONE = """Peer challenge: one year on

Recommendations we have completed:

  • Embrace the schools' own networks and bring their leaders into the board
  • Be clearer with families about what the graduated approach offers
  • A single dashboard for the board, refreshed every month
"""


def test_recommendations_introduced_as_completed_are_not_read_as_actions() -> None:
    assert titles(parse_text(DONE).document) == []
