"""Exports that read on their own: lists and search results as CSV, an article as Markdown with
its front matter, highlights and notes. Plain text out (no Textual, no Rich)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kimreader.corpus.article import Article
    from kimreader.corpus.library import CatalogEntry
    from kimreader.corpus.userstate import Placed, Snapshot
    from kimreader.index.search import Hit
    from kimreader.index.workspace import Workspace

# A cell a spreadsheet would run as a formula starts with one of these (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue()


def _state_cells(article_id: str, state: Snapshot | None) -> list[str]:
    if state is None:
        return ["", "", ""]
    return [
        "yes" if article_id in state.read else "no",
        "yes" if article_id in state.starred else "no",
        " ".join(state.tags.get(article_id, ())),
    ]


STATE_COLUMNS = ("read", "starred", "tags")


def entries_csv(entries: Iterable[CatalogEntry], state: Snapshot | None = None) -> str:
    """The library's list: one row per article."""
    header = ("id", "published", "source", "authors", "title", "url", *STATE_COLUMNS)
    rows = (
        [e.id, e.published, e.source, "; ".join(e.authors), e.title, e.url,
         *_state_cells(e.id, state)]
        for e in entries
    )  # fmt: skip
    return _csv(header, rows)


def hits_csv(hits: Iterable[Hit], state: Snapshot | None = None) -> str:
    """Search results: one row per hit, best first."""
    header = ("id", "score", "hits", "published", "source", "title", "snippet", *STATE_COLUMNS)
    rows = (
        [h.id, f"{h.score:.4f}", h.hit_count if h.with_offsets else "", h.published, h.source,
         h.title, h.snippet, *_state_cells(h.id, state)]
        for h in hits
    )  # fmt: skip
    return _csv(header, rows)


# -- an article with its notes -------------------------------------------------------------------


def article_markdown(article: Article, notes: Sequence[Placed], state: Snapshot) -> str:
    """The article as the library stores it (front matter and body) plus the reader's state in
    the front matter, its highlights marked ==like this== in the body, and its notes after it."""
    from kimreader.corpus.frontmatter import dump_front_matter
    from kimreader.corpus.library import article_front_matter

    fields = article_front_matter(article)
    fields["read"] = article.id in state.read
    fields["starred"] = article.id in state.starred
    fields["tags"] = list(state.tags.get(article.id, ()))
    body = _highlighted(article.body, [p.span for p in notes if p.span is not None])
    if notes:
        body = body.rstrip("\n") + "\n\n---\n\n## Notes\n\n" + _notes_markdown(notes)
    return dump_front_matter(fields, body)


def _highlighted(body: str, spans: Sequence[tuple[int, int]]) -> str:
    """==marks== around each highlighted passage (overlapping ones merged)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, position = [], 0
    for start, end in merged:
        pieces += [body[position:start], "==", body[start:end], "=="]
        position = end
    return "".join(pieces) + body[position:]


def _notes_markdown(notes: Sequence[Placed]) -> str:
    lines = []
    for placed in notes:
        note = placed.note
        where = ""
        if note.quote:
            quote = " ".join(note.quote.split())
            where = f"> {quote}\n" + ("> (this passage is no longer in the article)\n"
                                      if placed.lost else "")  # fmt: skip
        text = note.text or "(highlight)"
        lines.append(f"{where}\n{text}  \n*note {note.id}, {note.created}*\n")
    return "\n".join(lines)


# -- a selection to a folder ----------------------------------------------------------------------


class ExportError(ValueError):
    """The folder cannot take an export; one line for the user."""


def article_file_name(article: Article) -> str:
    """`2019-01-09-north-korea-s-kim-visits-china-0fee46c762.md`: sortable, readable, unique."""
    slug = re.sub(r"[^\w]+", "-", article.title.casefold(), flags=re.ASCII).strip("-")[:60]
    slug = slug.rstrip("-") or "untitled"
    return f"{article.published_iso or 'undated'}-{slug}-{article.id}.md"


def export_articles(workspace: Workspace, article_ids: Sequence[str], folder: Path) -> list[Path]:
    """Each article as Markdown with its state and notes, plus index.csv and index.json
    listing them; files are written whole (temp + rename). Returns the articles' files."""
    from kimreader.corpus.library import atomic_write_text
    from kimreader.corpus.userstate import place_notes

    library_root = workspace.library.root.resolve()
    if folder.resolve() == library_root:
        raise ExportError(f"{folder}: that is the library itself; export to another folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # mkdir's own words, "File exists", say nothing of what to do
        raise ExportError(f"{folder}: a file, not a folder; export to a folder") from None
    except OSError as error:
        raise ExportError(f"{folder}: cannot create the folder ({error.strerror})") from None
    state = workspace.state.snapshot()
    written: list[Path] = []
    listed: list[tuple[Path, CatalogEntry]] = []  # each file with its catalog entry
    for article_id in article_ids:
        article = workspace.get(article_id)
        notes = place_notes(article.body, workspace.state.notes(article.id))
        path = folder / article_file_name(article)
        atomic_write_text(path, article_markdown(article, notes, state), shared=True)
        written.append(path)
        entry = workspace.library.entry(article.id)
        if entry is not None:
            listed.append((path, entry))
    entries = [entry for _, entry in listed]
    atomic_write_text(folder / "index.csv", entries_csv(entries, state), shared=True)
    listing = [{"file": path.name, "id": entry.id, "title": entry.title, "source": entry.source,
                "published": entry.published, "url": entry.url}
               for path, entry in listed]  # fmt: skip
    atomic_write_text(
        folder / "index.json", json.dumps(listing, ensure_ascii=False, indent=2), shared=True
    )
    return written
