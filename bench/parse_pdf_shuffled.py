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

from sendplan.interchange.tests import pdf_shuffled  # noqa: E402

# WeasyPrint's notes on fonts are not the bench's business.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def main() -> None:
    quiet = "--quiet" in sys.argv
    started = time.monotonic()
    failing = []
    shuffles = pdf_shuffled.SHUFFLES
    plans = pdf_shuffled.bases()
    print("transformations")
    for n, shuffle in enumerate(shuffles, start=1):
        print(f"  {n:>2} {shuffle.name}{' (b)' if shuffle.blind else ''}")
    print(f"  {'':<52} " + "".join(f"{n % 100:>3}" for n in range(1, len(shuffles) + 1)))
    for base in plans:
        row = ""
        for shuffle in shuffles:
            fell = pdf_shuffled.fallen(base, shuffle)
            row += f"{'x' if fell else '.':>3}"
            if fell:
                failing.append((base, shuffle, fell))
        name = f"{base.name}{' (b)' if base.blind else ''}"
        print(f"  {name[:52]:<52} {row}")
    if not quiet:
        print("Failing cells")
        for base, shuffle, fell in failing:
            side = "blind" if base.blind or shuffle.blind else "dev"
            print(f"  [{side}] {base.name} x {shuffle.name}: {', '.join(fell)}")
    groups = {
        "dev (plan and transformation dev)": lambda b, s: not b.blind and not s.blind,
        "blind (plan or transformation blind)": lambda b, s: b.blind or s.blind,
        "all": lambda b, s: True,
    }
    print("Totals: cells holding; key figures kept of those read before")
    for label, wanted in groups.items():
        chosen = [(b, s) for b, s in pdf_shuffled.cells() if wanted(b, s)]
        holding = sum(not pdf_shuffled.fallen(b, s) for b, s in chosen)
        kept = [pdf_shuffled.kept(b, s) for b, s in chosen]
        after, before = sum(k[0] for k in kept), sum(k[1] for k in kept)
        print(
            f"  {label:<40} cells {holding:>4}/{len(chosen):<4} "
            f"{100 * holding / max(1, len(chosen)):5.1f}%   "
            f"figures {after:>6}/{before:<6} {100 * after / max(1, before):5.1f}%"
        )
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
