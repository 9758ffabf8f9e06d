"""Plan health checks, rule by rule, on small invented plans."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from sendplan.indicators import services as indicators
from sendplan.indicators.models import IndicatorPoint
from sendplan.monitoring import services as monitoring
from sendplan.plans import services
from sendplan.plans.health import Health, Severity, plan_health
from sendplan.plans.models import Action, Person, Plan, Section
from sendplan.plans.services import MeasureData
from sendplan.test import PlanWorld

pytestmark = pytest.mark.django_db


class Invented:
    """An invented plan that passes every check; each test breaks one thing."""

    def __init__(self) -> None:
        area = services.area_get_or_create(actor=None, name="Inventedshire")
        self.plan: Plan = services.plan_create(
            actor=None, area=area, title="Invented plan", issued_on="2024-01"
        )
        monitoring.period_create(actor=None, plan=self.plan, label="Dec 25", ends_on="2025-12-31")
        self.lead: Person = services.person_create(
            actor=None, plan=self.plan, key="AL", name="Ann Lead", email="ann@example.org"
        )
        self.weakness = services.weakness_create(
            actor=None, plan=self.plan, ref="1", text="Plans are issued late"
        )
        self.section: Section = services.section_create(
            actor=None, plan=self.plan, ref="1", title="Timely plans", weaknesses=[self.weakness]
        )
        self.action = self.add_action("1.1")
        self.indicator = indicators.indicator_create(
            actor=None,
            plan=self.plan,
            name="Plans issued within 20 weeks",
            better="higher",
            weaknesses=[self.weakness],
            baseline={"on": "2024-01", "value": 40},
            targets=[{"on": "2025-12", "value": 60}],
            actuals=[{"on": "2025-12", "value": 61}],
        )

    def add_action(self, ref: str, section: Section | None = None, **fields: object) -> Action:
        values: dict = {
            "leads": [self.lead],
            "due": "2024-06",
            "measures": [MeasureData(text="80% of plans issued within 20 weeks")],
            **fields,
        }
        return services.action_create(
            actor=None, section=section or self.section, ref=ref, title=f"Action {ref}", **values
        )

    def health(self) -> Health:
        return plan_health(self.plan)

    def codes(self) -> list[str]:
        return [f.code for f in self.health().findings]


@pytest.fixture
def invented() -> Invented:
    return Invented()


def test_it_finds_nothing_wrong_with_a_sound_plan(invented: Invented) -> None:
    assert invented.health().findings == []


def test_it_flags_an_action_with_no_lead_as_a_problem(invented: Invented) -> None:
    action = invented.add_action("1.2", leads=[])
    [finding] = invented.health().findings
    assert finding.severity == Severity.ERROR
    assert finding.message == "Action 1.2 has no lead."
    assert finding.url == reverse("action_edit", args=[invented.plan.pk, action.pk])


def test_it_warns_of_a_lead_written_down_but_not_one_of_the_plans_people(
    invented: Invented,
) -> None:
    invented.add_action("1.2", leads=[], lead_text="Head of SEND")
    [finding] = invented.health().findings
    assert finding.severity == Severity.WARNING
    assert "led by “Head of SEND”, who is not one of the plan's people" in finding.message


def test_it_warns_of_an_action_with_no_due_date(invented: Invented) -> None:
    invented.add_action("1.2", due="")
    assert invented.codes() == ["no-due-date"]


def test_a_due_date_written_in_words_is_not_missing(invented: Invented) -> None:
    invented.add_action("1.2", due="", due_text="Termly")
    assert invented.codes() == []


def test_it_warns_of_due_dates_before_the_plan_or_after_its_last_period(
    invented: Invented,
) -> None:
    invented.add_action("1.2", due="2023-11")
    invented.add_action("1.3", due="2026-03")
    messages = [f.message for f in invented.health().findings]
    assert messages == [
        "Action 1.2 is due November 2023, before the plan was issued (January 2024).",
        "Action 1.3 is due March 2026, after the plan's last monitoring period ends "
        "(December 2025).",
    ]


def test_it_warns_of_an_action_with_no_measure_of_success(invented: Invented) -> None:
    invented.add_action("1.2", measures=[])
    assert invented.codes() == ["no-measure"]


def test_evidence_of_impact_counts_as_a_measure(invented: Invented) -> None:
    invented.add_action("1.2", measures=[], evidence_of_impact="Fewer complaints")
    assert invented.codes() == []


@pytest.mark.parametrize(
    "text",
    ["Improved outcomes for children", "Better joint working", "Parents feel listened to"],
)
def test_it_warns_of_a_measure_with_nothing_measurable(invented: Invented, text: str) -> None:
    invented.add_action("1.2", measures=[MeasureData(text=text)])
    [finding] = invented.health().findings
    assert finding.code == "measure-not-measurable"
    assert f"the measure “{text}” has no number, date or change that could be counted" in (
        finding.message
    )


@pytest.mark.parametrize(
    "text",
    [
        "Fewer exclusions of pupils with an EHC plan",
        "Strategy approved by March 2025",
        "Waiting times reduced to 18 weeks",
        "All schools trained",
    ],
)
def test_a_measure_with_a_number_date_or_change_is_measurable(
    invented: Invented, text: str
) -> None:
    invented.add_action("1.2", measures=[MeasureData(text=text)])
    assert invented.codes() == []


def test_a_measure_with_its_own_date_is_measurable(invented: Invented) -> None:
    invented.add_action("1.2", measures=[MeasureData(text="Strategy agreed", due="2025-03")])
    assert invented.codes() == []


def test_it_flags_a_weakness_that_nothing_answers(invented: Invented) -> None:
    services.weakness_create(actor=None, plan=invented.plan, ref="2", text="Parents not heard")
    [finding, no_indicator] = invented.health().findings
    assert no_indicator.code == "weakness-no-indicator"
    assert finding.severity == Severity.ERROR
    assert finding.message == (
        "Area of weakness 2 (“Parents not heard”) is not answered by any section or action."
    )
    weakness = invented.plan.weaknesses.get(ref="2")
    assert (
        finding.url == reverse("weaknesses", args=[invented.plan.pk]) + f"#weakness-{weakness.pk}"
    )


def test_it_warns_of_a_plan_with_actions_but_no_weaknesses(invented: Invented) -> None:
    invented.weakness.delete()
    [finding] = invented.health().findings
    assert finding.message.startswith("The plan records no areas of weakness")


def test_it_warns_of_an_action_that_answers_no_weakness(invented: Invented) -> None:
    other = services.section_create(actor=None, plan=invented.plan, ref="2", title="Other work")
    invented.add_action("2.1", section=other)
    [finding] = invented.health().findings
    assert finding.code == "action-answers-nothing"
    assert finding.url == reverse("section_edit", args=[invented.plan.pk, other.pk])


def test_an_action_answers_what_the_sections_above_it_answer(invented: Invented) -> None:
    child = services.section_create(
        actor=None, plan=invented.plan, parent=invented.section, ref="1A", title="Sub"
    )
    invented.add_action("1A.1", section=child)
    assert invented.codes() == []


def test_it_flags_repeated_refs_and_cross_references_to_nothing(invented: Invented) -> None:
    invented.add_action("1.1")
    invented.add_action("1.3", see_also=["1.1", "1", "9.9"])
    health = invented.health()
    assert [f.code for f in health.findings] == ["repeated-ref", "repeated-ref", "see-also-missing"]
    assert health.findings[0].message.startswith("Ref 1.1 is used by 2 actions")
    assert health.findings[2].message == (
        "Action 1.3 says “see 9.9”, but no action or section has the ref 9.9."
    )


@override_settings(HEALTH_MAX_OPEN_ACTIONS=2)
def test_it_warns_of_a_lead_with_more_open_actions_than_the_limit(invented: Invented) -> None:
    invented.add_action("1.2")
    assert invented.codes() == []
    invented.add_action("1.3")
    [finding] = invented.health().findings
    assert finding.message == "Ann Lead leads 3 actions that are not done, more than 2."


@override_settings(HEALTH_MAX_OPEN_ACTIONS=1)
def test_finished_actions_do_not_count_towards_a_leads_load(invented: Invented) -> None:
    services.status_level_create(actor=None, plan=invented.plan, code="B", label="Done", done=True)
    period = invented.plan.periods.get()
    done = invented.add_action("1.2")
    monitoring.status_update_record(actor=None, action=done, period=period, status="B")
    assert invented.codes() == []


def test_it_warns_of_a_lead_with_no_email_but_not_of_bystanders(invented: Invented) -> None:
    services.person_create(actor=None, plan=invented.plan, key="BY", name="Bystander")
    nomail = services.person_create(actor=None, plan=invented.plan, key="NM", name="No Mail")
    invented.add_action("1.2", leads=[nomail])
    [finding] = invented.health().findings
    assert finding.message == "No Mail has no email address, so cannot be sent reminders."
    assert finding.url == reverse("person_edit", args=[invented.plan.pk, nomail.pk])


def test_the_coverage_matrix_counts_answering_actions_per_top_section(
    invented: Invented,
) -> None:
    second = services.weakness_create(actor=None, plan=invented.plan, ref="2", text="Voice")
    other = services.section_create(
        actor=None, plan=invented.plan, ref="2", title="Voice", weaknesses=[second]
    )
    invented.add_action("2.1", section=other)
    invented.add_action("2.2", section=other)
    coverage = invented.health().coverage
    assert coverage.sections == [invented.section, other]
    assert [(w.ref, cells) for w, cells in coverage.rows] == [("1", [1, None]), ("2", [None, 2])]


def test_the_page_lists_findings_with_links_to_fix_them(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    response = client.get(reverse("plan_health", args=[world.plan.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Plan health</h1>' in page
    # The world's second action has no lead and no measure.
    assert "Action 1.1.2 has no lead." in page
    edit = reverse("action_edit", args=[world.plan.pk, world.other_action.pk])
    assert f'<a class="govuk-link" href="{edit}">Add a lead</a>' in page
    assert "Problem</strong>" in page


def test_readers_see_the_findings_without_edit_links(world: PlanWorld) -> None:
    response = world.client_for("board_member").get(reverse("plan_health", args=[world.plan.pk]))
    page = response.content.decode()
    assert "Action 1.1.2 has no lead." in page
    assert "Add a lead (a programme manager can do this)" in page
    assert reverse("action_edit", args=[world.plan.pk, world.other_action.pk]) not in page


def test_outsiders_get_a_404(world: PlanWorld) -> None:
    response = world.client_for("outsider").get(reverse("plan_health", args=[world.plan.pk]))
    assert response.status_code == 404


def test_the_overview_summarises_health_and_links_to_it(world: PlanWorld) -> None:
    page = world.client_for("programme_manager").get(reverse("plan", args=[world.plan.pk]))
    text = page.content.decode()
    health = plan_health(world.plan)
    assert f"Plan health: <strong>{len(health.errors)} problem" in text
    assert reverse("plan_health", args=[world.plan.pk]) in text


def test_the_overviews_summary_is_kept_until_the_plan_changes(world: PlanWorld) -> None:
    """The summary's counts are worked out once per change to the plan, never shown stale."""
    manager = world.client_for("programme_manager")

    def problems() -> int:
        text = manager.get(reverse("plan", args=[world.plan.pk])).content.decode()
        return int(text.split("Plan health: <strong>")[1].split(" problem")[0])

    before = problems()
    assert problems() == before
    section = Section.objects.filter(plan=world.plan).first()
    assert section is not None
    services.action_create(actor=None, section=section, title="Publish the new offer", ref="9.9")
    assert problems() == before + 1  # a new action with no lead


def test_the_command_prints_findings_and_fails_on_problems(world: PlanWorld) -> None:
    out = io.StringIO()
    with pytest.raises(CommandError, match="has 1 problem"):
        call_command("check_plan", plan=world.plan.pk, stdout=out)
    assert "PROBLEM: Action 1.1.2 has no lead." in out.getvalue()


def test_the_command_succeeds_on_a_plan_with_only_warnings(invented: Invented) -> None:
    invented.add_action("1.2", due="")
    out = io.StringIO()
    call_command("check_plan", plan=invented.plan.pk, stdout=out)
    assert "0 problems, 1 warning" in out.getvalue()


def test_the_command_names_a_plan_that_does_not_exist(db: None) -> None:
    with pytest.raises(CommandError, match="There is no plan number 999"):
        call_command("check_plan", plan=999)


def test_it_warns_of_a_plan_with_no_indicators(invented: Invented) -> None:
    invented.indicator.delete()
    [finding] = invented.health().findings
    assert finding.message == (
        "The plan has no indicators, so nothing shows the difference it makes."
    )
    assert finding.url == reverse("indicator_library", args=[invented.plan.pk])


def test_it_warns_of_an_indicator_with_no_baseline_targets_or_recent_figure(
    invented: Invented,
) -> None:
    invented.indicator.points.all().delete()
    health = invented.health()
    [finding] = health.findings
    assert finding.message == (
        "The indicator “Plans issued within 20 weeks” has no baseline, no targets and no "
        "figure for Dec 25. It cannot be rated without targets."
    )
    assert finding.url == reverse(
        "indicator_trajectory", args=[invented.plan.pk, invented.indicator.pk]
    )


def test_an_indicator_missing_only_its_figure_links_to_recording_it(invented: Invented) -> None:
    invented.indicator.points.filter(kind=IndicatorPoint.Kind.ACTUAL).delete()
    [finding] = invented.health().findings
    assert finding.message.endswith("has no figure for Dec 25.")
    assert finding.url == reverse(
        "indicator_record", args=[invented.plan.pk, invented.indicator.pk]
    )


def test_a_yearly_indicator_needs_a_figure_in_the_last_year_only(invented: Invented) -> None:
    monitoring.period_create(actor=None, plan=invented.plan, label="Mar 26", ends_on="2026-03-31")
    assert invented.codes() == ["indicator-incomplete"]
    indicators.indicator_update(actor=None, indicator=invented.indicator, frequency="Yearly")
    assert invented.codes() == []
    assert invented.indicator.points.filter(kind=IndicatorPoint.Kind.ACTUAL).count() == 1


def test_it_warns_of_a_weakness_no_indicator_evidences(invented: Invented) -> None:
    indicators.indicator_update(actor=None, indicator=invented.indicator, weaknesses=[])
    [finding] = invented.health().findings
    assert finding.message == (
        "Area of weakness 1 (“Plans are issued late”) has no indicator to show whether it is "
        "improving."
    )
