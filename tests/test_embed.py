"""Sentence embeddings (all-MiniLM-L6-v2 in numpy) and the comparison by meaning, on real text."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from kimreader.analysis.align import MEANING_THRESHOLD
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
        assert pair.score >= cmp.threshold


def test_unrelated_reports_get_almost_no_counterparts(shared_dir: Path) -> None:
    # The Gaza school shelling against Tara Reid entering rehab (ECB+ topics 41 and 1).
    a, b = ecbplus(shared_dir, "41_1ecb"), ecbplus(shared_dir, "1_1ecb")
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    assert cmp.verdict is not None and cmp.verdict.kind == "unrelated"
    assert not cmp.verdict.claims_differences and not cmp.verdict.claims_agreements
    assert cmp.differences == () and cmp.agreements == ()
    assert len(cmp.sentence_pairs) <= 1
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


def test_a_lead_pairs_with_the_headline_and_the_sentence_that_says_it_again(
    shared_dir: Path,
) -> None:
    # ECB+ 1_8ecbplus's lead "Lindsay Lohan rehires longtime lawyer Shawn Holley, heads to rehab"
    # makes the point of 1_19ecbplus's headline and of its sentence "Now that Lohan is back at
    # Betty Ford Center, she has also decided to rehire …": the lead is that sentence's best
    # match, the sentence the lead's second best (after the headline).
    a, b = ecbplus(shared_dir, "1_8ecbplus"), ecbplus(shared_dir, "1_19ecbplus")
    cmp = compare_articles(a, b, embeddings_a=embed_article(a.body),
                           embeddings_b=embed_article(b.body))  # fmt: skip
    lead = a.body.index("Lindsay Lohan rehires longtime lawyer")
    paired = [b.body[p.b_start : p.b_end] for p in cmp.sentence_pairs if p.a_start == lead]
    assert [text[:30] for text in paired] == [
        "Lindsay Lohan Checks Into Bett",
        "Now that Lohan is back at Bett",
    ]
