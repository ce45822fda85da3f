"""Related articles: ranked by meaning and words together, each with its score, cut where the
score says "not related".

A candidate's score is a weighted mean of two cosines with the article: its article vector
(the mean of its sentence embeddings, analysis/embed.py) and TF-IDF over stemmed words without
stop words (1 + log tf; idf over the article and its candidates). An article without stored
embeddings is scored by words alone, against a cut made for words. The same ranking orders the
compare picker's candidates (`rank_related` over the whole library).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kimreader.analysis.text import content_terms
from kimreader.corpus.article import Article

if TYPE_CHECKING:
    import numpy as np

# Weight of the meaning cosine in the score; words get the rest. On the 58 ECB+ reports not
# reserved (bench/meaning.py), P@5 with "same event" relevant is 0.972 at 0.5, 0.962 at 0.7 (the
# weight before), 0.941 for meaning alone and 0.966 for the plain TF-IDF baseline; chosen on two
# topics at a time, 0.5 wins each time (0.972 on the topic left out, TF-IDF 0.966).
MEANING_WEIGHT = 0.5
# Below these scores an article is not related. On those reports, at 0.35, 99% of same-event
# pairs are above it and 99.4% of pairs of different topics below (0.7 and 0.4 before: 100% and
# 97.5%); by words alone, 0.12.
RELATED_CUT = 0.35
WORDS_CUT = 0.12


@dataclass(frozen=True)
class Related:
    article: Article
    score: float  # what the ranking and the cut use
    words: float  # TF-IDF cosine
    meaning: float | None  # article-vector cosine; None when either has no embeddings

    @property
    def related(self) -> bool:
        return self.score >= (RELATED_CUT if self.meaning is not None else WORDS_CUT)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.article.id,
            "title": self.article.title,
            "score": round(self.score, 4),
            "words": round(self.words, 4),
            "meaning": None if self.meaning is None else round(self.meaning, 4),
            "method": "words" if self.meaning is None else "meaning+words",
        }


def word_cosines(article: Article, candidates: Sequence[Article]) -> np.ndarray:
    """TF-IDF cosine of the article with each candidate, idf over all of them."""
    from kimreader.analysis.align import term_tokens, tfidf_cosines

    texts = [content_terms(article.body)] + [content_terms(c.body) for c in candidates]
    rows, terms, _ = term_tokens(texts)
    return tfidf_cosines(rows, terms, len(texts), 1, log_tf=True)[0]


def rank_related(
    article: Article,
    candidates: Sequence[Article],
    vectors: Mapping[str, np.ndarray],
) -> list[Related]:
    """Every candidate (never the article itself), best first; `vectors` maps article ids to
    their article vectors (`ArticleEmbeddings.article_vector`), missing ones are fine."""
    candidates = [c for c in candidates if c.id != article.id]
    if not candidates:
        return []
    words = word_cosines(article, candidates)
    own = vectors.get(article.id)
    ranked: list[Related] = []
    for candidate, word_score in zip(candidates, words.tolist(), strict=True):
        other = vectors.get(candidate.id)
        if own is None or other is None:
            ranked.append(Related(candidate, word_score, word_score, None))
            continue
        meaning = float(own @ other)
        score = MEANING_WEIGHT * meaning + (1.0 - MEANING_WEIGHT) * word_score
        ranked.append(Related(candidate, score, word_score, meaning))
    ranked.sort(key=lambda r: (-r.related, -r.score, r.article.id))
    return ranked
