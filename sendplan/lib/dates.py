"""Plan dates: ISO strings that may name only a month ("2018-05") or a day ("2018-05-31")."""

import calendar
import datetime as dt
import re

PARTIAL_DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def is_partial_date(value: str) -> bool:
    """True when value is YYYY-MM or YYYY-MM-DD naming a real month or day."""
    return parse_partial_date(value) is not None


def parse_partial_date(value: str | None, *, end: bool = True) -> dt.date | None:
    """The date a partial ISO date stands for; a month means its last day (or first, if not end)."""
    if not value:
        return None
    match = PARTIAL_DATE_RE.match(value)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    if match.group(3):
        try:
            return dt.date(year, month, int(match.group(3)))
        except ValueError:
            return None
    day = calendar.monthrange(year, month)[1] if end else 1
    return dt.date(year, month, day)


def format_partial_date(value: str | None) -> str:
    """A partial ISO date in words: "May 2018" or "31 May 2018"."""
    parsed = parse_partial_date(value)
    if parsed is None or value is None:
        return value or ""
    if len(value) == 7:
        return parsed.strftime("%B %Y")
    return f"{parsed.day} {parsed.strftime('%B %Y')}"
