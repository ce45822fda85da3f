"""Related articles: ranked by meaning and words (analysis/related.py), each with its score,
only those above the "not related" cut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kimreader.corpus.article import Article
from kimreader.tui.screens.modal import PickerScreen

if TYPE_CHECKING:
    from kimreader.analysis.related import Related
    from kimreader.tui.app import KimReaderApp

RELATED_LIMIT = 15


def related_prompt(item: Related) -> Text:
    text = Text(f"{item.score:.2f} ", style="dim", end="")
    text.append(item.article.title or "(untitled)", style="bold")
    meta = " · ".join(x for x in (item.article.published_iso, item.article.source) if x)
    if meta:
        text.append(f"\n{meta}", style="dim")
    return text


class RelatedScreen(PickerScreen[str]):
    """Enter returns the chosen article's id."""

    def __init__(self, article: Article) -> None:
        title = Text()
        title.append("Related to ", style="dim")
        title.append(article.title, style="bold")
        super().__init__(title)
        self.article = article
        self.hits: list[Related] = []

    def on_mount(self) -> None:
        super().on_mount()
        self.picker.set_options([Option(Text("finding related articles…"), disabled=True)])
        self.find_related()

    @work(exclusive=True, thread=True)
    def find_related(self) -> None:
        app: KimReaderApp = self.app  # type: ignore[assignment]
        try:
            hits = app.workspace.related(self.article, limit=RELATED_LIMIT)
        except Exception as error:  # an index fault is a message, not a crash
            problem = f"cannot find related articles ({error.__class__.__name__}: {error})"
            self.app.call_from_thread(self.show_hits, [], problem)
            return
        self.app.call_from_thread(self.show_hits, hits)

    def show_hits(self, hits: list[Related], problem: str = "") -> None:
        self.hits = hits
        if not hits:
            message = problem or "no related article in the library (none above the cut)"
            options = [Option(Text(message), disabled=True)]
        else:
            options = [Option(related_prompt(h), id=h.article.id) for h in hits]
        self.picker.set_options(options)
        self.picker.highlighted = 0 if hits else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(event.option.id)
