"""How well the importer reads progress statuses written as councils write them.

Run from the repository root: .venv/bin/python bench/parse_statuses.py

Each plan in sendplan/interchange/tests/status_corpus.py is invented, small, and writes its
statuses in its own words and layout; each line gives how many of the hand-entered plan's
actions the importer found, and how many of their status cells it read the same. The floors
are in test_parse_statuses_breadth.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import shown  # noqa: E402
from sendplan.interchange.tests.status_corpus import PLANS, figures  # noqa: E402

SHOWN = ("actions found", "refs", "leads", "due dates", "status cells")


def main() -> None:
    print("Statuses written as councils write them: importer against the hand-entered plan")
    print(f"  {'plan':<20} {'half':<6} {'layout':<46} {'found':>16} {'status cells':>16}")
    totals: dict[tuple[str, str], list[int]] = {}
    for plan in PLANS:
        found = {what: (same, total) for what, same, total in figures(plan)}
        half = "blind" if plan.blind else "first"
        row = [shown(*found[what]) for what in ("actions found", "status cells")]
        print(f"  {plan.name:<20} {half:<6} {plan.layout:<46} {row[0]} {row[1]}")
        for what in SHOWN:
            for key in ((half, what), ("all", what)):
                sums = totals.setdefault(key, [0, 0])
                sums[0] += found[what][0]
                sums[1] += found[what][1]
    for half in ("first", "blind", "all"):
        if (half, "actions found") not in totals:
            continue
        print(f"  Total, {half} half" if half != "all" else "  Total, all plans")
        for what in SHOWN:
            print(f"    {what:<20} {shown(*totals[(half, what)])}")


if __name__ == "__main__":
    main()
