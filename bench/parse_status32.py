"""How the importer reads the status cells of twenty-five more plans written before it was run
on them (round status32).

Run from the repository root: .venv/bin/python bench/parse_status32.py

Each plan in sendplan/interchange/tests/status32.py rates its actions in a form status31's blind
half alone held ("Last quarter | This quarter", "Previous | Latest" or "Q1 | Q2" with no year;
numbered keys laid as table rows; keys with colour swatches; keys of words alone; symbols with a
second legend of arrows; a band that is only a year over months or terms; a dated impact column
beside a dated progress column; colours in brackets; an arrow beside the rating in its cell),
laid out as text, Word, Excel or PDF. The table is bench/parse_status31.py's: per dev plan the
key figures, invented cells, period dates and key meanings, then the dev half's and the blind
half's totals (the blind half, fixed by hash, never printed plan by plan). The floors are in
test_parse_status32.py; the figures in corpus/real/STATUS32.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from bench.parse_status31 import report  # noqa: E402
from sendplan.interchange.tests import status32  # noqa: E402


def main() -> None:
    report(status32, [
        "Status32: twenty-five more plans rating progress in the forms status31's blind half",
        "alone held, against the hand-entered plan (invented cells lower is better). Blind",
        "plans are counted in the totals only.",
    ])  # fmt: skip


if __name__ == "__main__":
    main()
