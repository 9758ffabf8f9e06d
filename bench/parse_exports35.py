"""How the importer reads plans exported from task and project tools (round exports35).

Run from the repository root: .venv/bin/python bench/parse_exports35.py

The plans are in sendplan/interchange/tests/exports35.py: Microsoft Planner (CSV and its Excel
export), Asana, Jira, monday.com, Microsoft Project and Smartsheet, each written by hand before
the importer was run on it. For each dev plan the bench prints actions found, refs, titles,
leads, due dates and status cells as `accuracy.agreement` counts them; the blind half (fixed by
hash) is only printed in its totals. Floors are in test_parse_exports35.py; the figures before
and after in corpus/real/EXPORTS35.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests import exports35  # noqa: E402
from sendplan.interchange.tests.accuracy import KEY, shown  # noqa: E402


def main() -> None:
    table = {plan.name: exports35.figures(plan) for plan in exports35.CORPUS}
    print("Exports35: plans exported from task and project tools, against the hand-entered plan")
    print(f"  {'dev plan':<48}" + "".join(f"{w[:12]:>14}" for w in KEY))
    for plan in exports35.DEV:
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} ({plan.layout})'[:48]:<48}{cells}")
    for label, plans in (("Dev half", exports35.DEV), ("Blind half", exports35.BLIND),
                         ("All", exports35.CORPUS)):  # fmt: skip
        print(f"  {label} ({len(plans)} plans)")
        for what in KEY:
            counted = [f for plan in plans for f in table[plan.name] if f[0] == what]
            print(f"    {what:<16} {shown(sum(f[1] for f in counted), sum(f[2] for f in counted))}")
    empty = [plan for plan in exports35.CORPUS if not table[plan.name][0][1]]
    print(
        f"  plans read with no action found: {len(empty)} "
        f"(dev {sum(not p.blind for p in empty)}, blind {sum(p.blind for p in empty)})"
    )


if __name__ == "__main__":
    main()
