"""Watermarks and hyphenation drawn in new ways leave a PDF plan reading the same
(tests/pdf_marks.py): floors on dev cells, and a test for each rule written from them."""

from __future__ import annotations

import io
import logging
import re
from typing import Any

import pdfplumber

from sendplan.interchange.parsers import parse_file_inprocess, rules
from sendplan.interchange.parsers.blocks import Table
from sendplan.interchange.tests import pdf_marks, pdf_shuffled, report_codes, report_messages
from sendplan.interchange.tests.pdf_shuffled import Cell, Grid, Page, Text

Doc = dict[str, Any]

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

_FLOOR_BASES = ("real/stockport-improvement-2021", "unseen/quayside-wsoa.docx")
_FLOOR_MARKS = (
    "marks_official_diagonal",
    "marks_upright_banner",
    "marks_margin_stamp",
    "marks_stamp_over_table",
    "marks_hyphenated_justified",
)


def test_dev_cells_of_the_subset_hold() -> None:
    bases = tuple(b for b in pdf_shuffled.all_bases() if b.name in _FLOOR_BASES)
    marks = tuple(m for m in pdf_marks.MARKS if m.name in _FLOOR_MARKS)
    assert len(bases) == 2 and len(marks) == 5
    assert not any(b.blind for b in bases)
    failing = [
        (base.name, mark.name, pdf_marks.fallen(base, mark))
        for base, mark in pdf_marks.cells(bases)
        if mark in marks and pdf_marks.fallen(base, mark)
    ]
    assert failing == []
    # The plain prints are read whole, so the cells test something.
    assert all(pdf_shuffled.base_score(b).actions >= 3 for b in bases)


_ROWS = [
    ["Ref", "Action", "Lead", "Due"],
    ["1.1", "Commission an independent review of transport arrangements", "Head of SEND",
     "31/03/2026"],
    ["1.2", "Strengthen communication with parents about assessments", "Inclusion Manager",
     "31/07/2026"],
    ["1.3", "Report waiting times to each partnership board meeting", "Head of SEND",
     "30/09/2026"],
]  # fmt: skip


def _page(*css: str, before: str = "") -> Page:
    grid = Grid([[Cell([text]) for text in row] for row in _ROWS])
    page = Page([Text("h1", "Improvement plan"), grid], css=list(css))
    if before:
        page.before.append(before)
    return page


def _read(page: Page) -> Any:
    return parse_file_inprocess(pdf_shuffled.printed(page), "plan.pdf")


def _actions(result: Any) -> list[Doc]:
    return [a for s in result.document["plan"]["sections"] for a in s.get("actions", [])]


def test_a_faint_slanted_watermark_is_left_out_and_said_so() -> None:
    mark = (
        "<div style='position: fixed; top: 6cm; left: 2cm; font-size: 100pt; color: #d8d8d8;"
        " transform: rotate(-35deg); z-index: -1'>DRAFT</div>"
    )
    result = _read(_page(before=mark))
    actions = _actions(result)
    assert [a["ref"] for a in actions] == ["1.1", "1.2", "1.3"]
    assert actions[1]["title"] == "Strengthen communication with parents about assessments"
    assert [a["lead_text"] for a in actions] == [
        "Head of SEND",
        "Inclusion Manager",
        "Head of SEND",
    ]
    assert "DRAFT" not in str(result.document)
    assert report_messages(result, rules.PDF_MARKS) == [
        "Left out the words of a watermark or stamp drawn across page(s) 1: they are not "
        "part of the plan."
    ]


def test_small_dark_slanted_headings_and_a_large_dark_title_are_kept() -> None:
    # An Excel sheet's narrow columns often have their headings turned 45 degrees; a plan's
    # title is large; neither is a watermark.
    page = _page(
        "h1 { font-size: 40pt; color: #1d1d1b; }"
        "th:nth-child(4) { transform: rotate(-40deg); font-size: 8pt; color: #222; }"
    )
    result = _read(page)
    assert result.document["plan"]["title"] == "Improvement plan"
    assert [a["due"] for a in _actions(result)] == ["2026-03-31", "2026-07-31", "2026-09-30"]
    assert rules.PDF_MARKS.code not in report_codes(result)


def test_a_word_hyphenated_at_a_lines_end_is_whole_again() -> None:
    page = _page(
        "td, th { hyphens: auto; }",
        "table { table-layout: fixed; width: 11cm; }"
        "th:nth-child(1) { width: 1.2cm } th:nth-child(2) { width: 3.2cm }"
        "th:nth-child(3) { width: 3cm } th:nth-child(4) { width: 3.6cm }",
    )
    result = _read(page)
    titles = [a["title"] for a in _actions(result)]
    assert titles == [row[1] for row in _ROWS[1:]]
    assert [a["lead_text"] for a in _actions(result)][1] == "Inclusion Manager"
    tables = [b for b in result.source.blocks if isinstance(b, Table)]
    assert any(rules.HYPHENATED_WORDS.code in t.read_by for t in tables)


def test_a_typed_hyphen_at_a_lines_end_stays_in_its_word() -> None:
    rows = [row[:] for row in _ROWS]
    rows[2][1] = "Agree a well-being offer with the parent carer forum"
    page = Page(
        [Text("h1", "Improvement plan"), Grid([[Cell([t]) for t in row] for row in rows])],
        css=[
            "table { table-layout: fixed; width: 11cm; }"
            "th:nth-child(1) { width: 1.2cm } th:nth-child(2) { width: 2.9cm }"
            "th:nth-child(3) { width: 3.3cm } th:nth-child(4) { width: 3.6cm }"
        ],
    )
    printed = pdf_shuffled.printed(page)
    # The hyphen does end a line of the cell ...
    with pdfplumber.open(io.BytesIO(printed)) as pdf:
        assert re.search(r"well-[^\n]*\nbeing", pdf.pages[0].extract_text())
    result = parse_file_inprocess(printed, "plan.pdf")
    # ... and stays in its word.
    titles = [a["title"] for a in _actions(result)]
    assert titles[1] == "Agree a well-being offer with the parent carer forum"
