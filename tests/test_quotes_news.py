"""Quote speakers in the forms of US political news and wire reports (written for the cases:
statements, tweets, joint speakers, a sentence a paragraph)."""

from __future__ import annotations

from kimreader.analysis.entity import Entity
from kimreader.analysis.quotes import extract_quotes


def _person(body: str, name: str, *written: str) -> Entity:
    """A person with every place where each written form stands in `body`."""
    spans = []
    for form in written or (name,):
        at = body.find(form)
        while at >= 0:
            spans.append((at, at + len(form)))
            at = body.find(form, at + 1)
    return Entity(name, "person", tuple(written or (name,)), tuple(sorted(spans)))


def test_a_conjunction_opening_the_sentence_is_no_part_of_the_speaker() -> None:
    # "But Professor Varoufakis" (fresh14, the professor read as an organisation) and "But
    # critics": the conjunction is the sentence's, not the speaker's
    body = (
        "The senator was asked about the bill on Monday.\n\n"
        '"It is dead," he said.\n\n'
        'But critics said the bill was "a giveaway to the rich."'
    )
    assert [q.speaker for q in extract_quotes(body)][1] == "critics"
