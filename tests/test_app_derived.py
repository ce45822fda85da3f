"""The app finishes an import's second phase: "entities pending", then the entities."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import BLOOMBERG_TITLE, make_app, started, wait_until

from kimreader.index.workspace import Workspace
from kimreader.tui import jobs


def _drop_entities(library: Path, title: str) -> str:
    """As an import cut short after storing the article leaves it: no entities yet."""
    workspace = Workspace.open(library)
    entry = next(e for e in workspace.library.catalog() if e.title == title)
    (workspace.library.state_dir / "entities" / f"{entry.id}.json").unlink()
    return entry.id


def test_an_article_without_entities_loads_as_pending(library: Path) -> None:
    article_id = _drop_entities(library, BLOOMBERG_TITLE)
    loaded = jobs.load_article(Workspace.open(library), article_id, "", None).loaded
    assert loaded.entities == [] and loaded.entities_pending


async def test_the_app_extracts_pending_entities_and_shows_them(library: Path) -> None:
    article_id = _drop_entities(library, BLOOMBERG_TITLE)
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        assert main.article is not None and main.article.id == article_id
        await wait_until(pilot, lambda: main.sidebar.entities, "the extracted entities", 120)
        assert any(e.name == "Kim Jong Un" for e in main.sidebar.entities)
    assert Workspace.open(library).missing_entities() == []


async def test_the_app_embeds_sentences_in_the_background_after_the_entities(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(jobs.BACKGROUND_EMBEDDINGS_ENV, "1")
    workspace = Workspace.open(library)
    shipped = [workspace.get(entry.id) for entry in workspace.library.catalog()]
    assert workspace.embeddings_pending(*shipped)  # the shipped pair comes without
    before = workspace.compare(*shipped).verdict
    assert before is not None and "sentence embeddings pending" in before.summary()
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await wait_until(pilot, lambda: not workspace.missing_embeddings(), "the embeddings", 600)
    assert workspace.compare(*shipped).method == "meaning"
