"""PDF plans, made from HTML by WeasyPrint, for the importer's tests and benchmark.

WeasyPrint draws what a council's plan exported from Word to PDF holds: bordered tables
whose heading rows are repeated at the top of every page (`thead`), merged cells (colspan
and rowspan), shaded cells, headings in a larger bold font, running headers and footers
with page numbers. `plan_pdf` lays out a whole plan that way, from the same columns and
rows as the Word version in `sendplan.demo.office_files`.
"""

from __future__ import annotations

import html
from typing import Any

from sendplan.demo import office_files

PAGE_CSS = """
@page {
  size: A4 landscape;
  margin: 18mm 14mm;
  @top-right { content: "%(running)s"; font: 8pt "Liberation Sans"; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages);
                   font: 8pt "Liberation Sans"; }
}
body { font: 10pt/1.3 "Liberation Sans", sans-serif; }
h1 { font-size: 20pt; margin: 0 0 8pt; }
h2 { font-size: 15pt; margin: 14pt 0 6pt; }
h3 { font-size: 12pt; margin: 10pt 0 4pt; }
p { margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%%; margin: 0 0 10pt; }
th, td { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left;
         font-size: 8.5pt; }
th { font-weight: bold; background: #d9d9d9; }
tr { break-inside: auto; }
"""

# The shading Word's colour picker gives each rating.
SHADES = {"B": "#0070C0", "G": "#00B050", "A": "#FFC000", "R": "#FF0000"}


def escaped(text: str) -> str:
    """Text for an HTML cell, its line breaks kept."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def html_pdf(body: str, *, running: str = "", css: str = "") -> bytes:
    """A PDF of an HTML body, laid out as a Word document saved as PDF."""
    # WeasyPrint loads Pango when imported, so only the tests that make a PDF pay for it.
    import weasyprint

    style = PAGE_CSS % {"running": running.replace('"', "'")} + css
    page = f"<html lang='en'><head><style>{style}</style></head><body>{body}</body></html>"
    pdf: bytes = weasyprint.HTML(string=page).write_pdf()
    return pdf


def table_html(
    heads: list[list[tuple[str, int]]], rows: list[list[Any]], *, shade_ratings: bool = False
) -> str:
    """A bordered table whose heading rows (text and column span) repeat on every page.

    A body cell is text, or (text, attributes) for a merged or shaded cell.
    """
    out = ["<table><thead>"]
    for head in heads:
        headings = "".join(
            f"<th colspan='{span}'>{escaped(text)}</th>"
            if span > 1
            else f"<th>{escaped(text)}</th>"
            for text, span in head
        )
        out.append(f"<tr>{headings}</tr>")
    out.append("</thead><tbody>")
    for row in rows:
        cells = []
        for cell in row:
            text, attributes = (cell, "") if isinstance(cell, str) else cell
            shade = SHADES.get(text.split("/")[0]) if shade_ratings and len(text) <= 3 else None
            if shade and "style" not in attributes:
                attributes += f" style='background: {shade}'"
            cells.append(
                f"<td{(' ' + attributes.strip()) if attributes else ''}>{escaped(text)}</td>"
            )
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _heads(columns: list[office_files.Column]) -> list[list[tuple[str, int]]]:
    """One heading row, or two when "Monitoring dates" is merged over the period columns,
    as `office_files` lays out the Word version."""
    if not any(column.under for column in columns):
        return [[(column.heading, 1) for column in columns]]
    top: list[tuple[str, int]] = []
    for column in columns:
        if column.under and top and top[-1][0] == "Monitoring dates":
            top[-1] = ("Monitoring dates", top[-1][1] + 1)
        else:
            top.append(("Monitoring dates" if column.under else column.heading, 1))
    return [top, [(column.under, 1) for column in columns]]


def plan_pdf(
    plan: dict[str, Any], headings: dict[str, str], *, section_column: bool = False
) -> bytes:
    """The plan as a council's Word plan looks saved as PDF: a heading for each theme over one
    bordered table whose heading rows repeat on each page, priorities as rows of their own,
    ratings as letters in shaded cells, and the list of lead officers at the end. With
    `section_column`, one long table instead, each theme merged down its first column."""
    columns = office_files.columns_for(plan, headings)
    body = [f"<h1>{html.escape(plan['title'])}</h1>"]
    if plan.get("status_scale"):
        body.append(f"<p>{html.escape(office_files.legend_text(plan))}</p>")
    if section_column:
        columns = [office_files.Column(headings["section"], "section"), *columns]
        rows: list[list[Any]] = []
        for top in plan["sections"]:
            theme = office_files.body_rows(top, columns[1:])
            for index, values in enumerate(theme):
                merged = (office_files.theme_heading(top), f"rowspan='{len(theme)}'")
                rows.append([merged, *values] if index == 0 else values)
        body.append(table_html(_heads(columns), rows, shade_ratings=True))
    for top in [] if section_column else plan["sections"]:
        body.append(f"<h2>{html.escape(office_files.theme_heading(top))}</h2>")
        owner = office_files.owner_text(plan, top)
        if owner:
            body.append(f"<p>Theme Owner: {html.escape(owner)}</p>")
        rows = office_files.body_rows(top, columns)
        body.append(table_html(_heads(columns), rows, shade_ratings=True))
    named = [person for person in plan.get("people", []) if person.get("name")]
    if named:
        body.append("<h2>List of Lead Officers</h2>")
        officers = [[person.get("role", ""), person["name"]] for person in named]
        body.append(table_html([[("Role", 1), ("Name", 1)]], officers))
    return html_pdf("".join(body), running=plan["title"])


def page_count(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()
