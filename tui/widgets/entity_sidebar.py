"""The entity sidebar: the open article's people, organisations and places, with counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kimreader.analysis.entity import Entity
from kimreader.tui import actions

SHOWN_TYPES = {"person": "People", "org": "Organisations", "place": "Places"}
FILTER_FIELDS = {"person": "person", "org": "org", "place": "place"}


def entity_prompt(entity: Entity, selected: Style | None, count: Style | str = "dim") -> Text:
    """Entity names are article text: a Text, never markup. `selected`: its style, if it is."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append("◆" if selected else " ", style=selected or "")
    text.append(f"{entity.count:>3} ", style=count)
    text.append(entity.name, style=selected or "")
    return text


class EntityList(OptionList, inherit_bindings=False):
    """Enter highlights an entity's mentions in the reader; f filters; m shows them in context."""

    BINDINGS: ClassVar = actions.bindings("sidebar")
    COMPONENT_CLASSES: ClassVar = {
        "entity-list--heading",
        "entity-list--count",
        "entity-list--selected",
    }
    DEFAULT_CSS = """
    EntityList {
        & > .entity-list--heading { text-style: bold underline; }
        & > .entity-list--count { text-style: dim; }
        & > .entity-list--selected { color: ansi_magenta; text-style: bold; }
    }
    """

    class EntityMessage(Message):
        def __init__(self, entity: Entity | None) -> None:
            super().__init__()
            self.entity = entity

    class Selected(EntityMessage):
        """The entity whose mentions the reader highlights (None: none)."""

    class FilterRequested(EntityMessage):
        """List the articles naming this entity."""

    class MentionsRequested(EntityMessage):
        """Show this entity's mentions, each in its sentence."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.entities: list[Entity] = []
        self.selected: Entity | None = None

    def show_entities(self, entities: Sequence[Entity]) -> None:
        kept = [e for e in entities if e.type in SHOWN_TYPES]
        order = {kind: i for i, kind in enumerate(SHOWN_TYPES)}
        self.entities = sorted(kept, key=lambda e: (order[e.type], -e.count, e.name.casefold()))
        self.selected = None
        options: list[Option] = []
        for kind, label in SHOWN_TYPES.items():
            members = [i for i, e in enumerate(self.entities) if e.type == kind]
            if not members:
                continue
            heading = Text(f"{label} ({len(members)})", style=self._style("heading"), end="")
            options.append(Option(heading, id=f"type:{kind}", disabled=True))
            options.extend(
                Option(self._prompt(self.entities[i], False), id=str(i)) for i in members
            )
        if not options:
            options.append(Option(Text("no people, organisations or places"), disabled=True))
        self.set_options(options)
        self.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"entity-list--{name}", partial=True)

    def _prompt(self, entity: Entity, selected: bool) -> Text:
        chosen = self._style("selected") if selected else None
        return entity_prompt(entity, chosen, self._style("count"))

    @property
    def highlighted_entity(self) -> Entity | None:
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.isdigit():
            return None
        return self.entities[int(option.id)]

    def select_entity(self, entity: Entity | None) -> None:
        """Mark `entity` as selected (or clear) and tell the screen."""
        for index, candidate in enumerate(self.entities):
            if candidate in (entity, self.selected):
                option_index = self.get_option_index(str(index))
                self.replace_option_prompt_at_index(
                    option_index, self._prompt(candidate, candidate == entity)
                )
        self.selected = entity
        self.post_message(self.Selected(entity))

    def action_select(self) -> None:
        entity = self.highlighted_entity
        if entity is not None:
            self.select_entity(None if entity == self.selected else entity)

    def action_filter(self) -> None:
        entity = self.highlighted_entity
        if entity is not None:
            self.post_message(self.FilterRequested(entity))

    def action_mentions(self) -> None:
        entity = self.highlighted_entity
        if entity is not None:
            self.post_message(self.MentionsRequested(entity))
