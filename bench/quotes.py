"""Measure quote speakers on single articles: the quote gold of bench/gold/quotes_SPLIT.json.

Each article's quotes are found as the comparison finds a report's quotes (analysis/quotes.py's
`quotes_and_reported_speech` with the article's own entities, as `compare_articles` calls it), and
each gold quote is judged as bench/compare.py judges a pair's (bench/compare_gold.py: the quote
holding the gold quote's first character; its speaker right through `speaker_right`).

Splits: wndev (10 Wikinews articles, gold written blind; scored unseen once, then tuned on),
fresh4 (12 others, blind: only the lead scores them, once, at the end) and the later Wikinews
splits of bench/gold/wikinews/manifest.json; besides them, splits of other pages (no
"wikinews/" page in their file): mozdev (12 English news pages of the mozilla-readability test
pages, development data written from the text alone). The gold format is that of
tests/gold/compare/README.md's quotes, per page: {"pages": {"wikinews/NAME": [{"quote",
"speaker", "kind", "accept"}]}}; the page's body is the whole text of bench/gold/wikinews/NAME.txt,
or for another page the body bench/entity_gold.py's `page_body` gives it (a mozilla-readability
test page by its folder name: "nytimes-1").

Run: python bench/quotes.py [--split wndev|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10
                            |fresh11|wnrev|fresh12|mozdev]
                            [--details]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import entity_gold  # bench/ is on sys.path when this script runs
from compare_gold import GoldQuote, judge_quote, quote_words


def page_splits() -> tuple[str, ...]:
    """The quote gold splits of pages that are not Wikinews articles: the quotes_SPLIT.json files
    with no "wikinews/" page (mozdev), by name."""
    splits = []
    for path in sorted(entity_gold.GOLD_DIR.glob("quotes_*.json")):
        pages = json.loads(path.read_text("utf-8"))["pages"]
        if not any(name.startswith("wikinews/") for name in pages):
            splits.append(path.stem.removeprefix("quotes_"))
    return tuple(splits)


SPLITS = (*entity_gold.wikinews_splits(), *page_splits())


@dataclass(frozen=True)
class GoldArticle:
    name: str  # "wikinews/NAME", or another page's name ("nytimes-1")
    body: str
    quotes: tuple[GoldQuote, ...]


def gold_path(split: str) -> Path:
    return entity_gold.GOLD_DIR / f"quotes_{split}.json"


def load_quote_gold(split: str) -> list[GoldArticle]:
    """Every page of quotes_SPLIT.json with its body and its quotes located (each found once)."""
    raw = json.loads(gold_path(split).read_text("utf-8"))
    articles = []
    for name, items in raw["pages"].items():
        body = entity_gold.page_body(name)
        quotes = tuple(
            GoldQuote(
                "",
                quote_words(body, item["quote"], name),
                item["speaker"],
                item["kind"],
                tuple(item.get("accept", ())),
            )
            for item in items
        )
        articles.append(GoldArticle(name, body, quotes))
    return articles


def score_split(split: str, details: bool) -> Counter[str]:
    """Verdicts ("right", "WRONG", "no quote", "no speaker") over the split's gold quotes, also
    per kind of speaker ("right person", ...); prints a row per article."""
    from kimreader.analysis.entities import extract_entities
    from kimreader.analysis.quotes import quotes_and_reported_speech

    articles = load_quote_gold(split)
    found_entities = extract_entities([article.body for article in articles])
    total: Counter[str] = Counter()
    print(f"Quote speakers ({split}: bench/gold/quotes_{split}.json), per article")
    print(f"{'article':34} {'gold':>4} {'right':>5} {'wrong':>5} {'missed':>6}")
    for article, entities in zip(articles, found_entities, strict=True):
        found, _reported = quotes_and_reported_speech(article.body, entities)
        verdicts: Counter[str] = Counter()
        lines = []
        for gold in article.quotes:
            verdict, speaker = judge_quote(gold, found)
            verdicts[verdict] += 1
            verdicts[f"{verdict} {gold.kind}"] += 1
            text = article.body[gold.at[0] : gold.at[1]][:48]
            lines.append(f"  {verdict:10} gave {speaker!r:26} gold {gold.speaker!r}: {text!r}")
        missed = verdicts["no quote"] + verdicts["no speaker"]
        label = article.name.removeprefix("wikinews/")[:34]
        print(
            f"{label:34} {len(article.quotes):4} {verdicts['right']:5} {verdicts['WRONG']:5} "
            f"{missed:6}"
        )
        if details:
            print("\n".join(lines))
        total += verdicts
        total["gold"] += len(article.quotes)
        for gold in article.quotes:
            total[f"gold {gold.kind}"] += 1
    return total


def summary(split: str, total: Counter[str]) -> str:
    gold = max(total["gold"], 1)
    missed = total["no quote"] + total["no speaker"]
    kinds = ", ".join(
        f"{kind} {total[f'right {kind}']}/{total[f'gold {kind}']}"
        for kind in ("person", "body", "anonymous", "none")
        if total[f"gold {kind}"]
    )
    return (
        f"{split}: {total['gold']} quotes in gold; right {total['right']} "
        f"({total['right'] / gold:.2f}), wrong {total['WRONG']} ({total['WRONG'] / gold:.2f}), "
        f"missed {missed} ({missed / gold:.2f}: no quote {total['no quote']}, no speaker "
        f"{total['no speaker']})\nright by kind of speaker: {kinds}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="wndev",
        help="wndev, fresh4-fresh7: development (tuned on; fresh4-7 first scored unseen by the "
        "lead); fresh8: the tenth round's blind set (scored once); mozdev: mozilla-readability "
        "news pages (development)",
    )
    parser.add_argument("--details", action="store_true", help="each gold quote and its verdict")
    args = parser.parse_args()
    if not gold_path(args.split).is_file():
        print(f"no quote gold for {args.split} yet ({gold_path(args.split)})", file=sys.stderr)
        return 1
    print("\n" + summary(args.split, score_split(args.split, args.details)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
