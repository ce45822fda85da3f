"""#14 on screen: while typing, the list holds a few screens of hits (the engine ranks fewer) and
the pause that completes the search lists them all (the saved list at start: test_app_start.py)."""

from __future__ import annotations

from pathlib import Path

from app_helpers import make_app, started, wait_until

from kimreader.analysis import versions
from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.tui.jobs import SEARCH_LIMIT, TYPING_LIMIT

ARTICLES = TYPING_LIMIT + 30


def test_the_limits_are_what_the_list_and_the_screen_need() -> None:
    assert TYPING_LIMIT < ARTICLES < SEARCH_LIMIT


async def test_typing_lists_a_few_screens_and_the_pause_lists_every_hit(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib", seed=False)
    for n in range(ARTICLES):
        article = Article.create(f"Harbour report {n}", f"The harbour in town {n} reopened.\n")
        extracted = {"data": [], "version": versions.ENTITIES}  # no background work to do
        library.add(article, sidecars={"entities": extracted})
    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(100, 30)) as pilot:
        main = await started(pilot)
        await pilot.press("/", *"harbour")
        await wait_until(pilot, lambda: main.query_text == "harbour", "the typed search")
        assert len(main.articles.rows) == TYPING_LIMIT
        assert main.status.message.startswith(f"{TYPING_LIMIT}+ found for harbour")
        best = main.articles.rows[0].id
        await wait_until(pilot, lambda: main.article.id == best, "the best hit opened")
        first = main.article
        await wait_until(pilot, lambda: len(main.articles.rows) == ARTICLES, "the completion")
        await pilot.pause()
        assert main.status.message == f"{ARTICLES} found for harbour"
        assert main.article is first  # completing the search left the reader alone
