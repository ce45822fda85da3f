"""Peak memory of `kimreader add` on real pages: the 63 Readability test pages of ../shared,
each as the page (source.html) and as its cleaned copy (expected.html): 126 files.

    python bench/import_memory.py [--processes 0] [--no-entities]

The import runs as the real command line in a fresh process into a new library (made with
`init`); the figure is the largest resident set among it and the worker processes it waited
for (getrusage of children: the same figure `/usr/bin/time -v` prints), and the same for
`python -c "import spacy"` in the same run, for scale.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import CACHE, PROJECT_ROOT, print_table

PAGES = PROJECT_ROOT.parent / "shared" / "testdata" / "mozilla-readability" / "test" / "test-pages"


def peak_rss_mb(command: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of a command run in a fresh child process."""
    script = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)"
    )
    done = subprocess.run([sys.executable, "-c", script, *command], capture_output=True,
                          text=True, check=True)  # fmt: skip
    kilobytes, seconds = done.stdout.split()
    return int(kilobytes) / 1024, float(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=0, help="0: as many as cores")
    parser.add_argument("--no-entities", action="store_true")
    args = parser.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, prefix="import-memory-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for page in sorted(PAGES.iterdir()):
            for name in ("source.html", "expected.html"):
                if (page / name).is_file():
                    shutil.copy(page / name, pages / f"{page.name}-{name}")
        library = Path(tmp) / "library"
        cli = [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library)]
        subprocess.run([*cli, "init"], check=True, stdout=subprocess.DEVNULL)
        add = [*cli, "add", "--processes", str(args.processes), str(pages)]
        if args.no_entities:
            add.append("--no-entities")
        ours, seconds = peak_rss_mb(add)
        spacy, _ = peak_rss_mb([sys.executable, "-c", "import spacy"])
        count = len(list(pages.iterdir()))
    print_table(
        ["command", "files", "peak RSS MB", "seconds"],
        [
            [
                f"kimreader add ({'no entities' if args.no_entities else 'entities'})",
                count,
                f"{ours:.0f}",
                f"{seconds:.1f}",
            ],
            ['python -c "import spacy"', "", f"{spacy:.0f}", ""],
        ],  # fmt: skip
        title="Peak memory of an import of real pages (target <= 400 MB)",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
