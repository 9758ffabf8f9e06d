"""How closely the importer reads highlight reports and progress reports on a plan.

Run from the repository root: .venv/bin/python bench/parse_highlights.py

Each report in sendplan/interchange/tests/highlight_corpus.py is invented; each line gives how
many of the hand-entered plan's items the importer read the same. The reports written after
the rules (the blind half) are totalled apart. The floors are in test_parse_highlights.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import shown  # noqa: E402
from sendplan.interchange.tests.highlight_corpus import (  # noqa: E402
    BLIND,
    PLANS,
    SCORED,
    SEEN,
    figures,
)

WIDTH = 22


def main() -> None:
    table = {plan.name: figures(plan) for plan in PLANS}
    print("Highlight and progress reports: importer against the hand-entered plan")
    for plan in PLANS:
        print(f"  {plan.name}{'  (blind)' if plan in BLIND else ''}")
        for what, same, total in table[plan.name]:
            print(f"    {what:<{WIDTH}} {shown(same, total)}")
    for name, plans in (("Written before the rules", SEEN), ("Blind half", BLIND), ("All", PLANS)):
        if not plans:
            continue
        print(f"  {name}")
        for what in SCORED:
            found = [f for plan in plans for f in table[plan.name] if f[0] == what]
            same, total = sum(f[1] for f in found), sum(f[2] for f in found)
            print(f"    {what:<{WIDTH}} {shown(same, total)}")


if __name__ == "__main__":
    main()
