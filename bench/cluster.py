"""The embedded Whoosh index against a two-shard Sphinx cluster on the same generated articles.

    python bench/cluster.py [--sizes 2000,20000] [--whoosh-max 20000] [--shards 2]

For each size, the same synthetic articles (bench/corpus.py, in memory: no library files, no
entity extraction) go into both engines through the `SearchBackend` protocol, and the figures
are measured in the same run:

- build: documents indexed per second (Whoosh: one bulk writer; cluster: REPLACE batches);
- per keystroke: each query typed one character at a time, each prefix searched as the app does
  (limit 1000, match offsets for the 30 hits on screen). The cluster gives no offsets, so its
  keystroke includes kimreader's own analyser finding them in those 30 bodies, exactly what
  `SearchIndex` does for it. Medians and p95 over all keystrokes of all queries.

Sizes above --whoosh-max are measured on the cluster only (a Whoosh build that large takes
longer than a benchmark run should; the table says so). Needs `searchd` (Debian's sphinxsearch).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from _common import log, median, ms, p95, parse_sizes, print_table

from corpus import generate_article
from kimreader.index.backend import Document, SearchBackend
from kimreader.index.cluster import Node, NodeLayout, engine_url, write_cluster
from kimreader.index.offsets import analysed_offsets

QUERIES = ["inflation", "sanctions summit", '"central bank"', "title:summit", "drought*"]
WARM_UP = ["minister", "election"]  # opens searchers and connections; not timed, not repeated
LIMIT, OFFSETS_FOR = 1000, 30


def documents(n: int) -> list[Document]:
    docs = []
    for i in range(n):
        fields, body = generate_article(i)
        article_id = f"{i:010x}"
        docs.append(
            Document(
                id=article_id,
                hash=hashlib.sha256(body.encode()).hexdigest(),
                title=fields["title"],
                body=body,
                source=fields["source"],
                authors=tuple(fields["authors"]),
                published=fields["published"],
            )
        )
    return docs


def build(backend: SearchBackend, docs: list[Document]) -> float:
    """Documents per second into an empty index."""
    backend.create()
    started = time.perf_counter()
    with backend.writing(bulk=len(docs)) as writer:
        writer.add(docs)
    return len(docs) / (time.perf_counter() - started)


def keystroke_times(
    backend: SearchBackend, bodies: dict[str, tuple[str, str]], queries: list[str]
) -> list[float]:
    """Each query typed once (an engine may keep answers per query: typing it twice would
    time its cache)."""
    from kimreader.index.backend import Feature, QueryError

    own_offsets = Feature.OFFSETS not in backend.capabilities
    times = []
    for query in queries:
        for end in range(1, len(query) + 1):
            prefix = query[:end]
            started = time.perf_counter()
            try:
                found = backend.search(prefix, LIMIT, OFFSETS_FOR)
            except QueryError:
                continue  # an unclosed quote while typing: rejected at once, not timed
            if own_offsets:
                shown = [(m.id, *bodies[m.id]) for m in found.matches[:OFFSETS_FOR]]
                analysed_offsets(prefix, shown)
            times.append(time.perf_counter() - started)
    return times


@contextmanager
def cluster(root: Path, shards: int) -> Iterator[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from cluster_nodes import free_base_port, start_node, stop_node

    nodes: list[NodeLayout] = write_cluster(root, shards, free_base_port(2 * shards))
    for node in nodes:
        start_node(node)
    try:
        yield engine_url([Node(node.host, node.port) for node in nodes])
    finally:
        for node in nodes:
            stop_node(node)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("2000,20000"))
    parser.add_argument("--whoosh-max", type=int, default=20000)
    parser.add_argument("--shards", type=int, default=2)
    args = parser.parse_args(argv)
    if shutil.which("searchd") is None:
        sys.exit("bench/cluster.py needs searchd (apt-get install sphinxsearch)")
    from kimreader.index.sphinx_backend import SphinxBackend
    from kimreader.index.whoosh.backend import WhooshBackend

    rows = []
    with tempfile.TemporaryDirectory(prefix="kimreader-cluster-bench-") as tmp:
        for size in args.sizes:
            log(f"generating {size} articles")
            docs = documents(size)
            bodies = {d.id: (d.title, d.body) for d in docs}
            engines: list[tuple[str, SearchBackend]] = []
            if size <= args.whoosh_max:
                engines.append(("whoosh", WhooshBackend(Path(tmp) / f"whoosh-{size}")))
            with cluster(Path(tmp) / f"nodes-{size}", args.shards) as url:
                engines.append(
                    (f"sphinx, {args.shards} shards", SphinxBackend(url, Path(tmp) / "stamp"))
                )
                for name, backend in engines:
                    log(f"{size}: building {name}")
                    rate = build(backend, docs)
                    log(f"{size}: typing into {name}")
                    keystroke_times(backend, bodies, WARM_UP)
                    times = keystroke_times(backend, bodies, QUERIES)
                    rows.append(
                        (f"{size:,}", name, f"{rate:,.0f}/s", ms(median(times)), ms(p95(times)))
                    )
                    backend.close()
            if size > args.whoosh_max:
                rows.append((f"{size:,}", "whoosh", "not run (--whoosh-max)", "", ""))
    print_table(
        ("articles", "engine", "build", "keystroke median", "keystroke p95"),
        rows,
        title="Whoosh vs a Sphinx cluster, same articles, same run",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
