"""Time search on the generated plan of bench/reports.py (300 actions, 12 periods), on
PostgreSQL, where search uses its full-text matching. Target: under 100 ms median.

Run from the repository root, with PostgreSQL on this machine:
    .venv/bin/python bench/search.py
It builds the plan in a throwaway database, `sendplan_bench_search` (dropped and made again;
SENDPLAN_BENCH_DATABASE_URL names another), so it touches no real data. Each query is timed
through the search page (the whole request, as a user waits for it) and as the bare search.
"""

from __future__ import annotations

import importlib
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg

URL = os.environ.setdefault(
    "SENDPLAN_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sendplan_bench_search"
)
NAME = URL.rsplit("/", 1)[1]
if not NAME.startswith("sendplan_bench"):
    sys.exit(f"Refusing to drop {NAME}: the benchmark's database must be named sendplan_bench…")
with psycopg.connect(URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
    admin.execute(f'DROP DATABASE IF EXISTS "{NAME}"')
    admin.execute(f'CREATE DATABASE "{NAME}"')

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Importing the reports benchmark sets Django up on the database named above.
generated_plan = importlib.import_module("reports").generated_plan
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from sendplan.accounts.models import Membership, Role  # noqa: E402
from sendplan.monitoring.models import StatusUpdate  # noqa: E402
from sendplan.plans.models import Action  # noqa: E402
from sendplan.search import search  # noqa: E402

RUNS = 20
QUERIES = [
    ("a ref", "3.2.4"),
    ("words in titles", "schools health"),
    ("a lead's name", "Officer 7"),
    ("words in narratives", "improvement 150"),
    ("nothing matches", "zebra crossing"),
]


def median_ms(work: object) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    assert connection.vendor == "postgresql"
    setup_test_environment()  # lets the test client's requests in, as "testserver"
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    plan = generated_plan()
    user = User.objects.create_user("searcher")
    Membership.objects.create(user=user, area=plan.area, role=Role.BOARD_MEMBER)
    client = Client()
    client.force_login(user)
    print(
        f"Generated {Action.objects.count()} actions and {StatusUpdate.objects.count()} updates "
        f"in {time.perf_counter() - started:.0f} s. Load average: {os.getloadavg()[0]:.1f}\n"
    )
    print(f"{'query':<22} {'results':>7} {'page ms':>8} {'search ms':>10}  (median of {RUNS})")
    worst = 0.0
    for label, query in QUERIES:
        found = search(user, query)
        url = f"{reverse('search')}?q={query}"
        assert client.get(url).status_code == 200
        page = median_ms(lambda: client.get(url))  # noqa: B023
        bare = median_ms(lambda: search(user, query))  # noqa: B023
        worst = max(worst, page)
        print(f"{label:<22} {found.count:>7} {page:>8.1f} {bare:>10.1f}")
    print(f"\nSlowest page {worst:.1f} ms: {'within' if worst < 100 else 'over'} the 100 ms target")


if __name__ == "__main__":
    main()
