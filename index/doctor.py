"""`kimreader doctor`: check the library and its index, repair what can be repaired, say what."""

from __future__ import annotations

import os
from typing import Any

from kimreader.index.workspace import Workspace


def run_doctor(workspace: Workspace, *, extract_entities: bool = True) -> dict[str, Any]:
    """Returns {ok, lines, repaired, problems}. `ok` is False when something is left broken."""
    library = workspace.library
    lines: list[str] = [f"library: {library.root}"]
    repaired: list[str] = []
    problems: list[str] = []

    if not os.access(library.root, os.W_OK):
        problems.append(f"{library.root}: the library folder is not writable")

    for stray in list(library.stray_temp_files()):
        try:
            stray.unlink()
            repaired.append(f"removed an unfinished write: {stray.name}")
        except OSError as error:
            problems.append(f"{stray}: cannot remove an unfinished write ({error.strerror})")

    unreadable = library.refresh()
    problems.extend(str(error) for error in unreadable)
    catalog = library.catalog()
    lines.append(f"articles: {len(catalog)} readable, {len(unreadable)} unreadable")

    known = {entry.id for entry in catalog}
    for sidecar in sorted(library.state_dir.glob("entities/*.json")):
        if sidecar.stem not in known:
            sidecar.unlink(missing_ok=True)
            repaired.append(f"removed entities of a deleted article: {sidecar.stem}")

    missing = workspace.missing_entities()
    if missing and extract_entities:
        filled = workspace.fill_missing_entities()
        repaired.append(f"extracted entities for {filled} article(s) that had none")
    elif missing:
        problems.append(f"{len(missing)} article(s) have no entities (run kimreader doctor)")

    report = workspace.index.ensure()
    if report.rebuilt:
        repaired.append(f"rebuilt the search index ({report.rebuilt})")
    elif report.changed:
        repaired.append(
            f"brought the index up to date: {report.added} added, {report.updated} updated, "
            f"{report.removed} removed"
        )
    indexed = workspace.index.doc_count()
    if indexed != len(catalog):
        problems.append(f"index holds {indexed} articles, library {len(catalog)}")
    lines.append(f"index: {indexed} articles")

    lines.extend(f"repaired: {item}" for item in repaired)
    lines.extend(f"problem: {item}" for item in problems)
    lines.append("all well" if not problems else f"{len(problems)} problem(s) left")
    return {"ok": not problems, "lines": lines, "repaired": repaired, "problems": problems}
