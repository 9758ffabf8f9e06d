"""Time the board report PDF alone, stage by stage, on the plan bench/background.py makes
(sendplan.scale.grow_plan on the shared test world): 300 actions and 12 periods by default.

Run from the repository root: .venv/bin/python bench/board_pdf.py [--actions N] [--periods N]
    [--runs N] [--profile FILE]
It uses a throwaway SQLite database. For each run it prints the seconds spent building the
report from the database, writing its HTML, and laying out and writing the PDF; the whole
render's wall clock and CPU seconds (the two cores are shared, so the CPU time is the steadier
figure); and the render's peak memory, Django included (Linux's VmHWM, started again before
each run through /proc/self/clear_refs). --profile FILE writes cProfile's statistics of one
more render to FILE (read them with `python -m pstats FILE`).
Target (issue 12): the whole board PDF under 3 s for 300 actions.
"""

from __future__ import annotations

import contextlib
import cProfile
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="sendplan-board-pdf-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/bench.sqlite3"
os.environ["SENDPLAN_DATA_DIR"] = WORK
os.environ["DJANGO_SETTINGS_MODULE"] = "sendplan.settings"
os.environ["SENDPLAN_ALLOW_INSECURE_KEY"] = "1"
os.environ["SENDPLAN_HTTPS"] = "0"
os.environ["SENDPLAN_REQUIRE_2FA_ROLES"] = "none"


def _option(flag: str, default: str) -> str:
    return sys.argv[sys.argv.index(flag) + 1] if flag in sys.argv else default


ACTIONS = int(_option("--actions", "300"))
PERIODS = int(_option("--periods", "12"))
RUNS = int(_option("--runs", "3"))
PROFILE = _option("--profile", "")
TARGET_S = 3.0

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from sendplan.reports import renderers  # noqa: E402
from sendplan.reports.builders import build_board_report  # noqa: E402
from sendplan.scale import grow_plan  # noqa: E402
from sendplan.test import build_world  # noqa: E402


def reset_peak() -> None:
    """Start this process's peak resident memory again from what it holds now."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    world = build_world()
    grow_plan(world.plan, lead=world.lead, actions=ACTIONS, periods=PERIODS)
    plan = world.plan
    period = plan.periods.order_by("-position").first()
    assert period is not None
    print(
        f"{ACTIONS} actions, {PERIODS} periods; board report PDF of {period.label}. "
        f"Load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n"
    )
    print(
        f"{'run':<5} {'build':>7} {'HTML':>7} {'PDF':>7} {'total':>7} {'CPU':>7} {'peak':>8} "
        f"{'size':>9}"
    )
    totals, cpus = [], []
    renderers.report_pdf(build_board_report(plan, period))  # fonts and templates loaded once
    for run in range(1, RUNS + 1):
        reset_peak()
        started, cpu = time.perf_counter(), time.process_time()
        report = build_board_report(plan, period)
        built = time.perf_counter()
        html = renderers.report_html(report)
        written = time.perf_counter()
        pdf = renderers.pdf_from_html(html)
        ended, cpu = time.perf_counter(), time.process_time() - cpu
        totals.append(ended - started)
        cpus.append(cpu)
        print(
            f"{run:<5} {built - started:6.2f}s {written - built:6.2f}s {ended - written:6.2f}s "
            f"{ended - started:6.2f}s {cpu:6.2f}s {peak_mb():5.0f} MB {len(pdf) / 1024:5.0f} KiB",
            flush=True,
        )
    median = statistics.median(totals)
    verdict = "met" if median < TARGET_S else "MISSED"
    print(
        f"\nMedian {median:.2f} s ({statistics.median(cpus):.2f} s CPU); target under "
        f"{TARGET_S:.0f} s: {verdict}. Load average after: {os.getloadavg()[0]:.1f}"
    )
    if PROFILE:
        profiler = cProfile.Profile()
        profiler.enable()
        renderers.report_pdf(build_board_report(plan, period))
        profiler.disable()
        profiler.dump_stats(PROFILE)
        print(f"Profile of one more render written to {PROFILE}")


if __name__ == "__main__":
    main()
