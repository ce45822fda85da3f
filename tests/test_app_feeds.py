"""Fetching feeds from the app: a key, a background worker, progress and new articles marked."""

from __future__ import annotations

from pathlib import Path

from app_helpers import make_app, search, started, wait_until
from feedgen import Item, atom
from loopback import LoopbackServer

from kimreader.corpus.feedlist import FeedList, Subscription

SUDAN = "United States to Lift Sudan Sanctions"


def follow(library: Path, loopback: LoopbackServer, *pages: str) -> None:
    base = loopback.base
    entries = [Item(f"urn:{p}", f"{base}/readability/{p}/", p) for p in pages]
    loopback.add("/feed", atom("Loopback News", base, entries), content_type="application/atom+xml")
    with FeedList(library).editing() as feeds:
        feeds.append(Subscription("loopback-news", loopback.url("/feed")))


async def test_fetching_feeds_in_the_background(library: Path, loopback: LoopbackServer) -> None:
    follow(library, loopback, "nytimes-1", "bbc-1")
    with FeedList(library).editing() as feeds:
        # A second feed whose answer waits for the test: the app stays usable meanwhile.
        feeds.append(Subscription("slow", loopback.url("/held")))
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        await pilot.press("R")
        await wait_until(pilot, lambda: len(main.articles.rows) == 4, "the new articles")
        # The slow feed is still being fetched: keys work meanwhile, progress is shown.
        assert main.job_running("feeds")
        assert main.feeds_note[0].startswith("fetching feeds: slow (2 of 2)")
        await pilot.press("R")
        # A second R while fetching starts nothing (the status line says so, briefly).
        running = [w for w in main.workers if w.name == "feeds" and not w.is_finished]
        assert len(running) == 1 and loopback.paths_requested().count("/feed") == 1
        await pilot.press("j")
        new = [row for row in main.articles.rows if row.new]
        assert sorted(row.title for row in new)[1] == SUDAN and len(new) == 2
        loopback.release.set()
        await wait_until(pilot, lambda: not main.job_running("feeds"), "the fetch to finish")
        await pilot.pause()
        # The result (kept on the status line while the list reloads; the background entity
        # extraction may speak after it).
        note, kind = main.feeds_note
        assert note.startswith("2 new articles from 2 feeds · 1 failed: slow (a web page, not a")
        assert kind == "error"
        # Opening a new article makes it no longer new.
        index = next(i for i, row in enumerate(main.articles.rows) if row.title == SUDAN)
        main.articles.cursor = index
        await pilot.press("enter")
        await wait_until(pilot, lambda: main.article and main.article.title == SUDAN, "open")
        assert not main.articles.rows[index].new
        # The feed filter works on what was fetched.
        await search(pilot, "feed:loopback-news")
        # The answer to the whole query: on a loaded machine an earlier keystroke's answer
        # ("feed:loopback-new") may still be the one shown when typing ends.
        await wait_until(
            pilot,
            lambda: main.result is not None and main.result.query == "feed:loopback-news",
            "the feed's articles",
        )
        assert main.result is not None and main.result.total == 2


async def test_fetching_with_no_feeds_says_how_to_add_one(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        await pilot.press("R")
        await wait_until(pilot, lambda: not main.job_running("feeds"), "the fetch to finish")
        await pilot.pause()
        assert main.status.message.startswith("no feeds followed")
        assert main.status.kind == "hint"


async def test_the_palette_lists_a_feeds_articles(library: Path) -> None:
    from test_app import palette

    with FeedList(library).editing() as feeds:  # followed, never fetched: no request is made
        feeds.append(Subscription("harbour-news", "http://127.0.0.1:9/feed"))
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        await palette(pilot, "feed harbour", "Feed: harbour-news")
        await wait_until(pilot, lambda: main.query_text == "feed:harbour-news", "the feed")
        assert main.search_bar.value == "feed:harbour-news"
