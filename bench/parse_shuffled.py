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
    failing = []
    for form in ("xlsx", "docx"):
        shuffles = [s for s in shuffled.SHUFFLES if s.form == form]
        plans = [b for b in shuffled.bases() if b.form == form]
        print(f"{form}: transformations")
        for n, shuffle in enumerate(shuffles, start=1):
            print(f"  {n:>2} {shuffle.name}{' (b)' if shuffle.blind else ''}")
        print(f"  {'':<58} " + "".join(f"{n % 100:>3}" for n in range(1, len(shuffles) + 1)))
        for base in plans:
            row = ""
            for shuffle in shuffles:
                fell = shuffled.fallen(base, shuffle)
                row += f"{'x' if fell else '.':>3}"
                if fell:
                    failing.append((base, shuffle, fell))
            name = f"{base.name}{' (b)' if base.blind else ''}"
            print(f"  {name[:58]:<58} {row}")
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
        chosen = [(b, s) for b, s in shuffled.cells() if wanted(b, s)]
        holding = sum(not shuffled.fallen(b, s) for b, s in chosen)
        kept = [shuffled.kept(b, s) for b, s in chosen]
        after, before = sum(k[0] for k in kept), sum(k[1] for k in kept)
        print(
            f"  {label:<40} cells {holding:>4}/{len(chosen):<4} "
            f"{100 * holding / max(1, len(chosen)):5.1f}%   "
            f"figures {after:>6}/{before:<6} {100 * after / max(1, before):5.1f}%"
        )


if __name__ == "__main__":
    main()
