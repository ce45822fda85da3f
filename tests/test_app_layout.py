"""The reader's Markdown layout keeps every character's body offset; the list stays virtual."""

from __future__ import annotations

from pathlib import Path

import app_helpers as support
from app_helpers import make_app, started
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult

from kimreader.analysis import versions
from kimreader.corpus.article import Article
from kimreader.index.workspace import Workspace
from kimreader.tui.widgets.article_list import ArticleList, Row
from kimreader.tui.widgets.layout import SYNTHETIC, Layout, parse_blocks

BODY = """# A heading

A paragraph with **bold** and *italic* words, a [link](https://example.com/page) and
`code`, over two lines.

> A quote that
> continues.

- first item
- second item with \\*stars\\*
  continued

1. numbered

---

Last paragraph."""


def shown(body: str) -> list[tuple[str, list[int]]]:
    return [(b.text, b.offsets) for b in parse_blocks(body)]


def test_blocks_resolve_markdown_and_keep_offsets() -> None:
    blocks = parse_blocks(BODY)
    assert [b.kind for b in blocks] == ["h1", "p", "quote", "item", "item", "item", "rule", "p"]
    texts = [b.text for b in blocks]
    assert texts[0] == "A heading"
    assert texts[1] == (
        "A paragraph with bold and italic words, a link (example.com) and code, over two lines."
    )
    assert texts[2] == "A quote that continues."
    assert texts[4] == "second item with *stars* continued"
    assert blocks[3].first_prefix == "• " and blocks[5].first_prefix == "1. "
    for block in blocks:
        for char, offset in zip(block.text, block.offsets, strict=True):
            if offset != SYNTHETIC:
                assert BODY[offset] == char
    styles = {BODY[blocks[1].offsets[s] : blocks[1].offsets[e - 1] + 1]: name
              for s, e, name in blocks[1].styles}  # fmt: skip
    assert styles["bold"] == "bold" and styles["italic"] == "italic"
    assert styles["link"] == "link" and styles["code"] == "code"


def test_underscores_inside_words_are_not_emphasis() -> None:
    (block,) = parse_blocks("snake_case and a_b_c stay, 2 * 3 too")
    assert block.text == "snake_case and a_b_c stay, 2 * 3 too"
    assert block.styles == []


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab Z*_[]()#>-1.`\\\n!:/ 漢")),
        max_size=200,
    ),
    st.integers(min_value=8, max_value=60),
)
def test_any_text_maps_back_to_the_body_and_fits_the_width(body: str, width: int) -> None:
    blocks = parse_blocks(body)
    for block in blocks:
        for char, offset in zip(block.text, block.offsets, strict=True):
            assert offset == SYNTHETIC or body[offset] == char
    layout = Layout.build(blocks, width)
    for line in layout.lines:
        if line.block < 0:
            continue
        block = blocks[line.block]
        prefix = block.first_prefix if line.first else block.prefix
        text = block.text[line.start : line.end].rstrip()
        assert cell_len(prefix + text) <= max(width, cell_len(prefix) + 4)


def test_line_of_finds_the_wrapped_line_of_an_offset() -> None:
    body = " ".join(f"word{i}" for i in range(100))
    layout = Layout.build(parse_blocks(body), 30)
    target = body.index("word57")
    line = layout.line_of("body", target)
    assert line is not None
    piece = layout.lines[line]
    block = layout.blocks[piece.block]
    assert "word57" in block.text[piece.start : piece.end]


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleList(id="articles")


async def test_the_list_draws_20000_articles_without_a_widget_each() -> None:
    rows = [Row(f"id{i:05}", f"Title {i}", "Source", "2020-01-01") for i in range(20_000)]
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        articles = app.query_one(ArticleList)
        articles.set_rows(rows)
        articles.focus()
        await pilot.pause()
        assert not articles.children
        assert articles.virtual_size.height == 40_000
        await pilot.press("G")
        assert articles.cursor == 19_999
        assert articles.scroll_offset.y >= 40_000 - articles.size.height - 1
        await pilot.press("k", "pageup", "g")
        assert articles.cursor == 0 and articles.scroll_offset.y == 0
        line = articles.render_line(0)
        assert "Title 0" in line.text


async def test_markup_in_article_text_is_shown_as_text(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    workspace = Workspace.open(root)
    title = "[bold red]Not markup[/] [link=https://evil.example]x[/link]"
    article = Article.create(
        title, "Body with [b]brackets[/b] and $var and [@click=quit]", source="[i]S"
    )
    workspace.library.add(article)
    stored = workspace.get(article.id)
    entity = {"name": "[red]Name", "type": "person", "aliases": ["[red]Name"], "count": 1,
              "mentions": [[10, 20]]}  # fmt: skip
    payload = {"hash": stored.hash, "version": versions.ENTITIES, "data": [entity]}
    workspace.library.write_sidecar("entities", stored.id, payload)
    app = make_app(root)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        main = await started(pilot)
        ours = next(r for r in main.articles.rows if r.id == stored.id)
        main.articles.cursor = main.articles.rows.index(ours)
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert main.article.id == stored.id
        screen_text = "\n".join(
            "".join(seg.text for seg in strip)
            for strip in pilot.app.screen._compositor.render_strips()
        )
        assert "[bold red]Not markup[/]" in screen_text
        assert "[b]brackets[/b]" in screen_text
        assert "[red]Name" in screen_text
        assert "[@click=quit]" in screen_text
        prompt = main.sidebar.get_option_at_index(1).prompt
        assert isinstance(prompt, Text) and "[red]Name" in prompt.plain


async def test_an_empty_library_says_how_to_fill_it(tmp_path: Path) -> None:
    from kimreader.corpus.library import Library

    Library.open(tmp_path / "lib", seed=False)
    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main = pilot.app.screen
        await support.wait_until(pilot, lambda: main.index_ready, "the index")
        assert main.status.message.startswith("the library is empty")
        assert main.articles.rows == [] and main.reader.article is None


async def test_searching_an_empty_library_finds_nothing(tmp_path: Path) -> None:
    from kimreader.corpus.library import Library

    Library.open(tmp_path / "lib", seed=False)
    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(80, 24)) as pilot:
        main = pilot.app.screen
        await support.wait_until(pilot, lambda: main.index_ready, "the index")
        await pilot.press("/", "k", "i", "m", "enter")

        def searched() -> bool:
            return not main.status.message.startswith(("the library is empty", "searching"))

        await support.wait_until(pilot, searched, "the search")
        assert pilot.app.is_running  # an index fault is a status line message, not a crash
        assert main.status.message == "nothing found for kim", main.status.message
