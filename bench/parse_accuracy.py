"""How closely the importer reads the South Gloucestershire WSoA, against a hand conversion.

Run from the repository root: .venv/bin/python bench/parse_accuracy.py

Each line gives how many of the hand conversion's items the importer produced with the same
value. The comparison itself lives with its test, sendplan/interchange/tests/test_parse_accuracy.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.test_parse_accuracy import SAMPLE, compare  # noqa: E402


def main() -> None:
    print(f"{SAMPLE.name}: importer against the hand conversion")
    for what, same, total in compare():
        print(f"  {what:<24} {same:>4} / {total:<4} {100 * same / total:5.1f}%")


if __name__ == "__main__":
    main()
