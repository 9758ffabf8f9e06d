"""Strict Open XML workbooks read as the Transitional ones they match, before openpyxl.

Excel can save a workbook as "Strict Open XML Spreadsheet" (ISO/IEC 29500 Strict). The parts
and their elements are those of an ordinary .xlsx; only the XML namespaces and relationship
types are the ISO ones (http://purl.oclc.org/ooxml/...), which openpyxl does not know: it
finds no workbook part and reads nothing. Here, in memory, each XML part of such a workbook
has the Strict namespaces written as their Transitional twins, and the copy is read instead
(xlsx-strict). A workbook in the Transitional namespaces is passed on untouched. The copy is
no bigger than the parts safety.py has already checked for size and zip bombs.
"""

from __future__ import annotations

import io
import zipfile

# Each Strict namespace (and relationship-type prefix) and its Transitional twin.
_NAMES = (
    (b"http://purl.oclc.org/ooxml/spreadsheetml/main",
     b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
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
    (b"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/chart",
     b"http://schemas.openxmlformats.org/drawingml/2006/chart"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)  # fmt: skip
_STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def transitional(data: bytes) -> tuple[bytes, bool]:
    """The workbook with Strict namespaces made Transitional, and whether it was Strict; the
    same bytes when it is not (or is not a workbook this can read: the reader says so)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = archive.infolist()
            names = {item.filename for item in items}
            if "xl/workbook.xml" not in names or _STRICT not in archive.read("xl/workbook.xml"):
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
