"""Property tests: random bytes, HTML, Markdown and queries never raise anything but the
project's own clear errors (ReadError from the readers, QueryError as SearchResult.error)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kimreader.corpus.decode import decode_bytes
from kimreader.corpus.readers import ReadError, read_text
from kimreader.index.query import QueryError

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise parsers: tags, entities, comments, CDATA, escapes, markup, YAML fences.
HTML_PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<head>", "<title>", "</title>",
        "<script>", "</script>", "<style>", "<a href='javascript:x'>", "<a href='file:///e'>",
        "</a>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<meta charset='utf-16'>",
        "<meta charset='x-bogus'>", "<svg>", "<math>", "<table>", "<td>", "<br>", "<img src=x>",
        "&amp;", "&#0;", "&#x1b;", "&#xd800;", "&#xffff;", "&#1114112;", "&nosuch;", "&",
        "\x1b]0;t\x07", "\x1b[2J", "\x9b", "\x00", "\r", "[bold]", "[/]", "[@click=app.quit]",
        "<", ">", "\"", "'", "=", "Kim Jong-un met Moon Jae-in.", "北京", "\ufeff", "\ud800",
        "---\n", "title: x\n", 'title: "\\e]0;t\\a \\x9b"\n', "author: [a, [b]]\n",
        "# Heading\n", "\n\n", "```\n", "*", "_",
    ]
)  # fmt: skip
HTML_TEXT = st.lists(st.one_of(HTML_PIECES, st.text(max_size=20)), max_size=40).map("".join)
KINDS = st.sampled_from(["html", "md", "txt", "auto"])


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # lone surrogates make invalid UTF-8 too


def assert_read_is_clean(data: bytes | str, kind: str) -> None:
    try:
        article = read_text(data, "random.input", kind)
    except ReadError as error:
        message = str(error)
        assert message.startswith("random.input: ") and "\n" not in message
        return
    for field in (article.title, article.body, article.summary, article.source, *article.authors):
        field.encode("utf-8")  # no lone surrogates survive
        assert not CONTROL.search(field)
    assert article.body.strip()


@pytest.mark.timeout(120)
@SETTINGS
@given(data=st.binary(max_size=2000), kind=KINDS)
def test_random_bytes_read_or_fail_clearly(data: bytes, kind: str) -> None:
    assert_read_is_clean(data, kind)


@pytest.mark.timeout(120)
@SETTINGS
@given(text=HTML_TEXT, kind=KINDS, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_random_markup_reads_or_fails_clearly(text: str, kind: str, encoding: str) -> None:
    data = _encode(text) if encoding == "utf-8" else text.encode(encoding, "replace")
    assert_read_is_clean(data, kind)
    assert_read_is_clean(text, kind)  # as text too (stdin, tests): lone surrogates included


@pytest.mark.timeout(60)
@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=4000))
def test_decoding_random_bytes_gives_text_or_binary_error(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except ReadError as error:
        assert error.reason == "binary file, not text"
        return
    assert isinstance(text, str)
    text.encode("utf-8")


# -- queries ------------------------------------------------------------------------------------

QUERY_PIECES = st.sampled_from(
    [
        "kim", "visit", "trade", "AND", "OR", "NOT", "TO", "-", "+", "(", ")", '"', "*", "?",
        "~", "~2", "^", "^3", ":", "title:", "body:", "source:", "author:", "person:", "date:",
        "published:", "colour:", "[", "]", "{", "}", "2019", "2019-01-09", "yesterday", "'",
        "\\", "/", "\x00", "\x1b[2J", "北京", " ", "  ", "\n", "\t", "*x", "x*y", "a-b", "--",
    ]
)  # fmt: skip
QUERIES = st.one_of(
    st.lists(QUERY_PIECES, max_size=12).map(" ".join),
    st.lists(QUERY_PIECES, max_size=12).map("".join),
    st.text(max_size=60),
)


@pytest.fixture(scope="module")
def search_index(tmp_path_factory: pytest.TempPathFactory):
    from kimreader.index.workspace import Workspace

    workspace = Workspace.open(Path(tmp_path_factory.mktemp("props")) / "lib")
    workspace.ensure_index()
    yield workspace.index
    workspace.index.close()


@pytest.mark.timeout(300)
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERIES)
def test_random_queries_search_or_explain(search_index, query: str) -> None:
    result = search_index.search(query, limit=5, offsets_for=5)
    assert result.total >= 0 and len(result.hits) <= 5
    if result.error:
        assert "\n" not in result.error and result.total == 0
    for hit in result.hits:
        assert all(0 <= start < end for start, end in hit.matches)
    try:
        search_index.backend.parse(query)
    except QueryError as error:
        assert str(error)
