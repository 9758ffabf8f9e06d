"""Kinds of text layout met in published plans, each written here in invented words: a table
whose rows ran together with no heading line, a table read a column at a time, and a numbered
list with notes, pictures' descriptions and examples between its items."""

from __future__ import annotations

from sendplan.interchange.parsers import parse_text, people, rules
from sendplan.interchange.tests import all_actions, assert_valid_plan

HEADLESS = """Summary table

The table lists who leads each action and when it is due.

1 Review the short breaks offer with families. ICB March 2026
2 Publish a guide to the Local Offer website LA By end of June 2025
3 Train every SENCO in the new toolkit Head of Inclusion September 2025
4 Agree a joint transitions protocol with adult services. Director of Children's Services \
(acting for the partnership) By end of December 2025
"""


def test_numbered_rows_that_ran_together_without_headings_are_read_as_a_table() -> None:
    result = parse_text(HEADLESS)
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    assert [a["ref"] for a in found] == ["1", "2", "3", "4"]
    assert found[0]["title"] == "Review the short breaks offer with families."
    assert found[1]["title"] == "Publish a guide to the Local Offer website"
    assert [a.get("lead_text") for a in found[:3]] == ["ICB", "LA", "Head of Inclusion"]
    assert [a.get("due") for a in found] == ["2026-03", "2025-06", "2025-09", "2025-12"]
    placed = {p.rule for p in result.placements if p.kind == "action"}
    assert placed == {rules.HEADLESS_RUN_TOGETHER.code}


def test_numbered_paragraphs_of_a_report_ending_in_a_year_are_not_a_table() -> None:
    report = """Background

1 The partnership was inspected in 2023
7 Inspectors returned to the area in 2024
3 The board met again in 2025
"""
    result = parse_text(report)
    assert all_actions(result.document) == []


COLUMNWISE = """ACTION PLANS
CONTENTS
1
2
3
To agree a shared approach to inclusion with all schools and settings across
the area.
To publish clear information for families about the support available in
the local offer.
To train staff in every setting to identify needs early.
Monitoring and Evaluation
12
"""


def test_numbers_then_as_many_actions_as_a_pdf_read_by_columns_are_paired() -> None:
    result = parse_text(COLUMNWISE)
    found = all_actions(result.document)
    assert [a["ref"] for a in found] == ["1", "2", "3"]
    assert found[0]["title"] == (
        "To agree a shared approach to inclusion with all schools and settings across the area."
    )
    assert found[2]["title"] == "To train staff in every setting to identify needs early."
    placed = {p.rule for p in result.placements if p.kind == "action"}
    assert placed == {rules.NUMBERS_THEN_ITEMS.code}


def test_numbers_and_a_different_count_of_items_are_left_alone() -> None:
    text = COLUMNWISE.replace("To train staff in every setting to identify needs early.\n", "")
    assert [a["ref"] for a in all_actions(parse_text(text).document)] != ["1", "2", "3"]


ASIDES = """Our plan for families

What we will do

1. We will publish a guide for families.

A photo of a parent reading a leaflet at a kitchen table.

2. We will train staff in schools.

For example, staff such as:

  • teachers
  • lunchtime supervisors

3. We will answer every email within ten days.

That includes emails to the SEND team.
"""


def test_what_sits_between_numbered_items_after_a_full_stop_is_not_their_title() -> None:
    result = parse_text(ASIDES)
    found = all_actions(result.document)
    assert [a["title"] for a in found] == [
        "We will publish a guide for families.",
        "We will train staff in schools.",
        "We will answer every email within ten days.",
    ]
    assert "narrative-left-out" in {item.code for item in result.report}


def test_a_numbered_item_wrapped_over_lines_keeps_its_words() -> None:
    text = (
        "What we will do\n\n1. We will publish a guide for families that explains each step of"
        "\nthe assessment and what happens next.\n\n2. We will train staff.\n"
    )
    found = all_actions(parse_text(text).document)
    assert found[0]["title"] == (
        "We will publish a guide for families that explains each step of the assessment and"
        " what happens next."
    )


def test_a_note_in_brackets_after_a_lead_is_not_part_of_who_leads() -> None:
    cell = people.read_leads("NAS (funded by DfE)")
    assert [m.text for m in cell.mentions] == ["NAS"]
    named = people.read_leads("Jo Smith (interim)")
    assert [m.name for m in named.mentions] == ["Jo Smith"]
    kept = people.read_leads("Strategic Lead (SH)")
    assert [m.initials for m in kept.mentions] == ["SH"]


PAGE_PERIOD = """Performance of our commitments

Quarter 2 2024 to 2025

2.01 Open two new resource bases

Due date: 31 March 2025

Status: Amber

2.02 Publish the short breaks statement

Due date: 30 June 2025

Status: Green
"""


def test_a_status_with_no_date_is_put_in_the_period_the_page_names() -> None:
    result = parse_text(PAGE_PERIOD)
    found = all_actions(result.document)
    assert [a["updates"][0]["period"] for a in found] == ["Quarter 2 2024 to 2025"] * 2
    assert rules.PERIOD_NAMED_ON_PAGE.code in {item.code for item in result.report}


def test_a_day_or_a_sentence_with_a_date_is_not_a_page_period() -> None:
    from sendplan.interchange.parsers import dates

    assert dates.names_period("Quarter 3 2023 to 2024")
    assert dates.names_period("Update – June 2024")
    assert not dates.names_period("31 March 2024")
    assert not dates.names_period("The board met in June 2024 and agreed the plan")


def test_a_month_alone_under_the_title_is_when_the_plan_was_written_not_a_period() -> None:
    from sendplan.interchange.parsers import dates

    assert not dates.names_period("December 2016")
    assert dates.names_period("Position at March 2025")


def rated_plan(heading: str, cells: list[str], key: str = "") -> list[list[dict[str, str]]]:
    rows = "".join(
        f"1.{n}\tDeliver item {n} of the plan\tJo Smith\t{cell}\n"
        for n, cell in enumerate(cells, start=1)
    )
    text = f"Our plan\n\n{key}\n\nRef\tAction\tLead\t{heading}\n{rows}"
    return [a.get("updates", []) for a in all_actions(parse_text(text).document)]


def test_numbered_ratings_are_read_with_the_key_that_numbers_them() -> None:
    key = "Key: 1 = on track, 2 = some slippage, 3 = off track"
    updates = rated_plan("Dec 2017", ["1", "2", "3"], key)
    assert [u[0]["status"] for u in updates] == ["1", "2", "3"]


def test_numbered_ratings_with_no_key_are_kept_as_the_plans_own() -> None:
    updates = rated_plan("Dec 2017", ["1", "2", "1"])
    assert [u[0]["status"] for u in updates] == ["1", "2", "1"]


def test_a_progress_entry_that_opens_with_a_colour_gives_the_rating() -> None:
    updates = rated_plan(
        "Progress update March 2024",
        ["Green - the review has started", "AMBER: drafted but late", "Red. Nothing yet"],
    )
    assert [(u[0]["status"], u[0]["narrative"]) for u in updates] == [
        ("G", "the review has started"),
        ("A", "drafted but late"),
        ("R", "Nothing yet"),
    ]


def test_a_progress_entry_that_only_mentions_a_colour_has_no_rating() -> None:
    updates = rated_plan("Progress update March 2024", ["Green spaces are being mapped"] * 2)
    assert all("status" not in u[0] for u in updates)


def test_a_month_a_pdf_split_in_two_is_made_whole_in_a_heading() -> None:
    from sendplan.interchange.parsers import columns, dates

    assert dates.rejoin_months("RAG Nove mber 20") == "RAG November 20"
    assert dates.rejoin_months("Review the ma rch plan") == "Review the march plan"
    assert dates.rejoin_months("We may be late") == "We may be late"
    found = columns.period_column("RAG Febr uary 21", columns.Col.STATUS)
    assert found is not None and (found.label, found.ends_on) == ("February 21", "2021-02-28")


LETTER = """Dear families

Since my last letter I can update you with the following progress:

1. Assessment team

Update: The team now has a named contact for every family.

2. Paperwork for annual reviews

Update: New forms are in use in every school. Ask the team for a copy at

We also have a group looking at the forms again in the summer.

3. Transport

Update
"""


def test_the_next_number_of_a_list_is_an_item_however_little_it_says() -> None:
    found = all_actions(parse_text(LETTER).document)
    assert [(a["ref"], a["title"]) for a in found] == [
        ("1", "Assessment team"),
        ("2", "Paperwork for annual reviews"),
        ("3", "Transport"),
    ]


def test_a_row_with_only_the_next_ref_of_the_actions_above_is_an_action() -> None:
    text = (
        "Ref\tAction\tLead\tUpdate\n"
        "4.1\tOpen the hub\tJo Smith\tOpen since May\n"
        "4.2\tTrain the staff\tJo Smith\tHalf trained\n"
        "4.3\tReview the offer\t\t\n"
    )
    found = all_actions(parse_text(text).document)
    assert [a["ref"] for a in found] == ["4.1", "4.2", "4.3"]


def test_initials_and_a_post_joined_by_and_are_two_leads() -> None:
    cell = people.read_leads("ZW and Directors")
    assert [(m.initials, m.role) for m in cell.mentions] == [("ZW", ""), ("", "Directors")]
    one = people.read_leads("Head of Education and Skills")
    assert [m.role for m in one.mentions] == ["Head of Education and Skills"]


def test_a_progress_field_that_is_only_a_colour_is_the_rating() -> None:
    text = """Priority 1: Timely assessments

1.1 Clear the backlog of overdue assessments
• Action owner: Jo Smith, Head of SEND
• Deadline: Sept 26
• Progress: Amber
"""
    [found] = all_actions(parse_text(text).document)
    assert found["updates"][0]["status"] == "A"
    assert "narrative" not in found["updates"][0]


def test_a_progress_column_of_rating_words_holds_ratings() -> None:
    updates = rated_plan("Progress (Sept 24)", ["On track", "Delayed", "On track"])
    assert [u[0]["status"] for u in updates] == ["On track", "Delayed", "On track"]


def test_a_progress_column_with_sentences_keeps_them_as_narrative() -> None:
    updates = rated_plan("Progress (Sept 24)", ["On track", "The panel met twice in June"])
    assert [u[0].get("status") for u in updates] == [None, None]


def test_labels_in_brackets_at_the_end_of_a_numbered_line_are_its_fields() -> None:
    text = """Workstream 5: Joint commissioning

5.1.1 map the speech and language offer across the area (Lead: ICB, by March 2025)
5.1.2 agree a joint specification with schools (Lead: Head of SEND, Inclusion; due June 2025)
5.1.3 commission an autism pathway (all ages)
"""
    found = all_actions(parse_text(text).document)
    assert [(a["title"], a.get("lead_text"), a.get("due")) for a in found] == [
        ("map the speech and language offer across the area", "ICB", "2025-03"),
        ("agree a joint specification with schools", "Head of SEND, Inclusion", "2025-06"),
        ("commission an autism pathway (all ages)", None, None),
    ]
