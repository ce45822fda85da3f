"""The library on disk: one Markdown file per article, the source of truth.

Layout of a library folder:
    <id>.md                        one article, front matter + Markdown body
    userstate/state.sqlite         the reader's own data: read, stars, tags, notes, saved
                                   searches (see userstate.py; user data, never rebuilt)
    .kimreader/catalog.json        cache of every file's metadata (rebuilt from the files),
                                   led by a digest of the files' names, mtimes and sizes and,
                                   on its first line, the newest NEWEST_SAVED entries
    .kimreader/entities/<id>.json  entities extracted when the article entered the library
    .kimreader/index/              the search index (see kimreader.index), a cache
    .kimreader/library             marker: the library was initialised (and seeded once)
    trash/<id>.md                  removed articles, kept TRASH_DAYS days (user data: `kimreader
                                   restore` brings one back, `doctor` empties old ones)
"""

from __future__ import annotations

import heapq
import json
import marshal
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from kimreader.corpus.order import NEWEST_FIRST

if TYPE_CHECKING:
    from mmap import mmap

    from kimreader.corpus.article import Article

# Imported where used (reading, writing or adding a file), not here: the app's first frame reads
# the saved catalog alone. article, frontmatter, metadata, sanitize, boilerplate, dates.

STATE_DIR = ".kimreader"
TRASH_DIR = "trash"
TRASH_DAYS = 30
CATALOG_VERSION = 3  # 3: near-duplicate keys of title and body
# The catalog file's first bytes, which name the digest of the files it was made from (a
# catalog saved without one, by an older kimreader, is checked file by file and saved again).
_CATALOG_HEAD = re.compile(rb'\{"version": %d, "files_digest": "([0-9a-f]{32})"' % CATALOG_VERSION)
SHIPPED_DIR = Path(__file__).resolve().parent / "articles"

# Entries read one by one from the saved catalog (~60 us each at 20,000) before the whole of
# it is loaded (~0.2 s): a search for ten titles reads ten; a session of searches listing
# hundreds of hits each loads it once instead of paying per hit every time.
ONE_BY_ONE = 256
# The newest entries (by date, then title), repeated on the catalog file's first line: the app's
# first frame lists them without reading the rest (more than any screen shows at once).
NEWEST_SAVED = 100
AddStatus = Literal["added", "updated", "unchanged", "duplicate"]
FileStats = dict[str, tuple[int, int]]  # article file name -> (mtime_ns, size)


class LibraryError(Exception):
    """A problem with the library itself, as one line for the user."""


class ArticleNotFound(LibraryError):
    pass


class LibraryMissing(LibraryError):
    """The folder named is not a library (a typo must not create one)."""


def is_library(root: Path) -> bool:
    """A folder kimreader initialised, or one that already holds article files."""
    if (root / STATE_DIR / "library").exists():
        return True
    try:
        return any(p.suffix == ".md" for p in root.iterdir() if not p.name.startswith("."))
    except OSError:
        return False


def require_library(root: Path) -> None:
    """Raise LibraryMissing, naming the path, unless `root` is a library."""
    root = root.expanduser()
    if root.exists() and not root.is_dir():
        raise LibraryError(f"{root}: the library path is a file, not a folder")
    if not is_library(root):
        raise LibraryMissing(
            f"{root}: no library here (create it with 'kimreader init {root}' "
            "or by adding articles with 'kimreader add')"
        )


def default_library_root() -> Path:
    """`KIMREADER_HOME`, else the platform's user data dir."""
    env = os.environ.get("KIMREADER_HOME", "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("kimreader", appauthor=False)) / "library"


def atomic_write_text(
    path: Path, text: str, *, shared: bool = False, sync_dir: bool = True
) -> None:
    """Write to a temp file beside `path`, fsync, then rename over it: all or nothing.

    `shared`: a file written for the user to hand on (an export) gets the permissions any new
    file of theirs gets (the umask), not the temp file's owner-only ones. Without `sync_dir`
    the caller syncs the folder later (once for a batch of files): until then a power cut may
    undo the rename, but never leaves a partial file."""
    # The writer's pid in the name lets `kimreader doctor` tell a killed write from a live one.
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".tmp-{os.getpid()}-", suffix=path.suffix, dir=path.parent
    )
    try:
        if shared:
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    if sync_dir:
        _fsync_dir(path.parent)


def _umask() -> int:
    """The process's umask, read without setting it (os.umask would, for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class CatalogEntry:
    """What the list needs of an article, without reading its body."""

    id: str
    title: str
    source: str
    authors: tuple[str, ...]
    published: str  # ISO date or ""
    url: str
    origin: str
    hash: str
    mtime_ns: int
    size: int
    feed: str = ""
    text_key: str = ""  # near_duplicate_key of the title and body

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["authors"] = list(self.authors)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CatalogEntry:
        if not isinstance(data, dict):  # a hand-edited or damaged catalog: rebuilt, not read
            raise TypeError(f"a catalog entry is an object, not {type(data).__name__}")
        if data.keys() != _ENTRY_FIELDS:
            return cls(**{**data, "authors": tuple(data.get("authors", ()))})
        # Opening 20,000 articles builds 20,000 entries: skip the frozen __init__'s setattrs.
        entry = object.__new__(cls)
        entry.__dict__.update(data)
        entry.__dict__["authors"] = tuple(data["authors"])
        return entry

    @classmethod
    def of(cls, article: Article, mtime_ns: int, size: int) -> CatalogEntry:
        return cls(
            id=article.id,
            title=article.title,
            source=article.source,
            authors=article.authors,
            published=article.published_iso,
            url=article.url,
            origin=article.origin,
            hash=article.hash,
            mtime_ns=mtime_ns,
            size=size,
            feed=article.feed,
            text_key=_near_duplicate_key(article),
        )


_ENTRY_FIELDS = {f.name for f in fields(CatalogEntry)}


def _near_duplicate_key(article: Article) -> str:
    from kimreader.corpus.boilerplate import near_duplicate_key

    return near_duplicate_key(article.title, article.body)


def files_digest(stats: FileStats) -> str:
    """One short string for a set of files' names, mtimes and sizes: equal digests mean the
    catalog's own per-file check (mtime and size) would find nothing changed."""
    import hashlib  # lazy, as mmap below: the first frame lists the saved catalog without
    from array import array
    from itertools import chain

    names = sorted(stats)  # the names, then their numbers as raw 64-bit integers: no formatting
    digest = hashlib.blake2b("\0".join(names).encode(), digest_size=16)
    digest.update(array("q", chain.from_iterable(map(stats.__getitem__, names))).tobytes())
    return digest.hexdigest()


def is_article_name(name: str) -> bool:
    """A file name the library reads as an article: `<id>.md`, not hidden, and text (a name
    in another encoding than the file system's, "bad\udcff.md", can be no id, catalog key or
    JSON string: such a file is left alone rather than stopping the whole library)."""
    if not name.endswith(".md") or name.startswith("."):
        return False
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def catalog_stats(catalog: dict[str, CatalogEntry]) -> FileStats:
    return {name: (entry.mtime_ns, entry.size) for name, entry in catalog.items()}


def catalog_text(digest: str, catalog: dict[str, CatalogEntry]) -> str:
    """The catalog file: one JSON document, led by the digest of the files it was made from,
    with one entry a line, sorted by file name (SavedLines finds one without the others). Its
    first line also holds the number of entries and the newest of them (`saved_newest`)."""
    # In file-name order, as a whole catalog read back is, so that ties fall as they do there.
    by_name = sorted(catalog.items())
    newest = heapq.nlargest(NEWEST_SAVED, by_name, key=lambda item: NEWEST_FIRST(item[1]))
    head = json.dumps(
        {
            "version": CATALOG_VERSION,
            "files_digest": digest,
            "count": len(catalog),
            "newest": [entry.to_json() for _, entry in sorted(newest)],
        },
        ensure_ascii=False,
    )[:-1]
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = sorted(f"{encode(name)}: {encode(e.to_json())}" for name, e in catalog.items())
    return head + ', "files": {\n' + ",\n".join(lines) + "\n}}\n"


class SavedLines:
    """Entries of a saved catalog file looked up by name, each parsed alone: a binary search
    over its sorted lines (a search shows ten titles of 20,000; loading all costs 0.2 s)."""

    def __init__(self, data: bytes | mmap, digest: str) -> None:
        self.data, self.digest = data, digest
        self.start = data.find(b"\n") + 1  # after the head: the first entry's line
        self.end = data.rfind(b"\n}}") + 1  # after the last entry's line

    @classmethod
    def open(cls, path: Path) -> SavedLines:
        import mmap

        try:
            with path.open("rb") as handle:
                data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, or empty (mmap refuses those)
            return cls.empty()
        head = _CATALOG_HEAD.match(data[:96])
        return cls(data, head.group(1).decode()) if head else cls.empty()

    @classmethod
    def empty(cls) -> SavedLines:
        return cls(b"", "")

    def get(self, name: str) -> CatalogEntry | None:
        key = json.dumps(name, ensure_ascii=False).encode() + b": "
        lo, hi = self.start, self.end  # both at the start of a line
        while lo < hi:
            start = self.data.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
            end = self.data.find(b"\n", start, hi)
            end = hi - 1 if end < 0 else end
            head = self.data[start : start + len(key)]
            if head == key:
                return self._parse(name, self.data[start:end])
            lo, hi = (end + 1, hi) if head < key else (lo, start)
        return None

    @staticmethod
    def _parse(name: str, line: bytes) -> CatalogEntry | None:
        try:
            found = json.loads(b"{" + line.rstrip(b",") + b"}")
            return CatalogEntry.from_json(found[name])
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class AddResult:
    status: AddStatus
    article: Article
    duplicate_of: str = ""  # for "duplicate": the id already holding this text


def article_to_markdown(article: Article) -> str:
    from kimreader.corpus.frontmatter import dump_front_matter

    return dump_front_matter(article_front_matter(article), article.body)


def article_front_matter(article: Article) -> dict[str, Any]:
    """The fields a library file's front matter holds, in their order."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "authors": list(article.authors),
        "published": article.published,
        "place": article.place,
        "url": article.url,
        "language": article.language,
        "summary": article.summary,
        "rights": article.rights,
        "origin": article.origin,
        "fetched": article.fetched,
        "feed": article.feed,
    }


def _metadata(article: Article) -> tuple[object, ...]:
    """What a re-import may change besides the text: the fields stored in front matter."""
    return (
        article.source,
        article.authors,
        article.published,
        article.url,
        article.language,
        article.summary,
        article.place,
        article.rights,
    )


def article_from_markdown(text: str, path: Path) -> Article:
    """Parse a file the library wrote (or a person edited). Raises LibraryError."""
    from kimreader.corpus.article import Article
    from kimreader.corpus.dates import parse_date
    from kimreader.corpus.frontmatter import FrontMatterError, parse_front_matter
    from kimreader.corpus.metadata import scalar_text, split_authors
    from kimreader.corpus.sanitize import sanitize_line, sanitize_text

    def _line(meta: dict[str, Any], key: str) -> str:
        return sanitize_line(scalar_text(meta.get(key)))

    try:
        meta, body = parse_front_matter(text)
    except FrontMatterError as error:
        raise LibraryError(f"{path}: {error}") from None
    # Files copied or edited into the folder are as untrusted as imports: text fields are
    # sanitized, containers ignored, and the id is the file name (an `id: ../x` cannot steer
    # reads, writes or removals outside the folder).
    if _UNSAFE.search(body):
        body = sanitize_text(body)
    return Article(
        id=path.stem,
        title=_line(meta, "title"),
        body=body,
        source=_line(meta, "source"),
        authors=split_authors(meta.get("authors")),
        published=parse_date(meta.get("published")),
        url=_line(meta, "url"),
        language=_line(meta, "language"),
        summary=sanitize_text(scalar_text(meta.get("summary"))),
        place=_line(meta, "place"),
        rights=_line(meta, "rights"),
        origin=_line(meta, "origin"),
        fetched=_line(meta, "fetched"),
        feed=_line(meta, "feed"),
        path=path,
    )


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shipped_entities_path(article_path: Path) -> Path:
    return article_path.with_suffix(".entities.json")


def _shipped_sidecars(path: Path, article: Article) -> dict[str, Any] | None:
    """The shipped entities, if they were computed for this very text."""
    try:
        payload = json.loads(shipped_entities_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("hash") != article.hash:
        return None
    return {"entities": {"data": payload.get("data", []), "version": payload.get("version", 0)}}


def read_file_stats(root: Path) -> FileStats:
    """(mtime_ns, size) of every article file in `root`: one listing and one stat per file, by
    name relative to the open folder."""
    try:
        names = os.listdir(root)
    except FileNotFoundError:
        return {}
    relative = os.stat in os.supports_dir_fd
    folder = os.open(root, os.O_RDONLY) if relative else None
    stats: FileStats = {}
    try:
        for name in names:
            if not is_article_name(name):
                continue
            try:
                found = os.stat(name if relative else root / name, dir_fd=folder)
            except OSError:
                continue  # removed since the listing, or a dangling link
            if stat.S_ISREG(found.st_mode):
                stats[name] = (found.st_mtime_ns, found.st_size)
    finally:
        if folder is not None:
            os.close(folder)
    return stats


def _send_file_check(root: Path, reader: int, writer: int) -> NoReturn:
    """In the child of prefetch_file_stats(): write the files' stats and digest, then leave
    without running any of the parent's clean-up (its buffers and files are the parent's)."""
    try:
        os.close(reader)
        stats = read_file_stats(root)
        with os.fdopen(writer, "wb") as out:
            out.write(marshal.dumps((stats, files_digest(stats))))
    finally:
        os._exit(0)


def _reap(child: int) -> None:
    """Wait for the child to end (it is not left a zombie), whatever it did."""
    try:
        os.waitpid(child, 0)
    except ChildProcessError:
        pass


def _receive_file_check(child: int, reader: int) -> tuple[FileStats, str] | None:
    """What the child of prefetch_file_stats() found (None if it failed: check here)."""
    try:
        with os.fdopen(reader, "rb") as answer:
            data = answer.read()
        stats, digest = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    finally:
        _reap(child)
    return (stats, digest) if isinstance(stats, dict) and isinstance(digest, str) else None


class Library:
    """A folder of articles. Cheap to open: metadata comes from a catalog cache."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.state_dir = root / STATE_DIR
        self._catalog: dict[str, CatalogEntry] | None = None  # by file name
        self._saved: dict[str, CatalogEntry] | None = None  # the cache file, read, not checked
        self._saved_digest = ""  # files_digest() of the entries in the cache file
        self._saved_without_newest = False  # the cache file, as an older kimreader saved it
        # The files as last checked, when they matched the saved catalog: it is current but not
        # loaded yet (a search needs a handful of entries, not 20,000).
        self._checked: FileStats | None = None
        self._checked_digest = ""  # their files_digest()
        self._lines: SavedLines | None = None  # that saved catalog, for entries one by one
        self._one_by_one: dict[str, CatalogEntry | None] = {}  # entries read from it so far
        self._by_hash: dict[str, CatalogEntry] = {}
        self._by_origin: dict[str, CatalogEntry] = {}
        self._by_text: dict[str, CatalogEntry] = {}
        # Inside `batch()`: the catalog is saved, and written folders synced, once at the end.
        self._batch_folders: set[Path] | None = None
        self._batch_changed_catalog = False
        # The child process checking the files for the next refresh() and the pipe it answers
        # on (prefetch_file_stats).
        self._prefetched: tuple[int, int] | None = None

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path | None = None, *, seed: bool = True) -> Library:
        """Open (creating if needed) a library; a brand-new one starts with the shipped reports."""
        root = (root or default_library_root()).expanduser()
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root}: the library path is a file, not a folder")
        library = cls(root)
        marker = library.state_dir / "library"
        if not marker.exists():
            try:
                library.state_dir.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise LibraryError(
                    f"{root}: cannot create the library ({error.strerror})"
                ) from None
            if seed and not any(library.article_files()):
                library.seed_shipped()
            atomic_write_text(marker, f"kimreader library, catalog v{CATALOG_VERSION}\n")
        return library

    def seed_shipped(self) -> list[AddResult]:
        """Copy the shipped reports, with their precomputed entities, into the library."""
        from kimreader.corpus.article import Article

        results = []
        for path in sorted(SHIPPED_DIR.glob("*.md")):
            shipped = article_from_markdown(path.read_text(encoding="utf-8"), path)
            article = shipped.with_changes(
                id=Article.create(shipped.title, shipped.body).id, origin=f"shipped:{path.name}"
            )
            results.append(self.add(article, _shipped_sidecars(path, article)))
        return results

    # -- files ------------------------------------------------------------------------------

    def article_files(self) -> Iterator[os.DirEntry[str]]:
        try:
            entries = os.scandir(self.root)
        except FileNotFoundError:
            return
        with entries:
            for entry in entries:
                if is_article_name(entry.name):
                    if entry.is_file():
                        yield entry

    def prefetch_file_stats(self) -> None:
        """Start checking the files (the next refresh()'s stats and digest) in a forked child
        while this process goes on opening the index: at 20,000 articles the stats take as long
        as importing the engine, and the child runs them on another core (a thread would wait
        for the GIL after every stat). Only in a process with one thread, where fork is safe."""
        import threading

        if not hasattr(os, "fork") or threading.active_count() > 1 or self._prefetched:
            return
        reader, writer = os.pipe()
        try:
            child = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return
        if child == 0:
            _send_file_check(self.root, reader, writer)  # never returns
        os.close(writer)
        self._prefetched = (child, reader)

    def file_stats(self) -> FileStats:
        """(mtime_ns, size) of every article file (those article_files() yields)."""
        return self._file_check()[0]

    def _file_check(self) -> tuple[FileStats, str]:
        """The files' stats and their files_digest(): the prefetched ones when there are."""
        prefetched, self._prefetched = self._prefetched, None
        if prefetched is not None:
            received = _receive_file_check(*prefetched)
            if received is not None:
                return received
        stats = read_file_stats(self.root)
        return stats, files_digest(stats)

    def path_for(self, article_id: str) -> Path:
        return self.root / f"{article_id}.md"

    def read(self, path: Path) -> Article:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ArticleNotFound(f"{path.name}: no such article") from None
        except (OSError, UnicodeDecodeError) as error:
            raise LibraryError(f"{path}: unreadable ({error})") from None
        return article_from_markdown(text, path)

    # -- catalog ----------------------------------------------------------------------------

    @property
    def catalog_path(self) -> Path:
        return self.state_dir / "catalog.json"

    def _load_catalog_cache(self) -> dict[str, CatalogEntry]:
        """The saved catalog, unchecked (sets _saved_digest: "" when it names none)."""
        self._saved_digest = ""
        try:
            data = json.loads(self.catalog_path.read_text(encoding="utf-8"))
            if data.get("version") != CATALOG_VERSION:
                return {}
            catalog = {name: CatalogEntry.from_json(e) for name, e in data["files"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}  # a cache: missing or corrupt means rebuild
        self._saved_digest = str(data.get("files_digest", ""))
        self._saved_without_newest = "newest" not in data
        return catalog

    def _saved_files_digest(self) -> str:
        """The digest the saved catalog names, read from its first bytes alone."""
        try:
            with self.catalog_path.open("rb") as handle:
                head = _CATALOG_HEAD.match(handle.read(96))
        except OSError:
            return ""
        return head.group(1).decode() if head else ""

    @staticmethod
    def _digest(catalog: dict[str, CatalogEntry]) -> str:
        return files_digest(catalog_stats(catalog))

    def _save_catalog(self, catalog: dict[str, CatalogEntry], digest: str = "") -> None:
        """Save the catalog (`digest`: its _digest() when the caller has it already)."""
        digest = digest or self._digest(catalog)
        self._saved_digest = digest  # tried once: a read-only library is not written again
        try:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.catalog_path, catalog_text(digest, catalog))
        except OSError:
            pass  # read-only library: the catalog is only a cache

    def saved_catalog(self) -> list[CatalogEntry]:
        """The catalog as last saved, its files not checked: what a first screen can list while
        catalog() checks them (at 20,000 articles that check takes as long as the reading)."""
        if self._catalog is not None:
            return list(self._catalog.values())
        if self._saved is None:
            self._saved = self._load_catalog_cache()
        return list(self._saved.values())

    def saved_newest(self) -> tuple[list[CatalogEntry], int]:
        """The newest entries of the saved catalog (at least a screenful, in no order) and how
        many it has, read from the first line of its file alone: what the first frame lists
        (at 20,000 articles the whole file takes ~0.15 s to read). All of saved_catalog()
        when that is read already or the file has no such line (an older kimreader's)."""
        if self._catalog is None and self._saved is None:
            try:
                with self.catalog_path.open("rb") as handle:
                    first = handle.readline()
                head = json.loads(first[: first.rindex(b', "files": {')] + b"}")
                if head["version"] == CATALOG_VERSION:
                    newest = [CatalogEntry.from_json(entry) for entry in head["newest"]]
                    return newest, int(head["count"])
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass  # read whole, or rebuilt
        entries = self.saved_catalog()
        return entries, len(entries)

    def refresh(self) -> list[LibraryError]:
        """Bring the catalog in line with the files; returns the files that could not be read.

        When the files' names, mtimes and sizes are those the saved catalog was made from (one
        digest compared), the catalog is current and is not even loaded until it is needed."""
        stats, digest = self._file_check()
        if self._catalog is None:
            saved = self._saved_digest if self._saved is not None else self._saved_files_digest()
            if saved and saved == digest:
                self._checked, self._checked_digest = stats, saved
                if self._saved is not None:
                    self._use_saved(self._saved)
                return []
        return self._refresh(stats)

    def _refresh(self, stats: FileStats) -> list[LibraryError]:
        """refresh() file by file: entries of unchanged files kept, the others read again."""
        if self._catalog is not None:
            cached = self._catalog
        else:
            cached = self._saved if self._saved is not None else self._load_catalog_cache()
        catalog: dict[str, CatalogEntry] = {}
        problems: list[LibraryError] = []
        changed = False
        for name, (mtime_ns, size) in stats.items():
            known = cached.get(name)
            if known and known.mtime_ns == mtime_ns and known.size == size:
                catalog[name] = known
                continue
            try:
                article = self.read(self.root / name)
            except LibraryError as error:
                problems.append(error)
                continue
            catalog[name] = CatalogEntry.of(article, mtime_ns, size)
            changed = True
        # Saved again when the digest it names is not this catalog's: none (an older
        # kimreader's), or one computed another way; else every search would check file by file.
        stale = changed or catalog.keys() != cached.keys()
        digest = self._digest(catalog)
        if stale or self._saved_digest != digest:
            self._save_catalog(catalog, digest)
        self._use(catalog)
        return problems

    def _use(self, catalog: dict[str, CatalogEntry]) -> None:
        """Make `catalog` (checked against the files) the one in memory."""
        self._catalog, self._saved = catalog, None
        self._forget_checked()
        self._by_hash = {e.hash: e for e in catalog.values()}
        self._by_origin = {e.origin: e for e in catalog.values() if e.origin}
        self._by_text = {e.text_key: e for e in catalog.values() if e.text_key}

    def _use_saved(self, catalog: dict[str, CatalogEntry]) -> None:
        """_use() the saved catalog, current with the files; saved again if an older kimreader
        saved it without the newest entries on its first line (the next first frame reads those
        alone)."""
        self._use(catalog)
        if self._saved_without_newest:
            self._save_catalog(catalog, self._saved_digest)
            self._saved_without_newest = False

    def _loaded(self) -> dict[str, CatalogEntry]:
        """The catalog in memory, checked against the files (loaded now if it was only checked)."""
        if self._catalog is None and self._checked is None:
            self.refresh()
        if self._catalog is None:
            assert self._checked is not None
            saved = self._load_catalog_cache()
            if self._saved_digest == self._checked_digest:
                self._use_saved(saved)  # the very catalog the files were checked against
            else:  # another process saved its catalog since: check file by file
                self._saved, self._checked = saved, None
                self._refresh(self.file_stats())
        assert self._catalog is not None
        return self._catalog

    def checked_digest(self) -> str:
        """files_digest() of the files as the catalog last saw them (checking them if it has
        not yet): what the index's sync stamp records."""
        if self._catalog is None and self._checked is None:
            self.refresh()
        if self._checked is not None:
            return self._checked_digest
        return self._digest(self._loaded())

    def _forget_checked(self) -> None:
        """The check is over: the catalog is loaded, or a write made the check stale."""
        self._checked, self._lines = None, None
        self._one_by_one.clear()

    def _remember(self, name: str, entry: CatalogEntry) -> None:
        assert self._catalog is not None
        self._catalog[name] = entry
        self._by_hash[entry.hash] = entry
        if entry.origin:
            self._by_origin[entry.origin] = entry
        if entry.text_key:
            self._by_text[entry.text_key] = entry

    def catalog(self) -> list[CatalogEntry]:
        return list(self._loaded().values())

    def entry(self, article_id: str) -> CatalogEntry | None:
        name = f"{article_id}.md"
        if self._catalog is None and self._checked is not None:
            if name not in self._checked:
                return None
            if name not in self._one_by_one and len(self._one_by_one) < ONE_BY_ONE:
                self._one_by_one[name] = self._saved_entry(name)
            found = self._one_by_one.get(name)
            if found is not None:
                return found
        return self._loaded().get(name)

    def _saved_entry(self, name: str) -> CatalogEntry | None:
        """A file's entry in the saved catalog the files were checked against, found without
        loading the others (None when that catalog was replaced since: load it then)."""
        if self._lines is None:
            self._lines = SavedLines.open(self.catalog_path)
            if self._lines.digest != self._checked_digest:
                self._lines = SavedLines.empty()
        return self._lines.get(name)

    def resolve_id(self, prefix: str) -> str:
        """Accept a full id or a unique prefix of one."""
        prefix = prefix.strip()
        if not prefix:
            raise ArticleNotFound("an article id is needed")
        if self.path_for(prefix).is_file():
            return prefix
        matches = [e.id for e in self.catalog() if e.id.startswith(prefix)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ArticleNotFound(f"{prefix}: no such article")
        raise ArticleNotFound(f"{prefix}: ambiguous id ({', '.join(sorted(matches)[:5])} ...)")

    def get(self, article_id: str) -> Article:
        return self.read(self.path_for(self.resolve_id(article_id)))

    def __len__(self) -> int:
        return len(self.catalog())

    def articles(self) -> Iterator[Article]:
        for entry in self.catalog():
            try:
                yield self.get(entry.id)
            except LibraryError:
                continue

    # -- writing ----------------------------------------------------------------------------

    def classify(self, article: Article) -> tuple[AddStatus, Article, str]:
        """Decide what adding `article` would do, and the article as it would be stored."""
        self.catalog()
        same_text = self._by_hash.get(article.hash)
        if same_text is not None:
            # The same text from the same file is unchanged (updated if its metadata was read
            # differently, e.g. a cleaner outlet name); from anywhere else, a duplicate.
            if not article.origin or same_text.origin == article.origin:
                stored = article.with_changes(id=same_text.id)
                return ("updated" if self._metadata_changed(stored) else "unchanged"), stored, ""
            return "duplicate", article, same_text.id
        existing = self.entry(article.id)
        if existing is None and article.origin and article.origin != "-":
            existing = self._by_origin.get(article.origin)
        if existing is not None:
            # Fetched again by hand, an article from a feed still came from that feed.
            feed = article.feed or existing.feed
            return "updated", article.with_changes(id=existing.id, feed=feed), ""
        near = self._by_text.get(_near_duplicate_key(article))
        if near is not None:
            return "duplicate", article, near.id  # e.g. a page and its saved copy
        return "added", article, ""

    def _metadata_changed(self, article: Article) -> bool:
        try:
            return _metadata(article) != _metadata(self.get(article.id))
        except LibraryError:
            return True  # the stored file is unreadable: write it again

    def add(self, article: Article, sidecars: dict[str, Any] | None = None) -> AddResult:
        """Store an article atomically. `sidecars` (kind: {"data", "version"}, e.g. entities)
        are written first."""
        status, stored, duplicate_of = self.classify(article)
        if status in ("unchanged", "duplicate"):
            return AddResult(status, stored, duplicate_of)
        self.write(stored, sidecars)
        return AddResult(status, stored.with_changes(path=self.path_for(stored.id)))

    def write(self, article: Article, sidecars: dict[str, Any] | None = None) -> Path:
        path = self.path_for(article.id)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            for kind, stored in (sidecars or {}).items():
                self.write_sidecar(kind, article.id, {"hash": article.hash, **stored})
            self._atomic_write(path, article_to_markdown(article))
        except OSError as error:
            reason = error.strerror or str(error)
            raise LibraryError(f"{path}: cannot write the article ({reason})") from None
        stat = path.stat()
        if self._catalog is None:
            self._forget_checked()
        else:
            old = self._catalog.get(path.name)
            if old is not None:
                self._by_hash.pop(old.hash, None)
                self._by_text.pop(old.text_key, None)
            entry = CatalogEntry.of(article.with_changes(path=path), stat.st_mtime_ns, stat.st_size)
            self._remember(path.name, entry)
            if self._batch_folders is None:
                self._save_catalog(self._catalog)
            else:
                self._batch_changed_catalog = True
        return path

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes whose catalog save and folder syncs wait for the end of the batch: an
        import of thousands of articles saves the catalog (a cache) once, not per article,
        and syncs each folder once."""
        if self._batch_folders is not None:
            yield  # already in a batch: the outer one finishes it
            return
        self._batch_folders, self._batch_changed_catalog = set(), False
        try:
            yield
        finally:
            folders, self._batch_folders = self._batch_folders, None
            for folder in sorted(folders):
                _fsync_dir(folder)
            if self._batch_changed_catalog:
                self.save_catalog()

    def _atomic_write(self, path: Path, text: str) -> None:
        if self._batch_folders is None:
            atomic_write_text(path, text)
        else:
            atomic_write_text(path, text, sync_dir=False)
            self._batch_folders.add(path.parent)

    def save_catalog(self) -> None:
        if self._catalog is not None:
            self._save_catalog(self._catalog)

    def remove(self, article_id: str) -> Article:
        """Move an article to the trash (its derived data is dropped: it is rebuilt on restore)."""
        article = self.get(article_id)
        assert article.path is not None
        trash = self.root / TRASH_DIR
        try:
            trash.mkdir(exist_ok=True)
            os.replace(article.path, trash / article.path.name)
            os.utime(trash / article.path.name)  # the removal time, for emptying old ones
        except OSError as error:
            raise LibraryError(
                f"{article.path}: cannot move to the trash ({error.strerror})"
            ) from None
        for sidecar in self.state_dir.glob(f"*/{article.id}.json"):
            sidecar.unlink(missing_ok=True)
        if self._catalog is None:
            self._forget_checked()
        else:
            removed = self._catalog.pop(article.path.name, None)
            self._by_hash.pop(article.hash, None)
            if removed is not None:
                self._by_text.pop(removed.text_key, None)
            self._save_catalog(self._catalog)
        return article

    def trashed(self) -> list[Path]:
        """Removed article files, most recently removed first."""
        try:
            files = [p for p in (self.root / TRASH_DIR).glob("*.md") if not p.name.startswith(".")]
        except OSError:
            return []
        return sorted(files, key=lambda p: p.stat().st_mtime_ns, reverse=True)

    def restore(self, prefix: str = "") -> Article:
        """Bring back a removed article (by id prefix; the last removed one without)."""
        candidates = [p for p in self.trashed() if p.stem.startswith(prefix.strip())]
        if not candidates:
            raise ArticleNotFound(f"{prefix or 'trash'}: no removed article to restore")
        if prefix and len({p.stem for p in candidates}) > 1:
            names = ", ".join(sorted(p.stem for p in candidates)[:5])
            raise ArticleNotFound(f"{prefix}: ambiguous id in the trash ({names})")
        source = candidates[0]
        target = self.path_for(source.stem)
        if target.exists():
            raise LibraryError(f"{target}: an article with this id is in the library already")
        try:
            os.replace(source, target)
        except OSError as error:
            raise LibraryError(f"{source}: cannot restore ({error.strerror})") from None
        self.refresh()
        return self.get(source.stem)

    def empty_trash(self, older_than_days: float = TRASH_DAYS) -> list[str]:
        """Delete removed articles kept longer than `older_than_days`; their ids."""
        limit = time.time() - older_than_days * 86400
        emptied = []
        for path in self.trashed():
            if path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
                emptied.append(path.stem)
        return emptied

    # -- sidecars: derived data stored with an article ---------------------------------------

    def write_sidecar(self, kind: str, article_id: str, payload: dict[str, Any]) -> None:
        directory = self.state_dir / kind
        directory.mkdir(parents=True, exist_ok=True)
        text = json.dumps(payload, ensure_ascii=False)
        self._atomic_write(directory / f"{article_id}.json", text)

    def read_sidecar(
        self,
        kind: str,
        article_id: str,
        content_hash: str,
        version: int | tuple[int, ...] | None = None,
    ) -> Any | None:
        """The stored data, or None when missing, unreadable or made for another text of the
        article; with `version` (or several), also None when another version of the extractor
        made it."""
        stored = self.read_sidecar_versioned(kind, article_id, content_hash)
        if stored is None:
            return None
        wanted = (version,) if isinstance(version, int) else version
        if wanted is not None and stored[0] not in wanted:
            return None
        return stored[1]

    def read_sidecar_versioned(
        self, kind: str, article_id: str, content_hash: str
    ) -> tuple[int, Any] | None:
        """(version, data) of the stored data, whichever version of the extractor made it (0
        when the file names none): the one place a sidecar file is read. None when missing,
        unreadable, made for another text of the article, or holding no data."""
        try:
            payload = json.loads((self.state_dir / kind / f"{article_id}.json").read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(payload, dict) or payload.get("hash") != content_hash:
            return None
        data = payload.get("data")
        return None if data is None else (payload.get("version", 0), data)

    def untext_file_names(self) -> list[str]:
        """Markdown files the library leaves alone because their names are not text (see
        is_article_name), each written readably: the bytes no encoding reads as \\xNN."""
        try:
            names = os.listdir(self.root)
        except OSError:
            return []
        from kimreader.corpus.sanitize import sanitize_line

        left = (n for n in names if n.endswith(".md") and not n.startswith("."))
        return sorted(
            sanitize_line(os.fsencode(n).decode("utf-8", "backslashreplace"))
            for n in left
            if not is_article_name(n)
        )

    def stray_temp_files(self) -> Iterable[Path]:
        """Temp files left by a write that was killed before its rename."""
        yield from self.root.glob(".tmp-*")
        yield from self.state_dir.glob("**/.tmp-*")
