"""Imports in two phases: articles stored and searchable first, derived data (entities) after,
in worker processes, resumable where it was interrupted."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.index import derived
from kimreader.index.workspace import Workspace

REPORTS = [
    (
        f"report-{n}.md",
        f"# Zorblat visit {n}\n\nXi Jinping met Kim Jong Un in Beijing on day {n}.\n",
    )
    for n in range(12)
]


def _sources(folder: Path) -> Path:
    folder.mkdir()
    for name, text in REPORTS:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_an_import_is_searchable_and_then_gets_its_entities(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "lib")
    report = workspace.add_paths([_sources(tmp_path / "in")])
    assert len(report.added) == len(REPORTS)
    assert workspace.missing_entities() == []
    found = workspace.search('person:"Kim Jong Un" place:beijing', limit=50)
    assert set(report.added) <= {hit.id for hit in found.hits}  # re-indexed with them


def test_interrupted_extraction_resumes_where_it_stopped(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "lib")
    workspace.add_paths([_sources(tmp_path / "in")], with_entities=False)  # phase 1 only
    pending = workspace.missing_entities()
    assert len(pending) == len(REPORTS)  # (the shipped reports come with theirs)
    assert workspace.search("title:zorblat beijing").total == len(
        REPORTS
    )  # searchable before entities
    # As if killed after storing one batch, before re-indexing it:
    first = [workspace.get(i) for i in pending[:5]]
    step = derived.step_named("entities")
    derived.store(workspace.library, step, first, derived.entities_of(first))
    filled = workspace.fill_derived(processes=2, steps=[step])  # a pool of two processes
    assert filled == len(pending) - len(first)
    assert workspace.missing_entities() == []
    assert workspace.search("place:beijing title:zorblat", limit=50).total == len(REPORTS)


def test_sentence_embeddings_are_a_background_step(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "lib")
    report = workspace.add_paths([_sources(tmp_path / "in")])
    assert workspace.missing_entities() == []  # an import fills its at-import steps...
    pending = workspace.missing_embeddings()
    assert set(report.added) <= set(pending)  # ...not the embeddings (10x slower than NER)
    assert derived.step_named("embeddings") not in derived.active_steps(at_import=True)
    a, b = (workspace.get(i) for i in report.added[:2])
    verdict = workspace.compare(a, b).verdict
    assert verdict is not None and "sentence embeddings pending" in verdict.summary()

    def quit_now() -> None:  # the app quitting while a worker process embeds
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        workspace.fill_missing_embeddings(heartbeat=quit_now)
    assert len(workspace.missing_embeddings()) >= len(pending) - derived.BATCH  # not waited for
    workspace.fill_derived()  # the app's background job: what was left
    assert workspace.missing_embeddings() == []
    assert workspace.compare(a, b).method == "meaning"


def lengths(articles: Sequence[Article]) -> list[Any]:
    return [len(article.body.split()) for article in articles]


def test_a_step_is_one_entry(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "lib")
    workspace.add_paths([_sources(tmp_path / "in")], with_entities=False)
    words = derived.Step("words", "word counts", lengths, 1, indexed=False)
    assert len(derived.pending(workspace.library, words)) >= len(REPORTS)
    filled = derived.fill(workspace.library, workspace.index, [words], processes=1)
    assert filled["words"] >= len(REPORTS)
    assert derived.pending(workspace.library, words) == []
    entry = workspace.library.catalog()[0]
    assert (
        workspace.library.read_sidecar("words", entry.id, entry.hash)
        == lengths([workspace.get(entry.id)])[0]
    )


def test_data_of_an_older_extractor_is_shown_until_recomputed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade that changes extraction, a library's stored entities are outdated:
    they are still what the sidebar shows, and the background step recomputes them."""
    workspace = Workspace.open(tmp_path / "lib")
    report = workspace.add_paths([_sources(tmp_path / "in")])
    library, step = workspace.library, derived.step_named("entities")
    assert not derived.maybe_pending(library, [step])
    article = workspace.get(report.added[0])
    old = [{"name": "Zorblat Old", "type": "person", "mentions": [[0, 7]]}]
    for entry in library.catalog():  # as an older kimreader stored them: no version
        library.write_sidecar("entities", entry.id, {"hash": entry.hash, "data": old})
    newer = derived.Step("entities", "entities", derived.entities_of, step.version + 1, True)
    assert derived.maybe_pending(library, [newer])  # the cheap look sees the upgrade
    assert len(derived.pending(library, newer)) == len(library.catalog())
    assert [e.name for e in workspace.entities(article)] == ["Zorblat Old"]  # still shown
    # doctor says what they are: not missing, but an earlier kimreader's
    from kimreader.index.doctor import run_doctor

    monkeypatch.setattr(derived, "STEPS", (newer, *derived.STEPS[1:]))
    said = run_doctor(workspace, extract_entities=False, embed=False)
    count = len(library.catalog())
    assert f"{count} article(s) have entities made by an earlier kimreader" in " ".join(
        said["notes"]
    )
    assert not any("have no entities" in note for note in said["notes"])
    workspace.fill_derived(processes=1, steps=[newer])
    assert derived.pending(library, newer) == []
    assert not derived.maybe_pending(library, [newer])
    assert "Kim Jong Un" in {e.name for e in workspace.entities(article)}
    assert derived.maybe_pending(library, [step])  # an older kimreader's data would be redone


SLOW_STEP = """
import sys, time
from pathlib import Path

from kimreader.corpus.library import Library
from kimreader.index import derived


def sleepy(articles):
    time.sleep(3600)
    return [None for _ in articles]


if __name__ == "__main__":
    step = derived.Step("sleepy", "sleeping", sleepy, 1, indexed=False, at_import=False)
    derived.fill(Library.open(Path(sys.argv[1])), None, [step], processes=1)
"""


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in state


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    """SIGKILL (the OOM killer, a dropped SSH session) cannot stop a pool: its workers must
    notice on their own, not compute on and then wait forever holding a model in memory."""
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "slow_step.py"
    script.write_text(SLOW_STEP, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), str(tmp_path / "lib")])
    workers: list[int] = []
    try:
        for _ in range(600):  # a hang guard: the pool's worker starts
            workers = [p for p in _children(parent.pid) if "spawn_main" in _cmdline(p)]
            if workers:
                break
            time.sleep(0.2)
        assert workers, "no worker process was started"
        time.sleep(1.0)  # the worker is inside its batch
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    for _ in range(600):  # a hang guard; the worker checks its parent every second
        if all(_gone(pid) for pid in workers):
            break
        time.sleep(0.2)
    stray = [pid for pid in workers if not _gone(pid)]
    for pid in stray:
        os.kill(pid, signal.SIGKILL)
    assert stray == [], "a worker outlived its killed parent"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_workers_started_during_phase_one_extract_what_one_process_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    from kimreader.index import workspace as workspace_module

    monkeypatch.setattr(workspace_module, "PARALLEL_IMPORT", 8)  # 12 files: a warm pool
    # Batches of 2: 8 articles are given to the workers before the index is built, 4 after.
    monkeypatch.setattr(derived, "BATCH", 2)
    started: list[int] = []
    real = derived.warm_pool

    def counted(processes: int, articles: int) -> Any:
        pool = real(processes, articles)
        started.append(processes)
        return pool

    monkeypatch.setattr(derived, "warm_pool", counted)
    sources = _sources(tmp_path / "in")
    one, two = Workspace.open(tmp_path / "one"), Workspace.open(tmp_path / "two")
    one.add_paths([sources], processes=1)
    report = two.add_paths([sources], processes=2)
    assert started == [1, 2]
    assert two.missing_entities() == []
    for article_id in report.added:
        article = two.get(article_id)
        assert two.entities(article) == one.entities(one.get(article_id))
    again = two.add_paths([sources], processes=2)  # nothing to extract: workers stopped
    assert len(again.unchanged) == len(REPORTS)
    assert multiprocessing.active_children() == []


def test_data_stored_for_an_article_not_yet_indexed_is_not_noted_for_re_indexing(
    tmp_path: Path,
) -> None:
    """A restored article gets its entities before the sync that adds it (reading them): it
    is indexed once, not added and then re-indexed for the note."""
    workspace = Workspace.open(tmp_path / "lib")
    article = Article.create("Restored", "Kim Jong Un met Xi Jinping in Beijing.\n")
    workspace.library.add(article)
    entities = derived.step_named("entities")
    derived.store(workspace.library, entities, [article], [[]], in_index=False)
    assert not derived.has_unindexed(workspace.library)
    derived.store(workspace.library, entities, [article], [[]])
    assert derived.has_unindexed(workspace.library)


def _embedded_by_the_fifteenth_round(
    tmp_path: Path,
) -> tuple[Workspace, tuple[Article, Article, Article], dict[str, Any]]:
    """A library whose sentence embeddings the fifteenth round stored (version 1): two
    development Wikinews articles written a paragraph a line (a scraped page's form), whose
    rows were one paragraph's sentences then, and a third cut as before (blank lines between
    its paragraphs); (the workspace, the three articles, each one's stored rows)."""
    import numpy as np
    from conftest import scraped_body, wikinews_body

    from kimreader.analysis.embed import DIMENSIONS, ArticleEmbeddings
    from kimreader.analysis.text import all_sentences, sentences

    folder = tmp_path / "in"
    folder.mkdir()
    for stem in ("540-million-private-facebook-records-found-on-public-interne",
                 "actor-doris-day-dies-at-97"):  # fmt: skip
        (folder / f"{stem}.txt").write_text(f"{stem}\n{scraped_body(stem)}", "utf-8")
    cut_as_before = "aftershocks-increase-death-toll-of-magnitude-6-3-earthquake"
    (folder / "z.txt").write_text(f"{cut_as_before}\n\n{wikinews_body(cut_as_before)}", "utf-8")
    workspace = Workspace(Library.open(tmp_path / "lib", seed=False))
    added = workspace.add_paths([folder], with_entities=False).added
    a, b, c = (workspace.get(i) for i in added)
    assert c.title == cut_as_before
    library, step = workspace.library, derived.step_named("embeddings")
    stored = {}
    for article in (a, b, c):  # as the previous release stored them: a, b one paragraph
        old = all_sentences(article.body) if article is c else sentences(article.body)
        assert (old == all_sentences(article.body)) == (article is c)
        vectors = np.zeros((len(old), DIMENSIONS), dtype="float16")  # (the rows' values)
        stored[article.id] = ArticleEmbeddings(tuple((s.start, s.end) for s in old), vectors)
        payload = {"hash": article.hash, "version": 1, "data": stored[article.id].to_json()}
        library.write_sidecar("embeddings", article.id, payload)
    derived._record_current(library, replace(step, version=1), library.checked_digest())
    return workspace, (a, b, c), stored


def test_embeddings_stored_under_an_older_sentence_splitting_are_recomputed(
    tmp_path: Path,
) -> None:
    """Sentence embeddings are one row per sentence. A text written a paragraph a line (here two
    development Wikinews articles as a scraped page writes them) was one paragraph until
    versions.SENTENCES 2: a library of that release has rows for other sentences, which the
    comparison cannot use. They are pending for the background step, which recomputes them;
    those of a text cut as before (a third article, with blank lines between its paragraphs)
    are only stamped with the new version."""
    workspace, (a, b, c), stored = _embedded_by_the_fifteenth_round(tmp_path)
    library, step = workspace.library, derived.step_named("embeddings")
    verdict = workspace.compare(a, b).verdict
    assert verdict is not None and "sentence embeddings pending" in verdict.summary()
    assert derived.maybe_pending(library, [step])  # the app's cheap look starts its job
    assert set(workspace.missing_embeddings()) == {a.id, b.id, c.id}
    assert workspace.fill_missing_embeddings() == 3  # the app's background job, and doctor's
    assert workspace.missing_embeddings() == []
    kept = library.read_sidecar("embeddings", c.id, c.hash, step.version)
    assert kept == stored[c.id].to_json()  # stamped anew, not computed again (rows of zeros)
    assert library.read_sidecar("embeddings", a.id, a.hash) != stored[a.id].to_json()
    comparison = workspace.compare(a, b)
    assert comparison.method == "meaning" and comparison.verdict is not None
    assert "sentence embeddings pending" not in comparison.verdict.summary()


def test_doctor_says_which_earlier_embeddings_it_kept_and_which_it_computed(
    tmp_path: Path,
) -> None:
    """After the upgrade of versions.SENTENCES 2, `kimreader doctor` computes the rows of the
    two articles written a paragraph a line and only stamps anew those of the third, cut as
    before: it says so, not "computed" for all three."""
    from kimreader.index.doctor import run_doctor

    workspace, (a, b, c), stored = _embedded_by_the_fifteenth_round(tmp_path)
    repaired = run_doctor(workspace)["repaired"]
    assert (
        "kept the sentence embeddings of 1 article(s) that an earlier kimreader made for the "
        "same sentences (stamped anew, not computed)"
    ) in repaired
    assert (
        "computed sentence embeddings for 2 article(s) that had only an earlier kimreader's"
    ) in repaired
    version = derived.step_named("embeddings").version
    kept = workspace.library.read_sidecar("embeddings", c.id, c.hash, version)
    assert kept == stored[c.id].to_json()  # the rows of zeros: not computed
    assert workspace.missing_embeddings() == []


def test_doctor_tells_how_far_the_extraction_it_runs_got(tmp_path: Path) -> None:
    """`kimreader doctor` on a library imported without its derived data computes it, which
    at thousands of articles takes hours (sentence embeddings): progress is told, step by step,
    up to the number of articles it had to fill."""
    from kimreader.index.doctor import run_doctor

    workspace, articles, _ = _embedded_by_the_fifteenth_round(tmp_path)
    told: list[tuple[str, int, int]] = []
    found = run_doctor(
        workspace, progress=lambda what, done, total: told.append((what, done, total))
    )
    assert not found["problems"]
    said = {what for what, _, _ in told}
    assert said == {"entities", derived.step_named("embeddings").label}, told
    for what in said:
        last = [(done, total) for w, done, total in told if w == what][-1]
        assert last[0] == last[1] > 0, told


def test_doctor_without_embeddings_says_what_becomes_of_earlier_ones(tmp_path: Path) -> None:
    """`kimreader doctor --no-embeddings` after the upgrade of versions.SENTENCES 2 says what
    becomes of the earlier rows: those for the same sentences (the third article) are used as
    they are and only stamped anew; the others (two articles written a paragraph a line) are
    not used, a comparison of them goes by words, until they are computed."""
    from kimreader.index.doctor import run_doctor

    workspace, (a, b, c), _ = _embedded_by_the_fifteenth_round(tmp_path)
    notes = run_doctor(workspace, embed=False)["notes"]
    assert (
        "1 article(s) have sentence embeddings that an earlier kimreader made for the same "
        "sentences: used as they are, and stamped anew by the app or 'kimreader doctor' "
        "(nothing to compute)"
    ) in notes
    assert (
        "2 article(s) have sentence embeddings an earlier kimreader made for other sentences "
        "(or by another model): not used (comparing them goes by words) until the app or "
        "'kimreader doctor' computes them anew"
    ) in notes
    assert workspace.embeddings(a) is None and workspace.compare(a, b).method == "words"
    assert workspace.embeddings(c) is not None  # used as it is
    assert len(workspace.missing_embeddings()) == 3  # nothing done


def _counting_sidecar_reads(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> dict[tuple[str, str], int]:
    """{(kind, article id): reads of that stored file}, counted from now on."""
    reads: dict[tuple[str, str], int] = {}

    def counting(original: Any) -> Any:
        def counted(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self.parent.parent == library.state_dir and self.suffix == ".json":
                key = (self.parent.name, self.stem)
                reads[key] = reads.get(key, 0) + 1
            return original(self, *args, **kwargs)

        return counted

    for method in ("read_text", "read_bytes"):
        monkeypatch.setattr(Path, method, counting(getattr(Path, method)))
    return reads


@pytest.mark.parametrize("embed", [False, True])
def test_doctor_reads_each_stored_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embed: bool
) -> None:
    """After an upgrade, doctor reads each article's stored data once: what lacks today's
    version, what an earlier kimreader made, which of that is still right (and stamped anew)
    came from one pass (the embeddings were read three times, five or six while computing
    them). Three development Wikinews articles whose embeddings the fifteenth round stored."""
    from kimreader.index.doctor import run_doctor

    workspace, articles, _ = _embedded_by_the_fifteenth_round(tmp_path)
    workspace.fill_missing_entities()  # today's entities: read once too
    reads = _counting_sidecar_reads(workspace.library, monkeypatch)
    found = run_doctor(workspace, embed=embed)
    assert not found["problems"]
    for article in articles:
        assert reads.get(("embeddings", article.id)) == 1, (article.id, reads)
        assert reads.get(("entities", article.id)) == 1, (article.id, reads)
    assert len(workspace.missing_embeddings()) == (0 if embed else 3)
    step = derived.step_named("embeddings")
    assert derived.maybe_pending(workspace.library, [step]) is not embed  # recorded when done


def test_an_article_edited_since_its_data_was_made_is_pending(tmp_path: Path) -> None:
    """An article updated by an import (or edited in its file) keeps its file of data made for
    its old text, which no reader takes (another hash): the count of files does not show it,
    and the background step's cheap look (the app's) must. A development Wikinews article."""
    from conftest import wikinews_body

    workspace = Workspace(Library.open(tmp_path / "lib", seed=False))
    source = tmp_path / "doris-day.md"
    body = wikinews_body("actor-doris-day-dies-at-97")
    front = "---\ntitle: Doris Day dies at 97\nurl: https://en.wikinews.org/wiki/Doris_Day\n---\n\n"
    source.write_text(front + body, "utf-8")
    [added] = workspace.add_paths([source], with_entities=False).added
    words = derived.Step("words", "word counts", lengths, 1, indexed=False, at_import=False)
    derived.fill(workspace.library, workspace.index, [words], processes=1)
    assert not derived.maybe_pending(workspace.library, [words])
    edited = body.replace("Doris Day died on Monday", "Doris Day died peacefully on Monday")
    source.write_text(front + edited, "utf-8")
    assert workspace.add_paths([source], with_entities=False).updated == [added]
    assert derived.maybe_pending(workspace.library, [words])
    assert derived.pending(workspace.library, words) == [added]
    derived.fill(workspace.library, workspace.index, [words], processes=1)
    article = workspace.get(added)
    assert "died peacefully" in article.body
    assert workspace.library.read_sidecar("words", added, article.hash, 1) == lengths([article])[0]
    assert not derived.maybe_pending(workspace.library, [words])


def test_embeddings_of_another_embedder_are_not_restamped(tmp_path: Path) -> None:
    """Only the rows today's EMBEDDER made under an older sentence splitting are stamped anew
    where the sentences are the same (versions.EMBEDDINGS_TO_RESTAMP): rows another EMBEDDER
    made (a new model or pooling under the same model name; a newer release's, after a
    downgrade) are computed again, however well they match the sentences, and not used till
    then. Two development Wikinews articles, each cut today as before (blank lines between
    paragraphs)."""
    import numpy as np
    from conftest import wikinews_body

    from kimreader.analysis import versions
    from kimreader.analysis.embed import DIMENSIONS, ArticleEmbeddings
    from kimreader.analysis.text import all_sentences

    folder = tmp_path / "in"
    folder.mkdir()
    stems = ("aftershocks-increase-death-toll-of-magnitude-6-3-earthquake",
             "actor-doris-day-dies-at-97")  # fmt: skip
    for stem in stems:
        (folder / f"{stem}.txt").write_text(f"{stem}\n\n{wikinews_body(stem)}", "utf-8")
    workspace = Workspace(Library.open(tmp_path / "lib", seed=False))
    added = workspace.add_paths([folder], with_entities=False).added
    ours, others = (workspace.get(i) for i in added)
    library, step = workspace.library, derived.step_named("embeddings")
    other_embedder = (versions.EMBEDDER + 1) * 1000 + versions.SENTENCES
    for article, version in ((ours, versions.EMBEDDINGS_TO_RESTAMP[0]), (others, other_embedder)):
        rows = all_sentences(article.body)
        vectors = np.zeros((len(rows), DIMENSIONS), dtype="float16")
        data = ArticleEmbeddings(tuple((s.start, s.end) for s in rows), vectors).to_json()
        payload = {"hash": article.hash, "version": version, "data": data}
        library.write_sidecar("embeddings", article.id, payload)
    assert set(derived.pending(library, step)) == {ours.id, others.id}
    # Until then, the other EMBEDDER's rows are not used (its vectors do not compare with ours)
    assert workspace.embeddings(others) is None and workspace.embeddings(ours) is not None
    assert derived.restamp(library, step, [ours.id, others.id]) == ([others.id], 1)
    assert library.read_sidecar("embeddings", ours.id, ours.hash, step.version) is not None
    assert library.read_sidecar("embeddings", others.id, others.hash, step.version) is None


def test_reindex_tells_an_earlier_kimreaders_entities_from_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """After an upgrade, `kimreader reindex` says how many articles had an earlier kimreader's
    entities, as doctor does, not that they all had none."""
    from kimreader.tui.cli import main

    workspace = Workspace.open(tmp_path / "lib")
    workspace.add_paths([_sources(tmp_path / "in")])
    library, step = workspace.library, derived.step_named("entities")
    bare = library.catalog()[0].id
    (library.state_dir / "entities" / f"{bare}.json").unlink()
    newer = derived.Step("entities", "entities", derived.entities_of, step.version + 1, True)
    monkeypatch.setattr(derived, "STEPS", (newer, *derived.STEPS[1:]))
    count = len(library.catalog())
    assert main(["--library", str(library.root), "reindex"]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"indexed {count} articles; entities extracted for {count}: 1 had none, "
        f"{count - 1} an earlier kimreader's\n"
    )
