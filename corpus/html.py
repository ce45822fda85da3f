"""Main text and metadata of a news page, as Markdown.

The article body comes from readability-lxml, which measured best on mozilla/readability's test
pages (bench/extractors.py); when it keeps almost nothing, trafilatura's body is used instead.
Metadata comes from trafilatura's metadata extraction (meta tags, JSON-LD, bylines); the title
is trafilatura's when the page's <title>/og:title confirms it, else readability's; the language
is <html lang> (or content-language / og:locale); the url is the canonical link.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from kimreader.corpus.dates import parse_date
from kimreader.corpus.metadata import split_authors
from kimreader.corpus.readers import ReadError

# Below this many letters, readability has probably picked the wrong block (or none).
_MIN_BODY_LETTERS = 200
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_SAFE_SCHEMES = {"http", "https", "mailto", ""}
_LETTER = re.compile(r"[^\W\d_]")
_TAG = re.compile(r"<[^>]*>")
# Meta tags and bylines sit near the top; on huge pages the rest only costs time.
_META_SCAN_CHARS = 1_000_000
_ATX_HEADING = re.compile(r"\A\s*#{1,6}[ \t]+(.*?)[ \t#]*\n")
_BLANK_RUN = re.compile(r"\n{3,}")
_BLOCK_WRAPPER = re.compile(
    r"</?(?:div|section|main|header|footer|aside|nav|center|table|tbody|thead|tfoot|tr|td|th"
    r"|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|form|fieldset)\b[^>]*>",
    re.I,
)
_BR_RUN = re.compile(r"(?:<br>\s*){3,}")
_INLINE_WRAPPER = re.compile(
    r"</?(?:span|font|b|i|u|s|em|strong|small|big|sub|sup|mark|tt|code|label|abbr|cite)\b[^>]*>",
    re.I,
)
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)


@dataclass(frozen=True)
class PageMeta:
    """A page's metadata (all strings unsanitized)."""

    title: str = ""
    authors: tuple[str, ...] = ()
    published: date | None = None
    site_name: str = ""
    url: str = ""
    language: str = ""
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class HtmlPage(PageMeta):
    """What a news page yields: its metadata and the Markdown body."""

    markdown: str
    extractor: str = field(default="readability", compare=False)


def extract_html(html: str, url: str | None = None) -> HtmlPage:
    """Extract the article of an HTML page; ReadError (no origin) when there is none."""
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        raise ReadError("", "no article text found")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # lxml/htmldate FutureWarnings are not the user's
            return _extract(html, url)
    except RecursionError:
        raise ReadError("", "page too deeply nested to read") from None
    except (ValueError, TypeError) as error:
        # lxml raises these for documents it cannot parse at all.
        raise ReadError("", f"unreadable HTML ({type(error).__name__})") from None


def _extract(html: str, url: str | None) -> HtmlPage:
    tree, too_deep = _parse_checked(html)
    if too_deep:
        html = _flatten(html)
        tree, too_deep = _parse_checked(html)
        if too_deep:
            raise ReadError("", "page too deeply nested to read (over 256 levels)")
    meta_tree = tree if len(html) <= _META_SCAN_CHARS else _parse(html[:_META_SCAN_CHARS])
    meta = _metadata(meta_tree, html[:_META_SCAN_CHARS], url)
    base = meta.url or url or ""
    body_html, extractor = _readability_body(html), "readability"
    if _letters(body_html) < _MIN_BODY_LETTERS:
        fallback = _trafilatura_body(tree)
        if _letters(fallback) > _letters(body_html):
            body_html, extractor = fallback, "trafilatura"
    markdown = _drop_title_heading(to_markdown(body_html, base), meta.title)
    known = {f.name: getattr(meta, f.name) for f in fields(PageMeta)}
    return HtmlPage(markdown=markdown, extractor=extractor, **known)


def _parse(html: str) -> Any:
    return _parse_checked(html)[0]


def _parse_checked(html: str) -> tuple[Any, bool]:
    """The parsed page, and whether libxml2 cut it at its nesting limit (losing the text)."""
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except Exception:  # lxml's ParserError: "Document is empty" (only comments, a doctype...)
        raise ReadError("", "no article text found") from None
    return tree, any("Excessive depth" in entry.message for entry in parser.error_log)


def _flatten(html: str) -> str:
    """Take out wrapper tags (div, span, b...) so a page nested past libxml2's limit of 256
    levels keeps its text; its block wrappers become line breaks."""
    html = _INLINE_WRAPPER.sub("", _BLOCK_WRAPPER.sub("<br>", html))
    return _BR_RUN.sub("<br><br>", html)


# --- body ------------------------------------------------------------------------------------


def _readability_body(html: str) -> str:
    from readability import Document

    try:
        return Document(html).summary(html_partial=True)
    except Exception:  # readability's Unparseable and lxml errors: try trafilatura instead
        return ""


def _trafilatura_body(tree: Any) -> str:
    import copy

    import lxml.html
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            copy.deepcopy(tree),  # trafilatura prunes the tree it is given
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            include_links=True,
            include_formatting=True,
        )
    except ValueError:  # lxml refuses text with controls or noncharacters: keep readability's
        return ""
    body = getattr(document, "body", None)  # a Document (bare_extraction types it loosely)
    if body is None:
        return ""
    return lxml.html.tostring(body, encoding="unicode")


def _letters(html: str, enough: int = _MIN_BODY_LETTERS) -> int:
    """Letters in the text of an HTML fragment, counting no further than `enough`."""
    count = 0
    for count, _ in enumerate(_LETTER.finditer(_TAG.sub(" ", html[:200_000])), start=1):
        if count >= enough:
            break
    return count


def to_markdown(body_html: str, base_url: str = "") -> str:
    """HTML fragment to Markdown: ATX headings, links kept, images and scripts dropped."""
    if not body_html.strip():
        return ""
    converter = _converter_class()(
        heading_style="ATX",
        bullets="-",
        strip=["img", "script", "style", "noscript", "iframe", "svg", "button", "form", "input"],
        escape_underscores=False,
        escape_misc=False,
    )
    converter.base_url = base_url
    from bs4 import BeautifulSoup

    # lxml's tree builder is twice as fast as markdownify's default html.parser on big pages.
    soup = BeautifulSoup(body_html, "lxml")
    _unwrap_layout_tables(soup)
    markdown = converter.convert_soup(soup)
    markdown = _TRAILING_SPACE.sub("", markdown)
    return _BLANK_RUN.sub("\n\n", markdown).strip() + "\n"


_LAYOUT_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")


def _unwrap_layout_tables(soup: Any) -> None:
    """A table whose cells hold tables lays them out side by side (LWN's "most active
    developers" tables): its own rows and cells become blocks, so each inner table is a
    Markdown table of its own, one row per line. Markdown has no nested tables: markdownify
    writes an inner table on its parent cell's line ("| Kay Schenk | 27 | 7.1% | | Pedro
    Giffuni | ..."), and row-based readers of the Markdown (the entity table rules) miss it."""
    for table in soup.find_all("table"):
        if table.find("table") is None:
            continue
        own = [part for part in table.find_all(_LAYOUT_PARTS) if part.find_parent("table") is table]
        for part in [table, *own]:
            part.name = "div"


_CONVERTER: type | None = None


def _converter_class() -> type:
    """markdownify's converter with safe links and no embedded media (built once, lazily)."""
    global _CONVERTER
    if _CONVERTER is None:
        from markdownify import MarkdownConverter

        class ArticleConverter(MarkdownConverter):
            base_url = ""

            def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
                href = (el.get("href") or "").strip()
                if href and self.base_url:
                    href = urljoin(self.base_url, href)
                if not href or href.startswith("#") or urlsplit(href).scheme not in _SAFE_SCHEMES:
                    return text  # javascript:, data: and in-page anchors keep only their text
                el["href"] = href
                if el.get("title"):
                    del el["title"]  # tooltips are page chrome, not article text
                # convert_a is made at run time by markdownify: mypy cannot see it
                return super().convert_a(el, text, parent_tags)  # type: ignore[misc]

            def convert_img(self, el: Any, text: str, parent_tags: set[str]) -> str:
                return ""

            def convert_script(self, el: Any, text: str, parent_tags: set[str]) -> str:
                return ""

            def convert_style(self, el: Any, text: str, parent_tags: set[str]) -> str:
                return ""

        _CONVERTER = ArticleConverter
    return _CONVERTER


def _drop_title_heading(markdown: str, title: str) -> str:
    """Readability often keeps the headline as the first heading; the title field holds it."""
    match = _ATX_HEADING.match(markdown)
    if match and title and _fold(match.group(1)) == _fold(title):
        return markdown[match.end() :].lstrip("\n")
    return markdown


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[*_`\[\]]", "", text).casefold().split())


# --- metadata --------------------------------------------------------------------------------


def _metadata(tree: Any, html: str, url: str | None) -> PageMeta:
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(tree, default_url=url, extensive=False)
    return PageMeta(
        title=_choose_title(tree, found.title or "", html),
        authors=split_authors(found.author or ""),
        published=parse_date(found.date),
        site_name=found.sitename or "",
        url=_canonical_url(tree) or found.url or url or "",
        language=_language(tree),
        description=found.description or "",
    )


def _choose_title(tree: Any, found: str, html: str) -> str:
    """trafilatura's title when the page's own <title>/og:title confirms it, else readability's.

    trafilatura prefers the first <h1>, which on some pages is a section name ("Allergies
    Health Center"); readability trims the site name off <title>. Measured on mozilla's pages:
    trafilatura alone 53/62, readability alone 54/62, this choice 60/62.
    """
    heads = tree.xpath(
        "//title/text() | //meta[@property='og:title']/@content"
        " | //meta[@name='twitter:title']/@content"
    )
    wanted = _fold(found)
    folded_heads = [_fold(str(head)) for head in heads]
    if wanted and any(head and (wanted in head or head in wanted) for head in folded_heads):
        return found
    return _readability_title(html) or found


def _readability_title(html: str) -> str:
    from readability import Document

    try:
        return Document(html).short_title()
    except Exception:
        return ""


def _canonical_url(tree: Any) -> str:
    for href in tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'):
        href = str(href).strip()
        if urlsplit(href).scheme in ("http", "https"):
            return href
    return _json_ld_url(tree)


def _json_ld_url(tree: Any) -> str:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                if urlsplit(item["url"]).scheme in ("http", "https"):
                    return item["url"]
    return ""


def _language(tree: Any) -> str:
    candidates = tree.xpath(
        "/html/@lang | /html/@xml:lang"
        ' | //meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content'
        ' | //meta[@property="og:locale"]/@content',
        namespaces={"xml": "http://www.w3.org/XML/1998/namespace"},
    )
    for value in candidates:
        value = str(value).strip().replace("_", "-")
        if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
            return value
    return ""
