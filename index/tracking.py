"""Query terms on the reader's own data: `is:unread`, `is:read`, `is:starred`, `tag:NAME`,
`note:WORD`, `has:note`, `has:tag`.

The search index is a cache rebuilt from the library, so the reading state is never put into
it: these terms are taken out of the query, evaluated on the state store as sets of article
ids, and the rest of the query runs on the search engine restricted to those ids. Whatever
engine answers the text part, the result is the same.

They combine with the rest by AND (`kim is:unread`, `tag:korea -is:read`, `NOT has:note`), and
with each other by OR inside brackets (`(tag:korea OR tag:china)`). A state term ORed with a
text term would need the engine to score articles the text does not match; it is refused with
a message rather than answered wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kimreader.corpus.userstate import Note, SavedSearch, Snapshot, StateError, normalise_tag
from kimreader.index.backend import QueryError

if TYPE_CHECKING:
    from kimreader.index.search import SearchResult
    from kimreader.index.workspace import Workspace

FIELDS = ("is", "tag", "note", "has")
FLAGS = {"is": ("read", "unread", "starred", "unstarred"), "has": ("note", "notes", "tag", "tags")}
# A top-level piece of a query: a bracketed group, a phrase, or a run of other characters.
_PIECE = re.compile(r'\((?:[^()"]|"[^"]*")*\)|"[^"]*"|[^\s()"]+(?:"[^"]*")?|\S')
_TERM = re.compile(r'(-?)(\w+):("[^"]*"|\S*)$')
_OPERATORS = {"AND", "OR", "NOT"}
_COMBINE = (
    "is:, tag:, note: and has: combine with the rest by AND or NOT, and with each other by OR "
    "inside brackets, e.g. kim (tag:korea OR is:starred)"
)


@dataclass(frozen=True)
class StateTerm:
    field: str  # one of FIELDS
    value: str
    negated: bool = False

    def __str__(self) -> str:
        value = f'"{self.value}"' if " " in self.value else self.value
        return f"{'-' if self.negated else ''}{self.field}:{value}"


@dataclass(frozen=True)
class SplitQuery:
    """A query as the engine sees it (`text`, maybe "") and the state terms taken out of it:
    every group must hold (AND), one term of a group is enough (OR)."""

    text: str
    groups: tuple[tuple[StateTerm, ...], ...] = ()


def split_query(query: str) -> SplitQuery:
    """Take the state terms out of a query. Raises QueryError on a misplaced or unknown one."""
    pieces = _PIECE.findall(query)
    if not any(_mentions_state(piece) for piece in pieces):
        return SplitQuery(query)
    kept: list[str] = []
    groups: list[tuple[StateTerm, ...]] = []
    negate = False
    for piece in pieces:
        if piece == "NOT":
            negate = True
            continue
        group = _state_group(piece)
        if group is None:
            kept.extend(["NOT", piece] if negate else [piece])
        else:
            if kept and kept[-1] == "OR":
                raise QueryError(_COMBINE)
            groups.append(tuple(_negated(t) for t in group) if negate else group)
            kept.append("")  # where a term was: an OR next to it is refused below
        negate = False
    if negate:
        raise QueryError("NOT at the end of the query: add what it excludes")
    for before, after in zip(kept, kept[1:], strict=False):
        if (before == "" and after == "OR") or (before == "OR" and after == ""):
            raise QueryError(_COMBINE)
    words = [piece for piece in kept if piece]
    while words and words[0] == "AND":
        words.pop(0)
    while words and words[-1] == "AND":
        words.pop()
    return SplitQuery(" ".join(words), tuple(groups))


def _negated(term: StateTerm) -> StateTerm:
    return StateTerm(term.field, term.value, not term.negated)


def _mentions_state(piece: str) -> bool:
    """A state field outside quotes in this piece (bracketed groups included)."""
    outside = re.sub(r'"[^"]*"', " ", piece)
    return any(f.lower() in FIELDS for f in re.findall(r"(?<![\w:])-?(\w+):", outside))


def _state_group(piece: str) -> tuple[StateTerm, ...] | None:
    """The state terms a piece is made of (a term, or a bracketed OR of terms); None for a
    piece of text; QueryError for brackets mixing them with text."""
    if piece.startswith("(") and piece.endswith(")"):
        if not _mentions_state(piece):
            return None
        inner = _PIECE.findall(piece[1:-1])
        terms = [_term(p) for p in inner[::2]]
        if any(t is None for t in terms) or any(p != "OR" for p in inner[1::2]) or not inner:
            raise QueryError(_COMBINE)
        return tuple(t for t in terms if t is not None)
    term = _term(piece)
    return None if term is None else (term,)


def _term(piece: str) -> StateTerm | None:
    match = _TERM.match(piece)
    if not match or match.group(2).lower() not in FIELDS:
        return None
    minus, field, value = match.groups()
    field, value = field.lower(), value.strip('"').strip()
    if not value:
        raise QueryError(f"{field}: needs a value, e.g. {_example(field)}")
    if field in FLAGS and value.lower() not in FLAGS[field]:
        raise QueryError(f"{field}: takes {', '.join(FLAGS[field])} (not {value!r})")
    if field == "tag":
        try:
            value = normalise_tag(value.rstrip("*")) + ("*" if value.endswith("*") else "")
        except StateError as error:
            raise QueryError(str(error)) from None
    return StateTerm(field, value.lower() if field in FLAGS else value, negated=bool(minus))


def _example(field: str) -> str:
    return {"is": "is:unread", "tag": "tag:korea", "note": "note:follow", "has": "has:note"}[field]


# -- evaluating ---------------------------------------------------------------------------------


def allowed_ids(
    groups: Iterable[Iterable[StateTerm]],
    snapshot: Snapshot,
    notes: Iterable[Note],
    universe: Iterable[str],
) -> set[str]:
    """The ids of `universe` (the library's articles) that every group admits."""
    allowed = set(universe)
    note_list = list(notes)
    for group in groups:
        admitted: set[str] = set()
        for term in group:
            ids, outside = _matching(term, snapshot, note_list)
            # outside: the term means "not in ids" (is:unread = not read)
            admitted |= (allowed - ids) if outside != term.negated else (allowed & ids)
        allowed &= admitted
    return allowed


def _matching(term: StateTerm, snapshot: Snapshot, notes: list[Note]) -> tuple[set[str], bool]:
    """The ids a term is about, and whether it admits the articles outside them."""
    if term.field == "is":
        flagged = snapshot.starred if "starred" in term.value else snapshot.read
        return set(flagged), term.value.startswith("un")
    if term.field == "has":
        return set(snapshot.notes if term.value.startswith("note") else snapshot.tags), False
    if term.field == "tag":
        prefix = term.value.endswith("*")
        wanted = term.value.rstrip("*")
        tagged = {
            article_id
            for article_id, tags in snapshot.tags.items()
            if any(tag == wanted or (prefix and tag.startswith(wanted)) for tag in tags)
        }
        return tagged, False
    return {note.article_id for note in notes if note_matches(note, term.value)}, False


def note_matches(note: Note, wanted: str) -> bool:
    """note:WORD finds a word (a prefix with `*`, a phrase in quotes) in a note or the
    passage it is on, ignoring case."""
    wanted = wanted.casefold()
    haystack = f"{note.text}\n{note.quote}".casefold()
    if " " in wanted:
        return " ".join(wanted.split()) in " ".join(haystack.split())
    words = set(_words(haystack))
    if wanted.endswith("*"):
        return any(word.startswith(wanted[:-1]) for word in words)
    return wanted in words


def _words(text: str) -> Iterator[str]:
    return (match.group() for match in re.finditer(r"\w+", text))


# -- saved searches -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedCount:
    saved: SavedSearch
    total: int
    new: int  # found now, not found when it was last opened
    error: str = ""  # the query no longer reads (e.g. a tag was renamed)


def found_ids(workspace: Workspace, query: str) -> list[str]:
    """Every article a query finds, best first."""
    return [hit.id for hit in _everything(workspace, query).hits]


def saved_counts(workspace: Workspace) -> list[SavedCount]:
    counts = []
    for saved in workspace.state.saved_searches():
        result = _everything(workspace, saved.query)
        new = sum(1 for hit in result.hits if hit.id not in saved.seen)
        counts.append(SavedCount(saved, result.total, new, result.error))
    return counts


def _everything(workspace: Workspace, query: str) -> SearchResult:
    """All of a query's hits, without offsets or snippets."""
    limit = max(1, len(workspace.library.catalog()))
    return workspace.search(query, limit=limit, offsets_for=0)
