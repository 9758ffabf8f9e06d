"""What a document written as prose asks to be done: the lists of a report, letter or review
whose items are deeds, and a review's recommendations with the response to each.

Many documents an area holds carry their actions in prose: an inspection or monitoring visit's
letter ("Leaders should …" under "What leaders need to do next"), a strategy's annual update
("Next steps" over bullets), an improvement board's "Actions agreed", a scrutiny review's
"Recommendation 3: That the council …" with the executive's response under it ("Accepted. The
Head of SEND will …, by March 2025. Lead officer: …"), a letter to families ("Over the next
term we will:" over bullets, with more said in sentences). Around them is narrative a person
would not enter as actions: what was found, what has been done, thanks, contact details.

Read only for a file without tables, after the first reading, and kept when it holds every
action that reading found (but what it passed over as narrative) and reads more
(`parsers._read_deeds`):

- a recommendation (a line opening "Recommendation 3", or "R3." before its words) is one
  action, its words the title and its number the ref; the lines after it that are labelled
  ("Response:", "Lead officer:", "Timescale:") give its lead and due date: a labelled lead or
  date first, else the post that the response says will act ("The Head of SEND will …", "led
  by the …") and the date it is to be done "by";
- a run of list items (bullets, numbers or letters) is a list of actions when most of its
  items are deeds: opening with a verb ("Extend the service …"), or saying who should, will or
  is to do something ("Leaders should …", "The Director of Education to present …"); or when
  the line introducing it binds someone to it ("Next year we will:") or names its items as
  recommendations ("The key recommendations were noted:"). A run under a heading of
  what is already done or found ("What we achieved", "Key findings"), or of aims ("Creating a
  borough where …"), is not;
- where such a list is the writer's own ("Over the next term we will:", "Our priorities for
  2025 are:"), the sentences of the paragraphs just after it that bind someone to a deed are
  actions too (`commitments.is_commitment`); where it asks others to act ("Leaders should …"),
  the writer's own "we will" is theirs, not the plan's, and is left out;
- under a heading of what is to be done ("Areas for improvement", "What happens next") that
  holds no such list, the sentences of its paragraphs that bind someone to a deed ("Leaders
  should reduce …", "We will open …") are its actions.

What is read is laid out as a table for the text reader (theme, ref, action, lead and date),
so that leads and dates are read as a table's are; everything placed says so by its rule, less
sure than a reading of a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sendplan.interchange.parsers import commitments, dates, pointed_lists, profile
from sendplan.interchange.parsers.blocks import Block, Heading, Paragraph, flat
from sendplan.interchange.parsers.flattened import Words

# How sure a reading of prose is: as sure as a reading of its commitments.
CONFIDENCE = commitments.CONFIDENCE
# At least this many actions for a file's prose to be read this way.
_AT_LEAST = 2

# "Recommendation 3: That …", "Recommendation 3" alone, "Rec 3 –", "R3. …".
_RECOMMENDATION = re.compile(
    r"^(?:(?:recommendation|rec\.?)\s+(?P<ref>\d{1,2}[a-z]?)\b\s*[:.)–—-]?|(?P<short>R\d{1,2})"
    r"\s*[:.)–—-])\s*(?P<text>.*)$",
    re.I,
)
# Where a recommendation opens after a sentence on the same line, as a PDF's paragraphs run
# together: "… led by the Head of SEND. Recommendation 4 – The council should …".
_RUN_ON_RECOMMENDATION = re.compile(r"(?<=[.!?])\s+(?=Recommendation\s+\d{1,2}[a-z]?\s*[:.–—-])")
# A label opening a line after a recommendation, and what it gives.
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z'’ ()/-]{0,40}?)\s*:\s*(?P<value>.*)$")
_LEAD_LABEL = re.compile(
    r"^(?:lead|leads|lead officers?|lead members?|lead directors?|responsible(?: officers?| "
    r"persons?| leads?| managers?)?|owners?|accountable officers?|officer responsible|led by"
    r"|who)$",
    re.I,
)
_WHEN_LABEL = re.compile(
    r"^(?:timescales?|time ?frames?|target(?: dates?)?|due(?: dates?)?|by when|deadlines?"
    r"|completion(?: dates?)?|delivery dates?|dates?|when|implementation(?: dates?)?)$",
    re.I,
)
_RESPONSE_LABEL = re.compile(
    r"\b(?:response|decision|comments?|update|position)(?:\s*\([^)]*\))?$|^(?:accepted|agreed)$",
    re.I,
)

# A list item's mark: a bullet or dash, or a number or letter with a stop or bracket.
_ITEM = re.compile(
    r"^\s*(?:[•·▪◦‣●○■□*–—-]+\s*|\(?(?P<ref>\d{1,2}(?:\.\d{1,2})?|[a-z]|[ivx]{1,4})[.)]\s+)"
    r"(?P<text>\S.*)$",
    re.I,
)
# Who is bound in an item: "… should …", "… will …", "… must …", "… needs to …".
_BOUND = re.compile(r"\b(?:should|must|will|shall|needs? to|(?:has|have) agreed to)\b", re.I)
# "The Director of Education to present …": someone, then "to" and a verb.
_TO_DO = re.compile(
    r"^(?:(?!(?:is|are|was|were|be|being|been|has|have|had)\s)[\w'’-]+\s+){1,8}?to\s+"
    r"(?P<deed>[a-z][\w-]*(?:\s.*)?)$",
    re.I,
)
_BOUND_WORDS = 15
# A heading or introduction over what is done or found already, not what is to be done.
_PAST = re.compile(
    r"\b(?:achieved|achievements|so far|to date|done|delivered|completed|progress made|findings|"
    r"found|strengths|went well|you said|we heard|highlights|successes|key facts)\b",
    re.I,
)
# A line introducing a list of deeds: "Next year we will:", "Leaders should now:".
_BINDING = re.compile(
    r"\b(?:will|shall|should|must|needs? to|(?:has|have) agreed to|(?:is|are) to|aims? to|"
    r"plans? to|intends? to|commits? to)(?:\s+(?:now|also|then|further|continue to|jointly))*"
    r"\s*:$",
    re.I,
)
# An introduction naming the items under it as recommendations.
_RECOMMENDATIONS = re.compile(r"\brecommendations?\b", re.I)
# A heading over what is to be done: "Areas for improvement", "What happens next", "Next
# steps", "Recommendations", "Actions agreed", "Our priorities".
_TO_DO_HEADING = re.compile(
    r"\b(?:improve|improvements?|next steps?|happens next|recommendations?|needs? to|will do|"
    r"we will|to do|actions?|commitments?|priorities)\b",
    re.I,
)
# Someone, then "should" or "must": "Leaders across the partnership should …".
_SHOULD = re.compile(
    r"^(?!you\b|if\b|when\b|although\b|as\b)(?:[\w'’,-]+\s+){1,10}?(?:should|must)\s+"
    r"(?:(?:now|also|urgently|continue to|jointly)\s+)*[a-z]",
    re.I,
)
# How many paragraphs after a list of the writer's own are read for its commitments.
_BESIDE = 3
# An introduction saying the list is the writer's own: "we will:", "our priorities are:".
_OWN = re.compile(r"\b(?:we|our)\b", re.I)
# A post who acts: capitalised words that hold a post's noun ("Head of SEND", "Designated
# Clinical Officer"), opening a sentence before "will" or "to", or after "led by".
_POST_NOUNS = {
    "head", "director", "manager", "officer", "lead", "leader", "chair", "member",
    "psychologist", "coordinator", "co-ordinator", "commissioner", "adviser", "advisor",
    "nurse", "consultant", "principal", "clinician", "senco",
}  # fmt: skip
_JOINING = {"of", "for", "and", "the", "&"}
_POST = r"(?:[A-Z][\w'’-]*|SEND)(?:,?\s+(?:of|for|and|the|&|[A-Z][\w'’-]*))*"
_SUBJECT_POST = re.compile(
    rf"^(?:The\s+|Our\s+)?(?P<post>{_POST}),?\s+(?:will|to|shall|is going to|(?:has|have) agreed "
    r"to|(?:is|are) to)\s"
)
_LED_BY = re.compile(rf"\b(?:led|overseen|chaired|owned) by\s+(?:the\s+|our\s+)?(?P<post>{_POST})")
# Where a date it is to be done by begins.
_BY = re.compile(r"\b(?:by|before|no later than)\s+", re.I)


@dataclass
class _Deed:
    title: str
    where: str
    ref: str = ""
    lead: str = ""
    due: str = ""


@dataclass(frozen=True)
class Reading:
    """The deeds as lines of text for the text reader, and what was passed over (which another
    reading may have taken for actions): the items of lists of what has been done or found, or
    of aims, and the lines of narrative that ask nothing to be done."""

    words: Words
    passed_over: frozenset[str]


@dataclass
class _Line:
    text: str
    where: str
    heading: bool
    block: int


def deeds_of(blocks: list[Block]) -> Reading | None:
    """The file's deeds laid out as a table of actions for the text reader, with where each
    line came from; None for a file with tables, or with fewer than _AT_LEAST."""
    prose = [block for block in blocks if isinstance(block, (Heading, Paragraph))]
    if len(prose) < len(blocks):
        return None
    lines = [
        _Line(flat(part), block.where, isinstance(block, Heading), number)
        for number, block in enumerate(prose)
        for text in block.text.splitlines()
        for part in _RUN_ON_RECOMMENDATION.split(text)
        if flat(part)
    ]
    groups: list[tuple[str | None, list[_Deed]]] = []
    heading: str | None = None
    index = 0
    own: list[tuple[str | None, int]] = []
    passed_over: set[str] = set()
    # The deeds read from the sentences of paragraphs, and the paragraph each first came from.
    in_sentences: set[int] = set()
    split: dict[int, str] = {}
    while index < len(lines):
        line = lines[index]
        if line.heading:
            # A line in brackets ("(These decisions may be called in)") is an aside.
            if not line.text.startswith("("):
                heading = line.text.rstrip(":").strip()
            index += 1
            continue
        recommendation, index_after = _recommendation(lines, index)
        if recommendation is not None:
            _add(groups, heading, [recommendation])
            index = index_after
            continue
        run = _run(lines, index)
        if run:
            introduction = lines[index - 1].text if index else ""
            items = lines[index : index + run]
            deeds = _listed(items, introduction, heading)
            reasons = _reasons(introduction, heading)
            if reasons:
                # "Why are we doing this?" over its reasons: no deeds (`reasons-under-why`).
                deeds = []
            if _past(introduction, heading) or _aims(items) or reasons:
                passed_over.update(_item_text(line) for line in items)
            if deeds:
                _add(groups, heading, deeds)
                if _OWN.search(introduction) or _OWN.search(heading or ""):
                    own.append((heading, items[-1].block))
            index += run
            continue
        said = _said_under(line, heading)
        if said:
            _add(groups, heading, said)
            in_sentences.update(id(deed) for deed in said)
            split[id(said[0])] = line.text
        index += 1
    groups = _without_sentences_beside_lists(groups, in_sentences)
    # A paragraph read as its sentences: another reading may have taken it whole.
    passed_over.update(
        text for _, deeds in groups for deed in deeds if (text := split.get(id(deed)))
    )
    found = sum(len(deeds) for _, deeds in groups)
    if not found:
        return None
    groups = _with_commitments(prose, groups, own)
    if sum(len(deeds) for _, deeds in groups) < _AT_LEAST:
        return None
    title = lines[0] if lines and lines[0].heading else None
    # Paragraphs of a single sentence or more that ask nothing to be done ("The committee is
    # asked to note the report."), which another reading may have taken for actions.
    passed_over.update(
        line.text
        for line in lines
        if not line.heading
        and not _ITEM.match(line.text)
        and not _RECOMMENDATION.match(line.text)
        and not is_deed(line.text)
        and not any(commitments.is_commitment(part) for part in commitments.sentences(line.text))
    )
    return Reading(_as_words(title, groups), frozenset(passed_over))


def _said_under(line: _Line, heading: str | None) -> list[_Deed]:
    """Under a heading of what is to be done ("Areas for improvement", "What happens next"),
    the sentences of a paragraph that bind someone to a deed ("Leaders should reduce …", "We
    will set up …"); not the need said before them ("Too many children wait too long.")."""
    if heading is None or not _TO_DO_HEADING.search(heading) or _PAST.search(heading):
        return []
    return [
        _Deed(sentence, line.where, lead=post_in(sentence), due=_by_date(sentence))
        for sentence in commitments.sentences(line.text)
        if commitments.is_commitment(sentence) or _recommends(sentence)
    ]


def _recommends(sentence: str) -> bool:
    """ "Leaders should make sure …", "The integrated care board must …": someone, then should
    or must and what they are to do; not what a reader should do ("You should contact …")."""
    found = _SHOULD.match(sentence)
    return found is not None and not sentence.endswith("?") and is_deed(sentence)


def _without_sentences_beside_lists(
    groups: list[tuple[str | None, list[_Deed]]], in_sentences: set[int]
) -> list[tuple[str | None, list[_Deed]]]:
    """The groups without the sentences of paragraphs under a heading whose lists or
    recommendations gave deeds: there the list is what is to be done, and the paragraphs
    around it are the writer's narrative ("We will visit again within a year.")."""
    listed = {
        heading for heading, deeds in groups if any(id(deed) not in in_sentences for deed in deeds)
    }
    kept = [
        (heading, [d for d in deeds if heading not in listed or id(d) not in in_sentences])
        for heading, deeds in groups
    ]
    return [(heading, deeds) for heading, deeds in kept if deeds]


def _add(groups: list[tuple[str | None, list[_Deed]]], heading: str | None, deeds: list[_Deed]):
    if groups and groups[-1][0] == heading:
        groups[-1][1].extend(deeds)
    else:
        groups.append((heading, list(deeds)))


def _recommendation(lines: list[_Line], index: int) -> tuple[_Deed | None, int]:
    """The recommendation opening at the line, if one does, and the line after its response."""
    opening = _RECOMMENDATION.match(lines[index].text)
    if opening is None:
        return None, index
    ref = opening.group("ref") or opening.group("short")
    title = opening.group("text").strip()
    after = index + 1
    if not title:
        if after >= len(lines) or lines[after].heading or _labelled(lines[after].text):
            return None, index
        title = lines[after].text
        after += 1
    if len(title.split()) < 4 or title.endswith("?"):
        return None, index
    deed = _Deed(title, lines[index].where, ref=ref)
    response: list[str] = []
    previous = lines[after - 1]
    while after < len(lines):
        line = lines[after]
        if line.heading or _RECOMMENDATION.match(line.text):
            break
        label = _labelled(line.text)
        if label is None and line.block != previous.block:
            break
        if label is not None and _LEAD_LABEL.match(label[0]):
            deed.lead = deed.lead or label[1].rstrip(".")
        elif label is not None and _WHEN_LABEL.match(label[0]):
            deed.due = deed.due or label[1].rstrip(".")
        else:
            response.append(label[1] if label is not None else line.text)
        previous = line
        after += 1
    said = " ".join(response)
    deed.lead = deed.lead or post_in(said)
    deed.due = deed.due or _by_date(said)
    return deed, after


def _labelled(text: str) -> tuple[str, str] | None:
    """(label, value) for "Lead officer: Head of SEND", "Cabinet response: Agreed. …"."""
    found = _LABEL.match(text)
    if found is None:
        return None
    label = found.group("label").strip()
    if not (_LEAD_LABEL.match(label) or _WHEN_LABEL.match(label) or _RESPONSE_LABEL.search(label)):
        return None
    return label, found.group("value").strip()


def _run(lines: list[_Line], index: int) -> int:
    """How many list items run from the line (0 when it is not one): a run ends where its
    numbering starts again ("1. … 2. … 1. …" is two lists)."""
    count = 0
    number = 0
    while index + count < len(lines):
        line = lines[index + count]
        item = _ITEM.match(line.text)
        if line.heading or item is None:
            break
        ref = item.group("ref") or ""
        if ref.isdigit():
            if count and int(ref) <= number:
                break
            number = int(ref)
        count += 1
    return count


def _listed(items: list[_Line], introduction: str, heading: str | None) -> list[_Deed]:
    """A run of list items as deeds: when most of them are, or the line introducing them binds
    someone to them ("Next year we will:"), and what is over them is not what has been done or
    found."""
    if _past(introduction, heading):
        return []
    read = []
    for line in items:
        item = _ITEM.match(line.text)
        assert item is not None
        text = _item_text(line)
        # A number is the item's ref; a letter ("(a)") is not kept, for a table's reading takes
        # a run of lettered rows as sections over one another.
        ref = item.group("ref") or ""
        read.append((line, ref if ref[:1].isdigit() else "", text))
    deeds = [text for _, _, text in read if is_deed(text)]
    bound = bool(_BINDING.search(introduction)) or _recommended(introduction)
    if len(read) < 2 or (2 * len(deeds) <= len(read) and not bound):
        return []
    # "By the end of 2025, we will:" dates each item that names no date of its own.
    due = _by_date(introduction) if introduction.endswith(":") else ""
    return [
        _Deed(text, line.where, ref=ref, lead=post_in(text), due=_by_date(text) or due)
        for line, ref, text in read
    ]


def _recommended(introduction: str) -> bool:
    """Whether the line introducing a run of items names them as recommendations ("The key
    recommendations were noted:", "Recommendations include:"): a review's recommendations are
    what is to be done, however each is worded ("Embrace schools and settings …")."""
    return introduction.endswith(":") and bool(_RECOMMENDATIONS.search(introduction))


def _past(introduction: str, heading: str | None) -> bool:
    """Whether what is over a run of items says it is what was done or found: the line
    introducing it ("What we did:"), else its heading ("Key findings")."""
    over = introduction if introduction.endswith(":") else heading or ""
    return bool(_PAST.search(over))


def _reasons(introduction: str, heading: str | None) -> bool:
    """Whether the line over a run of items, else its heading, asks why something is done."""
    return pointed_lists.asks_why(introduction) or pointed_lists.asks_why(heading or "")


def _aims(items: list[_Line]) -> bool:
    """Whether most of a run's items are aims ("Creating a borough where everyone feels
    included", "Improving pathways to a job"), not deeds."""
    opening = [_item_text(line).split()[0].lower() for line in items]
    return 2 * sum(word.endswith("ing") for word in opening) > len(opening)


def _item_text(line: _Line) -> str:
    item = _ITEM.match(line.text)
    return item.group("text").strip().rstrip(";").strip() if item else line.text


def is_deed(text: str) -> bool:
    """Words that say something is to be done: "Extend autism training to …", "Leaders should
    reduce …", "The Head of SEND to set up …"; not a finding ("One in three children …") nor
    an aim ("Improving pathways to work")."""
    words = text.split()
    if len(words) < 3 or text.endswith("?"):
        return False
    # "Creating a borough where everyone feels included" is an aim, not a deed.
    if words[0].lower().endswith("ing"):
        return False
    if profile.opens_with_verb(text):
        return True
    opening = " ".join(words[:_BOUND_WORDS])
    if _BOUND.search(opening):
        return True
    to_do = _TO_DO.match(opening)
    return to_do is not None and profile.opens_with_verb(to_do.group("deed"))


def post_in(text: str) -> str:
    """The post a sentence says will act: its subject ("The Head of SEND will …", "The
    Director of Education to present …"), or who leads it ("…, led by the Designated Clinical
    Officer")."""
    for sentence in commitments.sentences(text) or [text]:
        for pattern in (_SUBJECT_POST, _LED_BY):
            found = pattern.search(sentence)
            if found is not None and _is_post(found.group("post")):
                return found.group("post").rstrip(",")
    return ""


def _is_post(words: str) -> bool:
    """Two words or more of a post's title: one a post's noun, each capitalised or joining."""
    named = words.replace(",", " ").split()
    if len(named) < 2 or not any(word.lower() in _POST_NOUNS for word in named):
        return False
    return all(word[:1].isupper() or word.lower() in _JOINING for word in named)


def _by_date(text: str) -> str:
    """The words of the date a deed is to be done by ("by the end of the spring term 2025"),
    or ""."""
    for found in _BY.finditer(text):
        words = re.split(r"[,;.()](?!\d)", text[found.start() :], maxsplit=1)[0].strip()
        when = dates.read_when(words)
        if when.due and not when.starts:
            return words
    return ""


def _with_commitments(
    blocks: list[Heading | Paragraph],
    groups: list[tuple[str | None, list[_Deed]]],
    own: list[tuple[str | None, int]],
) -> list[tuple[str | None, list[_Deed]]]:
    """The groups with the commitments in the paragraphs just after a list of the writer's own
    (up to the next heading or list, _BESIDE paragraphs at most), each after that heading's
    deeds."""
    said: dict[str | None, list[_Deed]] = {}
    for heading, last in own:
        for block in blocks[last + 1 : last + 1 + _BESIDE]:
            if isinstance(block, Heading) or any(
                _ITEM.match(line) for line in block.text.splitlines()
            ):
                break
            for sentence in commitments.sentences(block.text):
                if commitments.is_commitment(sentence) and not sentence.endswith(":"):
                    said.setdefault(heading, []).append(
                        _Deed(sentence, block.where, lead=post_in(sentence), due=_by_date(sentence))
                    )
    return [(heading, deeds + said.pop(heading, [])) for heading, deeds in groups]


def _as_words(title: _Line | None, groups: list[tuple[str | None, list[_Deed]]]) -> Words:
    """The groups as text: the file's first line (its title), then a table of the deeds, the
    heading each sits under its theme (a table with refs for the deeds that have them, one
    without for the rest)."""
    lines: list[str] = [title.text, ""] if title is not None else []
    wheres: list[str] = [title.where, ""] if title is not None else []
    headed = any(heading is not None for heading, _ in groups)
    for numbered in (True, False):
        rows = [(h, deed) for h, deeds in groups for deed in deeds if bool(deed.ref) is numbered]
        if not rows:
            continue
        columns = ["Theme"] if headed else []
        columns += ["Ref"] if numbered else []
        lines.append("\t".join([*columns, "Action", "Lead", "By when"]))
        wheres.append(rows[0][1].where)
        for heading, deed in rows:
            cells = [heading or ""] if headed else []
            cells += [deed.ref] if numbered else []
            cells += [deed.title, deed.lead, deed.due]
            lines.append("\t".join(" ".join(cell.split()) for cell in cells))
            wheres.append(deed.where)
        lines.append("")
        wheres.append("")
    return Words(text="\n".join(lines), wheres=tuple(wheres))
