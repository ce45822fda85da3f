"""Import speed: `kimreader add` of synthetic articles with entity extraction, 1 and 2 processes.

    python bench/importing.py [--n 2000] [--processes 1,2] [--formats md,html] [--no-entities]
                              [--repeat 1] [--baseline-python PATH]

Each run is the real command line in a fresh process (`python -m kimreader.tui.cli --library
TMP add --processes P SRC`) into an empty library, timed from launch to exit: reading and
converting the files, entity extraction, writing articles and sidecars, building the index.
Besides the wall time, the CPU seconds of the command and every process it waited for (worker
pools, Whoosh's build processes) are shown per article: on a shared machine they move much less
with the load than the wall time. Sources come from bench/corpus.py: all Markdown, or all HTML
(--html-share 1). With --repeat, the runs are interleaved (every format and process count once,
then again) and medians shown; the load average is printed before and after.
--baseline-python names the interpreter of another installed kimreader (e.g. a venv with the
code before a change): its runs are interleaved with this one's, in the same table.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import CACHE, load_average, log, median, print_table, source_dir


def children_cpu() -> float:
    """CPU seconds (user + system) of every finished child this process waited for, and of
    the children they waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_import(
    source: Path, processes: int, entities: bool, python: str = sys.executable
) -> tuple[float, float, int]:
    """(seconds, CPU seconds, articles in the library afterwards) for one `kimreader add`."""
    from kimreader.corpus.library import Library

    with tempfile.TemporaryDirectory(dir=CACHE, prefix="import-") as tmp:
        library = Path(tmp) / "library"
        Library.open(library, seed=False)
        command = [python, "-m", "kimreader.tui.cli", "--library", str(library), "add"]
        command += ["--processes", str(processes), str(source)]
        if not entities:
            command.append("--no-entities")
        cpu, start = children_cpu(), time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=dict(os.environ))
        seconds = time.perf_counter() - start
        return seconds, children_cpu() - cpu, len(Library.open(library, seed=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles per import")
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--formats", default="md,html")
    parser.add_argument("--no-entities", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, interleaved")
    parser.add_argument("--baseline-python", help="interpreter of the code to compare with")
    args = parser.parse_args(argv)
    pythons = {"this": sys.executable}
    if args.baseline_python:
        pythons["baseline"] = args.baseline_python
    runs = [
        (code, kind, processes)
        for kind in args.formats.split(",")
        for processes in (int(p) for p in args.processes.split(","))
        for code in pythons
    ]
    seconds: dict[tuple[str, str, int], list[float]] = {run: [] for run in runs}
    cpu: dict[tuple[str, str, int], list[float]] = {run: [] for run in runs}
    counts: dict[tuple[str, str, int], int] = {}
    print(f"load average before: {load_average()}")
    for round_ in range(1, args.repeat + 1):
        for run in runs:
            code, kind, processes = run
            source = source_dir(args.n, html_share=1.0 if kind == "html" else 0.0)
            log(f"{code}: importing {args.n} {kind} articles, {processes} process(es), {round_}")
            took, used, counts[run] = run_import(
                source, processes, not args.no_entities, pythons[code]
            )
            seconds[run].append(took)
            cpu[run].append(used)
            log(f"  {took:.1f} s, {used:.1f} CPU-s, load {load_average()}")
    print(f"load average after: {load_average()}")
    rows = []
    for run in runs:
        middle = median(seconds[run])
        spread = " ".join(f"{s:.1f}" for s in seconds[run])
        per_article = median(cpu[run]) / max(1, counts[run]) * 1000
        rows.append(
            [*run, counts[run], f"{middle:.1f} ({spread})", f"{counts[run] / middle:.1f}",
             f"{per_article:.1f}"]
        )  # fmt: skip
    entities = "without" if args.no_entities else "with"
    print_table(
        [
            "code",
            "format",
            "processes",
            "articles",
            "seconds: median (runs)",
            "articles/s",
            "CPU ms/article",
        ],
        rows,
        title=f"kimreader add, {entities} entity extraction (targets, #14: searchable >= 60/s; "
        "with entities >= 15/s with 2 processes)",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
