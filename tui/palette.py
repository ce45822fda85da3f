"""The command palette (ctrl+p): the app's actions, the open article's entities, any article.

Titles and entity names are article text: they are shown as Content built from plain text
(Textual's own `Matcher.highlight` parses markup, so it is not used here), and never put in a
hit's `help`, which the palette parses as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from kimreader.tui import actions
from kimreader.tui.widgets.entity_sidebar import SHOWN_TYPES

if TYPE_CHECKING:
    from kimreader.tui.screens.main import MainScreen

MAX_ARTICLE_HITS = 40
MATCH_STYLE = "bold underline"

Command = tuple[str, Callable[[], object], str]  # (text, callback, help)


def highlighted(matcher: Matcher, text: str) -> Content:
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(MATCH_STYLE, offset, offset + 1)
    return content


class KimReaderCommands(Provider):
    """Actions first; then entities of the open article; then articles by title."""

    @property
    def main(self) -> MainScreen | None:
        from kimreader.tui.screens.main import MainScreen

        return self.screen if isinstance(self.screen, MainScreen) else None

    def actions(self, main: MainScreen) -> Iterator[Command]:
        app = self.app
        yield "Search", app.action_focus_search, "Focus the search bar (/)"  # type: ignore[attr-defined]
        yield "Change sort order", main.action_cycle_sort, "Date, title, source (s)"
        yield "Toggle entity sidebar", main.action_toggle_sidebar, "Show or hide (e)"
        yield "Related articles", main.action_related, "Articles like the open one (r)"
        yield "Fetch feeds", main.action_fetch_feeds, "New articles from every feed followed (R)"
        yield "Wide list", main.action_wide_list, "Whole headlines, until an article is opened (w)"
        yield "Full-width reading", main.action_reading, "The reader alone (z)"
        yield "Help: every key", app.action_help, "The key list (?)"  # type: ignore[attr-defined]
        if any(s.id == "main.compare" for s in actions.specs("main")):
            yield "Compare", main.action_compare, "The open article with the list's (c)"
        yield from main.track_commands()
        yield from main.feed_commands()

    def entity_commands(self, main: MainScreen) -> Iterator[Command]:
        for entity in main.sidebar.entities:
            kind = SHOWN_TYPES[entity.type].lower()
            yield (
                f"Filter by entity: {entity.name}",
                partial(main.filter_by, entity),
                f"List the articles naming this ({kind})",
            )
            yield (
                f"Mentions in context: {entity.name}",
                partial(main.show_mentions, entity),
                f"Each mention with its sentence ({kind})",
            )

    def article_commands(self, main: MainScreen) -> Iterator[Command]:
        for entry in main.catalog:
            # The palette parses help text as markup: only the (ISO) date goes there, never
            # article text.
            help_text = entry.published or "no date"
            yield f"Open article: {entry.title}", partial(main.open_chosen, entry.id), help_text

    async def discover(self) -> Hits:
        main = self.main
        if main is None:
            return
        for text, callback, help_text in [*self.actions(main), *self.entity_commands(main)]:
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        main = self.main
        if main is None:
            return
        matcher = self.matcher(query)
        for text, callback, help_text in [*self.actions(main), *self.entity_commands(main)]:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlighted(matcher, text), callback, text=text, help=help_text)
        words = query.casefold().split()
        found = 0
        for text, callback, help_text in self.article_commands(main):
            folded = text.casefold()
            if found < MAX_ARTICLE_HITS and all(w in folded for w in words):
                score = matcher.match(text)
                if score > 0:
                    found += 1
                    yield Hit(
                        score, highlighted(matcher, text), callback, text=text, help=help_text
                    )
