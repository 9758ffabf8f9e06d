"""Strict Open XML Word documents read as the Transitional ones they match, before python-docx
(docx-strict): without it, python-docx finds no main document part and the file is refused as
damaged. How, in `ooxml_strict`, as `xlsx_strict` does for workbooks."""

from __future__ import annotations

from sendplan.interchange.parsers.readers import ooxml_strict

# A Word document's own Strict namespaces and their Transitional twins, as ISO/IEC 29500-1
# lists them, beside those every Strict file holds.
_NAMES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math",
     b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture",
     b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
    *ooxml_strict.SHARED,
)  # fmt: skip
_STRICT_DOCUMENT = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


def transitional(data: bytes) -> tuple[bytes, bool]:
    """The document with Strict namespaces made Transitional, and whether it was Strict."""
    return ooxml_strict.transitional(
        data, part="_rels/.rels", strict=_STRICT_DOCUMENT, names=_NAMES
    )
