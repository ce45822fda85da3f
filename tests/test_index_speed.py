"""The fast paths of the index give the same answers as Whoosh's own slow paths."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import FieldType

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.index.search import SearchIndex
from kimreader.index.whoosh import backend as whoosh_backend
from kimreader.index.whoosh.fuzzy import SegmentWiseReader, expand_fuzzy
from kimreader.index.whoosh.postings import match_spans, spans_for_docs
from kimreader.index.whoosh.schema import build_schema

SCHEMA = build_schema()
WORDS = ["visit", "visits", "visited", "the", "a", "U.S.", "trade", "war", "İstanbul", "ÀB"]
TEXT = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8)), max_size=60
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_fast_fields_index_exactly_as_whoosh(text: str) -> None:
    for name in ("title", "body", "words"):
        field = SCHEMA[name]
        assert sorted(field.index(text)) == sorted(FieldType.index(field, text)), name


def _article(i: int, body: str) -> Article:
    return Article.create(
        f"Report {i} on trade",
        body,
        source="Wire" if i % 2 else "Daily",
        published=date(2020, 1, 1 + i % 28),
    )


BODIES = [
    "Trade talks resumed. The trade war and sanctions were discussed in Beijing.",
    "Sanctions remain; the drought worsened and refugees left the region.",
    "The trade war looms. Officials visited Tokyo to talk about the trade war.",
    "Nothing here but weather, markets and a drought in the south.",
]


@pytest.fixture()
def segmented(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SearchIndex:
    """An index built by two processes (two segments) plus one more added later."""
    monkeypatch.setattr(whoosh_backend, "PARALLEL_BUILD", 4)
    library = Library.open(tmp_path, seed=False)
    for i in range(12):
        library.add(_article(i, BODIES[i % 4] + f" Item {i}."))
    index = SearchIndex(library)
    index.ensure()
    library.add(_article(99, "A late report: the trade war ended; drought relief arrived."))
    index.sync()
    return index


def test_parallel_build_indexes_every_article(segmented: SearchIndex) -> None:
    assert segmented.backend.doc_count() == 13
    assert len(segmented.backend.searcher().reader().leaf_readers()) >= 2
    assert segmented.search("trade", limit=50).total == 13  # every title says "trade"


def test_hits_list_catalog_metadata(segmented: SearchIndex) -> None:
    result = segmented.search("drought", limit=50)
    library = segmented.library
    assert result.total == len(result.hits) == 7
    for hit in result.hits:
        entry = library.entry(hit.id)
        assert entry is not None
        assert (hit.title, hit.source, hit.published) == (
            entry.title,
            entry.source,
            entry.published,
        )


def test_total_is_exact_beyond_the_limit(segmented: SearchIndex) -> None:
    result = segmented.search("trade", limit=3, offsets_for=2)
    assert result.total == 13
    assert len(result.hits) == 3
    assert [h.with_offsets for h in result.hits] == [True, True, False]


@pytest.mark.parametrize("query", ["trade", '"trade war"', "drougth~2", "sanction* OR tokio~1"])
def test_batched_offsets_equal_one_document_at_a_time(segmented: SearchIndex, query: str) -> None:
    reader = segmented.backend.searcher().reader()
    parsed = segmented.backend.parse(query)
    docnums = list(range(reader.doc_count_all()))
    for field in ("body", "title"):
        batched = spans_for_docs(reader, parsed, docnums, field)
        for docnum in docnums:
            assert batched[docnum] == match_spans(reader, parsed, docnum, field)


def test_snippets_and_offsets_come_with_shown_hits(segmented: SearchIndex) -> None:
    result = segmented.search('"trade war"', limit=50)
    for hit in result.hits:
        body = segmented.library.get(hit.id).body
        assert [body[s:e].lower() for s, e in hit.matches] == ["trade war"] * len(hit.matches)
        assert "trade war" in hit.snippet.lower()


def test_expanded_fuzzy_terms_rank_as_whoosh_does(segmented: SearchIndex) -> None:
    searcher = segmented.backend.searcher()
    for text in ("drougth~2", "sanctons~1 trade", "tokio~1"):
        parsed = segmented.backend.parse(text)
        expanded = expand_fuzzy(parsed, searcher.reader())
        slow = [(round(h.score, 6), h.docnum) for h in searcher.search(parsed, limit=None)]
        fast = [(round(h.score, 6), h.docnum) for h in searcher.search(expanded, limit=None)]
        assert fast == slow, text


def test_segment_wise_lookups_match_whoosh(segmented: SearchIndex) -> None:
    reader = segmented.backend.searcher().reader()
    for word in ("drougt", "sanctons", "refugee", "zzzz"):
        slow = sorted(reader.terms_within("words", word, 2, prefix=1))
        assert SegmentWiseReader(reader).terms_within("words", word, 2, prefix=1) == slow
    assert segmented.suggest("drougt") == "drought"


def test_changed_article_is_reindexed_not_duplicated(segmented: SearchIndex) -> None:
    library = segmented.library
    before = segmented.search("weather", limit=5)
    hit = before.hits[0]
    article = library.get(hit.id)
    library.write(article.with_changes(body=article.body.replace("weather", "monsoon")))
    report = segmented.sync()
    assert (report.updated, report.added) == (1, 0)
    assert segmented.backend.doc_count() == 13
    assert segmented.search("weather").total == before.total - 1
    assert [h.id for h in segmented.search("monsoon").hits] == [hit.id]


def test_sync_check_reads_hashes_from_columns(segmented: SearchIndex) -> None:
    expected = {e.id: e.hash for e in segmented.library.catalog()}
    assert segmented.backend.searcher().reader().has_column("hash")
    assert segmented.stored_hashes() == expected


def test_catalog_entries_round_trip_through_json(segmented: SearchIndex) -> None:
    from kimreader.corpus.library import CatalogEntry

    for entry in segmented.library.catalog():
        again = CatalogEntry.from_json(entry.to_json())
        assert again == entry and isinstance(again.authors, tuple)
    old = {k: v for k, v in entry.to_json().items() if k != "url"}
    with pytest.raises(TypeError):
        CatalogEntry.from_json(old)  # a catalog of another shape is rebuilt, not half-read


# -- phrases through the pairs field (index/whoosh/pairs.py) --------------------------------

PHRASE_WORDS = ["bank", "of", "england", "rates", "rate", "the", "a", "trade", "war", "x", "Bank"]
PHRASE_TEXT = st.lists(st.sampled_from(PHRASE_WORDS), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(PHRASE_TEXT, min_size=1, max_size=8),
    st.lists(st.sampled_from(PHRASE_WORDS), min_size=2, max_size=4),
)
def test_phrases_through_pairs_match_exactly_what_positions_match(
    bodies: list[str], words: list[str]
) -> None:
    from whoosh.filedb.filestore import RamStorage

    from kimreader.index.query import make_parser, parse_query
    from kimreader.index.whoosh.pairs import with_pairs

    index = RamStorage().create_index(SCHEMA)
    with index.writer() as writer:
        for i, body in enumerate(bodies):
            writer.add_document(id=str(i), body=body, pairs=body)
    try:
        parsed = parse_query(make_parser(SCHEMA), '"' + " ".join(words) + '"')
    except Exception:
        return  # only stop words: nothing to search for
    with index.searcher() as searcher:
        by_positions = {hit.docnum for hit in searcher.search(parsed, limit=None)}
        by_pairs = {hit.docnum for hit in searcher.search(with_pairs(parsed), limit=None)}
    assert by_pairs == by_positions


def test_a_two_word_body_phrase_is_one_pair_term_and_a_longer_one_is_narrowed() -> None:
    from whoosh import query as q

    from kimreader.index.query import make_parser, parse_query
    from kimreader.index.whoosh.pairs import with_pairs

    parser = make_parser(SCHEMA)
    two = with_pairs(parse_query(parser, '"interest rates"'))
    assert q.Term("pairs", "interest rate") in two.subqueries  # the title keeps its phrase
    assert q.Phrase("title", ["interest", "rate"]) in two.subqueries
    three = with_pairs(parse_query(parser, 'body:"bank of the united states"'))
    assert isinstance(three, q.And)
    assert [s.text for s in three.subqueries[:-1]] == ["bank unit", "unit state"]
    assert isinstance(three.subqueries[-1], q.Phrase)  # positions still decide


# -- date ranges through the date column (index/whoosh/ranges.py) ---------------------------


@pytest.mark.parametrize(
    "query",
    [
        "published:2020-01",
        "published:2020-01-05",
        "published:[2020-01-03 to 2020-01-20]",
        "published:[to 2020-01-10]",
        "published:[2020-01-25 to]",
        "published:2020-01 drought",
        "published:2021",
    ],
)
def test_date_ranges_from_the_column_match_and_rank_as_whoosh_does(
    segmented: SearchIndex, query: str
) -> None:
    from kimreader.index.whoosh.ranges import ColumnDateRange, with_column_ranges

    library = segmented.library
    library.add(Article.create("Undated trade report", "A drought, no date."))
    library.remove(segmented.search("weather", limit=1).hits[0].id)  # a deleted document
    segmented.sync()
    searcher = segmented.backend.searcher()
    parsed = segmented.backend.parse(query)
    fast_query = with_column_ranges(parsed)
    assert any(isinstance(leaf, ColumnDateRange) for leaf in fast_query.leaves())
    slow = [(round(h.score, 6), h.docnum) for h in searcher.search(parsed, limit=None)]
    fast = [(round(h.score, 6), h.docnum) for h in searcher.search(fast_query, limit=None)]
    assert fast == slow
    assert len(searcher.search(fast_query)) == len(slow)  # the count pass (docs) agrees


def test_a_search_while_typing_stops_at_its_budget_and_is_completed_later(
    segmented: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(whoosh_backend, "TYPING_BUDGET", -1.0)  # out of time at once
    monkeypatch.setattr(whoosh_backend, "CHECK_EVERY", 1)
    typed = segmented.search("trade", limit=50, typing=True)
    # One hit from each segment (never none): "3+ found", the best of what was scored.
    assert typed.estimated and 0 < typed.total == len(typed.hits) < 13
    again = segmented.search("trade", limit=50, typing=True)
    assert again.estimated  # a cut answer is not kept: this one was looked for again
    monkeypatch.setattr(whoosh_backend, "TYPING_BUDGET", 60.0)
    assert segmented.search("trade", limit=50, typing=True).total == 13
    done = segmented.search("trade", limit=50)  # the pause after typing: exact, never cut
    assert (done.total, done.estimated) == (13, False)


def test_fuzzy_terms_while_typing_keep_the_first_letter(segmented: SearchIndex) -> None:
    typed = segmented.search("rrought~1", limit=50, typing=True)
    done = segmented.search("rrought~1", limit=50)
    assert typed.total == 0  # "drought" starts with another letter
    assert done.total == 7
    assert segmented.search("drougth~2", typing=True).total == 7  # first letter kept: found


@pytest.mark.parametrize("typing", [False, True])
def test_a_fuzzy_prefix_as_long_as_the_word_keeps_words_that_add_letters(
    segmented: SearchIndex, typing: bool
) -> None:
    """Whoosh's automaton raised IndexError for "war~1/3" (and for "w~" while typing)."""
    assert segmented.search("war~1/3", typing=typing).total == segmented.search("war").total
    # "trade" adds one letter to "trad"; "trader" would add two
    assert segmented.search("trad~1/4", typing=typing).total == segmented.search("trade").total
    assert segmented.search("w~", typing=typing).error == ""


def test_ids_are_read_through_the_searcher_that_found_the_documents(
    segmented: SearchIndex,
) -> None:
    """A search keeps reading ids through its own searcher when another commit has given the
    backend a newer one with other docnums (the id column was kept for whichever came first)."""
    backend = segmented.backend
    old = backend.searcher()
    old_ids = {d: old.stored_fields(d)["id"] for d in old.reader().all_doc_ids()}
    other = SearchIndex(Library.open(segmented.library.root, seed=False))  # another process
    other.ensure()
    other.library.add(_article(100, "A newer report on the trade war."))
    other.sync()  # a segment more: documents the old searcher's id column does not hold
    new = backend.searcher()  # not up to date: a new searcher; the old one is still open
    assert new is not old
    for docnum, article_id in old_ids.items():  # the search begun before the commit
        assert backend._id_of(old, docnum) == article_id
    for docnum in new.reader().all_doc_ids():  # the next search
        assert backend._id_of(new, docnum) == new.stored_fields(docnum)["id"]
