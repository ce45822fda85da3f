"""The SearchBackend protocol: Whoosh implements it, and a backend without a feature says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.index.backend import Feature, SearchBackend, Unsupported
from kimreader.index.search import SearchIndex
from kimreader.index.whoosh.backend import WhooshBackend

REPORT = Article.create("Trade talks", "The trade talks went on. Sanctions remain in place.\n")
OTHER = Article.create("Trade war", "The trade war looms over the sanctions talks.\n")


class PlainWhoosh(WhooshBackend):
    """Whoosh declaring fewer abilities, as a simpler engine would."""

    name = "plain"
    capabilities = frozenset(Feature) - {Feature.SUGGEST, Feature.RELATED, Feature.FACETS}


def _index(tmp_path: Path, backend: SearchBackend | None = None) -> SearchIndex:
    library = Library.open(tmp_path, seed=False)
    library.add(REPORT)
    library.add(OTHER)
    index = SearchIndex(library, backend=backend)
    index.ensure()
    return index


def test_whoosh_is_a_search_backend(tmp_path: Path) -> None:
    index = _index(tmp_path)
    assert isinstance(index.backend, SearchBackend)
    assert index.backend.capabilities == frozenset(Feature)
    assert index.stored_hashes() == {REPORT.id: REPORT.hash, OTHER.id: OTHER.hash}
    assert index.backend.health().documents == 2


def test_missing_features_degrade_with_a_message(tmp_path: Path) -> None:
    index = _index(tmp_path, PlainWhoosh(tmp_path / "plain-index"))
    assert index.search("sanctoins").suggestion == ""  # no "did you mean", no error
    assert index.search("trade").total == 2
    with pytest.raises(Unsupported, match="related articles is not available with the plain"):
        index.related(REPORT.id)
    with pytest.raises(Unsupported) as raised:
        index.facet_counts("source")
    assert raised.value.feature is Feature.FACETS


def test_a_writer_that_fails_leaves_the_index_as_it_was(tmp_path: Path) -> None:
    index = _index(tmp_path)
    with pytest.raises(RuntimeError), index.backend.writing() as writer:
        writer.delete([REPORT.id])
        raise RuntimeError("killed halfway")
    assert set(index.stored_hashes()) == {REPORT.id, OTHER.id}
