"""Keystrokes redraw little: `n`/`N` and `[`/`]` restyle only the lines of the old and new
current hit or mention; the footer keeps its keys when they do not change; the app module
leaves pop-up screens, the palette and the search engine for later."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from app_helpers import make_app, search, started
from textual.app import App, ComposeResult
from textual.strip import Strip

from kimreader.corpus.article import Article
from kimreader.tui.widgets.footer import KeysFooter
from kimreader.tui.widgets.reader import ReaderView

ROOT = Path(__file__).resolve().parents[1]
# Short paragraphs: every hit of "fox" is on a line of its own, several on one screen.
BODY = "\n\n".join(f"Paragraph {i}: the quick brown fox jumps over dog {i}." for i in range(60))


class CountingReader(ReaderView):
    """The real reader, and a count of the lines it styles into strips (kept by the test)."""

    lines_rendered = 0

    def _render_line(self, index: int, width: int) -> Strip:
        self.lines_rendered += 1
        return super()._render_line(index, width)


class ReaderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield CountingReader(id="reader")


def fox_spans() -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\bfox\b", BODY)]


def screen_lines(reader: ReaderView) -> list[Strip]:
    return [reader.render_line(y) for y in range(reader.size.height)]


def fresh_lines(reader: ReaderView) -> list[Strip]:
    """The visible lines rendered from nothing (no cached strip)."""
    reader._strips.clear()
    return screen_lines(reader)


async def test_next_hit_restyles_only_the_old_and_new_hit_lines() -> None:
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(CountingReader)
        reader.show_article(Article.create("Foxes", BODY, source="Test"), fox_spans())
        await pilot.pause()
        reader.next_hit(1)  # the first hit: on screen, nothing scrolls
        await pilot.pause()
        layout = reader.text_layout
        for step in (1, 1, -1):
            before = reader.lines_rendered
            top = reader.scroll_offset.y
            reader.next_hit(step)
            await pilot.pause()
            assert reader.scroll_offset.y == top  # both hits on screen: no scroll
            # The line that held the current hit and the one that holds it now: nothing else.
            assert reader.lines_rendered - before == 2
            cached = screen_lines(reader)
            assert cached == fresh_lines(reader)  # what is cached is what a full redraw draws
        assert reader.text_layout is layout  # nothing was wrapped again


async def test_next_hit_off_screen_renders_only_lines_not_seen_before() -> None:
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(CountingReader)
        spans = fox_spans()
        reader.show_article(Article.create("Foxes", BODY, source="Test"), spans)
        await pilot.pause()
        before = reader.lines_rendered
        reader.next_hit(-1)  # the last hit, far below: the reader scrolls there
        await pilot.pause()
        height = reader.size.height
        assert reader.scroll_offset.y > height
        assert reader.lines_rendered - before <= height + 1
        assert screen_lines(reader) == fresh_lines(reader)


async def test_next_mention_restyles_only_the_old_and_new_mention_lines() -> None:
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(CountingReader)
        reader.show_article(Article.create("Dogs", BODY, source="Test"))
        reader.set_mentions([m.span() for m in re.finditer(r"\bdog\b", BODY)])
        reader.next_mention(1)
        await pilot.pause()
        before = reader.lines_rendered
        reader.next_mention(1)
        await pilot.pause()
        assert reader.lines_rendered - before == 2
        assert screen_lines(reader) == fresh_lines(reader)


async def test_the_footer_shows_the_keys_of_what_has_focus(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        footer = main.query_one(KeysFooter)

        def labels() -> list[str]:
            return [label for _keys, label, _press, _enabled in footer.shown_keys()]

        assert "Open" in labels() and "Hit" not in labels()  # the list's Open; no search
        await pilot.press("l")  # to the reader: Open is a list key
        await pilot.pause()
        assert "Open" not in labels()
        await search(pilot, "kim")
        await pilot.press("enter")  # to the list
        await pilot.pause()
        assert ("n/N", "Hit", "n", True) in footer.shown_keys()  # a search adds the hit keys


def test_importing_the_app_leaves_pop_ups_palette_and_search_engine_for_later() -> None:
    probe = (
        "import json, sys\nimport kimreader.tui.app\n"
        "names = ('kimreader.tui.palette', 'kimreader.tui.screens.help',"
        " 'kimreader.tui.screens.compare', 'kimreader.tui.screens.mentions',"
        " 'kimreader.tui.screens.related', 'kimreader.tui.screens.modal',"
        " 'whoosh', 'spacy', 'yaml', 'rich.markdown')\n"
        "print(json.dumps({n: n in sys.modules for n in names}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert [name for name, present in loaded.items() if present] == []
