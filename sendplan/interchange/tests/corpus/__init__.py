"""Real published plans (real/), and the builders that lay some of them out as the councils
would circulate them: Word and Excel files, and a PDF printed from the Word file."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def print_to_pdf(docx_path: Path) -> bytes:
    """The Word file printed to PDF by LibreOffice, as councils make their PDFs. LibreOffice
    is only needed to make the corpus's files, never by the tests."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "LibreOffice is needed to make the PDFs: apt-get install -y -qq "
            "libreoffice-writer-nogui"
        )
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
             "--convert-to", "pdf", "--outdir", folder, str(docx_path)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        return (Path(folder) / f"{docx_path.stem}.pdf").read_bytes()
