"""`kimreader doctor`: check the library and its index, repair what can be repaired, say what.

Safe to run at any time, also while another kimreader imports: files are only removed when they
are leftovers (unfinished writes, entities of deleted articles), and the index is written under
Whoosh's lock, waiting for the other writer.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from typing import Any

from kimreader.corpus.library import LibraryError
from kimreader.corpus.userstate import StateError
from kimreader.index.search import IndexBusy
from kimreader.index.workspace import DerivedProgress, Workspace, had_before

# An unfinished write (without its writer's pid) younger than this may be in progress.
TEMP_GRACE_SECONDS = 60.0
_TEMP_PID = re.compile(r"\.tmp-(\d+)-")


@dataclass
class Findings:
    lines: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        lines = [
            *self.lines,
            *(f"repaired: {item}" for item in self.repaired),
            *(f"note: {item}" for item in self.notes),
            *(f"problem: {item}" for item in self.problems),
            "all well" if not self.problems else f"{len(self.problems)} problem(s) left",
        ]
        return {
            "ok": not self.problems,
            "lines": lines,
            "repaired": self.repaired,
            "problems": self.problems,
            "notes": self.notes,
        }


def run_doctor(
    workspace: Workspace,
    *,
    extract_entities: bool = True,
    embed: bool = True,
    temp_grace: float = TEMP_GRACE_SECONDS,
    progress: DerivedProgress | None = None,
) -> dict[str, Any]:
    """Returns {ok, lines, repaired, problems, notes}; `ok` is False when something is left broken.

    With extract_entities=False, articles without entities are a note, not a problem (they
    were imported with --no-entities). With embed=False, so are articles without sentence
    embeddings (about 125 words a second: hours for a large library; the app fills them in
    the background). `progress(what, done, total)` is told how the extraction of what is
    missing goes (for a library imported without them, the longest part by far).
    """
    found = Findings(lines=[f"library: {workspace.library.root}"])
    if not os.access(workspace.library.root, os.W_OK):
        found.problems.append(f"{workspace.library.root}: the library folder is not writable")
    _remove_unfinished_writes(workspace, found, temp_grace)
    _empty_trash(workspace, found)
    known = _check_articles(workspace, found)
    for name in workspace.library.untext_file_names():
        found.problems.append(
            f"{name}: not read as an article: its name is not text (rename it; the library "
            "leaves it alone)"
        )
    _remove_orphan_sidecars(workspace, found, known)
    if _check_corrections(workspace, found):
        _check_entities(workspace, found, extract_entities, progress)
        _check_embeddings(workspace, found, extract_entities and embed, progress)
        _check_index(workspace, found)
    _check_user_state(workspace, found, known)
    return found.to_json()


def _remove_unfinished_writes(workspace: Workspace, found: Findings, grace: float) -> None:
    """Temp files of a write that was killed before its rename (never counted as articles).

    A temp file names its writer's pid: while that process lives, the write may be in progress.
    """
    now = time.time()
    for stray in sorted(workspace.library.stray_temp_files()):
        match = _TEMP_PID.match(stray.name)
        try:
            if match and int(match.group(1)) != os.getpid():
                in_progress = _alive(int(match.group(1)))
            else:
                in_progress = now - stray.stat().st_mtime < grace
            if in_progress:
                found.notes.append(f"{stray.name}: a write in progress (left alone)")
                continue
            stray.unlink()
            found.repaired.append(f"removed an unfinished write: {stray.name}")
        except FileNotFoundError:
            continue  # its writer finished (renamed it) meanwhile
        except OSError as error:
            found.problems.append(f"{stray}: cannot remove an unfinished write ({error.strerror})")


def _empty_trash(workspace: Workspace, found: Findings) -> None:
    """Removed articles are kept TRASH_DAYS days for `kimreader restore`, then deleted."""
    from kimreader.corpus.library import TRASH_DAYS

    try:
        emptied = workspace.library.empty_trash(TRASH_DAYS)
    except OSError as error:
        found.problems.append(f"trash: cannot empty ({error.strerror})")
        return
    for article_id in emptied:
        found.repaired.append(
            f"deleted {article_id} from the trash (removed over {TRASH_DAYS} days ago)"
        )
    kept = len(workspace.library.trashed())
    if kept:
        found.notes.append(f"trash: {kept} removed article(s) kept for 'kimreader restore'")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _check_articles(workspace: Workspace, found: Findings) -> set[str]:
    """Read every article file; each unreadable one is a problem line (file: reason)."""
    unreadable = workspace.library.refresh()
    found.problems.extend(str(error) for error in unreadable)
    catalog = workspace.library.catalog()
    found.lines.append(f"articles: {len(catalog)} readable, {len(unreadable)} unreadable")
    return {entry.id for entry in catalog}


def _remove_orphan_sidecars(workspace: Workspace, found: Findings, known: set[str]) -> None:
    """Derived data (entities, sentence embeddings: each step's sidecars) of articles deleted
    outside kimreader, or from the trash."""
    from kimreader.index.derived import STEPS

    library = workspace.library
    for step in STEPS:
        for sidecar in sorted(library.state_dir.glob(f"{step.name}/*.json")):
            if sidecar.name.startswith("."):
                continue  # a write in progress (pathlib's glob matches hidden files); see above
            if sidecar.stem in known or library.path_for(sidecar.stem).exists():
                continue  # (an article written since the catalog was read is not an orphan)
            try:
                sidecar.unlink(missing_ok=True)
                found.repaired.append(f"removed {step.label} of a deleted article: {sidecar.stem}")
            except OSError as error:
                found.problems.append(f"{sidecar}: cannot remove ({error.strerror})")


def _check_corrections(workspace: Workspace, found: Findings) -> bool:
    """The user's entity corrections, applied to every entity the index holds: a damaged file
    is a problem (it is the user's: never rewritten), and the steps that write the index wait
    until it is fixed (else the index would hold entities without the corrections)."""
    from kimreader.analysis.corrections import CorrectionError, current_corrections

    try:
        current_corrections(workspace.library.root)  # the index's rebuild applies this reading
    except CorrectionError as error:
        found.problems.append(str(error))
        found.notes.append(
            "entities, sentence embeddings and the search index not checked until the "
            "corrections file is fixed"
        )
        return False
    return True


def _check_entities(
    workspace: Workspace, found: Findings, extract: bool, progress: DerivedProgress | None
) -> None:
    try:
        unindexed = workspace.reindex_unindexed()
    except (LibraryError, OSError, IndexBusy) as error:
        found.problems.append(f"cannot index stored entities: {error}")
        return
    if unindexed:
        found.repaired.append(f"indexed the entities an interrupted import stored ({unindexed})")
    survey = workspace.survey("entities")  # each article's stored file read once
    missing, older = survey.missing, survey.older
    if not missing:
        return
    if not extract:
        _note_pending(found, missing, older, "entities", " (imported without them)")
        return
    try:

        def told(done: int, total: int) -> None:
            if progress is not None:
                progress("entities", done, total)

        filled = workspace.fill_missing_entities(progress=told, survey=survey)
    except (LibraryError, OSError, IndexBusy) as error:
        found.problems.append(f"cannot extract missing entities: {error}")
        return
    found.repaired.append(
        f"extracted entities for {filled} article(s){had_before(len(missing), older)}"
    )


def _check_embeddings(
    workspace: Workspace, found: Findings, compute: bool, progress: DerivedProgress | None
) -> None:
    """Sentence embeddings are derived like entities: filled in when entities would be. Those
    an earlier kimreader made for the sentences the article is cut into today are kept (stamped
    with today's version, see derived.restamp), and said apart from those computed."""
    from kimreader.analysis.embed import EmbeddingModelError, model_available

    if not model_available():
        found.notes.append("sentence-embedding model not installed: comparisons use words")
        return
    try:
        # Each article's stored file read once: what is missing, what an earlier kimreader
        # made, and (computing) the rows still right stamped anew as they are found.
        survey = workspace.survey("embeddings", restamp_now=compute)
    except (LibraryError, OSError) as error:  # stamping the rows still right anew
        found.problems.append(f"cannot compute missing sentence embeddings: {error}")
        return
    missing, older = survey.missing, survey.older
    if not missing:
        return
    if not compute:
        _note_pending_embeddings(found, missing, older, survey.same)
        return
    left, kept = survey.left, survey.same
    try:
        filled = workspace.fill_missing_embeddings(progress=progress, survey=survey)
    except (LibraryError, OSError, EmbeddingModelError) as error:
        found.problems.append(f"cannot compute missing sentence embeddings: {error}")
        return
    if kept:
        found.repaired.append(
            f"kept the sentence embeddings of {kept} article(s) {_SAME} (stamped anew, not "
            "computed)"
        )
    if left:
        had = had_before(len(left), older - kept)
        found.repaired.append(f"computed sentence embeddings for {filled} article(s){had}")


_SAME = "that an earlier kimreader made for the same sentences"


def _note_pending_embeddings(found: Findings, missing: list[str], older: int, same: int) -> None:
    """_note_pending for sentence embeddings, whose earlier rows are of two kinds: for the same
    sentences (`same`: used as they are, and only stamped anew) or not (not used until
    computed)."""
    _note_none(found, missing, older, "sentence embeddings")
    if same:
        found.notes.append(
            f"{same} article(s) have sentence embeddings {_SAME}: used as they are, and "
            "stamped anew by the app or 'kimreader doctor' (nothing to compute)"
        )
    if older > same:
        found.notes.append(
            f"{older - same} article(s) have sentence embeddings an earlier kimreader made for "
            "other sentences (or by another model): not used (comparing them goes by words) "
            "until the app or 'kimreader doctor' computes them anew"
        )


def _note_pending(
    found: Findings, missing: list[str], older: int, what: str, why_none: str = ""
) -> None:
    """Notes for derived data left to the app: how many articles have none, and how many have
    data an earlier kimreader made (still shown until recomputed)."""
    _note_none(found, missing, older, what, why_none)
    if older:
        found.notes.append(
            f"{older} article(s) have {what} made by an earlier kimreader "
            "(still shown until recomputed)"
        )


def _note_none(
    found: Findings, missing: list[str], older: int, what: str, why_none: str = ""
) -> None:
    """How many of the articles lacking today's data have none at all (`older` have an
    earlier kimreader's)."""
    if len(missing) > older:
        found.notes.append(f"{len(missing) - older} article(s) have no {what}{why_none}")


def _check_index(workspace: Workspace, found: Findings) -> None:
    """Bring the index in line; if it still disagrees with the library, or cannot be read
    through, rebuild it from the library's files."""
    index = workspace.index
    catalog = {entry.id: entry.hash for entry in workspace.library.catalog()}
    try:
        report = index.ensure()
        if report.rebuilt:
            found.repaired.append(f"rebuilt the search index ({report.rebuilt})")
        elif report.changed:
            found.repaired.append(
                f"brought the index up to date: {report.added} added, {report.updated} updated,"
                f" {report.removed} removed"
            )
        found.problems.extend(p for p in report.problems if p not in found.problems)
        reason = _index_disagrees(workspace, catalog)
        if reason:
            index.rebuild()
            found.repaired.append(f"rebuilt the search index ({reason})")
            reason = _index_disagrees(workspace, catalog)
            if reason:
                found.problems.append(f"the search index is still wrong after a rebuild: {reason}")
    except IndexBusy as error:
        found.problems.append(f"{error} (run kimreader doctor again when it is done)")
        return
    except OSError as error:
        found.problems.append(f"{index.directory}: cannot write the index ({error.strerror})")
        return
    found.lines.append(f"index: {len(catalog)} articles, consistent with the library")


def _index_disagrees(workspace: Workspace, catalog: dict[str, str]) -> str:
    """Why the index does not match the library's articles, or "" when it does."""
    index = workspace.index
    health = index.backend.health()
    if health.problem:
        return health.problem
    try:
        indexed = index.stored_hashes()
    except Exception as error:  # any failure reading a cache: it is rebuilt
        return f"unreadable: {type(error).__name__}"
    if indexed == catalog and health.documents == len(catalog):
        return ""
    missing, extra = len(catalog.keys() - indexed.keys()), len(indexed.keys() - catalog.keys())
    stale = sum(1 for key in catalog.keys() & indexed.keys() if catalog[key] != indexed[key])
    return f"it disagreed with the library: {missing} missing, {extra} extra, {stale} outdated"


def _check_user_state(workspace: Workspace, found: Findings, known: set[str]) -> None:
    """The reader's own data is checked, never repaired or rebuilt: a problem is reported."""
    state = workspace.state
    try:
        damage = state.check()
        noted = sorted(state.noted_ids() & known)
        snapshot = state.snapshot()
    except StateError as error:
        found.problems.append(str(error))
        return
    if damage:
        found.problems.append(f"{state.path}: damaged ({damage}); restore it from a backup")
        return
    # The notes, tags and stars of articles deleted (from the trash, or by hand) are kept: said.
    trashed = {path.stem for path in workspace.library.trashed()}
    marked = set(snapshot.notes) | set(snapshot.tags) | snapshot.starred
    deleted = [i for i in marked - known - trashed if not workspace.library.path_for(i).exists()]
    if deleted:
        found.notes.append(
            f"kept the notes, tags and stars of {len(deleted)} deleted article(s) in {state.path}"
            " (your own data: kimreader never deletes it)"
        )
    for article_id in noted:
        try:
            found.notes.extend(workspace.lost_notes(workspace.get(article_id)))
        except LibraryError:
            continue
