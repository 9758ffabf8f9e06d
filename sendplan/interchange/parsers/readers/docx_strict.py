"""Strict Open XML Word documents read as the Transitional ones they match, before python-docx.

Word can save a document as "Strict Open XML Document" (ISO/IEC 29500 Strict). Its parts and
elements are those of an ordinary .docx; the XML namespaces and relationship types are the
ISO ones (http://purl.oclc.org/ooxml/...), which python-docx does not know: it finds no main
document part and the file is refused as damaged. Here, in memory, each XML part of such a
document has the Strict namespaces written as their Transitional twins, and the copy is read
instead (docx-strict), as `xlsx_strict` does for workbooks. A document in the Transitional
namespaces is passed on untouched. The copy is no bigger than the parts safety.py has
already checked for size and zip bombs.
"""

from __future__ import annotations

import io
import zipfile

# Each Strict namespace (and relationship-type prefix) and its Transitional twin, as
# ISO/IEC 29500-1 lists them for the parts a Word document holds. The package's own
# namespaces (content types, relationships, core properties) are the same in both.
_NAMES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/customProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    (b"http://purl.oclc.org/ooxml/officeDocument/sharedTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math",
     b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture",
     b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
    (b"http://purl.oclc.org/ooxml/drawingml/chart",
     b"http://schemas.openxmlformats.org/drawingml/2006/chart"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)  # fmt: skip
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_STRICT_DOCUMENT = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


def transitional(data: bytes) -> tuple[bytes, bool]:
    """The document with Strict namespaces made Transitional, and whether it was Strict; the
    same bytes when it is not (or is not a document this can read: the reader says so)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = archive.infolist()
            names = {item.filename for item in items}
            if "_rels/.rels" not in names or _STRICT_DOCUMENT not in archive.read("_rels/.rels"):
                return data, False
            out = io.BytesIO()
            # Stored, not compressed: the copy is read once, at once, and never kept.
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
                for item in items:
                    content = archive.read(item)
                    if item.filename.endswith((".xml", ".rels")):
                        for strict, plain in _NAMES:
                            content = content.replace(strict, plain)
                    copy.writestr(item.filename, content)
            return out.getvalue(), True
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError):
        return data, False
