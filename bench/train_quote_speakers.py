"""Fit the quote speaker model (analysis/quotes_model.py) on all development quote gold and
report how it does on text it was not fitted on.

Sets (each one fold): the Wikinews quote gold wndev, fresh4, fresh5, fresh6
(bench/gold/quotes_SPLIT.json) and the compare gold's quotes by split (dev, held-out, fresh,
fresh2 of tests/gold/compare; fresh3's pairs, and any pair using a report reserved for fresh3,
are never read). Every report's quotes are drafted by the rules with the report's spaCy entities,
as the comparison does; each gold quote is matched to the draft holding its first character
(bench/compare_gold.judge_quote's way), and each candidate speaker is labelled right when
`speaker_right` accepts it.

Leave-one-set-out: the regression and its two cuts are fitted on the other seven sets (the cuts
on out-of-fold probabilities of those seven, fitted six at a time) and the left-out set is
scored: right / wrong / missed per set, the rules alone beside it. Without --write nothing is
written; with it the model fitted on all eight sets goes to analysis/quotes_model.json.

Run: python bench/train_quote_speakers.py [--details] [--write]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from compare_gold import GOLD, GoldQuote, load_pair, speaker_right
from entity_gold import GOLD_DIR, RESERVED
from quotes import load_quote_gold

from kimreader.analysis.entity import Entity
from kimreader.analysis.quotes import _QuoteFinder
from kimreader.analysis.quotes_model import (
    LEFT_ALONE,
    Candidate,
    SpeakerModel,
    candidates,
    choose,
)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "analysis" / "quotes_model.json"
CACHE = Path("/tmp") / "kimreader-quote-entities.pickle"  # spaCy entities per body
WIKINEWS_SETS = ("wndev", "fresh4", "fresh5", "fresh6")
COMPARE_SETS = ("dev", "held-out", "fresh", "fresh2")
L2 = 1.0
STEPS = 3000
RATE = 0.5
WRONG_COST = 3.0  # a wrong speaker is worse than none: the cuts maximise right - 3 x wrong
WITHDRAW_CUTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
ADD_CUTS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)


@dataclass
class Item:
    """One gold quote, the draft the rules made of it (None when no quote holds it) and its
    candidates with their labels."""

    gold: GoldQuote
    rules: tuple[str, str, str]  # speaker, kind, cue
    draft: object | None
    candidates: list[Candidate]
    labels: list[bool]


@dataclass
class Body:
    name: str
    text: str
    quotes: list[GoldQuote]


def bodies_of(set_name: str) -> list[Body]:
    if set_name in WIKINEWS_SETS:
        return [Body(a.name, a.body, list(a.quotes)) for a in load_quote_gold(set_name)]
    reserved = set(json.loads((GOLD_DIR / RESERVED).read_text("utf-8"))["compare"])
    found: list[Body] = []
    for path in sorted(GOLD.glob("*.json")):
        raw = json.loads(path.read_text("utf-8"))
        if raw["split"] != set_name.removeprefix("cmp "):
            continue  # fresh3 is never read past its split
        if any(Path(raw[side]).stem in reserved for side in ("a", "b")):
            continue  # lohan-betty-ford: one of its reports is fresh3's
        pair = load_pair(path)
        for report, article in (("a", pair.a), ("b", pair.b)):
            quotes = [q for q in pair.quotes if q.report == report]
            found.append(Body(f"{pair.name} {report}", article.body, quotes))
    return found


def entities_for(texts: Sequence[str]) -> list[list[Entity]]:
    cache: dict[str, list[Entity]] = {}
    if CACHE.is_file():
        cache = pickle.loads(CACHE.read_bytes())
    missing = [t for t in texts if t not in cache]
    if missing:
        from kimreader.analysis.entities import extract_entities

        for text, found in zip(missing, extract_entities(missing), strict=True):
            cache[text] = list(found)
        CACHE.write_bytes(pickle.dumps(cache))
    return [cache[t] for t in texts]


def items_of(set_name: str) -> list[Item]:
    bodies = bodies_of(set_name)
    items: list[Item] = []
    for body, entities in zip(bodies, entities_for([b.text for b in bodies]), strict=True):
        finder = _QuoteFinder(body.text, entities)
        drafts = finder.drafts()
        context = finder.model_context()
        for gold in body.quotes:
            at = next(
                (i for i, d in enumerate(drafts) if d.span.start <= gold.at[0] < d.span.end), None
            )
            if at is None:
                items.append(Item(gold, ("", "", "no quote"), None, [], []))
                continue
            draft = drafts[at]
            rules = (draft.speaker, draft.kind, draft.cue)
            if draft.cue in LEFT_ALONE:
                items.append(Item(gold, rules, draft, [], []))
                continue
            found = candidates(context, drafts, at)
            labels = [speaker_right(c.speaker, gold) for c in found]
            items.append(Item(gold, rules, draft, found, labels))
    return items


def verdict(speaker: str, item: Item) -> str:
    if item.draft is None:
        return "missed"
    if speaker_right(speaker, item.gold):
        return "right"
    return "wrong" if speaker else "missed"


# -- fitting ----------------------------------------------------------------------------


def feature_names(items: Sequence[Item]) -> tuple[str, ...]:
    return tuple(sorted({name for item in items for c in item.candidates for name in c.features}))


def matrix(items: Sequence[Item], names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    rows = [
        [c.features.get(name, 0.0) for name in names] for item in items for c in item.candidates
    ]
    labels = [float(label) for item in items for label in item.labels]
    return np.array(rows, dtype=float).reshape(-1, len(names)), np.array(labels)


def fit_regression(items: Sequence[Item]) -> SpeakerModel:
    names = feature_names(items)
    x, y = matrix(items, names)
    mean = x.mean(axis=0)
    scale = np.where(x.std(axis=0) > 1e-9, x.std(axis=0), 1.0)
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    weights = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2 / len(z))
    penalty[0] = 0.0
    for _ in range(STEPS):
        predicted = 1 / (1 + np.exp(-np.clip(z @ weights, -30, 30)))
        weights -= RATE * (z.T @ (predicted - y) / len(z) + penalty * weights)
    return SpeakerModel(
        names=names,
        center=tuple((float(m), float(s)) for m, s in zip(mean, scale, strict=True)),
        weights=tuple(float(w) for w in weights),
        withdraw=0.0,
        add=1.01,
    )


def decided(model: SpeakerModel, item: Item, withdraw: float, add: float) -> str:
    if item.draft is None or not item.candidates:
        return item.rules[0]
    scored = [(model.probability(c.features), c) for c in item.candidates]
    return choose(withdraw, add, item.draft, scored)[0]  # type: ignore[arg-type]


def tally(speakers: Sequence[str], items: Sequence[Item]) -> Counter[str]:
    return Counter(verdict(s, item) for s, item in zip(speakers, items, strict=True))


def best_cuts(scored: Sequence[tuple[SpeakerModel, Item]]) -> tuple[float, float]:
    """The cuts that maximise right - WRONG_COST x wrong over out-of-fold scores."""

    def value(withdraw: float, add: float) -> float:
        counts = tally([decided(m, i, withdraw, add) for m, i in scored], [i for _m, i in scored])
        return counts["right"] - WRONG_COST * counts["wrong"]

    grid = [(w, a) for w in WITHDRAW_CUTS for a in ADD_CUTS]
    return max(grid, key=lambda cut: (value(*cut), -cut[0], cut[1]))


def fit(sets: dict[str, list[Item]]) -> SpeakerModel:
    """The regression on all `sets`; its cuts from each set scored by a fit on the others."""
    out_of_fold: list[tuple[SpeakerModel, Item]] = []
    for left_out in sets:
        inner = fit_regression(
            [i for name, items in sets.items() if name != left_out for i in items]
        )
        out_of_fold += [(inner, item) for item in sets[left_out]]
    withdraw, add = best_cuts(out_of_fold)
    model = fit_regression([i for items in sets.values() for i in items])
    return SpeakerModel(model.names, model.center, model.weights, withdraw, add)


def row(name: str, counts: Counter[str], total: int) -> str:
    return (
        f"{counts['right']:3}/{total} = {counts['right'] / max(total, 1):.2f}  "
        f"wrong {counts['wrong']:2} ({counts['wrong'] / max(total, 1):.2f})  "
        f"missed {counts['missed']:2}"
    )


def leave_one_set_out(sets: dict[str, list[Item]], details: bool) -> None:
    print(f"{'set':14} {'rules alone':40} {'with the model (fitted on the others)':40} cuts")
    before_all: Counter[str] = Counter()
    after_all: Counter[str] = Counter()
    for left_out, items in sets.items():
        model = fit({name: found for name, found in sets.items() if name != left_out})
        before = tally([item.rules[0] for item in items], items)
        speakers = [decided(model, item, model.withdraw, model.add) for item in items]
        after = tally(speakers, items)
        before_all += before
        after_all += after
        print(
            f"{left_out:14} {row(left_out, before, len(items)):40} "
            f"{row(left_out, after, len(items)):40} {model.withdraw:.2f}/{model.add:.2f}"
        )
        if details:
            for item, speaker in zip(items, speakers, strict=True):
                if speaker != item.rules[0]:
                    print(
                        f"    {item.rules[0]!r} -> {speaker!r} (gold {item.gold.speaker!r}): "
                        f"{verdict(item.rules[0], item)} -> {verdict(speaker, item)}"
                    )
    total = sum(len(items) for items in sets.values())
    print(f"{'all':14} {row('all', before_all, total):40} {row('all', after_all, total):40}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="every speaker the model changes")
    parser.add_argument("--write", action="store_true", help="write analysis/quotes_model.json")
    args = parser.parse_args()
    names = [*WIKINEWS_SETS, *(f"cmp {s}" for s in COMPARE_SETS)]
    sets = {name: items_of(name) for name in names}
    leave_one_set_out(sets, args.details)
    if args.write:
        model = fit(sets)
        SHIPPED.write_text(json.dumps(model.to_json(), indent=1) + "\n", "utf-8")
        print(f"wrote {SHIPPED} (cuts {model.withdraw} / {model.add})")
        for name, weight in sorted(
            zip(model.names, model.weights[1:], strict=True), key=lambda p: -abs(p[1])
        ):
            print(f"  {weight:+.2f} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
