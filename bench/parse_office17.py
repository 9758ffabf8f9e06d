"""How closely the importer reads slide decks, posters, decision sheets and logs, workbooks
with merged grouping columns and shaded ratings (the office layouts of round 17).

Run from the repository root: .venv/bin/python bench/parse_office17.py

Each plan in sendplan/interchange/tests/office17_corpus.py is invented; each line gives how
many of the hand-entered plan's items the importer read the same. The blind half (fixed by a
hash of each plan's name before any rule was written) is totalled apart. The floors are in
test_parse_office17.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import print_halves  # noqa: E402
from sendplan.interchange.tests.office17_corpus import BLIND, PLANS, SCORED, figures  # noqa: E402


def main() -> None:
    print_halves(
        "Office layouts of round 17: importer against the hand-entered plan",
        PLANS,
        BLIND,
        SCORED,
        figures,
    )


if __name__ == "__main__":
    main()
