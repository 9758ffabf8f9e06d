"""Start-up checks of the sign-in settings, so a mistyped one stops the server with its name
rather than leaving a door open or shut."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from sendplan.accounts.models import Role


@register()
def check_sign_in_settings(**kwargs: Any) -> list[Error]:
    errors = []
    unknown = sorted(set(settings.REQUIRE_2FA_ROLES) - set(Role.values))
    if unknown:
        errors.append(
            Error(
                f"SENDPLAN_REQUIRE_2FA_ROLES names unknown roles: {', '.join(unknown)}",
                hint=f"Use 'none' or some of: {', '.join(Role.values)}",
                id="sendplan.E001",
            )
        )
    endpoints = (
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT,
        settings.OIDC_OP_TOKEN_ENDPOINT,
        settings.OIDC_OP_JWKS_ENDPOINT,
    )
    if settings.OIDC_RP_CLIENT_ID and not (settings.OIDC_ISSUER or all(endpoints)):
        errors.append(
            Error(
                "Single sign-on has a client id but no provider",
                hint="Set SENDPLAN_OIDC_ISSUER, or the authorization, token and JWKS endpoints",
                id="sendplan.E002",
            )
        )
    if settings.OIDC_RP_CLIENT_ID and not settings.OIDC_RP_CLIENT_SECRET:
        errors.append(
            Error(
                "Single sign-on has a client id but no secret",
                hint="Set SENDPLAN_OIDC_CLIENT_SECRET",
                id="sendplan.E003",
            )
        )
    return errors
