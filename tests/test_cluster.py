"""The search cluster backend against real `searchd` nodes (two shards on loopback), next to the
embedded Whoosh index on the same library: the same queries give the same articles, the same
highlights, and clear messages for what a cluster cannot do or when a shard is down."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cluster_nodes import SEARCHD, running_cluster, stop_node

from kimreader.index.backend import Unsupported
from kimreader.index.cluster import (
    EngineUrlError,
    Node,
    engine_url,
    layout,
    node_config,
    parse_engine_url,
)
from kimreader.index.sphinx_backend import document_id
from kimreader.index.sphinxql import translate
from kimreader.index.workspace import Workspace

needs_searchd = pytest.mark.skipif(SEARCHD is None, reason="searchd (sphinxsearch) not installed")

# Queries whose answer sets both engines must agree on (ranking may differ: see the README).
QUERIES = [
    "kim",
    "kim visit",
    "title:leverage",
    '"state media"',
    "sanction*",
    "rehab -lohan",
    "lohan OR leverage",
    '"tara reid"',
    "promis* rehab",
    "rehab (lohan OR reid) -betty",
    'person:"xi jinping"',
    "source:bloomberg",
    "kim published:2018",
]


def test_engine_urls_name_one_node_per_shard() -> None:
    nodes = parse_engine_url("sphinx://127.0.0.1:9306,db2:9308/")
    assert nodes == [Node("127.0.0.1", 9306), Node("db2", 9308)]
    assert engine_url(nodes) == "sphinx://127.0.0.1:9306,db2:9308"
    for bad in ("mysql://h:1", "sphinx://h", "sphinx://h:port", "sphinx://:9306"):
        with pytest.raises(EngineUrlError, match="engine"):
            parse_engine_url(bad)


def test_each_node_config_searches_every_shard(tmp_path: Path) -> None:
    nodes = layout(tmp_path, shards=3, port=9400)
    text = node_config(nodes[1], nodes)
    assert "index kim_shard1 {" in text and "type = rt" in text
    assert "local = kim_shard1" in text
    assert "agent = 127.0.0.1:9401:kim_shard0" in text
    assert "agent = 127.0.0.1:9405:kim_shard2" in text
    assert "listen = 127.0.0.1:9402:mysql41" in text
    assert str(tmp_path / "node1" / "data") in text
    manticore = node_config(nodes[1], nodes, flavor="manticore")
    assert "listen = 127.0.0.1:9402:mysql" in manticore and "workers" not in manticore


def test_the_query_language_in_sphinxql() -> None:
    assert translate("kim visits").match == "(@(body,title) kim) (@(body,title) visits)"
    assert translate("title:leverage").match == "(@title leverage)"
    assert translate('"trade war"').match == '(@(body,title) "trade war")'
    assert translate("trade -war").match == "(@(body,title) trade) -(@(body,title) war)"
    assert translate("sanct*").match == "(@(body,title) sanct*)"
    dated = translate("kim published:2018")
    assert dated.ranges == [("published", 1514764800, 1546300799)]
    with pytest.raises(Unsupported, match="fuzzy search .* not available on the cluster"):
        translate("sanctoins~")


def test_document_ids_are_stable_and_positive() -> None:
    assert document_id("0fee46c762") == document_id("0fee46c762") > 0
    assert document_id("0fee46c762") != document_id("c12e0a7a38")


# -- against real nodes ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed_library(tmp_path_factory: pytest.TempPathFactory, shared_dir_module: Path) -> Path:
    """The shipped reports (with their entities) and 40 ECB+ reports, without extraction."""
    root = tmp_path_factory.mktemp("cluster") / "library"
    texts = sorted((shared_dir_module / "testdata/ecbplus/text").glob("*/*.txt"))[:40]
    env = {**os.environ, "KIMREADER_HOME": str(root), "KIMREADER_CONFIG": "/nonexistent"}
    subprocess.run(
        ["kimreader", "add", "--no-entities", *map(str, texts)],
        env=env,
        capture_output=True,
        check=True,
    )
    return root


@pytest.fixture(scope="module")
def shared_dir_module() -> Path:
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    if not shared.is_dir():
        pytest.skip("../shared is not present")
    return shared


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list]:
    if SEARCHD is None:
        pytest.skip("searchd (sphinxsearch) not installed")
    with running_cluster(tmp_path_factory.mktemp("nodes"), shards=2) as nodes:
        yield nodes


def _url(nodes: list) -> str:
    return engine_url([Node(n.host, n.port) for n in nodes])


@pytest.fixture(scope="module")
def both(mixed_library: Path, cluster: list) -> Iterator[tuple[Workspace, Workspace]]:
    embedded = Workspace.open(mixed_library)
    embedded.ensure_index()
    clustered = Workspace.open(mixed_library, _url(cluster))
    report = clustered.ensure_index()
    assert report.added == len(embedded.library.catalog())
    yield embedded, clustered
    embedded.index.close()
    clustered.index.close()


@needs_searchd
def test_articles_are_spread_over_both_shards(both: tuple[Workspace, Workspace]) -> None:
    embedded, clustered = both
    health = clustered.index.backend.health()
    assert health.problem == "" and health.documents == len(embedded.library.catalog())
    backend = clustered.index.backend
    shards = {backend._shard_of(entry.id) for entry in embedded.library.catalog()}
    assert shards == {0, 1}
    assert clustered.index.stored_hashes() == embedded.index.stored_hashes()


@needs_searchd
@pytest.mark.parametrize("query", QUERIES)
def test_the_same_query_finds_the_same_articles(
    both: tuple[Workspace, Workspace], query: str
) -> None:
    embedded, clustered = both
    whoosh = embedded.search(query, limit=100)
    sphinx = clustered.search(query, limit=100)
    assert not whoosh.error and not sphinx.error, (whoosh.error, sphinx.error)
    assert whoosh.total > 0, query
    assert {h.id for h in sphinx.hits} == {h.id for h in whoosh.hits}
    assert sphinx.total == whoosh.total


@needs_searchd
@pytest.mark.parametrize("query", ["kim visit", '"tara reid"', "sanction*", "title:leverage"])
def test_highlights_are_the_same_on_both_engines(
    both: tuple[Workspace, Workspace], query: str
) -> None:
    embedded, clustered = both
    whoosh = {h.id: (h.matches, h.title_matches) for h in embedded.search(query).hits}
    sphinx = {h.id: (h.matches, h.title_matches) for h in clustered.search(query).hits}
    assert sphinx == whoosh
    assert any(body or title for body, title in whoosh.values())
    article = next(iter(whoosh))
    assert clustered.match_offsets(article, query) == embedded.match_offsets(article, query)


@needs_searchd
def test_what_the_cluster_cannot_do_is_a_message(both: tuple[Workspace, Workspace]) -> None:
    _, clustered = both
    result = clustered.search("sanctoins~")
    assert result.error == "fuzzy search (sanctoins~) is not available on the cluster engine"
    assert clustered.index.suggest("sanctoins") == ""
    related = clustered.index.related(clustered.library.catalog()[0].id, limit=5)
    assert len(related) <= 5


def _kimreader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KIMREADER_HOME": str(library), "KIMREADER_CONFIG": "/nonexistent"}
    return subprocess.run(["kimreader", *args], env=env, capture_output=True, text=True)


@needs_searchd
def test_cluster_init_writes_configs_that_start(tmp_path: Path) -> None:
    from cluster_nodes import free_base_port

    port = free_base_port(4)
    result = _kimreader(
        tmp_path / "lib", "cluster", "init", str(tmp_path / "c"), "--port", str(port)
    )
    assert result.returncode == 0, result.stderr
    url = f"sphinx://127.0.0.1:{port},127.0.0.1:{port + 2}"
    assert f"kimreader --engine {url} reindex" in result.stdout
    assert f"searchd --config {tmp_path / 'c' / 'node0' / 'searchd.conf'}" in result.stdout
    again = _kimreader(tmp_path / "lib", "cluster", "init", str(tmp_path / "c"))
    assert again.returncode == 2 and "not overwriting" in again.stderr


@needs_searchd
def test_a_shard_down_gives_partial_results_and_says_so(
    mixed_library: Path, tmp_path: Path
) -> None:
    library = mixed_library
    with running_cluster(tmp_path / "nodes", shards=2) as nodes:
        url = _url(nodes)
        assert _kimreader(library, "--engine", url, "reindex").returncode == 0
        full = _kimreader(library, "--engine", url, "search", "kim", "--json")
        assert full.returncode == 0 and '"note": ""' in full.stdout
        stop_node(nodes[1])
        partial = _kimreader(library, "--engine", url, "search", "kim")
        assert partial.returncode == 3
        assert "partial results: 1 of 2 shards did not answer" in partial.stderr
        lines = partial.stdout.splitlines()  # the hits found, one tab-separated line each
        assert lines and all(line.count("\t") == 6 for line in lines)
        status = _kimreader(library, "--engine", url, "cluster", "status")
        assert status.returncode == 1 and "down:" in status.stdout and "up:" in status.stdout


def test_an_unreachable_cluster_is_one_line_not_a_hang(tmp_path: Path) -> None:
    from cluster_nodes import free_base_port

    port = free_base_port(2)  # nothing listens there: refused at once, or the connect timeout
    assert _kimreader(tmp_path / "lib", "init").returncode == 0  # only add/init create one
    result = _kimreader(tmp_path / "lib", "--engine", f"sphinx://127.0.0.1:{port}", "search", "kim")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "did not answer" in result.stderr


def test_a_bad_engine_url_is_one_line(tmp_path: Path) -> None:
    assert _kimreader(tmp_path / "lib", "init").returncode == 0  # only add/init create one
    result = _kimreader(tmp_path / "lib", "--engine", "elastic://x", "search", "kim")
    assert result.returncode == 2 and "expected sphinx://host:port" in result.stderr


@pytest.mark.skipif(shutil.which("kimreader") is None, reason="kimreader is not installed")
def test_cluster_status_without_an_engine_says_how(tmp_path: Path) -> None:
    result = _kimreader(tmp_path / "lib", "cluster", "status")
    assert result.returncode == 2 and "--engine" in result.stderr


async def test_the_app_reads_on_when_the_cluster_does_not_answer(library: Path) -> None:
    from app_helpers import RecordingApp, main_screen, wait_until
    from cluster_nodes import free_base_port

    url = f"sphinx://127.0.0.1:{free_base_port(2)}"
    app = RecordingApp(Workspace.open(library, url))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: len(app.screen_stack) > 1, "the main screen")
        main = main_screen(app)
        await wait_until(pilot, lambda: "did not answer" in main.status.message, "the message")
        assert len(main.articles.rows) == 2  # the library is listed from its own files
        await pilot.press("j", "enter")
        await wait_until(pilot, lambda: main.reader.article is not None, "an article to open")
        assert app.is_running


def test_partial_results_lead_the_status_line() -> None:
    from kimreader.index.search import SearchResult
    from kimreader.tui.listing import result_message

    result = SearchResult(
        query="kim", total=3, hits=(), note="partial results: 1 of 2 shards did not answer"
    )
    message, kind = result_message(result)
    assert message.startswith("partial results: 1 of 2 shards did not answer · 3 found for kim")
    assert kind == "hint"
