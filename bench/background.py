"""Time the documents made in the background, as a person meets them, on a generated plan of
300 actions and 12 periods (sendplan.scale.grow_plan).

Run from the repository root: .venv/bin/python bench/background.py [--actions N] [--periods N]
[--only KEY], where --only times one document alone (board-pdf, evidence-pdf, ...).
It uses a throwaway SQLite database, or PostgreSQL when DATABASE_URL names one, e.g.
postgres://postgres@127.0.0.1:5432/sendplan_bench_background. On PostgreSQL the named database
is dropped and made again, so give it a name of its own.

For each document it starts a real worker (`sendplan db_worker`, one task, then it exits), asks
for the document through the test client as a board member would, follows the progress page
until the file is ready, and asks again. It prints:
  request  how long asking took (the page that follows the file; target under 1 s)
  ready    from asking until the progress page offered the file (target under 15 s)
  making   of which the worker spent making it, from reading the plan to saving the file
  worker   the worker's CPU seconds, and its peak memory, Django included (target under 400 MB)
  again    how long asking again took, for the plan unchanged (the kept file)
A document not ready after --give-up seconds (120) is reported so, and its worker stopped.
The worker's peak is an upper bound: Linux counts the memory of the process that started it
(this one, about 190 MB) until the worker's own program is loaded.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="sendplan-background-")


def _number(flag: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(flag) + 1]) if flag in sys.argv else default


ACTIONS, PERIODS = _number("--actions", 300), _number("--periods", 12)
REQUEST_TARGET, READY_TARGET, MEMORY_TARGET_MB = 1.0, 15.0, 400
# A document not ready by then is reported as such, and its worker stopped.
GIVE_UP_S = _number("--give-up", 120)
ONLY = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""

# The real settings with the database queue, as `bin/start` and production run them.
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ["SENDPLAN_DATA_DIR"] = WORK
os.environ["DJANGO_SETTINGS_MODULE"] = "sendplan.settings"
os.environ["SENDPLAN_ALLOW_INSECURE_KEY"] = "1"
os.environ["SENDPLAN_HTTPS"] = "0"
os.environ["SENDPLAN_REQUIRE_2FA_ROLES"] = "none"


def fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


if os.environ["DATABASE_URL"].startswith("postgres"):
    fresh_postgres(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from sendplan.reports.documents import DOCUMENTS  # noqa: E402
from sendplan.reports.models import ReportFile  # noqa: E402
from sendplan.scale import grow_plan  # noqa: E402
from sendplan.test import build_world  # noqa: E402

WORKER = [str(ROOT / ".venv" / "bin" / "sendplan"), "db_worker", "--no-reload"]
WORKER_OPTIONS = ["--no-startup-delay", "--max-tasks", "1", "--interval", "0.2"]


def start_worker() -> subprocess.Popen[str]:
    """A worker that makes one document and stops, ready once it has said it started."""
    worker = subprocess.Popen(
        [*WORKER, *WORKER_OPTIONS], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert worker.stdout is not None
    for line in worker.stdout:
        if "Starting worker" in line:
            return worker
    raise RuntimeError("The worker stopped before it started.")


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    world = build_world()
    started = time.perf_counter()
    grow_plan(world.plan, lead=world.lead, actions=ACTIONS, periods=PERIODS)
    period = world.plan.periods.order_by("-position").first()
    assert period is not None
    print(
        f"{connection.vendor}: {ACTIONS} actions, {PERIODS} periods, made in "
        f"{time.perf_counter() - started:.1f} s. Load average before: {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores\n"
    )
    print(
        f"{'document':<28} {'request':>9} {'ready':>8} {'making':>8} {'worker CPU':>11} "
        f"{'peak':>8} {'size':>9} {'again':>8}"
    )
    client = world.client_for("board_member")
    missed: list[str] = []
    for key, document in DOCUMENTS.items():
        if ONLY and key != ONLY:
            continue
        url = reverse(document.url_name, args=[world.plan.pk])
        query = {"period": period.label} if document.of_period else {}
        worker = start_worker()
        asked = time.perf_counter()
        response = client.get(url, query)
        request_s = time.perf_counter() - asked
        assert response.status_code == 302, response.status_code
        progress = response["Location"]
        name = f"{document.name.removeprefix('the ')} ({document.form})"
        while "Your file is ready." not in client.get(progress).content.decode():
            if worker.poll() is not None and "Your file is ready." not in (
                client.get(progress).content.decode()
            ):
                raise RuntimeError(f"The worker stopped without making {key}.")
            if time.perf_counter() - asked > GIVE_UP_S:
                break
            time.sleep(0.1)
        ready_s = time.perf_counter() - asked
        if ready_s > GIVE_UP_S:
            worker.kill()
            worker.wait()
            print(
                f"{name:<28} {request_s * 1000:6.0f} ms  not ready after {GIVE_UP_S} s", flush=True
            )
            missed.append(name)
            continue
        _pid, _status, usage = os.wait4(worker.pid, 0)
        worker.returncode = 0
        again = time.perf_counter()
        response = client.get(url, query)
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
        again_s = time.perf_counter() - again
        assert response.status_code == 200
        made = ReportFile.objects.filter(document=key).latest("pk")
        peak_mb = usage.ru_maxrss / 1024
        cpu_s = usage.ru_utime + usage.ru_stime
        print(
            f"{name:<28} {request_s * 1000:6.0f} ms {ready_s:6.1f} s "
            f"{made.seconds_taken or 0:6.1f} s {cpu_s:9.1f} s {peak_mb:5.0f} MB "
            f"{(made.size or 0) / 1024:5.0f} KiB {again_s * 1000:5.0f} ms",
            flush=True,
        )
        if request_s >= REQUEST_TARGET or ready_s >= READY_TARGET or peak_mb >= MEMORY_TARGET_MB:
            missed.append(name)
    print(
        f"\nTargets: request under {REQUEST_TARGET:.0f} s, ready under {READY_TARGET:.0f} s, "
        f"peak under {MEMORY_TARGET_MB} MB: "
        + (f"MISSED by {', '.join(missed)}" if missed else "all met")
    )
    print(
        f"This process's own peak: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )


if __name__ == "__main__":
    main()
