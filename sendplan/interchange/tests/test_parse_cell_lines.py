"""Tables whose cells were flattened into lines of text: the invented corpus in
fixtures/cell_lines/ (see flattened_tables_corpus.py), and a focused test for each rule."""

from __future__ import annotations

from typing import Any

import pytest

from sendplan.interchange.parsers import parse_text, rules
from sendplan.interchange.tests import all_actions, assert_valid_plan
from sendplan.interchange.tests.flattened_tables_corpus import NAMED, PLANS, Flat, figures, parsed

# What the importer reaches on every plan of the corpus, for the figures a person checks
# first; a plan may be held lower only with the reason written here.
TARGET = 1.0
FLOORS: dict[tuple[str, str], float] = {}


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_flattened_table_is_read_as_entered_by_hand(plan: Flat) -> None:
    assert_valid_plan(parsed(plan))
    shortfalls = []
    for what, same, total in figures(plan):
        floor = FLOORS.get((plan.name, what), TARGET)
        if what in NAMED and total and same / total < floor:
            shortfalls.append(f"{what}: {same}/{total} is below {floor:.0%}")
    assert not shortfalls, f"{plan.name}: " + "; ".join(shortfalls)


def _read(text: str) -> tuple[list[dict[str, Any]], set[str]]:
    result = parse_text(text)
    assert_valid_plan(result.document)
    placed = {p.rule for p in result.placements if p.kind == "action"}
    return all_actions(result.document), placed


def test_a_table_copied_a_cell_a_line_is_read_as_its_rows() -> None:
    found, placed = _read(
        "SEND roadmap\n\nAction\nLead\nBy when\n"
        "Recruit two more educational psychologists\nPrincipal Educational Psychologist\n"
        "December 2025\n"
        "Publish a refreshed local offer\nLocal Offer Manager\nJanuary 2026\n"
        "Agree a joint panel for complex health needs\nDesignated Clinical Officer\nMay 2026\n"
    )
    assert [a["title"] for a in found] == [
        "Recruit two more educational psychologists",
        "Publish a refreshed local offer",
        "Agree a joint panel for complex health needs",
    ]
    assert [a.get("lead_text") for a in found] == [
        "Principal Educational Psychologist",
        "Local Offer Manager",
        "Designated Clinical Officer",
    ]
    assert [a.get("due") for a in found] == ["2025-12", "2026-01", "2026-05"]
    assert placed == {rules.CELL_LINES.code}


def test_a_missing_cell_is_told_by_what_the_next_line_holds() -> None:
    # The second row has no lead and the third no date: each row is one line short.
    found, _ = _read(
        "Delivery plan\n\nAction\nResponsible officer\nTarget date\nStatus\n"
        "Agree a single front door for enquiries\nMarion Hughes\n30/06/2025\nOn track\n"
        "Review the banding of top-up funding\n31/08/2025\nDelayed\n"
        "Publish annual review timeliness\nGareth Lloyd\nComplete\n"
    )
    assert [a.get("lead_text") for a in found] == ["Marion Hughes", None, "Gareth Lloyd"]
    assert [a.get("due") for a in found] == ["2025-06-30", "2025-08-31", None]
    assert [[u["status"] for u in a["updates"]] for a in found] == [
        ["On track"],
        ["Delayed"],
        ["Complete"],
    ]


def test_a_cell_wrapped_over_two_lines_is_one_cell() -> None:
    found, _ = _read(
        "Tracker\n\nMilestone\nOwner\nDue\nRAG rating\n"
        "Offer a supported internship to every young person\nat the end of year 13\n"
        "Post-16 SEND Lead\nSeptember 2025\nRed\n"
        "Map housing options for young adults\nAdult Social Care Commissioner\nMarch 2025\n"
        "Green\n"
    )
    assert [a["title"] for a in found] == [
        "Offer a supported internship to every young person at the end of year 13",
        "Map housing options for young adults",
    ]
    assert [a.get("lead_text") for a in found] == [
        "Post-16 SEND Lead",
        "Adult Social Care Commissioner",
    ]


def test_the_lead_before_the_action_and_refs_opening_its_words() -> None:
    found, _ = _read(
        "Written Statement of Action\n\nLead officer\nAction\nDeadline\n"
        "Early Years SEND Manager\n1.1 Roll out a health check at two and a half\nApril 2024\n"
        "Health Visiting Lead\n1.2 Share the check's results with the setting\nJune 2024\n"
    )
    assert [(a.get("ref"), a["title"], a.get("lead_text")) for a in found] == [
        ("1.1", "Roll out a health check at two and a half", "Early Years SEND Manager"),
        ("1.2", "Share the check's results with the setting", "Health Visiting Lead"),
    ]


def test_part_lines_and_headings_repeated_on_each_page_are_not_rows() -> None:
    result = parse_text(
        "Tracker\n\nPriority 1 - Early intervention\nAction\nOwner\nDue\n"
        "Open an early help hub in each locality\nFamily Hubs Manager\nJuly 2024\n"
        "Recruit a therapist for every hub\nTherapies Service Manager\nOctober 2024\n"
        "Page 2 of 3\n"
        "Priority 2 - Preparing for adulthood\nAction\nOwner\nDue\n"
        "Hold a preparing for adulthood fair\nCareers Adviser\nMarch 2025\n"
        "Map housing options for young adults\nAdult Social Care Commissioner\nMay 2025\n"
        "Page 3 of 3\n"
    )
    sections = result.document["plan"]["sections"]
    assert [(s.get("ref"), s["title"], len(s["actions"])) for s in sections] == [
        ("1", "Early intervention", 2),
        ("2", "Preparing for adulthood", 2),
    ]


def test_headings_the_importer_does_not_know_take_their_part_from_their_lines() -> None:
    found, placed = _read(
        "Plan\n\nAction\nAccountable lead\nCompletion\nRAG\n"
        "Recruit two more educational psychologists\nPrincipal Educational Psychologist\n"
        "December 2025\nGreen\n"
        "Publish a refreshed local offer\nLocal Offer Manager\nJanuary 2026\nAmber\n"
    )
    assert [(a.get("lead_text"), a.get("due")) for a in found] == [
        ("Principal Educational Psychologist", "2025-12"),
        ("Local Offer Manager", "2026-01"),
    ]
    assert [[u["status"] for u in a["updates"]] for a in found] == [["G"], ["A"]]
    assert placed == {rules.CELL_LINES_CONTENT_ROLE.code}


def test_rows_after_a_part_line_are_read_under_the_headings_above() -> None:
    found, placed = _read(
        "Plan\n\nPriority 1: Families\n\nRef\nWhat we will do\nWho\nWhen\nRAG\n"
        "1.1\nWrite to every family waiting for an assessment\nHead of SEND Casework\n"
        "November 2024\nGreen\n"
        "1.2\nHold termly open forums\nParticipation Lead\nDecember 2024\nAmber\n\n"
        "Priority 2: Quality\n\n"
        "2.1\nAudit twenty plans each month\nQuality Assurance Officer\nMonthly\nGreen\n"
        "2.2\nTrain casework officers in writing outcomes\nSEND Training Coordinator\n"
        "February 2025\nRed\n"
    )
    assert [a["ref"] for a in found] == ["1.1", "1.2", "2.1", "2.2"]
    assert found[3]["lead_text"] == "SEND Training Coordinator"
    assert rules.CELL_LINES_RESUMED.code in placed


def test_a_page_number_between_a_rows_cells_is_left_out() -> None:
    found, _ = _read(
        "Plan\n\nRef\nKey action\nLead officer\nDeadline\nBRAG\n"
        "1.1\nSet up a placements panel\nJane Cole\nNovember 2022\nBlue\n"
        "1.2\nReview the panel's terms of reference\nAmir Patel\nJune 2023\nAmber\n"
        "Page 2 of 3\n"
        "Ref\nKey action\nLead officer\nDeadline\nBRAG\n"
        "2.1\nCommission a review of transport\nTransport Manager\nMarch 2023\nRed\n"
    )
    assert [(a["title"], a.get("lead_text")) for a in found] == [
        ("Set up a placements panel", "Jane Cole"),
        ("Review the panel's terms of reference", "Amir Patel"),
        ("Commission a review of transport", "Transport Manager"),
    ]


def test_headings_a_blank_line_apart_are_not_a_flattened_table() -> None:
    # The cells of a real table read out as words, each set apart: the lines are not rows.
    text = (
        "Plan\n\nAction\n\nLead\n\nBy when\n\n"
        "Board meets monthly with full attendance\n\nChair appointed in February\n\n"
        "Green\n\nAmber\n"
    )
    result = parse_text(text)
    placed = {p.rule for p in result.placements if p.kind == "action"}
    assert rules.CELL_LINES.code not in placed


def test_narrative_after_the_rows_is_not_made_an_action() -> None:
    found, _ = _read(
        "Roadmap\n\nAction\nLead\nBy when\n"
        "Recruit two more educational psychologists\nPrincipal Educational Psychologist\n"
        "December 2025\n"
        "Publish a refreshed local offer\nLocal Offer Manager\nJanuary 2026\n"
        "The board will review these actions each quarter\n"
    )
    assert [a["title"] for a in found] == [
        "Recruit two more educational psychologists",
        "Publish a refreshed local offer",
    ]


def test_milestones_each_with_an_owner_and_a_rating_are_actions() -> None:
    found, _ = _read(
        "Tracker\n\nMilestone\tOwner\tDue\tRAG rating\n"
        "Open an early help hub in each locality\tFamily Hubs Manager\tJuly 2024\tGreen\n"
        "Recruit a therapist for every hub\tTherapies Service Manager\tOctober 2024\tAmber\n"
    )
    assert [(a["title"], a.get("lead_text")) for a in found] == [
        ("Open an early help hub in each locality", "Family Hubs Manager"),
        ("Recruit a therapist for every hub", "Therapies Service Manager"),
    ]


def test_a_lead_run_into_the_actions_words_keeps_its_whole_post() -> None:
    found, _ = _read(
        "Strategy\n\nAction Lead Due date\n"
        "Publish a new local offer website Local Offer Manager December 2025\n"
        "Agree a transitions protocol with adult social care Preparing for Adulthood Lead "
        "January 2026\n"
        "Recommission speech and language therapy for schools SEND Commissioning Manager "
        "March 2025\n"
        "Report progress to the SEND Partnership Board Head of SEND June 2026\n"
    )
    assert [(a["title"], a.get("lead_text")) for a in found] == [
        ("Publish a new local offer website", "Local Offer Manager"),
        ("Agree a transitions protocol with adult social care", "Preparing for Adulthood Lead"),
        ("Recommission speech and language therapy for schools", "SEND Commissioning Manager"),
        ("Report progress to the SEND Partnership Board", "Head of SEND"),
    ]
