"""Dependencies point one way: only kimreader.tui imports Textual, and --help stays light."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOWER_LAYERS = ("corpus", "analysis", "index")
IMPORTS_TEXTUAL = re.compile(r"^\s*(?:from|import)\s+textual\b", re.MULTILINE)


def _modules(layer: str) -> list[str]:
    package = f"kimreader.{layer}"
    return [
        package if path.stem == "__init__" else f"{package}.{path.stem}"
        for path in sorted((ROOT / layer).glob("*.py"))
    ]


def _loaded_after(code: str) -> dict[str, bool]:
    probe = (
        f"{code}\nimport json, sys\n"
        "print(json.dumps({m: m in sys.modules for m in ('textual', 'whoosh', 'spacy')}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_source_outside_tui_imports_textual() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for layer in (*LOWER_LAYERS, "kimreader")
        for path in (ROOT / layer).rglob("*.py")
        if IMPORTS_TEXTUAL.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_importing_every_lower_module_loads_no_textual() -> None:
    modules = [m for layer in LOWER_LAYERS for m in _modules(layer)]
    assert len(modules) > 10
    imports = "\n".join(f"import {m}" for m in modules)
    assert _loaded_after(imports)["textual"] is False


def test_help_imports_neither_textual_nor_whoosh_nor_spacy() -> None:
    code = (
        "import contextlib, io\n"
        "from kimreader.tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    assert _loaded_after(code) == {"textual": False, "whoosh": False, "spacy": False}


def test_the_command_line_prints_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert "With no command, opens the reader." in " ".join(done.stdout.split())
