"""The article library: the Article model, readers for files, and the on-disk library.

The names below are imported when first used (PEP 562): importing any module of the package
must not import the others (the app's first frame and `kimreader --help` count on it)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kimreader.corpus.article import Article, content_hash, make_article_id
    from kimreader.corpus.sanitize import sanitize_text

__all__ = ["Article", "content_hash", "make_article_id", "sanitize_text"]
_HOMES = {
    "Article": "article",
    "content_hash": "article",
    "make_article_id": "article",
    "sanitize_text": "sanitize",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
