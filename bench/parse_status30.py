"""How the importer reads the status cells of sixteen more plans written before it was run on
them (round status30).

Run from the repository root: .venv/bin/python bench/parse_status30.py

Each plan in sendplan/interchange/tests/status30.py rates its actions in a kind round status29
named and its dev half lacked (one RAG column dated only by the title, a date line or the
sheet's name; symbols and arrows a legend paragraph explains; a band such as "Status 2025" over
month names; numbers a key explains; Achieved / Partially achieved / Not achieved / Not yet due;
"Previous RAG | Current RAG"; shading only; a "% complete"), or gives no ratings at all, laid
out as text, Word, Excel or PDF. Per dev plan: actions found, refs, titles, leads, due dates
and status cells read as the hand-entered plan says (accuracy.agreement), and the status cells
the importer invented where the plan has none, the periods given the plan's dates and the
key's ratings given the plan's meanings; then the totals for the dev half (the one rules
may be written from) and the blind half (fixed by hash, only counted, never printed plan by
plan). The floors are in test_parse_status30.py; the figures in corpus/real/STATUS30.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import KEY, Figure, shown  # noqa: E402
from sendplan.interchange.tests.status30 import (  # noqa: E402
    BLIND,
    CORPUS,
    DEV,
    figures,
    invented,
    key_meanings,
    period_dates,
)

WHAT = (*KEY, "invented cells", "period dates", "key meanings")


def _total(label: str, table: dict[str, list[Figure]], names: list[str]) -> None:
    print(f"  {label} ({len(names)} plans)")
    for what in WHAT:
        found = [f for name in names for f in table[name] if f[0] == what]
        print(f"    {what:<16} {shown(sum(f[1] for f in found), sum(f[2] for f in found))}")
    empty = sum(1 for name in names if table[name][0][1] == 0)
    print(f"    plans read with no action found: {empty}")


def main() -> None:
    table = {
        plan.name: [*figures(plan), invented(plan), period_dates(plan), key_meanings(plan)]
        for plan in CORPUS
    }
    print("Status30: sixteen more plans rating progress as councils do, against the hand-entered")
    print("plan (invented cells: ratings given where the plan has none, of all given; lower is")
    print("better), the periods dated as the plan dates them, and the key's ratings read with the")
    print("plan's meanings. Blind plans are counted in the totals only.")
    print(f"  {'plan':<46}" + "".join(f"{w[:12]:>14}" for w in WHAT))
    for plan in DEV:
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} ({plan.layout})'[:46]:<46}{cells}")
    _total("Dev half", table, [plan.name for plan in DEV])
    _total("Blind half", table, [plan.name for plan in BLIND])
    _total("All", table, [plan.name for plan in CORPUS])


if __name__ == "__main__":
    main()
