"""An open app shows articles that another process adds to its library."""

from __future__ import annotations

from pathlib import Path

from app_helpers import make_app, search, started, wait_until

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library


def _add_from_another_process(root: Path, title: str) -> str:
    # A separate Library object stands for the other process: it shares only the files.
    other = Library.open(root)
    return other.add(Article.create(title, "Sanctions on Pyongyang were tightened.\n")).article.id


async def test_new_articles_appear_without_a_key(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        assert len(main.articles.rows) == 2
        new_id = _add_from_another_process(library, "Sanctions tightened on Pyongyang")
        await wait_until(pilot, lambda: len(main.articles.rows) == 3, "the automatic refresh")
        assert new_id in {row.id for row in main.articles.rows}


async def test_refresh_key_reruns_the_search_and_keeps_the_open_article(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await started(pilot)
        await search(pilot, "sanctions")
        await pilot.press("enter")
        reading = main.article.id if main.article else ""
        before = main.result.total if main.result else 0
        _add_from_another_process(library, "Sanctions tightened again")
        await pilot.press("ctrl+r")
        await wait_until(
            pilot, lambda: main.result is not None and main.result.total == before + 1, "refresh"
        )
        assert main.article is not None and main.article.id == reading
