"""Entity search: an entity term finds the entity by any merged name; its mentions are hits."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.index.entity_terms import entity_terms
from kimreader.index.workspace import Workspace

FULL = """---
title: Obama lands in Kenya
---

Barack Obama arrived in Nairobi on Friday for talks with Kenyan leaders. Obama said the visit
would focus on trade and security.
"""
SHORT = """---
title: A speech in Nairobi
---

President Obama spoke to students in Nairobi. Mr. Obama said the country had a bright future,
and the students cheered when Obama finished.
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "full.md").write_text(FULL, "utf-8")
    (sources / "short.md").write_text(SHORT, "utf-8")
    workspace = Workspace.open(tmp_path / "lib")
    workspace.add_paths([sources])
    workspace.ensure_index()
    return workspace


def test_entity_terms_are_read_outside_quotes_with_field_aliases() -> None:
    terms = entity_terms('people:"Barack Obama" AND "person: not a field" org:UN')
    assert [(t.type, t.name) for t in terms] == [("person", "Barack Obama"), ("org", "UN")]


def test_a_full_name_finds_the_article_that_only_says_obama(workspace: Workspace) -> None:
    result = workspace.search('person:"Barack Obama"', offsets_for=10)
    titles = {hit.title for hit in result.hits}
    assert titles == {"Obama lands in Kenya", "A speech in Nairobi"}
    for hit in result.hits:
        article = workspace.get(hit.id)
        written = {article.body[s:e] for s, e in hit.matches}
        assert hit.hit_count >= 2 and written <= {"Barack Obama", "Obama"}


def test_the_reader_highlights_the_entity_mentions(workspace: Workspace) -> None:
    short = next(h for h in workspace.search("Nairobi").hits if h.title == "A speech in Nairobi")
    body, _title = workspace.match_offsets(short.id, 'person:"Barack Obama"')
    article = workspace.get(short.id)
    assert [article.body[s:e] for s, e in body] == ["Obama", "Obama", "Obama"]
    assert workspace.search('person:"Barack Obama" AND students').total == 1
