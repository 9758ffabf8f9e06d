"""The project's own pages: the home page, which gathers what each app has for the signed-in
person, and the page for a stale form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sendplan.accounts.access import signed_in
from sendplan.accounts.models import EDITING_ROLES, Membership
from sendplan.monitoring import selectors as monitoring_selectors
from sendplan.monitoring.progress import (
    PlanHeadline,
    action_progress,
    plans_signals,
    take_standing,
)
from sendplan.monitoring.views import owed_counts
from sendplan.oversight.selectors import sees_oversight
from sendplan.oversight.views import oversight_page
from sendplan.plans.models import Action, Plan
from sendplan.plans.selectors import kept_until_changed, upcoming_dates


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    memberships = list(
        Membership.objects.filter(user_id=signed_in(request).pk).select_related("area")
    )
    if sees_oversight(memberships):
        return oversight_page(request)
    plans = list(Plan.objects.visible_to(request.user).select_related("area"))
    led = Action.objects.led_by(request.user).filter(section__plan__in=plans)
    my_actions = list(led.select_related("section__plan"))
    # Every plan's figures from the same few queries, however many plans there are.
    scales = monitoring_selectors.scales(plans)
    latest = monitoring_selectors.latest_ratings(led)
    today = timezone.localdate()
    # Each plan's standing is the same for everyone who sees it: worked out once for each
    # change to the plan and each day, for the plans that changed together.
    signals = kept_until_changed(
        "headline",
        plans,
        today,
        lambda changed: {
            pk: PlanHeadline.of(found) for pk, found in plans_signals(changed, today=today).items()
        },
    )
    progress = []
    for plan in {a.section.plan for a in my_actions}:
        mine = action_progress(
            [a for a in my_actions if a.section.plan_id == plan.pk], scales[plan.pk], latest=latest
        )
        # Overdue as the plan's overview and board report count it.
        take_standing(mine, signals[plan.pk])
        progress.extend(mine)
    progress.sort(key=lambda p: (p.action.section.plan.title, p.due_date is None, p.due_date or 0))
    upcoming = upcoming_dates(plans, today)
    context = {
        "plans": [(plan, signals[plan.pk], upcoming.get(plan.pk)) for plan in plans],
        "owed": owed_counts(signed_in(request)),
        "my_actions": progress,
        "memberships": memberships,
        "can_create": any(m.role in EDITING_ROLES for m in memberships),
    }
    return render(request, "home.html", context)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A stale or forged form: say so plainly instead of Django's technical page."""
    return render(request, "403_csrf.html", status=403)
