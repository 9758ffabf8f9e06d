"""Every page passes axe-core's WCAG 2.2 AA checks.

To check a page, add a line to PAGES, for example
    Checked("plan", lambda w: reverse("plan", args=[w.plan.pk]), as_user="programme_manager"),
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from sendplan.browser_tests import assert_accessible, sign_in
from sendplan.indicators import services as indicators
from sendplan.indicators.models import Indicator
from sendplan.monitoring import services as monitoring
from sendplan.plans import services
from sendplan.reports.tests import (
    add_key_dates,
    add_linked_evidence,
    build_report_world,
    return_figure,
)
from sendplan.test import Cycle, PlanWorld, sign_off_cycle, start_cycle

SAMPLE_TEXT = """Priority 1 - Communication
Ref\tAction\tLead\tTimeframe\tMar 18\tJun 18
1.1\tPublish the local offer\tHead of SEND\tMay 2018\tG\tA
1.2\tRun a parent survey\tParent carer forum\tTermly\tA\tG
"""

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Checked:
    name: str
    # The page's address, built from the shared test plan (sendplan.test.PlanWorld).
    url: Callable[[PlanWorld], str]
    # Who signs in first: a role's username in PlanWorld ("adviser", ...), or None.
    as_user: str | None = None
    # What state the plan is put in first, such as a monitoring period under way.
    setup: Callable[[PlanWorld], object] | None = None


def plan_page(name: str, **ids: Callable[[PlanWorld], int]) -> Callable[[PlanWorld], str]:
    def build(w: PlanWorld) -> str:
        return reverse(name, kwargs={"plan_id": w.plan.pk, **{k: f(w) for k, f in ids.items()}})

    return build


MANAGER = "programme_manager"
LEAD = "lead_officer"


def cycle(world: PlanWorld) -> Cycle:
    assert world.cycle is not None, "this page needs setup=start_cycle"
    return world.cycle


def approved_cycle(world: PlanWorld) -> Cycle:
    """A cycle whose one update is approved, and whose other action has none."""
    started = start_cycle(world)
    monitoring.update_review(actor=None, update=started.submitted, decision="approved")
    return started


def key_dates(world: PlanWorld) -> object:
    """An inspection in the past and a review to come."""
    from sendplan.plans.models import KeyDate

    services.plan_update(actor=None, plan=world.plan, inspection_framework="2016")
    services.key_date_create(
        actor=None, plan=world.plan, kind=KeyDate.Kind.INSPECTION, on="2017-11-27"
    )
    return services.key_date_create(
        actor=None, plan=world.plan, kind=KeyDate.Kind.JOINT_REVIEW, on="2099-03",
        note="Review with DfE and NHS England",
    )  # fmt: skip


def indicator_with_figures(world: PlanWorld) -> Indicator:
    """An invented indicator with a trajectory, figures and a comparator, supplied by the lead."""
    indicator = indicators.indicator_create(
        actor=None,
        plan=world.plan,
        name="EHC plans issued within 20 weeks",
        unit="%",
        better="higher",
        supplier=world.lead,
        baseline={"on": "2024-03", "value": 40},
        targets=[{"on": "2025-03", "value": 60}, {"on": "2026-03", "value": 75}],
        actuals=[{"on": "2024-09", "value": 47}, {"on": "2025-03", "value": 61}],
        comparators=[{"name": "England", "value": 46.4, "on": "2024-03"}],
        actions=[world.action],
    )
    return indicator


def timeline_and_returned_figure(world: PlanWorld) -> object:
    reports = build_report_world(world)
    add_key_dates(reports)
    return_figure(reports, 99)
    return reports


def indicator_page(name: str) -> Callable[[PlanWorld], str]:
    def build(w: PlanWorld) -> str:
        indicator = w.plan.indicators.get()
        return reverse(name, kwargs={"plan_id": w.plan.pk, "indicator_id": indicator.pk})

    return build


def figures_in_cycle(world: PlanWorld) -> Cycle:
    """A cycle under way in which the lead supplies two indicators' figures: one waits for
    review, the other was returned with a reason."""
    started = start_cycle(world)
    waiting = indicator_with_figures(world)
    returned = indicators.indicator_create(
        actor=None, plan=world.plan, name="Tribunal appeal rate", unit="%", better="lower",
        supplier=world.lead,
    )  # fmt: skip
    lead = world.users[LEAD]
    indicators.figure_submit(
        actor=lead, indicator=waiting, period=started.period, value=58, reviewed=False
    )
    point = indicators.figure_submit(
        actor=lead, indicator=returned, period=started.period, value=60, reviewed=False
    )
    indicators.figure_review(
        actor=None, point=point, decision="returned", comment="Is that 6.0, not 60?"
    )
    return started


def figure_signed_off(world: PlanWorld) -> Cycle:
    """A signed-off period whose indicator figure was recorded by the programme manager."""
    started = start_cycle(world)
    indicator = indicator_with_figures(world)
    indicators.figure_submit(
        actor=world.users[MANAGER], indicator=indicator, period=started.period, value=58,
        reviewed=True,
    )  # fmt: skip
    return sign_off_cycle(world)


def figure_page(name: str, indicator: str) -> Callable[[PlanWorld], str]:
    """The page for the newest figure of the named indicator."""

    def build(w: PlanWorld) -> str:
        found = w.plan.indicators.get(name=indicator)
        point = found.points.filter(kind="actual").latest("position")
        return reverse(name, args=[w.plan.pk, found.pk, point.pk])

    return build


def figure_record_page(indicator: str) -> Callable[[PlanWorld], str]:
    def build(w: PlanWorld) -> str:
        found = w.plan.indicators.get(name=indicator)
        return reverse("indicator_record", args=[w.plan.pk, found.pk]) + (
            f"?period={cycle(w).period.pk}"
        )

    return build


def weakness_page(world: PlanWorld) -> str:
    """The evidence pack's page of the plan's first area of weakness."""
    weakness = world.plan.weaknesses.first()
    assert weakness is not None
    return reverse("evidence_weakness", args=[world.plan.pk, weakness.pk])


def long_weakness(world: PlanWorld) -> object:
    """An area of weakness with more actions than one page of the evidence pack shows."""
    from sendplan.reports.evidence import ACTIONS_PER_PAGE

    reports = add_linked_evidence(build_report_world(world))
    for n in range(ACTIONS_PER_PAGE):
        services.action_create(
            actor=None, section=world.priority, ref=f"1.1.{n + 3}", title=f"Extra action {n + 3}"
        )
    return reports


def signed_off_reports(world: PlanWorld) -> object:
    """The reports' plan with Sep 18 signed off, so the contents count statuses."""
    reports = build_report_world(world)
    monitoring.period_sign_off(
        actor=world.users[MANAGER], period=reports.periods[2], reason="Returned update accepted"
    )
    return reports


EHC = "EHC plans issued within 20 weeks"
TRIBUNALS = "Tribunal appeal rate"


PAGES = [
    Checked("sign-in", lambda w: reverse("login")),
    Checked("help", lambda w: reverse("help")),
    Checked("search", lambda w: reverse("search") + "?q=terms", as_user="board_member"),
    Checked("search, nothing found", lambda w: reverse("search") + "?q=zebra", as_user=LEAD),
    Checked("help for a lead", lambda w: reverse("help_role", args=["lead_officer"]), as_user=LEAD),
    Checked(
        "help for an administrator",
        lambda w: reverse("help_role", args=["area_admin"]),
        as_user="area_admin",
    ),
    Checked("home", lambda w: reverse("home"), as_user=MANAGER),
    Checked("home of a lead officer", lambda w: reverse("home"), as_user="lead_officer"),
    Checked("home of an adviser: the table of areas", lambda w: reverse("home"), as_user="adviser"),
    Checked(
        "table of areas, sorted",
        lambda w: reverse("oversight") + "?sort=overdue&order=desc",
        as_user="adviser",
    ),
    Checked(
        "an area's region and inspection",
        lambda w: reverse("area_edit", args=[w.area.pk]),
        as_user="area_admin",
    ),
    Checked("plan overview", plan_page("plan"), as_user=MANAGER),
    Checked("plan overview, read only", plan_page("plan"), as_user="parent_carer_forum"),
    Checked("section", plan_page("section", section_id=lambda w: w.priority.pk), as_user=MANAGER),
    Checked("action", plan_page("action", action_id=lambda w: w.action.pk), as_user=MANAGER),
    Checked("lead officers", plan_page("people"), as_user="adviser"),
    Checked("glossary", plan_page("glossary"), as_user="board_member"),
    Checked("plan health", plan_page("plan_health"), as_user=MANAGER),
    Checked("plan health, read only", plan_page("plan_health"), as_user="board_member"),
    Checked("indicators", plan_page("indicators"), as_user=MANAGER, setup=indicator_with_figures),
    Checked(
        "indicator", indicator_page("indicator"), as_user=MANAGER, setup=indicator_with_figures
    ),
    Checked(
        "indicator, read only",
        indicator_page("indicator"),
        as_user="board_member",
        setup=indicator_with_figures,
    ),
    Checked("add an indicator", plan_page("indicator_add"), as_user=MANAGER),
    Checked(
        "indicator targets",
        indicator_page("indicator_trajectory"),
        as_user=MANAGER,
        setup=indicator_with_figures,
    ),
    Checked(
        "load a DfE file",
        indicator_page("indicator_load"),
        as_user=MANAGER,
        setup=indicator_with_figures,
    ),
    Checked("indicator library", plan_page("indicator_library"), as_user=MANAGER),
    Checked("inspection and key dates", plan_page("inspection"), as_user=MANAGER, setup=key_dates),
    Checked(
        "inspection timeline, reading",
        plan_page("inspection"),
        as_user="board_member",
        setup=key_dates,
    ),
    Checked("overview counting down", plan_page("plan"), as_user="board_member", setup=key_dates),
    Checked(
        "record an indicator figure",
        indicator_page("indicator_record"),
        as_user=LEAD,
        setup=indicator_with_figures,
    ),
    Checked(
        "my actions, with indicator figures owed",
        lambda w: reverse("my_actions"),
        as_user=LEAD,
        setup=figures_in_cycle,
    ),
    Checked(
        "record a returned indicator figure",
        figure_record_page(TRIBUNALS),
        as_user=LEAD,
        setup=figures_in_cycle,
    ),
    Checked(
        "period under way, with indicator figures",
        plan_page("period", period_id=lambda w: cycle(w).period.pk),
        as_user=MANAGER,
        setup=figures_in_cycle,
    ),
    Checked(
        "review an indicator figure",
        figure_page("figure_review", EHC),
        as_user=MANAGER,
        setup=figures_in_cycle,
    ),
    Checked(
        "sign off a period with indicator figures undecided",
        plan_page("period_sign_off", period_id=lambda w: cycle(w).period.pk),
        as_user=MANAGER,
        setup=figures_in_cycle,
    ),
    Checked(
        "indicator with a returned figure",
        lambda w: w.plan.indicators.get(name=TRIBUNALS).get_absolute_url(),
        as_user=MANAGER,
        setup=figures_in_cycle,
    ),
    Checked(
        "correct a signed-off indicator figure",
        figure_page("figure_correct", EHC),
        as_user=MANAGER,
        setup=figure_signed_off,
    ),
    Checked("weaknesses", plan_page("weaknesses"), as_user="board_member"),
    Checked("change history", plan_page("plan_history"), as_user=MANAGER),
    Checked("start a plan", lambda w: reverse("plan_add"), as_user=MANAGER),
    Checked("edit plan", plan_page("plan_edit"), as_user=MANAGER),
    Checked("status scale", plan_page("status_scale"), as_user=MANAGER),
    Checked(
        "edit status",
        plan_page("status_level_edit", level_id=lambda w: w.plan.status_levels.get(code="G").pk),
        as_user=MANAGER,
    ),
    Checked("periods", plan_page("periods"), as_user=MANAGER),
    Checked(
        "edit period",
        plan_page("period_edit", period_id=lambda w: w.periods[0].pk),
        as_user=MANAGER,
    ),
    Checked("add person", plan_page("person_add"), as_user=MANAGER),
    Checked(
        "edit person", plan_page("person_edit", person_id=lambda w: w.lead.pk), as_user=MANAGER
    ),
    Checked("add section", plan_page("section_add"), as_user=MANAGER),
    Checked(
        "edit section", plan_page("section_edit", section_id=lambda w: w.theme.pk), as_user=MANAGER
    ),
    Checked(
        "move section",
        plan_page("section_move", section_id=lambda w: w.priority.pk),
        as_user=MANAGER,
    ),
    Checked(
        "delete section",
        plan_page("section_delete", section_id=lambda w: w.theme.pk),
        as_user=MANAGER,
    ),
    Checked("add action", plan_page("action_add"), as_user=MANAGER),
    Checked(
        "edit action", plan_page("action_edit", action_id=lambda w: w.action.pk), as_user=MANAGER
    ),
    Checked(
        "delete action",
        plan_page("action_delete", action_id=lambda w: w.other_action.pk),
        as_user=MANAGER,
    ),
    Checked(
        "record a status for a period never opened",
        plan_page("update_add", action_id=lambda w: w.action.pk),
        as_user=MANAGER,
    ),
    Checked("open a period", plan_page("period_open"), as_user=MANAGER),
    Checked("my actions", lambda w: reverse("my_actions"), as_user=LEAD, setup=start_cycle),
    Checked(
        "lead's update for an open period",
        plan_page("update_add", action_id=lambda w: w.other_action.pk),
        as_user=MANAGER,
        setup=start_cycle,
    ),
    Checked(
        "action during a period, as the forum",
        plan_page("action", action_id=lambda w: w.action.pk),
        as_user="parent_carer_forum",
        setup=start_cycle,
    ),
    Checked(
        "period under way",
        plan_page("period", period_id=lambda w: cycle(w).period.pk),
        as_user=MANAGER,
        setup=start_cycle,
    ),
    Checked(
        "period, as the forum",
        plan_page("period", period_id=lambda w: cycle(w).period.pk),
        as_user="parent_carer_forum",
        setup=start_cycle,
    ),
    Checked(
        "review an update",
        plan_page("update_review", update_id=lambda w: cycle(w).submitted.pk),
        as_user=MANAGER,
        setup=start_cycle,
    ),
    Checked(
        "sign off a period",
        plan_page("period_sign_off", period_id=lambda w: cycle(w).period.pk),
        as_user=MANAGER,
        setup=start_cycle,
    ),
    Checked(
        "sign off a period with an update missing",
        plan_page("period_sign_off", period_id=lambda w: cycle(w).period.pk),
        as_user=MANAGER,
        setup=approved_cycle,
    ),
    Checked(
        "ask for a new due date",
        plan_page("due_change", action_id=lambda w: w.action.pk),
        as_user=LEAD,
    ),
    Checked(
        "decide on a new due date",
        plan_page("due_change_decide", change_id=lambda w: cycle(w).due_change.pk),
        as_user=MANAGER,
        setup=start_cycle,
    ),
    Checked(
        "correct a signed-off update",
        plan_page("update_correct", update_id=lambda w: cycle(w).submitted.pk),
        as_user=MANAGER,
        setup=sign_off_cycle,
    ),
    Checked(
        "overview of a signed-off period",
        plan_page("plan"),
        as_user="board_member",
        setup=sign_off_cycle,
    ),
    Checked(
        "manage people in an area",
        lambda w: reverse("area_members", args=[w.area.pk]),
        as_user="area_admin",
    ),
    Checked(
        "invite someone",
        lambda w: reverse("invitation_new", args=[w.area.pk]),
        as_user="area_admin",
    ),
    Checked(
        "invite a plan's lead officer",
        lambda w: (
            reverse("invitation_new", args=[w.area.pk])
            + f"?person={w.plan.people.get(key='PW').pk}"
        ),
        as_user="area_admin",
    ),
    Checked(
        "link a plan's person to an account",
        lambda w: reverse("person_account", args=[w.area.pk, w.lead.pk]),
        as_user="area_admin",
    ),
    Checked("forgotten password", lambda w: reverse("password_reset")),
    Checked("password reset email sent", lambda w: reverse("password_reset_done")),
    Checked(
        "password reset link that does not work",
        lambda w: reverse("password_reset_confirm", args=["MQ", "not-a-token"]),
    ),
    Checked("password reset", lambda w: reverse("password_reset_complete")),
    Checked("change password", lambda w: reverse("password_change"), as_user=LEAD),
    Checked("password changed", lambda w: reverse("password_change_done"), as_user=LEAD),
    Checked("import a plan", lambda w: reverse("import_new"), as_user=MANAGER),
    Checked("update a plan from a file", plan_page("import_into_plan"), as_user=MANAGER),
    Checked("reports", plan_page("reports"), as_user="board_member"),
    Checked("board report", plan_page("board_report"), as_user="board_member"),
    Checked("evidence pack", plan_page("evidence_pack"), as_user="adviser"),
    Checked(
        "evidence pack: an area of weakness",
        weakness_page,
        as_user="adviser",
        setup=build_report_world,
    ),
    Checked(
        "evidence pack: actions linked to no weakness",
        plan_page("evidence_unlinked"),
        as_user="parent_carer_forum",
        setup=build_report_world,
    ),
    Checked(
        "evidence pack: an area of weakness, its second page",
        lambda w: weakness_page(w) + "?page=2",
        as_user="board_member",
        setup=long_weakness,
    ),
    Checked(
        "evidence pack: contents, a period signed off",
        plan_page("evidence_pack"),
        as_user="adviser",
        setup=signed_off_reports,
    ),
    Checked(
        "board report with exceptions, missing updates and the forum's comments",
        plan_page("board_report"),
        as_user="board_member",
        setup=build_report_world,
    ),
    Checked(
        "evidence pack with web addresses and files",
        plan_page("evidence_pack"),
        as_user="adviser",
        setup=lambda w: add_linked_evidence(build_report_world(w)),
    ),
    Checked(
        "evidence pack with its inspection timeline and a figure left out",
        plan_page("evidence_pack"),
        as_user="adviser",
        setup=timeline_and_returned_figure,
    ),
    Checked("plan document", plan_page("plan_document"), as_user="parent_carer_forum"),
    Checked("timeline", plan_page("timeline"), as_user=MANAGER),
]


@pytest.mark.parametrize("checked", PAGES, ids=[p.name for p in PAGES])
def test_it_has_no_accessibility_problems(checked: Checked, page: Page, world: PlanWorld) -> None:
    if checked.setup:
        checked.setup(world)
    if checked.as_user:
        sign_in(page, checked.as_user)
    response = page.goto(checked.url(world))
    assert response is not None and response.ok, (
        f"{checked.name}: HTTP {response and response.status}"
    )
    assert_accessible(page)


def submit_empty(page: Page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def test_it_shows_form_errors_accessibly(page: Page, world: PlanWorld) -> None:
    sign_in(page, MANAGER)
    page.goto(plan_page("action_edit", action_id=lambda w: w.action.pk)(world))
    page.locator("#id_title").fill("")
    page.locator("#id_due_0").fill("31")
    page.locator("#id_due_1").fill("February")
    page.locator("#id_due_2").fill("2018")
    submit_empty(page, "Save")
    assert page.locator(".govuk-error-summary").is_visible()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter what the action is" in summary and "must be a real date" in summary
    assert_accessible(page)


def test_it_shows_the_import_check_page_accessibly(page: Page, world: PlanWorld) -> None:
    sign_in(page, MANAGER)
    page.goto(reverse("import_new"))
    page.get_by_label("Or paste the plan's text").fill(SAMPLE_TEXT)
    submit_empty(page, "Continue")
    assert "Check what was understood" in page.content()
    assert_accessible(page)


def test_a_plan_written_as_lists_is_read_as_actions_from_the_keyboard(
    page: Page, world: PlanWorld
) -> None:
    sign_in(page, MANAGER)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reverse("import_new"))
    page.get_by_label("Or paste the plan's text").fill(
        "Our priorities for 2025 to 2028\nEarly help\n"
        "- A speech and language pathway for every nursery\n- Family hubs in every locality\n"
    )
    submit_empty(page, "Continue")
    assert "We found no actions" in page.content()
    assert_accessible(page)
    button = page.get_by_role("button", name="Read list items as actions")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Read again: 2 actions (was 0)." in page.content()
    assert "Family hubs in every locality" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert_accessible(page)
    # On a phone the actions found, and the offer to read the plan as before, fit the screen.
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.get_by_role("button", name="Read the plan as before").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_newcomer_tries_a_sample_plan_in_the_browser(
    page: Page, world: PlanWorld, tmp_path: Path
) -> None:
    sign_in(page, MANAGER)
    page.goto(reverse("import_new"))
    page.get_by_text("No plan to hand? Try a published one").click()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Word file of Telford and Wrekin's SEND action plan").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    page.get_by_label("Upload a file").set_input_files(str(saved))
    submit_empty(page, "Continue")
    assert "Check what was understood" in page.content()
    assert "To develop a new SEND strategy across the local area" in page.content()
    assert_accessible(page)


@pytest.mark.parametrize("who", [MANAGER, "board_member"])
def test_it_explains_refusals_and_missing_pages_accessibly(
    page: Page, world: PlanWorld, who: str
) -> None:
    sign_in(page, who)
    response = page.goto(reverse("plan", args=[world.other_plan.pk]))
    assert response is not None and response.status == 404
    assert "Page not found" in page.content()
    assert_accessible(page)
    response = page.goto(plan_page("plan_edit")(world))
    assert response is not None
    if who == MANAGER:
        assert response.status == 200
    else:
        assert response.status == 403
        assert "You cannot do this" in page.content()
        assert_accessible(page)


def test_it_shows_date_errors_accessibly_and_links_to_the_day_box(
    page: Page, world: PlanWorld
) -> None:
    sign_in(page, MANAGER)
    page.goto(plan_page("period_open")(world))
    page.locator("#id_deadline_0").fill("31")
    page.locator("#id_deadline_1").fill("2")
    page.locator("#id_deadline_2").fill("2018")
    submit_empty(page, "Open the period")
    summary = page.locator(".govuk-error-summary")
    assert "The deadline for updates must be a real date" in summary.inner_text()
    summary.get_by_role("link", name="The deadline for updates must be a real date").click()
    assert page.evaluate("document.activeElement.id") == "id_deadline_0"
    assert_accessible(page)


@pytest.mark.parametrize("name", ["board_report", "evidence_pack", "plan_document"])
def test_it_shows_reports_with_charts_and_history_accessibly(
    page: Page, world: PlanWorld, name: str
) -> None:
    from sendplan.reports.tests import build_report_world

    build_report_world(world)
    sign_in(page, "board_member")
    url = plan_page(name)(world)
    if name == "evidence_pack":  # its charts are on the pages of its areas of weakness
        url = weakness_page(world)
    response = page.goto(url)
    assert response is not None and response.ok
    assert page.locator("svg.sendplan-chart").count() >= 1
    assert_accessible(page)
