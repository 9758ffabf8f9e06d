from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from sendplan.accounts import services
from sendplan.accounts.access import get_area_for_admin
from sendplan.accounts.forms import MemberForm
from sendplan.accounts.models import Membership
from sendplan.plans.services import PlanRuleError


@require_http_methods(["GET", "POST"])
def area_members(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_area_for_admin(request.user, area_id)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = form.existing or services.user_create(
                actor=request.user,
                username=data["username"],
                password=data["password"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
            )
            services.membership_add(actor=request.user, area=area, user=user, role=data["role"])
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{user.get_username()} added")
            return redirect("area_members", area.pk)
    members = (
        Membership.objects.filter(area=area)
        .select_related("user")
        .order_by("user__username", "role")
    )
    return render(
        request, "accounts/members.html", {"area": area, "members": members, "form": form}
    )


@require_POST
def member_remove(request: HttpRequest, area_id: int, membership_id: int) -> HttpResponse:
    area = get_area_for_admin(request.user, area_id)
    membership = get_object_or_404(Membership, area=area, pk=membership_id)
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except PlanRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"{membership.user.get_username()} no longer has the role "
            f"{membership.get_role_display().lower()}",
        )
    return redirect("area_members", area.pk)
