"""The entity sidebar's side of the main screen: marking an entity's mentions, listing the
articles naming it, mentions in context, corrections (mixed into MainScreen)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the analysis (and the sidebar, tui/widgets/panes.py) after the first frame
    from kimreader.analysis.corrections import Correction
    from kimreader.analysis.entity import Entity
    from kimreader.tui import entity_corrections
    from kimreader.tui.screens.main import MainScreen
    from kimreader.tui.widgets.entity_sidebar import EntityList


def entity_query(entity: Entity) -> str:
    from kimreader.tui.widgets.entity_sidebar import FILTER_FIELDS

    name = " ".join(entity.name.replace('"', " ").split())
    return f'{FILTER_FIELDS[entity.type]}:"{name}"'


class EntityKeys:
    """The main screen's entity actions. Handlers are named (on_entity_list_selected, ...),
    not decorated: Textual finds named handlers on any class of the screen's MRO."""

    filter_entity: Entity | None  # the entity whose query is listed (set by MainScreen)

    def on_entity_list_selected(self: MainScreen, event: EntityList.Selected) -> None:
        self.refresh_bindings()
        self.reader.set_mentions(event.entity.mentions if event.entity else ())
        if event.entity is not None:
            self.reader.next_mention(1)

    def on_entity_list_filter_requested(
        self: MainScreen, event: EntityList.FilterRequested
    ) -> None:
        if event.entity is not None:
            self.filter_by(event.entity)

    def filter_by(self: MainScreen, entity: Entity) -> None:
        """List the articles naming an entity: a search on the index's entity field."""
        query = entity_query(entity)
        self.search_bar.value = query
        self._stop_debounce()
        self.start_search(query)
        self.filter_entity = entity
        self.set_focus(self.articles)

    def on_entity_list_mentions_requested(
        self: MainScreen, event: EntityList.MentionsRequested
    ) -> None:
        if event.entity is not None and self.article is not None:
            self.show_mentions(event.entity)

    # Entity corrections from the sidebar (tui/entity_corrections.py does the work).
    def on_entity_list_correction_requested(
        self: MainScreen, event: EntityList.CorrectionRequested
    ) -> None:
        self.correct_entity(event.correction)

    def correct_entity(self: MainScreen, correction: Correction | None) -> None:
        from kimreader.tui import entity_corrections

        self.run_job(
            entity_corrections.JOB,
            partial(entity_corrections.correct, self.kim.workspace, correction),
        )

    def on_entity_list_rename_requested(
        self: MainScreen, event: EntityList.RenameRequested
    ) -> None:
        if event.entity is not None:
            from kimreader.tui import entity_corrections

            entity_corrections.ask_rename(self, event.entity)

    def on_corrected(self: MainScreen, event: entity_corrections.Corrected) -> None:
        self.status.say(event.problem or event.text, "error" if event.problem else "info")
        if not event.problem and self.article is not None:
            self.open_article(self.article.id)

    def show_mentions(self: MainScreen, entity: Entity) -> None:
        from kimreader.tui.screens.mentions import MentionsScreen

        assert self.article is not None
        if self.sidebar.selected != entity:
            self.sidebar.select_entity(entity)

        def jump(index: int | None) -> None:
            if index is not None and self.reader.mentions:
                self.reader.go_to_mention(index)
                self.set_focus(self.reader)

        self.app.push_screen(MentionsScreen(self.article, entity), jump)
