"""Round 13 of the real-plan corpus: the kinds of plan the new plans showed the importer
misreading, each written afresh as an invented plan in other words (corpus/real/ROUND13.md).
"""

from __future__ import annotations

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import all_actions, assert_valid_plan, placed_by, titles

# A committee paper's numbered recommendations, each a "That …" clause asking for something
# to be done, with no line saying that actions follow, and the reasons for them after.
RESOLUTIONS = """Agenda item


This report asks the Executive to agree extra capacity for the statutory assessment team, so that more plans are finished within the legal timescale.

(These decisions may be called in by the Children's Scrutiny Panel)




1.    That the Executive agrees to recruit four further assessment coordinators on fixed-term contracts until March 2026.

2.    That the Executive asks the Director of Education to report progress on assessment timeliness to the Scrutiny Panel each quarter.

Reasons for Decisions:


  • Too many families wait longer than twenty weeks for a final plan, and the team cannot clear the backlog as it is staffed.
"""  # noqa: E501


def test_numbered_that_clauses_asking_for_something_to_be_done_are_actions() -> None:
    result = parse_text(RESOLUTIONS)
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    assert [(a.get("ref"), a["title"]) for a in found] == [
        (
            "1",
            "That the Executive agrees to recruit four further assessment coordinators on "
            "fixed-term contracts until March 2026.",
        ),
        (
            "2",
            "That the Executive asks the Director of Education to report progress on "
            "assessment timeliness to the Scrutiny Panel each quarter.",
        ),
    ]
    assert placed_by(result) == {rules.RESOLUTION_CLAUSES.code}


# Resolutions that only take note of things, or agree the minutes, ask nothing to be done.
NOTING_RESOLUTIONS = """Agenda item
Minutes of the Schools Forum
1. That the minutes of the meeting held on 4 March be approved as a correct record.
2. That the update on the high needs budget be noted.
3. That the Forum's thanks to the outgoing chair be recorded.
"""


def test_that_clauses_which_only_note_or_agree_minutes_are_not_actions() -> None:
    document = parse_text(NOTING_RESOLUTIONS).document
    assert titles(document) == []


# Resolutions that approve or endorse a document agree it; they ask nothing more to be done.
APPROVING_RESOLUTIONS = """Agenda item
Recommendations
1. That the revised SEND and inclusion strategy for 2025 to 2028 be approved.
2. That the joint commissioning framework for short breaks be endorsed.
"""


def test_that_clauses_which_only_approve_a_document_are_not_actions() -> None:
    document = parse_text(APPROVING_RESOLUTIONS).document
    assert titles(document) == []


# A page of priorities cut short: a heading that names the priorities, one sentence, and a
# single priority's heading over plain sentences each saying what will be done, one line
# holding two of them.
ONE_PRIORITY_UNDER_PRIORITIES = """Northfield SEND plan
Our ambition
Every child in Northfield should learn close to home and leave school ready for adult life.
Our priorities
Each priority was agreed with the parent carer forum in the spring.
Early support
Train every nursery practitioner to spot speech and language needs before the age of three.
Give schools a named specialist teacher for advice on autism and sensory needs. Open two more resourced bases in primary schools across the north of the borough.
Publish a clear guide to the support every school offers to pupils without a plan.
"""  # noqa: E501


def test_a_priority_under_a_heading_naming_the_priorities_is_read_alone() -> None:
    result = parse_text(ONE_PRIORITY_UNDER_PRIORITIES)
    assert_valid_plan(result.document)
    sections = result.document["plan"]["sections"]
    assert [section["title"] for section in sections] == ["Early support"]
    assert titles(result.document) == [
        "Train every nursery practitioner to spot speech and language needs before the age "
        "of three.",
        "Give schools a named specialist teacher for advice on autism and sensory needs.",
        "Open two more resourced bases in primary schools across the north of the borough.",
        "Publish a clear guide to the support every school offers to pupils without a plan.",
    ]
    assert placed_by(result) == {rules.HEADED_UNDER_PRIORITIES.code}


# The same shape on a page of instructions: a heading over sentences opening with a verb,
# but nothing names them as the plan's priorities. They are not actions.
INSTRUCTIONS = """Contacting the SEND team
Our opening hours
The team answers calls on weekdays between nine and five.
Getting in touch
Call the duty officer on the number below if your question is about a current assessment.
Email the team with your child's name and date of birth in the subject line of the message.
Write to us at the address below if you would rather send a letter than an email.
"""


def test_a_lone_heading_over_instructions_is_not_a_priority() -> None:
    document = parse_text(INSTRUCTIONS).document
    assert titles(document) == []
