"""What a table's columns hold, and which column plays which part in an action table.

Headings differ from council to council and are often damaged on the way ("Respons ible
Offcer", "Key Deliverables (Activity)"); what a column holds does not: a lead column holds
people, a due column dates, a status column the plan's ratings, an action column long
sentences that open with a verb. `features` measures that for one column; `assign` gives
every column of a table its part at once, from its heading (how sure the heading match is)
and its cells together, so that two columns cannot both be the lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sendplan.interchange.parsers import dates, people, statuses, values
from sendplan.interchange.parsers.blocks import Row, flat
from sendplan.interchange.parsers.roles import Col

# Rows looked at to profile a column: enough to see what it holds, few enough to stay quick.
_SAMPLE_ROWS = 60

# Verbs that open an action ("Develop a ...", "Ensure that ..."), and their -ing forms.
_VERBS = {
    "achieve", "address", "adopt", "agree", "align", "analyse", "appoint", "arrange",
    "assess", "audit", "build", "carry", "check", "clarify", "clear", "co-produce", "coproduce",
    "collate", "collect", "commission", "communicate", "complete", "conduct", "confirm",
    "consider", "consult", "continue", "coordinate", "co-ordinate", "create", "define",
    "deliver", "design", "develop", "embed", "enable", "engage", "enhance", "ensure",
    "establish", "evaluate", "expand", "explore", "extend", "facilitate", "finalise",
    "gather", "hold", "identify", "implement", "improve", "increase", "introduce", "invest",
    "launch", "lead", "map", "monitor", "offer", "organise", "pilot", "plan", "prepare",
    "present", "produce", "promote", "provide", "publish", "raise", "recruit", "reduce",
    "refresh", "remodel", "report", "research", "reshape", "restructure", "review", "revise",
    "roll", "run", "scope", "secure", "set", "share", "streamline", "strengthen", "submit",
    "support", "train", "transform", "undertake", "update", "upskill", "use", "work", "write",
    "maintain", "tackle", "champion", "listen", "respond", "empower", "inform", "involve",
    "encourage", "focus", "target", "prioritise", "refine", "relaunch", "standardise", "track",
    "measure", "test", "trial", "procure", "recommission", "redesign", "rewrite", "host",
    "convene", "meet", "visit", "bring", "give", "make", "take", "put", "keep", "grow", "help",
    "ask", "tell", "show", "seek", "join", "form", "open", "close", "fund", "invite",
    "issue", "advertise", "assist", "approve", "draft", "enrol", "adapt", "amend", "allocate",
    "attend", "challenge", "deploy", "devise", "disseminate", "investigate", "liaise",
    "oversee", "publicise", "circulate", "distribute", "resolve", "simplify", "signpost",
    "sustain", "upgrade", "validate", "benchmark", "renew", "replace", "reconfigure",
}  # fmt: skip
# Words ending in -ing that open a sentence without being an action's verb.
_NOT_GERUNDS = {
    "during", "including", "following", "according", "regarding", "something", "nothing",
    "everything", "anything", "morning", "evening", "ongoing", "being", "concerning",
    "outstanding", "existing", "remaining", "funding", "building", "meeting", "training",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_DATE_WORDS = re.compile(
    r"^(?:tbc|tba|tbd|ongoing|on-going|termly|half[\s-]termly|monthly|weekly|fortnightly"
    r"|quarterly|annually|yearly|immediate(?:ly)?|complete[d]?|in place|now|asap)\b",
    re.I,
)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_VERB_PREFIX = re.compile(r"^(?:co|re|pre)-")


def opens_with_verb(text: str) -> bool:
    words = _WORD.findall(text[:60])
    if not words:
        return False
    first = words[0].lower()
    if first in ("to", "we", "will") and len(words) > 1:
        # "To develop ...", "We will review ...".
        first = words[2].lower() if first == "we" and len(words) > 2 else words[1].lower()
    if first.endswith("ing") and len(first) > 5:
        # "Creating a fully inclusive system", "Maintaining high expectations".
        stem = first[:-3]
        known = stem in _VERBS or f"{stem}e" in _VERBS or stem[:-1] in _VERBS
        return known or first not in _NOT_GERUNDS
    # "Co-design", "re-launch": a known verb after its prefix.
    return first in _VERBS or _VERB_PREFIX.sub("", first) in _VERBS


def is_date(text: str) -> bool:
    words = flat(text)
    if _DATE_WORDS.match(words):
        return True
    when = dates.read_when(words)
    return when.readable or bool(dates.find_dates(words[:40]))


_MAX_PERSON_WORDS = 10


def _is_person(text: str) -> bool:
    words = flat(text)
    if not words or len(words.split()) > _MAX_PERSON_WORDS:
        return False
    if _EMAIL.search(words):
        return True
    if opens_with_verb(words):
        # "Establish a multi-agency panel": an action, though "panel" names a group.
        return False
    cell = people.read_leads(text)
    if not cell.mentions:
        return False
    named = sum(1 for m in cell.mentions if m.name or m.initials or (m.role and _role_like(m.role)))
    return named >= max(1, len(cell.mentions) // 2)


def is_named_person(text: str) -> bool:
    """A name or initials, not a job title alone: "Jo Smith", "JB / PW"."""
    cell = people.read_leads(text)
    return bool(cell.mentions) and all(m.name or m.initials for m in cell.mentions)


def _role_like(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return 0 < len(words) <= 8 and any(people.is_role_word(word) for word in words)


def _is_rating(text: str, fill: str, known: frozenset[str]) -> bool:
    words = flat(statuses.shapes_as_words(text)).lower()
    if not words:
        return bool(fill)
    if words in known:
        return True
    if statuses.colour_word(words):
        return True
    if statuses.looks_like_rating(words) and len(words) <= 3:
        return True
    # "Not met", "Partially achieved", "Superseded": a tracker's rating in words.
    return statuses.rating_words(words) or statuses.state_word(words)


@dataclass(frozen=True)
class Features:
    """Shares of a column's filled cells (0 to 1), and their mean length in words."""

    filled: float = 0.0
    dates: float = 0.0
    people: float = 0.0
    ratings: float = 0.0
    refs: float = 0.0
    verbs: float = 0.0
    long: float = 0.0
    words: float = 0.0
    # Cells that repeat the cell above: a theme or priority written on every row.
    repeats: float = 0.0


def features(rows: list[Row], index: int, *, ratings: frozenset[str] = frozenset()) -> Features:
    sample = rows[:_SAMPLE_ROWS]
    cells = [
        (row.cells[index] if index < len(row.cells) else "", row.fill(index)) for row in sample
    ]
    filled = [(text.strip(), fill) for text, fill in cells if text.strip() or fill]
    if not filled:
        return Features()
    count = len(filled)
    texts = [text for text, _ in filled]
    lengths = [len(text.split()) for text in texts]
    previous = ""
    repeats = 0
    for text, _ in cells:
        text = text.strip()
        if text and text == previous:
            repeats += 1
        previous = text or previous
    return Features(
        filled=count / max(len(cells), 1),
        dates=sum(is_date(text) for text in texts if text) / count,
        people=sum(_is_person(text) for text in texts if text) / count,
        ratings=sum(_is_rating(text, fill, ratings) for text, fill in filled) / count,
        refs=sum(values.read_ref(text) is not None for text in texts if text) / count,
        verbs=sum(opens_with_verb(text) for text in texts if text) / count,
        long=sum(length >= 8 for length in lengths) / count,
        words=sum(lengths) / count,
        repeats=repeats / count,
    )


def content_score(role: Col, found: Features) -> float:
    """How well what a column holds fits a role, from 0 to 1."""
    if found.filled == 0:
        return 0.0
    short = 1.0 if found.words <= 4 else max(0.0, 1 - (found.words - 4) / 8)
    prose = min(found.words / 12, 1.0)
    if role is Col.REF:
        return found.refs * short
    if role is Col.TITLE:
        return max(0.0, 0.45 * prose + 0.55 * found.verbs - 0.5 * (found.dates + found.people))
    if role is Col.LEAD:
        return found.people * (1 - found.dates) * (1 - 0.5 * found.long)
    if role in (Col.DUE, Col.STARTS):
        return found.dates * short
    if role is Col.STATUS:
        return found.ratings * short * (1 - found.dates)
    if role in (Col.MEASURES, Col.PROGRESS, Col.OUTCOMES, Col.IMPACT):
        return max(0.0, prose * (1 - found.verbs) - 0.5 * found.people)
    if role is Col.SECTION:
        return found.repeats * (1 - found.dates) * (1 - found.ratings)
    return 0.0


# Parts a column of an action table can play, and how many columns may play each.
_ONE = (Col.REF, Col.TITLE, Col.LEAD, Col.DUE, Col.STARTS, Col.SECTION)
_MANY = (Col.STATUS, Col.PROGRESS, Col.MEASURES)
ACTION_ROLES = (*_ONE, *_MANY)
# How sure a part given by content alone must be to be given at all.
_CONTENT_FLOOR = 0.55


@dataclass(frozen=True)
class Choice:
    role: Col
    # How sure, from 0 to 1: the margin over the next best part, on top of the score.
    confidence: float
    # "heading" when the heading decided, "content" when the cells did.
    basis: str


def assign(
    scores: dict[int, dict[Col, float]], *, fixed: dict[int, Col] | None = None
) -> dict[int, Choice]:
    """The part each column plays, all columns at once: the best total, with at most one
    column for each of ref, action, lead, due date, start date and section, and any number
    of status, progress and measures columns. `fixed` columns keep the part given them.

    A greedy choice, best pair first, is the best total here: a table has a dozen columns
    and the parts rarely compete for the same column."""
    fixed = fixed or {}
    taken: dict[Col, int] = {}
    chosen: dict[int, Choice] = {}
    for index, role in fixed.items():
        chosen[index] = Choice(role, 1.0, "heading")
        if role in _ONE:
            taken[role] = index
    pairs = sorted(
        (
            (score, index, role)
            for index, by_role in scores.items()
            if index not in fixed
            for role, score in by_role.items()
        ),
        key=lambda pair: -pair[0],
    )
    for score, index, role in pairs:
        if index in chosen or score < _CONTENT_FLOOR:
            continue
        if role in _ONE and role in taken:
            continue
        others = sorted((s for r, s in scores[index].items() if r is not role), reverse=True)
        margin = score - (others[0] if others else 0.0)
        chosen[index] = Choice(role, round(min(1.0, 0.5 * score + 0.5 * margin + 0.25), 2), "")
        if role in _ONE:
            taken[role] = index
    return chosen
