"""What a reader does to the library: read state, stars, tags, notes on passages, saved searches.

User data, not cache: it lives in the library folder itself (`<library>/userstate/state.sqlite`,
beside the articles, never under the rebuildable `.kimreader/`), is keyed by article id (ids
survive re-import), and nothing rebuilds it from anything else. It has a folder of its own so
that SQLite's -wal and -shm files coming and going never change the library folder itself
(whose modification time tells the app that articles were added).

SQLite in WAL mode: every change is one transaction, committed with synchronous=FULL before a
call returns, so a SIGKILL at any moment leaves every earlier change intact; writers in other
processes wait for each other (busy timeout) instead of overwriting each other, because no
change is a read-modify-write in Python. A read-only library can still be read; a failed write
raises StateError with one line for the user.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from kimreader.corpus.library import LibraryError

# sanitize is imported where text is taken in, not here: the app's first frame reads the marks.

STATE_FILE = "userstate/state.sqlite"  # relative to the library
OLD_STATE_FILE = "userstate.sqlite"  # where the first builds kept it: moved on first open
BUSY_TIMEOUT_MS = 10_000
CONTEXT_CHARS = 32  # text kept either side of a highlight, to find it again after an edit
MAX_TAG = 48
MAX_NOTE = 20_000
MAX_NAME = 80
FOLLOW_LIMIT = 200  # a change of more articles than this re-reads the snapshot whole

# Each entry upgrades the schema by one version; entries are never edited once released
# (the migration test replays them from version 1 on a file holding data).
MIGRATIONS: tuple[str, ...] = (
    # version 1
    """
    CREATE TABLE read (article_id TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE star (article_id TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE tag (
        article_id TEXT NOT NULL, name TEXT NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (article_id, name)
    ) WITHOUT ROWID;
    CREATE INDEX tag_by_name ON tag (name);
    CREATE TABLE note (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL,
        text TEXT NOT NULL,
        quote TEXT NOT NULL,   -- the highlighted passage ('' for a note on the whole article)
        prefix TEXT NOT NULL,  -- text just before and after it, to tell repeats apart
        suffix TEXT NOT NULL,
        start INTEGER NOT NULL,  -- where it was when written: a hint, the quote is the anchor
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX note_by_article ON note (article_id);
    CREATE TABLE saved (
        name TEXT PRIMARY KEY, query TEXT NOT NULL, created TEXT NOT NULL, opened TEXT NOT NULL
    ) WITHOUT ROWID;
    -- the articles a saved search found when it was last opened: what is "new" is the rest
    CREATE TABLE saved_seen (
        name TEXT NOT NULL REFERENCES saved (name) ON DELETE CASCADE ON UPDATE CASCADE,
        article_id TEXT NOT NULL,
        PRIMARY KEY (name, article_id)
    ) WITHOUT ROWID;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_TAG = re.compile(r"[^\W_][\w\-.]*")
T = TypeVar("T")


class StateError(LibraryError):
    """The reading state cannot be read or saved; the message is one line for the user."""


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def normalise_tag(raw: str) -> str:
    """A tag as stored: lower case, spaces as hyphens; raises StateError when it is not one."""
    from kimreader.corpus.sanitize import sanitize_line

    tag = "-".join(sanitize_line(raw).casefold().split()).strip("-")
    if not tag or len(tag) > MAX_TAG or not _TAG.fullmatch(tag):
        shown = sanitize_line(raw)[:MAX_TAG] or "(empty)"
        raise StateError(
            f"{shown!r} is not a tag: letters, digits, '-', '.', '_', at most {MAX_TAG}"
        )
    return tag


@dataclass(frozen=True)
class Note:
    id: int
    article_id: str
    text: str
    quote: str  # "" for a note on the whole article
    prefix: str
    suffix: str
    start: int
    created: str
    updated: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "article": self.article_id,
            "text": self.text,
            "quote": self.quote,
            "created": self.created,
            "updated": self.updated,
        }


@dataclass(frozen=True)
class Placed:
    """A note and where its passage is in the article's current text."""

    note: Note
    span: tuple[int, int] | None  # None: on the whole article, or its passage is gone

    @property
    def lost(self) -> bool:
        """The note's passage is no longer in the article (it was edited or re-imported)."""
        return bool(self.note.quote) and self.span is None


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
    created: str
    opened: str
    seen: frozenset[str] = frozenset()  # ids it found when last opened

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "query": self.query, "created": self.created,
                "opened": self.opened}  # fmt: skip


@dataclass(frozen=True)
class Snapshot:
    """Everything the article list shows, read in one go (a few ms for 20,000 articles)."""

    read: frozenset[str] = frozenset()
    starred: frozenset[str] = frozenset()
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> sorted tags
    notes: dict[str, int] = field(default_factory=dict)  # id -> number of notes

    def tagged(self, tag: str) -> set[str]:
        return {article_id for article_id, tags in self.tags.items() if tag in tags}

    def all_tags(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for tags in self.tags.values():
            for tag in tags:
                counts[tag] = counts.get(tag, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


# -- anchoring a highlight by its text ---------------------------------------------------------


def context_of(body: str, start: int, end: int) -> tuple[str, str]:
    """The text either side of body[start:end] kept with a highlight."""
    return body[max(0, start - CONTEXT_CHARS) : start], body[end : end + CONTEXT_CHARS]


def locate(body: str, note: Note) -> tuple[int, int] | None:
    """Where the note's passage is in `body` now: the occurrence of its text whose
    surroundings match best (nearest its old place on a tie), also when only the spacing
    changed; None when the passage is gone (or the note is on the whole article)."""
    if not note.quote:
        return None
    words = note.quote.split()
    spaced = r"\s+".join(re.escape(word) for word in words)  # re-wrapped text is the same text
    found = [(m.start(), m.end()) for m in re.finditer(spaced, body)] if words else []
    if not found:
        return None

    def fit(span: tuple[int, int]) -> tuple[int, int]:
        before, after = context_of(body, *span)
        agree = _common_suffix(before, note.prefix) + _common_prefix(after, note.suffix)
        return -agree, abs(span[0] - note.start)

    return min(found, key=fit)


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def _common_suffix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a[::-1], b[::-1]]))


def place_notes(body: str, notes: Iterable[Note]) -> list[Placed]:
    """The notes in reading order: placed ones by position, then whole-article and lost ones."""
    placed = [Placed(note, locate(body, note)) for note in notes]
    return sorted(placed, key=lambda p: (p.span is None, p.span or (0, 0), p.note.id))


# -- the store ----------------------------------------------------------------------------------


class UserState:
    """The reading state of one library. Thread-safe; cheap to open (connects on first use)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / STATE_FILE
        self._connection: sqlite3.Connection | None = None
        self._writable = False
        self._lock = threading.RLock()
        self._writes = 0  # commits by this connection (data_version only counts the others')
        self._snapshot: tuple[tuple[int, int], Snapshot] | None = None

    # -- connecting ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        """The open connection; None when there is no state yet and none can be made."""
        if self._connection is not None:
            return self._connection
        # WAL needs its -wal and -shm files beside the database: writable means the folder is.
        folder = self.path.parent
        if os.access(folder if folder.is_dir() else self.root, os.W_OK):
            try:
                folder.mkdir(exist_ok=True)
                self._adopt_old_file()
                self._connection = self._open_writable()
                self._writable = True
                return self._connection
            except OSError as error:
                raise StateError(f"{folder}: cannot create the reading state "
                                 f"({error.strerror or error})") from None  # fmt: skip
            except sqlite3.Error as error:
                if not _is_read_only(error):
                    raise StateError(self._why(error, "cannot open")) from None
        if not self.path.exists():
            return None
        self._connection = self._open_read_only()
        return self._connection

    def _adopt_old_file(self) -> None:
        """Move a state kept where the first builds kept it (with its WAL) into its folder."""
        old = self.root / OLD_STATE_FILE
        if old.exists() and not self.path.exists():
            for suffix in ("-wal", "-shm", ""):  # the database last: it marks the move done
                part = old.with_name(old.name + suffix)
                if part.exists():
                    os.replace(part, self.path.with_name(self.path.name + suffix))

    def _open_writable(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=False,
        )  # fmt: skip
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
                raise StateError(f"{self.path}: cannot switch the state to WAL mode")
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            self._migrate(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def _open_read_only(self) -> sqlite3.Connection:
        """Read a state on a read-only library. A WAL database needs its -shm file; when the
        last writer removed it and none can be made, the file is read as immutable (nobody
        can write to a read-only file system meanwhile)."""
        last: sqlite3.Error | None = None
        for mode in ("mode=ro", "immutable=1"):
            uri = f"{self.path.resolve().as_uri()}?{mode}"
            try:
                connection = sqlite3.connect(uri, uri=True, isolation_level=None,
                                             check_same_thread=False)  # fmt: skip
                connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                self._check_version(connection)
                return connection
            except sqlite3.Error as error:
                last = error
        assert last is not None
        raise StateError(self._why(last, "cannot read"))

    def _check_version(self, connection: sqlite3.Connection) -> int:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StateError(
                f"{self.path}: made by a newer kimreader (state version {version}; this one "
                f"reads up to {SCHEMA_VERSION}); upgrade kimreader"
            )
        return version

    def _migrate(self, connection: sqlite3.Connection) -> None:
        """Bring the schema to SCHEMA_VERSION, one version per transaction."""
        while (version := self._check_version(connection)) < SCHEMA_VERSION:
            connection.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while this one waited for the lock.
                if self._check_version(connection) == version:
                    for statement in _statements(MIGRATIONS[version]):
                        connection.execute(statement)
                    connection.execute(f"PRAGMA user_version = {version + 1}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _why(self, error: sqlite3.Error, doing: str) -> str:
        text = str(error)
        if _is_read_only(error):
            text = "the library folder is read-only"
        elif "locked" in text or "busy" in text:
            text = "another kimreader holds it for too long; try again"
        elif "malformed" in text or "not a database" in text:
            text = f"damaged ({text}); the file is kept as it is, restore it from a backup"
        return f"{self.path}: {doing} the reading state ({text})"

    # -- running statements -------------------------------------------------------------------

    def _read(self, run: Callable[[sqlite3.Connection], T], empty: T) -> T:
        with self._lock:
            connection = self._connect()
            if connection is None:
                return empty
            try:
                return run(connection)
            except sqlite3.Error as error:
                raise StateError(self._why(error, "cannot read")) from None

    @contextmanager
    def _write(self, touched: Collection[str] = ()) -> Iterator[sqlite3.Connection]:
        """One transaction; committed (and on disk) when the block ends. A cached snapshot
        that was current follows the change of the `touched` articles (re-read one by one)
        instead of being read again whole."""
        with self._lock:
            connection = self._connect()
            if connection is None or not self._writable:
                raise StateError(
                    f"{self.path}: cannot save the reading state (the library folder is read-only)"
                )
            try:
                current = self._snapshot is not None and self._snapshot[0] == self.change_stamp()
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield connection
                    connection.execute("COMMIT")
                    self._writes += 1
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
                if current and 0 < len(touched) <= FOLLOW_LIMIT:
                    self._follow(connection, touched)
            except sqlite3.Error as error:
                raise StateError(self._why(error, "cannot save")) from None

    def _follow(self, connection: sqlite3.Connection, touched: Collection[str]) -> None:
        """Bring the cached snapshot up to date with what was just written for `touched`."""
        assert self._snapshot is not None
        (version, _), old = self._snapshot
        read, starred = set(old.read), set(old.starred)
        tags, notes = dict(old.tags), dict(old.notes)
        for article_id in touched:
            row = connection.execute(_ONE_ARTICLE, (article_id,) * 4).fetchone()
            is_read, is_starred, names, count = row
            (read.add if is_read else read.discard)(article_id)
            (starred.add if is_starred else starred.discard)(article_id)
            tags.pop(article_id, None)
            notes.pop(article_id, None)
            if names != "[]":
                tags[article_id] = tuple(json.loads(names))
            if count:
                notes[article_id] = count
        # Another process's commit meanwhile changes data_version: the key then misses.
        self._snapshot = ((version, self._writes), Snapshot(frozenset(read), frozenset(starred),
                                                            tags, notes))  # fmt: skip

    def check(self) -> str:
        """ "" when the state file is sound (or absent), else what SQLite found wrong."""

        def run(c: sqlite3.Connection) -> str:
            rows = [row[0] for row in c.execute("PRAGMA quick_check")]
            return "" if rows == ["ok"] else "; ".join(rows[:3])

        return self._read(run, "")

    def change_stamp(self) -> tuple[int, int]:
        """Differs whenever the state changed, in this process or another."""
        with self._lock:
            return self.data_version(), self._writes

    def data_version(self) -> int:
        """Changes whenever another connection (process) commits: a cheap "did it change?"."""
        return self._read(lambda c: int(c.execute("PRAGMA data_version").fetchone()[0]), 0)

    # -- reading ------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The state the list shows; read again only when someone (any process) changed it."""
        with self._lock:
            key = self.change_stamp()
            if self._snapshot is None or self._snapshot[0] != key:
                self._snapshot = (key, self._read_snapshot())
            return self._snapshot[1]

    def _read_snapshot(self) -> Snapshot:
        def run(c: sqlite3.Connection) -> Snapshot:
            tags: dict[str, list[str]] = {}
            for article_id, name in c.execute("SELECT article_id, name FROM tag ORDER BY name"):
                tags.setdefault(article_id, []).append(name)
            return Snapshot(
                read=_id_set(c, "read"),
                starred=_id_set(c, "star"),
                tags={article_id: tuple(names) for article_id, names in tags.items()},
                notes=dict(c.execute("SELECT article_id, count(*) FROM note GROUP BY article_id")),
            )

        return self._read(run, Snapshot())

    def is_read(self, article_id: str) -> bool:
        return article_id in self._ids("SELECT article_id FROM read WHERE article_id = ?",
                                       (article_id,))  # fmt: skip

    def is_starred(self, article_id: str) -> bool:
        return article_id in self._ids("SELECT article_id FROM star WHERE article_id = ?",
                                       (article_id,))  # fmt: skip

    def tags_of(self, article_id: str) -> list[str]:
        query = "SELECT name FROM tag WHERE article_id = ? ORDER BY name"
        return sorted(self._ids(query, (article_id,)))

    def read_ids(self) -> set[str]:
        return self._ids("SELECT article_id FROM read")

    def starred_ids(self) -> set[str]:
        return self._ids("SELECT article_id FROM star")

    def tagged_ids(self, tag: str) -> set[str]:
        return self._ids("SELECT article_id FROM tag WHERE name = ?", (normalise_tag(tag),))

    def noted_ids(self) -> set[str]:
        return self._ids("SELECT DISTINCT article_id FROM note")

    def all_tags(self) -> dict[str, int]:
        """Every tag in use with its number of articles, most used first."""
        query = "SELECT name, count(*) AS n FROM tag GROUP BY name ORDER BY n DESC, name"
        return self._read(lambda c: dict(c.execute(query)), {})

    def _ids(self, query: str, params: tuple[object, ...] = ()) -> set[str]:
        return self._read(lambda c: {row[0] for row in c.execute(query, params)}, set())

    def notes(self, article_id: str | None = None) -> list[Note]:
        """An article's notes (or every note), oldest first."""
        where, params = ("WHERE article_id = ?", (article_id,)) if article_id else ("", ())
        query = f"SELECT {_NOTE_COLUMNS} FROM note {where} ORDER BY id"
        return self._read(lambda c: [Note(*row) for row in c.execute(query, params)], [])

    def note(self, note_id: int) -> Note | None:
        query = f"SELECT {_NOTE_COLUMNS} FROM note WHERE id = ?"
        return self._read(lambda c: _first(Note(*r) for r in c.execute(query, (note_id,))), None)

    def saved_searches(self) -> list[SavedSearch]:
        def run(c: sqlite3.Connection) -> list[SavedSearch]:
            seen: dict[str, set[str]] = {}
            for name, article_id in c.execute("SELECT name, article_id FROM saved_seen"):
                seen.setdefault(name, set()).add(article_id)
            rows = c.execute("SELECT name, query, created, opened FROM saved ORDER BY name")
            return [
                SavedSearch(name, query, created, opened, seen=frozenset(seen.get(name, ())))
                for name, query, created, opened in rows
            ]

        return self._read(run, [])

    def saved_search(self, name: str) -> SavedSearch | None:
        from kimreader.corpus.sanitize import sanitize_line

        wanted = sanitize_line(name).casefold()
        return _first(s for s in self.saved_searches() if s.name.casefold() == wanted)

    # -- writing ------------------------------------------------------------------------------

    def set_read(self, article_ids: Iterable[str], read: bool = True) -> None:
        self._set_flag("read", article_ids, read)

    def set_starred(self, article_ids: Iterable[str], starred: bool = True) -> None:
        self._set_flag("star", article_ids, starred)

    def _set_flag(self, table: str, article_ids: Iterable[str], on: bool) -> None:
        rows = [(article_id,) for article_id in article_ids]
        with self._write([article_id for (article_id,) in rows]) as c:
            if on:  # the first time counts: marking again keeps the date it was first marked
                stamp = now_iso()
                c.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?, ?)",
                              [(article_id, stamp) for (article_id,) in rows])  # fmt: skip
            else:
                c.executemany(f"DELETE FROM {table} WHERE article_id = ?", rows)

    def add_tags(self, article_id: str, tags: Iterable[str]) -> list[str]:
        """Adds tags (normalised); returns them as stored."""
        names = [normalise_tag(tag) for tag in tags]
        stamp = now_iso()
        with self._write([article_id]) as c:
            c.executemany("INSERT OR IGNORE INTO tag VALUES (?, ?, ?)",
                          [(article_id, name, stamp) for name in names])  # fmt: skip
        return names

    def remove_tags(self, article_id: str, tags: Iterable[str]) -> list[str]:
        names = [normalise_tag(tag) for tag in tags]
        with self._write([article_id]) as c:
            c.executemany("DELETE FROM tag WHERE article_id = ? AND name = ?",
                          [(article_id, name) for name in names])  # fmt: skip
        return names

    def add_note(
        self, article_id: str, text: str, *, body: str = "", span: tuple[int, int] | None = None
    ) -> Note:
        """A note on a passage (body[span]) or, without a span, on the whole article."""
        text = _note_text(text)
        quote, prefix, suffix, start = "", "", "", 0
        if span is not None:
            start, end = span
            if not (0 <= start < end <= len(body) and body[start:end].strip()):
                raise StateError(f"a passage at {start}-{end} is not in the article")
            quote = body[start:end]
            prefix, suffix = context_of(body, start, end)
        stamp = now_iso()
        with self._write([article_id]) as c:
            cursor = c.execute(
                "INSERT INTO note (article_id, text, quote, prefix, suffix, start, created,"
                " updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, text, quote, prefix, suffix, start, stamp, stamp),
            )
            note_id = int(cursor.lastrowid or 0)
        return Note(note_id, article_id, text, quote, prefix, suffix, start, stamp, stamp)

    def edit_note(self, note_id: int, text: str) -> None:
        with self._write() as c:
            changed = c.execute("UPDATE note SET text = ?, updated = ? WHERE id = ?",
                                (_note_text(text), now_iso(), note_id)).rowcount  # fmt: skip
        if not changed:
            raise StateError(f"no note {note_id}")

    def delete_note(self, note_id: int) -> None:
        note = self.note(note_id)
        if note is None:
            raise StateError(f"no note {note_id}")
        with self._write([note.article_id]) as c:
            c.execute("DELETE FROM note WHERE id = ?", (note_id,))

    def save_search(self, name: str, query: str) -> SavedSearch:
        """Save (or replace the query of) a named search."""
        from kimreader.corpus.sanitize import sanitize_line

        name = sanitize_line(name)[:MAX_NAME]
        query = sanitize_line(query)
        if not name or not query:
            raise StateError("a saved search needs a name and a query")
        stamp = now_iso()
        with self._write() as c:
            c.execute(
                "INSERT INTO saved VALUES (?, ?, ?, '') ON CONFLICT (name) DO UPDATE SET"
                " query = excluded.query",
                (name, query, stamp),
            )
        saved = self.saved_search(name)
        assert saved is not None
        return saved

    def delete_saved_search(self, name: str) -> None:
        with self._write() as c:
            if not c.execute("DELETE FROM saved WHERE name = ?", (name,)).rowcount:
                raise StateError(f"no saved search named {name!r}")

    def mark_opened(self, name: str, found: Iterable[str]) -> None:
        """The saved search was opened and showed `found`: none of them is new any more."""
        rows = [(name, article_id) for article_id in found]
        with self._write() as c:
            c.execute("UPDATE saved SET opened = ? WHERE name = ?", (now_iso(), name))
            c.executemany("INSERT OR IGNORE INTO saved_seen VALUES (?, ?)", rows)


# Everything the snapshot holds about one article.
_ONE_ARTICLE = """
    SELECT EXISTS (SELECT 1 FROM read WHERE article_id = ?),
           EXISTS (SELECT 1 FROM star WHERE article_id = ?),
           (SELECT json_group_array(name) FROM
               (SELECT name FROM tag WHERE article_id = ? ORDER BY name)),
           (SELECT count(*) FROM note WHERE article_id = ?)
"""
_NOTE_COLUMNS = "id, article_id, text, quote, prefix, suffix, start, created, updated"


def _note_text(text: str) -> str:
    from kimreader.corpus.sanitize import sanitize_text

    text = sanitize_text(text).strip()
    if len(text) > MAX_NOTE:
        raise StateError(f"a note holds at most {MAX_NOTE} characters")
    return text


def _id_set(connection: sqlite3.Connection, table: str) -> frozenset[str]:
    """Every article id in a table, as one JSON array: about twice as fast as row by row."""
    (ids,) = connection.execute(f"SELECT json_group_array(article_id) FROM {table}").fetchone()
    return frozenset(json.loads(ids))


def _first(items: Iterable[T]) -> T | None:
    return next(iter(items), None)


def _statements(script: str) -> list[str]:
    """A migration script's statements, to run inside one transaction (executescript commits)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _is_read_only(error: sqlite3.Error) -> bool:
    text = str(error)
    return "readonly" in text or "read-only" in text or "unable to open" in text
