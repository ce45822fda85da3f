"""`kimreader cluster init|status`: set up and check a Sphinx/Manticore search cluster."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    cluster = commands.add_parser("cluster", help="a search cluster: init, status")
    actions = cluster.add_subparsers(dest="cluster_action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="write a searchd config per node and say how to start")
    init.add_argument("dir", type=Path, metavar="DIR")
    init.add_argument("--shards", type=int, default=2, help="nodes, one shard each (2)")
    init.add_argument("--port", type=int, default=9306, help="first node's SphinxQL port (9306)")
    init.add_argument("--host", default="127.0.0.1", help="the nodes' address (127.0.0.1)")
    init.add_argument(
        "--flavor",
        choices=("auto", "sphinx", "manticore"),
        default="auto",
        help="config dialect (auto: the installed searchd's)",
    )
    init.set_defaults(run=cmd_init)
    status = actions.add_parser("status", help="which nodes of --engine answer, with counts")
    status.set_defaults(run=cmd_status)


def cmd_init(args: argparse.Namespace) -> int:
    from kimreader.index.cluster import Node, engine_url, start_command, write_cluster

    if not 1 <= args.shards <= 64:
        sys.stderr.write("kimreader: --shards must be from 1 to 64\n")
        return 2
    if not 0 < args.port < 65536 - 2 * args.shards:
        sys.stderr.write(f"kimreader: --port {args.port} leaves no room for the nodes' ports\n")
        return 2
    existing = [p for p in args.dir.glob("node*/searchd.conf")]
    if existing:
        sys.stderr.write(f"kimreader: {args.dir} already holds a cluster; not overwriting it\n")
        return 2
    flavor = installed_flavor() if args.flavor == "auto" else args.flavor
    nodes = write_cluster(args.dir.resolve(), args.shards, args.port, args.host, flavor)
    url = engine_url([Node(node.host, node.port) for node in nodes])
    out = sys.stdout
    out.write(f"wrote {len(nodes)} node configs ({flavor}) under {args.dir.resolve()}\n\n")
    out.write("start each node (on its machine, if you spread them):\n")
    for node in nodes:
        out.write(f"  {start_command(node)}\n")
    out.write("\nthen fill the cluster from the library and search it:\n")
    out.write(f"  kimreader --engine {url} reindex\n")
    out.write(f"  kimreader --engine {url}\n")
    out.write(f'\nor put  engine = "{url}"  in the config file ({_config_path()})\n')
    return 0


def installed_flavor() -> str:
    """manticore when the searchd on PATH is Manticore's, else sphinx."""
    import shutil
    import subprocess

    searchd = shutil.which("searchd")
    if searchd is None:
        return "manticore"  # nothing installed here: write for what a team would deploy
    try:
        banner = subprocess.run(
            [searchd, "--help"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "sphinx"
    return "manticore" if "manticore" in banner.lower() else "sphinx"


def _config_path() -> Path:
    from kimreader.tui.config import config_path

    return config_path()


def cmd_status(args: argparse.Namespace) -> int:
    from kimreader.index.sphinx_backend import node_status
    from kimreader.tui.config import engine_choice

    url = engine_choice(args)
    if not url:
        sys.stderr.write("kimreader: no cluster chosen: use --engine sphinx://host:port,...\n")
        return 2
    healthy = True
    for node, state in node_status(url):
        sys.stdout.write(f"{node}\t{state}\n")
        healthy = healthy and state.startswith("up")
    return 0 if healthy else 1
