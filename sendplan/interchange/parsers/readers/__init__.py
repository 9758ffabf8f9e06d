"""One reader for each kind of file, all turning checked bytes into the same blocks.

A reader is a function from a `safety.Checked` file to a list of blocks (headings,
paragraphs and tables); it reads, and leaves meaning to the interpreter. `READERS` is the one
place that says which reader reads which kind of file. Adding a kind of file is a module
here, a `FileKind` in `safety` that recognises its bytes, and a line in `READERS`.
"""

from __future__ import annotations

from typing import Protocol

from sendplan.interchange.parsers import safety
from sendplan.interchange.parsers.blocks import Block
from sendplan.interchange.parsers.readers import csv_reader, docx_reader, text_reader, xlsx_reader
from sendplan.interchange.parsers.safety import Checked, FileKind


class Reader(Protocol):
    def __call__(self, checked: Checked) -> list[Block]: ...


def _docx(checked: Checked) -> list[Block]:
    return docx_reader.read_docx(checked.data, checked.notes)


def _xlsx(checked: Checked) -> list[Block]:
    return xlsx_reader.read_xlsx(checked.data, checked.notes)


def _pdf(checked: Checked) -> list[Block]:
    # PDFium and pdfplumber take a tenth of a second to load: only PDFs pay for them.
    from sendplan.interchange.parsers.readers import pdf_reader

    return pdf_reader.read_pdf(checked.data, checked.notes)


def _csv(checked: Checked) -> list[Block]:
    return csv_reader.read_csv(safety.decode_text(checked.data))


def _text(checked: Checked) -> list[Block]:
    return text_reader.read_text(safety.decode_text(checked.data), checked.notes)


READERS: dict[FileKind, Reader] = {
    FileKind.DOCX: _docx,
    FileKind.XLSX: _xlsx,
    FileKind.PDF: _pdf,
    FileKind.CSV: _csv,
    FileKind.TEXT: _text,
}
