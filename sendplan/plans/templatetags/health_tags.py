"""The plan health summary on the overview, as a tag so the overview's view need not change."""

from __future__ import annotations

from typing import Any

from django import template

from sendplan.plans.health import health_counts
from sendplan.plans.models import Plan

register = template.Library()


@register.inclusion_tag("plans/_health_summary.html")
def plan_health_summary(plan: Plan) -> dict[str, Any]:
    errors, warnings = health_counts(plan)
    return {"plan": plan, "errors": errors, "warnings": warnings}
