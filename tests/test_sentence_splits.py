"""How real texts are cut into sentences is recorded with the splitter's version
(analysis/versions.py SENTENCES), as the shipped reports' entities are recorded with ENTITIES
(test_shipped_entities.py): stored sentence embeddings are one row per sentence, and only a new
version makes a library recompute them (index/derived.py), so the splits may change only with it.

Record anew (after bumping SENTENCES when the splits changed): python tests/test_sentence_splits.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: conftest's helpers

from conftest import SHARED, WIKINEWS, scraped_body, wikinews_body  # noqa: E402

from kimreader.analysis import text, versions  # noqa: E402
from kimreader.corpus.span import TextSpan, text_span  # noqa: E402

RECORD = Path(__file__).with_name("sentence_splits.json")
RECORD_COMMAND = "python tests/test_sentence_splits.py"
# Pages read by the HTML reader (a few: it takes seconds a page): those the paragraph-a-line
# rule parts and those it must not (corpus/markdown.py written_a_paragraph_a_line).
MOZILLA_PAGES = (
    "salon-1 dropbox-blog msn heise lwn-1 medium-1 la-nacion engadget nytimes-1 bbc-1".split()
)
# ECB+ reports kept blind for the comparison this session (OWNERS.md): not read here either.
BLIND_ECB = frozenset(
    "1_8ecb 1_9ecb 1_13ecbplus 1_17ecbplus 1_4ecb 1_7ecb 1_5ecbplus 1_16ecbplus".split()
)


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value).encode("utf-8")).hexdigest()[:16]


def splits(body: str) -> dict[str, object]:
    """What is recorded of a body: its digest, and how it is cut into sentences."""
    spans = [[s.start, s.end] for s in text.all_sentences(body)]
    return {"body": _digest(body), "sentences": len(spans), "spans": _digest(spans)}


def repository_texts() -> Iterator[tuple[str, str]]:
    """(name, body): the shipped reports, the development Wikinews articles as stored and laid
    out a paragraph a line as a scraped page writes them."""
    from kimreader.corpus.library import SHIPPED_DIR, article_from_markdown

    for path in sorted(SHIPPED_DIR.glob("*.md")):
        yield f"shipped/{path.name}", article_from_markdown(path.read_text("utf-8"), path).body
    for path in sorted(WIKINEWS.glob("*.txt")):
        yield f"wikinews/{path.stem}", wikinews_body(path.stem)
        yield f"wikinews-a-paragraph-a-line/{path.stem}", scraped_body(path.stem)


def shared_texts() -> Iterator[tuple[str, str]]:
    """(name, body) of ../shared/testdata texts as the library reads them: ECB+ reports (a
    sentence a line, often a URL first) and mozilla pages through the HTML reader."""
    from kimreader.corpus.readers import read_file

    testdata = SHARED / "testdata"
    for path in sorted((testdata / "ecbplus" / "text").glob("*/*.txt")):
        if path.stem not in BLIND_ECB:
            yield f"ecbplus/{path.parent.name}/{path.name}", read_file(path).body
    pages = testdata / "mozilla-readability" / "test" / "test-pages"
    for name in MOZILLA_PAGES:
        yield f"mozilla/{name}", read_file(pages / name / "source.html").body


def today(texts: Iterator[tuple[str, str]]) -> dict[str, dict[str, object]]:
    return {name: splits(body) for name, body in texts}


def recorded() -> dict[str, object]:
    return json.loads(RECORD.read_text("utf-8"))


def split_otherwise(record: dict[str, object], now: dict[str, dict[str, object]]) -> list[str]:
    """The texts (read as when recorded) that are cut into other sentences today."""
    texts = record["texts"]
    assert isinstance(texts, dict)
    return [
        name
        for name, found in now.items()
        if name in texts
        and texts[name]["body"] == found["body"]
        and texts[name]["spans"] != found["spans"]
    ]


def problem(record: dict[str, object], now: dict[str, dict[str, object]]) -> str:
    """What is wrong with the record for these texts ("" when it holds)."""
    changed = split_otherwise(record, now)
    if changed and record["version"] == versions.SENTENCES:
        return (
            f"sentence splitting changed for {len(changed)} text(s) ({', '.join(changed[:5])}): "
            "bump SENTENCES in analysis/versions.py (stored sentence embeddings are then "
            f"recomputed), then record the splits anew: {RECORD_COMMAND}"
        )
    texts = record["texts"]
    assert isinstance(texts, dict)
    if record["version"] != versions.SENTENCES or any(texts.get(n) != s for n, s in now.items()):
        return f"{RECORD.name} is out of date: {RECORD_COMMAND}"
    return ""


def test_repository_texts_are_split_as_recorded_for_this_version() -> None:
    assert not (found := problem(recorded(), today(repository_texts()))), found


def test_shared_texts_are_split_as_recorded_for_this_version(shared_dir: Path) -> None:
    assert not (found := problem(recorded(), today(shared_texts()))), found


def test_a_change_of_splitting_asks_for_a_new_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard itself: a splitter joining each paragraph-a-line text's first two sentences
    (a shipped report's and a scraped Wikinews page's) is caught while SENTENCES stays."""
    real = text.all_sentences

    def joined(body: str) -> list[TextSpan]:
        spans = real(body)
        if len(spans) < 2:
            return spans
        return [text_span(body, spans[0].start, spans[1].end), *spans[2:]]

    monkeypatch.setattr(text, "all_sentences", joined)
    record = recorded()
    assert "bump SENTENCES" in problem(record, today(repository_texts()))
    monkeypatch.setattr(versions, "SENTENCES", versions.SENTENCES + 1)
    assert "out of date" in problem(record, today(repository_texts()))


def main() -> None:
    """Record the splits of every text; refused when they changed under the same version."""
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is not present: the record needs its texts")
    now = today(shared_texts()) | today(repository_texts())
    if RECORD.is_file():
        old = recorded()
        changed = split_otherwise(old, now)
        if changed and old["version"] == versions.SENTENCES:
            sys.exit(problem(old, now))
    lines = ",\n".join(f"{json.dumps(name)}: {json.dumps(now[name])}" for name in sorted(now))
    RECORD.write_text(f'{{"version": {versions.SENTENCES}, "texts": {{\n{lines}\n}}}}\n', "utf-8")
    print(f"wrote {RECORD} ({len(now)} texts, SENTENCES {versions.SENTENCES})")


if __name__ == "__main__":
    main()
