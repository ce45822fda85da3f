"""A learned last word on each sidebar entity: keep it or drop it, and which type it is.

The rules of mentions.py, mention_types.py and entities.py group the model's mentions into
entities and type them. This step weighs, for each person, organisation or place, evidence that
is cheap and general: the spaCy labels over all its mentions, how often and how it is written,
what the gazetteer and the alias table say, the words around its mentions (a title before, "said"
after, "the" before, a sentence's start), and how the development gold types names ending or
starting with the same word. Two logistic regressions decide: one whether to keep the entity,
one its type. Their coefficients and the word tables ship in analysis/entity_model.json, written
by bench/train_entity_types.py from the development gold only (its leave-one-set-out figures
are in docs/measurements.md). An entity the alias table names keeps the table's type.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kimreader.analysis import gazetteer
from kimreader.analysis.entity import EntityType
from kimreader.analysis.mention_types import is_numbered_unit, speaks_or_acts_as_person
from kimreader.analysis.names import base_key, is_title, listed

if TYPE_CHECKING:
    from kimreader.analysis.mentions import Mention

SIDEBAR_TYPES: tuple[EntityType, ...] = ("person", "org", "place")
_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
WordCounts = Mapping[str, Sequence[int]]  # word key -> gold count per SIDEBAR_TYPES


@dataclass(frozen=True)
class WordTables:
    """How often the development gold names a person, an organisation, a place ending (last)
    or starting (first) with a word."""

    last: WordCounts = field(default_factory=dict)
    first: WordCounts = field(default_factory=dict)


@dataclass(frozen=True)
class Evidence:
    """What is known about one entity: `generic` says nothing of a type by itself (how often and
    how it is written, the words around it, the rules' type); `typed` says how well each
    sidebar type fits (the same names for each type)."""

    generic: dict[str, float]
    typed: dict[EntityType, dict[str, float]]


def features(
    text: str, members: Sequence[Mention], rules_type: EntityType, tables: WordTables
) -> Evidence:
    """The evidence about one entity (its mentions over the prose `text`)."""
    return with_tables(text_features(text, members, rules_type), members, tables)


def _longest_name(members: Sequence[Mention]) -> str:
    return max((m.surface for m in members), key=lambda s: (len(s.split()), len(s)))


def text_features(text: str, members: Sequence[Mention], rules_type: EntityType) -> Evidence:
    """The evidence the text and the shipped data give, without the gold's word tables
    (`with_tables` adds those: the training computes this part once per entity)."""
    count = len(members)
    name = _longest_name(members)
    words = name.split()
    labels = Counter(m.label for m in members)
    generic: dict[str, float] = {f"rules {t}": float(rules_type == t) for t in SIDEBAR_TYPES}
    generic["label NORP"] = labels["NORP"] / count
    generic["no model label"] = 1 - sum(labels[label] for label in _LABEL_TYPES) / count
    generic["cue or data typed it"] = _share(members, lambda m: m.evidence)
    generic["described"] = _share(members, lambda m: m.described)
    generic["log mentions"] = math.log(count)
    generic["one mention"] = float(count == 1)
    generic["one word"] = float(len(words) == 1)
    generic["three words or more"] = float(len(words) >= 3)
    letters = re.sub(r"[^\w]", "", name)
    generic["all capitals"] = float(len(letters) > 1 and letters.isupper())
    generic["three letters or fewer"] = float(len(letters) <= 3)
    generic["lower-case word inside"] = float(any(w.islower() for w in words[1:]))
    generic["digit"] = float(any(ch.isdigit() for ch in name))
    generic["title before"] = _share(members, lambda m: _title_before(text, m.start))
    generic["speaks or acts"] = _share(members, lambda m: speaks_or_acts_as_person(text, m))
    generic["the before"] = _share(
        members, lambda m: _THE_BEFORE.search(text, max(0, m.start - 5), m.start) is not None
    )
    generic["where-word before"] = _share(
        members, lambda m: _WHERE_BEFORE.search(text, max(0, m.start - 8), m.start) is not None
    )
    generic["opens a sentence"] = _share(members, lambda m: opens_sentence(text, m.start))
    generic["in a heading"] = _share(members, lambda m: m.in_heading)
    generic["words written in lower case"] = _lower_case_share(text, words)
    generic["a capitalised word right before"] = _share(
        members, lambda m: _CAPITAL_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
    )
    generic["a capitalised word right after"] = _share(
        members, lambda m: _CAPITAL_AFTER.match(text, m.end) is not None
    )
    generic["a name across a short word before"] = _share(
        members,
        lambda m: _NAME_ACROSS_BEFORE.search(text, max(0, m.start - 40), m.start) is not None,
    )
    generic["a name across a short word after"] = _share(
        members, lambda m: _NAME_ACROSS_AFTER.match(text, m.end) is not None
    )
    generic["a bracket or capitals around"] = _share(
        members,
        lambda m: _BRACKET_OR_CAPITALS.search(text, max(0, m.start - 12), m.end + 12) is not None,
    )
    alias = listed(name)
    data = {
        "person": float(len(words) >= 2 and gazetteer.is_given_name(words[0])),
        "org": float(gazetteer.is_organisation(name)),
        "place": float(gazetteer.is_place(name)),
    }
    typed: dict[EntityType, dict[str, float]] = {}
    for kind in SIDEBAR_TYPES:
        typed[kind] = {
            "the rules' type": float(rules_type == kind),
            "mentions typed so": sum(m.type == kind for m in members) / count,
            "model labels": sum(n for label, n in labels.items() if _LABEL_TYPES.get(label) == kind)
            / count,
            "shipped data": data[kind],
            "alias table": float(alias is not None and alias[1] == kind),
        }
    return Evidence(generic, typed)


def with_tables(evidence: Evidence, members: Sequence[Mention], tables: WordTables) -> Evidence:
    """The text's evidence and what the gold's word tables say of the name's last and first
    words."""
    keys = base_key(_longest_name(members)).split() or [""]
    generic = dict(evidence.generic)
    generic["last word known"] = float(sum(tables.last.get(keys[-1], ())) > 0)
    generic["first word known"] = float(sum(tables.first.get(keys[0], ())) > 0)
    typed: dict[EntityType, dict[str, float]] = {}
    for index, kind in enumerate(SIDEBAR_TYPES):
        typed[kind] = {
            **evidence.typed[kind],
            "last word in gold": _word_odds(tables.last.get(keys[-1]), index),
            "first word in gold": _word_odds(tables.first.get(keys[0]), index),
        }
    return Evidence(generic, typed)


_LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


def _word_odds(counts: Sequence[int] | None, index: int) -> float:
    """Log of how much likelier the gold makes this type than a third, smoothed."""
    counts = counts or (0, 0, 0)
    return math.log((counts[index] + 1) / (sum(counts) + 3) * 3)


def _share(members: Sequence[Mention], test: Callable[[Mention], bool]) -> float:
    """The share of the mentions that pass the test."""
    return sum(1 for m in members if test(m)) / len(members)


# A name the model cut out of a longer run of capitalised words is a piece of it ("Tunisian
# League" of "Tunisian League for the Defence of Human Rights", "Research" of "Research and
# Referral Hospital"); a letter in an editor's brackets ("[W]e") or a word of a line in capitals
# ("BY A LOT!") is no name.
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:\n][ \t])\b[A-Z][\w'’.-]*[ \t]+\Z")
_CAPITAL_AFTER = re.compile(r"(?:['’]s)?[ \t]+[A-Z]")
_NAME_ACROSS_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:and|for|of|at|de)(?:[ \t]+the)?[ \t]+\Z")
_NAME_ACROSS_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:and|for|of|at|de)(?:[ \t]+the)?[ \t]+[A-Z]")
_BRACKET_OR_CAPITALS = re.compile(r"\[\w+\]|\b[A-Z]{2,}[ \t]+[A-Z]{2,}[ \t]+[A-Z]{2,}\b")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+\Z")
_WHERE_BEFORE = re.compile(r"\b(?:in|at|from|to|near)[ \t]+\Z")
_WORD_BEFORE = re.compile(r"([\w.]+)[ \t]+\Z")


def _title_before(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and is_title(before.group(1))


def opens_sentence(text: str, start: int) -> bool:
    """Does a name starting at `start` open a sentence, a line or a quote?"""
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?\n:"


def _lower_case_share(text: str, words: Sequence[str]) -> float:
    """Of the name's capitalised words, the share the text also writes in lower case ("the
    channel", "research"): capitals at a sentence's start or in a heading make such spans."""
    capitalised = [w for w in words if len(w) > 2 and w.isalpha() and w[0].isupper()]
    if not capitalised:
        return 0.0
    lower = _lower_case_words(text)
    return sum(1 for w in capitalised if w.lower() in lower) / len(capitalised)


# A word in lower case, not inside a web address or a hyphenated word.
_LOWER_WORD = re.compile(r"(?<![\w./-])[^\W\d_]+(?![\w-]|\.\w)")


@lru_cache(maxsize=4)
def _lower_case_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case, once per article."""
    return frozenset(w for w in _LOWER_WORD.findall(text) if w.islower())


def _sigmoid(value: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, value))))


@dataclass(frozen=True)
class EntityModel:
    """Coefficients over standardised evidence. P(a real entity): a logistic regression over
    the generic and the rules' type's typed evidence (`keep`, bias first). The type: a
    conditional logit, each type scored by shared weights on its typed evidence (`shared`)
    plus its own weights on the generic evidence (`blocks`, bias first). Without coefficients
    the model keeps every entity and the rules' type."""

    generic: tuple[str, ...] = ()
    typed: tuple[str, ...] = ()
    center: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # name: mean, scale
    keep: tuple[float, ...] = ()
    shared: tuple[float, ...] = ()
    blocks: Mapping[str, tuple[float, ...]] = field(default_factory=dict)
    tables: WordTables = field(default_factory=WordTables)
    keep_threshold: float = 0.5
    type_threshold: float = 0.5

    def vectors(self, evidence: Evidence) -> tuple[list[float], dict[EntityType, list[float]]]:
        """(generic, typed per type), standardised as in training."""
        generic = [self._standard(n, evidence.generic[n]) for n in self.generic]
        typed = {
            t: [self._standard(n, evidence.typed[t][n]) for n in self.typed] for t in SIDEBAR_TYPES
        }
        return generic, typed

    def _standard(self, name: str, value: float) -> float:
        mean, scale = self.center[name]
        return (value - mean) / scale

    def probabilities(
        self, text: str, members: Sequence[Mention], rules_type: EntityType, types: bool = True
    ) -> tuple[float, dict[EntityType, float]]:
        """(P(keep), P(type) per sidebar type, or {} without `types`) for one entity."""
        evidence = features(text, members, rules_type, self.tables)
        return self.probabilities_of(evidence, rules_type, types)

    def probabilities_of(
        self, evidence: Evidence, rules_type: EntityType, types: bool = True
    ) -> tuple[float, dict[EntityType, float]]:
        """`probabilities` from the entity's evidence."""
        generic, typed = self.vectors(evidence)
        keep = _sigmoid(_dot(self.keep, [*generic, *typed[rules_type]]))
        if not types:
            return keep, {}
        scores = {
            t: _dot((0.0, *self.shared), typed[t]) + _dot(self.blocks[t], generic)
            for t in SIDEBAR_TYPES
        }
        top = max(scores.values())
        exps = {t: math.exp(s - top) for t, s in scores.items()}
        total = sum(exps.values())
        return keep, {t: e / total for t, e in exps.items()}

    def decide(
        self, text: str, members: Sequence[Mention], rules_type: EntityType
    ) -> EntityType | None:
        """The entity's type, or None to drop it; dates, events and the alias table's names
        stay as the rules have them. A type threshold above 1 keeps the rules' type."""
        if not self.keep or rules_type not in SIDEBAR_TYPES:
            return rules_type
        if any(m.table_name is not None or is_numbered_unit(m.surface) for m in members):
            return rules_type  # listed, or a unit by its number ("16th MP Brigade": digits)
        retype = self.type_threshold <= 1.0
        keep, by_type = self.probabilities(text, members, rules_type, types=retype)
        if keep < self.keep_threshold:
            return None
        if not retype:
            return rules_type
        best = max(SIDEBAR_TYPES, key=lambda t: by_type[t])
        return best if by_type[best] >= self.type_threshold else rules_type

    def to_json(self) -> dict[str, object]:
        return {
            "generic": list(self.generic),
            "typed": list(self.typed),
            "center": {
                n: [round(v, 6) for v in self.center[n]] for n in (*self.generic, *self.typed)
            },
            "keep": _rounded(self.keep),
            "shared": _rounded(self.shared),
            "blocks": {t: _rounded(self.blocks[t]) for t in SIDEBAR_TYPES},
            "keep_threshold": self.keep_threshold,
            "type_threshold": self.type_threshold,
            "last_words": {w: list(c) for w, c in sorted(self.tables.last.items())},
            "first_words": {w: list(c) for w, c in sorted(self.tables.first.items())},
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> EntityModel:
        def numbers(value: Sequence[float]) -> tuple[float, ...]:
            return tuple(float(v) for v in value)

        return cls(
            generic=tuple(raw["generic"]),
            typed=tuple(raw["typed"]),
            center={n: (float(m), float(s)) for n, (m, s) in raw["center"].items()},
            keep=numbers(raw["keep"]),
            shared=numbers(raw["shared"]),
            blocks={t: numbers(raw["blocks"][t]) for t in SIDEBAR_TYPES},
            tables=WordTables(
                {w: tuple(c) for w, c in raw["last_words"].items()},
                {w: tuple(c) for w, c in raw["first_words"].items()},
            ),
            keep_threshold=float(raw["keep_threshold"]),
            type_threshold=float(raw["type_threshold"]),
        )


def _rounded(values: Sequence[float]) -> list[float]:
    return [round(v, 6) for v in values]


def _dot(weights: Sequence[float], x: Sequence[float]) -> float:
    return weights[0] + sum(w * v for w, v in zip(weights[1:], x, strict=True))


MODEL_FILE = "entity_model.json"


@lru_cache(maxsize=1)
def shipped_model() -> EntityModel:
    """The coefficients bench/train_entity_types.py wrote, read once."""
    raw = resources.files("kimreader.analysis").joinpath(MODEL_FILE).read_text("utf-8")
    return EntityModel.from_json(json.loads(raw))
