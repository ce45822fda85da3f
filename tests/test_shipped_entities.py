"""The shipped reports carry their entities, so a new library shows them without spaCy."""

from __future__ import annotations

import json
from pathlib import Path

from kimreader.corpus.library import SHIPPED_DIR, Library, shipped_entities_path


def test_shipped_entity_files_match_extraction_today() -> None:
    from kimreader.analysis.shipped import extract_shipped

    for path, payload in extract_shipped().items():
        stored = json.loads(path.read_text(encoding="utf-8"))
        assert stored == payload, (
            f"{path.name} is out of date: run python -m kimreader.analysis.shipped"
        )


def test_new_library_has_entities_for_the_shipped_reports(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib")
    entries = library.catalog()
    assert len(entries) == len(list(SHIPPED_DIR.glob("*.md")))
    for entry in entries:
        stored = library.read_sidecar("entities", entry.id, entry.hash)
        assert stored, entry.title
        assert {"person", "org", "place"} <= {e["type"] for e in stored}


def test_stale_shipped_entities_are_not_used(tmp_path: Path, monkeypatch) -> None:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    for path in SHIPPED_DIR.glob("*.md"):
        (shipped / path.name).write_text(path.read_text("utf-8") + "\nAn added line.\n", "utf-8")
        sidecar = shipped_entities_path(path)
        (shipped / sidecar.name).write_text(sidecar.read_text("utf-8"), "utf-8")
    monkeypatch.setattr("kimreader.corpus.library.SHIPPED_DIR", shipped)
    library = Library.open(tmp_path / "lib")
    for entry in library.catalog():
        assert library.read_sidecar("entities", entry.id, entry.hash) is None
