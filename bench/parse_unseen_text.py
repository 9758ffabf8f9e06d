"""How closely the importer reads invented plans laid out as other councils' files arrive.

Run from the repository root: .venv/bin/python bench/parse_unseen_text.py

Each column is one plan from sendplan/interchange/tests/fixtures/unseen/ (pasted text and
CSV); each line gives how many of the hand-entered reference's items the importer read the
same. The plans are listed in sendplan/interchange/tests/unseen_corpus.py; the floors are in
sendplan/interchange/tests/test_parse_unseen_text.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.unseen_corpus import PLANS, figures  # noqa: E402

WIDTH = 15


def cell(same: int, total: int) -> str:
    if not total:
        return f"{'n/a':>{WIDTH}}"
    return f"{f'{same}/{total}':>8} {100 * same / total:5.1f}%"


def main() -> None:
    table = {plan.name: figures(plan) for plan in PLANS}
    for plan in PLANS:
        print(f"  {plan.name:<20} {plan.file:<30} {plan.layout}")
    print()
    print(f"  {'':<22}" + "".join(f" {plan.name[:WIDTH]:>{WIDTH}}" for plan in PLANS) + "      all")
    names = [what for what, _, _ in table[PLANS[0].name]]
    for what in names:
        row = []
        same_all = total_all = 0
        for plan in PLANS:
            found = {w: (s, t) for w, s, t in table[plan.name]}
            same, total = found[what]
            same_all, total_all = same_all + same, total_all + total
            row.append(cell(same, total))
        print(f"  {what:<22}" + "".join(f" {c}" for c in row) + f" {cell(same_all, total_all)}")


if __name__ == "__main__":
    main()
