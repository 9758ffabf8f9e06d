"""Highlight reports and progress reports on a plan: each workstream's status and next steps.

An improvement board receives, each month or quarter, a report on each workstream or
priority: its RAG status, what it achieved this period, its next steps (or what is planned for
the next period), its risks. A person entering one by hand makes each workstream a section,
each next step an action (with the owner and date it gives), and the workstream's RAG and
achievements each action's update for the period the report is dated by. Risks are no
actions. Reports are laid out as:

- a table with a row per workstream and a column of next steps beside its RAG or progress
  ("Workstream | RAG | Progress | Next steps | Risks") (`highlight-columns`);
- a small table per workstream, its labels down the first column ("Workstream", "RAG status",
  "Key achievements", "Next steps") (`highlight-cards`);
- a heading or line per workstream over labelled parts ("RAG rating: Amber", "Progress this
  period", "Planned for next period" over bullets) (`highlight-headed`).

Each is made here into the action table it stands for ("Workstream | Action | Lead | Due date
| RAG <period> | Progress <period>"), its period the one a line near the top names
(`highlight-period`), so that the interpreter reads it as any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import dates, rules
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, Row, Table, squash
from sendplan.interchange.parsers.roles import Col

# What a report's labels say each part holds. Steps are tried first: "Not yet achieved" is
# still to be done, "Achieved" is done.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "steps",
        re.compile(
            r"^(?:key\s+)?(?:next\s+steps?|planned\s+(?:for\s+(?:the\s+)?next|actions?|activit"
            r"|next)|(?:actions?|activity|activities|priorities|focus|plans?)\s+(?:for|in|during"
            r"|over)\s+(?:the\s+)?(?:next|coming|forthcoming)|what\s+(?:we\s+will|will\s+happen"
            r"|happens)\s+(?:do\s+)?next|what\s+we\s+will\s+do|(?:key\s+)?milestones?"
            r"|not\s+yet\s+(?:achieved|complete|done)|still\s+to\s+do|outstanding(?:\s+actions?)?"
            r"|forward\s+(?:plan|look)|looking\s+ahead|coming\s+up|next\s+(?:reporting\s+)?"
            r"(?:period|month|quarter)|(?:key\s+)?(?:activities|work)\s+(?:planned\s+)?(?:for\s+)?"
            r"next\s+(?:week|month|period|quarter))\b",
            re.I,
        ),
    ),
    (
        "progress",
        re.compile(
            r"^(?:key\s+)?(?:achievements?|achieved|progress(?:\s+(?:this|since|during|in|to"
            r"|made|update|summary)|$)|what\s+(?:we\s+have|has\s+been)\s+(?:done|achieved)"
            r"|completed(?:\s+this)?|highlights?(?:\s+this|$)|summary\s+of\s+progress"
            r"|(?:key\s+)?updates?(?:\s+this|$)|successes|this\s+(?:reporting\s+)?(?:period|month"
            r"|quarter)$|(?:key\s+)?(?:activities|work)\s+(?:completed|delivered|done|this|last)"
            r"|status\s+update)",
            re.I,
        ),
    ),
    (
        "rag",
        re.compile(
            r"^(?:overall\s+|current\s+)?(?:b?rag|status|rating|delivery\s+(?:status|confidence"
            r"))(?:\s+(?:status|rating))?$|^(?:overall|current)\s+(?:status|rating)",
            re.I,
        ),
    ),
    (
        "lead",
        re.compile(
            r"^(?:workstream\s+|priority\s+|theme\s+)?(?:lead(?:\s+officers?)?|owners?"
            r"|senior\s+responsible\s+(?:officer|owner)|sro|responsible(?:\s+officer)?"
            r"|accountable\s+(?:officer|lead))$",
            re.I,
        ),
    ),
    (
        "risks",
        re.compile(r"^(?:key\s+)?(?:risks?|issues|concerns|blockers|escalations?)\b", re.I),
    ),
    (
        "name",
        re.compile(
            r"^(?:workstream|priority|theme|pillar|project|objective|area(?:\s+of\s+\w+)?"
            r"|strand|programme)s?(?:\s+(?:name|title))?$",
            re.I,
        ),
    ),
)
# Other labels a report gives that hold nothing entered from it.
_OTHER = re.compile(
    r"^(?:direction(?:\s+of\s+travel)?|trend|previous\s+(?:rag|status|rating)|last\s+(?:period"
    r"|month|quarter)|comments?|notes?|decisions?\s+(?:required|needed)|asks?\s+of\s+the\s+board"
    r"|support\s+(?:required|needed)|escalations?)\b",
    re.I,
)
_MAX_LABEL_WORDS = 8
# A line longer than this is no label, with or without its value ("RAG rating: Amber").
_MAX_LABEL_CHARS = 200
_BULLET = re.compile(r"^\s*[•·▪◦‣●○■□*–\-✓✔]\s*")
_LABEL_VALUE = re.compile(r"^(?P<label>[^:–—]{2,40}?)\s*[:–—]\s*(?P<value>\S.*)$")
# A step's owner and date after it: "(Head of SEND, March 2026)", "– by December 2025".
_TAIL_BRACKETS = re.compile(r"^(?P<title>.+?)\s*\((?P<tail>[^()]+)\)\s*\.?$")
_TAIL_DASH = re.compile(r"\s+[–—-]\s+")
_MAX_TAIL_PART_WORDS = 6
# How far down a report the line naming its period may be.
_PERIOD_LINES = 8
_QUARTER = re.compile(
    r"\b(?:quarter|qtr|q)\s*(?P<n>[1-4])\s*(?:of\s+)?(?:(?:fy|financial\s+year)\s*)?"
    r"(?P<first>(?:19|20)\d{2})\s*[/-]\s*(?P<second>\d{2}(?:\d{2})?)\b",
    re.I,
)
_MONTH_YEAR = re.compile(
    r"\b(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(?P<year>(?:19|20)\d{2})\b",
    re.I,
)
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_MAX_NAME_WORDS = 15
# Workstreams headed over labelled parts are read as a report only when there are at least two.
_MIN_HEADED = 2
# Headings of an action table's own columns: a table with a row per action and a column of
# next steps beside it is no report on workstreams.
_ACTION_ROLES = frozenset({Col.TITLE, Col.REF, Col.DUE})


def _names_actions(label: str) -> bool:
    return bool(set(cols.heading_roles(squash(label))) & _ACTION_ROLES)


@lru_cache(maxsize=4096)
def kind_of(label: str) -> str | None:
    """What part of a workstream's report a label heads: "steps", "progress", "rag", "lead",
    "risks", "name", "other", or None for words that are no label."""
    if len(label) > _MAX_LABEL_CHARS:
        return None
    text = squash(label).strip(" :–—-*").strip()
    text = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text)
    # "Status update (reason for the rating)": a label explained in brackets after it.
    text = re.sub(r"\s*\([^()]*\)$", "", text)
    if not text or len(text.split()) > _MAX_LABEL_WORDS:
        return None
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return "other" if _OTHER.search(text) else None


def period_of(text: str) -> str | None:
    """The period a line near a report's top names: "Q2 2025/26" for a quarter of a financial
    year, "September 2025" for a month."""
    quarter = _QUARTER.search(text)
    if quarter is not None:
        second = quarter.group("second")[-2:]
        return f"Q{quarter.group('n')} {quarter.group('first')}/{second}"
    months = _RANGE.search(text)
    if months is not None:
        first, last = (dates.month_number(months.group(k)) for k in ("first", "month"))
        if first and last:
            return f"{_MONTHS[first - 1]} to {_MONTHS[last - 1]} {months.group('year')}"
    month = _MONTH_YEAR.search(text)
    if month is not None:
        number = dates.month_number(month.group("month"))
        if number is not None:
            return f"{_MONTHS[number - 1]} {month.group('year')}"
    return None


def report_period(blocks: list[Block]) -> tuple[str, str] | None:
    """The period the first lines of a report (or the first rows of its first table) name,
    and where."""
    lines: list[tuple[str, str]] = []
    for block in blocks[:_PERIOD_LINES]:
        if isinstance(block, Table):
            lines += [(" ".join(row.filled()), row.where) for row in block.rows[:3]]
        else:
            lines.append((block.text, block.where))
    lines = [(line, where) for line, where in lines if len(line.split()) <= _MAX_NAME_WORDS * 2]
    # A line that says which period is covered outranks the date the report was written.
    covered = [item for item in lines if _COVERED.search(item[0])]
    for line, where in covered + lines:
        if period := period_of(line):
            return period, where
    return None


_COVERED = re.compile(
    r"\b(?:period|covering|covers|quarter|position\s+(?:at|as\s+at)|month\s+of|reporting)\b",
    re.I,
)
# "October to December 2025", "July – September 2025": the months a report covers.
_RANGE = re.compile(
    r"\b(?P<first>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:to|[–—-])\s+"
    r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?P<year>(?:19|20)\d{2})\b",
    re.I,
)


@dataclass
class _Stream:
    title: str
    where: str
    lead: str = ""
    rag: str = ""
    progress: list[str] = field(default_factory=list)
    steps: list[tuple[str, str]] = field(default_factory=list)


def _items(cell: str) -> list[str]:
    """A cell's items: a line each, bullets taken off; a line in lower case carries on."""
    items: list[str] = []
    for line in cell.split("\n"):
        bulleted = bool(_BULLET.match(line))
        text = squash(_BULLET.sub("", line))
        if not text:
            continue
        if items and not bulleted and text[0].islower():
            items[-1] = f"{items[-1]} {text}"
        else:
            items.append(text)
    return items


_DATE_WORDS = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|^(?:by|end of|from|due|before)?\s*"
    r"(?:spring|summer|autumn|winter|q[1-4]|quarter|ongoing|monthly|termly)\b",
    re.I,
)
# "… by 31 May 2026": a date closing a step, after the word that says it is when.
_BY_DATE = re.compile(r"^(?P<title>.+?)\s+(?P<due>(?:by|before|due)\s+(?:the\s+end\s+of\s+)?\S.*)$")


def _is_date(text: str) -> bool:
    return bool(_DATE_WORDS.search(text) or _MONTH_YEAR.search(text))


def split_step(text: str) -> tuple[str, str, str]:
    """(title, owner, date) of a next step that gives its owner or date after it:
    "Recruit two officers (Head of SEND, March 2026)", "Open the hub – by December 2025"."""
    text = squash(text).rstrip(".")
    tail = ""
    title = text
    bracketed = _TAIL_BRACKETS.match(text)
    if bracketed is not None:
        title, tail = bracketed.group("title"), bracketed.group("tail")
        parts = [p.strip() for p in re.split(r"[,;]|\s+[–—-]\s+", tail) if p.strip()]
    else:
        pieces = _TAIL_DASH.split(text)
        if len(pieces) < 2:
            by = _BY_DATE.match(text)
            due = by.group("due") if by else ""
            if by and len(due.split()) <= _MAX_TAIL_PART_WORDS and _MONTH_YEAR.search(due):
                return by.group("title"), "", due
            return text, "", ""
        title, parts = pieces[0], [p.strip() for p in pieces[1:]]
    owner = due = ""
    for part in parts:
        if len(part.split()) > _MAX_TAIL_PART_WORDS:
            return text, "", ""
        if not due and _is_date(part):
            due = part
        elif not owner and part[:1].isupper() and not _is_date(part):
            owner = part
        else:
            return text, "", ""
    return title.strip(" –—-:"), owner, due


def _table(streams: list[_Stream], period: str | None, where: str, origin: str) -> Table:
    when = f" {period}" if period else ""
    heading = Row(
        cells=["Workstream", "Action", "Lead", "Due date", f"RAG{when}", f"Progress{when}"],
        where=where,
    )
    rows = [heading]
    for stream in streams:
        progress = "\n".join(stream.progress)
        for text, at in stream.steps:
            title, owner, due = split_step(text)
            rows.append(
                Row(
                    cells=[stream.title, title, owner or stream.lead, due, stream.rag, progress],
                    where=at,
                )
            )
    return Table(rows=rows, where=where, headed=True, origin=origin)


# A row per workstream


def _columns(table: Table, period: str | None) -> list[Block] | None:
    for head, row in enumerate(table.rows[:5]):
        kinds = [kind_of(cell) if cell.strip() else None for cell in row.cells]
        if "steps" not in kinds or not {"rag", "progress"} & set(kinds):
            continue
        if any(_names_actions(cell) for cell in row.cells if cell.strip()):
            return None
        # The workstream's column is headed as one ("Workstream", "Priority").
        if "name" not in kinds:
            return None
        name = kinds.index("name")
        streams = []
        for body in table.rows[head + 1 :]:
            cells = body.cells
            if body.is_blank() or name >= len(cells) or not cells[name].strip():
                continue
            if len(cells[name].split()) > _MAX_NAME_WORDS:
                return None
            stream = _Stream(squash(cells[name]), body.where)
            for index, kind in enumerate(kinds):
                value = cells[index] if index < len(cells) else ""
                _fill(stream, kind, value, f"{body.where}, cell {index + 1}")
            streams.append(stream)
        if not any(stream.steps for stream in streams):
            return None
        above: list[Block] = [
            Paragraph(text=" ".join(squash(c) for c in r.filled()), where=r.where)
            for r in table.rows[:head]
            if not r.is_blank()
        ]
        code = rules.HIGHLIGHT_COLUMNS.code
        return [*above, _table(streams, period, table.rows[head].where, code)]
    return None


def _fill(stream: _Stream, kind: str | None, value: str, where: str) -> None:
    if kind == "steps":
        stream.steps += [(item, where) for item in _items(value)]
    elif kind == "progress":
        stream.progress += _items(value)
    elif kind == "rag" and not stream.rag:
        # "Green (previously Amber)": the status now, not the one before.
        stream.rag = squash(re.sub(r"\s*[(\[].*$", "", value)) or squash(value)
    elif kind == "lead" and not stream.lead:
        stream.lead = squash(value)


# A small table per workstream


def _card(table: Table, heading: str) -> _Stream | None:
    """A table whose first column labels a workstream's parts, one of them its next steps."""
    rows = [row for row in table.rows if not row.is_blank()]
    if len(rows) < 2 or any(len(row.cells) < 2 for row in rows):
        return None
    kinds = [kind_of(row.cells[0]) for row in rows]
    if "steps" not in kinds or sum(kind is not None for kind in kinds) < len(kinds) - 1:
        return None
    if not {"rag", "progress"} & set(kinds):
        # A plan's own table of a theme (its outcomes, owner and key milestones) reports
        # nothing: a report on a workstream gives its status or progress.
        return None
    if any(_names_actions(row.cells[0]) for row in rows):
        return None
    title = heading
    for row, kind in zip(rows, kinds, strict=True):
        if kind == "name":
            title = squash(row.cells[1])
    if not title:
        return None
    stream = _Stream(title, table.where)
    for row, kind in zip(rows, kinds, strict=True):
        value = "\n".join(cell for cell in row.cells[1:] if cell.strip())
        _fill(stream, kind, value, row.where)
    return stream if stream.steps else None


# A heading per workstream over labelled parts


def _label_line(block: Block) -> tuple[str, str] | None:
    """(kind, value) of a line that is a report's label ("Next steps", "RAG rating: Amber")."""
    if isinstance(block, Table) or "\n" in block.text.strip() or _BULLET.match(block.text):
        return None
    return _label_of(squash(block.text))


@lru_cache(maxsize=4096)
def _label_of(text: str) -> tuple[str, str] | None:
    # Each line is asked about as a label several times over while a report is read.
    if len(text) > _MAX_LABEL_CHARS:
        return None
    labelled = _LABEL_VALUE.match(text)
    if labelled is not None:
        value = labelled.group("value").strip()
        if period_of(value) and len(value.split()) <= _MAX_TAIL_PART_WORDS:
            # "Progress update: Quarter 3 2025/26" says when the report is, not a part of it.
            return None
        kind = kind_of(labelled.group("label"))
        if kind is not None and kind != "name":
            return kind, value
    kind = kind_of(text)
    if kind is not None and kind != "name":
        return kind, ""
    return None


def _name_line(block: Block) -> str | None:
    if isinstance(block, Table) or "\n" in block.text.strip() or _BULLET.match(block.text):
        return None
    text = squash(block.text)
    if not text or len(text.split()) > _MAX_NAME_WORDS or _label_line(block) is not None:
        return None
    return text


# An action's own ref at the start of a step: "PA1.1", "2.3", "A4".
_REF = re.compile(r"^\(?(?:[A-Z]{0,4}\d+(?:\.\d+)+|[A-Z]{1,4}\d+)\)?[.:)]?\s")


def _own_refs(stream: _Stream) -> bool:
    return bool(stream.steps) and 2 * sum(
        bool(_REF.match(_BULLET.sub("", text))) for text, _ in stream.steps
    ) > len(stream.steps)


_RATED_NAME = re.compile(
    r"^(?P<name>.*\w.*?)\s*(?:[-–—]+|:|\()\s*(?P<rag>(?i:red|amber|green|blue)|[RAGB])\)?$"
)


def _headed(blocks: list[Block], start: int, period: str | None) -> tuple[Table, int] | None:
    """The workstreams from `start`, each a line naming it over labelled parts, as a table."""
    streams: list[_Stream] = []
    index = start
    while index + 1 < len(blocks):
        name = _name_line(blocks[index])
        if name is None or _label_line(blocks[index + 1]) is None:
            break
        stream = _Stream(name, blocks[index].where)
        rated = _RATED_NAME.match(name)
        if rated is not None:
            # "Priority 2 – Service provision – AMBER": the workstream's RAG after its name.
            stream = _Stream(rated.group("name"), blocks[index].where, rag=rated.group("rag"))
        index += 1
        kind: str | None = None
        bulleted = False
        while index < len(blocks):
            block = blocks[index]
            label = _label_line(block)
            if label is not None:
                kind, value = label
                bulleted = False
                said = "" if isinstance(block, Table) else squash(block.text)
                if value and _names_actions(said.split(":")[0]):
                    # "Action:", "Due date:": a record of one action, not a workstream's report.
                    return None
                if value and kind != "steps":
                    _fill(stream, kind, value, block.where)
                index += 1
                continue
            if isinstance(block, Table) or kind is None:
                break
            is_bullet = bool(_BULLET.match(block.text))
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if not is_bullet and (
                bulleted
                or isinstance(block, Heading)
                # A line over the next labels names the next workstream, once this one has
                # its steps; before, it is what its label says ("Progress:" over a paragraph).
                or (stream.steps and following is not None and _label_line(following) is not None)
            ):
                break
            bulleted = bulleted or is_bullet
            _fill(stream, kind, block.text, block.where)
            index += 1
        if _own_refs(stream):
            # Steps numbered as a plan's actions ("PA1.1 …") are read by the plan's own rules.
            return None
        if stream.steps and (stream.rag or stream.progress):
            streams.append(stream)
    whole = len(streams) == 1 and streams[0].rag and streams[0].progress
    if len(streams) < _MIN_HEADED and not whole:
        # One workstream is read only as a whole report: its RAG, progress and steps.
        return None
    return _table(streams, period, blocks[start].where, rules.HIGHLIGHT_HEADED.code), index


@dataclass(frozen=True)
class Note:
    """What the importer tells the person about the period a report's statuses were put in."""

    where: str
    message: str


def tables(blocks: list[Block]) -> tuple[list[Block], Note | None]:
    """The blocks, with each highlight report's workstreams made into the action table they
    stand for; and, where a line near the top names the report's period, a note of it."""
    if not any(_says_steps(block) for block in blocks):
        return blocks, None
    found = report_period(blocks)
    period = found[0] if found else None
    out: list[Block] = []
    cards: list[_Stream] = []
    heading = ""
    index = 0

    def flush_cards() -> None:
        if cards:
            code = rules.HIGHLIGHT_CARDS.code
            out.append(_table(list(cards), period, cards[0].where, code))
            cards.clear()

    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Table):
            card = _card(block, heading)
            if card is not None:
                cards.append(card)
                index += 1
                continue
            flush_cards()
            out.extend(_columns(block, period) or [block])
            index += 1
            continue
        if cards and not block.text.strip():
            index += 1
            continue
        flush_cards()
        run = (
            None
            if isinstance(block, Heading) and block.is_sheet
            else _headed(blocks, index, period)
        )
        if run is not None:
            out.append(run[0])
            index = run[1]
            continue
        if isinstance(block, Heading) or _name_line(block) is not None:
            heading = squash(block.text)
        out.append(block)
        index += 1
    flush_cards()
    made = any(isinstance(b, Table) and b.origin in _ORIGINS for b in out)
    if not made:
        return blocks, None
    if found is None:
        return out, None
    message = (
        f"The report names its period as '{period}': each workstream's RAG and progress were "
        "put in that period."
    )
    return out, Note(found[1], message)


_ORIGINS = frozenset(
    {rules.HIGHLIGHT_COLUMNS.code, rules.HIGHLIGHT_CARDS.code, rules.HIGHLIGHT_HEADED.code}
)


def _says_steps(block: Block) -> bool:
    """A quick look for a label of next steps, before the slower reading."""
    if isinstance(block, Table):
        return any(kind_of(cell) == "steps" for row in block.rows[:5] for cell in row.cells[:8])
    if len(block.text) >= _MAX_LABEL_WORDS * 12:
        return False
    label = _label_line(block)
    return label is not None and label[0] == "steps"
