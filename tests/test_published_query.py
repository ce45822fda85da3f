"""`published:` terms are read by the one strict date parser (corpus.dates), in the CLI too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("published") / "lib"
    command = [sys.executable, "-m", "kimreader.tui.cli", "--library", str(root), "init"]
    assert subprocess.run(command, capture_output=True).returncode == 0
    return root


def search(library: Path, query: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library)]
    return subprocess.run([*command, "search", query, "--json"], capture_output=True, text=True)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("published:banana", "published: 'banana' is not a date (use 2018, 2018-06 or 2018-06-19)"),
        ("published:2018-13", "published: '2018-13' is not a day of the calendar"),
        ("published:[2019 to", "published: a range needs its end"),
        ("kim published:[2019 to 2018]", "published: the range starts after it ends"),
    ],
)
def test_a_bad_date_says_what_is_wrong(library: Path, query: str, message: str) -> None:
    done = search(library, query)
    assert done.returncode == 2 and done.stderr.startswith(f"kimreader: bad query: {message}")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("published:2018", 1),
        ("published:2018-06", 1),
        ("published:2018-07", 0),  # Whoosh's own parser took this for all of 2018
        ("published:[2018-06 to 2019-01]", 2),
        ("published:[2018-07 to 2018-12]", 0),
        ("kim date:2019-01-09", 1),
    ],
)
def test_dates_months_and_ranges_find_what_they_say(library: Path, query: str, found: int) -> None:
    done = search(library, query)
    assert done.returncode == (0 if found else 1), done.stderr
    assert json.loads(done.stdout)["total"] == found
