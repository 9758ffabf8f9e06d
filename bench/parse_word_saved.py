"""Word files as councils save them read the same: every (plan, transformation) of
sendplan/interchange/tests/word_saved.py, scored against the untransformed file.

Run from the repository root: .venv/bin/python bench/parse_word_saved.py [--quiet]

Prints a matrix of the Word base plans against the ways Word saves a file ('.' the cell
holds: no key figure fell and no action was added; 'x' it did not; '(b)' marks this round's
blind half of each), then what fell in each failing cell, then totals for the dev cells
(plan and transformation both on the dev side), the blind cells (either one blind) and all.
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

from sendplan.interchange.tests import shuffled, word_saved  # noqa: E402


def main() -> None:
    quiet = "--quiet" in sys.argv
    print("docx: transformations")
    failing = shuffled.print_matrix(word_saved, word_saved.plans(), word_saved.SAVINGS, 58)
    shuffled.print_totals(word_saved, failing, quiet=quiet)


if __name__ == "__main__":
    main()
