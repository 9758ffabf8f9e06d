"""Ids that arrive in a URL's query or a form, checked before they reach the database."""

from __future__ import annotations

from django.http import Http404

# The largest id a database column holds (a signed 64-bit integer).
LARGEST_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """The id written in `value`, or None when it is not a whole number that could be one (say
    "abc", "²", or a number too big for any row)."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19 or int(text) > LARGEST_ID:
        return None
    return int(text)


def id_or_404(value: object) -> int:
    """The id written in `value`, or "Page not found" when there cannot be such an item."""
    found = parse_id(value)
    if found is None:
        raise Http404("No such item")
    return found
