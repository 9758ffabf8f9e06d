"""Reading the dates people write in plans: "May 2018", "Sep-22", "By 31 March 2018.",
"From Sept 2018", "Jan-Mar 2019", "Q3 2023/24", "Autumn Term 2018", "By the end of 2026".

Results are ISO strings: "YYYY-MM" when the words name a month, "YYYY-MM-DD" when they
name a day. Words that name no date ("Termly", "TBC", "3 times a year") read as None;
callers keep the words and say so in the report.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

_MONTH_WORDS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept(?:ember)?|sep|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:\d{4}|\d{2})"
_ORD = r"(?:\s?(?:st|nd|rd|th))"

# One pattern with an alternative per way of writing a date; longer forms come first so
# "Jan-Mar 2019" is read as a range, not as "Jan" followed by noise.
_DATE = re.compile(
    rf"""
    (?P<iso>\b(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{1,2}})(?:-(?P<iso_d>\d{{1,2}}))?\b)
  | (?P<num>\b(?P<num_d>\d{{1,2}})[/.](?P<num_m>\d{{1,2}})[/.](?P<num_y>{_YEAR})\b)
  | (?P<quarter>\bQ(?P<q>[1-4])\s*(?P<q_y>{_YEAR})(?:\s*[/-]\s*(?P<q_y2>{_YEAR}))?\b)
  | (?P<range>\b(?P<r_m1>{_MON})\.?(?:[\s\-'’]*(?P<r_y1>\d{{4}}|\d{{2}}(?=\s*(?:-|–|—|to\b))))?\s*
        (?:-|–|—|to|until)\s*
        (?P<r_m2>{_MON})\.?[\s\-'’,]*(?P<r_y2>{_YEAR})\b)
    # "30 Jan 2026", and "30/Jan/26", "5-Mar-2026" (rule `day-month-slashed`).
  | (?P<dmy>\b(?P<dmy_d>\d{{1,2}}){_ORD}?(?:\s*(?:of\s+)?|[/\-](?=[A-Za-z]))(?P<dmy_m>{_MON})\b\.?
        (?:[\s,\-/]+(?P<dmy_y>{_YEAR})\b)?)
  | (?P<mdy>\b(?P<mdy_m>{_MON})\.?\s+(?P<mdy_d>\d{{1,2}}){_ORD}\b,?(?:\s+(?P<mdy_y>\d{{4}})\b)?)
  | (?P<my>\b(?P<my_m>{_MON})\.?[\s\-'’/,]*(?P<my_y>{_YEAR})\b)
  | (?P<year_end>(?<=\bend[ ]of[ ])(?P<ye_y>\d{{4}})\b(?!\s*[/-]\s*\d))
  | (?P<term>\b(?P<season>autumn|spring|summer)(?:\s+term)?(?:\s+(?P<term_y>{_YEAR})\b)?(?![\w-]))
    """,
    re.IGNORECASE | re.VERBOSE,
)

_START_WORDS = re.compile(r"\b(?:from|starting|starts?|commencing|beginning)\b", re.I)
_ONWARDS = re.compile(r"\b(?:onwards|ongoing from)\b|[-–—]\s*ongoing\b", re.I)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:by|before|due|deadline|no later than|not later than|target|w/c|wc|"
    r"week commencing|end of|the end of|by the end of|by end of|in|during|approx\.?|"
    r"approximately|circa|c\.|from|starting|commencing|beginning|until)\b[\s:,]*)+",
    re.I,
)
_MAX_WORDS_BEFORE = 2
_UNTIL = re.compile(r"\b(?:to|until|till|-|–)\s*", re.I)

# School terms and seasons are read as the month they end in; the report says so.
_TERM_END = {"autumn": 12, "spring": 4, "summer": 7}


@dataclass(frozen=True)
class DateRead:
    iso: str
    start: int
    end: int
    # A term or season read as the month it ends in, or a year borrowed from context.
    note: str | None = None
    # Where a range ("Apr 2018 - Mar 2019") begins.
    begins: str | None = None


@dataclass
class When:
    """What a "date for delivery" cell says: when the work is due, or when it starts."""

    due: str | None = None
    starts: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.due is not None or self.starts is not None


def month_number(word: str) -> int | None:
    return _MONTH_WORDS.get(word[:3].lower())


def _year(text: str | None, hint: int | None) -> int | None:
    if not text:
        return hint
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _month_iso(year: int | None, month: int | None) -> str | None:
    if year is None or month is None or not 1 <= month <= 12 or not 1900 <= year <= 2200:
        return None
    return f"{year:04d}-{month:02d}"


def _day_iso(year: int | None, month: int | None, day: int) -> str | None:
    month_iso = _month_iso(year, month)
    if month_iso is None or year is None or month is None:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{month_iso}-{day:02d}"


def _quarter_end(quarter: int, year_text: str, second_year: str | None) -> str | None:
    year = _year(year_text, None)
    if year is None:
        return None
    if second_year:
        # "Q3 2023/24": a financial year running April to March.
        month = quarter * 3 + 3
        if month > 12:
            month -= 12
            year += 1
        return _month_iso(year, month)
    return _month_iso(year, quarter * 3)


def _range_start(match: re.Match[str]) -> str | None:
    first, last = month_number(match.group("r_m1")), month_number(match.group("r_m2"))
    end_year = _year(match.group("r_y2"), None)
    if first is None or last is None or end_year is None:
        return None
    year = _year(match.group("r_y1"), None) or (end_year - 1 if first > last else end_year)
    return _month_iso(year, first)


def _read_match(match: re.Match[str], year_hint: int | None) -> tuple[str | None, str | None]:
    """The ISO date a pattern match names, and a note when part of it was inferred."""
    g = match.group
    if g("iso"):
        if g("iso_d"):
            return _day_iso(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))), None
        return _month_iso(int(g("iso_y")), int(g("iso_m"))), None
    if g("num"):
        # UK plans write day first.
        return _day_iso(_year(g("num_y"), None), int(g("num_m")), int(g("num_d"))), None
    if g("quarter"):
        return _quarter_end(int(g("q")), g("q_y"), g("q_y2")), None
    if g("range"):
        return _month_iso(_year(g("r_y2"), None), month_number(g("r_m2"))), None
    if g("dmy"):
        year = _year(g("dmy_y"), year_hint)
        note = None if g("dmy_y") else f"assumed the year {year}"
        return _day_iso(year, month_number(g("dmy_m")), int(g("dmy_d"))), note
    if g("mdy"):
        year = _year(g("mdy_y"), year_hint)
        note = None if g("mdy_y") else f"assumed the year {year}"
        return _day_iso(year, month_number(g("mdy_m")), int(g("mdy_d"))), note
    if g("my"):
        return _month_iso(_year(g("my_y"), None), month_number(g("my_m"))), None
    if g("year_end"):
        # "By the end of 2026": the year's last month.
        return _month_iso(int(g("ye_y")), 12), None
    season = g("season").lower()
    year = _year(g("term_y"), year_hint)
    iso = _month_iso(year, _TERM_END[season])
    note = f"read '{match.group(0).strip()}' as the end of the {season} term"
    if not g("term_y"):
        note += f" in {year}"
    return iso, note


def find_dates(text: str, *, year_hint: int | None = None) -> list[DateRead]:
    """Every readable date in free text, in order."""
    found = []
    for match in _DATE.finditer(text):
        found.extend(_date_read(match, year_hint))
    return found


def _date_read(match: re.Match[str], year_hint: int | None) -> list[DateRead]:
    iso, note = _read_match(match, year_hint)
    if iso is None:
        return []
    begins = _range_start(match) if match.group("range") else None
    return [DateRead(iso, match.start(), match.end(), note, begins)]


def _strip_brackets(text: str) -> str:
    return re.sub(r"\([^()]*\)", " ", text)


def read_date(text: str, *, year_hint: int | None = None) -> str | None:
    """The date the words name, if they start with one ("Dec 2018 (Settings briefed)")."""
    found = read_leading_date(text, year_hint=year_hint)
    return found.iso if found else None


def read_leading_date(text: str, *, year_hint: int | None = None) -> DateRead | None:
    """The date at the start of the words, after lead-ins such as "By" or "From"."""
    stripped = _strip_brackets(text)
    lead = _LEAD_IN.match(stripped)
    offset = lead.end() if lead else 0
    match = _DATE.search(stripped, offset)
    # "Survey Jan-Mar 2019" still names a date; a sentence that mentions one does not.
    if not match or len(stripped[offset : match.start()].split()) > _MAX_WORDS_BEFORE:
        return None
    found = _date_read(match, year_hint)
    return found[0] if found else None


def read_when(text: str, *, year_hint: int | None = None) -> When:
    """Read a delivery date cell: "May 2018", "From Sept 2018", "From April 2018 to March 2019"."""
    when = When()
    first = read_leading_date(text, year_hint=year_hint)
    if first is None:
        return when
    if first.note:
        when.notes.append(first.note)
    stripped = _strip_brackets(text)
    if _START_WORDS.search(stripped[: first.start]) or _ONWARDS.search(text):
        if first.begins:
            when.starts, when.due = first.begins, first.iso
            return when
        when.starts = first.iso
        rest = stripped[first.end :]
        until = _UNTIL.match(rest)
        if until:
            second = read_leading_date(rest[until.end() :], year_hint=year_hint)
            if second:
                when.due = second.iso
    else:
        when.due = first.iso
        if first.begins and first.begins != first.iso:
            when.starts = first.begins
    return when


def month_end_day(iso: str) -> str:
    """The last day a partial ISO date covers: "2018-03" becomes "2018-03-31"."""
    if len(iso) == 10:
        return iso
    year, month = int(iso[:4]), int(iso[5:7])
    return f"{iso}-{calendar.monthrange(year, month)[1]:02d}"


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


# Words a date cell may hold instead of a date; kept as written, since they name no month.
DATE_WORDS = {
    word.lower(): word
    for word in (
        "TBC", "TBA", "TBD", "Ongoing", "Termly", "Half termly", "Half-termly", "Monthly",
        "Weekly", "Fortnightly", "Quarterly", "Annually", "Yearly",
    )
}  # fmt: skip

# Cyrillic and Greek letters that look like Latin ones, as OCR puts them ("твс" for "TBC"):
# lower-case Cyrillic в, к, м, н and т are drawn as small capitals.
_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТУХаеорсухвкмнтіјѕΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρ",
    "ABEKMHOPCTYXaeopcyxBKMHTijsABEZHIKMNOPTYXoikvp",
)


def latin_date_word(text: str) -> str | None:
    """The Latin words a date cell written partly in look-alike letters stands for ("TBC" for
    "твс", "Мау 2022" for "May 2022"), when they are a date or a word such as "Termly"."""
    words = " ".join(text.split())
    if words.isascii():
        return None
    latin = words.translate(_LOOK_ALIKES)
    if not latin.isascii():
        return None
    if latin.lower() in DATE_WORDS:
        return DATE_WORDS[latin.lower()]
    return latin if read_when(latin).readable else None


_PERIOD_NOISE = re.compile(r"^[\s,.:;\-–()]*$")


_QUARTER_IN_WORDS = re.compile(r"\bquarter\s+([1-4])\b", re.I)
_FINANCIAL_YEAR_IN_WORDS = re.compile(r"\b(20\d\d)\s+to\s+(20\d\d)\b")


def read_period(label: str) -> str | None:
    """The day a monitoring period ends, when the label is only a date ("Mar 18", "Q3 2023/24").

    A label with other words ("Progress") is not a period; "Position Statement January 2022"
    is handled by `trailing_period`.
    """
    # "Quarter 3 2023 to 2024" is how a council's report names "Q3 2023/24".
    label = _FINANCIAL_YEAR_IN_WORDS.sub(
        lambda m: f"{m.group(1)}/{m.group(2)[2:]}", _QUARTER_IN_WORDS.sub(r"Q\1", label)
    )
    found = find_dates(label)
    if len(found) != 1:
        return None
    only = found[0]
    if not (_PERIOD_NOISE.match(label[: only.start]) and _PERIOD_NOISE.match(label[only.end :])):
        return None
    return month_end_day(only.iso)


_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[/-]\s*(\d{4}|\d{2})\b")
_TERM_ALONE = re.compile(r"(autumn|spring|summer)(?:\s+term)?(?:\s*[12])?", re.I)
_MONTH_ALONE = re.compile(r"[a-z]{3,9}\.?", re.I)
_ACADEMIC = re.compile(r"\b(?:academic|school)\b", re.I)


def in_year_span(period: str, band: str) -> tuple[str, str] | None:
    """("Sep 2025", "2025-09-30") for a month or a term named without its year ("Sep",
    "Autumn term") under a band naming a financial or academic year ("2025/26", "Academic
    year 2025-26"): the period in the calendar year it falls in. A month from April (from
    September in an academic year) is in the year's first calendar year, the months before
    it in the second; the autumn term is in the first, the spring and summer terms in the
    second. A quarter is left to its financial year ("Q1 2025/26")."""
    span = _YEAR_SPAN.search(band)
    if not span:
        return None
    first, second = int(span.group(1)), span.group(2)
    if int(second) != (first + 1 if len(second) == 4 else (first + 1) % 100):
        return None
    text = " ".join(period.split())
    term = _TERM_ALONE.fullmatch(text)
    if term:
        year = first if term.group(1).lower() == "autumn" else first + 1
    elif _MONTH_ALONE.fullmatch(text) and (month := month_number(text)) is not None:
        if read_period(f"{text} {first}") is None:
            return None
        year = first if month >= (9 if _ACADEMIC.search(band) else 4) else first + 1
    else:
        return None
    label = f"{text} {year}"
    ends_on = read_period(label)
    return (label, ends_on) if ends_on else None


def leading_period(label: str) -> tuple[str, str] | None:
    """("Jun 24", "2024-06-30") for a heading such as "Jun 24 RAG": the date, then words."""
    found = find_dates(label)
    if not found or not _PERIOD_NOISE.match(label[: found[0].start]):
        return None
    first = found[0]
    return label[first.start : first.end].strip(), month_end_day(first.iso)


def trailing_period(label: str) -> tuple[str, str] | None:
    """("January 2022", "2022-01-31") for a heading such as "Position Statement January 2022"."""
    found = find_dates(label)
    if not found:
        return None
    last = found[-1]
    if not _PERIOD_NOISE.match(label[last.end :]):
        return None
    return label[last.start : last.end].strip(), month_end_day(last.iso)


# "Quarter 3 2023 to 2024", "Qtr 2 2024/25": a quarter of a financial year, in words.
_QUARTER_OF_YEAR = re.compile(
    r"(?:quarter|qtr|q)\s*[1-4]\s*[,:]?\s+(?:19|20)\d{2}(?:\s*(?:to|/|-|–)\s*(?:19|20)?\d{2})?",
    re.I,
)
_QUARTER_OF_SHORT_YEARS = re.compile(
    r"(?:quarter|qtr|q)\s*[1-4]\s+(\d{2})\s*[/\-–]\s*(\d{2})", re.I
)
# Words a page may put before the period it reports on: "Update – June 2024".
_PERIOD_LEAD_IN = re.compile(
    r"^(?:progress\s+)?(?:update|position|status|performance|progress)(?:\s+(?:at|as at|for))?"
    r"\s*[:–\-]?\s*|^as at\s+",
    re.I,
)
_MAX_PERIOD_WORDS = 8


# "Quarter 2 (April-September 2016)": a quarter by its number, then the months it covers.
_QUARTER_MONTHS = re.compile(r"(?:quarter|qtr|q)\s*([1-4])\s*[,:(–-]?\s*\(?([^()]+?)\)?", re.I)
# A quarter's number alone, as a column names it ("Q2", "Quarter 2 Update").
_QUARTER_NUMBER = re.compile(r"(?:quarter|qtr|q)\s*([1-4])", re.I)


def quarter_covered(text: str) -> tuple[int, str] | None:
    """(the quarter's number, the day it ends) for "Quarter 2 (April-September 2016)": a
    quarter named with the months it covers and their year; None for anything else."""
    match = _QUARTER_MONTHS.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    ends_on = read_period(match.group(2))
    if ends_on is None or not re.search(r"(?:19|20)\d{2}", match.group(2)):
        return None
    return int(match.group(1)), ends_on


def quarter_number(label: str) -> int | None:
    """2 for a period named only by its quarter ("Q2", "Quarter 2"), with no year."""
    match = _QUARTER_NUMBER.fullmatch(" ".join(label.split()))
    return int(match.group(1)) if match else None


def names_period(text: str) -> bool:
    """A line that is only a monitoring period: a quarter ("Quarter 3 2023 to 2024"), or a
    month after words that say it is reported on ("Update – June 2024", "Position at March
    2025"). A month alone under a title ("December 2016") is when the plan was written; a day
    ("31 March 2024") or a sentence with a date in it is no period."""
    words = " ".join(text.split())
    if not words or len(words.split()) > _MAX_PERIOD_WORDS:
        return False
    rest = _PERIOD_LEAD_IN.sub("", words).strip()
    if _QUARTER_OF_YEAR.fullmatch(rest) or quarter_covered(rest) is not None:
        return True
    short = _QUARTER_OF_SHORT_YEARS.fullmatch(rest)
    if short and int(short.group(2)) == (int(short.group(1)) + 1) % 100 and read_period(rest):
        # "Q2 25-26", as trackers name their sheets: a quarter of the financial year 2025/26.
        return True
    if rest == words:
        return _reported_period(words) is not None
    found = find_dates(rest)
    if read_period(rest) is not None and len(found) == 1 and len(found[0].iso or "") == 7:
        return True
    return _reported_period(words) is not None


# "Monitoring update: October 2024", "Position at 31 March 2025", "Update for the SEND
# Partnership Board, November 2024", "Progress at the 6-month stocktake, June 2025": words that
# say progress is reported, a few more, and the one date they report at, closing the line.
_REPORTED = re.compile(
    r"^(?:(?:monitoring|quarterly|monthly|termly|latest|board|progress)\s+)?"
    r"(?:update|position|progress|status|stocktake|review|report)\b",
    re.I,
)
_REPORTED_AT = re.compile(r"^(?:position|progress|status)\s+(?:at|as at)\b", re.I)


def _reported_period(words: str) -> str | None:
    """The day the period ends for a line that reports progress at one date, else None."""
    if not _REPORTED.match(words):
        return None
    found = find_dates(words)
    if len(found) != 1 or not found[0].iso or not _PERIOD_NOISE.match(words[found[0].end :]):
        return None
    if len(found[0].iso) == 10 and not _REPORTED_AT.match(words):
        return None  # "Review 12 May 2025": a meeting's day, not the period reported on.
    before = words[: found[0].start].rstrip()
    if not re.search(r"[:,–\-]$|\b(?:at|as at|for|of|in)$", before):
        return None
    return month_end_day(found[0].iso[:7])


# Words that say a line near a document's top is about a report on progress.
_REPORTING = re.compile(
    r"\b(?:updates?|report|highlight|position|progress|period ending|as at|stocktake"
    r"|monitoring|board)\b",
    re.I,
)
_MAX_REPORT_LINE_WORDS = 14
# Words that say when a plan was adopted, which a board's name beside them does not make a
# report on progress.
_ADOPTED = re.compile(
    r"\b(?:agreed|approved|endorsed|ratified|signed off|adopted|published)\b", re.I
)
_REPORTING_PROGRESS = re.compile(
    r"\b(?:updates?|report|highlight|position|progress|period ending|as at|stocktake"
    r"|monitoring)\b",
    re.I,
)


def report_month(text: str) -> tuple[str, str] | None:
    """("January 2024", "2024-01-31") for a short line that says a report is on one month
    ("Subject: WSoA action updates for the January 2024 board", "Highlight report, period
    ending 30 September 2025"); None for a line with no such words, or not one date."""
    words = " ".join(text.split())
    # "Accelerated Progress Plan – March 2024" names the plan and when it was written.
    said = _REPORTING.search(re.sub(r"\bprogress\s+plan\b", "", words, flags=re.I))
    if len(words.split()) > _MAX_REPORT_LINE_WORDS or not said:
        return None
    if _ADOPTED.search(words) and not _REPORTING_PROGRESS.search(words):
        # "Agreed by the SEND Partnership Board, October 2025": when the plan was adopted, not
        # a report on how it is going.
        return None
    found = find_dates(words)
    if len(found) != 1 or len(found[0].iso or "") < 7:
        return None
    iso = found[0].iso or ""
    return f"{calendar.month_name[int(iso[5:7])]} {iso[:4]}", month_end_day(iso[:7])


def named_period_end(text: str) -> str | None:
    """The day a period named on a line of its own ends ("Position at 31 March 2025" ->
    "2025-03-31", "Update – June 2024" -> "2024-06-30"); None when it says no month."""
    words = " ".join(text.split())
    reported = _reported_period(words)
    if reported:
        return reported
    rest = _PERIOD_LEAD_IN.sub("", words).strip()
    found = find_dates(rest)
    if len(found) == 1 and len(found[0].iso or "") == 7 and read_period(rest):
        return month_end_day(found[0].iso or "")
    # "Quarter 3 2024/25" read as "Q3 2024/25".
    return read_period(re.sub(r"^(?:quarter|qtr)\s*", "Q", rest, flags=re.I))


_MONTH_NAMES = (
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
# A month's name that a PDF split with a space or two ("Augu st", "Sept embe r", as a narrow
# column wraps it): its letters in order, with spaces between some of them.
_SPLIT_MONTH = re.compile(
    r"\b(?:" + "|".join(r" ?".join(name) for name in _MONTH_NAMES) + r")\b", re.I
)
_MAX_MONTH_SPLITS = 2


def rejoin_months(text: str) -> str:
    """The text with month names a PDF split made whole again ("RAG Augu st 20" -> "RAG
    August 20", "Septe mber 2020" -> "September 2020"); a name split in more than two places,
    or any other words, as they are."""

    def whole(match: re.Match[str]) -> str:
        found = match.group(0)
        splits = found.count(" ")
        return found.replace(" ", "") if 1 <= splits <= _MAX_MONTH_SPLITS else found

    return _SPLIT_MONTH.sub(whole, text)
