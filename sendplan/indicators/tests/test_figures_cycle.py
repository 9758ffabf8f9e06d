"""Indicator figures in the monitoring cycle: owed each period by their supplier, reminded,
reviewed, locked at sign-off and corrected beside the original. The figures are invented."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from sendplan.indicators import services
from sendplan.indicators.models import Indicator, IndicatorPoint
from sendplan.indicators.selectors import FigureState, indicator_series, period_figures
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import Period
from sendplan.monitoring.reminders import send_reminders
from sendplan.plans import services as plans
from sendplan.plans.services import PlanRuleError
from sendplan.test import PlanWorld, open_period

pytestmark = pytest.mark.django_db

MANAGER = "programme_manager"
LEAD = "lead_officer"


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def make(world: PlanWorld, **fields: object) -> Indicator:
    """An indicator supplied by Helen Hill, the lead officer."""
    values: dict = {
        "name": "EHC plans issued within 20 weeks",
        "unit": "%",
        "better": "higher",
        "baseline": {"on": "2018-03", "value": 40},
        "targets": [{"on": "2018-09-30", "value": 50}],
        "supplier": world.lead,
        **fields,
    }
    return services.indicator_create(actor=None, plan=world.plan, **values)


def record_url(world: PlanWorld, indicator: Indicator, period: Period) -> str:
    url = reverse("indicator_record", args=[world.plan.pk, indicator.pk])
    return f"{url}?period={period.pk}"


def send(client: Client, world: PlanWorld, indicator: Indicator, period: Period, **data: str):
    fields = {"period": str(period.pk), "value": "47.5", "text": "", "source": "SEN2", **data}
    return client.post(record_url(world, indicator, period), fields)


def review(client: Client, world: PlanWorld, point: IndicatorPoint, decision: str, comment=""):
    url = reverse("figure_review", args=[world.plan.pk, point.indicator_id, point.pk])
    return client.post(url, {"decision": decision, "comment": comment})


def newest(indicator: Indicator) -> IndicatorPoint:
    return indicator.points.filter(kind="actual").latest("position")


# Owed


def test_an_open_period_asks_each_supplied_indicator_for_its_figure(world: PlanWorld) -> None:
    supplied = make(world)
    make(world, name="Tribunal appeal rate", supplier=None)
    period = open_period(world)

    page = html(world.client_for(LEAD).get(reverse("my_actions")))
    assert "Indicator figures you supply" in page
    assert 'Record the figure<span class="govuk-visually-hidden"> for</span>: EHC plans' in page
    assert record_url(world, supplied, period) in page
    assert "Tribunal appeal rate" not in page

    page = html(world.client_for(MANAGER).get(reverse("period", args=[world.plan.pk, period.pk])))
    assert "Indicator figures for Sep 18" in page
    assert "1 asked for" in page and "0 received" in page and "1 missing</a>" in page


def test_a_person_who_only_supplies_figures_sees_them_and_nothing_else(world: PlanWorld) -> None:
    plans.action_update(actor=None, action=world.action, leads=[])
    make(world)
    open_period(world)
    page = html(world.client_for(LEAD).get(reverse("my_actions")))
    assert "EHC plans issued within 20 weeks" in page
    assert "Nothing is due from you" not in page


def test_the_figure_takes_the_periods_date_when_none_is_given(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    response = send(world.client_for(LEAD), world, indicator, period)
    assert response.status_code == 302 and response["Location"] == reverse("my_actions")
    point = newest(indicator)
    assert (point.on, point.value, point.period, point.source) == (
        "2018-09-30",
        47.5,
        period,
        "SEN2",
    )


def test_a_figure_for_no_period_needs_its_date(world: PlanWorld) -> None:
    indicator = make(world)
    open_period(world)
    url = reverse("indicator_record", args=[world.plan.pk, indicator.pk])
    response = world.client_for(LEAD).post(url, {"period": "", "value": "47"})
    assert response.status_code == 200
    assert "Enter the date the figure is for" in html(response)
    assert not indicator.points.filter(kind="actual").exists()


# Reviewed


def test_a_suppliers_figure_waits_for_review_and_a_manager_approves_it(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    send(world.client_for(LEAD), world, indicator, period)
    point = newest(indicator)
    assert "Waiting for review" in html(world.client_for(LEAD).get(reverse("my_actions")))

    manager = world.client_for(MANAGER)
    page = html(manager.get(reverse("period", args=[world.plan.pk, period.pk])))
    assert "1 received" in page and "1 waiting for review</a>" in page
    assert reverse("figure_review", args=[world.plan.pk, indicator.pk, point.pk]) in page
    response = review(manager, world, point, "approved")
    assert response.status_code == 302
    assert period_figures(period)[0].state == FigureState.APPROVED
    assert "Approved" in html(world.client_for(LEAD).get(reverse("my_actions")))


def test_a_returned_figure_goes_back_to_its_supplier_with_the_reason(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    lead = world.client_for(LEAD)
    send(lead, world, indicator, period, value="4.75")
    review(
        world.client_for(MANAGER), world, newest(indicator), "returned", "Out by a factor of 10?"
    )

    page = html(lead.get(reverse("my_actions")))
    assert "Returned to you" in page and "Out by a factor of 10?" in page
    assert "Change the figure" in page
    form = html(lead.get(record_url(world, indicator, period)))
    assert "Your figure for Sep 18 was returned" in form and "Out by a factor of 10?" in form
    assert 'value="4.75"' in form

    send(lead, world, indicator, period, value="47.5")
    figure = period_figures(period)[0]
    assert figure.state == FigureState.SUBMITTED and figure.point is not None
    assert figure.point.value == 47.5
    assert [p.value for p in figure.earlier] == [4.75]  # the returned figure is kept


def test_returning_a_figure_needs_a_reason(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    send(world.client_for(LEAD), world, indicator, period)
    response = review(world.client_for(MANAGER), world, newest(indicator), "returned")
    assert response.status_code == 200
    assert "Enter the reason for returning the figure" in html(response)
    assert period_figures(period)[0].state == FigureState.SUBMITTED


def test_only_programme_managers_review_figures(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    send(world.client_for(LEAD), world, indicator, period)
    assert review(world.client_for(LEAD), world, newest(indicator), "approved").status_code == 403
    other = world.client_for("outsider")
    assert review(other, world, newest(indicator), "approved").status_code == 404


def test_a_managers_own_figure_needs_no_review(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    response = send(world.client_for(MANAGER), world, indicator, period)
    assert response.status_code == 302 and response["Location"] == indicator.get_absolute_url()
    assert period_figures(period)[0].state == FigureState.RECORDED


# Reminded


def test_suppliers_are_reminded_of_figures_they_owe(world: PlanWorld) -> None:
    plans.action_update(actor=None, action=world.action, leads=[])
    user = world.users[LEAD]
    user.email = "helen.hill@testshire.gov.uk"
    user.save()
    manager = world.users[MANAGER]
    manager.email = "pm@testshire.gov.uk"
    manager.save()
    make(world, ref="5.1")
    open_period(world)

    result = send_reminders(today=dt.date(2018, 10, 6))
    assert len(result.sent) == 2
    supplier_mail = next(m for m in mail.outbox if m.to == ["helen.hill@testshire.gov.uk"])
    assert supplier_mail.subject == "Figures for Sep 18 are due by 7 October 2018"
    assert "5.1 EHC plans issued within 20 weeks" in supplier_mail.body
    digest = next(m for m in mail.outbox if m.to == ["pm@testshire.gov.uk"])
    assert "1 indicator figures for Sep 18 due soon" in digest.subject
    assert "helen.hill@testshire.gov.uk:\n- 5.1 EHC plans" in digest.body


def test_a_figure_sent_for_review_is_not_chased(world: PlanWorld) -> None:
    user = world.users[LEAD]
    user.email = "helen.hill@testshire.gov.uk"
    user.save()
    indicator = make(world)
    period = open_period(world)
    send(world.client_for(LEAD), world, indicator, period)
    send_reminders(today=dt.date(2018, 10, 6))
    to_helen = [m for m in mail.outbox if m.to == ["helen.hill@testshire.gov.uk"]]
    assert [m.subject for m in to_helen] == ["Updates for Sep 18 are due by 7 October 2018"]
    assert "EHC plans" not in to_helen[0].body


# Locked at sign-off


def test_sign_off_names_missing_figures_and_waits_for_those_in_review(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    manager = world.client_for(MANAGER)
    url = reverse("period_sign_off", args=[world.plan.pk, period.pk])

    page = html(manager.get(url))
    assert "Indicator figures not recorded: 1" in page
    page = html(manager.post(url, {"reason": ""}))
    assert "1 indicator figure not recorded" in page
    assert "Say why Sep 18 is being signed off anyway" in page

    send(world.client_for(LEAD), world, indicator, period)
    page = html(manager.post(url, {"reason": "The board met"}))
    assert "1 indicator figure is waiting for review" in page
    period.refresh_from_db()
    assert not period.is_locked


def test_a_signed_off_figure_cannot_be_changed_only_corrected_beside_it(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    send(world.client_for(LEAD), world, indicator, period, value="47.5")
    original = newest(indicator)
    manager_user = world.users[MANAGER]
    services.figure_review(actor=manager_user, point=original, decision="approved")
    monitoring.period_sign_off(actor=manager_user, period=period, reason="Updates missing")

    # Not again for the period, nor for its date, nor deleted.
    lead = world.client_for(LEAD)
    response = lead.get(record_url(world, indicator, period), follow=True)
    assert "That period is not open, so it takes no figures" in html(response)
    url = reverse("indicator_record", args=[world.plan.pk, indicator.pk])
    response = world.client_for(MANAGER).post(
        url, {"on_day": "30", "on_month": "9", "on_year": "2018", "value": "60"}
    )
    assert "belongs to Sep 18, which has been signed off, so it is locked" in html(response)
    with pytest.raises(PlanRuleError):
        services.figure_submit(
            actor=manager_user, indicator=indicator, period=period, value=60, reviewed=True
        )
    with pytest.raises(ValueError):
        original.delete()
    with pytest.raises(ValueError):
        original.save()

    # A correction stands beside the original, with its reason, and counts from now on.
    manager = world.client_for(MANAGER)
    correct = reverse("figure_correct", args=[world.plan.pk, indicator.pk, original.pk])
    assert "Enter the reason for the correction" in html(manager.post(correct, {"value": "45"}))
    response = manager.post(correct, {"value": "45", "reason": "SEN2 was revised in November"})
    assert response.status_code == 302
    page = html(manager.get(indicator.get_absolute_url()))
    assert "47.5" in page
    assert "<strong>Correction of 47.5:</strong> SEN2 was revised in November" in page
    assert indicator_series(indicator).latest.value == 45  # type: ignore[union-attr]
    assert IndicatorPoint.objects.get(pk=original.pk).value == 47.5


def test_only_a_signed_off_figure_is_corrected(world: PlanWorld) -> None:
    indicator = make(world)
    period = open_period(world)
    send(world.client_for(LEAD), world, indicator, period)
    correct = reverse("figure_correct", args=[world.plan.pk, indicator.pk, newest(indicator).pk])
    response = world.client_for(MANAGER).post(correct, {"value": "45", "reason": "Typo"})
    assert "Only figures of a signed-off period are corrected" in html(response)
    assert world.client_for(LEAD).get(correct).status_code == 403


# What the reports rely on


def test_a_settled_series_counts_only_figures_approved_or_recorded_by_a_manager(
    world: PlanWorld,
) -> None:
    indicator = make(world)
    manager = world.users[MANAGER]
    services.indicator_actual_record(actor=manager, indicator=indicator, on="2018-08", value=44)
    period = open_period(world)
    lead = world.users[LEAD]

    def settled() -> tuple[float | None, list[str]]:
        series = indicator_series(Indicator.objects.get(pk=indicator.pk), settled=True)
        return series.latest.value if series.latest else None, [f.words for f in series.left_out]

    sent = services.figure_submit(
        actor=lead, indicator=indicator, period=period, value=47.5, reviewed=False
    )
    assert settled() == (44, ["30 September 2018"])
    assert indicator_series(indicator).latest.value == 47.5  # type: ignore[union-attr]
    services.figure_review(actor=manager, point=sent, decision="returned", comment="Check it")
    assert settled() == (44, ["30 September 2018"])
    again = services.figure_submit(
        actor=lead, indicator=indicator, period=period, value=49, reviewed=False
    )
    assert settled() == (44, ["30 September 2018"])
    services.figure_review(actor=manager, point=again, decision="approved")
    assert settled() == (49, [])
