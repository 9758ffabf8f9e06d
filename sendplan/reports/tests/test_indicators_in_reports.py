"""Indicators in the board report, the evidence pack and the plan document: each as its own
page shows it, with its rating in words, its chart and its figures beside England's, and only
the figures a board may rely on."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sendplan.indicators import services as indicators
from sendplan.indicators.models import Indicator
from sendplan.plans import services
from sendplan.reports import renderers, word
from sendplan.reports.builders import (
    build_board_report,
    build_evidence_pack,
    build_plan_document,
)
from sendplan.reports.renderers import Report
from sendplan.reports.tests import ReportWorld, docx_text, pdf_text, return_figure

TODAY = dt.date(2018, 10, 15)
PAGES = ["board_report", "evidence_pack", "plan_document"]
TITLE = (
    "<title>EHC plans issued within 20 weeks: actual figures against the target trajectory "
    "and comparators</title>"
)
# The report world's indicator: 38 in March 2018 against a target of 45 is off track.
OFF_TRACK = '<strong class="govuk-tag govuk-tag--red">Off track</strong>'
LEFT_OUT = (
    "Not yet included, until a programme manager approves it: the figure for 30 September 2018 "
    "(waiting for review or returned to the supplier)."
)
REASON = "March 2018: 38 against a target of 45 on the trajectory (higher is better)."


def page_of(reports: ReportWorld, name: str, weakness: int = 0) -> str:
    """A report's page; for the evidence pack, the page of an area of weakness (the first,
    unless `weakness` is the id of another)."""
    client = reports.world.client_for("board_member")
    url = reverse(name, args=[reports.plan.pk])
    if name == "evidence_pack":
        weakness = weakness or reports.plan.weaknesses.first().pk  # type: ignore[union-attr]
        url = reverse("evidence_weakness", args=[reports.plan.pk, weakness])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def flat(text: str) -> str:
    return " ".join(text.split())


def built(reports: ReportWorld, name: str) -> Report:
    if name == "board_report":
        period = reports.plan.periods.get(label="Sep 18")
        return build_board_report(reports.plan, period, today=TODAY)
    if name == "evidence_pack":
        return build_evidence_pack(reports.plan, today=TODAY)
    return build_plan_document(reports.plan, today=TODAY)


def chart_of(page: str) -> str:
    [chart] = re.findall(r"<svg[^>]*aria-describedby=[^>]*>.*?</svg>", page, re.S)
    return chart


@pytest.mark.parametrize("name", PAGES)
def test_each_report_page_shows_the_rating_the_chart_and_englands_figure(
    reports: ReportWorld, name: str
) -> None:
    page = page_of(reports, name)
    assert f"Rating: {OFF_TRACK}\n {REASON}" in page
    chart = chart_of(page)
    assert 'role="img"' in chart and TITLE in chart
    table_id = re.search(r'aria-describedby="([^"]+)"', chart)[1]  # type: ignore[index]
    table = page.split(f'<table class="govuk-table" id="{table_id}">')[1].split("</table>")[0]
    headings = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table)
    assert headings == ["Date", "Target", "Actual", "England"]
    assert re.search(r">2023</th>.*?>50\.3</td>", table)
    assert re.search(r">March 2018</th>.*?>45 \(first step\)</td>.*?>38</td>", table)


def test_the_board_report_draws_the_indicator_pages_own_chart(reports: ReportWorld) -> None:
    indicator = reports.plan.indicators.get(ref="1.1")
    client = reports.world.client_for("board_member")
    own = client.get(indicator.get_absolute_url()).content.decode()
    assert chart_of(own) == chart_of(page_of(reports, "board_report"))


def test_an_indicator_under_two_weaknesses_keeps_its_tables_apart(reports: ReportWorld) -> None:
    second = services.weakness_create(actor=None, plan=reports.plan, ref="2", text="Weak links")
    services.section_update(actor=None, section=reports.world.theme, weaknesses=[
        *reports.world.theme.weaknesses.all(), second
    ])  # fmt: skip
    # In the printed pack, and on each weakness's page of the site.
    printed = renderers.report_html(build_evidence_pack(reports.plan, today=TODAY))
    pages = [page_of(reports, "evidence_pack", w.pk) for w in reports.plan.weaknesses.all()]
    seen = []
    for page in [printed, *pages]:
        ids = re.findall(r'<table class="govuk-table" id="([^"]+)"', page)
        assert sorted(re.findall(r'aria-describedby="([^"]+)"', page)) == sorted(ids)
        seen.append(ids)
    assert len(seen[0]) == 2 and len(set(seen[0])) == 2
    assert seen[1:] == [[ids] for ids in seen[0]]


@pytest.mark.parametrize("name", PAGES)
def test_each_printed_report_holds_the_rating_and_the_chart(
    reports: ReportWorld, name: str
) -> None:
    text = flat(pdf_text(renderers.report_pdf(built(reports, name))))
    assert f"Rating: Off track {REASON}" in text
    # The chart's own words, drawn in the PDF: its name, dates and the names of its lines.
    chart = text.split(f"Rating: Off track {REASON}")[1]
    for words in ["EHC plans issued within 20 weeks", "Sep 2017", "Target", "England", "Actual"]:
        assert words in chart, words
    assert "England" in text.split("Figures for EHC plans issued within 20 weeks (%)")[1]


@pytest.mark.parametrize(
    "write, name",
    [(word.board_docx, "board_report"), (word.evidence_docx, "evidence_pack"),
     (word.plan_docx, "plan_document")],
)  # fmt: skip
def test_each_word_report_gives_the_rating_in_words_and_the_figures_beside_englands(
    reports: ReportWorld, write: object, name: str
) -> None:
    paragraphs, tables = docx_text(write(built(reports, name)))  # type: ignore[operator]
    assert f"Rating: Off track. {REASON}" in paragraphs
    figures = next(t for t in tables if t[0] == ["Date", "Target", "Actual", "England"])
    assert figures[1:] == [
        ["Baseline, September 2017", "–", "31", "–"],
        ["March 2018", "45 (first step)", "38", "–"],
        ["September 2018", "60", "not yet measured", "–"],
        ["2023", "–", "–", "50.3"],
    ]


def test_a_returned_figure_is_left_out_of_every_report(reports: ReportWorld) -> None:
    return_figure(reports, 99)
    for name in PAGES:
        page = page_of(reports, name)
        assert ">99</td>" not in page and ">99</text>" not in page, name
        assert f"Rating: {OFF_TRACK}\n {REASON}" in page, name
        assert LEFT_OUT in page, name
    period = reports.plan.periods.get(label="Sep 18")
    report = build_board_report(reports.plan, period, today=TODAY)
    assert "99" not in pdf_text(renderers.report_pdf(report))
    paragraphs, tables = docx_text(word.board_docx(report))
    assert not any("99" in cell for table in tables for row in table for cell in row)
    assert "Rating: Off track. " + REASON in paragraphs
    assert LEFT_OUT in paragraphs


def test_a_figure_waiting_for_review_counts_once_it_is_approved(reports: ReportWorld) -> None:
    return_figure(reports, 99)
    indicator = reports.plan.indicators.get(ref="1.1")
    again = indicators.figure_submit(
        actor=reports.world.users["lead_officer"],
        indicator=indicator,
        period=reports.plan.periods.get(label="Sep 18"),
        value=58,
        reviewed=False,
    )
    waiting = page_of(reports, "board_report")
    assert ">58</td>" not in waiting and f"Rating: {OFF_TRACK}" in waiting
    indicators.figure_review(
        actor=reports.world.users["programme_manager"], point=again, decision="approved"
    )
    approved = page_of(reports, "board_report")
    # 58 against 60 is within the tolerance of 5% of the target.
    assert re.search(r">September 2018</th>.*?>60</td>.*?>58</td>", approved)
    assert (
        '<strong class="govuk-tag govuk-tag--yellow">Behind, within tolerance</strong>\n '
        "30 September 2018: 58 against a target of 60"
    ) in approved
    assert "Not yet included" not in approved


@pytest.mark.parametrize("name", PAGES)
def test_each_report_asks_as_many_questions_of_many_indicators_as_of_one(
    reports: ReportWorld, name: str
) -> None:
    client = reports.world.client_for("board_member")
    url = reverse(name, args=[reports.plan.pk])
    if name == "evidence_pack":  # the indicators are on the weakness's page
        weakness = reports.plan.weaknesses.get()
        url = reverse("evidence_weakness", args=[reports.plan.pk, weakness.pk])
    return_figure(reports, 99)  # a figure answering a period, whose period is read once for all
    client.get(url)
    cache.clear()  # the page is kept for the plan as it stands: count the work of making it
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(3):
        added = indicators.indicator_create(
            actor=None, plan=reports.plan, name=f"Indicator {number}", section_ref="1",
            better="lower", baseline={"value": 10, "on": "2017-09"},
            targets=[{"value": 8, "on": "2018-09"}], actuals=[{"value": 9, "on": "2018-06"}],
            comparators=[{"name": "England", "value": 7, "on": "2018-06"},
                         {"name": "Statistical neighbours", "value": 8.5, "on": "2018-06"}],
        )  # fmt: skip
        assert isinstance(added, Indicator)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "Indicator 2" in page and "Statistical neighbours" in page
    assert len(many.captured_queries) == len(one.captured_queries)
