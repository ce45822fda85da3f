"""The shipped reports carry their entities, so a new library shows them without spaCy."""

from __future__ import annotations

import json
from pathlib import Path

from kimreader.corpus.library import SHIPPED_DIR, Library, shipped_entities_path


def test_shipped_entity_files_match_extraction_today() -> None:
    """And a change of extraction comes with a new ENTITIES (the shipped reports' files record
    what it gave under their version), as the sentences' record asks of SENTENCES
    (test_sentence_splits.py): only a new version makes libraries recompute their entities."""
    from kimreader.analysis.shipped import extract_shipped, unbumped

    for path, payload in extract_shipped().items():
        stored = json.loads(path.read_text(encoding="utf-8"))
        bump = "bump ENTITIES in analysis/versions.py, then " if unbumped(path, payload) else ""
        assert stored == payload, (
            f"{path.name} is out of date: {bump}run python -m kimreader.analysis.shipped"
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


def test_other_entities_under_the_same_version_ask_for_a_new_one(tmp_path: Path) -> None:
    """The guard itself (analysis.shipped.unbumped, which also stops the writer): the shipped
    file against entities extraction would give otherwise."""
    from kimreader.analysis.shipped import unbumped

    sidecar = shipped_entities_path(sorted(SHIPPED_DIR.glob("*.md"))[0])
    stored = json.loads(sidecar.read_text("utf-8"))
    copy = tmp_path / sidecar.name
    copy.write_text(json.dumps(stored), "utf-8")
    other = {**stored, "data": stored["data"][1:]}  # one entity fewer
    assert unbumped(copy, other)
    assert not unbumped(copy, {**other, "version": stored["version"] + 1})
    assert not unbumped(copy, stored)
