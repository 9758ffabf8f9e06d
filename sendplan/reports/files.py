"""What the commands share: finding the plan and period asked for, and writing a file."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError, OutputWrapper

from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan
from sendplan.reports.builders import default_board_period


def plan_or_error(plan_id: int) -> Plan:
    plan = Plan.objects.select_related("area").filter(pk=plan_id).first()
    if plan is not None:
        return plan
    plans = [f"{p.pk} ({p.area.name}: {p.title})" for p in Plan.objects.select_related("area")]
    listing = "; ".join(plans) if plans else "there are no plans yet"
    raise CommandError(f"There is no plan with id {plan_id}. The plans are: {listing}.")


def period_or_error(plan: Plan, label: str | None) -> Period:
    labels = list(plan.periods.values_list("label", flat=True))
    if not labels:
        raise CommandError(f"Plan {plan.pk} has no monitoring periods yet, so there is no report.")
    period = plan.periods.filter(label=label).first() if label else default_board_period(plan)
    if period is None:
        raise CommandError(
            f"Plan {plan.pk} has no period called {label}. Its periods are: {', '.join(labels)}."
        )
    return period


def write_out(content: bytes, out: str, *, stdout: OutputWrapper, binary: bool) -> None:
    """Write to the file named, or to standard output for text when the name is - ."""
    if out == "-":
        if binary:
            raise CommandError("This format is not text: name the file to write with --out FILE.")
        stdout.write(content.decode("utf-8-sig"), ending="")
        return
    try:
        Path(out).write_bytes(content)
    except OSError as error:
        raise CommandError(f"Cannot write {out}: {error.strerror}") from error
