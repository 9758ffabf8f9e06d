"""How closely the importer reads whole plans, front and back matter and all.

Run from the repository root: .venv/bin/python bench/parse_whole.py

Each plan in sendplan/interchange/tests/whole_corpus.py is invented and runs to full length
(40 to 120 actions, a cover, contents, foreword, findings, governance, a key, glossary and
measures). Each line gives how many of the hand-entered plan's items the importer read the
same; "extra actions" counts the actions it read that the plan does not hold, out of all it
read (lower is better). The blind half (fixed by a hash of each plan's name before any rule
was written) is totalled apart, and the time each file takes to read is printed last. The
floors are in test_parse_whole.py.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.parsers import parse_file_inprocess  # noqa: E402
from sendplan.interchange.tests.accuracy import print_halves  # noqa: E402
from sendplan.interchange.tests.whole_corpus import BLIND, PLANS, SCORED, figures  # noqa: E402


def main() -> None:
    print_halves(
        "Whole plans at full length: importer against the hand-entered plan",
        PLANS,
        BLIND,
        SCORED,
        figures,
    )
    print("  Reading time (the file built, then read once more)")
    for plan in PLANS:
        data = plan.data()
        began = time.perf_counter()
        parse_file_inprocess(data, plan.filename)
        took = time.perf_counter() - began
        print(f"    {plan.name:<56} {len(data) // 1024:>5} KB {took:6.2f} s")


if __name__ == "__main__":
    main()
