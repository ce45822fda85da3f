"""Every theme kimreader offers keeps hits, the current hit, entity mentions and aligned words
apart from the text and from each other, with colour and, for NO_COLOR, without it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import make_app, search, started
from rich.style import Style
from textual.pilot import Pilot

from kimreader.tui.config import THEMES, Settings
from kimreader.tui.screens import track

MARKS = ("hit", "hit-current", "mention", "mention-current")


@pytest.fixture(autouse=True)
def nothing_read_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article becomes read after a moment: not while a picture is taken."""
    monkeypatch.setattr(track, "READ_AFTER_SECONDS", 3600)


def _settings(theme: str) -> Settings:
    settings = Settings()
    settings.set("theme", theme, "test")
    return settings


def _looks(style: Style, monochrome: bool) -> tuple[Any, ...]:
    """What a reader can see of a style: its attributes, and its colours unless monochrome."""
    shape = (bool(style.bold), bool(style.underline), bool(style.reverse), bool(style.italic))
    return shape if monochrome else (*shape, style.color, style.bgcolor)


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("monochrome", [False, True], ids=["colour", "NO_COLOR"])
async def test_marks_stay_distinguishable(library: Path, theme: str, monochrome: bool) -> None:
    app = make_app(library, settings=_settings(theme))
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        reader = main.reader
        base = _looks(reader.rich_style, monochrome)
        looks = {
            name: _looks(reader.get_component_rich_style(f"reader--{name}"), monochrome)
            for name in MARKS
        }
        for name, look in looks.items():
            assert look != base, f"{name} looks like plain text in {theme}"
        assert len(set(looks.values())) == len(MARKS), f"two marks look alike in {theme}"


async def _query_active(pilot: Pilot[Any]) -> None:
    await started(pilot)
    await search(pilot, "kim visit")
    await pilot.press("enter", "n")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("theme", list(THEMES))
def test_theme_snapshot_80x24(snap_compare: Any, library: Path, theme: str) -> None:
    app = make_app(library, settings=_settings(theme))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_query_active)
