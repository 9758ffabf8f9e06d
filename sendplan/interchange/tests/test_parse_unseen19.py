"""Plans the importer had never seen (round unseen19): the dev half read as a careful person
would, the blind half held at what it reached without being studied, and one test per rule
the round added: both lead columns of an APP, and a tracker's revised date. The plans are in
unseen19.py and unseen19_second.py; bench/parse_unseen19.py prints the table;
corpus/real/UNSEEN19.md the figures."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from sendplan.interchange.parsers import rules
from sendplan.interchange.tests import (
    action,
    assert_valid_plan,
    parsed_file,
    report_codes,
    saved,
    word_table,
)
from sendplan.interchange.tests.unseen19 import BLIND, CORPUS, DEV, Unseen19, figures, parsed
from sendplan.interchange.tests.unseen19_second import SECOND, SECOND_BLIND, SECOND_DEV

# Every key figure of a dev plan: what a user notices first (actions, refs, titles, leads,
# due dates, status cells).
DEV_FLOOR = 1.0
# The blind half is counted, never studied: its totals may not fall below what this round
# left them at.
BLIND_FLOORS = {
    "actions found": 27,
    "refs": 27,
    "titles": 27,
    "leads": 26,
    "due dates": 27,
    # 17 as round unseen19 left it; 30 since round status20's period-band; 35 since round
    # unseen28's narrowing of report-date-period (a plan's date of agreement dates no ratings).
    # Those rules were written from their own rounds' dev plans, never from these.
    "status cells": 35,
}


# The second set, written after the first set's rules: its blind half as it first read.
SECOND_BLIND_FLOORS = {
    "actions found": 17,
    "refs": 17,
    "titles": 17,
    "leads": 15,
    "due dates": 17,
    "status cells": 34,
}


@pytest.mark.parametrize("plan", DEV + SECOND_DEV, ids=[p.name for p in DEV + SECOND_DEV])
def test_each_dev_plan_reads_as_entered_by_hand(plan: Unseen19) -> None:
    short = [
        f"{what}: {same}/{total}"
        for what, same, total in figures(plan)
        if total and same / total < DEV_FLOOR
    ]
    assert not short, f"{plan.name} reads below its floors: {', '.join(short)}"


@pytest.mark.parametrize(
    ("plans", "floors"),
    [(BLIND, BLIND_FLOORS), (SECOND_BLIND, SECOND_BLIND_FLOORS)],
    ids=["first set", "second set"],
)
def test_the_blind_half_keeps_its_totals(
    plans: tuple[Unseen19, ...], floors: dict[str, int]
) -> None:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in figures(plan):
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in floors.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"the blind half fell: {fallen}"


@pytest.mark.parametrize("plan", CORPUS + SECOND, ids=[p.name for p in CORPUS + SECOND])
def test_each_plan_gives_a_valid_document(plan: Unseen19) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_spreads_over_every_format_and_halves_by_hash() -> None:
    kinds = [plan.filename.rsplit(".", 1)[1] for plan in CORPUS]
    assert sorted(set(kinds)) == ["docx", "pdf", "txt", "xlsx"]
    assert all(kinds.count(kind) == 4 for kind in set(kinds))
    assert {plan.name for plan in BLIND} == {
        "Ashcombe WSoA", "Elstow WSoA", "Fordham APP", "Ivybridge tracker", "Kirkby PAP"
    }  # fmt: skip


# leads-in-each-column


def _app_rows() -> list[list[str]]:
    return [
        ["Ref", "Action", "Accountable lead", "Responsible officer", "End"],
        ["1.1", "Publish the sufficiency plan.", "Director of Education", "Head of SEND",
         "Mar 2026"],
        ["1.2", "Audit twenty plans a month.", "Head of SEND", "Head of SEND", "Ongoing"],
    ]  # fmt: skip


def test_an_accountable_lead_and_a_responsible_officer_are_both_leads() -> None:
    document = docx.Document()
    word_table(document, _app_rows())
    result = parsed_file(saved(document), "app.docx")
    first = action(result.document, "1.1")
    assert first["lead_text"] == "Director of Education / Head of SEND"
    assert len(first["leads"]) == 2
    # A person named in both columns leads once.
    second = action(result.document, "1.2")
    assert second["lead_text"] == "Head of SEND" and len(second["leads"]) == 1
    columns = {c.heading: c for t in result.tables for c in t.columns}
    assert columns["Responsible officer"].rule == rules.LEADS_IN_EACH_COLUMN.code


def test_a_lead_agency_beside_the_lead_officer_is_still_no_lead() -> None:
    document = docx.Document()
    word_table(document, [
        ["Ref", "Action", "Lead agency", "Lead officer", "Due"],
        ["1.1", "Publish the sufficiency plan.", "Council", "Head of SEND", "Mar 2026"],
    ])  # fmt: skip
    found = action(parsed_file(saved(document), "plan.docx").document, "1.1")
    assert found["lead_text"] == "Head of SEND"


# revised-due


def test_a_revised_date_where_filled_is_the_due_date() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Owner", "Target date", "Revised date", "RAG"])
    sheet.append(["1.1", "Clear the backlog of annual reviews.", "Lena Hart", "30/09/2025",
                  "31/01/2026", "A"])  # fmt: skip
    sheet.append(["1.2", "Launch the online request form.", "Omar Bashir", "30/11/2025", "",
                  "G"])  # fmt: skip
    result = parsed_file(saved(book), "tracker.xlsx")
    moved = action(result.document, "1.1")
    assert (moved["due"], moved["due_text"]) == ("2026-01-31", "31/01/2026")
    kept = action(result.document, "1.2")
    assert (kept["due"], kept["due_text"]) == ("2025-11-30", "30/11/2025")
    assert rules.REVISED_DUE.code in report_codes(result)


def test_a_revised_date_in_pasted_text_is_the_due_date() -> None:
    text = (
        "Ref\tAction\tLead\tDue date\tRevised deadline\tStatus\n"
        "2.1\tBring paediatric waits under 18 weeks.\tTariq Nadeem\t31/12/2025\t30/06/2026\tRed\n"
        "2.2\tName a therapies contact for each school.\tTariq Nadeem\t31/10/2025\t\tGreen\n"
    )
    result = parsed_file(text.encode(), "tracker.txt")
    assert action(result.document, "2.1")["due"] == "2026-06-30"
    assert action(result.document, "2.2")["due"] == "2025-10-31"
