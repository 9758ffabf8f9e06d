"""Text and Word plans in the kinds unseen32's blind half holds, and three more (round
unseen34t): the dev half read as a careful person would, the blind half held at what it reached
without being studied, and one test per rule the round added, each on a small invented plan
that the importer misread before the round. The plans are in unseen34t.py;
bench/parse_unseen34t.py prints the table; corpus/real/unseen34t.md the figures."""

from __future__ import annotations

import docx
import pytest

from sendplan.interchange.parsers import columns, rules, segment, values
from sendplan.interchange.parsers.readers.text_reader import read_text
from sendplan.interchange.tests import (
    action,
    all_actions,
    assert_valid_plan,
    parsed_file,
    placed_by,
    report_codes,
    saved,
    unseen34t_second,
)
from sendplan.interchange.tests.unseen34t import BLIND, CORPUS, DEV, Unseen34t, figures, parsed

# A dev plan's key figures are whole but where named here. Brantwick and Rowde date their
# ratings with a day ("position at 12 December 2025"); the hand-entered plans end the period
# on that day, the importer on the month's last, so their status cells find no period to match
# (a convention chosen before the run and not changed after it; see unseen34t.md).
DEV_SHORT = {"Brantwick APP": {"status cells": 0}, "Rowde WSoA": {"status cells": 0}}
# The blind half is counted, never studied: its totals may not fall below what this round left
# them at (before the round: 12 found, 12 refs, 7 titles, 7 leads, 7 due dates, 12 status
# cells).
BLIND_FLOORS = {
    "actions found": 23,
    "refs": 23,
    "titles": 18,
    "leads": 18,
    "due dates": 18,
    "status cells": 23,
}


@pytest.mark.parametrize("plan", DEV, ids=[p.name for p in DEV])
def test_each_dev_plan_reads_as_entered_by_hand(plan: Unseen34t) -> None:
    floors = DEV_SHORT.get(plan.name, {})
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in figures(plan)
        if same < floors.get(what, total)
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


@pytest.mark.parametrize("plan", unseen34t_second.DEV, ids=[p.name for p in unseen34t_second.DEV])
def test_each_dev_plan_of_the_second_set_reads_as_entered_by_hand(plan: Unseen34t) -> None:
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in unseen34t_second.figures(plan)
        if same < total
    ]
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


def test_the_second_sets_blind_half_keeps_its_totals() -> None:
    # Whole before any rule for the set (9 of 9 each); counted, never studied.
    totals: dict[str, int] = {}
    for plan in unseen34t_second.BLIND:
        for what, same, _ in unseen34t_second.figures(plan):
            totals[what] = totals.get(what, 0) + same
    assert all(totals.get(what, 0) >= 9 for what in BLIND_FLOORS), totals


@pytest.mark.parametrize("plan", CORPUS, ids=[p.name for p in CORPUS])
def test_each_plan_gives_a_valid_document_with_actions(plan: Unseen34t) -> None:
    document = parsed(plan)
    assert_valid_plan({"format": "sendplan.plan/1", "plan": document})
    assert all_actions({"plan": document})


def test_the_corpus_is_text_and_word_and_halves_by_hash() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert {kind: kinds.count(kind) for kind in set(kinds)} == {"txt": 9, "docx": 8}
    assert {plan.name for plan in BLIND} == {
        "Farleigh tracker", "Kemble APP", "Marden priority plan", "Tadley action plan",
    }  # fmt: skip


# coded-refs


def test_refs_of_letter_and_number_parts_joined_by_dots_or_dashes() -> None:
    text = (
        "Tracker\n"
        "\n"
        "Ref\tAction\tLead\tDue\tRAG\n"
        "D3-01\tOpen a second assessment hub\tAna Cruz\tMar 2026\tGreen\n"
        "D3-02\tPublish assessment times monthly\tAna Cruz\tJun 2026\tAmber\n"
        "K1.B.2\tAgree a short breaks offer with the ICB\tOwen Hart\tSep 2026\tRed\n"
    )
    result = parsed_file(text.encode(), "tracker.txt")
    assert [a.get("ref") for a in all_actions(result.document)] == ["D3-01", "D3-02", "K1.B.2"]
    assert action(result.document, "K1.B.2")["due"] == "2026-09"
    assert rules.CODED_REFS.code in report_codes(result)
    # A month or a quarter with its year is no code.
    assert values.read_ref("Sep-25") is None
    assert values.read_ref("Q4-26") is None


# what-who-when


def test_what_heads_the_actions_beside_who_and_when() -> None:
    text = (
        "# Our plan\n"
        "\n"
        "## Priority 1: Help while families wait\n"
        "\n"
        "| What | Who | When | Where are we now |\n"
        "|---|---|---|---|\n"
        "| Run sleep workshops for parents | Rhian Lloyd (Early Help Lead) | Feb 2026 | "
        "Green – two held |\n"
        "| Send every waiting family a list of support | Rhian Lloyd (Early Help Lead) | "
        "Apr 2026 | Amber – drafted |\n"
    )
    result = parsed_file(text.encode(), "plan.txt")
    found = {a["title"]: a for a in all_actions(result.document)}
    assert set(found) == {
        "Run sleep workshops for parents",
        "Send every waiting family a list of support",
    }
    assert found["Run sleep workshops for parents"]["due"] == "2026-02"
    header = columns.read_header(["What", "Who", "When", "Where are we now"])
    assert header is not None and header.basis[0][0] == rules.WHAT_WHO_WHEN.code
    # Alone, "What" heads nothing.
    assert columns.read_header(["What", "Why", "Notes"]) is None


# separated-parts


def test_list_items_whose_parts_are_set_apart_by_dashes_or_semicolons() -> None:
    text = (
        "Subject: where the actions stand\n"
        "\n"
        "Hi all, here is the latest.\n"
        "\n"
        "• HX-2.1 — Recruit two EHC coordinators — Lead: Sam Reid (EHC Manager) — Due: Jan-26 "
        "— Amber\n"
        "• HX-2.2 – Publish a guide to assessment – Lead: Jo Fry (Local Offer Officer) – Due: "
        "Mar-26 – Green\n"
        "- Ref 3.1; Agree a transitions protocol; Lead: Ola Ade (PfA Lead); Due: Q4 2025/26; "
        "Status: At risk\n"
    )
    result = parsed_file(text.encode(), "email.txt")
    first, second = action(result.document, "HX-2.1"), action(result.document, "HX-2.2")
    third = action(result.document, "3.1")
    assert first["title"] == "Recruit two EHC coordinators"
    assert (first["due"], second["due"], third["due"]) == ("2026-01", "2026-03", "2026-03")
    assert first["lead_text"] == "Sam Reid (EHC Manager)"
    # Colour words beside "At risk", with no key: the usual scale's letters.
    assert [a["updates"][0]["status"] for a in (first, second, third)] == ["A", "G", "A"]
    assert rules.SEPARATED_PARTS.code in placed_by(result)


def test_a_coded_ref_run_into_the_words_before_the_dashes() -> None:
    text = (
        "Subject: WSoA - January position\n"
        "\n"
        "Where each action stands at the end of January 2026:\n"
        "\n"
        "Area of weakness 1 – Timeliness\n"
        "\n"
        "• WSoA-01 Cut the time to a final plan to twenty weeks – Lead: Elena Marsh (Head of "
        "SEN) – Due: Sep-26 – Amber\n"
        "• WSoA-02 Add two coordinators to the team – Lead: Elena Marsh (Head of SEN) – Due: "
        "Mar-26 – Green\n"
        "\n"
        "Thanks\n"
    )
    result = parsed_file(text.encode(), "email.txt")
    assert action(result.document, "WSoA-01")["title"] == (
        "Cut the time to a final plan to twenty weeks"
    )
    assert action(result.document, "WSoA-02")["due"] == "2026-03"


def test_a_rating_word_first_then_the_lead_and_date_in_brackets() -> None:
    document = docx.Document()
    document.add_paragraph("Subject: APP update")
    document.add_paragraph("RAG: GREEN on track, AMBER at risk, RED off track.")
    for line in [
        "AMBER – 1.1 Publish a plain guide to assessment (Lead: Hana Cole, Local Offer "
        "Manager; due 31 Jan 2026)",
        "GREEN – 1.2 Hold drop-in sessions in every family hub (Lead: Hana Cole, Local Offer "
        "Manager; due end of March 2026)",
    ]:
        document.add_paragraph(line, style="List Bullet")
    result = parsed_file(saved(document), "update.docx")
    assert len(all_actions(result.document)) == 2
    assert action(result.document, "1.2")["title"] == ("Hold drop-in sessions in every family hub")
    assert action(result.document, "1.1")["due"] == "2026-01-31"


# sentence-fields


_WE_WILL = (
    "Our plan\n"
    "\n"
    "1. Families find help\n"
    "\n"
    "We will answer calls to the SEND line within two days. Priya Nair, Local Offer Manager, "
    "will lead this. We will do this by January 2026.\n"
    "Where we are now: Green. Calls are answered in a day.\n"
    "\n"
    "We will give every family a named caseworker. Gemma Lowe, Head of Casework, will lead "
    "this. We will do this by the end of March 2026.\n"
    "Where we are now: Amber. Two posts are still to fill.\n"
)


def test_who_leads_and_by_when_written_as_sentences_after_the_words() -> None:
    result = parsed_file(_WE_WILL.encode(), "plan.txt")
    found = {a["title"]: a for a in all_actions(result.document)}
    calls = found["We will answer calls to the SEND line within two days."]
    caseworker = found["We will give every family a named caseworker."]
    assert (calls["due"], caseworker["due"]) == ("2026-01", "2026-03")
    assert calls["lead_text"] == "Priya Nair, Local Offer Manager"
    assert [a["updates"][0]["status"] for a in (calls, caseworker)] == ["G", "A"]
    read = segment.sentence_fields(read_text(_WE_WILL))
    assert any(rules.SENTENCE_FIELDS.code in block.read_by for block in read)


def test_this_will_be_led_by_names_the_lead() -> None:
    text = (
        "Our plan, January 2026\n"
        "\n"
        "We will open a SEND drop-in at each family hub. This will be led by Tom Osei, Early "
        "Help Manager. We expect to finish it by April 2026.\n"
        "\n"
        "We will write a guide on support without an EHC plan. This will be led by Nadia Khan, "
        "Head of Inclusion. We expect to finish it by March 2026.\n"
    )
    result = parsed_file(text.encode(), "plan.txt")
    found = {a["title"]: a for a in all_actions(result.document)}
    hub = found["We will open a SEND drop-in at each family hub."]
    assert (hub["lead_text"], hub["due"]) == ("Tom Osei, Early Help Manager", "2026-04")
    assert len(found) == 2


# label-above-value


_SUMMARY_LIST = (
    "Our SEND plan\n"
    "Last updated 10 December 2025\n"
    "\n"
    "Priority 1: Assessment on time\n"
    "\n"
    "1.1 Recruit two more educational psychologists\n"
    "Lead\n"
    "Mark Eden, Principal Educational Psychologist\n"
    "Due\n"
    "April 2026\n"
    "Status\n"
    "On track\n"
    "\n"
    "1.2 Send draft plans to families within 14 weeks\n"
    "Lead\n"
    "Nicola Shaw, Head of SEN Assessment\n"
    "Due\n"
    "June 2026\n"
    "Status\n"
    "At risk\n"
)


def test_a_summary_list_each_label_over_its_value() -> None:
    result = parsed_file(_SUMMARY_LIST.encode(), "plan.txt")
    first, second = action(result.document, "1.1"), action(result.document, "1.2")
    assert (first["due"], second["due"]) == ("2026-04", "2026-06")
    assert second["lead_text"] == "Nicola Shaw, Head of SEN Assessment"
    assert [a["updates"][0]["status"] for a in (first, second)] == ["On track", "At risk"]
    read = segment.labels_above_values(read_text(_SUMMARY_LIST))
    assert any(rules.LABEL_ABOVE_VALUE.code in block.read_by for block in read)


def test_labels_stacked_one_over_another_are_no_fields() -> None:
    blocks = read_text("Lead\nDue\nStatus\nLead\nDue\nStatus\n")
    assert segment.labels_above_values(blocks) == blocks


# action-number-over-words


_NUMBER_OVER_WORDS = (
    "Priority Action Plan\n"
    "\n"
    "Priority 1 - Enough specialist places\n"
    "\n"
    "Action 1.1\n"
    "Open a resource base in two secondary schools\n"
    "\n"
    "Who is responsible\n"
    "Grace Hill (SEND Sufficiency Lead)\n"
    "\n"
    "Target date\n"
    "September 2026\n"
    "\n"
    "Action 1.2\n"
    "Expand the special school by thirty places\n"
    "\n"
    "Who is responsible\n"
    "Grace Hill (SEND Sufficiency Lead)\n"
    "\n"
    "Target date\n"
    "September 2027\n"
)


def test_an_action_number_on_its_own_line_over_the_words() -> None:
    result = parsed_file(_NUMBER_OVER_WORDS.encode(), "pap.txt")
    assert action(result.document, "1.1")["title"] == (
        "Open a resource base in two secondary schools"
    )
    assert action(result.document, "1.2")["due"] == "2027-09"
    assert len(all_actions(result.document)) == 2
    read = segment.numbered_heads_as_refs(
        segment.labels_above_values(read_text(_NUMBER_OVER_WORDS))
    )
    assert any(rules.ACTION_NUMBER_OVER_WORDS.code in block.read_by for block in read)


# Words of a post: "Analyst"


def test_a_name_then_a_post_ending_in_analyst() -> None:
    document = docx.Document()
    document.add_paragraph("SEND plan")
    table = document.add_table(rows=3, cols=4)
    for r, cells in enumerate([
        ["Ref", "Action", "Lead", "Due"],
        ["1.1", "Build a shared SEND dashboard", "Marie Walsh, SEND Data Analyst", "Apr 2026"],
        ["1.2", "Report the dashboard each quarter", "Marie Walsh, SEND Data Analyst",
         "Jun 2026"],
    ]):  # fmt: skip
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    result = parsed_file(saved(document), "plan.docx")
    people = result.document["plan"]["people"]
    assert [(p.get("name"), p.get("role")) for p in people] == [
        ("Marie Walsh", "SEND Data Analyst")
    ]
