"""How the importer reads sixteen Excel and PDF plans in the kinds it still misses, written
before it was run on them (round unseen34x).

Run from the repository root: .venv/bin/python bench/parse_unseen34x.py

The plans are in sendplan/interchange/tests/unseen34x.py: two plans side by side on one sheet,
a RAG column a month, two-row grouped headings, PDF "Ref | What | Who | When | How we'll know |
Where are we now" tables, PDF priority and objective rows over "P2.A.1" actions, highlight
reports with risks, workbooks opening on a dashboard or summary sheet, and a performance
system's export (Excel and PDF). For each dev plan the bench prints actions found, refs,
titles, leads, due dates and status cells as `accuracy.agreement` counts them; the blind half
(fixed by hash) is only ever printed in its totals. The floors are in test_parse_unseen34x.py;
the figures before and after in corpus/real/unseen34x.md. A second set of seven plans
(unseen34x_second.py: monthly trackers and grouped headings, the two kinds the first set's hash
put wholly blind), written after the round's first six rules, is scored the same way below.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests import unseen34x, unseen34x_second  # noqa: E402
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
        "Unseen34x: sixteen Excel and PDF plans, importer against the hand-entered plan",
        unseen34x,
    )
    one_set(
        "Unseen34x, second set: seven monthly trackers and grouped headings, written after the "
        "first six rules",
        unseen34x_second,
    )


if __name__ == "__main__":
    main()
