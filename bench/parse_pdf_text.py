"""Text copied out of a PDF, however it was extracted, should read as the PDF does: every
(base plan, extraction) of sendplan/interchange/tests/pdf_text_corpus.py.

Run from the repository root: .venv/bin/python bench/parse_pdf_text.py [--quiet]

Prints the matrix of base plans against extractions ('.' the cell holds: no key figure of the
text read is below the PDF's and no action is added; 'x' it does not; '(b)' marks the blind
bases), then what fell in each failing dev cell (the blind cells are only counted), then
totals for the dev and blind halves, with the key figures kept.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")
os.environ.setdefault("SENDPLAN_ALLOW_INSECURE_KEY", "1")

import django  # noqa: E402

django.setup()

from sendplan.interchange.tests import pdf_text_corpus as corpus  # noqa: E402
from sendplan.interchange.tests import shuffled  # noqa: E402


def main() -> None:
    quiet = "--quiet" in sys.argv
    started = time.perf_counter()
    extractions = corpus.EXTRACTIONS
    print("extractions")
    for n, extraction in enumerate(extractions, start=1):
        print(f"  {n:>2} {extraction.name}")
    print(f"  {'':<52} {'pdf':>5} " + "".join(f"{n:>3}" for n in range(1, len(extractions) + 1)))
    failing = []
    for base in corpus.bases():
        row = ""
        for extraction in extractions:
            fell = corpus.fallen(base, extraction)
            row += f"{'x' if fell else '.':>3}"
            if fell and not base.blind:
                failing.append((base, extraction, fell))
        whole = "whole" if corpus.base_score(base).whole() else "part"
        name = f"{base.name}{' (b)' if base.blind else ''}"
        print(f"  {name[:52]:<52} {whole:>5} {row}")
    if not quiet:
        print("Failing dev cells")
        for base, extraction, fell in failing:
            print(f"  {base.name} x {extraction.name}: {', '.join(fell)}")
    print("Totals: cells holding; key figures kept of those the PDF gives")
    groups = {"dev": False, "blind": True}
    for label, wanted in [*groups.items(), ("all", None)]:
        chosen = [(b, e) for b, e in corpus.cells() if wanted is None or b.blind == wanted]
        shuffled.print_total(corpus, label, chosen, 6)
    print("By extraction (dev holding / blind holding)")
    for extraction in extractions:
        counts = []
        for side in (False, True):
            chosen = [b for b in corpus.bases() if b.blind == side]
            counts.append(f"{sum(not corpus.fallen(b, extraction) for b in chosen)}/{len(chosen)}")
        print(f"  {extraction.name:<22} {counts[0]:>7} {counts[1]:>7}")
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
