"""Fit the quote speaker model (analysis/quotes_model.py) on the development quote gold and
report how it does on text it was not fitted on, against the rules alone.

Sets (each one fold): the Wikinews quote gold wndev, fresh4 to fresh9
(bench/gold/quotes_SPLIT.json) and the compare gold's quotes by split (dev, held-out, fresh,
fresh2 and fresh9c of tests/gold/compare; fresh4r's pairs have no quote gold; fresh3's pairs,
and any pair using a report reserved for fresh3, are never read). Each gold quote is matched
to the quote holding its first character (bench/compare_gold.judge_quote's way); each
candidate speaker is labelled right when `speaker_right` accepts it. Entities: spaCy's, as the
comparison has them.

Each set is read twice: as today's rules draft it (tuned on it: right almost always, so a model
fitted on that alone learns only to trust the rules) and as the rules drafted it before anyone
tuned on it (bench/quote_history.py: the code of the commit before its gold landed), which shows
how the rules go wrong on unseen text. Leave-one-set-out: the regression and its two cuts are
fitted on both readings of the other sets (the cuts on out-of-fold probabilities, chosen
to maximise right - WRONG_COST x wrong), then the left-out set is scored in both readings:
"unseen" (what the model does to rules that have not seen the text: the honest figure) and
"today". Without --write nothing is written; with it the model fitted on every set goes to
analysis/quotes_model.json, which turns it on in kimreader (docs/measurements.md says why it
is not shipped now).

Run: python bench/train_quote_speakers.py [--details] [--write]
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from compare_gold import GOLD, GoldQuote, load_pair, speaker_right
from entity_gold import GOLD_DIR, RESERVED
from quote_history import UNSEEN_AT, Drafted, drafts_at
from quotes import load_quote_gold
from train_entity_types import _center, _fit_logistic  # one logistic fit for bench models

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
# spaCy entities per body, for the checked-out commit (uncommitted entity code is not seen)
CACHE = Path(tempfile.gettempdir()) / (
    "kimreader-quote-entities-"
    + subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    + ".pickle"
)
WIKINEWS_SETS = ("wndev", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9")
COMPARE_SETS = ("dev", "held-out", "fresh", "fresh2", "fresh9c")
WRONG_COST = 3.0  # a wrong speaker is worse than none: the cuts maximise right - 3 x wrong
WITHDRAW_CUTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
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


def unseen_items_of(set_name: str) -> list[Item]:
    """The set's gold quotes as the rules drafted them before they were tuned on the set
    (bench/quote_history.py), with their candidates read by today's model code."""
    bodies = bodies_of(set_name)
    entities = entities_for([b.text for b in bodies])
    by_commit: dict[str, list[int]] = {}
    for index, body in enumerate(bodies):
        key = set_name if set_name in WIKINEWS_SETS else body.name.split()[0]
        by_commit.setdefault(UNSEEN_AT[key], []).append(index)
    drafted: dict[int, Drafted] = {}
    for commit, indexes in by_commit.items():
        given = [(bodies[i].text, [e.to_json() for e in entities[i]]) for i in indexes]
        for index, found in zip(indexes, drafts_at(commit, given), strict=True):
            drafted[index] = found
    items: list[Item] = []
    for index, body in enumerate(bodies):
        for gold in body.quotes:
            at = next(
                (d for d in drafted[index] if int(d[0]["start"]) <= gold.at[0] < int(d[0]["end"])),
                None,
            )
            if at is None:
                items.append(Item(gold, ("", "", "no quote"), None, [], []))
                continue
            facts, found = at
            draft = SimpleNamespace(**facts)
            rules = (str(facts["speaker"]), str(facts["kind"]), str(facts["cue"]))
            if draft.cue in LEFT_ALONE:
                items.append(Item(gold, rules, draft, [], []))
                continue
            candidates_ = [Candidate(name, kind, features) for name, kind, features in found]
            labels = [speaker_right(c.speaker, gold) for c in candidates_]
            items.append(Item(gold, rules, draft, candidates_, labels))
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
    """The regression alone (no cuts), fitted as the entity model's keep regression is."""
    names = feature_names(items)
    x, y = matrix(items, names)
    mean, scale = _center(x)
    weights = _fit_logistic(np.hstack([np.ones((len(x), 1)), (x - mean) / scale]), y)
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


def row(counts: Counter[str], total: int) -> str:
    return (
        f"{counts['right']:3}/{total} = {counts['right'] / max(total, 1):.2f} "
        f"wrong {counts['wrong']:2} ({counts['wrong'] / max(total, 1):.2f}) "
        f"missed {counts['missed']:2}"
    )


def training_sets(
    unseen: dict[str, list[Item]], now: dict[str, list[Item]], left_out: str = ""
) -> dict[str, list[Item]]:
    """Each set's quotes as the rules drafted them unseen and as they draft them today (one
    fold: the two are the same text), but `left_out`."""
    return {name: unseen[name] + now[name] for name in unseen if name != left_out}


def leave_one_set_out(
    unseen: dict[str, list[Item]], now: dict[str, list[Item]], details: bool
) -> None:
    """Each set left out in turn: the model fitted on the other sets' unseen-rules quotes, then
    applied to the left-out set's quotes as the rules drafted them before seeing it (the
    honest figure) and as today's rules draft them (tuned on it)."""
    print(f"{'set':13} {'':7} {'rules alone':34} {'rules + model (fitted on the others)':34} cuts")
    totals: dict[str, Counter[str]] = {}
    for left_out in unseen:
        model = fit(training_sets(unseen, now, left_out))
        for label, items in (("unseen", unseen[left_out]), ("today", now[left_out])):
            before = tally([item.rules[0] for item in items], items)
            speakers = [decided(model, item, model.withdraw, model.add) for item in items]
            after = tally(speakers, items)
            totals.setdefault(f"{label} before", Counter()).update(before)
            totals.setdefault(f"{label} after", Counter()).update(after)
            totals.setdefault(f"{label} n", Counter())["n"] += len(items)
            print(
                f"{left_out:13} {label:7} {row(before, len(items)):34} "
                f"{row(after, len(items)):34} {model.withdraw:.2f}/{model.add:.2f}"
            )
            if details:
                for item, speaker in zip(items, speakers, strict=True):
                    if speaker != item.rules[0]:
                        print(
                            f"      {item.rules[0]!r} -> {speaker!r} (gold {item.gold.speaker!r}):"
                            f" {verdict(item.rules[0], item)} -> {verdict(speaker, item)}"
                        )
    for label in ("unseen", "today"):
        n = totals[f"{label} n"]["n"]
        print(
            f"{'all':13} {label:7} {row(totals[f'{label} before'], n):34} "
            f"{row(totals[f'{label} after'], n):34}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="every speaker the model changes")
    parser.add_argument("--write", action="store_true", help="write analysis/quotes_model.json")
    args = parser.parse_args()
    names = [*WIKINEWS_SETS, *(f"cmp {s}" for s in COMPARE_SETS)]
    unseen = {name: unseen_items_of(name) for name in names}
    now = {name: items_of(name) for name in names}
    leave_one_set_out(unseen, now, args.details)
    if args.write:
        model = fit(training_sets(unseen, now))
        SHIPPED.write_text(json.dumps(model.to_json(), indent=1) + "\n", "utf-8")
        print(f"wrote {SHIPPED} (cuts {model.withdraw} / {model.add})")
        for name, weight in sorted(
            zip(model.names, model.weights[1:], strict=True), key=lambda p: -abs(p[1])
        ):
            print(f"  {weight:+.2f} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
