"""The app follows the config file (theme, sidebar, debounce, compare threshold) and the mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import BLOOMBERG_TITLE, NYT_TITLE, make_app, started, wait_until
from textual import events

from kimreader.tui.config import THEMES, Settings
from kimreader.tui.screens.compare import CompareScreen


def settings(**values: object) -> Settings:
    chosen = Settings()
    for key, value in values.items():
        chosen.set(key, value, "test")
    return chosen


@pytest.mark.parametrize("theme", list(THEMES))
async def test_the_configured_theme_is_used(library: Path, theme: str) -> None:
    app = make_app(library, settings=settings(theme=theme))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert app.theme == theme


async def test_only_kimreaders_checked_themes_are_offered(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert set(app.available_themes) == set(THEMES)


@pytest.mark.parametrize(("choice", "shown"), [("show", True), ("hide", False)])
async def test_the_sidebar_default_overrides_the_width_rule(
    library: Path, choice: str, shown: bool
) -> None:
    app = make_app(library, settings=settings(sidebar=choice))
    size = (80, 24) if shown else (120, 40)  # the opposite of what the width alone would do
    async with app.run_test(size=size) as pilot:
        main = await started(pilot)
        await pilot.pause()
        assert main.sidebar.display is shown


async def test_a_slow_debounce_waits_before_searching(library: Path) -> None:
    app = make_app(library, settings=settings(search_debounce_ms=2000))
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("slash", *"leverage")
        await pilot.pause(0.5)
        assert len(main.articles.rows) == 2 and main.query_text == ""  # not searched yet
        await wait_until(pilot, lambda: main.query_text == "leverage", "the debounced search")


async def test_the_configured_compare_threshold_is_the_screens(library: Path) -> None:
    app = make_app(library, settings=settings(compare_threshold=0.42))
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        screen = CompareScreen(app.workspace, *[r.id for r in main.articles.rows])
        await app.push_screen(screen)
        await wait_until(pilot, lambda: screen.comparison is not None, "the comparison")
        assert screen.threshold == 0.42
        assert screen.comparison is not None and screen.comparison.threshold == 0.42


async def test_clicking_a_row_opens_that_article(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        assert main.reader.article is not None and main.reader.article.title == BLOOMBERG_TITLE
        await pilot.click("#articles", offset=(5, 2))  # the second article's title line
        await wait_until(
            pilot,
            lambda: main.reader.article is not None and main.reader.article.title == NYT_TITLE,
            "the clicked article to open",
        )
        assert main.articles.cursor == 1


async def test_the_mouse_wheel_scrolls_the_reader(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        before = main.reader.scroll_offset.y
        # Pilot has no wheel helper; this is what its click() posts, with the wheel's event.
        await pilot._post_mouse_events([events.MouseScrollDown], "#reader", times=3)
        await pilot.pause()
        assert main.reader.scroll_offset.y > before
