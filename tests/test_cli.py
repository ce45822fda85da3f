"""The command line: JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run

from kimreader.tui.cli import main


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    """A new library with the shipped reports (only `add` and `init` create one)."""
    from kimreader.corpus.library import Library

    return Library.open(tmp_path / "lib").root


def test_list_json_shape(capsys, library: Path) -> None:
    code, out, _ = run(capsys, library, "list", "--json")
    items = json.loads(out)
    assert code == 0 and len(items) == 2
    assert set(items[0]) == {"id", "title", "source", "authors", "published", "url"}
    assert [i["published"] for i in items] == ["2019-01-09", "2018-06-19"]  # newest first


def test_show_json_shape(capsys, library: Path) -> None:
    _, out, _ = run(capsys, library, "list", "--json")
    nyt = next(i for i in json.loads(out) if i["source"] == "The New York Times")
    code, out, _ = run(capsys, library, "show", nyt["id"][:6], "--json")
    article = json.loads(out)
    assert code == 0
    assert set(article) == {
        "id",
        "title",
        "source",
        "authors",
        "published",
        "url",
        "summary",
        "body",
        "origin",
        "fetched",
        "feed",
    }
    assert article["authors"] == ["Jane Perlez"]
    assert article["origin"].startswith("shipped:")


def test_search_json_offsets_point_into_show_body(capsys, library: Path) -> None:
    code, out, _ = run(capsys, library, "search", "visits", "--json")
    result = json.loads(out)
    assert code == 0
    assert set(result) == {"query", "total", "suggestion", "note", "hits"}
    assert result["total"] == 2
    for hit in result["hits"]:
        assert set(hit) == {"id", "title", "score", "snippet", "matches"}
        _, shown, _ = run(capsys, library, "show", hit["id"], "--json")
        body = json.loads(shown)["body"]
        words = {body[s:e].lower() for s, e in hit["matches"]}
        assert words and words <= {"visit", "visits", "visited", "visiting"}


def test_search_lines_for_a_pipe_are_the_json_hits_and_the_json_total_is_exact(
    capsys, library: Path
) -> None:
    """Lines for a pipe carry no total, so it is not counted; JSON's is counted exactly."""
    _, out, _ = run(capsys, library, "search", "visits", "--limit", "1", "--json")
    result = json.loads(out)
    assert result["total"] == 2 and len(result["hits"]) == 1
    code, lines, _ = run(capsys, library, "search", "visits", "--limit", "1")
    assert code == 0 and [line.split("\t")[0] for line in lines.splitlines()] == [
        result["hits"][0]["id"]
    ]


def test_exit_codes(capsys, library: Path) -> None:
    assert run(capsys, library, "search", "zzzxqy")[0] == 1
    code, _, err = run(capsys, library, "search", "colour:red")
    assert code == 2 and err.count("\n") == 1 and "unknown field" in err
    code, _, err = run(capsys, library, "show", "nosuchid")
    assert code == 2 and err.count("\n") == 1 and "no such article" in err


def test_search_follows_files_changed_by_hand(capsys, library: Path) -> None:
    """The index is a cache: an article added, edited in place (same size, only the mtime
    tells) or removed in the folder by hand is found, or not, by the next search."""
    assert run(capsys, library, "search", "visits")[0] == 0  # index and catalog saved
    added = library / "by-hand.md"
    added.write_text("---\ntitle: Strike ends\n---\nThe zanzibarite workers return.\n")
    code, out, _ = run(capsys, library, "search", "zanzibarite")
    assert code == 0 and out.startswith("by-hand\t")

    stamp = added.stat().st_mtime_ns + 10**9
    added.write_text(added.read_text().replace("zanzibarite", "quokkaworld"))
    os.utime(added, ns=(stamp, stamp))
    assert run(capsys, library, "search", "zanzibarite")[0] == 1
    code, out, _ = run(capsys, library, "search", "quokkaworld")
    assert code == 0 and out.startswith("by-hand\t")

    added.unlink()
    assert run(capsys, library, "search", "quokkaworld")[0] == 1
    assert run(capsys, library, "search", "visits")[0] == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "a", "b"],
        ["--library", "/x", "search", "--limit", "3", "a", "--json"],
        ["search", "--library", "/x", "--engine", "sphinx://h:1", "a", "--csv"],
        ["--library", "search", "search", "--lim", "2", "a"],
        ["search"],
        ["search", "--limit", "x", "a"],
        ["search", "a", "--json", "--csv"],
        ["search", "--help"],
    ],
)
def test_search_is_parsed_alone_as_the_whole_parser_does(capsys, argv: list[str]) -> None:
    """`kimreader search` skips building every command's parser: same arguments, same
    errors and help."""
    from kimreader.tui.cli import build_parser, search_arguments

    def parsed(parse) -> tuple[object, str, str]:
        try:
            result: object = vars(parse(argv))
        except SystemExit as done:
            result = done.code
        out, err = capsys.readouterr()
        return result, out, err

    assert parsed(search_arguments) == parsed(build_parser().parse_args)
    assert search_arguments(["list"]) is None and search_arguments(["--library", "x"]) is None


def test_usage_error_is_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", "frobnicate"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_compare_with_one_report_names_what_is_missing(capsys) -> None:
    """`kimreader compare ID` said "the following arguments are required: b"; its help
    listed "a b" unexplained. They are A (the report that leads) and B."""
    from kimreader.tui.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["compare", "0fee"])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "required: B" in err, err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["compare", "--help"])
    out = capsys.readouterr().out
    assert "the report that leads: an id or its prefix" in out


def test_add_reports_each_outcome(capsys, library: Path, tmp_path: Path) -> None:
    good = tmp_path / "in" / "a_good.md"
    good.parent.mkdir()
    good.write_text("---\ntitle: Good one\n---\nA fine body about Singapore.\n", encoding="utf-8")
    (tmp_path / "in" / "b_copy.txt").write_text("Good one\n\nA fine body about Singapore.\n")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.html").write_bytes(b"\x00\x01\x02\xff" * 100)
    code, out, err = run(capsys, library, "add", "--no-entities", "--json", str(good.parent))
    report = json.loads(out)
    assert code == 1  # some files failed (exit 2 only when all did)
    assert len(report["added"]) == 1 and len(report["duplicates"]) == 1
    assert len(report["failed"]) == 2
    assert all(line.count("\n") == 0 for line in report["failed"])
    assert "empty.txt" in err and "binary.html" in err
    code, out, _ = run(capsys, library, "add", "--no-entities", "--json", str(good))
    assert json.loads(out)["unchanged"] == report["added"]
    good.write_text("---\ntitle: Good one\n---\nA changed body about Singapore.\n")
    code, out, _ = run(capsys, library, "add", "--no-entities", "--json", str(good))
    assert json.loads(out)["updated"] == report["added"]


def test_remove(capsys, library: Path) -> None:
    _, out, _ = run(capsys, library, "list", "--json")
    bloomberg = next(i["id"] for i in json.loads(out) if i["source"].startswith("Bloomberg"))
    assert run(capsys, library, "search", "Yonhap")[0] == 0
    assert run(capsys, library, "remove", bloomberg)[0] == 0
    _, out, _ = run(capsys, library, "list", "--json")
    assert bloomberg not in {i["id"] for i in json.loads(out)}
    assert run(capsys, library, "search", "Yonhap")[0] == 1


def test_entities_json_shape_and_offsets(capsys, library: Path) -> None:
    _, out, _ = run(capsys, library, "list", "--json")
    nyt = next(i["id"] for i in json.loads(out) if i["source"] == "The New York Times")
    code, out, _ = run(capsys, library, "entities", nyt, "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == nyt
    _, shown, _ = run(capsys, library, "show", nyt, "--json")
    body = json.loads(shown)["body"]
    for entity in data["entities"]:
        assert set(entity) == {"name", "type", "aliases", "count", "mentions"}
        assert entity["count"] == len(entity["mentions"])
        for start, end in entity["mentions"]:
            assert body[start:end] in entity["aliases"]
    people = [e for e in data["entities"] if e["type"] == "person"]
    assert people[0]["name"] == "Kim Jong Un"  # most mentioned first
    assert "Kim Byung-yeon" in {e["name"] for e in people}


def test_entities_all_counts_articles(capsys, library: Path) -> None:
    code, out, _ = run(capsys, library, "entities", "--all", "--json")
    entities = json.loads(out)["entities"]
    kim = next(e for e in entities if e["name"] == "Kim Jong Un")
    assert code == 0 and kim["articles"] == 2
    assert {"Kim Jong-un", "Kim Jong Un"} <= set(kim["aliases"])
    code, out, _ = run(capsys, library, "entities", "--all")
    assert code == 0 and "Kim Jong Un" in out and "People" in out


def test_entity_filter_through_search(capsys, library: Path) -> None:
    code, out, _ = run(capsys, library, "search", 'person:"Lankov"', "--json")
    assert code == 0 and json.loads(out)["total"] == 1
    code, out, _ = run(capsys, library, "search", "place:Singapore", "--json")
    assert code == 0 and json.loads(out)["total"] == 2


def test_compare_json_shape(capsys, library: Path) -> None:
    _, out, _ = run(capsys, library, "list", "--json")
    ids = [i["id"] for i in json.loads(out)]
    code, out, _ = run(capsys, library, "compare", *ids, "--json")
    doc = json.loads(out)
    assert code == 0
    expected = {"a", "b", "aligned", "only_a", "only_b", "entities", "quotes", "differences"}
    assert expected | {"agreements", "timeline", "distinctive"} <= set(doc)
    assert set(doc["entities"]) == {"shared", "only_a", "only_b"}
    assert set(doc["distinctive"]) == {"a", "b"}
    code, out, _ = run(capsys, library, "compare", *ids)
    assert code == 0 and "possible" in out.lower()


def test_count_sources_and_authors_most_first(capsys, library: Path, tmp_path: Path) -> None:
    from kimreader.corpus.article import Article
    from kimreader.corpus.library import Library

    more = Article.create(
        "Talks resume", "Envoys met in Singapore.\n", source="The New York Times",
        authors=("Jane Perlez", "Choe Sang-Hun"),
    )  # fmt: skip
    Library.open(library).add(more)
    code, out, _ = run(capsys, library, "count", "source", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"source": "The New York Times", "articles": 2},
        {"source": "Bloomberg (via The Straits Times)", "articles": 1},
    ]
    code, out, _ = run(capsys, library, "count", "author", "--limit", "1")
    assert code == 0 and out == "2\tJane Perlez\n"  # a pipe: count, then the name
    empty = tmp_path / "empty"
    assert main(["init", str(empty), "--empty"]) == 0
    capsys.readouterr()
    assert run(capsys, empty, "count", "author") == (1, "", "")


def test_show_prints_the_paragraphs_of_a_text_written_a_paragraph_a_line(
    capsys, library: Path, tmp_path: Path
) -> None:
    # A page's text saved as .txt, a paragraph a line with no blank line (a development
    # Wikinews article laid out so): `show` prints its paragraphs apart, as the reader does.
    from conftest import scraped_body, wikinews_body

    stem = "influential-rock-drummer-ginger-baker-dies-at-age-80"
    saved = tmp_path / "baker.txt"
    saved.write_text("Ginger Baker dies\n" + scraped_body(stem), "utf-8")
    assert run(capsys, library, "add", str(saved))[0] == 0
    _, out, _ = run(capsys, library, "list", "--json")
    baker = next(i for i in json.loads(out) if i["title"] == "Ginger Baker dies")
    code, out, _ = run(capsys, library, "show", baker["id"])
    paragraphs = [p for p in wikinews_body(stem).split("\n\n") if p.strip()]
    assert code == 0 and len(paragraphs) > 5
    printed = [" ".join(p.split()) for p in out.split("\n\n") if p.strip()]
    for paragraph in paragraphs[:3]:
        assert " ".join(paragraph.split())[:60] in "\n".join(printed)
    # each of them is a paragraph of its own: none runs on into the next
    first, second = (" ".join(p.split()) for p in paragraphs[:2])
    assert not any(first[:40] in p and second[:40] in p for p in printed)
