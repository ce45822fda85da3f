"""Distinctive words: terms one report uses far more than the other.

Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
Words"), over stemmed unigrams and bigrams without stop words. With only two reports there is no
background corpus, so the prior is their pooled counts (alpha_w = pooled count of w, alpha_0 =
pooled total): a word's z-score then rewards both a lopsided split and enough uses to trust it.
Names are left out (the Entities view covers them): a capitalised word in mid-sentence, or a
token inside an entity mention.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kimreader.analysis.entity import Entity
from kimreader.analysis.text import (
    ARTICLES_REMEMBERED,
    STOP_WORDS,
    WORD,
    all_sentences,
    normalise_word,
    stem,
)

TOP_TERMS = 10


@dataclass(frozen=True)
class Term:
    """A distinctive term: its readable form, z-score (positive: A's, negative: B's), counts."""

    term: str
    z: float
    count_a: int
    count_b: int

    def to_json(self) -> dict[str, object]:
        return {
            "term": self.term,
            "z": round(self.z, 3),
            "count_a": self.count_a,
            "count_b": self.count_b,
        }


@dataclass
class _Counts:
    terms: Counter[str]
    # Each term's surface forms with their counts, in the order first read (plain dicts: one
    # per term, so they stay light).
    surfaces: dict[str, dict[str, int]]
    total: int
    capitalised: Counter[str]  # stems capitalised in mid-sentence (or inside an entity)


def count_terms(body: str, entities: Sequence[Entity] = ()) -> _Counts:
    """Stemmed unigrams and adjacent bigrams (neither a stop word, same sentence); remembered
    per report (the counts are shared: read them, never change them)."""
    return _counted_terms(body, tuple(entities))


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _counted_terms(body: str, entities: tuple[Entity, ...]) -> _Counts:
    in_names = {i for entity in entities for s, e in entity.mentions for i in range(s, e)}
    name_positions = sorted(in_names)
    # Every count in reading order, counted at the end (Counter's C loop; first uses keep
    # their order): each term and bigram, each (term, surface form), each capitalised stem.
    counted: list[str] = []
    forms: list[tuple[str, str]] = []
    capitals: list[str] = []
    # Each distinct token read once: its (normalised word, stem), or None for a stop word, a
    # number or a single letter (a report repeats most of its words).
    read: dict[str, tuple[str, str] | None] = {}
    for sentence in all_sentences(body):
        # Where the sentence overlaps no name, no token can start inside one: its words alone.
        at_name = bisect_left(name_positions, sentence.start)
        named = at_name < len(name_positions) and name_positions[at_name] < sentence.end
        tokens = (
            [(m.group(), m.start()) for m in WORD.finditer(body, sentence.start, sentence.end)]
            if named
            else [(text, -1) for text in WORD.findall(body, sentence.start, sentence.end)]
        )
        previous: tuple[str, str] | None = None
        first = True
        for text, at in tokens:
            if text in read:
                entry = read[text]
            else:
                word = normalise_word(text)
                skip = word in STOP_WORDS or len(word) < 2 or word.isdigit()
                entry = read[text] = None if skip else (word, stem(word))
            if entry is None:
                previous, first = None, False
                continue
            word, key = entry
            if (not first and text[0].isupper()) or at in in_names:
                capitals.append(key)
                previous, first = None, False
                continue
            first = False
            counted.append(key)
            forms.append((key, word))
            if previous is not None:
                bigram = f"{previous[0]} {key}"
                counted.append(bigram)
                forms.append((bigram, f"{previous[1]} {word}"))
            previous = (key, word)
    terms: Counter[str] = Counter(counted)
    surfaces: dict[str, dict[str, int]] = {}
    for (key, form), count in Counter(forms).items():
        if key in surfaces:
            surfaces[key][form] = count
        else:
            surfaces[key] = {form: count}
    total = sum(count for term, count in terms.items() if " " not in term)
    return _Counts(terms, surfaces, total, Counter(capitals))


def log_odds(counts_a: _Counts, counts_b: _Counts) -> dict[str, float]:
    """z-scores of the log-odds ratio of each term, A against B, pooled counts as prior."""
    terms_a, terms_b = counts_a.terms, counts_b.terms
    total_a, total_b = counts_a.total, counts_b.total
    alpha_0 = total_a + total_b
    # A score depends on the term's two counts alone: each pair of counts is scored once.
    by_counts: dict[tuple[int, int], float] = {}

    def z(y_a: int, y_b: int) -> float:
        alpha = y_a + y_b
        rest_a, rest_b = total_a + alpha_0 - y_a - alpha, total_b + alpha_0 - y_b - alpha
        if rest_a <= 0 or rest_b <= 0:
            # the term is every word of both reports ("Hello." against "Hello." or nothing):
            # no odds against other words, nothing that tells the reports apart
            by_counts[y_a, y_b] = 0.0
            return 0.0
        odds_a = (y_a + alpha) / rest_a
        odds_b = (y_b + alpha) / rest_b
        variance = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
        score = by_counts[y_a, y_b] = (math.log(odds_a) - math.log(odds_b)) / math.sqrt(variance)
        return score

    scores: dict[str, float] = {}
    get_a, get_b = terms_a.get, terms_b.get
    for term in dict.fromkeys([*terms_a, *terms_b]):  # A's order, then B's: ties stay put
        counts = (get_a(term, 0), get_b(term, 0))
        found = by_counts.get(counts)
        scores[term] = z(*counts) if found is None else found
    return scores


def distinctive_terms(
    body_a: str,
    body_b: str,
    entities_a: Sequence[Entity] = (),
    entities_b: Sequence[Entity] = (),
    top: int = TOP_TERMS,
) -> tuple[list[Term], list[Term]]:
    """The `top` terms most typical of A, and of B, as readable surface forms."""
    counts_a, counts_b = count_terms(body_a, entities_a), count_terms(body_b, entities_b)

    # A name: capitalised in mid-sentence at least as often as written in lower case.
    def pooled(counts: str, key: str) -> int:
        return getattr(counts_a, counts).get(key, 0) + getattr(counts_b, counts).get(key, 0)

    proper = {
        key
        for key in counts_a.capitalised.keys() | counts_b.capitalised.keys()
        if pooled("capitalised", key) >= pooled("terms", key)
    }
    scores = {
        term: z
        for term, z in log_odds(counts_a, counts_b).items()
        if (term not in proper if " " not in term else proper.isdisjoint(term.split()))
    }

    def readable(term: str) -> str:
        forms_a, forms_b = counts_a.surfaces.get(term, {}), counts_b.surfaces.get(term, {})
        surfaces = Counter(forms_a) + Counter(forms_b)
        return surfaces.most_common(1)[0][0]

    def pick(ranked: Iterator[str]) -> list[Term]:
        chosen: list[Term] = []
        chosen_keys: list[str] = []
        for term in ranked:
            if len(chosen) >= top:
                break
            # A word used only inside a chosen bigram adds nothing ("war" after "trade war").
            if any(
                term in c_key.split() and pooled_count(term) == pooled_count(c_key)
                for c_key in chosen_keys
            ):
                continue
            chosen_keys.append(term)
            chosen.append(
                Term(readable(term), scores[term], counts_a.terms[term], counts_b.terms[term])
            )
        return chosen

    def pooled_count(term: str) -> int:
        return counts_a.terms[term] + counts_b.terms[term]

    # Ties (common in short reports) go to bigrams, which read better than single words.
    ranked_a = _in_order([(-z, -len(t.split()), t) for t, z in scores.items() if z > 0])
    ranked_b = _in_order([(z, -len(t.split()), t) for t, z in scores.items() if z < 0])
    return pick(ranked_a), pick(ranked_b)


def _in_order(keyed: list[tuple[float, int, str]]) -> Iterator[str]:
    """The terms of (key..., term) tuples by increasing key, as `sorted` gives them; a heap, as
    only the first few are read."""
    heapq.heapify(keyed)
    while keyed:
        yield heapq.heappop(keyed)[-1]
