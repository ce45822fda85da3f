"""Reading an import's files in worker processes while the importing process stores them.

Converting an HTML page (readability, BeautifulSoup, markdownify) costs ~9-18 ms, five to ten
times a Markdown file, and the importing process has its own work: classifying, storing and
indexing each article. So with several processes the pages are read by a pool of workers,
a small batch per task with a few tasks in flight (memory stays flat), and their results are
handed back in the order of the files given: what an import reports, and which of two copies
counts as the duplicate, do not depend on the number of processes. Other files (fast to read)
and stdin are read in the importing process, in their turn.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeAlias

from kimreader.corpus.article import Article
from kimreader.corpus.readers import HTML_SUFFIXES, STDIN, ReadError, read_paths

BATCH = 8  # files per task
IN_FLIGHT = 2  # tasks queued per worker process
# A worker is ready ~0.45 s after it is started (spawned, then importing the HTML libraries):
# the time to read ~50 pages in the importing process. Fewer pages are read there.
PARALLEL_READ = 64

Item: TypeAlias = Path | str
Result: TypeAlias = Article | ReadError


def is_slow(item: Item) -> bool:
    """Whether a file is worth reading in a worker (HTML: converted, not just parsed)."""
    return item != STDIN and Path(item).suffix.lower() in HTML_SUFFIXES


def read_in_order(items: Sequence[Item], processes: int) -> Iterator[Result]:
    """read_paths(items), with the slow files read by up to `processes` workers when there are
    enough of them; each result in the order of `items`."""
    from kimreader.index.derived import processes_for

    slow = sum(1 for item in items if is_slow(item))
    workers = processes_for(slow, processes) if processes > 1 else 1
    if workers <= 1 or slow < PARALLEL_READ:
        yield from read_paths(items)
        return
    yield from _read_with_pool(items, workers)


def read_batch(paths: list[Item]) -> list[Result]:
    """A worker's task: its files read (each bad file one ReadError, as read_paths gives)."""
    return list(read_paths(paths))


# A task in order: the batch's files and the future of its results (None: read here).
Task: TypeAlias = tuple[list[Item], Future[list[Result]] | None]


def _read_with_pool(items: Sequence[Item], workers: int) -> Iterator[Result]:
    from kimreader.index.derived import worker_pool

    queued: deque[Task] = deque()
    with worker_pool(workers) as pool:
        submitted = 0  # of the queued tasks, those given to the workers
        for paths, slow in _tasks(items):
            future = _submit(pool, paths) if slow else None
            queued.append((paths, future))
            submitted += future is not None
            while submitted >= workers * IN_FLIGHT:
                paths, future = queued.popleft()
                submitted -= future is not None
                yield from _results(paths, future)
        while queued:
            paths, future = queued.popleft()
            yield from _results(paths, future)


def _tasks(items: Sequence[Item]) -> Iterator[tuple[list[Item], bool]]:
    """The items in order, in batches of up to BATCH slow files or one other file each."""
    batch: list[Item] = []
    for item in items:
        if is_slow(item):
            batch.append(item)
            if len(batch) == BATCH:
                yield batch, True
                batch = []
            continue
        if batch:
            yield batch, True
            batch = []
        yield [item], False
    if batch:
        yield batch, True


def _submit(pool: ProcessPoolExecutor, paths: list[Item]) -> Future[list[Result]] | None:
    try:
        return pool.submit(read_batch, paths)
    except BrokenProcessPool:
        return None  # a worker died (killed, out of memory): the rest are read here


def _results(paths: list[Item], future: Future[list[Result]] | None) -> Iterator[Result]:
    if future is not None:
        try:
            yield from future.result()
            return
        except BrokenProcessPool:
            pass  # the worker died with these files: they are read here (one line each if bad)
    yield from read_paths(paths)
