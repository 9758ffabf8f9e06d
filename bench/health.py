"""Time the plan health checks on the generated plan of bench/reports.py: 300 actions,
12 periods of status updates, 20 leads.

Run from the repository root: .venv/bin/python bench/health.py
It builds the plan in a throwaway SQLite database, so it touches no real data.
Target: all checks, reading the plan from the database included, under 200 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

# Importing the reports benchmark sets Django up on its own throwaway database.
from reports import generated_plan

from sendplan.plans.health import plan_health

RUNS = 11
TARGET_MS = 200


def main() -> None:
    call_command("migrate", verbosity=0)
    plan = generated_plan()
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        health = plan_health(plan)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        plan_health(plan)
    median = statistics.median(walls)
    print(
        f"Plan health of {health.actions} actions: {len(health.errors)} problems, "
        f"{len(health.warnings)} warnings, {len(queries)} queries. "
        f"Load average before: {os.getloadavg()[0]:.1f}"
    )
    print(
        f"Median of {RUNS} runs: {median:.0f} ms wall (best {min(walls):.0f} ms), "
        f"{statistics.median(cpus):.0f} ms CPU; target < {TARGET_MS} ms: "
        f"{'met' if median < TARGET_MS else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
