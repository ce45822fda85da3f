"""Passage alignment scores: word TF-IDF cosine averaged with a character-trigram cosine."""

from __future__ import annotations

import random

import pytest

from kimreader.analysis.align import (
    CANDIDATES,
    DEFAULT_THRESHOLD,
    align,
    passages,
    similarity_matrix,
    term_trigrams,
)

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
