"""What every `kimreader` command shares: exit codes, the usage error, opening the library,
and output (JSON, tab-separated lines for a pipe, Rich consoles). Light to import: Rich and the
index are imported when used."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from kimreader.index.workspace import Workspace

EXIT_FOUND, EXIT_NOTHING, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 2, 3


class UsageError(Exception):
    """Bad arguments or input: one line on stderr, exit code 2."""


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def plain_console() -> Console:
    """For a pipe: no colour or styles, and a fixed width (the page is laid out once, the
    same in every pipe; $COLUMNS overrides it)."""
    import os

    from rich.console import Console

    width = int(os.environ.get("COLUMNS", "") or 0) or PIPE_WIDTH
    return Console(width=width, no_color=True, highlight=False, emoji=False, color_system=None)


PIPE_WIDTH = 100


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def article_summary(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.id,
        "title": entry.title,
        "source": entry.source,
        "authors": list(entry.authors),
        "published": entry.published if isinstance(entry.published, str) else entry.published_iso,
        "url": entry.url,
    }


def open_workspace(
    args: argparse.Namespace, *, create: bool = False, check_files_now: bool = False
) -> Workspace:
    """The library's workspace. Only `add` and `init` create a library: a folder named by
    --library, $KIMREADER_HOME or the config that is not one is an error naming the path (a
    typo must not make a new library); the default location is created on first use.
    `check_files_now`: start checking the library's files (Library.prefetch_file_stats) before
    the index's modules are imported, for a command that syncs the index at once."""
    from kimreader.corpus.library import Library, require_library
    from kimreader.tui.config import engine_choice

    engine = engine_choice(args)
    root = library_root(args)
    if root is not None and not create:
        require_library(root)
    library = Library.open(root)
    if check_files_now:
        library.prefetch_file_stats()
    from kimreader.index.workspace import Workspace

    return Workspace(library, engine)


def library_root(args: argparse.Namespace) -> Path | None:
    """The library folder chosen by the user (None: the default location)."""
    import os

    from kimreader.tui.config import library_folder

    root = library_folder(args.library)
    if root is None and os.environ.get("KIMREADER_HOME", "").strip():
        from kimreader.corpus.library import default_library_root

        return default_library_root()
    return root


def is_pipe() -> bool:
    """stdout is not a terminal: one line per item, tab-separated, nothing drawn or wrapped."""
    return not sys.stdout.isatty()


def tsv(*cells: str) -> str:
    return "\t".join(" ".join(cell.split()) for cell in cells) + "\n"
