"""Colours and computed values in Office files read the same: every (plan, transformation)
of sendplan/interchange/tests/colour20.py, scored against the untransformed file.

Run from the repository root: .venv/bin/python bench/parse_colour20.py [--quiet]

Prints a matrix for the Excel and one for the Word base plans against the transformations of
their kind ('.' the cell holds: no key figure fell and no action was added; 'x' it did not;
'(b)' marks the blind transformations, by this round's own hash), then what fell in each
failing cell, then totals for the dev cells, the blind cells and all.
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

from sendplan.interchange.tests import colour20, shuffled  # noqa: E402


def main() -> None:
    quiet = "--quiet" in sys.argv
    failing = []
    for form in ("xlsx", "docx"):
        print(f"{form}: transformations")
        plans = [p for p in colour20.plans() if p.base.form == form]
        saves = [s for s in colour20.SAVES if s.form == form]
        failing += shuffled.print_matrix(colour20, plans, saves, 58)
    shuffled.print_totals(colour20, failing, quiet=quiet)


if __name__ == "__main__":
    main()
