"""The article library: the Article model, readers for files, and the on-disk library."""

from kimreader.corpus.article import Article, content_hash, make_article_id
from kimreader.corpus.sanitize import sanitize_text

__all__ = ["Article", "content_hash", "make_article_id", "sanitize_text"]
