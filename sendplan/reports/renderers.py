"""Renderers that turn a report object into a file: HTML through the same templates as the
pages, PDF from that HTML, and CSV. Word and Excel have their own modules (docx, tracker)."""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from sendplan.indicators.selectors import figure_state
from sendplan.monitoring.services import UpdateState
from sendplan.plans.models import Plan
from sendplan.reports.builders import BoardReport, EvidencePack, PlanDocument
from sendplan.reports.cells import csv_value
from sendplan.reports.data import PlanData, review_state

Report = BoardReport | EvidencePack | PlanDocument

BODIES: dict[type, str] = {
    BoardReport: "reports/_board_body.html",
    EvidencePack: "reports/_evidence_body.html",
    PlanDocument: "reports/_plan_body.html",
}


def body_template(report: Report) -> str:
    return BODIES[type(report)]


def report_html(report: Report) -> str:
    """The report as one standalone HTML document, with a title page: what the PDF prints."""
    context = {
        "report": report,
        "plan": report.plan,
        "body": body_template(report),
        "printing": True,
    }
    return render_to_string("reports/print.html", context)


def report_pdf(report: Report) -> bytes:
    return pdf_from_html(report_html(report))


def pdf_from_html(html: str) -> bytes:
    # WeasyPrint loads Pango when imported, so only what makes a PDF pays for it.
    import weasyprint

    remember_page_references()
    with collector_paused():
        document = weasyprint.HTML(string=html)
        # PDF/UA-1 makes a tagged PDF: headings, tables and reading order for screen readers.
        pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf


WARM_UP_HTML = (
    '<!DOCTYPE html><html lang="en-GB"><head><title>sendplan</title></head>'
    "<body><p>Ready.</p></body></html>"
)


def warm_up() -> None:
    """Load WeasyPrint and Pango, and make one small tagged PDF, before the first report.

    A worker (`sendplan db_worker`) makes PDFs in one long-lived process. Importing
    WeasyPrint costs about 0.35 s of CPU and its first PDF another 0.05 s (fontconfig's list
    of fonts, the user agent's stylesheets): paid when the worker starts, the first report
    does not wait for it.
    """
    pdf_from_html(WARM_UP_HTML)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's collector of reference cycles while WeasyPrint lays out the pages.

    Laying out makes hundreds of thousands of boxes that live until the PDF is written, and the
    collector walks all of them, and everything Django holds, again and again as they are made:
    a quarter of the time of the 300-action board report, and of the evidence pack. Little of
    what is made is cyclic garbage (the evidence pack's peak grows by about 17 MB of 300), and
    it is collected as soon as the collector runs again.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def remember_page_references() -> None:
    """Make pydyf remember the list of its pages' references until a page is added.

    Tagging a PDF (PDF/UA) names the page of every tagged element, and pydyf's
    `page_references` builds the list of every page's reference afresh each time one is asked
    for: for the 219-page evidence pack of a 300-action plan that was 31,000 lists of 219, and
    two thirds of the time spent writing the PDF. The list is the same until the next page is
    added, so it is kept and made again only when the number of pages has changed.
    """
    import pydyf

    built = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(built, property) or built.fget is None or hasattr(built.fget, "remembers"):
        return
    build = built.fget

    def page_references(pdf: Any) -> tuple[bytes, ...]:
        count = len(pdf.pages["Kids"])
        kept = pdf.__dict__.get("_remembered_page_references")
        if kept is None or kept[0] != count:
            kept = (count, build(pdf))
            pdf.__dict__["_remembered_page_references"] = kept
        return kept[1]

    page_references.remembers = built  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)  # type: ignore[method-assign]


# CSV, for Power BI and other analysis tools. UTF-8 with a byte order mark, since Excel reads a
# CSV without one in the machine's own code page and garbles "£" and "–". Text that a spreadsheet
# would run as a formula is written after a quote (sendplan.reports.cells).

ACTION_COLUMNS = [
    "Ref", "Action", "Section ref", "Section", "Top-level section", "Lead (as written)",
    "Lead officers", "Start date", "Start (as written)", "Due date", "Due (as written)",
    "Original due date", "Due date changes", "Resources", "Cost", "Cost (as written)",
    "Task and finish group", "Members", "Measures of success", "Evidence of impact",
    "Monitoring and evaluation", "Cross references", "Latest period", "Latest status",
    "Latest status label", "Latest narrative",
]  # fmt: skip
UPDATE_COLUMNS = [
    "Action ref", "Action", "Period", "Period end", "Status", "Status label", "Narrative",
    "Evidence", "Recorded by", "Recorded at", "Review state", "Correction of an earlier update",
    "Reason for the correction",
]  # fmt: skip


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_value(value) for value in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def actions_csv(data: PlanData) -> bytes:
    def row(item: Any) -> list[Any]:
        action = item.action
        latest = item.latest
        status = data.status(latest.status) if latest and latest.status else None
        return [
            action.ref, action.title, item.section.ref, item.section.title, item.top.title,
            action.lead_text, "; ".join(p.display_name for p in item.leads), action.starts,
            action.starts_text, action.due, action.due_text,
            item.original_due_display if item.rebaselines else "", len(item.rebaselines),
            action.resources, "" if action.cost is None else f"{action.cost:.2f}",
            action.cost_text, action.group, action.members,
            "\n".join(m.text for m in item.measures), action.evidence_of_impact,
            action.monitoring, ", ".join(action.see_also),
            latest.period.label if latest else "", latest.status if latest else "",
            status.label if status else "", latest.narrative if latest else "",
        ]  # fmt: skip

    return _csv(ACTION_COLUMNS, (row(item) for item in data.actions))


def updates_csv(data: PlanData) -> bytes:
    """Every status update, one a row (long form), oldest first within each action."""

    def rows() -> Iterable[list[Any]]:
        for item in data.actions:
            for update in item.updates:
                status = data.status(update.status) if update.status else None
                recorded = timezone.localtime(update.recorded_at) if update.recorded_at else None
                yield [
                    item.action.ref, item.action.title, update.period.label,
                    update.period.ends_on, update.status, status.label if status else "",
                    update.narrative, "; ".join(update.evidence), update.author_name,
                    recorded.isoformat(timespec="seconds") if recorded else "",
                    UpdateState.LABELS[review_state(update)], "yes" if update.corrects_id else "",
                    update.reason,
                ]  # fmt: skip

    return _csv(UPDATE_COLUMNS, rows())


FIGURE_COLUMNS = [
    "Indicator ref", "Indicator", "Unit", "Which way is better", "Kind", "Date", "Period",
    "Figure", "Note", "Source", "Recorded by", "Recorded at", "Review state",
    "Correction of an earlier figure", "Reason for the correction",
]  # fmt: skip


def figures_csv(data: PlanData) -> bytes:
    """Every indicator figure, one a row (long form): baselines, targets, and every actual as
    recorded, returned figures and corrections included, in the order recorded."""

    def rows() -> Iterable[list[Any]]:
        for indicator in data.indicators:
            for point in indicator.points.all():
                recorded = timezone.localtime(point.recorded_at) if point.recorded_at else None
                state = figure_state(point).label if point.period_id else ""
                yield [
                    indicator.ref, indicator.name, indicator.unit,
                    indicator.get_better_display() if indicator.better else "",
                    point.get_kind_display(), point.on,
                    point.period.label if point.period else "", f"{point.value:g}", point.text,
                    point.source, point.recorded_by_name,
                    recorded.isoformat(timespec="seconds") if recorded else "", state,
                    "yes" if point.corrects_id else "", point.reason,
                ]  # fmt: skip

    return _csv(FIGURE_COLUMNS, rows())


# Each CSV file offered, by the name the export command gives it.
CSVS = {"actions": actions_csv, "updates": updates_csv, "figures": figures_csv}


def file_stem(plan: Plan, what: str, period: str = "") -> str:
    """ "south-gloucestershire-board-report-jun-18"."""
    parts = [slugify(plan.area.name), what, slugify(period)]
    return "-".join(part for part in parts if part)
