"""The screens' background jobs, the typed messages they post, and `JobRunner`, which runs them.

Each job is a plain function run in a thread worker (`exit_on_error=False`): it returns a
message for the screen, or raises. A screen has ONE handler for failed workers (JobRunner's),
which turns the exception into a message worded by `failure_message` for the screen's
`job_failed` (no job catches and reports its own errors).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

# The domain is imported by the jobs that use it, not here: the first frame imports this module
# (the screen's messages) and must not wait on the index, the reading state or the analysis.
if TYPE_CHECKING:
    from kimreader.analysis.entity import Entity
    from kimreader.corpus.article import Article
    from kimreader.corpus.feed_update import FeedResult, Progress
    from kimreader.corpus.library import CatalogEntry, Library
    from kimreader.corpus.span import Span
    from kimreader.corpus.userstate import UserState
    from kimreader.index.search import Hit, SearchResult
    from kimreader.index.workspace import ImportReport, Workspace


# After a search while typing, a pause this long completes it: the exact count, "did you mean"
PAUSE_SECONDS = 0.6
SEARCH_LIMIT = 1000  # hits listed; the status line says when there are more
# While typing, a few screens of hits: ranking fewer lets Whoosh skip more of the postings
# (bench/search.py); the pause or Enter that completes the search lists SEARCH_LIMIT.
TYPING_LIMIT = 100
OFFSETS_FOR = 30  # hits whose offsets come with the search; the rest are counted when opened

# Worker names (also their groups: a newer job of a kind supersedes the older one).
WORKSPACE = "workspace"
LIBRARY, INDEX, SEARCH, ARTICLE, FEEDS = "library", "index", "search", "article", "feeds"
DERIVED, EMBED = "derived", "embed"
RELATED, RANK, COMPARE, SAVED = "related", "rank", "compare", "saved"  # the popups' jobs

FAILURE_WORDING = {
    WORKSPACE: "cannot open the library",
    LIBRARY: "cannot read the library",
    INDEX: "cannot open the index",
    SEARCH: "search failed",
    ARTICLE: "cannot open the article",
    FEEDS: "cannot fetch the feeds",
    DERIVED: "cannot extract entities",
    EMBED: "cannot compute sentence embeddings",
    RELATED: "cannot find related articles",
    RANK: "cannot rank the articles",
    COMPARE: "cannot compare",
    SAVED: "cannot count",
}


class JobRunner:
    """Background jobs for a screen (mixed into it): `run_job` runs `job` in a thread worker,
    exclusive per name (a newer job of the name supersedes the older one), and posts the message
    it returns unless it was superseded; a job that raises reaches `job_failed` with a message
    through the one Worker.StateChanged handler, never a crash."""

    def run_job(self, name: str, job: Callable[[], Message]) -> None:
        screen = cast("Screen[Any]", self)

        def work() -> None:
            message = job()
            if not get_current_worker().is_cancelled:
                screen.post_message(message)

        screen.run_worker(
            work, name=name, group=name, exclusive=True, thread=True, exit_on_error=False
        )

    def job_running(self, name: str) -> bool:
        return any(w.name == name and not w.is_finished for w in cast("Screen[Any]", self).workers)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        error = event.worker.error
        if event.state is not WorkerState.ERROR or error is None or event.worker.is_cancelled:
            return  # a cancelled worker's request was superseded: its failure is not news
        self.job_failed(event.worker.name, failure_message(event.worker.name, error))

    def job_failed(self, name: str, message: str) -> None:
        """Show a failed job's message (each screen says it where it belongs)."""
        cast("Screen[Any]", self).app.notify(message, severity="error", markup=False)


class WorkspaceOpened(Message):
    """The library's index, reading state and analysis are ready (opened after the first frame)."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace


class CatalogLoaded(Message):
    def __init__(self, catalog: list[CatalogEntry], refreshed: bool) -> None:
        super().__init__()
        self.catalog = catalog
        self.refreshed = refreshed


class IndexOpened(Message):
    def __init__(self, problems: list[str], refreshed: bool, changed: bool = False) -> None:
        super().__init__()
        self.problems = problems
        self.refreshed = refreshed
        self.changed = changed  # articles were indexed, or the index rebuilt, while it opened


class SearchFinished(Message):
    """A query's results (or its error, for a malformed query)."""

    def __init__(
        self, result: SearchResult, keep_article: bool, typing: bool = False, quiet: bool = False
    ) -> None:
        super().__init__()
        self.result = result
        self.keep_article = keep_article  # a refresh re-ran it: stay on what is being read
        self.typing = typing  # a search while typing: count maybe a bound, no suggestion yet
        self.quiet = quiet  # the app re-ran it, not the user: say nothing unless it changed


@dataclass(frozen=True)
class LoadedArticle:
    article: Article
    entities: list[Entity]
    body_hits: Sequence[Span] = ()
    title_hits: Sequence[Span] = ()
    problem: str = ""  # shown, e.g. hits that could not be highlighted
    entities_pending: bool = False  # stored, not yet through entity extraction


class ArticleLoaded(Message):
    def __init__(self, loaded: LoadedArticle, query: str = "") -> None:
        super().__init__()
        self.loaded = loaded
        self.query = query  # the query its hits are for ("" for none)


class FeedsProgress(Message):
    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress


class FeedStored(Message):
    """One feed was fetched; its new articles are in the library."""

    def __init__(self, result: FeedResult) -> None:
        super().__init__()
        self.result = result


class FeedsFetched(Message):
    def __init__(self, results: list[FeedResult]) -> None:
        super().__init__()
        self.results = results


def describe(error: BaseException) -> str:
    """An exception for the status line: the library's own errors speak for themselves."""
    from kimreader.analysis.corrections import CorrectionError
    from kimreader.corpus.library import LibraryError
    from kimreader.index.search import IndexBusy

    if isinstance(error, (LibraryError, IndexBusy, CorrectionError)):
        return str(error)
    return f"{error.__class__.__name__}: {error}"


def failure_message(job: str | None, error: BaseException) -> str:
    what = FAILURE_WORDING.get(job or "", "a background job failed")
    return f"{what} ({describe(error)})"


def open_workspace(library: Library, engine: str | None, state: UserState) -> WorkspaceOpened:
    """The library with its index and entities: imported and opened after the first frame,
    which lists the saved catalog with the reading state's marks."""
    from kimreader.index.workspace import Workspace

    return WorkspaceOpened(Workspace(library, engine, state))


def load_catalog(workspace: Workspace, refresh: bool) -> CatalogLoaded:
    """The library's catalog, checked against its files (the first frame listed it as saved)."""
    if refresh:
        workspace.library.refresh()
    return CatalogLoaded(workspace.library.catalog(), refresh)


def open_index(workspace: Workspace, refresh: bool) -> IndexOpened:
    report = workspace.index.ensure()
    return IndexOpened(report.problems, refresh, report.changed)


def search(
    workspace: Workspace,
    query: str,
    keep_article: bool = False,
    typing: bool = False,
    quiet: bool = False,
) -> SearchFinished:
    """A query's results; a newer keystroke cancels the worker, and the engine stops matching
    (SearchCancelled, which the failure handler ignores for a cancelled worker)."""
    worker = get_current_worker()
    result = workspace.search(
        query,
        limit=TYPING_LIMIT if typing else SEARCH_LIMIT,
        offsets_for=OFFSETS_FOR,
        typing=typing,
        cancelled=lambda: worker.is_cancelled,
    )
    return SearchFinished(result, keep_article, typing, quiet)


def load_article(
    workspace: Workspace, article_id: str, query: str, hit: Hit | None
) -> ArticleLoaded:
    """The article, its entities and where the query matches it (from the hit when it has it)."""
    loaded = _loaded(workspace, article_id, query, hit)
    if not loaded.entities and workspace.entities_pending(loaded.article):
        loaded = replace(loaded, entities_pending=True)
    return ArticleLoaded(loaded, query)


class DerivedProgress(Message):
    """Entities extracted in the background so far (an import's second phase, resumed)."""

    def __init__(self, label: str, done: int, total: int) -> None:
        super().__init__()
        self.label, self.done, self.total = label, done, total


class DerivedFilled(Message):
    def __init__(self, filled: int) -> None:
        super().__init__()
        self.filled = filled


def fill_derived(workspace: Workspace, post: Callable[[Message], object]) -> DerivedFilled:
    """Extract what stored articles still lack (entities), in worker processes, saying how far
    it got; articles become searchable by entity as each batch is indexed."""
    from kimreader.index.derived import active_steps, maybe_pending

    steps = active_steps(at_import=True)
    if not maybe_pending(workspace.library, steps):
        return DerivedFilled(0)
    from textual.worker import WorkerCancelled, get_current_worker

    worker = get_current_worker()

    def still_wanted() -> None:
        if worker.is_cancelled:  # the app is quitting: stop the extraction with it
            raise WorkerCancelled("the app is quitting")

    def progress(label: str, done: int, total: int) -> None:
        still_wanted()
        post(DerivedProgress(label, done, total))

    filled = workspace.fill_derived(
        progress=progress, steps=steps, heartbeat=still_wanted, stoppable=True
    )
    return DerivedFilled(filled)


# "0" turns the app's background embedding off (scripted sessions, the test suite: a comparison
# must not change from by-words to by-meaning in the middle of what they check).
BACKGROUND_EMBEDDINGS_ENV = "KIMREADER_BACKGROUND_EMBEDDINGS"


class EmbeddingsFilled(Message):
    def __init__(self, filled: int) -> None:
        super().__init__()
        self.filled = filled


def fill_embeddings(workspace: Workspace) -> EmbeddingsFilled:
    """Sentence embeddings for the articles stored without, after the entities, in one worker
    process of low priority. Quiet: a comparison by words says they are pending."""
    from kimreader.index.derived import maybe_pending, step_named

    if os.environ.get(BACKGROUND_EMBEDDINGS_ENV, "").strip() == "0":
        return EmbeddingsFilled(0)
    step = step_named("embeddings")
    if not step.available() or not maybe_pending(workspace.library, [step]):
        return EmbeddingsFilled(0)
    from textual.worker import WorkerCancelled, get_current_worker

    worker = get_current_worker()

    def heartbeat() -> None:
        if worker.is_cancelled:  # the app is quitting: stop the worker process with it
            raise WorkerCancelled("the app is quitting")

    return EmbeddingsFilled(workspace.fill_missing_embeddings(heartbeat=heartbeat))


def _loaded(workspace: Workspace, article_id: str, query: str, hit: Hit | None) -> LoadedArticle:
    article = workspace.get(article_id)
    # A damaged corrections file: the entities as extracted, and why (read on, and say).
    entities, problem = workspace.entities_with_note(article)
    if hit is not None and hit.with_offsets:
        return LoadedArticle(article, entities, hit.matches, hit.title_matches, problem)
    if not query:
        return LoadedArticle(article, entities, problem=problem)
    try:
        body_hits, title_hits = workspace.match_offsets(article.id, query)
    except Exception as error:  # noqa: BLE001 - the article is shown anyway, unhighlighted
        problem = f"cannot highlight hits ({describe(error)})"
        return LoadedArticle(article, entities, problem=problem)
    return LoadedArticle(article, entities, body_hits, title_hits, problem)


def fetch_feeds(library_root: Path, post: Callable[[Message], object]) -> FeedsFetched:
    """Update every feed, posting progress and each feed's result as it comes.

    A Workspace of its own, as another kimreader process would use: the screen's workspace
    (and its index) is never touched from this thread; the screen reloads when told. Entities
    are not extracted here: the screen's background extraction (fill_derived) fills them in.
    """
    from kimreader.corpus.feed_update import update_feeds
    from kimreader.corpus.feedlist import FeedList
    from kimreader.corpus.fetch import Fetcher
    from kimreader.index.workspace import Workspace

    workspace = Workspace.open(library_root)
    known = {u for e in workspace.library.catalog() for u in (e.url, e.origin) if u}

    def store(results: Iterable[Any], total: int) -> ImportReport:
        return workspace.add_results(list(results), total=total, with_entities=False)

    try:
        with Fetcher() as fetcher:
            results = update_feeds(
                FeedList(library_root),
                fetcher,
                store,
                known,
                on_progress=lambda progress: post(FeedsProgress(progress)),
                on_result=lambda result: post(FeedStored(result)),
            )
    finally:
        workspace.index.close()
    return FeedsFetched(results)
