"""The same plan, printed to PDF the ways councils' PDFs are really made, should read the same.

Every area's PDF is made differently: Word's "Save as PDF", Excel's print to PDF, a
browser's print, a design agency's export. Each puts the same table on the page a little
differently: landscape or A3 pages, a running header and footer, a "DRAFT" watermark, a table
with no ruling lines or only horizontal ones, zebra shading, the heading row on the first
page only, narrow columns, hyphenated or justified text, bullets, a cover page and contents,
a logo and address block, ratings as coloured cells, a small font, and so on.

Each base plan is a Word file the importer already reads (the dev and opened real plans --
blind plans are skipped by their slug before any file of theirs is touched -- the invented
Word plans of `unseen_office` and the two shared samples). Its body is taken out of the Word
file as headings, paragraphs and tables (`page_of`), and printed to PDF through HTML and CSS
with WeasyPrint (`printed`): the plain print is the cell's baseline. Each transformation is
a small named function on that page (its blocks and its CSS) that knows no plan's words; the
transformed page is printed and read, and scored with `accuracy.agreement` against the plan's
own reference and compared with the plain print's score: a cell holds when no key figure
falls and no action is added.

A fixed hash rule (`blind`) keeps half of the transformations and half of the base plans
blind: rules are written from cells whose plan and transformation are both on the dev side;
every other cell is reported apart. bench/parse_pdf_shuffled.py prints the matrix;
test_parse_pdf_shuffled.py holds floors on a subset.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, partial
from html import escape
from typing import Any

import docx
from docx.oxml.ns import qn

from sendplan.demo import sample_files
from sendplan.interchange.parsers import ParseError, parse_file_inprocess
from sendplan.interchange.tests import accuracy, real_corpus, unseen_office
from sendplan.interchange.tests.accuracy import Score, score

Doc = dict[str, Any]

# The figures a transformation must not change.


def blind(name: str) -> bool:
    """Half of the plans and half of the transformations, fixed by a hash before any rule."""
    return hashlib.sha256(f"pdfshuffle18:{name}".encode()).digest()[0] % 2 == 1


# ---------------------------------------------------------------------------------------------
# A page: the Word file's body as headings, paragraphs and tables, and the CSS it is printed in


@dataclass
class Cell:
    lines: list[str]
    colspan: int = 1
    rowspan: int = 1
    fill: str | None = None  # "RRGGBB"
    covered: bool = False  # merged into the cell above: not printed

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass
class Grid:
    rows: list[list[Cell]]
    heading_rows: int = 1
    repeat_heading: bool = True  # the heading rows on every page (a <thead>)
    caption: str = ""
    boxed: bool = False


@dataclass
class Text:
    kind: str  # "h1", "h2", "h3", "p" or "div"
    text: str
    raw: bool = False  # markup a transformation wrote, not the plan's text
    cls: str = ""


Block = Text | Grid


@dataclass
class Page:
    blocks: list[Block]
    css: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # HTML put in front of the body
    lang: str = "en"

    def grids(self) -> list[Grid]:
        return [b for b in self.blocks if isinstance(b, Grid)]

    def main(self) -> Grid | None:
        """The largest table: the one holding the actions."""
        return max(
            self.grids(), key=lambda g: sum(len(c.text) for r in g.rows for c in r), default=None
        )

    def title(self) -> str:
        return next((b.text for b in self.blocks if isinstance(b, Text) and b.text), "Plan")


_HEADING_STYLE = re.compile(r"^(?:Heading|heading)\s*(\d)|^Title$")


def _cell_fill(tc: Any) -> str | None:
    shading = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    if shading is None:
        return None
    fill = shading.get(qn("w:fill"))
    if fill and re.fullmatch(r"[0-9A-Fa-f]{6}", fill) and fill.upper() != "FFFFFF":
        return fill.upper()
    return None


def _cell_lines(tc: Any) -> list[str]:
    lines = []
    for p in tc.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.strip():
            lines.append(text.strip())
    return lines


def _grid(tbl: Any) -> Grid:
    rows: list[list[Cell]] = []
    heading_rows = 0
    starts: dict[int, Cell] = {}  # grid column -> the cell a vertical merge began in
    for n, tr in enumerate(tbl.findall(qn("w:tr"))):
        trpr = tr.find(qn("w:trPr"))
        if trpr is not None and trpr.find(qn("w:tblHeader")) is not None and heading_rows == n:
            heading_rows = n + 1
        row: list[Cell] = []
        column = 0
        for tc in tr.findall(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span = 1
            merge = None
            if tcpr is not None:
                grid_span = tcpr.find(qn("w:gridSpan"))
                if grid_span is not None:
                    span = int(grid_span.get(qn("w:val")) or 1)
                v_merge = tcpr.find(qn("w:vMerge"))
                if v_merge is not None:
                    merge = v_merge.get(qn("w:val")) or "continue"
            cell = Cell(_cell_lines(tc), colspan=span, fill=_cell_fill(tc))
            if merge == "continue" and column in starts:
                starts[column].rowspan += 1
                cell.covered = True
            elif merge == "restart":
                starts[column] = cell
            else:
                starts.pop(column, None)
            row.append(cell)
            column += span
        rows.append(row)
    return Grid(rows, heading_rows=max(1, heading_rows))


def page_of(data: bytes) -> Page:
    """The Word file's body, in order: headings, paragraphs and tables."""
    document = docx.Document(io.BytesIO(data))
    styles = {s.style_id: s.name for s in document.styles}
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t"))).strip()
            if not text:
                continue
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = styles.get(style.get(qn("w:val")), "") if style is not None else ""
            match = _HEADING_STYLE.match(name or "")
            kind = "p"
            if match:
                kind = f"h{min(3, int(match.group(1) or 1))}"
            blocks.append(Text(kind, text))
        elif child.tag == qn("w:tbl"):
            blocks.append(_grid(child))
    return Page(blocks)


# ---------------------------------------------------------------------------------------------
# Printing a page

BASE_CSS = (
    "@page { size: A4; margin: 2cm 1.8cm; }"
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }"
    "h1 { font-size: 16pt; } h2 { font-size: 13pt; } h3 { font-size: 11pt; }"
    "table { border-collapse: collapse; width: 100%; margin: 6pt 0; }"
    "td, th { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }"
    "th { font-weight: bold; }"
    "td p, th p { margin: 0; }"
)


def _cell_html(cell: Cell, tag: str) -> str:
    attrs = ""
    if cell.colspan > 1:
        attrs += f" colspan='{cell.colspan}'"
    if cell.rowspan > 1:
        attrs += f" rowspan='{cell.rowspan}'"
    if cell.fill:
        attrs += f" style='background:#{cell.fill}'"
    body = "".join(f"<p>{line}</p>" for line in cell.lines)
    return f"<{tag}{attrs}>{body}</{tag}>"


def _grid_html(grid: Grid) -> str:
    head, body = grid.rows[: grid.heading_rows], grid.rows[grid.heading_rows :]

    def rows(chosen: list[list[Cell]], tag: str) -> str:
        return "".join(
            "<tr>" + "".join(_cell_html(c, tag) for c in row if not c.covered) + "</tr>"
            for row in chosen
        )

    html = ""
    if grid.caption:
        html += f"<caption>{escape(grid.caption)}</caption>"
    if grid.repeat_heading:
        html += f"<thead>{rows(head, 'th')}</thead><tbody>{rows(body, 'td')}</tbody>"
    else:
        html += f"<tbody>{rows(head, 'th')}{rows(body, 'td')}</tbody>"
    table = f"<table>{html}</table>"
    return f"<div class='box'>{table}</div>" if grid.boxed else table


def html_of(page: Page) -> str:
    parts = list(page.before)
    for block in page.blocks:
        if isinstance(block, Grid):
            parts.append(_grid_html(block))
        else:
            cls = f" class='{block.cls}'" if block.cls else ""
            parts.append(f"<{block.kind}{cls}>{block.text}</{block.kind}>")
    return (
        f"<html lang='{page.lang}'><head><meta charset='utf-8'><style>"
        + BASE_CSS
        + "".join(page.css)
        + "</style></head><body>"
        + "".join(parts)
        + "</body></html>"
    )


def printed(page: Page) -> bytes:
    import weasyprint

    # Whole fonts, uncompressed: half the time of subsetting and compressing them, and the
    # reader sees the same characters.
    return bytes(
        weasyprint.HTML(string=_escaped(page)).write_pdf(full_fonts=True, uncompressed_pdf=True)
    )


def _escaped(page: Page) -> str:
    """The page's HTML, with the plan's own text escaped (transformations add markup)."""
    safe = copy.deepcopy(page)
    for block in safe.blocks:
        if isinstance(block, Grid):
            for row in block.rows:
                for cell in row:
                    cell.lines = [escape(line) for line in cell.lines]
        elif not block.raw:
            block.text = escape(block.text)
    return html_of(safe)


# ---------------------------------------------------------------------------------------------
# The transformations: each takes a page and gives back the same plan printed differently


def _copied(page: Page, *css: str) -> Page:
    out = copy.deepcopy(page)
    out.css.extend(css)
    return out


def pdf_landscape_a4(page: Page) -> Page:
    return _copied(page, "@page { size: A4 landscape; }")


def pdf_landscape_a3(page: Page) -> Page:
    return _copied(page, "@page { size: A3 landscape; margin: 1.5cm; }")


def pdf_running_header_footer(page: Page) -> Page:
    """'OFFICIAL' and the plan's title at the head of every page, 'Page 3 of 12' and a date
    at its foot, as Word's header and footer print."""
    title = page.title().replace("\\", "").replace('"', "'")[:60]
    return _copied(
        page,
        "@page { @top-left { content: 'OFFICIAL'; font: bold 8pt 'DejaVu Sans'; }"
        f' @top-right {{ content: "{title}"; font: 8pt "DejaVu Sans"; }}'
        " @bottom-center { content: 'Page ' counter(page) ' of ' counter(pages);"
        " font: 8pt 'DejaVu Sans'; }"
        " @bottom-right { content: 'Updated 14 March 2025'; font: 8pt 'DejaVu Sans'; } }",
    )


def pdf_draft_watermark(page: Page) -> Page:
    """A large pale 'DRAFT' across every page, behind the table."""
    out = _copied(
        page,
        ".watermark { position: fixed; top: 9cm; left: 2cm; font-size: 110pt; color: #e4e4e4;"
        " transform: rotate(-40deg); z-index: -1; font-weight: bold; }",
    )
    out.before.append("<div class='watermark'>DRAFT</div>")
    return out


def pdf_no_rules(page: Page) -> Page:
    """A table set out by whitespace alone, as a browser prints one."""
    return _copied(page, "td, th { border: none; padding: 3pt 8pt 5pt 0; }")


def pdf_horizontal_rules(page: Page) -> Page:
    """Only rules between rows, none between columns."""
    return _copied(
        page,
        "td, th { border: none; border-top: 0.5pt solid #000; border-bottom: 0.5pt solid #000;"
        " padding: 3pt 6pt 3pt 0; }",
    )


def pdf_zebra_rows(page: Page) -> Page:
    return _copied(page, "tbody tr:nth-child(even) td { background: #eef2f7; }")


def pdf_heading_once(page: Page) -> Page:
    """The heading row printed on the first page only, not repeated on the next."""
    out = copy.deepcopy(page)
    for grid in out.grids():
        grid.repeat_heading = False
    return out


def pdf_heading_shaded(page: Page) -> Page:
    """Headings in white on a dark fill, as a designed table sets them."""
    return _copied(page, "th { background: #1f3864; color: #fff; }")


def pdf_narrow_columns(page: Page) -> Page:
    """A table squeezed into a narrow page, its words wrapping mid-phrase."""
    return _copied(page, "@page { size: 15cm 29.7cm; margin: 1.5cm 1cm; }")


def pdf_hyphenated(page: Page) -> Page:
    return _copied(page, "td, th, p { hyphens: auto; }")


def pdf_justified(page: Page) -> Page:
    return _copied(page, "td, th, p { text-align: justify; }")


def pdf_serif_ligatures(page: Page) -> Page:
    """A serif font with its ligatures (fi, fl) on."""
    return _copied(
        page,
        "body { font-family: 'DejaVu Serif', serif; font-variant-ligatures: common-ligatures;"
        " font-feature-settings: 'liga' 1, 'dlig' 1; }",
    )


def pdf_small_font(page: Page) -> Page:
    return _copied(page, "body { font-size: 7pt; } h1 { font-size: 11pt; } h2 { font-size: 9pt; }")


def pdf_large_padding(page: Page) -> Page:
    return _copied(page, "td, th { padding: 8pt 10pt; }")


_BULLETS = ("\u2022", "\u25aa", "-", "\u2013")


def pdf_bullets(page: Page) -> Page:
    """Each cell of several lines printed as a bulleted list."""
    out = copy.deepcopy(page)
    for n, grid in enumerate(out.grids()):
        for row in grid.rows[grid.heading_rows :]:
            for cell in row:
                if len(cell.lines) > 1:
                    mark = _BULLETS[n % len(_BULLETS)]
                    cell.lines = [f"{mark} {line}" for line in cell.lines]
    return out


def pdf_cover_contents(page: Page) -> Page:
    """A cover page with the title and a date, and a contents page, before the plan."""
    out = copy.deepcopy(page)
    headings = [b.text for b in out.blocks if isinstance(b, Text) and b.kind != "p"][:8]
    contents = "".join(
        f"<p class='toc'>{escape(text)}<span> {n + 3}</span></p>" for n, text in enumerate(headings)
    )
    out.before.append(
        f"<div class='cover'><p class='big'>{escape(out.title())}</p>"
        "<p>Published March 2025</p><p>Version 1.2</p></div>"
        f"<div class='cover'><p class='big'>Contents</p>{contents}</div>"
    )
    out.css.append(
        ".cover { page-break-after: always; } .big { font-size: 22pt; font-weight: bold; }"
        ".toc span { float: right; }"
    )
    return out


_LOGO = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='90' height='40'>"
    "<rect width='90' height='40' rx='6' fill='#2e5597'/>"
    "<circle cx='20' cy='20' r='12' fill='#fff'/></svg>"
)


def pdf_logo_address(page: Page) -> Page:
    """A logo and an address block at the top of the first page."""
    out = copy.deepcopy(page)
    out.before.append(
        f"<div class='letterhead'><div class='logo'>{_LOGO}</div>"
        "<p>Children's Services<br>Civic Centre, High Street<br>Telephone 01234 567890</p></div>"
    )
    out.css.append(
        ".letterhead { overflow: hidden; margin-bottom: 12pt; } .logo { float: left; }"
        ".letterhead p { float: right; text-align: right; font-size: 8pt; margin: 0; }"
    )
    return out


def pdf_first_column_merged(page: Page) -> Page:
    """Runs of the same first cell merged down into one (a priority beside its actions)."""
    out = copy.deepcopy(page)
    for grid in out.grids():
        body = grid.rows[grid.heading_rows :]
        top: Cell | None = None
        for row in body:
            if not row or row[0].covered or row[0].rowspan > 1:
                top = None
                continue
            first = row[0]
            if (
                top is not None
                and first.text
                and first.text == top.text
                and first.colspan == top.colspan
            ):
                top.rowspan += 1
                first.covered = True
            else:
                top = first
    return out


_RATINGS = {
    "red": "FF0000",
    "amber": "FFC000",
    "green": "00B050",
    "blue": "0070C0",
    "complete": "0070C0",
    "completed": "0070C0",
    "r": "FF0000",
    "a": "FFC000",
    "g": "00B050",
    "b": "0070C0",
}


def pdf_ratings_coloured(page: Page) -> Page:
    """A cell holding a rating word filled in its colour, the word kept."""
    out = copy.deepcopy(page)
    for grid in out.grids():
        for row in grid.rows[grid.heading_rows :]:
            for cell in row:
                colour = _RATINGS.get(cell.text.strip().lower())
                if colour:
                    cell.fill = colour
    return out


def pdf_two_column_intro(page: Page) -> Page:
    """The paragraphs before the first table set in two columns."""
    out = copy.deepcopy(page)
    first = next((n for n, b in enumerate(out.blocks) if isinstance(b, Grid)), 0)
    intro = [b for b in out.blocks[:first] if isinstance(b, Text) and b.kind == "p"]
    if len(intro) < 2:
        intro_text = "This plan sets out the actions agreed by the partnership and who leads each."
        out.blocks.insert(first, Text("p", intro_text))
        out.blocks.insert(first, Text("p", "It is reviewed every quarter by the board."))
        first += 2
    out.css.append(".twocol { columns: 2; column-gap: 1cm; } .twocol p { margin-top: 0; }")
    # The paragraphs in front of the table, in a two-column box.
    kept: list[Block] = []
    paragraphs = []
    for block in out.blocks[:first]:
        if isinstance(block, Text) and block.kind == "p":
            paragraphs.append(f"<p>{escape(block.text)}</p>")
        else:
            kept.append(block)
    out.blocks = [
        *kept,
        Text("div", "".join(paragraphs), raw=True, cls="twocol"),
        *out.blocks[first:],
    ]
    return out


def pdf_margin_page_numbers(page: Page) -> Page:
    return _copied(
        page,
        "@page { @left-middle { content: counter(page); font: 8pt 'DejaVu Sans'; } }"
        "@page { @right-bottom { content: counter(page); font: 8pt 'DejaVu Sans'; } }",
    )


def pdf_boxed_table(page: Page) -> Page:
    """The table inside a bordered, padded box."""
    out = copy.deepcopy(page)
    main = out.main()
    if main is not None:
        main.boxed = True
    out.css.append(".box { border: 1.5pt solid #1f3864; padding: 8pt; margin: 8pt 0; }")
    return out


def pdf_caption(page: Page) -> Page:
    """'Table 1: Action plan' over the table."""
    out = copy.deepcopy(page)
    for n, grid in enumerate(out.grids(), start=1):
        grid.caption = f"Table {n}: Action plan"
    out.css.append("caption { caption-side: top; text-align: left; font-style: italic; }")
    return out


def pdf_split_with_prose(page: Page) -> Page:
    """The largest table printed as two, the heading repeated, with a paragraph between."""
    out = copy.deepcopy(page)
    main = out.main()
    if main is None or len(main.rows) - main.heading_rows < 4:
        return out
    at = main.heading_rows + (len(main.rows) - main.heading_rows) // 2
    # Do not cut through cells merged down.
    while at < len(main.rows) and any(c.covered for c in main.rows[at]):
        at += 1
    if at >= len(main.rows):
        return out
    head = copy.deepcopy(main.rows[: main.heading_rows])
    second = replace(main, rows=head + main.rows[at:])
    main.rows = main.rows[:at]
    for row in main.rows:
        for cell in row:
            cell.rowspan = min(cell.rowspan, len(main.rows))
    index = out.blocks.index(main)
    out.blocks[index + 1 : index + 1] = [
        Text("p", "The actions below continue the plan and are reviewed in the same way."),
        second,
    ]
    return out


def pdf_footnotes(page: Page) -> Page:
    """A footnote at the foot of the first page."""
    out = copy.deepcopy(page)
    out.css.append(
        ".fn { float: footnote; font-size: 7pt; }"
        " ::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt; }"
    )
    main = out.main()
    if main is None:
        return out
    index = out.blocks.index(main)
    out.blocks.insert(
        index,
        Text(
            "p",
            "The actions are grouped by priority.<span class='fn'>Agreed by the board.</span>",
            raw=True,
        ),
    )
    return out


def pdf_numbered_lines(page: Page) -> Page:
    """Each cell of several lines printed as a lettered list: a), b), c)."""
    out = copy.deepcopy(page)
    for grid in out.grids():
        for row in grid.rows[grid.heading_rows :]:
            for cell in row:
                if len(cell.lines) > 1:
                    cell.lines = [
                        f"{chr(97 + n % 26)}) {line}" for n, line in enumerate(cell.lines)
                    ]
    return out


_LETTERS = {"red": "R", "amber": "A", "green": "G"}


def pdf_ratings_as_letters(page: Page) -> Page:
    """A rating word printed as its letter in a cell of its colour ('G' on green)."""
    out = copy.deepcopy(page)
    for grid in out.grids():
        for row in grid.rows[grid.heading_rows :]:
            for cell in row:
                word = cell.text.strip().lower()
                if word in _LETTERS:
                    cell.lines = [_LETTERS[word]]
                    cell.fill = _RATINGS[word]
    return out


def pdf_spreadsheet_print(page: Page) -> Page:
    """As Excel prints a sheet: light grey gridlines, a plain sans font, headings not bold,
    fitted to the page's width."""
    return _copied(
        page,
        "@page { size: A4 landscape; margin: 1.2cm; }"
        "body { font-family: 'Liberation Sans', sans-serif; font-size: 8pt; }"
        "td, th { border: 0.4pt solid #bfbfbf; padding: 1pt 2pt; } th { font-weight: normal; }",
    )


def pdf_spaced_paragraphs(page: Page) -> Page:
    """Wide spacing between a cell's lines and between paragraphs, as Word's 'space after'."""
    return _copied(
        page, "td p, th p { margin: 0 0 6pt 0; } p { margin: 0 0 10pt 0; line-height: 1.5; }"
    )


# ---------------------------------------------------------------------------------------------
# The matrix


@dataclass(frozen=True)
class Shuffle:
    name: str
    change: Callable[[Page], Page]

    @property
    def blind(self) -> bool:
        return blind(self.name)


SHUFFLES = tuple(
    Shuffle(change.__name__, change)
    for change in (
        pdf_landscape_a4,
        pdf_landscape_a3,
        pdf_running_header_footer,
        pdf_draft_watermark,
        pdf_no_rules,
        pdf_horizontal_rules,
        pdf_zebra_rows,
        pdf_heading_once,
        pdf_heading_shaded,
        pdf_narrow_columns,
        pdf_hyphenated,
        pdf_justified,
        pdf_serif_ligatures,
        pdf_small_font,
        pdf_large_padding,
        pdf_bullets,
        pdf_numbered_lines,
        pdf_cover_contents,
        pdf_logo_address,
        pdf_first_column_merged,
        pdf_ratings_coloured,
        pdf_ratings_as_letters,
        pdf_two_column_intro,
        pdf_margin_page_numbers,
        pdf_boxed_table,
        pdf_caption,
        pdf_split_with_prose,
        pdf_footnotes,
        pdf_spreadsheet_print,
        pdf_spaced_paragraphs,
    )
)


@dataclass(frozen=True)
class Base:
    """A Word file the importer already reads, with the plan it holds."""

    name: str
    docx: Callable[[], bytes]
    reference: Callable[[], Doc]

    @property
    def blind(self) -> bool:
        return blind(self.name)

    def page(self) -> Page:
        return _page(self)


@cache
def _page(base: Base) -> Page:
    return page_of(base.docx())


def _real_bases() -> list[Base]:
    # The blind half of the real corpus is never opened (real_corpus.laid_out_files).
    return [
        Base(f"real/{plan.slug}", path.read_bytes, partial(plan.expected, "docx"))
        for plan, path in real_corpus.laid_out_files("docx")
    ]


def _invented_bases() -> list[Base]:
    return [
        Base(f"unseen/{plan.filename}", plan.build, plan.reference)
        for plan in unseen_office.CORPUS
        if plan.filename.endswith(".docx")
    ]


def _sample_bases() -> list[Base]:
    return [
        Base(f"sample/{sample.file_name('docx')}", partial(sample.build, "docx"), sample.rated)
        for sample in sample_files.SAMPLES
    ]


@cache
def all_bases() -> tuple[Base, ...]:
    return tuple(_real_bases() + _invented_bases() + _sample_bases())


# A base plan is one whose plain print the importer already reads: three actions or more.
MIN_ACTIONS = 3


@cache
def bases() -> tuple[Base, ...]:
    """The bases of the matrix. The two samples are left out for time: printing and reading
    their 98 and 30 actions takes 25 s and 9 s a cell, as long as the rest of the matrix."""
    return tuple(
        base
        for base in _real_bases() + _invented_bases()
        if base_score(base).actions >= MIN_ACTIONS
    )


def read(data: bytes) -> Doc:
    try:
        document: Doc = parse_file_inprocess(data, "plan.pdf").document
    except ParseError:
        return {"title": "", "sections": []}
    return document["plan"]


@cache
def base_score(base: Base) -> Score:
    return score(read(printed(base.page())), base.reference())


@cache
def shuffled_score(base: Base, shuffle: Shuffle) -> Score:
    return score(read(printed(shuffle.change(base.page()))), base.reference())


def fallen(base: Base, shuffle: Shuffle) -> list[str]:
    """The key figures the transformation lowered, and 'extra' when it added actions."""
    return accuracy.fallen_between(base_score(base), shuffled_score(base, shuffle))


def cells(
    plans: tuple[Base, ...] | None = None, shuffles: tuple[Shuffle, ...] | None = None
) -> Iterator[tuple[Base, Shuffle]]:
    for base in plans if plans is not None else bases():
        for shuffle in shuffles if shuffles is not None else SHUFFLES:
            yield base, shuffle


def kept(base: Base, shuffle: Shuffle) -> tuple[int, int]:
    """(key figures matching after, matching before) summed over the key figures."""
    return accuracy.kept_between(base_score(base), shuffled_score(base, shuffle))
