"""Merging across the library (analysis/library_entities.py) on real Wikinews articles
(bench/gold/wikinews, CC BY 2.5; development sets only): each defect on the articles that show
it, read as the bench reads them (the whole text), extracted once and grouped as the library
groups them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.analysis.entities import extract_entities
from kimreader.analysis.entity import Entity
from kimreader.analysis.library_entities import group_library
from kimreader.corpus.article import Article

WIKINEWS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "wikinews"
ARTICLES = {
    "ford emissions": "us-department-of-justice-investigating-ford-over-emissions-t",
    "stevens": "retired-us-supreme-court-justice-john-paul-stevens-dies",
    "depression": "tropical-depression-three-of-2019-approaches-florida-before",
    "maritime border": "cairo-summit-denounces-turkish-libyan-maritime-border-agreem",
    "mendez": "former-u-s-intelligence-agent-tony-mendez-architect-of-argo",
    "boseman": "tributes-paid-to-recently-deceased-us-actor-chadwick-boseman",
}


@pytest.fixture(scope="module")
def articles() -> dict[str, list[Entity]]:
    bodies = {}
    for key, stem in ARTICLES.items():
        text = (WIKINEWS / f"{stem}.txt").read_text("utf-8")
        bodies[key] = Article.create(stem, text).body
    found = extract_entities(list(bodies.values()))
    return dict(zip(bodies, found, strict=True))


def group_of(
    articles: dict[str, list[Entity]], article: str, name: str, kind: str
) -> set[tuple[str, str, str]]:
    """The (article, type, name) of every member of the library group of one entity."""
    for members in group_library(articles):
        found = {(a, e.type, e.name) for a, e in members}
        if (article, kind, name) in found:
            return found
    raise AssertionError(f"{name!r} ({kind}) not found in {article!r}")


def test_a_one_word_name_beginning_an_organisations_name_in_its_article_is_no_library_person(
    articles: dict[str, list[Entity]],
) -> None:
    # "Ford" (the carmaker: "Ford Motor Company" in its article) is not Gerald Ford of another
    group = group_of(articles, "ford emissions", "Ford", "org")
    assert ("stevens", "person", "Gerald Ford") in group_of(
        articles, "stevens", "Gerald Ford", "person"
    )
    assert not any(article == "stevens" for article, _t, _n in group)


def test_a_place_joins_no_organisation_or_person_of_another_article_by_its_first_word(
    articles: dict[str, list[Entity]],
) -> None:
    atlantic = group_of(articles, "depression", "Atlantic", "place")
    assert not any(article == "maritime border" for article, _t, _n in atlantic)
    frederick = group_of(articles, "mendez", "Frederick", "place")
    assert not any(article == "boseman" for article, _t, _n in frederick)
