"""Refs in the order people count them: 1.2 before 1.10, 2 before 10, 3a before 3b."""

from __future__ import annotations

import re
from functools import lru_cache

_PARTS = re.compile(r"(\d+)")


# A plan's pages sort its hundreds of actions by ref on every request, and the refs rarely
# change: each is split once.
@lru_cache(maxsize=16384)
def natural_key(ref: str | None) -> tuple[tuple[int, int | str], ...]:
    """A sort key for a ref: numbers compare as numbers, letters as letters, no ref last."""
    text = (ref or "").strip().lower()
    if not text:
        return ((2, ""),)
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.strip(" .-"))
        for part in _PARTS.split(text)
        if part.strip(" .-")
    )
