"""Recognising table headings however a plan words them.

"Lead and resource", "Accountable Officer" and "Lead officer" all mean the lead column;
"Mar 18", "Dec-19" and "Q3 2023/24" head monitoring columns. Each heading is normalised
(lower case, "&" as "and", punctuation dropped) and matched against a table of synonyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from sendplan.interchange.parsers import dates


class Col(Enum):
    REF = "ref"
    TITLE = "title"
    OUTCOMES = "outcomes"
    LEAD = "lead"
    MEASURES = "measures"
    IMPACT = "impact"
    DUE = "due"
    STARTS = "starts"
    PROGRESS = "progress"
    STATUS = "status"
    GROUP = "group"
    MEMBERS = "members"
    RESOURCES = "resources"
    COST = "cost"
    BUDGET = "budget"
    MONITORING = "monitoring"
    MONITORING_DATES = "monitoring dates"
    EVIDENCE = "evidence"
    SEE_ALSO = "see also"
    SECTION = "section"
    ROLE = "role"
    NAME = "name"
    INITIALS = "initials"
    ORGANISATION = "organisation"
    EMAIL = "email"
    TERM = "term"
    MEANING = "meaning"
    DATE = "date"
    MEETING = "meeting"
    CONCERN = "concern"
    FINDING = "finding"
    SOURCE = "source"
    INDICATOR = "indicator"
    DEFINITION = "definition"
    BASELINE = "baseline"
    TARGET = "target"
    ACTUAL = "actual"
    COMPARATOR = "comparator"
    UNIT = "unit"
    TIMELINE = "timeline"
    MILESTONE = "milestone"
    PERIOD = "period"
    COLOUR = "colour"


class Kind(Enum):
    ACTIONS = "actions"
    OFFICERS = "officers"
    GLOSSARY = "glossary"
    MEETINGS = "meetings"
    FINANCE = "finance"
    CONCERNS = "concerns"
    INDICATORS = "indicators"
    TIMELINE = "timeline"
    MILESTONES = "milestones"
    PROGRESS_ONLY = "progress only"
    KEY = "key"


_SYNONYMS: list[tuple[Col, str]] = [
    (Col.TIMELINE, r"theme priority (and )?action|timeline( of actions?)?"),
    (
        Col.REF,
        r"ref|refs|reference|ref no|ref number|no|number|id|item|action (ref|no|number|id)"
        r"|(action|milestone|task) reference|ref id",
    ),
    (
        Col.TITLE,
        r"actions?|milestone actions?|actions? implementation|key actions?|actions? required"
        r"|delivery objectives?|objectives?|what (we will|will we) do|activit(y|ies)|tasks?"
        r"|action description|description( of action)?|what needs to happen|improvement actions?",
    ),
    (Col.OUTCOMES, r"outcomes?|intended outcomes?|expected outcomes?"),
    (
        Col.OUTCOMES,
        r"outcomes? we are seeking to achieve|what we want to achieve|outcomes? sought"
        r"|what difference will it make|general outcomes?",
    ),
    (
        Col.LEAD,
        r"leads?|lead and resources?|lead officers?|lead officer s|accountable officers?"
        r"|responsible officers?|owners?|action owners?|who|responsible|lead person|lead s"
        r"|lead agency|led by|responsibility|lead and partners|lead responsible officer"
        r"|who is responsible|who will lead|who leads|person responsible|lead contact",
    ),
    (
        Col.MEASURES,
        r"measures? of success|success measures?|success criteria|measures?|kpis?"
        r"|success indicators?|how will we know"
        r"|how (we|will we) (will )?measure (success|impact|progress)"
        r"|key performance indicators?|measurable outcomes?|measures? of impact|impact measures?"
        r"|what will success look like|what success looks like|evidence of success"
        r"|how will we know (it|we) (is|are|have) (working|made a difference|succeeded)",
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
    (Col.STARTS, r"start date|milestone start date|start|commencement date|date started"),
    (
        Col.PROGRESS,
        r"progress|progress impact|progress and impact|progress updates?|updates?|commentary"
        r"|comments?|progress narrative|narrative|rag commentary|current position"
        r"|progress to date|progress made|latest update|notes|position statement.*"
        r"|progress (update|report|statement).*|update .*"
        # "Sep-23 update", but not "Review and update", which names a task.
        r"|(?!.*\band\b).* (updates?|commentary|comments|narrative|position statement)",
    ),
    (
        Col.STATUS,
        r"status|rag|brag|rag rating|rating|rag status|current status|overall status"
        r"|progress b?rag|b?rag rating|status b?rag|delivery status|(rag|brag|status) .*"
        r"|.* (rag|brag|status|rating)",
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
        r"|responsible for",
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
    (Col.BASELINE, r"baseline.*"),
    (Col.TARGET, r"targets?( .*)?|target trajectory"),
    (Col.ACTUAL, r"actuals?( .*)?|latest( figure)?|current( figure)?"),
    (Col.COMPARATOR, r"national( average)?|england|statistical neighbours?|comparators?"),
    (Col.UNIT, r"units?"),
    (Col.MILESTONE, r"key milestones?|milestones?"),
    (Col.COLOUR, r"colou?rs?|colou?r codes?|(b?rag|status) colou?rs?"),
]
_PATTERNS = [(role, re.compile(rf"(?:{pattern})")) for role, pattern in _SYNONYMS]


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
)


def _matching(norm: str) -> list[Col]:
    return [role for role, pattern in _PATTERNS if pattern.fullmatch(norm)]


def heading_roles(text: str) -> list[Col]:
    """Every role a heading could play, most likely first; empty when it is no heading."""
    norm = normalise(text)
    if not norm or len(norm.split()) > 8:
        return []
    roles = _matching(norm)
    if not roles and (dates.read_period(text) or _YEARLESS_PERIOD.fullmatch(norm)):
        roles.append(Col.PERIOD)
    if not roles:
        roles = _dated_or_joined(text)
    return list(dict.fromkeys(roles))


def _dated_or_joined(text: str) -> list[Col]:
    """ "Progress (Mar 25)" heads a progress column for March 2025, as "Progress" would one
    without a date; "Objective / Action" and "Lead and owner" join two words for one column."""
    found = dates.trailing_period(text)
    if found:
        before = normalise(text[: text.rfind(found[0])])
        roles = _matching(before) if before else []
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

    def first(self, role: Col) -> int | None:
        return next((index for index, col in self.roles.items() if col is role), None)

    def all(self, role: Col) -> list[int]:
        return [index for index, col in self.roles.items() if col is role]

    def has(self, role: Col) -> bool:
        return self.first(role) is not None

    def same_as(self, other: Columns) -> bool:
        return self.kind is other.kind and self.roles == other.roles


def _cell_roles(cells: list[str]) -> dict[int, list[Col]] | None:
    """Roles for every filled cell, or None when the row reads as data, not headings."""
    found: dict[int, list[Col]] = {}
    unknown = 0
    for index, cell in enumerate(cells):
        if not cell.strip():
            continue
        roles = heading_roles(cell)
        if roles:
            found[index] = roles
        else:
            unknown += 1
            if unknown > 1:
                return None
    named = [roles for roles in found.values() if roles != [Col.PERIOD]]
    if len(found) < 2 or not named:
        return None
    # A long plan may add one heading we do not know; data rows have many unknown cells.
    if unknown > (1 if len(found) >= 4 else 0):
        return None
    return found


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
    if Col.CONCERN in firsts:
        return Kind.CONCERNS
    if Col.BASELINE in firsts or (Col.INDICATOR in firsts and Col.TARGET in present):
        return Kind.INDICATORS
    if Col.MILESTONE in firsts and not ({Col.TITLE, Col.REF} & firsts):
        return Kind.MILESTONES
    if Col.COST in firsts and not ({Col.LEAD, Col.DUE, Col.MEASURES} & firsts):
        return Kind.FINANCE
    if {Col.TITLE, Col.REF, Col.OUTCOMES} & present and len(firsts - {Col.PERIOD}) >= 2:
        return Kind.ACTIONS
    if firsts <= {Col.PROGRESS, Col.STATUS, Col.PERIOD, Col.SECTION}:
        return Kind.PROGRESS_ONLY
    return None


_RATING_HEADS = {Col.STATUS, Col.MONITORING_DATES, Col.COLOUR}


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


def _period_column(heading: str, role: Col) -> PeriodColumn | None:
    if role is Col.PERIOD:
        ends_on = dates.read_period(heading)
        # A period without its year is still a period; its end date is for a person to give.
        return PeriodColumn(" ".join(heading.split()), ends_on, Col.STATUS)
    if role in (Col.PROGRESS, Col.STATUS):
        found = dates.trailing_period(heading) or dates.leading_period(heading)
        if found:
            return PeriodColumn(found[0], found[1], role)
    return None


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
    if kind is Kind.MILESTONES and role is Col.DATE:
        return Col.DUE
    if kind is Kind.INDICATORS and role is Col.MEASURES:
        return Col.INDICATOR
    return role


def _add_subheader(columns: Columns, headings: list[str], below: list[str]) -> None:
    """Periods written under a spanning heading ("Monitoring dates" over "Mar 18 | Jun 18")."""
    spanning = False
    for index in range(max(len(headings), len(below))):
        head = headings[index].strip() if index < len(headings) else ""
        if head:
            spanning = columns.roles.get(index) in (Col.MONITORING_DATES, Col.STATUS)
        cell = below[index].strip() if index < len(below) else ""
        ends_on = dates.read_period(cell) if cell else None
        if ends_on and (spanning or not head):
            columns.periods[index] = PeriodColumn(" ".join(cell.split()), ends_on, Col.STATUS)
            columns.roles[index] = Col.PERIOD


def _is_subheader(cells: list[str]) -> bool:
    filled = [cell for cell in cells if cell.strip()]
    return bool(filled) and all(dates.read_period(cell) for cell in filled)


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
        if not cell:
            out.append("")
            continue
        if not year or dates.read_period(cell):
            return None
        label = f"{cell} {year}"
        if not dates.read_period(label):
            return None
        out.append(label)
        found = True
    return out if found else None


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
    period = _period_column(heading, Col.PROGRESS if Col.PROGRESS in roles else Col.STATUS)
    if period is None:
        return None
    return Columns(
        kind=Kind.PROGRESS_ONLY,
        roles={index: period.holds},
        periods={index: period},
        headings=[" ".join(c.split()) for c in cells],
    )


def read_header(cells: list[str], below: list[str] | None = None) -> Columns | None:
    """The meaning of each column if this row is a table's heading row."""
    found = _cell_roles(cells)
    if found is None:
        return _lone_progress_heading(cells)
    kind = _choose_kind(found)
    if kind is None:
        return None
    columns = Columns(kind=kind, roles={}, headings=[" ".join(c.split()) for c in cells])
    outcomes_as_title = kind is Kind.ACTIONS and not any(
        Col.TITLE in roles for roles in found.values()
    )
    for index, roles in found.items():
        role = _remap(kind, _settle(kind, roles))
        if role is Col.OUTCOMES and outcomes_as_title:
            role = Col.TITLE
        columns.roles[index] = role
        period = _period_column(cells[index], role)
        if period:
            columns.periods[index] = period
    impact_only = Col.IMPACT in columns.roles.values() and not columns.has(Col.MEASURES)
    if kind is Kind.ACTIONS and impact_only:
        # "Evidence of impact" is how some plans head their measures of success.
        columns.roles = {
            i: Col.MEASURES if r is Col.IMPACT else r for i, r in columns.roles.items()
        }
    if kind is Kind.ACTIONS and columns.has(Col.TITLE) and not columns.has(Col.MEASURES):
        # Beside each action, "Outcomes" or "What difference will it make" says how its
        # success will show: the action's measures.
        columns.roles = {
            i: Col.MEASURES if r is Col.OUTCOMES else r for i, r in columns.roles.items()
        }
    if below is not None and _is_subheader(below):
        _add_subheader(columns, cells, below)
        columns.rows_used = 2
    elif below is not None and (dated := _with_years(cells, below)) is not None:
        _add_subheader(columns, cells, dated)
        columns.rows_used = 2
    if kind is Kind.ACTIONS:
        # "Progress rating" with no periods under it is the one column of ratings.
        for index, role in columns.roles.items():
            if role is Col.MONITORING_DATES:
                columns.roles[index] = Col.STATUS
    return columns


_YEAR_WORDS = re.compile(r"\b(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?\b")


def is_group_row(cells: list[str], header: Columns) -> bool:
    """A row of headings over groups of the columns below it ("Action details | Timescales
    | Quarterly RAG 2024/25"), each written once over the columns it covers."""
    filled = [cell for cell in cells if cell.strip()]
    named = [heading for heading in header.headings if heading]
    if not filled or len(filled) >= len(named):
        return False
    return all(len(cell.split()) <= 6 and "\n" not in cell.strip() for cell in filled)


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
        label = f"{period.label} {year.group(0)}"
        ends_on = dates.read_period(label)
        if ends_on:
            header.periods[index] = PeriodColumn(label, ends_on, period.holds)
