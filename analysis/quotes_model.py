"""A learned second opinion on each quote's speaker: keep the rules' speaker, withdraw it, or
give one the rules did not find, and none when unsure.

The rules of quotes.py propose a speaker for a quote from its attribution. This step looks at
every speaker the quote could have: the rules' pick, the people and organisations named in the
quote's sentence and the sentences before it, and the speaker of the quote before. Each is
described by general evidence (how many sentences back it is named, whether a speech verb
follows or precedes the name there, whether it is the nearest person, a preposition's object,
the last quote's speaker, which rule proposed it, how many other people are named between) and
scored by one logistic regression. The rules' speaker is withdrawn when its score falls below
`withdraw` and another candidate is given when its score reaches `add`: both cuts are chosen
for precision ("a wrong speaker is worse than none"). bench/train_quote_speakers.py fits it on
the development quote gold (as today's rules and as the rules before they were tuned on each
set draft it) and writes analysis/quotes_model.json with --write; the model is used only when
that file ships. It does not now: leave-one-set-out, it withdrew more right speakers of today's
rules than wrong ones (docs/measurements.md has the figures).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Protocol

from kimreader.analysis.attribution import BEFORE_VERB
from kimreader.analysis.names import canonical_key
from kimreader.corpus.span import TextSpan

# How many sentences before a quote's own its speaker may be named.
SENTENCES_BACK = 3
# The rules' cues a candidate may carry ("none": the rules gave no speaker).
RULE_CUES = ("after", "before", "late", "subject", "previous", "continuation")
# Cues whose quotes the rules leave without a speaker on purpose (a title, a headline, two
# people speaking at once): the model does not touch them.
LEFT_ALONE = frozenset({"name", "headline", "joint", "thing", "described"})
# A preposition right before a name: the name is an object, not who acts.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|to|with|by|for|about|from|at|on|in|into|against|than|like|as|between|among|"
    r"toward|towards|under|over|after|before|without|via|and)\s+(?:the\s+)?$"
)
_SPEECH_RIGHT_AFTER = re.compile(
    rf"(?:,[^,.;“”\"]{{1,80}},)?\s+(?:has\s+|had\s+|also\s+|later\s+)?{BEFORE_VERB.pattern}"
)
_SPEECH_RIGHT_BEFORE = re.compile(rf"{BEFORE_VERB.pattern}\s+(?:[\w.\-]+\s+){{0,4}}$")
_PRONOUN_SPEAKS = re.compile(
    rf"\b(?:[Hh]e|[Ss]he)\s+(?:also\s+)?{BEFORE_VERB.pattern}|{BEFORE_VERB.pattern}\s+(?:he|she)\b"
)


class Resolver(Protocol):
    """Who a name as written stands for (speakers.People)."""

    def resolve(self, written: str, offset: int) -> str: ...


class Draft(Protocol):
    """What the model reads and writes of a quote the rules drafted (quotes._Draft)."""

    span: TextSpan
    paragraph: int
    full: bool
    cue: str
    speaker: str
    kind: str


@dataclass
class Candidate:
    """One speaker a quote may have, with the evidence for it."""

    speaker: str
    kind: str  # person | body | anonymous
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SpeakerModel:
    names: tuple[str, ...]
    center: tuple[tuple[float, float], ...]  # mean, scale per feature
    weights: tuple[float, ...]  # bias first
    withdraw: float  # the rules' speaker goes below this probability
    add: float  # another candidate is given at or above this one

    def probability(self, features: dict[str, float]) -> float:
        total = self.weights[0]
        for name, (mean, scale), weight in zip(
            self.names, self.center, self.weights[1:], strict=True
        ):
            total += weight * (features.get(name, 0.0) - mean) / scale
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))

    def to_json(self) -> dict[str, object]:
        return {
            "names": list(self.names),
            "center": [list(pair) for pair in self.center],
            "weights": list(self.weights),
            "withdraw": self.withdraw,
            "add": self.add,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SpeakerModel:
        names = data["names"]
        center = data["center"]
        weights = data["weights"]
        assert isinstance(names, list) and isinstance(center, list) and isinstance(weights, list)
        return cls(
            names=tuple(str(name) for name in names),
            center=tuple((float(m), float(s)) for m, s in center),
            weights=tuple(float(w) for w in weights),
            withdraw=float(str(data["withdraw"])),
            add=float(str(data["add"])),
        )


@lru_cache(maxsize=1)
def shipped_model() -> SpeakerModel | None:
    """The model in analysis/quotes_model.json; None when it is not there (then the rules
    alone decide)."""
    path = resources.files("kimreader.analysis").joinpath("quotes_model.json")
    if not path.is_file():
        return None
    return SpeakerModel.from_json(json.loads(path.read_text("utf-8")))


class Context:
    """The report a quote's candidates are read from: its sentences, the person (the entity
    model's) and organisation mentions outside quotes, and the quotes, all looked up by
    bisection."""

    def __init__(
        self,
        body: str,
        sentences: Sequence[TextSpan],
        paragraph_starts: Sequence[int],
        people: Resolver,
        persons: Sequence[tuple[int, int]],
        bodies: Sequence[tuple[int, int, str]],
        quotes: Sequence[TextSpan],
    ) -> None:
        self.body = body
        self.sentences = sentences
        self._sentence_starts = [s.start for s in sentences]
        self.paragraph_starts = paragraph_starts
        self.people = people
        self._quote_spans = sorted((q.start, q.end) for q in quotes)
        self._quote_starts = [start for start, _end in self._quote_spans]
        mentions: list[tuple[int, int, str, str]] = []
        for start, end in persons:
            if not self._inside_quote(start):
                mentions.append((start, end, "person", ""))
        for start, end, name in bodies:
            if not self._inside_quote(start):
                mentions.append((start, end, "body", name))
        self.mentions = sorted(mentions)
        self._mention_starts = [m[0] for m in self.mentions]
        self._counts: dict[str, int] = {}
        self._names: dict[tuple[int, int], str] = {}

    def _inside_quote(self, offset: int) -> bool:
        at = bisect_right(self._quote_starts, offset) - 1
        return at >= 0 and offset < self._quote_spans[at][1]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def name_of(self, mention: tuple[int, int, str, str]) -> str:
        start, end, kind, name = mention
        if kind == "body":
            return name
        key = (start, end)
        if key not in self._names:
            self._names[key] = self.people.resolve(self.body[start:end], start)
        return self._names[key]

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        first = bisect_left(self._mention_starts, start)
        last = bisect_left(self._mention_starts, end)
        return self.mentions[first:last]

    def count(self, key: str) -> int:
        """How often the report names a speaker (by key), outside quotes."""
        if not self._counts:
            for mention in self.mentions:
                found = _key(self.name_of(mention))
                self._counts[found] = self._counts.get(found, 0) + 1
        return self._counts.get(key, 0)


def _key(name: str) -> str:
    return canonical_key(name, "person") or name.lower()


def candidates(context: Context, drafts: Sequence[Draft], index: int) -> list[Candidate]:
    """Every speaker quote `index` of `drafts` (in text order) may have, with its evidence."""
    draft = drafts[index]
    body = context.body
    quote_start, quote_end = draft.span.start, draft.span.end
    own = context.sentence_index(quote_start)
    first = max(0, own - SENTENCES_BACK)
    window_start = context.sentences[first].start if context.sentences else 0
    own_sentence = context.sentences[own] if context.sentences else TextSpan(0, len(body), body)
    sentence_end = max(own_sentence.end, quote_end)
    found: dict[str, Candidate] = {}
    nearest_person = ""
    between: list[str] = []  # people named from the nearest back, in that order
    for mention in reversed(context.mentions_in(window_start, sentence_end)):
        start, end, kind, _name = mention
        name = context.name_of(mention)
        if not name:
            continue
        key = _key(name)
        after = start >= quote_end
        if kind == "person" and not after:
            if not nearest_person:
                nearest_person = key
            if key not in between:
                between.append(key)
        candidate = found.get(key)
        if candidate is None:
            candidate = found[key] = Candidate(name, kind)
        _mention_evidence(context, candidate.features, mention, own, quote_start, quote_end)
        if not after and "people between" not in candidate.features:
            others = [k for k in between if k != key]
            candidate.features["people between"] = float(min(len(others), 3))
    for key, candidate in found.items():
        candidate.features["nearest person"] = float(key == nearest_person)
    previous = next((d for d in reversed(drafts[:index]) if d.speaker), None)
    if previous is not None:
        candidate = _candidate(found, previous.speaker, previous.kind or "person")
        candidate.features["last quote's speaker"] = 1.0
        gap = own - context.sentence_index(previous.span.start)
        candidate.features["last quote sentences back"] = float(min(gap, 6))
        candidate.features["last quote same paragraph"] = float(
            previous.paragraph == draft.paragraph
        )
    if draft.speaker:
        candidate = _candidate(found, draft.speaker, draft.kind or "person")
        candidate.features["rules"] = 1.0
        cue = draft.cue if draft.cue in RULE_CUES else "other"
        candidate.features[f"rules {cue}"] = 1.0
    outside = body[own_sentence.start : quote_start] + body[quote_end : own_sentence.end]
    pronoun = float(bool(_PRONOUN_SPEAKS.search(outside)))
    speech_in_sentence = float(bool(BEFORE_VERB.search(outside)))
    opens_paragraph = float(
        context.paragraph_of(quote_start - 1) != context.paragraph_of(max(0, quote_start - 3))
    )
    for candidate in found.values():
        features = candidate.features
        features.setdefault("sentences back", float(SENTENCES_BACK + 1))
        features["not named near"] = float("named" not in features)
        features[f"kind {candidate.kind}"] = 1.0
        features["rules gave another"] = float(bool(draft.speaker) and "rules" not in features)
        features["rules gave none"] = float(not draft.speaker)
        features["he or she speaks in the sentence"] = pronoun
        features["pronoun x nearest person"] = pronoun * features.get("nearest person", 0.0)
        features["speech verb in the quote's sentence"] = speech_in_sentence
        features["quote opens its paragraph"] = opens_paragraph
        features["whole sentence quoted"] = float(draft.full)
        features["log mentions"] = math.log1p(context.count(_key(candidate.speaker)))
        _rule_evidence(features)
    return list(found.values())


def _rule_evidence(features: dict[str, float]) -> None:
    """How the rule that proposed a candidate meets the text around it: an attribution after
    the quote whose name is not in the quote's sentence (the next sentence's subject?), a
    sentence's subject with others named before the quote, a speaker carried on from far."""
    if not features.get("rules"):
        return
    named_here = features.get("named after the quote in its sentence", 0.0) or float(
        features.get("sentences back", 9.0) == 0.0
    )
    others_nearer = float(not features.get("nearest person") and "named" in features)
    for cue in ("after", "before", "subject", "continuation"):
        on = features.get(f"rules {cue}", 0.0)
        if not on:
            continue
        features[f"rules {cue} x not in the sentence"] = on * (1.0 - named_here)
        features[f"rules {cue} x not named near"] = on * features.get("not named near", 0.0)
        features[f"rules {cue} x another person nearer"] = on * others_nearer
        features[f"rules {cue} x people between"] = on * features.get("people between", 0.0)


def _candidate(found: dict[str, Candidate], speaker: str, kind: str) -> Candidate:
    key = _key(speaker)
    if key not in found:
        found[key] = Candidate(speaker, kind)
    return found[key]


def _mention_evidence(
    context: Context,
    features: dict[str, float],
    mention: tuple[int, int, str, str],
    own: int,
    quote_start: int,
    quote_end: int,
) -> None:
    """What one mention of a candidate says (mentions come nearest first; the nearest one
    before the quote sets the distance, any one may show a speech verb)."""
    body = context.body
    start, end, _kind, _name = mention
    features["named"] = 1.0
    if start >= quote_end:
        features["named after the quote in its sentence"] = 1.0
    else:
        back = float(own - context.sentence_index(start))
        if back < features.get("sentences back", math.inf):
            features["sentences back"] = back
            features["named in another paragraph"] = float(
                context.paragraph_of(start) != context.paragraph_of(quote_start)
            )
    head = body[max(0, start - 40) : start]
    speaks_after = bool(_SPEECH_RIGHT_AFTER.match(body, end, min(len(body), end + 120)))
    speaks_before = bool(_SPEECH_RIGHT_BEFORE.search(head))
    object_of = bool(_PREPOSITION_BEFORE.search(head))
    possessive = body.startswith(("'s", "’s"), end)
    near = own - context.sentence_index(start) <= 1 or start >= quote_end
    for name, value in (
        ("speech verb after a mention", speaks_after),
        ("speech verb before a mention", speaks_before),
        ("speech verb after a near mention", speaks_after and near),
    ):
        if value:
            features[name] = 1.0
    if "only an object" not in features:
        features["only an object"] = 1.0
    if not (object_of or possessive):
        features["only an object"] = 0.0


def decide(
    model: SpeakerModel, context: Context, drafts: Sequence[Draft]
) -> list[tuple[str, str, str]]:
    """(speaker, kind, cue) for each draft after the model's say: the rules' speaker kept,
    withdrawn, or another given."""
    decided: list[tuple[str, str, str]] = []
    for index, draft in enumerate(drafts):
        if draft.cue in LEFT_ALONE:
            decided.append((draft.speaker, draft.kind, draft.cue))
            continue
        scored = [(model.probability(c.features), c) for c in candidates(context, drafts, index)]
        decided.append(choose(model.withdraw, model.add, draft, scored))
    return decided


def choose(
    withdraw: float,
    add: float,
    draft: Draft,
    scored: Sequence[tuple[float, Candidate]],
) -> tuple[str, str, str]:
    """The rules' speaker unless the model doubts it; another only when the model is sure."""
    rules = next((p for p, c in scored if c.features.get("rules")), None)
    if rules is not None and rules >= withdraw:
        return draft.speaker, draft.kind, draft.cue
    others = [(p, c) for p, c in scored if not c.features.get("rules")]
    best = max(others, key=lambda pair: pair[0], default=None)
    if best is not None and best[0] >= add:
        return best[1].speaker, best[1].kind, "model"
    return "", "", "withdrawn" if draft.speaker else draft.cue
