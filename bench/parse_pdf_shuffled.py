"""The same plan printed to PDF differently should read the same: every (plan, transformation)
of sendplan/interchange/tests/pdf_shuffled.py, scored against the plan's plain print.

Run from the repository root: .venv/bin/python bench/parse_pdf_shuffled.py [--quiet]

Prints a matrix of base plans against transformations ('.' the cell holds: no key figure fell
and no action was added; 'x' it did not; '(b)' marks the blind half of each), then what fell in
each failing cell, then totals for the dev cells (plan and transformation both on the dev
side), the blind cells (either one blind) and all. About 4 minutes.
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

from sendplan.interchange.tests import pdf_shuffled, shuffled  # noqa: E402

# WeasyPrint's notes on fonts are not the bench's business.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def main() -> None:
    quiet = "--quiet" in sys.argv
    started = time.monotonic()
    print("transformations")
    failing = shuffled.print_matrix(pdf_shuffled, pdf_shuffled.bases(), pdf_shuffled.SHUFFLES, 52)
    shuffled.print_totals(pdf_shuffled, failing, quiet=quiet)
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
