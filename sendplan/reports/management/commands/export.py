"""`sendplan export`: write a plan as a file."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sendplan.interchange.jsonformat import dumps, export_plan
from sendplan.reports import renderers, word
from sendplan.reports.builders import build_plan_document
from sendplan.reports.data import load_plan
from sendplan.reports.files import plan_or_error, write_out
from sendplan.reports.tracker import tracker_xlsx


class Command(BaseCommand):
    help = (
        "Write a whole plan: as a sendplan.plan/1 JSON document, the tracker spreadsheet "
        "(xlsx), its actions or status updates as CSV, or the plan document (docx, pdf)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--plan", type=int, required=True, help="The plan's id, as `sendplan plans` lists it."
        )
        parser.add_argument(
            "--format",
            choices=["json", "xlsx", "csv", "docx", "pdf"],
            default="json",
            help="json: the plan format; xlsx: the tracker; csv: see --csv; docx and pdf: the "
            "plan document.",
        )
        parser.add_argument(
            "--csv",
            choices=["actions", "updates"],
            default="actions",
            help="With --format csv: one row per action, or one row per status update.",
        )
        parser.add_argument(
            "--out", default="-", help="The file to write; - or nothing for standard output."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        plan = plan_or_error(options["plan"])
        form = options["format"]
        if form == "json":
            content = dumps(export_plan(plan)).encode("utf-8")
        elif form == "xlsx":
            content = tracker_xlsx(load_plan(plan))
        elif form == "csv":
            data = load_plan(plan)
            csv = renderers.updates_csv if options["csv"] == "updates" else renderers.actions_csv
            content = csv(data)
        elif form == "docx":
            content = word.plan_docx(build_plan_document(plan))
        else:
            content = renderers.report_pdf(build_plan_document(plan))
        write_out(
            content, options["out"], stdout=self.stdout, binary=form in ("xlsx", "docx", "pdf")
        )
        if options["out"] != "-":
            self.stdout.write(f"Exported plan {plan.pk} ({plan.title}) to {options['out']}")
