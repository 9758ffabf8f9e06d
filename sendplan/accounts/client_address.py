"""The address a request came from, as far as it can be trusted."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's address: the connection's own, or, behind SENDPLAN_TRUSTED_PROXIES proxies,
    the address the outermost of them saw (X-Forwarded-For, read from the right, since anything
    to the left of that was written by the client and may be made up)."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < proxies:
        # Not every proxy added its hop: the request did not come the way the setting says.
        return remote
    seen = hops[-proxies]
    try:
        return str(ipaddress.ip_address(seen))
    except ValueError:
        return remote
