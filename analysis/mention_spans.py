"""Spans mended by the words around them: where a sentence ends, a maker before its product,
an italic title, a given name before a name the article uses alone. analysis/mentions.py
applies them to the model's spans and to the names it finds itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kimreader.analysis import gazetteer
from kimreader.analysis.mention_tables import MakeMention
from kimreader.analysis.mention_types import ORG_HEADS, PLACE_HEADS
from kimreader.analysis.names import ORG_TAILS, base_key, canonical_key, listed
from kimreader.analysis.prose import Prose, inside, is_title_case, titles_of_works
from kimreader.analysis.timeline import is_month_or_day

if TYPE_CHECKING:
    from kimreader.analysis.mentions import Mention


# "Library of " (or "National Library of the ") right before a span: the words of a name of
# the form "<Head> of <Name>" that the model cut off ("Library of Congress" as "Congress").
_HEAD_OF_BEFORE = re.compile(
    r"(?<![\w’'-])(?!(?:The|A|An|In|On|At|By|For|And|But|Of)\b)"
    r"((?:[A-Z][\w’'-]*[ \t]+)*([A-Z][a-z]+))[ \t]+of[ \t]+(?:the[ \t]+)?$"
)


def head_of_start(text: str, start: int) -> int | None:
    """Where a name starts when the model cut its "<Head> of" off: "Library of Congress",
    "University of Tuva" (the head is an organisation's head word)."""
    before = _HEAD_OF_BEFORE.search(text, max(0, start - 60), start)
    if before is None or base_key(before.group(2)) not in ORG_HEADS:
        return None
    return before.start(1)


_SENTENCE_END = re.compile(r"\.[ \t]+([A-Z][a-z]*)\b")


def sentence_end(text: str, start: int, end: int) -> int | None:
    """Where a span running into the next sentence should end ("One S. The company's app":
    after "S."): a capitalised function word ("The", "It", "But") after a full stop opens a
    sentence; a single letter is an initial ("L. A. Superior Court" goes on)."""
    from spacy.lang.en.stop_words import STOP_WORDS  # extraction has spaCy loaded already

    for found in _SENTENCE_END.finditer(text, start, end):
        word = found.group(1)
        if len(word) > 1 and word.lower() in STOP_WORDS:
            return found.start() + 1
    return None


def maker_only(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """A listed company's name before a product's ("Intel Core i7", "Apple Vision Pro") names
    the company: kimreader shows no products, and the maker is the entity. Not a listed name
    of several words ("Whole Foods"), nor before an organisation's or a place's head word
    ("Google Foundation", "Amazon River")."""
    first = _FIRST_WORD.match(text, start, end)
    if first is None or label not in ("ORG", "PRODUCT", "PERSON", "FAC"):
        return start, end
    whole = text[start:end]
    if (
        gazetteer.is_organisation(whole)
        or listed(whole)
        or not gazetteer.is_organisation(first.group())
    ):
        return start, end
    if first.end() < end and product_after(text, first.end()):
        return start, first.end()
    return start, end


_FIRST_WORD = re.compile(r"[\w&.-]+")


_SUBTITLE_OR_NUMBER = re.compile(r":.*$|\s+\d+$", re.DOTALL)


def titles_as_works(
    body: str,
    prose: Prose,
    mentions: list[Mention],
    headings: list[tuple[int, int]],
    make: MakeMention,
) -> list[Mention]:
    """The names the model found in an italic title are one work, a product ("Killer Instinct"
    is no person, "Assassin" + "Creed Origins" is "Assassin's Creed Origins"), without its
    subtitle or sequel number ("Call of Duty: WW2", "Forza Motorsport 7")."""
    text = prose.text
    for body_start, body_end in titles_of_works(body):
        start = bisect.bisect_left(prose.offsets, body_start)
        end = bisect.bisect_left(prose.offsets, body_end)
        inner = [m for m in mentions if start <= m.start and m.end <= end]
        if not inner or any(m.type == "date" for m in inner):
            continue
        trimmed = _SUBTITLE_OR_NUMBER.search(text, start, end)
        work = make(
            text,
            start,
            trimmed.start() if trimmed else end,
            "ORG",
            inside(body_start, body_end, headings),
        )
        if work is None:
            continue
        work.type, work.evidence = "org", True
        work.key = canonical_key(work.surface, "org")
        mentions = [m for m in mentions if m not in inner] + [work]
    return mentions


_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)[ \t]+$")


def given_name_before(text: str, start: int) -> int | None:
    """Where a full name starts when a given name stands right before a name the article
    uses alone: "Lindsay Lohan" in "Lindsay Lohan Checks Into Betty Ford Clinic", where
    title case hid it from the model and the body says "Lohan"."""
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is None or not gazetteer.is_given_name(before.group(1)):
        return None
    from spacy.lang.en.stop_words import STOP_WORDS  # extraction has spaCy loaded already

    if before.group(1).lower() in STOP_WORDS:
        return None  # "The", "Will", "May" open sentences and headlines
    name = text[start : start + 40].split(None, 1)[0]
    if gazetteer.is_place(name) or gazetteer.is_organisation(name):
        return None
    return before.start(1)


_TITLE_CASE_PAIR = re.compile(
    r"(?<![\w’'.-])([A-Z][a-z]+)[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w’'-])"
)


def people_in_title_case_lines(text: str) -> Iterator[tuple[int, int]]:
    """Full names the model missed: a given name and a word after it, neither written in lower
    case anywhere in the article, the second no place, no listed organisation and no head word
    of one ("Grace Church", "Jordan River"). In a line written in title case, which the model
    reads poorly ("Lindsay Lohan Checks Into Rehab at Betty Ford Center" with no name in the
    body), and in prose when no other capitalised word touches the pair ("the cubist art of
    Pablo Picasso"; not "New York Today") and the given name is no common word ("You Loved")."""
    lower = frozenset(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", text))
    for line in re.finditer(r"[^\n]+", text):
        title_case = is_title_case(line.group())
        for pair in _TITLE_CASE_PAIR.finditer(text, line.start(), line.end()):
            if _full_name_pair(pair, lower) and (title_case or _alone_in_prose(text, pair)):
                yield pair.span()


def _full_name_pair(pair: re.Match[str], lower: frozenset[str]) -> bool:
    given, name = pair.group(1), pair.group(2)
    if not gazetteer.is_given_name(given) or is_month_or_day(given):
        return False
    if given.lower() in lower or name.lower() in lower:
        return False
    key = base_key(name)
    if key in ORG_HEADS or key in PLACE_HEADS or gazetteer.is_place(name):
        return False
    return not (gazetteer.is_organisation(name) or gazetteer.is_organisation(pair.group()))


_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w’'.-]*[ \t]+$")
_CAPITALISED_WORD_AFTER = re.compile(r"[ \t]+[A-Z]")


def _alone_in_prose(text: str, pair: re.Match[str]) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS  # extraction has spaCy loaded already

    return (
        pair.group(1).lower() not in STOP_WORDS
        and not _CAPITALISED_WORD_BEFORE.search(text, max(0, pair.start() - 30), pair.start())
        and not _CAPITALISED_WORD_AFTER.match(text, pair.end())
    )


_NEXT_WORD = re.compile(r"[ \t]+([\w’'-]+)")


def product_after(text: str, end: int) -> bool:
    """A listed company's name before a product's ("HTC Vive", "AMD Polaris GPU") names the
    company; not before an organisation's or a place's head word ("Amazon River", "Sputnik
    News")."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = base_key(following.group(1))
    return word not in ORG_HEADS and word not in PLACE_HEADS and word not in ORG_TAILS
