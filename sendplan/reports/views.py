"""Report pages and downloads, one view for each kind: the page of a report, a file of it, and
the documents made in the background. Which reports there are, and in which formats, is the
catalogue's to say (sendplan.reports.catalogue); the addresses pass each view the entry's key.
Every role in the plan's area may read them; outsiders get 404.

The large documents (the evidence pack and plan document as PDF and Word, the board report as
PDF) are made by the background worker: asking for one gives the file at once if it is already
made for the plan as it stands, and otherwise a page that follows its making. Asking is a GET,
like any download: it changes nothing in the plan, and asking twice gives the same file."""

from __future__ import annotations

import json
import re

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from sendplan.accounts.access import get_plan_for_user
from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan
from sendplan.plans.selectors import plan_version
from sendplan.reports import renderers
from sendplan.reports.builders import default_board_period
from sendplan.reports.catalogue import CATALOGUE, DOCUMENTS, Document, Entry
from sendplan.reports.evidence import (
    NoSuchPart,
    build_evidence_part,
    outline,
    part_key,
    part_name,
)
from sendplan.reports.models import ReportFile, report_storage
from sendplan.reports.selectors import (
    kept_output,
    report_file_for_user_plan,
    usual_seconds,
)
from sendplan.reports.services import report_file_request


@require_GET
def index(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    return _index(request, plan, roles)


def _index(
    request: HttpRequest,
    plan: Plan,
    roles: set[str],
    *,
    error: str = "",
    about_period: bool = True,
    status: int = 200,
) -> HttpResponse:
    periods = list(plan.periods.all())
    entries = [entry for entry in CATALOGUE.values() if entry.visible_to(roles)]
    context = {
        "plan": plan,
        "pages": [entry for entry in entries if entry.page is not None],
        "files": [entry for entry in entries if entry.page is None],
        "periods": periods,
        "current": default_board_period(plan),
        "error": error,
        "error_href": "#period" if about_period and periods else "",
    }
    return render(request, "reports/index.html", context, status=status)


def _entry_for_user(request: HttpRequest, plan_id: int, key: str) -> tuple[Entry, Plan, set[str]]:
    entry = CATALOGUE[key]
    plan, roles = get_plan_for_user(request.user, plan_id, edit=entry.editors_only, reading=True)
    return entry, plan, roles


def _period(request: HttpRequest, plan: Plan, entry: Entry) -> Period | str | None:
    """For a report of a period, the period the request names, else the newest one with
    updates; or what to tell the person when there is none. None for any other report."""
    if not entry.of_period:
        return None
    label = request.GET.get("period", "").strip()
    if not label:
        chosen = default_board_period(plan)
        if chosen is None:
            return "The plan has no monitoring periods yet, so there is nothing to report on."
        return chosen
    found = plan.periods.filter(label=label).first()
    if found is None:
        labels = ", ".join(plan.periods.values_list("label", flat=True)) or "none"
        return f"There is no monitoring period called {label} in this plan. Its periods: {labels}."
    return found


@require_GET
def report_page(request: HttpRequest, plan_id: int, key: str) -> HttpResponse:
    """A report as a page, with links to its files."""
    entry, plan, roles = _entry_for_user(request, plan_id, key)
    assert entry.page is not None  # the addresses give a page only to entries that have one
    period = _period(request, plan, entry)
    if isinstance(period, str):
        return _index(request, plan, roles, error=period, status=400)
    query = "?" + urlencode({"period": period.label}) if period else ""
    page = entry.page
    today = timezone.localdate()

    def make() -> bytes:
        report = (page.build or entry.build)(plan, period)
        body = render_to_string(
            page.body or renderers.body_template(report), {"report": report, "plan": plan}
        )
        return json.dumps({"title": report.title, "body": body}).encode()

    version = plan_version(plan, today)
    kept = json.loads(kept_output(f"page:{entry.key}", plan, period, version, make))
    downloads = [
        (f"Download as {d.format.short}", reverse(d.url_name, args=[plan.pk]) + query)
        for d in entry.documents
    ]
    context = {
        "plan": plan,
        "title": kept["title"],
        "made_on": today,
        "period": period,
        "body": mark_safe(kept["body"]),  # rendered by the report's own template, above
        "downloads": downloads,
        "periods": list(plan.periods.all()) if entry.of_period else [],
    }
    return render(request, page.template, context)


@require_GET
def evidence_weakness(request: HttpRequest, plan_id: int, weakness_id: int) -> HttpResponse:
    """An area of weakness in the evidence pack: its findings, the actions that answer it a
    page at a time, and its indicators."""
    return _evidence_part(request, plan_id, weakness_id)


@require_GET
def evidence_unlinked(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The actions of the evidence pack that answer no area of weakness, a page at a time."""
    return _evidence_part(request, plan_id, None)


def _evidence_part(request: HttpRequest, plan_id: int, weakness_id: int | None) -> HttpResponse:
    """A part of the evidence pack, kept for the plan as it stands as the pack's contents are."""
    # Who may see it is who may see the whole pack.
    entry, plan, _roles = _entry_for_user(request, plan_id, "evidence")
    number = request.GET.get("page", "1")
    if not re.fullmatch(r"[0-9]{1,6}", number):  # not "²", nor five thousand digits
        raise Http404("No such page of this part of the evidence pack.")
    contents = reverse(entry.url_name, args=[plan.pk])
    today = timezone.localdate()

    def make() -> bytes:
        try:
            part = build_evidence_part(plan, weakness_id, int(number), today=today)
        except NoSuchPart as error:
            raise Http404("No such area of weakness or page in its evidence pack.") from error
        numbers = part.page.paginator.get_elided_page_range(part.page.number)
        context = {"plan": plan, "report": part, "contents": contents, "numbers": numbers}
        body = render_to_string("reports/_evidence_part.html", context)
        return json.dumps({"title": part.title, "body": body}).encode()

    kind = f"page:evidence:{weakness_id or 'unlinked'}:{int(number)}"
    kept = json.loads(kept_output(kind, plan, None, plan_version(plan, today), make))
    context = {
        "plan": plan,
        "title": kept["title"],
        "contents": contents,
        "body": mark_safe(kept["body"]),  # rendered by the part's own template, above
    }
    return render(request, "reports/evidence_part.html", context)


@require_GET
def evidence_weakness_pdf(request: HttpRequest, plan_id: int, weakness_id: int) -> HttpResponseBase:
    """An area of weakness of the evidence pack as a PDF of its own."""
    return _evidence_part_pdf(request, plan_id, weakness_id)


@require_GET
def evidence_unlinked_pdf(request: HttpRequest, plan_id: int) -> HttpResponseBase:
    """The evidence pack's actions that answer no area of weakness, as a PDF of their own."""
    return _evidence_part_pdf(request, plan_id, None)


def _evidence_part_pdf(
    request: HttpRequest, plan_id: int, weakness_id: int | None
) -> HttpResponseBase:
    entry, plan, _roles = _entry_for_user(request, plan_id, "evidence")
    document = entry.document("pdf")
    assert document is not None and document.build_part is not None
    found = outline(plan)
    weakness = next((w for w in found.weaknesses if w.pk == weakness_id), None)
    if weakness_id is not None and weakness is None:
        raise Http404("No such area of weakness in this plan.")
    if weakness is None and not found.unlinked():
        raise Http404("Every action of this plan answers an area of weakness.")
    return _made_in_background(request, plan, document, None, part=part_key(weakness))


@require_GET
def report_download(request: HttpRequest, plan_id: int, key: str, form: str) -> HttpResponseBase:
    """A report as a file: made here and now, or by the background worker."""
    entry, plan, roles = _entry_for_user(request, plan_id, key)
    document = entry.document(form)
    if document is None:  # the addresses name only the formats an entry has
        raise Http404("No such format.")
    period = _period(request, plan, entry)
    if isinstance(period, str):
        return _index(request, plan, roles, error=period, status=400)
    if document.background:
        return _made_in_background(request, plan, document, period)
    content = kept_output(
        f"file:{document.key}",
        plan,
        period,
        plan_version(plan),
        lambda: document.render(document.build(plan, period)),
    )
    response = HttpResponse(content, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename(plan, period)}"'
    return response


@require_GET
def report_unknown(request: HttpRequest, plan_id: int, name: str) -> HttpResponse:
    """An address under the reports that names no report or format: the reports page, which
    lists those there are, saying so."""
    plan, roles = get_plan_for_user(request.user, plan_id)
    error = f"There is no report at {name}. The reports of this plan are listed below."
    return _index(request, plan, roles, error=error, about_period=False, status=404)


# Documents made in the background


def _made_in_background(
    request: HttpRequest, plan: Plan, document: Document, period: Period | None, part: str = ""
) -> HttpResponseBase:
    """The file if it is made for the plan as it stands, else the page that follows it."""
    made = report_file_request(
        plan=plan, document=document, period=period, actor=request.user, part=part
    )
    if made.state == ReportFile.State.READY:
        return _file_response(made)
    return redirect("report_file", plan_id=plan.pk, file_id=made.pk)


def _file_response(made: ReportFile) -> FileResponse:
    document = DOCUMENTS[made.document]
    try:
        stored = report_storage().open(made.stored_as, "rb")
    except FileNotFoundError as error:
        raise Http404("The file is no longer kept.") from error
    return FileResponse(
        stored,
        as_attachment=True,
        filename=document.filename(made.plan, made.period, _part_name(made)),
        content_type=document.content_type,
    )


def _part_name(made: ReportFile) -> str:
    """ "Area of weakness 2" for a file of one part; blank for a whole document, or for a part
    the plan no longer has."""
    try:
        return part_name(made.plan, made.part)
    except NoSuchPart:
        return ""


def _report_file(request: HttpRequest, plan_id: int, file_id: int) -> tuple[Plan, ReportFile]:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    made = report_file_for_user_plan(plan, file_id)
    if made is None:
        raise Http404("No such file.")
    if DOCUMENTS[made.document].editors_only:
        # Refused here as the address that asked for it refuses.
        get_plan_for_user(request.user, plan_id, edit=True)
    return plan, made


@require_GET
def report_file(request: HttpRequest, plan_id: int, file_id: int) -> HttpResponse:
    plan, made = _report_file(request, plan_id, file_id)
    document = DOCUMENTS[made.document]
    part = _part_name(made)
    now = timezone.now()
    failed = made.state == ReportFile.State.FAILED or made.abandoned(now)
    stages = [
        (label, _stage_state(made, stage, failed))
        for stage, label in [
            ("waiting", "Waiting for the background worker"),
            *ReportFile.Stage.choices,
        ]
    ]
    context = {
        "plan": plan,
        "made": made,
        "document": document,
        "failed": failed,
        "stages": stages,
        "waiting_too_long": made.waiting_too_long(now),
        "usual_seconds": usual_seconds(plan, made.document, made.part),
        "filename": document.filename(plan, made.period, part),
        "part": part,
    }
    return render(request, "reports/report_file.html", context)


STAGE_ORDER = ["waiting", *ReportFile.Stage.values]


def _stage_state(made: ReportFile, stage: str, failed: bool) -> str:
    """Done, in progress, not started, or stopped: how far the file has got with each stage."""
    if made.state == ReportFile.State.READY:
        return "done"
    at = "waiting" if made.state == ReportFile.State.WAITING else made.stage or "reading"
    if made.state == ReportFile.State.FAILED and not made.stage:
        at = "waiting"
    here, now = STAGE_ORDER.index(stage), STAGE_ORDER.index(at)
    if here < now:
        return "done"
    if here == now:
        return "stopped" if failed else "in progress"
    return "not started"


@require_GET
def report_file_download(request: HttpRequest, plan_id: int, file_id: int) -> HttpResponseBase:
    _plan, made = _report_file(request, plan_id, file_id)
    if made.state != ReportFile.State.READY:
        return redirect("report_file", plan_id=plan_id, file_id=made.pk)
    return _file_response(made)


@require_POST
def report_file_retry(request: HttpRequest, plan_id: int, file_id: int) -> HttpResponse:
    """Try again: a new file of the same document, for the plan as it now stands."""
    plan, made = _report_file(request, plan_id, file_id)
    again = report_file_request(
        plan=plan,
        document=DOCUMENTS[made.document],
        period=made.period,
        actor=request.user,
        part=made.part,
    )
    return redirect("report_file", plan_id=plan.pk, file_id=again.pk)
