"""Tables whose cells ran together on one line each, split again by what each column holds.

Text copied out of a PDF often keeps each row of a table on a line of its own but joins its
cells with single spaces, headings too: "Action Target Date Lead Status", then "Refresh the
SEND JSNA 31 July 2024 LA and ICB Work in progress". The heading line is known by being made
wholly of known headings; each row is then split where its words best fit the columns in
order (a date where the due date goes, a rating at the status, people at the lead, a cell
starting with a capital), choosing the best split of the whole line at once.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import dates, people, profile, rules, segment, statuses, values
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, Row, Table, squash
from sendplan.interchange.parsers.roles import Col

_MAX_HEADING_WORDS = 6
_MIN_HEADINGS = 3
_MAX_ROW_WORDS = 200
# Roles whose cells can be told by their words, and those that are any words at all.
_DATED = (Col.DUE, Col.STARTS, Col.DATE)
_PROSE = (Col.TITLE, Col.MEASURES, Col.PROGRESS, Col.OUTCOMES, Col.IMPACT, Col.EVIDENCE)
_CONNECTORS = {"and", "with", "from", "of", "the", "to", "for", "by", "in", "on", "&", "or"}
_IMPOSSIBLE = float("-inf")


@dataclass(frozen=True)
class _Heading:
    words: int
    # None for a heading that is no known wording.
    role: Col | None


def heading_line(text: str) -> list[tuple[str, Col | None]] | None:
    """The headings a line is wholly made of, in order, with their roles; None when it is not
    such a line or does not head a table of actions."""
    words = squash(text).split()
    if not 3 <= len(words) <= 30 or "\t" in text:
        return None
    best = _cover(tuple(words))
    if best is None:
        return None
    found: list[tuple[str, Col | None]] = []
    at = 0
    for heading in best:
        text = " ".join(words[at : at + heading.words])
        at += heading.words
        if heading.role is None and found and found[-1][1] in _PROSE:
            # "How will we know | it has worked": words after a heading of prose are the
            # rest of it.
            found[-1] = (f"{found[-1][0]} {text}", found[-1][1])
            continue
        found.append((text, heading.role))
    roles = {role for _, role in found if role is not None}
    if len(found) < _MIN_HEADINGS or Col.TITLE not in roles:
        return None
    if not roles & {Col.LEAD, Col.DUE, Col.STATUS, Col.REF}:
        return None
    return found


# An unknown heading among known ones costs this many known ones: a line may have one.
_UNKNOWN_COST = 3
_MAX_UNKNOWN_WORDS = 5


@lru_cache(maxsize=256)
def _cover(words: tuple[str, ...]) -> tuple[_Heading, ...] | None:
    """The fewest known headings that make up the words, each a known wording, with at most
    one run of words between two of them that is no known heading (its role None)."""
    # best[(end, unknowns, ends_unknown)]: (cost, headings) covering the first `end` words.
    best: dict[tuple[int, int, bool], tuple[int, tuple[_Heading, ...]]] = {(0, 0, False): (0, ())}
    for end in range(1, len(words) + 1):
        for size in range(1, min(_MAX_HEADING_WORDS, end) + 1):
            span = " ".join(words[end - size : end])
            roles = [role for role in cols.phrase_roles(span) if role is not Col.PERIOD]
            for (at, unknowns, ends_unknown), (cost, found) in list(best.items()):
                if at != end - size:
                    continue
                if roles:
                    key, step, heading = (end, unknowns, False), 1, _Heading(size, roles[0])
                elif not unknowns and not ends_unknown and found and size <= _MAX_UNKNOWN_WORDS:
                    # Never cheaper than the known headings its words may be read as, a word
                    # each ("Timescale Success measures RAG RAG" is four known headings).
                    step = max(_UNKNOWN_COST, size + 1)
                    key, heading = (end, 1, True), _Heading(size, None)
                else:
                    continue
                if key not in best or cost + step < best[key][0]:
                    best[key] = (cost + step, (*found, heading))
    # The unknown heading must sit between known ones.
    finals = [best[key] for key in ((len(words), 0, False), (len(words), 1, False)) if key in best]
    if not finals:
        return None
    return min(finals, key=lambda found: found[0])[1]


# "LA with support from health", "Public Health England, supported by DH and NHS England":
# the lead is named first, and those who help after it.
_SUPPORTED = re.compile(
    r",?\s+(?:supported by|with support from|with the support of|in partnership with"
    r"|working with|with input from)\b.*$",
    re.I,
)
# "NAS (funded by DfE)": a note in brackets after the lead's name.
_BRACKETED_NOTE = re.compile(r"\s*\([^()]{1,40}\)\.?$")
# A sentence ends inside the words: ". DH" after a title is not part of a lead.
_SENTENCE_END_INSIDE = re.compile(r"[a-z0-9)]{2,}[.!?]\s")


def _lead_like(words: list[str]) -> bool:
    text = " ".join(words)
    if _SENTENCE_END_INSIDE.search(text):
        return False
    head = _BRACKETED_NOTE.sub("", _SUPPORTED.sub("", text)).rstrip(" .")
    if head != text.rstrip(" ."):
        words = head.split()
        if not words:
            return False
        text = head
    text = text.rstrip(".")
    words = text.split()
    if not words:
        return False  # nothing but full stops
    if len(words) > 8 or not words[0][:1].isupper() or words[-1].lower() in _CONNECTORS:
        return False
    if profile.is_named_person(text):
        return True
    capitals = [w for w in words if w[:1].isupper()]
    return all(re.fullmatch(r"[A-Z]{2,6}s?|[A-Z][a-z]+(?:['’]s)?", w) for w in capitals) and (
        any(re.fullmatch(r"[A-Z]{2,6}s?", w) for w in capitals)
        or any(people.is_role_word(word) for word in words)
    )


def _rating_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 4:
        return False
    return bool(
        statuses.colour_word(text)
        or re.fullmatch(r"[A-Z]{1,3}(?:/[A-Z]{1,3})?", text)
        or (text[:1].isupper() and statuses.rating_words(text))
    )


def _date_like(text: str) -> bool:
    if text.lower() in dates.DATE_WORDS:
        return True
    found = dates.find_dates(text)
    if not found:
        return False
    before = text[: found[0].start].strip().lower()
    after = text[found[-1].end :].strip(" .,").lower()
    return not after and before in ("", "by", "by end of", "end of", "from", "by the end of")


# The most words a cell of these columns holds: longer runs are not looked at.
_LONGEST = {Col.REF: 1, Col.DUE: 8, Col.STARTS: 8, Col.DATE: 8, Col.STATUS: 4, Col.LEAD: 20}


def _span_score(role: Col | None, words: list[str], opening: float) -> float:
    """How well the words fit a column with this role; `opening` is the score of the word
    they open with (a cell starts with a capital or a number)."""
    if not words:
        return -0.5 if role not in (Col.TITLE,) else _IMPOSSIBLE
    if role is None or (role in _PROSE and role is not Col.TITLE):
        return opening
    text = " ".join(words)
    if role is Col.REF:
        return 2.0 if values.read_ref(text) and len(words) == 1 else _IMPOSSIBLE
    if role in _DATED:
        return 2.0 if _date_like(text) else _IMPOSSIBLE
    if role is Col.STATUS:
        return 2.0 if _rating_like(text) else _IMPOSSIBLE
    if role is Col.LEAD:
        # Of two splits that both fit, the shorter lead: "... Innovation Fund | DH".
        return 1.0 + opening - 0.05 * len(words) if _lead_like(words) else _IMPOSSIBLE
    if role is Col.TITLE:
        if words[-1].lower() in _CONNECTORS:
            # A cell of prose does not end "... information on the".
            return _IMPOSSIBLE
        verb = 0.5 if profile.opens_with_verb(" ".join(words[:3])) else 0.0
        # A sentence that ends where the cell ends: the next cell starts after its full stop.
        return opening + verb + (0.5 if words[-1].endswith(".") else 0.0)
    return opening


# A lead that leaves the capitalised words of its post in the action's words ("… website
# Local Offer | Manager") scores this much less (rule run-together-whole-post).
_CUT_POST = 0.4
# A word a post may open with: "Local", or capitals ("SEND Commissioning Manager").
_POST_WORD = re.compile(r"[A-Z][a-z]+|[A-Z]{2,6}")
# Words a post opens with, whatever comes before it: "… Board | Head of SEND".
_POST_OPENERS = {"head", "director", "chair", "deputy", "assistant", "chief", "principal"}


def _cuts_post(words: list[str], start: int, end: int) -> bool:
    """Whether a lead of words[start:end] leaves the start of its post in the cell before:
    the word before it is capitalised (or capitals) and the lead reads as one with it. A
    person's name, or a post opening with "Head of" and the like, starts where it starts."""
    if start == 0 or start == end or not _POST_WORD.fullmatch(words[start - 1]):
        return False
    lead = words[start:end]
    if lead[0].lower() in _POST_OPENERS or profile.is_named_person(" ".join(lead)):
        return False
    return _lead_like(words[start - 1 : end])


def split_row(text: str, roles: list[Col | None]) -> list[str] | None:
    """The cells of a run-together row for columns with these roles, in order; None when the
    words cannot be split to fit them."""
    words = squash(text).split()
    if not words or len(words) > _MAX_ROW_WORDS:
        return None
    count = len(words)
    openings = [0.5 if word[:1].isupper() or word[:1].isdigit() else -1.0 for word in words]
    openings.append(0.0)
    # best[c][i]: the best score for the first c columns holding the first i words.
    best = [[_IMPOSSIBLE] * (count + 1) for _ in range(len(roles) + 1)]
    back = [[0] * (count + 1) for _ in range(len(roles) + 1)]
    best[0][0] = 0.0
    for column, role in enumerate(roles, start=1):
        longest = _LONGEST.get(role, count) if role is not None else count
        scores: dict[tuple[int, int], float] = {}
        for end in range(count + 1):
            for start in range(max(0, end - longest), end + 1):
                before = best[column - 1][start]
                if before == _IMPOSSIBLE:
                    continue
                if (role in _PROSE and role is not Col.TITLE) or role is None:
                    score = openings[start] if end > start else -0.5
                else:
                    key = (start, end)
                    if key not in scores:
                        scores[key] = _span_score(role, words[start:end], openings[start])
                        if role is Col.LEAD and _cuts_post(words, start, end):
                            scores[key] -= _CUT_POST
                    score = scores[key]
                if score == _IMPOSSIBLE:
                    continue
                if before + score > best[column][end]:
                    best[column][end] = before + score
                    back[column][end] = start
    if best[len(roles)][count] == _IMPOSSIBLE:
        return None
    cells: list[str] = []
    end = count
    for column in range(len(roles), 0, -1):
        start = back[column][end]
        cells.append(" ".join(words[start:end]))
        end = start
    return cells[::-1]


# Rows that ran together with no heading line above them (the excerpt starts below it, or the
# table never had one): a run of numbered lines, each the action, its lead and a date at the
# end ("3 Publish a summary of progress DH August 2015").
_HEADLESS = (Col.REF, Col.TITLE, Col.LEAD, Col.DUE)
_HEADLESS_HEADINGS = ("Ref", "Action", "Lead", "Due")
_MIN_HEADLESS_ROWS = 3


_MAX_HEADLESS_WORDS = 80
# The words at the end of a line looked at for its date, before splitting it.
_TAIL_WORDS = 8


def _headless_row(block: Block) -> list[str] | None:
    """The cells of a numbered line that ends with a date, or None."""
    if not isinstance(block, Paragraph) or "\n" in block.text.strip():
        return None
    words = squash(block.text).split()
    if not 4 <= len(words) <= _MAX_HEADLESS_WORDS or values.read_ref(words[0]) is None:
        return None
    tail = " ".join(words[-_TAIL_WORDS:])
    if not dates.find_dates(tail) and words[-1].lower().strip(".") not in dates.DATE_WORDS:
        # Splitting is dear; a line that does not end near a date is no such row.
        return None
    if segment.has_inline_fields(block.text):
        return None
    cells = split_row(block.text, list(_HEADLESS))
    if cells is None or not cells[0] or not cells[1] or not cells[3]:
        return None
    return cells


def _number(ref: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", ref)) or (0,)


def _headless_run(
    blocks: list[Block], index: int, seen: dict[int, list[str] | None]
) -> list[list[str]]:
    """The rows of a headless run starting at blocks[index]; empty when there is none. The
    refs must go up, and most actions must open with a verb, as a plan's rows do. `seen`
    keeps each block's reading, so that no line is split twice."""
    rows: list[list[str]] = []
    following = index
    while following < len(blocks):
        if following not in seen:
            seen[following] = _headless_row(blocks[following])
        cells = seen[following]
        if cells is None or (rows and _number(cells[0]) <= _number(rows[-1][0])):
            break
        rows.append(cells)
        following += 1
    if len(rows) < _MIN_HEADLESS_ROWS:
        return []
    # Numbered one after another (1, 2, 3 or 2.1, 2.2, 2.3) the lines are a list; numbered
    # with gaps, most must read as actions.
    steps = itertools.pairwise(rows)
    counted = all(_number(b[0])[-1] == _number(a[0])[-1] + 1 for a, b in steps)
    verbs = sum(profile.opens_with_verb(row[1]) for row in rows)
    if not counted and verbs * 2 < len(rows):
        return []
    return rows


# A line of period labels under rating headings: "Jun 25 Sep 25 Dec 25", "Q1 Q2 Q3".
_PERIOD_LABEL = re.compile(
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{2}(?:\d{2})?(?:/\d{2})?|Q[1-4](?:\s+\d{4}(?:/\d{2})?)?)"
)


def _periods_under(block: Block, heading: Row, roles: list[Col | None]) -> bool:
    """Whether the block is the period of each rating heading, on a line of its own under
    the heading line (text copied from a PDF puts a heading's second line there); when it is,
    each rating heading takes its period."""
    if not isinstance(block, Paragraph | Heading):
        return False
    rated = [i for i, role in enumerate(roles) if role is Col.STATUS]
    labels = _PERIOD_LABEL.findall(block.text)
    if len(rated) < 2 or len(labels) != len(rated):
        return False
    if _PERIOD_LABEL.sub("", block.text).strip():
        return False
    for column, label in zip(rated, labels, strict=True):
        heading.cells[column] = f"{heading.cells[column]} {label}"
    return True


# The columns whose words wrap onto the line under a run-together row.
_WRAPPING = (Col.TITLE, Col.LEAD, Col.DUE, *_PROSE)


def _carried_on(text: str, rows: list[Row], roles: list[Col | None]) -> bool:
    """Whether a line under a numbered run-together row is its cells' words wrapped onto
    the next line (it opens with no ref, in a table whose rows open with theirs): when it
    is, its words are split over the columns that wrap and added to that row's cells."""
    if len(rows) < 2 or not roles or roles[0] is not Col.REF or not rows[-1].cells[0]:
        return False
    words = squash(text).split()
    if not words or values.read_ref(words[0]) or not words[0][:1].islower():
        return False
    wrapping = [i for i, role in enumerate(roles) if role in _WRAPPING]
    # The action's words, the widest cell, are the ones that run on most: they open the line.
    parts = split_row(text, [roles[i] for i in wrapping])
    if parts is None:
        return False
    row = rows[-1]
    for column, part in zip(wrapping, parts, strict=True):
        if part:
            row.cells[column] = f"{row.cells[column]} {part}".strip()
    return True


def tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with each heading line made of known headings and the run-together rows
    under it made into a table; and each headless run of numbered rows ending with dates."""
    out: list[Block] = []
    index = 0
    seen: dict[int, list[str] | None] = {}
    while index < len(blocks):
        block = blocks[index]
        headings = heading_line(block.text) if isinstance(block, Paragraph | Heading) else None
        if headings is None and (headless := _headless_run(blocks, index, seen)):
            table = Table(
                rows=[Row(cells=list(_HEADLESS_HEADINGS), where=block.where)],
                where=block.where,
                headed=True,
                origin=rules.HEADLESS_RUN_TOGETHER.code,
            )
            for offset, found in enumerate(headless):
                table.rows.append(Row(cells=found, where=blocks[index + offset].where))
            out.append(table)
            index += len(headless)
            continue
        if headings is None or (isinstance(block, Heading) and block.is_sheet):
            out.append(block)
            index += 1
            continue
        roles = [role for _, role in headings]
        rows = [Row(cells=[words for words, _ in headings], where=block.where)]
        following = index + 1
        # Whether the table's heading took its periods from the line under it, or a row's
        # cells ran on onto lines of their own (rule run-together-wrapped).
        wrapped = False
        if following < len(blocks) and _periods_under(blocks[following], rows[0], roles):
            following += 1
            wrapped = True
        while following < len(blocks):
            candidate = blocks[following]
            if not isinstance(candidate, Paragraph):
                break
            if _carried_on(candidate.text, rows, roles):
                following += 1
                wrapped = True
                continue
            cells = split_row(candidate.text, roles)
            if cells is None:
                break
            rows.append(Row(cells=cells, where=candidate.where))
            following += 1
        if len(rows) < 2:
            out.append(block)
            index += 1
            continue
        out.append(
            Table(
                rows=rows,
                where=block.where,
                headed=True,
                origin=(rules.RUN_TOGETHER_WRAPPED if wrapped else rules.RUN_TOGETHER_ROWS).code,
            )
        )
        index = following
    return out
