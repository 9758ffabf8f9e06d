"""The same plan laid out a little differently should read the same: every (plan,
transformation) of sendplan/interchange/tests/shuffled.py, scored against the untransformed
file.

Run from the repository root: .venv/bin/python bench/parse_shuffled.py [--quiet]

Prints, for Excel and for Word, a matrix of base plans against transformations ('.' the cell
holds: no key figure fell and no action was added; 'x' it did not; '(b)' marks the blind half
of each), then what fell in each failing cell, then totals for the dev cells (plan and
transformation both on the dev side), the blind cells (either one blind) and all.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

import django  # noqa: E402

django.setup()

from sendplan.interchange.tests import shuffled  # noqa: E402


def main() -> None:
    quiet = "--quiet" in sys.argv
    failing: shuffled.Failing = []
    for form in ("xlsx", "docx"):
        shuffles = [s for s in shuffled.SHUFFLES if s.form == form]
        plans = [b for b in shuffled.bases() if b.form == form]
        print(f"{form}: transformations")
        failing += shuffled.print_matrix(shuffled, plans, shuffles, 58)
    shuffled.print_totals(shuffled, failing, quiet=quiet)


if __name__ == "__main__":
    main()
