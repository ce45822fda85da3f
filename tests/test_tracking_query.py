"""`is:`, `tag:`, `note:` and `has:` in queries: taken out of the query, answered by the reading
state, combined with what the search engine finds for the rest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kimreader.corpus.article import Article
from kimreader.corpus.library import Library
from kimreader.index.query import QueryError
from kimreader.index.tracking import SplitQuery, StateTerm, split_query
from kimreader.index.workspace import Workspace


def terms(*specs: str) -> tuple[StateTerm, ...]:
    out = []
    for spec in specs:
        negated = spec.startswith("-")
        field, value = spec.lstrip("-").split(":", 1)
        out.append(StateTerm(field, value, negated))
    return tuple(out)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kim visit", SplitQuery("kim visit")),
        ("kim is:unread", SplitQuery("kim", (terms("is:unread"),))),
        ("is:starred", SplitQuery("", (terms("is:starred"),))),
        ("kim AND tag:Korea", SplitQuery("kim", (terms("tag:korea"),))),
        ("-is:read trade NOT tag:china",
         SplitQuery("trade", (terms("-is:read"), terms("-tag:china")))),
        ("(tag:korea OR is:starred) kim", SplitQuery("kim", (terms("tag:korea", "is:starred"),))),
        ("NOT (tag:a OR tag:b)", SplitQuery("", (terms("-tag:a", "-tag:b"),))),
        ('note:"follow up" "trade war"', SplitQuery('"trade war"', (terms("note:follow up"),))),
        ('"is:unread in a phrase"', SplitQuery('"is:unread in a phrase"')),
        ("(sanctions OR tariffs) has:note",
         SplitQuery("(sanctions OR tariffs)", (terms("has:note"),))),
        ("tag:kor*", SplitQuery("", (terms("tag:kor*"),))),
        ("IS:Unread", SplitQuery("", (terms("is:unread"),))),
    ],
)  # fmt: skip
def test_state_terms_are_taken_out_of_the_query(query: str, expected: SplitQuery) -> None:
    assert split_query(query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kim OR is:starred", "combine with the rest by AND"),
        ("is:starred OR kim", "combine with the rest by AND"),
        ("(kim is:starred)", "inside brackets"),
        ("is:fresh", "is: takes read, unread, starred"),
        ("has:stars", "has: takes note"),
        ("tag:", "tag: needs a value"),
        ("tag:a:b", "is not a tag"),
        ("is:read kim NOT", "NOT at the end"),
    ],
)
def test_misplaced_or_unknown_state_terms_get_one_line(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as raised:
        split_query(query)
    assert "\n" not in str(raised.value)


# -- the whole query language through the Workspace ---------------------------------------------

ARTICLES = [
    Article.create("Kim visits China", "Kim Jong Un visited Beijing. Talks on trade.",
                   published=date(2019, 1, 9)),
    Article.create("Trade talks in Singapore", "The trade talks went on. Sanctions remain.",
                   published=date(2018, 6, 19)),
    Article.create("Kim meets Trump", "Kim and Trump met in Singapore for talks.",
                   published=date(2018, 6, 12)),
    Article.create("Weather", "Rain in Seoul.", published=date(2018, 1, 1)),
]  # fmt: skip
KIM, TRADE, SUMMIT, WEATHER = (a.id for a in ARTICLES)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    library = Library.open(tmp_path, seed=False)
    for article in ARTICLES:
        library.add(article)
    workspace = Workspace(library)
    workspace.ensure_index()
    state = workspace.state
    state.set_read([KIM, WEATHER])
    state.set_starred([SUMMIT])
    state.add_tags(KIM, ["korea"])
    state.add_tags(SUMMIT, ["korea", "summit"])
    body = ARTICLES[1].body
    state.add_note(TRADE, "Follow up on the sanctions", body=body, span=(0, 24))
    return workspace


def found(workspace: Workspace, query: str) -> list[str]:
    result = workspace.search(query, limit=50)
    assert not result.error, result.error
    assert result.total == len(result.hits)
    return [hit.id for hit in result.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("is:unread", [TRADE, SUMMIT]),  # newest first when nothing is scored
        ("is:read", [KIM, WEATHER]),
        ("talks is:unread", {TRADE, SUMMIT}),
        ("kim -is:read", [SUMMIT]),
        ("tag:korea", [KIM, SUMMIT]),
        ("tag:kor* -is:starred", [KIM]),
        ("kim tag:summit", [SUMMIT]),
        ("(tag:summit OR is:read)", [KIM, SUMMIT, WEATHER]),
        ("note:sanctions", [TRADE]),
        ("note:sanc*", [TRADE]),
        ('note:"follow up"', [TRADE]),
        ("note:beijing", []),
        ("has:note", [TRADE]),
        ("has:tag -tag:summit", [KIM]),
        ("NOT has:tag is:unread", [TRADE]),
        ("singapore (tag:korea OR has:note)", {TRADE, SUMMIT}),
        ("is:unstarred is:read", [KIM, WEATHER]),
        ("title:trade is:unread", [TRADE]),
    ],
)
def test_state_terms_combine_with_the_query_language(
    workspace: Workspace, query: str, expected: list[str] | set[str]
) -> None:
    ids = found(workspace, query)
    assert (set(ids) if isinstance(expected, set) else ids) == expected


def test_scores_offsets_and_errors_come_from_the_engine(workspace: Workspace) -> None:
    result = workspace.search("talks is:unread")
    assert result.query == "talks is:unread" and all(hit.score > 0 for hit in result.hits)
    summit = next(hit for hit in result.hits if hit.id == SUMMIT)
    assert [ARTICLES[2].body[s:e] for s, e in summit.matches] == ["talks"]
    body_spans, _ = workspace.match_offsets(SUMMIT, "talks tag:korea")
    assert [ARTICLES[2].body[s:e] for s, e in body_spans] == ["talks"]
    assert workspace.match_offsets(SUMMIT, "tag:korea") == ([], [])
    assert workspace.search("kim OR is:read").error.startswith("is:, tag:")
    assert "unknown field" in workspace.search("kim colour:red is:read").error


def test_a_new_state_is_seen_by_the_next_search(workspace: Workspace) -> None:
    assert found(workspace, "is:starred") == [SUMMIT]
    other = Workspace(Library(workspace.library.root))  # another process's view of the state
    other.state.set_starred([WEATHER])
    assert found(workspace, "is:starred") == [SUMMIT, WEATHER]
    workspace.state.set_starred([SUMMIT], False)
    assert found(workspace, "is:starred") == [WEATHER]
