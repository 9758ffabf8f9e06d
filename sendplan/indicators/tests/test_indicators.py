"""Indicators in the app: defining one, its trajectory, recording figures, its page and
rating. The plans and figures here are invented."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from sendplan.audit.models import AuditEvent
from sendplan.indicators import services
from sendplan.indicators.models import Indicator, IndicatorPoint
from sendplan.indicators.selectors import Rating, indicator_series, period_date
from sendplan.test import PlanWorld, date_fields

pytestmark = pytest.mark.django_db

MANAGER = "programme_manager"


def make(world: PlanWorld, **fields: object) -> Indicator:
    values: dict = {
        "name": "EHC plans issued within 20 weeks",
        "unit": "%",
        "better": "higher",
        "baseline": {"on": "2024-03", "value": 40},
        "targets": [{"on": "2025-03", "value": 60}],
        "supplier": world.lead,
        **fields,
    }
    return services.indicator_create(actor=None, plan=world.plan, **values)


def record(indicator: Indicator, on: str, value: float) -> None:
    services.indicator_actual_record(actor=None, indicator=indicator, on=on, value=value)


def test_the_trajectory_is_a_straight_line_from_the_baseline_through_each_target(
    world: PlanWorld,
) -> None:
    series = indicator_series(make(world))
    assert series.target_at(dt.date(2024, 3, 31)) == 40
    assert series.target_at(dt.date(2025, 3, 31)) == 60
    assert series.target_at(dt.date(2024, 9, 30)) == pytest.approx(50, abs=0.5)
    assert series.target_at(dt.date(2026, 1, 1)) == 60
    assert series.target_at(dt.date(2023, 1, 1)) is None


@pytest.mark.parametrize(
    ("better", "value", "rating"),
    [
        ("higher", 61, Rating.ON_TRACK),
        ("higher", 58, Rating.BEHIND),  # within 5% of 60
        ("higher", 50, Rating.OFF_TRACK),
        ("lower", 58, Rating.ON_TRACK),
        ("lower", 62.5, Rating.BEHIND),
        ("lower", 70, Rating.OFF_TRACK),
    ],
)
def test_the_rating_compares_the_latest_figure_with_the_target_on_its_date(
    world: PlanWorld, better: str, value: float, rating: Rating
) -> None:
    indicator = make(world, better=better)
    record(indicator, "2025-03", value)
    assert indicator_series(indicator).rating == rating


def test_an_indicators_own_tolerance_wins_over_the_default(world: PlanWorld) -> None:
    indicator = make(world, tolerance=15)
    record(indicator, "2025-03", 50)
    assert indicator_series(indicator).rating == Rating.BEHIND


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"better": ""}, "Say whether a higher or a lower figure is better to rate it."),
        ({"targets": []}, "Set a target trajectory to rate it."),
        ({}, "No figure has been recorded yet."),
    ],
)
def test_it_says_why_an_indicator_is_not_rated(world: PlanWorld, fields: dict, reason: str) -> None:
    series = indicator_series(make(world, **fields))
    assert series.rating == Rating.NOT_RATED
    assert series.rating_reason == reason


def test_comparator_periods_are_read_as_the_end_of_their_year() -> None:
    assert period_date("2023/24") == dt.date(2024, 8, 31)
    assert period_date("2023") == dt.date(2023, 12, 31)
    assert period_date("2024-03") == dt.date(2024, 3, 31)
    assert period_date("Spring term") is None


def test_a_manager_defines_an_indicator_then_sets_its_targets(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    response = client.post(
        reverse("indicator_add", args=[world.plan.pk]),
        {
            "name": "EHC plans issued within 20 weeks",
            "unit": "%",
            "better": "higher",
            "definition": "New EHC plans issued within 20 weeks, excluding exceptions",
            "weaknesses": [world.plan.weaknesses.get().pk],
            "actions": [world.action.pk],
            "supplier": world.lead.pk,
            "frequency": "Quarterly",
            "source": "SEN2 return",
        },
    )
    indicator = world.plan.indicators.get()
    targets_url = reverse("indicator_trajectory", args=[world.plan.pk, indicator.pk])
    assert response["Location"] == targets_url
    assert list(indicator.actions.all()) == [world.action]
    response = client.post(
        targets_url,
        {
            **date_fields("baseline_on", dt.date(2024, 3, 31)),
            "baseline_value": "40",
            "targets": "2025-03 60 Interim\n2026-03 75",
        },
    )
    assert response.status_code == 302
    series = indicator_series(indicator)
    assert [(t.on, t.value) for t in series.targets] == [("2025-03", 60), ("2026-03", 75)]
    assert series.baseline is not None and series.baseline.value == 40
    assert AuditEvent.objects.filter(plan_id=world.plan.pk, object_type__contains="indicator")


def test_a_bad_target_line_is_named_and_nothing_changes(world: PlanWorld) -> None:
    indicator = make(world)
    response = world.client_for(MANAGER).post(
        reverse("indicator_trajectory", args=[world.plan.pk, indicator.pk]),
        {"targets": "2025-03 60\nMarch 2026 seventy-five"},
    )
    assert "Line 2 of the targets: write the month as YYYY-MM" in response.content.decode()
    assert [t.value for t in indicator_series(indicator).targets] == [60]


def test_the_supplier_records_a_figure_with_a_note_and_source(world: PlanWorld) -> None:
    indicator = make(world)
    response = world.client_for("lead_officer").post(
        reverse("indicator_record", args=[world.plan.pk, indicator.pk]),
        {
            **date_fields("on", dt.date(2025, 3, 31)),
            "value": "61.5%",
            "text": "Two new coordinators started",
            "source": "SEN2 return, March 2025",
        },
    )
    assert response.status_code == 302
    point = indicator.points.get(kind=IndicatorPoint.Kind.ACTUAL)
    assert (point.on, point.value, point.source) == ("2025-03-31", 61.5, "SEN2 return, March 2025")
    assert point.recorded_by == world.users["lead_officer"]
    page = world.client_for("board_member").get(indicator.get_absolute_url()).content.decode()
    assert "On track or ahead" in page
    assert "Two new coordinators started" in page


def test_a_figure_that_is_not_a_number_is_refused_with_a_message(world: PlanWorld) -> None:
    indicator = make(world)
    response = world.client_for(MANAGER).post(
        reverse("indicator_record", args=[world.plan.pk, indicator.pk]),
        {**date_fields("on", dt.date(2025, 3, 31)), "value": "c", "text": "Kept"},
    )
    page = response.content.decode()
    assert "Enter the figure as a number, such as 46.4" in page
    assert "Kept" in page
    assert not indicator.points.filter(kind=IndicatorPoint.Kind.ACTUAL).exists()


def test_a_second_figure_for_a_period_is_kept_beside_the_first(world: PlanWorld) -> None:
    indicator = make(world)
    record(indicator, "2025-03", 50)
    record(indicator, "2025-03", 61)
    series = indicator_series(indicator)
    assert [a.value for a in series.actuals] == [61]
    assert [p.value for p in series.actuals[0].replaced] == [50]
    assert series.rating == Rating.ON_TRACK
    page = world.client_for(MANAGER).get(indicator.get_absolute_url()).content.decode()
    assert "the latest recorded counts; the earlier ones stay as they were" in page


@pytest.mark.parametrize("who", ["board_member", "parent_carer_forum", "adviser"])
def test_readers_may_not_record_or_define(world: PlanWorld, who: str) -> None:
    indicator = make(world)
    client = world.client_for(who)
    record_url = reverse("indicator_record", args=[world.plan.pk, indicator.pk])
    assert client.get(record_url).status_code == 403
    assert client.get(reverse("indicator_add", args=[world.plan.pk])).status_code == 403
    assert client.get(indicator.get_absolute_url()).status_code == 200


def test_a_lead_who_does_not_supply_it_may_not_record(world: PlanWorld) -> None:
    indicator = make(world, supplier=None)
    url = reverse("indicator_record", args=[world.plan.pk, indicator.pk])
    assert world.client_for("lead_officer").get(url).status_code == 403


def test_outsiders_get_a_404(world: PlanWorld) -> None:
    indicator = make(world)
    client = world.client_for("outsider")
    assert client.get(indicator.get_absolute_url()).status_code == 404
    assert client.get(reverse("indicators", args=[world.plan.pk])).status_code == 404


def test_the_page_shows_the_chart_the_figures_table_and_linked_actions(
    world: PlanWorld,
) -> None:
    indicator = make(
        world,
        actions=[world.action],
        comparators=[{"name": "England", "value": 46.4, "on": "2024-03"}],
    )
    record(indicator, "2024-09", 47)
    page = world.client_for(MANAGER).get(indicator.get_absolute_url()).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="sendplan-chart" role="img"' in page
    assert f'aria-describedby="figures-{indicator.pk}"' in page
    assert f'<table class="govuk-table" id="figures-{indicator.pk}">' in page
    assert ">England</th>" in page
    assert "Off track" in page  # 47 against about 50 on the line
    assert world.action.get_absolute_url() in page
    listing = world.client_for(MANAGER).get(reverse("indicators", args=[world.plan.pk]))
    assert "Off track" in listing.content.decode()


def test_a_manager_adds_an_indicator_from_the_library_in_one_step(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    page = client.get(reverse("indicator_library", args=[world.plan.pk])).content.decode()
    assert "EHC plans issued within 20 weeks" in page
    assert "pc_plans_issued_20_weeks_ex" in page
    response = client.post(reverse("indicator_library_add", args=[world.plan.pk, "ehcp-20-weeks"]))
    indicator = world.plan.indicators.get()
    assert response["Location"] == reverse(
        "indicator_trajectory", args=[world.plan.pk, indicator.pk]
    )
    assert (indicator.name, indicator.unit, indicator.better) == (
        "EHC plans issued within 20 weeks",
        "%",
        "higher",
    )
    page = client.get(reverse("indicator_library", args=[world.plan.pk])).content.decode()
    assert "This plan already has an indicator of this name." in page


def test_only_managers_use_the_library(world: PlanWorld) -> None:
    url = reverse("indicator_library_add", args=[world.plan.pk, "ehcp-20-weeks"])
    assert world.client_for("lead_officer").post(url).status_code == 403
    assert not world.plan.indicators.exists()
