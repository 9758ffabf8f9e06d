"""Word and Excel plans printed to PDF by an office suite (round officepdf28): each dev file
read at least as well as this round left it, the blind half held at its totals without being
studied, and what the round's rules read on two dev files, trackers printed from Excel without
gridlines. The files are in fixtures/officepdf28/ (officepdf28.py says how they were
made); bench/parse_officepdf28.py prints the table; corpus/real/OFFICEPDF28.md the figures."""

from __future__ import annotations

import pytest

from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.blocks import Table
from sendplan.interchange.parsers.readers import pdf_aligned
from sendplan.interchange.parsers.readers.pdf_reader import read_pdf
from sendplan.interchange.tests import action, all_actions, assert_valid_plan, parsed_file
from sendplan.interchange.tests.officepdf28 import (
    BLIND,
    CORPUS,
    DEV,
    EXCEL_AS_LEFT,
    EXCEL_FITTED,
    WORD,
    Printed,
    figures,
    parsed,
)

# What each dev file reads as the hand-entered plan says, at least: actions found, refs,
# titles, leads, due dates, status cells (the figures of bench/parse_officepdf28.py). Many
# Excel prints are far from whole yet (OFFICEPDF28.md says why): these are floors, not goals.
DEV_FLOORS = {
    "unseen19-greywell-pap.pdf": (5, 5, 5, 5, 5, 5),
    "unseen19-hexley-plan.pdf": (6, 6, 6, 6, 6, 6),
    "unseen19-jarrow-app-fitted.pdf": (5, 5, 5, 5, 5, 13),
    "unseen19-lydford-plan.pdf": (5, 5, 2, 5, 5, 5),
    "unseen19-lydford-plan-fitted.pdf": (5, 5, 2, 5, 5, 5),
    "status20-fenwick-wsoa.pdf": (4, 4, 4, 4, 4, 8),
    "status20-galloway-pap.pdf": (4, 4, 3, 4, 4, 4),
    "status20-kestrel-tracker.pdf": (3, 3, 3, 0, 0, 0),
    "status20-kestrel-tracker-fitted.pdf": (3, 3, 3, 3, 3, 6),
    "status20-millbrook-tracker.pdf": (0, 0, 0, 0, 0, 0),
    "status20-northwold-app.pdf": (4, 4, 4, 0, 1, 0),
    "unseen28-wexcombe-app.pdf": (4, 4, 4, 4, 4, 4),
    "leftovers28-brackley-tracker.pdf": (0, 0, 0, 0, 0, 0),
    "leftovers28-brackley-tracker-fitted.pdf": (5, 5, 5, 5, 5, 5),
    "unseen-office-northbridge-app.pdf": (6, 6, 4, 6, 5, 12),
    "unseen-office-eastmoor-pap.pdf": (6, 6, 6, 6, 0, 17),
    "unseen-office-eastmoor-pap-fitted.pdf": (6, 6, 6, 6, 0, 17),
    "unseen-office-westfold-wsoa.pdf": (5, 5, 3, 4, 2, 0),
    "unseen-office-southvale-tracker.pdf": (5, 5, 0, 0, 0, 0),
    "unseen-office-southvale-tracker-fitted.pdf": (5, 5, 0, 3, 5, 7),
    "unseen-office-ashby-wsoa.pdf": (5, 5, 3, 5, 5, 14),
    "unseen-office-greyhurst-tracker.pdf": (5, 5, 4, 0, 1, 5),
    "unseen-office-fenmoor-tracker.pdf": (0, 0, 0, 0, 0, 0),
    "unseen-office-pennock-tracker.pdf": (0, 0, 0, 0, 0, 0),
    "unseen-office-pennock-tracker-fitted.pdf": (4, 4, 4, 4, 0, 12),
    "unseen-office-marlow-vale-app.pdf": (4, 4, 4, 4, 4, 2),
    "unseen-office-tarnbridge-tracker.pdf": (4, 4, 0, 4, 4, 0),
    # One title and lead fewer than before round 36's close columns, which parted its
    # priority column from its refs: its last two rows are read as one (the priority's name,
    # merged down the rows, set its last line within the next row's first), and that row's
    # two refs in one cell are no ref, so its action was run on from the row above.
    "unseen-office-tarnbridge-tracker-fitted.pdf": (2, 2, 1, 1, 2, 0),
    "unseen-office-hollinsway-tracker.pdf": (4, 4, 4, 4, 3, 0),
    "unseen-office-hollinsway-tracker-fitted.pdf": (4, 4, 4, 4, 3, 0),
    "unseen-office-ravensmoor-app.pdf": (2, 2, 2, 2, 2, 2),
    "unseen-office-thornley-wsoa.pdf": (5, 5, 4, 5, 5, 5),
    "unseen-office-brackenfield-plan.pdf": (5, 5, 5, 5, 3, 2),
    "unseen-office-lindenfield-tracker.pdf": (0, 0, 0, 0, 0, 0),
}
# The blind half is counted, never studied: its totals may not fall below what this round
# left them at (before the round: 97 found, 93 refs, 79 titles, 77 leads, 75 due dates, 61
# status cells), raised to what later rounds, `unruled-top-and-foot` and round 36's
# `unruled-close-column` and `shaded-not-ruled` left them at.
BLIND_FLOORS = {
    "actions found": 121,
    "refs": 121,
    "titles": 110,
    "leads": 111,
    "due dates": 103,
    "status cells": 113,
}


@pytest.mark.parametrize("plan", DEV, ids=[p.name for p in DEV])
def test_each_dev_file_reads_at_least_as_this_round_left_it(plan: Printed) -> None:
    found = figures(plan)
    short = [
        f"{what}: {same} < {floor}"
        for (what, same, _), floor in zip(found, DEV_FLOORS[plan.filename], strict=True)
        if same < floor
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
def test_each_file_gives_a_valid_document(plan: Printed) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_is_the_dev_office_files_printed_three_ways_and_halved_by_hash() -> None:
    assert len(CORPUS) == 63
    ways = [plan.printed for plan in CORPUS]
    assert {way: ways.count(way) for way in set(ways)} == {
        WORD: 23, EXCEL_AS_LEFT: 20, EXCEL_FITTED: 20
    }  # fmt: skip
    assert (len(DEV), len(BLIND)) == (34, 29)
    # Each file scores against the plan its source corpus enters by hand.
    assert all(plan.reference()["sections"] for plan in CORPUS)


def _kestrel() -> Printed:
    return next(p for p in DEV if p.filename == "status20-kestrel-tracker-fitted.pdf")


def test_a_sheet_printed_without_gridlines_keeps_its_sections_and_quarter_ratings() -> None:
    """A tracker printed from Excel: no rules, a "RAG 2025/26" heading over the quarter
    columns only, a workstream's name run across the table, each quarter's rating a coloured
    box with no word in it."""
    plan = _kestrel()
    result = parsed_file(plan.build(), plan.filename)
    document = result.document
    # The workstream's name is a section of its own, not part of the "Ref" heading.
    assert [section["title"] for section in document["plan"]["sections"]] == [
        "Identification and assessment"
    ]
    assert [a["ref"] for a in all_actions(document)] == ["1.1", "1.2", "1.3"]
    # The heading over the quarters names the periods; each coloured box is that quarter's
    # rating.
    first = action(document, "1.1")
    assert first["title"] == "Bring EHC needs assessments within 20 weeks."
    assert [(u["period"], u["status"]) for u in first["updates"]] == [
        ("Q1 2025/26", "R"), ("Q2 2025/26", "A")
    ]  # fmt: skip
    assert [(u["period"], u["status"]) for u in action(document, "1.2")["updates"]] == [
        ("Q1 2025/26", "G"), ("Q2 2025/26", "B")
    ]  # fmt: skip


def test_the_rules_that_read_it_are_named() -> None:
    plan = _kestrel()

    tables = [block for block in read_pdf(plan.build()) if isinstance(block, Table)]
    codes = {code for table in tables for code in table.read_by}
    assert {
        rules.UNRULED_BAND_HEADING.code, rules.UNRULED_SECTION_ROW.code, rules.SHADED_BAND.code
    } <= codes  # fmt: skip


def test_rows_of_small_type_parted_by_little_more_than_a_cells_lines_stay_apart() -> None:
    """Three small tables printed from one sheet in small type: one-line rows 4 points apart, a
    wrapped title's lines 2 points. Each action is a row of its own, with its own lead, date
    and rating, and the wrapped title is one title."""
    plan = next(p for p in DEV if p.filename == "leftovers28-brackley-tracker-fitted.pdf")
    result = parsed_file(plan.build(), plan.filename)
    document = result.document
    assert [section["title"] for section in document["plan"]["sections"]] == [
        "Inclusion in mainstream schools", "Preparing for adulthood", "Short breaks"
    ]  # fmt: skip
    assert [(a["ref"], a["due"], a["updates"][0]["status"]) for a in all_actions(document)] == [
        ("1.1", "2025-11", "G"), ("1.2", "2026-07", "A"), ("2.1", "2026-09", "A"),
        ("3.1", "2026-03", "R"), ("3.2", "2026-01", "G"),
    ]  # fmt: skip
    assert action(document, "2.1")["title"] == (
        "Offer a supported internship to every Year 13 leaver with a plan."
    )
    tables = [block for block in read_pdf(plan.build()) if isinstance(block, Table)]
    assert rules.UNRULED_ROWS_TIGHT.code in {code for t in tables for code in t.read_by}


# Round 36's two rules for sheets printed small: a column that a long cell runs almost up to
# (unruled-close-column), and a table the page draws only as shaded boxes (shaded-not-ruled).


def _close_pieces(lines: list[list[tuple[float, str]]]) -> list[pdf_aligned.Piece]:
    """Words of a sheet printed in 5-point type: each letter 2.5 points wide, a cell's words
    a space (1.25 points) apart."""
    out = []
    for number, line in enumerate(lines):
        top = 100.0 + number * 8.0
        for x, text in line:
            for word in text.split():
                out.append(pdf_aligned.Piece(x, x + len(word) * 2.5, top, top + 5.0, 5.0, number))
                x += len(word) * 2.5 + 1.25
    return out


def test_a_column_a_long_cell_runs_almost_up_to_still_starts_where_its_words_do() -> None:
    """One action ends 1.5 points before the lead column, less than a gutter (2.25 points in
    5-point type); the leads start at one place on every other line, a gutter after their
    actions."""
    lines = [
        [(50.0, "Ref"), (70.0, "Action"), (165.25, "Lead"), (200.0, "Due")],
        [(50.0, "1.1"), (70.0, "Agree the plan"), (165.25, "Amy"), (200.0, "May")],
        [(50.0, "1.2"), (70.0, "Publish it"), (165.25, "Ben"), (200.0, "June")],
        [(50.0, "1.3"), (70.0, "Audit twenty plans with health partners."), (165.25, "Amy"),
         (200.0, "July")],
    ]  # fmt: skip
    grids = pdf_aligned.find(_close_pieces(lines), [])
    assert len(grids) == 1
    assert [round(x) for x in grids[0].xs] == [50, 70, 165, 200]
    assert rules.UNRULED_CLOSE_COLUMN.code in grids[0].read_by
    assert grids[0].close == (165.25,)


def test_a_word_after_a_name_repeated_down_a_column_starts_no_column() -> None:
    """ "Eastmoor Council" on every line of a contacts table: the second word starts at one
    place each time, a space after the first, and is no column of its own."""
    lines = [
        [(50.0, "Name"), (100.0, "Post"), (160.0, "Organisation")],
        [(50.0, "Amy"), (100.0, "Head"), (160.0, "Eastmoor Council")],
        [(50.0, "Ben"), (100.0, "Manager"), (160.0, "Eastmoor Council")],
        [(50.0, "Dev"), (100.0, "Director"), (160.0, "Eastmoor ICB")],
    ]  # fmt: skip
    grids = pdf_aligned.find(_close_pieces(lines), [])
    assert len(grids) == 1
    assert [round(x) for x in grids[0].xs] == [50, 100, 160]
    assert grids[0].close == ()


def test_a_priority_set_across_the_columns_keeps_its_words_together() -> None:
    """ "Priority 2: Health" across the table: "Priority" ends 1.5 points before the actions'
    column, and "2:" follows it closer than a gutter but just past where the actions start.
    The strip between is no column's edge: the line is one run, a section's name."""
    lines = [
        [(50.0, "Ref"), (72.0, "Action"), (165.25, "Lead"), (200.0, "Due")],
        [(50.0, "1.1"), (72.0, "Agree the plan"), (165.25, "Amy"), (200.0, "May")],
        [(50.0, "1.2"), (72.0, "Publish it"), (165.25, "Ben"), (200.0, "June")],
        [(50.0, "1.3"), (72.0, "Audit it"), (165.25, "Amy"), (200.0, "July")],
        [(50.5, "Priority"), (72.6, "2:"), (78.85, "Health")],
        [(50.0, "2.1"), (72.0, "Map the waits"), (165.25, "Dev"), (200.0, "May")],
        [(50.0, "2.2"), (72.0, "Cut them"), (165.25, "Dev"), (200.0, "June")],
    ]  # fmt: skip
    grids = pdf_aligned.find(_close_pieces(lines), [])
    assert len(grids) == 1
    assert [round(x) for x in grids[0].xs] == [50, 72, 165, 200]
    assert grids[0].close == ()
    assert rules.UNRULED_SECTION_ROW.code in grids[0].read_by


def test_a_long_action_against_the_lead_column_keeps_its_lead() -> None:
    """Jarrow's APP printed fitted, in 5-point type: "Audit 20 plans a month with health and
    care colleagues." ends 1.7 points before "Amy Lowe". The action's lead was read into its
    title, and the "Action" and "Accountable lead" headings into one column."""
    plan = _dev28("unseen19-jarrow-app-fitted.pdf")
    document = parsed_file(plan.build(), plan.filename).document
    audit = action(document, "P1.3")
    assert audit["title"] == "Audit 20 plans a month with health and care colleagues."
    assert audit["leads"][:1] == ["amy-lowe"]
    tables = [block for block in read_pdf(plan.build()) if isinstance(block, Table)]
    assert rules.UNRULED_CLOSE_COLUMN.code in {code for t in tables for code in t.read_by}


def test_a_table_drawn_only_as_shaded_boxes_is_read_as_a_table_without_rules() -> None:
    """Southvale's tracker printed fitted: no line drawn, only the heading row filled blue
    and each quarter's rating cell filled in its colour. The boxes made a table of three
    columns, every other column's words were run into one cell, and no action was found."""
    plan = _dev28("unseen-office-southvale-tracker-fitted.pdf")
    document = parsed_file(plan.build(), plan.filename).document
    assert [(a["ref"], a.get("due_text")) for a in all_actions(document)] == [
        ("P1.1", "Q3 2024/25"), ("P1.2", "End of March 2025"), ("P1.3", "Autumn 2024"),
        ("P2.1", "31/01/2025"), ("P2.2", "Q4 2024/25"),
    ]  # fmt: skip
    assert action(document, "P2.1")["leads"] == ["laura-binns"]
    # The ratings are the colours of the boxes, each quarter's its own.
    assert [u["status"] for u in action(document, "P1.2")["updates"]] == ["A", "A"]
    tables = [block for block in read_pdf(plan.build()) if isinstance(block, Table)]
    assert rules.SHADED_NOT_RULED.code in {code for t in tables for code in t.read_by}


def _dev28(filename: str) -> Printed:
    return next(p for p in DEV if p.filename == filename)
