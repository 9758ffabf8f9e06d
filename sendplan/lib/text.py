"""Characters that have no place in a plan's text."""

from __future__ import annotations

import re
from typing import Any

# Control characters other than tab and line breaks: invisible, never meant, and NUL cannot be
# stored in PostgreSQL's text at all.
HIDDEN_CHARACTERS = frozenset(
    {chr(code) for code in range(32) if chr(code) not in "\t\n\r"} | {"\x7f"}
)
_REMOVE_HIDDEN = dict.fromkeys(map(ord, HIDDEN_CHARACTERS))
# One search in C, not a Python loop over every character: an imported plan holds thousands
# of texts, each checked as it is read.
_FIND_HIDDEN = re.compile("[" + re.escape("".join(sorted(HIDDEN_CHARACTERS))) + "]")


def first_hidden_character(text: str) -> str | None:
    found = _FIND_HIDDEN.search(text)
    return found.group() if found else None


def without_hidden_characters(value: Any) -> Any:
    """The value (text, or lists and dicts of them) with every hidden control character taken
    out: what extraction from a PDF or a damaged file leaves behind."""
    if isinstance(value, str):
        return value.translate(_REMOVE_HIDDEN)
    if isinstance(value, dict):
        return {
            without_hidden_characters(key): without_hidden_characters(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [without_hidden_characters(item) for item in value]
    return value
