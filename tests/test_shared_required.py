"""Under .ci/run (KIMREADER_REQUIRE_SHARED=1) a test skipped for a missing ../shared fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SKIPPING = """
import pytest

def test_needs_the_pages():
    pytest.skip("../shared is not present")

def test_other():
    assert True
"""


def run_pytest(tmp_path: Path, required: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_needs_shared.py").write_text(SKIPPING)
    environment = {**os.environ, "PYTHONPATH": str(TESTS), "KIMREADER_REQUIRE_SHARED": required}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "shared_required",
         "-c", os.devnull, str(tmp_path)],
        capture_output=True, text=True, env=environment, cwd=tmp_path,
    )  # fmt: skip


def test_a_skip_for_missing_shared_fails_under_ci(tmp_path: Path) -> None:
    done = run_pytest(tmp_path, "1")
    assert done.returncode == 1, done.stdout
    assert "1 tests FAILED: CI needs ../shared" in done.stdout
    assert "test_needs_shared.py::test_needs_the_pages" in done.stdout


def test_outside_ci_it_stays_a_listed_skip(tmp_path: Path) -> None:
    done = run_pytest(tmp_path, "")
    assert done.returncode == 0, done.stdout
    assert "1 tests skipped (../shared is not present" in done.stdout


def test_ci_sets_the_requirement() -> None:
    assert "export KIMREADER_REQUIRE_SHARED=1" in (TESTS.parent / ".ci/run").read_text()
