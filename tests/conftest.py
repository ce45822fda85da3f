"""Shared fixtures."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kimreader.index.workspace import Workspace

if TYPE_CHECKING:
    from kimreader.analysis.entity import Entity

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# Development Wikinews articles (bench/gold/wikinews, CC BY 2.5) that tests read as real text.
WIKINEWS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "wikinews"


def wikinews_body(stem: str) -> str:
    """The body of the development Wikinews article `stem`, as the library reads it."""
    from kimreader.corpus.article import Article

    return Article.create(stem, (WIKINEWS / f"{stem}.txt").read_text("utf-8")).body


def scraped_body(stem: str) -> str:
    """The development Wikinews article `stem` as a scraped page writes it: one line per
    paragraph, no blank line."""
    return re.sub(r"\n\s*\n", "\n", wikinews_body(stem).strip()) + "\n"


def wikinews_entities(articles: Mapping[str, str]) -> dict[str, list[Entity]]:
    """The entities of development Wikinews articles, key -> file stem, extracted together (one
    batch, as the library extracts them) and given back under each article's key. Imported
    late: most tests never load the model."""
    from kimreader.analysis.entities import extract_entities

    bodies = {key: wikinews_body(stem) for key, stem in articles.items()}
    return dict(zip(bodies, extract_entities(list(bodies.values())), strict=True))


# The app does not embed sentences in the background here (apps started by tmux tests inherit
# this): a comparison a test checks must not turn from words to meaning half-way. The test
# of the background job itself (test_app_derived.py) turns it on.
os.environ.setdefault("KIMREADER_BACKGROUND_EMBEDDINGS", "0")

# Skips for a missing ../shared are listed, and fail the run under KIMREADER_REQUIRE_SHARED=1.
pytest_plugins = ["shared_required"]


@pytest.fixture(autouse=True)
def _typed_searches_are_not_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    """A search while typing stops after the engine's typing budget (15 ms of matching): on a
    loaded machine what a test sees would depend on its speed. test_index_speed.py tests it."""
    from kimreader.index.whoosh import backend

    monkeypatch.setattr(backend, "TYPING_BUDGET", 60.0)


@pytest.fixture
def shared_dir() -> Path:
    """The read-only ../shared folder (seeds, test data); tests skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# The app tests' library: built once per session the way a user's is (seeded with the two
# shipped reports, entities extracted by the real pipeline), then copied per test without the
# index, which the app rebuilds on start as it would for a library copied from elsewhere.
@pytest.fixture(scope="session")
def library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "lib"
    workspace = Workspace.open(root)
    workspace.index.ensure()
    workspace.fill_missing_entities()
    workspace.index.close()
    return root


def copy_library(template: Path, destination: Path) -> Path:
    shutil.copytree(template, destination, ignore=shutil.ignore_patterns("index"))
    return destination


@pytest.fixture
def library(library_template: Path, tmp_path: Path) -> Path:
    return copy_library(library_template, tmp_path / "lib")


# A real HTTP server on 127.0.0.1 for fetching tests.
# A 2 MB tmpfs of our own for the read-only and full-disk tests.
from fs_helpers import tmpfs  # noqa: E402, F401
from loopback import loopback  # noqa: E402, F401
