from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sendplan.accounts import selectors, services
from sendplan.accounts.access import (
    get_area_for_admin,
    get_invitation_by_token,
    get_invitation_for_admin,
    get_person_for_admin,
)
from sendplan.accounts.forms import (
    NO_ACCOUNT,
    InvitationAcceptForm,
    InvitationForm,
    PasswordChangeForm,
    PasswordResetForm,
    PersonAccountForm,
    SetPasswordForm,
    person_label,
)
from sendplan.accounts.models import Invitation, Membership, Role
from sendplan.plans.models import Person
from sendplan.plans.services import ChangedMeanwhile, PlanRuleError

# People in an area


@require_GET
def area_members(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_area_for_admin(request.user, area_id)
    context = {"area": area, "people": selectors.area_people(area)}
    return render(request, "accounts/members.html", context)


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


@require_http_methods(["GET", "POST"])
def invitation_new(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_area_for_admin(request.user, area_id)
    initial: dict[str, Any] = {}
    # Inviting from a person's row on the people page: start from what the plan says of them.
    person_id = request.GET.get("person", "")
    person = None
    if person_id.isdigit():
        person = Person.objects.filter(plan__area=area, user__isnull=True, pk=person_id).first()
    if person is not None:
        initial = {"person": person.pk, "email": person.email, "role": Role.LEAD_OFFICER}
    form = InvitationForm(
        request.POST if request.method == "POST" else None, area_id=area.pk, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user, area=area, **form.cleaned_data
            )
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Invitation sent to {invitation.email}")
            return redirect("area_members", area.pk)
    context = {"area": area, "form": form, "person": person, "days": settings.INVITATION_DAYS}
    return render(request, "accounts/invitation_new.html", context)


@require_POST
def invitation_resend(request: HttpRequest, area_id: int, invitation_id: int) -> HttpResponse:
    invitation = get_invitation_for_admin(request.user, area_id, invitation_id)
    try:
        services.invitation_resend(actor=request.user, invitation=invitation)
    except PlanRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"Invitation sent again to {invitation.email}. The link sent before no longer works.",
        )
    return redirect("area_members", invitation.area_id)


@require_POST
def invitation_withdraw(request: HttpRequest, area_id: int, invitation_id: int) -> HttpResponse:
    invitation = get_invitation_for_admin(request.user, area_id, invitation_id)
    try:
        services.invitation_withdraw(actor=request.user, invitation=invitation)
    except PlanRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Invitation to {invitation.email} withdrawn")
    return redirect("area_members", invitation.area_id)


@require_http_methods(["GET", "POST"])
def person_account(request: HttpRequest, area_id: int, person_id: int) -> HttpResponse:
    person = get_person_for_admin(request.user, area_id, person_id)
    area = person.plan.area
    form = PersonAccountForm(
        request.POST if request.method == "POST" else None,
        accounts=selectors.area_accounts(area),
        initial={"account": str(person.user_id) if person.user_id else NO_ACCOUNT},
        current_state=services.person_link_state(person),
    )
    if request.method == "POST" and form.is_valid():
        user = form.chosen()
        try:
            services.person_link(
                actor=request.user, person=person, user=user, seen=form.seen_state()
            )
        except ChangedMeanwhile as error:
            form.refuse(error)
        except PlanRuleError as error:
            form.add_error(None, str(error))
        else:
            to = f"linked to {user.get_username()}" if user else "not linked to any account"
            messages.success(request, f"{person.display_name} is {to}")
            return redirect("area_members", area.pk)
    context = {"area": area, "person": person, "label": person_label(person), "form": form}
    return render(request, "accounts/person_account.html", context)


# Accepting an invitation: the emailed link is all the person has, so no sign-in is needed.


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_invitation_by_token(token)
    if invitation is None or invitation.state != Invitation.State.PENDING:
        return _unusable(request, invitation)
    try:
        account = selectors.invitation_account(invitation)
    except PlanRuleError as error:
        return _unusable(request, invitation, str(error))
    form = None
    if selectors.needs_password(account):
        candidate = account or User(username=invitation.email, email=invitation.email)
        form = InvitationAcceptForm(candidate, request.POST if request.method == "POST" else None)
    if request.method == "POST" and (form is None or form.is_valid()):
        password = form.cleaned_data["new_password1"] if form else ""
        try:
            user = services.invitation_accept(invitation=invitation, password=password)
        except ValidationError as error:
            assert form is not None
            form.add_error("new_password1", error)
        except PlanRuleError:
            invitation.refresh_from_db()
            return _unusable(request, invitation)
        else:
            return _accepted(request, invitation, user)
    context = {"invitation": invitation, "account": account, "form": form}
    return render(request, "accounts/invitation_accept.html", context)


def _unusable(
    request: HttpRequest, invitation: Invitation | None, reason: str = ""
) -> HttpResponse:
    """A link that cannot be used says why, and offers nothing else."""
    context = {"invitation": invitation, "reason": reason}
    status = 404 if invitation is None else 410
    return render(request, "accounts/invitation_unusable.html", context, status=status)


def _accepted(request: HttpRequest, invitation: Invitation, user: User) -> HttpResponse:
    role = f"{invitation.get_role_display()} in {invitation.area}"
    if request.user == user:
        messages.success(request, f"You now have the role {role}")
        return redirect("home")
    if request.user.is_authenticated:
        # Someone else was signed in on this browser; the new account signs in for itself.
        logout(request)
    messages.success(
        request,
        f"Your account is ready, with the role {role}. "
        f"Sign in with your username, {user.get_username()}, and your password.",
    )
    return redirect("login")


# Passwords: Django's own views, with GOV.UK forms that write through services.


def _reset_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"

    def form_valid(self, form: Any) -> HttpResponse:
        # The link in the email goes to the configured address, not the request's Host header.
        self.extra_email_context = {
            "site_url": settings.SITE_URL.rstrip("/"),
            "site_name": settings.SITE_NAME,
            "reset_days": _reset_days(),
        }
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "reset_days": _reset_days()}


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
