"""Which files are accepted as evidence. Uploads are untrusted: the name decides the kind,
the first bytes must agree with it, and nothing is ever opened or run on the server."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from django.conf import settings

from sendplan.plans.services import PlanRuleError

KINDS = {
    ".pdf": ("application/pdf", "a PDF"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "a Word document",
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "an Excel workbook",
    ),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "a PowerPoint presentation",
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", "an OpenDocument text"),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet"),
    ".csv": ("text/csv", "a CSV file"),
    ".txt": ("text/plain", "a text file"),
    ".png": ("image/png", "a PNG image"),
    ".jpg": ("image/jpeg", "a JPEG image"),
    ".jpeg": ("image/jpeg", "a JPEG image"),
}
OFFICE_PART = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}

ACCEPTED = "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG"


class EvidenceRefused(PlanRuleError):
    """A file that cannot be attached as evidence; the message says why, in plain English."""


def _looks_like(suffix: str, content: bytes) -> bool:
    if suffix == ".pdf":
        return content.startswith(b"%PDF-")
    if suffix == ".png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if suffix in {".jpg", ".jpeg"}:
        return content.startswith(b"\xff\xd8\xff")
    if suffix in {".csv", ".txt"}:
        if b"\x00" in content:
            return False
        return _decodes(content, "utf-8") or _decodes(content, "cp1252")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False
    if suffix in OFFICE_PART:
        return any(n.startswith(OFFICE_PART[suffix]) for n in names)
    return "mimetype" in names


def _decodes(content: bytes, encoding: str) -> bool:
    try:
        content.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _has_macros(content: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return any(n.lower().endswith("vbaproject.bin") for n in archive.namelist())


def check_evidence_file(name: str, content: bytes) -> str:
    """The file's content type, or EvidenceRefused saying in plain English why it is refused."""
    suffix = Path(name).suffix.lower()
    limit = settings.MAX_EVIDENCE_MB
    if suffix not in KINDS:
        raise EvidenceRefused(
            f"{Path(name).name} cannot be attached: the file must be a {ACCEPTED}"
        )
    if not content:
        raise EvidenceRefused(f"{Path(name).name} is empty")
    if len(content) > limit * 1024 * 1024:
        raise EvidenceRefused(f"{Path(name).name} is larger than {limit} MB")
    content_type, kind = KINDS[suffix]
    if not _looks_like(suffix, content):
        raise EvidenceRefused(
            f"{Path(name).name} is not {kind}, though its name says so. "
            "Check the file opens, then attach it again."
        )
    if suffix in OFFICE_PART and _has_macros(content):
        raise EvidenceRefused(f"{Path(name).name} contains macros, so it cannot be attached")
    return content_type
