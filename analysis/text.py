"""Shared text helpers for the comparison: paragraphs and sentences with offsets, words, stems.

Every span is a [start, end) character offset into the text it was cut from (an article's body).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from kimreader.corpus.markdown import prose_blocks
from kimreader.corpus.span import TextSpan, text_span

# A word: letters/digits, with inner apostrophes or hyphens ("Jong-un", "didn't", "U.S").
WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt gov sen rep st jr sr vs etc inc corp co ltd no "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m".split()
)
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before a space.
_SENTENCE_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+|$)")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")
_WORD_OR_DOT = re.compile(r"[\w.]")
_NOT_SPACE = re.compile(r"\S")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say
    saying told would could might may must shall s t don didn doesn isn wasn weren won aren
    one also even much many well still yet however according""".split()
)


# Per-report analyses (sentences, quotes, counted words, facts) are remembered for this many
# report bodies: a comparison, its screen and the next comparison of one of the two reread none.
ARTICLES_REMEMBERED = 16


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _paragraphs(text: str) -> tuple[TextSpan, ...]:
    return tuple(_split_paragraphs(text))


def paragraphs(text: str) -> list[TextSpan]:
    """The passages of a Markdown body: its paragraphs, quotes and list items, trimmed.

    Headings, rules, tables and code are structure, not passages (`corpus.markdown` decides
    which is which, for the reader and the entity model too; and that a text written a paragraph
    a line, as scraped from a page, has a paragraph a line: `written_a_paragraph_a_line`).
    """
    return list(_paragraphs(text))


def _split_paragraphs(text: str) -> list[TextSpan]:
    spans: list[TextSpan] = []
    for block in prose_blocks(text):
        span = _trimmed(text, block.lines[0][0], block.lines[-1][1]) if block.lines else None
        if span:
            spans.append(span)
    return spans


def _trimmed(text: str, start: int, end: int) -> TextSpan | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text_span(text, start, end) if start < end else None


def sentences(text: str, start: int = 0, end: int | None = None) -> list[TextSpan]:
    """Sentences of text[start:end], with offsets into text."""
    end = len(text) if end is None else end
    spans: list[TextSpan] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if (
            is_abbreviation(text, begin, match.start())
            or _spaced_decimal(text, match.start(), end)
            or not _next_starts_sentence(text, match.end(), end)
        ):
            continue
        span = _trimmed(text, begin, match.end())
        if span:
            spans.append(span)
        begin = match.end()
    last = _trimmed(text, begin, end)
    if last:
        spans.append(last)
    return spans


# The longest abbreviation ("sept", "e.g"): reading no further back keeps a paragraph of
# ". . . ." (or "a. a. a.") linear, not quadratic.
_ABBREVIATION_READ_BACK = max(len(word) for word in _ABBREVIATIONS)


def is_abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    window = max(start, dot - _ABBREVIATION_READ_BACK)
    word = _WORD_BEFORE_DOT.search(text, window, dot)
    if not word or (word.start() == window > start and _WORD_OR_DOT.match(text, window - 1)):
        return False  # no word, or one longer than any abbreviation
    token = word.group(1).lower()
    # Single capitals ("Kim J. Un") and listed abbreviations do not end sentences.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


# "6. 1-magnitude", "3. 5 percent": a decimal point with a space after it (text rebuilt from
# tokens, as ECB+ is) is no sentence end; a year ("in 2004. 12 people") still ends one.
_SPACED_DECIMAL = re.compile(r"(?<![\d,.])\d{1,2}\. \d")


def _spaced_decimal(text: str, dot: int, end: int) -> bool:
    start = max(0, dot - 3)
    match = _SPACED_DECIMAL.search(text, start, min(end, dot + 3))
    return match is not None and match.end() - 3 == dot


def _next_starts_sentence(text: str, position: int, end: int) -> bool:
    """A sentence ends only when the next one starts like a sentence (capital, digit, quote)."""
    found = _NOT_SPACE.search(text, position, end)
    if not found:
        return True
    first = found.group()
    return first.isupper() or first.isdigit() or first in "“\"‘'([*#-—"


def paragraph_sentences(text: str) -> Iterator[tuple[TextSpan, list[TextSpan]]]:
    """Each paragraph with its sentences."""
    for paragraph in paragraphs(text):
        yield paragraph, sentences(text, paragraph.start, paragraph.end)


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _all_sentences(text: str) -> tuple[TextSpan, ...]:
    return tuple(s for p in _paragraphs(text) for s in sentences(text, p.start, p.end))


def all_sentences(text: str) -> list[TextSpan]:
    """Every sentence of every paragraph, in order (cached: each analysis step needs them)."""
    return list(_all_sentences(text))


def words(text: str, start: int = 0, end: int | None = None) -> list[TextSpan]:
    """Word tokens of text[start:end]; a possessive "'s" stays with its word."""
    end = len(text) if end is None else end
    return [TextSpan(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


@lru_cache(maxsize=50000)
def normalise_word(word: str) -> str:
    """Lowercase, curly apostrophe folded, possessive and dots dropped ("Kim’s" -> "kim")."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace(".", "")


@lru_cache(maxsize=1)
def _porter() -> Callable[[str], str]:
    from whoosh.lang.porter import stem  # lazy: whoosh is heavy for --help

    return stem


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """Porter stem of a normalised word."""
    return _porter()(word)


def content_terms(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Stemmed words without stop words; hyphenated words count as their parts."""
    end = len(text) if end is None else end
    terms: list[str] = []
    for token in WORD.findall(text, start, end):
        terms += _token_terms(token)
    return terms


@lru_cache(maxsize=50000)
def _token_terms(token: str) -> tuple[str, ...]:
    """The content terms of one word token (`content_terms`), read once per distinct token."""
    terms = []
    for part in normalise_word(token).split("-"):
        part = part.strip("'")
        if part and part not in STOP_WORDS and (len(part) > 1 or part.isdigit()):
            terms.append(stem(part))
    return tuple(terms)


def sentence_at(sentence_spans: list[TextSpan], offset: int) -> TextSpan | None:
    """The sentence holding a character offset."""
    for span in sentence_spans:
        if span.start <= offset < span.end:
            return span
    return None
