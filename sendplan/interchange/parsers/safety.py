"""Deciding what an uploaded file really is, and refusing the ones that are unsafe to open.

We look at the bytes, not the name: a .docx and an .xlsx are both zip archives, told apart
by their parts. Before python-docx or openpyxl see a zip we check its central directory for
zip bombs and parse every XML part with defusedxml, which refuses DOCTYPE and entity
declarations (the "billion laughs" attack). Macros are never run: we only read XML, and we
drop the VBA parts of macro-enabled files before opening them.

A PDF is known by its "%PDF-" header. PDFium (pypdfium2) opens it here to refuse, in words,
one protected with a password or longer than MAX_PDF_PAGES; a PDF that only restricts
copying or printing opens without a password and is read. JavaScript in a PDF is never run:
the PDFium that pypdfium2 ships is built without a JavaScript engine (V8) or XFA forms, and
we never start its form-filling environment, so scripts, form actions and links are inert
data that we do not even read.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePath
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from sendplan.interchange.parsers.errors import ParseError

SUPPORTED = (
    "a Word document (.docx), an Excel workbook (.xlsx), a PDF (.pdf), a CSV file (.csv) or "
    "text (.txt)"
)
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
BIG_MEMBER = 1024 * 1024
MAX_MEMBERS = 5000
# The longest PDF we read: plans run to 20-80 pages, with appendices to 150 or so.
MAX_PDF_PAGES = 300

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORD_MAIN = ("wordprocessingml.document.main", "ms-word.document.macroenabled.main")
_EXCEL_MAIN = ("spreadsheetml.sheet.main", "ms-excel.sheet.macroenabled.main")
_MACRO_TYPES = {
    "application/vnd.ms-word.document.macroenabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
    "application/vnd.ms-excel.sheet.macroenabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    ),
}
_VBA_RELATIONSHIP = re.compile(r"<Relationship\b[^>]*vbaProject[^>]*/>", re.IGNORECASE)
_TEXT_NAMES = {".csv", ".txt", ".tsv", ".text"}
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM")


class FileKind(Enum):
    DOCX = "docx"
    XLSX = "xlsx"
    PDF = "pdf"
    CSV = "csv"
    TEXT = "text"


@dataclass
class Checked:
    kind: FileKind
    data: bytes
    notes: list[str] = field(default_factory=list)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def check_size(data: bytes, *, max_bytes: int) -> None:
    """The checks cheap enough to run before starting a child process."""
    if not data:
        raise ParseError("The file is empty. Choose the file again, or check it has content.")
    if len(data) > max_bytes:
        raise ParseError(
            f"The file is too big ({_megabytes(len(data))}). The largest file we can read is "
            f"{_megabytes(max_bytes)}."
        )


def check(data: bytes, filename: str, *, max_bytes: int) -> Checked:
    """What the file is, ready to read; ParseError when it cannot or must not be read."""
    check_size(data, max_bytes=max_bytes)
    suffix = PurePath(filename or "").suffix.lower()
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _check_zip(data)
    if _PDF_HEADER in data[:1024]:
        return _check_pdf(data)
    _refuse_known_binaries(data, suffix)
    if suffix in _TEXT_NAMES:
        return Checked(FileKind.CSV if suffix == ".csv" else FileKind.TEXT, data)
    if suffix in (".docx", ".xlsx", ".docm", ".xlsm"):
        raise ParseError(
            f"This file is named {suffix} but is not a Word or Excel file inside; it may be "
            "damaged. Open it and save it again, then try once more."
        )
    if suffix == ".pdf":
        raise ParseError(
            "This file is named .pdf but is not a PDF inside; it may be damaged. Open it and "
            "save it as PDF again, then try once more."
        )
    named = f"{suffix} files" if suffix else "files without an extension"
    raise ParseError(f"We cannot read {named}. Upload {SUPPORTED}.")


def _refuse_known_binaries(data: bytes, suffix: str) -> None:
    if data.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in data:
            raise ParseError(
                "This file is protected with a password. Remove the password in Word or Excel "
                "(File, Info, Protect), save it, and upload it again."
            )
        raise ParseError(
            "This is an older Word (.doc) or Excel (.xls) file. Open it, save it as .docx or "
            f".xlsx, and upload that. We can read {SUPPORTED}."
        )
    if data.startswith(b"{\\rtf"):
        raise ParseError(f"We cannot read Rich Text (.rtf) files. Upload {SUPPORTED}.")
    if data.startswith(_IMAGES) or data[8:12] == b"WEBP":
        raise ParseError(f"This is a picture, not a plan we can read. Upload {SUPPORTED}.")


# Readers accept the header anywhere in the first kilobyte (some tools write a line before it).
_PDF_HEADER = b"%PDF-"


def _check_pdf(data: bytes) -> Checked:
    """A PDF that can be opened without a password and is not too long to read."""
    # pypdfium2 loads PDFium's library when imported, so only PDFs pay for it.
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if getattr(error, "err_code", None) == pypdfium2.raw.FPDF_ERR_PASSWORD:
            raise ParseError(
                "This PDF is protected with a password, so we cannot read it. Save a copy "
                "without the password (or upload the Word or Excel version) and try again."
            ) from error
        raise ParseError(
            "This PDF could not be opened; it may be damaged. Open it and save it as PDF "
            "again, then try once more."
        ) from error
    try:
        pages = len(document)
    finally:
        document.close()
    if pages == 0:
        raise ParseError("This PDF has no pages in it.")
    if pages > MAX_PDF_PAGES:
        raise ParseError(
            f"This PDF has {pages:,} pages; the most we read is {MAX_PDF_PAGES}. Upload the "
            "part that holds the plan, or the Word or Excel version."
        )
    return Checked(FileKind.PDF, data)


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ParseError(
            "The file could not be opened; it may be damaged. Open it and save it again, then "
            "try once more."
        ) from error


def _refuse_bombs(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ParseError("The file has far more parts than a plan would; we will not open it.")
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise ParseError(
                "This file is protected with a password. Remove the password, save it, and "
                "upload it again."
            )
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > BIG_MEMBER and ratio > MAX_RATIO:
            raise ParseError(
                "The file unpacks to far more data than it holds (it looks like a 'zip bomb'); "
                "we will not open it."
            )
    if total > MAX_UNCOMPRESSED:
        raise ParseError(
            f"The file unpacks to {_megabytes(total)}, more than the "
            f"{_megabytes(MAX_UNCOMPRESSED)} we can read."
        )


def _refuse_unsafe_xml(archive: zipfile.ZipFile) -> None:
    """DOCTYPE and ENTITY declarations can only come before a part's first element, so each
    part is read only that far; the readers' own parsers meet any later damage.

    A part is known as XML by what it holds, not by its name: the readers find their parts
    through [Content_Types].xml and the relationships, which can give an XML part any name.
    Pictures are left alone, an SVG logo among them (Illustrator writes a DOCTYPE in its
    SVGs): the readers never parse a picture."""
    pictures = _picture_parts(archive)
    for member in archive.infolist():
        if member.filename in pictures:
            continue
        with archive.open(member) as stream:
            if not _looks_like_xml(stream):
                continue
        try:
            with archive.open(member) as stream:
                events = ("start",)
                for _ in iterparse(_Sips(stream), events, forbid_dtd=True, forbid_entities=True):
                    break
        except DefusedXmlException as error:
            raise ParseError(
                "The file contains XML declarations (DOCTYPE or ENTITY) that Word and Excel "
                "never write and that can be used to attack servers; we will not open it."
            ) from error
        except Exception as error:
            raise ParseError(
                f"Part of the file ({member.filename}) is damaged. Open it and save it again, "
                "then try once more."
            ) from error


class _Sips:
    """A part read a little at a time: iterparse reads 16 KiB before it gives its first event,
    and parsing all of that (in Python, as defusedxml does) cost more than the rest of the
    check. Whatever comes before the first element is parsed all the same."""

    SIP = 1024

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        return self.stream.read(self.SIP if size < 0 else min(size, self.SIP))


_DEFAULT_TYPE = re.compile(
    r"<Default\b(?=[^>]*\bExtension=\"([^\"]+)\")(?=[^>]*\bContentType=\"([^\"]+)\")", re.I
)
_OVERRIDE_TYPE = re.compile(
    r"<Override\b(?=[^>]*\bPartName=\"([^\"]+)\")(?=[^>]*\bContentType=\"([^\"]+)\")", re.I
)


def _picture_parts(archive: zipfile.ZipFile) -> set[str]:
    """The parts [Content_Types].xml says are pictures ("image/png", "image/svg+xml")."""
    try:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except KeyError:
        return set()
    by_extension = {ext.lower(): kind.lower() for ext, kind in _DEFAULT_TYPE.findall(types)}
    by_part = {name.lstrip("/"): kind.lower() for name, kind in _OVERRIDE_TYPE.findall(types)}
    pictures = set()
    for name in archive.namelist():
        kind = by_part.get(name) or by_extension.get(PurePath(name).suffix.lstrip(".").lower(), "")
        if kind.startswith("image/"):
            pictures.add(name)
    return pictures


# How a part's first bytes say which encoding it is in, as the XML specification's appendix F
# lists them: a byte order mark, else where the zero bytes fall around the first "<" or blank.
# A UTF-32 part is taken for XML too, and then refused as damaged: Word and Excel never write
# one, and the readers' parser would read it.
_MARKS = [
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
]
_OPENING = [c.encode() for c in "< \t\r\n"]
_UNMARKED = [
    *((b"\x00\x00\x00" + c, "utf-32-be") for c in _OPENING),
    *((c + b"\x00\x00\x00", "utf-32-le") for c in _OPENING),
    *((b"\x00" + c, "utf-16-be") for c in _OPENING),
    *((c + b"\x00", "utf-16-le") for c in _OPENING),
]
_BLANK = " \t\r\n\ufeff"


def _encoding(head: bytes) -> str:
    for mark, name in [*_MARKS, *_UNMARKED]:
        if head.startswith(mark):
            return name
    # Any other bytes are read one to a character: only "<" and the blanks matter here.
    return "latin-1"


def _looks_like_xml(stream: IO[bytes]) -> bool:
    """Whether a part's first characters after any blanks open a tag, however many blanks come
    first and whichever encoding its first bytes name."""
    head = stream.read(4096)
    decoder = codecs.getincrementaldecoder(_encoding(head))(errors="replace")
    chunk = head
    while chunk:
        text = decoder.decode(chunk).lstrip(_BLANK)
        if text:
            return text.startswith("<")
        chunk = stream.read(64 * 1024)
    return False


def _content_types(archive: zipfile.ZipFile) -> str:
    try:
        return archive.read("[Content_Types].xml").decode("utf-8", "replace").lower()
    except KeyError as error:
        raise ParseError(
            f"This zip file is not a Word or Excel document. Upload {SUPPORTED}."
        ) from error


# What zipfile raises when a part's own header or compressed bytes are damaged.
_DAMAGED_PART = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError)


def _check_zip(data: bytes) -> Checked:
    try:
        return _check_package(data)
    except _DAMAGED_PART as error:
        raise ParseError(
            "The file could not be opened; part of it is damaged. Open it and save it again, "
            "then try once more."
        ) from error


def _check_package(data: bytes) -> Checked:
    with _open_zip(data) as archive:
        _refuse_bombs(archive)
        names = {name.lower() for name in archive.namelist()}
        if "mimetype" in names and not any(n.startswith(("word/", "xl/")) for n in names):
            raise ParseError(
                "This looks like an OpenDocument file (LibreOffice). Save it as .docx or .xlsx "
                "and upload that."
            )
        types = _content_types(archive)
        _refuse_unsafe_xml(archive)
        if any(main in types for main in _WORD_MAIN):
            kind = FileKind.DOCX
        elif any(main in types for main in _EXCEL_MAIN):
            kind = FileKind.XLSX
        elif "presentationml" in types:
            raise ParseError(f"We cannot read PowerPoint files. Upload {SUPPORTED}.")
        else:
            raise ParseError(
                f"This file is not a Word document or Excel workbook. Upload {SUPPORTED}."
            )
        has_macros = any("vbaproject" in name for name in names) or "macroenabled" in types
        if not has_macros:
            return Checked(kind, data)
        return Checked(
            kind,
            _without_macros(archive),
            ["The file contains macros. They were removed before reading and never run."],
        )


def _without_macros(archive: zipfile.ZipFile) -> bytes:
    """A copy of the package with its VBA parts removed and its main part typed as a plain
    .docx or .xlsx, so the readers see an ordinary document."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in archive.infolist():
            lowered = member.filename.lower()
            if "vbaproject" in lowered or "vbadata" in lowered:
                continue
            content = archive.read(member)
            if lowered == "[content_types].xml":
                text = content.decode("utf-8")
                for macro, plain in _MACRO_TYPES.items():
                    text = _replace_insensitive(text, macro, plain)
                content = text.encode("utf-8")
            elif lowered.endswith(".rels"):
                text = content.decode("utf-8")
                content = _VBA_RELATIONSHIP.sub("", text).encode("utf-8")
            copy.writestr(member, content)
    return out.getvalue()


def _replace_insensitive(text: str, old: str, new: str) -> str:
    lowered, target = text.lower(), old.lower()
    start = lowered.find(target)
    while start != -1:
        text = text[:start] + new + text[start + len(old) :]
        lowered = text.lower()
        start = lowered.find(target, start + len(new))
    return text


def decode_text(data: bytes) -> str:
    """Text files arrive as UTF-8 (with or without a BOM), UTF-16 from Excel, or Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if "\x00" in text or controls > max(10, len(text[:20000]) // 100):
        raise ParseError(f"This file does not look like text. Upload {SUPPORTED}.")
    return text
