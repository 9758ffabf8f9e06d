"""Strict Open XML files (ISO/IEC 29500 Strict) read as the Transitional ones they match.

Word and Excel can save a file as "Strict Open XML". Its parts and elements are those of an
ordinary .docx or .xlsx; only the XML namespaces and relationship types are the ISO ones
(http://purl.oclc.org/ooxml/...), which python-docx and openpyxl do not know. Here, in memory,
each XML part of such a file has the Strict namespaces written as their Transitional twins,
and the copy is read instead (`docx_strict`, `xlsx_strict` give each kind's namespaces). A file
in the Transitional namespaces is passed on untouched. The copy is no bigger than the parts
safety.py has already checked for size and zip bombs.
"""

from __future__ import annotations

import io
import zipfile

Names = tuple[tuple[bytes, bytes], ...]

# The Strict namespaces (and relationship-type prefixes) both kinds of file hold, with their
# Transitional twins. The package's own (content types, relationships, core properties) are the
# same in both.
SHARED: Names = (
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
    (b"http://purl.oclc.org/ooxml/drawingml/chart",
     b"http://schemas.openxmlformats.org/drawingml/2006/chart"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)  # fmt: skip


def transitional(data: bytes, *, part: str, strict: bytes, names: Names) -> tuple[bytes, bool]:
    """The file with its Strict namespaces (`names`) made Transitional, and whether it was
    Strict: it is when its `part` holds the `strict` namespace. The same bytes when it is not
    (or is not a file this can read: the reader says so)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = archive.infolist()
            if part not in {item.filename for item in items} or strict not in archive.read(part):
                return data, False
            out = io.BytesIO()
            # Stored, not compressed: the copy is read once, at once, and never kept.
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
                for item in items:
                    content = archive.read(item)
                    if item.filename.endswith((".xml", ".rels")):
                        for strict_name, plain in names:
                            content = content.replace(strict_name, plain)
                    copy.writestr(item.filename, content)
            return out.getvalue(), True
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError):
        return data, False
