"""Quantities a sentence states, with what they count: "killing more than 200 people" is
(deaths, 200, "more than"); "a depth of 10 kilometers" is (distance, 10 km); "7.6 and 7.4
magnitude quakes" is two magnitudes.

Only what the words say is read: a number with its unit or counted noun, and for people the
verb that says what happened to them (killed, injured). Two quantities can be compared when
their `topic` is the same; `value` is comparable across units (kilometres and miles, numbers
as words or digits, "22, 000" as some texts space it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague amounts: the range they allow ("dozens" is not 200; "tens of thousands" is not 2,000;
# "thousands" may be 23,000, as reports write it: "Thousands of people who have fled … have
# crossed the border" and "nearly 23, 000 Nuban refugees who have fled").
_VAGUE = {
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "several dozen": (24, 99),  # not "dozen", 12: "several dozen people were wounded"
    "a few dozen": (24, 99),
    "several hundred": (200, 999),
    "a few hundred": (200, 999),
    "several thousand": (2_000, 9_999),
    "a few thousand": (2_000, 9_999),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 99_999),
    "millions": (2_000_000, 9_999_999),
}  # longer phrases first: the regex tries them in this order
_VAGUE_WORDS = "|".join(phrase.replace(" ", r"\s+") for phrase in _VAGUE)
_WORD_NUMBER = "|".join([*_SMALL, *_TENS, "a dozen", "dozen"])
# At most six groups of thousands (a comma list of 3-digit numbers was read from each of its
# numbers to its end: quadratic), and a plain number starts where its digits do (a long run of
# digits was read from each of its digits). Digits grouped wrongly ("roughly 200,0000
# residents", a typo) are no number: not 200, not 0000; nor is a count written with a leading
# zero ("200, 0000"), nor the number of a name ("COVID-19 cases", "H1N1 cases", "MH17", "9/11"),
# nor the tail of a number longer than six groups (read from its middle, it was another number).
_DIGITS = (
    r"(?<!\d)(?<!\d,)\d{1,3}(?:,\s?\d{3}){1,6}(?![\d,]\d)"
    r"|(?<!\d)(?<!\d,)(?<![A-Za-z]-)(?<![A-Za-z/])(?!0\d)\d+(?:\.\s?\d+)?(?!,\d)"
)
NUMBER = (
    rf"(?P<number>(?:{_DIGITS}|(?i:{_WORD_NUMBER}))(?:[\s\-](?i:hundred|thousand|million|billion)){{0,2}}"
    rf"|(?i:{_VAGUE_WORDS})(?:[\s\-](?i:thousand|million|billion)\b)?)"
)  # "several hundred thousand": the vague amount of that scale, not "several hundred"
_MODIFIER = (
    r"(?P<modifier>(?i:more than|over|at least|some|about|around|nearly|almost|up to|fewer than|"
    r"less than|as many as|approximately|roughly|an estimated|only|just)\s+)?"
)

# What a number counts, by group: synonyms count the same thing.
_GROUPS = {
    "people": "people persons person civilians residents villagers palestinians israelis refugees "
    "children men women soldiers troops militants fighters students patients staff workers "
    "officers policemen police migrants passengers victims",
    "buildings": "houses homes buildings structures house home building",
    "munitions": "bombs shells missiles rockets bomb shell missile rocket",
    "schools": "schools school",
    "bridges": "bridges bridge",
    "votes": "votes ballots",
    "seats": "seats",
    # Counted as what they are, whatever the words around: "53 measles related deaths",
    # "3,728 measles cases".
    "deaths": "deaths fatalities",
    "cases": "cases infections",
    # The people an event draws, however a report names them: "a Facebook event ... had gained
    # 28,000 attendees", "A Facebook event for the protest has already amassed more than 100,000
    # supporters" (fresh18c, NewsWCL50).
    "crowd": "attendees participants protesters demonstrators marchers supporters",
    # Documents an event is about (files seized, leaked or released): "55,000 files",
    # "hundreds of thousands of Iranian files"; pages, emails and memos count other things.
    "documents": "documents files",
}
# Words that end the phrase between a number and what it counts: "two states are home to",
# "the Jan. 4 quakes and buildings" count no homes or buildings.
_NOT_BETWEEN = (
    r"(?!(?:and|or|but|are|is|was|were|be|been|has|have|had|to|in|on|at|from|with|by|for|"
    r"the|who|which|that)\b)"
)
# Nouns for people in general; "children", "soldiers", "Palestinians" count a narrower group.
_PLAIN_PEOPLE = frozenset("people persons person civilians residents villagers refugees".split())
_NOUN_GROUP = {noun: group for group, nouns in _GROUPS.items() for noun in nouns.split()}
_UNITS = {
    "km": ("distance", 1.0), "kilometers": ("distance", 1.0), "kilometres": ("distance", 1.0),
    "miles": ("distance", 1.609), "mile": ("distance", 1.609), "metres": ("length", 1.0),
    "meters": ("length", 1.0), "feet": ("length", 0.3048), "percent": ("percentage", 1.0),
    "per cent": ("percentage", 1.0), "%": ("percentage", 1.0), "dollars": ("money", 1.0),
    "euros": ("money euro", 1.0), "pounds": ("money pound", 1.0),
    # A speed is no distance: "winds of 120 miles per hour" against "75 mph" (in km/h).
    "miles per hour": ("speed", 1.609), "mph": ("speed", 1.609),
    "kilometers per hour": ("speed", 1.0), "kilometres per hour": ("speed", 1.0),
    "km/h": ("speed", 1.0), "kph": ("speed", 1.0), "knots": ("speed", 1.852),
}  # fmt: skip
# One name for each unit however written: "10 km" and "10 kilometres" are one unit.
_UNIT_NAMES = {
    **{unit: unit for unit in _UNITS},
    "km": "kilometers", "kilometres": "kilometers", "mile": "miles", "metres": "meters",
    "per cent": "percent", "%": "percent", "mph": "miles per hour", "kph": "kilometers per hour",
    "km/h": "kilometers per hour", "kilometres per hour": "kilometers per hour",
}  # fmt: skip
_SPEED_UNITS = r"(?:kilometers|kilometres|miles)\s+(?:per|an)\s+hour|mph|km/h|kph|knots"
_DEATH = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|died|deaths?|death toll|lives|fatalities)\b", re.I
)
_INJURY = re.compile(r"\b(?:injur(?:ed|ing|ies|y)|wounded|wounding|hurt)\b", re.I)
# People taken by the police: "arrested 23 pirates", "five men were detained".
_ARREST_WORDS = (
    r"arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|apprehend(?:ed|ing|s)?|captur(?:ed|ing|es)"
)
_ARREST = re.compile(rf"\b(?:{_ARREST_WORDS})\b", re.I)
_COUNTED = re.compile(
    rf"{_MODIFIER}{NUMBER}(?P<of>\s+of\s+the)?[\s\-]+(?:{_NOT_BETWEEN}[a-z][\w\-]*\s+){{0,2}}?"
    rf"(?P<noun>{'|'.join(sorted(_NOUN_GROUP, key=len, reverse=True))})\b",
    re.I,
)
# "81 had lost their lives", "20 were wounded", "12 have died".
_TOLL_AFTER = re.compile(
    rf"{_MODIFIER}{NUMBER}\s+(?:(?:have|has|had|were|was)\s+(?:now\s+|already\s+|also\s+)?"
    r"(?:been\s+)?)?(?P<what>dead|killed|died|lost\s+their\s+lives|injured|wounded)\b",
    re.I,
)
# The people a disease infected: "infected over 4,200", cases of it.
_INFECTED = re.compile(rf"\binfect(?:ed|ing|s)\s+{_MODIFIER}{NUMBER}\b", re.I)
_TOLL_BEFORE = re.compile(
    rf"\b(?P<what>killing|killed|injuring|injured|wounding)\s+{_MODIFIER}{NUMBER}\b", re.I
)
# "arrested 23 pirates", "have detained five": the number of people arrested.
_ARRESTED_BEFORE = re.compile(rf"\b(?:{_ARREST_WORDS})\s+{_MODIFIER}{NUMBER}\b", re.I)
# "the death toll from the disaster to 11", "a death toll of 24": the number the toll reaches;
# the lives a war or a disaster claimed.
_TOLL_NOUN = re.compile(
    rf"\bdeath\s+toll\b[^.;,\d]{{0,40}}?\b(?:to|at|of|reached|hit|is|was|above|past|passed|"
    rf"over|topped|exceeded)\s+{_MODIFIER}{NUMBER}\b",
    re.I,
)
_LIVES = re.compile(  # "which has claimed more than 660 lives", "cost 12 lives"
    rf"\b(?:claim|cost|take|took|taken|lost)(?:s|ed|ing)?\s+{_MODIFIER}{NUMBER}\s+lives\b", re.I
)
# None killed or hurt: "no casualties", "no immediate reports of any casualties", "no one was
# killed" (a count of 0; casualties are deaths, as reports mostly mean them).
_NONE = re.compile(
    r"\bno\s+(?:immediate\s+|other\s+)?(?:reports?\s+of\s+(?:any\s+)?)?"
    r"(?P<noun>casualties|deaths|fatalities|injuries|dead)\b"
    r"|\b(?:no\s+one|nobody|none)\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"(?P<verb>killed|injured|hurt|wounded)\b",
    re.I,
)
_UNIT = re.compile(
    rf"{_MODIFIER}(?P<number>{_DIGITS}|(?i:{_WORD_NUMBER}))[\s\-]?"
    rf"(?P<unit>{_SPEED_UNITS}|kilometers|kilometres|km|miles?|metres|meters|feet|percent"
    r"|per cent|%)(?![\w/])"
    r"|(?P<currency>[$€£])\s?(?P<amount>" + _DIGITS + r")(?:\s?(?P<scale>million|billion|bn|m)\b)?",
    re.I,
)
_MAGNITUDE = re.compile(
    r"\bmagnitude[\s\-]+(?:of\s+)?(?P<one>\d(?:\.\s?\d)?)"
    r"|(?P<two>\d(?:\.\s?\d)?)[\s\-]+magnitude"
    r"|(?P<list>\d\.\s?\d(?:\s*(?:,|and)\s*\d\.\s?\d){1,30})(?=\s+magnitude|\s*\))"
    r"|measuring\s+(?P<measured>\d\.\s?\d(?:\s*(?:,|and)\s*\d\.\s?\d)*)",
    re.I,
)
# "a 26-year-old", "aged 90", "at the age of 103", "died at age 66".
_AGE = re.compile(
    r"\b(?P<number>\d{1,3})-year-old\b|\baged\s+(?P<aged>\d{1,3})\b"
    r"|\b(?:the\s+)?age\s+(?:of\s+)?(?P<age>\d{1,3})\b(?![.,]\d)",
    re.I,
)
# A length of time: "90 days", "two weeks", "a three-month stay"; not "two years ago" (a date),
# "33 years old" (an age), "the 26-year troubled starlet" (an age with a word missing).
_DURATION = re.compile(
    rf"{_MODIFIER}(?P<number>{_DIGITS}|(?i:{_WORD_NUMBER})|(?i:an?)(?=\s+(?i:day|week|month|year)\b))"
    r"(?:\s+(?P<unit>(?i:day|week|month|year))s?\b(?![\s\-]+(?:ago|old|earlier|later)\b)"
    r"|-(?P<adjective>(?i:day|week|month|year))(?:-long)?(?=\s+(?:[a-z]+\s+)?(?i:stay|sentence|term|program|"
    r"programme|treatment|ban|jail|trip|visit|journey|tour|summit|meeting|talks|period|course|"
    r"suspension|ceasefire|truce)\b))"
)
# An amount of money with its currency in words: "40 billion dollars", "1.2bn euros", "£5
# million" is the symbol's; "pounds" only with a scale (else a weight: "200 pounds"), and not
# another country's dollars ("Australian dollars", which "$" would not be).
_MONEY_WORDS = re.compile(
    rf"{_MODIFIER}(?P<number>{_DIGITS})(?:\s?(?P<scale>million|billion|bn|m)\b)?\s+"
    r"(?:(?P<country>US|U\.S\.|American|[A-Z][a-z]+)\s+)?"
    r"(?P<currency>dollars|euros|pounds(?:\s+sterling)?|USD|EUR|GBP)\b",
)
_CURRENCY_TOPICS = {"dollars": "money", "usd": "money", "euros": "money euro", "eur": "money euro",
                    "pounds": "money pound", "gbp": "money pound"}  # fmt: skip
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
# A decade: "the 1950s", "in the late 1960s" (the years it allows: 1950-1959, 1967-1969).
_DECADE = re.compile(
    r"\b(?:(?P<part>early|mid|late)[\s\-]+)?(?P<decade>1[6-9]\d0|20[0-4]0)['’]?s\b", re.I
)
_DECADE_PART = {"early": (0, 3), "mid": (3, 6), "late": (7, 9), None: (0, 9)}
# A game's score or a vote's tally, "31-24", "a vote of 52-35", "won 3–1": two numbers joined
# by a dash, with a word of winning, losing or voting in their clause (not a date "9-11", an
# age range "18-24" or a span "pages 10-12"). The value is the pair, the larger first (a score
# written from the loser's side, "lost 24-31", is the same score).
_SCORE = re.compile(
    r"(?<![\w\-–/:])(?<!\d[.,])(?P<one>\d{1,3})\s?[-–]\s?(?P<two>\d{1,3})(?![\w\-/%–]|[.,:]\d)"
)
_SCORE_WORDS = re.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beating|defeat(?:s|ed|ing)?|victory|victories|lost|"
    r"lose|loses|losing|loss|score[sd]?|scoring|drew|draw|tie[sd]?|edged|routed|rout|"
    r"vote[sd]?|voting|ruling|ruled|majority|margin)\b",
    re.I,
)
_DAYS_IN = {"day": 1, "week": 7, "month": 30, "year": 365}
# "a week" as a length ("spent a week in hospital"), not as a rate ("twice a week", "$5 a day",
# "40 hours a week"): a word of repetition, a number or an amount right before it.
_RATE_BEFORE = re.compile(
    r"(?:\b(?:once|twice|thrice|times|per|every|each|hours|hour|minutes|days|weeks|cents|"
    r"dollars|euros|pounds|more|less)|\d|[$€£%])\s*$",
    re.I,
)
# Morning or afternoon after a clock time: "pm", "p.m.", "a m" (junk's clock times too).
MERIDIEM = r"[ap]\.?\s?m\b\.?"
# A time of day: "12: 00", "3.45pm", "3 p.m."; a zone after it ("12: 00 GMT") makes it a time
# of that zone, compared only with times of the same zone.
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:(?P<colon>:)\s?|\.)?(?P<minute>(?<=[:.])\d{2}|(?<=:\s)\d{2})?"
    rf"\s*(?P<half>{MERIDIEM})?(?:\s*(?P<zone>GMT|UTC|local\s+time|[A-Z][SDP]T)\b)?",
    re.I,
)


# Topics whose values are converted between units, so equal within rounding: "10 km" and "six
# miles"; "a year" (365 days) and "12 months" (360), "two months" and "60 days".
MEASURED_IN_UNITS = ("distance", "length", "speed", "duration")


@dataclass(frozen=True)
class Quantity:
    """A stated quantity: text[start:end] is the phrase (offsets into the text read)."""

    topic: str  # "deaths", "injured", "people", "buildings", "distance", "magnitude", ...
    value: float
    high: float  # == value, or the top of a vague range ("dozens": 24..99)
    phrase: str
    start: int
    end: int
    unit: str = ""  # the unit as written, for measures ("mph", "kilometres")

    def same_value(self, other: Quantity) -> bool:
        """Equal values, within rounding for converted units (10 km is about 6 miles; 180 mph
        and 185 mph, one unit, are two values)."""
        if self.high != self.value or other.high != other.value:
            return self.value <= other.high and other.value <= self.high
        converted = self.unit != other.unit and self.topic in MEASURED_IN_UNITS
        tolerance = 0.08 if converted else 1e-9
        return abs(self.value - other.value) <= tolerance * max(abs(self.value), abs(other.value))


def number_value(text: str) -> tuple[float, float] | None:
    """(value, high) of a number as written: "22, 000", "6. 1", "five", "1.5 million", "dozens"."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    vague = _VAGUE.get(" ".join(words)) or _VAGUE.get(words[0])
    if vague:
        low, high = vague
        return float(low), float(high)
    scale = 1
    # "two hundred thousand": both scales; "a few hundred thousand": a vague amount's one
    while len(words) > 1 and words[-1] in _SCALES and " ".join(words) not in _VAGUE:
        scale *= _SCALES[words[-1]]
        words = words[:-1]
    head = " ".join(words)
    vague = _VAGUE.get(head)
    if vague:  # "a few hundred thousand": 200,000 to 999,999
        return float(vague[0] * scale), float((vague[1] + 1) * scale - 1)
    if head in ("dozen", "a dozen"):
        value: float = 12
    elif head in _SMALL:
        value = _SMALL.index(head)
    elif head in _TENS:
        value = _TENS[head]
    else:
        digits = re.sub(r"(?<=\d),\s?(?=\d{3})", "", head).replace(". ", ".").replace(" ", "")
        try:
            value = float(digits)
        except ValueError:
            return None
    return value * scale, value * scale


def _not_a_count(text: str, match: re.Match[str]) -> bool:
    """A number before "deaths" or "cases" that counts none: one of them ("One of the
    fatalities"), a year ("their September 2015 deaths"), the cases where a law applies
    ("permitted only in two cases")."""
    number = match.group("number")
    in_before = re.search(r"\bin\s+$", text[max(0, match.start() - 4) : match.start()])
    return bool(
        match.group("of")
        or re.fullmatch(r"(?:19|20)\d\d", number)
        or (match.group("noun").lower() == "cases" and in_before and not match.group("modifier"))
    )


_VERB_AFTER = re.compile(
    r"\s+(?:(?:were|was|had|have|has)\s+(?:now\s+|already\s+|also\s+)?(?:been\s+)?)?"
    r"(?:\w+ly\s+)?(?P<verb>\w+)"
)
_CLAUSE_OPENS = re.compile(r"\b(?:where|while|whereas|when|after|before|because|although)\b", re.I)


def _context_topic(text: str, start: int, end: int) -> str:
    """ "deaths" or "injured" when the clause around a count of people says so, "arrested" when
    the verb right after or before it does, else "people".
    The verb right after the count decides first: "resulted in at least 56 deaths and over 200
    people injured" (injured), "people had been killed"."""
    verb = _VERB_AFTER.match(text, end)
    if verb:
        if _DEATH.fullmatch(verb.group("verb")):
            return "deaths"
        if _INJURY.fullmatch(verb.group("verb")):
            return "injured"
        if _ARREST.fullmatch(verb.group("verb")):
            return "arrested"
    clause_start = max(text.rfind(",", 0, start), text.rfind(";", 0, start), start - 60, 0)
    # "… killed after missiles exploded outside a UN school where hundreds of people were
    # sheltering": a clause that opens after the death word is about others
    opened = [m.end() for m in _CLAUSE_OPENS.finditer(text, clause_start, start)]
    clause_start = max([clause_start, *opened])
    after = re.split(r"[,;]", text[end : end + 60])[0]
    window = text[clause_start:start] + " " + after
    if _DEATH.search(window):
        return "deaths"
    if _INJURY.search(window):
        return "injured"
    if re.search(rf"\b(?:{_ARREST_WORDS})\s+$", text[max(0, start - 30) : start], re.I):
        return "arrested"  # "arrested five people"; not "captured a ship with 15 people"
    return "people"


_WORD_BEFORE = re.compile(r"(?P<word>\w+)\s+(?:\w+\s+)?$")


def said_by_its_verb(text: str, start: int, end: int, topic: str = "injured") -> bool:
    """Whether the count at text[start:end] is said to be of the topic ("injured", "arrested",
    "deaths") by the word right next to it ("249 people injured", "injuring dozens", "dozens of
    villagers were injured", "arrested five men"), not only by a word further on in its clause
    ("We have received around 50 people with injuries": a hospital's part of a toll)."""
    word_of = {"injured": _INJURY, "arrested": _ARREST, "deaths": _DEATH}[topic]
    if word_of.search(text, start, end):
        return True
    verb = _VERB_AFTER.match(text, end)
    if verb and word_of.fullmatch(verb.group("verb")):
        return True
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return bool(before and word_of.fullmatch(before.group("word")))


def quantities(text: str, base: int = 0) -> list[Quantity]:
    """The quantities stated in `text` (a sentence); offsets are `base` + offsets into text."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(
        topic: str, number: str, start: int, end: int, factor: float = 1.0, unit: str = ""
    ) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        parsed = number_value(number)
        if parsed is None:
            return
        taken.append((start, end))
        low, high = parsed
        found.append(
            Quantity(
                topic, low * factor, high * factor, text[start:end], base + start, base + end, unit
            )
        )

    for match in _MAGNITUDE.finditer(text):
        listed = match.group("list") or match.group("measured")
        if listed:
            items = list(re.finditer(r"\d\.\s?\d", listed))
            for index, item in enumerate(items):
                offset = match.start("list" if match.group("list") else "measured") + item.start()
                # "measuring 7.6 magnitude": one magnitude, not the first of a list
                topic = f"magnitude {index + 1}" if len(items) > 1 else "magnitude"
                add(topic, item.group(), offset, offset + len(item.group()))
        else:
            group = "one" if match.group("one") else "two"
            add("magnitude", match.group(group), match.start(), match.end())
    for match in _DURATION.finditer(text):
        unit = (match.group("unit") or match.group("adjective")).lower()
        number = match.group("number")
        if number.lower() in ("a", "an"):
            if _RATE_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
                continue
            number = "one"
        add("duration", number, match.start(), match.end(), _DAYS_IN[unit], unit)
    for match in _AGE.finditer(text):
        number = match.group("number") or match.group("aged") or match.group("age")
        add("age", number, match.start(), match.end())
    for match in _TIME.finditer(text):
        half = (match.group("half") or "").lower()
        if not half and not (match.group("colon") and match.group("minute")):
            continue  # "3.45" alone is a number, "at 3" no time
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if hour <= 24 and minute < 60:
            hour = hour % 12 + 12 * half.startswith("p") if half else hour
            zone = (match.group("zone") or "").upper()
            zone = "" if zone.startswith("LOCAL") else zone  # a report's times are local
            topic = f"time of day {zone}" if zone else "time of day"
            add(topic, str(hour * 60 + minute), match.start(), match.end())
    for match in _DECADE.finditer(text):
        first, last = _DECADE_PART[(match.group("part") or "").lower() or None]
        decade = int(match.group("decade"))
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        taken.append(match.span())
        found.append(Quantity("decade", decade + first, decade + last, match.group(),
                              base + match.start(), base + match.end()))  # fmt: skip
    for match in _SCORE.finditer(text):
        clause_start = max(text.rfind(",", 0, match.start()), text.rfind(";", 0, match.start()), 0)
        clause = text[clause_start : match.start()] + re.split(r"[,;]", text[match.end() :])[0]
        if not _SCORE_WORDS.search(clause):
            continue
        high, low = sorted((int(match.group("one")), int(match.group("two"))), reverse=True)
        add("score", str(high * 1000 + low), match.start(), match.end())
    for match in _MONEY_WORDS.finditer(text):
        currency = match.group("currency").lower().split()[0]
        country = match.group("country")
        scale = _SCALE.get((match.group("scale") or "").lower(), 1.0)
        if (country and country not in ("US", "U.S.", "American")) or (
            currency == "pounds" and scale == 1.0 and "sterling" not in match.group("currency")
        ):
            continue
        add(_CURRENCY_TOPICS[currency], match.group("number"), match.start(), match.end(), scale)
    for match in _UNIT.finditer(text):
        if match.group("currency"):
            scale = _SCALE.get((match.group("scale") or "").lower(), 1.0)
            topic = {"$": "money", "€": "money euro", "£": "money pound"}[match.group("currency")]
            add(topic, match.group("amount"), match.start(), match.end(), scale)
            continue
        unit = " ".join(match.group("unit").lower().split()).replace(" an hour", " per hour")
        topic, factor = _UNITS[unit]
        add(topic, match.group("number"), match.start(), match.end(), factor, _UNIT_NAMES[unit])
    for match in _COUNTED.finditer(text):
        noun = match.group("noun").lower()
        group = _NOUN_GROUP[noun]
        if group in ("deaths", "cases"):
            if not _not_a_count(text, match):
                add(group, match.group("number"), match.start(), match.end())
            continue
        topic = _context_topic(text, match.start(), match.end()) if group == "people" else group
        if topic == "people":  # a count of people who are alive: only like nouns compare
            topic = "people" if noun in _PLAIN_PEOPLE else f"people: {noun.rstrip('s')}"
        add(topic, match.group("number"), match.start(), match.end())
    for pattern in (_TOLL_NOUN, _LIVES):
        for match in pattern.finditer(text):
            add("deaths", match.group("number"), match.start(), match.end())
    for match in _INFECTED.finditer(text):
        add("cases", match.group("number"), match.start(), match.end())
    for match in _NONE.finditer(text):
        what = (match.group("noun") or match.group("verb")).lower()
        add("injured" if what in ("injuries", "injured", "hurt", "wounded") else "deaths", "0",
            match.start(), match.end())  # fmt: skip
    for pattern in (_TOLL_AFTER, _TOLL_BEFORE):
        for match in pattern.finditer(text):
            what = match.group("what").lower()
            topic = "deaths" if what.startswith(("dead", "kill", "die", "lost")) else "injured"
            add(topic, match.group("number"), match.start(), match.end())
    for match in _ARRESTED_BEFORE.finditer(text):
        add("arrested", match.group("number"), match.start(), match.end())
    return _without_restatements(text, base, sorted(found, key=lambda quantity: quantity.start))


# "25 km (15 miles)", "at 3pm on Tuesday (12am yesterday)", "185 mph (~295 km/h)": the same
# quantity in another unit or time zone, in brackets up to three words after it.
_RESTATED = re.compile(r"(?:\s+[\w’'\-]+){0,3}\s*\(\s*(?:~|≈|about\s+|approx\.?\s+)?$")


def _without_restatements(text: str, base: int, found: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for quantity in found:
        before = kept[-1] if kept else None
        if (
            before is not None
            and before.topic.split()[:2] == quantity.topic.split()[:2]
            and _RESTATED.fullmatch(text[before.end - base : quantity.start - base])
        ):
            continue
        kept.append(quantity)
    return kept
