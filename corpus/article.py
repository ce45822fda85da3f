"""The Article: one news report, its metadata and its Markdown body."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path


def content_hash(title: str, body: str) -> str:
    """SHA-256 of what makes two articles the same text (title and body, whitespace folded)."""
    folded = " ".join(title.split()) + "\n" + " ".join(body.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def make_article_id(url: str, title: str, body: str) -> str:
    """A stable id: from the source url when there is one, otherwise from the content."""
    basis = url.strip() if url.strip() else content_hash(title, body)
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Article:
    """A news article. `body` is Markdown; every text field is already sanitized."""

    id: str
    title: str
    body: str
    source: str = ""
    authors: tuple[str, ...] = ()
    published: date | None = None
    url: str = ""
    language: str = ""
    summary: str = ""
    place: str = ""
    rights: str = ""
    origin: str = ""  # the file path or url the article was imported from
    fetched: str = ""  # when it was fetched from the web (ISO 8601, UTC)
    feed: str = ""  # the name of the feed it came from
    path: Path | None = None  # its Markdown file inside the library, once stored
    hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.title, self.body))

    @classmethod
    def create(
        cls,
        title: str,
        body: str,
        *,
        url: str = "",
        **fields: object,
    ) -> Article:
        """Build an article whose id is derived from its url or content."""
        article_id = make_article_id(url, title, body)
        return cls(id=article_id, title=title, body=body, url=url, **fields)  # type: ignore[arg-type]

    def with_changes(self, **changes: object) -> Article:
        """A copy with some fields changed; the content hash follows title and body."""
        if "title" in changes or "body" in changes:
            changes.setdefault("hash", "")
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def published_iso(self) -> str:
        return self.published.isoformat() if self.published else ""
