"""A library with its search index and entities: what the app and the command line open.

This is the one place that imports articles end to end: read files, extract entities in one
streaming pass, store each article atomically (entities first, the article file last), then
bring the index up to date. A crash at any point leaves whole articles; the next start indexes
whatever the index is missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kimreader.analysis.entity import Entity
from kimreader.corpus.article import Article
from kimreader.corpus.library import Library, LibraryError
from kimreader.corpus.order import in_order
from kimreader.corpus.span import Span
from kimreader.corpus.userstate import StateError, UserState, place_notes
from kimreader.index.backend import QueryError
from kimreader.index.search import Hit, SearchIndex, SearchResult
from kimreader.index.sync import SyncReport
from kimreader.index.tracking import SplitQuery, allowed_ids, split_query

if TYPE_CHECKING:
    from kimreader.analysis.compare import Comparison
    from kimreader.analysis.corrections import Correction
    from kimreader.analysis.embed import ArticleEmbeddings
    from kimreader.analysis.related import Related
    from kimreader.corpus.readers import ReadError
    from kimreader.index.backend import SearchBackend
    from kimreader.index.derived import Step, Survey, WarmPool
    from kimreader.index.entity_terms import LibraryNames

# Related articles: up to this many articles the whole library is ranked; above, the index's
# more-like-this candidates (this many) are.
RANK_WHOLE_LIBRARY = 400
RELATED_POOL = 80
QUOTE_SHOWN = 60  # characters of a lost note's passage named in a report
PARALLEL_IMPORT = 64  # files: below this, extra spaCy processes cost more than they save
# How a note of entities shown without the user's corrections begins (see with_corrections);
# what follows it names the damaged corrections file and what is wrong.
CORRECTIONS_NOT_APPLIED = "entity corrections not applied"


def corrections_field(note: str) -> dict[str, Any]:
    """A JSON document's "entity_corrections" for a note of entities shown without the user's
    corrections (with_corrections): {"applied": false, "problem": the file and what is wrong}.
    A document whose entities have them carries no such field."""
    return {"applied": False, "problem": note.removeprefix(f"{CORRECTIONS_NOT_APPLIED}: ")}


Progress = Callable[[int, int], None]  # (done, total)
DerivedProgress = Callable[[str, int, int], object]  # (what, done, total)


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, existing id)
    failed: list[str] = field(default_factory=list)  # one line each: "file: reason"
    lost_notes: list[str] = field(default_factory=list)  # notes whose passage an update removed
    index: SyncReport | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": [{"origin": o, "id": i} for o, i in self.duplicates],
            "failed": self.failed,
            "lost_notes": self.lost_notes,
        }


def engine_backend(library: Library, engine: str | None) -> SearchBackend | None:
    """The backend an engine url names (None: the embedded default)."""
    if not engine:
        return None
    import hashlib

    from kimreader.index.sphinx_backend import SphinxBackend

    # kimreader's sync stamp for this library on this cluster lives beside the library.
    key = hashlib.sha256(engine.encode("utf-8")).hexdigest()[:12]
    return SphinxBackend(engine, library.state_dir / f"cluster-{key}")


class Workspace:
    def __init__(
        self, library: Library, engine: str | None = None, state: UserState | None = None
    ) -> None:
        """`state`: the library's reading state when already open (the app's first frame)."""
        self.library = library
        self.index = SearchIndex(library, backend=engine_backend(library, engine))
        self.state = state or UserState(library.root)  # the reader's own data: never rebuilt
        self._names_cache: tuple[object, LibraryNames] | None = None  # see _library_names

    @classmethod
    def open(cls, root: Path | None = None, engine: str | None = None) -> Workspace:
        return cls(Library.open(root), engine)

    def ensure_index(self) -> SyncReport:
        return self.index.ensure()

    def ensure_index_for_search(
        self, text: str, limit: int, offsets_for: int, *, count: bool = True
    ) -> SyncReport:
        """ensure_index(), with a search() of these arguments started while the files are
        checked (SearchIndex.ensure_for_search): for a command that runs one search."""
        return self.index.ensure_for_search(text, limit, offsets_for, count=count)

    # -- reading ----------------------------------------------------------------------------

    def get(self, article_id: str) -> Article:
        return self.library.get(article_id)

    def entities(self, article: Article, corrected: bool = True) -> list[Entity]:
        """The entities stored with an article ([] if it entered without them), with the
        user's corrections (CorrectionError when their file is damaged) unless not `corrected`."""
        stored = self.library.read_sidecar("entities", article.id, article.hash)
        if not isinstance(stored, list):
            return []
        entities = [Entity.from_json(item) for item in stored]
        return self._corrected(entities) if corrected else entities

    def entities_with_note(self, article: Article) -> tuple[list[Entity], str]:
        """An article's entities to show, and why they are without the user's corrections (""
        when they have them): see with_corrections."""
        return self.with_corrections(self.entities(article, corrected=False))

    def with_corrections(self, entities: list[Entity]) -> tuple[list[Entity], str]:
        """Entities as extracted with the user's corrections, and ""; or, when the corrections
        file is damaged, the entities as extracted and one line naming the file and what is
        wrong, for the reader, the comparison and `kimreader entities` to read on and say (the
        file is the user's: left as it is; once fixed, its corrections apply again)."""
        corrections, note = self.corrections_with_note()
        return (entities, note) if note else (self._corrected(entities, corrections), "")

    def corrections_with_note(self) -> tuple[tuple[Correction, ...], str]:
        """The user's corrections, read once for an operation over many articles, and ""; or
        none and why (see with_corrections), when their file is damaged."""
        from kimreader.analysis.corrections import CorrectionError, current_corrections

        try:
            return current_corrections(self.library.root), ""
        except CorrectionError as error:
            return (), f"{CORRECTIONS_NOT_APPLIED}: {error}"

    def compare(self, a: Article, b: Article, threshold: float | None = None) -> Comparison:
        """Two articles side by side, A leading, with their stored entities and sentence
        embeddings (by meaning when both have them, else by words: `Comparison.method`).
        `threshold` None is the one calibrated for the method. compare_with_note says when the
        entities are without the user's corrections (their file is damaged), and why."""
        return self.compare_with_note(a, b, threshold)[0]

    def compare_with_note(
        self, a: Article, b: Article, threshold: float | None = None
    ) -> tuple[Comparison, str]:
        """compare(), and why its entities are as extracted, without the user's corrections
        ("" when they have them): one line naming the damaged file (see with_corrections)."""
        from kimreader.analysis.compare import compare_articles

        entities_a, note_a = self._entities_or_none(a)
        entities_b, note_b = self._entities_or_none(b)
        cmp = compare_articles(
            a,
            b,
            entities_a,
            entities_b,
            threshold,
            embeddings_a=self.embeddings(a),
            embeddings_b=self.embeddings(b),
        )
        note = note_a or note_b
        if cmp.method != "words" or cmp.verdict is None:
            return cmp, note
        words_reason = self._words_reason()
        return replace(cmp, verdict=replace(cmp.verdict, words_reason=words_reason)), note

    @staticmethod
    def _words_reason() -> str:
        """Why a comparison goes by words: what the reader can do about it."""
        from kimreader.analysis.embed import model_available

        if not model_available():
            return "the sentence-embedding model is not installed"
        return (
            "sentence embeddings pending; the app computes them in the background, "
            "`kimreader doctor` at once"
        )

    def related(self, article: Article, limit: int | None = None) -> list[Related]:
        """Articles ranked by meaning and words together, best first, with their scores; only
        those above the "not related" cut unless `limit` is None (then every candidate: the
        compare picker's order). A small library is ranked whole; a large one ranks the index's
        more-like-this candidates."""
        from kimreader.analysis.related import rank_related

        if len(self.library) <= RANK_WHOLE_LIBRARY:
            ids = [entry.id for entry in self.library.catalog()]
        else:
            ids = [hit.id for hit in self.index.related(article.id, limit=RELATED_POOL)]
        candidates = []
        for article_id in ids:
            try:
                candidates.append(self.library.get(article_id))
            except LibraryError:
                continue  # unreadable now: doctor reports it; the others are still ranked
        vectors = {}
        for item in [article, *candidates]:
            stored = self.embeddings(item)
            if stored is not None:
                vectors[item.id] = stored.article_vector()
        ranked = rank_related(article, candidates, vectors)
        if limit is None:
            return ranked
        return [item for item in ranked if item.related][:limit]

    def _entities_or_none(self, article: Article) -> tuple[list[Entity], str]:
        """entities_with_note(), or none when they cannot be read (quotes then find names
        alone)."""
        try:
            return self.entities_with_note(article)
        except (LibraryError, OSError, ValueError, KeyError, TypeError):
            return [], ""

    def correct_entities(self, correction: Correction | None) -> tuple[Correction | None, int]:
        """Add a correction (None: undo the last one) and re-index the articles it touches.

        Returns the correction made or undone and how many articles were re-indexed.
        """
        from kimreader.analysis.corrections import (
            add_correction,
            current_corrections,
            touches,
            undo_correction,
        )

        root = self.library.root
        changed = undo_correction(root) if correction is None else correction
        if correction is not None:
            add_correction(root, correction)
        if changed is None:
            return None, 0
        affected = []
        corrections = current_corrections(root)  # read once, not once per article
        for entry in self.library.catalog():
            stored = self.library.read_sidecar("entities", entry.id, entry.hash)
            if isinstance(stored, list):
                raw = [Entity.from_json(item) for item in stored]
                if touches(changed, raw) or touches(changed, self._corrected(raw, corrections)):
                    affected.append(entry.id)
        return changed, self.index.reindex(affected) if affected else 0

    def _corrected(
        self, entities: list[Entity], corrections: Sequence[Correction] | None = None
    ) -> list[Entity]:
        """`corrections`: those an operation over many articles read once (else read now)."""
        from kimreader.analysis.corrections import corrected

        return corrected(self.library.root, entities, corrections)

    def entities_pending(self, article: Article) -> bool:
        """True while an article's entities are still to be extracted (see index/derived.py)."""
        return self.library.read_sidecar("entities", article.id, article.hash) is None

    def entities_incomplete(self) -> str:
        """What an entity search or listing must say while extraction is unfinished ("" once
        every article has its entities): it may miss articles whose entities are pending."""
        from kimreader.index.derived import pending_estimate, step_named

        pending = pending_estimate(self.library, step_named("entities"))
        if not pending:
            return ""
        total = len(self.library.catalog())
        return f"entities pending for {pending} of {total} articles: may be incomplete"

    def missing_entities(self) -> list[str]:
        """Ids of articles with no (or outdated) stored entities ("entities pending")."""
        from kimreader.index.derived import pending, step_named

        return pending(self.library, step_named("entities"))

    def embeddings(self, article: Article) -> ArticleEmbeddings | None:
        """The stored sentence embeddings of an article; None while they are missing, made for
        another version of it or by another EMBEDDER, whose rows do not compare with today's
        (the app's background job and `kimreader doctor` compute them: index/derived.py)."""
        from kimreader.analysis.embed import ArticleEmbeddings
        from kimreader.analysis.versions import EMBEDDINGS, EMBEDDINGS_TO_RESTAMP

        ours = (EMBEDDINGS, *EMBEDDINGS_TO_RESTAMP)
        stored = self.library.read_sidecar("embeddings", article.id, article.hash, ours)
        found = ArticleEmbeddings.from_json(stored) if stored is not None else None
        return found if found is not None and found.matches(article.body) else None

    def missing_embeddings(self) -> list[str]:
        """Ids of articles with no (or outdated) stored sentence embeddings."""
        from kimreader.index.derived import pending, step_named

        return pending(self.library, step_named("embeddings"))

    def embeddings_pending(self, *articles: Article) -> bool:
        """Whether any of these articles still waits for its sentence embeddings (the model is
        installed and the app's background job or `kimreader doctor` will compute them)."""
        from kimreader.analysis.embed import model_available

        return model_available() and any(self.embeddings(a) is None for a in articles)

    def fill_missing_embeddings(
        self,
        processes: int = 0,
        progress: DerivedProgress | None = None,
        heartbeat: Callable[[], object] | None = None,
        survey: Survey | None = None,
    ) -> int:
        """Embed the sentences of articles stored without, in a worker process (0 when the
        model is not installed); `heartbeat` is called while it works (it may raise to stop);
        `survey`: survey("embeddings") just made (the stored files are not read again)."""
        from kimreader.index.derived import step_named

        step = step_named("embeddings")
        if not step.available():
            return 0
        surveys = {"embeddings": survey} if survey is not None else None
        return self.fill_derived(processes, progress, [step], heartbeat, surveys=surveys)

    # -- searching: the engine's query language and the reader's own terms -------------------

    def search(
        self,
        text: str,
        limit: int = 50,
        offsets_for: int = 20,
        *,
        typing: bool = False,
        cancelled: Callable[[], bool] | None = None,
        count: bool = True,
    ) -> SearchResult:
        """Search with the whole query language; `is:`, `tag:`, `note:` and `has:` terms are
        answered by the reading state (see index/tracking.py), the rest by the engine. Entity
        terms find the entity by any of its names, and its mentions count as hits. `typing`,
        `cancelled` and `count`: see SearchIndex.search."""
        how: dict[str, Any] = {"typing": typing, "cancelled": cancelled, "count": count}
        try:
            split = split_query(text)
            if not split.groups:
                found = self.index.search(self._expand(text), limit, offsets_for, **how)
                return replace(self._with_mentions(found), query=text)
            allowed = self.tracked_ids(split)
        except (QueryError, StateError) as error:
            return SearchResult(query=text, total=0, hits=(), error=str(error))
        if split.text.strip():
            found = self.index.search(
                self._expand(split.text), limit, offsets_for, only=allowed, **how
            )
            return replace(self._with_mentions(found), query=text)
        return self._listing(text, allowed, limit)

    # -- entity terms (index/entity_terms.py) ------------------------------------------------

    def _expand(self, text: str) -> str:
        if ":" not in text:  # no field, so no entity term: entity_terms.py is not imported
            return text
        from kimreader.index.entity_terms import entity_terms, expand

        return expand(text, self._library_names()) if entity_terms(text) else text

    def _with_mentions(self, result: SearchResult) -> SearchResult:
        if ":" not in result.query:
            return result
        from kimreader.index.entity_terms import entity_terms, mention_spans, with_mentions

        terms = entity_terms(result.query)
        if not terms:
            return result
        incomplete = self.entities_incomplete()
        if incomplete:
            result = replace(result, note="; ".join(n for n in (result.note, incomplete) if n))
        names = self._library_names()
        corrections = self._current_corrections()
        hits = []
        for hit in result.hits:
            if hit.with_offsets:
                entities = self._stored_entities(hit.id, corrections)
                mentions = mention_spans(entities, terms, names)
                hit = replace(hit, matches=with_mentions(hit.matches, mentions))
            hits.append(hit)
        return replace(result, hits=tuple(hits))

    def _stored_entities(
        self, article_id: str, corrections: Sequence[Correction] | None = None
    ) -> list[Entity]:
        entry = self.library.entry(article_id)
        stored = self.library.read_sidecar("entities", article_id, entry.hash) if entry else None
        if not isinstance(stored, list):
            return []
        return self._corrected([Entity.from_json(item) for item in stored], corrections)

    def _current_corrections(self) -> tuple[Correction, ...]:
        from kimreader.analysis.corrections import current_corrections

        return current_corrections(self.library.root)

    def _library_names(self) -> LibraryNames:
        """Every merged library entity's names, rebuilt when an article or a correction changes."""
        from kimreader.analysis.corrections import corrections_path
        from kimreader.analysis.library_entities import group_library
        from kimreader.index.entity_terms import LibraryNames

        try:
            stamp = corrections_path(self.library.root).stat().st_mtime_ns
        except OSError:
            stamp = 0
        catalog = self.library.catalog()
        signature = (stamp, tuple((e.id, e.hash) for e in catalog))
        if self._names_cache is None or self._names_cache[0] != signature:
            corrections = self._current_corrections()  # read once, not once per article
            per_article = {e.id: self._stored_entities(e.id, corrections) for e in catalog}
            self._names_cache = (signature, LibraryNames.build(group_library(per_article)))
        return self._names_cache[1]

    def tracked_ids(self, split: SplitQuery) -> set[str]:
        """The library's articles that a query's state terms admit."""
        wants_notes = any(term.field == "note" for group in split.groups for term in group)
        notes = self.state.notes() if wants_notes else []
        universe = (entry.id for entry in self.library.catalog())
        return allowed_ids(split.groups, self.state.snapshot(), notes, universe)

    def _listing(self, text: str, article_ids: set[str], limit: int) -> SearchResult:
        """A query of state terms only: the articles, newest first (nothing to score)."""
        entries = in_order((e for e in self.library.catalog() if e.id in article_ids), "date")
        hits = tuple(Hit(e.id, e.title, 0.0, e.source, e.published) for e in entries[:limit])
        return SearchResult(query=text, total=len(entries), hits=hits)

    def text_query(self, text: str) -> str:
        """The part of a query the search engine answers ("" when it is all state terms)."""
        try:
            return split_query(text).text
        except QueryError:
            return text  # the engine reports what is wrong with it

    def match_offsets(self, article_id: str, text: str) -> tuple[list[Span], list[Span]]:
        from kimreader.index.entity_terms import entity_terms, mention_spans, with_mentions

        engine_text = self.text_query(text)
        if not engine_text:
            return [], []
        body, title = self.index.match_offsets(article_id, self._expand(engine_text))
        terms = entity_terms(engine_text)
        if terms:  # the entity's mentions are hits too
            names = self._library_names()
            mentions = mention_spans(self._stored_entities(article_id), terms, names)
            body = list(with_mentions(body, mentions))
        return body, title

    # -- importing --------------------------------------------------------------------------

    def add_paths(
        self,
        paths: Iterable[str | Path],
        *,
        progress: Progress | None = None,
        processes: int = 1,
        with_entities: bool = True,
    ) -> ImportReport:
        """Import files and folders; with `processes` > 1, HTML pages are read in that many
        worker processes while this one stores them (index/reading.py), and entities are
        extracted in as many."""
        from kimreader.corpus.readers import iter_paths
        from kimreader.index.reading import read_in_order

        items = list(iter_paths(paths))
        return self.add_results(
            read_in_order(items, processes),
            total=len(items),
            progress=progress,
            processes=processes if len(items) >= PARALLEL_IMPORT else 1,
            with_entities=with_entities,
        )

    def add_results(
        self,
        results: Iterable[Article | ReadError],
        *,
        total: int,
        progress: Progress | None = None,
        processes: int = 1,
        with_entities: bool = True,
    ) -> ImportReport:
        """Store articles read (or fetched) elsewhere; each ReadError is one failed line."""
        from kimreader.index import derived

        if not os.access(self.library.root, os.W_OK):  # one line, not one per file
            raise LibraryError(f"{self.library.root}: the library folder is read-only")
        report = ImportReport()
        to_store = self._classify_results(results, report, total, progress)
        # Phase 1: stored and searchable at once. Phase 2: derived data (entities) in worker
        # processes; if it is interrupted, the next add, doctor or the app finishes it. The
        # workers start (and load their model) while phase 1 runs.
        with derived.warm_pool(processes if with_entities else 1, total) as warm:
            with self.library.batch():
                for article in to_store:
                    self._store(article, report)
            if warm is not None:  # the first batches are extracted while the index is built
                warm.extract_ahead(self.library, report.added + report.updated)
            report.index = self.index.ensure()
            if with_entities:
                self.fill_missing_entities(processes, progress, warm)
        return report

    def _classify_results(
        self,
        results: Iterable[Article | ReadError],
        report: ImportReport,
        total: int,
        progress: Progress | None,
    ) -> Iterator[Article]:
        """Yield the articles that are new or changed; report the rest."""
        from kimreader.corpus.readers import ReadError  # imports only (a search needs none)

        seen_hashes: dict[str, str] = {}
        for done, result in enumerate(results, 1):
            if isinstance(result, ReadError):
                report.failed.append(str(result))
            else:
                stored = self._classify(result, report, seen_hashes)
                if stored is not None:
                    yield stored
            if progress:
                progress(done, max(total, done))

    def _classify(
        self, article: Article, report: ImportReport, seen_hashes: dict[str, str]
    ) -> Article | None:
        """The article as it is to be stored, or None when it is unchanged or a duplicate."""
        from kimreader.corpus.boilerplate import near_duplicate_key

        # The same text, or the same words (a page and its saved copy).
        near = near_duplicate_key(article.title, article.body)
        keys = [key for key in (article.hash, near) if key]
        seen = next((seen_hashes[key] for key in keys if key in seen_hashes), None)
        if seen is not None:
            report.duplicates.append((article.origin, seen))
            return None
        status, stored, duplicate_of = self.library.classify(article)
        for key in keys:
            seen_hashes[key] = stored.id if status != "duplicate" else duplicate_of
        if status == "unchanged":
            report.unchanged.append(stored.id)
            return None
        if status == "duplicate":
            report.duplicates.append((article.origin, duplicate_of))
            return None
        (report.updated if status == "updated" else report.added).append(stored.id)
        return stored

    def _store(self, article: Article, report: ImportReport) -> None:
        try:
            self.library.write(article)
        except LibraryError as error:
            # Name the file the user gave, as read errors do; the reason says where.
            report.failed.append(f"{article.origin or article.id}: not stored: {error}")
            for bucket in (report.added, report.updated):
                if article.id in bucket:
                    bucket.remove(article.id)
            return
        if article.id in report.updated:
            report.lost_notes.extend(self.lost_notes(article))

    def lost_notes(self, article: Article) -> list[str]:
        """One line per note whose passage is no longer in the article (the note is kept)."""
        return [
            f"{article.id}: note {placed.note.id} lost its passage "
            f'"{shorten(placed.note.quote)}" (kept; see kimreader notes {article.id})'
            for placed in place_notes(article.body, self.state.notes(article.id))
            if placed.lost
        ]

    def fill_derived(
        self,
        processes: int = 0,
        progress: DerivedProgress | None = None,
        steps: Sequence[Step] | None = None,
        heartbeat: Callable[[], object] | None = None,
        warm: WarmPool | None = None,
        stoppable: bool = False,
        surveys: dict[str, Survey] | None = None,
    ) -> int:
        """Extract what articles lack (by default every active step: entities, then sentence
        embeddings; see index/derived.py) in worker processes, storing it as it comes and
        re-indexing those articles; how many were filled. `stoppable`: see derived.fill.
        `surveys`: what survey() found of the steps just before (not read again)."""
        from kimreader.index import derived

        steps = derived.active_steps() if steps is None else steps
        known = surveys or {}
        if known.keys() >= {step.name for step in steps}:
            pending = any(known[step.name].left for step in steps)
        else:  # one pass of each step that has no survey: fill reads the files again
            pending = any(derived.pending(self.library, step) for step in steps)
        if not pending:
            self.reindex_unindexed()
            return 0
        self.index.ensure()  # the index must be open before documents are rewritten
        filled = derived.fill(
            self.library,
            self.index,
            steps,
            processes,
            progress,
            heartbeat,
            warm,
            stoppable,
            surveys,
        )
        return sum(filled.values())

    def survey(self, kind: str, *, restamp_now: bool = False) -> Survey:
        """What articles lack today's data of `kind` ("entities", "embeddings"), which of them
        have an earlier kimreader's, and how much of that is still right, from one read of each
        article's stored file (see derived.survey); fill_missing_*(survey=...) uses it."""
        from kimreader.index.derived import step_named, survey

        return survey(self.library, step_named(kind), restamp_now=restamp_now)

    def reindex_unindexed(self) -> int:
        """Re-index articles whose derived data an interrupted run stored but did not index."""
        from kimreader.index import derived

        if not derived.has_unindexed(self.library):
            return 0
        self.index.ensure()
        return derived.reindex_unindexed(self.library, self.index)

    def fill_missing_entities(
        self,
        processes: int = 0,
        progress: Progress | None = None,
        warm: WarmPool | None = None,
        survey: Survey | None = None,
    ) -> int:
        """Extract entities for articles that entered without them (e.g. files copied in, or an
        import interrupted before its second phase); `warm`: workers already started;
        `survey`: survey("entities") just made (the stored files are not read again)."""

        from kimreader.index.derived import active_steps

        def report(label: str, done: int, total: int) -> None:
            if progress:
                progress(done, total)

        surveys = {"entities": survey} if survey is not None else None
        steps = active_steps(at_import=True)
        return self.fill_derived(processes, report, steps, warm=warm, surveys=surveys)

    def remove(self, article_id: str) -> Article:
        article = self.library.remove(article_id)
        self.index.sync()
        return article


def had_before(missing: int, older: int) -> str:
    """What `missing` articles filled had before, `older` of them an earlier kimreader's data
    (derived.Survey.older): ends "extracted entities for N article(s)"."""
    if not older:
        return " that had none"
    if older == missing:
        return " that had only an earlier kimreader's"
    return f": {missing - older} had none, {older} an earlier kimreader's"


def shorten(text: str, width: int = QUOTE_SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
