"""Hostile and broken files: each imports cleanly or fails in one line; nothing stored can act
on a terminal; markup stays literal text; the rest of a batch always imports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import hostile
import pytest
from hostile import BY_NAME, CASES, EITHER, FAIL, MARKER, MARKUP, MARKUP_TITLE, OK

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.corpus.readers import ReadError, read_file

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Files big enough that reading them once per test run is what we can afford.
BIG = {"big-10mb.md", "big.html"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return hostile.write_corpus(tmp_path_factory.mktemp("hostile"))


def text_fields(article: Article) -> list[str]:
    return [
        article.title,
        article.body,
        article.source,
        article.summary,
        article.url,
        article.language,
        article.place,
        article.rights,
        article.origin,
        *article.authors,
    ]


def assert_terminal_safe(strings: list[str], where: str) -> None:
    for text in strings:
        found = CONTROL.search(text)
        assert found is None, f"{where}: control character {found.group()!r} in {text[:80]!r}"


def strings_in(data: Any) -> list[str]:
    """Every string (keys too) inside parsed JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in (key, *strings_in(value))]
    if isinstance(data, list):
        return [s for item in data for s in strings_in(item)]
    return []


_READ: dict[str, Article] = {}  # what the per-file test read, for the tests after it


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", [case.name for case in CASES])
def test_each_file_imports_cleanly_or_fails_in_one_line(corpus: dict[str, Path], name: str) -> None:
    case = BY_NAME[name]
    try:
        article = _READ[name] = read_file(corpus[name])
    except ReadError as error:
        message = str(error)
        assert case.expect in (FAIL, EITHER), f"{name} should import: {message}"
        assert "\n" not in message and name in message
        assert message.split(": ", 1)[1].strip(), "the reason is missing"
        assert_terminal_safe([message], name)
        return
    assert case.expect in (OK, EITHER), f"{name} should have been refused"
    assert article.title and article.body.strip()
    assert_terminal_safe(text_fields(article), name)
    assert "\ufffd" not in article.title + article.body


def test_escape_sequences_go_whole_from_every_field(corpus: dict[str, Path]) -> None:
    article = read_file(corpus["escapes.md"])
    assert article.title == "Escapes in title"
    assert article.authors == ("Jane Doe", "Bob Roe")
    assert "Body after escapes." in article.body
    for field in text_fields(article):
        assert "]0;" not in field and "[2J" not in field and "8;;" not in field
    assert read_file(corpus["escapes.txt"]).title == "Plain title"
    page = read_file(corpus["escapes.html"])
    assert page.title == "HTML escapes" and page.authors == ("Ann Lee",)
    # Character references decode to ESC only after parsing; they go too.
    refs = read_file(corpus["escape-refs.html"])
    assert refs.title == "Entity refs" and "]0;" not in refs.body


def test_markup_stays_literal_text(corpus: dict[str, Path]) -> None:
    article = read_file(corpus["markup.md"])
    assert article.title == MARKUP_TITLE
    assert article.authors == ("[@click=app.quit]Mallory[/]",)
    assert MARKUP in article.body
    page = read_file(corpus["markup.html"])
    assert page.title == "[@click=app.quit]Html-PWN[/]"
    assert MARKUP in page.body


def test_html_keeps_no_script_style_or_unsafe_link(corpus: dict[str, Path]) -> None:
    scripts = read_file(corpus["scripts.html"])
    for payload in ("SCRIPT-PWN", "STYLE-PWN", "SVG-PWN", "ONCLICK-PWN", "display:none"):
        assert payload not in scripts.body
    assert "Clickable paragraph." in scripts.body
    links = read_file(corpus["links.html"])
    for scheme in ("file:", "javascript:", "JaVaScRiPt:", "data:"):
        assert scheme not in links.body
    assert "[fine](https://example.com/ok)" in links.body
    assert "local file" in links.body  # the text of a dropped link stays


def test_broken_encodings_keep_their_text(corpus: dict[str, Path]) -> None:
    for name in ("utf16le-bom.txt", "utf16be-bom.txt", "utf16le-nobom.txt", "utf16be-nobom.txt"):
        article = read_file(corpus[name])
        assert article.title.startswith("UTF-16 ") and "Москва 北京 café" in article.body
    assert "北京" * 10 in read_file(corpus["cut-mid-char.txt"]).body  # not mojibake
    cut16 = read_file(corpus["utf16-cut.txt"])
    assert cut16.title == "UTF-16 cut short" and cut16.body.rstrip().endswith("北京")
    assert "Pyongyang" in read_file(corpus["invalid-utf8.txt"]).body
    assert "Pyongyang" in read_file(corpus["utf16.html"]).body


def test_deep_nesting_keeps_the_text(corpus: dict[str, Path]) -> None:
    for name, depth in (("nested-500.html", 500), ("nested-5000.html", 5000)):
        assert f"Nested {depth} levels deep." in read_file(corpus[name]).body


@pytest.mark.timeout(30)
def test_front_matter_containers_are_not_text(corpus: dict[str, Path]) -> None:
    bomb = read_file(corpus["yaml-bomb.md"])  # str() of the alias tree would never end
    assert bomb.title.startswith("An alias bomb.") and bomb.authors == ()
    odd = read_file(corpus["odd-front-matter.md"])
    assert odd.title.startswith("Odd types.") and odd.url == "" and odd.authors == ("7",)
    assert "passwd" not in odd.id and odd.summary == "12"


def test_huge_inputs_are_whole(corpus: dict[str, Path]) -> None:
    big = _READ.get("big-10mb.md") or read_file(corpus["big-10mb.md"])
    assert len(big.body) > 10_000_000
    line = read_file(corpus["long-line.txt"]).body
    assert line.count("\n") == 1 and len(line) > 1_000_000


@pytest.mark.timeout(120)
def test_the_batch_imports_around_bad_files(corpus: dict[str, Path], tmp_path: Path) -> None:
    """The real CLI on the whole corpus (but the two big files): one stderr line per bad file."""
    library = tmp_path / "lib"
    names = sorted(name for name in corpus if name not in BIG)
    folder = next(iter(corpus.values())).parent
    args = ["--library", str(library), "add", "--no-entities", "--json"]
    done = subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", *args, *(str(folder / n) for n in names)],
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert done.returncode == 1, done.stderr  # some files failed (2 only if all did)
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    failed_lines = done.stderr.splitlines()
    assert len(failed_lines) == len(report["failed"])
    for name in names:
        mentioned = [line for line in failed_lines if f"{folder / name}:" in line]
        expect = BY_NAME[name].expect
        if expect == FAIL:
            assert len(mentioned) == 1, f"{name}: {failed_lines}"
            assert re.fullmatch(rf"kimreader: {re.escape(str(folder / name))}: \S.*", mentioned[0])
        elif expect == OK:
            assert not mentioned, mentioned
    wanted = sum(BY_NAME[n].expect == OK for n in names)
    assert (
        wanted <= len(report["added"]) <= wanted + sum(BY_NAME[n].expect == EITHER for n in names)
    )
    assert not report["duplicates"]
    assert_library_terminal_safe(library)


def assert_library_terminal_safe(root: Path) -> None:
    """Nothing stored (articles, catalog, sidecars) holds a control character."""
    articles = list(root.glob("*.md"))
    assert articles
    for path in root.rglob("*"):
        if not path.is_file() or "index" in path.relative_to(root).parts:
            continue  # the Whoosh index is binary; its stored fields are checked by search
        text = path.read_text(encoding="utf-8")
        strings = strings_in(json.loads(text)) if path.suffix == ".json" else [text]
        assert_terminal_safe(strings, str(path))
    library = Library.open(root)
    for entry in library.catalog():
        assert_terminal_safe(text_fields(library.get(entry.id)), entry.id)


@pytest.mark.timeout(300)
def test_entities_of_hostile_text_are_clean(corpus: dict[str, Path], tmp_path: Path) -> None:
    from kimreader.index.workspace import Workspace

    workspace = Workspace.open(tmp_path / "lib")
    names = ["escapes-entities.md", "escapes.md", "markup.md", "escapes.html"]
    report = workspace.add_paths([corpus[n] for n in names], with_entities=True)
    assert len(report.added) == len(names) and not report.failed
    article = workspace.get(report.added[0])
    found = {entity.name for entity in workspace.entities(article)}
    # The escapes inside the names are gone and the names whole.
    assert {"Kim Jong Un", "Moon Jae-in", "New York"} <= found, found
    assert not [name for name in found if re.search(r"\]0;|\[2J|8;;|\[\d+;\d+H", name)]
    assert_library_terminal_safe(workspace.library.root)
    workspace.ensure_index()
    result = workspace.index.search(MARKER)
    assert result.total >= 3 and not result.error
    for hit in result.hits:
        assert_terminal_safe([hit.title, hit.snippet, hit.source], hit.id)


@pytest.mark.timeout(30)
def test_files_copied_into_the_library_are_read_safely(corpus: dict[str, Path], tmp_path: Path):
    """A file put straight into the library folder (not through `add`) is just as untrusted."""
    library = Library.open(tmp_path / "lib", seed=False)
    for name in ("escapes.md", "markup.md", "yaml-bomb.md", "odd-front-matter.md"):
        (library.root / f"copied-{name}").write_bytes(corpus[name].read_bytes())
    (library.root / "crlf.md").write_bytes(b"---\ntitle: CR\r\n---\nLine one.\r\nTwo.\r\n")
    assert library.refresh() == []
    for entry in library.catalog():
        article = library.get(entry.id)
        assert article.id == article.path.stem  # an `id: ../../etc/passwd` steers nothing
        assert_terminal_safe(text_fields(article), entry.id)
    assert library.get("copied-escapes").title.startswith("Escapes ")
    assert library.get("crlf").body == "Line one.\nTwo.\n"
    assert library.get("copied-markup").title == MARKUP_TITLE
    assert library.get("copied-yaml-bomb").title == ""
