"""The SearchBackend protocol: Whoosh implements it, and a backend without a feature says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.index.backend import Feature, SearchBackend, SearchCancelled, Unsupported
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


def test_while_typing_the_count_may_be_a_bound_and_nothing_is_suggested(tmp_path: Path) -> None:
    index = _index(tmp_path)
    typed = index.search("trade", limit=1, typing=True)
    assert (typed.total, typed.estimated, len(typed.hits)) == (1, True, 1)  # "1+ found"
    done = index.search("trade", limit=1)
    assert (done.total, done.estimated) == (2, False)
    assert index.search("sanctoins", typing=True).suggestion == ""
    assert index.search("sanctoins").suggestion == "sanctions"


def test_a_caller_that_shows_no_total_gets_the_same_hits_without_the_count_pass(
    tmp_path: Path,
) -> None:
    index = _index(tmp_path)
    uncounted = index.search("trade", limit=1, count=False)
    assert (uncounted.total, uncounted.estimated) == (1, True)  # "1+": the count was skipped
    counted = index.search("trade", limit=1)
    assert (counted.total, counted.estimated) == (2, False)  # not the uncounted answer, kept
    assert [h.id for h in uncounted.hits] == [h.id for h in counted.hits]
    assert index.search("trade", limit=5, count=False).total == 2  # all scored: exact anyway


def test_a_stale_search_stops_when_its_caller_moves_on(tmp_path: Path) -> None:
    index = _index(tmp_path)
    with pytest.raises(SearchCancelled):
        index.search("trade", cancelled=lambda: True)
    assert index.search("trade", cancelled=lambda: False).total == 2  # nothing left behind


def test_only_holds_for_a_search_that_can_be_cancelled(tmp_path: Path) -> None:
    """The app's searches pass `cancelled`: the ids allowed (is:unread, tag:...) still hold."""
    index = _index(tmp_path)
    every = [hit.id for hit in index.search("trade").hits]
    assert len(every) == 2
    for typing in (False, True):
        found = index.search("trade", only={every[1]}, typing=typing, cancelled=lambda: False)
        assert [hit.id for hit in found.hits] == [every[1]]
        assert found.total == 1


def test_answers_are_kept_per_parsed_query_until_the_index_changes(tmp_path: Path) -> None:
    backend = WhooshBackend(tmp_path / "index")
    index = _index(tmp_path, backend)
    first = backend.search("trade", 10, 10)
    assert backend.search("Trade", 10, 10) is first  # the same parsed query: answered again
    index.library.add(Article.create("Trade deal", "A trade deal was signed.\n"))
    index.sync()
    assert backend.search("trade", 10, 10).total == 3


class SegmentsMergedAway(WhooshBackend):
    """Whoosh whose first read of each kind fails as when another process's commit has just
    removed the segment files a reader was about to open (compound=False segments)."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.failures = {"hashes": 1, "search": 1}

    def _fail_once(self, kind: str) -> None:
        if self.failures[kind]:
            self.failures[kind] -= 1
            raise FileNotFoundError(2, "No such file or directory", "MAIN_x.seg")

    def stored_hashes(self) -> dict[str, str]:
        self._fail_once("hashes")
        return super().stored_hashes()

    def _search(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._fail_once("search")
        return super()._search(*args, **kwargs)


def test_files_removed_by_another_writer_are_read_again_not_reported(tmp_path: Path) -> None:
    backend = SegmentsMergedAway(tmp_path / "index")
    index = _index(tmp_path, backend)  # ensure(): its sync read the index again
    assert backend.failures == {"hashes": 0, "search": 1}
    assert index.stored_hashes() == {REPORT.id: REPORT.hash, OTHER.id: OTHER.hash}
    found = index.search("sanctions")
    assert backend.failures["search"] == 0 and found.total == 2 and not found.error


def test_a_searcher_sees_another_writers_merges_and_deletions(tmp_path: Path) -> None:
    """Another process merges segments and deletes an article: the open backend's next search
    counts each article once and no longer finds the deleted one."""
    index = _index(tmp_path)
    for n in range(3):  # more segments, for the merge below to merge away
        with index.backend.writing() as writer:
            writer.add([index.document(Article.create(f"Talks {n}", "Trade talks.\n"), None)])
    assert index.search("trade").total == 5
    other = WhooshBackend(index.directory)
    with other.writing() as writer:
        writer.delete([REPORT.id])
    other._opened().optimize()  # one segment: the old ones are gone
    other.close()
    assert index.search("trade").total == 4
    assert REPORT.id not in {hit.id for hit in index.search("trade").hits}


def test_a_search_waits_for_an_ensure_running_in_another_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app opens its workspace (ensure) in one thread while a key typed at start-up
    searches in another: the search waits for the index to be in line, not a half-synced one."""
    import threading

    from kimreader.index.sync import IndexSync

    library = Library.open(tmp_path, seed=False)
    for n in range(3):
        library.add(Article.create(f"Trade report {n}", f"Trade talks, round {n}.\n"))
    index = SearchIndex(library)
    syncing, go = threading.Event(), threading.Event()
    real_sync = IndexSync.sync

    def slow_sync(self: IndexSync, *args: object, **kwargs: object) -> object:
        syncing.set()
        go.wait()
        return real_sync(self, *args, **kwargs)

    monkeypatch.setattr(IndexSync, "sync", slow_sync)
    opener = threading.Thread(target=index.ensure)
    opener.start()
    syncing.wait()  # the index is open, and not yet in line with the library
    found: list[int] = []
    searcher = threading.Thread(target=lambda: found.append(index.search("trade").total))
    searcher.start()
    searcher.join(0.3)
    waiting = searcher.is_alive() and not found  # not listing a half-synced index
    go.set()  # whatever happened: no thread is left waiting
    opener.join()
    searcher.join()
    assert waiting
    assert found == [3]
