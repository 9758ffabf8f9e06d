"""A plan's lists read as its actions, when a person asks for it on the check page.

Some plans are written as lists under headings, with nothing that says which of them are
the actions: a strategy's priorities, each with the things the area will do under it as
bullets, or a web page of commitments. When the importer finds no actions, or reads a plan
without tables and gets its lists wrong, the check page offers to read every item of a list
as an action instead (`Layout.list_items`). Then, and only then:

- each bulleted, dashed or numbered line of three words or more is an action, its number (if
  it has one) its ref, and the actions the importer found by itself are set aside;
- the short line (a heading, or a line of a few words that does not end as a sentence does)
  last seen before a run of items is the section the items belong to: a theme or priority the
  importer already opened from it ("Priority 2: ...") is used again, with its ref;
- items before any such line go in the plan's catch-all section.

Everything placed this way says so (its rule, and a confidence below the importer's own
readings), so that the check page lists these actions first for the person to look over.
When the plan holds no list items at all, nothing is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sendplan.interchange.parsers import rules, values
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, comparable, flat
from sendplan.interchange.parsers.builder import Action, PlanBuilder, Section

# A list item's mark: a bullet or dash, or a number or letter with a stop or bracket.
_ITEM = re.compile(
    r"^\s*(?:[•·▪◦‣●○■□\-–—*>]+\s*|\(?(?P<ref>\d{1,2}(?:\.\d{1,2}){0,2}|[a-z]|[ivx]{1,4})[.)]\s+)"
    r"(?P<text>\S.*)$",
    re.IGNORECASE,
)
# "Priority 1 Engagement …", "Enabler 2: Workforce": a line opening with a level and its
# number, as a table of priorities flattened to lines gives them. Items only in a run of
# _MIN_LEVELLED such lines, so that a sentence about "Priority 1" in prose stays out.
_LEVELLED = re.compile(
    r"^(?P<ref>(?:priority|enabler|objective|outcome|workstream|theme|commitment|aim|goal"
    r"|area for (?:development|improvement))\s+\d{1,2}(?:\.\d{1,2})?)\s*[:.\-–]?\s+"
    r"(?P<text>(?!is\b|are\b|will\b|was\b|has\b)\S.*)$",
    re.IGNORECASE,
)
_MIN_LEVELLED = 3
# An item this short is a link or a label ("Home", "Contact us"), not something to do.
_MIN_ITEM_WORDS = 3
# A line this long, or ending as a sentence does, is narrative rather than a heading.
_MAX_HEADING_WORDS = 14
_LEVEL = "Section"
_CONFIDENCE = 0.6


def read(blocks: list[Block], plan: PlanBuilder) -> int:
    """Make every list item an action under the heading before it, in place of the actions
    found before; the number made."""
    items = list(_items(blocks))
    if not items:
        return 0
    for section in plan.all_sections():
        section.actions.clear()
    plan.actions_by_ref.clear()
    known = {comparable(section.title): section for section in plan.all_sections()}
    sections: dict[str | None, Section] = {}
    for heading, ref, words, where in items:
        if heading not in sections:
            sections[heading] = _section(plan, known, heading, where)
        plan.add_action(
            Action(
                title=words,
                where=where,
                ref=ref,
                rule=rules.LIST_ITEMS_CHOSEN.code,
                confidence=_CONFIDENCE,
            ),
            sections[heading],
        )
    plan.drop_empty_fallback()
    _drop_read_as_items(plan, [words for _, _, words, _ in items])
    plan.note(
        items[0][3],
        f"Read {len(items)} list item(s) as actions, as asked on the check page.",
        rule=rules.LIST_ITEMS_CHOSEN,
    )
    return len(items)


def _items(blocks: list[Block]) -> Iterator[tuple[str | None, str | None, str, str]]:
    """(heading, ref, words, where) of each list item, in the order read."""
    lines = [
        (block, flat(line))
        for block in blocks
        if isinstance(block, Heading | Paragraph)
        for line in block.text.splitlines()
        if flat(line)
    ]
    levelled = _levelled_runs([text for _, text in lines])
    heading: str | None = None
    for number, (block, text) in enumerate(lines):
        if number in levelled:
            item = _LEVELLED.match(text)
            assert item is not None
            yield (
                heading,
                " ".join(item.group("ref").split()),
                flat(item.group("text")),
                (block.where),
            )
            continue
        item = _ITEM.match(text)
        if item is None:
            if isinstance(block, Heading) or _heading_like(text):
                heading = text.rstrip(":").strip()
            continue
        words = flat(item.group("text"))
        if len(words.split()) >= _MIN_ITEM_WORDS:
            ref = item.group("ref")
            yield heading, ref.lower() if ref and not ref.isdigit() else ref, words, block.where


def _levelled_runs(texts: list[str]) -> set[int]:
    """The lines in runs of _MIN_LEVELLED or more in a row that open with a level and its
    number ("Priority 1 …", "Enabler 2 …")."""
    found: set[int] = set()
    run: list[int] = []
    for number, text in enumerate([*texts, ""]):
        if _LEVELLED.match(text):
            run.append(number)
            continue
        if len(run) >= _MIN_LEVELLED:
            found.update(run)
        run = []
    return found


def _drop_read_as_items(plan: PlanBuilder, items: list[str]) -> None:
    """Take away the sections, now empty, that the importer opened from lines read as items
    ("Priority 1 Engagement …" was a priority; it is now an action)."""
    words = [comparable(item) for item in items]
    for section in plan.all_sections():
        title = comparable(section.title)
        if section.actions or section.children or not title:
            continue
        if any(item.startswith(title) for item in words):
            (section.parent.children if section.parent else plan.roots).remove(section)
            if section.ref and plan.sections_by_ref.get(section.ref) is section:
                del plan.sections_by_ref[section.ref]


def _heading_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_HEADING_WORDS and not text.endswith((".", "!", "?", ","))


def _section(
    plan: PlanBuilder, known: dict[str, Section], heading: str | None, where: str
) -> Section:
    """The section a heading names: one the importer opened from it, else a new one."""
    if heading is None:
        return plan.fallback_section(where)
    named = values.section_heading(heading)
    found = plan.sections_by_ref.get(named.ref) if named is not None and named.ref else None
    found = found or known.get(comparable(named.title if named else heading))
    if found is None:
        found = plan.add_section(
            title=named.title if named else heading,
            level=named.level if named else _LEVEL,
            ref=named.ref if named else None,
            parent=None,
            rule=rules.LIST_ITEMS_CHOSEN,
            confidence=_CONFIDENCE,
        )
        known[comparable(found.title)] = found
    return found
