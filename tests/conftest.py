"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """The read-only ../shared folder (seeds, test data); tests skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# The app tests' library fixtures (one spaCy-built template per session, copied per test),
# and a real HTTP server on 127.0.0.1 for fetching tests (`loopback`).
from loopback import loopback  # noqa: E402, F401
from test_app_support import library, library_template  # noqa: E402, F401
