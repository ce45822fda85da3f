"""Read article files (Markdown, plain text, HTML) and stdin into Articles.

Every text field is sanitized on the way in; bad input raises ReadError(origin, reason), which
read_paths yields in place of the article so that a batch goes on.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kimreader.corpus.article import Article
from kimreader.corpus.boilerplate import remove_boilerplate
from kimreader.corpus.dates import parse_date
from kimreader.corpus.language import article_language
from kimreader.corpus.metadata import canonical_outlet, clean_title, scalar_text, split_authors
from kimreader.corpus.sanitize import sanitize_line, sanitize_text, strip_escape_sequences

MAX_BYTES = 64 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES
STDIN = "-"
_MAX_TITLE = 200
_FIRST_SENTENCE = re.compile(r"(.{20,}?[.!?])\s+(?=[A-Z\"“‘(])")
_MAX_DATELINE = 60  # longer first lines are titles or text, never only a date

_BLANK_RUN = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$")
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)
_FENCE_LINE = re.compile(r"^(```|~~~)", re.M)
_TXT_HEADING_LIKE = re.compile(r"^(#{1,6})(?=[ \t]|$)", re.M)
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|p|div|article)[\s>/]", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")


class ReadError(Exception):
    """A file (or stdin) that cannot be read as an article: where, and why, in one line."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(origin, reason)
        self.origin = origin
        self.reason = reason

    def __str__(self) -> str:
        reason = sanitize_line(self.reason)
        return f"{_safe_origin(self.origin)}: {reason}" if self.origin else reason

    def at(self, origin: str) -> ReadError:
        """The same error, attributed to a file."""
        return ReadError(origin, self.reason)


def _safe_origin(origin: str) -> str:
    """A path fit to display on one line: controls stripped, nothing else changed."""
    return sanitize_text(origin).replace("\n", " ").replace("\t", " ")


# --- public API ------------------------------------------------------------------------------


def read_file(path: Path) -> Article:
    """Read one article file, choosing the reader by suffix."""
    path = Path(path)
    origin = str(path.absolute())
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        if not path.exists():  # a typo or a pasted address, not a file of another type
            raise ReadError(origin, _missing(path))
        raise ReadError(origin, f"unsupported file type {suffix or '(no suffix)'}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(origin, f"file too large ({size // (1024 * 1024)} MB, limit 64 MB)")
        if path.is_dir():
            raise ReadError(origin, "is a directory")
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(origin, error.strerror or type(error).__name__) from None
    kind = "md" if suffix in MARKDOWN_SUFFIXES else "txt" if suffix in TEXT_SUFFIXES else "html"
    return read_text(data, origin, kind)


def read_text(
    text_or_bytes: str | bytes, name: str = STDIN, kind: str = "auto", url: str | None = None
) -> Article:
    """Read an article from text or bytes; kind is "md", "txt", "html" or "auto" (guessed).

    `url` is where an HTML page was fetched from: its links resolve against it, and it is the
    article's url when the page names no canonical one.
    """
    try:
        if isinstance(text_or_bytes, bytes):
            text = _decode(text_or_bytes, kind)
        else:  # a str may hold lone surrogates (no file can): they are not text
            text = _SURROGATE.sub("", text_or_bytes)
        if len(text) > MAX_BYTES:
            raise ReadError("", "input too large (limit 64 MB)")
        text = strip_escape_sequences(text)
        if not text:
            raise ReadError("", "empty file")
        if kind == "auto":
            kind = guess_kind(text)
        if kind == "md":
            return _read_markdown(text, name)
        if kind == "txt":
            return _read_plain_text(text, name)
        if kind == "html":
            return _read_html(text, name, url)
        raise ReadError("", f"unknown kind {kind!r}")
    except ReadError as error:
        raise error.at(name) from None


def guess_kind(text: str) -> str:
    """html if it looks like markup, md if it opens with front matter, else txt."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_START.search(head):
        return "html"
    if head.startswith("---"):
        return "md"
    return "txt"


# "www.example.org/story" or "example.org/2024/story": an address pasted without http(s)://.
_ADDRESS_LIKE = re.compile(r"(www\.[^/\s]+|[^/\s]+\.[A-Za-z]{2,}/)", re.IGNORECASE)


def _missing(path: Path) -> str:
    if _ADDRESS_LIKE.match(str(path)):
        return "No such file or directory (a web page? give its url with https://)"
    return "No such file or directory"


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files to read: directories expanded recursively (sorted, hidden and unsupported skipped)."""
    for item in paths:
        if isinstance(item, str) and item == STDIN:
            yield STDIN
            continue
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Each article in turn, or the ReadError for a file that could not be read."""
    for path in iter_paths(paths):
        origin = STDIN if path == STDIN else str(Path(path).absolute())
        try:
            if path == STDIN:
                yield read_text(sys.stdin.buffer.read(MAX_BYTES + 1), STDIN)
            else:
                yield read_file(Path(path))
        except ReadError as error:
            yield error
        except Exception as error:  # the batch goes on; the user gets one line, not a traceback
            yield ReadError(origin, f"could not read ({type(error).__name__}: {error})")


def _walk(root: Path) -> Iterator[Path]:
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield Path(directory) / name


# --- decoding --------------------------------------------------------------------------------


def _decode(data: bytes, kind: str) -> str:
    from kimreader.corpus.decode import declared_charset, decode_bytes

    if not data:
        raise ReadError("", "empty file")
    if len(data) > MAX_BYTES:
        raise ReadError("", "input too large (limit 64 MB)")
    declared = declared_charset(data) if kind in ("html", "auto") else None
    return decode_bytes(data, declared)


# --- Markdown --------------------------------------------------------------------------------


def _read_markdown(text: str, origin: str) -> Article:
    from kimreader.corpus.frontmatter import FrontMatterError, parse_front_matter

    text = text.lstrip("\ufeff")
    try:
        fields, body = parse_front_matter(text)
    except FrontMatterError as error:
        raise ReadError(origin, str(error)) from None
    body = sanitize_text(body)
    title = _one_line(fields.get("title"))
    if title:
        body = _drop_first_heading_if(body, title)
    else:
        title, body = _title_from_markdown(body)
    return _build(title, body, origin, fields)


def _title_from_markdown(body: str) -> tuple[str, str]:
    """The first `# ` heading (taken out of the body), else the first line."""
    match = _H1.search(body)
    if match and not _FENCE_LINE.search(body, 0, match.start()):
        rest = body[: match.start()] + body[match.end() :]
        return sanitize_line(match.group(1)), rest
    return _title_from_first_line(body)


def _drop_first_heading_if(body: str, title: str) -> str:
    """A body that opens with its own title as a heading would show it twice."""
    stripped = body.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    match = _ATX_HEADING.match(first)
    if match and sanitize_line(match.group(1)).casefold() == title.casefold():
        return rest
    return body


# --- plain text ------------------------------------------------------------------------------


def _read_plain_text(text: str, origin: str) -> Article:
    text = sanitize_text(text.lstrip("\ufeff"))
    # Plain text is stored as Markdown: a line starting "# " was not meant as a heading.
    text = _TXT_HEADING_LIKE.sub(r"\\\1", text)
    published, text = _dateline(text)
    title, body = _title_from_first_line(text)
    return _build(title.lstrip("\\"), body, origin, {"published": published})


def _dateline(text: str) -> tuple[date | None, str]:
    """A first line that is only a date ("Thursday, May 16, 2019", as a saved Wikinews page
    begins) dates the article rather than titles it: the date, and the text after it."""
    first, _, rest = text.lstrip().partition("\n")
    published = parse_date(first) if len(first) <= _MAX_DATELINE else None
    return (published, rest) if published is not None and rest.strip() else (None, text)


def _title_from_first_line(text: str) -> tuple[str, str]:
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    title = sanitize_line(re.sub(r"^#{1,6}[ \t]+", "", first))
    if not rest.strip():  # a one-paragraph text keeps its only line as the body too
        rest = first
    if len(title) > _MAX_TITLE:  # a paragraph, not a title: its first sentence, else its start
        sentence = _FIRST_SENTENCE.match(title)
        if sentence and len(sentence.group(1)) <= _MAX_TITLE:
            return sentence.group(1), stripped
        return title[:_MAX_TITLE].rsplit(" ", 1)[0] + "…", stripped
    return title, rest


# --- HTML ------------------------------------------------------------------------------------


def _read_html(text: str, origin: str, url: str | None = None) -> Article:
    from kimreader.corpus.html import extract_html

    page = extract_html(text.lstrip("\ufeff"), url)
    fields: dict[str, Any] = {
        "source": page.site_name,
        "authors": list(page.authors),
        "published": page.published,
        "url": page.url,
        "language": page.language,
        "summary": page.description,
    }
    # Character references (&#27;) become control characters only now, after parsing.
    title = sanitize_line(strip_escape_sequences(page.title))
    body = remove_boilerplate(sanitize_text(strip_escape_sequences(page.markdown)))
    if not title:
        title, body = _title_from_markdown(body)
    return _build(title, body, origin, fields)


# --- fields ----------------------------------------------------------------------------------


def _build(title: str, body: str, origin: str, fields: dict[str, Any]) -> Article:
    body = normalize_body(body)
    if not body.strip():
        raise ReadError(origin, "no article text found")
    url = _one_line(fields.get("url"))
    site = _one_line(_first(fields, "source", "site", "publication", "site_name"))
    authors = split_authors(_first(fields, "authors", "author", "byline"))
    return Article.create(
        title=clean_title(title, site, authors, url) or "(untitled)",
        body=body,
        url=url,
        source=canonical_outlet(site, url),
        authors=authors,
        published=parse_date(_first(fields, "published", "date")),
        language=article_language(_one_line(fields.get("language") or fields.get("lang")), body),
        summary=sanitize_text(
            scalar_text(_first(fields, "summary", "standfirst", "description"))
        ).strip(),
        place=_one_line(_first(fields, "place", "dateline")),
        rights=_one_line(fields.get("rights")),
        origin=_safe_origin(origin),
    )


def normalize_body(body: str) -> str:
    """Trailing spaces off, runs of blank lines folded to one, a single final newline."""
    body = _TRAILING_SPACE.sub("", body)
    body = _BLANK_RUN.sub("\n\n", body).strip("\n")
    return body + "\n" if body else ""


def _first(fields: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = fields.get(key)
        if value not in (None, "", [], ()):
            return value
    return None


def _one_line(value: Any) -> str:
    return sanitize_line(scalar_text(value))
