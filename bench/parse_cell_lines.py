"""How closely the importer reads invented plans whose tables were flattened into lines.

Run from the repository root: .venv/bin/python bench/parse_cell_lines.py

Each line is one plan from sendplan/interchange/tests/fixtures/cell_lines/ (see
sendplan/interchange/tests/flattened_tables_corpus.py): how many of the hand-entered plan's
actions were found and, of those, how many have the same ref, words, leads, due date and
rating; then the totals of the plans written before the rules ("dev"), of those written after
them ("blind"), and of all.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.flattened_tables_corpus import (  # noqa: E402
    BLIND,
    DEV,
    NAMED,
    PLANS,
    figures,
)

SHORT = {
    "actions found": "actions",
    "refs": "refs",
    "titles": "titles",
    "leads": "leads",
    "due dates": "due",
    "status cells": "ratings",
    "section titles": "sections",
}
WIDTH = 10


def cell(same: int, total: int) -> str:
    return f"{f'{same}/{total}':>{WIDTH}}" if total else f"{'-':>{WIDTH}}"


def main() -> None:
    table = {plan.name: {w: (s, t) for w, s, t in figures(plan)} for plan in PLANS}
    print(f"  {'':<18} {'':<6}" + "".join(f"{SHORT[what]:>{WIDTH}}" for what in NAMED))
    for plan in PLANS:
        found = table[plan.name]
        half = "blind" if plan.blind else "dev"
        print(f"  {plan.name:<18} {half:<6}" + "".join(cell(*found[what]) for what in NAMED))
    print()
    for label, plans in (("dev", DEV), ("blind", BLIND), ("all", PLANS)):
        if not plans:
            continue
        line = f"  {'total':<18} {label:<6}"
        same_all = total_all = 0
        for what in NAMED:
            same = sum(table[plan.name][what][0] for plan in plans)
            total = sum(table[plan.name][what][1] for plan in plans)
            same_all, total_all = same_all + same, total_all + total
            line += cell(same, total)
        share = 100 * same_all / total_all if total_all else 0.0
        print(f"{line}   {share:5.1f}% of {total_all}")


if __name__ == "__main__":
    main()
