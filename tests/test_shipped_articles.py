"""The two reports kimreader ships with, cleaned from ../shared/seeds/ by its README's rules."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kimreader.corpus.article import Article
from kimreader.corpus.frontmatter import dump_front_matter
from kimreader.corpus.readers import read_file

ARTICLES = Path(__file__).resolve().parents[1] / "corpus" / "articles"
NYT = ARTICLES / "2018-06-19-nyt-kim-returns-to-china.md"
BLOOMBERG = ARTICLES / "2019-01-09-bloomberg-kim-visits-china.md"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
NYT_SEED = SEEDS / "003_96a8491a9dec06d0.txt"
BLOOMBERG_SEED = SEEDS / "000_372965127552f35b.txt"
FIELD_ORDER = ["title", "source", "authors", "published", "place", "language", "summary", "rights"]

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")


def seed_paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def sentences(text: str) -> set[str]:
    """Sentence-ish pieces of prose: enough to show that nothing was reworded or dropped."""
    return {s.strip() for s in re.split(r"(?<=[.?!”])\s+", text) if len(s.strip()) > 20}


@pytest.fixture(scope="module")
def nyt() -> Article:
    return read_file(NYT)


@pytest.fixture(scope="module")
def bloomberg() -> Article:
    return read_file(BLOOMBERG)


def test_exactly_two_shipped_articles() -> None:
    assert sorted(p.name for p in ARTICLES.glob("*.md")) == [NYT.name, BLOOMBERG.name]


@pytest.mark.parametrize("path", [NYT, BLOOMBERG], ids=["nyt", "bloomberg"])
def test_file_is_what_dump_front_matter_writes(path: Path) -> None:
    """Front matter keys in the agreed order, and the file round-trips through the reader."""
    article = read_file(path)
    fields = {
        "title": article.title,
        "source": article.source,
        "authors": list(article.authors),
        "published": article.published,
        "place": article.place,
        "language": article.language,
        "summary": article.summary,
        "rights": article.rights,
    }
    assert list(fields) == FIELD_ORDER
    assert path.read_text(encoding="utf-8") == dump_front_matter(fields, article.body)


def test_nyt_metadata(nyt: Article) -> None:
    assert nyt.title == "Kim Returns to China, This Time With Leverage"
    assert nyt.source == "The New York Times"
    assert nyt.authors == ("Jane Perlez",)
    assert nyt.published == date(2018, 6, 19)
    assert nyt.place == "Beijing"
    assert nyt.language == "en"
    assert nyt.rights == "Copyright 2023 New York Times News Service. All rights reserved."
    assert nyt.summary == ""


def test_nyt_cleaning(nyt: Article) -> None:
    body = nyt.body
    assert body.startswith(
        "BEIJING — North Korean leader Kim Jong Un arrived in Beijing on Tuesday"
    )
    assert body.count("North Korean leader Kim Jong Un arrived in Beijing") == 1  # lead once
    for dropped in ("World News", "Posted Updated", "Jane Perlez", ", New York Times", "Copyright"):
        assert dropped not in body
    assert nyt.title not in body
    assert body.endswith("North Korea’s news media said Kim would accept.\n")


def test_bloomberg_metadata(bloomberg: Article) -> None:
    assert bloomberg.title == "North Korea’s Kim visits China in push against Trump sanctions"
    assert bloomberg.source == "Bloomberg (via The Straits Times)"
    assert bloomberg.authors == ()
    assert bloomberg.published == date(2019, 1, 9)
    assert bloomberg.place == "Seoul"
    assert bloomberg.language == "en"
    assert bloomberg.summary == (
        "The trip suggests negotiations over North Korea’s nuclear arsenal are gaining momentum "
        "after months without high-level diplomatic exchanges"
    )
    assert bloomberg.rights == ""


def test_bloomberg_cleaning(bloomberg: Article) -> None:
    body = bloomberg.body
    assert body.startswith("SEOUL • Kim Jong-un is making his fourth visit to China")
    assert "a “positive development of many situations”." in body
    assert "deve-" not in body
    assert "\n\n## Nuclear Umbrella\n\n" in body
    assert body.count("Nuclear Umbrella") == 1
    assert not re.search(r"—\s*Bloomberg", body)
    assert body.endswith("learn from China’s experience in ‘opening up and reform’.”\n")
    # The standfirst is the summary, not a body paragraph; the body keeps its own longer sentence.
    assert bloomberg.summary not in body
    repeated = bloomberg.summary.removeprefix("The trip ")
    assert body.count(repeated) == 1
    assert "The trip — Kim’s fourth to China since March — " + repeated in body


@needs_seeds
@pytest.mark.parametrize(
    ("path", "seed", "skip"),
    [
        (NYT, NYT_SEED, 5),  # section, title, lead, "Posted Updated", byline block
        (BLOOMBERG, BLOOMBERG_SEED, 2),  # title, standfirst
    ],
    ids=["nyt", "bloomberg"],
)
def test_every_other_sentence_kept_exactly(path: Path, seed: Path, skip: int) -> None:
    raw = seed.read_text(encoding="utf-8").replace("deve-\nlopment", "development")
    kept = [p for p in raw.split("\n\n") if p.strip()][skip:]
    kept = [p for p in kept if not p.startswith("Copyright ") and p != "Nuclear Umbrella"]
    expected = "\n\n".join(kept).removesuffix(" — Bloomberg").strip()
    body = read_file(path).body.replace("## Nuclear Umbrella\n\n", "")
    assert body == expected + "\n"
    assert sentences(body) == sentences(expected)


def test_curly_quotes_and_dashes_survive(nyt: Article, bloomberg: Article) -> None:
    for article in (nyt, bloomberg):
        assert "“" in article.body and "”" in article.body and "’" in article.body
        assert '"' not in article.body and "'" not in article.body
