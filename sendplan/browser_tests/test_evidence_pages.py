"""The evidence pack's pages in a browser: from the contents to an area of weakness and on, and
each page on a small phone's screen."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.reports.tests import add_linked_evidence, build_report_world
from sendplan.test import PlanWorld

pytestmark = pytest.mark.browser


def test_an_adviser_reads_the_pack_from_its_contents_to_each_part(
    page: Page, world: PlanWorld
) -> None:
    add_linked_evidence(build_report_world(world))
    sign_in(page, "adviser")
    page.goto(reverse("evidence_pack", args=[world.plan.pk]))
    # Each part is offered as a PDF of its own too, the link naming the part for a screen reader.
    pdf = page.get_by_role("link", name=re.compile(r"^Download as a PDF\s*: Area of weakness 1"))
    expect(pdf).to_have_attribute(
        "href",
        reverse("evidence_weakness_pdf", args=[world.plan.pk, world.plan.weaknesses.get().pk]),
    )
    page.get_by_role(
        "link", name="Area of weakness 1: Slow implementation of the reforms", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Area of weakness 1")
    expect(page.get_by_role("heading", name="1.1.1 Confirm the Terms of Reference")).to_be_visible()
    page.get_by_role("navigation", name="Areas of weakness").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Actions not linked to an area of weakness"
    )
    page.get_by_role("link", name="Back to the contents of the evidence pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evidence pack")


@pytest.mark.parametrize("part", ["contents", "weakness", "not linked"])
def test_each_page_of_the_pack_fits_a_small_phone_screen(
    page: Page, world: PlanWorld, part: str
) -> None:
    add_linked_evidence(build_report_world(world))
    plan = world.plan.pk
    url = {
        "contents": reverse("evidence_pack", args=[plan]),
        "weakness": reverse("evidence_weakness", args=[plan, world.plan.weaknesses.get().pk]),
        "not linked": reverse("evidence_unlinked", args=[plan]),
    }[part]
    sign_in(page, "board_member")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(url)
    # Nothing runs off the side of the screen: a table with a column per period scrolls by
    # itself, and the progress reported stacks.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
