"""`sendplan export`: write a plan as a file: the plan format, or a report of the whole plan from
the catalogue (sendplan.reports.catalogue) in the format asked for."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sendplan.interchange.jsonformat import dumps, export_plan
from sendplan.reports.catalogue import CATALOGUE, CSV, Entry
from sendplan.reports.files import plan_or_error, write_out


def _by_format() -> dict[str, list[Entry]]:
    """Each format, and the reports of the whole plan that come in it (the first the default)."""
    found: dict[str, list[Entry]] = {}
    for entry in CATALOGUE.values():
        if entry.whole_plan:
            for document in entry.documents:
                found.setdefault(document.extension, []).append(entry)
    return found


BY_FORMAT = _by_format()


class Command(BaseCommand):
    help = (
        "Write a whole plan: as a sendplan.plan/1 JSON document, or as "
        + "; ".join(
            f"{' or '.join(entry.name for entry in entries)} ({form})"
            for form, entries in BY_FORMAT.items()
        )
        + "."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--plan", type=int, required=True, help="The plan's id, as `sendplan plans` lists it."
        )
        parser.add_argument(
            "--format",
            choices=["json", *BY_FORMAT],
            default="json",
            help="json: the plan format; "
            + "; ".join(
                f"{form}: {' or '.join(entry.name for entry in entries)}"
                for form, entries in BY_FORMAT.items()
            )
            + ".",
        )
        csv = [entry.key for entry in BY_FORMAT.get(CSV.key, [])]
        parser.add_argument(
            "--csv",
            choices=csv,
            default=csv[0] if csv else None,
            help="With --format csv: which of them. "
            + " ".join(f"{e.key}: {e.summary}" for e in BY_FORMAT.get(CSV.key, [])),
        )
        parser.add_argument(
            "--out", default="-", help="The file to write; - or nothing for standard output."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        plan = plan_or_error(options["plan"])
        form = options["format"]
        if form == "json":
            write_out(
                dumps(export_plan(plan)).encode("utf-8"),
                options["out"],
                stdout=self.stdout,
                binary=False,
            )
        else:
            entry = CATALOGUE[options["csv"]] if form == CSV.key else BY_FORMAT[form][0]
            document = entry.document(form)
            assert document is not None
            content = entry.render(entry.build(plan, None), form)
            write_out(content, options["out"], stdout=self.stdout, binary=not document.format.text)
        if options["out"] != "-":
            self.stdout.write(f"Exported plan {plan.pk} ({plan.title}) to {options['out']}")
