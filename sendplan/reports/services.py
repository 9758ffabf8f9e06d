"""Writes for the documents made in the background: asking for one, and making it.

A kept file is a copy of what the plan says, made again whenever the plan changes, so these
writes record no audit event: an event would itself count as a change of the plan."""

from __future__ import annotations

import logging
import traceback

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from sendplan.audit.services import Actor, acting_user
from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan
from sendplan.plans.selectors import plan_version
from sendplan.reports.documents import DOCUMENTS, Document
from sendplan.reports.models import ReportFile, report_storage
from sendplan.reports.selectors import report_file_current

logger = logging.getLogger(__name__)


def report_file_request(
    *, plan: Plan, document: Document, period: Period | None, actor: Actor, part: str = ""
) -> ReportFile:
    """The file of this document (or of one part of it) for the plan as it stands: the one
    already made or being made, or else a new one, queued for the background worker."""
    from sendplan.reports.tasks import make_report_file

    if not document.of_period:
        period = None
    if document.build_part is None:
        part = ""
    with transaction.atomic():
        # Two people asking at the same moment get the same file, not two of them.
        locked = Plan.objects.select_for_update().only("pk").get(pk=plan.pk)
        # Asked now, with the plan locked, not as the page read it.
        version = plan_version(locked)
        found = report_file_current(plan, document.key, period, version, part)
        if found is not None:
            return found
        made = ReportFile.objects.create(
            plan=plan,
            document=document.key,
            period=period,
            part=part,
            version=version,
            requested_by=acting_user(actor),
        )
        # The database backend queues the task as a row in this same transaction, so the worker
        # never sees a task without its file's row.
        result = make_report_file.enqueue(made.pk)
        ReportFile.objects.filter(pk=made.pk).update(task_id=str(result.id)[:64])
    made.refresh_from_db()
    return made


def _set(report_file: ReportFile, **values: object) -> None:
    for name, value in values.items():
        setattr(report_file, name, value)
    ReportFile.objects.filter(pk=report_file.pk).update(**values)


def report_file_make(*, file_id: int) -> None:
    """Make the document and keep the file: what the background worker runs. Each stage is
    saved as it starts, for the page that shows the progress."""
    claimed = ReportFile.objects.filter(pk=file_id, state=ReportFile.State.WAITING).update(
        state=ReportFile.State.MAKING, stage=ReportFile.Stage.READING, started_at=timezone.now()
    )
    if not claimed:
        return  # already made, or given up on
    report_file = ReportFile.objects.select_related("plan__area", "period").get(pk=file_id)
    document = DOCUMENTS[report_file.document]
    try:
        if report_file.part and document.build_part is not None:
            report = document.build_part(report_file.plan, report_file.part)
        else:
            report = document.build(report_file.plan, report_file.period)
        _set(report_file, stage=ReportFile.Stage.LAYING_OUT)
        content = document.render(report)
        del report
        _set(report_file, stage=ReportFile.Stage.SAVING)
        name = report_storage().save(_stored_name(report_file, document), ContentFile(content))
    except Exception:
        logger.exception("Could not make %s of plan %s", document.key, report_file.plan_id)
        _set(
            report_file,
            state=ReportFile.State.FAILED,
            error=traceback.format_exc()[-5000:],
            finished_at=timezone.now(),
        )
        raise
    _set(
        report_file,
        state=ReportFile.State.READY,
        stored_as=name,
        size=len(content),
        finished_at=timezone.now(),
    )
    _forget_older(report_file)


def _stored_name(report_file: ReportFile, document: Document) -> str:
    """plan-12/evidence-pack-c4051-2026-12-05.pdf: named by the plan's last change (and
    plan-12/evidence-pack-weakness-3-c4051-2026-12-05.pdf for a part)."""
    period = f"-period-{report_file.period_id}" if report_file.period_id else ""
    part = f"-{report_file.part}" if report_file.part else ""
    return (
        f"plan-{report_file.plan_id}/{document.stem}{period}{part}-{report_file.version}."
        f"{document.extension}"
    )


def _forget_older(report_file: ReportFile) -> None:
    """Remove the files this one replaces: the same document (or part) of an earlier version."""
    older = ReportFile.objects.filter(
        plan_id=report_file.plan_id,
        document=report_file.document,
        period=report_file.period,
        part=report_file.part,
        pk__lt=report_file.pk,
        state__in=[ReportFile.State.READY, ReportFile.State.FAILED],
    )
    storage = report_storage()
    for old in older:
        if old.stored_as and old.stored_as != report_file.stored_as:
            storage.delete(old.stored_as)
    older.delete()
