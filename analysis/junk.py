"""Spans the model proposes that are not entities, each rejected with a reason.

Applied to a span of the prose text (analysis/entities.py) before mentions are merged. Some spans
are cut rather than dropped: "Twitter @LucasNolan" keeps "Twitter", "Photo United Nations" keeps
"United Nations", "Easter and Mother's Day" becomes two spans, a span crossing a line break keeps
its pieces (a caption line and the text after it are not one name), a photo credit keeps the
photographer ("Jane Doe / AP").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from kimreader.analysis.gazetteer import (
    NATIONALITY_PLURAL_ENDINGS,
    is_cited_outlet,
    is_given_name,
    is_organisation,
    is_place,
    places,
)
from kimreader.analysis.mention_types import ORG_HEADS, PLACE_HEADS, is_person_word
from kimreader.analysis.names import ACRONYM, FUNCTION_WORDS, base_key, listed, strip_titles
from kimreader.analysis.prose import DATELINE_PLACE, is_title_case, lower_case_words
from kimreader.analysis.quantities import MERIDIEM

_HANDLE = re.compile(r"[@#]\w")
_CAPTION_WORDS = re.compile(
    r"(?:(?:photo(?:graph)?s?|credit|image|video|illustration|caption|file|advertisement|"
    r"clockwise(?:\s+from)?)\b"
    r"[\s:.]*(?:by\s+)?)+",
    re.IGNORECASE,
)
_CAPTION_ANYWHERE = re.compile(
    r"(?i)\bgetty images\b|\bcontinue reading\b|\badvertisement\b|\bsign up\b|\bnewsletter\b"
)
# A photo credit names the photographer, then the agency after a slash ("Jane Doe / AP",
# "Photo: Jane Doe/Reuters"): the photographer is a person of the page, "Doe / AP" is no name.
_CREDIT_SOURCE = re.compile(
    r"\s*/\s*(?:AP|AFP|Reuters|Getty(?:\s+Images)?|EPA(?:-EFE)?|Bloomberg|Associated\s+Press|"
    r"AAP|PA|Shutterstock|Alamy|Xinhua|Kyodo|Yonhap|Sipa|Zuma|Redux|NurPhoto|Polaris)\b"
)
_AND = re.compile(r"\s+(?:and|&|or)\s+")
# Degrees and credentials after a name: "Brenda Goodman, MA", "Hansa D. Bhargava, MD".
CREDENTIALS = frozenset({"ma", "md", "phd", "ms", "msc", "mba", "jd", "rn", "do", "dds", "mph"})
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][\w ]{0,20}\)\s*)?(?:—|–|-{1,2}|:)")
_NUMBERS = re.compile(r"^[\d\s.,:/%$€£-]+$")
_DEMONYM_END = re.compile(rf"(?:{'|'.join(NATIONALITY_PLURAL_ENDINGS)})$")


def pieces(text: str, start: int, end: int, label: str) -> Iterator[tuple[int, int]]:
    """The parts of a proposed span worth keeping, after cutting lines, handles, captions and
    an interview's speaker labels."""
    start = _speaker_labels(text).get(start, start)
    for part_start, part_end in _hashtag_apart(text, start, end):
        yield from _line_pieces(text, part_start, part_end, label)


# An interview's turn opened by the speaker's initials: "NG: This study started in 1982",
# "MS Although we used ..." (a capitalised function word or pronoun after them).
_SPEAKER_LABEL = re.compile(
    r"^([A-Z]{1,3})(?::[ \t]+|[ \t]+(?=(?:The|A|An|In|On|At|For|Of|To|With|As|It|This|That|"
    r"These|There|We|Our|I|My|Yes|No|Well|So|But|And|Although|When|If|What)\b))",
    re.MULTILINE,
)


@lru_cache(maxsize=4)
def _speaker_labels(text: str) -> dict[int, int]:
    """Where each speaker label of an interview starts -> where its turn's words start: the same
    initials opening two paragraphs or more as `_SPEAKER_LABEL` ("MS" of Michael Siegel's
    answers); initials opening one paragraph so may be a name ("UN: ...")."""
    found = list(_SPEAKER_LABEL.finditer(text))
    counts: dict[str, int] = {}
    for match in found:
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return {
        m.start(): m.end()
        for m in found
        if counts[m.group(1)] >= 2 and listed(m.group(1)) is None  # "US: The …" names a country
    }


_HASHTAG_WORD = re.compile(r"#?\w+")


def _hashtag_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A hashtag is one word: "#Hamilton Chicago show" names Hamilton, then Chicago."""
    at = start + 1 if text[start : start + 1] == "#" else start
    if text[at - 1 : at] != "#":
        return [(start, end)]
    word = _HASHTAG_WORD.match(text, at, end)
    if word is None or word.end() >= end:
        return [(at, end)]
    return [(at, word.end()), (word.end(), end)]


def _line_pieces(text: str, start: int, end: int, label: str) -> Iterator[tuple[int, int]]:
    for line_start, line_end in _split(text, start, end, "\n"):
        line_start, line_end = _cut_handle(text, line_start, line_end)
        caption = _CAPTION_WORDS.match(text, line_start, line_end)
        if caption:
            line_start = caption.end()
        credit = _CREDIT_SOURCE.search(text, line_start, line_end)
        if credit:
            line_end = credit.start()
        if label == "DATE":
            line_start, line_end = _trim_date(text, line_start, line_end)
        for head_start, head_end in _headline_pieces(text, line_start, line_end, label):
            parts = (
                _split(text, head_start, head_end, _AND)
                if label in ("PERSON", "GPE", "LOC", "DATE", "EVENT")
                else _parallel_names(text, head_start, head_end)
            )
            yield from ((s, e) for s, e in parts if e > s)


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_COLON = re.compile(r":\s+")
_HEADLINE_GLUE = FUNCTION_WORDS | {"into", "out", "over", "after", "amid"}
# Words ending in "-ed" that end names ("Manchester United").
_NAME_PARTICIPLES = frozenset({"united", "limited", "incorporated", "red"})


def _headline_pieces(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """A headline in title case read as one name ("Breaking News: Sudan Bombs Yida Refugee
    Camp", "Purse Refugee Camp Bombed"): it breaks at a colon and at its verb, a word ending in
    "-s" or "-ed" that the article also writes in lower case, after a place the gazetteer has
    or at the span's end."""
    if label in ("DATE", "WORK_OF_ART") or not _in_title_case_line(text, start, end):
        return [(start, end)]
    pieces = _split(text, start, end, _COLON)
    cut: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        words = list(_HEADLINE_WORD.finditer(text, piece_start, piece_end))
        position = piece_start
        for index, word in enumerate(words):
            if index and _is_headline_verb(text, words, index, piece_start):
                cut.append((position, word.start()))
                position = _after_function_words(text, words[index + 1 :], word.end())
        cut.append((position, piece_end))
    return [
        (name_start, name_end)
        for s, e in cut
        if text[s:e].strip()
        for name_start, name_end in _body_names_of_headline(text, s, e, label)
    ]


def _body_names_of_headline(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """A headline's span that glues its words to the names the article's body writes ("Obama
    To Nominate Regina Benjamin", "Yvonne Hiller Kills", "Pierre Thomas Placed", "Apple Unveils
    New MacBook Air") is those names: every other word is a function word or one the article
    writes in lower case in some form ("nominated", "killing", "placed"), none a given name, and
    each name is written in a line not in title case, with neither of the span's words next to
    it there ("Condoleezza" of "Condoleezza Rice" is no name of its own). Not a person's, only
    an organisation or a place named twice ("Kraft Foods" over a body's "Kraft" and "foods")."""
    words = list(_HEADLINE_WORD.finditer(text, start, end))
    if len(words) < 2:
        return [(start, end)]
    common = [common_word(w.group(), text) for w in words]
    if not any(common) or all(common):
        return [(start, end)]
    names: list[tuple[int, int, int, int]] = []  # start, end, first word, last word
    for index, word in enumerate(words):
        if common[index]:
            continue
        if names and names[-1][3] == index - 1:
            names[-1] = (names[-1][0], word.end(), names[-1][2], index)
        else:
            names.append((word.start(), word.end(), index, index))
    if label != "PERSON" and len(names) < 2:
        return [(start, end)]
    if _written_outside_title_case(text, text[start:end], "", ""):
        return [(start, end)]
    for name_start, name_end, first, last in names:
        before = words[first - 1].group() if first else ""
        after = words[last + 1].group() if last + 1 < len(words) else ""
        if not _written_outside_title_case(text, text[name_start:name_end], before, after):
            return [(start, end)]
    return [(name_start, name_end) for name_start, name_end, _first, _last in names]


def common_word(word: str, text: str) -> bool:
    """A function word, or a word the text writes in lower case in one of its forms ("Kills":
    killing; "Nominates": nominated), and no given name: a headline's word, not a name's."""
    key = word.lower()
    if key in FUNCTION_WORDS:
        return True
    if not word[:1].isupper() or word.isupper() or is_given_name(word):
        return False
    return _written_in_lower_case(word, text)


def _written_in_lower_case(word: str, text: str) -> bool:
    """Does the text write `word` in lower case, in one of its forms?"""
    key = word.lower()
    stems = {key}
    for suffix in ("ing", "ies", "ied", "es", "ed", "s", "d"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            stems |= {stem + "y"} if suffix in ("ies", "ied") else {stem, stem + "e"}
    forms = {f for stem in stems for f in (stem, stem + "s", stem + "d", stem + "ed", stem + "ing")}
    forms |= {stem[:-1] + "ing" for stem in stems if stem.endswith("e")}
    forms |= {stem[:-1] + "ies" for stem in stems if stem.endswith("y")}
    forms |= {stem[:-1] + "ied" for stem in stems if stem.endswith("y")}
    return not forms.isdisjoint(lower_case_words(text))


def _written_outside_title_case(text: str, name: str, before: str, after: str) -> bool:
    """Whether the text writes `name` in a line not in title case, not right after the word
    `before` nor right before the word `after`."""
    pattern = re.compile(
        r"(?<![\w’'-])"
        + (rf"(?<!{re.escape(before)} )" if before else "")
        + re.escape(name)
        + (rf"(?! {re.escape(after)}\b)" if after else "")
        + r"(?![\w-])"
    )
    return any(not _in_title_case_line(text, m.start(), m.end()) for m in pattern.finditer(text))


def _is_headline_verb(text: str, words: list[re.Match[str]], index: int, start: int) -> bool:
    """A headline's verb whose stem the article writes in lower case: a word ending in "-s" or
    "-ed" last in the span or after a place ("Sudan Bombs Yida"); one ending in "-ing" that the
    article capitalises only in title-case lines and where capitals say nothing ("Kmart Buying
    Sears in $11.5 Billion Deal"; not the "Empire State Building" of a sentence)."""
    word = words[index].group()
    lower = word.lower()
    if len(word) < 4 or lower in _NAME_PARTICIPLES:
        return False
    if word.endswith("ing") and len(word) > 5:
        stems = {lower, lower[:-3], lower[:-3] + "e"}
    elif word.endswith("ed"):
        stems = {lower, lower[:-1], lower[:-2], lower[:-3]}
    elif word.endswith("s"):
        stems = {lower, lower[:-1]}
    else:
        return False
    if not stems & lower_case_words(text):
        return False
    if not word.endswith("ing"):
        before = text[start : words[index].start()].strip()
        return index == len(words) - 1 or is_place(before)
    return all(
        _in_title_case_line(text, at, at + len(word)) or _capitals_say_nothing(text, at)
        for at in _word_places(text).get(word, ())
    )


def _after_function_words(text: str, words: list[re.Match[str]], position: int) -> int:
    """Where the name after a headline's verb starts: past "Into", "At", "Of"."""
    for word in words:
        if word.group().lower() not in _HEADLINE_GLUE:
            return word.start()
    return position


_DATE_TOKEN = re.compile(
    r"(?i)^(?:\d{1,2}(?:st|nd|rd|th)?|\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|of|the|early|late|mid|last|next|this)$"
)


_CALENDAR_WORD = re.compile(
    r"(?i)(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|jun|jul|aug|sep|sept|"
    r"oct|nov|dec)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|"
    r"may|june|july|august|september|october|november|december)"
)
_DATE_WORD = re.compile(rf"{_CALENDAR_WORD.pattern}|(?i:last|next|this|early|late|mid)")


def _only_date_words(surface: str) -> bool:
    """Two words or more, each a weekday's or a month's name or short form, or "last", "next",
    … before one: a date, whatever the model called it."""
    words = surface.replace(",", " ").split()
    return (
        len(words) >= 2
        and all(_DATE_WORD.fullmatch(word) for word in words)
        and any(_CALENDAR_WORD.fullmatch(word) for word in words)
    )


def _trim_date(text: str, start: int, end: int) -> tuple[int, int]:
    """ "22 Dec 2016 651" -> "22 Dec 2016"; "Friday, days" -> "Friday": a date ends at its last
    date word."""
    last = start
    for token in re.finditer(r"[^\s,]+", text[start:end]):
        if not _DATE_TOKEN.match(token.group()):
            break
        last = start + token.end()
    return start, last


def _split(
    text: str, start: int, end: int, separator: str | re.Pattern[str]
) -> list[tuple[int, int]]:
    pattern = separator if isinstance(separator, re.Pattern) else re.compile(re.escape(separator))
    parts, position = [], start
    for match in pattern.finditer(text, start, end):
        parts.append((position, match.start()))
        position = match.end()
    parts.append((position, end))
    return parts


def _parallel_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Apple Pay and Google Pay" is two names: both sides end in the same word; so are two
    names of two words or more with a head word each ("Museum of Neon Art and the Neon Museum",
    "Lion Air and Ethiopian Airlines"; not "Harry Potter and the Cursed Child") and an acronym
    after a name of several words ("Whole Foods and QFC"). An organisation's own "and" stays
    ("Procter and Gamble", "Tourism and Travel Council")."""
    parts = _split(text, start, end, _AND)
    if len(parts) == 2:
        first, second = (text[s:e].split() for s, e in parts)
        if (
            len(first) >= 2
            and second
            and (
                (len(second) >= 2 and first[-1] == second[-1])
                or _both_named_by_heads(first, second[1:] if second[0] == "the" else second)
                or (len(second) == 1 and ACRONYM.match(second[0]) is not None)
            )
        ) or _both_listed(" ".join(first), " ".join(second)):
            return parts
    return [(start, end)]


def _both_named_by_heads(first: list[str], second: list[str]) -> bool:
    """ "Museum of Neon Art and the Neon Museum" names two museums; "Harry Potter and the
    Cursed Child" is one title: each side of two names has a head word of its own."""
    heads = ORG_HEADS | PLACE_HEADS
    if _complement_goes_on(first, second, heads):
        return False
    return len(second) >= 2 and all(
        any(base_key(word) in heads for word in side if not _OWNER.search(word))
        for side in (first, second)
    )


def _complement_goes_on(first: list[str], second: list[str], heads: frozenset[str]) -> bool:
    """ "House Committee on Oversight and Government Reform": after a head word and its "of",
    "on" or "for", the "and" joins the complement's words, when the words after it neither end
    in a head word nor have an "of" of their own ("Museum of Neon Art and the Neon Museum",
    "Bank of Japan and Bank of Korea" stay two)."""
    keys = [base_key(word) for word in first]
    opens_complement = any(
        key in heads and following in ("of", "on", "for")
        for key, following in zip(keys, keys[1:], strict=False)
    )
    second_keys = [base_key(word) for word in second]
    return (
        opens_complement
        and bool(second_keys)
        and second_keys[-1] not in heads
        and not {"of", "on", "for"} & set(second_keys)
    )


# An owner's possessive is no head word of the name after it ("the Army’s Research and
# Referral Hospital" is one hospital).
_OWNER = re.compile(r"['’]s?$")


def _both_listed(first: str, second: str) -> bool:
    """ "People and Us Weekly": two listed outlets or organisations are two."""
    return all(is_organisation(name) or is_cited_outlet(name) for name in (first, second))


def _cut_handle(text: str, start: int, end: int) -> tuple[int, int]:
    handle = _HANDLE.search(text, start, end)
    return (start, handle.start()) if handle else (start, end)


def _in_title_case_line_of_common_words(text: str, start: int, end: int) -> bool:
    """A span of a headline in title case whose words the article all writes in lower case
    elsewhere ("Investigation of Facility Pending"): capitals that say nothing."""
    words = re.findall(r"[A-Za-z]+", text[start:end])
    words = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    if not _in_title_case_line(text, start, end):
        return False
    lower = lower_case_words(text)
    return all(w.lower() in lower for w in words)


class _Lines:
    """Where the lines of one text start, and what was found of them and of its words, for
    lookups per mention that reading from a mention to its line's start (`rfind`) or a cache of
    recent words made quadratic on a long line or a long text."""

    def __init__(self, text: str) -> None:
        self.newlines = [match.start() for match in re.finditer("\n", text)]
        self.title_case: dict[tuple[int, int], bool] = {}
        self.lower_case: dict[int, bool] = {}  # by the line's start
        self.capitals_say_nothing_only: dict[str, bool] = {}

    def start(self, at: int) -> int:
        """The start of the line holding `at` (after the last line break before it)."""
        before = bisect.bisect_left(self.newlines, at)
        return self.newlines[before - 1] + 1 if before else 0

    def end(self, at: int, length: int) -> int:
        """The end of the line holding `at`: the first line break at or after it."""
        after = bisect.bisect_left(self.newlines, at)
        return self.newlines[after] if after < len(self.newlines) else length


@lru_cache(maxsize=4)
def _lines(text: str) -> _Lines:
    return _Lines(text)


def line_has_lower_case(text: str, at: int) -> bool:
    """Whether the line holding `at` has a lower-case letter (once per line and text: read per
    mention from the line's start, a long line in capitals made extraction quadratic)."""
    lines = _lines(text)
    start = lines.start(at)
    found = lines.lower_case.get(start)
    if found is None:
        line = text[start : lines.end(at, len(text))]
        found = lines.lower_case[start] = any(char.islower() for char in line)
    return found


def _in_title_case_line(text: str, start: int, end: int) -> bool:
    """Whether the line from `start`'s line start to `end`'s line end is in title case (once
    per line and text)."""
    lines = _lines(text)
    bounds = (lines.start(start), lines.end(end, len(text)))
    found = lines.title_case.get(bounds)
    if found is None:
        found = lines.title_case[bounds] = is_title_case(text[bounds[0] : bounds[1]])
    return found


def junk_reason(text: str, start: int, end: int, label: str) -> str | None:
    """Why text[start:end] is not an entity, or None."""
    surface = text[start:end]
    if _speaker_labels(text).get(start, -1) >= end:
        return "an interview's speaker label"
    if _in_title_case_line_of_common_words(text, start, end):
        return "common words of a title-case headline"
    if _NUMBERS.match(surface):
        return "number only"
    if _CONTRACTION.fullmatch(surface):
        return "a pronoun's contraction"  # "I‘m beyond grateful", a quote mark as apostrophe
    if _CAPTION_ANYWHERE.search(surface):
        return "caption or credit"
    if _cuts_a_word(text, start, end):
        return "a cut of a longer word"  # "COVI" of "COVID-19"
    if label == "ORG" and surface in _NEVER_ORGANISATIONS:
        return "a scan or a time zone, no organisation"
    if label in ("GPE", "LOC", "FAC") and _is_cut_from_its_number(text, start, end):
        return "a numbered place cut from its number"  # "7th Congressional District"
    if _is_time_zone(text, start, end):
        return "a time zone after a clock time"  # "5:30 p.m. IST", "(1620 UTC)"
    if label == "PERSON" and any(ch.isdigit() for ch in surface):
        return "digits in a name"
    if label not in ("DATE", "TIME", "EVENT") and _only_date_words(surface):
        return "a date's words"  # "updated 8:41 p.m. EST, Tue March 3", "Last Friday"
    key = base_key(surface)
    if key in CREDENTIALS and text[max(0, start - 2) : start] == ", ":
        return "credential after a name"
    if _is_dateline(text, start, end):
        return "dateline"
    if _is_title_alone(key):
        return "title without its name"
    if " " not in key and _OFFICE_AFTER.match(text, end) and not is_organisation(surface):
        return "the portfolio of a title"  # "Railway Minister Piyush Goyal"
    if (
        label == "ORG"
        and _PORTFOLIO_BEFORE.search(text, max(0, start - 30), start)
        and not is_place(surface)
    ):
        return "the portfolio of a title"  # "Minister of Communications and Information ..."
    if _PLURAL_ACRONYM_BEFORE.search(text, max(0, start - 12), start):
        return "the words a plural acronym stands for"
    if label in ("PERSON", "NORP", "ORG") and _is_demonym(key):
        return "people of a place"
    if _DISEASE_TAIL.search(surface):
        return "a disease"  # "Ebola virus disease"
    byline = _BYLINE.match(text, start)
    if byline is not None and byline.end() >= end:
        return "byline"
    if label not in ("DATE", "EVENT") and _is_common_word_opening(text, start, end):
        return "common word opening a sentence"
    if label in ("PERSON", "GPE", "LOC") and _is_quoted_title(text, start, end):
        return "title of a work"
    if label in ("PERSON", "ORG") and _is_quoted_phrase(text, start, end):
        return "a phrase in single quotes"  # "brought up the 'Golden Shower Thing' and said"
    if label == "PERSON" and _common_word_in_a_list_of_capitals(text, start, end):
        return "a common word of a title"  # "a book, Higher Loyalty: Truth, Lies, and ..."
    return None


# A phrase of capitalised words in straight single quotes: after a space or a double quote,
# before a space or punctuation (not an apostrophe inside a word).
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){1,5})'(?![\w'])")


def _is_quoted_phrase(text: str, start: int, end: int) -> bool:
    """A name that is the whole of a phrase of capitalised words in single quotes, as a quote
    inside a quote writes one (the president brought up the 'Golden Shower Thing'), ending in
    no organisation's name or head word: a phrase quoted, not an entity."""
    if text[start : start + 1] == "'":
        start += 1
    line_start = text.rfind("\n", 0, start) + 1
    for found in _SINGLE_QUOTED.finditer(text, line_start, min(len(text), end + 2)):
        if found.start(1) <= start and end <= found.end(1) + 1:
            phrase = found.group(1)
            return not is_organisation(phrase) and phrase.split()[-1].lower() not in ORG_HEADS
    return False


# Three or more capitalised words in a list ("Truth, Lies, and Leadership").
_CAPITALS_LIST = re.compile(
    r"[A-Z][a-z]+(?:,[ \t]+[A-Z][a-z]+)+,?[ \t]+(?:and|or|&)[ \t]+[A-Z][a-z]+"
)


def _common_word_in_a_list_of_capitals(text: str, start: int, end: int) -> bool:
    """One capitalised word the text writes in lower case too ("lie"), in a list of capitalised
    words none of which is a given name, a place or an organisation: a title's words ("Truth,
    Lies, and Leadership"), not a person's name."""
    word = text[start:end]
    if " " in word or not word.istitle() or not _written_in_lower_case(word, text):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    for found in _CAPITALS_LIST.finditer(text, line_start, min(len(text), end + 200)):
        if found.start() <= start and end <= found.end():
            words = [w for w in re.findall(r"[A-Z][a-z]+", found.group()) if w != word]
            return not any(is_given_name(w) or is_place(w) or is_organisation(w) for w in words)
    return False


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    """A span that starts or ends inside a word of the text names no whole word ("COVI" read
    in "COVID-19")."""
    return bool(
        (start > 0 and text[start - 1].isalnum() and text[start : start + 1].isalnum())
        or (end > start and text[end - 1].isalnum() and text[end : end + 1].isalnum())
    )


# Capitals the model reads as an organisation that name none in the news: scans and the
# time zone of India (the other time zones, and "COVID", are aliases.json's not_entities, for every
# label; these only as organisations: "CT" is Connecticut's abbreviation, "IST" Istanbul's airport).
_NEVER_ORGANISATIONS = frozenset({"CT", "PET", "MRI", "IST"})


_ORDINAL_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)[ \t]+$")


def _is_cut_from_its_number(text: str, start: int, end: int) -> bool:
    """Words after an ordinal that end in a place's head ("Maryland's 7th Congressional
    District"): the model cut the number off; "Congressional District" alone names no place."""
    words = base_key(text[start:end]).split()
    return (
        len(words) >= 2
        and words[-1] in PLACE_HEADS
        and not is_place(text[start:end])
        and _ORDINAL_BEFORE.search(text, max(0, start - 12), start) is not None
    )


# A clock time just before: "8:30 p.m.", "16:20", "9am", "(1620" of "(1620 UTC)". Not
# quantities' time of day (_TIME): this one needs minutes or am/pm, and takes "(1620".
_CLOCK_BEFORE = re.compile(
    rf"(?:\b\d{{1,2}}[:.]\d{{2}}(?:\s*{MERIDIEM})?|\b\d{{1,2}}\s*{MERIDIEM}|\(\d{{4}})"
    r"[ \t]*$",
    re.IGNORECASE,
)
_ZONE = re.compile(r"[A-Z]{2,5}")


def _is_time_zone(text: str, start: int, end: int) -> bool:
    """Capitals right after a clock time are its time zone ("5:30 p.m. IST", "16:20 GMT",
    "(1620 UTC)"), not an organisation, unless the gazetteer lists them."""
    surface = text[start:end]
    return (
        _ZONE.fullmatch(surface) is not None
        and _CLOCK_BEFORE.search(text, max(0, start - 16), start) is not None
        and not is_organisation(surface)
    )


# "I'm", "We’ve", "I‘m" (the opening quote mark typed for an apostrophe, which the model's
# tokenizer does not split off): a pronoun and its verb, no name.
_CONTRACTION = re.compile(r"(?i:I|we|you|they|he|she|it|that|there)['’‘`](?:m|ve|d|ll|re|s)")


# "Reviewed by Hansa D. Bhargava, MD": the verb of a byline or credit, not a name.
_BYLINE = re.compile(r"(?:Reviewed|Written|Edited|Reported|Compiled|Produced)(?=\s+by\s)")


# Where capitals say nothing: a sentence's start (a block, a full stop, a dateline's dash or an
# opening quote before), or after a possessive ("our Services" in a privacy notice).
_SENTENCE_START = re.compile(
    r"(?:^|[.!?][\"”’)]?[ \t]+|[—–][ \t]*|[“\"‘][ \t]*|"
    r"(?<![\w-])(?:[Oo]ur|[Yy]our|[Tt]heir|[Mm]y|[Ii]ts)[ \t]+)$",
    re.MULTILINE,  # ^ after the line's newline
)


def _is_common_word_opening(text: str, start: int, end: int) -> bool:
    """A capitalised word that opens a sentence, that the article writes in lower case elsewhere
    and never capitalised inside a sentence ("CAIRO — Gunmen opened fire ... the gunmen fled"):
    a common noun, not a name."""
    word = text[start:end]
    if not word.isalpha() or not word[:1].isupper() or not word[1:].islower():
        return False
    if not _capitals_say_nothing(text, start):
        return False
    return _only_capitalised_where_capitals_say_nothing(text, word)


def _only_capitalised_where_capitals_say_nothing(text: str, word: str) -> bool:
    """The text writes `word` in lower case too, and every time with its capital, capitals say
    nothing there ("Rice said ..." where the article also has "Condoleezza Rice": a name after
    all). Once per word and text (kept with the text's lines: a cache of the last few hundred
    words, on a text of more, read every place of a word again per mention)."""
    verdicts = _lines(text).capitals_say_nothing_only
    found = verdicts.get(word)
    if found is None:
        found = verdicts[word] = _read_capitals_of_word(text, word)
    return found


def _read_capitals_of_word(text: str, word: str) -> bool:
    places = _word_places(text)
    lower = word.lower()
    if lower not in places and (
        lower.isalnum()  # else lower case made a mark that is no word character ('İ' -> 'i̇')
        or re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is None
    ):
        return False
    return all(_capitals_say_nothing(text, start) for start in places.get(word, ()))


@lru_cache(maxsize=4)
def _word_places(text: str) -> dict[str, list[int]]:
    """Where each word stands: the start of every run of word characters and hyphens (so a
    word's places are those with no word character or hyphen either side)."""
    places: dict[str, list[int]] = {}
    for match in re.finditer(r"[\w-]+", text):
        places.setdefault(match.group(), []).append(match.start())
    return places


def _capitals_say_nothing(text: str, start: int) -> bool:
    line_start = _lines(text).start(start)
    # A match of _SENTENCE_START ends in blanks after at most seven other characters ("Their"
    # and the character before it): the search starts there, not at the line's start (a search
    # from a long line's start, per capitalised word, made hostile text quadratic).
    blank = start
    while blank > line_start and text[blank - 1] in " \t":
        blank -= 1
    return _SENTENCE_START.search(text, max(line_start, blank - 8), start) is not None


_OPENING_QUOTES = '“"‘'
_CLOSING_QUOTES = '”"’'


def _is_quoted_title(text: str, start: int, end: int) -> bool:
    """A name that is the whole of a short quotation of capitalised words is the title of a
    game, film or book (“Eve Valkyrie”, “Until Dawn”), not a person or a place. One quoted word
    may be a nickname (“LiLo”) and stays."""
    before = text[max(0, start - 40) : start]
    opening = max(before.rfind(q) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    quote_start = start - len(before) + opening + 1
    closing = min(
        (i for q in _CLOSING_QUOTES if (i := text.find(q, end, end + 40)) >= 0), default=-1
    )
    if closing < 0:
        return False
    quoted = text[quote_start:closing].split()
    return (
        2 <= len(quoted) <= 6
        and "\n" not in text[quote_start:closing]
        and all(word[:1].isupper() or not word[:1].isalpha() for word in quoted)
    )


# "NGOs [Non-Governmental Organizations]": what a common noun's acronym stands for is no name.
_PLURAL_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}s[ \t]*[(\[]$")


_PORTFOLIO_BEFORE = re.compile(r"\b(?:[Mm]inister|[Ss]ecretary)[ \t]+(?:of|for)[ \t]+\Z")
_OFFICE_AFTER = re.compile(r"[ \t]+(?:Minister|Secretary|Spokesman|Spokeswoman|Spokesperson)\b")


def _is_title_alone(key: str) -> bool:
    """ "Detective Inspector", "Crown Prince": a rank or office of several words the model cut
    off the name after it. One word may be a surname ("King", "Bishop")."""
    words = key.split()
    if len(words) >= 2 and is_person_word(words[-1]) and words[-1] not in ORG_HEADS:
        # "Vice Chairman", "Chief Executive", "Senior Vice President": an office's words only
        return all(is_person_word(w) or w in _OFFICE_MODIFIERS for w in words[:-1])
    if len(words) >= 2 and words[-1] in _LEGAL_OFFICES:
        # "Special Counsel", "Independent Counsel", "Deputy Prosecutor": an office, no body
        return all(w in _OFFICE_MODIFIERS or w in _LEGAL_OFFICE_MODIFIERS for w in words[:-1])
    return len(words) >= 2 and strip_titles([*words, "-"]) == ["-"]


_LEGAL_OFFICES = frozenset("counsel prosecutor".split())
_LEGAL_OFFICE_MODIFIERS = frozenset("special independent general public state".split())


_OFFICE_MODIFIERS = frozenset(
    "vice deputy executive senior chief assistant acting associate managing principal".split()
)


def _is_dateline(text: str, start: int, end: int) -> bool:
    """ "WASHINGTON —" or "MOSCOW (AP) —" opening a paragraph: where the report was filed."""
    surface = text[start:end]
    at_line_start = start == 0 or text[start - 1] == "\n"
    return (
        at_line_start
        and surface.isupper()
        and len(surface) > 3
        and bool(_DATELINE_AFTER.match(text, end))
    )


# A dateline's place in capitals opening a line, then its region or state ("Fla.", "West
# Bank"), a date ("Nov 15") and the outlet in brackets, each if written, and a dash (or the
# line's end after a state and a date): "WASHINGTON (AP) --", "RAMALLAH, West Bank (AP) -",
# "WASHINGTON, Nov 15 (Reuters) -", "OSLO, Norway -", "OLYMPIA, Wash. Dec 30, 2004".
_DATELINE_REGION = r"(?:,[ \t]+[A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*){0,2})"
_DATELINE_DATE = r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?)"
_DATELINE_OUTLET = r"(?:\([A-Z][\w /&.-]{0,30}\)[ \t]*)"
_DATELINE_PLACE = re.compile(
    rf"^{DATELINE_PLACE}(?="
    rf"{_DATELINE_REGION}?{_DATELINE_DATE}?[ \t]*{_DATELINE_OUTLET}?(?:—|–|-{{1,2}})(?:[ \t]|$)"
    rf"|{_DATELINE_REGION}{_DATELINE_DATE}[ \t]*$)",
    re.MULTILINE,
)


@lru_cache(maxsize=4)
def dateline_places(text: str) -> frozenset[tuple[int, int]]:
    """The spans of the places datelines name ("WASHINGTON" of "WASHINGTON (AP) --"): where the
    report was filed is a place of the report (read once per text)."""
    return frozenset(
        match.span() for match in _DATELINE_PLACE.finditer(text) if len(match.group()) > 2
    )


# A name ending in a lower-case word for a disease: "Ebola virus disease", "Zika virus".
_DISEASE_TAIL = re.compile(r"[ \t](?:virus|disease|fever|syndrome|flu)$")


def _is_demonym(key: str) -> bool:
    """ "Africans", "Kenyans", "Americans", "American Samoans": people of a place, not a person
    or an organisation."""
    if not _DEMONYM_END.search(key) or is_given_name(key):
        return False  # "Francis" is no people of Franca
    known = places()
    stems = {key[:-1], key[:-2], key[:-3], key[:-3] + "a", key[:-4] + "a", key[:-2] + "a"}
    return any(stem in known for stem in stems if len(stem) > 2)
