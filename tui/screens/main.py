"""The main screen: search bar, article list, reader, entity sidebar, status line, footer.

Widgets post messages; this screen handles them. Loading, searching and opening run as thread
workers (exclusive per kind: a newer request supersedes an older one) that post typed messages
(`tui/jobs.py`); a failed worker is turned into a status-line message in one place
(`job_failed`). `self.listing` is the one source of truth for what the list shows.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from kimreader.corpus.order import in_order
from kimreader.tui import actions, jobs
from kimreader.tui.listing import (
    Listing,
    catalog_message,
    error_message,
    result_message,
    row_of_entry,
    row_of_hit,
)
from kimreader.tui.screens.main_compare import CompareKeys
from kimreader.tui.screens.main_entities import EntityKeys, entity_query
from kimreader.tui.screens.main_feeds import FeedKeys
from kimreader.tui.screens.main_library import LibraryJobs
from kimreader.tui.screens.track import TrackKeys
from kimreader.tui.widgets.article_list import ArticleList, Row
from kimreader.tui.widgets.footer import KeysFooter
from kimreader.tui.widgets.panes import Panes
from kimreader.tui.widgets.search_bar import SearchBar
from kimreader.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    # Types only: the domain is imported after the first frame, with the workspace.
    from kimreader.analysis.entity import Entity
    from kimreader.corpus.article import Article
    from kimreader.corpus.library import CatalogEntry
    from kimreader.index.search import Hit, SearchResult
    from kimreader.tui.app import KimReaderApp
    from kimreader.tui.widgets.entity_sidebar import EntityList
    from kimreader.tui.widgets.reader import ReaderView


class MainScreen(
    LibraryJobs,
    CompareKeys,
    TrackKeys,
    EntityKeys,
    FeedKeys,
    jobs.JobRunner,
    Screen[None],
    inherit_bindings=False,
):
    BINDINGS: ClassVar = actions.bindings("main")
    # The list has focus from the start: Textual's default (the first focusable widget, the
    # search bar) would be focused and blurred again, restyling both before the first frame.
    AUTO_FOCUS = "#articles"

    def __init__(self) -> None:
        super().__init__(id="main")
        self.catalog: list[CatalogEntry] = []
        self.catalog_size = 0  # the library's articles (the first frame lists the newest alone)
        self.listing = Listing()  # what the list shows
        self.requested = ""  # the query last sent to the index (results for others are stale)
        self.incomplete = False  # its results lack an exact count or a suggestion: Enter adds them
        self.article: Article | None = None
        self.filter_entity: Entity | None = None  # the entity whose query is listed
        self.index_ready = False
        self._debounce: Timer | None = None
        self._open_passage: tuple[int, int] | None = None  # where to show the next article
        self._hit_on_open = 1  # the next article opens at its first hit (1) or last (-1)
        self._library_stamp = 0
        self.new_ids: set[str] = set()  # fetched from feeds meanwhile, not opened yet
        self.feeds_note: tuple[str, str] = ("", "info")  # fetching feeds: progress, then result

    @property
    def kim(self) -> KimReaderApp:
        return self.app  # type: ignore[return-value]

    @property
    def query_text(self) -> str:
        """The query whose results the list shows ("" for the whole library)."""
        return self.listing.query

    @property
    def result(self) -> SearchResult | None:
        return self.listing.result

    @property
    def sort_mode(self) -> str:
        return self.listing.sort

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        yield Panes(id="panes")
        yield StatusLine(id="status")
        yield KeysFooter()

    @property
    def panes(self) -> Panes:
        return self.query_one(Panes)

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderView:
        return self.panes.reader

    @property
    def sidebar(self) -> EntityList:
        return self.panes.sidebar

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.search_bar.leave_to = lambda: self.panes.home
        self.set_focus(self.articles)
        self.show_saved_catalog()
        # Paint the first frame before a worker thread starts competing for the GIL.
        self.call_after_refresh(self.first_frame_painted)

    async def first_frame_painted(self) -> None:
        self.kim.first_frame_painted()
        # The reader and sidebar (empty in that frame) take their places before anything
        # can be shown in them: this screen's handlers wait for this one.
        await self.panes.mount_panes()
        self.run_job(jobs.WORKSPACE, self.kim.workspace_job())

    # -- background jobs --------------------------------------------------------------------

    def job_failed(self, name: str, message: str) -> None:
        """The one error path of the workers (jobs.JobRunner): the status line, never a crash
        (a library that cannot be opened at all ends the app with that line on stderr)."""
        if name == jobs.WORKSPACE:
            self.kim.cannot_start(message)
            return
        if name in (jobs.LIBRARY, jobs.ARTICLE):
            self.kim.started()  # what start-up waited for failed: the keys held go on
        if name == jobs.SEARCH:
            self.show_listing(Listing(self.requested, error=message), message)
        else:
            self.status.say(message, "error")

    # -- what the list shows ----------------------------------------------------------------

    def show_listing(self, listing: Listing, error: str = "", keep: str = "") -> None:
        """Show `listing` in the list (rows sorted, cursor kept on `keep` if listed)."""
        self.listing = listing
        self.refresh_bindings()
        if listing.result is not None:
            known = {r.id: r.hit_count for r in self.articles.rows}
            rows = [row_of_hit(h) for h in listing.result.hits]
            rows = [r if r.hit_count is not None else _with_count(r, known.get(r.id))
                    for r in rows]  # fmt: skip
        elif listing.is_search:
            rows = []  # a malformed query or a failed search lists nothing
        else:
            rows = [row_of_entry(e) for e in self.catalog]
        if self.new_ids:
            rows = [replace(r, new=True) if r.id in self.new_ids else r for r in rows]
        self.articles.marks = self.state_snapshot()
        total = self.catalog_size if listing.result is None and not listing.is_search else None
        self.articles.set_rows(in_order(rows, listing.sort), keep=keep, total=total)
        if error:
            self.status.say(error, "error")
            self.reader.set_hits(())
        else:
            self.say_listing()

    def say_listing(self) -> None:
        result = self.listing.result
        if result is not None:
            self.status.say(*result_message(result, self.listing.sort))
        elif not self.listing.is_search:
            message, kind = catalog_message(self.catalog_size, self.listing.sort, self.index_ready)
            note, note_kind = self.feeds_note
            if note:  # what fetching feeds did stays in view while the list reloads
                message, kind = f"{note} · {message}", note_kind
            self.status.say(message, kind)

    # -- searching --------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def query_typed(self, event: Input.Changed) -> None:
        self._stop_debounce()
        text = event.value.strip()
        if text != self.requested:
            self._debounce = self.set_timer(
                self.kim.settings.search_debounce, partial(self.start_search, text, typing=True)
            )

    @on(Input.Submitted, "#search")
    def query_submitted(self, event: Input.Submitted) -> None:
        # Focus already moved when the bar handled Enter (see SearchBar): not moved again here.
        self._stop_debounce()
        if event.value.strip() != self.requested:
            self.start_search(event.value)
        elif self.incomplete:  # complete the search typed so far: exact count, "did you mean"
            self.start_search(event.value, keep_article=True)

    def _stop_debounce(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None

    def start_search(
        self, text: str, keep_article: bool = False, typing: bool = False, quiet: bool = False
    ) -> None:
        """Search for `text`; `quiet` for the app's own re-runs, which keep the status line
        (what the user just did) unless the results changed."""
        text = text.strip()
        self.requested, self.incomplete = text, False
        if not self.job_running(jobs.FEEDS):
            self.feeds_note = ("", "info")
        if not text:
            self.clear_search()
            return
        if not quiet:
            self.status.say(f"searching for {text}…")
        job = partial(jobs.search, self.kim.workspace, text, keep_article, typing, quiet)
        self.run_job(jobs.SEARCH, job)

    def clear_search(self) -> None:
        self.filter_entity = None
        sort = "date" if self.listing.sort == "relevance" else self.listing.sort
        keep = self.article.id if self.article else ""
        self.show_listing(Listing(sort=sort), keep=keep)
        self.reader.set_hits(())

    @on(jobs.SearchFinished)
    def search_finished(self, event: jobs.SearchFinished) -> None:
        result = event.result
        if result.query.strip() != self.requested:
            return  # a newer search is under way
        if self.filter_entity is not None and entity_query(self.filter_entity) != result.query:
            self.filter_entity = None
        if result.error:
            if event.quiet and self.listing.error == result.error:
                return  # re-run by the app: still malformed, and already said
            self.show_listing(
                Listing(result.query, error=result.error), error_message(result.error)
            )
            return
        if event.quiet and _same_hits(self.listing.result, result):
            return  # the index caught up and nothing the user sees changed
        keep = self.article.id if event.keep_article and self.article else ""
        # A refresh re-runs the query: the order the user chose stays; a new query: best first.
        same = event.keep_article and self.listing.query == result.query and self.listing.result
        sort = self.listing.sort if same else "relevance"
        self.show_listing(Listing(result.query, result, sort=sort), keep=keep)
        self.incomplete = event.typing and (result.total < 2 or result.estimated)
        if self.incomplete:
            # A pause completes it (the next keystroke stops the timer).
            complete = partial(self.start_search, result.query, keep_article=True)
            self._debounce = self.set_timer(jobs.PAUSE_SECONDS, complete)
        if event.keep_article:
            return
        if self.articles.rows:
            self.open_article(self.articles.rows[0].id)
        else:
            self.reader.set_hits(())

    # -- opening an article -----------------------------------------------------------------

    @on(ArticleList.Chosen)
    def article_chosen(self, event: ArticleList.Chosen) -> None:
        self.open_by_reader(event.article_id)
        if self.panes.mode == "wide":
            self.panes.set_mode("normal")  # the list was wide until an article is opened
        self.set_focus(self.reader)

    def open_chosen(self, article_id: str) -> None:
        """Open an article picked elsewhere (palette, related), the list's cursor following."""
        index = next((i for i, r in enumerate(self.articles.rows) if r.id == article_id), None)
        if index is not None:
            self.articles.cursor = index
        self.open_by_reader(article_id)
        self.set_focus(self.reader)

    def open_article(self, article_id: str) -> None:
        hit = self._hit(article_id)
        job = partial(
            jobs.load_article,
            self.kim.workspace,
            article_id,
            self.listing.query if self.listing.result else "",
            hit,
        )
        self.run_job(jobs.ARTICLE, job)

    def _hit(self, article_id: str) -> Hit | None:
        result = self.listing.result
        if result is None:
            return None
        return next((h for h in result.hits if h.id == article_id), None)

    @on(jobs.ArticleLoaded)
    def article_loaded(self, event: jobs.ArticleLoaded) -> None:
        loaded = event.loaded
        shown_query = self.listing.query if self.listing.result else ""
        if event.query != shown_query:  # loaded for a search since replaced: its hits are stale
            loaded = replace(loaded, body_hits=(), title_hits=())
        article = self.article = loaded.article
        self.show_marked(article, loaded.body_hits, loaded.title_hits)
        self.sidebar.show_entities(loaded.entities, pending=loaded.entities_pending)
        self.refresh_bindings()
        self.articles.mark_open(article.id)
        if article.id in self.new_ids:
            self.new_ids.discard(article.id)
            self._unmark_new(article.id)
        row = next((r for r in self.articles.rows if r.id == article.id), None)
        if row is not None and self.listing.result and row.hit_count is None:
            count = len(loaded.body_hits) + len(loaded.title_hits)
            self.articles.update_row(_with_count(row, count))
        if loaded.problem:
            self.status.say(loaded.problem, "error")
        step, self._hit_on_open = self._hit_on_open, 1
        if self.listing.result and self.reader.hits:
            self.reader.next_hit(step)  # the first hit; the last when `N` carried over
        if self.filter_entity is not None:
            self._select_filtered(self.filter_entity)
        self._scroll_to_open_offset()
        self.kim.started()

    def _select_filtered(self, wanted: Entity) -> None:
        from kimreader.analysis.names import same_entity

        for entity in self.sidebar.entities:
            if entity.type == wanted.type and same_entity(
                wanted.name, wanted.aliases, entity.name, entity.aliases, entity.type
            ):
                self.sidebar.select_entity(entity)
                return

    def _unmark_new(self, article_id: str) -> None:
        row = next((r for r in self.articles.rows if r.id == article_id), None)
        if row is not None and row.new:
            self.articles.update_row(replace(row, new=False))

    # -- the reader's counters --------------------------------------------------------------

    def on_reader_view_hit_changed(self, event: ReaderView.HitChanged) -> None:
        self.status.show_hits(event.current, event.total, self.listing.result is not None)

    def on_reader_view_mention_changed(self, event: ReaderView.MentionChanged) -> None:
        self.status.show_mentions(event.current, event.total)

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hit and mention keys only when there is something to go to (the footer follows)."""
        if action in ("next_hit", "previous_hit"):
            return self.listing.result is not None
        if action in ("next_mention", "previous_mention"):
            return self.panes.ready and self.sidebar.selected is not None
        return True

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        """The next (step 1) or previous (-1) hit; past the last one, on into the next article
        in the list, as `less` goes on to the next file; the message says so."""
        reader = self.reader
        if self.listing.result is None:
            self.status.say("no search: press / and type a query", "hint")
            return
        self.status.settle()  # a "next article" message gives way, so the counter shows again
        edge = len(reader.hits) - 1 if step > 0 else 0
        at_edge = not reader.hits or reader.current_hit == edge
        if at_edge and self._carry_hit(step):
            return
        if reader.next_hit(step) is None:
            self.status.say_for_now("no hits in this article")
        elif at_edge:
            where = "first" if step > 0 else "last"
            self.status.say_for_now(f"back to the {where} hit: no more articles in the list")

    def _carry_hit(self, step: int) -> bool:
        """Open the list's next (or previous) article at its first (or last) hit, if any."""
        rows = self.articles.rows
        ids = [row.id for row in rows]
        here = ids.index(self.article.id) if self.article and self.article.id in ids else -1
        target = here + step if here >= 0 else (0 if step > 0 else len(rows) - 1)
        if not 0 <= target < len(rows) or target == here:
            return False
        self._hit_on_open = step
        self.articles.cursor = target
        self.open_by_reader(rows[target].id)
        which = "next" if step > 0 else "previous"
        self.status.say_for_now(f"{which} article: {rows[target].title or '(untitled)'}")
        return True

    def action_next_mention(self) -> None:
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def _step_mention(self, step: int) -> None:
        if self.reader.next_mention(step) is None:
            self.status.say("select an entity in the sidebar first (Enter)", "hint")

    def action_cycle_sort(self) -> None:
        keep = self.articles.current.id if self.articles.current else ""
        self.show_listing(self.listing.sorted_by(self.listing.next_sort()), keep=keep)

    def action_toggle_sidebar(self) -> None:
        self.panes.toggle_sidebar()

    def action_pane(self, step: int) -> None:
        self.panes.step_focus(step)

    def action_wide_list(self) -> None:
        self.panes.set_mode("normal" if self.panes.mode == "wide" else "wide")

    def action_reading(self) -> None:
        self.panes.set_mode("normal" if self.panes.mode == "reading" else "reading")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.panes.mark_active_pane()


def _with_count(row: Row, hit_count: int | None) -> Row:
    return replace(row, hit_count=hit_count)


def _same_hits(shown: SearchResult | None, fresh: SearchResult) -> bool:
    """Whether a re-run found what the list already shows (same articles, count and notes)."""
    if shown is None:
        return False
    key = (fresh.total, fresh.estimated, fresh.note, fresh.suggestion, fresh.error)
    return (shown.total, shown.estimated, shown.note, shown.suggestion, shown.error) == key and [
        h.id for h in shown.hits
    ] == [h.id for h in fresh.hits]
