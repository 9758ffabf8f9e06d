"""Rows of an action table: new actions, strategic-priority rows, and the rows that carry on
the action above (another measure, date or lead; text cut off by a page break)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import dates, roadmaps, rules, statuses, values
from sendplan.interchange.parsers.blocks import Row, comparable, flat
from sendplan.interchange.parsers.builder import Action, Measure, PlanBuilder, Section
from sendplan.interchange.parsers.columns import Col, Columns

# Words a sentence does not end on: the next row's text carries it on.
_CONNECTORS = {
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "including", "is",
    "its", "of", "on", "or", "our", "such", "that", "the", "their", "this", "to", "which",
    "will", "with",
}  # fmt: skip
_DATED_ENTRY_SEPARATOR = re.compile(r"^\s*[:\-–]\s*")
_MEASURE_CODE = re.compile(r"(?<![\w.])(\d{1,2}[a-zA-Z]|\d\.[A-Z])\s+(?=[A-Za-z])")
_LETTERED = re.compile(r"(?<![\w(])([a-h])\)\s+")
# A ref with at least two parts, or lettered, opening an action's words: "1.2 Publish",
# "P1.3: Agree", "A2) Train". A number alone ("20 schools will ...") is not taken for one.
# A ref column's lone lower-case letter: "a" for an item lettered "(a)".
# "(a)", "(iv)", "(12)", "b)", "3)": a ref in the brackets of a list's numbering.
_BRACKETED_REF = re.compile(r"\(?([a-z]|[ivx]{1,5}|[A-Z]|\d{1,3}(?:\.\d{1,3})*)\)")
# "Lead: Luke Ede", "By: March 2026": a line of a cell naming one of the action's fields.
_CELL_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z /&]{0,30}?)\s*:\s*(?P<value>\S.*)$")
_UNFOLDED = (Col.LEAD, Col.DUE, Col.STARTS, Col.STATUS)
# "1. Data benchmarking", "2) Publish …": the action's number before its words.
_NUMBERED_WORDS = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)[.)]?\s+(\S.*)$", re.S)
_LETTER_REF = re.compile(r"[a-z]")
_REF_IN_TITLE = re.compile(
    r"^(\d{1,3}(?:\.\d{1,3})+[a-z]?|[A-Z]{1,3}\d{1,3}(?:\.\d{1,3})*[a-z]?)[.:)]?\s+(\S.*)$", re.S
)
# "Total", "Sub-total", "Grand total:" opening a row whose other cells are only amounts.
_TOTAL = re.compile(r"^(?:grand\s+|sub[\s-]?)?totals?\s*:?$", re.I)
_AMOUNT = re.compile(r"^[£$€]?\s?\d[\d,]*(?:\.\d+)?\s*[km]?$", re.I)
_FALLBACK_SUBLEVEL = "Strategic priority"
# How sure an action is when read from lines of text made into a table, from words opening
# with what looks like a ref, and from a row with nothing but its words.
_RECORD_SURENESS = 0.8
_REF_IN_TEXT_SURENESS = 0.85
_BARE_ROW_SURENESS = 0.7
_FALLBACK_TOP_LEVEL = "Priority"

# Where a row's refs place it: its section and everything in it.
SectionLookup = Callable[[], Section | None]


# Tables made from the plan's own headings, cards, a roadmap or a highlight report, whose section
# cells are whole.
_WHOLE_SECTIONS = frozenset(
    {
        rules.HEADED_ITEMS.code,
        rules.HEADED_UNDER_PRIORITIES.code,
        rules.ROADMAP_COLUMNS.code,
        rules.BRACKETED_LEAD_AND_DATE.code,
        rules.HIGHLIGHT_COLUMNS.code,
        rules.HIGHLIGHT_CARDS.code,
        rules.HIGHLIGHT_HEADED.code,
        rules.CARDS.code,
        rules.MERGED_GROUPS.code,
    }
)


# The fewest rows counting 1, 2, 3 … that make one list at one level.
_MIN_COUNTED_ROWS = 3
# Tables made from a committee's decisions: each row is a decision, never a priority's heading,
# whether or not the rows beside it name an officer.
_DECISIONS = frozenset({rules.RESOLUTION_CLAUSES.code, rules.LEAD_ASKED_IN_RESOLUTION.code})


def ends_mid_sentence(text: str) -> bool:
    """Whether words stop where a sentence cannot: on "and", "the", a comma or a dash."""
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in ",:;-–&/(":
        return True
    last_word = re.findall(r"[A-Za-z]+$", text)
    return bool(last_word) and last_word[0].lower() in _CONNECTORS


def carries_on(previous: str, fragment: str) -> bool:
    """Whether `fragment` continues `previous` mid-sentence (a cell split by a page break)."""
    previous, fragment = previous.rstrip(), fragment.lstrip()
    if not previous or not fragment:
        return False
    if fragment[0].islower():
        return True
    return ends_mid_sentence(previous)


def split_lettered(line: str) -> list[str]:
    """ "a) ... b) ... c) ..." as separate items, only when the letters run in order from a."""
    marks = list(_LETTERED.finditer(line))
    letters = [mark.group(1) for mark in marks]
    if len(marks) < 2 or letters != [chr(ord("a") + i) for i in range(len(letters))]:
        return [line]
    head = line[: marks[0].start()].strip()
    items = [head] if head else []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(line)
        items.append(line[mark.start() : end].strip())
    return items


def _split_codes(line: str) -> list[str]:
    """Success measures numbered against a framework ("1a ... 1i ...") as separate items."""
    marks = list(_MEASURE_CODE.finditer(line))
    if len(marks) < 2 or marks[0].start() != 0:
        return [line]
    return [
        line[mark.start() : marks[i + 1].start() if i + 1 < len(marks) else len(line)].strip()
        for i, mark in enumerate(marks)
    ]


# A full stop, then a capital or a number: a new sentence, unless the stop ends an
# abbreviation ("e.g.", "etc.", "Yr. 9").
_SENTENCE_END = re.compile(r"(?:(?<=[a-z0-9)%]{2}[.!?])|(?<=[A-Z]{3}[.!?]))\s+(?=[A-Z\d])")
ABBREVIATIONS = ("etc.", "e.g.", "i.e.", "inc.", "approx.", "no.", "yr.", "nb.", "vs.", "ref.")
_BULLET = re.compile(r"^[•·▪◦\-–*]\s*")


def _split_sentences(line: str) -> list[str]:
    """Measures whose line breaks were lost run on as sentences: one measure per sentence."""
    parts: list[str] = []
    start = 0
    for mark in _SENTENCE_END.finditer(line):
        before = line[start : mark.start()]
        if before.lower().endswith(ABBREVIATIONS):
            continue
        parts.append(before.strip())
        start = mark.end()
    parts.append(line[start:].strip())
    return [part for part in parts if part]


def _with_lists(lines: list[str]) -> list[str]:
    """ "Preferred option approved by:" and the bullets under it are one measure."""
    joined: list[str] = []
    for line in lines:
        if joined and _BULLET.match(line) and joined[-1].split("\n")[0].endswith(":"):
            joined[-1] += "\n" + line
        else:
            joined.append(line)
    return joined


# Words a name or title often follows mid-sentence ("with Parent Carers", "the Local Offer").
NAME_FOLLOWS = _CONNECTORS | {
    "about", "across", "against", "among", "between", "called", "include", "includes",
    "into", "named", "these", "those", "through", "under", "using", "via", "within",
}  # fmt: skip
_RUN_ON_WORDS = 3


def _split_run_on(sentence: str, common: frozenset[str]) -> list[str]:
    """Measures that were lines of their own, run on with no stop between them ("Terms of
    Reference approved Board operational from May 2018"): a new one starts at a capitalised
    word the document also writes in lower case, between two lower-case words. A name
    ("improved Ofsted outcomes") or a word after "the" or "with" starts nothing; nor does a
    split that would leave fewer than three words on either side."""
    if not common:
        return [sentence]
    words = sentence.split(" ")
    starts = [0]
    for index in range(1, len(words) - 1):
        before, word, after = words[index - 1], words[index], words[index + 1]
        if not (before.isalpha() and before.islower()) or before in NAME_FOLLOWS:
            continue
        if not (word.isalpha() and word[0].isupper() and word[1:].islower()):
            continue
        if word.lower() not in common or not after[:1].islower():
            continue
        if index - starts[-1] >= _RUN_ON_WORDS and len(words) - index >= _RUN_ON_WORDS:
            starts.append(index)
    ends = [*starts[1:], len(words)]
    return [" ".join(words[start:end]) for start, end in zip(starts, ends, strict=True)]


def _nested_measures(text: str) -> list[tuple[str, str]] | None:
    """(measure, date) for each row of a table nested in a measures cell ("Indicator | By"
    over "Four sessions held. | Mar 26"), as the Word reader writes it: tab-separated lines,
    its heading line left out."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or not all("\t" in line for line in lines[1:]):
        return None
    first = [cell for cell in lines[0].split("\t") if cell.strip()]
    if first and all(cols.heading_roles(cell) for cell in first):
        lines = lines[1:]
    found = []
    for line in lines:
        cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        if not cells:
            continue
        dated = [cell for cell in cells[1:] if only_a_date(cell)]
        words = " ".join(cell for cell in cells if cell not in dated)
        found.append((words, dated[0] if dated else ""))
    return found or None


def split_measures(text: str, common: frozenset[str] = frozenset()) -> list[str]:
    """The measures in a cell: one a line, and within a line, each lettered or numbered
    item, each sentence, and each line that ran into the one before (see `_split_run_on`)."""
    items: list[str] = []
    lines = [flat(line) for line in text.split("\n")]
    for line in _with_lists([line for line in lines if line]):
        if "\n" in line:
            items.append(line)
            continue
        for part in split_lettered(line):
            for coded in _split_codes(part):
                for sentence in _split_sentences(coded):
                    items.extend(_split_run_on(sentence, common))
    return [item for item in items if item]


_UNDATED_DUE = {"tbc", "tba", "tbd", "ongoing", "termly", "annually", "quarterly", "monthly"}
_MEASURE_BY = re.compile(
    r"\s*\((?:by|due|target)\s*:?\s+(?P<when>(?:[^()]|\([^()]*\)){3,90})\)\s*$", re.I
)
# "By end of Mar 26, we will …": a measure that opens with its own deadline.
_MEASURE_OPENS_BY = re.compile(
    r"^(?P<when>by\s+(?:the\s+)?(?:end\s+(?:of\s+)?)?[A-Za-z]{3,9}\.?\s+(?:\d{4}|\d{2}))\s*,\s+\S",
    re.I,
)


def _leading_number(ref: str) -> str | None:
    """The part of a ref its priority shares: "1" of "1.2" and "4A", "P1" of "P1.2", "A" of
    "A2"."""
    if "." in ref.rstrip("."):
        return ref.split(".")[0] or None
    match = re.match(r"\d+|[A-Za-z]{1,3}(?=\d)", ref)
    return match.group(0) if match else None


# "... operating effectively by June 2008": a due date closing an action's own words.
_CLOSING_DUE = re.compile(
    r"\b((?:by|before|no later than)\s+(?:the\s+)?(?:end\s+of\s+)?[A-Za-z0-9 /.,-]{3,25}?)\.?$",
    re.I,
)


# "... recruit six more psychologists by April 2026, so that ...": a due date that closes the
# action's own clause, before a comma and what it is for or who leads it.
_CLAUSE_DUE = re.compile(
    r"\b((?:by|before|no later than)\s+(?:the\s+)?(?:end\s+of\s+)?[A-Za-z0-9 /.-]{3,25}?),\s+"
    r"(?:so\s+that|so|in\s+order\s+to|to|led\s+by|with|and|which|ensuring|making)\b",
    re.I,
)


def _due_in_words(title: str) -> str:
    """The due date an action's words end on ("by June 2008"), or that closes its clause
    before what it is for ("by April 2026, so that …"), when the table has no column of dates:
    kept in the title as well, as the plan wrote it."""
    for pattern in (_CLOSING_DUE, _CLAUSE_DUE):
        match = pattern.search(title)
        if match is not None and dates.read_when(match.group(1)).due:
            return match.group(1)
    return ""


# What may follow a date that is a whole cell: a note in brackets ("(county council leads)").
_BRACKETED_NOTE = re.compile(r"^\s*(?:\([^)]*\))?\s*\.?\s*$")


def only_a_date(text: str) -> bool:
    """A cell that gives only a date, perhaps with a note in brackets ("March 2017 (county
    lead)"): in a column of targets, when the target is due rather than a measure."""
    words = flat(text)
    found = dates.find_dates(words)
    if len(found) != 1 or words[: found[0].start].strip(" ,.:;-–"):
        return False
    return bool(_BRACKETED_NOTE.match(words[found[0].end :]))


def row_ref(columns: Columns, row: Row) -> str | None:
    """The ref a row of an action table gives, from its ref column or its action's start."""
    index = columns.first(Col.REF)
    if index is not None:
        ref = values.read_ref(row.cells[index]) if index < len(row.cells) else None
        return ref.value if ref else None
    title = columns.first(Col.TITLE)
    if title is None or title >= len(row.cells):
        return None
    found = values.leading_ref(row.cells[title])
    return found[0] if found else None


@dataclass
class _Group:
    top: str | None
    fragments: list[str]
    section: Section | None = None


class ActionTable:
    """Reads one action table (which may run on over several page-split tables)."""

    claims_every_row = False

    def __init__(
        self, plan: PlanBuilder, columns: Columns, current: SectionLookup, sublevel: str | None
    ) -> None:
        self.plan = plan
        self.columns = columns
        self.current = current
        self.sublevel = sublevel
        self.action: Action | None = None
        self.row_section: Section | None = None
        self.after_header = True
        self._undated: dict[int, str] = {}
        # Actions in the order their rows gave a dated progress entry, for `UpdatesWithoutRefs`.
        self.progress_order: list[Action] = []
        self._groups: dict[int, _Group] = {}
        self._last_group: _Group | None = None
        # Refs of actions written at the start of their section's cell ("Ref 2.3 Joint
        # working"), in a table with no ref column, by row.
        self._refs_in_section: dict[int, str] = {}
        # Actions since the last "Total" row, to check the total against.
        self._costed: list[Action] = []
        # Refs that the refs of other rows extend ("1.1" of "1.1.2", "P1" of "P1.2"): those
        # rows head a priority, even when they name its lead.
        self._parent_refs: set[str] = set()
        # Whole numbers the refs below extend ("2" of "2.1"): a priority's ref only where its
        # row says nothing but its name ("2. Information for families").
        self._number_parents: set[str] = set()
        # Whether any row so far fills a column beyond refs, words and sections.
        self._details_filled = False
        # Every row of the block numbered 1, 2, 3 … at one level (rule `flat-numbered-rows`).
        self._flat_numbered = False
        self._shading_noted = False
        self._impact_noted = False
        # A task tool's outline (rule `outline-levels`): each row's level, the rows that are
        # summary tasks over deeper rows, and the summaries open above the current row.
        self._levels: dict[int, int] = {}
        self._summaries: set[int] = set()
        self._open: list[tuple[int, Section]] = []
        self._coded_noted = False

    # Cells

    def cell(self, row: Row, role: Col) -> str:
        index = self.columns.first(role)
        if index is None or index >= len(row.cells):
            return ""
        return row.cells[index].strip()

    def _cells(self, row: Row, role: Col) -> list[str]:
        return self._cells_at(row, self.columns.all(role))

    @staticmethod
    def _cells_at(row: Row, indexes: list[int]) -> list[str]:
        """The row's filled cells in these columns, in their order."""
        return [
            row.cells[i].strip() for i in indexes if i < len(row.cells) and row.cells[i].strip()
        ]

    # Sections written in a column ("Priority")

    def start_block(self, rows: list[Row]) -> None:
        """Work out which rows share a priority before reading them: in text pasted from a
        PDF, a priority's words often sit beside the middle rows of its group, not the first."""
        self._groups = {}
        self._details_filled = self._details_filled or any(self._has_detail(r) for r in rows)
        self._flat_numbered = self._counts_up(rows)
        self._find_summaries(rows)
        for row in rows:
            ref = values.read_ref(self.cell(row, Col.REF))
            parent = values.parent_ref(ref.value) if ref else None
            # Only a priority's own ref ("1.1", "P1"): some plans number a theme's first
            # action "1" and the rest "1.1", "1.2".
            if parent and not parent.isdigit():
                self._parent_refs.add(parent)
            elif parent:
                self._number_parents.add(parent)
        if not self.columns.has(Col.SECTION):
            return
        self._find_refs_in_section(rows)
        group = self._last_group or _Group(top=None, fragments=[])
        previous_fragment = ""
        # A spreadsheet repeats the whole section on every row; a PDF spreads its words
        # over the rows. Once a row repeats the one above, each cell is a whole section; a
        # page's headings over their items (`segment.headed_items`) and a roadmap's rows
        # (`roadmaps`) are whole from the start.
        whole = self.columns.origin in _WHOLE_SECTIONS
        headings = [comparable(heading) for heading in self.columns.headings]
        for row in rows:
            if [comparable(cell) for cell in row.cells] == headings:
                # The heading row typed again further down: its words name no priority.
                previous_fragment = ""
                continue
            fragment = self._section_text(row)
            if len(row.filled()) == 1 and values.section_heading(fragment) is not None:
                # "Theme 2: …" on a row of its own opens a section of the plan (the
                # interpreter reads it): the section cells below start afresh under it.
                group, previous_fragment = _Group(top=None, fragments=[]), ""
                continue
            ref = values.read_ref(self.cell(row, Col.REF) or self._refs_in_section.get(id(row), ""))
            top = _leading_number(ref.value) if ref else None
            whole = whole or bool(fragment and fragment == previous_fragment)
            new_top = top is not None and group.top is not None and top != group.top
            different = bool(fragment and group.fragments and fragment not in group.fragments)
            new_text = different and (
                whole
                or values.section_heading(fragment) is not None
                or (top is None and not previous_fragment)
            )
            if new_top or new_text:
                group = _Group(top=None, fragments=[])
            if top is not None:
                group.top = top
            if fragment and fragment not in group.fragments:
                group.fragments.append(fragment)
            self._groups[id(row)] = group
            previous_fragment = fragment
        self._last_group = group

    def _find_summaries(self, rows: list[Row]) -> None:
        """With an outline level column, the rows whose next row is a level deeper: summary
        tasks, which head the tasks under them as sections do."""
        if not self.columns.has(Col.OUTLINE):
            return
        for row in rows:
            level = self.cell(row, Col.OUTLINE)
            if level:
                self._levels[id(row)] = int(float(level))
        leveled = [row for row in rows if id(row) in self._levels]
        for row, below in itertools.pairwise(leveled):
            if self._levels[id(below)] > self._levels[id(row)]:
                self._summaries.add(id(row))

    def _summary_row(self, ref: str | None, title: str, row: Row) -> None:
        level = self._levels[id(row)]
        parent = self._summary_above(level) or self.current()
        section = self.plan.add_section(
            title=flat(title),
            level=(self.sublevel or _FALLBACK_SUBLEVEL) if parent else _FALLBACK_TOP_LEVEL,
            ref=ref,
            parent=parent,
            rule=rules.OUTLINE_LEVELS,
        )
        self._open.append((level, section))
        self.row_section = section
        self.action = None

    def _summary_above(self, level: int) -> Section | None:
        """The nearest summary task still open above a row at this outline level, closing
        those at its level or deeper."""
        while self._open and self._open[-1][0] >= level:
            self._open.pop()
        return self._open[-1][1] if self._open else None

    def _find_refs_in_section(self, rows: list[Row]) -> None:
        """With no ref column, a section cell that opens with a ref gives the action its ref
        when the ref says it is one ("Ref 2.3 Joint working") or other rows give the same
        section with other refs ("2.3 Joint working", "2.4 Joint working")."""
        if self.columns.has(Col.REF):
            return
        split: dict[int, tuple[str, str]] = {}
        for row in rows:
            found = values.split_ref_and_text(self.cell(row, Col.SECTION))
            if found is not None:
                split[id(row)] = found
        refs_by_text: dict[str, set[str]] = {}
        for ref, text in split.values():
            refs_by_text.setdefault(comparable(text), set()).add(ref)
        for row in rows:
            if id(row) not in split:
                continue
            ref, text = split[id(row)]
            worded = (
                values.opens_with_ref(self.cell(row, Col.SECTION))
                and not flat(self.cell(row, Col.SECTION))[:1].isdigit()
            )
            if worded or len(refs_by_text[comparable(text)]) > 1:
                self._refs_in_section[id(row)] = ref

    def _section_text(self, row: Row) -> str:
        """The section cell's words, without an action's ref written at their start."""
        text = flat(self.cell(row, Col.SECTION))
        if id(row) in self._refs_in_section:
            found = values.split_ref_and_text(text)
            if found is not None:
                return found[1]
        return text

    def _group_section(self, row: Row) -> Section | None:
        group = self._groups.get(id(row))
        if group is None or not group.fragments:
            return None
        if group.section is None:
            group.section = self._section_from_column(" ".join(group.fragments))
        return group.section

    def _section_from_column(self, text: str) -> Section:
        level = flat(self.columns.headings[self.columns.first(Col.SECTION) or 0]) or "Priority"
        for section in self.plan.all_sections():
            if section.level == level and comparable(section.title) == comparable(text):
                return section
        ref = None
        heading = values.section_heading(text)
        # "1. Early Help": a numbered priority, the number its ref.
        numbered = re.match(r"^(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(\S.*)$", text)
        split = (
            values.split_ref_and_text(text)
            or ((numbered.group(1), numbered.group(2)) if numbered else None)
            # "P1 - Joint commissioning": the code is the ref.
            or values.coded_section(text)
        )
        if heading:
            level, ref, text = heading.level, heading.ref, heading.title
        elif split:
            ref, text = split
        existing = self.plan.sections_by_ref.get(ref) if ref else None
        if existing is not None and existing.level == level:
            return existing
        current = self.current()
        parent = current if current is not None and current.level != level else None
        return self.plan.add_section(
            title=text, level=level, ref=ref, parent=parent, rule=rules.SECTION_COLUMN
        )

    # Rows

    def finish(self) -> None:
        return None

    def repeated_header(self) -> None:
        self.after_header = True

    def section_changed(self) -> None:
        self.row_section = None
        self.action = None

    def feed(self, row: Row) -> bool:
        """Place one row; False when it could not be placed."""
        if self._total_row(row):
            return True
        # The section is known by the row as the table holds it, before its cell is unfolded.
        group = self._group_section(row)
        placed = self._feed(self._unfolded(row), group)
        self.after_header = False
        return placed

    def _unfolded(self, row: Row) -> Row:
        """ "1. Data benchmarking" over "Lead: Luke Ede" and "By: March 2026" in one cell of
        the actions' column, where the table has no column of its own for them: the cell
        holds the action's ref, words and labelled fields, each read into its column."""
        index = self.columns.first(Col.TITLE)
        if index is None or index >= len(row.cells) or "\n" not in row.cells[index]:
            return row
        lines = [line.strip() for line in row.cells[index].split("\n") if line.strip()]
        fields: list[tuple[Col, str]] = []
        unfolding = rules.FIELDS_IN_ACTION_CELL.code
        while len(lines) > 1 and (found := _CELL_LABEL.match(lines[-1])):
            roles = cols.heading_roles(found.group("label"))
            if len(roles) != 1 or roles[0] not in _UNFOLDED:
                break
            at = self.columns.first(roles[0])
            if at is not None and self.columns.basis.get(at, ("",))[0] != unfolding:
                break
            fields.insert(0, (roles[0], found.group("value").strip()))
            lines.pop()
        if not fields:
            return row
        ref_at = self.columns.first(Col.REF)
        own_refs = ref_at is None or self.columns.basis.get(ref_at, ("",))[0] == unfolding
        numbered = _NUMBERED_WORDS.match(lines[0]) if own_refs else None
        if numbered:
            fields.insert(0, (Col.REF, numbered.group(1)))
            lines[0] = numbered.group(2)
        cells = list(row.cells)
        cells[index] = "\n".join(lines)
        for role, value in fields:
            at = self.columns.first(role)
            if at is None:
                at = max([len(cells), len(self.columns.headings), *self.columns.roles]) + 1
                self.columns.roles[at] = role
                self.columns.basis[at] = (unfolding, 0.8)
            cells.extend([""] * (at + 1 - len(cells)))
            cells[at] = value
        self.plan.note(
            row.where,
            f"Read {', '.join(role.value for role, _ in fields)} from the lines of the "
            f"action's cell '{flat(lines[0])[:50]}'.",
            rule=rules.FIELDS_IN_ACTION_CELL,
        )
        unfolded = Row(cells=cells, where=row.where, fills=row.fills)
        if id(row) in self._groups:
            self._groups[id(unfolded)] = self._groups[id(row)]
        if id(row) in self._refs_in_section:
            self._refs_in_section[id(unfolded)] = self._refs_in_section[id(row)]
        return unfolded

    def _total_row(self, row: Row) -> bool:
        """A "Total | | £45,000" row adds up the costs above it; it is no part of an action."""
        filled = [flat(cell) for cell in row.filled()]
        if not filled or not _TOTAL.match(filled[0]):
            return False
        if not all(_AMOUNT.match(cell) for cell in filled[1:]):
            return False
        self.action = None
        costed, self._costed = self._costed, []
        total = values.read_cost(" ".join(filled[1:])) if len(filled) == 2 else None
        if total is None and len(filled) == 2:
            total = values.read_cost("£" + filled[1])
        if total is None:
            return True
        listed = sum(values.read_cost(" ".join(action.resources)) or 0 for action in costed)
        if abs(listed - total) > 0.5:
            self.plan.note(
                row.where,
                f"The total row gives £{total:,} but the costs of the actions above it add up "
                f"to £{listed:,}.",
                rule=rules.COST_TOTAL,
            )
        return True

    def _read_ref(self, row: Row) -> tuple[str | None, str]:
        ref_cell, title = self.cell(row, Col.REF), self.cell(row, Col.TITLE)
        if not ref_cell and not self.columns.has(Col.REF):
            if id(row) in self._refs_in_section:
                self.plan.note(
                    row.where,
                    f"Read the ref '{self._refs_in_section[id(row)]}' from the start of "
                    f"'{flat(self.cell(row, Col.SECTION))}'.",
                    rule=rules.REF_IN_CELL,
                )
                return self._refs_in_section[id(row)], title
            # No ref column: the ref opens the action's words ("1.2 Publish the JSNA").
            found = values.leading_ref(title)
            if found:
                return found
            opening = _REF_IN_TITLE.match(flat(title))
            if opening and len(opening.group(2).split()) >= 2:
                return opening.group(1), opening.group(2)
            return None, title
        if not ref_cell:
            return None, title
        if _LETTER_REF.fullmatch(flat(ref_cell)):
            # "a" in a ref column: an item lettered "(a)" within a numbered one.
            return flat(ref_cell), title
        bracketed = _BRACKETED_REF.fullmatch(flat(ref_cell))
        if bracketed:
            # "(a)", "(iv)", "3)": the ref as a list writes it, its brackets the list's own.
            self.plan.note(
                row.where,
                f"Read the ref '{flat(ref_cell)}' as '{bracketed.group(1)}'.",
                rule=rules.REF_BRACKETED,
            )
            return bracketed.group(1), title
        ref = values.read_ref(ref_cell)
        if ref is not None:
            if ref.coded and not self._coded_noted:
                self._coded_noted = True
                self.plan.note(
                    row.where,
                    f"Read '{ref.value}' as a ref: a code of parts joined by dots or hyphens, "
                    "as the refs below it.",
                    rule=rules.CODED_REFS,
                )
            if ref.written:
                self.plan.note(
                    row.where,
                    f"Read the ref '{ref.written}' as '{ref.value}'.",
                    rule=rules.REF_TIDIED,
                )
            return ref.value, title
        split = values.split_ref_and_text(ref_cell)
        if split is None and not title:
            # "CC1 Accessible, high quality …" alone in its row, the refs below extending
            # "CC1": a priority's ref and name run together in the ref column.
            first, _, rest = flat(ref_cell).partition(" ")
            parent = values.read_ref(first)
            if parent is not None and parent.value in self._parent_refs and len(rest.split()) >= 2:
                return parent.value, rest
            # "2. Information for families" alone in its row, the refs below "2.1", "2.2": a
            # numbered priority's ref and name in the ref column.
            if (
                parent is not None
                and (parent.written or "").endswith(".")
                and parent.value in self._number_parents
                and not self._has_detail(row)
                and len(rest.split()) >= 2
                and rest[:1].isupper()
            ):
                return parent.value, rest
        if split and not title:
            return split[0], split[1]
        if split:
            # "Ref 2.3 Joint working" beside the action's own words: the ref, then the name of
            # the theme it belongs to, which the action's words do not need.
            self.plan.note(
                row.where,
                f"Read the ref '{split[0]}' from '{flat(ref_cell)}'.",
                rule=rules.REF_IN_CELL,
            )
            return split[0], title
        if not title:
            return None, ref_cell
        self.plan.note(
            row.where,
            f"Could not read '{flat(ref_cell)}' as a ref; left it out.",
            rule=rules.REF_UNREADABLE,
        )
        return None, title

    def _has_detail(self, row: Row) -> bool:
        quiet = {Col.REF, Col.TITLE, Col.SECTION}
        return any(
            row.cells[i].strip()
            for i, role in self.columns.roles.items()
            if role not in quiet and i < len(row.cells)
        )

    def _counts_up(self, rows: list[Row]) -> bool:
        """Whether every row with words is numbered, 1, 2, 3 … and nothing else: one list at
        one level, where a row that gives no lead or date is an item like the others, not a
        priority's heading (a committee's action log, its second decision with no officer)."""
        refs = [self.cell(row, Col.REF) for row in rows if any(cell.strip() for cell in row.cells)]
        numbers = [values.read_ref(ref) for ref in refs]
        found = [ref.value for ref in numbers if ref is not None]
        return (
            len(found) == len(refs) >= _MIN_COUNTED_ROWS
            and all(value.isdigit() for value in found)
            and [int(value) for value in found] == list(range(1, len(found) + 1))
        )

    def _feed(self, row: Row, group_section: Section | None) -> bool:
        ref, title = self._read_ref(row)
        if id(row) in self._summaries and title:
            self._summary_row(ref, title, row)
            return True
        if self._open and id(row) in self._levels:
            # A task under a summary task belongs to the nearest summary above its level.
            self.row_section = self._summary_above(self._levels[id(row)])
        detail = self._has_detail(row)
        # A ref and words alone head a priority, in a table whose actions have more to say
        # (a lead, a date); in a list of refs and words, only when other refs extend it.
        next_action = self._next_sibling(ref)
        if (
            ref
            and title
            and not detail
            and not next_action
            and (self._details_kept() or ref in self._parent_refs)
            and self.columns.origin not in _DECISIONS
            # A log of decisions beside who acts on each is one list: each row a decision.
            and self.columns.sureness(Col.TITLE)[0] != rules.ACTIONS_BESIDE_LEAD.code
        ):
            if not self._flat_numbered:
                self._section_row(ref, title, row, group_section)
                return True
            self.plan.note(
                row.where,
                f"Read '{flat(title)[:50]}' as an action, not a priority, though it names no "
                "lead or date: every row of its table is numbered 1, 2, 3 … at one level.",
                rule=rules.FLAT_NUMBERED_ROWS,
            )
        if ref and title and ref in self._parent_refs and not self._acted(ref):
            self._section_row(ref, title, row, group_section)
            self._section_details(row)
            return True
        if (
            ref
            and self.action is not None
            and self.action.ref == ref
            and not self._whole_again(self.action, row, title)
        ):
            self._carry_on(self.action, row, title)
            return True
        if ref or (title and not self.columns.has(Col.REF)):
            self._new_action(ref, title, row, group_section)
            return True
        if (
            self.action is not None
            and title
            and self.columns.measures_under_title is not None
            and not self.cell(row, Col.LEAD)
        ):
            self._measure_row(self.action, row, title)
            return True
        if self.action is not None and (title or detail):
            self._carry_on(self.action, row, title)
            return True
        return False

    def _measure_row(self, action: Action, row: Row, title: str) -> None:
        """A row under an action in a column headed "Project / KPI": one of its measures,
        due when the row's date cell says."""
        measure = Measure(text=flat(title))
        when_text = self._date_cell(row, Col.DUE)
        if when_text:
            measure.due, measure.due_text = self._read_when(when_text, row).due, flat(when_text)
        action.measures.append(measure)

    def _whole_again(self, action: Action, row: Row, title: str) -> bool:
        """A second row with the action's ref that is a whole action of its own ("3.1 (A)"
        and "3.1 (B)", each with its words and its own due date), not the rest of a row a
        page break cut: both have words, and both have a due date, which differ."""
        due = self.cell(row, Col.DUE)
        return bool(
            title.strip()
            and action.title.strip()
            and due.strip()
            and action.due_text
            and comparable(due) != comparable(action.due_text)
            and (title.strip()[:1].isupper() or title.strip().startswith("("))
        )

    def _next_sibling(self, ref: str | None) -> bool:
        """Whether the ref comes next after the last action's at the same depth (3 after 2,
        1.4 after 1.3): then its row is the next action, however little it says."""
        if not ref or self.action is None or not self.action.ref or ref in self._parent_refs:
            return False
        last = [int(part) for part in re.findall(r"\d+", self.action.ref)]
        this = [int(part) for part in re.findall(r"\d+", ref)]
        same_shape = re.sub(r"\d+", "0", self.action.ref) == re.sub(r"\d+", "0", ref)
        return same_shape and bool(last) and this[:-1] == last[:-1] and this[-1] == last[-1] + 1

    def _details_kept(self) -> bool:
        """Whether the table has columns for more than refs, words and sections, and its rows
        fill them: a "Lead officer" column left empty on every row (a template's, for the
        board to fill in) does not make its numbered rows priorities."""
        return self._details_filled and any(
            role not in (Col.REF, Col.TITLE, Col.SECTION) for role in self.columns.roles.values()
        )

    def _acted(self, ref: str) -> bool:
        """Whether an action already has this ref (then the row carries it on)."""
        return ref in self.plan.actions_by_ref

    def _section_details(self, row: Row) -> None:
        """A priority's row may name its lead: that is the priority's owner. Anything else
        in the row has no place on a priority, and the report says so."""
        section = self.row_section
        if section is None:
            return
        lead = self.cell(row, Col.LEAD)
        if lead and not section.owner_text:
            section.owner_text = lead.replace("\n", " / ")
        quiet = {Col.REF, Col.TITLE, Col.SECTION, Col.LEAD}
        left = [
            flat(row.cells[i])
            for i, role in self.columns.roles.items()
            if role not in quiet and i < len(row.cells) and row.cells[i].strip()
        ]
        if left:
            self.plan.note(
                row.where,
                f"Read {section.describe()} as a priority, since the refs below it extend "
                f"its ref; left out the rest of its row: '{' | '.join(left)[:100]}'.",
                rule=rules.SECTION_ROW_EXTRA,
            )

    def _section_row(self, ref: str, title: str, row: Row, group_section: Section | None) -> None:
        existing = self.plan.sections_by_ref.get(ref)
        if existing is None:
            parent = self.plan.section_for_ref(ref) or group_section or self.current()
            level = (self.sublevel or _FALLBACK_SUBLEVEL) if parent else _FALLBACK_TOP_LEVEL
            title = flat(title)
            # "4 | Focus Area 4 – Preparing for adulthood" names its own level.
            heading = values.section_heading(title)
            if heading is not None and heading.ref == ref:
                level, title = heading.level, heading.title
            existing = self.plan.add_section(
                title=title, level=level, ref=ref, parent=parent, rule=rules.SECTION_ROW
            )
        elif existing.from_list and comparable(existing.title) != comparable(title):
            # A theme's list of priorities is a summary; the row heading the priority's own
            # actions is what the plan holds the actions to.
            self.plan.note(
                row.where,
                f"{existing.describe().capitalize()} is worded differently in the list of "
                f"priorities ('{existing.title[:60]}') and above its actions; used the words "
                "above its actions.",
                rule=rules.PRIORITY_WORDING,
            )
            existing.title = flat(title)
        self.row_section = existing
        self.action = None

    def _parent_for(self, ref: str | None, group_section: Section | None, where: str) -> Section:
        return (
            self.plan.section_for_ref(ref)
            or self.row_section
            or group_section
            or self.current()
            or self.plan.fallback_section(where)
        )

    def _new_action(
        self, ref: str | None, title: str, row: Row, group_section: Section | None
    ) -> None:
        action = Action(title=flat(title), where=row.where, ref=ref)
        action.rule, action.confidence = self._sureness(ref, row)
        if not action.title:
            self.plan.note(
                row.where,
                f"{action.describe().capitalize()} has no action text.",
                rule=rules.NO_ACTION_TEXT,
            )
        self._fill(action, row, first=True)
        self.plan.add_action(action, self._parent_for(ref, group_section, row.where))
        self.action = action
        self._costed.append(action)
        progress = [i for i, p in self.columns.periods.items() if p.holds is Col.PROGRESS]
        if any(i < len(row.cells) and row.cells[i].strip() for i in progress):
            self.progress_order.append(action)

    def _sureness(self, ref: str | None, row: Row) -> tuple[str, float]:
        """The rule an action from this row is read by, and how sure it is."""
        rule, score = self.columns.sureness(Col.TITLE, Col.REF)
        if self.columns.origin:
            rule, score = self.columns.origin, min(score, _RECORD_SURENESS)
        elif rule in ("", rules.HEADING_SYNONYM.code, rules.LAYOUT_CHOICE.code):
            rule = rules.ACTION_ROW.code
        if ref and not self.columns.has(Col.REF):
            rule, score = rules.REF_IN_TEXT.code, min(score, _REF_IN_TEXT_SURENESS)
        if not self._has_detail(row):
            # Words alone, with no lead, date or rating beside them.
            score = min(score, _BARE_ROW_SURENESS)
        return rule, round(score, 2)

    def _carry_on(self, action: Action, row: Row, title: str) -> None:
        if title:
            fragment = flat(title)
            if comparable(fragment) not in comparable(action.title):
                if not carries_on(action.title, fragment):
                    self.plan.note(
                        row.where,
                        f"A row without a ref added '{fragment[:60]}' to the text of "
                        f"{action.describe()}.",
                        rule=rules.ROW_CONTINUES,
                    )
                action.title = f"{action.title} {fragment}".strip()
        self._fill(action, row, first=False)

    # Filling in an action from a row

    def _join(self, existing: str, addition: str) -> str:
        addition = addition.strip()
        if not existing:
            return addition
        if comparable(addition) in comparable(existing):
            return existing
        joiner = " " if self.after_header and carries_on(existing, addition) else "\n"
        return f"{existing}{joiner}{addition}"

    def _join_lead(self, existing: str, addition: str) -> str:
        """A role cut by a page break ("Head of Commissioning" / "CCG – CYP (LG)") is one role."""
        dangling = existing and not existing.rstrip().endswith(")")
        if self.after_header and dangling and "(" in existing:
            return f"{existing.rstrip()} {addition.strip()}"
        return self._join(existing, addition)

    def _date_cell(self, row: Row, role: Col) -> str:
        written = self.cell(row, role)
        latin = dates.latin_date_word(written) if written else None
        if latin is None:
            return written
        self.plan.note(
            row.where,
            f"Read '{flat(written)}' as '{latin}': it is written in letters of another "
            "alphabet that look like those (as text recognition often reads them).",
            rule=rules.LOOKALIKE_LETTERS,
        )
        return latin

    def _fill(self, action: Action, row: Row, *, first: bool) -> None:
        when_text = self._revised_due(row) or self._date_cell(row, Col.DUE)
        measured = "\n".join(self._cells(row, Col.MEASURES))
        dated_target = first and not self.columns.has(Col.DUE) and only_a_date(measured)
        if first and not self.columns.has(Col.DUE):
            # With no column of dates, a target that is only a date says when it is due.
            when_text = measured if dated_target else _due_in_words(action.title)
        if not dated_target:
            self._measures(action, row, when_text, first=first)
        self._when(action, row, when_text, first=first)
        lead = self._lead_cells(row)
        if lead:
            if not action.lead_text:
                action.lead_where = row.where
            action.lead_text = self._join_lead(action.lead_text, lead)
        self._starts(action, row)
        for role, attribute in (
            (Col.GROUP, "group"),
            (Col.MEMBERS, "members"),
            (Col.MONITORING, "monitoring"),
            (Col.IMPACT, "evidence_of_impact"),
        ):
            text = " ".join(self._cells(row, role))
            if text:
                setattr(action, attribute, flat(self._join(getattr(action, attribute), text)))
        self._resources(action, row)
        for text in self._cells(row, Col.SEE_ALSO):
            for ref in re.split(r"\s*(?:,|;|/|and)\s*", flat(text)):
                if ref and ref not in action.see_also:
                    action.see_also.append(ref)
        self._updates(action, row)

    def _lead_cells(self, row: Row) -> str:
        """The row's leads: its lead column's cell, or, where the table has more than one
        column of people ("Accountable lead | Responsible officer"), each column's in turn,
        a person named in both once."""
        leads = self.columns.all(Col.LEAD)
        each = [
            i
            for i in leads[1:]
            if self.columns.basis.get(i, ("", 0.0))[0] == rules.LEADS_IN_EACH_COLUMN.code
        ]
        cells = self._cells_at(row, leads[:1] + each)
        if not each or len(cells) < 2:
            return self.cell(row, Col.LEAD)
        kept: list[str] = []
        for text in cells:
            if all(comparable(text) != comparable(seen) for seen in kept):
                kept.append(text)
        return " / ".join(kept)

    def _revised_due(self, row: Row) -> str:
        """A tracker's "Revised date" beside its "Target date": where it is filled, the
        action is due then (the target is the deadline it replaced, which the report keeps)."""
        revised = self._date_cell(row, Col.REVISED_DUE)
        if not revised:
            return ""
        target = self._date_cell(row, Col.DUE)
        if target and comparable(target) != comparable(revised):
            self.plan.note(
                row.where,
                f"Read the due date as '{flat(revised)}' from the revised date column; the "
                f"date it replaced was '{flat(target)}'.",
                rule=rules.REVISED_DUE,
            )
        return revised

    def _measures(self, action: Action, row: Row, when_text: str, *, first: bool) -> None:
        # A measure merged down over several rows of a Word table reaches us once per row.
        known = {comparable(measure.text) for measure in action.measures}
        nested = _nested_measures("\n".join(self._cells(row, Col.MEASURES)))
        if nested is not None:
            for text, written in nested:
                if comparable(text) in known:
                    continue
                measure = Measure(text=text)
                if written:
                    measure.due = self._read_when(written, row).due
                    measure.due_text = written
                action.measures.append(measure)
            self.plan.note(
                row.where,
                f"Read {len(nested)} measure(s) of {action.describe()} from the table in its "
                "cell, one a row, each with its date.",
                rule=rules.MEASURES_TABLE_IN_CELL,
            )
            return
        items = [
            item
            for item in split_measures(
                "\n".join(self._cells(row, Col.MEASURES)), self.plan.common_words
            )
            if comparable(item) not in known
        ]
        if not items:
            return
        if not first and action.measures and carries_on(action.measures[-1].text, items[0]):
            joiner = "\n" if _BULLET.match(items[0]) else " "
            action.measures[-1].text += joiner + items.pop(0)
            if not items:
                return
        when = self._read_when(when_text, row) if when_text else None
        # Every measure in the row is due when the row's date cell says, unless the measures
        # give their own dates.
        if any(_MEASURE_BY.search(item) for item in items):
            when_text = ""
        for item in items:
            measure = Measure(text=item)
            dated = _MEASURE_BY.search(item)
            read = (
                dates.read_when(dated.group("when"), year_hint=self.plan_year()) if dated else None
            )
            due = read.due if read else None
            if (
                dated
                and read
                and (read.due or read.starts or dated.group("when").strip().lower() in _UNDATED_DUE)
            ):
                # "Every school trained (by Sep-22)", as trackers write a measure's date.
                measure.text = item[: dated.start()].rstrip()
                measure.due, measure.due_text = due, dated.group("when")
            opening = _MEASURE_OPENS_BY.match(item) if not measure.due_text else None
            if opening and (read := dates.read_when(opening.group("when"))).due:
                # The words keep the deadline they open with; the date is read from it.
                measure.due, measure.due_text = read.due, opening.group("when")
            if when_text and not measure.due_text:
                measure.due = when.due if when else None
                measure.due_text = flat(when_text)
            action.measures.append(measure)

    def _read_when(self, text: str, row: Row) -> dates.When:
        when = dates.read_when(flat(text), year_hint=self.plan_year())
        for note in when.notes:
            self.plan.note(row.where, f"In '{flat(text)}', {note}.", rule=rules.DATE_NOTE)
        return when

    def plan_year(self) -> int | None:
        return dates.year_of(self.plan.issued_on)

    def _when(self, action: Action, row: Row, text: str, *, first: bool) -> None:
        if not text:
            return
        words = flat(text)
        when = dates.read_when(words, year_hint=self.plan_year())
        if not when.readable and (period := roadmaps.when_of(words)) is not None:
            when.due, when.starts = period.due, period.starts
            read = f"due by the end of it ({period.due})" if period.due else "its start"
            self.plan.note(row.where, f"Read '{words}' as {read}.", rule=rules.PERIOD_DUE)
        if not when.readable:
            self.plan.note(
                row.where,
                f"Could not read '{words}' as a date; kept the words.",
                rule=rules.DATE_UNREADABLE,
            )
        if first:
            if when.starts and not when.due:
                # "From Sept 2018" in the delivery column: a start, and the words the plan
                # gives for delivery, so they show wherever the due date is shown.
                action.starts, action.starts_text = when.starts, words
                action.due_text = words
                return
            action.due, action.due_text = when.due, words
            if when.starts:
                action.starts, action.starts_text = when.starts, words
            return
        if self.cell(row, Col.MEASURES):
            return
        if words == action.due_text or words == action.starts_text:
            return
        last = action.measures[-1] if action.measures else None
        if last is not None and not last.due_text:
            last.due, last.due_text = when.due, words
            return
        # A cell's second line, cut onto its own row by a page break or copying.
        action.due_text = f"{action.due_text}\n{words}" if action.due_text else words
        if action.due is None:
            action.due = when.due
        self.plan.note(
            row.where,
            f"A row with only a date ('{words}') was added to the due date words of "
            f"{action.describe()}.",
            rule=rules.DATE_ROW_ADDED,
        )

    def _starts(self, action: Action, row: Row) -> None:
        text = flat(self._date_cell(row, Col.STARTS))
        if not text or action.starts_text:
            return
        found = dates.read_leading_date(text, year_hint=self.plan_year())
        action.starts_text = text
        action.starts = found.iso if found else None
        if found is None:
            self.plan.note(
                row.where,
                f"Could not read '{text}' as a date; kept the words.",
                rule=rules.DATE_UNREADABLE,
            )

    def _resources(self, action: Action, row: Row) -> None:
        for role in (Col.RESOURCES, Col.COST, Col.BUDGET):
            for text in self._cells(row, role):
                action.resources.append(flat(text))

    # Ratings and progress

    def _beside_previous(self, index: int) -> bool:
        """Whether an undated rating column is headed as the current one ("Current RAG",
        "Latest status") beside another undated rating column headed as the one before it
        ("Previous RAG", "Last quarter's RAG")."""
        heading = flat(self.columns.headings[index]).lower()
        if not re.match(r"(?:current|latest|this (?:quarter|month)'?s?)\b", heading):
            return False
        return any(
            i != index
            and i not in self.columns.periods
            and re.match(r"(?:previous|last|prior)\b", flat(self.columns.headings[i]).lower())
            for i, role in self.columns.roles.items()
            if role is Col.STATUS
        )

    def _undated_period(self, index: int, row: Row) -> str:
        if index not in self._undated:
            heading = flat(self.columns.headings[index]) or "Progress"
            page = self.plan.page_period
            report = self.plan.report_period
            dated: tuple[str | None, str] | None = None
            if page:
                dated = dates.named_period_end(page), f"the page's line '{page}'"
            elif report is not None:
                dated = report[1], f"the month the document reports on, {report[0]}"
            if dated and statuses.only_rating_words(heading) and self._beside_previous(index):
                # "Previous RAG | Current RAG" under "Report to the board, November 2025" (or
                # "Report date: 31 March 2026"): the current column keeps its name and takes
                # the page's date; the previous one stays undated.
                ends_on, said = dated
                known = heading in self.plan.periods
                self._undated[index] = self.plan.add_period(heading, ends_on)
                if not known:
                    self.plan.note(
                        row.where,
                        f"The '{heading}' column, beside an earlier rating, is dated by {said}"
                        + (f" ({ends_on})." if ends_on else "."),
                        rule=rules.CURRENT_BESIDE_PREVIOUS,
                    )
                return self._undated[index]
            if page and statuses.only_rating_words(heading):
                # "Status" under a page that says "Quarter 3 2023 to 2024": that period.
                known = page in self.plan.periods
                # Dated by the page's line ("Position at 31 March 2025"), where it gives one.
                self._undated[index] = self.plan.add_period(page, dates.named_period_end(page))
                if not known:
                    self.plan.note(
                        row.where,
                        f"The '{heading}' column has no date; its entries were put in the "
                        f"period the page names, '{page}'.",
                        rule=rules.PERIOD_NAMED_ON_PAGE,
                    )
                return self._undated[index]
            known = heading in self.plan.periods
            self._undated[index] = self.plan.add_period(heading, None)
            if known:
                # Said once, for the first table with the column.
                return self._undated[index]
            self.plan.note(
                row.where,
                f"The '{heading}' column has no date; its entries were put in a period called "
                f"'{heading}'. Give that period its date before saving.",
                rule=rules.UNDATED_COLUMN,
            )
        return self._undated[index]

    def _progress_period(self) -> str | None:
        """The one dated period of the table's progress columns ("Progress update (March
        2026)"): an undated rating column beside it ("RAG") rates that period."""
        dated: set[tuple[str, str | None]] = {
            (p.label, p.ends_on)
            for p in self.columns.periods.values()
            if p.holds is Col.PROGRESS and p.ends_on
        }
        if not dated:
            # "Status | Quarter 2 Update": the one progress column names its period, undated.
            dated = {
                (p.label, p.ends_on)
                for p in self.columns.periods.values()
                if p.holds is Col.PROGRESS
            }
        if len(dated) != 1 or any(p.holds is Col.STATUS for p in self.columns.periods.values()):
            return None
        label, ends_on = dated.pop()
        covered = dates.quarter_covered(self.plan.page_period or "")
        if ends_on is None and covered is not None and covered[0] == dates.quarter_number(label):
            # "Q2" under a page that says "Quarter 2 (April-September 2016)": that quarter.
            ends_on = covered[1]
        return self.plan.add_period(label, ends_on)

    def _latest_period(self) -> str | None:
        labels = [p.label for p in self.columns.periods.values() if p.holds is Col.STATUS]
        if labels:
            return labels[-1]
        # Comments beside a rating column with no date are about that rating.
        rating = self.columns.first(Col.STATUS)
        return self._undated.get(rating) if rating is not None else None

    def _current_period(self, index: int, row: Row) -> str:
        """The period undated progress and evidence belong to: the latest dated rating
        column's, else that of the undated rating column beside them ("Progress | RAG")."""
        latest = self._latest_period()
        if latest:
            return latest
        rating = next((i for i, r in self.columns.roles.items() if r is Col.STATUS), None)
        return self._undated_period(rating if rating is not None else index, row)

    def _rates(self, index: int, role: Col) -> bool:
        period = self.columns.periods.get(index)
        return period.holds is Col.STATUS if period is not None else role is Col.STATUS

    def _updates(self, action: Action, row: Row) -> None:
        for index, role in self.columns.roles.items():
            text = row.cells[index].strip() if index < len(row.cells) else ""
            if index in self.columns.impact_ratings:
                self._impact_rating(action, index, text or row.fill(index).title(), row)
                continue
            if not text and self._rates(index, role):
                # A rating given by colouring the cell, with no word in it.
                text = row.fill(index).title()
            elif not text and row.fill(index) and role is Col.PROGRESS:
                self._shaded_progress(action, index, row)
                continue
            if not text or (self._rates(index, role) and statuses.no_rating(text)):
                continue
            period = self.columns.periods.get(index)
            if period is not None:
                label = self.plan.add_period(period.label, period.ends_on)
                self._place(action, label, text, row, rating=period.holds is Col.STATUS)
            elif role is Col.STATUS:
                label = self._progress_period() or self._undated_period(index, row)
                self._place(action, label, text, row, rating=True)
            elif role is Col.PROGRESS:
                self._undated_progress(action, index, text, row)
            elif role is Col.EVIDENCE:
                label = self._current_period(index, row)
                items = [flat(item) for item in re.split(r"\n|;", text) if flat(item)]
                action.update_for(label).evidence.extend(items)
            elif role is Col.DIRECTION:
                # Kept in words in the rating's update, as an arrow beside the rating is.
                words = f"{statuses.DIRECTION_WORDS}: {flat(text)}"
                action.update_for(self._current_period(index, row)).narrative.append(words)

    def _impact_rating(self, action: Action, index: int, text: str, row: Row) -> None:
        """An impact rating beside the progress rating ("Impact RAG: Amber"): words in the
        progress rating's update, so that the period keeps one status."""
        if not text or statuses.no_rating(text):
            return
        heading = flat(self.columns.headings[index]) or "Impact"
        # "Impact (March 2026)" beside "Progress at 31 March 2026": that period's update.
        dated = dates.trailing_period(heading)
        same = next(
            (p for p in self.columns.periods.values() if dated and p.ends_on == dated[1]), None
        )
        if same is not None:
            label = self.plan.add_period(same.label, same.ends_on)
        else:
            label = self._current_period(index, row)
        action.update_for(label).narrative.append(f"{heading}: {flat(text)}")
        if not self._impact_noted:
            self._impact_noted = True
            self.plan.note(
                row.where,
                f"The '{heading}' column rates each action's impact beside its progress "
                "rating; a period keeps one status, so the progress rating is that status and "
                f"the impact rating is kept in words in the update ('{heading}: {flat(text)}').",
                rule=rules.IMPACT_BESIDE_PROGRESS,
            )

    def _shaded_progress(self, action: Action, index: int, row: Row) -> None:
        """An update column's cell with no words, shaded a rating colour ("Jun 2025 update"
        coloured green): the colour is that period's rating."""
        period = self.columns.periods.get(index)
        if period is not None:
            label = self.plan.add_period(period.label, period.ends_on)
        else:
            label = self._current_period(index, row)
        update = action.update_for(label)
        if update.status_text is not None:
            return
        update.status_text, update.status_where = row.fill(index).title(), row.where
        if not self._shading_noted:
            self._shading_noted = True
            heading = (
                flat(self.columns.headings[index]) if index < len(self.columns.headings) else ""
            )
            self.plan.note(
                row.where,
                f"Cells of the '{heading}' column hold no words but are shaded; read each "
                "shading as that period's rating.",
                rule=rules.SHADED_UPDATE_CELL,
            )

    def _place(self, action: Action, label: str, text: str, row: Row, *, rating: bool) -> None:
        update = action.update_for(label)
        if rating and update.status_text is None:
            update.status_text, update.status_where = flat(text), row.where
        else:
            update.narrative.append(text)

    def _undated_progress(self, action: Action, index: int, text: str, row: Row) -> None:
        """Progress written as "Feb 2021: ..." entries goes to those months' updates."""
        entries = dated_entries(text)
        for label, ends_on, words in entries:
            period = self.plan.add_period(label, ends_on)
            action.update_for(period).narrative.append(words)
        rest = undated_part(text, entries)
        if rest:
            label = self._current_period(index, row)
            action.update_for(label).narrative.append(rest)


class UpdatesWithoutRefs:
    """A table of updates alone ("Position Statement June 2022") printed after the actions it
    belongs to, without their refs, as PDFs of wide spreadsheets often are. Its rows are matched
    to the actions that had an entry in the previous update column by order, when there are as
    many of each. Otherwise a row whose entry repeats much of one action's earlier entry (a
    statement carried forward) anchors that row to that action, and the rows between anchors
    are matched by order where their counts agree; every other entry is reported."""

    def __init__(self, plan: PlanBuilder, columns: Columns, previous: ActionTable | None) -> None:
        self.plan = plan
        self.columns = columns
        self.previous = previous
        self.rows: list[Row] = []

    def feed(self, row: Row) -> None:
        self.rows.append(row)

    def finish(self) -> None:
        if not self.rows:
            return
        order = self.previous.progress_order if self.previous else []
        if len(order) == len(self.rows):
            self._by_order(order)
            return
        matched = self._anchored(order)
        for number, row in enumerate(self.rows):
            if number in matched:
                continue
            for label, text in self._entries(row):
                self.plan.note(
                    row.where,
                    f"Could not tell which action this '{label}' entry belongs to (the table "
                    f"has no refs); not placed: '{text[:100]}'",
                    rule=rules.UPDATE_UNPLACED,
                )
        if matched:
            self._place(matched)
            refs = ", ".join(matched[row].ref or matched[row].title[:20] for row in sorted(matched))
            self.plan.note(
                self.rows[0].where,
                f"The entries of a table with no refs were matched to actions {refs}: each "
                "where an entry repeats much of an action's earlier one, and the rows between "
                "those by their order. Check them. Words in other columns of that table (cut "
                "off from the column before) were left out.",
                rule=rules.UPDATES_ANCHORED,
            )

    def _anchored(self, order: list[Action]) -> dict[int, Action]:
        """Rows matched to actions (by row number) through entries carried forward."""
        earlier = [_content_words(" ".join(_narratives(action))) for action in order]
        anchors: list[tuple[int, int]] = []
        for number, row in enumerate(self.rows):
            words = _content_words(" ".join(text for _, text in self._entries(row)))
            if len(words) < _ANCHOR_WORDS:
                continue
            scores = [
                len(words & other) / min(len(words), len(other)) if other else 0.0
                for other in earlier
            ]
            best = max(range(len(order)), key=lambda index: scores[index], default=None)
            if best is None or scores[best] < _ANCHOR_SHARE:
                continue
            runner_up = sorted(scores)[-2] if len(scores) > 1 else 0.0
            if runner_up == scores[best]:
                # Two actions' entries fit as well: neither is meant for certain.
                continue
            if anchors and best <= anchors[-1][1]:
                continue
            anchors.append((number, best))
        if not anchors:
            return {}
        matched = {row: order[index] for row, index in anchors}
        # Between two anchors (and before the first, after the last), rows and actions pair
        # off in order when there are as many of each.
        bounds = [(-1, -1), *anchors, (len(self.rows), len(order))]
        for (row_before, action_before), (row_after, action_after) in itertools.pairwise(bounds):
            rows = range(row_before + 1, row_after)
            actions = range(action_before + 1, action_after)
            if len(rows) == len(actions):
                matched.update(
                    {row: order[index] for row, index in zip(rows, actions, strict=True)}
                )
        return matched

    def _place(self, matched: dict[int, Action]) -> None:
        for number, action in sorted(matched.items()):
            row = self.rows[number]
            for index, period in self.columns.periods.items():
                text = row.cells[index].strip() if index < len(row.cells) else ""
                if text:
                    label = self.plan.add_period(period.label, period.ends_on)
                    action.update_for(label).narrative.append(flat(text))

    def _entries(self, row: Row) -> list[tuple[str, str]]:
        return [
            (period.label, flat(row.cells[index]))
            for index, period in self.columns.periods.items()
            if index < len(row.cells) and row.cells[index].strip()
        ]

    def _by_order(self, order: list[Action]) -> None:
        self._place(dict(enumerate(order)))
        labels = ", ".join(sorted({p.label for p in self.columns.periods.values()}))
        refs = ", ".join(action.ref or action.title[:20] for action in order)
        self.plan.note(
            self.rows[0].where,
            f"The '{labels}' entries have no refs; matched them to actions {refs} by their order. "
            "Check them. Words in other columns of that table (cut off from the column before) "
            "were left out.",
            rule=rules.UPDATES_BY_ORDER,
        )


# A row anchors to an action when it has this many words of its own, and at least this share
# of them (or of the action's, if fewer) are in that action's earlier entries.
_ANCHOR_WORDS = 4
_ANCHOR_SHARE = 0.6
_CONTENT_WORD = re.compile(r"[a-z]{4,}")


_NOT_CONTENT = NAME_FOLLOWS | {
    "also", "been", "being", "have", "into", "more", "some", "there", "they", "were", "what",
    "when", "where",
}  # fmt: skip


def _content_words(text: str) -> set[str]:
    return set(_CONTENT_WORD.findall(text.lower())) - _NOT_CONTENT


def _narratives(action: Action) -> list[str]:
    return [text for update in action.updates.values() for text in update.narrative]


def dated_entries(text: str) -> list[tuple[str, str, str]]:
    """("Feb 2021", "2021-02-28", "what happened") for each dated entry in a progress cell."""
    found = []
    marks = []
    for date in dates.find_dates(text):
        before = text[: date.start].rstrip()
        at_start = (
            not before
            or before.endswith(("\n", ".", "!", "?"))
            or "\n" in text[len(before) : date.start]
        )
        separator = _DATED_ENTRY_SEPARATOR.match(text[date.end :])
        if at_start and separator:
            marks.append((date, date.end + separator.end()))
    for index, (date, body_start) in enumerate(marks):
        end = marks[index + 1][0].start if index + 1 < len(marks) else len(text)
        words = flat(text[body_start:end])
        label = flat(text[date.start : date.end])
        if words:
            found.append((label, dates.month_end_day(date.iso), words))
    return found


def undated_part(text: str, entries: list[tuple[str, str, str]]) -> str:
    if not entries:
        return flat(text)
    first_label = entries[0][0]
    return flat(text[: text.find(first_label)])
