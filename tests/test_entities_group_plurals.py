"""Short forms of one organisation within an article (entities._join_org_short_forms): a group's
one-word name and its plural (on the real Wikinews article that shows it, bench/gold/wikinews,
CC BY 2.5, development set fresh10), a bare head word."""

from __future__ import annotations

from conftest import wikinews_body

from kimreader.analysis.entities import extract_entities


def test_a_groups_name_and_its_plural_are_one_organisation() -> None:
    # "Houthi military spokesperson", "Houthis who are ideologically aligned": two before
    stem = "oil-facilities-in-saudi-arabia-hit-by-drone-attacks"
    body = wikinews_body(stem)
    (found,) = extract_entities([body])
    houthis = [e for e in found if "Houthi" in e.name]
    assert len(houthis) == 1
    assert {"Houthi", "Houthis"} <= set(houthis[0].aliases)


def test_a_bare_head_word_is_the_one_organisation_of_the_article_ending_in_it() -> None:
    # No development text shows it; the untuned review pool did (a justice's obituary: "the US
    # Supreme Court", "the Supreme Court", "the Court": two organisations, the court's two
    # names making "Court" look ambiguous), so the text is written for it.
    text = (
        "Stevens served on the US Supreme Court for 35 years. He joined the Court in 1975. The "
        "Supreme Court said he left the Court in 2010.\n"
    )
    (found,) = extract_entities([text])
    courts = [e for e in found if e.type == "org"]
    assert len(courts) == 1 and "Court" in courts[0].aliases
