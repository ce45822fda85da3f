"""Snapshots of the main screen with a query active, at 80x24 and 120x40.

The library is the shipped reports with their extracted entities, copied to a temp folder; the
app shows no clock and no paths, so the pictures only change when the interface does.
Regenerate after a deliberate change: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import make_app, search, started
from textual.pilot import Pilot

from kimreader.tui.screens import track


@pytest.fixture(autouse=True)
def nothing_read_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article becomes read after a moment: not while a picture is taken."""
    monkeypatch.setattr(track, "READ_AFTER_SECONDS", 3600)


async def _query_active(pilot: Pilot[Any]) -> None:
    await started(pilot)
    await search(pilot, "kim visit")
    await pilot.press("enter", "n")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_80x24_with_a_query(snap_compare: Any, library: Path) -> None:
    assert snap_compare(make_app(library), terminal_size=(80, 24), run_before=_query_active)


def test_main_screen_120x40_with_a_query(snap_compare: Any, library: Path) -> None:
    assert snap_compare(make_app(library), terminal_size=(120, 40), run_before=_query_active)


async def _entity_selected(pilot: Pilot[Any]) -> None:
    await _query_active(pilot)
    await pilot.press("l", "l", "enter", "right_square_bracket")
    await pilot.pause()


def test_main_screen_120x40_with_an_entity_selected(snap_compare: Any, library: Path) -> None:
    assert snap_compare(make_app(library), terminal_size=(120, 40), run_before=_entity_selected)
