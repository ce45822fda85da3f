"""Measure entity extraction: quality on the shipped reports and on unseen pages, and speed.

1. Gold scores on the two shipped reports (gold lists in tests/test_entities.py).
2. Generalisation: four real pages from mozilla/readability's test set that the extraction was
   not tuned on; their people and places were listed by hand from the text (below), before
   looking at the output. Names in OPTIONAL (photo credits, contributors, vague regions) are
   neither required nor counted as junk.
3. Timing: entities for N synthetic ~800-word articles (sentences sampled deterministically from
   the English expected.html pages), one process and two processes.

Run: python bench/entities.py [--articles 1000] [--skip-timing] [--details]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared/testdata/mozilla-readability/test/test-pages"

UNSEEN_GOLD: dict[str, dict[str, list[str]]] = {
    "nytimes-1": {
        "person": [
            "Barack Obama|Obama",
            "Bill Clinton",
            "Osama bin Laden",
            "Omar Hassan al-Bashir",
            "Eric Reeves",
            "Donald J. Trump",
        ],
        "place": [
            "Sudan",
            "United States",
            "South Sudan",
            "London",
            "Africa",
            "Khartoum",
            "Kenya",
            "Tanzania",
            "Darfur",
            "Iran",
            "Syria",
            "Libya",
        ],
    },
    "bbc-1": {
        "person": ["Barack Obama", "Jon Sopel"],
        "place": [
            "United States",
            "Louisiana",
            "United Kingdom",
            "Iran",
            "Syria",
            "Kenya",
            "South Carolina",
            "Washington",
            "Cuba",
            "Nairobi",
            "Ethiopia",
        ],
    },
    "wapo-1": {
        "person": [
            "Habib Essid",
            "Josh Earnest",
            "Lotfi Azzouz",
            "Rachid Ghannouchi",
            "Ajmi Lourimi",
        ],
        "place": [
            "Cairo",
            "Tunisia",
            "Tunis",
            "Italy",
            "Poland",
            "Germany",
            "Spain",
            "Syria",
            "Washington",
            "United States",
            "London",
            "Egypt",
            "Libya",
            "Sirte",
            "Djerba",
        ],
    },
    "telegraph": {
        "person": [
            "Robert Mugabe",
            "Grace|Grace Mugabe",
            "Jonathan Moyo",
            "Saviour Kasukuwere",
            "Fidelis Mukonori",
            "Emmerson Mnangagwa",
            "Morgan Tsvangirai",
            "Jacob Zuma",
            "Sally",
        ],
        "place": ["Zimbabwe", "Harare", "Africa", "United Kingdom", "South Africa"],
    },
}
OPTIONAL: dict[str, dict[str, list[str]]] = {
    "nytimes-1": {"person": ["Ashraf Shazly"]},
    "bbc-1": {"place": ["North America", "Gulf"]},
    "wapo-1": {
        "person": ["Heba Habib", "Muhammad"],
        "place": ["Mediterranean", "Bardo National Museum|Bardo", "North Africa"],
    },
    "telegraph": {"place": ["Blue House", "West"]},
}
# English pages without a language in their metadata.
ENGLISH_WITHOUT_LANG = {"cnn", "wapo-1", "wapo-2", "salon-1", "lwn-1", "tmz-1", "medium-1"}
_COLD_LOAD = (
    "import time; t = time.perf_counter(); from kimreader.analysis.nlp import load_nlp; "
    "load_nlp(); print(f'{time.perf_counter() - t:.2f}')"
)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "figcaption", "pre")
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


def load_test_module() -> ModuleType:
    """tests/test_entities.py holds the gold lists and the scorer; bench and tests share them."""
    spec = importlib.util.spec_from_file_location("gold_entities", ROOT / "tests/test_entities.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_markdown(name: str) -> str:
    """expected.html as plain paragraphs (headings marked with ##), blank-line separated."""
    import lxml.html

    root = lxml.html.fromstring((PAGES / name / "expected.html").read_text("utf-8"))
    paragraphs = []
    for element in root.iter(*_BLOCKS):
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            paragraphs.append(f"## {text}" if element.tag.startswith("h") else text)
    return "\n\n".join(paragraphs) + "\n"


def print_scores(title: str, rows: list[tuple[str, dict[str, tuple[int, int, int]]]]) -> None:
    gold = load_test_module()
    print(f"\n{title}")
    print(f"{'article':44} {'type':7} {'gold':>4} {'found':>5} {'prec':>5} {'recall':>6}")
    totals: dict[str, list[int]] = {}
    for name, scores in rows:
        for entity_type, counts in scores.items():
            hits, junk, misses = counts
            if hits + junk + misses == 0:
                continue
            precision, recall = gold.precision_recall(counts)
            print(
                f"{name[:44]:44} {entity_type:7} {hits + misses:4} {hits + junk:5} "
                f"{precision:5.2f} {recall:6.2f}"
            )
            total = totals.setdefault(entity_type, [0, 0, 0])
            for index, value in enumerate(counts):
                total[index] += value
    for entity_type, (hits, junk, misses) in totals.items():
        precision, recall = gold.precision_recall((hits, junk, misses))
        print(
            f"{'ALL':44} {entity_type:7} {hits + misses:4} {hits + junk:5} "
            f"{precision:5.2f} {recall:6.2f}"
        )


def explain(name: str, found: list, gold: dict[str, list[str]], optional: dict) -> None:
    from kimreader.analysis.entities import canonical_key

    for entity_type, names in gold.items():
        wanted = {canonical_key(a, entity_type) for n in names for a in n.split("|")}
        spare = {
            canonical_key(a, entity_type)
            for n in optional.get(entity_type, ())
            for a in n.split("|")
        }
        got = {canonical_key(e.name, entity_type): e.name for e in found if e.type == entity_type}
        junk = [n for k, n in got.items() if k not in wanted and k not in spare]
        missed = [
            n
            for n in names
            if not {canonical_key(a, entity_type) for a in n.split("|")} & got.keys()
        ]
        print(f"  {name} {entity_type}: junk {junk} missed {missed}")


def quality(details: bool) -> None:
    from kimreader.analysis.entities import extract_entities

    gold = load_test_module()
    bodies = gold.shipped_bodies()
    found = extract_entities(list(bodies.values()))
    rows = [
        (name, gold.score_entities(ents, gold.GOLD[name]))
        for name, ents in zip(bodies, found, strict=True)
    ]
    print_scores("Shipped reports (gold in tests/test_entities.py)", rows)
    if details:
        for name, ents in zip(bodies, found, strict=True):
            explain(name, ents, gold.GOLD[name], {})

    pages = {name: page_markdown(name) for name in UNSEEN_GOLD}
    found = extract_entities(list(pages.values()))
    rows = [
        (name, gold.score_entities(ents, UNSEEN_GOLD[name], OPTIONAL.get(name)))
        for name, ents in zip(pages, found, strict=True)
    ]
    print_scores("Unseen pages (mozilla/readability test pages, people and places)", rows)
    if details:
        for name, ents in zip(pages, found, strict=True):
            explain(name, ents, UNSEEN_GOLD[name], OPTIONAL.get(name, {}))


def english_sentences() -> list[str]:
    sentences: list[str] = []
    for page in sorted(PAGES.iterdir()):
        meta_path = page / "expected-metadata.json"
        if not meta_path.is_file():
            continue
        lang = json.loads(meta_path.read_text("utf-8")).get("lang") or ""
        if not (lang.lower().startswith("en") or page.name in ENGLISH_WITHOUT_LANG):
            continue
        for paragraph in page_markdown(page.name).split("\n\n"):
            for sentence in _SENTENCE_END.split(paragraph.removeprefix("## ")):
                if 6 <= len(sentence.split()) <= 60:
                    sentences.append(sentence)
    return sentences


def synthetic_articles(count: int, words: int = 800, seed: int = 7) -> list[str]:
    """`count` articles of about `words` words, paragraphs of 3-5 sampled sentences."""
    sentences = english_sentences()
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        paragraphs: list[str] = []
        total = 0
        while total < words:
            paragraph = rng.sample(sentences, rng.randint(3, 5))
            total += sum(len(s.split()) for s in paragraph)
            paragraphs.append(" ".join(paragraph))
        articles.append("\n\n".join(paragraphs) + "\n")
    return articles


def timing(count: int) -> None:
    from kimreader.analysis.entities import entities_from_spans, extract_entities, markdown_prose
    from kimreader.analysis.nlp import installed_model_dir, load_nlp, verify_model

    started = time.perf_counter()
    verify_model(installed_model_dir())
    hashed = time.perf_counter() - started
    cold = subprocess.run(
        [sys.executable, "-c", _COLD_LOAD], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"\nSHA-256 check of the weights: {hashed:.2f} s; cold import + check + load: {cold} s")
    nlp = load_nlp()
    articles = synthetic_articles(count)
    words = sum(len(a.split()) for a in articles)
    print(f"Timing: {count} synthetic articles, {words / count:.0f} words each on average")
    print(f"{'processes':>9} {'seconds':>8} {'articles/s':>10} {'words/s':>8} {'load avg':>8}")
    results = {}
    for processes in (1, 2):
        started = time.perf_counter()
        results[processes] = extract_entities(articles, processes=processes)
        elapsed = time.perf_counter() - started
        load = os.getloadavg()[0]  # other work on the machine skews wall-clock figures
        print(
            f"{processes:9} {elapsed:8.1f} {count / elapsed:10.1f} {words / elapsed:8.0f} "
            f"{load:8.2f}"
        )
    print(f"same entities with 1 and 2 processes: {results[1] == results[2]}")
    sample = articles[:100]
    proses = [markdown_prose(body) for body in sample]
    docs = nlp.pipe(prose.text for prose in proses)
    spans = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
    laps = []
    for body, found in zip(sample, spans, strict=True):
        started = time.perf_counter()
        entities_from_spans(body, found)  # includes markdown_prose again
        laps.append(time.perf_counter() - started)
    print(
        f"post-processing (slips, aliases): {statistics.median(laps) * 1000:.1f} ms median/article"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--skip-timing", action="store_true")
    parser.add_argument("--details", action="store_true", help="list junk and missed names")
    args = parser.parse_args()
    if not PAGES.is_dir():
        print(f"missing test pages: {PAGES}", file=sys.stderr)
        return 1
    quality(args.details)
    if not args.skip_timing:
        timing(args.articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
