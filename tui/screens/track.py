"""Keeping track in the app: read state, stars, tags, notes on passages, saved searches, export.

`TrackKeys` is the main screen's part of it: its actions, and how the list and the reader show
the reader's marks. The pop-ups are in track_popups.py, imported when one first opens. Every
change is written to the library's reading state at once (`corpus/userstate.py`); a failure
is a status-line message.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.timer import Timer

from kimreader.corpus.library import LibraryError
from kimreader.corpus.userstate import Placed, Snapshot, UserState, place_notes

if TYPE_CHECKING:
    from textual.screen import Screen

    from kimreader.analysis.compare import Comparison
    from kimreader.corpus.article import Article
    from kimreader.corpus.span import TextSpan
    from kimreader.tui.screens.main import MainScreen
    from kimreader.tui.widgets.status_line import StatusLine

Change = Callable[[UserState, str], object]  # a change to the state for one article
READ_AFTER_SECONDS = 1.5  # an article shown this long is read
UNREAD_TERM = "is:unread"
QUOTE_CHARS = 90  # of a passage, in a one-line list


def export_folder() -> Path:
    return Path(os.environ.get("KIMREADER_EXPORT_DIR") or "~/kimreader-export").expanduser()


def shorten(text: str, width: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def marks_line(article_id: str, state: Snapshot) -> str:
    """The reader's marks under an article's title: "★ starred · unread · #korea · 2 notes"."""
    parts = ["★ starred"] if article_id in state.starred else []
    parts.append("read" if article_id in state.read else "unread")
    parts += [f"#{tag}" for tag in state.tags.get(article_id, ())]
    notes = state.notes.get(article_id, 0)
    if notes:
        parts.append(f"{notes} note{'s' if notes != 1 else ''}")
    return " · ".join(parts)


def toggled_term(query: str, term: str) -> str:
    """The query with `term` added, or taken out when it is there."""
    words = query.split()
    if term in words:
        return " ".join(w for w in words if w != term)
    return " ".join([*words, term])


def sentence_spans(body: str) -> list[TextSpan]:
    from kimreader.analysis.text import all_sentences  # not needed for the first frame

    return [span for span in all_sentences(body) if span.text.strip()]


def sentence_index(sentences: Sequence[TextSpan], offset: int) -> int:
    """The sentence holding `offset`, else the first after it (else the last)."""
    for index, span in enumerate(sentences):
        if offset < span.end:
            return index
    return max(0, len(sentences) - 1)


class TrackKeys:
    """The main screen's keeping-track actions (mixed into MainScreen)."""

    _read_timer: Timer | None = None
    # The article the reader opened themselves (Enter, n/N, >, the palette), until it is read
    # or they mark it: one the app shows by itself (the first at start or of a search, or again
    # after its entities came) is not read just because it is on screen.
    _opened_by_reader = ""

    def open_by_reader(self: MainScreen, article_id: str) -> None:
        self._opened_by_reader = article_id
        self.open_article(article_id)

    # -- showing the marks ------------------------------------------------------------------

    def state_snapshot(self: MainScreen) -> Snapshot:
        try:
            return self.kim.state.snapshot()
        except LibraryError as error:
            self.status.say(str(error), "error")
            return Snapshot()

    def refresh_marks(self: MainScreen) -> None:
        """Show the marks as they are now (after a key, or another process's change)."""
        state = self.state_snapshot()
        self._state_version = self._state_stamp()
        self.articles.set_marks(state)
        article = self.article
        if article is not None:
            self.reader.set_marks(marks_line(article.id, state))
            self.reader.set_highlights(self.highlight_spans(article))

    def _state_stamp(self: MainScreen) -> tuple[int, int]:
        try:
            return self.kim.workspace.state.change_stamp()
        except LibraryError:
            return (0, 0)

    def check_state_changed(self: MainScreen) -> None:
        """Called with the library poll: marks written by another kimreader are shown."""
        if self._state_stamp() != getattr(self, "_state_version", None):
            self.refresh_marks()

    def highlight_spans(self: MainScreen, article: Article) -> list[tuple[int, int]]:
        return [p.span for p in self.placed_notes(article) if p.span is not None]

    def placed_notes(self: MainScreen, article: Article) -> list[Placed]:
        try:
            return place_notes(article.body, self.kim.workspace.state.notes(article.id))
        except LibraryError as error:
            self.status.say(str(error), "error")
            return []

    def show_marked(self: MainScreen, article: Article, body_hits: Sequence[tuple[int, int]],
                    title_hits: Sequence[tuple[int, int]]) -> None:  # fmt: skip
        """Show an article in the reader with its marks and highlights; one the reader opened
        becomes read once it has been shown for a moment."""
        state = self.state_snapshot()
        self.reader.show_article(article, body_hits, title_hits, marks_line(article.id, state),
                                 self.highlight_spans(article))  # fmt: skip
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if article.id == self._opened_by_reader and article.id not in state.read:
            self._read_timer = self.set_timer(READ_AFTER_SECONDS, self._mark_shown_read)

    def _mark_shown_read(self: MainScreen) -> None:
        self._read_timer = None
        self._opened_by_reader = ""
        if self.article is not None:
            self._write(lambda state, i: state.set_read([i]), self.article.id)

    def _write(
        self: MainScreen, change: Callable[[UserState, str], object], article_id: str
    ) -> bool:
        """Apply a change to the state; a failure is said on the status line."""
        try:
            change(self.kim.workspace.state, article_id)
        except LibraryError as error:
            self.status.say(str(error), "error")
            return False
        self.refresh_marks()
        return True

    def _target(self: MainScreen) -> Article | None:
        if self.article is None:
            self.status.say("open an article first", "hint")
        return self.article

    # -- read, star, tags -------------------------------------------------------------------

    def action_toggle_read(self: MainScreen) -> None:
        article = self._target()
        if article is None:
            return
        if self._read_timer is not None:  # the reader decided: no automatic "read" now
            self._read_timer.stop()
            self._read_timer = None
        self._opened_by_reader = ""
        read = article.id in self.state_snapshot().read
        if self._write(lambda state, i: state.set_read([i], not read), article.id):
            self.status.say(f"marked {'unread' if read else 'read'}: {shorten(article.title, 50)}")

    def action_toggle_star(self: MainScreen) -> None:
        article = self._target()
        if article is None:
            return
        starred = article.id in self.state_snapshot().starred
        if self._write(lambda state, i: state.set_starred([i], not starred), article.id):
            word = "unstarred" if starred else "starred"
            self.status.say(f"{word}: {shorten(article.title, 50)}")

    def action_edit_tags(self: MainScreen) -> None:
        from kimreader.tui.screens.track_popups import InputScreen, TagSuggester

        article = self._target()
        if article is None:
            return
        state = self.kim.workspace.state
        try:
            current, in_use = state.tags_of(article.id), state.all_tags()
        except LibraryError as error:
            self.status.say(str(error), "error")
            return
        known = ", ".join(f"{tag} ({count})" for tag, count in list(in_use.items())[:12])
        prompt = Text("Tags, separated by spaces (→ completes a tag in use)\n", style="bold")
        prompt.append(f"in use: {known}" if known else "no tags in use yet", style="dim")

        def save(value: str | None) -> None:
            if value is not None:
                self.set_tags(article, current, value.split())

        screen = InputScreen(prompt, " ".join(current), suggester=TagSuggester(list(in_use)))
        self.app.push_screen(screen, save)

    def set_tags(self: MainScreen, article: Article, old: list[str], new: list[str]) -> None:
        state = self.kim.workspace.state
        try:
            added = state.add_tags(article.id, new)
            state.remove_tags(article.id, [tag for tag in old if tag not in added])
        except LibraryError as error:
            self.status.say(str(error), "error")
            return
        self.refresh_marks()
        tags = " ".join(f"#{t}" for t in state.tags_of(article.id)) or "no tags"
        self.status.say(f"{tags}: {shorten(article.title, 50)}")

    # -- moving through unread articles -----------------------------------------------------

    def action_next_unread(self: MainScreen) -> None:
        rows = self.articles.rows
        start = self.articles.cursor
        order = list(range(start + 1, len(rows))) + list(range(0, start + 1))
        target = next((i for i in order if self.articles.is_unread(i) and i != start), None)
        if target is None:
            self.status.say("no other unread article in the list", "hint")
            return
        self.articles.cursor = target
        self.open_by_reader(rows[target].id)

    def action_unread_only(self: MainScreen) -> None:
        self.search_for(toggled_term(self.listing.query, UNREAD_TERM))

    # -- notes ------------------------------------------------------------------------------

    def action_add_note(self: MainScreen) -> None:
        from kimreader.tui.screens.track_popups import NoteScreen

        article = self._target()
        if article is None:
            return
        sentences = sentence_spans(article.body)
        if not sentences:
            self.status.say("this article has no sentence to mark", "hint")
            return
        offset = self.reader.top_offset()
        hit = self.reader.current_hit
        if hit is not None and self.reader.hits[hit][0] == "body":
            offset = self.reader.hits[hit][1]  # the current hit's sentence
        elif self.reader.current_mention is not None:
            offset = self.reader.mentions[self.reader.current_mention][0]

        def save(chosen: tuple[TextSpan, str] | None) -> None:
            if chosen is None:
                return
            span, text = chosen
            try:
                note = self.kim.workspace.state.add_note(
                    article.id, text, body=article.body, span=(span.start, span.end)
                )
            except LibraryError as error:
                self.status.say(str(error), "error")
                return
            self.refresh_marks()
            self.status.say(f"note {note.id} on “{shorten(note.quote, 50)}”")

        self.app.push_screen(NoteScreen(article, sentences, sentence_index(sentences, offset)),
                             save)  # fmt: skip

    def action_list_notes(self: MainScreen) -> None:
        from kimreader.tui.screens.track_popups import NotesScreen

        article = self._target()
        if article is None:
            return

        def jump(offset: int | None) -> None:
            self.refresh_marks()  # notes may have been deleted
            if offset is not None:
                self.reader.scroll_to_offset("body", offset)
                self.set_focus(self.reader)

        self.app.push_screen(NotesScreen(article, self.placed_notes(article)), jump)

    # -- saved searches ---------------------------------------------------------------------

    def action_save_search(self: MainScreen) -> None:
        from kimreader.tui.screens.track_popups import InputScreen

        query = self.listing.query
        if not query or self.listing.result is None:
            self.status.say("search first (/), then save the search with b", "hint")
            return
        found = [hit.id for hit in self.listing.result.hits]

        def save(name: str | None) -> None:
            if not name or not name.strip():
                return
            state = self.kim.workspace.state
            try:
                saved = state.save_search(name, query)
                state.mark_opened(saved.name, found)
            except LibraryError as error:
                self.status.say(str(error), "error")
                return
            self.status.say(f"saved search “{saved.name}”: {saved.query}")

        prompt = Text("Name this search\n", style="bold")
        prompt.append(query, style="dim")
        self.app.push_screen(InputScreen(prompt, shorten(query, 40)), save)

    def action_saved_searches(self: MainScreen) -> None:
        from kimreader.tui.screens.track_popups import SavedScreen

        def run(chosen: tuple[str, str, list[str]] | None) -> None:
            if chosen is not None:
                self.open_saved(*chosen)

        self.app.push_screen(SavedScreen(), run)

    def open_saved(self: MainScreen, name: str, query: str, found: list[str]) -> None:
        """Run a saved search; what it finds now is no longer new."""
        try:
            self.kim.workspace.state.mark_opened(name, found)
        except LibraryError as error:
            self.status.say(str(error), "error")
        self.search_for(query)

    def search_for(self: MainScreen, query: str) -> None:
        """List what a query finds, as if it had been typed (U, a saved search, a feed)."""
        self.search_bar.value = query
        self._stop_debounce()
        self.start_search(query)
        self.set_focus(self.articles)

    def run_saved(self: MainScreen, name: str, query: str) -> None:
        """Run a saved search picked in the palette (its counts are not needed there)."""
        from kimreader.index.tracking import found_ids

        self.open_saved(name, query, found_ids(self.kim.workspace, query))

    # -- the palette ------------------------------------------------------------------------

    def track_commands(self: MainScreen) -> Iterator[tuple[str, Callable[[], object], str]]:
        """(text, callback, help) for the command palette; help is plain ASCII, never article
        text (the palette parses it as markup)."""
        yield "Mark read / unread", self.action_toggle_read, "The open article (u)"
        yield "Star / unstar", self.action_toggle_star, "The open article (*)"
        yield "Tags", self.action_edit_tags, "Add or remove the open article's tags (t)"
        yield "Note on a sentence", self.action_add_note, "Mark a sentence, add a note (a)"
        yield "Notes of this article", self.action_list_notes, "List them, jump to one (A)"
        yield "Next unread", self.action_next_unread, "The next unread article in the list (>)"
        yield "Show only unread", self.action_unread_only, "Adds or removes is:unread (U)"
        yield "Save this search", self.action_save_search, "Name the current query (b)"
        yield "Saved searches", self.action_saved_searches, "With counts and new (B)"
        yield "Export the article", self.action_export, "Markdown with notes (x)"
        yield "Export the list", self.export_list, "Every listed article, to a folder"
        try:
            saved = self.kim.workspace.state.saved_searches()
        except LibraryError:
            saved = []
        for search in saved:
            yield (f"Saved search: {search.name}",
                   partial(self.run_saved, search.name, search.query), "Run it")  # fmt: skip

    # -- export -----------------------------------------------------------------------------

    def action_export(self: MainScreen) -> None:
        article = self._target()
        if article is not None:
            self.export_articles([article.id], "the open article")

    def export_list(self: MainScreen) -> None:
        self.export_articles([row.id for row in self.articles.rows], "the articles listed")

    def export_articles(self: MainScreen, article_ids: list[str], what: str) -> None:
        from kimreader.tui.export import ExportError, export_articles
        from kimreader.tui.screens.track_popups import InputScreen

        def write(folder: str | None) -> None:
            if not folder or not folder.strip():
                return
            try:
                files = export_articles(self.kim.workspace, article_ids,
                                        Path(folder.strip()).expanduser())  # fmt: skip
            except (ExportError, LibraryError, OSError) as error:
                self.status.say(f"cannot export: {error}", "error")
                return
            where = files[0] if len(files) == 1 else folder.strip()
            self.status.say(f"exported {len(files)} article(s) to {where}")

        prompt = Text(f"Export {what} ({len(article_ids)}) as Markdown with notes, to the "
                      "folder:", style="bold")  # fmt: skip
        self.app.push_screen(InputScreen(prompt, str(export_folder())), write)


def ask_comparison_export(
    screen: Screen[Any],
    status: StatusLine,
    cmp: Comparison,
    a: Article,
    b: Article,
    note: str = "",
) -> None:
    """Ask where to write a comparison; the file's extension (.md, .html, .json) is its format.
    `note`: why its entities are without the user's corrections (compare_export)."""
    from kimreader.corpus.library import atomic_write_text
    from kimreader.tui.compare_export import FORMATS, export_comparison
    from kimreader.tui.screens.track_popups import InputScreen

    def write(answer: str | None) -> None:
        if not answer or not answer.strip():
            return
        path = Path(answer.strip()).expanduser()
        fmt = path.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            status.say("name a .md, .html or .json file", "error")
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, export_comparison(cmp, a, b, fmt, note), shared=True)
        except OSError as error:
            status.say(f"cannot export: {error.strerror or error}", "error")
            return
        status.say(f"wrote {path}")

    prompt = Text("Export the comparison to (.md, .html or .json):", style="bold")
    default = export_folder() / f"compare-{a.id}-{b.id}.md"
    screen.app.push_screen(InputScreen(prompt, str(default)), write)
