"""How the importer reads sixteen plans in the kinds three earlier rounds' blind halves still
miss, written before it was run on them (round unseen36).

Run from the repository root: .venv/bin/python bench/parse_unseen36.py

The plans are in sendplan/interchange/tests/unseen36.py: task-tool exports (Planner's Excel
export with its title block, Jira CSVs, monday.com groups, Smartsheet parent rows and "Health",
Planner's CSV cut down), Excel side by side, a RAG column a month, month headings as real
dates, two-row grouped headings, a performance system's export and its PDF report, text with
labels in brackets or between bars, and a sheet with an action a column. For each dev plan the
bench prints the key figures as `accuracy.agreement` counts them; the blind half (fixed by
hash) is only ever printed in its totals. The figures before and after are in
corpus/real/unseen36.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from typing import Any  # noqa: E402

from sendplan.interchange.tests import unseen36, unseen36_second  # noqa: E402
from sendplan.interchange.tests.accuracy import KEY, Figure, shown  # noqa: E402


def _total(label: str, table: dict[str, list[Figure]], names: list[str]) -> None:
    print(f"  {label} ({len(names)} plans)")
    for what in KEY:
        found = [f for name in names for f in table[name] if f[0] == what]
        print(f"    {what:<16} {shown(sum(f[1] for f in found), sum(f[2] for f in found))}")


def one_set(title: str, corpus: Any) -> None:
    table = {plan.name: corpus.figures(plan) for plan in corpus.CORPUS}
    print(title)
    print(f"  {'dev plan':<48}" + "".join(f"{w[:12]:>14}" for w in KEY))
    for plan in corpus.DEV:
        # The blind half is only counted: its plans are not printed one by one.
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} ({plan.layout})'[:48]:<48}{cells}")
    _total("Dev half", table, [plan.name for plan in corpus.DEV])
    _total("Blind half", table, [plan.name for plan in corpus.BLIND])
    _total("All", table, [plan.name for plan in corpus.CORPUS])
    empty = [plan for plan in corpus.CORPUS if not table[plan.name][0][1]]
    print(
        f"  plans read with no action found: {len(empty)} "
        f"(dev {sum(not p.blind for p in empty)}, blind {sum(p.blind for p in empty)})"
    )


def main() -> None:
    one_set(
        "Unseen36: sixteen plans of the kinds still missed, importer against the hand-entered plan",
        unseen36,
    )
    one_set(
        "Unseen36, second set: six more task-tool and performance-system exports, written "
        "after the first rules",
        unseen36_second,
    )


if __name__ == "__main__":
    main()
