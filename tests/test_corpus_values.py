"""The one date parser and the one metadata reader that every part of the corpus calls."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kimreader.corpus.dates import DateError, make_date, parse_date, parse_date_prefix
from kimreader.corpus.library import article_from_markdown
from kimreader.corpus.metadata import scalar_text, split_authors
from kimreader.corpus.readers import read_text


@pytest.mark.parametrize(
    "text",
    ["2018-06-19 and more", "2018-02-30", "banana", "19/06/2018x", "", "2018-06-19garbage"],
)
def test_parse_date_is_strict(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_allows_a_time_after_a_written_date() -> None:
    assert parse_date("June 19, 2018 10:30 AM EDT") == date(2018, 6, 19)
    assert parse_date("2018-06-19T10:30:00+09:00") == date(2018, 6, 19)


def test_date_prefixes_for_queries() -> None:
    assert parse_date_prefix("2018") == (date(2018, 1, 1), date(2018, 12, 31), "year")
    assert parse_date_prefix("2016-02") == (date(2016, 2, 1), date(2016, 2, 29), "month")
    assert parse_date_prefix("2018-06-19")[2] == "day"
    with pytest.raises(DateError, match="not a date"):
        parse_date_prefix("banana")
    with pytest.raises(DateError, match="not a day of the calendar"):
        parse_date_prefix("2018-13")
    assert make_date(2019, 2, 29) is None


def test_metadata_values_and_authors() -> None:
    assert scalar_text(True) == "" and scalar_text(["a"]) == "" and scalar_text(3) == "3"
    assert scalar_text("a\x1b]0;title\x07b") == "ab"
    assert split_authors("By Jane Perlez; jane perlez | Xu Wei") == ("Jane Perlez", "Xu Wei")
    assert split_authors(["By A. B.", {"x": 1}, "C D"]) == ("A. B.", "C D")


def test_front_matter_readers_and_library_agree(tmp_path: Path) -> None:
    text = (
        '---\ntitle: T\nauthors: "By Ann One; Bob Two"\npublished: "2018-06-19 and more"\n'
        "---\nBody.\n"
    )
    imported = read_text(text, "x.md", "md")
    stored = article_from_markdown(text, tmp_path / "abc.md")
    assert imported.authors == stored.authors == ("Ann One", "Bob Two")
    assert imported.published is None and stored.published is None
