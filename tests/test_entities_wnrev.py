"""Entity defects on real Wikinews articles of the development set wnrev (bench/gold/wikinews,
CC BY 2.5), each on the article that shows it."""

from __future__ import annotations

from pathlib import Path

from kimreader.analysis.entities import extract_entities
from kimreader.analysis.entity import Entity
from kimreader.corpus.article import Article

WIKINEWS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "wikinews"


def _entities(stem: str) -> list[Entity]:
    body = Article.create(stem, (WIKINEWS / f"{stem}.txt").read_text("utf-8")).body
    (found,) = extract_entities([body])
    return found


def test_a_maker_is_its_motor_company() -> None:
    # "Ford Motor Company" once, then "Ford" ten times: two organisations before
    found = _entities("us-department-of-justice-investigating-ford-over-emissions-t")
    fords = [e for e in found if "Ford" in e.name]
    assert len(fords) == 1
    assert {"Ford", "Ford Motor Company"} <= set(fords[0].aliases)
