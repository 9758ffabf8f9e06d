"""The one interpreter: reads a plan out of the block stream every reader produces.

It walks the blocks once, keeping track of where it is (the open theme or priority, the
table being read, the labelled row being continued) and hands each piece to the builder.
Anything it cannot place goes in the report with where it was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sendplan.interchange.parsers import (
    cards,
    cell_fields,
    cell_items,
    cell_lines,
    columnwise,
    contents,
    dates,
    highlights,
    kinds,
    layout,
    listed,
    merged_groups,
    numbered_records,
    people,
    roadmaps,
    rules,
    runtogether,
    scrambled,
    segment,
    sheet_periods,
    side_by_side,
    statuses,
    tables,
    values,
)
from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers.actions import (
    ActionTable,
    row_ref,
    split_lettered,
)
from sendplan.interchange.parsers.blocks import (
    Block,
    Heading,
    Paragraph,
    Row,
    Table,
    comparable,
    flat,
    squash,
)
from sendplan.interchange.parsers.builder import PlanBuilder, Section, Weakness
from sendplan.interchange.parsers.columns import Columns, Kind

_NUMBERED = re.compile(r"^\(?(\d{1,2})[.)]\s+(\S.*)$", re.S)
_QUOTED = re.compile(r"['‘\"“](.{20,}?)['’\"”](?:\s|$|[.,;])")
_LEGEND_INTRO = re.compile(
    r"^(?:progress|key|rag key|status key|b?rag rating|rating key|key to (?:the )?"
    r"(?:progress|ratings?|status(?:es)?|rag|symbols))\s*:?$",
    re.I,
)

# Labels written in the first cell of a theme's header rows, by what they introduce.
_LABEL_WORDS = {
    "outcomes": "general outcomes|outcomes|intended outcomes|outcome we are seeking to achieve"
    "|outcomes we are seeking to achieve|what we want to achieve|expected outcomes",
    "owner": "theme owner|owner|theme lead|priority lead|pillar lead|senior responsible officer"
    "|sro|accountable officer|responsible officer|workstream lead|section owner|lead",
    "concern": "ofsted cqc area of concern|ofsted and cqc area of concern|area of concern"
    "|areas of concern|area of weakness|areas of weakness|weakness|ofsted cqc concerns"
    "|ofsted and cqc concerns|inspection finding|inspection findings",
    "priorities": "strategic priority|strategic priorities|priorities|objectives",
    "milestones": "key milestones|milestones",
    "vision": "vision|our vision",
    "governance": "governance",
}
_LABELS = {word: kind for kind, words in _LABEL_WORDS.items() for word in words.split("|")}

_KINDS = {
    "wsoa": re.compile(r"written statement of action|\bwsoa\b", re.I),
    "accelerated_progress_plan": re.compile(r"accelerated progress plan", re.I),
    "priority_action_plan": re.compile(r"priority action plan", re.I),
    "improvement_plan": re.compile(r"improvement plan", re.I),
    "strategy_action_plan": re.compile(r"action plan|strategy", re.I),
}
_AREA = re.compile(
    r"^(?P<area>[A-Z][\w'’&\- ]*?)\s+(?:local area|council|area|send|written statement"
    r"|accelerated progress|priority action|improvement plan)\b",
    re.I,
)
_NOT_AN_AREA = re.compile(r"^(?:(?:the|our|your|their|this|a|an|new|draft)\b\s*)+", re.I)
_PROSE_HEADINGS = {
    "officers": re.compile(
        r"^(?:list of |key (?:to (?:the )?)?)?(?:lead |responsible |accountable )?"
        r"(?:officers|leads|contacts|initials)\b"
        # "People", "Programme team", "Team members": who a highlight report lists (rule
        # `people-listed`).
        r"|^(?:the |our )?(?:people|(?:programme|project|improvement|core|delivery) team"
        r"|team members|key contacts)$",
        re.I,
    ),
    "performance": re.compile(r"performance|indicators|measures of success|scorecard", re.I),
    "governance": re.compile(
        r"governance|arrangements for working together|working together", re.I
    ),
    "vision": re.compile(r"\bvision\b", re.I),
    # "What the inspection found", "Inspection findings", "What inspectors said": where a whole
    # plan quotes each area of weakness in full before its own heading over the actions.
    "findings": re.compile(
        r"\b(?:inspection|inspectors?|revisit|ofsted)\b.{0,30}\b(?:found|findings?|said|told)\b"
        r"|^(?:inspection |our )?findings\b",
        re.I,
    ),
}
# The bullets a list of lead officers may be written with.
_BULLETS = frozenset("•▪◦·*-")
_KEY_HEADINGS = re.compile(
    r"^(?:colou?r|rag|b?rag rating|rating|status|code|key)\|(?:meaning|description|definition"
    r"|what it means|status|key)$",
    re.I,
)
_NUMBERED_HEADING = re.compile(r"^(\d{1,2})[.)]?\s+([A-Z][^.:;]{2,100})$")
_NUMBERED_LEVEL = "Section"
_INDICATOR_GROUP = re.compile(r"^(?:base(?:line)? (?:information|data)|context|background)$", re.I)
_MAX_INDICATOR_WORDS = 40
_MAX_SUBTITLE_WORDS = 12
_MAX_FINDINGS_HEADING_WORDS = 6
_MAX_SECTION_NAME_WORDS = 40
_FINDING_LEVEL = re.compile(r"weakness|concern|for improvement|to improve", re.I)
# What a web page prints above its own title: links past the menu, cookie banners and alerts.
_WEB_FURNITURE = re.compile(
    r"^(?:skip to (?:the )?(?:main )?(?:content|navigation)|skip (?:navigation|to main)|menu"
    r"|search(?: this site)?|close(?: alert| this message)?|(?:accept|reject) (?:all |additional )?"
    r"cookies|cookie (?:settings|preferences|policy)|we use cookies.*|home|back to top"
    r"|(?:print|share) this page|you are here:?.*)$",
    re.I,
)
# Column headings that, run into a paragraph, show a table lost its columns on the way.
_HEADING_PHRASES = (
    "delivery objective", "success measure", "measure of success", "task and finish",
    "monitoring and evaluation", "group members", "position statement", "timeframe",
    "date for delivery", "lead officer", "reference",
)  # fmt: skip


# How far down a document a line saying which month it reports on is looked for.
_REPORT_LINES = 8
# A rating's words in one cell of a key laid across a row ("Off track or major concerns").
_MAX_KEY_CELL_WORDS = 6


@dataclass
class _Prose:
    """Narrative left out under one heading, reported once rather than line by line."""

    heading: str
    where: str
    count: int = 0
    first: str = ""


@dataclass
class _State:
    section: Section | None = None
    table: Columns | None = None
    # What reads the rows of the table being read (see `kinds`); the same object as
    # `actions` when it is a table of actions, which other tables and headings act on.
    reader: kinds.TableReader | None = None
    actions: ActionTable | None = None
    label: str | None = None
    label_section: Section | None = None
    mode: str = "prose"
    # A bulleted list of lead officers under the heading read last has been noted.
    officers_listed: bool = False
    list_target: str | None = None
    legend_lines: list[tuple[str, str]] = field(default_factory=list)
    # The mark a key gives each rating ("✔" for "Complete"), when it rates with marks.
    legend_marks: dict[str, str] = field(default_factory=dict)
    # What each of the plan's own rating words means, where its key table says.
    legend_meanings: dict[str, str] = field(default_factory=dict)
    legend_where: str = ""
    prose: _Prose | None = None
    indicator_section: Section | None = None
    sublevel: str | None = None
    scrambled: scrambled.Region | None = None
    # The block just read was the plan's title: a cover page may run it on to a second line.
    title_open: bool = False
    # "1. Leadership" waiting for the table of actions 1.1, 1.2 ... that would make it a
    # section: its ref, title, where, and its words if it is to be reported as left out.
    numbered: tuple[str, str, str, str] | None = None
    # A section just opened by a heading that named only its level and ref ("Priority 2"):
    # the line right after it may give its name.
    bare: Section | None = None
    # "Table 3: Short breaks" on a line of its own, waiting for the table right under it: its
    # words, where, and that table's first row once it comes.
    caption: tuple[str, str, Row | None] | None = None


# "Standard 1: Referrals", "Recommendation 2 – To ensure …": a capitalised word (perhaps two)
# the plan names its levels by, a number, then a colon or a dash and the section's name.
_WORDED_SECTION = re.compile(
    r"^(?P<level>[A-Z][a-z]{3,}(?: [a-z]{3,})?) (?P<ref>\d{1,2}(?:\.\d{1,2})?)\s*[:–—-]\s*"
    r"(?P<title>[A-Z\u2018\u201c\"'].{2,})$",
    re.S,
)
# "Table 3: Short breaks": a table's caption, numbered and named.
_TABLE_CAPTION = re.compile(
    r"^(?P<level>[Tt]able|TABLE) (?P<ref>\d{1,2}(?:\.\d{1,2})?)\s*[:–—-]\s*"
    r"(?P<title>[A-Z\u2018\u201c\"'].{2,})$",
    re.S,
)
# Words that number an action or a row, not a level of the plan.
_NOT_LEVELS = set(
    [
        "action",
        "actions",
        "item",
        "task",
        "step",
        "ref",
        "reference",
        "row",
        "page",
        "table",
        "figure",
        "appendix",
        "annex",
        "quarter",
        "phase",
        "year",
        "week",
    ]
)


def _worded_section_row(text: str) -> tuple[str, str, str] | None:
    match = _WORDED_SECTION.match(" ".join(text.split()))
    if match is None or match.group("level").lower() in _NOT_LEVELS:
        return None
    return match.group("level"), match.group("ref"), match.group("title").strip()


class Interpreter:
    def __init__(self, plan: PlanBuilder, choices: layout.Layout | None = None) -> None:
        self.plan = plan
        self.state = _State()
        # A person's choices for tables like those in this file, from the check page.
        self.layout = choices or layout.Layout()
        # Every table as read, for the check page; the block being read, to name them by.
        self.tables: list[layout.TableReading] = []
        self.block_key = "0"
        # The headings of the last action table and the level its section column names: a
        # table whose columns ran together later on is recognised by them.
        self.action_headings: list[str] = []
        self.action_level: str | None = None
        self.action_section_first = False
        # The columns of the last table of actions with a heading row: a table after a new
        # heading, as wide and with no heading row of its own, goes on under them.
        self.action_header: Columns | None = None
        self.regions: list[scrambled.Region] = []
        # A cover's line under the title ("SEND and AP Priority Action Plan") may say what
        # kind of plan it is when the title names only the partnership.
        self.subtitle: str | None = None
        self._subtitle_next = False
        self._record_tables_noted = False
        # Sections opened by lines under the inspection's findings ("Area of weakness 1: …"
        # quoted in full): the heading over their actions may name them again, shorter.
        self._quoted: list[Section] = []

    # Entry point

    def run(self, blocks: list[Block]) -> None:
        # As the file gave them: a person may ask for its lists to be read as actions.
        given = blocks
        blocks = contents.left_out(blocks, self.plan)
        blocks, parted = side_by_side.tables(blocks)
        for where, message in parted:
            self.plan.note(where, message, rule=rules.TABLES_SIDE_BY_SIDE)
        blocks, joined = sheet_periods.tables(blocks)
        for where, message in joined:
            self.plan.note(where, message, rule=rules.SHEETS_AS_PERIODS)
        blocks, period = highlights.tables(runtogether.tables(blocks))
        if period is not None:
            self.plan.note(period.where, period.message, rule=rules.HIGHLIGHT_PERIOD)
        blocks = columnwise.listed_cells(columnwise.tables(blocks))
        blocks = cell_items.tables(cell_fields.tables(cell_lines.tables(blocks)))
        blocks = merged_groups.tables(roadmaps.tables(blocks))
        blocks = numbered_records.level_rows(numbered_records.tables(blocks))
        blocks = segment.segment(cards.tables(blocks))
        self.plan.common_words = _lower_case_words(blocks)
        for number, block in enumerate(blocks):
            self.block_key = str(number)
            if isinstance(block, Table):
                if rules.CHANGES_NOT_HEADINGS.code in block.read_by:
                    self.plan.note(
                        block.where,
                        "Read the lines that stand like headings in the list of changes, each "
                        "opening with a verb, as changes of their own, not as headings over the "
                        "changes below them.",
                        rule=rules.CHANGES_NOT_HEADINGS,
                    )
                self.state.bare = None
                if self.state.mode == "findings":
                    self.state.mode = "prose"  # the findings end where a table begins
                self._caption_for_table(block)
                self._table(block)
                self._drop_caption()
                continue
            self._drop_caption()
            if self._names_bare_section(block):
                continue
            self._flush_legend(block)
            if dates.names_period(block.text):
                self.plan.page_period = squash(block.text)
            elif number < _REPORT_LINES and self.plan.report_period is None:
                month = dates.report_month(block.text)
                if month is not None:
                    self.plan.report_period = (*month, block.where)
            if isinstance(block, Heading):
                self._heading(block)
            else:
                self._paragraph(block)
        self._flush_legend(None)
        self._close_scrambled()
        self._end_table()
        self._drop_numbered()
        self._drop_caption()
        self._end_prose()
        scrambled.read_regions(self.plan, self.regions)
        if self.layout.list_items and (
            not any(isinstance(block, Table) for block in given)
            or not any(section.actions for section in self.plan.all_sections())
        ):
            # Asked for on the check page, where the file has no tables or no action was found.
            listed.read(given, self.plan)
        self._guess_title_facts()

    # Headings and paragraphs

    def _heading(self, block: Heading) -> None:
        text = block.text
        if self.state.scrambled is not None:
            # A page's running title or a new section ends the run-together table.
            ends = block.is_sheet or values.section_heading(flat(text)) is not None
            if not ends and comparable(text) != comparable(self.plan.title or ""):
                self.state.scrambled.add(text, block.where)
                return
            self._close_scrambled()
        if block.is_sheet:
            self._end_table()
            # Each sheet starts afresh unless its name is itself a theme ("Theme 2").
            if not self._open_from_text(text, block.where, heading_only=True):
                self.state.section = None
            return
        if self._legend_text(text, block.where):
            return
        self._subtitle_next = False
        if self._title(text):
            self._subtitle_next = self.state.title_open
            return
        if self._plan_date(text):
            return
        self._end_prose()
        if self.state.mode == "performance" and self._indicator_group(text):
            return
        if self._open_from_text(text, block.where):
            self.state.mode = "prose"
            return
        self._end_table()
        self.state.list_target = None
        self.state.mode = next(
            (mode for mode, pattern in _PROSE_HEADINGS.items() if pattern.search(text)), "prose"
        )
        self.state.officers_listed = False
        self.state.prose = _Prose(heading=flat(text), where=block.where)
        if self.state.mode == "findings":
            # The numbered list under "What the inspection found" is the areas of weakness.
            self.state.list_target = "weaknesses"
        self._note_numbered(text, block.where, counted=False)

    def _paragraph(self, block: Paragraph) -> None:
        text = block.text
        if self._subtitle_next and len(text.split()) <= _MAX_SUBTITLE_WORDS:
            self.subtitle = flat(text)
        self._subtitle_next = False
        if self._legend_text(text, block.where):
            return
        if self.plan.title is None and not self._plan_begun(text):
            self._subtitle_next = True
            # A cover laid out in a table cell holds the title on its first line, then the
            # version and the like (often a small table nested in the cell).
            first, _, rest = text.partition("\n")
            self._title(first)
            if rest.strip():
                self._paragraph(Paragraph(text=rest, where=block.where))
            return
        if self._title(text):
            return
        if self._plan_date(text):
            return
        if self._in_scrambled(text, block.where):
            return
        if self.state.mode == "performance":
            self._indicator_line(text, block.where)
            return
        if self.state.mode == "officers" and self._officer_line(text):
            if text.lstrip()[:1] in _BULLETS and not self.state.officers_listed:
                self.state.officers_listed = True
                initials = people.officer_line(text) is not None
                self.plan.note(
                    block.where,
                    "Read the bulleted lines under this heading as the plan's lead officers "
                    + ("(initials, name and role)" if initials else "(name and post)")
                    + ", not as actions.",
                    rule=rules.OFFICERS_LISTED if initials else rules.PEOPLE_LISTED,
                )
            return
        if self._open_from_text(text, block.where):
            return
        if self.state.list_target is None and _TABLE_CAPTION.match(" ".join(text.split())):
            # Kept until the next block: a table of actions right under it is what it names.
            self.state.caption = (" ".join(text.split()), block.where, None)
            return
        if self._list_item(text, block.where):
            return
        if self.state.list_target is None and self._note_numbered(text, block.where):
            return
        self._prose_facts(text, block.where)

    def _note_numbered(self, text: str, where: str, *, counted: bool = True) -> bool:
        """ "1. Leadership and governance": a section, if the table after it holds actions 1.x.
        Kept until that table is seen; reported as left out if it never is."""
        match = _NUMBERED_HEADING.match(flat(text))
        if not match:
            return False
        self._drop_numbered()
        self.state.numbered = (match.group(1), match.group(2), where, text if counted else "")
        return True

    def _drop_numbered(self) -> None:
        pending = self.state.numbered
        self.state.numbered = None
        if pending is not None and pending[3]:
            self._left_out(pending[3], pending[2])

    def _caption_for_table(self, block: Table) -> None:
        """A caption line just before a table waits for that table's heading row."""
        if self.state.caption is not None:
            text, where, _ = self.state.caption
            first = next((row for row in block.rows if not row.is_blank()), None)
            self.state.caption = (text, where, first)

    def _drop_caption(self) -> None:
        """A caption no table of actions followed: narrative, reported as left out."""
        caption, self.state.caption = self.state.caption, None
        if caption is not None:
            self._left_out(caption[0], caption[1])

    def _caption_named(self, header: Columns, row: Row) -> None:
        """ "Table 3: Short breaks" on the line right above a table of actions whose heading
        row opens the table (rule `caption-over-table`)."""
        caption = self.state.caption
        if caption is None or caption[2] is not row:
            return
        self.state.caption = None
        if not self._caption_section(Row(cells=[caption[0]], where=caption[1]), header):
            self._left_out(caption[0], caption[1])

    def _numbered_section(self, header: Columns, following: list[Row]) -> None:
        pending = self.state.numbered
        if pending is None or header.kind is not Kind.ACTIONS:
            return
        ref, title, where, _ = pending
        first = next(
            (found for found in map(lambda r: row_ref(header, r), following) if found), None
        )
        self.state.numbered = None
        # Its actions: those whose refs extend its number, or, under "2 Mainstream provision",
        # actions with no refs at all.
        extended = first is not None and values.parent_ref(first) == ref
        unnumbered = first is None and not header.has(cols.Col.REF)
        if not (extended or unnumbered) or ref in self.plan.sections_by_ref:
            self.state.numbered = pending
            self._drop_numbered()
            return
        self._open_section(
            level=_NUMBERED_LEVEL,
            ref=ref,
            title=title,
            where=where,
            rule=rules.NUMBERED_HEADING,
        )

    def _plan_begun(self, text: str) -> bool:
        """Whether the plan's sections have begun, with this text or before it: then no text
        is the plan's title ("Priority 1: Improve EHC plan timeliness" is a priority)."""
        first = flat(text.partition("\n")[0])
        return bool(self.plan.roots) or values.section_heading(first) is not None

    def _title(self, text: str) -> bool:
        """The first line is the plan's title; a short line right under it naming the kind of
        plan ("Priority Action Plan" under "Ashdown Local Area Partnership") is part of it."""
        if self.plan.title is None:
            if self._plan_begun(text):
                return False
            if _WEB_FURNITURE.match(flat(text)):
                # "Skip to main content" above a page's own title, copied with it.
                return True
            self.plan.title = flat(text)
            self.state.title_open = True
            return True
        if not self.state.title_open:
            return False
        self.state.title_open = False
        title = self.plan.title
        names_kind = any(pattern.search(text) for pattern in _KINDS.values())
        if (
            names_kind
            and len(text.split()) <= _KIND_LINE_WORDS
            and not any(p.search(title) for p in _KINDS.values())
        ):
            self.plan.title = f"{title} {flat(text)}"
            return True
        return False

    def _in_scrambled(self, text: str, where: str) -> bool:
        """Lines of an action table whose columns ran together, from a line that opens with
        its headings jumbled up to the next table: kept to be read once the whole plan is."""
        region = self.state.scrambled
        if region is not None and values.section_heading(flat(text)) is None:
            region.add(text, where)
            return True
        self._close_scrambled()
        start = scrambled.jumbled_header(text, self.action_headings)
        if start is None:
            return False
        # New sections for the rows go after the one holding the actions read so far.
        last = next(reversed(self.plan.actions_by_ref.values()), None)
        holding = [s for s in self.plan.all_sections() if last is not None and last in s.actions]
        section = holding[0] if holding else self.state.section
        level = self.action_level or (section.level if section else "Priority")
        region = scrambled.Region(
            where=where,
            section=section,
            level=level,
            refs_before=list(self.plan.actions_by_ref),
            section_first=self.action_section_first,
        )
        region.add(text[start:], where)
        self.state.scrambled = region
        return True

    def _close_scrambled(self) -> None:
        if self.state.scrambled is not None:
            self.regions.append(self.state.scrambled)
            self.state.scrambled = None

    def _plan_date(self, text: str) -> bool:
        """A date on its own near the top ("April 2018") is when the plan was issued."""
        if self.plan.issued_on or self.plan.roots or len(text.split()) > 4:
            return False
        ends_on = dates.read_period(text)
        found = dates.find_dates(text)
        if not ends_on or not found:
            return False
        self.plan.issued_on = found[0].iso
        return True

    def _open_from_text(self, text: str, where: str, *, heading_only: bool = False) -> bool:
        """Open a section for "Theme 2: Joint commissioning" and the like."""
        heading = values.section_heading(flat(text))
        labelled = values.labelled_section(flat(text)) if heading is None else None
        if labelled is not None and not heading_only:
            self._labelled_section(labelled, where)
            return True
        if heading is None:
            return False
        if self.state.mode == "performance" and not heading_only:
            self.state.indicator_section = self._find_section(heading.ref)
            return True
        self._end_table()
        section = self._open_section(
            level=heading.level, ref=heading.ref, title=heading.title, where=where
        )
        self.state.bare = section if _bare_heading(section) and not section.actions else None
        return True

    def _labelled_section(self, heading: values.SectionHeading, where: str) -> None:
        """ "Area of weakness …: <its words>": a section with no ref; the weakness it names is
        one of the plan's. A numbered heading before it ("2. Our response") is not over the
        actions that follow."""
        self._end_table()
        self._drop_numbered()
        section = self._open_section(
            level=heading.level, ref=None, title=heading.title, where=where,
            rule=rules.LABELLED_SECTION,
        )  # fmt: skip
        if "weakness" in heading.level.lower() or "concern" in heading.level.lower():
            ref = self.plan.weakness_ref_for(heading.title, where)
            if ref and ref not in section.weaknesses:
                section.weaknesses.append(ref)

    def _names_bare_section(self, block: Heading | Paragraph) -> bool:
        """ "Priority 2", then "Joint working across education, health and care" on a line of
        its own: the line is the priority's name."""
        section, self.state.bare = self.state.bare, None
        text = block.text.strip()
        if section is None or getattr(block, "is_sheet", False) or "\n" in text:
            return False
        words = text.split()
        # An area of weakness or for improvement is named by what the inspectors found, often
        # a whole sentence ("Parents lack confidence in …, and plans vary too much.").
        finding = text.endswith(".") and _FINDING_LEVEL.search(section.level) is not None
        if not 2 <= len(words) <= _MAX_SECTION_NAME_WORDS or (
            text.endswith((".", ":", ";")) and not finding
        ):
            return False
        if values.section_heading(flat(text)) is not None or values.bare_level(flat(text)):
            return False
        if values.leading_ref(text) or not text[:1].isupper():
            return False
        if segment.introduces_actions(text) or cols.heading_roles(flat(text)):
            # "What we will do", "Actions": what comes under the section, not its name.
            return False
        section.title = flat(text)
        return True

    def _find_section(self, ref: str) -> Section | None:
        return self.plan.sections_by_ref.get(ref)

    def _open_section(
        self,
        *,
        level: str,
        ref: str | None,
        title: str,
        where: str,
        rule: rules.Rule = rules.SECTION_HEADING,
        nest_in: Section | None = None,
    ) -> Section:
        existing = self.plan.sections_by_ref.get(ref) if ref else None
        if existing is not None and existing.level == level:
            section = existing
            if _bare_heading(existing) and comparable(title) != comparable(existing.title):
                # A sheet named "Priority 1" whose first row gives the priority's words.
                existing.title = title
            elif existing in self._quoted and comparable(title) != comparable(existing.title):
                self._quoted_finding(existing, title, where)
                self.state.mode = "prose"
        else:
            section = self.plan.add_section(
                title=title,
                level=level,
                ref=ref,
                parent=nest_in or self._parent_for_level(level, ref),
                rule=rule,
            )
            if self.state.mode == "findings" and self.state.table is None:
                self._quoted.append(section)
        self.state.section = section
        self.state.label = None
        self.state.list_target = None
        if self.state.actions is not None:
            self.state.actions.section_changed()
        return section

    def _quoted_finding(self, section: Section, title: str, where: str) -> None:
        """A section first met quoted in full under the inspection's findings, then named by
        the heading over its actions: the heading's words are its title, the quote one of the
        plan's weaknesses."""
        self._quoted.remove(section)
        quote = section.title
        known = {comparable(weakness.text) for weakness in self.plan.weaknesses}
        refs = {weakness.ref for weakness in self.plan.weaknesses}
        if comparable(quote) not in known and section.ref not in refs:
            self.plan.weaknesses.append(Weakness(text=quote, ref=section.ref))
            section.weaknesses.append(str(section.ref))
        section.title = title
        self.plan.note(
            where,
            f"{section.describe()} is quoted in full under the inspection's findings ('"
            f"{quote[:60]}') and named '{title[:60]}' over its actions: the heading's words "
            "are kept as its title, the quote as one of the plan's weaknesses.",
            rule=rules.QUOTED_FINDING,
        )

    def _parent_for_level(self, level: str, ref: str | None) -> Section | None:
        """Sections of a level seen before sit at that depth; a new level nests in the open
        section only when its ref says so ("Priority 1A" under "Theme 1")."""
        known = [s for s in self.plan.all_sections() if s.level == level]
        current = self.state.section
        if known:
            parent = known[0].parent
            while current is not None and parent is not None and current.depth > parent.depth:
                current = current.parent
            return current if parent is not None else None
        if current is not None and ref and values.parent_ref(ref) == current.ref:
            return current
        return None

    def _list_item(self, text: str, where: str) -> bool:
        numbered = _NUMBERED.match(text)
        target = self.state.list_target
        if numbered and target == "weaknesses":
            self.plan.weaknesses.append(
                Weakness(text=flat(numbered.group(2)), ref=numbered.group(1))
            )
            return True
        if numbered and target == "principles":
            self.plan.principles.append(flat(numbered.group(2)))
            return True
        if target == "weaknesses" and self.plan.weaknesses and not numbered:
            finding = tables._finding(flat(text.lstrip("•-*– ")))
            if "source" in finding or text.lstrip().startswith(("•", "-", "*", "–", '"', "“")):
                self.plan.weaknesses[-1].findings.append(finding)
                return True
        if not numbered:
            self.state.list_target = None
        return False

    def _prose_facts(self, text: str, where: str) -> None:
        lowered = text.lower()
        findings = self.state.mode == "findings"
        if len(text.split()) <= _MAX_FINDINGS_HEADING_WORDS and _PROSE_HEADINGS["findings"].search(
            flat(text)
        ):
            # "What the inspection found" as a line of pasted text rather than a heading.
            self.state.mode = "findings"
            self.state.list_target = "weaknesses"
            return
        if ("weakness" in lowered or findings) and text.rstrip().endswith(":"):
            self.state.list_target = "weaknesses"
            return
        if "principle" in lowered and (
            text.rstrip().endswith(":") or "following principles" in lowered
        ):
            self.state.list_target = "principles"
            return
        if self.plan.vision is None and re.search(r"\bvision\b", lowered):
            quoted = _QUOTED.search(text)
            if quoted or self.state.mode == "vision":
                self.plan.vision = flat(quoted.group(1)) if quoted else flat(text)
                return
        if self.state.mode == "governance" and self.plan.governance is None and "board" in lowered:
            self.plan.governance = flat(text)
            return
        self._left_out(text, where)

    def _left_out(self, text: str, where: str) -> None:
        if self._scrambled(text, where):
            return
        if self.state.prose is None:
            self.state.prose = _Prose(heading="", where=where)
        prose = self.state.prose
        prose.count += 1
        prose.first = prose.first or flat(text)[:80]

    def _scrambled(self, text: str, where: str) -> bool:
        """Text where a PDF table's columns ran together: say so, with the refs it mentions."""
        lowered = text.lower()
        headings = sum(1 for phrase in _HEADING_PHRASES if phrase in lowered)
        refs = re.findall(r"(?<![\d.])(\d{1,2}\.\d{1,2})(?![\d.])", text)
        if len(text.split()) < 40 or (len(set(refs)) < 2 and headings < 3):
            return False
        mentioned = ", ".join(dict.fromkeys(refs)) or "no refs"
        self.plan.note(
            where,
            "This text looks like a table whose columns ran together (as happens when copying "
            f"from a PDF); could not place it. It mentions {mentioned}: '{flat(text)[:80]}...'",
            rule=rules.RUN_TOGETHER_UNREAD,
        )
        return True

    def _end_prose(self) -> None:
        prose = self.state.prose
        if prose is not None and prose.count:
            under = f" under '{prose.heading}'" if prose.heading else ""
            self.plan.note(
                prose.where,
                f"Left out {prose.count} paragraph(s) of narrative{under}, starting "
                f"'{prose.first}'; the plan format has no place for them.",
                rule=rules.NARRATIVE_LEFT_OUT,
            )
        self.state.prose = None

    def _officer_line(self, text: str) -> bool:
        """ "JB – Jane Brown, Head of SEND" in a list of lead officers written as lines, bulleted
        or not."""
        found = people.officer_line(text) or people.named_line(text)
        if found is None:
            return False
        self.plan.directory.add_listed(found)
        return True

    # Performance framework written as lines

    def _indicator_group(self, text: str) -> bool:
        if _INDICATOR_GROUP.match(text.strip()):
            self.state.indicator_section = None
            return True
        return False

    def _indicator_line(self, text: str, where: str) -> None:
        if self._open_from_text(text, where) or self._indicator_group(text):
            return
        name = flat(text)
        if len(name.split()) > _MAX_INDICATOR_WORDS:
            self._left_out(text, where)
            return
        indicator: dict[str, object] = {"name": name}
        name_and_items = _listed_breakdown(name)
        if name_and_items:
            # "Waiting times • Paediatrics • SALT": the list breaks the indicator down.
            indicator = {"name": name_and_items[0], "definition": "\n".join(name_and_items[1])}
        section = self.state.indicator_section
        if section is not None and section.ref:
            indicator["section"] = section.ref
        self.plan.indicators.append(indicator)

    # Status keys

    def _legend_text(self, text: str, where: str) -> bool:
        if _LEGEND_INTRO.match(text.strip()):
            self.state.legend_where = self.state.legend_where or where
            return True
        line = statuses.legend_line(text)
        if line:
            self.state.legend_lines.append(line)
            self.state.legend_where = self.state.legend_where or where
            return True
        scale = statuses.legend_in(text) or statuses.code_legend(text)
        if scale and (key := statuses.without_arrow_legend(text)) != text:
            self.plan.note(
                where,
                f"Read the key up to its legend of arrows ('{text[len(key) :].strip(' .;,')}'):"
                " the arrows show which way each action is going, not a rating.",
                rule=rules.ARROW_LEGEND_APART,
            )
        marks = None if scale else statuses.mark_legend(text)
        if marks:
            self.plan.add_scale(marks, where)
            self.plan.note(
                where,
                "Read a key of marks: "
                + ", ".join(f"{status.code} {status.label}" for status in marks)
                + "; each mark in a rating cell is that rating.",
                rule=rules.MARK_KEY,
            )
            return True
        sentence = None if scale else statuses.sentence_legend(text)
        if sentence:
            self.plan.add_scale(sentence, where)
            self.plan.note(
                where,
                "Read a key written as a sentence: "
                + ", ".join(f"{status.code} {status.label}" for status in sentence)
                + "; each is a rating of the plan's scale.",
                rule=rules.SENTENCE_KEY,
            )
            return True
        scale = scale or (statuses.word_legend(text) if len(text) < 300 else None)
        if scale:
            self.plan.add_scale(scale, where)
            return True
        return False

    def _read_legend(self, text: str, where: str) -> None:
        """A status key written whole in one place, such as inside a heading cell."""
        if not self._legend_text(text, where):
            for line in text.split("\n"):
                self._legend_text(line, where)
        self._flush_legend(None)

    def _flush_legend(self, block: Block | None) -> None:
        """A key written a colour to a line ends at the first line that is not part of it."""
        if not self.state.legend_lines:
            return
        if isinstance(block, Heading | Paragraph) and statuses.legend_line(block.text):
            return
        lines = self.state.legend_lines
        scale: list[statuses.Status] | None = self._coded_key()
        if scale is None and all(colour for colour, _ in lines):
            scale = statuses.scale_from_lines(lines)
        elif scale is None and not any(colour for colour, _ in lines):
            scale = statuses.ranked_scale([label for _, label in lines])
            if scale and all(re.search(r"[a-z]{2}", status.label) for status in scale):
                # "Achieved | Delivered and signed off": a key of the plan's own words, with no
                # letters or colours; the cells hold those words, so each is its own code.
                meanings = self.state.legend_meanings
                for status in scale:
                    status.code = status.label
                    if meanings and status.code in meanings:
                        # "Delayed | Behind plan with a new date agreed": the cells hold the
                        # word; the key's second column says what it means.
                        status.label = meanings[status.code]
                self.plan.note(
                    self.state.legend_where,
                    "Read a key of the plan's own rating words ("
                    + ", ".join(status.code for status in scale)
                    + "); each word is kept as its own rating, coloured by its place in the key"
                    + (", with what the key says it means." if meanings else "."),
                    rule=rules.KEY_WORDS_KEPT,
                )
        elif scale is None:
            scale = statuses.scale_from_lines([line for line in lines if line[0]])
        marks = self.state.legend_marks
        if scale and marks and all(status.label in marks for status in scale):
            # "✔ | Complete": the cells hold the marks, so each rating's code is its mark.
            for status in scale:
                status.code = marks[status.label]
        if scale:
            self.plan.add_scale(scale, self.state.legend_where)
        self.state.legend_lines = []
        self.state.legend_marks = {}
        self.state.legend_meanings = {}
        self.state.legend_where = ""

    # Tables

    def _end_table(self) -> None:
        if self.state.reader is not None:
            self.state.reader.finish()
        self.state.table = None
        self.state.reader = None
        self.state.actions = None
        self.state.label = None

    def _table(self, block: Table) -> None:
        self.state.title_open = False
        self._subtitle_next = False
        self._close_scrambled()
        self._end_prose()
        rows = _card_as_row(block) or block.rows
        if rows is not block.rows and not self._record_tables_noted and _coded_card(block):
            self._record_tables_noted = True
            self.plan.note(
                block.where,
                "Read each small table of labels and values as one action, the label over its "
                "code as the action's ref.",
                rule=rules.RECORD_TABLES,
            )
        if not self.layout.tables and _risk_register(rows):
            # A highlight report's table of risks, their owners and ratings: risks are no
            # actions, nor more of the table of actions above (rule `risk-tables`).
            self._end_table()
            self.plan.note(
                block.where,
                "Left this table of risks out: risks, their owners and ratings are no actions. "
                "If its rows are actions, say which column holds them on the check page.",
                rule=rules.RISK_TABLES,
            )
            self._unread_table(rows)
            return
        read_before = len(self.tables)
        continued = self.state.actions
        if continued is not None and continued.columns.origin and not block.origin:
            # A table of the file's own does not carry on a list read from its lines.
            self.plan.note(
                block.where,
                "Did not read this table as more of the list of actions above it: a list has "
                "no heading row a table of the file could share.",
                rule=rules.NO_COLUMNS_FROM_A_LIST,
            )
            self._end_table()
            continued = None
        chosen = self._chosen_header(rows)
        index = 0
        if continued is not None:
            continued.start_block(rows)
        elif chosen is None and not block.headed:
            self._headerless(rows, made=bool(block.origin))
        while index < len(rows):
            row = rows[index]
            if row.is_blank():
                index += 1
                continue
            filled = [cell for cell in row.cells if cell.strip()]
            if len(filled) == 1 and dates.names_period(filled[0]):
                # A sheet's line over its table ("Quarter 3 2024/25"), as a page's would be.
                self.plan.page_period = squash(filled[0])
            elif len(filled) == 1 and index < _REPORT_LINES and self.plan.report_period is None:
                # A sheet's line near its top saying when it reports ("As at 30 April 2026"),
                # as a page's line would: it dates a lone rating column that names no period.
                month = dates.report_month(filled[0])
                if month is not None:
                    self.plan.report_period = (*month, row.where)
            below = rows[index + 1].cells if index + 1 < len(rows) else None
            trusted = block.headed and index == 0
            header = cols.read_header(row.cells, below, _window(rows, index + 1), trusted=trusted)
            if header is not None and trusted:
                header.origin = block.origin
            if chosen is not None and chosen[0] == index:
                header = self._with_choice(chosen[1], header, rows, index)
                chosen = None
            if header is not None:
                self.state.title_open = False
                self._read_table(header, rows, index)
                self._start_table(header, row, rows[index + header.rows_used :])
                index += header.rows_used
                continue
            caption = self._caption_over_table(rows, index)
            if caption is not None:
                # A lone line just above another table's heading row names that table: it is
                # not more of the last action (rule `caption-over-table`).
                self._end_table()
                if self._caption_section(row, caption):
                    index += 1
                    continue
            under = self._header_below(rows, index) if _short_cells(row) else None
            if under is not None and cols.is_group_row(row.cells, under):
                # Headings over groups of the columns below: they only name the groups.
                cols.complete_periods(under, row.cells)
                self._read_table(under, rows, index + 1)
                self._start_table(under, rows[index + 1], rows[index + 1 + under.rows_used :])
                index += 1 + under.rows_used
                continue
            if not self._row(row):
                self._unplaced(row)
            index += 1
        if len(self.tables) == read_before and continued is None:
            self._unread_table(rows)

    # Tables as read, and a person's choices for them

    def _chosen_header(self, rows: list[Row]) -> tuple[int, layout.TableChoice] | None:
        """Where a table a person mapped on the check page has its heading row (or 0, with
        none), and their choices for it."""
        if not self.layout.tables:
            return None
        for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
            choice = self.layout.tables.get(layout.signature(row.cells))
            if choice is not None and choice.header_row is not None:
                return index, choice
        width = max((len(row.cells) for row in rows), default=0)
        choice = self.layout.tables.get(layout.headless_signature(width))
        return (0, choice) if choice is not None and choice.header_row is None else None

    def _with_choice(
        self, choice: layout.TableChoice, header: Columns | None, rows: list[Row], index: int
    ) -> Columns:
        width = max(len(row.cells) for row in rows)
        if header is None or choice.header_row is None:
            cells = rows[index].cells if choice.header_row is not None else []
            return layout.chosen_columns(choice, cells, width)
        return layout.apply(choice, header)

    def _read_table(self, header: Columns, rows: list[Row], index: int) -> None:
        """Note how a table was read, for the check page."""
        no_headings = header.rows_used == 0
        if not no_headings:
            choice = self.layout.tables.get(layout.signature(rows[index].cells))
            if choice is not None and choice.header_row is not None:
                layout.apply(choice, header)
        self.tables.append(
            layout.reading(
                key=f"{self.block_key}.{index}",
                rows=rows[index:],
                header_row=None if no_headings else 0,
                columns=header,
                from_layout=any(
                    code == rules.LAYOUT_CHOICE.code for code, _ in header.basis.values()
                ),
            )
        )

    def _unread_table(self, rows: list[Row]) -> None:
        """A table that held nothing the interpreter could read: shown on the check page, so a
        person can say what its columns hold."""
        filled = [i for i, row in enumerate(rows) if not row.is_blank()]
        if len(filled) < _MIN_ROWS_TO_MAP or max(len(rows[i].filled()) for i in filled) < 2:
            return
        self.tables.append(
            layout.reading(
                key=f"{self.block_key}.{filled[0]}",
                rows=rows[filled[0] :],
                header_row=0,
                columns=None,
                from_layout=False,
            )
        )

    @staticmethod
    def _header_below(rows: list[Row], index: int) -> Columns | None:
        if index + 1 >= len(rows):
            return None
        after = rows[index + 2].cells if index + 2 < len(rows) else None
        return cols.read_header(rows[index + 1].cells, after, _window(rows, index + 2))

    def _headerless(self, rows: list[Row], *, made: bool = True) -> None:
        """A table of actions with no heading row at all is read by what its cells hold.
        `made` is False for a table the file itself holds, not one made from its lines."""
        for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
            below = rows[index + 1].cells if index + 1 < len(rows) else None
            if cols.read_header(row.cells, below, _window(rows, index + 1)) is not None:
                return
        header = self._same_columns(rows, made=made) or cols.headerless(rows)
        if header is not None:
            self._read_table(header, rows, 0)
            self._start_table(header, rows[0], rows)

    def _same_columns(self, rows: list[Row], *, made: bool = True) -> Columns | None:
        """The columns of the last table of actions, for rows without a heading row that
        follow a new heading ("Outcome 1.2" between two runs of rows, the headings given once
        at the top): every row as wide as that table, each opening with a ref where it had
        refs. Not a table of the file's own after a table made from its lines (a list of
        bullets): that list's headings were never written, so no table of the file can have
        been given them once at the top (rule `no-columns-from-a-list`)."""
        header = self.action_header
        data = [row for row in rows if not row.is_blank()]
        if header is None or not data:
            return None
        if not made and header.origin:
            self.plan.note(
                rows[0].where,
                "Did not read this table with the columns of the list of actions above it: a "
                "list has no heading row a table of the file could share.",
                rule=rules.NO_COLUMNS_FROM_A_LIST,
            )
            return None
        width = len(header.headings)
        ref = header.first(cols.Col.REF)
        for row in data:
            if len(row.cells) != width:
                return None
            if ref is not None and values.read_ref(flat(row.cells[ref])) is None:
                return None
        return replace(header, rows_used=0, legends=[])

    def _caption_over_table(self, rows: list[Row], index: int) -> Columns | None:
        """The heading row of another table, right under a row of one cell."""
        if len(rows[index].filled()) != 1:
            return None
        return self._header_below(rows, index)

    def _caption_section(self, row: Row, below: Columns) -> bool:
        """ "Table 3: Short breaks" over a table of actions names the part of the plan the
        table holds, where no heading has named it since the last actions: that part, its
        number the ref. A caption a heading or level word already reads is left to them."""
        first = flat(row.filled()[0])
        if below.kind is not Kind.ACTIONS or values.section_heading(first) is not None:
            return False
        match = _TABLE_CAPTION.match(" ".join(first.split()))
        current = self.state.section
        if match is None or (current is not None and not current.actions):
            return False
        self._open_section(
            level=match.group("level").title(),
            ref=match.group("ref"),
            title=match.group("title").strip(),
            where=row.where,
            rule=rules.CAPTION_OVER_TABLE,
        )
        self.plan.note(
            row.where,
            f"Read '{first[:60]}' as the name of the part of the plan in the table under it.",
            rule=rules.CAPTION_OVER_TABLE,
        )
        return True

    def _note_actions_beside_lead(self, header: Columns, row: Row) -> None:
        title = header.first(cols.Col.TITLE)
        if title is None or header.basis.get(title, ("", 0.0))[0] != rules.ACTIONS_BESIDE_LEAD.code:
            return
        lead = header.first(cols.Col.LEAD)
        named = header.headings[lead] if lead is not None and lead < len(header.headings) else ""
        self.plan.note(
            row.where,
            f"Read the column '{header.headings[title]}' as the actions: its cells are long "
            f"sentences, beside '{named}' naming who does each, and no other column is headed "
            "as the actions.",
            rule=rules.ACTIONS_BESIDE_LEAD,
        )

    def _start_table(self, header: Columns, row: Row, following: list[Row]) -> None:
        self._flush_legend(None)
        for legend in header.legends:
            self._read_legend(legend, row.where)
        bracketed = [flat(c) for c in row.cells if _BRACKETED_KEY.search(flat(c))]
        if header.legends and bracketed:
            self.plan.note(
                row.where,
                f"Read the key in brackets in the heading '{bracketed[0]}' as the plan's "
                "status key.",
                rule=rules.HEADING_LEGEND,
            )
        self._note_actions_beside_lead(header, row)
        self._numbered_section(header, following)
        self._caption_named(header, row)
        repeated = self.state.table is not None and self.state.table.same_as(header)
        if repeated and self.state.actions is not None:
            self.state.actions.repeated_header()
            self.state.actions.start_block(following)
            return
        if repeated:
            return
        previous = self.state.actions
        self._end_table()
        self.state.table = header
        self.state.label = None
        kind = header.kind
        if kind is Kind.ACTIONS:
            if header.rows_used:
                self.action_header = header
            self.action_headings = [heading for heading in header.headings if heading]
            section_column = header.first(cols.Col.SECTION)
            self.action_level = (
                flat(header.headings[section_column]) if section_column is not None else None
            )
            title_column = header.first(cols.Col.TITLE)
            self.action_section_first = (
                section_column is not None
                and title_column is not None
                and section_column < title_column
            )
            for index, period in header.periods.items():
                known = period.label in self.plan.periods
                self.plan.add_period(period.label, period.ends_on)
                if header.basis.get(index, ("", 0.0))[0] == rules.PERIOD_BAND.code and not known:
                    self.plan.note(
                        row.where,
                        f"The column '{period.label}' is read as a period of ratings under the "
                        "heading written over it.",
                        rule=rules.PERIOD_BAND,
                    )
                if period.ends_on is None and not known:
                    self.plan.note(
                        row.where,
                        f"The '{period.label}' column names a period without its year; give "
                        "that period its date before saving.",
                        rule=rules.PERIOD_WITHOUT_YEAR,
                    )
        reader = kinds.KINDS[kind](
            kinds.Opening(
                plan=self.plan,
                header=header,
                where=row.where,
                section=lambda: self.state.section,
                sublevel=self.state.sublevel,
                previous=previous,
                legend=self._key_line,
                rows=following,
            )
        )
        self.state.reader = reader
        self.state.actions = reader if isinstance(reader, ActionTable) else None

    def _key_line(self, line: tuple[str, str, str, str], where: str) -> None:
        """A line of a status key laid out as a table: (colour, rating, mark, meaning)."""
        colour, rating, mark, meaning = line
        if statuses.only_arrows(rating) and not colour:
            # "↑ | Improving": a key to the direction of travel, not to the ratings.
            if not self.plan.direction_key:
                self.plan.note(
                    where,
                    "Read the key of arrows as what each direction of travel means, not as a "
                    "key to the ratings.",
                    rule=rules.DIRECTION_KEY,
                )
            self.plan.direction_key[" ".join(rating.split())] = meaning
            return
        self.state.legend_lines.append((colour, rating))
        if mark:
            self.state.legend_marks[" ".join(rating.split())] = mark
        if meaning:
            self.state.legend_meanings[" ".join(rating.split())] = meaning
        self.state.legend_where = self.state.legend_where or where

    def _row(self, row: Row) -> bool:
        if self.state.reader is not None and self.state.reader.claims_every_row:
            return self.state.reader.feed(row)
        filled = row.filled()
        if len(filled) > 1:
            # Only a line right under the title can carry it on.
            self.state.title_open = False
        first = flat(filled[0])
        heading = values.section_heading(first)
        bare = values.bare_level(first)
        if bare is not None and bare[1] and len(filled) == 2:
            # "Priority 1: | Effectiveness of leadership": the level in one cell, the title in
            # the next.
            self._open_section(level=bare[0], ref=bare[1], title=flat(filled[1]), where=row.where)
            return True
        if heading and all(self._legend_text(flat(c), row.where) for c in filled[1:]):
            # A theme row inside a table: the table's columns still hold for the rows below.
            self._open_section(
                level=heading.level, ref=heading.ref, title=heading.title, where=row.where
            )
            return True
        if len(filled) == 1 and self._legend_text(first, row.where):
            return True
        worded = _worded_section_row(first) if len(filled) == 1 and self.state.table else None
        if worded is not None:
            # "Standard 1: Referrals" across a table of actions, in a word the plan chose for
            # its levels: a section of that level.
            current = self.state.section
            # "Recommendation 1" straight under "Standard 1", in a level not seen before: the
            # plan's next level down.
            nest = (
                current
                if current is not None
                and current.rule == rules.WORDED_SECTION_ROW.code
                and current.level != worded[0]
                and not current.actions
                and not any(s.level == worded[0] for s in self.plan.all_sections())
                else None
            )
            self._open_section(
                level=worded[0],
                ref=worded[1],
                title=worded[2],
                where=row.where,
                rule=rules.WORDED_SECTION_ROW,
                nest_in=nest,
            )
            self.plan.note(
                row.where,
                f"Read '{first[:60]}' as a section: a {worded[0].lower()} of the plan.",
                rule=rules.WORDED_SECTION_ROW,
            )
            return True
        if len(filled) == 2 and _KEY_HEADINGS.match(f"{first}|{flat(filled[1])}"):
            # "Colour | Meaning" over a key laid out as a small table.
            return True
        shaded = [colour for colour in row.fills if colour]
        if len(filled) == 1 and self.state.table is None and len(shaded) == 1:
            # A key laid out as a small table whose colours are only shaded cells.
            return self._legend_text(f"{shaded[0].title()}: {first}", row.where)
        if self.state.table is None and self._key_across_row(row):
            return True
        if self.state.table is None and self._key_entries_across_row(filled, row):
            return True
        if self.state.table is None and self._coded_key_row(filled, row):
            return True
        if len(filled) == 2 and statuses.legend_line(f"{first}: {flat(filled[1])}"):
            # A key laid out as a small table: "Green | On track".
            return self._legend_text(f"{first}: {flat(filled[1])}", row.where)
        if self._label_row(row):
            return True
        if self._number_title_row(filled, row):
            return True
        if self._officer_row(filled):
            return True
        if self._in_table(row):
            return True
        if self.state.label is not None and self._label_continues(row):
            return True
        if len(filled) == 1 and self.state.table is None:
            self._paragraph(Paragraph(text=filled[0], where=row.where))
            return True
        return False

    def _key_across_row(self, row: Row) -> bool:
        """ "Key: | Complete | On track | At risk | Off track", each rating's cell shaded its
        colour: a key laid across one row, read as the same words with their colours. Only
        where three or more cells hold a few words and are shaded, each a different colour,
        and nothing else is in the row but a short label before them."""
        entries = [
            (colour, flat(cell))
            for cell, colour in zip(row.cells, row.word_fills, strict=False)
            if cell.strip() and colour
        ]
        shaded = {i for i, colour in enumerate(row.word_fills) if colour}
        plain = [flat(cell) for i, cell in enumerate(row.cells) if cell.strip() and i not in shaded]
        if len(entries) < 3 or len({colour for colour, _ in entries}) != len(entries):
            return False
        if any(len(words.split()) > _MAX_KEY_CELL_WORDS for _, words in entries):
            return False
        first = next(i for i, cell in enumerate(row.cells) if cell.strip())
        if plain and (len(plain) > 1 or first in shaded or len(plain[0].split()) > 3):
            return False
        text = " ".join(f"{colour.title()}: {words}" for colour, words in entries)
        scale = statuses.legend_in(text)
        if not scale:
            return False
        how = "each rating's words in a cell shaded its colour"
        return self._key_across(scale, row, how, rules.KEY_ACROSS_ROW, named_by="colour")

    def _coded_key_row(self, filled: list[str], row: Row) -> bool:
        """A key laid out a row a rating, each row a code and its meaning: numbered ("1 | Not
        started", "2 | Behind", ..., the first 1 and each next one more) or marked ("● |
        Complete", "◑ | In progress", each mark different), under a key's name ("Key", "Key to
        progress") or with the code's cell shaded its colour. The plan's cells hold the codes."""
        if len(filled) != 2:
            return False
        code, label = flat(filled[0]).rstrip(".)") or flat(filled[0]), flat(filled[1])
        if not re.match(r"[A-Za-z]", label) or len(label.split()) > _MAX_KEY_CELL_WORDS:
            return False
        numbered = re.fullmatch(r"[1-9]", code) is not None
        if not numbered and not statuses.rating_mark(code):
            return False
        coded = [mark for mark in self.state.legend_marks.values() if mark.isdigit() == numbered]
        at = next(i for i, cell in enumerate(row.cells) if cell.strip())
        colour = row.fill(at) or (row.word_fills[at] if at < len(row.word_fills) else "")
        if coded:
            if (int(code) != int(coded[-1]) + 1) if numbered else code in coded:
                return False
        elif (numbered and code != "1") or not (self.state.legend_where or colour):
            return False
        self.state.legend_lines.append((colour, label))
        self.state.legend_marks[" ".join(label.split())] = code
        self.state.legend_where = self.state.legend_where or row.where
        return True

    def _coded_key(self) -> list[statuses.Status] | None:
        """The key `_coded_key_row` gathered, when it has three ratings or more: numbered 1, 2,
        3 ... in order, or each a different mark."""
        marks = self.state.legend_marks
        lines = self.state.legend_lines
        codes = [marks.get(" ".join(label.split()), "") for _, label in lines]
        numbered = codes == [str(n) for n in range(1, len(lines) + 1)]
        marked = all(statuses.rating_mark(code) for code in codes) and len(set(codes)) == len(codes)
        if len(lines) < 3 or not (numbered or marked):
            return None
        scale = [
            statuses.Status(code, label, colour or None)
            for code, (colour, label) in zip(codes, lines, strict=True)
        ]
        kind = "numbered key" if numbered else "key of marks"
        self.plan.note(
            self.state.legend_where,
            f"Read a {kind} laid out a row a rating: "
            + ", ".join(f"{status.code} {status.label}" for status in scale)
            + f"; each {'number' if numbered else 'mark'} in a rating cell is that rating.",
            rule=rules.NUMBERED_KEY_ROWS if numbered else rules.MARK_KEY_ROWS,
        )
        return scale

    def _key_entries_across_row(self, filled: list[str], row: Row) -> bool:
        """ "B = complete | G = on track | A = at risk | R = off track": a key laid across one
        row, each cell one rating and its meaning, perhaps after a short label ("Key:"); read
        as the same entries written in a line. Only where every cell but the label gives
        exactly one entry."""
        cells = [flat(cell) for cell in filled]
        label = cells[0] if cells and _LEGEND_INTRO.match(cells[0]) else ""
        entries = cells[1:] if label else cells
        if len(entries) < 3 or any(len(cell.split()) > _MAX_KEY_CELL_WORDS for cell in entries):
            return False
        text = f"{label} " + "; ".join(entries)
        scale = statuses.code_legend(text.strip()) or statuses.legend_in(text)
        if not scale or len(scale) != len(entries):
            return False
        how = "each rating with its meaning in a cell of its own"
        return self._key_across(scale, row, how, rules.KEY_ENTRIES_ACROSS_ROW, named_by="code")

    def _key_across(
        self, scale: list[statuses.Status], row: Row, how: str, rule: rules.Rule, *, named_by: str
    ) -> bool:
        """Keep a key read from one row, and say how it was laid out: each rating named by its
        colour or its code, with its meaning."""
        self.plan.add_scale(scale, row.where)
        shown = ", ".join(f"{getattr(status, named_by)} {status.label}" for status in scale)
        self.plan.note(row.where, f"Read a key laid across one row, {how}: {shown}.", rule=rule)
        return True

    def _officer_row(self, filled: list[str]) -> bool:
        """ "LT | Laura Tennant, Early Years Manager": a key to the leads' initials laid out as
        two columns, under or after a table of actions that names them by their initials."""
        if len(filled) != 2 or not people.is_initials(flat(filled[0])):
            return False
        if self.state.table is not None and self.state.table.kind is Kind.GLOSSARY:
            # "APP | Accelerated Progress Plan": an acronym and its words, not a person.
            return False
        return self._officer_line(f"{flat(filled[0])} – {flat(filled[1])}")

    def _number_title_row(self, filled: list[str], row: Row) -> bool:
        """ "3 | Preparing for adulthood" outside a table of actions: a theme, numbered, with
        whatever table follows (often its outcomes) under it."""
        table = self.state.table
        if len(filled) != 2 or (table is not None and table.kind is Kind.ACTIONS):
            return False
        number = re.fullmatch(r"(\d{1,2})\.?", flat(filled[0]))
        title = flat(filled[1])
        if number is None or not title[:1].isupper() or len(title.split()) > _MAX_SUBTITLE_WORDS:
            return False
        self._end_table()
        self._open_section(
            level=_NUMBERED_LEVEL,
            ref=number.group(1),
            title=title,
            where=row.where,
            rule=rules.NUMBER_TITLE_ROW,
        )
        return True

    def _in_table(self, row: Row) -> bool:
        return self.state.reader is not None and self.state.reader.feed(row)

    def _unplaced(self, row: Row) -> None:
        text = " | ".join(flat(cell) for cell in row.filled())
        section = self.state.section
        if section is not None and section.outcomes:
            # A table nested in an outcomes cell, printed again as rows of its own.
            words = " ".join(comparable(cell) for cell in row.filled())
            if words and words in comparable(section.outcomes):
                return
        self.plan.note(
            row.where, f"Could not place this row: '{text[:120]}'", rule=rules.ROW_UNPLACED
        )

    # Labelled rows in a theme's header ("Theme Owner: ...", "Key milestones ...")

    def _label_row(self, row: Row) -> bool:
        filled_at = [i for i, cell in enumerate(row.cells) if cell.strip()]
        if not filled_at or filled_at[0] > 1:
            return False
        label = cols.normalise(row.cells[filled_at[0]])
        kind = _LABELS.get(label)
        if kind is None:
            return False
        rest = _without_echoes([row.cells[i] for i in filled_at[1:]])
        if not rest and kind != "milestones":
            return False
        self._end_table()
        self.state.label = kind
        self.state.label_section = self.state.section
        self._labelled(kind, rest, row)
        return True

    def _label_continues(self, row: Row) -> bool:
        kind = self.state.label
        if kind is None:
            return False
        first = row.cells[0].strip() if row.cells else ""
        if first and not (kind == "milestones" and dates.read_leading_date(first)):
            return False
        rest = _without_echoes(row.filled())
        if not rest:
            return True
        self._labelled(kind, rest, row, continuing=True)
        return True

    def _labelled(self, kind: str, cells: list[str], row: Row, *, continuing: bool = False) -> None:
        section = self.state.label_section
        text = "\n".join(cells)
        if kind == "vision":
            self.plan.vision = self.plan.vision or flat(text)
            return
        if kind == "governance":
            self.plan.governance = self.plan.governance or flat(text)
            return
        if section is None:
            self.plan.note(
                row.where,
                f"Found '{flat(text)[:60]}' before any theme or priority; not placed.",
                rule=rules.LABEL_BEFORE_SECTION,
            )
            return
        if kind == "outcomes":
            section.outcomes = _append(section.outcomes if continuing else "", flat(text))
        elif kind == "owner":
            section.owner_text = _append(section.owner_text, text.replace("\n", " / "))
        elif kind == "concern":
            ref = self.plan.weakness_ref_for(flat(text), row.where)
            if ref and ref not in section.weaknesses:
                section.weaknesses.append(ref)
        elif kind == "priorities":
            self._priorities(section, text, row)
        elif kind == "milestones":
            self._milestones(section, cells)

    def _priorities(self, section: Section, text: str, row: Row) -> None:
        """ "2.1 Establish ... 2.2 Develop ..." in one cell: a sub-section for each ref."""
        if self.state.sublevel is None:
            self.state.sublevel = _singular(flat(next(c for c in row.cells if c.strip())))
        prefix = re.escape(section.ref) + r"\." if section.ref else r"\d{1,2}\."
        pattern = re.compile(rf"(?:^|(?<=\s))({prefix}\d{{1,2}})\s+(?=\S)")
        marks = list(pattern.finditer(text))
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
            ref, title = mark.group(1), flat(text[mark.end() : end])
            if ref not in self.plan.sections_by_ref and title:
                self.plan.add_section(
                    title=title, level=self.state.sublevel, ref=ref, parent=section
                ).from_list = True
        if not marks:
            self.plan.note(
                row.where,
                f"Could not find refs in the priorities of {section.describe()}; not placed.",
                rule=rules.PRIORITIES_WITHOUT_REFS,
            )

    def _milestones(self, section: Section, cells: list[str]) -> None:
        """Milestone cells come as "March 18" then its text, as "March 18 Implement ...", or as
        a small table pasted into the cell (a line per date, cells split by tabs)."""
        pending_date = ""
        for cell in cells:
            lines = cell.split("\n")
            if any("\t" in line for line in lines):
                chunks = [part for line in lines for part in line.split("\t") if part.strip()]
            else:
                chunks = [cell]
            for chunk in chunks:
                pending_date = self._milestone_chunk(section, chunk.strip(), pending_date)

    def _milestone_chunk(self, section: Section, chunk: str, pending_date: str) -> str:
        if dates.read_period(chunk):
            return chunk
        found = dates.read_leading_date(chunk)
        if found and found.start == 0 and not pending_date:
            tables.milestones_from(self.plan, section, chunk[: found.end], chunk[found.end :])
            return ""
        if pending_date:
            tables.milestones_from(self.plan, section, pending_date, chunk)
            return ""
        # Words carried over from the row above belong to its date, and to its families part.
        last = section.milestones[-1] if section.milestones else {}
        tables.milestones_from(
            self.plan,
            section,
            last.get("due_text", ""),
            chunk,
            families=bool(last.get("for_families")),
        )
        return ""

    # Facts from the title

    def _guess_title_facts(self) -> None:
        title = self.plan.title or ""
        for kind, pattern in _KINDS.items():
            if pattern.search(title) or (self.subtitle and pattern.search(self.subtitle)):
                self.plan.kind = kind
                break
        else:
            self.plan.kind = "other" if title else None
        area = _AREA.match(title)
        # "The Leicestershire SEND …", "Our SEND strategies": words that open a title, not
        # the area's name.
        name = _NOT_AN_AREA.sub("", area.group("area").strip()) if area else ""
        if name and name.upper() != "SEND":
            self.plan.area = name
        if self.plan.issued_on is None:
            found = dates.find_dates(title)
            if found:
                self.plan.issued_on = found[-1].iso


def _listed_breakdown(text: str) -> tuple[str, list[str]] | None:
    """ "Name • item • item" or "Name a) item b) item": the name, and the items."""
    parts = text.split("•") if "•" in text else split_lettered(text)
    head, *items = (part.strip() for part in parts)
    items = [item for item in items if item]
    if not head or re.match(r"[a-h]\)", head) or len(items) < 2:
        return None
    return head, items


_MIN_CARD_LABELS = 3


_NUMBERED_LABEL = re.compile(
    r"^(?P<label>action|objective|task|milestone|deliverable)\s*(?:no\.?|number|ref\.?)?\s*"
    r"(?P<ref>\d{1,2}(?:\.\d{1,3}){0,3}[A-Za-z]?)\s*:?$",
    re.I,
)


def _coded_card(block: Table) -> bool:
    """Whether a card read as a row took a label no heading knows as its ref's."""
    return any(
        not cols.heading_roles(label := flat(row.cells[0])) and not _NUMBERED_LABEL.match(label)
        for row in block.rows
        if not row.is_blank()
    )


def _card_as_row(block: Table) -> list[Row] | None:
    """An action laid out as a card, a label and its value to a row ("Action | Agree the
    charter", "Lead officer | Karen Moss", "RAG | Green"), as a heading row and one row.

    Only a two-column table whose labels read as an action table's headings, one of them
    the action's, is a card; consecutive cards read as one table."""
    rows = [row for row in block.rows if not row.is_blank()]
    if len(rows) < _MIN_CARD_LABELS:
        return None
    labels: list[str] = []
    cells: list[str] = []
    fills: list[str] = []
    for row in rows:
        filled = [i for i, cell in enumerate(row.cells) if cell.strip()]
        if filled[0] != 0 or len(filled) > 2:
            return None
        label = flat(row.cells[0])
        numbered = _NUMBERED_LABEL.match(label)
        if numbered and "Ref" not in labels:
            # "Action 1.1 | Map the process": the action's label carries its ref.
            labels.append("Ref")
            cells.append(numbered.group("ref"))
            fills.append("")
            label = numbered.group("label")
        if not cols.heading_roles(label):
            ref = values.read_ref(flat(row.cells[filled[1]])) if len(filled) == 2 else None
            if ref is None or "Ref" in labels:
                return None
            # "Action code | N1.2": a label no heading knows over a ref is the card's ref
            # (rule `record-tables`, as a performance system prints a record).
            label = "Ref"
        value = (
            filled[1]
            if len(filled) == 2
            else next((i for i in range(1, len(row.cells)) if row.fill(i)), None)
        )
        labels.append(label)
        cells.append(row.cells[value] if value is not None else "")
        fills.append(row.fill(value) if value is not None else "")
    header = cols.read_header(labels)
    if header is None or header.kind is not Kind.ACTIONS or not header.has(cols.Col.TITLE):
        return None
    where = rows[0].where
    return [Row(cells=labels, where=where), Row(cells=cells, where=where, fills=fills)]


# "RAG (G = on track, A = some slippage, R = off track)": a key in brackets in a heading.
_BRACKETED_KEY = re.compile(r"\(\s*[A-Z]\s*[=:–-]\s*\w[^)]*\)")


def _short_cells(row: Row) -> bool:
    """Whether a row could be headings over groups of columns: short cells, one at least
    a heading or a year, none a label ("Theme owner:"), a theme or a key."""
    filled = [flat(cell) for cell in row.filled()]
    # One heading with a year over columns to the right ("RAG 2025/26" over "Q1 | Q2 | Q3"):
    # a band over the periods (period-band).
    band = len(filled) == 1 and bool(row.cells) and not row.cells[0].strip()
    if (len(filled) < 2 and not band) or any(len(cell.split()) > 6 for cell in filled):
        return False
    if band and not re.search(r"\b(?:19|20)\d\d\b", filled[0]):
        return False
    if any(cols.normalise(cell) in _LABELS or values.section_heading(cell) for cell in filled):
        return False
    if any(statuses.legend_line(cell) or statuses.colour_word(cell) for cell in filled):
        return False
    return any(cols.heading_roles(cell) or re.search(r"\b(?:19|20)\d\d\b", cell) for cell in filled)


# How many rows under a possible heading row are looked at to tell what its columns hold.
_LOOK_BELOW = 60


# The first heading of a register of risks or issues: "Risk", "Key risks", "Risk description",
# "Risks and issues", "Issue".
_RISK_HEAD = re.compile(
    r"^(?:key |top |main )?(?:risks?|issues?)(?: (?:and|&|/) (?:risks?|issues?))?"
    r"(?: description| title)?$"
)


def _risk_register(rows: list[Row]) -> bool:
    """Whether a table is a register of risks: its first row headings, the first a risk's or
    an issue's, none naming an action column."""
    first = next((row for row in rows if not row.is_blank()), None)
    if first is None:
        return False
    filled = [flat(cell) for cell in first.filled()]
    if len(filled) < 2 or not _RISK_HEAD.match(cols.normalise(filled[0])):
        return False
    if any(len(cell.split()) > 4 for cell in filled):
        return False
    return not any(
        cols.Col.TITLE in cols.heading_roles(cell, fuzzy=False)
        or cols.Col.TITLE in cols.word_roles(cell)
        for cell in filled
    )


def _window(rows: list[Row], start: int) -> list[Row]:
    """The rows from `start` that tell what a table's columns hold: enough to judge by, few
    enough that a table of thousands of rows is not copied once a row."""
    return rows[start : start + _LOOK_BELOW]


def _bare_heading(section: Section) -> bool:
    """Whether a section's title is only its level and ref ("Priority 1")."""
    return comparable(section.title) == comparable(f"{section.level} {section.ref or ''}")


def _singular(label: str) -> str:
    """The level name a label gives its sections: "Strategic priorities" -> "Strategic priority"."""
    label = label.rstrip(":").strip()
    if label.lower().endswith("ies"):
        label = label[:-3] + "y"
    elif label.lower().endswith("s"):
        label = label[:-1]
    return label[0].upper() + label[1:]


def _append(existing: str, addition: str) -> str:
    if not existing:
        return addition
    if addition.lower() in existing.lower():
        return existing
    return f"{existing} {addition}"


def _without_echoes(cells: list[str]) -> list[str]:
    """Drop cells that repeat an earlier cell: PDF-to-text tools print a table nested in a
    cell twice, once inside the cell and again as cells of their own."""
    kept: list[str] = []
    seen = ""
    for cell in cells:
        words = " ".join(re.findall(r"[a-z0-9]+", cell.lower()))
        if not words:
            continue
        if words in seen:
            continue
        kept.append(cell.strip())
        seen += " " + words
    return kept


# A line under the title this short, naming the kind of plan, completes the title; a longer
# one ("SEND and Alternative Provision Priority Action Plan") is a subtitle.
_KIND_LINE_WORDS = 5
# How far into a table a heading row is looked for before it is read as having none.
_HEADER_SEARCH_ROWS = 6
# A table with fewer rows than this, none read, is not offered for mapping.
_MIN_ROWS_TO_MAP = 2
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z](?![\w'’-])")


def _lower_case_words(blocks: list[Block]) -> frozenset[str]:
    """Every word the document writes in lower case somewhere ("board", "key"): a capitalised
    one of these mid-sentence starts something new, where a name ("Ofsted") need not."""
    found: set[str] = set()
    for block in blocks:
        texts = (
            [cell for row in block.rows for cell in row.cells]
            if isinstance(block, Table)
            else [block.text]
        )
        for text in texts:
            found.update(_LOWER_WORD.findall(text))
    return frozenset(found)
