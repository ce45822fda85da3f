"""Fetch what the user asked for over HTTP(S): bounded in time and size, one line per failure.

One maintained client (httpx) with connect/read timeouts, a deadline for the whole download (a
server that drips one byte at a time never reaches the read timeout), a redirect limit, a size
cap checked while the body streams in (also after gzip: a small compressed bomb is stopped), and a
User-Agent that says who is asking. Pages go through the same HTML reader as files
(`readers.read_text`), decoded by `decode.py` with the charset the server names. Nothing here
runs unless a command asked for a url; nothing here follows a link by itself.
"""

from __future__ import annotations

import re
import shlex
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from kimreader import __version__
from kimreader.corpus.article import Article
from kimreader.corpus.readers import ReadError, guess_kind, read_text
from kimreader.corpus.sanitize import sanitize_line

if TYPE_CHECKING:
    import httpx

USER_AGENT = (
    f"kimreader/{__version__} (terminal news reader; fetches only the pages and feeds "
    "its user asked for)"
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# A server that names no type, or a generic one, gets its body sniffed instead of refused.
VAGUE_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
_URL_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
FETCH_WORKERS = 4  # a small limit: kind to servers, enough to hide latency


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence between two pieces of the response
    deadline: float = 60.0  # the whole download
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024  # decoded body

    def describe_size(self) -> str:
        if self.max_bytes >= 1024 * 1024:
            return f"{self.max_bytes // (1024 * 1024)} MB"
        return f"{self.max_bytes // 1024} kB" if self.max_bytes >= 1024 else f"{self.max_bytes} B"


class FetchError(ReadError):
    """A url that could not be fetched or read: the url and the reason, one line."""


@dataclass(frozen=True)
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str  # the media type, lower case, without parameters
    charset: str | None  # as the server named it
    body: bytes
    etag: str
    last_modified: str
    fetched_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str:
    """The url, stripped, if it is an absolute http(s) url; else FetchError."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError(url, "not a valid url") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, "only http and https urls can be fetched")
    if not parts.hostname:
        raise FetchError(url, "the url names no host")
    return url


def is_url(text: str) -> bool:
    """Whether a command-line argument means a url (of any scheme) rather than a file."""
    return bool(_URL_LIKE.match(text.strip()))


def iso_time(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Fetcher:
    """One HTTP client, shared by the threads of a batch (httpx's Client is thread-safe)."""

    def __init__(self, limits: FetchLimits | None = None) -> None:
        self.limits = limits or FetchLimits()
        self._client: httpx.Client | None = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            import httpx  # lazy: only commands that fetch pay for it

            limits = self.limits
            self._client = httpx.Client(
                timeout=httpx.Timeout(
                    connect=limits.connect_timeout,
                    read=limits.read_timeout,
                    write=limits.read_timeout,
                    pool=limits.deadline,
                ),
                follow_redirects=True,
                max_redirects=limits.max_redirects,
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            )
        return self._client

    def get(
        self, url: str, *, accept: str = ACCEPT_HTML, etag: str = "", last_modified: str = ""
    ) -> Response:
        """GET a url (conditionally, given an ETag or Last-Modified). Raises FetchError."""
        url = check_url(url)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return self._get(url, headers)
        except FetchError:
            raise
        except Exception as error:  # httpx's errors, and anything odd below it: one line
            raise FetchError(url, _reason(error, self.limits)) from None

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        start = time.monotonic()
        with self.client.stream("GET", url, headers=headers) as reply:
            if reply.status_code >= 400:
                phrase = sanitize_line(reply.reason_phrase)  # the server's words: untrusted
                raise FetchError(url, f"HTTP {reply.status_code} {phrase}".strip())
            declared = reply.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.limits.max_bytes:
                raise FetchError(url, f"too large (over {self.limits.describe_size()})")
            body = self._read_body(url, reply, start)
            media_type = reply.headers.get("content-type", "").split(";")[0].strip().lower()
            return Response(
                url=url,
                final_url=str(reply.url),
                status=reply.status_code,
                content_type=media_type,
                charset=reply.charset_encoding,
                body=body,
                etag=reply.headers.get("etag", ""),
                last_modified=reply.headers.get("last-modified", ""),
                fetched_at=datetime.now(timezone.utc),
            )

    def _read_body(self, url: str, reply: httpx.Response, start: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.limits.max_bytes:
                raise FetchError(url, f"too large (over {self.limits.describe_size()})")
            if time.monotonic() - start > self.limits.deadline:
                raise FetchError(url, f"timeout (download took over {self.limits.deadline:g} s)")
            chunks.append(chunk)
        return b"".join(chunks)

    def page(self, url: str, *, feed: str = "") -> Article:
        """Fetch one page and read it as an article. Raises FetchError (or ReadError)."""
        return page_article(self.get(url), feed=feed)


def _reason(error: Exception, limits: FetchLimits) -> str:
    import httpx

    if isinstance(error, httpx.ConnectTimeout):
        return f"timeout (no connection in {limits.connect_timeout:g} s)"
    if isinstance(error, httpx.TimeoutException):
        return f"timeout (no answer in {limits.read_timeout:g} s)"
    if isinstance(error, httpx.TooManyRedirects):
        return f"too many redirects (more than {limits.max_redirects})"
    if isinstance(error, httpx.UnsupportedProtocol):
        return "redirected to a url that is not http(s)"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({_short(error) or 'connection failed'})"
    if isinstance(error, httpx.DecodingError):
        return "the server sent a body it had compressed wrongly"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke off or answered wrongly ({_short(error)})"
    if isinstance(error, httpx.InvalidURL):
        return "not a valid url"
    return f"could not fetch ({type(error).__name__}: {_short(error)})"


def _short(error: Exception) -> str:
    text = sanitize_line(str(error))
    # "[Errno 111] Connection refused" reads better without the number.
    if text.startswith("[Errno") and "]" in text:
        text = text.split("]", 1)[1].strip()
    return text[:120]


def page_article(response: Response, *, feed: str = "") -> Article:
    """An HTML response as an article, through the same reader as .html files.

    Its `url` is the page's canonical url (else where the redirects ended), its `origin` the url
    that was asked for: asking for it again finds it and updates it.
    """
    body = response.body
    if response.content_type not in HTML_TYPES:
        sniffed = response.content_type in VAGUE_TYPES and guess_kind(_head_text(body)) == "html"
        if not sniffed:
            raise FetchError(response.url, _not_html(response))
    text = decode_page(body, response.charset)
    try:
        article = read_text(text, response.url, "html", url=response.final_url)
    except ReadError as error:
        raise FetchError(response.url, error.reason) from None
    return article.with_changes(fetched=iso_time(response.fetched_at), feed=feed)


def _not_html(response: Response) -> str:
    from kimreader.corpus.feeds import FEED_TYPES, looks_like_feed

    content_type = response.content_type
    if content_type in FEED_TYPES | VAGUE_TYPES and looks_like_feed(response.body):
        # What to type, whole: feeds are often served as application/xml or text/xml.
        url = shlex.quote(response.url)
        return f"a feed, not an article; follow it with: kimreader feeds add {url}"
    return f"not HTML ({content_type or 'no type'})"


def decode_page(body: bytes, charset: str | None) -> str:
    """Bytes to text: the server's charset first (it overrides the page's <meta>), then the
    page's own declaration, then detection (decode.py's order)."""
    from kimreader.corpus.decode import declared_charset, decode_bytes

    if not body:
        raise ReadError("", "empty page")
    try:
        return decode_bytes(body, _known_codec(charset) or declared_charset(body))
    except ReadError as error:
        raise ReadError("", error.reason) from None


def _known_codec(charset: str | None) -> str | None:
    import codecs

    if not charset:
        return None
    try:
        codecs.lookup(charset)
    except LookupError:
        return None
    return charset


def _head_text(body: bytes) -> str:
    return body[:4096].decode("latin-1")


def fetch_pages(
    urls: Iterable[str],
    fetcher: Fetcher,
    *,
    workers: int = FETCH_WORKERS,
    read: Callable[[Fetcher, str], Any] | None = None,
) -> Iterator[Article | ReadError]:
    """Each url's article (or its FetchError), as they finish, at most `workers` at a time."""
    read = read or (lambda f, url: f.page(url))
    pending: set[Future[Any]] = set()
    urls = iter(urls)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="fetch") as pool:
        while True:
            while len(pending) < max(1, workers):
                url = next(urls, None)
                if url is None:
                    break
                pending.add(pool.submit(_one, read, fetcher, url))
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()


def _one(read: Callable[[Fetcher, str], Any], fetcher: Fetcher, url: str) -> Any:
    try:
        return read(fetcher, url)
    except ReadError as error:
        return error if error.origin else error.at(url)
    except Exception as error:  # the batch goes on: one line for this url
        return FetchError(url, f"could not read ({type(error).__name__}: {error})")
