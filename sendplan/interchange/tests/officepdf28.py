"""Word and Excel plans printed to PDF by an office suite (round officepdf28).

Most areas publish their plan as a PDF printed from Word or Excel. Every other PDF the corpora
hold is HTML printed by WeasyPrint, which sets each line as one run of text, draws a table's
rules as lines and never repeats a heading row; an office suite does otherwise: text set in
runs split and kerned glyph by glyph, cell borders and shading drawn as filled rectangles,
heading rows repeated on each page, a sheet printed over several pages with its columns cut
across them, page furniture, landscape pages.

The plans are the Word and Excel files the earlier corpora already build, dev plans only where
a corpus has a blind half (`unseen19`, `status20`, `unseen28`, `leftovers28`; `unseen_office`
has none), printed to PDF by LibreOffice (`soffice --headless --convert-to pdf`, as
`corpus.print_to_pdf` does):

- a Word file as it is set up (its own page size, margins and orientation);
- an Excel file as councils leave its print settings: none, so LibreOffice's default page,
  portrait, and a sheet wider than the page printed over several pages, its columns cut
  across them (each page of columns after all the rows of the one before);
- the same Excel file once more as a careful officer might set it up: landscape, fitted one
  page wide (set with openpyxl before printing).

The PDFs are kept in fixtures/officepdf28/ with MANIFEST.json, which names the corpus and
plan each came from and how it was printed; the plan a careful person would enter from each
is its source plan's own `reference()` (printing changes nothing a reader should enter).
The tests read only the kept PDFs: LibreOffice is needed only to make them again,
`.venv/bin/python -m sendplan.interchange.tests.officepdf28`.

`blind` splits the printed files by a hash of their names fixed before any rule was written
(on top of the source corpora's own splits: only their dev plans are printed at all); rules
come from the dev half only, the blind half is only counted. bench/parse_officepdf28.py
prints the figures; test_parse_officepdf28.py holds floors on the dev half. See
corpus/real/OFFICEPDF28.md.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.parsers.errors import ParseError
from sendplan.interchange.tests import accuracy

Doc = dict[str, Any]

FOLDER = Path(__file__).parent / "fixtures" / "officepdf28"
MANIFEST = FOLDER / "MANIFEST.json"

# The corpora whose Word and Excel plans are printed, and whether each has a blind half
# (whose plans are never printed).
SOURCES = ("unseen19", "status20", "unseen28", "leftovers28", "unseen_office")

# How a file was printed.
WORD = "Word as set up"
EXCEL_AS_LEFT = "Excel, print settings as left"
EXCEL_FITTED = "Excel, landscape one page wide"


def blind(name: str) -> bool:
    """Half of the printed files, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"officepdf28:{name}".encode()).digest()[0] % 2 == 1


def _source_plans(corpus: str) -> list[Any]:
    """The Word and Excel plans of a source corpus that may be printed: its dev half."""
    module = importlib.import_module(f"sendplan.interchange.tests.{corpus}")
    plans = []
    for plan in module.CORPUS:
        if getattr(plan, "blind", False):
            continue
        if plan.filename.endswith((".docx", ".xlsx")):
            plans.append(plan)
    return plans


@cache
def _source(corpus: str, name: str) -> Any:
    for plan in _source_plans(corpus):
        if plan.name == name:
            return plan
    raise LookupError(f"{corpus} has no dev plan {name!r}")


@dataclass(frozen=True)
class Printed:
    name: str
    filename: str
    corpus: str
    source: str
    printed: str

    @property
    def blind(self) -> bool:
        return blind(self.name)

    def build(self) -> bytes:
        return (FOLDER / self.filename).read_bytes()

    def reference(self) -> Doc:
        reference: Doc = _source(self.corpus, self.source).reference()
        return reference


def _load() -> tuple[Printed, ...]:
    if not MANIFEST.exists():
        return ()
    entries = json.loads(MANIFEST.read_text())
    return tuple(Printed(**entry) for entry in entries)


CORPUS = _load()
DEV = tuple(plan for plan in CORPUS if not plan.blind)
BLIND = tuple(plan for plan in CORPUS if plan.blind)


@cache
def parsed(plan: Printed) -> Doc:
    """What the importer read; a file it refuses reads as a plan with nothing in it."""
    try:
        document: Doc = parse_file_inprocess(plan.build(), plan.filename).document
    except ParseError:
        return {"title": "", "sections": []}
    return document["plan"]


def figures(plan: Printed) -> list[accuracy.Figure]:
    """The key figures: what a programme manager checks first."""
    found = accuracy.agreement(parsed(plan), plan.reference())
    return [f for f in found if f[0] in accuracy.KEY]


# =============================================================================================
# Making the PDFs again (needs LibreOffice; the tests never do)


# A column is widened to its longest line, within these many characters, as whoever keeps the
# sheet widens columns to read it on screen; longer text wraps, and its row grows to show it.
_NARROWEST = 6
_WIDEST = 45
_LINE_HEIGHT = 15.0


def _laid_out(book: Any) -> None:
    """The sheets made readable on screen, as a tracker in use is: the files the corpora build
    leave every column at Excel's default width and every row at one line, which an office
    suite prints clipped (a wrapped cell shows only what fits)."""
    import math

    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for sheet in book.worksheets:
        merged = {
            (row, column): cells
            for cells in sheet.merged_cells.ranges
            for row in range(cells.min_row, cells.max_row + 1)
            for column in range(cells.min_col, cells.max_col + 1)
        }
        # A row's only cell (a title, a heading over a group of rows) runs on over the empty
        # cells beside it, as Excel shows it: it neither widens its column nor wraps.
        lone = {
            row[0].row
            for row in sheet.iter_rows()
            if row and sum(cell.value is not None for cell in row) == 1
        }
        widths: dict[int, float] = {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or (cell.row, cell.column) in merged or cell.row in lone:
                    continue
                longest = max(len(line) for line in str(cell.value).splitlines() or [""])
                widths[cell.column] = max(widths.get(cell.column, _NARROWEST), longest + 2)
        for column, width in widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = min(width, _WIDEST)

        def width_of(column: int, sheet: Any = sheet) -> float:
            letter = get_column_letter(column)
            shown = sheet.column_dimensions[letter].width
            return float(shown) if shown else 8.43

        for row in sheet.iter_rows():
            lines = 1
            for cell in row:
                if cell.value is None:
                    continue
                if cell.row in lone:
                    alignment = cell.alignment
                    cell.alignment = Alignment(
                        horizontal=alignment.horizontal,
                        vertical=alignment.vertical,
                        wrap_text=False,
                    )
                    continue
                span = merged.get((cell.row, cell.column))
                if span is not None and (span.min_row, span.min_col) != (cell.row, cell.column):
                    continue
                if span is not None:
                    width = sum(width_of(c) for c in range(span.min_col, span.max_col + 1))
                    tall = span.max_row - span.min_row + 1
                else:
                    width, tall = width_of(cell.column), 1
                text = str(cell.value)
                needed = sum(
                    max(1, math.ceil(len(line) / max(width - 1, 1)))
                    for line in text.splitlines() or [""]
                )
                if needed > 1 or "\n" in text:
                    alignment = cell.alignment
                    cell.alignment = Alignment(
                        horizontal=alignment.horizontal,
                        vertical=alignment.vertical or "top",
                        wrap_text=True,
                    )
                lines = max(lines, math.ceil(needed / tall))
            row_number = row[0].row if row else None
            if row_number is not None:
                sheet.row_dimensions[row_number].height = lines * _LINE_HEIGHT


def _readable(data: bytes) -> bytes:
    """The workbook as its keeper sees it on screen, its print settings as left (none)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    _laid_out(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fitted(data: bytes) -> bytes:
    """The workbook as its keeper sees it, set to print landscape, one page wide, as a careful
    officer sets it."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    _laid_out(book)
    for sheet in book.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _print(data: bytes, suffix: str) -> bytes:
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice is needed to make the PDFs (soffice).")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"plan{suffix}"
        source.write_bytes(data)
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
             "--convert-to", "pdf", "--outdir", folder, str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        return (Path(folder) / "plan.pdf").read_bytes()


# Plans a LibreOffice print would misrepresent, and why: Excel shows their values, the print
# does not.
NOT_PRINTED = {
    ("leftovers28", "Otterburn PAP"): "XLOOKUP, which LibreOffice 7.4 prints as #NAME?",
}


def _ways(filename: str) -> list[tuple[str, str, Callable[[bytes], bytes]]]:
    """(how printed, file name's ending, what is done to the file first)."""
    if filename.endswith(".docx"):
        return [(WORD, "", lambda data: data)]
    return [(EXCEL_AS_LEFT, "", _readable), (EXCEL_FITTED, "-fitted", _fitted)]


def build_pdfs() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    entries = []
    for corpus in SOURCES:
        for plan in _source_plans(corpus):
            if (corpus, plan.name) in NOT_PRINTED:
                continue
            stem, suffix = plan.filename.rsplit(".", 1)
            for printed, ending, before in _ways(plan.filename):
                short = (
                    "Word" if suffix == "docx" else ("Excel fitted" if ending else "Excel as left")
                )
                name = f"{plan.name} [{corpus}, {short}]"
                filename = f"{corpus.replace('_', '-')}-{stem}{ending}.pdf"
                try:
                    data = _print(before(plan.build()), f".{suffix}")
                except Exception as error:
                    print(f"not printed: {name}: {error}")
                    continue
                (FOLDER / filename).write_bytes(data)
                entries.append(
                    {"name": name, "filename": filename, "corpus": corpus,
                     "source": plan.name, "printed": printed}
                )  # fmt: skip
                print(f"{filename}: {len(data)} bytes")
    MANIFEST.write_text(json.dumps(entries, indent=1) + "\n")


if __name__ == "__main__":
    build_pdfs()
