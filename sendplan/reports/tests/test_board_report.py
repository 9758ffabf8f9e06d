"""The board highlight report: what it says for a period, and that each format says it."""

from __future__ import annotations

import datetime as dt
import io
from typing import cast

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
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


def board_on(reports: ReportWorld, today: dt.date, label: str = "Sep 18") -> BoardReport:
    period = reports.plan.periods.get(label=label)
    return build_board_report(reports.plan, period, today=today)


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


def test_it_lists_as_exceptions_only_what_got_worse_is_overdue_or_was_returned(
    reports: ReportWorld,
) -> None:
    report = board(reports)
    # 1.1.1 went from G/A to R and was returned; its moved date (December 2018) is not past.
    assert refs(report.exceptions) == ["1.1.1"]
    (late,) = report.exceptions
    assert late.reasons == ["Got worse", "Update returned to the lead"]
    # 2.1.1 gave no update by the deadline: named for chasing, by lead, not as an exception.
    assert refs(report.missing) == ["2.1.1"]
    assert [(g.lead, g.refs) for g in report.missing_by_lead] == [
        ("Designated Clinical Officer (PW)", ["2.1.1"])
    ]


def test_it_does_not_call_an_update_missing_before_the_deadline(reports: ReportWorld) -> None:
    report = board_on(reports, dt.date(2018, 9, 15))
    assert report.missing == [] and report.asked == 3


def test_it_shows_the_trend_over_the_last_periods(reports: ReportWorld) -> None:
    reports.late.due_changes.all().delete()
    reports.late.due, reports.late.due_text = "2018-05", "May 2018"
    reports.late.save()
    report = board(reports)
    codes = [s.code for s in report.trend_statuses]
    seen = {row.period.label: dict(zip(codes, row.counts, strict=True)) for row in report.trend}
    assert list(seen) == ["Mar 18", "Jun 18", "Sep 18"]
    # Where the three actions stood at each period's end; 2.1.1 was first rated in Jun 18.
    assert {code: n for code, n in seen["Mar 18"].items() if n} == {"G": 1, "A": 1, "–": 1}
    assert {code: n for code, n in seen["Sep 18"].items() if n} == {"B": 1, "R": 1, "W": 1}
    # 1.1.1, due in May 2018 and never done, is overdue from June on.
    assert [row.overdue for row in report.trend] == [0, 1, 1]


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
    assert refs(report.newly_overdue) == refs(report.overdue) == ["1.1.1"]
    assert report.exceptions[0].reasons == ["Got worse", "Newly overdue"]


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
        "EHC plans issued within 20 weeks",
        "Families have not yet been asked",
        "Designated Clinical Officer (PW): 2.1.1",
    ]:
        assert words in " ".join(text.split()), words
    # Progress reports are quoted for the exceptions only; the evidence pack has the rest.
    assert "Minutes published on the Local Offer." not in " ".join(text.split())


def test_it_prints_each_exception_on_one_line_with_the_tables_words(
    reports: ReportWorld,
) -> None:
    """On paper the exceptions are a list, one line each, which lays out several times faster
    than a table of hundreds of rows; each line says all that the page's table does."""
    html = renderers.report_html(board(reports))
    exceptions = html.split('id="exceptions"')[1].split("<h3")[0]
    assert "<table" not in exceptions and "govuk-tag" not in exceptions
    text = " ".join(pdf_text(renderers.report_pdf(board(reports))).split())
    assert (
        "1 action that got worse since Jun 18, is overdue or had its update returned: "
        "1.1.1 Confirm the Terms of Reference. Got worse; Update returned to the lead. "
        "Status: R (was G/A). Lead: Head of ELS (HH). "
        "Due: December 2018 (first planned for May 2018)."
    ) in text
    # The page keeps its table, with each status as a tag.
    client = reports.world.client_for("board_member")
    page = client.get(reverse("board_report", args=[reports.plan.pk])).content.decode()
    on_page = page.split('id="exceptions"')[1].split("<h3")[0]
    assert "<table" in on_page and "govuk-tag" in on_page


def test_it_puts_the_summary_and_the_chart_on_the_first_page(reports: ReportWorld) -> None:
    reader = PdfReader(io.BytesIO(renderers.report_pdf(board(reports))))
    first = " ".join((reader.pages[0].extract_text() or "").split())
    for words in [
        "Board highlight report: Sep 18",
        "At a glance",
        "0 overdue",
        "1 got worse since Jun 18: 1.1.1",
        "1 update returned to the lead: 1.1.1",
        "1 update not given of 3 asked for",
        "1 due date moved (re-baselined): 1.1.1",
        "1 improved and 1 newly done",
        "1 comment from the parent carer forum",
        "Actions by status, Sep 18",
        "The trend: actions by status at the end of each period",
        "Actions by status in each theme",
        # The chart's own words: each theme's counts by status code under its bar.
        "B 1, R 1",
    ]:
        assert words in first, words
    assert "Exceptions" not in first


def test_it_draws_the_chart_with_a_text_alternative_and_figures_beside_it(
    reports: ReportWorld,
) -> None:
    client = reports.world.client_for("board_member")
    page = client.get(reverse("board_report", args=[reports.plan.pk])).content.decode()
    chart = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in chart
    assert "<title>Actions by status in each theme</title>" in chart
    assert "Implementation of the SEND Strategy: B 1, R 1" in chart  # in its description
    # A bar for each theme, labelled with its name and ref.
    assert ">Theme 1</text>" in chart and ">Theme 2</text>" in chart
    assert "Actions by status in each theme: the chart's figures" in page
    # Statuses are in words, not told by colour: the figures' table names each code.
    assert "R – No progress or major concerns" in page


def test_it_gives_the_due_date_once_and_never_doubles_a_full_stop(reports: ReportWorld) -> None:
    services.action_update(
        actor=None, action=reports.late, title="Agree the terms of reference of the SEND Strategy."
    )
    html = renderers.report_html(board(reports))
    assert "Strategy.." not in html and "Strategy.</strong>." not in html
    exceptions = html.split('id="exceptions"')[1].split("<h3")[0]
    assert exceptions.count("December 2018") == 1
    assert "first planned for May 2018" in exceptions


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
    assert [text for style, text in headings if style == "Heading 1"] == [
        "At a glance",
        "The parent carer forum's comments",
        "Exceptions: what got worse, is overdue or was returned",
        "Indicators against their targets",
        "Appendix: every action's status",
    ]
    assert "1 got worse since Jun 18: 1.1.1" in paragraphs
    assert "Testshire · Testshire Written Statement of Action · Produced on 15 October 2018" in (
        paragraphs
    )
    assert ["B – Completed", "1"] in tables[0]
    exceptions, *sections = [t for t in tables if t[0][0] == "Ref"]
    assert exceptions == [
        ["Ref", "Action", "Why it is here", "Status", "Lead", "Due"],
        [
            "1.1.1",
            "Confirm the Terms of Reference",
            "Got worse; Update returned to the lead",
            "R – No progress or major concerns (was G/A)",
            "Head of ELS (HH)",
            "December 2018 (first planned for May 2018)",
        ],
    ]
    assert sections[0][0] == [
        "Ref", "Action", "Lead", "Status", "Since Jun 18", "Progress of exceptions"
    ]  # fmt: skip
    rows = [row for table in sections for row in table]
    assert [
        "1.1.1",
        "Confirm the Terms of Reference",
        "Head of ELS (HH)",
        "R – No progress or major concerns",
        "Worse",
        "Consultation has not started.",
    ] in rows
    assert ["1.1.2", "Publish the board's minutes", "", "B – Completed", "Improved", ""] in rows
    assert "Designated Clinical Officer (PW): 2.1.1" in paragraphs


def test_it_shows_the_report_page_for_the_chosen_period(reports: ReportWorld) -> None:
    client = reports.world.client_for("board_member")
    url = reverse("board_report", args=[reports.plan.pk])
    page = client.get(url, {"period": "Jun 18"}).content.decode()
    assert "Board highlight report: Jun 18" in page
    assert "ToR out for comment." in page
    assert f'href="/plans/{reports.plan.pk}/reports/board.pdf?period=Jun+18"' in page


def test_it_keeps_the_page_until_the_plan_changes(reports: ReportWorld) -> None:
    """The page is made once for the plan as it stands, and made again at the first request
    after anything in the plan changes: never a page that is out of date."""
    client = reports.world.client_for("board_member")
    url = reverse("board_report", args=[reports.plan.pk])
    first = client.get(url, {"period": "Jun 18"}).content.decode()
    with CaptureQueriesContext(connection) as made:
        client.get(url, {"period": "Jun 18"})
    cache.clear()
    with CaptureQueriesContext(connection) as fresh:
        again = client.get(url, {"period": "Jun 18"}).content.decode()
    # The same report (the page around it holds a sign-out form with a token of its own).
    assert again.split('id="main-content"')[1] == first.split('id="main-content"')[1]
    assert len(made.captured_queries) < len(fresh.captured_queries) - 5
    jun = reports.plan.periods.get(label="Jun 18")
    monitoring.status_update_record(
        actor=None, action=reports.world.action, period=jun, status="R",
        narrative="The consultation was stopped.",
    )  # fmt: skip
    page = client.get(url, {"period": "Jun 18"}).content.decode()
    assert "The consultation was stopped." in page
    other = client.get(url, {"period": "Mar 18"}).content.decode()
    assert "Board highlight report: Mar 18" in other
    assert "The consultation was stopped." not in other


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


def test_it_quotes_the_forums_comments_given_for_the_period_or_while_it_was_newest(
    reports: ReportWorld,
) -> None:
    forum = reports.world.users["parent_carer_forum"]
    monitoring.forum_comment_add(
        actor=forum, plan=reports.plan, action=reports.missing, text="Parents want a say.",
        at=timezone.make_aware(dt.datetime(2018, 10, 2, 10)),
    )  # fmt: skip
    monitoring.forum_comment_add(
        actor=forum, plan=reports.plan, text="Said in the spring.",
        at=timezone.make_aware(dt.datetime(2018, 5, 2, 10)),
    )  # fmt: skip
    # Oldest first: the comment on 2 October, then the one the report world gave today.
    sep = [c.text for c in board(reports).forum]
    assert sep == ["Parents want a say.",
                   "Families have not yet been asked about the terms of reference."]  # fmt: skip
    assert [c.text for c in board(reports, "Jun 18").forum] == ["Said in the spring."]
    page = reports.world.client_for("board_member").get(
        reverse("board_report", args=[reports.plan.pk])
    )
    assert (
        "<strong>On 2.1.1 Draft the joint commissioning strategy:</strong> Parents want a say."
        in (page.content.decode())
    )
