"""`kimreader entities`: an article's or the library's entities, as data and as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from kimreader.index.workspace import Workspace

TYPE_LABELS = {
    "person": "People",
    "org": "Organisations",
    "place": "Places",
    "date": "Dates",
    "event": "Events",
}


def library_entities(workspace: Workspace) -> tuple[dict[str, Any], str]:
    """Every entity across the library, one per real-world thing, with its article count; and
    why they are without the user's corrections ("" when they have them: Workspace)."""
    from kimreader.analysis.corrections import apply_corrections
    from kimreader.analysis.entity import Entity
    from kimreader.analysis.library_entities import merge_library

    per_article = {}
    corrections, note = workspace.corrections_with_note()  # read once, not once per article
    for entry in workspace.library.catalog():
        stored = workspace.library.read_sidecar("entities", entry.id, entry.hash)
        if isinstance(stored, list):
            entities = [Entity.from_json(item) for item in stored]
            per_article[entry.id] = apply_corrections(entities, corrections)
    merged = merge_library(per_article)
    pending = len(workspace.library.catalog()) - len(per_article)
    return {
        "pending": pending,  # articles whose entities are not extracted yet: not counted
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "count": e.count,
                "articles": len(e.article_ids),
                "article_ids": list(e.article_ids),
            }
            for e in merged
        ],
    }, note


def print_entities(console: Console, data: dict[str, Any]) -> None:
    """Grouped by type, most mentioned first; names are article text, so Text, never markup."""
    from rich.table import Table
    from rich.text import Text

    library_wide = "id" not in data
    for kind, label in TYPE_LABELS.items():
        rows = [e for e in data["entities"] if e["type"] == kind]
        if not rows:
            continue
        rows.sort(key=lambda e: (-e.get("articles", 0), -e["count"], e["name"]))
        table = Table(title=Text(label, style="bold"), box=None, title_justify="left")
        table.add_column("name")
        table.add_column("mentions", justify="right")
        if library_wide:
            table.add_column("articles", justify="right")
        table.add_column("also written", overflow="fold")
        for e in rows:
            others = ", ".join(a for a in e["aliases"] if a != e["name"])
            cells = [Text(e["name"]), Text(str(e["count"]))]
            if library_wide:
                cells.append(Text(str(e["articles"])))
            cells.append(Text(others, style="dim"))
            table.add_row(*cells)
        console.print(table)
        console.print()
