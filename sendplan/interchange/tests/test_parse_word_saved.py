"""Word files as councils save them read as the plain file does (tests/word_saved.py).

The first tests are an invented plan, in other words than the bench's plans, saved the way
Word saves what the bench found misread: words typed with tracking on (tracked insertions,
in body paragraphs as well as cells), a row moved or deleted with tracking on, hidden text,
a text box drawn in a cell (written twice by Word), rows and cells wrapped in custom XML,
rows dragged off the table's grid line (`w:gridBefore`/`w:gridAfter`), and a council's own
heading style based on Word's. The floors then hold the bench's matrix on a subset that runs
in modest time: the dev invented plans of `unseen_office` against the dev transformations.
"""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from sendplan.interchange.tests import all_actions, parsed_file, saved, word_saved

Found = list[tuple[str | None, str, str | None, str | None, list[str]]]


def _plan() -> Any:
    document = docx.Document()
    document.add_heading("Written statement of action 2025 to 2027", level=1)
    document.add_heading("Priority 2: Transition to adulthood", level=2)
    table = document.add_table(rows=1, cols=5)
    for c, text in enumerate(("Ref", "What we will do", "Who", "By when", "RAG")):
        table.cell(0, c).text = text
    for n in range(4):
        values = (
            f"2.{n + 1}",
            f"Agree a preparing-for-adulthood pathway with college {n + 1}",
            "Transitions Manager",
            "30 September 2026",
            ("Green", "Amber")[n % 2],
        )
        row = table.add_row().cells
        for c, text in enumerate(values):
            row[c].text = text
    return document


def _read(data: bytes) -> Found:
    return [
        (
            a.get("ref"),
            a["title"],
            a.get("lead_text"),
            a.get("due"),
            [u.get("status", "") for u in a.get("updates", [])],
        )
        for a in all_actions(parsed_file(data, "plan.docx").document)
    ]


def _sections(data: bytes) -> list[str]:
    """The titles of the plan's sections (the priorities' headings)."""
    plan = parsed_file(data, "plan.docx").document["plan"]
    return [section.get("title", "") for section in plan["sections"]]


def _tracked(tag: str) -> Any:
    element = OxmlElement(tag)
    element.set(qn("w:id"), "41")
    element.set(qn("w:author"), "SEND Officer")
    return element


def _wrap(p: Any, wrapper: Any) -> None:
    runs = list(p.iterchildren(qn("w:r")))
    if runs:
        runs[0].addprevious(wrapper)
        for r in runs:
            wrapper.append(r)


def test_words_typed_with_tracking_on_are_read_in_headings_and_cells() -> None:
    plain = _plan()
    document = _plan()
    for p in document.element.body.iter(qn("w:p")):
        _wrap(p, _tracked("w:ins"))
    data = saved(document)
    assert len(_read(saved(plain))) == 4
    assert _read(data) == _read(saved(plain))
    assert _sections(data) == _sections(saved(plain))


def test_rows_deleted_or_moved_away_with_tracking_on_are_not_read() -> None:
    document = _plan()
    tbl = document.tables[0]._tbl
    rows = tbl.tr_lst
    for source in (rows[1], rows[3]):
        gone = copy.deepcopy(source)
        for t in list(gone.iter(qn("w:t"))):
            t.tag = qn("w:delText")
        gone.get_or_add_trPr().append(_tracked("w:del"))
        rows[-1].addnext(gone)
    # A move: the old place keeps the words as w:t inside w:moveFrom.
    old = copy.deepcopy(rows[2])
    for p in old.iter(qn("w:p")):
        _wrap(p, _tracked("w:moveFrom"))
    old.get_or_add_trPr().append(_tracked("w:del"))
    rows[1].addprevious(old)
    assert _read(saved(document)) == _read(saved(_plan()))


def test_hidden_words_and_a_hidden_row_are_not_read() -> None:
    document = _plan()
    table = document.tables[0]
    for row in table.rows[1:]:
        run = row.cells[2].paragraphs[0].add_run(" (acting, until March)")
        run.font.hidden = True
    old = copy.deepcopy(table.rows[1]._tr)
    for r in old.iter(qn("w:r")):
        r.get_or_add_rPr().append(OxmlElement("w:vanish"))
    table._tbl.append(old)
    assert _read(saved(document)) == _read(saved(_plan()))


def test_a_text_box_drawn_in_a_cell_is_read_once() -> None:
    data = saved(_plan())
    boxed = word_saved.wd_text_box_in_cell(data)
    with zipfile.ZipFile(io.BytesIO(boxed)) as files:
        assert files.read("word/document.xml").count(b"<w:txbxContent") == 8
    assert [statuses for *_, statuses in _read(boxed)] == [["G"], ["A"], ["G"], ["A"]]
    assert _read(boxed) == _read(data)


def test_rows_and_cells_wrapped_in_custom_xml_are_read() -> None:
    data = saved(_plan())
    assert _read(word_saved.wd_custom_xml_rows(data)) == _read(data)


def test_rows_dragged_off_the_grid_line_keep_their_columns() -> None:
    data = saved(_plan())
    assert _read(word_saved.wd_grid_before_after(data)) == _read(data)


def test_a_house_heading_style_based_on_heading_1_is_a_heading() -> None:
    document = _plan()
    styles = document.styles
    own = styles.add_style("Priority Title", WD_STYLE_TYPE.PARAGRAPH)
    own.base_style = styles["Heading 2"]
    document.paragraphs[1].style = own
    assert _sections(saved(document)) == _sections(saved(_plan()))


# Floors on the bench's matrix: the dev invented plans against the dev transformations.

_PLANS = tuple(p for p in word_saved.plans() if p.name.startswith("unseen/") and not p.blind)
_SAVINGS = tuple(s for s in word_saved.SAVINGS if not s.blind)


@pytest.mark.parametrize("saving", _SAVINGS, ids=lambda s: s.name)
def test_dev_invented_plans_read_the_same_as_word_saves_them(
    saving: word_saved.Saving,
) -> None:
    failing = {plan.name: word_saved.fallen(plan, saving) for plan in _PLANS}
    assert {name: fell for name, fell in failing.items() if fell} == {}
