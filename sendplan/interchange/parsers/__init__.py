"""Importing existing plans from Word, Excel, PDF, CSV and pasted text.

`parse_file` and `parse_text` return a `sendplan.plan/1` document and a report of what
could not be placed, for a person to check before anything is saved. Reading happens in two
steps: a reader (see `readers`) turns the file into a stream of headings, paragraphs and
tables (`blocks`), and one interpreter (`interpret`) reads the plan out of that stream. The
blocks come back with the result, so that a person's corrections on the check page can be
applied by reading the same blocks again (`reread`), without the file.

Everything that reads untrusted input runs in a child process with a time and memory limit
(`sandbox`); the `_inprocess` variants are for tests and trusted callers.
"""

from __future__ import annotations

from pathlib import PurePath

from sendplan.interchange.parsers import (
    commitments,
    contents,
    deeds,
    flattened,
    rules,
    safety,
    sandbox,
)
from sendplan.interchange.parsers.blocks import Block, Source, Table, comparable
from sendplan.interchange.parsers.builder import PlanBuilder
from sendplan.interchange.parsers.errors import ParseError, ParseResult, ReportItem
from sendplan.interchange.parsers.interpret import Interpreter
from sendplan.interchange.parsers.layout import Layout, TableReading
from sendplan.interchange.parsers.readers import READERS, text_reader
from sendplan.lib.text import without_hidden_characters

__all__ = [
    "Layout",
    "ParseError",
    "ParseResult",
    "ReportItem",
    "Source",
    "TableReading",
    "parse_file",
    "parse_file_inprocess",
    "parse_pasted",
    "parse_text",
    "reread",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0
# Pasted text is held to the same size as an uploaded file.
DEFAULT_MAX_CHARS = DEFAULT_MAX_BYTES


def interpret(source: Source, choices: Layout | None = None) -> ParseResult:
    """The plan in blocks already read, with a person's choices for its tables, if any.

    A Word, PDF or Excel file whose tables give few or no actions is read as its words too,
    and the reading that finds more is kept (`flattened`)."""
    plan, interpreter = _read(source, source.blocks, choices)
    chosen = choices is not None and bool(choices.tables or choices.list_items)
    if not chosen and source.reader in flattened.READERS:
        plan, interpreter = _read_otherwise(source, plan, interpreter)
    if not chosen:
        plan, interpreter = _read_deeds(source, plan, interpreter)
    if not chosen and not _count_actions(plan):
        plan, interpreter = _read_commitments(source, plan, interpreter)
    if not any(section.actions for section in plan.all_sections()):
        plan.note("file", _no_actions(source, plan), rule=rules.NO_ACTIONS)
        for paragraph, headings in flattened.tables_in_paragraphs(source.blocks):
            plan.note(
                paragraph.where,
                "This paragraph holds a table's headings ("
                + ", ".join(f"'{heading}'" for heading in headings)
                + ") with its rows run together, so its cells could not be told apart. Paste "
                "the table with a tab between its cells (as copying it from Word or Excel "
                "gives), or upload the file itself.",
                rule=rules.RUN_TOGETHER_UNREAD,
            )
    # What a PDF's extraction or a damaged file leaves behind, such as NUL, is never meant.
    document = without_hidden_characters(plan.finish())
    if document["plan"]["title"] == "Imported plan" and source.fallback_title:
        document["plan"]["title"] = source.fallback_title
    return ParseResult(
        document=document,
        report=plan.report,
        source=source,
        tables=interpreter.tables,
        placements=plan.placements(),
    )


def _no_actions(source: Source, plan: PlanBuilder) -> str:
    """What to do when no action was found: point out its columns, or, for a plan without
    tables, have its lists read as its actions."""
    if any(isinstance(block, Table) for block in source.blocks):
        return (
            "No actions were found. If the plan has them, say which of its columns holds the "
            "actions (and which the refs, leads and dates) on the check page, and it will be "
            "read again."
        )
    opened = [section for section in plan.all_sections() if section.ref]
    found = (
        f"{len(opened)} priorities or themes were found with nothing under them. "
        if len(opened) >= 2
        else ""
    )
    return (
        f"No actions were found. {found}If the plan's actions are the items of its lists, or "
        "lines that each open with a priority and its number, ask on the check page for its "
        "lists to be read as actions, and it will be read again."
    )


def _read(
    source: Source, blocks: list[Block], choices: Layout | None
) -> tuple[PlanBuilder, Interpreter]:
    plan = PlanBuilder()
    plan.title = source.title
    for note in source.notes:
        # A reader's note may name the rule it followed: "[wrapped-lines] …".
        code, _, message = note.partition("] ")
        rule = rules.BY_CODE.get(code.lstrip("[")) if note.startswith("[") and message else None
        if rule is not None:
            plan.note("text", message, rule=rule)
        else:
            plan.note("file", note, rule=rules.FILE_CHECK)
    interpreter = Interpreter(plan, choices)
    interpreter.run(blocks)
    return plan, interpreter


def _read_otherwise(
    source: Source, plan: PlanBuilder, interpreter: Interpreter
) -> tuple[PlanBuilder, Interpreter]:
    """A file's blocks read another way when its tables gave few or no actions: with its
    tables laid out sideways turned, or as its words (`flattened`). The reading that finds
    the most actions is kept, if it finds clearly more."""
    found = _count_actions(plan)
    # The lines of a contents page are left out of the other readings too: as words, with
    # their tab turned to a space, they would no longer show what they are.
    blocks = contents.without(source.blocks)
    if not flattened.could_do_better(blocks, found):
        return plan, interpreter
    # Each reading that finds clearly more actions than the tables, with how well it reads:
    # its actions, then how many of them have a lead or a date.
    readings: list[tuple[tuple[int, int], PlanBuilder, Interpreter]] = []
    turned = flattened.turned(blocks)
    if turned is not None:
        other, other_interpreter = _read(source, turned, None)
        if flattened.better(found, _count_actions(other)):
            _mark_other(other, rules.ACTIONS_AS_COLUMNS, None, found)
            readings.append((_how_well(other), other, other_interpreter))
    for rows_as_lines in (False, True):
        words = flattened.words_of(blocks, rows_as_lines=rows_as_lines)
        if not flattened.worth_reading(words, found):
            continue
        other, other_interpreter = _read(source, text_reader.read_text(words.text), None)
        if flattened.better(found, _count_actions(other)) and not flattened.splits_rows(
            _action_wheres(plan), [words.where(where) for where in _action_wheres(other)]
        ):
            _mark_other(other, rules.WORDS_OVER_TABLES, words, found)
            readings.append((_how_well(other), other, other_interpreter))
    if not readings:
        return plan, interpreter
    _, best, best_interpreter = max(readings, key=lambda reading: reading[0])
    left_out = rules.CONTENTS_LEFT_OUT.code
    best.report += [item for item in plan.report if item.code == left_out]
    return best, best_interpreter


def _read_commitments(
    source: Source, plan: PlanBuilder, interpreter: Interpreter
) -> tuple[PlanBuilder, Interpreter]:
    """A file that gave no actions read for the commitments in its prose (`commitments`):
    kept when they give at least two actions."""
    words = commitments.commitments_of(source.blocks)
    if words is None:
        return plan, interpreter
    other, other_interpreter = _read(source, text_reader.read_text(words.text), None)
    if _count_actions(other) < 2:
        return plan, interpreter
    # A sentence whose subject is a post ("The Head of SEND will …") says who leads it.
    for section in other.all_sections():
        for action in section.actions:
            if not action.lead_text:
                action.lead_text, action.lead_where = deeds.post_in(action.title), action.where
    _instead_of(other, plan, source, words)
    _mark_other(
        other,
        rules.COMMITMENTS_IN_PROSE,
        words,
        0,
        how="the sentences of its prose that say what will be done were read as its actions",
        confidence=commitments.CONFIDENCE,
    )
    return other, other_interpreter


def _read_deeds(
    source: Source, plan: PlanBuilder, interpreter: Interpreter
) -> tuple[PlanBuilder, Interpreter]:
    """A file without tables read for what its prose asks to be done (`deeds`): kept when it
    gives at least two actions and holds every action the first reading gave but what it
    passed over as narrative, and gives more actions, or more of their refs, leads, dates and
    headings, or leaves out what the first reading wrongly took."""
    reading = deeds.deeds_of(source.blocks)
    if reading is None:
        return plan, interpreter
    words = reading.words
    other, other_interpreter = _read(source, text_reader.read_text(words.text), None)
    found = _titles(other)
    # What the first reading found, but the items of lists of what was done or found, or of
    # aims, and the paragraphs of narrative that ask nothing to be done.
    passed_over = {comparable(text) for text in reading.passed_over}
    before = [title for title in _titles(plan) if not _passed_over(title, passed_over)]
    # Kept over a first reading that found the same actions only when it reads more of their
    # refs, leads, dates and headings, or leaves out what that reading wrongly took; never when
    # it reads fewer of those actions' refs, leads, dates and headings.
    filled, filled_before = _filled(other, before), _filled(plan, before)
    more = len(found) > len(before) or len(before) < len(_titles(plan))
    better = filled >= filled_before and (more or filled > filled_before)
    if len(found) < 2 or not better or not set(before) <= set(found):
        return plan, interpreter
    _instead_of(other, plan, source, words)
    _mark_other(
        other,
        rules.DEEDS_IN_PROSE,
        words,
        len(_titles(plan)),
        how="what its prose asks to be done (its lists of deeds, its recommendations and the "
        "response to each) was read as its actions",
        confidence=deeds.CONFIDENCE,
    )
    return other, other_interpreter


def _instead_of(
    other: PlanBuilder, plan: PlanBuilder, source: Source, words: flattened.Words
) -> None:
    """Make a reading of a file's prose stand in for its first reading: the first reading's
    title where the file gave none, and the prose the first reading left out, but the
    paragraphs whose sentences are now actions; not the lines that introduced them to the text
    reader."""
    if source.title is None and plan.title:
        other.title = plan.title
    left_out, taken = rules.NARRATIVE_LEFT_OUT.code, set(words.wheres)
    other.report = [item for item in other.report if item.code != left_out] + [
        item for item in plan.report if item.code == left_out and item.where not in taken
    ]


def _filled(plan: PlanBuilder, titles: list[str]) -> int:
    """How many refs, leads, dates and headings of their own (not the catch-all section, nor
    one named as the plan is) the plan's actions of those titles have."""
    title, wanted = comparable(plan.title or ""), set(titles)
    return sum(
        bool(a.ref)
        + bool(a.lead_text)
        + bool(a.due_text)
        + (s.rule != rules.FALLBACK_SECTION.code and comparable(s.title) != title)
        for s in plan.all_sections()
        for a in s.actions
        if comparable(a.title) in wanted
    )


def _passed_over(title: str, passed_over: set[str]) -> bool:
    """Whether an action's words are what the prose reading passed over, or a part of six
    words or more of a paragraph it passed over or read as its sentences."""
    if title in passed_over:
        return True
    return len(title.split()) >= 6 and any(title in words for words in passed_over)


def _titles(plan: PlanBuilder) -> list[str]:
    return [comparable(a.title) for section in plan.all_sections() for a in section.actions]


def _how_well(plan: PlanBuilder) -> tuple[int, int]:
    actions = [action for section in plan.all_sections() for action in section.actions]
    return len(actions), sum(bool(action.lead_text or action.due_text) for action in actions)


def _action_wheres(plan: PlanBuilder) -> list[str]:
    return [action.where for section in plan.all_sections() for action in section.actions]


def _count_actions(plan: PlanBuilder) -> int:
    return sum(len(section.actions) for section in plan.all_sections())


def _mark_other(
    plan: PlanBuilder,
    rule: rules.Rule,
    words: flattened.Words | None,
    before: int,
    *,
    how: str = "",
    confidence: float = flattened.CONFIDENCE,
) -> None:
    """What another reading placed: by its rule, less sure, and, for a reading of the words,
    where each line stands in the file."""

    def where(text: str) -> str:
        return words.where(text) if words is not None else text

    for section in plan.all_sections():
        section.rule = rule.code
        section.confidence = min(section.confidence, confidence)
        for action in section.actions:
            action.rule = rule.code
            action.confidence = min(action.confidence, confidence)
            action.where = where(action.where)
            action.lead_where = where(action.lead_where)
    for item in plan.report:
        item.where = where(item.where)
    how = how or (
        "its words were read as text would be"
        if words is not None
        else "its tables laid out sideways (each action a column) were turned"
    )
    given = (
        "No list or table of actions was found"
        if rule is rules.COMMITMENTS_IN_PROSE
        else f"The file has no tables, and read as it stands gave {before} action(s)"
        if rule is rules.DEEDS_IN_PROSE
        else f"The file's tables as they stand gave {before} action(s)"
    )
    plan.report.insert(
        0,
        ReportItem(
            where="file",
            message=f"{given}, so {how}, which gave {_count_actions(plan)}. Check each action.",
            code=rule.code,
        ),
    )


def read_source(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The blocks a file holds; ParseError when it cannot or must not be read."""
    checked = safety.check(data, filename, max_bytes=max_bytes)
    try:
        blocks = READERS[checked.kind](checked)
    except ParseError:
        raise
    except Exception as error:
        raise ParseError(
            "The file could not be read; it may be damaged. Open it and save it again, then "
            "try once more."
        ) from error
    if not blocks:
        raise ParseError("The file has no text in it that we could read.")
    return Source(
        blocks=blocks,
        notes=tuple(checked.notes),
        fallback_title=PurePath(filename).stem or None,
        reader=checked.kind.value,
    )


def parse_text(
    text: str, *, title: str | None = None, choices: Layout | None = None
) -> ParseResult:
    """Read a plan from pasted text in this process; `title` overrides the first line as the
    plan's title. For tests and trusted callers: pasted text from a person goes through
    `parse_pasted`."""
    notes: list[str] = []
    blocks = text_reader.read_text(text, notes)
    return interpret(Source(blocks=blocks, notes=tuple(notes), title=title), choices)


def parse_file_inprocess(
    data: bytes,
    filename: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    choices: Layout | None = None,
) -> ParseResult:
    """`parse_file` without the child process or time limit: for tests and trusted callers."""
    return interpret(read_source(data, filename, max_bytes=max_bytes), choices)


def parse_file(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    choices: Layout | None = None,
) -> ParseResult:
    """Read a plan from an uploaded file, in a child process stopped after `timeout` seconds.
    `choices` are the local area's saved choices for tables laid out like this file's.

    Raises ParseError, with a message for the person who uploaded it, when the file is empty,
    too big, damaged, protected with a password, unsafe, of a type we do not read, or too slow.
    """
    safety.check_size(data, max_bytes=max_bytes)
    return sandbox.run(parse_file_inprocess, data, filename, max_bytes, choices, timeout=timeout)


def parse_pasted(
    text: str,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    timeout: float = DEFAULT_TIMEOUT,
    choices: Layout | None = None,
) -> ParseResult:
    """Read a plan from text a person pasted, in a child process like a file."""
    if not text.strip():
        raise ParseError("The pasted text is empty.")
    if len(text) > max_chars:
        raise ParseError(
            f"The pasted text is too long ({len(text):,} characters). The most we can read at "
            f"once is {max_chars:,}; upload the plan as a file, or paste it in parts."
        )
    return sandbox.run(_parse_pasted_text, text, choices, timeout=timeout)


def _parse_pasted_text(text: str, choices: Layout | None) -> ParseResult:
    return parse_text(text, choices=choices)


def reread(source: Source, choices: Layout, *, timeout: float = DEFAULT_TIMEOUT) -> ParseResult:
    """Read blocks read before once more, in a child process: after a person corrected how
    they are to be read."""
    return sandbox.run(interpret, source, choices, timeout=timeout)
