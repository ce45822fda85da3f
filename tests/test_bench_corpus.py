"""bench/corpus.py: the synthetic benchmark library is deterministic, well-formed and varied."""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from kimreader.corpus.frontmatter import dump_front_matter, parse_front_matter

BENCH_CORPUS = Path(__file__).resolve().parents[1] / "bench" / "corpus.py"
FIELDS = ["title", "source", "authors", "published", "place", "language", "summary"]


def _load() -> ModuleType:
    # Loaded by path under its own name: `corpus` would clash with the project's corpus/ folder.
    spec = importlib.util.spec_from_file_location("kimreader_bench_corpus", BENCH_CORPUS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load()


def _files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    bench.write_library(12, tmp_path / "a", html_share=0.25, seed=3)
    bench.write_library(12, tmp_path / "b", html_share=0.25, seed=3)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) == 12
    assert first == second


def test_other_seed_gives_other_articles() -> None:
    assert bench.generate_article(5, seed=0) != bench.generate_article(5, seed=1)
    assert bench.generate_article(5, seed=0) != bench.generate_article(6, seed=0)


def test_file_is_the_dumped_article(tmp_path: Path) -> None:
    paths = bench.write_library(3, tmp_path, seed=7)
    assert [p.name for p in paths] == ["000000.md", "000001.md", "000002.md"]
    fields, body = bench.generate_article(2, seed=7)
    assert paths[2].read_text(encoding="utf-8") == dump_front_matter(fields, body)


def test_word_counts_stay_in_range_around_800() -> None:
    counts = [len(bench.generate_article(i, seed=0)[1].split()) for i in range(300)]
    assert all(500 <= count <= 1200 for count in counts), (min(counts), max(counts))
    assert 700 <= sum(counts) / len(counts) <= 900
    assert max(counts) - min(counts) >= 250  # lengths vary


def test_front_matter_parses_with_every_field(tmp_path: Path) -> None:
    for path in bench.write_library(25, tmp_path, seed=2):
        meta, body = parse_front_matter(path.read_text(encoding="utf-8"))
        assert list(meta) == FIELDS
        assert isinstance(meta["published"], date)
        assert date(2015, 1, 1) <= meta["published"] <= date(2025, 12, 31)
        assert meta["authors"] and all(isinstance(a, str) and " " in a for a in meta["authors"])
        assert meta["language"] == "en"
        assert meta["title"] and meta["summary"] and meta["source"] and meta["place"]
        assert body.startswith(meta["place"].upper() + " — ")


def test_dates_spread_over_the_decade() -> None:
    years = {bench.generate_article(i, seed=0)[0]["published"].year for i in range(200)}
    assert years == set(range(2015, 2026))


def test_articles_name_people_places_and_quotes() -> None:
    text = "\n".join(bench.generate_article(i, seed=0)[1] for i in range(40))
    assert "Kim Jong Un" in text and "Xi Jinping" in text
    assert "Seoul" in text and "Beijing" in text
    assert re.search(r"“[^”]+,” said [A-Z][\w-]+ [A-Z]\w+, an? [a-z ]+ at [A-Z]", text)


def test_vocabulary_has_common_and_rare_words() -> None:
    doc_freq: Counter[str] = Counter()
    n = 200
    for i in range(n):
        doc_freq.update(set(re.findall(r"[a-z]+", bench.generate_article(i, seed=0)[1].lower())))
    in_one = sum(1 for count in doc_freq.values() if count == 1)
    in_most = sum(1 for count in doc_freq.values() if count > n / 2)
    assert in_one >= 300  # a long tail of words that select a single article
    assert in_most >= 50  # and common words found almost everywhere
    assert doc_freq["the"] == n


@pytest.mark.parametrize(("n", "share", "expected"), [(40, 0.25, 10), (7, 0.5, 4), (9, 0.0, 0)])
def test_html_share_is_respected(tmp_path: Path, n: int, share: float, expected: int) -> None:
    paths = bench.write_library(n, tmp_path, html_share=share, seed=1)
    assert sum(p.suffix == ".html" for p in paths) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_html_page_carries_metadata_and_the_article(tmp_path: Path) -> None:
    paths = bench.write_library(4, tmp_path, html_share=1.0, seed=4)
    page = paths[3].read_text(encoding="utf-8")
    fields, body = bench.generate_article(3, seed=4)
    assert f"<title>{html.escape(fields['title'])} | " in page
    assert f'<meta name="author" content="{html.escape(", ".join(fields["authors"]))}">' in page
    published = fields["published"].isoformat()
    assert f'<meta property="article:published_time" content="{published}T' in page
    assert f'<meta property="og:site_name" content="{html.escape(fields["source"])}">' in page
    assert re.search(r'<link rel="canonical" href="https://www\.[a-z.-]+/news/[^"]+-3">', page)
    assert "<nav" in page and "<footer" in page
    article = page[page.index("<article>") : page.index("</article>")]
    for paragraph in body.strip().split("\n\n"):
        if not paragraph.startswith("## "):
            assert f"<p>{html.escape(paragraph)}</p>" in article


def test_rewrite_with_another_share_leaves_one_file_per_article(tmp_path: Path) -> None:
    bench.write_library(6, tmp_path, html_share=1.0)
    bench.write_library(6, tmp_path, html_share=0.0)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{i:06d}.md" for i in range(6)]


def test_bad_share_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="html_share"):
        bench.write_library(1, tmp_path, html_share=1.5)


def test_command_line_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["5", str(tmp_path / "lib"), "--html-share", "0.4", "--seed", "9"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"articles\s+5\b", out) and re.search(r"html\s+2\b", out)
    assert len(list((tmp_path / "lib").iterdir())) == 5
