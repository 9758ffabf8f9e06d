"""Links that leave the site: in emails, where only a whole address works."""

from __future__ import annotations

from django.conf import settings


def site_link(path: str) -> str:
    """The whole address of a path on this site, from SENDPLAN_SITE_URL."""
    return settings.SITE_URL.rstrip("/") + path
