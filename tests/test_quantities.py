"""Quantities as written (analysis.quantities), on real report text."""

from __future__ import annotations

from pathlib import Path

from kimreader.analysis.quantities import quantities


def test_several_dozen_is_a_vague_amount_not_a_dozen(shared_dir: Path) -> None:
    # fresh9c gaza-brussels-condemns (development now), ECB+ 41_8ecb: "… several dozen people
    # were wounded" was read as "dozen people", exactly 12; it is a range, as "dozens" is, so
    # it agrees with neither 12 nor 100 ("wounded around 100 people" in 41_6ecb is a
    # difference, not an equal count).
    text = (shared_dir / "testdata/ecbplus/text/41/41_8ecb.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "several dozen people were wounded" in line)
    [wounded] = [q for q in quantities(line) if q.topic == "injured"]
    assert (wounded.phrase.lower(), wounded.value, wounded.high) == ("several dozen people", 24, 99)
    [dozen] = quantities("He met a dozen people.")
    assert (dozen.value, dozen.high) == (12, 12)


def test_a_vague_amount_of_a_larger_scale_is_of_that_scale() -> None:
    # "several hundred" and "a few hundred" (this session) read "several hundred thousand
    # people" as 200 to 999 people, a thousandth of it (no development text has the phrase)
    [fled] = quantities("A few hundred thousand people fled the city.")
    assert fled.phrase == "A few hundred thousand people"
    assert (fled.value, fled.high) == (200_000, 999_999)
    [marched] = quantities("Several thousand people marched.")
    assert (marched.value, marched.high) == (2_000, 9_999)


def test_a_number_with_two_scale_words_is_of_both() -> None:
    # "two hundred thousand people" was read as "two hundred": 200, a thousandth of it (the
    # number took one scale word; Wikinews' power-outage report writes "two hundred thousand
    # customers", a noun no count reads, so the sentence is made here)
    [fled] = quantities("It left two hundred thousand people without power.")
    assert (fled.phrase, fled.value, fled.high) == ("two hundred thousand people", 200_000, 200_000)
    [few] = quantities("Two hundred people fled.")
    assert few.value == 200
