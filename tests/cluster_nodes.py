"""Real `searchd` nodes on loopback for the cluster tests: configs from `cluster init`'s writer."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kimreader.index.cluster import NodeLayout, write_cluster

SEARCHD = shutil.which("searchd")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_base_port(count: int) -> int:
    """A port P with P .. P+count-1 all free on loopback."""
    for _ in range(200):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = int(probe.getsockname()[1])
        if base + count < 65000 and all(_free(base + i) for i in range(count)):
            return base
    raise RuntimeError("no free run of ports on loopback")


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


def start_node(node: NodeLayout) -> None:
    subprocess.run(
        [str(SEARCHD), "--config", str(node.config_path)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    for _ in range(300):
        if answers(node.port) and answers(node.agent_port):
            return
        time.sleep(0.05)
    raise RuntimeError(f"searchd node {node.shard} never listened on {node.port}")


def stop_node(node: NodeLayout) -> None:
    """Stop a node and wait until it is gone (SIGTERM through searchd --stopwait)."""
    subprocess.run(
        [str(SEARCHD), "--config", str(node.config_path), "--stopwait"],
        capture_output=True,
        timeout=60,
    )
    for _ in range(300):
        if not answers(node.port):
            return
        time.sleep(0.05)


@contextmanager
def running_cluster(root: Path, shards: int = 2) -> Iterator[list[NodeLayout]]:
    nodes = write_cluster(root, shards, free_base_port(2 * shards))
    started: list[NodeLayout] = []
    try:
        for node in nodes:
            start_node(node)
            started.append(node)
        yield nodes
    finally:
        for node in started:
            stop_node(node)
