"""Mentions in context: each mention of an entity with the sentence it sits in."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kimreader.analysis.entity import Entity
from kimreader.analysis.text import sentence_at, sentences
from kimreader.corpus.article import Article
from kimreader.corpus.span import TextSpan
from kimreader.tui.screens.modal import PickerScreen
from kimreader.tui.widgets.picker import Row

CONTEXT_CHARS = 160  # around a mention outside any sentence (e.g. in a heading)
NUMBER_WIDTH = 5  # "  12" and a gap: the sentence wraps under itself, right of the number


def mention_context(
    body: str, spans: list[TextSpan], start: int, end: int, mention: Style | str = "reverse"
) -> Text:
    """The sentence holding body[start:end], the mention styled; article text, never markup."""
    sentence = sentence_at(spans, start)
    left, right = (sentence.start, sentence.end) if sentence else (start, end)
    if sentence is None or right - left > 3 * CONTEXT_CHARS:
        left, right = max(0, start - CONTEXT_CHARS // 2), min(len(body), end + CONTEXT_CHARS // 2)
    # Same length as the slice, so the mention's offsets still hold.
    shown = "".join(" " if c in "\n\t" else c for c in body[left:right])
    text = Text(shown, end="")
    text.stylize(mention, start - left, min(end, right) - left)
    if left > 0 and sentence is None:
        text = Text("…", end="") + text
    return text


class MentionsScreen(PickerScreen[int]):
    """Enter returns the chosen mention's index; the reader jumps to it."""

    COMPONENT_CLASSES: ClassVar = {"mentions--mention"}
    DEFAULT_CSS = """
    MentionsScreen > .mentions--mention { color: ansi_magenta; text-style: bold reverse; }
    """

    def __init__(self, article: Article, entity: Entity) -> None:
        title = Text()
        title.append(entity.name, style="bold magenta")
        count = entity.count
        title.append(f"  {count} mention{'s' if count != 1 else ''} in ", style="dim")
        title.append(article.title, style="italic")
        super().__init__(title)
        self.article = article
        self.entity = entity

    def on_mount(self) -> None:
        super().on_mount()
        body = self.article.body
        spans = sentences(body)
        mention = self.get_component_rich_style("mentions--mention", partial=True)
        options = []
        for number, (start, end) in enumerate(self.entity.mentions, 1):
            lead = Text(f"{number:>3}", style="bold")
            context = mention_context(body, spans, start, end, mention)
            options.append(Option(Row(lead, context, NUMBER_WIDTH), id=str(number - 1)))
        self.picker.set_options(options)
        self.picker.highlighted = 0 if options else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))
