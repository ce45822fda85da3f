"""Side-by-side comparison of two reports: one call, one result, one JSON document.

`compare_articles` never loads spaCy: entities are passed in (empty is fine; quotes then find
speakers from the text itself). Every offset is a character offset into that report's `body`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from kimreader.analysis.align import DEFAULT_THRESHOLD, AlignedPassage, align, passages
from kimreader.analysis.align import without_counterpart as _without_counterpart
from kimreader.analysis.differences import Difference, find_differences
from kimreader.analysis.entity import Entity
from kimreader.analysis.quotes import (
    Quote,
    ReportedSpeech,
    people_quoted_in_both,
    quotes_and_reported_speech,
)
from kimreader.analysis.text import Span
from kimreader.analysis.timeline import DateMention, build_timeline
from kimreader.analysis.words import Term, distinctive_terms
from kimreader.corpus.article import Article


@dataclass(frozen=True)
class SharedEntity:
    name: str  # as named in A
    type: str
    count_a: int
    count_b: int
    first_a: tuple[int, int] | None = None  # the first mention in each body
    first_b: tuple[int, int] | None = None

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
    only_a: tuple[Span, ...]
    only_b: tuple[Span, ...]
    entities: EntityComparison
    quotes: tuple[Quote, ...]
    quoted_in_both: tuple[str, ...]
    reported: tuple[ReportedSpeech, ...]  # indirect speech ("…, Kim said."), an extra
    differences: tuple[Difference, ...]
    agreements: tuple[Difference, ...]
    timeline: tuple[DateMention, ...]
    distinctive_a: tuple[Term, ...]
    distinctive_b: tuple[Term, ...]
    passages_b: tuple[Span, ...] = field(default=(), repr=False)

    def to_json(self) -> dict[str, Any]:
        def spans(items: Sequence[Span]) -> list[dict[str, int]]:
            return [{"start": span.start, "end": span.end} for span in items]

        return {
            "a": self.a,
            "b": self.b,
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


def _first_mention(entities: Sequence[Entity]) -> tuple[int, int] | None:
    mentions = [mention for entity in entities for mention in entity.mentions]
    return tuple(min(mentions)) if mentions else None  # type: ignore[return-value]


def compare_entities(
    entities_a: Sequence[Entity], entities_b: Sequence[Entity]
) -> EntityComparison:
    """Entities in both reports, only in A, only in B: joined exactly as the library merge joins
    them (analysis.entities.group_library), so a comparison never contradicts the library."""
    from kimreader.analysis.library_entities import group_library

    shared: list[SharedEntity] = []
    only_a: list[Entity] = []
    only_b: list[Entity] = []
    for members in group_library({"a": entities_a, "b": entities_b}):
        side_a = [entity for side, entity in members if side == "a"]
        side_b = [entity for side, entity in members if side == "b"]
        if side_a and side_b:
            named = max(side_a, key=lambda e: e.count)
            shared.append(
                SharedEntity(
                    named.name,
                    named.type,
                    sum(e.count for e in side_a),
                    sum(e.count for e in side_b),
                    _first_mention(side_a),
                    _first_mention(side_b),
                )
            )
        else:
            only_a.extend(side_a)
            only_b.extend(side_b)

    def by_count(items: list[Any], count: Any) -> tuple[Any, ...]:
        return tuple(sorted(items, key=lambda item: (-count(item), item.name)))

    return EntityComparison(
        shared=by_count(shared, lambda e: e.count_a + e.count_b),
        only_a=by_count(only_a, lambda e: e.count),
        only_b=by_count(only_b, lambda e: e.count),
    )


def compare_articles(
    a: Article,
    b: Article,
    entities_a: Sequence[Entity] = (),
    entities_b: Sequence[Entity] = (),
    threshold: float = DEFAULT_THRESHOLD,
) -> Comparison:
    """Compare two reports; A leads. Pure function of its inputs, no model is loaded."""
    passages_a, passages_b = passages(a.body), passages(b.body)
    aligned = align(a.body, b.body, threshold, passages_a, passages_b)
    only_a, only_b = _without_counterpart(aligned, passages_a, passages_b)
    found_a, reported_a = quotes_and_reported_speech(a.body, entities_a)
    found_b, reported_b = quotes_and_reported_speech(b.body, entities_b)
    quotes_a = [replace(quote, report="a") for quote in found_a]
    quotes_b = [replace(quote, report="b") for quote in found_b]
    differences, agreements = find_differences(a.body, a.published, b.body, b.published)
    distinctive_a, distinctive_b = distinctive_terms(a.body, b.body, entities_a, entities_b)
    return Comparison(
        a=article_summary(a),
        b=article_summary(b),
        threshold=threshold,
        aligned=tuple(aligned),
        only_a=tuple(only_a),
        only_b=tuple(only_b),
        entities=compare_entities(entities_a, entities_b),
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
    )


def at_threshold(cmp: Comparison, body_a: str, threshold: float) -> Comparison:
    """The comparison with its counterparts re-marked for another threshold (no re-scoring)."""
    aligned = [
        replace(row, best=row.candidates[0] if row.candidates and row.score >= threshold else None)
        for row in cmp.aligned
    ]
    passages_a = [Span(row.a_start, row.a_end, body_a[row.a_start : row.a_end]) for row in aligned]
    only_a, only_b = _without_counterpart(aligned, passages_a, list(cmp.passages_b))
    return replace(
        cmp, threshold=threshold, aligned=tuple(aligned), only_a=tuple(only_a), only_b=tuple(only_b)
    )
