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
