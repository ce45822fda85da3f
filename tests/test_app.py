"""Pilot tests of the reader: searching, hits, entities, keys, help, palette, layout by width."""

from __future__ import annotations

import re
from pathlib import Path

from app_helpers import (
    BLOOMBERG_TITLE,
    NYT_TITLE,
    make_app,
    search,
    started,
    wait_until,
)
from rich.style import Style
from textual import events
from textual.command import CommandPalette

from kimreader.index.workspace import Workspace
from kimreader.tui import actions
from kimreader.tui.screens.help import HelpScreen
from kimreader.tui.screens.mentions import MentionsScreen
from kimreader.tui.screens.related import RelatedScreen
from kimreader.tui.widgets.article_list import ArticleList
from kimreader.tui.widgets.entity_sidebar import EntityList
from kimreader.tui.widgets.reader import ReaderView
from kimreader.tui.widgets.search_bar import SearchBar


def styled_runs(reader: ReaderView, line: int, style: Style) -> list[str]:
    """The text drawn in `style` on one line of the reader's layout."""
    strip = reader._render_line(line, reader.scrollable_content_region.width)
    return [seg.text for seg in strip if seg.style and _has(seg.style, style)]


def _has(actual: Style, wanted: Style) -> bool:
    """Whether `actual` carries everything `wanted` sets (the widget's base style is under it)."""
    if wanted.color and actual.color != wanted.color:
        return False
    if wanted.bgcolor and actual.bgcolor != wanted.bgcolor:
        return False
    return all(
        getattr(actual, attr) for attr in ("bold", "reverse", "underline") if getattr(wanted, attr)
    )


async def test_opens_newest_first_with_the_first_article_shown(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        assert [r.title for r in main.articles.rows] == [BLOOMBERG_TITLE, NYT_TITLE]
        assert main.reader.article is not None
        assert main.reader.article.title == BLOOMBERG_TITLE
        assert main.status.message == "2 articles, newest first"
        assert app.animation_level == "none"
        assert main.search_bar.cursor_blink is False
        assert not main.articles.children  # rows are drawn, not widgets


async def test_typing_a_query_lists_hits_by_score_and_highlights_them(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await search(pilot, "visits")
        assert main.search_bar.value == "visits"
        rows = main.articles.rows
        assert {r.title for r in rows} == {NYT_TITLE, BLOOMBERG_TITLE}
        scores = [h.score for h in main.result.hits]
        assert scores == sorted(scores, reverse=True)
        assert all(r.hit_count for r in rows)
        assert main.status.message == "2 found for visits"
        reader = main.reader
        assert reader.article is not None and reader.article.id == rows[0].id
        body = reader.article.body
        found = {body[s:e].lower() for source, s, e in reader.hits if source == "body"}
        assert found and all(w.startswith("visit") for w in found)  # stemmed: visit, visited
        # The current hit is drawn in its own style; the others in the hit style.
        line = reader.line_of_current_hit()
        assert line is not None
        current = styled_runs(reader, line, reader.style_of("hit_current"))
        assert [t.lower() for t in current if t.strip()][0].startswith("visit")
        hit_changes = app.posted(ReaderView.HitChanged)
        assert hit_changes[-1].total == len(reader.hits)
        assert hit_changes[-1].current == 0


async def test_n_and_shift_n_move_between_hits_and_the_counter_follows(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, "kim")
        await pilot.press("enter")  # to the list
        reader = main.reader
        total = len(reader.hits)
        assert total > 5
        assert main.status.counter == f"hit 1 of {total}"
        layout = reader.text_layout
        for expected in (2, 3, 4):
            await pilot.press("n")
            assert main.status.counter == f"hit {expected} of {total}"
        await pilot.press("l", "pagedown", "j", "j", "G")  # scrolling the reader
        assert reader.has_focus and reader.scroll_offset.y == reader.max_scroll_y > 0
        await pilot.press("g", "N", "N", "N", "N")
        assert main.status.counter == f"hit {total} of {total}"  # wraps round
        line = reader.line_of_current_hit()
        top = reader.scroll_offset.y
        assert top <= line < top + reader.scrollable_content_region.height
        assert top > 0  # the last hit is far down: the reader scrolled to it
        assert reader.text_layout is layout  # moving between hits never re-wraps the text
        assert [m.current for m in app.posted(ReaderView.HitChanged)][-1] == total - 1


async def test_keys_typed_in_a_burst_after_slash_all_land_in_the_search_bar(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await started(pilot)
        assert isinstance(main.focused, ArticleList)
        await pilot.press("/", "k", "i", "m")
        assert main.search_bar.value == "kim"
        # A real burst: every key queued before the app handles the first. Without focus moving
        # at once, "q" would quit and "s" would sort.
        await pilot.press("escape")
        assert isinstance(main.focused, ArticleList)
        driver = app._driver
        assert driver is not None
        sort_before = main.sort_mode
        for char in "/quits":
            key = "slash" if char == "/" else char
            driver.send_message(events.Key(key, char))
        await pilot.pause(0.1)
        assert app.is_running
        assert main.search_bar.value == "quits"
        assert main.sort_mode == sort_before
        # Enter and Esc hand focus back as they arrive: the next keys are list keys.
        for key, char in (("enter", "\r"), ("j", "j"), ("slash", "/"), ("x", "x"),
                          ("escape", None), ("k", "k")):  # fmt: skip
            driver.send_message(events.Key(key, char))
        await pilot.pause(0.1)
        assert main.search_bar.value == "x"
        assert isinstance(main.focused, ArticleList)
        # Let the searches these keys started finish before the app shuts down under them.
        await pilot.pause(0.3)  # past the search debounce
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.2)


async def test_a_bad_query_shows_the_index_message_in_the_status_line(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, '"trade war')
        assert main.status.kind == "error"
        assert main.status.message == 'bad query: unclosed quote: add the closing "'
        await pilot.press('"')
        await wait_until(pilot, lambda: main.query_text == '"trade war"', "the fixed query")
        assert main.status.kind == "info"
        assert main.status.message == '1 found for "trade war"'


async def test_an_empty_result_suggests_what_was_meant(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, "kim vist")
        assert main.articles.rows == []
        assert main.status.message == "nothing found for kim vist"  # not looked for while typing
        # a pause completes the search (the words typed since matched nothing)
        await wait_until(pilot, lambda: "did you mean" in main.status.message, "a suggestion")
        assert main.status.message == "nothing found for kim vist · did you mean: kim visit"
        assert main.status.kind == "hint"


async def test_escape_leaves_the_search_bar_and_enter_goes_to_the_list(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, "trade")
        assert isinstance(main.focused, SearchBar)
        await pilot.press("escape")
        assert isinstance(main.focused, ArticleList)
        await pilot.press("/")
        assert isinstance(main.focused, SearchBar)
        await pilot.press("enter")
        assert isinstance(main.focused, ArticleList)


async def test_clearing_the_query_lists_everything_again(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, "dalian")
        assert len(main.articles.rows) == 1
        await pilot.press(*["backspace"] * 6)
        await wait_until(pilot, lambda: len(main.articles.rows) == 2, "the whole list")
        assert main.query_text == ""
        assert main.reader.hits == []
        assert main.status.counter == ""


async def test_enter_on_the_list_opens_the_article_in_the_reader(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("j", "enter")
        await wait_until(pilot, lambda: main.article.title == NYT_TITLE, "the second article")
        assert isinstance(main.focused, ReaderView)
        assert main.articles.open_id == main.article.id
        chosen = app.posted(ArticleList.Chosen)
        assert [m.article_id for m in chosen] == [main.article.id]
        header = [main.reader._line_text(b, 0, len(b.text), True, 80).plain for b in
                  main.reader._blocks[:2]]  # fmt: skip
        assert header == [NYT_TITLE, "The New York Times · Jane Perlez · 2018-06-19"]


async def test_entity_select_jump_and_filter(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("l", "l")
        sidebar = main.sidebar
        assert main.focused is sidebar
        kim = sidebar.highlighted_entity
        assert kim is not None and kim.name == "Kim Jong Un"
        await pilot.press("enter")
        reader = main.reader
        assert reader.mentions == sorted(kim.mentions)
        assert main.status.counter == f"mention 1 of {kim.count}"
        await pilot.press("right_square_bracket")
        assert reader.current_mention == 1
        assert main.status.counter == f"mention 2 of {kim.count}"
        start, end = kim.mentions[1]
        line = reader.text_layout.line_of("body", start)
        drawn = "".join(styled_runs(reader, line, reader.style_of("mention_current")))
        assert drawn == reader.article.body[start:end]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert reader.current_mention == kim.count - 1
        assert [m.entity for m in app.posted(EntityList.Selected)] == [kim]
        await pilot.press("f")
        await wait_until(pilot, lambda: main.query_text == 'person:"Kim Jong Un"', "the filter")
        assert main.search_bar.value == 'person:"Kim Jong Un"'
        assert {r.title for r in main.articles.rows} == {NYT_TITLE, BLOOMBERG_TITLE}
        assert [m.entity for m in app.posted(EntityList.FilterRequested)] == [kim]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sidebar.selected is not None and sidebar.selected.name == "Kim Jong Un"


async def test_mentions_in_context_lists_each_sentence_and_jumps(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await pilot.press("l", "l", "j")
        trump = main.sidebar.highlighted_entity
        assert trump is not None and trump.name == "Donald Trump"
        await pilot.press("m")
        assert isinstance(app.screen, MentionsScreen)
        options = app.screen.picker.options
        assert len(options) == trump.count
        body = main.article.body
        for option, (start, end) in zip(options, trump.mentions, strict=True):
            assert body[start:end] in option.prompt.plain
        assert "Trump" in options[0].prompt.plain and options[0].prompt.plain.endswith(".")
        await pilot.press("j", "j", "enter")
        assert not isinstance(app.screen, MentionsScreen)
        assert main.reader.current_mention == 2
        assert main.status.counter == f"mention 3 of {trump.count}"
        assert app.posted(EntityList.MentionsRequested)[0].entity == trump


async def test_related_articles_open_with_enter(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        assert main.article.title == BLOOMBERG_TITLE
        await pilot.press("r")
        assert isinstance(app.screen, RelatedScreen)
        screen = app.screen
        await wait_until(pilot, lambda: screen.hits, "related articles")
        assert [h.article.title for h in screen.hits] == [NYT_TITLE]
        assert 0.0 < screen.hits[0].score <= 1.0
        await pilot.press("enter")
        await wait_until(pilot, lambda: main.article.title == NYT_TITLE, "the related article")
        assert main.articles.current.title == NYT_TITLE


async def test_sort_key_cycles_date_title_source(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        titles = [NYT_TITLE, BLOOMBERG_TITLE]
        await pilot.press("s")
        assert main.sort_mode == "title"
        assert [r.title for r in main.articles.rows] == sorted(titles, key=str.casefold)
        await pilot.press("s")
        assert main.sort_mode == "source"
        assert [r.source for r in main.articles.rows] == [
            "Bloomberg (via The Straits Times)",
            "The New York Times",
        ]
        await pilot.press("s")
        assert main.sort_mode == "date"
        assert main.status.message == "2 articles, newest first"


async def test_with_a_query_sort_starts_from_best_match(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await search(pilot, "kim")
        await pilot.press("enter")
        assert main.sort_mode == "relevance"
        await pilot.press("s")
        assert main.sort_mode == "date"
        assert [r.title for r in main.articles.rows] == [BLOOMBERG_TITLE, NYT_TITLE]
        assert all(r.hit_count is not None for r in main.articles.rows[:1])


async def test_sidebar_collapses_at_80_columns_and_a_key_toggles_it(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await started(pilot)
        assert not main.sidebar.display
        assert main.reader.size.width > 40
        await pilot.press("e")
        assert main.sidebar.display
        assert main.focused is main.sidebar
        await pilot.pause()
        assert main.sidebar.size.width > 10
        await pilot.press("e")
        assert not main.sidebar.display
        assert main.focused is main.reader


async def test_below_60_columns_one_pane_at_a_time(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(56, 24)) as pilot:
        main = await started(pilot)

        def shown() -> list[str]:
            return [p.id for p in (main.articles, main.reader, main.sidebar) if p.display]

        assert shown() == ["articles"]
        await pilot.press("l")
        await pilot.pause()
        assert shown() == ["reader"]
        assert main.reader.size.width >= 50
        await pilot.press("h")
        await pilot.pause()
        assert shown() == ["articles"]


async def test_help_lists_every_key_from_the_registry(library: Path) -> None:
    app = make_app(library, keymap={"main.next_hit": "ctrl+n"})
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = [o.prompt.plain for o in app.screen.picker.options]
        for spec in actions.specs():
            assert any(spec.description in line for line in lines), spec.id
        assert any(re.search(r"\^n\s+Next hit|ctrl\+n\s+Next hit", line) for line in lines)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_a_user_keymap_remaps_a_binding_by_id(library: Path) -> None:
    app = make_app(library, keymap={"main.next_hit": "ctrl+n"})
    async with app.run_test(size=(100, 30)) as pilot:
        main = await search(pilot, "kim")
        await pilot.press("enter")
        total = len(main.reader.hits)
        await pilot.press("ctrl+n")
        assert main.status.counter == f"hit 2 of {total}"
        await pilot.press("n")  # no longer bound
        assert main.status.counter == f"hit 2 of {total}"


async def palette(pilot, text: str, first: str) -> None:
    """Open the palette, type, wait for `first` to head the list, run it."""
    await pilot.press("ctrl+p")
    await pilot.pause()  # the palette composes its widgets before it takes keys
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*text)

    def heading() -> str:
        commands = pilot.app.screen.query("CommandList")
        if not commands or not commands.first().option_count:
            return ""
        return str(commands.first().get_option_at_index(0).prompt)

    await wait_until(pilot, lambda: heading().startswith(first), f"{first!r} in the palette")
    await pilot.press("enter")


async def test_the_command_palette_runs_the_apps_actions(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await palette(pilot, "change sort", "Change sort order")
        await wait_until(pilot, lambda: main.sort_mode == "title", "the sort to change")
        await palette(pilot, "filter by entity xi", "Filter by entity: Xi Jinping")
        await wait_until(pilot, lambda: main.query_text == 'person:"Xi Jinping"', "the filter")
        await palette(pilot, "open article returns", f"Open article: {NYT_TITLE}")
        await wait_until(pilot, lambda: main.article.title == NYT_TITLE, "the article to open")


async def test_slash_is_plain_text_outside_the_main_screen(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("a", "/", "b")
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one("CommandInput").value == "a/b"
        # Let the palette's search for "a/b" finish before the app closes under it (its worker
        # looks for the command list, which a closing screen no longer has).
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()


async def test_q_quits(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_links_are_never_followed(library: Path, monkeypatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url))
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        app.open_url("https://example.com/")
        await pilot.pause()
    assert opened == []


def test_keymap_file_problems_are_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "keymap.json"
    path.write_text('{"main.next_hit": "ctrl+n", "no.such": "x", "list.down": 3}')
    keymap, problems = actions.load_keymap(path)
    assert keymap == {"main.next_hit": "ctrl+n"}
    assert problems == [
        f"{path}: unknown binding id 'no.such'",
        f"{path}: list.down: keys must be a non-empty string",
    ]
    path.write_text("{not json")
    assert actions.load_keymap(path)[0] == {}
    assert "not readable JSON" in actions.load_keymap(path)[1][0]
    assert actions.load_keymap(tmp_path / "missing.json") == ({}, [])


def test_every_binding_has_a_unique_id() -> None:
    ids = [s.id for s in actions.REGISTRY]
    assert len(ids) == len(set(ids))
    from kimreader.tui.app import KimReaderApp
    from kimreader.tui.screens.main import MainScreen
    from kimreader.tui.widgets.entity_sidebar import EntityList as Sidebar

    for owner in (KimReaderApp, MainScreen, ArticleList, ReaderView, Sidebar, SearchBar):
        own = [b for b in owner.BINDINGS if not isinstance(b, tuple)]
        assert own and all(b.id for b in own), owner


def test_compare_binding_exists_only_with_the_compare_screen() -> None:
    import importlib.util

    has_screen = importlib.util.find_spec("kimreader.tui.screens.compare") is not None
    assert any(s.id == "main.compare" for s in actions.specs("main")) == has_screen


def test_the_template_library_has_the_shipped_reports_and_their_entities(
    library: Path,
) -> None:
    workspace = Workspace.open(library)
    titles = {e.title for e in workspace.library.catalog()}
    assert titles == {NYT_TITLE, BLOOMBERG_TITLE}
    for entry in workspace.library.catalog():
        names = {e.name for e in workspace.entities(workspace.get(entry.id))}
        assert {"Kim Jong Un", "Xi Jinping"} <= names
