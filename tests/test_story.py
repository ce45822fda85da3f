"""The same-story verdict's evidence of a kind of story (analysis/story.py `kind_words`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.analysis.compare import compare_entities, story_evidence
from kimreader.analysis.embed import model_available
from kimreader.analysis.entity import Entity
from kimreader.analysis.story import kind_words

needs_model = pytest.mark.skipif(not model_available(), reason="embedding model not installed")

REID = (
    "Tara Reid Checks Into Rehab\n\n"
    "The actress Tara Reid has checked into a rehab clinic in Malibu, her publicist said.\n\n"
    "Reid, 32, entered rehab on Tuesday after a difficult year, people close to her said."
)
LOHAN = (
    "Lindsay Lohan Enters Rehab Again\n\n"
    "Lindsay Lohan has begun a 90-day stay in rehab, her lawyer told reporters on Friday.\n\n"
    "The court had ordered the stay in rehab after a car crash."
)
QUAKE = (
    "Earthquake Kills Dozens In Aceh\n\n"
    "A strong earthquake killed dozens of people in Aceh on Tuesday, officials said.\n\n"
    "The earthquake destroyed houses, and people were killed in two villages."
)
TOLL = (
    "Dozens Killed In Gaza Shelling\n\n"
    "Dozens of people were killed in Gaza on Tuesday, officials said.\n\n"
    "Most of the people killed were in a school."
)


@needs_model
def test_two_reports_opening_on_one_uncommon_word_are_of_a_kind() -> None:
    assert kind_words(REID, LOHAN) == ("rehab",)


@needs_model
def test_common_words_numbers_and_names_are_no_kind_of_story() -> None:
    # "killed" and "people" are common, "dozens" a number, "Tuesday" a name: no kind in common.
    assert kind_words(QUAKE, TOLL) == ()
    # "Aceh" is in both openings but never in lower case: a name.
    assert (
        kind_words(QUAKE, QUAKE.replace("Earthquake", "Storm").replace("earthquake", "storm")) == ()
    )


@needs_model
def test_a_word_only_in_a_web_address_is_no_kind_of_story() -> None:
    a = "http://example.com/news/sudan-camp-bombed\n\nBombers hit a camp in Sudan, the UN said."
    b = "Sudan bombs a camp\n\nSudan's planes bombed a camp near the border on Thursday."
    assert "sudan" not in kind_words(a, b)


def _entity(name: str, kind: str, count: int) -> Entity:
    spans = tuple((k * 10, k * 10 + 3) for k in range(count))
    return Entity(name, kind, (name,), spans)  # type: ignore[arg-type]


@needs_model
def test_a_main_name_in_another_form_is_named_in_the_other_report() -> None:
    # The entity model finds "Yida Refugee Camp" in one report and "Yida" in the other.
    a = [_entity("Yida Refugee Camp", "place", 4), _entity("Sudan", "place", 6)]
    b = [_entity("Yida", "place", 3), _entity("Khartoum", "place", 2)]
    bodies = ("Planes bombed the Yida refugee camp.", "Yida, a refugee camp, was bombed.")
    assert story_evidence(a, b, compare_entities(a, b), bodies)[1] is True
    # A word a report writes in lower case ("refugee") is no name.
    c = [_entity("Kakuma Refugee Camp", "place", 3), _entity("Nairobi", "place", 2)]
    bodies = ("Planes bombed the Yida refugee camp.", "Kakuma is a refugee camp in Kenya.")
    assert story_evidence(a, c, compare_entities(a, c), bodies)[1] is False
    # A word for a kind of organisation or place is no name: two airlines are two.
    d = [_entity("Ethiopian Airlines", "org", 4), _entity("Addis Ababa", "place", 2)]
    e = [_entity("Garuda Airlines", "org", 3), _entity("Jakarta", "place", 2)]
    bodies = ("An Ethiopian Airlines jet crashed.", "A Garuda Airlines jet crashed.")
    assert story_evidence(d, e, compare_entities(d, e), bodies)[1] is False


def test_the_verdict_shows_the_kind_of_story_as_evidence() -> None:
    from kimreader.analysis.story import Verdict

    verdict = Verdict("related", 0.47, "meaning", 0.2, 3, (), ("rehab",))
    assert verdict.summary().endswith("3 days apart, both open on rehab")
    assert verdict.to_json()["kind_words"] == ["rehab"]


@needs_model
def test_two_real_earthquake_reports_years_apart_are_of_a_kind(shared_dir: Path) -> None:
    # ECB+: West Papua, January 2009 (37_2ecb) and Aceh, July 2013 (37_3ecbplus); a report of
    # Tara Reid entering rehab (1_1ecb) is of no kind with the second.
    def read(name: str) -> str:
        return (shared_dir / "testdata/ecbplus/text" / name).read_text(encoding="utf-8")

    papua, aceh, reid = read("37/37_2ecb.txt"), read("37/37_3ecbplus.txt"), read("1/1_1ecb.txt")
    assert kind_words(papua, aceh) == ("earthquake", "quake", "magnitude")
    assert kind_words(reid, aceh) == ()


@needs_model
def test_hedges_and_inflections_of_common_words_are_no_kind_of_story() -> None:
    a = "Shares of Velta reportedly fell on Monday after its chief was charged.\n\nMore."
    b = "A man reportedly stabbed two people in Leeds on Monday and was charged.\n\nMore."
    assert kind_words(a, b) == ()
    c = "Dana Reid has checked into a rehab clinic in Malibu, her publicist said.\n\nFine."
    d = "Lola Lane checked into rehab at a clinic in Palm Springs on Thursday.\n\nFine."
    assert "checked" not in kind_words(c, d) and "rehab" in kind_words(c, d)  # "check" is common


@needs_model
def test_a_name_of_common_words_tells_a_related_story_only_with_a_close_meaning() -> None:
    # bench/meaning.py's look-alikes: the mozilla pages nytimes-4 and seattletimes-1 (unrelated)
    # share "United States" and "Washington" at a cosine of 0.34, salon-1 and wapo-2 "White
    # House"; ECB+ 37_1ecb (a quake) and 41_5ecb (a UN school shelled in Gaza) "United Nations"
    # at 0.47: no evidence. Two reports of UN schools shelled in Gaza years apart (41_2ecb,
    # 41_3ecbplus: related) share "United Nations" at 0.58; a name of an uncommon word ("Yida",
    # "Lohan") is evidence at any similarity past the related cut.
    from kimreader.analysis.story import Evidence, _story_kind

    def kind(similarity: float, *names: str) -> str:
        return _story_kind(Evidence(similarity, "meaning", None, names, False, ()))

    assert kind(0.34, "United States", "Washington") == "unrelated"
    assert kind(0.34, "White House") == "unrelated"
    assert kind(0.47, "United Nations") == "unrelated"
    assert kind(0.47, "U.N.") == "unrelated"
    assert kind(0.58, "United Nations") == "related"
    assert kind(0.34, "Yida") == "related"
    assert kind(0.34, "Lindsay Lohan", "Los Angeles") == "related"


def test_two_stages_of_one_story_are_related_events_however_alike() -> None:
    # The sixteenth round's unseen verdicts: undated reports of a conviction and of the
    # sentencing months later, or of a coach's firing and a player's contract, share their people
    # and most of their words and were called one event.
    from kimreader.analysis.story import Evidence, _story_kind, stages_apart

    convicted = (
        "Jury Convicts Man In Shooting\n\n"
        "A jury convicted John Carter of murder in the shooting of two officers in Dallas."
    )
    sentenced = (
        "Man Gets Life For Shooting\n\n"
        "John Carter was sentenced to life in prison for the shooting of two officers in Dallas."
    )
    both = (
        "Carter Sentenced\n\n"
        "John Carter, convicted of murder last month, was sentenced to life on Friday."
    )
    assert stages_apart(convicted, sentenced)
    assert not stages_apart(convicted, both) and not stages_apart(sentenced, both)
    fired = "76ers Fire Cheeks\n\nThe Philadelphia 76ers fired coach Maurice Cheeks on Saturday."
    signed = "Iguodala Signs\n\nAndre Iguodala signed a six-year contract with the 76ers."
    assert stages_apart(fired, signed)
    rockets = "Militants fired rockets into Israel.\n\nThe army fired back at the militants."
    assert not stages_apart(rockets, signed)  # a weapon fired is no firing
    names, words = ("John Carter", "Dallas"), ()
    assert _story_kind(Evidence(0.8, "meaning", None, names, True, words)) == "same"
    assert _story_kind(Evidence(0.8, "meaning", None, names, True, words, True)) == "related"


def test_a_countrys_head_alone_tells_no_related_story() -> None:
    # The seventeenth round's unrelated pairs (fresh16c pair7: Israel's files on Iran against
    # the Comey memos; pair8: EU tariffs against Pompeo's visit to North Korea) share only the
    # US president and North Korea's leader, named in much of the news as their countries are,
    # at cosines of 0.47 and 0.44: they were called related.
    from kimreader.analysis.story import Evidence, _story_kind, heads_of_countries

    iran = (
        "President Trump has said he will announce within the next two weeks the fate of the deal"
    )
    comey = (
        "President Donald Trump commented on the public release of the memos by former FBI "
        "director James Comey, asserting that they proved that he leaked classified information."
    )
    pompeo = (
        "CIA Director Mike Pompeo, now President Donald Trump's nominee to serve as Secretary of "
        "State, secretly traveled to North Korea over Easter weekend to meet with North Korean "
        "dictator Kim Jong-un."
    )
    assert heads_of_countries(["Trump"], (iran, comey)) == ("Trump",)
    assert heads_of_countries(["Donald Trump", "Kim Jong Un", "Mike Pompeo"], (pompeo, "")) == (
        "Donald Trump",
        "Kim Jong Un",
    )
    heads = heads_of_countries(["Trump"], (iran, comey))
    assert _story_kind(Evidence(0.47, "meaning", None, ("Trump",), False, (), False, heads)) == (
        "unrelated"
    )
    assert _story_kind(Evidence(0.55, "meaning", None, ("Trump",), False, (), False, heads)) == (
        "related"  # as close as a name of common words needs (COMMON_NAME_RELATED)
    )
    # No head of a country: a vice president, a company's president, an opposition leader, and
    # another man of the head's given name.
    others = (
        "Vice President Mike Pence spoke. Nike President Mark Parker agreed. The opposition "
        "leader Alexei Navalny was flown to Berlin. Israeli Prime Minister Benjamin Netanyahu said."
    )
    names = ["Mike Pence", "Mark Parker", "Alexei Navalny", "Benjamin Franklin", "Netanyahu"]
    assert heads_of_countries(names, (others,)) == ("Netanyahu",)


def test_a_countrys_head_named_in_both_tells_no_one_event() -> None:
    # Text written for the case: two reports of American politics (on trade, on an ad) each
    # name the president as a main name of the other's, at a cosine past
    # SAME_EVENT_WITH_NAMES: called one event on the era's usual name alone.
    from kimreader.analysis.story import Evidence, _story_kind, heads_of_countries

    trade = "President Obama said the trade deal would help workers, Hillary Clinton said."
    ad = "The ad, paid for by a group close to President Obama, attacks Benjamin Netanyahu."
    heads = heads_of_countries(["Obama"], (trade, ad))
    assert heads == ("Obama",)
    assert _story_kind(Evidence(0.55, "meaning", None, ("Obama",), True, (), False, heads)) == (
        "related"
    )
    # The heads as the event's own actors (a summit, a state visit) make one event at a meaning
    # as close as NewsWCL50's reports of Trump's visit to the UK (0.74).
    assert _story_kind(Evidence(0.74, "meaning", None, ("Obama",), True, (), False, heads)) == (
        "same"
    )
    # A name that tells the event, shared besides the head, still makes one event.
    names = ("Obama", "Huma Abedin")
    assert _story_kind(Evidence(0.55, "meaning", None, names, True, (), False, heads)) == "same"
