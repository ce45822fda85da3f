"""The Wikinews gold (bench/gold/entities_SPLIT.json, quotes_SPLIT.json for wndev and fresh4) is
well formed: its pages are the manifest's articles of that split, every quote is found once
inside one line of its article, kinds are ones the bench scores, and no name is listed twice in a
way the scorer would read two ways. It checks only the files present (the blind fresh4 gold may
not be written yet) and scores nothing: no analysis is run on the texts. The quote gold of other
pages (bench/quotes.py's page splits: mozdev, mozilla-readability test pages) is checked the same
way, against the pages' bodies as kimreader imports them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kimreader.analysis.names import canonical_key

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
GOLD = BENCH / "gold"
WIKINEWS = GOLD / "wikinews"
SPLITS = (
    "wndev",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "wnrev",
    "fresh12",
)
# fresh4v: articles of the same-story verdict pairs only (tests/gold/compare/verdicts/fresh4v.json)
MANIFEST_SPLITS = (*SPLITS, "fresh4v")
PAGE_QUOTE_SPLITS = ("mozdev",)  # quote gold of mozilla-readability test pages, not Wikinews
PAGES = ROOT.parent / "shared/testdata/mozilla-readability/test/test-pages"
QUOTE_KINDS = {"person", "body", "anonymous", "none"}
ENTITY_TYPES = ("person", "org", "place")


@pytest.fixture(scope="module")
def bench() -> tuple[ModuleType, ModuleType]:
    """bench/entity_gold.py and bench/quotes.py: the loaders the bench scores with."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import entity_gold
    import quotes

    return entity_gold, quotes


def split_articles(split: str) -> set[str]:
    manifest = json.loads((WIKINEWS / "manifest.json").read_text(encoding="utf-8"))
    return {f"wikinews/{a['name']}" for a in manifest["articles"] if a["split"] == split}


def present(kind: str) -> list[str]:
    """The splits whose `kind` gold file exists."""
    return [split for split in SPLITS if (GOLD / f"{kind}_{split}.json").is_file()]


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"about", "pages"} and data["about"]
    return data


def test_the_manifest_splits_its_articles_and_each_has_a_text() -> None:
    manifest = json.loads((WIKINEWS / "manifest.json").read_text(encoding="utf-8"))
    names = [article["name"] for article in manifest["articles"]]
    assert len(names) == len(set(names))
    assert {article["split"] for article in manifest["articles"]} == set(MANIFEST_SPLITS)
    assert all((WIKINEWS / f"{name}.txt").is_file() for name in names)


def test_the_development_gold_is_present() -> None:
    assert present("entities")[:1] == ["wndev"]
    assert present("quotes")[:1] == ["wndev"]


@pytest.mark.parametrize("split", present("quotes"))
def test_quote_gold_is_well_formed(split: str, bench: tuple[ModuleType, ModuleType]) -> None:
    _entity_gold, quotes = bench
    data = read(GOLD / f"quotes_{split}.json")
    assert set(data["pages"]) == split_articles(split)
    assert_quotes_well_formed(split, data, quotes)


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared test pages not present")
@pytest.mark.parametrize("split", PAGE_QUOTE_SPLITS)
def test_page_quote_gold_is_well_formed(split: str, bench: tuple[ModuleType, ModuleType]) -> None:
    _entity_gold, quotes = bench
    assert split in quotes.page_splits() and split in quotes.SPLITS
    data = read(GOLD / f"quotes_{split}.json")
    assert all((PAGES / name / "source.html").is_file() for name in data["pages"]), data["pages"]
    assert_quotes_well_formed(split, data, quotes)


def assert_quotes_well_formed(split: str, data: dict[str, Any], quotes: ModuleType) -> None:
    """Every entry has known fields and kind, a one-line quote, a speaker exactly when its kind
    is not none; each quote is found exactly once in its page's body."""
    for items in data["pages"].values():
        for item in items:
            assert set(item) <= {"quote", "speaker", "kind", "accept"}, item
            assert "\n" not in item["quote"] and item["quote"].strip(), item
            assert item["kind"] in QUOTE_KINDS, item
            assert (item["kind"] == "none") == (item["speaker"] == ""), item
            assert all(isinstance(name, str) and name for name in item.get("accept", [])), item
    articles = quotes.load_quote_gold(split)  # raises unless each quote is found exactly once
    assert sum(len(article.quotes) for article in articles) == sum(
        len(items) for items in data["pages"].values()
    )


@pytest.mark.parametrize("split", present("entities"))
def test_entity_gold_is_well_formed(split: str, bench: tuple[ModuleType, ModuleType]) -> None:
    entity_gold, _quotes = bench
    data = read(GOLD / f"entities_{split}.json")
    assert set(data["pages"]) == split_articles(split)
    for name, page in data["pages"].items():
        assert set(page) <= {*ENTITY_TYPES, "optional"}, name
        assert set(page.get("optional", {})) <= {*ENTITY_TYPES, "any"}, name
        for kind in ENTITY_TYPES:
            assert_listed_once(name, kind, page)
        assert entity_gold.page_body(name).strip(), name
    assert len(entity_gold.load_gold(split)) == len(data["pages"])


def assert_listed_once(page_name: str, kind: str, page: dict[str, Any]) -> None:
    """A form (as the scorer keys it) belongs to one required entity of a type, and a required
    form is not also optional for that type or for any type."""
    owner: dict[str, str] = {}
    for entry in page.get(kind, []):
        forms = entry.split("|")
        assert all(form.strip() == form and form for form in forms), (page_name, entry)
        assert len(forms) == len(set(forms)), (page_name, entry)
        for key in {canonical_key(form, kind) for form in forms}:
            assert key not in owner, (page_name, kind, entry, owner.get(key))
            owner[key] = entry
    optional = page.get("optional", {})
    for entry in optional.get(kind, []):
        for form in entry.split("|"):
            assert canonical_key(form, kind) not in owner, (page_name, kind, form)
    for entry in optional.get("any", []):
        for form in entry.split("|"):
            assert canonical_key(form, kind) not in owner, (page_name, kind, form)
