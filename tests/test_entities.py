"""Entity extraction: alias rules on small strings, then the two shipped reports against gold.

The gold lists below were written by reading the two reports in corpus/articles/. Every person,
organisation and place named in the body is listed once; "a|b" accepts either canonical name.
Dates are calendar dates only (relative ones like "last year" are left out by design).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from kimreader.analysis import entities as entities_module
from kimreader.analysis.entities import (
    LibraryEntity,
    canonical_key,
    entities_from_spans,
    extract_entities,
    markdown_prose,
    merge_library,
)
from kimreader.analysis.entity import ENTITY_TYPES, Entity
from kimreader.analysis.entity_model import EntityModel
from kimreader.corpus.frontmatter import parse_front_matter

ARTICLES = Path(__file__).resolve().parents[1] / "corpus" / "articles"
NYT = "2018-06-19-nyt-kim-returns-to-china.md"
BLOOMBERG = "2019-01-09-bloomberg-kim-visits-china.md"

GOLD: dict[str, dict[str, list[str]]] = {
    NYT: {
        "person": [
            "Kim Jong Un",
            "Shi Yinhong",
            "Donald Trump",
            "Xi Jinping",
            "Andrei Lankov",
            "Kim Il Sung",
            "Bilahari Kausikan",
            "Kim Byung-yeon",
            "Vladimir Putin",
        ],
        "org": [
            "Renmin University",
            "Xinhua|Xinhua News Agency",
            "United Nations",
            "Seoul National University",
            "White House",
        ],
        "place": [
            "Beijing",
            "China",
            "United States",
            "Washington",
            "Singapore",
            "Dalian",
            "North Korea",
            "Asia",
            "Pyongyang",
            "Korean Peninsula",
            "South Korea",
            "Russia",
        ],
        "date": ["Tuesday", "March", "May", "September"],
        "event": [],
    },
    BLOOMBERG: {
        "person": [
            "Kim Jong Un",
            "Xi Jinping",
            "Donald Trump",
            "Ri Sol-ju",
            "Lee Sang-sook",
            "Moon Jae-in",
            "Lu Kang",
            "Andrew Gilholm",
            "Kim Jong Il",
            "Shi Yongming",
        ],
        "org": [
            "Korean Central News Agency",
            "Yonhap News Agency",
            "Unification Ministry",
            "Korea National Diplomatic Academy",
            "Foreign Ministry",
            "United Nations Security Council",
            "National Intelligence Service",
            "Communist Party",
            "Control Risks Group",
            "China Institute of International Studies",
        ],
        "place": [
            "Seoul",
            "China",
            "Pyongyang",
            "North Korea",
            "United States",
            "South Korea",
            "Korean Peninsula",
            "Singapore",
            "Beijing",
            "Russia",
            "North Asia",
        ],
        "date": ["Monday", "March", "June", "Sunday", "May", "April"],
        "event": ["Korean War", "New Year"],
    },
}

# Aliases that must end up inside one entity (type, canonical name): forms as written.
MERGED: dict[str, list[tuple[str, str, set[str]]]] = {
    NYT: [
        ("person", "Kim Jong Un", {"Kim Jong Un", "Kim"}),
        ("person", "Xi Jinping", {"Xi Jinping", "Xi"}),
        ("person", "Donald Trump", {"Donald Trump", "Trump"}),
        ("place", "United States", {"United States", "U.S."}),
        ("org", "United Nations", {"United Nations", "U.N."}),
    ],
    BLOOMBERG: [
        ("person", "Kim Jong Un", {"Kim Jong-un", "Kim"}),
        ("person", "Moon Jae-in", {"Moon Jae-in", "Moon"}),
        ("person", "Lu Kang", {"Lu Kang", "Lu"}),
        (
            "place",
            "North Korea",
            {"North Korea", "DPRK", "Democratic People’s Republic of Korea"},
        ),
        ("place", "United States", {"US"}),
        ("org", "Yonhap News Agency", {"Yonhap News Agency", "Yonhap"}),
    ],
}

Score = dict[str, tuple[int, int, int]]  # type -> (true positives, false positives, misses)


def score_entities(
    found: Sequence[Entity],
    gold: Mapping[str, Sequence[str]],
    optional: Mapping[str, Sequence[str]] | None = None,
) -> Score:
    """Match entities to gold names by type and key; a second match of one gold name is junk."""
    result: Score = {}
    for entity_type, names in gold.items():
        wanted = [{canonical_key(alt, entity_type) for alt in name.split("|")} for name in names]
        spare = {
            canonical_key(alt, entity_type)
            for name in (optional or {}).get(entity_type, ())
            for alt in name.split("|")
        }
        matched: set[int] = set()
        false_positives = 0
        for entity in (e for e in found if e.type == entity_type):
            key = canonical_key(entity.name, entity_type)
            hit = next((i for i, keys in enumerate(wanted) if key in keys), None)
            if hit is not None and hit not in matched:
                matched.add(hit)
            elif hit is None and key in spare:
                continue
            else:
                false_positives += 1
        result[entity_type] = (len(matched), false_positives, len(wanted) - len(matched))
    return result


def precision_recall(counts: tuple[int, int, int]) -> tuple[float, float]:
    hits, junk, misses = counts
    precision = hits / (hits + junk) if hits + junk else 1.0
    recall = hits / (hits + misses) if hits + misses else 1.0
    return precision, recall


def shipped_bodies() -> dict[str, str]:
    return {name: parse_front_matter((ARTICLES / name).read_text("utf-8"))[1] for name in GOLD}


@pytest.fixture(scope="module")
def shipped() -> dict[str, tuple[str, list[Entity]]]:
    bodies = shipped_bodies()
    found = extract_entities(list(bodies.values()))
    return {name: (body, ents) for (name, body), ents in zip(bodies.items(), found, strict=True)}


def _entity(ents: Sequence[Entity], entity_type: str, name: str) -> Entity:
    matches = [e for e in ents if e.type == entity_type and e.name == name]
    assert len(matches) == 1, f"{entity_type} {name!r}: {len(matches)} entities"
    return matches[0]


# ---------------------------------------------------------------- names and keys


@pytest.mark.parametrize(
    ("forms", "entity_type"),
    [
        (["Kim Jong-un", "Kim Jong Un", "KIM JONG UN", "Kim Jong Un’s"], "person"),
        (["Xi Jinping", "President Xi Jinping", "Xi Jinping's"], "person"),
        (["Donald J. Trump", "Donald Trump", "Mr. Donald Trump"], "person"),
        (["U.S.", "US", "u.s."], "place"),
        (["the Korean Peninsula", "Korean Peninsula"], "place"),
        (["Democratic People’s Republic of Korea", "Democratic People's Republic of Korea"], None),
        (["Zürich", "Zurich"], "place"),
    ],
)
def test_canonical_key_ignores_case_dots_hyphens_titles_possessives(
    forms: list[str], entity_type: str | None
) -> None:
    keys = {canonical_key(form, entity_type) for form in forms}  # type: ignore[arg-type]
    assert len(keys) == 1, keys


def test_canonical_key_keeps_titles_that_are_part_of_an_organisation_name() -> None:
    assert canonical_key("General Motors") == "general motors"
    assert canonical_key("General Motors", "org") == "general motors"
    assert canonical_key("President Xi Jinping") == "xi jinping"
    assert canonical_key("Mr. Kim", "person") == "kim"


def test_markdown_prose_drops_syntax_and_maps_every_character_to_the_body() -> None:
    body = (
        '# World\n\n**Kim Jong Un** met [Xi Jinping](https://example.com/xi "Xi") in\n'
        "Beijing.\n\n> “Quote,” said _Lu Kang_.\n\n- ![map](map.png) Seoul<br>Busan\n"
    )
    prose = markdown_prose(body)
    assert len(prose.offsets) == len(prose.text) + 1
    for index, char in enumerate(prose.text):
        assert body[prose.offsets[index]] == char or char == " "
    assert not re.search(r"[*#>\[\]()_]|https|map\.png", prose.text)
    assert "Kim Jong Un met Xi Jinping in Beijing." in prose.text  # soft break joined
    assert "Seoul Busan" in prose.text
    for name in ("Kim Jong Un", "Xi Jinping", "Lu Kang", "Seoul"):
        start = prose.text.index(name)
        body_start, body_end = prose.body_span(start, start + len(name))
        assert body[body_start:body_end] == name


# ---------------------------------------------------------------- slips and aliases (no model)


def spans_for(body: str, *marked: tuple[str, str, int]) -> list[tuple[int, int, str]]:
    """Spans as the model would give them: (text, label, occurrence index)."""
    spans = []
    for surface, label, occurrence in marked:
        starts = [m.start() for m in re.finditer(re.escape(surface), body)]
        start = starts[occurrence]
        spans.append((start, start + len(surface), label))
    return spans


def test_possessive_hyphen_and_leading_the_are_fixed() -> None:
    body = "Kim’s fourth trip met Moon Jae-in and the Korean Peninsula talks; Kim Jong-un’s aide."
    spans = spans_for(
        body,
        ("Kim’s fourth", "PERSON", 0),
        ("Moon Jae", "PERSON", 0),
        ("the Korean Peninsula", "LOC", 0),
        ("Kim Jong-un’s", "PERSON", 0),
    )
    found = {e.name: [body[s:t] for s, t in e.mentions] for e in entities_from_spans(body, spans)}
    assert found == {
        "Kim Jong Un": ["Kim", "Kim Jong-un"],
        "Moon Jae-in": ["Moon Jae-in"],
        "Korean Peninsula": ["Korean Peninsula"],
    }


def test_outlets_tagged_as_places_or_nationalities_become_organisations() -> None:
    body = "Xinhua said so, Yonhap reported, and Yonhap News Agency agreed. Bloomberg too."
    spans = spans_for(
        body,
        ("Xinhua", "GPE", 0),
        ("Yonhap", "NORP", 0),
        ("Yonhap News Agency", "ORG", 0),
        ("Bloomberg", "GPE", 0),
    )
    found = {(e.type, e.name, e.count) for e in entities_from_spans(body, spans)}
    assert found == {
        ("org", "Xinhua News Agency", 1),
        ("org", "Yonhap News Agency", 2),
        ("org", "Bloomberg", 1),
    }


def test_acronym_in_parentheses_joins_the_long_name_both_ways() -> None:
    body = (
        "The Korea National Diplomatic Academy (KNDA) said the KNDA view holds. "
        "China and the DPRK (Democratic People’s Republic of Korea) are close; North Korea agreed."
    )
    spans = spans_for(
        body,
        ("Korea National Diplomatic Academy", "ORG", 0),
        ("KNDA", "ORG", 1),
        ("China", "GPE", 0),
        ("DPRK", "ORG", 0),
        ("North Korea", "GPE", 0),
    )
    found = {
        e.name: sorted(body[s:t] for s, t in e.mentions) for e in entities_from_spans(body, spans)
    }
    assert found["Korea National Diplomatic Academy"] == [
        "KNDA",
        "KNDA",
        "Korea National Diplomatic Academy",
    ]
    assert found["North Korea"] == [
        "DPRK",
        "Democratic People’s Republic of Korea",
        "North Korea",
    ]


def test_a_surname_tagged_as_organisation_joins_the_person() -> None:
    body = "President Donald Trump spoke. Trump said no. Later Trump left. Mr. Trump returned."
    spans = spans_for(
        body,
        ("Donald Trump", "PERSON", 0),
        ("Trump", "ORG", 1),
        ("Trump", "ORG", 2),
        ("Mr. Trump", "PERSON", 0),
    )
    (trump,) = entities_from_spans(body, spans)
    assert (trump.type, trump.name, trump.count) == ("person", "Donald Trump", 4)
    assert trump.aliases == ("Donald Trump", "Trump", "Mr. Trump")


def test_a_shared_family_name_goes_to_the_subject_except_in_a_quote_attribution() -> None:
    body = (
        "Kim Jong Un arrived in Beijing. Kim met officials.\n\n"
        "Sanctions may ease, said Kim Byung-yeon, a professor.\n\n"
        "But China should be careful, Kim said. “It is not clear,” Kim said.\n\n"
        "After years abroad, Kim appears to be catching up."
    )
    kims = [m.start() for m in re.finditer(r"\bKim\b(?! Jong| Byung)", body)]
    spans = spans_for(body, ("Kim Jong Un", "PERSON", 0), ("Kim Byung-yeon", "PERSON", 0))
    spans += [(start, start + 3, "PERSON") for start in kims]
    found = {e.name: e.mentions for e in entities_from_spans(body, spans)}
    jong_un = [start for start, _ in found["Kim Jong Un"]]
    byung_yeon = [start for start, _ in found["Kim Byung-yeon"]]
    assert jong_un == [0, kims[0], kims[3]]
    assert byung_yeon == [body.index("Kim Byung-yeon"), kims[1], kims[2]]


def test_headings_credits_and_relative_dates_are_not_entities() -> None:
    body = (
        "World News\n\nNuclear Umbrella\n\nKim met Xi in March and last year, on Tuesday.\n\n"
        "Copyright 2023 New York Times News Service. All rights reserved.\n\n"
        "Talks went on. — Bloomberg"
    )
    spans = spans_for(
        body,
        ("World News", "ORG", 0),
        ("Nuclear Umbrella", "ORG", 0),
        ("Kim", "PERSON", 0),
        ("Xi", "PERSON", 0),
        ("March", "DATE", 0),
        ("last year", "DATE", 0),
        ("Tuesday", "DATE", 0),
        ("2023", "DATE", 0),
        ("New York Times News Service", "ORG", 0),
        ("Bloomberg", "GPE", 0),
    )
    assert [(e.type, e.name) for e in entities_from_spans(body, spans)] == [
        ("person", "Kim"),
        ("person", "Xi"),
        ("date", "March"),
        ("date", "Tuesday"),
    ]


def test_curated_aliases_merge_country_forms_but_not_the_capital() -> None:
    body = "The U.S. and the United States and America met the DPRK in Pyongyang, not in the US."
    spans = spans_for(
        body,
        ("U.S.", "GPE", 0),
        ("the United States", "GPE", 0),
        ("America", "GPE", 0),
        ("DPRK", "ORG", 0),
        ("Pyongyang", "GPE", 0),
        ("US", "GPE", 0),
    )
    found = {e.name: e.aliases for e in entities_from_spans(body, spans)}
    assert found == {
        "United States": ("United States", "U.S.", "America", "US"),
        "North Korea": ("North Korea", "DPRK"),
        "Pyongyang": ("Pyongyang",),
    }


# ---------------------------------------------------------------- the shipped reports (model)


def test_gold_scores_on_the_shipped_reports(shipped: dict[str, tuple[str, list[Entity]]]) -> None:
    for name, (_, ents) in shipped.items():
        scores = score_entities(ents, GOLD[name])
        for entity_type, counts in scores.items():
            precision, recall = precision_recall(counts)
            assert recall == 1.0, (name, entity_type, counts)
            assert precision == 1.0, (name, entity_type, counts)


def test_every_entity_appears_once_with_its_aliases_merged(
    shipped: dict[str, tuple[str, list[Entity]]],
) -> None:
    for name, (body, ents) in shipped.items():
        keys = [(e.type, canonical_key(e.name, e.type)) for e in ents]
        assert len(keys) == len(set(keys)), name
        for entity_type, canonical, forms in MERGED[name]:
            entity = _entity(ents, entity_type, canonical)
            written = {body[s:t] for s, t in entity.mentions}
            assert forms <= written, (canonical, written)


def test_every_mention_offset_is_exact(shipped: dict[str, tuple[str, list[Entity]]]) -> None:
    for body, ents in shipped.values():
        seen: list[tuple[int, int]] = []
        for entity in ents:
            assert entity.type in ENTITY_TYPES
            assert list(entity.mentions) == sorted(entity.mentions)
            alias_keys = {canonical_key(a, entity.type) for a in entity.aliases}
            for start, end in entity.mentions:
                written = body[start:end]
                assert written == written.strip() and written, (entity.name, written)
                assert not re.search(r"['’]s$", written), written
                assert canonical_key(written, entity.type) in alias_keys, (entity.name, written)
                seen.append((start, end))
        seen.sort()
        assert all(a[1] <= b[0] for a, b in zip(seen, seen[1:], strict=False)), "overlaps"


def test_kim_said_near_the_end_of_the_nyt_report_is_the_professor(
    shipped: dict[str, tuple[str, list[Entity]]],
) -> None:
    body, ents = shipped[NYT]
    professor = _entity(ents, "person", "Kim Byung-yeon")
    leader = _entity(ents, "person", "Kim Jong Un")
    said = [m.start() for m in re.finditer(r"Kim(?= said\.)", body)]
    assert len(said) == 2
    assert [s for s, _ in professor.mentions] == [body.index("Kim Byung-yeon"), *said]
    # The next paragraphs are about the leader again.
    assert body.index("Kim almost appears") in {s for s, _ in leader.mentions}
    assert leader.count >= 25


def test_the_library_merges_one_person_across_reports(
    shipped: dict[str, tuple[str, list[Entity]]],
) -> None:
    library = merge_library({name: ents for name, (_, ents) in shipped.items()})
    by_name: dict[tuple[str, str], LibraryEntity] = {(e.type, e.name): e for e in library}
    named = [e for e in library if e.type != "date"]
    assert len({(e.type, e.name) for e in named}) == len(named)
    # Dates and day names belong to their article: "May" in one report is not "May" in another.
    assert all(len(e.article_ids) == 1 for e in library if e.type == "date")
    kim = by_name[("person", "Kim Jong Un")]
    assert set(kim.article_ids) == {NYT, BLOOMBERG}
    assert {"Kim Jong Un", "Kim Jong-un"} <= set(kim.aliases)
    nyt_kim = _entity(shipped[NYT][1], "person", "Kim Jong Un")
    bloomberg_kim = _entity(shipped[BLOOMBERG][1], "person", "Kim Jong Un")
    assert kim.count == nyt_kim.count + bloomberg_kim.count
    for shared in ("Xi Jinping", "Donald Trump"):
        assert len(by_name[("person", shared)].article_ids) == 2
    for one_report in ("Kim Byung-yeon", "Kim Jong Il", "Kim Il Sung"):
        assert len(by_name[("person", one_report)].article_ids) == 1
    assert library[0].article_ids and len(library[0].article_ids) == 2
    assert by_name[("place", "North Korea")].to_json()["articles"] == 2


def test_the_library_never_joins_people_by_a_bare_family_name() -> None:
    professor = Entity("Kim Byung-yeon", "person", ("Kim Byung-yeon", "Kim"), ((0, 14), (20, 23)))
    leader = Entity("Kim Jong Un", "person", ("Kim Jong Un", "Kim"), ((0, 11),))
    only_kim = Entity("Kim", "person", ("Kim",), ((0, 3),))
    spelled = Entity("Kim Jong-un", "person", ("Kim Jong-un",), ((5, 16),))
    library = merge_library({"a": [professor], "b": [leader], "c": [only_kim], "d": [spelled]})
    assert sorted((e.name, e.article_ids) for e in library) == [
        ("Kim", ("c",)),
        ("Kim Byung-yeon", ("a",)),
        ("Kim Jong Un", ("b", "d")),
    ]


def test_markdown_bodies_keep_offsets_into_the_original_text() -> None:
    body = (
        "## Talks in Beijing\n\n**Kim Jong Un** met [President Xi Jinping](https://example.com/xi)"
        " in *Beijing* on Tuesday, the [Xinhua](https://xinhua.example) agency said.\n"
    )
    (ents,) = extract_entities([body])
    written = {e.name: {body[s:t] for s, t in e.mentions} for e in ents}
    assert written["Kim Jong Un"] == {"Kim Jong Un"}
    assert written["Xi Jinping"] <= {"Xi Jinping", "President Xi Jinping"}
    assert written["Beijing"] == {"Beijing"}
    assert written["Xinhua News Agency"] == {"Xinhua"}


def test_two_processes_give_the_same_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    bodies = list(shipped_bodies().values())
    short = [paragraph for body in bodies for paragraph in body.split("\n\n")[:3]]
    monkeypatch.setattr(entities_module, "PARALLEL_THRESHOLD", 2)
    assert extract_entities(short, processes=2) == extract_entities(short, processes=1)


def test_long_bodies_are_cut_at_paragraphs_without_changing_the_result(
    monkeypatch: pytest.MonkeyPatch, shipped: dict[str, tuple[str, list[Entity]]]
) -> None:
    body, whole = shipped[NYT]
    monkeypatch.setattr(entities_module, "CHUNK_CHARS", 600)
    (pieces,) = extract_entities([body])
    assert pieces == whole


def test_empty_and_blank_bodies_have_no_entities() -> None:
    assert extract_entities(["", "  \n\n "]) == [[], []]
    assert extract_entities([]) == []


def test_a_photo_credit_keeps_the_photographer_not_the_agency() -> None:
    # Credits at the end of a caption line (a credit alone on a short line is a label line,
    # which names nothing anyway).
    body = (
        "The old sign glows again over the square after a year of repairs. Jane Doe / AP\n\n"
        "Anna Lind restored it over a long year of work, her crew said. Photo: Sam Roe/Reuters"
    )
    spans = spans_for(
        body,
        ("Jane Doe / AP", "PERSON", 0),
        ("Anna Lind", "PERSON", 0),
        ("Sam Roe/Reuters", "PERSON", 0),
    )
    found = entities_from_spans(body, spans)
    assert [e.name for e in found if e.type == "person"] == ["Jane Doe", "Anna Lind", "Sam Roe"]
    assert not [e for e in found if "/" in e.name or e.name == "AP"]


def test_an_organisation_written_with_and_is_one_name_two_organisations_stay_two() -> None:
    body = (
        "The World Travel and Tourism Council and the Center on Poverty and Inequality met "
        "Apple and Google, and the American Academy of Allergy, Asthma and Immunology."
    )
    spans = spans_for(
        body,
        ("World Travel", "ORG", 0),
        ("Tourism Council", "ORG", 0),
        ("Center on Poverty", "ORG", 0),
        ("Inequality", "ORG", 0),
        ("Apple", "ORG", 0),
        ("Google", "ORG", 0),
        ("American Academy of Allergy", "ORG", 0),
        ("Asthma and Immunology", "ORG", 0),
    )
    assert [e.name for e in entities_from_spans(body, spans)] == [
        "World Travel and Tourism Council",
        "Center on Poverty and Inequality",
        "Apple",
        "Google",
        "American Academy of Allergy, Asthma and Immunology",
    ]


def test_an_organisation_owning_a_name_and_a_lower_case_word_after_one_are_not_part_of_it() -> None:
    body = "Stanford University’s Center on Poverty studied the Likud party closely."
    spans = spans_for(
        body, ("Stanford University’s Center on Poverty", "ORG", 0), ("the Likud party", "ORG", 0)
    )
    assert [(e.type, e.name) for e in entities_from_spans(body, spans)] == [
        ("org", "Stanford University"),
        ("org", "Center on Poverty"),
        ("org", "Likud"),
    ]


def test_a_name_given_with_an_age_is_a_person_whatever_the_model_cut() -> None:
    body = "West Mercia Police\n\nEloise Parry, 21, was taken to hospital. Fiona Parry, 48, said."
    spans = spans_for(
        body,
        ("West Mercia Police\n\nEloise", "ORG", 0),
        ("Fiona Parry", "PERSON", 0),
    )
    found = {(e.type, e.name): e.count for e in entities_from_spans(body, spans)}
    assert found == {("person", "Eloise Parry"): 1, ("person", "Fiona Parry"): 1}


def test_two_parallel_names_in_one_span_are_two() -> None:
    body = "It works with Apple Pay and Google Pay, as Procter and Gamble noted."
    spans = spans_for(
        body, ("Apple Pay and Google Pay", "ORG", 0), ("Procter and Gamble", "ORG", 0)
    )
    assert [e.name for e in entities_from_spans(body, spans)] == [
        "Apple Pay",
        "Google Pay",
        "Procter and Gamble",
    ]


def test_an_organisation_in_a_place_is_both_and_a_project_is_an_organisation() -> None:
    body = "Hundreds gathered at the Hihiaua Cultural Centre in Whangārei, said Project Jonah."
    spans = spans_for(
        body,
        ("Hihiaua Cultural Centre in Whangārei", "ORG", 0),
        ("Project Jonah", "PERSON", 0),
    )
    assert [(e.type, e.name) for e in entities_from_spans(body, spans)] == [
        ("org", "Hihiaua Cultural Centre"),
        ("place", "Whangārei"),
        ("org", "Project Jonah"),
    ]


def test_an_organisation_named_later_by_its_first_word_is_found() -> None:
    body = (
        "Tara Reid entered the Promises Treatment Center. Her rep confirmed her stay at "
        "Promises. Washington University said Washington was far."
    )
    spans = spans_for(
        body,
        ("Tara Reid", "PERSON", 0),
        ("Promises Treatment Center", "ORG", 0),
        ("Washington University", "ORG", 0),
    )
    found = {e.name: e.count for e in entities_from_spans(body, spans)}
    assert found == {"Tara Reid": 1, "Promises Treatment Center": 2, "Washington University": 1}


def test_a_description_after_a_name_types_it() -> None:
    body = (
        "Police blamed Ansar al-Sharia, an al-Qaeda-linked organization, and Dana Roe, a lawyer "
        "for the family. Roe spoke in Tikrit, a city in Iraq."
    )
    spans = spans_for(
        body,
        ("Ansar al-Sharia", "PERSON", 0),
        ("Dana Roe", "ORG", 0),
        ("Roe", "PERSON", 0),
        ("Tikrit", "PERSON", 0),
        ("Iraq", "GPE", 0),
    )
    found = {e.name: e.type for e in entities_from_spans(body, spans)}
    assert found == {
        "Ansar al-Sharia": "org",
        "Dana Roe": "person",
        "Tikrit": "place",
        "Iraq": "place",
    }


def test_a_name_in_a_list_takes_the_type_of_its_neighbours() -> None:
    body = "The company owns Instagram, Atlas, WhatsApp, and others. Ann Lee, Bo Chan and Ivo met."
    spans = spans_for(
        body,
        ("Instagram", "ORG", 0),
        ("Atlas", "PERSON", 0),
        ("WhatsApp", "ORG", 0),
        ("Ann Lee", "PERSON", 0),
        ("Bo Chan", "PERSON", 0),
        ("Ivo", "ORG", 0),
    )
    # The rules' types (the learned decision drops a one-off given name in a made-up line:
    # tests/test_entity_model.py tests it on real pages).
    found = {e.name: e.type for e in entities_from_spans(body, spans, model=EntityModel())}
    assert found == {
        "Instagram": "org",
        "Atlas": "org",
        "WhatsApp": "org",
        "Ann Lee": "person",
        "Bo Chan": "person",
        "Ivo": "person",
    }


def test_a_place_read_as_a_language_or_a_number_is_a_place() -> None:
    body = "It happened in downtown Tunis, then on Ninety Mile Beach. They spoke English."
    spans = spans_for(
        body,
        ("Tunis", "LANGUAGE", 0),
        ("Ninety Mile Beach", "PERCENT", 0),
        ("English", "LANGUAGE", 0),
    )
    found = {(e.name, e.type) for e in entities_from_spans(body, spans)}
    assert found == {("Tunis", "place"), ("Ninety Mile Beach", "place")}


def test_a_common_word_opening_a_sentence_is_not_a_name_unless_used_inside_one() -> None:
    body = (
        "CAIRO — Gunmen opened fire. Police said the gunmen fled.\n\n"
        "Rice said no. Condoleezza Rice had left; rice prices rose."
    )
    spans = spans_for(body, ("Gunmen", "GPE", 0), ("Rice", "PERSON", 0))
    found = [(e.name, e.type) for e in entities_from_spans(body, spans)]
    assert found == [("CAIRO", "place"), ("Rice", "person")]  # the dateline names a place


def test_a_quoted_title_of_several_words_is_not_a_person() -> None:
    body = "She starred in “Van Wilder” and played “Eve Valkyrie”. Fans call her “LiLo”."
    spans = spans_for(
        body, ("Van Wilder", "PERSON", 0), ("Eve Valkyrie", "PERSON", 0), ("LiLo", "PERSON", 0)
    )
    assert [e.name for e in entities_from_spans(body, spans)] == ["LiLo"]


def test_a_model_code_makes_a_product_and_a_listed_maker_before_it_is_found() -> None:
    body = "It has an upgraded AMD Polaris GPU, and John Smith III said so."
    spans = spans_for(body, ("Polaris GPU", "PERSON", 0), ("John Smith III", "PERSON", 0))
    found = {(e.name, e.type) for e in entities_from_spans(body, spans)}
    assert found == {("AMD", "org"), ("Polaris GPU", "org"), ("John Smith III", "person")}


def test_which_after_a_name_and_an_organisation_noun_make_an_organisation() -> None:
    body = (
        "Con Edison, which maintains pipes, said Con Edison crews came. Vulture magazine agreed, "
        "and so did a Texas company."
    )
    spans = spans_for(
        body,
        ("Con Edison", "ORG", 0),
        ("Con Edison", "PERSON", 1),
        ("Vulture", "PERSON", 0),
        ("Texas", "GPE", 0),
    )
    found = {(e.name, e.type, e.count) for e in entities_from_spans(body, spans)}
    assert found == {("Con Edison", "org", 2), ("Vulture", "org", 1), ("Texas", "place", 1)}


def test_a_word_the_model_also_reads_as_a_peoples_adjective_is_no_person() -> None:
    body = "It holds Roman mosaics. See the Roman treasures, said Ann Roman."
    spans = spans_for(
        body, ("Roman", "NORP", 0), ("Roman", "PERSON", 1), ("Ann Roman", "PERSON", 0)
    )
    assert [e.name for e in entities_from_spans(body, spans)] == ["Ann Roman"]


def test_byline_verbs_and_caption_openings_are_cut_from_names() -> None:
    body = (
        "Reviewed by Ann Lee, who checked every claim in it.\n\n"
        "Clockwise from top: Bo Chan and Photo Ivo Grant, in a long line of a caption.\n"
    )
    spans = spans_for(
        body,
        ("Reviewed", "ORG", 0),
        ("Ann Lee", "PERSON", 0),
        ("Clockwise", "PERSON", 0),
        ("Bo Chan", "PERSON", 0),
        ("Photo Ivo Grant", "PERSON", 0),
    )
    assert [e.name for e in entities_from_spans(body, spans)] == ["Ann Lee", "Bo Chan", "Ivo Grant"]


TABLES = (
    "Top contributors this cycle, by the number of changesets merged.\n\n"
    "| Developer | Changesets | Pct |\n| --- | --- | --- |\n"
    "| Arnd Bergmann | 212 | 1.9% |\n| Chris Wilson | 180 | 1.6% |\n"
    "| Mauro Carvalho Chehab | 150 | 1.3% |\n\n"
    "| Company | Changesets |\n| --- | --- |\n"
    "| Intel | 900 |\n| Google | 850 |\n| Red Hat | 800 |\n| Linaro | 700 |\n"
)


def table_entities(body: str) -> set[tuple[str, str]]:
    """The entities of TABLES (quoted or not), from the spans the model gives its cells."""
    spans = spans_for(
        markdown_prose(body).text,  # the model reads the cells without the bars
        ("Pct", "PERSON", 0),
        ("Arnd Bergmann", "PERSON", 0),
        ("Carvalho Chehab", "PERSON", 0),
        ("Intel", "ORG", 0),
        ("Red Hat", "PERSON", 0),
    )
    return {(e.name, e.type) for e in entities_from_spans(body, spans)}


def test_names_in_tables_are_whole_typed_by_their_column_and_headers_are_not_names() -> None:
    assert table_entities(TABLES) == {
        ("Arnd Bergmann", "person"),
        ("Chris Wilson", "person"),  # a given name first: a person the model skipped
        ("Mauro Carvalho Chehab", "person"),
        ("Intel", "org"),
        ("Google", "org"),
        ("Red Hat", "org"),  # among companies
        ("Linaro", "org"),
    }


def test_tables_inside_a_blockquote_are_read_as_tables() -> None:
    """LWN quotes its developer tables ("> | Kay Schenk | 27 | 7.1% |"): the table rules see
    them as they see any table."""
    quoted = "".join(
        "> " + line + "\n" if line.startswith("|") else line + "\n" for line in TABLES.split("\n")
    )
    assert table_entities(quoted) == table_entities(TABLES)


def test_a_name_ends_where_a_sentence_does_but_not_at_an_initial() -> None:
    body = "Microsoft did it with the One S. The company's app works. L. A. Superior Court met."
    spans = spans_for(body, ("One S. The", "ORG", 0), ("L. A. Superior Court", "ORG", 0))
    found = {e.name for e in entities_from_spans(body, spans)}
    assert found == {"Microsoft", "One S.", "L. A. Superior Court"}


def test_a_name_the_model_cut_after_of_is_whole() -> None:
    """spaCy's small model, as measured: "He joined the Library of Congress's music division"
    gives "the Library of" + "Congress"; "A Library of Congress archivist" gives "Congress"."""
    body = "He joined the Library of Congress's music division. A Library of Congress archivist."
    spans = spans_for(
        body, ("the Library of", "ORG", 0), ("Congress", "ORG", 0), ("Congress", "ORG", 1)
    )
    found = [(e.name, e.type, len(e.mentions)) for e in entities_from_spans(body, spans)]
    assert found == [("Library of Congress", "org", 2)]


def test_an_acronym_spells_a_dotted_acronym_in_its_expansion_out() -> None:
    body = (
        "The U.N. High Commissioner for Refugees (UNHCR) said so. UNHCR staff left. The U.N. met."
    )
    spans = spans_for(body, ("U.N.", "ORG", 0), ("UNHCR", "ORG", 0), ("UNHCR", "ORG", 1))
    spans += spans_for(body, ("U.N.", "ORG", 1))
    found = {(e.name, e.aliases[1:]) for e in entities_from_spans(body, spans) if e.type == "org"}
    assert ("U.N. High Commissioner for Refugees", ("UNHCR",)) in found
    assert ("United Nations", ("U.N.",)) in found  # the U.N. is not its refugee agency


def test_a_name_may_start_with_a_lower_case_particle_or_brand_prefix() -> None:
    body = "Mayor de Blasio blamed al-Qaeda; the iPhone sold. Then the police came."
    spans = spans_for(
        body,
        ("de Blasio", "PERSON", 0),
        ("al-Qaeda", "ORG", 0),
        ("iPhone", "ORG", 0),
        ("police", "ORG", 0),
    )
    found = {(e.name, e.type) for e in entities_from_spans(body, spans)}
    assert found == {("de Blasio", "person"), ("al-Qaeda", "org"), ("iPhone", "org")}


def test_a_capital_after_a_possessive_says_nothing_and_a_word_of_where_makes_a_place() -> None:
    body = (
        "We show ads on our Services. These services cost nothing.\n\n"
        "The tribe of eastern Northland met in downtown Tunis, then in central Ivo.\n\n"
        "March 5 was cold. Soldiers march on."
    )
    spans = spans_for(
        body,
        ("Services", "ORG", 0),
        ("Northland", "ORG", 0),
        ("Ivo", "PERSON", 0),
        ("March 5", "DATE", 0),
    )
    found = {(e.name, e.type) for e in entities_from_spans(body, spans)}
    assert found == {("Northland", "place"), ("Ivo", "place"), ("March 5", "date")}


def test_a_place_word_after_a_name_that_is_no_place_word_there() -> None:
    """ "Unity state" names a place; "state media", "state visit" and "the state of" do not."""
    body = (
        "Bombs fell in Unity state. Veltra state media said little during the Orvan state "
        "visit, and doctors spoke of the state of Kessa Marlow's health; Kessa Marlow rested."
    )
    spans = spans_for(
        body,
        ("Unity", "GPE", 0),
        ("Veltra", "ORG", 0),
        ("Orvan", "PERSON", 0),
        ("Kessa Marlow", "PERSON", 0),
        ("Kessa Marlow", "PERSON", 1),
    )
    found = {(e.name, e.type) for e in entities_from_spans(body, spans)}
    assert ("Unity", "place") in found and ("Kessa Marlow", "person") in found
    assert not {name for name, kind in found if kind == "place"} - {"Unity"}


def _typed(body: str, *marked: tuple[str, str, int]) -> dict[str, str]:
    return {e.name: e.type for e in entities_from_spans(body, spans_for(body, *marked))}


def test_a_nickname_in_quotes_does_not_cut_a_name() -> None:
    body = 'Margaret "Peggy" Olsen founded the firm. Later Olsen sold it to Rune Olsen.'
    spans = spans_for(
        body, ("Margaret", "PERSON", 0), ("Olsen", "PERSON", 1), ("Rune Olsen", "PERSON", 0)
    )
    found = {e.name: [body[s:t] for s, t in e.mentions] for e in entities_from_spans(body, spans)}
    assert found == {
        'Margaret "Peggy" Olsen': ['Margaret "Peggy" Olsen', "Olsen"],
        "Rune Olsen": ["Rune Olsen"],
    }


def test_a_title_the_model_cut_off_a_name_is_no_entity_and_titles_do_not_split_one() -> None:
    body = (
        '"Call us", said Detective Sergeant Ann Lowe. Crown Prince Karim Aldan spoke first. '
        "Karim Aldan is the heir."
    )
    assert _typed(
        body,
        ("Detective Sergeant", "ORG", 0),
        ("Ann Lowe", "PERSON", 0),
        ("Crown Prince Karim Aldan", "PERSON", 0),
        ("Karim Aldan", "ORG", 1),
    ) == {"Ann Lowe": "person", "Karim Aldan": "person"}


def test_a_list_ends_at_its_and() -> None:
    """ "Kestrel and Veltra, Amira Soltani" lists two names: Amira Soltani takes no type from it."""
    body = "Amira Soltani spoke. According to Kestrel and Veltra, Amira Soltani is the ruler."
    assert _typed(
        body,
        ("Amira Soltani", "PERSON", 0),
        ("Kestrel", "ORG", 0),
        ("Veltra", "ORG", 0),
        ("Amira Soltani", "PERSON", 1),
    ) == {"Amira Soltani": "person", "Kestrel": "org", "Veltra": "org"}


def test_words_around_a_name_give_its_type() -> None:
    """A band after "<person> of", a composer, a county's resident, an area, a government."""
    body = (
        "Tom Berle of Silver Comet likened it to the composer Vivaldi. A 40-year-old Leicester "
        "woman lives in the Rowan Point area, the Norland Government said, as did Kestrel Comics."
    )
    assert _typed(
        body,
        ("Tom Berle", "PERSON", 0),
        ("Silver Comet", "PERSON", 0),
        ("Vivaldi", "PERSON", 0),
        ("Leicester", "ORG", 0),
        ("Rowan Point", "PERSON", 0),
        ("Norland Government", "PERSON", 0),
        ("Kestrel Comics", "PERSON", 0),
    ) == {
        "Tom Berle": "person",
        "Silver Comet": "org",
        "Vivaldi": "person",
        "Leicester": "place",
        "Rowan Point": "place",
        "Norland Government": "org",
        "Kestrel Comics": "org",
    }


def test_a_surname_that_is_also_a_city_joins_the_person_when_it_speaks() -> None:
    body = "Jack Irvine arrived. Irvine said he was glad. Flights to Irvine were full."
    spans = spans_for(
        body, ("Jack Irvine", "PERSON", 0), ("Irvine", "ORG", 1), ("Irvine", "GPE", 2)
    )
    found = {(e.name, e.type): e.count for e in entities_from_spans(body, spans)}
    assert found == {("Jack Irvine", "person"): 2, ("Irvine", "place"): 1}


def test_acronyms_with_an_ampersand_a_company_word_or_a_word_before_the_bracket() -> None:
    body = (
        "Northern Power and Light Company (NP&L) cut supply; NP&L said so. The GMB union "
        "(National Union of Gas, Metal and Boiler Workers) objected, and the GMB walked out."
    )
    spans = spans_for(
        body,
        ("Northern Power and Light Company", "ORG", 0),
        ("NP&L", "ORG", 1),
        ("GMB", "ORG", 0),
        ("National Union of Gas", "ORG", 0),
        ("Boiler Workers", "ORG", 0),
        ("GMB", "ORG", 1),
    )
    found = {e.name: e.count for e in entities_from_spans(body, spans)}
    assert found == {
        "Northern Power and Light Company": 3,
        "National Union of Gas, Metal and Boiler Workers": 3,
    }


def test_birth_names_clipped_given_names_and_a_place_without_its_kind_word() -> None:
    body = (
        "Daniel Reyes sailed the Coral Sea to the Vora Islands with Christabel Moss. Born Daniel "
        'Okoro in 1950, he took a new name. "Chris was kind," Reyes said. He crossed '
        "the Coral again off Vora."
    )
    spans = spans_for(
        body,
        ("Daniel Reyes", "PERSON", 0),
        ("the Coral Sea", "LOC", 0),
        ("the Vora Islands", "LOC", 0),
        ("Christabel Moss", "PERSON", 0),
        ("Born Daniel Okoro", "PERSON", 0),
        ("Chris", "PERSON", 1),
        ("Reyes", "PERSON", 1),
        ("Coral", "LOC", 1),
        ("Vora", "GPE", 1),
    )
    found = {e.name: e.count for e in entities_from_spans(body, spans)}
    assert found == {"Daniel Reyes": 3, "Coral Sea": 2, "Vora Islands": 2, "Christabel Moss": 2}


def test_what_a_plural_acronym_stands_for_and_a_ship_prefix_are_no_names() -> None:
    body = (
        "It is not about NGOs (Non-Governmental Organizations). Their ship, MV Ada Brook, was "
        "once MV Captain Leo Hart; Ada Brook, a girl of three, gave it her name."
    )
    spans = spans_for(
        body,
        ("Non-Governmental Organizations", "ORG", 0),
        ("MV", "ORG", 0),
        ("Ada Brook", "PERSON", 0),
        ("Leo Hart", "PERSON", 0),
        ("Ada Brook", "PERSON", 1),
    )
    found = {(e.name, e.type): e.count for e in entities_from_spans(body, spans)}
    assert found == {
        ("MV Ada Brook", "org"): 1,
        ("MV Captain Leo Hart", "org"): 1,
        ("Ada Brook", "person"): 1,
    }


def test_a_title_case_headline_read_as_one_name_breaks_at_its_colon_and_verb() -> None:
    body = (
        "Breaking News: Peru Bombs Kessa Refugee Camp\n\n"
        "Kessa Aid Convoy Attacked, Officials Say\n\n"
        "Jets dropped bombs on the camp at Kessa Refugee Camp; the Kessa Aid Convoy was attacked."
        " Peru denied it."
    )
    spans = spans_for(
        body,
        ("Breaking News: Peru Bombs Kessa Refugee Camp", "ORG", 0),
        ("Kessa Aid Convoy Attacked", "ORG", 0),
        ("Kessa Refugee Camp", "ORG", 1),
        ("Kessa Aid Convoy", "ORG", 1),
        ("Peru", "GPE", 1),
    )
    found = {(e.name, e.type): e.count for e in entities_from_spans(body, spans)}
    assert found == {
        ("Peru", "place"): 2,
        ("Kessa Refugee Camp", "org"): 2,
        ("Kessa Aid Convoy", "org"): 2,
    }


def test_a_word_for_a_person_before_a_name_finds_and_keeps_it_also_in_a_caption() -> None:
    """A caption's person stays; a heading's other names are section words, as before."""
    body = (
        "Pianist Marta Quill plays\n\nFestival Hall\n\nThe festival opened on Friday. Tickets "
        "sold out, said lawyer Ann Lowe."
    )
    assert _typed(body, ("Marta Quill", "PERSON", 0), ("Festival Hall", "ORG", 0)) == {
        "Marta Quill": "person",
        "Ann Lowe": "person",
    }


def test_a_full_name_the_model_missed_in_prose_is_found_but_not_inside_a_longer_name() -> None:
    body = "The show recalls the art of Pablo Ferrant, as New York Today noted; New York agreed."
    assert _typed(body, ("New York", "GPE", 1)) == {"Pablo Ferrant": "person", "New York": "place"}


def test_a_person_closing_a_list_of_places_and_a_firm_named_by_its_noun_keep_their_types() -> None:
    body = (
        "Writers in Lima, Peru, and Vladimir Orlov in Moscow contributed. Ann Lowe at the "
        "K.R. Mott brokerage agreed."
    )
    assert _typed(
        body,
        ("Lima", "GPE", 0),
        ("Peru", "GPE", 0),
        ("Vladimir Orlov", "PERSON", 0),
        ("Moscow", "GPE", 0),
        ("Ann Lowe", "PERSON", 0),
        ("K.R. Mott", "PERSON", 0),
    ) == {
        "Lima": "place",
        "Peru": "place",
        "Vladimir Orlov": "person",
        "Moscow": "place",
        "Ann Lowe": "person",
        "K.R. Mott": "org",
    }


def test_an_outlet_named_by_a_common_word_counts_where_a_report_cites_it() -> None:
    body = (
        "People gathered outside. Her agent told People on Monday, and later confirmed it to "
        "People and Us Weekly. Time will tell, as Time Warner said."
    )
    spans = spans_for(body, ("People and Us Weekly", "ORG", 0), ("Time Warner", "ORG", 0))
    found = {(e.name, e.type): e.count for e in entities_from_spans(body, spans)}
    assert found == {("People", "org"): 2, ("Us Weekly", "org"): 1, ("Time Warner", "org"): 1}


def test_x_and_the_y_is_two_names_only_when_each_side_has_a_head_word() -> None:
    body = "She saw Harry Potter and the Cursed Child near the Tate Museum and the Globe Theater."
    spans = spans_for(
        body,
        ("Harry Potter and the Cursed Child", "ORG", 0),
        ("the Tate Museum and the Globe Theater", "ORG", 0),
    )
    assert [e.name for e in entities_from_spans(body, spans)] == [
        "Harry Potter and the Cursed Child",
        "Tate Museum",
        "Globe Theater",
    ]


def test_an_editors_bracket_completes_a_name_and_a_lone_given_name_stays_in_its_report() -> None:
    body = '"Mira [Tolland] and I are talking," he said. The band thanked Mira Tolland.'
    spans = spans_for(body, ("Mira", "PERSON", 0), ("Mira Tolland", "PERSON", 0))
    found = {e.name: [body[s:t] for s, t in e.mentions] for e in entities_from_spans(body, spans)}
    assert found == {"Mira Tolland": ["Mira [Tolland]", "Mira Tolland"]}
    garcia = Entity("Jerry Garcia", "person", ("Jerry Garcia", "Garcia"), ((0, 12),))
    jerry = Entity("Jerry", "person", ("Jerry",), ((0, 5),))
    surname_only = Entity("Garcia", "person", ("Garcia",), ((0, 6),))
    library = merge_library({"a": [garcia], "b": [jerry], "c": [surname_only]})
    assert sorted((e.name, e.article_ids) for e in library) == [
        ("Jerry", ("b",)),
        ("Jerry Garcia", ("a", "c")),
    ]


def test_a_lower_case_word_for_an_organisation_before_a_name_finds_it() -> None:
    body = (
        "The rail union Kestrel Guild objected, as did the charity Sea-Wren; the company "
        "Monday said nothing, and the group President Ann Lowe chairs met in the firm Lima."
    )
    assert _typed(body) == {"Kestrel Guild": "org", "Sea-Wren": "org", "Ann Lowe": "person"}


def test_kin_a_word_for_a_person_a_hyphenated_surname_and_a_given_name_ending_in_is() -> None:
    body = (
        "Pope Francis spoke on Monday. Daria Voss's brother Tomas Eld was jailed in Ravel, "
        "northern Peru, on Friday. Voss, a singer, died in 2016. Lawyer Omar Kell-Ansari said "
        "Kell-Ansari, 60, would appeal."
    )
    found = _typed(
        body,
        ("Francis", "PERSON", 0),
        ("Daria Voss's", "ORG", 0),
        ("Tomas Eld", "PERSON", 0),
        ("Ravel", "PERSON", 0),
        ("Peru", "GPE", 0),
        ("Lawyer Omar Kell-Ansari", "PERSON", 0),
        ("Kell-Ansari", "GPE", 1),
    )
    assert found == {
        "Francis": "person",
        "Daria Voss": "person",
        "Tomas Eld": "person",
        "Ravel": "place",
        "Peru": "place",
        "Omar Kell-Ansari": "person",
    }
    voss = spans_for(body, ("Daria Voss's", "ORG", 0))
    counts = {e.name: e.count for e in entities_from_spans(body, voss)}
    assert counts["Daria Voss"] == 2  # "on Friday. Voss, a singer": found after the full stop


def test_said_he_a_holiday_a_portfolio_a_score_and_a_virus() -> None:
    body = (
        "The debate between Mayor Ann Lowe and party nominee Karl Dunne, which was set for May, "
        "is off. Dunne said he regretted it. Health Minister Rita Ames marked Founders' Day, and "
        "Ravens beat Kestrel 3-1. Lowe tested positive for COVID-19."
    )
    found = _typed(
        body,
        ("Ann Lowe", "PERSON", 0),
        ("Karl Dunne", "PERSON", 0),
        ("Dunne", "ORG", 1),
        ("Health", "ORG", 0),
        ("Rita Ames", "PERSON", 0),
        ("Founders' Day", "ORG", 0),
        ("Kestrel 3-1", "ORG", 0),
        ("COVID-19", "ORG", 0),
    )
    assert found == {
        "Ann Lowe": "person",
        "Karl Dunne": "person",
        "Rita Ames": "person",
        "Founders' Day": "event",
        "Kestrel": "org",
    }


def test_storms_cups_a_prefecture_where_a_man_is_from_and_what_an_editor_edits() -> None:
    body = (
        "Cyclone Mora hit Orlin Prefecture, delaying the Coastal Cup. A man from Tarrow was hurt, "
        "said Ana Roe, editor of Wrenlight. Lee Vant, director of East Orlin analysis, agreed."
    )
    found = _typed(
        body,
        ("Cyclone Mora", "ORG", 0),
        ("Orlin Prefecture", "PERSON", 0),
        ("Coastal Cup", "ORG", 0),
        ("Tarrow", "ORG", 0),
        ("Ana Roe", "PERSON", 0),
        ("Wrenlight", "GPE", 0),
        ("Lee Vant", "PERSON", 0),
        ("East Orlin", "LOC", 0),
    )
    assert found == {
        "Cyclone Mora": "event",
        "Orlin Prefecture": "place",
        "Coastal Cup": "event",
        "Tarrow": "place",
        "Ana Roe": "person",
        "Wrenlight": "org",
        "Lee Vant": "person",
        "East Orlin": "place",
    }


def test_an_organisation_starts_after_the_over_capitalised_words_no_other_span_has() -> None:
    body = "Ann Lowe spoke at the Metro Harbour Convention Centre, then at the Trump Grand Hotel."
    spans = spans_for(
        body,
        ("Ann Lowe", "PERSON", 0),
        ("Convention Centre", "ORG", 0),
        ("Trump", "PERSON", 0),
        ("Grand Hotel", "FAC", 0),
    )
    # The rules' spans (the learned decision drops "Trump" typed as the hotel's organisation).
    names = [e.name for e in entities_from_spans(body, spans, model=EntityModel())]
    assert names == ["Ann Lowe", "Metro Harbour Convention Centre", "Trump", "Grand Hotel"]


def test_two_names_with_head_words_an_agent_word_and_a_secretary_general() -> None:
    body = (
        "Kestrel Air and Norland Airlines flew it; the Department of Health and Human Services "
        "agreed. Landowner Mira Holt found it. Ana Roe, secretary-general of Vellan, spoke."
    )
    found = _typed(
        body,
        ("Kestrel Air and Norland Airlines", "ORG", 0),
        ("the Department of Health and Human Services", "ORG", 0),
        ("Landowner Mira Holt", "PERSON", 0),
        ("Ana Roe", "PERSON", 0),
        ("Vellan", "GPE", 0),
    )
    assert found == {
        "Kestrel Air": "org",
        "Norland Airlines": "org",
        "Department of Health and Human Services": "org",
        "Mira Holt": "person",
        "Ana Roe": "person",
        "Vellan": "org",
    }


def test_a_title_before_a_given_name_a_place_as_a_modifier_and_a_house_of_worship() -> None:
    body = (
        "Imam Karim Aldan of Al Hana Mosque spoke after the Leicester mosque attack. The "
        "Inspector-General of Intelligence and Security agreed, and Irvine said so too."
    )
    found = _typed(
        body,
        ("Imam Karim Aldan", "ORG", 0),
        ("Al Hana Mosque", "PERSON", 0),
        ("Leicester", "ORG", 0),
        ("Inspector-General of Intelligence and Security", "ORG", 0),
        ("Irvine", "ORG", 0),
    )
    assert found == {
        "Karim Aldan": "person",
        "Al Hana Mosque": "org",
        "Leicester": "place",
        "Inspector-General of Intelligence and Security": "org",
        "Irvine": "org",
    }


def test_a_given_name_with_an_inner_capital_after_a_word_for_a_person() -> None:
    body = "Karl Dunne and his wife DeAnna Dunne sold the firm. Dunne said he was glad."
    spans = spans_for(body, ("Karl Dunne", "PERSON", 0), ("Dunne", "PERSON", 2))
    found = {e.name: e.count for e in entities_from_spans(body, spans)}
    assert found == {"Karl Dunne": 2, "DeAnna Dunne": 1}


def test_a_cited_outlet_and_the_name_after_its_comma_are_two() -> None:
    """The model reads "People, Reid" as one span: the outlet, then the next clause's subject."""
    body = "In a March interview with People, Dana Reid said she was fine. Reid left on Monday."
    spans = spans_for(body, ("People, Dana Reid", "ORG", 0), ("Reid", "PERSON", 1))
    found = {(e.type, e.name) for e in entities_from_spans(body, spans)}
    assert ("person", "Dana Reid") in found and ("org", "People") in found
    assert not any(", " in name for _, name in found)


def test_a_place_or_a_body_that_said_he_is_no_person() -> None:
    body = (
        "Olav Brenn was held in Moscow for a year. Russia said he was a spy. "
        "The Kremlin Press Office said he was well. Brenn said he was innocent."
    )
    spans = spans_for(
        body,
        ("Olav Brenn", "PERSON", 0),
        ("Moscow", "GPE", 0),
        ("Russia", "GPE", 0),
        ("Kremlin Press Office", "ORG", 0),
        ("Brenn", "PERSON", 1),
    )
    found = {e.name: e.type for e in entities_from_spans(body, spans)}
    assert found["Olav Brenn"] == "person"
    assert found["Russia"] != "person" and found["Kremlin Press Office"] != "person"


def test_a_time_zone_after_a_clock_time_is_no_organisation() -> None:
    """Text written for the case: the model reads a time zone as an organisation."""
    body = (
        "The scan began at 5:30 p.m. IST on Monday at the Apollo Hospital. "
        "It ended at 9:54 a.m. ET (1354 UTC), the hospital said."
    )
    spans = spans_for(
        body,
        ("IST", "ORG", 0),
        ("Apollo Hospital", "ORG", 0),
        ("ET", "ORG", 0),
        ("UTC", "ORG", 0),
    )
    found = {e.name for e in entities_from_spans(body, spans)}
    assert found == {"Apollo Hospital"}


def test_a_span_cutting_a_longer_word_is_no_name() -> None:
    """Text written for the case: "COVI" read as an organisation inside "COVID-19"."""
    body = "The WHO said COVID-19 cases rose in March."
    cut = body.index("COVI")
    spans = [(cut, cut + 4, "ORG"), *spans_for(body, ("WHO", "ORG", 0))]
    found = {e.name for e in entities_from_spans(body, spans)}
    assert found == {"WHO"}


def test_a_company_form_after_a_name_makes_an_organisation() -> None:
    """Text written for the case: a Hungarian firm ("Kft", like "GmbH", "Ltd") tagged a person."""
    body = "The Védelmi Ipari Kft factory in Budapest was shut on Monday."
    spans = spans_for(body, ("Ipari Kft", "PERSON", 0), ("Budapest", "GPE", 0))
    found = {e.name: e.type for e in entities_from_spans(body, spans)}
    assert found.get("Ipari Kft") == "org" or found.get("Védelmi Ipari Kft") == "org"
    assert "person" not in found.values()


def test_a_common_word_before_a_given_name_is_no_part_of_the_name() -> None:
    """Text written for the case: a cast list's role word glued to the actor's name."""
    body = (
        "The show stars Sandra Oh and Lead Paul Sun-Hyung Lee, who plays the father. "
        "Lee said the lead role was a gift."
    )
    spans = spans_for(
        body,
        ("Sandra Oh", "PERSON", 0),
        ("Lead Paul Sun-Hyung Lee", "PERSON", 0),
        ("Lee", "PERSON", 1),
    )
    found = {e.name for e in entities_from_spans(body, spans)}
    assert found == {"Sandra Oh", "Paul Sun-Hyung Lee"}


def test_a_scan_is_no_organisation_but_an_abbreviated_state_is_a_place() -> None:
    """Text written for the case: "CT" and "PET" scans read as organisations."""
    body = "Doctors at Hartford Hospital in Hartford, CT ordered CT and PET scans on Monday."
    spans = spans_for(
        body,
        ("Hartford Hospital", "ORG", 0),
        ("CT", "GPE", 0),
        ("CT", "ORG", 1),
        ("PET", "ORG", 0),
    )
    found = {(e.type, e.name) for e in entities_from_spans(body, spans)}
    assert ("org", "CT") not in found and ("org", "PET") not in found
    assert any(name in ("CT", "Connecticut") for kind, name in found if kind == "place")


def test_a_numbered_district_cut_from_its_number_is_no_place() -> None:
    """Text written for the case: the model reads "Congressional District" as a place."""
    body = "Voters in Maryland's 7th Congressional District will choose a successor on Tuesday."
    spans = spans_for(body, ("Maryland", "GPE", 0), ("Congressional District", "GPE", 0))
    found = {e.name for e in entities_from_spans(body, spans)}
    assert found == {"Maryland"}


def test_common_nouns_a_title_case_tweet_glues_to_names_are_no_part_of_them() -> None:
    # NewsWCL50 (fresh16c pair1b, fresh16 wcl3): a tweet in title case; the same report writes
    # "memos", "server" and "emails" in lower case
    text = (
        "“James Comey Memos just out show clearly that there was NO COLLUSION,” Trump tweeted. "
        "Comey wrote the memos after meeting the president.\n\n"
        "“We will now counter for the DNC Server that they refused to give to the FBI, and "
        "Clinton Emails,” Trump wrote. The DNC said its server was hacked. Hillary Clinton "
        "used a private server for her emails."
    )
    (found,) = extract_entities([text])
    names = {e.name: e for e in found}
    assert "James Comey" in names and "Comey" in names["James Comey"].aliases
    assert not {"James Comey Memos", "DNC Server", "Clinton Emails"} & set(names)
    assert "Clinton" in names["Hillary Clinton"].aliases


def test_a_title_case_headline_verb_is_no_part_of_the_name_before_it() -> None:
    """Text written for the case (the nineteenth round's BASIL audit: Fox and NYT headlines in
    title case glued their verb to a person's name, and his quotes went to that 'person')."""
    texts = [
        "Maria Lopez Slams Governor Over Budget Cuts in Texas\n\nFormer mayor Maria Lopez "
        'criticized the governor on Tuesday.\n\n"This budget is a disgrace," Lopez said.',
        "Obama Taunts Republicans Over Highway Bill\n\nPresident Obama mocked Republicans on "
        'Friday.\n\n"Not when there are so many roads to fix," Obama said.',
        # a name the body writes whole keeps its last word, though it reads like a verb
        "Serena Williams Wins Fourth Title at Wimbledon\n\nSerena Williams won her fourth "
        "title on Saturday.",
    ]
    found = [
        {e.name for e in entities if e.type == "person"} for entities in extract_entities(texts)
    ]
    assert found == [{"Maria Lopez"}, {"Obama"}, {"Serena Williams"}]


def test_the_times_is_the_one_new_york_times_of_the_report() -> None:
    # NewsWCL50 (fresh16 wcl8)
    text = (
        "The questions, which were published by The New York Times on Monday, focus on the "
        "firing of Comey. The Times noted that four people in the room heard it."
    )
    (found,) = extract_entities([text])
    times = [e for e in found if "Times" in e.name]
    assert len(times) == 1 and "Times" in times[0].aliases


def test_an_acronym_that_keeps_its_of_is_the_department() -> None:
    # NewsWCL50 (fresh16 wcl1)
    text = (
        "The Department of Justice released copies of the memos to congressional leaders on "
        "Thursday. Bob Goodlatte threatened to subpoena the DOJ to obtain them."
    )
    (found,) = extract_entities([text])
    doj = [e for e in found if "DOJ" in e.aliases]
    assert len(doj) == 1 and "Department of Justice" in doj[0].aliases


def test_two_countries_joined_by_a_hyphen_are_no_organisation() -> None:
    # NewsWCL50 (fresh16 wcl6), a headline
    text = (
        "Members of migrant caravan prepare to reach U.S.-Mexico border\n\n"
        "The caravan is expected to reach the border between the United States and Mexico "
        "on Sunday."
    )
    (found,) = extract_entities([text])
    assert not [e for e in found if "-" in e.name]
    assert {"United States", "Mexico"} <= {e.name for e in found if e.type == "place"}


def test_a_son_shortened_with_his_suffix_is_not_his_father() -> None:
    # NewsWCL50 (fresh16 wcl3)
    text = (
        "The lawsuit names Donald Trump as a beneficiary. Also named as defendants were Donald "
        "Trump Jr., Trump associate Roger Stone and Trump's son-in-law Jared Kushner.\n\n"
        "Attorneys for Trump Jr. did not respond. Trump called the suit a sham."
    )
    (found,) = extract_entities([text])
    people = {e.name: e for e in found if e.type == "person"}
    assert "Trump Jr." in people["Donald Trump Jr."].aliases
    assert "Trump Jr." not in people["Donald Trump"].aliases


def test_a_son_is_apart_from_the_bare_surname_written_as_the_presidents() -> None:
    # NewsWCL50 (fresh18 wcl8_R): the suffix after a comma, and "President Trump" is the father
    text = (
        "Mueller took over the probe into alleged collusion between President Trump's campaign "
        "and Russian officials.\n\n"
        "Donald Trump, Jr., the president's oldest son, met a Russian lawyer.\n\n"
        '"So disgraceful," Trump said in a tweet.'
    )
    (found,) = extract_entities([text])
    people = {e.name: e for e in found if e.type == "person"}
    assert "Donald Trump, Jr." in people
    assert "Trump" in people and "Donald Trump, Jr." not in people["Trump"].aliases


def test_a_son_written_in_full_is_apart_when_his_father_is_president() -> None:
    # NewsWCL50 (fresh18 wcl3_M)
    text = (
        "They conspired to help elect President Trump. Russia found a partner in the campaign "
        "electing Donald Trump.\n\n"
        "The lawsuit also names Trump's son, Donald Trump Jr., and his son-in-law, Jared "
        "Kushner, as defendants. Trump called it a witch hunt."
    )
    (found,) = extract_entities([text])
    people = {e.name: e for e in found if e.type == "person"}
    assert "Donald Trump Jr." in people
    assert "Trump" in people["Donald Trump"].aliases
    assert "Trump" not in people["Donald Trump Jr."].aliases


def test_a_son_with_another_bearer_of_his_surname_titled_mr_is_apart() -> None:
    text = (
        "Eric Trump and Donald Trump Jr. run the company. Mr. Trump said the company was thriving."
    )
    (found,) = extract_entities([text])
    people = {e.name: e for e in found if e.type == "person"}
    assert "Donald Trump Jr." in people
    assert "Trump" not in people["Donald Trump Jr."].aliases


def test_a_suffix_after_a_comma_with_no_one_else_of_the_surname_is_one_person() -> None:
    text = (
        "Robert S. Mueller III leads the inquiry. Paul Manafort, Jr., a lobbyist, was indicted. "
        "Mr. Mueller declined to comment. Manafort pleaded not guilty."
    )
    (found,) = extract_entities([text])
    people = {e.name: e for e in found if e.type == "person"}
    assert len([e for e in people.values() if "Manafort" in e.name]) == 1
    assert len([e for e in people.values() if "Mueller" in e.name]) == 1


def test_a_suffix_never_shortened_with_stays_one_person() -> None:
    text = (
        "Martin Luther King Jr. spoke in Washington in 1963. King said he had a dream. "
        "Martin Luther King led the march."
    )
    (found,) = extract_entities([text])
    kings = [e for e in found if "King" in e.name]
    assert len(kings) == 1


def test_a_given_name_after_a_title_is_part_of_the_name() -> None:
    # NewsWCL50 (fresh16 wcl3): the model's span was "Wasserman Schultz"
    text = (
        "Trump appeared to refer to Representative Debbie Wasserman Schultz, who chaired the "
        "DNC during the election."
    )
    (found,) = extract_entities([text])
    assert "Debbie Wasserman Schultz" in {e.name for e in found if e.type == "person"}


def test_a_word_between_a_title_and_a_surname_is_a_given_name() -> None:
    # NewsWCL50 (fresh16 wcl5): the model's span was "Khan"; the name dictionary lacks "Sadiq"
    text = (
        "Trump is unpopular in Britain, and London Mayor Sadiq Khan has emerged as an unlikely "
        "foil for the president."
    )
    (found,) = extract_entities([text])
    assert "Sadiq Khan" in {e.name for e in found if e.type == "person"}


def test_and_inside_a_committees_complement_joins_its_words() -> None:
    # NewsWCL50 (fresh18 wcl1_M)
    text = (
        "Rep. Elijah E. Cummings of Maryland, the senior Democrat on the House Committee on "
        "Oversight and Government Reform, said late Thursday that the memos corroborate it."
    )
    (found,) = extract_entities([text])
    orgs = {e.name for e in found if e.type == "org"}
    assert "House Committee on Oversight and Government Reform" in orgs
    assert "Government Reform" not in orgs


def test_a_surname_after_a_given_name_or_before_administrations_is_a_person() -> None:
    # NewsWCL50 (fresh18 wcl8_R, wcl9_L): the model read both as places
    text = (
        "Donald Trump, Jr., the president's oldest son and Russian lawyer\n\n"
        "Natalia Veselnitskaya.\n\n"
        "Over the years, the Bush and Obama administrations dismissed Tehran's insistence. "
        "In Shajaiyeh, people gathered."
    )
    (found,) = extract_entities([text])
    people = {e.name for e in found if e.type == "person"}
    assert {"Natalia Veselnitskaya", "Bush"} <= people
    assert not [e for e in found if e.name.startswith("In ")]


def test_a_legal_office_alone_is_no_organisation() -> None:
    # NewsWCL50 (fresh18 wcl8_R): a link cut the title from the name after it
    text = (
        "The investigation into Russian involvement in the 2016 presidential election "
        "continues – with Special Counsel\n\n"
        "Robert Mueller\n\n"
        "at its helm.\n\n"
        "Mueller, 73, took over the federal government's probe."
    )
    (found,) = extract_entities([text])
    assert "Special Counsel" not in {e.name for e in found}
    assert "Robert Mueller" in {e.name for e in found if e.type == "person"}


def test_a_company_named_after_its_kind_is_an_organisation() -> None:
    # NewsWCL50 (fresh18 wcl3_L, wcl7_LL): the model read both as a person or a place
    text = (
        "The committee engaged a plaintiffs' law firm, Cohen Milstein, to assemble the "
        "complaint filed on Friday.\n\n"
        "Australia's sole steel producer Bluescope, which supplies locally made steel to its own "
        "factories in the United States, welcomed the decision."
    )
    (found,) = extract_entities([text])
    orgs = {e.name for e in found if e.type == "org"}
    assert {"Cohen Milstein", "Bluescope"} <= orgs


def test_two_surnames_joined_by_a_hyphen_are_two_people() -> None:
    # NewsWCL50 (fresh18 wcl0_M)
    text = (
        "President Trump began meetings with the leader of Japan on Tuesday.\n\n"
        '"They do have my blessing to discuss the end of the war," Trump said after welcoming '
        "Japanese Prime Minister Shinzo Abe to his estate for talks.\n\n"
        "The Trump-Abe summit began hours after reports that North and South Korea are "
        "negotiating a statement. Coca-Cola was served.\n\n"
        "This is the third Trump-Abe summit, including a previous one in February of last year."
    )
    (found,) = extract_entities([text])
    assert not [e for e in found if "Trump-Abe" in e.aliases]
    assert "Coca-Cola" in {e.name for e in found}


def test_a_clipped_given_name_before_the_surname_is_the_full_names_person() -> None:
    # NewsWCL50 (fresh18 wcl8_L)
    text = (
        "The president relented after the White House counsel, Donald F. McGahn II, "
        "threatened to resign.\n\n"
        '"What did you think about the story of the special counsel and Don McGahn backing you '
        'off the termination?" he planned to ask.'
    )
    (found,) = extract_entities([text])
    people = [e for e in found if e.type == "person" and "McGahn" in e.name]
    assert len(people) == 1 and "Don McGahn" in people[0].aliases


def test_a_chamber_before_its_committee_is_one_name() -> None:
    # NewsWCL50 (fresh18 wcl7_LL): the model read "House" and "Ways and Means Committee"
    text = (
        "House Ways and Means Committee Chairman Kevin Brady, a pro-trade Republican from "
        "Texas, said the exemptions are narrow."
    )
    (found,) = extract_entities([text])
    names = {e.name for e in found}
    assert "House" not in names and "Ways and Means Committee" not in names


def test_a_court_for_its_district_is_one_name() -> None:
    # NewsWCL50 (fresh18 wcl3_L)
    text = (
        "The judge overseeing it, Ellen S. Huvelle of the Federal District Court for the "
        "District of Columbia, an appointee of President Bill Clinton, dismissed the suit."
    )
    (found,) = extract_entities([text])
    orgs = {e.name for e in found if e.type == "org"}
    assert "Federal District Court for the District of Columbia" in orgs


def test_a_universitys_program_keeps_its_last_word() -> None:
    # NewsWCL50 (fresh18 wcl0_M): "program" is written in lower case and "Studies" alone
    text = (
        "Kristi Govella, an assistant professor with the Asian Studies Program at the "
        "University of Hawaii at Manoa, said Abe arrived hoping for a deal. The Center for "
        "Strategic & International Studies agreed about the nuclear weapons program."
    )
    (found,) = extract_entities([text])
    assert "Asian Studies" not in {e.name for e in found}
