"""The reading state: what one change costs, and reading it back, at library scale.

    python bench/userstate.py [--articles 20000] [--changes 200]

A state like a year's reading: every article read, a tenth starred, a fifth tagged, a
twentieth with a note. Measured in the same run:

- one change (star an article) committed to disk, as a key press in the app does:
  kimreader's store (SQLite WAL, synchronous=FULL, what ships), the same with
  synchronous=NORMAL (durable against a crash of the process, not of the machine), and the
  obvious alternative, the whole state as one JSON file rewritten atomically (temp, fsync,
  rename) on every change;
- reading everything the list shows (`UserState.snapshot`, uncached: another process wrote)
  against loading the JSON file;
- evaluating `is:unread tag:korea` on it (`index.tracking.allowed_ids`).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _common import median, p95, print_table, timed

from kimreader.corpus.library import atomic_write_text
from kimreader.corpus.userstate import STATE_FILE, UserState
from kimreader.index.tracking import allowed_ids, split_query


def fill(state: UserState, ids: list[str], rng: random.Random) -> dict[str, object]:
    """The year's reading, written in a few big transactions; returns the same as JSON data."""
    starred = rng.sample(ids, len(ids) // 10)
    tagged = rng.sample(ids, len(ids) // 5)
    noted = rng.sample(ids, len(ids) // 20)
    state.set_read(ids)
    state.set_starred(starred)
    tags: dict[str, list[str]] = {}
    for number, article_id in enumerate(tagged):
        names = ["korea" if number % 3 == 0 else f"topic{number % 40}"]
        state.add_tags(article_id, names)
        tags[article_id] = names
    notes = {article_id: "a note on this passage" for article_id in noted}
    for article_id in noted:
        state.add_note(article_id, notes[article_id])
    return {"read": ids, "starred": starred, "tags": tags, "notes": notes}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--changes", type=int, default=200)
    args = parser.parse_args(argv)
    rng = random.Random(16)
    ids = [f"{number:010x}" for number in range(args.articles)]
    with tempfile.TemporaryDirectory(prefix="kimreader-state-", dir=".") as folder:
        root = Path(folder)
        state = UserState(root)
        started = time.perf_counter()
        data = fill(state, ids, rng)
        filled = time.perf_counter() - started
        json_path = root / "state.json"
        atomic_write_text(json_path, json.dumps(data))
        targets = iter(rng.choices(ids, k=args.changes * 4))

        def star() -> None:
            state.set_starred([next(targets)])

        full = timed(star, args.changes)
        state.snapshot()

        def star_and_show() -> None:
            state.set_starred([next(targets)])
            state.snapshot()  # the list's marks: the cached snapshot follows the change

        followed = timed(star_and_show, args.changes)
        normal_state = UserState(root)
        normal_state._connect()
        assert normal_state._connection is not None
        normal_state._connection.execute("PRAGMA synchronous = NORMAL")
        normal = timed(lambda: normal_state.set_starred([next(targets)]), args.changes)

        def rewrite_json() -> None:
            loaded = json.loads(json_path.read_text(encoding="utf-8"))
            loaded["starred"].append(next(targets))
            atomic_write_text(json_path, json.dumps(loaded))

        rewrite = timed(rewrite_json, args.changes)
        reader = UserState(root)

        def fresh_snapshot() -> None:
            reader._snapshot = None  # as after another process's write
            reader.snapshot()

        snapshots = timed(fresh_snapshot, 30)
        json_loads = timed(lambda: json.loads(json_path.read_text(encoding="utf-8")), 30)
        groups = split_query("is:unread tag:korea").groups
        snap = reader.snapshot()
        filters = timed(lambda: allowed_ids(groups, snap, [], ids), 30)
        size = (root / STATE_FILE).stat().st_size
        check = sqlite3.connect(root / STATE_FILE).execute("PRAGMA integrity_check")
        assert check.fetchone() == ("ok",)
    print(f"{args.articles} articles, all read; {args.changes} changes each; state file "
          f"{size / 1e6:.1f} MB, JSON {len(json.dumps(data)) / 1e6:.1f} MB; filled in "
          f"{filled:.1f} s")  # fmt: skip
    print_table(
        ("what", "median ms", "p95 ms"),
        [
            ("star: SQLite WAL, synchronous=FULL (kimreader)", ms(median(full)), ms(p95(full))),
            (
                "star, then the list's marks (snapshot followed)",
                ms(median(followed)),
                ms(p95(followed)),
            ),
            ("star: SQLite WAL, synchronous=NORMAL", ms(median(normal)), ms(p95(normal))),
            (
                "star: JSON file rewritten atomically (baseline)",
                ms(median(rewrite)),
                ms(p95(rewrite)),
            ),
            ("read the whole state (snapshot)", ms(median(snapshots)), ms(p95(snapshots))),
            ("load the JSON file (baseline)", ms(median(json_loads)), ms(p95(json_loads))),
            ("evaluate is:unread tag:korea", ms(median(filters)), ms(p95(filters))),
        ],  # fmt: skip
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
