"""Commitments written in running prose: a letter to families, a report to a committee or a
web page whose plan is the sentences saying what the council or its partners will do ("The
council will recruit six more educational psychologists by April 2026."), with no table, list
or numbered lines of actions.

Read only when nothing else in the file gave an action: each such sentence becomes an action,
in its own words, under the heading above it, and the reading is marked less sure so that the
check page shows it first."""

from __future__ import annotations

import re

from sendplan.interchange.parsers import profile
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, flat
from sendplan.interchange.parsers.flattened import Words

# How sure a reading of prose is: below a reading of a file's words (flattened.CONFIDENCE).
CONFIDENCE = 0.5
# A file needs at least this many commitments for its prose to be read as a plan.
_AT_LEAST = 2

# What binds someone to do something: "will", "is going to", "has agreed to", "are committed
# to", "plans to", with the adverbs that may come between ("will also", "will now jointly").
_BOUND = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+going\s+to|(?:has|have)\s+(?:agreed|committed|pledged|"
    r"promised|undertaken)\s+to|(?:is|are)\s+(?:committed|due)\s+to|plans?\s+to|intends?\s+to)"
    r"\s+(?:(?:also|now|then|further|jointly|urgently|shortly|quickly|together)\s+)*"
    r"(?P<deed>[A-Za-z][^.!?]*)",
    re.I,
)
# Who is told what they will receive or see, rather than who will act: "you will receive";
# and a promise to the reader to write or to tell them more ("we will write to you again").
_TOLD = re.compile(r"\b(?:you|your\s+\w+)\s+(?:will|shall)\b", re.I)
_TO_THE_READER = re.compile(r"^\w+\s+(?:(?:back|again)\s+)?(?:to\s+|with\s+)?you\b", re.I)
# A sentence that is too short to be a deed, or so long it is a paragraph run together.
_WORDS = (6, 70)
# Where prose breaks between sentences: after a full stop, "!" or "?" and before a capital.
_SENTENCE = re.compile(r"(?<=[A-Za-z0-9)”’\"'][.!?])\s+(?=[A-Z“‘\"'])")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE.split(flat(text)) if part.strip()]


def is_commitment(sentence: str) -> bool:
    """A sentence that binds someone to a deed: "We will publish …", "Health partners have
    agreed to publish …"; not what a reader will receive ("you will get a letter"), a hope
    ("children will feel …") or a question."""
    if sentence.endswith("?") or _TOLD.search(sentence):
        return False
    count = len(sentence.split())
    if not _WORDS[0] <= count <= _WORDS[1]:
        return False
    bound = _BOUND.search(sentence)
    if bound is None or _TO_THE_READER.match(bound.group("deed")):
        return False
    return profile.opens_with_verb(bound.group("deed"))


# The heading over a council's answer on a "We asked, you said, we did" page, or over what it
# will do: each paragraph under it is one response, kept whole, whether or not it says "will"
# ("We recognise we need to consider transitions …").
_ANSWER_HEADING = re.compile(
    r"^(?:we did|what we did|we have done|what we(?: have|['’]ve) done|what we will do"
    r"|what we are doing|our response|we will|what we did next)$",
    re.I,
)
# A paragraph under such a heading is a response when it speaks for the council ("We …", "Our
# policy will …") or holds a commitment; not a pointer for the reader ("You can read …").
_SPEAKS = re.compile(r"^(?:we|our)\b", re.I)


def answers_heading(text: str) -> bool:
    return _ANSWER_HEADING.match(" ".join(text.split()).rstrip(":")) is not None


def _response(text: str) -> bool:
    found = sentences(text)
    return bool(found) and (
        _SPEAKS.match(found[0]) is not None or any(is_commitment(s) for s in found)
    )


# A line that opens with a bullet or a number, as the items of a list do.
_LISTED = re.compile(r"^\s*(?:[•·▪◦‣●○■□*\-–]|\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.):]|\(?[a-z][.)])\s")


def commitments_of(blocks: list[Block]) -> Words | None:
    """The file's commitments as lines of text for the text reader, each heading above them
    kept as a heading, with where each line came from. None when there are too few, or when
    the file has tables or lists: their actions are for the person to point out (the check
    page's mapping of columns, or its lists read as actions), not to be guessed from prose."""
    prose = [block for block in blocks if isinstance(block, (Heading, Paragraph))]
    if len(prose) < len(blocks) or any(
        _LISTED.match(line) for block in prose for line in block.text.splitlines()
    ):
        return None
    lines: list[str] = []
    wheres: list[str] = []
    heading: Heading | None = None
    answering = False
    # Whether the responses under the heading above already have their lead-in line.
    introduced = False
    found = 0
    for block in prose:
        if isinstance(block, Heading):
            heading = block
            answering = answers_heading(flat(block.text))
            introduced = False
            continue
        answer = answering and _response(block.text)
        if answer:
            # Under "We did": the paragraph is one response, all its sentences together.
            deeds = [flat(block.text)]
        else:
            deeds = [sentence for sentence in sentences(block.text) if is_commitment(sentence)]
        if not deeds:
            continue
        if heading is not None:
            # A heading a line of its own with a blank line after it, as a page's heading is.
            lines += ["", flat(heading.text), ""]
            wheres += ["", heading.where, ""]
            heading = None
        # Each group of deeds introduced as a list of what will be done, which the text reader
        # reads as actions; the responses under one heading as one list.
        if not (answer and introduced):
            lines.append("We will:")
            wheres.append(block.where)
        introduced = answer
        for deed in deeds:
            lines.append(f"• {deed}")
            wheres.append(block.where)
            found += 1
    if found < _AT_LEAST:
        return None
    return Words(text="\n".join(lines), wheres=tuple(wheres))
