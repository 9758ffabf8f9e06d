"""The inspection a plan answers, and the dates that follow it, counted down on the plan's
pages and the home page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sendplan.plans import services
from sendplan.plans.models import KeyDate
from sendplan.test import PlanWorld, date_fields


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_manager_puts_dates_on_the_timeline_and_everyone_sees_the_next_counted_down(
    world: PlanWorld,
) -> None:
    today = timezone.localdate()
    manager = world.client_for("programme_manager")
    url = reverse("inspection", args=[world.plan.pk])
    soon = today + dt.timedelta(days=12)
    response = manager.post(
        url,
        {
            "kind": KeyDate.Kind.JOINT_REVIEW,
            **date_fields("on", soon),
            "note": "Six-month review with DfE and NHS England",
        },
    )
    assert response.status_code == 302
    later = today + dt.timedelta(days=200)
    manager.post(url, {"kind": KeyDate.Kind.MONITORING, "on_month": str(later.month),
                       "on_year": str(later.year)})  # fmt: skip
    manager.post(url, {"kind": KeyDate.Kind.INSPECTION, **date_fields("on", dt.date(2017, 11, 27))})
    page = text(manager.get(url).content.decode())
    assert "Six-month review with DfE and NHS England" in page and "In 12 days" in page
    assert "Monitoring inspection expected" in page and "Passed" in page
    # The next date, on the overview and the home page, for anyone with a role in the area.
    board = world.client_for("board_member")
    overview = text(board.get(reverse("plan", args=[world.plan.pk])).content.decode())
    assert "Next on the inspection timeline" in overview
    assert "Six-month review with DfE and NHS England" in overview and "(in 12 days)" in overview
    home = text(board.get(reverse("home")).content.decode())
    assert "Next: Six-month review with DfE and NHS England in 12 days" in home
    # Only programme managers add dates; the page says nothing of adding to others.
    assert "Add a date" not in text(board.get(url).content.decode())
    assert (
        board.post(url, {"kind": KeyDate.Kind.OTHER, **date_fields("on", soon)}).status_code == 403
    )


def test_a_date_that_is_not_a_date_is_refused_in_words_and_nothing_is_saved(
    world: PlanWorld,
) -> None:
    manager = world.client_for("programme_manager")
    url = reverse("inspection", args=[world.plan.pk])
    response = manager.post(url, {"kind": KeyDate.Kind.PLAN_DUE, "on_day": "31", "on_month": "2",
                                  "on_year": "2027"})  # fmt: skip
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert (
        manager.post(url, {"kind": "", **date_fields("on", dt.date(2027, 1, 1))}).status_code == 200
    )
    assert not KeyDate.objects.exists()


def test_removing_a_date_is_kept_in_the_history(world: PlanWorld) -> None:
    key_date = services.key_date_create(
        actor=None, plan=world.plan, kind=KeyDate.Kind.DFE_REVIEW, on="2027-03"
    )
    manager = world.client_for("programme_manager")
    delete = reverse("key_date_delete", args=[world.plan.pk, key_date.pk])
    assert world.client_for("board_member").post(delete).status_code == 403
    assert manager.post(delete).status_code == 302
    assert not KeyDate.objects.exists()
    history = text(manager.get(reverse("plan_history", args=[world.plan.pk])).content.decode())
    assert "DfE review" in history


@pytest.mark.parametrize("field", ["inspection_framework", "inspection_outcome"])
def test_the_inspection_framework_and_outcome_are_plan_details(
    world: PlanWorld, field: str
) -> None:
    fields: dict[str, Any] = {
        field: {"inspection_framework": "2023", "inspection_outcome": "systemic"}[field]
    }
    services.plan_update(actor=None, plan=world.plan, **fields)
    page = text(
        world.client_for("board_member")
        .get(reverse("inspection", args=[world.plan.pk]))
        .content.decode()
    )
    shown = {
        "inspection_framework": "Area SEND inspection framework (2023)",
        "inspection_outcome": "Widespread and/or systemic failings",
    }[field]
    assert shown in page
