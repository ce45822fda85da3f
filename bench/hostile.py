"""Time the analysis on hostile article text (an imported page can be anything): per case and
size, entity extraction as the importer runs it, quote finding, quantities and the comparison
of two such texts, each case in its own process with a time limit, so a hang shows as a
timeout instead of stalling the run. A step that grows much more than 4x from one size to the
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

Run: python bench/hostile.py [--sizes 1000,4000,16000] [--timeout 60] [--cases a,b]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys

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
    }
    return texts[case]()


CASES = [
    "caps", "the", "quote_marks", "said_quotes", "one_sentence_quotes", "digits_in_a_row",
    "numbers_1_2_3", "three_digit_list", "decimal_list", "tens_of_thousands",
    "names_joined_by_and", "long_word", "commas", "yes_sentences",
]  # fmt: skip
STEPS = ["entities", "quotes", "quantities", "compare"]


def run_case(case: str, n: int) -> None:
    """In a child process: time each step on the case, printing "step seconds" as it goes."""
    import time

    from kimreader.analysis.compare import compare_articles
    from kimreader.analysis.entities import extract_entities
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
    quotes_and_reported_speech(text, entities[0])
    print("quotes", time.perf_counter() - started, flush=True)
    started = time.perf_counter()
    quantities(text)
    print("quantities", time.perf_counter() - started, flush=True)
    started = time.perf_counter()
    a, b = Article.create("A", text), Article.create("B", other)
    compare_articles(a, b, entities[0], entities[1])
    print("compare", time.perf_counter() - started, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,4000,16000")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_case(args.child[0], int(args.child[1]))
        return 0
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'case':22} {'step':10} " + " ".join(f"{size:>8}" for size in sizes))
    for case in args.cases.split(","):
        times: dict[str, list[str]] = {step: [] for step in STEPS}
        for size in sizes:
            command = [sys.executable, __file__, "--child", case, str(size)]
            try:
                done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
                output = done.stdout
            except subprocess.TimeoutExpired as stopped:
                output = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else ""
            seconds = dict(line.split() for line in output.splitlines() if line.strip())
            for step in STEPS:
                value = seconds.get(step)
                times[step].append(
                    f"{float(value):8.2f}" if value else f"{'>' + str(int(args.timeout)):>8}"
                )
        for step in STEPS:
            print(f"{case:22} {step:10} " + " ".join(times[step]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
