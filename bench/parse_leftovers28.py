"""How the importer reads sixteen invented plans showing its known leftovers, written before any
rule for them (round leftovers28).

Run from the repository root: .venv/bin/python bench/parse_leftovers28.py

Each plan in sendplan/interchange/tests/leftovers28.py shows one of four leftovers of earlier
rounds (a caption line just above the next table's headings; a rating column mixing words and
colours; Excel colour scales, data bars and lookups; Word saved as Strict Open XML), laid out as
text, Word, Excel or PDF. Per plan: actions found, refs, titles, leads, due dates and status
cells read as the hand-entered plan says (accuracy.agreement); then the totals for the dev half
(the one rules may be written from) and the blind half (fixed by hash, only counted). The
floors are in test_parse_leftovers28.py; the figures before and after in
corpus/real/LEFTOVERS28.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import KEY, Figure, shown  # noqa: E402
from sendplan.interchange.tests.leftovers28 import BLIND, CORPUS, DEV, figures  # noqa: E402


def _total(label: str, table: dict[str, list[Figure]], names: list[str]) -> None:
    print(f"  {label} ({len(names)} plans)")
    for what in KEY:
        found = [f for name in names for f in table[name] if f[0] == what]
        print(f"    {what:<16} {shown(sum(f[1] for f in found), sum(f[2] for f in found))}")


def main() -> None:
    table = {plan.name: figures(plan) for plan in CORPUS}
    print("Leftovers28: sixteen plans showing known leftovers, against the hand-entered plan")
    print(f"  {'plan':<48}" + "".join(f"{w[:12]:>14}" for w in KEY))
    # Plan by plan for the dev half only: the blind half is only counted, in its totals.
    for plan in DEV:
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} [{plan.leftover}] ({plan.layout})'[:48]:<48}{cells}")
    _total("Dev half", table, [plan.name for plan in DEV])
    _total("Blind half", table, [plan.name for plan in BLIND])
    _total("All", table, [plan.name for plan in CORPUS])


if __name__ == "__main__":
    main()
