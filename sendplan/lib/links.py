"""Links: to this site from away from it, where only a whole address works (emails, documents),
and to the web from text people wrote, where only some addresses are safe to follow."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings

# A web address in text: only http and https become links, so a "javascript:" or "data:"
# address that someone typed or pasted stays text.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def site_link(path: str) -> str:
    """The whole address of a path on this site, from SENDPLAN_SITE_URL."""
    return settings.SITE_URL.rstrip("/") + path


def web_addresses(text: str) -> list[tuple[str, bool]]:
    """The text in pieces, in order, each web address (http or https, naming a host) a piece of
    its own marked True. A full stop or bracket after an address ends the sentence, not the
    address."""
    pieces: list[tuple[str, bool]] = []
    done = 0
    for match in WEB_ADDRESS.finditer(text):
        address = match.group().rstrip(".,;:!?)")
        if not urlsplit(address).netloc:
            continue
        if match.start() > done:
            pieces.append((text[done : match.start()], False))
        pieces.append((address, True))
        done = match.start() + len(address)
    if done < len(text) or not pieces:
        pieces.append((text[done:], False))
    return pieces
