"""Meaning measures on ECB+ (run by bench/compare.py, or alone: python bench/meaning.py).

../shared/testdata/ecbplus/ has 80 reports in 6 clusters of one event each, two clusters per
topic (topic 1: two celebrities entering rehab; 37: two earthquakes; 41: two attacks, on a Gaza
school and on a refugee camp in South Sudan). Same cluster = same event; same topic, other
cluster = related event; other topic = unrelated. The reports reserved for this session's blind
sets (bench/gold/reserved_fresh3.json) are left out of every measure here: 58 remain.

The ECB+ pairs are printed in two parts, by topic: "dev" (topics 1 and 37, where the thresholds
were first chosen) and "held-out" (any pair or query with a topic-41 report, once scored only
at the end). Every part has since been scored and tuned on: since 2026-12-06 all of them, and
every split of the hand gold but fresh3, are development data. Each measure is printed beside
a plain TF-IDF cosine measured in the same run (idf over the reports, stemmed words without
stop words).

Gold sentence pairs (same point) come from tests/gold/compare/*.json (written by hand, see its
README); each file names its split. Without --final every split but the blind fresh3 is
scored (all development data, fresh4r too since 2026-12-07; a pair using a reserved report is left
out); --final adds fresh3 (figures only: the lead scores it once, at the end). The verdict pairs of
tests/gold/compare/verdicts/fresh.json (ECB+ reports and mozilla pages) are scored with "fresh".
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from compare_gold import DEVELOPMENT_SPLITS
from entity_gold import VERDICT_ONLY

from kimreader.analysis.align import (
    DEFAULT_THRESHOLD,
    passages,
    term_tokens,
    tfidf_cosines,
)
from kimreader.analysis.compare import (
    AlignedMatch,
    claimed_for,
    compare_articles,
    match_reports,
    story_verdict,
)
from kimreader.analysis.embed import ArticleEmbeddings, embed_article
from kimreader.analysis.entity import Entity
from kimreader.analysis.related import rank_related
from kimreader.analysis.story import Verdict
from kimreader.analysis.text import all_sentences, content_terms
from kimreader.corpus.article import Article

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "testdata" / "ecbplus"
GOLD = ROOT / "tests" / "gold" / "compare"
EMBEDDINGS_CACHE = Path("/tmp/kimreader-bench/embeddings.json")
ENTITY_CACHE = Path("/tmp/kimreader-bench/ecbplus-entities.json")
HELD_OUT_TOPIC = "41"
# Splits of the hand gold (tests/gold/compare/README.md). Since 2026-12-06 every split scored
# before is development data (tuned on); only the blind fresh3 is scored with --final alone.
DEV_SPLITS = DEVELOPMENT_SPLITS
FINAL_SPLITS = (*DEV_SPLITS, "fresh3", "fresh10c")
# fresh3: ECB+ pairs written blind, the only split whose pairs may use a reserved report. Never
# fitted on; figures only. (fresh4r, the six related Wikinews pairs of verdicts/fresh4v.json,
# was blind until its one scoring in the tenth session; development data since 2026-12-07.)
BLIND_SPLIT = "fresh3"
# fresh9c (five ECB+ pairs, blind in the eleventh session) is development data since the twelfth.
# fresh10c: four ECB+ same-event pairs written blind in the twelfth session (2026-12-07);
# never fitted on, figures only.
BLIND_SPLITS = (BLIND_SPLIT, "fresh10c")
# Blind splits of verdict pairs only (tests/gold/compare/verdicts/SPLIT.json, no gold pair file):
# fresh4v (Wikinews articles, bench/gold/wikinews). Scored alone, once, by the lead at the end:
# bench/compare.py --verdicts fresh4v.
VERDICT_ONLY_SPLITS = VERDICT_ONLY  # bench/entity_gold.py's, which leaves them out of its splits
RESERVED_FILE = ROOT / "bench" / "gold" / "reserved_fresh3.json"


def reserved_reports() -> frozenset[str]:
    """ECB+ reports kept for the blind fresh3 sets (bench/gold/reserved_fresh3.json, both
    lists): no scoring here reads them, save the fresh3 gold pairs themselves."""
    if not RESERVED_FILE.is_file():
        return frozenset()
    data = json.loads(RESERVED_FILE.read_text(encoding="utf-8"))
    return frozenset(data.get("entities", []) + data.get("compare", []))


def is_reserved(name: str) -> bool:
    """Whether a report path ("text/1/1_12ecb.txt", "ecbplus/text/...") is reserved."""
    return Path(name).stem in reserved_reports()


def cached_embeddings(bodies: Sequence[str]) -> list[ArticleEmbeddings]:
    """Sentence embeddings of each body, kept by the body's hash in one bench cache (derived
    data: ECB+ reports, mozilla pages, gold pairs alike)."""
    import hashlib

    cached = json.loads(EMBEDDINGS_CACHE.read_text()) if EMBEDDINGS_CACHE.is_file() else {}
    found, added = [], False
    for body in bodies:
        key = hashlib.sha256(body.encode()).hexdigest()
        embeddings = ArticleEmbeddings.from_json(cached.get(key))
        if embeddings is None or not embeddings.matches(body):
            embeddings = embed_article(body)
            cached[key], added = embeddings.to_json(), True
        found.append(embeddings)
    if added:
        EMBEDDINGS_CACHE.parent.mkdir(parents=True, exist_ok=True)
        EMBEDDINGS_CACHE.write_text(json.dumps(cached))
    return found


@dataclass(frozen=True)
class Report:
    name: str  # e.g. "text/41/41_1ecb.txt"
    cluster: str
    article: Article
    embeddings: ArticleEmbeddings
    entities: tuple[Entity, ...] = ()

    @property
    def topic(self) -> str:
        return self.name.split("/")[1]

    @property
    def held_out(self) -> bool:
        return self.topic == HELD_OUT_TOPIC


def ecb_article(name: str) -> Article:
    """A report as kimreader reads a .txt file: its text is the body."""
    return Article.create(Path(name).stem, (ECB / name).read_text(encoding="utf-8"), url=name)


def load_reports() -> list[Report]:
    """The ECB+ reports, less the reserved ones, with their sentence embeddings."""
    clusters = {}
    for line in (ECB / "clusters.tsv").read_text(encoding="utf-8").splitlines():
        cluster, *files = line.split("\t")
        clusters.update({name: cluster for name in files if not is_reserved(name)})
    articles = [ecb_article(name) for name in clusters]
    embeddings = cached_embeddings([article.body for article in articles])
    named = zip(clusters.items(), articles, embeddings, strict=True)
    return with_entities([Report(n, c, article, stored) for (n, c), article, stored in named])


def with_entities(reports: list[Report]) -> list[Report]:
    """The reports with their entities as an import extracts them (spaCy; cached by body hash,
    derived data), for the verdict's evidence."""
    from dataclasses import replace

    from kimreader.analysis.versions import ENTITIES

    def key(report: Report) -> str:  # the extraction's version too: a new one is not stale
        return f"{ENTITIES}:{report.article.hash}"

    cached = json.loads(ENTITY_CACHE.read_text()) if ENTITY_CACHE.is_file() else {}
    missing = [r for r in reports if key(r) not in cached]
    if missing:
        from kimreader.analysis.entities import extract_entities

        found = extract_entities([r.article.body for r in missing])
        for report, entities in zip(missing, found, strict=True):
            cached[key(report)] = [entity.to_json() for entity in entities]
        ENTITY_CACHE.write_text(json.dumps(cached))
    return [
        replace(r, entities=tuple(Entity.from_json(e) for e in cached[key(r)])) for r in reports
    ]


def relation(a: Report, b: Report) -> str:
    if a.cluster == b.cluster:
        return "same"
    return "related" if a.topic == b.topic else "unrelated"


def tfidf_matrix(reports: Sequence[Report]) -> np.ndarray:
    """Plain TF-IDF cosine of every pair of reports (the baseline), idf over all of them."""
    texts = [content_terms(r.article.body) for r in reports]
    rows, terms, _ = term_tokens(texts)
    # Every report against every report: A = all, B = all (a second copy of the tokens).
    total = len(texts)
    both_rows = np.concatenate([rows, rows + total])
    both_terms = np.concatenate([terms, terms])
    matrix = tfidf_cosines(both_rows, both_terms, 2 * total, total, log_tf=True)
    return matrix


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Probability that a positive scores above a negative (ties count half)."""
    pos, neg = np.array(positives), np.array(negatives)
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def split_pairs(reports: Sequence[Report]) -> dict[str, list[tuple[int, int]]]:
    pairs: dict[str, list[tuple[int, int]]] = {"dev": [], "held-out": []}
    for i, j in itertools.combinations(range(len(reports)), 2):
        part = "held-out" if reports[i].held_out or reports[j].held_out else "dev"
        pairs[part].append((i, j))
    return pairs


def verdicts(reports: Sequence[Report], pairs: dict[str, list[tuple[int, int]]]) -> None:
    """Same / related / unrelated: the verdict against the truth, and how well the report
    similarity separates same-event pairs from the rest (AUC), beside a plain TF-IDF cosine
    whose two cuts are chosen on the dev pairs in this run (as ours were, once, by hand)."""
    baseline = tfidf_matrix(reports)
    cuts = best_cuts([float(baseline[i, j]) for i, j in pairs["dev"]],
                     [relation(reports[i], reports[j]) for i, j in pairs["dev"]])  # fmt: skip
    print("\n== same story or not: verdict vs truth (pairs of ECB+ reports) ==")
    for part, chosen in pairs.items():
        confusion: Counter[tuple[str, str]] = Counter()
        ours: dict[str, list[float]] = {"same": [], "other": []}
        plain: dict[str, list[float]] = {"same": [], "other": []}
        plain_kinds: Counter[tuple[str, str]] = Counter()
        for i, j in chosen:
            a, b = reports[i], reports[j]
            truth = relation(a, b)
            verdict = verdict_of(a, b)
            confusion[truth, verdict.kind] += 1
            key = "same" if truth == "same" else "other"
            ours[key].append(verdict.similarity)
            plain[key].append(float(baseline[i, j]))
            plain_kinds[truth, kind_at(float(baseline[i, j]), cuts)] += 1
        ours_auc, plain_auc = auc(ours["same"], ours["other"]), auc(plain["same"], plain["other"])
        print(f"  {part}: {len(chosen)} pairs; AUC same-event vs the rest: "
              f"meaning {ours_auc:.3f}, TF-IDF {plain_auc:.3f}")  # fmt: skip
        print_confusion("meaning verdict", confusion)
        print_confusion(f"TF-IDF cosine, cuts {cuts[0]:.3f} / {cuts[1]:.3f} (best on dev)",
                        plain_kinds)  # fmt: skip


def fresh_verdicts(reports: list[Report], split: str = "fresh") -> None:
    """The verdict on a split's pairs (tests/gold/compare/verdicts/SPLIT.json: written before
    kimreader ran on them; ECB+ reports, mozilla pages and Wikinews articles), beside TF-IDF with
    its dev cuts (idf over the unreserved reports and these pages)."""
    fresh = json.loads((GOLD / "verdicts" / f"{split}.json").read_text(encoding="utf-8"))
    by_name = {r.name: r for r in reports}
    pages: dict[str, Report] = {}  # pages, and the blind split's reserved reports
    for pair in fresh["pairs"]:
        for side in ("a", "b"):
            name = pair[side]
            if not name.startswith("ecbplus/") and name not in pages:
                pages[name] = page_report(name)
            elif name.removeprefix("ecbplus/") not in by_name and name not in pages:
                pages[name] = reserved_report(name.removeprefix("ecbplus/"))
    everyone = list(reports) + list(pages.values())
    baseline = tfidf_matrix(everyone)
    index = {r.name: k for k, r in enumerate(everyone)}
    dev = split_pairs(reports)["dev"]
    cuts = best_cuts([float(baseline[i, j]) for i, j in dev],
                     [relation(reports[i], reports[j]) for i, j in dev])  # fmt: skip
    ours: Counter[tuple[str, str]] = Counter()
    plain: Counter[tuple[str, str]] = Counter()
    print(f"\n== same story or not on the {split} pairs ({len(fresh['pairs'])}, scored once) ==")
    for pair in fresh["pairs"]:
        a, b = (by_name.get(pair[s].removeprefix("ecbplus/")) or pages[pair[s]] for s in "ab")
        verdict = verdict_of(a, b)
        tfidf = float(baseline[index[a.name], index[b.name]])
        ours[pair["relation"], verdict.kind] += 1
        plain[pair["relation"], kind_at(tfidf, cuts)] += 1
        print(f"    {pair['relation']:9} ours {verdict.kind:9} TF-IDF {kind_at(tfidf, cuts):9} "
              f"{Path(a.name).name} / {Path(b.name).name}: {verdict.summary()}")  # fmt: skip
    print_confusion("meaning verdict", ours)
    print_confusion(f"TF-IDF cosine, cuts {cuts[0]:.3f} / {cuts[1]:.3f} (best on dev)", plain)


# English mozilla pages that no fresh pair uses: reports of other events than any ECB+ one.
LOOK_ALIKE_PAGES = ("bbc-1", "cnn", "nytimes-2", "nytimes-3", "nytimes-4", "wapo-2",
                    "seattletimes-1", "herald-sun-1", "webmd-1", "medicalnewstoday", "salon-1",
                    "citylab-1", "breitbart", "cnet", "aclu", "quanta-1", "medium-1", "engadget",
                    "msn", "theverge")  # fmt: skip


def unrelated_pages(reports: Sequence[Report], splits: Sequence[str]) -> None:
    """Unrelated pairs that share a kind of story or a country: ECB+ reports against 20 mozilla
    news pages, and the pages against each other (dev: with the dev topics' reports; held-out:
    with topic 41's). Every such pair is unrelated; how many does the verdict call otherwise?"""
    pages = [
        page_report(f"mozilla-readability/test/test-pages/{name}") for name in LOOK_ALIKE_PAGES
    ]
    print("\n== unrelated look-alikes: ECB+ reports x 20 mozilla news pages, pages x pages ==")
    for part, held_out in (("dev", False), ("held-out", True)):
        if part not in splits:
            continue
        chosen = [(r, p) for r in reports if r.held_out == held_out for p in pages]
        if part == "dev":
            chosen += list(itertools.combinations(pages, 2))
        kinds = Counter(verdict_of(a, b).kind for a, b in chosen)
        print(
            f"  {part}: {len(chosen)} pairs, called "
            + ", ".join(f"{kind} {kinds[kind]}" for kind in ("same", "related", "unrelated"))
        )


def reserved_report(name: str) -> Report:
    """A report load_reports() leaves out (reserved for a blind split), read the same way."""
    for line in (ECB / "clusters.tsv").read_text(encoding="utf-8").splitlines():
        cluster, *files = line.split("\t")
        if name in files:
            break
    else:
        raise KeyError(f"{name}: not an ECB+ report")
    article = ecb_article(name)
    [embeddings] = cached_embeddings([article.body])
    return with_entities([Report(name, cluster, article, embeddings)])[0]


DATED_WIKINEWS = False  # bench/compare.py --dated: Wikinews pages with their publication dates


def page_report(name: str) -> Report:
    """A page as a report, embedded, with entities: a mozilla test page's expected.html
    paragraphs, or a Wikinews article ("wikinews/NAME", read as bench/entity_gold.py reads it)."""
    if name.startswith("wikinews/"):
        from entity_gold import wikinews_article  # bench/entity_gold.py

        article = wikinews_article(name, dated=DATED_WIKINEWS)
    else:
        article = mozilla_article(name)
    [embeddings] = cached_embeddings([article.body])
    return with_entities([Report(name, "page:" + article.title, article, embeddings)])[0]


def mozilla_article(name: str) -> Article:
    """A mozilla test page's expected.html paragraphs."""
    import lxml.html  # lazy: only the bench needs it

    folder = ECB.parent / name
    tree = lxml.html.fromstring((folder / "expected.html").read_text(encoding="utf-8"))
    body = "\n\n".join(p for p in (" ".join(e.text_content().split()) for e in tree.iter("p")) if p)
    return Article.create(folder.name, body, url=f"mozilla:{folder.name}")


def claimed_match(a: Report, b: Report) -> tuple[AlignedMatch, Verdict]:
    """What a comparison by meaning shows: sentences matched, the verdict (names as evidence),
    and no same points between reports called unrelated."""
    matched = match_reports(a.article, b.article, a.embeddings, b.embeddings)
    verdict = story_verdict(a.article, b.article, matched, a.entities, b.entities,
                            a.embeddings, b.embeddings)  # fmt: skip
    return claimed_for(matched, verdict, a.article, b.article)


def verdict_of(a: Report, b: Report) -> Verdict:
    """The verdict as a comparison gives it."""
    return claimed_match(a, b)[1]


def kind_at(score: float, cuts: tuple[float, float]) -> str:
    if score >= cuts[0]:
        return "same"
    return "related" if score >= cuts[1] else "unrelated"


def best_cuts(scores: list[float], truths: list[str]) -> tuple[float, float]:
    """The (same, related) cuts with the most right verdicts, over a grid of 0.025."""
    grid = [k * 0.025 for k in range(1, 40)]
    best = max(
        ((sum(kind_at(s, (high, low)) == t for s, t in zip(scores, truths, strict=True)),
          high, low) for high in grid for low in grid if low < high),
    )  # fmt: skip
    return best[1], best[2]


def print_confusion(label: str, confusion: Counter[tuple[str, str]]) -> None:
    kinds = ("same", "related", "unrelated")
    right = sum(confusion[k, k] for k in kinds)
    total = sum(confusion.values())
    print(f"    {label}: right {right}/{total} = {right / total:.2f}")
    for truth in kinds:
        row = [confusion[truth, kind] for kind in kinds]
        if sum(row):
            cells = "  ".join(f"{kind} {count:4}" for kind, count in zip(kinds, row, strict=True))
            print(f"      truth {truth:9}  -> {cells}")


def counterpart_rates(reports: Sequence[Report], pairs: dict[str, list[tuple[int, int]]]) -> None:
    """Share of A's passages shown with a counterpart, by truth: ours (through sentence pairs
    by meaning) against the lexical passage alignment (words + trigrams, the method before) and
    a plain TF-IDF passage cosine (words alone at 0.08, the method before that)."""
    print(
        "\n== alignment: share of passages with a counterpart (higher for same event is right) =="
    )
    methods: dict[str, Callable[[Report, Report], tuple[int, int]]] = {
        "meaning (now)": meaning_rate,
        f"words+trigrams @{DEFAULT_THRESHOLD}": lambda a, b: lexical_rate(
            a, b, 0.5, DEFAULT_THRESHOLD
        ),
        "plain TF-IDF @0.08": lambda a, b: lexical_rate(a, b, 1.0, 0.08),
    }  # fmt: skip
    for part, chosen in pairs.items():
        print(f"  {part}:")
        for label, method in methods.items():
            cells = []
            for truth in ("same", "related", "unrelated"):
                matched = total = 0
                for i, j in chosen:
                    if relation(reports[i], reports[j]) == truth:
                        m, t = method(reports[i], reports[j])
                        matched, total = matched + m, total + t
                cells.append(f"{truth} {matched / total if total else 0:.2f}")
            print(f"    {label:24} " + "   ".join(cells))


def meaning_rate(a: Report, b: Report) -> tuple[int, int]:
    """A's passages shown with a counterpart by the comparison by meaning (through its sentence
    pairs, none between reports it calls unrelated), and A's passages."""
    matched, _ = claimed_match(a, b)
    return sum(1 for row in matched.aligned if row.counterparts), len(matched.aligned)


def lexical_rate(a: Report, b: Report, weight: float, threshold: float) -> tuple[int, int]:
    from kimreader.analysis.align import similarity_matrix

    body_a, body_b = a.article.body, b.article.body
    pa, pb = passages(body_a), passages(body_b)
    if not pa or not pb:
        return 0, len(pa)
    matrix = similarity_matrix(body_a, pa, body_b, pb, weight)
    return int((matrix.max(axis=1) >= threshold).sum()), len(pa)


def related_precision(reports: Sequence[Report], splits: Sequence[str]) -> None:
    """P@5 of related articles with "same cluster" as relevant, queries split by topic."""
    baseline = tfidf_matrix(reports)
    ranked = f"all {len(reports)} ranked"
    print(f"\n== related articles: precision at 5 (relevant = same event), {ranked} ==")
    articles = [r.article for r in reports]
    vectors = {r.article.id: r.embeddings.article_vector() for r in reports}
    for part, held_out in (("dev", False), ("held-out", True)):
        if part not in splits:
            continue
        ours: list[float] = []
        plain: list[float] = []
        kept: list[int] = []
        kept_kinds: Counter[str] = Counter()
        by_id = {r.article.id: r for r in reports}
        for i, query in enumerate(reports):
            if query.held_out != held_out:
                continue
            others = [a for a in articles if a.id != query.article.id]
            ranked = rank_related(query.article, others, vectors)
            top = [r.article.id for r in ranked[:5]]
            ours.append(sum(by_id[t].cluster == query.cluster for t in top) / 5)
            above = [r for r in ranked if r.related]
            kept.append(len(above))
            kept_kinds.update(relation(query, by_id[r.article.id]) for r in above)
            order = np.argsort(-baseline[i], kind="stable")
            plain_top = [int(j) for j in order if j != i][:5]
            plain.append(sum(reports[j].cluster == query.cluster for j in plain_top) / 5)
        shown = sum(kept)
        print(f"  {part}: {len(ours)} queries; P@5 meaning+words {statistics.mean(ours):.3f}, "
              f"TF-IDF {statistics.mean(plain):.3f}")  # fmt: skip
        print(f"    above the cut: median {statistics.median(kept)} per query; of {shown}: "
              + ", ".join(f"{kind} {kept_kinds[kind]}" for kind in ("same", "related", "unrelated"))
              + " (related = same topic, another event)")  # fmt: skip


def gold_pairs(splits: Sequence[str]) -> list:
    """The hand gold pairs of these splits (bench/compare_gold.py) that may be scored: a pair
    using a reserved report only in the blind split it was written for."""
    from compare_gold import load_pairs

    return [
        pair
        for pair in load_pairs()
        if pair.split in splits
        and (pair.split == BLIND_SPLIT or not (is_reserved(pair.a.url) or is_reserved(pair.b.url)))
    ]


def gold_sentence_indices(pair: Any) -> set[tuple[int, int]]:
    """A gold pair's same-point pairs as (A sentence, B sentence) indices: the sentences
    (`all_sentences`) holding the start of each gold string."""
    sentences_a, sentences_b = all_sentences(pair.a.body), all_sentences(pair.b.body)

    def sentence_of(sentences: list, at: int) -> int:
        return next(k for k, s in enumerate(sentences) if s.start <= at < s.end)

    return {
        (sentence_of(sentences_a, a[0]), sentence_of(sentences_b, b[0])) for a, b in pair.same_point
    }


def gold_sentence_pairs(splits: Sequence[str]) -> None:
    """Same-point sentence pairs against hand gold (tests/gold/compare, any pair of reports):
    a gold pair is found when a sentence pair joins the sentences holding its two strings; a
    found pair is right when it is a gold pair."""
    print("\n== same-point sentence pairs against hand gold (tests/gold/compare) ==")
    totals: dict[str, list[int]] = {}
    for pair in gold_pairs(splits):
        if not pair.same_point:
            continue
        embeddings_a, embeddings_b = cached_embeddings([pair.a.body, pair.b.body])
        cmp = compare_articles(pair.a, pair.b, embeddings_a=embeddings_a,
                               embeddings_b=embeddings_b)  # fmt: skip
        sentences_a, sentences_b = all_sentences(pair.a.body), all_sentences(pair.b.body)
        expected = gold_sentence_indices(pair)
        starts_a = {s.start: k for k, s in enumerate(sentences_a)}
        starts_b = {s.start: k for k, s in enumerate(sentences_b)}
        found = {(starts_a[p.a_start], starts_b[p.b_start]) for p in cmp.sentence_pairs}
        right = len(found & expected)
        counts = totals.setdefault(pair.split, [0, 0, 0])
        counts[0] += right
        counts[1] += len(found)
        counts[2] += len(expected)
        print(f"  {pair.name} ({pair.split}): precision {right}/{len(found)}, "
              f"recall {right}/{len(expected)}")  # fmt: skip
    for split, (right, found, expected) in totals.items():
        precision = right / found if found else 0.0
        recall = right / expected if expected else 0.0
        print(f"  {split}: precision {precision:.2f} ({right}/{found}), "
              f"recall {recall:.2f} ({right}/{expected})")  # fmt: skip


def comparison_speed(long_a: Article, long_b: Article, runs: int = 7) -> None:
    """Two long reports, embeddings stored: the whole comparison when nothing of either report
    is remembered (new bodies each run: the baseline, a first comparison) and when each
    report's own analysis is (sentences, quotes, facts, counted words: a second comparison
    with either report, the screen's swap), by meaning and by words; median ms."""
    from kimreader.analysis.entities import extract_entities

    embeddings_a, embeddings_b = embed_article(long_a.body), embed_article(long_b.body)
    # Stored at import, as embeddings are: the app passes both to every comparison.
    entities_a, entities_b = extract_entities([long_a.body, long_b.body])
    words = f"{len(long_a.body.split())} + {len(long_b.body.split())} words"
    print(f"\n== comparison speed, {words}, embeddings and entities stored (median of {runs}) ==")
    counter = itertools.count(1)

    def new_bodies() -> tuple[Article, Article]:
        """The same reports as new strings (trailing newlines: the sentences and so the
        stored embeddings still match), so no per-report memory can help."""
        tail = "\n" * next(counter)
        return (long_a.with_changes(body=long_a.body + tail),
                long_b.with_changes(body=long_b.body + tail))  # fmt: skip

    def by_meaning(a: Article, b: Article) -> object:
        return compare_articles(a, b, entities_a, entities_b, None, embeddings_a, embeddings_b)

    def by_words(a: Article, b: Article) -> object:
        return compare_articles(a, b, entities_a, entities_b)

    def by_meaning_alone(a: Article, b: Article) -> object:
        matched = match_reports(a, b, embeddings_a, embeddings_b)
        return story_verdict(a, b, matched, entities_a, entities_b, embeddings_a, embeddings_b)

    cases: dict[str, tuple[Callable[[Article, Article], object], bool]] = {
        "by meaning, nothing remembered (baseline)": (by_meaning, False),
        "by meaning, each report's own analysis remembered": (by_meaning, True),
        "by words, nothing remembered": (by_words, False),
        "by words, each report's own analysis remembered": (by_words, True),
        "the part by meaning alone (sentences, pairs, verdict), remembered": (
            by_meaning_alone, True),
    }  # fmt: skip
    for label, (case, remembered) in cases.items():
        case(*new_bodies())  # warm: imports, and the remembered case's own analyses
        times = []
        for _ in range(runs):
            pair = (long_a, long_b) if remembered else new_bodies()
            if remembered:
                case(*pair)
            start = time.perf_counter()
            case(*pair)
            times.append((time.perf_counter() - start) * 1000)
        print(f"  {label}: {statistics.median(times):.0f} ms")


def embedding_speed(reports: Sequence[Report]) -> None:
    """Sentence embedding throughput against spaCy's NER on the same text (import's cost)."""
    from kimreader.analysis.entities import extract_entities

    articles = [r.article for r in reports[:30]]
    words = sum(len(a.body.split()) for a in articles)
    extract_entities(articles[:1])
    start = time.perf_counter()
    extract_entities(articles)
    ner = time.perf_counter() - start
    embed_article(articles[0].body)
    start = time.perf_counter()
    for article in articles:
        embed_article(article.body)
    embed = time.perf_counter() - start
    print("\n== import cost: embedding vs entity extraction, 30 ECB+ reports, 1 process ==")
    print(f"  {words} words: entities {ner:.1f} s ({words / ner:.0f} words/s), "
          f"embeddings {embed:.1f} s ({words / embed:.0f} words/s)")  # fmt: skip


def run(
    long_pair: tuple[Article, Article] | None = None, splits: Sequence[str] = DEV_SPLITS
) -> None:
    """The measures on the given splits: DEV_SPLITS (all development data now); FINAL_SPLITS
    adds the blind fresh3 gold pairs (`--final`, the lead's scoring at the end)."""
    reports = load_reports()
    pairs = {part: chosen for part, chosen in split_pairs(reports).items() if part in splits}
    scored = ", ".join(f"{part} ({len(chosen)} pairs)" for part, chosen in pairs.items())
    print(f"ECB+: {len(reports)} reports; dev = topics 1 and 37, held-out = any pair with a "
          f"topic {HELD_OUT_TOPIC} report; scored here: {scored}")  # fmt: skip
    verdicts(reports, pairs)
    unrelated_pages(reports, splits)
    for split in splits:
        if (GOLD / "verdicts" / f"{split}.json").is_file():
            fresh_verdicts(reports, split)
    counterpart_rates(reports, pairs)
    related_precision(reports, splits)
    gold_sentence_pairs(splits)
    if long_pair is not None:
        comparison_speed(*long_pair)
    embedding_speed(reports)


def run_verdicts(split: str) -> None:
    """Only the verdict on one split's pairs (a VERDICT_ONLY_SPLITS split, scored once)."""
    fresh_verdicts(load_reports(), split)


if __name__ == "__main__":
    run(splits=FINAL_SPLITS if "--final" in sys.argv else DEV_SPLITS)
    sys.exit(0)
