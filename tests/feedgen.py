"""Feeds the tests generate: RSS 0.91/2.0, RSS 1.0 (RDF), Atom and JSON Feed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    guid: str
    link: str
    title: str
    content: str = ""  # HTML
    date: str = "2017-01-13T10:00:00Z"


def rss2(title: str, site: str, items: list[Item], version: str = "2.0") -> str:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        f'<guid isPermaLink="false">{escape(i.guid)}</guid>'
        f"<pubDate>Fri, 13 Jan 2017 10:00:00 GMT</pubDate>"
        f"<description>{escape(i.content)}</description></item>"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="{version}"><channel>'
        f"<title>{escape(title)}</title><link>{escape(site)}</link>"
        f"<description>test</description>{entries}</channel></rss>"
    )


def rss1(title: str, site: str, items: list[Item]) -> str:
    entries = "".join(
        f'<item rdf:about="{escape(i.guid)}"><title>{escape(i.title)}</title>'
        f"<link>{escape(i.link)}</link><description>{escape(i.content)}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/">'
        f'<channel rdf:about="{escape(site)}"><title>{escape(title)}</title>'
        f"<link>{escape(site)}</link><description>test</description></channel>"
        f"{entries}</rdf:RDF>"
    )


def atom(title: str, site: str, items: list[Item]) -> str:
    entries = "".join(
        f"<entry><title>{escape(i.title)}</title><id>{escape(i.guid)}</id>"
        f'<link rel="alternate" href="{escape(i.link)}"/><updated>{i.date}</updated>'
        f"<author><name>Ann Writer</name></author>"
        f'<content type="html">{escape(i.content)}</content></entry>'
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>{escape(title)}</title><link href="{escape(site)}"/><id>urn:test</id>'
        f"<updated>2017-01-13T10:00:00Z</updated>{entries}</feed>"
    )


def json_feed(title: str, site: str, items: list[Item]) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": site,
            "items": [
                {
                    "id": i.guid,
                    "url": i.link,
                    "title": i.title,
                    "content_html": i.content,
                    "date_published": i.date,
                    "authors": [{"name": "Ann Writer"}],
                }
                for i in items
            ],
        }
    )
