"""How the importer reads seventeen text and Word plans in the kinds round unseen32's blind half
holds (emails, "We will" plans, pasted trackers, wiki pipe tables, What/Who/When Word tables,
leads and dates merged down) and three more (GOV.UK summary lists copied, tracked changes,
tabbed paragraphs), written before it was run on them (round unseen34t).

Run from the repository root: .venv/bin/python bench/parse_unseen34t.py

Per dev plan: actions found, refs, titles, leads, due dates and status cells the importer read
as the hand-entered plan says (accuracy.agreement); then the totals for the dev half (the one
rules may be written from) and the blind half (fixed by hash, only counted). The floors are in
test_parse_unseen34t.py; the figures before and after are in corpus/real/unseen34t.md. A
second set of six plans (unseen34t_second.py), written after the round's rules, is scored the
same way below the first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from types import ModuleType  # noqa: E402

from sendplan.interchange.tests import unseen34t, unseen34t_second  # noqa: E402
from sendplan.interchange.tests.accuracy import KEY, Figure, shown  # noqa: E402


def _total(label: str, table: dict[str, list[Figure]], names: list[str]) -> None:
    print(f"  {label} ({len(names)} plans)")
    for what in KEY:
        found = [f for name in names for f in table[name] if f[0] == what]
        print(f"    {what:<16} {shown(sum(f[1] for f in found), sum(f[2] for f in found))}")


def one_set(title: str, corpus: ModuleType) -> None:
    table = {plan.name: corpus.figures(plan) for plan in corpus.CORPUS}
    print(title)
    print(f"  {'plan':<48}" + "".join(f"{w[:12]:>14}" for w in KEY))
    for plan in corpus.CORPUS:
        if plan.blind:
            # The blind half is only counted: its plans are not printed one by one.
            continue
        cells = "".join(f"{f'{same}/{total}':>14}" for _, same, total in table[plan.name])
        print(f"  {f'{plan.name} ({plan.layout})'[:48]:<48}{cells}")
    _total("Dev half", table, [plan.name for plan in corpus.DEV])
    _total("Blind half", table, [plan.name for plan in corpus.BLIND])
    _total("All", table, [plan.name for plan in corpus.CORPUS])
    silent = [plan for plan in corpus.CORPUS if not any(f[1] for f in table[plan.name][:1])]
    print(
        f"  plans read with no action found: {len(silent)} "
        f"(dev {sum(not p.blind for p in silent)}, blind {sum(p.blind for p in silent)})"
    )


def main() -> None:
    one_set(
        "Unseen34t: seventeen text and Word plans, importer against the hand-entered plan",
        unseen34t,
    )
    one_set("Unseen34t, second set: six plans written after the round's rules", unseen34t_second)


if __name__ == "__main__":
    main()
