"""`sendplan report REPORT --plan ID`: write any report of the catalogue as a file."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.text import capfirst

from sendplan.plans.models import Plan
from sendplan.reports.catalogue import CATALOGUE
from sendplan.reports.evidence import NoSuchPart, build_evidence_pack_part, part_key
from sendplan.reports.files import period_or_error, plan_or_error, write_out

# The reports that come as a file; a report that is only a page has nothing to write.
WRITTEN = {key: entry for key, entry in CATALOGUE.items() if entry.formats}


def _formats(key: str) -> str:
    return ", ".join(form.key for form in WRITTEN[key].formats)


def _help() -> str:
    written = "; ".join(f"{key}: {entry.name} ({_formats(key)})" for key, entry in WRITTEN.items())
    pages = [entry.name for key, entry in CATALOGUE.items() if key not in WRITTEN]
    only = f" Only pages, on the site: {', '.join(pages)}." if pages else ""
    return f"Write a report of a plan as a file: {written}.{only}"


class Command(BaseCommand):
    help = _help()

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "report",
            choices=list(WRITTEN),
            help=" ".join(f"{key}: {entry.summary}" for key, entry in WRITTEN.items()),
        )
        parser.add_argument(
            "--plan", type=int, required=True, help="The plan's id, as `sendplan plans` lists it."
        )
        parser.add_argument(
            "--period",
            help="For a report of a period (the board report): the period's label, such as "
            "'Jun 18'. Without it, the newest period with updates.",
        )
        formats = dict.fromkeys(form.key for entry in WRITTEN.values() for form in entry.formats)
        parser.add_argument(
            "--format",
            choices=list(formats),
            help="Which of the report's formats; without it, the first the report comes in.",
        )
        parser.add_argument(
            "--weakness",
            help="For the evidence pack as PDF or HTML: only this area of weakness, by its ref "
            "(as in 'Area of weakness 2'), or 'none' for the actions linked to none.",
        )
        parser.add_argument(
            "--out", default="-", help="The file to write; - or nothing for standard output (text)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        entry = WRITTEN[options["report"]]
        form = next((f for f in entry.formats if f.key == options["format"]), None)
        if options["format"] is None:
            form = entry.formats[0]
        if form is None:
            raise CommandError(
                f"{capfirst(entry.name)} comes as {_formats(entry.key)}, not {options['format']}."
            )
        plan = plan_or_error(options["plan"])
        period = period_or_error(plan, options["period"]) if entry.of_period else None
        if options["weakness"] is not None:
            if entry.key != "evidence" or form.key not in ("pdf", "html"):
                raise CommandError(
                    "Only the evidence pack, as pdf or html, comes a weakness at a time."
                )
            report = _evidence_part(plan, options["weakness"])
        else:
            report = entry.build(plan, period)
        content = entry.render(report, form.key)
        write_out(content, options["out"], stdout=self.stdout, binary=not form.text)
        if options["out"] != "-":
            # A report's own title names its period; the spreadsheets and data have none.
            title = getattr(report, "title", entry.heading)
            self.stdout.write(f"Wrote {title} for plan {plan.pk} to {options['out']}")


def _evidence_part(plan: Plan, ref: str) -> object:
    """The evidence pack's part for the area of weakness with this ref ('none': the actions
    linked to none)."""
    if ref.strip().lower() == "none":
        part = part_key(None)
    else:
        weakness = plan.weaknesses.filter(ref=ref.strip()).first()
        if weakness is None:
            refs = ", ".join(w.ref for w in plan.weaknesses.all() if w.ref) or "none"
            raise CommandError(f"Plan {plan.pk} has no area of weakness {ref}. Its refs: {refs}.")
        part = part_key(weakness)
    try:
        return build_evidence_pack_part(plan, part)
    except NoSuchPart as error:
        raise CommandError(
            f"Every action of plan {plan.pk} answers an area of weakness."
        ) from error
