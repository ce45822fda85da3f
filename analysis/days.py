"""The day two sentences that make the same point give their event: "checked herself in on
Tuesday" against "entered rehab on Friday" is a possible difference, the same day an agreement.

A day is a weekday ("on Tuesday", "late Tuesday") or a date ("December 9, 2008"; "December 9"
dated as the timeline dates it, timeline.month_day_date). A day right after a verb of speech
("a prosecutor said Friday", "told AFP late Tuesday") dates the statement, not the event, and is
left out; so is "last/next Tuesday" (a day relative to one the reader cannot see). Each
sentence must give one day: with two, which goes with the event is not known, and nothing is
claimed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from kimreader.analysis.timeline import (
    MONTH,
    MONTH_DAY,
    MONTHS,
    WEEKDAY,
    month_day_date,
    points_ahead,
    weekday_date,
)

_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|announced|reported|confirmed|added|stated)"
    r"(?:\s+(?!on\b|late\b|early\b)[\w.’'\-]+){0,2}\s+(?:on\s+|late\s+|early\s+)?$"
)


@dataclass(frozen=True)
class Day:
    """A day a sentence gives: text[start:end] as written; the weekday, and the date if known;
    `ahead`: a word before it points ahead ("scheduled to appear in court on Thursday")."""

    weekday: str  # "tuesday"
    when: date | None
    start: int
    end: int
    ahead: bool = False

    def date_near(self, published: date | None) -> date | None:
        """Its date; a weekday's as the timeline dates it near `published` (the most recent
        one, or the next when a word points ahead: timeline.weekday_date)."""
        if self.when is not None or published is None:
            return self.when
        return weekday_date(self.weekday, published, self.ahead)


def sentence_days(text: str, base: int = 0, published: date | None = None) -> list[Day]:
    """The event days a sentence gives (offsets `base` + offsets into text); a weekday and the
    date written next to it ("Tuesday, December 9, 2008") are one day. A date without its year
    is dated against `published` as the timeline dates it (timeline.month_day_date); with no
    publication date it is left out (no weekday to compare)."""
    days: list[Day] = []
    for match in MONTH_DAY.finditer(text):
        if _SPEECH_BEFORE.search(text[: match.start()]):
            continue
        when = month_day_date(match, published)
        if when is not None:
            weekday = calendar.day_name[when.weekday()].lower()
            days.append(Day(weekday, when, base + match.start(), base + match.end()))
    for match in WEEKDAY.finditer(text):
        start = match.start("weekday")
        if match.group("relative") in ("last", "next", "this") or _SPEECH_BEFORE.search(
            text[:start]
        ):
            continue
        weekday = match.group("weekday").lower()
        if any(day.weekday == weekday and day.when for day in days):
            continue  # "Tuesday, December 9": the date already says it
        ahead = points_ahead(text, match.start())
        days.append(Day(weekday, None, base + start, base + match.end("weekday"), ahead))
    return sorted(days, key=lambda day: day.start)


@dataclass(frozen=True)
class Month:
    """A month a sentence gives alone ("since June", "began in July"): text[start:end]."""

    month: int
    year: int | None
    start: int
    end: int


# A month that dates a start: "since June", "fighting began in July", "launched … in December".
_STARTED_IN = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|launched|opened|founded)"
    r"(?:\s+[\w’'\-]+){0,3}?\s+in\s+$",
    re.IGNORECASE,
)


def sentence_months(text: str, base: int = 0) -> list[Month]:
    """The months a sentence gives as the start of something, without a day ("since June",
    "began in July"; offsets `base` + offsets into text). Other months alone ("in March") date
    too many things in one story to be compared."""
    dated = [match.span() for match in MONTH_DAY.finditer(text)]
    months: list[Month] = []
    for match in MONTH.finditer(text):
        start, end = match.span("month")
        since = match.group().lower().startswith("since")
        if any(s <= start < e for s, e in dated) or not (since or _STARTED_IN.search(text[:start])):
            continue
        year = int(match.group("year")) if match.group("year") else None
        month = MONTHS[match.group("month").lower()]
        months.append(Month(month, year, base + match.start(), base + match.end()))
    return months


def same_day(a: Day, b: Day) -> bool:
    """Equal dates when both are known, else equal weekdays."""
    if a.when is not None and b.when is not None:
        return a.when == b.when
    return a.weekday == b.weekday


def same_month(a: Month, b: Month) -> bool:
    """Equal months, and equal years when both give one."""
    return a.month == b.month and (a.year is None or b.year is None or a.year == b.year)
