"""Action tables whose columns ran together, as text copied from a multi-column PDF arrives.

Each row of such a table comes out as one long line without tabs: the ref ("2.6") somewhere
in the middle, beside a lead cut short at the column's edge ("anne Everett"), a group and a
timeframe ("Jun-21"), with the action's text, its measures and its progress as sentences on
either side. The interpreter collects those lines, from a row of the table's headings run
together in any order up to the next table, as a `Region`; `read_regions` picks out what
general rules can tell apart, and reports everything else beside the ref it was near:

- refs that carry on the plan's numbering (2.1 or 1.10 after 1.9), never one already in use;
- leads: people the plan names elsewhere, even when cut short at either end, or names and
  roles joined by "/" or "&" ("Lisa Seymour & Kate Jordan"), whichever is nearest the ref;
- the timeframe ("Jun-21", "Monthly") and one of the plan's groups among the words after it;
- the action's text: the sentences starting "To ..." (else an imperative, "Develop ...") on
  the side of each ref where this plan's layout puts them.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import dates, people, rules
from sendplan.interchange.parsers.actions import ABBREVIATIONS, NAME_FOLLOWS
from sendplan.interchange.parsers.blocks import comparable, flat
from sendplan.interchange.parsers.builder import Action, PlanBuilder, Section

# How many words from its ref a lead may be, and how many words after it hold the timeframe.
_LEAD_REACH = 40
_AFTER_REF = 8
# How far a ref may skip ahead of the one before it ("1.6" after "1.4"; "3.1" after "2.10").
_SKIP = 3
# Words said this often, this many in a row within one sentence, are a cell repeated row
# after row (a group, a list of members), not one action's text; so are their last words
# (at least _TAIL_WORDS of them) where the column's edge cut the rest off.
_CELL_WORDS = 8
_CELL_REPEATS = 3
_TAIL_WORDS = 5
# Jumbled headings are a table's only when at least this many, and rows run on after them.
_MIN_HEADINGS = 4
_MIN_ROW_WORDS = 10
_QUOTED = 160

_QUOTES = "'\"‘’“”"
_PUNCTUATION = ".,;:!?()[]" + _QUOTES
_TOKEN = re.compile(r"[/&]|[^\s/&]+")
_WORD = re.compile(r"\S+")
_DOTTED_REF = re.compile(r"\d{1,2}(?:\.\d{1,2})+")
_REF_IN_TEXT = re.compile(r"(?<![\w.])\d{1,2}(?:\.\d{1,2})+(?![\w.])")
_MEASURE_CODE = re.compile(r"\d{1,2}[A-Za-z],?")
_MONTH = re.compile(
    r"(?i)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[-'’/]?(?:\d{4}|\d{2})"
)
_YEAR = re.compile(r"\d{4}")
# Verbs an action's text opens with when it does not start "To ...", and words after which
# they are nouns instead ("Review of contracts").
_IMPERATIVES = {
    "agree", "align", "appoint", "build", "carry", "commission", "complete", "conduct",
    "confirm", "consult", "coordinate", "co-ordinate", "co-produce", "coproduce", "create",
    "deliver", "design", "develop", "embed", "engage", "ensure", "establish", "evaluate",
    "expand", "explore", "extend", "identify", "implement", "improve", "increase",
    "introduce", "launch", "produce", "promote", "provide", "publish", "realign", "recruit",
    "redesign", "reduce", "refresh", "revise", "strengthen", "train", "undertake", "upskill",
}  # fmt: skip
# The small words a phrase opens with, and how far back from a stray closing bracket the
# phrase holding it may start.
_PHRASE_OPENERS = {
    "about", "across", "as", "at", "by", "for", "from", "in", "into", "of", "on", "to", "via",
    "with", "within",
}  # fmt: skip
_PHRASE_WORDS = 4
# How many words of an action's text broken off mid-sentence may sit after its ref.
_LAST_LINE_WORDS = 3
_NOUN_AFTER = {"of", "is", "are", "was", "were", "has", "have", "will", "to", "for", "and"}
# Words before a number that make it a cross reference ("see 2.3"), not an action's ref.
_CROSS_REF_WORDS = {"see", "ref", "refs", "cross", "also", "action", "actions", "para"}


@dataclass
class Passage:
    text: str
    where: str


@dataclass
class Region:
    """The lines of one table whose columns ran together, from its jumbled headings on."""

    where: str
    # The section open where the region began, and the level its sections would have.
    section: Section | None
    level: str
    # Refs of the actions read before it: the numbering its refs carry on.
    refs_before: list[str]
    passages: list[Passage] = field(default_factory=list)
    # Whether the table's headings put a column of section titles ("Priority") before the
    # action's text: a section's title, written once beside its rows, then runs into the
    # text of whichever action sits beside it.
    section_first: bool = False

    def add(self, text: str, where: str) -> None:
        if text.strip():
            self.passages.append(Passage(flat(text), where))


def jumbled_header(text: str, headings: list[str]) -> int | None:
    """Where the rows begin when `text` opens with a table's column headings run together, in
    any order and some cut short at the front ("Lead Timeframe iority Reference ...").

    `headings` are those of the plan's action table; with none, any words that head a column
    will do, as long as they name the ref and the action's text.
    """
    wanted = _wanted(tuple(headings))
    first = _WORD.search(text)
    if first is None:
        return None
    opening = cols.normalise(first.group())
    starts = {heading.split()[0] for heading in wanted}
    if wanted and not any(len(opening) >= 3 and start.endswith(opening) for start in starts):
        return None
    if not wanted and not _REF_IN_TEXT.search(text):
        # With no table to know the headings by, the rows that follow must show a ref.
        return None
    # Only the first words can be headings: as many as the headings have, and one more.
    most = sum(len(heading.split()) for heading in wanted) + 1 if wanted else 30
    words = list(itertools.islice(_WORD.finditer(text), most))
    norms = [cols.normalise(word.group()) for word in words]
    found: list[str] = []
    at = 0
    while at < len(words):
        heading = _heading_at(norms, at, wanted, found)
        if heading is None:
            break
        found.append(heading)
        at += len(heading.split())
    rows = text[words[at].start() :].split() if at < len(words) else []
    if len(found) < _MIN_HEADINGS or len(rows) < _MIN_ROW_WORDS:
        return None
    if wanted and len(found) * 3 < len(wanted) * 2:
        return None
    if not wanted:
        roles = {role for heading in found for role in cols.heading_roles(heading)}
        if not {cols.Col.REF, cols.Col.TITLE} <= roles:
            return None
    return words[at].start()


@functools.cache
def _wanted(headings: tuple[str, ...]) -> tuple[str, ...]:
    """A table's headings as `jumbled_header` looks for them: normalised, longest first."""
    norms = {norm for norm in (cols.normalise(heading) for heading in headings) if norm}
    return tuple(sorted(norms, key=lambda heading: -len(heading.split())))


def _heading_at(norms: list[str], at: int, wanted: tuple[str, ...], found: list[str]) -> str | None:
    """The heading the words at `at` spell, longest first, each used once."""
    if not wanted:
        for size in range(5, 0, -1):
            words = " ".join(norms[at : at + size])
            whole = len(norms[at : at + size]) == size
            if whole and words not in found and cols.heading_roles(words, fuzzy=False):
                return words
        return None
    for heading in wanted:
        parts = heading.split()
        got = norms[at : at + len(parts)]
        if heading in found or len(got) < len(parts) or got[1:] != parts[1:]:
            continue
        # Text cut at a column's left edge loses the start of its first word ("iority").
        if got[0] == parts[0] or (len(got[0]) >= 3 and parts[0].endswith(got[0])):
            return heading
    return None


# Reading the regions


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    line: int
    region: int
    # The text without the punctuation around it.
    word: str

    @property
    def capitalised(self) -> bool:
        return self.word[:1].isupper()


@dataclass
class _Mention:
    """One person or post in a lead, by token positions [start, end)."""

    start: int
    end: int
    text: str
    known: bool
    # The words as written, when `text` restores letters the column's edge cut off.
    cut: str | None = None


@dataclass
class _Lead:
    start: int
    end: int
    mentions: list[_Mention]
    text: str


@dataclass
class _Run:
    """Words that may be an action's text: sentences opening "To ...", or an imperative."""

    start: int
    end: int
    sentences: int
    # It stops where a cell repeated row by row begins, not at a full stop or a ref.
    before_repeat: bool = False
    # It stops mid-sentence, where another column's words begin ("young person Continued").
    broken: bool = False
    # It was carried on over a sentence that ends at its ref.
    carried_on: bool = False


@dataclass
class _Found:
    """A ref read in the words, and what was read beside it; positions are token indices."""

    ref: str
    at: int
    lead: _Lead | None = None
    due_text: str | None = None
    group: str | None = None
    run: _Run | None = None
    runs: list[_Run] = field(default_factory=list)
    # The longest stretch of words near the ref, taken when none read like an action's text.
    fallback: _Run | None = None
    used: set[int] = field(default_factory=set)
    leftovers: list[str] = field(default_factory=list)
    # Words of another column cut from the end of its text, around a stray closing bracket.
    dropped: str | None = None
    # The last words of its text, found after the ref when the text broke off before it.
    tail: tuple[int, int] | None = None


def read_regions(plan: PlanBuilder, regions: list[Region]) -> None:
    """Add the actions found in each region to the plan, and report what was left."""
    regions = [region for region in regions if region.passages]
    if regions:
        _Reader(plan, regions).read()


class _Reader:
    """All the regions of one plan as one list of words (tokens), each knowing its line and
    region, read together: the layout's side and repeated cells show across all of them."""

    def __init__(self, plan: PlanBuilder, regions: list[Region]) -> None:
        self.plan = plan
        self.regions = regions
        self.passages = [passage for region in regions for passage in region.passages]
        self.tokens: list[_Token] = []
        line = 0
        for number, region in enumerate(regions):
            for passage in region.passages:
                for match in _TOKEN.finditer(passage.text):
                    text = match.group()
                    word = text.strip(_PUNCTUATION)
                    self.tokens.append(_Token(text, match.start(), match.end(), line, number, word))
                line += 1
        # Where each region's tokens start and end.
        self._bounds: dict[int, tuple[int, int]] = {}
        for index, token in enumerate(self.tokens):
            first, _ = self._bounds.get(token.region, (index, index))
            self._bounds[token.region] = (first, index + 1)
        self.names, self.roles = _known_leads(plan)
        self.groups = _known_groups(plan)
        self.sections: dict[int, Section] = {}
        # Sections made for refs whose titles are still to be read, and those given one.
        self._untitled: dict[int, tuple[Section, str]] = {}
        self._titled: list[tuple[int, Section, str, str]] = []
        self._found_leads: list[_Lead] | None = None
        self._known_cache: dict[int, _Mention | None] = {}
        self._index()

    # Small facts about tokens

    def _same_line(self, first: int, last: int) -> bool:
        tokens = self.tokens
        return 0 <= first <= last < len(tokens) and tokens[first].line == tokens[last].line

    def _text(self, start: int, end: int) -> str:
        """The words of tokens [start, end) as written, within one line."""
        first, last = self.tokens[start], self.tokens[end - 1]
        return self.passages[first.line].text[first.start : last.end]

    def _ends_sentence(self, index: int) -> bool:
        tokens = self.tokens
        if index + 1 >= len(tokens) or tokens[index + 1].line != tokens[index].line:
            return True
        text = tokens[index].text.rstrip(")]" + _QUOTES)
        if not text.endswith((".", "!", "?")) or text.lower().endswith(ABBREVIATIONS):
            return False
        following = tokens[index + 1].text.lstrip("(" + _QUOTES)
        return following[:1].isupper() or following[:1].isdigit()

    def _is_code(self, index: int) -> bool:
        """ "2A Parental feedback ...": a success measure numbered against a framework."""
        tokens = self.tokens
        if not _MEASURE_CODE.fullmatch(tokens[index].text):
            return False
        return self._same_line(index, index + 1) and tokens[index + 1].word[:1].isalpha()

    # Refs

    def _refs(self) -> list[_Found]:
        """Refs that carry on the plan's numbering, in order, each used once."""
        known = [
            numbers for ref in self.regions[0].refs_before if (numbers := _numbers(ref)) is not None
        ]
        depth = Counter(len(numbers) for numbers in known).most_common(1)
        size = depth[0][0] if depth else 2
        previous = max((n for n in known if len(n) == size), default=None)
        taken = set(self.plan.actions_by_ref)
        found = []
        for index, token in enumerate(self.tokens):
            numbers = _numbers(token.text)
            if numbers is None or len(numbers) != size or token.text in taken:
                continue
            before = (
                self.tokens[index - 1].word.lower() if self._same_line(index - 1, index) else ""
            )
            if before in _CROSS_REF_WORDS:
                continue
            if _follows(previous, numbers):
                found.append(_Found(ref=token.text, at=index))
                taken.add(token.text)
                previous = numbers
        return found

    # People

    def _known_at(self, start: int) -> _Mention | None:
        """A person or post the plan names elsewhere, starting at `start`, even cut short at
        the front ("anne Everett" for Marianne Everett) or the back ("Marianne Everet")."""
        if start not in self._known_cache:
            self._known_cache[start] = self._find_known(start)
        return self._known_cache[start]

    def _index(self) -> None:
        """Known names by their length and the first letters of their last word (whole or cut
        at the back, it keeps those), and posts by their first word, to look them up fast."""
        self._known_cache.clear()
        self._names_by_end: dict[tuple[int, str], list[list[str]]] = {}
        for name in self.names:
            self._names_by_end.setdefault((len(name), name[-1][:3].lower()), []).append(name)
        self._roles_by_start: dict[str, list[list[str]]] = {}
        for role in self.roles:
            self._roles_by_start.setdefault(role[0].lower(), []).append(role)
        self._name_sizes = sorted({len(name) for name in self.names})

    def _find_known(self, start: int) -> _Mention | None:
        matches: dict[str, _Mention] = {}
        names = [
            name
            for size in self._name_sizes
            if self._same_line(start, start + size - 1)
            for name in self._names_by_end.get(
                (size, self.tokens[start + size - 1].word[:3].lower()), []
            )
        ]
        for name in names:
            end = start + len(name)
            got = [token.word for token in self.tokens[start:end]]
            if _same_words(got, name):
                written = self._text(start, end).strip(_PUNCTUATION)
                full = " ".join(name)
                cut = written if comparable(written) != comparable(full) else None
                matches[full.lower()] = _Mention(
                    start, end, written if cut is None else full, True, cut
                )
        for role in self._roles_by_start.get(self.tokens[start].word.lower(), []):
            end = start + len(role)
            if self._same_line(start, end - 1):
                got = [token.word.lower() for token in self.tokens[start:end]]
                if got == [word.lower() for word in role]:
                    written = self._text(start, end).strip(_PUNCTUATION)
                    matches[written.lower()] = _Mention(start, end, written, True)
        if len(matches) != 1:
            # Two people fit the words that are left: neither is meant for certain.
            return None
        return next(iter(matches.values()))

    def _cut_role_at(self, start: int) -> _Mention | None:
        """A post cut short at the back, right after "/": "Laura Goodfellow/SC" for SC SDM."""
        token = self.tokens[start]
        fits = [role for role in self.roles if len(role) > 1 and role[0] == token.word]
        if len(fits) != 1 or not token.word.isupper():
            return None
        role = " ".join(fits[0])
        return _Mention(start, start + 1, role, True, token.word)

    def _fresh_name_at(self, start: int) -> _Mention | None:
        if not self._same_line(start, start + 1):
            return None
        first, last = self.tokens[start], self.tokens[start + 1]
        if first.text != first.word:
            return None
        name = f"{first.word} {last.word}"
        if not people.is_name(name):
            return None
        return _Mention(start, start + 2, name, False)

    def _fresh_role_from(self, start: int) -> _Mention | None:
        """ "PfA Lead" after "/": capitalised words up to one that job titles end on."""
        for end in range(start, min(start + 3, len(self.tokens))):
            token = self.tokens[end]
            if not token.capitalised or not self._same_line(start, end):
                return None
            if people.is_role_word(token.word):
                return _Mention(
                    start, end + 1, self._text(start, end + 1).strip(_PUNCTUATION), False
                )
            if token.text != token.word:
                return None
        return None

    def _fresh_role_to(self, end: int) -> _Mention | None:
        """ "PfA Lead" before "/": capitalised words ending on a word job titles end on."""
        last = end - 1
        if (
            last < 0
            or not self.tokens[last].capitalised
            or not people.is_role_word(self.tokens[last].word)
        ):
            return None
        start = last
        while (
            start - 1 >= 0
            and last - start < 2
            and self._same_line(start - 1, last)
            and self.tokens[start - 1].capitalised
            and self.tokens[start - 1].text == self.tokens[start - 1].word
        ):
            start -= 1
        return _Mention(start, end, self._text(start, end).strip(_PUNCTUATION), False)

    def _mention_after(self, start: int) -> _Mention | None:
        if start >= len(self.tokens):
            return None
        return (
            self._known_at(start)
            or self._fresh_name_at(start)
            or self._fresh_role_from(start)
            or self._cut_role_at(start)
        )

    def _mention_before(self, end: int) -> _Mention | None:
        for start in range(max(0, end - 4), end):
            known = self._known_at(start)
            if known is not None and known.end == end:
                return known
        if end >= 2:
            fresh = self._fresh_name_at(end - 2)
            if fresh is not None:
                return fresh
        return self._fresh_role_to(end)

    def _leads(self) -> list[_Lead]:
        """Every lead the words hold: mentions joined by "/" or "&", and people the plan
        names elsewhere standing alone. Names in a list with commas are members, not leads.

        Names first met joined to others ("Vicki Pike/Sam Ives") are then known, so that the
        same name cut short elsewhere ("icki Pike") is found too."""
        if self._found_leads is None:
            chains = self._chains()
            if self._learn(chains):
                self._index()
                chains = self._chains()
            self._found_leads = [lead for chain in chains if (lead := self._lead(chain))]
        return self._found_leads

    def _chains(self) -> list[list[_Mention]]:
        chains: list[list[_Mention]] = []
        for joiner, token in enumerate(self.tokens):
            if token.text not in ("/", "&") or not self._same_line(joiner - 1, joiner + 1):
                continue
            left, right = self._mention_before(joiner), self._mention_after(joiner + 1)
            if left is None or right is None:
                continue
            if chains and chains[-1][-1].start <= left.start < chains[-1][-1].end + 1:
                chains[-1].append(right)
            else:
                chains.append([left, right])
        taken = {index for chain in chains for m in chain for index in range(m.start, m.end)}
        index = 0
        while index < len(self.tokens):
            known = None if index in taken else self._known_at(index)
            if known is not None:
                chains.append([known])
                index = known.end
            else:
                index += 1
        return sorted(chains, key=lambda chain: chain[0].start)

    def _learn(self, chains: list[list[_Mention]]) -> bool:
        """Names (not posts, whose words are common ones) first met in a chain of leads."""
        learned = False
        for chain in chains:
            for mention in chain if len(chain) > 1 else []:
                words = mention.text.split()
                if not mention.known and people.is_name(mention.text) and words not in self.names:
                    self.names.append(words)
                    learned = True
        return learned

    def _lead(self, chain: list[_Mention]) -> _Lead | None:
        start, end = chain[0].start, chain[-1].end
        if len(chain) == 1 and (self._in_list(start, end) or end - start == 1):
            # One word alone ("DCO") is too common to be taken for a lead by itself.
            return None
        text = chain[0].text
        for before, after in itertools.pairwise(chain):
            line = self.passages[self.tokens[before.start].line].text
            text += line[self.tokens[before.end - 1].end : self.tokens[after.start].start]
            text += after.text
        return _Lead(start, end, chain, text)

    def _in_list(self, start: int, end: int) -> bool:
        if self.tokens[end - 1].text.endswith(","):
            return True
        return self._same_line(start - 1, start) and self.tokens[start - 1].text.endswith(",")

    def _name_lists(self) -> set[int]:
        """Where lists of members start: two or more people among items split by commas."""
        starts: set[int] = set()
        for index in range(len(self.tokens)):
            first = self._known_at(index) or self._fresh_name_at(index)
            if first is None or not self.tokens[first.end - 1].text.endswith(","):
                continue
            at, names = first.end, 1
            while at < len(self.tokens) and self._same_line(first.start, at):
                names += bool(self._known_at(at) or self._fresh_name_at(at))
                ends = [
                    i
                    for i in range(at, min(at + 4, len(self.tokens)))
                    if self._same_line(at, i) and self.tokens[i].text.endswith(",")
                ]
                if not ends:
                    break
                at = ends[0] + 1
            if names >= 2:
                starts.add(first.start)
        return starts

    def _assign_leads(self, found: list[_Found]) -> None:
        """Each lead goes to its nearest ref; each ref takes the nearest of its own leads."""
        owned: dict[int, list[tuple[int, _Lead]]] = {}
        for lead in self._leads():
            distances = [
                (self._distance(lead.start, lead.end, item.at), number)
                for number, item in enumerate(found)
                if self.tokens[item.at].region == self.tokens[lead.start].region
            ]
            if distances:
                distance, number = min(distances)
                owned.setdefault(number, []).append((distance, lead))
        for number, item in enumerate(found):
            near = [pair for pair in owned.get(number, []) if pair[0] <= _LEAD_REACH]
            if near:
                item.lead = min(near, key=lambda pair: pair[0])[1]

    @staticmethod
    def _distance(start: int, end: int, at: int) -> int:
        return at - end if end <= at else start - at - 1

    # Timeframe and group

    def _after_ref(self, item: _Found) -> Iterator[int]:
        """Positions of the words after a ref that may belong to its short cells."""
        for index in range(item.at + 1, min(item.at + 1 + _AFTER_REF, len(self.tokens))):
            if not self._same_line(item.at, index) or self._is_code(index):
                return
            if _numbers(self.tokens[index].text) is not None:
                return
            yield index
            if self._ends_sentence(index):
                return

    def _timeframe(self, item: _Found) -> None:
        for index in self._after_ref(item):
            token = self.tokens[index]
            if token.text == "To":
                return
            words = token.word
            if index + 1 < len(self.tokens) and _YEAR.fullmatch(self.tokens[index + 1].word):
                two = f"{words} {self.tokens[index + 1].word}"
                if dates.read_period(two) and self._same_line(index, index + 1):
                    item.due_text, item.used = two, item.used | {index, index + 1}
                    return
            latin = dates.latin_date_word(words)
            if latin:
                words = latin
            month = _MONTH.fullmatch(words) and dates.read_period(words)
            if month or (words[:1].isupper() and words.lower() in dates.DATE_WORDS):
                item.due_text = words
                item.used.add(index)
                return

    def _group(self, item: _Found) -> None:
        """One of the groups the plan names, among the first words after the ref."""
        lead = range(item.lead.start, item.lead.end) if item.lead is not None else range(0)
        after = [index for index in self._after_ref(item) if index not in lead]
        for index in after[:3]:
            for group in self.groups:
                end = index + len(group)
                if not self._same_line(index, end - 1) or any(i in lead for i in range(index, end)):
                    continue
                got = [token.word for token in self.tokens[index:end]]
                if _same_words(got, group, cut=len(group[-1]) - 3):
                    whole = [g.lower() for g in got] == [w.lower() for w in group]
                    item.group = self._text(index, end) if whole else " ".join(group)
                    item.used |= set(range(index, end))
                    return

    # The action's text

    def _repeated(self) -> tuple[set[int], set[int]]:
        """Where cells repeated row by row (a group's name, a list of members) start, and all
        the positions they cover."""
        words = [(index, token.word.lower()) for index, token in enumerate(self.tokens)]
        words = [(index, word) for index, word in words if word]
        counts: Counter[tuple[str, ...]] = Counter()
        windows: dict[int, tuple[str, ...]] = {}
        for at in range(len(words) - _CELL_WORDS + 1):
            window = words[at : at + _CELL_WORDS]
            if not self._same_line(window[0][0], window[-1][0]):
                continue
            if any(self._ends_sentence(index) for index, _ in window[:-1]):
                continue
            windows[at] = tuple(word for _, word in window)
            counts[windows[at]] += 1
        repeated = {at for at, window in windows.items() if counts[window] >= _CELL_REPEATS}
        marks: set[int] = set()
        covered: set[int] = set()
        cells: set[tuple[str, ...]] = set()
        at = 0
        while at < len(words):
            if at not in repeated:
                at += 1
                continue
            last = at
            while last + 1 in repeated:
                last += 1
            cells.add(tuple(word for _, word in words[at : last + _CELL_WORDS]))
            marks.add(words[at][0])
            covered |= set(range(words[at][0], words[last + _CELL_WORDS - 1][0] + 1))
            at = last + 1
        tails = {cell[-size:] for cell in cells for size in range(_TAIL_WORDS, len(cell))}
        sizes: dict[str, set[int]] = {}
        for tail in tails:
            sizes.setdefault(tail[0], set()).add(len(tail))
        for at, (index, word) in enumerate(words):
            if index in covered:
                continue
            for size in sorted(sizes.get(word, ()), reverse=True):
                stretch = words[at : at + size]
                whole = len(stretch) == size and self._same_line(index, stretch[-1][0])
                if whole and tuple(w for _, w in stretch) in tails:
                    marks.add(index)
                    covered |= set(range(index, stretch[-1][0] + 1))
                    break
        return marks, covered

    def _runs(self, stops: set[int], taken: set[int], repeated: set[int]) -> list[_Run]:
        """Every stretch of words that may be an action's text."""
        runs = []
        index = 0
        while index < len(self.tokens):
            if index in taken or not self._opens(index, taken):
                index += 1
                continue
            run = self._run_from(index, stops, taken, repeated)
            runs.append(run)
            index = run.end
        return runs

    def _opens(self, index: int, taken: set[int]) -> bool:
        """Whether an action's text may open here: "To" and a verb, wherever it stands (a
        capital "To" mid-sentence starts another column's words), or an imperative opening a
        sentence or following a ref, a lead or another short cell."""
        tokens = self.tokens
        if not self._same_line(index, index + 1):
            return False
        following = tokens[index + 1].text
        if tokens[index].text == "To":
            # "To be' ..." quotes a phrase; an action's text goes on "To develop ...".
            return following.isalpha() and following.islower()
        starts = (
            index == 0
            or not self._same_line(index - 1, index)
            or self._ends_sentence(index - 1)
            or index - 1 in taken
        )
        return (
            starts
            and tokens[index].text.lower() in _IMPERATIVES
            and tokens[index].text[:1].isupper()
            and following.lower() not in _NOUN_AFTER
        )

    def _run_from(self, start: int, stops: set[int], taken: set[int], repeated: set[int]) -> _Run:
        """From where an action's text may open, to the end of its sentence, running on into
        a bracketed aside ("(For example ...") or another sentence opening "To ...", and
        stopping short of whatever belongs to another column."""
        sentences = 1
        index = start
        while True:
            nxt = index + 1
            if self._ends_sentence(index):
                if not self._same_line(index, nxt) or nxt in stops:
                    return _Run(start, nxt, sentences)
                if self.tokens[nxt].text == "To" and self._opens(nxt, taken):
                    sentences += 1
                elif not self.tokens[nxt].text.startswith("("):
                    return _Run(start, nxt, sentences)
            if nxt - start >= _TAIL_WORDS and self._column_break(nxt):
                return _Run(start, nxt, sentences, broken=True)
            if nxt in stops or (nxt in repeated and nxt - start >= _TAIL_WORDS):
                end = nxt
                while end - 1 > start and self.tokens[end - 1].text in ("/", "&", ","):
                    end -= 1
                return _Run(start, end, sentences, before_repeat=nxt not in stops)
            index = nxt

    def _column_break(self, index: int) -> bool:
        """Whether another column's words begin at `index` in the middle of a sentence: a
        capitalised word between two lower-case ones, after a word no name follows ("young
        person Continued development"; not "with Telford Youth" or "the Local Offer")."""
        if not self._same_line(index - 1, index + 1):
            return False
        before, word, after = self.tokens[index - 1 : index + 2]
        if before.text != before.word or after.text != after.word:
            return False
        if not (before.text.isalpha() and before.text.islower()):
            return False
        if not (after.text.isalpha() and after.text.islower()) or after.text in NAME_FOLLOWS:
            return False
        if not (word.text.isalpha() and word.text[0].isupper() and word.text[1:].islower()):
            return False
        if before.text in NAME_FOLLOWS or word.text.lower() in NAME_FOLLOWS:
            return False
        return self._known_at(index) is None

    def _longest_stretch(
        self, start: int, end: int, stops: set[int], taken: set[int]
    ) -> _Run | None:
        """The longest stretch of words between full stops and other columns' cells, other
        than a numbered measure: the best there is for an action's text when none of the words
        near its ref read like one."""
        stretches: list[tuple[_Run, bool]] = []
        for index in range(start, end):
            if index in taken:
                continue
            last = stretches[-1][0] if stretches else None
            carries = (
                last is not None
                and last.end == index
                and index not in stops
                and self._same_line(index - 1, index)
                and not self._ends_sentence(index - 1)
                and not self._column_break(index)
            )
            if last is not None and carries:
                last.end = index + 1
            else:
                stretches.append((_Run(index, index + 1, 0), self._is_code(index)))
        words = [run for run, measure in stretches if not measure and run.end - run.start >= 3]
        return max(words, key=lambda run: run.end - run.start, default=None)

    def _run_on_to_ref(self, run: _Run, ref: int, blocked: set[int]) -> None:
        """Carry an action's text on over one more sentence when that sentence ends right at
        its ref: in a layout with the text before the ref, the text's cell ends there, so a
        sentence opening another way ("Positive behaviour support, ...") is still its own."""
        start = run.end
        if not start < ref or not self._same_line(start, ref) or not self._ends_sentence(start - 1):
            return
        if not self.tokens[start].capitalised:
            return
        for index in range(start, ref):
            if index in blocked or self._is_code(index):
                return
            if self._ends_sentence(index) != (index == ref - 1):
                return
        run.end = ref
        run.carried_on = True

    def _last_line(self, item: _Found, blocked: set[int]) -> tuple[int, int] | None:
        """The last words of an action's text that broke off mid-sentence, where they share
        the line of its ref: right after its short cells, in lower case, to a full stop
        ("2.1 anne Everett ... Jun-21 feedback.")."""
        after = [index for index in item.used if index > item.at]
        if not after:
            return None
        start = max(after) + 1
        if start >= len(self.tokens) or not self.tokens[start].word[:1].islower():
            return None
        for end in range(start, min(start + _LAST_LINE_WORDS, len(self.tokens))):
            if not self._same_line(item.at, end) or end in blocked or end in item.used:
                return None
            if self.tokens[end].text.endswith("."):
                return start, end + 1
        return None

    def _drop_bracket_tail(self, run: _Run) -> str | None:
        """End an action's text before the words of another column that closed a bracket in
        it ("... young people in VP strategy) POD's"): from the phrase holding the bracket that
        never opened, back to the small word it starts with, to the end. The words dropped."""
        depth, closing = 0, None
        for index in range(run.start, run.end):
            text = self.tokens[index].text
            depth += text.count("(")
            for _ in range(text.count(")")):
                if depth:
                    depth -= 1
                else:
                    closing = index
        if closing is None:
            return None
        for start in range(closing, max(run.start, closing - _PHRASE_WORDS) - 1, -1):
            if start > run.start and self.tokens[start].text in _PHRASE_OPENERS:
                dropped = self._text(start, run.end)
                run.end = start
                return dropped
        return None

    def _direction(self, found: list[_Found], runs: list[_Run]) -> str | None:
        """Whether this plan's layout puts each action's text before its ref or after it: the
        side on which more refs have words that could be their text. None when it is even."""
        scores = {"before": 0, "after": 0}
        for side in scores:
            for start, end in self._gaps(found, side):
                scores[side] += any(start <= run.start < end for run in runs)
        if scores["before"] == scores["after"]:
            return None
        return max(scores, key=lambda side: scores[side])

    def _gaps(self, found: list[_Found], side: str) -> list[tuple[int, int]]:
        """For each ref, the token positions on `side` of it up to the next ref or the end of
        its region."""
        gaps = []
        for number, item in enumerate(found):
            region = self.tokens[item.at].region
            if side == "before":
                previous = found[number - 1].at if number else -1
                if previous >= 0 and self.tokens[previous].region != region:
                    previous = -1
                start = previous + 1 if previous >= 0 else self._region_start(region)
                gaps.append((start, item.at))
            else:
                following = found[number + 1].at if number + 1 < len(found) else None
                if following is not None and self.tokens[following].region != region:
                    following = None
                end = following if following is not None else self._region_end(region)
                gaps.append((item.at + 1, end))
        return gaps

    def _region_start(self, region: int) -> int:
        return self._bounds[region][0]

    def _region_end(self, region: int) -> int:
        return self._bounds[region][1]

    # Putting it together

    def read(self) -> None:
        found = self._refs()
        self._assign_leads(found)
        for item in found:
            self._timeframe(item)
            self._group(item)
            if item.lead is not None:
                item.used |= set(range(item.lead.start, item.lead.end))
            item.used.add(item.at)
        found = [item for item in found if item.lead or item.due_text or item.group]
        read = {self.tokens[item.at].region for item in found}
        self._unread([region for n, region in enumerate(self.regions) if n not in read])
        if not found:
            return
        # Where an action's text must stop: at a ref, a numbered measure, a lead, a list of
        # members, and the short cells read beside each ref.
        taken = {index for item in found for index in item.used}
        taken |= {i for lead in self._leads() for i in range(lead.start, lead.end)}
        stops = taken | self._name_lists()
        stops |= {index for index in range(len(self.tokens)) if self._is_code(index)}
        repeated, cells = self._repeated()
        # An action's text may open right after a repeated cell, never inside one.
        runs = self._runs(stops, taken | cells, repeated)
        side = self._direction(found, runs)
        gaps = self._gaps(found, side or "before")
        for item, (start, end) in zip(found, gaps, strict=True):
            item.runs = [run for run in runs if start <= run.start < end]
            if side is None:
                continue
            if not item.runs:
                item.fallback = self._longest_stretch(start, end, stops, taken | cells)
            chosen = max(item.runs, key=lambda run: run.end - run.start, default=item.fallback)
            if chosen is not None:
                if side == "before":
                    self._run_on_to_ref(chosen, item.at, stops | cells)
                item.dropped = self._drop_bracket_tail(chosen)
                item.run = chosen
                item.used |= set(range(chosen.start, chosen.end))
                if chosen.broken and side == "before":
                    item.tail = self._last_line(item, stops | cells)
                    if item.tail is not None:
                        item.used |= set(range(*item.tail))
        self._leftovers(found)
        self._say_how(found, side)
        self._add(found, side)

    def _say_how(self, found: list[_Found], side: str | None) -> None:
        regions = {self.tokens[item.at].region for item in found}
        where = ", ".join(self.regions[number].where for number in sorted(regions))
        how = {
            "before": "the words before each ref, as this layout puts them",
            "after": "the words after each ref, as this layout puts them",
            None: "neither side of the refs, since the layout does not show which side holds them",
        }[side]
        self.plan.note(
            where,
            f"Text from here on holds an action table whose columns ran together (as happens "
            f"when copying from a PDF). Read {len(found)} actions from it by their refs "
            f"({found[0].ref} to {found[-1].ref}), taking each action's text from {how}. "
            "Check every one against the original.",
            rule=rules.RUN_TOGETHER,
        )

    def _leftovers(self, found: list[_Found]) -> None:
        """Words not placed, in pieces (a line's words between placed ones, a numbered measure
        each), each given to the ref it is nearest."""
        used = {index for item in found for index in item.used}
        pieces: list[list[int]] = []
        for index in range(len(self.tokens)):
            if index in used:
                continue
            follows = pieces and pieces[-1][-1] == index - 1 and self._same_line(index - 1, index)
            if follows and not self._is_code(index):
                pieces[-1].append(index)
            else:
                pieces.append([index])
        for piece in pieces:
            text = self._text(piece[0], piece[-1] + 1).strip(" ,;/&-–")
            region = self.tokens[piece[0]].region
            near = [
                (self._distance(piece[0], piece[-1] + 1, item.at), number)
                for number, item in enumerate(found)
                if self.tokens[item.at].region == region
            ]
            if near and any(char.isalnum() for char in text):
                found[min(near)[1]].leftovers.append(text)

    def _add(self, found: list[_Found], side: str | None) -> None:
        for item in found:
            token = self.tokens[item.at]
            where = self.passages[token.line].where
            # An action must have words; these say where to find them until a person does.
            action = Action(
                title=f"[Text of action {item.ref} not read: see the original]",
                where=where,
                ref=item.ref,
            )
            section = self._section_for(item.ref, token.region)
            if item.run is not None:
                start = self._after_section_title(item, section)
                action.title = flat(self._text(start, item.run.end))
                if item.tail is not None:
                    action.title += " " + flat(self._text(*item.tail))
            if item.lead is not None:
                action.lead_text, action.lead_where = item.lead.text, where
                for mention in item.lead.mentions:
                    if mention.cut is not None:
                        self.plan.note(
                            where,
                            f"Read '{mention.cut}' near action {item.ref} as '{mention.text}', "
                            "whom the plan names in full elsewhere: the column's edge had cut "
                            "the words short.",
                            rule=rules.RUN_TOGETHER_GUESS,
                        )
            if item.due_text is not None:
                when = dates.read_when(item.due_text)
                action.due, action.due_text = when.due, item.due_text
            if item.group:
                action.group = item.group
            self.plan.add_action(action, section)
            self._report(item, action, where, side)
        self._report_sections()

    def _section_for(self, ref: str, region: int) -> Section:
        section = self.plan.section_for_ref(ref)
        if section is not None:
            return section
        top = int(ref.split(".")[0])
        for existing in self.plan.all_sections():
            if any(a.ref and _top(a.ref) == top for a in existing.actions):
                return existing
        if top in self.sections:
            return self.sections[top]
        home = self.regions[region]
        after = self.sections[max(self.sections)] if self.sections else home.section
        parent = home.section.parent if home.section is not None else None
        section = self.plan.add_section(
            title=f"{home.level} {top}", level=home.level, ref=None, parent=parent, after=after
        )
        self.sections[top] = section
        self._untitled[top] = (section, home.where)
        return section

    def _after_section_title(self, item: _Found, section: Section) -> int:
        """Where the action's own text starts, when the words read as its text open with its
        section's title: in a table whose first column holds each section's title once, that
        cell opens the line of the row beside it and runs into that action's text ("To develop
        smooth progression to adulthood. To review the post 16 market ..."). A section with no
        title yet takes it."""
        run = item.run
        region = self.regions[self.tokens[item.at].region]
        if run is None:
            return item.at
        opens_line = not self._same_line(run.start - 1, run.start)
        if run.sentences < 2 or not region.section_first or not opens_line:
            return run.start
        second = next(
            (
                index
                for index in range(run.start + 1, run.end)
                if self.tokens[index].text == "To" and self._ends_sentence(index - 1)
            ),
            None,
        )
        if second is None:
            return run.start
        head = flat(self._text(run.start, second))
        top = _top(item.ref)
        untitled = self._untitled.get(top) if top is not None else None
        if top is not None and untitled is not None and untitled[0] is section:
            section.title = head
            del self._untitled[top]
            self._titled.append(
                (top, section, head, self.passages[self.tokens[item.at].line].where)
            )
            return second
        if comparable(head) == comparable(section.title):
            return second
        return run.start

    def _report_sections(self) -> None:
        for top, (section, where) in sorted(self._untitled.items()):
            level = section.level.lower()
            self.plan.note(
                where,
                f"The actions numbered {top}.x belong to a {level} whose title could not be "
                f"read from the columns run together; put them in a new {level} called "
                f"'{section.title}'. Give it its title before saving.",
                rule=rules.RUN_TOGETHER_GUESS,
            )
        for top, section, title, where in self._titled:
            level = section.level.lower()
            self.plan.note(
                where,
                f"The actions numbered {top}.x belong to a {level} whose title was read from "
                f"the columns run together as '{_quote(title)}': the first of the sentences "
                f"beside action refs, where the table's {level} column comes before the "
                "actions' text. Check it against the original.",
                rule=rules.RUN_TOGETHER_GUESS,
            )

    def _report(self, item: _Found, action: Action, where: str, side: str | None) -> None:
        read = []
        if item.run is not None:
            read.append(f"its text '{_quote(action.title)}'")
        if item.lead is not None:
            read.append(f"its lead '{item.lead.text}'")
        if item.due_text is not None:
            read.append(f"its timeframe '{item.due_text}'")
        message = (
            f"Action {item.ref} was read from a table whose columns ran together (as happens "
            f"when copying from a PDF): {_listed(read)}. Check them against the original."
        )
        if side is None:
            message += (
                " Its text was not read: the layout does not show on which side of their refs "
                "the actions' texts are."
            )
        elif item.run is not None and item.run is item.fallback:
            message += (
                " None of the words near its ref read like an action's text (such as a sentence "
                "starting 'To ...'); took the longest stretch of words near it."
            )
        elif item.run is None:
            message += " No words near its ref could be its text."
        elif len(item.runs) > 1:
            message += " Other words near it could also be its text; the longest was taken."
        if item.run is not None and item.run.sentences > 1:
            message += (
                " Its text joins sentences that each start 'To'; one of them may be another "
                "column's (such as its priority's title)."
            )
        if item.run is not None and item.run.before_repeat:
            message += (
                " Its text was taken to end where words repeated in many rows (a group, a list "
                "of members) begin."
            )
        if item.run is not None and item.run.carried_on:
            message += (
                " Its text was taken to run on to its ref, over a sentence that does not start "
                "like an action's text."
            )
        if item.tail is not None:
            message += (
                f" Its text broke off mid-sentence; took '{self._text(*item.tail)}' after its "
                "ref as its last words."
            )
        if item.dropped is not None:
            message += (
                f" Its text was taken to end before '{item.dropped}', words from another column "
                "that close a bracket the text never opens."
            )
        elif action.title.count(")") > action.title.count("("):
            message += (
                " Its text closes a bracket it never opens: words from another column may have "
                "run into it."
            )
        self.plan.note(where, message, rule=rules.RUN_TOGETHER_GUESS)
        if item.leftovers:
            quotes = "; ".join(f"'{text}'" for text in item.leftovers)
            self.plan.note(
                where,
                f"Words near action {item.ref} that could not be placed (measures, progress and "
                f"other columns run together): {quotes}.",
                rule=rules.RUN_TOGETHER_UNREAD,
            )

    def _unread(self, regions: list[Region]) -> None:
        for region in regions:
            text = " ".join(passage.text for passage in region.passages)
            refs = re.findall(r"(?<![\d.])(\d{1,2}\.\d{1,2})(?![\d.])", text)
            mentioned = ", ".join(dict.fromkeys(refs)) or "no refs"
            self.plan.note(
                region.where,
                "This text looks like a table whose columns ran together (as happens when "
                f"copying from a PDF); could not place it. It mentions {mentioned}: "
                f"'{_quote(text)}'",
                rule=rules.RUN_TOGETHER_UNREAD,
            )


# Helpers


def _numbers(text: str) -> tuple[int, ...] | None:
    if not _DOTTED_REF.fullmatch(text):
        return None
    return tuple(int(part) for part in text.split("."))


def _top(ref: str) -> int | None:
    match = re.match(r"\d+", ref)
    return int(match.group()) if match else None


def _follows(previous: tuple[int, ...] | None, numbers: tuple[int, ...]) -> bool:
    """Whether a ref carries on from the one before: the next few at its level ("1.5" or
    "1.6" after "1.4"), or the first of the next group ("2.1" after "1.9")."""
    if previous is None:
        return all(number <= _SKIP for number in numbers[1:])
    for place, (before, now) in enumerate(zip(previous, numbers, strict=True)):
        if before == now:
            continue
        if place == len(numbers) - 1:
            return before < now <= before + _SKIP
        return now == before + 1 and all(number <= _SKIP for number in numbers[place + 1 :])
    return False


def _same_words(got: list[str], known: list[str], *, cut: int = 3) -> bool:
    """Words as written against a name the plan gives, allowing the first cut short at the
    front ("anne" for Marianne) and the last cut short by up to `cut` letters at the back
    ("Everet"), as a column's edges cut them."""
    if len(got) != len(known):
        return False
    for place, (word, whole) in enumerate(zip(got, known, strict=True)):
        if word.lower() == whole.lower():
            continue
        front = place == 0 and word[:1].islower() and 2 <= len(word) < len(whole)
        if front and whole.lower().endswith(word):
            continue
        back = place == len(known) - 1 and len(word) >= 3 and len(whole) - len(word) <= cut
        if back and len(known) > 1 and whole.lower().startswith(word.lower()):
            continue
        return False
    return True


def _known_leads(plan: PlanBuilder) -> tuple[list[list[str]], list[list[str]]]:
    """The words of the people (by name) and posts (by role) the plan names."""
    texts = [action.lead_text for section in plan.all_sections() for action in section.actions]
    texts += [section.owner_text for section in plan.all_sections()]
    names: dict[str, list[str]] = {}
    roles: dict[str, list[str]] = {}
    for person in plan.directory.people:
        if person.name:
            names.setdefault(person.name.lower(), person.name.split())
        elif person.role:
            roles.setdefault(person.role.lower(), person.role.split())
    for text in texts:
        for mention in people.read_leads(text).mentions:
            if mention.name:
                names.setdefault(mention.name.lower(), mention.name.split())
            elif mention.role and not mention.initials:
                roles.setdefault(mention.role.lower(), mention.role.split())
    return list(names.values()), list(roles.values())


def _known_groups(plan: PlanBuilder) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for section in plan.all_sections():
        for action in section.actions:
            if action.group and len(action.group.split()) >= 2:
                groups.setdefault(action.group.lower(), action.group.split())
    return sorted(groups.values(), key=len, reverse=True)


def _quote(text: str) -> str:
    text = flat(text)
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1].rstrip() + "…"


def _listed(items: list[str]) -> str:
    if not items:
        return "only its ref"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]
