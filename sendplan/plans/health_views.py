"""The plan health page: the gaps the checks in sendplan.plans.health find."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sendplan.accounts.access import get_plan_for_user
from sendplan.accounts.models import EDITING_ROLES
from sendplan.plans.health import plan_health


@require_GET
def plan_health_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan, roles = get_plan_for_user(request.user, plan_id)
    context = {
        "plan": plan,
        "roles": roles,
        "can_edit": bool(roles & EDITING_ROLES),
        "health": plan_health(plan),
    }
    return render(request, "plans/health.html", context)
