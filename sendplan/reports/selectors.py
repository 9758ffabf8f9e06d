"""Reads for the reports: the file already made (or being made) in the background for the plan
as it stands (plans.selectors.plan_version), and the pages and downloads kept for it."""

from __future__ import annotations

import zlib
from collections.abc import Callable

from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan
from sendplan.plans.selectors import kept
from sendplan.reports.models import ReportFile


def kept_output(
    kind: str, plan: Plan, period: Period | None, version: str, make: Callable[[], bytes]
) -> bytes:
    """What `make` gives for this version of the plan (plan_version): made at the first request
    after the plan changed, and read from the cache until it changes again or the day ends.

    A report's page and its small downloads (the tracker) are the same for everyone who may
    see them, and are read far more often than the plan changes: a board member opens the
    board report the day before the board, and so does everyone else on it. They are kept
    compressed, since a page of the whole plan runs to megabytes of HTML that shrink tenfold."""
    key = f"sendplan:kept:{kind}:{plan.pk}:{period.pk if period else 0}:{version}"
    return zlib.decompress(kept(key, lambda: zlib.compress(make(), 1)))


def report_file_current(
    plan: Plan, document: str, period: Period | None, version: str, part: str = ""
) -> ReportFile | None:
    """The newest file of this document (or of this part of it) made, or being made, for this
    version of the plan; None when there is none, or the last attempt failed or was abandoned,
    or its file is gone."""
    found = (
        ReportFile.objects.filter(
            plan=plan, document=document, period=period, version=version, part=part
        )
        .order_by("-pk")
        .first()
    )
    if found is None or found.state == ReportFile.State.FAILED or found.abandoned():
        return None
    if found.state == ReportFile.State.READY and not found.kept():
        return None
    return found


def report_file_for_user_plan(plan: Plan, file_id: int) -> ReportFile | None:
    """A file of this plan by its id; None for another plan's, so no one reaches a file through
    a plan they may see."""
    return ReportFile.objects.filter(plan=plan, pk=file_id).select_related("period").first()


def usual_seconds(plan: Plan, document: str, part: str = "") -> float | None:
    """How long this document (or this part of it) of this plan took to make the last time it
    was made."""
    last = (
        ReportFile.objects.filter(
            plan=plan,
            document=document,
            part=part,
            state=ReportFile.State.READY,
            started_at__isnull=False,
        )
        .order_by("-pk")
        .first()
    )
    return last.seconds_taken if last else None
