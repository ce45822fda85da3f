"""The `kimreader` command line.

Kept light: `kimreader --help` imports neither Textual nor Whoosh nor spaCy; each command
imports what it needs. Exit codes: 0 found, 1 nothing found, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from kimreader import __version__
from kimreader.corpus.order import ARTICLE_ORDERS
from kimreader.tui.cli_common import (
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_NOTHING,
    UsageError,
    console,
    library_root,
    open_workspace,
    print_json,
)
from kimreader.tui.cli_read import cmd_compare, cmd_list, cmd_related, cmd_search, cmd_show


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage dump: the user asked for help with --help if they want it.
        self.exit(EXIT_ERROR, f"kimreader: {message} (see 'kimreader --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser, commands = _top_parser()

    add = commands.add_parser(
        "add", help="import articles (.md, .txt, .html, folders, - for stdin, http(s) urls)"
    )
    add.add_argument("paths", nargs="*", metavar="PATH|URL")
    add.add_argument(
        "--from", dest="from_file", metavar="FILE", help="urls or paths, one a line (- for stdin)"
    )
    add.add_argument(
        "--processes",
        type=int,
        default=0,
        help="processes reading HTML pages and extracting entities",
    )
    add.add_argument("--no-entities", action="store_true", help="skip entity extraction")
    add.add_argument("--json", action="store_true")

    listing = commands.add_parser("list", help="list the library's articles, newest first")
    listing.add_argument("--sort", choices=ARTICLE_ORDERS, default="date")
    listing.add_argument("--limit", type=int, default=0)
    listing.add_argument("--feed", metavar="NAME", help="only the articles of this feed")
    _add_format_flags(listing)

    show = commands.add_parser("show", help="print one article")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")

    _add_search(commands)

    related = commands.add_parser("related", help="articles like this one")
    related.add_argument("id")
    related.add_argument("--limit", type=int, default=10)
    related.add_argument("--json", action="store_true")

    entities = commands.add_parser("entities", help="people, organisations and places named")
    entities.add_argument("id", nargs="?")
    entities.add_argument("--all", action="store_true", help="library-wide")
    entities.add_argument("--json", action="store_true")

    compare = commands.add_parser("compare", help="compare two reports")
    compare.add_argument("a", metavar="A", help="the report that leads: an id or its prefix")
    compare.add_argument("b", metavar="B", help="the report compared with it")
    compare_formats = compare.add_mutually_exclusive_group()
    compare_formats.add_argument("--json", action="store_true")
    compare_formats.add_argument(
        "--format",
        choices=("text", "md", "html", "json"),
        default="text",
        help="md and html read on their own; json carries both texts",
    )

    remove = commands.add_parser(
        "remove", help="move an article to the library's trash (kimreader restore undoes it)"
    )
    remove.add_argument("id", help="the id or an unambiguous prefix of at least 4 characters")
    remove.add_argument("--yes", "-y", action="store_true", help="do not ask on a terminal")

    commands.add_parser("reindex", help="rebuild the search index from the library")
    doctor = commands.add_parser("doctor", help="check the library and index, repair what it can")
    doctor.add_argument("--json", action="store_true")
    doctor.add_argument(
        "--no-embeddings",
        action="store_true",
        help="leave missing sentence embeddings to the app's background work (slow to compute)",
    )
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(commands)
    for command in commands.choices.values():  # `kimreader list --library DIR` works too
        _add_global_options(command, default=argparse.SUPPRESS)
    return parser


def _top_parser() -> tuple[argparse.ArgumentParser, Any]:
    """`kimreader` with its options, and the sub-parsers' action the commands are added to."""
    parser = _Parser(
        prog="kimreader",
        description="A keyboard-first terminal reader for news articles. "
        "With no command, opens the reader.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print versions and exit")
    _add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    return parser, commands


def _add_search(commands: Any) -> argparse.ArgumentParser:
    search: argparse.ArgumentParser = commands.add_parser("search", help="search the library")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=20)
    _add_format_flags(search)
    return search


def _add_global_options(parser: argparse.ArgumentParser, default: Any = None) -> None:
    """--library and --engine: before the command, or after it (SUPPRESS there, so that one
    given before is not reset)."""
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=Path,
        default=default,
        help="library folder (default: $KIMREADER_HOME or the user data dir)",
    )
    parser.add_argument(
        "--engine",
        metavar="URL",
        default=default,
        help="search engine: sphinx://host:port[,host:port] for a cluster (default: embedded)",
    )


def _add_format_flags(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true")
    formats.add_argument("--csv", action="store_true", help="one row per article")


# Commands that live in their own modules. Each module is light to import (the parser is built
# for --help too) and has `register(commands)`, which adds its parsers with
# `set_defaults(run=handler)`; the handler takes the parsed args and returns the exit code.
COMMAND_MODULES = (
    "kimreader.tui.cli_library",
    "kimreader.tui.cli_config",
    "kimreader.tui.completion",
    "kimreader.tui.serve",
    "kimreader.tui.cli_track",
    "kimreader.tui.cli_feeds",
    "kimreader.tui.cli_cluster",
    "kimreader.tui.cli_entity",
    "kimreader.tui.cli_count",
)


class _VersionAction(argparse.Action):
    """kimreader's version and those of the parts it is built on, read without importing them."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        parts = [f"kimreader {__version__}"]
        for name in ("textual", "whoosh-reloaded", "spacy"):
            try:
                parts.append(f"{name.removesuffix('-reloaded')} {version(name)}")
            except PackageNotFoundError:
                parts.append(f"{name.removesuffix('-reloaded')} (not installed)")
        parts.append(f"python {sys.version.split()[0]}")
        sys.stdout.write("\n".join(parts) + "\n")
        parser.exit(0)


# -- commands -------------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from kimreader.tui.cli_feeds import add_sources, read_sources

    sources = [*args.paths, *(read_sources(args.from_file) if args.from_file else [])]
    if not sources:
        raise UsageError("add needs a file, folder, url or --from FILE")
    workspace = open_workspace(args, create=True)
    processes = args.processes or (2 if len(sources) > 1 or Path(sources[0]).is_dir() else 1)
    err = console(stderr=True)
    show_bar = err.is_terminal and not args.json
    with Progress(console=err, transient=True, disable=not show_bar) as bar:
        task = bar.add_task("Importing", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        report = add_sources(
            workspace,
            sources,
            progress=progress,
            processes=processes,
            with_entities=not args.no_entities,
        )
    for line in report.failed:
        sys.stderr.write(f"kimreader: {line}\n")
    for line in report.index.problems if report.index else ():
        sys.stderr.write(f"kimreader: index: {line}\n")
    if args.json:
        print_json(report.to_json())
    else:
        from rich.text import Text

        out = console()
        out.print(
            Text(
                f"added {len(report.added)}, updated {len(report.updated)}, "
                f"unchanged {len(report.unchanged)}, duplicates {len(report.duplicates)}, "
                f"failed {len(report.failed)}"
            )
        )
        for origin, existing in report.duplicates:
            out.print(Text(f"duplicate: {origin} is already in the library as {existing}"))
        for line in report.lost_notes:
            out.print(Text(f"note: {line}"))
    if report.failed and not (report.added or report.updated or report.unchanged):
        return EXIT_ERROR  # every file failed
    return EXIT_NOTHING if report.failed else EXIT_FOUND  # 1: some failed


def cmd_entities(args: argparse.Namespace) -> int:
    from kimreader.tui.entities_text import library_entities, print_entities

    workspace = open_workspace(args)
    if args.all:
        data, note = library_entities(workspace)
    elif args.id:
        from kimreader.analysis.entities import not_extracted_reason

        article = workspace.get(args.id)
        entities, note = workspace.entities_with_note(article)
        data = {"id": article.id, "entities": [e.to_json() for e in _ranked(entities)]}
        if not_extracted_reason(article):
            data["not_extracted"] = not_extracted_reason(article)
    else:
        raise UsageError("entities needs an article id or --all")
    if note:  # a damaged corrections file: the entities as extracted, and why
        sys.stderr.write(f"kimreader: {note}\n")
    if args.json:
        if note:  # in the document too, as `compare --json` says it
            from kimreader.index.workspace import corrections_field

            data["entity_corrections"] = corrections_field(note)
        print_json(data)
    elif "not_extracted" in data:
        print(data["not_extracted"])
    else:
        print_entities(console(), data)
    if data.get("pending"):  # a listing without them would look complete
        sys.stderr.write(
            f"kimreader: entities pending for {data['pending']} article(s): "
            "not counted yet (the app or `kimreader doctor` extracts them)\n"
        )
    return EXIT_FOUND if data["entities"] else EXIT_NOTHING


def _ranked(entities: Sequence[Any]) -> list[Any]:
    from kimreader.analysis.entity import ENTITY_TYPES

    order = {kind: i for i, kind in enumerate(ENTITY_TYPES)}
    return sorted(entities, key=lambda e: (order.get(e.type, 99), -e.count, e.name))


MIN_REMOVE_PREFIX = 4


def cmd_remove(args: argparse.Namespace) -> int:
    """Move an article to the library's trash: an unambiguous id (at least 4 characters),
    confirmed on a terminal unless --yes; `kimreader restore` brings it back."""
    from kimreader.corpus.sanitize import sanitize_line

    workspace = open_workspace(args)
    wanted = args.id.strip()
    if len(wanted) < MIN_REMOVE_PREFIX:
        raise UsageError(
            f"remove needs at least {MIN_REMOVE_PREFIX} characters of the id (got {wanted!r})"
        )
    article = workspace.get(wanted)
    if not args.yes and sys.stdin.isatty():
        sys.stderr.write(f"remove {article.id}  {sanitize_line(article.title)}? [y/N] ")
        sys.stderr.flush()
        answer = sys.stdin.readline()
        if answer.strip().lower() not in ("y", "yes"):
            sys.stdout.write(f"kept {article.id}\n")
            return EXIT_NOTHING
    workspace.remove(article.id)
    sys.stdout.write(
        f"removed {article.id}  {sanitize_line(article.title)} "
        f"(in the trash; 'kimreader restore {article.id}' brings it back)\n"
    )
    return EXIT_FOUND


def cmd_reindex(args: argparse.Namespace) -> int:
    from kimreader.analysis.corrections import current_corrections
    from kimreader.index.workspace import had_before

    workspace = open_workspace(args)
    # The index holds the corrected entities: a damaged corrections file stops here, one line
    # naming it, before the index is emptied (and the file is left as it is). Read once: the
    # rebuild applies what was read here (current_corrections re-reads only a changed file).
    current_corrections(workspace.library.root)
    workspace.library.refresh()
    survey = workspace.survey("entities")  # each article's stored entities read once
    missing, older = survey.missing, survey.older
    filled = workspace.fill_missing_entities(processes=1, survey=survey)
    report = workspace.index.rebuild()
    extracted = f"entities extracted for {filled}{had_before(len(missing), older)}"
    sys.stdout.write(
        f"indexed {report.added} articles; {extracted if filled else 'no entities to extract'}\n"
    )
    return EXIT_FOUND


def cmd_doctor(args: argparse.Namespace) -> int:
    from rich.progress import MofNCompleteColumn, Progress

    from kimreader.index.doctor import run_doctor

    workspace = open_workspace(args)
    err = console(stderr=True)
    # Filling in what a library lacks can take long (sentence embeddings: about 125 words a
    # second, hours for thousands of articles): a terminal sees how far it got and what is left.
    with Progress(
        *Progress.get_default_columns(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal or args.json,
    ) as bar:
        tasks: dict[str, Any] = {}

        def progress(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(f"doctor: {what}", total=total)
            bar.update(tasks[what], completed=done, total=total)

        findings = run_doctor(workspace, embed=not args.no_embeddings, progress=progress)
    if args.json:
        print_json(findings)
    else:
        for line in findings["lines"]:
            sys.stdout.write(line + "\n")
    return EXIT_FOUND if findings["ok"] else EXIT_NOTHING


def cmd_app_checked(args: argparse.Namespace) -> int:
    """The reader, on an existing library (or the default one, created on first run)."""
    root = library_root(args)
    if root is not None:
        from kimreader.corpus.library import require_library

        require_library(root)
    return cmd_app(args)


def cmd_app(args: argparse.Namespace) -> int:
    import gc

    # Start-up makes objects that live as long as the app (modules, styles, widgets, the list):
    # collecting garbage before the first frame only delays it. The app resumes collection once
    # that frame is painted (KimReaderApp.first_frame_painted).
    gc.disable()
    from kimreader.tui.app import run_app

    return run_app(args.library, args.engine)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_app_checked,
    "add": cmd_add,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "related": cmd_related,
    "entities": cmd_entities,
    "compare": cmd_compare,
    "remove": cmd_remove,
    "reindex": cmd_reindex,
    "doctor": cmd_doctor,
}


def app_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """`kimreader [--library DIR] [--engine URL]` (the reader), parsed without building every
    command's parser, which the first frame would wait on; None for anything else."""
    parser = _Parser(prog="kimreader", add_help=False)
    _add_global_options(parser)
    args, rest = parser.parse_known_args(argv)
    if rest:
        return None
    args.command = None
    return args


def search_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """`kimreader [--library DIR] search ...`, parsed with the search command's parser alone:
    building every command's parser, and importing their modules, costs a tenth of a
    `kimreader search` at 2,000 articles. None for any other command."""
    options = _Parser(prog="kimreader", add_help=False)
    _add_global_options(options)
    _, rest = options.parse_known_args(argv)
    if not rest or rest[0] != "search":
        return None
    parser, commands = _top_parser()
    _add_global_options(_add_search(commands), default=argparse.SUPPRESS)
    return parser.parse_args(argv)


def console_script() -> NoReturn:
    """The `kimreader` command: main(), then exit. A search, which scripts run many times, ends
    without Python's teardown of the catalog's and index's objects (~15 ms at 20,000 articles):
    its output is flushed and it leaves nothing else pending (no pool, thread or write)."""
    import os

    args = parsed_arguments(sys.argv[1:])
    code = run_command(args)
    if getattr(args, "command", "") != "search":
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = _pipe_closed()
    os._exit(code)


def parsed_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    return app_arguments(argv) or search_arguments(argv) or build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(parsed_arguments(argv))


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed command; an error is one line on stderr and an exit code, never a traceback."""
    try:
        run = getattr(args, "run", None) or COMMANDS[args.command]
        return run(args)
    except UsageError as error:
        sys.stderr.write(f"kimreader: {error}\n")
    except KeyboardInterrupt:
        sys.stderr.write("kimreader: interrupted\n")
        return 130
    except BrokenPipeError:
        return _pipe_closed()
    except Exception as error:  # noqa: BLE001 - the user gets one line, never a traceback
        import os

        if os.environ.get("KIMREADER_DEBUG"):
            raise
        from kimreader.analysis.corrections import CorrectionError
        from kimreader.corpus.library import LibraryError
        from kimreader.index.backend import QueryError
        from kimreader.index.cluster import EngineUrlError
        from kimreader.index.search import IndexBusy

        # QueryError: a query the engine refuses, or a feature it lacks (backend.Unsupported).
        # CorrectionError: the library's corrections file is damaged (it names it and why).
        known = (LibraryError, IndexBusy, OSError, EngineUrlError, QueryError, CorrectionError)
        if isinstance(error, known):
            sys.stderr.write(f"kimreader: {error}\n")
        else:
            sys.stderr.write(
                f"kimreader: internal error: {error.__class__.__name__}: {error} "
                "(please report it)\n"
            )
    return EXIT_ERROR


EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, what `ls | head` reports for ls


def _pipe_closed() -> int:
    """The reader of our output stopped (`kimreader list | head`): stop quietly, as ls and git
    do. Output still buffered goes nowhere, so Python's flush at exit cannot fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PIPE_CLOSED


if __name__ == "__main__":
    console_script()
