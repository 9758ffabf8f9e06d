"""How the importer reads the status cells of sixteen more plans written before it was run on
them (round status29).

Run from the repository root: .venv/bin/python bench/parse_status29.py

Each plan in sendplan/interchange/tests/status29.py rates its actions as councils record
progress (one RAG column dated only by the title, a date line or the sheet's name; a column a
month or a quarter, with or without a band; words, letters, BRAG, shaded cells, symbols and
numbers keyed; ratings opening, closing or in brackets inside a commentary; previous and
current side by side; a direction of travel; a "% complete"), or gives no ratings at all, laid
out as text, Word, Excel or PDF. Per dev plan: actions found, refs, titles, leads, due dates
and status cells read as the hand-entered plan says (accuracy.agreement), and the status cells
the importer invented where the plan has none; then the totals for the dev half (the one rules
may be written from) and the blind half (fixed by hash, only counted, never printed plan by
plan). The floors are in test_parse_status29.py; the figures in corpus/real/STATUS29.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import KEY, Figure, shown  # noqa: E402
from sendplan.interchange.tests.status29 import (  # noqa: E402
    BLIND,
    CORPUS,
    DEV,
    figures,
    invented,
)

WHAT = (*KEY, "invented cells")


def _total(label: str, table: dict[str, list[Figure]], names: list[str]) -> None:
    print(f"  {label} ({len(names)} plans)")
    for what in WHAT:
        found = [f for name in names for f in table[name] if f[0] == what]
        print(f"    {what:<16} {shown(sum(f[1] for f in found), sum(f[2] for f in found))}")
    empty = sum(1 for name in names if table[name][0][1] == 0)
    print(f"    plans read with no action found: {empty}")


def main() -> None:
    table = {plan.name: [*figures(plan), invented(plan)] for plan in CORPUS}
    print("Status29: sixteen more plans rating progress as councils do, against the hand-entered")
    print("plan (invented cells: ratings given where the plan has none, of all given; lower is")
    print("better). Blind plans are counted in the totals only.")
    print(f"  {'plan':<46}" + "".join(f"{w[:12]:>14}" for w in WHAT))
    for plan in DEV:
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} ({plan.layout})'[:46]:<46}{cells}")
    _total("Dev half", table, [plan.name for plan in DEV])
    _total("Blind half", table, [plan.name for plan in BLIND])
    _total("All", table, [plan.name for plan in CORPUS])


if __name__ == "__main__":
    main()
