"""The import check page in a browser: a table the importer could not read is mapped with the
keyboard alone, every state of the page passes axe, and nothing scrolls sideways at 1280 px."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.test import PlanWorld

pytestmark = pytest.mark.browser

# Headings nobody would know over actions written as short titles, which the importer cannot
# read by itself, and a cell with a long address in it that must wrap.
PLAN = (
    "Item,Zebra,Fox,Moon,Where it is published\n"
    "A,Local Offer Website,Head of SEND,May 2027,"
    "https://www.example.org/local-offer/special-educational-needs-and-disabilities/"
    "the-whole-local-offer-for-children-and-young-people-aged-0-to-25\n"
    "B,Parent Survey,Parent Carer Forum,June 2027,Newsletter\n"
    "C,SENCO Training,SEND Advisory Team,September 2027,Intranet\n"
    "D,Autism Pathway Review,Designated Clinical Officer,December 2027,Board\n"
)
MAX_TABS = 120


def assert_no_sideways_scrolling(page: Page) -> None:
    wide = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert wide[0] <= wide[1], f"{page.url} scrolls sideways: {wide[0]} px wide in {wide[1]} px"


def tab_until(page: Page, script: str, value: str) -> None:
    """Press Tab until the focused element is the one wanted, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(script) == value:
            return
    raise AssertionError(f"Tab never reached {value}")


def tab_to(page: Page, element_id: str) -> None:
    tab_until(page, "document.activeElement.id", element_id)


def choose_by_keyboard(page: Page, element_id: str, words: str) -> None:
    tab_to(page, element_id)
    page.keyboard.type(words)


def upload(page: Page, tmp_path: Path, name: str, text: str) -> None:
    page.goto(reverse("import_new"))
    plan_file = tmp_path / name
    plan_file.write_text(text, encoding="utf-8")
    page.get_by_label("Upload a file").set_input_files(str(plan_file))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


def test_a_newcomer_maps_a_misread_table_with_the_keyboard(
    page: Page, world: PlanWorld, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "programme_manager")
    upload(page, tmp_path, "our-plan.csv", PLAN)

    # Nothing was found: no Save, and the mapping is offered instead.
    assert "We found no actions" in page.content()
    assert page.get_by_role("button", name="Save the plan").count() == 0
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    page.locator("body").focus()
    choose_by_keyboard(page, "id_t1-col_0", "Ref")
    choose_by_keyboard(page, "id_t1-col_1", "Action")
    choose_by_keyboard(page, "id_t1-col_2", "Lead")
    choose_by_keyboard(page, "id_t1-col_3", "Due")
    assert page.locator("#id_t1-col_1").input_value() == "title"
    assert page.locator("#id_t1-col_3").input_value() == "due"
    tab_until(page, "document.activeElement.textContent", "Read the plan again")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "Read again: 4 actions (was 0)." in page.content()
    assert page.get_by_role("button", name="Save the plan").count() == 1
    assert "Read with the columns you chose on this page" in page.content()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    # Correcting an action in place.
    page.get_by_role("link", name="Change action B").click()
    assert_accessible(page)
    page.get_by_label("Action").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the correction").click()
    assert "Enter what the action is" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Action").fill("Parent and Carer Survey")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the correction").click()
    assert "Action B corrected." in page.content()
    assert "Parent and Carer Survey" in page.content()
    assert_no_sideways_scrolling(page)


def test_it_shows_a_mapping_error_and_the_offer_to_update_a_plan_accessibly(
    page: Page, world: PlanWorld, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "programme_manager")
    tracker = (
        "Ref,Action,Lead,Due date,Mar 18,Jun 18\n"
        "1.1.1,Confirm the Terms of Reference,Head of ELS (HH),May 2018,G,B\n"
        "1.1.2,Publish the board's minutes,,Termly,,G\n"
    )
    upload(page, tmp_path, "tracker.csv", tracker)
    assert "This looks like an update to Testshire Written Statement of Action" in page.content()
    assert_accessible(page)

    # Two columns of actions is a slip the form points out.
    page.locator("#id_t1-col_2").select_option("title")
    with page.expect_navigation():
        page.get_by_role("button", name="Read the plan again").click()
    summary = page.locator(".govuk-error-summary")
    assert "Choose Action for one column only" in summary.inner_text()
    summary.get_by_role("link", name="Choose Action for one column only").click()
    assert page.evaluate("document.activeElement.id") == "id_t1-col_2"
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    with page.expect_navigation():
        page.get_by_role(
            "button", name="Update Testshire Written Statement of Action instead"
        ).click()
    assert "Check the changes to Testshire Written Statement of Action" in page.content()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)
