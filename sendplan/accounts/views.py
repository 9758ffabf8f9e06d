from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from sendplan.accounts import selectors, services, sso, two_factor
from sendplan.accounts.access import (
    TwoFactorStep,
    get_area_for_admin,
    get_invitation_by_token,
    get_invitation_for_admin,
    get_person_for_admin,
    signed_in,
    two_factor_step,
)
from sendplan.accounts.forms import (
    NO_ACCOUNT,
    AppCodeForm,
    InvitationAcceptForm,
    InvitationForm,
    PasswordChangeForm,
    PasswordResetForm,
    PersonAccountForm,
    RecoveryCodeForm,
    SetPasswordForm,
    SignInForm,
    person_label,
)
from sendplan.accounts.middleware import two_factor_not_required
from sendplan.accounts.models import Invitation, Membership, Role
from sendplan.lib.ids import parse_id
from sendplan.plans import services as plan_services
from sendplan.plans.forms import AreaForm
from sendplan.plans.models import Person
from sendplan.plans.services import ChangedMeanwhile, PlanRuleError

# People in an area


@require_GET
def area_members(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_area_for_admin(request.user, area_id)
    context = {"area": area, "people": selectors.area_people(area)}
    return render(request, "accounts/members.html", context)


@require_http_methods(["GET", "POST"])
def area_edit(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_area_for_admin(request.user, area_id)
    initial = {"region": area.region, "inspection_outcome": area.inspection_outcome}
    form = AreaForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        plan_services.area_update(actor=request.user, area=area, **form.cleaned_data)
        messages.success(request, f"{area}'s details saved")
        return redirect("area_members", area.pk)
    return render(request, "accounts/area_edit.html", {"area": area, "form": form})


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
    person_id = parse_id(request.GET.get("person", ""))
    person = None
    if person_id is not None:
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
    context = {
        "invitation": invitation,
        "account": account,
        "form": form,
        "sso_button": sso_button(),
    }
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


# Signing in: with a password, or through single sign-on.


def sso_button() -> str:
    """The words on the single sign-on button, or "" when there is no single sign-on."""
    return str(settings.OIDC_BUTTON_TEXT) if sso.enabled() else ""


@method_decorator(two_factor_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    authentication_form = SignInForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "sso_button": sso_button()}

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # Signed in with a password, even in a session that single sign-on opened before.
        self.request.session.pop(sso.SSO_SESSION_KEY, None)
        return response


def _sso_refused(request: HttpRequest, reason: str, status: int = 403) -> HttpResponse:
    return render(request, "registration/sso_refused.html", {"reason": reason}, status=status)


SSO_UNAVAILABLE = (
    "Signing in through your organisation is not working at the moment. Try again later, or "
    "sign in with your password if you have one."
)


@method_decorator([login_not_required, two_factor_not_required, never_cache], name="dispatch")
class SSOStartView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with the state, nonce and PKCE challenge kept in the
    session for the callback to check."""

    def __init__(self, **kwargs: Any) -> None:
        # The library reads its settings here; they are read per request, in get().
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not sso.enabled():
            raise Http404("Single sign-on is not set up")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = sso.provider().authorization_endpoint
        except sso.ProviderUnavailable:
            return _sso_refused(request, SSO_UNAVAILABLE, status=503)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)  # type: ignore[no-any-return]


@method_decorator([login_not_required, two_factor_not_required, never_cache], name="dispatch")
class SSOCallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back. The library checks the state and exchanges
    the code; SSOBackend decides who that is. The session is marked as opened through single
    sign-on, which asks for no second factor."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not sso.enabled():
            raise Http404("Single sign-on is not set up")
        try:
            return super().get(request)  # type: ignore[no-any-return]
        except sso.SignInRefused as refusal:
            return _sso_refused(request, str(refusal))
        except sso.ProviderUnavailable:
            return _sso_refused(request, SSO_UNAVAILABLE, status=503)

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        self.request.session[sso.SSO_SESSION_KEY] = True
        return response  # type: ignore[no-any-return]

    def login_failure(self) -> HttpResponse:
        return _sso_refused(self.request, sso.FAILED)


# Two-factor authentication, for those whose role needs it (access.two_factor_step).

SETUP_KEY_SESSION = "sendplan_2fa_key"
NEW_CODES_SESSION = "sendplan_2fa_codes"


def _next_url(request: HttpRequest) -> str:
    """The page the person was going to when asked for a code, if it is on this site."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if wanted and safe else resolve_url(settings.LOGIN_REDIRECT_URL)


def _signed_in_with_code(request: HttpRequest, device: Any) -> None:
    # A new session key on each step up, as on signing in.
    request.session.cycle_key()
    django_otp.login(request, device)


@two_factor_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_set_up(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: the first time a role needs it, or to move to a new one
    (only once this session has given a code from the old one)."""
    user = signed_in(request)
    step = two_factor_step(request)
    if step == TwoFactorStep.VERIFY:
        return redirect(f"{reverse('two_factor_verify')}?{_next_query(request)}")
    if step == TwoFactorStep.NOT_NEEDED:
        return redirect(_next_url(request))
    # The secret stays in the session, not the database, until the app shows it works.
    key = request.session.setdefault(SETUP_KEY_SESSION, two_factor.new_key())
    form = AppCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.two_factor_enable(
                actor=user, user=user, key=key, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            _signed_in_with_code(request, device)
            del request.session[SETUP_KEY_SESSION]
            request.session[NEW_CODES_SESSION] = codes
            return redirect(f"{reverse('two_factor_codes')}?{_next_query(request)}")
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_svg(
            two_factor.setup_link(user, key), "QR code to set up your authenticator app"
        ),
        "key_text": two_factor.key_as_text(key),
        "moving": step == TwoFactorStep.DONE,
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_set_up.html", context)


def _next_query(request: HttpRequest) -> str:
    return urlencode({"next": _next_url(request)})


def _verify(request: HttpRequest, *, recovery: bool) -> HttpResponse:
    user = signed_in(request)
    step = two_factor_step(request)
    if step == TwoFactorStep.SET_UP:
        return redirect(f"{reverse('two_factor_set_up')}?{_next_query(request)}")
    if step != TwoFactorStep.VERIFY:
        return redirect(_next_url(request))
    form_class = RecoveryCodeForm if recovery else AppCodeForm
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        wait = selectors.two_factor_wait(user, recovery=recovery)
        device = None
        if not wait:
            code = form.cleaned_data["code"]
            device = services.two_factor_verify(user=user, code=code, recovery=recovery)
        if device is not None:
            _signed_in_with_code(request, device)
            if recovery:
                left = selectors.two_factor_for(user).recovery_codes_left
                messages.success(
                    request,
                    f"You have {left} recovery code{'s' if left != 1 else ''} left. "
                    "You can get new ones from Two-factor authentication in the header.",
                )
            return redirect(_next_url(request))
        if wait:
            form.add_error("code", f"Too many wrong codes. Wait {wait} seconds, then try again")
        elif recovery:
            form.add_error("code", "That recovery code is not right, or has been used")
        else:
            form.add_error("code", services.WRONG_CODE)
    template = "two_factor_recovery" if recovery else "two_factor_verify"
    context = {"form": form, "next": _next_url(request)}
    return render(request, f"accounts/{template}.html", context)


@two_factor_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    return _verify(request, recovery=False)


@two_factor_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_recovery(request: HttpRequest) -> HttpResponse:
    return _verify(request, recovery=True)


@never_cache
@require_GET
def two_factor_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes, shown once: they are not kept where they could be shown again."""
    codes = request.session.pop(NEW_CODES_SESSION, None)
    if not codes:
        return redirect("two_factor_manage")
    return render(
        request, "accounts/two_factor_codes.html", {"codes": codes, "next": _next_url(request)}
    )


@require_GET
def two_factor_manage(request: HttpRequest) -> HttpResponse:
    """Someone's own two-factor authentication: their app, and how many recovery codes are left."""
    user = signed_in(request)
    if two_factor_step(request) != TwoFactorStep.DONE:
        return redirect("home")
    context = {"two_factor": selectors.two_factor_for(user)}
    return render(request, "accounts/two_factor_manage.html", context)


@require_POST
def two_factor_codes_new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if two_factor_step(request) != TwoFactorStep.DONE:
        return redirect("home")
    request.session[NEW_CODES_SESSION] = services.recovery_codes_renew(actor=user, user=user)
    return redirect("two_factor_codes")
