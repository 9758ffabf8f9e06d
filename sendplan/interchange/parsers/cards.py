"""Cards and slides: a poster of boxes or a deck of slides, each headed by a priority or a
workstream with its own few lines under it, read as sections and their actions.

The PDF reader marks the headings that head a card (headings side by side over their own
columns of text) or a slide (the first heading on a wide, sparse page): `Heading.card`. What
follows such a heading on its page, up to the next, is the card's. A card is read when its
lines are a plan's: bullets (each an action, the plain lines before them what the card is
about, left as they are); or, with no bullets, one or two lines that each say what will be
done (opening with a verb) or carry a date, each an action. A line that is only a date
("September 2026", "Ongoing") or a label and its value ("Target: July 2026", "Lead: Head of
SEN") belongs to the action above it; "What – Who – When" lines are split into the three.
Cards holding a table, prose or nothing are left as they are; fewer than two cards read are
no poster or deck of a plan, and nothing changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import profile, rules
from sendplan.interchange.parsers.actions import only_a_date
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, Row, Table, flat
from sendplan.interchange.parsers.roles import Col

_BULLET = re.compile(r"^\s*(?:[•▪●◦‣∙·*]|[-–]\s)\s*")
_LABELLED = re.compile(r"^([A-Za-z][A-Za-z /]{1,30}?)\s*:\s*(\S.*)$")
_DASHED = re.compile(r"\s+[–—-]\s+")
_MAX_DATE_WORDS = 4
_MAX_LEAD_WORDS = 8
_MAX_ACTION_WORDS = 80
_MAX_PLAIN_ACTIONS = 2
_MIN_CARDS = 2


@dataclass
class _Action:
    title: str
    where: str
    lead: str = ""
    due: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Card:
    heading: Heading
    intro: list[Block]
    actions: list[_Action]


def tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with each run of cards read as a plan's made into an action table headed
    Action | Lead | Due date | Theme, the lines about a card before it left as they were."""
    spans = _cards(blocks)
    read = {start: card for start, (_, card) in spans.items() if card is not None}
    if len(read) < _MIN_CARDS:
        return blocks
    out: list[Block] = []
    index = 0
    table: Table | None = None
    while index < len(blocks):
        if index not in spans:
            out.append(blocks[index])
            table = None
            index += 1
            continue
        end, card = spans[index]
        if card is None:
            out.extend(blocks[index:end])
            table = None
            index = end
            continue
        if card.intro:
            out.extend(card.intro)
            table = None
        if table is None:
            table = _table(card.heading.where)
            out.append(table)
        table.rows.extend(
            Row(cells=[a.title, a.lead, a.due, card.heading.text], where=a.where)
            for a in card.actions
        )
        index = end
    return out


def _table(where: str) -> Table:
    return Table(
        # The theme last: a row opening "Work Stream 1 | …" would name a section of its own.
        rows=[Row(cells=["Action", "Lead", "Due date", "Theme"], where=where)],
        where=where,
        headed=True,
        origin=rules.CARDS.code,
    )


def _page(where: str) -> str:
    return where.split(",")[0]


def _cards(blocks: list[Block]) -> dict[int, tuple[int, _Card | None]]:
    """For each card heading, where its card ends, and the card when it reads as a plan's."""
    found: dict[int, tuple[int, _Card | None]] = {}
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading) or not block.card:
            continue
        end = index + 1
        while end < len(blocks):
            after = blocks[end]
            if _page(after.where) != _page(block.where):
                break
            if isinstance(after, Heading) and (after.card or after.level <= block.level):
                break
            end += 1
        found[index] = (end, _read(block, blocks[index + 1 : end]))
    return found


def _read(heading: Heading, content: list[Block]) -> _Card | None:
    if not content or any(isinstance(block, Table) for block in content):
        return None
    bulleted = any(_BULLET.match(block.text) for block in content if isinstance(block, Paragraph))
    intro: list[Block] = []
    actions: list[_Action] = []
    for block in content:
        text = flat(block.text)  # type: ignore[union-attr]
        if actions and _belongs(actions[-1], text):
            continue
        if bulleted and not _BULLET.match(text):
            if actions:
                # Words after the card's bullets: not what its list is.
                return None
            intro.append(block)
            continue
        title = _BULLET.sub("", text)
        if not title or len(title.split()) > _MAX_ACTION_WORDS:
            return None
        action = _Action(title=title, where=block.where)
        if not bulleted:
            _split_dashed(action)
        actions.append(action)
    if not actions:
        return None
    if not bulleted and (
        len(actions) > _MAX_PLAIN_ACTIONS
        or not all(a.due or a.lead or profile.opens_with_verb(a.title) for a in actions)
    ):
        return None
    return _Card(heading=heading, intro=intro, actions=actions)


def _is_date(text: str) -> bool:
    return len(text.split()) <= _MAX_DATE_WORDS and (only_a_date(text) or profile.is_date(text))


def _belongs(action: _Action, text: str) -> bool:
    """A line under an action that gives its date, or a label and its value: its field."""
    labelled = _LABELLED.match(text)
    if labelled is None:
        if _is_date(text) and not action.due:
            action.due = text
            return True
        return False
    label, value = labelled.group(1).strip(), labelled.group(2).strip()
    roles = cols.heading_roles(label)
    if Col.LEAD in roles and not action.lead:
        action.lead = value
        return True
    if (Col.DUE in roles or Col.TARGET in roles) and _is_date(value) and not action.due:
        action.due = value
        return True
    return False


def _split_dashed(action: _Action) -> None:
    """ "Open nurture groups – Inclusion Lead – January 2026": what, who and when."""
    parts = _DASHED.split(action.title)
    if len(parts) != 3:
        return
    what, who, when = (part.strip() for part in parts)
    if _is_date(when) and 0 < len(who.split()) <= _MAX_LEAD_WORDS and not _is_date(who):
        action.title, action.lead, action.due = what, who, when
