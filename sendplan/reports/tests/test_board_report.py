"""The board highlight report: what it says for a period, and that each format says it."""

from __future__ import annotations

import datetime as dt
import io
from typing import cast

from django.urls import reverse
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from sendplan.monitoring import services as monitoring
from sendplan.plans import services
from sendplan.plans.models import Plan
from sendplan.reports import renderers, word
from sendplan.reports.builders import BoardReport, build_board_report
from sendplan.reports.tests import ReportWorld, docx_headings, docx_text, pdf_text

TODAY = dt.date(2018, 10, 15)


def _empty_plan(reports: ReportWorld) -> Plan:
    return services.plan_create(actor=None, area=reports.world.area, title="Empty plan")


def board(reports: ReportWorld, label: str = "Sep 18") -> BoardReport:
    period = reports.plan.periods.get(label=label)
    return build_board_report(reports.plan, period, today=TODAY)


def refs(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [row.item.action.ref for row in rows]


def test_it_counts_statuses_for_the_period_overall_and_per_theme(reports: ReportWorld) -> None:
    report = board(reports)
    assert [(c.status.code, c.count) for c in report.overall] == [("B", 1), ("R", 1), ("W", 1)]
    assert [(s.section.ref, s.total) for s in report.by_section] == [("1", 2), ("2", 1)]
    first, second = report.by_section
    assert [(c.status.code, c.count) for c in first.counts] == [("B", 1), ("R", 1)]
    # Not updated in Sep 18: it counts as what it was last rated, in Jun 18.
    assert [(c.status.label, c.count) for c in second.counts] == [("Not yet started", 1)]


def test_it_says_what_changed_since_the_period_before(reports: ReportWorld) -> None:
    report = board(reports)
    assert report.previous is not None and report.previous.label == "Jun 18"
    assert refs(report.improved) == ["1.1.2"]
    assert refs(report.worse) == ["1.1.1"]
    assert refs(report.newly_done) == ["1.1.2"]
    assert [(r.item.action.ref, r.change.previous_display, r.change.new_display)
            for r in report.rebaselined] == [("1.1.1", "May 2018", "December 2018")]  # fmt: skip


def test_it_puts_red_overdue_returned_and_missing_actions_first(reports: ReportWorld) -> None:
    report = board(reports)
    assert refs(report.exceptions) == ["1.1.1", "2.1.1"]
    late, missing = report.exceptions
    assert late.reasons == ["Rated no progress or major concerns", "Update returned to the lead"]
    assert late.narrative == "Consultation has not started."
    assert missing.reasons == ["No update given for this period"]


def test_it_keeps_an_action_completed_earlier_as_completed(reports: ReportWorld) -> None:
    services.action_update(actor=None, action=reports.done, due="2018-10", due_text="Oct 2018")
    monitoring.period_create(actor=None, plan=reports.plan, label="Dec 18", ends_on="2018-12")
    report = board(reports, "Dec 18")
    done = next(r for s in report.sections for r in s.actions if r.item.ref == "1.1.2")
    assert (done.status.code, done.carried, done.overdue) == ("B", True, False)
    assert done.latest is not None and done.latest.period.label == "Sep 18"
    assert "1.1.2" not in refs(report.exceptions) + refs(report.newly_overdue)
    assert "No update this period; rated in Sep 18" in renderers.report_html(report)


def test_it_lists_overdue_actions_as_at_the_end_of_a_past_period(reports: ReportWorld) -> None:
    reports.late.due_changes.all().delete()
    reports.late.due, reports.late.due_text = "2018-05", "May 2018"
    reports.late.save()
    report = board(reports, "Jun 18")
    assert refs(report.newly_overdue) == ["1.1.1"]
    assert "Overdue: due May 2018" in report.exceptions[0].reasons


def test_it_prints_the_same_report_as_a_pdf(reports: ReportWorld) -> None:
    content = renderers.report_pdf(board(reports))
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Board highlight report: Sep 18" in text
    assert "Produced on 15 October 2018" in text
    assert "Page 2 of" in text
    for words in [
        "Update returned to the lead",
        "Consultation has not started.",
        "from May 2018 to December 2018",
        "Minutes published on the Local Offer.",
        "EHC plans issued within 20 weeks",
        "Families have not yet been asked",
    ]:
        assert words in " ".join(text.split()), words


def test_it_tags_the_pdf_for_accessibility_with_its_language_and_title(
    reports: ReportWorld,
) -> None:
    reader = PdfReader(io.BytesIO(renderers.report_pdf(board(reports))))
    root = reader.root_object
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root
    assert cast(DictionaryObject, root["/MarkInfo"])["/Marked"]
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Board highlight report: Sep 18: Testshire Written Statement of Action"
    )


def test_it_writes_the_same_report_as_a_word_document(reports: ReportWorld) -> None:
    content = word.board_docx(board(reports))
    paragraphs, tables = docx_text(content)
    headings = docx_headings(content)
    assert ("Title", "Board highlight report: Sep 18") in headings
    assert [text for style, text in headings if style == "Heading 1"][:4] == [
        "Summary",
        "What changed since Jun 18",
        "Exceptions",
        "Every action",
    ]
    assert "Produced on 15 October 2018" in paragraphs
    assert ["B – Completed", "1"] in tables[0]
    actions = next(t for t in tables if t[0][0] == "Ref")
    assert actions[0] == ["Ref", "Action", "Lead", "Status", "Since Jun 18", "Progress"]
    assert [
        "1.1.1",
        "Confirm the Terms of Reference",
        "Head of ELS (HH)",
        "R – No progress or major concerns",
        "Worse",
        "Consultation has not started.",
    ] in actions
    assert "Why it is here: Rated no progress or major concerns; Update returned to the lead" in (
        paragraphs
    )


def test_it_shows_the_report_page_for_the_chosen_period(reports: ReportWorld) -> None:
    client = reports.world.client_for("board_member")
    url = reverse("board_report", args=[reports.plan.pk])
    page = client.get(url, {"period": "Jun 18"}).content.decode()
    assert "Board highlight report: Jun 18" in page
    assert "ToR out for comment." in page
    assert f'href="/plans/{reports.plan.pk}/reports/board.pdf?period=Jun+18"' in page


def test_it_names_the_downloads_after_the_area_report_and_period(reports: ReportWorld) -> None:
    client = reports.world.client_for("adviser")
    pdf = client.get(reverse("board_report_pdf", args=[reports.plan.pk]), {"period": "Jun 18"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="testshire-board-report-jun-18.pdf"'
    docx = client.get(reverse("board_report_docx", args=[reports.plan.pk]))
    assert docx["Content-Disposition"] == (
        'attachment; filename="testshire-board-report-sep-18.docx"'
    )


def test_it_explains_a_period_the_plan_does_not_have(reports: ReportWorld) -> None:
    client = reports.world.client_for("programme_manager")
    for name in ("board_report", "board_report_pdf", "board_report_docx"):
        response = client.get(reverse(name, args=[reports.plan.pk]), {"period": "Dec 99"})
        assert response.status_code == 400
        page = response.content.decode()
        assert "There is no monitoring period called Dec 99 in this plan" in page
        assert "Mar 18, Jun 18, Sep 18" in page


def test_it_reports_on_the_newest_period_with_updates_unless_asked(reports: ReportWorld) -> None:
    monitoring.period_create(actor=None, plan=reports.plan, label="Dec 18", ends_on="2018-12")
    client = reports.world.client_for("board_member")
    page = client.get(reverse("board_report", args=[reports.plan.pk])).content.decode()
    assert "Board highlight report: Sep 18" in page


def test_it_says_so_when_the_plan_has_no_periods(reports: ReportWorld) -> None:
    client = reports.world.client_for("area_admin")
    response = client.get(reverse("board_report_pdf", args=[_empty_plan(reports).pk]))
    assert response.status_code == 400
    assert "The plan has no monitoring periods yet" in response.content.decode()
