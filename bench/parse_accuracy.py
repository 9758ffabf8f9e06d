"""How closely the importer reads the sample plans, against plans entered by hand.

Run from the repository root: .venv/bin/python bench/parse_accuracy.py

For each sample, as pasted text and as the Word and Excel versions the tests build from the
hand conversion, each line gives how many of the reference's items the importer read the
same. The comparison lives in sendplan/interchange/tests/accuracy.py; its floors are in
sendplan/interchange/tests/test_parse_accuracy.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import FORMATS, SAMPLES, figures, shown  # noqa: E402


def main() -> None:
    for sample in SAMPLES:
        table = {form: figures(sample, form) for form in FORMATS}
        print(f"{sample.name}: importer against the hand conversion")
        print(f"  {'':<22}" + "".join(f"{form:>17}" for form in FORMATS))
        names = [what for what, _, _ in table["text"]]
        for what in names:
            row = []
            for form in FORMATS:
                found = {w: (s, t) for w, s, t in table[form]}
                row.append(shown(*found[what]) if what in found else f"{'not built':>16}")
            print(f"  {what:<22}" + "".join(f" {c}" for c in row))
        print()


if __name__ == "__main__":
    main()
