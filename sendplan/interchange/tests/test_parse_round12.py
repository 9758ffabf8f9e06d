"""Round 12 of the real-plan corpus: the kinds of list the new plans showed the importer
misreading, each written afresh as an invented plan in other words (corpus/real/ROUND12.md).
"""

from __future__ import annotations

from sendplan.interchange.parsers import dates, parse_text, rules
from sendplan.interchange.tests import all_actions, assert_valid_plan, placed_by, titles

# A list whose items are joined by semicolons, the last by "; and", as a sentence is.
SEMICOLON_LIST = """Northbay SEND reforms
Every child in Northbay should be known, heard and helped early.
To make this happen, the partnership and its members will:
• listen to every family before a decision is made about their child;
• keep one shared record for each child across health, care and schools;
• train all school staff to notice needs early; and
• publish what we have learnt each summer.
Back to top
"""


def test_the_semicolons_that_join_a_list_are_not_part_of_its_actions() -> None:
    document = parse_text(SEMICOLON_LIST).document
    assert_valid_plan(document)
    assert titles(document) == [
        "listen to every family before a decision is made about their child",
        "keep one shared record for each child across health, care and schools",
        "train all school staff to notice needs early",
        "publish what we have learnt each summer.",
    ]


# The line that introduces a list says when all of it will be done.
DATED_LEAD_IN = """Our plan for the coming years
Our year two progress report is now out.
By the end of 2027, we will:
• open two new resource bases in primary schools
• shorten the wait for a first speech and language appointment
• the SEND pages of the Local Offer are rewritten with parents
By March 2029 we will:
• agree a shared transition plan with every college in the county
• extend travel training to all young people leaving special schools
"""


def test_a_date_in_the_line_that_introduces_a_list_is_each_items_due_date() -> None:
    result = parse_text(DATED_LEAD_IN)
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    assert [a["title"] for a in found][:2] == [
        "open two new resource bases in primary schools",
        "shorten the wait for a first speech and language appointment",
    ]
    assert [a.get("due") for a in found] == ["2027-12"] * 3 + ["2029-03"] * 2
    assert found[0]["due_text"] == "By the end of 2027"
    placed = placed_by(result)
    assert placed == {rules.LIST_DATED_BY_LEAD_IN.code}


def test_the_end_of_a_year_reads_as_its_last_month() -> None:
    assert dates.read_date("end of 2026") == "2026-12"
    assert dates.read_date("By the end of 2026") == "2026-12"
    # A financial year's end is not the calendar year's.
    assert dates.read_date("by the end of 2026/27") is None
    assert dates.read_date("end of March 2027") == "2027-03"


# "These include:" after a sentence that names the plan's priorities.
POINTED_LIST = """Westholm SEND and Inclusion Plan
Families told us what matters most.
The plan sets out four priorities agreed by the partnership board.
These are:
• Quicker assessments of need, with fewer families waiting over twenty weeks
• A stronger offer of support in mainstream classrooms
• Planning each move between school phases a year ahead
• Better preparation for work and adult life.
The consultation closes at the end of the month and everyone is welcome to respond.
Contact us
"""


def test_a_list_that_points_back_to_the_priorities_named_before_it_is_read_as_actions() -> None:
    result = parse_text(POINTED_LIST)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Quicker assessments of need, with fewer families waiting over twenty weeks",
        "A stronger offer of support in mainstream classrooms",
        "Planning each move between school phases a year ahead",
        "Better preparation for work and adult life.",
    ]
    placed = placed_by(result)
    assert placed == {rules.LIST_AFTER_NAMED_WORK.code}


def test_the_same_sentence_and_pointer_on_one_line_introduce_the_list_too() -> None:
    text = (
        "Our priorities for the next three years are agreed. They include:\n"
        "- Early help for every family who asks\n"
        "- More places in local special schools\n"
    )
    assert titles(parse_text(text).document) == [
        "Early help for every family who asks",
        "More places in local special schools",
    ]


def test_a_list_that_points_back_to_anything_else_is_not_a_list_of_actions() -> None:
    text = (
        "Eastmere SEND newsletter\n"
        "This term's newsletter covers several topics from across the borough.\n"
        "These include:\n"
        "• news from our special schools\n"
        "• dates for the diary\n"
        "• a word from the parent carer forum\n"
    )
    assert titles(parse_text(text).document) == []
    who = "The plan was written by many people.\nThey are:\n• parents and carers\n• head teachers\n"
    assert titles(parse_text(who).document) == []


# A bulleted list of what will be done, then the page goes on: a sentence, and another list
# after a line that does not introduce actions.
LIST_THEN_PAGE = """About the Northbay Local Offer
The Local Offer lists the support available to families in one place.
Through the Local Offer we aim to:
- give parents clear information so that they can choose well
- help families find support before their needs grow
- show the council where services are missing
Families without the internet can ask us for a printed copy.
Special educational needs may affect how a child or young person:
- reads and writes
- makes friends
- concentrates in class.
Our vision is that Northbay is the best place to grow up.
We will work with every partner to make the borough safe and welcoming.
"""


def test_a_bulleted_list_of_actions_ends_where_its_bullets_end() -> None:
    document = parse_text(LIST_THEN_PAGE).document
    assert_valid_plan(document)
    assert titles(document) == [
        "give parents clear information so that they can choose well",
        "help families find support before their needs grow",
        "show the council where services are missing",
    ]


def test_a_list_under_a_short_sub_heading_still_carries_on_after_it() -> None:
    text = (
        "What we will do:\n"
        "- Open a new resource base for autistic pupils\n"
        "- Train every SENCo in the new assessment\n"
        "Early years\n"
        "- Visit every nursery once a term\n"
        "- Publish a guide to funding in the early years\n"
    )
    found = all_actions(parse_text(text).document)
    assert len(found) == 4


def test_the_area_is_not_a_word_that_only_opens_the_title() -> None:
    assert (
        parse_text("The Eastmere SEND Strategy is now live\n" + DATED_LEAD_IN)
        .document["plan"]
        .get("area")
        == "Eastmere"
    )
    assert "area" not in parse_text("Our SEND strategies\n" + DATED_LEAD_IN).document["plan"]
