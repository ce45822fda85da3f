"""The day two sentences that make the same point give their event: "checked herself in on
Tuesday" against "entered rehab on Friday" is a possible difference, the same day an agreement.

A day is a weekday ("on Tuesday", "late Tuesday") or a date ("December 9, 2008"; "December 9"
with the report's year). A day right after a verb of speech ("a prosecutor said Friday", "told
AFP late Tuesday") dates the statement, not the event, and is left out; so is "last/next
Tuesday" (a day relative to one the reader cannot see). Each sentence must give one day: with
two, which goes with the event is not known, and nothing is claimed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from kimreader.corpus.dates import make_date

_DAY_NAMES = "|".join(calendar.day_name)
_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_WEEKDAY = re.compile(rf"\b(?:(?P<relative>last|next|this)\s+)?(?P<weekday>{_DAY_NAMES})\b")
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{'|'.join(calendar.month_name[1:])})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|announced|reported|confirmed|added|stated)"
    r"(?:\s+(?!on\b|late\b|early\b)[\w.’'\-]+){0,2}\s+(?:on\s+|late\s+|early\s+)?$"
)


@dataclass(frozen=True)
class Day:
    """A day a sentence gives: text[start:end] as written; the weekday, and the date if known."""

    weekday: str  # "tuesday"
    when: date | None
    start: int
    end: int


def sentence_days(text: str, base: int = 0, year: int | None = None) -> list[Day]:
    """The event days a sentence gives (offsets `base` + offsets into text); a weekday and the
    date written next to it ("Tuesday, December 9, 2008") are one day."""
    days: list[Day] = []
    for match in _MONTH_DAY.finditer(text):
        if _SPEECH_BEFORE.search(text[: match.start()]):
            continue
        given = int(match.group("year")) if match.group("year") else year
        if given is None:
            continue  # "December 9" of an unknown year: no weekday to compare
        when = make_date(given, _MONTHS[match.group("month").lower()], int(match.group("day")))
        if when is not None:
            weekday = calendar.day_name[when.weekday()].lower()
            days.append(Day(weekday, when, base + match.start(), base + match.end()))
    for match in _WEEKDAY.finditer(text):
        if match.group("relative") or _SPEECH_BEFORE.search(text[: match.start()]):
            continue
        weekday = match.group("weekday").lower()
        if any(day.weekday == weekday and day.when for day in days):
            continue  # "Tuesday, December 9": the date already says it
        days.append(Day(weekday, None, base + match.start(), base + match.end()))
    return sorted(days, key=lambda day: day.start)


def same_day(a: Day, b: Day) -> bool:
    """Equal dates when both are known, else equal weekdays."""
    if a.when is not None and b.when is not None:
        return a.when == b.when
    return a.weekday == b.weekday
