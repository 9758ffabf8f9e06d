"""How closely the importer reads Word and Excel plans laid out unlike the samples.

Run from the repository root: .venv/bin/python bench/parse_unseen_office.py

Each plan in sendplan/interchange/tests/unseen_office.py is invented and laid out the way a
different council might lay out theirs; each line gives how many of the hand-entered plan's
items the importer read the same. The floors are in test_parse_unseen_office.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import shown  # noqa: E402
from sendplan.interchange.tests.unseen_office import CORPUS, figures  # noqa: E402


def main() -> None:
    table = {plan.name: figures(plan) for plan in CORPUS}
    names = [what for what, _, _ in next(iter(table.values()))]
    width = 22
    print("Unseen Word and Excel plans: importer against the hand-entered plan")
    for plan in CORPUS:
        print(f"  {plan.name}")
        for what, same, total in table[plan.name]:
            print(f"    {what:<{width}} {shown(same, total)}")
    print("  All plans")
    for what in names:
        same = sum(s for w, s, _ in (f for fs in table.values() for f in fs) if w == what)
        total = sum(t for w, _, t in (f for fs in table.values() for f in fs) if w == what)
        print(f"    {what:<{width}} {shown(same, total)}")


if __name__ == "__main__":
    main()
