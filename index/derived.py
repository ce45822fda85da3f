"""Data derived from articles after they are stored and searchable (entities today).

An import stores and indexes articles first; each derived step then runs over the articles
that lack its data, in a pool of worker processes, a few articles per task. A worker returns
only the step's data (an article's entity spans and names, not the article), and the parent
writes it beside the article at once (atomically, stamped with the article's hash). So the
work is resumable: whatever a Ctrl-C or SIGKILL interrupted is still missing, and the next
`kimreader add`, `kimreader doctor` or the app fills it in.

Adding a step (e.g. sentence embeddings) is one `Step` in STEPS: a module-level function from a
batch of articles to one JSON value per article.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library, LibraryError

if TYPE_CHECKING:
    from kimreader.index.sync import IndexSync

BATCH = 8  # articles per task: small, so an interruption loses little and memory stays flat
IN_FLIGHT = 2  # tasks queued per worker process (the rest are not even read yet)
REINDEX_EVERY = 64  # articles whose data is stored before they are re-indexed (a commit)
Progress = Callable[[str, int, int], object]  # (step label, done, total)


def entities_of(articles: Sequence[Article]) -> list[Any]:
    """The entities of each article as stored (JSON), extracted in this process."""
    from kimreader.analysis.entities import extract_entities

    found = extract_entities(list(articles), processes=1)
    return [[entity.to_json() for entity in entities] for entities in found]


@dataclass(frozen=True)
class Step:
    name: str  # the sidecar kind it is stored as
    label: str  # for messages: "entities pending"
    extract: Callable[[Sequence[Article]], list[Any]]  # module-level: it runs in workers
    indexed: bool  # the search index holds it: articles are re-indexed once it is filled


STEPS: tuple[Step, ...] = (Step("entities", "entities", entities_of, indexed=True),)


def step_named(name: str) -> Step:
    return next(step for step in STEPS if step.name == name)


def pending(library: Library, step: Step) -> list[str]:
    """Ids of the library's articles without (current) data of `step`."""
    return [
        entry.id
        for entry in library.catalog()
        if library.read_sidecar(step.name, entry.id, entry.hash) is None
    ]


def maybe_pending(library: Library) -> bool:
    """A cheap first look (no sidecar is read): fewer stored files than articles for a step,
    or articles stored but not re-indexed. What an import cut short leaves behind."""
    if has_unindexed(library):
        return True
    return any(pending_estimate(library, step) for step in STEPS)


def pending_estimate(library: Library, step: Step) -> int:
    """How many articles lack `step`'s data, counted without reading a sidecar (articles less
    stored files: cheap enough for every search; an edited article's outdated file is missed)."""
    try:
        stored = sum(1 for name in os.listdir(library.state_dir / step.name) if name[0] != ".")
    except OSError:
        stored = 0
    return max(0, len(library.catalog()) - stored)


def processes_for(count: int, asked: int = 0) -> int:
    """Worker processes for `count` articles: one per BATCH-sized task, at most the cores."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(asked or (cores or 1), -(-count // BATCH)))


def fill(
    library: Library,
    index: IndexSync | None,
    steps: Sequence[Step] = STEPS,
    processes: int = 0,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Run each step over the articles that lack its data; {step name: articles filled}."""
    if index is not None:
        reindex_unindexed(library, index)  # what an interrupted run stored but did not index
    filled: dict[str, int] = {}
    for step in steps:
        missing = pending(library, step)
        filled[step.name] = _fill_step(library, index, step, missing, processes, progress)
    return filled


def _fill_step(
    library: Library,
    index: IndexSync | None,
    step: Step,
    missing: list[str],
    processes: int,
    progress: Progress | None,
) -> int:
    if not missing:
        return 0
    done = 0
    stored: list[str] = []
    for articles, data in _results(library, step, missing, processes_for(len(missing), processes)):
        store(library, step, articles, data)
        stored.extend(article.id for article in articles)
        done += len(articles)
        if index is not None and step.indexed and len(stored) >= REINDEX_EVERY:
            reindex_unindexed(library, index)  # searchable by entity as the work goes on
            stored = []
        if progress:
            progress(step.label, done, len(missing))
    if index is not None and step.indexed and stored:
        reindex_unindexed(library, index)
    return done


def _journal(library: Library) -> Path:
    return library.state_dir / "derived-unindexed"


def store(library: Library, step: Step, articles: Sequence[Article], data: Sequence[Any]) -> None:
    """Store a batch's data beside its articles. An indexed step's articles are first noted as
    not yet re-indexed, so that a run killed before re-indexing them is finished later."""
    if step.indexed:
        library.state_dir.mkdir(parents=True, exist_ok=True)
        with _journal(library).open("a", encoding="utf-8") as journal:
            journal.write("".join(f"{article.id}\n" for article in articles))
    for article, value in zip(articles, data, strict=True):
        library.write_sidecar(step.name, article.id, {"hash": article.hash, "data": value})


def has_unindexed(library: Library) -> bool:
    return _journal(library).is_file()


def reindex_unindexed(library: Library, index: IndexSync) -> int:
    """Re-index the articles whose derived data was stored since they were last indexed."""
    journal = _journal(library)
    try:
        ids = list(dict.fromkeys(journal.read_text(encoding="utf-8").split()))
    except FileNotFoundError:
        return 0
    if ids:
        index.reindex([i for i in ids if library.path_for(i).is_file()])
    journal.unlink(missing_ok=True)
    return len(ids)


def _batches(library: Library, ids: Sequence[str]) -> Iterator[list[Article]]:
    for start in range(0, len(ids), BATCH):
        articles = []
        for article_id in ids[start : start + BATCH]:
            try:
                articles.append(library.get(article_id))
            except LibraryError:
                continue  # removed meanwhile, or unreadable (doctor names it)
        if articles:
            yield articles


def _results(
    library: Library, step: Step, ids: Sequence[str], processes: int
) -> Iterator[tuple[list[Article], list[Any]]]:
    """(articles, their data) per batch, as the workers finish them (in any order)."""
    batches = _batches(library, ids)
    if processes <= 1:
        for articles in batches:
            yield articles, step.extract(articles)
        return
    # spawn: the app has threads running, and a forked copy of them is unsafe
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        running: dict[Future[list[Any]], list[Article]] = {}
        try:
            for articles in batches:
                running[pool.submit(step.extract, articles)] = articles
                if len(running) >= processes * IN_FLIGHT:
                    yield from _finished(running)
            while running:
                yield from _finished(running)
        except BaseException:
            # Stopped (the app quitting, Ctrl-C): what was stored is journaled and the next run
            # resumes, so the workers go now instead of finishing their batches first.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _finished(
    running: dict[Future[list[Any]], list[Article]],
) -> Iterator[tuple[list[Article], list[Any]]]:
    done, _ = wait(running, return_when=FIRST_COMPLETED)
    for future in done:
        yield running.pop(future), future.result()
