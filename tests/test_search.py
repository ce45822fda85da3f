"""The Whoosh index: exact offsets, the query language, suggestions, rebuilds, related."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.index.search import SearchIndex

FILLER = "Officials met again and talked at length about many other matters. " * 700
KIM = Article.create(
    "Kim visits China again",
    "Kim Jong Un visited Beijing on Tuesday. His visits are rarely announced.\n\n"
    "He has visited twice; the trade war looms over every visit.\n\n"
    + FILLER
    + "\n\nAt the very end, one more trade war and one more visit.\n",
    source="Bloomberg",
    authors=("Jane Perlez",),
    published=date(2019, 1, 9),
)
TALKS = Article.create(
    "Trade talks in Singapore",
    "The trade talks in Singapore went on. Sanctions remain in place.\n",
    source="The New York Times",
    published=date(2018, 6, 19),
)


@pytest.fixture()
def index(tmp_path: Path) -> SearchIndex:
    library = Library.open(tmp_path, seed=False)
    library.add(KIM)
    library.add(TALKS)
    search_index = SearchIndex(library)
    search_index.ensure()
    return search_index


def _words(result, article: Article) -> list[str]:
    hit = next(h for h in result.hits if h.id == article.id)
    return [article.body[s:e] for s, e in hit.matches]


def test_stemmed_offsets_are_exact(index: SearchIndex) -> None:
    result = index.search("visits")
    assert result.total == 1
    words = _words(result, KIM)
    assert words == ["visited", "visits", "visited", "visit", "visit"]


def test_phrase_offsets_past_32k_characters(index: SearchIndex) -> None:
    assert len(KIM.body) > 40_000
    result = index.search('"trade war"')
    hit = result.hits[0]
    assert [KIM.body[s:e] for s, e in hit.matches] == ["trade war", "trade war"]
    assert hit.matches[-1][0] > 32_000


def test_title_offsets(index: SearchIndex) -> None:
    hit = index.search("china").hits[0]
    assert [KIM.title[s:e] for s, e in hit.title_matches] == ["China"]


def test_not_terms_are_not_highlighted(index: SearchIndex) -> None:
    for query in ("trade -sanctions", "trade NOT sanctions"):
        result = index.search(query)
        assert [h.id for h in result.hits] == [KIM.id]
        assert set(_words(result, KIM)) == {"trade"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source:bloomberg", {KIM.id}),
        ('source:"new york times"', {TALKS.id}),
        ("author:perlez", {KIM.id}),
        ("published:2018", {TALKS.id}),
        ("published:[2018-06 to 2019-01]", {KIM.id, TALKS.id}),
        ("trad*", {KIM.id, TALKS.id}),
        ("vist~", {KIM.id}),
        ("sanctions OR beijing", {KIM.id, TALKS.id}),
        ("title:singapore", {TALKS.id}),
    ],
)
def test_query_language(index: SearchIndex, query: str, expected: set[str]) -> None:
    result = index.search(query)
    assert not result.error
    assert {h.id for h in result.hits} == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("colour:red", "unknown field"),
        ("the", "nothing to search for"),
        ('"trade war', "unclosed quote"),
        ("(trade", "unbalanced"),
        ("-trade", "only exclude"),
        ("", "type something"),
    ],
)
def test_malformed_queries_get_a_message(index: SearchIndex, query: str, message: str) -> None:
    result = index.search(query)
    assert message in result.error
    assert result.hits == ()


def test_did_you_mean(index: SearchIndex) -> None:
    result = index.search("sanctoins")
    assert result.total == 0
    assert result.suggestion == "sanctions"


def test_snippet_is_one_line_around_the_first_match(index: SearchIndex) -> None:
    hit = index.search("sanctions").hits[0]
    assert "Sanctions" in hit.snippet and "\n" not in hit.snippet


def test_offsets_only_for_shown_hits(index: SearchIndex) -> None:
    result = index.search("trade", offsets_for=1)
    assert [h.with_offsets for h in result.hits] == [True, False]
    body, _title = index.match_offsets(result.hits[1].id, "trade")
    assert body  # the reader asks for them when it opens the article


def test_incremental_sync(index: SearchIndex) -> None:
    library = index.library
    extra = Article.create("Another", "Singapore summit memories.\n")
    library.add(extra)
    report = index.sync()
    assert (report.added, report.updated, report.removed) == (1, 0, 0)
    library.remove(TALKS.id)
    report = index.sync()
    assert (report.added, report.updated, report.removed) == (0, 0, 1)
    assert index.sync().changed is False


def test_a_search_run_ahead_while_files_are_checked_is_forgotten_when_they_changed(
    index: SearchIndex,
) -> None:
    """ensure_for_search() runs the engine's part of a search before the file check is read;
    a file edited by hand since the last sync changes the index, so the search that follows
    finds the edit, not the answer run ahead on the old index."""
    library, path = index.library, index.library.path_for(TALKS.id)
    index.close()
    path.write_text(path.read_text().replace("Sanctions remain", "Embargoes remain"))
    fresh = SearchIndex(Library.open(library.root))
    assert fresh.ensure_for_search("embargoes", limit=5, offsets_for=5).updated == 1
    assert [h.id for h in fresh.search("embargoes", limit=5, offsets_for=5).hits] == [TALKS.id]
    assert fresh.search("sanctions", limit=5, offsets_for=5).total == 0


def test_work_meanwhile_runs_on_an_opened_index_not_on_a_rebuilt_one(
    index: SearchIndex,
) -> None:
    library = index.library
    index.close()
    seen: list[int] = []
    current = SearchIndex(Library.open(library.root))
    current.ensure(meanwhile=lambda: seen.append(current.backend.search("trade", 5, 5).total))
    assert seen == [2]  # it ran, on the index as it was opened
    current.close()
    import shutil

    shutil.rmtree(library.state_dir / "index")
    rebuilt = SearchIndex(Library.open(library.root))
    rebuilt.ensure(meanwhile=lambda: seen.append(-1))
    assert seen == [2]  # an index built anew has nothing to run ahead on


def test_rebuilt_after_deletion_and_corruption(index: SearchIndex) -> None:
    library = index.library
    index.close()
    import shutil

    shutil.rmtree(library.state_dir / "index")
    fresh = SearchIndex(library)
    assert fresh.ensure().added == 2
    assert fresh.search("sanctions").total == 1
    fresh.close()
    for segment in (library.state_dir / "index").glob("*.seg"):
        segment.write_bytes(b"garbage")
    for toc in (library.state_dir / "index").glob("*.toc"):
        toc.write_bytes(b"garbage")
    again = SearchIndex(library)
    report = again.ensure()
    assert report.rebuilt == "unreadable"
    assert again.search("sanctions").total == 1


def test_old_schema_version_is_rebuilt(index: SearchIndex) -> None:
    library = index.library
    index.close()
    (library.state_dir / "index" / "kimreader-schema").write_text("1\n")
    again = SearchIndex(library)
    assert again.ensure().rebuilt == "built by another version"


def test_related_and_facets(index: SearchIndex) -> None:
    library = index.library
    library.add(Article.create("Kim and Xi", "Kim Jong Un visited Beijing; trade war talks.\n"))
    index.sync()
    related = index.related(KIM.id)
    assert related and related[0].title == "Kim and Xi"
    assert index.facet_counts("source") == {"Bloomberg": 1, "The New York Times": 1}


def test_entity_fields_filter(tmp_path: Path) -> None:
    library = Library.open(tmp_path, seed=False)
    entities = [
        {"name": "Xi Jinping", "type": "person", "aliases": ["Xi", "President Xi Jinping"]},
        {"name": "Singapore", "type": "place", "aliases": ["Singapore"]},
    ]
    stored = library.add(KIM, {"entities": {"data": entities}}).article
    library.add(TALKS)
    search_index = SearchIndex(library)
    search_index.ensure()
    for query in ('person:"Xi Jinping"', "person:xi", "place:Singapore"):
        assert [h.id for h in search_index.search(query).hits] == [stored.id], query
    assert search_index.facet_counts("person") == {"Xi Jinping": 1}


def test_a_colon_inside_a_phrase_is_text_not_a_field(index: SearchIndex) -> None:
    # Found by hypothesis: '"kim:"' raised KeyError while rewriting field aliases.
    for query in ('"kim:"', '"colour: red"'):
        result = index.search(query)
        assert result.error == "", query


def test_field_names_are_read_from_the_parsed_query(index: SearchIndex) -> None:
    # aliases and any case resolve to the field; a colon inside a phrase is text
    for query in ("by:perlez", "AUTHOR:perlez", "Source:bloomberg (title:china)"):
        assert [h.id for h in index.search(query).hits] == [KIM.id], query
    assert "unknown field 'Colour:'" in index.search("trade (Colour:red)").error
    assert not index.search('"visits: rarely"').error


def test_answers_kept_per_segment_are_bounded_and_the_last_used_stay() -> None:
    """What is worked out per index segment (fuzzy words, date ranges) is kept for the next
    keystroke, but only the answers last used: an app open all day meets many queries."""
    from kimreader.index.whoosh.memo import SegmentMemo

    class Segment:  # a reader stand-in: the memo only needs a weakly referable key
        pass

    memo: SegmentMemo[str] = SegmentMemo(size=2)
    segment, worked = Segment(), []

    def answer(key: str) -> str:
        return memo.get(segment, key, lambda: worked.append(key) or key.upper())

    assert [answer("a"), answer("b"), answer("a")] == ["A", "B", "A"]
    assert worked == ["a", "b"]  # "a" again came from the memo
    answer("c")  # over the size: "b", the least recently used, goes
    answer("a")
    answer("b")
    assert worked == ["a", "b", "c", "b"]
    other = Segment()
    assert memo.get(other, "a", lambda: "other") == "other"  # each segment its own answers
