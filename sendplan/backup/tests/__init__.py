"""What the backup tests share: a site in the middle of its monitoring cycle, everything its
users can see and download, a way to empty the site, and a way to alter a backup file."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from sendplan.accounts.models import Role
from sendplan.backup.services import MERGED, carried_models
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import EvidenceFile, Period
from sendplan.test import PlanWorld, open_period

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def busy_site(world: PlanWorld) -> Period:
    """Sep 18 approved, corrected and signed off, with a file on its update; Dec 18 open with
    a lead's draft and its file, a proposed due date and forum commentary; a group with
    permissions and an admin log entry, which name content types by id."""
    lead, manager = world.users[Role.LEAD_OFFICER], world.users[Role.PROGRAMME_MANAGER]
    sep = open_period(world)
    draft = monitoring.draft_save(
        actor=lead, action=world.action, period=sep, version=None, status="A",
        narrative="The chair resigned; a new chair is being recruited.",
        evidence=["Board minutes, August 2018"],
    )  # fmt: skip
    monitoring.evidence_file_add(actor=lead, draft=draft, name="Minutes.pdf", content=PDF)
    update = monitoring.draft_submit(actor=lead, draft=draft)
    monitoring.update_review(actor=manager, update=update, decision="approved")
    monitoring.period_sign_off(actor=manager, period=sep, reason="Agreed at the board")
    monitoring.update_correct(
        actor=manager, update=update, status="R", narrative="The chair left in July.",
        reason="The board was told the wrong month",
    )  # fmt: skip
    dec = monitoring.period_open(
        actor=manager, plan=world.plan, label="Dec 18", starts_on=dt.date(2018, 10, 1),
        ends_on=dt.date(2018, 12, 31), deadline=dt.date(2019, 1, 7),
        actions=[world.action, world.other_action],
    )  # fmt: skip
    draft = monitoring.draft_save(
        actor=lead, action=world.other_action, period=dec, version=None, status="G",
        narrative="Minutes are now published within a week.",
    )  # fmt: skip
    monitoring.evidence_file_add(
        actor=lead, draft=draft, name="Published minutes.txt", content=b"Minutes, Oct 2018\n"
    )
    monitoring.due_change_propose(
        actor=lead, action=world.action, due="2019-03", due_text="March 2019",
        reason="The new chair starts in January",
    )  # fmt: skip
    monitoring.forum_comment_add(
        actor=world.users[Role.PARENT_CARER_FORUM], plan=world.plan, action=world.action,
        period=dec, text="Parents have not yet seen the new terms of reference.",
    )  # fmt: skip
    editors = Group.objects.create(name="Plan editors")
    editors.permissions.set(Permission.objects.filter(codename__in=["change_plan", "view_plan"]))
    manager.groups.add(editors)
    manager.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    LogEntry.objects.log_actions(
        user_id=manager.pk, queryset=[world.plan], action_flag=CHANGE, change_message="Renamed"
    )
    return dec


def site_as_seen(world: PlanWorld) -> dict[str, Any]:
    """Every page below as each role (and an outsider) gets it, and every export."""
    plan, area = world.plan.pk, world.area.pk
    periods = list(Period.objects.filter(plan_id=plan).values_list("pk", flat=True))
    pages = [
        reverse("home"),
        reverse("my_actions"),
        reverse("plan", args=[plan]),
        reverse("section", args=[plan, world.priority.pk]),
        reverse("action", args=[plan, world.action.pk]),
        reverse("action", args=[plan, world.other_action.pk]),
        reverse("plan_history", args=[plan]),
        reverse("people", args=[plan]),
        reverse("area_members", args=[area]),
        *[reverse("period", args=[plan, period]) for period in periods],
        reverse("reports", args=[plan]),
        reverse("board_report", args=[plan]) + "?period=Sep+18",
        reverse("evidence_pack", args=[plan]),
        reverse("plan_document", args=[plan]),
        reverse("timeline", args=[plan]),
    ]
    seen: dict[str, Any] = {}
    for who in [*Role.values, "outsider"]:
        client = world.client_for(who)
        for url in pages:
            response = client.get(url)
            seen[f"{who} {url}"] = (response.status_code, _steady(response.content.decode()))
    manager = world.client_for(Role.PROGRAMME_MANAGER)
    for name in ["plan_export_json", "actions_csv", "updates_csv"]:
        seen[name] = manager.get(reverse(name, args=[plan])).content
    tracker = openpyxl.load_workbook(
        io.BytesIO(manager.get(reverse("tracker_xlsx", args=[plan])).content)
    )
    seen["tracker"] = {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in tracker.worksheets
    }
    board = io.StringIO()
    call_command("report", "board", "--plan", str(plan), "--format", "html", stdout=board)
    seen["board report html"] = board.getvalue()
    # A draft's files are its writer's until the update is submitted.
    writer = world.client_for(Role.LEAD_OFFICER)
    for item in EvidenceFile.objects.order_by("pk"):
        url = reverse("evidence_download", args=[plan, item.pk])
        client = manager if item.update_id else writer
        seen[f"file {item.name}"] = b"".join(client.get(url).streaming_content)  # type: ignore[attr-defined]
    return seen


def every_row() -> dict[str, list[dict[str, Any]]]:
    """Every row of every carried model, field by field. Content types and permissions are
    left out, and so are references to them: a restore matches them to those of the new
    database, whose ids differ (the sign-in test checks permissions by what they allow)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for model in carried_models():
        if model._meta.label_lower in MERGED:
            continue
        renumbered = [
            f.attname
            for f in model._meta.concrete_fields
            if f.remote_field and f.remote_field.model._meta.label_lower in MERGED  # type: ignore[union-attr]
        ]
        rows[model._meta.label_lower] = [
            {k: v for k, v in row.items() if k not in renumbered}
            for row in model._base_manager.order_by("pk").values()
        ]
    return rows


def _steady(html: str) -> str:
    """A page without the one part that differs on every request: the CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", html)


def empty_the_site(evidence: Path) -> None:
    """What a new server starts with: migrated tables with nothing in them and no evidence
    files. Content types are made again in another order, so their ids differ."""
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.all().delete()
    ContentType.objects.create(app_label="gone", model="oldthing")
    emit_post_migrate_signal(0, False, "default")
    ContentType.objects.clear_cache()
    shutil.rmtree(evidence, ignore_errors=True)


def rewrite_backup(
    path: Path,
    *,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    members: dict[str, bytes | None] | None = None,
    checksums: bool = True,
) -> None:
    """Alter a backup: change its manifest, replace members (None takes one out), and unless
    told not to, record the new checksums, as a careful forger would."""
    with zipfile.ZipFile(path) as source:
        content = {name: source.read(name) for name in source.namelist()}
    for name, body in (members or {}).items():
        if body is None:
            del content[name]
        else:
            content[name] = body
    data = json.loads(content["manifest.json"])
    if checksums:
        for entry in [*data["data"], *data["files"]]:
            body = content.get(entry["member"], b"")
            entry.update(size=len(body), sha256=hashlib.sha256(body).hexdigest())
    if manifest is not None:
        manifest(data)
    content["manifest.json"] = json.dumps(data).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, body in content.items():
            target.writestr(name, body)
