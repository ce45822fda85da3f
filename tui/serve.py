"""`kimreader serve`: the reader in a web browser, through textual-serve.

Each browser tab gets its own kimreader process on the same library. There is no
authentication, so the server listens on loopback unless told otherwise, and says so loudly
when it is not. The page is kimreader's own template: it loads nothing from any other site
(textual-serve's stock page pulls a font from the internet).
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent / "web"


def register(commands: Any) -> None:
    serve = commands.add_parser("serve", help="serve the reader to a web browser (textual-serve)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (8000)")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it is not http://HOST:PORT (e.g. behind a proxy)",
    )
    serve.set_defaults(run=cmd_serve)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(library: Path | None, engine: str | None = None) -> str:
    """The shell command textual-serve runs for each browser session."""
    argv = [sys.executable, "-m", "kimreader.tui.cli"]
    if library is not None:
        argv += ["--library", str(library.resolve())]
    if engine:
        argv += ["--engine", engine]
    return shlex.join(argv)


def cmd_serve(args: argparse.Namespace) -> int:
    from kimreader.tui.config import engine_choice, library_folder

    if not 0 < args.port < 65536:
        sys.stderr.write(f"kimreader: --port {args.port} is not a port number\n")
        return 2
    try:
        from textual_serve.server import Server
    except ImportError:
        sys.stderr.write("kimreader: serve needs textual-serve (pip install textual-serve)\n")
        return 2
    if not is_loopback(args.host):
        sys.stderr.write(
            f"kimreader: WARNING: serving on {args.host}: anyone who can reach this address "
            "can read and change your library (there is no password)\n"
        )
    from kimreader.tui.cli_common import library_root

    root = library_root(args)
    if root is not None:  # the served app would fail in each browser tab: say it here, once
        from kimreader.corpus.library import require_library

        require_library(root)
    server = Server(
        app_command(library_folder(args.library), engine_choice(args)),
        host=args.host,
        port=args.port,
        title="kimreader",
        public_url=args.public_url,
        templates_path=TEMPLATES,
    )
    server.serve()
    return 0
