"""Fetching feeds from the main screen (R): a background job, its progress and result on the
status line, and the articles it adds marked new until opened (mixed into MainScreen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from kimreader.tui import jobs

if TYPE_CHECKING:
    from kimreader.tui.screens.main import MainScreen


class FeedKeys:
    """The main screen's feed fetching. Handlers are named (on_feeds_progress, ...), not
    decorated: Textual finds named handlers on any class of the screen's MRO."""

    def action_fetch_feeds(self: MainScreen) -> None:
        if self.job_running(jobs.FEEDS):
            self.status.say("already fetching feeds…", "hint")
            return
        self.say_feeds("fetching feeds…")
        root = self.kim.workspace.library.root
        self.run_job(jobs.FEEDS, partial(jobs.fetch_feeds, root, self.post_message))

    def feed_commands(self: MainScreen) -> Iterator[tuple[str, Callable[[], object], str]]:
        """(text, callback, help) for the palette: each feed's articles (feed:NAME). The
        palette shows the text as plain Content; the help, which it parses, is ours."""
        from kimreader.corpus.feedlist import FeedList, FeedListError

        try:
            feeds = FeedList(self.kim.workspace.library.root).load()
        except FeedListError:
            return  # the broken file is reported by the commands that use it
        for feed in feeds:
            yield (f"Feed: {feed.name}", partial(self.search_for, f"feed:{feed.name}"),
                   "List its articles (feed:NAME)")  # fmt: skip

    def say_feeds(self: MainScreen, note: str, kind: str = "info") -> None:
        self.feeds_note = (note, kind)
        self.status.say(note, kind)

    def on_feeds_progress(self: MainScreen, event: jobs.FeedsProgress) -> None:
        self.say_feeds(event.progress.describe())

    def on_feed_stored(self: MainScreen, event: jobs.FeedStored) -> None:
        added = set(event.result.added) | set(event.result.updated)
        if added:
            self.new_ids |= set(event.result.added)
            self.load_library(refresh=True)

    def on_feeds_fetched(self: MainScreen, event: jobs.FeedsFetched) -> None:
        from kimreader.corpus.feed_update import overall_summary

        failed = any(not r.ok or r.failed for r in event.results)
        kind = "hint" if not event.results else "error" if failed else "info"
        self.say_feeds(overall_summary(event.results), kind)
