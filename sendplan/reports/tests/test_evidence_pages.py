"""The evidence pack on the site: a contents page, and a page for each area of weakness (and one
for the actions linked to none) with its actions a page at a time."""

from __future__ import annotations

import html as markup
import itertools
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sendplan.monitoring import services as monitoring
from sendplan.plans import services
from sendplan.reports.evidence import ACTIONS_PER_PAGE
from sendplan.reports.tests import ReportWorld, add_key_dates, add_linked_evidence


def text(html: str) -> str:
    """The page's words, without its markup."""
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def page(reports: ReportWorld, url: str, who: str = "adviser") -> str:
    response = reports.world.client_for(who).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def contents_url(reports: ReportWorld) -> str:
    return reverse("evidence_pack", args=[reports.plan.pk])


def weakness_url(reports: ReportWorld) -> str:
    """The page of the plan's first area of weakness, "Slow implementation of the reforms"."""
    first = reports.plan.weaknesses.first()
    assert first is not None
    return reverse("evidence_weakness", args=[reports.plan.pk, first.pk])


def sign_off_sep(reports: ReportWorld) -> None:
    monitoring.period_sign_off(
        actor=reports.world.users["programme_manager"],
        period=reports.periods[2],
        reason="The board accepted the returned update",
    )


def test_the_contents_page_links_each_area_of_weakness_with_its_statuses_in_words(
    reports: ReportWorld,
) -> None:
    sign_off_sep(reports)
    add_key_dates(reports)
    html = page(reports, contents_url(reports))
    words = text(html)
    # It opens as the whole pack did: the inspection and its timeline.
    assert "Key dates, earliest first" in words and "DfE and NHS England quarterly review" in words
    assert '<h2 class="govuk-heading-l" id="inspection">' in html
    # Then each area of weakness, linked to its page, under the id the whole pack's page gave
    # it, so that an old link to it still lands on it.
    assert (
        f'<li class="sendplan-evidence-part" id="weakness-1">\n  <h3 class="govuk-heading-m">'
        f'<a class="govuk-link" href="{weakness_url(reports)}">'
        "Area of weakness 1: Slow implementation of the reforms</a></h3>"
    ) in html
    unlinked = reverse("evidence_unlinked", args=[reports.plan.pk])
    assert (
        f'id="weakness-unlinked">\n  <h3 class="govuk-heading-m"><a class="govuk-link" '
        f'href="{unlinked}">Actions not linked to an area of weakness</a>'
    ) in html
    # How many actions each has, and where they stood at the latest period signed off, in words.
    assert "at the end of Sep 18, the latest monitoring period signed off" in words
    assert (
        "2 actions, 1 indicator. At the end of Sep 18: B – Completed: 1 "
        "R – No progress or major concerns: 1"
    ) in words
    assert "1 action. At the end of Sep 18: W – Not yet started: 1" in words
    # The whole pack downloads from here, as before.
    assert f'href="{reverse("evidence_pack_pdf", args=[reports.plan.pk])}"' in html
    assert f'href="{reverse("evidence_pack_docx", args=[reports.plan.pk])}"' in html
    # Not the actions themselves: those are on the weaknesses' pages.
    assert "Consultation has not started." not in words


def test_the_contents_page_says_when_no_period_is_signed_off(reports: ReportWorld) -> None:
    words = text(page(reports, contents_url(reports)))
    assert "No monitoring period has been signed off yet, so no statuses are counted." in words
    assert "2 actions, 1 indicator." in words


def test_a_weakness_has_a_page_of_its_findings_actions_and_indicators(
    reports: ReportWorld,
) -> None:
    item = add_linked_evidence(reports)
    html = page(reports, weakness_url(reports))
    words = text(html)
    assert '<h1 class="govuk-heading-xl">Area of weakness 1</h1>' in html
    assert "Slow implementation of the reforms" in words
    assert "Leaders have only just started to work together (P2 MF1)" in words
    assert "Theme 1: Implementation of the SEND Strategy" in words
    # Its actions, with their status in every period, progress and evidence; not another's.
    assert "1.1.1 Confirm the Terms of Reference" in words
    assert "1.1.2 Publish the board's minutes" in words and "2.1.1" not in words
    assert "Status in each period" in words
    assert "R – No progress or major concerns" in words
    assert "Consultation has not started." in words and "Returned to the lead" in words
    download = reverse("evidence_download", args=[reports.plan.pk, item.pk])
    assert f'<a class="govuk-link" href="{download}">Consultation plan.pdf</a>' in html
    assert "Families have not yet been asked about the terms of reference." in words
    # Its indicators.
    assert "EHC plans issued within 20 weeks" in words
    # Headings in order: h1, then h2 for each part, h3 for each action and indicator.
    levels = [int(n) for n in re.findall(r"<h([1-6])", html.split('id="main-content"')[1])]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    # Back to the contents, and on to the next part.
    assert f'href="{contents_url(reports)}">Back to the contents' in html
    unlinked = reverse("evidence_unlinked", args=[reports.plan.pk])
    assert f'href="{unlinked}" rel="next"' in html
    assert 'rel="prev"' not in html


def test_the_actions_linked_to_no_weakness_have_a_page(reports: ReportWorld) -> None:
    html = page(reports, reverse("evidence_unlinked", args=[reports.plan.pk]))
    words = text(html)
    assert '<h1 class="govuk-heading-xl">Actions not linked to an area of weakness</h1>' in html
    assert "2.1.1 Draft the joint commissioning strategy" in words
    assert "1.1.2" not in words
    assert f'href="{weakness_url(reports)}" rel="prev"' in html
    assert 'rel="next"' not in html


def test_a_long_weakness_shows_its_actions_a_page_at_a_time(reports: ReportWorld) -> None:
    priority = reports.world.priority
    for n in range(ACTIONS_PER_PAGE + 3):
        services.action_create(
            actor=None, section=priority, ref=f"1.1.{n + 3}", title=f"Extra action {n + 3}"
        )
    url = weakness_url(reports)
    first = text(page(reports, url))
    assert "Page 1 of 2." in first
    assert f"Actions 1 to {ACTIONS_PER_PAGE} of {ACTIONS_PER_PAGE + 5}" in first
    assert "What the inspection found" in first and "Extra action 3 " in first
    assert "EHC plans issued within 20 weeks" not in first  # after the actions, on the last page
    second_html = page(reports, url + "?page=2")
    second = text(second_html)
    assert '<nav class="govuk-pagination" aria-label="Pages of actions">' in second_html
    assert "Area of weakness 1 (page 2 of 2)" in second_html  # its title
    assert f"Extra action {ACTIONS_PER_PAGE + 5}" in second and "Extra action 3 " not in second
    assert "What the inspection found" not in second
    assert "EHC plans issued within 20 weeks" in second
    client = reports.world.client_for("adviser")
    assert client.get(url + "?page=3").status_code == 404
    assert client.get(url + "?page=last-one").status_code == 404
    assert client.get(url + "?page=²").status_code == 404
    assert client.get(url + "?page=" + "9" * 5000).status_code == 404


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_who_may_not_see_the_pack_may_not_see_its_pages(reports: ReportWorld, who: str) -> None:
    client = reports.world.client_for(who)
    for url in [weakness_url(reports), reverse("evidence_unlinked", args=[reports.plan.pk])]:
        response = client.get(url)
        if who == "outsider":
            assert response.status_code == 404
        else:
            assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    # As with the contents page.
    assert client.get(contents_url(reports)).status_code == (404 if who == "outsider" else 302)


@pytest.mark.parametrize("who", ["board_member", "parent_carer_forum", "lead_officer"])
def test_everyone_in_the_area_may_read_each_part(reports: ReportWorld, who: str) -> None:
    page(reports, weakness_url(reports), who)
    page(reports, reverse("evidence_unlinked", args=[reports.plan.pk]), who)


def test_an_unknown_weakness_is_not_found(reports: ReportWorld) -> None:
    client = reports.world.client_for("adviser")
    other = services.weakness_create(
        actor=None, plan=reports.world.other_plan, ref="1", text="Another plan's"
    )
    for weakness_id in [other.pk, 999999]:
        url = reverse("evidence_weakness", args=[reports.plan.pk, weakness_id])
        assert client.get(url).status_code == 404


def test_with_every_action_linked_there_is_no_page_of_actions_linked_to_none(
    reports: ReportWorld,
) -> None:
    theme = reports.plan.sections.get(ref="2")
    theme.weaknesses.add(reports.plan.weaknesses.get())
    client = reports.world.client_for("adviser")
    assert client.get(reverse("evidence_unlinked", args=[reports.plan.pk])).status_code == 404
    assert "weakness-unlinked" not in page(reports, contents_url(reports))
    assert "2.1.1" in text(page(reports, weakness_url(reports)))


def test_each_part_is_kept_until_the_plan_changes(reports: ReportWorld) -> None:
    """A part's page is made once for the plan as it stands, each page of it on its own, and
    made again at the first request after anything in the plan changes."""
    client = reports.world.client_for("board_member")
    url = weakness_url(reports)
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as kept:
        client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as fresh:
        again = client.get(url).content.decode()
    # The same page (the page around it holds a sign-out form with a token of its own).
    assert again.split('id="main-content"')[1] == first.split('id="main-content"')[1]
    assert len(kept.captured_queries) < len(fresh.captured_queries) - 5
    monitoring.status_update_record(
        actor=None, action=reports.done, period=reports.periods[2], status="B",
        narrative="The minutes are on the Local Offer now.",
    )  # fmt: skip
    assert "The minutes are on the Local Offer now." in client.get(url).content.decode()
    # The other part, and a page past the last, are not this page.
    unlinked = client.get(reverse("evidence_unlinked", args=[reports.plan.pk])).content.decode()
    assert "The minutes are on the Local Offer now." not in unlinked
    assert client.get(url + "?page=2").status_code == 404


def test_a_weakness_no_part_of_the_plan_answers_yet_has_its_page_too(reports: ReportWorld) -> None:
    second = services.weakness_create(
        actor=None, plan=reports.plan, ref="2", text="Families are not told what is on offer",
        findings=[("The local offer is hard to find", "P3 MF2")],
    )  # fmt: skip
    url = reverse("evidence_weakness", args=[reports.plan.pk, second.pk])
    words = text(page(reports, url))
    assert "The local offer is hard to find (P3 MF2)" in words
    assert "No part of the plan is linked to this area of weakness yet." in words
    assert "No actions answer this area of weakness yet." in words
    html = page(reports, url)
    # Between the first weakness and the actions linked to none.
    assert f'href="{weakness_url(reports)}" rel="prev"' in html
    assert f'href="{reverse("evidence_unlinked", args=[reports.plan.pk])}" rel="next"' in html
    contents = text(page(reports, contents_url(reports)))
    assert (
        "Area of weakness 2: Families are not told what is on offer 0 actions, 0 indicators."
        in (contents)
    )
