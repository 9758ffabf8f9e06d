"""Time loading a DfE open data file of published size, and rendering an indicator's page.

Run from the repository root: .venv/bin/python bench/indicators.py
It works in a throwaway SQLite database and writes a generated (invented) CSV file the size of
a published one: 153 local authorities, 9 regions and England, ten years, two age groups and
four indicator columns. Targets: the load under 5 s; the indicator page under 100 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.core.management import call_command

# Importing the reports benchmark sets Django up on its own throwaway database.
from reports import WORK

from sendplan.accounts.models import Membership, Role
from sendplan.indicators.dfe import indicator_load_dfe, read_dfe_csv
from sendplan.indicators.services import indicator_create
from sendplan.plans import services

RUNS = 5
COLUMNS = ["pc_plans_issued_20_weeks_ex", "pc_plans_issued_20_weeks", "plans_issued", "rate"]
REGIONS = [f"Region {n}" for n in range(1, 10)]


def generated_csv() -> bytes:
    rng = random.Random(14)
    lines = [
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
        "region_name,old_la_code,new_la_code,la_name,age_group," + ",".join(COLUMNS)
    ]

    def figures() -> str:
        return ",".join(rng.choice(["c", f"{rng.uniform(0, 100):.1f}"]) for _ in COLUMNS)

    for year in range(2015, 2025):
        for age in ("Total", "Under 5"):
            lines.append(f"{year},Calendar year,National,E92000001,England,,,,,,{age},{figures()}")
            for r, region in enumerate(REGIONS):
                lines.append(
                    f"{year},Calendar year,Regional,E92000001,England,E1200000{r + 1},{region},"
                    f",,,{age},{figures()}"
                )
            for la in range(153):
                name = "Benchshire" if la == 0 else f"Authority {la}"
                lines.append(
                    f"{year},Calendar year,Local authority,E92000001,England,E12000001,"
                    f"{REGIONS[0]},{800 + la},E06{la:06d},{name},{age},{figures()}"
                )
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    # Models load only once the reports benchmark has set Django up.
    from django.contrib.auth.models import User
    from django.test import Client

    call_command("migrate", verbosity=0)
    data = generated_csv()
    (Path(WORK) / "generated-dfe.csv").write_bytes(data)
    area = services.area_get_or_create(actor=None, name="Benchshire")
    plan = services.plan_create(actor=None, area=area, title="Benchshire plan")
    user = User.objects.create_user("bench-manager")
    Membership.objects.create(user=user, area=area, role=Role.PROGRAMME_MANAGER)
    rows = data.count(b"\n") - 1
    print(
        f"Generated file: {rows} rows, {len(data) / 1024:.0f} KiB. "
        f"Load average before: {os.getloadavg()[0]:.1f}"
    )
    loads = []
    indicator = None
    for run in range(RUNS):
        indicator = indicator_create(
            actor=None, plan=plan, name=f"EHC plans in 20 weeks {run}", better="higher"
        )
        started = time.perf_counter()
        loaded = read_dfe_csv(
            data,
            column="pc_plans_issued_20_weeks_ex",
            area="Benchshire",
            filters={"age_group": "Total"},
            neighbours=[f"Authority {n}" for n in range(1, 11)],
        )
        indicator_load_dfe(actor=None, indicator=indicator, loaded=loaded, source="generated")
        loads.append(time.perf_counter() - started)
    assert indicator is not None
    median = statistics.median(loads)
    print(
        f"Load, read and save ({indicator.comparators.count()} comparator figures): "
        f"{median:.2f} s median (best {min(loads):.2f} s); target < 5 s: "
        f"{'met' if median < 5 else 'MISSED'}"
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = indicator.get_absolute_url()
    assert client.get(url).status_code == 200
    pages = []
    for _ in range(RUNS * 2):
        started = time.perf_counter()
        client.get(url)
        pages.append((time.perf_counter() - started) * 1000)
    median_ms = statistics.median(pages)
    print(
        f"Indicator page: {median_ms:.0f} ms median (best {min(pages):.0f} ms); "
        f"target < 100 ms: {'met' if median_ms < 100 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
