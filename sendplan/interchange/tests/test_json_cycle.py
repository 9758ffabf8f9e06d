"""The monitoring cycle's record survives export and import: who reviewed what, corrections,
changes of due date, the forum's commentary, which periods are signed off, and the indicator
figures each period was given, with their reviews and corrections."""

from __future__ import annotations

from typing import Any

import pytest

from sendplan.indicators import services as indicators
from sendplan.indicators.selectors import figure_state
from sendplan.indicators.services import indicator_create
from sendplan.interchange.jsonformat import export_plan, import_plan
from sendplan.interchange.tests.test_json_validation import refused, small_plan, the_action
from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import StatusUpdate
from sendplan.monitoring.services import update_state
from sendplan.plans.services import PlanRuleError
from sendplan.test import PlanWorld, open_period, sign_off_cycle


def test_it_carries_a_signed_off_cycle_into_a_new_plan_still_locked(world: PlanWorld) -> None:
    cycle = sign_off_cycle(world)
    monitoring.update_correct(
        actor=world.users["programme_manager"],
        update=cycle.submitted,
        reason="Wrong status given",
        status="R",
    )
    copy = import_plan(export_plan(world.plan), actor=None, area_name="Copyshire")
    period = copy.periods.get(label="Sep 18")
    assert period.is_locked and period.signed_off_by_name == "Programme manager (programme_manager)"
    assert sorted(period.requests.values_list("action__ref", flat=True)) == ["1.1.1", "1.1.2"]
    original, correction = StatusUpdate.objects.filter(period=period).order_by("sequence")
    assert update_state(original) == "approved"
    assert (correction.corrects, correction.reason) == (original, "Wrong status given")
    action = copy.sections.get(ref="1.1").actions.get(ref="1.1.1")
    change = action.due_changes.get()
    assert (change.state, change.due_text, change.proposed_by_name) == (
        "proposed",
        "December 2018",
        "Lead officer (lead_officer)",
    )
    assert action.forum_comments.get().text.startswith("Parents have not yet seen")
    with pytest.raises(PlanRuleError, match="signed off"):
        monitoring.status_update_record(actor=None, action=action, period=period, status="G")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, place, problem",
    [
        ({"corrects": 3}, "updates[0] → corrects", "an earlier update"),
        ({"needs_review": "yes"}, "updates[0] → needs_review", "should be true or false"),
        (
            {"reviews": [{"decision": "maybe"}]},
            "reviews[0] → decision",
            "should be one of approved, returned",
        ),
        (
            {"reviews": [{"decision": "approved", "at": "yesterday"}]},
            "reviews[0] → at",
            "is not a date and time with its time zone",
        ),
    ],
)
def test_it_names_the_place_of_a_bad_review_or_correction(
    change: dict[str, Any], place: str, problem: str
) -> None:
    document = small_plan()
    the_action(document)["updates"][0].update(change)
    problems = "\n".join(refused(document))
    assert place in problems and problem in problems


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value, place, problem",
    [
        ("requested_in", ["Dec 99"], "requested_in[0]", "is not the label of any period"),
        (
            "due_changes",
            [{"state": "approved", "reason": ""}],
            "due_changes[0] → reason",
            "needs its reason",
        ),
        (
            "due_changes",
            [{"state": "done", "reason": "Slipped", "to": "May"}],
            "due_changes[0] → state",
            "should be one of proposed, approved, rejected",
        ),
        (
            "forum_comments",
            [{"text": "Families disagree", "period": "Dec 99"}],
            "forum_comments[0] → period",
            "is not the label of any period",
        ),
    ],
)
def test_it_names_the_place_of_a_bad_date_change_or_comment(
    field: str, value: object, place: str, problem: str
) -> None:
    document = small_plan()
    the_action(document)[field] = value
    problems = "\n".join(refused(document))
    assert place in problems and problem in problems


@pytest.mark.django_db
def test_it_refuses_a_period_signed_off_without_being_opened() -> None:
    document = small_plan()
    document["plan"]["periods"][0]["signed_off_at"] = "2018-04-20T15:30:00+00:00"
    problems = "\n".join(refused(document))
    assert "a period must have been opened to be signed off" in problems


def test_it_carries_indicator_figures_with_their_period_review_and_correction(
    world: PlanWorld,
) -> None:
    lead, manager = world.users["lead_officer"], world.users["programme_manager"]
    indicator = indicator_create(
        actor=None, plan=world.plan, name="EHC plans issued within 20 weeks", supplier=world.lead
    )
    period = open_period(world)
    returned = indicators.figure_submit(
        actor=lead, indicator=indicator, period=period, value=4.75, reviewed=False
    )
    indicators.figure_review(actor=manager, point=returned, decision="returned", comment="x10?")
    sent = indicators.figure_submit(
        actor=lead, indicator=indicator, period=period, value=47.5, reviewed=False
    )
    indicators.figure_review(actor=manager, point=sent, decision="approved")
    monitoring.period_sign_off(actor=manager, period=period, reason="Updates missing")
    indicators.figure_correct(actor=manager, point=sent, value=45, reason="SEN2 revised")

    document = export_plan(world.plan)
    actuals = document["plan"]["indicators"][0]["actuals"]
    assert [(a["period"], a["value"], a.get("corrects")) for a in actuals] == [
        ("Sep 18", 4.75, None),
        ("Sep 18", 47.5, None),
        ("Sep 18", 45, 1),
    ]
    assert actuals[0]["needs_review"] is True
    assert actuals[0]["reviews"][0]["comment"] == "x10?"
    assert actuals[2]["reason"] == "SEN2 revised"

    copy = import_plan(document, actor=None, area_name="Copyshire")
    period = copy.periods.get(label="Sep 18")
    first, second, correction = period.figures.order_by("position")
    assert [figure_state(p).value for p in (first, second, correction)] == [
        "returned",
        "approved",
        "recorded",
    ]
    assert (correction.corrects, correction.reason) == (second, "SEN2 revised")
    with pytest.raises(PlanRuleError, match="signed off"):
        indicators.indicator_actual_record(
            actor=None, indicator=first.indicator, period=period, value=50
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "figure, place, problem",
    [
        ({"period": "Dec 99"}, "actuals[0] → period", "is not the label of any period"),
        ({"corrects": 0}, "actuals[0] → corrects", "an earlier figure"),
        ({"needs_review": "yes"}, "actuals[0] → needs_review", "should be true or false"),
        (
            {"reviews": [{"decision": "maybe"}]},
            "actuals[0] → reviews[0] → decision",
            "should be one of approved, returned",
        ),
    ],
)
def test_it_names_the_place_of_a_bad_figure(
    figure: dict[str, Any], place: str, problem: str
) -> None:
    document = small_plan()
    document["plan"]["indicators"] = [
        {"name": "Tribunal rate", "actuals": [{"value": 6, **figure}]}
    ]
    problems = "\n".join(refused(document))
    assert place in problems and problem in problems
