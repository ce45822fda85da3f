"""Keeping track from the command line: `star`/`unstar`, `read`/`unread`, `tag`/`untag`, `tags`,
`note`, `notes`, `saved add|list|run|remove`, `export`.

Light to import (the parser is built for --help too): everything else is imported by the
command that needs it. Exit codes as everywhere: 0 done or found, 1 nothing, 2 bad input.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kimreader.corpus.article import Article
    from kimreader.corpus.userstate import Placed
    from kimreader.index.workspace import Workspace


def register(commands: Any) -> None:
    for name, verb, flag, on in (
        ("star", "star articles", "starred", True),
        ("unstar", "remove the star", "starred", False),
        ("read", "mark articles read", "read", True),
        ("unread", "mark articles unread", "read", False),
    ):
        parser = commands.add_parser(name, help=verb)
        parser.add_argument("ids", nargs="+", metavar="ID")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(run=cmd_flag, flag=flag, on=on)

    for name, verb, adding in (
        ("tag", "add tags to an article", True),
        ("untag", "remove tags from an article", False),
    ):
        parser = commands.add_parser(name, help=verb)
        parser.add_argument("id")
        parser.add_argument("tags", nargs="+", metavar="TAG")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(run=cmd_tag, adding=adding)
    tags = commands.add_parser("tags", help="every tag with its number of articles")
    tags.add_argument("--json", action="store_true")
    tags.set_defaults(run=cmd_tags)

    note = commands.add_parser("note", help="a note on an article (or, with --at, a passage)")
    note.add_argument("id")
    note.add_argument("text", help="the note ('' for a highlight without a note)")
    note.add_argument("--at", metavar="TEXT", help="anchor it to the sentence holding TEXT")
    note.add_argument("--json", action="store_true")
    note.set_defaults(run=cmd_note)
    notes = commands.add_parser("notes", help="an article's notes (every note without an ID)")
    notes.add_argument("id", nargs="?")
    notes.add_argument("--delete", type=int, metavar="NOTE", help="delete note NOTE")
    notes.add_argument("--json", action="store_true")
    notes.set_defaults(run=cmd_notes)

    saved = commands.add_parser("saved", help="saved searches: add, list, run, remove")
    actions = saved.add_subparsers(dest="saved_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="save a query under a name")
    add.add_argument("name")
    add.add_argument("query", nargs="+")
    add.add_argument("--json", action="store_true")
    add.set_defaults(run=cmd_saved_add)
    listing = actions.add_parser("list", help="saved searches with counts and how many are new")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_saved_list)
    run = actions.add_parser("run", help="run a saved search (its new articles become seen)")
    run.add_argument("name")
    run.add_argument("--limit", type=int, default=20)
    formats = run.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true")
    formats.add_argument("--csv", action="store_true")
    run.set_defaults(run=cmd_saved_run)
    export = commands.add_parser(
        "export", help="write the articles a query finds, with notes, to a folder"
    )
    export.add_argument("query", help="a query ('' for the whole library)")
    export.add_argument("folder", metavar="DIR")
    export.add_argument("--json", action="store_true")
    export.set_defaults(run=cmd_export)

    remove = actions.add_parser("remove", help="forget a saved search")
    remove.add_argument("name")
    remove.add_argument("--json", action="store_true")
    remove.set_defaults(run=cmd_saved_remove)


# -- helpers --------------------------------------------------------------------------------------


def open_workspace(args: argparse.Namespace) -> Workspace:
    from kimreader.tui.cli_common import open_workspace

    return open_workspace(args)


def print_json(data: Any) -> None:
    from kimreader.tui.cli_common import print_json

    print_json(data)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def _usage(message: str) -> Exception:
    from kimreader.tui.cli_common import UsageError

    return UsageError(message)


def _shorten(text: str, width: int = 70) -> str:
    from kimreader.index.workspace import shorten

    return shorten(text, width)


# -- flags and tags -------------------------------------------------------------------------------


def cmd_flag(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    articles = [workspace.get(article_id) for article_id in args.ids]
    ids = [article.id for article in articles]
    if args.flag == "starred":
        workspace.state.set_starred(ids, args.on)
    else:
        workspace.state.set_read(ids, args.on)
    if args.json:
        print_json({"ids": ids, args.flag: args.on})
    else:
        word = args.flag if args.on else f"un{args.flag}"
        for article in articles:
            _say(f"{word}  {article.id}  {article.title}")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    article = workspace.get(args.id)
    change = workspace.state.add_tags if args.adding else workspace.state.remove_tags
    change(article.id, args.tags)
    tags = workspace.state.tags_of(article.id)
    if args.json:
        print_json({"id": article.id, "tags": tags})
    else:
        _say(f"{article.id}  {article.title}  tags: {' '.join(tags) or '(none)'}")
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    counts = open_workspace(args).state.all_tags()
    if args.json:
        print_json([{"tag": tag, "articles": count} for tag, count in counts.items()])
    else:
        for tag, count in counts.items():
            _say(f"{count:5d}  {tag}")
    return 0 if counts else 1


# -- notes ----------------------------------------------------------------------------------------


def cmd_note(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    article = workspace.get(args.id)
    span = sentence_holding(article.body, args.at) if args.at is not None else None
    note = workspace.state.add_note(article.id, args.text, body=article.body, span=span)
    if args.json:
        print_json(note.to_json())
    else:
        where = f' on "{_shorten(note.quote)}"' if note.quote else ""
        _say(f"note {note.id} on {article.id}{where}")
    return 0


def sentence_holding(body: str, text: str) -> tuple[int, int]:
    """The span of the sentence(s) holding the first occurrence of `text` (any case,
    any spacing). Raises UsageError when the article does not hold it."""
    import re

    from kimreader.analysis.text import all_sentences

    words = text.split()
    if not words:
        raise _usage("--at needs some text of the article")
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, body, re.IGNORECASE)
    if match is None:
        raise _usage(f'--at: "{_shorten(text, 40)}" is not in the article')
    start, end = match.span()
    for sentence in all_sentences(body):
        if sentence.start <= match.start() < sentence.end:
            start = sentence.start
        if sentence.start < match.end() <= sentence.end:
            end = max(end, sentence.end)
    return start, end


def cmd_notes(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    if args.delete is not None:
        note = workspace.state.note(args.delete)
        workspace.state.delete_note(args.delete)
        if args.json and note is not None:
            print_json({"deleted": note.to_json()})
        else:
            _say(f"deleted note {args.delete}")
        return 0
    articles = [workspace.get(args.id)] if args.id else _noted_articles(workspace)
    placed = [(article, p) for article in articles for p in placed_notes(workspace, article)]
    if args.json:
        print_json([_placed_json(article, p) for article, p in placed])
    else:
        for article, p in placed:
            _print_note(article, p)
    return 0 if placed else 1


def placed_notes(workspace: Workspace, article: Article) -> list[Placed]:
    from kimreader.corpus.userstate import place_notes

    return place_notes(article.body, workspace.state.notes(article.id))


def _noted_articles(workspace: Workspace) -> list[Article]:
    from kimreader.corpus.library import LibraryError

    articles = []
    for article_id in sorted(workspace.state.noted_ids()):
        try:
            articles.append(workspace.get(article_id))
        except LibraryError:
            continue  # notes on a removed article are kept (it may be added again)
    return articles


def _placed_json(article: Article, placed: Placed) -> dict[str, Any]:
    return {
        **placed.note.to_json(),
        "title": article.title,
        "span": list(placed.span) if placed.span else None,
        "lost": placed.lost,
    }


def _print_note(article: Article, placed: Placed) -> None:
    note = placed.note
    head = f"note {note.id}  {article.id}  {_shorten(article.title, 50)}"
    _say(head)
    if placed.lost:
        _say(f'    passage gone from the article: "{_shorten(note.quote)}"')
    elif note.quote:
        _say(f'    at {placed.span[0] if placed.span else 0}: "{_shorten(note.quote)}"')
    if note.text:
        for line in note.text.splitlines():
            _say(f"    {line}")


# -- saved searches -------------------------------------------------------------------------------


def cmd_saved_add(args: argparse.Namespace) -> int:
    from kimreader.index.tracking import found_ids

    workspace = open_workspace(args)
    workspace.ensure_index()
    query = " ".join(args.query)
    result = workspace.search(query, limit=1, offsets_for=0)
    if result.error:
        raise _usage(f"bad query: {result.error}")
    saved = workspace.state.save_search(args.name, query)
    workspace.state.mark_opened(saved.name, found_ids(workspace, query))
    if args.json:
        print_json({**saved.to_json(), "total": result.total})
    else:
        _say(f"saved {saved.name!r}: {saved.query}  ({result.total} found)")
    return 0


def cmd_saved_list(args: argparse.Namespace) -> int:
    from kimreader.index.tracking import saved_counts

    workspace = open_workspace(args)
    workspace.ensure_index()
    counts = saved_counts(workspace)
    if args.json:
        print_json([{**c.saved.to_json(), "total": c.total, "new": c.new, "error": c.error}
                     for c in counts])  # fmt: skip
    else:
        for c in counts:
            figures = c.error or f"{c.total} found, {c.new} new"
            _say(f"{c.saved.name}  ({figures})  {c.saved.query}")
    return 0 if counts else 1


def cmd_saved_run(args: argparse.Namespace) -> int:
    from kimreader.index.tracking import found_ids
    from kimreader.tui.cli_read import print_search

    workspace = open_workspace(args)
    workspace.ensure_index()
    saved = workspace.state.saved_search(args.name)
    if saved is None:
        raise _usage(f"no saved search named {args.name!r} (see kimreader saved list)")
    code = print_search(workspace, saved.query, args)
    workspace.state.mark_opened(saved.name, found_ids(workspace, saved.query))
    return code


def cmd_saved_remove(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    saved = workspace.state.saved_search(args.name)
    if saved is None:
        raise _usage(f"no saved search named {args.name!r} (see kimreader saved list)")
    workspace.state.delete_saved_search(saved.name)
    if args.json:
        print_json({"removed": saved.to_json()})
    else:
        _say(f"removed {saved.name!r}")
    return 0


# -- export ---------------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kimreader.index.tracking import found_ids
    from kimreader.tui.export import ExportError, export_articles

    workspace = open_workspace(args)
    if args.query.strip():
        workspace.ensure_index()
        result = workspace.search(args.query, limit=1, offsets_for=0)
        if result.error:
            raise _usage(f"bad query: {result.error}")
        ids = found_ids(workspace, args.query)
    else:
        ids = [entry.id for entry in workspace.library.catalog()]
    try:
        files = export_articles(workspace, ids, Path(args.folder))
    except ExportError as error:
        raise _usage(str(error)) from None
    if args.json:
        print_json({"folder": args.folder, "files": [path.name for path in files]})
    else:
        _say(f"exported {len(files)} article(s) to {args.folder} (with index.csv, index.json)")
    return 0 if files else 1
