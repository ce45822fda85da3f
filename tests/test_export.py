"""Exports: an article with its state, highlights and notes; a comparison as Markdown, HTML and
JSON that read on their own; a query's articles to a folder."""

from __future__ import annotations

import csv
import json
import os
import stat
from pathlib import Path

import pytest
from cli_helpers import run

from kimreader.corpus.frontmatter import parse_front_matter


def ids(capsys: pytest.CaptureFixture[str], library: Path) -> tuple[str, str]:
    _, out, _ = run(capsys, library, "list", "--json")
    bloomberg, nyt = (item["id"] for item in json.loads(out))
    return bloomberg, nyt


def test_export_writes_articles_with_state_highlights_and_notes(
    capsys, library: Path, tmp_path: Path
) -> None:
    bloomberg, nyt = ids(capsys, library)
    run(capsys, library, "star", bloomberg)
    run(capsys, library, "tag", bloomberg, "korea")
    run(capsys, library, "note", bloomberg, "which wife?", "--at", "his wife")
    run(capsys, library, "note", bloomberg, "follow up")
    folder = tmp_path / "out"
    umask = os.umask(0o022)  # files to hand on get a new file's usual permissions
    try:
        code, out, _ = run(capsys, library, "export", "kim is:starred", str(folder), "--json")
    finally:
        os.umask(umask)
    (name,) = json.loads(out)["files"]
    for exported in (name, "index.csv", "index.json"):
        assert stat.S_IMODE((folder / exported).stat().st_mode) == 0o644, exported
    assert code == 0 and name.startswith("2019-01-09-north-korea") and name.endswith(".md")
    meta, body = parse_front_matter((folder / name).read_text(encoding="utf-8"))
    assert (meta["id"], meta["starred"], meta["read"], meta["tags"]) == (bloomberg, True, False,
                                                                         ["korea"])  # fmt: skip
    assert meta["source"] == "Bloomberg (via The Straits Times)"
    assert "==Kim was invited by Xi and accompanied by his wife" in body
    notes = body.split("## Notes", 1)[1]
    assert "which wife?" in notes and "follow up" in notes and "> Kim was invited" in notes
    (row,) = csv.DictReader((folder / "index.csv").open(encoding="utf-8"))
    assert (row["id"], row["starred"], row["tags"]) == (bloomberg, "yes", "korea")
    assert json.loads((folder / "index.json").read_text("utf-8"))[0]["file"] == name
    code, out, _ = run(capsys, library, "export", "", str(tmp_path / "all"))
    assert code == 0 and "exported 2 article(s)" in out
    assert run(capsys, library, "export", "zzzxqy", str(tmp_path / "none"))[0] == 1
    code, _, err = run(capsys, library, "export", "kim", str(library))
    assert code == 2 and "the library itself" in err and err.count("\n") == 1
    # A file named as the folder: said so, not mkdir's "cannot create the folder (File exists)"
    code, _, err = run(capsys, library, "export", "kim", str(folder / name))
    assert code == 2 and err.count("\n") == 1, err
    assert err.endswith(f"{folder / name}: a file, not a folder; export to a folder\n"), err


def test_an_exported_note_whose_passage_is_gone_says_so(library: Path, tmp_path: Path) -> None:
    from kimreader.corpus.userstate import place_notes
    from kimreader.index.workspace import Workspace
    from kimreader.tui.export import article_markdown

    workspace = Workspace.open(library)
    article = workspace.get(workspace.library.catalog()[0].id)
    start = article.body.index("Kim")
    workspace.state.add_note(article.id, "x", body=article.body, span=(start, start + 3))
    edited = article.with_changes(body=article.body.replace("Kim", "He"))
    notes = place_notes(edited.body, workspace.state.notes(article.id))
    text = article_markdown(edited, notes, workspace.state.snapshot())
    assert "(this passage is no longer in the article)" in text and "==" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_compare_exports_read_on_their_own(capsys, library: Path, fmt: str) -> None:
    bloomberg, nyt = ids(capsys, library)
    code, out, _ = run(capsys, library, "compare", nyt, bloomberg, "--format", fmt)
    assert code == 0
    if fmt == "json":
        document = json.loads(out)
        body_a, body_b = document["a"]["body"], document["b"]["body"]
        first = document["aligned"][0]
        assert body_a[first["a_start"] : first["a_end"]].startswith("BEIJING")
        assert any(q["speaker"] == "Kim Byung-yeon" for q in document["quotes"])
        assert all(body_b[q["start"] : q["end"]] == q["text"]
                   for q in document["quotes"] if q["report"] == "b")  # fmt: skip
        return
    for heading in ("Aligned passages", "Entities", "Quotes", "Possible differences",
                    "Timeline", "Distinctive words"):  # fmt: skip
        assert heading in out
    assert "Kim Returns to China" in out and "no close counterpart in B" in out
    assert "Kim Byung-yeon" in out  # the quotes' speakers
    if fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "<script" not in out and "http" not in out


def test_compare_export_escapes_hostile_text(tmp_path: Path) -> None:
    from kimreader.analysis.compare import compare_articles
    from kimreader.corpus.article import Article
    from kimreader.tui.compare_export import export_comparison

    hostile = "<script>alert(1)</script> **bold** [link](http://x) | pipe"
    a = Article.create(hostile, f"{hostile} said the minister.\n\nTalks went on.\n")
    b = Article.create("Plain", "Talks went on. The minister said nothing.\n")
    cmp = compare_articles(a, b)
    page = export_comparison(cmp, a, b, "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    markdown = export_comparison(cmp, a, b, "md")
    assert "<script>" not in markdown and "\\*\\*bold\\*\\*" in markdown
    assert "\\[link\\](http://x)" in markdown and "\\| pipe" in markdown


def test_compare_export_says_a_described_speaker_is_anonymous() -> None:
    """The Turpin sentencing (Wikinews): "The mother said "I really look forward …"" is no one
    named; the export says so as the compare screen does, "The mother (anonymous)"."""
    from kimreader.analysis.compare import compare_articles
    from kimreader.corpus.article import Article
    from kimreader.tui.compare_export import export_comparison

    wikinews = Path(__file__).resolve().parents[1] / "bench/gold/wikinews"
    name = "california-court-sentences-parents-who-kept-their-children-i"
    a = Article.create(name, (wikinews / f"{name}.txt").read_text(encoding="utf-8"))
    b = Article.create("Plain", "The court sat on Friday.\n")
    cmp = compare_articles(a, b)
    mother = next(q for q in cmp.quotes if q.text.startswith("I really look forward"))
    assert (mother.speaker, mother.kind_shown) == ("The mother", "anonymous")
    markdown = export_comparison(cmp, a, b, "md")
    assert "The mother (anonymous)" in markdown
