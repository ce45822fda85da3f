"""Measure HTML main-text extractors on mozilla/readability's test pages.

For every page in ../shared/testdata/mozilla-readability/test/test-pages/*/ the extractor reads
source.html; its text is compared with expected.html (the article a good extractor keeps) and its
title and byline with expected-metadata.json. Prints one table row per extractor:

    recall     share of expected.html's words that the output keeps (multiset overlap)
    precision  share of the output's words that are in expected.html
    title      share of pages with an expected title whose extracted title matches it
    byline     the same for bylines
    ms         median milliseconds per page (extraction only)

Chinese and Japanese pages are compared character by character instead of word by word.
Run: python bench/extractors.py [--pages]   (--pages adds a per-page recall table)
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "testdata/mozilla-readability/test/test-pages"

_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")


@dataclass
class Extracted:
    text: str
    title: str
    byline: str


def html_text(html: str) -> str:
    """The visible text of an HTML fragment or page."""
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for node in root.xpath("//script|//style"):
        node.drop_tree()
    return root.text_content()


def is_cjk(text: str) -> bool:
    letters = _WORD.findall(text)
    chars = sum(len(word) for word in letters) or 1
    return len(_CJK.findall(text)) / chars > 0.3


def tokens(text: str, by_char: bool) -> Counter[str]:
    words = _WORD.findall(text.casefold())
    if by_char:
        return Counter(char for word in words for char in word)
    return Counter(words)


def overlap(expected: Counter[str], got: Counter[str]) -> tuple[float, float]:
    """(recall, precision) of got against expected, counting repeated words."""
    common = sum((expected & got).values())
    recall = common / max(1, sum(expected.values()))
    precision = common / max(1, sum(got.values())) if got else 0.0
    return recall, precision


def _norm(text: str) -> str:
    text = text.casefold().replace("\u2019", "'").replace("\u2014", "-").replace("\u2013", "-")
    text = " ".join(text.split())
    return text[3:] if text.startswith("by ") else text


def loose_match(expected: str, got: str) -> bool:
    """Equal after folding case and spaces, or one contains the other (site suffixes, "By ")."""
    want, have = _norm(expected), _norm(got)
    if not want or not have:
        return False
    return want == have or want in have or have in want


# --- the extractors --------------------------------------------------------------------------


def trafilatura_extract(html: str, favor_recall: bool = False) -> Extracted:
    import lxml.html
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=True,
        favor_recall=favor_recall,
    )
    if doc is None:
        return Extracted("", "", "")
    body = lxml.html.tostring(doc.body, encoding="unicode") if doc.body is not None else ""
    return Extracted(html_text(body), doc.title or "", doc.author or "")


def readability_extract(html: str) -> Extracted:
    from readability import Document

    doc = Document(html)
    summary = doc.summary(html_partial=True)
    return Extracted(html_text(summary), doc.short_title() or "", doc.author() or "")


def kimreader_extract(html: str) -> Extracted:
    """The project's own pipeline (corpus/html.py): Markdown body plus metadata."""
    from kimreader.corpus.html import extract_html

    page = extract_html(html)
    text = _MD_LINK_TARGET.sub("]", page.markdown)
    return Extracted(text, page.title, "; ".join(page.authors))


EXTRACTORS: dict[str, Callable[[str], Extracted]] = {
    "trafilatura": trafilatura_extract,
    "trafilatura favor_recall": lambda html: trafilatura_extract(html, favor_recall=True),
    "readability-lxml": readability_extract,
    "kimreader (corpus/html.py)": kimreader_extract,
}


# --- measuring -------------------------------------------------------------------------------


@dataclass
class PageResult:
    page: str
    recall: float
    precision: float
    title_ok: bool | None
    byline_ok: bool | None
    ms: float


def measure_page(page: Path, extract: Callable[[str], Extracted]) -> PageResult:
    source = (page / "source.html").read_text(encoding="utf-8")
    expected_text = html_text((page / "expected.html").read_text(encoding="utf-8"))
    meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    try:
        got = extract(source)
    except Exception as error:  # a crash counts as an empty extraction, and is shown
        print(f"  {page.name}: {type(error).__name__}: {error}", file=sys.stderr)
        got = Extracted("", "", "")
    ms = (time.perf_counter() - start) * 1000
    by_char = is_cjk(expected_text)
    recall, precision = overlap(tokens(expected_text, by_char), tokens(got.text, by_char))
    title_ok = loose_match(meta["title"], got.title) if meta.get("title") else None
    byline_ok = loose_match(meta["byline"], got.byline) if meta.get("byline") else None
    return PageResult(page.name, recall, precision, title_ok, byline_ok, ms)


def rate(flags: list[bool | None]) -> str:
    known = [flag for flag in flags if flag is not None]
    return f"{sum(known) / len(known):.2f} ({sum(known)}/{len(known)})" if known else "n/a"


def main() -> None:
    pages = sorted(path for path in PAGES.iterdir() if (path / "source.html").is_file())
    show_pages = "--pages" in sys.argv
    print(f"{len(pages)} pages from {PAGES}\n")
    header = (
        f"{'extractor':28} {'recall med':>10} {'mean':>6} {'prec med':>9} {'mean':>6} "
        f"{'<0.6':>5} {'title':>13} {'byline':>13} {'ms med':>7}"
    )
    print(header)
    print("-" * len(header))
    per_page: dict[str, list[PageResult]] = {}
    for name, extract in EXTRACTORS.items():
        results = [measure_page(page, extract) for page in pages]
        per_page[name] = results
        recalls = [result.recall for result in results]
        precisions = [result.precision for result in results]
        print(
            f"{name:28} {statistics.median(recalls):10.3f} {statistics.mean(recalls):6.3f} "
            f"{statistics.median(precisions):9.3f} {statistics.mean(precisions):6.3f} "
            f"{sum(r < 0.6 for r in recalls):5d} "
            f"{rate([r.title_ok for r in results]):>13} {rate([r.byline_ok for r in results]):>13} "
            f"{statistics.median(r.ms for r in results):7.1f}"
        )
    if show_pages:
        names = list(per_page)
        print("\nper-page recall / precision")
        print(f"{'page':30}" + "".join(f"{name[:16]:>18}" for name in names))
        for index, page in enumerate(pages):
            cells = "".join(
                f"{per_page[n][index].recall:9.2f}/{per_page[n][index].precision:.2f}   "
                for n in names
            )
            print(f"{page.name:30}{cells}")


if __name__ == "__main__":
    main()
