"""A spreadsheet printed to PDF without gridlines, its long words set at the top of tall rows
and its ref, lead, date and rating at their foot (rule `unruled-top-and-foot`): each action
keeps its own words. A table set wholly at the top, whose long words wrap onto the lines
below, keeps them with the row they wrap from."""

from __future__ import annotations

import weasyprint

from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.blocks import Table
from sendplan.interchange.parsers.readers.pdf_reader import read_pdf
from sendplan.interchange.tests import all_actions, parsed_file

_ROWS = [
    ("A1", "Publish a short breaks statement written with families", "Ruth Penrose", "Mar 2026",
     "Amber"),
    ("A2", "Recruit two educational psychologists", "Sam Iqbal", "Jan 2026", "Green"),
    ("A3", "Agree a joint commissioning strategy with the ICB", "Sam Iqbal", "Apr 2026", "Red"),
    ("A4", "Move annual review paperwork online", "Lena Ford", "Dec 2025", "Green"),
]  # fmt: skip


def _printed(css: str, *, tall: bool) -> bytes:
    body = "<h1>Bellfield SEND tracker</h1><table><tr>" + "".join(
        f"<th>{h}</th>" for h in ("Ref", "Action", "Lead", "Due", "RAG")
    ) + "</tr>"  # fmt: skip
    for number, (ref, title, lead, due, rag) in enumerate(_ROWS):
        shape = "tall" if tall and number % 2 == 0 else ""
        body += (
            f"<tr class='{shape}'><td>{ref}</td><td class='long'>{title}</td><td>{lead}</td>"
            f"<td>{due}</td><td>{rag}</td></tr>"
        )
    style = (
        "body{font-family:sans-serif;font-size:10pt} table{border-collapse:collapse;width:100%}"
        " td,th{border:none;padding:2pt 4pt;text-align:left} tr.tall td{height:34pt}" + css
    )
    html = f"<html><head><style>{style}</style></head><body>{body}</table></body></html>"
    return bytes(weasyprint.HTML(string=html).write_pdf())


def _titles(data: bytes) -> dict[str, str]:
    result = parsed_file(data, "tracker.pdf")
    return {a["ref"]: a["title"] for a in all_actions(result.document)}


def test_words_at_the_top_of_a_tall_row_are_that_rows_not_the_row_above() -> None:
    # Before: A2's title ran on into A3's ("Recruit two educational psychologists Agree a
    # joint commissioning …") and A3 had no words: A3's title stands above A3's ref, level
    # with nothing of its own.
    data = _printed("td,th{vertical-align:bottom} td.long{vertical-align:top}", tall=True)
    assert _titles(data) == {ref: title for ref, title, *_ in _ROWS}
    [table] = [block for block in read_pdf(data) if isinstance(block, Table)]
    assert rules.UNRULED_TOP_AND_FOOT.code in table.read_by


def test_words_wrapped_onto_the_lines_below_stay_with_their_row() -> None:
    data = _printed("td,th{vertical-align:top} td.long{width:35%}", tall=False)
    assert _titles(data) == {ref: title for ref, title, *_ in _ROWS}
    [table] = [block for block in read_pdf(data) if isinstance(block, Table)]
    assert rules.UNRULED_TOP_AND_FOOT.code not in table.read_by
