"""Passage alignment scores: word TF-IDF cosine averaged with a character-trigram cosine."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from kimreader.analysis.align import (
    CANDIDATES,
    DEFAULT_THRESHOLD,
    MAX_COUNTERPARTS,
    align,
    passages,
    sentence_cosines,
    similarity_matrix,
    strongest_few,
    term_tokens,
    term_trigrams,
    tfidf_cosines,
)
from kimreader.analysis.text import content_terms
from kimreader.corpus.span import TextSpan

PARAGRAPHS = [
    "Kim Jong Un arrived in Beijing aboard an armored train for talks with Xi Jinping.",
    "Sanctions were designed to bring the North to the negotiating table, a professor said.",
    "The trade war between China and the United States gives Pyongyang new leverage.",
    "A delegation of provincial leaders inspected factories and farms near the border.",
    "Putin has asked him to visit Russia in September, and Trump may invite him too.",
]


def scores(a: str, b: str, word_weight: float | None = None) -> list[list[float]]:
    extra = {} if word_weight is None else {"word_weight": word_weight}
    return similarity_matrix(a, passages(a), b, passages(b), **extra).tolist()


def test_identical_passages_score_one() -> None:
    text = PARAGRAPHS[0]
    assert scores(text, text)[0][0] == pytest.approx(1.0)
    row = align(text, text)[0]
    assert row.best is not None and row.score == pytest.approx(1.0)
    assert row.score <= 1.0  # rounding never pushes a copy over 1


def test_disjoint_vocabulary_scores_zero_or_below_the_threshold() -> None:
    # No word and no trigram in common: exactly nothing, and so no candidate at all.
    assert scores("Zebra quux.", "Moon obelisk.") == [[0.0]]
    assert align("Zebra quux.", "Moon obelisk.")[0].candidates == ()
    # Different words that share a few trigrams ("arm", "ord", " in"): low, no counterpart.
    low = scores(PARAGRAPHS[3], "Charming alarms disturbed the orderly insects.")[0][0]
    assert 0.0 < low < DEFAULT_THRESHOLD


def test_trigrams_let_related_word_forms_meet() -> None:
    a = "North Korean denuclearization stalled."
    b = "Korea and its nuclear arsenal."
    assert scores(a, b, word_weight=1.0) == [[0.0]]  # "korean" and "korea" stem apart
    assert scores(a, b)[0][0] > 0.1
    assert term_trigrams("kim") == (" ki", "kim", "im ")


def test_a_moved_paragraph_finds_its_copy() -> None:
    a = "\n\n".join(PARAGRAPHS)
    for seed in range(5):
        shuffled = PARAGRAPHS[:]
        random.Random(seed).shuffle(shuffled)
        b = "\n\n".join(shuffled)
        for row in align(a, b):
            assert row.best is not None
            assert a[row.a_start : row.a_end] == b[row.best.b_start : row.best.b_end]
            assert row.score == pytest.approx(1.0)


def test_an_edited_paragraph_still_finds_its_source() -> None:
    a = "\n\n".join(PARAGRAPHS)
    b = "\n\n".join(
        [
            "Pyongyang gains new leverage from the trade war between the US and China.",
            "Kim arrived in Beijing by armored train to hold talks with Xi.",
        ]
    )
    rows = align(a, b)
    assert b[rows[0].best.b_start :].startswith("Kim arrived")  # type: ignore[union-attr]
    assert b[rows[2].best.b_start :].startswith("Pyongyang gains")  # type: ignore[union-attr]


def test_the_threshold_marks_no_close_counterpart() -> None:
    a = "\n\n".join(PARAGRAPHS[:2])
    b = "\n\n".join([PARAGRAPHS[0], "Weather in Oslo was mild, and the ferries ran on time."])
    copied, unrelated = align(a, b)
    assert copied.best is not None
    assert unrelated.best is None  # nothing about sanctions in B
    assert unrelated.score < DEFAULT_THRESHOLD
    # The candidates are still there, best first, for a reader who wants to look.
    assert [c.score for c in unrelated.candidates] == sorted(
        (c.score for c in unrelated.candidates), reverse=True
    )
    # Moving the threshold moves only the decision, never the candidates.
    everything = align(a, b, threshold=0.0)
    assert everything[1].candidates == unrelated.candidates
    assert everything[1].best == (unrelated.candidates[0] if unrelated.candidates else None)
    assert all(row.best is None for row in align(a, b, threshold=1.01))


def test_candidates_are_at_most_three_best_first_ties_to_the_earlier_passage() -> None:
    a = PARAGRAPHS[0]
    b = "\n\n".join([PARAGRAPHS[1], PARAGRAPHS[0], PARAGRAPHS[0], PARAGRAPHS[0], PARAGRAPHS[2]])
    row = align(a, b)[0]
    assert len(row.candidates) == CANDIDATES
    copies = [p for p in passages(b) if p.text == PARAGRAPHS[0]]
    assert [(c.b_start, c.b_end) for c in row.candidates] == [(p.start, p.end) for p in copies]
    assert row.best == row.candidates[0]


def test_passages_without_content_words_and_empty_reports() -> None:
    assert align("", "") == []
    assert align("", PARAGRAPHS[0]) == []
    only_stop_words = align("It is what it is.", PARAGRAPHS[0])
    assert only_stop_words[0].candidates == () and only_stop_words[0].best is None
    assert align(PARAGRAPHS[0], "")[0].candidates == ()


def test_scores_are_symmetric_and_bounded() -> None:
    a, b = "\n\n".join(PARAGRAPHS[:3]), "\n\n".join(PARAGRAPHS[2:])
    forward, backward = scores(a, b), scores(b, a)
    for i, row in enumerate(forward):
        for j, value in enumerate(row):
            assert 0.0 <= value <= 1.0 + 1e-9
            assert value == pytest.approx(backward[j][i])


def _dense_cosines(texts: list[list[str]], split: int, log_tf: bool) -> np.ndarray:
    """The cosines `tfidf_cosines` gives, computed the straightforward way: dense vectors."""
    vocabulary = sorted({term for terms in texts for term in terms})
    counts = np.array([[terms.count(term) for term in vocabulary] for terms in texts], float)
    tf = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0) if log_tf else counts > 0
    idf = np.log((1 + len(texts)) / (1 + (counts > 0).sum(axis=0))) + 1.0
    vectors = tf * idf
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return vectors[:split] @ vectors[split:].T


@pytest.mark.parametrize("log_tf", [False, True])
def test_copies_of_one_sentence_score_as_every_other_sentence(log_tf: bool) -> None:
    # A report of one repeated line ("Yes." thousands of times) joined the terms of every copy
    # with every copy of the other report's: identical texts are now scored once and copied out.
    # The scores are those of the straightforward dense computation, copies equal to the bit.
    lines = [content_terms(p) for p in PARAGRAPHS] + [["ye"], [], ["ye", "ye", "kim"]]
    rng = random.Random(5)
    for _ in range(20):
        texts = [lines[rng.randrange(len(lines))] for _ in range(rng.randrange(1, 40))]
        split = rng.randrange(len(texts) + 1)
        rows, terms, _vocabulary = term_tokens(texts)
        found = tfidf_cosines(rows, terms, len(texts), split, log_tf=log_tf)
        assert found.shape == (split, len(texts) - split)
        assert np.allclose(found, _dense_cosines(texts, split, log_tf), atol=1e-12)
        for i, j in itertools.product(range(split), repeat=2):
            if texts[i] == texts[j]:
                assert np.array_equal(found[i], found[j])


def test_a_report_of_one_repeated_sentence_against_another() -> None:
    # 'Yes. ' 4,000 times against 2,000 times and an ending: every Yes pairs with every Yes.
    a, b = "Yes. " * 4000, "Yes. " * 2000 + "\n\nA different ending. Smith said so."
    by_words, by_grams = sentence_cosines(a, b)
    assert by_words.shape == by_grams.shape == (4000, 2002)
    assert np.allclose(by_words[:, :2000], 1.0) and not by_words[:, 2000:].any()
    assert np.allclose(by_grams[:, :2000], 1.0)
    assert np.array_equal(by_grams, np.broadcast_to(by_grams[0], by_grams.shape))


def _strongest_few_by_sorting(chosen: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """`strongest_few` the straightforward way: a stable sort of every row, then every column."""
    for axis in (1, 0):
        if (chosen.sum(axis=axis) <= MAX_COUNTERPARTS).all():
            continue
        ranked = np.where(chosen, scores, -np.inf)
        order = np.argsort(-ranked, axis=axis, kind="stable")
        keep = np.zeros_like(chosen)
        np.put_along_axis(keep, np.take(order, range(MAX_COUNTERPARTS), axis=axis), True, axis)
        chosen = chosen & keep
    return chosen


def test_strongest_few_keeps_the_first_of_ties_as_a_sort_would() -> None:
    # Selecting the MAX_COUNTERPARTS-th score of a line replaced a sort of every line (a report
    # of one repeated line has all n x m cells chosen and tied); the cells kept are the same.
    rng = np.random.default_rng(3)
    for trial in range(400):
        rows, columns = rng.integers(1, 40, size=2)
        levels = rng.integers(1, 5)
        scores = rng.integers(0, levels, size=(rows, columns)) / 4.0
        if trial % 4 == 0:
            scores = rng.random((rows, columns))
        chosen = rng.random((rows, columns)) < rng.random()
        expected = _strongest_few_by_sorting(chosen, scores)
        assert (strongest_few(chosen, scores) == expected).all()
    tied = np.full((300, 200), 0.7)
    kept = strongest_few(tied >= 0.3, tied)
    assert kept[:, :MAX_COUNTERPARTS].sum() == MAX_COUNTERPARTS**2 == kept.sum()


def test_a_short_sentence_both_reports_repeat_pairs_every_copy() -> None:
    # A short sentence both reports write word for word may make a point ("I partied."): the
    # pairs of its copies were set one by one (a line repeated thousands of times in both made
    # minutes of single assignments); they are set as blocks, the same pairs.
    from kimreader.analysis.align import _short_words, pairable, usable_pairs
    from kimreader.analysis.text import all_sentences

    a = "I partied. " * 300 + "He said it was over. Yes sir. I partied! No."
    b = "Yes sir. " * 50 + "I partied. " * 200 + "Not now, he said. No. He said it was over."
    sentences_a, sentences_b = all_sentences(a), all_sentences(b)

    def straightforward(x: TextSpan, y: TextSpan) -> bool:
        return (pairable(x) and pairable(y)) or "" != _short_words(x) == _short_words(y)

    expected = np.array([[straightforward(x, y) for y in sentences_b] for x in sentences_a])
    usable = usable_pairs(sentences_a, sentences_b)
    assert np.array_equal(usable, expected)
    # "I partied." (and "I partied!") x 200, "Yes sir." x 50, the pairable sentence x 2
    assert usable.sum() == 301 * 200 + 50 + 2
