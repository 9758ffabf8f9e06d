"""Small values written inside cells: refs ("1.1.1", "4A", "F."), costs ("c.£10,000",
"£400 x 20 £8,000") and cross references ("cross ref: 3A", "see 6.1.4")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "1.1.1", "4A", "2 A", "F.", and the codes trackers give actions: "EH1", "P1.2", "WS-03",
# "A.1".
_REF_BODY = (
    r"(?:\d{1,3}(?:\s?\.\s?\d{1,3})*(?:\s?[A-Za-z](?![A-Za-z]))?\.?|[A-Z]\.?"
    r"|[A-Z]{1,4}[-.]?\d{1,3}(?:\.\d{1,3})*[a-z]?)"
)
_REF = re.compile(rf"{_REF_BODY}")
# Refs that open with the letters of their priority or workstream: "P1.1", "A1", "EH2.3a".
_LETTERED_REF = re.compile(r"[A-Z][A-Za-z]{0,2}\.?\d{1,3}(?:\.\d{1,3})*[a-z]?")
_REF_THEN_TEXT = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+[A-Za-z]?|\d{1,3}[A-Za-z]?)\s+(\S.*)$")


@dataclass(frozen=True)
class Ref:
    value: str
    # Set when the ref was tidied ("2 A" -> "2A"): the report must say so.
    written: str | None = None
    # Read as a code of parts joined by dots or hyphens (rule `coded-refs`).
    coded: bool = False


# Codes of parts joined by dots or hyphens, as WSoAs and APPs number their actions: "WSoA-01",
# "P1.A.1", "AoW2-3", "WSoA-1.1", "CB-SEND-01.2" (rule `coded-refs`). Each part is figures
# (perhaps with a letter after them, "2b"), or letters (perhaps with figures after them, "P1",
# "AoW2"); the first part opens with a capital or a figure.
_FIRST_PART = r"(?:\d{1,3}[A-Za-z]?|[A-Z][A-Za-z]{0,3}\d{0,3})"
_LATER_PART = r"(?:\d{1,3}[a-z]?|[A-Za-z]{1,4}\d{0,3})"
_CODED_REF = re.compile(rf"{_FIRST_PART}(?:[-.]{_LATER_PART})+")
# "Q1-Q2", "Q3.Q4": quarters joined are a span of time, not a ref.
_QUARTERS = re.compile(r"Q[1-4](?:\s*[-.–]\s*Q[1-4])+", re.I)
# What a code must not be: a month or quarter with its year ("Sep-25", "Q4-26").
_DATE_LIKE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-.]\d+|q[1-4][-.]\d+", re.I
)


def coded_ref(text: str) -> bool:
    """Whether a cell holds a ref code of joined parts ("WSoA-01", "P2.A.1"): a figure and a
    capital in it, and each part of letters an abbreviation of four letters at most (one
    letter, or two capitals at least: "WSoA", "AoW", never "Year", "Covid" or "COVID-19");
    never quarters joined ("Q1-Q2") nor a month or quarter with its year ("Sep-25")."""
    written = " ".join(text.split())
    if len(written) > 16 or not _CODED_REF.fullmatch(written):
        return False
    if _QUARTERS.fullmatch(written) or _DATE_LIKE.fullmatch(written):
        return False
    if not any(ch.isdigit() for ch in written) or not any(ch.isupper() for ch in written):
        return False
    for part in re.split(r"[-.]", written):
        letters = re.sub(r"[^A-Za-z]", "", part)
        if len(letters) > 4 or (len(letters) > 1 and sum(ch.isupper() for ch in letters) < 2):
            return False
    return True


# "KSIP 01.01", "SEND 3": an abbreviation in capitals, a space, then a number, as performance
# systems code their records; never a month in capitals and its year ("SEP 25"), a financial
# year or a key stage.
_SPACED_CODE = re.compile(r"(?P<letters>[A-Z]{2,5}) \d{1,3}(?:\.\d{1,3}){0,3}")
_NOT_CODES = frozenset({
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUNE", "JUL", "JULY", "AUG", "SEP", "SEPT",
    "OCT", "NOV", "DEC", "FY", "KS", "YR", "Q",
})  # fmt: skip


def _spaced_code(written: str) -> bool:
    match = _SPACED_CODE.fullmatch(written)
    return match is not None and match.group("letters") not in _NOT_CODES


# "(1)": a figure in brackets.
_BRACKETED_FIGURE = re.compile(r"\((\d{1,2})\)")
# "Ref 2.3", "Action 4B", "No. 7" before a ref: the word that says it is one.
_REF_WORD = re.compile(r"^(?:ref(?:erence)?|action|no)\.?\s*[:.]?\s*(?=\S)", re.I)


def read_ref(text: str) -> Ref | None:
    """A cell that holds only a ref, kept as written unless spaces must go ("4 B") or the
    word "Ref" comes before it ("Ref 2.3")."""
    written = " ".join(text.split())
    worded = _REF_WORD.match(written)
    if worded and len(written) > worded.end():
        found = read_ref(written[worded.end() :])
        return Ref(found.value, written) if found else None
    if not written or len(written) > 16:
        return None
    if _spaced_code(written):
        # "KSIP 01.01", "SEND 3.2": a performance system's code (rule `system-columns`).
        return Ref(written, coded=True)
    bracketed = _BRACKETED_FIGURE.fullmatch(written)
    if bracketed:
        # "(1)", as minutes number a resolution (rule `bracketed-numbers`): the figure.
        return Ref(bracketed.group(1), written)
    if _LETTERED_REF.fullmatch(written):
        return Ref(written)
    if not _REF.fullmatch(written):
        if coded_ref(written):
            return Ref(written, coded=True)
        # A code a narrow column broke after a dot or hyphen ("P1.A.\n1"): joined again.
        joined = re.sub(r"(?<=[-.])\s+", "", written)
        return Ref(joined, written, coded=True) if coded_ref(joined) else None
    if not any(ch.isdigit() for ch in written) and not re.fullmatch(r"[A-Z]\.?", written):
        return None
    tidy = re.sub(r"\s+", "", written)
    # A trailing full stop after a number ("1.2.") is punctuation; "F." is how a plan writes F.
    if re.fullmatch(r"\d[\d.]*\d\.|\d\.", tidy):
        tidy = tidy.rstrip(".")
    return Ref(tidy, written if tidy != written else None)


def split_ref_and_text(text: str) -> tuple[str, str] | None:
    """("1.4", "Co-produce ...") for a cell where a ref and its title were run together,
    perhaps with the word "Ref" before them ("Ref 2.3 Joint working ...")."""
    written = " ".join(text.split())
    worded = _REF_WORD.match(written)
    match = _REF_THEN_TEXT.match(written[worded.end() :] if worded else written)
    if not match or len(match.group(2).split()) < 2:
        return None
    return match.group(1), match.group(2)


# "P1 - Joint commissioning", "SP2: Preparing for adulthood": a code of capitals and a
# number, then a dash or a colon, then the section's name.
_CODED_SECTION = re.compile(r"^([A-Z]{1,3}\d{1,2})\s*(?:[-–—:]|\s[-–—]\s)\s*([A-Z].*)$", re.S)


def coded_section(text: str) -> tuple[str, str] | None:
    """("P1", "Joint commissioning") for a section cell that opens with its code."""
    match = _CODED_SECTION.match(" ".join(text.split()))
    if not match or len(match.group(2).split()) < 2:
        return None
    return match.group(1), match.group(2)


def opens_with_ref(text: str) -> bool:
    """Whether a cell opens with a ref that is plainly one ("Ref 2.3 Joint working",
    "1.2 Publish the JSNA"): the word "Ref" before it, or a dotted number; never "3 Months"."""
    split = split_ref_and_text(text)
    if split is None:
        return False
    return "." in split[0] or _REF_WORD.match(" ".join(text.split())) is not None


_LEADING_REF = re.compile(
    r"^((?:\d{1,3}(?:\.\d{1,3})+|\d{1,3}[A-Za-z]|[A-Z]{1,4}(?:[-.]\d{1,3}|\d{1,3}\.\d{1,3})"
    r"(?:\.\d{1,3})*)[a-z]?)[.:)]?\s+([A-Z\u2018\u201c\"'].*)$",
    re.S,
)


def leading_ref(text: str) -> tuple[str, str] | None:
    """("1.1", "Agree the terms ...") for an action whose text opens with its ref, in a table
    with no ref column. Only refs that cannot be a count or a code ("1.1", "2b", "A.1"; never
    "20", "KS4" or "Q3"), and only before a capital, as an action's first word has."""
    written = " ".join(text.split())
    worded = _REF_WORD.match(written)
    match = _LEADING_REF.match(written[worded.end() :] if worded else written)
    if not match or len(match.group(2).split()) < 2:
        return None
    return match.group(1), match.group(2)


def parent_ref(ref: str) -> str | None:
    """ "1.1.1" -> "1.1"; "4A" -> "4"; "2.10" -> "2"; "F." -> None; "P1.1" -> "P1";
    "A1" -> "A"."""
    if "." in ref.rstrip("."):
        return ref.rstrip(".").rsplit(".", 1)[0]
    match = re.fullmatch(r"(\d+)[A-Za-z]|([A-Z][A-Za-z]{0,2})\d{1,3}", ref)
    return (match.group(1) or match.group(2)) if match else None


_LEVEL_WORDS = (
    r"(?:(?:improvement|key|strategic|high|top|main|core|overarching|our)\s+)?(?:theme|pillar|priority\s+action|priority\s+area"
    r"|priority|area\s+for\s+improvement|area\s+of\s+improvement|area\s+for\s+development"
    r"|focus\s+area|workstream|work\s+stream|strand|objective"
    r"|(?:area\s+of\s+(?:significant\s+)?)?weakness|area\s+of\s+concern|improvement\s+area"
    r"|key\s+area|ambition|outcome|area\s+of\s+focus|goal|strategic\s+aim|aim|commitment"
    r"|promise|pledge)"
)
_SECTION_HEADING = re.compile(
    rf"^(?P<level>{_LEVEL_WORDS})\s+"
    r"(?P<ref>\d{1,2}(?:\.\d{1,2}){0,3}[A-Za-z]?|[A-Z]"
    # "Objective P1.A: …": a code of a capital or two and a figure, parts joined by dots
    # (rule `coded-refs`).
    r"|[A-Z]{1,4}\d{1,2}(?:\.[A-Z0-9]{1,3}){0,3}(?![\w.]))(?!\d|\.\d)\b"
    r"\s*(?:[:.\-–—)]\s*)?(?P<title>.*)$",
    re.IGNORECASE,
)


_BARE_LEVEL = re.compile(
    rf"^(?P<level>{_LEVEL_WORDS})(?:\s+(?P<ref>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}[A-Za-z]?|[A-Z]))?"
    r"\s*[:.\-–—]?$",
    re.IGNORECASE,
)


_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
]
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]
_NUMBERED_IN_WORDS = re.compile(
    rf"^(?P<level>{_LEVEL_WORDS})\s+(?P<number>{'|'.join(_NUMBER_WORDS)})\b"
    rf"|^(?P<ordinal>{'|'.join(_ORDINALS)})\s+(?P<after>{_LEVEL_WORDS})\b",
    re.IGNORECASE,
)


def _numbers_as_digits(written: str) -> str:
    """ "Priority one: ..." and "First priority: ..." as "Priority 1: ..."."""
    match = _NUMBERED_IN_WORDS.match(written)
    if not match:
        return written
    if match.group("number"):
        number = _NUMBER_WORDS.index(match.group("number").lower()) + 1
        return f"{match.group('level')} {number}{written[match.end() :]}"
    number = _ORDINALS.index(match.group("ordinal").lower()) + 1
    return f"{match.group('after')} {number}{written[match.end() :]}"


def bare_level(text: str) -> tuple[str, str | None] | None:
    """("Area of weakness", None) for a heading that names only a level, and perhaps its ref
    ("Priority 2", "Priority two"), its title on the line below."""
    match = _BARE_LEVEL.match(_numbers_as_digits(" ".join(text.split())))
    if not match:
        return None
    level = " ".join(match.group("level").split())
    level = level.title() if level.isupper() else level[0].upper() + level[1:]
    return level, match.group("ref")


@dataclass(frozen=True)
class SectionHeading:
    level: str
    ref: str
    title: str


# "Working together and building trust - priority 1": the title first, the level after it.
_TITLE_THEN_LEVEL = re.compile(
    rf"^(?P<title>[A-Z][^:]{{2,120}}?)\s+[-–—:]\s+(?P<level>{_LEVEL_WORDS})\s+"
    r"(?P<ref>\d{1,2}(?:\.\d{1,2}){0,3}[A-Za-z]?)\s*$",
    re.IGNORECASE,
)


# "Workstream 1 is all about …": a level and its number that are the subject of a sentence.
_SENTENCE_AFTER_REF = re.compile(
    r"^(?:is|are|was|were|will|has|have|aims|sets|includes|covers|focuses|brings)\b"
)
_MIN_SENTENCE_WORDS = 8


def subject_ref(text: str) -> str | None:
    """The number of a "<level> <number>" that opens a sentence about it, running straight on
    into a verb with no colon or dash, the sentence ending with a full stop: an item of a list
    ("Workstream 1 is all about …"), not a heading."""
    match = _SECTION_HEADING.match(" ".join(text.split()))
    if match is None or match.group(0)[match.end("ref") : match.start("title")].strip():
        return None
    title = match.group("title")
    sentence = (
        bool(_SENTENCE_AFTER_REF.match(title))
        and title.rstrip().endswith(".")
        and len(title.split()) >= _MIN_SENTENCE_WORDS
    )
    return match.group("ref") if sentence else None


def section_heading(text: str) -> SectionHeading | None:
    """ "Theme 2: Joint commissioning", "Improvement Pillar 2 – Inclusion", "Priority 1",
    "Workstream 1.2 – Health", "Priority 1. Leaders must ...", "Inclusion – priority 2"."""
    written = _numbers_as_digits(" ".join(text.split()))
    match = _SECTION_HEADING.match(written) or _TITLE_THEN_LEVEL.match(written)
    if not match or subject_ref(written) is not None:
        return None
    level = " ".join(match.group("level").split())
    level = level.title() if level.isupper() else level[0].upper() + level[1:]
    title = match.group("title").strip()
    # A heading's closing full stop is punctuation, not part of the theme's name.
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    return SectionHeading(level=level, ref=match.group("ref"), title=title or written)


# "- Area of weakness identified by Ofsted and CQC: A lack of joint working ...": a label
# naming an area of weakness (a few words may say who found it), a colon, then its words,
# with no number; perhaps as an item of a list.
_LABELLED_SECTION = re.compile(
    r"^(?:[-–•●▪]\s+)?(?P<level>(?:areas?\s+of\s+(?:significant\s+)?)?weakness|areas?\s+of\s+"
    r"concern|areas?\s+for\s+(?:improvement|development))"
    r"(?:\s+(?:identified|found|raised|named|noted)\s+(?:by|in)\b[^:]{0,60})?"
    r"\s*:\s*(?P<title>[A-Z].*)$",
    re.IGNORECASE,
)
_MIN_LABELLED_TITLE_WORDS = 4


def labelled_section(text: str) -> SectionHeading | None:
    """ "Area of weakness identified by Ofsted and CQC: A lack of …": a section with no ref,
    named after the label (`section_heading` wants a number)."""
    match = _LABELLED_SECTION.match(" ".join(text.split()))
    if not match or len(match.group("title").split()) < _MIN_LABELLED_TITLE_WORDS:
        return None
    level = re.sub(r"^areas\b", "Area", match.group("level"), flags=re.I)
    level = level[0].upper() + level[1:].lower()
    return SectionHeading(level=level, ref="", title=match.group("title").strip())


_MONEY = re.compile(r"£\s?(\d[\d,]*(?:\.\d+)?)\s*(k|m)?\b", re.I)
_TIMES = re.compile(r"£\s?(\d[\d,]*(?:\.\d+)?)\s*(?:x|×|\*)\s*(\d+)", re.I)
_AT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:days?|sessions?|hours?|x|×)\s*@\s*£\s?(\d[\d,]*(?:\.\d+)?)")


def _pounds(number: str, scale: str | None = None) -> float:
    value = float(number.replace(",", ""))
    if scale:
        value *= 1000 if scale.lower() == "k" else 1_000_000
    return value


def _tidy_number(value: float) -> float | int:
    return int(value) if value == int(value) else round(value, 2)


def read_cost(text: str) -> float | int | None:
    """The cost in pounds the words give, or None.

    "£400 x 20 £8,000" is 8,000 (the product is written out); "10 days @ £300 per day" is
    3,000; several separate amounts are added up ("(c.£10,000) ... (c.£20,000)").
    """
    amounts = [_pounds(m.group(1), m.group(2)) for m in _MONEY.finditer(text)]
    times = _TIMES.search(text)
    if times:
        product = _pounds(times.group(1)) * int(times.group(2))
        return _tidy_number(amounts[-1] if product in amounts[1:] else product)
    at = _AT.search(text)
    if at:
        return _tidy_number(float(at.group(1)) * _pounds(at.group(2)))
    if not amounts:
        return None
    return _tidy_number(sum(amounts))


_SEE = re.compile(
    r"\b(?:cross[\s-]*ref(?:erence)?s?|see(?:\s+also)?|links?\s+(?:to|with)|linked\s+to)\s*[:.]?\s*"
    r"((?:action\s+)?\d{1,3}(?:\.\d{1,3})*[A-Za-z]?(?:\s*(?:,|and|&|/)\s*\d{1,3}(?:\.\d{1,3})*[A-Za-z]?)*)",
    re.I,
)


def cross_refs(text: str) -> list[str]:
    """Refs named by "cross ref: 3A", "see 6.1.4", "links to 2.1 and 2.3"."""
    found: list[str] = []
    for match in _SEE.finditer(text):
        body = re.sub(r"(?i)^action\s+", "", match.group(1))
        for ref in re.split(r"\s*(?:,|and|&|/)\s*", body):
            if ref and ref not in found:
                found.append(ref)
    return found
