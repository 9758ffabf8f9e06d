"""How the importer reads sixteen plans written before it was run on them (round unseen19).

Run from the repository root: .venv/bin/python bench/parse_unseen19.py

Each plan in sendplan/interchange/tests/unseen19.py was written by hand the way real WSoAs,
APPs and priority action plans are set out, and laid out once as text, Word, Excel or PDF.
Per plan: actions found, refs, titles, leads, due dates and status cells the importer read as
the hand-entered plan says (accuracy.agreement); then the totals for the dev half (the one
rules may be written from) and the blind half (fixed by hash, only counted); then the same for
the six plans of unseen19_second.py, written after the first set's rules. The floors are in
test_parse_unseen19.py; the figures before and after are in corpus/real/UNSEEN19.md.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.interchange.tests.accuracy import KEY, Figure, shown  # noqa: E402
from sendplan.interchange.tests.unseen19 import (  # noqa: E402
    BLIND,
    CORPUS,
    DEV,
    Unseen19,
    figures,
)
from sendplan.interchange.tests.unseen19_second import (  # noqa: E402
    SECOND,
    SECOND_BLIND,
    SECOND_DEV,
)


def _total(label: str, table: dict[str, list[Figure]], names: list[str]) -> None:
    print(f"  {label}")
    for what in KEY:
        found = [f for name in names for f in table[name] if f[0] == what]
        print(f"    {what:<16} {shown(sum(f[1] for f in found), sum(f[2] for f in found))}")


def _matrix(title: str, plans: Sequence[Unseen19], dev: Sequence[Unseen19],
            blind: Sequence[Unseen19]) -> None:  # fmt: skip
    table = {plan.name: figures(plan) for plan in plans}
    print(title)
    print(f"  {'plan':<44}" + "".join(f"{w[:12]:>14}" for w in KEY))
    for plan in plans:
        side = "blind" if plan.blind else "dev"
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} [{side}] ({plan.layout})'[:44]:<44}{cells}")
    _total("Dev half", table, [plan.name for plan in dev])
    _total("Blind half", table, [plan.name for plan in blind])
    _total("All", table, [plan.name for plan in plans])


def main() -> None:
    _matrix(
        "Unseen19: sixteen plans never seen, importer against the hand-entered plan",
        CORPUS,
        DEV,
        BLIND,
    )
    _matrix(
        "Unseen19, second set: six plans written after the first set's rules",
        SECOND,
        SECOND_DEV,
        SECOND_BLIND,
    )


if __name__ == "__main__":
    main()
