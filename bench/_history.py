"""Running a worker on the code of an old commit: the one home of what bench/entity_history.py
and bench/quote_history.py share. The commit's parent is checked out in a temporary git
worktree, put on a path as the package `kimreader` (and, when asked, today's code beside it as
`kimcur`), the worker script run there on the pickled input, and its pickled output cached
under the caller's name (by commit and input, so a run is done once).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_PACKAGES = ("analysis", "corpus", "index")
# The commit each Wikinews set's gold (entities and quotes together) landed in; its parent had
# not seen the set (`git log --diff-filter=A -- bench/gold/entities_SET.json`).
WIKINEWS_GOLD_LANDED = {
    "wndev": "1918b80",
    "fresh4": "c4dc28e",
    "fresh5": "25d14eb",
    "fresh6": "7c8732e",
    "fresh7": "1f5c4e2",
    "fresh8": "289edcb",
    "fresh9": "de1e362",
    "fresh10": "f038c8a",
    "fresh11": "9a247ec",
    "wnrev": "a335a8b",  # development from its start: read with kimreader's output before its gold
    "fresh12": "e925b70",
}


def run_at_parent(
    commit: str, given: Any, cache: Path, script: str, with_today: bool = False
) -> Any:
    """What `script --worker IN OUT` gives on `given` (JSON-able) with the code of `commit`'s
    parent as `kimreader` (and today's as `kimcur` with `with_today`), read from `cache` (a
    file named by the commit and a digest of `given`) when it was run before; else run and
    written there."""
    digest = hashlib.sha1(json.dumps(given, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    cached = cache / f"{commit}-{digest}.pickle"
    if cached.is_file():
        return pickle.loads(cached.read_bytes())
    cached.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), f"{commit}^"],
            check=True,
            capture_output=True,
        )
        try:
            shim = _shim(Path(scratch), tree, with_today)
            into, out = Path(scratch) / "in.pickle", Path(scratch) / "out.pickle"
            into.write_bytes(pickle.dumps(given))
            env = {**os.environ, "PYTHONPATH": str(shim)}
            subprocess.run(
                [sys.executable, script, "--worker", str(into), str(out)],
                check=True,
                env=env,
                cwd=scratch,
            )
            result = pickle.loads(out.read_bytes())
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=True,
                capture_output=True,
            )
    cached.write_bytes(pickle.dumps(result))
    return result


def _shim(scratch: Path, tree: Path, with_today: bool) -> Path:
    """A path where `kimreader` is the old tree's code and, `with_today`, `kimcur` today's."""
    shim = scratch / "shim"
    package = shim / "kimreader"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", "utf-8")
    for sub in _PACKAGES:
        (package / sub).symlink_to(tree / sub)
    if not with_today:
        return shim
    package = shim / "kimcur"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    for sub in _PACKAGES:  # today's code under another name: its imports renamed
        shutil.copytree(ROOT / sub, package / sub, ignore=_python_and_data)
        for path in (package / sub).rglob("*.py"):
            text = path.read_text("utf-8")
            path.write_text(re.sub(r"\bkimreader\.", "kimcur.", text), "utf-8")
    (shim / "shared").symlink_to(ROOT.parent / "shared")
    return shim


def _python_and_data(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or n.endswith((".pyc", ".bin", ".onnx"))]
