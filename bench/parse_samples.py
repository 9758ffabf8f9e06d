"""Time the plan parsers on the two shared samples and on a generated 500-action workbook.

Run from the repository root: .venv/bin/python bench/parse_samples.py
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sendplan.interchange.parsers import (  # noqa: E402
    parse_file,
    parse_file_inprocess,
    parse_text,
)

SAMPLES = ROOT / ".." / "shared" / "samples"
RUNS = 5


def big_workbook(actions: int = 500) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(["Theme", "Ref", "Action", "Lead", "Measure of success", "Due date"]
                 + [f"Q{q} 2023/24" for q in range(1, 5)] + ["Progress"])  # fmt: skip
    for number in range(actions):
        theme, item = divmod(number, 50)
        sheet.append(
            [
                f"Theme {theme + 1}: Workstream {theme + 1}" if item == 0 else None,
                f"{theme + 1}.{item + 1}",
                f"Deliver improvement {number + 1} across the local area",
                "Head of SEND (HS) / Designated Clinical Officer (DC)",
                f"Measure {number + 1} met and reported to the board",
                f"{['Mar', 'Jun', 'Sep', 'Dec'][number % 4]}-24",
                "G", "G/A", "A", "B",
                f"Jan 2024: update {number + 1} given to the partnership board.",
            ]
        )  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed(label: str, work: Callable[[], object]) -> None:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    document = getattr(result, "document", {})
    actions = sum(
        len(section.get("actions", []))
        for top in document.get("plan", {}).get("sections", [])
        for section in [top, *top.get("sections", [])]
    )
    print(
        f"{label:<48} median {statistics.median(times) * 1000:8.1f} ms  "
        f"best {min(times) * 1000:8.1f} ms  ({actions} actions)"
    )


def main() -> None:
    for name in ("south-gloucestershire-wsoa-2018.txt", "telford-wrekin-send-action-plan-2022.txt"):
        text = (SAMPLES / name).read_text(encoding="utf-8")
        timed(f"text: {name}", lambda text=text: parse_text(text))
    workbook = big_workbook()
    print(f"generated workbook: {len(workbook) / 1024:.0f} KB")
    timed("xlsx, 500 actions, in process", lambda: parse_file_inprocess(workbook, "big.xlsx"))
    timed("xlsx, 500 actions, child process", lambda: parse_file(workbook, "big.xlsx"))


if __name__ == "__main__":
    main()
