"""The article orders have one home (corpus/order.py): the app's list and the CLI agree."""

from __future__ import annotations

from kimreader.corpus.order import ARTICLE_ORDERS, in_order
from kimreader.tui.widgets.article_list import Row

ROWS = [
    Row("b", "beta", "Reuters", "2024-01-02"),
    Row("a", "Alpha", "ap", "2024-01-02"),
    Row("c", "alpha", "AP", ""),
    Row("d", "Gamma", "bbc", "2025-06-30"),
]


def ids(rows: list[Row]) -> list[str]:
    return [row.id for row in rows]


def test_newest_first_then_title_undated_last() -> None:
    assert ids(in_order(ROWS, "date")) == ["d", "b", "a", "c"]


def test_title_and_source_ignore_case_and_break_ties_by_id() -> None:
    assert ids(in_order(ROWS, "title")) == ["a", "c", "b", "d"]
    assert ids(in_order(ROWS, "source")) == ["a", "c", "d", "b"]


def test_relevance_keeps_the_index_order() -> None:
    assert ids(in_order(ROWS, "relevance")) == ["b", "a", "c", "d"]


def test_every_offered_order_sorts() -> None:
    for order in ARTICLE_ORDERS:
        assert sorted(ids(in_order(ROWS, order))) == ["a", "b", "c", "d"]
        assert ids(in_order(ROWS, order)) != ids(ROWS) or order == "relevance"
