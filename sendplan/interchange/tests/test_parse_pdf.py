"""PDF plans made in the test with WeasyPrint (as a council's Word plan saved as PDF looks):
bordered tables over several pages with their heading rows repeated, merged and shaded cells,
plans written as text, scans, passwords, damage, and the child process."""

from __future__ import annotations

import base64
import io
from functools import cache
from typing import Any

import pypdf
import pytest
from pdfplumber import table as plumber_tables
from PIL import Image
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from sendplan.demo.pdf_files import html_pdf, table_html
from sendplan.interchange.parsers import (
    ParseError,
    parse_file,
    parse_file_inprocess,
    read_source,
    rules,
    safety,
)
from sendplan.interchange.parsers.blocks import Heading, Paragraph, Table
from sendplan.interchange.parsers.readers import pdf_reader
from sendplan.interchange.tests import action, all_actions, assert_valid_plan, report_messages

TITLE = "Westmoor SEND Improvement Plan"
KEY = "Blue: Completed Green: On track Amber: Some concerns Red: Off track"
SHADES = {"B": "#0070C0", "G": "#00B050", "A": "#FFC000", "R": "#FF0000"}
LONG = (
    "The partnership will make sure that every child and young person with special "
    "educational needs and disabilities is identified early, assessed on time and given the "
    "right support in school, at home and in the community."
)


def refused(data: bytes, filename: str = "plan.pdf") -> str:
    with pytest.raises(ParseError) as caught:
        parse_file_inprocess(data, filename)
    return str(caught.value)


def blocks_of(data: bytes) -> list[Heading | Paragraph | Table]:
    return read_source(data, "plan.pdf").blocks


def tables_of(data: bytes) -> list[Table]:
    return [block for block in blocks_of(data) if isinstance(block, Table)]


def texts_of(data: bytes) -> list[tuple[str, str]]:
    """The headings and paragraphs, in order: ("Heading", its text) and so on."""
    return [
        (type(block).__name__, block.text)
        for block in blocks_of(data)
        if isinstance(block, Heading | Paragraph)
    ]


def shaded(code: str) -> tuple[str, str]:
    """A rating cell given only by its colour."""
    return ("", f"style='background: {SHADES[code]}'")


# A bordered action table


@cache
def action_plan() -> bytes:
    heads = [[("Ref", 1), ("Action", 1), ("Responsible Officer", 1), ("Due date", 1)]]
    heads[0] += [("RAG", 1), ("Progress", 1)]
    rows = [
        ["1.1", "Publish the graduated approach for schools", "Head of SEND (Jo Green)",
         "31/03/2024", "Green", "Guide agreed with head teachers."],
        ["1.2", "Train every SENCo in the new assessment tools", "SENCo Lead (Jamal Bakr)",
         "September 2024", "Amber", "Two of five sessions held."],
        ["1.3", "Audit annual reviews with parents", "Head of SEND (Jo Green)",
         "Termly", "Red", ""],
    ]  # fmt: skip
    body = (
        f"<h1>{TITLE}</h1><p>March 2024</p><h2>Priority 1: Early identification</h2>"
        + table_html(heads, rows)
    )
    return html_pdf(body, running=TITLE)


def test_it_reads_a_bordered_action_table_into_actions() -> None:
    result = parse_file_inprocess(action_plan(), "westmoor.pdf")
    document = result.document
    assert_valid_plan(document)
    plan = document["plan"]
    assert plan["title"] == TITLE
    assert plan["issued_on"] == "2024-03"
    assert [(s["ref"], s["title"]) for s in plan["sections"]] == [("1", "Early identification")]
    assert [a["ref"] for a in all_actions(document)] == ["1.1", "1.2", "1.3"]
    guide = action(document, "1.1")
    assert guide["title"] == "Publish the graduated approach for schools"
    assert guide["lead_text"] == "Head of SEND (Jo Green)"
    assert guide["due"] == "2024-03-31"
    assert action(document, "1.2")["due"] == "2024-09"
    statuses = [a["updates"][0]["status"] for a in all_actions(document)]
    assert statuses == ["G", "A", "R"]


def test_it_keeps_words_apart_as_they_are_printed() -> None:
    heading_row = tables_of(action_plan())[0].rows[0]
    assert heading_row.cells[:4] == ["Ref", "Action", "Responsible Officer", "Due date"]


def test_it_says_which_page_and_row_a_problem_is_on() -> None:
    result = parse_file_inprocess(action_plan(), "westmoor.pdf")
    unread = [item for item in result.report if item.code == rules.DATE_UNREADABLE.code]
    assert [item.where for item in unread] == ["page 1, table 1 row 4"]


def test_it_joins_words_wrapped_in_a_cell_and_keeps_its_line_breaks() -> None:
    heads = [[("Ref", 1), ("Action", 1), ("Lead", 1), ("Measure of success", 1)]]
    title = (
        "Agree with every secondary school how pupils with SEND will be supported through "
        "the move from primary school, and publish it"
    )
    rows = [
        [
            "3.1",
            title,
            "Head of SEND\nDesignated Clinical Officer",
            "• Plan agreed\n• Plan published",
        ]
    ]
    css = "td:nth-child(2) { width: 25%; }"
    data = html_pdf(f"<h1>{TITLE}</h1>" + table_html(heads, rows), css=css)
    cells = tables_of(data)[0].rows[1].cells
    assert cells == [
        "3.1",
        title,
        "Head of SEND\nDesignated Clinical Officer",
        "• Plan agreed\n• Plan published",
    ]


def raw_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing `content` with the standard Helvetica font, written by hand so
    that the test decides exactly where each letter goes."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_it_splits_words_at_gaps_and_not_at_kerning() -> None:
    # No space is written in either line: the first sets its words a space's width apart,
    # the second moves "ible" a hair to the right of "Respons", as kerning does.
    content = (
        b"BT /F1 12 Tf 72 760 Td [(Responsible) -280 (Officer)] TJ ET\n"
        b"BT /F1 12 Tf 72 700 Td [(Respons) -30 (ible) -300 (Lead) 20 (s)] TJ ET"
    )
    texts = [text for _, text in texts_of(raw_pdf(content))]
    assert texts == ["Responsible Officer", "Responsible Leads"]


def ruled_table(rules: str) -> bytes:
    """A table of three rows drawn with its rules made the way `rules` says, its last cell
    shaded red (in CMYK, as print designers set it)."""
    xs, ys = [72, 150, 400, 520], [700, 680, 660, 640]
    drawn = []
    if rules == "thin filled boxes":
        drawn += [b"%.2f %d 0.5 %d re f" % (x - 0.25, ys[-1], ys[0] - ys[-1]) for x in xs]
        drawn += [b"%d %.2f %d 0.5 re f" % (xs[0], y - 0.25, xs[-1] - xs[0]) for y in ys]
    elif rules == "a box per cell":
        drawn += [
            b"%d %d %d %d re S" % (xs[c], ys[r + 1], xs[c + 1] - xs[c], ys[r] - ys[r + 1])
            for r in range(3)
            for c in range(3)
        ]
    else:
        lines = [b"%d %d m %d %d l" % (x, ys[-1], x, ys[0]) for x in xs]
        lines += [b"%d %d m %d %d l" % (xs[0], y, xs[-1], y) for y in ys]
        drawn.append(b" ".join(lines) + b" S")
    drawn.append(b"0 1 1 0 k 400.5 640.5 119 19 re f 0 g")
    texts = [
        ["Ref", "Action", "RAG"],
        ["1.1", "Train staff", "Green"],
        ["1.2", "Publish offer", ""],
    ]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            drawn.append(
                b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (xs[c] + 4, ys[r] - 14, text.encode())
            )
    return raw_pdf(b"\n".join(drawn))


@pytest.mark.parametrize("rules", ["thin filled boxes", "a box per cell", "one path of lines"])
def test_it_finds_a_table_however_its_rules_are_drawn(rules: str) -> None:
    rows = tables_of(ruled_table(rules))[0].rows
    assert [row.cells for row in rows] == [
        ["Ref", "Action", "RAG"],
        ["1.1", "Train staff", "Green"],
        ["1.2", "Publish offer", ""],
    ]
    assert rows[2].fills == ["", "", "red"]


def _rule(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "x0": x0, "top": top, "x1": x1, "bottom": bottom, "width": x1 - x0,
        "height": bottom - top, "orientation": "h" if bottom == top else "v",
    }  # fmt: skip


def test_it_finds_the_cells_pdfplumber_finds_among_the_rules() -> None:
    """Ruled cells are found by column and row of crossings, for speed; they must be the
    cells pdfplumber's own finder gives, in its order: merged across and down, a rule that
    stops short, a small box beside the table and a rule crossing no other."""
    xs, ys = [10, 60, 140, 200, 260], [10, 30, 50, 70, 90]
    rules = [_rule(xs[0], y, xs[-1], y) for y in ys]
    rules += [_rule(x, ys[0], x, ys[-1]) for x in (xs[0], xs[-1])]
    rules += [_rule(xs[1], ys[0], xs[1], ys[-1])]
    rules += [_rule(xs[2], ys[0], xs[2], ys[1]), _rule(xs[2], ys[2], xs[2], ys[-1])]
    rules += [_rule(xs[3], ys[0], xs[3], ys[3])]  # stops short of the foot: merged down
    rules += [_rule(300, 10, 340, 10), _rule(300, 30, 340, 30)]
    rules += [_rule(300, 10, 300, 30), _rule(340, 10, 340, 30), _rule(320, 40, 320, 90)]
    crossings = plumber_tables.edges_to_intersections(rules, 3, 3)
    cells = pdf_reader._cells_at(crossings)
    assert cells == plumber_tables.intersections_to_cells(crossings)
    assert (60.0, 30.0, 200.0, 50.0) in cells  # merged across
    assert (200.0, 70.0, 260.0, 90.0) not in cells and (140.0, 70.0, 260.0, 90.0) in cells
    assert (300.0, 10.0, 340.0, 30.0) in cells


# A table over three pages, its heading row repeated on each


@cache
def long_plan() -> bytes:
    heads = [[("Ref", 1), ("Action", 1), ("Lead", 1), ("Due date", 1), ("RAG", 1)]]
    rows = [
        [f"1.{n}", f"Deliver improvement {n} with schools and health partners across Westmoor",
         "Head of SEND (JG)", "March 2025", ["Green", "Amber", "Red"][n % 3]]
        for n in range(1, 76)
    ]  # fmt: skip
    body = f"<h1>{TITLE}</h1><h2>Theme 1: Early help</h2>" + table_html(heads, rows)
    return html_pdf(body, running=TITLE, css="th, td { padding: 5pt 4pt; }")


def test_it_reads_a_table_over_three_pages_as_one_with_each_action_once() -> None:
    data = long_plan()
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 3
    tables = tables_of(data)
    assert len(tables) == 1
    headings = [row for row in tables[0].rows if row.cells[0] == "Ref"]
    assert len(headings) == 1
    pages = {row.where.split(",")[0] for row in tables[0].rows}
    assert {"page 1", "page 2", "page 3"} <= pages
    document = parse_file_inprocess(data, "westmoor.pdf").document
    assert [a["ref"] for a in all_actions(document)] == [f"1.{n}" for n in range(1, 76)]


def test_it_reads_a_row_carried_over_to_the_next_page_as_one_action() -> None:
    heads = [[("Ref", 1), ("Action", 1), ("Lead", 1), ("Measure of success", 1)]]
    rows = [[f"2.{n}", f"Deliver improvement {n}", "Head of SEND", "Measure met"] for n in (1, 2)]
    measures = [f"Measure {n} met and reported to the partnership board" for n in range(1, 41)]
    rows[1][3] = "\n".join(measures)
    data = html_pdf(f"<h1>{TITLE}</h1>" + table_html(heads, rows))
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 2
    document = parse_file_inprocess(data, "westmoor.pdf").document
    assert [a["ref"] for a in all_actions(document)] == ["2.1", "2.2"]
    assert [m["text"] for m in action(document, "2.2")["measures"]] == measures


def test_it_reads_a_theme_merged_down_its_rows_over_a_page_break() -> None:
    heads = [[("Theme", 1), ("Ref", 1), ("Action", 1), ("Lead", 1), ("Due date", 1)]]
    rows: list[list[Any]] = []
    for theme, title, count in ((1, "Early help", 30), (2, "Preparing for adulthood", 30)):
        for n in range(1, count + 1):
            first = [(f"Theme {theme}: {title}", f"rowspan='{count}'")] if n == 1 else []
            rows.append(
                [*first, f"{theme}.{n}", f"Action {n} of theme {theme}", "SEND Lead", "2025"]
            )
    data = html_pdf(f"<h1>{TITLE}</h1>" + table_html(heads, rows), running=TITLE)
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 2
    sections = parse_file_inprocess(data, "westmoor.pdf").document["plan"]["sections"]
    assert [(s["ref"], s["title"]) for s in sections] == [
        ("1", "Early help"),
        ("2", "Preparing for adulthood"),
    ]
    assert [[a["ref"] for a in s["actions"]] for s in sections] == [
        [f"1.{n}" for n in range(1, 31)],
        [f"2.{n}" for n in range(1, 31)],
    ]


def test_it_leaves_out_page_numbers_and_running_headers() -> None:
    texts = [text for _, text in texts_of(long_plan())]
    assert texts == [TITLE, "Theme 1: Early help"]


# Merged and shaded cells


@cache
def merged_plan() -> bytes:
    heads = [[("Ref", 1), ("Action", 1), ("Lead", 1), ("Measure of success", 1)]]
    heads[0] += [("Due date", 1), ("Mar 24", 1), ("Jun 24", 1)]
    rows: list[list[Any]] = [
        [("Theme 1: Communication", "colspan='7'")],
        [("1.1", "rowspan='2'"), ("Publish a newsletter", "rowspan='2'"),
         ("Comms Lead (CH)", "rowspan='2'"), "Newsletter sent to schools",
         ("May 24", "rowspan='2'"), shaded("G"), shaded("A")],
        ["Families say it helps", shaded("G"), shaded("G")],
        [("Theme 2: Preparing for adulthood", "colspan='7'")],
        ["2.1", ("Publish the transitions handbook", "colspan='3'"), "Summer 2024",
         shaded("R"), shaded("B")],
    ]  # fmt: skip
    body = f"<h1>{TITLE}</h1><p>{KEY}</p>" + table_html(heads, rows)
    return html_pdf(body, running=TITLE)


def test_it_reads_merged_cells_as_a_word_table_gives_them() -> None:
    rows = [row.cells for row in tables_of(merged_plan())[0].rows]
    assert rows[1] == ["Theme 1: Communication", "", "", "", "", "", ""]
    assert rows[2][:5] == [
        "1.1",
        "Publish a newsletter",
        "Comms Lead (CH)",
        "Newsletter sent to schools",
        "May 24",
    ]
    assert rows[3][:5] == [
        "1.1",
        "Publish a newsletter",
        "Comms Lead (CH)",
        "Families say it helps",
        "May 24",
    ]
    assert rows[5][:5] == ["2.1", "Publish the transitions handbook", "", "", "Summer 2024"]


def test_it_opens_a_section_for_a_row_merged_across_the_table() -> None:
    document = parse_file_inprocess(merged_plan(), "westmoor.pdf").document
    assert_valid_plan(document)
    sections = document["plan"]["sections"]
    assert [(s["ref"], s["title"]) for s in sections] == [
        ("1", "Communication"),
        ("2", "Preparing for adulthood"),
    ]
    newsletter = action(document, "1.1")
    assert newsletter["lead_text"] == "Comms Lead (CH)"
    assert [m["text"] for m in newsletter["measures"]] == [
        "Newsletter sent to schools",
        "Families say it helps",
    ]
    assert action(document, "2.1")["title"] == "Publish the transitions handbook"


def test_it_reads_ratings_given_only_by_the_colour_of_a_cell() -> None:
    rows = tables_of(merged_plan())[0].rows
    assert rows[2].fills[5:] == ["green", "amber"]
    document = parse_file_inprocess(merged_plan(), "westmoor.pdf").document
    assert [(u["period"], u["status"]) for u in action(document, "1.1")["updates"]] == [
        ("Mar 24", "G"),
        ("Jun 24", "A"),
    ]
    assert [u["status"] for u in action(document, "2.1")["updates"]] == ["R", "B"]


# Plans written as text


@cache
def text_plan() -> bytes:
    body = (
        f"<h1>{TITLE}</h1><p>March 2024</p>"
        f"<h2>Our vision</h2><p>{LONG} {LONG}</p>"
        "<p>The areas of weakness are:</p>"
        "<ol><li>Waiting times for autism assessment are too long</li>"
        "<li>Too many pupils with SEND are excluded from school</li></ol>"
        f"<ul><li>Families are not told what is on offer</li><li>{LONG}</li></ul>"
        "<p><b>Governance</b></p><p>The SEND Partnership Board oversees the plan.</p>"
        "<h2 style='break-before: page'>Priority 2: Inclusion</h2>"
        f"<p>{LONG}</p>"
    )
    return html_pdf(body, running=TITLE)


def test_it_reads_text_pages_as_headings_and_paragraphs_in_reading_order() -> None:
    assert texts_of(text_plan()) == [
        ("Heading", TITLE),
        ("Paragraph", "March 2024"),
        ("Heading", "Our vision"),
        ("Paragraph", f"{LONG} {LONG}"),
        ("Paragraph", "The areas of weakness are:"),
        ("Paragraph", "1. Waiting times for autism assessment are too long"),
        ("Paragraph", "2. Too many pupils with SEND are excluded from school"),
        ("Paragraph", "• Families are not told what is on offer"),
        ("Paragraph", f"• {LONG}"),
        ("Heading", "Governance"),
        ("Paragraph", "The SEND Partnership Board oversees the plan."),
        ("Heading", "Priority 2: Inclusion"),
        ("Paragraph", LONG),
    ]
    assert [block.where for block in blocks_of(text_plan())][-2:] == ["page 2", "page 2"]


def test_it_leaves_out_a_protective_marking_even_on_a_single_page() -> None:
    marked = "@page { @top-center { content: 'OFFICIAL - SENSITIVE'; font-size: 8pt; } }"
    data = html_pdf(f"<h1>{TITLE}</h1><p>{LONG}</p>", css=marked)
    assert texts_of(data) == [("Heading", TITLE), ("Paragraph", LONG)]


def test_it_keeps_a_heading_that_opens_every_page() -> None:
    pages = [
        f"<h2 style='break-before: page'>Priority {n}: Inclusion in school</h2><p>{LONG}</p>"
        for n in (1, 2, 3)
    ]
    texts = texts_of(html_pdf(f"<h1>{TITLE}</h1><p>{LONG}</p>" + "".join(pages), running=TITLE))
    assert [text for kind, text in texts if kind == "Heading"] == [
        TITLE,
        "Priority 1: Inclusion in school",
        "Priority 2: Inclusion in school",
        "Priority 3: Inclusion in school",
    ]
    assert not any("Page" in text for _, text in texts)


def test_it_reads_a_plan_written_as_text_into_a_document() -> None:
    document = parse_file_inprocess(text_plan(), "westmoor.pdf").document
    assert_valid_plan(document)
    plan = document["plan"]
    assert plan["title"] == TITLE
    assert [w["text"] for w in plan["weaknesses"]] == [
        "Waiting times for autism assessment are too long",
        "Too many pupils with SEND are excluded from school",
    ]
    assert [(s["ref"], s["title"]) for s in plan["sections"]] == [("2", "Inclusion")]


def test_it_reads_a_page_in_two_columns_column_by_column() -> None:
    left = ["Alpha one " + LONG, "Alpha two " + LONG, "Alpha three " + LONG]
    right = ["Beta one " + LONG, "Beta two " + LONG, "Beta three " + LONG]
    body = (
        f"<h1>{TITLE}</h1>"
        "<div style='column-count: 2; column-gap: 24pt'>"
        + "".join(f"<p>{text}</p>" for text in left + right)
        + "</div>"
    )
    texts = [text for _, text in texts_of(html_pdf(body))]
    assert texts == [TITLE, *left, *right]


def test_it_reads_a_table_drawn_without_rules_as_rows_not_as_two_columns_of_text() -> None:
    heads = [[("Ref", 1), ("Action", 1), ("Lead officer", 1), ("Due date", 1), ("RAG", 1)]]
    rows = [
        [f"1.{n}", f"Deliver improvement {n} with partners", "Head of SEND", "May 2025", "Green"]
        for n in range(1, 16)
    ]
    unruled = "th, td { border: none; } th { background: none; }"
    data = html_pdf(table_html(heads, rows), css=unruled)
    tables = [block for block in blocks_of(data) if isinstance(block, Table)]
    cells = [row.cells for table in tables for row in table.rows]
    assert ["1.1", "Deliver improvement 1 with partners", "Head of SEND", "May 2025", "Green"] in (
        cells
    )
    document = parse_file_inprocess(data, "unruled.pdf").document
    assert len(all_actions(document)) == 15
    found = action(document, "1.15")
    assert (found["lead_text"], found["due"]) == ("Head of SEND", "2025-05")


def test_it_reads_an_unruled_table_whose_cells_wrap_by_its_aligned_columns() -> None:
    heads = [[("Ref", 1), ("Action", 1), ("Lead officer", 1), ("Due date", 1), ("RAG", 1)]]
    long = "Deliver improvement with partners across every school, college and setting"
    rows = [[f"1.{n}", long, "Head of SEND", "May 2025", "Green"] for n in range(1, 4)]
    unruled = (
        "th, td { border: none; } th { background: none; } td:nth-child(2) { width: 110pt; }"
        " table { table-layout: fixed; width: 400pt; }"
    )
    data = html_pdf(table_html(heads, rows), css=unruled)
    # No rules: the columns are where the words of every line start, the rows where the
    # first column starts again, and each wrapped line's words stay in their own cell.
    tables = [block for block in blocks_of(data) if isinstance(block, Table)]
    assert len(tables) == 1
    assert [row.cells for row in tables[0].rows] == [
        ["Ref", "Action", "Lead officer", "Due date", "RAG"],
        *([f"1.{n}", long, "Head of SEND", "May 2025", "Green"] for n in range(1, 4)),
    ]
    document = parse_file_inprocess(data, "unruled.pdf").document
    assert [(a["ref"], a["title"], a["due"]) for a in all_actions(document)] == [
        (f"1.{n}", long, "2025-05") for n in range(1, 4)
    ]


def test_it_reads_a_table_with_rules_only_between_rows_and_a_merged_progress_heading() -> None:
    heads = [
        [("Ref", 1), ("What we will do", 1), ("Who is responsible", 1), ("Completion date", 1),
         ("Progress B = complete, G = on track, A = at risk, R = off track", 3)],
        [("", 1), ("", 1), ("", 1), ("", 1), ("Dec 2025", 1), ("Mar 2026", 1), ("Jun 2026", 1)],
    ]  # fmt: skip
    rows = [
        ["1.1", "Publish a revised graduated approach toolkit for all schools",
         "Helen Ward, Head of Inclusion", "Jan 2026", "G", "G", "B"],
        ["1.2", "Deliver SENCO network training on the toolkit each term",
         "Mark Fry, Principal Educational Psychologist", "Jul 2026", "A", "G", "G"],
        ["2.1", "Agree a shared neurodevelopmental pathway with the ICB",
         "Dr Sara Khan, Designated Medical Officer", "Apr 2026", "A", "A", "R"],
    ]  # fmt: skip
    ruled_rows = (
        "table { border-collapse: collapse; width: 480pt; } th, td { border: none; "
        "vertical-align: top; padding: 4pt 3pt; } th { background: none; } "
        "tr { border-bottom: 0.5pt solid #999; }"
    )
    document = parse_file_inprocess(
        html_pdf(table_html(heads, rows), css=ruled_rows), "rows.pdf"
    ).document
    found = all_actions(document)
    assert [(a["ref"], a["title"]) for a in found] == [(row[0], row[1]) for row in rows]
    assert [a["lead_text"] for a in found] == [row[2] for row in rows]
    assert [[u["status"] for u in a["updates"]] for a in found] == [row[4:] for row in rows]
    assert [p["label"] for p in document["plan"]["periods"]] == [
        "Dec 2025", "Mar 2026", "Jun 2026"
    ]  # fmt: skip


def test_it_reads_a_page_turned_on_its_side() -> None:
    source = pypdf.PdfReader(io.BytesIO(action_plan()))
    writer = pypdf.PdfWriter()
    for page in source.pages:
        writer.add_page(page)
    for page in writer.pages:
        # Content drawn turned a quarter, and the page turned back to show it upright.
        page.rotate(270)
        page.transfer_rotation_to_content()
        page.rotate(90)
    out = io.BytesIO()
    writer.write(out)
    document = parse_file_inprocess(out.getvalue(), "turned.pdf").document
    assert [a["ref"] for a in all_actions(document)] == ["1.1", "1.2", "1.3"]
    assert action(document, "1.2")["lead_text"] == "SENCo Lead (Jamal Bakr)"


# Files refused


def scanned_pdf(pages: int) -> bytes:
    """Pictures of pages, with only the page numbers printed over them as text."""
    picture = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(picture, "PNG")
    source = base64.b64encode(picture.getvalue()).decode("ascii")
    page = f"<img src='data:image/png;base64,{source}' style='width: 60%'>"
    return html_pdf("<div style='break-after: page'></div>".join([page] * pages))


def test_it_refuses_a_scan_with_no_text_in_words() -> None:
    message = refused(scanned_pdf(2))
    assert message.startswith("This PDF has no text in it, only pictures of pages")
    assert "scanned" in message and "Word or Excel version" in message


def protected(*, user: str, owner: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(action_plan()))
    writer.encrypt(user_password=user, owner_password=owner)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_it_refuses_a_pdf_protected_with_a_password() -> None:
    message = refused(protected(user="secret", owner="secret"))
    assert message.startswith("This PDF is protected with a password")


def test_it_reads_a_pdf_that_only_restricts_copying() -> None:
    document = parse_file_inprocess(protected(user="", owner="owner"), "plan.pdf").document
    assert [a["ref"] for a in all_actions(document)] == ["1.1", "1.2", "1.3"]


def test_it_refuses_a_pdf_over_the_page_limit() -> None:
    writer = pypdf.PdfWriter()
    for _ in range(safety.MAX_PDF_PAGES + 1):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    message = refused(out.getvalue())
    assert message.startswith(f"This PDF has {safety.MAX_PDF_PAGES + 1} pages")
    assert f"the most we read is {safety.MAX_PDF_PAGES}" in message


def test_it_reads_a_page_drawn_over_with_a_fine_grid_without_looking_for_tables() -> None:
    strokes = [b"%d 50 m %d 530 l S" % (50 + 8 * n, 50 + 8 * n) for n in range(61)]
    strokes += [b"50 %d m 530 %d l S" % (50 + 8 * n, 50 + 8 * n) for n in range(61)]
    strokes.append(b"BT /F1 14 Tf 72 780 Td (Westmoor SEND Improvement Plan) Tj ET")
    result = parse_file_inprocess(raw_pdf(b"\n".join(strokes)), "grid.pdf")
    assert result.document["plan"]["title"] == TITLE
    # The check of the file both leaves pages out and reads them in part: the words tell which.
    checked = report_messages(result, rules.FILE_CHECK)
    assert any("without looking for tables" in message for message in checked)


def test_it_leaves_out_a_page_with_far_more_text_than_a_plan_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_CHARS", 600)
    result = parse_file_inprocess(text_plan(), "westmoor.pdf")
    checked = report_messages(result, rules.FILE_CHECK)
    assert any(
        message.startswith("Left out page 1: it holds far more text than a page")
        for message in checked
    )
    assert [s["title"] for s in result.document["plan"]["sections"]] == ["Inclusion"]


def test_it_refuses_a_damaged_pdf_in_words() -> None:
    data = action_plan()
    assert "may be damaged" in refused(data[:400])
    assert "may be damaged" in refused(data[:20] + bytes(range(256)) * 8)


def test_it_reads_or_refuses_a_pdf_with_bytes_flipped_but_never_fails() -> None:
    data = bytearray(action_plan())
    for at in range(len(data) // 7, len(data), len(data) // 7):
        data[at] ^= 0xFF
    try:
        document = parse_file_inprocess(bytes(data), "plan.pdf").document
    except ParseError as error:
        assert str(error)
    else:
        assert_valid_plan(document)


def test_it_refuses_a_file_named_pdf_that_is_not_one() -> None:
    assert "not a PDF inside" in refused(b"Just some words in a text file", "plan.pdf")


def test_it_reads_a_pdf_whose_scripts_it_never_runs() -> None:
    import pypdfium2.version

    # The PDFium pypdfium2 ships has no JavaScript engine (V8) or XFA forms to run them in.
    assert "V8" not in pypdfium2.version.PDFIUM_INFO.flags
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(action_plan()))
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('Hello from the PDF');"),
        }
    )
    out = io.BytesIO()
    writer.write(out)
    document = parse_file_inprocess(out.getvalue(), "plan.pdf").document
    assert [a["ref"] for a in all_actions(document)] == ["1.1", "1.2", "1.3"]


def test_it_reads_a_pdf_in_the_child_process() -> None:
    document = parse_file(action_plan(), "westmoor.pdf", timeout=60).document
    assert document["plan"]["title"] == TITLE
    assert [a["ref"] for a in all_actions(document)] == ["1.1", "1.2", "1.3"]


@pytest.mark.parametrize(
    "css",
    [
        # Rules only above and below the table and under its headings.
        "table { border-collapse: collapse; width: 100%; border-top: 1pt solid #000; "
        "border-bottom: 1pt solid #000; } th, td { border: none; padding: 1pt 4pt; "
        "vertical-align: top; } th { background: none; border-bottom: 0.5pt solid #000; }",
        # No rules and no room between rows: each row starts where its columns fill again.
        "table { border-collapse: collapse; width: 100%; } th, td { border: none; "
        "padding: 0 4pt; vertical-align: top; line-height: 1.2; } th { background: none; }",
    ],
    ids=["rules-under-headings-only", "tight-unruled"],
)
def test_unruled_rows_whose_actions_wrap_are_read_whole(css: str) -> None:
    heads = [[("Ref", 1), ("Action", 1), ("Lead officer", 1), ("Due", 1), ("Status", 1)]]
    titles = [
        f"Improve the sufficiency of specialist places, part {n}, by working with academies, "
        "the trust boards and the Department for Education"
        for n in range(1, 7)
    ]
    ratings = ["Green", "Amber", "Red"] * 2
    rows = [
        [f"3.{n}", title, "Head of Sufficiency (Ravi Singh)", "September 2026", rating]
        for n, (title, rating) in enumerate(zip(titles, ratings, strict=True), start=1)
    ]
    body = "<h1>Plan</h1><h2>Priority 3: Sufficiency</h2>" + table_html(heads, rows)
    document = parse_file_inprocess(html_pdf(body, css=css), "plan.pdf").document
    found = all_actions(document)
    assert [(a["ref"], a["title"]) for a in found] == [(r[0], r[1]) for r in rows]
    assert {a["lead_text"] for a in found} == {"Head of Sufficiency (Ravi Singh)"}
    assert [a["updates"][0]["status"] for a in found] == [r[0] for r in ratings]


def test_a_word_broken_across_lines_of_a_narrow_column_is_made_whole() -> None:
    """A rating too long for its column, broken inside words as a Word table breaks it."""
    heads = [[("Ref", 1), ("Action", 1), ("Lead", 1), ("RAG March 2026", 1)]]
    rows = [
        ["2.1", "Publish the commissioning strategy", "Head of SEND", "Progressing but delayed"],
        ["2.2", "Agree the therapy pathway with the ICB", "Head of SEND", "Completed"],
    ]  # fmt: skip
    css = "td:nth-child(4), th:nth-child(4) { width: 9mm; overflow-wrap: anywhere; }"
    data = html_pdf(f"<h1>{TITLE}</h1>" + table_html(heads, rows), css=css)
    cells = [row.cells[3] for row in tables_of(data)[0].rows[1:]]
    assert cells == ["Progressing but delayed", "Completed"]
