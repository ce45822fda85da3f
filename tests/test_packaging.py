"""Building the package prints no setuptools warnings: every data folder is declared."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "tests"
)


def test_a_wheel_builds_without_warnings_and_carries_the_data(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(tmp_path / "wheel"), str(source)],
        capture_output=True, text=True,
    )  # fmt: skip
    output = built.stdout + built.stderr
    assert built.returncode == 0, output[-2000:]
    assert "would be ignored" not in output and "absent from the `packages`" not in output
    (wheel,) = (tmp_path / "wheel").glob("kimreader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in (
        "kimreader/corpus/outlets.json",
        "kimreader/corpus/articles/2018-06-19-nyt-kim-returns-to-china.md",
        "kimreader/corpus/articles/2018-06-19-nyt-kim-returns-to-china.entities.json",
        "kimreader/analysis/aliases.json",
        "kimreader/tui/kimreader.tcss",
    ):
        assert data in names, data
