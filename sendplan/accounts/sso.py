"""Single sign-on with OpenID Connect: which provider, and the backend that signs people in.

mozilla-django-oidc does the protocol (state, nonce, PKCE, the code exchange and the ID
token's signature). This module adds what it leaves out: the provider's endpoints from its
discovery document, the ID token's audience and issuer, and sendplan's rule for who may sign
in, which is services.sso_sign_in's.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from sendplan.accounts.services import sso_sign_in
from sendplan.plans.services import PlanRuleError

# The session says that it was opened through single sign-on, which asks for no second factor.
SSO_SESSION_KEY = "sendplan_sso"

logger = logging.getLogger(__name__)

FAILED = (
    "Signing in through your organisation did not work. Try again, or sign in with your "
    "password if you have one."
)
UNVERIFIED = (
    "Your organisation's sign-in did not confirm your email address, so sendplan cannot tell "
    "who you are. Ask your area administrator, or sign in with your password."
)


class SignInRefused(Exception):
    """The provider vouched for someone sendplan will not let in; the message says why."""


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read."""


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_uri: str


def enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def provider() -> Provider:
    """The configured provider's endpoints: each one set in the environment, the rest from the
    issuer's discovery document (read once per process)."""
    return _provider(
        settings.OIDC_ISSUER,
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT,
        settings.OIDC_OP_TOKEN_ENDPOINT,
        settings.OIDC_OP_USER_ENDPOINT,
        settings.OIDC_OP_JWKS_ENDPOINT,
    )


@functools.cache
def _provider(issuer: str, authorization: str, token: str, userinfo: str, jwks: str) -> Provider:
    found: dict[str, Any] = {}
    if issuer and not (authorization and token and jwks):
        url = f"{issuer}/.well-known/openid-configuration"
        try:
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            found = response.json()
        except (requests.RequestException, ValueError) as error:
            raise ProviderUnavailable(f"Could not read {url}: {error}") from error
    return Provider(
        issuer=found.get("issuer", issuer),
        authorization_endpoint=authorization or found.get("authorization_endpoint", ""),
        token_endpoint=token or found.get("token_endpoint", ""),
        userinfo_endpoint=userinfo or found.get("userinfo_endpoint", ""),
        jwks_uri=jwks or found.get("jwks_uri", ""),
    )


def verified_email(claims: dict[str, Any]) -> str:
    """The email address the provider vouches for, from the configured claim. A claim named
    "email" counts only when the provider says it verified it (OpenID Connect's email_verified);
    the operator who names another claim says their provider controls it."""
    claim = settings.OIDC_EMAIL_CLAIM
    value = claims.get(claim)
    if not isinstance(value, str):
        raise SignInRefused(UNVERIFIED)
    if claim == "email" and claims.get("email_verified") not in (True, "true"):
        raise SignInRefused(UNVERIFIED)
    try:
        validate_email(value)
    except ValidationError:
        raise SignInRefused(UNVERIFIED) from None
    return value.strip().lower()


class SSOBackend(OIDCAuthenticationBackend):
    """Signs in the person the provider vouches for, by the rules of services.sso_sign_in."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Django builds every backend for each password sign-in too: the provider is looked up
        # only when someone comes back from it.
        self.UserModel = User

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        # Only the callback view passes a nonce, so no password sign-in ever reaches here.
        if request is None or "nonce" not in kwargs or not enabled():
            return None
        found = provider()
        self.issuer = found.issuer
        self.OIDC_OP_TOKEN_ENDPOINT = found.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = found.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = found.jwks_uri
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        try:
            return super().authenticate(request, **kwargs)  # type: ignore[no-any-return]
        except (SuspiciousOperation, jwt.InvalidTokenError, requests.RequestException) as error:
            # A code, token or answer that is not for this sign-in. Not a wrong password
            # either, so not one for django-axes to count: codes are single-use already.
            logger.warning("Single sign-on failed: %s", error)
            raise SignInRefused(FAILED) from error

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The library checks the signature and nonce; an ID token must also be for this
        client, from this issuer, and say when it expires (which PyJWT then checks)."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is for another client")
        if "exp" not in payload:
            raise SuspiciousOperation("The ID token does not expire")
        # Entra ID's multi-tenant issuers ("common") name "{tenantid}" in place of one, so no
        # token matches them: sendplan takes one tenant, whose issuer it can check.
        if self.issuer and payload.get("iss") != self.issuer:
            raise SuspiciousOperation("The ID token is from another issuer")
        return payload

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        """The ID token's claims, which are signed; the userinfo endpoint's only when the token
        lacks the email claim (and then only for the same subject)."""
        if settings.OIDC_EMAIL_CLAIM in payload or not self.OIDC_OP_USER_ENDPOINT:
            return payload
        info = super().get_userinfo(access_token, id_token, payload)
        if info.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The userinfo is for another subject")
        return {**info, **payload}

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        claims = self.get_userinfo(access_token, id_token, payload)
        email = verified_email(claims)
        try:
            return sso_sign_in(email=email, issuer=self.issuer or self.OIDC_OP_TOKEN_ENDPOINT)
        except PlanRuleError as error:
            # Raised past django.contrib.auth.authenticate, so that a refusal is not counted
            # as a failed password by django-axes; the callback view shows the reason.
            raise SignInRefused(str(error)) from error

    def get_user(self, user_id: int) -> User | None:
        # ModelBackend's, which refuses an account made inactive since it signed in.
        return ModelBackend.get_user(self, user_id)
