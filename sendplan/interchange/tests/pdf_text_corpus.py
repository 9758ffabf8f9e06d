"""Text copied out of a PDF, however it was extracted: a metamorphic bench.

Many people bring their plan by pasting text copied from the council's PDF, or by uploading a
.txt a tool made from it. The same PDF gives very different text depending on how it was
extracted: pdfplumber with and without its layout mode and with other tolerances, pdfminer
with other layout parameters, pdfium's text (what Chrome's viewer copies), or a viewer's copy
of one cell per line. Page headers, footers and repeated heading rows fall between the rows.

The base plans are PDFs the importer reads, whose hand-entered plan we hold: the dev and opened
real plans with a `plan.pdf` (blind real plans are skipped by their slug before any file of
theirs is touched), the PDFs of `unseen_office`, `office17_corpus` and `whole_corpus`, and the
two samples printed by `sendplan.demo.pdf_files`. Each is extracted in every named way
(`EXTRACTIONS`, made only with libraries already installed; `pdftotext` is not installed here)
and the text is read by `parse_text`, as pasted text is, then scored with
`accuracy.agreement` against the plan's own reference.

A cell (base × extraction) *holds* when every key figure (actions found, refs, titles, leads,
due dates, status cells) of the text read is at least what the PDF itself gives, and the text
gives no more actions than the PDF. For a base the importer reads whole that is "the same
actions, refs, titles, leads, due dates and ratings as the hand-entered plan".

A fixed hash rule (`blind`) keeps about half of the base plans blind: rules are written only
from the dev bases' cells; the blind bases' cells are only counted. bench/parse_pdf_text.py
prints the matrix; test_parse_pdf_text.py holds floors on a subset.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from sendplan.demo import pdf_files, sample_files
from sendplan.interchange.parsers import ParseError, parse_file_inprocess, parse_text
from sendplan.interchange.tests import (
    accuracy,
    office17_corpus,
    real_corpus,
    unseen_office,
    whole_corpus,
)
from sendplan.interchange.tests.accuracy import Score, score

Doc = dict[str, Any]

# The figures an extraction must not lower.


def blind(name: str) -> bool:
    """About half of the base plans, fixed by a hash of the base's name before any rule."""
    return hashlib.sha256(f"pdftext18:{name}".encode()).hexdigest()[0] in "01234567"


# ---------------------------------------------------------------------------------------------
# Extractions: each takes a PDF's bytes and gives the text a person would paste.


def _plumber(data: bytes, **options: Any) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text(**options) or "" for page in pdf.pages)


def _pdfminer(data: bytes, **params: Any) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    text: str = extract_text(io.BytesIO(data), laparams=LAParams(**params))
    return text


def _pdfium(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        # pdfium ends its lines with CR LF, as Windows' clipboard does.
        return "\r\n".join(pages)
    finally:
        pdf.close()


def _lines_of_words(page: Any) -> list[list[dict[str, Any]]]:
    """The page's words grouped into visual lines (by their top), left to right."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _segments(line: list[dict[str, Any]]) -> list[str]:
    """A visual line cut where the gap between two words is wider than a few spaces."""
    out: list[list[str]] = []
    last: dict[str, Any] | None = None
    for word in line:
        size = word["bottom"] - word["top"]
        if last is None or word["x0"] - last["x1"] > size * 0.9:
            out.append([])
        out[-1].append(word["text"])
        last = word
    return [" ".join(each) for each in out]


def _viewer_lines(data: bytes) -> str:
    """A viewer's copy: every run of text on a line of its own, in reading order (each visual
    line left to right, the cells of a row side by side giving one line each)."""
    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for line in _lines_of_words(page):
                out.extend(_segments(line))
    return "\n".join(out)


def _viewer_cells(data: bytes) -> str:
    """A viewer's copy of one cell per line: each table cell's text on one line, the cells of
    a row one after another; text outside tables line by line, in page order."""
    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            placed: list[tuple[float, list[str]]] = []
            tables = page.find_tables()
            for table in tables:
                for row in table.rows:
                    texts = []
                    for cell in row.cells:
                        if cell is None:
                            continue
                        text = page.crop(cell).extract_text() or ""
                        texts.append(" ".join(text.split()))
                    top = min(c[1] for c in row.cells if c is not None)
                    placed.append((top, [t for t in texts if t]))
            boxes = [t.bbox for t in tables]

            def outside(obj: Any, boxes: list[Any] = boxes) -> bool:
                if obj.get("object_type") != "char":
                    return True
                return not any(
                    b[0] <= obj["x0"] <= b[2] and b[1] <= obj["top"] <= b[3] for b in boxes
                )

            rest = page.filter(outside)
            for line in _lines_of_words(rest):
                placed.append((line[0]["top"], [" ".join(w["text"] for w in line)]))
            for _top, texts in sorted(placed, key=lambda p: p[0]):
                out.extend(texts)
    return "\n".join(out)


@dataclass(frozen=True)
class Extraction:
    name: str
    extract: Callable[[bytes], str]


EXTRACTIONS = (
    Extraction("plumber", _plumber),
    Extraction("plumber_layout", partial(_plumber, layout=True)),
    Extraction("plumber_tight", partial(_plumber, x_tolerance=1, y_tolerance=1)),
    Extraction("plumber_loose", partial(_plumber, x_tolerance=3, y_tolerance=6)),
    Extraction("plumber_layout_dense", partial(_plumber, layout=True, x_density=5.5)),
    Extraction("pdfminer", _pdfminer),
    Extraction("pdfminer_no_flow", partial(_pdfminer, boxes_flow=None)),
    Extraction("pdfminer_narrow", partial(_pdfminer, char_margin=1.0, line_margin=0.2)),
    Extraction("pdfminer_wide", partial(_pdfminer, char_margin=6.0, line_margin=1.0)),
    Extraction("pdfium", _pdfium),
    Extraction("viewer_lines", _viewer_lines),
    Extraction("viewer_cells", _viewer_cells),
)


# ---------------------------------------------------------------------------------------------
# Base plans


@dataclass(frozen=True)
class Base:
    """A PDF the importer reads, with the plan it holds."""

    name: str
    build: Callable[[], bytes]
    reference: Callable[[], Doc]

    @property
    def blind(self) -> bool:
        return blind(self.name)


def _real_bases() -> list[Base]:
    # The blind half of the real corpus is never opened (real_corpus.laid_out_files).
    return [
        Base(f"real/{plan.slug}", path.read_bytes, partial(plan.expected, "pdf"))
        for plan, path in real_corpus.laid_out_files("pdf")
    ]


def _invented_bases() -> list[Base]:
    out = [
        Base(f"unseen/{plan.filename}", plan.build, plan.reference)
        for plan in unseen_office.CORPUS
        if plan.filename.endswith(".pdf")
    ]
    out += [
        Base(f"office17/{plan.filename}", plan.data, plan.reference)
        for plan in office17_corpus.PLANS
        if plan.filename.endswith(".pdf")
    ]
    out += [
        Base(f"whole/{plan.filename}", plan.data, plan.reference)
        for plan in whole_corpus.PLANS
        if plan.filename.endswith(".pdf")
    ]
    return out


def _sample_pdf(sample: sample_files.Sample) -> bytes:
    return pdf_files.plan_pdf(
        sample.rated(), dict(sample.headings), section_column=sample.section_column
    )


def _sample_bases() -> list[Base]:
    return [
        Base(f"sample/{sample.slug}.pdf", partial(_sample_pdf, sample), sample.rated)
        for sample in sample_files.SAMPLES
    ]


@cache
def bases() -> tuple[Base, ...]:
    return tuple(_real_bases() + _invented_bases() + _sample_bases())


@cache
def pdf(base: Base) -> bytes:
    return base.build()


@cache
def text(base: Base, extraction: Extraction) -> str:
    return extraction.extract(pdf(base))


# ---------------------------------------------------------------------------------------------
# Scoring

NOTHING: Doc = {"title": "", "sections": []}


@cache
def base_score(base: Base) -> Score:
    try:
        plan = parse_file_inprocess(pdf(base), "plan.pdf").document["plan"]
    except ParseError:
        plan = NOTHING
    return score(plan, base.reference())


def read_text(content: str) -> Doc:
    try:
        plan: Doc = parse_text(content).document["plan"]
    except ParseError:
        return NOTHING
    return plan


@cache
def text_score(base: Base, extraction: Extraction) -> Score:
    return score(read_text(text(base, extraction)), base.reference())


def fallen(base: Base, extraction: Extraction) -> list[str]:
    """The key figures the text reads lower than the PDF, and 'extra' when it adds actions."""
    return accuracy.fallen_between(base_score(base), text_score(base, extraction))


def cells(
    plans: tuple[Base, ...] | None = None, extractions: tuple[Extraction, ...] | None = None
) -> Iterator[tuple[Base, Extraction]]:
    for base in plans if plans is not None else bases():
        for extraction in extractions if extractions is not None else EXTRACTIONS:
            yield base, extraction


def kept(base: Base, extraction: Extraction) -> tuple[int, int]:
    """(key figures matching in the text, matching in the PDF) summed over the key figures."""
    return accuracy.kept_between(base_score(base), text_score(base, extraction))
