"""sendplan indicators load: read a DfE open data CSV file into an indicator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendplan.indicators.dfe import DfeFileError, indicator_load_dfe, read_dfe_csv
from sendplan.indicators.models import Indicator


def filters_from(values: list[str]) -> dict[str, str]:
    filters = {}
    for value in values:
        column, sep, wanted = value.partition("=")
        if not sep or not column.strip():
            raise CommandError(f"--filter takes COLUMN=VALUE, such as age_group=Total, not {value}")
        filters[column.strip()] = wanted.strip()
    return filters


class Command(BaseCommand):
    help = "Work with a plan's indicators. `load` reads a DfE open data CSV file into one."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Load figures from an explore-education-statistics CSV")
        load.add_argument("file", help="The CSV file, as downloaded")
        load.add_argument("--indicator", type=int, required=True, help="The indicator's number")
        load.add_argument("--column", required=True, help="The column holding the figure")
        load.add_argument(
            "--filter",
            action="append",
            default=[],
            metavar="COLUMN=VALUE",
            help="Keep only rows with this value in this column; may be given more than once",
        )
        load.add_argument(
            "--area", help="The area's la_name or new_la_code (default: the plan's area name)"
        )
        load.add_argument(
            "--neighbours",
            default="",
            help="Statistical neighbours to compare with: la_name or new_la_code, comma-separated",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        indicator = (
            Indicator.objects.select_related("plan__area").filter(pk=options["indicator"]).first()
        )
        if indicator is None:
            raise CommandError(f"There is no indicator number {options['indicator']}")
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        area = options["area"] or indicator.plan.area.name
        try:
            loaded = read_dfe_csv(
                data,
                column=options["column"],
                area=area,
                filters=filters_from(options["filter"]),
                neighbours=options["neighbours"].split(","),
            )
        except DfeFileError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"Nothing was saved from {path.name}") from None
        added = indicator_load_dfe(
            actor=None, indicator=indicator, loaded=loaded, source=f"DfE open data: {path.name}"
        )
        self.stdout.write(
            f"{indicator.name}: {added} figure{'s' if added != 1 else ''} for {area} new or "
            f"changed, {len(loaded.gaps)} suppressed (kept as gaps), comparators: "
            + (", ".join(loaded.comparators) or "none")
        )
