"""Index build on its own, and the cost of opening a library whose index is up to date.

    python bench/index_build.py [--sizes 2000] [--open-sizes 2000,20000] [--repeat 5]

build: `SearchIndex.rebuild()` of a cached library into a fresh directory (the library's own
index is left alone): reading the articles, analysing, writing and committing the segments.
open: a new Library and SearchIndex, then `ensure()` as the app and every command do at
start: catalog load, stat of every file, the sync check. "stamp missing" removes the sync
stamp first, which is what happens after any change to the library (full compare of hashes).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import CACHE, ensure_index, library_dir, log, median, ms, parse_sizes, print_table


def build_rate(directory: Path) -> tuple[int, float]:
    from kimreader.corpus.library import Library
    from kimreader.index.search import SearchIndex

    library = Library.open(directory, seed=False)
    library.refresh()
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="index-") as tmp:
        index = SearchIndex(library, Path(tmp) / "index")
        start = time.perf_counter()
        report = index.rebuild()
        seconds = time.perf_counter() - start
        index.close()
    return report.added, seconds


def open_times(directory: Path, repeat: int, drop_stamp: bool) -> list[float]:
    from kimreader.corpus.library import Library
    from kimreader.index.search import SearchIndex

    samples = []
    for _ in range(repeat):
        if drop_stamp:
            (directory / ".kimreader" / "index" / "kimreader-synced").unlink(missing_ok=True)
        start = time.perf_counter()
        index = SearchIndex(Library.open(directory, seed=False))
        report = index.ensure()
        samples.append(time.perf_counter() - start)
        index.close()
        assert not report.changed, report
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000", help="library sizes to build indexes for")
    parser.add_argument("--open-sizes", default="2000,20000", help="library sizes to open")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    rows = []
    for size in parse_sizes(args.sizes):
        directory = library_dir(size)
        log(f"building an index of {size} articles")
        count, seconds = build_rate(directory)
        rows.append([f"{count:,}", f"{seconds:.1f}", f"{count / seconds:.0f}"])
    if rows:
        print_table(
            ["articles", "seconds", "articles/s"],
            rows,
            title="Index build alone (SearchIndex.rebuild; target >= 250 articles/s)",
        )
    rows = []
    for size in parse_sizes(args.open_sizes):
        directory = library_dir(size)
        ensure_index(directory)
        log(f"opening {directory}")
        current = open_times(directory, args.repeat, drop_stamp=False)
        stale = open_times(directory, max(2, args.repeat // 2), drop_stamp=True)
        rows.append([f"{size:,}", ms(median(current)), ms(median(stale))])
    if rows:
        print_table(
            ["articles", "up to date ms", "stamp missing ms"],
            rows,
            title="Opening a library: Library.open + SearchIndex.ensure (median)",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
