"""Phrases answered from a field of adjacent word pairs (#14).

Whoosh matches a phrase by walking the positions of every document holding all its words:
"interest rates" at 20,000 articles took 0.4-0.6 s a keystroke. The `pairs` field indexes each
two adjacent words of the body, as the body's analyser gives them ("bank of England" is
`bank england`: stop words are dropped and positions renumbered, exactly as the body's phrase
matching sees them), so a two-word body phrase is one term lookup, and a longer one first
narrows to the documents holding all its pairs. Answers are the same (the tests compare them);
highlights still come from the body's positions, for the hits on screen only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kimreader.index.whoosh.fields import FastText, Postings

if TYPE_CHECKING:
    from whoosh.query import Query

PAIRS_FIELD = "pairs"
PHRASE_FIELD = "body"  # the field whose phrases the pairs answer


class PairsText(FastText):
    """Each two adjacent words of a text, as one term "first second" (with its frequency).
    Pickled into the index's table of contents: keep this module and name."""

    def index(self, value: Any, **kwargs: Any) -> Postings:
        steps = self._fast_steps()
        if steps is None or not isinstance(value, str):
            raise TypeError("the pairs field needs the body's plain analyser and a str")
        at = {pos: word for word, places in self._occurrences(value, steps).items()
              for pos, _start, _end in places}  # fmt: skip
        counts: dict[str, int] = {}
        for pos, word in at.items():
            following = at.get(pos + 1)
            if following is not None:
                pair = f"{word} {following}"
                counts[pair] = counts.get(pair, 0) + 1
        from whoosh.system import pack_uint  # what Whoosh's Frequency format stores

        boost = self.format.field_boost
        for pair, count in counts.items():
            yield pair.encode("utf-8"), count, count * boost, pack_uint(count)


def pairs_field(analyzer: Any) -> PairsText:
    from whoosh.formats import Frequency

    field = PairsText(analyzer=analyzer, phrase=False)
    field.format = Frequency()
    return field


def with_pairs(query: Query) -> Query:
    """`query` with each body phrase of two or more words answered through the pairs field:
    two words become one pair term; more become their pairs AND the phrase (the pairs narrow
    the documents whose positions the phrase then checks). Same matches, fewer postings read."""
    from whoosh import query as q

    if isinstance(query, q.Phrase):
        return _phrase_with_pairs(query)
    if query.is_leaf():
        return query
    return query.apply(with_pairs)


def _phrase_with_pairs(phrase: Any) -> Any:
    from whoosh import query as q

    words = list(phrase.words)
    if phrase.fieldname != PHRASE_FIELD or phrase.slop != 1 or len(words) < 2:
        return phrase
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    if len(pairs) == 1:
        return q.Term(PAIRS_FIELD, pairs[0], boost=phrase.boost)
    return q.And([*(q.Term(PAIRS_FIELD, pair) for pair in pairs), phrase], boost=phrase.boost)
