"""Documents whose actions are written as prose (parsers/deeds.py): an inspection letter's
"what leaders need to do next", a review's recommendations with the response to each, a board's
actions agreed, a letter's "over the next term we will:" with more said in sentences.

The invented corpus is in prose_corpus.py (bench/parse_prose.py prints its figures); the tests
after it each hold one rule, in words of their own."""

from __future__ import annotations

import docx
import pytest

from sendplan.interchange.parsers import deeds, parse_text, rules
from sendplan.interchange.tests import (
    all_actions,
    assert_valid_plan,
    parsed_file,
    placed_by,
    report_codes,
    saved,
    titles,
    walk_sections,
)
from sendplan.interchange.tests.prose_corpus import (
    BLIND,
    EXTRA,
    PLANS,
    ProsePlan,
    _as_text,
    figures,
    parsed,
)

SEEN = [plan for plan in PLANS if plan not in BLIND]
# Every figure of every document written before the rules at least this share, and at most
# this share of the actions read not in the hand-entered plan.
TARGET = 0.9
EXTRA_AT_MOST = 0.12
# The blind half, as read once the rules were written: floors that keep it from falling.
BLIND_FLOORS = {"actions found": 0.86, "titles": 1.0, "due dates": 0.97}
BLIND_EXTRA_AT_MOST = 0.06


# What each document is held to on its own; refs and section titles on the half's totals.
EACH = ("actions found", "titles", "leads", "due dates")


def _totals(plans: list[ProsePlan] | tuple[ProsePlan, ...]) -> dict[str, tuple[int, int]]:
    totals: dict[str, tuple[int, int]] = {}
    for plan in plans:
        for what, same, total in figures(plan):
            had = totals.get(what, (0, 0))
            totals[what] = (had[0] + same, had[1] + total)
    return totals


@pytest.mark.parametrize("plan", SEEN, ids=[plan.name for plan in SEEN])
def test_each_document_is_read_about_as_a_person_would(plan: ProsePlan) -> None:
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in figures(plan)
        if total
        and (
            (what in EACH and same < TARGET * total)
            or (what == EXTRA and same > EXTRA_AT_MOST * total)
        )
    ]
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


def test_the_documents_written_before_the_rules_read_their_refs_and_headings() -> None:
    totals = _totals(SEEN)
    for what in ("refs", "section titles"):
        same, total = totals[what]
        assert same >= TARGET * total, f"{what}: {same}/{total}"


def test_the_blind_half_reads_no_worse_than_when_its_rules_were_written() -> None:
    totals = _totals(BLIND)
    for what, floor in BLIND_FLOORS.items():
        same, total = totals[what]
        assert same >= floor * total, f"{what}: {same}/{total}"
    same, total = totals[EXTRA]
    assert same <= BLIND_EXTRA_AT_MOST * total, f"{EXTRA}: {same}/{total}"


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_each_document_gives_a_valid_plan(plan: ProsePlan) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_holds_each_hand_entered_action_in_its_document() -> None:
    """The hand-entered plans say what the documents say: each action's words are in it."""
    for plan in PLANS:
        text = " ".join(_as_text(plan.source).split())
        for part in plan.parts:
            assert part.title in text, (plan.name, part.title)
            for item in part.items:
                assert item.title in text, (plan.name, item.title)
    assert len(PLANS) >= 14 and 0 < len(BLIND) < len(PLANS) / 2


# An inspection letter: findings, then what leaders should do


INSPECTION = """Monitoring visit to Westerby local area partnership

Inspectors met leaders, practitioners and twenty families over two days.

Main findings

Leaders know what is not yet good enough. Waiting times for therapy remain long. Families say communication has improved.

What happens next

• Leaders should cut the time families wait for a first therapy appointment.
• Leaders should make sure every school knows how to ask for outreach support.
• The local authority should check the quality of annual reviews every term.

We will visit again within twelve months.
"""  # noqa: E501


def test_what_an_inspection_asks_leaders_to_do_is_read_as_the_plans_actions() -> None:
    result = parse_text(INSPECTION)
    assert_valid_plan(result.document)
    assert titles(result.document) == [
        "Leaders should cut the time families wait for a first therapy appointment.",
        "Leaders should make sure every school knows how to ask for outreach support.",
        "The local authority should check the quality of annual reviews every term.",
    ]
    [section] = [s for s in walk_sections(result.document["plan"]["sections"])]
    assert section["title"] == "What happens next"


def test_the_inspectors_own_next_visit_and_their_findings_are_not_actions() -> None:
    found = " ".join(titles(parse_text(INSPECTION).document))
    assert "visit again" not in found
    assert "Waiting times" not in found


def test_prose_read_for_its_deeds_says_so_and_is_marked_less_sure() -> None:
    result = parse_text(INSPECTION)
    assert placed_by(result) == {rules.DEEDS_IN_PROSE.code}
    placed = [p for p in result.placements if p.kind == "action"]
    assert placed and all(p.confidence <= deeds.CONFIDENCE for p in placed)
    # Each action says where in the text it is.
    assert [p.where for p in placed] == ["line 11", "line 12", "line 13"]
    assert rules.NO_ACTIONS.code not in report_codes(result)


def test_a_list_of_findings_is_not_read_as_actions() -> None:
    findings = (
        "Review of short breaks\n\nKey findings\n\n1. Demand for short breaks has doubled since "
        "2021.\n2. Many families did not know the offer existed.\n3. Holiday clubs fill within "
        "days of opening.\n"
    )
    result = parse_text(findings)
    assert titles(result.document) == []


def test_a_list_of_what_was_achieved_is_not_read_as_actions() -> None:
    update = (
        "Annual update\n\nWhat we achieved\n\n• Open two resourced provisions in secondary "
        "schools\n• Train four hundred school staff in autism awareness\n\nNext steps\n\n"
        "• Open a third resourced provision by September 2025\n• Extend autism training to all "
        "primary schools\n"
    )
    assert titles(parse_text(update).document) == [
        "Open a third resourced provision by September 2025",
        "Extend autism training to all primary schools",
    ]


# A review's recommendations, each with the response under it


REVIEW = """Review of home to school transport: the Cabinet's response

Background

The committee heard evidence from families, operators and schools over four meetings.

Recommendations

Recommendation 1: The council should publish its transport policy in plain English.
Cabinet response: Agreed. The Head of Transport will publish a plain English guide by June 2025.

Recommendation 2
The council should review every route with the families who use it.
Response: Agreed in part.
Lead officer: Transport Commissioning Manager
Timescale: By the end of the summer term 2025

Recommendation 3 – The council should train passenger assistants in first aid.
Cabinet response: Agreed. Training starts in September 2025, led by the Passenger Transport Manager.

The committee will review progress in a year.
"""


def test_each_recommendation_and_its_response_is_one_action() -> None:
    document = parse_text(REVIEW).document
    assert_valid_plan(document)
    found = all_actions(document)
    assert [(a.get("ref"), a["title"]) for a in found] == [
        ("1", "The council should publish its transport policy in plain English."),
        ("2", "The council should review every route with the families who use it."),
        ("3", "The council should train passenger assistants in first aid."),
    ]


def test_a_response_gives_its_recommendations_lead_and_due_date() -> None:
    document = parse_text(REVIEW).document
    roles = {p["key"]: p.get("role") or p.get("name") for p in document["plan"]["people"]}
    found = all_actions(document)
    assert [[roles[key] for key in a.get("leads", [])] for a in found] == [
        ["Head of Transport"],
        ["Transport Commissioning Manager"],
        ["Passenger Transport Manager"],
    ]
    # "By June 2025" in the response; the timescale's term, as the month it ends; a start
    # ("starts in September") is not when it is due.
    assert [a.get("due") for a in found] == ["2025-06", "2025-07", None]


def test_a_committees_own_review_of_progress_is_not_an_action() -> None:
    found = " ".join(titles(parse_text(REVIEW).document))
    assert "review progress in a year" not in found


# A letter's own list, with more said in sentences beside it


LETTER = """A letter to families

Dear families,

Thank you for coming to our events. Since then we have recruited two caseworkers.

Over the next term we will:
• open a helpline every weekday by April 2025
• publish waiting times every month

The Principal Educational Psychologist will visit every secondary school by July 2025. We will write to you again in the summer.

Yours sincerely,
Director of Children's Services
"""  # noqa: E501


def test_a_letters_sentences_beside_its_own_list_are_actions_too() -> None:
    document = parse_text(LETTER).document
    assert titles(document) == [
        "open a helpline every weekday by April 2025",
        "publish waiting times every month",
        "The Principal Educational Psychologist will visit every secondary school by July 2025.",
    ]
    third = all_actions(document)[2]
    assert third["due"] == "2025-07" and third["lead_text"] == "Principal Educational Psychologist"


def test_a_list_that_asks_others_to_act_takes_no_sentences_of_the_writers_own() -> None:
    letter = INSPECTION.replace(
        "We will visit again within twelve months.",
        "We will publish a report on the visit within four weeks.",
    )
    assert not any("publish a report" in title for title in titles(parse_text(letter).document))


def test_a_boards_actions_agreed_name_who_is_to_do_each() -> None:
    update = (
        "Improvement board update\n\nThe board heard that timeliness has improved.\n\nActions "
        "agreed\n\n• The Director of Education to present a recovery plan to the next board.\n"
        "• The Head of SEND to set up a workforce group by February 2025.\n• The forum and the "
        "council to agree a communications plan.\n"
    )
    found = all_actions(parse_text(update).document)
    assert [a.get("lead_text") for a in found] == ["Director of Education", "Head of SEND", None]
    assert found[1]["due"] == "2025-02"


def test_a_word_file_of_recommendations_is_read_the_same() -> None:
    document = docx.Document()
    document.add_heading("Scrutiny review of short breaks", level=1)
    document.add_paragraph("Members thank the families who gave evidence.")
    document.add_heading("Recommendations", level=2)
    document.add_paragraph("R1. The council should publish the short breaks offer each year.")
    document.add_paragraph("Response: Accepted.")
    document.add_paragraph("Lead officer: Short Breaks Manager")
    document.add_paragraph("Target date: May 2025")
    document.add_paragraph("R2. The council should add fifty holiday club places.")
    document.add_paragraph("Response: Accepted.")
    document.add_paragraph("Target date: 2025/26")
    result = parsed_file(saved(document), "review.docx")
    assert_valid_plan(result.document)
    found = all_actions(result.document)
    assert [(a.get("ref"), a.get("due")) for a in found] == [("R1", "2025-05"), ("R2", "2026-03")]
    assert placed_by(result) == {rules.DEEDS_IN_PROSE.code}


def test_a_file_with_tables_is_not_read_for_its_prose() -> None:
    document = docx.Document()
    document.add_paragraph("Recommendation 1: The council should publish its policy online.")
    document.add_paragraph("Recommendation 2: The council should review every route each year.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Contact", "Email"
    table.cell(1, 0).text, table.cell(1, 1).text = "SEND team", "send@example.org"
    result = parsed_file(saved(document), "review.docx")
    assert rules.DEEDS_IN_PROSE.code not in placed_by(result)


def test_a_pdf_whose_paragraphs_run_together_still_gives_each_recommendation() -> None:
    """A PDF's reader may join a recommendation to the response before it, as paragraphs split
    over a page run together: the recommendation still opens its own action."""
    from sendplan.demo.pdf_files import html_pdf

    paragraphs = [
        "Review of respite care",
        "Recommendation 1 – The council should publish the respite offer on the Local Offer.",
        "Response: Agreed. The Short Breaks Manager will publish it by April 2025. "
        "Recommendation 2 – The council should add twenty overnight places.",
        "Response: Agreed. Places will be commissioned by March 2026.",
    ]
    data = html_pdf("".join(f"<p>{text}</p>" for text in paragraphs))
    found = all_actions(parsed_file(data, "review.pdf").document)
    assert [(a.get("ref"), a["title"], a.get("due")) for a in found] == [
        ("1", "The council should publish the respite offer on the Local Offer.", "2025-04"),
        ("2", "The council should add twenty overnight places.", "2026-03"),
    ]


# Areas for improvement and next steps written as paragraphs, not lists


def test_an_area_for_improvement_written_as_a_paragraph_gives_what_leaders_should_do() -> None:
    report = (
        "Area SEND inspection of Linford\n\nInspection outcome\n\nThe partnership must work "
        "jointly to make improvements.\n\nAreas for improvement\n\nFamilies wait too long for "
        "a first appointment with a paediatrician. Leaders should reduce waiting times for "
        "community paediatrics.\n\nThe local offer is out of date. The local authority should "
        "review the local offer with families every year.\n"
    )
    assert titles(parse_text(report).document) == [
        "Leaders should reduce waiting times for community paediatrics.",
        "The local authority should review the local offer with families every year.",
    ]


def test_what_a_letter_says_happens_next_is_read_sentence_by_sentence() -> None:
    letter = (
        "A letter to families\n\nWhat you told us\n\n• Waiting lists are too long.\n• Nobody "
        "answers the phone.\n\nWhat happens next\n\nWe have already moved two officers into the "
        "team. We will open a family phone line by May 2025. The Head of Inclusion will visit "
        "every school by July 2025.\n\nYours faithfully,\n\nThe Director of Children's Services\n"
    )
    found = all_actions(parse_text(letter).document)
    assert [(a["title"], a.get("due")) for a in found] == [
        ("We will open a family phone line by May 2025.", "2025-05"),
        ("The Head of Inclusion will visit every school by July 2025.", "2025-07"),
    ]
    assert found[1]["lead_text"] == "Head of Inclusion"
