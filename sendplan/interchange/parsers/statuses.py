"""A plan's own status key ("Blue: Completed Green: On track, no concerns ...") and reading
ratings written against it ("Green", "G", "G/A").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

_COLOURS = ("blue", "green", "amber", "red", "white", "grey", "gray", "yellow", "purple", "black")
_COLOUR_WORD = "|".join(_COLOURS)
_COLOUR_ENTRY = re.compile(rf"\b({_COLOUR_WORD})\b\s*(?:[:=\-–]|\s-\s)\s*", re.I)
_LEGEND_LINE = re.compile(rf"^\s*({_COLOUR_WORD})\s*[:=\-–]\s*(\S.*?)\s*$", re.I)
_WORD_LEGEND = re.compile(r"\(?\b(B?RAG)\b\)?\s*[:\-–]?\s*(.+)$", re.I | re.S)
# "Key:", "Status key -", "Progress rating key:" opening the line.
_KEY_LEGEND = re.compile(r"^\s*((?:[A-Za-z]+\s+){0,3}key)\s*[:\-–]\s*(.+)$", re.I | re.S)
_DONE = re.compile(r"complet|achieved|delivered|embedded|\bclosed\b|\bdone\b|^met$", re.I)
_NOT_DONE = re.compile(r"\bnot\b|in progress|progressing|partial|partly|incomplete", re.I)
_NOT_STARTED = re.compile(r"not (yet )?started|\bnys\b|yet to start|not (yet )?due", re.I)
# A done word said not to be so: "Not achieved", "Not met", "Incomplete" are no progress;
# "Partially achieved", "Partly met" are some.
_DONE_DENIED = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:achieved|met|complete[d]?|delivered|done)\b|\bunmet\b|\bincomplete\b",
    re.I,
)
_DONE_IN_PART = re.compile(
    r"\b(?:partially|partly|part)\b[\s-]*(?:achieved|met|complete|done)", re.I
)
_WORST_FIRST = re.compile(r"little|no progress|\bnot\b|concern|delay|off track", re.I)
# Ratings from best to worst, the order plans list them in when they name no colours.
_RANKED_COLOURS = {3: ["green", "amber", "red"], 4: ["blue", "green", "amber", "red"]}
_RANKED_COLOURS[5] = [*_RANKED_COLOURS[4], "white"]


@dataclass
class Status:
    code: str
    label: str
    colour: str | None = None

    @property
    def done(self) -> bool:
        # A word the cells hold ("Complete") says so as well as its meaning ("The action is
        # finished"); a letter ("B") does not.
        return any(_DONE.search(text) and not _NOT_DONE.search(text) for text in self._worded())

    @property
    def not_started(self) -> bool:
        return any(_NOT_STARTED.search(text) for text in self._worded())

    def _worded(self) -> list[str]:
        return [self.label, self.code] if len(self.code) > 2 else [self.label]

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"code": self.code, "label": self.label}
        if self.colour:
            out["colour"] = self.colour
        if self.label.strip().upper() == "NYS":
            out["meaning"] = "Not yet started"
        if self.done:
            out["done"] = True
        if self.not_started:
            out["not_started"] = True
        return out


def _codes_for(colours: list[str]) -> list[str]:
    """One code per colour: the first letter, or two when Green and Grey both appear."""
    codes: list[str] = []
    for colour in colours:
        code = colour[0].upper()
        if code in codes:
            code = colour[:2].title()
        codes.append(code)
    return codes


def _scale(pairs: list[tuple[str, str]]) -> list[Status]:
    colours = [colour.lower().replace("gray", "grey") for colour, _ in pairs]
    codes = _codes_for(colours)
    return [
        Status(code, " ".join(label.split()).strip(" ,;|"), colour)
        for code, colour, (_, label) in zip(codes, colours, pairs, strict=True)
    ]


_NEXT_SENTENCE = re.compile(r"(?<=[a-z])\.\s+(?=[A-Z])")
_ARROWS = "↑↓→←↔↕↗↘↙↖⬆⬇➡⬅⇧⇩⇨⇦"
# A second legend, of the direction of travel, after a key's last meaning: ". ↑ improved, ↓
# declined" or "; ↑ improving; → no change".
_ARROW_LEGEND = re.compile(rf"\s*[.;,]\s+(?=[{_ARROWS}]\s*[A-Za-z][^{_ARROWS}]*[{_ARROWS}])")


def direction_arrow(text: str) -> str | None:
    """The arrow of a direction of travel written beside a rating ("Amber ↑", "G ↔"), or None.
    Only in a short cell: an arrow in a sentence is the sentence's."""
    found = [char for char in text if char in _ARROWS]
    return found[0] if found and len(text.split()) <= _MAX_ARROW_CELL_WORDS else None


_MAX_ARROW_CELL_WORDS = 4


# How a direction of travel is kept in an update's words.
DIRECTION_WORDS = "Direction of travel"


def only_arrows(text: str) -> bool:
    """A cell of arrows alone ("↑", "⬆"): a direction of travel, or a key's line for one."""
    mark = "".join(text.split()).replace("\ufe0f", "")
    return bool(mark) and all(char in _ARROWS for char in mark)


def without_arrow_legend(text: str) -> str:
    """A key's text without the legend of arrows written after it in the same line: the arrows
    say which way an action is going, not what a rating means."""
    return _ARROW_LEGEND.split(text, maxsplit=1)[0]


def legend_in(text: str) -> list[Status] | None:
    """A key written in one piece: "Blue: Completed Green: On track, no concerns ..."."""
    text = without_arrow_legend(text)
    entries = list(_COLOUR_ENTRY.finditer(text))
    if len(entries) < 3:
        return _labels_then_colours(text)
    pairs = []
    for index, entry in enumerate(entries):
        end = entries[index + 1].start() if index + 1 < len(entries) else len(text)
        label = text[entry.end() : end].strip()
        if index + 1 == len(entries):
            # The key ends with its sentence: what follows its full stop is another ("… Red –
            # off track. Progress is how far the action has gone"; "… Direction: ↑ better").
            label = _NEXT_SENTENCE.split(label, maxsplit=1)[0]
        # The key's closing full stop is the sentence's, not the last rating's.
        label = label.removesuffix(".").strip()
        if not label:
            return None
        pairs.append((entry.group(1), label))
    return _scale(pairs)


_LABEL_COLOUR = re.compile(
    rf"([^,;:()=|]+?)\s*(?:\(\s*({_COLOUR_WORD})\s*\)|(?:=|\s[–-])\s*({_COLOUR_WORD})\b)", re.I
)


def _labels_then_colours(text: str) -> list[Status] | None:
    """ "RAG: Complete (Blue), On track (Green), Some delay (Amber), ..." or "Key: Complete =
    Blue, On Track = Green, ...": each rating in words with its colour after it."""
    entries = list(_LABEL_COLOUR.finditer(text))
    if len(entries) < 3 or any(len(entry.group(1).split()) > 8 for entry in entries):
        return None
    rest = _LABEL_COLOUR.sub(" ", text)
    if re.search(r"[a-z]{3,}", _KEY_INTRO_WORDS.sub(" ", rest), re.I):
        # Words left over: a sentence that mentions colours, not a key.
        return None
    return _scale([(entry.group(2) or entry.group(3), entry.group(1)) for entry in entries])


_KEY_INTRO_WORDS = re.compile(r"\b(?:key|rag|brag|ratings?|status(?:es)?|progress|and)\b", re.I)
_CODE_ENTRY = re.compile(r"(?:^|(?<=[\s,;(]))([A-Z]{1,4}|[0-9])\s*(?:[=:–]|\s-)\s*(?=\S)")
_KEY_INTRO = re.compile(
    r"^\s*(?:(?:[A-Za-z]+\s+){0,3}(?:key|rag|brag|ratings?|status(?:es)?)\s*[:\-–]?)?\s*$", re.I
)
# The letters of the usual BRAG key, for a key that gives letters but not colours.
_BRAG_LETTERS = {"B": "blue", "G": "green", "A": "amber", "R": "red", "W": "white"}
_MAX_LABEL_WORDS = 8


_NUMBERED_ENTRY = re.compile(r"(?:^|(?<=[\s,;]))([1-9])\s+([A-Za-z][^,;0-9]*)")
_NUMBERED_KEY = re.compile(r"^\s*(?:rag |status )?key\s*:\s*", re.I)


def _numbered_legend(text: str) -> list[Status] | None:
    """ "Key: 1 Fully achieved, 2 On track, 3 Some delay": ratings numbered from 1, each with
    its words, after the word "Key"."""
    intro = _NUMBERED_KEY.match(text)
    if not intro:
        return None
    rest = text[intro.end() :]
    entries = list(_NUMBERED_ENTRY.finditer(rest))
    numbers = [int(entry.group(1)) for entry in entries]
    if len(entries) < 2 or numbers != list(range(1, len(entries) + 1)):
        return None
    if re.sub(r"[\s,;.]", "", _NUMBERED_ENTRY.sub("", rest)):
        return None  # words that are no part of the key
    labels = [" ".join(entry.group(2).split()).strip(" ,;.") for entry in entries]
    if any(not label or len(label.split()) > _MAX_LABEL_WORDS for label in labels):
        return None
    return [Status(str(n), label, None) for n, label in zip(numbers, labels, strict=True)]


_BARE_LETTER = re.compile(r"(?:^|(?<=[\s,;]))([BGARW])\s+(?=[a-z])")


def _bare_letters(text: str) -> list[re.Match[str]] | None:
    """ "RAG: G on track, A some slippage, R off track": the BRAG letters, each followed by its
    words with nothing between, the entries parted by commas or semicolons, after a key's
    name and a colon."""
    entries = list(_BARE_LETTER.finditer(text))
    intro = text[: entries[0].start()] if entries else ""
    if len(entries) < 3 or ":" not in intro or not _KEY_INTRO.match(intro):
        return None
    parted = all(
        text[entry.end() : after.start()].rstrip().endswith((",", ";"))
        for entry, after in itertools.pairwise(entries)
    )
    return entries if parted else None


def code_legend(text: str) -> list[Status] | None:
    """A key written with the codes, not the colours: "Key: B = complete, G = on track, ...";
    or numbered: "Key: 1 Fully achieved, 2 On track, ..."."""
    text = without_arrow_legend(text)
    entries = list(_CODE_ENTRY.finditer(text))
    if entries and entries[0].group(1).lower() in ("rag", "brag", "key"):
        # "RAG: R = off track; A = at risk; …": the key's own name, not one of its codes.
        entries = entries[1:]
    if len(entries) < 3:
        entries = _bare_letters(text) or entries
    if len(entries) < 3 or not _KEY_INTRO.match(text[: entries[0].start()]):
        return _numbered_legend(text)
    codes = [entry.group(1) for entry in entries]
    brag = all(code in _BRAG_LETTERS for code in codes)
    if len(set(codes)) != len(codes) or not (brag or text[: entries[0].start()].strip()):
        # Without "Key:" before them, only the BRAG letters tell a key from a glossary.
        return None
    labels = []
    for index, entry in enumerate(entries):
        end = entries[index + 1].start() if index + 1 < len(entries) else len(text)
        label = " ".join(text[entry.end() : end].split()).strip(" ,;.")
        if not label or len(label.split()) > _MAX_LABEL_WORDS:
            return None
        labels.append(label)
    # The traffic-light letters keep their colours beside a code of the plan's own ("C =
    # complete" with R, A and G): a reader of the key sees red, amber and green in them.
    lights = brag or {"R", "A", "G"} <= set(codes)
    return [
        Status(code, label, _BRAG_LETTERS.get(code) if lights else None)
        for code, label in zip(codes, labels, strict=True)
    ]


def legend_line(text: str) -> tuple[str, str] | None:
    """One line of a key written a line per colour: ("Blue", "Completed")."""
    match = _LEGEND_LINE.match(text)
    if not match or len(match.group(2).split()) > 8:
        return None
    return match.group(1), match.group(2)


def scale_from_lines(lines: list[tuple[str, str]]) -> list[Status] | None:
    return _scale(lines) if len(lines) >= 3 else None


def word_legend(text: str) -> list[Status] | None:
    """A key without colours: "Progress (BRAG) Complete and Embedded / Completed / ...", or
    "Progress rating key: Complete and embedded / Completed / ..."."""
    match = _WORD_LEGEND.search(text) or _KEY_LEGEND.match(text)
    if not match:
        return None
    labels = [part.strip() for part in re.split(r"\s*[/;\n]\s*", match.group(2)) if part.strip()]
    return ranked_scale(labels)


def ranked_scale(labels: list[str]) -> list[Status] | None:
    """A key that names no colours, best rating first (or worst first, which is turned
    round): each rating gets the colour of its place in the usual BRAG order."""
    ranked = _RANKED_COLOURS.get(len(labels))
    if ranked is None or any(len(label.split()) > 8 for label in labels):
        return None
    worded = [_worded_colour(label) for label in labels]
    if "white" in worded and all(worded) and len(set(worded)) == len(worded):
        # "Complete / On track / At risk / Not started": a rating for work not yet started
        # is white, not red for being last; then each rating's words say its colour.
        return _scale([(colour or "", label) for colour, label in zip(worded, labels, strict=True)])
    if _WORST_FIRST.search(labels[0]):
        labels = labels[::-1]
    return _scale(list(zip(ranked, labels, strict=True)))


def _worded_colour(words: str) -> str | None:
    """The colour rating words usually have ("At risk" amber), or None."""
    return next((colour for colour, pattern in _WORD_COLOURS if pattern.search(words)), None)


def colour_word(text: str) -> str | None:
    """ "Blue", "AMBER", "Red " -> the colour; anything else -> None."""
    word = text.strip().lower()
    return word if word in _COLOURS else None


# Words plans rate with when they give no key, by the colour they would have in one: the
# words are kept as the plan writes them, as its own codes.
_WORD_COLOURS = (
    ("red", _DONE_DENIED),
    ("amber", _DONE_IN_PART),
    ("white", _NOT_STARTED),
    (
        "blue",
        re.compile(
            r"complet|achieved|delivered|embedded|\bclosed\b|\bdone\b|^\s*met\b|exceeded", re.I
        ),
    ),
    (
        "red",
        re.compile(
            r"off track|not on track|off target|not on target|off schedule|no progress|major"
            r"|(?:limited|little|poor|insufficient) progress"
            r"|behind|overdue|stalled",
            re.I,
        ),
    ),
    (
        "amber",
        re.compile(r"delay|risk|concern|slipp|partial|some progress|behind|on hold|paused", re.I),
    ),
    (
        "green",
        re.compile(
            r"on track|on target|on schedule|ahead of|progress|ongoing|on-going|underway"
            r"|started|good",
            re.I,
        ),
    ),
)
_MAX_WORD_RATING = 5


# Words trackers rate with that have no usual colour: "Open", "Superseded", "Withdrawn".
_STATE_WORDS = re.compile(
    r"^(?:open|re-?opened|superseded|withdrawn|cancelled|merged|transferred|deferred|tbc)$",
    re.I,
)


def rating_words(text: str) -> bool:
    """Whether a few words are a rating as plans write them ("Work in progress", "Completed",
    "On track"), not a sentence."""
    words = " ".join(text.split())
    if not words or len(words.split()) > _MAX_WORD_RATING or re.search(r"[.;:,]\s", words):
        return False
    return any(pattern.search(words) for _, pattern in _WORD_COLOURS)


def state_word(text: str) -> bool:
    """ "Open", "Superseded": a one-word state a tracker rates with, with no usual colour."""
    return bool(_STATE_WORDS.fullmatch(" ".join(text.split()).rstrip(".")))


# "Green - the review has started", "AMBER: drafted but late", "Red. No training yet".
# The colour may carry its meaning in brackets: "Blue (complete). All trained by July".
_LEADING_COLOUR = re.compile(
    rf"^\s*({_COLOUR_WORD})\b(?:\s*\([A-Za-z ]{{1,30}}\))?\s*(?:$|[-–:.;,]\s*|\s+(?=[-–]))(\S.*)?$",
    re.I | re.S,
)


def leading_colour(text: str) -> tuple[str, str] | None:
    """(colour, the words after it) for a progress cell that opens with a colour word set
    apart by a dash, colon or full stop; None for any other text ("Green spaces are ...")."""
    match = _LEADING_COLOUR.match(text)
    if not match:
        return None
    return match.group(1).title(), (match.group(2) or "").strip(" -–")


# The phrases a progress note may open with to give its rating: "Complete – …", "On track.
# …", "Not started - …".
_OPENING_PHRASES = frozenset(
    phrase
    for phrases in (
        ("in progress", "ongoing", "on-going", "not started", "not yet started", "not yet due"),
        ("ahead of schedule", "behind schedule", "partially complete", "slipping", "on hold"),
        ("achieved", "not achieved", "partially achieved", "met", "not met", "partially met"),
        ("complete", "completed", "delayed", "closed", "embedded", "superseded"),
    )
    for phrase in phrases
)
_OPENING = re.compile(
    r"^\s*([A-Za-z][A-Za-z -]{0,30}?)\s*(?:[–—:;]|\s-\s|[.,](?=\s))\s*(\S.*)$", re.S
)


def leading_rating(text: str) -> tuple[str, str] | None:
    """(rating words, the words after them) for a progress note that opens with its rating set
    apart by a dash, colon or full stop ("Complete – signed off in May", "On track. The panel
    met …"); None for a note that opens otherwise ("Work has started on …")."""
    match = _OPENING.match(text)
    if not match or _norm(match.group(1)) not in _OPENING_NORMS:
        return None
    return match.group(1).strip(), match.group(2).strip()


# "Status: Amber", "RAG rating – G", "Current status = Green" opening a progress note.
_RATING_LABEL = re.compile(
    r"^\s*(?:(?:current|overall|latest)\s+)?(?:rag|brag|status|rating)(?:\s+(?:status|rating))?"
    r"\s*(?:[:=–—]|\s-\s)\s*",
    re.I,
)
_LETTER_RATING = re.compile(r"([BRAGW](?:\s*/\s*[BRAGW])?)\b\s*(?:[-–:.;,]\s*)?(.*)$", re.S)


def labelled_rating(text: str) -> tuple[str, str] | None:
    """(the rating, the words after it) for a progress note that opens with its rating
    labelled ("Status: Amber\nRecruitment is under way", "RAG – G. On track"); None for any
    other note."""
    label = _RATING_LABEL.match(text)
    if not label:
        return None
    rest = text[label.end() :]
    first, _, after = rest.partition("\n")
    if rating_words(first) or colour_word(first):
        return first.strip(), after.strip()
    for found in (leading_colour(rest), leading_rating(rest)):
        if found:
            return found
    letters = _LETTER_RATING.match(rest)
    if letters:
        return letters.group(1).replace(" ", ""), letters.group(2).strip()
    return None


# "… staffing not yet.\nRAG rating: Amber": the rating labelled on a progress note's last line.
_CLOSING_LABEL = re.compile(
    r"\n\s*(?:(?:current|overall|latest)\s+)?(?:rag|brag|status|rating)(?:\s+(?:status|rating))?"
    r"\s*(?:[:=–—]|\s-\s)\s*([^\n]{1,30}?)[\s.]*$",
    re.I,
)


def closing_rating(text: str) -> tuple[str, str] | None:
    """(the rating, the words before it) for a progress note whose last line labels its
    rating ("Twelve internships agreed.\nRAG rating: Green"); None for any other note."""
    match = _CLOSING_LABEL.search(text)
    if not match:
        return None
    rating = match.group(1).strip()
    if not (rating_words(rating) or colour_word(rating) or _LETTER_RATING.fullmatch(rating)):
        return None
    return rating, text[: match.start()].strip()


# "Twelve schools trained (Green). The rest are booked.", "… 70% of families (Partially
# achieved)": a rating in brackets closing a sentence of a progress note.
_BRACKETED = re.compile(r"\(\s*([^()\n]{1,30}?)\s*\)(?=\s*[.;]?(?:\s|$))")


def bracketed_rating(text: str, known: frozenset[str]) -> tuple[str, str] | None:
    """(the rating, the note without it) for a progress note holding one rating in brackets
    at the close of a sentence: a colour, a code or label of the plan's key (`known`, as
    `norm` gives them) or the words plans open a note with ("Achieved", "Not yet due"); None
    for a note with none, or with more than one bracket ("(see 2.1)") to choose from."""
    brackets = list(re.finditer(r"\([^()]*\)", text))
    if len(brackets) != 1:
        return None
    match = _BRACKETED.search(text)
    if match is None or not text[: match.start()].strip():
        return None  # a bracket opening the note is a list's marker ("(a) Train …")
    words = match.group(1)
    if not (colour_word(words) or _norm(words) in known or _norm(words) in _OPENING_NORMS):
        return None
    rest = (text[: match.start()].rstrip() + text[match.end() :]).strip()
    return words.strip(), rest


# "This action is amber because …", "It remains green", "The work is rated red: …": a
# colour given as the subject's state in the opening sentence of a progress note.
_SENTENCE_COLOUR = re.compile(
    rf"^\s*(?:this|the|it)\b[\w\s]{{0,30}}?\s(?:is|remains|was|stays|has been)\s+"
    rf"(?:(?:now|still|currently|rated|again)\s+)*({_COLOUR_WORD})\b(?!\s+(?:risk|flag)s?\b)",
    re.I,
)


def sentence_colour(text: str) -> str | None:
    """The colour a progress note's opening sentence gives its subject ("This action is amber
    because …"); None for a colour used otherwise ("a red risk", "Green spaces")."""
    match = _SENTENCE_COLOUR.match(text)
    if match is None or "." in text[: match.start(1)]:
        return None
    return match.group(1).title()


def numeric_scale(texts: list[str]) -> list[Status] | None:
    """The digits a plan rates with when it gives no key ("1", "2", "3"): each its own code,
    in order, with no colour, since nothing says which way the numbers run."""
    found = {" ".join(text.split()) for text in texts}
    if not found or not all(re.fullmatch(r"[0-9]", text) for text in found):
        return None
    return [Status(code, code) for code in sorted(found)]


def word_scale(texts: list[str]) -> list[Status] | None:
    """A scale made of the words a plan rates with when it gives no key ("Work in progress",
    "Completed", "Started but delayed"): each as written is its own code, coloured as such
    words usually are. None when the ratings are colours or letters, or read as sentences."""
    found: dict[str, str] = {}
    for text in texts:
        words = " ".join(text.split()).rstrip(".")
        if (
            not words
            or len(words.split()) > _MAX_WORD_RATING
            or not re.search(r"[A-Za-z][a-z]{2}", words)
        ):
            return None
        if colour_word(words) or re.fullmatch(r"[A-Z]{1,3}(?:\s*/\s*[A-Z]{1,3})*", words):
            return None
        found.setdefault(_norm(words), words)
    if not found:
        return None
    order = ["blue", "white", "red", "amber", "green"]
    scale = []
    for words in found.values():
        colour = next((c for c, pattern in _WORD_COLOURS if pattern.search(words)), None)
        scale.append(Status(words, words, colour))
    return sorted(scale, key=lambda s: order.index(s.colour) if s.colour else len(order))


# Ticks are done and crosses not, wherever a plan uses them without a key.
_TICKS = frozenset("✓✔☑")
_CROSSES = frozenset("✗✘☒×")


def mark_scale(texts: list[str]) -> list[Status] | None:
    """The marks a plan rates with when it gives no key ("✔", "✘"): each its own code; a
    tick is done (blue) and a cross is not (red), other marks have no colour."""
    found = {text.strip().removesuffix("\ufe0f") for text in texts}
    if not found or not all(rating_mark(mark) for mark in found):
        return None
    scale = []
    for mark in sorted(found, key=lambda m: (m not in _TICKS, m in _CROSSES, m)):
        if mark in _TICKS:
            scale.append(Status(mark, "Done", "blue"))
        elif mark in _CROSSES:
            scale.append(Status(mark, "Not done", "red"))
        else:
            scale.append(Status(mark, mark))
    return scale


def default_scale() -> list[Status]:
    """The common BRAG key, for plans that rate actions without saying what ratings mean."""
    return _scale(
        [
            ("blue", "Completed"),
            ("green", "On track"),
            ("amber", "Some concerns"),
            ("red", "Off track or major concerns"),
            ("white", "Not yet started"),
        ]
    )


_SPLIT_COMBINED = re.compile(r"\s*[/\\]\s*|\s+and\s+|\s*-\s*(?=[A-Za-z]{1,6}$)")


def norm(text: str) -> str:
    """A rating's words as a key and a cell are compared: lower case, letters and digits."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


_norm = norm


# Coloured circles and squares some trackers rate with instead of words.
_SHAPES = {
    "🔵": "blue", "🟦": "blue", "🟢": "green", "🟩": "green", "🟡": "yellow", "🟨": "yellow",
    "🟠": "amber", "🟧": "amber", "🔴": "red", "🟥": "red", "⚪": "white", "⬜": "white",
    "🟣": "purple", "🟪": "purple", "⚫": "black", "⬛": "black",
}  # fmt: skip
_SHAPE = re.compile("|".join(_SHAPES))


def shapes_as_words(text: str) -> str:
    """ "🟢" -> "green"; "🟢/🟠" -> "green/amber"; other text as it is."""
    return _SHAPE.sub(lambda match: f" {_SHAPES[match.group(0)]} ", text).strip()


_COLOUR_PHRASES = {
    "blue": ("complete", "completed", "done", "achieved", "met", "embedded", "closed"),
    "green": ("on track", "on target", "on schedule", "in progress", "ongoing"),
    "amber": (
        "at risk",
        "some slippage",
        "some concerns",
        "delayed",
        "partially on track",
        "partially achieved",
        "partially met",
        "slipped",
        "behind schedule",
    ),
    "red": (
        "not achieved",
        "not met",
        "off track",
        "not on track",
        "off target",
        "not on target",
        "significant concerns",
        "major concerns",
    ),
    "white": ("not started", "not yet started", "not due", "not yet due", "to start"),
}


class StatusReader:
    """Turns what a person wrote in a status cell into a code of the scale."""

    def __init__(self, scale: list[Status]) -> None:
        self.scale = scale
        self._lookup: dict[str, str] = {}
        for status in scale:
            self._lookup[status.code.lower()] = status.code
            if status.colour:
                self._lookup[status.colour] = status.code
                self._lookup[status.colour[0]] = self._lookup.get(status.colour[0], status.code)
            self._lookup[_norm(status.label)] = status.code
        # The words trackers commonly write for a colour ("Not started" for white), where
        # the plan's own key does not use them otherwise.
        for status in scale:
            for phrase in _COLOUR_PHRASES.get(status.colour or "", ()):
                self._lookup.setdefault(phrase, status.code)
        # Amber and yellow are the same middle rating; a key has one or the other.
        colours = {status.colour for status in scale}
        for have, also in (("amber", "yellow"), ("yellow", "amber")):
            if have in colours and also not in colours:
                self._lookup.setdefault(also, self._lookup[have])

    def _one(self, part: str) -> str | None:
        key = _norm(part)
        if key in self._lookup:
            return self._lookup[key]
        for status in self.scale:
            label = _norm(status.label)
            if len(key) >= 4 and (label.startswith(key) or key.startswith(label)):
                return status.code
        return None

    def read(self, text: str) -> str | None:
        """ "G/A" -> "G/A"; "Green" -> "G"; "Amber / Red" -> "A/R"; None when unreadable.

        A rating the key spells out whole ("Complete and Embedded") is that rating, not two
        ratings joined by "and"; a coloured circle ("🟢") is its colour."""
        if rating_mark(text):
            # A mark is its own code; it has no letters to compare.
            return self._lookup.get(text.strip().removesuffix("\ufe0f"))
        text = shapes_as_words(text)
        whole = self._lookup.get(_norm(text))
        if whole is not None:
            return whole
        parts = [part for part in _SPLIT_COMBINED.split(text.strip()) if part]
        if not parts:
            return None
        codes = [self._one(part) for part in parts]
        if any(code is None for code in codes):
            return None
        return "/".join(code for code in codes if code)


def is_mark(text: str) -> bool:
    """A tick, cross, dot or triangle a plan rates with instead of words ("✔", "●", "▲"),
    its key saying what each means; coloured circles are colours (`shapes_as_words`)."""
    mark = text.strip().removesuffix("\ufe0f")
    return len(mark) == 1 and unicodedata.category(mark) == "So" and not _SHAPE.fullmatch(mark)


# Dots and squares a PDF or a bulleted font gives for a rating mark ("●" read as "•").
_DOTS = frozenset("•●○◆◇■□")


def filled_circle(mark: str) -> str:
    """A key's mark as the plan drew it: a PDF gives every round bullet as "•", and the filled
    circle a plan rates with ("●") is the one a key names (rule `lone-bullet-mark`)."""
    return "●" if mark == "•" else mark


def rating_mark(text: str) -> bool:
    """A mark a rating cell may hold: `is_mark`, or a dot or square on its own."""
    return is_mark(text) or text.strip() in _DOTS


_MARK_ENTRY = re.compile(r"(?:^|(?<=[\s,;(]))(\S)\s*(?:[=:–]\s*|-\s+|\s)(?=[A-Za-z])")


def mark_legend(text: str) -> list[Status] | None:
    """A key of marks written in a line after "Key:": "Key: ✓ complete, ● on track, ▲ at
    risk, ✗ not started". Each mark is its own code; its words give its usual colour."""
    intro = _NUMBERED_KEY.match(text)
    if not intro:
        return None
    rest = text[intro.end() :]
    entries = [e for e in _MARK_ENTRY.finditer(rest) if rating_mark(e.group(1))]
    if len(entries) < 2 or entries[0].start() > 1:
        return None
    scale = []
    for index, entry in enumerate(entries):
        end = entries[index + 1].start() if index + 1 < len(entries) else len(rest)
        label = " ".join(rest[entry.end() : end].split()).strip(" ,;.")
        if not label or len(label.split()) > _MAX_LABEL_WORDS:
            return None
        scale.append(Status(filled_circle(entry.group(1)), label, _worded_colour(label)))
    if len({status.code for status in scale}) != len(scale):
        return None
    return scale


# A key written as a sentence: "Ratings: Green means on track, Amber some slippage and Red off
# track.", "How to read the columns: ✓ the action is complete, ● it is on track, ...". Each
# entry opens the sentence or follows a comma, a semicolon or "and".
_SENTENCE_ENTRY = re.compile(
    rf"(?:^|(?<=[,;])\s*|\s+and\s+)(?:\b({_COLOUR_WORD})\b|(\S)(?=\s))"
    r"\s*(?:(?:means|is|=|:|–|-)\s+)?",
    re.I,
)
# "the action is complete", "it is on track", "there is some slippage": the rating's words
# after the subject a sentence gives them.
_SENTENCE_SUBJECT = re.compile(
    r"^(?:(?:the|this|an?)\s+\w+|it|there)\s+(?:is|are|has been)\s+", re.I
)
_SENTENCE_INTRO = re.compile(r"^[^:.]{1,60}:\s*")
_MAX_SENTENCE_LABEL_WORDS = 5


def sentence_legend(text: str) -> list[Status] | None:
    """A key written as one sentence, after a few words and a colon or none: three or more
    colour words, or three or more marks, each followed by its meaning, the entries parted by
    commas, semicolons or "and". The colours keep their usual codes; each mark is its own code,
    coloured as its words usually are."""
    words = " ".join(text.split())
    if not words or len(words) > 300:
        return None
    intro = _SENTENCE_INTRO.match(words)
    rest = words[intro.end() :] if intro else words
    entries = list(_SENTENCE_ENTRY.finditer(rest))
    entries = [e for e in entries if e.group(1) or rating_mark(e.group(2) or "")]
    if len(entries) < 3 or entries[0].start() != 0:
        return None
    if not intro and not re.search(r"\bmeans\s*$|[=:]\s*$", entries[0].group(0)):
        # Without a few words and a colon before it, only "means" or "=" after the first
        # colour or mark says this is a key, not a sentence about ratings.
        return None
    coloured = [bool(e.group(1)) for e in entries]
    if any(coloured) and not all(coloured):
        return None
    pairs = []
    for index, entry in enumerate(entries):
        end = entries[index + 1].start() if index + 1 < len(entries) else len(rest)
        label = rest[entry.end() : end].strip().rstrip(" ,;.").strip()
        label = _SENTENCE_SUBJECT.sub("", label)
        if not label or len(label.split()) > _MAX_SENTENCE_LABEL_WORDS or ":" in label:
            return None
        pairs.append((entry.group(1) or entry.group(2), label))
    if len({key.lower() for key, _ in pairs}) != len(pairs):
        return None
    if all(coloured):
        return _scale(pairs)
    return [Status(filled_circle(mark), label, _worded_colour(label)) for mark, label in pairs]


# What a rating cell holds when the action is not rated (yet): "n/a", "N/A", a dash.
_NO_RATING = re.compile(r"n/?a|not applicable|[-–—]+", re.I)


def no_rating(text: str) -> bool:
    """ "n/a", "Not applicable", "-": a rating cell saying the action has no rating."""
    return bool(_NO_RATING.fullmatch(" ".join(text.split()).rstrip(".")))


def looks_like_rating(text: str) -> bool:
    """Short words that could be a rating: decides whether a column holds ratings or prose."""
    words = text.split()
    if not words or len(words) > 4:
        return False
    if is_mark(text):
        return True
    return bool(re.fullmatch(r"[A-Za-z]{1,6}(\s*[/\\-]\s*[A-Za-z]{1,6})*|[0-9]", text.strip()))


# Words a heading uses to say that its column holds ratings, and no more.
_RATING_HEADING_WORDS = frozenset(
    {"status", "rag", "brag", "rating", "current", "overall", "progress", "rag status"}
    # "Delivery status", "Current position", "Latest update": the same, in other words.
    | {"delivery", "position", "latest", "update"}
)


def only_rating_words(heading: str) -> bool:
    """ "Status", "RAG", "Current status": a heading that says its column holds ratings but
    names no period."""
    words = re.findall(r"[a-z]+", heading.lower())
    return bool(words) and all(word in _RATING_HEADING_WORDS for word in words)


# With the words trackers write for each colour.
_OPENING_NORMS = frozenset(
    _norm(phrase) for phrase in _OPENING_PHRASES.union(*_COLOUR_PHRASES.values())
)
