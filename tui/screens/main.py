"""The main screen: search bar, article list, reader, entity sidebar, status line, footer.

Widgets post messages; this screen handles them. Searching and loading run in thread workers
(exclusive: a newer request supersedes an older one) so the interface never waits on the disk.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import get_current_worker

from kimreader.analysis.entity import Entity
from kimreader.analysis.names import same_entity
from kimreader.corpus.article import Article
from kimreader.corpus.library import CatalogEntry, LibraryError
from kimreader.index.search import Hit, IndexBusy, SearchResult
from kimreader.tui import actions
from kimreader.tui.widgets.article_list import ArticleList, Row
from kimreader.tui.widgets.entity_sidebar import FILTER_FIELDS, EntityList
from kimreader.tui.widgets.footer import KeysFooter
from kimreader.tui.widgets.reader import ReaderView
from kimreader.tui.widgets.search_bar import SearchBar
from kimreader.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from kimreader.tui.app import KimReaderApp

DEBOUNCE_SECONDS = 0.15
LIBRARY_POLL_SECONDS = 3.0  # how often to look for articles added by another process
SEARCH_LIMIT = 1000  # hits listed; the status line says when there are more
OFFSETS_FOR = 30  # hits whose offsets come with the search; the rest are counted when opened
NARROW_WIDTH = 120  # narrower terminals get narrower side panes
SIDEBAR_MIN_WIDTH = 100  # narrower terminals hide the sidebar until asked for
ONE_PANE_WIDTH = 60  # narrower terminals show one pane at a time
SORTS = ("date", "title", "source")
SORT_NAMES = {
    "relevance": "best match first",
    "date": "newest first",
    "title": "by title",
    "source": "by source",
}


def sort_rows(rows: Sequence[Row], mode: str) -> list[Row]:
    if mode == "title":
        return sorted(rows, key=lambda r: (r.title.casefold(), r.id))
    if mode == "source":
        return sorted(rows, key=lambda r: (r.source.casefold(), r.title.casefold(), r.id))
    if mode == "date":
        return sorted(rows, key=lambda r: (r.published, r.title), reverse=True)
    return list(rows)  # relevance: the index's order


def row_of_entry(entry: CatalogEntry) -> Row:
    return Row(entry.id, entry.title, entry.source, entry.published)


def row_of_hit(hit: Hit) -> Row:
    return Row(
        hit.id, hit.title, hit.source, hit.published, hit.hit_count if hit.with_offsets else None
    )


def entity_query(entity: Entity) -> str:
    name = " ".join(entity.name.replace('"', " ").split())
    return f'{FILTER_FIELDS[entity.type]}:"{name}"'


class MainScreen(Screen[None], inherit_bindings=False):
    BINDINGS: ClassVar = actions.bindings("main")

    def __init__(self) -> None:
        super().__init__(id="main")
        self.catalog: list[CatalogEntry] = []
        self.result: SearchResult | None = None
        self.query_text = ""  # the query whose results the list shows
        self.sort_mode = "date"
        self.article: Article | None = None
        self.filter_entity: Entity | None = None
        self.sidebar_wanted: bool | None = None  # None: by terminal width
        self.index_ready = False
        self._debounce: Timer | None = None
        self._searching = ""  # the query last sent to the index
        self._hit_counter = ""
        self._mention_counter = ""
        self._open_offset: int | None = None  # where to scroll the next article shown
        self._keep_article = False  # a refresh re-ran the search: do not jump to its first hit
        self._library_stamp = 0

    @property
    def kim(self) -> KimReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield ReaderView(id="reader")
            yield EntityList(id="entities")
        yield StatusLine(id="status")
        yield KeysFooter(compact=True, show_command_palette=False)

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def sidebar(self) -> EntityList:
        return self.query_one(EntityList)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.status.say("opening the library…")
        self.search_bar.leave_to = self.articles
        self.set_focus(self.articles)
        self._library_stamp = self._library_mtime()
        # Paint the first frame before a worker thread starts competing for the GIL.
        self.call_after_refresh(self.load_library)
        # One stat of the library folder every few seconds: articles another process adds
        # (always renamed into the folder) change its mtime. No redraw unless it changed.
        self.set_interval(LIBRARY_POLL_SECONDS, self.check_library_changed)

    # -- loading the library ----------------------------------------------------------------

    def _library_mtime(self) -> int:
        try:
            return os.stat(self.kim.workspace.library.root).st_mtime_ns
        except OSError:
            return 0

    def check_library_changed(self) -> None:
        stamp = self._library_mtime()
        if stamp != self._library_stamp:
            self._library_stamp = stamp
            self.load_library(refresh=True)

    def action_refresh(self) -> None:
        self._library_stamp = self._library_mtime()
        self.status.say("refreshing the library…")
        self.load_library(refresh=True)

    @work(exclusive=True, thread=True, group="library")
    def load_library(self, refresh: bool = False) -> None:
        workspace = self.kim.workspace
        try:
            if refresh:
                workspace.library.refresh()
            catalog = workspace.library.catalog()
        except Exception as error:  # an index fault must not end the user's session
            self.app.call_from_thread(self._index_failed, error)
            return
        self.app.call_from_thread(self.show_catalog, catalog, refresh)

    def show_catalog(self, catalog: list[CatalogEntry], refresh: bool = False) -> None:
        self.catalog = catalog
        if self.result is None:
            self.list_catalog()
            if self.catalog and self.article is None:
                self.open_article(self.articles.rows[0].id)
        # Opening the index imports Whoosh, holding the GIL: start once the list is painted.
        self.call_after_refresh(self.open_index, refresh)

    @work(exclusive=True, thread=True, group="index")
    def open_index(self, refresh: bool = False) -> None:
        try:
            with self.kim.index_lock:
                report = self.kim.workspace.index.ensure()
        except Exception as error:  # an index fault must not end the user's session
            self.app.call_from_thread(self._index_failed, error)
            return
        self.app.call_from_thread(self.index_opened, report.problems, refresh)

    def _index_failed(self, error: Exception) -> None:
        message = f"cannot open the index ({error.__class__.__name__}: {error})"
        self.status.say(message, "error")

    def index_opened(self, problems: list[str], refreshed: bool = False) -> None:
        self.index_ready = True
        for problem in problems[:3]:
            self.app.notify(problem, severity="warning", markup=False)
        if refreshed and self.query_text:
            self._keep_article = True  # re-run the search, but stay on what is being read
            self.run_search(self.query_text)
        elif self.result is None and not self.search_bar.value.strip():
            self.say_listing()

    def list_catalog(self) -> None:
        keep = self.articles.current.id if self.articles.current else ""
        rows = sort_rows([row_of_entry(e) for e in self.catalog], self.sort_mode)
        self.articles.set_rows(rows, keep=keep or (self.article.id if self.article else ""))
        self.say_listing()

    def say_listing(self) -> None:
        count = len(self.catalog)
        if not count and self.index_ready:
            self.status.say("the library is empty: add articles with  kimreader add PATH", "hint")
            return
        noun = "article" if count == 1 else "articles"
        waiting = "" if self.index_ready else " · indexing…"
        self.status.say(f"{count} {noun}, {SORT_NAMES[self.sort_mode]}{waiting}")

    # -- searching --------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def query_typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        text = event.value.strip()
        if text != self._searching:
            self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self.start_search(text))

    @on(Input.Submitted, "#search")
    def query_submitted(self, event: Input.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        if event.value.strip() != self._searching:
            self.start_search(event.value)
        self.set_focus(self.articles)

    @on(SearchBar.Left)
    def search_left(self) -> None:
        self.set_focus(self.articles)

    def start_search(self, text: str) -> None:
        text = text.strip()
        self._searching = text
        if not text:
            self.clear_search()
            return
        self.status.say(f"searching for {text}…")
        self.run_search(text)

    @work(exclusive=True, thread=True, group="search")
    def run_search(self, text: str) -> None:
        worker = get_current_worker()
        with self.kim.index_lock:
            if worker.is_cancelled:
                return
            try:
                result = self.kim.workspace.index.search(
                    text, limit=SEARCH_LIMIT, offsets_for=OFFSETS_FOR
                )
            except (LibraryError, IndexBusy, OSError) as error:
                result = SearchResult(query=text, total=0, hits=(), error=str(error))
            except Exception as error:  # an index fault must not end the user's session
                message = f"search failed ({error.__class__.__name__}: {error})"
                result = SearchResult(query=text, total=0, hits=(), error=message)
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_result, result)

    def clear_search(self) -> None:
        self.result, self.query_text, self.filter_entity = None, "", None
        self.refresh_bindings()
        if self.sort_mode == "relevance":
            self.sort_mode = "date"
        self.list_catalog()
        self.reader.set_hits(())

    def show_result(self, result: SearchResult) -> None:
        if result.query.strip() != self.search_bar.value.strip():
            return  # typed on since: a newer search is coming
        if result.error:
            failed = result.error.startswith(("search failed", "the index"))
            self.status.say(result.error if failed else f"bad query: {result.error}", "error")
            return
        self.result, self.query_text = result, result.query
        self.refresh_bindings()
        self.sort_mode = "relevance"
        rows = [row_of_hit(hit) for hit in result.hits]
        keep, self._keep_article = self._keep_article, False
        self.articles.set_rows(rows, keep=self.article.id if keep and self.article else "")
        self.say_result(result)
        if keep:
            return
        if rows:
            self.open_article(rows[0].id)
        else:
            self.reader.set_hits(())

    def say_result(self, result: SearchResult) -> None:
        shown = len(result.hits)
        more = f" (showing the first {shown})" if result.total > shown else ""
        if result.total == 0:
            message = f"nothing found for {result.query}"
            if result.suggestion:
                message += f" · did you mean: {result.suggestion}"
            self.status.say(message, "hint")
        elif result.suggestion:
            self.status.say(
                f"{result.total} found for {result.query} · did you mean: {result.suggestion}",
                "hint",
            )
        else:
            self.status.say(f"{result.total} found for {result.query}{more}")

    # -- opening an article -----------------------------------------------------------------

    @on(ArticleList.Chosen)
    def article_chosen(self, event: ArticleList.Chosen) -> None:
        self.open_article(event.article_id)
        self.set_focus(self.reader)

    def open_chosen(self, article_id: str) -> None:
        """Open an article picked elsewhere (palette, related), the list's cursor following."""
        index = next((i for i, r in enumerate(self.articles.rows) if r.id == article_id), None)
        if index is not None:
            self.articles.cursor = index
        self.open_article(article_id)
        self.set_focus(self.reader)

    def open_article(self, article_id: str) -> None:
        hit = self._hit(article_id)
        self.load_article(article_id, self.query_text, hit)

    def _hit(self, article_id: str) -> Hit | None:
        if self.result is None:
            return None
        return next((h for h in self.result.hits if h.id == article_id), None)

    @work(exclusive=True, thread=True, group="load")
    def load_article(self, article_id: str, query: str, hit: Hit | None) -> None:
        workspace = self.kim.workspace
        try:
            article = workspace.get(article_id)
            entities = workspace.entities(article)
        except LibraryError as error:
            self.app.call_from_thread(self.status.say, str(error), "error")
            return
        body_hits: Sequence[tuple[int, int]] = ()
        title_hits: Sequence[tuple[int, int]] = ()
        if hit is not None and hit.with_offsets:
            body_hits, title_hits = hit.matches, hit.title_matches
        elif query:
            try:
                with self.kim.index_lock:
                    body_hits, title_hits = workspace.index.match_offsets(article.id, query)
            except Exception as error:  # show the article anyway, without highlights
                message = f"cannot highlight hits ({error.__class__.__name__}: {error})"
                self.app.call_from_thread(self.status.say, message, "error")
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_article, article, entities, body_hits, title_hits)

    def show_article(
        self,
        article: Article,
        entities: list[Entity],
        body_hits: Sequence[tuple[int, int]],
        title_hits: Sequence[tuple[int, int]],
    ) -> None:
        self.article = article
        self.reader.show_article(article, body_hits, title_hits)
        self.sidebar.show_entities(entities)
        self.articles.mark_open(article.id)
        row = next((r for r in self.articles.rows if r.id == article.id), None)
        if row is not None and self.query_text and row.hit_count is None:
            self.articles.update_row(
                Row(row.id, row.title, row.source, row.published, len(body_hits) + len(title_hits))
            )
        if self.query_text and self.reader.hits:
            self.reader.next_hit(1)
        if self.filter_entity is not None:
            self._select_filtered(entities)
        self._scroll_to_open_offset()

    def _select_filtered(self, entities: list[Entity]) -> None:
        wanted = self.filter_entity
        assert wanted is not None
        for entity in self.sidebar.entities:
            if entity.type == wanted.type and same_entity(
                wanted.name, wanted.aliases, entity.name, entity.aliases, entity.type
            ):
                self.sidebar.select_entity(entity)
                return

    # -- the reader's counters --------------------------------------------------------------

    @on(ReaderView.HitChanged)
    def hit_changed(self, event: ReaderView.HitChanged) -> None:
        if not self.query_text:
            self._hit_counter = ""
        elif event.total == 0:
            self._hit_counter = "no hits here"
        elif event.current is None:
            self._hit_counter = f"{event.total} hits"
        else:
            self._hit_counter = f"hit {event.current + 1} of {event.total}"
        self._show_counters()

    @on(ReaderView.MentionChanged)
    def mention_changed(self, event: ReaderView.MentionChanged) -> None:
        if event.total == 0:
            self._mention_counter = ""
        elif event.current is None:
            self._mention_counter = f"{event.total} mentions"
        else:
            self._mention_counter = f"mention {event.current + 1} of {event.total}"
        self._show_counters()

    def _show_counters(self) -> None:
        self.status.counter = " · ".join(c for c in (self._mention_counter, self._hit_counter) if c)

    # -- entities ---------------------------------------------------------------------------

    @on(EntityList.Selected)
    def entity_selected(self, event: EntityList.Selected) -> None:
        self.refresh_bindings()
        self.reader.set_mentions(event.entity.mentions if event.entity else ())
        if event.entity is not None:
            self.reader.next_mention(1)

    @on(EntityList.FilterRequested)
    def entity_filter(self, event: EntityList.FilterRequested) -> None:
        if event.entity is not None:
            self.filter_by(event.entity)

    def filter_by(self, entity: Entity) -> None:
        """List the articles naming an entity: a search on the index's entity field."""
        self.filter_entity = entity
        query = entity_query(entity)
        self.search_bar.value = query
        if self._debounce is not None:
            self._debounce.stop()
        self.start_search(query)
        self.set_focus(self.articles)

    @on(EntityList.MentionsRequested)
    def entity_mentions(self, event: EntityList.MentionsRequested) -> None:
        if event.entity is not None and self.article is not None:
            self.show_mentions(event.entity)

    def show_mentions(self, entity: Entity) -> None:
        from kimreader.tui.screens.mentions import MentionsScreen

        assert self.article is not None
        if self.sidebar.selected != entity:
            self.sidebar.select_entity(entity)

        def jump(index: int | None) -> None:
            if index is not None and self.reader.mentions:
                self.reader.go_to_mention(index)
                self.set_focus(self.reader)

        self.app.push_screen(MentionsScreen(self.article, entity), jump)

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hit and mention keys only when there is something to go to (the footer follows)."""
        if action in ("next_hit", "previous_hit"):
            return bool(self.query_text)
        if action in ("next_mention", "previous_mention"):
            return self.sidebar.selected is not None
        return True

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self.query_text:
            self.status.say("no search: press / and type a query", "hint")
        elif self.reader.next_hit(step) is None:
            self.status.say("no hits in this article", "hint")

    def action_next_mention(self) -> None:
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def _step_mention(self, step: int) -> None:
        if self.reader.next_mention(step) is None:
            self.status.say("select an entity in the sidebar first (Enter)", "hint")

    def action_cycle_sort(self) -> None:
        modes = (("relevance",) if self.result else ()) + SORTS
        index = modes.index(self.sort_mode) if self.sort_mode in modes else -1
        self.sort_mode = modes[(index + 1) % len(modes)]
        keep = self.articles.current.id if self.articles.current else ""
        if self.result is None:
            self.list_catalog()
            return
        rows = [row_of_hit(h) for h in self.result.hits]
        known = {r.id: r.hit_count for r in self.articles.rows}
        rows = [Row(r.id, r.title, r.source, r.published, known.get(r.id)) for r in rows]
        self.articles.set_rows(sort_rows(rows, self.sort_mode), keep=keep)
        self.status.say(f"{self.result.total} found for {self.query_text}, "
                        f"{SORT_NAMES[self.sort_mode]}")  # fmt: skip

    def action_toggle_sidebar(self) -> None:
        self.sidebar_wanted = not self.sidebar_shown
        self.apply_width(self.size.width)
        if self.sidebar_shown:
            self.set_focus(self.sidebar)
        elif self.focused is self.sidebar:
            self.set_focus(self.reader)

    def action_pane(self, step: int) -> None:
        panes: list[Widget] = [self.articles, self.reader]
        if self.sidebar_shown:
            panes.append(self.sidebar)
        focused = self.focused
        if focused in panes:
            index = panes.index(focused) + step  # type: ignore[arg-type]
        else:
            index = 0 if step > 0 else len(panes) - 1
        self.set_focus(panes[index % len(panes)])

    def action_related(self) -> None:
        if self.article is None:
            self.status.say("open an article first", "hint")
            return
        from kimreader.tui.screens.related import RelatedScreen

        def open_related(article_id: str | None) -> None:
            if article_id:
                self.open_chosen(article_id)

        self.app.push_screen(RelatedScreen(self.article), open_related)

    def action_compare(self) -> None:
        """Compare the open article with the one under the list's cursor.

        With the cursor on the open article: the only other one (a library of two), or a pick.
        """
        article = self.article
        if article is None:
            self.status.say("open an article first, then press c to compare it", "hint")
            return
        others = [entry for entry in self.catalog if entry.id != article.id]
        if not others:
            self.status.say("nothing to compare with: the library has one article", "hint")
            return
        compare = importlib.import_module("kimreader.tui.screens.compare")

        def start(b_id: str | None) -> None:
            if b_id:
                screen = compare.CompareScreen(self.kim.workspace, article.id, b_id)
                self.app.push_screen(screen, self.open_compared)

        row = self.articles.current
        if row is not None and row.id != article.id:
            start(row.id)
        elif len(others) == 1:
            start(others[0].id)
        else:
            self.app.push_screen(compare.SecondReportScreen(article, self.catalog), start)

    def open_compared(self, target: tuple[str, int] | None) -> None:
        """The compare screen's "open at this passage": the article, scrolled to the offset."""
        if target is None:
            return
        article_id, offset = target
        self._open_offset = offset
        if self.article is not None and self.article.id == article_id:
            self._scroll_to_open_offset()
        else:
            self.open_chosen(article_id)
        self.set_focus(self.reader)

    def _scroll_to_open_offset(self) -> None:
        if self._open_offset is not None:
            self.reader.scroll_to_offset("body", self._open_offset)
            self._open_offset = None

    # -- layout by terminal width -----------------------------------------------------------

    @property
    def sidebar_shown(self) -> bool:
        if self.sidebar_wanted is not None:
            return self.sidebar_wanted
        return self.size.width >= SIDEBAR_MIN_WIDTH

    def on_resize(self, event: events.Resize) -> None:
        self.apply_width(event.size.width)

    def apply_width(self, width: int) -> None:
        self.set_class(width < ONE_PANE_WIDTH, "-one-pane")
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(width < SIDEBAR_MIN_WIDTH, "-small")
        self.sidebar.set_class(not self.sidebar_shown, "-hidden")
        self._mark_active_pane()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._mark_active_pane()

    def _mark_active_pane(self) -> None:
        """With one pane at a time, show the focused one (the list while searching)."""
        focused = self.focused
        active = focused if focused in (self.reader, self.sidebar) else self.articles
        for pane in (self.articles, self.reader, self.sidebar):
            pane.set_class(pane is active, "-active")
