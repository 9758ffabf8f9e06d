"""Round 16 of the real-plan corpus: the kinds of plan the new plans showed the importer
misreading, each written afresh as an invented plan in other words (corpus/real/ROUND16.md).
"""

from __future__ import annotations

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import all_actions, assert_valid_plan, placed_by, titles

# A letter reporting on what an earlier letter promised: "we said we would:" over bullets,
# each the promise as it was written, then "Update:" and what has happened since, on the
# same line with no full stop between.
PROMISED_BEFORE = """Short breaks statement: November 2024

Dear families,
I am the Head of Short Breaks and I want to tell you how we are getting on.

Our director wrote to you in July about waiting times for short breaks. In that letter, we said we would:

  • Recruit two more short breaks coordinators Update: Both coordinators started in October and each now holds a caseload of forty families.
  • Reply to every new request within ten working days Update: Most requests now have a reply within eight working days.

We have also opened a Saturday club in the north of the borough, which thirty children now attend.
"""  # noqa: E501


def test_a_list_of_what_a_letter_said_we_would_do_is_read_as_actions() -> None:
    result = parse_text(PROMISED_BEFORE)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Recruit two more short breaks coordinators",
        "Reply to every new request within ten working days",
    ]
    assert rules.PROGRESS_RUN_ON.code in placed_by(result)


def test_the_update_run_on_after_a_promise_is_its_progress_not_its_title() -> None:
    found = all_actions(parse_text(PROMISED_BEFORE).document)
    narratives = [u.get("narrative", "") for a in found for u in a.get("updates", [])]
    assert any(n.startswith("Both coordinators started in October") for n in narratives)
    assert not any("Update:" in a["title"] for a in found)


# "Update:" naming something inside an item, with no sentence of progress after it, is left
# in the item's words.
NOT_RUN_ON = """What we will do:

  • Send every family the termly SEND Update: a short newsletter by email
  • Hold an open day for schools in January
"""


def test_a_label_inside_an_item_that_is_no_promise_is_left_in_its_words() -> None:
    assert titles(parse_text(NOT_RUN_ON).document) == [
        "Send every family the termly SEND Update: a short newsletter by email",
        "Hold an open day for schools in January",
    ]


# A highlight report's bullets, each telling what has been done before what will be done.
PROGRESS_THEN_PLAN = """Inclusion programme: spring highlight report

What we will do next:
- The autism outreach pilot has been running in six schools since January. The team will extend it to twelve schools by September 2026.
- A steering group has been formed with the parent carer forum. It will agree the new graduated approach guidance this term. We also shared a first draft with SENCOs at their network meeting.
- Train every early years setting in the new identification toolkit by March 2027.
"""  # noqa: E501


def test_what_has_been_done_before_what_will_be_done_is_the_actions_progress() -> None:
    result = parse_text(PROGRESS_THEN_PLAN)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "The team will extend it to twelve schools by September 2026.",
        "It will agree the new graduated approach guidance this term.",
        "Train every early years setting in the new identification toolkit by March 2027.",
    ]
    found = all_actions(result.document)
    narratives = [" ".join(u.get("narrative", "") for u in a.get("updates", [])) for a in found]
    assert narratives[0].startswith("The autism outreach pilot has been running")
    assert "first draft with SENCOs" in narratives[1]
    assert rules.PROGRESS_THEN_PLAN.code in placed_by(result)


# Two sentences of what will be done, or a reason after the action, are kept whole.
PLAN_THEN_REASON = """Our actions:
- We will review the transport policy with families. We will publish the new policy in the summer.
- We will recruit a designated clinical officer. This was a recommendation of the peer review.
"""


def test_an_item_that_does_not_open_with_what_was_done_is_kept_whole() -> None:
    assert titles(parse_text(PLAN_THEN_REASON).document) == [
        "We will review the transport policy with families. We will publish the new policy in "
        "the summer.",
        "We will recruit a designated clinical officer. This was a recommendation of the peer "
        "review.",
    ]


# The same in a news item's bullets with no line introducing them: what has been done, then
# what will be, in one bullet.
NEWS_BULLETS = """Transitions project: summer news
Published: 3 June 2026
Our work with colleges continues this term.
- A transition coordinator has been appointed for the west of the county. She will visit every special school before the October half term.
- Two colleges have joined the supported internship scheme. Both will offer ten places from September 2026.
"""  # noqa: E501


def test_a_news_items_bullets_of_progress_then_plans_are_read_the_same_way() -> None:
    result = parse_text(NEWS_BULLETS)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "She will visit every special school before the October half term.",
        "Both will offer ten places from September 2026.",
    ]
    assert placed_by(result) == {rules.PROGRESS_THEN_PLAN.code}
