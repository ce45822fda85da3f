"""Benchmark the comparison: gold figures on the shipped pair, an untuned pair, timing.

Run from the project root: python bench/compare.py [--no-entities]
Reads ../shared/testdata (mozilla readability pages) for the untuned pair and the timing texts.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

from kimreader.analysis.align import passages
from kimreader.analysis.compare import Comparison, compare_articles
from kimreader.corpus.article import Article

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "testdata" / "mozilla-readability" / "test" / "test-pages"
TIMING_PAGES_A = ["nytimes-1", "nytimes-2", "nytimes-3", "nytimes-4", "wapo-1", "wapo-2"]
TIMING_PAGES_B = ["bbc-1", "cnn", "guardian-1", "seattletimes-1", "herald-sun-1", "salon-1",
                  "telegraph", "ars-1", "citylab-1", "medium-1"]  # fmt: skip


# Hand-judged after reading each quote in context (not used for tuning): quote start -> speaker.
UNTUNED_SPEAKERS = {
    "appalled": "Eric Reeves",
    "There is no reason to believe": "Eric Reeves",
    "These guys are the worst": "Eric Reeves",
    "deal with the devil": "Eric Reeves",
    "real breakthroughs": "Obama",
    "On the way to his election": "Martin Indyk",
    "It can’t be repaired": "Martin Indyk",
    "While the United States is loved": "Robert M. Danin",
    "So the perceived enmity": "Robert M. Danin",
    "coming out in droves": "Likud party",
    "The United States and this administration": "Josh Earnest",
    "It undermines the values": "Josh Earnest",
    "Both sides are going to want": "Robert M. Danin",
    "But it is also a structural": "Robert M. Danin",
    "bad deal": "Benjamin Netanyahu",
    "The Republicans have said": "Martin Indyk",
    "That’s where a clash": "Martin Indyk",
    "Already, Israeli and Palestinian": "Obama",
    "has put aside efforts": "Obama",  # Obama's speech, quoted about Abbas
    "Now it’s hard to see": "Martin Indyk",
    "That has nothing to do": "Martin Indyk",
    "That could be an issue": "Martin Indyk",
}


def load_gold() -> ModuleType:
    """The gold list lives with its tests (tests/test_compare.py)."""
    spec = importlib.util.spec_from_file_location("gold", ROOT / "tests" / "test_compare.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_article(name: str) -> Article:
    """A mozilla test page's expected article text as paragraphs (its <p> elements)."""
    import lxml.html  # lazy: only the bench needs it

    tree = lxml.html.fromstring((PAGES / name / "expected.html").read_text(encoding="utf-8"))
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    body = "\n\n".join(p for p in paragraphs if p)
    return Article.create(name, body, url=f"mozilla:{name}", source=name)


def ratio(numerator: int, denominator: int) -> str:
    return f"{numerator}/{denominator} = {numerator / denominator:.2f}" if denominator else "n/a"


def gold_quotes(
    gold: ModuleType, cmp: Comparison, pair: tuple[Article, Article], label: str
) -> None:
    correct, found, total = gold.quote_scores(cmp, {"a": pair[0].body, "b": pair[1].body})
    print(f"quotes ({label}), speaker and full/fragment correct:")
    print(f"  precision {ratio(correct, found)}   recall {ratio(correct, total)}")
    for quote in cmp.quotes:
        ok = any(
            q[0] == quote.report
            and quote.text.startswith(q[1])
            and gold._fold(q[2]) == gold._fold(quote.speaker)
            for q in gold.GOLD_QUOTES
        )
        if not ok:
            print(f"  WRONG {quote.report} {quote.speaker!r}: {quote.text[:60]!r}")


def gold_differences(gold: ModuleType, cmp: Comparison) -> None:
    right = 0
    for topic, words_a, words_b in gold.GOLD_DIFFERENCES:
        right += any(
            d.topic == topic and words_a in d.a.sentence.text and words_b in d.b.sentence.text
            for d in cmp.differences
        )
    print("differences:")
    print(
        f"  precision {ratio(right, len(cmp.differences))}   "
        f"recall {ratio(right, len(gold.GOLD_DIFFERENCES))}"
    )
    for d in cmp.differences:
        print(f"  {d.topic:14} A {d.a.phrase!r:34} B {d.b.phrase!r}")
    for d in cmp.agreements:
        print(f"  agreement {d.topic}: A {d.a.phrase!r} B {d.b.phrase!r}")


def gold_alignment(gold: ModuleType, pair: tuple[Article, Article], default: float) -> None:
    print(
        "alignment (A = NYT passages; a match is right if its best B passage is in the gold set):"
    )
    print("  threshold  precision        recall           top-3 recall")
    for threshold in (0.0, 0.04, 0.06, 0.08, 0.10, 0.12, 0.15, 0.20):
        correct, predicted, positives, in_top3 = gold.alignment_scores(*pair, threshold)
        mark = " <- default" if abs(threshold - default) < 1e-9 else ""
        print(
            f"  {threshold:9.2f}  {ratio(correct, predicted):15}  {ratio(correct, positives):15}"
            f"  {ratio(in_top3, positives)}{mark}"
        )


def untuned_pairs() -> None:
    print("\n== untuned pair: nytimes-1 (US lifts Sudan sanctions) vs wapo-2 (US-Israel) ==")
    a, b = page_article("nytimes-1"), page_article("wapo-2")
    cmp = compare_articles(a, b)
    matched = [row for row in cmp.aligned if row.best]
    print(f"passages A {len(cmp.aligned)}, B {len(passages(b.body))}; "
          f"with a counterpart >= {cmp.threshold}: {len(matched)}")  # fmt: skip
    for row in sorted(matched, key=lambda r: -r.score)[:4]:
        print(f"  {row.score:.2f}  A {a.body[row.a_start : row.a_end][:60]!r}")
        print(f"        B {b.body[row.best.b_start : row.best.b_end][:60]!r}")  # type: ignore[union-attr]
    right = 0
    for quote in cmp.quotes:
        expected = next((v for k, v in UNTUNED_SPEAKERS.items() if quote.text.startswith(k)), "")
        right += bool(expected) and expected.lower() in quote.speaker.lower()
    marks = a.body.count("“") + b.body.count("“") + a.body.count('"') // 2 + b.body.count('"') // 2
    print(f"quotes: {len(cmp.quotes)} found for {marks} opening quote marks; speaker right "
          f"(hand-judged) {ratio(right, len(UNTUNED_SPEAKERS))}")  # fmt: skip
    for quote in cmp.quotes:
        print(f"  {quote.report} {quote.speaker or '(none)'!r:28} full={quote.full!s:5} "
              f"{quote.text[:50]!r}")  # fmt: skip
    print(f"differences: {[(d.topic, d.a.phrase, d.b.phrase) for d in cmp.differences]}")
    print(f"agreements: {[(d.topic, d.a.phrase) for d in cmp.agreements]}")
    print(f"distinctive A: {[t.term for t in cmp.distinctive_a]}")
    print(f"distinctive B: {[t.term for t in cmp.distinctive_b]}")

    print("\n== two versions: nytimes-2 vs the same with paragraphs shuffled, one rewritten ==")
    original = page_article("nytimes-2")
    blocks = original.body.split("\n\n")
    shuffled = blocks[:]
    random.Random(5).shuffle(shuffled)
    shuffled[0] = "An editor rewrote this paragraph completely about something else."
    version = Article.create("v2", "\n\n".join(shuffled), url="v2")
    cmp = compare_articles(original, version)
    exact = 0
    for row in cmp.aligned:
        if row.best is not None:
            moved = version.body[row.best.b_start : row.best.b_end]
            exact += original.body[row.a_start : row.a_end] == moved
    print(
        f"A passages {len(cmp.aligned)}: matched to their identical moved copy {exact}; "
        f"without counterpart {len(cmp.only_a)}; B passages without {len(cmp.only_b)}"
    )


def long_report(names: list[str], words: int) -> Article:
    paragraphs: list[str] = []
    for name in names:
        paragraphs.extend(page_article(name).body.split("\n\n"))
        if sum(len(p.split()) for p in paragraphs) >= words:
            break
    body, count = [], 0
    for paragraph in paragraphs:
        if count >= words:
            break
        body.append(paragraph)
        count += len(paragraph.split())
    return Article.create(names[0], "\n\n".join(body), url=names[0])


def median_ms(a: Article, b: Article, runs: int = 7) -> float:
    """Median wall time; each run gets fresh bodies (trailing newlines) so no cache helps."""
    compare_articles(a, b)  # warm: whoosh's stemmer import
    times = []
    for run in range(runs):
        fresh_a = a.with_changes(body=a.body + "\n" * (run + 1))
        fresh_b = b.with_changes(body=b.body + "\n" * (run + 1))
        start = time.perf_counter()
        compare_articles(fresh_a, fresh_b)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-entities", action="store_true", help="skip spaCy entities")
    args = parser.parse_args()
    gold = load_gold()
    files = sorted((ROOT / "corpus" / "articles").glob("*.md"))
    articles = [gold._load(path) for path in files]
    nyt = next(a for a in articles if "New York Times" in a.source)
    bloomberg = next(a for a in articles if "Bloomberg" in a.source)
    pair = (nyt, bloomberg)

    print("== gold pair: A = NYT 2018-06-19, B = Bloomberg 2019-01-09 ==")
    plain = compare_articles(*pair)
    gold_quotes(gold, plain, pair, "no entities")
    if not args.no_entities:
        from kimreader.analysis.entities import extract_entities

        entities_a, entities_b = extract_entities([nyt.body, bloomberg.body])
        gold_quotes(gold, compare_articles(nyt, bloomberg, entities_a, entities_b), pair,
                    "spaCy entities")  # fmt: skip
    gold_differences(gold, plain)
    gold_alignment(gold, pair, plain.threshold)
    untuned_pairs()

    print("\n== timing (median of 7 runs, no entities) ==")
    print(f"shipped pair ({len(nyt.body.split())} + {len(bloomberg.body.split())} words): "
          f"{median_ms(nyt, bloomberg):.1f} ms")  # fmt: skip
    long_a, long_b = long_report(TIMING_PAGES_A, 5000), long_report(TIMING_PAGES_B, 5000)
    print(f"two reports of {len(long_a.body.split())} and {len(long_b.body.split())} words: "
          f"{median_ms(long_a, long_b):.1f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
