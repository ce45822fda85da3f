"""News feeds: parse RSS 0.9x/1.0/2.0, Atom and JSON Feed; find a page's feed; OPML.

feedparser reads RSS and Atom (and recovers what it can of a malformed feed: its "bozo" flag);
feedparser 6 does not read JSON Feed, a small JSON format read here into the same entries.
Feed text is untrusted like any article: every field is sanitized where it becomes one.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from kimreader.corpus.dates import make_date, parse_date
from kimreader.corpus.readers import ReadError
from kimreader.corpus.sanitize import sanitize_line

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/json",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)
ACCEPT_FEED = (
    "application/atom+xml,application/rss+xml,application/feed+json,application/json;q=0.9,"
    "application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.5,*/*;q=0.1"
)
# What <link rel="alternate" type=...> may name for a feed (JSON only when it says feed).
_DISCOVERABLE = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
# Each comment or instruction piece stops at its own end ("-->", "?>"): a lazy ".*?" could run on
# into the next comment, and a page of many comments without the root would then take time
# exponential in their number (a fetched page is untrusted input).
_COMMENT = rb"<!--(?:[^-]|-(?!->))*-->\s*"
_INSTRUCTION = rb"<\?(?:[^?]|\?(?!>))*\?>\s*"
_HTML_START = re.compile(rb"\s*(?:" + _COMMENT + rb")*<(!doctype\s+html|html)[\s>]", re.I | re.S)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/", re.I)
_XML_FEED_ROOT = re.compile(
    rb"(\xef\xbb\xbf)?\s*(?:" + _INSTRUCTION + rb"|" + _COMMENT + rb"|<!DOCTYPE[^>]*>\s*)*"
    rb"<(rss|feed|(\w+:)?RDF)[\s>/]",
    re.I | re.S,
)
_JSON_FEED_HEAD = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/', re.I)


class FeedError(ReadError):
    """A feed that could not be read: its url and the reason, one line."""


@dataclass(frozen=True)
class FeedEntry:
    guid: str  # the entry's id, else its link
    url: str
    title: str
    content_html: str  # the entry's own content (full text or summary), HTML
    published: date | None
    authors: tuple[str, ...]


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    site_url: str
    entries: tuple[FeedEntry, ...]
    malformed: str = ""  # why feedparser flagged it (it still read these entries)


def looks_like_feed(data: bytes) -> bool:
    """Whether a document opens as RSS, RSS 1.0 (RDF), Atom or JSON Feed: its root element
    (after any XML declaration, comments, processing instructions and doctype), not its type."""
    head = data[:4096]
    if looks_like_json(head):
        return bool(_JSON_FEED_HEAD.search(head))
    return bool(_XML_FEED_ROOT.match(head))


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Read a feed document; FeedError when it is no feed at all."""
    if "json" in content_type or looks_like_json(data):
        return _parse_json_feed(data, url)
    if content_type == "text/html" or _HTML_START.match(data[:4096]):
        raise FeedError(url, "a web page, not a feed ('kimreader feeds add' finds a page's feed)")
    return _parse_xml_feed(data, url, content_type)


def _parse_xml_feed(data: bytes, url: str, content_type: str) -> ParsedFeed:
    import feedparser

    # A stream, never bytes or str: feedparser opens a str url (or a bytes "filename") itself.
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-location": url, "content-type": content_type or "text/xml"},
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    problem = ""
    if parsed.get("bozo"):
        problem = _one_line(str(parsed.get("bozo_exception") or "malformed"))
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(url, f"not a feed ({problem or 'no RSS, Atom or JSON Feed found'})")
    feed = parsed.feed
    entries = tuple(
        entry for entry in (_xml_entry(item, url) for item in parsed.entries) if entry is not None
    )
    return ParsedFeed(
        title=_one_line(feed.get("title", "")),
        site_url=_http_url(feed.get("link", ""), url),
        entries=entries,
        malformed=problem,
    )


def _xml_entry(item: Any, base: str) -> FeedEntry | None:
    link = _http_url(item.get("link", ""), base)
    guid = _one_line(item.get("id", "")) or link
    if not guid:
        return None
    content = ""
    for block in item.get("content", ()) or ():
        if block.get("value"):
            content = block["value"]
            break
    content = content or item.get("summary", "") or item.get("description", "")
    authors = [a.get("name", "") for a in item.get("authors", ()) or () if isinstance(a, dict)]
    if not any(authors) and item.get("author"):
        authors = [item["author"]]
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    published = make_date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    return FeedEntry(
        guid=guid,
        url=link,
        title=_one_line(item.get("title", "")),
        content_html=str(content),
        published=published,
        authors=tuple(a for a in (_one_line(x) for x in authors) if a),
    )


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FeedError(url, f"not a feed (invalid JSON: {_one_line(str(error))})") from None
    if not isinstance(document, dict) or not _JSON_FEED_VERSION.match(
        str(document.get("version", ""))
    ):
        raise FeedError(url, "not a feed (JSON, but not a JSON Feed)")
    items = document.get("items")
    entries: list[FeedEntry] = []
    for item in items if isinstance(items, list) else []:
        entry = _json_entry(item, url, document) if isinstance(item, dict) else None
        if entry is not None:
            entries.append(entry)
    return ParsedFeed(
        title=_one_line(_text(document.get("title"))),
        site_url=_http_url(_text(document.get("home_page_url")), url),
        entries=tuple(entries),
    )


def _json_entry(item: dict[str, Any], base: str, feed: dict[str, Any]) -> FeedEntry | None:
    link = _http_url(_text(item.get("url")) or _text(item.get("external_url")), base)
    guid = _one_line(_text(item.get("id"))) or link
    if not guid:
        return None
    content = _text(item.get("content_html"))
    if not content and _text(item.get("content_text")):
        content = "<pre>" + _escape(_text(item["content_text"])) + "</pre>"
    content = content or _escape(_text(item.get("summary")))
    people = item.get("authors") or feed.get("authors") or [item.get("author") or {}]
    names = [_text(p.get("name")) for p in people if isinstance(p, dict)]
    return FeedEntry(
        guid=guid,
        url=link,
        title=_one_line(_text(item.get("title"))),
        content_html=content,
        published=parse_date(_text(item.get("date_published")) or _text(item.get("date_modified"))),
        authors=tuple(n for n in (_one_line(x) for x in names) if n),
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def _one_line(value: Any) -> str:
    return sanitize_line(value) if isinstance(value, str) else ""


def _http_url(value: Any, base: str) -> str:
    """An absolute http(s) url, or "" (javascript:, data:, mailto: links are no pages)."""
    if not isinstance(value, str) or not value.strip():
        return ""
    absolute = urljoin(base, value.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else ""


# --- discovery -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedLink:
    url: str
    title: str
    type: str


def discover_feeds(html: str, base_url: str) -> list[FeedLink]:
    """The feeds an HTML page announces with <link rel="alternate" type="...">, in page order."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html[:2_000_000])
    except Exception:  # lxml's ParserError for a page without elements
        return []
    base = base_url
    for href in tree.xpath("//base/@href"):
        base = urljoin(base_url, str(href).strip())
        break
    found: list[FeedLink] = []
    for link in tree.xpath("//link[@rel and @href and @type]"):
        rels = str(link.get("rel")).lower().split()
        kind = str(link.get("type")).split(";")[0].strip().lower()
        if "alternate" not in rels or kind not in _DISCOVERABLE:
            continue
        url = _http_url(link.get("href"), base)
        if url and url not in {f.url for f in found}:
            found.append(FeedLink(url, _one_line(str(link.get("title") or "")), kind))
    return found


# --- OPML ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str
    site_url: str = ""


def read_opml(data: bytes, origin: str) -> list[OpmlFeed]:
    """Every <outline xmlUrl=...> of an OPML file (nested folders flattened)."""
    from lxml import etree

    if _ENTITY_DECLARATION.search(data):  # no subscription list needs one; bombs do
        raise ReadError(origin, "not an OPML file (it declares XML entities)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise ReadError(origin, f"not an OPML file ({_one_line(str(error))})") from None
    if root is None or root.tag.lower() != "opml":
        raise ReadError(origin, "not an OPML file (no <opml> element)")
    feeds: list[OpmlFeed] = []
    for outline in root.iter("outline"):
        url = _http_url(outline.get("xmlUrl") or outline.get("xmlurl") or "", "")
        if url and url not in {f.url for f in feeds}:
            title = outline.get("title") or outline.get("text") or ""
            feeds.append(OpmlFeed(url, _one_line(title), _http_url(outline.get("htmlUrl"), "")))
    return feeds


def write_opml(feeds: list[OpmlFeed], title: str = "kimreader feeds") -> str:
    from xml.sax.saxutils import quoteattr

    lines = [  # no dateCreated: the same feeds export to the same file
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_xml_text(title)}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        attrs = f'type="rss" text={quoteattr(feed.title or feed.url)}'
        attrs += f" title={quoteattr(feed.title or feed.url)} xmlUrl={quoteattr(feed.url)}"
        if feed.site_url:
            attrs += f" htmlUrl={quoteattr(feed.site_url)}"
        lines.append(f"    <outline {attrs}/>")
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)
