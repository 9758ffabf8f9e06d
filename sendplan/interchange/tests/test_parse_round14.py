"""Round 14 of the real-plan corpus: the kinds of plan the new plans showed the importer
misreading, each written afresh as an invented plan in other words (corpus/real/ROUND14.md).
"""

from __future__ import annotations

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import all_actions, assert_valid_plan, placed_by, titles

# A decision record written as numbered "To …" clauses, most only noting things, then the
# officer who carries the decision out, on the line after "Action by:".
INFINITIVE_DECISIONS = """Decision details
Short breaks review (after engagement)
14/06/2024 - Short Breaks for Disabled Children: Engagement Findings and Next Steps
1. To note the findings of the engagement with families.
2. To note the revised eligibility criteria for overnight short breaks.
3. To commission an independent review of the overnight respite offer before the next budget round.
4. To agree how families will be told about the changes to holiday play schemes.
Action by:
(Head of Service, Disabled Children (R. Okafor)
"""


def test_numbered_to_clauses_asking_for_something_to_be_done_are_actions() -> None:
    result = parse_text(INFINITIVE_DECISIONS)
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    assert [(a.get("ref"), a["title"]) for a in found] == [
        (
            "3",
            "To commission an independent review of the overnight respite offer before the "
            "next budget round.",
        ),
        ("4", "To agree how families will be told about the changes to holiday play schemes."),
    ]
    assert placed_by(result) == {rules.RESOLUTION_CLAUSES.code}


def test_the_officer_named_after_action_by_leads_each_decision() -> None:
    document = parse_text(INFINITIVE_DECISIONS).document
    plan = document["plan"]
    people = {person["key"]: person for person in plan.get("people", [])}
    assert len(all_actions(document)) == 2
    for found in all_actions(document):
        assert len(found.get("leads", [])) == 1
        person = people[found["leads"][0]]
        assert person.get("name") == "R. Okafor"
        assert person.get("role") == "Head of Service, Disabled Children"


# "To note …", "To receive …" and approving a document ask nothing more to be done.
NOTING_INFINITIVES = """Decision details
1. To note the annual report of the SEND partnership board.
2. To receive the findings of the parent carer survey.
3. To approve the revised SEND strategy for publication.
"""


def test_to_clauses_which_only_note_receive_or_approve_a_document_are_not_actions() -> None:
    assert titles(parse_text(NOTING_INFINITIVES).document) == []


# A cabinet's numbered resolutions, the last noting a review group's recommendations, which
# follow as lettered "That …" items: those are the actions, by their letters.
LETTERED_RECOMMENDATIONS = """Cabinet considered the closing report of the Preparing for Adulthood Review Panel, set up to look at how young people with SEND move into adult services.
RESOLVED
That
1. Cabinet receives the Review Panel's report;
2. Cabinet notes the following recommendations in the report:
(a) That every young person with an EHCP have a transition plan agreed by the age of fifteen.
(b) That adult social care attend the annual review from Year 9 onwards.
(c) That supported internship places be doubled over the next two years.
(d) That a single point of contact be offered to families during the move to adult services.
"""  # noqa: E501


def test_lettered_recommendations_under_a_resolution_are_actions_by_their_letters() -> None:
    result = parse_text(LETTERED_RECOMMENDATIONS)
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    assert [a.get("ref") for a in found] == ["a", "b", "c", "d"]
    assert found[0]["title"] == (
        "That every young person with an EHCP have a transition plan agreed by the age of fifteen."
    )
    assert "Cabinet receives the Review Panel's report" not in titles(result.document)


# A minutes summary flattened from a web table: each topic's name runs straight into the
# discussion, and "Actions" straight into the actions agreed, one sentence each.
GLUED_MINUTES = """Updated:
3rd March 2026
Inclusion Partnership Board minutes summary - 4 February 2026
Attendance
|
Summary of minutes
|
Speech and language waiting listsPriya Das reported that the waiting list has fallen for the third month running. Families still wait too long for a first appointment. ActionsThe therapy service will publish its waiting times on the Local Offer each month. Schools are invited to join the early language training in the spring term. |
Annual reviewsTom Hale explained that more reviews are now finished on time. ActionsAt April's board meeting, we will hear from two special schools about their reviews. This will show the board how the new paperwork is working. |
"""  # noqa: E501


def test_actions_glued_to_a_topic_in_a_flattened_minutes_summary_are_read() -> None:
    result = parse_text(GLUED_MINUTES)
    assert_valid_plan(result.document)
    plan = result.document["plan"]
    assert [section["title"] for section in plan["sections"]] == [
        "Speech and language waiting lists",
        "Annual reviews",
    ]
    assert titles(result.document) == [
        "The therapy service will publish its waiting times on the Local Offer each month.",
        "Schools are invited to join the early language training in the spring term.",
        "At April's board meeting, we will hear from two special schools about their reviews.",
    ]
    assert placed_by(result) == {rules.GLUED_ACTIONS.code}


# The same page's narrative with no "Actions" in it is a report of a meeting, not a plan.
GLUED_NARRATIVE = """Inclusion Partnership Board minutes summary - 4 February 2026
Summary of minutes
Speech and language waiting listsPriya Das reported that the waiting list has fallen for the third month running. Families still wait too long for a first appointment. |
Annual reviewsTom Hale explained that more reviews are now finished on time. |
"""  # noqa: E501


def test_a_flattened_minutes_summary_with_no_actions_gives_none() -> None:
    assert titles(parse_text(GLUED_NARRATIVE).document) == []
