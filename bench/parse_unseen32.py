"""How the importer reads nineteen plans in layouts no earlier round held, each written by hand
before the importer was run on it (round unseen32).

Run from the repository root: .venv/bin/python bench/parse_unseen32.py

The plans are in sendplan/interchange/tests/unseen32.py: an email of bullets, a co-produced
"We will" plan, highlight reports with risks, trackers repeating their area in every row,
"What | Who | When | How we'll know | Where are we now" tables, Word's own numbered lists, leads
and dates merged down over several actions, a header row at row 6 under a title block, two
plans side by side on one sheet, a RAG column a month, grouped two-row headings and a slide deck
printed to PDF. For each dev plan the bench prints actions found, refs, titles, leads, due
dates and status cells as `accuracy.agreement` counts them; the blind half (fixed by hash) is
only ever printed in its totals. A second set of six plans (unseen32_second.py), written after
the round's first two rules, and a third of five (unseen32_third.py), written after its first
five, are scored the same way below the first. The floors are in
test_parse_unseen32.py; the figures before and after in corpus/real/UNSEEN32.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests import unseen32, unseen32_second, unseen32_third  # noqa: E402
from sendplan.interchange.tests.accuracy import KEY, Figure, shown  # noqa: E402


def half(label: str, table: dict[str, list[Figure]], names: list[str]) -> None:
    """A half's totals, a line a key figure."""
    print(f"  {label} ({len(names)} plans)")
    for what in KEY:
        counted = [f for name in names for f in table[name] if f[0] == what]
        print(f"    {what:<16} {shown(sum(f[1] for f in counted), sum(f[2] for f in counted))}")


def one_set(title: str, corpus: Any) -> None:
    table = {plan.name: corpus.figures(plan) for plan in corpus.CORPUS}
    print(title)
    print(f"  {'dev plan':<48}" + "".join(f"{w[:12]:>14}" for w in KEY))
    for plan in corpus.DEV:
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} ({plan.layout})'[:48]:<48}{cells}")
    half("Dev half", table, [plan.name for plan in corpus.DEV])
    half("Blind half", table, [plan.name for plan in corpus.BLIND])
    half("All", table, [plan.name for plan in corpus.CORPUS])
    empty = [plan for plan in corpus.CORPUS if not table[plan.name][0][1]]
    print(
        f"  plans read with no action found: {len(empty)} "
        f"(dev {sum(not p.blind for p in empty)}, blind {sum(p.blind for p in empty)})"
    )


def main() -> None:
    one_set(
        "Unseen32: nineteen plans in new layouts, importer against the hand-entered plan",
        unseen32,
    )
    one_set("Unseen32, second set: six plans written after the first two rules", unseen32_second)
    one_set("Unseen32, third set: five plans written after the first five rules", unseen32_third)


if __name__ == "__main__":
    main()
