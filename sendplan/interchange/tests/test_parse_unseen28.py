"""Plans in harder layouts the importer had never seen (round unseen28): the dev half read as a
careful person would, the blind half held at what it reached without being studied, and one
test per rule the round added, each on a small invented plan. The plans are in unseen28.py;
bench/parse_unseen28.py prints the table; corpus/real/UNSEEN28.md the figures."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    parsed_file,
    placed_by,
    report_codes,
    saved,
    word_table,
)
from sendplan.interchange.tests.unseen28 import BLIND, CORPUS, DEV, Unseen28, figures, parsed

# Every key figure of a dev plan: what a user notices first (actions, refs, titles, leads,
# due dates, status cells).
DEV_FLOOR = 1.0
# The blind half is counted, never studied: its totals may not fall below what this round
# left them at (before the round: 40 found, 40 refs, 37 titles, 37 leads, 37 due dates, 23
# status cells).
BLIND_FLOORS = {
    "actions found": 47,
    "refs": 47,
    "titles": 44,
    "leads": 44,
    "due dates": 44,
    "status cells": 30,
}


@pytest.mark.parametrize("plan", DEV, ids=[p.name for p in DEV])
def test_each_dev_plan_reads_as_entered_by_hand(plan: Unseen28) -> None:
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in figures(plan)
        if total and same / total < DEV_FLOOR
    ]
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


def test_the_blind_half_keeps_its_totals() -> None:
    totals: dict[str, int] = {}
    for plan in BLIND:
        for what, same, _ in figures(plan):
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in BLIND_FLOORS.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"the blind half fell: {fallen}"


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_plan_gives_a_valid_document_with_actions(plan: Unseen28) -> None:
    document = parsed(plan)
    assert_valid_plan({"format": "sendplan.plan/1", "plan": document})
    # Never no actions at all, silently.
    assert all_actions({"plan": document})


def test_the_corpus_spreads_over_every_format_and_halves_by_hash() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert {kind: kinds.count(kind) for kind in set(kinds)} == {
        "txt": 5, "docx": 5, "xlsx": 4, "pdf": 4
    }  # fmt: skip
    assert {plan.name for plan in BLIND} == {
        "Ravensholt PAP", "Thrushcombe tracker", "Zennorby strategy plan", "Ashlinford PAP",
        "Dunsfield plan", "Eastwickham PAP", "Fallowmere WSoA", "Hartwellow PAP",
        "Inglebeck delivery plan",
    }  # fmt: skip


# marked-months-resumed


def test_a_pasted_gantt_cut_by_theme_lines_gives_each_action_its_last_quarter() -> None:
    text = (
        "SEND Improvement Plan 2026/27\n"
        "Ref\tAction\tLead\tQ1 26/27\tQ2 26/27\tQ3 26/27\tQ4 26/27\tRAG\n"
        "Theme 1: Assessment\n"
        "1.1\tPublish a guide to requesting an assessment.\tNia Hart\tX\tX\t\t\tG\n"
        "1.2\tAudit every new plan for a year.\tNia Hart\tX\tX\tX\tX\tA\n"
        "Theme 2: Transport\n"
        "2.1\tReview travel assistance with families.\tOwen Pike\t\t\tX\t\tR\n"
    )
    result = parsed_file(text.encode(), "gantt.txt")
    due = {a["ref"]: a.get("due") for a in all_actions(result.document)}
    assert due == {"1.1": "2026-09", "1.2": "2027-03", "2.1": "2026-12"}
    # The marks are no ratings: the RAG column is the only rating, and no X is reported.
    assert action(result.document, "2.1")["updates"][0]["status"] == "R"
    assert rules.RATING_UNREADABLE.code not in report_codes(result)


# actions-in-one-cell


def test_numbered_actions_in_one_cell_share_the_rows_lead_date_and_status() -> None:
    document = docx.Document()
    word_table(document, [
        ["Area of weakness", "Actions", "Lead", "Timescale", "RAG"],
        ["1. Joint commissioning", "1.1 Agree a joint commissioning strategy.\n"
         "1.2 Pool the budget for speech and language therapy.", "Head of Commissioning",
         "Mar 2026", "Green"],
        ["2. Annual reviews", "2.1 Clear the backlog of overdue annual reviews.", "Head of SEND",
         "Dec 2025", "Amber"],
    ])  # fmt: skip
    result = parsed_file(saved(document), "wsoa.docx")
    for ref in ("1.1", "1.2"):
        found = action(result.document, ref)
        assert (found["lead_text"], found["due"]) == ("Head of Commissioning", "2026-03")
        assert found["updates"][0]["status"] in {"G", "Green"}
    assert action(result.document, "1.2")["title"] == (
        "Pool the budget for speech and language therapy."
    )
    assert len(all_actions(result.document)) == 3


def test_lettered_actions_in_one_cell_take_the_rows_ref_and_their_letter() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Area for improvement", "Actions", "Lead", "Timescale", "RAG"])
    items = (
        "a) Recruit two senior educational psychologists\nb) Offer a consultation line for SENCOs"
    )
    sheet.append(["3", "Educational psychology", items, "Principal EP", "Mar 2026", "R"])
    result = parsed_file(saved(book), "pap.xlsx")
    assert [a["ref"] for a in all_actions(result.document)] == ["3a", "3b"]
    assert action(result.document, "3b")["title"] == "Offer a consultation line for SENCOs"
    assert action(result.document, "3b")["due"] == "2026-03"


def test_lettered_points_in_a_row_without_a_ref_stay_with_the_action_above() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Action", "Lead", "Due"])
    sheet.append(["2.1", "Agree a protocol for funding placements jointly.", "Head of SEND",
                  "Mar 2026"])  # fmt: skip
    sheet.append([None, "a) Draft the protocol with health and care\nb) Agree it at the board",
                  None, None])  # fmt: skip
    result = parsed_file(saved(book), "plan.xlsx")
    assert [a["ref"] for a in all_actions(result.document)] == ["2.1"]
    # Its points are still the action's own words, not lost.
    assert "Agree it at the board" in action(result.document, "2.1")["title"]


# officers-listed


def test_a_bulleted_key_to_leads_names_the_leads_and_is_no_action() -> None:
    document = docx.Document()
    document.add_heading("Hollins Accelerated Progress Plan", level=0)
    word_table(document, [
        ["Ref", "Action", "Lead", "Due"],
        ["1.1", "Clear the backlog of assessments.", "AB / CD", "Dec 2025"],
        ["1.2", "Report weekly on open assessments.", "CD", "Jun 2026"],
    ])  # fmt: skip
    document.add_heading("Key to leads", level=2)
    document.add_paragraph("• AB – Amal Bhatt, Director of Children's Services")
    document.add_paragraph("• CD – Cara Dunn, Head of SEND")
    result = parsed_file(saved(document), "app.docx")
    people = {p["key"]: (p.get("name"), p.get("role")) for p in result.document["plan"]["people"]}
    assert people == {
        "AB": ("Amal Bhatt", "Director of Children's Services"),
        "CD": ("Cara Dunn", "Head of SEND"),
    }
    assert [a["ref"] for a in all_actions(result.document)] == ["1.1", "1.2"]
    assert action(result.document, "1.1")["leads"] == ["AB", "CD"]
    assert rules.OFFICERS_LISTED.code in report_codes(result)


# letters-under-ref


def test_lettered_items_under_a_numbered_priority_take_its_ref() -> None:
    text = (
        "Hallow SEND Strategy Action Plan\n\n"
        "Priority 1: Working with families\n\n"
        "What we will do:\n"
        "a) Agree a charter with the parent carer forum (Lead: Head of SEND, by December 2025)\n"
        "b) Pay parents for their time in co-production (Lead: Head of SEND, by April 2026)\n\n"
        "Priority 2: Preparing for adult life\n\n"
        "What we will do:\n"
        "a) Start adulthood conversations in Year 9 reviews (Lead: Head of PfA, by Sept 2026)\n"
        "b) Commission twenty supported internships (Lead: Commissioning Manager, by July 2026)\n"
    )
    result = parsed_file(text.encode(), "strategy.txt")
    found = [(a["ref"], a.get("due")) for a in all_actions(result.document)]
    assert found == [("1a", "2025-12"), ("1b", "2026-04"), ("2a", "2026-09"), ("2b", "2026-07")]
    assert rules.LETTERS_UNDER_REF.code in placed_by(result)


# Two posts joined by "and"; a plan's date of agreement


def test_two_posts_joined_by_and_are_two_leads_when_one_leads_alone_elsewhere() -> None:
    text = (
        "Ref\tAction\tLead\tDue\n"
        "1.1\tTrain every nursery in early signs of need.\tEarly Years SEND Lead\tMar 2026\n"
        "1.2\tAdd a two-year check to each family hub.\tEarly Years SEND Lead and Designated "
        "Clinical Officer\tSep 2026\n"
        "1.3\tShare health visitors' findings with settings.\tDesignated Clinical Officer\t"
        "Jan 2026\n"
    )
    result = parsed_file(text.encode(), "plan.txt")
    roles = {p["key"]: p.get("role") for p in result.document["plan"]["people"]}
    leads = [roles[key] for key in action(result.document, "1.2")["leads"]]
    assert leads == ["Early Years SEND Lead", "Designated Clinical Officer"]
    assert len(roles) == 2


def test_the_month_a_plan_was_agreed_does_not_date_its_ratings() -> None:
    document = docx.Document()
    document.add_heading("Tarrant Written Statement of Action", level=0)
    document.add_paragraph("Agreed by the SEND Partnership Board, October 2025.")
    word_table(document, [
        ["Ref", "Action", "Lead", "By when", "RAG"],
        ["1.1", "Rewrite the EHC plan template with families.", "Head of SEND", "Nov 2025", "G"],
    ])  # fmt: skip
    plan = parsed_file(saved(document), "wsoa.docx").document["plan"]
    assert [p["label"] for p in plan["periods"]] == ["RAG"]
    # A report's date still dates them.
    document = docx.Document()
    document.add_heading("Tarrant Written Statement of Action", level=0)
    document.add_paragraph("Progress update for the SEND Partnership Board, October 2025.")
    word_table(document, [
        ["Ref", "Action", "Lead", "By when", "RAG"],
        ["1.1", "Rewrite the EHC plan template with families.", "Head of SEND", "Nov 2025", "G"],
    ])  # fmt: skip
    plan = parsed_file(saved(document), "wsoa.docx").document["plan"]
    assert [p.get("ends_on") for p in plan["periods"]] == ["2025-10-31"]
