"""`kimreader add URL`, `feeds ...` and `fetch` against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cli_helpers import run
from feedgen import Item, atom, rss2

LONG_TEXT = "<p>" + "The feed carries the whole story of the harbour strike. " * 12 + "</p>"


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    """A new library with the shipped reports (only `add` and `init` create one)."""
    from kimreader.corpus.library import Library

    return Library.open(tmp_path / "lib").root


def test_add_urls_one_line_per_failure_and_the_batch_goes_on(capsys, library, loopback):
    good = loopback.readability_url("nytimes-1")
    bad = [loopback.url("/status/404"), loopback.url("/loop"), "ftp://127.0.0.1/x"]
    code, out, err = run(capsys, library, "add", "--no-entities", bad[0], good, *bad[1:])
    assert code == 1  # some sources failed
    assert out.splitlines()[0] == "added 1, updated 0, unchanged 0, duplicates 0, failed 3"
    assert sorted(err.splitlines()) == sorted(
        [
            f"kimreader: {bad[0]}: HTTP 404 Not Found",
            f"kimreader: {bad[1]}: too many redirects (more than 5)",
            f"kimreader: {bad[2]}: only http and https urls can be fetched",
        ]
    )
    code, out, _ = run(capsys, library, "search", "sudan", "--json")
    assert json.loads(out)["total"] == 1


def test_adding_the_same_url_again_updates_it(capsys, library, loopback):
    url = loopback.add("/story", loopback_page("First version of the story."))
    run(capsys, library, "add", "--no-entities", url)
    code, out, _ = run(capsys, library, "add", "--no-entities", url)
    assert "unchanged 1" in out
    loopback.add("/story", loopback_page("Second version, with a correction."))
    code, out, _ = run(capsys, library, "add", "--no-entities", url, "--json")
    report = json.loads(out)
    assert code == 0 and len(report["updated"]) == 1 and not report["added"]
    code, out, _ = run(capsys, library, "show", report["updated"][0], "--json")
    shown = json.loads(out)
    assert "correction" in shown["body"] and shown["origin"] == url
    code, out, _ = run(capsys, library, "list", "--json")
    assert len(json.loads(out)) == 3  # the two shipped reports and this one


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [
        ("rss", "application/xml"),  # how many servers send RSS
        ("rss", "text/xml; charset=utf-8"),
        ("rss", "application/rss+xml"),
        ("atom", "application/atom+xml"),
        ("atom", ""),
    ],
)
def test_adding_a_feed_says_what_to_type_to_follow_it(
    capsys, library, loopback, kind, content_type
):
    base = loopback.base
    items = [Item("a", f"{base}/a", "A story", LONG_TEXT)]
    feed = (rss2 if kind == "rss" else atom)("Loopback News", base, items)
    url = loopback.add("/news.xml", feed, content_type=content_type) + "?edition=uk&page=1"
    code, out, err = run(capsys, library, "add", "--no-entities", url)
    assert code == 2 and "failed 1" in out
    assert err == (
        f"kimreader: {url}: a feed, not an article; follow it with: kimreader feeds add '{url}'\n"
    )


def test_xml_that_is_no_feed_is_not_html(capsys, library, loopback):
    url = loopback.add(
        "/sitemap.xml",
        '<?xml version="1.0"?><urlset><url><loc>http://x/</loc></url></urlset>',
        content_type="application/xml",
    )
    _, _, err = run(capsys, library, "add", "--no-entities", url)
    assert err == f"kimreader: {url}: not HTML (application/xml)\n"


def loopback_page(sentence: str) -> str:
    return (
        "<html><head><title>A local story</title></head><body><article>"
        f"<p>{sentence} " + "The council met on Monday to discuss the harbour. " * 15 + "</p>"
        "</article></body></html>"
    )


def test_add_from_a_file_and_from_stdin(capsys, library, loopback, tmp_path, monkeypatch):
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"# reading list\n{loopback.readability_url('nytimes-1')}\n\n"
        f"{loopback.readability_url('bbc-1')}\n"
    )
    code, out, _ = run(capsys, library, "add", "--no-entities", "--from", str(listing))
    assert code == 0 and out.startswith("added 2,")
    monkeypatch.setattr("sys.stdin", io.StringIO(loopback.readability_url("guardian-1") + "\n"))
    code, out, _ = run(capsys, library, "add", "--no-entities", "--from", "-")
    assert code == 0 and out.startswith("added 1,")


def test_add_with_nothing_to_add(capsys, library, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    code, _, err = run(capsys, library, "add", "--from", str(empty))
    assert code == 2 and err.count("\n") == 1


def test_follow_fetch_list_and_filter_by_feed(capsys, library, loopback):
    base = loopback.base
    loopback.add(
        "/feeds/main",  # where daringfireball-1's <link rel="alternate"> points, relatively
        atom("Loopback News", base, [Item("urn:1", f"{base}/readability/nytimes-1/", "x")]),
        content_type="application/atom+xml",
        etag='"1"',
    )
    code, out, _ = run(
        capsys, library, "feeds", "add", loopback.readability_url("daringfireball-1")
    )
    assert code == 0 and out.startswith("following loopback-news: Loopback News")
    code, out, _ = run(capsys, library, "feeds", "add", loopback.url("/feeds/main"))
    assert code == 0 and out.startswith("already following loopback-news")
    code, out, err = run(capsys, library, "fetch", "--no-entities")
    assert (code, out, err) == (0, "loopback-news: 1 new\n", "")
    code, out, _ = run(capsys, library, "fetch", "--no-entities")
    assert out == "loopback-news: not modified\n"
    code, out, _ = run(capsys, library, "feeds", "list", "--json")
    [feed] = json.loads(out)
    assert (feed["name"], feed["articles"], feed["status"]) == ("loopback-news", 1, "not modified")
    code, out, _ = run(capsys, library, "list", "--feed", "loopback-news", "--json")
    assert [a["title"] for a in json.loads(out)] == ["United States to Lift Sudan Sanctions"]
    code, out, _ = run(capsys, library, "search", "feed:loopback-news", "--json")
    assert json.loads(out)["total"] == 1
    code, _, _ = run(capsys, library, "list", "--feed", "nothing-here")
    assert code == 1


def test_fetch_summary_line_per_feed_and_exit_codes(capsys, library, loopback):
    base = loopback.base
    items = [
        Item("urn:ok", f"{base}/readability/bbc-1/", "ok"),
        Item("urn:gone", f"{base}/gone", "Gone but told", LONG_TEXT),
        Item("urn:lost", f"{base}/lost", "Gone and silent"),
    ]
    loopback.add("/rss", rss2("Mixed", base, items), content_type="application/rss+xml")
    loopback.add("/bad", b"<rss><channel><title>x</title><item><title>a &", content_type="text/xml")
    for url in (loopback.url("/rss"), loopback.url("/bad")):
        assert run(capsys, library, "feeds", "add", url)[0] == 0
    code, out, err = run(capsys, library, "fetch", "--no-entities")
    assert code == 0
    assert out.splitlines() == [
        "mixed: 2 new, 1 from the feed's own text, 1 failed",
        "x: 0 new, malformed feed, read what could be read",
    ]
    assert err == f"kimreader: {base}/lost: HTTP 404 Not Found; the feed gives no text either\n"
    code, out, err = run(capsys, library, "fetch", "--no-entities", "nope")
    assert code == 2 and "nope: no such feed" in err


def test_feeds_that_all_fail_exit_2(capsys, library, loopback):
    loopback.add("/f", rss2("F", loopback.base, []), content_type="application/rss+xml")
    run(capsys, library, "feeds", "add", loopback.url("/f"))
    loopback.add("/f", b"gone", status=410)
    code, out, _ = run(capsys, library, "fetch")
    assert code == 2 and out == "f: failed: HTTP 410 Gone\n"


def test_feeds_add_failures_are_one_line(capsys, library, loopback):
    page = "<html><head><title>t</title></head><body><p>no feed here</p></body></html>"
    cases = {
        loopback.add("/plain-page", page): "a web page that names no feed",
        loopback.url("/status/404"): "HTTP 404 Not Found",
        "ftp://127.0.0.1/": "only http and https urls can be fetched",
    }
    for url, reason in cases.items():
        code, out, err = run(capsys, library, "feeds", "add", url)
        assert code == 2 and out == "" and err.startswith(f"kimreader: {url}: {reason}")
        assert err.count("\n") == 1
    code, _, err = run(capsys, library, "feeds", "list")
    assert code == 1 and "no feeds followed" in err
    assert run(capsys, library, "feeds", "add", "--name", "bad name!", "http://x/")[0] == 2


def test_following_a_malformed_feed_says_so_in_one_line(capsys, library, loopback):
    feed = rss2("Broken", loopback.base, [Item("urn:a", loopback.url("/a"), "A", LONG_TEXT)])
    broken = feed.replace("<title>A</title>", "<title>A & B</title>")
    url = loopback.add("/broken.xml", broken, content_type="application/rss+xml")
    code, out, err = run(capsys, library, "feeds", "add", url)
    assert code == 0 and out.startswith("following broken:") and "1 entries" in out
    assert err.startswith(f"kimreader: {url}: malformed feed (") and err.count("\n") == 1
    code, out, _ = run(capsys, library, "feeds", "add", url, "--json")
    assert code == 0 and json.loads(out) == {"name": "broken", "url": url, "already": True}
    run(capsys, library, "feeds", "remove", "broken")
    code, out, _ = run(capsys, library, "feeds", "add", url, "--json")
    followed = json.loads(out)
    assert (followed["name"], followed["entries"], followed["already"]) == ("broken", 1, False)
    assert followed["malformed"]


def test_remove_import_and_export(capsys, library, loopback, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline text="One" xmlUrl="{loopback.url("/1.xml")}"/>'
        f'<outline text="Two" xmlUrl="{loopback.url("/2.xml")}"/></body></opml>'
    )
    code, out, _ = run(capsys, library, "feeds", "import", str(opml))
    assert code == 0 and out == "following 2 new feeds (0 already followed)\n"
    code, out, _ = run(capsys, library, "feeds", "import", str(opml), "--json")
    assert json.loads(out) == {"added": 0, "already": 2}
    code, out, _ = run(capsys, library, "feeds", "remove", "one")
    assert code == 0 and "stopped following one" in out
    code, out, _ = run(capsys, library, "feeds", "remove", "two", "--json")
    assert code == 0 and json.loads(out) == {"removed": "two", "url": loopback.url("/2.xml")}
    run(capsys, library, "feeds", "import", str(opml))  # "one" comes back as it was
    run(capsys, library, "feeds", "remove", "one")
    assert run(capsys, library, "feeds", "remove", "one")[0] == 2
    code, out, _ = run(capsys, library, "feeds", "export")
    assert code == 0 and loopback.url("/2.xml") in out and loopback.url("/1.xml") not in out
    assert loopback.requests == []  # importing and exporting fetch nothing
    exported = tmp_path / "out.opml"
    run(capsys, library, "feeds", "export", str(exported))
    assert exported.read_text() == out


def test_feed_list_survives_doctor_and_reindex(capsys, library, loopback):
    loopback.add("/f", rss2("Kept", loopback.base, []), content_type="application/rss+xml")
    run(capsys, library, "feeds", "add", loopback.url("/f"))
    before = (library / "feeds.yaml").read_text()
    run(capsys, library, "doctor", "--no-embeddings")  # the feed list is the point
    run(capsys, library, "reindex")
    assert (library / "feeds.yaml").read_text() == before
