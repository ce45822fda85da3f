"""The term pool (index/whoosh/pool.py) writes the same index as Whoosh's own posting pool."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from kimreader.index.whoosh.codec import FastCodec
from kimreader.index.whoosh.pool import TermPool, TermPoolMpWriter, TermPoolWriter
from kimreader.index.whoosh.schema import build_schema

WORDS = "trade war talks sanctions drought Beijing Tokyo the of a refugees markets".split()


def _documents(count: int) -> list[dict[str, Any]]:
    documents = []
    for i in range(count):
        body = " ".join(WORDS[(i * 7 + j * j) % len(WORDS)] for j in range(40 + i % 13))
        documents.append(
            {
                "id": f"a{i:03d}",
                "hash": f"h{i}",
                "title": f"Report {i} on {WORDS[i % len(WORDS)]}",
                "body": body,
                "pairs": body,
                "words": body,
                "source": "Wire" if i % 2 else "Daily",
                "source_facet": "Wire" if i % 2 else "Daily",
                "published": datetime(2020, 1, 1 + i % 28),
                "person": "Kim Jong-un" if i % 3 == 0 else "",
            }
        )
    return documents


def _postings(directory: Path) -> dict[tuple[str, bytes], list[tuple[str, float, bytes]]]:
    """Every term's postings (article id, weight, value), in the order stored."""
    index = FileStorage(str(directory)).open_index()
    with index.reader() as reader:
        return {
            (fieldname, term): _all(reader, reader.postings(fieldname, term))
            for fieldname, term in reader.all_terms()
        }


def _all(reader: Any, matcher: Any) -> list[tuple[str, float, bytes]]:
    out = []
    while matcher.is_active():
        out.append((reader.stored_fields(matcher.id())["id"], matcher.weight(), matcher.value()))
        matcher.next()
    return out


def _build(directory: Path, writer: Any, batches: list[list[dict[str, Any]]]) -> None:
    directory.mkdir()
    FileStorage(str(directory)).create_index(build_schema())
    for batch in batches:
        index = FileStorage(str(directory)).open_index()
        with writer(index) as w:
            for document in batch:
                w.add_document(**document)


def _whoosh(index: Any) -> SegmentWriter:
    return SegmentWriter(index, codec=FastCodec(), compound=False)


@pytest.mark.parametrize("limitmb", [128, 0])  # 0: every posting spills (runs merged back)
def test_term_pool_writes_what_whooshs_pool_writes(tmp_path: Path, limitmb: int) -> None:
    documents = _documents(60)
    # Three commits: the later ones merge small segments through the pool (higher documents
    # first, then the merged segment's: the pool must order them).
    batches = [documents[:25], documents[25:50], documents[50:]]
    _build(tmp_path / "whoosh", _whoosh, batches)

    def ours(index: Any) -> TermPoolWriter:
        writer = TermPoolWriter(index, codec=FastCodec(), compound=False)
        writer.pool.limit = limitmb  # bytes: 0 spills at each posting
        return writer

    _build(tmp_path / "ours", ours, batches)
    expected = _postings(tmp_path / "whoosh")
    assert expected and _postings(tmp_path / "ours") == expected


def test_build_processes_write_the_same_postings(tmp_path: Path) -> None:
    documents = _documents(230)
    _build(tmp_path / "whoosh", _whoosh, [documents])

    def parallel(index: Any) -> TermPoolMpWriter:
        return TermPoolMpWriter(index, 2, codec=FastCodec(), compound=False)

    _build(tmp_path / "ours", parallel, [documents])
    # Two segments, each of some of the batches: the same postings, in another order.
    ours = {term: sorted(found) for term, found in _postings(tmp_path / "ours").items()}
    assert ours == {term: sorted(found) for term, found in _postings(tmp_path / "whoosh").items()}


def test_a_spilled_term_keeps_its_postings_in_document_order(tmp_path: Path) -> None:
    storage = FileStorage(str(tmp_path)).create()
    pool = TermPool(storage, limitmb=0)
    for docnum in (3, 1, 2):
        pool.add(("body", b"trade", docnum, 1.0, b""))
    pool.add(("body", b"alpha", 5, 2.0, b"\x01\x02\x03\x04\x05"))
    assert list(pool.iter_postings()) == [
        ("body", b"alpha", 5, 2.0, b"\x01\x02\x03\x04\x05"),
        ("body", b"trade", 1, 1.0, b""),
        ("body", b"trade", 2, 1.0, b""),
        ("body", b"trade", 3, 1.0, b""),
    ]
    pool.cleanup()
    assert not list(tmp_path.glob("*.terms"))


@pytest.mark.parametrize("limitmb", [128, 0])
def test_the_term_at_a_time_writer_writes_the_same_bytes(tmp_path: Path, limitmb: int) -> None:
    documents = _documents(300)  # common words: blocks of 128 postings and more
    _build(tmp_path / "whoosh", _whoosh, [documents])

    def ours(index: Any) -> TermPoolWriter:
        writer = TermPoolWriter(index, codec=FastCodec(), compound=False)
        writer.pool.limit = limitmb
        return writer

    _build(tmp_path / "ours", ours, [documents])
    for suffix in ("pst", "trm"):
        (expected,) = (tmp_path / "whoosh").glob(f"*.{suffix}")
        (written,) = (tmp_path / "ours").glob(f"*.{suffix}")
        assert written.read_bytes() == expected.read_bytes(), suffix
