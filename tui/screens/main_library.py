"""The library's side of the main screen: loading the catalog, noticing articles another
process added, opening the index, and the derived-data steps that follow (mixed into
MainScreen; the jobs themselves are in tui/jobs.py)."""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING

from kimreader.tui import jobs

LIBRARY_POLL_SECONDS = 3.0  # how often to look for articles added by another process

if TYPE_CHECKING:
    from kimreader.tui.screens.main import MainScreen


class LibraryJobs:
    """Loading the library and its index. Handlers are named (on_catalog_loaded, ...), not
    decorated: Textual finds named handlers on any class of the screen's MRO."""

    _library_stamp: int  # the library folder's mtime when last looked at (set by MainScreen)

    def show_saved_catalog(self: MainScreen) -> None:
        """The first frame's list: the newest of the catalog as last saved, with the reading
        state's marks (the whole catalog, its files checked, follows once the workspace is
        open; until then no key acts on the list)."""
        self.catalog, self.catalog_size = self.kim.library.saved_newest()
        if self.catalog:
            self.show_listing(self.listing)
        else:
            self.status.say("opening the library…")

    def on_workspace_opened(self: MainScreen, event: jobs.WorkspaceOpened) -> None:
        self.kim.workspace_opened(event.workspace)
        self._library_stamp = self._library_mtime()
        self.load_library()
        # One stat of the library folder every few seconds: articles another process adds
        # (always renamed into the folder) change its mtime. No redraw unless it changed.
        self.set_interval(LIBRARY_POLL_SECONDS, self.check_library_changed)

    def _library_mtime(self: MainScreen) -> int:
        try:
            return os.stat(self.kim.library.root).st_mtime_ns
        except OSError:
            return 0

    def check_library_changed(self: MainScreen) -> None:
        self.check_state_changed()
        stamp = self._library_mtime()
        if stamp != self._library_stamp:
            self._library_stamp = stamp
            self.load_library(refresh=True)

    def action_refresh(self: MainScreen) -> None:
        self._library_stamp = self._library_mtime()
        self.status.say("refreshing the library…")
        self.load_library(refresh=True)

    def load_library(self: MainScreen, refresh: bool = False) -> None:
        self.run_job(jobs.LIBRARY, partial(jobs.load_catalog, self.kim.workspace, refresh))

    def on_catalog_loaded(self: MainScreen, event: jobs.CatalogLoaded) -> None:
        self.catalog, self.catalog_size = event.catalog, len(event.catalog)
        if not self.listing.is_search:
            current = self.articles.current
            keep = current.id if current else self.article.id if self.article else ""
            self.show_listing(self.listing, keep=keep)  # a reload leaves the cursor where it was
        if not self.listing.is_search and self.catalog and self.article is None:
            self.open_article(self.articles.rows[0].id)  # start-up ends when it is shown
        else:
            self.kim.started()
        # Opening the index imports Whoosh, holding the GIL: start once the list is painted.
        self.call_after_refresh(self.open_index, event.refreshed)

    def open_index(self: MainScreen, refresh: bool = False) -> None:
        self.run_job(jobs.INDEX, partial(jobs.open_index, self.kim.workspace, refresh))

    def on_index_opened(self: MainScreen, event: jobs.IndexOpened) -> None:
        self.index_ready = True
        for problem in event.problems[:3]:
            self.app.notify(problem, severity="warning", markup=False)
        # A search listed while the index was brought up to date (typed during start-up, say)
        # may lack what it just indexed: run it again.
        if (event.refreshed or event.changed) and self._listed_search_is_latest():
            self.start_search(self.listing.query, keep_article=True, quiet=True)
        elif not self.listing.is_search and not self.requested:
            self.say_listing()
        if not self.job_running(jobs.DERIVED):  # an import's second phase, if it was cut short
            self.run_job(
                jobs.DERIVED, partial(jobs.fill_derived, self.kim.workspace, self.post_message)
            )

    def _listed_search_is_latest(self: MainScreen) -> bool:
        """Whether the list shows the results of the last search asked for: only then may the
        index catching up re-run it (a newer search, typed or in flight, sees the new index
        itself)."""
        return self.listing.is_search and self.listing.query == self.requested

    def on_derived_progress(self: MainScreen, event: jobs.DerivedProgress) -> None:
        self.status.say(f"{event.label} pending: {event.done} of {event.total} extracted")

    def on_derived_filled(self: MainScreen, event: jobs.DerivedFilled) -> None:
        if not self.job_running(jobs.EMBED):  # then sentence embeddings, in the background
            self.run_job(jobs.EMBED, partial(jobs.fill_embeddings, self.kim.workspace))
        if not event.filled:
            return
        self.status.say(f"entities extracted for {event.filled} article(s)")
        if self.article is not None:  # its sidebar may have said "entities pending"
            self.open_article(self.article.id)
