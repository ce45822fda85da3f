"""A search cluster's layout: the `sphinx://` engine url and the node configs `cluster init` writes.

Node i holds shard i, a real-time index; every node also has the distributed index `kim` that
searches all shards (its own locally, the others through their agent ports). kimreader writes
each article to the shard its id falls in and searches `kim` on the first node that answers.

The configs are for Sphinx 2.2 (Debian's `sphinxsearch`, what the tests run) and Manticore Search
(its maintained fork, what a team would deploy); the two differ in a few lines, chosen by flavor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SCHEME = "sphinx://"
DISTRIBUTED_INDEX = "kim"
TEXT_FIELDS = ("title", "body", "source", "author", "person", "org", "place", "feed")
FLAVORS = ("sphinx", "manticore")
DEFAULT_PORT = 9306


class EngineUrlError(ValueError):
    """An engine url kimreader cannot use; the message names the url and what is wrong."""


@dataclass(frozen=True)
class Node:
    host: str
    port: int  # the SphinxQL (MySQL protocol) port

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def shard_index(shard: int) -> str:
    return f"kim_shard{shard}"


def parse_engine_url(url: str) -> list[Node]:
    """`sphinx://host:port[,host:port...]`: one node per shard, in shard order."""
    if not url.startswith(SCHEME):
        raise EngineUrlError(f"engine {url!r}: expected sphinx://host:port[,host:port]")
    nodes = []
    for part in url[len(SCHEME) :].rstrip("/").split(","):
        host, sep, port = part.strip().rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise EngineUrlError(f"engine {url!r}: {part!r} is not host:port")
        nodes.append(Node(host.strip("[]"), int(port)))
    return nodes


def engine_url(nodes: list[Node]) -> str:
    return SCHEME + ",".join(str(node) for node in nodes)


@dataclass(frozen=True)
class NodeLayout:
    """Where node `shard` lives and listens: SphinxQL on `port`, agents on `port + 1`."""

    directory: Path
    shard: int
    host: str
    port: int

    @property
    def agent_port(self) -> int:
        return self.port + 1

    @property
    def config_path(self) -> Path:
        return self.directory / "searchd.conf"


def layout(root: Path, shards: int, port: int, host: str = "127.0.0.1") -> list[NodeLayout]:
    return [NodeLayout(root / f"node{i}", i, host, port + 2 * i) for i in range(shards)]


def _rt_index(node: NodeLayout) -> str:
    fields = "\n".join(f"    rt_field = {name}" for name in TEXT_FIELDS)
    return f"""index {shard_index(node.shard)} {{
    type = rt
    path = {node.directory / "data" / shard_index(node.shard)}
{fields}
    rt_attr_string = article_id
    rt_attr_string = content_hash
    rt_attr_bigint = published
    rt_attr_uint = has_date
    morphology = stem_en
    min_word_len = 1
    min_prefix_len = 2
    dict = keywords
    index_exact_words = 1
    rt_mem_limit = 128M
}}
"""


def _distributed_index(node: NodeLayout, nodes: list[NodeLayout]) -> str:
    lines = [f"index {DISTRIBUTED_INDEX} {{", "    type = distributed"]
    for other in nodes:
        if other is node:
            lines.append(f"    local = {shard_index(other.shard)}")
        else:
            lines.append(f"    agent = {other.host}:{other.agent_port}:{shard_index(other.shard)}")
    lines += ["    agent_connect_timeout = 1000", "    agent_query_timeout = 5000", "}", ""]
    return "\n".join(lines)


def _searchd(node: NodeLayout, flavor: str) -> str:
    mysql = "mysql41" if flavor == "sphinx" else "mysql"
    workers = "    workers = threads\n" if flavor == "sphinx" else ""
    logs = node.directory / "log"
    return f"""searchd {{
    listen = {node.host}:{node.port}:{mysql}
    listen = {node.host}:{node.agent_port}
    log = {logs / "searchd.log"}
    query_log = {logs / "query.log"}
    pid_file = {logs / "searchd.pid"}
    binlog_path = {node.directory / "data"}
{workers}    read_timeout = 5
    client_timeout = 300
    max_children = 64
}}
"""


def node_config(node: NodeLayout, nodes: list[NodeLayout], flavor: str = "sphinx") -> str:
    if flavor not in FLAVORS:
        raise ValueError(f"flavor must be one of {', '.join(FLAVORS)}")
    header = (
        f"# kimreader search node {node.shard} of {len(nodes)} ({flavor}); "
        "written by `kimreader cluster init`\n"
    )
    return header + _rt_index(node) + _distributed_index(node, nodes) + _searchd(node, flavor)


def write_cluster(
    root: Path, shards: int, port: int, host: str = "127.0.0.1", flavor: str = "sphinx"
) -> list[NodeLayout]:
    """Write one config per node under root (data and logs beside it); returns the layout."""
    from kimreader.corpus.library import atomic_write_text

    nodes = layout(root, shards, port, host)
    for node in nodes:
        (node.directory / "data").mkdir(parents=True, exist_ok=True)
        (node.directory / "log").mkdir(parents=True, exist_ok=True)
        atomic_write_text(node.config_path, node_config(node, nodes, flavor))
    return nodes


def start_command(node: NodeLayout) -> str:
    """The command that starts a node (Sphinx and Manticore both name it searchd)."""
    return f"searchd --config {node.config_path}"
