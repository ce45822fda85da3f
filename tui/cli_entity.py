"""`kimreader entity merge|rename|type|hide|undo|list`: correct entities across the library.

Corrections are stored in the library (analysis/corrections.py) and apply to every article at
once: the sidebar, `kimreader entities`, the comparison and the index's person:/org:/place:
fields. Light to import: the parser is built for --help too. Exit codes: 0 done, 1 nothing to
undo, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

TARGET_HELP = "the entity as TYPE:NAME, e.g. person:Obama (any of its names)"


def register(commands: Any) -> None:
    entity = commands.add_parser("entity", help="correct entities: merge, rename, type, hide, undo")
    actions = entity.add_subparsers(dest="entity_action", metavar="ACTION", required=True)
    merge = actions.add_parser("merge", help="merge an entity into another")
    merge.add_argument("entity", help=TARGET_HELP)
    merge.add_argument("into", help="the entity it joins, as TYPE:NAME")
    rename = actions.add_parser("rename", help="give an entity another canonical name")
    rename.add_argument("entity", help=TARGET_HELP)
    rename.add_argument("name", help="the new name")
    retype = actions.add_parser("type", help="change an entity's type")
    retype.add_argument("entity", help=TARGET_HELP)
    retype.add_argument("to_type", choices=("person", "org", "place", "date", "event"))
    hide = actions.add_parser("hide", help="hide a junk entity everywhere")
    hide.add_argument("entity", help=TARGET_HELP)
    actions.add_parser("undo", help="undo the last correction")
    listing = actions.add_parser("list", help="the corrections in force, oldest first")
    listing.add_argument("--json", action="store_true")
    for parser in (merge, rename, retype, hide):
        parser.set_defaults(run=cmd_correct)
    actions.choices["undo"].set_defaults(run=cmd_undo)
    listing.set_defaults(run=cmd_list)


def cmd_correct(args: argparse.Namespace) -> int:
    from kimreader.analysis.corrections import Correction, CorrectionError, parse_target

    try:
        kind, name = parse_target(args.entity)
        if args.entity_action == "merge":
            to_type, to_name = parse_target(args.into)
            correction = Correction("merge", kind, name, to_name=to_name, to_type=to_type)
        elif args.entity_action == "rename":
            correction = Correction("rename", kind, name, to_name=args.name.strip())
        elif args.entity_action == "type":
            correction = Correction("type", kind, name, to_type=args.to_type)
        else:
            correction = Correction("hide", kind, name)
        correction.check()
    except CorrectionError as error:
        sys.stderr.write(f"kimreader: {error}\n")
        return 2
    return _apply(args, correction)


def cmd_undo(args: argparse.Namespace) -> int:
    return _apply(args, None)


def _apply(args: argparse.Namespace, correction: Any) -> int:
    from kimreader.analysis.corrections import CorrectionError
    from kimreader.corpus.library import LibraryError
    from kimreader.tui.cli_common import open_workspace

    try:
        workspace = open_workspace(args)
        workspace.ensure_index()
        changed, reindexed = workspace.correct_entities(correction)
    except (CorrectionError, LibraryError, OSError) as error:
        sys.stderr.write(f"kimreader: {error}\n")
        return 2
    if changed is None:
        sys.stderr.write("kimreader: no correction to undo\n")
        return 1
    verb = "undone" if correction is None else "done"
    sys.stdout.write(f"{verb}: {changed.describe()} ({reindexed} article(s) re-indexed)\n")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from kimreader.analysis.corrections import CorrectionError, load_corrections
    from kimreader.corpus.library import LibraryError
    from kimreader.tui.cli_common import open_workspace

    try:
        corrections = load_corrections(open_workspace(args).library.root)
    except (CorrectionError, LibraryError) as error:
        sys.stderr.write(f"kimreader: {error}\n")
        return 2
    if args.json:
        sys.stdout.write(json.dumps([c.to_json() for c in corrections], ensure_ascii=False) + "\n")
    else:
        for number, correction in enumerate(corrections, 1):
            sys.stdout.write(f"{number}. {correction.describe()}\n")
    return 0 if corrections else 1
