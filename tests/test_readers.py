"""The article readers: Markdown, plain text, HTML, stdin, directories and their errors."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from kimreader.corpus.article import make_article_id
from kimreader.corpus.readers import (
    MAX_BYTES,
    ReadError,
    guess_kind,
    iter_paths,
    parse_date,
    read_file,
    read_paths,
    read_text,
)

FRONT_MATTER_MD = """---
title: "Kim Returns to China"
site: "The Paper"
authors:
  - Jane Perlez
  - "Wang Lu"
published: 2018-06-19
url: https://example.com/kim
language: en
standfirst: "A short standfirst."
dateline: Beijing
rights: "Copyright 2018 The Paper"
---
# Kim Returns to China

BEIJING — First paragraph.

Second paragraph.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_front_matter_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "kim.md", FRONT_MATTER_MD)
    article = read_file(path)
    assert article.title == "Kim Returns to China"
    assert article.source == "The Paper"
    assert article.authors == ("Jane Perlez", "Wang Lu")
    assert article.published == date(2018, 6, 19)
    assert article.url == "https://example.com/kim"
    assert article.language == "en"
    assert article.summary == "A short standfirst."
    assert article.place == "Beijing"
    assert article.rights == "Copyright 2018 The Paper"
    assert article.origin == str(path.absolute())
    # The heading repeating the title is dropped from the body.
    assert article.body == "BEIJING — First paragraph.\n\nSecond paragraph.\n"
    assert article.id == make_article_id("https://example.com/kim", "", "")


def test_markdown_author_string_and_written_date(tmp_path: Path) -> None:
    text = '---\ntitle: T\nauthor: "By Jane Perlez; Wang Lu"\ndate: "June 19, 2018"\n---\nBody.\n'
    article = read_file(write(tmp_path, "a.markdown", text))
    assert article.authors == ("Jane Perlez", "Wang Lu")
    assert article.published == date(2018, 6, 19)


def test_markdown_without_front_matter_takes_first_heading(tmp_path: Path) -> None:
    text = "Intro line.\n\n# The Headline\n\nBody text.\n"
    article = read_file(write(tmp_path, "plain.md", text))
    assert article.title == "The Headline"
    assert "The Headline" not in article.body
    assert article.body == "Intro line.\n\nBody text.\n"
    assert article.url == ""
    assert article.id == make_article_id("", article.title, article.body)


def test_markdown_without_heading_takes_first_line(tmp_path: Path) -> None:
    article = read_file(write(tmp_path, "x.md", "First line here\n\nThe body.\n"))
    assert article.title == "First line here"
    assert article.body == "The body.\n"


def test_markdown_heading_in_code_fence_is_not_the_title(tmp_path: Path) -> None:
    text = "Opening words\n\n```\n# not a title\n```\n"
    article = read_file(write(tmp_path, "code.md", text))
    assert article.title == "Opening words"
    assert "# not a title" in article.body


def test_invalid_front_matter_is_a_one_line_error(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", "---\ntitle: [unclosed\nauthor: x\n---\nBody\n")
    with pytest.raises(ReadError) as caught:
        read_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path.absolute()) + ": invalid front matter")
    assert caught.value.origin == str(path.absolute())


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="not a mapping"):
        read_file(write(tmp_path, "list.md", "---\n- a\n- b\n---\nBody\n"))


# --- plain text ------------------------------------------------------------------------------


def test_txt_title_and_paragraphs(tmp_path: Path) -> None:
    text = "\n\n  Kim visits China  \n\nFirst paragraph\nwrapped line.\n\nSecond paragraph.\n"
    article = read_file(write(tmp_path, "story.txt", text))
    assert article.title == "Kim visits China"
    assert article.body == "First paragraph\nwrapped line.\n\nSecond paragraph.\n"


def test_txt_hash_line_is_not_a_heading(tmp_path: Path) -> None:
    article = read_file(write(tmp_path, "tags.txt", "Title\n\n# 1 in the polls\n"))
    assert article.body == "\\# 1 in the polls\n"


def test_one_line_txt_keeps_its_line_as_body(tmp_path: Path) -> None:
    article = read_file(write(tmp_path, "one.txt", "Only a single line of text."))
    assert article.title == "Only a single line of text."
    assert article.body == "Only a single line of text.\n"


def test_txt_whose_first_line_is_its_date_is_dated_not_titled() -> None:
    # A saved Wikinews page begins with its date: "Thursday, May 16, 2019" was the title.
    wikinews = Path(__file__).resolve().parents[1] / "bench/gold/wikinews"
    article = read_file(wikinews / "actor-doris-day-dies-at-97.txt")
    assert article.published == date(2019, 5, 16)
    # Its first line is a paragraph: the title is the paragraph's first sentence.
    assert article.title == (
        "US singer, actor, and animal rights advocate Doris Day died on Monday at her home in"
        " Carmel Valley, California."
    )
    assert article.body.startswith("US singer, actor")
    assert "Thursday" not in article.body.splitlines()[0]


def test_txt_first_line_that_is_no_date_stays_the_title(tmp_path: Path) -> None:
    article = read_file(write(tmp_path, "day.txt", "Thursday\n\nThe talks went on.\n"))
    assert (article.title, article.published) == ("Thursday", None)


def test_written_dates_may_begin_with_their_weekday() -> None:
    assert parse_date("Thursday, May 16, 2019") == date(2019, 5, 16)
    assert parse_date("Tue 4 June 2019") == date(2019, 6, 4)
    assert parse_date("Tuesday") is None
    assert parse_date("Sunday, May 16") is None


def test_body_normalisation(tmp_path: Path) -> None:
    text = "Title\r\n\r\nOne.   \r\n\r\n\r\n\r\n\r\nTwo.\t\r\n\r\n\r\n"
    article = read_file(write(tmp_path, "crlf.txt", text))
    assert article.body == "One.\n\nTwo.\n"


def test_control_characters_are_stripped(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Red\\e[31m alert\\x85"\nauthor: "Eve\\x7f \\x9bEvil"\n---\n'
        "Keep\ttabs.\x1b[2J Clear\x07 bell\x7f del \x9b csi \x85 nel.\nNext line.\n"
    )
    article = read_file(write(tmp_path, "esc.md", text))
    assert article.title == "Red alert"  # whole escape sequences go, parameters too
    assert article.authors == ("Eve Evil",)
    assert article.body == "Keep\ttabs. Clear bell del  csi  nel.\nNext line.\n"
    for field in (article.title, article.body, *article.authors):
        assert not any(ord(c) < 32 and c not in "\t\n" for c in field)
        assert not any(0x7F <= ord(c) <= 0x9F for c in field)


# --- HTML ------------------------------------------------------------------------------------

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Kim visits China | The Daily Example</title>
<meta property="og:title" content="Kim visits China">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Perlez">
<meta property="article:published_time" content="2019-01-09T08:00:00Z">
<meta name="description" content="The North Korean leader travels to Beijing.">
<link rel="canonical" href="https://example.com/world/kim-visits-china">
<style>.x { color: red }</style>
<script>var tracking = "SCRIPT-SECRET";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World NAVLINK</a></li></ul></nav>
<article>
<h1>Kim visits China</h1>
<p>SEOUL — Kim Jong-un is making his fourth visit to China, in a sign that the North Korean
leader is seeking <a href="/people/xi">Chinese President Xi Jinping</a>’s counsel ahead of a
possible second summit with US President Donald Trump.</p>
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
 alt="photo">
<p>Kim left Pyongyang on Monday for a visit slated to end tomorrow, North Korean and Chinese
state media reported. <a href="javascript:alert(1)">Click here</a> for nothing.</p>
<h2>Nuclear Umbrella</h2>
<p>“There isn’t much prospect of the US removing its nuclear umbrella,” said Andrew Gilholm,
director of North Asia analysis at Control Risks Group, in a note to clients this week.</p>
<script>document.write("INLINE-SCRIPT")</script>
</article>
<footer><p>© The Daily Example FOOTERTEXT. All rights reserved. Terms. Privacy.</p></footer>
</body></html>
"""


def test_html_reader_extracts_article_and_metadata(tmp_path: Path) -> None:
    article = read_file(write(tmp_path, "page.html", NEWS_PAGE))
    assert article.title == "Kim visits China"
    assert article.source == "The Daily Example"
    assert article.authors == ("Jane Perlez",)
    assert article.published == date(2019, 1, 9)
    assert article.url == "https://example.com/world/kim-visits-china"
    assert article.language == "en-GB"
    assert article.summary == "The North Korean leader travels to Beijing."
    body = article.body
    assert body.startswith("SEOUL — Kim Jong-un")
    assert "## Nuclear Umbrella" in body
    assert "[Chinese President Xi Jinping](https://example.com/people/xi)" in body
    assert "Click here for nothing" in body  # javascript: link keeps only its text
    for unwanted in ("SCRIPT-SECRET", "INLINE-SCRIPT", "NAVLINK", "FOOTERTEXT", "color: red"):
        assert unwanted not in body
    assert "data:image" not in body and "javascript:" not in body
    assert "# Kim visits China" not in body  # the title is a field, not repeated in the body
    assert body.endswith(".\n") and not body.endswith("\n\n")


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("Kim left Pyongyang", "Café owners said Kim left Pyongyang")
    article = read_file(write(tmp_path, "legacy.htm", page.encode("cp1252", errors="ignore")))
    assert "Café owners said" in article.body


def test_deeply_nested_html_is_a_read_error_or_an_article(tmp_path: Path) -> None:
    depth = 20_000
    page = "<html><body>" + "<div>" * depth + "<p>deep text</p>" + "</div>" * depth
    path = write(tmp_path, "deep.html", page)
    try:
        article = read_file(path)
    except ReadError as error:
        assert "\n" not in str(error)
    else:
        assert "deep text" in article.body


def test_html_without_text(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.html", "<html><body><script>x()</script></body></html>")
    with pytest.raises(ReadError, match="no article text found"):
        read_file(path)


# --- stdin and kinds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("  \n<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("<p>Just a paragraph</p>", "html"),
        ("<not really html, just a bracket", "txt"),
        ("---\ntitle: x\n---\nbody", "md"),
        ("Plain words\n\nmore", "txt"),
    ],
)
def test_guess_kind(text: str, kind: str) -> None:
    assert guess_kind(text) == kind


def test_read_text_from_stdin_bytes() -> None:
    article = read_text(FRONT_MATTER_MD.encode("utf-8"), "-")
    assert article.title == "Kim Returns to China"
    assert article.origin == "-"
    plain = read_text("Headline\n\nBody words.\n", "-")
    assert (plain.title, plain.body) == ("Headline", "Body words.\n")


def test_read_paths_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Headline\n\nFrom a pipe.\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    [article] = list(read_paths(["-"]))
    assert not isinstance(article, ReadError)
    assert (article.title, article.body, article.origin) == ("Headline", "From a pipe.\n", "-")


def test_read_text_empty_input() -> None:
    with pytest.raises(ReadError) as caught:
        read_text(b"", "-")
    assert str(caught.value) == "-: empty file"


# --- directories and batches -----------------------------------------------------------------


def test_iter_paths_recurses_sorted_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    write(tmp_path, "b.md", "B\n\nbody")
    write(tmp_path, "a.txt", "A\n\nbody")
    write(tmp_path, "sub/c.html", NEWS_PAGE)
    write(tmp_path, "sub/deeper/d.MD", "D\n\nbody")
    write(tmp_path, "sub/image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, ".hidden.md", "H\n\nbody")
    write(tmp_path, ".git/e.md", "E\n\nbody")
    found = list(iter_paths([tmp_path, "-"]))
    names = [p if p == "-" else p.relative_to(tmp_path).as_posix() for p in found]
    assert names == ["a.txt", "b.md", "sub/c.html", "sub/deeper/d.MD", "-"]


def test_read_paths_yields_errors_and_goes_on(tmp_path: Path) -> None:
    empty = write(tmp_path, "1-empty.md", b"")
    binary = write(tmp_path, "2-binary.txt", bytes(range(256)) * 8)
    unsupported = write(tmp_path, "3-report.pdf", b"%PDF-1.4")
    good = write(tmp_path, "4-good.md", "Good\n\nText.\n")
    missing = tmp_path / "5-missing.txt"
    missing_bare = tmp_path / "6-missing"  # no suffix: missing, not "unsupported"
    results = list(read_paths([empty, binary, unsupported, good, missing, missing_bare]))
    messages = [str(r) for r in results if isinstance(r, ReadError)]
    assert messages == [
        f"{empty.absolute()}: empty file",
        f"{binary.absolute()}: binary file, not text",
        f"{unsupported.absolute()}: unsupported file type .pdf",
        f"{missing.absolute()}: No such file or directory",
        f"{missing_bare.absolute()}: No such file or directory",
    ]
    assert [r.title for r in results if not isinstance(r, ReadError)] == ["Good"]


@pytest.mark.parametrize("given", ["www.example.org/story", "example.org/2024/01/story"])
def test_an_address_without_its_scheme_says_how_to_give_it(
    given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (result,) = read_paths([given])
    assert str(result).endswith(": No such file or directory (a web page? give its url with "
                                "https://)")  # fmt: skip


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ReadError, match="file too large"):
        read_file(path)


def test_error_message_is_one_line_even_for_hostile_names(tmp_path: Path) -> None:
    path = write(tmp_path, "evil\nname\x1b[2J.xyz", "x")
    with pytest.raises(ReadError) as caught:
        read_file(path)
    message = str(caught.value)
    assert "\n" not in message and "\x1b" not in message
    assert message.endswith("unsupported file type .xyz")


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2018-06-19",
        "2018-06-19T10:30:00Z",
        "2018/06/19",
        "19 June 2018",
        "19 Jun 2018",
        "June 19, 2018",
        "June 19th, 2018",
        "Tue, 19 Jun 2018 10:00:00 GMT",
    ],
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == date(2018, 6, 19)


def test_parse_date_rejects_nonsense() -> None:
    assert parse_date("next Tuesday") is None
    assert parse_date(20180619) is None
