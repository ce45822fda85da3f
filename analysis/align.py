"""Aligned passages: for each passage of the leading report, its closest passages in the other.

Passages are paragraphs (a long paragraph is cut into groups of sentences). Each passage is a
TF-IDF vector of stemmed words without stop words (binary tf, smoothed idf over both reports'
passages), scored by cosine. The match is free, not order-preserving: reports do not tell a story
in the same order. Below the threshold a passage has "no close counterpart" — which says only that
this measure found none, not that the point is unique to one report.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from kimreader.analysis.text import Span, content_terms, paragraphs, sentences

# Best F1 on the gold pair (bench/compare.py prints precision/recall around it); binary tf
# beat 1 + log tf there by two passages of 22, which is within noise for so small a gold.
DEFAULT_THRESHOLD = 0.08
# Paragraphs longer than this many words are cut into sentence groups of about this size.
LONG_PARAGRAPH_WORDS = 120
CANDIDATES = 3


@dataclass(frozen=True)
class Candidate:
    b_start: int
    b_end: int
    score: float

    def to_json(self) -> dict[str, object]:
        return {"b_start": self.b_start, "b_end": self.b_end, "score": round(self.score, 4)}


@dataclass(frozen=True)
class AlignedPassage:
    """One passage of A with its best counterpart in B, or None below the threshold."""

    a_start: int
    a_end: int
    best: Candidate | None
    candidates: tuple[Candidate, ...]  # the top three, best first, whatever their score

    @property
    def score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "a_start": self.a_start,
            "a_end": self.a_end,
            "b_start": self.best.b_start if self.best else None,
            "b_end": self.best.b_end if self.best else None,
            "score": round(self.score, 4),
            "candidates": [candidate.to_json() for candidate in self.candidates],
        }


def passages(body: str, long_words: int = LONG_PARAGRAPH_WORDS) -> list[Span]:
    """Paragraphs of a body; a paragraph over `long_words` words becomes sentence groups."""
    result: list[Span] = []
    for paragraph in paragraphs(body):
        if len(paragraph.text.split()) <= long_words:
            result.append(paragraph)
            continue
        group: list[Span] = []
        for sentence in sentences(body, paragraph.start, paragraph.end):
            group.append(sentence)
            if sum(len(s.text.split()) for s in group) >= long_words // 2:
                result.append(_joined(body, group))
                group = []
        if group:
            result.append(_joined(body, group))
    return result


def _joined(body: str, group: list[Span]) -> Span:
    return Span(group[0].start, group[-1].end, body[group[0].start : group[-1].end])


def tfidf_vectors(texts: list[list[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (binary tf; idf = log((1 + n) / (1 + df)) + 1)."""
    document_frequency: Counter[str] = Counter()
    for terms in texts:
        document_frequency.update(set(terms))
    total = len(texts)
    vectors: list[dict[str, float]] = []
    for terms in texts:
        weights = {
            term: math.log((1 + total) / (1 + document_frequency[term])) + 1.0
            for term in set(terms)
        }
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        vectors.append({term: weight / norm for term, weight in weights.items()})
    return vectors


def similarity_matrix(
    body_a: str, passages_a: list[Span], body_b: str, passages_b: list[Span]
) -> list[dict[int, float]]:
    """For each A passage, the nonzero cosine scores against B passages (by B index)."""
    terms = [content_terms(body_a, p.start, p.end) for p in passages_a] + [
        content_terms(body_b, p.start, p.end) for p in passages_b
    ]
    vectors = tfidf_vectors(terms)
    vectors_a, vectors_b = vectors[: len(passages_a)], vectors[len(passages_a) :]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(vectors_b):
        for term, weight in vector.items():
            postings[term].append((index, weight))
    rows: list[dict[int, float]] = []
    for vector in vectors_a:
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for index, other in postings.get(term, ()):
                scores[index] += weight * other
        rows.append(dict(scores))
    return rows


def align(
    body_a: str,
    body_b: str,
    threshold: float = DEFAULT_THRESHOLD,
    passages_a: list[Span] | None = None,
    passages_b: list[Span] | None = None,
) -> list[AlignedPassage]:
    """Each passage of A with its top candidates in B; `best` only at or above the threshold."""
    passages_a = passages(body_a) if passages_a is None else passages_a
    passages_b = passages(body_b) if passages_b is None else passages_b
    rows = similarity_matrix(body_a, passages_a, body_b, passages_b)
    aligned: list[AlignedPassage] = []
    for passage, scores in zip(passages_a, rows, strict=True):
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:CANDIDATES]
        candidates = tuple(
            Candidate(passages_b[index].start, passages_b[index].end, score)
            for index, score in ranked
        )
        best = candidates[0] if candidates and candidates[0].score >= threshold else None
        aligned.append(AlignedPassage(passage.start, passage.end, best, candidates))
    return aligned


def without_counterpart(
    aligned: list[AlignedPassage], passages_a: list[Span], passages_b: list[Span]
) -> tuple[list[Span], list[Span]]:
    """A passages with no counterpart, and B passages that are no A passage's counterpart."""
    only_a = [passage for passage, row in zip(passages_a, aligned, strict=True) if row.best is None]
    matched_b = {(row.best.b_start, row.best.b_end) for row in aligned if row.best}
    only_b = [p for p in passages_b if (p.start, p.end) not in matched_b]
    return only_a, only_b
