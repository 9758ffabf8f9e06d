"""Asking for a second factor before any page but the few needed to give one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin

from sendplan.accounts.access import TwoFactorStep, two_factor_step

View = TypeVar("View", bound=Callable[..., Any])


def two_factor_not_required(view: View) -> View:
    """Mark a view as open to someone who has signed in but not yet given their second factor:
    signing in and out, and the two-factor pages themselves."""
    view.two_factor_required = False  # type: ignore[attr-defined]
    return view


class TwoFactorMiddleware(MiddlewareMixin):
    """Sends someone who still owes a second factor (access.two_factor_step) to set up their
    authenticator app or to enter its code, and then back to the page they asked for. The
    admin is no exception."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: list[Any],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        if not getattr(view_func, "two_factor_required", True):
            return None
        step = two_factor_step(request)
        if step == TwoFactorStep.SET_UP:
            name = "two_factor_set_up"
        elif step == TwoFactorStep.VERIFY:
            name = "two_factor_verify"
        else:
            return None
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(name)}?{query}")
