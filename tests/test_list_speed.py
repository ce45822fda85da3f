"""#14 on screen: while typing, the list holds a few screens of hits (the engine ranks fewer) and
the pause that completes the search lists them all; at start, the saved list shows first."""

from __future__ import annotations

from pathlib import Path

from app_helpers import make_app, started, wait_until
from textual.message import Message

from kimreader.analysis import versions
from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.tui.jobs import SEARCH_LIMIT, TYPING_LIMIT, CatalogLoaded

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


async def test_the_saved_list_shows_first_and_the_checked_one_replaces_it(tmp_path: Path) -> None:
    """Titles come from the saved catalog while the files are checked (#14: titles on screen
    sooner); a file edited since is then listed, and opened, as it is now."""
    library = Library.open(tmp_path / "lib", seed=False)
    stored = library.add(Article.create("Harbour reopens", "The harbour reopened.\n")).article
    assert stored.path is not None
    edited = stored.path.read_text(encoding="utf-8").replace("Harbour reopens", "Harbour shut")
    stored.path.write_text(edited, encoding="utf-8")
    loaded: list[CatalogLoaded] = []

    def record(message: Message) -> None:
        if isinstance(message, CatalogLoaded) and message not in loaded:
            loaded.append(message)

    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(100, 30), message_hook=record) as pilot:
        main = await started(pilot)
        assert [(m.provisional, [e.title for e in m.catalog]) for m in loaded] == [
            (True, ["Harbour reopens"]),  # as saved: on screen before the files were checked
            (False, ["Harbour shut"]),
        ]
        assert [row.title for row in main.articles.rows] == ["Harbour shut"]
        assert main.article is not None and main.article.title == "Harbour shut"
