"""A group's one-word name and its plural are one organisation (entities._join_org_short_forms),
on the real Wikinews article that shows it (bench/gold/wikinews, CC BY 2.5; development set
fresh10)."""

from __future__ import annotations

from pathlib import Path

from kimreader.analysis.entities import extract_entities
from kimreader.corpus.article import Article

WIKINEWS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "wikinews"


def test_a_groups_name_and_its_plural_are_one_organisation() -> None:
    # "Houthi military spokesperson", "Houthis who are ideologically aligned": two before
    stem = "oil-facilities-in-saudi-arabia-hit-by-drone-attacks"
    body = Article.create(stem, (WIKINEWS / f"{stem}.txt").read_text("utf-8")).body
    (found,) = extract_entities([body])
    houthis = [e for e in found if "Houthi" in e.name]
    assert len(houthis) == 1
    assert {"Houthi", "Houthis"} <= set(houthis[0].aliases)
