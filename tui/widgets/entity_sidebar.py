"""The entity sidebar: the open article's people, organisations and places, with counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kimreader.tui import actions

if TYPE_CHECKING:  # the analysis is imported after the first frame (corrections: when made)
    from kimreader.analysis.corrections import Correction
    from kimreader.analysis.entity import Entity

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

    class CorrectionRequested(Message):
        """Correct an entity library-wide (tui/entity_corrections.py); None: undo the last."""

        def __init__(self, correction: Correction | None) -> None:
            super().__init__()
            self.correction = correction

    class RenameRequested(EntityMessage):
        """Ask for a new canonical name for this entity."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.entities: list[Entity] = []
        self.selected: Entity | None = None
        self.joining: Entity | None = None  # marked with M: the next M merges it into another

    def show_entities(self, entities: Sequence[Entity], pending: bool = False) -> None:
        """The article's entities; `pending`: they are still being extracted (shown as such)."""
        kept = [e for e in entities if e.type in SHOWN_TYPES]
        order = {kind: i for i, kind in enumerate(SHOWN_TYPES)}
        self.entities = sorted(kept, key=lambda e: (order[e.type], -e.count, e.name.casefold()))
        self.selected = None
        self.joining = None
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
            empty = "entities pending…" if pending else "no people, organisations or places"
            options.append(Option(Text(empty), disabled=True))
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

    # -- corrections (stored in the library, applied to every article) -----------------------

    def action_hide(self) -> None:
        from kimreader.analysis.corrections import Correction

        entity = self.highlighted_entity
        if entity is not None:
            self._correct(Correction("hide", entity.type, entity.name))

    def action_retype(self) -> None:
        """person -> org -> place -> person."""
        from kimreader.analysis.corrections import Correction

        entity = self.highlighted_entity
        if entity is not None:
            kinds = list(SHOWN_TYPES)
            to_type = kinds[(kinds.index(entity.type) + 1) % len(kinds)]
            self._correct(Correction("type", entity.type, entity.name, to_type=to_type))  # type: ignore[arg-type]

    def action_rename(self) -> None:
        entity = self.highlighted_entity
        if entity is not None:
            self.post_message(self.RenameRequested(entity))

    def action_join(self) -> None:
        """First M marks the entity to merge; M on another merges the marked one into it."""
        from kimreader.analysis.corrections import Correction

        entity = self.highlighted_entity
        if entity is None:
            return
        source, self.joining = self.joining, None
        if source is None or source == entity:
            self.joining = entity if source is None else None
            self.notify_joining()
            return
        self._correct(
            Correction("merge", source.type, source.name, to_name=entity.name, to_type=entity.type)
        )

    def notify_joining(self) -> None:
        if self.joining is not None:
            self.app.notify(
                f"merge {self.joining.name} into…: press M on the entity it joins", markup=False
            )

    def action_undo_correction(self) -> None:
        self.post_message(self.CorrectionRequested(None))

    def _correct(self, correction: Correction) -> None:
        self.post_message(self.CorrectionRequested(correction))
