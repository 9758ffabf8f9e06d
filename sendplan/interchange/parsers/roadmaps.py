"""Plans laid out as roadmaps and timelines: what will be done, by when.

SEND strategies and improvement programmes often publish "what will happen when" instead of
an action table:

- a table whose columns are time periods ("Spring 2025 | Summer 2025 | 2026 and beyond"),
  perhaps after a column naming each row's workstream, with what will be done in each cell
  (`roadmap-columns`): each item of a cell is an action due when its column ends, and the
  row's first cell its section;
- a sheet with a row per action and a mark under each month it runs ("X", a tick), as a
  Gantt chart is kept in Excel (`marked-months`): the action starts in the first month
  marked and is due in the last;
- lines of text that open with when ("By March 2025: …", "Summer term 2025 – …",
  "2025/26: …"), or a line that is only a period ("Year 1 (2024/25)") over a bulleted list
  (`dated-lines`): each an action due then.

Each is made here into the action table it stands for ("Workstream | Action | Due date"),
marked with its rule, so that the interpreter reads it as it reads any other; `period_of`
reads the periods the columns and lines are headed by, including those the date reader has
no date for ("2025/26", "Year 1 (2024/25)", "2026 and beyond").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import dates, profile, rules
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, Row, Table, squash
from sendplan.interchange.parsers.roles import Col

# A period is a few words at most ("Year 1 (2024/25)", "Now (to March 2025)").
_MAX_PERIOD_WORDS = 7
# "Year 1", "Phase 2", "Stage 3": the numbered parts a programme is delivered in.
_STAGE = r"(?:year|phase|stage|wave|step|horizon|tranche)\s*\d{1,2}"
# "Now", "Next", "Later", "Short term": periods named without a date.
_TIME_WORDS = (
    r"now|next|later|soon|immediate(?:ly)?|ongoing|future|short[- ]term|medium[- ]term"
    r"|long[- ]term|this year|next year"
)
_LABELLED = re.compile(
    rf"^(?P<label>{_STAGE}|{_TIME_WORDS})\b\s*(?:[:,–—-]\s*|\(\s*)?(?P<rest>.*?)\)?$", re.I
)
# "2025/26", "2025-26", "FY 2025/26": a financial year, ending in March.
_SPLIT_YEAR = re.compile(
    r"^(?:fy\s*)?(?P<first>(?:19|20)\d{2})\s*[/-]\s*(?P<second>\d{2}|\d{4})$", re.I
)
# "2025", "by the end of 2025": a year, ending in December.
_YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2})$")
# "2026 and beyond", "2027 onwards", "beyond 2026": a period with no end.
_OPEN_ENDED = re.compile(
    r"^(?:(?:beyond|after)\s+\S+(?:\s+\S+)?|\S+(?:\s+\S+)?\s+(?:and|or)\s+(?:beyond|after"
    r"|later)|\S+(?:\s+\S+)?\s+onwards?|(?:19|20)\d{2}\s*\+)$",
    re.I,
)
# Words a date may open with and still be the whole period.
_LEAD_WORDS = re.compile(
    r"^(?:by|before|in|during|due|to|until|up to|end of|the end of|by the end of|by end of"
    r"|this year|next year)\b\s*",
    re.I,
)
_NOISE = re.compile(r"^[\s,.:;()–—-]*$")
# "Easter 2026", "Christmas 2025": the school holidays a term is planned to, by their month.
_HOLIDAYS = {"easter": "04", "christmas": "12"}
_HOLIDAY = re.compile(
    r"^(?P<name>easter|christmas)(?:\s+holidays?)?\s+(?P<year>(?:19|20)\d{2})$", re.I
)


@dataclass(frozen=True)
class Period:
    # The words as written, and the month (or day) they end in, if they name one.
    words: str
    due: str | None
    # The month a period named by when it begins ("Later (from September 2026)") starts in.
    starts: str | None = None


def period_of(text: str) -> Period | None:
    """The period a column heading or line names, when it names nothing else: "Spring 2025",
    "By March 2025", "2025/26" (a financial year), "2025", "Year 1 (2024/25)",
    "Now (to March 2025)", "Next", "2026 and beyond" (no date)."""
    words = squash(text).strip(" :–—-")
    if not words or len(words.split()) > _MAX_PERIOD_WORDS or not re.search(r"[A-Za-z0-9]", words):
        return None
    labelled = _LABELLED.match(words)
    if labelled is not None:
        rest = labelled.group("rest").strip(" :–—-()")
        if not rest:
            return Period(words, None)
        due = _due(rest)
        if due or _OPEN_ENDED.match(rest):
            return Period(words, due)
        starts = _starts(rest)
        return Period(words, None, starts) if starts else None
    if _OPEN_ENDED.match(words) and re.search(r"(?:19|20)\d{2}", words):
        return Period(words, None)
    due = _due(words)
    if due:
        return Period(words, due)
    starts = _starts(words)
    return Period(words, None, starts) if starts else None


# "From September 2026", "starting 2027": a period named by when it begins.
_FROM = re.compile(r"^(?:from|starting(?: in)?|beginning|after)\s+(?P<when>.+)$", re.I)


def _starts(text: str) -> str | None:
    match = _FROM.match(text.strip(" :–—-()"))
    if match is None:
        return None
    when = match.group("when").strip()
    year = _YEAR.match(when)
    if year is not None:
        return f"{year.group('year')}-01"
    return _due(when)


def _due(text: str) -> str | None:
    """The month (or day) a period given as a date ends in."""
    text = _LEAD_WORDS.sub("", text.strip(" :–—-()")).strip()
    split = _SPLIT_YEAR.match(text)
    if split is not None:
        first, second = int(split.group("first")), split.group("second")
        if int(second[-2:]) != (first + 1) % 100:
            return None
        return f"{first + 1}-03"
    year = _YEAR.match(text)
    if year is not None:
        return f"{year.group('year')}-12"
    holiday = _HOLIDAY.match(text)
    if holiday is not None:
        return f"{holiday.group('year')}-{_HOLIDAYS[holiday.group('name').lower()]}"
    found = dates.find_dates(text)
    if len(found) != 1:
        return None
    only = found[0]
    before = _LEAD_WORDS.sub("", text[: only.start].strip())
    if not (_NOISE.match(before) and _NOISE.match(text[only.end :])):
        return None
    return only.iso


def when_of(text: str) -> Period | None:
    """What a date cell says that names a period the date reader has no date for
    ("2025/26", "Year 1 (2024/25)", "Later (from September 2026)"). A year alone ("By 2018")
    is left as words, as the date reader leaves it: it says when, not by what day."""
    period = period_of(text)
    if period is None or _YEAR.match(_LEAD_WORDS.sub("", period.words).strip()):
        return None
    return period if period.due or period.starts else None


# Roadmap tables

# What a cell's items may open with: a bullet, which is not part of the action.
_BULLET = re.compile(r"^\s*[•·▪◦‣●○■□*–-]\s*")
# An item of what will be done is a few words at least; a rating or a mark is not.
_MIN_ITEM_WORDS = 3
# The share of a roadmap's items that must be that long,
_ITEM_SHARE = 0.7
# and the most words a row's label (its workstream or priority) may have.
_MAX_LABEL_WORDS = 12
# Headings a roadmap's first column may not have: those of an action table's columns.
# A timeline of the actions' refs by quarter ("Theme, priority and action") repeats the action
# table's dates and is skipped as it was; indicators' targets by year are no actions.
_NOT_LABELS = frozenset(
    {Col.TITLE, Col.REF, Col.LEAD, Col.DUE, Col.STATUS, Col.PROGRESS, Col.TIMELINE}
    | {Col.INDICATOR, Col.BASELINE, Col.TARGET, Col.MEASURES}
)


def _items(cell: str) -> list[str]:
    """A cell's items: a line each, bullets taken off; a line that opens in lower case
    carries on the item above."""
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


def _heading_row(table: Table) -> int | None:
    """The first row with two different words in it (a merged title above is not)."""
    for index, row in enumerate(table.rows[:3]):
        if len({squash(cell) for cell in row.cells if cell.strip()}) >= 2:
            return index
    return None


def _roadmap(table: Table) -> Table | None:
    """A table whose columns are periods, as the action table it stands for."""
    head = _heading_row(table)
    if head is None:
        return None
    headings = [squash(cell) for cell in table.rows[head].cells]
    periods = {i: p for i, text in enumerate(headings) if text and (p := period_of(text))}
    others = [i for i, text in enumerate(headings) if text and i not in periods]
    if len(periods) < 2 or len({p.words for p in periods.values()}) < len(periods):
        return None
    label: int | None = None
    if others:
        if len(others) > 1 or others[0] > min(periods):
            return None
        if set(cols.heading_roles(headings[others[0]])) & _NOT_LABELS:
            return None
        label = others[0]
    elif min(periods) > 0:
        label = 0
    rows: list[Row] = []
    group = ""
    lengths: list[int] = []
    for row in table.rows[head + 1 :]:
        cells = row.cells
        filled = {squash(cell) for cell in cells if cell.strip()}
        if len(filled) == 1 and len(cells) > 1 and sum(bool(c.strip()) for c in cells) > 1:
            # A merged row across the table names the priority of the rows below.
            group = filled.pop()
            continue
        if label is not None and label < len(cells) and cells[label].strip():
            group = squash(cells[label])
            if len(group.split()) > _MAX_LABEL_WORDS:
                return None
        for index, period in sorted(periods.items()):
            if index >= len(cells):
                continue
            for item in _items(cells[index]):
                lengths.append(len(item.split()))
                where = f"{row.where}, cell {index + 1}"
                rows.append(Row(cells=[group, item, period.words], where=where))
    return _roadmap_table(table, head, rows, lengths)


def _roadmap_table(table: Table, head: int, rows: list[Row], lengths: list[int]) -> Table | None:
    """The roadmap's items as a table of actions (workstream, action, due), when there are at
    least two and most are long enough to be things to do rather than labels."""
    long_enough = sum(length >= _MIN_ITEM_WORDS for length in lengths)
    if len(rows) < 2 or long_enough < _ITEM_SHARE * len(lengths):
        return None
    heading = Row(cells=["Workstream", "Action", "Due date"], where=table.rows[head].where)
    return Table(
        rows=[heading, *rows],
        where=table.where,
        headed=True,
        origin=rules.ROADMAP_COLUMNS.code,
    )


def _roadmap_by_rows(table: Table) -> Table | None:
    """A roadmap laid out the other way: a row per period, its first cell the period ("Autumn
    term 2025"), and a column per workstream headed by its name."""
    head = _heading_row(table)
    if head is None:
        return None
    headings = [squash(cell) for cell in table.rows[head].cells]
    body = [row for row in table.rows[head + 1 :] if not row.is_blank()]
    named = [i for i, text in enumerate(headings) if i > 0 and text]
    if len(body) < 2 or not named or period_of(headings[0]) is not None:
        return None
    if any(period_of(headings[i]) or set(cols.heading_roles(headings[i])) & _NOT_LABELS
           for i in named):  # fmt: skip
        return None
    periods = [period_of(row.cells[0]) if row.cells else None for row in body]
    if any(period is None for period in periods):
        return None
    rows: list[Row] = []
    lengths: list[int] = []
    for index in named:
        for row, period in zip(body, periods, strict=True):
            if period is None or index >= len(row.cells):
                continue
            for item in _items(row.cells[index]):
                lengths.append(len(item.split()))
                where = f"{row.where}, cell {index + 1}"
                rows.append(Row(cells=[headings[index], item, period.words], where=where))
    return _roadmap_table(table, head, rows, lengths)


# Marked months

# What a Gantt chart's cell holds for a month the action runs in.
_MARK = re.compile(r"^(?:[xX✓✔●■▪█*✗•]|yes|y)$", re.I)
_MIN_MARKED_COLUMNS = 3


@dataclass(frozen=True)
class _Gantt:
    """A Gantt's heading row as read: where it is, its headings (months given their years),
    and which of them are periods."""

    head: int
    headings: list[str]
    months: list[int]
    dated: bool


def _gantt_head(table: Table) -> _Gantt | None:
    """The heading row of a table of actions with three or more period columns and no start or
    due date column of its own."""
    for head, heading_row in enumerate(table.rows[:4]):
        headings = [squash(cell) for cell in heading_row.cells]
        roles = [cols.heading_roles(text) if text else [] for text in headings]
        if not any(Col.TITLE in found for found in roles):
            continue
        dated = _years_above(headings, table.rows[head - 1].cells) if head else None
        headings = dated or headings
        if any({Col.DUE, Col.STARTS} & set(found) for found in roles):
            return None
        months = [
            i
            for i, text in enumerate(headings)
            if text and (p := period_of(text)) is not None and p.due is not None
        ]
        if len(months) < _MIN_MARKED_COLUMNS:
            return None
        return _Gantt(head, headings, months, dated is not None)
    return None


def _gantt_rows(gantt: _Gantt, body: list[Row], ticks: list[list[int]]) -> list[Row]:
    """Rows with the period columns made into the action's start and due: the first and last
    period marked."""
    keep = [i for i in range(len(gantt.headings)) if i not in gantt.months]
    rows = []
    for row, ticked in zip(body, ticks, strict=True):
        cells = [row.cells[i] if i < len(row.cells) else "" for i in keep]
        span = [gantt.headings[ticked[0]], gantt.headings[ticked[-1]]] if ticked else ["", ""]
        fills = [row.fill(i) for i in keep] + ["", ""]
        rows.append(Row(cells=cells + span, where=row.where, fills=fills))
    return rows


def _gantt_heading_row(gantt: _Gantt, table: Table) -> Row:
    keep = [i for i in range(len(gantt.headings)) if i not in gantt.months]
    return Row(
        cells=[gantt.headings[i] for i in keep] + ["Start", "Due date"],
        where=table.rows[gantt.head].where,
    )


def _marked_months(table: Table) -> Table | None:
    """A table of actions whose period columns hold only marks (or are only shaded), with
    those columns made into the action's start and due dates: the first and last period
    marked."""
    gantt = _gantt_head(table)
    if gantt is None:
        return None
    above = table.rows[: gantt.head - 1] if gantt.dated else table.rows[: gantt.head]
    body = table.rows[gantt.head + 1 :]
    ticks = _ticks(body, gantt.months)
    if ticks is None:
        return None
    return Table(
        rows=[*above, _gantt_heading_row(gantt, table), *_gantt_rows(gantt, body, ticks)],
        where=table.where,
        headed=table.headed,
        origin=table.origin,
    )


def _marked_months_resumed(blocks: list[Block], index: int) -> dict[int, Table] | None:
    """A Gantt's heading row standing alone as a table, its rows in tables of their own after
    it as wide, the lines between them (a theme's name) cutting them apart, as a sheet pasted
    as text gives them: every row read as marked together (`marked-months-resumed`). The
    tables made, by where they stand among the blocks."""
    table = blocks[index]
    assert isinstance(table, Table)
    gantt = _gantt_head(table)
    if gantt is None or any(not row.is_blank() for row in table.rows[gantt.head + 1 :]):
        return None
    width = len(gantt.headings)
    parts: list[int] = []
    for later in range(index + 1, len(blocks)):
        block = blocks[later]
        if not isinstance(block, Table):
            continue
        first = [squash(cell) for cell in block.rows[0].cells] if block.rows else []
        if len(first) != width or any(Col.TITLE in cols.heading_roles(t) for t in first if t):
            break
        parts.append(later)
    if not parts:
        return None
    body = [row for later in parts for row in _table_rows(blocks[later])]
    ticks = _ticks(body, gantt.months)
    if ticks is None:
        return None
    above = table.rows[: gantt.head - 1] if gantt.dated else table.rows[: gantt.head]
    made = {
        index: Table(
            rows=[*above, _gantt_heading_row(gantt, table)],
            where=table.where,
            headed=table.headed,
            origin=rules.MARKED_MONTHS_RESUMED.code,
        )
    }
    start = 0
    for later in parts:
        rows = _table_rows(blocks[later])
        part = blocks[later]
        assert isinstance(part, Table)
        made[later] = Table(
            rows=_gantt_rows(gantt, rows, ticks[start : start + len(rows)]),
            where=part.where,
            headed=part.headed,
            origin=rules.MARKED_MONTHS_RESUMED.code,
        )
        start += len(rows)
    return made


def _table_rows(block: Block) -> list[Row]:
    return block.rows if isinstance(block, Table) else []


# "Apr", "Sept": a month heading without its year, which a row above may give.
_BARE_MONTH = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.I,
)
_YEAR_LABEL = re.compile(r"\b((?:19|20)\d{2})\b")


def _years_above(headings: list[str], above: list[str]) -> list[str] | None:
    """Month headings given their years by the row above ("2025/26" over "Apr | May | …"):
    each month in the year named above it or to its left, the next year once the months
    start again at January."""
    out = list(headings)
    year: int | None = None
    last = 0
    for index, text in enumerate(headings):
        label = _YEAR_LABEL.search(squash(above[index])) if index < len(above) else None
        if label is not None:
            year, last = int(label.group(1)), 0
        if year is None or not _BARE_MONTH.match(text):
            continue
        month = dates.month_number(text[:3])
        if month is None:
            continue
        if month < last:
            year += 1
        last = month
        out[index] = f"{text} {year}"
    return out if out != headings else None


# A Gantt chart shaded rather than marked has at least this many month columns,
_MIN_SHADED_COLUMNS = 4


def _ticks(body: list[Row], months: list[int]) -> list[list[int]] | None:
    """The period columns each row marks, or None when the columns hold anything but marks.

    A cell with no words counts as marked when it is shaded, if every shaded cell under the
    periods is the one colour and the rows' shaded spans differ: shading in several colours
    rates the actions, and the same span on every row is a rating column's colour, not when
    each action runs. A row shaded right across (a priority's banner) marks nothing."""
    texts = [[squash(row.cells[i]) if i < len(row.cells) else "" for i in months] for row in body]
    written = [text for row in texts for text in row if text]
    if not all(_MARK.match(text) for text in written):
        return None
    shades = {
        row.fill(i) for row, row_texts in zip(body, texts, strict=True)
        for i, text in zip(months, row_texts, strict=True) if not text and row.fill(i)
    }  # fmt: skip
    shaded = len(shades) == 1 and len(months) >= _MIN_SHADED_COLUMNS
    ticks: list[list[int]] = []
    for row, row_texts in zip(body, texts, strict=True):
        ticked = [
            i for i, text in zip(months, row_texts, strict=True) if text or (shaded and row.fill(i))
        ]
        banner = shaded and len(ticked) == len(months) and not written
        ticks.append([] if banner else ticked)
    marked = [ticked for ticked in ticks if ticked]
    if len(marked) < 2:
        return None
    if not written and len({(t[0], t[-1]) for t in marked}) < 2:
        return None
    return ticks


# Dated lines

# "By March 2025: …", "Summer term 2025 – …": when, then what will be done.
_DATED_LINE = re.compile(r"^(?P<when>[^:–—]{2,40}?)\s*(?::|\s[–—-])\s+(?P<what>\S.{10,})$")


def _dated_line(text: str) -> tuple[str, str] | None:
    match = _DATED_LINE.match(squash(text))
    if match is None:
        return None
    period = _dated(period_of(match.group("when")))
    what = match.group("what")
    if period is None or len(what.split()) < _MIN_ITEM_WORDS or not _says_what_to_do(what):
        return None
    return period.words, what


# Words a line of what has happened, rather than what will be done, opens with.
_NOT_TO_DO = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "there", "it", "its", "we", "our"}
    | {"all", "no", "some", "most", "each", "every"}
)


def _says_what_to_do(text: str) -> bool:
    """ "Start a review …": a line that opens with what to do, not with what happened ("The
    panel met …", "Recruited two …", "85% of plans …")."""
    if profile.opens_with_verb(text):
        return True
    first = text.split()[0]
    return (
        first.isalpha()
        and first[0].isupper()
        and first.lower() not in _NOT_TO_DO
        and not first.lower().endswith("ed")
    )


def _dated(period: Period | None) -> Period | None:
    """A period a line may open with: one with a date or a year ("Year 9" alone is a
    school year, not when something is due)."""
    if period is None or (period.due is None and not re.search(r"(?:19|20)\d{2}", period.words)):
        return None
    return period


def _period_line(block: Block) -> Period | None:
    if isinstance(block, Table) or "\n" in block.text.strip():
        return None
    return _dated(period_of(block.text))


def _bullet(block: Block) -> str | None:
    if not isinstance(block, Paragraph) or not _BULLET.match(block.text):
        return None
    text = squash(_BULLET.sub("", block.text))
    return text if len(text.split()) >= _MIN_ITEM_WORDS else None


def _dated_run(blocks: list[Block], start: int) -> tuple[Table, int] | None:
    """The lines from `start` that each say when something will be done, as a table."""
    rows: list[Row] = []
    index = start
    dated_lines = verbs = 0
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Paragraph) and (dated := _dated_line(block.text)) is not None:
            rows.append(Row(cells=[dated[1], dated[0]], where=block.where))
            dated_lines += 1
            verbs += profile.opens_with_verb(dated[1])
            index += 1
            continue
        period = _period_line(block)
        following = index + 1
        items = []
        while period is not None and following < len(blocks):
            item = _bullet(blocks[following])
            if item is None:
                break
            items.append(Row(cells=[item, period.words], where=blocks[following].where))
            following += 1
        if not items:
            break
        rows.extend(items)
        index = following
    if len(rows) < 2 or (dated_lines and dated_lines < 2 and len(rows) == dated_lines):
        return None
    if dated_lines and 2 * verbs < dated_lines:
        # Most lines that open with a date must open with what to do next: a run of dated
        # notes of what happened ("June 2024: Panel met …") is no timeline of actions.
        return None
    heading = Row(cells=["Action", "Due date"], where=rows[0].where)
    table = Table(
        rows=[heading, *rows],
        where=blocks[start].where,
        headed=True,
        origin=rules.DATED_LINES.code,
    )
    return table, index


def tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with each roadmap, marked timeline and run of dated lines made into the
    action table it stands for."""
    out: list[Block] = []
    resumed: dict[int, Table] = {}
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if index in resumed:
            out.append(resumed[index])
            index += 1
            continue
        if isinstance(block, Table):
            made = _roadmap(block) or _roadmap_by_rows(block) or _marked_months(block)
            if made is None:
                resumed = _marked_months_resumed(blocks, index) or {}
                made = resumed.get(index, block)
            out.append(made)
            index += 1
            continue
        if isinstance(block, Heading) and block.is_sheet:
            out.append(block)
            index += 1
            continue
        run = _dated_run(blocks, index)
        if run is not None:
            out.append(run[0])
            index = run[1]
            continue
        out.append(block)
        index += 1
    return out
