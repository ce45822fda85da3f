"""A Sphinx/Manticore search cluster behind the `SearchBackend` protocol, over SphinxQL.

Each article lives in one shard (`kim_shard<i>` on node i, chosen by its document id); every
node's distributed index `kim` searches all shards. Searches go to the first node that answers;
a shard that does not answer leaves its articles out and the result says so (`Matches.note`).
The cluster gives no character offsets: `SearchIndex` finds them with kimreader's own analyser
in the bodies of the hits on screen, so highlights are the same as with the embedded index.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from kimreader.index.backend import (
    Document,
    Feature,
    Health,
    Match,
    Matches,
    QueryError,
    Unsupported,
)
from kimreader.index.cluster import (
    DISTRIBUTED_INDEX,
    TEXT_FIELDS,
    Node,
    engine_url,
    parse_engine_url,
    shard_index,
)
from kimreader.index.sphinxql import ENGINE, escape, translate

CONNECT_TIMEOUT = 2  # seconds: a node that does not answer by then is down
READ_TIMEOUT = 10
PAGE = 1000  # rows per page when reading a whole shard
BATCH = 200  # documents per REPLACE statement
RELATED_TERMS = 12


class ClusterUnavailable(OSError):
    """No node of the cluster answered; the message names the nodes and the reason."""


def document_id(article_id: str) -> int:
    """A stable, positive 63-bit document id for an article id (shards are id % nodes)."""
    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest()
    return (int.from_bytes(digest, "big") & (2**63 - 1)) or 1


def _epoch(moment: Any) -> int:
    day = datetime(moment.year, moment.month, moment.day, tzinfo=timezone.utc)
    return int(day.timestamp())


class SphinxBackend:
    """Search on a cluster of searchd nodes (Sphinx 2.2 or Manticore), one shard per node."""

    name = ENGINE
    capabilities = frozenset({Feature.PHRASE, Feature.WILDCARD, Feature.RELATED})

    def __init__(self, url: str, directory: Path) -> None:
        self.nodes = parse_engine_url(url)
        self.url = engine_url(self.nodes)
        self.directory = directory  # only kimreader's own sync stamp lives here
        self._local = threading.local()  # one connection per node per thread

    # -- connections ------------------------------------------------------------------------

    def _connect(self, node: Node) -> Any:
        import pymysql

        connections: dict[Node, Any] = self._local.__dict__.setdefault("connections", {})
        connection = connections.get(node)
        if connection is not None:
            return connection
        try:
            connection = pymysql.connect(
                host=node.host,
                port=node.port,
                connect_timeout=CONNECT_TIMEOUT,
                read_timeout=READ_TIMEOUT,
                write_timeout=READ_TIMEOUT,
                autocommit=True,
                charset="utf8",
            )
        except pymysql.MySQLError as error:
            raise ClusterUnavailable(
                f"search node {node} did not answer ({_reason(error)})"
            ) from None
        connections[node] = connection
        return connection

    def _execute(self, node: Node, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        import pymysql

        try:
            cursor = self._connect(node).cursor()
            cursor.execute(sql, params or None)
            return list(cursor.fetchall())
        except pymysql.MySQLError as error:
            self._forget(node)
            if isinstance(error, pymysql.OperationalError):
                raise ClusterUnavailable(
                    f"search node {node} did not answer ({_reason(error)})"
                ) from None
            raise

    def _forget(self, node: Node) -> None:
        connection = self._local.__dict__.get("connections", {}).pop(node, None)
        if connection is not None:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass

    def _shard_of(self, article_id: str) -> int:
        return document_id(article_id) % len(self.nodes)

    # -- lifecycle --------------------------------------------------------------------------

    def open(self) -> str:
        """ "" when the shards that answer have kimreader's schema. A node that does not
        answer is searched around (partial results); none answering raises ClusterUnavailable,
        so a cluster is never wiped because it was unreachable."""
        self.directory.mkdir(parents=True, exist_ok=True)
        wanted = {"id", "article_id", "content_hash", "published", "has_date", *TEXT_FIELDS}
        down = []
        for shard, node in enumerate(self.nodes):
            try:
                columns = {row[0] for row in self._execute(node, f"DESCRIBE {shard_index(shard)}")}
            except ClusterUnavailable as error:
                down.append(str(error))
                continue
            except Exception:  # noqa: BLE001 - no such index: the node has another config
                return f"node {node} has no index {shard_index(shard)}"
            if not wanted <= columns:
                return "built by another version"
        if len(down) == len(self.nodes):
            raise ClusterUnavailable(f"no search node of {self.url} answered: " + "; ".join(down))
        return ""

    def create(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        for shard, node in enumerate(self.nodes):
            self._execute(node, f"TRUNCATE RTINDEX {shard_index(shard)}")

    def close(self) -> None:
        for node in self.nodes:
            self._forget(node)

    @contextmanager
    def writing(self, bulk: int = 0) -> Iterator[_ClusterWriter]:
        # REPLACE and DELETE are idempotent per document: writers need no cluster-wide lock.
        yield _ClusterWriter(self)

    def stored_hashes(self) -> dict[str, str]:
        hashes: dict[str, str] = {}
        for shard, node in enumerate(self.nodes):
            hashes.update(self._shard_hashes(shard, node))
        return hashes

    def _shard_hashes(self, shard: int, node: Node) -> dict[str, str]:
        hashes: dict[str, str] = {}
        last = 0
        while True:
            rows = self._execute(
                node,
                f"SELECT id, article_id, content_hash FROM {shard_index(shard)} WHERE id > %s "
                f"ORDER BY id ASC LIMIT {PAGE} OPTION max_matches={PAGE}",
                (last,),
            )
            hashes.update((str(row[1]), str(row[2])) for row in rows)
            if len(rows) < PAGE:
                return hashes
            last = int(rows[-1][0])

    # -- searching --------------------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int,
        offsets_for: int,
        only: Collection[str] | None = None,
        *,
        exact: bool = True,
        cancelled: Callable[[], bool] | None = None,
        count: bool = True,
    ) -> Matches:
        """(searchd counts exactly as it ranks, and a query cannot be stopped halfway: `exact`,
        `cancelled` and `count` change nothing here.)"""
        where, params = translate(query).where()
        if only is not None:
            if not only:
                return Matches(total=0, matches=())
            ids = ",".join(str(document_id(i)) for i in only)
            where = f"{where} AND id IN ({ids})" if where else f"id IN ({ids})"
        window = max(limit, 1)
        sql = (
            f"SELECT id, article_id, WEIGHT() AS w FROM {DISTRIBUTED_INDEX} "
            f"{'WHERE ' + where if where else ''} ORDER BY w DESC, id ASC "
            f"LIMIT {window} OPTION ranker=bm25, max_matches={max(window, 1000)}"
        )
        rows, meta, missing = self._query_anywhere(sql, params)
        matches = tuple(Match(id=str(row[1]), score=float(row[2])) for row in rows)
        total = int(meta.get("total_found", len(matches)))
        return Matches(total=total, matches=matches, note=self._partial_note(missing))

    def _query_anywhere(
        self, sql: str, params: Sequence[Any]
    ) -> tuple[list[tuple[Any, ...]], dict[str, str], int]:
        """Run a search on the first node that answers: its rows, SHOW META, and how many
        shards did not answer (the distributed index warns once per agent it missed)."""
        import pymysql

        failures = []
        for node in self.nodes:
            try:
                rows = self._execute(node, sql, params)
                meta = {str(k): str(v) for k, v in self._execute(node, "SHOW META")}
                warnings = [str(row[2]) for row in self._execute(node, "SHOW WARNINGS")]
            except ClusterUnavailable as error:
                failures.append(str(error))
                continue
            except pymysql.MySQLError as error:
                raise QueryError(f"the cluster refused this query ({_reason(error)})") from None
            return rows, meta, sum(1 for warning in warnings if "agent" in warning)
        raise ClusterUnavailable(f"no search node of {self.url} answered: " + "; ".join(failures))

    def _partial_note(self, missing: int) -> str:
        if not missing:
            return ""
        return f"partial results: {missing} of {len(self.nodes)} shards did not answer"

    def offsets(self, article_id: str, query: str) -> tuple[list[Any], list[Any]]:
        raise Unsupported(Feature.OFFSETS, self.name)

    def suggest(self, query: str, better_than: int) -> str:
        raise Unsupported(Feature.SUGGEST, self.name)

    def related(self, article_id: str, body: str, limit: int) -> list[Match]:
        """Articles sharing most of this one's distinctive words (a quorum query, BM25)."""
        words = _distinctive_words(body, RELATED_TERMS)
        if not words:
            return []
        quorum = max(2, len(words) // 4)
        match = '"' + " ".join(escape(w) for w in words) + f'"/{quorum}'
        sql = (
            f"SELECT id, article_id, WEIGHT() AS w FROM {DISTRIBUTED_INDEX} WHERE MATCH(%s) "
            f"AND id <> %s ORDER BY w DESC, id ASC LIMIT {max(limit, 1)} OPTION ranker=bm25"
        )
        rows, _, _ = self._query_anywhere(sql, (match, document_id(article_id)))
        return [Match(id=str(row[1]), score=float(row[2])) for row in rows]

    def facets(self, fieldname: str) -> dict[str, int]:
        raise Unsupported(Feature.FACETS, self.name)

    def health(self) -> Health:
        documents = 0
        for shard, node in enumerate(self.nodes):
            try:
                rows = self._execute(node, f"SELECT COUNT(*) FROM {shard_index(shard)}")
            except ClusterUnavailable as error:
                return Health(documents=documents, problem=str(error))
            except Exception as error:  # noqa: BLE001 - a node without kimreader's index
                return Health(documents=documents, problem=f"node {node}: {_reason(error)}")
            documents += int(rows[0][0]) if rows else 0
        return Health(documents=documents)

    # -- writing ----------------------------------------------------------------------------

    def _replace(self, documents: Iterable[Document]) -> None:
        per_shard: dict[int, list[Document]] = {}
        for document in documents:
            batch = per_shard.setdefault(self._shard_of(document.id), [])
            batch.append(document)
            if len(batch) >= BATCH:
                self._replace_batch(self._shard_of(document.id), batch)
                batch.clear()
        for shard, batch in per_shard.items():
            if batch:
                self._replace_batch(shard, batch)

    def _replace_batch(self, shard: int, documents: Sequence[Document]) -> None:
        columns = ["id", "article_id", "content_hash", "published", "has_date", *TEXT_FIELDS]
        row = "(" + ",".join(["%s"] * len(columns)) + ")"
        sql = f"REPLACE INTO {shard_index(shard)} ({','.join(columns)}) VALUES " + ",".join(
            [row] * len(documents)
        )
        params: list[Any] = []
        for document in documents:
            params += _row(document)
        self._execute(self.nodes[shard], sql, params)

    def _delete(self, ids: Sequence[str]) -> None:
        per_shard: dict[int, list[int]] = {}
        for article_id in ids:
            per_shard.setdefault(self._shard_of(article_id), []).append(document_id(article_id))
        for shard, docids in per_shard.items():
            for start in range(0, len(docids), BATCH):
                chunk = ",".join(str(d) for d in docids[start : start + BATCH])
                self._execute(
                    self.nodes[shard], f"DELETE FROM {shard_index(shard)} WHERE id IN ({chunk})"
                )


class _ClusterWriter:
    def __init__(self, backend: SphinxBackend) -> None:
        self._backend = backend

    def stored_hashes(self) -> dict[str, str]:
        return self._backend.stored_hashes()

    def add(self, documents: Iterable[Document]) -> None:
        self._backend._replace(documents)

    def delete(self, ids: Sequence[str]) -> None:
        self._backend._delete(ids)


def _row(document: Document) -> list[Any]:
    """The values of one document, in the column order of `_replace_batch`."""
    names = {
        kind: "\n".join(name for names in document.entities.get(kind, ()) for name in names)
        for kind in ("person", "org", "place")
    }
    texts = {
        "title": document.title,
        "body": document.body,
        "source": document.source,
        "author": "\n".join(document.authors),
        "feed": getattr(document, "feed", "") or "",
        **names,
    }
    published = document.published
    return [
        document_id(document.id),
        document.id,
        document.hash,
        _epoch(published) if published is not None else 0,
        1 if published is not None else 0,
        *(texts[name] for name in TEXT_FIELDS),
    ]


def _distinctive_words(body: str, count: int) -> list[str]:
    """The body's most frequent words that are not stop words (Whoosh's English list)."""
    import re
    from collections import Counter

    from whoosh.analysis import STOP_WORDS

    words = (w for w in re.findall(r"[^\W\d_]{3,}", body.casefold()) if w not in STOP_WORDS)
    return [word for word, _ in Counter(words).most_common(count)]


def _reason(error: BaseException) -> str:
    args: tuple[object, ...] = getattr(error, "args", ())
    return str(args[1]) if len(args) > 1 else str(error)


def node_status(url: str) -> list[tuple[str, str]]:
    """(node, "up: N articles in shard i" or "down: reason") for each node of an engine url."""
    backend = SphinxBackend(url, Path("."))
    states = []
    for shard, node in enumerate(backend.nodes):
        try:
            rows = backend._execute(node, f"SELECT COUNT(*) FROM {shard_index(shard)}")
            states.append((str(node), f"up: {rows[0][0] if rows else 0} articles in shard {shard}"))
        except ClusterUnavailable as error:
            states.append((str(node), f"down: {error}"))
        except Exception as error:  # noqa: BLE001 - answered, but without kimreader's index
            states.append((str(node), f"up, but no {shard_index(shard)}: {_reason(error)}"))
    backend.close()
    return states
