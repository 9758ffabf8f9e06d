"""How closely the importer reads plans written as prose: letters, inspection reports, reviews.

Run from the repository root: .venv/bin/python bench/parse_prose.py

Each plan in sendplan/interchange/tests/prose_corpus.py is invented; each line gives how
many of the hand-entered plan's items the importer read the same. The plans written after the
rules (the blind half) are totalled apart. The floors are in test_parse_prose_corpus.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import print_halves  # noqa: E402
from sendplan.interchange.tests.prose_corpus import BLIND, PLANS, SCORED, figures  # noqa: E402


def main() -> None:
    print_halves(
        "Plans written as prose: importer against the hand-entered plan",
        PLANS,
        BLIND,
        SCORED,
        figures,
    )


if __name__ == "__main__":
    main()
