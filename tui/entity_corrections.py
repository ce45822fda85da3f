"""Entity corrections made from the sidebar: run them off the UI thread, then show the result.

The sidebar (tui/widgets/entity_sidebar.py) asks; this module stores the correction in the
library (Workspace.correct_entities re-indexes the articles it touches) and tells the screen,
which reopens the article so the sidebar and the reader show the corrected entities.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message

from kimreader.analysis.corrections import Correction, CorrectionError

if TYPE_CHECKING:
    from kimreader.analysis.entity import Entity
    from kimreader.index.workspace import Workspace
    from kimreader.tui.screens.main import MainScreen

JOB = "entity-correction"


class Corrected(Message):
    """A correction was made or undone (`text` says which), or could not be (`problem`)."""

    def __init__(self, text: str, problem: str = "") -> None:
        super().__init__()
        self.text = text
        self.problem = problem


def correct(workspace: Workspace, correction: Correction | None) -> Corrected:
    try:
        changed, reindexed = workspace.correct_entities(correction)
    except (CorrectionError, OSError) as error:
        return Corrected("", f"correction not saved: {error}")
    if changed is None:
        return Corrected("", "no entity correction to undo")
    verb = "undone" if correction is None else "saved"
    return Corrected(f"{verb}: {changed.describe()} ({reindexed} article(s))")


def ask_rename(screen: MainScreen, entity: Entity) -> None:
    """A one-line prompt for the new name; Esc leaves the entity as it is."""
    from kimreader.tui.screens.track_popups import InputScreen

    prompt = Text("Rename ")
    prompt.append(entity.name, style="bold")  # article text: appended, never parsed as markup
    prompt.append(" everywhere to:")

    def done(name: str | None) -> None:
        if name and name.strip() and name.strip() != entity.name:
            rename = Correction("rename", entity.type, entity.name, to_name=name.strip())
            screen.correct_entity(rename)

    screen.app.push_screen(InputScreen(prompt, entity.name), done)
