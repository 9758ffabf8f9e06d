"""Report pages and downloads. Every role in the plan's area may read them; outsiders get 404.

The large documents (the evidence pack and plan document as PDF and Word, the board report as
PDF) are made by the background worker: asking for one gives the file at once if it is already
made for the plan as it stands, and otherwise a page that follows its making. Asking is a GET,
like any download: it changes nothing in the plan, and asking twice gives the same file."""

from __future__ import annotations

from collections.abc import Callable

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from sendplan.accounts.access import get_plan_for_user
from sendplan.monitoring.models import Period
from sendplan.plans.models import Plan
from sendplan.reports import renderers, word
from sendplan.reports.builders import (
    BoardReport,
    build_board_report,
    build_evidence_pack,
    build_plan_document,
    build_timeline,
    default_board_period,
)
from sendplan.reports.data import load_plan
from sendplan.reports.documents import DOCUMENTS
from sendplan.reports.models import ReportFile, report_storage
from sendplan.reports.renderers import Report, file_stem
from sendplan.reports.selectors import report_file_for_user_plan, usual_seconds
from sendplan.reports.services import report_file_request
from sendplan.reports.tracker import tracker_xlsx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _page(request: HttpRequest, report: Report, **extra: object) -> HttpResponse:
    context = {
        "plan": report.plan,
        "report": report,
        "body": renderers.body_template(report),
        **extra,
    }
    return render(request, "reports/page.html", context)


@require_GET
def index(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    return _index(request, plan)


def _index(request: HttpRequest, plan: Plan, error: str = "", status: int = 200) -> HttpResponse:
    periods = list(plan.periods.all())
    context = {
        "plan": plan,
        "periods": periods,
        "current": default_board_period(plan),
        "error": error,
    }
    return render(request, "reports/index.html", context, status=status)


# The board report: for the period asked for, else the newest one with updates


def _period(request: HttpRequest, plan: Plan) -> Period | str:
    """The period the request names, or what to tell the person when there is none."""
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


def _board(
    request: HttpRequest, plan_id: int, respond: Callable[[BoardReport], HttpResponse]
) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    period = _period(request, plan)
    if isinstance(period, str):
        return _index(request, plan, error=period, status=400)
    return respond(build_board_report(plan, period))


def _board_stem(report: BoardReport) -> str:
    return file_stem(report.plan, "board-report", report.period.label)


@require_GET
def board(request: HttpRequest, plan_id: int) -> HttpResponse:
    def page(report: BoardReport) -> HttpResponse:
        query = "?" + urlencode({"period": report.period.label})
        downloads = [
            ("Download as PDF", reverse("board_report_pdf", args=[plan_id]) + query),
            ("Download as Word", reverse("board_report_docx", args=[plan_id]) + query),
        ]
        periods = list(report.plan.periods.all())
        return _page(request, report, downloads=downloads, periods=periods)

    return _board(request, plan_id, page)


@require_GET
def board_pdf(request: HttpRequest, plan_id: int) -> HttpResponseBase:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    period = _period(request, plan)
    if isinstance(period, str):
        return _index(request, plan, error=period, status=400)
    return _made_in_background(request, plan, "board-pdf", period)


@require_GET
def board_docx(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _board(
        request,
        plan_id,
        lambda r: _download(word.board_docx(r), f"{_board_stem(r)}.docx", DOCX),
    )


# The evidence pack and the plan document


def _downloads(plan_id: int, pdf: str, docx: str) -> list[tuple[str, str]]:
    return [
        ("Download as PDF", reverse(pdf, args=[plan_id])),
        ("Download as Word", reverse(docx, args=[plan_id])),
    ]


@require_GET
def evidence(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    downloads = _downloads(plan_id, "evidence_pack_pdf", "evidence_pack_docx")
    return _page(request, build_evidence_pack(plan), downloads=downloads)


@require_GET
def evidence_pdf(request: HttpRequest, plan_id: int) -> HttpResponseBase:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    return _made_in_background(request, plan, "evidence-pdf")


@require_GET
def evidence_docx(request: HttpRequest, plan_id: int) -> HttpResponseBase:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    return _made_in_background(request, plan, "evidence-docx")


@require_GET
def plan_document(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    downloads = _downloads(plan_id, "plan_document_pdf", "plan_document_docx")
    return _page(request, build_plan_document(plan), downloads=downloads)


@require_GET
def plan_pdf(request: HttpRequest, plan_id: int) -> HttpResponseBase:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    return _made_in_background(request, plan, "plan-pdf")


@require_GET
def plan_docx(request: HttpRequest, plan_id: int) -> HttpResponseBase:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    return _made_in_background(request, plan, "plan-docx")


@require_GET
def timeline(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    # Actions by the date they are due: nothing of their updates is shown.
    context = {"plan": plan, "timeline": build_timeline(load_plan(plan, updates=False))}
    return render(request, "reports/timeline.html", context)


# Spreadsheets and data


@require_GET
def tracker(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    content = tracker_xlsx(load_plan(plan))
    return _download(content, f"{file_stem(plan, 'tracker')}.xlsx", XLSX)


@require_GET
def actions_csv(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    content = renderers.actions_csv(load_plan(plan))
    return _download(content, f"{file_stem(plan, 'actions')}.csv", CSV)


@require_GET
def updates_csv(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    content = renderers.updates_csv(load_plan(plan))
    return _download(content, f"{file_stem(plan, 'status-updates')}.csv", CSV)


@require_GET
def figures_csv(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    content = renderers.figures_csv(load_plan(plan, updates=False))
    return _download(content, f"{file_stem(plan, 'indicator-figures')}.csv", CSV)


# Documents made in the background


def _made_in_background(
    request: HttpRequest, plan: Plan, key: str, period: Period | None = None
) -> HttpResponseBase:
    """The file if it is made for the plan as it stands, else the page that follows it."""
    made = report_file_request(
        plan=plan, document=DOCUMENTS[key], period=period, actor=request.user
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
        filename=document.filename(made.plan, made.period),
        content_type=document.content_type,
    )


def _report_file(request: HttpRequest, plan_id: int, file_id: int) -> tuple[Plan, ReportFile]:
    plan, _roles = get_plan_for_user(request.user, plan_id)
    made = report_file_for_user_plan(plan, file_id)
    if made is None:
        raise Http404("No such file.")
    return plan, made


@require_GET
def report_file(request: HttpRequest, plan_id: int, file_id: int) -> HttpResponse:
    plan, made = _report_file(request, plan_id, file_id)
    document = DOCUMENTS[made.document]
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
        "usual_seconds": usual_seconds(plan, made.document),
        "filename": document.filename(plan, made.period),
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
        plan=plan, document=DOCUMENTS[made.document], period=made.period, actor=request.user
    )
    return redirect("report_file", plan_id=plan.pk, file_id=again.pk)
