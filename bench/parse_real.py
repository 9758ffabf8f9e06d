"""How closely the importer reads real published SEND plans, against plans entered by hand.

Run from the repository root: .venv/bin/python bench/parse_real.py

One line per plan and format (the excerpt as pasted text, and any Word, Excel or PDF file laid
out from it): how many of the hand-entered reference's actions the importer found, and of
those found, how many have the right ref, title, leads and due date; and how many of the
reference's status cells it read the same. Then totals for each part (dev, opened, blind) and
each format. The plans and the split are described in sendplan/interchange/tests/real_corpus.py.
Only the dev and opened parts' failures may guide changes to the importer.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.real_corpus import PLANS, figures, parsed  # noqa: E402

SHOWN = ("actions found", "refs", "titles", "leads", "due dates", "status cells")
HEADS = ("found", "refs", "titles", "leads", "due", "status")
WIDTH = 9


def cell(same: int, total: int) -> str:
    return f"{f'{same}/{total}' if total else '-':>{WIDTH}}"


def percent(same: int, total: int) -> str:
    return f"{100 * same / total:5.1f}%" if total else "   n/a"


def main() -> None:
    if not PLANS:
        print("No plans under sendplan/interchange/tests/corpus/real/.")
        return
    totals: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(
        lambda: {what: [0, 0] for what in SHOWN}
    )
    refused: list[str] = []
    name_width = max(len(plan.slug) for plan in PLANS)
    print(
        f"  {'plan':<{name_width}}  {'part':<6}  {'format':<6}"
        + "".join(f" {head:>{WIDTH}}" for head in HEADS)
    )
    for plan in PLANS:
        for form in plan.formats():
            found = {what: (same, total) for what, same, total in figures(plan, form)}
            line = f"  {plan.slug:<{name_width}}  {plan.half:<6}  {form:<6}"
            for what in SHOWN:
                same, total = found[what]
                line += f" {cell(same, total)}"
                for key in ((plan.half, "all"), ("all", form), ("all", "all")):
                    totals[key][what][0] += same
                    totals[key][what][1] += total
            reason = parsed(plan, form).refused
            if reason:
                line += "   refused"
                refused.append(f"  {plan.slug} {form}: {reason}")
            print(line)

    print()
    print(f"  {'totals':<14}" + "".join(f" {head:>{WIDTH + 7}}" for head in HEADS))
    order = [("dev", "all"), ("opened", "all"), ("blind", "all")]
    order += sorted(key for key in totals if key[0] == "all" and key[1] != "all")
    order.append(("all", "all"))
    for key in order:
        if key not in totals:
            continue
        label = key[0] if key[1] == "all" else key[1]
        label = "everything" if key == ("all", "all") else label
        row = f"  {label:<14}"
        for what in SHOWN:
            same, total = totals[key][what]
            row += f" {cell(same, total)} {percent(same, total)}"
        print(row)
    if refused:
        print()
        print("  Refused:")
        print("\n".join(refused))


if __name__ == "__main__":
    main()
