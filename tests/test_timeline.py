"""The timeline's dates (analysis.timeline) against the days the differences compare."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kimreader.analysis.days import sentence_days
from kimreader.analysis.text import all_sentences
from kimreader.analysis.timeline import resolve_mentions

WIKINEWS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "wikinews"


def test_a_date_without_its_year_is_dated_alike_on_the_timeline_and_in_the_differences() -> None:
    # fresh4r samoa-measles: the report of 2020-01-01 on the end of the emergency says "The
    # national vaccination campaign started on November 20." (2019's: the year before, as the
    # report's year puts it long after publication). The timeline dated it 2020-11-20 while the
    # differences dated it 2019-11-20; one rule now (timeline.month_day_date).
    name = "samoan-government-ends-state-of-emergency-over-measles-outbr"
    body = (WIKINEWS / f"{name}.txt").read_text("utf-8")
    published = date(2020, 1, 1)
    dated = {m.text: m.date for m in resolve_mentions(body, published)}
    assert dated["November 20"] == date(2019, 11, 20)
    assert dated["November 15"] == date(2019, 11, 15)
    # 2020-12-26 is 360 days after publication, past DAYS_AHEAD: the year before as well
    assert dated["December 26"] == date(2019, 12, 26)
    sentence = next(s for s in all_sentences(body) if "campaign started on November 20" in s.text)
    [day] = sentence_days(sentence.text, sentence.start, published)
    assert day.when == dated["November 20"]
    # A year written is kept.
    assert resolve_mentions("It started on November 20, 2020.", published)[0].date == date(
        2020, 11, 20
    )


def test_a_leap_day_without_its_year_in_the_next_year_s_report_is_the_year_before() -> None:
    # "February 29" in a report of January 2021: 2021 has no such day, 2020 had (it was dropped
    # from the timeline and from the days the differences compare). No development text has it.
    published = date(2021, 1, 10)
    text = "The vote was held on February 29."
    assert [m.date for m in resolve_mentions(text, published)] == [date(2020, 2, 29)]
    assert [day.when for day in sentence_days(text, 0, published)] == [date(2020, 2, 29)]
    # A year with no such day either way: no date.
    assert resolve_mentions(text, date(2023, 1, 10)) == []
