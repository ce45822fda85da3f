"""The keeping-track pop-ups: a line of input (tags with completion, names, folders), a note on
a chosen sentence, an article's notes, the saved searches. Imported when first opened."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kimreader.corpus.article import Article
from kimreader.corpus.library import LibraryError
from kimreader.corpus.span import TextSpan
from kimreader.corpus.userstate import Placed
from kimreader.index.tracking import SavedCount, found_ids, saved_counts
from kimreader.tui import actions, jobs
from kimreader.tui.screens.modal import PickerScreen
from kimreader.tui.screens.track import shorten
from kimreader.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from kimreader.index.workspace import Workspace
    from kimreader.tui.app import KimReaderApp


# -- pop-ups ------------------------------------------------------------------------------------


class InputScreen(ModalScreen[str | None], inherit_bindings=False):
    """A prompt and one line of input: Enter returns it, Esc returns None."""

    BINDINGS: ClassVar = [s.binding() for s in actions.specs("track") if s.id == "track.cancel"]

    def __init__(self, prompt: Text, value: str = "", suggester: Suggester | None = None) -> None:
        super().__init__(classes="track-input")
        self.prompt = prompt
        self.value = value
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical(classes="track-box"):
            yield Static(self.prompt, classes="modal-title")
            yield Input(self.value, suggester=self.suggester, select_on_focus=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TagSuggester(Suggester):
    """Completes the last word typed from the tags in use."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        if not value or value.endswith(" "):
            return None
        head, _, last = value.rpartition(" ")
        match = next((t for t in self.tags if t.startswith(last) and t != last), None)
        return f"{head} {match}".lstrip() if match else None


class NoteScreen(ModalScreen[tuple[TextSpan, str] | None], inherit_bindings=False):
    """Choose a sentence (↑/↓) and type an optional note; Enter saves, Esc cancels."""

    BINDINGS: ClassVar = [s.binding() for s in actions.specs("track") if s.id != "track.delete"]

    def __init__(self, article: Article, sentences: list[TextSpan], index: int) -> None:
        super().__init__(classes="track-input")
        self.article = article
        self.sentences = sentences
        self.index = index

    def compose(self) -> ComposeResult:
        with Vertical(classes="track-box"):
            yield Static(id="note-where", classes="modal-title")
            yield Static(id="note-sentence", classes="track-sentence")
            yield Input(placeholder="a note (optional); Enter saves", select_on_focus=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False
        self.show_sentence()

    @property
    def sentence(self) -> TextSpan:
        return self.sentences[self.index]

    def show_sentence(self) -> None:
        where = Text(f"Mark sentence {self.index + 1} of {len(self.sentences)} in ", style="bold")
        where.append(self.article.title or "(untitled)", style="italic")
        self.query_one("#note-where", Static).update(where)
        self.query_one("#note-sentence", Static).update(Text(" ".join(self.sentence.text.split())))

    def action_step_sentence(self, step: int) -> None:
        self.index = max(0, min(len(self.sentences) - 1, self.index + step))
        self.show_sentence()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss((self.sentence, event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class _ConfirmDelete:
    """`d` twice on the same row deletes it: a reader's work is never lost to one stray key."""

    armed: str | None = None

    def confirm(self, key: str) -> bool:
        if self.armed == key:
            self.armed = None
            return True
        self.armed = key
        return False


class NotesScreen(PickerScreen[int], _ConfirmDelete):
    """An article's notes in reading order; Enter returns the passage's offset to jump to."""

    BINDINGS: ClassVar = PickerScreen.BINDINGS + [
        s.binding() for s in actions.specs("track") if s.id == "track.delete"
    ]

    def __init__(self, article: Article, notes: list[Placed]) -> None:
        title = Text("Notes on ", style="dim")
        title.append(article.title or "(untitled)", style="bold")
        super().__init__(title)
        self.article = article
        self.notes = notes

    def on_mount(self) -> None:
        super().on_mount()
        self.fill()

    def fill(self) -> None:
        if not self.notes:
            self.picker.set_options([Option(Text("no notes: mark a sentence with a"),
                                            disabled=True)])  # fmt: skip
            return
        self.picker.set_options([Option(note_prompt(p), id=str(p.note.id)) for p in self.notes])
        self.picker.highlighted = 0

    def _selected(self) -> Placed | None:
        index = self.picker.highlighted
        return self.notes[index] if self.notes and index is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        placed = self._selected()
        if placed is not None:
            self.dismiss(placed.span[0] if placed.span else None)

    def action_delete(self) -> None:
        placed = self._selected()
        if placed is None:
            return
        if not self.confirm(str(placed.note.id)):
            self.notify("press d again to delete this note", markup=False)
            return
        app: KimReaderApp = self.app  # type: ignore[assignment]
        try:
            app.workspace.state.delete_note(placed.note.id)
        except LibraryError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notes = [p for p in self.notes if p is not placed]
        self.fill()


def note_prompt(placed: Placed) -> Text:
    text = Text(end="")
    if placed.lost:
        text.append("passage gone from the article: ", style="bold red")
    if placed.note.quote:
        text.append(f"“{shorten(placed.note.quote)}”", style="italic")
    else:
        text.append("on the whole article", style="dim")
    if placed.note.text:
        text.append("\n" + shorten(placed.note.text, 200))
    return text


@dataclass(frozen=True)
class _SavedRow:
    count: SavedCount
    found: list[str]


class SavedCounted(Message):
    def __init__(self, rows: list[_SavedRow]) -> None:
        super().__init__()
        self.rows = rows


def _count_saved(workspace: Workspace) -> SavedCounted:
    """Each saved search with what it finds now (a thread job)."""
    return SavedCounted(
        [_SavedRow(c, found_ids(workspace, c.saved.query) if not c.error else [])
         for c in saved_counts(workspace)]
    )  # fmt: skip


class SavedScreen(jobs.JobRunner, PickerScreen[tuple[str, str, list[str]]], _ConfirmDelete):
    """Saved searches with what each finds now and how much of it is new; Enter runs one."""

    BINDINGS: ClassVar = PickerScreen.BINDINGS + [
        s.binding() for s in actions.specs("track") if s.id == "track.delete"
    ]

    def __init__(self) -> None:
        super().__init__(Text("Saved searches (Enter runs one; d twice deletes)", style="bold"))
        self.rows: list[_SavedRow] = []

    def on_mount(self) -> None:
        super().on_mount()
        self.picker.set_options([Option(Text("counting…"), disabled=True)])
        app: KimReaderApp = self.app  # type: ignore[assignment]
        self.run_job(jobs.SAVED, partial(_count_saved, app.workspace))

    @on(SavedCounted)
    def counted(self, event: SavedCounted) -> None:
        self.show(event.rows)

    def job_failed(self, name: str, message: str) -> None:
        self.show([], message)  # a fault is a message in the list, not a crash

    def show(self, rows: list[_SavedRow], problem: str = "") -> None:
        self.rows = rows
        if not rows:
            message = problem or "no saved searches: search (/), then b saves the search"
            self.picker.set_options([Option(Text(message), disabled=True)])
            return
        self.picker.set_options([Option(saved_prompt(r.count)) for r in rows])
        self.picker.highlighted = 0

    def _selected(self) -> _SavedRow | None:
        index = self.picker.highlighted
        return self.rows[index] if self.rows and index is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        row = self._selected()
        if row is not None:
            self.dismiss((row.count.saved.name, row.count.saved.query, row.found))

    def action_delete(self) -> None:
        row = self._selected()
        if row is None:
            return
        name = row.count.saved.name
        if not self.confirm(name):
            self.notify(f"press d again to delete “{name}”", markup=False)
            return
        app: KimReaderApp = self.app  # type: ignore[assignment]
        try:
            app.workspace.state.delete_saved_search(name)
        except LibraryError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.show([r for r in self.rows if r is not row])


def saved_prompt(count: SavedCount) -> Text:
    text = Text(end="")
    text.append(count.saved.name, style="bold")
    if count.error:
        text.append(f"  {count.error}", style="red")
    else:
        text.append(f"  {count.total} found", style="dim")
        if count.new:
            text.append(f" · {count.new} new", style="bold yellow")
    text.append(f"\n{count.saved.query}", style="dim")
    return text
