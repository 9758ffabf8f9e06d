"""Watermarks and hyphenation drawn in new ways should not change what a PDF plan says: every
(plan, mark) of sendplan/interchange/tests/pdf_marks.py, scored against the plan's plain print.

Run from the repository root: .venv/bin/python bench/parse_pdf_marks.py [--quiet]

Prints a matrix of base plans against marks ('.' the cell holds: no key figure fell and no
action was added; 'x' it did not; '(b)' marks the blind plans, whose cells were only counted),
then what fell in each failing cell, then totals. Its measure of generality is elsewhere:
pdf_shuffled's own watermark and hyphenation columns, which stay blind
(bench/parse_pdf_shuffled.py). About 3 minutes.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

import django  # noqa: E402

django.setup()

from sendplan.interchange.tests import pdf_marks, pdf_shuffled, shuffled  # noqa: E402

# WeasyPrint's notes on fonts are not the bench's business.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def main() -> None:
    quiet = "--quiet" in sys.argv
    started = time.monotonic()
    print("marks")
    failing = shuffled.print_matrix(pdf_marks, pdf_shuffled.bases(), pdf_marks.MARKS, 52)
    shuffled.print_totals(pdf_marks, failing, quiet=quiet)
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
