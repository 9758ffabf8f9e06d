"""Actions written as lines of text, not in a table, made into the rows of a table.

Many plans write their actions as numbered lines ("5.1.2 Map the current provision ..."), as
a numbered line followed by labelled lines ("Lead: Jo Smith", "• Deadline: Sept 26"), as
labelled lines alone ("Action: ...", "Action owner: ..."), or with the labels inside the line
("1.1 Audit all overdue assessments. Lead: Jo Smith, Head of SEND. By March 2025. Status:
Amber"). Web pages list them as bullets or lines after a line that introduces them ("What we
are doing", "We will:"), perhaps under short sub-headings. `segment` finds runs of such
records among a plan's paragraphs and puts each run in a table whose headings are its labels
(the ref, the action, then "Lead", "By", "Status" and so on; "Theme" for a list's
sub-headings), so the one interpreter reads them as it reads any action table.

A run must read as actions, not as the numbered paragraphs of a report ("1.1 The purpose of
this report is ..."): most records must open with a verb, or carry labels or dates, or follow
a line that introduces actions.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from sendplan.interchange.parsers import columns as cols
from sendplan.interchange.parsers import (
    dates,
    people,
    pointed_lists,
    profile,
    rules,
    statuses,
    values,
)
from sendplan.interchange.parsers.actions import carries_on, only_a_date
from sendplan.interchange.parsers.blocks import (
    SUB_ITEM,
    Block,
    Heading,
    Paragraph,
    Row,
    Table,
    squash,
)
from sendplan.interchange.parsers.roles import Col

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□\-–*>]|\(?[a-z]\))\s+")
# "a) Agree …", "(b) Run …": a bullet that is an item's letter; a list of them has two at least.
_MIN_LETTERED = 2
_ITEM_LETTER = re.compile(r"^\s*\(?(?P<letter>[a-z])\)\s+")
# "5.1.2 map ...", "1A Improve ...", "1. Agree ...", "2) Publish ...", "A. Train ...".
_NUMBERED = re.compile(
    r"^(?P<ref>\d{1,2}(?:\.\d{1,3}){1,3}[a-z]?|\d{1,2}[A-Za-z]|\d{1,2}(?=[.)])|[A-Z](?=[.)]))"
    r"[.:)]?\s+(?P<text>\S.*)$"
)
# "(1) the progress be noted …", "(2)  That a report …": a figure in brackets, as minutes
# number a committee's resolutions (rule `bracketed-numbers`).
_BRACKETED_NUMBER = re.compile(r"^\((?P<ref>\d{1,2})\)\s+(?P<text>\S.*)$")
# "Action 1.1: ...", "Ref 2.3 Joint working ...", "Objective 4 – ...".
_NAMED = re.compile(
    r"^(?:action|objective|milestone|task|ref(?:erence)?|deliverable|project)\s*(?:no\.?\s*)?"
    r"(?P<ref>\d{1,2}(?:\.\d{1,3})*[A-Za-z]?|[A-Z]\d{0,2})(?![\d.]*\d)"
    r"\s*(?:[:.\-–—)]\s*|\s+(?=[A-Z]))"
    r"(?P<text>\S.*)$",
    re.I,
)
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z /&()'’\-]{0,40}?)\s*[:–—]\s*(?P<value>.*)$")
# Labels written inside the line, each after the end of a sentence: ". Lead: ...".
_INLINE = re.compile(
    r"(?:(?<=[.;!?])|(?<=[.;!?][\"'’”]))\s+(?P<label>[A-Z][A-Za-z /&'’\-]{0,30}?)\s*:\s+"
)
# "By March 2025." after a sentence: the due date, without a colon.
_INLINE_BY = re.compile(
    r"(?:(?<=[.;!?])\s+|^)(?P<label>By|Due|Deadline|Target date|Complete by)\s+(?=\S)", re.I
)
# "Led by the Head of SEND." after a sentence: the lead, without a colon.
_INLINE_LED_BY = re.compile(r"(?<=[.;!?])\s+(?P<label>Led by|Owned by)\s+(?:the\s+)?(?=\S)", re.I)
_MAX_RECORD_WORDS = 120
# Most records of a run must read as actions for the run to be read as a table.
_MIN_SHARE = 0.6


@dataclass
class _Record:
    where: str
    ref: str
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    # The sub-heading of a list the record is an item of.
    group: str = ""
    # The labels that were written inside the line rather than on lines of their own.
    inline: bool = False
    # The items of its own list, indented under it.
    subs: list[str] = field(default_factory=list)
    # One of the actions a record listed under its words ("to include:"), grouped by them.
    listed: bool = False
    # The letters of its own list's items, when they are lettered ("(a) That …").
    sub_refs: list[str] = field(default_factory=list)
    # Its lead and date were in brackets at its end (`bracketed_details`).
    bracketed: bool = False
    # Its last words were a bullet of their own, broken off at a line wrap (`_wrapped_tails`).
    wrapped_tail: bool = False
    # The letter its item was written with ("b" for "b) …"), if any.
    letter: str = ""

    def add(self, label: str, value: str) -> None:
        self.fields.append((label, value))

    def carry_on(self, text: str) -> None:
        """A line that continues the last thing written: wrapped words, or a new line."""
        if self.fields:
            label, value = self.fields[-1]
            joiner = " " if carries_on(value, text) else "\n"
            self.fields[-1] = (label, f"{value}{joiner}{text}".strip())
        else:
            joiner = " " if carries_on(self.title, text) or not self.title else "\n"
            self.title = f"{self.title}{joiner}{text}".strip()


_MAX_LABEL_WORDS = 4


def _label(line: str, *, known: bool = True) -> tuple[str, str] | None:
    """("Lead", "Jo Smith") for "• Lead: Jo Smith": a label that heads an action column.
    With `known` off, any short capitalised label with a value ("Directorate: Delivery"), as
    the lines of a record already begun may carry."""
    match = _LABEL.match(_BULLET.sub("", line).strip())
    if not match:
        return _question_label(line)
    label, value = match.group("label").strip(), match.group("value").strip()
    roles = cols.heading_roles(label)
    if roles and (roles != [Col.PERIOD] or value):
        return label, value
    if known or not value or not label[0].isupper() or len(label.split()) > _MAX_LABEL_WORDS:
        return None
    return label, value


# "Who is leading this? Sophie Hart": a heading asked as a question, its answer after it.
_QUESTION = re.compile(r"^(?P<label>[A-Z][A-Za-z ’']{2,40}\?)\s+(?P<value>\S.*)$")


# The label a question stands for, as a plan would write it plainly.
_ASKED_LABELS = {Col.TITLE: "Action", Col.LEAD: "Lead", Col.DUE: "Due", Col.PROGRESS: "Progress"}


def _question_label(line: str) -> tuple[str, str] | None:
    """("Who is leading this?", "Sophie Hart") for a line whose question is a known heading
    (rule `question-labels`)."""
    match = _QUESTION.match(_BULLET.sub("", line).strip())
    asked = cols.asked_role(match.group("label")) if match is not None else None
    if match is None or asked is None:
        return None
    # "Progress (How is it going?)": the plain label, with the plan's question kept to name it.
    return f"{_ASKED_LABELS[asked]} ({match.group('label')})", match.group("value").strip()


def _start(line: str, *, min_words: int = 2) -> tuple[str, str] | None:
    """(ref, words) for a line that opens an action with its ref."""
    text = squash(_BULLET.sub("", line))
    for pattern in (_NAMED, _NUMBERED, _BRACKETED_NUMBER):
        match = pattern.match(text)
        if match and len(match.group("text").split()) >= min_words:
            ref = values.read_ref(match.group("ref"))
            if ref is not None:
                return ref.value, match.group("text")
    return None


# "map the offer (Lead: ICB, by March 2025)": labelled fields in brackets ending the line.
_BRACKETED_FIELDS = re.compile(
    r"\s*\((?P<inner>[^()]{3,160})\)\s*\.?\s*(?:$|(?P<after>[A-Z][^()]*[.!]$)"
    # "… (Sam Reid, Dec 2025) – Complete": a rating after a dash (`owner-date-then-rating`).
    r"|[–—-]\s*(?P<rating>[A-Za-z][A-Za-z ]{1,30}?)\s*\.?$)"
)
_BRACKETED_SPLIT = re.compile(
    r"\s*[,;]\s*(?=[A-Z][A-Za-z /&'’\-]{0,30}:|(?:by|due|deadline)\s)", re.I
)
_BRACKETED_BY = re.compile(r"(?P<label>by|due|deadline)\s+(?P<value>\S.*)$", re.I)


def _bracketed_fields(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The words before brackets at the end of the line, and the fields the brackets hold,
    when every part in them is a known label with its value or a date after "by"."""
    match = _BRACKETED_FIELDS.search(text)
    if not match or match.start() == 0:
        return None
    fields: list[tuple[str, str]] = []
    parts = _BRACKETED_SPLIT.split(match.group("inner").strip())
    for number, part in enumerate(parts):
        labelled = _LABEL.match(part)
        if labelled and cols.heading_roles(labelled.group("label").strip()):
            fields.append((labelled.group("label").strip(), labelled.group("value").strip()))
            continue
        by = _BRACKETED_BY.match(part)
        if by and profile.is_date(by.group("value")):
            fields.append((by.group("label").title(), by.group("value").strip()))
            continue
        if number == 0 and len(parts) > 1 and people.is_name(part.strip()):
            # "(Priya Nandra, by December 2025)": who leads it, named before the date.
            fields.append(("Lead", part.strip()))
            continue
        owned = _owner_and_date(part) if len(parts) == 1 else None
        if owned is not None:
            # "(Sam Reid, Dec 2025)": who leads it and when, with no label or "by".
            fields += [("Lead", owned[0]), ("Due", owned[1])]
            continue
        return None
    rating = match.group("rating")
    if rating is not None:
        if not fields or not (statuses.rating_words(rating) or statuses.colour_word(rating)):
            return None
        fields.append(("Status", rating.strip()))
    if match.group("after"):
        # Sentences after the brackets say how the action stands ("This action is amber
        # because …").
        fields.append(("Progress", match.group("after").strip()))
    return text[: match.start()].strip(), fields


_MAX_OWNER_WORDS = 8


# "[Lead: Head of SEND; Due: March 2026; RAG: Amber]" on a line of its own.
_BRACKETED_LINE = re.compile(
    r"^\s*(?:\[(?P<square>[^\[\]]{3,200})\]|\((?P<round>[^()]{3,200})\))\s*\.?\s*$"
)


def _bracketed_line(line: str) -> list[tuple[str, str]] | None:
    """The fields of a line wholly in brackets, each part a known label and its value (rule
    `bracketed-line`), as `_bracketed_fields` reads brackets after an action's words; None
    for any other line."""
    match = _BRACKETED_LINE.match(line)
    if match is None:
        return None
    inner = match.group("square") or match.group("round")
    if ":" not in inner:
        return None
    found = _bracketed_fields(f"- ({inner.strip()})")
    return found[1] if found is not None and len(found[1]) >= 2 else None


def _owner_and_date(part: str) -> tuple[str, str] | None:
    """("Sam Reid", "Dec 2025") for "Sam Reid, Dec 2025": a person's name or post, then a
    date after the last comma."""
    head, comma, when = part.rpartition(",")
    head, when = head.strip(), when.strip()
    if not comma or not head or not profile.is_date(when) or profile.is_date(head):
        return None
    words = head.split()
    if len(words) > _MAX_OWNER_WORDS:
        return None
    if people.is_name(head) or any(people.is_role_word(word) for word in words):
        return head, when
    return None


def _owner_date_in_brackets(text: str) -> bool:
    """Whether a line's closing brackets name its owner and date with no label, or a rating
    follows them after a dash (rule `owner-date-then-rating`)."""
    match = _BRACKETED_FIELDS.search(text)
    if match is None:
        return False
    parts = _BRACKETED_SPLIT.split(match.group("inner").strip())
    unlabelled = len(parts) == 1 and _LABEL.match(parts[0]) is None
    return bool(match.group("rating")) or (unlabelled and _owner_and_date(parts[0]) is not None)


def _inline_fields(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The action's own words, and the labelled fields written after them in the same line."""
    bracketed = _bracketed_fields(text)
    if bracketed is not None:
        return bracketed
    marks: list[tuple[int, int, str]] = []
    for match in _INLINE.finditer(text):
        label = match.group("label").strip()
        if cols.heading_roles(label):
            marks.append((match.start(), match.end(), label))
    for match in _INLINE_BY.finditer(text):
        if match.start() == 0 or profile.is_date(text[match.end() : match.end() + 30]):
            marks.append((match.start(), match.end(), match.group("label")))
    for match in _INLINE_LED_BY.finditer(text):
        marks.append((match.start(), match.end(), match.group("label")))
    marks.sort()
    if not marks or marks[0][0] == 0:
        return text, []
    title = text[: marks[0][0]].strip()
    fields = []
    for number, (_, end, label) in enumerate(marks):
        stop = marks[number + 1][0] if number + 1 < len(marks) else len(text)
        value = text[end:stop].strip()
        # A sentence's full stop is not part of a name or a date ("Head of SEND.").
        fields.append((label, value[:-1].rstrip() if value.endswith(".") else value))
    return title, fields


def has_inline_fields(text: str) -> bool:
    """Whether a line carries labelled fields after its words ("... owners. Lead: Jo Smith.
    By: March 2027"), which `segment` reads better than a split by what the words hold."""
    return bool(_inline_fields(" ".join(text.split()))[1])


def _reads_as_action(record: _Record) -> bool:
    words = record.title.split()
    if not words or len(words) > _MAX_RECORD_WORDS:
        return False
    if record.title.rstrip().endswith("?"):
        # "Do these priorities reflect what matters to you?": a page asking for views.
        return False
    if record.fields:
        return True
    return (
        profile.opens_with_verb(record.title)
        or profile.is_date(record.title[-40:])
        or asks_for_action(record.title)
    )


# A committee's recommendation or decision: "That Cabinet approves …", "That a report be
# brought back …".
_RESOLUTION = re.compile(r"^That\s+(?P<rest>\S.*)$")
_MIN_RESOLUTION_WORDS = 5
# What a resolution says when it only takes note, thanks someone or agrees the minutes: it asks
# nothing to be done.
_ONLY_NOTES = re.compile(
    r"\b(?:(?:be|is|are|was|were|been)\s+)?(?:noted|received|welcomed|recorded|thanked)\b"
    r"|\b(?:notes?|receives?)\s+(?:the|that)\b|\bminutes\b|\bcorrect\s+record\b"
    # "That the SEND strategy be approved.": a document agreed, nothing more to be done.
    r"|\bbe\s+(?:approved|agreed|endorsed|adopted|accepted)\W*$",
    re.I,
)
# "… be noted and activity be continued to be prioritised": after the noting, the same
# resolution asks for something to be done.
_ASKS_TOO = re.compile(
    r"\band\s+(?:[\w’'-]+\s+){0,4}be\s+(?!(?:noted|received|welcomed|recorded|thanked|approved"
    r"|agreed|endorsed|adopted|accepted)\b)[a-z]+(?:ed|en|t)\b",
    re.I,
)


# "That the Head of Communities be requested to provide …": a resolution that names, in its
# own words, the officer it asks to act (rule `lead-asked-in-resolution`).
_ASKED_OFFICER = re.compile(
    r"^(?:That\s+)?(?:the\s+)?(?P<who>[A-Z][\w’'&,()\- ]{2,90}?)\s+be\s+"
    r"(?:requested|asked|instructed|authori[sz]ed|directed|invited)\s+to\s+[a-z]"
)


def _asked_officer(text: str) -> str:
    """ "Head of Communities" for "the Head of Communities be requested to provide …"."""
    match = _ASKED_OFFICER.match(squash(text))
    return match.group("who").strip() if match else ""


def _only_notes(text: str) -> bool:
    """A resolution that only takes note, thanks someone, agrees the minutes or approves a
    document; not one that, having noted something, asks for more ("… be noted and activity
    be continued …")."""
    return _ONLY_NOTES.search(text) is not None and _ASKS_TOO.search(text) is None


# A decision written as what the meeting resolved to do: "To commission a review of …",
# "To note the report.".
_INFINITIVE = re.compile(r"^To\s+(?P<verb>[a-z]+)\s+(?P<rest>\S.*)$")
_MIN_INFINITIVE_WORDS = 3
# The verbs of a decision that only takes note of something or receives it.
_NOTING_VERBS = frozenset(
    ("note", "receive", "welcome", "thank", "acknowledge", "record", "consider", "accept")
)
# The verbs of a decision that agrees a document; it asks for more only when what it agrees is
# work still to do ("To approve the preparation of a guide"), not a document ("To approve the
# revised strategy").
_AGREEING_VERBS = frozenset(("approve", "endorse", "adopt", "agree", "ratify"))
_DOCUMENTS = re.compile(
    r"^(?:strategy|plan|policy|report|statement|minutes|budget|document|framework|charter"
    r"|protocol|criteria|terms|programme|indicators|action\s+plan)$",
    re.I,
)
# Where the thing a decision agrees ends: "the revised strategy | for publication".
_OBJECT_ENDS = re.compile(r"\s+(?:of|for|to|on|with|in|by|and|as|at|from|subject)\s+|[,;.:]", re.I)


def _agrees_a_document(rest: str) -> bool:
    head = _OBJECT_ENDS.split(rest, maxsplit=1)[0].split()
    return bool(head) and _DOCUMENTS.match(head[-1].strip("“”\"'’")) is not None


def decision_clause(text: str) -> bool:
    """ "That the Executive agrees …", "To note the report.": a committee's resolution, whether
    or not it asks for anything to be done."""
    words = squash(_BULLET.sub("", text))
    return bool(_RESOLUTION.match(words) or _INFINITIVE.match(words))


def asks_for_action(text: str) -> bool:
    """ "That the Executive agrees to recruit four coordinators.", "To commission a review of
    respite care.": a resolution asking for something to be done; not "That the update be
    noted.", "To note the report.", the minutes agreed, nor a document approved ("That the
    strategy be approved.", "To approve the revised strategy.")."""
    words = squash(_BULLET.sub("", text))
    match = _RESOLUTION.match(words)
    if match is not None:
        return len(match.group("rest").split()) >= _MIN_RESOLUTION_WORDS and not _only_notes(
            match.group("rest")
        )
    to = _INFINITIVE.match(words)
    if to is None or len(to.group("rest").split()) < _MIN_INFINITIVE_WORDS:
        return False
    verb = to.group("verb").lower()
    if verb in _NOTING_VERBS:
        return False
    return not (verb in _AGREEING_VERBS and _agrees_a_document(to.group("rest")))


@dataclass
class _Run:
    records: list[_Record] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    # After a line that introduces actions ("We will:", "What we are doing"), the items that
    # follow are actions, bulleted or not.
    listing: bool = False
    # The sub-heading the items below it sit under, while listing.
    group: str = ""
    # After a line ending in a colon under a section's heading ("Work Stream 1", then
    # "Responsible for:"), only bulleted items: the first other line ends the list.
    bullets_only: bool = False
    # Paragraphs between numbered items that are about the item above, not part of it.
    notes: list[Block] = field(default_factory=list)
    # When the line that introduced the list says all of it is due ("By the end of 2025, we
    # will:"), its words for that date: each item's due date unless it gives its own.
    due_text: str = ""
    # The rule that made the list one of actions, where it is not the general one.
    rule: str = ""
    # How many of the records began as bulleted items.
    bulleted: int = 0
    # How many records there were when the last note was taken.
    noted_at: int = -1
    # Under a line that opens a committee's resolutions ("RESOLVED", "That"): each item is a
    # decision, whether or not it begins "That".
    resolved: bool = False
    # Under a line that asks why ("Why are we doing this?"): the items are reasons.
    reasons: bool = False
    # How many records opened with a figure in brackets ("(1) …").
    bracketed_numbers: int = 0
    # How many of a committee's decisions named the officer they ask to act.
    asked_officers: int = 0
    # The ref of the section heading the run sits under ("1" under "Priority 1: …"), if any.
    section_ref: str = ""
    # Lines standing like headings read as changes (rule `changes-not-headings`).
    changes_unheaded: int = 0
    # "Action by:" after a committee's decisions: the officer who carries them all out.
    action_by: str = ""
    awaiting_action_by: bool = False

    def notes_after(self, record: _Record) -> bool:
        return self.noted_at == len(self.records) and self.records[-1] is record


def _lines(block: Block) -> list[str]:
    return (
        [line for line in block.text.split("\n") if line.strip()]
        if not isinstance(block, Table)
        else []
    )


def _is_section(text: str) -> bool:
    return (
        values.section_heading(squash(text)) is not None
        or values.labelled_section(squash(text)) is not None
    )


# "NHS therapies reviewNiki Cartwright explained …. ActionsHealth and council colleagues will
# meet …. |": a topic's row of a web table of minutes flattened onto one line, the topic's name
# run into the first sentence of the discussion, and "Actions" into the first action.
_GLUED_TOPIC = re.compile(r"^(?P<topic>[A-Z][^.!?:|]{2,80}?[a-z)])(?=[A-Z][a-z])")
_GLUED_ACTIONS = re.compile(r"(?<=[.!?])\s*Actions?\s*(?::\s*|(?=[A-Z]))")
_SENTENCE_BREAK_GLUED = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# "This will help set clear expectations.": why the action before matters, not an action.
_EXPLAINS = re.compile(r"^(?:This|These|That|It)\s+(?:will|would|is|are|means|helps?|should)\b")
_MIN_GLUED_ACTION_WORDS = 4


def _glued_topic(block: Block) -> tuple[str, list[str]] | None:
    """(topic, its actions) for a flattened row of minutes with "Actions" in it."""
    if not isinstance(block, Paragraph) or "\n" in block.text.strip():
        return None
    text = squash(block.text).rstrip("|").strip()
    topic = _GLUED_TOPIC.match(text)
    marks = list(_GLUED_ACTIONS.finditer(text))
    if topic is None or len(marks) != 1 or marks[0].start() <= topic.end():
        return None
    sentences = _SENTENCE_BREAK_GLUED.split(text[marks[0].end() :].strip())
    actions = [
        sentence
        for sentence in sentences
        if len(sentence.split()) >= _MIN_GLUED_ACTION_WORDS and not _EXPLAINS.match(sentence)
    ]
    return (topic.group("topic").strip(), actions) if actions else None


def glued_actions(blocks: list[Block]) -> list[Block]:
    """Each run of flattened rows of minutes whose actions were run into them, as one table of
    topics and their actions; the discussion before "Actions" is left out as narrative."""
    out: list[Block] = []
    rows: list[Row] = []
    first = ""

    def flush() -> None:
        nonlocal rows
        if rows:
            table = Table(
                rows=[Row(cells=["Theme", "Action"], where=first), *rows],
                where=first,
                headed=True,
                origin=rules.GLUED_ACTIONS.code,
            )
            out.append(table)
        rows = []

    for block in blocks:
        found = _glued_topic(block)
        if found is None:
            flush()
            out.append(block)
            continue
        if not rows:
            first = block.where
        topic, actions = found
        rows.extend(Row(cells=[topic, action], where=block.where) for action in actions)
    flush()
    return out


# What a small table under an action may give it, by the roles of its headings.
_FIELD_ROLES = frozenset(
    {Col.LEAD, Col.DUE, Col.STARTS, Col.STATUS, Col.MEASURES, Col.PROGRESS, Col.OUTCOMES,
     Col.IMPACT, Col.RESOURCES, Col.COST, Col.EVIDENCE, Col.MONITORING}
)  # fmt: skip
_NOT_FIELD_ROLES = frozenset({Col.TITLE, Col.REF, Col.SECTION, Col.TIMELINE})


def _field_label(text: str) -> bool:
    roles = set(cols.heading_roles(squash(text)))
    return bool(roles & _FIELD_ROLES) and not roles & _NOT_FIELD_ROLES


def _fields_of_table(table: Table) -> list[tuple[str, str]] | None:
    """("Lead", "DH"), ("Timescale", "December 2014") from a table of one action's fields:
    its headings over one row of values, or its labels down the first of two columns."""
    rows = [row for row in table.rows if not row.is_blank()]
    if len(rows) == 2 and rows[0].cells and all(_field_label(c) for c in rows[0].cells):
        return list(zip(rows[0].cells, rows[1].cells, strict=False))
    if rows and all(len(row.cells) == 2 and _field_label(row.cells[0]) for row in rows):
        return [(row.cells[0], row.cells[1]) for row in rows]
    return None


def fields_tables_as_lines(blocks: list[Block]) -> list[Block]:
    """A numbered action as a heading or a line ("3. Publish a summary of progress"), with a
    small table of its fields under it ("Lead | Timescale" over "DH | August 2015"): the
    table is the action's labelled lines ("Lead: DH", "Timescale: August 2015")."""
    out: list[Block] = []
    for block in blocks:
        before = out[-1] if out else None
        fields = _fields_of_table(block) if isinstance(block, Table) else None
        opens = (
            isinstance(before, Paragraph | Heading)
            and not getattr(before, "is_sheet", False)
            and len(_lines(before)) == 1
            and _start(_lines(before)[0]) is not None
        )
        if fields is None or not opens:
            out.append(block)
            continue
        for label, value in fields:
            if value.strip():
                out.append(Paragraph(text=f"{squash(label)}: {squash(value)}", where=block.where))
    return out


# "Action 3" alone on a line: the number of the action whose lines follow.
_NUMBERED_ACTION_LINE = re.compile(
    r"^(?:action|item|ref|recommendation)\s*(?:no\.?\s*)?(?P<ref>\d{1,3}(?:\.\d{1,3})*[a-z]?)$",
    re.I,
)


def numbered_heads_as_refs(blocks: list[Block]) -> list[Block]:
    """ "Action 3" on a line of its own, then "Action: Publish a summary …" and the action's
    other labelled lines: one action, "Action 3: Publish a summary …", whose ref is 3."""
    out: list[Block] = []
    # The "Action 3" line, held until the next line says whether it numbers an action.
    held: tuple[str, Block] | None = None
    for at, block in enumerate(blocks):
        lines = _lines(block) if isinstance(block, Paragraph | Heading) else []
        label = _label(lines[0]) if lines and held else None
        if held and label is not None and Col.TITLE in cols.heading_roles(label[0]):
            bullet = _BULLET.match(lines[0])
            first = f"{bullet.group(0) if bullet else ''}{label[0]} {held[0]}: {label[1]}"
            out.append(Paragraph(text="\n".join([first, *lines[1:]]), where=block.where))
            held = None
            continue
        if held and _words_over_fields(blocks, at):
            # "Action 2.1", then the action's words on a line of their own, then its labelled
            # lines (rule `action-number-over-words`).
            out.append(
                Paragraph(
                    text="\n".join([f"Action {held[0]}: {squash(lines[0])}", *lines[1:]]),
                    where=block.where,
                    read_by=(rules.ACTION_NUMBER_OVER_WORDS.code,),
                )
            )
            held = None
            continue
        if held:
            out.append(held[1])
        numbered = _NUMBERED_ACTION_LINE.match(squash(lines[0])) if len(lines) == 1 else None
        if numbered is not None and not getattr(block, "is_sheet", False):
            held = (numbered.group("ref"), block)
            continue
        held = None
        out.append(block)
    if held:
        out.append(held[1])
    return out


# A paragraph long enough to say what will be done, not a caption or a one-line remit.
_MIN_NUMBERED_WORDS = 12


def _words_over_fields(blocks: list[Block], at: int) -> bool:
    """Whether the paragraph at `at` is one line of an action's words (no label, no bullet, no
    ref), and the next paragraph opens with a labelled field of an action ("Lead: …")."""
    block = blocks[at]
    lines = _lines(block) if isinstance(block, Paragraph) else []
    if len(lines) != 1 or _BULLET.match(lines[0]) or _label(lines[0]) or _start(lines[0]):
        return False
    if len(lines[0].split()) < _MIN_PROMISE_WORDS or at + 1 >= len(blocks):
        return False
    after = _lines(blocks[at + 1]) if isinstance(blocks[at + 1], Paragraph) else []
    label = _label(after[0]) if after else None
    return label is not None and bool(set(cols.heading_roles(label[0])) & _FIELD_ROLES)


def _bare_numbered_heading(block: Block) -> tuple[str, str] | None:
    """("Workstream", "2") for a heading that is only a level's name and its number."""
    if not isinstance(block, Heading) or block.is_sheet:
        return None
    found = values.bare_level(block.text)
    return (found[0], found[1]) if found and found[1] else None


def numbered_headings_over_words(blocks: list[Block]) -> list[Block]:
    """Headings that are only a level's name and a number ("Workstream 1", "Workstream 2"),
    two or more in a row, each over one paragraph of prose and nothing else: the heading
    names nothing, so each paragraph is the item, numbered by its heading, in the section
    above (a web page or a Word file of text boxes, one a workstream)."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        pairs: list[tuple[str, Paragraph]] = []
        at = index
        level = None
        while at + 1 < len(blocks):
            head = _bare_numbered_heading(blocks[at])
            words = blocks[at + 1]
            if (
                head is None
                or (level is not None and head[0] != level)
                or not isinstance(words, Paragraph)
                or len(words.text.split()) < _MIN_NUMBERED_WORDS
                or _label(_lines(words)[0]) is not None
            ):
                break
            following = blocks[at + 2] if at + 2 < len(blocks) else None
            # A second paragraph of prose under a heading is not one item; a short line (the
            # page's footer, an address) after the last one is not the item's.
            if isinstance(following, Paragraph) and (
                len(following.text.split()) >= _MIN_NUMBERED_WORDS or not pairs
            ):
                break
            level = head[0]
            pairs.append((head[1], words))
            at += 2
        if len(pairs) < 2:
            out.append(blocks[index])
            index += 1
            continue
        first = pairs[0][1].where
        table = Table(
            rows=[Row(cells=["Ref", "Action"], where=first)],
            where=first,
            headed=True,
            origin=rules.NUMBERED_HEADINGS_OVER_WORDS.code,
        )
        table.rows.extend(
            Row(cells=[ref, squash(words.text)], where=words.where) for ref, words in pairs
        )
        out.append(table)
        index = at
    return out


def labelled_lead_ins(blocks: list[Block]) -> list[Block]:
    """ "Remit: Responsible for engaging with families" between a heading and a bulleted
    list, its label no action's field: what the section is for, said before its list, as a
    lead-in would say it ("Responsible for engaging with families:")."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        lines = _lines(block) if isinstance(block, Paragraph) else []
        before = blocks[index - 1] if index else None
        after = _lines(blocks[index + 1]) if index + 1 < len(blocks) else []
        label = _label(lines[0], known=False) if len(lines) == 1 else None
        if (
            label is None
            or not isinstance(before, Heading)
            or before.is_sheet
            or not after
            or not _BULLET.match(after[0])
            or _BULLET.match(lines[0])
            or cols.heading_roles(label[0])
            or introduces_actions(lines[0])
        ):
            out.append(block)
            continue
        out.append(Paragraph(text=f"{label[1].rstrip('.:;')}:", where=block.where))
    return out


# The most words a numbered line over a lead-in may have and still name a part of the plan.
_MAX_NUMBERED_HEAD_WORDS = 25


def numbered_heads_over_lead_ins(blocks: list[Block]) -> list[Block]:
    """ "1. Improve health of autistic people …" on a line of its own, then "Actions:" or "What
    we will do:" and a list: the numbered line names a part of the plan (a priority), not an
    action; it is read as that part's heading (rule `numbered-head-over-lead-in`)."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        lines = _lines(block) if isinstance(block, Paragraph) else []
        after = _lines(blocks[index + 1]) if index + 1 < len(blocks) else []
        text = squash(lines[0]) if len(lines) == 1 else ""
        if (
            text
            and _start(text) is not None
            and not _BULLET.match(lines[0])
            and len(text.split()) <= _MAX_NUMBERED_HEAD_WORDS
            and not text.endswith((".", ";", ":", ","))
            and len(after) == 1
            and introduces_actions(after[0])
            and not isinstance(blocks[index + 1], Table)
        ):
            out.append(
                Heading(
                    text=text,
                    where=block.where,
                    level=2,
                    read_by=(rules.NUMBERED_HEAD_OVER_LEAD_IN.code,),
                )
            )
            continue
        out.append(block)
    return out


# "1. Public consultation", "2) Publish consultation feedback": a stage of a project's timeline,
# named in a few words.
_STAGE = re.compile(r"^(?P<ref>\d{1,2})[.)]\s+(?P<name>\S.*)$")
_MAX_STAGE_WORDS = 10
# How many stages must carry a rating and a month for the list to be read as a timeline.
_MIN_RATED_STAGES = 2


def _stage(block: Block) -> tuple[int, str] | None:
    """(2, "Publish consultation feedback") for a line that is only a number and a stage's
    name: a few words, not a sentence."""
    lines = _lines(block) if isinstance(block, Paragraph | Heading) else []
    if len(lines) != 1 or getattr(block, "is_sheet", False):
        return None
    match = _STAGE.match(squash(lines[0]))
    if match is None:
        return None
    name = match.group("name")
    if len(name.split()) > _MAX_STAGE_WORDS or name.endswith((".", ":", ";", ",")):
        return None
    return int(match.group("ref")), name


def status_and_date(text: str) -> tuple[str, str] | None:
    """("On target", "August 2022") for a line that is only a rating and a month ("On target
    August 2022", "Complete – March 2023"); None for any other line."""
    line = squash(text).rstrip(".")
    found = dates.find_dates(line)
    if len(found) != 1 or found[0].end != len(line) or not found[0].start:
        return None
    rating = line[: found[0].start].strip(" -–—:,")
    if not rating or not (statuses.rating_words(rating) or statuses.state_word(rating)):
        return None
    return rating, line[found[0].start :]


def _status_line(block: Block) -> tuple[str, str] | None:
    lines = _lines(block) if isinstance(block, Paragraph | Heading) else []
    return status_and_date(lines[0]) if len(lines) == 1 else None


def stages_with_status(blocks: list[Block]) -> list[Block]:
    """A numbered list of stages a line each ("1. Public consultation"), two or more of them
    followed by a line that is only a rating and a month ("On target August 2022"), then
    sentences on what the stage involves: a project's timeline, each stage an action with its
    number as ref, its rating and its month as due date (rule `stages-with-status`). The
    sentences under a stage follow the table, as the page's prose."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        first = _stage(blocks[index])
        if first is None:
            out.append(blocks[index])
            index += 1
            continue
        rows: list[Row] = []
        prose: list[Block] = []
        at, count = index, first[0]
        while at < len(blocks) and (stage := _stage(blocks[at])) is not None and stage[0] == count:
            rated = _status_line(blocks[at + 1]) if at + 1 < len(blocks) else None
            rating, when = rated or ("", "")
            body = at + 1 + bool(rating)
            while (
                body < len(blocks)
                and isinstance(blocks[body], Paragraph)
                and _stage(blocks[body]) is None
                and _status_line(blocks[body]) is None
            ):
                prose.append(blocks[body])
                body += 1
            rows.append(Row(cells=[str(count), stage[1], rating, when], where=blocks[at].where))
            at, count = body, count + 1
        if len(rows) < 2 or sum(bool(row.cells[2]) for row in rows) < _MIN_RATED_STAGES:
            out.append(blocks[index])
            index += 1
            continue
        table = Table(
            rows=[Row(cells=["Ref", "Action", "Status", "Due"], where=rows[0].where)],
            where=rows[0].where,
            headed=True,
            origin=rules.STAGES_WITH_STATUS.code,
        )
        table.rows.extend(rows)
        out.append(table)
        out.extend(prose)
        index = at
    return out


# How many lines in a row must each carry a lead or a date for them to be read as actions.
_MIN_LABELLED_SENTENCES = 2
# A lead or a date set after an action's words is a name or a date, not a sentence.
_MAX_DATE_WORDS = 5
_MAX_LEAD_WORDS = 10


def _labelled_sentence(block: Block) -> bool:
    """ "We will open two family hubs. Led by the Family Hubs Manager. By December 2026.": a
    line of its own, with no number or bullet, whose words are followed by a lead or a date
    set after them as a sentence of its own."""
    lines = _lines(block) if isinstance(block, Paragraph) else []
    if len(lines) != 1 or _BULLET.match(lines[0]) or _start(lines[0]) is not None:
        return False
    title, fields = _inline_fields(squash(lines[0]))
    roles: set[Col] = set()
    for label, value in fields:
        found = set(cols.heading_roles(label))
        words = len(value.split())
        if Col.DUE in found and (words > _MAX_DATE_WORDS or not profile.is_date(value)):
            return False  # "By March 2025 we had trained forty SENCOs": a sentence of prose
        if Col.LEAD in found and words > _MAX_LEAD_WORDS:
            return False
        roles |= found
    return len(title.split()) >= 3 and bool(roles & {Col.LEAD, Col.DUE})


# The parts an action's label may name when it stands on a line of its own over its value.
_FIELD_ROLES = frozenset({Col.LEAD, Col.DUE, Col.STATUS, Col.PROGRESS, Col.MEASURES, Col.STARTS})
_MAX_BARE_LABEL_WORDS = 5
# Labels over values, at least: two labels, four pairs in all (two actions' worth).
_MIN_BARE_LABELS = 2
_MIN_BARE_PAIRS = 4


def _bare_label(line: str) -> bool:
    """ "Lead", "Who is responsible", "Progress (RAG)": a line that is only a known label of an
    action's field, with no colon and no value."""
    text = squash(line)
    return (
        bool(text)
        and len(text.split()) <= _MAX_BARE_LABEL_WORDS
        and ":" not in text
        and not _BULLET.match(line)
        and bool(set(cols.heading_roles(text)) & _FIELD_ROLES)
    )


def labels_above_values(blocks: list[Block]) -> list[Block]:
    """A summary list copied from a web page ("Lead" on a line, "Mark Eden" on the next, "Due",
    "April 2026"): each label over its value, read as "Lead: Mark Eden", where the page writes
    two labels or more so, four times at least (rule `label-above-value`). A label after
    another label, or over one, is a heading row, not a field."""
    places = [
        (b, n)
        for b, block in enumerate(blocks)
        if isinstance(block, Paragraph)
        for n in range(len(_lines(block)))
    ]
    text = {(b, n): _lines(blocks[b])[n] for b, n in places}
    pairs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    labels: set[str] = set()
    previous: tuple[int, int] | None = None
    for place, after in itertools.pairwise(places):
        same = after == (place[0], place[1] + 1)
        next_block = after[0] == place[0] + 1 and after[1] == 0
        label_before = previous is not None and _bare_label(text[previous])
        if (
            (same or next_block)
            and _bare_label(text[place])
            and not label_before
            and not _bare_label(text[after])
        ):
            pairs.append((place, after))
            labels.add(squash(text[place]).lower())
        previous = place
    if len(labels) < _MIN_BARE_LABELS or len(pairs) < _MIN_BARE_PAIRS:
        return blocks
    joined = {label: value for label, value in pairs}
    taken = set(joined.values())
    out: list[Block] = []
    for b, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            out.append(block)
            continue
        lines = []
        for n, line in enumerate(_lines(block)):
            if (b, n) in taken:
                continue
            value = joined.get((b, n))
            lines.append(f"{squash(line)}: {squash(text[value])}" if value else line)
        if lines == _lines(block):
            out.append(block)
        elif lines:
            out.append(
                Paragraph(
                    text="\n".join(lines),
                    where=block.where,
                    read_by=(*block.read_by, rules.LABEL_ABOVE_VALUE.code),
                )
            )
    return out


# "Priya Nair, Local Offer Manager, will lead this.", "Our SENCo lead is leading it.": who
# leads, as a sentence of its own.
_LEAD_SENTENCE = re.compile(
    r"^(?:(?:our|the)\s+)?(?P<who>[A-Z][^.!?]{2,90}?),?\s+(?:will\s+lead|is\s+leading|leads)"
    r"\s+(?:on\s+)?(?:this|it|the\s+work)\s*[.!]?$",
    re.I,
)
# "We will do this by January 2026.", "We aim to finish it by the end of March 2026.": by
# when, as a sentence of its own.
_DUE_SENTENCE = re.compile(
    r"^(?:we|this|it)\s+(?:will|aim\s+to|plan\s+to|expect\s+to|should|is\s+due\s+to)"
    r"\s+(?:be\s+)?(?:do|done|finish|finished|complete|completed|have\s+(?:done|finished"
    r"|completed))\s+(?:this\s+|it\s+)?(?:by|before)\s+(?P<when>[^.!?]+?)\s*[.!]?$",
    re.I,
)
_MAX_DUE_SENTENCE_WORDS = 8
# "This will be led by Tom Osei, Early Help Manager.": who leads, said of the action.
_LED_BY_SENTENCE = re.compile(
    r"^(?:this|it|the\s+work)\s+(?:will\s+be|is\s+being|is)\s+led\s+by\s+(?:the\s+)?"
    r"(?P<who>[A-Z][^.!?]{2,90}?)\s*[.!]?$",
    re.I,
)


def _sentence_field(sentence: str) -> str | None:
    """ "Lead: Priya Nair, Local Offer Manager" for "Priya Nair, Local Offer Manager, will lead
    this."; "Due: January 2026" for "We will do this by January 2026."; None for any other."""
    text = squash(sentence)
    due = _DUE_SENTENCE.match(text)
    if due is not None:
        when = due.group("when").strip()
        if len(when.split()) <= _MAX_DUE_SENTENCE_WORDS and profile.is_date(when):
            return f"Due: {when}"
        return None
    led_by = _LED_BY_SENTENCE.match(text)
    if led_by is not None and len(led_by.group("who").split()) <= _MAX_LEAD_WORDS:
        return f"Lead: {led_by.group('who').strip().rstrip(',')}"
    lead = _LEAD_SENTENCE.match(text)
    if lead is not None and not text.lower().startswith(("we ", "this ", "it ")):
        who = lead.group("who").strip().rstrip(",")
        if len(who.split()) <= _MAX_LEAD_WORDS:
            return f"Lead: {who}"
    return None


def _sentence_fields_line(line: str) -> list[str]:
    """A line's words, then its lead and date sentences as labelled lines (rule
    `sentence-fields`): ["We will …", "Lead: …", "Due: …"]; the line alone if it has none."""
    sentences = _SENTENCE_BREAK_GLUED.split(squash(line))
    fields = [_sentence_field(sentence) for sentence in sentences]
    first = next((n for n, found in enumerate(fields) if found is not None), None)
    if first is None or any(found is None for found in fields[first:]):
        return [line]
    words = " ".join(sentences[:first])
    found = [part for part in fields[first:] if part]
    return [words, *found] if words else found


def sentence_fields(blocks: list[Block]) -> list[Block]:
    """Paragraphs whose sentences say who leads the words before them, and by when, as
    sentences of their own ("We will … . Priya Nair, Local Offer Manager, will lead this. We
    will do this by January 2026."), on the same line or a paragraph apart: the sentences
    become "Lead:" and "Due:" lines, and the words they follow a bulleted item, where two
    items at least are written so (rule `sentence-fields`)."""
    lines_of: list[list[str] | None] = []
    for block in blocks:
        if not isinstance(block, Paragraph):
            lines_of.append(None)
            continue
        lines_of.append([part for line in _lines(block) for part in _sentence_fields_line(line)])
    places = [
        (b, n) for b, lines in enumerate(lines_of) if lines is not None for n in range(len(lines))
    ]
    items: set[tuple[int, int]] = set()
    for place, after in itertools.pairwise(places):
        lines, later = lines_of[place[0]], lines_of[after[0]]
        assert lines is not None and later is not None
        line, next_line = lines[place[1]], later[after[1]]
        if (
            next_line.startswith(("Lead: ", "Due: "))
            and next_line not in _lines(blocks[after[0]])
            and not line.startswith(("Lead: ", "Due: "))
            and not _BULLET.match(line)
            and _start(line) is None
            and after[0] - place[0] <= 1
            and len(line.split()) >= _MIN_PROMISE_WORDS
        ):
            items.add(place)
    if len(items) < _MIN_LABELLED_SENTENCES:
        return blocks
    out = list(blocks)
    for b, lines in enumerate(lines_of):
        block = blocks[b]
        marked = {n for at, n in items if at == b}
        if lines is None or (lines == _lines(block) and not marked):
            continue
        assert isinstance(block, Paragraph)
        out[b] = Paragraph(
            text="\n".join(f"• {line}" if n in marked else line for n, line in enumerate(lines)),
            where=block.where,
            read_by=(*block.read_by, rules.SENTENCE_FIELDS.code),
        )
    return out


def labelled_sentences(blocks: list[Block]) -> list[Block]:
    """Lines of their own that each say what will be done and then, as sentences after it,
    who leads it or by when ("… Led by the Head of SEND. By September 2026."), two or more in
    a row, headings of the plan's parts between them aside: the items of lists written
    without bullets, each an action (rule `labelled-sentences`). Read as the bulleted lines
    they stand for."""
    out = list(blocks)
    group: list[int] = []

    def close() -> None:
        if len(group) >= _MIN_LABELLED_SENTENCES:
            for at in group:
                block = out[at]
                assert isinstance(block, Paragraph)
                out[at] = Paragraph(
                    text=f"• {block.text.strip()}",
                    where=block.where,
                    read_by=(*block.read_by, rules.LABELLED_SENTENCES.code),
                )
        group.clear()

    for at, block in enumerate(out):
        if _labelled_sentence(block):
            group.append(at)
        elif not (isinstance(block, Heading) or _is_section(" ".join(_lines(block)))):
            close()
    close()
    return out


def segment(blocks: list[Block]) -> list[Block]:
    """The blocks, with each run of actions written as lines made into one table."""
    blocks = labelled_sentences(sentence_fields(labels_above_values(blocks)))
    blocks = numbered_heads_over_lead_ins(stages_with_status(blocks))
    blocks = numbered_headings_over_words(numbered_heads_as_refs(labelled_lead_ins(blocks)))
    blocks = headed_items(glued_actions(fields_tables_as_lines(blocks)))
    out: list[Block] = []
    run = _Run()
    section_ref = ""
    for number, block in enumerate(blocks):
        lines = _lines(block)
        if isinstance(block, Heading) and (found := values.section_heading(squash(block.text))):
            section_ref = found.ref if found.ref[:1].isdigit() else ""
        if not run.records:
            run.section_ref = section_ref
        if isinstance(block, Table) or (
            isinstance(block, Heading)
            and (block.is_sheet or rules.NUMBERED_HEAD_OVER_LEAD_IN.code in block.read_by)
        ):
            out.extend(_close(run))
            run = _Run()
            out.append(block)
            continue
        after = _lines(blocks[number + 1]) if number + 1 < len(blocks) else []
        # "1. EHCP team" with "Update: ..." under it is an action, not a part of the plan.
        labelled = (
            bool(after)
            and _start(lines[0] if lines else "")
            and (label_after := _label(after[0]))
            # "What this will look like:" under "2. Inclusive schools": no field of an action,
            # but what the part's list is.
            and (bool(label_after[1].strip()) or not _numbered_part(block, lines))
        )
        if not lines or (
            _ends_list(lines[0])
            and not labelled
            and not _next_item(run, lines[0])
            and not _field_of_record(run, lines[0])
        ):
            out.extend(_close(run))
            run = _Run()
            out.append(block)
            continue
        if _opens_section_list(out, lines) and not introduces_actions(lines[-1]):
            # "Work Stream 1", then "Responsible for embedding the changes:" and bullets: the
            # section's actions, however they are worded.
            out.extend(_close(run))
            out.append(block)
            run = _Run(listing=True, bullets_only=True)
            continue
        listed_after = bool(after) and bool(_BULLET.match(after[0]))
        if listed_after and _points_to_named_work(lines, _text_before(run, out)):
            # "The strategy sets out four priorities.", then "These include:" over bullets:
            # the bullets are those priorities, however they are worded.
            out.extend(_close(run))
            out.append(block)
            run = _Run(listing=True, bullets_only=True, rule=rules.LIST_AFTER_NAMED_WORK.code)
            continue
        itemised_after = bool(after) and bool(_BULLET.match(after[0]) or _start(after[0]))
        if itemised_after and len(lines) == 1 and pointed_lists.points_to_listed_work(lines[0]):
            # "We are seeking views on the four proposals below, …", then numbered items: the
            # items are those proposals, however each is worded.
            out.extend(_close(run))
            out.append(block)
            run = _Run(listing=True, rule=rules.LIST_BELOW_NAMED.code)
            continue
        first_item = introduced_item(lines[0]) if len(lines) == 1 and listed_after else None
        if first_item is not None:
            # "Our commitments:We will …" over bullets: the list begins on the line that
            # introduces it.
            out.extend(_close(run))
            run = _Run(listing=True)
            _new_record(run, block, "", first_item[1])
            run.blocks.append(block)
            continue
        if introduces_actions(lines[-1]):
            # A short line the list before took for a sub-heading, with no item under it, is
            # the title of the list this line introduces.
            trailing = (
                run.group
                if run.group and run.records and run.records[-1].group != run.group
                else ""
            )
            out.extend(_close(run))
            # "Early identification", then "What we will do" and the list: the short line
            # just before the introduction names what the listed actions are for.
            plain = out and isinstance(out[-1], Paragraph | Heading)
            before = _lines(out[-1]) if plain and not getattr(out[-1], "is_sheet", False) else []
            # Not the name of a priority whose heading gave only its number ("High priority
            # 1", then its name): that names the priority, as the interpreter reads it.
            under_bare = len(out) > 1 and _bare_level_line(out[-2])
            titled = (
                len(lines) == 1
                and len(before) == 1
                and _sub_heading(before)
                and not _is_section(before[0])
                and not under_bare
            )
            out.append(block)
            group = trailing or (squash(before[0]).rstrip(":") if titled else "")
            due_text = _lead_in_due(lines[-1])
            changes = bool(_CHANGES_TO_MAKE.search(squash(lines[-1])))
            run = _Run(
                listing=True,
                group=group,
                due_text=due_text,
                rule=rules.LIST_DATED_BY_LEAD_IN.code
                if due_text
                else rules.CHANGES_TO_MAKE.code
                if changes
                else "",
            )
            continue
        fresh = not run.records
        if _take(run, block, lines):
            if fresh and run.records:
                run.resolved = _opens_resolutions(out)
                run.reasons = _asks_why(out)
            continue
        listing = run.listing and not run.records and not run.bullets_only
        out.extend(_close(run))
        run = _Run(listing=listing)
        if _take(run, block, lines):
            run.resolved = bool(run.records) and _opens_resolutions(out)
            run.reasons = bool(run.records) and _asks_why(out)
            continue
        out.append(block)
    out.extend(_close(run))
    return out


# "RESOLVED", "Resolved –", "That", "RESOLVED that:": the line that opens a committee's
# resolutions, each item after it a decision.
_RESOLUTIONS_OPEN = re.compile(
    r"^(?:(?:it\s+was\s+)?resolved|decision|decided)?\s*[-–—:]?\s*(?:that)?\s*[-–—:]?$", re.I
)


def _asks_why(out: list[Block]) -> bool:
    """The line just before a list asks why ("Why are we doing this?", "Why we are consulting:"):
    the list gives reasons, not actions (rule `reasons-under-why`)."""
    if not out or isinstance(out[-1], Table):
        return False
    return pointed_lists.asks_why(squash(out[-1].text))


def _opens_resolutions(out: list[Block]) -> bool:
    """The block just before a list is the line that opens a committee's resolutions."""
    if not out or isinstance(out[-1], Table):
        return False
    text = squash(out[-1].text)
    return bool(text) and _RESOLUTIONS_OPEN.match(text) is not None


def _field_of_record(run: _Run, line: str) -> bool:
    """ "Area of weakness: …" on a line of its own among a record's labelled lines ("Action
    1.1: …", "Lead: …") is one of its fields; bulleted, under a list, it names a section."""
    text = squash(line)
    return (
        bool(run.records)
        and not _BULLET.match(line)
        and values.section_heading(text) is None
        and values.labelled_section(text) is not None
        and _label(line) is not None
    )


def _bare_level_line(block: Block) -> bool:
    lines = _lines(block)
    return len(lines) == 1 and values.bare_level(squash(lines[0])) is not None


# "2. Inclusive schools and settings": a document's heading numbered as one of its parts.
_NUMBERED_HEADING = re.compile(r"^\d{1,2}[.)]?\s+[A-Z][a-z]")


def _numbered_part(block: Block, lines: list[str]) -> bool:
    """A Word heading numbered as one of the document's parts ("2. Inclusive schools and
    settings"), not an action written as a heading ("2. Publish the guidance."): it names,
    and does not do."""
    if not isinstance(block, Heading) or len(lines) != 1:
        return False
    text = squash(lines[0])
    if not _NUMBERED_HEADING.match(text) or text.endswith((".", ";", ":")):
        return False
    return not profile.opens_with_verb(text.split(maxsplit=1)[1])


def _opens_section_list(out: list[Block], lines: list[str]) -> bool:
    """A line ending in a colon right under a section's heading, with no bullet of its own:
    a heading that names its level ("Work Stream 1"), or a numbered heading of a Word file
    ("2. Inclusive schools and settings", then "What this will look like:")."""
    if len(lines) != 1 or not lines[0].rstrip().endswith(":") or _BULLET.match(lines[0]):
        return False
    before = _lines(out[-1]) if out and not isinstance(out[-1], Table) else []
    if len(before) != 1:
        return False
    numbered = _numbered_part(out[-1], before)
    return not getattr(out[-1], "is_sheet", False) and (
        _is_section(before[0]) or values.bare_level(squash(before[0])) is not None or numbered
    )


def _take(run: _Run, block: Block, lines: list[str]) -> bool:
    """Add the block to the run if it opens a record, or carries on the last one."""
    if run.bullets_only and not (_BULLET.match(lines[0]) or lines[0].startswith(SUB_ITEM)):
        return False
    start = _start(lines[0])
    if start is None and _next_item(run, lines[0]):
        start = _start(lines[0], min_words=1)
    label = _label(lines[0])
    current = run.records[-1] if run.records else None
    lettered = _LETTERED.match(lines[0])
    action_by = _ACTION_BY.match(squash(lines[0])) if current is not None else None
    if run.awaiting_action_by and len(lines) == 1:
        run.awaiting_action_by = False
        run.action_by = _unbracketed(squash(lines[0]))
        run.blocks.append(block)
        return True
    if action_by is not None and len(lines) == 1 and _decisions(run):
        # "Action by:" under a committee's decisions: the officer who carries them out, on
        # this line or the next.
        run.action_by = _unbracketed(action_by.group("who").strip())
        run.awaiting_action_by = not run.action_by
        run.blocks.append(block)
        return True
    if (
        lettered is not None
        and current is not None
        and (current.sub_refs or current.title.rstrip().endswith(":"))
        and len(current.sub_refs) == len(current.subs)
    ):
        # "2. Cabinet notes the following recommendations:" over "(a) That …", "(b) That …":
        # the items the record lists, by their letters.
        current.subs.append(squash(lines[0][lettered.end() :]))
        current.sub_refs.append(lettered.group("letter"))
        for line in lines[1:]:
            current.subs[-1] = f"{current.subs[-1]} {squash(line)}"
        run.blocks.append(block)
        return True
    if start is not None and (label is None or label[0].lower() in ("action", "ref")):
        _new_record(run, block, start[0], start[1])
        run.bracketed_numbers += bool(_BRACKETED_NUMBER.match(squash(lines[0])))
    elif _BULLET.match(lines[0]) and _separated_fields(squash(_BULLET.sub("", lines[0]))):
        # "AMBER – 1.1 … (Lead: …; due …)": an item of parts set apart by dashes, though its
        # first part stands like a label (rule `separated-parts`).
        _new_record(run, block, "", squash(_BULLET.sub("", lines[0])), bulleted=True)
    elif label is not None and (barred := _barred_record(*label)) is not None:
        # "Ref: 1.1 | What: … | Who: … | When: … | Status: …": a whole action on one line.
        record = _Record(where=block.where, ref=barred[0], title=barred[1], inline=True,
                         group=run.group)  # fmt: skip
        for name, value in barred[2]:
            record.add(name, value)
        run.records.append(record)
        run.rule = run.rule or rules.BARRED_RECORDS.code
    elif label is not None and Col.TITLE in cols.heading_roles(label[0]):
        # "Action: ..." with no ref, its fields on the lines that follow.
        _new_record(run, block, "", label[1])
    elif current is not None and lines[0].startswith(SUB_ITEM):
        # An item of the item above: part of it, or one of the things it lists (`_close`).
        current.subs.append(squash(lines[0][len(SUB_ITEM) :]))
    elif current is not None and (label or (label := _label(lines[0], known=False))):
        current.add(*label)
    elif current is not None and (bracketed := _bracketed_line(lines[0])) is not None:
        # "[Lead: …; Due: …; RAG: …]" under the action: its fields.
        for name, value in bracketed:
            current.add(name, value)
        run.rule = run.rule or rules.BRACKETED_LINE.code
    elif _aside(run, block, lines):
        # Between two numbered items, what follows a finished sentence is about the item above
        # (an example, a picture's description, a list of partners), not another action nor
        # more of its title: it is read as narrative.
        run.notes.append(block)
        run.noted_at = len(run.records)
        run.blocks.append(block)
        return True
    elif _BULLET.match(lines[0]) and not lines[0].startswith(SUB_ITEM):
        if rules.LABELLED_SENTENCES.code in getattr(block, "read_by", ()):
            run.rule = run.rule or rules.LABELLED_SENTENCES.code
        _new_record(run, block, "", squash(_BULLET.sub("", lines[0])), bulleted=True)
        run.bulleted += 1
        lettered = _ITEM_LETTER.match(lines[0])
        run.records[-1].letter = lettered.group("letter") if lettered else ""
    elif (
        run.listing
        and run.records
        and run.bulleted == len(run.records)
        and run.records[-1].group == run.group
        and _leaves_list(lines)
    ):
        # "Families can ask for a printed copy." straight after a bulleted list of what will
        # be done: the page goes on, and the list has ended. (Under a sub-heading of the list,
        # a plain paragraph is still one of its items.)
        return False
    elif _change_named(run, lines):
        # Under "The main changes we are looking to make", a line of its own that opens with a
        # verb ("Moving information on post 16 travel …") is one more change, though it stands
        # like a heading (rule `changes-not-headings`).
        _new_record(run, block, "", squash(lines[0]))
        run.changes_unheaded += 1
    elif (run.listing and isinstance(block, Heading)) or (run.listing and _sub_heading(lines)):
        run.group = squash(lines[0]).rstrip(":")
        run.blocks.append(block)
        return True
    elif (
        run.listing
        and len(lines[0].split()) <= _MAX_RECORD_WORDS
        and not lines[0].rstrip().endswith("?")
    ):
        _new_record(run, block, "", squash(lines[0]))
    elif current is not None and not current.inline and _continues(lines[0]):
        current.carry_on(squash(lines[0]))
    else:
        return False
    record = run.records[-1]
    for line in lines[1:]:
        more = _label(line, known=False)
        bracketed = _bracketed_line(line) if more is None else None
        if more is not None:
            record.add(*more)
        elif bracketed is not None:
            for name, value in bracketed:
                record.add(name, value)
            run.rule = run.rule or rules.BRACKETED_LINE.code
        else:
            record.carry_on(squash(_BULLET.sub("", line)))
    run.blocks.append(block)
    return True


# "(a) That …", "(b) …": an item lettered within a numbered one.
_LETTERED = re.compile(r"^\s*\((?P<letter>[a-z])\)\s+(?=\S)")
# "Action by:", "Action by: Head of SEND": who carries out a committee's decisions.
_ACTION_BY = re.compile(
    r"^(?:actions?\s+by|actioned\s+by|responsible\s+officer)\s*:\s*(?P<who>.*)$", re.I
)


def _change_named(run: _Run, lines: list[str]) -> bool:
    """A line of its own, in the list a line naming the changes to make leads into, that
    opens with a verb and does not ask a question: a change, not the heading of those below
    (rule `changes-not-headings`)."""
    text = squash(lines[0])
    return (
        run.rule == rules.CHANGES_TO_MAKE.code
        and len(lines) == 1
        and not text.endswith(("?", ":"))
        and profile.opens_with_verb(text)
    )


def _unbracketed(text: str) -> str:
    """ "(Head of SEND (J. Bloggs)": the words, without a bracket left open before them."""
    if text.startswith("(") and text.count("(") > text.count(")"):
        return text[1:].strip()
    return text


def _decisions(run: _Run) -> bool:
    return run.resolved or (
        bool(run.records) and all(decision_clause(record.title) for record in run.records)
    )


_SENTENCE_ENDS = (".", "!", "?", ".)", ".”", '."')
# A line after a bulleted list that leads into another list, not a sub-heading of this one.
_MIN_LEAD_IN_WORDS = 5


def _leaves_list(lines: list[str]) -> bool:
    """A plain line after a list of bulleted items that is not one of them: a whole sentence,
    or a line leading into another list that is not one of actions."""
    text = squash(lines[0])
    if _BULLET.match(lines[0]) or lines[0].startswith(SUB_ITEM) or _start(lines[0]):
        return False
    if text.endswith(_SENTENCE_ENDS):
        return len(text.split()) >= _MIN_ITEM_WORDS
    return (
        text.endswith(":")
        and len(text.split()) >= _MIN_LEAD_IN_WORDS
        and not introduces_actions(text)
    )


def _numbers(ref: str) -> list[int]:
    return [int(part) for part in re.findall(r"\d+", ref)]


def _next_item(run: _Run, line: str) -> bool:
    """ "3. Annual Reviews" after items 1 and 2: the next item of a numbered run, however
    short, not a heading that ends it."""
    start = _start(line, min_words=1)
    numbered = [record for record in run.records if record.ref]
    if start is None or len(numbered) < 2:
        return False
    last, ref = _numbers(numbered[-1].ref), _numbers(start[0])
    return (
        bool(last) and len(ref) == len(last) and ref[:-1] == last[:-1] and ref[-1] == last[-1] + 1
    )


def _aside(run: _Run, block: Block, lines: list[str]) -> bool:
    """A paragraph after a numbered item whose sentence has ended, in a run of numbered items:
    not an item of its own, and not words the item's sentence still needs."""
    current = run.records[-1] if run.records else None
    if current is None or not current.ref or isinstance(block, Heading):
        return False
    last = current.fields[-1][1] if current.fields else current.title
    # After a labelled line ("Update: ..."), more paragraphs are more of what it says about
    # the item, whether or not the excerpt kept the end of its sentence.
    ended = last.rstrip().endswith(_SENTENCE_ENDS) or (
        bool(current.fields) and not _continues(lines[0])
    )
    if not ended and not run.notes_after(current):
        return False
    return not lines[0].startswith(SUB_ITEM) and not _is_section(lines[0])


# "To establish a SEND board - The board now meets six times a year": an action, a dash set
# apart by spaces, then what has been done about it.
_PROGRESS_AFTER_DASH = re.compile(r"^(?P<action>.{10,}?)\s+[-–—]\s+(?P<progress>[A-Z].{10,})$")


# " | " between a web table's cells, flattened onto one line: "name | deliverables |".
_PIPED_CELLS = re.compile(r"\s+\|\s+|\s+\|$")


def _piped_fields(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A numbered record that is a web table's row flattened ("Project No 1 <name> <lead> |
    1. By end of March, we will … |"): the name, and its lead (a person's name the lead
    column ran into it) and the next cell, its deliverables, as fields."""
    if not text.rstrip().endswith("|"):
        return None
    cells = [cell.strip() for cell in _PIPED_CELLS.split(text.strip()) if cell.strip()]
    if len(cells) < 2:
        return None
    fields: list[tuple[str, str]] = []
    named = people.trailing_name(cells[0])
    title = cells[0]
    if named is not None:
        title, lead = named
        fields.append(("Lead", lead))
    fields.append(("Measures", "\n".join(_numbered_items(cell) for cell in cells[1:])))
    return title, fields


_ITEM_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,2})\.\s+(?=[A-Z])")


def _numbered_items(text: str) -> str:
    """ "1. By March, we will … 2. By June, we will …" as one item a line, without the
    numbers, when they count up from 1 from the start."""
    marks = list(_ITEM_NUMBER.finditer(text))
    numbers = [int(mark.group(1)) for mark in marks]
    if len(marks) < 2 or marks[0].start() != 0 or numbers != list(range(1, len(marks) + 1)):
        return text
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    return "\n".join(text[mark.end() : end].strip() for mark, end in zip(marks, ends, strict=True))


# "Provide more staff in the team Update: Four officers start in May.": a promise, then a
# progress label run on after its words with no full stop between, and what has happened since.
_PROGRESS_RUN_ON = re.compile(
    r"^(?P<action>[^.!?:]{10,}?[A-Za-z0-9)])\s+"
    r"(?:Update|Progress(?:\s+(?:update|to\s+date|so\s+far))?|Current\s+position)\s*:\s+"
    r"(?P<progress>[A-Z].{10,})$"
)
_MIN_PROMISE_WORDS = 3


def _progress_run_on(title: str) -> tuple[str, str] | None:
    """("Provide more staff in the team", "Four officers start in May.") for a promise with
    its update run on after it, a whole sentence; None for words that only name an update
    ("the termly SEND Update: a newsletter")."""
    match = _PROGRESS_RUN_ON.match(title)
    if match is None:
        return None
    action, progress = match.group("action").strip(), match.group("progress").strip()
    if len(action.split()) < _MIN_PROMISE_WORDS or not progress.endswith((".", "!")):
        return None
    return action, progress


# What an item says will be done ("The team will extend it …", "We plan to …"), and what it
# says has been done ("… has been formed", "… has also begun", "We also shared …").
_WILL_BE_DONE = re.compile(
    r"\b(?:will|shall|(?:plan|plans|intend|intends|aim|aims)\s+to|(?:is|are)\s+going\s+to)\b",
    re.I,
)
_HAS_BEEN_DONE = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|now|already|recently)\s+)?(?:been|begun|started|[a-z]+ed)\b"
    r"|\b(?:was|were)\s+(?:(?:also|now)\s+)?[a-z]+(?:ed|en)\b"
    r"|^(?:we|they|the\s+\w+)\s+(?:(?:also|then|recently)\s+)?[a-z]+ed\b",
    re.I,
)


def _progress_then_plan(title: str) -> tuple[str, str] | None:
    """("It will agree the guidance this term.", "A group has been formed. We also shared a
    draft.") for an item that opens with what has been done and then says what will be: the
    sentences of what will be done are the action, the others its progress. None unless every
    sentence is one or the other and the item opens with what has been done."""
    sentences = _SENTENCE_BREAK.split(title.strip())
    if len(sentences) < 2:
        return None
    planned = [bool(_WILL_BE_DONE.search(sentence)) for sentence in sentences]
    done = [
        not plan and bool(_HAS_BEEN_DONE.search(sentence))
        for plan, sentence in zip(planned, sentences, strict=True)
    ]
    told = all(plan or was for plan, was in zip(planned, done, strict=True))
    if not done[0] or not any(planned) or not told:
        return None
    action = " ".join(s for s, plan in zip(sentences, planned, strict=True) if plan)
    progress = " ".join(s for s, plan in zip(sentences, planned, strict=True) if not plan)
    return action, progress


# What sets an item's parts apart: a dash with spaces either side, or a semicolon.
_PART_BREAK = re.compile(r"\s+[—–-]\s+|\s*;\s+")
_MAX_PART_DATE_WORDS = 5
# The small words a post's title keeps in lower case: "Head of Education and Skills".
_POST_JOINERS = frozenset({"of", "and", "for", "the", "&", "with", "in"})
_MIN_SEPARATED_FIELDS = 2


def _outside_brackets(text: str) -> list[str]:
    """The text split at each dash or semicolon that stands outside brackets."""
    parts, depth, start = [], 0, 0
    for match in _PART_BREAK.finditer(text):
        depth = text.count("(", 0, match.start()) - text.count(")", 0, match.start())
        if depth == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts]


def _separated_part(part: str) -> tuple[str, str] | None:
    """(label, value) for one part of a separated item that is a field: a labelled value, a
    date (after "by" or alone), a rating word, a ref, or a person's name or post."""
    labelled = _LABEL.match(part)
    if labelled and cols.heading_roles(labelled.group("label").strip()):
        return labelled.group("label").strip(), labelled.group("value").strip()
    by = _BRACKETED_BY.match(part)
    if by and profile.is_date(by.group("value")):
        return "Due", by.group("value").strip()
    words = part.split()
    if len(words) <= _MAX_PART_DATE_WORDS and profile.is_date(part) and not _start(part):
        return "Due", part
    if statuses.rating_words(part) or statuses.colour_word(part):
        return "Status", part
    ref = values.read_ref(part)
    if ref is not None:
        return "Ref", ref.value
    if people.is_name(part) or (
        len(words) <= _MAX_OWNER_WORDS
        and people.is_role_word(words[-1].strip("()"))
        and all(word[:1].isupper() or word in _POST_JOINERS for word in words)
    ):
        return "Lead", part
    return None


def _coded_start(text: str) -> tuple[str, str] | None:
    """("WSoA-01", "Train …") for words that open with a coded ref and a space ("WSoA-01 Train
    …"): a ref of letter and number parts, as `values.read_ref` reads a code."""
    first, _, rest = text.partition(" ")
    ref = values.read_ref(first)
    if ref is None or not ref.coded or len(rest.split()) < _MIN_PROMISE_WORDS:
        return None
    return ref.value, rest.strip()


def _separated_fields(text: str) -> tuple[str, str, list[tuple[str, str]]] | None:
    """(ref, words, fields) for an item whose parts are set apart by dashes or semicolons, every
    part but the action's words a field (rule `separated-parts`); None otherwise."""
    parts = _outside_brackets(text)
    if len(parts) < 2:
        return None
    read = [_separated_part(part) for part in parts]
    unread = [n for n, found in enumerate(read) if found is None]
    # The action's words: one run of parts that are no field (a dash may stand inside them),
    # after a ref or a rating at most; each field once (a key repeats its ratings).
    if not unread or unread != list(range(unread[0], unread[-1] + 1)) or unread[0] > 1:
        return None
    labels = [found[0] for found in read if found is not None]
    if len(labels) != len(set(labels)):
        return None
    title = text
    first, last = parts[unread[0]], parts[unread[-1]]
    title = text[text.index(first) : text.rindex(last) + len(last)].strip()
    ref = ""
    fields: list[tuple[str, str]] = []
    for found in read:
        if found is None:
            continue
        if found[0] == "Ref":
            if ref:
                return None
            ref = found[1]
            continue
        fields.append(found)
    start = _start(title) or _coded_start(title)
    if not ref and start is not None:
        ref, title = start
    # The parts must say it is such an item: a ref, or two fields at least set apart.
    if not ref and len(fields) < _MIN_SEPARATED_FIELDS:
        return None
    bracketed = _bracketed_fields(title)
    if bracketed is not None:
        title, more = bracketed
        fields += more
    if len(fields) < _MIN_SEPARATED_FIELDS or len(title.split()) < _MIN_PROMISE_WORDS:
        return None
    return ref, title, fields


def _new_record(run: _Run, block: Block, ref: str, text: str, *, bulleted: bool = False) -> None:
    piped = _piped_fields(text) if ref else None
    separated = _separated_fields(text) if not piped else None
    if separated is not None:
        ref = ref or separated[0]
        record = _Record(where=block.where, ref=ref, title=separated[1], inline=True,
                         group=run.group)  # fmt: skip
        for name, value in separated[2]:
            record.add(name, value)
        run.records.append(record)
        run.rule = run.rule or rules.SEPARATED_PARTS.code
        return
    title, inline = piped or _inline_fields(text)
    if inline and not piped and _owner_date_in_brackets(text):
        run.rule = run.rule or rules.OWNER_DATE_THEN_RATING.code
    dashed = _PROGRESS_AFTER_DASH.match(title) if not inline else None
    if dashed and profile.opens_with_verb(dashed.group("action")):
        title, inline = dashed.group("action"), [("Progress", dashed.group("progress"))]
    elif not inline and run.listing and (run_on := _progress_run_on(title)) is not None:
        title, inline = run_on[0], [("Progress", run_on[1])]
        run.rule = run.rule or rules.PROGRESS_RUN_ON.code
    elif not inline and (run.listing or bulleted) and (split := _progress_then_plan(title)):
        title, inline = split[0], [("Progress", split[1])]
        run.rule = run.rule or rules.PROGRESS_THEN_PLAN.code
    record = _Record(where=block.where, ref=ref, title=title, inline=bool(inline), group=run.group)
    for name, value in inline:
        record.add(name, value)
    run.records.append(record)


_INTRO = re.compile(
    r"\b(?:we will|we['’]ll|we(?: have|['’]ve)(?: (?:already|so far|now|also))?(?=\s*:)"
    r"|we are going to|we['’]re going to|we want(?: to)?|we plan to|we aim to"
    r"|we intend to|we are doing|we['’]re doing|we have done|what we(?: are|['’]re)? doing"
    r"|said we would|we promised(?: to)?"
    r"|what has been done|what have we done"
    r"|what we (?:are |['’]re )?going to do|what we will do|what we have done|what we did"
    r"|what['’]s next|what happens next|next steps|(?:key|our|planned|agreed|improvement) actions?"
    r"|actions(?! plan)|deliverables|commitments?(?=\s*:)"
    # A consultation's "The main changes we are looking to make include:", "Proposed
    # changes": the changes the council means to make (rule `changes-to-make`).
    r"|changes? (?:that )?(?:we )?(?:are )?(?:we )?(?:looking|proposing|planning) to make"
    r"|proposed changes)\b",
    re.I,
)
_CHANGES_TO_MAKE = re.compile(
    r"\b(?:changes? (?:that )?(?:we )?(?:are )?(?:we )?(?:looking|proposing|planning) to make"
    r"|proposed changes)\b",
    re.I,
)
_MAX_INTRO_WORDS = 20
_MAX_INTRO_HEADING_WORDS = 8


_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def introduces_actions(line: str) -> bool:
    """ "We will:", "What we are doing", "Actions developed to date include:": a line after
    which a list of actions follows; perhaps the last sentence of a paragraph."""
    text = squash(line)
    if text.endswith(":"):
        text = _LAST_SENTENCE.split(text)[-1]
    words = text.split()
    if not words or len(words) > _MAX_INTRO_WORDS or _BULLET.match(line) or _start(line):
        return False
    if not _INTRO.search(text):
        return False
    return text.endswith(":") or (
        len(words) <= _MAX_INTRO_HEADING_WORDS and not text.endswith((".", "!"))
    )


# "Our commitments:We will clarify roles …": the label and the first item on one line.
_LABEL_THEN_ITEM = re.compile(r"^(?P<label>[^:]{3,80}:)\s*(?P<item>\S.*)$")
_MAX_LABEL_INTRO_WORDS = 8


def introduced_item(line: str) -> tuple[str, str] | None:
    """("Sutton commitments:", "We will …") for a line whose label introduces actions and
    whose first action follows the colon on the same line; perhaps an item of a list."""
    match = _LABEL_THEN_ITEM.match(squash(_BULLET.sub("", line)))
    if match is None or len(match.group("label").split()) > _MAX_LABEL_INTRO_WORDS:
        return None
    label, item = match.group("label"), match.group("item")
    if not introduces_actions(label) or not profile.opens_with_verb(item):
        return None
    return label, item


# The semicolon (perhaps with "and" or "or") that joins a list's items as one sentence.
_LIST_JOIN = re.compile(r"\s*;(?:\s*(?:and|or))?\s*$", re.I)

# "By the end of 2025, we will:", "By March 2027 we will:": a date, after "by" or "before",
# opening the line that introduces a list.
_DATED_LEAD_IN = re.compile(r"^(?P<when>(?:by|before)\s+[^,:;]{3,30}?)[,\s]+(?=we\b)", re.I)


def _lead_in_due(line: str) -> str:
    """ "By the end of 2025" for "By the end of 2025, we will:": the words for the date by
    which a list is due, when the line introducing it opens with one."""
    text = squash(line)
    if text.endswith(":"):
        text = _LAST_SENTENCE.split(text)[-1]
    match = _DATED_LEAD_IN.match(text)
    if match is None or dates.read_date(match.group("when")) is None:
        return ""
    return match.group("when")


# "These include:", "They are:", "These areas are:": a line that only points back.
_POINTER = re.compile(
    r"^(?:these|they|this|which)(?:\s+[a-z]+){0,2}\s+(?:include|includes|are|is)"
    r"(?:\s+as\s+follows)?\s*:$",
    re.I,
)
# What the sentence before must name for the list to be the plan's work.
_NAMES_WORK = re.compile(
    r"\b(?:priorit(?:y|ies)|actions|commitments?|objectives|aims|goals|pledges"
    r"|work\s?streams?|areas? (?:of|for) (?:focus|improvement|development))\b",
    re.I,
)
_MAX_POINTED_SENTENCE_WORDS = 40


def _text_before(run: _Run, out: list[Block]) -> str:
    """The words of the block just before this one, wherever it went (a run or the output)."""
    block = run.blocks[-1] if run.blocks else (out[-1] if out else None)
    if block is None or isinstance(block, Table) or getattr(block, "is_sheet", False):
        return ""
    return squash(block.text)


def _points_to_named_work(lines: list[str], before: str) -> bool:
    """ "These include:" after a sentence naming the plan's priorities or actions, on the
    same line or the one before: the list that follows is those."""
    text = squash(lines[-1])
    sentences = _LAST_SENTENCE.split(text)
    if len(lines) != 1 or not _POINTER.match(sentences[-1]):
        return False
    named = sentences[-2] if len(sentences) > 1 else _LAST_SENTENCE.split(before)[-1]
    return (
        len(named.split()) <= _MAX_POINTED_SENTENCE_WORDS
        and not named.rstrip().endswith(":")
        and _NAMES_WORK.search(named) is not None
    )


_NUMBERED_TITLE = re.compile(r"^\d{1,2}[.)]?\s+[A-Z][^.:;]{2,100}$")
_MAX_SUB_HEADING_WORDS = 10


# The parts of a report that follow its next steps and list no actions: "Risks and issues",
# "Key achievements this period", "Decisions required".
_REPORT_PART = re.compile(
    r"^(?:key\s+)?(?:risks?(?:\s+and\s+issues)?|issues(?:\s+and\s+risks)?|achievements"
    r"|decisions?(?:\s+(?:required|needed))?|escalations?)\b[\w\s]{0,30}:?$",
    re.I,
)


def _ends_list(line: str) -> bool:
    """A theme, a priority or a numbered part of the plan begins, or a report's part that is
    no list of actions ("Risks and issues"): any list has ended."""
    text = squash(line)
    return (
        _is_section(text)
        or bool(_REPORT_PART.match(text))
        # "RESOLVED: That", "Decision:": the minutes' resolutions begin, whatever list the
        # discussion before them had (rule `resolution-clauses`).
        or bool(text and _RESOLUTIONS_OPEN.match(text))
        # "Why are we doing this?": the reasons begin (rule `reasons-under-why`).
        or pointed_lists.asks_why(text)
        or values.bare_level(text) is not None
        or (bool(_NUMBERED_TITLE.match(text)) and len(text.split()) <= _MAX_SUB_HEADING_WORDS)
    )


def _sub_heading(lines: list[str]) -> bool:
    """A short line of its own among a list's items, with no full stop: it heads those below."""
    text = squash(lines[0])
    return (
        len(lines) == 1
        and len(text.split()) <= _MAX_SUB_HEADING_WORDS
        and not text.endswith((".", ";", ","))
        and text[:1].isupper()
    )


def _continues(line: str) -> bool:
    """A line after a record's labelled lines that is more of the last value."""
    return bool(_BULLET.match(line)) or line[:1].islower()


_MIN_LISTED = 3
_MIN_LISTED_WORDS = 4


def _lists_actions(record: _Record) -> bool:
    """ "The development of an Inclusion Strategy to include:" over three or more items, each a
    thing to deliver of a few words at least: a strand of work and its actions. Fewer, or
    shorter, items ("including: sessions on Saturdays, sessions in Polish") are details of
    the one action."""
    return (
        (not record.ref or len(record.sub_refs) == len(record.subs))
        and not record.fields
        and record.title.rstrip().endswith(":")
        and len(record.subs) >= _MIN_LISTED
        and all(len(sub.split()) >= _MIN_LISTED_WORDS for sub in record.subs)
    )


def _expand(records: list[_Record]) -> list[_Record]:
    """Each record with its own list of actions as those actions, grouped under its words; any
    other record's sub-items joined to its words."""
    out: list[_Record] = []
    for record in records:
        if _lists_actions(record):
            group = record.title.rstrip().rstrip(":").strip()
            refs = record.sub_refs if len(record.sub_refs) == len(record.subs) else []
            out.extend(
                _Record(where=record.where, ref=refs[n] if refs else "", title=sub, group=group,
                        listed=True)
                for n, sub in enumerate(record.subs)
            )  # fmt: skip
            continue
        if record.subs:
            record.title = " ".join([record.title, *record.subs]).strip()
            record.subs = []
        out.append(record)
    return out


# The most words a bullet broken off the one above at a line wrap may have.
_MAX_TAIL_WORDS = 4
# The fewest other bullets, all opening with a verb, that show what the list's items look like.
_MIN_VERB_ITEMS = 3
_ITEM_ENDS = (".", ";", ":", "!", "?", ",")


def _wrapped_tails(records: list[_Record]) -> list[_Record]:
    """A list of bulleted actions, each opening with a verb or each in lower case, where one
    "bullet" is only a few capitalised words naming something, no verb ("- LDA Programme
    Board"), straight after a bullet whose
    words stop without a full stop ("… and report back via BSW"): the page's line wrap broke
    that bullet in two, and the short one is the end of the one above (rule
    `bullet-wrap-tail`)."""
    plain = [r for r in records if not r.ref and not r.fields and not r.subs]
    if len(plain) != len(records) or len(records) < _MIN_VERB_ITEMS + 1:
        return records

    def tail(record: _Record) -> bool:
        words = record.title.split()
        return (
            len(words) <= _MAX_TAIL_WORDS
            and record.title[:1].isupper()
            and not record.title.rstrip().endswith(_ITEM_ENDS)
            and not profile.opens_with_verb(record.title)
        )

    # The other items look alike: each opens with a verb, or each is written in lower case.
    others = [r for r in records if not tail(r)]
    if len(others) < _MIN_VERB_ITEMS or not (
        all(profile.opens_with_verb(r.title) for r in others)
        or all(r.title[:1].islower() for r in others)
    ):
        return records
    out: list[_Record] = []
    for record in records:
        before = out[-1] if out else None
        if (
            before is not None
            and tail(record)
            and not tail(before)
            and not before.title.rstrip().endswith(_ITEM_ENDS)
        ):
            before.title = f"{before.title.rstrip()} {record.title.strip()}"
            before.wrapped_tail = True
            continue
        out.append(record)
    return out


# "Owner: Kerry Dunn | Due: Q4 25/26 | Status: On track": several labelled fields on one line,
# set apart by bars (rule `fields-on-one-line`).
_BARRED_LABEL = re.compile(r"\s+\|\s+(?=[A-Z][A-Za-z /&'’\-]{0,30}:)")


def _barred_fields(label: str, value: str) -> list[tuple[str, str]] | None:
    """The fields a labelled line holds when its value goes on, after a bar, to more labels
    that head action columns; None when it does not."""
    parts = _BARRED_LABEL.split(value)
    if len(parts) < 2:
        return None
    fields = [(label, parts[0].strip())]
    for part in parts[1:]:
        labelled = _LABEL.match(part.strip())
        if labelled is None or not cols.heading_roles(labelled.group("label").strip()):
            return None
        fields.append((labelled.group("label").strip(), labelled.group("value").strip()))
    return fields


_MAX_REF_CHARS = 12


def _barred_record(label: str, value: str) -> tuple[str, str, list[tuple[str, str]]] | None:
    """(ref, action, fields) for a line opening with a ref's label whose value goes on, after
    bars, to labelled parts (rule `barred-records`): one part headed as the actions ("Action",
    or a plain "What" beside "Who" and "When"), every other label a known heading."""
    if Col.REF not in cols.heading_roles(label):
        return None
    parts = _BARRED_LABEL.split(value)
    ref = parts[0].strip()
    if len(parts) < 3 or not ref or len(ref) > _MAX_REF_CHARS or " " in ref:
        return None
    fields: list[tuple[str, str]] = []
    for part in parts[1:]:
        labelled = _LABEL.match(part.strip())
        if labelled is None:
            return None
        fields.append((labelled.group("label").strip(), labelled.group("value").strip()))
    labels = [name for name, _ in fields]
    roles = [cols.heading_roles(name) for name in labels]
    titled = [i for i, found in enumerate(roles) if Col.TITLE in found]
    at = titled[0] if len(titled) == 1 else cols.plain_what_heads_actions(labels)
    if at is None or any(not found for i, found in enumerate(roles) if i != at):
        return None
    title = fields[at][1]
    return ref, title, [("Action" if i == at else name, v) for i, (name, v) in enumerate(fields)
                        if i != at]  # fmt: skip


def _split_barred(run: _Run, records: list[_Record]) -> None:
    for record in records:
        fields: list[tuple[str, str]] = []
        for label, value in record.fields:
            barred = _barred_fields(label, value) if cols.heading_roles(label) else None
            fields.extend(barred or [(label, value)])
            if barred:
                run.rule = run.rule or rules.FIELDS_ON_ONE_LINE.code
        record.fields = fields


def _close(run: _Run) -> list[Block]:
    """The run as a table if it reads as actions, else its blocks as they were."""
    records = run.records = _wrapped_tails(_expand(run.records))
    if not records or run.reasons:
        return run.blocks
    _split_barred(run, records)
    if any(
        _question_label(squash(block.text)) for block in run.blocks if not isinstance(block, Table)
    ):
        run.rule = run.rule or rules.QUESTION_LABELS.code
    if all(
        people.officer_line(record.title) or people.named_line(record.title) for record in records
    ):
        # "AB – Amal Bhatt, Director of …", "Mark Bose – Programme Manager": a list of lead
        # officers or of people, not of things to do (the latter rule `people-listed`).
        return run.blocks
    deciding = run.resolved or (
        len(records) >= 2 and all(decision_clause(record.title) for record in records)
    )
    if deciding:
        # A committee's decisions: those that only note, receive or agree a document ask
        # nothing to be done, and are left as the narrative they are.
        kept = [
            record
            for record in records
            if asks_for_action(record.title)
            or (
                run.resolved and not decision_clause(record.title) and not _only_notes(record.title)
            )
        ]
        if not kept:
            return run.blocks
        dropped = {record.where for record in records if record not in kept}
        run.notes.extend(b for b in run.blocks if b.where in dropped and b not in run.notes)
        records = run.records = kept
        run.rule = run.rule or rules.RESOLUTION_CLAUSES.code
        if run.action_by:
            for record in records:
                if not any(Col.LEAD in cols.heading_roles(label) for label, _ in record.fields):
                    record.add("Lead", run.action_by)
        for record in records:
            asked = _asked_officer(record.title)
            if asked and not any(
                Col.LEAD in cols.heading_roles(label) for label, _ in record.fields
            ):
                # "the Head of Communities be requested to provide …": the officer asked.
                record.add("Lead", asked)
                run.asked_officers += 1
    letters = [record.letter for record in records]
    if (
        run.section_ref
        and len(records) >= _MIN_LETTERED
        and letters == [chr(ord("a") + n) for n in range(len(records))]
    ):
        # "a) …", "b) …" under "Priority 1: …": actions 1a, 1b (`letters-under-ref`).
        for record, letter in zip(records, letters, strict=True):
            record.ref = record.ref or f"{run.section_ref}{letter}"
        run.rule = run.rule or rules.LETTERS_UNDER_REF.code
    for record in records:
        # "Workstream 2 is all about …": the item's ref, its words kept whole.
        record.ref = record.ref or values.subject_ref(record.title) or ""
        # "listen to families;", "train staff; and": the list's joins, not the action's words.
        record.title = _LIST_JOIN.sub("", record.title)
        if run.due_text and not any(
            Col.DUE in cols.heading_roles(label) for label, _ in record.fields
        ):
            record.add("By", run.due_text)
    # Under "RESOLVED: That", what is left once the noting is set aside asks for something to
    # be done, however it is worded ("(2) a further report be submitted …").
    acting = sum(run.resolved or _reads_as_action(record) for record in records)
    labelled = any(record.fields for record in records)
    enough = len(records) >= 2 or labelled or run.listing
    if not enough or (acting < _MIN_SHARE * len(records) and not run.listing):
        return run.blocks
    resolving = sum(
        asks_for_action(record.title)
        and not record.fields
        and not profile.opens_with_verb(record.title)
        for record in records
    )
    if not run.rule and not run.listing and acting - resolving < _MIN_SHARE * len(records):
        # Read as actions only because its "That …" clauses ask for things to be done.
        run.rule = rules.RESOLUTION_CLAUSES.code
    if not run.rule and run.bracketed_numbers:
        run.rule = rules.BRACKETED_NUMBERS.code
    if run.asked_officers:
        # The decisions' leads were read from their own words: the placements say so.
        run.rule = rules.LEAD_ASKED_IN_RESOLUTION.code
    # A record's own list of actions is a table of its own, so that its words head those
    # actions alone, not the run's rows before and after it too.
    chunks: list[list[_Record]] = []
    for record in records:
        last = chunks[-1][-1] if chunks else None
        if last is None or (last.listed, last.listed and last.group) != (
            record.listed,
            record.listed and record.group,
        ):
            chunks.append([])
        chunks[-1].append(record)
    tables = [_table(chunk) for chunk in chunks]
    if run.rule:
        for table in tables:
            table.origin = run.rule
    for table, chunk in zip(tables, chunks, strict=True):
        if any(record.wrapped_tail for record in chunk):
            table.read_by = (*table.read_by, rules.BULLET_WRAP_TAIL.code)
        if run.changes_unheaded:
            table.read_by = (*table.read_by, rules.CHANGES_NOT_HEADINGS.code)
    return [*tables, *run.notes]


def _table(records: list[_Record]) -> Table:
    """Records as the rows of an action table headed by their labels."""
    grouped = any(record.group for record in records)
    numbered = any(record.ref for record in records)
    headings = [*(["Theme"] if grouped else []), *(["Ref"] if numbered else []), "Action"]
    fixed = len(headings)
    columns: dict[str, int] = {}
    for record in records:
        for label, _ in record.fields:
            key = _column_key(label)
            if key not in columns:
                columns[key] = len(headings)
                headings.append(label)
    first = records[0].where
    table = Table(
        rows=[Row(cells=headings, where=first)],
        where=first,
        headed=True,
        origin=rules.PARAGRAPH_RECORDS.code,
    )
    for record in records:
        cells = [
            *([record.group] if grouped else []),
            *([record.ref] if numbered else []),
            record.title,
            *[""] * (len(headings) - fixed),
        ]
        for label, value in record.fields:
            index = columns[_column_key(label)]
            cells[index] = f"{cells[index]}\n{value}".strip() if cells[index] else value
        table.rows.append(Row(cells=cells, where=record.where))
    return table


def _column_key(label: str) -> str:
    """Labels for the same part share a column ("Lead" and "Lead officer"); periods and
    anything else keep their own."""
    roles = cols.heading_roles(label)
    if roles and roles[0] not in (Col.PERIOD, Col.PROGRESS, Col.STATUS):
        return roles[0].value
    return cols.normalise(label)


# Web pages of priorities: short headings, each over the things to be done under it, with no
# line saying that actions follow ("Inclusive schools" over "- All schools ...", or "1. Early
# help" over "We will offer ...", perhaps with "Target: April 2026" after it).
_PLEDGE = re.compile(r"\bwe(?: will| shall|['’]ll| are going to| pledge to| commit to)\b", re.I)
_MIN_ITEM_WORDS = 4
_MIN_PARAGRAPH_WORDS = 8
# How many headings in a row make a list of priorities: fewer for bulleted sentences (their
# bullets already say the lines are a list) than for plain paragraphs.
_MIN_BULLETED_GROUPS = 2
_MIN_PARAGRAPH_GROUPS = 3
_MAX_LONE_VALUE_WORDS = 3


@dataclass
class _Group:
    heading: str
    bulleted: bool
    records: list[_Record]
    end: int


def _one_line(block: Block) -> str | None:
    lines = _lines(block)
    if len(lines) != 1 or not isinstance(block, Paragraph | Heading):
        return None
    return None if getattr(block, "is_sheet", False) else lines[0]


def _group_heading(line: str) -> bool:
    """ "Inclusive schools and settings", "1. Early help": a short line that could head a
    priority; not a labelled line, a bullet, a theme the interpreter reads by its own rule,
    nor a line that introduces actions or names columns."""
    text = squash(line)
    if _BULLET.match(line) or _label(line, known=False) is not None or text.endswith(":"):
        return False
    if _NUMBERED_TITLE.match(text) and len(text.split()) <= _MAX_SUB_HEADING_WORDS:
        return True
    return (
        _sub_heading([line])
        and len(text.split()) >= 2
        and not _is_section(text)
        and values.bare_level(text) is None
        and not introduces_actions(text)
        and not cols.heading_roles(text)
    )


# "… confidently. (April 2026)", "… in EHCPs (Head of SEN, September 2026)": an item's lead
# and date, or its date alone, in brackets at its end.
_BRACKETED_DETAILS = re.compile(r"\s*\(([^()]{3,80})\)$")
_DETAILS_SPLIT = re.compile(r"\s*(?:[,;]|\s[-–—]\s)\s*")


def bracketed_details(text: str) -> tuple[str, str, str] | None:
    """(words, lead, date) for an item that ends with its date, or its lead and date, in
    brackets: the date last, after a comma, a semicolon or a dash; ("", "") leads none."""
    match = _BRACKETED_DETAILS.search(text)
    if match is None:
        return None
    parts = _DETAILS_SPLIT.split(match.group(1).strip())
    when = parts[-1]
    if not (profile.is_date(when) or only_a_date(when)):
        return None
    lead = ", ".join(parts[:-1])
    if lead and (profile.is_date(lead) or len(lead.split()) > _MAX_BRACKETED_LEAD_WORDS):
        return None
    words = text[: match.start()].rstrip()
    return (words, lead, when) if len(words.split()) >= _MIN_ITEM_WORDS else None


_MAX_BRACKETED_LEAD_WORDS = 8


def _group_item(line: str) -> tuple[bool, str] | None:
    """(bulleted, words) for a line that can be one of a priority's items: a bulleted whole
    sentence, or a paragraph that says what will be done (opening with a verb, or "we will")."""
    text = squash(_BULLET.sub("", line))
    details = bracketed_details(text)
    if details is not None:
        text = details[0]
    words = text.split()
    if line.startswith(SUB_ITEM) or not words or len(words) > _MAX_RECORD_WORDS:
        return None
    if _BULLET.match(line):
        whole = len(words) >= _MIN_ITEM_WORDS and text.endswith(_SENTENCE_ENDS)
        return (True, text) if whole else None
    if len(words) < _MIN_PARAGRAPH_WORDS or not text[:1].isupper() or text.endswith(("?", ":")):
        return None
    if _label(line) is not None or not (profile.opens_with_verb(text) or _PLEDGE.search(text)):
        return None
    return False, text


def _group_at(blocks: list[Block], start: int, fields: list[str]) -> _Group | None:
    """The heading at `start` with its items and the labelled lines after them; a lone short
    date or word ("Ongoing") where the groups before had a labelled line is that line's value."""
    heading = _one_line(blocks[start])
    if heading is None or not _group_heading(heading):
        return None
    records: list[_Record] = []
    bulleted: bool | None = None
    index = start + 1
    while index < len(blocks) and (line := _one_line(blocks[index])) is not None:
        item = _group_item(line) if isinstance(blocks[index], Paragraph) else None
        if item is None or (bulleted is not None and item[0] != bulleted):
            break
        bulleted = item[0]
        records.append(_Record(where=blocks[index].where, ref="", title=item[1]))
        details = bracketed_details(squash(_BULLET.sub("", line)))
        if details is not None:
            if details[1]:
                records[-1].add("Lead", details[1])
            records[-1].add("By when", details[2])
            records[-1].bracketed = True
        index += 1
    if not records or bulleted is None:
        return None
    while index < len(blocks) and (line := _one_line(blocks[index])) is not None:
        label = _label(line)
        if label is None and fields and len(line.split()) <= _MAX_LONE_VALUE_WORDS:
            after = _one_line(blocks[index + 1]) if index + 1 < len(blocks) else None
            starts_group = after is not None and _group_item(after) is not None
            if profile.is_date(line) and not starts_group:
                label = (fields[-1], squash(line))
        if label is None:
            break
        if cols.heading_roles(label[0]) == [Col.TARGET] and only_a_date(label[1]):
            # "Target: April 2026" under what will be done: when it is due, not a measure.
            label = (f"{label[0]} date", label[1])
        records[-1].add(*label)
        index += 1
    return _Group(heading=squash(heading), bulleted=bulleted, records=records, end=index)


# A single priority's heading is read alone, under a heading naming the plan's priorities,
# when it holds at least this many sentences of what will be done.
_MIN_NAMED_PRIORITY_ITEMS = 3
_MAX_PRIORITIES_HEADING_WORDS = 5
# "Our priorities", "Our key priorities", "Strategic priorities 2024 to 2027".
_NAMES_PRIORITIES = re.compile(r"\bpriorit(?:y|ies)\b", re.I)
_SENTENCE_BREAK = re.compile(r"(?<=[A-Za-z0-9)][.!])\s+(?=[A-Z])")


def _under_named_priorities(blocks: list[Block], index: int) -> bool:
    """The heading at `index` comes straight after a short heading naming the plan's
    priorities ("Our priorities"), or after one sentence under it ("Each was agreed with
    families.")."""
    for back in (1, 2):
        if index - back < 1:
            return False
        line = _one_line(blocks[index - back])
        if line is None:
            return False
        text = squash(line)
        if (
            _sub_heading([line])
            and len(text.split()) <= _MAX_PRIORITIES_HEADING_WORDS
            and _NAMES_PRIORITIES.search(text)
        ):
            return True
        if not text.endswith(_SENTENCE_ENDS) or _group_item(line) is not None:
            # Only a plain sentence about the priorities may stand between.
            return False
    return False


def _sentence_records(record: _Record) -> list[_Record]:
    """The record, or one record for each of its sentences when each of them says what will be
    done (opens with a verb) and is long enough to stand alone."""
    sentences = _SENTENCE_BREAK.split(record.title)
    if len(sentences) < 2 or not all(
        len(sentence.split()) >= _MIN_PARAGRAPH_WORDS and profile.opens_with_verb(sentence)
        for sentence in sentences
    ):
        return [record]
    return [
        _Record(where=record.where, ref="", title=sentence, group=record.group)
        for sentence in sentences
    ]


def headed_items(blocks: list[Block]) -> list[Block]:
    """Runs of headings each over its own items, as on a web page of priorities, each run made
    into one table whose section column holds the headings. A lone heading over bullets (a
    list of who came, the page's links) is no list of priorities."""
    # The first line is the plan's title, not a priority's heading.
    out: list[Block] = blocks[:1]
    index = 1
    # After a line that introduces actions ("As part of this priority we will:"), the list and
    # its sub-headings are read as such (`segment`), up to the next theme or priority.
    introduced = False
    while index < len(blocks):
        line = _one_line(blocks[index])
        if line is not None and (introduces_actions(line) or _ends_list(line)):
            introduced = introduces_actions(line)
        if introduced:
            out.append(blocks[index])
            index += 1
            continue
        groups: list[_Group] = []
        at = index
        fields: list[str] = []
        while at < len(blocks) and (group := _group_at(blocks, at, fields)) is not None:
            if groups and group.bulleted != groups[0].bulleted:
                break
            groups.append(group)
            fields = [label for record in group.records for label, _ in record.fields] or fields
            at = group.end
        least = _MIN_BULLETED_GROUPS if groups and groups[0].bulleted else _MIN_PARAGRAPH_GROUPS
        named = (
            0 < len(groups) < least
            and not groups[0].bulleted
            and sum(len(group.records) for group in groups) >= _MIN_NAMED_PRIORITY_ITEMS
            and _under_named_priorities(blocks, index)
        )
        if len(groups) < least and not named:
            out.append(blocks[index])
            index += 1
            continue
        records = []
        for group in groups:
            for record in group.records:
                record.group = group.heading
                if named:
                    # "Ensure staff are trained. Secure more local places.": each sentence
                    # that says what will be done is an action of its own.
                    records.extend(_sentence_records(record))
                else:
                    records.append(record)
        table = _table(records)
        table.origin = (rules.HEADED_UNDER_PRIORITIES if named else rules.HEADED_ITEMS).code
        if not named and any(record.bracketed for record in records):
            table.origin = rules.BRACKETED_LEAD_AND_DATE.code
        out.append(table)
        index = at
    return out
