"""A contents page: the lines that name a part of the plan and the page it starts on.

A whole plan opens with its contents, where every area of weakness or priority is named
once before its own heading: "Area of weakness 1: Timeliness of EHC plans ........ 8", or,
as Word's own table of contents gives its lines, the words, a tab and the page. Read as
headings, those lines open the plan's sections with the page number and the dot leader in
their titles, and the heading itself is then taken as the same section. They are left out,
and said so in one line of the report.
"""

from __future__ import annotations

import re

from sendplan.interchange.parsers import rules, values
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph
from sendplan.interchange.parsers.builder import PlanBuilder

# Words, a leader of dots (". . ." or "....", or "…"), and a page number.
_DOT_LEADER = re.compile(r"^(?P<words>.*?\S)\s*(?:(?:\.\s?){4,}|…(?:\s?…)*)\s*(?P<page>\d{1,3})$")
# Words, a tab (whose leader Word draws), and a page number.
_TAB_LEADER = re.compile(r"^(?P<words>[^\t]*\S)\t+\s*(?P<page>\d{1,3})$")


def entry(line: str, *, listed: bool = False) -> str | None:
    """The words of a contents line, or None: a dot leader then a page always; a tab then a
    page where the words name a part of the plan ("Priority 2: …", "Appendix A"), or any
    words under a "Contents" heading (`listed`)."""
    line = line.strip()
    match = _DOT_LEADER.match(line)
    if match:
        return match.group("words")
    match = _TAB_LEADER.match(line)
    if match and (listed or _names_a_part(match.group("words"))):
        return match.group("words")
    return None


def _names_a_part(words: str) -> bool:
    flat = " ".join(words.split())
    return values.section_heading(flat) is not None or bool(
        re.match(r"(?i)(appendix|annex|section|part|chapter)\b", flat)
    )


# The most words of an entry's start that a contents page printed on a line of its own.
_MAX_WRAPPED_WORDS = 20
_CONTENTS_HEADING = re.compile(r"(?i)^(table of )?contents:?$")


def is_contents(text: str, *, listed: bool = False) -> bool:
    """Every line of the text is a contents line (after a "Contents" heading, where the
    text begins with one), or the start of one too long for its line, which the next line
    ends with the leader and page."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and _CONTENTS_HEADING.match(lines[0]):
        lines, listed = lines[1:], True
    found = [entry(line, listed=listed) is not None for line in lines]
    wrapped = [
        not here
        and index + 1 < len(found)
        and found[index + 1]
        and (index == 0 or found[index - 1])
        for index, here in enumerate(found)
    ]
    return bool(lines) and found[-1] and all(a or b for a, b in zip(found, wrapped, strict=True))


def _words(block: Block) -> str | None:
    """A paragraph's or heading's text; None for a table or a sheet's name."""
    if isinstance(block, Paragraph) or (isinstance(block, Heading) and not block.is_sheet):
        return block.text
    return None


def without(blocks: list[Block]) -> list[Block]:
    """The blocks without the lines of contents pages, reporting nothing."""
    return left_out(blocks, PlanBuilder())


def left_out(blocks: list[Block], plan: PlanBuilder) -> list[Block]:
    """The blocks without the lines of contents pages, each run of them reported once."""
    kept: list[Block] = []
    run: list[Paragraph | Heading] = []

    def report() -> None:
        if run:
            plan.note(
                run[0].where,
                f"Left out {len(run)} line(s) of a contents page, starting "
                f"'{' '.join(run[0].text.split())[:80]}'.",
                rule=rules.CONTENTS_LEFT_OUT,
            )
            run.clear()

    texts = [_words(block) for block in blocks]
    listed = False  # under a "Contents" heading, and no other line since
    for index, block in enumerate(blocks):
        text = texts[index]
        after = texts[index + 1] if index + 1 < len(blocks) else None
        # An entry too long for its line, printed as two: its start, then the rest with the
        # leader and page, within a contents page already begun.
        wrapped = (
            (run or listed)
            and text is not None
            and len(text.split()) <= _MAX_WRAPPED_WORDS
            and after is not None
            and entry(after) is not None
        )
        if text is not None and (is_contents(text, listed=listed) or wrapped):
            assert isinstance(block, (Paragraph, Heading))
            run.append(block)
            continue
        report()
        kept.append(block)
        listed = text is not None and bool(_CONTENTS_HEADING.match(text.strip()))
    report()
    return kept
