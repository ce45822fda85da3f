"""Fit and cross-validate the same-point model (analysis/align.py `same_point`) on the hand gold.

Run from the project root: python bench/same_point.py. Every gold pair of tests/gold/compare
except the blind split fresh3 (and any pair using a report reserved for fresh3) is development
data, fresh4r (the related Wikinews pairs) too since 2026-12-07: the model is a logistic
regression over `same_point_features`, fitted on the sentence pairs of the report pairs the
comparison's verdict calls one event (no entities: the ECB+ pairs), and each verdict has its
cut, where precision on its pairs falls to CUT_PRECISION (SAME_POINT_CUT for one event,
SAME_POINT_RELATED_CUT for related events: the Wikinews pairs). To say what that gives on pairs
it was not fitted on, each report pair is left out in turn: fitted on the others, cut on the
others, scored on it. Then each ECB+ topic (rehab, quakes, attacks; the Wikinews pairs are one
more, "(none)") is left out the same way: how the model holds on a kind of story it was not
fitted on (the attack reports are long, with many candidate pairs per gold one, the rehab
reports short). Printed: the cross-validated precision / recall (per split, per topic and in
all), the shipped constants' figures on all pairs (tuned on), and the refitted constants.

Sets of gold pairs not in the repository (publishers' texts: fresh16c, fresh18c, NewsWCL50
pairs of earlier rounds, development data now) can be wired into a scratch copy of the checkout
(their gold files in tests/gold/compare, their texts under ../shared/testdata, as
/work/dev16/measure.sh and /work/dev18/measure.sh do; both at once need the two sets' texts in
folders of their own, each gold file's "a"/"b" pointing there). Then `--fit-also SPLIT` fits on
them too, and `--check SPLIT` scores a set never fitted on, with the refitted constants and with
the shipped ones: how the model holds on pairs it was not fitted on (the shipped constants come
from `--fit-also fresh16c --check fresh18c`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from meaning import DEV_SPLITS, cached_embeddings, gold_pairs, gold_sentence_indices

from kimreader.analysis.align import (
    RANK_WORDS_WEIGHT,
    SAME_POINT_CUT,
    SAME_POINT_FEATURES,
    SAME_POINT_RELATED_CUT,
    claimed,
    same_point,
    same_point_features,
    sentence_cosines,
    usable_pairs,
)
from kimreader.analysis.compare import _meaning_cosines, match_reports, story_verdict
from kimreader.analysis.differences import dated_apart
from kimreader.analysis.text import all_sentences

# Precision the cut is chosen at on the pairs fitted on (a margin over the target's 0.6).
CUT_PRECISION = 0.62
# L2 penalty on the standardised weights (none on the bias).
PENALTY = 1.0


@dataclass(frozen=True)
class Labelled:
    """One report pair: the features and gold labels of its usable sentence pairs."""

    name: str
    split: str
    features: np.ndarray  # (usable pairs, features)
    gold: np.ndarray  # 1.0 where the gold says the two make the same point
    mutual: np.ndarray  # the rank score where the two are each other's best, else -1 (baseline)
    cosines: np.ndarray
    unreachable: int  # gold pairs the model cannot give (a sentence too short, dated apart)
    topic: str  # the ECB+ topic of the reports ("1": rehab, "37": quakes, "41": attacks)
    verdict: str  # the comparison's verdict on the pair (no entities): "same" or "related"


def labelled_pairs(splits: Sequence[str] = DEV_SPLITS) -> list[Labelled]:
    found = []
    # The development splits by name: a check set wired into a scratch checkout joins the
    # scored splits (meaning.FINAL_SPLITS), never the ones fitted on unless named (--fit-also).
    for pair in gold_pairs(splits):
        embeddings = cached_embeddings([pair.a.body, pair.b.body])
        cosines = _meaning_cosines(pair.a, pair.b, *embeddings)
        assert cosines is not None
        sentences_a, sentences_b = all_sentences(pair.a.body), all_sentences(pair.b.body)
        by_words, by_grams = sentence_cosines(pair.a.body, pair.b.body)
        usable = usable_pairs(sentences_a, sentences_b, dated_apart(sentences_a, sentences_b))
        cells = np.nonzero(usable)
        features = same_point_features(
            cosines, by_words, by_grams, usable,
            [len(s.text.split()) for s in sentences_a], [len(s.text.split()) for s in sentences_b],
            cells,
        )  # fmt: skip
        gold = np.zeros(cosines.shape)
        expected = gold_sentence_indices(pair)
        for i, j in expected:
            gold[i, j] = 1.0
        unreachable = sum(1 for i, j in expected if not usable[i, j])
        ranked = np.where(usable, cosines + RANK_WORDS_WEIGHT * by_words, -1.0)
        best = (ranked >= ranked.max(axis=1, keepdims=True)) & (
            ranked >= ranked.max(axis=0, keepdims=True)
        )
        mutual = np.where(best, ranked, -1.0)[cells]
        topic = _topic(pair.a.url)
        labels, near = gold[cells], cosines[cells]
        verdict = story_verdict(pair.a, pair.b, match_reports(pair.a, pair.b, *embeddings),
                                embeddings_a=embeddings[0], embeddings_b=embeddings[1])  # fmt: skip
        found.append(Labelled(pair.name, pair.split, features, labels, mutual, near, unreachable,
                              topic, verdict.kind))  # fmt: skip
    return found


def _topic(url: str) -> str:
    """The ECB+ topic of a gold report ("test:ecbplus/text/41/41_1ecb.txt": "41"), else ""."""
    parts = url.split("/")
    return parts[2] if len(parts) > 3 and parts[0].endswith("ecbplus") else ""


@dataclass(frozen=True)
class Fitted:
    """Weights and bias fitted on the pairs of one event, and the cut for each verdict."""

    weights: np.ndarray
    bias: float
    cuts: dict[str, float]  # verdict -> cut

    def chosen(self, pair: Labelled) -> np.ndarray:
        scores = probabilities(pair.features, self.weights, self.bias, pair.cosines)
        if pair.verdict == "unrelated":  # the comparison claims no same point there
            return np.zeros(len(scores), dtype=bool)
        return scores >= self.cuts.get(pair.verdict, self.cuts["same"])


def fitted_on(pairs: list[Labelled]) -> Fitted:
    """The weights and bias fitted on the pairs called one event (all pairs when none is), each
    verdict's cut where precision on its pairs falls to CUT_PRECISION (a verdict with no pairs
    takes the cut of the pairs fitted on)."""
    same = [p for p in pairs if p.verdict == "same"] or pairs
    features = np.vstack([p.features for p in same])
    weights, bias = fit(features, np.concatenate([p.gold for p in same]))

    def cut_of(chosen: list[Labelled]) -> float:
        scores = [probabilities(p.features, weights, bias, p.cosines) for p in chosen]
        return cut_at(np.concatenate(scores), np.concatenate([p.gold for p in chosen]))

    cuts = {"same": cut_of(same)}
    related = [p for p in pairs if p.verdict == "related"]
    cuts["related"] = cut_of(related) if related else cuts["same"]
    return Fitted(weights, bias, cuts)


def fit(features: np.ndarray, gold: np.ndarray) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method on standardised features; the weights and bias
    returned are for the raw features."""
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-9
    x = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    penalty = PENALTY * np.diag([1.0] * (x.shape[1] - 1) + [0.0])
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - gold) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    weights = w[:-1] / scale
    return weights, float(w[-1] - weights @ mean)


def probabilities(
    features: np.ndarray, weights: np.ndarray, bias: float, cosines: np.ndarray
) -> np.ndarray:
    """The model's probabilities, 0 where the meaning is too far for any point (`claimed`'s
    bars: SAME_POINT_MIN_COSINE, SHORT_MIN_COSINE for a short sentence)."""
    found = 1.0 / (1.0 + np.exp(-(features @ weights + bias)))
    return np.where(claimed(found, cosines, 0.0, shorter_words(features)), found, 0.0)


def shorter_words(features: np.ndarray) -> np.ndarray:
    """The length in words of each pair's shorter sentence (its feature is log1p of it)."""
    return np.rint(np.expm1(features[:, SAME_POINT_FEATURES.index("shorter length")]))


def cut_at(scores: np.ndarray, gold: np.ndarray, precision: float = CUT_PRECISION) -> float:
    """The lowest score whose pairs at or above it keep this precision."""
    order = np.argsort(-scores, kind="stable")
    ranked = scores[order]
    right = np.cumsum(gold[order])
    group_ends = np.r_[ranked[1:] < ranked[:-1], True]  # a cut takes every tie of its score
    kept = np.nonzero((right / np.arange(1, len(order) + 1) >= precision) & group_ends)[0]
    return float(ranked[kept.max()]) if len(kept) else float("inf")


def counts(chosen: np.ndarray, gold: np.ndarray, unreachable: int) -> np.ndarray:
    """(right, found, gold) of one pair."""
    return np.array([int((chosen & (gold == 1)).sum()), int(chosen.sum()), int(gold.sum())
                     + unreachable])  # fmt: skip


def figures(label: str, total: np.ndarray) -> str:
    right, found, expected = total
    precision = right / found if found else 0.0
    recall = right / expected if expected else 0.0
    return (f"{label}: precision {precision:.2f} ({right}/{found}), "
            f"recall {recall:.2f} ({right}/{expected})")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit-also", action="append", default=[], metavar="SPLIT",
                        help="a development split wired into this checkout (not in the "
                        "repository: fresh16c, fresh18c) to fit on too")  # fmt: skip
    parser.add_argument("--check", action="append", default=[], metavar="SPLIT",
                        help="a wired split never fitted on: scored with the constants refitted "
                        "on the others and with the shipped ones (leave one set out)")  # fmt: skip
    args = parser.parse_args(argv)
    pairs = labelled_pairs((*DEV_SPLITS, *args.fit_also))
    checks = labelled_pairs(tuple(args.check)) if args.check else []
    print(f"{len(pairs)} report pairs, {sum(int(p.gold.sum()) + p.unreachable for p in pairs)} "
          f"gold sentence pairs ({sum(p.unreachable for p in pairs)} not pairable)")  # fmt: skip
    print("\n== left out one report pair at a time: fitted and cut on the others ==")
    by_split: dict[str, np.ndarray] = {}
    baseline: dict[str, np.ndarray] = {}
    for k, left_out in enumerate(pairs):
        others = [p for i, p in enumerate(pairs) if i != k]
        gold = np.concatenate([p.gold for p in others])
        tally = counts(fitted_on(others).chosen(left_out), left_out.gold, left_out.unreachable)
        by_split[left_out.split] = by_split.get(left_out.split, 0) + tally
        print("  " + figures(f"{left_out.name} ({left_out.split})", tally))
        # Baseline: mutual best matches of cosine + words, the cut chosen the same way.
        mutual_cut = cut_at(np.concatenate([p.mutual for p in others]), gold)
        plain = counts(left_out.mutual >= mutual_cut, left_out.gold, left_out.unreachable)
        baseline[left_out.split] = baseline.get(left_out.split, 0) + plain
    for split, tally in by_split.items():
        print("  " + figures(f"{split}, each pair left out", tally))
        print("    " + figures("baseline, mutual best at a cut", baseline[split]))
    print("  " + figures("ALL, each pair left out", sum(by_split.values())))
    print("    " + figures("baseline, mutual best at a cut", sum(baseline.values())))

    print("\n== left out one ECB+ topic at a time (a kind of story not fitted on) ==")
    by_topic = np.zeros(3, dtype=int)
    for topic in sorted({p.topic for p in pairs}):
        fitted = fitted_on([p for p in pairs if p.topic != topic])
        tally = np.zeros(3, dtype=int)
        for p in pairs:
            if p.topic == topic:
                tally += counts(fitted.chosen(p), p.gold, p.unreachable)
        by_topic += tally
        print("  " + figures(f"topic {topic or '(none)'}", tally))
    print("  " + figures("ALL, each topic left out", by_topic))

    print("\n== shipped constants (analysis/align.py), on every pair (tuned on) ==")
    by_verdict: dict[str, np.ndarray] = {}
    for p in pairs:
        cut = SAME_POINT_RELATED_CUT if p.verdict == "related" else SAME_POINT_CUT
        chosen = claimed(same_point(p.features), p.cosines, cut, shorter_words(p.features))
        if p.verdict == "unrelated":  # the comparison claims no same point there
            chosen = np.zeros(len(p.gold), dtype=bool)
        by_verdict[p.verdict] = by_verdict.get(p.verdict, 0) + counts(chosen, p.gold,
                                                                      p.unreachable)  # fmt: skip
    for verdict, tally in sorted(by_verdict.items()):
        print("  " + figures(f"pairs called {verdict}", tally))
    print("  " + figures("all pairs", sum(by_verdict.values())))

    fitted = fitted_on(pairs)
    for split in args.check:
        chosen = [p for p in checks if p.split == split]
        refit = sum((counts(fitted.chosen(p), p.gold, p.unreachable) for p in chosen),
                    np.zeros(3, dtype=int))  # fmt: skip
        shipped = np.zeros(3, dtype=int)
        for p in chosen:
            cut = SAME_POINT_RELATED_CUT if p.verdict == "related" else SAME_POINT_CUT
            chosen_here = claimed(same_point(p.features), p.cosines, cut, shorter_words(p.features))
            if p.verdict == "unrelated":  # the comparison claims no same point there
                chosen_here = np.zeros(len(p.gold), dtype=bool)
            shipped += counts(chosen_here, p.gold, p.unreachable)
        print(f"\n== {split}, never fitted on ==")
        print("  " + figures("refitted on the splits above", refit))
        print("  " + figures("shipped constants", shipped))
    print("\n== refitted on every pair (paste into analysis/align.py) ==")
    for name, weight in zip(SAME_POINT_FEATURES, fitted.weights, strict=True):
        print(f"  {name:18} {weight:8.4f}")
    print(f"SAME_POINT_WEIGHTS = ({', '.join(f'{w:.4f}' for w in fitted.weights)})")
    print(f"SAME_POINT_BIAS = {fitted.bias:.4f}")
    print(f"SAME_POINT_CUT = {fitted.cuts['same']:.4f}")
    print(f"SAME_POINT_RELATED_CUT = {fitted.cuts['related']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
