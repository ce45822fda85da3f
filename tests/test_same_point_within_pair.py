"""The same-point model weighs a sentence pair against the two reports' other pairs
(analysis/align.py `within_pair`), on real ECB+ reports (never one bench/gold/reserved_fresh3.json
keeps unseen)."""

from __future__ import annotations

from pathlib import Path

from test_same_point import ecbplus

from kimreader.analysis.compare import compare_articles, match_reports
from kimreader.analysis.embed import embed_article


def test_a_lone_close_pair_between_reports_of_two_events_makes_no_same_point(
    shared_dir: Path,
) -> None:
    # Lindsay Lohan's rehab (1_1ecbplus) and the bombing of a camp in South Sudan (41_4ecbplus):
    # their datelines ("First Published: June 13, 2013 ..." and "Date Published: Tuesday,
    # November 15, 2011") are close in meaning and each the other's best match, far above every
    # other pair of the two reports. Before the verdict drops the pairs of unrelated reports,
    # the model pairs no dateline.
    a, b = ecbplus(shared_dir, "1_1ecbplus"), ecbplus(shared_dir, "41_4ecbplus")
    matched = match_reports(a, b, embed_article(a.body), embed_article(b.body))
    pairs = [(a.body[p.a_start : p.a_end], b.body[p.b_start : p.b_end]) for p in matched.pairs]
    assert not [x for x, _y in pairs if "Published" in x]


def test_two_reports_of_one_check_in_pair_its_hour_told_two_ways(shared_dir: Path) -> None:
    # Lohan's check-in at the Betty Ford Center: "Early Friday morning, around 1:30 a.m., the
    # 26-year-old actress checked into Betty Ford Center" (1_6ecbplus) and "The actress, 26,
    # checked in late Thursday night, TMZ reports" (1_9ecbplus) make one point in other words.
    a, b = ecbplus(shared_dir, "1_6ecbplus"), ecbplus(shared_dir, "1_9ecbplus")
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    pairs = {(a.body[p.a_start : p.a_end], b.body[p.b_start : p.b_end]) for p in cmp.sentence_pairs}
    assert any(
        x.startswith("Early Friday morning") and y.startswith("The actress, 26, checked in")
        for x, y in pairs
    )
