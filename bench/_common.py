"""Shared helpers for kimreader's benchmarks: statistics, tables, cached synthetic libraries.

Libraries are built once under $KIMREADER_BENCH_DIR (default /tmp/kimreader-bench) and reused
by every benchmark: `lib-N` holds N imported articles with an up-to-date index (no entities,
so that 20,000 articles build in minutes), `src-N` the files `bench/corpus.py` wrote.
A library is reused only when its completion marker names the same build key.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

BENCH_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_ROOT.parent
CACHE = Path(os.environ.get("KIMREADER_BENCH_DIR", "/tmp/kimreader-bench"))
# Bump when the way cached libraries are built changes: stale ones are rebuilt.
BUILD_KEY = "lib-v1"

if str(BENCH_ROOT) not in sys.path:
    sys.path.insert(0, str(BENCH_ROOT))


# -- statistics -----------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    return percentile(values, 0.95)


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per call of `function`, `repeat` times."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


# -- tables ---------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], title: str = "") -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    out = [title] if title else []
    out.append(line(cells[0]))
    out.append("  ".join("-" * w for w in widths))
    out.extend(line(row) for row in cells[1:])
    return "\n".join(out)


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]], title: str = "") -> None:
    print(table(headers, rows, title), flush=True)
    print(flush=True)


def parse_sizes(text: str) -> list[int]:
    return [int(part.replace("_", "").replace("k", "000")) for part in text.split(",") if part]


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: every timing is read against them."""
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def log(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


# -- synthetic libraries --------------------------------------------------------------------


def source_dir(n: int, html_share: float = 0.0) -> Path:
    """The files of a synthetic corpus of n articles (written once, then reused)."""
    from corpus import write_library  # bench/corpus.py

    name = f"src-{n}" + (f"-html{int(html_share * 100)}" if html_share else "")
    directory = CACHE / name
    marker = directory / ".complete"
    if not marker.exists():
        log(f"writing {n} synthetic articles to {directory}")
        shutil.rmtree(directory, ignore_errors=True)
        write_library(n, directory, html_share=html_share)
        marker.write_text(f"{n} {html_share}\n")
    return directory


def library_dir(n: int) -> Path:
    """A library of n imported articles with a built index (built once, then reused)."""
    directory = CACHE / f"lib-{n}"
    marker = directory / ".kimreader" / "bench-complete"
    if marker.exists() and marker.read_text().strip() == BUILD_KEY:
        return directory
    source = source_dir(n)
    log(f"importing {n} articles into {directory} (once; reused by later runs)")
    shutil.rmtree(directory, ignore_errors=True)
    from kimreader.corpus.library import Library

    Library.open(directory, seed=False)  # no shipped reports: exactly n articles
    start = time.perf_counter()
    # A child process, so that the benchmark itself starts with a cold, small interpreter.
    subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", "--library", str(directory), "add",
         "--no-entities", str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "KIMREADER_HOME": str(directory)},
    )  # fmt: skip
    marker.write_text(BUILD_KEY + "\n")
    log(f"built {directory} in {time.perf_counter() - start:.0f} s")
    return directory


def ensure_index(directory: Path) -> None:
    """Bring a cached library's index up to date (e.g. after a schema change)."""
    from kimreader.corpus.library import Library
    from kimreader.index.search import SearchIndex

    index = SearchIndex(Library.open(directory, seed=False))
    start = time.perf_counter()
    report = index.ensure()
    index.close()
    if report.changed:
        log(f"index of {directory} updated in {time.perf_counter() - start:.0f} s ({report})")


def copy_library(directory: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(directory, target)
    return target
