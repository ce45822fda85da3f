"""Time the analysis on hostile article text (an imported page can be anything): per case and
size, entity extraction as the importer runs it, junk.junk_reason on every capitalised word (as
if the model proposed each), quote finding, quantities and the comparison of two such texts,
each case in its own process with a time limit, so a hang shows as a timeout instead of
stalling the run. A step that grows much more than 4x from one size to the
next (sizes grow 4x) is superlinear.

Figures of 2026-12-06 (seconds at 1k / 4k / 16k units, measured on these texts by a scratch
harness of the same steps: the session's first code, 5367667 -> main after the hostile-text
fixes; 2 shared cores, so +-30%):
  5,000 ... 80,000 digits in a row, quantities:       10.6 / >60 / >60  ->  0.01 / 0.05 / 0.2
  a comma list of 3-digit numbers, quantities:         1.0 / 21.4 / >60  ->  0.03 / 0.11 / 0.43
  unbalanced quote marks on one line, entities:        2.7 / 13.1 / 49   ->  0.7 / 3.3 / 11.6
  thousands of commas in one sentence, entities:       2.2 / 16.3 / >60  ->  0.4 / 1.5 / 7.4
  quotes in one endless sentence, quote finding:       0.4 / 4.2 / 61    ->  0.02 / 0.05 / 0.22
  a 10,000 ... 160,000-character word, comparison:     1.1 / 20.6 / >60  ->  0.1 / 0.4 / 1.8
  "Yes. " repeated, comparison (align.py, left):       0.4 / 5.2 / >60   ->  0.08 / 1.5 / 28
  runs of capitalised words, entities (org joins, left): 0.6 / 3.1 / 19.8 -> 0.35 / 2.5 / 17.4

2026-12-07 (hostile12; --base 93e6d43 --repeat 3, medians at 4k / 16k, load 5-6 on 2 cores):
  "Yes. " repeated, comparison (identical sentences scored once, no sort): 2.45 / 55.5 ->
    0.92 / 31.6; what is left is the comparison's dense sentence x sentence matrices
    (16,000 x 8,002: 1 GB each, several; fresh memory costs ~4 s a gigabyte on this machine)
  runs of capitalised words, entities (organisations indexed by their short forms):
    2.17 / 14.9 -> 1.73 / 7.4 (the rest is mostly the spaCy model, linear)
  openers, junk_reason per capitalised word (line starts by bisection, verdicts per text):
    0.13 / 1.8 / 23 -> 0.13 / 0.25 / 1.1 at 4k / 16k / 64k (in one process, same answers);
    its comparison >150 -> 54 s at 16k (1,000 distinct sentences scored once each)
  "Yes sir. " repeated, usable_pairs (a short sentence both repeat set as blocks of pairs):
    19.8 -> 0.8 s at 16k in one process; compare 4.0 / 34.4 -> 1.8 / 28.7 (one run each)

With --base COMMIT each size also runs with the analysis modules (analysis/*.py) that differ
from COMMIT loaded as they were there, in the same run; with --repeat N each figure is the median
of N runs (old and new alternate, so the load of the shared cores falls on both alike), printed
as "old -> new".

Run: python bench/hostile.py [--sizes 1000,4000,16000] [--timeout 60] [--cases a,b]
                             [--base COMMIT] [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.abc
import importlib.util
import random
import re
import statistics
import subprocess
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent

NAMES = [
    "John Smith", "Mary Jones", "Ahmed Khan", "Li Wei", "Anna Nowak", "Pierre Dubois",
    "Olga Petrova", "Carlos Diaz", "Emma Brown", "Kenji Sato",
]  # fmt: skip
CAPS = (
    "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike November "
    "Oscar Papa Quebec Romeo Sierra Tango Washington Obama Ministry Council Court"
).split()


def make(case: str, n: int) -> str:
    """The hostile text of `case` at about `n` units (words, marks or numbers)."""
    pick = random.Random(7).choice
    texts = {
        "caps": lambda: " ".join(pick(CAPS) for _ in range(n)),
        "the": lambda: "the " * n,
        "quote_marks": lambda: " ".join(
            pick(["“", "”", '"', "'", "‘", "’"]) + pick(["word", "He", "said", "Smith"])
            for _ in range(n)
        ),
        "said_quotes": lambda: " ".join(
            f"“Yes,” said {pick(NAMES)}, “no,” said {pick(NAMES)}." for _ in range(n // 8)
        ),
        "one_sentence_quotes": lambda: " ".join(
            f"“Yes {i},” said {pick(NAMES)} and {pick(NAMES)}," for i in range(n // 8)
        ),
        "digits_in_a_row": lambda: "".join(str(i % 10) for i in range(n * 5)) + " people",
        "numbers_1_2_3": lambda: ", ".join(str(i) for i in range(1, n + 1)),
        "three_digit_list": lambda: ", ".join(str(100 + i % 900) for i in range(n)) + " and",
        "decimal_list": lambda: ", ".join(f"{i % 9 + 1}.{i % 7}" for i in range(n)) + " and",
        "tens_of_thousands": lambda: "tens of thousands of " * (n // 4) + "people.",
        "names_joined_by_and": lambda: " and ".join(pick(NAMES) for _ in range(n // 3)) + ".",
        "long_word": lambda: "The " + "a" * (n * 10) + " said " + "B" * (n * 10) + ".",
        "commas": lambda: "The man, " + ", ".join(pick([*CAPS, "word", "the"]) for _ in range(n)),
        "yes_sentences": lambda: "Yes. " * n,
        "short_sentences": lambda: "Yes sir. " * n,  # two words: pairable when both repeat it
        "openers": lambda: openers(n),
    }
    return texts[case]()


def openers(n: int) -> str:
    """`n` sentences on one line, each opened by one of n / 16 made-up words (capitalised) that
    the text also writes in lower case: common words opening sentences, each checked per mention
    against every place its word stands."""
    pick = random.Random(7).choice
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    made_up = {"".join(pick(syllables) for _ in range(3)) for _ in range(n)}
    words = sorted(made_up)[: max(1, n // 16)]
    line = " ".join(f"{words[i % len(words)].capitalize()} fled the area." for i in range(n))
    return f"{line} Later the {', '.join(words)} returned."


CASES = [
    "caps", "the", "quote_marks", "said_quotes", "one_sentence_quotes", "digits_in_a_row",
    "numbers_1_2_3", "three_digit_list", "decimal_list", "tens_of_thousands",
    "names_joined_by_and", "long_word", "commas", "yes_sentences", "short_sentences", "openers",
]  # fmt: skip
STEPS = ["entities", "junk", "quotes", "quantities", "compare"]


def changed_modules(base: str) -> list[str]:
    """The analysis modules (analysis/*.py) that differ between `base` and the work tree."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "diff", "--name-only", base, "--", "analysis/*.py"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    return [path for path in listed if path.count("/") == 1]


class _BaseFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports the given modules from their source at a commit (others as usual)."""

    def __init__(self, base: str, paths: list[str]) -> None:
        self.base = base
        self.paths = {"kimreader." + p.removesuffix(".py").replace("/", "."): p for p in paths}

    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if name not in self.paths:
            return None
        return importlib.util.spec_from_loader(name, self, origin=f"{self.base}:{self.paths[name]}")

    def exec_module(self, module: ModuleType) -> None:
        path = self.paths[module.__name__]
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{self.base}:{path}"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        module.__file__ = str(ROOT / path)
        exec(compile(source, f"{self.base}:{path}", "exec"), module.__dict__)  # noqa: S102


def load_base(base: str, paths: list[str]) -> None:
    """From now on, import the modules at `paths` as they were at commit `base` (call it before
    anything imports them)."""
    sys.meta_path.insert(0, _BaseFinder(base, paths))


def run_case(case: str, n: int, base: str | None = None) -> None:
    """In a child process: time each step on the case, printing "step seconds" as it goes; with
    `base`, the changed analysis modules as they were at that commit."""
    import time

    if base:
        load_base(base, changed_modules(base))

    from kimreader.analysis.compare import compare_articles
    from kimreader.analysis.entities import extract_entities
    from kimreader.analysis.junk import junk_reason
    from kimreader.analysis.nlp import load_nlp
    from kimreader.analysis.quantities import quantities
    from kimreader.analysis.quotes import quotes_and_reported_speech
    from kimreader.corpus.article import Article

    text, other = make(case, n), make(case, n // 2) + "\n\nA different ending. Smith said so."
    load_nlp()
    started = time.perf_counter()
    entities = extract_entities([text, other])
    print("entities", time.perf_counter() - started, flush=True)
    started = time.perf_counter()
    for word in re.finditer(r"\b[A-Z][a-z]+\b", text):  # as if the model proposed every one
        junk_reason(text, word.start(), word.end(), "ORG")
    print("junk", time.perf_counter() - started, flush=True)
    started = time.perf_counter()
    quotes_and_reported_speech(text, entities[0])
    print("quotes", time.perf_counter() - started, flush=True)
    started = time.perf_counter()
    quantities(text)
    print("quantities", time.perf_counter() - started, flush=True)
    started = time.perf_counter()
    a, b = Article.create("A", text), Article.create("B", other)
    compare_articles(a, b, entities[0], entities[1])
    print("compare", time.perf_counter() - started, flush=True)


def timed(case: str, size: int, timeout: float, base: str | None) -> dict[str, float | None]:
    """Seconds per step of one child run (None: not reached within the time limit)."""
    command = [sys.executable, __file__, "--child", case, str(size)]
    command += ["--base", base] if base else []
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        output = done.stdout
    except subprocess.TimeoutExpired as stopped:
        output = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else ""
    seconds = dict(line.split() for line in output.splitlines() if line.strip())
    return {step: float(seconds[step]) if step in seconds else None for step in STEPS}


def median(runs: list[float | None], timeout: float) -> str:
    """The median of runs, a run over the time limit counting as the limit."""
    value = statistics.median(timeout if run is None else run for run in runs)
    return f">{int(timeout)}" if value >= timeout else f"{value:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,4000,16000")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--base", help="also time the analysis modules as they were at COMMIT")
    parser.add_argument("--repeat", type=int, default=1, help="median of this many runs")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_case(args.child[0], int(args.child[1]), args.base)
        return 0
    if args.base:
        print(f"old: {', '.join(changed_modules(args.base))} at {args.base}; new: work tree")
    sizes = [int(size) for size in args.sizes.split(",")]
    width = 16 if args.base else 8
    print(f"{'case':22} {'step':10} " + " ".join(f"{size:>{width}}" for size in sizes))
    versions = [args.base, None] if args.base else [None]
    for case in args.cases.split(","):
        cells: dict[str, list[str]] = {step: [] for step in STEPS}
        for size in sizes:
            runs: dict[str | None, list[dict[str, float | None]]] = {v: [] for v in versions}
            for _ in range(args.repeat):
                for version in versions:
                    runs[version].append(timed(case, size, args.timeout, version))
            for step in STEPS:
                shown = [median([run[step] for run in runs[v]], args.timeout) for v in versions]
                cells[step].append(f"{' -> '.join(shown):>{width}}")
        for step in STEPS:
            print(f"{case:22} {step:10} " + " ".join(cells[step]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
