"""Documents made in the background: one row for each file asked for, from the request to the
file kept for download."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan

# A file still waiting after this long was not started by a worker; one being made for this long
# was left unfinished (its worker stopped). Either is shown as not made, with a way to try again.
WAITING_TOO_LONG = dt.timedelta(minutes=2)
MAKING_TOO_LONG = dt.timedelta(minutes=15)


def report_storage() -> Storage:
    """The storage named "reports" in the settings (a folder outside anything served, unless
    configured otherwise), looked up each time so that a change of settings takes effect."""
    return storages["reports"]


class ReportFile(models.Model):
    """A document of a plan (the evidence pack as a PDF, say) as it was when the plan last
    changed. Kept while the plan stays the same, so that the next person to ask for it gets it
    at once; made again, in the background, once the plan has changed."""

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        MAKING = "making", "Being made"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be made"

    class Stage(models.TextChoices):
        READING = "reading", "Reading the plan"
        LAYING_OUT = "laying_out", "Laying out the pages"
        SAVING = "saving", "Saving the file"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="report_files")
    document = models.CharField(max_length=40, help_text="Which document, as reports.documents")
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, null=True, blank=True, related_name="report_files"
    )
    # One part of the document, where it is made a part at a time ("weakness-12" for an area of
    # weakness of the evidence pack, "unlinked" for its actions that answer none); blank for the
    # whole document.
    part = models.CharField(max_length=30, blank=True, default="")
    version = models.CharField(
        max_length=60, help_text="The plan's last change and the day it was made for"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    stage = models.CharField(max_length=12, choices=Stage.choices, blank=True)
    # The file's name in the reports storage. Not a FileField, whose storage would be fixed
    # when the model is loaded.
    stored_as = models.CharField(max_length=300, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    # What went wrong, for the administrator; people are shown a plain message instead.
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["plan", "document", "version"])]

    def __str__(self) -> str:
        return f"{self.document} of plan {self.plan_id} ({self.get_state_display().lower()})"

    @property
    def unfinished(self) -> bool:
        return self.state in (self.State.WAITING, self.State.MAKING)

    def abandoned(self, now: dt.datetime | None = None) -> bool:
        """Whether a file not yet made never will be: its worker stopped while making it."""
        now = now or timezone.now()
        started = self.started_at or self.requested_at
        return self.state == self.State.MAKING and now - started > MAKING_TOO_LONG

    def waiting_too_long(self, now: dt.datetime | None = None) -> bool:
        """Whether no worker has picked it up: most likely, none is running."""
        now = now or timezone.now()
        return self.state == self.State.WAITING and now - self.requested_at > WAITING_TOO_LONG

    def kept(self) -> bool:
        """Whether the file is made and still in the storage."""
        return (
            self.state == self.State.READY
            and bool(self.stored_as)
            and report_storage().exists(self.stored_as)
        )

    @property
    def seconds_taken(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


@receiver(post_delete, sender=ReportFile, dispatch_uid="sendplan.reports.remove_kept_file")
def remove_kept_file(sender: type[ReportFile], instance: ReportFile, using: str, **_: Any) -> None:
    """A kept file goes from the storage with its row, however the row goes: with its plan or
    its period, whose deletion takes the rows with it (CASCADE), or replaced by a newer file.

    The file is removed once the deletion is committed, so a deletion rolled back leaves it in
    place, and only when no other row names it. The plan's folder goes too once it is empty."""
    name = instance.stored_as
    if not name:
        return

    def remove() -> None:
        if ReportFile.objects.using(using).filter(stored_as=name).exists():
            return
        storage = report_storage()
        storage.delete(name)
        # A folder on disk, such as plan-12/, is removed when nothing is left in it; a storage
        # without folders on disk has no path to give.
        with suppress(NotImplementedError, OSError):
            folder = Path(storage.path(name)).parent
            if folder != Path(storage.path("")):
                folder.rmdir()

    transaction.on_commit(remove, using=using)
