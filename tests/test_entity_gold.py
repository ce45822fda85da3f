"""bench/entity_gold.py: the strict reading of "named in both" (ECB+ mentions written as names)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ENTITY_GOLD = Path(__file__).resolve().parents[1] / "bench" / "entity_gold.py"


@pytest.fixture(scope="module")
def entity_gold() -> ModuleType:
    spec = importlib.util.spec_from_file_location("entity_gold", ENTITY_GOLD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("entity_gold", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("surface", "written"),
    [
        ("Lindsay Lohan", True),
        ("at Morningside Recovery", True),
        ("the Promises Treatment Center in Malibu, California", True),
        ("attorney Shawn Holley", True),
        ("Omar al-Bashir", True),
        ("Kim Jong-un", True),
        ("a Newport Beach rehabilitation facility", False),
        ("rehab in Newport Beach, Calif", False),
    ],
)
def test_a_description_with_a_capitalised_word_is_not_a_written_name(
    entity_gold: ModuleType, surface: str, written: bool
) -> None:
    assert entity_gold.is_written_name(surface) is written


def test_a_name_with_where_it_is_is_cut_to_the_name(entity_gold: ModuleType) -> None:
    text = "She went to the Betty Ford Center in Rancho Mirage, Calif. on Thursday."
    start = text.index("the Betty")
    end = text.index(". on")
    cut = entity_gold.name_part(text, start, end)
    assert text[cut[0] : cut[1]] == "Betty Ford Center"


def test_a_gold_entity_is_one_thing_across_pages_through_any_alias(entity_gold: ModuleType) -> None:
    """The fresh set's "Free Software Foundation|FSF" on one page and "FSF" on another are one
    thing: the library joining them is right (the first-name key counted it as wrong)."""
    fsf_long = entity_gold.GoldEntity("org", ("Free Software Foundation", "FSF"))
    fsf_short = entity_gold.GoldEntity("org", ("FSF",))
    fsf_place = entity_gold.GoldEntity("place", ("FSF",))
    items = [("a", 1, fsf_long), ("b", 1, fsf_short), ("c", 2, fsf_place)]
    both, system, gold = entity_gold.pairwise(entity_gold.by_gold_entity(items))
    assert (both, system, gold) == (1, 1, 1)


def test_an_ecbplus_page_body_is_the_whole_report(
    entity_gold: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """entities_fresh2.json names ECB+ reports ("ecbplus/37/37_3ecb"): their body is the whole
    text, first line too, read as bench/compare_gold.py reads it (bench/ on sys.path, as when
    bench/entities.py runs)."""
    monkeypatch.syspath_prepend(str(ENTITY_GOLD.parent))
    text = (entity_gold.ECBPLUS / "text/37/37_3ecb.txt").read_text("utf-8")
    assert entity_gold.page_body("ecbplus/37/37_3ecb") == text
    assert text.startswith("THOUSANDS of frightened residents")


def test_an_entry_named_by_another_of_its_entities_is_still_shared(
    entity_gold: ModuleType,
) -> None:
    """Report A names the clinic "Betty Ford Treatment Center" and once "Betty Ford" (the
    model's person); B says "the Betty Ford Center", then "Betty Ford". The comparison shares
    all three in one entry, named by A's clinic: B's "Betty Ford Center", which names no entry,
    is listed as shared all the same."""
    from kimreader.analysis.compare import compare_entities
    from kimreader.analysis.entity import Entity

    text_a = "Betty Ford was there. She left the Betty Ford Treatment Center."
    text_b = "She was at the Betty Ford Center. Back at Betty Ford."
    person_a = Entity("Betty Ford", "person", (), ((0, 10),))
    clinic_a = Entity("Betty Ford Treatment Center", "org", (), ((35, 62),))
    clinic_b = Entity("Betty Ford Center", "org", ("Betty Ford",), ((15, 32), (42, 52)))
    shared = compare_entities([person_a, clinic_a], [clinic_b]).shared
    assert [(s.name, s.type) for s in shared] == [("Betty Ford Treatment Center", "org")]
    docs = [
        entity_gold.EcbDocument("a", "c", text_a, (entity_gold.EcbMention(35, 62, "X", "org"),)),
        entity_gold.EcbDocument("b", "c", text_b, (entity_gold.EcbMention(15, 32, "X", "org"),)),
    ]
    score = entity_gold.shared_listing(docs, {"a": [person_a, clinic_a], "b": [clinic_b]})
    assert (score.named, score.shown, score.found_both, score.listed) == (1, 1, 1, 1)


def test_a_name_wrapped_inside_a_link_or_italics_is_not_junk(entity_gold: ModuleType) -> None:
    from kimreader.analysis.entity import Entity

    body = "The $279 [Xbox\nOne S](https://example.com/one-s) is out.\n\nSee Nintendo\nApple.\n"

    def entity(surface: str) -> Entity:
        start = body.index(surface)
        return Entity(surface.replace("\n", " "), "org", (), ((start, start + len(surface)),))

    found = entity_gold.junk_kinds(body, [entity("Xbox\nOne S"), entity("Nintendo\nApple")])
    assert found == ["Nintendo Apple (line)"]  # a short caption line's break still counts
