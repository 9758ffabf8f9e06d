"""The national benchmark: every local area in England on one PostgreSQL database, and how fast
each page answers there, beside the least the database must do for it.

Run from the repository root, with PostgreSQL on 127.0.0.1:5432:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sendplan_national \\
        .venv/bin/python bench/national.py --areas 153 [--reuse] [--with-import] [--with-pdf]

It drops and makes the database named in DATABASE_URL (its name must start with
sendplan_national), migrates it and builds the areas (sendplan.demo.national): one area's
300-action, 24-period plan written through the services, with its status updates, reviews,
drafts, corrections, re-baselined actions and audit events, then copied to every other area in
SQL. With --reuse a database already built with the same --areas, --actions and --periods is
kept (and migrated, for a branch that adds tables), so a second run only measures.

Then it requests each page through Django's test client (real middleware and sign-in, as the
user who reads it), checks it shows what it should, and prints its median and 95th percentile
server time over several runs, its query count, and its SQL floor: hand-written SQL fetching what
the page shows (sendplan.demo.national_pages), after the three reads any signed-in page makes
first (the session, the person signed in and their roles), timed the same way. A page passes
with p95 under 100 ms (300 ms for an adviser's home over every area) and at most 3 times its
floor.

--with-import times the import of the plan's own JSON export as a new plan (rolled back after),
reading the plan's tracker spreadsheet back into it, which should change nothing, and applying
a tracker that brings a new update for every action in the open period (rolled back after).
--with-pdf builds the board report, evidence pack and plan document PDFs, each in a child
process, with its peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sendplan_national"


def environment() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings")
    os.environ.setdefault("SENDPLAN_ALLOW_INSECURE_KEY", "1")
    # Django's test client speaks plain HTTP; sent to HTTPS, every page would be a redirect.
    os.environ.setdefault("SENDPLAN_HTTPS", "0")
    os.environ.setdefault("SENDPLAN_DATA_DIR", str(ROOT / "var" / "national"))


def database_name() -> str:
    name = urlparse(os.environ["DATABASE_URL"]).path.lstrip("/")
    if not name.startswith("sendplan_national"):
        sys.exit(f"The database is dropped and made again, so its name must start with "
                 f"sendplan_national, not {name!r}")  # fmt: skip
    return name


def fresh_database(name: str) -> None:
    import psycopg

    url = urlparse(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def database_exists(name: str) -> bool:
    import psycopg

    url = urlparse(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()
    with psycopg.connect(url, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None


def prepare(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The national data: kept from an earlier run with --reuse, else built now."""
    name = database_name()
    if args.reuse and database_exists(name):
        import django

        django.setup()
        from django.core.management import call_command

        from sendplan.demo.national import find

        # A branch that adds tables or columns measures on the same data once it has migrated.
        call_command("migrate", verbosity=0)
        from sendplan.plans.models import Action

        try:
            data = find(areas=args.areas)
            actions = Action.objects.filter(section__plan=data.plan).count()
            periods = data.plan.periods.count()
            if (actions, periods) != (args.actions, args.periods):
                raise LookupError(f"its plans have {actions} actions and {periods} periods")
        except LookupError as error:
            print(f"Building again: the database {name} does not fit ({error})", flush=True)
            from django.db import connections

            connections.close_all()
        else:
            print(f"Reusing the database {name}: {data.areas} areas", flush=True)
            return data
    fresh_database(name)
    import django

    django.setup()
    from django.core.management import call_command

    from sendplan.demo.national import build

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    data = build(
        areas=args.areas,
        actions=args.actions,
        periods=args.periods,
        log=lambda line: print(line, flush=True),
    )
    print(f"Built {args.areas} areas in {time.perf_counter() - started:.0f} s", flush=True)
    return data


def describe() -> None:
    from django.db import connection

    from sendplan.audit.models import AuditEvent
    from sendplan.monitoring.models import StatusUpdate
    from sendplan.plans.models import Action, Plan

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
    print(
        f"{Plan.objects.count()} plans, {Action.objects.count()} actions, "
        f"{StatusUpdate.objects.count()} status updates, {AuditEvent.objects.count()} audit "
        f"events; database {size}. Load average {os.getloadavg()[0]:.1f}\n",
        flush=True,
    )


def measure_pages(args: argparse.Namespace, data) -> None:  # type: ignore[no-untyped-def]
    from sendplan.demo.national_pages import clients, context, measure, pages, table

    ctx = context(data)
    signed = clients(data)
    results = []
    for page in pages(ctx):
        if args.only and args.only.lower() not in page.name:
            continue
        result = measure(
            page, signed[page.user], ctx, runs=args.runs, budget=args.page_seconds, slow=5.0
        )
        print(
            f"  {page.name}: median {result.timing.median_ms:.1f} ms, floor "
            f"{result.floor.median_ms:.1f} ms, {result.queries} queries",
            flush=True,
        )
        results.append(result)
    if not args.only or args.only.lower() in "adviser's home: every area":
        compare_summary(ctx, runs=args.runs)
        cold_table(ctx, signed["adviser"], runs=args.runs)
    for page in pages(ctx):
        if page.made_once and (not args.only or args.only.lower() in page.name):
            made_afresh(page, signed[page.user], runs=args.runs)
    print()
    print(table(results))
    passed = sum(r.passed for r in results)
    print(f"\n{passed} of {len(results)} pages within their budget. Load average "
          f"{os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip


def cold_table(ctx, client, *, runs: int) -> None:  # type: ignore[no-untyped-def]
    """The adviser's table as the first look after every plan has changed: each plan's figures
    are kept under its last change (oversight.selectors.plan_standings), so the page timed above
    mostly reads them from the cache; here the cache is emptied before each request."""
    from django.core.cache import cache
    from django.urls import reverse

    from sendplan.demo.national_pages import timed

    def cold() -> object:
        cache.clear()
        return client.get(reverse("home"))

    found = timed(cold, runs=runs, budget=60, slow=5)
    print(
        f"  adviser's home, every area, nothing cached (every plan changed since the last look): "
        f"median {found.median_ms:.0f} ms, p95 {found.p95_ms:.0f} ms",
        flush=True,
    )


def made_afresh(page, client, *, runs: int) -> None:  # type: ignore[no-untyped-def]
    """A page as the first look after the plan changed: the reports' pages and the overview are
    kept for the plan as it stands (reports.selectors.kept_output, the overview's cache tag), so
    the page timed above is read from the cache but for its first request; here the cache is
    emptied before each request."""
    from django.core.cache import cache

    from sendplan.demo.national_pages import timed

    def cold() -> object:
        cache.clear()
        return client.get(page.url)

    found = timed(cold, runs=runs, budget=60, slow=5)
    print(
        f"  {page.name}, made afresh (the plan changed since the last look): "
        f"median {found.median_ms:.0f} ms, p95 {found.p95_ms:.0f} ms",
        flush=True,
    )


def compare_summary(ctx, *, runs: int) -> None:  # type: ignore[no-untyped-def]
    """Why the table of areas reads a summary of each action's latest rating: the same counts
    for every area, from the summary and from the status updates themselves."""
    from django.db import connection

    from sendplan.demo.national_pages import home_counts, oversight_counts, rows, timed

    user = ctx.user_ids["adviser"]

    def summary() -> object:
        with connection.cursor() as cursor:
            return rows(cursor, oversight_counts(False), [user, ctx.month, ctx.day])

    def updates() -> object:
        with connection.cursor() as cursor:
            return rows(cursor, home_counts(), [user, ctx.month, ctx.day, 2])

    read = timed(summary, runs=runs, budget=30, slow=5)
    grouped = timed(updates, runs=runs, budget=30, slow=5)
    print(
        f"  every area's counts in one grouped query: from the latest-rating summary "
        f"{read.median_ms:.0f} ms, from the status updates {grouped.median_ms:.0f} ms (median)",
        flush=True,
    )


def measure_import(data) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection, transaction

    from sendplan.demo.national_pages import QueryCount
    from sendplan.interchange.jsonformat import dumps, export_plan, import_plan, read_document
    from sendplan.interchange.merge import apply_changes, plan_changes
    from sendplan.interchange.parsers import parse_file_inprocess
    from sendplan.monitoring.models import StatusUpdate
    from sendplan.reports.data import load_plan
    from sendplan.reports.tracker import tracker_xlsx

    text = dumps(export_plan(data.plan))
    updates = StatusUpdate.objects.filter(action__section__plan=data.plan).count()
    with transaction.atomic():
        started = time.perf_counter()
        counter = QueryCount()
        with connection.execute_wrapper(counter):
            plan = import_plan(read_document(text), actor=None, area_name="National import test")
        seconds = time.perf_counter() - started
        count = counter.count
        made = StatusUpdate.objects.filter(action__section__plan=plan).count()
        transaction.set_rollback(True)
    print(
        f"Import of the plan's JSON ({len(text) / 1024:.0f} KiB, {updates} updates): "
        f"{seconds:.1f} s, {count} queries, {made} updates made (rolled back). "
        "Target < 5 s",
        flush=True,
    )
    started = time.perf_counter()
    workbook = tracker_xlsx(load_plan(data.plan))
    made_in = time.perf_counter() - started
    started = time.perf_counter()
    document = parse_file_inprocess(workbook, "tracker.xlsx").document
    read_in = time.perf_counter() - started
    started = time.perf_counter()
    counter = QueryCount()
    with connection.execute_wrapper(counter):
        changes = plan_changes(data.plan, document)
    compared_in = time.perf_counter() - started
    count = counter.count
    print(
        f"Tracker read back into its plan: made in {made_in:.1f} s, read in {read_in:.1f} s, "
        f"compared in {compared_in:.1f} s ({count} queries): {changes.summary()!r}. "
        "Target: 'No changes', < 1 s",
        flush=True,
    )
    open_period = data.plan.periods.filter(signed_off_at__isnull=True).last()
    document = export_plan(data.plan)
    actions = [a for s in _sections(document["plan"]["sections"]) for a in s.get("actions", [])]
    for n, action in enumerate(actions):
        action.setdefault("updates", []).append(
            {"period": open_period.label, "status": "GAR"[n % 3], "narrative": f"Tracker {n}"}
        )
    changes = plan_changes(data.plan, document)
    with transaction.atomic():
        started = time.perf_counter()
        counter = QueryCount()
        with connection.execute_wrapper(counter):
            apply_changes(plan=data.plan, changes=changes, actor=None)
        applied_in = time.perf_counter() - started
        transaction.set_rollback(True)
    print(
        f"A tracker with the open period filled in, applied: {changes.summary()!r} in "
        f"{applied_in:.1f} s, {counter.count} queries (rolled back)",
        flush=True,
    )


def _sections(sections):  # type: ignore[no-untyped-def]
    for section in sections:
        yield section
        yield from _sections(section.get("sections", []))


def measure_pdfs(data) -> None:  # type: ignore[no-untyped-def]
    # "evidence part": the evidence pack's largest area of weakness, as a PDF of its own.
    targets = {
        "board": (3, 400),
        "evidence": (15, 400),
        "evidence part": (15, 400),
        "plan": (15, 400),
    }
    # Each PDF is timed twice, each time in a child process of its own: cold, as a process
    # that has not made a PDF before (WeasyPrint imported on the way), and warm, as the
    # background worker makes it, having loaded WeasyPrint when it started
    # (sendplan.reports.renderers.warm_up).
    for kind, (seconds, megabytes) in targets.items():
        for start in ("cold", "warm"):
            done = subprocess.run(
                [sys.executable, __file__, "--child-pdf", kind, str(data.plan.pk), start],
                capture_output=True,
                text=True,
                env=os.environ,
                check=False,
            )
            if done.returncode != 0:
                print(f"{kind} PDF ({start}) failed: {done.stderr.strip()[-500:]}", flush=True)
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"{kind + ' PDF, ' + start:<24} {result['seconds']:6.1f} s "
                f"({result['cpu_seconds']:.1f} s of CPU, which others' work on the machine sways "
                f"less), {result['kib']:6.0f} KiB, peak "
                f"memory {result['peak_mb']:5.0f} MB (process at start {result['start_mb']:.0f} "
                f"MB). Target < {seconds} s and < {megabytes} MB{result['note']}",
                flush=True,
            )


def peak_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts again at exec, unlike
    ru_maxrss, which a child inherits from the parent it was forked from."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_pdf(kind: str, plan_id: int, start: str = "cold") -> None:
    """In a child process of its own, so that its peak memory is the PDF's. Cold, WeasyPrint is
    imported while the PDF is timed; warm, before, as the worker does when it starts."""
    import django

    django.setup()
    if start == "warm":
        from sendplan.reports.renderers import warm_up

        warm_up()
    from sendplan.plans.models import Plan
    from sendplan.reports import renderers
    from sendplan.reports.builders import (
        build_board_report,
        build_evidence_pack,
        build_plan_document,
        default_board_period,
    )
    from sendplan.reports.evidence import build_evidence_pack_part, outline, part_key

    start_mb = peak_mb()
    plan = Plan.objects.get(pk=plan_id)
    note = ""
    started = time.perf_counter()
    cpu_started = time.process_time()
    if kind == "board":
        period = default_board_period(plan)
        assert period is not None
        report = build_board_report(plan, period)
    elif kind == "evidence":
        report = build_evidence_pack(plan)
    elif kind == "evidence part":
        found = outline(plan)
        largest = max(found.weaknesses, key=lambda weakness: len(found.part(weakness)[2]))
        note = f" ({len(found.part(largest)[2])} of the plan's actions)"
        report = build_evidence_pack_part(plan, part_key(largest))
    else:
        report = build_plan_document(plan)
    content = renderers.report_pdf(report)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "kib": len(content) / 1024,
                      "peak_mb": peak_mb(), "start_mb": start_mb, "note": note}))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=153, help="local areas (default 153)")
    parser.add_argument("--actions", type=int, default=300, help="actions per plan")
    parser.add_argument("--periods", type=int, default=24, help="monthly periods per plan")
    parser.add_argument("--reuse", action="store_true", help="keep a database already built")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per page")
    parser.add_argument(
        "--page-seconds", type=float, default=30, help="stop timing a page after this long"
    )
    parser.add_argument("--only", default="", help="measure only pages whose name has this")
    parser.add_argument("--no-pages", action="store_true", help="do not time the pages")
    parser.add_argument("--with-import", action="store_true", help="time imports")
    parser.add_argument("--with-pdf", action="store_true", help="time the PDFs")
    parser.add_argument("--child-pdf", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    environment()
    if args.child_pdf:
        child_pdf(args.child_pdf[0], int(args.child_pdf[1]), *args.child_pdf[2:])
        return
    data = prepare(args)
    describe()
    if not args.no_pages:
        measure_pages(args, data)
    if args.with_import:
        print()
        measure_import(data)
    if args.with_pdf:
        print()
        measure_pdfs(data)


if __name__ == "__main__":
    main()
