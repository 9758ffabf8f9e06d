"""Recognising table headings however a plan words them.

"Lead and resource", "Accountable Officer" and "Lead officer" all mean the lead column;
"Mar 18", "Dec-19" and "Q3 2023/24" head monitoring columns. Each heading is normalised
(lower case, "&" as "and", punctuation dropped) and matched against a table of synonyms.
A heading damaged on its way out of a PDF ("Respons ible Offcer", "Targ et Date") is matched
to the nearest wording of the synonyms, spaces aside, with rapidfuzz (`fuzzy_roles`).
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parser
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from sendplan.interchange.parsers import (
    dates,
    lead_columns,
    profile,
    row_numbers,
    rules,
    statuses,
    values,
)
from sendplan.interchange.parsers.blocks import Row
from sendplan.interchange.parsers.roles import Col, Kind
from sendplan.interchange.parsers.rules import Rule

_SYNONYMS: list[tuple[Col, str]] = [
    (Col.TIMELINE, r"theme priority (and )?action|timeline( of actions?)?"),
    (
        Col.REF,
        r"ref|refs|reference|ref no|ref number|no|number|id|item|action (ref|no|number|id)"
        r"|(action|milestone|task) reference|ref id|(decision|recommendation) (no|number|ref)"
        # An issue tracker's key, which people quote ("SEND-12") (rule `tracker-columns`).
        r"|issue key",
    ),
    (
        Col.TITLE,
        r"actions?|milestone actions?|actions? implementation|key actions?|actions? required"
        r"|delivery objectives?|objectives?|what (we will|will we) do|activit(y|ies)|tasks?"
        r"|action description|description( of action)?|what needs to happen|improvement actions?"
        # A review's or an inspection's recommendations are what the plan sets out to do.
        r"|recommendations?|key recommendations?|deliverables?|key deliverables?"
        # A strategy's commitments: "Key objectives", or "We want" over them.
        r"|key objectives?|we want( to)?"
        # A programme's tracker names each piece of work a project.
        r"|projects?|project name|project title|initiatives?"
        # A task tool's export (Planner, Project, Smartsheet) names each piece of work a task.
        r"|task (name|title)|name of (the )?task",
    ),
    (Col.OUTCOMES, r"outcomes?|intended outcomes?|expected outcomes?"),
    (
        Col.OUTCOMES,
        r"outcomes? we are seeking to achieve|what we want to achieve|outcomes? sought"
        r"|what difference will it make|general outcomes?"
        # "What this will look like", "What good looks like": the change a priority seeks.
        r"|what (this|it|good) (will |would )?looks? like",
    ),
    (
        Col.LEAD,
        r"leads?|lead and resources?|lead officers?|lead officer s|accountable officers?"
        r"|responsible officers?|owners?|action owners?|who|responsible|lead person|lead s"
        # An APP names the senior who answers for an action beside the officer who does it.
        r"|accountable leads?|accountable persons?|accountable owners?"
        r"|lead agency|led by|responsibility|lead and partners|lead responsible officer"
        r"|who is responsible|who will lead|who leads|person responsible|lead contact"
        r"|who s leading( this| it)?|who is leading( this| it)?"
        # "Roles responsible": the posts that lead each action, often beside a lead agency;
        # and the body that leads, by the other names a plan gives it.
        r"|roles? responsible|responsible roles?|posts? responsible"
        r"|lead organi[sz]ations?|lead services?|lead partners?|lead bod(y|ies)"
        # A task tool's: the people a task is given to.
        r"|assigned to|assignees?|assigned (officers?|people|persons?)|resource names?",
    ),
    (
        Col.MEASURES,
        r"measures? of success|success measures?|success criteria|measures?|kpis?"
        r"|success indicators?|how will we know|how we will know"
        r"|how (we|will we) (will )?measure (success|impact|progress)"
        r"|key performance indicators?|measurable outcomes?|measures? of impact|impact measures?"
        r"|performance targets?"
        r"|what (?:will|does|would) success look like|what success looks like|evidence of success"
        r"|how will we know (it|we) (is|are|have) (working|made a difference|succeeded)"
        r"|how (will we|we will) know (it|this|we) (has|have|is) (worked|working|made a difference"
        r"|succeeded|been successful)|outcome measures?|how we ll know it s work(ed|ing)",
    ),
    (Col.IMPACT, r"evidence of impact|impact|expected impact|intended impact"),
    (
        Col.DUE,
        r"date for delivery|delivery date|time ?frames?|timescales?|milestone end date"
        r"|end date|due date|due|deadline|target date|by when|when|completion date|date due"
        r"|target completion date|date to be completed( by)?|completion by|delivery by"
        r"|due by|due for completion|(to be )?complete(d)? by|target end date|planned end date"
        r"|end|finish|finish date|end by|by|by date",
    ),
    # A tracker keeps the first deadline and writes the one that replaced it beside it.
    (
        Col.REVISED_DUE,
        r"(revised|amended|rescheduled|forecast) (target |due |end |completion |delivery )?"
        r"(dates?|deadlines?|timescales?)|(revised|amended) (by|due|end)"
        r"|new (target|due|end|completion|delivery) (dates?|deadlines?)",
    ),
    (Col.STARTS, r"start date|milestone start date|start|commencement date|date started"),
    (
        Col.PROGRESS,
        r"progress|progress impact|progress and impact|progress updates?|updates?|commentary"
        r"|comments?|progress narrative|narrative|rag commentary|current position|latest position"
        r"|progress to date|progress made|latest update|notes|position statement.*"
        # A performance system's last word on each action (rule `system-columns`).
        r"|(latest|last) (note|comment)s?"
        # "Where are we now", "Where we are": the plain-English column of how things stand.
        r"|where (are we|we are)( now)?|how (are we|we are) doing"
        r"|progress (update|report|statement).*|update .*"
        # "Progress presented to Committee", but not "Progress RAG" or "Progress rating".
        r"|progress (?!b?rag\b|rating\b|status\b)[a-z].*"
        # "Sep-23 update", but not "Review and update", which names a task.
        r"|(?!.*\band\b).* (updates?|commentary|comments|narrative|position statement)",
    ),
    (
        Col.STATUS,
        r"status|rag|brag|rag rating|rating|rag status|current status|overall status"
        r"|progress b?rag|b?rag rating|status b?rag|delivery status|(rag|brag|status) .*"
        r"|.* (rag|brag|status|rating)|assessment of progress.*|progress assessment"
        # The column of a key that rates with marks: "Symbol | Meaning".
        r"|symbols?|icons?",
    ),
    (
        Col.GROUP,
        r"task and finish groups?|task finish groups?|t and f group|working groups?|groups?"
        r"|sub ?groups?|delivery groups?",
    ),
    (Col.MEMBERS, r"members|group members|membership|partners( involved)?|key partners"),
    (Col.RESOURCES, r"resources?|resource implications|resourcing|resources required|funding"),
    (Col.COST, r"costs?|estimated costs?|cost gbp|cost £"),
    (Col.BUDGET, r"budget|budget line|funding source|source of funding"),
    (
        Col.MONITORING,
        r"monitoring and evaluation|monitoring|how will we monitor|evaluation"
        r"|monitoring arrangements|how will (this|it) be monitored|monitored by|reporting to",
    ),
    (
        Col.MONITORING_DATES,
        r"monitoring dates|monitoring periods?|review dates|rag by (month|quarter)"
        r"|quarterly (rag|status)|progress rating",
    ),
    (Col.EVIDENCE, r"evidence|evidence documents|supporting evidence|evidence of progress"),
    (
        Col.SEE_ALSO,
        r"cross ?ref(erence)?s?|see also|links? to other actions|related actions|dependencies",
    ),
    (
        Col.SECTION,
        r"priority|priorities|theme|themes|theme s|pillar|improvement pillar|areas? for improvement"
        r"|focus areas?|strategic priorit(y|ies)|workstreams?|work streams?|area of focus"
        r"|key priorit(y|ies)|strand|section|priority actions?|areas?|areas? of responsibility"
        r"|areas? (for|of) development|development areas?|improvement areas?|key areas?"
        r"|areas? of work|workstream areas?"
        r"|responsible for"
        # A task tool's groups of tasks: Planner's buckets, Asana's sections.
        r"|bucket( name)?|section column"
        # An issue tracker's group of issues: the epic or parent each belongs to.
        r"|parent summary|parent name|epic name|epic link|epic",
    ),
    (Col.ROLE, r"role|job title|post|position|role title|roles"),
    (Col.NAME, r"name|full name|officer|lead officer name|person|officer name"),
    (Col.INITIALS, r"initials"),
    (Col.ORGANISATION, r"organisation|organization|agency|service|employer|partner"),
    (Col.EMAIL, r"e ?mail|e ?mail address|contact"),
    (Col.TERM, r"abbreviations?|acronyms?|terms?|terms? used|abbreviation acronym|word"),
    (
        Col.MEANING,
        r"descriptions?|meanings?|definitions?|explanation|stands for|what it means|in full",
    ),
    (Col.DATE, r"date|meeting date|date of meeting|dates?"),
    (Col.MEETING, r"meetings?|meeting and attendees|events?|meeting event|meeting title"),
    (
        Col.CONCERN,
        r"ofsted (and )?cqc concerns?|ofsted cqc area of concern|weakness(es)?"
        r"|areas? of (significant )?weakness(es)?|areas? of concern|concerns?"
        r"|inspection findings?|what the inspectors? found",
    ),
    (Col.FINDING, r"findings?|main findings?|key findings?|quote from (the )?letter"),
    (Col.SOURCE, r"source|page|page ref(erence)?|letter reference"),
    (
        Col.INDICATOR,
        r"indicators?|performance indicators?|kpi|metric|performance measures?|indicator name",
    ),
    (Col.DEFINITION, r"definition|how (it is )?measured|data source"),
    # "2023/24 baseline", "2026 target": an indicator's figures headed with their year.
    (Col.BASELINE, r"(?:\d{4}(?: \d{2,4})? )?baseline.*"),
    # "Performance target" is an action's measure, or an indicator's target (`_PREFER`).
    (Col.TARGET, r"(?:\d{4}(?: \d{2,4})? )?targets?( .*)?|target trajectory|performance targets?"),
    # "Latest position" is an action's progress beside actions, an indicator's latest figure
    # beside a baseline and target (`_PREFER`).
    (Col.ACTUAL, r"actuals?( .*)?|(?:latest|current)(?: figure| position| data| value)?"),
    (Col.COMPARATOR, r"national( average)?|england|statistical neighbours?|comparators?"),
    (Col.UNIT, r"units?"),
    (Col.MILESTONE, r"key milestones?|milestones?"),
    (Col.COLOUR, r"colou?rs?|colou?r codes?|(b?rag|status) colou?rs?"),
    (Col.OUTLINE, r"outline level|outline|(task|hierarchy|indent) level"),
    (Col.DIRECTION, r"direction( of travel)?|dot|direction of travel arrows?"),
]
_PATTERNS = [(role, re.compile(rf"(?:{pattern})")) for role, pattern in _SYNONYMS]

# The record a task tool keeps of each task beside the plan (rule `record-keeping`): who made
# or last changed it and when, when it was closed, the tool's own ids, flags, checklists,
# labels and links. Such columns are known, so they do not keep a heading row from being read,
# and they are left out, so that a column of the names of whoever made each task is not read
# as the leads, nor its dates as the due dates.
_RECORD_KEEPING = re.compile(
    r"(task|card|item|issue|unique|row) id|guid|uid"
    r"|created|created (by|at|on|date)|date created|creator|reporter"
    r"|(last )?modified|(last )?modified (by|at|on|date)|date modified"
    r"|last updated( by| at| on)?|updated (by|at|on)"
    r"|completed (at|on|date)|date completed|closed (at|on|date)"
    r"|is recurring|recurring|late|is late|(completed )?checklist items|checklist"
    r"|labels?|tags?|attachments?|assignee e ?mails?|parent task|(card|item|task) url|url"
    r"|predecessors|successors|duration"
    # An issue tracker's record (rule `tracker-columns`).
    r"|issue type|sprint|resolution|resolved|status category|subitems"
    # A performance system's manager of each record, who oversees but does not lead it.
    r"|managed by"
)


@lru_cache(maxsize=8192)
def keeps_records(heading: str) -> bool:
    """Whether a heading names a task tool's record of its tasks, no part of the plan."""
    return _RECORD_KEEPING.fullmatch(normalise(heading)) is not None


def normalise(text: str) -> str:
    # "Officer(s)" is "officers".
    text = re.sub(r"\(s\)", "s", text.lower()).replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^a-z0-9£]+", " ", text)
    return " ".join(text.split())


# Quarters and months headed without their year ("Q1 | Q2 | Q3 | Q4"), the year often in a
# heading above them.
_YEARLESS_PERIOD = re.compile(
    r"q[1-4]|quarter [1-4]|january|february|march|april|may|june|july|august|september"
    r"|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|(?:autumn|spring|summer)(?: term)?"
)


# Any known wording at all: most cells asked about are data, not headings, and one pass over
# all the wordings tells them apart faster than a pass a role.
_ANY_PATTERN = re.compile("|".join(f"(?:{pattern})" for _, pattern in _SYNONYMS))


def _matching(norm: str) -> list[Col]:
    if not _ANY_PATTERN.fullmatch(norm):
        return []
    return [role for role, pattern in _PATTERNS if pattern.fullmatch(norm)]


@dataclass(frozen=True)
class HeadingMatch:
    roles: tuple[Col, ...]
    rule: Rule
    # How sure: 1.0 for a known wording, less for one only close to it.
    score: float


_NO_MATCH = HeadingMatch((), rules.HEADING_SYNONYM, 0.0)


_EXPLAINED = re.compile(r"^([A-Za-z][^:()?]{1,30}?)\s*(?:[:?]\s+|\()\S.*$")
_MAX_EXPLAINED_WORDS = 16


# Labels a plain-English plan asks as questions before their answers ("Who is leading this?
# Sophie Hart"; rule `question-labels`).
_QUESTIONS = (
    (Col.TITLE, re.compile(r"what (are we|will we be) doing|what are we going to do")),
    (Col.LEAD, re.compile(r"who is leading( this| it)?|who (will lead|leads) (this|it)")),
    (
        Col.DUE,
        re.compile(
            r"when will (it|this) be (done|finished|completed?)|when will we (do|finish) it"
        ),
    ),
    (Col.PROGRESS, re.compile(r"how is (it|this) going|how are we doing")),
)


def asked_role(text: str) -> Col | None:
    """The role a label asked as a question plays ("When will it be done?" a due date's), or
    None. Only the label before its answer on the same line is read so: the same question on a
    line of its own heads a consultation's prose, and is no heading of a column."""
    if not text.strip().endswith("?"):
        return None
    norm = normalise(text)
    return next((col for col, pattern in _QUESTIONS if pattern.fullmatch(norm)), None)


def heading_roles(text: str, *, fuzzy: bool = True) -> list[Col]:
    """Every role a heading could play, most likely first; empty when it is no heading.
    With `fuzzy` off, only the known wordings themselves."""
    return list(heading_match(text, fuzzy=fuzzy).roles)


@lru_cache(maxsize=8192)
def heading_match(text: str, *, fuzzy: bool = True) -> HeadingMatch:
    """The roles a heading could play, and how sure the match is (see `fuzzy_roles`)."""
    text = dates.rejoin_months(text)
    norm = normalise(text)
    explained = _EXPLAINED.match(" ".join(text.split()))
    if explained and 3 < len(norm.split()) <= _MAX_EXPLAINED_WORDS:
        # "Key Actions: How will this be achieved?", "Lead (name and role)": the heading is
        # the words before the explanation.
        found = heading_match(explained.group(1), fuzzy=False)
        if found.roles:
            return found
    if not norm or len(norm.split()) > 8:
        return _NO_MATCH
    roles = _matching(norm)
    if not roles and (dates.read_period(text) or _YEARLESS_PERIOD.fullmatch(norm)):
        roles.append(Col.PERIOD)
    if not roles:
        roles = _dated_or_joined(text)
    glued = _GLUED.match(text.strip()) if not roles else None
    if glued:
        # "Progresspresented to Committee": a space lost in extraction.
        spaced = f"{glued.group(0)} {text.strip()[glued.end() :]}"
        roles = list(heading_match(spaced, fuzzy=False).roles)
    if roles:
        return HeadingMatch(tuple(dict.fromkeys(roles)), rules.HEADING_SYNONYM, 1.0)
    if not fuzzy:
        return _NO_MATCH
    near, score = fuzzy_roles(norm)
    return HeadingMatch(near, rules.HEADING_FUZZY, score) if near else _NO_MATCH


# The roles a heading names among other words ("Key Deliverables (Activity)" names the
# action; "Owner (Service)" the lead): only for a row that reads as headings as a whole, and
# only for wordings of one of these roles, whose cells can confirm them.
_WORD_ROLES = (Col.REF, Col.TITLE, Col.LEAD, Col.DUE, Col.STARTS, Col.STATUS, Col.MEASURES,
               Col.PROGRESS, Col.SECTION)  # fmt: skip
_MAX_WORDS_AROUND = 8
_WORD_MATCH_SCORE = 0.7
# "No. of actions", "Number of actions", "Total actions", "% of actions complete": a heading
# that counts what it names holds figures, not the thing counted (rule `count-headings`).
_COUNTS = re.compile(r"^(?:(?:no|number|count|percentage|proportion|share)\s+of|total)\b")


@lru_cache(maxsize=4096)
def word_roles(text: str) -> tuple[Col, ...]:
    """Roles whose wording appears, as whole words, inside a short heading."""
    norm = normalise(text)
    words = norm.split()
    if not words or len(words) > _MAX_WORDS_AROUND or _COUNTS.match(norm):
        return ()
    padded = f" {norm} "
    found = [
        role
        for phrase, role in _PHRASES
        if role in _WORD_ROLES and len(phrase) >= 3 and f" {phrase} " in padded
    ]
    return tuple(dict.fromkeys(found))


# Below these lengths (letters, spaces aside) a heading must be spelt exactly: "Lead" is one
# letter from "Load". Longer headings may differ by a letter or two, or be split or joined.
_FUZZY_MIN_LETTERS = 6
_FUZZY_MIN_SCORE = 90
_FUZZY_LONG = 12
_FUZZY_LONG_SCORE = 88


def fuzzy_roles(norm: str) -> tuple[tuple[Col, ...], float]:
    """The roles of the known wording nearest a normalised heading, spaces aside, when it is
    near enough: "respons ible offcer" is "responsible officer"; and the score, 0 to 1."""
    squashed = norm.replace(" ", "")
    if len(squashed) < _FUZZY_MIN_LETTERS:
        return (), 0.0
    cutoff = _FUZZY_LONG_SCORE if len(squashed) >= _FUZZY_LONG else _FUZZY_MIN_SCORE
    # Letters dropped or doubled, not words added: "ref timeframe" is no "timeframe". Only the
    # wordings of a length near the heading's are compared (most cells of a table are no
    # heading, and each new file's cells are new, so this runs on every one).
    near, wordings = _near_length(len(squashed))
    found = [
        (score, near[at])
        for _, score, at in process.extract(
            squashed, wordings, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8, processor=None
        )
    ]
    if not found:
        return (), 0.0
    best = found[0][0]
    roles = [_PHRASES[index][1] for score, index in found if score == best]
    return tuple(dict.fromkeys(roles)), round(best / 100, 2)


@lru_cache(maxsize=64)
def _near_length(length: int) -> tuple[list[int], list[str]]:
    """The wordings (their indexes, and themselves squashed) within a letter or two of this
    length, or an eighth of it."""
    spread = max(2, length // 8)
    near = [i for i, phrase in enumerate(_SQUASHED) if abs(len(phrase) - length) <= spread]
    return near, [_SQUASHED[i] for i in near]


def phrase_roles(text: str) -> list[Col]:
    """The roles of a heading that is one of the wordings the synonyms spell out, or close to
    one (spaces aside): stricter than `heading_roles`, whose open-ended patterns ("Target
    ...") would take a run of several headings for one."""
    norm = normalise(text)
    if norm in _PHRASE_ROLES:
        return list(_PHRASE_ROLES[norm])
    if dates.read_period(text):
        return [Col.PERIOD]
    return list(fuzzy_roles(norm)[0]) if " " in norm else []


def _spelled(items: Any) -> list[str] | None:
    """Every string a finite regular expression (already parsed) matches; None when there
    are too many, or infinitely many (".*")."""
    results = [""]
    for op, arg in items:
        options: list[str] | None
        if op is sre_constants.LITERAL:
            options = [chr(arg)]
        elif op is sre_constants.SUBPATTERN:
            options = _spelled(arg[3])
        elif op is sre_constants.BRANCH:
            spelled = [_spelled(branch) for branch in arg[1]]
            options = [text for each in spelled if each is not None for text in each] or None
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, item = arg
            inner = _spelled(item) if high <= 1 else None
            options = None if inner is None else ([""] if low == 0 else []) + inner
        elif op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in arg):
            options = [chr(code) for _, code in arg]
        else:
            options = None
        if options is None:
            return None
        results = [first + second for first in results for second in options]
        if len(results) > 500:
            return None
    return results


def _phrases() -> list[tuple[str, Col]]:
    found: list[tuple[str, Col]] = []
    for role, pattern in _SYNONYMS:
        for phrase in _spelled(sre_parser.parse(pattern)) or []:
            phrase = " ".join(phrase.split())
            if phrase and (phrase, role) not in found:
                found.append((phrase, role))
    return found


# Every wording the synonyms spell out, with its role; squashed (spaces aside) for matching.
_PHRASES = _phrases()
_SQUASHED = [phrase.replace(" ", "") for phrase, _ in _PHRASES]
_PHRASE_ROLES: dict[str, list[Col]] = {}
for _phrase, _role in _PHRASES:
    _PHRASE_ROLES.setdefault(_phrase, []).append(_role)


# A heading's first word run into the next ("Progresspresented to Committee").
_GLUED = re.compile(r"^(?:progress|action|lead)(?=[a-z]{4,}\b)", re.I)
# A period written before the heading: "Year 2 (2016/17) Task", "Quarter2 Target", "Q3 RAG".
_LEADING_PERIOD = re.compile(
    r"^(?:year|quarter|qtr|q|term)\s*\d{1,2}\b\s*(?:\(\s*[\d/\-– ]{4,12}\s*\)\s*)?(?=[a-z])",
    re.I,
)


def _dated_or_joined(text: str) -> list[Col]:
    """ "Progress (Mar 25)" heads a progress column for March 2025, as "Progress" would one
    without a date, and "Year 2 (2016/17) Task" a column of tasks; "Objective / Action" and
    "Lead and owner" join two words for one column."""
    found = dates.trailing_period(text)
    if found:
        before = normalise(text[: text.rfind(found[0])])
        roles = _matching(before) if before else []
        if roles:
            return roles
    leading = _LEADING_PERIOD.match(text.strip())
    if leading:
        roles = _matching(normalise(text.strip()[leading.end() :]))
        if roles:
            return roles
    parts = [normalise(part) for part in re.split(r"/|\band\b|&", text, flags=re.I)]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return []
    shared = [role for role in _matching(parts[0]) if all(role in _matching(p) for p in parts)]
    return shared


@dataclass
class PeriodColumn:
    label: str
    ends_on: str | None
    # Status columns hold ratings ("G/A"); progress columns hold dated narratives.
    holds: Col


@dataclass
class Columns:
    kind: Kind
    roles: dict[int, Col]
    periods: dict[int, PeriodColumn] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)
    # The header took two rows: headings, then the periods under "Monitoring dates".
    rows_used: int = 1
    # How each column's role was decided: the rule's code and how sure it is (0 to 1).
    basis: dict[int, tuple[str, float]] = field(default_factory=dict)
    # Status keys written inside heading cells ("Progress" over "Key: G on track ...").
    legends: list[str] = field(default_factory=list)
    # The rule that made the table, when it was not a table in the file ("paragraph-records").
    origin: str = ""
    # A column headed by an action's words and its measures ("Project / KPI"): rows that fill
    # it alone, under an action's row, are that action's measures.
    measures_under_title: int | None = None
    # Impact ratings beside a progress rating ("Progress RAG | Impact RAG"): kept in words in
    # the progress rating's update, not read as a period of their own.
    impact_ratings: set[int] = field(default_factory=set)

    def first(self, role: Col) -> int | None:
        return next((index for index, col in self.roles.items() if col is role), None)

    def all(self, role: Col) -> list[int]:
        return [index for index, col in self.roles.items() if col is role]

    def has(self, role: Col) -> bool:
        return self.first(role) is not None

    def sureness(self, *roles: Col) -> tuple[str, float]:
        """The rule that gave the first of these roles its column, and how sure the least sure
        of them is: how sure an action read from a row of this table can be."""
        found = [
            self.basis.get(i, ("", 1.0)) for role in roles if (i := self.first(role)) is not None
        ]
        if not found:
            return "", 1.0
        return found[0][0], min(score for _, score in found)

    def same_as(self, other: Columns) -> bool:
        return self.kind is other.kind and self.roles == other.roles


@dataclass
class _HeadingRow:
    found: dict[int, list[Col]]
    basis: dict[int, tuple[str, float]]
    legends: list[str]
    # Columns of a task tool's record-keeping, known and left out (`keeps_records`).
    kept_out: list[int] = field(default_factory=list)


_LEGEND_INTRO = re.compile(r"^\(?(?:rag |status |b?rag rating )?key\)?\s*:?$", re.I)


@lru_cache(maxsize=4096)
def _is_legend(text: str) -> bool:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    if statuses.legend_in(text) or statuses.code_legend(text):
        return True
    body = [line for line in lines if not _LEGEND_INTRO.match(line)]
    return bool(body) and all(statuses.legend_line(line) for line in body)


@lru_cache(maxsize=8192)
def split_legend(cell: str) -> tuple[str, str]:
    """A heading cell that also holds the status key, as ("Progress", "Key: G on track ...");
    (cell, "") for any other cell.

    Kept for the cells seen again: every row is asked whether it is a heading row, in more
    than one pass, and a 300-action workbook asks about its theme cells hundreds of times."""
    lines = [line for line in cell.split("\n") if line.strip()]
    for cut in range(1, min(3, len(lines))):
        head, rest = "\n".join(lines[:cut]), "\n".join(lines[cut:])
        if heading_roles(head) and _is_legend(rest):
            return head, rest
    # The key on the heading's own line, as PDF text and merged cells give it: "Progress
    # (RAG) B = complete, G = on track ..." or "Status Key: G on track, A at risk".
    keyed = _KEY_INSIDE.search(cell)
    if keyed:
        # "Assessment of progress (1 - 4) Key: 1 Fully achieved, 2 On track ...".
        head, rest = " ".join(cell[: keyed.start()].split()), cell[keyed.start() :].strip()
        if heading_roles(head) and _is_legend(rest):
            return head, rest
    words = " ".join(cell.split()).split(" ")
    if len(words) > 3 and "\n" not in cell.strip():
        for cut in range(1, min(_MAX_LEGEND_HEAD_WORDS, len(words) - 2) + 1):
            head, rest = " ".join(words[:cut]), " ".join(words[cut:])
            # The key in brackets after the heading: "RAG (G = on track, A = some slippage)".
            bracketed = _BRACKETED.fullmatch(rest)
            if bracketed:
                rest = bracketed.group(1).strip()
            if heading_roles(head) and _is_legend(rest):
                return head, rest
    return cell, ""


_BRACKETED = re.compile(r"\(\s*(.+?)\s*\)", re.S)


_MAX_LEGEND_HEAD_WORDS = 4
_KEY_INSIDE = re.compile(r"(?<=\S)\s+(?=(?:rag |status )?key\s*:)", re.I)


# The plain-English wordings of an action column, known only beside a "Who" and a "When"
# column (rule `what-who-when`): alone, "What" heads anything.
_WHAT = frozenset({"what", "what we are doing", "what are we doing", "what is happening"})


def _what_beside_who_and_when(cells: list[str]) -> bool:
    """Whether a row heads both a lead and a due date column, so that a plain "What" beside
    them heads the actions."""
    roles = [heading_match(split_legend(cell)[0]).roles for cell in cells if cell.strip()]
    return any(r == (Col.LEAD,) for r in roles) and any(r == (Col.DUE,) for r in roles)


_CODE_TITLE = {"code": Col.REF, "title": Col.TITLE}
# Longer than any of those words, with a colon and spaces round it.
_SHORTEST_LONGER = 10


def _code_and_title(head: str, cells: list[str]) -> Col | None:
    """REF for "Code", TITLE for "Title", in a row holding both and a column of leads; None
    otherwise (a "Title" beside names is a post, a "Code" beside meanings a rating's)."""
    # Asked of every cell of every row a table may head: the plain lookup first.
    role = _CODE_TITLE.get(head.strip().lower().rstrip(":"))
    if role is None:
        return None
    heads = {cell.strip().lower().rstrip(":") for cell in cells if cell.strip()}
    if not {"code", "title"} <= heads:
        return None
    if not any(heading_match(cell).roles[:1] == (Col.LEAD,) for cell in cells if cell.strip()):
        return None
    return role


def _beside_issue_key(cells: list[str]) -> bool:
    return any(cell.strip().lower() == "issue key" for cell in cells)


def plain_what_heads_actions(labels: list[str]) -> int | None:
    """Which of a row of labels is a plain "What" heading the actions, beside labels that head a
    lead and a due date ("What | Who | When"); None when none is."""
    at = [i for i, label in enumerate(labels) if normalise(label) in _WHAT]
    if len(at) != 1 or not _what_beside_who_and_when(labels):
        return None
    return at[0]


def _cell_roles(
    cells: list[str], *, loose: bool = False, trusted: bool = False
) -> _HeadingRow | None:
    """Roles for every filled cell, or None when the row reads as data, not headings.

    `loose` also takes headings that only contain a known wording among other words, and
    allows more headings that are not known at all: the cells below decide those. A
    `trusted` row is known to be headings, however many are unknown."""
    found: dict[int, list[Col]] = {}
    basis: dict[int, tuple[str, float]] = {}
    legends: list[str] = []
    kept_out: list[int] = []
    unknown = 0
    # Whether "What" heads the actions here, asked only of a row holding "What" (most rows
    # asked about are data).
    plain_what: bool | None = None
    for index, cell in enumerate(cells):
        if not cell.strip():
            continue
        head, legend = split_legend(cell)
        if keeps_records(head):
            kept_out.append(index)
            continue
        if len(head) < _SHORTEST_LONGER and (paired := _code_and_title(head, cells)) is not None:
            # "Code | Title | Assigned To": a performance system's record, its code the ref
            # and its title the action (rule `system-columns`).
            found[index], basis[index] = [paired], (rules.SYSTEM_COLUMNS.code, 1.0)
            continue
        if head.strip().lower() == "summary" and _beside_issue_key(cells):
            # "Summary | Issue key | Status": an issue tracker's export, whose summary of each
            # issue is the action (rule `tracker-columns`).
            found[index], basis[index] = [Col.TITLE], (rules.TRACKER_COLUMNS.code, 1.0)
            continue
        match = heading_match(head)
        what = not match.roles and "what" in head.lower() and normalise(head) in _WHAT
        if what and plain_what is None:
            plain_what = _what_beside_who_and_when(cells)
        if what and plain_what:
            # "What | Who | When": the plain-English heading row; "What" heads the actions.
            found[index], basis[index] = [Col.TITLE], (rules.WHAT_WHO_WHEN.code, 1.0)
            continue
        if match.roles:
            found[index], basis[index] = list(match.roles), (match.rule.code, match.score)
            if legend:
                legends.append(legend)
            continue
        roles = word_roles(head) if loose or trusted else ()
        if roles:
            found[index] = list(roles)
            basis[index] = (rules.HEADING_WORD.code, _WORD_MATCH_SCORE)
            continue
        unknown += 1
        if unknown > 1 and not (loose or trusted):
            return None
    named = [roles for roles in found.values() if roles != [Col.PERIOD]]
    if (len(found) < 2 and not trusted) or not named:
        return None
    # A long plan may add one heading we do not know; data rows have many unknown cells.
    allowed = 1 if len(found) >= 4 else 0
    if loose:
        # As many unknown headings as known ones: the cells below say what those hold.
        allowed = max(allowed, len(found))
    if unknown > allowed and not trusted:
        return None
    return _HeadingRow(found, basis, legends, kept_out)


@lru_cache(maxsize=8192)
def _reads_as_headings(cells: tuple[str, ...]) -> bool:
    """Whether a row reads as headings as it stands (`_cell_roles`, neither loose nor trusted).
    Asked of every row under every row a table may head, so the answer is kept."""
    return _cell_roles(list(cells)) is not None


_MAX_HEADING_WORDS = 8


def _heading_part(cell: str) -> str:
    """A heading cell's heading, without a key or an explanation written after it."""
    head = " ".join(split_legend(cell)[0].split())
    explained = _EXPLAINED.match(head)
    return explained.group(1) if explained else head


def _could_be_headings(cells: list[str]) -> bool:
    """Whether a row could be headings: short cells, none a ref or a theme ("Theme 1: ...")."""
    filled = [cell for cell in cells if cell.strip()]
    # Cell by cell, stopping at the first that is not a heading: a data row's first cell (a
    # ref) settles it, without looking for a status key in every cell of every row.
    return len(filled) >= 3 and all(_could_be_heading(_heading_part(cell)) for cell in filled)


def _could_be_heading(head: str) -> bool:
    return (
        len(head.split()) <= _MAX_HEADING_WORDS
        and len(head) <= 80
        and values.read_ref(head) is None
        and not values.opens_with_ref(head)
        and values.section_heading(head) is None
    )


def _like_the_cells_below(cells: list[str], rows: list[Row]) -> bool:
    """Whether a row holds the same sort of thing as the rows under it, column by column (a
    name over names, a date over dates): then it is data, not a heading row."""
    alike = 0
    for index, cell in enumerate(cells):
        text = cell.strip()
        if not text:
            continue
        found = profile.features(rows, index)
        if found.filled < 0.3:
            continue
        if (
            (found.dates >= 0.6 and profile.is_date(text) and not heading_roles(text))
            or (found.refs >= 0.6 and values.read_ref(text) is not None)
            or (found.people >= 0.6 and profile.is_named_person(text))
        ):
            alike += 1
    return alike >= 2


def _choose_kind(found: dict[int, list[Col]]) -> Kind | None:
    present = {role for roles in found.values() for role in roles}
    firsts = {roles[0] for roles in found.values()}
    if Col.TIMELINE in firsts:
        return Kind.TIMELINE
    if _is_key(found, firsts):
        return Kind.KEY
    if Col.TERM in present and Col.MEANING in present:
        return Kind.GLOSSARY
    if Col.NAME in firsts and (Col.ROLE in present or Col.INITIALS in present):
        return Kind.OFFICERS
    if Col.INITIALS in firsts and Col.ROLE in present and Col.LEAD in firsts:
        # "Lead officers | Initials | Role": the first column names them.
        return Kind.OFFICERS
    if Col.MEETING in firsts:
        return Kind.MEETINGS
    if Col.CONCERN in firsts and _actions_beside_concerns(found, firsts):
        return Kind.ACTIONS
    if Col.CONCERN in firsts:
        return Kind.CONCERNS
    if Col.BASELINE in firsts or (Col.INDICATOR in firsts and Col.TARGET in present):
        return Kind.INDICATORS
    if Col.MILESTONE in firsts and not ({Col.TITLE, Col.REF} & firsts):
        # "Milestone | By when | Lead", "Milestone | Owner | Due | RAG": milestones each with a
        # lead are the plan's actions.
        return Kind.ACTIONS if Col.LEAD in firsts else Kind.MILESTONES
    if Col.COST in firsts and not ({Col.LEAD, Col.DUE, Col.MEASURES} & firsts):
        return Kind.FINANCE
    if {Col.TITLE, Col.REF, Col.OUTCOMES} & present and len(firsts - {Col.PERIOD}) >= 2:
        return Kind.ACTIONS
    if firsts <= {Col.PROGRESS, Col.STATUS, Col.PERIOD, Col.SECTION}:
        return Kind.PROGRESS_ONLY
    return None


_RATING_HEADS = {Col.STATUS, Col.MONITORING_DATES, Col.COLOUR}


def _actions_beside_concerns(found: dict[int, list[Col]], firsts: set[Col]) -> bool:
    """ "Area of weakness | Action | Lead | By when": a plan of actions grouped by the weakness
    each answers, not a list of concerns; the weakness column, first, is the actions'
    section. (An action's own "Area of weakness:" line among its others is about it alone.)"""
    first = found[min(found)][0]
    return first is Col.CONCERN and Col.TITLE in firsts and bool({Col.LEAD, Col.DUE} & firsts)


def _is_key(found: dict[int, list[Col]], firsts: set[Col]) -> bool:
    """A status key laid out as a table: "Rating | Colour | What it means", "BRAG | Meaning"."""
    if len(found) > 3 or Col.REF in firsts:
        return False
    explained = [i for i, roles in found.items() if Col.MEANING in roles]
    rated = [i for i, roles in found.items() if roles[0] in _RATING_HEADS]
    if Col.COLOUR in firsts:
        return len(rated) + len(explained) == len(found)
    return len(rated) == 1 and len(explained) == len(found) - 1 >= 1


# Which reading of an ambiguous heading each kind of table wants, in order of preference.
_PREFER: dict[Kind, list[Col]] = {
    Kind.ACTIONS: [Col.REF, Col.TITLE, Col.DUE, Col.SECTION, Col.LEAD, Col.MEASURES],
    Kind.OFFICERS: [Col.ROLE, Col.NAME, Col.INITIALS, Col.ORGANISATION, Col.EMAIL],
    Kind.GLOSSARY: [Col.TERM, Col.MEANING],
    Kind.MEETINGS: [Col.DATE, Col.MEETING],
    Kind.FINANCE: [Col.TITLE, Col.COST, Col.BUDGET],
    Kind.CONCERNS: [Col.CONCERN, Col.OUTCOMES, Col.FINDING, Col.SOURCE],
    Kind.INDICATORS: [Col.INDICATOR, Col.BASELINE, Col.TARGET, Col.ACTUAL, Col.DEFINITION],
    Kind.MILESTONES: [Col.MILESTONE, Col.DUE, Col.DATE],
    Kind.KEY: [Col.COLOUR, Col.MEANING, Col.STATUS],
}


def _settle(kind: Kind, roles: list[Col]) -> Col:
    for preferred in _PREFER.get(kind, []):
        if preferred in roles:
            return preferred
    return roles[0]


def period_column(heading: str, role: Col) -> PeriodColumn | None:
    heading = dates.rejoin_months(heading)
    if role is Col.PERIOD:
        ends_on = dates.read_period(heading)
        # A period without its year is still a period; its end date is for a person to give.
        return PeriodColumn(" ".join(heading.split()), ends_on, Col.STATUS)
    if role in (Col.PROGRESS, Col.STATUS):
        found = dates.trailing_period(heading) or dates.leading_period(heading)
        if found:
            return PeriodColumn(found[0], found[1], role)
        # "Q1 RAG" beside "Q1 commentary": a quarter or term without its year is still the
        # period both columns report on; its end date is for a person to give.
        named = _YEARLESS_BESIDE.match(" ".join(heading.split()))
        if named:
            period = named.group("before") or named.group("after")
            quarter = re.fullmatch(r"(?:q|qtr\.?\s*|quarter\s*)([1-4])", period, re.I)
            if quarter:
                # "Quarter 1 update" beside "Q1 RAG": one period, however each names it.
                period = f"Q{quarter.group(1)}"
            rest = (named.group("rest_after") or named.group("rest_before") or "").strip()
            if rest and set(heading_roles(rest)) & {Col.PROGRESS, Col.STATUS}:
                return PeriodColumn(period, None, role)
    return None


_YEARLESS_WORDS = r"(?:q|qtr\.?\s*|quarter\s*)[1-4]|(?:autumn|spring|summer)\s+term(?:\s*[1-2])?"
_YEARLESS_BESIDE = re.compile(
    rf"^(?:(?P<before>{_YEARLESS_WORDS})\s*[:\-–]?\s+(?P<rest_after>.+)"
    rf"|(?P<rest_before>.+?)(?:\s*[:\-–]\s*|\s*\(\s*|\s+)(?P<after>{_YEARLESS_WORDS})\)?)$",
    re.I,
)


def _remap(kind: Kind, role: Col) -> Col:
    """Headings that mean something else in a particular kind of table."""
    if kind is Kind.MEETINGS and role in (Col.ROLE, Col.NAME):
        return Col.MEMBERS
    if kind is Kind.OFFICERS and role is Col.SECTION:
        return Col.MEMBERS
    if kind is Kind.OFFICERS and role is Col.LEAD:
        return Col.NAME
    if kind is Kind.ACTIONS and role is Col.DATE:
        return Col.DUE
    if kind is Kind.ACTIONS and role is Col.NAME:
        # "Officer", "Name" beside a table's actions: who leads each.
        return Col.LEAD
    if kind is Kind.ACTIONS and role is Col.CONCERN:
        return Col.SECTION
    if kind is Kind.MILESTONES and role is Col.DATE:
        return Col.DUE
    if kind is Kind.INDICATORS and role is Col.MEASURES:
        return Col.INDICATOR
    return role


def _add_subheader(columns: Columns, headings: list[str], below: list[str]) -> None:
    """Periods written under a spanning heading ("Monitoring dates" over "Mar 18 | Jun 18",
    "Progress" over "Q1 | Q2 | Q3")."""
    spanning = band = False
    # What the columns under the heading hold: commentary under "Progress", else ratings.
    holds = Col.STATUS
    for index in range(max(len(headings), len(below))):
        head = headings[index].strip() if index < len(headings) else ""
        if head:
            role = columns.roles.get(index)
            # "Progress 2025/26", a year and no part of its own: a band over the periods.
            band = role is None and bool(_YEAR_IN_HEADING.search(head))
            spanning = band or role in (Col.MONITORING_DATES, Col.STATUS, Col.PROGRESS)
            holds = Col.PROGRESS if role is Col.PROGRESS else Col.STATUS
        cell = below[index].strip() if index < len(below) else ""
        if not cell or cell == head:
            continue
        ends_on = dates.read_period(cell)
        yearless = ends_on is None and _YEARLESS_PERIOD.fullmatch(normalise(cell))
        if (ends_on or yearless) and (spanning or not head):
            columns.periods[index] = PeriodColumn(" ".join(cell.split()), ends_on, holds)
            columns.roles[index] = Col.PERIOD
            if band:
                columns.basis[index] = (rules.PERIOD_BAND.code, 1.0)
    # Under "Progress" alone, a period's column holds what the cells hold, ratings or words (a
    # key in the heading says ratings); it holds the commentary only beside a column of that
    # period's ratings under another heading.
    rated = {p.label for p in columns.periods.values() if p.holds is Col.STATUS}
    for index, period in list(columns.periods.items()):
        if period.holds is Col.PROGRESS and period.label not in rated:
            columns.periods[index] = PeriodColumn(period.label, period.ends_on, Col.STATUS)


def _split_periods(columns: Columns, cells: list[str]) -> bool:
    """A third heading row under the periods, splitting each into its rating and its
    commentary ("Progress" over "Q1 2025/26" over "RAG | Commentary"): each column under a
    period holds that period's ratings or its narrative. Cells under the other columns are
    empty or repeat the heading merged down into them."""
    starts = sorted(columns.periods)
    if not starts:
        return False
    split: dict[int, PeriodColumn] = {}
    for index, cell in enumerate(cells):
        text = " ".join(cell.split())
        heading = columns.headings[index] if index < len(columns.headings) else ""
        if not text or _tidy_heading(text) == heading:
            continue
        owner = max((start for start in starts if start <= index), default=None)
        roles = heading_roles(text)
        if owner is None or not roles or roles[0] not in (Col.STATUS, Col.PROGRESS):
            return False
        period = columns.periods[owner]
        split[index] = PeriodColumn(period.label, period.ends_on, roles[0])
    if not all(start in split for start in starts):
        return False
    for index, period in split.items():
        columns.periods[index] = period
        columns.roles[index] = Col.PERIOD
    return True


def _ratings_under_period(columns: Columns, below: list[str]) -> bool:
    """A period's name merged over the columns of its rating and its commentary ("Quarter 3
    2023 to 2024" over "Status | Commentary"): each column under it holds that period's
    ratings or its narrative. The other headings are merged down into the row below, or it
    is empty under them."""
    split: dict[int, PeriodColumn] = {}
    headings = columns.headings
    for index, heading in enumerate(headings):
        text = " ".join(heading.split())
        ends_on = dates.read_period(text) if text else None
        if not ends_on or len(text.split()) > _MAX_PERIOD_HEADING_WORDS:
            continue
        end = index + 1
        while end < len(headings) and not headings[end].strip():
            end += 1
        for under in range(index, min(end, len(below))):
            roles = heading_roles(below[under])
            if not roles or roles[0] not in (Col.STATUS, Col.PROGRESS):
                return False
            split[under] = PeriodColumn(text, ends_on, roles[0])
    if not split:
        return False
    for index, cell in enumerate(below):
        heading = " ".join(headings[index].split()) if index < len(headings) else ""
        if index not in split and cell.strip() and " ".join(cell.split()) != heading:
            return False
    for index, period in split.items():
        columns.periods[index] = period
        columns.roles[index] = Col.PERIOD
        columns.basis[index] = (rules.RATINGS_UNDER_PERIOD.code, 1.0)
    return True


_MAX_PERIOD_HEADING_WORDS = 8


def _is_subheader(cells: list[str], headings: list[str]) -> bool:
    """A row of periods under the heading row, perhaps with the headings merged down into it
    repeated ("Ref | Action | Q1 | Q2" under "Ref | Action | Progress"), and short headings
    of their own under a heading merged across several columns ("VSH | BP" under "Lead")."""
    periods = 0
    spanned = False
    for index, cell in enumerate(cells):
        head = headings[index].strip() if index < len(headings) else ""
        following = headings[index + 1].strip() if index + 1 < len(headings) else "-"
        # Under a heading merged across the columns after it, or under its empty rest.
        spanned = (spanned and not head) or bool(head and not following)
        text = cell.strip()
        if not text or text == head:
            continue
        if dates.read_period(text) or _YEARLESS_PERIOD.fullmatch(normalise(text)):
            periods += 1
        elif not (spanned and len(text.split()) <= 2):
            return False
    return periods > 0


_YEAR_IN_HEADING = re.compile(r"\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\b")


def _with_years(headings: list[str], below: list[str]) -> list[str] | None:
    """ "Q1 | Q2 | Q3" under "2024/25 RAG": each period with the year of the heading over it,
    as "Q1 2024/25"; None unless every cell below then names a period."""
    out: list[str] = []
    year = ""
    found = False
    for index in range(len(below)):
        head = headings[index].strip() if index < len(headings) else ""
        if head:
            match = _YEAR_IN_HEADING.search(head)
            year = match.group(0).replace(" ", "") if match else ""
        cell = below[index].strip()
        if not cell or cell == head:
            # Nothing below, or a heading merged down into the row ("Ref" over "Ref").
            out.append(cell)
            continue
        if not year or dates.read_period(cell):
            return None
        label = f"{cell} {year}"
        if not dates.read_period(label):
            return None
        out.append(label)
        found = True
    return out if found else None


_UNHEADED_REF_SCORE = 0.8


def _unheaded_refs(cells: list[str], found: dict[int, list[Col]], rows: list[Row]) -> bool:
    """Whether the first column has no heading while most rows under it open with a ref
    alone in it, and no other column is the refs'."""
    if (cells[0].strip() if cells else "x") or any(Col.REF in roles for roles in found.values()):
        return False
    firsts = [row.cells[0].strip() for row in rows if row.cells and row.cells[0].strip()]
    refs = [text for text in firsts if values.read_ref(text) is not None]
    return len(refs) >= 2 and 2 * len(refs) > len(firsts)


def _lone_progress_heading(cells: list[str]) -> Columns | None:
    """A table of updates alone, headed only "Position Statement June 2022": no refs to place
    its rows by, but the period is still one the plan reported against."""
    filled = [(i, cell) for i, cell in enumerate(cells) if cell.strip()]
    if len(filled) != 1:
        return None
    index, heading = filled[0]
    roles = heading_roles(heading)
    if not {Col.PROGRESS, Col.STATUS} & set(roles):
        return None
    period = period_column(heading, Col.PROGRESS if Col.PROGRESS in roles else Col.STATUS)
    if period is None:
        return None
    return Columns(
        kind=Kind.PROGRESS_ONLY,
        roles={index: period.holds},
        periods={index: period},
        headings=[" ".join(c.split()) for c in cells],
    )


# "Action by", "Actioned by": a heading that names who acts, not when.
_WHO_ACTS = re.compile(r"^(?:actions?|actioned|owned|led|done|delivered)\s+by$")
# A column of actions: most of its cells sentences of this many words or more.
_SENTENCE_WORDS = 8
_MOSTLY_SENTENCES = 0.75
_MOSTLY_PEOPLE = 0.75


def _actions_beside_lead(cells: list[str], following: list[Row]) -> _HeadingRow | None:
    """ "Resolution | Decision | Action by" (a committee's action log): short headings, the
    only one known naming who acts, over people; and one other column whose cells are long
    sentences, under a heading of no known wording. The sentences are the actions (rule
    `actions-beside-lead`); what the other columns hold their cells decide (the refs). A
    second column of sentences, or any other known heading, and this is not read."""
    filled = [(index, cell) for index, cell in enumerate(cells) if cell.strip()]
    if not 2 <= len(filled) <= 4 or not _could_be_headings_short(cells):
        return None
    heads = {index: normalise(_heading_part(cell)) for index, cell in filled}
    known = {index: heading_roles(head) for index, head in heads.items()}
    leads = [i for i, head in heads.items() if known[i] == [Col.LEAD] or _WHO_ACTS.match(head)]
    if len(leads) != 1 or any(roles and i not in leads for i, roles in known.items()):
        # Asked first, as the words alone decide it: what the cells below hold is read only
        # for a row that could be such headings, not for every row of every table.
        return None
    data = [row for row in _body_above_next_heading(following) if not row.is_blank()]
    if len(data) < 2:
        return None
    lead: int | None = None
    sentences: list[int] = []
    for index, _ in filled:
        head, roles = heads[index], known[index]
        found = profile.features(data, index)
        if roles == [Col.LEAD] or _WHO_ACTS.match(head):
            # Its cells, where it has any, name people (a part of the log may name none yet).
            people_ok = not found.filled or (found.people >= _MOSTLY_PEOPLE and not found.dates)
            if lead is not None or not people_ok:
                return None
            lead = index
        elif roles:
            return None
        elif found.long >= _MOSTLY_SENTENCES and found.words >= _SENTENCE_WORDS:
            if found.filled < _MOSTLY_SENTENCES:
                return None
            sentences.append(index)
    if lead is None or len(sentences) != 1:
        return None
    score = round(min(1.0, profile.features(data, sentences[0]).long), 2)
    code = rules.ACTIONS_BESIDE_LEAD.code
    return _HeadingRow(
        found={sentences[0]: [Col.TITLE], lead: [Col.LEAD]},
        basis={sentences[0]: (code, score), lead: (code, score)},
        legends=[],
    )


def _body_above_next_heading(following: list[Row]) -> list[Row]:
    """The rows under a heading row, up to the heading row of another table below
    ("Indicator | Baseline | Target")."""
    for index, row in enumerate(following[:60]):
        if not row.is_blank() and _reads_as_headings(tuple(row.cells)):
            return following[:index]
    return following[:60]


_MIN_GROUPS = 2
# Headings are short: a row with a longer cell is data, not a group over headings.
_MAX_GROUP_WORDS = 6


def _headings_under_groups(cells: list[str], below: list[str]) -> list[str] | None:
    """The heading row a row of group headings stands over: each group named by a known
    heading ("Who", "When", "Monitoring"), so that the row would be read as the columns
    themselves, and merged across two or more columns (written once, or repeated in each)
    with headings of its own under its
    columns, at least one of them a known wording (the cells below decide the others), and
    nothing under the other columns but the heading merged down. It gives the row the columns
    are named by, the groups' cells taking the lower headings; None for any other pair of
    rows. Asked of every row a table may head, so the cheap tests come first."""
    if len(below) != len(cells) or not any(c.strip() for c in below):
        return None
    if any(len(c.split()) > _MAX_GROUP_WORDS for c in cells):
        return None
    groups: list[list[int]] = []
    current = ""
    for index, cell in enumerate(cells):
        text = cell.strip()
        if text and text != current:
            groups.append([index])
            current = text
        elif groups and (text == current or not text) and below[index].strip():
            groups[-1].append(index)
        elif not text and below[index].strip():
            # A heading under no group, before the first ("Ref | Action" under nothing, then
            # "Q1 2025/26" over "RAG | Commentary"): the lower row heads those columns as it
            # stands, and periods over their columns are read as such.
            return None
        elif not text:
            current = ""
    spans = [group for group in groups if len(group) > 1]
    if len(spans) < _MIN_GROUPS:
        return None
    out = list(cells)
    for group in groups:
        head = cells[group[0]].strip()
        under = [below[i].strip() for i in group]
        if len(group) == 1:
            if under[0] and under[0] != head:
                return None
            continue
        if not all(under) or len(set(under)) != len(under) or head in under:
            return None
        if any(len(u.split()) > _MAX_GROUP_WORDS for u in under):
            return None
        if not heading_match(split_legend(head)[0]).roles:
            # Groups named in words no heading uses ("Delivery") leave the row to be read
            # as it was, the row under it being the headings; only a group whose own name is
            # a heading ("Who", "When") would be taken for the column itself.
            return None
        if not any(heading_match(split_legend(u)[0]).roles for u in under):
            return None
        for i in group:
            out[i] = below[i]
    return out


def _could_be_headings_short(cells: list[str]) -> bool:
    filled = [cell for cell in cells if cell.strip()]
    return all(_could_be_heading(_heading_part(cell)) for cell in filled)


def _tidy_heading(text: str) -> str:
    """A heading as written, on one line, without the colon or the asterisk of a required
    field after it ("Target date:", "Status *"): periods and notes are named after it."""
    return " ".join(text.split()).rstrip(" :*")


def read_header(
    cells: list[str],
    below: list[str] | None = None,
    following: list[Row] | None = None,
    *,
    trusted: bool = False,
) -> Columns | None:
    """The meaning of each column if this row is a table's heading row.

    `following` are the rows under it, when known: they let a row whose headings are not
    all known wordings be read as headings, and give columns with unknown headings their
    part from what their cells hold. A `trusted` row is known to be a heading row."""
    if below is not None and (combined := _headings_under_groups(cells, below)) is not None:
        # "Who" merged over "Lead | Team", "When" over "Start | Due": the columns are the
        # second row's (rule `headings-under-groups`).
        grouped = read_header(combined, None, following[1:] if following else None)
        if grouped is not None:
            grouped.rows_used = 2
            for index in range(len(combined)):
                if combined[index] != cells[index] and index in grouped.roles:
                    score = grouped.basis.get(index, ("", 1.0))[1]
                    grouped.basis[index] = (rules.HEADINGS_UNDER_GROUPS.code, score)
            return grouped
    read = _cell_roles(cells, trusted=True) if trusted else None
    if not trusted and _reads_as_headings(tuple(cells)):
        read = _cell_roles(cells)
    # The row under a group of headings ("Action details | Timescales") is the heading row.
    loose = bool(read is None and following and _could_be_headings(cells))
    if loose and following and not _reads_as_headings(tuple(following[0].cells)):
        read = _cell_roles(cells, loose=True)
        if read is not None and _like_the_cells_below(cells, following):
            read = None
    if read is None and (lone := _lone_progress_heading(cells)) is not None:
        return lone
    if read is None and following:
        read = _actions_beside_lead(cells, following)
        if read is not None:
            # What the other columns hold is read from this table's rows alone.
            following = _body_above_next_heading(following)
    if read is None:
        return None
    found = read.found
    if following and not any(Col.TITLE in roles for roles in found.values()):
        _name_over_actions(found, read.basis, following)
    if trusted and following and _unheaded_refs(cells, found, following):
        # "| Milestone | Owner | Status" over rows opening "C1.1.1 | …": the column a row
        # known to be the headings leaves blank holds the refs.
        found[0] = [Col.REF]
        read.basis[0] = (rules.CELL_CONTENT.code, _UNHEADED_REF_SCORE)
    kind = _choose_kind(found)
    if loose and kind is not Kind.ACTIONS and not trusted:
        # Only a table of actions is worth reading from headings that are not all known.
        return _lone_progress_heading(cells)
    if kind is None and trusted and any(Col.TITLE in roles for roles in found.values()):
        # A list of actions headed only "Action".
        kind = Kind.ACTIONS
    if kind is None:
        return None
    columns = Columns(
        kind=kind,
        roles={},
        headings=[_tidy_heading(split_legend(c)[0]) for c in cells],
        basis=dict(read.basis),
        legends=read.legends,
    )
    for index in read.kept_out:
        columns.basis[index] = (rules.RECORD_KEEPING.code, 1.0)
    outcomes_as_title = kind is Kind.ACTIONS and not any(
        Col.TITLE in roles for roles in found.values()
    )
    milestones_as_title = outcomes_as_title and not any(
        Col.OUTCOMES in roles for roles in found.values()
    )
    for index, roles in found.items():
        role = _remap(kind, _settle(kind, roles))
        if role is Col.OUTCOMES and outcomes_as_title:
            role = Col.TITLE
        if role is Col.MILESTONE and milestones_as_title:
            # "Ref | Milestone | Owner | Status": the milestones are the actions.
            role = Col.TITLE
            if not any(Col.REF in found_roles for found_roles in found.values()):
                score = columns.basis.get(index, ("", 1.0))[1]
                columns.basis[index] = (rules.MILESTONES_WITH_LEADS.code, score)
        columns.roles[index] = role
        period = period_column(columns.headings[index], role)
        if period:
            columns.periods[index] = period
    impact_only = Col.IMPACT in columns.roles.values() and not columns.has(Col.MEASURES)
    if kind is Kind.ACTIONS and impact_only:
        # "Evidence of impact" is how some plans head their measures of success.
        columns.roles = {
            i: Col.MEASURES if r is Col.IMPACT else r for i, r in columns.roles.items()
        }
    titled = columns.all(Col.TITLE)
    if kind is Kind.ACTIONS and len(titled) > 1 and not columns.has(Col.SECTION):
        # "Key objectives | Key actions": the first groups the actions of the second.
        columns.roles[titled[0]] = Col.SECTION
    if kind is Kind.ACTIONS and following:
        _task_tool_columns(columns, found, following)
    if kind is Kind.ACTIONS:
        lead_columns.people_over_bodies(columns)
        lead_columns.people_in_each(columns)
    if kind is Kind.ACTIONS and columns.has(Col.TITLE) and not columns.has(Col.MEASURES):
        # Beside each action, "Outcomes" or "What difference will it make" says how its
        # success will show: the action's measures.
        columns.roles = {
            i: Col.MEASURES if r is Col.OUTCOMES else r for i, r in columns.roles.items()
        }
    if below is not None and (dated := _with_years(cells, below)) is not None:
        _add_subheader(columns, cells, dated)
        columns.rows_used = 2
    elif below is not None and _is_subheader(below, cells):
        _add_subheader(columns, cells, below)
        columns.rows_used = 2
        if following and len(following) > 1 and _split_periods(columns, following[1].cells):
            columns.rows_used = 3
    elif below is not None and kind is Kind.ACTIONS and _ratings_under_period(columns, below):
        columns.rows_used = 2
    if kind is Kind.ACTIONS:
        # "Progress rating" with no periods under it is the one column of ratings.
        for index, role in columns.roles.items():
            if role is Col.MONITORING_DATES:
                columns.roles[index] = Col.STATUS
        _impact_beside_progress(columns)
        _title_over_measures(columns)
        if following:
            _ratings_under_current(columns, following[columns.rows_used - 1 :])
            _ratings_under_a_post(columns, following[columns.rows_used - 1 :])
            _dated_impact_beside_ratings(columns, following[columns.rows_used - 1 :])
            _complete_from_cells(columns, following[columns.rows_used - 1 :])
            _target_dates_as_due(columns, following[columns.rows_used - 1 :])
            body = following[columns.rows_used - 1 :]
            row_numbers.leave_out_row_numbers(columns.roles, columns.basis, body)
        _periods_named_by_other_columns(columns)
    return columns


_MOSTLY_ACTIONS = 0.6
_HARDLY = 0.2


def _name_over_actions(
    found: dict[int, list[Col]], basis: dict[int, tuple[str, float]], following: list[Row]
) -> None:
    """Rule `name-over-actions`: "Name | Owner | Status | Due date" (monday.com, Asana), with
    no action column: "Name" heads the tasks themselves when its cells read as actions and
    another column holds the people. Keyed on the heading's role (a person's name) and on what
    the cells hold, not on the words."""
    named = [i for i, roles in found.items() if roles and roles[0] is Col.NAME]
    people = [i for i, roles in found.items() if roles and roles[0] in (Col.LEAD, Col.NAME)]
    if not named or len(people) < 2:
        return
    body = [row for row in following[:60] if not row.is_blank()]
    if len(body) < 2:
        return
    # Half its cells open with a verb (a short group may hold two tasks), and they are
    # sentences, not names ("Name | Person": monday.com names its people column "Person").
    tasks = [
        i for i in named
        if (cells := profile.features(body, i)).verbs >= 0.5
        and cells.words >= 4
        and cells.people <= _HARDLY
    ]  # fmt: skip
    if len(tasks) == 1:
        found[tasks[0]] = [Col.TITLE]
        basis[tasks[0]] = (rules.NAME_OVER_ACTIONS.code, 0.9)


# A task tool's priority of each task, no group of the plan's.
_PRIORITY_LEVELS = re.compile(
    r"urgent|important|critical|high|medium|normal|low|highest|lowest|none", re.I
)


def _task_tool_columns(columns: Columns, found: dict[int, list[Col]], rows: list[Row]) -> None:
    """Columns of a task tool's export that its headings alone misread (rule `task-tool-
    columns`), settled by what their cells hold:

    - "Name" over the tasks themselves (Asana, monday.com): read as the lead by its heading,
      it is the title when its cells read as actions and another column holds the people;
    - a second title column whose every row holds the same words ("Projects": the one project
      every task belongs to) is no title;
    - a second section column of priority levels ("Urgent", "Medium") is no section;
    - a second due column of people's names ("Completed By") is no due date."""
    body = [row for row in rows if not row.is_blank()][:60]
    if len(body) < 2:
        return
    repeated = [
        i for i in columns.all(Col.TITLE) if len(filled := _filled(body, i)) >= 3
        and len(set(filled)) == 1
    ]  # fmt: skip
    leads = columns.all(Col.LEAD)
    for index in leads:
        if Col.NAME not in found.get(index, []) or len(leads) < 2:
            continue
        if set(columns.all(Col.TITLE)) - set(repeated):
            continue
        cells = profile.features(body, index)
        if cells.verbs >= _MOSTLY_ACTIONS and cells.people <= _HARDLY:
            columns.roles[index] = Col.TITLE
            columns.basis[index] = (rules.TASK_TOOL_COLUMNS.code, 0.9)
            break
    dropped: list[int] = repeated if len(columns.all(Col.TITLE)) > 1 else []
    sections = columns.all(Col.SECTION)
    if len(sections) > 1:
        dropped += [
            i for i in sections
            if (filled := _filled(body, i)) and all(_PRIORITY_LEVELS.fullmatch(v) for v in filled)
        ]  # fmt: skip
    for index in columns.all(Col.OUTLINE):
        # An outline level is a small whole number on every task's row.
        if not all(_LEVEL.fullmatch(v) for v in _filled(body, index) or ["-"]):
            dropped.append(index)
    due = columns.all(Col.DUE)
    if len(due) > 1:
        for index in due:
            cells = profile.features(body, index)
            if cells.people >= _MOSTLY_ACTIONS and cells.dates <= _HARDLY:
                dropped.append(index)
    for index in dropped:
        if len(columns.all(columns.roles[index])) > 1 or columns.roles[index] is Col.OUTLINE:
            del columns.roles[index]
            columns.basis[index] = (rules.TASK_TOOL_COLUMNS.code, 0.9)


_LEVEL = re.compile(r"[1-9](?:\.0)?")


def _filled(rows: list[Row], index: int) -> list[str]:
    return [
        " ".join(row.cells[index].split())
        for row in rows
        if index < len(row.cells) and row.cells[index].strip()
    ]


def _title_over_measures(columns: Columns) -> None:
    """ "Project / KPI", "Action / success measure": with no other column of the actions'
    words, a heading that joins them with their measures heads both, the action on its own
    row and its measures on the rows under it."""
    titles = columns.all(Col.TITLE)
    for index, heading in enumerate(columns.headings):
        if titles not in ([], [index]) or "/" not in heading:
            continue
        if columns.roles.get(index, Col.TITLE) is not Col.TITLE:
            continue
        if {Col.TITLE, Col.MEASURES} <= set(word_roles(heading)):
            columns.roles[index] = Col.TITLE
            columns.basis[index] = (rules.TITLE_OVER_MEASURES.code, _WORD_MATCH_SCORE)
            columns.measures_under_title = index
            return


_INDICATOR_ROLES = (Col.INDICATOR, Col.BASELINE, Col.ACTUAL, Col.COMPARATOR, Col.UNIT)
_MOSTLY = 0.8


def _target_dates_as_due(columns: Columns, rows: list[Row]) -> None:
    """ "Target" beside actions, holding dates ("Mar 2025") and no figures: when each action
    is due, in a table with no due date column and no indicators."""
    if columns.has(Col.DUE) or any(columns.has(role) for role in _INDICATOR_ROLES):
        return
    for index in columns.all(Col.TARGET):
        found = profile.features([row for row in rows if not row.is_blank()][:60], index)
        if found.filled and found.dates >= _MOSTLY:
            columns.roles[index] = Col.DUE
            columns.basis[index] = (rules.TARGET_DATES_DUE.code, round(found.dates, 2))


def _periods_named_by_other_columns(columns: Columns) -> None:
    """ "Progress update Period 12" beside a column headed "Period 12": the progress is that
    period's, whatever the period is called."""
    labels = {normalise(p.label): p for p in columns.periods.values() if p.label}
    for index, role in columns.roles.items():
        # A column of ratings headed by the name of its period ("Period 5", "Review 2").
        heading = columns.headings[index] if index < len(columns.headings) else ""
        named = heading.strip() and not statuses.only_rating_words(heading)
        if role is Col.STATUS and index not in columns.periods and named:
            label = " ".join(heading.split())
            labels.setdefault(normalise(heading), PeriodColumn(label, None, role))
    if not labels:
        return
    for index, role in columns.roles.items():
        if role not in (Col.PROGRESS, Col.STATUS) or index in columns.periods:
            continue
        heading = normalise(columns.headings[index]) if index < len(columns.headings) else ""
        for label, period in labels.items():
            before = heading[: -len(label)].strip() if heading.endswith(label) else None
            if before and set(heading_roles(before)) & {Col.PROGRESS, Col.STATUS}:
                columns.periods[index] = PeriodColumn(period.label, period.ends_on, role)
                break


# Parts a column whose heading is not known can be given from its cells alone: those whose
# cells say so plainly. Prose columns (measures, progress, risks) look too alike to tell.
def _names_impact(heading: str) -> bool:
    """ "Impact RAG", "Impact rating", "Impact (Dec 2025)": a rating of what an action changed,
    not of how far it has gone ("Progress and impact" is both, and no impact rating)."""
    words = set(re.findall(r"[a-z]+", heading.lower()))
    return "impact" in words and not words & {"progress", "delivery", "and"}


def _impact_beside_progress(columns: Columns) -> None:
    """ "Progress RAG | Impact RAG" (or "Delivery RAG | Direction | Impact RAG"): two ratings of
    each action for one period. The plan format gives an update one status; the progress
    rating is it, and the impact rating is kept in words in that update. Only where another
    rating column reports on the same period (both undated, or the same period named)."""
    rated = [i for i, role in columns.roles.items() if role is Col.STATUS]
    impact = [i for i in rated if i < len(columns.headings) and _names_impact(columns.headings[i])]
    others = [i for i in rated if i not in impact]

    def period(index: int) -> str | None:
        found = columns.periods.get(index)
        return found.label if found is not None else None

    for index in impact:
        if not any(period(other) == period(index) for other in others):
            continue
        columns.impact_ratings.add(index)
        columns.roles[index] = Col.PROGRESS
        columns.periods.pop(index, None)
        columns.basis[index] = (rules.IMPACT_BESIDE_PROGRESS.code, 1.0)


def _dated_impact_beside_ratings(columns: Columns, rows: list[Row]) -> None:
    """ "RAG Jan 2026 | Impact Jan 2026", "Progress at 31 March 2026 | Impact (March 2026)":
    an impact column dated as a period of ratings beside it, whose cells are ratings, is that
    period's impact rating, kept in words in its update as `_impact_beside_progress` keeps an
    undated one; it is no success measure ("Amber") and no second status."""
    ends = {p.ends_on for p in columns.periods.values() if p.ends_on}
    if not ends:
        return
    data = [row for row in rows if not row.is_blank()][:60]
    for index, heading in enumerate(columns.headings):
        if index in columns.periods or not _names_impact(heading):
            continue
        if columns.roles.get(index) not in (
            None,
            Col.MEASURES,
            Col.IMPACT,
            Col.OUTCOMES,
            Col.PROGRESS,
        ):
            continue
        dated = dates.trailing_period(heading)
        if dated is None or dated[1] not in ends:
            continue
        found = profile.features(data, index)
        score = profile.content_score(Col.STATUS, found)
        if found.filled < 0.5 or score < _RATINGS_UNDER_CURRENT:
            continue
        columns.impact_ratings.add(index)
        columns.roles[index] = Col.PROGRESS
        columns.basis[index] = (rules.IMPACT_BESIDE_PROGRESS.code, round(score, 2))


# How much a column under "Current" must read as ratings to be rated: most of its cells.
_RATINGS_UNDER_CURRENT = 0.75


def _ratings_under_current(columns: Columns, rows: list[Row]) -> None:
    """ "Ref | Action | Lead | Due | Current", the last holding "G", "A", "R": a heading that
    names an indicator's latest figure ("Current", "Latest") over ratings, beside actions, is
    the actions' rating column. A table with a baseline or a target beside it is an
    indicator's, whose latest figure it is; but a "Target" of dates ("Jan 2026") is when each
    action is due ("No. | Action | Owner | Target | Previous | Latest"), no indicator's."""
    if columns.has(Col.BASELINE) or not columns.has(Col.TITLE):
        return
    data = [row for row in rows if not row.is_blank()][:60]
    for index in columns.all(Col.TARGET):
        found = profile.features(data, index)
        if not found.filled or found.dates < _MOSTLY:
            return
    _rated(columns, data, Col.ACTUAL, rules.RATINGS_UNDER_CURRENT)


def _ratings_under_a_post(columns: Columns, rows: list[Row]) -> None:
    """ "Ref | Action | Lead | Due | Position", the last holding "G", "A", "R": a heading that
    names a person's post ("Position", "Post", "Role") over a column beside actions whose cells
    are ratings is the actions' rating column; nobody's post is "Amber"."""
    data = [row for row in rows if not row.is_blank()][:60]
    _rated(columns, data, Col.ROLE, rules.RATINGS_UNDER_A_POST)


def _rated(columns: Columns, data: list[Row], role: Col, rule: rules.Rule) -> None:
    """Each column read as `role` whose cells, mostly filled, read as ratings: a status column,
    by `rule`."""
    for index in columns.all(role):
        found = profile.features(data, index)
        score = profile.content_score(Col.STATUS, found)
        if found.filled < 0.5 or score < _RATINGS_UNDER_CURRENT:
            continue
        columns.roles[index] = Col.STATUS
        columns.basis[index] = (rule.code, round(score, 2))


_FROM_CELLS = (Col.REF, Col.TITLE, Col.LEAD, Col.DUE, Col.STATUS)
_HEADERLESS_NEEDS = 2


def _complete_from_cells(columns: Columns, rows: list[Row]) -> None:
    """Give columns whose headings are unknown, or only contain a known wording, their part
    from what their cells hold; the columns with known headings keep theirs."""
    data = [row for row in rows if not row.is_blank()][:60]
    if len(data) < 2:
        return
    width = max(len(columns.headings), *(len(row.cells) for row in data))
    loose = {
        index
        for index, (code, _) in columns.basis.items()
        if code == rules.HEADING_WORD.code and index in columns.roles
    }
    fixed = {index: role for index, role in columns.roles.items() if index not in loose}
    kept_out = {i for i, (code, _) in columns.basis.items() if code == rules.RECORD_KEEPING.code}
    scores: dict[int, dict[Col, float]] = {}
    for index in range(width):
        if index in fixed or index in kept_out:
            continue
        found = profile.features(data, index)
        if found.filled < 0.3:
            continue
        by_role = {role: profile.content_score(role, found) for role in _FROM_CELLS}
        if index in loose:
            named = columns.roles[index]
            # The heading's word and the cells together: either alone may mislead.
            by_role[named] = max(by_role.get(named, 0.0), 0.5 * _WORD_MATCH_SCORE) + 0.35
        scores[index] = by_role
    for index, choice in profile.assign(scores, fixed=fixed).items():
        if index in fixed:
            continue
        heading = columns.headings[index] if index < len(columns.headings) else ""
        columns.roles[index] = choice.role
        rule = rules.HEADING_WORD if index in loose and heading else rules.CELL_CONTENT
        columns.basis[index] = (rule.code, choice.confidence)
        period = period_column(heading, choice.role) if heading else None
        if period:
            columns.periods[index] = period
    for index in loose - set(columns.roles):
        columns.basis.pop(index, None)
    if columns.kind is Kind.ACTIONS and not columns.has(Col.TITLE):
        # A table of actions must say what each action is: with no column named for it, the
        # column left over that reads most like actions is that column ("Actoin", "Item").
        left = {
            index: by_role.get(Col.TITLE, 0.0)
            for index, by_role in scores.items()
            if index not in columns.roles
        }
        best = max(left, key=lambda index: left[index], default=None)
        if best is not None and left[best] >= _TITLE_FALLBACK_FLOOR:
            columns.roles[best] = Col.TITLE
            columns.basis[best] = (rules.CELL_CONTENT.code, round(left[best], 2))


_TITLE_FALLBACK_FLOOR = 0.25


def headerless(rows: list[Row]) -> Columns | None:
    """The columns of an action table that has no heading row, from what its cells hold:
    long sentences that open with verbs beside refs, people, dates or ratings."""
    data = [row for row in rows if not row.is_blank()][:60]
    if len(data) < 3:
        return None
    width = max(len(row.cells) for row in data)
    if width < 2:
        return None
    scores = {
        index: {role: profile.content_score(role, profile.features(data, index)) for role in
                _FROM_CELLS}
        for index in range(width)
    }  # fmt: skip
    chosen = profile.assign(scores)
    roles = {index: choice.role for index, choice in chosen.items()}
    others = {Col.REF, Col.LEAD, Col.DUE, Col.STATUS} & set(roles.values())
    if Col.TITLE not in roles.values() or len(others) < _HEADERLESS_NEEDS:
        return None
    return Columns(
        kind=Kind.ACTIONS,
        roles=roles,
        headings=[""] * width,
        rows_used=0,
        basis={i: (rules.HEADERLESS_TABLE.code, choice.confidence) for i, choice in chosen.items()},
    )


_YEAR_WORDS = re.compile(r"\b(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?\b")


def is_group_row(cells: list[str], header: Columns) -> bool:
    """A row of headings over groups of the columns below it ("Action details | Timescales
    | Quarterly RAG 2024/25"), each written once over the columns it covers."""
    filled = [cell for cell in cells if cell.strip()]
    named = [heading for heading in header.headings if heading]
    if not filled or len(filled) >= len(named):
        return False
    # A heading may be wrapped over two lines ("Quarterly\nRAG 2024/25"), no more.
    return all(len(cell.split()) <= 6 and cell.strip().count("\n") <= 1 for cell in filled)


def complete_periods(header: Columns, group: list[str]) -> None:
    """Periods headed without their year ("Q1") take it from the group heading over them
    ("Quarterly RAG 2024/25" over "Q1 | Q2 | Q3 | Q4")."""
    for index, period in list(header.periods.items()):
        if period.ends_on is not None:
            continue
        over = next(
            (group[i] for i in range(min(index, len(group) - 1), -1, -1) if group[i].strip()), ""
        )
        year = _YEAR_WORDS.search(over)
        if not year:
            continue
        # "Sep" under "2025/26" is September 2025, "Mar" March 2026.
        label, ends_on = dates.in_year_span(period.label, over) or (
            f"{period.label} {year.group(0)}",
            dates.read_period(f"{period.label} {year.group(0)}"),
        )
        if ends_on:
            header.periods[index] = PeriodColumn(label, ends_on, period.holds)
            header.basis[index] = (rules.PERIOD_BAND.code, 1.0)
