"""Entity search: `person:"Obama"` finds the entity, not only the words.

- Expansion: an entity term (person:/org:/place:, any field alias) is widened to every name the
  library merge gives that entity, so `person:"Barack Obama"` also finds the article that only
  says "Mr. Obama", and `person:"Lohan"` the articles naming Lindsay Lohan in full. The library's
  merged entities (corrections applied) are cached until an article or a correction changes.
- Hits: the entity's mentions in an article are its hits, so the reader highlights them and
  the list counts them (a field search used to list every article with "0 hits").

Terms are found by scanning the query outside quotes (a field name inside a phrase is a word).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kimreader.analysis.entity import Entity, EntityType
from kimreader.analysis.names import canonical_key
from kimreader.corpus.span import Span
from kimreader.index.query import FIELD_ALIASES

ENTITY_FIELDS: tuple[EntityType, ...] = ("person", "org", "place")
MAX_NAMES = 12  # names an expanded term ORs together
_TERM = re.compile(r'(?<![\w:])(\w+):(?:"([^"]*)"|([^\s()"]+))')
_QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class EntityTerm:
    type: EntityType
    name: str
    start: int  # the term's place in the query text
    end: int

    @property
    def key(self) -> str:
        return canonical_key(self.name, self.type)


def entity_terms(text: str) -> list[EntityTerm]:
    """The person:/org:/place: terms of a query, outside other quotes, with their positions."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    terms = []
    for match in _TERM.finditer(text):
        field = FIELD_ALIASES.get(match.group(1).lower())
        if field not in ENTITY_FIELDS:
            continue
        if any(s <= match.start() < e for s, e in quoted):
            continue  # "... person: ..." inside a phrase is text
        name = (match.group(2) if match.group(2) is not None else match.group(3)).strip()
        if name and not any(ch in name for ch in "*?~"):
            terms.append(EntityTerm(field, name, match.start(), match.end()))
    return terms


@dataclass(frozen=True)
class LibraryNames:
    """Each merged library entity's names, by type and key of any of its names."""

    names: dict[tuple[str, str], tuple[str, ...]]

    @classmethod
    def build(cls, groups: Iterable[Sequence[tuple[str, Entity]]]) -> LibraryNames:
        names: dict[tuple[str, str], tuple[str, ...]] = {}
        for members in groups:
            forms = dict.fromkeys(
                alias for _article, entity in members for alias in (entity.name, *entity.aliases)
            )
            for _article, entity in members:
                for alias in forms:
                    key = (entity.type, canonical_key(alias, entity.type))
                    names[key] = tuple(dict.fromkeys((*names.get(key, ()), *forms)))
        return cls(names)

    def names_of(self, term: EntityTerm) -> tuple[str, ...]:
        return self.names.get((term.type, term.key), ())


def expand(text: str, library: LibraryNames) -> str:
    """The query with each entity term widened to the names of the entity it names."""
    pieces: list[str] = []
    position = 0
    for term in entity_terms(text):
        names = [n for n in library.names_of(term) if '"' not in n and n.strip()]
        names = sorted(set(names) - {term.name}, key=lambda n: (-len(n.split()), n))[:MAX_NAMES]
        if not names:
            continue
        alternatives = " OR ".join(f'{term.type}:"{name}"' for name in (term.name, *names))
        pieces.extend((text[position : term.start], f"({alternatives})"))
        position = term.end
    pieces.append(text[position:])
    return "".join(pieces)


def mention_spans(
    entities: Sequence[Entity], terms: Sequence[EntityTerm], library: LibraryNames
) -> list[Span]:
    """Body spans of the mentions of the entities the terms name (by any merged name)."""
    wanted = {(t.type, t.key) for t in terms}
    wanted.update(
        (t.type, canonical_key(name, t.type)) for t in terms for name in library.names_of(t)
    )
    spans: set[Span] = set()
    for entity in entities:
        keys = {
            (entity.type, canonical_key(a, entity.type)) for a in (entity.name, *entity.aliases)
        }
        if keys & wanted:
            spans.update(entity.mentions)
    return sorted(spans)


def with_mentions(spans: Sequence[Span], mentions: Sequence[Span]) -> tuple[Span, ...]:
    """Text matches and entity mentions together, overlaps joined, in text order."""
    merged: list[list[int]] = []
    for start, end in sorted({*spans, *mentions}):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


EntityReader = Callable[[str], Sequence[Entity]]  # article id -> its (corrected) entities
