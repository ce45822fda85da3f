"""The one date parser: strict (a string is a date or it is not), used everywhere dates are read.

Front matter, page metadata, the library's files, the `published:` query terms and the
timeline's "June 19, 2018" all come through here, so "2018-13-40", "banana" or "2018-06-19 and
more" are refused the same way in every place, with a reason a person can act on.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any, Literal

Precision = Literal["day", "month", "year"]

_WRITTEN_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d.%m.%Y",
)
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
# A weekday before a written date ("Thursday, May 16, 2019", as Wikinews and many sites date a
# page) names the same day; it is dropped before the formats are tried.
_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?=\d|[a-z]{3})",
    re.IGNORECASE,
)
# A time of day after a written date ("June 19, 2018 10:30 AM EDT") is allowed and ignored.
_TRAILING_TIME = re.compile(
    r"(?:,|\s+at)?\s+\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$",
    re.IGNORECASE,
)
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_MIN_YEAR, _MAX_YEAR = 1000, 9999


class DateError(ValueError):
    """Text that is not a date; the message says what a date looks like."""


def make_date(year: int, month: int, day: int) -> date | None:
    """The calendar date, or None when there is no such day (February 30)."""
    if not (_MIN_YEAR <= year <= _MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def parse_date(value: Any) -> date | None:
    """A date from YAML (date/datetime) or a whole string in ISO or a common written form.

    Strict: the entire text must be the date (a time of day after it is allowed); anything
    else, numbers included, is None.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = " ".join(value.split())
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    plain = _ORDINAL.sub(r"\1", _WEEKDAY.sub("", text))
    for candidate in dict.fromkeys((plain, _TRAILING_TIME.sub("", plain))):
        for fmt in _WRITTEN_FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    from email.utils import parsedate_to_datetime  # lazy: email is heavy, and rarely needed

    try:  # e-mail and RSS style: "Tue, 19 Jun 2018 10:00:00 GMT"
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def parse_date_prefix(text: str) -> tuple[date, date, Precision]:
    """A year, month or day as the user types it in a query: "2018", "2018-06", "2018-06-19".

    Returns (first day, last day, precision). Raises DateError with the reason otherwise.
    """
    text = text.strip()
    match = _PARTIAL.fullmatch(text)
    if not match:
        raise DateError(f"'{text}' is not a date (use 2018, 2018-06 or 2018-06-19)")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is None:
        first, last = make_date(year, 1, 1), make_date(year, 12, 31)
        precision: Precision = "year"
    elif day is None:
        first = make_date(year, month, 1)
        last = make_date(year, month, calendar.monthrange(year, month)[1]) if first else None
        precision = "month"
    else:
        first = last = make_date(year, month, day)
        precision = "day"
    if first is None or last is None:
        raise DateError(f"'{text}' is not a day of the calendar")
    return first, last, precision
