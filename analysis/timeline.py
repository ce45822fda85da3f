"""Dates a report mentions, relative ones resolved against its publication date.

News convention: a bare weekday or month is the most recent one up to publication ("arrived on
Tuesday", "in March"), unless a word before it points ahead ("slated to end tomorrow", "asked him
to visit Russia in September"), then it is the next one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from kimreader.analysis.text import ARTICLES_REMEMBERED
from kimreader.corpus.dates import make_date

Precision = Literal["day", "week", "month", "year"]

# The patterns of dates as written, here and for analysis.days (one home).
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTH_NAMES = "|".join(name for name in calendar.month_name if name)
DAY_NAMES = "|".join(calendar.day_name)  # "Monday|Tuesday|…": for patterns here and elsewhere


def is_month_or_day(word: str) -> bool:
    """A month's or a weekday's name, any case ("May", "monday"): no given name, no company."""
    return word.lower() in MONTHS or word.lower() in _WEEKDAYS


_RELATIVE_DAY = re.compile(r"\b(yesterday|today|tonight|tomorrow)\b", re.IGNORECASE)
WEEKDAY = re.compile(
    rf"\b(?:(?P<relative>last|next|this|on)\s+)?(?P<weekday>{DAY_NAMES})"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
)
_RELATIVE_PERIOD = re.compile(r"\b(last|this|next|past)\s+(week|month|year)\b", re.IGNORECASE)
# "December 9", "December 9th, 2008"
MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
# A month alone needs a preposition before it ("in May"), so the verb "may" never counts.
MONTH = re.compile(
    rf"\b(?i:in|since|until|till|by|from|during|of|early|late|mid-|last|next|this)\s+"
    rf"(?P<month>{MONTH_NAMES})(?:\s+(?P<year>\d{{4}}))?\b"
)
_YEAR = re.compile(r"\b(?i:in|since|until|by|from|during|of|early|late)\s+((?:19|20)\d\d)\b")
_FUTURE_CUE = re.compile(
    r"\b(?:will|slated|scheduled|expected|plans?|planned|asked|invited|upcoming|next|due)\b"
    r"[^.;]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date on the timeline: a report's publication or a date its text mentions."""

    report: str  # "a" or "b"
    kind: Literal["published", "mention"]
    text: str  # the words as written ("on Tuesday", "last year"); "published" for publication
    start: int | None
    end: int | None
    date: date
    precision: Precision

    def to_json(self) -> dict[str, object]:
        return {
            "report": self.report,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.date.isoformat(),
            "precision": self.precision,
        }


# A date written without its year ("November 20") is taken in the report's year unless that puts
# it more than this many days after publication: then it is the year before ("November 20" in a
# report of January 1, 2020 is 2019's). One rule for the timeline and the day of an event
# (analysis.days), so the two never date one "November 20" differently.
DAYS_AHEAD = 60


def month_day_date(match: re.Match[str], published: date | None) -> date | None:
    """The date of a MONTH_DAY match: in the year written; without one, in the report's year
    or, when that is more than DAYS_AHEAD days after publication, the year before; None
    without a year or a publication date."""
    month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
    if match.group("year"):
        return make_date(int(match.group("year")), month, day)
    if published is None:
        return None
    when = make_date(published.year, month, day)
    if when is None or (when - published).days > DAYS_AHEAD:
        # also "February 29" in a report of January 2021: no such day that year, 2020's
        return make_date(published.year - 1, month, day) or when
    return when


def points_ahead(body: str, start: int) -> bool:
    """A future cue in the few words just before a date mention."""
    window = body[max(0, start - 40) : start]
    return bool(_FUTURE_CUE.search(window))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def resolve_weekday(match: re.Match[str], published: date, ahead: bool) -> date:
    """The date of a WEEKDAY match ("last Tuesday", "on Friday") near publication."""
    return weekday_date(match.group("weekday"), published, ahead, match.group("relative") or "")


def weekday_date(weekday: str, published: date, ahead: bool, modifier: str = "") -> date:
    """The date of a weekday ("Tuesday") near publication: the most recent one up to it, or
    the next one when a word before it points ahead (`ahead`) or `modifier` is "next"
    ("last": the one before, never publication's own day)."""
    modifier = modifier.lower()
    target = _WEEKDAYS[weekday.lower()]
    if modifier == "next" or (ahead and modifier != "last"):
        offset = (target - published.weekday()) % 7 or (7 if modifier == "next" else 0)
        return published + timedelta(days=offset)
    offset = (published.weekday() - target) % 7 or (7 if modifier == "last" else 0)
    return published - timedelta(days=offset)


def _period(match: re.Match[str], published: date) -> tuple[date, Precision]:
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[match.group(1).lower()]
    unit = match.group(2).lower()
    if unit == "week":
        return _monday(published) + timedelta(weeks=step), "week"
    if unit == "month":
        return _shift_month(published, step), "month"
    return date(published.year + step, 1, 1), "year"


def _month(month: int, year: str | None, published: date | None, ahead: bool) -> date | None:
    if year:
        return date(int(year), month, 1)
    if published is None:
        return None
    if ahead:
        return date(published.year + (month < published.month), month, 1)
    return date(published.year - (month > published.month), month, 1)


def resolve_mentions(body: str, published: date | None, report: str = "") -> list[DateMention]:
    """Every date a body mentions; relative ones only when the publication date is known
    (remembered per report)."""
    return list(_mentions_of_report(body, published, report))


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _mentions_of_report(body: str, published: date | None, report: str) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, day: date | None, precision: Precision) -> None:
        if day is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(DateMention(report, "mention", body[start:end], start, end, day, precision))

    for match in MONTH_DAY.finditer(body):
        add(match.start(), match.end(), month_day_date(match, published), "day")
    for match in MONTH.finditer(body):
        ahead = points_ahead(body, match.start())
        resolved = _month(
            MONTHS[match.group("month").lower()], match.group("year"), published, ahead
        )
        add(match.start(), match.end(), resolved, "month")
    for match in _YEAR.finditer(body):
        add(match.start(1), match.end(1), date(int(match.group(1)), 1, 1), "year")
    if published is not None:
        for match in _RELATIVE_DAY.finditer(body):
            offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
            when = published + timedelta(days=offset[match.group(1).lower()])
            add(match.start(), match.end(), when, "day")
        for match in WEEKDAY.finditer(body):
            when = resolve_weekday(match, published, points_ahead(body, match.start()))
            add(match.start(), match.end(), when, "day")
        for match in _RELATIVE_PERIOD.finditer(body):
            when, precision = _period(match, published)
            add(match.start(), match.end(), when, precision)
    return tuple(sorted(found, key=lambda mention: mention.start or 0))


def build_timeline(
    body_a: str, published_a: date | None, body_b: str, published_b: date | None
) -> list[DateMention]:
    """Both publication dates and every mentioned date, sorted by date (then report, offset)."""
    entries: list[DateMention] = []
    for report, body, published in (("a", body_a, published_a), ("b", body_b, published_b)):
        if published is not None:
            entries.append(
                DateMention(report, "published", "published", None, None, published, "day")
            )
        entries.extend(resolve_mentions(body, published, report))
    return sorted(entries, key=lambda e: (e.date, e.report, e.kind != "published", e.start or 0))
