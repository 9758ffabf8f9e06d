"""Round leftovers28: four things earlier rounds left misread, as invented plans.

The dev half of leftovers28.py is held at what the round reached, the blind half at what it
reads without being studied, and each rule the round added has a test of what a user would
notice, on files the tests make in words of their own. bench/parse_leftovers28.py prints the
table; corpus/real/LEFTOVERS28.md the figures."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from sendplan.interchange.parsers import ParseResult, rules
from sendplan.interchange.tests import all_actions, assert_valid_plan, parsed_file, saved
from sendplan.interchange.tests.leftovers28 import (
    BLIND,
    CORPUS,
    DEV,
    Leftover28,
    _barred,
    _scaled,
    figures,
    parsed,
    strict_word,
)
from sendplan.interchange.tests.unseen19 import _shade, _table

# Totals of each half: neither may fall below what this round left it at.
DEV_FLOORS = {
    "actions found": 37,
    "refs": 37,
    "titles": 37,
    "leads": 37,
    "due dates": 37,
    "status cells": 36,
}
BLIND_FLOORS = {
    "actions found": 32,
    "refs": 32,
    "titles": 32,
    "leads": 32,
    "due dates": 32,
    "status cells": 35,
}


@pytest.mark.parametrize(("plans", "floors"), [(DEV, DEV_FLOORS), (BLIND, BLIND_FLOORS)],
                         ids=["dev half", "blind half"])  # fmt: skip
def test_each_half_keeps_its_totals(plans: tuple[Leftover28, ...], floors: dict[str, int]) -> None:
    totals: dict[str, int] = {}
    for plan in plans:
        for what, same, _ in figures(plan):
            totals[what] = totals.get(what, 0) + same
    fallen = {what: totals.get(what, 0) for what, floor in floors.items()
              if totals.get(what, 0) < floor}  # fmt: skip
    assert not fallen, f"fell below the floors: {fallen}"


@pytest.mark.parametrize("plan", DEV, ids=[p.name for p in DEV])
def test_each_dev_plan_gives_a_valid_document(plan: Leftover28) -> None:
    assert_valid_plan({"format": "sendplan.plan/1", "plan": parsed(plan)})


def test_the_corpus_has_four_plans_of_each_leftover_and_halves_by_hash() -> None:
    assert sorted(plan.leftover for plan in CORPUS) == [1] * 6 + [2] * 4 + [3] * 4 + [4] * 2
    assert {plan.name for plan in BLIND} == {
        "Ashdown WSoA", "Dunholme PAP", "Eskdale plan", "Lydford tracker", "Marden APP",
        "Netherby tracker", "Pevensey WSoA", "Quenington APP",
    }  # fmt: skip


def _codes(result: ParseResult) -> set[str]:
    return {item.code for item in result.report}


def _book(rows: list[list[object]], title: str = "Tracker") -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return book


# caption-over-table

_HEADS: list[object] = ["Ref", "Action", "Owner", "Due", "RAG"]
_CAPTIONED: list[list[object]] = [
    ["Thornbury SEND action plan"],
    [],
    ["Table 1: Early help"],
    _HEADS,
    ["1.1", "Open a SEND advice desk in each family hub.", "Head of Early Help", "Jan 2026", "G"],
    ["1.2", "Train hub staff to spot speech delay.", "Head of Early Help", "March 2026", "A"],
    ["Table 2: Travel to school"],
    _HEADS,
    ["2.1", "Offer travel training to every Year 10 with a plan.", "Travel Lead", "July 2026", "R"],
]


def test_a_caption_over_the_next_tables_headings_names_its_part_not_the_last_action() -> None:
    result = parsed_file(saved(_book(_CAPTIONED)), "thornbury.xlsx")
    sections = result.document["plan"]["sections"]
    assert [(s.get("ref"), s["title"]) for s in sections] == [
        ("1", "Early help"),
        ("2", "Travel to school"),
    ]
    assert sections[0]["actions"][-1]["title"] == "Train hub staff to spot speech delay."
    assert [a["ref"] for a in sections[1]["actions"]] == ["2.1"]
    assert rules.CAPTION_OVER_TABLE.code in _codes(result)


def test_a_line_over_a_table_of_indicators_is_not_added_to_the_last_action() -> None:
    rows: list[list[object]] = [
        *_CAPTIONED[3:6],
        ["How we will know"],
        ["Indicator", "Baseline", "Target"],
        ["EHC plans issued within 20 weeks", "41%", "60%"],
    ]
    result = parsed_file(saved(_book(rows)), "thornbury-kpis.xlsx")
    titles = [a["title"] for a in all_actions(result.document)]
    assert titles == [
        "Open a SEND advice desk in each family hub.",
        "Train hub staff to spot speech delay.",
    ]


def test_a_caption_pasted_as_text_reads_the_same() -> None:
    lines = ["\t".join(str(cell) for cell in row) for row in _CAPTIONED]
    result = parsed_file("\n".join(lines).encode(), "thornbury.txt")
    sections = result.document["plan"]["sections"]
    assert [(s.get("ref"), s["title"]) for s in sections] == [
        ("1", "Early help"),
        ("2", "Travel to school"),
    ]
    assert all_actions(result.document)[1]["title"] == "Train hub staff to spot speech delay."


def test_a_caption_paragraph_over_each_word_table_names_its_part() -> None:
    document = docx.Document()
    document.add_heading("Thornbury SEND action plan", level=0)
    for caption, rows in (("Table 1: Early help", _CAPTIONED[4:6]),
                          ("Table 2: Travel to school", _CAPTIONED[8:9])):  # fmt: skip
        document.add_paragraph(caption)
        _table(document, [[str(cell) for cell in row] for row in [_HEADS, *rows]])
    result = parsed_file(saved(document), "thornbury.docx")
    sections = result.document["plan"]["sections"]
    assert [(s.get("ref"), s["title"], len(s["actions"])) for s in sections] == [
        ("1", "Early help", 2),
        ("2", "Travel to school", 1),
    ]


def test_a_caption_under_a_heading_that_named_the_part_opens_no_second_part() -> None:
    rows: list[list[object]] = [["Priority 1: Early help"], *_CAPTIONED[2:6]]
    result = parsed_file(saved(_book(rows)), "thornbury-priority.xlsx")
    sections = result.document["plan"]["sections"]
    assert [(s.get("ref"), s["title"]) for s in sections] == [("1", "Early help")]
    assert sections[0]["level"] == "Priority"


# rating-words-beside-colours


def test_a_progress_column_of_colours_and_key_words_reads_every_rating() -> None:
    text = "\n".join(
        [
            "Wrexford SEND plan: progress",
            "RAG: Blue = complete; Green = on track; Amber = some delay; Red = off track",
            "",
            "Ref\tAction\tLead\tDue\tProgress November 2025",
            "1\tPublish the Local Offer in easy read.\tHead of SEND\tDec 2025\tComplete",
            "2\tRecruit a second autism outreach team.\tHead of Inclusion\tApril 2026\tOn track",
            "3\tAgree a therapy pathway with the ICB.\tDCO\tFeb 2026\tAmber - contract late",
            "4\tCut waits for EHC assessments.\tHead of SEND\tMarch 2026\tRed",
        ]
    )
    result = parsed_file(text.encode(), "wrexford.txt")
    ratings = [a["updates"][0].get("status") for a in all_actions(result.document)]
    assert ratings == ["B", "G", "A", "R"]
    assert rules.RATING_WORDS_BESIDE_COLOURS.code in _codes(result)


def test_a_sentence_beside_colours_stays_a_narrative() -> None:
    text = "\n".join(
        [
            "Ref\tAction\tLead\tDue\tProgress November 2025",
            "1\tPublish the Local Offer in easy read.\tHead of SEND\tDec 2025\tGreen - drafted",
            "2\tRecruit an autism outreach team.\tHead of Inclusion\tApril 2026\tAdvert is out",
            "3\tCut waits for EHC assessments.\tHead of SEND\tMarch 2026\tRed",
        ]
    )
    result = parsed_file(text.encode(), "wrexford-notes.txt")
    second = all_actions(result.document)[1]["updates"][0]
    assert "status" not in second
    assert second["narrative"] == "Advert is out"


# xlsx-lookups-computed


def _looked_up_book(formula: str, lead: str) -> bytes:
    book = _book([["Ref", "Action", "Owner code", "Owner", "Due", "Code", "Status"]])
    sheet = book.active
    people = {"HS": "Head of SEND", "HI": "Head of Inclusion"}
    for n, (who, code) in enumerate((("HS", "G"), ("HI", "R"), ("HS", "C")), start=2):
        sheet.append(
            [f"{n - 1}", f"Action number {n - 1} of the tracker, written out.", who,
             lead.format(r=n), "Dec 2025", code, formula.format(r=n)]
        )  # fmt: skip
    sheet.column_dimensions["C"].hidden = True
    sheet.column_dimensions["F"].hidden = True
    officers = book.create_sheet("Officers")
    for row in [("Code", "Officer"), *people.items()]:
        officers.append(list(row))
    key = book.create_sheet("Key")
    for row in [("Code", "Status"), ("C", "Complete"), ("G", "On track"), ("R", "Off track")]:
        key.append(list(row))
    if "KeyAcross" in formula:  # the same key laid out across, for HLOOKUP
        across = book.create_sheet("KeyAcross")
        across.append(["C", "G", "R"])
        across.append(["Complete", "On track", "Off track"])
    return saved(book)


@pytest.mark.parametrize(
    ("status", "lead"),
    [
        ("=VLOOKUP(F{r},Key!$A$2:$B$4,2,FALSE)", "=VLOOKUP(C{r},Officers!A:B,2,0)"),
        (
            "=INDEX(Key!$B$2:$B$4,MATCH(F{r},Key!$A$2:$A$4,0))",
            "=INDEX(Officers!$B$2:$B$3,MATCH(C{r},Officers!$A$2:$A$3,0))",
        ),
        (
            '=XLOOKUP(F{r},Key!A2:A4,Key!B2:B4,"")',
            '=IFERROR(VLOOKUP(C{r},Officers!A:B,2,FALSE),"")',
        ),
        ("=HLOOKUP(F{r},KeyAcross!$A$1:$C$2,2,FALSE)", "=VLOOKUP(C{r},Officers!A:B,2,0)"),
    ],
    ids=["vlookup", "index-match", "xlookup", "hlookup"],
)
def test_lookups_saved_without_values_read_as_excel_shows_them(status: str, lead: str) -> None:
    result = parsed_file(_looked_up_book(status, lead), "lookups.xlsx")
    actions = all_actions(result.document)
    assert [a.get("lead_text") for a in actions] == ["Head of SEND", "Head of Inclusion",
                                                      "Head of SEND"]  # fmt: skip
    statuses = [a["updates"][0]["status"] for a in actions]
    labels = {s["code"]: s["label"].lower() for s in result.document["plan"]["status_scale"]}
    assert [labels.get(code, code.lower()) for code in statuses] == [
        "on track",
        "off track",
        "complete",
    ]
    assert rules.XLSX_LOOKUPS_COMPUTED.code in _codes(result)


def test_an_approximate_lookup_over_keys_out_of_order_is_not_guessed() -> None:
    # Excel searches an approximate match's keys by halves, so its answer over the officers'
    # codes as they stand (HS before HI) is not what the keys say.
    result = parsed_file(
        _looked_up_book("=VLOOKUP(F{r},Key!$A$2:$B$4,2)", "=VLOOKUP(C{r},Officers!A:B,2)"),
        "approximate.xlsx",
    )
    actions = all_actions(result.document)
    assert not any(a.get("lead_text") for a in actions)
    assert any("could not be worked out" in item.message for item in result.report)
    # The key's codes are in order (C, G, R), so the same lookup of the ratings is read.
    labels = {s["code"]: s["label"].lower() for s in result.document["plan"]["status_scale"]}
    statuses = [labels.get(a["updates"][0]["status"], "") for a in actions]
    assert statuses == ["on track", "off track", "complete"]


PER_CENT_DONE = (0.95, 0.2, 0.6, 1.0)


def _banded_book(formula: str) -> bytes:
    """A tracker whose rating is looked up from a hidden per cent complete on a sheet of bands,
    each band's lowest per cent beside its rating, with nothing computed saved."""
    book = _book([["Ref", "Action", "Owner", "Due", "Done", "Status"]])
    sheet = book.active
    for n, done in enumerate(PER_CENT_DONE, start=2):
        sheet.append(
            [f"{n - 1}", f"Action number {n - 1} of the tracker, written out.", "Head of SEND",
             "Dec 2025", done, formula.format(r=n)]
        )  # fmt: skip
    sheet.column_dimensions["E"].hidden = True
    bands = book.create_sheet("Bands")
    for row in [("From", "Rating"), (0, "Off track"), (0.5, "On track"), (1, "Complete")]:
        bands.append(list(row))
    return saved(book)


@pytest.mark.parametrize(
    "formula",
    [
        "=VLOOKUP(E{r},Bands!$A$2:$B$4,2,TRUE)",
        "=VLOOKUP(E{r},Bands!A:B,2)",
        "=INDEX(Bands!$B$2:$B$4,MATCH(E{r},Bands!$A$2:$A$4))",
        '=XLOOKUP(E{r},Bands!A2:A4,Bands!B2:B4,"",-1)',
    ],
    ids=["vlookup-true", "vlookup-whole-columns", "index-match", "xlookup-next-smaller"],
)
def test_a_rating_banded_from_a_per_cent_reads_as_excel_shows_it(formula: str) -> None:
    result = parsed_file(_banded_book(formula), "banded.xlsx")
    labels = {s["code"]: s["label"].lower() for s in result.document["plan"]["status_scale"]}
    statuses = [labels.get(a["updates"][0]["status"], "") for a in all_actions(result.document)]
    assert statuses == ["on track", "off track", "on track", "complete"]
    assert rules.XLSX_LOOKUPS_COMPUTED.code in _codes(result)


@pytest.mark.parametrize(
    "formula",
    [
        "=INDEX(Down!$B$1:$B$3,MATCH(E{r},Down!$A$1:$A$3,-1))",
        '=XLOOKUP(E{r},Down!A1:A3,Down!B1:B3,"",1)',
    ],
    ids=["match-downwards", "xlookup-next-larger"],
)
def test_a_band_found_by_its_top_is_the_nearest_at_or_above(formula: str) -> None:
    # Bands written from the top down, each beside the highest per cent it takes.
    downwards = _banded_book(formula)
    book = openpyxl.load_workbook(io.BytesIO(downwards))
    down = book.create_sheet("Down")
    for row in [(1, "Complete"), (0.6, "On track"), (0, "Off track")]:
        down.append(list(row))
    result = parsed_file(saved(book), "downwards.xlsx")
    labels = {s["code"]: s["label"].lower() for s in result.document["plan"]["status_scale"]}
    statuses = [labels.get(a["updates"][0]["status"], "") for a in all_actions(result.document)]
    # The smallest band's top at or above each: 0.95 -> 1, 0.2 -> 0.6, 0.6 -> 0.6, 1 -> 1.
    assert statuses == ["complete", "on track", "on track", "complete"]


# Colour scales and data bars (xlsx-rule-colours)


def test_a_colour_scale_over_a_hidden_rating_number_reads_as_its_colour() -> None:
    book = _book([["Ref", "Action", "Owner", "Due", "Done", "RAG"]])
    sheet = book.active
    for n, (done, score) in enumerate(((0.8, 3), (0.2, 1), (0.5, 2)), start=1):
        sheet.append([str(n), f"Deliver part {n} of the inclusion plan.", "Head of Inclusion",
                      "Dec 2025", done, score])  # fmt: skip
        sheet.cell(n + 1, 5).number_format = "0%"
        sheet.cell(n + 1, 6).number_format = ";;;"
    _barred(sheet, "E", 2, 4)
    _scaled(sheet, "F", 2, 4)
    result = parsed_file(saved(book), "scaled.xlsx")
    colours = {s["code"]: s.get("colour") for s in result.document["plan"]["status_scale"]}
    shown = [colours[a["updates"][0]["status"]] for a in all_actions(result.document)]
    assert shown == ["green", "red", "amber"]


def test_a_data_bar_on_a_per_cent_complete_is_no_rating() -> None:
    book = _book([["Ref", "Action", "Owner", "Due", "% complete"]])
    sheet = book.active
    for n, done in enumerate((0.8, 0.2, 0.5), start=1):
        sheet.append([str(n), f"Deliver part {n} of the inclusion plan.", "Head of Inclusion",
                      "Dec 2025", done])  # fmt: skip
    _barred(sheet, "E", 2, 4)
    result = parsed_file(saved(book), "barred.xlsx")
    assert all(
        not any(u.get("status") for u in a.get("updates", [])) for a in all_actions(result.document)
    )


# docx-strict


def test_a_word_document_saved_as_strict_reads_as_the_ordinary_one() -> None:
    document = docx.Document()
    document.add_heading("Harwell SEND plan", level=0)
    document.add_heading("Priority 1: Early help", level=1)
    table = _table(document, [
        ["Ref", "Action", "Lead", "Due", "RAG"],
        ["1.1", "Open two family hubs for SEND advice.", "Head of Early Help", "Jan 2026", ""],
        ["1.2", "Train hub staff in autism awareness.", "Head of Early Help", "March 2026",
         "Green"],
    ])  # fmt: skip
    _shade(table.cell(1, 4), "FFC000")
    ordinary = parsed_file(saved(document), "harwell.docx")
    strict = parsed_file(strict_word(saved(document)), "harwell-strict.docx")
    assert strict.document["plan"]["sections"] == ordinary.document["plan"]["sections"]
    assert [a["updates"][0]["status"] for a in all_actions(strict.document)] == ["A", "G"]
    assert rules.DOCX_STRICT.code in _codes(strict)
    assert rules.DOCX_STRICT.code not in _codes(ordinary)
