"""Inline strings made plain string values, before openpyxl parses a workbook.

openpyxl writes every string of a workbook inline in its cell, as sendplan's own tracker is
written, and reads each inline string back through its rich-text model, a tree of objects for
every cell: two thirds of the time of loading the tracker. Here a cell whose inline string is
one plain run of text is written again as a string value (t="str"), which openpyxl reads as
the same text, before it parses anything. Rich text, CDATA and anything else unusual is left
as it is, and read as before. Workbooks saved by Excel keep their strings in a shared table,
hold no inline strings, and are passed on untouched.
"""

from __future__ import annotations

import io
import re
import zipfile

_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
# A cell's inline string that is one run of plain text: text never holds a "<", so the match
# ends at the run's own closing tag. Anything else in the cell makes it no match.
_INLINE = re.compile(
    rb'<c ((?:[^<>]*?\s)?)t="inlineStr"([^<>]*)>'
    rb'<is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>'
)
_PLAIN = rb'<c \1t="str"\2><v>\3</v></c>'
# An empty string, which openpyxl writes as an inline string cell with nothing in it, and
# reads, as it reads a cell with no type, as empty.
_EMPTY = re.compile(rb'<c ((?:[^<>]*?\s)?)t="inlineStr"([^<>]*)></c>')
_UNTYPED = rb"<c \1\2></c>"


def plain_inline_strings(data: bytes) -> bytes:
    """The workbook with its plain inline strings as string values; the same bytes when it
    has none, or is not a workbook this can read (the reader then says what is wrong)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = archive.infolist()
            changed: dict[str, bytes] = {}
            for item in items:
                if not _SHEET.fullmatch(item.filename):
                    continue
                sheet = archive.read(item)
                if b'"inlineStr"' in sheet:
                    changed[item.filename] = _EMPTY.sub(_UNTYPED, _INLINE.sub(_PLAIN, sheet))
            if not changed:
                return data
            out = io.BytesIO()
            # Stored, not compressed: the copy is read once, at once, and never kept.
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
                for item in items:
                    plain = changed.get(item.filename)
                    copy.writestr(item.filename, archive.read(item) if plain is None else plain)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError):
        return data
