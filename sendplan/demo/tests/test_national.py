"""The national benchmark (bench/national.py) at a tiny scale: its copies are sound, and the pages
it times are the real pages, showing the plan's figures, not error pages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection

from sendplan.audit.models import AuditEvent
from sendplan.demo.national import REGIONS, build
from sendplan.demo.national_pages import check, clients, context, pages, run_floor
from sendplan.monitoring.models import LatestRating, StatusUpdate, UpdateDraft, UpdateReview
from sendplan.plans.models import Action, Plan

pytestmark = pytest.mark.django_db


def counts(plan: Plan) -> tuple[int, ...]:
    return (
        Action.objects.filter(section__plan=plan).count(),
        plan.periods.count(),
        StatusUpdate.objects.filter(action__section__plan=plan).count(),
        StatusUpdate.objects.filter(action__section__plan=plan, corrects__isnull=False).count(),
        UpdateReview.objects.filter(update__action__section__plan=plan).count(),
        UpdateDraft.objects.filter(action__section__plan=plan).count(),
        AuditEvent.objects.filter(plan_id=plan.pk).count(),
    )


def test_every_copied_area_is_the_first_one_pointing_at_its_own_rows() -> None:
    data = build(areas=4, actions=10, periods=3, batch=2, log=lambda line: None)
    first, *others = Plan.objects.filter(pk__in=data.plan_ids).order_by("pk")
    assert len(others) == 3 and data.plan == first
    assert all(counts(plan) == counts(first) for plan in others)
    assert counts(first)[2] > 10  # most actions have an update in most periods
    connection.check_constraints()
    for plan in others:
        actions = set(Action.objects.filter(section__plan=plan).values_list("pk", flat=True))
        assert not StatusUpdate.objects.filter(period__plan=plan).exclude(action__in=actions)
        events = AuditEvent.objects.filter(plan_id=plan.pk, scope__startswith="action:")
        assert {int(e.scope.split(":")[1]) for e in events} <= actions
        updates = events.filter(object_type="statusupdate").values_list("object_id", flat=True)
        assert set(StatusUpdate.objects.filter(pk__in=[int(u) for u in updates])
                   .values_list("action__section__plan", flat=True)) == {plan.pk}  # fmt: skip
        assert plan.area.memberships.get().user == data.users["adviser"]
        latest = LatestRating.objects.filter(action__section__plan=plan)
        assert latest.count() == len(actions)
        assert not latest.exclude(update__period__plan=plan).exists()
    assert {plan.area.region for plan in [first, *others]} == set(REGIONS[:4])


def test_the_pages_it_times_are_the_pages_with_the_plans_figures() -> None:
    data = build(areas=2, actions=10, periods=3, log=lambda line: None)
    ctx = context(data)
    signed = clients(data)
    measured = pages(ctx)
    assert len(measured) == 16
    for page in measured:
        if page.content_type == "text/html":
            assert page.expect, page.name
        result = check(page, signed[page.user])
        assert result.problems == [], page.name
        assert result.queries > 0, page.name
        session = signed[page.user].cookies[settings.SESSION_COOKIE_NAME].value
        asker, floor = run_floor(page, ctx, session)
        assert floor and asker, page.name
        session_row, _user, _roles, device, plan = asker
        assert session_row, page.name  # the session the page was asked with is the one read
        assert bool(device) == (page.user == "manager"), page.name
        assert (plan is not None) == page.url.startswith(f"/plans/{ctx.plan_id}/"), page.name
    home = next(p for p in measured if p.user == "adviser")
    assert any('data-label="Overdue"' in want for want in home.expect)
