"""Fetching pages over HTTP against a real server on 127.0.0.1 (tests/loopback.py)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest
from loopback import LoopbackServer, readability_page

from kimreader.corpus.article import Article
from kimreader.corpus.fetch import (
    USER_AGENT,
    Fetcher,
    FetchError,
    FetchLimits,
    check_url,
    fetch_pages,
    is_url,
)
from kimreader.corpus.readers import ReadError

QUICK = FetchLimits(connect_timeout=2, read_timeout=0.5, deadline=1.5, max_bytes=2 * 1024 * 1024)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(QUICK) as client:
        yield client


def failure(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(FetchError) as caught:
        fetcher.page(url)
    assert caught.value.origin == url
    line = str(caught.value)
    assert "\n" not in line and line.startswith(url + ": ")
    return caught.value.reason


def test_a_saved_page_goes_through_the_html_reader(loopback: LoopbackServer, fetcher: Fetcher):
    url = loopback.readability_url("nytimes-1")
    article = fetcher.page(url)
    assert article.title == "United States to Lift Sudan Sanctions"
    assert "Jeffrey Gettleman" in article.authors
    # The canonical url is the article's; the url asked for is where it came from.
    assert article.url == "https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html"
    assert article.origin == url
    assert article.fetched.endswith("Z") and article.fetched[:2] == "20"
    assert "deal with the devil" in article.body


def test_the_same_reader_as_files(loopback: LoopbackServer, fetcher: Fetcher):
    from kimreader.corpus.readers import read_text

    fetched = fetcher.page(loopback.readability_url("guardian-1"))
    url = loopback.readability_url("guardian-1")
    local = read_text(readability_page("guardian-1"), url, "html", url=url)
    assert (fetched.title, fetched.body, fetched.authors) == (
        local.title,
        local.body,
        local.authors,
    )


def test_a_page_without_canonical_url_keeps_the_url_it_ended_at(
    loopback: LoopbackServer, fetcher: Fetcher
):
    page = "<html><head><title>Local</title></head><body><article>"
    page += (
        "<p>" + "A report about the harbour and its ships. " * 20 + "</p></article></body></html>"
    )
    loopback.add("/local", page)
    article = fetcher.page(loopback.url("/local"))
    assert article.url == loopback.url("/local")


def test_user_agent_accept_and_gzip_are_sent(loopback: LoopbackServer, fetcher: Fetcher):
    loopback.add("/zipped", readability_page("bbc-1"), gzip=True)
    article = fetcher.page(loopback.url("/zipped"))
    assert article.body.strip()
    sent = loopback.requests[-1].headers
    assert sent["User-Agent"] == USER_AGENT and "kimreader" in USER_AGENT
    assert "gzip" in sent["Accept-Encoding"] and "text/html" in sent["Accept"]


def test_redirects_are_followed_up_to_the_limit(loopback: LoopbackServer, fetcher: Fetcher):
    url = loopback.url("/redirect/3")
    article = fetcher.page(url)
    assert article.origin == url and article.title == "United States to Lift Sudan Sanctions"
    assert "too many redirects" in failure(fetcher, loopback.url("/redirect/9"))
    assert "too many redirects" in failure(fetcher, loopback.url("/loop"))


@pytest.mark.parametrize(("code", "reason"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500")])
def test_error_statuses(loopback: LoopbackServer, fetcher: Fetcher, code: int, reason: str):
    assert failure(fetcher, loopback.url(f"/status/{code}")).startswith(reason)


def test_a_slow_server_times_out(loopback: LoopbackServer, fetcher: Fetcher):
    loopback.slow_seconds = 2.0
    assert failure(fetcher, loopback.url("/slow")).startswith("timeout")


def test_a_dripping_body_hits_the_deadline(loopback: LoopbackServer, fetcher: Fetcher):
    reason = failure(fetcher, loopback.url("/drip"))
    assert reason.startswith("timeout (download took over 1.5 s")


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_a_body_over_the_cap_is_refused(loopback: LoopbackServer, fetcher: Fetcher, path: str):
    assert failure(fetcher, loopback.url(path)) == "too large (over 2 MB)"


def test_a_gzip_bomb_is_stopped_by_the_decoded_size(loopback: LoopbackServer, fetcher: Fetcher):
    loopback.add("/bomb", b"<html><body><p>" + b" " * (8 * 1024 * 1024), gzip=True)
    assert loopback.routes["/bomb"].body  # 8 MB, about 8 kB on the wire
    assert failure(fetcher, loopback.url("/bomb")) == "too large (over 2 MB)"


@pytest.mark.parametrize(
    ("content_type", "reason"),
    [
        ("application/pdf", "not HTML (application/pdf)"),
        ("image/png", "not HTML (image/png)"),
        # A page served as a feed's type is still no feed: the body says which it is.
        ("application/rss+xml", "not HTML (application/rss+xml)"),
    ],
)
def test_wrong_content_type(
    loopback: LoopbackServer, fetcher: Fetcher, content_type: str, reason: str
):
    loopback.add("/odd", readability_page("nytimes-1"), content_type=content_type)
    assert failure(fetcher, loopback.url("/odd")) == reason


def test_missing_or_vague_content_type_is_sniffed(loopback: LoopbackServer, fetcher: Fetcher):
    loopback.add("/untyped", readability_page("nytimes-1"), content_type="")
    assert fetcher.page(loopback.url("/untyped")).title == "United States to Lift Sudan Sanctions"
    loopback.add("/plain", b"just some words, no markup at all", content_type="text/plain")
    assert failure(fetcher, loopback.url("/plain")) == "not HTML (text/plain)"


def test_the_servers_charset_wins_over_the_pages_meta(loopback: LoopbackServer, fetcher: Fetcher):
    # lemonde-1 declares utf-8 in its <meta>; served as windows-1252 with a header saying so.
    page = readability_page("lemonde-1").decode("utf-8")
    loopback.add(
        "/latin",
        page.encode("cp1252", "xmlcharrefreplace"),
        content_type="text/html; charset=windows-1252",
    )
    article = fetcher.page(loopback.url("/latin"))
    assert "réseaux" in article.body or "renseignement" in article.title
    assert "Ã" not in article.body and "\ufffd" not in article.body


def test_a_page_in_another_charset_without_a_header(loopback: LoopbackServer, fetcher: Fetcher):
    text = "Сообщение о переговорах в Пекине и о санкциях. " * 30
    page = (
        '<html><head><meta charset="koi8-r"><title>Переговоры</title></head>'
        f"<body><article><p>{text}</p></article></body></html>"
    )
    loopback.add("/koi8", page.encode("koi8-r"), content_type="text/html")
    article = fetcher.page(loopback.url("/koi8"))
    assert article.title == "Переговоры" and "санкциях" in article.body


def test_urls_that_are_not_http(fetcher: Fetcher):
    for url, reason in [
        ("ftp://example.org/x", "only http and https urls can be fetched"),
        ("file:///etc/passwd", "only http and https urls can be fetched"),
        ("http://", "the url names no host"),
    ]:
        assert failure(fetcher, url) == reason
    assert is_url("https://a.example/x") and is_url("ftp://x/y") and not is_url("notes.md")
    assert check_url("  http://127.0.0.1/x ") == "http://127.0.0.1/x"


def test_a_refused_connection_is_one_line(fetcher: Fetcher):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert failure(fetcher, f"http://127.0.0.1:{port}/").startswith("cannot connect")


def test_a_redirect_to_another_scheme_is_refused(loopback: LoopbackServer, fetcher: Fetcher):
    loopback.add("/to-file", b"", status=302, headers={"Location": "file:///etc/passwd"})
    assert failure(fetcher, loopback.url("/to-file")) == "redirected to a url that is not http(s)"


def test_a_batch_goes_on_past_failures_and_runs_concurrently(loopback: LoopbackServer):
    loopback.slow_seconds = 1.0
    urls = [loopback.url("/slow") for _ in range(4)] + [loopback.url("/status/404")]
    with Fetcher(FetchLimits(read_timeout=5, deadline=10)) as fetcher:
        results = list(fetch_pages(urls, fetcher, workers=3))
    assert len(results) == 5
    failed = [r for r in results if isinstance(r, FetchError)]
    assert [str(f) for f in failed] == [loopback.url("/status/404") + ": HTTP 404 Not Found"]
    assert loopback.paths_requested().count("/slow") == 4
    assert 2 <= loopback.max_in_flight <= 3  # at once, but never past the limit


def test_only_loopback_is_reachable_from_tests(loopback: LoopbackServer):
    with pytest.raises(AssertionError, match="loopback only"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    assert httpx.get(loopback.url("/status/200")).status_code == 200


@pytest.mark.slow
def test_every_saved_page_reads_the_same_over_http_as_from_its_file(loopback: LoopbackServer):
    """All of ../shared's Readability pages: served, fetched four at a time, read; each must
    give what reading its file gives (or fail for the same reason)."""
    from loopback import READABILITY

    from kimreader.corpus.readers import read_text

    names = sorted(p.name for p in READABILITY.iterdir() if (p / "source.html").is_file())
    urls = {loopback.readability_url(name): name for name in names}
    with Fetcher() as fetcher:
        fetched = {outcome(item) for item in fetch_pages(urls, fetcher)}
    differ = []
    for url, name in urls.items():
        try:
            local = outcome(read_text(readability_page(name), url, "html", url=url))
        except ReadError as error:
            local = outcome(error.at(url))
        if local not in fetched:
            differ.append(name)
    assert len(urls) >= 60 and differ == []


def outcome(item: object) -> tuple[str, ...]:
    if isinstance(item, ReadError):
        return (item.origin, item.reason)
    assert isinstance(item, Article)
    return (item.origin, item.title, item.body, "; ".join(item.authors), item.url)
