"""`kimreader config path|show|init`: where the config file is and what is in force."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(commands: Any) -> None:
    config = commands.add_parser("config", help="the config file: path, show, init")
    actions = config.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    actions.add_parser("path", help="print the config file's path").set_defaults(run=cmd_path)
    show = actions.add_parser("show", help="the settings in force and where each came from")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_show)
    init = actions.add_parser("init", help="write a commented example config (never overwrites)")
    init.set_defaults(run=cmd_init)


def cmd_path(args: argparse.Namespace) -> int:
    from kimreader.tui.config import config_path

    sys.stdout.write(f"{config_path()}\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from kimreader.corpus.library import default_library_root
    from kimreader.tui.config import load_settings

    settings = load_settings()
    library, source = settings_library(args, settings)
    rows: list[tuple[str, Any, str]] = [("library", str(library or default_library_root()), source)]
    for key, value in settings.values.items():
        if key != "library":
            rows.append((key, value, settings.sources[key]))
    if args.json:
        document = {
            "path": str(settings.path),
            "settings": {key: {"value": value, "from": src} for key, value, src in rows},
            "problems": settings.problems,
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(f"# {settings.path}\n")
        for key, value, src in rows:
            if value is None:  # TOML has no null: an unset value is the program's own choice
                sys.stdout.write(f"# {key} unset\t# {src}\n")
            else:
                shown = json.dumps(value, ensure_ascii=False)
                sys.stdout.write(f"{key} = {shown}\t# {src}\n")
    for problem in settings.problems:
        sys.stderr.write(f"kimreader: {problem}\n")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from kimreader.corpus.library import atomic_write_text
    from kimreader.tui.config import EXAMPLE, config_path

    path = config_path()
    if path.exists():
        sys.stderr.write(f"kimreader: {path} exists; not overwriting it\n")
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, EXAMPLE)
    sys.stdout.write(f"wrote {path}\n")
    return 0


def settings_library(args: argparse.Namespace, settings: Any) -> tuple[Any, str]:
    """The library in force for these arguments, and where that choice came from."""
    from kimreader.tui.config import library_choice

    return library_choice(getattr(args, "library", None), settings)
