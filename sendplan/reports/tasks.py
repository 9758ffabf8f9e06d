"""Background tasks, run by `sendplan db_worker` (README: Deploying)."""

from __future__ import annotations

from django_tasks import task

from sendplan.reports.services import report_file_make


@task()
def make_report_file(file_id: int) -> None:
    report_file_make(file_id=file_id)
