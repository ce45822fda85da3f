"""Guard rails run by the suite: the import layers (import-linter), the types (mypy) and the
style and formatting (ruff), so CI (`.ci/run`, which runs the suite) checks all three.

import-linter and mypy read the package as it installs (`kimreader.corpus` from corpus/, ...),
so the sources are copied into that layout first, following pyproject's package-dir. Their
configuration is in pyproject.toml ([tool.importlinter], [tool.mypy], [tool.ruff]).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"


def installed_layout(dest: Path) -> dict[str, str]:
    """Copy each package's modules to where it installs; {copied folder: source folder}."""
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    folders: dict[str, str] = config["tool"]["setuptools"]["package-dir"]
    copied = {}
    for package, folder in folders.items():
        target = dest / package.replace(".", "/")
        target.mkdir(parents=True, exist_ok=True)
        for module in (ROOT / folder).glob("*.py"):
            shutil.copy2(module, target / module.name)
        copied[str(target.relative_to(dest))] = folder
    return copied


def _with_source_paths(output: str, copied: dict[str, str]) -> str:
    """Tool output naming the repository's files instead of the copies."""
    for target, folder in sorted(copied.items(), key=lambda item: -len(item[0])):
        output = output.replace(f"{target}/", f"{folder}/")
    return output


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    dest = tmp_path_factory.mktemp("layout")
    return dest, installed_layout(dest)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}  # the copies before the editable install
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_layers_point_one_way(layout: tuple[Path, dict[str, str]]) -> None:
    dest, copied = layout
    done = _lint_imports(dest)
    report = _with_source_paths(done.stdout + done.stderr, copied)
    assert done.returncode == 0, report
    assert "1 kept, 0 broken" in report


def _lint_imports(dest: Path) -> subprocess.CompletedProcess[str]:
    command = "import sys; from importlinter.cli import lint_imports_command as main; main()"
    return _run([sys.executable, "-c", command, str(PYPROJECT)], dest)


def test_an_upward_import_breaks_the_layers(tmp_path: Path) -> None:
    installed_layout(tmp_path)
    article = tmp_path / "kimreader" / "corpus" / "article.py"
    article.write_text(article.read_text() + "\nimport kimreader.index.search\n")
    done = _lint_imports(tmp_path)
    assert done.returncode != 0
    assert "kimreader.corpus.article -> kimreader.index.search" in done.stdout


def test_types_check(layout: tuple[Path, dict[str, str]]) -> None:
    dest, copied = layout
    # A cache per checkout (mypy trusts it only for files whose contents did not change).
    key = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"kimreader-mypy-{os.getuid()}-{key}"
    args = ["--config-file", str(PYPROJECT), "--cache-dir", str(cache), "-p", "kimreader"]
    done = _run([sys.executable, "-m", "mypy", *args], dest)
    report = _with_source_paths(done.stdout + done.stderr, copied)
    assert done.returncode == 0, report
    assert "Success: no issues found" in report


def test_ruff_is_clean() -> None:
    """`ruff check` and `ruff format --check` over the checkout ([tool.ruff] in pyproject)."""
    for args in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
