"""Strict Open XML workbooks read as the Transitional ones they match, before openpyxl
(xlsx-strict): without it, openpyxl finds no workbook part and reads nothing. How, in
`ooxml_strict`, as `docx_strict` does for Word documents."""

from __future__ import annotations

from sendplan.interchange.parsers.readers import ooxml_strict

# A workbook's own Strict namespaces and their Transitional twins, beside those every Strict
# file holds.
_NAMES = (
    (b"http://purl.oclc.org/ooxml/spreadsheetml/main",
     b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"),
    *ooxml_strict.SHARED,
)  # fmt: skip
_STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def transitional(data: bytes) -> tuple[bytes, bool]:
    """The workbook with Strict namespaces made Transitional, and whether it was Strict."""
    return ooxml_strict.transitional(data, part="xl/workbook.xml", strict=_STRICT, names=_NAMES)
