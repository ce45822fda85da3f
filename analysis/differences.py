"""Possible factual differences (and agreements) between two reports.

Heuristic: small facts are read from each report — an ordinal attached to a kind of event
("third visit to China"), a length attached to one ("two-day trip"), how the leader travelled
(train, plane), the weekday a trip started — and facts of the same kind are set side by side.
Different values are a *possible* difference (the reports may be about different events, as the
shipped pair is); equal values are an agreement.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from kimreader.analysis.days import Day, Month, same_day, same_month, sentence_days, sentence_months
from kimreader.analysis.entity import Entity
from kimreader.analysis.gazetteer import NATIONALITY_ENDINGS
from kimreader.analysis.mention_types import PLACE_HEADS
from kimreader.analysis.names import COMPASS_WORDS, canonical_key, particle_alternatives
from kimreader.analysis.quantities import Quantity, quantities, said_by_its_verb
from kimreader.analysis.text import ARTICLES_REMEMBERED, STOP_WORDS, all_sentences, sentence_at
from kimreader.analysis.timeline import (
    DAY_NAMES,
    MONTH_NAMES,
    WEEKDAY,
    points_ahead,
    resolve_weekday,
)
from kimreader.analysis.titles import (
    TITLE_HEAD_WORDS,
    TITLE_HEADS,
    Title,
    title_differences,
    titles,
)
from kimreader.corpus.span import TextSpan, text_span

if TYPE_CHECKING:
    import numpy as np

SentencePair = tuple[
    TextSpan, TextSpan
]  # a sentence of A and a sentence of B that make the same point
# Lexical score (align.similarity_matrix over sentences) at which two sentences are taken to make
# the same point when no better pairing is given; chosen on the dev gold pairs.
SAME_POINT_SCORE = 0.15
NEAR_BEST = 0.6

_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
_ORDINAL = rf"(?:{'|'.join(_ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))"
# Kinds of things an ordinal or a length attaches to; synonyms share a kind.
_KINDS = {
    "visit": "visit",
    "trip": "visit",
    "journey": "visit",
    "tour": "visit",
    "stay": "visit",
    "summit": "summit",
    "meeting": "meeting",
    "talks": "talks",
    "birthday": "birthday",
    "test": "test",
    "term": "term",
    "round": "round",
}
_KIND = "|".join(_KINDS)
_ORDINAL_FACT = re.compile(
    rf"\b(?P<value>{_ORDINAL})\s+(?:[a-z\-]+\s+)?(?P<kind>{_KIND})\b"
    r"(?P<rest>(?:\s+(?:abroad|to\s+[A-Z][\w\-]*))?)",
    re.IGNORECASE,
)
# "Kim’s fourth to China": an ordinal whose noun is left out, followed by a destination.
_ELIDED_ORDINAL = re.compile(rf"\b(?P<value>{_ORDINAL})\s+(?P<rest>to\s+[A-Z][\w\-]*)")
# A length of time (quantities' duration) attached to a kind of event: "two-day trip", "four
# days of talks".
_KIND_AFTER = re.compile(rf"(?:[\s\-]long)?\s+(?:of\s+)?(?P<kind>{_KIND})\b", re.IGNORECASE)
_TRAVEL_MODES = {
    "train": re.compile(
        r"\b(?:aboard|by|on|in)\s+(?:(?:his|her|their|an?|the)\s+)?(?:[\w\-]+\s+)?train\b"
        r"|\b(?:his|her|their)\s+(?:[\w\-]+\s+)?train\b"
        r"|\btrain\s+(?:journey|trip|ride)\b|\bby\s+rail\b",
        re.IGNORECASE,
    ),
    "plane": re.compile(
        r"\b(?:airport|flew|flight|by\s+(?:air|plane)|aboard\s+(?:\w+\s+)?(?:plane|jet))\b",
        re.IGNORECASE,
    ),
}
_START_DAY = re.compile(
    r"\b(?P<verb>arrived|arrives|arriving|left|leaves|departed|landed|began|started)\b"
    rf"(?:\s+[\w’'\-]+){{0,3}}?\s+(?:on\s+)?(?P<day>{DAY_NAMES})\b"
)


@dataclass(frozen=True)
class Fact:
    """A small checkable fact: body[start:end] is the phrase; `sentence` holds it."""

    topic: str  # "visit ordinal", "trip length", "travel mode", "start day"
    qualifier: str  # what must also match to compare ("to china"); "" when nothing
    value: str  # comparable value ("3", "2 day", "train", "tuesday")
    phrase: str
    start: int
    end: int
    sentence: TextSpan


@dataclass(frozen=True)
class Difference:
    """Facts of one kind with different (or, for an agreement, equal) values in A and B."""

    topic: str
    a: Fact
    b: Fact

    def to_json(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "a_text": self.a.sentence.text,
            "b_text": self.b.sentence.text,
            "a_start": self.a.sentence.start,
            "b_start": self.b.sentence.start,
            "a_value": self.a.phrase,
            "b_value": self.b.phrase,
        }


def _number(word: str) -> str:
    word = word.lower()
    if word in ("a", "an"):
        return "1"
    if word in _NUMBER_WORDS:
        return str(_NUMBER_WORDS.index(word) + 1)
    if word in _ORDINAL_WORDS:
        return str(_ORDINAL_WORDS.index(word) + 1)
    return re.sub(r"\D", "", word) or word


def _qualifier(rest: str) -> str:
    return " ".join(rest.lower().split())


def extract_facts(body: str, published: date | None = None) -> list[Fact]:
    """The facts of a report, in text order (remembered per report)."""
    return list(_facts_of_report(body, published))


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _facts_of_report(body: str, published: date | None) -> tuple[Fact, ...]:
    sentence_spans = all_sentences(body)
    facts: list[Fact] = []

    def add(topic: str, qualifier: str, value: str, start: int, end: int) -> None:
        sentence = sentence_at(sentence_spans, start)
        if sentence is not None:
            facts.append(Fact(topic, qualifier, value, body[start:end], start, end, sentence))

    for match in _ORDINAL_FACT.finditer(body):
        kind = _KINDS[match.group("kind").lower()]
        value = _number(match.group("value"))
        add(f"{kind} ordinal", _qualifier(match.group("rest")), value, match.start(), match.end())
    for match in _ELIDED_ORDINAL.finditer(body):
        sentence = sentence_at(sentence_spans, match.start())
        if sentence and re.search(r"\b(?:trip|visit|journey)\b", sentence.text, re.IGNORECASE):
            value = _number(match.group("value"))
            add("visit ordinal", _qualifier(match.group("rest")), value, match.start(), match.end())
    for sentence in sentence_spans:
        for quantity in _quantities(sentence):
            kind_after = _KIND_AFTER.match(body, quantity.end)
            if quantity.topic == "duration" and kind_after:
                kind = _KINDS[kind_after.group("kind").lower()]
                topic = "trip length" if kind == "visit" else f"{kind} length"
                add(topic, "", f"{quantity.value:g} day", quantity.start, kind_after.end())
    for mode, pattern in _TRAVEL_MODES.items():
        for match in pattern.finditer(body):
            add("travel mode", "", mode, match.start(), match.end())
    if published is not None:
        for match in _START_DAY.finditer(body):
            day_match = WEEKDAY.match(match.group("day"))
            assert day_match is not None
            ahead = points_ahead(body, match.start("day"))
            day = resolve_weekday(day_match, published, ahead)
            value = f"{match.group('day')} {day.isoformat()}"
            add("start day", "", value, match.start(), match.end())
    return tuple(sorted(facts, key=lambda fact: fact.start))


def _comparable(a: Fact, b: Fact) -> bool:
    # A destination or "abroad" must agree when both give one ("first trip abroad" is not
    # the same count as "fourth visit to China").
    return a.topic == b.topic and (a.qualifier == b.qualifier or not a.qualifier or not b.qualifier)


def compare_facts(
    facts_a: list[Fact], facts_b: list[Fact]
) -> tuple[list[Difference], list[Difference]]:
    """(possible differences, agreements): per topic and qualifier, the first facts of each."""
    differences, agreements = _compare_modes(facts_a, facts_b)
    seen: set[tuple[str, str]] = set()
    for fact_a in facts_a:
        if fact_a.topic == "travel mode":
            continue
        matching = [fact_b for fact_b in facts_b if _comparable(fact_a, fact_b)]
        key = (fact_a.topic, fact_a.qualifier or (matching[0].qualifier if matching else ""))
        if not matching or key in seen:
            continue
        seen.add(key)
        same = [fact_b for fact_b in matching if fact_b.value == fact_a.value]
        if same:
            agreements.append(Difference(fact_a.topic, fact_a, same[0]))
        elif _owned(fact_a) == _owned(matching[0]):
            differences.append(Difference(fact_a.topic, fact_a, matching[0]))
    return differences, agreements


# "his second Test", "the leader's third visit": an ordinal someone owns counts that one's
# occasions (a bowler's second Test), not the event's ("the first Test" of a series).
_OWNER_BEFORE = re.compile(r"(?:\b(?:his|her|their|its)|[’']s)\s+$", re.IGNORECASE)


def _owned(fact: Fact) -> bool:
    """Whether an ordinal fact is owned (`_OWNER_BEFORE`). An owned ordinal and one that is not
    count different things: not claimed as a difference ("ruled out of the first Test" against
    "selecting Mills for his second Test"); they still agree when equal ("the first meeting" of
    two leaders, "their first meeting")."""
    if not fact.topic.endswith(" ordinal"):
        return False  # a length ("his two-day trip", "a four-day visit") is the trip's
    return bool(_OWNER_BEFORE.search(fact.sentence.text[: fact.start - fact.sentence.start]))


def _compare_modes(
    facts_a: list[Fact], facts_b: list[Fact]
) -> tuple[list[Difference], list[Difference]]:
    """Travel modes: a report may name an earlier trip's train too, so compare the sets.

    A mode named by one report only is a possible difference (set against the other report's
    first mode); the modes agree only when both name exactly the same ones.
    """
    modes_a = [fact for fact in facts_a if fact.topic == "travel mode"]
    modes_b = [fact for fact in facts_b if fact.topic == "travel mode"]
    if not modes_a or not modes_b:
        return [], []
    values_a = {fact.value for fact in modes_a}
    values_b = {fact.value for fact in modes_b}
    if values_a == values_b:
        first_b = {fact.value: fact for fact in reversed(modes_b)}
        return [], [Difference("travel mode", modes_a[0], first_b[modes_a[0].value])]
    differences: list[Difference] = []
    for value in sorted(values_a - values_b):
        fact_a = next(fact for fact in modes_a if fact.value == value)
        differences.append(Difference("travel mode", fact_a, modes_b[0]))
    for value in sorted(values_b - values_a):
        fact_b = next(fact for fact in modes_b if fact.value == value)
        differences.append(Difference("travel mode", modes_a[0], fact_b))
    return differences, []


def same_point_sentences(
    body_a: str, body_b: str, score: float = SAME_POINT_SCORE, scores: np.ndarray | None = None
) -> list[SentencePair]:
    """Sentence pairs whose words overlap enough to make the same point: each A sentence with
    the B sentences scoring at least `score` and near its best (a stand-in until sentence
    embeddings pair them). `scores`: the sentences' lexical scores when already computed."""
    sentences_a, sentences_b = all_sentences(body_a), all_sentences(body_b)
    if not sentences_a or not sentences_b:
        return []
    if scores is None:
        from kimreader.analysis.align import sentence_similarity

        scores = sentence_similarity(body_a, body_b)
    import numpy as np

    from kimreader.analysis.align import strongest_few

    chosen = (scores >= score) & (scores >= NEAR_BEST * scores.max(axis=1, keepdims=True))
    chosen = strongest_few(chosen, scores)
    found = sorted(zip(*np.nonzero(chosen), strict=True), key=lambda ij: -scores[ij])
    return [(sentences_a[i], sentences_b[j]) for i, j in found]  # the best first


# Two sentences must share this many content words besides numbers and the counted things
# (people, killed, injured) before their quantities are compared.
MIN_SHARED = 2
_GENERIC = frozenset(
    "kill dead die death injur wound peopl person said say other more least".split()
)
_GENERIC_PREFIXES = tuple(_GENERIC)
# A year that dates the clause ("In 2004, a tsunami killed"), not one that names a thing
# ("the tsunami of 2004", "a region hit by 2004 tsunami": a year before a noun).
_FUNCTION_WORDS = (
    "a|an|the|and|or|but|when|as|after|before|while|that|which|there|it|its|this|these|those"
    "|he|she|they|we|to|with|in|on|at|of|for|from|by|about"
)
_YEAR = re.compile(
    r"(?:^|\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ll]ast|[Ee]arly|[Ll]ate)\s+"
    rf"|\b[Oo]n\s+\d{{1,2}}\s+(?:{MONTH_NAMES})\s+)((?:19|20)\d\d)\b"
    rf"(?!\s+(?!(?:{_FUNCTION_WORDS})\b)[a-z])"
)
# Other words that date a clause: "last year", "two years ago", "In April", "Earlier this year".
_WHEN = re.compile(
    r"\b(?:last|previous)\s+(?:year|month|week)\b|\b\w+\s+years?\s+ago\b"
    r"|\b[Ee]arlier\s+this\s+(?:year|month)\b"
    rf"|\b[Ii]n\s+(?:{MONTH_NAMES})\b"
)
_PLACE_AFTER = re.compile(r"^[^,;.]*?\bin\s+(?P<place>(?:the\s+)?[\w\-]+(?:\s+[A-Z][\w\-]*)*)")


# Words that date a sentence rather than say what it is about: two sentences that both say
# "Thursday" (fighting near Taludi, bombs on a camp) share a day, not the thing they count.
# (Two sentences' days are compared on the other words they share plus the day: a day both
# give is some evidence that they tell one event, as with "Tara Reid ... on Tuesday".)
_DATE_WORDS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday tonight "
    "January February March April May June July August September October November December"
)

# A named place right after a count, at most two words on ("21 injured individuals in Davao del
# Sur", its lower-case particle inside the name), not one further on that goes with another
# count ("injured more than 200 people and damaged more than 300 houses in Aceh"); not a word
# that qualifies a noun after it ("twelve years in Polish jurisdiction", "in Israeli custody"),
# unless the noun is a kind of place, perhaps after one word ("in Bener Meriah district", "in the
# Beach refugee camp"), or dates the clause. The name is taken whole or not at all (atomic: no
# shorter "Polis" before "h jurisdiction"). _PLACE_NAMED reads places with the same guard.
_PLACE_KINDS = "|".join(
    sorted({*PLACE_HEADS, *"regency village town municipality camp state".split()})
)
_NOT_AN_ADJECTIVE = (
    r"(?!\s+(?!(?:"
    + "|".join(
        sorted(
            {
                *_FUNCTION_WORDS.split("|"),
                *"is are was were has have had said says".split(),
                *_DATE_WORDS.lower().split(),
                "overnight",
            }
        )
    )
    + rf"|(?:[a-z]+\s+)?(?:{_PLACE_KINDS}))\b)[a-z])"
)
_PLACE_RIGHT_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}\s+in\s+"
    rf"(?P<place>(?>[A-Z][\w\-]*(?:\s+(?:(?:{particle_alternatives()})\s+)?[A-Z][\w\-]*)*))"
    + _NOT_AN_ADJECTIVE
)


def _shared_subject(text_a: str, text_b: str) -> set[str]:
    """Content words two sentences share, without numbers and the words of a toll."""
    return set(_subject_terms(text_a) & _subject_terms(text_b))


@lru_cache(maxsize=8192)
def _subject_terms(text: str) -> frozenset[str]:
    """A sentence's content words without numbers and the words of a toll (every sentence of
    A meets many of B's)."""
    from kimreader.analysis.text import content_terms

    terms = set(content_terms(text))
    return frozenset(t for t in terms if not t.isdigit() and not t.startswith(_GENERIC_PREFIXES))


@lru_cache(maxsize=1)
def _date_terms() -> frozenset[str]:
    """_DATE_WORDS as content terms (stemmed as a sentence's words are)."""
    from kimreader.analysis.text import content_terms

    return frozenset(content_terms(_DATE_WORDS))


def same_anchor(a: Quantity, sentence_a: TextSpan, b: Quantity, sentence_b: TextSpan) -> bool:
    """Whether two quantities of a topic can be the same thing: no different year or time words
    before them in their sentences ("In 2004 … killed 170,000", "last year an 8.6-magnitude
    quake"), no different place right after them ("170,000 people in the province" vs "230,000
    people in 14 countries"), and not a running total against the count of one event ("more
    than 640 killed since the assault began" vs "40 people died" at a school)."""
    if _dated_by(sentence_a.text[: a.start - sentence_a.start]) != _dated_by(
        sentence_b.text[: b.start - sentence_b.start]
    ):
        return False
    if _running_total(a, sentence_a) != _running_total(b, sentence_b):
        return False
    if _of_another(a, sentence_a) != _of_another(b, sentence_b):
        return False
    if not _same_scope(sentence_a.text, sentence_b.text):
        return False
    place_a = _PLACE_AFTER.match(sentence_a.text[a.end - sentence_a.start :])
    place_b = _PLACE_AFTER.match(sentence_b.text[b.end - sentence_b.start :])
    if place_a and place_b:
        return _alike(place_a.group("place").lower(), place_b.group("place").lower())
    near_a = _PLACE_RIGHT_AFTER.match(sentence_a.text, a.end - sentence_a.start)
    near_b = _PLACE_RIGHT_AFTER.match(sentence_b.text, b.end - sentence_b.start)
    for place, other in ((near_a, sentence_b), (near_b, sentence_a)):
        named = _named_place(place.group("place")) if place else None
        if named and not _named_in(frozenset({named}), other.text):
            return False  # "21 injured individuals in Davao del Sur": that place's count
    return _same_places(sentence_a.text, sentence_b.text)


def _named_place(place: str) -> str | None:
    """A place right after a count as a name the other sentence can be asked for (lower
    case): capitalised, no country (the whole, not a part), month or weekday; else None."""
    from kimreader.analysis.gazetteer import is_country

    place = place.removeprefix("the ")
    if not place[:1].isupper() or place.lower() in _NOT_PLACES or is_country(place):
        return None
    return place.lower()


# A place a sentence names: "in the Beach refugee camp", "in the southern city of Khan Younis",
# "near Taludi" (capitalised words after "in"/"at"/"near" or "city of"; countries, months and
# weekdays are no such place; "At least two Israeli soldiers" names none; nor does "in Polish
# jurisdiction", a nationality word before a noun: _adjective).
_PLACE_NAMED = re.compile(
    r"\b(?:[Ii]n(?!\s+(?:total|addition)\b)|[Aa]t(?!\s+(?:least|most)\b)|[Nn]ear|[Oo]utside|(?:city|town|village|district|province|region|camp)\s+of)\s+"
    r"(?:the\s+)?(?P<lead>(?:[a-z]+\s+){0,2}?)"
    r"(?P<place>(?>[A-Z][a-z][\w\-]*(?:\s+[A-Z][a-z][\w\-]*)*))"
)
_NATIONALITY_SHAPED = re.compile(rf"[A-Z][a-z]+(?:{'|'.join(NATIONALITY_ENDINGS)})")
_ADJECTIVE_OF = re.compile(_NOT_AN_ADJECTIVE.replace("(?!", "(?=", 1))
_NOT_PLACES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _adjective(word: str, text: str, end: int) -> bool:
    """Whether a name read as a place is a nationality word that qualifies a noun after it: "in
    Polish jurisdiction", "in Iraqi military bases" (not "in the Mumbai railway station", "in
    Dapchi killed": names of places, whatever their ending)."""
    from kimreader.analysis.gazetteer import is_nationality_word, is_place

    return (
        _NATIONALITY_SHAPED.fullmatch(word) is not None
        and _ADJECTIVE_OF.match(text, end) is not None
        and not is_place(word)
        and is_nationality_word(word)
    )


@lru_cache(maxsize=8192)
def _places(text: str) -> frozenset[str]:
    from kimreader.analysis.gazetteer import is_country

    found: set[str] = set()
    for match in _PLACE_NAMED.finditer(text):
        place = match.group("place")
        if _adjective(place, text, match.end()):
            continue
        if place.lower() not in _NOT_PLACES and not is_country(place):
            # "in northern Gaza" names a part of Gaza: its compass word is kept with it
            compass = [w for w in match.group("lead").split() if w in COMPASS_WORDS]
            found.add(" ".join([*compass, *place.lower().split()]))
    return frozenset(found)


# A part of a region a sentence counts in: "in Bener Meriah district", "In neighbouring Central
# Aceh district", "the capital of Central Aceh district", "in the village of X" (not "the
# commissioner of Pariang County", a title).
_SCOPE = re.compile(
    r"\b(?:[Ii]n(?!\s+(?:total|addition)\b)|[Aa]t(?!\s+(?:least|most)\b)|[Nn]ear|capital\s+of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:(?P<place>[A-Z][a-z][\w\-]*(?:\s+[A-Z][a-z][\w\-]*)*)\s+(?:district|regency|village|"
    r"town|county|municipality)\b"
    r"|(?:district|regency|village|town|county|municipality)\s+of\s+"
    r"(?P<after>[A-Z][a-z][\w\-]*(?:\s+[A-Z][a-z][\w\-]*)*))"
)


@lru_cache(maxsize=8192)
def _scopes(text: str) -> frozenset[str]:
    return frozenset((m.group("place") or m.group("after")).lower() for m in _SCOPE.finditer(text))


def _same_scope(text_a: str, text_b: str) -> bool:
    """Unless a sentence counts in a district, town or village the other does not name
    ("Twelve people were killed … in Bener Meriah district" against "… in Indonesia's Aceh
    province, bringing the confirmed death toll from the disaster to 11"; "249 people
    injured" against "At least five people were reportedly injured … in Takengon, the capital
    of Central Aceh district"): a part's count against the whole's."""
    scopes_a, scopes_b = _scopes(text_a), _scopes(text_b)
    return (not scopes_a or _named_in(scopes_a, text_b)) and (
        not scopes_b or _named_in(scopes_b, text_a)
    )


def _same_places(text_a: str, text_b: str) -> bool:
    """Unless both sentences name places and neither names one of the other's, even in passing
    ("the Beach refugee camp" and "Khan Younis": two strikes; "Yida is a camp of …" names the
    other's "in the Yida camp"; "Jabaliya" and "Jabalya" are one camp spelt two ways)."""
    places_a, places_b = _places(text_a), _places(text_b)
    if not places_a or not places_b:
        return True
    return _named_in(places_a, text_b) or _named_in(places_b, text_a)


_COMPASS_PLACE = re.compile(
    rf"\b(?:{'|'.join(sorted((w.capitalize() for w in COMPASS_WORDS), key=len, reverse=True))})"
    r"\s+[A-Z][a-z][\w\-]*"
)


@lru_cache(maxsize=8192)
def _named_in(places: frozenset[str], text: str) -> bool:
    """Whether `text` names one of the places: any word of it, perhaps spelt another way; a
    place with a compass word ("north darfur") only as a whole, and a place is not named by a
    part of one with a compass word ("Central Aceh district" does not name the province).
    Remembered: a sentence meets many of the other report's, for every quantity it holds."""
    whole = _COMPASS_PLACE.sub(" ", text)
    words = {word.lower() for word in re.findall(r"\b[A-Z][a-z][\w\-]*", whole)}
    lowered = " ".join(re.findall(r"[\w\-]+", text.lower()))
    for place in places:
        parts = place.split()
        if COMPASS_WORDS.intersection(parts):
            if re.search(rf"\b{re.escape(place)}\b", lowered):
                return True
        elif any(_alike(part, word) for part in _naming_parts(parts) for word in words):
            return True
    return False


def _naming_parts(parts: list[str]) -> list[str]:
    """The words of a place that name it alone: all of a one-word place; of a longer one, not
    a kind of place ("City" of "Kidapawan City" is not "Davao City") nor a short word ("Sur" of
    "Surigao del Sur" is not "Davao del Sur")."""
    from kimreader.analysis.mention_types import PLACE_HEADS

    if len(parts) == 1:
        return parts
    return [part for part in parts if len(part) > 3 and part not in PLACE_HEADS]


def _alike(name_a: str, name_b: str) -> bool:
    """One place name, perhaps spelt two ways ("jabaliya", "jabalya"): word by word, a compass
    word exactly ("north darfur" is not "south darfur"), another word alike when both are long
    and within a letter of each other's length ("austria" is not "australia")."""
    import difflib

    words_a, words_b = name_a.split(), name_b.split()
    if len(words_a) != len(words_b):
        return False
    for word_a, word_b in zip(words_a, words_b, strict=True):
        if word_a == word_b:
            continue
        if word_a in COMPASS_WORDS or word_b in COMPASS_WORDS:
            return False
        if min(len(word_a), len(word_b)) < 6 or abs(len(word_a) - len(word_b)) > 1:
            return False
        if difflib.SequenceMatcher(None, word_a, word_b).ratio() < 0.8:
            return False
    return True


# Words that make a count a running total: "since the conflict began", "in the 12 days of the
# offensive", "has claimed" ("so far" is not: a quake's toll so far is the quake's).
_RUNNING_TOTAL_WORDS = (
    r"\bsince\s+(?:the\s+)?(?:[\w\-]+\s+){1,2}(?:began|started|erupted|broke\s+out)\b"
    r"|\bsince\s+the\s+(?:start|beginning|outbreak)\b"
    r"|\bin\s+the\s+(?:\w+\s+){0,2}(?:days|weeks|months)\s+of\b"
    r"|\bin\s+total\b|\ba\s+total\s+of\b|\b(?:has|have)\s+(?:now\s+)?(?:claimed|reached)\b"
)
_RUNNING_TOTAL = re.compile(_RUNNING_TOTAL_WORDS, re.IGNORECASE)
# Words that say a count is cumulative, a total up to its report's date: a running total's, and
# "to date", "so far", "have been reported" (an outbreak's count so far is its total).
_CUMULATIVE = re.compile(
    _RUNNING_TOTAL_WORDS
    + r"|\bto\s+date\b|\bso\s+far\b|\b(?:have|has)\s+been\s+(?:reported|recorded|confirmed)\b",
    re.IGNORECASE,
)
# Words that say a count (or a sentence) is of another occasion: after a count, "another" and
# "also" ("Three people also died in an air strike on another UN school"); anywhere in a
# sentence, those and words of an earlier one ("previous", "earlier", "last", "since").
_ANOTHER_WORDS = r"another|also"
_ANOTHER = re.compile(rf"\b(?:{_ANOTHER_WORDS})\b", re.IGNORECASE)
_EARLIER_WORDS = r"previous|earlier|last|since"
# Words that say a count is not one event's or one outbreak's: the world's, a year's.
_NOT_THIS_EVENT_WORDS = r"worldwide|globally|world|(?:19|20)\d\d"


def _of_another(quantity: Quantity, sentence: TextSpan) -> bool:
    """Whether the words after a count, in its clause (to a comma or "and"), say it is of
    another occasion: "Three people also died in an air strike on another UN school" is not the
    toll of the school the other report counts ("injured dozens Sunday … and briefly triggered
    fears of another tsunami" is the quake's own)."""
    after = re.split(r"[,;]|\band\b", sentence.text[quantity.end - sentence.start :])[0]
    return bool(_ANOTHER.search(after))


def _running_total(quantity: Quantity, sentence: TextSpan) -> bool:
    return _running_total_at(sentence.text, quantity.start - sentence.start)


def _running_total_at(text: str, offset: int) -> bool:
    """Whether the clause of a quantity (between commas) says it is a total."""
    clause_start = max(text.rfind(",", 0, offset), text.rfind(";", 0, offset), 0)
    after = re.search(r"[,;]", text[offset:])
    clause_end = offset + after.start() if after else len(text)
    return bool(_RUNNING_TOTAL.search(text[clause_start:clause_end]))


def _dated_by(before: str) -> set[str]:
    """The years and other time words that date the clause before a quantity."""
    return set(_YEAR.findall(before)) | {m.lower() for m in _WHEN.findall(before)}


def dated_apart(sentences_a: list[TextSpan], sentences_b: list[TextSpan]) -> np.ndarray:
    """For every sentence of A against every one of B, whether both are dated and by different
    years or time words ("In April last year an 8.6-magnitude quake …" against "In 2004, a
    magnitude-9.1 earthquake …"): two past events, not one point. So are a past event (a
    sentence dated so and by no weekday) and the news the reports tell (a sentence dated only
    by its weekday or "today"): "In 2004, a magnitude-9.1 earthquake off Aceh triggered a
    tsunami" against "… killing at least five people Tuesday"."""
    import numpy as np

    # Each distinct set of dates gets a number (0: undated), so the clash is one comparison.
    numbers: dict[frozenset[str], int] = {frozenset(): 0}

    def dating(sentences: list[TextSpan]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        dated = np.array([numbers.setdefault(_sentence_dates(s.text), len(numbers))
                          for s in sentences], dtype=np.int64)  # fmt: skip
        this_week = np.array([_this_week(s.text) for s in sentences], dtype=bool)
        return dated, (dated > 0) & ~this_week, this_week & (dated == 0)

    dated_a, past_a, news_a = dating(sentences_a)
    dated_b, past_b, news_b = dating(sentences_b)
    both = (dated_a[:, None] > 0) & (dated_b[None, :] > 0) & (dated_a[:, None] != dated_b[None, :])
    return both | (past_a[:, None] & news_b[None, :]) | (news_a[:, None] & past_b[None, :])


@lru_cache(maxsize=8192)
def _sentence_dates(text: str) -> frozenset[str]:
    """A sentence's dating words, read once per sentence (every comparison of its report)."""
    return frozenset(_dated_by(text))


_TODAY = re.compile(r"\b(?:today|yesterday|tonight)\b", re.I)
_WEEKDAY_NAME = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


@lru_cache(maxsize=8192)
def _this_week(text: str) -> bool:
    """Whether a sentence gives its event a weekday or "today": the news the reports tell
    (`sentence_days` reads the weekday only where one is written: most sentences have none)."""
    if _TODAY.search(text):
        return True
    return _WEEKDAY_NAME.search(text) is not None and bool(sentence_days(text))


def span_pairs(
    body_a: str, body_b: str, ranges: Sequence[tuple[int, int, int, int]]
) -> list[SentencePair]:
    """Sentence pairs from (a_start, a_end, b_start, b_end) ranges, e.g. the alignment's."""
    return [(text_span(body_a, a0, a1), text_span(body_b, b0, b1)) for a0, a1, b0, b1 in ranges]


def _quantities(sentence: TextSpan) -> tuple[Quantity, ...]:
    """A sentence's quantities, without a number that opens it: a sentence that starts with a
    digit is most often the tail of a decimal cut by the sentence splitter ("8. 6-magnitude").
    Kept per sentence: every sentence of A meets many of B's."""
    return _sentence_quantities(sentence.text, sentence.start)


# A web address, and a time that dates the page ("Updated 4: 08 p. m. ET"), not the event. A
# link is read from its word's start only: from each character of a long word it was quadratic
# (a 40,000-character word, 6.5 s a sentence); the same matches.
_NOT_FACTS = re.compile(
    r"(?<!\S)\S+://\S+|\b(?:[Uu]pdated|[Pp]osted|[Pp]ublished)(?:\s+at)?\s+[\d:.\s]+[apm. ]*"
)
# A part of a count given before it in the sentence: "Four bombs were dropped …, while the
# other two bombs …", "30 were killed, including six children".
_PART_BEFORE = re.compile(r"(?:\bthe\s+other|\banother|\bof\s+which|\bincluding)\s+$", re.I)


@lru_cache(maxsize=4096)
def _sentence_quantities(text: str, start: int) -> tuple[Quantity, ...]:
    found = quantities(text, start)
    if text[:1].isdigit():
        found = [q for q in found if q.start > start]
    if any(
        q.topic == "deaths"
        and "toll" in q.phrase.lower()
        and not _running_total_at(text, q.start - start)
        for q in found
    ):
        # "killed six children …, bringing the death toll to 11": the toll is the total (not
        # a war's toll "since the conflict began", which the one strike's count is not part of)
        found = [q for q in found if q.topic != "deaths" or "toll" in q.phrase.lower()]
    skipped = [m.span() for m in _NOT_FACTS.finditer(text)]
    found = [
        q
        for q in found
        if not any(s <= q.start - start < e for s, e in skipped)
        and not _a_part(q, found, text, start)
    ]
    return tuple(found)


def _a_part(quantity: Quantity, found: Sequence[Quantity], text: str, start: int) -> bool:
    """Whether a quantity is a part of a larger one of its topic given before it."""
    return bool(
        _PART_BEFORE.search(text[max(0, quantity.start - start - 20) : quantity.start - start])
    ) and any(
        q.topic == quantity.topic and q.end <= quantity.start and q.value > quantity.value
        for q in found
    )


def _alone(quantity: Quantity, found: Sequence[Quantity], partner: Quantity) -> bool:
    """Whether `quantity` is its sentence's only one of its topic that `partner` does not equal:
    with two ("five killed in Aceh and ten in the next district") it cannot be told which one
    the other sentence's number goes with."""
    return not any(
        q is not quantity and q.topic == quantity.topic and not q.same_value(partner) for q in found
    )


_SAME_NOUN = {"home": "house", "homes": "house", "houses": "house"}


def _noun(quantity: Quantity) -> str:
    """The word a quantity counts, singular ("houses" and "homes" are one)."""
    word = quantity.phrase.split()[-1].lower()
    return _SAME_NOUN.get(word, word.removesuffix("s"))


def _counterpart(
    quantity: Quantity, found_a: Sequence[Quantity], same_topic: Sequence[Quantity]
) -> Quantity | None:
    """The one quantity of the other sentence a quantity can be compared with: the only one of
    its topic there, or of those the only one counting the same thing ("135 homes" against
    "42 office buildings, over 1,600 houses"), when the quantity is alone in its own sentence
    in the same way; else None (which goes with which cannot be told)."""
    if len(same_topic) == 1 and _alone(quantity, found_a, same_topic[0]):
        return same_topic[0]
    noun = _noun(quantity)
    same_noun = [q for q in same_topic if _noun(q) == noun]
    mine = [q for q in found_a if q.topic == quantity.topic and _noun(q) == noun]
    return same_noun[0] if len(same_noun) == 1 and mine == [quantity] else None


def _other_days(
    sentence_a: TextSpan, sentence_b: TextSpan, published_a: date | None, published_b: date | None
) -> bool:
    """Whether both sentences give days (read as compare_days reads them, `_sentence_days`)
    and none of one's is one of the other's: counts of two occasions ("a tank firing on a
    building used by Israeli troops, killing four of them, on Monday" and "Five Israeli soldiers
    lost their lives on Wednesday"; "At 4:42 local time on Saturday (2024 Friday, UTC), an
    earthquake struck Surigao del Sur" and "the first quake occurred at 7:37 p.m. local time …
    on Wednesday"), or of one told with two days, where the day is the possible difference
    (compare_days, when each gives one) and which count goes with which day cannot be told."""
    days_a = _sentence_days(sentence_a.text, sentence_a.start, published_a)
    days_b = _sentence_days(sentence_b.text, sentence_b.start, published_b)
    return bool(days_a and days_b) and not any(same_day(x, y) for x in days_a for y in days_b)


_OTHER_WORD = re.compile(r"\bother\b", re.IGNORECASE)
_SUSPECTED_WORDS = r"suspected"
_SUSPECTED = re.compile(rf"\b(?:{_SUSPECTED_WORDS})\b", re.IGNORECASE)
_LENGTH_OF = re.compile(r"(?:-long)?\s+(?:of\s+)?(?P<noun>[a-z]+)")
# A length of time that places a moment rather than measures a thing: "nine days before
# Obama's inauguration", "One day after Chris Ivory was lost", "11 days ago", "takes effect in
# about 30 days", "the second in two days".
_OFFSET_AFTER = re.compile(r"\s+(?:before|after|ago|later|earlier|from\s+now)\b", re.I)
_OFFSET_BEFORE = re.compile(r"\b(?:in|within)\s+$", re.I)


_AS_OF = re.compile(r"\b(?:as\s+of|by)\s+$", re.I)


def _reading_time(quantity: Quantity, sentence: TextSpan) -> bool:
    """Whether a time of day says when a changing value was read ("As of 14:48 UTC, the FTSE
    100 dropped …", "fell … to 8,439.24 by 17:30 UTC"), not when something happened: two
    such are two readings (MEANTIME review pool), no difference."""
    return bool(_AS_OF.search(sentence.text[: quantity.start - sentence.start]))


def _time_offset(quantity: Quantity, sentence: TextSpan) -> bool:
    """Whether a length of time places a moment (`_OFFSET_AFTER`, `_OFFSET_BEFORE`): two such
    are measured from different moments as often as not ("takes effect in 30 days" against
    "nine days before Obama's inauguration", ECB+ review pool), so they make no difference."""
    end, start = quantity.end - sentence.start, quantity.start - sentence.start
    return bool(
        _OFFSET_AFTER.match(sentence.text, end) or _OFFSET_BEFORE.search(sentence.text[:start])
    )


def _same_group(a: Quantity, sentence_a: TextSpan, b: Quantity, sentence_b: TextSpan) -> bool:
    """For a difference: unless one count is of the others only ("Three other bombs allegedly
    exploded outside the camp" against "at least one bomb landed in the camp") or of suspected
    ones only ("20 suspected cases" against "3,728 measles cases"), or two lengths
    of time measure different things ("ordered her to serve 90 days of treatment" against
    "completing a 30-day program")."""
    if bool(_OTHER_WORD.search(a.phrase)) != bool(_OTHER_WORD.search(b.phrase)):
        return False
    if bool(_SUSPECTED.search(a.phrase)) != bool(_SUSPECTED.search(b.phrase)):
        return False  # "7 out of 20 suspected cases" are not the outbreak's 3,728 cases
    ranks_a, ranks_b = _ranks(sentence_a.text), _ranks(sentence_b.text)
    if ranks_a and ranks_b and not ranks_a & ranks_b:
        return False  # "a category 3 hurricane must sustain" against "category 1 hurricanes"
    if a.topic.startswith(("money", "duration")) and _far_apart(a.value, b.value, AMOUNTS_APART):
        return False  # "$23.5 billion" for a tanker deal against the "$425 billion" bill
    if a.topic.startswith(("money", "percentage", "duration")) and not _same_owner(
        a, sentence_a, b, sentence_b
    ):
        return False
    if a.topic == "percentage" and not _same_share(a, sentence_a, b, sentence_b):
        return False
    if a.topic.startswith("time of day") and (
        _reading_time(a, sentence_a) or _reading_time(b, sentence_b)
    ):
        return False  # "As of 14:48 UTC, the FTSE 100 dropped": when a value was read
    if a.topic == "age":
        return _aged_alike(a, sentence_a, b, sentence_b)
    if a.topic != "duration":
        return True
    if _time_offset(a, sentence_a) or _time_offset(b, sentence_b):
        return False
    after_a = _LENGTH_OF.match(sentence_a.text, a.end - sentence_a.start)
    after_b = _LENGTH_OF.match(sentence_b.text, b.end - sentence_b.start)
    if after_a and after_b:
        return _stem(after_a.group("noun")) == _stem(after_b.group("noun"))
    return True


# The clause a price or a share stands in: from the last comma, semicolon, "while" or "and"
# before it to the next comma or semicolon after it.
_CLAUSE_BEFORE = re.compile(
    r"(?:[,;:(]|\b(?:while|whereas|and|but)\b)(?!.*(?:[,;:(]|\b(?:while|whereas|and|but)\b))", re.S
)
_NAME_WORD = re.compile(r"(?<![\w’'\-])[\w’'\-]*[A-Z][\w’'\-]*[a-zA-Z0-9]")
# Which way an amount went: "sales dropped 42%" and "sales rose 43%" are two changes.
_RISE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|up|gain(?:s|ed|ing)?|increas(?:e|es|ed|ing)|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|grew|grow(?:s|ing|th)?|higher|soar(?:s|ed|ing)?)\b",
    re.I,
)
_FALL = re.compile(
    r"\b(?:fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|down|declin(?:e|es|ed|ing)|los(?:s|t|ing|es)|plung(?:e|es|ed|ing)|lower|sank|sink(?:s|ing)?|slump(?:s|ed|ing)?|cut|reduc(?:e|ed|es|ing))\b",
    re.I,
)


def _clause_of(quantity: Quantity, sentence: TextSpan) -> str:
    """The clause a quantity stands in (`_CLAUSE_BEFORE`), its own phrase left out."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    before = sentence.text[:start]
    opened = _CLAUSE_BEFORE.search(before)
    after = re.split(r"[,;)]", sentence.text[end:], maxsplit=1)[0]
    return before[opened.end() if opened else 0 :] + " " + after


def _clause_names(clause: str, sentence: TextSpan) -> frozenset[str]:
    """The capitalised words of a clause ("Apple's" as "Apple"), without a common word that
    opens the sentence ("The", "But"), months and weekdays, and the currency words ("US")."""
    words = sentence.text.split(maxsplit=1)
    first = words[0] if words and words[0].lower() in STOP_WORDS else ""
    skip = {*_DATE_WORDS.split(), "US", "USD", "U.S", first}
    return frozenset(_name_word(w) for w in _NAME_WORD.findall(clause) if w not in skip)


def _name_word(word: str) -> str:
    return re.sub(r"[’']s$", "", word)


def _same_owner(a: Quantity, sentence_a: TextSpan, b: Quantity, sentence_b: TextSpan) -> bool:
    """Whether two prices, shares or lengths of time can be one thing's: not when each clause
    names someone or something (a capitalised word) and neither clause's names is written in
    the other sentence ("The iPhone 3GS's price will be reduced to US $99" against "Apple's
    bumpers were priced at US $29"; "Japan's Nikkei average losing …, or 5.6 percent" against
    "The Dow Jones Industrial Average dropped by 4.08%", MEANTIME review pool; two men's prison
    terms); nor when one went up and the other down ("sales dropped 42% last month" against
    "its sales … rose 43% in February")."""
    clause_a, clause_b = _clause_of(a, sentence_a), _clause_of(b, sentence_b)
    names_a, names_b = _clause_names(clause_a, sentence_a), _clause_names(clause_b, sentence_b)
    if names_a and names_b:
        words_a = {_name_word(w) for w in _NAME_WORD.findall(sentence_a.text)}
        words_b = {_name_word(w) for w in _NAME_WORD.findall(sentence_b.text)}
        if not (names_a & words_b or names_b & words_a):
            return False
    rise_a, fall_a = bool(_RISE.search(clause_a)), bool(_FALL.search(clause_a))
    rise_b, fall_b = bool(_RISE.search(clause_b)), bool(_FALL.search(clause_b))
    return not (
        (rise_a and not fall_a and fall_b and not rise_b)
        or (fall_a and not rise_a and rise_b and not fall_b)
    )


# What a percentage is of, in the words right after it: the noun it qualifies ("a 25 percent
# tariff") or the words of its "of" phrase ("30 percent of all imports").
_SHARE_OF = re.compile(
    r"\s+(?:of\s+(?P<of>[A-Za-z][\w.\-]*(?:\s+[A-Za-z][\w.\-]*){0,2})|(?P<noun>[a-z][\w\-]*))"
)


def _share_terms(quantity: Quantity, sentence: TextSpan) -> frozenset[str]:
    """The content words (stemmed) of what a percentage is of (`_SHARE_OF`); none when no
    noun follows it ("rose 25 percent to", "by 4.08%")."""
    from kimreader.analysis.text import content_terms

    after = _SHARE_OF.match(sentence.text, quantity.end - sentence.start)
    if after is None:
        return frozenset()
    return frozenset(
        term
        for term in content_terms(after.group("of") or after.group("noun"))
        if not term.isdigit()
    )


def _same_share(a: Quantity, sentence_a: TextSpan, b: Quantity, sentence_b: TextSpan) -> bool:
    """Whether two percentages can be shares of one thing: not when each names what it is of
    and those share no word ("a 25 percent tariff on steel imports" against "the steel tariff
    covered just 30 percent of all imports": a tariff's rate and the share of imports it
    covers)."""
    terms_a, terms_b = _share_terms(a, sentence_a), _share_terms(b, sentence_b)
    return not terms_a or not terms_b or bool(terms_a & terms_b)


# Who an age belongs to, in the words right after it: "36-year-old Duncan Raite", "32-year-old
# Englishman Robert Buckley", "A 36-year-old Australian climber" (capitalised words, the
# first of them a people's word or a name).
_AGED = re.compile(r"(?:\s+(?:[a-z]+\s+)?)?(?P<who>(?:[A-Z][\w’'\-]+\s*){1,3})")


def _aged_alike(a: Quantity, sentence_a: TextSpan, b: Quantity, sentence_b: TextSpan) -> bool:
    """Whether two ages may be one person's: not when the capitalised words right after each
    (`_AGED`) share none ("36-year-old Duncan Raite" against "31-year-old Robert Buckley";
    "A 36-year-old Australian climber" against "32-year-old Englishman Robert Buckley": two
    climbers who died in one park a day apart, an ECB+ review pool pair)."""
    who_a = _AGED.match(sentence_a.text, a.end - sentence_a.start)
    who_b = _AGED.match(sentence_b.text, b.end - sentence_b.start)
    if who_a is None or who_b is None:
        named, owned = (who_a, b) if who_b is None else (who_b, a)
        other, owned_in = (sentence_b, sentence_b) if who_b is None else (sentence_a, sentence_a)
        if named is None or not _OWNED_AGE.search(owned_in.text[: owned.start - owned_in.start]):
            return True
        # "23-year-old Monica Torres" against "their 2-year-old daughter": someone's relative,
        # not the named person, unless the other sentence names her too
        return any(word in other.text for word in named.group("who").split())
    words_a, words_b = set(who_a.group("who").split()), set(who_b.group("who").split())
    return bool(words_a & words_b)


# An age someone's word owns: "their 2-year-old daughter", "Smith's 5-year-old son".
_OWNED_AGE = re.compile(r"(?:\b(?:his|her|their|its|our|my)|[’']s)\s+$", re.IGNORECASE)


# A grade a sentence names ("category 3", "level 4", "stage two"): two sentences naming only
# other grades tell of different things, whatever their numbers.
_RANK = re.compile(
    r"\b(?:category|level|stage|phase|grade|class|tier)\s+(\d{1,2}|[a-z]+)\b", re.IGNORECASE
)


# Two amounts of money (or lengths of time) further apart than this factor are two amounts, not
# one told two ways: between scraped pages of one 2004 story (the WikinewsSum review pool)
# "$23.5 billion" (the tanker deal) against "$425 billion" (the defence bill holding it) and
# that against "$454 million"; "staying on for a month to three months" against "over the last
# four years". No amount of money and no length of time that far apart is among the
# development gold's differences (counts are: "about 135 homes" against "over 1,600 houses").
AMOUNTS_APART = 10.0


def _far_apart(value_a: float, value_b: float, factor: float) -> bool:
    low, high = sorted((abs(value_a), abs(value_b)))
    return high > factor * low


def _ranks(text: str) -> frozenset[str]:
    return frozenset(
        f"{m.group(0).split()[0].lower()} {_number(m.group(1).lower())}"
        for m in _RANK.finditer(text)
        if m.group(1).isdigit() or m.group(1).lower() in _NUMBER_WORDS
    )


def _stem(word: str) -> str:
    from kimreader.analysis.text import content_terms

    return (content_terms(word) or [word])[0]


def _two_quakes(a: Quantity, b: Quantity) -> bool:
    """Magnitudes further apart than agencies measure one quake (MAGNITUDES_APART): two
    quakes of a series ("a magnitude 6.1 earthquake today, the latest powerful tremor …" and
    "the first 7.6-magnitude quake struck"), not one quake measured two ways."""
    return a.topic.startswith("magnitude") and abs(a.value - b.value) > MAGNITUDES_APART


def _listed_alongside(quantity: Quantity, found: Sequence[Quantity]) -> bool:
    """Whether a single magnitude is compared where a sentence also lists magnitudes
    ("magnitude 1", "magnitude 2" of "7.6 and 7.5 magnitude quakes"): the sentences tell of
    several quakes, and which one the other's magnitude is cannot be told (lists compare item
    by item)."""
    return quantity.topic == "magnitude" and any(q.topic.startswith("magnitude ") for q in found)


def _fact(quantity: Quantity, sentence: TextSpan) -> Fact:
    return Fact(
        quantity.topic, "", f"{quantity.value:g}", quantity.phrase, quantity.start,
        quantity.end, sentence,
    )  # fmt: skip


# Topics measured in a unit rather than counted: the unit ("magnitude", "km") both sentences
# write is no sign that they tell the same thing ("a 7.3 magnitude tremor was felt in
# Australia" and "the 7.7 magnitude quake damaged 1,600 houses").
_MEASURES = (
    "magnitude",
    "distance",
    "length",
    "speed",
    "percentage",
    "money",
    "time of day",
    "duration",
)


def _unit_terms(a: Quantity, b: Quantity) -> frozenset[str]:
    from kimreader.analysis.text import content_terms

    if not a.topic.startswith(_MEASURES):
        return frozenset()
    return frozenset(content_terms(a.phrase)) & frozenset(content_terms(b.phrase))


def compare_quantities(
    pairs: list[SentencePair], published_a: date | None = None, published_b: date | None = None
) -> tuple[list[Difference], list[Difference]]:
    """Quantities of one topic in two sentences that make the same point: the same value is an
    agreement, another value a possible difference. When a sentence states several quantities
    of a topic and none is equal, nothing is claimed: it cannot be told which goes with which.

    A quantity is compared once: agreements first (a count stated in both reports has found its
    counterpart), then one counting the same thing ("homes" and "houses"), then in the order of
    the pairs (the best first). The words of the quantities
    compared ("magnitude", "bombs") are no evidence that two sentences tell the same thing."""
    candidates: list[tuple[bool, bool, int, Difference]] = []
    for index, (sentence_a, sentence_b) in enumerate(pairs):
        found_a, found_b = _quantities(sentence_a), _quantities(sentence_b)
        if not found_a or not found_b:
            continue
        shared = _shared_subject(sentence_a.text, sentence_b.text) - _date_terms()
        if len(shared) < MIN_SHARED or _other_days(
            sentence_a, sentence_b, published_a, published_b
        ):
            continue
        for quantity_a in found_a:
            same_topic = [
                q
                for q in found_b
                if q.topic == quantity_a.topic
                and same_anchor(quantity_a, sentence_a, q, sentence_b)
            ]
            equal = [q for q in same_topic if quantity_a.same_value(q)]
            partner = equal[0] if equal else _counterpart(quantity_a, found_a, same_topic)
            if not equal and _listed_alongside(quantity_a, [*found_a, *found_b]):
                continue  # "the 6.1 quake … since 7.6 and 7.5 magnitude quakes": which one?
            if partner is not None and not equal and _two_quakes(quantity_a, partner):
                continue
            if (
                partner is not None
                and not equal
                and not _same_group(quantity_a, sentence_a, partner, sentence_b)
            ):
                continue
            if partner is not None and len(shared - _unit_terms(quantity_a, partner)) >= MIN_SHARED:
                claim = Difference(
                    quantity_a.topic, _fact(quantity_a, sentence_a), _fact(partner, sentence_b)
                )
                same_thing = _noun(quantity_a) == _noun(partner)
                candidates.append((not equal, not same_thing, index, claim))
    differences: list[Difference] = []
    agreements: list[Difference] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for differ, _noun_differs, _index, claim in sorted(candidates, key=lambda c: c[:3]):
        if claim.a.start in used_a or claim.b.start in used_b:
            continue
        used_a.add(claim.a.start)
        used_b.add(claim.b.start)
        (differences if differ else agreements).append(claim)
    return differences, agreements


def find_differences(
    body_a: str,
    published_a: date | None,
    body_b: str,
    published_b: date | None,
    pairs: list[SentencePair] | None = None,
    entities_a: Sequence[Entity] = (),
    entities_b: Sequence[Entity] = (),
    one_event: bool | None = None,
) -> tuple[list[Difference], list[Difference]]:
    """Possible factual differences and agreements between two reports.

    `pairs`: sentences that make the same point (from the alignment); quantities are compared
    only inside them. Without, a lexical pairing is used (`same_point_sentences`). With the
    reports' entities, the titles each gives a named person are compared too. `one_event`:
    True when the reports tell one event (the story verdict), so a quake's magnitude each gives
    once is compared wherever the sentences are (`compare_report_magnitudes`); False when they
    tell related events, so what one occasion measures is no difference (`_OCCASION_TOPICS`);
    None when not known.
    """
    differences, agreements = compare_facts(
        extract_facts(body_a, published_a), extract_facts(body_b, published_b)
    )
    pairs = same_point_sentences(body_a, body_b) if pairs is None else pairs
    # What a fact already compares ("two-day trip": the trip length; "arrived on Tuesday": the
    # start day) is not claimed twice, as a quantity or as the day of the event.
    claimed = [*differences, *agreements]
    for found_differences, found_agreements in (
        compare_quantities(pairs, published_a, published_b),
        compare_days(pairs, published_a, published_b),
    ):
        differences += _unclaimed(found_differences, claimed)
        agreements += _unclaimed(found_agreements, claimed)
    running = compare_running_counts(
        body_a, published_a, body_b, published_b, entities_a, entities_b
    )
    differences += _unclaimed(running, claimed + differences)
    if one_event and not any(d.topic.startswith("magnitude") for d in [*differences, *agreements]):
        found_differences, found_agreements = compare_report_magnitudes(
            body_a, body_b, entities_a, entities_b
        )
        differences += _unclaimed(found_differences, claimed)
        agreements += _unclaimed(found_agreements, claimed)
    if one_event and not any(d.topic == "deaths" for d in [*differences, *agreements]):
        tolls = compare_report_tolls(body_a, body_b, entities_a, entities_b)
        differences += _unclaimed(tolls, claimed)
    if one_event:
        done = [*claimed, *differences, *agreements]
        counts = compare_report_counts(body_a, body_b, entities_a, entities_b)
        differences += [
            d for d in _unclaimed(counts, done) if not any(c.topic == d.topic for c in done)
        ]
        found_differences, found_agreements = compare_ages(body_a, entities_a, body_b, entities_b)
        done = [*claimed, *differences, *agreements]
        differences += _unclaimed(found_differences, done)
        agreements += _unclaimed(found_agreements, done)
    differences += _unclaimed(compare_sources(pairs), differences)
    differences = [_as_of(d, published_a, published_b) for d in differences]
    if one_event is False:
        differences = [d for d in differences if not d.topic.startswith(_OCCASION_TOPICS)]
    differences += _unclaimed(compare_quote_wording(body_a, body_b), differences)
    titled = compare_titles(body_a, entities_a, body_b, entities_b)
    titled += compare_former_titles(body_a, entities_a, body_b, entities_b)
    return differences + titled, agreements


# What an occasion measures: its prices and shares, its times, dates and lengths, its distances,
# a quake's magnitude, a game's score or a vote's tally. Between reports of related events (the
# story verdict "related": two days of one stock market, two orders of one aircraft maker, two
# quakes of one region) these are two occasions' values, not a difference: in the MEANTIME
# review pool (Wikinews 2004-2011 on Airbus/Boeing, Apple, GM/Chrysler/Ford, stock markets; 256
# neighbouring pairs compared by words) 81 of the 93 differences claimed were these between
# related reports, none of them one thing told two ways ("The Dow Jones was down 2.62% at 16:08
# UTC" against "The Dow Jones, was up 3.10% at 14:58 UTC", two days). Counts of people (a
# running total "as of" two dates), titles, ages and the facts of a visit stay (Kim's third
# and fourth visits to China: which visit, how long, by train or plane).
_OCCASION_TOPICS = (
    "money",
    "percentage",
    "time of day",
    "duration",
    "distance",
    "length",
    "speed",
    "magnitude",
    "day",
    "month",
    "decade",
    "score",
    "who announced",  # two occasions' news, each announced by its own source
)


# Counts that grow while a story goes on: an outbreak's cases, an event's deaths.
_RUNNING_TOPICS = ("cases", "deaths")
# What reports days apart give as of their dates: running counts, and speeds (a storm's winds).
_AS_OF_TOPICS = (*_RUNNING_TOPICS, "speed")


def _as_of(
    difference: Difference, published_a: date | None, published_b: date | None
) -> Difference:
    """A difference of running counts or speeds (_AS_OF_TOPICS) between reports published at least
    RUNNING_DAYS_APART days apart, labelled with both dates ("deaths, as of 2019-12-07 (A) and
    2020-01-01 (B)"): counts at two dates, not a contradiction, whichever comparison found
    them (the running totals, two sentences that make the same point, the report tolls)."""
    if difference.topic not in _AS_OF_TOPICS or published_a is None or published_b is None:
        return difference
    if abs((published_b - published_a).days) < RUNNING_DAYS_APART:
        return difference
    label = (
        f"{difference.topic}, as of {published_a.isoformat()} (A) and {published_b.isoformat()} (B)"
    )
    return replace(difference, topic=label)


# Reports published at least this many days apart give an outbreak's counts as of their dates.
RUNNING_DAYS_APART = 2
# A count that is not the outbreak's own total: the world's, one of a year, suspected cases.
_NOT_THE_TOTAL = re.compile(rf"\b(?:{_NOT_THIS_EVENT_WORDS}|{_SUSPECTED_WORDS})\b", re.IGNORECASE)


def compare_running_counts(
    body_a: str,
    published_a: date | None,
    body_b: str,
    published_b: date | None,
    entities_a: Sequence[Entity] = (),
    entities_b: Sequence[Entity] = (),
) -> list[Difference]:
    """An outbreak's cases and deaths as two reports published days apart count them (fresh4r
    Samoa: "had … infected over 4,200 … and killed at least 62" on December 7, "a total of
    5667 cases during the outbreak … while 81 had lost their lives" on January 1): each
    report's largest count is its total, and totals that differ are a difference (labelled
    with both dates by find_differences, `_as_of`: counts at different dates, not a
    contradiction). Only when both reports
    count cases and tell of a disease (an outbreak: a toll of two events, a strike and a
    stampede, is no running count; nor are a court's cases), the country each names most is
    named by the other (Iran's coronavirus is not Samoa's measles), neither count is the
    world's, a year's, a day's new ones or of suspected cases, and the sentences (each with
    the one before it) share MIN_SHARED content words and name no different country. Countries
    are the reports' entities (`_report_countries`): without them nothing is claimed."""
    if published_a is None or published_b is None:
        return []
    if abs((published_b - published_a).days) < RUNNING_DAYS_APART:
        return []
    totals_a, totals_b = _running_totals(body_a), _running_totals(body_b)
    if "cases" not in totals_a or "cases" not in totals_b:
        return []
    if not _OUTBREAK.search(body_a) or not _OUTBREAK.search(body_b):
        return []  # cases of something else (a court's)
    if not _same_main_country(
        _report_countries(entities_a), _report_countries(entities_b), required=True
    ):
        return []
    differences: list[Difference] = []
    a_earlier = published_a < published_b
    for topic in _RUNNING_TOPICS:
        if topic not in totals_a or topic not in totals_b:
            continue
        # The later report's total against the earlier one's, and against each other count of
        # the earlier report that says it is cumulative ("3,728 measles cases have been
        # reported since the outbreak", "To date, 53 measles related deaths have been
        # recorded"): all counts at an earlier date.
        earlier, later = (totals_a, totals_b) if a_earlier else (totals_b, totals_a)
        pairs = [(count, later[topic][0]) for count in earlier[topic][:1]] + [
            (count, later[topic][0])
            for count in earlier[topic][1:]
            if _CUMULATIVE.search(count[1].text) and not count[0].same_value(earlier[topic][0][0])
        ]
        for one, other in pairs:
            (quantity_a, sentence_a, window_a), (quantity_b, sentence_b, window_b) = (
                (one, other) if a_earlier else (other, one)
            )
            if quantity_a.same_value(quantity_b):
                continue
            if len(_shared_subject(window_a.text, window_b.text) - _date_terms()) < MIN_SHARED:
                continue
            countries_a = _report_countries(entities_a, window_a.start, window_a.end)
            countries_b = _report_countries(entities_b, window_b.start, window_b.end)
            if countries_a and countries_b and not countries_a.keys() & countries_b.keys():
                continue
            differences.append(
                Difference(topic, _fact(quantity_a, sentence_a), _fact(quantity_b, sentence_b))
            )
    return differences


# Words that say a report tells of an outbreak of a disease.
_OUTBREAK = re.compile(
    r"\b(?:outbreak|epidemic|pandemic|infect\w*|virus|disease|measles|covid|coronavirus|flu|"
    r"influenza|cholera|ebola|dengue|vaccin\w*)\b",
    re.IGNORECASE,
)


def _running_totals(body: str) -> dict[str, list[tuple[Quantity, TextSpan, TextSpan]]]:
    """A report's counts of cases and of deaths (see compare_running_counts), the largest
    first, each with its sentence and that sentence together with the one before."""
    sentences = all_sentences(body)
    totals: dict[str, list[tuple[Quantity, TextSpan, TextSpan]]] = {}
    for index, sentence in enumerate(sentences):
        counts = [
            q for q in _quantities(sentence) if q.topic in _RUNNING_TOPICS and q.high == q.value
        ]
        if not counts or _NOT_THE_TOTAL.search(sentence.text):
            continue
        for quantity in counts:
            if re.search(r"\bnew\b", quantity.phrase, re.IGNORECASE):
                continue  # "523 new infections": a day's
            if _dated_by(sentence.text[: quantity.start - sentence.start]):
                continue
            window = text_span(body, sentences[index - 1].start if index else sentence.start,
                               sentence.end)  # fmt: skip
            totals.setdefault(quantity.topic, []).append((quantity, sentence, window))
    for found in totals.values():
        found.sort(key=lambda count: -count[0].value)  # stable: the first of equals first
    return totals


def _same_main_country(
    countries_a: Counter[str], countries_b: Counter[str], required: bool = False
) -> bool:
    """Whether the country each report names most is named by the other (`_report_countries`);
    when either names none, `not required`."""
    if not countries_a or not countries_b:
        return not required
    return (
        countries_a.most_common(1)[0][0] in countries_b
        and countries_b.most_common(1)[0][0] in countries_a
    )


def _report_countries(
    entities: Sequence[Entity], start: int = 0, end: int | None = None
) -> Counter[str]:
    """How often a report names each country between `start` and `end` (its whole body by
    default): its entities the gazetteer knows as a country, by name or by an alias ("Republic
    of South Sudan" is "South Sudan"; "New Zealand", "Papua New Guinea"), as the verdict's
    evidence tells countries (compare.story_evidence). Without the report's entities, none."""
    counts: Counter[str] = Counter()
    for entity in entities:
        country = _country_of(entity)
        if country is None:
            continue
        inside = sum(1 for s, _ in entity.mentions if start <= s and (end is None or s < end))
        if inside:
            counts[country] += inside
    return counts


def _country_of(entity: Entity) -> str | None:
    """The country an entity is (its name or the first alias the gazetteer knows as one, as a
    key: "south sudan"), or None."""
    from kimreader.analysis.gazetteer import is_country
    from kimreader.analysis.names import base_key

    if entity.type not in ("place", "org"):
        return None  # "Jordan" of a person
    return next(
        (base_key(name) for name in (entity.name, *entity.aliases) if is_country(name)), None
    )


# A magnitude that is not the event's own: an aftershock's, one of several tremors', an
# earlier quake's ("the region's last major quake").
_OTHER_QUAKE = re.compile(
    rf"\b(?:{_EARLIER_WORDS}|another|after-?shocks?|fore-?shocks?|one\s+of\s+the|tremors|tsunami)\b",
    re.IGNORECASE,
)


MAGNITUDES_APART = 0.3


def compare_report_magnitudes(
    body_a: str, body_b: str, entities_a: Sequence[Entity] = (), entities_b: Sequence[Entity] = ()
) -> tuple[list[Difference], list[Difference]]:
    """Two reports of one quake whose sentences were not paired ("the first earthquake measuring
    7.6 magnitude struck on Sunday …" and "Manrosan said that the 7.7 magnitude quake damaged
    …"): when each report gives its quake one magnitude, undated and in no sentence about
    another quake (an aftershock, "one of the tremors", a list of quakes), those are compared,
    when they are no more than MAGNITUDES_APART apart: agencies measure one quake a few tenths
    apart, while two quakes of one series (the Papua quakes of 2009, a 7.6 and a 6.1 the day
    after, in one ECB+ cluster) are further apart; and when the country each report names
    most is named by the other (if both name one; countries are the reports' entities,
    `_report_countries`)."""
    magnitudes_a, magnitudes_b = _event_magnitudes(body_a), _event_magnitudes(body_b)
    values_a = {f"{q.value:g}" for q, _ in magnitudes_a}
    values_b = {f"{q.value:g}" for q, _ in magnitudes_b}
    if len(values_a) != 1 or len(values_b) != 1:
        return [], []
    if not _same_main_country(_report_countries(entities_a), _report_countries(entities_b)):
        return [], []
    if abs(magnitudes_a[0][0].value - magnitudes_b[0][0].value) > MAGNITUDES_APART:
        return [], []  # rather two quakes of a series (a 7.6 and, a day later, a 6.1)
    (quantity_a, sentence_a), (quantity_b, sentence_b) = magnitudes_a[0], magnitudes_b[0]
    claim = Difference("magnitude", _fact(quantity_a, sentence_a), _fact(quantity_b, sentence_b))
    return ([], [claim]) if values_a == values_b else ([claim], [])


def _event_magnitudes(body: str) -> list[tuple[Quantity, TextSpan]]:
    """The magnitudes a report gives its quake (see compare_report_magnitudes)."""
    found: list[tuple[Quantity, TextSpan]] = []
    for sentence in all_sentences(body):
        quantities_here = _quantities(sentence)
        magnitudes = [q for q in quantities_here if q.topic.startswith("magnitude")]
        if not magnitudes:
            continue
        if _OTHER_QUAKE.search(sentence.text) or any(q.topic != "magnitude" for q in magnitudes):
            continue
        for quantity in magnitudes:
            if not _dated_by(sentence.text[: quantity.start - sentence.start]):
                found.append((quantity, sentence))
    return found


# A sentence whose toll may be another occasion's or a running total's.
_OTHER_TOLL = re.compile(
    rf"\b(?:{_EARLIER_WORDS}|{_ANOTHER_WORDS}|{_NOT_THIS_EVENT_WORDS}|war|total|so\s+far)\b",
    re.IGNORECASE,
)


def compare_report_tolls(
    body_a: str, body_b: str, entities_a: Sequence[Entity] = (), entities_b: Sequence[Entity] = ()
) -> list[Difference]:
    """Two reports of one event, one saying no one was killed and the other giving a toll, in
    sentences never paired (fresh yida-bbc-peaceforce: "Local official Miabek Lang said at
    least 12 people had been killed and 20 wounded." and "However, there have been no
    casualties or fatalities confirmed as a result of this bombing."): when each report's
    deaths, outside sentences that may tell another occasion or a running total ("since",
    "earlier", "another", "also", a year …), are one value, one of them none, and the two
    sentences name no different places, and the country each report names most is named by the
    other (when both name one; countries are the reports' entities, `_report_countries`). Two
    tolls both above none are left: a report's one
    toll in such sentences is too often a side event's ("Two people were killed when an
    artillery shell hit a UN school in the southern city of Khan Younis")."""
    tolls_a, tolls_b = _event_tolls(body_a), _event_tolls(body_b)
    values_a = {q.value for q, _ in tolls_a}
    values_b = {q.value for q, _ in tolls_b}
    if len(values_a) != 1 or len(values_b) != 1 or values_a == values_b:
        return []
    if 0 not in values_a | values_b:
        return []
    (quantity_a, sentence_a), (quantity_b, sentence_b) = tolls_a[0], tolls_b[0]
    if not _same_places(sentence_a.text, sentence_b.text):
        return []
    if not _same_main_country(_report_countries(entities_a), _report_countries(entities_b)):
        return []  # a verdict's slip: a fire in Catalonia and a plane crash in Iran
    return [Difference("deaths", _fact(quantity_a, sentence_a), _fact(quantity_b, sentence_b))]


def _event_tolls(body: str) -> list[tuple[Quantity, TextSpan]]:
    """A report's exact death counts (see compare_report_tolls)."""
    found: list[tuple[Quantity, TextSpan]] = []
    for sentence in all_sentences(body):
        tolls = [q for q in _quantities(sentence) if q.topic == "deaths" and q.high == q.value]
        if tolls and not _OTHER_TOLL.search(sentence.text):
            found += [(quantity, sentence) for quantity in tolls]
    return found


# Counts of the people an event hurt or the police took, and of the documents it is about (files
# seized or leaked), that a report of one event gives once.
_EVENT_COUNT_TOPICS = ("injured", "arrested", "documents")
# Of these, counts that need no verb to say what they count ("55,000 files").
_COUNTED_BY_NOUN = ("documents",)


def compare_report_counts(
    body_a: str, body_b: str, entities_a: Sequence[Entity] = (), entities_b: Sequence[Entity] = ()
) -> list[Difference]:
    """Two reports of one event whose counts of the people it injured (or the police arrested,
    or of the documents it is about: "hundreds of thousands of Iranian files" against "55,000
    files") stand in sentences never paired (ECB+ aceh-quake-afp-ap: "The quake … injured more
    than 200 people and damaged more than 300 houses in Aceh" and "Many houses were damaged and
    dozens of villagers were injured."): each report's largest count, outside sentences that may
    tell another occasion or a running total (as `compare_report_tolls` reads them), is the
    event's (the others are a hospital's or a town's part of it); the two are compared when
    they do not allow one number, can be one count (`same_anchor`: no other year, place or
    running total), and the country each report names most is named by the other (when both
    name one)."""
    differences: list[Difference] = []
    countries_a, countries_b = _report_countries(entities_a), _report_countries(entities_b)
    for topic in _EVENT_COUNT_TOPICS:
        largest_a, largest_b = _largest_count(body_a, topic), _largest_count(body_b, topic)
        if largest_a is None or largest_b is None:
            continue
        (quantity_a, sentence_a), (quantity_b, sentence_b) = largest_a, largest_b
        if quantity_a.same_value(quantity_b):
            continue
        if not same_anchor(quantity_a, sentence_a, quantity_b, sentence_b):
            continue
        if not _same_main_country(countries_a, countries_b):
            continue
        differences.append(
            Difference(topic, _fact(quantity_a, sentence_a), _fact(quantity_b, sentence_b))
        )
    return differences


# "In a separate incident, seven UN staff were injured": another occasion's count.
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b", re.IGNORECASE)


def _largest_count(body: str, topic: str) -> tuple[Quantity, TextSpan] | None:
    """A report's largest count of a topic outside sentences that may tell another occasion or
    a running total (see compare_report_counts), not of a part ("others"), with its sentence;
    the first of equals."""
    found: list[tuple[Quantity, TextSpan]] = []
    for sentence in all_sentences(body):
        counts = [q for q in _quantities(sentence) if q.topic == topic]
        if not counts or _OTHER_TOLL.search(sentence.text) or _SEPARATE.search(sentence.text):
            continue
        text, start = sentence.text, sentence.start
        found += [
            (quantity, sentence)
            for quantity in counts
            if not _OTHER_WORD.search(quantity.phrase)
            and not _dated_by(text[: quantity.start - start])
            and (
                topic in _COUNTED_BY_NOUN
                or said_by_its_verb(text, quantity.start - start, quantity.end - start, topic)
            )
        ]
    return max(found, key=lambda count: count[0].high, default=None)


def _unclaimed(found: list[Difference], claimed: list[Difference]) -> list[Difference]:
    """The differences (or agreements) whose phrase in A or in B no claimed one covers."""

    def overlaps(x: Fact, y: Fact) -> bool:
        return x.start < y.end and y.start < x.end

    return [d for d in found if not any(overlaps(d.a, c.a) or overlaps(d.b, c.b) for c in claimed)]


def compare_days(
    pairs: list[SentencePair], published_a: date | None, published_b: date | None
) -> tuple[list[Difference], list[Difference]]:
    """The day two sentences that make the same point give their event (analysis.days), when
    each gives one: another day is a possible difference, the same day an agreement; likewise
    the month each gives alone ("began in July" against "since June"). Each day or month is
    compared once, in the first pair that holds it."""
    differences: list[Difference] = []
    agreements: list[Difference] = []
    compared: set[tuple[str, int]] = set()
    published = {"a": published_a, "b": published_b}

    def days(sentence: TextSpan, side: str) -> Sequence[Day]:
        return _sentence_days(sentence.text, sentence.start, published[side])

    def months(sentence: TextSpan, side: str) -> Sequence[Month]:
        return _sentence_months(sentence.text, sentence.start)

    def day_value(day: Day) -> str:
        return day.when.isoformat() if day.when else day.weekday

    def one_occasion(day_a: Day, day_b: Day) -> bool:
        return _one_occasion(day_a, day_b, published_a, published_b)

    found = (differences, agreements)
    _compare_one_each(pairs, "day", days, same_day, day_value, compared, found, one_occasion)
    _compare_one_each(pairs, "month", months, same_month, lambda m: str(m.month), compared, found)
    return differences, agreements


def _one_occasion(
    day_a: Day, day_b: Day, published_a: date | None, published_b: date | None
) -> bool:
    """Unless either day comes after the other report was published: that report cannot have
    told that day's event as past (a date it announces ahead is the same day, an agreement), so
    two different days date two occasions (a crash on Saturday, the driver's plea on Tuesday; a
    killing and the funeral), not one told two ways. Nor when either day has no date (a bare
    weekday in a report with no publication date): a story's reports tell several days of it
    (the prime minister's promise on Saturday, the leader's death on Thursday; the
    announcements due on Tuesday, the resignation submitted on Friday), and such a pair was
    never a right difference on the development gold, against seven wrong ones between
    scraped pages of one 2004 story (the WikinewsSum review pool) and fresh12c's pairs."""
    when_a, when_b = day_a.date_near(published_a), day_b.date_near(published_b)
    if when_a is None or when_b is None:
        return False
    return not (
        (published_b is not None and when_a > published_b)
        or (published_a is not None and when_b > published_a)
    )


@lru_cache(maxsize=8192)
def _sentence_days(text: str, start: int, published: date | None) -> tuple[Day, ...]:
    """analysis.days.sentence_days, read once per sentence (it meets many of the other's)."""
    return tuple(sentence_days(text, start, published))


@lru_cache(maxsize=8192)
def _sentence_months(text: str, start: int) -> tuple[Month, ...]:
    """analysis.days.sentence_months, read once per sentence."""
    return tuple(sentence_months(text, start))


When = TypeVar("When", Day, Month)


def _compare_one_each(
    pairs: list[SentencePair],
    topic: str,
    read: Callable[[TextSpan, str], Sequence[When]],
    same: Callable[[When, When], bool],
    value: Callable[[When], str],
    compared: set[tuple[str, int]],
    found: tuple[list[Difference], list[Difference]],
    one_occasion: Callable[[When, When], bool] = lambda a, b: True,
) -> None:
    """Two sentences that make the same point and each give one day (or month): a difference
    when they differ, an agreement when not; each compared once (`compared`: side, start).
    Different days that `one_occasion` says date two occasions are no difference."""
    differences, agreements = found
    for sentence_a, sentence_b in pairs:
        if len(_shared_subject(sentence_a.text, sentence_b.text)) < MIN_SHARED:
            continue
        in_a, in_b = read(sentence_a, "a"), read(sentence_b, "b")
        if len(in_a) != 1 or len(in_b) != 1:
            continue
        (when_a,), (when_b,) = in_a, in_b
        if ("a", when_a.start) in compared or ("b", when_b.start) in compared:
            continue
        alike = same(when_a, when_b)
        if not alike and not one_occasion(when_a, when_b):
            continue
        compared.update({("a", when_a.start), ("b", when_b.start)})
        bucket = agreements if alike else differences
        bucket.append(
            Difference(
                topic,
                _when_fact(topic, value(when_a), when_a, sentence_a),
                _when_fact(topic, value(when_b), when_b, sentence_b),
            )
        )


def _when_fact(topic: str, value: str, when: Day | Month, sentence: TextSpan) -> Fact:
    phrase = sentence.text[when.start - sentence.start : when.end - sentence.start]
    return Fact(topic, "", value, phrase, when.start, when.end, sentence)


# A person's age written at a mention: "Reid, 32," / "Page (85)" / "Reid, a 32-year-old actress"
# / "Reid, aged 32" after the name; "the 32-year-old actress Tara Reid" before it (at most two
# lower-case words between, none joining another person: "a 25-year-old man and John").
_AGE_AFTER = re.compile(
    r"(?:['’]s)?(?:,\s+(?:aged\s+)?(?P<age>\d{1,3})(?=[,;.]|\s+(?:and|was|is|who|has|had)\b)"
    r"|\s+\((?:aged\s+)?(?P<bracketed>\d{1,3})\)"
    r"|,\s+(?:an?\s+|the\s+)?(?P<adjective>\d{1,3})-year-old\b)"
)
_AGE_BEFORE = re.compile(
    r"\b(?P<age>\d{1,3})-year-old\s+(?:(?!and\b|or\b|of\b|with\b|for\b)[a-z]+\s+){0,2}$"
)


def _report_ages(body: str, entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, int]]]:
    """Each person's ages as the report writes them at a mention (`_AGE_AFTER`, `_AGE_BEFORE`):
    {person key: [(age, start, end)]}, keys as the titles have them (names.canonical_key)."""
    ages: dict[str, list[tuple[int, int, int]]] = {}
    people = [entity for entity in entities if entity.type == "person"]
    for entity in people:
        key = canonical_key(entity.name, "person")
        others = _names_of_others(body, entity, people)
        for start, end in _written_at(body, entity):
            if any(at <= start and end <= to and (at, to) != (start, end) for at, to in others):
                continue  # "Reid" inside "Harry Reid": another person's name, not Tara Reid's
            after = _AGE_AFTER.match(body, end)
            if after:
                group = next(g for g in ("age", "bracketed", "adjective") if after.group(g))
                found = (int(after.group(group)), after.start(group), after.end(group))
            else:
                before = _AGE_BEFORE.search(body, max(0, start - 60), start)
                if before is None:
                    continue
                found = (
                    int(before.group("age")),
                    before.start(),
                    before.start("age") + len(before.group("age")) + len("-year-old"),
                )
            if 0 < found[0] < 120:
                ages.setdefault(key, []).append(found)
    return ages


def _names_of_others(body: str, entity: Entity, people: Sequence[Entity]) -> list[tuple[int, int]]:
    """Where the report writes the other people's names of more than one word (their mentions
    and their full names' whole-word places): a bare surname inside one is theirs."""
    places: list[tuple[int, int]] = []
    for other in people:
        if other is entity or canonical_key(other.name, "person") == canonical_key(
            entity.name, "person"
        ):
            continue
        places.extend(m for m in other.mentions if " " in body[m[0] : m[1]])
        if " " in other.name:
            places.extend(_whole_word_places(body, other.name))
    return places


def _written_at(body: str, entity: Entity) -> list[tuple[int, int]]:
    """Where a person's name is written: the entity's mentions and every other whole-word
    occurrence of its name, aliases or surname (the model misses some: "Reid, 33, earned")."""
    surname = entity.name.split()[-1]
    forms = {entity.name, *entity.aliases}
    if len(surname) > 2 and surname[:1].isupper():
        forms.add(surname)
    found = set(entity.mentions)
    for form in forms:
        found.update(_whole_word_places(body, form))
    return sorted(found)


def _whole_word_places(body: str, form: str) -> list[tuple[int, int]]:
    """Where `form` stands in `body` as whole words (no letter, digit, _ or - either side), as
    `(?<![\\w-])form(?![\\w-])` finds it: by str.find, since a comparison asks this for every
    person's every form and a regular expression per form cost 60 ms on two 5,000-word reports."""
    places: list[tuple[int, int]] = []
    at = body.find(form) if form else -1
    while at != -1:
        end = at + len(form)
        before = body[at - 1] if at else " "
        after = body[end] if end < len(body) else " "
        whole = not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-")
        if whole:
            places.append((at, end))
        at = body.find(form, end if whole else at + 1)
    return places


def compare_ages(
    body_a: str, entities_a: Sequence[Entity], body_b: str, entities_b: Sequence[Entity]
) -> tuple[list[Difference], list[Difference]]:
    """A person both reports name, given an age at a mention in each ("Reid, 32, checked into"
    against "the 33-year-old actress Tara Reid"): the same age agrees, another is a possible
    difference; only when each report gives that person one age (a report giving two is telling
    of two moments). Only between reports of one event (find_differences' `one_event`): years
    apart a person is another age."""
    if not entities_a or not entities_b:
        return [], []
    ages_a, ages_b = _report_ages(body_a, entities_a), _report_ages(body_b, entities_b)
    sentences_a, sentences_b = all_sentences(body_a), all_sentences(body_b)
    differences: list[Difference] = []
    agreements: list[Difference] = []
    for person, found_a in ages_a.items():
        found_b = ages_b.get(person, [])
        if len({age for age, _, _ in found_a}) != 1 or len({age for age, _, _ in found_b}) != 1:
            continue
        (age_a, start_a, end_a), (age_b, start_b, end_b) = found_a[0], found_b[0]
        sentence_a, sentence_b = (
            sentence_at(sentences_a, start_a),
            sentence_at(sentences_b, start_b),
        )
        if sentence_a is None or sentence_b is None:
            continue
        claim = Difference(
            "age",
            Fact("age", person, str(age_a), body_a[start_a:end_a], start_a, end_a, sentence_a),
            Fact("age", person, str(age_b), body_b[start_b:end_b], start_b, end_b, sentence_b),
        )
        (agreements if age_a == age_b else differences).append(claim)
    return differences, agreements


# A body's head is its president or its chair: "EU chief" and "European Commission President"
# are one office (a head and a director are not: "The head of the UN refugee agency" against
# "UNRWA's Director of Operations" is a difference).
_ONE_OFFICE = ({"head", "president"}, {"head", "chair"})


def _office_before(body: str, title: Title) -> str:
    """The head of an office written in lower case in the three words before a title ("navy
    spokesman Commander Nirad Sinha": spokesperson), or ""."""
    from kimreader.analysis.titles import _head

    words = body[max(0, title.start - 40) : title.start].split()[-3:]
    return _head(" ".join(word.strip(",.;:") for word in words))


def compare_titles(
    body_a: str, entities_a: Sequence[Entity], body_b: str, entities_b: Sequence[Entity]
) -> list[Difference]:
    """A person both reports name, given titles with no head in common (analysis.titles)."""
    if not entities_a or not entities_b:
        return []
    sentences_a, sentences_b = all_sentences(body_a), all_sentences(body_b)

    def fact(title: Title, body: str, spans: list[TextSpan]) -> Fact | None:
        sentence = sentence_at(spans, title.start)
        phrase = body[title.start : title.end]
        return (
            Fact("title", title.person, title.head, phrase, title.start, title.end, sentence)
            if sentence
            else None
        )

    differences: list[Difference] = []
    for title_a, title_b in title_differences(
        _report_titles(body_a, tuple(entities_a)), _report_titles(body_b, tuple(entities_b))
    ):
        if {title_a.head, title_b.head} in _ONE_OFFICE:
            continue
        if (
            _office_before(body_a, title_a) == title_b.head
            or _office_before(body_b, title_b) == title_a.head
        ):
            continue  # "navy spokesman Commander Nirad Sinha" / "Nirad Sinha, a navy spokesman"
        fact_a, fact_b = fact(title_a, body_a, sentences_a), fact(title_b, body_b, sentences_b)
        if fact_a and fact_b:
            differences.append(Difference("title", fact_a, fact_b))
    return differences


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _report_titles(body: str, entities: tuple[Entity, ...]) -> tuple[Title, ...]:
    """A report's titles (analysis.titles), remembered per report."""
    return tuple(titles(body, entities))


# A former post set against a person's name: "Trump's former campaign manager Paul Manafort"
# (before it, nothing but its owner between "former" and the name), "Manafort, Trump's former
# campaign chairman" (an appositive after it). `what`: the words between "former" and the head
# (the body the post was in: "campaign"); `head`: a head of analysis.titles.
_FORMER_WHAT = r"(?P<what>(?:[\w’'\-]+\s+){1,3}?)"
_FORMER_BEFORE = re.compile(rf"\bformer\s+{_FORMER_WHAT}(?P<head>(?i:{TITLE_HEAD_WORDS}))\s+$")
_FORMER_AFTER = re.compile(
    r",\s+(?:(?:the|a|an|his|her|their|[A-Z][\w\-]*[’']s)\s+)?former\s+"
    rf"{_FORMER_WHAT}(?P<head>(?i:{TITLE_HEAD_WORDS}))\b(?!\s+of\b)"
)


def _former_titles(body: str, entities: Sequence[Entity]) -> dict[str, list[Fact]]:
    """Each person's former posts (`_FORMER_BEFORE`, `_FORMER_AFTER`), by person key: a Fact
    whose qualifier is the body's words (content terms) and whose value is the head."""
    from kimreader.analysis.text import content_terms

    spans = all_sentences(body)
    found: dict[str, list[Fact]] = {}
    for entity in entities:
        if entity.type != "person":
            continue
        key = canonical_key(entity.name, "person")
        for start, end in entity.mentions:
            matches = [
                _FORMER_BEFORE.search(body[max(0, start - 80) : start]),
                _FORMER_AFTER.match(body[end : end + 100]),
            ]
            for match, offset in zip(matches, (max(0, start - 80), end), strict=True):
                if match is None or "\n" in match.group("what"):
                    continue
                what = frozenset(content_terms(match.group("what")))
                sentence = sentence_at(spans, offset + match.start())
                if not what or sentence is None:
                    continue
                phrase_start, phrase_end = offset + match.start(), offset + match.end()
                phrase = body[phrase_start:phrase_end].strip(" ,")
                phrase_start = body.index(phrase, phrase_start)
                head = TITLE_HEADS[match.group("head").lower()]
                fact = Fact("former title", " ".join(sorted(what)), head, phrase, phrase_start,
                            phrase_start + len(phrase), sentence)  # fmt: skip
                found.setdefault(key, []).append(fact)
    return found


def compare_former_titles(
    body_a: str, entities_a: Sequence[Entity], body_b: str, entities_b: Sequence[Entity]
) -> list[Difference]:
    """A person both reports give a former post in one body ("Trump's former campaign manager
    Paul Manafort" against "Manafort, Trump's former campaign chairman": the words between
    "former" and the head share one) with no head in common: a possible difference. Former
    posts in different bodies ("former FBI director", "former campaign chairman") are two posts;
    one shared head among a person's posts is no difference (analysis.titles leaves former
    titles to this)."""
    if not entities_a or not entities_b:
        return []
    posts_a, posts_b = _former_titles(body_a, entities_a), _former_titles(body_b, entities_b)
    differences: list[Difference] = []
    for person, mine in posts_a.items():
        for fact_a in mine:
            what_a = set(fact_a.qualifier.split())
            theirs = [f for f in posts_b.get(person, []) if what_a & set(f.qualifier.split())]
            ours = [f for f in mine if what_a & set(f.qualifier.split())]
            heads_a, heads_b = {f.value for f in ours}, {f.value for f in theirs}
            if any({x, y} in _ONE_OFFICE for x in heads_a for y in heads_b):
                continue  # "former campaign chief" and "former campaign chairman": one post
            if theirs and not heads_a & heads_b:
                differences.append(Difference("former title", fact_a, theirs[0]))
                break
    return differences


# Who made the news known, named after it: "Trump will travel to the United Kingdom in July, the
# White House confirmed Thursday", "..., the British Ambassador to Washington revealed Thursday
# afternoon" (a capitalised source of at most eight words right before a verb of announcing
# that ends its clause, perhaps with its day: the inverted attribution of a news sentence, not
# "Jobs announced an updated MacBook Air"; "said", which any report of anything uses, is not
# one).
_ANNOUNCED_BY = re.compile(
    r",\s+(?P<source>(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[\w.’'\-]+){0,7}?)"
    r"\s+(?P<verb>confirmed|announced|revealed|disclosed)\b"
    rf"(?=(?:\s+(?:on|in|a|an|late|early|last|this|statement|{DAY_NAMES}|today|yesterday|"
    r"tonight|morning|afternoon|evening|night))*\s*(?:[,.;]|$))"
)


def _announced_by(sentence: TextSpan) -> re.Match[str] | None:
    """The one source a sentence says announced its news (`_ANNOUNCED_BY`), or None."""
    found = list(_ANNOUNCED_BY.finditer(sentence.text))
    return found[0] if len(found) == 1 else None


def compare_sources(pairs: list[SentencePair]) -> list[Difference]:
    """Two sentences that make the same point, each saying who announced it (`_ANNOUNCED_BY`),
    by sources that share no capitalised word ("the White House confirmed" against "the British
    Ambassador to Washington revealed"): a possible difference of who announced it. Once per
    sentence, in the order of the pairs (the best first)."""
    differences: list[Difference] = []
    used: set[int] = set()
    for sentence_a, sentence_b in pairs:
        if sentence_a.start in used or -1 - sentence_b.start in used:
            continue
        if len(_shared_subject(sentence_a.text, sentence_b.text)) < MIN_SHARED:
            continue
        by_a, by_b = _announced_by(sentence_a), _announced_by(sentence_b)
        if by_a is None or by_b is None:
            continue
        names_a = {w for w in _NAME_WORD.findall(by_a.group("source")) if w != "The"}
        names_b = {w for w in _NAME_WORD.findall(by_b.group("source")) if w != "The"}
        if not names_a or not names_b or names_a & names_b:
            continue
        facts = []
        for sentence, match in ((sentence_a, by_a), (sentence_b, by_b)):
            start = sentence.start + match.start("source")
            phrase = match.group("source")
            facts.append(Fact("who announced it", "", phrase.lower(), phrase, start,
                              start + len(phrase), sentence))  # fmt: skip
        used.update({sentence_a.start, -1 - sentence_b.start})
        differences.append(Difference("who announced it", facts[0], facts[1]))
    return differences


# A quotation within one paragraph, in curly or straight double marks.
_QUOTATION = re.compile(r"[“\"](?P<words>[^“”\"\n]{20,800})[”\"]")
# Words in a row two quotations must share to be one quotation (a sentence's worth, not a
# phrase every report of the story repeats: "a hostile foreign power").
QUOTE_RUN = 8


def _quote_words(text: str) -> list[str]:
    """A quotation's words, lower case, "n't" written out ("don't" and "do not" are one), without
    an editor's words in brackets ("proof of [Trump's] contempt": not the speaker's)."""
    text = re.sub(r"\[[^\]]*\]", " ", text.lower().replace("’", "'").replace("n't", " not"))
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


def _reworded(words_a: list[str], words_b: list[str]) -> bool:
    """Whether two quotations are one quotation worded differently: a run of QUOTE_RUN words in
    common, and between their first and last words in common a content word one has in place of
    the other's ("an act of unprecedented treachery" / "an act of previously unimaginable
    treachery"). Words one leaves out are no rewording (a quotation cut short, or trimmed inside:
    "we don't always agree, but" / "we do not always agree as to the solutions, but", Macron
    in fresh16c), nor are common words ("family or friendship" / "family and in any
    friendship")."""
    import difflib

    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks or max(block.size for block in blocks) < QUOTE_RUN:
        return False
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "replace" or a0 <= blocks[0].a or a1 > blocks[-1].a + blocks[-1].size - 1:
            continue
        if b0 <= blocks[0].b or b1 > blocks[-1].b + blocks[-1].size - 1:
            continue
        changed = [w for w in (*words_a[a0:a1], *words_b[b0:b1]) if w not in STOP_WORDS]
        if changed:
            return True
    return False


def _runs(words: list[str]) -> frozenset[tuple[str, ...]]:
    """Every QUOTE_RUN words in a row: two quotations share such a run exactly when their
    longest common run (what _reworded asks of difflib first) is that long, so a set test
    spares difflib the many pairs that share none (~40 ms a comparison of two long reports)."""
    return frozenset(tuple(words[i : i + QUOTE_RUN]) for i in range(len(words) - QUOTE_RUN + 1))


def compare_quote_wording(body_a: str, body_b: str) -> list[Difference]:
    """One quotation the reports word differently (`_reworded`: fresh18c, "This constituted an
    act of unprecedented treachery: the campaign of a nominee for President ..." against "The
    conspiracy constituted an act of previously unimaginable treachery: the campaign of the
    presidential nominee of a major party ..."): a possible difference of its wording, with
    both sentences. Each quotation once."""
    sentences_a, sentences_b = all_sentences(body_a), all_sentences(body_b)
    quotes_b = []
    for match in _QUOTATION.finditer(body_b):
        words = _quote_words(match.group("words"))
        quotes_b.append((match, words, _runs(words)))
    differences: list[Difference] = []
    used_b: set[int] = set()
    for match_a in _QUOTATION.finditer(body_a):
        words_a = _quote_words(match_a.group("words"))
        if len(words_a) < QUOTE_RUN:
            continue
        runs_a = _runs(words_a)
        for match_b, words_b, runs_b in quotes_b:
            if match_b.start() in used_b or runs_a.isdisjoint(runs_b):
                continue  # no run of QUOTE_RUN words in common: _reworded would say no
            if not _reworded(words_a, words_b):
                continue
            facts = []
            for body, spans, match in (
                (body_a, sentences_a, match_a),
                (body_b, sentences_b, match_b),
            ):
                sentence = sentence_at(spans, match.start("words"))
                if sentence is None:
                    break
                start, end = match.span("words")
                facts.append(Fact("quote wording", "", body[start:end].lower(), body[start:end],
                                  start, end, sentence))  # fmt: skip
            if len(facts) == 2:
                used_b.add(match_b.start())
                differences.append(Difference("quote wording", facts[0], facts[1]))
                break
    return differences
