"""Running the command line in-process for the CLI tests: exit code, stdout and stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimreader.tui.cli import main


def run(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    return code, out, err
