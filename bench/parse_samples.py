"""Time the plan parsers on the two shared samples, on a 300-action Word document, a
300-action workbook and a 300-action PDF laid out as councils lay theirs out, and on a plain
500-action workbook; each file in process and through the child process the web app uses.

The child-process lines are the ones a person meets, and the ones the targets are for: each
child starts cold. The in-process lines read the same file five times in one process, and the
parsers keep what they work out about each cell's words (heading matches, dates), so after the
first run they find it ready, as no new file ever does: they flatter.

The PDF is the Word plan's layout saved as PDF: a bordered table for each theme, its heading
rows repeated on every page, priorities as rows of their own, four rating columns under a
merged "Monitoring dates" heading. WeasyPrint makes it once per run; making it is not timed.

Run from the repository root: .venv/bin/python bench/parse_samples.py
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings_test")

from sendplan.demo import office_files, pdf_files, sample_files  # noqa: E402
from sendplan.interchange.parsers import (  # noqa: E402
    parse_file,
    parse_file_inprocess,
    parse_text,
)

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


def council_plan(actions: int) -> dict:
    """A plan of 10 themes, each with 3 priorities, rated in four quarters, with a lead officer
    list: the shape of the sample plans, at 300 actions."""
    firsts = ["Amira", "Ben", "Chloe", "Dev", "Erin", "Femi", "Grace", "Hugo", "Isla", "Jon"]
    lasts = ["Shaw", "Tate", "Usher", "Vale", "Wood", "Young", "Ross", "Price", "Owen", "Nash"]
    people = [
        {"key": f"{first[0]}{last[0]}", "name": f"{first} {last}", "role": f"Service Lead {n}"}
        for n, (first, last) in enumerate(zip(firsts, lasts, strict=True))
    ]
    themes = []
    per_priority = max(1, actions // 30)
    for t in range(10):
        priorities = []
        for p in range(3):
            items = []
            for a in range(per_priority):
                number = (t * 3 + p) * per_priority + a + 1
                lead = people[number % len(people)]
                items.append(
                    {
                        "ref": f"{t + 1}.{p + 1}.{a + 1}",
                        "title": f"Deliver improvement {number} across the local area",
                        "lead_text": f"{lead['role']} ({lead['key']})",
                        "due_text": ["March 2024", "Sep-24", "From June 2024", "Termly"][a % 4],
                        "measures": [
                            {"text": f"Measure {number} met", "due_text": "March 2024"},
                            {
                                "text": f"Measure {number} reported to the board",
                                "due_text": "Dec 2024",
                            },
                        ],
                    }
                )
            priorities.append(
                {"ref": f"{t + 1}.{p + 1}", "level": "Strategic priority",
                 "title": f"Priority {t + 1}.{p + 1}", "actions": items}
            )  # fmt: skip
        themes.append({"ref": str(t + 1), "level": "Theme", "title": f"Workstream {t + 1}",
                       "sections": priorities})  # fmt: skip
    plan = {
        "title": "Benchmark Local Area Written Statement of Action",
        "periods": [{"label": q} for q in ("Mar 24", "Jun 24", "Sep 24", "Dec 24")],
        "people": people,
        "sections": themes,
    }
    return office_files.with_statuses(plan, seed="bench")


HEADINGS = {
    "section": "Theme", "ref": "Ref", "title": "Action", "measures": "Measure of success",
    "lead": "Lead and resource", "group": "Group", "members": "Members",
    "monitoring": "Monitoring", "due": "Date for delivery", "progress": "Progress/Impact",
    "status": "",
}  # fmt: skip


def timed(label: str, work: Callable[[], object]) -> None:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    document = getattr(result, "document", {})
    actions = sum(
        len(section.get("actions", []))
        for section in office_files.walk(document.get("plan", {}).get("sections", []))
    )
    print(
        f"{label:<48} median {statistics.median(times) * 1000:8.1f} ms  "
        f"best {min(times) * 1000:8.1f} ms  ({actions} actions)"
    )


def main() -> None:
    for name in ("south-gloucestershire-wsoa-2018.txt", "telford-wrekin-send-action-plan-2022.txt"):
        text = (sample_files.DATA_DIR / name).read_text(encoding="utf-8")
        timed(f"text: {name}", lambda text=text: parse_text(text))
    plan = council_plan(300)
    builders = (
        ("docx", office_files.plan_docx),
        ("xlsx", office_files.plan_xlsx),
        ("pdf", pdf_files.plan_pdf),
    )
    for form, build in builders:
        data = build(plan, HEADINGS)
        name = f"council.{form}"
        pages = f", {pdf_files.page_count(data)} pages" if form == "pdf" else ""
        print(f"generated {form}, 300 actions: {len(data) / 1024:.0f} KB{pages}")
        timed(f"{form}, 300 actions, in process", lambda d=data, n=name: parse_file_inprocess(d, n))
        timed(f"{form}, 300 actions, child process", lambda d=data, n=name: parse_file(d, n))
    workbook = big_workbook()
    print(f"generated workbook: {len(workbook) / 1024:.0f} KB")
    timed("xlsx, 500 actions, in process", lambda: parse_file_inprocess(workbook, "big.xlsx"))
    timed("xlsx, 500 actions, child process", lambda: parse_file(workbook, "big.xlsx"))


if __name__ == "__main__":
    main()
