"""Reading commands: `list`, `show`, `search`, `related` and `compare`.

Each prints for a terminal (Rich), for a pipe (tab-separated lines) or as --json."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from kimreader.corpus.order import in_order
from kimreader.tui.cli_common import (
    EXIT_FOUND,
    EXIT_NOTHING,
    EXIT_PARTIAL,
    UsageError,
    article_summary,
    console,
    is_pipe,
    open_workspace,
    plain_console,
    print_json,
    tsv,
)

if TYPE_CHECKING:
    from kimreader.index.workspace import Workspace


def cmd_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    entries = in_order(workspace.library.catalog(), args.sort)
    if args.feed:
        entries = [e for e in entries if e.feed == args.feed]
    if args.limit > 0:
        entries = entries[: args.limit]
    if args.json:
        print_json([article_summary(e) for e in entries])
    elif args.csv:
        from kimreader.tui.export import entries_csv

        sys.stdout.write(entries_csv(entries, workspace.state.snapshot()))
    elif is_pipe():
        for e in entries:
            sys.stdout.write(tsv(e.id, e.published, e.source, e.title))
    else:
        from rich.table import Table
        from rich.text import Text

        table = Table(box=None, show_header=True, header_style="bold")
        for column in ("id", "date", "source", "title"):
            table.add_column(column, overflow="fold" if column == "title" else "ellipsis")
        for e in entries:
            table.add_row(Text(e.id), Text(e.published), Text(e.source), Text(e.title))
        console().print(table)
    return EXIT_FOUND if entries else EXIT_NOTHING


def cmd_show(args: argparse.Namespace) -> int:
    article = open_workspace(args).get(args.id)
    if args.json:
        print_json(
            {
                **article_summary(article),
                "summary": article.summary,
                "body": article.body,
                "origin": article.origin,
                "fetched": article.fetched,
                "feed": article.feed,
            }
        )
        return EXIT_FOUND
    from rich.markdown import Markdown
    from rich.text import Text

    from kimreader.corpus.markdown import with_blank_lines_between_paragraphs

    out = console()
    out.print(Text(article.title, style="bold"))
    meta = " · ".join(
        x for x in (article.source, ", ".join(article.authors), article.published_iso) if x
    )
    out.print(Text(meta, style="dim"))
    if article.url:
        out.print(Text(article.url, style="dim"))
    if article.fetched:
        via = f" from feed {article.feed}" if article.feed else ""
        out.print(Text(f"fetched {article.fetched}{via}: {article.origin}", style="dim"))
    if article.summary:
        out.print(Text(article.summary, style="italic"))
    out.print()
    # Rich's Markdown renders article text as text (it does not parse console markup). It
    # follows CommonMark, so the paragraphs of a text written a paragraph a line, which the
    # reader shows apart, get the blank lines it needs.
    body = with_blank_lines_between_paragraphs(article.body)
    out.print(Markdown(body, hyperlinks=False))
    return EXIT_FOUND


def cmd_search(args: argparse.Namespace) -> int:
    workspace = open_workspace(args, check_files_now=True)
    text = " ".join(args.query)
    workspace.ensure_index_for_search(text, **_search_arguments(args))
    return print_search(workspace, text, args)


def _search_arguments(args: argparse.Namespace) -> dict[str, Any]:
    """Workspace.search()'s limits for the command's flags. Lines for a pipe or CSV carry no
    total: counting every match is not worth its time there."""
    shows_total = args.json or not (getattr(args, "csv", False) or is_pipe())
    return {"limit": max(args.limit, 1), "offsets_for": args.limit, "count": shows_total}


def print_search(workspace: Workspace, text: str, args: argparse.Namespace) -> int:
    """Run a query and print its hits as text, JSON (--json) or CSV (--csv)."""
    result = workspace.search(text, **_search_arguments(args))
    if result.error:
        raise UsageError(f"bad query: {result.error}")
    if getattr(args, "csv", False):
        from kimreader.tui.export import hits_csv

        sys.stdout.write(hits_csv(result.hits, workspace.state.snapshot()))
    elif args.json:
        print_json(
            {
                "query": result.query,
                "total": result.total,
                "suggestion": result.suggestion,
                "note": result.note,
                "hits": [
                    {
                        "id": h.id,
                        "title": h.title,
                        "score": round(h.score, 4),
                        "snippet": h.snippet,
                        "matches": [list(span) for span in h.matches],
                    }
                    for h in result.hits
                ],
            }
        )
    elif is_pipe():
        if result.suggestion and not result.hits:
            sys.stderr.write(f"kimreader: nothing found; did you mean: {result.suggestion}\n")
        for hit in result.hits:
            sys.stdout.write(
                tsv(
                    hit.id,
                    f"{hit.score:.4f}",
                    str(hit.hit_count),
                    hit.published,
                    hit.source,
                    hit.title,
                    hit.snippet or "",
                )
            )
    else:
        from rich.text import Text

        out = console()
        out.print(Text(f"{result.total} found for {text!r}"))
        if result.suggestion:
            out.print(Text(f"did you mean: {result.suggestion}", style="yellow"))
        for hit in result.hits:
            line = Text(f"{hit.id}  ")
            line.append(hit.title, style="bold")
            meta = " ".join(x for x in (hit.source, hit.published) if x)
            count = f"{hit.hit_count} hit{'' if hit.hit_count == 1 else 's'}"
            line.append(f"  {meta}  ({count})" if meta else f"  ({count})", style="dim")
            out.print(line)
            if hit.snippet:
                out.print(Text("    " + hit.snippet))
    if result.note:  # a shard down, entities pending: what was found is not all
        sys.stderr.write(f"kimreader: {result.note}\n")
        return EXIT_PARTIAL
    return EXIT_FOUND if result.total else EXIT_NOTHING


def cmd_related(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    workspace.ensure_index()
    article = workspace.get(args.id)
    related = workspace.related(article, limit=args.limit)
    if args.json:
        print_json([item.to_json() for item in related])
    elif is_pipe():
        for item in related:
            a = item.article
            sys.stdout.write(tsv(a.id, f"{item.score:.4f}", a.published_iso, a.source, a.title))
    else:
        from rich.text import Text

        out = console()
        for item in related:
            meta = " ".join(x for x in (item.article.source, item.article.published_iso) if x)
            line = Text(f"{item.score:.2f}  {item.article.id}  ")
            line.append(item.article.title)
            line.append(f"  ({meta})" if meta else "")
            out.print(line)
        if not related:
            sys.stderr.write("no related article (none scores above the cut)\n")
    return EXIT_FOUND if related else EXIT_NOTHING


def cmd_compare(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    a, b = workspace.get(args.a), workspace.get(args.b)
    comparison, note = workspace.compare_with_note(a, b)
    if note:  # a damaged corrections file: the entities are as extracted, and this says why
        sys.stderr.write(f"kimreader: {note}\n")
    if args.json:  # the note also in the document: a script reading only stdout sees it
        from kimreader.tui.compare_export import json_document

        print_json(json_document(comparison, note))
    elif args.format != "text":
        from kimreader.tui.compare_export import export_comparison

        sys.stdout.write(export_comparison(comparison, a, b, args.format, note))
    else:
        from kimreader.tui.compare_render import render_comparison

        if not is_pipe():
            out = console()
            out.print(render_comparison(comparison, a.body, b.body, out.width))
            return EXIT_FOUND
        plain = plain_console()
        with plain.capture() as page:
            plain.print(render_comparison(comparison, a.body, b.body, plain.width))
        # Rich pads each line to the width; in a pipe that is trailing blanks on every line.
        sys.stdout.write("".join(line.rstrip() + "\n" for line in page.get().splitlines()))
    return EXIT_FOUND
