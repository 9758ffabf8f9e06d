"""How the importer reads the status cells of twenty-four more plans written before it was run
on them (round status31).

Run from the repository root: .venv/bin/python bench/parse_status31.py

Each plan in sendplan/interchange/tests/status31.py rates its actions in a kind rounds status29
and status30 left only in their blind halves (no ratings at all; "Previous | Current" and "Last
quarter | This quarter"; numbered scales keyed with meanings; scales of words only; BRAG with
blue for complete; the sheet's name or the title as the only date; symbols keyed in a
paragraph; a band over month names; progress and impact ratings, a direction of travel beside
a RAG), laid out as text, Word, Excel or PDF. Per dev plan: actions found, refs, titles, leads,
due dates and status cells read as the hand-entered plan says (accuracy.agreement), the status
cells the importer invented where the plan has none, the periods given the plan's dates and
the key's ratings given the plan's meanings; then the totals for the dev half (the one rules
may be written from) and the blind half (fixed by hash, only counted, never printed plan by
plan). The floors are in test_parse_status31.py; the figures in corpus/real/STATUS31.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from types import ModuleType  # noqa: E402

from sendplan.interchange.tests import status31  # noqa: E402
from sendplan.interchange.tests.accuracy import KEY, Figure, shown  # noqa: E402

WHAT = (*KEY, "invented cells", "period dates", "key meanings")


def _total(label: str, table: dict[str, list[Figure]], names: list[str]) -> None:
    print(f"  {label} ({len(names)} plans)")
    for what in WHAT:
        found = [f for name in names for f in table[name] if f[0] == what]
        print(f"    {what:<16} {shown(sum(f[1] for f in found), sum(f[2] for f in found))}")
    empty = sum(1 for name in names if table[name][0][1] == 0)
    print(f"    plans read with no action found: {empty}")


def report(corpus: ModuleType, intro: list[str]) -> None:
    """Print a round's table: the kinds on each side, each dev plan, each half's totals. The
    corpus module gives CORPUS, DEV, BLIND, KINDS and the four scoring functions."""
    table = {
        plan.name: [
            *corpus.figures(plan),
            corpus.invented(plan),
            corpus.period_dates(plan),
            corpus.key_meanings(plan),
        ]
        for plan in corpus.CORPUS
    }
    for line in intro:
        print(line)
    print("  kinds on each side (dev/blind plans):")
    for kind, what in corpus.KINDS.items():
        dev = sum(kind in plan.kinds for plan in corpus.DEV)
        hidden = sum(kind in plan.kinds for plan in corpus.BLIND)
        print(f"    {kind:<8} {dev}/{hidden}  {what}")
    print(f"  {'plan':<46}" + "".join(f"{w[:12]:>14}" for w in WHAT))
    for plan in corpus.DEV:
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} ({plan.layout})'[:46]:<46}{cells}")
    _total("Dev half", table, [plan.name for plan in corpus.DEV])
    _total("Blind half", table, [plan.name for plan in corpus.BLIND])
    _total("All", table, [plan.name for plan in corpus.CORPUS])


def main() -> None:
    report(status31, [
        "Status31: twenty-four more plans rating progress as councils do, against the",
        "hand-entered plan (invented cells: ratings given where the plan has none, of all",
        "given; lower is better), the periods dated as the plan dates them, and the key's",
        "ratings read with the plan's meanings. Blind plans are counted in the totals only.",
    ])  # fmt: skip


if __name__ == "__main__":
    main()
