"""Sentence embeddings (all-MiniLM-L6-v2 in numpy) and the comparison by meaning, on real text."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from kimreader.analysis.align import MEANING_THRESHOLD, SAME_POINT_CUT
from kimreader.analysis.compare import compare_articles
from kimreader.analysis.embed import (
    DIMENSIONS,
    ArticleEmbeddings,
    EmbeddingModelError,
    MiniLM,
    embed_article,
    encode,
    installed_model_dir,
)
from kimreader.analysis.text import all_sentences
from kimreader.corpus.article import Article


def ecbplus(shared: Path, name: str) -> Article:
    topic = name.split("_")[0]
    path = shared / "testdata" / "ecbplus" / "text" / topic / f"{name}.txt"
    return Article.create(name, path.read_text(encoding="utf-8"), url=f"ecbplus:{name}")


def test_similarities_match_the_ones_published_with_the_model() -> None:
    # The example of the sentence-transformers documentation for all-MiniLM-L6-v2.
    vectors = encode(["The weather is lovely today.", "It's so sunny outside!",
                      "He drove to the stadium."])  # fmt: skip
    assert vectors.shape == (3, DIMENSIONS) and vectors.dtype == np.float32
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0, 1.0], abs=1e-5)
    similarities = vectors @ vectors.T
    assert similarities[0, 1] == pytest.approx(0.6660, abs=1e-4)
    assert similarities[0, 2] == pytest.approx(0.1046, abs=1e-4)
    assert similarities[1, 2] == pytest.approx(0.1411, abs=1e-4)


def test_batching_and_padding_do_not_change_an_embedding() -> None:
    texts = ["Short.", "A much longer sentence about a rehab clinic in Malibu, California.", "Hi"]
    together = encode(texts)
    for index, text in enumerate(texts):
        assert encode([text])[0] == pytest.approx(together[index], abs=1e-5)
    assert encode([]).shape == (0, DIMENSIONS)


def test_a_modified_model_file_is_refused(tmp_path: Path) -> None:
    source = installed_model_dir()
    (tmp_path / "model.safetensors").symlink_to(source / "model.safetensors")
    shutil.copy(source / "tokenizer.json", tmp_path / "tokenizer.json")
    with (tmp_path / "tokenizer.json").open("a", encoding="utf-8") as stream:
        stream.write(" ")
    with pytest.raises(EmbeddingModelError, match="refusing to load a modified model"):
        MiniLM(tmp_path)
    (tmp_path / "tokenizer.json").unlink()
    with pytest.raises(EmbeddingModelError, match="missing"):
        MiniLM(tmp_path)


def test_stored_embeddings_round_trip_and_follow_the_sentences(shared_dir: Path) -> None:
    article = ecbplus(shared_dir, "41_1ecb")
    stored = embed_article(article.body)
    assert len(stored.spans) == len(all_sentences(article.body))
    assert stored.vectors.dtype == np.float16
    again = ArticleEmbeddings.from_json(stored.to_json())
    assert again is not None and again.spans == stored.spans
    assert np.array_equal(again.vectors, stored.vectors)
    assert again.matches(article.body)
    assert not again.matches(article.body + "\n\nA sentence added later.")
    assert ArticleEmbeddings.from_json({**stored.to_json(), "model": "other"}) is None
    assert ArticleEmbeddings.from_json({**stored.to_json(), "f16": "not base64!"}) is None
    assert ArticleEmbeddings.from_json({**stored.to_json(), "spans": [[0, 1]]}) is None


def test_same_event_reports_pair_sentences_by_meaning(shared_dir: Path) -> None:
    # Two reports of the shelling of a UN school in Gaza (ECB+ topic 41, one cluster).
    a, b = ecbplus(shared_dir, "41_1ecb"), ecbplus(shared_dir, "41_5ecb")
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    assert cmp.method == "meaning" and cmp.verdict is not None
    assert cmp.verdict.kind == "same" and cmp.verdict.claims_differences
    assert cmp.sentence_pairs, "reports of one event share points"
    for pair in cmp.sentence_pairs:
        row = cmp.aligned[pair.passage]
        assert row.a_start <= pair.a_start < row.a_end
        assert any(c.b_start <= pair.b_start < c.b_end for c in row.counterparts)
        assert SAME_POINT_CUT <= pair.score <= 1.0  # the model's probability of one point


def test_unrelated_reports_get_almost_no_counterparts(shared_dir: Path) -> None:
    # The Gaza school shelling against Tara Reid entering rehab (ECB+ topics 41 and 1).
    a, b = ecbplus(shared_dir, "41_1ecb"), ecbplus(shared_dir, "1_1ecb")
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    assert cmp.verdict is not None and cmp.verdict.kind == "unrelated"
    assert not cmp.verdict.claims_differences and not cmp.verdict.claims_agreements
    assert cmp.differences == () and cmp.agreements == ()
    assert cmp.sentence_pairs == () and cmp.verdict.counterpart_share == 0.0  # no same point
    assert sum(1 for row in cmp.aligned if row.best) <= 1


def test_two_earthquakes_in_one_country_are_related_not_one_event(shared_dir: Path) -> None:
    # West Papua 2009 and Aceh 2013 (ECB+ topic 37, two clusters): alike in meaning, and both
    # name Indonesia, but neither report's main places are named in the other.
    from kimreader.analysis.entities import extract_entities

    a, b = ecbplus(shared_dir, "37_1ecb"), ecbplus(shared_dir, "37_5ecbplus")
    embeddings = {"embeddings_a": embed_article(a.body), "embeddings_b": embed_article(b.body)}
    by_meaning_alone = compare_articles(a, b, **embeddings).verdict
    assert by_meaning_alone is not None and by_meaning_alone.kind == "same"
    entities_a, entities_b = extract_entities([a.body, b.body])
    verdict = compare_articles(a, b, entities_a, entities_b, **embeddings).verdict
    assert verdict is not None and verdict.kind == "related"
    assert "Indonesia" in verdict.shared_entities and verdict.claims_differences


def mozilla_page(shared: Path, name: str) -> Article:
    """A mozilla-readability test page as its expected paragraphs."""
    import lxml.html

    folder = shared / "testdata" / "mozilla-readability" / "test" / "test-pages" / name
    tree = lxml.html.fromstring((folder / "expected.html").read_text(encoding="utf-8"))
    paragraphs = (" ".join(p.text_content().split()) for p in tree.iter("p"))
    return Article.create(name, "\n\n".join(p for p in paragraphs if p), url=f"mozilla:{name}")


def test_a_shared_country_and_everyday_words_make_no_related_event(shared_dir: Path) -> None:
    # Tara Reid entering rehab (ECB+ 1_11ecb) and Obama on US gun laws (BBC): both name the
    # United States, are alike in meaning at 0.32 and share everyday words (TF-IDF 0.05).
    from kimreader.analysis.entities import extract_entities

    a, b = ecbplus(shared_dir, "1_11ecb"), mozilla_page(shared_dir, "bbc-1")
    entities_a, entities_b = extract_entities([a.body, b.body])
    cmp = compare_articles(a, b, entities_a, entities_b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    assert cmp.verdict is not None and cmp.verdict.kind == "unrelated"
    assert cmp.verdict.shared_entities == ("United States",)
    assert 0.3 <= cmp.verdict.similarity < 0.4


def test_two_deadly_attacks_of_different_places_are_unrelated(shared_dir: Path) -> None:
    # The Tunis museum attack (Washington Post) against the shelling of a Gaza school (ECB+
    # 41_9ecb): both kill and wound, alike in meaning at 0.58, and no name in common.
    from kimreader.analysis.entities import extract_entities

    a, b = mozilla_page(shared_dir, "wapo-1"), ecbplus(shared_dir, "41_9ecb")
    entities_a, entities_b = extract_entities([a.body, b.body])
    cmp = compare_articles(a, b, entities_a, entities_b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    assert cmp.verdict is not None and cmp.verdict.kind == "unrelated"
    assert 0.5 < cmp.verdict.similarity < 0.6
    assert cmp.sentence_pairs == () and cmp.differences == ()


def test_without_embeddings_the_comparison_says_it_used_words(shared_dir: Path) -> None:
    a, b = ecbplus(shared_dir, "41_1ecb"), ecbplus(shared_dir, "41_5ecb")
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body))  # B has none stored
    assert cmp.method == "words" and cmp.verdict is not None and cmp.verdict.method == "words"
    stale = embed_article(b.body + "\n\nAn update.")  # made for another version of B
    assert compare_articles(a, b, embeddings_a=embed_article(a.body),
                            embeddings_b=stale).method == "words"  # fmt: skip


def test_doctor_embeds_and_comparisons_then_go_by_meaning(shared_dir: Path, tmp_path: Path) -> None:
    from kimreader.corpus.library import Library
    from kimreader.index.doctor import run_doctor
    from kimreader.index.workspace import Workspace

    names = ("41_1ecb", "41_5ecb", "1_1ecb")
    sources = [shared_dir / "testdata" / "ecbplus" / "text" / n.split("_")[0] / f"{n}.txt"
               for n in names]  # fmt: skip
    Library.open(tmp_path / "lib", seed=False)  # without the shipped pair
    workspace = Workspace.open(tmp_path / "lib")
    report = workspace.add_paths(sources)
    assert sorted(workspace.missing_embeddings()) == sorted(report.added)  # import is not slowed
    by_name = {Path(x.origin).stem: x for x in map(workspace.get, report.added)}
    a, b, c = (by_name[name] for name in names)
    before = workspace.compare(a, b)
    assert before.method == "words" and "by words" in before.verdict.summary()  # type: ignore[union-attr]
    skipped = run_doctor(workspace, embed=False)  # `doctor --no-embeddings`: said, not done
    assert "3 article(s) have no sentence embeddings" in skipped["notes"] and skipped["ok"]
    assert len(workspace.missing_embeddings()) == 3
    findings = run_doctor(workspace)
    assert any("sentence embeddings for 3 article" in line for line in findings["repaired"])
    assert workspace.missing_embeddings() == []
    stored = workspace.embeddings(a)
    assert stored is not None and stored.matches(a.body)
    cmp = workspace.compare(a, b)
    assert cmp.method == "meaning" and cmp.verdict is not None and cmp.verdict.kind == "same"
    assert cmp.threshold == MEANING_THRESHOLD
    related = workspace.related(a, limit=5)
    assert [item.article.id for item in related] == [b.id]  # the rehab story is cut
    assert related[0].meaning is not None
    workspace.index.close()


def test_related_ranks_the_same_event_first_and_cuts_the_unrelated(shared_dir: Path) -> None:
    from kimreader.analysis.related import rank_related

    query = ecbplus(shared_dir, "41_1ecb")
    names = ("1_1ecb", "41_5ecb", "1_2ecbplus", "41_2ecbplus", "41_3ecb")
    others = [ecbplus(shared_dir, name) for name in names]
    vectors = {a.id: embed_article(a.body).article_vector() for a in [query, *others]}
    ranked = rank_related(query, others, vectors)
    order = [item.article.title for item in ranked]  # titles are the ECB+ names here
    assert set(order[:2]) == {"41_5ecb", "41_3ecb"}  # the same shelling of the UN school
    assert all(item.meaning is not None and 0.0 <= item.score <= 1.0 for item in ranked)
    assert [item.score for item in ranked] == sorted((i.score for i in ranked), reverse=True)
    cut = {item.article.title for item in ranked if not item.related}
    assert {"1_1ecb", "1_2ecbplus"} <= cut  # celebrities in rehab: not related
    assert "41_5ecb" not in cut
    words_only = rank_related(query, others, {})  # no embeddings stored: words alone
    assert all(item.meaning is None for item in words_only)
    assert {i.article.title for i in words_only[:2]} == {"41_5ecb", "41_3ecb"}


def test_a_headline_pairs_with_the_headline_and_the_lead_that_say_it_again(
    shared_dir: Path,
) -> None:
    # ECB+ 37_10ecbplus's headline "6. 1-magnitude quake strikes Indonesia's Aceh province …"
    # makes the point of 37_14ecbplus's headline "Magnitude-6. 1 quake hits Indonesia; 1 dead"
    # and of its lead "A strong earthquake struck Indonesia's Aceh province on Tuesday, …": the
    # lead is only the headline's second best match, and still one of its points.
    a, b = ecbplus(shared_dir, "37_10ecbplus"), ecbplus(shared_dir, "37_14ecbplus")
    paired = [y for x, y in pairs_by_meaning(a, b) if "quake strikes Indonesia's Aceh" in x]
    assert [text[:30] for text in paired] == [
        "Magnitude-6. 1 quake hits Indo",
        "A strong earthquake struck Ind",
    ]


def pairs_by_meaning(a: Article, b: Article) -> list[tuple[str, str]]:
    """The same-point sentence pairs of a comparison by meaning, as texts."""
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    return [(a.body[p.a_start : p.a_end], b.body[p.b_start : p.b_end]) for p in cmp.sentence_pairs]


def test_a_point_told_in_two_sentences_pairs_with_both(shared_dir: Path) -> None:
    # ECB+ 37_4ecb: "At least 50 people were hospitalised for broken bones and head wounds …";
    # 37_5ecb tells it in two sentences, the hospital treating the seriously wounded and a
    # doctor's "Most of them have broken bones …". Neither is the other's only best match.
    a, b = ecbplus(shared_dir, "37_4ecb"), ecbplus(shared_dir, "37_5ecb")
    paired = [y for x, y in pairs_by_meaning(a, b) if x.startswith("At least 50 people")]
    assert any(y.startswith("The Manokwari Hospital said") for y in paired)
    assert any(y.startswith('"Most of them have broken bones') for y in paired)


def test_a_short_remark_on_the_same_theme_makes_no_point(shared_dir: Path) -> None:
    # ECB+ 1_5ecb's "Apparently, old habits die hard." is close in meaning to 1_14ecb's "When
    # asked about the temptation to fall back into old habits …", and says nothing of it.
    a, b = ecbplus(shared_dir, "1_14ecb"), ecbplus(shared_dir, "1_5ecb")
    pairs = pairs_by_meaning(a, b)
    assert pairs, "the two reports share points"
    assert not any(y.startswith("Apparently, old habits") for _, y in pairs)
