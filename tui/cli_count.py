"""`kimreader count source|author`: how many articles each source or author has, most first,
from the search index's facet fields (the same counts for any size of library, no article read).

People, organisations and places are counted by `kimreader entities --all`, which merges the
names of one entity across reports; the index's facets keep each report's name as written.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

FIELDS = ("source", "author")


def register(commands: Any) -> None:
    count = commands.add_parser("count", help="articles per source or per author, most first")
    count.add_argument("field", choices=FIELDS)
    count.add_argument("--limit", type=int, default=0, help="only the N most frequent")
    count.add_argument("--json", action="store_true")
    count.set_defaults(run=cmd_count)


def cmd_count(args: argparse.Namespace) -> int:
    from kimreader.tui.cli_common import (
        EXIT_FOUND,
        EXIT_NOTHING,
        is_pipe,
        open_workspace,
        print_json,
        tsv,
    )

    workspace = open_workspace(args)
    workspace.ensure_index()
    counts = list(workspace.index.facet_counts(args.field).items())
    if args.limit > 0:
        counts = counts[: args.limit]
    if args.json:
        print_json([{args.field: value, "articles": number} for value, number in counts])
    elif is_pipe():
        sys.stdout.writelines(tsv(str(number), value) for value, number in counts)
    else:
        width = max((len(str(number)) for _value, number in counts), default=1)
        sys.stdout.writelines(f"{number:>{width}}  {value}\n" for value, number in counts)
    return EXIT_FOUND if counts else EXIT_NOTHING
