"""`kimreader fetch`: bring every followed feed up to date, one summary line per feed.

For each feed: a conditional GET (ETag / Last-Modified; 304 means nothing new), the entries not
taken before (by entry id, and by url against the library), each fetched as a full page through
the HTML reader (the entry's own content when the page cannot be fetched), stored by the caller's
`store` (the Workspace's import, so entities and the index follow). One feed's failure is its
own line; the others go on. The feed list is updated under its lock after each feed.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Protocol

from kimreader.corpus.article import Article
from kimreader.corpus.feedlist import FeedList, Subscription
from kimreader.corpus.feeds import ACCEPT_FEED, FeedEntry, ParsedFeed, parse_feed
from kimreader.corpus.fetch import (
    FETCH_WORKERS,
    Fetcher,
    FetchError,
    Response,
    fetch_pages,
    iso_time,
)
from kimreader.corpus.readers import ReadError, read_text
from kimreader.corpus.sanitize import sanitize_line

# Pages fetched per feed per fetch at most: following a feed that carries its whole archive
# fetches its newest entries, not thousands of pages.
MAX_NEW_ENTRIES = 100


class StoreReport(Protocol):
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    duplicates: list[tuple[str, str]]
    failed: list[str]


Store = Callable[[Iterable[Article | ReadError], int], StoreReport]


@dataclass
class FeedResult:
    name: str
    ok: bool = True
    not_modified: bool = False
    reason: str = ""  # why the feed itself failed
    malformed: str = ""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    from_feed_text: int = 0  # entries whose page could not be fetched
    known: int = 0  # entries already in the library
    skipped: int = 0  # new entries past MAX_NEW_ENTRIES (a first fetch of a long archive)
    failed: list[str] = field(default_factory=list)  # one line each: url: reason

    def summary(self) -> str:
        if not self.ok:
            return f"{self.name}: failed: {self.reason}"
        if self.not_modified:
            return f"{self.name}: not modified"
        parts = [f"{len(self.added)} new"]
        if self.from_feed_text:
            parts.append(f"{self.from_feed_text} from the feed's own text")
        if self.updated:
            parts.append(f"{len(self.updated)} updated")
        if self.known:
            parts.append(f"{self.known} already in the library")
        if self.skipped:
            parts.append(f"{self.skipped} older entries skipped")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        if self.malformed:
            parts.append("malformed feed, read what could be read")
        return f"{self.name}: " + ", ".join(parts)


@dataclass(frozen=True)
class Progress:
    feed: str
    feeds_done: int
    feeds_total: int
    entries_done: int = 0
    entries_total: int = 0

    def describe(self) -> str:
        text = f"fetching feeds: {self.feed} ({self.feeds_done + 1} of {self.feeds_total})"
        if self.entries_total:
            text += f" · {self.entries_done} of {self.entries_total} new entries"
        return text


def overall_summary(results: list[FeedResult]) -> str:
    """All feeds in one line (the app's status line); failures named."""
    if not results:
        return "no feeds followed: add one with  kimreader feeds add URL"
    added = sum(len(r.added) for r in results)
    text = f"{added} new article{'' if added == 1 else 's'} from {len(results)} feed"
    text += "" if len(results) == 1 else "s"
    failed = [r for r in results if not r.ok]
    if failed:
        text += f" · {len(failed)} failed: " + ", ".join(f"{r.name} ({r.reason})" for r in failed)
    broken = sum(len(r.failed) for r in results)
    if broken:
        text += f" · {broken} entr{'y' if broken == 1 else 'ies'} could not be fetched"
    return text


def update_feeds(
    feed_list: FeedList,
    fetcher: Fetcher,
    store: Store,
    known_urls: set[str],
    *,
    names: Iterable[str] = (),
    on_progress: Callable[[Progress], object] | None = None,
    on_result: Callable[[FeedResult], object] | None = None,
) -> list[FeedResult]:
    """Update the followed feeds (or those named); returns one result per feed, in the list's
    order. The feed documents download a few at a time while earlier feeds are taken."""
    wanted = set(names)
    feeds = [f for f in feed_list.load() if not wanted or f.name in wanted or f.url in wanted]
    results: list[FeedResult] = []
    with ThreadPoolExecutor(FETCH_WORKERS, thread_name_prefix="feed") as pool:
        documents = [pool.submit(get_feed, fetcher, feed) for feed in feeds]
        for done, (feed, document) in enumerate(zip(feeds, documents, strict=True)):
            progress = _reporter(on_progress, feed.name, done, len(feeds))
            progress(0, 0)
            result = update_feed(feed, fetcher, store, known_urls, progress, document.result())
            _save_state(feed_list, feed)
            results.append(result)
            if on_result:
                on_result(result)
    return results


def get_feed(fetcher: Fetcher, feed: Subscription) -> Response | ReadError:
    """The feed's document, asked for with its last ETag / Last-Modified (or why not)."""
    try:
        return fetcher.get(
            feed.url, accept=ACCEPT_FEED, etag=feed.etag, last_modified=feed.last_modified
        )
    except ReadError as error:
        return error


def _reporter(
    on_progress: Callable[[Progress], object] | None, name: str, done: int, total: int
) -> Callable[[int, int], None]:
    def progress(entries_done: int, entries_total: int) -> None:
        if on_progress:
            on_progress(Progress(name, done, total, entries_done, entries_total))

    return progress


def update_feed(
    feed: Subscription,
    fetcher: Fetcher,
    store: Store,
    known_urls: set[str],
    progress: Callable[[int, int], None] | None = None,
    document: Response | ReadError | None = None,
) -> FeedResult:
    """Take one feed's new entries (its `document` fetched now unless given); `feed`'s state
    (etag, seen...) is updated in place."""
    result = FeedResult(feed.name)
    now = iso_time(datetime.now(timezone.utc))
    feed.checked = now
    response = document if document is not None else get_feed(fetcher, feed)
    try:
        if isinstance(response, ReadError):
            raise response
        if response.not_modified:
            result.not_modified = True
            feed.status = "not modified"
            return result
        parsed = parse_feed(response.body, response.final_url, response.content_type)
    except ReadError as error:  # FetchError, FeedError: the feed's own failure
        result.ok, result.reason = False, sanitize_line(error.reason)
        feed.status = f"failed: {result.reason}"
        return result
    result.malformed = parsed.malformed
    feed.title = feed.title or parsed.title
    feed.site = feed.site or parsed.site_url
    done_guids = _take_entries(feed, parsed, fetcher, store, known_urls, result, progress)
    # A failed entry is not remembered: it is tried again when the feed next changes.
    feed.remember(done_guids)
    feed.etag, feed.last_modified = response.etag, response.last_modified
    feed.status = result.summary().split(": ", 1)[1]
    return result


def _take_entries(
    feed: Subscription,
    parsed: ParsedFeed,
    fetcher: Fetcher,
    store: Store,
    known_urls: set[str],
    result: FeedResult,
    progress: Callable[[int, int], None] | None,
) -> list[str]:
    """Fetch and store the new entries; returns the ids of the entries dealt with."""
    seen = set(feed.seen)
    new: dict[str, FeedEntry] = {}  # by url (or id, for entries without a page)
    done_guids: list[str] = []
    for entry in parsed.entries:
        if entry.guid in seen or (entry.url or entry.guid) in new:
            continue
        if entry.url and entry.url in known_urls:
            result.known += 1
            done_guids.append(entry.guid)
        elif len(new) >= MAX_NEW_ENTRIES:  # feeds list newest first: these are the oldest
            result.skipped += 1
            done_guids.append(entry.guid)
        else:
            new[entry.url or entry.guid] = entry
    fetched_at = datetime.now(timezone.utc)
    fallbacks: list[str] = []

    def read(fetcher: Fetcher, key: str) -> Article:
        entry = new[key]
        try:
            if not entry.url:
                raise FetchError(key, "the entry links to no page")
            article = fetcher.page(entry.url, feed=feed.name)
            return article.with_changes(published=article.published or entry.published)
        except ReadError as error:
            if not entry.content_html.strip():
                raise FetchError(key, f"{error.reason}; the feed gives no text either") from None
            fallbacks.append(key)
            return entry_article(entry, feed, fetched_at)

    def results() -> Iterator[Article | ReadError]:
        for number, item in enumerate(fetch_pages(new, fetcher, read=read), 1):
            if progress:
                progress(number, len(new))
            yield item

    if not new:
        return done_guids
    report = store(results(), len(new))
    result.added, result.updated = list(report.added), list(report.updated)
    result.known += len(report.unchanged) + len(report.duplicates)
    result.from_feed_text = len(fallbacks)
    result.failed = list(report.failed)
    # A failed line starts with its origin: the url (or id) the entry was read from.
    failed_keys = {line.split(": ", 1)[0] for line in report.failed}
    for key, entry in new.items():
        if key not in failed_keys:
            done_guids.append(entry.guid)
            if entry.url:
                known_urls.add(entry.url)
    return done_guids


def entry_article(entry: FeedEntry, feed: Subscription, fetched_at: datetime) -> Article:
    """An article from the feed's own text of an entry, through the same HTML reader."""
    title = html.escape(entry.title)
    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{entry.content_html}</article></body></html>"
    )
    origin = entry.url or entry.guid
    article = read_text(page, origin, "html", url=entry.url or None)
    return article.with_changes(
        title=entry.title or article.title,
        published=entry.published or article.published,
        authors=entry.authors or article.authors,
        url=entry.url or article.url,
        source=feed.title or article.source,
        fetched=iso_time(fetched_at),
        feed=feed.name,
    )


def _save_state(feed_list: FeedList, updated: Subscription) -> None:
    """Write one feed's new state, keeping whatever else changed in the file meanwhile."""
    with feed_list.editing() as feeds:
        for feed in feeds:
            if feed.url == updated.url:
                for key in ("etag", "last_modified", "checked", "status", "seen"):
                    setattr(feed, key, getattr(updated, key))
                feed.title = feed.title or updated.title
                feed.site = feed.site or updated.site
