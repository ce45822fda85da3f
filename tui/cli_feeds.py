"""Command line for getting news in: `add URL`, `feeds add|list|remove|import|export`, `fetch`.

Registered by tui/cli.py; each command imports what it needs when it runs (`--help` stays fast).
Exit codes as everywhere: 0 done, 1 nothing found, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kimreader.tui.cli_common import (
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_NOTHING,
    UsageError,
    console,
    open_workspace,
    print_json,
)

if TYPE_CHECKING:
    from kimreader.corpus.feedlist import FeedList, Subscription
    from kimreader.corpus.fetch import Fetcher
    from kimreader.index.workspace import ImportReport, Progress, Workspace


def register(commands: Any) -> None:
    """Add `feeds` and `fetch` to the command line's subparsers."""
    feeds = commands.add_parser(
        "feeds", help="follow news feeds (add, list, remove, import, export)"
    )
    actions = feeds.add_subparsers(dest="feeds_action", metavar="ACTION", parser_class=type(feeds))
    actions.required = True
    follow = actions.add_parser(
        "add", help="follow a feed (RSS, Atom, JSON Feed, or a page naming one)"
    )
    follow.add_argument("url")
    follow.add_argument("--name", help="the name feed:NAME finds (default: from the title)")
    follow.add_argument("--json", action="store_true")
    listing = actions.add_parser("list", help="the feeds followed, with their article counts")
    listing.add_argument("--json", action="store_true")
    remove = actions.add_parser("remove", help="stop following a feed (its articles stay)")
    remove.add_argument("feed", metavar="NAME|URL")
    remove.add_argument("--json", action="store_true")
    imports = actions.add_parser("import", help="follow the feeds of an OPML file (- for stdin)")
    imports.add_argument("file", metavar="FILE")
    imports.add_argument("--json", action="store_true")
    export = actions.add_parser("export", help="write the feeds as OPML (to stdout or FILE)")
    export.add_argument("file", metavar="FILE", nargs="?")
    feeds.set_defaults(run=cmd_feeds)

    fetch = commands.add_parser("fetch", help="fetch the new articles of every feed followed")
    fetch.add_argument("feeds", nargs="*", metavar="NAME", help="only these feeds")
    fetch.add_argument("--no-entities", action="store_true", help="skip entity extraction")
    fetch.add_argument("--json", action="store_true")
    fetch.set_defaults(run=cmd_fetch)


# -- add URL ----------------------------------------------------------------------------------


def read_sources(from_file: str) -> list[str]:
    """Urls (or paths), one per line, from a file or stdin ("-"); blank lines and # comments
    are skipped."""
    try:
        if from_file == "-":
            text = sys.stdin.read()
        else:
            text = Path(from_file).read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise UsageError(f"{from_file}: {error.strerror or error}") from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def add_sources(
    workspace: Workspace,
    sources: Sequence[str],
    *,
    progress: Progress | None,
    processes: int,
    with_entities: bool,
) -> ImportReport:
    """Import files and urls in one batch: urls fetched concurrently, files read as always."""
    from kimreader.corpus.fetch import Fetcher, fetch_pages, is_url
    from kimreader.corpus.readers import iter_paths
    from kimreader.index.reading import read_in_order

    urls = [s.strip() for s in sources if is_url(s)]
    paths = [s for s in sources if not is_url(s)]
    if not urls:  # files only: add_paths may extract entities in several processes
        return workspace.add_paths(
            paths, progress=progress, processes=processes, with_entities=with_entities
        )
    items = list(iter_paths(paths))
    with Fetcher() as fetcher:
        files = read_in_order(items, processes)
        results = chain(files, fetch_pages(dict.fromkeys(urls), fetcher))
        return workspace.add_results(
            results,
            total=len(items) + len(set(urls)),
            progress=progress,
            processes=1,
            with_entities=with_entities,
        )


# -- feeds ------------------------------------------------------------------------------------


def cmd_feeds(args: argparse.Namespace) -> int:
    handler = {
        "add": _feeds_add,
        "list": _feeds_list,
        "remove": _feeds_remove,
        "import": _feeds_import,
        "export": _feeds_export,
    }[args.feeds_action]
    return handler(args)


def _feed_list(args: argparse.Namespace) -> FeedList:
    """The feed list of the library in force (--library, $KIMREADER_HOME, the config)."""
    from kimreader.corpus.feedlist import FeedList

    return FeedList(open_workspace(args).library.root)


def _say(text: str) -> None:
    from rich.text import Text

    console().print(Text(text))


def _feeds_add(args: argparse.Namespace) -> int:
    from kimreader.corpus.feedlist import Subscription, feed_name, find, valid_name
    from kimreader.corpus.fetch import Fetcher, FetchError, check_url, iso_time

    if args.name is not None and not valid_name(args.name):
        raise UsageError(f"{args.name!r}: a feed name is letters, digits and hyphens")
    feed_list = _feed_list(args)
    try:
        url = check_url(args.url)
        with Fetcher() as fetcher:
            feed_url, parsed, when = find_feed(fetcher, url)
    except FetchError as error:
        raise UsageError(str(error)) from None
    with feed_list.editing() as feeds:
        existing = find(feeds, feed_url)
        if existing is not None:
            if args.json:
                print_json({"name": existing.name, "url": existing.url, "already": True})
            else:
                _say(f"already following {existing.name}: {existing.title or existing.url}")
            return EXIT_FOUND
        taken = {f.name for f in feeds}
        if args.name in taken:
            raise UsageError(f"{args.name}: another feed has this name")
        name = args.name or feed_name(parsed.title, feed_url, taken)
        feeds.append(
            Subscription(
                name, feed_url, title=parsed.title, site=parsed.site_url, added=iso_time(when)
            )
        )
    if args.json:
        print_json({"name": name, "title": parsed.title, "url": feed_url, "already": False,
                     "entries": len(parsed.entries), "malformed": parsed.malformed})  # fmt: skip
    else:
        _say(
            f"following {name}: {parsed.title or feed_url} ({feed_url}), "
            f"{len(parsed.entries)} entries; 'kimreader fetch' gets them"
        )
    if parsed.malformed:  # followed all the same: what feedparser recovered is read
        sys.stderr.write(f"kimreader: {feed_url}: malformed feed ({parsed.malformed}); "
                         "kimreader reads what it can of it\n")  # fmt: skip
    return EXIT_FOUND


def find_feed(fetcher: Fetcher, url: str) -> tuple[str, Any, Any]:
    """(feed url, parsed feed, fetch time) for a feed's url or a page naming its feed."""
    from kimreader.corpus.feeds import ACCEPT_FEED, discover_feeds, parse_feed
    from kimreader.corpus.fetch import HTML_TYPES, FetchError, decode_page
    from kimreader.corpus.readers import ReadError, guess_kind

    response = fetcher.get(url, accept=ACCEPT_FEED)
    body_start = response.body[:4096].decode("latin-1")
    if response.content_type in HTML_TYPES or guess_kind(body_start) == "html":
        try:
            links = discover_feeds(decode_page(response.body, response.charset), response.final_url)
        except ReadError as error:
            raise FetchError(url, error.reason) from None
        if not links:
            raise FetchError(url, 'a web page that names no feed (no <link rel="alternate">)')
        response = fetcher.get(links[0].url, accept=ACCEPT_FEED)
    try:
        parsed = parse_feed(response.body, response.final_url, response.content_type)
    except ReadError as error:
        raise FetchError(response.url, error.reason) from None
    return response.url, parsed, response.fetched_at


def _feeds_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    from kimreader.corpus.feedlist import FeedList

    feeds = FeedList(workspace.library.root).load()
    counts = feed_counts(e.feed for e in workspace.library.catalog())
    if args.json:
        print_json(
            [
                {
                    "name": f.name,
                    "title": f.title,
                    "url": f.url,
                    "site": f.site,
                    "checked": f.checked,
                    "status": f.status,
                    "articles": counts.get(f.name, 0),
                }
                for f in feeds
            ]
        )
    elif not feeds:
        sys.stderr.write("kimreader: no feeds followed (kimreader feeds add URL)\n")
    else:
        _print_feeds(feeds, counts)
    return EXIT_FOUND if feeds else EXIT_NOTHING


def feed_counts(names: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in names:
        if name:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _print_feeds(feeds: list[Subscription], counts: dict[str, int]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, show_header=True, header_style="bold")
    for column in ("name", "articles", "checked", "title", "url"):
        table.add_column(column, overflow="fold" if column == "url" else "ellipsis")
    for f in feeds:
        table.add_row(
            Text(f.name),
            Text(str(counts.get(f.name, 0))),
            Text(f.checked[:16].replace("T", " ") or "never"),
            Text(f.title),
            Text(f.url),
        )
    console().print(table)


def _feeds_remove(args: argparse.Namespace) -> int:
    from kimreader.corpus.feedlist import find

    with _feed_list(args).editing() as feeds:
        feed = find(feeds, args.feed)
        if feed is None:
            raise UsageError(f"{args.feed}: no such feed (see 'kimreader feeds list')")
        feeds.remove(feed)
    if args.json:
        print_json({"removed": feed.name, "url": feed.url})
    else:
        _say(f"stopped following {feed.name}; its articles stay in the library")
    return EXIT_FOUND


def _feeds_import(args: argparse.Namespace) -> int:
    from kimreader.corpus.feedlist import Subscription, feed_name
    from kimreader.corpus.feeds import read_opml
    from kimreader.corpus.readers import ReadError

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        listed = read_opml(data, args.file)
    except OSError as error:
        raise UsageError(f"{args.file}: {error.strerror or error}") from None
    except ReadError as error:
        raise UsageError(str(error)) from None
    added = 0
    with _feed_list(args).editing() as feeds:
        urls = {f.url for f in feeds}
        for item in listed:
            if item.url in urls:
                continue
            name = feed_name(item.title, item.url, {f.name for f in feeds})
            feeds.append(Subscription(name, item.url, title=item.title, site=item.site_url))
            urls.add(item.url)
            added += 1
    if args.json:
        print_json({"added": added, "already": len(listed) - added})
    else:
        _say(f"following {added} new feeds ({len(listed) - added} already followed)")
    return EXIT_FOUND if listed else EXIT_NOTHING


def _feeds_export(args: argparse.Namespace) -> int:
    from kimreader.corpus.feeds import OpmlFeed, write_opml
    from kimreader.corpus.library import atomic_write_text

    feeds = _feed_list(args).load()
    opml = write_opml([OpmlFeed(f.url, f.title or f.name, f.site) for f in feeds])
    if args.file and args.file != "-":
        try:
            atomic_write_text(Path(args.file), opml, shared=True)
        except OSError as error:
            raise UsageError(f"{args.file}: {error.strerror or error}") from None
    else:
        sys.stdout.write(opml)
    return EXIT_FOUND if feeds else EXIT_NOTHING


# -- fetch ------------------------------------------------------------------------------------


def cmd_fetch(args: argparse.Namespace) -> int:
    from rich.markup import escape
    from rich.progress import Progress as Bar

    from kimreader.corpus.feed_update import FeedResult, update_feeds
    from kimreader.corpus.feedlist import FeedList
    from kimreader.corpus.fetch import Fetcher

    workspace = open_workspace(args)
    feed_list = FeedList(workspace.library.root)
    feeds = feed_list.load()
    unknown = [n for n in args.feeds if not any(n in (f.name, f.url) for f in feeds)]
    if unknown:
        raise UsageError(f"{unknown[0]}: no such feed (see 'kimreader feeds list')")
    if not feeds:
        sys.stderr.write("kimreader: no feeds followed (kimreader feeds add URL)\n")
        return EXIT_NOTHING
    err, out = console(stderr=True), console()
    results: list[FeedResult] = []
    with Bar(console=err, transient=True, disable=not err.is_terminal or args.json) as bar:
        task = bar.add_task("Fetching", total=None)

        def report(result: FeedResult) -> None:
            results.append(result)
            for line in result.failed:
                sys.stderr.write(f"kimreader: {line}\n")
            if not args.json:
                out.print(_line(result.summary()))

        def store(items: Iterable[Any], total: int) -> ImportReport:
            return workspace.add_results(items, total=total, with_entities=not args.no_entities)

        with Fetcher() as fetcher:
            update_feeds(
                feed_list,
                fetcher,
                store,
                known_urls(workspace),
                names=args.feeds,
                on_progress=lambda p: bar.update(
                    task,
                    description=escape(p.feed),  # a name from feeds.yaml: text, not markup
                    completed=p.entries_done,
                    total=p.entries_total,
                ),
                on_result=report,
            )
    if args.json:
        print_json([_result_json(r) for r in results])
    if results and not any(r.ok for r in results):
        return EXIT_ERROR
    return EXIT_FOUND


def _line(text: str) -> Any:
    from rich.text import Text

    return Text(text)


def known_urls(workspace: Workspace) -> set[str]:
    """Every url the library's articles came from or name as their own."""
    urls: set[str] = set()
    for entry in workspace.library.catalog():
        urls.update(u for u in (entry.url, entry.origin) if u)
    return urls


def _result_json(result: Any) -> dict[str, Any]:
    return {
        "feed": result.name,
        "ok": result.ok,
        "summary": result.summary(),
        "not_modified": result.not_modified,
        "added": result.added,
        "updated": result.updated,
        "from_feed_text": result.from_feed_text,
        "known": result.known,
        "failed": result.failed,
        "reason": result.reason,
    }
