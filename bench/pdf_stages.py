"""Time one report's PDF stage by stage, in CPU seconds, on the national database that
bench/national.py builds (read only: it builds reports and PDFs and writes nothing).

Run from the repository root:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sendplan_national \
    .venv/bin/python bench/pdf_stages.py KIND [--runs N] [--profile FILE]
KIND is board, evidence, "evidence part" or plan, as bench/national.py names them. Each run
prints the CPU seconds of building the report from the database, writing its HTML, WeasyPrint's
parsing and styling and layout (render) and writing the PDF (write), and the process's peak
memory so far (Linux's VmHWM). WeasyPrint is imported before the first run (0.35 s of CPU
more, which bench/national.py's cold figure includes); the first run loads the templates and
WeasyPrint's fonts and stylesheets on the way, the later ones find them loaded, as in a
long-lived worker. --profile FILE writes cProfile's statistics (CPU clock) of one more run.
"""

from __future__ import annotations

import cProfile
import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendplan.settings")
os.environ.setdefault("SENDPLAN_ALLOW_INSECURE_KEY", "1")
os.environ.setdefault("SENDPLAN_HTTPS", "0")
os.environ.setdefault("SENDPLAN_DATA_DIR", str(ROOT / "var" / "national"))


def _option(flag: str, default: str) -> str:
    return sys.argv[sys.argv.index(flag) + 1] if flag in sys.argv else default


KIND = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "board"
RUNS = int(_option("--runs", "2"))
PROFILE = _option("--profile", "")
AREA = int(_option("--area", "0"))


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    import django

    django.setup()
    from sendplan.demo.national import AREA_PREFIX
    from sendplan.plans.models import Plan
    from sendplan.reports import renderers
    from sendplan.reports.builders import (
        build_board_report,
        build_evidence_pack,
        build_plan_document,
        default_board_period,
    )
    from sendplan.reports.evidence import build_evidence_pack_part, outline, part_key

    found = Plan.objects.filter(area__name__startswith=AREA_PREFIX).order_by("area__name")
    plan = found.select_related("area")[AREA]  # the plan bench/national.py times

    def build():  # type: ignore[no-untyped-def]
        if KIND == "board":
            period = default_board_period(plan)
            assert period is not None
            return build_board_report(plan, period)
        if KIND == "evidence":
            return build_evidence_pack(plan)
        if KIND == "evidence part":
            found = outline(plan)
            largest = max(found.weaknesses, key=lambda w: len(found.part(w)[2]))
            return build_evidence_pack_part(plan, part_key(largest))
        return build_plan_document(plan)

    walls: list[float] = []

    def once() -> tuple[list[float], int]:
        import weasyprint

        marks = [time.process_time()]
        wall = time.perf_counter()
        report = build()
        marks.append(time.process_time())
        walls.append(time.perf_counter() - wall)
        html = renderers.report_html(report)
        marks.append(time.process_time())
        renderers.remember_page_references()
        with renderers.collector_paused():
            document = weasyprint.HTML(string=html)
            rendered = document.render(pdf_variant="pdf/ua-1")
            marks.append(time.process_time())
            pdf = rendered.write_pdf(pdf_variant="pdf/ua-1")
            marks.append(time.process_time())
        return [b - a for a, b in itertools.pairwise(marks)], len(pdf)

    print(f"{KIND} PDF of {plan}; load {os.getloadavg()[0]:.1f}")
    print(f"{'run':<6} {'build':>6} {'HTML':>6} {'render':>7} {'write':>6} {'CPU':>6} {'peak':>8}")
    for run in range(RUNS):
        stages, size = once()
        label = "first" if run == 0 else "again"
        print(
            f"{label:<6} {stages[0]:6.2f} {stages[1]:6.2f} {stages[2]:7.2f} {stages[3]:6.2f} "
            f"{sum(stages):6.2f} {peak_mb():5.0f} MB  {size / 1024:.0f} KiB; "
            f"building took {walls[-1]:.2f} s of wall clock",
            flush=True,
        )
    if PROFILE:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        once()
        profiler.disable()
        profiler.dump_stats(PROFILE)
        print(f"profile written to {PROFILE}")


if __name__ == "__main__":
    main()
