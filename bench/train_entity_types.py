"""Learn the keep-and-type decision of analysis/entity_model.py from the development gold.

Development sets only: dev, heldout, fresh, fresh2 (mozilla-readability pages and ECB+ reports),
wndev, fresh4 to fresh9 (Wikinews), and the two shipped reports (gold in
tests/test_entities.py). Never fresh3 or the lead's blind sets.

1. Each page's entities as the rules group them (entities.entity_groups), each labelled from
   the gold: a real entity or not (a name no gold entity has, under any type; optional names are
   left out), and the gold's type. That is each set's reading by today's rules ("today"); the
   rules were tuned on every set, so on them their type is right almost always. Each set but
   dev, heldout and the shipped reports also has an "unseen" reading: the entities of the code
   before the set's gold landed (bench/entity_history.py, cached in /tmp), what the rules did
   on the set before it was tuned on.
2. Leave one set out: for each set, train on the others (`--train-on today`: their today
   readings; `both`: also their unseen ones), score the held-out set's sidebar in each of its
   readings (bench/entity_gold.score_page, as bench/entities.py does) with and without the
   decision; the unseen readings' figures are the honest ones for new text. The word tables a
   model learns from are built from its training sets only, and the features it trains on
   take, for each training set, tables built from the other ones. The thresholds are chosen by
   an inner leave-one-set-out on the training sets (`--no-retype`: the type model stays off).
3. Train on every set and write analysis/entity_model.json (fixed order, no randomness).

Run: python bench/train_entity_types.py [--no-write] [--no-loso] [--details]
                                        [--train-on today|both] [--no-retype]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import entity_gold  # bench/ is on sys.path when this script runs
import entity_history
import numpy as np

from kimreader.analysis.entities import build_entities, entity_groups, group_type, iter_model_spans
from kimreader.analysis.entity import Entity, EntityType
from kimreader.analysis.entity_model import (
    MODEL_FILE,
    SIDEBAR_TYPES,
    EntityModel,
    Evidence,
    WordTables,
    text_features,
    with_tables,
)
from kimreader.analysis.mentions import Mention
from kimreader.analysis.names import base_key, canonical_key
from kimreader.analysis.prose import Prose

ROOT = Path(__file__).resolve().parents[1]
SETS = (
    "dev",
    "heldout",
    "fresh",
    "fresh2",
    "wndev",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "shipped",
)
L2 = 1.0  # ridge penalty, over standardised features
STEPS = 2000
RATE = 0.5
IDENTITY = EntityModel()  # the rules alone
RULES_EVIDENCE = frozenset(
    {"rules person", "rules org", "rules place", "the rules' type", "mentions typed so"}
)


@dataclass
class Page:
    set: str
    gold: entity_gold.GoldPage
    body: str
    prose: Prose
    groups: list[list[Mention]]
    rules_types: list[EntityType]
    keep: list[int | None]  # 1 real, 0 not, None: optional or not a sidebar entity
    gold_types: list[EntityType | None]
    reading: str = "today"  # or "unseen": the rules before the set's gold landed


@dataclass
class OldProse:
    """The prose of an unseen reading (bench/entity_history.py): the old code's text, and where
    each of its mentions is in the body."""

    text: str
    spans: dict[tuple[int, int], tuple[int, int]]

    def body_span(self, start: int, end: int) -> tuple[int, int]:
        return self.spans[(start, end)]


def shipped_gold() -> list[tuple[entity_gold.GoldPage, str]]:
    """The shipped reports' gold (tests/test_entities.py) as pages of sidebar entities."""
    from entities import load_test_module

    module = load_test_module()
    bodies = module.shipped_bodies()
    pages = []
    for name, gold in module.GOLD.items():
        entities = tuple(
            entity_gold.GoldEntity(kind, tuple(entry.split("|")))
            for kind in SIDEBAR_TYPES
            for entry in gold.get(kind, ())
        )
        pages.append((entity_gold.GoldPage(name, entities, {}), bodies[name]))
    return pages


def load_pages(unseen: bool = True) -> list[Page]:
    """Today's reading of every set, and with `unseen` each set's unseen reading."""
    pages = today_pages()
    if unseen:
        pages.extend(unseen_pages())
    return pages


def unseen_pages() -> list[Page]:
    """The rules' entities of each set as the code before its gold had them
    (bench/entity_history.py), labelled from the gold as today's are."""
    pages = []
    for name, commit in entity_history.UNSEEN_AT.items():
        if name not in SETS:
            continue
        golds = entity_gold.load_gold(name)
        bodies = [entity_gold.page_body(g.name) for g in golds]
        readings = entity_history.readings_at(commit, bodies)
        for gold, body, reading in zip(golds, bodies, readings, strict=True):
            groups: list[list[Mention]] = []
            spans: dict[tuple[int, int], tuple[int, int]] = {}
            for group in reading["groups"]:
                members = []
                for raw in group["members"]:
                    fields = dict(raw)
                    spans[(fields["start"], fields["end"])] = tuple(fields.pop("body_span"))
                    members.append(Mention(**fields))
                groups.append(members)
            prose = OldProse(reading["text"], spans)
            pages.append(_labelled(name, gold, body, prose, groups, "unseen"))  # type: ignore[arg-type]
    return pages


def _labelled(
    name: str,
    gold: entity_gold.GoldPage,
    body: str,
    prose: Prose,
    groups: list[list[Mention]],
    reading: str,
) -> Page:
    rules = [group_type(members) for members in groups]
    keep: list[int | None] = []
    gold_types: list[EntityType | None] = []
    for members, rules_type in zip(groups, rules, strict=True):
        entity = build_entities(prose, [members], IDENTITY)[0]
        label = _label(entity, gold) if rules_type in SIDEBAR_TYPES else (None, None)
        keep.append(label[0])
        gold_types.append(label[1])
    return Page(name, gold, body, prose, groups, rules, keep, gold_types, reading)


def today_pages() -> list[Page]:
    listed: list[tuple[str, entity_gold.GoldPage, str]] = []
    for name in SETS:
        if name == "shipped":
            listed.extend(("shipped", gold, body) for gold, body in shipped_gold())
            continue
        for gold in entity_gold.load_gold(name):
            listed.append((name, gold, entity_gold.page_body(gold.name)))
    pages = []
    model_spans = iter_model_spans(body for _s, _g, body in listed)
    for (name, gold, body), (_body, prose, spans) in zip(listed, model_spans, strict=True):
        groups = entity_groups(prose, spans, body)
        pages.append(_labelled(name, gold, body, prose, groups, "today"))
    return pages


def _label(entity: Entity, gold: entity_gold.GoldPage) -> tuple[int | None, EntityType | None]:
    """(1, the gold's type) when a gold entity of some type has one of its names, preferring its
    own type; (0, None) for a name no gold entity has; (None, None) for an optional one."""
    for kind in (entity.type, *SIDEBAR_TYPES):
        keys = {canonical_key(a, kind) for a in (entity.name, *entity.aliases)}
        if any(g.type == kind and keys & g.keys for g in gold.entities):
            return 1, kind
    return (None, None) if gold.is_optional(entity) else (0, None)


def word_tables(pages: Sequence[Page]) -> WordTables:
    """Per gold entity, its names' last and first words, counted once per type (each gold page
    once, whatever its readings)."""
    last: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    first: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    golds = {(p.set, p.gold.name): p.gold for p in pages}
    for gold in golds.values():
        for wanted in gold.entities:
            index = SIDEBAR_TYPES.index(wanted.type)  # type: ignore[arg-type]
            keys = [base_key(a).split() for a in wanted.aliases]
            for word in {k[-1] for k in keys if k}:
                last[word][index] += 1
            for word in {k[0] for k in keys if k}:
                first[word][index] += 1
    return WordTables(
        {w: tuple(c) for w, c in sorted(last.items())},
        {w: tuple(c) for w, c in sorted(first.items())},
    )


_TEXT_EVIDENCE: dict[int, Evidence] = {}  # id of an entity's mention list -> its text evidence


def evidence(
    page: Page, members: list[Mention], rules_type: EntityType, tables: WordTables
) -> Evidence:
    """entity_model.features, its text part computed once per entity of the run."""
    found = _TEXT_EVIDENCE.get(id(members))
    if found is None:
        found = _TEXT_EVIDENCE[id(members)] = text_features(page.prose.text, members, rules_type)
    return with_tables(found, members, tables)


@dataclass
class Rows:
    """The labelled entities of some pages as arrays: generic evidence (n, g), typed evidence
    (n, 3, t), the rules' type's index, keep labels, gold type indices (-1: none)."""

    generic: np.ndarray
    typed: np.ndarray
    rules: np.ndarray
    keep: np.ndarray
    kind: np.ndarray
    generic_names: tuple[str, ...]
    typed_names: tuple[str, ...]


def training_rows(pages: Sequence[Page]) -> Rows:
    """Each set's features use word tables of the other sets, as unseen text would."""
    found: list[Evidence] = []
    rules: list[int] = []
    keeps: list[int] = []
    kinds: list[int] = []
    for name in dict.fromkeys(p.set for p in pages):
        tables = word_tables([p for p in pages if p.set != name])
        for page in (p for p in pages if p.set == name):
            for members, rules_type, keep, kind in zip(
                page.groups, page.rules_types, page.keep, page.gold_types, strict=True
            ):
                if keep is None:
                    continue
                found.append(evidence(page, members, rules_type, tables))
                rules.append(SIDEBAR_TYPES.index(rules_type))
                keeps.append(keep)
                kinds.append(SIDEBAR_TYPES.index(kind) if kind else -1)
    generic_names = tuple(found[0].generic)
    typed_names = tuple(found[0].typed["person"])
    return Rows(
        np.array([[e.generic[n] for n in generic_names] for e in found]),
        np.array([[[e.typed[t][n] for n in typed_names] for t in SIDEBAR_TYPES] for e in found]),
        np.array(rules),
        np.array(keeps, dtype=float),
        np.array(kinds),
        generic_names,
        typed_names,
    )


def _center(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = values.mean(axis=0)
    std = values.std(axis=0)
    return mean, np.where(std > 1e-9, std, 1.0)


_FITS: dict[tuple[tuple[str, str], ...], EntityModel] = {}  # the same training pages, once


def fit(pages: Sequence[Page]) -> EntityModel:
    """Both regressions on the pages' labelled entities, thresholds at their defaults (the
    pages: every page of some sets' readings)."""
    key = tuple(sorted({(p.set, p.reading) for p in pages}))
    if key not in _FITS:
        _FITS[key] = _fit(pages)
    return _FITS[key]


def _fit(pages: Sequence[Page]) -> EntityModel:
    rows = training_rows(pages)
    n, g = rows.generic.shape
    t = rows.typed.shape[2]
    g_mean, g_scale = _center(rows.generic)
    t_mean, t_scale = _center(rows.typed.reshape(-1, t))
    generic = (rows.generic - g_mean) / g_scale
    typed = (rows.typed - t_mean) / t_scale
    ones = np.ones((n, 1))
    keep_x = np.hstack([ones, generic, typed[np.arange(n), rows.rules]])
    keep = _fit_logistic(keep_x, rows.keep)
    has_type = rows.kind >= 0
    size = 1 + g
    phi = np.zeros((n, 3, t + 3 * size))
    phi[:, :, :t] = typed
    for index in range(3):
        phi[:, index, t + index * size : t + (index + 1) * size] = np.hstack([ones, generic])
    # The type is learned from the evidence alone, not from the rules' verdict (right for 98%
    # of the development entities: a model given it learns only to repeat it).
    for column, name in enumerate(rows.typed_names):
        if name in RULES_EVIDENCE:
            phi[:, :, column] = 0.0
    for column, name in enumerate(rows.generic_names):
        if name in RULES_EVIDENCE:
            phi[:, :, t + 1 + column :: size] = 0.0
    biases = [t + index * size for index in range(3)]
    weights = _fit_conditional_logit(phi[has_type], rows.kind[has_type], biases)
    names = (*rows.generic_names, *rows.typed_names)
    means = (*g_mean, *t_mean)
    scales = (*g_scale, *t_scale)
    center = {n: (float(m), float(s)) for n, m, s in zip(names, means, scales, strict=True)}
    return EntityModel(
        generic=rows.generic_names,
        typed=rows.typed_names,
        center=center,
        keep=tuple(float(v) for v in keep),
        shared=tuple(float(v) for v in weights[:t]),
        blocks={
            kind: tuple(float(v) for v in weights[t + i * size : t + (i + 1) * size])
            for i, kind in enumerate(SIDEBAR_TYPES)
        },
        tables=word_tables(pages),
    )


def _fit_logistic(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression by full-batch gradient descent from zero, L2 on all but the bias
    (the first column): deterministic."""
    weights = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2 / len(x))
    penalty[0] = 0.0
    for _ in range(STEPS):
        predicted = 1 / (1 + np.exp(-np.clip(x @ weights, -30, 30)))
        weights -= RATE * (x.T @ (predicted - y) / len(x) + penalty * weights)
    return weights


def _fit_conditional_logit(phi: np.ndarray, kind: np.ndarray, biases: list[int]) -> np.ndarray:
    """Softmax over the three types, each scored by phi[row, type] @ weights; L2 on all but the
    per-type biases."""
    n, _types, size = phi.shape
    weights = np.zeros(size)
    penalty = np.full(size, L2 / n)
    penalty[biases] = 0.0
    target = np.eye(3)[kind]
    for _ in range(STEPS):
        scores = phi @ weights
        exps = np.exp(scores - scores.max(axis=1, keepdims=True))
        predicted = exps / exps.sum(axis=1, keepdims=True)
        gradient = np.einsum("nk,nkd->d", predicted - target, phi) / n
        weights -= RATE * (gradient + penalty * weights)
    return weights


@dataclass(frozen=True)
class Cached(EntityModel):
    """A model whose probabilities were computed once (id of an entity's mention list ->
    (P(keep), P(type))), to try thresholds."""

    cache: dict[int, tuple[float, dict[EntityType, float]]] = field(default_factory=dict)

    def probabilities(
        self, text: str, members: Sequence[Mention], rules_type: EntityType, types: bool = True
    ) -> tuple[float, dict[EntityType, float]]:
        return self.cache[id(members)]


KEEP_THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5)
TYPE_THRESHOLDS = (0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01)  # 1.01: never retype
NEVER_RETYPE = (1.01,)


def train(pages: Sequence[Page], type_thresholds: Sequence[float] = TYPE_THRESHOLDS) -> EntityModel:
    """Fit on the pages, with the thresholds that score best when each of their sets is held
    out in turn (an inner leave-one-set-out: the thresholds never see the pages scored)."""
    cache: dict[int, tuple[float, dict[EntityType, float]]] = {}
    for name in dict.fromkeys(p.set for p in pages):
        model = fit([p for p in pages if p.set != name])
        for page in (p for p in pages if p.set == name):
            for members, rules_type in zip(page.groups, page.rules_types, strict=True):
                if rules_type in SIDEBAR_TYPES:
                    cache[id(members)] = model.probabilities_of(
                        evidence(page, members, rules_type, model.tables), rules_type
                    )
    cached = Cached(keep=(0.0,), cache=cache)
    trials = {
        (keep, kind): score(
            pages, replace(cached, keep_threshold=keep, type_threshold=kind), merge=False
        )[0].prf[2]
        for keep in KEEP_THRESHOLDS
        for kind in type_thresholds
    }
    keep, kind = max(trials, key=lambda pair: (round(trials[pair], 4), -pair[0], pair[1]))
    return replace(fit(pages), keep_threshold=keep, type_threshold=kind)


def score(
    pages: Sequence[Page], model: EntityModel, merge: bool = True
) -> tuple[entity_gold.PageScore, float]:
    """Sidebar P/R/F1 over the pages and, with `merge`, the within-article merge F1
    (bench/entities.py's)."""
    total = entity_gold.PageScore()
    counts = [0, 0, 0]
    for page in pages:
        entities = build_entities(page.prose, page.groups, model)
        total.add(entity_gold.score_page(entities, page.gold))
        if not merge:
            continue
        items = entity_gold.mention_items(page.body, entities, page.gold)
        pair = entity_gold.pairwise(items)
        counts = [c + n for c, n in zip(counts, pair, strict=True)]
    return total, entity_gold.pairwise_f1((counts[0], counts[1], counts[2]))[2]


POOLED = {
    "Wikinews": ("wndev", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9"),
    "pages": ("dev", "heldout", "fresh", "fresh2"),
}


def held_out(model: EntityModel, pages: Sequence[Page]) -> EntityModel:
    """The model with its probabilities for the pages' entities computed once (the same figures
    as the model's own `decide`, from the run's evidence cache)."""
    cache: dict[int, tuple[float, dict[EntityType, float]]] = {}
    for page in pages:
        for members, rules_type in zip(page.groups, page.rules_types, strict=True):
            if rules_type in SIDEBAR_TYPES:
                found = evidence(page, members, rules_type, model.tables)
                cache[id(members)] = model.probabilities_of(found, rules_type)
    return Cached(
        keep=model.keep,
        keep_threshold=model.keep_threshold,
        type_threshold=model.type_threshold,
        cache=cache,
    )


READINGS = ("today", "unseen")


def leave_one_set_out(
    pages: Sequence[Page],
    details: bool,
    train_on: Sequence[str],
    type_thresholds: Sequence[float] = TYPE_THRESHOLDS,
) -> None:
    """Each set scored, in each of its readings, by a model trained on the other sets' readings
    `train_on`."""
    print(
        f"Leave one set out, trained on the readings {', '.join(train_on)}, [thresholds]: "
        "sidebar P / R / F1 (merge F1), rules alone -> learned"
    )
    totals = {
        (pool, reading): (entity_gold.PageScore(), entity_gold.PageScore())
        for pool in POOLED
        for reading in READINGS
    }
    for name in SETS:
        model = train(
            [p for p in pages if p.set != name and p.reading in train_on], type_thresholds
        )
        thresholds = f"[{model.keep_threshold}, {model.type_threshold}]"
        for reading in READINGS:
            held = [p for p in pages if p.set == name and p.reading == reading]
            if not held:
                continue
            decided = held_out(model, held)
            before, merge_before = score(held, IDENTITY)
            after, merge_after = score(held, decided)
            for pool, members in POOLED.items():
                if name in members:
                    totals[pool, reading][0].add(before)
                    totals[pool, reading][1].add(after)
            print(
                f"  {name:8} {reading:6} {thresholds:12} {_prf(before)} ({merge_before:.2f}) -> "
                f"{_prf(after)} ({merge_after:.2f})"
            )
            if details:
                for line in _changes(held, decided):
                    print(f"      {line}")
    for (pool, reading), (before, after) in totals.items():
        if before.prf != (0.0, 0.0, 0.0) or reading == "today":
            print(
                f"  {pool} pooled, {reading} ({', '.join(POOLED[pool])}): "
                f"{_prf(before)} -> {_prf(after)}"
            )


def _changes(pages: Sequence[Page], model: EntityModel) -> list[str]:
    """What the decision changed, with the gold's word: dropped or retyped names."""
    lines = []
    for page in pages:
        for members, rules, keep, kind in zip(
            page.groups, page.rules_types, page.keep, page.gold_types, strict=True
        ):
            decided = model.decide(page.prose.text, members, rules)
            if decided != rules:
                gold = "optional" if keep is None else kind or "not real"
                name = members[0].surface
                lines.append(f"{name!r} {rules} -> {decided or 'dropped'} (gold: {gold})")
    return lines


def _prf(total: entity_gold.PageScore) -> str:
    return "{:.2f} / {:.2f} / {:.2f}".format(*total.prf)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="only the cross-validation")
    parser.add_argument("--details", action="store_true", help="list what each fold changed")
    parser.add_argument("--no-loso", action="store_true", help="only train and write")
    parser.add_argument("--no-retype", action="store_true", help="the decision only keeps or drops")
    parser.add_argument(
        "--train-on",
        choices=("today", "both"),
        default="today",
        help="train on today's readings only, or also on the unseen ones",
    )
    args = parser.parse_args()
    train_on = ("today",) if args.train_on == "today" else READINGS
    thresholds = NEVER_RETYPE if args.no_retype else TYPE_THRESHOLDS
    pages = load_pages()
    for reading in READINGS:
        labelled = [k for p in pages if p.reading == reading for k in p.keep if k is not None]
        count = sum(p.reading == reading for p in pages)
        print(
            f"{reading}: {count} pages, {len(labelled)} labelled entities, "
            f"{labelled.count(0)} not real"
        )
    if not args.no_loso:
        leave_one_set_out(pages, args.details, train_on, thresholds)
    if args.no_write:
        return 0
    model = train([p for p in pages if p.reading in train_on], thresholds)
    path = ROOT / "analysis" / MODEL_FILE
    path.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({len(model.generic) + len(model.typed)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
