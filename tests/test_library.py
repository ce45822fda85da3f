"""The on-disk library: atomic writes, duplicates, updates, the catalog cache, seeding."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from kimreader.corpus import library as library_module
from kimreader.corpus.article import Article
from kimreader.corpus.library import (
    ArticleNotFound,
    Library,
    LibraryError,
    article_from_markdown,
    article_to_markdown,
    atomic_write_text,
)


def _article(
    title: str = "Talks resume", body: str = "The talks resumed today.\n", **kw
) -> Article:
    return Article.create(title, body, **kw)


def test_round_trip_through_markdown(tmp_path: Path) -> None:
    article = _article(
        title='A "quoted": [bold] title',
        source="Bloomberg",
        authors=("Jane Perlez", "Ann O'Neil"),
        published=date(2019, 1, 9),
        url="https://example.com/a",
        summary="Standfirst: yes",
        rights="Copyright 2019",
        origin="/tmp/a.md",
    )
    path = tmp_path / f"{article.id}.md"
    path.write_text(article_to_markdown(article), encoding="utf-8")
    back = article_from_markdown(path.read_text(encoding="utf-8"), path)
    assert back.with_changes(path=None) == article
    assert back.hash == article.hash


def test_new_library_is_seeded_once(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib")
    shipped = len(list(Path(library.root).glob("*.md")))
    assert shipped == len(list((Path(__file__).parents[1] / "corpus/articles").glob("*.md")))
    for entry in library.catalog():
        library.remove(entry.id)
    reopened = Library.open(tmp_path / "lib")
    assert reopened.catalog() == []  # removed shipped reports stay removed


def test_add_detects_duplicates_and_updates(tmp_path: Path) -> None:
    library = Library.open(tmp_path, seed=False)
    first = library.add(_article(origin="/in/a.md"))
    assert first.status == "added"
    assert library.add(_article(origin="/in/a.md")).status == "unchanged"
    duplicate = library.add(_article(origin="/elsewhere/copy.md"))
    assert duplicate.status == "duplicate" and duplicate.duplicate_of == first.article.id
    changed = library.add(_article(body="The talks resumed today, and ended.\n", origin="/in/a.md"))
    assert changed.status == "updated" and changed.article.id == first.article.id
    assert len(library.catalog()) == 1
    assert "ended" in library.get(first.article.id).body


def test_same_url_updates_in_place(tmp_path: Path) -> None:
    library = Library.open(tmp_path, seed=False)
    a = library.add(_article(url="https://example.com/x"))
    b = library.add(_article(body="Corrected text.\n", url="https://example.com/x"))
    assert (a.status, b.status) == ("added", "updated")
    assert a.article.id == b.article.id


def test_catalog_cache_follows_file_edits(tmp_path: Path) -> None:
    """The catalog checks the files; the saved one (listed while they are checked) does not."""
    library = Library.open(tmp_path, seed=False)
    stored = library.add(_article()).article
    assert stored.path is not None
    text = stored.path.read_text(encoding="utf-8").replace("Talks resume", "Talks collapse")
    stored.path.write_text(text, encoding="utf-8")
    fresh = Library(tmp_path)
    assert [e.title for e in fresh.saved_catalog()] == ["Talks resume"]  # as saved, unchecked
    assert [e.title for e in fresh.catalog()] == ["Talks collapse"]  # the check sees the edit
    assert [e.title for e in fresh.saved_catalog()] == ["Talks collapse"]  # checked from now on
    assert Library(tmp_path / "new").saved_catalog() == []  # nothing saved yet


def test_the_newest_entries_are_read_from_the_saved_catalog_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first frame's entries: the newest of the saved catalog and how many it has, from the
    first line of its file; a file without them (an older kimreader's) is read whole and saved
    again with them once the catalog is checked."""
    monkeypatch.setattr(library_module, "NEWEST_SAVED", 3)
    library = Library.open(tmp_path, seed=False)
    with library.batch():
        for day in (5, 1, 4, 2, 3):
            library.add(_article(f"Day {day}", f"Body {day}.\n", published=date(2024, 1, day)))
    newest, count = Library(tmp_path).saved_newest()
    assert sorted(e.title for e in newest) == ["Day 3", "Day 4", "Day 5"] and count == 5
    data = json.loads(library.catalog_path.read_text(encoding="utf-8"))
    del data["count"], data["newest"]
    library.catalog_path.write_text(json.dumps(data), encoding="utf-8")
    older = Library(tmp_path)
    newest, count = older.saved_newest()
    assert len(newest) == count == 5
    assert len(older.catalog()) == 5
    assert len(json.loads(library.catalog_path.read_text(encoding="utf-8"))["newest"]) == 3
    library.catalog_path.write_text("{not json", encoding="utf-8")
    assert Library(tmp_path).saved_newest() == ([], 0)


def _by_hand(root: Path, name: str, title: str, body: str) -> Path:
    path = root / name
    path.write_text(f"---\ntitle: {title}\n---\n{body}\n", encoding="utf-8")
    return path


def test_the_digest_check_sees_files_added_edited_and_removed_by_hand(tmp_path: Path) -> None:
    """A library whose files match the saved catalog's digest is not read again, and its
    entries come from the saved catalog one by one; any file added, edited (same size, new
    mtime) or removed by hand breaks the match, and the catalog follows the files."""
    library = Library.open(tmp_path, seed=False)
    library.add(_article())
    library.add(_article("Rates rise", "The bank raised rates.\n"))
    names = {e.id: e for e in library.catalog()}

    def checked() -> Library:
        fresh = Library(tmp_path)
        assert fresh.refresh() == []
        return fresh

    fresh = checked()
    assert fresh._catalog is None  # matched by the digest: nothing loaded
    assert {i: fresh.entry(i) for i in names} == names  # each read from the saved catalog
    assert fresh.entry("nosuchid") is None and fresh._catalog is None

    added = _by_hand(tmp_path, "by-hand.md", "Strike ends", "Workers return.")
    assert checked().entry("by-hand") is not None
    assert {e.title for e in Library(tmp_path).catalog()} >= {"Strike ends"}

    stamp = added.stat().st_mtime_ns
    added.write_text(added.read_text(encoding="utf-8").replace("ends", "ENDS"), encoding="utf-8")
    os.utime(added, ns=(stamp + 10**9, stamp + 10**9))  # same size: only the mtime tells
    entry = checked().entry("by-hand")
    assert entry is not None and entry.title == "Strike ENDS"

    added.unlink()
    fresh = checked()
    assert fresh.entry("by-hand") is None
    assert {e.id for e in fresh.catalog()} == set(names)


def test_after_enough_entries_one_by_one_the_saved_catalog_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search listing hundreds of hits would read each entry alone every time: after
    ONE_BY_ONE of them the whole catalog is loaded once; entries are the same either way, and
    one read twice (listed, then its hit built) is read once."""
    import kimreader.corpus.library as library_module

    monkeypatch.setattr(library_module, "ONE_BY_ONE", 2)
    library = Library.open(tmp_path, seed=False)
    for n in range(4):
        library.add(_article(f"Report {n}", f"Body number {n} of four.\n"))
    entries = {e.id: e for e in library.catalog()}
    fresh = Library(tmp_path)
    assert fresh.refresh() == []
    first, second, *rest = sorted(entries)
    assert fresh.entry(first) == entries[first] and fresh.entry(first) == entries[first]
    assert fresh.entry(second) == entries[second] and fresh._catalog is None
    assert [fresh.entry(i) for i in rest] == [entries[i] for i in rest]
    assert fresh._catalog is not None  # the third distinct entry loaded the whole catalog


def test_saved_catalog_finds_any_file_name(tmp_path: Path) -> None:
    """Entries looked up in the saved catalog's sorted lines, whatever the file names hold."""
    library = Library.open(tmp_path, seed=False)
    names = ['say "hi": now', "a\\b", "émile", "z", "0", "a", "ab", "a b", "a:b", "日本"]
    for number, name in enumerate(names):
        _by_hand(tmp_path, f"{name}.md", f"Title {number}", "Body.")
    expected = {e.id: e for e in library.catalog()}
    assert set(expected) == set(names)
    fresh = Library(tmp_path)
    fresh.refresh()
    assert {n: fresh.entry(n) for n in names} == expected
    assert fresh.entry("a\\") is None and fresh._catalog is None


def test_a_catalog_saved_without_a_digest_is_checked_file_by_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older kimreader's catalog (no digest) is trusted file by file, not read again, and
    saved with one; an older kimreader reads the new file as before."""
    library = Library.open(tmp_path, seed=False)
    library.add(_article())
    data = json.loads(library.catalog_path.read_text(encoding="utf-8"))
    assert set(data) == {"version", "files_digest", "count", "newest", "files"}  # one document
    del data["count"], data["newest"]  # an older kimreader's (saved_newest reads all of it)
    del data["files_digest"]
    library.catalog_path.write_text(json.dumps(data), encoding="utf-8")
    reads: list[Path] = []
    real_read = Library.read
    monkeypatch.setattr(
        Library, "read", lambda self, path: reads.append(path) or real_read(self, path)
    )
    assert [e.title for e in Library(tmp_path).catalog()] == ["Talks resume"]
    assert reads == []
    assert "files_digest" in json.loads(library.catalog_path.read_text(encoding="utf-8"))


def test_a_catalog_naming_another_digest_is_saved_again(tmp_path: Path) -> None:
    """A digest computed another way (an older formula) is replaced by the first check, so the
    next one matches at once."""
    library = Library.open(tmp_path, seed=False)
    library.add(_article())
    text = library.catalog_path.read_text(encoding="utf-8")
    digest = json.loads(text)["files_digest"]
    library.catalog_path.write_text(text.replace(digest, "0" * 32), encoding="utf-8")
    Library(tmp_path).refresh()
    assert json.loads(library.catalog_path.read_text(encoding="utf-8"))["files_digest"] == digest
    fresh = Library(tmp_path)
    fresh.refresh()
    assert fresh._catalog is None  # matched by the digest: nothing loaded


def test_corrupt_catalog_is_rebuilt(tmp_path: Path) -> None:
    library = Library.open(tmp_path, seed=False)
    library.add(_article())
    library.catalog_path.write_text("{not json", encoding="utf-8")
    assert len(Library(tmp_path).catalog()) == 1


def test_a_damaged_entry_of_the_saved_catalog_is_read_again_from_its_file(
    tmp_path: Path,
) -> None:
    """An entry that is no object (a hand edit) is not an entry: the file is read instead."""
    library = Library.open(tmp_path, seed=False)
    added = library.add(_article()).article
    path = library.catalog_path
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith(f'"{added.id}.md": '))
    path.write_text(text.replace(line, f'"{added.id}.md": 5'), encoding="utf-8")
    fresh = Library(tmp_path)
    assert fresh.refresh() == []  # the files still match the digest the catalog names
    entry = fresh.entry(added.id)
    assert entry is not None and entry.title == added.title


def test_a_file_name_that_is_not_text_is_left_alone(tmp_path: Path) -> None:
    """A name in another encoding than the file system's ("bad\\xff.md") stopped every command
    of the library (the catalog's digest and keys are text); now that file is not read."""
    library = Library.open(tmp_path, seed=False)
    library.add(_article())
    odd = os.fsencode(tmp_path) + b"/bad\xff.md"
    with open(odd, "wb") as handle:
        handle.write(b"---\ntitle: Odd\n---\nBody.\n")
    fresh = Library(tmp_path)
    assert fresh.refresh() == []
    assert [e.title for e in fresh.catalog()] == [_article().title]
    assert os.path.exists(odd)  # left as it was


def test_unreadable_file_is_reported_not_fatal(tmp_path: Path) -> None:
    library = Library.open(tmp_path, seed=False)
    library.add(_article())
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    problems = Library(tmp_path).refresh()
    assert len(problems) == 1 and "broken.md" in str(problems[0])
    assert "\n" not in str(problems[0])


def test_ids_by_unique_prefix(tmp_path: Path) -> None:
    library = Library.open(tmp_path, seed=False)
    stored = library.add(_article()).article
    assert library.get(stored.id[:4]).id == stored.id
    with pytest.raises(ArticleNotFound):
        library.get("zzzz")


def test_library_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(LibraryError, match="is a file"):
        Library.open(target)


def test_atomic_write_leaves_old_file_on_failure(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.md"
    target.write_text("old", encoding="utf-8")

    def explode(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", explode)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temp file left behind


def test_sidecar_tied_to_content_hash(tmp_path: Path) -> None:
    library = Library.open(tmp_path, seed=False)
    stored = {"data": [{"name": "X"}], "version": 2}
    article = library.add(_article(), {"entities": stored}).article
    assert library.read_sidecar("entities", article.id, article.hash) == [{"name": "X"}]
    assert library.read_sidecar("entities", article.id, "other-hash") is None
    # Another extractor version made it: still read, but not current for that version.
    assert library.read_sidecar("entities", article.id, article.hash, version=2) == [{"name": "X"}]
    assert library.read_sidecar("entities", article.id, article.hash, version=3) is None
    assert library.read_sidecar("entities", article.id, article.hash, version=(3, 2)) == [
        {"name": "X"}
    ]
    assert library.read_sidecar("entities", article.id, article.hash, version=(3, 4)) is None
    # With the version it was found with, whichever it is: one read, for doctor and reindex.
    versioned = library.read_sidecar_versioned
    assert versioned("entities", article.id, article.hash) == (2, [{"name": "X"}])
    assert versioned("entities", article.id, "other-hash") is None
    assert versioned("entities", "no-such-article", article.hash) is None
    library.write_sidecar("entities", article.id, {"hash": article.hash, "data": []})
    assert versioned("entities", article.id, article.hash) == (0, [])  # no version: the first


def test_a_batch_saves_the_catalog_and_syncs_folders_once(tmp_path: Path, monkeypatch) -> None:
    """An import of thousands of articles must not rewrite the catalog or sync the library
    folder per article; each write is still atomic, and all is saved when the batch ends."""
    import kimreader.corpus.library as library_module

    synced: list[Path] = []
    real_sync = library_module._fsync_dir
    monkeypatch.setattr(library_module, "_fsync_dir", lambda d: synced.append(d) or real_sync(d))
    library = Library.open(tmp_path / "lib", seed=False)
    library.catalog()
    saves = len(synced)
    articles = [_article(f"Batch {n}", f"Body number {n}.\n") for n in range(5)]
    with library.batch():
        for article in articles:
            library.add(article)
            library.write_sidecar("entities", article.id, {"hash": article.hash, "data": []})
        assert Library.open(tmp_path / "lib").saved_catalog() == []  # the cache: not yet saved
    assert sorted(synced[saves:]) == sorted({library.root, library.state_dir / "entities"} | {
        library.catalog_path.parent})  # fmt: skip
    reopened = Library.open(tmp_path / "lib")
    assert {entry.id for entry in reopened.saved_catalog()} == {a.id for a in articles}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the files are checked in a forked child")
def test_files_checked_by_a_child_process_match_and_a_failed_child_is_not_trusted(
    tmp_path: Path, monkeypatch
) -> None:
    """prefetch_file_stats() checks the files in a child while the caller goes on; the next
    refresh() takes what the child found, and checks the files itself when the child failed."""
    from kimreader.corpus import library as library_module

    library = Library.open(tmp_path, seed=False)
    library.add(_article())
    library.add(_article("Rates rise", "The bank raised rates.\n"))
    expected = library_module.read_file_stats(tmp_path)

    fresh = Library(tmp_path)
    fresh.prefetch_file_stats()
    assert fresh._prefetched is not None
    assert fresh._file_check() == (expected, library_module.files_digest(expected))
    assert fresh._prefetched is None

    parent = os.getpid()
    real = library_module.read_file_stats

    def fails_in_the_child(root: Path) -> dict[str, tuple[int, int]]:
        if os.getpid() != parent:
            raise OSError("the child cannot read the folder")
        return real(root)

    monkeypatch.setattr(library_module, "read_file_stats", fails_in_the_child)
    failed = Library(tmp_path)
    failed.prefetch_file_stats()
    assert failed.refresh() == []
    assert {e.id for e in failed.catalog()} == {e.id for e in library.catalog()}
    assert failed.file_stats() == expected
