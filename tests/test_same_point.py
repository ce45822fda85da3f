"""Same-point sentence pairs by meaning on real same-event reports (ECB+ topic 1; never one of
the reports bench/gold/reserved_fresh3.json keeps unseen)."""

from __future__ import annotations

from pathlib import Path

from kimreader.analysis.compare import compare_articles
from kimreader.analysis.embed import embed_article
from kimreader.corpus.article import Article


def ecbplus(shared: Path, name: str) -> Article:
    path = shared / "testdata" / "ecbplus" / "text" / name.split("_")[0] / f"{name}.txt"
    return Article.create(name, path.read_text(encoding="utf-8"), url=f"ecbplus:{name}")


def test_a_short_quote_both_reports_give_word_for_word_makes_the_same_point(
    shared_dir: Path,
) -> None:
    # Tara Reid's "I partied." and "I had fun." stand as sentences of their own in both reports
    # (1_3ecb, 1_11ecb: the hand gold's tara-reid-rehab pairs them); too short to be pairable
    # as sentences, they are the same words in both.
    a, b = ecbplus(shared_dir, "1_3ecb"), ecbplus(shared_dir, "1_11ecb")
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    pairs = {(a.body[p.a_start : p.a_end], b.body[p.b_start : p.b_end]) for p in cmp.sentence_pairs}
    assert ("I partied.", "I partied.") in pairs
    assert ("I had fun.", "I had fun.") in pairs
    # A short line of one report is no pair with a different short line of the other.
    short = {(x, y) for x, y in pairs if len(x.split()) < 4 or len(y.split()) < 4}
    assert all(x == y for x, y in short)


def test_a_past_disaster_is_no_same_point_with_the_news_of_the_week(shared_dir: Path) -> None:
    # 37_3ecbplus recalls the 2004 tsunami; 37_1ecbplus's lead tells Tuesday's quake. Alike in
    # meaning (an Aceh quake that killed people), they are two events.
    a, b = ecbplus(shared_dir, "37_1ecbplus"), ecbplus(shared_dir, "37_3ecbplus")
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    pairs = [(a.body[p.a_start : p.a_end], b.body[p.b_start : p.b_end]) for p in cmp.sentence_pairs]
    leads = [(x, y) for x, y in pairs if x.startswith("A powerful earthquake in Indonesia")]
    assert leads  # the lead still makes its point with the other report's sentences of Tuesday
    assert not [y for _x, y in leads if y.startswith("In 2004,")]
    assert all("2004" not in y for _x, y in leads)
