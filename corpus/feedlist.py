"""The feeds a library follows: `feeds.yaml` in the library folder, human-readable user data.

Written atomically (temp + rename) under a lock (`.kimreader/feeds.lock`), so that the app and a
`kimreader fetch` in another terminal never lose each other's changes; a file the user broke by
hand is reported, never overwritten. Besides what the user chose (name, url) each feed keeps
what makes the next fetch cheap and exact: the server's ETag / Last-Modified, and the ids of the
entries already taken (recent ones, bounded).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kimreader.corpus.library import STATE_DIR, LibraryError, atomic_write_text
from kimreader.corpus.sanitize import sanitize_line

FEEDS_FILE = "feeds.yaml"
MAX_SEEN = 1000  # entry ids remembered per feed: far more than any feed lists at once
_HEADER = (
    "# The feeds this kimreader library follows (`kimreader feeds add URL`, `kimreader fetch`).\n"
    "# Edit freely: name (what feed:NAME finds) and url are yours; the other keys are kept up to\n"
    "# date by `kimreader fetch`.\n"
)


class FeedListError(LibraryError):
    """The feed list cannot be read or written; one line for the user."""


@dataclass
class Subscription:
    name: str
    url: str
    title: str = ""
    site: str = ""
    added: str = ""
    etag: str = ""
    last_modified: str = ""
    checked: str = ""
    status: str = ""  # what the last fetch did, one line
    seen: list[str] = field(default_factory=list)

    def remember(self, guids: list[str]) -> None:
        known = set(self.seen)
        self.seen.extend(g for g in guids if g not in known)
        del self.seen[:-MAX_SEEN]


_KEYS = [f.name for f in fields(Subscription)]


def feed_name(title: str, url: str, taken: set[str]) -> str:
    """A short name for feed:NAME: the title (else the host) in lower case, words joined by
    hyphens; made unique among `taken` with a number."""
    from urllib.parse import urlsplit

    basis = title or (urlsplit(url).hostname or "feed").removeprefix("www.")
    slug = re.sub(r"[^\w]+", "-", basis.casefold()).strip("-_")[:40].strip("-_") or "feed"
    name, number = slug, 2
    while name in taken:
        name, number = f"{slug}-{number}", number + 1
    return name


def valid_name(name: str) -> bool:
    return bool(re.fullmatch(r"[\w][\w-]{0,59}", name))


class FeedList:
    def __init__(self, library_root: Path) -> None:
        self.path = library_root / FEEDS_FILE
        self.lock_path = library_root / STATE_DIR / "feeds.lock"

    def load(self) -> list[Subscription]:
        """The feeds, in file order; FeedListError when the file cannot be read."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as error:
            raise FeedListError(f"{self.path}: unreadable ({error})") from None
        return _parse(text, self.path)

    def save(self, feeds: list[Subscription]) -> None:
        try:
            atomic_write_text(self.path, _dump(feeds))
        except OSError as error:
            reason = error.strerror or str(error)
            raise FeedListError(f"{self.path}: cannot write the feed list ({reason})") from None

    @contextmanager
    def editing(self) -> Iterator[list[Subscription]]:
        """Load under the lock, let the caller change the list, save it (only if it changed)."""
        with self._locked():
            feeds = self.load()
            before = _dump(feeds)
            yield feeds
            if _dump(feeds) != before:
                self.save(feeds)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        import fcntl

        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.lock_path, "a+b")  # noqa: SIM115 - held for the block
        except OSError as error:
            reason = error.strerror or str(error)
            raise FeedListError(f"{self.lock_path}: cannot lock the feed list ({reason})") from None
        with handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def find(feeds: list[Subscription], key: str) -> Subscription | None:
    """A feed by name or url."""
    for feed in feeds:
        if key in (feed.name, feed.url):
            return feed
    return None


def _parse(text: str, path: Path) -> list[Subscription]:
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(text, Loader=loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise FeedListError(f"{path}: invalid YAML{where}; fix it or move it away") from None
    items = data.get("feeds") if isinstance(data, dict) else None
    if items is None:
        items = []
    if not isinstance(items, list):
        raise FeedListError(f"{path}: 'feeds' must be a list; fix it or move it away")
    feeds: list[Subscription] = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise FeedListError(f"{path}: feed {number} has no url; fix it or move it away")
        values: dict[str, Any] = {key: _line(item.get(key)) for key in _KEYS if key != "seen"}
        seen = item.get("seen")
        values["seen"] = [_line(g) for g in seen if _line(g)] if isinstance(seen, list) else []
        values["name"] = values["name"] or feed_name(values["title"], values["url"], set())
        feeds.append(Subscription(**values))
    return feeds


def _line(value: Any) -> str:
    return sanitize_line(str(value)) if isinstance(value, (str, int, float)) else ""


def _dump(feeds: list[Subscription]) -> str:
    """YAML written by hand: stable key order, every string JSON-quoted (valid YAML)."""
    lines = [_HEADER.rstrip("\n"), "feeds:"]
    for feed in feeds:
        first = True
        for key in _KEYS:
            value = getattr(feed, key)
            if value in ("", []):
                continue
            lead = "  - " if first else "    "
            first = False
            if isinstance(value, list):
                lines.append(f"{lead}{key}:")
                lines.extend(f"      - {json.dumps(item, ensure_ascii=False)}" for item in value)
            else:
                lines.append(f"{lead}{key}: {json.dumps(value, ensure_ascii=False)}")
    if not feeds:
        lines[-1] = "feeds: []"
    return "\n".join(lines) + "\n"


def library_has_feeds(library_root: Path) -> bool:
    return os.path.isfile(library_root / FEEDS_FILE)
