"""The speaker model's candidates and decision (analysis/quotes_model.py) on a real Wikinews page
(bench/gold/wikinews, CC BY 2.5) with its spaCy entities."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kimreader.analysis.entities import extract_entities
from kimreader.analysis.quotes import _QuoteFinder
from kimreader.analysis.quotes_model import (
    Candidate,
    SpeakerModel,
    candidates,
    choose,
    shipped_model,
)

PAGES = Path(__file__).resolve().parents[1] / "bench" / "gold" / "wikinews"
EBOLA = "scientists-report-two-life-saving-treatments-for-ebola"


@cache
def finder(name: str) -> _QuoteFinder:
    body = (PAGES / f"{name}.txt").read_text("utf-8")
    [entities] = extract_entities([body])
    return _QuoteFinder(body, entities)


def test_candidates_are_the_people_named_before_and_the_last_speaker() -> None:
    # 'According to Muyembe, many people … "Now that 90% …," he told the press', a paragraph
    # after Mike Ryan's quote
    found = finder(EBOLA)
    drafts = found.drafts()
    at = found.body.index("Now that 90% of their patients")
    index = next(i for i, d in enumerate(drafts) if d.span.start <= at < d.span.end)
    by_name = {c.speaker: c.features for c in candidates(found.model_context(), drafts, index)}
    muyembe, ryan = by_name["Jean-Jacques Muyembe"], by_name["Mike Ryan"]
    assert muyembe["rules"] == 1.0 and muyembe["nearest person"] == 1.0
    assert muyembe["sentences back"] == 1.0
    assert ryan["last quote's speaker"] == 1.0 and ryan["rules gave another"] == 1.0
    assert ryan["people between"] >= 1.0 and ryan["named in another paragraph"] == 1.0


def test_the_rules_speaker_is_kept_withdrawn_or_replaced_by_the_cuts() -> None:
    found = finder(EBOLA)
    draft = next(d for d in found.drafts() if d.speaker)
    rules = Candidate(draft.speaker, draft.kind, {"rules": 1.0})
    other = Candidate("Ann Lee", "person", {})
    assert choose(0.5, 0.9, draft, [(0.6, rules), (0.95, other)])[0] == draft.speaker
    assert choose(0.5, 0.9, draft, [(0.4, rules), (0.8, other)])[::2] == ("", "withdrawn")
    assert choose(0.5, 0.9, draft, [(0.4, rules), (0.95, other)])[::2] == ("Ann Lee", "model")


def test_a_model_decides_through_find_and_round_trips_as_json() -> None:
    # A model that doubts everyone: every speaker withdrawn, but a title's "no speaker" cue kept
    doubtful = SpeakerModel(names=("rules",), center=((0.0, 1.0),), weights=(-20.0, 0.0),
                            withdraw=0.5, add=0.9)  # fmt: skip
    assert SpeakerModel.from_json(doubtful.to_json()) == doubtful
    quotes = finder(EBOLA).find(doubtful)
    assert quotes and all(q.speaker == "" for q in quotes)
    assert {q.cue for q in quotes} <= {"withdrawn", "none", "name", "headline", "joint"}
    # Not shipped (docs/measurements.md): the rules alone decide
    assert shipped_model() is None
