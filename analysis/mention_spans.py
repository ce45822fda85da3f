"""Spans mended by the words around them: where a sentence ends, a maker before its product,
an italic title, a given name before a name the article uses alone. analysis/mentions.py
applies them to the model's spans and to the names it finds itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kimreader.analysis import gazetteer, junk
from kimreader.analysis.mention_tables import MakeMention
from kimreader.analysis.mention_types import ORG_HEADS, PLACE_HEADS, a_country, is_person_word
from kimreader.analysis.names import (
    FACILITY_TAILS,
    ORG_TAILS,
    WORD_PARTICLES,
    base_key,
    canonical_key,
    is_title,
    listed,
    particle_alternatives,
)
from kimreader.analysis.prose import (
    Prose,
    inside,
    is_title_case,
    lower_case_words,
    titles_of_works,
)
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
    ("Google Foundation", "Amazon River"), nor a name ending in one ("Harvard Law School",
    "NASA Jet Propulsion Laboratory")."""
    first = _FIRST_WORD.match(text, start, end)
    if first is None or label not in ("ORG", "PRODUCT", "PERSON", "FAC"):
        return start, end
    whole = text[start:end]
    if (
        gazetteer.is_organisation(whole)
        or listed(whole)
        or not gazetteer.is_organisation(first.group())
        or _head_word(whole.split()[-1])
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


# ---------------------------------------------------------------- names glued or cut short

LabelledSpan = tuple[int, int, str]  # start, end, spaCy label
_NAME_PIECE = re.compile(r"[A-Z][\w’'.-]*")
# A lower-case "the" between two names, or a connector before a capital "The": "Ferraro the
# Democratic Party's first", "leaving Blues Incorporated for The Rolling Stones".
_GLUE_THE = re.compile(r"[ \t]+(?:the|(?:for|of|from|with|to)[ \t]+(?=The[ \t]))[ \t]*(?=[A-Z])")
# A given name written the Chinese or Korean way: "Man-kei", "Jae-in".
_HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
_GLUE_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
_LEADING_THE = re.compile(r"[Tt]he[ \t]+")
_FOR_NAME = re.compile(r"[ \t]+for[ \t]+(?=[A-Z])")


class NamesAlone:
    """The names the model reads in one article (base_key, without "the" or a possessive), with
    the offset and label of each reading (`uses`); and, found once for each longer name, which
    of a name's readings stand outside every place the article writes the longer name (a text
    that repeats a list or a "for" name thousands of times is no quadratic search)."""

    def __init__(self, text: str, uses: dict[str, list[tuple[int, str]]]) -> None:
        self.text = text
        self.uses = uses
        self._written: dict[str, tuple[list[int], list[int]]] = {}
        self._apart: dict[tuple[str, str], list[tuple[int, str]]] = {}

    def written(self, name: str) -> tuple[list[int], list[int]]:
        """The starts and ends of every place the article writes `name`, in order."""
        if name not in self._written:
            found = [m.span() for m in re.finditer(re.escape(name), self.text)]
            self._written[name] = ([s for s, _ in found], [e for _, e in found])
        return self._written[name]

    def apart(self, key: str, name: str) -> list[tuple[int, str]]:
        """The readings of the name `key` that stand outside every place the article writes
        `name`."""
        if (key, name) not in self._apart:
            starts, ends = self.written(name)
            self._apart[key, name] = [
                (at, label) for at, label in self.uses.get(key, ()) if not _in_one(at, starts, ends)
            ]
        return self._apart[key, name]


def _in_one(at: int, starts: list[int], ends: list[int]) -> bool:
    """Whether `at` falls in one of the spans of `starts` and `ends` (in order, apart)."""
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and at < ends[index]


def names_used_alone(text: str, spans: Iterable[tuple[int, int, str]]) -> NamesAlone:
    """The names the model reads in an article (base_key, without "the" or a possessive), with
    the offset and label of each reading."""
    alone: dict[str, list[tuple[int, str]]] = {}
    for start, end, label in spans:
        if label in _GLUE_LABELS or label == "PERSON":
            key = base_key(_POSSESSIVE_END.sub("", text[start:end].strip()))
            alone.setdefault(key, []).append((start, label))
    return NamesAlone(text, alone)


_POSSESSIVE_END = re.compile(r"['’]s?\Z")


def named_alone(name: str, alone: NamesAlone, *outside: tuple[int, int]) -> str | None:
    """The label of the model's first reading of `name` alone outside the spans `outside`
    (the name's longer ones), if any."""
    uses = alone.uses.get(base_key(name), ())
    return next((label for at, label in uses if not any(s <= at < e for s, e in outside)), None)


def _named_apart(
    name: str, alone: NamesAlone, start: int, end: int, *outside: tuple[int, int]
) -> str | None:
    """`named_alone` outside `outside` and every place the article writes text[start:end]
    (without a leading "the"): where the model read a piece of it alone there ("Rogaland Fire"
    + "Rescue" of "Rogaland Fire and Rescue", "Biological Diversity" of "Center for Biological
    Diversity"), the piece is no name of its own."""
    head = _LEADING_THE.match(alone.text, start, end)
    longer = alone.text[head.end() if head else start : end]
    apart = alone.apart(base_key(name), longer)
    outside = ((start, end), *outside)
    return next((label for at, label in apart if not any(s <= at < e for s, e in outside)), None)


# ", ", "and", "&" between the names of a list: "Crete and Cyprus", "Deirdre, Wyatt & Zach".
_LIST_JOINER = re.compile(r",[ \t]+(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+")


def _listed_names(
    text: str, start: int, end: int, alone: NamesAlone, span_start: int
) -> list[LabelledSpan] | None:
    """ "the sea between Crete and Cyprus": a list whose every item is a name of its own (one
    the article also writes alone, a gazetteer place or a listed organisation) and whose whole
    is none ("Bosnia and Herzegovina", "Johnson & Johnson" stay), each with the label of its
    own use."""
    name = text[start:end]
    if not _LIST_JOINER.search(name) or gazetteer.is_place(name) or gazetteer.is_organisation(name):
        return None
    if listed(name) is not None:
        return None
    pieces: list[LabelledSpan] = []
    position = start
    for joiner in [*_LIST_JOINER.finditer(text, start, end), None]:
        piece_end = joiner.start() if joiner is not None else end
        item = text[position:piece_end]
        if not item or not all(word[:1].isupper() for word in item.split()):
            return None
        own = _named_apart(item, alone, start, end, (span_start, end))
        if own is not None:
            pieces.append((position, piece_end, own))
        elif gazetteer.is_place(item):
            pieces.append((position, piece_end, "GPE"))
        elif gazetteer.is_organisation(item):
            pieces.append((position, piece_end, "ORG"))
        else:
            return None
        position = joiner.end() if joiner is not None else end
    return pieces if len(pieces) >= 2 else None


def glued_names(
    text: str, start: int, end: int, label: str, alone: NamesAlone
) -> list[LabelledSpan]:
    """A span the model glued from two names, cut into them: a list of names each of its own
    ("Crete and Cyprus": `_listed_names`; `alone`: names_used_alone); a place or body "for" a
    name the article writes alone ("Toronto Congress Centre for Anime North"); a lower-case "the"
    between names ("Ferraro the Democratic Party", not "Jack the Ripper"); a listed
    organisation before a person ("Amnesty International Man-kei Tam"); an office before a
    person ("Presidential Spokesperson Harry Roque": the person; the office alone is no entity,
    an organisation's name before it is one: "Coast Guard Commandant Admiral ...")."""
    if label not in _GLUE_LABELS and label != "PERSON":
        return [(start, end, label)]
    if label != "PERSON":
        head = _LEADING_THE.match(text, start, end)
        listed_names = _listed_names(text, head.end() if head else start, end, alone, start)
        if listed_names is not None:
            return listed_names
        for_name = _FOR_NAME.search(text, start, end)
        if (
            for_name is not None
            and _head_word(_last_word(text, start, for_name.start()))
            and len(text[for_name.end() : end].split()) >= 2  # not "... for Neurosurgery"
        ):
            # "the Toronto Congress Centre for Anime North": a convention the article names
            own = _named_apart(text[for_name.end() : end], alone, start, end)
            if own is not None:
                return [(start, for_name.start(), label), (for_name.end(), end, own)]
    glue = next(
        (
            m
            for m in _GLUE_THE.finditer(text, start, end)
            if _last_word(text, start, m.start())[:1].isupper() and _name_of_its_own(text, m, end)
        ),
        None,
    )
    if glue is not None:
        return [
            *glued_names(text, start, glue.start(), label, alone),
            *glued_names(text, glue.end(), end, label, alone),
        ]
    if label == "PERSON":
        return [(start, end, label)]
    words = list(_NAME_PIECE.finditer(text, start, end))
    if (
        len(words) < 2
        or text[start : words[0].start()] not in ("", "the ", "The ")
        or text[words[-1].end() : end].strip()
    ):
        return [(start, end, label)]
    start = words[0].start()
    for index in range(len(words) - 2, 0, -1):
        rest = words[index:]
        if not _person_after(rest, text, words[index - 1].end()):
            continue
        before = words[index - 1]
        if gazetteer.is_organisation(text[start : before.end()]) or (
            index == 1
            and _ACRONYM_WORD.fullmatch(before.group())
            and named_alone(text[rest[0].start() : end], alone, (start, end)) == "PERSON"
        ):
            # "Amnesty International Man-kei Tam"; "told NPR Hamza bin Laden had": an acronym
            # before a person the article names alone
            return [(start, before.end(), "ORG"), (rest[0].start(), end, "PERSON")]
        if _office_word(before.group()):
            return [*_named_org_before(text, start, words[: index - 1]),
                    (rest[0].start(), end, "PERSON")]  # fmt: skip
    if (
        label == "ORG"
        and _office_word(words[-1].group())
        and text[words[-2].end() : words[-1].start()] == " "
    ):
        # "Coast Guard Commandant"; not "International Court of Justice"
        return _named_org_before(text, start, words[:-1]) or [(start, end, label)]
    return [(start, end, label)]


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of text[start:end], "" if none: a piece of a span may open with the glue
    itself (" the Democratic Party", cut after a hashtag's word by junk.pieces)."""
    words = text[start:end].split()
    return words[-1] if words else ""


def _name_of_its_own(text: str, glue: re.Match[str], end: int) -> bool:
    """After a capital "The", two capitalised words ("The Rolling Stones"); after a lower-case
    "the", a name with a head word of its own or a listed one ("the Democratic Party"; not
    "Buffy the Vampire Slayer")."""
    words = _NAME_PIECE.findall(text, glue.end(), end)
    if text.startswith("The", glue.end()):
        return len(words) >= 3 if words[:1] == ["The"] else False
    name = text[glue.end() : end]
    last = base_key(name).split()[-1:]
    return len(words) >= 2 and (
        bool(last)
        and (last[0] in ORG_HEADS or last[0] in PLACE_HEADS)
        or gazetteer.is_organisation(name)
        or gazetteer.is_place(name)
    )


# One space between the words of a person's name, or a particle ("Hamza bin Laden").
_BETWEEN_NAME_WORDS = re.compile(rf" (?:(?:{particle_alternatives(WORD_PARTICLES)}) )*")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,5}")


def _person_after(rest: list[re.Match[str]], text: str, gap_start: int) -> bool:
    """Two or three words of a person's name, a given name first, one space before them and
    between them, or a particle."""
    first, last = rest[0].group(), rest[-1].group()
    return (
        2 <= len(rest) <= 3
        and text[gap_start : rest[0].start()] == " "
        and all(
            _BETWEEN_NAME_WORDS.fullmatch(text, a.end(), b.start())
            for a, b in zip(rest, rest[1:], strict=False)
        )
        and (gazetteer.is_given_name(first) or _HYPHENED_GIVEN.fullmatch(first) is not None)
        and not any(_head_word(word.group()) for word in rest)
        and not gazetteer.is_place(last)
    )


def _head_word(word: str) -> bool:
    """A word that names a kind of organisation or place, singular or plural ("Laboratory"
    of "NASA Jet Propulsion Laboratory", the heads listing "laboratories")."""
    key = base_key(word)
    forms = {key, key + "s", key.removesuffix("s"), key.removesuffix("y") + "ies"}
    return any(f in ORG_HEADS or f in PLACE_HEADS or f in ORG_TAILS for f in forms)


def _office_word(word: str) -> bool:
    return is_title(word) or is_person_word(word)


def _named_org_before(text: str, start: int, words: list[re.Match[str]]) -> list[LabelledSpan]:
    """The organisation or place whose office follows: two words or more with a head word
    ("Coast Guard"), a listed name or a place ("United States"); "Presidential" alone is
    none."""
    if not words:
        return []
    name = text[start : words[-1].end()]
    keys = base_key(name).split()
    if len(keys) >= 2 and keys[-1] in ORG_HEADS or gazetteer.is_organisation(name):
        return [(start, words[-1].end(), "ORG")]
    if gazetteer.is_place(name):  # "United States Representative Elijah Cummings"
        return [(start, words[-1].end(), "GPE")]
    return []


# A lower-case particle and the surname after it: "Valéry Giscard d'Estaing", "Juan de la
# Cruz"; French names' "et": "Brigade de Recherche et d’Intervention".
_PARTICLE_AFTER = re.compile(
    rf"[ \t]+(?:(?:(?:{particle_alternatives(WORD_PARTICLES)})[ \t]+)+|[dl]['’]|(?:al|el)[-‐])"
    r"[A-Z][\w’'-]+"
)
_FRENCH_AND_AFTER = re.compile(r"[ \t]+et[ \t]+(?:[dl]['’])?[A-Z][\w’'-]+")
# A span that opens with a particle ("dela Vega" of "Arnel dela Vega"; not French "le", "la").
_PARTICLE_START = re.compile(
    rf"(?:{particle_alternatives(WORD_PARTICLES - {'le', 'la'})})[ \t]+[A-Z]"
)
_WORD_RIGHT_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][\w’'-]+)[ \t]\Z")
_SURNAME_AFTER = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w’'-])(?![ \t]+[A-Z])")


def fuller_name(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """A name the model cut short, where the text goes on with it: a person's surname after
    a particle ("Valéry Giscard" of "Valéry Giscard d'Estaing"), the given name before a
    particle ("dela Vega" of "Arnel dela Vega") or before the name ("Vanderbilt Whitney" of
    "Gertrude Vanderbilt Whitney"), the surname after a given name ("Chief Superintendent
    Graciano" of "... Graciano Mijares"); an organisation's French "et" ("Brigade de
    Recherche et d’Intervention")."""
    if label == "ORG" and re.search(r"\s(?:de|du|des|la)\s", text[start:end]):
        french = _FRENCH_AND_AFTER.match(text, end)
        return (start, french.end()) if french else (start, end)
    if label != "PERSON":
        return start, end
    particle = _PARTICLE_AFTER.match(text, end)
    if particle is not None:
        end = particle.end()
    before = _WORD_RIGHT_BEFORE.search(text, max(0, start - 30), start)
    if _PARTICLE_START.match(text, start) and before is not None:
        start = before.start(1)
    elif before is not None and unlisted_given_name_before(text, start, end):
        start = before.start(1)  # "Ethiopians Dejene Debela", the model's span "Debela"
    elif before is not None and _given_name_after_title(text, before.group(1), before.start(1)):
        start = before.start(1)  # "London Mayor Sadiq Khan", the model's span "Khan"
    elif before is not None and _FULL_NAME.fullmatch(text, start, end):
        given = given_name_before(text, start)
        if (
            given is not None
            # "Representative Debbie Wasserman Schultz": a title may stand before the name
            and (not capitalised_before(text, given) or _title_right_before(text, given))
            and not gazetteer.is_place(before.group(1))  # "Prime Minister of India Narendra Modi"
            and before.group(1).lower() not in lower_case_words(text)  # "Vessel Tracker"
        ):
            start = given
    if particle is None:
        last = text[start:end].split()[-1]
        surname = _SURNAME_AFTER.match(text, end)
        if surname is not None and _headline_word_after(text, surname):
            pass  # "Pierre Thomas Placed on Injured Reserve"
        elif surname is not None and gazetteer.is_given_name(last) and _a_surname(surname.group(1)):
            end = surname.end()
        elif surname is not None and _surname_used_alone(text, start, end, surname.group(1)):
            end = surname.end()
    return start, end


# A capitalised word alone, its start not a sentence's: after a lower-case word, a comma, a
# colon, or a people's word ("Ethiopians Dejene Debela").
_UNLISTED_GIVEN = re.compile(
    r"(?:[a-z][\w’'-]*[ \t]+|[,:][ \t]+|([A-Z][a-z]+)[ \t]+)([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]\Z"
)


def unlisted_given_name_before(text: str, start: int, end: int) -> bool:
    """A given name no list has right before a person's surname the model found alone: a
    capitalised word the article never writes in lower case (in any form), no stop word,
    title, month, place, organisation, people's word or head word, inside a sentence and
    not in a title-case line ("Ethiopians Dejene Debela", "this project: Anirudh Jayakumar",
    where the model took "Debela" and "Jayakumar" alone)."""
    if not re.fullmatch(r"[A-Z][\w’'-]+", text[start:end]):
        return False
    found = _UNLISTED_GIVEN.search(text, max(0, start - 60), start)
    if found is None:
        return False
    word, people = found.group(2), found.group(1)
    if people is not None and not gazetteer.is_nationality_word(people.removesuffix("s")):
        return False  # "Boeing Dejene": a name of several words, not a given name
    from spacy.lang.en.stop_words import STOP_WORDS  # extraction has spaCy loaded already

    if word.lower() in STOP_WORDS or junk.common_word(word, text) or is_title(word):
        return False
    if is_month_or_day(word) or gazetteer.is_given_name(text[start:end]):
        return False
    if base_key(word) in ORG_HEADS or base_key(word) in PLACE_HEADS or is_person_word(word):
        return False
    if any(
        test(word)
        for test in (
            gazetteer.is_place,
            gazetteer.is_organisation,
            gazetteer.is_nationality_word,
            gazetteer.is_country,
        )
    ):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not is_title_case(text[line_start : line_end if line_end >= 0 else len(text)])


def _surname_used_alone(text: str, start: int, end: int, word: str) -> bool:
    """ "Amy Berman" before "Jackson", where the article later says "Judge Jackson" and never
    "Berman" alone: a given name and a middle name the model took for the whole name, the word
    after them the surname the article uses alone."""
    words = text[start:end].split()
    if len(words) != 2 or not gazetteer.is_given_name(words[0]) or not word[:1].isupper():
        return False
    if base_key(word) in ORG_HEADS or is_month_or_day(word):
        return False
    elsewhere = [at for at in _places_of(text, word) if at != end + 1]
    return bool(elsewhere) and _places_of(text, words[1]) == [end - len(words[1])]


def _places_of(text: str, word: str) -> list[int]:
    """Where the word stands with no word character, hyphen or apostrophe either side: from
    the text's index of words (junk._word_places, read once per text), not a scan per word."""
    if not _WORD.fullmatch(word):  # "O'Brien": no one word of the index
        return [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text)]
    after = len(word)
    return [
        at
        for at in junk._word_places(text).get(word, ())
        if text[at - 1 : at] not in _APOSTROPHES
        and text[at + after : at + after + 1] not in _APOSTROPHES
    ]


_WORD = re.compile(r"[\w-]+")
_APOSTROPHES = ("’", "'")


_FULL_NAME = re.compile(r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)+")


def _headline_word_after(text: str, surname: re.Match[str]) -> bool:
    """A word after a name in a title-case line that the text writes in lower case in some
    form: the headline's verb ("Placed" of "Pierre Thomas Placed on Injured Reserve")."""
    line_end = text.find("\n", surname.end())
    line = text[text.rfind("\n", 0, surname.start()) + 1 : line_end if line_end >= 0 else None]
    return junk.common_word(surname.group(1), text) and is_title_case(line)


def _a_surname(word: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS  # extraction has spaCy loaded already

    key = base_key(word)
    return not (
        word.lower() in STOP_WORDS
        or is_month_or_day(word)
        or key in ORG_HEADS
        or key in PLACE_HEADS
        or gazetteer.is_place(word)
        or gazetteer.is_organisation(word)
        or gazetteer.is_given_name(word)
    )


# A capitalised word right before, not one that ends a sentence ("on Friday. Baloch, ...").
_CAPITAL_BEFORE = re.compile(
    r"(?<![\w’'.-])(?!(?:The|A|An|In|On|At|By|For|And|But)\b)[A-Z][\w’'.-]*(?<!\.)[ \t]+$"
)
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")


_TITLE_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][\w’'-]*\.?)[ \t]+$")


def _title_right_before(text: str, start: int) -> bool:
    """Whether a title ("Representative", "Sen.", "President") stands right before `start`."""
    before = _TITLE_WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and is_title(before.group(1))


def _given_name_after_title(text: str, word: str, start: int) -> bool:
    """Whether `word`, right before a surname, is a given name because a title stands before
    it ("London Mayor Sadiq Khan"): not a title itself ("Secretary General Guterres"), a
    place or an organisation."""
    return (
        _title_right_before(text, start)
        and not is_title(word)
        and not gazetteer.is_place(word)
        and not gazetteer.is_organisation(word)
    )


def capitalised_before(text: str, start: int) -> bool:
    """Whether a capitalised word stands right before `start` (not one ending a sentence): a name
    found there may be a piece of a longer one ("Washington" of "Washington Post")."""
    return _CAPITAL_BEFORE.search(text, max(0, start - 30), start) is not None


def capitalised_after(text: str, end: int) -> bool:
    return _CAPITAL_AFTER.match(text, end) is not None


# A capitalised word as a title-case headline or tweet writes a common noun: "Memos", "Server".
_TITLE_CASE_WORD = re.compile(r"[A-Z][a-z]{2,}")


def without_common_nouns(text: str, start: int, end: int, label: str) -> int:
    """Where a person's or an organisation's name ends when a title-case run glued common nouns
    to it, words the same text writes in lower case ("James Comey Memos just out show …" of a
    tweet, "memos" elsewhere; "the DNC Server", "Clinton Emails"): the end before the last
    word, when the name left is written elsewhere alone ("Comey", "DNC"). One word only:
    "Amazon Web Services" is no "Amazon" with "web" and "services", "Iraqi Security Forces" no
    "Iraqi". Not a word that heads organisations' or places' names ("Justice Department", "the
    department"), nor in a name with a lower-case word ("Department of Conservation")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if label not in ("PERSON", "ORG") or len(words) < 2:
        return end
    if any(not word.group()[:1].isupper() for word in words):
        return end  # "Department of Conservation", "Center on Poverty and Inequality": a name
    word = words[-1].group()
    lower = word.lower()
    if (
        not _TITLE_CASE_WORD.fullmatch(word)
        or lower in ORG_HEADS
        or lower in PLACE_HEADS
        or lower in FACILITY_TAILS
        or lower in ORG_TAILS
        or lower in _UNIT_WORDS
        or not re.search(rf"(?<=[\s(]){lower}(?=[\s,;:!?)]|\.(?:\s|$))", text)
    ):
        return end
    kept = len(words) - 1
    head_end = start + words[kept - 1].end()
    last = words[kept - 1].group()
    tail = text[head_end:end].lower()
    # the name left alone elsewhere: no capitalised word after it ("United States" is no
    # "United" of "United Nations"), nor the words cut off ("Iraqi Security forces")
    alone = rf"(?<![\w-]){re.escape(last)}(?![\w-]|\.\w)(?![ \t]+[A-Z])"
    for found in re.finditer(alone, text):
        if not start <= found.start() < end and not text[found.end() :].lower().startswith(tail):
            return head_end
    return end


# A verb as a title-case headline writes it, third person: "Slams", "Taunts" (not "Class").
_HEADLINE_VERB = re.compile(r"[A-Z][a-z]+[^\Ws]s")
# A word of a headline that title case capitalises (function words may stay in lower case).
_LONG_WORD = re.compile(r"\b[^\W\d_][\w'’\-]{3,}")


def without_headline_verb(text: str, start: int, end: int, label: str) -> int:
    """Where a person's name ends when a title-case headline glued its verb to it ("Senator
    Jane Roe Slams Budget", "Roe Taunts G.O.P. on Bridges"): before the first word that reads
    as a verb (`_HEADLINE_VERB`), when the name before it is written elsewhere in the text
    and the name with that word is not ("Jane Roe Williams" written in the body keeps
    "Williams"). Only on a line whose long words are all capitalised."""
    if label != "PERSON":
        return end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    long_words = _LONG_WORD.findall(text, line_start, line_end)
    if len(long_words) < 4 or any(not word[0].isupper() for word in long_words):
        return end
    rest = text[:line_start] + "\n" + text[line_end:]
    words = list(re.finditer(r"\S+", text[start:end]))
    for index in range(1, len(words)):
        name_end = start + words[index - 1].end()
        with_word = text[start : start + words[index].end()]
        if _written_in(rest, with_word):
            continue
        if _HEADLINE_VERB.fullmatch(words[index].group()) and _written_in(
            rest, text[start:name_end]
        ):
            return name_end
        return end
    return end


def _written_in(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


# Words that end the name of a unit inside an organisation ("the Asian Studies Program" of a
# university), not common nouns glued to a name.
_UNIT_WORDS = frozenset({"program", "programme"})


_TWO_PLACES = re.compile(r"([A-Z][\w.]*)[-–]([A-Z][\w.]*)")


def places_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The two countries of a span that joins them with a hyphen as a modifier ("U.S.-Mexico
    border", "U.S.-China talks"): two places, no organisation. Countries only: "Kitchener-
    Waterloo" and "Dallas-Fort Worth" name one place of two cities (a state of two countries,
    "Austria-Hungary", is not told apart). [] for any other span."""
    found = _TWO_PLACES.fullmatch(text, start, end)
    if found is None or not (a_country(found.group(1)) and a_country(found.group(2))):
        return []
    return [found.span(1), found.span(2)]
