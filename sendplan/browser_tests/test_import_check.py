"""The import check page in a browser: a table the importer could not read is mapped with the
keyboard alone, every state of the page passes axe, and nothing scrolls sideways at 1280 px."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from sendplan.browser_tests import assert_accessible, sign_in, wide_plan
from sendplan.monitoring.models import StatusUpdate
from sendplan.plans.models import Plan
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


# A plan laid out as none of the fixtures is, printed to PDF: its ratings sit under
# "Priority", a heading the importer takes for the plan's priorities (its sections), and a
# column of colours under it may as well be how urgent each action is as how it is going: only
# a person can say the column holds each action's status.
PDF_TITLE = "Brackenmoor SEND improvement plan"
PDF_HEADINGS = ["Ref", "We will", "Who", "Due", "Priority"]
PDF_ACTIONS = [
    ("1", "Publish a Local Offer page for each short break", "Head of SEND", "March 2027"),
    ("2", "Survey parents after each EHC plan is issued", "Parent Carer Forum", "June 2027"),
    ("3", "Train every SENCO in the graduated approach", "SEND Advisory Team", "September 2027"),
    ("4", "Agree a six-week deadline for health advice", "Designated Clinical Officer", "Dec 2027"),
]
PDF_CSS = (
    "@page { size: A4 landscape; margin: 1.5cm; }"
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }"
    "table { border-collapse: collapse; width: 100%; }"
    "td, th { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }"
)


def plan_pdf(ratings: list[str]) -> bytes:
    """The plan as a PDF, as Word would print it, with a rating for each action."""
    import weasyprint

    head = "".join(f"<th>{escape(h)}</th>" for h in PDF_HEADINGS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in (*action, rating)) + "</tr>"
        for action, rating in zip(PDF_ACTIONS, ratings, strict=True)
    )
    html = (
        f"<html><head><meta charset='utf-8'><style>{PDF_CSS}</style></head><body>"
        f"<h1>{escape(PDF_TITLE)}</h1><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></body></html>"
    )
    return bytes(weasyprint.HTML(string=html).write_pdf())


def upload_bytes(page: Page, tmp_path: Path, name: str, content: bytes) -> None:
    page.goto(reverse("import_new"))
    plan_file = tmp_path / name
    plan_file.write_bytes(content)
    page.get_by_label("Upload a file").set_input_files(str(plan_file))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


def press_tab_until(page: Page, script: str, value: str) -> int:
    """Press Tab until the focused element is the one wanted; how many presses it took."""
    for count in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate(script) == value:
            return count
    raise AssertionError(f"Tab never reached {value}")


def test_a_newcomer_corrects_a_pdf_with_the_keyboard_and_next_quarter_needs_no_mapping(
    page: Page, world: PlanWorld, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "programme_manager")
    upload_bytes(page, tmp_path, "brackenmoor-september.pdf", plan_pdf(["G", "A", "R", "A"]))

    # The actions were found, but their ratings were taken for the plan's priorities. (Should
    # the importer learn to read "Priority" over colours as ratings, choose another heading it
    # misreads.)
    priority = page.locator("#id_t1-col_4-read")
    assert priority.inner_text().startswith("Theme or priority"), priority.inner_text()
    assert "We found no actions" not in page.content()
    assert page.get_by_role("button", name="Save the plan").count() == 1
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    # Keyboard only: to the column's choice, say it holds ratings, read the plan again.
    page.locator("body").focus()
    presses = press_tab_until(page, "document.activeElement.id", "id_t1-col_4")
    page.keyboard.type("Status")
    assert page.locator("#id_t1-col_4").input_value() == "status"
    presses += press_tab_until(page, "document.activeElement.textContent", "Read the plan again")
    # From the top of the page, past the service's own links: a few seconds' work.
    assert presses <= 20, f"{presses} presses of Tab to correct one column"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Read again: 4 actions (was 4)." in page.content()
    assert priority.inner_text() == "Status for a period, from your choices"
    actions = page.locator(".sendplan-check-actions")
    assert "Priority: R – " in actions.inner_text()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    # Saved with the keyboard too.
    page.locator("body").focus()
    press_tab_until(page, "document.activeElement.textContent", "Save the plan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "The columns you chose are saved for Testshire" in page.content()
    plan = Plan.objects.get(area=world.area, title=PDF_TITLE)

    # Next quarter's tracker, the same layout with new ratings: read with the saved columns.
    upload_bytes(page, tmp_path, "brackenmoor-december.pdf", plan_pdf(["B", "G", "A", "G"]))
    content = page.content()
    assert "1 table was read using the columns you chose before" in content
    assert "Read using the columns you chose on" in content
    assert priority.inner_text() == "Status for a period, from your saved choices"
    assert "We found no actions" not in content
    assert f"This looks like an update to {PDF_TITLE}" in content
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    page.locator("body").focus()
    press_tab_until(page, "document.activeElement.textContent", f"Update {PDF_TITLE} instead")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"Check the changes to {PDF_TITLE}" in page.content()
    updates = " ".join(page.get_by_role("table", name="New status updates").inner_text().split())
    # Each rating in the words of the plan's scale, not its code alone.
    assert "2 Priority A – Some concerns → becomes G – On track" in updates, updates
    assert "1 Priority G – On track → becomes B – Completed" in updates, updates
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    page.locator("body").focus()
    press_tab_until(page, "document.activeElement.textContent", "Save these changes")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Plan.objects.filter(area=world.area, title=PDF_TITLE).count() == 1
    # The new ratings are the plan's latest, the September ones kept as its history.
    latest = {
        update.action.ref: update.status
        for update in StatusUpdate.objects.filter(action__section__plan=plan).order_by("pk")
    }
    assert latest == {"1": "B", "2": "G", "3": "A", "4": "G"}


def upload_text(page: Page, tmp_path: Path, name: str, text: str) -> None:
    upload_bytes(page, tmp_path, name, text.encode())


def assert_reflows(page: Page) -> None:
    """At 320 CSS px (WCAG 2.2's reflow) and at 1280 px, nothing scrolls sideways but a wide
    table inside its own region, and axe finds nothing wrong."""
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert_no_sideways_scrolling(page)
    assert_accessible(page)


def assert_readable_at_320(page: Page, selector: str, least: int = 200) -> None:
    """Every cell and caption of the tables chosen is wide enough to read whole words in,
    rather than squeezed to a letter a line beside its neighbours."""
    narrow = page.evaluate(
        """([selector, least]) => [...document.querySelectorAll(selector)]
            .flatMap(table => [...table.querySelectorAll('caption, tbody td, tbody th, select')])
            .filter(cell => !cell.closest('.govuk-visually-hidden'))
            .map(cell => [cell.tagName, Math.round(cell.getBoundingClientRect().width),
                          cell.textContent.trim().slice(0, 30)])
            .filter(([, width]) => width < least)""",
        [selector, least],
    )
    assert not narrow, f"Squeezed at 320 px: {narrow[:5]}"


def assert_the_heading_row_chosen_reads_whole(page: Page) -> None:
    """The row chosen as each table's headings is shown whole on the screen, not cut off at the
    edge of a drop-down too narrow for its words."""
    cut = page.evaluate(
        """() => [...document.querySelectorAll('[name$="-header"]')].flatMap(control => {
            if (control.tagName === 'SELECT') {
                // A closed drop-down shows its option on one line, clipped to its box.
                const style = getComputedStyle(control);
                const context = document.createElement('canvas').getContext('2d');
                context.font = style.font;
                const text = control.selectedOptions[0].textContent;
                const room = control.clientWidth - parseFloat(style.paddingLeft)
                    - parseFloat(style.paddingRight);
                return context.measureText(text).width > room ? [text] : [];
            }
            if (!control.checked) return [];
            const label = document.querySelector(`label[for="${control.id}"]`);
            const box = label.getBoundingClientRect();
            return label.scrollWidth > label.clientWidth || box.left < 0
                || box.right > document.documentElement.clientWidth ? [label.textContent] : [];
        })""",
    )
    assert not cut, f"The heading row chosen is cut off: {cut}"


def test_the_check_page_of_a_wide_plan_reflows_at_320_px_in_every_state(
    page: Page, world: PlanWorld, tmp_path: Path
) -> None:
    sign_in(page, "programme_manager")
    # Fifteen columns under headings nobody would know, sixty-four rows: nothing found.
    upload_text(page, tmp_path, "wide.csv", wide_plan.unknown_csv())
    assert "We found no actions" in page.content()
    assert_reflows(page)
    assert_the_heading_row_chosen_reads_whole(page)
    # What each column holds: a column a block, its choice as wide as the screen.
    assert_readable_at_320(page, ".sendplan-columns")
    # The first rows, fifteen columns of them, scroll inside a region of their own that a
    # keyboard can reach, each cell wide enough for its words.
    page.get_by_text("See the first rows").click()
    region = page.get_by_role("region", name="The first rows of the table at row 1")
    assert region.get_attribute("tabindex") == "0"
    cells = page.locator(".sendplan-preview td")
    assert min(cells.nth(n).bounding_box()["width"] for n in range(15)) >= 100  # type: ignore[index]
    assert_no_sideways_scrolling(page)

    # A slip in the mapping: the error summary, and the form, at 320 px.
    page.locator("#id_t1-col_2").select_option("title")
    page.locator("#id_t1-col_3").select_option("title")
    with page.expect_navigation():
        page.get_by_role("button", name="Read the plan again").click()
    # One error summary, which has the focus, naming the slip (not two, the second taking
    # the focus from the first).
    summary = page.locator(".govuk-error-summary")
    assert summary.count() == 1
    assert "Choose Action for one column only" in summary.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert_reflows(page)
    assert_readable_at_320(page, ".sendplan-columns")

    # Read again with the columns chosen: sixty-four actions.
    chosen = {0: "ref", 2: "title", 3: "lead", 6: "due", 10: "status", 11: "status"}
    for column, part in chosen.items():
        page.locator(f"#id_t1-col_{column}").select_option(part)
    page.locator("#id_t1-col_12").select_option("status")
    page.locator("#id_t1-col_13").select_option("status")
    with page.expect_navigation():
        page.get_by_role("button", name="Read the plan again").click()
    assert "Read again: 64 actions (was 0)." in page.content()
    assert_reflows(page)
    assert_readable_at_320(page, ".sendplan-columns, .sendplan-check-actions")

    # The correction form, and its error.
    page.locator("a[href$='/actions/2/']").click()
    assert_reflows(page)
    page.get_by_label("Action").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the correction").click()
    assert "Enter what the action is" in page.locator(".govuk-error-summary").inner_text()
    assert_reflows(page)
    page.get_by_label("Action").fill("Parent and Carer Survey")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the correction").click()

    # Save is at the end, after a link to change each of the 64 actions (91 presses of Tab
    # from the top): a link near the top skips there.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(page.url.split("#")[0])
    skip = "Skip to the end of the page to save the plan"
    presses = press_tab_until(page, "document.activeElement.textContent", skip)
    page.keyboard.press("Enter")
    presses += press_tab_until(page, "document.activeElement.textContent", "Save the plan")
    assert presses <= 15, f"{presses} presses of Tab to Save the plan"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Imported from wide.csv" in page.content()

    # Next quarter's file, with new ratings: read with the saved columns, offered as an update.
    upload_text(page, tmp_path, "wide-next.csv", wide_plan.unknown_csv().replace(",G,", ",A,"))
    assert "This looks like an update to wide" in page.content()
    assert_reflows(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Update wide instead").click()
    assert "Check the changes to wide" in page.content()
    assert_reflows(page)
    assert_readable_at_320(page, "table.sendplan-table--stack")
