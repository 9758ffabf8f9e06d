"""The plan health summary on the overview, as a tag so the overview's view need not change."""

from __future__ import annotations

from typing import Any

from django import template

from sendplan.plans.health import plan_health
from sendplan.plans.models import Plan

register = template.Library()


@register.inclusion_tag("plans/_health_summary.html")
def plan_health_summary(plan: Plan) -> dict[str, Any]:
    health = plan_health(plan)
    return {"plan": plan, "errors": len(health.errors), "warnings": len(health.warnings)}
