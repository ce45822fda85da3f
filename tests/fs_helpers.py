"""Real small file systems for the tests of a read-only library and a full disk: a tmpfs of
our own (the `tmpfs` fixture, registered in conftest.py), remounted or filled."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs of our own, unmounted afterwards."""
    point = tmp_path / "mnt"
    point.mkdir()
    if os.geteuid() != 0 or mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(point)).returncode:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def fill(folder: Path, leave: int) -> None:
    """Fill the file system holding `folder` until `leave` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler", "wb") as handle:
        handle.write(b"\0" * max(0, free - leave))
