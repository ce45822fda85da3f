"""Related articles: ranked by meaning and words (analysis/related.py), each with its score,
only those above the "not related" cut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kimreader.corpus.article import Article
from kimreader.tui import jobs
from kimreader.tui.screens.modal import PickerScreen
from kimreader.tui.widgets.picker import Row

if TYPE_CHECKING:
    from kimreader.analysis.related import Related
    from kimreader.tui.app import KimReaderApp

RELATED_LIMIT = 15
SCORE_WIDTH = 5  # "0.81 "


def related_prompt(item: Related) -> Row:
    """The score, then the title and its date and source, wrapped under the title."""
    text = Text(item.article.title or "(untitled)", style="bold", end="")
    meta = " · ".join(x for x in (item.article.published_iso, item.article.source) if x)
    if meta:
        text.append(f"\n{meta}", style="dim")
    return Row(Text(f"{item.score:.2f}", style="dim"), text, SCORE_WIDTH)


class RelatedScreen(jobs.JobRunner, PickerScreen[str]):
    """Enter returns the chosen article's id."""

    class Found(Message):
        def __init__(self, hits: list[Related]) -> None:
            super().__init__()
            self.hits = hits

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
        app: KimReaderApp = self.app  # type: ignore[assignment]
        workspace, article = app.workspace, self.article
        self.run_job(
            jobs.RELATED, lambda: self.Found(workspace.related(article, limit=RELATED_LIMIT))
        )

    @on(Found)
    def found(self, event: Found) -> None:
        self.show_hits(event.hits)

    def job_failed(self, name: str, message: str) -> None:
        self.show_hits([], message)  # an index fault is a message in the list, not a crash

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
