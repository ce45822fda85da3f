"""The learned keep-and-type decision (analysis/entity_model.py, analysis/entity_model.json).

On real pages of ../shared/testdata: what the rules alone show and what the decision changes.
The shipped reports' 1.00 with the decision applied is tests/test_entities.py's
test_gold_scores_on_the_shipped_reports (extraction always applies the shipped model).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from kimreader.analysis.entities import build_entities, entity_groups, iter_model_spans
from kimreader.analysis.entity import Entity
from kimreader.analysis.entity_model import (
    MODEL_FILE,
    SIDEBAR_TYPES,
    EntityModel,
    features,
    shipped_model,
)
from kimreader.analysis.mentions import Mention
from kimreader.analysis.prose import Prose
from kimreader.corpus.readers import read_file

PAGES = Path(__file__).resolve().parents[2] / "shared/testdata/mozilla-readability/test/test-pages"
NAMES = ("seattletimes-1", "simplyfound-1")
RULES_ALONE = EntityModel()


@pytest.fixture(scope="module")
def pages() -> dict[str, tuple[Prose, list[list[Mention]]]]:
    if not PAGES.is_dir():
        pytest.skip("shared test pages not present")
    bodies = [read_file(PAGES / name / "source.html").body for name in NAMES]
    return {
        name: (prose, entity_groups(prose, spans, body))
        for name, (body, prose, spans) in zip(NAMES, iter_model_spans(bodies), strict=True)
    }


def sidebar(entities: list[Entity]) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in entities if e.type in SIDEBAR_TYPES}


def test_the_shipped_coefficients_load_and_cover_every_feature_extraction_computes(
    pages: dict[str, tuple[Prose, list[list[Mention]]]],
) -> None:
    raw = json.loads(resources.files("kimreader.analysis").joinpath(MODEL_FILE).read_text("utf-8"))
    model = shipped_model()
    assert model == EntityModel.from_json(raw)
    assert 0.0 <= model.keep_threshold <= 1.0 and 0.5 <= model.type_threshold <= 1.01
    assert len(model.keep) == 1 + len(model.generic) + len(model.typed)
    assert all(len(model.blocks[t]) == 1 + len(model.generic) for t in SIDEBAR_TYPES)
    prose, groups = pages["seattletimes-1"]
    evidence = features(prose.text, groups[0], "person", model.tables)
    assert set(evidence.generic) == set(model.generic)
    assert all(set(evidence.typed[t]) == set(model.typed) for t in SIDEBAR_TYPES)
    assert model.tables.last and model.tables.first  # learned from the development gold


def test_without_coefficients_the_rules_decide(
    pages: dict[str, tuple[Prose, list[list[Mention]]]],
) -> None:
    prose, groups = pages["seattletimes-1"]
    for members in groups:
        for rules_type in SIDEBAR_TYPES:
            assert RULES_ALONE.decide(prose.text, members, rules_type) == rules_type


def test_dates_and_events_pass_untouched(
    pages: dict[str, tuple[Prose, list[list[Mention]]]],
) -> None:
    prose, groups = pages["seattletimes-1"]
    model = shipped_model()
    assert model.decide(prose.text, groups[0], "date") == "date"
    assert model.decide(prose.text, groups[0], "event") == "event"
    rules = [e for e in build_entities(prose, groups, RULES_ALONE) if e.type == "date"]
    learned = [e for e in build_entities(prose, groups, model) if e.type == "date"]
    assert rules == learned


def test_the_learned_decision_drops_none_of_the_rules_people(
    pages: dict[str, tuple[Prose, list[list[Mention]]]],
) -> None:
    """Seattle Times: "…which Bassi co-owns with Rolfe McCartney." The rules kept a one-off
    organisation "McCartney", which the learned decision dropped (a capitalised word right
    before, one word, one mention, no cue: a piece of a longer name); the rules now take the
    given name no list has with it (mention_spans.unlisted_given_name_before), and both keep
    the person. The people stay."""
    prose, groups = pages["seattletimes-1"]
    rules = sidebar(build_entities(prose, groups, RULES_ALONE))
    learned = sidebar(build_entities(prose, groups, shipped_model()))
    assert rules - learned == set()
    assert {("person", "Wade Bassi"), ("person", "Tom Forte")} <= learned
    assert ("person", "Rolfe McCartney") in learned


def test_a_version_number_is_no_organisation(
    pages: dict[str, tuple[Prose, list[list[Mention]]]],
) -> None:
    """SimplyFound's review: "integrated Bluetooth 4.1 and 802.11n wireless LAN" names what a
    board supports, not an organisation; the rest of the page's names stay."""
    prose, groups = pages["simplyfound-1"]
    rules = sidebar(build_entities(prose, groups, RULES_ALONE))
    learned = sidebar(build_entities(prose, groups, shipped_model()))
    assert rules - learned == {("org", "802.11n")}
