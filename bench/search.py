"""Search latency per keystroke, against grep (and ripgrep when installed) in the same run.

    python bench/search.py [--sizes 2000,20000] [--rounds 3]

Every query is typed one character at a time and each prefix is searched, as the app does
on a keystroke, with the main screen's parameters (tui/jobs.py): `SearchIndex.search(prefix,
limit, offsets_for=30)`, limit 1000 for a completed search and 100 while typing (ranked hits for
the list; match offsets and snippets only for the 30 on screen).
Prefixes the query checker rejects (an unclosed quote: `"interest ra`) return at once with a
message; they are counted in "rejected" and left out of the latencies. Each round opens a fresh
SearchIndex (no caches carried over); its first search, which opens the searcher, is reported
on its own. While typing, a search stops matching after the engine's typing budget and lists
the best it scored so far; the column "first 20 as completed" says for how many keystrokes
(last round) the first screen of hits is exactly the one the completed search then shows.

The baseline is `grep -ril --include=*.md` (and `rg -il`) over the same library for the
query's words, each timed in the same run; the ratio is the baseline's median over
kimreader's median keystroke for the same category.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import time
from pathlib import Path

from _common import CACHE, library_dir, load_average, log, median, ms, p95, parse_sizes, print_table

# category -> (query typed by the user, the words a grep baseline looks for)
QUERIES: dict[str, list[tuple[str, str]]] = {
    "single word": [
        ("inflation", "inflation"),
        ("liquidity", "liquidity"),
        ("drought", "drought"),
        ("summit", "summit"),
    ],
    "two words": [
        ("inflation tokyo", "inflation"),
        ("sanctions summit", "sanctions"),
        ("refugees drought", "refugees"),
    ],
    "phrase": [
        ('"interest rates"', "interest rates"),
        ('"central bank"', "central bank"),
        ('"monetary fund"', "monetary fund"),
    ],
    "fuzzy": [
        ("sanctons~1", "sanctions"),
        ("drougth~2", "drought"),
        ("tokio~1", "tokyo"),
    ],
    "field filter": [
        ('source:"harbour times" inflation', "inflation"),
        ("title:summit", "summit"),
        ("author:kim sanctions", "sanctions"),
        ("published:2020 drought", "drought"),
    ],
}
# The main screen's parameters (tui/jobs.py), so the figures are the app's.
from kimreader.tui.jobs import OFFSETS_FOR, SEARCH_LIMIT, TYPING_LIMIT  # noqa: E402


def keystrokes(query: str) -> list[str]:
    """What the search bar holds after each key (blank prefixes are never searched)."""
    return [query[:end] for end in range(1, len(query) + 1) if query[:end].strip()]


SCREEN = 20  # hits on a first screen of the list


def kimreader_samples(
    directory: Path, rounds: int, typing: bool
) -> tuple[float, dict[str, list[float]], dict[str, int], dict[str, int]]:
    """(first search, seconds per keystroke, rejected prefixes, and for typing: keystrokes
    whose first screen of hits is the completed search's, checked in the last round)."""
    from kimreader.corpus.library import Library
    from kimreader.index.search import SearchIndex

    samples: dict[str, list[float]] = {category: [] for category in QUERIES}
    rejected = dict.fromkeys(QUERIES, 0)
    same_screen = dict.fromkeys(QUERIES, 0)
    firsts = []
    for round_ in range(rounds):
        # A fresh index object each round: nothing cached from the previous round.
        index = SearchIndex(Library.open(directory, seed=False))
        index.ensure()
        start = time.perf_counter()
        index.search("election", limit=SEARCH_LIMIT, offsets_for=OFFSETS_FOR)
        firsts.append(time.perf_counter() - start)
        for category, queries in QUERIES.items():
            for query, _words in queries:
                for prefix in keystrokes(query):
                    start = time.perf_counter()
                    limit = TYPING_LIMIT if typing else SEARCH_LIMIT
                    result = index.search(
                        prefix, limit=limit, offsets_for=OFFSETS_FOR, typing=typing
                    )
                    seconds = time.perf_counter() - start
                    if result.error:
                        rejected[category] += 1
                        continue
                    samples[category].append(seconds)
                    if typing and round_ == rounds - 1:  # what the pause would then show
                        done = index.search(prefix, limit=SEARCH_LIMIT, offsets_for=0)
                        ids = [[h.id for h in r.hits[:SCREEN]] for r in (result, done)]
                        same_screen[category] += ids[0] == ids[1]
        index.close()
    return median(firsts), samples, rejected, same_screen


def baseline_samples(command: list[str], directory: Path, rounds: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {category: [] for category in QUERIES}
    for _ in range(rounds):
        for category, queries in QUERIES.items():
            for _query, words in queries:
                start = time.perf_counter()
                subprocess.run(
                    [*command, words, str(directory)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    check=False,
                )
                samples[category].append(time.perf_counter() - start)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="library sizes (articles)")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is typed")
    parser.add_argument(
        "--cli-only", action="store_true", help="only the whole-process `kimreader search` vs grep"
    )
    args = parser.parse_args(argv)
    baselines = {"grep": ["grep", "-ril", "--include=*.md", "--exclude-dir=.kimreader", "-e"]}
    if shutil.which("rg"):
        baselines["rg"] = ["rg", "-il", "--glob", "*.md", "-e"]
    for size in parse_sizes(args.sizes):
        directory = library_dir(size)
        log(f"searching {directory}")
        if not args.cli_only:
            base = {n: baseline_samples(c, directory, args.rounds) for n, c in baselines.items()}
            for typing in (False, True):
                report(size, directory, args.rounds, typing, baselines, base)
        report_cli(size, directory, args.rounds)
    return 0


def report(
    size: int,
    directory: Path,
    rounds: int,
    typing: bool,
    baselines: dict[str, list[str]],
    base: dict[str, dict[str, list[float]]],
) -> None:
    """One table: every keystroke searched as the app did before #14 (exact count, "did you
    mean" when little is found) or as it does while typing (count bound, no suggestion, answers
    kept per parsed query)."""
    first, samples, rejected, same_screen = kimreader_samples(directory, rounds, typing)
    rows = []
    for category, values in samples.items():
        row: list[object] = [category, len(values), rejected[category]]
        row += [ms(median(values)), ms(p95(values))]
        if typing:
            row.append(f"{same_screen[category] / max(len(values) // rounds, 1):.0%}")
        for name in baselines:
            grep_median = median(base[name][category])
            row += [ms(grep_median), f"{grep_median / median(values):.0f}x"]
        rows.append(row)
    everything = [v for values in samples.values() for v in values]
    row = ["all keystrokes", len(everything), sum(rejected.values())]
    row += [ms(median(everything)), ms(p95(everything))]
    if typing:
        row.append(f"{sum(same_screen.values()) / max(len(everything) // rounds, 1):.0%}")
    for name in baselines:
        grep_all = median([v for values in base[name].values() for v in values])
        row += [ms(grep_all), f"{grep_all / median(everything):.0f}x"]
    rows.append(row)
    headers = ["query kind", "searches", "rejected", "median ms", "p95 ms"]
    headers += [f"first {SCREEN} as completed"] if typing else []
    for name in baselines:
        headers += [f"{name} ms", f"vs {name}"]
    mode = "while typing" if typing else "exact count and suggestions"
    print_table(
        headers,
        rows,
        title=f"Search per keystroke, {mode}, {size:,} articles "
        f"(limit {TYPING_LIMIT if typing else SEARCH_LIMIT}, "
        f"offsets for {OFFSETS_FOR}; first search {ms(first)} ms)",
    )


def report_cli(size: int, directory: Path, rounds: int) -> None:
    """`kimreader search WORD` as a whole process vs `grep -ril WORD`, same words, same run:
    wall time and CPU time (user + system: what contention with other jobs inflates least).
    kimreader runs with compiled bytecode, as installed software does (see bench/startup.py).
    The start-up of kimreader's interpreter doing nothing (`python -c pass`: its site packages'
    .pth files included, which an editable install adds to) is timed in the same run."""
    kimreader = shutil.which("kimreader")
    if kimreader is None:
        log("kimreader is not installed: no whole-process figure")
        return
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    words = [words for queries in QUERIES.values() for _query, words in queries if " " not in words]
    ours = [kimreader, "--library", str(directory), "search", "--limit", "10"]
    grep = ["grep", "-ril", "--include=*.md", "--exclude-dir=.kimreader", "-e"]
    _timed([*ours, words[0]], env)  # fills the bytecode cache
    idle = [_interpreter(kimreader), "-c", "pass"]
    runs: dict[str, list[tuple[float, float]]] = {"kimreader": [], "grep": [], "idle": []}
    for _ in range(rounds):
        for word in words:
            runs["kimreader"].append(_timed([*ours, word], env))
            runs["grep"].append(_timed([*grep, word, str(directory)], env))
            runs["idle"].append(_timed(idle, env))
    rows: list[list[object]] = []
    labels = {
        "kimreader": "kimreader search WORD --limit 10",
        "grep": "grep -ril",
        "idle": "  its interpreter: python -c pass",
    }
    for name, label in labels.items():
        wall, cpu = [w for w, _ in runs[name]], [c for _, c in runs[name]]
        rows.append([label, len(wall), ms(median(wall)), ms(p95(wall)), ms(median(cpu))])
    ratio = [median([w for w, _ in runs[n]]) for n in ("kimreader", "grep")]
    cpu_ratio = [median([c for _, c in runs[n]]) for n in ("kimreader", "grep")]
    rows.append(["kimreader / grep", "", f"{ratio[0] / ratio[1]:.1f}x", "",
                 f"{cpu_ratio[0] / max(cpu_ratio[1], 1e-4):.0f}x"])  # fmt: skip
    loads = load_average()
    print_table(
        ["command", "runs", "median ms", "p95 ms", "CPU median ms"],
        rows,
        title=f"Whole process, {size:,} articles (load average after: {loads})",
    )


def _interpreter(script: str) -> str:
    """The Python that runs an installed console script (its #! line)."""
    first = Path(script).read_text(encoding="utf-8", errors="replace").splitlines()[0]
    return first[2:].strip() if first.startswith("#!") else "python3"


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


if __name__ == "__main__":
    raise SystemExit(main())
