"""Time `sendplan backup` and `sendplan restore` on the generated plan of bench/reports.py (300
actions, 12 periods, indicators), with a 13th period opened, evidence files attached, drafts
left unsubmitted and the period signed off.

Run from the repository root: .venv/bin/python bench/backup.py
It works in a throwaway SQLite database and evidence folder, so it touches no real data.
Each restore goes into the emptied database, and the exports after it must equal those before.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl
from django.conf import settings
from django.core.management import call_command

# Importing the reports benchmark sets Django up on its own throwaway database, before the
# sendplan imports below need it.
from reports import WORK, generated_plan

from sendplan.backup.services import backup_restore, backup_write
from sendplan.interchange.jsonformat import dumps, export_plan
from sendplan.monitoring import services as monitoring
from sendplan.plans.models import Action, Plan
from sendplan.reports import renderers
from sendplan.reports.builders import build_board_report
from sendplan.reports.data import load_plan
from sendplan.reports.tracker import tracker_xlsx

RUNS = 3
FILES, FILE_KB = 100, 200


def monitoring_cycle(plan: Plan) -> None:
    """A 13th period: a draft with a file on 100 actions, half of them submitted, approved and
    signed off with the period; the other half left as drafts."""
    period = monitoring.period_open(
        actor=None, plan=plan, label="Mar 26", starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 3, 31), deadline=dt.date(2026, 4, 7),
    )  # fmt: skip
    actions = Action.objects.filter(section__plan=plan).order_by("pk")[:FILES]
    for number, action in enumerate(actions):
        draft = monitoring.draft_save(
            actor=None, action=action, period=period, version=None, status="G",
            narrative="On track; the minutes are attached.",
        )  # fmt: skip
        # Random bytes after the header, so the file compresses no better than a real PDF.
        content = b"%PDF-1.7\n" + os.urandom(FILE_KB * 1024)
        monitoring.evidence_file_add(
            actor=None, draft=draft, name=f"Minutes {number}.pdf", content=content
        )
        if number % 2 == 0:
            update = monitoring.draft_submit(actor=None, draft=draft)
            monitoring.update_review(actor=None, update=update, decision="approved")
    monitoring.period_sign_off(actor=None, period=period, reason="Drafts left unsubmitted")


def exports(plan: Plan) -> list[bytes]:
    """What a programme manager downloads; the board report is for the signed-off period."""
    plan = Plan.objects.get(pk=plan.pk)
    period = plan.periods.get(label="Mar 26")
    data = load_plan(plan)
    board = renderers.report_html(build_board_report(plan, period))
    workbook = tracker_xlsx(data)
    cells = []
    for sheet in openpyxl.load_workbook(io.BytesIO(workbook)).worksheets:
        cells += [repr([c.value for c in row]).encode() for row in sheet.iter_rows()]
    return [
        dumps(export_plan(plan)).encode(),
        renderers.actions_csv(data),
        renderers.updates_csv(data),
        board.encode(),
        *cells,
    ]


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    plan = generated_plan()
    monitoring_cycle(plan)
    print(
        f"Generated the plan and its cycle in {time.perf_counter() - started:.1f} s: "
        f"{FILES} evidence files of {FILE_KB} KiB. Load average before: "
        f"{os.getloadavg()[0]:.1f}\n",
        flush=True,
    )
    before = exports(plan)
    backup = Path(WORK) / "site.zip"
    backups, restores = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        made = backup_write(out=backup)
        backups.append((time.perf_counter() - wall, time.process_time() - cpu))

        call_command("flush", interactive=False, verbosity=0)
        shutil.rmtree(settings.EVIDENCE_ROOT)
        wall, cpu = time.perf_counter(), time.process_time()
        restored = backup_restore(source=backup)
        restores.append((time.perf_counter() - wall, time.process_time() - cpu))
        assert exports(plan) == before, "the exports differ after the restore"

    print(
        f"Backup: {made.rows} rows of {made.kinds} kinds and {made.files} files, "
        f"{made.size / 1_000_000:.1f} MB; restored {restored.rows} rows and {restored.files} "
        f"files. Exports identical after each restore: yes. Median of {RUNS} runs:"
    )
    for label, times in [("sendplan backup", backups), ("sendplan restore", restores)]:
        walls, cpus = [w for w, _ in times], [c for _, c in times]
        print(
            f"{label:<17} {statistics.median(walls):6.2f} s wall (best {min(walls):5.2f}) "
            f"{statistics.median(cpus):6.2f} s CPU"
        )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
