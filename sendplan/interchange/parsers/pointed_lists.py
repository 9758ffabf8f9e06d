"""A sentence that points at the list below it and says what the list holds.

"We are seeking views on the four proposals below, relating to …", "The following actions
will be taken by the partnership.", "The changes set out below will come into effect in
September": the items that follow, numbered or bulleted, are the plan's proposals, actions
or changes, however each is worded ("Plans to raise awareness …", "A planned review of …").
Such a sentence may be long and end with a full stop; one ending with a colon is a lead-in,
read as such by `segment` ("We will:", "… the following recommendations in the report:").
"""

from __future__ import annotations

import re

# What the list is said to hold: the plan's work, not its findings or its readers' views.
_WORK = (
    r"(?:proposals|proposed\s+changes|changes|actions|steps|commitments|recommendations"
    r"|priorities|improvements|measures\s+we\s+will\s+take|planned\s+actions)"
)
# "the four proposals below", "the proposals listed below", "the following three actions",
# "the actions set out below", "the changes as follows".
_POINTS = re.compile(
    rf"\bthe\s+(?:following\s+)?(?:\w+\s+)?{_WORK}"
    rf"(?:\s+(?:listed|set\s+out|outlined|described|shown))?\s+(?:below|as\s+follows)\b"
    rf"|\bthe\s+following\s+(?:\w+\s+)?{_WORK}\b",
    re.I,
)
# A sentence longer than this is a paragraph that happens to mention a list.
_MAX_WORDS = 45


def points_to_listed_work(text: str) -> bool:
    """Whether the last sentence of `text` says that the list under it holds the plan's
    proposals, actions or changes."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(text.split()))[-1]
    if len(sentence.split()) > _MAX_WORDS or sentence.endswith(":"):
        # A lead-in ending with a colon is read as one already, with what it says of the
        # items (a committee's resolutions, a date for all of them).
        return False
    return _POINTS.search(sentence) is not None


# "Why are we doing this?", "Why we are consulting:", "Why is this needed?": a line that asks,
# or announces, why; what is listed under it gives reasons (rule `reasons-under-why`).
_WHY = re.compile(r"^why\b[^.!]{0,80}[?:]?$", re.I)


def asks_why(text: str) -> bool:
    """Whether a heading or a lead-in asks why something is being done."""
    return bool(_WHY.match(" ".join(text.split())))
