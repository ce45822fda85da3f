"""Between reports of related events (an event and its later development) only the surer same
points are claimed (analysis/align.py SAME_POINT_RELATED_CUT), on real Wikinews pages of the
fresh4r gold pairs (bench/gold/wikinews, CC BY 2.5)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from kimreader.analysis.align import SAME_POINT_CUT, SAME_POINT_RELATED_CUT
from kimreader.analysis.compare import compare_articles
from kimreader.analysis.embed import embed_article
from kimreader.corpus.article import Article

PAGES = Path(__file__).resolve().parents[1] / "bench" / "gold" / "wikinews"


def page(name: str, dated: bool) -> Article:
    """A Wikinews page as an import has it; `dated`: with its date from the manifest."""
    text = (PAGES / f"{name}.txt").read_text("utf-8")
    manifest = json.loads((PAGES / "manifest.json").read_text("utf-8"))["articles"]
    published = date.fromisoformat(next(a["date"] for a in manifest if a["name"] == name))
    return Article.create(name, text, published=published if dated else None)


def pairs_of(dated: bool) -> tuple[str, list[tuple[str, str, float]]]:
    # Samoa's measles shutdown (2019-12-07) and the end of its state of emergency (2020-01-01):
    # 25 days apart, so a related event however alike the two are.
    a = page("samoan-government-temporarily-shuts-down-for-nationwide-meas", dated)
    b = page("samoan-government-ends-state-of-emergency-over-measles-outbr", dated)
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    assert cmp.verdict is not None
    pairs = [(a.body[p.a_start : p.a_end], b.body[p.b_start : p.b_end], p.score)
             for p in cmp.sentence_pairs]  # fmt: skip
    return cmp.verdict.kind, pairs


def test_reports_of_related_events_claim_only_their_surer_same_points() -> None:
    kind, pairs = pairs_of(dated=True)
    assert kind == "related" and pairs
    assert min(score for _a, _b, score in pairs) >= SAME_POINT_RELATED_CUT > SAME_POINT_CUT
    # The campaign's start both give is kept; a tweet announced "earlier this week" is not the
    # outbreak "first confirmed on October 16" (a pair at the cut for one event's reports).
    assert ("The vaccination drive itself started", "The national vaccination campaign") in [
        (a[:36], b[:33]) for a, b, _ in pairs
    ]
    tweet = "Earlier this week, an official government Twitter account"
    assert not any(a.startswith(tweet) for a, _b, _ in pairs)
    # Undated, the two are taken for one event's reports, and that pair is claimed.
    kind, pairs = pairs_of(dated=False)
    assert kind == "same"
    assert any(a.startswith(tweet) and b.startswith("The outbreak was first confirmed")
               for a, b, _ in pairs)  # fmt: skip
