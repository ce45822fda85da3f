"""Data derived from articles after they are stored and searchable: entities, sentence embeddings.

An import stores and indexes articles first; each derived step then runs over the articles
that lack its data, in a pool of worker processes, a few articles per task. A worker returns
only the step's data (an article's entity spans and names, not the article), and the parent
writes it beside the article at once (atomically, stamped with the article's hash). So the
work is resumable: whatever a Ctrl-C or SIGKILL interrupted is still missing, and the next
`kimreader add`, `kimreader doctor` or the app fills it in.

Each stored value carries its step's version (analysis/versions.py). After an upgrade that
changes an extractor's output, older data counts as pending: it is still shown until the step
has recomputed it, article by article, in the background.

Adding a step is one `Step` in STEPS: a module-level function from a batch of articles to one
JSON value per article. A step `at_import` is filled before `kimreader add` returns (entities:
imports stay searchable by entity); the others only in the background, by the app's derived
job or `kimreader doctor`: sentence embeddings run at about a tenth of entity extraction's
speed (bench/meaning.py), so an import waiting for them would be ten times slower.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kimreader.analysis import versions
from kimreader.corpus.article import Article
from kimreader.corpus.library import Library, LibraryError, atomic_write_text

if TYPE_CHECKING:
    from kimreader.index.sync import IndexSync

BATCH = 8  # articles per task: small, so an interruption loses little and memory stays flat
IN_FLIGHT = 2  # tasks queued per worker process (the rest are not even read yet)
# Stored data is re-indexed (one commit: each article's whole document written again) at the
# end, and on the way once at least REINDEX_EVERY articles wait and REINDEX_SECONDS passed since
# the last: a long run becomes searchable by entity as it goes, and a short one commits once
# (a small segment costs more per article: 23 vs 17 CPU-ms at 64 vs 300 articles).
REINDEX_EVERY = 64
REINDEX_SECONDS = 60.0
Progress = Callable[[str, int, int], object]  # (step label, done, total)
# How often a waiting pool calls its heartbeat (which may raise to stop the work: the app
# quitting must not wait for a batch of embeddings to finish).
HEARTBEAT_SECONDS = 0.5
STOP_SECONDS = 5.0  # a terminated worker exits at once; this bounds the wait for a stuck one


def load_entity_model() -> None:
    """Load spaCy and the entity model (a worker does it as it starts: see warm_pool)."""
    from kimreader.analysis.nlp import load_nlp

    load_nlp()


def entities_of(articles: Sequence[Article]) -> list[Any]:
    """The entities of each article as stored (JSON), extracted in this process."""
    from kimreader.analysis.entities import extract_entities

    found = extract_entities(list(articles), processes=1)
    return [[entity.to_json() for entity in entities] for entities in found]


_BACKGROUND_NICENESS = 10
_niced = False


def embeddings_of(articles: Sequence[Article]) -> list[Any]:
    """The sentence embeddings of each article as stored (JSON), computed in this process,
    which first lowers its priority: it works in the background of an app being used."""
    global _niced
    from kimreader.analysis.embed import embed_article

    if not _niced and multiprocessing.parent_process() is not None:
        os.nice(_BACKGROUND_NICENESS)
        _niced = True
    return [embed_article(article.body).to_json() for article in articles]


def _always() -> bool:
    return True


def _embedding_model_installed() -> bool:
    from kimreader.analysis.embed import model_available

    return model_available()


def embeddings_still_right(article: Article, data: Any) -> bool:
    """Whether stored embeddings are still one row per sentence of the article as it is cut
    today: a new versions.SENTENCES changes the cutting of some texts only (those written a
    paragraph a line, for 2), and the rows of the others need not be computed again."""
    from kimreader.analysis.embed import ArticleEmbeddings

    found = ArticleEmbeddings.from_json(data)
    return found is not None and found.matches(article.body)


@dataclass(frozen=True)
class Step:
    name: str  # the sidecar kind it is stored as
    label: str  # for messages: "entities pending"
    extract: Callable[[Sequence[Article]], list[Any]]  # module-level: it runs in workers
    version: int  # of the extractor's output (analysis/versions.py)
    indexed: bool  # the search index holds it: articles are re-indexed once it is filled
    at_import: bool = True  # filled by `kimreader add` itself (else in the background only)
    available: Callable[[], bool] = _always  # its model is installed
    max_processes: int = 0  # 0: one per core
    prepare: Callable[[], object] | None = None  # module-level: loads its model in a worker
    # Whether data an older version stored is still right for the article: then it is stamped
    # with this version instead of being extracted again (see restamp); only data stored under
    # one of the versions `restamp_from` (the same extractor's, under another sentence splitting).
    still_right: Callable[[Article, Any], bool] | None = None
    restamp_from: tuple[int, ...] = ()


STEPS: tuple[Step, ...] = (
    Step("entities", "entities", entities_of, versions.ENTITIES, indexed=True,
         prepare=load_entity_model),
    # One process: the app stays responsive while a library is embedded.
    Step("embeddings", "sentence embeddings", embeddings_of, versions.EMBEDDINGS, indexed=False,
         at_import=False,
         available=_embedding_model_installed, max_processes=1,
         still_right=embeddings_still_right, restamp_from=versions.EMBEDDINGS_TO_RESTAMP),
)  # fmt: skip


def step_named(name: str) -> Step:
    return next(step for step in STEPS if step.name == name)


def active_steps(at_import: bool = False) -> tuple[Step, ...]:
    """The steps whose model is installed (only those an import fills, with `at_import`)."""
    return tuple(s for s in STEPS if s.available() and (s.at_import or not at_import))


def pending(library: Library, step: Step) -> list[str]:
    """Ids of the library's articles without data of `step`, or with data an older version
    of its extractor made. When there are none, that is recorded for `maybe_pending`."""
    missing, files = _pending(library, step)
    if not missing:
        _record_current(library, step, files)
    return missing


def _pending(library: Library, step: Step) -> tuple[list[str], str]:
    """pending()'s ids, and the digest of the article files they were found among."""
    entries = library.catalog()
    files = library.checked_digest()
    missing = [
        entry.id
        for entry in entries
        if library.read_sidecar(step.name, entry.id, entry.hash, step.version) is None
    ]
    return missing, files


@dataclass
class Survey:
    """What one read of each article's stored data of a step found (see survey)."""

    missing: list[str]  # ids of articles without today's data (pending())
    older: int  # of them, those with data an earlier version made for their text (else none)
    same: int  # of those, those whose data is still right (Step.still_right): no extraction
    left: list[str]  # what is left to extract: `missing`, less those `restamped`
    restamped: bool  # the `same` were stamped with today's version as they were found
    files: str  # the article files' digest when surveyed (Library.checked_digest)


def survey(library: Library, step: Step, *, restamp_now: bool = False) -> Survey:
    """pending(), how many of those articles have data an earlier version made, and how many
    of these are still right, from ONE read of each article's stored file (doctor asked them
    one after the other, reading every file three times, six while computing embeddings).
    `restamp_now`: data still right is stamped with today's version at once, as restamp()
    does, so that fill(..., surveys) reads nothing again. Records (maybe_pending) when nothing
    is left to extract."""
    files = library.checked_digest()
    missing: list[str] = []
    left: list[str] = []
    older = same = 0
    kept: list[Article] = []
    data: list[Any] = []
    for entry in library.catalog():
        stored = library.read_sidecar_versioned(step.name, entry.id, entry.hash)
        if stored is not None and stored[0] == step.version:
            continue
        missing.append(entry.id)
        if stored is None:
            left.append(entry.id)
            continue
        older += 1
        right = _still_right(library, step, entry.id, *stored)
        if right is None:
            left.append(entry.id)
            continue
        same += 1
        if not restamp_now:
            left.append(entry.id)
            continue
        kept.append(right[0])
        data.append(right[1])
        if len(kept) == BATCH:
            store(library, step, kept, data)
            kept, data = [], []
    if kept:
        store(library, step, kept, data)
    if not (left if restamp_now else missing):  # every article's data is today's
        _record_current(library, step, files)
    return Survey(missing, older, same, left, restamp_now, files)


def _still_right(
    library: Library, step: Step, article_id: str, version: int, data: Any
) -> tuple[Article, Any] | None:
    """The article and data already read (`version`'s), when a version of `step.restamp_from`
    made it and it is still right for the article; else None. restampable() reads, then asks
    this."""
    if step.still_right is None or version not in step.restamp_from:
        return None
    try:
        article = library.get(article_id)
    except LibraryError:
        return None
    return (article, data) if step.still_right(article, data) else None


def maybe_pending(library: Library, steps: Sequence[Step] | None = None) -> bool:
    """A cheap first look (no sidecar is read): fewer stored files than articles for a step,
    articles stored but not re-indexed (what an import cut short leaves behind), or a step
    whose stored data was not yet all found current for its version (after an upgrade) and
    the article files as they are (an article edited, or updated by an import, keeps its
    file of data made for its old text: the count of files does not show it)."""
    if has_unindexed(library):
        return True
    steps = active_steps() if steps is None else steps
    files = library.checked_digest()
    return any(
        pending_estimate(library, step) or _recorded(library, step) != _current(step, files)
        for step in steps
    )


def _version_record(library: Library, step: Step) -> Path:
    # A dot file: it is not counted as a stored article's data.
    return library.state_dir / step.name / ".version"


def _current(step: Step, files: str) -> str:
    """What the record holds once every article's data of `step` was found current: the
    step's version and the digest of the article files (Library.checked_digest) then."""
    return f"{step.version} {files}"


def _recorded(library: Library, step: Step) -> str:
    """The record: new data is written at the recorded version for the files' own text, so
    it stays true until the version or an article file changes."""
    try:
        return _version_record(library, step).read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return ""


def _record_current(library: Library, step: Step, files: str) -> None:
    if _recorded(library, step) == _current(step, files):
        return
    record = _version_record(library, step)
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(record, _current(step, files) + "\n")
    except OSError:
        pass  # a read-only library: the next look checks the files again


def pending_estimate(library: Library, step: Step) -> int:
    """How many articles lack `step`'s data, counted without reading a sidecar (articles less
    stored files: cheap enough for every search; an edited article's outdated file is missed)."""
    folder = library.state_dir / step.name
    try:
        changed = folder.stat().st_mtime_ns
        # A change within the last second may share its timestamp with the next: list afresh.
        recent = time.time_ns() - changed < 1_000_000_000
        stored = _count_files(str(folder)) if recent else _files_in(str(folder), changed)
    except OSError:
        stored = 0
    return max(0, len(library.catalog()) - stored)


@functools.lru_cache(maxsize=8)
def _files_in(folder: str, mtime_ns: int) -> int:
    """Stored files in a folder, listed again only when it changed (an entity search asks on
    every keystroke; at 20,000 articles a listing takes milliseconds)."""
    return _count_files(folder)


def _count_files(folder: str) -> int:
    return sum(1 for name in os.listdir(folder) if name[0] != ".")


def processes_for(count: int, asked: int = 0) -> int:
    """Worker processes for `count` articles: one per BATCH-sized task, at most the cores."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(asked or (cores or 1), -(-count // BATCH)))


class WarmPool:
    """Worker processes started ahead of the work (see warm_pool), for the import's steps."""

    def __init__(self, pool: ProcessPoolExecutor, processes: int) -> None:
        self.pool = pool
        self.processes = processes
        self.used = False
        self.ahead: dict[str, dict[Future[list[Any]], list[Article]]] = {}  # by step name

    def extract_ahead(self, library: Library, ids: Sequence[str]) -> None:
        """Give the workers their first batches of the first import step (those of `ids`, just
        stored) before the importing process builds the index: extracted on the core it
        leaves idle, their data is stored when the step runs (fill), after the index build."""
        steps = active_steps(at_import=True)
        if not steps or not ids:
            return
        step, running = steps[0], {}
        for articles in _batches(library, ids[: self.processes * IN_FLIGHT * BATCH]):
            running[self.pool.submit(step.extract, articles)] = articles
        self.ahead[step.name] = running
        self.used = True


@contextmanager
def warm_pool(processes: int, articles: int) -> Iterator[WarmPool | None]:
    """A pool for the import's steps (`at_import`), its workers spawned at once and loading
    their models (~1.5 CPU-seconds each for spaCy) while the importing process is still
    storing and indexing the articles, on cores that phase leaves idle. None with one process
    or no such step. Unused (nothing was missing), its workers are stopped without waiting."""
    steps = [step for step in active_steps(at_import=True) if step.prepare is not None]
    workers = processes_for(articles, processes) if processes != 1 else 1
    if workers <= 1 or not steps:
        yield None
        return
    models = tuple(step.prepare for step in steps if step.prepare is not None)
    with worker_pool(workers, functools.partial(_prepared_worker, models)) as pool:
        try:
            for _ in range(workers):
                pool.submit(_ready)  # each task while none is idle spawns a worker
        except OSError:  # no worker could be started (a process limit, memory): none early
            _stop(pool)
            yield None
            return
        warm = WarmPool(pool, workers)
        yield warm
        if not warm.used:
            _stop(pool)


def _prepared_worker(models: tuple[Callable[[], object], ...], parent: int) -> None:
    """A warm pool's worker initializer: detached_worker, then load the models. A model that
    fails to load fails again in the step itself, which reports it."""
    detached_worker(parent)
    for load in models:
        try:
            load()
        except Exception:  # noqa: BLE001 - reported by the step's own call
            pass


def _ready() -> None:
    """A task that does nothing: submitted to spawn a worker."""


def fill(
    library: Library,
    index: IndexSync | None,
    steps: Sequence[Step] | None = None,
    processes: int = 0,
    progress: Progress | None = None,
    heartbeat: Callable[[], object] | None = None,
    warm: WarmPool | None = None,
    stoppable: bool = False,
    surveys: dict[str, Survey] | None = None,
) -> dict[str, int]:
    """Run each step (default: every active one) over the articles that lack its data;
    {step name: articles filled}. `heartbeat` is called while workers are busy. `warm`: a
    pool already started (by warm_pool) for the steps done at import. `stoppable`: even one
    batch is extracted in a worker process, which stops at once when the heartbeat raises
    (the app quitting: a thread busy with a long article would hold the app for a minute).
    `surveys`: by step name, what survey() found just before (the files are not read again)."""
    if index is not None:
        reindex_unindexed(library, index)  # what an interrupted run stored but did not index
    filled: dict[str, int] = {}
    for step in active_steps() if steps is None else steps:
        known = (surveys or {}).get(step.name)
        if known is None:
            missing, files = _pending(library, step)
        else:
            missing, files = known.left, known.files
        asked = min(processes or step.max_processes, step.max_processes or processes)
        pool = warm if step.at_import else None
        restamped = known is not None and known.restamped
        filled[step.name] = _fill_step(
            library, index, step, missing, asked, progress, heartbeat, pool, stoppable, restamped
        )
        _record_current(library, step, files)  # what was outdated is now redone
    return filled


def _fill_step(
    library: Library,
    index: IndexSync | None,
    step: Step,
    missing: list[str],
    processes: int,
    progress: Progress | None,
    heartbeat: Callable[[], object] | None = None,
    warm: WarmPool | None = None,
    stoppable: bool = False,
    restamped: bool = False,
) -> int:
    """`restamped`: data still right was stamped anew already (survey): extract `missing`."""
    if not missing:
        return 0
    done = 0
    if step.still_right is not None and step.restamp_from and not restamped:
        missing, done = restamp(library, step, missing, heartbeat)
        if progress and done:
            progress(step.label, done, done + len(missing))
    total = done + len(missing)
    stored: list[str] = []
    workers = processes_for(len(missing), processes)
    reindexed = time.monotonic()
    results = _results(library, step, missing, workers, heartbeat, warm, stoppable)
    for articles, data in results:
        store(library, step, articles, data)
        stored.extend(article.id for article in articles)
        done += len(articles)
        due = time.monotonic() - reindexed >= REINDEX_SECONDS
        if index is not None and step.indexed and len(stored) >= REINDEX_EVERY and due:
            reindex_unindexed(library, index)  # searchable by entity as the work goes on
            stored, reindexed = [], time.monotonic()
        if progress:
            progress(step.label, done, total)
    if index is not None and step.indexed and stored:
        reindex_unindexed(library, index)
    return done


def restamp(
    library: Library,
    step: Step,
    ids: Sequence[str],
    heartbeat: Callable[[], object] | None = None,
) -> tuple[list[str], int]:
    """Stamp with `step`'s version the data an older version of `step.restamp_from` stored that
    is still right for its article (`step.still_right`: the article is read, not extracted
    again); (the ids left to extract, how many were restamped). Once per version change, in this
    process. Data of another version (another embedding model's or pooling's) is extracted anew."""
    left: list[str] = []
    kept: list[Article] = []
    data: list[Any] = []
    restamped = 0
    for count, article_id in enumerate(ids):
        if heartbeat and count % BATCH == 0:
            heartbeat()
        still_right = restampable(library, step, article_id)
        if still_right is None:
            left.append(article_id)
            continue
        kept.append(still_right[0])
        data.append(still_right[1])
        if len(kept) == BATCH:
            store(library, step, kept, data)
            restamped, kept, data = restamped + len(kept), [], []
    if kept:
        store(library, step, kept, data)
    return left, restamped + len(kept)


def restampable(library: Library, step: Step, article_id: str) -> tuple[Article, Any] | None:
    """The article and the data an older version of `step.restamp_from` stored for it, when
    that data is still right for it (`step.still_right`); else None (none stored, another
    version's, or made for other sentences: extracted anew)."""
    entry = library.entry(article_id)
    # one read of the file, whichever of the older versions made it
    stored = library.read_sidecar_versioned(step.name, article_id, entry.hash) if entry else None
    return None if stored is None else _still_right(library, step, article_id, *stored)


def _journal(library: Library) -> Path:
    return library.state_dir / "derived-unindexed"


def store(
    library: Library,
    step: Step,
    articles: Sequence[Article],
    data: Sequence[Any],
    *,
    in_index: bool = True,
) -> None:
    """Store a batch's data beside its articles. An indexed step's articles are first noted as
    not yet re-indexed, so that a run killed before re-indexing them is finished later; not
    when they are not `in_index` (the sync that adds them reads the stored data)."""
    if step.indexed and in_index:
        library.state_dir.mkdir(parents=True, exist_ok=True)
        with _journal(library).open("a", encoding="utf-8") as journal:
            journal.write("".join(f"{article.id}\n" for article in articles))
    with library.batch():  # the folder synced once per batch, not per file
        for article, value in zip(articles, data, strict=True):
            payload = {"hash": article.hash, "version": step.version, "data": value}
            library.write_sidecar(step.name, article.id, payload)


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
    library: Library,
    step: Step,
    ids: Sequence[str],
    processes: int,
    heartbeat: Callable[[], object] | None = None,
    warm: WarmPool | None = None,
    stoppable: bool = False,
) -> Iterator[tuple[list[Article], list[Any]]]:
    """(articles, their data) per batch, as the workers finish them (in any order)."""
    if warm is not None:
        warm.used = True
        running = warm.ahead.pop(step.name, {})
        given = {article.id for articles in running.values() for article in articles}
        batches = _batches(library, [i for i in ids if i not in given])
        yield from _pooled(warm.pool, step, batches, warm.processes, heartbeat, running)
        return
    batches = _batches(library, ids)
    if processes <= 1 and step.at_import and not stoppable:  # else in its own process
        for articles in batches:
            yield articles, step.extract(articles)
        return
    with worker_pool(processes) as pool:
        yield from _pooled(pool, step, batches, processes, heartbeat)


def _pooled(
    pool: ProcessPoolExecutor,
    step: Step,
    batches: Iterator[list[Article]],
    processes: int,
    heartbeat: Callable[[], object] | None,
    running: dict[Future[list[Any]], list[Article]] | None = None,
) -> Iterator[tuple[list[Article], list[Any]]]:
    """Each batch's results, `processes` * IN_FLIGHT tasks at a time (`running`: tasks
    already given to the pool)."""
    running = {} if running is None else running
    for articles in batches:
        running[pool.submit(step.extract, articles)] = articles
        while len(running) >= processes * IN_FLIGHT:
            yield from _finished(running, heartbeat)
    while running:
        yield from _finished(running, heartbeat)


@contextmanager
def worker_pool(
    processes: int, initializer: Callable[[int], None] | None = None
) -> Iterator[ProcessPoolExecutor]:
    """A pool of spawned worker processes that end with their parent (`initializer`, given
    the parent's pid, must call detached_worker). Stopped (the app quitting, Ctrl-C), the
    workers go at once instead of finishing their tasks: whatever they were doing is redone
    by the next run."""
    # spawn: the app has threads running, and a forked copy of them is unsafe
    context = multiprocessing.get_context("spawn")
    _start_resource_tracker()
    with ProcessPoolExecutor(
        processes,
        mp_context=context,
        initializer=initializer or detached_worker,
        initargs=(os.getpid(),),
    ) as pool:
        try:
            yield pool
        except BaseException:
            _stop(pool)
            raise


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers at once, whatever they are doing."""
    processes = list(getattr(pool, "_processes", {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(STOP_SECONDS)  # gone, not left a zombie
        if process.is_alive():  # stuck where SIGTERM waits (a loaded machine, a blocked write)
            process.kill()
            process.join(STOP_SECONDS)
    if manager is not None:  # it reaps the workers too: done, none is left half-collected
        manager.join(STOP_SECONDS)


PARENT_CHECK_SECONDS = 1.0


def detached_worker(parent: int) -> None:
    """A worker's initializer. Ctrl-C is the parent's to handle (it stops the workers; a
    worker that took it too would print a traceback), and the worker ends with its parent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent)


def exit_with_parent(parent: int) -> None:
    """A worker's initializer: end the worker when the process that started it is gone.

    A parent killed outright (SIGKILL, the OOM killer, a closed SSH session's hang-up) cannot
    stop its pool, and its workers would go on with their batches and then wait forever on a
    queue nobody writes to, each holding a model in memory. The worker is re-parented when its
    parent dies, which a daemon thread notices."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (the pool's processes share it) with the real
    stderr: a running Textual app has replaced sys.stderr with one that has no usable file
    descriptor, and the tracker's start would fail on it ("bad value(s) in fds_to_keep")."""
    from multiprocessing import resource_tracker

    replaced = sys.stderr
    sys.stderr = sys.__stderr__ or replaced
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = replaced


def _finished(
    running: dict[Future[list[Any]], list[Article]],
    heartbeat: Callable[[], object] | None = None,
) -> Iterator[tuple[list[Article], list[Any]]]:
    timeout = HEARTBEAT_SECONDS if heartbeat else None
    done, _ = wait(running, timeout=timeout, return_when=FIRST_COMPLETED)
    if heartbeat:
        heartbeat()
    for future in done:
        yield running.pop(future), future.result()
