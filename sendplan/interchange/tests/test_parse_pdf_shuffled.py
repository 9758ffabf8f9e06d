"""The same plan printed to PDF differently reads the same (tests/pdf_shuffled.py): floors on
a subset of the dev cells, and one test for each rule written from them."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from sendplan.interchange.parsers import parse_file_inprocess, rules
from sendplan.interchange.parsers.blocks import Heading, Table
from sendplan.interchange.tests import pdf_shuffled
from sendplan.interchange.tests.pdf_shuffled import Cell, Grid, Page, Text

Doc = dict[str, Any]

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def _read(page: Page) -> Any:
    return parse_file_inprocess(pdf_shuffled.printed(page), "plan.pdf")


def _actions(result: Any) -> list[Doc]:
    return [a for s in result.document["plan"]["sections"] for a in _all(s)]


def _all(section: Doc) -> list[Doc]:
    found = list(section.get("actions", []))
    for child in section.get("sections", []):
        found += _all(child)
    return found


def _read_by(result: Any) -> set[str]:
    return {
        code
        for block in result.source.blocks
        if isinstance(block, Table | Heading)
        for code in block.read_by
    }


def _grid(rows: list[list[str]], *, fills: dict[tuple[int, int], str] | None = None) -> Grid:
    fills = fills or {}
    return Grid(
        [
            [Cell(text.split("\n"), fill=fills.get((r, c))) for c, text in enumerate(row)]
            for r, row in enumerate(rows)
        ]
    )


_ROWS = [
    ["Ref", "Action", "Lead", "Due"],
    ["1.1", "Publish the revised local offer pages", "Head of SEND", "31/03/2026"],
    ["1.2", "Train every school's SENCO in the new toolkit", "Inclusion Manager", "31/07/2026"],
    ["1.3", "Report waiting times to each board meeting", "Head of SEND", "30/09/2026"],
    ["2.1", "Open the second specialist resource base", "Commissioning Lead", "31/01/2027"],
]


# ---------------------------------------------------------------------------------------------
# Floors on dev cells (plan and transformation both on the dev side)

_FLOOR_BASES = ("real/lancashire-commissioning-plan-2024", "unseen/thornley-wsoa.docx")
_FLOOR_SHUFFLES = (
    "pdf_landscape_a3",
    "pdf_running_header_footer",
    "pdf_horizontal_rules",
    "pdf_zebra_rows",
    "pdf_heading_shaded",
    "pdf_small_font",
    "pdf_cover_contents",
    "pdf_ratings_coloured",
)


def test_dev_cells_of_the_subset_hold() -> None:
    bases = tuple(b for b in pdf_shuffled.all_bases() if b.name in _FLOOR_BASES)
    shuffles = tuple(s for s in pdf_shuffled.SHUFFLES if s.name in _FLOOR_SHUFFLES)
    assert len(bases) == 2 and len(shuffles) == 8
    assert not any(b.blind for b in bases) and not any(s.blind for s in shuffles)
    failing = [
        (base.name, shuffle.name, pdf_shuffled.fallen(base, shuffle))
        for base, shuffle in pdf_shuffled.cells(bases, shuffles)
        if pdf_shuffled.fallen(base, shuffle)
    ]
    assert failing == []
    # The plain prints are read whole, so the cells test something.
    assert [pdf_shuffled.base_score(b).actions for b in bases] == [8, 5]


def test_the_blind_half_is_fixed_by_a_hash() -> None:
    assert not pdf_shuffled.blind("pdf_horizontal_rules")
    assert pdf_shuffled.blind("pdf_no_rules")
    assert 10 <= sum(s.blind for s in pdf_shuffled.SHUFFLES) <= 20


# ---------------------------------------------------------------------------------------------
# One test for each rule


def test_a_key_line_over_a_table_without_column_rules_leaves_the_table_whole() -> None:
    page = Page(
        [
            Text("h1", "Improvement plan"),
            Text("p", "Key: G = on track; A = some slippage; R = not on track"),
            _grid(_ROWS),
        ],
        css=["td, th { border: none; border-bottom: 0.5pt solid #000; padding: 3pt 6pt 3pt 0 }"],
    )
    result = _read(page)
    actions = _actions(result)
    assert [a.get("ref") for a in actions] == ["1.1", "1.2", "1.3", "2.1"]
    assert actions[1]["title"] == "Train every school's SENCO in the new toolkit"
    assert actions[1]["lead_text"] == "Inclusion Manager"
    assert rules.UNRULED_UNDER_LINE.code in _read_by(result)


def test_a_table_without_rules_keeps_its_words_whole_at_the_columns_edge() -> None:
    rows = [
        ["Ref", "Action", "Lead", "Due"],
        ["1", "Agree the joint protocol with health partners", "Portfolio holder", "March 2026"],
        ["2", "Publish the annual report on the local offer", "AB", "June 2026"],
        ["3", "Review the panel's terms of reference", "CD", "July 2026"],
    ]
    page = Page(
        [_grid(rows)],
        css=[
            "table { table-layout: fixed; width: 15cm; }"
            "td, th { border: none; padding: 3pt 10pt 5pt 0; }"
            "th:nth-child(1) { width: 1cm; } th:nth-child(2) { width: 8cm; }"
            "th:nth-child(3) { width: 1.6cm; } th:nth-child(4) { width: 3cm; }"
        ],
    )
    result = _read(page)
    actions = _actions(result)
    assert [a.get("ref") for a in actions] == ["1", "2", "3"]
    assert actions[0]["lead_text"] == "Portfolio holder"
    assert rules.UNRULED_WORD_BREAKS.code in _read_by(result)


def test_words_in_a_ruled_tables_frame_with_no_column_rules_go_to_their_columns() -> None:
    rows = [[*_ROWS[0], "Status"]] + [[*row, "On track"] for row in _ROWS[1:]]
    fills = {(0, c): "D9E2F3" for c in range(5)} | {(r, 4): "FFE699" for r in range(1, 5)}
    page = Page(
        [Text("h1", "Commissioning plan"), _grid(rows, fills=fills)],
        css=[
            "td, th { border: none; border-top: 0.5pt solid #000; border-bottom: 0.5pt solid #000 }"
        ],
    )
    result = _read(page)
    actions = _actions(result)
    assert [a.get("ref") for a in actions] == ["1.1", "1.2", "1.3", "2.1"]
    assert [a.get("lead_text") for a in actions] == [
        "Head of SEND",
        "Inclusion Manager",
        "Head of SEND",
        "Commissioning Lead",
    ]
    assert actions[3]["title"] == "Open the second specialist resource base"
    assert rules.HOLES_FILLED.code in _read_by(result)


_LONG = (
    "Bring together information on progress in each locality in one place online so that "
    "families and their advocates can see it, rate the services they use, tell us what is "
    "missing and compare one area with another"
)


_INTRO = [
    Text(
        "p",
        "This strategy was written with adults with autism, their families and carers, and "
        "the services that support them. It sets out what each partner will do over the next "
        "two years, and how the partnership board will follow the work and report on it.",
    )
] * 3


def test_a_long_heading_on_a_wide_page_stays_one_heading() -> None:
    blocks: list[Text | Grid] = [Text("h1", "Autism strategy: actions"), *_INTRO]
    for number, words in enumerate(("Publish the guidance", _LONG, "Review the strategy"), 1):
        blocks += [
            Text("h3", f"{number}. {words}."),
            _grid([["Lead", "Timescale"], ["Strategy team", "By end of March 2026"]]),
        ]
    page = Page(blocks, css=["@page { size: A3 landscape; }"])
    result = _read(page)
    titles = [a["title"] for a in _actions(result)]
    assert titles == ["Publish the guidance.", f"{_LONG}.", "Review the strategy."]
    assert [a.get("due_text") for a in _actions(result)] == ["By end of March 2026"] * 3
    assert rules.HEADING_WRAPPED_WIDE.code in _read_by(result)


def test_a_contents_page_opens_no_action_when_the_words_are_read_as_text() -> None:
    headings = [
        "Publish the guidance for schools.",
        "Advertise for new members of the board.",
        "Review the strategy with families.",
    ]
    blocks: list[Text | Grid] = [Text("h1", "Autism strategy: actions")]
    for number, words in enumerate(headings, 1):
        blocks += [
            Text("h3", f"{number}. {words}"),
            _grid([["Lead", "Timescale"], ["Strategy team", "By end of March 2026"]]),
        ]
    page = pdf_shuffled.pdf_cover_contents(Page(blocks))
    result = _read(page)
    titles = [a["title"] for a in _actions(result)]
    assert titles == headings
    assert all(a.get("lead_text") == "Strategy team" for a in _actions(result))
    assert rules.CONTENTS_LEFT_OUT.code in {item.code for item in result.report}


@pytest.mark.parametrize("name", [s.name for s in pdf_shuffled.SHUFFLES])
def test_every_transformation_keeps_the_plans_words(name: str) -> None:
    """A transformation changes how the page looks, never what the table says (bar bullets
    and letters it adds on purpose): its HTML still holds every cell's words."""
    shuffle = next(s for s in pdf_shuffled.SHUFFLES if s.name == name)
    page = Page([Text("h1", "Plan"), _grid(_ROWS)])
    html = pdf_shuffled._escaped(shuffle.change(page))
    for row in _ROWS[1:]:
        for text in row:
            assert text.replace("'", "&#x27;") in html


_RULES_ONLY = "td, th { border: none; border-bottom: 0.5pt solid #000; padding: 3pt 6pt 3pt 0 }"


def _cell(base_name: str, shuffle_name: str) -> tuple[Any, Any]:
    """A dev cell's plain print and its transformed print, as read."""
    base = next(b for b in pdf_shuffled.all_bases() if b.name == base_name)
    shuffle = next(s for s in pdf_shuffled.SHUFFLES if s.name == shuffle_name)
    assert not base.blind and not shuffle.blind
    return _read(base.page()), _read(shuffle.change(base.page()))


def _fields(result: Any, *names: str) -> list[tuple[Any, ...]]:
    return [tuple(a.get(name) for name in names) for a in _actions(result)]


def test_rules_under_rows_part_rows_and_a_body_under_shaded_headings_is_read_under_them() -> None:
    # Headings shaded, a band shaded, then rows of narrow columns of long text with only a
    # rule under each: the rules part the rows, and the rows are read under the headings.
    plain, ruled = _cell("real/worcestershire-virtual-school-plan-2016", "pdf_horizontal_rules")
    assert len(_actions(plain)) == 3
    assert _fields(ruled, "title", "lead_text") == _fields(plain, "title", "lead_text")
    assert [s["title"] for s in ruled.document["plan"]["sections"]] == [
        s["title"] for s in plain.document["plan"]["sections"]
    ]
    assert {rules.UNRULED_ROWS_RULED.code, rules.BODY_UNDER_HEADINGS.code} <= _read_by(ruled)


def test_headings_over_two_lines_above_the_first_rule_are_one_row() -> None:
    plain, ruled = _cell("unseen/wexcombe-pap.docx", "pdf_horizontal_rules")
    assert len(_actions(plain)) == 3
    assert _fields(ruled, "ref", "title", "lead_text", "due_text") == _fields(
        plain, "ref", "title", "lead_text", "due_text"
    )
    assert rules.UNRULED_ROWS_RULED.code in _read_by(ruled)


def test_a_band_with_a_ref_across_a_table_without_column_rules_does_not_end_it() -> None:
    plain, ruled = _cell("unseen/kingsford-strategy.docx", "pdf_horizontal_rules")
    assert len(_actions(plain)) == 5
    assert _fields(ruled, "ref", "title", "lead_text") == _fields(
        plain, "ref", "title", "lead_text"
    )
    assert rules.UNRULED_BAND_WITH_REF.code in _read_by(ruled)


def page_shaded_ratings() -> Page:
    ratings = ("On track", "At risk", "Not started", "Complete")
    rows = [[*_ROWS[0], "RAG"]] + [[*row, r] for row, r in zip(_ROWS[1:], ratings, strict=True)]
    fills = {(1, 4): "00B050", (2, 4): "FFC000", (4, 4): "0070C0"}
    return Page([Text("h1", "Partnership plan"), _grid(rows, fills=fills)], css=[_RULES_ONLY])


def test_a_column_of_shaded_ratings_stays_in_its_table() -> None:
    result = _read(page_shaded_ratings())
    actions = _actions(result)
    assert [a.get("ref") for a in actions] == ["1.1", "1.2", "1.3", "2.1"]
    assert actions[3]["title"] == "Open the second specialist resource base"
    assert [bool(a.get("updates")) for a in actions] == [True] * 4
    assert rules.SHADED_COLUMN.code in _read_by(result)


def test_lines_under_two_shaded_headings_are_their_rows() -> None:
    # "Lead | Timescale" shaded over one line ruled underneath, under each action's heading.
    plain, ruled = _cell("real/dh-think-autism-actions-2014", "pdf_horizontal_rules")
    assert len(_actions(plain)) == 12
    assert _fields(ruled, "title", "lead_text", "due_text") == _fields(
        plain, "title", "lead_text", "due_text"
    )
    assert rules.TWO_COLUMNS_UNDER_HEADINGS.code in _read_by(ruled)


def test_a_rule_broken_by_a_merged_cell_still_parts_its_rows() -> None:
    # An action over two rows of success criteria and dates, its cells merged down: the rule
    # between the two rows stops at them, and still parts the rows (the first date is due).
    plain, ruled = _cell("unseen/kingsford-strategy.docx", "pdf_horizontal_rules")
    assert _fields(ruled, "ref", "due_text") == _fields(plain, "ref", "due_text")
    assert ("2.1.1", "Sept 2024") in _fields(ruled, "ref", "due_text")
