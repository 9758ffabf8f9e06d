"""More Word and Excel plans printed to PDF by an office suite, printed as councils print
them (round officepdf29).

Round officepdf28 printed the Word and Excel plans of five corpora with LibreOffice; this
round prints those of eight more corpora officepdf28 did not print (`status29`, `status30`,
`office17_corpus`, `status_corpus`, `highlight_corpus`, `roadmap_corpus`, `whole_corpus`,
`prose_corpus`), their dev plans only (no plan of a source corpus's blind half is printed),
and varies the print as councils do:

- a Word file as it is set up (its own page size and orientation);
- an Excel file with its print settings as left (none: LibreOffice's default A4 portrait, a
  sheet wider than the page printed a few columns at a time over several pages);
- the same fitted one page wide (fitToWidth=1 set with openpyxl in a copy), orientation as
  left;
- the same with a cover sheet put first, its notes written in long unwrapped lines that run
  over the page edge, and every sheet set to print landscape (not fitted).

The sheets are first laid out as their keeper sees them on screen (officepdf28's
`_laid_out`: columns widened to their text, long text wrapped). The plan a careful person
would enter from each file is its source plan's own `reference()`: printing changes nothing
a reader should enter, and a cover sheet's notes are no action.

The PDFs are kept in fixtures/officepdf29/ with MANIFEST.json; the tests read only those.
LibreOffice is needed only to make them again:
`.venv/bin/python -m sendplan.interchange.tests.officepdf29`.

`blind` splits the printed files by a hash of their names (first byte of
sha256("officepdf29:" + name) odd), fixed and committed with the first figures before any
rule was written: rules come from the dev half only, the blind half is only counted.
bench/parse_officepdf29.py prints the figures; test_parse_officepdf29.py holds the floors;
notes in corpus/real/officepdf29.md.
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
from sendplan.interchange.tests.officepdf28 import _laid_out, _print

Doc = dict[str, Any]

FOLDER = Path(__file__).parent / "fixtures" / "officepdf29"
MANIFEST = FOLDER / "MANIFEST.json"

# The corpora whose dev Word and Excel plans are printed (none of them printed by
# officepdf28).
SOURCES = (
    "status29",
    "status30",
    "office17_corpus",
    "status_corpus",
    "highlight_corpus",
    "roadmap_corpus",
    "whole_corpus",
    "prose_corpus",
)

# How a file was printed.
WORD = "Word as set up"
EXCEL_AS_LEFT = "Excel, print settings as left"
EXCEL_FITTED = "Excel, fitted one page wide"
EXCEL_COVER = "Excel, cover sheet first, landscape"


def blind(name: str) -> bool:
    """Half of the printed files, fixed by a hash of their names before any rule was written."""
    return hashlib.sha256(f"officepdf29:{name}".encode()).digest()[0] % 2 == 1


def _is_blind(module: Any, plan: Any) -> bool:
    """Whether a source plan is in its own corpus's blind half (never printed)."""
    if hasattr(plan, "blind"):
        return bool(plan.blind)
    return plan in getattr(module, "BLIND", ())


def _source_plans(corpus: str) -> list[Any]:
    """The Word and Excel plans of a source corpus that may be printed: its dev half."""
    module = importlib.import_module(f"sendplan.interchange.tests.{corpus}")
    listed = getattr(module, "CORPUS", None)
    if not isinstance(listed, tuple | list):
        listed = module.PLANS
    return [
        plan
        for plan in listed
        if not _is_blind(module, plan) and plan.filename.endswith((".docx", ".xlsx"))
    ]


def _bytes(plan: Any) -> bytes:
    """The source file: `data()` where a plan's `build` takes the plan, else `build()`."""
    data: bytes = plan.data() if hasattr(plan, "data") else plan.build()
    return data


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


def _saved(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _as_left(data: bytes) -> bytes:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    _laid_out(book)
    return _saved(book)


def _fitted(data: bytes) -> bytes:
    """Fitted one page wide, as an officer sets it; the orientation left as it was."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    _laid_out(book)
    for sheet in book.worksheets:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
    return _saved(book)


# A cover sheet's notes as councils write them: about the workbook, not the plan's actions.
# Each line is one cell in the first column, unwrapped, so a long one runs over the page edge.
_COVERS = (
    (
        "About this workbook",
        "",
        "Version 4.1 - updated after the partnership board; earlier versions are kept on "
        "the shared drive.",
        "Owner: SEND improvement programme office. Queries to the programme manager in "
        "the first instance.",
        "How to use: each tab is one part of the plan; update the commentary and the "
        "rating before each board meeting.",
        "Please do not change the column layout: the highlight report is produced from "
        "these sheets.",
    ),
    (
        "Read me first",
        "",
        "This tracker is refreshed monthly by the programme office and reported to the "
        "SEND partnership board.",
        "Leads update their own rows; the programme office checks the ratings and the "
        "evidence before each board.",
        "Version control: v2.3, circulated to board members and service leads.",
        "Classification: OFFICIAL",
    ),
    (
        "Cover sheet",
        "",
        "Prepared by the local area partnership for the SEND improvement board.",
        "The workbook is a working document; the published plan is the version approved "
        "by the board.",
        "Contact: SEND improvement programme manager (programme office mailbox).",
    ),
)


def _cover(index: int) -> Callable[[bytes], bytes]:
    def before(data: bytes) -> bytes:
        import openpyxl
        from openpyxl.styles import Font

        book = openpyxl.load_workbook(io.BytesIO(data))
        _laid_out(book)
        sheet = book.create_sheet(("Notes", "Read me", "Cover")[index], 0)
        for row, line in enumerate(_COVERS[index], start=1):
            if line:
                sheet.cell(row, 1, line)
        sheet.cell(1, 1).font = Font(bold=True, size=14)
        for each in book.worksheets:
            each.page_setup.orientation = "landscape"
        book.active = 0
        return _saved(book)

    return before


# Plans a LibreOffice print would misrepresent, and why (none found this round).
NOT_PRINTED: dict[tuple[str, str], str] = {}


def _ways(filename: str, number: int) -> list[tuple[str, str, str, Callable[[bytes], bytes]]]:
    """(how printed, short name, file name's ending, what is done to the file first)."""
    if filename.endswith(".docx"):
        return [(WORD, "Word", "", lambda data: data)]
    return [
        (EXCEL_AS_LEFT, "Excel as left", "", _as_left),
        (EXCEL_FITTED, "Excel fitted", "-fitted", _fitted),
        (EXCEL_COVER, "Excel with cover", "-cover", _cover(number % len(_COVERS))),
    ]


def build_pdfs() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    entries = []
    number = 0
    for corpus in SOURCES:
        for plan in _source_plans(corpus):
            if (corpus, plan.name) in NOT_PRINTED:
                continue
            stem, suffix = plan.filename.rsplit(".", 1)
            if suffix == "xlsx":
                number += 1
            for printed, short, ending, before in _ways(plan.filename, number):
                name = f"{plan.name} [{corpus}, {short}]"
                filename = f"{corpus.replace('_', '-')}-{stem}{ending}.pdf"
                try:
                    data = _print(before(_bytes(plan)), f".{suffix}")
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
