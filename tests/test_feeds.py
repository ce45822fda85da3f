"""Feeds below the app: parsing, discovery, OPML, the feed list file, and updating against a
real HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from feedgen import Item, atom, json_feed, rss1, rss2
from loopback import LoopbackServer, http_date, readability_page

from kimreader.corpus.feed_update import update_feeds
from kimreader.corpus.feedlist import FeedList, FeedListError, Subscription, feed_name
from kimreader.corpus.feeds import FeedError, discover_feeds, parse_feed, read_opml, write_opml
from kimreader.corpus.fetch import Fetcher, FetchLimits
from kimreader.corpus.readers import ReadError
from kimreader.index.workspace import ImportReport, Workspace

LONG_TEXT = "<p>" + "The feed carries the whole story of the harbour strike. " * 12 + "</p>"


def story(number: int) -> str:
    """Entry text of its own (the same words twice would be a duplicate)."""
    return f"<p>Story number {number} begins here.</p>" + LONG_TEXT.replace(
        "harbour", f"pier {number}"
    )


def items(base: str, *names: str) -> list[Item]:
    return [Item(f"urn:{n}", f"{base}/readability/{n}/", f"Entry {n}", LONG_TEXT) for n in names]


# -- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [rss2, rss1, atom, json_feed])
def test_every_format_gives_the_same_entries(make: Any):
    feed = make("Test News", "http://127.0.0.1/", items("http://127.0.0.1", "a", "b"))
    parsed = parse_feed(feed.encode("utf-8"), "http://127.0.0.1/feed")
    assert parsed.title == "Test News" and not parsed.malformed
    assert [e.guid for e in parsed.entries] == ["urn:a", "urn:b"]
    assert [e.url for e in parsed.entries][0] == "http://127.0.0.1/readability/a/"
    assert "harbour strike" in parsed.entries[0].content_html
    if make is not rss1:
        assert parsed.entries[0].published == date(2017, 1, 13)


def test_rss_091():
    feed = rss2("Old", "http://127.0.0.1/", items("http://127.0.0.1", "a"), version="0.91")
    assert parse_feed(feed.encode(), "http://127.0.0.1/f").entries[0].guid == "urn:a"


def test_relative_links_resolve_against_the_feed_url():
    feed = atom("T", "/", [Item("urn:x", "/story/1", "x", LONG_TEXT)])
    parsed = parse_feed(feed.encode(), "http://127.0.0.1:8000/feeds/main")
    assert parsed.entries[0].url == "http://127.0.0.1:8000/story/1"


def test_a_malformed_feed_is_read_leniently_and_says_so():
    feed = rss2("Broken & co", "http://127.0.0.1/", items("http://127.0.0.1", "a"))
    broken = feed.replace("<title>Entry a</title>", "<title>Entry a & b</title>")
    parsed = parse_feed(broken.encode(), "http://127.0.0.1/f")
    assert parsed.malformed  # feedparser's bozo
    assert [e.guid for e in parsed.entries] == ["urn:a"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<html><body>a page</body></html>", "a web page, not a feed"),
        (b"<?xml version='1.0'?><note>hello</note>", "not a feed"),
        (b'{"items": []}', "not a feed (JSON, but not a JSON Feed)"),
        (b"{broken json", "not a feed (invalid JSON"),
        (b"\x00\x01\x02 binary", "not a feed"),
    ],
)
def test_what_is_not_a_feed(data: bytes, reason: str):
    with pytest.raises(FeedError) as caught:
        parse_feed(data, "http://127.0.0.1/f")
    assert caught.value.reason.startswith(reason)
    assert str(caught.value).startswith("http://127.0.0.1/f: ")


def test_feed_text_is_sanitized_and_links_are_http_only():
    feed = rss2("Evil\x1b]0;pwned\x07 News", "javascript:alert(1)", [])
    feed = feed.replace(
        "<channel>",
        "<channel><item><title>T\x1b[2J</title><guid>g</guid>"
        "<link>javascript:alert(1)</link></item>",
    )
    parsed = parse_feed(feed.encode(), "http://127.0.0.1/f")
    assert "\x1b" not in parsed.title and parsed.site_url == ""
    assert parsed.entries[0].url == "" and "\x1b" not in parsed.entries[0].title


def test_feedparser_never_opens_a_path_given_as_the_document(tmp_path: Path):
    secret = tmp_path / "secret.xml"
    secret.write_text(rss2("Secret", "http://127.0.0.1/", items("http://127.0.0.1", "s")))
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), "http://127.0.0.1/f")


# -- discovery and OPML -----------------------------------------------------------------------


def test_discovery_on_a_real_page():
    page = readability_page("daringfireball-1").decode("utf-8")
    found = discover_feeds(page, "http://127.0.0.1:9/linked/2015/")
    assert [f.url for f in found] == ["http://127.0.0.1:9/feeds/main"]
    assert found[0].type == "application/atom+xml"


def test_discovery_keeps_page_order_and_skips_non_feeds():
    page = (
        '<html><head><link rel="stylesheet" type="text/css" href="/s.css">'
        '<link rel="alternate" type="application/rss+xml" href="/a.xml" title="A">'
        '<link rel="alternate home" type="application/feed+json" href="b.json">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:x">'
        '<link rel="alternate" hreflang="fr" type="text/html" href="/fr/">'
        "</head><body></body></html>"
    )
    found = discover_feeds(page, "http://127.0.0.1/news/")
    assert [(f.url, f.title) for f in found] == [
        ("http://127.0.0.1/a.xml", "A"),
        ("http://127.0.0.1/news/b.json", ""),
    ]


def test_opml_round_trip():
    from kimreader.corpus.feeds import OpmlFeed

    feeds = [
        OpmlFeed("http://127.0.0.1/a.xml", 'A & "B"', "http://127.0.0.1/"),
        OpmlFeed("http://127.0.0.1/b.xml", ""),
    ]
    assert read_opml(write_opml(feeds).encode(), "x.opml") == [
        feeds[0],
        OpmlFeed("http://127.0.0.1/b.xml", "http://127.0.0.1/b.xml"),
    ]


def test_opml_from_another_reader_with_folders():
    opml = b"""<?xml version="1.0"?><opml version="1.0"><head><title>subs</title></head><body>
      <outline text="News"><outline text="One" type="rss" xmlUrl="http://127.0.0.1/1.xml"/>
      <outline text="Two" xmlUrl="http://127.0.0.1/2.xml" htmlUrl="http://127.0.0.1/"/></outline>
      <outline text="bad" xmlUrl="file:///etc/passwd"/></body></opml>"""
    found = read_opml(opml, "subs.opml")
    assert [(f.url, f.title) for f in found] == [
        ("http://127.0.0.1/1.xml", "One"),
        ("http://127.0.0.1/2.xml", "Two"),
    ]


@pytest.mark.parametrize("data", [b"<html/>", b"not xml <", b""])
def test_a_file_that_is_not_opml(data: bytes):
    with pytest.raises(ReadError) as caught:
        read_opml(data, "x.opml")
    assert str(caught.value).startswith("x.opml: not an OPML file")


def test_opml_entities_are_not_expanded():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaaaaaaaa">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <opml><body><outline text="&b;" xmlUrl="http://127.0.0.1/x"/></body></opml>"""
    with pytest.raises(ReadError, match="declares XML entities"):
        read_opml(bomb, "x.opml")


# -- the feed list file -----------------------------------------------------------------------


def test_feed_list_round_trip_and_human_readable(tmp_path: Path):
    feeds = FeedList(tmp_path)
    with feeds.editing() as listed:
        listed.append(Subscription("bbc-news", "http://127.0.0.1/a.xml", title='Quote " me'))
        listed[0].remember(["g1", "g2"])
    text = (tmp_path / "feeds.yaml").read_text()
    assert text.startswith("# The feeds") and 'name: "bbc-news"' in text
    loaded = feeds.load()
    assert loaded[0].title == 'Quote " me' and loaded[0].seen == ["g1", "g2"]
    assert not list(tmp_path.glob(".tmp-*"))


def test_a_broken_feed_list_is_reported_never_overwritten(tmp_path: Path):
    path = tmp_path / "feeds.yaml"
    path.write_text("feeds: [this is: not valid\n")
    with pytest.raises(FeedListError, match="invalid YAML"):
        with FeedList(tmp_path).editing():
            pass
    assert path.read_text() == "feeds: [this is: not valid\n"


def test_a_hand_edited_feed_list_without_names(tmp_path: Path):
    (tmp_path / "feeds.yaml").write_text("feeds:\n  - url: http://127.0.0.1/x.xml\n")
    assert FeedList(tmp_path).load()[0].name == "127-0-0-1"


def test_feed_names():
    assert feed_name("BBC News — World", "http://x/", set()) == "bbc-news-world"
    assert feed_name("", "https://www.example.org/rss", set()) == "example-org"
    assert feed_name("News", "http://x/", {"news", "news-2"}) == "news-3"


def test_seen_ids_are_bounded():
    feed = Subscription("a", "http://127.0.0.1/")
    feed.remember([str(n) for n in range(1500)])
    feed.remember(["1499", "new"])
    assert len(feed.seen) == 1000 and feed.seen[-1] == "new" and feed.seen[0] == "501"


# -- updating ---------------------------------------------------------------------------------


class Run:
    """A workspace, its feed list, and `update_feeds` wired as `kimreader fetch` wires them."""

    def __init__(self, root: Path) -> None:
        self.workspace = Workspace.open(root)
        self.feeds = FeedList(root)

    def follow(self, name: str, url: str) -> None:
        with self.feeds.editing() as listed:
            listed.append(Subscription(name, url))

    def store(self, results: Iterable[Any], total: int) -> ImportReport:
        return self.workspace.add_results(results, total=total, with_entities=False)

    def fetch(self, limits: FetchLimits | None = None) -> list[Any]:
        known = {u for e in self.workspace.library.catalog() for u in (e.url, e.origin) if u}
        with Fetcher(limits) as fetcher:
            return update_feeds(self.feeds, fetcher, self.store, known)


@pytest.fixture
def run(tmp_path: Path) -> Run:
    return Run(tmp_path / "library")


def test_new_entries_become_full_articles_with_their_feed(loopback: LoopbackServer, run: Run):
    loopback.add(
        "/feed",
        atom("Test News", loopback.base, items(loopback.base, "nytimes-1")),
        content_type="application/atom+xml",
    )
    run.follow("test-news", loopback.url("/feed"))
    [result] = run.fetch()
    assert result.summary() == "test-news: 1 new"
    article = run.workspace.get(result.added[0])
    assert article.title == "United States to Lift Sudan Sanctions"  # the page, not the entry
    assert article.feed == "test-news" and article.fetched
    assert article.origin == loopback.readability_url("nytimes-1")
    hits = run.workspace.index.search("feed:test-news sudan")
    assert [h.id for h in hits.hits] == [article.id]
    assert run.workspace.index.search("feed:other sudan").total == 0


def test_etag_is_honoured_and_only_new_entries_are_fetched(loopback: LoopbackServer, run: Run):
    first = atom("T", loopback.base, items(loopback.base, "nytimes-1"))
    loopback.add("/feed", first, content_type="application/atom+xml", etag='"v1"')
    run.follow("t", loopback.url("/feed"))
    assert run.fetch()[0].summary() == "t: 1 new"
    assert run.fetch()[0].summary() == "t: not modified"
    assert loopback.requests[-1].headers.get("If-None-Match") == '"v1"'
    pages = loopback.paths_requested().count("/readability/nytimes-1/")
    second = atom("T", loopback.base, items(loopback.base, "nytimes-1", "bbc-1"))
    loopback.add("/feed", second, content_type="application/atom+xml", etag='"v2"')
    assert run.fetch()[0].summary() == "t: 1 new"
    assert loopback.paths_requested().count("/readability/nytimes-1/") == pages  # not again
    assert loopback.paths_requested().count("/readability/bbc-1/") == 1
    assert run.feeds.load()[0].etag == '"v2"'


def test_last_modified_is_honoured(loopback: LoopbackServer, run: Run):
    stamp = http_date(1_500_000_000)
    loopback.add(
        "/feed",
        rss2("T", loopback.base, items(loopback.base, "nytimes-1")),
        content_type="application/rss+xml",
        last_modified=stamp,
    )
    run.follow("t", loopback.url("/feed"))
    run.fetch()
    assert run.fetch()[0].not_modified
    assert loopback.requests[-1].headers.get("If-Modified-Since") == stamp


def test_dedup_by_guid_and_by_url(loopback: LoopbackServer, run: Run):
    # Two entries with one page; one entry whose page the library already has.
    base = loopback.base
    already = loopback.readability_url("bbc-1")
    run.workspace.add_results([Fetcher().page(already)], total=1, with_entities=False)
    entries = [
        Item("urn:1", f"{base}/readability/nytimes-1/", "one", LONG_TEXT),
        Item("urn:1", f"{base}/readability/nytimes-1/", "one again", LONG_TEXT),
        Item("urn:2", already, "two", LONG_TEXT),
    ]
    loopback.add("/feed", rss2("T", base, entries), content_type="application/rss+xml")
    run.follow("t", loopback.url("/feed"))
    assert run.fetch()[0].summary() == "t: 1 new, 1 already in the library"
    assert loopback.paths_requested().count("/readability/bbc-1/") == 1  # only the add above
    assert run.fetch()[0].summary() == "t: 0 new"  # no etag: fetched again, nothing new


def test_missing_pages_fall_back_to_the_entrys_own_text(loopback: LoopbackServer, run: Run):
    base = loopback.base
    entries = [
        Item("urn:gone", f"{base}/gone", "The strike", LONG_TEXT),
        Item("urn:empty", f"{base}/status/500", "No text", ""),
    ]
    loopback.add("/feed", json_feed("JSON News", base, entries), content_type="application/json")
    run.follow("j", loopback.url("/feed"))
    [result] = run.fetch()
    assert result.summary() == "j: 1 new, 1 from the feed's own text, 1 failed"
    assert result.failed == [
        f"{base}/status/500: HTTP 500 Internal Server Error; the feed gives no text either"
    ]
    article = run.workspace.get(result.added[0])
    assert article.title == "The strike" and "harbour strike" in article.body
    assert article.authors == ("Ann Writer",) and article.source == "JSON News"
    assert article.published == date(2017, 1, 13) and article.origin == f"{base}/gone"
    # The failed entry is not remembered: the next fetch tries it again.
    assert run.feeds.load()[0].seen == ["urn:gone"]


def test_one_feeds_failure_never_stops_the_others(loopback: LoopbackServer, run: Run):
    loopback.add(
        "/good",
        rss2("Good", loopback.base, items(loopback.base, "nytimes-1")),
        content_type="application/rss+xml",
    )
    loopback.add("/page", readability_page("bbc-1"))
    run.follow("missing", loopback.url("/status/404"))
    run.follow("slow", loopback.url("/slow"))
    run.follow("a-page", loopback.url("/page"))
    run.follow("good", loopback.url("/good"))
    # The slow feed answers long after the read timeout, which leaves the other answers time
    # to arrive on a loaded machine (0.5 s once timed out the page's answer too).
    loopback.slow_seconds = 10.0
    results = run.fetch(FetchLimits(read_timeout=3.0))
    assert [r.summary() for r in results] == [
        "missing: failed: HTTP 404 Not Found",
        "slow: failed: timeout (no answer in 3 s)",
        "a-page: failed: a web page, not a feed ('kimreader feeds add' finds a page's feed)",
        "good: 1 new",
    ]
    statuses = {f.name: f.status for f in run.feeds.load()}
    assert statuses["missing"] == "failed: HTTP 404 Not Found" and statuses["good"] == "1 new"


def test_a_feed_edited_during_a_fetch_keeps_both_changes(loopback: LoopbackServer, run: Run):
    loopback.add(
        "/feed",
        rss2("T", loopback.base, items(loopback.base, "nytimes-1")),
        content_type="application/rss+xml",
        etag='"e"',
    )
    run.follow("t", loopback.url("/feed"))

    def store(results: Iterable[Any], total: int) -> ImportReport:
        with run.feeds.editing() as listed:  # someone adds a feed while this one is fetched
            listed.append(Subscription("other", loopback.url("/other")))
        return run.store(results, total)

    with Fetcher() as fetcher:
        update_feeds(run.feeds, fetcher, store, set())
    names = {f.name: f for f in run.feeds.load()}
    assert set(names) == {"t", "other"} and names["t"].etag == '"e"'


def test_a_long_archive_takes_only_the_newest_entries(
    loopback: LoopbackServer, run: Run, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("kimreader.corpus.feed_update.MAX_NEW_ENTRIES", 2)
    base = loopback.base
    entries = [Item(f"urn:{n}", f"{base}/gone/{n}", f"Story {n}", story(n)) for n in range(5)]
    loopback.add("/feed", rss2("Archive", base, entries), content_type="application/rss+xml")
    run.follow("archive", loopback.url("/feed"))
    [result] = run.fetch()
    assert result.summary() == (
        "archive: 2 new, 2 from the feed's own text, 3 older entries skipped"
    )
    assert sorted(run.workspace.get(i).title for i in result.added) == ["Story 0", "Story 1"]
    assert run.fetch()[0].summary() == "archive: 0 new"  # the skipped ones are not taken later


def test_adding_a_feeds_article_by_hand_keeps_its_feed(loopback: LoopbackServer, run: Run):
    base = loopback.base
    loopback.add("/story", "<html><body><article><p>" + "First text. " * 40 + "</p></article>")
    entries = [Item("urn:s", f"{base}/story", "Story")]
    loopback.add("/feed", rss2("T", base, entries), content_type="application/rss+xml")
    run.follow("t", loopback.url("/feed"))
    [article_id] = run.fetch()[0].added
    loopback.add("/story", "<html><body><article><p>" + "Corrected text. " * 40 + "</p></article>")
    with Fetcher() as fetcher:
        report = run.store([fetcher.page(f"{base}/story")], 1)
    assert report.updated == [article_id]
    article = run.workspace.get(article_id)
    assert "Corrected" in article.body and article.feed == "t"


def test_feed_documents_download_a_few_at_a_time(loopback: LoopbackServer, run: Run):
    for name in "abcdef":
        run.follow(name, loopback.url(f"/slow?{name}"))
    loopback.slow_seconds = 1.0
    results = run.fetch(FetchLimits(read_timeout=5))
    assert [r.name for r in results] == list("abcdef")  # reported in the list's order
    assert 2 <= loopback.max_in_flight <= 4  # at once, but never past the limit of four


def test_many_comments_before_the_root_are_read_in_one_pass() -> None:
    """A fetched document of many comments and no feed root (or a feed after them): each comment
    is matched once; a pattern whose comments could run into each other took time exponential in
    their number (about 2 s for 23, hours for 40)."""
    from kimreader.corpus.feeds import looks_like_feed

    comments = b"<!-- a -- b -->" * 200
    assert not looks_like_feed(comments + b"<x/>")
    assert looks_like_feed(b'<?xml version="1.0"?>' + comments + b"<rss version='2.0'>")
    with pytest.raises(FeedError, match="a web page"):
        parse_feed(comments + b"<!DOCTYPE html><html>", "https://example.org/")
    assert not looks_like_feed(b"<?xml?>" * 200 + b"<x/>")
