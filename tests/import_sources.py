"""Small distinct articles as .md source files, for the tests that import them while killing,
reading or checking (each holds TOKEN, which no shipped report does)."""

from __future__ import annotations

import random
from pathlib import Path

from kimreader.corpus.article import Article
from kimreader.corpus.readers import read_file

TOKEN = "crashtesttoken"  # in every source article, in no shipped one
WORDS = (
    "Pyongyang Seoul talks sanctions minister summit trade border envoy delegation missile "
    "treaty Beijing Washington ceasefire visit statement agency reported officials"
).split()


def write_sources(folder: Path, count: int, seed: int = 7) -> dict[str, Article]:
    """`count` small distinct articles as .md files; returns id -> the article they import as."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    expected = {}
    for number in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(150))
        path = folder / f"a{number:04d}.md"
        path.write_text(
            f"---\ntitle: Report {number}\nsource: Wire\nauthor: Jane Doe\n---\n"
            f"{body}\n\nParagraph two of report {number}, {TOKEN}.\n",
            encoding="utf-8",
        )
        article = read_file(path)
        expected[article.id] = article
    return expected
