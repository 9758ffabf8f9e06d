"""`sendplan report board|evidence|plan`: write a report as PDF, Word or HTML."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sendplan.reports import renderers, word
from sendplan.reports.builders import (
    build_board_report,
    build_evidence_pack,
    build_plan_document,
)
from sendplan.reports.files import period_or_error, plan_or_error, write_out
from sendplan.reports.renderers import Report


class Command(BaseCommand):
    help = (
        "Write the board highlight report (for a period), the evidence pack or the plan "
        "document as PDF, Word or HTML."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "report",
            choices=["board", "evidence", "plan"],
            help="board: the board highlight report; evidence: the evidence pack for DfE, NHS "
            "England and inspectors; plan: the plan document, laid out for publishing.",
        )
        parser.add_argument(
            "--plan", type=int, required=True, help="The plan's id, as `sendplan plans` lists it."
        )
        parser.add_argument(
            "--period",
            help="For the board report: the period's label, such as 'Jun 18'. "
            "Without it, the newest period with updates.",
        )
        parser.add_argument("--format", choices=["pdf", "docx", "html"], default="pdf")
        parser.add_argument(
            "--out", default="-", help="The file to write; - or nothing for standard output (HTML)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        plan = plan_or_error(options["plan"])
        kind, form = options["report"], options["format"]
        report: Report
        if kind == "board":
            period = period_or_error(plan, options["period"])
            report = build_board_report(plan, period)
        elif kind == "evidence":
            report = build_evidence_pack(plan)
        else:
            report = build_plan_document(plan)
        if form == "pdf":
            content = renderers.report_pdf(report)
        elif form == "docx":
            content = word.report_docx(report)
        else:
            content = renderers.report_html(report).encode("utf-8")
        write_out(content, options["out"], stdout=self.stdout, binary=form != "html")
        if options["out"] != "-":
            self.stdout.write(f"Wrote {report.title} for plan {plan.pk} to {options['out']}")
