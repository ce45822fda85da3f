"""`kimreader init` and `kimreader restore`: making a library, and undoing a `remove`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    init = commands.add_parser(
        "init", help="create a library (with the two shipped reports) in DIR or --library"
    )
    init.add_argument("dir", nargs="?", type=Path, metavar="DIR")
    init.add_argument("--empty", action="store_true", help="without the shipped reports")
    init.set_defaults(run=cmd_init)
    restore = commands.add_parser("restore", help="bring back a removed article from the trash")
    restore.add_argument("id", nargs="?", default="", help="id or prefix (default: the last one)")
    restore.set_defaults(run=cmd_restore)


def cmd_init(args: argparse.Namespace) -> int:
    from kimreader.corpus.library import Library, LibraryError, default_library_root, is_library
    from kimreader.tui.cli_common import EXIT_FOUND, EXIT_NOTHING, library_root

    root = (args.dir or library_root(args) or default_library_root()).expanduser()
    if is_library(root):
        sys.stdout.write(f"{root}: already a library\n")
        return EXIT_NOTHING
    if root.exists() and not root.is_dir():
        raise LibraryError(f"{root}: the library path is a file, not a folder")
    library = Library.open(root, seed=not args.empty)
    sys.stdout.write(f"created a library in {library.root} ({len(library)} articles)\n")
    return EXIT_FOUND


def cmd_restore(args: argparse.Namespace) -> int:
    from kimreader.index import derived
    from kimreader.tui.cli_common import EXIT_FOUND, open_workspace

    workspace = open_workspace(args)
    article = workspace.library.restore(args.id)
    # Derived data was dropped with the removal: the entities again (stored as every derived
    # step stores them, with their version), then the index, which adds the article once with
    # them (a crash in between leaves it to the next sync, which does the same).
    entities = derived.step_named("entities")
    extracted = entities.extract([article])
    derived.store(workspace.library, entities, [article], extracted, in_index=False)
    workspace.index.sync()
    title = " ".join(article.title.split())
    sys.stdout.write(f"restored {article.id}  {title}\n")
    return EXIT_FOUND
