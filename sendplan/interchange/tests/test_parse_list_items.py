"""A plan's lists read as its actions when a person asks on the check page
(parsers/listed.py): under the heading before them, with their numbers as refs, in place of
what the importer made of the lists by itself; and nothing changed where a table was read."""

from __future__ import annotations

from typing import Any

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.parsers.layout import Layout

# A council's web page of commitments: a link bar, headings, bullets and numbered lines, a
# one-word bullet that is a link, and "Back to top".
PAGE = """Our commitments for families
Home | Contact us | Accessibility
Priority 1: Getting help early
- Train nursery staff in spotting speech and language needs
- Open two more family hubs in the north of the borough
- Home
Being ready for adulthood
1. Map supported internships with local employers
2. Give every young person with an EHC plan a careers adviser at 14
Back to top
"""


def outline(document: dict[str, Any]) -> list[tuple[str | None, str, list[tuple[str | None, str]]]]:
    return [
        (s.get("ref"), s["title"], [(a.get("ref"), a["title"]) for a in s.get("actions", [])])
        for s in document["plan"]["sections"]
    ]


def test_each_item_is_an_action_under_the_heading_before_it() -> None:
    result = parse_text(PAGE, choices=Layout(list_items=True))
    assert outline(result.document) == [
        ("1", "Getting help early", [
            (None, "Train nursery staff in spotting speech and language needs"),
            (None, "Open two more family hubs in the north of the borough"),
        ]),
        (None, "Being ready for adulthood", [
            ("1", "Map supported internships with local employers"),
            ("2", "Give every young person with an EHC plan a careers adviser at 14"),
        ]),
    ]  # fmt: skip
    codes = [item.code for item in result.report]
    assert rules.LIST_ITEMS_CHOSEN.code in codes
    assert rules.FALLBACK_SECTION.code not in codes
    placed = [p for p in result.placements if p.kind == "action"]
    assert placed and all(p.rule == rules.LIST_ITEMS_CHOSEN.code for p in placed)
    assert all(p.confidence < 1 for p in placed)


def test_without_the_choice_the_page_is_read_as_before() -> None:
    assert outline(parse_text(PAGE).document) != outline(
        parse_text(PAGE, choices=Layout(list_items=True)).document
    )
    assert parse_text(PAGE).document == parse_text(PAGE, choices=Layout()).document


def test_a_table_read_with_actions_is_left_as_it_is() -> None:
    tracker = (
        "Ref\tAction\tLead\tDue date\n"
        "1.1\tPublish the local offer on the new website\tHead of SEND\tMay 2027\n"
        "1.2\tRun a survey of parents about EHC plans\tParent carer forum\tJune 2027\n"
        "Notes\n- Ask the forum to test the survey first\n"
    )
    chosen = parse_text(tracker, choices=Layout(list_items=True))
    assert chosen.document == parse_text(tracker).document
    assert rules.LIST_ITEMS_CHOSEN.code not in [item.code for item in chosen.report]


def test_text_with_no_list_is_left_as_it_is() -> None:
    prose = "Our SEND strategy\nWe will work together with families to improve outcomes.\n"
    assert parse_text(prose, choices=Layout(list_items=True)).document == (
        parse_text(prose).document
    )


def test_the_choice_is_kept_with_the_layout_and_carried_when_merged() -> None:
    chosen = Layout(list_items=True)
    assert Layout.from_data(chosen.to_data()).list_items
    assert not Layout.from_data(Layout().to_data()).list_items
    assert not Layout.from_data({"list_items": "yes"}).list_items  # only true itself
    assert Layout().merged(chosen).list_items and chosen.merged(Layout()).list_items
