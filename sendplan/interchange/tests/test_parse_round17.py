"""Round 17 of the real-plan corpus: the kinds of plan the new plans showed the importer
misreading, each written afresh as an invented plan in other words (corpus/real/ROUND17.md).
"""

from __future__ import annotations

from typing import Any

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import all_actions, assert_valid_plan, placed_by, titles


def _leads(document: dict[str, Any]) -> list[list[str]]:
    """Each action's leads, as the people they name (their role, else their name)."""
    people = {
        p["key"]: p.get("role") or p.get("name") or p["key"]
        for p in document["plan"].get("people", [])
    }
    return [[people[key] for key in found.get("leads", [])] for found in all_actions(document)]


# A web table copied as a Markdown table whose heading row is on one line but whose body rows
# are broken after every cell, one cell a line; the action led by a body ("Lead organisation")
# and carried out by posts ("Roles responsible").
BODY_AND_POSTS = """Short breaks improvement plan 2026

| Action | Lead organisation | Roles responsible | Target date | Success measure |
|---|---|---|---|---|
Action 2.1 Publish a single short breaks directory on the Local Offer |
Children's Services |
Short Breaks Manager/Local Offer Officer |
March 2026 |
Directory live and visited by 500 families. |
Action 2.2 Offer a holiday club place to every family on the waiting list |
Leisure Trust/voluntary sector |
Holiday Activities Coordinator |
August 2026 |
Waiting list cleared by the summer. |
"""


def test_the_posts_beside_a_lead_body_are_the_actions_leads() -> None:
    result = parse_text(BODY_AND_POSTS)
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    assert [a.get("ref") for a in found] == ["2.1", "2.2"]
    assert titles(result.document)[0] == (
        "Publish a single short breaks directory on the Local Offer"
    )
    assert _leads(result.document) == [
        ["Short Breaks Manager", "Local Offer Officer"],
        ["Holiday Activities Coordinator"],
    ]
    assert [a.get("due") for a in found] == ["2026-03", "2026-08"]


def test_the_check_page_shows_the_body_column_as_organisations_not_leads() -> None:
    columns = {c.heading: c for t in parse_text(BODY_AND_POSTS).tables for c in t.columns}
    assert columns["Lead organisation"].role == "organisation"
    assert columns["Lead organisation"].rule == rules.LEAD_BESIDE_BODY.code
    assert columns["Roles responsible"].role == "lead"


# One lead column, headed by a body: the body still leads, as before.
BODY_ALONE = """Transition plan

| Ref | Action | Lead agency | Due date |
|---|---|---|---|
| 1 | Agree a joint protocol for moving to adult social care | Adult Social Care | June 2026 |
| 2 | Train college staff in person-centred reviews | Further Education College | July 2026 |
| 3 | Publish a transition guide for families | Local Offer Team | May 2026 |
"""


def test_a_lone_lead_column_headed_by_a_body_still_gives_the_leads() -> None:
    result = parse_text(BODY_ALONE)
    assert_valid_plan(result.document)
    assert _leads(result.document) == [
        ["Adult Social Care"],
        ["Further Education College"],
        ["Local Offer Team"],
    ]


# A consultation's opening page: a long sentence naming "the three changes set out below",
# ending with a full stop, over numbered items worded as nouns, not as instructions.
POINTED_LIST = """Home to school travel: have your say

Closes 30 January 2027

We would like to hear what you think about the three changes set out below, which affect travel assistance for children with an EHCP.

  1. A new travel budget for families who drive their own child to school.
  2. Independent travel training for every pupil in Year 10 who is assessed as ready.
  3. A review of every shared taxi route before September.

These changes are expected to save money while keeping children safe.
"""  # noqa: E501


def test_numbered_items_under_a_sentence_naming_them_as_changes_are_actions() -> None:
    result = parse_text(POINTED_LIST)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "A new travel budget for families who drive their own child to school.",
        "Independent travel training for every pupil in Year 10 who is assessed as ready.",
        "A review of every shared taxi route before September.",
    ]
    assert [a.get("ref") for a in all_actions(result.document)] == ["1", "2", "3"]
    assert rules.LIST_BELOW_NAMED.code in placed_by(result)


# A numbered list under a sentence that says nothing of the plan's work is no list of actions.
POINTED_ELSEWHERE = """Travel assistance: who can apply

The schools listed below are within walking distance of the town centre.

  1. Hill Top Primary School, on the corner of Mill Lane.
  2. Riverside Academy, beside the leisure centre.
"""


def test_a_list_of_places_under_a_sentence_naming_no_work_is_not_read_as_actions() -> None:
    result = parse_text(POINTED_ELSEWHERE)
    assert rules.LIST_BELOW_NAMED.code not in placed_by(result)
    assert "Riverside Academy, beside the leisure centre." not in titles(result.document)


# A "You said, we did" page in prose: each paragraph under "We did" is the council's answer,
# kept whole, however it is worded ("We recognise …", "Families asked …, and we will …").
WE_DID = """Short breaks survey 2026: what happened next

We asked

We asked families what they thought of the short breaks on offer over the summer.

You said

Two hundred families replied. Many said the clubs filled up too quickly.

We did

We will open booking for the autumn half term clubs two weeks earlier than before.

We recognise that some families could not book online, and our contact centre will now take bookings by telephone.

Waiting lists remain a concern, and we will create forty places at the Saturday club. Each new place will be offered first to families who missed out in the summer.

We know the booking pages were hard to follow on a phone.

You can read the full survey results on the Local Offer.
"""  # noqa: E501


def test_each_paragraph_under_we_did_is_one_action_kept_whole() -> None:
    result = parse_text(WE_DID)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "We will open booking for the autumn half term clubs two weeks earlier than before.",
        "We recognise that some families could not book online, and our contact centre will "
        "now take bookings by telephone.",
        "Waiting lists remain a concern, and we will create forty places at the Saturday club. "
        "Each new place will be offered first to families who missed out in the summer.",
        "We know the booking pages were hard to follow on a phone.",
    ]
    assert rules.COMMITMENTS_IN_PROSE.code in placed_by(result)


def test_under_we_did_the_answers_share_the_heading_as_their_section() -> None:
    sections = parse_text(WE_DID).document["plan"]["sections"]
    assert [s["title"] for s in sections] == ["We did"]


# Prose with no such heading is still read sentence by sentence, as before.
NO_ANSWER_HEADING = """Letter to families about short breaks

Booking was difficult this summer. We will open booking two weeks earlier for the autumn clubs. We will also create forty places at the Saturday club from October.
"""  # noqa: E501


def test_without_an_answer_heading_each_commitment_is_an_action_of_its_own() -> None:
    assert titles(parse_text(NO_ANSWER_HEADING).document) == [
        "We will open booking two weeks earlier for the autumn clubs.",
        "We will also create forty places at the Saturday club from October.",
    ]
