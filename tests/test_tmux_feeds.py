"""The installed `kimreader` in tmux at 80x24: R fetches a feed from 127.0.0.1 in the background."""

from __future__ import annotations

from pathlib import Path

from feedgen import Item, rss2
from loopback import LoopbackServer
from tmux_helpers import NEEDS_TMUX, Tmux, app_env

from kimreader.corpus.feedlist import FeedList, Subscription

pytestmark = NEEDS_TMUX


def test_fetching_a_feed_in_the_real_app(
    library: Path, tmp_path: Path, loopback: LoopbackServer
) -> None:
    page = loopback.readability_url("nytimes-1")
    feed = rss2("Loopback News", loopback.base, [Item("urn:1", page, "Sudan")])
    loopback.add("/feed", feed, content_type="application/rss+xml")
    with FeedList(library).editing() as feeds:
        feeds.append(Subscription("loopback-news", loopback.url("/feed")))
    tmux = Tmux()
    try:
        tmux.start("kim", f"kimreader --library {library}", app_env(tmp_path), size=(80, 24))
        tmux.wait_for("kim", r"2 articles, newest first")
        tmux.keys("kim", "R")
        tmux.wait_for("kim", r"1 new article from 1 feed")
        screen = tmux.wait_for("kim", r"new\b.*2017-01-13")  # the list, once reloaded
        assert "▌United States to Lift" in screen or " United States to Lift" in screen
        tmux.keys("kim", "/")
        tmux.keys("kim", "feed:loopback-news", literal=True)
        tmux.wait_for("kim", r"1 found for feed:loopback-news")
        tmux.keys("kim", "Escape")
        tmux.wait_for("kim", r"q Quit")  # out of the search bar (else q is typed)
        tmux.keys("kim", "q")
        assert tmux.wait_gone("kim", timeout=10), "kimreader did not quit on q"
    finally:
        tmux.kill()
    assert loopback.paths_requested() == ["/feed", "/readability/nytimes-1/"]
