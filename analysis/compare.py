"""Side-by-side comparison of two reports: one call, one result, one JSON document.

`compare_articles` never loads spaCy: entities are passed in (empty is fine; quotes then find
speakers from the text itself). Every offset is a character offset into that report's `body`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kimreader.analysis.align import (
    DEFAULT_THRESHOLD,
    MEANING_THRESHOLD,
    SAME_POINT_RELATED_CUT,
    WORDS_SENTENCE_THRESHOLD,
    AlignedPassage,
    align,
    align_by_sentences,
    lexical_score,
    pairs_inside,
    passages,
    same_point_pairs,
    sentence_cosines,
    sentence_pairs,
    sentence_similarity,
)
from kimreader.analysis.align import without_counterpart as _without_counterpart
from kimreader.analysis.differences import (
    Difference,
    dated_apart,
    find_differences,
    same_point_sentences,
)
from kimreader.analysis.entity import Entity
from kimreader.analysis.quotes import (
    Quote,
    ReportedSpeech,
    people_quoted_in_both,
    quotes_and_reported_speech,
)
from kimreader.analysis.story import Method, SentencePair, Verdict, counterpart_share, judge
from kimreader.analysis.text import ARTICLES_REMEMBERED, all_sentences
from kimreader.analysis.timeline import DateMention, build_timeline
from kimreader.analysis.words import Term, distinctive_terms
from kimreader.corpus.article import Article
from kimreader.corpus.span import TextSpan, text_span

if TYPE_CHECKING:
    import numpy as np

    from kimreader.analysis.embed import ArticleEmbeddings


@dataclass(frozen=True)
class SharedEntity:
    name: str  # as named in A
    type: str
    count_a: int
    count_b: int
    first_a: tuple[int, int] | None = None  # the first mention in each body
    first_b: tuple[int, int] | None = None
    # Every mention in each body, in text order: the entities' own, or where the other report's
    # name is written in a body whose extraction missed it (`_written_in`).
    mentions_a: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    mentions_b: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "count_a": self.count_a,
            "count_b": self.count_b,
        }


@dataclass(frozen=True)
class EntityComparison:
    shared: tuple[SharedEntity, ...] = ()
    only_a: tuple[Entity, ...] = ()
    only_b: tuple[Entity, ...] = ()

    def to_json(self) -> dict[str, object]:
        def single(entity: Entity) -> dict[str, object]:
            return {"name": entity.name, "type": entity.type, "count": entity.count}

        return {
            "shared": [entity.to_json() for entity in self.shared],
            "only_a": [single(entity) for entity in self.only_a],
            "only_b": [single(entity) for entity in self.only_b],
        }


@dataclass(frozen=True)
class Comparison:
    """Everything the comparison found; `a` leads (one aligned row per passage of A)."""

    a: dict[str, Any]  # id, title, source, published
    b: dict[str, Any]
    threshold: float
    aligned: tuple[AlignedPassage, ...]
    only_a: tuple[TextSpan, ...]
    only_b: tuple[TextSpan, ...]
    entities: EntityComparison
    quotes: tuple[Quote, ...]
    quoted_in_both: tuple[str, ...]
    reported: tuple[ReportedSpeech, ...]  # indirect speech ("…, Kim said."), an extra
    differences: tuple[Difference, ...]
    agreements: tuple[Difference, ...]
    timeline: tuple[DateMention, ...]
    distinctive_a: tuple[Term, ...]
    distinctive_b: tuple[Term, ...]
    passages_b: tuple[TextSpan, ...] = field(default=(), repr=False)
    # Sentences of A and B that make the same point, in A's order; a sentence may have several.
    sentence_pairs: tuple[SentencePair, ...] = ()
    verdict: Verdict | None = None
    # "meaning" when both reports had stored sentence embeddings, else "words" (lexical scores).
    method: Method = "words"

    def to_json(self) -> dict[str, Any]:
        def spans(items: Sequence[TextSpan]) -> list[dict[str, int]]:
            return [{"start": span.start, "end": span.end} for span in items]

        return {
            "a": self.a,
            "b": self.b,
            "method": self.method,
            "verdict": self.verdict.to_json() if self.verdict else None,
            "sentence_pairs": [pair.to_json() for pair in self.sentence_pairs],
            "aligned": [row.to_json() for row in self.aligned],
            "only_a": spans(self.only_a),
            "only_b": spans(self.only_b),
            "entities": self.entities.to_json(),
            "quotes": [quote.to_json() for quote in self.quotes],
            "quoted_in_both": list(self.quoted_in_both),
            "reported": [speech.to_json() for speech in self.reported],
            "differences": [difference.to_json() for difference in self.differences],
            "agreements": [agreement.to_json() for agreement in self.agreements],
            "timeline": [entry.to_json() for entry in self.timeline],
            "distinctive": {
                "a": [term.to_json() for term in self.distinctive_a],
                "b": [term.to_json() for term in self.distinctive_b],
            },
        }


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "published": article.published_iso or None,
    }


def _mentions_of(entities: Sequence[Entity]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted(mention for entity in entities for mention in entity.mentions))


def _shared(
    named: Entity, mentions_a: tuple[tuple[int, int], ...], mentions_b: tuple[tuple[int, int], ...]
) -> SharedEntity:
    return SharedEntity(
        named.name, named.type, len(mentions_a), len(mentions_b),
        mentions_a[0] if mentions_a else None, mentions_b[0] if mentions_b else None,
        mentions_a, mentions_b,
    )  # fmt: skip


def compare_entities(
    entities_a: Sequence[Entity],
    entities_b: Sequence[Entity],
    bodies: tuple[str, str] | None = None,
) -> EntityComparison:
    """Entities in both reports, only in A, only in B: joined exactly as the library merge joins
    them (analysis.entities.group_library), so a comparison never contradicts the library; with
    the reports' `bodies`, also the names `with_names_written` finds. Remembered for the last
    few pairs of entity lists (a comparison and its verdict ask for the same ones again)."""
    return _compared_entities(tuple(entities_a), tuple(entities_b), bodies)


@lru_cache(maxsize=4 * ARTICLES_REMEMBERED)
def _compared_entities(
    entities_a: tuple[Entity, ...],
    entities_b: tuple[Entity, ...],
    bodies: tuple[str, str] | None,
) -> EntityComparison:
    from kimreader.analysis.library_entities import group_library, voted_type

    shared: list[SharedEntity] = []
    only_a: list[Entity] = []
    only_b: list[Entity] = []
    for members in group_library({"a": entities_a, "b": entities_b}):
        side_a = [entity for side, entity in members if side == "a"]
        side_b = [entity for side, entity in members if side == "b"]
        if side_a and side_b:
            # Named as A names it, in the type both reports' mentions vote for.
            voted = voted_type(members)
            named = max(side_a, key=lambda e: (e.type == voted, e.count))
            shared.append(_shared(named, _mentions_of(side_a), _mentions_of(side_b)))
        else:
            only_a.extend(side_a)
            only_b.extend(side_b)
    merged = _by_count(shared, only_a, only_b)
    if bodies is None:
        return merged
    return with_names_written(merged, entities_a, entities_b, bodies)


def with_names_written(
    merged: EntityComparison,
    entities_a: Sequence[Entity],
    entities_b: Sequence[Entity],
    bodies: tuple[str, str],
) -> EntityComparison:
    """The comparison with a name one report's extraction has and the other's missed shared,
    where the other report writes it as a whole name (`_written_in`): spaCy tags a name in one
    report and not in another ("Yida Refugee Camp" in a title-case headline)."""
    found_in_b = _written_in(merged.only_a, bodies[1], entities_b)
    found_in_a = _written_in(merged.only_b, bodies[0], entities_a)
    shared = [
        *merged.shared,
        *(_shared(entity, entity.mentions, spans) for entity, spans in found_in_b.items()),
        *(_shared(entity, spans, entity.mentions) for entity, spans in found_in_a.items()),
    ]
    return _by_count(
        shared,
        [entity for entity in merged.only_a if entity not in found_in_b],
        [entity for entity in merged.only_b if entity not in found_in_a],
    )


def _by_count(
    shared: Sequence[SharedEntity], only_a: Sequence[Entity], only_b: Sequence[Entity]
) -> EntityComparison:
    def by_count(items: Sequence[Any], count: Any) -> tuple[Any, ...]:
        return tuple(sorted(items, key=lambda item: (-count(item), item.name)))

    return EntityComparison(
        shared=by_count(shared, lambda e: e.count_a + e.count_b),
        only_a=by_count(only_a, lambda e: e.count),
        only_b=by_count(only_b, lambda e: e.count),
    )


# The kinds of names looked for in the other report's text (dates are not names).
NAMED_TYPES = ("person", "org", "place", "event")
# Before a name, what makes it a sentence's first word: a sentence's end, a colon, or a line
# break, then opening quotes or brackets.
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:][\"”’')\]]*[ \t]+|\n[ \t]*)[\"“‘'(\[]*$")


def _written_in(
    entities: Sequence[Entity], body: str, own: Sequence[Entity]
) -> dict[Entity, tuple[tuple[int, int], ...]]:
    """Where `body` writes the name (or an alias) of each of another report's entities as a
    whole name that none of its own entities covers (`_whole_name`: "Washington" of
    "Washington Post" is not the place). A name of
    one word also must not open a sentence, nor be written in lower case anywhere in the body
    ("People said …" against "people"). Remembered for the last few pairs of reports."""
    return dict(_names_written_in(tuple(entities), body, tuple(own)))


@lru_cache(maxsize=4 * ARTICLES_REMEMBERED)
def _names_written_in(
    entities: tuple[Entity, ...], body: str, own: tuple[Entity, ...]
) -> tuple[tuple[Entity, tuple[tuple[int, int], ...]], ...]:
    from kimreader.analysis.mentions import overlaps_taken

    taken = sorted(mention for entity in own for mention in entity.mentions)
    words = _bare_words(body)  # most names are not in the other report
    found: dict[Entity, tuple[tuple[int, int], ...]] = {}
    for entity in sorted(entities, key=lambda e: -len(e.name)):  # the longest name first
        if entity.type not in NAMED_TYPES:
            continue
        spans = [
            span
            for form in dict.fromkeys((entity.name, *entity.aliases))
            if form.split() and _bare(form.split()[0]) in words
            for span in _whole_name_spans(body, form)
            if not overlaps_taken(taken, *span) and _whole_name(body, *span)
        ]
        if spans:
            found[entity] = tuple(sorted(set(spans)))
            taken = sorted([*taken, *spans])
    return tuple(found.items())


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _bare_words(body: str) -> frozenset[str]:
    """A body's words without their punctuation (`_bare`), each distinct word read once."""
    return frozenset(_bare(word) for word in set(body.split()))


def _whole_name(body: str, start: int, end: int) -> bool:
    """No capitalised word right before or after the name but a title ("Mr Gunness"); in a
    line in title case, where a headline's verb is capitalised too, none after a name of several
    words ("Sudan Bombs Yida Refugee Camp in …")."""
    from kimreader.analysis.mention_spans import capitalised_after, capitalised_before
    from kimreader.analysis.names import is_title
    from kimreader.analysis.prose import is_title_case

    if capitalised_after(body, end):
        return False
    before = body[max(0, start - 30) : start].split()
    if not capitalised_before(body, start) or (before and is_title(before[-1])):
        return True
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line = body[line_start : line_end if line_end >= 0 else len(body)]
    return " " in body[start:end].strip() and is_title_case(line)


def _whole_name_spans(body: str, form: str) -> list[tuple[int, int]]:
    from kimreader.analysis.story import written_in_lower_case

    words = form.split()
    if len(form) < 3 or not any(ch.isupper() for ch in form) or form not in body:
        return []
    if len(words) == 1 and written_in_lower_case(body, [form.lower()]):
        return []
    pattern = r"(?<![\w@#/.\-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w\-])"
    return [
        match.span()
        for match in re.finditer(pattern, body)
        if len(words) > 1 or not _opens_a_sentence(body, match.start())
    ]


def _opens_a_sentence(body: str, start: int) -> bool:
    return _SENTENCE_START_BEFORE.search(body, max(0, start - 12), start) is not None


_PUNCTUATION = ".,;:!?\"“”‘’'()[]"


def _bare(word: str) -> str:
    """A word without the punctuation around it and its possessive ("BBC's" -> "BBC")."""
    return word.strip(_PUNCTUATION).removesuffix("'s").removesuffix("’s")


# Kinds of names that tell who and where a story is about (dates say when: the date gap does).
STORY_NAME_TYPES = frozenset({"person", "org", "place", "event"})
# A report's main names: its most mentioned people, places and organisations other than
# countries (dev: the three most mentioned separate same-event pairs from related ones best).
MAIN_NAMES = 3


def _story_names(entities: Sequence[Entity]) -> list[Entity]:
    """The names that can tell two stories apart: no dates, no news outlets ("AP", "AFP")."""
    from kimreader.corpus.metadata import is_outlet

    return [e for e in entities if e.type in STORY_NAME_TYPES and not is_outlet(e.name)]


def story_evidence(
    entities_a: Sequence[Entity],
    entities_b: Sequence[Entity],
    shared: EntityComparison,
    bodies: tuple[str, str] = ("", ""),
) -> tuple[list[str], bool | None]:
    """The names both reports use (outlets and dates left out), and whether each report's main
    names are named in the other (`_named_in`, which the reports' `bodies` help); None when
    either report's entities are unknown (empty)."""
    from kimreader.analysis.gazetteer import is_country
    from kimreader.corpus.metadata import is_outlet

    names_a, names_b = _story_names(entities_a), _story_names(entities_b)
    shared_names = [
        e.name for e in shared.shared if e.type in STORY_NAME_TYPES and not is_outlet(e.name)
    ]
    if not names_a or not names_b:
        return shared_names, None

    def main(names: list[Entity]) -> list[Entity]:
        specific = [e for e in names if not is_country(e.name)]
        return sorted(specific, key=lambda e: (-e.count, e.name))[:MAIN_NAMES]

    a_in_b = _named_in(main(names_a), names_b, bodies)
    b_in_a = _named_in(main(names_b), names_a, bodies)
    return shared_names, a_in_b and b_in_a


def _named_in(mains: list[Entity], names: list[Entity], bodies: tuple[str, str]) -> bool:
    """Whether one of the main names is among the other report's names: the same entity, or
    one sharing a word that only names ("Lohan" and "Lindsay Lohan", "Yida" and "Yida Refugee
    Camp", "South Kordofan" and "Southern Kordofan": the entity model finds one name in
    different forms in different reports). Such a word is uncommon in English and written in
    lower case in neither report ("refugee" is), and no word for a kind of organisation or
    place ("Airlines", "Cathedral", "Mosque": Lion Air and Ethiopian Airlines are two)."""
    from kimreader.analysis.mention_types import ORG_HEADS, PLACE_HEADS
    from kimreader.analysis.story import uncommon_words, written_in_lower_case

    if compare_entities(mains, names).shared:
        return True
    kinds = ORG_HEADS | PLACE_HEADS
    theirs = {
        word for e in names for word in _capitalised_words(e.name) if word.lower() not in kinds
    }
    ours = {word for e in mains for word in _capitalised_words(e.name) if word in theirs}
    return any(
        not any(written_in_lower_case(body, [word.lower()]) for body in bodies)
        for word in uncommon_words(sorted(ours))
    )


def _capitalised_words(name: str) -> list[str]:
    from kimreader.analysis.text import WORD

    return [word for word in WORD.findall(name) if len(word) > 2 and word[:1].isupper()]


def sentence_scores(
    a: Article,
    b: Article,
    embeddings_a: ArticleEmbeddings | None,
    embeddings_b: ArticleEmbeddings | None,
) -> tuple[np.ndarray, Method]:
    """Scores of every sentence pair of A and B: cosines of the stored sentence embeddings when
    both reports have them (and they match today's sentences), else the lexical score."""
    cosines = _meaning_cosines(a, b, embeddings_a, embeddings_b)
    if cosines is not None:
        return cosines, "meaning"
    return sentence_similarity(a.body, b.body), "words"


def _meaning_cosines(
    a: Article,
    b: Article,
    embeddings_a: ArticleEmbeddings | None,
    embeddings_b: ArticleEmbeddings | None,
) -> np.ndarray | None:
    if (
        embeddings_a is None
        or embeddings_b is None
        or not embeddings_a.matches(a.body)
        or not embeddings_b.matches(b.body)
    ):
        return None
    import numpy as np

    vectors_a = embeddings_a.vectors.astype(np.float32)
    vectors_b = embeddings_b.vectors.astype(np.float32)
    return vectors_a @ vectors_b.T


def _span_pairs(a: Article, b: Article, matched: Matched) -> list[tuple[TextSpan, TextSpan]]:
    """The sentence pairs whose facts the differences finder compares: by meaning, the pairs
    that make the same point at SAME_POINT_RELATED_CUT (the bar the comparison keeps between
    reports of related events), then the finder's own lexical pairs (sentences sharing words
    and numbers the model ranked lower: dev recall 5/8 -> 7/8 at 7/7 precision); by words, the
    lexical pairs alone. A weaker same-point pair is often two sentences on one subject, not
    one fact given twice: between scraped pages of one 2004 story (the WikinewsSum review
    pool) the pairs under that bar gave six claimed differences, all wrong ("$23.5 billion"
    for the tanker deal against the "$425 billion" defence bill; a promise on Saturday against
    a death on Thursday), while every difference found on the development gold (every split
    but fresh3) comes from a stronger pair or a lexical one: the same 33 there."""
    by_words = same_point_sentences(a.body, b.body, scores=matched.lexical)
    if matched.method != "meaning":
        return by_words
    by_meaning = [
        (text_span(a.body, p.a_start, p.a_end), text_span(b.body, p.b_start, p.b_end))
        for p in matched.pairs
        if p.score >= SAME_POINT_RELATED_CUT
    ]
    seen = {(x.start, y.start) for x, y in by_meaning}
    return by_meaning + [(x, y) for x, y in by_words if (x.start, y.start) not in seen]


@dataclass(frozen=True)
class Matched:
    """What matching the sentences of two reports gave: the scores of every sentence pair (by
    the method) and their lexical scores, the method, the passages aligned at `threshold` (None
    until aligned through the pairs the verdict keeps: `match_reports(..., align_passages=False)`,
    `claimed_for`) and the sentence pairs that make the same point."""

    scores: np.ndarray
    method: Method
    threshold: float
    aligned: list[AlignedPassage] | None
    pairs: list[SentencePair]
    lexical: np.ndarray


@dataclass(frozen=True)
class AlignedMatch(Matched):
    """A match whose passages are aligned (`_aligned`, `claimed_for`): `aligned` is set."""

    aligned: list[AlignedPassage]


def match_reports(
    a: Article,
    b: Article,
    embeddings_a: ArticleEmbeddings | None = None,
    embeddings_b: ArticleEmbeddings | None = None,
    threshold: float | None = None,
    align_passages: bool = True,
) -> Matched:
    """Sentences matched by meaning (both reports' stored embeddings) and passages through their
    sentences; else passages aligned by words and the sentence pairs looked for inside them.
    Without `align_passages`, passages matched by meaning are left to `claimed_for`, which
    aligns them once, through the pairs the verdict keeps (by words they are aligned first)."""
    passages_a, passages_b = passages(a.body), passages(b.body)
    sentences_a, sentences_b = all_sentences(a.body), all_sentences(b.body)
    by_words, by_grams = sentence_cosines(a.body, b.body)
    lexical = lexical_score(by_words, by_grams)
    cosines = _meaning_cosines(a, b, embeddings_a, embeddings_b)
    if cosines is not None:
        threshold = MEANING_THRESHOLD if threshold is None else threshold
        excluded = dated_apart(sentences_a, sentences_b)  # two past events, not one point
        pairs = same_point_pairs(
            cosines, by_words, by_grams, sentences_a, sentences_b, passages_a, excluded
        )
        matched = Matched(cosines, "meaning", threshold, None, pairs, lexical)
        return _aligned(matched, a, b) if align_passages else matched
    # By words: passages first, then the sentence pairs inside each aligned passage pair.
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    aligned = align(a.body, b.body, threshold, passages_a, passages_b)
    pairs = pairs_inside(
        aligned,
        sentence_pairs(lexical, sentences_a, sentences_b, passages_a, WORDS_SENTENCE_THRESHOLD),
    )
    return AlignedMatch(lexical, "words", threshold, aligned, pairs, lexical)


def claimed_for(
    matched: Matched, verdict: Verdict, a: Article, b: Article
) -> tuple[AlignedMatch, Verdict]:
    """What the comparison claims for its verdict: no same points between unrelated reports
    (`without_same_points`); between reports of related events, by meaning, only the sentence
    pairs at SAME_POINT_RELATED_CUT (the passages re-aligned through them, the verdict's share
    of sentences with a counterpart counted on them)."""
    if not verdict.claims_same_points:
        return without_same_points(_aligned(matched, a, b)), verdict
    if verdict.kind != "related" or matched.method != "meaning":
        return _aligned(matched, a, b), verdict
    pairs = [pair for pair in matched.pairs if pair.score >= SAME_POINT_RELATED_CUT]
    kept = Matched(matched.scores, matched.method, matched.threshold, None, pairs, matched.lexical)
    realigned = _aligned(kept, a, b)
    share = counterpart_share(realigned.scores, realigned.pairs)
    return realigned, replace(verdict, counterpart_share=share)


def _aligned(matched: Matched, a: Article, b: Article) -> AlignedMatch:
    """The match with its passages aligned through its sentence pairs (as it is when they
    already are): aligned once, not again for the pairs a verdict keeps."""
    if isinstance(matched, AlignedMatch):
        return matched
    if matched.aligned is not None:
        aligned, pairs = matched.aligned, matched.pairs
    else:
        aligned, pairs = align_by_sentences(
            matched.scores, all_sentences(a.body), all_sentences(b.body), passages(a.body),
            passages(b.body), matched.threshold, matched.pairs,
        )  # fmt: skip
    return AlignedMatch(matched.scores, matched.method, matched.threshold, aligned, pairs,
                        matched.lexical)  # fmt: skip


def without_same_points(matched: Matched) -> AlignedMatch:
    """The match with no sentence pairs, each passage keeping only its best counterpart (the
    comparison of unrelated reports: `Verdict.claims_same_points`). Its passages must be
    aligned (`_aligned`): a match whose are not raises ValueError."""
    if matched.aligned is None:
        raise ValueError("align the passages first (_aligned)")
    aligned = [
        replace(row, counterparts=(row.best,) if row.best else ()) for row in matched.aligned
    ]
    return AlignedMatch(matched.scores, matched.method, matched.threshold, aligned, [],
                        matched.lexical)  # fmt: skip


def story_verdict(
    a: Article,
    b: Article,
    matched: Matched,
    entities_a: Sequence[Entity] = (),
    entities_b: Sequence[Entity] = (),
    embeddings_a: ArticleEmbeddings | None = None,
    embeddings_b: ArticleEmbeddings | None = None,
    entities: EntityComparison | None = None,
) -> Verdict:
    """Same event, related event or unrelated (analysis.story.judge) with the names as evidence."""
    entities = compare_entities(entities_a, entities_b) if entities is None else entities
    shared_names, main_names_shared = story_evidence(
        entities_a, entities_b, entities, (a.body, b.body)
    )
    return judge(
        a, b, matched.scores, matched.pairs, matched.method, shared_names,
        embeddings_a, embeddings_b, main_names_shared,
    )  # fmt: skip


def compare_articles(
    a: Article,
    b: Article,
    entities_a: Sequence[Entity] = (),
    entities_b: Sequence[Entity] = (),
    threshold: float | None = None,
    embeddings_a: ArticleEmbeddings | None = None,
    embeddings_b: ArticleEmbeddings | None = None,
) -> Comparison:
    """Compare two reports; A leads. Pure function of its inputs, no model is loaded.

    With both reports' stored sentence embeddings, sentences are matched by meaning and passages
    through their sentences; else passages are aligned by words (as before embeddings) and the
    sentence pairs are looked for inside them. `threshold` (for passages) defaults to the one
    calibrated for the method.
    """
    passages_a, passages_b = passages(a.body), passages(b.body)
    matched = match_reports(a, b, embeddings_a, embeddings_b, threshold, align_passages=False)
    # The listing also finds a name where the other report's extraction missed it; the verdict
    # weighs the names both extractions have (its cuts were chosen on those).
    by_extraction = compare_entities(entities_a, entities_b)
    entities = with_names_written(by_extraction, entities_a, entities_b, (a.body, b.body))
    verdict = story_verdict(a, b, matched, entities_a, entities_b, embeddings_a, embeddings_b,
                            by_extraction)  # fmt: skip
    matched, verdict = claimed_for(matched, verdict, a, b)  # the passages aligned once
    aligned, pairs, method = matched.aligned, matched.pairs, matched.method
    only_a, only_b = _without_counterpart(aligned, passages_a, passages_b)
    found_a, reported_a = quotes_and_reported_speech(a.body, entities_a)
    found_b, reported_b = quotes_and_reported_speech(b.body, entities_b)
    quotes_a = [replace(quote, report="a") for quote in found_a]
    quotes_b = [replace(quote, report="b") for quote in found_b]
    differences, agreements = find_differences(
        a.body, a.published, b.body, b.published, _span_pairs(a, b, matched),
        entities_a, entities_b, one_event=verdict.kind == "same",
    )  # fmt: skip
    if not verdict.claims_differences:
        differences = []
    if not verdict.claims_agreements:
        agreements = []
    distinctive_a, distinctive_b = distinctive_terms(a.body, b.body, entities_a, entities_b)
    return Comparison(
        a=article_summary(a),
        b=article_summary(b),
        threshold=matched.threshold,
        aligned=tuple(aligned),
        only_a=tuple(only_a),
        only_b=tuple(only_b),
        entities=entities,
        quotes=tuple(quotes_a + quotes_b),
        quoted_in_both=tuple(people_quoted_in_both(quotes_a, quotes_b)),
        reported=tuple(
            [replace(speech, report="a") for speech in reported_a]
            + [replace(speech, report="b") for speech in reported_b]
        ),
        differences=tuple(differences),
        agreements=tuple(agreements),
        timeline=tuple(build_timeline(a.body, a.published, b.body, b.published)),
        distinctive_a=tuple(distinctive_a),
        distinctive_b=tuple(distinctive_b),
        passages_b=tuple(passages_b),
        sentence_pairs=tuple(pairs),
        verdict=verdict,
        method=method,
    )


def at_threshold(cmp: Comparison, body_a: str, threshold: float) -> Comparison:
    """The comparison with its counterparts re-marked for another threshold (no re-scoring)."""
    aligned = [row.at_threshold(threshold) for row in cmp.aligned]
    passages_a = [text_span(body_a, row.a_start, row.a_end) for row in aligned]
    only_a, only_b = _without_counterpart(aligned, passages_a, list(cmp.passages_b))
    return replace(
        cmp, threshold=threshold, aligned=tuple(aligned), only_a=tuple(only_a), only_b=tuple(only_b)
    )
